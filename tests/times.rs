//! Times as real logs have them: a trip across time zones, daylight saving, a clock set
//! wrong (far in the future) or turned back. Each odd time is reported once and kept, the
//! order is the same on every load, and a study day is never counted twice.

use chrono::{DateTime, FixedOffset};
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Flag;
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::core::study::stats::Stats;

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
            .map(|review| review.record.id.to_string())
            .collect()
    };
    assert_eq!(
        order(&collection),
        ["t-5", "t-1", "t-2", "t-3", "t-4", "t-6"]
    );
    assert_eq!(order(&load()), order(&collection));
    // Study days, each in its own offset: 19th, 20th (twice: Tokyo evening and the
    // San Francisco morning), 21st, 22nd; the future one is not a past study day.
    let stats = Stats::compute(&collection, now);
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

/// What the collection says about everything the clock test edits, to compare the app's
/// memory with a fresh load.
fn edits_seen(collection: &Collection) -> String {
    let stories: Vec<&str> = collection
        .stories()
        .iter()
        .map(|story| story.content.title.as_str())
        .collect();
    let interviews: Vec<&str> = collection
        .interviews()
        .iter()
        .map(|interview| interview.name.as_str())
        .collect();
    format!(
        "stories {stories:?}\ninterviews {interviews:?}\nq01 {:?}\nq02 {:?}\nq03 {:?}\nown {:?}\nnote {:?}\nreviews {}",
        collection.marks("vpoe-q01"),
        collection.marks("vpoe-q02"),
        collection.marks("vpoe-q03"),
        collection.own_points("vpoe-q04"),
        collection.note("vpoe-q05"),
        collection.review_count(),
    )
}

#[test]
fn a_clock_turned_back_never_undoes_what_the_user_did() {
    use mensetsu::core::collection::AnswerDetails;
    use mensetsu::core::review::scheduler::Rating;
    use mensetsu::core::review::store::Store;
    use mensetsu::core::study::interview::InterviewDraft;
    use mensetsu::core::study::story::StoryContent;

    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut collection = IndexedCollection::from(Collection::load_at(
        dir.clone(),
        at("2026-12-01T09:00:00+09:00"),
    ));
    let mut store = Store::open(dir.clone(), "pc").unwrap();
    // Every second change is made after the clock was turned back an hour (an NTP step, a
    // wrong time corrected), so it carries an earlier time than the change it overrides.
    let first = at("2026-12-01T10:00:00+09:00");
    let back = first - chrono::Duration::hours(1);
    let story = |title: &str| StoryContent {
        title: title.into(),
        cards: vec!["vpoe-q01".into()],
        ..StoryContent::default()
    };

    let interview = InterviewDraft {
        name: "Acme CTO final".into(),
        date: "2026-12-24".parse().ok(),
        decks: vec!["vpoe".into()],
        roles: Vec::new(),
    };
    let interview_id = collection
        .save_interview(&mut store, &interview, None, first)
        .unwrap();
    collection
        .remove_interview(&mut store, &interview_id, back)
        .unwrap();

    let edited = collection
        .save_story(&mut store, &story("Outage, first telling"), None, first)
        .unwrap();
    collection
        .save_story(&mut store, &story("Outage, retold"), Some(&edited), back)
        .unwrap();
    let removed = collection
        .save_story(&mut store, &story("A story taken back"), None, first)
        .unwrap();
    collection.remove_story(&mut store, &removed, back).unwrap();

    let q01 = ["vpoe-q01".to_string()];
    collection
        .set_suspended(&mut store, &q01, true, first)
        .unwrap();
    collection
        .set_suspended(&mut store, &q01, false, back)
        .unwrap();
    collection
        .set_flag(&mut store, "vpoe-q02", Flag::try_from(3).unwrap(), first)
        .unwrap();
    collection
        .set_flag(&mut store, "vpoe-q02", Flag::NONE, back)
        .unwrap();
    let buried = collection
        .set_buried(&mut store, &["vpoe-q03".to_string()], true, first)
        .unwrap();
    collection.undo(&mut store, &buried[0], back).unwrap();
    collection
        .save_own_points(&mut store, "vpoe-q04", &["Cut MTTR".to_string()], first)
        .unwrap();
    collection
        .save_own_points(
            &mut store,
            "vpoe-q04",
            &["Cut MTTR to 30 min".to_string()],
            back,
        )
        .unwrap();
    collection
        .save_note(&mut store, "vpoe-q05", "first thoughts", first)
        .unwrap();
    collection
        .save_note(&mut store, "vpoe-q05", "second thoughts", back)
        .unwrap();
    let answer = collection
        .record_answer(
            &mut store,
            "vpoe-q06",
            Rating::Good,
            first,
            AnswerDetails::default(),
        )
        .unwrap();
    collection.undo(&mut store, &answer, back).unwrap();

    let expected = "stories [\"Outage, retold\"]\n\
         interviews []\n\
         q01 CardMarks { suspended: false, buried_until: None, flag: 0 }\n\
         q02 CardMarks { suspended: false, buried_until: None, flag: 0 }\n\
         q03 CardMarks { suspended: false, buried_until: None, flag: 0 }\n\
         own [\"Cut MTTR to 30 min\"]\n\
         note \"second thoughts\"\n\
         reviews 0";
    assert_eq!(edits_seen(&collection), expected, "in the running app");
    let reloaded = Collection::load_read_only(dir, first + chrono::Duration::hours(1));
    assert_eq!(edits_seen(&reloaded), expected, "after a restart");
}

#[test]
fn across_devices_the_later_time_still_wins_over_a_later_file() {
    let temp = tempfile::tempdir().unwrap();
    let reviews = temp.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    // The desktop (its file sorts last) flagged the card before the laptop did: time,
    // not the file, decides between devices.
    std::fs::write(
        reviews.join("a-laptop.jsonl"),
        r#"{"id":"a-1","at":"2026-12-01T10:05:00+09:00","card":"vpoe-q01","flag":2}"#.to_owned()
            + "\n",
    )
    .unwrap();
    std::fs::write(
        reviews.join("b-desktop.jsonl"),
        r#"{"id":"b-1","at":"2026-12-01T10:00:00+09:00","card":"vpoe-q01","flag":5}"#.to_owned()
            + "\n",
    )
    .unwrap();
    let collection =
        Collection::load_read_only(DataDir::new(temp.path()), at("2026-12-01T11:00:00+09:00"));
    assert_eq!(collection.marks("vpoe-q01").flag, 2);
}
