//! Statistics, computed once from the replayed log and then only read (by the CLI and the
//! statistics screen).

use crate::core::collection::Collection;
use crate::core::review::days::{end_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Phase, Rating};
use crate::core::study::talk::{SpokenWeek, TalkTally};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// How far ahead the due forecast looks, and how far back true retention looks.
pub const WINDOW_DAYS: u64 = 30;

/// Stability from which a card counts as mastered: it would still be recalled with the
/// desired probability three weeks later (the threshold Anki calls "mature").
pub const MASTERED_STABILITY_DAYS: f32 = 21.0;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
    /// Cards (of any state) with a stability of [`MASTERED_STABILITY_DAYS`] or more.
    pub mastered: usize,
    /// Cards in review due before the study day ends, overdue ones included: the decks
    /// screen's "Due" (cards in their learning steps are counted as learning).
    pub due_today: usize,
}

impl StateCounts {
    pub fn add_card(&mut self, state: &CardState) {
        self.add(state.phase());
        if state
            .stability()
            .is_some_and(|stability| stability >= MASTERED_STABILITY_DAYS)
        {
            self.mastered += 1;
        }
    }

    /// Share of cards mastered, 0.0-1.0.
    pub fn mastery(&self) -> f64 {
        if self.total() == 0 {
            0.0
        } else {
            self.mastered as f64 / self.total() as f64
        }
    }

    pub fn add(&mut self, phase: Phase) {
        match phase {
            Phase::New => self.new += 1,
            Phase::Learning => self.learning += 1,
            Phase::Review => self.review += 1,
            Phase::Relearning => self.relearning += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.new + self.learning + self.review + self.relearning
    }
}

/// Reviews of one study day, by grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DayReviews {
    pub again: u32,
    pub hard: u32,
    pub good: u32,
    pub easy: u32,
    /// Time spent answering, from the logged durations.
    pub duration_ms: u64,
}

impl DayReviews {
    pub fn total(&self) -> u32 {
        self.again + self.hard + self.good + self.easy
    }
}

/// Share of answers to cards in review (not learning) that were not "Again": the measure
/// FSRS's desired retention aims at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Retention {
    pub passed: u32,
    pub total: u32,
    /// `None` when there were no review answers in the window.
    pub rate: Option<f64>,
}

/// True retention of the answers given in one week (Monday to Sunday, study days).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekRetention {
    pub week_start: NaiveDate,
    pub retention: Retention,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueDay {
    pub day: NaiveDate,
    pub cards: usize,
    /// Of `cards`, those in learning or relearning: the decks' Due column counts cards in
    /// review, and Learning these, so the forecast says which is which.
    pub learning: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub today: NaiveDate,
    /// Cards of the loaded decks by state.
    pub counts: StateCounts,
    /// Per deck id, the same counts.
    pub counts_per_deck: BTreeMap<String, StateCounts>,
    /// Per role (`vpoe`, `hoe`, `cto`, …), the same counts.
    pub counts_per_role: BTreeMap<String, StateCounts>,
    pub reviews_per_day: BTreeMap<NaiveDate, DayReviews>,
    /// Over the last [`WINDOW_DAYS`] study days, today included.
    pub true_retention: Retention,
    /// True retention week by week, from the first week with an answer to this week.
    pub retention_per_week: Vec<WeekRetention>,
    /// Cards of the loaded decks due on each of the next [`WINDOW_DAYS`] study days;
    /// the first entry is today and includes everything overdue.
    pub due_per_day: Vec<DueDay>,
    /// Days in a row, ending today (or yesterday if nothing was studied yet today), with
    /// at least one review.
    pub streak_days: u32,
    /// How often the answer points detected in a typed draft were the ones the user
    /// ticked, over every answer that logged both.
    pub detection: Agreement,
    /// The answer points most often left unticked, worst first (at most
    /// [`WEAK_POINTS_SHOWN`] overall).
    pub weak_points: Vec<WeakPoint>,
    /// The same per deck id (at most [`WEAK_POINTS_PER_DECK`] each).
    pub weak_points_per_deck: BTreeMap<String, Vec<WeakPoint>>,
    /// Answers given aloud week by week: talk time and pace, from the first such week
    /// to this one (empty when none was).
    pub spoken_per_week: Vec<SpokenWeek>,
}

