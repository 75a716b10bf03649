//! Answering aloud in the study screen, with egui_kittest: V and Shift+V typed into the
//! answer box are text and record nothing; the Record button records (from a fake
//! source, the espeak-ng fixture played in real time, as `MENSETSU_FAKE_SOURCE` makes
//! every recording do), the time against the target shows while it records, Stop
//! measures the take beside the delivery line, V plays it back after the reveal (on a
//! real server where one runs), the grade logs it with its recording, which is in
//! `recordings/`, and the card's history shows its figures. Without a microphone, or
//! with a recording's file gone, the reason is where the buttons are and the rest of the
//! screen works.
//!
//! The same in a mock interview: the first answer recorded, its figures and a Play
//! button in the review, and `spoken` logged with that answer alone.
//!
//! One test in the file: the fake source is chosen by an environment variable, which
//! this process sets while no other thread reads it.

mod common;

use common::{click_containing, press, studying};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use mensetsu::core::review::log::Record;
use mensetsu::core::speech::{recordings, wav};
use std::path::Path;
use std::time::Duration;

#[test]
fn an_answer_recorded_by_button_is_measured_and_logged_with_its_recording() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/speech/en-fast.wav");
    // SAFETY: the only test of this binary sets the variable before it starts anything
    // that reads the environment (no window, no recording thread yet).
    unsafe { std::env::set_var("MENSETSU_FAKE_SOURCE", &source) };
    let (fixture, mut harness) = studying("VPoE interview");

    // The answer box has the keyboard: V and Shift+V are letters of the draft.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.key_press(Key::V);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("■ Stop recording")
            .is_none()
    );
    assert!(!fixture.dir.recordings_dir().exists());

    click_containing(&mut harness, "● Record");
    harness.get_by_label_contains("■ Stop recording");
    // Beside the timer too, in sight however far the card is scrolled.
    harness.get_by_label("● REC");
    // A second and a half of speech, in real time: the recording runs on its own thread.
    for _ in 0..15 {
        std::thread::sleep(Duration::from_millis(100));
        harness.run();
    }
    // The time recorded against the answer target (two minutes by default).
    harness.get_by_label_contains("0:01 / 2:00");
    click_containing(&mut harness, "■ Stop recording");
    harness.get_by_label_contains("Spoken: 0:0");
    // The cards are in Japanese here, so the answer is measured in morae.
    harness.get_by_label_contains("morae/s");

    // Out of the answer box, Space reveals; then the take can be played back (V), on the
    // sound server's default output where there is one (.ci/run starts one).
    press(&mut harness, &[Key::Escape, Key::Space]);
    harness.get_by_label_contains("▶ Play the recording (V)");
    press(&mut harness, &[Key::V]);
    let server = mensetsu::audio::pulse::socket_candidates()
        .iter()
        .any(|path| std::os::unix::net::UnixStream::connect(path).is_ok());
    if server {
        // V pauses and goes on from there; Replay starts again; a click on the waveform
        // plays from where it was clicked (its middle: half the take in).
        harness.get_by_label_contains("‖ Pause (V)");
        press(&mut harness, &[Key::V]);
        harness.get_by_label_contains("▶ Resume (V)");
        click_containing(&mut harness, "◀◀ Replay");
        harness.get_by_label_contains("‖ Pause (V)");
        let take = harness
            .state()
            .review_session()
            .and_then(|session| session.card.as_ref())
            .and_then(|card| card.take.clone())
            .expect("the card has its take");
        let duration = wav::read(&take.path).unwrap().duration_s();
        harness.get_by_label("Waveform of the recording").click();
        harness.run();
        let at = harness
            .state()
            .review_microphone()
            .playing_at(&take.id)
            .expect("playing after the click");
        assert!(
            (at - duration / 2.0).abs() < 0.25,
            "{at} s into a {duration} s take"
        );
        press(&mut harness, &[Key::V]);
        harness.get_by_label_contains("▶ Resume (V)");
    } else {
        assert!(
            std::env::var("MENSETSU_REQUIRE_PULSE").is_err(),
            "MENSETSU_REQUIRE_PULSE=1 but no PulseAudio server answers"
        );
        harness.get_by_label_contains("Cannot play: no sound server");
    }
    // 1 grades Again, so the card comes back a minute later with this answer in its
    // history.
    press(&mut harness, &[Key::Num1]);
    let reviews: Vec<_> = common::log_records(&fixture.dir)
        .into_iter()
        .filter_map(|record| match record {
            Record::Review(review) => Some(review),
            _ => None,
        })
        .collect();
    assert_eq!(reviews.len(), 1);
    let spoken = reviews[0]
        .spoken
        .clone()
        .expect("the answer names its recording");
    assert_eq!(spoken.unit, "morae/s");
    assert!(spoken.speech_ms > 0, "{spoken:?}");
    let path = recordings::path(&fixture.dir, &spoken.recording).unwrap();
    let audio = wav::read(&path).unwrap();
    assert_eq!(audio.sample_rate, 16_000);
    assert!(audio.duration_s() >= 1.4, "{}", audio.duration_s());

    // The next card, from the keyboard: out of the answer box, Shift+V records and stops.
    press(&mut harness, &[Key::Escape]);
    harness.get_by_label_contains("● Record (Shift+V)");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("■ Stop recording (Shift+V)");
    std::thread::sleep(Duration::from_millis(500));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("Spoken: 0:0");

    // A microphone that cannot be opened: the reason where the button is, and the card
    // goes on as before.
    let missing = fixture.dir.root().join("no-such-microphone.wav");
    // SAFETY: as above; no recording thread runs now.
    unsafe { std::env::set_var("MENSETSU_FAKE_SOURCE", &missing) };
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("Cannot record: ");
    harness.get_by_label_contains("● Record (Shift+V)");
    // This card's take, its file gone (deleted by hand, not yet synced): playing it says
    // why, and the card is graded as before.
    let take = harness
        .state()
        .review_session()
        .and_then(|session| session.card.as_ref())
        .and_then(|card| card.take.clone())
        .expect("the second card has its take");
    std::fs::remove_file(&take.path).unwrap();
    press(&mut harness, &[Key::Space, Key::V]);
    // Said under the take's own Play button (the microphone's problem stays by Record).
    let unplayable = harness.get_by_label_contains("Cannot play: ");
    let unplayable = unplayable.accesskit_node();
    let unplayable = unplayable
        .label()
        .or_else(|| unplayable.value())
        .unwrap_or_default();
    assert!(unplayable.contains("cannot read it"), "{unplayable}");
    press(&mut harness, &[Key::Num3]);
    let answers = common::log_records(&fixture.dir)
        .into_iter()
        .filter(|record| matches!(record, Record::Review(_)))
        .count();
    assert_eq!(answers, 2);

    // The first card again, two minutes on: its history names the answer given aloud.
    fixture.clock.advance(chrono::Duration::minutes(2));
    click_containing(&mut harness, "Back to decks");
    common::click(&mut harness, "Back to decks");
    click_containing(&mut harness, "Study — VPoE interview");
    press(&mut harness, &[Key::Escape, Key::Space]);
    common::click(&mut harness, "History (1)");
    harness.get_by_label_contains("spoken 0:0");
    // Its recording can be listened to and deleted from the history; deleting asks first
    // and leaves the answer in the log.
    harness.get_by_label("▶ Listen");
    let first = reviews[0].spoken.clone().unwrap().recording;
    let first_path = recordings::path(&fixture.dir, &first).unwrap();
    assert!(first_path.exists());
    click_containing(&mut harness, "Delete recording…");
    harness.get_by_label("Delete the recording?");
    common::click(&mut harness, "Keep it");
    assert!(first_path.exists());
    click_containing(&mut harness, "Delete recording…");
    common::click(&mut harness, "Delete it");
    assert!(!first_path.exists());
    harness.get_by_label_contains("recording not here (deleted, or not yet synced)");
    harness.get_by_label_contains("spoken 0:0");
    assert_eq!(
        common::log_records(&fixture.dir)
            .into_iter()
            .filter(|record| matches!(record, Record::Review(_)))
            .count(),
        2
    );

    // A mock interview: the first question answered aloud, the rest skipped; the review
    // shows the take with its figures and a Play button, and saving logs it.
    // SAFETY: as above; no recording thread runs now.
    unsafe { std::env::set_var("MENSETSU_FAKE_SOURCE", &source) };
    // Out of the answer box (Esc), Shift+V records and stops, as in study.
    let (mock, mut harness) = common::in_a_mock_interview();
    press(&mut harness, &[Key::Escape]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("■ Stop recording (Shift+V)");
    for _ in 0..12 {
        std::thread::sleep(Duration::from_millis(100));
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("Spoken: 0:0");
    // The take is kept with the interview's draft: the app ends here (as a kill would) and
    // the interview taken up again has its recording back.
    common::wait(&mut harness, &mock.clock, chrono::Duration::seconds(3));
    let drafted = mensetsu::core::drafts::load(&mock.dir.drafts_file(), "test").unwrap();
    let recorded = drafted
        .mock
        .as_ref()
        .and_then(|mock| mock.answers[0].recording.clone())
        .expect("drafts.json names the first answer's recording");
    drop(harness);
    let mut harness = common::harness(common::app(&mock));
    common::click(&mut harness, "Resume the mock interview");
    harness.get_by_label_contains("Spoken: 0:0");
    let next = |harness: &mut egui_kittest::Harness<'_, _>| {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        harness.run();
    };
    // The second question recorded; moving on keeps recording, so the third has a take of
    // its own without a click.
    next(&mut harness);
    press(&mut harness, &[Key::Escape]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    std::thread::sleep(Duration::from_millis(500));
    next(&mut harness);
    harness.get_by_label_contains("Question 3/5");
    harness.get_by_label_contains("■ Stop recording");
    std::thread::sleep(Duration::from_millis(500));
    press(&mut harness, &[Key::Escape]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("● Record (Shift+V)");
    for _ in 0..3 {
        next(&mut harness);
    }
    harness.get_by_label("Grade your answers");
    assert_eq!(harness.get_all_by_label_contains("Spoken: 0:0").count(), 3);
    assert_eq!(
        harness
            .get_all_by_label_contains("▶ Play the recording")
            .count(),
        3
    );
    // The first answer is the highlighted one: V plays it, and only its button changes.
    press(&mut harness, &[Key::V]);
    if server {
        harness.get_by_label_contains("‖ Pause (V)");
        assert_eq!(
            harness
                .get_all_by_label_contains("▶ Play the recording")
                .count(),
            2
        );
        press(&mut harness, &[Key::V]);
        harness.get_by_label_contains("▶ Resume (V)");
    }
    // Answered aloud and not ticked: no grade is guessed, each is the user's.
    harness.get_by_label_contains("Grade every answer to save");
    press(&mut harness, &[Key::Num3; 5]);
    common::scroll_to_and_click(&mut harness, "Save grades");
    let spoken: Vec<_> = common::log_records(&mock.dir)
        .into_iter()
        .filter_map(|record| match record {
            Record::Review(review) => Some(review.spoken),
            _ => None,
        })
        .collect();
    assert_eq!(spoken.len(), 5);
    let aloud: Vec<bool> = spoken.iter().map(Option::is_some).collect();
    assert_eq!(aloud, [true, true, true, false, false]);
    let recording = spoken.into_iter().flatten().next().unwrap().recording;
    assert_eq!(recording, recorded);
    assert!(recordings::path(&mock.dir, &recording).unwrap().exists());

    // Keeping one recording a card: the card answered aloud a second time keeps only its
    // newest recording; both answers stay in the log.
    let settings = mensetsu::core::settings::Settings {
        keep_recordings: 1,
        ..common::english()
    };
    let kept = common::fixture(&settings);
    let mut harness = common::harness(common::app(&kept));
    let recorded_answer = |harness: &mut egui_kittest::Harness<'_, _>| {
        press(harness, &[Key::Escape]);
        harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
        harness.run();
        std::thread::sleep(Duration::from_millis(400));
        harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
        harness.run();
        harness.get_by_label_contains("Spoken: 0:0");
        press(harness, &[Key::Space, Key::Num1]);
    };
    click_containing(&mut harness, "Study — VPoE interview");
    recorded_answer(&mut harness);
    kept.clock.advance(chrono::Duration::minutes(2));
    click_containing(&mut harness, "Back to decks");
    common::click(&mut harness, "Back to decks");
    click_containing(&mut harness, "Study — VPoE interview");
    recorded_answer(&mut harness);
    let recorded: Vec<String> = common::log_records(&kept.dir)
        .into_iter()
        .filter_map(|record| match record {
            Record::Review(review) => review.spoken.map(|spoken| spoken.recording),
            _ => None,
        })
        .collect();
    assert_eq!(recorded.len(), 2);
    let here = |id: &str| recordings::path(&kept.dir, id).unwrap().exists();
    assert!(!here(&recorded[0]), "the older recording is deleted");
    assert!(here(&recorded[1]), "the newest is kept");

    // A take no answer will name is deleted with it: recorded over, or discarded on
    // closing. Nothing in the app could reach it again. A take on a card an undo puts
    // aside is kept for that card's next showing.
    let dropped = common::fixture(&common::english());
    let mut harness = common::harness(common::app(&dropped));
    let take_on_screen = |harness: &egui_kittest::Harness<'_, mensetsu::ui::MensetsuApp>| {
        harness
            .state()
            .review_session()
            .and_then(|session| session.card.as_ref())
            .and_then(|card| card.take.clone())
    };
    let record = |harness: &mut egui_kittest::Harness<'_, _>| {
        press(harness, &[Key::Escape]);
        harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
        harness.run();
        std::thread::sleep(Duration::from_millis(300));
        harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
        harness.run();
    };
    click_containing(&mut harness, "Study — VPoE interview");
    record(&mut harness);
    let first = take_on_screen(&harness).expect("a take");
    record(&mut harness);
    let second = take_on_screen(&harness).expect("a take");
    assert_ne!(first.id, second.id);
    assert!(
        !first.path.exists(),
        "recorded over: the first take's file goes"
    );
    assert!(second.path.exists());
    press(&mut harness, &[Key::Space, Key::Num1]);
    // Undo while recording on the next card: the recording stops and is kept for that
    // card, and the card answered comes back with its own take.
    press(&mut harness, &[Key::Escape]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    harness.get_by_label_contains("■ Stop recording (Shift+V)");
    std::thread::sleep(Duration::from_millis(300));
    press(&mut harness, &[Key::U]);
    harness.get_by_label_contains("● Record");
    assert_eq!(take_on_screen(&harness), Some(second.clone()));
    let files = |dir: &mensetsu::core::paths::DataDir| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir.recordings_dir())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect()
    };
    let both = files(&dropped.dir);
    assert_eq!(both.len(), 2, "{both:?}");
    let set_aside = both
        .into_iter()
        .find(|path| *path != second.path)
        .expect("the next card's take");
    // The card is answered again with the same take; the next card comes back with its
    // own, which is discarded with the window.
    // (Undo gives the answer box the keyboard back: Esc first.)
    press(&mut harness, &[Key::Escape, Key::Space, Key::Num3]);
    assert_eq!(
        take_on_screen(&harness).map(|take| take.path),
        Some(set_aside.clone())
    );
    // Going to another screen while recording stops it, keeps the take and says so.
    press(&mut harness, &[Key::Escape]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::V);
    harness.run();
    std::thread::sleep(Duration::from_millis(300));
    common::click(&mut harness, "Cards");
    common::click(&mut harness, "Study session");
    harness.get_by_label_contains("Recording stopped when you left this screen");
    let third = take_on_screen(&harness).expect("a take");
    assert!(third.path.exists());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    common::click(&mut harness, "Discard and close");
    assert!(!third.path.exists(), "discarded on closing: its file goes");
    assert!(!set_aside.exists(), "recorded over: its file went");
    assert_eq!(files(&dropped.dir), std::slice::from_ref(&second.path));
    assert!(!dropped.dir.drafts_file().exists());
}
