//! Bad input, file by file: a corpus of broken decks, review logs and settings files
//! (tests/fixtures/bad-input, tests/fixtures/decks, and a few generated here, such as a
//! 10 MB line). Each one, dropped into an otherwise good data folder, must
//! - be reported with a message naming the file and the line,
//! - leave the CLI working (every bundled card listed, exit code 0) and the app working
//!   (it opens, lists the problems and records an answer),
//! - leave every file's bytes as they were (a damaged settings file is set aside under a
//!   new name, byte for byte, as the settings issue asks; nothing is ever deleted).

mod common;
use common::{click_containing, press};

use chrono::{DateTime, FixedOffset};
use egui_kittest::kittest::Queryable;
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::{DeckSet, Lang};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::store::Store;
use mensetsu::ui::{Clock, MensetsuApp, Screen};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::cli::{Mensetsu, mensetsu};
use common::files;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-input");
const DECK_FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/decks");
const TEN_MB: usize = 10 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Deck,
    Log,
    Settings,
}

struct Case {
    kind: Kind,
    name: String,
    bytes: Vec<u8>,
    /// Fragments the warnings must hold, `{file}` standing for the file's full path.
    /// Empty: the file is fine (a BOM, CRLF line ends) and must give no warning at all.
    expected: Vec<String>,
}

fn fixture(dir: &str, name: &str) -> Vec<u8> {
    fs::read(Path::new(dir).join(name)).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"))
}

fn case(kind: Kind, name: &str, expected: &[&str]) -> Case {
    let dir = match kind {
        Kind::Deck => DECK_FIXTURES.to_string(),
        Kind::Log => format!("{CORPUS}/logs"),
        Kind::Settings => format!("{CORPUS}/settings"),
    };
    Case {
        kind,
        name: name.to_string(),
        bytes: fixture(&dir, name),
        expected: expected.iter().map(ToString::to_string).collect(),
    }
}

fn generated(kind: Kind, name: &str, bytes: Vec<u8>, expected: &[&str]) -> Case {
    Case {
        kind,
        name: name.to_string(),
        bytes,
        expected: expected.iter().map(ToString::to_string).collect(),
    }
}

const GOOD_LINE: &str = r#"{"id":"other-1","card":"vpoe-q01","at":"2026-11-20T09:00:00+09:00","rating":3,"duration_ms":65000}"#;

