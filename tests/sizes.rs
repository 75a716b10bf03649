//! The app at the window and text sizes people use, through its real widgets with
//! egui_kittest: at 800×560 (an 800×600 screen under a title bar) with text size 1.6 every tab is reachable (the ones without
//! room in the "More" menu) and nothing in the top bar, the study header or the grade bar
//! is drawn over something else, nor at 1920×1080 with text size 0.75, in English and
//! Japanese; and scroll positions of an earlier run, or an earlier settings draft, are not
//! restored. docs/screenshots/sizes/ has the same sizes by eye.

mod common;
use common::{click, click_containing, press, scroll_decks_to, write_one_card_decks};

use chrono::DateTime;
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::ui::strings::{self as labels, Strings};
use mensetsu::ui::{Clock, MensetsuApp, Screen};

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap_or_default()
    }
}

fn app(dir: &DataDir) -> MensetsuApp {
    let collection = Collection::load(dir.clone(), "test");
    let store = Store::open(dir.clone(), "test");
    MensetsuApp::new(collection, store, Box::new(FixedClock), Lang::En)
}

/// The app in a window of `size` pixels with text size `scale`, in `lang`.
fn window(
    temp: &tempfile::TempDir,
    size: [f32; 2],
    scale: f32,
    lang: Lang,
) -> Harness<'static, MensetsuApp> {
    let dir = DataDir::new(temp.path());
    let look = Settings {
        ui_language: Some(lang),
        content_language: Some(settings::ContentLanguage::Ja),
        text_scale: scale,
        ..Settings::default()
    };
    settings::save(&dir.settings_file(), &look).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size[0], size[1]))
        .with_context_setup(MensetsuApp::install_fonts)
        .build_ui_state(|ui, app: &mut MensetsuApp| app.show(ui), app(&dir));
    harness.run();
    harness.run();
    harness
}

/// A user deck `mine.json` in the data folder `temp`, with `json` in it.
fn write_my_deck(temp: &tempfile::TempDir, json: &str) {
    let decks = temp.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("mine.json"), json).unwrap();
}

/// What an 800×600 screen leaves a window under its title bar: the smallest window at
/// text size 1.6.
const SMALL_SCREEN: [f32; 2] = [800.0, 560.0];

const SIZES: [([f32; 2], f32); 2] = [(SMALL_SCREEN, 1.6), ([1920.0, 1080.0], 0.75)];

/// Each size with its text scale, in each interface language.
fn every_window() -> impl Iterator<Item = ([f32; 2], f32, Lang)> {
    SIZES
        .into_iter()
        .flat_map(|(size, scale)| [Lang::En, Lang::Ja].map(|lang| (size, scale, lang)))
}

fn rect(harness: &Harness<'_, MensetsuApp>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// Whether two rectangles share more than a hairline (borders may touch).
fn overlap(a: Rect, b: Rect) -> bool {
    let shared = a.intersect(b);
    shared.width() > 1.0 && shared.height() > 1.0
}

fn assert_apart(named: &[(&str, Rect)], what: &str) {
    for (index, (first, a)) in named.iter().enumerate() {
        for (second, b) in &named[index + 1..] {
            assert!(
                !overlap(*a, *b),
                "{what}: {first:?} {a:?} is drawn over {second:?} {b:?}"
            );
        }
    }
}

/// The highest node labelled `label`: a tab (the screen below may have a heading of the
/// same name), or an entry of the menu under the bar.
fn topmost<'h>(
    harness: &'h Harness<'_, MensetsuApp>,
    label: &'h str,
) -> Option<egui_kittest::Node<'h>> {
    harness
        .query_all_by_label(label)
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
}

/// Opens a screen by its tab, from the "More ▼" menu when the bar has no room for it.
fn open_tab(harness: &mut Harness<'_, MensetsuApp>, label: &str) {
    if topmost(harness, label).is_none() {
        click_containing(harness, " ▼");
    }
    if let Some(tab) = topmost(harness, label) {
        tab.click();
    }
    harness.run();
}

