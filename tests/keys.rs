//! Keys that must never misfire, and the one grade-suggestion rule, through the app's real
//! widgets with egui_kittest: text typed the moment a card or a mock question appears
//! goes into the answer box (a digit never grades, a space never reveals, `u` never
//! undoes); study works from the keyboard alone (Ctrl+Enter, Esc, a digit); the grade
//! the ticked points suggest only rises as more are ticked, the same in study and in a
//! mock interview's review; and after an undo the re-typed draft's points come ticked.

use chrono::Duration;
use egui::accesskit::Toggled;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mensetsu::core::review::log::Record;
use mensetsu::core::review::scheduler::Rating;
use mensetsu::core::study::grading;
use mensetsu::ui::MensetsuApp;
use mensetsu::ui::mock_screen::MockState;

const ANSWER: &str = "Your answer (optional)";

mod common;
use common::Fixture;
use common::{assert_ticked_from_draft, click, click_containing, press, shown_card};

impl Fixture {
    fn new() -> Self {
        common::fixture(&common::english())
    }

    fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    fn harness(&self) -> Harness<'static, MensetsuApp> {
        common::harness(common::app(self))
    }

    fn records(&self) -> Vec<Record> {
        common::log_records(&self.dir)
    }

    fn ratings(&self) -> Vec<u8> {
        self.records()
            .into_iter()
            .filter_map(|record| match record {
                Record::Review(review) => Some(u8::from(review.rating)),
                _ => None,
            })
            .collect()
    }
}

/// Queues `text` as a keyboard sends it: for each character its key down, the text, its
/// key up. Nothing is drawn in between, so the first characters land in the very frame
/// a card appears in.
fn keyboard(harness: &Harness<'_, MensetsuApp>, text: &str) {
    for character in text.chars() {
        let key = Key::from_name(&character.to_string());
        if let Some(key) = key {
            harness.key_down(key);
        }
        harness.event(Event::Text(character.to_string()));
        if let Some(key) = key {
            harness.key_up(key);
        }
    }
}

/// Types `text` a character a frame, the first one in the next frame drawn.
fn type_slowly(harness: &mut Harness<'_, MensetsuApp>, text: &str) {
    for character in text.chars() {
        keyboard(harness, &character.to_string());
        harness.step();
    }
    harness.run();
}

fn draft(harness: &Harness<'_, MensetsuApp>) -> String {
    harness.get_by_label(ANSWER).value().unwrap_or_default()
}

/// The sentence that graded two cards and undid one when the box did not have the
/// keyboard, with digits added.
const SENTENCE: &str = "We set 2 standards but leave 4 teams freedom, u 1 3";

/// A fresh app whose "Study — VPoE interview" was clicked in the frame just drawn: the
/// frame of the click starts the session, and keys queued now come with the next one,
/// the first the card is drawn in.
fn study_clicked() -> (Fixture, Harness<'static, MensetsuApp>) {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    harness
        .get_by_label_contains("Study — VPoE interview")
        .click();
    harness.step();
    (fixture, harness)
}

#[test]
fn typing_the_moment_a_study_card_appears_goes_into_the_box_and_never_grades() {
    let (fixture, mut harness) = study_clicked();
    keyboard(&harness, SENTENCE);
    harness.run();
    assert!(fixture.records().is_empty(), "{:?}", fixture.records());
    assert_eq!(draft(&harness), SENTENCE);
    assert!(harness.get_by_label(ANSWER).is_focused());
    let session = harness.state().review_session().unwrap();
    assert!(session.answered.is_empty());
    assert!(!session.card.as_ref().unwrap().revealed);

    // Answered from the keyboard; the next card takes the keyboard at once, and what is
    // typed the moment it appears is its draft too, the `u` included.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    press(&mut harness, &[Key::Escape]);
    harness.key_press(Key::Num3);
    harness.step();
    keyboard(&harness, SENTENCE);
    harness.run();
    assert_eq!(fixture.ratings(), [3], "one answer, no undo");
    assert_eq!(fixture.records().len(), 1);
    assert_ne!(shown_card(&harness), "vpoe-q01");
    assert_eq!(draft(&harness), SENTENCE);

    // Typed a character a frame, as people type, the same.
    type_slowly(&mut harness, " u 2 ");
    assert_eq!(fixture.records().len(), 1);
    assert_eq!(draft(&harness), format!("{SENTENCE} u 2 "));
}

