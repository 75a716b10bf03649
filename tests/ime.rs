//! What the app tells the integration about the input method while the user types through
//! one (Mozc on IBus or Fcitx5): egui-winit turns every "interrupt the composition" and
//! every frame without a focused text box into a new XIM input context on X11, which
//! Fcitx5 starts in direct input (see src/ui/ime.rs). These tests drive the real app with
//! egui_kittest, frame by frame, and read the `ime` part of each frame's output; the
//! pre-edit and commit events are the ones egui-winit makes of winit's XIM callbacks.
//! tests/ime/run.sh does the same with the real input methods under Xvfb.

mod common;
use common::{click, click_containing};

use chrono::DateTime;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Record;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::ui::ime::ImeGuard;
use mensetsu::ui::{Clock, MensetsuApp};

const ANSWER: &str = "Your answer (optional)";
const NOTE: &str = "Your note on this card (kept for next time)";

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap_or_default()
    }
}

fn study(dir: &DataDir) -> Harness<'static, MensetsuApp> {
    let english = Settings {
        ui_language: Some(Lang::En),
        content_language: Some(settings::ContentLanguage::Ja),
        ..Settings::default()
    };
    settings::save(&dir.settings_file(), &english).unwrap();
    let collection = Collection::load(dir.clone(), "test");
    let store = Store::open(dir.clone(), "test");
    let app = MensetsuApp::new(collection, store, Box::new(FixedClock), Lang::En);
    let mut harness = common::harness(app);
    click_containing(&mut harness, "Study — VPoE interview");
    harness
}

/// What one frame asked of the input method: `None` turns it off (a new input context
/// when it comes back), `Some(true)` interrupts the composition (the same on X11).
fn ime_request(harness: &Harness<'_, MensetsuApp>) -> Option<bool> {
    harness
        .output()
        .platform_output
        .ime
        .map(|ime| ime.should_interrupt_composition)
}

/// Steps frame by frame until the app is idle, asserting that no frame turns the input
/// method off or interrupts it.
fn step_keeping_the_input_method(harness: &mut Harness<'_, MensetsuApp>, what: &str) {
    for frame in 0..6 {
        harness.step();
        assert_eq!(
            ime_request(harness),
            Some(false),
            "{what}: frame {frame} turned the input method off or interrupted it"
        );
    }
}

fn draft(harness: &Harness<'_, MensetsuApp>) -> String {
    harness.get_by_label(ANSWER).value().unwrap_or_default()
}

fn answers(dir: &DataDir) -> Vec<(Option<String>, String)> {
    mensetsu::core::review::store::read_all_logs(&dir.reviews_dir())
        .records()
        .into_iter()
        .filter_map(|logged| match logged.record {
            Record::Review(review) => Some((review.answer, review.card)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_answer_box_keeps_the_keyboard_and_the_input_context_across_graded_cards() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, ANSWER);
    assert!(harness.get_by_label(ANSWER).is_focused());

    for (card, typed) in ["一枚目", "二枚目", "三枚目"].into_iter().enumerate() {
        harness.event(Event::Ime(ImeEvent::Commit(typed.to_owned())));
        step_keeping_the_input_method(&mut harness, "typing");
        // Reveal from the box, then grade with the mouse: the box keeps the keyboard.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        step_keeping_the_input_method(&mut harness, "revealing");
        harness.get_by_label_contains("Good\n").click();
        step_keeping_the_input_method(&mut harness, "grading");
        assert_eq!(answers(&dir).len(), card + 1);
        assert!(
            harness.get_by_label(ANSWER).is_focused(),
            "the next card's answer box has the keyboard"
        );
        assert_eq!(
            draft(&harness),
            "",
            "the next card starts with an empty draft"
        );
    }
    let typed: Vec<Option<String>> = answers(&dir).into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        typed,
        [
            Some("一枚目".to_owned()),
            Some("二枚目".to_owned()),
            Some("三枚目".to_owned())
        ]
    );
}

#[test]
fn a_click_in_the_box_that_has_the_keyboard_keeps_the_input_context() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, ANSWER);
    harness.event(Event::Ime(ImeEvent::Commit("技術的負債".to_owned())));
    harness.run();
    // egui requests the keyboard for the box on every click in it; that must not reach
    // the integration as an interruption.
    harness.get_by_label(ANSWER).click();
    step_keeping_the_input_method(&mut harness, "a click in the focused box");
    assert!(harness.get_by_label(ANSWER).is_focused());
}