/// The tabs of the top bar with nothing open but the decks screen.
fn tabs(text: &Strings) -> [(&'static str, Screen); 6] {
    [
        (text.decks, Screen::Decks),
        (text.browse_tab, Screen::Browse),
        (text.statistics, Screen::Stats),
        (text.stories_tab, Screen::Stories),
        (text.mock_interview, Screen::Mock),
        (text.settings, Screen::Settings),
    ]
}

#[test]
fn every_tab_is_on_screen_or_in_the_more_menu_and_opens_its_screen() {
    for (size, scale, lang) in every_window() {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, lang);
        let screen = harness.ctx.content_rect();
        for (label, target) in tabs(text) {
            if topmost(&harness, label).is_none() {
                // Not in the bar: in the menu at its end (named "More", or after the
                // screen on show when that is in it too).
                click_containing(&mut harness, " ▼");
            }
            let tab = topmost(&harness, label).unwrap_or_else(|| panic!("no tab {label}"));
            assert!(
                screen.contains_rect(tab.rect()),
                "{size:?} {scale} {lang:?}: {label} at {:?} outside {screen:?}",
                tab.rect()
            );
            tab.click();
            harness.run();
            assert_eq!(harness.state().screen(), target, "{label}");
        }
        if size[0] == 1920.0 {
            // A large window has room for every tab and no menu.
            assert!(harness.query_by_label_contains(text.more_tabs).is_none());
        }
    }
}

#[test]
fn the_study_header_and_the_grade_bar_draw_nothing_over_anything_else() {
    for (size, scale, lang) in every_window() {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, lang);
        let screen = harness.ctx.content_rect();
        // Study all due, answer (a draft, so a grade is suggested), then reveal from the
        // answer box.
        press(&mut harness, &[Key::Enter]);
        harness.event(egui::Event::Text("xyz".to_string()));
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        harness.run();
        let what = format!("{size:?} at {scale} in {lang:?}");
        let back = format!("← {}", text.back_to_decks);
        let clock = harness.get_by_label_contains("/ 2:00").rect();
        let header = [
            (back.as_str(), rect(&harness, &back)),
            (text.queue_new, rect(&harness, text.queue_new)),
            (text.left_today, rect(&harness, text.left_today)),
            ("clock", clock),
        ];
        for (name, place) in header {
            assert!(screen.contains_rect(place), "{what}: {name} off screen");
        }
        assert_apart(&header, &what);
        let grades: Vec<(&str, Rect)> = ["1 ", "2 ", "3 ", "4 "]
            .into_iter()
            .map(|number| {
                let button = harness
                    .get_all_by_role(egui::accesskit::Role::Button)
                    .find(|node| {
                        node.accesskit_node()
                            .label()
                            .is_some_and(|label| label.starts_with(number))
                    })
                    .unwrap_or_else(|| panic!("{what}: no grade {number}"));
                (number, button.rect())
            })
            .collect();
        for (name, place) in &grades {
            assert!(
                screen.contains_rect(*place),
                "{what}: grade {name}at {place:?} off {screen:?}"
            );
        }
        assert_apart(&grades, &what);
        // The grade Space gives is still named as suggested, seen or not.
        assert!(
            harness
                .query_by_label_contains(&format!("· {}", text.suggested))
                .is_some(),
            "{what}"
        );
    }
}

/// At 800×600 with text size 1.6 the page under the study header holds little more than
/// the question: what is typed, and the points at the reveal, are scrolled into view.
#[test]
fn what_is_typed_and_the_points_revealed_come_into_view() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        // The answer box has the keyboard when the card appears: no click first.
        press(&mut harness, &[Key::Enter]);
        harness.event(egui::Event::Text("We measure lead time first. ".repeat(2)));
        harness.run();
        harness.run();
        let back = format!("← {}", text.back_to_decks);
        let top = rect(&harness, &back).bottom();
        let bar = harness.get_by_label_contains(text.show_answer).rect().top();
        let answer_box = harness
            .query_all_by_label(text.your_answer)
            .map(|node| node.rect())
            .max_by(|a, b| a.height().total_cmp(&b.height()))
            .unwrap_or_else(|| panic!("{lang:?}: no answer box"));
        assert!(
            answer_box.top() >= top - 1.0 && answer_box.bottom() <= bar + 1.0,
            "{lang:?}: the answer box {answer_box:?} is not between {top} and {bar}"
        );

        harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        harness.run();
        harness.run();
        let grades = harness
            .get_all_by_role(egui::accesskit::Role::Button)
            .filter(|node| {
                node.accesskit_node()
                    .label()
                    .is_some_and(|label| label.starts_with("1 "))
            })
            .map(|node| node.rect().top())
            .fold(f32::INFINITY, f32::min);
        let heading = harness.get_by_label(text.answer_points).rect();
        assert!(
            heading.top() >= top - 1.0 && heading.bottom() <= grades + 1.0,
            "{lang:?}: the points' heading {heading:?} is not between {top} and {grades}"
        );
    }
}