/// Back on the study screen (from another screen, or after Undo), the answer box has the
/// keyboard again with the cursor after the draft, so typing goes on where it stopped.
#[test]
fn typing_goes_on_at_the_end_of_the_draft_after_another_screen_or_an_undo() {
    let (_fixture, mut harness) = study_clicked();
    type_slowly(&mut harness, "first");
    harness.get_by_label("Cards").click();
    harness.run();
    harness.get_by_label("Study session").click();
    harness.run();
    type_slowly(&mut harness, " then");
    assert_eq!(draft(&harness), "first then");

    // Graded, then undone: the card comes back with its draft, typing at its end.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    press(&mut harness, &[Key::Escape, Key::Num3, Key::Escape, Key::U]);
    assert_eq!(draft(&harness), "first then");
    type_slowly(&mut harness, " more");
    assert_eq!(draft(&harness), "first then more");
}

#[test]
fn typing_the_moment_a_mock_question_appears_goes_into_the_box() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    click(&mut harness, "Mock interview");
    harness.get_by_label("Start the mock interview").click();
    harness.step();
    keyboard(&harness, SENTENCE);
    harness.run();
    assert_eq!(draft(&harness), SENTENCE);
    // The next question, from the box: typing goes on into its own box at once.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.step();
    keyboard(&harness, "1 2 u");
    harness.run();
    assert_eq!(draft(&harness), "1 2 u");
    let MockState::Answering { answers, index, .. } = harness.state().mock_state() else {
        panic!("still answering");
    };
    assert_eq!(*index, 1);
    assert_eq!(answers[0].draft, SENTENCE);
    assert!(answers.iter().all(|answer| answer.rating.is_none()));
    assert!(fixture.records().is_empty());
}

#[test]
fn study_works_from_the_keyboard_alone_and_the_hint_names_only_the_keys_that_work() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    // Enter on the decks screen studies everything due.
    press(&mut harness, &[Key::Enter]);
    assert!(harness.get_by_label(ANSWER).is_focused());
    // In the box: Space would type, so the hint offers Ctrl+Enter and Esc.
    harness.get_by_label_contains("Ctrl+Enter: show   Esc: leave the answer box");
    harness.get_by_label_contains("Show answer points  (Ctrl+Enter)");
    assert!(harness.query_by_label_contains("Space / Enter").is_none());
    keyboard(&harness, "xyz");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(harness.get_by_label(ANSWER).is_focused());
    harness.get_by_label_contains("Esc: leave the answer box, then Space / Enter:");
    press(&mut harness, &[Key::Escape]);
    assert!(!harness.get_by_label(ANSWER).is_focused());
    harness.get_by_label_contains("Space / Enter: Again   1–4: grade");
    assert!(harness.query_by_label_contains("Esc:").is_none());
    press(&mut harness, &[Key::Num2]);
    assert_eq!(fixture.ratings(), [2]);

    // The next card has the keyboard again; Esc, then U undoes, and the card is back
    // with its draft and the keyboard in its box.
    assert!(harness.get_by_label(ANSWER).is_focused());
    harness.get_by_label_contains("Ctrl+Enter: show");
    press(&mut harness, &[Key::Escape]);
    harness.get_by_label_contains("Space / Enter: show   U / Ctrl+Z: undo");
    press(&mut harness, &[Key::U]);
    assert!(matches!(fixture.records().last(), Some(Record::Undo(_))));
    assert_eq!(shown_card(&harness), "vpoe-q01");
    assert_eq!(draft(&harness), "xyz");
    assert!(harness.get_by_label(ANSWER).is_focused());
    // Esc and Space reveal, Space grades (nothing ticked: Again, see below).
    press(&mut harness, &[Key::Escape, Key::Space, Key::Space]);
    assert_eq!(fixture.ratings(), [2, 1]);
}

