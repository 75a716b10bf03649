//! Closing the window never drops work, and a crash does not drop typed answers: the
//! window manager's close request with unsaved work asks Save / Discard / Cancel, naming
//! what would be lost; typed answers and mock interviews are kept in `drafts.json` and
//! offered back at the next start, also after a SIGKILL. Driven through the real widgets
//! with egui_kittest, clicking by label.

use chrono::Duration;
use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::drafts::{self, Drafts};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Record;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::ui::mock_screen::MockState;
use mensetsu::ui::{Clock, MensetsuApp, Screen};
use std::cell::Cell;
use std::io::BufRead;
use std::rc::Rc;

mod common;
use common::{Fixture, ManualClock, app, english, harness};
use common::{click, click_containing, press, shown_card, type_into, wait};

/// The clock at 21:14 in Tokyo, the time the offers below name.
fn fixture() -> Fixture {
    common::fixture_at(&english(), "2026-11-22T21:14:00+09:00")
}

/// What the window manager does on ×: a close request, then the window closes unless the
/// frame cancelled it (as eframe decides). True when the window would close.
fn request_close(harness: &mut Harness<'static, MensetsuApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let cancelled = sent(harness, &ViewportCommand::CancelClose);
    harness.run();
    !cancelled
}

/// Whether the last frame sent `command` to the window.
fn sent(harness: &Harness<'static, MensetsuApp>, command: &ViewportCommand) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.contains(command))
}

/// Clicks `label` and reports whether that frame asked the window to close.
fn click_and_see_close(harness: &mut Harness<'static, MensetsuApp>, label: &str) -> bool {
    harness.get_by_label(label).click();
    harness.step();
    let close = sent(harness, &ViewportCommand::Close);
    harness.run();
    close
}

const ANSWER_BOX: &str = "Your answer (optional)";
const CANCEL: &str = "Cancel  (Esc)";

fn on_disk(dir: &DataDir) -> Drafts {
    drafts::load(&dir.drafts_file(), "test").unwrap()
}

#[test]
fn nothing_at_risk_closes_at_once() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    assert!(request_close(&mut harness));
    assert!(harness.state().is_closing());
    assert!(harness.query_by_label("Close mensetsu?").is_none());
    // Looking at the settings without changing any is nothing to lose either.
    let mut harness = self::harness(app(&fixture));
    click(&mut harness, "Settings");
    assert!(request_close(&mut harness));
}

#[test]
fn closing_with_unsaved_deck_edits_asks_and_cancel_keeps_them_then_save_saves_them() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "New deck…");
    type_into(&mut harness, "Deck title", "My questions");
    click(&mut harness, "Create");
    let path = fixture.dir.decks_dir().join("my-questions.json");
    click(&mut harness, "Add card");
    type_into(
        &mut harness,
        "Question (English)",
        "How did you grow the platform team?",
    );

    assert!(!request_close(&mut harness), "the window closed over edits");
    harness.get_by_label("Close mensetsu?");
    harness.get_by_label("• Unsaved edits to the deck “My questions”");
    click(&mut harness, CANCEL);
    assert!(!harness.state().close_dialog_open());
    assert!(!harness.state().is_closing());
    assert!(matches!(harness.state().screen(), Screen::Edit));
    assert_eq!(
        harness
            .get_by_label("Question (English)")
            .value()
            .as_deref(),
        Some("How did you grow the platform team?")
    );
    assert!(!std::fs::read_to_string(&path).unwrap().contains("platform"));

    // Asked again; Save (Enter, the highlighted choice) writes the deck, then closes.
    assert!(!request_close(&mut harness));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().is_closing());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("How did you grow the platform team?")
    );
    // The close that follows is let through.
    assert!(request_close(&mut harness));
}

/// Starts a five-question mock interview and types answers to the first two.
fn mock_with_two_answers(harness: &mut Harness<'static, MensetsuApp>, clock: &ManualClock) {
    click(harness, "Mock interview");
    click(harness, "Start the mock interview");
    type_into(harness, ANSWER_BOX, "結論から：離職率を半年で12%下げた");
    clock.advance(Duration::seconds(40));
    click_containing(harness, "Next question");
    type_into(harness, ANSWER_BOX, "Numbers first");
    clock.advance(Duration::seconds(20));
    click_containing(harness, "Next question");
    harness.get_by_label_contains("Question 3/5");
}

