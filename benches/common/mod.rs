//! Data for the benchmarks: the real review log read from CSV, a deterministic synthetic
//! log, and decks of any size built from the bundled cards' real texts.
//!
//! Shared by `replay.rs` and `frame.rs`; each uses a part of it.
#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use mensetsu::core::content::deck::DeckSet;
use mensetsu::core::review::compact;
use mensetsu::core::review::log::{self, LoggedRecord, Origin, Record, ReviewRecord};
use mensetsu::core::review::scheduler::{CardState, Phase, Rating, Scheduler};
use mensetsu::core::review::store::LogSnapshot;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};

pub const REAL_LOG_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/real-log/fsrs-review-log-12580.csv"
);

/// A review record with only the given fields set. Built from a parsed template so that
/// fields added to [`ReviewRecord`] later (all optional) need no change here.
pub struct RecordMaker {
    template: ReviewRecord,
    file: PathBuf,
}

impl RecordMaker {
    pub fn new(file: &str) -> Self {
        let line = br#"{"id":"t","card":"t","at":"2024-01-01T00:00:00+00:00","rating":3}"#;
        let (records, _) = log::parse_log(Path::new("template.jsonl"), line);
        let Some(Record::Review(template)) = records.into_iter().next().map(|l| l.record) else {
            panic!("template review record");
        };
        Self {
            template,
            file: PathBuf::from(file),
        }
    }

    pub fn review(
        &self,
        line: usize,
        card: String,
        at: DateTime<FixedOffset>,
        rating: u8,
        duration_ms: u64,
    ) -> LoggedRecord {
        let mut review = self.template.clone();
        review.id = format!("bench-{line}");
        review.card = card;
        review.at = at;
        review.rating = Rating::try_from(rating).expect("a rating 1-4");
        review.duration_ms = Some(duration_ms);
        LoggedRecord {
            record: Record::Review(review),
            origin: Origin {
                file: self.file.clone(),
                line,
            },
        }
    }
}

/// The CSV (`card_id,review_rating,review_time,review_duration`) as review records, in
/// file order: ratings, times and durations as given, card ids as strings.
pub fn parse_csv(text: &str) -> Vec<LoggedRecord> {
    let maker = RecordMaker::new("fsrs-review-log-12580.jsonl");
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(index, line)| {
            let mut fields = line.split(',');
            let mut next = || fields.next().expect("four CSV columns").trim();
            let card = next().to_string();
            let rating: u8 = next().parse().expect("rating");
            let at = DateTime::parse_from_rfc3339(next()).expect("review_time");
            let duration_ms: u64 = next().parse().expect("review_duration");
            maker.review(index + 1, card, at, rating, duration_ms)
        })
        .collect()
}

/// The real log's CSV text, or `None` (with a message on stderr) when the file is not
/// beside the project, so the benchmarks that need it are skipped rather than failed.
pub fn read_real_csv() -> Option<String> {
    match std::fs::read_to_string(REAL_LOG_CSV) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!(
                "skipped: the real review log {REAL_LOG_CSV} cannot be read ({error}); \
                 it is in the repository at tests/fixtures/real-log/ \
                 (see BENCHMARKS.md)"
            );
            None
        }
    }
}

/// Records as a `reviews/<device>.jsonl` file holds them.
pub fn to_jsonl(records: &[LoggedRecord]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(records.len() * 120);
    for logged in records {
        bytes.extend_from_slice(logged.record.to_line().expect("serializable").as_bytes());
        bytes.push(b'\n');
    }
    bytes
}

/// What the app does at start with the bytes of one log file.
pub fn snapshot_from_jsonl(file: &Path, bytes: &[u8]) -> LogSnapshot {
    let (reviews, others, problems) = compact::parse_log(file, bytes);
    let mut snapshot = LogSnapshot {
        reviews,
        others,
        problems,
    };
    snapshot.merge();
    snapshot
}

pub fn snapshot_of(records: Vec<LoggedRecord>) -> LogSnapshot {
    LogSnapshot::from_records(records, Vec::new())
}

/// Distinct card ids in order of first appearance.
pub fn card_ids(records: &[LoggedRecord]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    records
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Review(review) if seen.insert(review.card.clone()) => Some(review.card.clone()),
            _ => None,
        })
        .collect()
}

/// The bundled decks' cards, whose texts the generated decks reuse.
fn template_cards() -> Vec<serde_json::Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/decks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("bundled decks folder")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut cards = Vec::new();
    for file in files {
        let deck: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("deck")).expect("json");
        cards.extend(deck["cards"].as_array().expect("cards").iter().cloned());
    }
    cards
}

const ROLES: [&str; 5] = ["vpoe", "hoe", "cto", "fundamentals", "other"];

/// Card id `n` of deck `deck` in the generated decks.
pub fn generated_card_id(deck: usize, card: usize) -> String {
    format!("bench-d{deck:03}-q{card:04}")
}