/// Ticking a point after the reveal is grading: the answer box lets go of the keyboard
/// and a digit grades (it was typed into the draft, which had kept the keyboard through
/// the click).
#[test]
fn after_ticking_a_point_a_digit_grades_and_is_not_typed() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    press(&mut harness, &[Key::Enter]);
    keyboard(&harness, "xyz");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(harness.get_by_label(ANSWER).is_focused());
    let card = shown_card(&harness);
    let first = point_labels(&harness, &card).remove(0);
    point(&harness, &first).scroll_to_me();
    harness.run();
    point(&harness, &first).click();
    harness.run();
    assert!(!harness.get_by_label(ANSWER).is_focused());
    harness.get_by_label_contains("1–4: grade");
    assert!(harness.query_by_label_contains("Esc:").is_none());
    assert_eq!(draft(&harness), "xyz");
    press(&mut harness, &[Key::Num3]);
    assert_eq!(fixture.ratings(), [3]);
}

/// The labels of a card's points, in the order of its tick boxes.
fn point_labels(harness: &Harness<'_, MensetsuApp>, card_id: &str) -> Vec<String> {
    let collection = harness.state().collection();
    let (_, card) = collection.decks().find_card(card_id).unwrap();
    card.points
        .iter()
        .map(|point| point.text.ja().unwrap().to_string())
        .collect()
}

/// The tick box of the point `label`: its label is the point's text, then perhaps a
/// marker ("(from the guide)"); a short point can be part of another one's text.
fn point<'h>(harness: &'h Harness<'_, MensetsuApp>, label: &'h str) -> egui_kittest::Node<'h> {
    let mut boxes = points(harness, label);
    let first = boxes.next().unwrap_or_else(|| panic!("no point {label:?}"));
    assert!(boxes.next().is_none(), "two points {label:?}");
    first
}

fn points<'h>(
    harness: &'h Harness<'_, MensetsuApp>,
    label: &'h str,
) -> impl Iterator<Item = egui_kittest::Node<'h>> {
    let (exact, marked) = (label.to_string(), format!("{label}("));
    harness
        .query_all_by_label_contains(label)
        .filter(move |node| {
            let text = node.accesskit_node().label().unwrap_or_default();
            text == exact || text.starts_with(&marked)
        })
}

/// The grade the grade bar marks as suggested, from its label.
fn suggested_in_study(harness: &Harness<'_, MensetsuApp>) -> Rating {
    let node = harness.get_by_label_contains("· suggested");
    let label = node.accesskit_node().label().unwrap_or_default();
    [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
        .into_iter()
        .find(|rating| label.contains(&format!("{rating:?}")))
        .unwrap_or_else(|| panic!("no grade in {label:?}"))
}

#[test]
fn the_suggestion_only_rises_as_points_are_ticked_the_same_in_study_and_mock() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();

    // Study: the CTO deck's first card, its points ticked one by one.
    click_containing(&mut harness, "Study — CTO interview");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let card = shown_card(&harness);
    let labels = point_labels(&harness, &card);
    assert!(labels.len() >= 3, "{card} has {} points", labels.len());
    // Nothing typed and nothing ticked: nothing to suggest from, Space waits.
    assert!(harness.query_by_label_contains("· suggested").is_none());
    harness.get_by_label_contains("Esc: leave the answer box, then 1–4: grade");
    press(&mut harness, &[Key::Escape]);
    harness.get_by_label_contains("Tick the points you said, then Space / Enter   1–4: grade");
    press(&mut harness, &[Key::Space, Key::Enter]);
    assert_eq!(fixture.ratings(), [0u8; 0]);
    let mut study = Vec::new();
    for label in &labels {
        point(&harness, label).scroll_to_me();
        harness.run();
        point(&harness, label).click();
        harness.run();
        study.push(suggested_in_study(&harness));
    }
    let rule: Vec<Rating> = (1..=labels.len())
        .map(|covered| grading::suggested_grade(covered, labels.len()).rating)
        .collect();
    assert_eq!(study, rule);
    assert!(
        study
            .windows(2)
            .all(|pair| u8::from(pair[0]) <= u8::from(pair[1]))
    );
    // Space gives what is suggested.
    press(&mut harness, &[Key::Escape, Key::Space]);
    assert_eq!(fixture.ratings(), [u8::from(Rating::Good)]);

    // Mock: the first answer's points ticked one by one, from the same nothing.
    click(&mut harness, "Mock interview");
    click(&mut harness, "Start the mock interview");
    for _ in 0..5 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        harness.run();
    }
    let answers = |harness: &Harness<'_, MensetsuApp>| match harness.state().mock_state() {
        MockState::Grading { answers, .. } => answers.clone(),
        other => panic!("grading, not {other:?}"),
    };
    // An answer with points, none of them word for word a point of another answer.
    let (with_points, labels) = answers(&harness)
        .iter()
        .enumerate()
        .filter(|(_, answer)| answer.ticked.len() >= 2)
        .map(|(index, answer)| (index, point_labels(&harness, &answer.card_id)))
        .find(|(_, labels)| {
            labels
                .iter()
                .all(|label| points(&harness, label).count() == 1)
        })
        .expect("an answer with points of its own");
    let grade = |harness: &Harness<'_, MensetsuApp>| answers(harness)[with_points].grade();
    // Answered without a draft and not ticked: no grade until the user gives one.
    assert_eq!(grade(&harness), None);
    let mut mock = Vec::new();
    for label in &labels {
        point(&harness, label).scroll_to_me();
        harness.run();
        point(&harness, label).click();
        harness.run();
        let now = grade(&harness).expect("a grade once a point is ticked");
        mock.push(now);
        // The screen marks the same grade as suggested (other answers may too).
        let shown = format!("{now:?} · suggested");
        assert!(
            harness.query_all_by_label(&shown).next().is_some(),
            "{shown}"
        );
    }
    let rule: Vec<Rating> = (1..=labels.len())
        .map(|covered| grading::suggested_grade(covered, labels.len()).rating)
        .collect();
    assert_eq!(mock, rule);
    assert!(
        mock.windows(2)
            .all(|pair| u8::from(pair[0]) <= u8::from(pair[1]))
    );
}

