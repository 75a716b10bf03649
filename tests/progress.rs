//! Progress from the review log: replay, merging devices, undo, crash-cut lines, unknown
//! cards, re-deriving on a settings change, and the `cards` / `stats` commands.

use chrono::{DateTime, Duration, FixedOffset};
use mensetsu::core::collection::{AnswerDetails, Collection};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::scheduler::{CardState, Phase, Rating, Scheduler, SchedulerConfig};
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::Settings;
use mensetsu::core::study::indexed::IndexedCollection;
use std::collections::HashMap;
use std::fs;

mod common;
use common::cli::mensetsu;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn line(id: &str, card: &str, when: &str, rating: u8) -> String {
    format!(r#"{{"id":"{id}","card":"{card}","at":"{when}","rating":{rating}}}"#)
}

/// The state reviewing `reviews` in the given order straight through the scheduler gives.
fn direct(card: &str, reviews: &[(&str, Rating)]) -> CardState {
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    reviews
        .iter()
        .fold(CardState::default(), |state, (when, rating)| {
            scheduler.review(card, &state, *rating, at(when))
        })
}

#[test]
fn logs_of_two_devices_merge_by_time_whatever_their_offsets() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    fs::create_dir_all(dir.reviews_dir()).unwrap();
    // The laptop in Tokyo and the desktop set to UTC answered the same card alternately.
    fs::write(
        dir.reviews_dir().join("laptop.jsonl"),
        [
            line("laptop-1", "hoe-q01", "2026-11-01T09:00:00+09:00", 3),
            line("laptop-2", "hoe-q01", "2026-11-03T09:00:00+09:00", 3),
        ]
        .join("\n")
            + "\n",
    )
    .unwrap();
    fs::write(
        dir.reviews_dir().join("desktop.jsonl"),
        [
            line("desktop-1", "hoe-q01", "2026-11-01T00:10:00+00:00", 3),
            line("desktop-2", "hoe-q01", "2026-11-10T00:00:00+00:00", 1),
        ]
        .join("\n")
            + "\n",
    )
    .unwrap();
    let collection = Collection::load(dir, "t");
    assert!(
        collection.problems().is_empty(),
        "{:?}",
        collection.problems()
    );
    let expected = direct(
        "hoe-q01",
        &[
            ("2026-11-01T09:00:00+09:00", Rating::Good),
            ("2026-11-01T00:10:00+00:00", Rating::Good),
            ("2026-11-03T09:00:00+09:00", Rating::Good),
            ("2026-11-10T00:00:00+00:00", Rating::Again),
        ],
    );
    assert_eq!(collection.state("hoe-q01"), expected);
    assert_eq!(expected.reps(), 4);
    assert_eq!(expected.lapses(), 1);
    assert_eq!(expected.phase(), Phase::Relearning);
}

