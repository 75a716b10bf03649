//! Decks for the core's unit tests, written into a data folder as a user would add them.

use crate::core::paths::DataDir;

/// Writes user deck `deck` with cards `{deck}1` … `{deck}{cards}`, question `q{n}` each.
pub fn write_deck(dir: &DataDir, deck: &str, cards: usize) {
    std::fs::create_dir_all(dir.decks_dir()).unwrap();
    let cards: Vec<String> = (1..=cards)
        .map(|n| format!(r#"{{"id":"{deck}{n}","question":{{"en":"q{n}"}}}}"#))
        .collect();
    let text = format!(
        r#"{{"id":"{deck}","title":{{"en":"{deck}"}},"cards":[{}]}}"#,
        cards.join(",")
    );
    std::fs::write(dir.decks_dir().join(format!("{deck}.json")), text).unwrap();
}