/// vpoe-q01's first point (velocity falling, MTTR rising) in other words.
const COVERS_THE_FIRST_POINT: &str =
    "まず開発速度がどれだけ落ちたか、障害の復旧時間がどれだけ延びたかで負債を数値化します。";
const FIRST_POINT: &str = "開発速度の低下率";
const SECOND_POINT: &str = "具体的な投資計画とROIを提示する";

fn toggled(harness: &Harness<'_, MensetsuApp>, label: &str) -> Option<Toggled> {
    harness
        .get_by_label_contains(label)
        .accesskit_node()
        .toggled()
}

#[test]
fn after_an_undo_the_points_of_the_retyped_draft_come_ticked_as_on_the_first_showing() {
    let fixture = Fixture::new();
    let mut harness = fixture.harness();
    click_containing(&mut harness, "Study — VPoE interview");
    // First showing: no draft, the second point ticked by hand, graded.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_eq!(toggled(&harness, FIRST_POINT), Some(Toggled::False));
    click_containing(&mut harness, SECOND_POINT);
    press(&mut harness, &[Key::Escape, Key::Num2]);
    // Undone: the card is back before its reveal; a draft covering the first point is
    // typed, and the reveal ticks exactly that point, as a first showing would.
    press(&mut harness, &[Key::Escape, Key::U]);
    assert_eq!(shown_card(&harness), "vpoe-q01");
    harness
        .get_by_label(ANSWER)
        .type_text(COVERS_THE_FIRST_POINT);
    harness.run();
    fixture.advance(Duration::seconds(1));
    harness.run();
    harness.get_by_label("Your draft covers 1 of 2 points so far");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_ticked_from_draft(&harness, FIRST_POINT);
    assert_eq!(toggled(&harness, SECOND_POINT), Some(Toggled::False));
    harness.get_by_label_contains("then Space / Enter: Hard");
    press(&mut harness, &[Key::Escape, Key::Space]);
    let Some(Record::Review(review)) = fixture.records().pop() else {
        panic!("{:?}", fixture.records());
    };
    assert_eq!(review.card, "vpoe-q01");
    assert_eq!(review.points_detected, Some(vec![0]));
    assert_eq!(review.points_covered, Some(vec![0]));
    assert_eq!(u8::from(review.rating), 2);
}