#[test]
fn closing_during_a_mock_interview_names_it_and_cancel_keeps_every_answer() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    mock_with_two_answers(&mut harness, &fixture.clock);
    type_into(&mut harness, ANSWER_BOX, "三問目");

    assert!(!request_close(&mut harness));
    harness.get_by_label("• A mock interview in progress: 3 of 5 answers typed");
    // Esc is Cancel too.
    press(&mut harness, &[egui::Key::Escape]);
    assert!(!harness.state().close_dialog_open());
    wait(&mut harness, &fixture.clock, Duration::seconds(20));
    harness.get_by_label("1:40");
    assert!(!request_close(&mut harness));
    harness.get_by_label("Save and close keeps it as a draft, offered back at the next start.");
    // A minute deciding does not count against the answer.
    wait(&mut harness, &fixture.clock, Duration::minutes(1));
    harness.get_by_label("1:40");
    click(&mut harness, CANCEL);
    assert!(!harness.state().is_closing());
    harness.get_by_label("1:40");
    wait(&mut harness, &fixture.clock, Duration::seconds(10));
    harness.get_by_label("1:30");
    harness.get_by_label_contains("Question 3/5");
    // The answer box has the keyboard again: typing goes on where it was.
    assert!(harness.get_by_label(ANSWER_BOX).is_focused());
    harness.get_by_label(ANSWER_BOX).type_text("！");
    harness.run();
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("三問目！")
    );
    let MockState::Answering { answers, index, .. } = harness.state().mock_state() else {
        panic!("the interview goes on");
    };
    assert_eq!(*index, 2);
    assert_eq!(answers[0].draft, "結論から：離職率を半年で12%下げた");
    assert_eq!(answers[0].duration_ms, 40_000);
    assert_eq!(answers[1].draft, "Numbers first");

    // Discard closes and takes the draft with it: nothing is offered at the next start.
    wait(&mut harness, &fixture.clock, Duration::seconds(5));
    assert!(fixture.dir.drafts_file().exists());
    assert!(!request_close(&mut harness));
    assert!(click_and_see_close(&mut harness, "Discard and close"));
    assert!(!fixture.dir.drafts_file().exists());
    drop(harness);
    let harness = self::harness(app(&fixture));
    assert!(harness.state().offered_drafts().is_empty());
    assert!(harness.query_by_label("Where you left off").is_none());
}

#[test]
fn closing_with_a_settings_draft_asks_and_cancel_keeps_the_draft() {
    let fixture = fixture();
    let before = std::fs::read(fixture.dir.settings_file()).unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    click(&mut harness, "日本語 (Japanese)");

    assert!(!request_close(&mut harness));
    harness.get_by_label("• Settings not yet saved");
    click(&mut harness, CANCEL);
    assert!(matches!(harness.state().screen(), Screen::Settings));
    assert_eq!(
        harness
            .get_by_label("日本語 (Japanese)")
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    assert_eq!(std::fs::read(fixture.dir.settings_file()).unwrap(), before);

    // A step list that cannot be read: Save cannot save it, says so, and stays open.
    type_into(&mut harness, "Learning steps", " soon");
    assert!(!request_close(&mut harness));
    assert!(!click_and_see_close(
        &mut harness,
        "Save and close  (Enter)"
    ));
    harness.get_by_label("Not saved, so the window stays open:");
    harness.get_by_label_contains("• Settings not yet saved: ");
    assert!(!harness.state().is_closing());
    assert_eq!(std::fs::read(fixture.dir.settings_file()).unwrap(), before);
}

#[test]
fn a_typed_study_answer_is_kept_behind_the_keyboard_and_offered_back() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, "Study — VPoE interview");
    type_into(&mut harness, ANSWER_BOX, "ROIで");
    // A new draft is written at once; more typing not at every key, but once it has
    // paused for the delay (or the delay has passed).
    assert_eq!(on_disk(&fixture.dir).study.unwrap().answer, "ROIで");
    harness.get_by_label(ANSWER_BOX).type_text("説明する");
    harness.run();
    wait(&mut harness, &fixture.clock, Duration::seconds(1));
    assert_eq!(on_disk(&fixture.dir).study.unwrap().answer, "ROIで");
    wait(&mut harness, &fixture.clock, Duration::seconds(2));
    let kept = on_disk(&fixture.dir).study.expect("the answer is kept");
    assert_eq!(kept.card, "vpoe-q01");
    assert_eq!(kept.answer, "ROIで説明する");
    // Nothing of it in the review log.
    assert!(
        mensetsu::core::review::store::read_all_logs(&fixture.dir.reviews_dir())
            .records()
            .is_empty()
    );
    // The window ends without asking (a crash): the next start offers it back.
    drop(harness);
    let mut harness = self::harness(app(&fixture));
    harness.get_by_label("Where you left off");
    harness.get_by_label("Resume the answer you were typing at 21:14?");
    harness.get_by_label("“ROIで説明する”");
    click(&mut harness, "Resume the answer");
    assert!(matches!(harness.state().screen(), Screen::Review));
    harness.get_by_label_contains("現在の技術的負債を定量化し");
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("ROIで説明する")
    );
    // The box has the keyboard: typing goes on in it, never to the keys that reveal and
    // grade (a space there would have graded the card).
    assert!(harness.get_by_label(ANSWER_BOX).is_focused());
    harness.get_by_label(ANSWER_BOX).type_text(" and more");
    harness.run();
    assert!(harness.state().review_session().is_some_and(|session| {
        session
            .card
            .as_ref()
            .is_some_and(|card| !card.revealed && card.draft == "ROIで説明する and more")
    }));
    // Graded: the draft goes at once.
    press(
        &mut harness,
        &[egui::Key::Escape, egui::Key::Space, egui::Key::Num3],
    );
    assert!(!fixture.dir.drafts_file().exists());
    let records =
        mensetsu::core::review::store::read_all_logs(&fixture.dir.reviews_dir()).records();
    assert!(
        matches!(&records[..], [logged] if matches!(&logged.record, Record::Review(review) if review.answer.as_deref() == Some("ROIで説明する and more")))
    );
}