#[test]
fn undo_appends_a_record_and_the_state_is_as_if_the_answer_never_happened() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut collection = IndexedCollection::from(Collection::load(dir.clone(), "t"));
    let mut store = Store::open(dir.clone(), "pc").unwrap();
    let first = collection
        .record_answer(
            &mut store,
            "cto-q01",
            Rating::Good,
            at("2026-11-01T09:00:00+09:00"),
            AnswerDetails::default(),
        )
        .unwrap();
    let before_second = collection.state("cto-q01");
    let second = collection
        .record_answer(
            &mut store,
            "cto-q01",
            Rating::Easy,
            at("2026-11-01T09:10:00+09:00"),
            AnswerDetails::default(),
        )
        .unwrap();
    assert_eq!(collection.state("cto-q01").phase(), Phase::Review);
    let bytes_before_undo = fs::read(store.log_path()).unwrap();
    collection
        .undo(&mut store, &second, at("2026-11-01T09:10:05+09:00"))
        .unwrap();
    assert_eq!(collection.state("cto-q01"), before_second);
    let bytes = fs::read(store.log_path()).unwrap();
    assert!(bytes.starts_with(&bytes_before_undo), "undo only appends");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(
        text.lines()
            .last()
            .unwrap()
            .contains(&format!(r#""undo":"{second}""#))
    );
    // A fresh load from disk agrees with the in-memory state.
    drop(store);
    let reloaded = Collection::load(dir, "t");
    assert_eq!(reloaded.state("cto-q01"), before_second);
    assert_ne!(first, second);
}

#[test]
fn a_line_cut_off_at_any_byte_is_reported_and_the_rest_replays_unchanged() {
    let complete = [
        line("pc-1", "vpoe-q03", "2026-11-01T09:00:00+09:00", 3),
        line("pc-2", "vpoe-q03", "2026-11-01T09:10:00+09:00", 3),
    ]
    .join("\n")
        + "\n";
    let last = line("pc-3", "vpoe-q03", "2026-11-05T09:00:00+09:00", 2);
    let expected = direct(
        "vpoe-q03",
        &[
            ("2026-11-01T09:00:00+09:00", Rating::Good),
            ("2026-11-01T09:10:00+09:00", Rating::Good),
        ],
    );
    for cut in 1..last.len() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        fs::create_dir_all(dir.reviews_dir()).unwrap();
        let path = dir.reviews_dir().join("pc.jsonl");
        let bytes = format!("{complete}{}", &last[..cut]);
        fs::write(&path, &bytes).unwrap();
        let collection = Collection::load(dir.clone(), "t");
        assert_eq!(collection.state("vpoe-q03"), expected, "cut at {cut}");
        let problems = collection.problems();
        assert_eq!(problems.len(), 1, "cut at {cut}: {problems:?}");
        assert!(
            problems[0]
                .to_string()
                .contains("pc.jsonl:3: last line is incomplete"),
            "{}",
            problems[0]
        );
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes.as_bytes(),
            "never rewritten"
        );

        // The app goes on: the next answer lands on a line of its own.
        let mut collection = IndexedCollection::from(collection);
        let mut store = Store::open(dir.clone(), "pc").unwrap();
        collection
            .record_answer(
                &mut store,
                "vpoe-q03",
                Rating::Good,
                at("2026-11-06T09:00:00+09:00"),
                AnswerDetails::default(),
            )
            .unwrap();
        let reloaded = Collection::load(dir, "t");
        assert_eq!(reloaded.state("vpoe-q03").reps(), 3, "cut at {cut}");
        assert_eq!(reloaded.problems().len(), 1);
    }
}

#[test]
fn reviews_of_cards_no_deck_has_are_kept_and_reported() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    fs::create_dir_all(dir.reviews_dir()).unwrap();
    let text = [
        line("pc-1", "retired-card", "2026-11-01T09:00:00+09:00", 3),
        line("pc-2", "retired-card", "2026-11-01T09:05:00+09:00", 3),
    ]
    .join("\n")
        + "\n";
    fs::write(dir.reviews_dir().join("pc.jsonl"), &text).unwrap();
    let collection = Collection::load(dir.clone(), "t");
    let problems = collection.problems();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .contains("2 review(s) of card `retired-card`"),
        "{}",
        problems[0]
    );
    assert_eq!(collection.state("retired-card").reps(), 2);
    assert_eq!(
        fs::read_to_string(dir.reviews_dir().join("pc.jsonl")).unwrap(),
        text
    );
}

#[test]
fn changing_desired_retention_re_derives_every_state_from_the_same_log() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut collection = IndexedCollection::from(Collection::load(dir.clone(), "t"));
    let mut store = Store::open(dir.clone(), "pc").unwrap();
    collection
        .record_answer(
            &mut store,
            "hoe-q05",
            Rating::Easy,
            at("2026-11-01T09:00:00+09:00"),
            AnswerDetails::default(),
        )
        .unwrap();
    let due_at_90 = collection.state("hoe-q05").due().unwrap();
    let log_before = fs::read(store.log_path()).unwrap();
    collection
        .apply_settings(Settings {
            desired_retention: 0.80,
            ..Settings::default()
        })
        .unwrap();
    let due_at_80 = collection.state("hoe-q05").due().unwrap();
    // Aiming for less recall spaces reviews further apart; the log is untouched.
    assert!(
        due_at_80 > due_at_90 + Duration::days(3),
        "{due_at_90} vs {due_at_80}"
    );
    assert_eq!(fs::read(store.log_path()).unwrap(), log_before);
    drop(store);
    let reloaded = Collection::load(dir, "t");
    assert_eq!(reloaded.settings().desired_retention, 0.80);
    assert_eq!(reloaded.state("hoe-q05").due(), Some(due_at_80));
}

