//! What the app does when an answer cannot be written, with a real failed write: the
//! process's file-size limit (RLIMIT_FSIZE) is lowered so the append to the review log
//! fails with EFBIG, as on a full disk. The limit holds for the whole process, so this
//! file has one test, alone in its own test binary.

#![cfg(target_os = "linux")]

mod common;
use common::{click_containing, press};

use chrono::{DateTime, FixedOffset};
use egui::Key;
use egui_kittest::kittest::Queryable;
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::store::{Store, read_all_logs};
use mensetsu::core::settings::{self, ContentLanguage, Settings};
use mensetsu::ui::{Clock, MensetsuApp, Screen};

struct FixedClock(DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

/// Sets the soft limit on the size of files this process writes.
fn limit_file_size(bytes: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls on a stack value; no pointers are kept.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_FSIZE, &mut limit), 0);
        limit.rlim_cur = bytes.min(limit.rlim_max);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
}

#[test]
fn a_failed_answer_write_keeps_the_card_on_screen_and_says_so() {
    // Past the limit the kernel sends SIGXFSZ, which would end the process; ignored, the
    // write just fails.
    // SAFETY: setting a signal to be ignored, before any other thread writes files.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(temp.path());
    let english = Settings {
        ui_language: Some(Lang::En),
        content_language: Some(ContentLanguage::Ja),
        ..Settings::default()
    };
    settings::save(&dir.settings_file(), &english).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap();
    let collection = Collection::load_at(dir.clone(), now);
    let store = Store::open(dir.clone(), "pc");
    let app = MensetsuApp::new(collection, store, Box::new(FixedClock(now)), Lang::En);
    let mut harness = common::harness(app);
    click_containing(&mut harness, "Study — VPoE interview");
    // The answer box has the keyboard when a card appears: Esc leaves it for the keys
    // that reveal and grade.
    press(&mut harness, &[Key::Escape, Key::Space]);

    limit_file_size(0);
    press(&mut harness, &[Key::Num3]);
    limit_file_size(u64::MAX);

    // The answer is not on disk, so nothing moved on: the same card, revealed, with the
    // reason in the banner.
    harness.get_by_label_contains("Could not save");
    harness.get_by_label_contains("File too large");
    assert!(matches!(harness.state().screen(), Screen::Review));
    let session = harness.state().review_session().unwrap();
    let card = session.card.as_ref().unwrap();
    assert_eq!(card.card_id, "vpoe-q01");
    assert!(card.revealed);
    assert!(session.answered.is_empty());
    assert!(read_all_logs(&dir.reviews_dir()).is_empty());

    // Once writing works again, the same key saves the answer.
    press(&mut harness, &[Key::Num3]);
    let records = read_all_logs(&dir.reviews_dir()).records();
    assert_eq!(records.len(), 1);
    assert_eq!(harness.state().review_session().unwrap().answered.len(), 1);
}
