//! Two computers sharing `reviews/` through a sync folder: each edits the same story,
//! flags the same card and answers the same card at interleaved times. After the files
//! are exchanged both derive the same state, whatever order the files arrive in. The
//! rule: the latest change by time wins; changes at the same time go to the later log
//! file, i.e. the higher device id.

use chrono::{DateTime, Duration, FixedOffset};
use mensetsu::core::collection::{AnswerDetails, Collection};
use mensetsu::core::content::deck::DeckSet;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::{Flag, parse_log};
use mensetsu::core::review::scheduler::Rating;
use mensetsu::core::review::store::{LogSnapshot, Store};
use mensetsu::core::settings::Settings;
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::core::study::story::StoryContent;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn story(title: &str) -> StoryContent {
    StoryContent {
        title: title.into(),
        cards: vec!["vpoe-q01".into()],
        ..StoryContent::default()
    }
}

/// What a collection derives, in a form two collections can be compared by.
fn derived(collection: &Collection) -> String {
    let cards = ["vpoe-q01", "vpoe-q02"];
    let states: Vec<String> = cards
        .iter()
        .map(|card| {
            format!(
                "{card}: {:?} marks {:?}",
                collection.state(card),
                collection.marks(card)
            )
        })
        .collect();
    format!("{states:?}\n{:?}", collection.stories())
}

#[test]
fn both_computers_derive_the_same_state_whatever_order_the_files_arrive_in() {
    let shared = tempfile::tempdir().unwrap();
    let laptop_root = tempfile::tempdir().unwrap();
    let desktop_root = tempfile::tempdir().unwrap();
    let reviews = shared.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    for root in [laptop_root.path(), desktop_root.path()] {
        std::os::unix::fs::symlink(&reviews, root.join("reviews")).unwrap();
    }
    let laptop_dir = DataDir::new(laptop_root.path());
    let desktop_dir = DataDir::new(desktop_root.path());
    let mut laptop = IndexedCollection::from(Collection::load(laptop_dir.clone(), "t"));
    let mut desktop = IndexedCollection::from(Collection::load(desktop_dir.clone(), "t"));
    let mut laptop_store = Store::open(laptop_dir.clone(), "a-laptop").unwrap();
    let mut desktop_store = Store::open(desktop_dir.clone(), "b-desktop").unwrap();

    let t = at("2026-11-01T09:00:00+09:00");
    // The story: the laptop writes it, the desktop (not yet synced) writes its own, then
    // both edit at the very same second.
    let laptop_story = laptop
        .save_story(&mut laptop_store, &story("Outage (laptop)"), None, t)
        .unwrap();
    let desktop_story = desktop
        .save_story(
            &mut desktop_store,
            &story("Outage (desktop)"),
            None,
            t + Duration::minutes(1),
        )
        .unwrap();
    assert_ne!(
        laptop_story, desktop_story,
        "two stories until someone merges them"
    );
    // Sync: each sees the other's file.
    laptop = IndexedCollection::from(Collection::load(laptop_dir.clone(), "t"));
    desktop = IndexedCollection::from(Collection::load(desktop_dir.clone(), "t"));
    let same_second = t + Duration::minutes(5);
    laptop
        .save_story(
            &mut laptop_store,
            &story("Outage, laptop edit"),
            Some(&laptop_story),
            same_second,
        )
        .unwrap();
    desktop
        .save_story(
            &mut desktop_store,
            &story("Outage, desktop edit"),
            Some(&laptop_story),
            same_second,
        )
        .unwrap();
    // The flag: laptop red, then desktop blue a minute later.
    laptop
        .set_flag(
            &mut laptop_store,
            "vpoe-q02",
            Flag::try_from(1).unwrap(),
            t + Duration::minutes(6),
        )
        .unwrap();
    desktop
        .set_flag(
            &mut desktop_store,
            "vpoe-q02",
            Flag::try_from(4).unwrap(),
            t + Duration::minutes(7),
        )
        .unwrap();
    // The card: answered on one, then the other, interleaved.
    for (minute, on_laptop) in [(10, true), (21, false), (40, true), (2000, false)] {
        let (collection, store) = if on_laptop {
            (&mut laptop, &mut laptop_store)
        } else {
            (&mut desktop, &mut desktop_store)
        };
        collection
            .record_answer(
                store,
                "vpoe-q01",
                Rating::Good,
                t + Duration::minutes(minute),
                AnswerDetails::default(),
            )
            .unwrap();
    }
    drop((laptop_store, desktop_store));

    let laptop = Collection::load(laptop_dir, "t");
    let desktop = Collection::load(desktop_dir, "t");
    assert_eq!(derived(&laptop), derived(&desktop));
    // The rules, checked: the same-second edit went to the higher device id; the later
    // flag won; all four answers count, in time order.
    let story = laptop
        .stories()
        .iter()
        .find(|story| story.id == laptop_story)
        .unwrap();
    assert_eq!(story.content.title, "Outage, desktop edit");
    assert_eq!(laptop.marks("vpoe-q02").flag, 4);
    assert_eq!(laptop.state("vpoe-q01").reps(), 4);

    // Whatever order the files arrive in, the merged log and what it means are the same.
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&reviews)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.display().to_string(), std::fs::read(&path).unwrap())
        })
        .collect();
    let snapshot = |files: &[(String, Vec<u8>)]| {
        let mut records = Vec::new();
        for (name, bytes) in files {
            records.extend(parse_log(std::path::Path::new(name), bytes).0);
        }
        LogSnapshot::from_records(records, Vec::new())
    };
    let forward = Collection::from_parts(
        DataDir::new("x"),
        DeckSet::load(None),
        Settings::default(),
        snapshot(&files),
    );
    files.reverse();
    let backward = Collection::from_parts(
        DataDir::new("x"),
        DeckSet::load(None),
        Settings::default(),
        snapshot(&files),
    );
    assert_eq!(derived(&forward), derived(&backward));
    assert_eq!(derived(&forward), derived(&laptop));
}
