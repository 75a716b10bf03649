//! `mensetsu search` and the commands that mark cards, as a script would use them: every
//! key of the syntax, negation, Japanese free text, and errors that point at the
//! character at fault.

mod common;

use common::cli::{mensetsu_in_tokyo, stderr};
use std::path::Path;

/// A data folder with one user deck `s` of five cards and a log that gives them
/// different states: s1 in review with 3 lapses, s2 learning, s3-s5 new. Times are long
/// past, so s1 is due.
fn folder() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let decks = temp.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("s.json"),
        r#"{"id":"s","title":{"en":"Search deck","ja":"検索デッキ"},"role":"cto","cards":[
{"id":"s1","question":{"ja":"技術的負債をどう返済しますか？","en":"How do you pay down tech debt?"},"points":[{"ja":"MTTRで測る","en":"Measure with MTTR"}],"tags":["debt"]},
{"id":"s2","question":{"ja":"採用計画を説明してください","en":"Explain your hiring plan"},"tags":["hiring"]},
{"id":"s3","question":{"en":"How do you run incidents?"}},
{"id":"s4","question":{"en":"What is your budget process?"}},
{"id":"s5","question":{"ja":"組織設計について","en":"On org design"}}
]}"#,
    )
    .unwrap();
    let reviews = temp.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let mut log = String::new();
    let mut line = |text: String| {
        log.push_str(&text);
        log.push('\n');
    };
    // s1: Easy (review), then three lapses, each relearnt, a month apart.
    line(r#"{"id":"x-1","card":"s1","at":"2025-01-01T10:00:00+09:00","rating":4}"#.into());
    for month in 2..=4 {
        line(format!(
            r#"{{"id":"x-{month}a","card":"s1","at":"2025-{month:02}-01T10:00:00+09:00","rating":1}}"#
        ));
        line(format!(
            r#"{{"id":"x-{month}b","card":"s1","at":"2025-{month:02}-01T10:20:00+09:00","rating":3}}"#
        ));
    }
    line(r#"{"id":"x-9","card":"s2","at":"2025-05-01T10:00:00+09:00","rating":3}"#.into());
    line(r#"{"id":"x-10","card":"s3","at":"2025-05-01T10:00:00+09:00","note":"war story: the 2024 outage"}"#.into());
    std::fs::write(reviews.join("x.jsonl"), log).unwrap();
    temp
}

fn ids(data: &Path, query: &str) -> Vec<String> {
    let output = mensetsu_in_tokyo(data).run(&["search", query, "--json"]);
    assert!(output.status.success(), "{query}: {}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    rows.iter()
        .filter_map(|row| row["id"].as_str().map(str::to_string))
        .filter(|id| id.starts_with('s') && id.len() == 2)
        .collect()
}

#[test]
fn every_key_negation_and_japanese_free_text() {
    let folder = folder();
    let data = folder.path();
    let cases: [(&str, &[&str]); 19] = [
        ("deck:s", &["s1", "s2", "s3", "s4", "s5"]),
        ("deck:Search*", &["s1", "s2", "s3", "s4", "s5"]),
        ("deck:検索デッキ is:new", &["s3", "s4", "s5"]),
        ("deck:s is:review", &["s1"]),
        ("deck:s is:learn", &["s2"]),
        ("deck:s is:due", &["s1", "s2"]),
        ("deck:s -is:new", &["s1", "s2"]),
        ("tag:debt", &["s1"]),
        ("deck:s lapses>2", &["s1"]),
        ("deck:s lapses=0", &["s2", "s3", "s4", "s5"]),
        ("deck:s prop:due<0", &["s1", "s2"]),
        // Japanese without spaces, a phrase across a space, case and width ignored.
        ("負債", &["s1"]),
        ("技術的 負債", &["s1"]),
        ("ｍｔｔｒ", &["s1"]),
        (r#""hiring plan""#, &["s2"]),
        // Notes are searched too.
        ("outage", &["s3"]),
        ("deck:s -負債 -is:new", &["s2"]),
        // Anki's `and` is what a space says; quoted, it is a word.
        ("deck:s and is:review", &["s1"]),
        (r#"deck:s "and""#, &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(data, query), expected, "{query}");
    }
}

#[test]
fn marks_from_the_command_line_are_searchable_and_leave_the_queues() {
    let folder = folder();
    let data = folder.path();
    assert!(
        mensetsu_in_tokyo(data)
            .run(&["suspend", "s3", "s4"])
            .status
            .success()
    );
    assert!(
        mensetsu_in_tokyo(data)
            .run(&["bury", "s5"])
            .status
            .success()
    );
    assert!(
        mensetsu_in_tokyo(data)
            .run(&["flag", "s2", "4"])
            .status
            .success()
    );
    assert_eq!(ids(data, "is:suspended"), ["s3", "s4"]);
    assert_eq!(ids(data, "is:buried"), ["s5"]);
    // Due, suspended or buried, as Anki counts them: a card set aside is in no queue.
    assert_eq!(ids(data, "deck:s is:due"), ["s1", "s2"]);
    for args in [["suspend", "s1"], ["bury", "s2"]] {
        assert!(
            mensetsu_in_tokyo(data).run(&args).status.success(),
            "{args:?}"
        );
    }
    assert!(ids(data, "deck:s is:due").is_empty());
    assert_eq!(ids(data, "deck:s is:review"), ["s1"]);
    for args in [["unsuspend", "s1"], ["unbury", "s2"]] {
        assert!(
            mensetsu_in_tokyo(data).run(&args).status.success(),
            "{args:?}"
        );
    }
    assert_eq!(ids(data, "flag:4"), ["s2"]);
    assert_eq!(ids(data, "deck:s flag:0"), ["s1", "s3", "s4", "s5"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(
        &mensetsu_in_tokyo(data)
            .run(&["search", "deck:s", "--json"])
            .stdout,
    )
    .unwrap();
    let s3 = rows.iter().find(|row| row["id"] == "s3").unwrap();
    assert_eq!(s3["suspended"], true);
    assert_eq!(s3["state"], "new");
    assert!(
        mensetsu_in_tokyo(data)
            .run(&["unsuspend", "s3"])
            .status
            .success()
    );
    assert_eq!(ids(data, "is:suspended"), ["s4"]);
    // Each change is its own log line; nothing was rewritten.
    let log = std::fs::read_to_string(data.join("reviews").join("pc.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 9);
    // Bad ids and flags are refused before anything is written.
    let bad = mensetsu_in_tokyo(data).run(&["suspend", "s1", "nope"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("there is no card `nope`"));
    let bad_flag = mensetsu_in_tokyo(data).run(&["flag", "s1", "8"]);
    assert_eq!(bad_flag.status.code(), Some(2));
    let log_after = std::fs::read_to_string(data.join("reviews").join("pc.jsonl")).unwrap();
    assert_eq!(log, log_after);
}

/// The table's columns line up whatever the ids: a long Japanese card id (two terminal
/// columns a character) widens its column instead of pushing its row out of line.
#[test]
fn the_search_table_lines_up_with_long_japanese_ids() {
    use unicode_width::UnicodeWidthStr;
    let folder = folder();
    std::fs::write(
        folder.path().join("decks").join("long.json"),
        r#"{"id":"エンジニアリング組織の戦略","title":{"ja":"長い"},"cards":[
{"id":"エンジニアリング組織の戦略と成長を牽引-q03","question":{"ja":"質問？"}}]}"#,
    )
    .unwrap();
    let output = mensetsu_in_tokyo(folder.path()).run(&["search", ""]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = String::from_utf8(output.stdout).unwrap();
    // Where the state column starts on each row, in terminal columns.
    let starts: Vec<usize> = table
        .lines()
        .filter_map(|line| {
            ["state ", "new "]
                .iter()
                .filter_map(|word| line.find(word))
                .min()
                .map(|at| line[..at].width())
        })
        .collect();
    assert!(starts.len() > 5, "{table}");
    assert!(starts.iter().all(|start| *start == starts[0]), "{table}");
}

/// A mark already as asked is said so and logs nothing; a flag of 0 is said removed.
#[test]
fn a_card_already_as_asked_is_left_as_it_is_and_a_removed_flag_is_said_removed() {
    let folder = folder();
    let data = folder.path();
    let log = || std::fs::read_to_string(data.join("reviews").join("pc.jsonl")).unwrap_or_default();
    let said = |args: &[&str]| {
        let output = mensetsu_in_tokyo(data).run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        said(&["unsuspend", "s1"]),
        "s1: not suspended, left as it is\n"
    );
    assert_eq!(log(), "");
    assert_eq!(said(&["suspend", "s1"]), "s1: suspended\n");
    assert_eq!(
        said(&["suspend", "s1", "s2"]),
        "s2: suspended\ns1: already suspended\n"
    );
    assert_eq!(log().lines().count(), 2);
    assert_eq!(said(&["unbury", "s4"]), "s4: not buried, left as it is\n");
    assert_eq!(
        said(&["bury", "s4"]),
        "s4: buried until the next study day\n"
    );
    assert_eq!(ids(data, "is:buried"), ["s4"]);
    assert_eq!(said(&["unbury", "s4"]), "s4: back in today's queues\n");
    assert_eq!(ids(data, "is:buried"), Vec::<String>::new());
    assert_eq!(log().lines().count(), 4);
    assert_eq!(said(&["flag", "s3", "2"]), "s3: flag 2\n");
    assert_eq!(said(&["flag", "s3", "0"]), "s3: flag removed\n");
    assert_eq!(ids(data, "flag:2"), Vec::<String>::new());
}

#[test]
fn a_malformed_search_points_at_the_character_and_is_never_an_empty_result() {
    let folder = folder();
    let cases = [
        ("foo:bar", 1, "`foo` is not a search key"),
        ("deck:s is:nonsense", 11, "is not a state"),
        ("lapses>many", 8, "is not a whole number"),
        ("負債 flag:12", 9, "is not a flag"),
        ("\"unclosed", 1, "never closed"),
        ("dec\u{212A}<vpoe", 5, "`deck` takes `:`"),
        // Anki's `or` would have been looked for as a word and found nothing.
        (
            "is:new OR is:review",
            8,
            "`OR` (either term) is not supported",
        ),
    ];
    for (query, column, message) in cases {
        let output = mensetsu_in_tokyo(folder.path()).run(&["search", query]);
        assert_eq!(output.status.code(), Some(2), "{query}");
        assert!(output.stdout.is_empty(), "{query}: no result is printed");
        let error = stderr(&output);
        assert!(error.contains(message), "{query}: {error}");
        assert!(
            error.contains(&format!("at character {column} ")),
            "{query}: {error}"
        );
        // The query is echoed with a caret under the character.
        let caret_line = error.lines().last().unwrap();
        assert_eq!(
            caret_line.find('^'),
            Some(2 + column - 1),
            "{query}: {error}"
        );
    }
}

/// Queries the search parser once got wrong, one a file in tests/fixtures/bad-input/search
/// (as tests/bad_input.rs keeps broken files): each is either accepted or refused with a
/// message naming a character of the query (or the place just past its end), which is
/// what the fuzz target checks (fuzz/fuzz_targets/search.rs).
#[test]
fn queries_once_mishandled_are_refused_at_a_character_of_the_query() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-input/search");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let query = std::fs::read_to_string(&path).unwrap();
        if let Err(error) = mensetsu::core::study::search::parse(&query) {
            let length = query.chars().count();
            assert!(
                (1..=length + 1).contains(&error.column),
                "{}: column {} of a {length}-character query: {error}",
                path.display(),
                error.column
            );
            assert!(!error.message().is_empty(), "{}", path.display());
        }
        count += 1;
    }
    assert!(count > 0, "no query in {}", dir.display());
}

#[test]
fn stories_json_is_an_empty_list_without_stories() {
    let folder = folder();
    let output = mensetsu_in_tokyo(folder.path()).run(&["stories", "--json"]);
    assert!(output.status.success());
    let stories: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stories, serde_json::json!([]));
}
