//! The deck parser on arbitrary text: it must never panic, and a deck it accepts must
//! come back unchanged after being written out again (what `mensetsu import` does).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mensetsu::core::content::deck::parse_deck;

fuzz_target!(|data: &[u8]| {
    // Deck files reach the parser as text: non-UTF-8 files are refused before parsing
    // (`read_text`), so only valid UTF-8 is worth the fuzzer's time.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((deck, problems)) = parse_deck("fuzz.json", text) else {
        return;
    };
    for problem in &problems {
        assert_eq!(problem.file, std::path::Path::new("fuzz.json"));
    }
    let json = serde_json::to_string_pretty(&deck).expect("a parsed deck can be written");
    let (again, _) = parse_deck("again.json", &json).expect("a written deck parses");
    assert_eq!(again, deck, "the deck changed on a round trip through JSON");
});