#[test]
fn scroll_positions_of_an_earlier_run_or_settings_draft_are_not_restored() {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    write_one_card_decks(&dir, 120);
    let mut harness = window(&temp, [1000.0, 800.0], 1.0, Lang::En);
    scroll_decks_to(&mut harness, "Study — Deck 119");
    assert!(harness.query_by_label("Study — Deck 119").is_some());
    assert!(harness.query_by_label_contains("Study — VPoE").is_none());
    // The next run: egui's memory (scroll offsets included) as eframe restores it, a new
    // app. The decks screen opens at its top.
    *harness.state_mut() = app(&dir);
    harness.run();
    harness.run();
    harness.get_by_label_contains("Study — VPoE");
    assert!(harness.query_by_label("Study — Deck 119").is_none());

    // Settings scrolled down, cancelled, opened again: at the top.
    click(&mut harness, "Settings");
    let retention = |harness: &Harness<'_, MensetsuApp>| {
        harness
            .query_all_by_label("Desired retention")
            .map(|node| node.rect())
            .next()
            .unwrap()
    };
    let top = retention(&harness);
    harness.get_by_label("Dark").scroll_to_me();
    harness.run();
    assert_ne!(retention(&harness), top);
    click(&mut harness, "Cancel");
    click(&mut harness, "Settings");
    assert_eq!(retention(&harness), top);
}

/// The browser's detail pane keeps a card's actions (suspend, bury, flag) where they are
/// at every size, however far its points and history are scrolled (scrolled with the
/// rest, they went under the table), and each card opens at the top of its own.
#[test]
fn the_browsers_card_actions_stay_in_view_from_card_to_card() {
    for (size, scale, lang) in every_window() {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, lang);
        let screen = harness.ctx.content_rect();
        let what = format!("{size:?} at {scale} in {lang:?}");
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
        harness.run();
        click_containing(&mut harness, "現在の技術的負債を定量化");
        let actions = [text.suspend, text.bury].map(|label| rect(&harness, label));
        let top_of_detail = rect(&harness, text.own_points_label);
        for place in actions {
            assert!(screen.contains_rect(place), "{what}: {place:?} off screen");
        }
        // Scrolled far down the first card's detail: the actions stay put.
        for _ in 0..20 {
            harness.get_by_label(text.own_points_label).scroll_down();
            harness.run();
        }
        assert_ne!(
            rect(&harness, text.own_points_label),
            top_of_detail,
            "{what}: scrolled"
        );
        assert_eq!(
            [text.suspend, text.bury].map(|label| rect(&harness, label)),
            actions,
            "{what}: the actions moved with the scroll"
        );
        // The next card opens at the top of its detail, its actions where they were.
        click_containing(&mut harness, "マイクロサービスアーキテクチャへの移行");
        assert_eq!(
            rect(&harness, text.own_points_label),
            top_of_detail,
            "{what}: the next card's detail opens scrolled"
        );
        assert_eq!(
            [text.suspend, text.bury].map(|label| rect(&harness, label)),
            actions,
            "{what}"
        );
    }
}

/// Every column of the card browser can be reached at 800×600 with text size 1.6 and at
/// the default 980×760, in both languages: the table scrolls sideways (the last columns
/// were cut off, with no scroll bar).
#[test]
fn every_column_of_the_browser_can_be_scrolled_into_view() {
    for (size, scale) in [(SMALL_SCREEN, 1.6), ([980.0, 760.0], 1.0)] {
        for lang in [Lang::En, Lang::Ja] {
            let text = labels::strings(lang);
            let temp = tempfile::tempdir().unwrap();
            let mut harness = window(&temp, size, scale, lang);
            let screen = harness.ctx.content_rect();
            let what = format!("{size:?} at {scale} in {lang:?}");
            harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
            harness.run();
            click_containing(&mut harness, "現在の技術的負債を定量化");
            // The header's, above the detail pane's Flag menu.
            let header = |harness: &Harness<'_, MensetsuApp>, column: &str| {
                topmost(harness, column).map(|node| node.rect())
            };
            for column in [text.lapses, text.flag, text.tags] {
                if let Some(node) = topmost(&harness, column) {
                    node.scroll_to_me();
                }
                harness.run();
                let place = header(&harness, column).unwrap_or(Rect::NOTHING);
                assert!(
                    screen.contains_rect(place),
                    "{what}: the column {column} at {place:?} cannot be reached"
                );
            }
            // The card's actions stay in view whichever columns are shown.
            for action in [text.suspend, text.bury] {
                assert!(screen.contains_rect(rect(&harness, action)), "{what}");
            }
        }
    }
}

