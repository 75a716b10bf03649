//! The real review log (py-fsrs's test data, `tests/fixtures/real-log/`) as a mensetsu log:
//! shared by the tests that run Optimize on it, so they fit the same records.

use std::path::Path;

/// A data folder's `reviews` folder (made if missing) holding the real log as one
/// device's file, `real.jsonl`.
pub fn write_real_log(reviews: &Path) {
    std::fs::create_dir_all(reviews).unwrap();
    std::fs::write(reviews.join("real.jsonl"), real_log_jsonl()).unwrap();
}

/// The CSV's 12,580 reviews as the lines of one device's log, at the reviewer's offset
/// (UTC−5), with ids `real-<row>`.
pub fn real_log_jsonl() -> String {
    let csv = include_str!("../fixtures/real-log/fsrs-review-log-12580.csv");
    let zone = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    let mut log = String::with_capacity(csv.len() * 2);
    for (index, line) in csv.lines().skip(1).enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        let at = chrono::DateTime::parse_from_rfc3339(fields[2])
            .unwrap()
            .with_timezone(&zone);
        log.push_str(&format!(
            "{{\"id\":\"real-{index}\",\"card\":\"{}\",\"at\":\"{}\",\"rating\":{}}}\n",
            fields[0],
            at.to_rfc3339(),
            fields[1]
        ));
    }
    log
}
