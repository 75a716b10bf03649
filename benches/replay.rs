//! Replay benchmarks (BENCHMARKS.md, targets 1 and 2): deriving every card state from the
//! review log through the default scheduler, as the app does at start and after a
//! settings change; and loading 100,000 cards of decks, which comes before it.
//!
//! `cargo bench --bench replay`

mod common;

use common::{
    card_ids, deck_set, deck_text, deck_with_ids, generated_decks, parse_csv, read_real_csv,
    snapshot_from_jsonl, snapshot_of, synthetic_log, to_jsonl,
};
use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Record;
use mensetsu::core::review::progress::Progress;
use mensetsu::core::review::scheduler::{Scheduler, SchedulerConfig};
use mensetsu::core::review::store;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn scheduler() -> Scheduler {
    Scheduler::new(SchedulerConfig::default()).expect("default scheduler")
}

/// The real 12,580-review log of 1,205 cards.
fn real_log(c: &mut Criterion) {
    let scheduler = scheduler();
    let Some(csv) = read_real_csv() else {
        return;
    };
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 12_580);
    let decks = deck_with_ids(&card_ids(&records));
    assert_eq!(decks.card_count(), 1_205);
    let jsonl = to_jsonl(&records);
    let snapshot = snapshot_of(records);
    let check = Progress::replay(&snapshot, &decks, &scheduler);
    assert_eq!(check.review_count(), 12_580);
    assert!(check.orphan_count() == 0 && check.problems().is_empty());

    let mut group = c.benchmark_group("real_12580");
    group.bench_function("csv_parse", |b| {
        b.iter_with_large_drop(|| parse_csv(black_box(&csv)))
    });
    group.bench_function("replay", |b| {
        b.iter_with_large_drop(|| Progress::replay(black_box(&snapshot), &decks, &scheduler))
    });
    let file = Path::new("reviews/bench.jsonl");
    group.bench_function("jsonl_parse_merge", |b| {
        b.iter_with_large_drop(|| snapshot_from_jsonl(file, black_box(&jsonl)))
    });
    group.bench_function("jsonl_parse_merge_replay", |b| {
        b.iter_with_large_drop(|| {
            let snapshot = snapshot_from_jsonl(file, black_box(&jsonl));
            let progress = Progress::replay(&snapshot, &decks, &scheduler);
            (snapshot, progress)
        })
    });
    // Reading the log file from disk (from the page cache, as on a second run) and
    // parsing and merging it: the yardstick of the whole-process goal for
    // `mensetsu cards --json` (BENCHMARKS.md).
    // At UTC-5, where the user of the real log lived, as benches/real_data_dir.py
    // writes it for the whole-process figures.
    let local = chrono::FixedOffset::west_opt(5 * 3600).expect("offset");
    let mut local_records = parse_csv(&csv);
    for logged in &mut local_records {
        if let Record::Review(review) = &mut logged.record {
            review.at = review.at.with_timezone(&local);
        }
    }
    let temp = tempfile::tempdir().expect("temp dir");
    std::fs::write(temp.path().join("bench.jsonl"), to_jsonl(&local_records)).expect("log");
    group.bench_function("read_parse_merge", |b| {
        b.iter_with_large_drop(|| store::read_all_logs(black_box(temp.path())))
    });
    // Everything `cards --json` loads, in-process: the decks (bundled and the one user
    // deck of the log's cards), settings, the log read, parsed, merged and replayed.
    let data = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(data.path());
    std::fs::create_dir_all(dir.reviews_dir()).expect("reviews dir");
    std::fs::create_dir_all(dir.decks_dir()).expect("decks dir");
    std::fs::copy(
        temp.path().join("bench.jsonl"),
        dir.reviews_dir().join("bench.jsonl"),
    )
    .expect("log");
    std::fs::write(
        dir.decks_dir().join("real-log.json"),
        deck_text(&card_ids(&local_records)),
    )
    .expect("deck");
    let now = chrono::Local::now().fixed_offset();
    group.bench_function("collection_load", |b| {
        b.iter_with_large_drop(|| Collection::load_read_only(dir.clone(), now))
    });
    group.finish();
}

/// 1,000,000 synthetic reviews of 100,000 cards (100 decks of 1,000).
fn synthetic(c: &mut Criterion) {
    let scheduler = scheduler();
    let decks = deck_set(&generated_decks(100, 1_000));
    assert_eq!(decks.card_count(), 100_000);
    let (records, _) = synthetic_log(&scheduler, 100, 1_000, 1_000_000);
    assert_eq!(records.len(), 1_000_000);
    let jsonl = to_jsonl(&records);
    let snapshot = snapshot_of(records);
    let check = Progress::replay(&snapshot, &decks, &scheduler);
    assert_eq!(check.review_count(), 1_000_000);
    assert_eq!(check.reviewed_card_count(), 100_000);
    assert!(check.orphan_count() == 0 && check.problems().is_empty());

    let mut group = c.benchmark_group("synthetic_1m");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("replay", |b| {
        b.iter_with_large_drop(|| Progress::replay(black_box(&snapshot), &decks, &scheduler))
    });
    let file = Path::new("reviews/bench.jsonl");
    group.bench_function("jsonl_parse_merge_replay", |b| {
        b.iter_with_large_drop(|| {
            let snapshot = snapshot_from_jsonl(file, black_box(&jsonl));
            let progress = Progress::replay(&snapshot, &decks, &scheduler);
            (snapshot, progress)
        })
    });
    group.finish();
}

/// Parsing and checking 100 deck files of 1,000 cards each, as at app start: the decks
/// must be loaded before anything can be replayed or drawn.
fn deck_load(c: &mut Criterion) {
    let files = generated_decks(100, 1_000);
    let mut group = c.benchmark_group("decks_100k");
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter_with_large_drop(|| deck_set(black_box(&files)))
    });
    group.finish();
    assert_eq!(deck_set(&files).card_count(), 100_000);
}

criterion_group!(benches, real_log, synthetic, deck_load);
criterion_main!(benches);