/// A long tooltip (the full title of a deck cut short in the study header) stays inside
/// the window: egui's 500-point tooltips were the whole window at 1.6, and the frame
/// around them ran off its right edge.
#[test]
fn a_long_tooltip_stays_inside_a_small_window() {
    let temp = tempfile::tempdir().unwrap();
    let mut harness = window(&temp, SMALL_SCREEN, 1.6, Lang::En);
    let screen = harness.ctx.content_rect();
    press(&mut harness, &[Key::Enter]);
    let bundled = mensetsu::core::content::deck::DeckSet::load(None);
    let title = bundled
        .decks
        .iter()
        .map(|loaded| loaded.deck.title.get(Lang::En).to_string())
        .find(|title| harness.query_by_value(title).is_some())
        .expect("the study header names the card's deck");
    harness.get_by_value(&title).hover();
    harness.run_steps(6);
    let places: Vec<Rect> = harness
        .query_all_by_value(&title)
        .map(|node| node.rect())
        .collect();
    assert!(places.len() >= 2, "no tooltip shown for {title:?}");
    // The tooltip's frame lies around its text; a tooltip's lines are as wide as
    // `tooltip_width` at most (this title wraps short of it), so that with the frame
    // must fit too.
    let spacing = harness.ctx.global_style().spacing.clone();
    let frame = spacing.menu_margin;
    let widest = spacing.tooltip_width + f32::from(frame.left) + f32::from(frame.right);
    assert!(
        widest <= screen.width(),
        "a tooltip may be {widest} points wide in {screen:?}"
    );
    for place in places {
        assert!(
            place.right() + f32::from(frame.right) <= screen.right()
                && place.left() - f32::from(frame.left) >= screen.left(),
            "{title:?} at {place:?} in {screen:?}"
        );
    }
}

/// At 800×600 with text size 1.6 (500 points across) the deck's name gave 150 points to
/// the question's left, and the question, which a row is read for, ran off the window.
#[test]
fn the_browsers_question_column_starts_near_the_left_on_a_small_screen() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
        harness.run();
        let question = topmost(&harness, text.question).map_or(Rect::NOTHING, |node| node.rect());
        let deck = topmost(&harness, text.deck).map_or(Rect::NOTHING, |node| node.rect());
        assert!(
            deck.left() < question.left()
                && question.left() - screen.left() <= 0.25 * screen.width(),
            "{lang:?}: the question column starts at {question:?} in {screen:?}"
        );
    }
}

/// The story bank's grid shows every role and the "No story yet" row at 1280×900 and at
/// 800×600 with text size 1.6, in both languages (with roles as rows its last columns,
/// the gaps among them, were cut off at 1280 px), and Save story saves with nothing over it.
#[test]
fn the_story_grid_shows_every_role_and_the_gaps_and_save_story_saves() {
    use mensetsu::core::content::role;
    for (size, scale) in [([1280.0, 900.0], 1.0), (SMALL_SCREEN, 1.6)] {
        for lang in [Lang::En, Lang::Ja] {
            let text = labels::strings(lang);
            let temp = tempfile::tempdir().unwrap();
            let mut harness = window(&temp, size, scale, lang);
            let screen = harness.ctx.content_rect();
            let what = format!("{size:?} at {scale} in {lang:?}");
            open_tab(&mut harness, text.stories_tab);
            assert_eq!(harness.state().screen(), Screen::Stories, "{what}");
            // The wheel, as a user would, until the row is in view (on a short screen it
            // starts under the bottom edge).
            for _ in 0..10 {
                if screen.contains_rect(rect(&harness, text.without_story)) {
                    break;
                }
                harness.get_by_label(text.without_story).scroll_down();
                harness.run();
            }
            let gaps = rect(&harness, text.without_story);
            assert!(screen.contains_rect(gaps), "{what}: {gaps:?}");
            for known in ["vpoe", "hoe", "cto"] {
                // A gloss in brackets is shown under the name.
                let name = role::label(known, lang).replacen('（', "\n（", 1);
                let place = harness
                    .query_all_by_label(&name)
                    .map(|node| node.rect())
                    .find(|place| (place.top() - gaps.top()).abs() < 80.0)
                    .unwrap_or_else(|| panic!("{what}: no column {name} above the gaps"));
                assert!(screen.contains_rect(place), "{what}: {name} at {place:?}");
            }

            for _ in 0..10 {
                if screen.contains_rect(rect(&harness, text.new_story)) {
                    break;
                }
                harness.get_by_label(text.new_story).scroll_up();
                harness.run();
            }
            click(&mut harness, text.new_story);
            // The title takes the keyboard as the form opens.
            assert!(
                harness.get_by_label(text.story_title).is_focused(),
                "{what}: the title is not focused"
            );
            harness
                .get_by_label(text.story_title)
                .type_text("Scaling the platform team");
            harness.run();
            harness.get_by_label(text.save_story).scroll_to_me();
            harness.run();
            let save = rect(&harness, text.save_story);
            assert!(screen.contains_rect(save), "{what}: {save:?}");
            harness.get_by_label(text.save_story).click();
            harness.run();
            assert_eq!(harness.state().collection().stories().len(), 1, "{what}");
        }
    }
}

