//! Readiness against py-fsrs, the reference FSRS implementation.
//!
//! tests/fixtures/readiness/golden.json holds random review histories and, for each card,
//! py-fsrs 6.3.2's `Scheduler.get_card_retrievability` at the start (04:00, the rollover
//! hour) of several dates in several time zones; its generator beside it says how it was
//! made. Each history is written into a data folder as a review log, exactly as the app
//! writes one; the predicted recall must match to 1e-4 both through the library and
//! through `mensetsu readiness --date … --json` run in the query's time zone.

use chrono::{DateTime, FixedOffset};
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::core::study::readiness;
use serde::Deserialize;
use std::path::Path;

mod common;
use common::cli::mensetsu_by_env;

const GOLDEN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/readiness/golden.json"
));

const TOLERANCE: f64 = 1e-4;

#[derive(Deserialize)]
struct Golden {
    py_fsrs_version: String,
    day_rollover_hour: u32,
    cards: Vec<GoldenCard>,
}

#[derive(Deserialize)]
struct GoldenCard {
    card: String,
    answers: Vec<Answer>,
    queries: Vec<Query>,
}

#[derive(Deserialize)]
struct Answer {
    at: DateTime<FixedOffset>,
    rating: u8,
}

#[derive(Deserialize)]
struct Query {
    tz: String,
    date: String,
    at: DateTime<FixedOffset>,
    recall: f64,
}

/// A data folder with one deck of the golden cards and their answers as this device's log.
fn data_folder(golden: &Golden) -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    std::fs::create_dir_all(dir.decks_dir()).unwrap();
    std::fs::create_dir_all(dir.reviews_dir()).unwrap();
    let cards: Vec<String> = golden
        .cards
        .iter()
        .map(|card| {
            format!(
                r#"{{"id":"{}","question":{{"en":"{}?"}}}}"#,
                card.card, card.card
            )
        })
        .collect();
    std::fs::write(
        dir.decks_dir().join("golden.json"),
        format!(
            r#"{{"id":"golden","title":{{"en":"Golden"}},"cards":[{}]}}"#,
            cards.join(",")
        ),
    )
    .unwrap();
    // In time order, as a device writes its log.
    let mut answers: Vec<(&str, &Answer)> = golden
        .cards
        .iter()
        .flat_map(|card| {
            card.answers
                .iter()
                .map(move |answer| (card.card.as_str(), answer))
        })
        .collect();
    answers.sort_by_key(|(_, answer)| answer.at);
    let mut log = String::new();
    for (sequence, (card, answer)) in answers.into_iter().enumerate() {
        log.push_str(&format!(
            "{{\"id\":\"golden-{sequence}\",\"card\":\"{card}\",\"at\":\"{}\",\"rating\":{}}}\n",
            answer.at.to_rfc3339(),
            answer.rating
        ));
    }
    std::fs::write(dir.reviews_dir().join("golden.jsonl"), log).unwrap();
    temp
}

fn golden() -> Golden {
    let golden: Golden = serde_json::from_str(GOLDEN).expect("golden.json parses");
    assert_eq!(golden.py_fsrs_version, "6.3.2");
    assert_eq!(golden.day_rollover_hour, 4);
    golden
}

