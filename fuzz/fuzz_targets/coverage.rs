//! `mensetsu coverage --jsonl` on any input: it never panics and answers every non-blank
//! input line with exactly one JSON line, in order, the failures counted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mensetsu::cli::coverage_answer_lines;
use mensetsu::core::content::deck::DeckSet;
use mensetsu::core::study::coverage::Detector;
use std::sync::OnceLock;

fn decks_and_detector() -> &'static (DeckSet, Detector) {
    static BOTH: OnceLock<(DeckSet, Detector)> = OnceLock::new();
    BOTH.get_or_init(|| {
        let decks = DeckSet::load(None);
        let detector = Detector::new(&decks);
        (decks, detector)
    })
}

fuzz_target!(|data: &[u8]| {
    let (decks, detector) = decks_and_detector();
    let mut out = Vec::new();
    let Ok(failures) = coverage_answer_lines(decks, detector, data, "fuzz.jsonl", &mut out) else {
        panic!("reading from memory and writing to memory cannot fail");
    };
    let non_blank = data
        .split(|byte| *byte == b'\n')
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .count();
    let Ok(text) = String::from_utf8(out) else {
        panic!("the output is UTF-8");
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), non_blank);
    let mut errors = 0;
    for line in lines {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            panic!("not JSON: {line}");
        };
        errors += usize::from(value.get("error").is_some());
    }
    assert_eq!(errors, failures);
});