/// A page's right-aligned button stays clear of the scroll bar, which floats over the
/// content at the window's edge ("New story…" sat under it at 800×600 with text size 1.6).
#[test]
fn right_aligned_buttons_stay_clear_of_the_scroll_bar() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        let bar = harness.ctx.global_style().spacing.scroll.bar_width;
        open_tab(&mut harness, text.stories_tab);
        let button = rect(&harness, text.new_story);
        // The page's scroll area, and its bar, end a panel margin (8 points) inside the
        // window.
        assert!(
            button.right() + bar + 8.0 <= screen.right(),
            "{lang:?}: {} at {button:?} in {screen:?}",
            text.new_story
        );
    }
}

/// Every card of the Settings page, with its labels and fields, stays clear of the
/// scroll bar in an 800×600 window at text size 1.6, the whole page scrolled through:
/// the grids of unwrapped names and fields were wider than a column with gutters, so the
/// page once took the whole width and its scroll bar lay over the cards' right edge.
#[test]
fn the_settings_page_stays_clear_of_the_scroll_bar_in_a_small_window() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        let bar = harness.ctx.global_style().spacing.scroll.bar_width;
        open_tab(&mut harness, text.settings);
        let below_tabs = rect(&harness, text.settings_study).top();
        let seen = std::cell::Cell::new(0);
        let page_before = std::cell::Cell::new(f32::NAN);
        // Down the page until it stops moving, every widget in view checked at each turn.
        wheel_down_until(&mut harness, |harness| {
            let mut page = 0.0;
            let framed = By::new().predicate(|node| node.bounding_box().is_some());
            for node in harness.query_all(framed) {
                let place = node.rect();
                // The page's panels and scroll area span the window.
                if place.top() < below_tabs || place.width() >= screen.width() - 2.0 * bar {
                    continue;
                }
                let name = node.accesskit_node().label().unwrap_or_default();
                // Inside its card, whose frame lies 18 points around it.
                assert!(
                    place.right() + 18.0 + bar + 8.0 <= screen.right(),
                    "{lang:?}: {name:?} at {place:?} in {screen:?}"
                );
                seen.set(seen.get() + 1);
                page += place.top();
            }
            let stopped = page == page_before.get();
            page_before.set(page);
            stopped
        });
        let seen = seen.get();
        assert!(seen > 20, "{lang:?}: only {seen} widgets seen");
        // The learning steps' field has the whole of its card's width to the right.
        let field = rect(&harness, text.learning_steps);
        assert!(field.width() > 60.0, "{lang:?}: {field:?}");
    }
}

/// Tab through the story form at 800×600 with text size 1.6: the view follows the
/// keyboard to each field (from the third field on, the focus went below the window and
/// the page stayed where it was).
#[test]
fn tab_through_the_story_form_keeps_the_focused_field_in_view() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        open_tab(&mut harness, text.stories_tab);
        click(&mut harness, text.new_story);
        assert!(harness.get_by_label(text.story_title).is_focused());
        for step in 1..=12 {
            harness.key_press(Key::Tab);
            harness.run();
            let focused = harness
                .query_all(By::new().predicate(|node| node.is_focused()))
                .map(|node| node.rect())
                .next();
            let place = focused.unwrap_or(Rect::NOTHING);
            assert!(
                place.top() >= screen.top() && place.top() + 8.0 <= screen.bottom(),
                "{lang:?}: after {step} Tabs the focused field is at {place:?} in {screen:?}"
            );
        }
    }
}

