//! A data folder synced between two computers, when both changed the same file between
//! syncs (#31): the second version a sync tool keeps is reported, never read as a deck of
//! its own nor ignored, and the choice between the two is carried out as asked, the other
//! version moved into `conflicts/resolved/`. The name patterns of every tool are covered
//! by the unit tests of `core::sync::names`; `tests/sync/run.sh` runs two real Syncthing
//! instances.

use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::core::problem::ProblemKind;
use std::fs;
use std::path::Path;

mod common;
use common::cli::{mensetsu, stderr, stdout};

const COPY: &str = "team.sync-conflict-20261201-101010-ABCDEFG.json";

fn deck(cards: &[(&str, &str)]) -> String {
    let cards: Vec<String> = cards
        .iter()
        .map(|(id, question)| format!(r#"{{"id": "{id}", "question": {{"en": "{question}"}}}}"#))
        .collect();
    format!(
        r#"{{"id": "team", "title": {{"en": "Team"}}, "cards": [{}]}}"#,
        cards.join(", ")
    )
}

fn folder_with_a_deck_changed_on_two_computers() -> (tempfile::TempDir, DataDir) {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    fs::create_dir_all(dir.decks_dir()).unwrap();
    fs::write(
        dir.decks_dir().join("team.json"),
        deck(&[("team-1", "One?"), ("team-2", "Two?")]),
    )
    .unwrap();
    fs::write(
        dir.decks_dir().join(COPY),
        deck(&[("team-1", "One, changed?"), ("team-3", "Three?")]),
    )
    .unwrap();
    (temp, dir)
}

/// Makes `team.json` an hour older than its conflict copy, by the file system's own
/// times: "newer" compares modification times, which the kernel sets, so the test's
/// clock (shifted by faketime in tests/clock/run.sh) must not decide them.
fn make_older_than_its_copy(decks: &std::path::Path) {
    let copy_time = fs::metadata(decks.join(COPY)).unwrap().modified().unwrap();
    fs::File::options()
        .write(true)
        .open(decks.join("team.json"))
        .unwrap()
        .set_modified(copy_time - std::time::Duration::from_secs(3600))
        .unwrap();
}

fn kinds(dir: &DataDir) -> Vec<ProblemKind> {
    Collection::load(dir.clone(), "x")
        .problems()
        .into_iter()
        .map(|problem| *problem.kind)
        .collect()
}

#[test]
fn a_deck_copy_is_reported_as_changed_on_two_computers_not_as_a_second_deck() {
    let (_temp, dir) = folder_with_a_deck_changed_on_two_computers();
    let collection = Collection::load(dir.clone(), "x");
    let team: Vec<_> = collection
        .decks()
        .decks
        .iter()
        .filter(|loaded| loaded.deck.id == "team")
        .collect();
    assert_eq!(team.len(), 1);
    assert!(team[0].path.ends_with("team.json"));
    let problems = collection.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].file.ends_with("decks/team.json"));
    assert!(matches!(
        &*problems[0].kind,
        ProblemKind::ChangedOnTwoComputers { copy, more: 0, .. } if copy.ends_with(COPY)
    ));
    let message = problems[0].to_string();
    assert!(
        message.contains("decks/team.json: changed on two computers; the other version is")
            && message.contains(COPY),
        "{message}"
    );

    let output = mensetsu(dir.root()).run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("changed on two computers"),
        "{}",
        stdout(&output)
    );
    assert!(
        !stdout(&output).contains("already used"),
        "{}",
        stdout(&output)
    );
    // The other commands say so and go on.
    let output = mensetsu(dir.root()).run(&["cards", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("warning: ") && stderr(&output).contains(COPY));
    // In Japanese too.
    let output = mensetsu(dir.root())
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .run(&["check"]);
    assert!(
        stdout(&output).contains("2 台のコンピューターで変更されました"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn three_versions_and_a_damaged_one_are_each_reported() {
    let (_temp, dir) = folder_with_a_deck_changed_on_two_computers();
    fs::write(
        dir.decks_dir()
            .join("team (conflicted copy 2026-12-02).json"),
        "{\"id\": \"team\", cut",
    )
    .unwrap();
    let found = kinds(&dir);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .any(|kind| matches!(kind, ProblemKind::ConflictCopyDamaged { .. }))
    );
    assert!(
        found
            .iter()
            .any(|kind| matches!(kind, ProblemKind::ChangedOnTwoComputers { more: 1, .. }))
    );
    // Naming the file alone is not enough with two other versions.
    let output = mensetsu(dir.root()).env("MENSETSU_DEVICE_ID", "pc").run(&[
        "conflicts",
        "resolve",
        &dir.decks_dir().join("team.json").display().to_string(),
        "--keep",
        "this",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("2 other versions"),
        "{}",
        stderr(&output)
    );
    // The damaged one can only be set aside.
    let damaged = dir
        .decks_dir()
        .join("team (conflicted copy 2026-12-02).json");
    let damaged = damaged.display().to_string();
    let output = mensetsu(dir.root()).env("MENSETSU_DEVICE_ID", "pc").run(&[
        "conflicts",
        "resolve",
        &damaged,
        "--keep",
        "other",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let output = mensetsu(dir.root()).env("MENSETSU_DEVICE_ID", "pc").run(&[
        "conflicts",
        "resolve",
        &damaged,
        "--keep",
        "this",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        dir.root()
            .join("conflicts/resolved/decks/team (conflicted copy 2026-12-02).json")
            .exists()
    );
}

fn questions(dir: &DataDir) -> Vec<(String, String)> {
    let collection = Collection::load(dir.clone(), "x");
    let loaded = collection
        .decks()
        .decks
        .iter()
        .find(|loaded| loaded.deck.id == "team")
        .unwrap();
    loaded
        .deck
        .cards
        .iter()
        .map(|card| {
            (
                card.id.clone(),
                card.question.en().map(str::to_string).unwrap_or_default(),
            )
        })
        .collect()
}

fn resolve(dir: &DataDir, keep: &str) {
    let output = mensetsu(dir.root()).env("MENSETSU_DEVICE_ID", "pc").run(&[
        "conflicts",
        "resolve",
        &dir.decks_dir().join(COPY).display().to_string(),
        "--keep",
        keep,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!dir.decks_dir().join(COPY).exists());
    assert!(
        dir.root()
            .join("conflicts/resolved/decks")
            .join(COPY)
            .exists()
    );
    assert!(kinds(dir).is_empty(), "{:?}", kinds(dir));
    assert_eq!(mensetsu(dir.root()).run(&["check"]).status.code(), Some(0));
}

#[test]
fn keeping_this_other_or_a_merge_writes_what_was_chosen() {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let (_temp, dir) = folder_with_a_deck_changed_on_two_computers();
    resolve(&dir, "this");
    assert_eq!(
        questions(&dir),
        pairs(&[("team-1", "One?"), ("team-2", "Two?")])
    );

    let (_temp, dir) = folder_with_a_deck_changed_on_two_computers();
    resolve(&dir, "other");
    assert_eq!(
        questions(&dir),
        pairs(&[("team-1", "One, changed?"), ("team-3", "Three?")])
    );
    let kept = fs::read_dir(dir.root().join("conflicts/resolved/decks"))
        .unwrap()
        .count();
    assert_eq!(kept, 2, "the replaced version is kept too");

    // The copy is the newer file: its text wins where both have a card.
    let (_temp, dir) = folder_with_a_deck_changed_on_two_computers();
    make_older_than_its_copy(&dir.decks_dir());
    resolve(&dir, "merge");
    assert_eq!(
        questions(&dir),
        pairs(&[
            ("team-1", "One, changed?"),
            ("team-3", "Three?"),
            ("team-2", "Two?")
        ])
    );
}

#[test]
fn settings_are_chosen_setting_by_setting() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    fs::write(
        dir.settings_file(),
        r#"{"new_cards_per_day": 20, "theme": "dark"}"#,
    )
    .unwrap();
    let copy = temp
        .path()
        .join("settings.sync-conflict-20261201-101010-ABCDEFG.json");
    fs::write(&copy, r#"{"new_cards_per_day": 35, "theme": "light"}"#).unwrap();
    let found = kinds(&dir);
    assert!(
        matches!(
            found.as_slice(),
            [ProblemKind::ChangedOnTwoComputers { .. }]
        ),
        "{found:?}"
    );
    assert_eq!(mensetsu(dir.root()).run(&["check"]).status.code(), Some(1));
    let output = mensetsu(dir.root()).env("MENSETSU_DEVICE_ID", "pc").run(&[
        "conflicts",
        "resolve",
        &copy.display().to_string(),
        "--take-other",
        "new_cards_per_day",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let settings = Collection::load(dir.clone(), "x");
    assert_eq!(settings.settings().new_cards_per_day, 35);
    assert_eq!(
        settings.settings().theme,
        mensetsu::core::settings::Theme::Dark
    );
    assert!(settings.problems().is_empty());
    assert!(
        temp.path()
            .join("conflicts/resolved/settings.sync-conflict-20261201-101010-ABCDEFG.json")
            .exists()
    );
}

#[test]
fn git_markers_are_named_where_they_start_and_settings_with_them_are_not_set_aside() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let marked = "{\n<<<<<<< HEAD\n  \"new_cards_per_day\": 20\n=======\n  \"new_cards_per_day\": 30\n>>>>>>> laptop\n}\n";
    fs::write(dir.settings_file(), marked).unwrap();
    fs::create_dir_all(dir.decks_dir()).unwrap();
    fs::write(dir.decks_dir().join("team.json"), marked).unwrap();
    let problems = Collection::load(dir.clone(), "x").problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for problem in &problems {
        assert_eq!(*problem.kind, ProblemKind::GitConflictMarkers);
        assert_eq!(problem.line, Some(2));
    }
    assert_eq!(fs::read_to_string(dir.settings_file()).unwrap(), marked);
}

fn line(id: &str, card: &str, minute: u32) -> String {
    format!(
        r#"{{"id":"{id}","card":"{card}","at":"2026-11-22T09:{minute:02}:00+09:00","rating":3}}"#
    )
}

#[test]
fn a_log_written_by_two_computers_is_read_once_and_the_fix_is_named() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    fs::create_dir_all(dir.reviews_dir()).unwrap();
    let shared = format!(
        "{}\n{}\n",
        line("pc-1", "vpoe-q01", 1),
        line("pc-2", "vpoe-q02", 2)
    );
    fs::write(
        dir.reviews_dir().join("pc.jsonl"),
        format!("{shared}{}\n", line("pc-3", "vpoe-q03", 3)),
    )
    .unwrap();
    fs::write(
        dir.reviews_dir().join("pc 2.jsonl"),
        format!("{shared}{}\n", line("pc-3", "vpoe-q04", 4)),
    )
    .unwrap();
    // A device whose id ends like a copy's is a log of its own.
    fs::write(
        dir.reviews_dir().join("pc-laptop.jsonl"),
        format!("{}\n", line("pc-laptop-1", "vpoe-q05", 5)),
    )
    .unwrap();
    let collection = Collection::load(dir.clone(), "x");
    let problems = collection.problems();
    let warned: Vec<_> = problems
        .iter()
        .filter(|problem| matches!(&*problem.kind, ProblemKind::LogWrittenByTwoComputers { device, .. } if device == "pc"))
        .collect();
    assert_eq!(warned.len(), 1, "{problems:?}");
    assert!(warned[0].to_string().contains("MENSETSU_DEVICE_ID"));
    // What both hold counts once; `pc-3` was used by both computers for different
    // answers, so the second is reported where it is and not counted.
    assert_eq!(collection.review_count(), 4, "{problems:?}");
    assert!(problems.iter().any(
        |problem| matches!(&*problem.kind, ProblemKind::ReviewIdTwice { id, .. } if id == "pc-3")
    ));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(Path::new(&dir.reviews_dir().join("pc 2.jsonl")).exists());
}

// The same choices in the app: the decks screen's problem line opens the two versions.

use common::{app, click, english, fixture, harness};
use egui_kittest::kittest::Queryable;
use mensetsu::ui::Screen;

const MERGE: &str = "Merge: keep both sides' cards, the newer text where both changed";

fn app_with_a_deck_conflict() -> (
    common::Fixture,
    egui_kittest::Harness<'static, mensetsu::ui::MensetsuApp>,
) {
    let fixture = fixture(&english());
    fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    fs::write(
        fixture.dir.decks_dir().join("team.json"),
        deck(&[("team-1", "One?"), ("team-2", "Two?")]),
    )
    .unwrap();
    fs::write(
        fixture.dir.decks_dir().join(COPY),
        deck(&[("team-1", "One, changed?"), ("team-3", "Three?")]),
    )
    .unwrap();
    // The copy is the newer file.
    make_older_than_its_copy(&fixture.dir.decks_dir());
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("changed on two computers; the other version is");
    common::scroll_to_and_click(&mut harness, "Resolve…");
    assert_eq!(harness.state().screen(), Screen::Conflict);
    (fixture, harness)
}

#[test]
fn the_app_shows_both_versions_card_by_card_and_merges() {
    let (fixture, mut harness) = app_with_a_deck_conflict();
    harness.get_by_label("Changed on two computers");
    harness.get_by_label("The other version (newer)");
    for shown in [
        "One?",
        "One, changed?",
        "Two?",
        "Three?",
        "changed",
        "only in this one",
        "only in the other",
    ] {
        harness.get_by_label(shown);
    }
    click(&mut harness, MERGE);
    assert_eq!(harness.state().screen(), Screen::Decks);
    assert!(
        harness
            .query_by_label_contains("changed on two computers")
            .is_none()
    );
    assert!(!fixture.dir.decks_dir().join(COPY).exists());
    assert!(
        fixture
            .dir
            .root()
            .join("conflicts/resolved/decks")
            .join(COPY)
            .exists()
    );
    assert_eq!(
        questions(&fixture.dir),
        [
            ("team-1", "One, changed?"),
            ("team-3", "Three?"),
            ("team-2", "Two?")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn the_app_keeps_this_one_or_the_other() {
    for (button, expected) in [
        (
            "Keep this one",
            vec![("team-1", "One?"), ("team-2", "Two?")],
        ),
        (
            "Keep the other",
            vec![("team-1", "One, changed?"), ("team-3", "Three?")],
        ),
    ] {
        let (fixture, mut harness) = app_with_a_deck_conflict();
        click(&mut harness, button);
        assert_eq!(harness.state().screen(), Screen::Decks, "{button}");
        assert!(!fixture.dir.decks_dir().join(COPY).exists());
        let expected: Vec<_> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(questions(&fixture.dir), expected, "{button}");
        assert!(
            harness
                .query_by_label_contains("changed on two computers")
                .is_none()
        );
    }
}

#[test]
fn the_app_takes_the_settings_chosen_one_by_one() {
    let fixture = fixture(&english());
    let mut other: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture.dir.settings_file()).unwrap()).unwrap();
    other["new_cards_per_day"] = 35.into();
    other["answer_target_seconds"] = 300.into();
    let copy = fixture
        .dir
        .root()
        .join("settings (conflicted copy 2026-12-01).json");
    fs::write(&copy, other.to_string()).unwrap();
    let mut harness = harness(app(&fixture));
    common::scroll_to_and_click(&mut harness, "Resolve…");
    harness.get_by_label("new_cards_per_day");
    harness.get_by_label("answer_target_seconds");
    click(&mut harness, "35");
    click(&mut harness, "Save these choices");
    assert_eq!(harness.state().screen(), Screen::Decks);
    assert!(!copy.exists());
    let saved = mensetsu::core::settings::read(&fixture.dir.settings_file()).settings;
    assert_eq!(saved.new_cards_per_day, 35);
    assert_eq!(saved.answer_target_seconds, 120);
    assert_eq!(
        saved.ui_language,
        Some(mensetsu::core::content::deck::Lang::En)
    );
    assert!(
        harness
            .query_by_label_contains("changed on two computers")
            .is_none()
    );
}

#[test]
fn the_app_says_it_in_japanese_too() {
    let japanese = mensetsu::core::settings::Settings {
        ui_language: Some(mensetsu::core::content::deck::Lang::Ja),
        ..english()
    };
    let fixture = fixture(&japanese);
    fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    fs::write(
        fixture.dir.decks_dir().join("team.json"),
        deck(&[("team-1", "One?")]),
    )
    .unwrap();
    fs::write(
        fixture.dir.decks_dir().join(COPY),
        deck(&[("team-2", "Two?")]),
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("2 台のコンピューターで変更されました。もう一方の版は");
    common::scroll_to_and_click(&mut harness, "解決…");
    harness.get_by_label("2 台のコンピューターで変更されたファイル");
    harness.get_by_label("もう一方だけ");
    click(&mut harness, "この版を残す");
    assert_eq!(harness.state().screen(), Screen::Decks);
    assert!(!fixture.dir.decks_dir().join(COPY).exists());
}