/// Enter takes Save and close in the close dialog over a study card too: the study
/// screen below took Enter first (to reveal), and the dialog never saw it.
#[test]
fn enter_saves_and_closes_over_a_study_card() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, "Study — VPoE interview");
    type_into(&mut harness, ANSWER_BOX, "数字で語る");
    press(&mut harness, &[egui::Key::Escape]);
    assert!(!request_close(&mut harness));
    harness.get_by_label("Close mensetsu?");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().is_closing());
    assert_eq!(on_disk(&fixture.dir).study.unwrap().answer, "数字で語る");
    let session = harness.state().review_session().expect("studying");
    assert!(session.card.as_ref().is_some_and(|card| !card.revealed));
}

/// "← Back to decks" with an answer typed threw the answer away without a word; starting
/// another deck from the decks screen did the same to a card left there by a tab. The
/// answer is kept for the card's next showing, in drafts.json too (a restart offers it).
#[test]
fn leaving_a_card_with_an_answer_keeps_it_for_the_cards_next_showing() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    let set_aside = |fixture: &Fixture| -> Vec<(String, String)> {
        on_disk(&fixture.dir)
            .set_aside
            .into_iter()
            .map(|study| (study.card, study.answer))
            .collect()
    };
    let pair = |card: &str, answer: &str| (card.to_string(), answer.to_string());
    click_containing(&mut harness, "Study — VPoE interview");
    type_into(&mut harness, ANSWER_BOX, "途中まで書いた回答");
    wait(&mut harness, &fixture.clock, Duration::seconds(10));
    click_containing(&mut harness, "Back to decks");
    harness.get_by_label("Session paused");
    harness.get_by_label_contains("The answer you had started is kept");
    assert_eq!(
        set_aside(&fixture),
        [pair("vpoe-q01", "途中まで書いた回答")]
    );
    click(&mut harness, "Back to decks");
    // Another deck: its card has no answer, and the kept one stays kept. Left by the tab
    // bar with an answer of its own, then a session begun: both are kept.
    click_containing(&mut harness, "Study — CTO interview");
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("")
    );
    harness.get_by_label(ANSWER_BOX).type_text("CTOの回答");
    harness.run();
    click(&mut harness, "Decks");
    click_containing(&mut harness, "Study — Head of Engineering");
    assert_eq!(
        set_aside(&fixture),
        [
            pair("vpoe-q01", "途中まで書いた回答"),
            pair("cto-q01", "CTOの回答")
        ]
    );
    // Closed, and started again: the close dialog names them, Save and close keeps them,
    // and each comes back with its card, unasked.
    assert!(!request_close(&mut harness));
    harness
        .get_by_label("• The answers started on 2 cards you left (each comes back with its card)");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().is_closing());
    drop(harness);
    let mut harness = self::harness(app(&fixture));
    assert!(harness.query_by_label("Where you left off").is_none());
    click_containing(&mut harness, "Study — VPoE interview");
    harness.get_by_label_contains("現在の技術的負債を定量化し");
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("途中まで書いた回答")
    );
    // Graded: the answer is the one logged, with its time, and only the CTO card's
    // answer is still kept.
    press(
        &mut harness,
        &[egui::Key::Escape, egui::Key::Space, egui::Key::Num3],
    );
    let records =
        mensetsu::core::review::store::read_all_logs(&fixture.dir.reviews_dir()).records();
    assert!(
        matches!(&records[..], [logged] if matches!(&logged.record, Record::Review(review) if review.answer.as_deref() == Some("途中まで書いた回答") && review.duration_ms == Some(10_000))),
        "{records:?}"
    );
    assert_eq!(set_aside(&fixture), [pair("cto-q01", "CTOの回答")]);
    click(&mut harness, "Decks");
    click_containing(&mut harness, "Study — CTO interview");
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("CTOの回答")
    );
}

