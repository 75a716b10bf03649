//! `mensetsu export` run as a real process against a data folder written by hand: the
//! Anki file and the review CSV are compared byte for byte with what Anki's text import
//! ("File Headers", docs.ankiweb.net/importing/text-files.html) and the FSRS optimizer's
//! review-log schema (github.com/open-spaced-repetition/fsrs-optimizer) ask for, and the
//! error cases are checked to leave every file as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::cli::{Mensetsu, mensetsu};

/// A user deck with what needs escaping in HTML (`<`, `>`, `&`), a derived point, a tag
/// with a space, and a Japanese-only card without points or tags.
const DECK: &str = include_str!("fixtures/export/practice.json");

/// Anki's header lines: tab-separated, fields are HTML, Basic notes, and which columns
/// hold the deck, the tags and the note GUID.
const ANKI_HEADERS: &str = "#separator:tab\n\
#html:true\n\
#notetype:Basic\n\
#deck column:4\n\
#tags column:3\n\
#guid column:5\n";

/// The deck in Japanese (the default card language): front, back as an HTML list,
/// tags (role first, spaces in a tag made `_`), deck name, GUID.
fn anki_ja() -> String {
    format!(
        "{ANKI_HEADERS}\
技術的負債をどう説明しますか？\t\
<ul><li>開発速度の&lt;低下率&gt;を示す</li><li>投資計画 &amp; ROI <i>(本文より)</i></li></ul>\t\
vpoe tech_debt metrics\t練習デッキ\tmensetsu-practice-q01\n\
採用の優先順位は？\t\tvpoe\t練習デッキ\tmensetsu-practice-q02\n"
    )
}

/// The same in English; the Japanese-only question stays Japanese.
fn anki_en() -> String {
    format!(
        "{ANKI_HEADERS}\
How do you explain tech debt?\t\
<ul><li>Show the &lt;drop&gt; in speed</li><li>Plan &amp; ROI <i>(from the guide)</i></li></ul>\t\
vpoe tech_debt metrics\tPractice deck\tmensetsu-practice-q01\n\
採用の優先順位は？\t\tvpoe\tPractice deck\tmensetsu-practice-q02\n"
    )
}

/// One device's log: a review, a review that is undone, the undo, a note, a mock-interview
/// answer, a line that cannot be read (line 6), and a review without a duration.
const LOG: &str = r#"{"id":"laptop-1","card":"practice-q01","at":"2026-11-20T09:15:03.120+09:00","rating":3,"duration_ms":84000,"points_covered":[0],"points_total":2,"answer":"ROIで説明する"}
{"id":"laptop-2","card":"practice-q02","at":"2026-11-20T09:20:00+09:00","rating":1,"duration_ms":30000}
{"id":"laptop-3","at":"2026-11-20T09:20:05+09:00","undo":"laptop-2"}
{"id":"laptop-4","card":"practice-q01","at":"2026-11-20T09:21:00+09:00","note":"My story"}
{"id":"laptop-5","card":"practice-q02","at":"2026-11-20T09:22:00+09:00","rating":2,"duration_ms":45500,"points_covered":[],"points_total":0,"mode":"mock","session":"mock-laptop-5"}
{"id":"laptop-6","card":"practice-q01","at":"yesterday","rating":3}
{"id":"laptop-7","card":"vpoe-q01","at":"2026-11-21T07:00:00Z","rating":4}
"#;

/// The FSRS optimizer's columns; review_time in milliseconds since the epoch, UTC
/// (`date -u -d 2026-11-20T00:15:03Z +%s` is 1795133703), review_duration in milliseconds.
/// laptop-2 (undone), the undo, the note and the unreadable line are not in it.
const REVIEWS_CSV: &str = "card_id,review_time,review_rating,review_duration\n\
practice-q01,1795133703120,3,84000\n\
practice-q02,1795134120000,2,45500\n\
vpoe-q01,1795244400000,4,0\n";

const LOG_FILE: &str = "laptop-1234.jsonl";

fn data_folder() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    fs::create_dir_all(temp.path().join("decks")).unwrap();
    fs::write(temp.path().join("decks/practice.json"), DECK).unwrap();
    fs::create_dir_all(temp.path().join("reviews")).unwrap();
    fs::write(temp.path().join("reviews").join(LOG_FILE), LOG).unwrap();
    temp
}

/// mensetsu as a user with a Japanese locale, whose cards are in Japanese until they
/// choose otherwise.
fn japanese_user(dir: &Path) -> Mensetsu {
    in_locale(dir, "ja_JP.UTF-8")
}

fn in_locale(dir: &Path, locale: &str) -> Mensetsu {
    mensetsu(dir)
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LC_ALL", locale)
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every file under `root` with its bytes, to show that a command changed nothing.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(path.clone(), Vec::new());
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn anki_export_of_a_user_deck_is_exactly_the_expected_file() {
    let data = data_folder();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("practice.txt");
    let (code, stdout, stderr) = japanese_user(data.path()).run_text(&[
        "export",
        "--anki",
        "practice",
        "-o",
        path_arg(&file),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), anki_ja());
    assert_eq!(
        stdout,
        format!("Wrote 2 notes of deck `practice` to {}\n", file.display())
    );

    let english = out.path().join("practice-en.txt");
    let (code, _, stderr) = japanese_user(data.path()).run_text(&[
        "export",
        "--anki",
        "practice",
        "--lang",
        "en",
        "--out",
        path_arg(&english),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&english).unwrap(), anki_en());
}

#[test]
fn reviews_export_leaves_out_undone_reviews_and_notes_and_reports_the_bad_line() {
    let data = data_folder();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("revlog.csv");
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--reviews", "-o", path_arg(&file)]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), REVIEWS_CSV);
    assert_eq!(stdout, format!("Wrote 3 reviews to {}\n", file.display()));
    // The unreadable line is named by file and line on stderr; the rest was exported.
    let log = data.path().join("reviews").join(LOG_FILE);
    let warning = format!("warning: {}:6: ", log.display());
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&warning)).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    // In the user's language, as every problem is (README, Commands).
    assert!(lines[0].ends_with("この行は読み飛ばしました"), "{stderr}");
    // The log itself is only read.
    assert_eq!(fs::read_to_string(&log).unwrap(), LOG);
}

