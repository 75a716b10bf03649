//! The app as the UI tests drive it: a data folder of its own, a clock the test moves by
//! hand, the window at the size the tests were written for; the `mensetsu` binary as the
//! command-line tests run it (`cli`); the real review log (`real_log`). Each test file uses
//! a part.
#![allow(dead_code)]

pub mod cli;
pub mod real_log;

use chrono::{DateTime, Duration, FixedOffset};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Record;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::ui::{Clock, MensetsuApp};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A clock the test moves by hand, shared with the app.
#[derive(Clone)]
pub struct ManualClock(pub Rc<Cell<DateTime<FixedOffset>>>);

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0.get()
    }
}

pub struct Fixture {
    pub _temp: tempfile::TempDir,
    pub dir: DataDir,
    pub clock: ManualClock,
}

/// A data folder with `settings`, the clock at 2026-11-22 09:00 in Tokyo.
pub fn fixture(settings: &Settings) -> Fixture {
    fixture_at(settings, "2026-11-22T09:00:00+09:00")
}

/// A data folder with `settings`, the clock at `start` (RFC 3339).
pub fn fixture_at(settings: &Settings, start: &str) -> Fixture {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    settings::save(&dir.settings_file(), settings).unwrap();
    let start = DateTime::parse_from_rfc3339(start).unwrap();
    Fixture {
        _temp: temp,
        dir,
        clock: ManualClock(Rc::new(Cell::new(start))),
    }
}

/// The English interface with the cards in Japanese, as these tests were written for.
pub fn english() -> Settings {
    Settings {
        ui_language: Some(Lang::En),
        content_language: Some(settings::ContentLanguage::Ja),
        ..Settings::default()
    }
}

/// The app on the fixture's folder, as the window that owns it.
pub fn app(fixture: &Fixture) -> MensetsuApp {
    let collection = Collection::load(fixture.dir.clone(), "test");
    let store = Store::open(fixture.dir.clone(), "test");
    MensetsuApp::new(collection, store, Box::new(fixture.clock.clone()), Lang::En)
}

pub fn harness(app: MensetsuApp) -> Harness<'static, MensetsuApp> {
    // kittest makes a missing glyph panic, so every frame drawn here also checks that the
    // bundled font covers what is on screen.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 900.0))
        .with_context_setup(MensetsuApp::install_fonts)
        .build_ui_state(|ui, app: &mut MensetsuApp| app.show(ui), app);
    harness.run();
    harness
}

/// Every file under `root` with its bytes, to show that nothing changed.
pub fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Every record of the folder's logs, merged.
pub fn log_records(dir: &DataDir) -> Vec<Record> {
    mensetsu::core::review::store::read_all_logs(&dir.reviews_dir())
        .records()
        .into_iter()
        .map(|logged| logged.record)
        .collect()
}

/// Presses each key in turn, with a frame after each, as a user types them.
pub fn press<State>(harness: &mut Harness<'_, State>, keys: &[egui::Key]) {
    for key in keys {
        harness.key_press(*key);
        harness.run();
    }
}

/// Clicks the widget labelled `label` and lets the app draw what follows.
pub fn click<State>(harness: &mut Harness<'_, State>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the widget whose label contains `part` and lets the app draw what follows.
pub fn click_containing<State>(harness: &mut Harness<'_, State>, part: &str) {
    harness.get_by_label_contains(part).click();
    harness.run();
}

/// Clicks into the text box labelled `label`, as a user must before typing, and types.
pub fn type_into<State>(harness: &mut Harness<'_, State>, label: &str, text: &str) {
    click(harness, label);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Scrolls the decks screen down until the widget labelled `label` is laid out: the
/// screen lays out only the decks in view.
pub fn scroll_decks_to<State>(harness: &mut Harness<'_, State>, label: &str) {
    for _ in 0..200 {
        if harness.query_by_label(label).is_some() {
            return;
        }
        let Some(last) = harness.query_all_by_label_contains("Study — ").last() else {
            panic!("no deck on screen to scroll from");
        };
        last.scroll_down();
        harness.run();
    }
    panic!("{label} not reached after 200 scrolls");
}

/// Writes `count` user decks `d000`, `d001`, … ("Deck 000", …) of one card each.
pub fn write_one_card_decks(dir: &DataDir, count: usize) {
    std::fs::create_dir_all(dir.decks_dir()).unwrap();
    for number in 0..count {
        std::fs::write(
            dir.decks_dir().join(format!("d{number:03}.json")),
            format!(
                r#"{{"id":"d{number:03}","title":{{"en":"Deck {number:03}"}},"cards":[{{"id":"d{number:03}-1","question":{{"en":"q?"}}}}]}}"#
            ),
        )
        .unwrap();
    }
}

/// Scrolls the widget labelled `label` into view and clicks it.
pub fn scroll_to_and_click<State>(harness: &mut Harness<'_, State>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    click(harness, label);
}

/// The id of the card the study session shows.
pub fn shown_card(harness: &Harness<'_, MensetsuApp>) -> String {
    let session = harness.state().review_session().expect("a study session");
    session
        .card
        .as_ref()
        .expect("a card on screen")
        .card_id
        .clone()
}

/// A fresh English app whose study session of the deck labelled `deck` (a part of its
/// "Study — …" button) is open.
pub fn studying(deck: &str) -> (Fixture, Harness<'static, MensetsuApp>) {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, &format!("Study — {deck}"));
    (fixture, harness)
}

/// Asserts that the answer point whose label contains `point` came ticked at the reveal
/// and is marked as found in the draft.
pub fn assert_ticked_from_draft(harness: &Harness<'_, MensetsuApp>, point: &str) {
    let node = harness.get_by_label_contains(point);
    let node = node.accesskit_node();
    assert_eq!(
        node.toggled(),
        Some(egui::accesskit::Toggled::True),
        "{point}"
    );
    let label = node.label().unwrap_or_default();
    assert!(label.contains("in your draft"), "{point}: {label}");
}

/// Lets `time` pass on the app's clock and draws a frame, as the window would.
pub fn wait<State>(harness: &mut Harness<'_, State>, clock: &ManualClock, time: Duration) {
    clock.advance(time);
    harness.run();
}

/// A fresh English app with a mock interview started on its first question.
pub fn in_a_mock_interview() -> (Fixture, Harness<'static, MensetsuApp>) {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Mock interview");
    click(&mut harness, "Start the mock interview");
    (fixture, harness)
}