fn corpus() -> Vec<Case> {
    use Kind::*;
    let mut cases = vec![
        // Review logs of another device.
        case(
            Log,
            "truncated.jsonl",
            &["{file}:2: last line is incomplete"],
        ),
        case(
            Log,
            "garbage.jsonl",
            &[
                "{file}:2: not valid UTF-8",
                "{file}:3: not valid JSON at column 1",
                "{file}:4: not valid UTF-8 (first bad byte at column 10)",
            ],
        ),
        case(
            Log,
            "invalid-utf8.jsonl",
            &["{file}:2: not valid UTF-8 (first bad byte at column 89)"],
        ),
        case(Log, "bom.jsonl", &[]),
        case(Log, "crlf.jsonl", &[]),
        case(Log, "nul.jsonl", &["{file}:2: only NUL bytes"]),
        case(
            Log,
            "wrong-types.jsonl",
            &[
                "{file}:2: `rating` should be a whole number 1-4, found \"3\"",
                "{file}:3: `at` should be a time with its UTC offset",
                "{file}:4: `card` should be text in quotes, found 42",
                "{file}:5: rating 7 is not 1-4",
                "{file}:6: `points_covered` should be a list",
                "{file}:7: not a log record: expected a JSON object",
            ],
        ),
        case(
            Log,
            "duplicate-ids.jsonl",
            &["{file}:3: review id `other-1` appears twice (first at {file}:1)"],
        ),
        case(
            Log,
            "unknown-card.jsonl",
            &["{file}:2: 1 review(s) of card `retired-deck-q07`, which no deck has"],
        ),
        case(
            Log,
            "future.jsonl",
            &["{file}:2: time 2099-01-01T09:00:00+09:00 is later than now"],
        ),
        case(
            Log,
            "backwards.jsonl",
            &["{file}:3: time 2026-11-19T08:00:00+09:00 is earlier than line 2"],
        ),
        // Settings.
        case(
            Settings,
            "truncated.json",
            &[
                "{file}:3:24: settings file is damaged",
                // The commands only read: the app that owns the folder sets it aside.
                "the file is left as it is",
            ],
        ),
        case(
            Settings,
            "garbage.json",
            &["{file}:1:1: settings file is damaged"],
        ),
        case(
            Settings,
            "invalid-utf8.json",
            &["{file}:3:19: settings file is damaged"],
        ),
        case(Settings, "bom.json", &[]),
        case(Settings, "crlf.json", &[]),
        case(
            Settings,
            "wrong-types.json",
            &[
                "{file}:3:31: settings file is damaged (invalid type: string \"twenty\", expected a whole number)",
            ],
        ),
        case(
            Settings,
            "out-of-range.json",
            &[
                "{file}:3: desired_retention 1.5 is outside 0.70-0.99; using 0.9",
                "{file}:4: day_rollover_hour 30 is not an hour",
            ],
        ),
        case(
            Settings,
            "duplicate-field.json",
            &["{file}:3:21: settings file is damaged (duplicate field `new_cards_per_day`)"],
        ),
        // User decks.
        case(Deck, "bom.json", &[]),
        case(Deck, "crlf.json", &[]),
        case(
            Deck,
            "truncated.json",
            &["{file}:7: invalid JSON: the file ends"],
        ),
        case(
            Deck,
            "invalid-utf8.json",
            &["{file}:3:25: not valid UTF-8 text"],
        ),
        case(
            Deck,
            "question-is-text.json",
            &["{file}:7:35: wrong deck format: `question` should be an object"],
        ),
        case(
            Deck,
            "cards-not-a-list.json",
            &["{file}:4:11: wrong deck format: `cards` should be a list"],
        ),
        case(
            Deck,
            "duplicate-id.json",
            &["{file}:7: duplicate card id `duplicate-id-q01` (first at line 5)"],
        ),
        case(
            Deck,
            "crlf-duplicate.json",
            &["{file}:6: duplicate card id `crlf-duplicate-q01` (first at line 5)"],
        ),
        case(
            Deck,
            "missing-card-id.json",
            &["{file}:7:5: wrong deck format: missing field `id`"],
        ),
        case(
            Deck,
            "trailing-comma.json",
            &["{file}:8:5: invalid JSON: trailing comma"],
        ),
        case(
            Deck,
            "empty-question.json",
            &["{file}:6: card `empty-question-q01` has an empty question"],
        ),
    ];

    // Generated: too big to keep in the repository, or easier to read as code.
    let mut huge_log = format!("{GOOD_LINE}\n").into_bytes();
    huge_log.extend_from_slice(
        br#"{"id":"other-2","card":"vpoe-q02","at":"2026-11-20T09:05:00+09:00","rating":""#,
    );
    huge_log.extend(std::iter::repeat_n(b'3', TEN_MB));
    huge_log.extend_from_slice(b"\"}\n");
    huge_log.extend_from_slice(GOOD_LINE.replace("other-1", "other-3").as_bytes());
    huge_log.push(b'\n');
    cases.push(generated(
        Log,
        "ten-megabyte-line.jsonl",
        huge_log,
        &["{file}:2: `rating` should be a whole number 1-4, found \"3333"],
    ));

    let mut huge_settings = b"{\n  \"theme\": \"".to_vec();
    huge_settings.extend(std::iter::repeat_n(b'x', TEN_MB));
    huge_settings.extend_from_slice(b"\"\n}\n");
    cases.push(generated(
        Settings,
        "ten-megabyte-line.json",
        huge_settings,
        &[
            "{file}:2:",
            "settings file is damaged (unknown variant `xxxx",
        ],
    ));

    let mut huge_deck = b"{\n  \"id\": \"huge\",\n  \"cards\": [\n    ".to_vec();
    huge_deck.extend(std::iter::repeat_n(b'@', TEN_MB));
    huge_deck.extend_from_slice(b"\n  ]\n}\n");
    cases.push(generated(
        Deck,
        "ten-megabyte-line.json",
        huge_deck,
        &["{file}:4:5: invalid JSON"],
    ));

    let mut garbage = Vec::new();
    let mut state: u32 = 0x9E37_79B9;
    for _ in 0..4096 {
        // A fixed xorshift stream: bytes of every value, newlines included.
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        garbage.push(state as u8);
    }
    cases.push(generated(Deck, "garbage.json", garbage, &["{file}:1"]));

    cases.push(generated(
        Deck,
        "duplicate-of-bundled.json",
        r#"{
  "id": "mine",
  "title": { "ja": "自分のデッキ", "en": "My deck" },
  "cards": [
    { "id": "vpoe-q01", "question": { "ja": "重複した質問", "en": "A copied question" } }
  ]
}
"#
        .as_bytes()
        .to_vec(),
        &["{file}:5: duplicate card id `vpoe-q01`: already used in decks/vpoe.json"],
    ));
    cases
}

