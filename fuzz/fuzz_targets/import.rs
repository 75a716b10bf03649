//! The guide importer on arbitrary text: it must never panic, and whatever deck it makes
//! must pass the same checks the app applies when it loads a deck, because
//! `mensetsu import` refuses to write a deck the app would reject.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mensetsu::core::content::deck::parse_deck;
use mensetsu::core::content::import::import_guide;

fuzz_target!(|data: &[u8]| {
    // `mensetsu import` refuses non-UTF-8 guides before calling the importer.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(imported) = import_guide("guide.md", text) else {
        return;
    };
    let json = serde_json::to_string_pretty(&imported.deck).expect("the deck can be written");
    let (deck, problems) = parse_deck("imported.json", &json).expect("the written deck parses");
    assert!(
        problems.is_empty(),
        "imported deck has problems: {problems:?}"
    );
    assert_eq!(deck, imported.deck);
});