/// The deck editor keeps room for the card's fields at 800×600, whatever the length of
/// the questions in its list (a long one widened the list until the fields were a sliver).
#[test]
fn the_editor_list_leaves_room_for_the_card() {
    for (size, scale) in [([800.0, 600.0], 1.0), (SMALL_SCREEN, 1.6)] {
        let temp = tempfile::tempdir().unwrap();
        let long = "How would you grow the engineering organization from thirty to one hundred people while keeping delivery steady?";
        write_my_deck(
            &temp,
            &format!(
                r#"{{"id":"mine","title":{{"en":"Mine"}},"cards":[{{"id":"mine-q01","question":{{"en":"{long}"}}}}]}}"#
            ),
        );
        let mut harness = window(&temp, size, scale, Lang::En);
        let screen = harness.ctx.content_rect();
        wheel_down_to(&mut harness, "Edit — Mine");
        click(&mut harness, "Edit — Mine");
        let field = rect(&harness, "Question (English)");
        assert!(
            field.width() >= screen.width() * 0.45,
            "{size:?} at {scale}: the question field is {field:?} in {screen:?}"
        );
        // The list shows the question itself, not only "…" beside arrows.
        let entry = harness
            .query_all_by_label(long)
            .map(|node| node.rect())
            .min_by(|a, b| a.left().total_cmp(&b.left()))
            .unwrap_or_else(|| panic!("{size:?} at {scale}: no entry in the list"));
        assert!(
            entry.right() < field.left() && entry.width() >= screen.width() * 0.25,
            "{size:?} at {scale}: the list's entry is {entry:?}, the field {field:?}"
        );
    }
}

/// A deck begun empty keeps a list wide enough to tell its cards apart: the list took the
/// width of its one button, "Add card", and kept it, so every question added was cut to
/// "How w…".
#[test]
fn the_editor_list_of_a_deck_begun_empty_grows_with_its_cards() {
    let temp = tempfile::tempdir().unwrap();
    write_my_deck(&temp, r#"{"id":"mine","title":{"en":"Mine"},"cards":[]}"#);
    let mut harness = window(&temp, [800.0, 600.0], 1.0, Lang::En);
    let screen = harness.ctx.content_rect();
    wheel_down_to(&mut harness, "Edit — Mine");
    click(&mut harness, "Edit — Mine");
    click(&mut harness, "Add card");
    let question = "How would you decide build vs buy?";
    click(&mut harness, "Question (English)");
    harness
        .get_by_label("Question (English)")
        .type_text(question);
    harness.run();
    let entry = harness
        .query_all_by_label(question)
        .map(|node| node.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the question in the list");
    assert!(
        entry.width() >= screen.width() * 0.25,
        "the list's entry is {entry:?} in {screen:?}"
    );
}

/// Delete card asks first, and the question comes into view: at 800×600 it opened under
/// the window's edge, and the card seemed not to react.
#[test]
fn the_editors_delete_question_comes_into_view() {
    for (size, scale) in [([800.0, 600.0], 1.0), (SMALL_SCREEN, 1.6)] {
        let temp = tempfile::tempdir().unwrap();
        write_my_deck(
            &temp,
            r#"{"id":"mine","title":{"en":"Mine"},"cards":[{"id":"mine-q01","question":{"en":"Why us?"},"points":[{"en":"One"},{"en":"Two"},{"en":"Three"},{"en":"Four"}]}]}"#,
        );
        let mut harness = window(&temp, size, scale, Lang::En);
        let screen = harness.ctx.content_rect();
        wheel_down_to(&mut harness, "Edit — Mine");
        click(&mut harness, "Edit — Mine");
        harness.get_by_label("Delete card").scroll_to_me();
        harness.run();
        click(&mut harness, "Delete card");
        harness.run();
        let cancel = rect(&harness, "Cancel");
        assert!(
            screen.contains_rect(cancel),
            "{size:?} at {scale}: Cancel at {cancel:?} in {screen:?}"
        );
    }
}

/// The editor's heading is cut short before the buttons beside it: at 800×600 with text
/// size 1.6 in Japanese it was drawn over Save, and a click on Save did nothing.
#[test]
fn the_editor_heading_leaves_its_buttons_clear() {
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        write_my_deck(
            &temp,
            r#"{"id":"mine","title":{"en":"Mine","ja":"Mine"},"cards":[{"id":"mine-q01","question":{"en":"Why?"}}]}"#,
        );
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let edit = format!("{} — Mine", text.edit);
        wheel_down_to(&mut harness, &edit);
        click(&mut harness, &edit);
        let heading = rect(&harness, text.edit_deck);
        let named = [
            (text.edit_deck, heading),
            (text.save, rect(&harness, text.save)),
            (text.reload, rect(&harness, text.reload)),
            (text.delete_deck, rect(&harness, text.delete_deck)),
            (text.close, rect(&harness, text.close)),
        ];
        assert_apart(&named, &format!("{lang:?}: the editor's header"));
    }
}

/// Turns the wheel over the middle of the window until a widget labelled `label` is laid
/// out: the decks screen lays out only the decks in view.
fn wheel_down_to(harness: &mut Harness<'_, MensetsuApp>, label: &str) {
    wheel_down_until(harness, |harness| harness.query_by_label(label).is_some());
}

/// Turns the wheel down over the middle of the window, as a user would, until `done`.
fn wheel_down_until(
    harness: &mut Harness<'_, MensetsuApp>,
    done: impl Fn(&Harness<'_, MensetsuApp>) -> bool,
) {
    let middle = harness.ctx.content_rect().center();
    for _ in 0..60 {
        if done(harness) {
            return;
        }
        harness.event(egui::Event::PointerMoved(middle));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -3.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // The pointer over a widget brings its tooltip, which settles later.
        harness.run_steps(10);
    }
}

/// Scrolls with the wheel, as a user would, until the widget labelled `label` (or the
/// first whose label contains it) is inside `screen`; its place then.
fn wheel_into_view(harness: &mut Harness<'_, MensetsuApp>, screen: Rect, label: &str) -> Rect {
    let find = |harness: &Harness<'_, MensetsuApp>| match harness.query_by_label(label) {
        Some(exact) => exact.rect(),
        None => harness.get_by_label_contains(label).rect(),
    };
    for _ in 0..20 {
        let place = find(harness);
        if screen.contains_rect(place) {
            return place;
        }
        let node = match harness.query_by_label(label) {
            Some(exact) => exact,
            None => harness.get_by_label_contains(label),
        };
        if place.top() < screen.top() {
            node.scroll_up();
        } else {
            node.scroll_down();
        }
        harness.run();
    }
    find(harness)
}

/// At 800×600 with text size 1.6 the mock interview's setup and question scroll as a
/// page: Start, Next question and Quit were under the window's edge, out of the mouse's
/// reach.
#[test]
fn the_mock_interviews_buttons_can_be_reached_on_a_small_screen() {
    use mensetsu::ui::mock_screen::MockState;
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        open_tab(&mut harness, text.mock_interview);
        assert_eq!(harness.state().screen(), Screen::Mock, "{lang:?}");
        for label in [text.start_mock, text.next_question, text.quit_mock] {
            let place = wheel_into_view(&mut harness, screen, label);
            assert!(
                screen.contains_rect(place),
                "{lang:?}: {label} at {place:?}"
            );
            if label != text.quit_mock {
                click_containing(&mut harness, label);
            }
            if label != text.quit_mock {
                // The question opens at the top of its page with its number and timer,
                // not where the last was scrolled to (down at its buttons), nor scrolled
                // down to the answer box taking the keyboard.
                let number = if label == text.start_mock { 1 } else { 2 };
                let number = format!("{} {number}/", text.question);
                let place = harness
                    .query_all_by_label_contains(&number)
                    .map(|node| node.rect())
                    .next()
                    .unwrap_or_else(|| panic!("{lang:?}: {number} not in view"));
                assert!(
                    screen.contains_rect(place),
                    "{lang:?}: {number} at {place:?}"
                );
            }
        }
        let MockState::Answering { index, .. } = harness.state().mock_state() else {
            panic!("{lang:?}: the interview goes on");
        };
        assert_eq!(*index, 1, "{lang:?}: Next question moved on");
        // Quit asks first, in view (its question opened under the window's edge).
        click_containing(&mut harness, text.quit_mock);
        harness.run();
        for label in [text.discard_answers, text.keep_going] {
            let place = rect(&harness, label);
            assert!(
                screen.contains_rect(place),
                "{lang:?}: {label} at {place:?}"
            );
        }
    }
}