/// Where a case's file goes in a data folder.
fn place(dir: &DataDir, case: &Case) -> PathBuf {
    let path = match case.kind {
        Kind::Deck => dir.decks_dir().join(&case.name),
        Kind::Log => dir.reviews_dir().join("other-device.jsonl"),
        Kind::Settings => dir.settings_file(),
    };
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, &case.bytes).unwrap();
    path
}

/// A damaged settings file may only have moved to `settings.json.corrupt-…`, unchanged;
/// every other file must still be where it was, byte for byte.
fn assert_unchanged(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    settings: &Path,
    context: &str,
) {
    for (path, bytes) in before {
        match after.get(path) {
            Some(now) => assert!(now == bytes, "{context}: {} changed", path.display()),
            None => {
                assert_eq!(path, settings, "{context}: {} is gone", path.display());
                let kept = after.iter().any(|(other, now)| {
                    other.to_string_lossy().contains("settings.json.corrupt-") && now == bytes
                });
                assert!(
                    kept,
                    "{context}: the damaged settings were not kept byte for byte"
                );
            }
        }
    }
}

fn on_this_device(dir: &Path) -> Mensetsu {
    mensetsu(dir).env("MENSETSU_DEVICE_ID", "this-device")
}

fn expected_fragments(case: &Case, path: &Path) -> Vec<String> {
    let file = path.display().to_string();
    case.expected
        .iter()
        .map(|fragment| fragment.replace("{file}", &file))
        .collect()
}

#[test]
fn every_broken_file_is_named_with_its_line_and_the_cli_keeps_working_without_changing_it() {
    let bundled = DeckSet::load(None).card_count();
    for case in corpus() {
        let context = format!("{:?} {}", case.kind, case.name);
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let path = place(&dir, &case);
        let before = files(temp.path());

        let (code, stdout, stderr) = on_this_device(temp.path()).run_text(&["cards", "--json"]);
        assert_eq!(code, 0, "{context}: {stderr}");
        let cards: Vec<serde_json::Value> =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{context}: {e}"));
        assert!(cards.len() >= bundled, "{context}: {} cards", cards.len());
        let expected = expected_fragments(&case, &path);
        if expected.is_empty() {
            assert!(
                stderr.is_empty(),
                "{context}: unexpected warnings:\n{stderr}"
            );
        }
        for fragment in &expected {
            assert!(
                stderr.contains(fragment.as_str()),
                "{context}: no `{fragment}` in:\n{stderr}"
            );
        }
        for line in stderr.lines() {
            // A message quotes a value from the file, never a whole 10 MB of it.
            assert!(
                line.len() < 1000,
                "{context}: a {}-byte message",
                line.len()
            );
            assert!(line.starts_with("warning: "), "{context}: {line}");
        }

        let (code, stdout, stderr) = on_this_device(temp.path()).run_text(&["stats", "--json"]);
        assert_eq!(code, 0, "{context}: {stderr}");
        serde_json::from_str::<serde_json::Value>(&stdout)
            .unwrap_or_else(|e| panic!("{context}: stats: {e}"));

        if case.kind == Kind::Deck {
            let (code, stdout, _) = on_this_device(temp.path()).run_text(&["check"]);
            let clean = case.expected.is_empty();
            assert_eq!(
                code,
                if clean { 0 } else { 1 },
                "{context}: check said\n{stdout}"
            );
            for fragment in &expected {
                assert!(
                    stdout.contains(fragment.as_str()),
                    "{context}: check said\n{stdout}"
                );
            }
        }

        assert_unchanged(&before, &files(temp.path()), &dir.settings_file(), &context);
    }
}

