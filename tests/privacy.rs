//! Private by default: a new data folder is 0700 and every file mensetsu writes in it 0600,
//! whatever the user's umask lets others read; a folder found open to others is tightened
//! by the program that owns it, once, with a line saying so, and never by a read-only
//! command; exports the user asks for follow the umask, like any file the user makes.
#![cfg(unix)]

use mensetsu::core::content::deck::{DeckSet, Lang};
use mensetsu::core::content::user_decks::DeckFile;
use mensetsu::core::drafts::{self, DraftScope, Drafts, StudyDraft};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

mod common;
use common::cli::{Mensetsu, mensetsu_by_env};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The command under the usual umask (022: files 644, folders 755 unless the program
/// says otherwise), whatever the test runner's own is.
fn with_umask_022(data: &Path) -> Mensetsu {
    mensetsu_by_env(data)
        .env("MENSETSU_DEVICE_ID", "pc")
        .configure(|command| {
            // SAFETY: umask is async-signal-safe and touches only the child being started.
            unsafe {
                command.pre_exec(|| {
                    libc::umask(0o022);
                    Ok(())
                });
            }
        })
}

#[test]
fn a_new_data_folder_and_every_file_in_it_are_private() {
    let temp = tempfile::tempdir().unwrap();
    let data = temp.path().join("mensetsu");
    let output = with_umask_022(&data).run(&["suspend", "vpoe-q01"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("private"),
        "a new folder needs no tightening: {stderr}"
    );
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("reviews")), 0o700);
    assert_eq!(mode(&data.join("reviews/pc.jsonl")), 0o600);
    assert_eq!(mode(&data.join(".lock")), 0o600);

    // Settings, a deck of the user's own and the daily backup, written as the app does.
    let dir = DataDir::new(&data);
    settings::save(&dir.settings_file(), &Settings::default()).unwrap();
    assert_eq!(mode(&dir.settings_file()), 0o600);
    let deck = DeckFile::create(
        &dir.decks_dir(),
        "My questions",
        Lang::En,
        &DeckSet::load(None),
    )
    .unwrap();
    assert_eq!(mode(&dir.decks_dir()), 0o700);
    assert_eq!(mode(&deck.path), 0o600);
    // A typed answer kept for a crash (what the drafts file holds is typed work).
    let drafts = Drafts {
        study: Some(StudyDraft {
            scope: DraftScope::AllDecks,
            card: "vpoe-q01".into(),
            answer: "年収は1000万円以上".into(),
            duration_ms: 0,
            recording: None,
            at: chrono::DateTime::parse_from_rfc3339("2026-12-02T09:00:00+09:00").unwrap(),
        }),
        ..Drafts::default()
    };
    drafts::save(&dir.drafts_file(), &drafts).unwrap();
    assert_eq!(mode(&dir.drafts_file()), 0o600);
    let store = Store::open(dir.clone(), "pc").unwrap();
    store.backup_daily("2026-12-02".parse().unwrap()).unwrap();
    let backup = dir.backups_dir().join("2026-12-02");
    assert_eq!(mode(&dir.backups_dir()), 0o700);
    assert_eq!(mode(&backup), 0o700);
    assert_eq!(mode(&backup.join("reviews/pc.jsonl")), 0o600);
    assert_eq!(mode(&backup.join("settings.json")), 0o600);
    drop(store);

    // An export the user asks for is an ordinary file of theirs: 644 under umask 022.
    let export = temp.path().join("vpoe-for-anki.txt");
    let output =
        with_umask_022(&data).run(&["export", "--anki", "vpoe", "-o", export.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(mode(&export), 0o644);
}

#[test]
fn an_open_folder_is_tightened_by_its_owner_once_and_never_by_a_reader() {
    let temp = tempfile::tempdir().unwrap();
    let data = temp.path().join("mensetsu");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A read-only command changes nothing, modes included.
    let output = with_umask_022(&data).run(&["cards", "--json"]);
    assert!(output.status.success());
    assert_eq!(mode(&data), 0o755);
    // A command that writes owns the folder while it runs: it tightens it and says so.
    let output = with_umask_022(&data).run(&["suspend", "vpoe-q01"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(mode(&data), 0o700);
    let said: Vec<&str> = stderr.lines().filter(|l| l.contains("private")).collect();
    assert_eq!(said.len(), 1, "{stderr}");
    assert!(
        said[0].contains(&data.display().to_string()) && said[0].contains("755"),
        "{stderr}"
    );
    // Once: the next command finds it private.
    let output = with_umask_022(&data).run(&["unsuspend", "vpoe-q01"]);
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("private"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