/// The interview form's roles and decks are one under another: at 800×600 with text size
/// 1.6 in Japanese a wrapped row of roles was drawn over the first deck. The form is
/// scrolled through with the wheel; what is in view is checked at each step.
#[test]
fn the_interview_forms_choices_are_drawn_apart() {
    for (size, scale, lang) in every_window() {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, lang);
        let screen = harness.ctx.content_rect();
        wheel_into_view(&mut harness, screen, text.add_interview);
        click(&mut harness, text.add_interview);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..12 {
            let boxes: Vec<(String, Rect)> = harness
                .query_all_by_role(egui::accesskit::Role::CheckBox)
                .map(|node| {
                    let label = node.accesskit_node().label().unwrap_or_default();
                    (label.to_string(), node.rect())
                })
                .collect();
            let named: Vec<(&str, Rect)> = boxes
                .iter()
                .map(|(label, place)| (label.as_str(), *place))
                .collect();
            assert_apart(&named, &format!("{size:?} at {scale} in {lang:?}"));
            let last = boxes.last().map(|(label, _)| label.clone());
            seen.extend(boxes.into_iter().map(|(label, _)| label));
            match last {
                Some(label) => harness.get_by_label(&label).scroll_down(),
                None => harness.get_by_label(text.interview_name).scroll_down(),
            }
            harness.run();
        }
        // The three roles, the fundamentals and the bundled decks were all seen.
        assert!(seen.len() >= 8, "{lang:?}: {seen:?}");
    }
}