#[test]
fn good_lines_around_bad_ones_still_count() {
    // The log cases whose first and last lines are good: those reviews must be replayed.
    for (name, counted) in [
        ("garbage.jsonl", vec!["vpoe-q01", "vpoe-q02"]),
        ("invalid-utf8.jsonl", vec!["vpoe-q01", "vpoe-q03"]),
        ("bom.jsonl", vec!["vpoe-q01", "vpoe-q02"]),
        ("crlf.jsonl", vec!["vpoe-q01", "vpoe-q02"]),
        ("wrong-types.jsonl", vec!["vpoe-q01"]),
        ("future.jsonl", vec!["vpoe-q01", "vpoe-q02"]),
        ("backwards.jsonl", vec!["vpoe-q01", "vpoe-q02", "vpoe-q03"]),
    ] {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        place(&dir, &case(Kind::Log, name, &[]));
        let (code, stdout, stderr) = on_this_device(temp.path()).run_text(&["cards", "--json"]);
        assert_eq!(code, 0, "{name}: {stderr}");
        let cards: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
        let reviewed: Vec<&str> = cards
            .iter()
            .filter(|card| card["reps"].as_u64() != Some(0))
            .map(|card| card["id"].as_str().unwrap())
            .collect();
        assert_eq!(reviewed, counted, "{name}");
    }
}

struct FixedClock(DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

#[test]
fn the_app_opens_on_all_the_broken_files_at_once_lists_them_and_records_answers() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let cases = corpus();
    let mut logs = 0;
    for case in &cases {
        // One settings file at a time can be in place: take the one out of range, which
        // the app must still read (a damaged one is covered above).
        if case.kind == Kind::Settings && case.name != "out-of-range.json" {
            continue;
        }
        if case.kind == Kind::Log {
            logs += 1;
            let path = dir.reviews_dir().join(format!("device-{logs:02}.jsonl"));
            fs::create_dir_all(dir.reviews_dir()).unwrap();
            fs::write(path, &case.bytes).unwrap();
        } else {
            place(&dir, case);
        }
    }
    let before = files(temp.path());

    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap();
    let collection = Collection::load_at(dir.clone(), now);
    let problem_count = collection.problems().len();
    let store = Store::open(dir.clone(), "this-device");
    let app = MensetsuApp::new(collection, store, Box::new(FixedClock(now)), Lang::En);
    let mut harness = common::harness(app);

    harness.get_by_label_contains(&format!("Some files could not be read ({problem_count})"));
    let truncated = dir.reviews_dir().join("device-01.jsonl");
    harness.get_by_label_contains(&format!(
        "{}:2: last line is incomplete",
        truncated.display()
    ));
    harness.get_by_label_contains("day_rollover_hour 30 is not an hour");

    // Still a working app: study a VPoE card and grade it.
    click_containing(&mut harness, "Study — VPoE interview");
    assert!(matches!(harness.state().screen(), Screen::Review));
    // The answer box has the keyboard when a card appears: Esc leaves it for the keys
    // that reveal and grade.
    press(
        &mut harness,
        &[egui::Key::Escape, egui::Key::Space, egui::Key::Num3],
    );
    let own_log = dir.reviews_dir().join("this-device.jsonl");
    let written = fs::read_to_string(&own_log).unwrap();
    assert_eq!(written.lines().count(), 1, "{written}");
    drop(harness);

    let after = files(temp.path());
    let new_files: Vec<&PathBuf> = after
        .keys()
        .filter(|path| !before.contains_key(*path))
        .filter(|path| !path.starts_with(dir.backups_dir()))
        // The lock file that keeps a second process out (empty, never read).
        .filter(|path| path.file_name() != Some(std::ffi::OsStr::new(".lock")))
        .collect();
    assert_eq!(new_files, vec![&own_log]);
    assert_unchanged(&before, &after, &dir.settings_file(), "app");
}
