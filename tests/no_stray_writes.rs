//! Read-only commands leave every byte of the data folder as it was: no file changed,
//! none added or removed, not even a damaged settings file set aside (they only warn;
//! the app that owns the folder repairs it).

use std::path::Path;

mod common;
use common::cli::mensetsu_by_env;
use common::files;

/// A data folder with something of everything: a user deck, a log with every kind of
/// record, and a settings file that does not parse.
fn folder() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    std::fs::create_dir_all(root.join("decks")).unwrap();
    std::fs::create_dir_all(root.join("reviews")).unwrap();
    std::fs::write(
        root.join("decks").join("mine.json"),
        r#"{"id":"mine","title":{"en":"Mine"},"cards":[{"id":"mine-1","question":{"en":"Why?"},"points":[{"en":"Because"}]}]}"#,
    )
    .unwrap();
    let log = [
        r#"{"id":"o-1","card":"vpoe-q01","at":"2026-11-01T09:00:00+09:00","rating":3,"points_covered":[0],"points_total":2,"answer":"debt"}"#,
        r#"{"id":"o-2","card":"vpoe-q01","at":"2026-11-01T09:10:00+09:00","rating":3}"#,
        r#"{"id":"o-3","at":"2026-11-01T09:11:00+09:00","undo":"o-2"}"#,
        r#"{"id":"o-4","card":"vpoe-q02","at":"2026-11-01T09:12:00+09:00","note":"my story"}"#,
        r#"{"id":"o-5","at":"2026-11-01T09:13:00+09:00","interview":"o-5","name":"Acme","date":"2030-01-01","roles":["cto"]}"#,
        r#"{"id":"o-6","card":"vpoe-q03","at":"2026-11-01T09:14:00+09:00","suspended":true}"#,
        r#"{"id":"o-7","card":"vpoe-q04","at":"2026-11-01T09:15:00+09:00","flag":2}"#,
        r#"{"id":"o-8","card":"vpoe-q05","at":"2026-11-01T09:16:00+09:00","buried_until":"2026-11-02"}"#,
        r#"{"id":"o-9","card":"vpoe-q01","at":"2026-11-01T09:17:00+09:00","own_points":["mine"]}"#,
        r#"{"id":"o-10","at":"2026-11-01T09:18:00+09:00","story":"o-10","title":"Outage","cards":["vpoe-q01"]}"#,
        r#"{"id":"o-11","card":"vpoe-q06","at":"2026-11-01T09:19"#,
    ];
    std::fs::write(root.join("reviews").join("other.jsonl"), log.join("\n")).unwrap();
    std::fs::write(root.join("settings.json"), b"{ this is not json").unwrap();
    temp
}

fn run(data: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    mensetsu_by_env(data)
        .env("MENSETSU_DEVICE_ID", "this-device")
        .run_with_stdin(args, stdin)
}

#[test]
fn every_read_only_command_leaves_every_byte_of_the_data_folder_unchanged() {
    let folder = folder();
    let data = folder.path();
    let out = tempfile::tempdir().unwrap();
    let anki = out.path().join("vpoe.txt");
    let reviews = out.path().join("reviews.csv");
    let commands: Vec<(Vec<&str>, &[u8])> = vec![
        (vec!["cards", "--json"], b""),
        (vec!["cards"], b""),
        (vec!["stats", "--json"], b""),
        (vec!["search", "deck:vpoe -is:new", "--json"], b""),
        (vec!["search", "is:suspended"], b""),
        (vec!["readiness", "--json"], b""),
        (vec!["readiness", "--date", "2030-01-01", "--json"], b""),
        (
            vec![
                "simulate",
                "--days",
                "3",
                "--minutes-per-day",
                "5",
                "--json",
            ],
            b"",
        ),
        (vec!["stories", "--json"], b""),
        (vec!["interview", "list", "--json"], b""),
        (
            vec!["coverage", "--card", "vpoe-q01", "--lang", "en"],
            b"measure the debt",
        ),
        (vec!["check"], b""),
        (
            vec!["export", "--anki", "vpoe", "-o", anki.to_str().unwrap()],
            b"",
        ),
        (
            vec!["export", "--reviews", "-o", reviews.to_str().unwrap()],
            b"",
        ),
    ];
    let before = files(data);
    for (args, stdin) in commands {
        let output = run(data, &args, stdin);
        let stderr = String::from_utf8_lossy(&output.stderr);
        // `check` reports the broken settings as a problem and exits 1; everything else
        // succeeds with warnings.
        if args[0] != "check" {
            assert!(output.status.success(), "{args:?}: {stderr}");
        }
        // Commands that read the settings say they are damaged (coverage and check
        // read only decks and drafts).
        if !["coverage", "check"].contains(&args[0]) {
            assert!(
                stderr.contains("settings.json") && stderr.contains("left as it is"),
                "{args:?} warns about the damaged settings without moving them: {stderr}"
            );
        }
        assert_eq!(files(data), before, "{args:?} changed the data folder");
    }
    assert!(
        anki.exists() && reviews.exists(),
        "the exports went where asked"
    );
}