#[test]
fn cards_and_stats_on_a_fresh_data_folder() {
    let temp = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = mensetsu(temp.path()).run_text(&["cards", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let cards: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let bundled = mensetsu::core::content::deck::DeckSet::load(None).card_count();
    assert_eq!(cards.len(), bundled);
    for card in &cards {
        assert_eq!(card["state"], "new");
        assert_eq!(card["reps"], 0);
        assert!(card["due"].is_null());
        for field in [
            "id",
            "deck",
            "stability",
            "difficulty",
            "retrievability",
            "lapses",
        ] {
            assert!(card.get(field).is_some(), "{field} missing in {card}");
        }
    }
    let (code, stdout, stderr) = mensetsu(temp.path()).run_text(&["stats", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let stats: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(stats["counts"]["new"], bundled);
    assert_eq!(stats["due_per_day"].as_array().unwrap().len(), 30);
    // Each day says how many of its cards are in learning, as the decks' columns do.
    assert_eq!(stats["due_per_day"][0]["learning"], 0);
    assert!(stats["true_retention"]["rate"].is_null());
    let (code, _, stderr) = mensetsu(temp.path()).run_text(&["cards", "--bogus"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unexpected argument '--bogus'"), "{stderr}");
}

#[test]
fn cards_and_stats_with_thousands_of_reviews_match_the_replay() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let decks = mensetsu::core::content::deck::DeckSet::load(None);
    let card_ids: Vec<String> = decks.cards().map(|(_, c)| c.id.clone()).collect();
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    // Study every card every time it comes due for two years, ending in the past (a
    // later time is reported as a clock problem), with a fixed pattern of
    // grades, as a real user would.
    let start = at("2023-11-01T08:00:00+09:00");
    let mut lines = Vec::new();
    let mut states: HashMap<&str, CardState> = HashMap::new();
    let mut sequence = 0;
    for day in 0..730 {
        let today = start + Duration::days(day);
        for (index, id) in card_ids.iter().enumerate() {
            let state = states.entry(id).or_default();
            // Learning steps come due again within minutes: answer them the same day.
            for _ in 0..4 {
                let due = state.due().unwrap_or(today);
                if due > today + Duration::hours(20) {
                    break;
                }
                let when = if due > today { due } else { today };
                let rating = [3, 1, 3, 2, 3, 1, 4, 3, 2][(index + sequence) % 9];
                sequence += 1;
                lines.push((
                    when,
                    line(&format!("pc-{sequence}"), id, &when.to_rfc3339(), rating),
                ));
                *state = scheduler.review(id, state, Rating::try_from(rating).unwrap(), when);
            }
        }
    }
    assert!(lines.len() > 3000, "{} reviews", lines.len());
    // A device writes in the order it answers; a step back in time would be reported.
    lines.sort_by_key(|(when, _)| *when);
    let lines: Vec<String> = lines.into_iter().map(|(_, line)| line).collect();
    fs::create_dir_all(dir.reviews_dir()).unwrap();
    fs::write(dir.reviews_dir().join("pc.jsonl"), lines.join("\n") + "\n").unwrap();

    let (code, stdout, stderr) = mensetsu(temp.path()).run_text(&["cards", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let cards: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(cards.len(), card_ids.len());
    for card in &cards {
        let id = card["id"].as_str().unwrap();
        let expected = &states[id];
        assert_eq!(card["reps"], expected.reps(), "{id}");
        assert_eq!(card["lapses"], expected.lapses(), "{id}");
        let due = DateTime::parse_from_rfc3339(card["due"].as_str().unwrap()).unwrap();
        assert_eq!(
            Some(due.timestamp()),
            expected.due().map(|d| d.timestamp()),
            "{id}"
        );
        let stability = card["stability"].as_f64().unwrap();
        assert!(
            (stability - f64::from(expected.stability().unwrap())).abs() < 1e-3,
            "{id}"
        );
        let retrievability = card["retrievability"].as_f64().unwrap();
        assert!(
            (0.0..=1.0).contains(&retrievability),
            "{id}: {retrievability}"
        );
    }
    let (code, stdout, _) = mensetsu(temp.path()).run_text(&["stats", "--json"]);
    assert_eq!(code, 0);
    let stats: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let per_day = stats["reviews_per_day"].as_object().unwrap();
    let total: u64 = per_day
        .values()
        .map(|day| {
            ["again", "hard", "good", "easy"]
                .iter()
                .map(|k| day[k].as_u64().unwrap())
                .sum::<u64>()
        })
        .sum();
    assert_eq!(total as usize, lines.len());
}