/// `decks` deck files of `cards_per_deck` cards each, as (file name, JSON text). The cards
/// cycle through the bundled cards' real questions and points (Japanese and English).
pub fn generated_decks(decks: usize, cards_per_deck: usize) -> Vec<(String, String)> {
    let templates = template_cards();
    (0..decks)
        .map(|deck| {
            let cards: Vec<serde_json::Value> = (0..cards_per_deck)
                .map(|card| {
                    let mut value =
                        templates[(deck * cards_per_deck + card) % templates.len()].clone();
                    value["id"] = serde_json::Value::String(generated_card_id(deck, card));
                    value
                })
                .collect();
            let json = serde_json::json!({
                "format": 1,
                "id": format!("bench-d{deck:03}"),
                "title": {
                    "ja": format!("ベンチマーク用デッキ {deck:03}"),
                    "en": format!("Benchmark deck {deck:03}"),
                },
                "role": ROLES[deck % ROLES.len()],
                "cards": cards,
            });
            (
                format!("bench-d{deck:03}.json"),
                serde_json::to_string_pretty(&json).expect("deck json"),
            )
        })
        .collect()
}

pub fn deck_set(files: &[(String, String)]) -> DeckSet {
    DeckSet::from_sources(
        files
            .iter()
            .map(|(name, text)| (name.clone(), text.clone(), false))
            .collect(),
    )
}

/// One deck holding exactly these card ids (so a replay reports no orphans).
pub fn deck_with_ids(ids: &[String]) -> DeckSet {
    DeckSet::from_sources(vec![("real-log.json".to_string(), deck_text(ids), false)])
}

/// The deck file of [`deck_with_ids`].
pub fn deck_text(ids: &[String]) -> String {
    let cards: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| serde_json::json!({ "id": id, "question": { "en": format!("Card {id}") } }))
        .collect();
    serde_json::json!({
        "id": "real-log",
        "title": { "en": "Cards of the real log" },
        "cards": cards,
    })
    .to_string()
}

/// splitmix64: a fixed, dependency-free generator, so the synthetic log is the same on
/// every machine and with every version of `rand`.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

pub const SYNTHETIC_SEED: u64 = 20_261_122;

/// A deterministic log of `reviews` reviews of the generated decks' cards, simulated as
/// a user would produce it (documented in BENCHMARKS.md):
/// - new cards are introduced 1,000 a day in deck order, in a session from 09:00 (+09:00),
///   one every 20 s;
/// - every card is reviewed when the scheduler says it is due, plus a delay: 0-2 min for
///   learning steps, 0-8 h for review intervals;
/// - ratings: learning / relearning 15 % Again, 10 % Hard, 70 % Good, 5 % Easy;
///   review 10 % Again, 10 % Hard, 75 % Good, 5 % Easy;
/// - durations 5-120 s.
///
/// Returns the records in time order and the moment after the last one.
pub fn synthetic_log(
    scheduler: &Scheduler,
    decks: usize,
    cards_per_deck: usize,
    reviews: usize,
) -> (Vec<LoggedRecord>, DateTime<FixedOffset>) {
    let offset = FixedOffset::east_opt(9 * 3600).expect("offset");
    let start = offset
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("start")
        .timestamp();
    let cards = decks * cards_per_deck;
    let ids: Vec<String> = (0..cards)
        .map(|index| generated_card_id(index / cards_per_deck, index % cards_per_deck))
        .collect();
    let mut states = vec![CardState::default(); cards];
    let mut rng = SplitMix::new(SYNTHETIC_SEED);
    // (time in seconds, card index): the earliest event first, ties by card index.
    let mut queue: BinaryHeap<Reverse<(i64, usize)>> = (0..cards)
        .map(|index| {
            let day = (index / 1000) as i64;
            Reverse((start + day * 86_400 + (index % 1000) as i64 * 20, index))
        })
        .collect();
    let maker = RecordMaker::new("synthetic.jsonl");
    let mut records = Vec::with_capacity(reviews);
    let mut last = start;
    while records.len() < reviews {
        let Some(Reverse((seconds, index))) = queue.pop() else {
            break;
        };
        let at = offset.timestamp_opt(seconds, 0).single().expect("in range");
        let roll = rng.below(100);
        let learning = states[index].phase() != Phase::Review;
        let rating = match (learning, roll) {
            (true, 0..15) | (false, 0..10) => Rating::Again,
            (true, 15..25) | (false, 10..20) => Rating::Hard,
            (true, 25..95) | (false, 20..95) => Rating::Good,
            _ => Rating::Easy,
        };
        let duration_ms = 5_000 + rng.below(115_001);
        let next = scheduler.review(&ids[index], &states[index], rating, at);
        let due = next.due().expect("reviewed cards have a due date");
        let delay = if next.phase() == Phase::Review {
            Duration::seconds(rng.below(8 * 3600) as i64)
        } else {
            Duration::seconds(rng.below(120) as i64)
        };
        queue.push(Reverse(((due + delay).timestamp(), index)));
        states[index] = next;
        records.push(maker.review(
            records.len() + 1,
            ids[index].clone(),
            at,
            rating as u8,
            duration_ms,
        ));
        last = seconds;
    }
    let end = offset
        .timestamp_opt(last + 1, 0)
        .single()
        .expect("in range");
    (records, end)
}
