//! Talk time and pace week by week, from the figures each answer given aloud logged with
//! its grade ([`Spoken`]): the log is enough, so a recording deleted or not yet synced to
//! this computer still counts.

use crate::core::review::log::Spoken;
use crate::core::speech::analysis::{Pace, Rate, RateUnit};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// The answers given aloud in one week (Monday to Sunday, study days, as true retention
/// counts weeks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpokenWeek {
    pub week_start: NaiveDate,
    /// Answers given aloud (undone ones left out).
    pub answers: u32,
    /// Their speaking time added up, in seconds.
    pub speech_s: f64,
    /// The pace per unit. Morae and syllables are kept apart: a mean over both would mean
    /// nothing, as the two languages' normal ranges do not even overlap.
    pub rate: BTreeMap<RateUnit, UnitPace>,
}

/// The pace of a week's answers measured in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UnitPace {
    /// Answers with a rate in this unit.
    pub answers: u32,
    /// Their mean rate (written to two decimals, as each answer's rate is logged: a
    /// finer figure would only be the noise of the sum, 3.5500000000000003).
    #[serde(serialize_with = "two_decimals")]
    pub mean: f64,
    /// Of them, the answers within the unit's normal range
    /// ([`RateUnit::normal_range`], ends included).
    pub within_normal: u32,
}

fn two_decimals<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 100.0).round() / 100.0)
}

#[derive(Debug, Default)]
struct WeekTally {
    answers: u32,
    speech_ms: u64,
    /// Per unit: answers, the sum of their rates, those within the normal range.
    units: BTreeMap<RateUnit, (u32, f64, u32)>,
}

/// Adds up the spoken answers as the log is replayed, then gives them week by week. The
/// weeks are the caller's ([`crate::core::study::stats::week_start`]), so the statistics
/// count every weekly figure on the same weeks.
#[derive(Debug, Default)]
pub struct TalkTally {
    weeks: BTreeMap<NaiveDate, WeekTally>,
}

impl TalkTally {
    /// Counts an effective answer given aloud in the week that starts on `week`.
    pub fn add(&mut self, week: NaiveDate, spoken: &Spoken) {
        let week = self.weeks.entry(week).or_default();
        week.answers += 1;
        week.speech_ms = week.speech_ms.saturating_add(spoken.speech_ms);
        // An answer with no speech in it (a recording of silence) has a rate of 0, which
        // says nothing about pace; a unit this version does not know has no normal range
        // and nothing to be compared with. Both still count as talk time.
        if spoken.speech_ms == 0 || !spoken.rate.is_finite() {
            return;
        }
        let Some(unit) = RateUnit::from_label(&spoken.unit) else {
            return;
        };
        let normal = Rate {
            value: spoken.rate,
            unit,
        }
        .pace()
            == Pace::Normal;
        let entry = week.units.entry(unit).or_default();
        entry.0 += 1;
        entry.1 += spoken.rate;
        entry.2 += u32::from(normal);
    }