#[test]
fn readiness_matches_py_fsrs_retrievability_at_the_start_of_the_date() {
    let golden = golden();
    let folder = data_folder(&golden);
    let now = DateTime::parse_from_rfc3339("2027-01-01T00:00:00+00:00").unwrap();
    let collection = Collection::load_read_only(DataDir::new(folder.path()), now);
    assert!(
        collection.problems().is_empty(),
        "{:?}",
        collection.problems()
    );
    let mut checked = 0;
    let mut never_studied = 0;
    for card in &golden.cards {
        let (deck, deck_card) = collection.decks().find_card(&card.card).unwrap();
        for query in &card.queries {
            let result = readiness::readiness(
                collection.scheduler(),
                [(deck, deck_card)],
                |id| collection.state_of(id),
                query.at,
            );
            let recall = f64::from(result.cards[0].recall);
            assert!(
                (recall - query.recall).abs() <= TOLERANCE,
                "{} at {}: mensetsu {recall}, py-fsrs {}",
                card.card,
                query.at,
                query.recall
            );
            if card.answers.is_empty() {
                assert_eq!(recall, 0.0);
                never_studied += 1;
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 480);
    assert!(never_studied > 0);
}

fn readiness_command(folder: &Path, tz: &str, date: &str) -> serde_json::Value {
    let output = mensetsu_by_env(folder).env("TZ", tz).run(&[
        "readiness",
        "--date",
        date,
        "--deck",
        "golden",
        "--json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_readiness_command_counts_from_the_dates_start_in_local_time() {
    let golden = golden();
    let folder = data_folder(&golden);
    // Every fifth card, one query in each time zone: 32 runs of the command.
    for card in golden.cards.iter().step_by(5) {
        for query in &card.queries {
            if card.queries.iter().position(|q| q.tz == query.tz)
                != card.queries.iter().position(|q| std::ptr::eq(q, query))
            {
                continue;
            }
            let json = readiness_command(folder.path(), &query.tz, &query.date);
            assert_eq!(
                json["at"].as_str().unwrap(),
                query.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                "the moment is the date's 04:00 in {}",
                query.tz
            );
            let row = json["cards"]
                .as_array()
                .unwrap()
                .iter()
                .find(|row| row["card"] == card.card.as_str())
                .unwrap();
            let recall = row["recall"].as_f64().unwrap();
            assert!(
                (recall - query.recall).abs() <= TOLERANCE,
                "{} on {} in {}: mensetsu {recall}, py-fsrs {}",
                card.card,
                query.date,
                query.tz,
                query.recall
            );
            // The overall figure is the mean over every card of the deck.
            let cards = json["cards"].as_array().unwrap();
            let mean = cards
                .iter()
                .map(|row| row["recall"].as_f64().unwrap())
                .sum::<f64>()
                / cards.len() as f64;
            assert!((json["overall"].as_f64().unwrap() - mean).abs() < 1e-5);
            assert_eq!(json["decks"][0]["cards"], 40);
        }
    }
}

/// On a day before a card was first studied the card was not known yet: it counts 0, as a
/// card never studied does, instead of its recall from answers that came later. From the
/// day of its first answer on, the golden figures above hold.
#[test]
fn a_day_before_a_cards_first_answer_counts_it_as_not_known() {
    let golden = golden();
    let folder = data_folder(&golden);
    let json = readiness_command(folder.path(), "Asia/Tokyo", "2020-01-01");
    let cards = json["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 40);
    assert!(cards.iter().all(|row| row["recall"] == 0.0), "{json}");
    assert_eq!(json["overall"], 0.0);
    // A card first answered later in the golden history is 0 on a day its deck-mates
    // were already studied.
    let first_answer = |card: &GoldenCard| card.answers.iter().map(|answer| answer.at).min();
    let (Some(early), Some(late)) = (
        golden.cards.iter().filter_map(first_answer).min(),
        golden.cards.iter().filter_map(first_answer).max(),
    ) else {
        panic!("the golden history has answers");
    };
    assert!(late.date_naive() > early.date_naive());
    let between = (late - chrono::Duration::days(1)).date_naive().to_string();
    let json = readiness_command(folder.path(), "UTC", &between);
    for card in &golden.cards {
        let recall = json["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["card"] == card.card.as_str())
            .unwrap()["recall"]
            .as_f64()
            .unwrap();
        match first_answer(card) {
            Some(first) if first.date_naive().to_string() > between => {
                assert_eq!(recall, 0.0, "{} first answered {first}", card.card)
            }
            None => assert_eq!(recall, 0.0),
            Some(_) => assert!(recall > 0.0, "{} on {between}", card.card),
        }
    }
}
