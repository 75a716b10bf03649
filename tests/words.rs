//! The words the user reads: English counts agree with their number ("1 card", never
//! "1 cards"), and the Japanese interface, and the commands under a Japanese locale, say
//! what the core found wrong in Japanese.

use egui_kittest::kittest::Queryable;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::settings::Settings;
use std::path::Path;

mod common;
use common::cli::{Mensetsu, mensetsu, stderr, stdout};
use common::{app, click, english, fixture, harness};

fn japanese() -> Settings {
    Settings {
        ui_language: Some(Lang::Ja),
        ..Settings::default()
    }
}

/// A deck that parses but has no cards: a problem of the deck check, not of the JSON.
const EMPTY_DECK: &str =
    "{\n  \"id\": \"empty\",\n  \"title\": {\"en\": \"Empty\"},\n  \"cards\": []\n}\n";

#[test]
fn the_japanese_interface_says_problems_and_search_errors_in_japanese() {
    let fixture = fixture(&japanese());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(fixture.dir.decks_dir().join("empty.json"), EMPTY_DECK).unwrap();
    // A review log with a line that was never finished, as a crash leaves it.
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(
        fixture.dir.reviews_dir().join("other.jsonl"),
        "{\"id\":\"r1\",\"card\":\"vpoe-q01\",\"at\":\"2026-11-20T09:00:00+09:00\",\"rat",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("読み込めなかった項目があります");
    harness.get_by_label_contains("empty.json:1: デッキにカードがありません");
    harness.get_by_label_contains("other.jsonl:1: 最後の行が途中で切れています");
    assert!(
        harness
            .query_by_label_contains("last line is incomplete")
            .is_none(),
        "the log's problem is said in Japanese too"
    );
    assert!(
        harness
            .query_by_label_contains("deck has no cards")
            .is_none(),
        "the English message is not shown"
    );

    click(&mut harness, "カード");
    click(&mut harness, "検索");
    harness.get_by_label("検索").type_text("is:whatever");
    harness.run();
    harness.get_by_label_contains("`is:whatever` という状態はありません");
    harness.get_by_label_contains("（検索の 4 文字目）");
    assert!(harness.query_by_label_contains("is not a state").is_none());
}

#[test]
fn english_counts_one_card_as_one_card() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    click(&mut harness, "Search");
    harness.get_by_label("Search").type_text("card:vpoe-q01");
    harness.run();
    harness.get_by_label("1 card");
    harness.get_by_label("Study this card");
    assert!(harness.query_by_label_contains("1 cards").is_none());
    harness.get_by_label("Search").type_text("x");
    harness.run();
    harness.get_by_label("0 cards");
}

/// mensetsu with no locale set but `LANG=locale`, if any.
fn in_locale(data: &Path, locale: Option<&str>) -> Mensetsu {
    let command = mensetsu(data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    match locale {
        Some(locale) => command.env("LANG", locale),
        None => command,
    }
}

#[test]
fn the_commands_say_problems_in_japanese_only_under_a_japanese_locale() {
    let data = tempfile::tempdir().unwrap();
    let deck = data.path().join("empty.json");
    std::fs::write(&deck, EMPTY_DECK).unwrap();
    let deck_arg = deck.to_str().unwrap();

    let output = in_locale(data.path(), Some("ja_JP.UTF-8")).run(&["check", deck_arg]);
    assert_eq!(
        stdout(&output),
        format!("{deck_arg}:1: デッキにカードがありません\n1 deck, 0 cards, 1 problem\n")
    );
    let output = in_locale(data.path(), None).run(&["check", deck_arg]);
    assert_eq!(
        stdout(&output),
        format!("{deck_arg}:1: deck has no cards\n1 deck, 0 cards, 1 problem\n")
    );

    let output = in_locale(data.path(), Some("ja_JP.UTF-8")).run(&["search", "flag:9"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with(
            "mensetsu search: `flag:9` というフラグはありません。フラグは 0（なし）から 7 です（検索の 6 文字目）\n"
        ),
        "{message}"
    );
    let output = in_locale(data.path(), Some("en_US.UTF-8")).run(&["search", "flag:9"]);
    let message = stderr(&output);
    assert!(
        message.starts_with(
            "mensetsu search: `flag:9` is not a flag; flags are 0 (none) to 7 (at character 6 of the search)\n"
        ),
        "{message}"
    );
}
