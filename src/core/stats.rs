//! Statistics, computed once from the replayed log and then only read (by the CLI and the
//! statistics screen).

use crate::core::days::study_day;
use crate::core::deck::DeckSet;
use crate::core::progress::Progress;
use crate::core::scheduler::Phase;
use crate::core::store::LogSnapshot;
use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// How far ahead the due forecast looks, and how far back true retention looks.
pub const WINDOW_DAYS: u64 = 30;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
}

impl StateCounts {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueDay {
    pub day: NaiveDate,
    pub cards: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub today: NaiveDate,
    /// Cards of the loaded decks by state.
    pub counts: StateCounts,
    /// Per deck id, the same counts.
    pub counts_per_deck: BTreeMap<String, StateCounts>,
    pub reviews_per_day: BTreeMap<NaiveDate, DayReviews>,
    /// Over the last [`WINDOW_DAYS`] study days, today included.
    pub true_retention: Retention,
    /// Cards of the loaded decks due on each of the next [`WINDOW_DAYS`] study days;
    /// the first entry is today and includes everything overdue.
    pub due_per_day: Vec<DueDay>,
    /// Days in a row, ending today (or yesterday if nothing was studied yet today), with
    /// at least one review.
    pub streak_days: u32,
}

impl Stats {
    pub fn compute(
        decks: &DeckSet,
        snapshot: &LogSnapshot,
        progress: &Progress,
        now: DateTime<FixedOffset>,
        rollover_hour: u32,
    ) -> Self {
        let today = study_day(now, rollover_hour);
        let mut stats = Stats {
            today,
            due_per_day: (0..WINDOW_DAYS)
                .map(|offset| DueDay {
                    day: today + Days::new(offset),
                    cards: 0,
                })
                .collect(),
            ..Stats::default()
        };
        for (deck, card) in decks.cards() {
            let state = progress.state(&card.id);
            stats.counts.add(state.phase);
            stats
                .counts_per_deck
                .entry(deck.id.clone())
                .or_default()
                .add(state.phase);
            if let Some(due) = state.due.filter(|_| state.phase != Phase::New) {
                let due_day = study_day(due.with_timezone(now.offset()), rollover_hour);
                let offset = (due_day - today).num_days().max(0);
                if let Some(slot) = usize::try_from(offset)
                    .ok()
                    .and_then(|offset| stats.due_per_day.get_mut(offset))
                {
                    slot.cards += 1;
                }
            }
        }
        let window_start = today - Days::new(WINDOW_DAYS - 1);
        for replayed in &progress.reviews {
            let record = progress.record(snapshot, replayed);
            let day = study_day(record.at, rollover_hour);
            let entry = stats.reviews_per_day.entry(day).or_default();
            match record.rating {
                1 => entry.again += 1,
                2 => entry.hard += 1,
                3 => entry.good += 1,
                _ => entry.easy += 1,
            }
            entry.duration_ms += record.duration_ms.unwrap_or(0);
            if replayed.phase_before == Phase::Review && day >= window_start && day <= today {
                stats.true_retention.total += 1;
                if record.rating > 1 {
                    stats.true_retention.passed += 1;
                }
            }
        }
        let retention = &mut stats.true_retention;
        retention.rate =
            (retention.total > 0).then(|| f64::from(retention.passed) / f64::from(retention.total));
        stats.streak_days = streak(&stats.reviews_per_day, today);
        stats
    }
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
    use crate::core::log::{merge, parse_log};
    use crate::core::scheduler::{Scheduler, SchedulerConfig};
    use std::path::Path;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// A fixed log: a card learned on the 1st, reviewed on the 4th (pass) and the 12th
    /// (fail), plus a second card learned on the 12th. Numbers below are counted by hand.
    fn fixed_log() -> LogSnapshot {
        let text = concat!(
            r#"{"id":"p-1","card":"vpoe-q01","at":"2026-11-01T09:00:00+09:00","rating":3,"duration_ms":60000}"#,
            "\n",
            r#"{"id":"p-2","card":"vpoe-q01","at":"2026-11-01T09:10:00+09:00","rating":3,"duration_ms":30000}"#,
            "\n",
            r#"{"id":"p-3","card":"vpoe-q01","at":"2026-11-04T09:00:00+09:00","rating":3}"#,
            "\n",
            r#"{"id":"p-4","card":"vpoe-q01","at":"2026-11-12T09:00:00+09:00","rating":1}"#,
            "\n",
            r#"{"id":"p-5","card":"vpoe-q02","at":"2026-11-12T09:05:00+09:00","rating":4,"duration_ms":5000}"#,
            "\n",
            r#"{"id":"p-6","card":"vpoe-q02","at":"2026-11-12T09:06:00+09:00","rating":4}"#,
            "\n",
            r#"{"id":"p-7","at":"2026-11-12T09:06:01+09:00","undo":"p-6"}"#,
            "\n",
        );
        let (records, problems) = parse_log(Path::new("p.jsonl"), text.as_bytes());
        LogSnapshot {
            records: merge(records),
            problems,
        }
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
        let snapshot = fixed_log();
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let progress = Progress::replay(&snapshot, &decks, &scheduler);
        let stats = Stats::compute(
            &decks,
            &snapshot,
            &progress,
            at("2026-11-13T10:00:00+09:00"),
            4,
        );

        assert_eq!(stats.today, NaiveDate::from_ymd_opt(2026, 11, 13).unwrap());
        // q01 lapsed into relearning, q02 graduated with Easy, q03 untouched.
        assert_eq!(
            stats.counts,
            StateCounts {
                new: 1,
                learning: 0,
                review: 1,
                relearning: 1
            }
        );
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
        // Studied on the 12th but not yet on the 13th: the streak is still one day.
        assert_eq!(stats.streak_days, 1);
        assert_eq!(stats.due_per_day.len(), 30);
        // The relearning card is due within minutes of the 12th's review: overdue → today.
        assert_eq!(stats.due_per_day[0].cards, 1);
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
}
