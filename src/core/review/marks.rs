//! How each card is studied, from the log's mark records: suspended, buried until a study
//! day, flagged; and the user's own answer points. The latest record of each kind wins;
//! an undone mark counts as never made.

use crate::core::review::log::{self, Flag, LoggedRecord, MarkChange, Record};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

/// A card's marks. `Default` is a card never marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardMarks {
    pub suspended: bool,
    /// Out of the queues before this study day.
    pub buried_until: Option<NaiveDate>,
    /// 0 (none) to 7, Anki's flag colours.
    pub flag: Flag,
}

impl CardMarks {
    /// Buried on study day `today`.
    pub fn is_buried(&self, today: NaiveDate) -> bool {
        self.buried_until.is_some_and(|until| today < until)
    }

    /// Neither suspended nor buried on `today`: the queues may show it.
    pub fn is_available(&self, today: NaiveDate) -> bool {
        !self.suspended && !self.is_buried(today)
    }
}

/// Every card's marks and own points, derived from the merged log.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    cards: FxHashMap<String, CardMarks>,
    own_points: FxHashMap<String, Vec<String>>,
}

impl Marks {
    /// From the merged log: later records override earlier ones, in the order their
    /// changes take effect ([`log::in_edit_order`]).
    pub fn from_log(records: &[LoggedRecord]) -> Self {
        let undone: FxHashSet<&str> = records
            .iter()
            .filter_map(|logged| match &logged.record {
                Record::Undo(undo) => Some(undo.undo.as_str()),
                _ => None,
            })
            .collect();
        let mut marks = Marks::default();
        for logged in log::in_edit_order(records) {
            match &logged.record {
                Record::Mark(mark) if !undone.contains(mark.id.as_str()) => {
                    marks.apply(&mark.card, mark.change);
                }
                Record::OwnPoints(points) => {
                    marks
                        .own_points
                        .insert(points.card.clone(), points.own_points.clone());
                }
                _ => {}
            }
        }
        marks
    }

    /// One more change, later than every one before it.
    pub fn apply(&mut self, card: &str, change: MarkChange) {
        let marks = self.cards.entry(card.to_string()).or_default();
        match change {
            MarkChange::Suspended(suspended) => marks.suspended = suspended,
            MarkChange::BuriedUntil(day) => marks.buried_until = Some(day),
            MarkChange::Flag(flag) => marks.flag = flag,
        }
    }

    pub fn set_own_points(&mut self, card: &str, points: Vec<String>) {
        self.own_points.insert(card.to_string(), points);
    }

    pub fn of(&self, card: &str) -> CardMarks {
        self.cards.get(card).copied().unwrap_or_default()
    }

    /// The cards kept out of the queues on `today` (suspended or buried), in no particular
    /// order: a few among many, so the queue skips them instead of checking every card.
    pub fn unavailable_on(&self, today: NaiveDate) -> Vec<&str> {
        self.cards
            .iter()
            .filter(|(_, marks)| !marks.is_available(today))
            .map(|(card, _)| card.as_str())
            .collect()
    }

    /// The user's own answer points on the card, after the deck's.
    pub fn own_points(&self, card: &str) -> &[String] {
        self.own_points.get(card).map_or(&[], Vec::as_slice)
    }

    /// Cards suspended now.
    pub fn suspended_count(&self) -> usize {
        self.cards.values().filter(|marks| marks.suspended).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::log::parse_log;
    use std::path::Path;

    #[test]
    fn the_latest_mark_of_each_kind_wins_and_an_undone_one_never_happened() {
        let log = br#"{"id":"d-1","at":"2026-12-01T10:00:00+09:00","card":"a","suspended":true}
{"id":"d-2","at":"2026-12-01T10:01:00+09:00","card":"a","flag":3}
{"id":"d-3","at":"2026-12-01T10:02:00+09:00","card":"b","buried_until":"2026-12-02"}
{"id":"d-4","at":"2026-12-01T10:03:00+09:00","card":"a","suspended":false}
{"id":"d-5","at":"2026-12-01T10:04:00+09:00","card":"b","suspended":true}
{"id":"d-6","at":"2026-12-01T10:05:00+09:00","undo":"d-5"}
{"id":"d-7","at":"2026-12-01T10:06:00+09:00","card":"a","own_points":["Cut MTTR from 4h to 30m"]}
"#;
        let (records, problems) = parse_log(Path::new("d.jsonl"), log);
        assert!(problems.is_empty(), "{problems:?}");
        let marks = Marks::from_log(&records);
        let a = marks.of("a");
        assert!(!a.suspended);
        assert_eq!(a.flag, 3);
        let b = marks.of("b");
        assert!(!b.suspended, "the suspension was undone");
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert!(b.is_buried(day("2026-12-01")));
        assert!(!b.is_buried(day("2026-12-02")), "back the next study day");
        assert!(b.is_available(day("2026-12-02")));
        assert_eq!(marks.own_points("a"), ["Cut MTTR from 4h to 30m"]);
        assert!(marks.own_points("b").is_empty());
    }

    #[test]
    fn a_mark_line_with_a_bad_value_is_reported_by_field() {
        let log = br#"{"id":"d-1","at":"2026-12-01T10:00:00+09:00","card":"a","flag":9}
{"id":"d-2","at":"2026-12-01T10:00:00+09:00","card":"a","suspended":"yes"}
{"id":"d-3","at":"2026-12-01T10:00:00+09:00","card":"a","suspended":true,"flag":1}
"#;
        let (records, problems) = parse_log(Path::new("d.jsonl"), log);
        assert!(records.is_empty());
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(messages[0].contains("flag 9 is not 0-7"), "{messages:?}");
        assert!(
            messages[1].contains("`suspended` should be true or false"),
            "{messages:?}"
        );
        assert!(messages[2].contains("changes one thing"), "{messages:?}");
    }
}