    /// Every week from the first with an answer given aloud to `this_week` (or the last
    /// such week, should a clock have been ahead), empty weeks included so a chart shows
    /// the gaps; nothing when no answer was given aloud.
    pub fn weeks(self, this_week: NaiveDate) -> Vec<SpokenWeek> {
        let (Some(first), Some(last)) = (
            self.weeks.keys().next().copied(),
            self.weeks.keys().next_back().copied(),
        ) else {
            return Vec::new();
        };
        let last = last.max(this_week);
        let mut weeks = Vec::new();
        let mut week = first;
        while week <= last {
            let tally = self.weeks.get(&week);
            weeks.push(SpokenWeek {
                week_start: week,
                answers: tally.map_or(0, |tally| tally.answers),
                speech_s: tally.map_or(0, |tally| tally.speech_ms) as f64 / 1000.0,
                rate: tally
                    .map(|tally| {
                        tally
                            .units
                            .iter()
                            .map(|(unit, &(answers, sum, within_normal))| {
                                let mean = sum / f64::from(answers.max(1));
                                let pace = UnitPace {
                                    answers,
                                    mean,
                                    within_normal,
                                };
                                (*unit, pace)
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            });
            match week.checked_add_days(Days::new(7)) {
                Some(next) => week = next,
                None => break,
            }
        }
        weeks
    }
}

#[cfg(test)]
mod tests {
    use crate::core::collection::Collection;
    use crate::core::content::deck::DeckSet;
    use crate::core::paths::DataDir;
    use crate::core::review::log::parse_log;
    use crate::core::review::store::LogSnapshot;
    use crate::core::settings::Settings;
    use crate::core::speech::analysis::RateUnit;
    use crate::core::study::stats::Stats;
    use chrono::{DateTime, NaiveDate};
    use std::path::Path;

    fn stats_of(lines: &[&str], now: &str) -> Stats {
        let decks = DeckSet::from_sources(vec![(
            "s.json".into(),
            r#"{"id":"s","title":{"en":"S"},"cards":[
                {"id":"s1","question":{"en":"a"}},
                {"id":"s2","question":{"en":"b"}}]}"#
                .into(),
            false,
        )]);
        let text = lines.join("\n");
        let (records, problems) = parse_log(Path::new("s.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let log = LogSnapshot::from_records(records, problems);
        let collection = Collection::from_parts(DataDir::new("t"), decks, Settings::default(), log);
        Stats::compute(&collection, DateTime::parse_from_rfc3339(now).unwrap())
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn talk_time_and_pace_per_week_counted_by_hand() {
        // The default day starts at 04:00 in each answer's own offset; weeks on Monday.
        let lines = [
            // Tuesday 11-03: 60 s at 6.0 morae/s (normal: 5.6-8.4).
            r#"{"id":"s-1","card":"s1","at":"2026-11-03T09:00:00+09:00","rating":3,"spoken":{"recording":"r1","speech_ms":60000,"pauses":1,"rate":6.0,"unit":"morae/s"}}"#,
            // 30 s at 5.0 morae/s: slow.
            r#"{"id":"s-2","card":"s2","at":"2026-11-04T09:00:00+09:00","rating":3,"spoken":{"recording":"r2","speech_ms":30000,"pauses":0,"rate":5.0,"unit":"morae/s"}}"#,
            // Thursday in New York: 45 s at 3.5 syllables/s (normal: 3.0-4.5).
            r#"{"id":"s-3","card":"s1","at":"2026-11-05T20:00:00-05:00","rating":3,"spoken":{"recording":"r3","speech_ms":45000,"pauses":2,"rate":3.5,"unit":"syllables/s"}}"#,
            // Monday 03:30 in Tokyo is still Sunday's study day (before 04:00): the week
            // of 11-02. 20 s at 9.0 morae/s: fast.
            r#"{"id":"s-4","card":"s2","at":"2026-11-09T03:30:00+09:00","rating":3,"spoken":{"recording":"r4","speech_ms":20000,"pauses":0,"rate":9.0,"unit":"morae/s"}}"#,
            // Monday 08:00 in Tokyo, Sunday 23:00 in UTC: the week of 11-09, as the
            // answer's own offset says. 90 s at 7.0 morae/s.
            r#"{"id":"s-5","card":"s1","at":"2026-11-09T08:00:00+09:00","rating":3,"spoken":{"recording":"r5","speech_ms":90000,"pauses":3,"rate":7.0,"unit":"morae/s"}}"#,
            // Undone: counts nowhere.
            r#"{"id":"s-6","card":"s2","at":"2026-11-10T10:00:00+09:00","rating":1,"spoken":{"recording":"r6","speech_ms":40000,"pauses":0,"rate":4.75,"unit":"syllables/s"}}"#,
            r#"{"id":"u-1","at":"2026-11-10T10:01:00+09:00","undo":"s-6"}"#,
            // 50 s at 4.0 syllables/s.
            r#"{"id":"s-7","card":"s2","at":"2026-11-10T10:05:00+09:00","rating":3,"spoken":{"recording":"r7","speech_ms":50000,"pauses":1,"rate":4.0,"unit":"syllables/s"}}"#,
            // Not given aloud: not counted.
            r#"{"id":"s-8","card":"s1","at":"2026-11-11T09:00:00+09:00","rating":3,"duration_ms":80000}"#,
            // Silence: an answer given aloud, no talk time, no pace.
            r#"{"id":"s-9","card":"s1","at":"2026-11-12T09:00:00+09:00","rating":3,"spoken":{"recording":"r9","speech_ms":0,"pauses":0,"rate":0.0,"unit":"syllables/s"}}"#,
        ];
        let stats = stats_of(&lines, "2026-11-13T10:00:00+09:00");
        let weeks = &stats.spoken_per_week;
        let starts: Vec<NaiveDate> = weeks.iter().map(|week| week.week_start).collect();
        assert_eq!(starts, vec![day("2026-11-02"), day("2026-11-09")]);

        let first = &weeks[0];
        assert_eq!(first.answers, 4, "s-1 to s-4");
        assert_eq!(first.speech_s, 155.0, "60 + 30 + 45 + 20");
        let morae = first.rate[&RateUnit::MoraePerSecond];
        assert_eq!((morae.answers, morae.within_normal), (3, 1));
        assert!((morae.mean - 20.0 / 3.0).abs() < 1e-9, "(6 + 5 + 9) / 3");
        let syllables = first.rate[&RateUnit::SyllablesPerSecond];
        assert_eq!((syllables.answers, syllables.within_normal), (1, 1));
        assert!((syllables.mean - 3.5).abs() < 1e-9);

        let second = &weeks[1];
        assert_eq!(second.answers, 3, "s-5, s-7 and the silent s-9");
        assert_eq!(second.speech_s, 140.0, "90 + 50 (+ 0)");
        let morae = second.rate[&RateUnit::MoraePerSecond];
        assert_eq!((morae.answers, morae.within_normal), (1, 1));
        assert!((morae.mean - 7.0).abs() < 1e-9);
        let syllables = second.rate[&RateUnit::SyllablesPerSecond];
        assert_eq!((syllables.answers, syllables.within_normal), (1, 1));
        assert!((syllables.mean - 4.0).abs() < 1e-9, "4.75 was undone");

        // `stats --json` names the units as the log does.
        let json = serde_json::to_value(second).unwrap();
        assert_eq!(json["week_start"], "2026-11-09");
        assert_eq!(json["speech_s"], 140.0);
        assert_eq!(json["rate"]["morae/s"]["mean"], 7.0);
        let noisy = super::UnitPace {
            answers: 2,
            mean: (3.6 + 3.5) / 2.0,
            within_normal: 2,
        };
        assert_eq!(serde_json::to_value(noisy).unwrap()["mean"], 3.55);
        assert_eq!(json["rate"]["syllables/s"]["within_normal"], 1);
    }

    #[test]
    fn weeks_run_to_this_week_with_the_gaps_and_none_without_spoken_answers() {
        let spoken = r#"{"id":"a-1","card":"s1","at":"2026-10-28T09:00:00+09:00","rating":3,"spoken":{"recording":"r","speech_ms":1500,"pauses":0,"rate":3.0,"unit":"syllables/s"}}"#;
        let stats = stats_of(&[spoken], "2026-11-13T10:00:00+09:00");
        let weeks: Vec<(String, u32, f64)> = stats
            .spoken_per_week
            .iter()
            .map(|week| (week.week_start.to_string(), week.answers, week.speech_s))
            .collect();
        assert_eq!(
            weeks,
            vec![
                ("2026-10-26".to_string(), 1, 1.5),
                ("2026-11-02".to_string(), 0, 0.0),
                ("2026-11-09".to_string(), 0, 0.0),
            ]
        );
        assert!(stats.spoken_per_week[1].rate.is_empty());
        // 3.0 is the normal range's lower end, and inside it.
        assert_eq!(
            stats.spoken_per_week[0].rate[&RateUnit::SyllablesPerSecond].within_normal,
            1
        );

        let typed = r#"{"id":"a-1","card":"s1","at":"2026-10-28T09:00:00+09:00","rating":3}"#;
        assert!(
            stats_of(&[typed], "2026-11-13T10:00:00+09:00")
                .spoken_per_week
                .is_empty()
        );
    }
}
