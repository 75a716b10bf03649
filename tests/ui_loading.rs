//! The window is drawn while the data folder loads on another thread (the loading screen,
//! with the user's language), and the app takes over once loading ends.

use chrono::{DateTime, FixedOffset};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mensetsu::core::collection::{AnswerDetails, Collection};
use mensetsu::core::content::deck::Lang;
use mensetsu::core::load_progress::{LoadProgress, LoadStage};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::scheduler::Rating;
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::ui::loading_screen::Loaded;
use mensetsu::ui::{Clock, Launch, MensetsuApp};
use std::time::{Duration, Instant};

struct FixedClock(DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A data folder whose log holds three answers.
fn data_folder(settings: &Settings) -> (tempfile::TempDir, DataDir) {
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    settings::save(&dir.settings_file(), settings).unwrap();
    let mut store = Store::open(dir.clone(), "pc").unwrap();
    let mut collection = IndexedCollection::from(Collection::load(dir.clone(), "t"));
    for (card, time) in [
        ("vpoe-q01", "2026-11-20T09:00:00+09:00"),
        ("vpoe-q02", "2026-11-20T09:01:00+09:00"),
        ("vpoe-q01", "2026-11-20T09:12:00+09:00"),
    ] {
        collection
            .record_answer(
                &mut store,
                card,
                Rating::Good,
                at(time),
                AnswerDetails::default(),
            )
            .unwrap();
    }
    (temp, dir)
}

#[test]
fn load_reporting_ends_done_with_every_answer_replayed() {
    let (_temp, dir) = data_folder(&Settings::default());
    let progress = LoadProgress::default();
    let now = at("2026-11-22T09:00:00+09:00");
    let collection = Collection::load_reporting(dir, now, true, &progress);
    assert_eq!(collection.review_count(), 3);
    assert_eq!(progress.stage(), LoadStage::Done);
    assert_eq!(progress.replayed(), (3, 3));
}

#[test]
fn the_window_shows_loading_until_the_data_folder_is_loaded_then_the_decks() {
    let english = Settings {
        ui_language: Some(Lang::En),
        ..Settings::default()
    };
    let (_temp, dir) = data_folder(&english);
    let now = at("2026-11-22T09:00:00+09:00");
    // Loading waits until the test has seen the loading screen.
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let load = move |progress: &LoadProgress| {
        wait.recv().ok();
        Loaded {
            collection: Collection::load_reporting(dir.clone(), now, false, progress).into(),
            store: Store::open(dir, "pc"),
        }
    };
    let launch = Launch::start(load, Box::new(FixedClock(now)), Lang::Ja, &english).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .with_context_setup(MensetsuApp::install_fonts)
        .build_ui_state(|ui, launch: &mut Launch| launch.show(ui), launch);
    harness.step();
    // The settings' language, not the system's (Japanese here).
    harness.get_by_label("Loading your study history…");
    assert!(!harness.state().is_loaded());

    release.send(()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !harness.state().is_loaded() {
        assert!(Instant::now() < deadline, "loading never ended");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    assert!(
        harness
            .query_by_label("Loading your study history…")
            .is_none()
    );
    // The decks screen, in the settings' language.
    assert!(
        harness
            .query_all_by_label_contains("VPoE interview")
            .next()
            .is_some()
    );
}