/// One of a card's answer points and how often the user covered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeakPoint {
    pub card: String,
    pub deck: String,
    /// Index into the card's points.
    pub point: usize,
    /// Answers that logged ticks for this card with this point in it.
    pub answers: u32,
    /// Of those, the answers where the point was left unticked.
    pub missed: u32,
}

/// An answer point counts as weak once it was missed this many times.
pub const WEAK_POINT_MIN_MISSES: u32 = 2;
pub const WEAK_POINTS_SHOWN: usize = 10;
pub const WEAK_POINTS_PER_DECK: usize = 5;

/// Point by point, how often detection and the user's ticks agreed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// Answer points where the detection was what the user ticked (covered or not).
    pub agreed: u32,
    /// Answer points of answers that logged both.
    pub total: u32,
    /// Answers that logged a detection.
    pub answers: u32,
}

impl Stats {
    /// The statistics of `collection` as of `now`, in one pass over its cards and one
    /// over its answers.
    pub fn compute(collection: &Collection, now: DateTime<FixedOffset>) -> Self {
        let rollover_hour = collection.settings().day_rollover_hour;
        let today = study_day(now, rollover_hour);
        let end_of_today = end_of_study_day(now, rollover_hour);
        let mut stats = Stats {
            today,
            due_per_day: (0..WINDOW_DAYS)
                .map(|offset| DueDay {
                    day: today + Days::new(offset),
                    cards: 0,
                    learning: 0,
                })
                .collect(),
            ..Stats::default()
        };
        for (deck, card) in collection.decks().cards() {
            let state = collection.state(&card.id);
            let due_today =
                state.phase() == Phase::Review && state.due().is_some_and(|due| due < end_of_today);
            for counts in [
                &mut stats.counts,
                stats.counts_per_deck.entry(deck.id.clone()).or_default(),
                stats.counts_per_role.entry(deck.role.clone()).or_default(),
            ] {
                counts.add_card(&state);
                counts.due_today += usize::from(due_today);
            }
            if let Some(due) = state.due().filter(|_| state.phase() != Phase::New) {
                let due_day = study_day(due.with_timezone(now.offset()), rollover_hour);
                let offset = (due_day - today).num_days().max(0);
                if let Some(slot) = usize::try_from(offset)
                    .ok()
                    .and_then(|offset| stats.due_per_day.get_mut(offset))
                {
                    slot.cards += 1;
                    slot.learning += usize::from(state.phase() != Phase::Review);
                }
            }
        }
        let window_start = today - Days::new(WINDOW_DAYS - 1);
        let mut weeks: BTreeMap<NaiveDate, Retention> = BTreeMap::new();
        // (card, point) → (answers, missed), for the deck points the card has now.
        let mut ticks: BTreeMap<(&str, usize), (u32, u32)> = BTreeMap::new();
        let mut talk = TalkTally::default();
        for replayed in collection.reviews() {
            let record = replayed.record;
            let day = study_day(record.at, rollover_hour);
            if let Some(spoken) = record.spoken {
                talk.add(week_start(day), spoken);
            }
            if let (Some(covered), Some((_, card))) = (
                &record.points_covered,
                collection.decks().find_card(record.card),
            ) {
                // Only answers logged with the card's current points: after the deck
                // changed, the indices may mean other points. An answer passed with no
                // point ticked says nothing of its points (graded without ticking: an
                // Easy counted as missing every point); one forgotten missed them all.
                let deck_points = card.points.len();
                let total = record.points_total.unwrap_or(deck_points);
                let tells = !covered.is_empty() || record.rating == Rating::Again;
                if total >= deck_points && deck_points > 0 && tells {
                    for point in 0..deck_points {
                        let entry = ticks.entry((card.id.as_str(), point)).or_default();
                        entry.0 += 1;
                        entry.1 += u32::from(!covered.contains(point));
                    }
                }
            }
            let entry = stats.reviews_per_day.entry(day).or_default();
            match record.rating {
                Rating::Again => entry.again += 1,
                Rating::Hard => entry.hard += 1,
                Rating::Good => entry.good += 1,
                Rating::Easy => entry.easy += 1,
            }
            entry.duration_ms += record.duration_ms.unwrap_or(0);
            // Detection is measured only where there was a draft to read: without one it
            // finds nothing, and every tick counted as a disagreement.
            let drafted = record
                .answer
                .is_some_and(|answer| !answer.trim().is_empty());
            if let (Some(detected), Some(ticked), Some(total), true) = (
                &record.points_detected,
                &record.points_covered,
                record.points_total,
                drafted,
            ) {
                let agreement = &mut stats.detection;
                agreement.answers += 1;
                for point in 0..total {
                    agreement.total += 1;
                    let same = detected.contains(point) == ticked.contains(point);
                    agreement.agreed += u32::from(same);
                }
            }
            if replayed.phase_before == Phase::Review {
                let passed = u32::from(record.rating != Rating::Again);
                let week = weeks.entry(week_start(day)).or_default();
                week.total += 1;
                week.passed += passed;
                if day >= window_start && day <= today {
                    stats.true_retention.total += 1;
                    stats.true_retention.passed += passed;
                }
            }
        }
        if let Some(first) = collection
            .reviews()
            .next()
            .map(|replayed| study_day(replayed.record.at, rollover_hour))
        {
            let mut week = week_start(first);
            while week <= today {
                let mut retention = weeks.get(&week).copied().unwrap_or_default();
                retention.rate = rate(retention.passed, retention.total);
                stats.retention_per_week.push(WeekRetention {
                    week_start: week,
                    retention,
                });
                week = week + Days::new(7);
            }
        }
        let retention = &mut stats.true_retention;
        retention.rate =
            (retention.total > 0).then(|| f64::from(retention.passed) / f64::from(retention.total));
        stats.streak_days = streak(&stats.reviews_per_day, today);
        stats.spoken_per_week = talk.weeks(week_start(today));
        let mut weak: Vec<WeakPoint> = ticks
            .into_iter()
            .filter(|(_, (_, missed))| *missed >= WEAK_POINT_MIN_MISSES)
            .filter_map(|((card, point), (answers, missed))| {
                let (deck, _) = collection.decks().find_card(card)?;
                Some(WeakPoint {
                    card: card.to_string(),
                    deck: deck.id.clone(),
                    point,
                    answers,
                    missed,
                })
            })
            .collect();
        // Worst share of misses first, then the most misses, then deck order is kept by
        // the stable sort.
        weak.sort_by(|a, b| {
            let share = |point: &WeakPoint| {
                u64::from(point.missed) * 1_000_000 / u64::from(point.answers.max(1))
            };
            share(b).cmp(&share(a)).then(b.missed.cmp(&a.missed))
        });
        for point in &weak {
            let list = stats
                .weak_points_per_deck
                .entry(point.deck.clone())
                .or_default();
            if list.len() < WEAK_POINTS_PER_DECK {
                list.push(point.clone());
            }
        }
        weak.truncate(WEAK_POINTS_SHOWN);
        stats.weak_points = weak;
        stats
    }
}

