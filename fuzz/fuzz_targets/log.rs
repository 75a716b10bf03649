//! The review-log reader on arbitrary bytes (a log is read as bytes: a crash or a sync
//! tool can leave anything in it). It must never panic, must account for every non-blank
//! line exactly once (a record or a problem), and what comes after it — merging, undo,
//! replay through the scheduler and the statistics — must not panic on what it accepts.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::DeckSet;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::compact;
use mensetsu::core::review::log::{effective_reviews, merge, parse_log};
use mensetsu::core::review::store::LogSnapshot;
use mensetsu::core::settings::Settings;
use mensetsu::core::study::stats::Stats;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (records, problems) = parse_log(Path::new("fuzz.jsonl"), data);
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let lines: Vec<&[u8]> = body.split(|byte| *byte == b'\n').collect();
    let non_blank = lines
        .iter()
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(records.len() + problems.len(), non_blank);
    for logged in &records {
        assert!((1..=lines.len()).contains(&logged.origin.line));
        let line = logged.record.to_line().expect("a record can be written");
        let (again, again_problems) = parse_log(Path::new("again.jsonl"), line.as_bytes());
        assert!(again_problems.is_empty(), "{again_problems:?} for {line}");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].record, logged.record, "round trip of {line}");
    }
    for problem in &problems {
        let line = problem.line.expect("a bad line names its line");
        assert!((1..=lines.len()).contains(&line));
    }

    // The compact reading (what the app uses) reads the same records and problems.
    let (table, others, compact_problems) = compact::parse_log(Path::new("fuzz.jsonl"), data);
    assert_eq!(compact_problems, problems);
    assert_eq!(table.len() + others.len(), records.len());

    let merged = merge(records);
    let (reviews, undo_problems) = effective_reviews(&merged);
    let snapshot = LogSnapshot::from_records(merged, problems);
    let (rows, compact_undo_problems) = compact::effective_rows(&snapshot.reviews, &snapshot.others);
    assert_eq!(rows.len(), reviews.len());
    assert_eq!(compact_undo_problems, undo_problems);
    let collection = Collection::from_parts(
        DataDir::new("fuzz"),
        DeckSet::default(),
        Settings::default(),
        snapshot,
    );
    let Ok(now) = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00") else {
        panic!("a fixed time parses");
    };
    let _stats = Stats::compute(&collection, now);
    let _count = collection.problem_count();
});
