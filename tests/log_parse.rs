//! A long log is read in parts on several threads (log::parse_log): the records and
//! problems must come out as from one pass, in line order, with their own line numbers.

use mensetsu::core::review::log::{Record, parse_log};
use std::path::Path;

#[test]
fn a_long_log_read_in_parts_keeps_every_line_in_order_with_its_number() {
    let bad = [1usize, 4096, 4097, 8192, 12_000, 19_999];
    let mut text = String::new();
    for line in 1..=20_000usize {
        if bad.contains(&line) {
            text.push_str("garbage\n");
        } else if line % 777 == 0 {
            text.push_str("   \n");
        } else {
            text.push_str(&format!(
                r#"{{"id":"d-{line}","card":"c{}","at":"2026-11-22T09:00:00+09:00","rating":3}}"#,
                line % 50
            ));
            text.push('\n');
        }
    }
    // The last line cut off, as a crash leaves it.
    text.push_str(r#"{"id":"d-20001","card":"c1","at":"2026-11-22T09"#);
    let (records, problems) = parse_log(Path::new("d.jsonl"), text.as_bytes());

    let expected: Vec<usize> = (1..=20_000)
        .filter(|line| !bad.contains(line) && line % 777 != 0)
        .collect();
    let lines: Vec<usize> = records.iter().map(|logged| logged.origin.line).collect();
    assert_eq!(lines, expected);
    for logged in &records {
        let Record::Review(review) = &logged.record else {
            panic!("a review");
        };
        assert_eq!(review.id, format!("d-{}", logged.origin.line));
    }
    let problem_lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
    let mut expected: Vec<Option<usize>> = bad.iter().map(|&line| Some(line)).collect();
    expected.push(Some(20_001));
    assert_eq!(problem_lines, expected);
    assert!(
        problems[6].message().contains("last line is incomplete"),
        "{}",
        problems[6]
    );
    assert!(
        !problems[5].message().contains("incomplete"),
        "{}",
        problems[5]
    );
}