fn rate(passed: u32, total: u32) -> Option<f64> {
    (total > 0).then(|| f64::from(passed) / f64::from(total))
}

/// The Monday of the week `day` is in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

fn streak(reviews_per_day: &BTreeMap<NaiveDate, DayReviews>, today: NaiveDate) -> u32 {
    let studied = |day: NaiveDate| reviews_per_day.get(&day).is_some_and(|r| r.total() > 0);
    // Not having studied yet today does not break the streak until the day is over.
    let mut day = if studied(today) {
        today
    } else {
        today - Days::new(1)
    };
    let mut length = 0;
    while studied(day) {
        length += 1;
        day = day - Days::new(1);
    }
    length
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::deck::DeckSet;
    use crate::core::paths::DataDir;
    use crate::core::review::log::parse_log;
    use crate::core::review::scheduler::{Answers, Memory};
    use crate::core::review::store::LogSnapshot;
    use crate::core::settings::Settings;
    use std::path::Path;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// The hand-counted log: a card learned on the 1st, reviewed on the 4th (pass) and the 12th
    /// (fail), plus a second card learned on the 12th. Numbers below are counted by hand.
    fn fixed_log() -> LogSnapshot {
        // Shared with the statistics screen's UI test, which reads the cards as deck `t`.
        let text = include_str!("../../../tests/fixtures/stats/hand-counted.jsonl")
            .replace("\"t-q0", "\"vpoe-q0");
        let (records, problems) = parse_log(Path::new("p.jsonl"), text.as_bytes());
        LogSnapshot::from_records(records, problems)
    }

    #[test]
    fn a_card_is_mastered_from_a_stability_of_21_days_in_any_state() {
        let mut counts = StateCounts::default();
        let now = at("2026-11-13T10:00:00+09:00");
        let answers = Answers {
            last_review: now,
            reps: 1,
            lapses: 0,
        };
        let memory = |stability| Memory {
            stability,
            difficulty: 5.0,
        };
        let review = |stability| CardState::Review {
            memory: memory(stability),
            due: now,
            answers,
        };
        counts.add_card(&review(20.99));
        counts.add_card(&review(21.0));
        counts.add_card(&CardState::Relearning {
            step: 0,
            memory: memory(40.0),
            due: now,
            answers,
        });
        counts.add_card(&CardState::New);
        assert_eq!((counts.total(), counts.mastered), (4, 2));
        assert_eq!(counts.mastery(), 0.5);
    }

    #[test]
    fn counts_retention_streak_and_days_on_a_fixed_log() {
        let decks = DeckSet::from_sources(vec![(
            "t.json".into(),
            r#"{"id":"t","title":{"en":"T"},"cards":[
                {"id":"vpoe-q01","question":{"en":"a"}},
                {"id":"vpoe-q02","question":{"en":"b"}},
                {"id":"vpoe-q03","question":{"en":"c"}}]}"#
                .into(),
            false,
        )]);
        let collection =
            Collection::from_parts(DataDir::new("t"), decks, Settings::default(), fixed_log());
        let stats = Stats::compute(&collection, at("2026-11-13T10:00:00+09:00"));

        assert_eq!(stats.today, NaiveDate::from_ymd_opt(2026, 11, 13).unwrap());
        // q01 lapsed into relearning, q02 graduated with Easy, q03 untouched.
        assert_eq!(
            stats.counts,
            StateCounts {
                new: 1,
                learning: 0,
                review: 1,
                relearning: 1,
                mastered: 0,
                // The relearning card counts as learning; the Easy card is due days later.
                due_today: 0,
            }
        );
        assert_eq!(stats.counts_per_role["other"].total(), 3);
        let first = &stats.reviews_per_day[&NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()];
        assert_eq!(
            (first.good, first.total(), first.duration_ms),
            (2, 2, 90_000)
        );
        let twelfth = &stats.reviews_per_day[&NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()];
        assert_eq!((twelfth.again, twelfth.easy, twelfth.total()), (1, 1, 2));
        // Review-phase answers: the 4th (pass) and the 12th (fail).
        assert_eq!(
            stats.true_retention,
            Retention {
                passed: 1,
                total: 2,
                rate: Some(0.5)
            }
        );
        // Weeks start on Monday: 2026-10-26 holds the 1st (no review answers), the 4th
        // falls in the week of 11-02, the 12th in the week of 11-09.
        let weeks: Vec<_> = stats
            .retention_per_week
            .iter()
            .map(|w| {
                (
                    w.week_start.to_string(),
                    w.retention.passed,
                    w.retention.total,
                )
            })
            .collect();
        assert_eq!(
            weeks,
            vec![
                ("2026-10-26".to_string(), 0, 0),
                ("2026-11-02".to_string(), 1, 1),
                ("2026-11-09".to_string(), 0, 1),
            ]
        );
        // Studied on the 12th but not yet on the 13th: the streak is still one day.
        assert_eq!(stats.streak_days, 1);
        assert_eq!(stats.due_per_day.len(), 30);
        // The relearning card is due within minutes of the 12th's review: overdue → today.
        assert_eq!(stats.due_per_day[0].cards, 1);
        assert_eq!(stats.due_per_day[0].learning, 1, "relearning, not review");
        assert_eq!(stats.counts.due_today, 0, "the Due column's count");
        let due_total: usize = stats.due_per_day.iter().map(|d| d.cards).sum();
        assert_eq!(due_total, 2);
        // Easy first: FSRS-6's default initial stability for Easy is w[3] = 8.2956 days,
        // an 8-day interval at 90% retention, fuzzed to 6-10 days: due the 18th-22nd,
        // i.e. 5-9 days after today.
        let easy_slot = stats.due_per_day[1..]
            .iter()
            .position(|d| d.cards == 1)
            .map(|i| i + 1);
        assert!(matches!(easy_slot, Some(5..=9)), "{:?}", stats.due_per_day);
    }

    #[test]
    fn weak_points_are_the_ones_most_often_left_unticked_counted_by_hand() {
        let decks = DeckSet::from_sources(vec![(
            "w.json".into(),
            r#"{"id":"w","title":{"en":"W"},"cards":[
                {"id":"w1","question":{"en":"a"},"points":[{"en":"p0"},{"en":"p1"},{"en":"p2"}]},
                {"id":"w2","question":{"en":"b"},"points":[{"en":"q0"},{"en":"q1"}]}]}"#
                .into(),
            false,
        )]);
        // w1: p1 missed 3 of 3, p2 missed 2 of 3, p0 never; w2: q1 missed 2 of 2;
        // one answer logged with 2 points for w1 (the deck had fewer then): ignored.
        let lines = [
            r#"{"id":"x-1","card":"w1","at":"2026-11-01T09:00:00+09:00","rating":3,"points_covered":[0],"points_total":3}"#,
            r#"{"id":"x-2","card":"w1","at":"2026-11-02T09:00:00+09:00","rating":3,"points_covered":[0,2],"points_total":3}"#,
            r#"{"id":"x-3","card":"w1","at":"2026-11-03T09:00:00+09:00","rating":3,"points_covered":[0],"points_total":3}"#,
            r#"{"id":"x-4","card":"w1","at":"2026-11-04T09:00:00+09:00","rating":3,"points_covered":[],"points_total":2}"#,
            r#"{"id":"x-5","card":"w2","at":"2026-11-01T09:05:00+09:00","rating":3,"points_covered":[0],"points_total":2}"#,
            r#"{"id":"x-6","card":"w2","at":"2026-11-02T09:05:00+09:00","rating":3,"points_covered":[0],"points_total":2}"#,
            // Passed with nothing ticked (graded without ticking): no miss counted.
            r#"{"id":"x-7","card":"w2","at":"2026-11-03T09:05:00+09:00","rating":4,"points_covered":[],"points_total":2}"#,
            r#"{"id":"x-8","card":"w1","at":"2026-11-04T19:05:00+09:00","rating":2,"points_covered":[],"points_total":3}"#,
        ];
        let text = lines.join("\n");
        let (records, problems) = parse_log(Path::new("x.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let log = LogSnapshot::from_records(records, problems);
        let collection = Collection::from_parts(DataDir::new("t"), decks, Settings::default(), log);
        let stats = Stats::compute(&collection, at("2026-11-05T10:00:00+09:00"));
        let found: Vec<(&str, usize, u32, u32)> = stats
            .weak_points
            .iter()
            .map(|weak| (weak.card.as_str(), weak.point, weak.missed, weak.answers))
            .collect();
        // 3/3 and 2/2 are both 100 %: more misses first. Then 2/3.
        assert_eq!(
            found,
            vec![("w1", 1, 3, 3), ("w2", 1, 2, 2), ("w1", 2, 2, 3)]
        );
        assert_eq!(stats.weak_points_per_deck["w"].len(), 3);
    }

    #[test]
    fn detection_is_measured_only_on_answers_with_a_draft() {
        let decks = DeckSet::from_sources(vec![(
            "w.json".into(),
            r#"{"id":"w","title":{"en":"W"},"cards":[
                {"id":"w1","question":{"en":"a"},"points":[{"en":"p0"},{"en":"p1"}]}]}"#
                .into(),
            false,
        )]);
        // Drafted: detected p0, ticked p0 and p1 — one point of two agrees. Not drafted
        // (no answer, or only spaces): nothing was there to detect, so not counted.
        let lines = [
            r#"{"id":"d-1","card":"w1","at":"2026-11-01T09:00:00+09:00","rating":3,"points_covered":[0,1],"points_detected":[0],"points_total":2,"answer":"We measure it first."}"#,
            r#"{"id":"d-2","card":"w1","at":"2026-11-02T09:00:00+09:00","rating":3,"points_covered":[0],"points_detected":[],"points_total":2}"#,
            r#"{"id":"d-3","card":"w1","at":"2026-11-03T09:00:00+09:00","rating":3,"points_covered":[1],"points_detected":[],"points_total":2,"answer":"  "}"#,
        ];
        let (records, problems) = parse_log(Path::new("d.jsonl"), lines.join("\n").as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let log = LogSnapshot::from_records(records, problems);
        let collection = Collection::from_parts(DataDir::new("t"), decks, Settings::default(), log);
        let stats = Stats::compute(&collection, at("2026-11-05T10:00:00+09:00"));
        assert_eq!(
            (
                stats.detection.answers,
                stats.detection.total,
                stats.detection.agreed
            ),
            (1, 2, 1)
        );
    }
}
