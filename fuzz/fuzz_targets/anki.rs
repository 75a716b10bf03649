//! The Anki package reader on arbitrary bytes, as `mensetsu import FILE.apkg` and the
//! app's import panel read a package: the zip with its limits, the collection (zstd,
//! SQLite in either schema), then the import plan over an empty data folder. It must
//! never panic; a plan it makes holds only answers marked as imported, each once, and
//! decks that load as the app loads them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mensetsu::core::anki::{collection, import, package};
use mensetsu::core::content::deck::{DeckSet, parse_deck};
use mensetsu::core::review::store::LogSnapshot;
use std::collections::HashSet;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let file = Path::new("fuzz.apkg");
    let Ok(unpacked) = package::unpack(file, data) else {
        return;
    };
    let Ok(anki) = collection::read(file, unpacked.entry, &unpacked.sqlite) else {
        return;
    };
    let utc = |_: i64| chrono::FixedOffset::east_opt(0).expect("UTC is an offset");
    let plan = import::plan(
        file,
        unpacked.entry,
        &anki,
        &DeckSet::default(),
        Path::new("decks"),
        &LogSnapshot::default(),
        &utc,
    );
    let mut ids = HashSet::new();
    for review in &plan.reviews {
        assert!(review.id.starts_with(import::IMPORTED_ID_PREFIX), "{}", review.id);
        assert!(ids.insert(review.id.clone()), "{} twice", review.id);
    }
    for planned in &plan.decks {
        let json = serde_json::to_string_pretty(&planned.deck).expect("the deck can be written");
        let (_, problems) = parse_deck("deck.json", &json).expect("a planned deck parses");
        assert!(problems.is_empty(), "planned deck has problems: {problems:?}");
    }
});