/// Undo puts the card answered last back on screen: the answer typed to the card it
/// replaces was thrown away, and is kept for that card now.
#[test]
fn an_answer_typed_before_an_undo_comes_back_with_its_card() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, "Study — VPoE interview");
    press(
        &mut harness,
        &[egui::Key::Escape, egui::Key::Space, egui::Key::Num4],
    );
    let second = shown_card(&harness);
    harness.get_by_label(ANSWER_BOX).type_text("二枚目の回答");
    harness.run();
    press(&mut harness, &[egui::Key::Escape, egui::Key::U]);
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("")
    );
    press(
        &mut harness,
        &[egui::Key::Escape, egui::Key::Space, egui::Key::Num4],
    );
    assert_eq!(shown_card(&harness), second);
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some("二枚目の回答")
    );
}

/// The card's note is logged once typing in it pauses, not only with the grade or on
/// leaving the screen: a window killed with a note typed had lost it.
#[test]
fn a_note_typed_during_study_is_logged_once_typing_pauses() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, "Study — VPoE interview");
    click(&mut harness, "Note");
    type_into(
        &mut harness,
        "Your note on this card (kept for next time)",
        "Lead with the 2019 migration",
    );
    let notes = |dir: &DataDir| -> Vec<String> {
        mensetsu::core::review::store::read_all_logs(&dir.reviews_dir())
            .records()
            .iter()
            .filter_map(|logged| match &logged.record {
                Record::Note(note) => Some(note.note.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(notes(&fixture.dir).is_empty(), "logged at every key");
    wait(&mut harness, &fixture.clock, Duration::seconds(1));
    assert!(notes(&fixture.dir).is_empty());
    wait(&mut harness, &fixture.clock, Duration::seconds(2));
    harness.run();
    assert_eq!(notes(&fixture.dir), vec!["Lead with the 2019 migration"]);
    // Still on the card, unanswered; more typing is logged again after its pause, also
    // when the note's section is folded away before it.
    assert!(matches!(harness.state().screen(), Screen::Review));
    harness
        .get_by_label("Your note on this card (kept for next time)")
        .type_text(", then the numbers");
    harness.run();
    click(&mut harness, "Note");
    assert!(
        harness
            .query_by_label("Your note on this card (kept for next time)")
            .is_none()
    );
    wait(&mut harness, &fixture.clock, Duration::seconds(3));
    harness.run();
    assert_eq!(
        notes(&fixture.dir),
        vec![
            "Lead with the 2019 migration",
            "Lead with the 2019 migration, then the numbers"
        ]
    );
}

#[test]
fn a_damaged_drafts_file_is_named_set_aside_and_the_app_keeps_working() {
    let fixture = fixture();
    let damaged = b"{\"format\": 1, \"mock\": {\"roles\": [\"cto\"";
    std::fs::write(fixture.dir.drafts_file(), damaged).unwrap();
    let mut harness = harness(app(&fixture));
    let path = fixture.dir.drafts_file().display().to_string();
    harness.get_by_label_contains(&format!("{path} is damaged"));
    assert!(!fixture.dir.drafts_file().exists());
    let aside: Vec<_> = std::fs::read_dir(fixture.dir.root())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|entry| {
            entry
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("drafts.json.corrupt-"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), damaged);
    // Drafts are kept again from now on.
    mock_with_two_answers(&mut harness, &fixture.clock);
    let mock = on_disk(&fixture.dir).mock.expect("the interview is kept");
    assert_eq!(mock.typed(), 2);
}

#[test]
fn a_read_only_window_neither_offers_nor_touches_the_drafts() {
    let fixture = fixture();
    let mut owner = harness(app(&fixture));
    mock_with_two_answers(&mut owner, &fixture.clock);
    let bytes = std::fs::read(fixture.dir.drafts_file()).unwrap();
    let store = Store::open(fixture.dir.clone(), "second");
    assert!(store.is_err());
    let collection = Collection::load_read_only(fixture.dir.clone(), fixture.clock.now());
    let second = MensetsuApp::new(collection, store, Box::new(fixture.clock.clone()), Lang::En);
    let mut second = harness(second);
    assert!(second.query_by_label("Where you left off").is_none());
    assert!(request_close(&mut second));
    second.state_mut().save_before_exit();
    assert_eq!(std::fs::read(fixture.dir.drafts_file()).unwrap(), bytes);
}

/// The crash test: a real process types a mock interview into the app and is SIGKILLed;
/// the next start offers the interview back with every answer as the file last held it.
#[cfg(unix)]
#[test]
fn a_mock_interview_typed_before_a_sigkill_is_offered_back_with_its_answers() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let english = Settings {
        ui_language: Some(Lang::En),
        ..Settings::default()
    };
    settings::save(&dir.settings_file(), &english).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mensetsu-answer-loop"))
        .args(["--mock-draft", "--data-dir"])
        .arg(temp.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufReader::new(stdout).lines();
    // A few drafts written, then the kill, at no particular moment of the next write.
    let mut reported = String::new();
    for _ in 0..4 {
        let line = lines.next().expect("the child ended early").unwrap();
        reported = line.strip_prefix("drafted ").unwrap().to_string();
    }
    // SAFETY: kill(2) on the child's own pid, which has not been waited for yet.
    let killed = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
    assert_eq!(killed, 0);
    child.wait().unwrap();

    let clock = ManualClock(Rc::new(Cell::new(chrono::Local::now().fixed_offset())));
    let collection = Collection::load(dir.clone(), "test");
    let store = Store::open(dir.clone(), "test");
    let app = MensetsuApp::new(collection, store, Box::new(clock.clone()), Lang::En);
    let mut harness = harness(app);
    harness.get_by_label_contains("Resume the mock interview from ");
    harness.get_by_label_contains("3 of 3 answers typed");
    click(&mut harness, "Resume the mock interview");
    harness.get_by_label_contains("Question 3/3");
    let MockState::Answering { answers, index, .. } = harness.state().mock_state() else {
        panic!("the interview is back where it was");
    };
    assert_eq!(*index, 2);
    assert_eq!(answers[0].draft, "結論から：離職率を半年で12%下げた");
    assert_eq!(answers[1].draft, "Numbers first, then the story");
    // At least what was reported before the kill; at most what was typed after it.
    let third = &answers[2].draft;
    assert!(third.starts_with(&reported), "{third:?} lost {reported:?}");
    assert!(third.starts_with("採用計画"), "{third:?}");
    assert_eq!(
        harness.get_by_label(ANSWER_BOX).value().as_deref(),
        Some(third.as_str())
    );
    // The box has the keyboard, as the study answer's has: typing goes on in it.
    assert!(harness.get_by_label(ANSWER_BOX).is_focused());
    // A draft is never an answer.
    assert!(
        mensetsu::core::review::store::read_all_logs(&dir.reviews_dir())
            .records()
            .is_empty()
    );
}

#[test]
fn save_and_close_stays_open_when_a_deck_cannot_be_saved_and_saves_a_story_it_can() {
    let fixture = fixture();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "New deck…");
    type_into(&mut harness, "Deck title", "Platform");
    click(&mut harness, "Create");
    click(&mut harness, "Add card");
    type_into(&mut harness, "Question (English)", "Why a platform team?");
    // Someone changes the file meanwhile: the editor must not write over it.
    let path = fixture.dir.decks_dir().join("platform.json");
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Platform", "Platform (theirs)");
    std::fs::write(&path, &theirs).unwrap();
    // A story being written, on its own screen.
    click(&mut harness, "Stories");
    click(&mut harness, "New story…");
    type_into(&mut harness, "Title", "The reorg of 2024");

    assert!(!request_close(&mut harness));
    harness.get_by_label("• Unsaved edits to the deck “Platform”");
    harness.get_by_label("• A story draft: “The reorg of 2024”");
    harness.get_by_label("Save and close saves them first.");
    assert!(!click_and_see_close(
        &mut harness,
        "Save and close  (Enter)"
    ));
    // The story is saved; the deck is not, and the dialog says why instead of closing.
    assert!(
        harness
            .state()
            .collection()
            .stories()
            .iter()
            .any(|story| story.content.title == "The reorg of 2024")
    );
    harness.get_by_label("Not saved, so the window stays open:");
    harness.get_by_label_contains("• Unsaved edits to the deck “Platform”: ");
    harness.get_by_label_contains("changed on disk");
    assert!(
        harness
            .query_by_label("• A story draft: “The reorg of 2024”")
            .is_none()
    );
    assert!(!harness.state().is_closing());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // Discard still closes.
    assert!(click_and_see_close(&mut harness, "Discard and close"));
}

#[test]
fn answers_already_logged_are_not_offered_again() {
    let fixture = fixture();
    let at = fixture.clock.now();
    let answer = |card: &str| drafts::MockDraftAnswer {
        card: card.to_string(),
        answer: format!("answer to {card}"),
        duration_ms: 30_000,
        ticked: vec![],
        detected: vec![],
        rating: None,
        recording: None,
    };
    let drafted = Drafts {
        study: Some(drafts::StudyDraft {
            scope: drafts::DraftScope::AllDecks,
            card: "vpoe-q01".to_string(),
            answer: "ROI".to_string(),
            duration_ms: 1_000,
            recording: None,
            at,
        }),
        mock: Some(drafts::MockDraft {
            roles: vec!["cto".to_string()],
            questions: 2,
            seconds_per_answer: 120,
            answers: vec![answer("cto-q01"), answer("cto-q02")],
            current: None,
            at,
        }),
        ..Drafts::default()
    };
    drafts::save(&fixture.dir.drafts_file(), &drafted).unwrap();
    // The app ended after logging these two, before removing the drafts.
    {
        let mut collection = IndexedCollection::from(Collection::load(fixture.dir.clone(), "test"));
        let mut store = Store::open(fixture.dir.clone(), "test").unwrap();
        for card in ["vpoe-q01", "cto-q01"] {
            collection
                .record_answer(
                    &mut store,
                    card,
                    mensetsu::core::review::scheduler::Rating::Good,
                    at + Duration::seconds(1),
                    mensetsu::core::collection::AnswerDetails::default(),
                )
                .unwrap();
        }
    }
    let mut harness = harness(app(&fixture));
    let offered = harness.state().offered_drafts().clone();
    assert!(offered.study.is_none(), "{offered:?}");
    let mock = offered.mock.expect("the answer not logged is offered");
    assert_eq!(mock.answers.len(), 1);
    assert_eq!(mock.answers[0].card, "cto-q02");
    harness.get_by_label("Resume grading the mock interview from 21:14? Answers to grade: 1");
    click(&mut harness, "Resume the mock interview");
    harness.get_by_label("Grade your answers");
    // What is offered no longer is what the file holds: it follows at once.
    assert_eq!(on_disk(&fixture.dir).mock.map(|m| m.answers.len()), Some(1));
    assert!(on_disk(&fixture.dir).study.is_none());
}

/// A drafts file edited by hand to name a "recording" outside the recordings folder: the
/// draft comes back with the reason where its take would be, nothing is opened or
/// deleted, and the answer is graded without a recording.
#[test]
fn a_draft_naming_no_recording_says_so_and_opens_nothing() {
    let fixture = fixture();
    let drafted = r#"{"format":1,"study":{"scope":{"kind":"all_decks"},"card":"vpoe-q01","answer":"ROI first","recording":"../settings","at":"2026-11-22T21:00:00+09:00"}}"#;
    let settings = std::fs::read(fixture.dir.settings_file()).unwrap();
    // Discarded: a take's file would be deleted, but this names none.
    std::fs::write(fixture.dir.drafts_file(), drafted).unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Discard the answer");
    assert_eq!(
        std::fs::read(fixture.dir.settings_file()).unwrap(),
        settings
    );
    drop(harness);
    // Resumed: the reason, naming the file, where the take would be.
    std::fs::write(fixture.dir.drafts_file(), drafted).unwrap();
    let mut harness = common::harness(app(&fixture));
    click(&mut harness, "Resume the answer");
    harness.get_by_label_contains("drafts.json: `../settings` is no recording's name");
    assert_eq!(
        std::fs::read(fixture.dir.settings_file()).unwrap(),
        settings
    );
}