#[test]
fn dash_writes_the_export_to_standard_output_and_no_file() {
    let data = data_folder();
    let before = snapshot(data.path());
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--reviews", "-o", "-"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, REVIEWS_CSV);
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--anki", "practice", "-o", "-"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, anki_ja());
    assert_eq!(snapshot(data.path()), before);
}

#[test]
fn an_unknown_deck_is_an_error_naming_the_known_decks_and_writes_nothing() {
    let data = data_folder();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("nope.txt");
    let before = snapshot(data.path());
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--anki", "nope", "-o", path_arg(&file)]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let message = stderr
        .lines()
        .find(|line| line.starts_with("mensetsu export: no deck with id `nope`"))
        .unwrap_or_else(|| panic!("{stderr}"));
    let known = message
        .split_once("; the decks are: ")
        .unwrap_or_else(|| panic!("{message}"))
        .1;
    let mut known: Vec<&str> = known.split(", ").collect();
    known.sort_unstable();
    assert_eq!(
        known,
        ["cto", "hoe", "practice", "role-fundamentals", "vpoe"]
    );
    assert!(!file.exists());
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    assert_eq!(snapshot(data.path()), before);
}

#[test]
fn an_existing_file_is_only_replaced_with_force() {
    let data = data_folder();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("revlog.csv");
    fs::write(&file, "my own notes\n").unwrap();
    let before = snapshot(data.path());
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--reviews", "-o", path_arg(&file)]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr,
        format!(
            "mensetsu export: {} already exists and was left as it is; pass --force to replace it\n",
            file.display()
        )
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "my own notes\n");
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
    assert_eq!(snapshot(data.path()), before);

    let (code, _, stderr) = japanese_user(data.path()).run_text(&[
        "export",
        "--reviews",
        "-o",
        path_arg(&file),
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), REVIEWS_CSV);
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn a_command_line_that_makes_no_sense_writes_nothing() {
    let data = data_folder();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("x.csv");
    let before = snapshot(data.path());
    for args in [
        &["export", "--anki", "vpoe"][..],
        &["export", "-o", path_arg(&file)],
        &["export", "--reviews", "--lang", "ja", "-o", path_arg(&file)],
        &[
            "export",
            "--anki",
            "vpoe",
            "--reviews",
            "-o",
            path_arg(&file),
        ],
    ] {
        let (code, stdout, stderr) = japanese_user(data.path()).run_text(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(
            stderr.contains("usage: mensetsu export"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    assert_eq!(snapshot(data.path()), before);
}

#[test]
fn a_bundled_deck_exports_fifteen_notes() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("vpoe.txt");
    let (code, stdout, stderr) =
        japanese_user(data.path()).run_text(&["export", "--anki", "vpoe", "-o", path_arg(&file)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(
        stdout,
        format!("Wrote 15 notes of deck `vpoe` to {}\n", file.display())
    );
    let text = fs::read_to_string(&file).unwrap();
    let rest = text
        .strip_prefix(ANKI_HEADERS)
        .unwrap_or_else(|| panic!("{text}"));
    let rows: Vec<&str> = rest.lines().collect();
    assert_eq!(rows.len(), 15);
    assert!(text.ends_with('\n'));
    for (index, row) in rows.iter().enumerate() {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 5, "{row}");
        assert!(
            !fields[0].is_empty() && !fields[0].starts_with('"'),
            "{row}"
        );
        assert!(
            fields[1].starts_with("<ul><li>") && fields[1].ends_with("</li></ul>"),
            "{row}"
        );
        assert_eq!(fields[2].split(' ').next(), Some("vpoe"), "{row}");
        assert_eq!(fields[3], "VPoE 面接対策：技術戦略と組織運営", "{row}");
        assert_eq!(fields[4], format!("mensetsu-vpoe-q{:02}", index + 1));
    }
    // The first question, verbatim from the guide, is the first note's front.
    assert!(
        rows[0].starts_with("現在の技術的負債を定量化し"),
        "{}",
        rows[0]
    );
}

#[test]
fn without_a_card_language_setting_the_export_follows_the_users_language() {
    let data = data_folder();
    // An English-speaking user sees English cards with the Japanese below in the app, and
    // gets the same in Anki; the deck is named in English.
    let (code, stdout, stderr) = in_locale(data.path(), "en_US.UTF-8")
        .run_text(&["export", "--anki", "practice", "-o", "-"]);
    assert_eq!(code, 0, "{stderr}");
    let first_note = stdout.lines().nth(6).unwrap();
    assert!(
        first_note.starts_with(
            "How do you explain tech debt?<br><span style='color:gray'>技術的負債をどう説明しますか？</span>\t"
        ),
        "{first_note}"
    );
    assert!(first_note.contains("\tPractice deck\t"), "{first_note}");
    // A setting wins over the locale.
    fs::write(
        data.path().join("settings.json"),
        r#"{"content_language": "ja"}"#,
    )
    .unwrap();
    let (_, stdout, _) = in_locale(data.path(), "en_US.UTF-8")
        .run_text(&["export", "--anki", "practice", "-o", "-"]);
    assert!(
        stdout
            .lines()
            .nth(6)
            .unwrap()
            .starts_with("技術的負債をどう説明しますか？\t")
    );
}
