//! The compact reading of the review log (answers in a table, `core::review::compact`)
//! against the reading of every record in full (`core::review::log`), on random logs of
//! every record kind, odd ids, repeated ids, undos of answers that exist and that do not,
//! bad lines, times that go back and several files: the same answers in the same order,
//! the same other records, the same problems in the same order.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use mensetsu::core::review::log::{self, LoggedRecord, Record};
use mensetsu::core::review::store::{LogSnapshot, read_all_logs};
use mensetsu::core::review::{compact, table::ReviewTable};
use proptest::prelude::*;
use std::path::Path;

/// splitmix64: a small deterministic generator, so a failing seed is the whole case.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One random log line of any kind, good or bad.
fn line(
    random: &mut Random,
    device: &str,
    sequence: &mut u64,
    at: DateTime<FixedOffset>,
) -> String {
    *sequence += 1;
    let id = match random.below(20) {
        // Ids the table keeps whole, and repeats of earlier ones.
        0 => format!("{device}-0{sequence}"),
        1 => format!("odd{}", random.below(5)),
        2 => format!("{device}-{}", random.below(*sequence)),
        3 => "-7".to_string(),
        // Numbers at and past the largest a row holds.
        4 => format!("{device}-{}", 4_294_967_294u64 + random.below(3)),
        _ => format!("{device}-{sequence}"),
    };
    let at_text = at.to_rfc3339();
    let card = random.pick(&["vpoe-q01", "vpoe-q02", "hoe-q03", "gone-q9", "a,\"b\""]);
    match random.below(16) {
        0 => format!(
            r#"{{"id":"{id}","at":"{at_text}","undo":"{device}-{}"}}"#,
            random.below(*sequence + 3)
        ),
        1 => format!(
            r#"{{"id":"{id}","at":"{at_text}","undo":"odd{}"}}"#,
            random.below(5)
        ),
        2 => format!(
            r#"{{"id":"{id}","at":"{at_text}","card":"{card}","note":"n{}"}}"#,
            random.below(9)
        ),
        3 => format!(
            r#"{{"id":"{id}","at":"{at_text}","card":"{card}","suspended":{}}}"#,
            random.below(2) == 0
        ),
        4 => format!(
            r#"{{"id":"{id}","at":"{at_text}","card":"{card}","flag":{}}}"#,
            random.below(8)
        ),
        5 => format!(
            r#"{{"id":"{id}","at":"{at_text}","card":"{card}","buried_until":"2026-11-2{}"}}"#,
            random.below(9)
        ),
        6 => format!(r#"{{"id":"{id}","at":"{at_text}","card":"{card}","own_points":["p"]}}"#),
        7 => format!(
            r#"{{"id":"{id}","at":"{at_text}","story":"s{}","title":"t","cards":["{card}"]}}"#,
            random.below(3)
        ),
        8 => format!(
            r#"{{"id":"{id}","at":"{at_text}","interview":"i1","name":"n","date":"2026-12-24","roles":["vpoe"]}}"#
        ),
        9 => r#"{"id":"x","at":"2026-13-01T00:00:00Z","card":"c","rating":3}"#.to_string(),
        10 => "{\"id\":\"cut".to_string(),
        _ => {
            let mut fields = vec![
                format!(r#""id":"{id}""#),
                format!(r#""card":"{card}""#),
                format!(r#""at":"{at_text}""#),
                format!(r#""rating":{}"#, 1 + random.below(4)),
            ];
            if random.below(2) == 0 {
                let duration = match random.below(10) {
                    0 => u64::MAX,
                    1 => 0,
                    _ => random.below(200_000),
                };
                fields.push(format!(r#""duration_ms":{duration}"#));
            }
            for name in ["points_covered", "points_detected"] {
                match random.below(4) {
                    0 => {}
                    1 => fields.push(format!(r#""{name}":[]"#)),
                    2 => fields.push(format!(
                        r#""{name}":[{},{}]"#,
                        random.below(6),
                        random.below(6)
                    )),
                    _ => {
                        let long: Vec<String> = (0..300).map(|point| point.to_string()).collect();
                        let wide = if random.below(2) == 0 {
                            ",18446744073709551615"
                        } else {
                            ""
                        };
                        fields.push(format!(r#""{name}":[{}{wide}]"#, long.join(",")));
                    }
                }
            }
            match random.below(4) {
                0 => fields.push(format!(r#""points_total":{}"#, random.below(7))),
                1 => fields.push(r#""points_total":70000"#.to_string()),
                _ => {}
            }
            if random.below(3) == 0 {
                fields.push(r#""answer":"下書き \"quoted\"""#.to_string());
            }
            if random.below(4) == 0 {
                fields.push(format!(
                    r#""mode":"mock","session":"{device}-s{}""#,
                    random.below(3)
                ));
            }
            // An answer given aloud: its recording and figures (#25), or, rarely, a
            // `spoken` that is not one, which both readings must report alike.
            match random.below(6) {
                0 => fields.push(format!(
                    r#""spoken":{{"recording":"{device}-r{}","speech_ms":{},"pauses":{},"rate":{}.25,"unit":"morae/s"}}"#,
                    random.below(9),
                    random.below(200_000),
                    random.below(5),
                    random.below(9)
                )),
                1 if random.below(4) == 0 => fields.push(r#""spoken":"yes""#.to_string()),
                _ => {}
            }
            format!("{{{}}}", fields.join(","))
        }
    }
}

/// A random log of `devices` files, each written in its own time order with a clock
/// that sometimes goes back; returns (file name, text).
fn random_log(seed: u64) -> Vec<(String, String)> {
    let mut random = Random(seed);
    let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
    let utc = FixedOffset::east_opt(0).unwrap();
    let devices = 1 + random.below(3);
    (0..devices)
        .map(|device| {
            let name = ["desktop", "laptop", "phone"][device as usize];
            let offset = if device == 1 { utc } else { tokyo };
            let mut at = offset.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
            let mut sequence = 0;
            let lines = 1 + random.below(60);
            let mut text = String::new();
            for _ in 0..lines {
                // Equal times across files, a clock turned back, and time moving on.
                at += match random.below(10) {
                    0 => Duration::zero(),
                    1 => -Duration::minutes(30),
                    _ => Duration::seconds(random.below(90_000) as i64),
                };
                text.push_str(&line(&mut random, name, &mut sequence, at));
                text.push('\n');
            }
            if random.below(3) == 0 {
                text.pop();
            }
            (format!("{name}.jsonl"), text)
        })
        .collect()
}

fn answers_of(table: &ReviewTable) -> Vec<LoggedRecord> {
    (0..table.len())
        .map(|row| LoggedRecord {
            record: Record::Review(table.get(row).unwrap().to_record()),
            origin: table.origin_of(row).unwrap(),
        })
        .collect()
}

fn check(seed: u64) {
    let files = random_log(seed);
    // One file at a time: the table holds what the full reading's answers say, the
    // rest is the same, and so are the problems and the steps back in time.
    let mut everything = Vec::new();
    let mut problems_in_full = Vec::new();
    for (name, text) in &files {
        let path = Path::new(name);
        let (records, problems) = log::parse_log(path, text.as_bytes());
        let (table, others, compact_problems) = compact::parse_log(path, text.as_bytes());
        let answers_in_full: Vec<_> = records
            .iter()
            .filter(|logged| matches!(logged.record, Record::Review(_)))
            .cloned()
            .collect();
        let others_in_full: Vec<_> = records
            .iter()
            .filter(|logged| !matches!(logged.record, Record::Review(_)))
            .cloned()
            .collect();
        assert_eq!(answers_of(&table), answers_in_full, "seed {seed}");
        assert_eq!(others, others_in_full, "seed {seed}");
        assert_eq!(compact_problems, problems, "seed {seed}");
        assert_eq!(
            compact::backward_times(path, &table, &others),
            log::backward_times(&records),
            "seed {seed}"
        );
        problems_in_full.extend(problems);
        problems_in_full.extend(log::backward_times(&records));
        everything.extend(records);
    }
    // The whole folder: the compact snapshot interleaves into the merged timeline, and
    // the answers that count, the problems with ids and undos, and the times in the
    // future come out the same.
    let merged = log::merge(everything);
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let snapshot = read_all_logs(dir.path());
    let renamed: Vec<LoggedRecord> = merged
        .iter()
        .cloned()
        .map(|mut logged| {
            logged.origin.file = dir.path().join(&logged.origin.file);
            logged
        })
        .collect();
    assert_eq!(snapshot.records(), renamed, "seed {seed}");
    let in_memory = LogSnapshot::from_records(merged.clone(), Vec::new());
    assert_eq!(in_memory.records(), merged, "seed {seed}");

    let (effective, id_problems) = log::effective_reviews(&merged);
    let (rows, compact_id_problems) =
        compact::effective_rows(&in_memory.reviews, &in_memory.others);
    let ids_in_full: Vec<String> = effective
        .iter()
        .map(|&index| merged[index].record.id().to_string())
        .collect();
    let compact_ids: Vec<String> = rows
        .iter()
        .map(|&row| in_memory.reviews.get(row as usize).unwrap().id.to_string())
        .collect();
    assert_eq!(compact_ids, ids_in_full, "seed {seed}");
    assert_eq!(compact_id_problems, id_problems, "seed {seed}");

    let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00+09:00").unwrap();
    assert_eq!(
        compact::future_records(&in_memory.reviews, &in_memory.others, now),
        log::future_records(&merged, now),
        "seed {seed}"
    );
    let all_problems: Vec<_> = snapshot
        .problems
        .iter()
        .map(|problem| problem.message())
        .collect();
    let expected: Vec<_> = problems_in_full
        .iter()
        .map(|problem| problem.message())
        .collect();
    assert_eq!(all_problems, expected, "seed {seed}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_compact_reading_agrees_with_the_reading_in_full(seed in any::<u64>()) {
        check(seed);
    }
}

#[test]
fn a_log_copied_whole_reports_every_repeat_at_its_first_copy() {
    // A sync tool's copy of a whole log: every id twice, which must stay fast and say
    // where each first copy is.
    let mut text = String::new();
    for index in 1..=2000 {
        text.push_str(&format!(
            r#"{{"id":"pc-{index}","card":"vpoe-q01","at":"2026-11-20T09:00:00+09:00","rating":3}}"#
        ));
        text.push('\n');
    }
    let (first, _) = log::parse_log(Path::new("a.jsonl"), text.as_bytes());
    let (second, _) = log::parse_log(Path::new("b.jsonl"), text.as_bytes());
    let merged = log::merge([first, second].concat());
    let snapshot = LogSnapshot::from_records(merged.clone(), Vec::new());
    let (rows, problems) = compact::effective_rows(&snapshot.reviews, &snapshot.others);
    let (effective, expected) = log::effective_reviews(&merged);
    assert_eq!(rows.len(), effective.len());
    assert_eq!(problems.len(), 2000);
    assert_eq!(problems, expected);
}