#[test]
fn moving_between_the_answer_and_the_note_keeps_the_input_context() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, "Note");
    click(&mut harness, ANSWER);
    harness.event(Event::Ime(ImeEvent::Commit("回答".to_owned())));
    harness.run();
    harness.get_by_label(NOTE).click();
    step_keeping_the_input_method(&mut harness, "to the note");
    harness.event(Event::Ime(ImeEvent::Commit("メモ".to_owned())));
    step_keeping_the_input_method(&mut harness, "typing the note");
    harness.get_by_label(ANSWER).click();
    step_keeping_the_input_method(&mut harness, "back to the answer");
    assert_eq!(draft(&harness), "回答");
    assert_eq!(
        harness.get_by_label(NOTE).value().as_deref(),
        Some("メモ"),
        "each box got what was typed in it"
    );
}

#[test]
fn a_click_during_a_composition_keeps_the_pre_edit_and_nothing_is_doubled() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, ANSWER);
    harness.event(Event::Ime(ImeEvent::Commit("まず".to_owned())));
    harness.run();
    // An on-the-spot pre-edit (IBus, or Fcitx5 with UseOnTheSpot) is in the box...
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: "ふさい".to_owned(),
        active_range_chars: None,
    }));
    harness.run();
    assert_eq!(draft(&harness), "まずふさい");
    assert_eq!(
        harness
            .ctx
            .with_plugin(|guard: &mut ImeGuard| guard.composing()),
        Some(true)
    );
    // ...when the user clicks in the box, and on the note's header.
    harness.get_by_label(ANSWER).click();
    step_keeping_the_input_method(&mut harness, "a click during a composition");
    harness.get_by_label("Note").click();
    step_keeping_the_input_method(&mut harness, "a click elsewhere during a composition");
    // Only a click in the box waits: the one on the header opened the note.
    harness.get_by_label(NOTE);
    // The input method goes on and commits its conversion in place of the pre-edit.
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: "ふさいを".to_owned(),
        active_range_chars: None,
    }));
    harness.run();
    harness.event(Event::Ime(ImeEvent::Commit("負債を".to_owned())));
    harness.run();
    assert_eq!(draft(&harness), "まず負債を");
    // After the commit, clicks work again.
    harness.get_by_label(ANSWER).click();
    step_keeping_the_input_method(&mut harness, "a click after the commit");
    harness.event(Event::Ime(ImeEvent::Commit("数える".to_owned())));
    harness.run();
    assert!(draft(&harness).starts_with("まず負債を"));
    assert_eq!(
        draft(&harness).chars().count(),
        "まず負債を数える".chars().count()
    );
}

#[test]
fn the_caret_is_reported_by_its_bottom_edge_only_where_xim_needs_it() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, ANSWER);
    let caret = |harness: &Harness<'_, MensetsuApp>| {
        harness
            .output()
            .platform_output
            .ime
            .map(|ime| ime.cursor_rect)
            .unwrap_or(egui::Rect::NOTHING)
    };
    // As egui reports it (Wayland, Windows, macOS): the whole caret, a line high.
    let whole = caret(&harness);
    assert!(whole.height() > 10.0, "{whole:?}");
    // On X11 the spot winit sends (the top-left corner) is the caret's bottom.
    ImeGuard::install(&harness.ctx, true);
    harness.step();
    let spot = caret(&harness);
    assert_eq!(spot.min, egui::pos2(whole.min.x, whole.max.y), "{spot:?}");
    assert_eq!(spot.max, whole.max);
}

#[test]
fn a_mock_interview_keeps_the_input_context_from_question_to_question() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, "Mock interview");
    click(&mut harness, "Start the mock interview");
    harness.run();
    assert!(harness.get_by_label(ANSWER).is_focused());
    for typed in ["一問目", "二問目"] {
        harness.event(Event::Ime(ImeEvent::Commit(typed.to_owned())));
        step_keeping_the_input_method(&mut harness, "typing");
        assert_eq!(draft(&harness), typed);
        // The button, not Ctrl+Enter: the click must not take the keyboard away.
        harness.get_by_label_contains("Next question").click();
        step_keeping_the_input_method(&mut harness, "the next question");
        assert!(harness.get_by_label(ANSWER).is_focused());
        assert_eq!(draft(&harness), "");
    }
}

#[test]
fn undo_in_the_answer_box_of_a_new_card_never_brings_back_the_last_cards_draft() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let mut harness = study(&dir);
    click(&mut harness, ANSWER);
    harness.event(Event::Ime(ImeEvent::Commit("一枚目の答え".to_owned())));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    click_containing(&mut harness, "Good\n");
    // The same box (it kept the keyboard) on the next card: its undo history is the
    // new card's alone.
    assert!(harness.get_by_label(ANSWER).is_focused());
    harness.event(Event::Ime(ImeEvent::Commit("二".to_owned())));
    harness.run();
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert!(
        !draft(&harness).contains("一枚目"),
        "{:?} came back from the last card",
        draft(&harness)
    );
}
