//! Times as real logs have them: a trip across time zones, daylight saving, a clock set
//! wrong (far in the future) or turned back. Each odd time is reported once and kept, the
//! order is the same on every load, and a study day is never counted twice.

use chrono::{DateTime, FixedOffset};
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn odd_times_are_reported_once_kept_ordered_the_same_and_days_counted_once() {
    let temp = tempfile::tempdir().unwrap();
    let reviews = temp.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let lines = [
        // Tokyo, then a flight to San Francisco: the next answers are later instants on
        // the same local date, then the next morning there.
        r#"{"id":"t-1","card":"vpoe-q01","at":"2026-11-20T21:00:00+09:00","rating":3}"#,
        r#"{"id":"t-2","card":"vpoe-q02","at":"2026-11-20T09:00:00-08:00","rating":3}"#,
        r#"{"id":"t-3","card":"vpoe-q03","at":"2026-11-21T09:00:00-08:00","rating":3}"#,
        // Daylight saving ends in San Francisco: -07:00 the day before, -08:00 after.
        r#"{"id":"t-4","card":"vpoe-q04","at":"2026-11-22T08:30:00-08:00","rating":3}"#,
        // A clock turned back: earlier than the line before it.
        r#"{"id":"t-5","card":"vpoe-q05","at":"2026-11-19T10:00:00+09:00","rating":3}"#,
        // A clock set years ahead.
        r#"{"id":"t-6","card":"vpoe-q06","at":"2031-01-01T10:00:00+09:00","rating":3}"#,
    ];
    std::fs::write(reviews.join("trip.jsonl"), lines.join("\n") + "\n").unwrap();
    let now = at("2026-11-22T12:00:00-08:00");
    let load = || Collection::load_read_only(DataDir::new(temp.path()), now);
    let collection = load();
    let problems: Vec<String> = collection
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    let backward: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("earlier than line"))
        .collect();
    let future: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("later than now"))
        .collect();
    assert_eq!(backward.len(), 1, "{problems:#?}");
    assert!(backward[0].contains("trip.jsonl:5"), "{problems:#?}");
    assert_eq!(future.len(), 1, "{problems:#?}");
    assert!(future[0].contains("trip.jsonl:6"), "{problems:#?}");
    assert_eq!(problems.len(), 2, "nothing else is reported: {problems:#?}");
    // Every answer is kept.
    assert_eq!(collection.review_count(), 6);
    // The same order on every load: by instant.
    let order = |collection: &Collection| -> Vec<String> {
        collection
            .reviews()
            .map(|review| review.record.id.clone())
            .collect()
    };
    assert_eq!(
        order(&collection),
        ["t-5", "t-1", "t-2", "t-3", "t-4", "t-6"]
    );
    assert_eq!(order(&load()), order(&collection));
    // Study days, each in its own offset: 19th, 20th (twice: Tokyo evening and the
    // San Francisco morning), 21st, 22nd; the future one is not a past study day.
    let stats = collection.stats(now);
    let days: Vec<String> = stats
        .reviews_per_day
        .keys()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        days,
        [
            "2026-11-19",
            "2026-11-20",
            "2026-11-21",
            "2026-11-22",
            "2031-01-01"
        ]
    );
    assert_eq!(
        stats.reviews_per_day[&"2026-11-20".parse().unwrap()].total(),
        2
    );
    assert_eq!(stats.streak_days, 4, "the 20th counts once");
}