/// Opening Import keeps the decks screen inside the window: at 800×600 with text size
/// 1.6 its row of file, path and Preview widened the whole screen, and Preview and every
/// deck's Study were cut in half at the right edge.
#[test]
fn the_import_panel_keeps_the_decks_screen_inside_the_window() {
    for (size, scale, lang) in every_window() {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, lang);
        let screen = harness.ctx.content_rect();
        let what = format!("{size:?} at {scale} in {lang:?}");
        wheel_into_view(&mut harness, screen, text.import_button);
        click(&mut harness, text.import_button);
        let preview = wheel_into_view(&mut harness, screen, text.preview);
        assert!(screen.contains_rect(preview), "{what}: {preview:?}");
        // Down to the decks, the wheel over the middle of the window.
        let study = format!("{} — ", text.study);
        wheel_down_until(&mut harness, |harness| {
            harness
                .query_all_by_label_contains(&study)
                .next()
                .is_some_and(|node| screen.contains_rect(node.rect()))
        });
        let place = harness
            .query_all_by_label_contains(&study)
            .map(|node| node.rect())
            .next()
            .unwrap_or_else(|| panic!("{what}: no deck's Study in view"));
        assert!(screen.contains_rect(place), "{what}: Study at {place:?}");
    }
}

/// Deck titles in the list are readable at large text: at 800×560 with text size 1.6 the
/// room beside the counts held "HoE …" and "CTO …", with the whole row's width to spare.
#[test]
fn deck_titles_keep_room_to_be_read() {
    let title = "Engineering leadership interviews at a fast-growing startup";
    for lang in [Lang::En, Lang::Ja] {
        let text = labels::strings(lang);
        let temp = tempfile::tempdir().unwrap();
        write_my_deck(
            &temp,
            &format!(
                r#"{{"id":"mine","title":{{"en":"{title}"}},"cards":[{{"id":"mine-q01","question":{{"en":"Why?"}}}}]}}"#
            ),
        );
        let mut harness = window(&temp, SMALL_SCREEN, 1.6, lang);
        let screen = harness.ctx.content_rect();
        let bundled = mensetsu::core::content::deck::DeckSet::load(None);
        let mut titles: Vec<String> = bundled
            .decks
            .iter()
            .map(|loaded| loaded.deck.title.get(lang).to_string())
            .collect();
        titles.push(title.to_string());
        for shown in &titles {
            wheel_down_to(&mut harness, &format!("{} — {shown}", text.study));
            let place = harness
                .query_all_by_value(shown)
                .map(|node| node.rect())
                .next()
                .unwrap_or_else(|| panic!("{lang:?}: {shown:?} is not in the list"));
            assert!(
                place.width() >= 0.45 * screen.width(),
                "{lang:?}: {shown:?} is given {place:?} in {screen:?}"
            );
        }
    }
}

/// The statistics' tables show every count beside the names in an 800×600 window, at
/// text size 1.6 too: long deck titles pushed "Due today" and "Mastered" out of sight,
/// behind a sideways scroll.
#[test]
fn the_statistics_tables_show_their_counts_beside_long_names() {
    for (size, scale) in [
        ([800.0, 600.0], 1.0),
        ([1920.0, 1080.0], 0.75),
        (SMALL_SCREEN, 1.6),
    ] {
        let temp = tempfile::tempdir().unwrap();
        let mut harness = window(&temp, size, scale, Lang::En);
        // The tables sit in cards: a count past the card's inner edge is cut by it.
        let screen = harness.ctx.content_rect().shrink2(egui::vec2(20.0, 0.0));
        click(&mut harness, "Statistics");
        let bundled = mensetsu::core::content::deck::DeckSet::load(None);
        for loaded in &bundled.decks {
            let cell = format!("{} — Mastered: ", loaded.deck.title.get(Lang::En));
            wheel_down_until(&mut harness, |harness| {
                harness
                    .query_by_label_contains(&cell)
                    .is_some_and(|node| screen.contains_rect(node.rect()))
            });
            let place = harness
                .query_by_label_contains(&cell)
                .map(|node| node.rect())
                .unwrap_or_else(|| panic!("{size:?}: {cell:?} is out of sight"));
            assert!(
                screen.contains_rect(place),
                "{size:?}: {cell:?} at {place:?}"
            );
        }
    }
}
