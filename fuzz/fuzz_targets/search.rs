//! The search-query parser on any text: it never panics; a query it refuses names a
//! character inside the query (or just past its end); a query it accepts runs over the
//! bundled decks without panicking and finds only cards that exist.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::DeckSet;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::store::LogSnapshot;
use mensetsu::core::settings::Settings;
use mensetsu::core::study::search;

thread_local! {
    // Loaded once: the fuzzer runs every input on one thread.
    static COLLECTION: Collection = Collection::from_parts(
        DataDir::new("fuzz"),
        DeckSet::load(None),
        Settings::default(),
        LogSnapshot::default(),
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match search::parse(text) {
        Err(error) => {
            let length = text.chars().count();
            assert!(
                (1..=length + 1).contains(&error.column),
                "column {} of a {length}-character query: {error}",
                error.column
            );
            assert!(!error.message().is_empty());
        }
        Ok(query) => {
            let Ok(now) = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00") else {
                panic!("a fixed time parses");
            };
            COLLECTION.with(|collection| {
                for id in search::search(&query, collection, now) {
                    assert!(collection.decks().contains_card(&id));
                }
            });
        }
    }
});
