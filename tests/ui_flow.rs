//! Drives the real widgets of the app through a study session with egui_kittest:
//! open a deck, reveal by key, tick points, grade by key, undo, switch language; then
//! checks the review log and the derived card state.

use chrono::{DateTime, Duration};
use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::review::log::{Mode, Record};
use mensetsu::core::review::scheduler::{Phase, Rating};
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, Settings};
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::core::study::scope::QueueKind;
use mensetsu::ui::mock_screen::MockState;
use mensetsu::ui::{Clock, MensetsuApp, Screen};

mod common;
use common::real_log::write_real_log;
use common::{Fixture, app, english, files, fixture, harness, in_a_mock_interview, log_records};
use common::{
    assert_ticked_from_draft, shown_card, studying, type_into, wait, write_one_card_decks,
};
use common::{click, click_containing, press, scroll_decks_to, scroll_to_and_click};

#[test]
fn study_flow_reveal_tick_grade_undo_by_keys_and_clicks() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));

    click_containing(&mut harness, "Study — VPoE interview");
    assert!(matches!(harness.state().screen(), Screen::Review));
    // The first new card of the VPoE deck, verbatim from the guide.
    harness.get_by_label_contains("現在の技術的負債を定量化し");

    // Type a draft that covers neither point (nothing comes ticked), leave the text box,
    // then reveal with Space.
    type_into(
        &mut harness,
        "Your answer (optional)",
        "まず結論から話します",
    );
    press(&mut harness, &[Key::Escape]);
    fixture.clock.advance(Duration::seconds(95));
    press(&mut harness, &[Key::Space]);

    // Tick two answer points by clicking their checkboxes.
    let first_point = harness.get_by_label_contains("開発速度の低下率");
    first_point.click();
    harness.run();
    click_containing(&mut harness, "具体的な投資計画とROIを提示する");
    assert_eq!(
        harness
            .get_by_label_contains("開発速度の低下率")
            .accesskit_node()
            .toggled(),
        Some(Toggled::True)
    );

    // Grade Good with the 3 key.
    press(&mut harness, &[Key::Num3]);

    let records = log_records(&fixture.dir);
    assert_eq!(records.len(), 1, "{records:?}");
    let Record::Review(review) = &records[0] else {
        panic!("expected a review, got {:?}", records[0]);
    };
    assert_eq!(review.card, "vpoe-q01");
    assert_eq!(review.rating, 3);
    assert_eq!(review.duration_ms, Some(95_000));
    assert_eq!(review.answer.as_deref(), Some("まず結論から話します"));
    assert_eq!(review.points_covered, Some(vec![0, 1]));
    assert_eq!(review.points_total, Some(2));
    let state = harness.state().collection().state("vpoe-q01");
    assert_eq!(state.phase(), Phase::Learning);
    assert_eq!(state.reps(), 1);

    // The next card is on screen, its answer box with the keyboard; out of it, undo with
    // U brings vpoe-q01 back, as it was.
    press(&mut harness, &[Key::Escape, Key::U]);
    let records = log_records(&fixture.dir);
    assert_eq!(records.len(), 2);
    assert!(matches!(&records[1], Record::Undo(undo) if undo.undo == review.id));
    assert_eq!(
        harness.state().collection().state("vpoe-q01").phase(),
        Phase::New
    );
    harness.get_by_label_contains("現在の技術的負債を定量化し");
    let Some(session) = harness.state().review_session() else {
        panic!("undo should return to the review screen");
    };
    let shown = session.card.as_ref().unwrap();
    assert_eq!(shown.card_id, "vpoe-q01");
    assert_eq!(shown.draft, "まず結論から話します");

    // Reveal with Enter (out of the box, which has the keyboard again) and grade Again by
    // clicking the real button.
    press(&mut harness, &[Key::Escape, Key::Enter]);
    click_containing(&mut harness, "1 Again");
    let records = log_records(&fixture.dir);
    assert!(matches!(&records[2], Record::Review(r) if r.card == "vpoe-q01" && r.rating == 1));
    assert_eq!(
        harness.state().collection().state("vpoe-q01").phase(),
        Phase::Learning
    );
}

#[test]
fn a_note_is_kept_across_sessions_and_ctrl_z_undoes() {
    let fixture = fixture(&english());
    {
        let mut harness = harness(app(&fixture));
        click_containing(&mut harness, "Study — CTO interview");
        click(&mut harness, "Note");
        let note_box = "Your note on this card (kept for next time)";
        type_into(&mut harness, note_box, "前職で技術と経営の橋渡しをした話");
        press(&mut harness, &[Key::Escape, Key::Space, Key::Num3]);
        // Ctrl+Z (Cmd+Z on macOS) undoes like U, out of the next card's answer box.
        press(&mut harness, &[Key::Escape]);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        harness.run();
        let records = log_records(&fixture.dir);
        assert!(
            matches!(records.last(), Some(Record::Undo(_))),
            "{records:?}"
        );
    }
    // A new app on the same folder shows the note with the card.
    let app = app(&fixture);
    assert_eq!(
        app.collection().note("cto-q01"),
        "前職で技術と経営の橋渡しをした話"
    );
    let mut harness = harness(app);
    click_containing(&mut harness, "Study — CTO interview");
    let note_box = harness.get_by_label("Your note on this card (kept for next time)");
    assert_eq!(
        note_box.value().as_deref(),
        Some("前職で技術と経営の橋渡しをした話")
    );
}

#[test]
fn ticking_points_highlights_the_suggested_grade_without_forcing_it() {
    let (fixture, mut harness) = studying("VPoE interview");
    press(&mut harness, &[Key::Escape, Key::Space]);
    // No point ticked and no draft: nothing to suggest from, so no grade is marked and
    // Space waits for ticks; Good is on a new card its second learning step, 10 minutes.
    assert!(harness.query_by_label_contains("· suggested").is_none());
    harness.get_by_label_contains("Good\n10m");
    harness.get_by_label_contains("Tick the points you said, then Space / Enter");
    let Some(session) = harness.state().review_session() else {
        panic!();
    };
    let point_count = session.card.as_ref().unwrap().ticked.len();
    for index in 0..point_count {
        let Some(session) = harness.state().review_session() else {
            panic!();
        };
        let label = {
            let collection = harness.state().collection();
            let (_, card) = collection
                .decks()
                .find_card(&session.card.as_ref().unwrap().card_id)
                .unwrap();
            card.points[index].text.ja().map(str::to_string).unwrap()
        };
        click(&mut harness, &label);
    }
    harness.get_by_label_contains("Good\n");
    assert!(
        harness
            .query_by_label_contains("· suggested")
            .is_some_and(|node| node
                .accesskit_node()
                .label()
                .unwrap_or_default()
                .contains("Good"))
    );
    // Easy is still available and is what gets logged.
    press(&mut harness, &[Key::Num4]);
    let records = log_records(&fixture.dir);
    assert!(matches!(&records[0], Record::Review(r) if r.rating == 4));
}

#[test]
fn switching_the_app_language_to_japanese_relabels_the_screens() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    click(&mut harness, "日本語 (Japanese)");
    assert!(
        harness.query_by_label("Japanese only").is_some(),
        "content language keeps its own choice"
    );
    harness.run();
    click(&mut harness, "Save");
    assert!(matches!(harness.state().screen(), Screen::Decks));
    harness.get_by_label_contains("今日のカードを学習");
    assert!(
        harness
            .query_by_label_contains("Study today's cards")
            .is_none()
    );
    let saved = settings::load(&fixture.dir.settings_file(), "x").settings;
    assert_eq!(saved.ui_language, Some(Lang::Ja));
}

#[test]
fn content_language_english_shows_the_translation() {
    let settings = Settings {
        content_language: Some(settings::ContentLanguage::En),
        ..english()
    };
    let fixture = fixture(&settings);
    let mut harness = harness(app(&fixture));
    click_containing(&mut harness, "Study — VPoE interview");
    assert!(
        harness
            .query_by_label_contains("現在の技術的負債を定量化し")
            .is_none()
    );
    let Some(session) = harness.state().review_session() else {
        panic!();
    };
    let card_id = session.card.as_ref().unwrap().card_id.clone();
    let english = harness
        .state()
        .collection()
        .decks()
        .find_card(&card_id)
        .unwrap()
        .1
        .question
        .en()
        .map(str::to_string)
        .unwrap();
    harness.get_by_label(&english);
}

#[test]
fn a_locked_data_folder_opens_read_only_and_says_so() {
    let fixture = fixture(&english());
    let _other_window = Store::open(fixture.dir.clone(), "other").unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label("read-only");
    click_containing(&mut harness, "Study — VPoE interview");
    assert!(
        matches!(harness.state().screen(), Screen::Decks),
        "study is disabled"
    );
}

#[test]
fn broken_files_in_the_data_folder_are_listed_and_the_app_keeps_working() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(
        fixture.dir.decks_dir().join("broken.json"),
        "{\n  \"id\": \"x\",\n",
    )
    .unwrap();
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    let log = fixture.dir.reviews_dir().join("old.jsonl");
    let log_bytes = b"{\"id\":\"old-1\",\"card\":\"vpoe-q02\",\"at\":\"2026-11-20T09:00:00+09:00\",\"rating\":3}\n{\"id\":\"old-2\",\"ca";
    std::fs::write(&log, log_bytes).unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("Some files could not be read");
    harness.get_by_label_contains("broken.json:3");
    harness.get_by_label_contains("old.jsonl:2: last line is incomplete");
    click_containing(&mut harness, "Study — VPoE interview");
    assert!(matches!(harness.state().screen(), Screen::Review));
    assert_eq!(std::fs::read(&log).unwrap(), log_bytes, "nothing rewritten");
}

#[test]
fn a_log_with_hundreds_of_bad_lines_lists_the_first_hundred_and_counts_the_rest() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    let log = fixture.dir.reviews_dir().join("damaged.jsonl");
    let mut bytes = Vec::new();
    for line in 1..=250 {
        bytes.extend_from_slice(format!("not a record {line}\n").as_bytes());
    }
    std::fs::write(&log, &bytes).unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("Some files could not be read (250)");
    harness.get_by_label_contains("damaged.jsonl:1:");
    harness.get_by_label_contains("damaged.jsonl:100:");
    assert!(
        harness
            .query_by_label_contains("damaged.jsonl:101:")
            .is_none(),
        "only the first {} problems are listed",
        mensetsu::ui::decks_screen::PROBLEMS_SHOWN
    );
    harness.get_by_label_contains("… and 150 more; the command `mensetsu stats` prints them all");
    click_containing(&mut harness, "Study — VPoE interview");
    assert!(matches!(harness.state().screen(), Screen::Review));
    assert_eq!(std::fs::read(&log).unwrap(), bytes, "nothing rewritten");

    // The same in Japanese (kittest panics on a character the bundled font lacks).
    let japanese = self::fixture(&Settings {
        ui_language: Some(Lang::Ja),
        ..Settings::default()
    });
    std::fs::create_dir_all(japanese.dir.reviews_dir()).unwrap();
    std::fs::write(japanese.dir.reviews_dir().join("damaged.jsonl"), &bytes).unwrap();
    let harness = self::harness(app(&japanese));
    harness.get_by_label_contains("読み込めなかった項目があります (250)");
    harness.get_by_label_contains("…ほか 150 件");
}

#[test]
fn every_character_of_every_bundled_card_has_a_glyph() {
    let ctx = egui::Context::default();
    MensetsuApp::install_fonts(&ctx);
    // Fonts are loaded at the start of the first pass.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let decks = mensetsu::core::content::deck::DeckSet::load(None);
    let mut missing = Vec::new();
    ctx.fonts_mut(|fonts| {
        for (_, card) in decks.cards() {
            let texts = std::iter::once(&card.question)
                .chain(card.points.iter().map(|p| &p.text))
                .flat_map(|t| [t.ja().map(str::to_string), t.en().map(str::to_string)])
                .flatten();
            for text in texts {
                for c in text.chars().filter(|c| !c.is_whitespace()) {
                    let font = egui::FontId::proportional(14.0);
                    if !fonts.has_glyph(&font, c) {
                        missing.push((card.id.clone(), c));
                    }
                }
            }
        }
    });
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}

#[test]
fn mock_interview_asks_without_points_then_grades_all_and_logs_a_session() {
    let (fixture, mut harness) = in_a_mock_interview();
    // Five questions (the default), each answered for 30 seconds, without points shown.
    for question in 1..=5 {
        harness.get_by_label_contains(&format!("Question {question}/5"));
        assert!(harness.query_by_label("Answer points").is_none());
        if question == 1 {
            type_into(
                &mut harness,
                "Your answer (optional)",
                "まず現状を数値化する",
            );
        }
        fixture.clock.advance(Duration::seconds(30));
        if question < 5 {
            harness.get_by_label_contains("Next question").click();
        } else {
            // Ctrl+Enter works even from the answer box.
            harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
        }
        harness.run();
    }
    harness.get_by_label("Grade your answers");
    assert!(harness.query_by_label("Save grades").is_some());
    // Grade every answer Good by clicking the real buttons.
    for index in 0..5 {
        let good: Vec<_> = harness.get_all_by_label("Good").collect();
        assert_eq!(good.len(), 5);
        good[index].scroll_to_me();
        harness.run();
        harness.get_all_by_label("Good").nth(index).unwrap().click();
        harness.run();
    }
    scroll_to_and_click(&mut harness, "Save grades");
    // Back at the setup, saying what was saved, as news, not in the problems' red.
    harness.get_by_label("Grades saved: 5 answers added to your review history");
    assert!(
        harness.state().flash().is_empty(),
        "{:?}",
        harness.state().flash()
    );

    let reviews: Vec<_> = log_records(&fixture.dir)
        .into_iter()
        .filter_map(|record| match record {
            Record::Review(review) => Some(review),
            _ => None,
        })
        .collect();
    assert_eq!(reviews.len(), 5);
    assert!(
        reviews
            .iter()
            .all(|r| r.mode == Mode::Mock && r.rating == 3)
    );
    assert!(reviews.iter().all(|r| r.duration_ms == Some(30_000)));
    let session = reviews[0].session.clone().unwrap();
    assert!(reviews.iter().all(|r| r.session.as_ref() == Some(&session)));
    assert_eq!(reviews[0].answer.as_deref(), Some("まず現状を数値化する"));
    // Back on the set-up page, the session is listed with its time per answer.
    harness.get_by_label("Past mock interviews");
    harness.get_by_label("0:30");
}

#[test]
fn statistics_screen_draws_the_numbers_of_the_log() {
    let (_fixture, mut harness) = studying("Head of Engineering");
    for _ in 0..3 {
        press(&mut harness, &[Key::Escape, Key::Space, Key::Num4]);
    }
    click(&mut harness, "Statistics");
    harness.get_by_label_contains("True retention (30 days)");
    harness.get_by_label("Streak (days): 1");
    harness.get_by_label("Answers per day, by grade");
    harness.get_by_label("By role");
    harness.get_by_label("Head of Engineering");
    click(&mut harness, "1 year");
    // A year's bars are weeks, and the titles say so.
    harness.get_by_label("Answers per week, by grade");
    harness.get_by_label("Study time per week (minutes)");
    assert!(
        harness
            .query_by_label("Answers per day, by grade")
            .is_none()
    );
    let stats = harness.state_mut().stats().clone();
    assert_eq!(stats.counts_per_role["hoe"].review, 3);
}

#[test]
fn the_history_of_a_card_lists_earlier_answers_with_their_drafts() {
    let (fixture, mut harness) = studying("VPoE interview");
    type_into(&mut harness, "Your answer (optional)", "最初の下書き");
    press(&mut harness, &[Key::Escape]);
    fixture.clock.advance(Duration::seconds(42));
    press(&mut harness, &[Key::Space, Key::Num1]);
    // Again: the card comes back after its 1-minute step.
    fixture.clock.advance(Duration::minutes(2));
    click_containing(&mut harness, "Back to decks");
    // Leaving a session shows its summary first; cards are left, so it is not complete.
    harness.get_by_label("Session paused");
    assert!(harness.query_by_label("Session complete").is_none());
    click(&mut harness, "Back to decks");
    click_containing(&mut harness, "Study — VPoE interview");
    harness.get_by_label_contains("現在の技術的負債を定量化し");
    press(&mut harness, &[Key::Escape, Key::Space]);
    click(&mut harness, "History (1)");
    harness.get_by_label("Again");
    harness.get_by_label("points 0/2");
    harness.get_by_label("0:42");
    harness.get_by_label("最初の下書き");
    // The browser lists the same, with what detection found in the draft.
    click_containing(&mut harness, "Back to decks");
    click(&mut harness, "Back to decks");
    click(&mut harness, "Cards");
    type_into(&mut harness, "Search", "card:vpoe-q01");
    click_containing(&mut harness, "現在の技術的負債を定量化");
    // At the foot of the detail pane: scrolled to, as a user would.
    scroll_to_and_click(&mut harness, "History (1)");
    harness.get_by_label("points 0/2");
    harness.get_by_label("(0 found in the draft)");
    harness.get_by_label("0:42");
    harness.get_by_label("最初の下書き");
}

/// Answers logged in another time zone (a trip, another computer) are listed at the
/// clock the user reads now: they were shown at their own clock times, mixed in one list.
#[test]
fn the_history_lists_answers_at_the_users_clock() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(
        fixture.dir.reviews_dir().join("trip.jsonl"),
        "{\"id\":\"trip-1\",\"card\":\"vpoe-q01\",\"at\":\"2026-11-20T23:30:00+00:00\",\"rating\":3}\n",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    type_into(&mut harness, "Search", "card:vpoe-q01");
    click_containing(&mut harness, "現在の技術的負債を定量化");
    scroll_to_and_click(&mut harness, "History (1)");
    // 23:30 in London is 08:30 the next morning in Tokyo, where the clock is.
    harness.get_by_label("2026-11-21 08:30");
    assert!(harness.query_by_label("2026-11-20 23:30").is_none());
}

/// A user deck for the export test (tests/export.rs exports it too): HTML characters, a
/// derived point, a card with no points.
const EXPORT_DECK: &str = include_str!("fixtures/export/practice.json");

/// Opens the decks screen's export menu and clicks one of its entries.
fn export_from_menu(harness: &mut Harness<'static, MensetsuApp>, entry: &str) {
    click(harness, "Export…");
    click(harness, entry);
    assert!(
        harness.query_by_label(entry).is_none(),
        "the menu closes after an export"
    );
}

#[test]
fn export_menu_writes_numbered_files_into_the_exports_folder_and_shows_where() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(fixture.dir.decks_dir().join("practice.json"), EXPORT_DECK).unwrap();
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    // A review, one that is undone, and a note: only the first is exported.
    std::fs::write(
        fixture.dir.reviews_dir().join("laptop.jsonl"),
        concat!(
            r#"{"id":"laptop-1","card":"practice-q01","at":"2026-11-20T09:15:03.120+09:00","rating":3,"duration_ms":84000}"#,
            "\n",
            r#"{"id":"laptop-2","card":"practice-q02","at":"2026-11-20T09:20:00+09:00","rating":1,"duration_ms":30000}"#,
            "\n",
            r#"{"id":"laptop-3","at":"2026-11-20T09:20:05+09:00","undo":"laptop-2"}"#,
            "\n",
            r#"{"id":"laptop-4","card":"practice-q01","at":"2026-11-20T09:21:00+09:00","note":"My story"}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    let exports = fixture.dir.exports_dir();

    // The deck in the card language (Japanese by default), as Anki's text import reads it.
    export_from_menu(&mut harness, "Anki file — Practice deck");
    let anki = exports.join("mensetsu-practice.txt");
    assert_eq!(
        std::fs::read_to_string(&anki).unwrap(),
        "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:4\n#tags column:3\n#guid column:5\n\
技術的負債をどう説明しますか？\t\
<ul><li>開発速度の&lt;低下率&gt;を示す</li><li>投資計画 &amp; ROI <i>(本文より)</i></li></ul>\t\
vpoe tech_debt metrics\t練習デッキ\tmensetsu-practice-q01\n\
採用の優先順位は？\t\tvpoe\t練習デッキ\tmensetsu-practice-q02\n"
    );
    harness.get_by_label("Exported to:");
    harness.get_by_label(&anki.display().to_string());

    // Again: the first file stays, the new one gets a number.
    std::fs::write(&anki, "imported and edited").unwrap();
    export_from_menu(&mut harness, "Anki file — Practice deck");
    let second = exports.join("mensetsu-practice-2.txt");
    assert_eq!(
        std::fs::read_to_string(&anki).unwrap(),
        "imported and edited"
    );
    assert!(
        std::fs::read_to_string(&second)
            .unwrap()
            .ends_with("\tmensetsu-practice-q02\n")
    );
    harness.get_by_label(&second.display().to_string());

    // The review log for the FSRS optimizer: epoch milliseconds (`date -u -d
    // 2026-11-20T00:15:03Z +%s` is 1795133703), rating, duration in milliseconds.
    export_from_menu(&mut harness, "Review log (CSV for the FSRS optimizer)");
    let reviews = exports.join("mensetsu-reviews.csv");
    assert_eq!(
        std::fs::read_to_string(&reviews).unwrap(),
        "card_id,review_time,review_rating,review_duration\n\
practice-q01,1795133703120,3,84000\n"
    );
    harness.get_by_label(&reviews.display().to_string());

    // Bundled decks are in the menu too.
    export_from_menu(
        &mut harness,
        "Anki file — VPoE interview: technical strategy and running the organization",
    );
    let vpoe = std::fs::read_to_string(exports.join("mensetsu-vpoe.txt")).unwrap();
    assert_eq!(vpoe.lines().count(), 6 + 15);
}

#[test]
fn a_failed_export_says_why_and_names_the_path() {
    let fixture = fixture(&english());
    // A file where the exports folder should be: the folder cannot be made.
    std::fs::write(fixture.dir.exports_dir(), "not a folder").unwrap();
    let mut harness = harness(app(&fixture));
    export_from_menu(&mut harness, "Review log (CSV for the FSRS optimizer)");
    harness.get_by_label_contains(&format!(
        "Could not export: cannot create the folder {}",
        fixture.dir.exports_dir().display()
    ));
    assert!(harness.query_by_label("Exported to:").is_none());
    assert_eq!(
        std::fs::read_to_string(fixture.dir.exports_dir()).unwrap(),
        "not a folder"
    );
}

#[test]
fn a_draft_and_its_timer_survive_a_look_at_another_screen() {
    let (fixture, mut harness) = studying("VPoE interview");
    type_into(&mut harness, "Your answer (optional)", "まず負債を数える");
    wait(&mut harness, &fixture.clock, Duration::seconds(20));
    harness.get_by_label("0:20 / 2:00");

    // Five minutes on the statistics screen: the session waits, its timer stands still.
    click(&mut harness, "Statistics");
    assert!(matches!(harness.state().screen(), Screen::Stats));
    assert!(harness.query_by_label("Your answer (optional)").is_none());
    wait(&mut harness, &fixture.clock, Duration::minutes(5));
    click(&mut harness, "Study session");
    assert!(matches!(harness.state().screen(), Screen::Review));
    assert_eq!(
        harness
            .get_by_label("Your answer (optional)")
            .value()
            .as_deref(),
        Some("まず負債を数える")
    );
    harness.get_by_label("0:20 / 2:00");

    // Ten more seconds, then the answer: 30 s were spent on it, not 5 min 30 s.
    fixture.clock.advance(Duration::seconds(10));
    press(&mut harness, &[Key::Escape, Key::Space, Key::Num3]);
    let records = log_records(&fixture.dir);
    let Some(Record::Review(review)) = records.first() else {
        panic!("expected a review, got {records:?}");
    };
    assert_eq!(review.answer.as_deref(), Some("まず負債を数える"));
    assert_eq!(review.duration_ms, Some(30_000));

    // Undo brings the card back with the 30 seconds already spent, not at 0:00.
    fixture.clock.advance(Duration::seconds(5));
    press(&mut harness, &[Key::Escape, Key::U]);
    harness.get_by_label("0:30 / 2:00");
    wait(&mut harness, &fixture.clock, Duration::seconds(3));
    harness.get_by_label("0:33 / 2:00");
}

#[test]
fn a_mock_interview_in_progress_survives_a_look_at_another_screen() {
    let (fixture, mut harness) = in_a_mock_interview();
    type_into(&mut harness, "Your answer (optional)", "結論から話す");
    wait(&mut harness, &fixture.clock, Duration::seconds(30));
    harness.get_by_label("1:30");

    click(&mut harness, "Decks");
    assert!(matches!(harness.state().screen(), Screen::Decks));
    fixture.clock.advance(Duration::minutes(10));
    click(&mut harness, "Mock interview");
    // The interview waits: its question and timer come back with Resume.
    harness.get_by_label("The mock interview is paused");
    assert!(harness.query_by_label("Your answer (optional)").is_none());
    fixture.clock.advance(Duration::minutes(1));
    click(&mut harness, "Resume  (Ctrl+Enter)");
    harness.get_by_label_contains("Question 1/5");
    assert_eq!(
        harness
            .get_by_label("Your answer (optional)")
            .value()
            .as_deref(),
        Some("結論から話す")
    );
    // The eleven minutes away did not count against the answer.
    harness.get_by_label("1:30");
    fixture.clock.advance(Duration::seconds(15));
    click_containing(&mut harness, "Next question");
    harness.get_by_label_contains("Question 2/5");
    let MockState::Answering { answers, .. } = harness.state().mock_state() else {
        panic!("the interview goes on");
    };
    assert_eq!(answers[0].draft, "結論から話す");
    assert_eq!(answers[0].duration_ms, 45_000);
}

#[test]
fn a_read_only_window_says_why_in_the_interface_language() {
    let fixture = fixture(&Settings {
        ui_language: Some(Lang::Ja),
        ..english()
    });
    let _owner = Store::open(fixture.dir.clone(), "owner").unwrap();
    let store = Store::open(fixture.dir.clone(), "test");
    let collection = Collection::load_read_only(fixture.dir.clone(), fixture.clock.now());
    let app = MensetsuApp::new(collection, store, Box::new(fixture.clock.clone()), Lang::Ja);
    let harness = harness(app);
    harness.get_by_label("このウィンドウは閲覧のみです。ここでの操作は保存されません。");
    harness.get_by_label_contains("は別の mensetsu ウィンドウかコマンドが使っています");
    assert!(
        harness
            .query_by_label_contains("in use by another")
            .is_none()
    );
}

#[test]
fn a_read_only_window_writes_no_byte_and_says_why() {
    let fixture = fixture(&english());
    // Another window has the folder. Its settings file is damaged: the owner sets it
    // aside, a read-only window must not.
    let _owner = Store::open(fixture.dir.clone(), "owner").unwrap();
    std::fs::write(fixture.dir.settings_file(), "{ \"theme\": ").unwrap();
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(
        fixture.dir.reviews_dir().join("owner.jsonl"),
        "{\"id\":\"owner-1\",\"card\":\"vpoe-q01\",\"at\":\"2026-11-20T09:00:00+09:00\",\"rating\":3}\n",
    )
    .unwrap();
    let before = files(fixture.dir.root());

    // What main does when the store cannot be had.
    let store = Store::open(fixture.dir.clone(), "test");
    assert!(store.is_err());
    let collection = Collection::load_read_only(fixture.dir.clone(), fixture.clock.now());
    let app = MensetsuApp::new(collection, store, Box::new(fixture.clock.clone()), Lang::En);
    let mut harness = harness(app);
    // What read-only means, then why, as a sentence of its own.
    harness.get_by_label("This window is read-only: nothing done here is saved.");
    harness.get_by_label_contains("The data folder ");
    harness.get_by_label_contains("settings file is damaged");

    // Everything that would write is refused, by click and by key.
    click_containing(&mut harness, "Study — VPoE interview");
    press(&mut harness, &[Key::Enter]);
    assert!(matches!(harness.state().screen(), Screen::Decks));
    click(&mut harness, "Export…");
    assert!(
        harness
            .query_by_label("Review log (CSV for the FSRS optimizer)")
            .is_none()
    );
    click(&mut harness, "Settings");
    // Nothing on the settings screen changes: a theme that took effect here would be
    // lost on the next start.
    assert!(harness.get_by_label("Dark").accesskit_node().is_disabled());
    click(&mut harness, "Dark");
    assert_eq!(
        harness.get_by_label("Dark").accesskit_node().toggled(),
        Some(Toggled::False)
    );
    click(&mut harness, "日本語 (Japanese)");
    click(&mut harness, "Save");
    assert!(matches!(harness.state().screen(), Screen::Settings));
    click(&mut harness, "Mock interview");
    click(&mut harness, "Start the mock interview");
    assert!(harness.query_by_label_contains("Question 1/").is_none());
    harness.state_mut().save_before_exit();
    drop(harness);

    assert_eq!(
        files(fixture.dir.root()),
        before,
        "the read-only window wrote"
    );
}

#[test]
fn space_after_the_reveal_gives_the_highlighted_grade() {
    let (fixture, mut harness) = studying("VPoE interview");
    press(&mut harness, &[Key::Escape, Key::Space]);
    // One of the two points ticked: Hard is suggested, and Space takes it.
    click_containing(&mut harness, "開発速度の低下率");
    harness.get_by_label_contains("Hard\n");
    harness.get_by_label_contains("Space / Enter: Hard");
    press(&mut harness, &[Key::Space]);
    let ratings = || -> Vec<u8> {
        log_records(&fixture.dir)
            .into_iter()
            .filter_map(|record| match record {
                Record::Review(review) => Some(u8::from(review.rating)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(ratings(), [2]);
    // The next card answered aloud (no draft) and nothing ticked: no grade is guessed,
    // Enter and Space wait; the user's 1 grades.
    press(
        &mut harness,
        &[Key::Escape, Key::Space, Key::Enter, Key::Space],
    );
    assert_eq!(ratings(), [2]);
    press(&mut harness, &[Key::Num1]);
    assert_eq!(ratings(), [2, 1]);
    // A typed draft that covers no point is evidence: Again is highlighted and Enter
    // takes it.
    harness
        .get_by_label("Your answer (optional)")
        .type_text("xyz");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.get_by_label_contains("Again\n");
    press(&mut harness, &[Key::Escape]);
    harness.get_by_label_contains("Space / Enter: Again");
    press(&mut harness, &[Key::Enter]);
    assert_eq!(ratings(), [2, 1, 1]);
}

#[test]
fn the_grade_buttons_keep_their_place_and_stay_visible_at_text_size_1_6() {
    let settings = Settings {
        text_scale: 1.6,
        ..english()
    };
    let fixture = fixture(&settings);
    // The app's default window.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(980.0, 760.0))
        .with_context_setup(MensetsuApp::install_fonts)
        .build_ui_state(|ui, app: &mut MensetsuApp| app.show(ui), app(&fixture));
    harness.run();
    harness.run();
    // Study all due (Enter): the VPoE deck's first card comes first.
    press(&mut harness, &[Key::Enter, Key::Escape, Key::Space]);
    let screen = harness.ctx.content_rect();
    let place = |harness: &Harness<'static, MensetsuApp>| -> Vec<egui::Rect> {
        ["1 Again", "2 Hard", "3 Good", "4 Easy"]
            .iter()
            .map(|label| harness.get_by_label_contains(label).rect())
            .collect()
    };
    let first = place(&harness);
    for rect in &first {
        assert!(screen.contains_rect(*rect), "{rect:?} outside {screen:?}");
    }
    // Ticking a point (scrolled to, as a user would) adds the "suggested" tag: the
    // buttons do not move.
    harness
        .get_by_label_contains("開発速度の低下率")
        .scroll_to_me();
    harness.run();
    click_containing(&mut harness, "開発速度の低下率");
    assert!(harness.query_by_label_contains("· suggested").is_some());
    assert_eq!(place(&harness), first);
    // The next card has five points instead of two: the buttons stay where they were.
    press(&mut harness, &[Key::Num3, Key::Escape, Key::Space]);
    let Some(session) = harness.state().review_session() else {
        panic!("the session goes on");
    };
    assert_eq!(session.card.as_ref().unwrap().ticked.len(), 5);
    assert_eq!(place(&harness), first);
}

/// The statistics screen of a data folder with one tiny CTO deck of `cards` (JSON
/// objects) and the review log `log`, on 2026-11-13 10:00 in Tokyo.
fn statistics_of(cards: &str, log: &str) -> (Fixture, Harness<'static, MensetsuApp>) {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(
        fixture.dir.decks_dir().join("t.json"),
        format!(r#"{{"id":"t","title":{{"en":"Tiny deck"}},"role":"cto","cards":[{cards}]}}"#),
    )
    .unwrap();
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(fixture.dir.reviews_dir().join("p.jsonl"), log).unwrap();
    fixture
        .clock
        .0
        .set(DateTime::parse_from_rfc3339("2026-11-13T10:00:00+09:00").unwrap());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Statistics");
    (fixture, harness)
}

/// The statistics screen on the hand-counted log that src/core/study/stats.rs tests too: a card
/// learned on the 1st, reviewed on the 4th (pass) and the 12th (fail), and a second card
/// learned on the 12th with Easy (a second Easy undone); a third card never studied.
#[test]
fn the_statistics_screen_shows_the_numbers_of_a_hand_counted_log() {
    let cards = r#"{"id":"t-q01","question":{"en":"a"}},
            {"id":"t-q02","question":{"en":"b"}},
            {"id":"t-q03","question":{"en":"c"}}"#;
    let (fixture, mut harness) =
        statistics_of(cards, include_str!("fixtures/stats/hand-counted.jsonl"));
    // Review-phase answers: the 4th passed, the 12th failed.
    harness.get_by_label("True retention (30 days): 50.0% (1/2)");
    harness.get_by_label("Streak (days): 1");
    // The tiny deck: t-q03 new, t-q01 relearning (counted as learning, as on the decks
    // screen), t-q02 in review but due days later.
    for (column, value) in [
        ("New", "1"),
        ("Learning", "1"),
        ("In review", "1"),
        ("Due today", "0"),
        ("Mastered", "0%"),
    ] {
        harness.get_by_label(&format!("Tiny deck — {column}: {value}"));
    }
    // Nothing was answered aloud: the talk section says how, and there is no pace chart.
    harness.get_by_label_contains("No answers given aloud yet.");
    harness.get_by_label("Talk time per week (minutes)");
    assert!(
        harness
            .query_by_label("Speech rate per week against the normal range")
            .is_none()
    );
    // Its role row adds the 20 bundled CTO cards, all new.
    harness.get_by_label("CTO — New: 21");
    harness.get_by_label("CTO — Due today: 0");
    harness.get_by_label("CTO — Learning: 1");
    // Bundled decks by title, not by id.
    harness
        .get_by_label("VPoE interview: technical strategy and running the organization — New: 15");
    assert!(harness.query_by_label_contains("vpoe — ").is_none());

    // Five weeks later the review answers are older than 30 days: the retention chart
    // has nothing to show until the range takes them in.
    wait(&mut harness, &fixture.clock, Duration::days(37));
    let empty = "No answers to cards in review in this period yet.";
    harness.get_by_label_contains(empty);
    click(&mut harness, "90 days");
    assert!(harness.query_by_label_contains(empty).is_none());
    harness.get_by_label("True retention (30 days): —");
}

/// Answers given aloud chart their talk time and pace week by week; an undone one is not
/// among them.
#[test]
fn the_statistics_screen_charts_talk_time_and_pace_of_answers_given_aloud() {
    let log = [
        r#"{"id":"v-1","card":"t-q01","at":"2026-11-03T09:00:00+09:00","rating":3,"spoken":{"recording":"r1","speech_ms":90000,"pauses":1,"rate":6.5,"unit":"morae/s"}}"#,
        r#"{"id":"v-2","card":"t-q01","at":"2026-11-10T09:00:00+09:00","rating":3,"spoken":{"recording":"r2","speech_ms":80000,"pauses":2,"rate":3.8,"unit":"syllables/s"}}"#,
        r#"{"id":"v-3","at":"2026-11-10T09:00:05+09:00","undo":"v-2"}"#,
    ]
    .join("\n");
    let (_fixture, mut harness) = statistics_of(r#"{"id":"t-q01","question":{"en":"a"}}"#, &log);
    harness.get_by_label("Talk time per week (minutes)");
    harness.get_by_label("Speech rate per week against the normal range");
    assert!(
        harness
            .query_by_label_contains("No answers given aloud")
            .is_none()
    );
    let weeks = harness.state_mut().stats().spoken_per_week.clone();
    let counted: Vec<(String, u32)> = weeks
        .iter()
        .map(|week| (week.week_start.to_string(), week.answers))
        .collect();
    assert_eq!(
        counted,
        vec![("2026-11-02".to_string(), 1), ("2026-11-09".to_string(), 0)]
    );
    // The legend names the units the chart draws: only morae, the syllables were undone.
    harness.get_by_label("morae/s");
    assert!(harness.query_by_label("syllables/s").is_none());
}

/// A deck that names no role (an imported or new one is "other") can be asked in a mock
/// interview: its role is offered beside the known ones.
#[test]
fn a_deck_of_any_role_can_be_chosen_for_a_mock_interview() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(
        fixture.dir.decks_dir().join("mine.json"),
        r#"{"id":"mine","title":{"en":"My questions"},"cards":[
            {"id":"mine-q1","question":{"en":"Why this company?"}},
            {"id":"mine-q2","question":{"en":"Why now?"}}]}"#,
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Mock interview");
    for role in ["VPoE", "Head of Engineering", "CTO"] {
        click(&mut harness, role);
    }
    click(&mut harness, "Other");
    click(&mut harness, "Start the mock interview");
    let MockState::Answering { answers, .. } = harness.state().mock_state() else {
        panic!("the interview starts");
    };
    assert!(!answers.is_empty());
    assert!(
        answers
            .iter()
            .all(|answer| answer.card_id.starts_with("mine-q"))
    );
}

/// The roles, count and time of the last mock interview started are where the next run
/// of the app starts from; a settings draft opened before it does not undo them.
#[test]
fn the_mock_setup_is_kept_for_the_next_run() {
    let fixture = fixture(&english());
    let role_ticked = |harness: &Harness<'_, MensetsuApp>, role: &str| {
        harness.get_by_label(role).accesskit_node().toggled() == Some(Toggled::True)
    };
    {
        let mut harness = harness(app(&fixture));
        // A settings draft, open while the interview starts.
        click(&mut harness, "Settings");
        click(&mut harness, "Mock interview");
        assert!(role_ticked(&harness, "VPoE"), "VPoE is a default role");
        click(&mut harness, "VPoE");
        click(&mut harness, "Head of Engineering");
        click(&mut harness, "Start the mock interview");
        assert!(matches!(
            harness.state().mock_state(),
            MockState::Answering { .. }
        ));
        click(&mut harness, "Settings");
        click(&mut harness, "Save");
    }
    let kept = settings::load(&fixture.dir.settings_file(), "test").settings;
    assert_eq!(kept.mock.roles, Some(vec!["cto".to_string()]));
    let mut next_run = harness(app(&fixture));
    click(&mut next_run, "Mock interview");
    assert!(role_ticked(&next_run, "CTO"));
    assert!(!role_ticked(&next_run, "VPoE"));
    assert!(!role_ticked(&next_run, "Head of Engineering"));
    // What the file says is what the setup shows (three questions, three minutes).
    let settings = Settings {
        mock: settings::MockPreferences {
            questions: 3,
            seconds_per_answer: 180,
            ..kept.mock
        },
        ..kept
    };
    settings::save(&fixture.dir.settings_file(), &settings).unwrap();
    let last_run = harness(app(&fixture));
    let MockState::Setup(setup) = last_run.state().mock_state() else {
        panic!("a new app opens the mock interview at its setup");
    };
    assert_eq!((setup.questions, setup.seconds_per_answer), (3, 180));
}

#[test]
fn a_mock_interview_takes_typing_at_once_and_grades_by_keys_with_suggestions_preselected() {
    let (fixture, mut harness) = in_a_mock_interview();
    harness.run();
    // No click needed: what is typed first goes into the answer.
    assert!(harness.get_by_label("Your answer (optional)").is_focused());
    for _ in 0..5 {
        fixture.clock.advance(Duration::seconds(20));
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
        harness.run();
        harness.run();
    }
    harness.get_by_label("Grade your answers");
    // Nothing typed, so nothing ticked: an answer with points has no grade until the user
    // gives one, as in study (a card without points starts at Good), and Save waits.
    let MockState::Grading { answers, .. } = harness.state().mock_state() else {
        panic!("grading");
    };
    let unjudged = |answer: &mensetsu::ui::mock_screen::MockAnswer| {
        answer.ticked.is_empty().then_some(Rating::Good)
    };
    assert!(
        answers
            .iter()
            .all(|answer| answer.grade() == unjudged(answer))
    );
    assert!(answers.iter().any(|answer| answer.grade().is_none()));
    let last = unjudged(&answers[4]);
    harness.get_by_label_contains("Grade every answer to save");
    assert!(
        harness
            .get_by_label("Save grades")
            .accesskit_node()
            .is_disabled()
    );
    // 1-4 grade the highlighted answer and move on, each answer brought into view as it
    // is reached; the last answer keeps its default, or is graded Good if it had none.
    let in_view = |harness: &Harness<'_, MensetsuApp>, number: usize| {
        let label = format!("Question {number} (answered in");
        let heading = harness.get_by_label_contains(&label);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1000.0, 900.0));
        screen.contains_rect(heading.rect())
    };
    for (key, next) in [Key::Num1, Key::Num2, Key::Num4, Key::Num1]
        .into_iter()
        .zip(2..)
    {
        harness.key_press(key);
        harness.run();
        assert!(in_view(&harness, next), "answer {next} in view");
    }
    let last = match last {
        Some(default) => default,
        None => {
            press(&mut harness, &[Key::Num3]);
            Rating::Good
        }
    };
    assert!(
        harness
            .query_by_label_contains("Grade every answer")
            .is_none()
    );
    scroll_to_and_click(&mut harness, "Save grades");
    let last = u8::from(last);
    let ratings: Vec<u8> = log_records(&fixture.dir)
        .into_iter()
        .filter_map(|record| match record {
            Record::Review(review) => Some(u8::from(review.rating)),
            _ => None,
        })
        .collect();
    assert_eq!(ratings, [1, 2, 4, 1, last]);
}

/// Clicks the box labelled `label`, selects what it holds and types `text` over it.
fn retype(harness: &mut Harness<'static, MensetsuApp>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_string()));
    harness.run();
}

/// A number typed with the Japanese input method on comes in full-width digits, which the
/// number boxes dropped: 「２５」 new cards a day is 25.
#[test]
fn a_number_box_reads_full_width_digits() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    retype(&mut harness, "New cards per day", "２５");
    press(&mut harness, &[Key::Enter]);
    click(&mut harness, "Save");
    assert_eq!(
        harness.state().collection().settings().new_cards_per_day,
        25
    );
}

/// A step list that cannot be read is named in the message (it said only how steps are
/// written, not which field), and the message goes once the field reads.
#[test]
fn a_step_list_that_cannot_be_read_is_named_and_its_message_goes_once_mended() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    retype(&mut harness, "Relearning steps", "abc");
    click(&mut harness, "Save");
    harness.get_by_label("Relearning steps: Enter steps like \"1m 10m\" or \"1h\"");
    assert!(matches!(harness.state().screen(), Screen::Settings));
    retype(&mut harness, "Relearning steps", "5m");
    assert!(
        harness
            .query_by_label_contains("Enter steps like")
            .is_none()
    );
    click(&mut harness, "Save");
    assert!(matches!(harness.state().screen(), Screen::Decks));
    assert_eq!(
        harness
            .state()
            .collection()
            .settings()
            .relearning_steps_minutes,
        [5.0]
    );
}

#[test]
fn a_settings_save_that_fails_keeps_the_user_on_the_settings_screen_with_the_reason() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    // settings.json replaced by a folder: the new file cannot be renamed over it.
    std::fs::remove_file(fixture.dir.settings_file()).unwrap();
    std::fs::create_dir(fixture.dir.settings_file()).unwrap();
    scroll_to_and_click(&mut harness, "Dark");
    click(&mut harness, "Save");
    harness.get_by_label_contains(&format!(
        "Could not save: cannot write {}",
        fixture.dir.settings_file().display()
    ));
    assert!(matches!(harness.state().screen(), Screen::Settings));
    assert_eq!(
        harness.state().collection().settings().theme,
        settings::Theme::System,
        "nothing applied that was not saved"
    );
    // The draft is still there: once the folder is gone, Save saves it.
    std::fs::remove_dir(fixture.dir.settings_file()).unwrap();
    click(&mut harness, "Save");
    assert!(matches!(harness.state().screen(), Screen::Decks));
    let saved = settings::load(&fixture.dir.settings_file(), "x").settings;
    assert_eq!(saved.theme, settings::Theme::Dark);
}

#[test]
fn keys_pressed_inside_the_answer_box_never_grade_or_undo() {
    let (fixture, mut harness) = studying("VPoE interview");
    // Answer one card so there is something to undo.
    press(&mut harness, &[Key::Escape, Key::Space, Key::Num3]);
    assert_eq!(log_records(&fixture.dir).len(), 1);
    // The next card: reveal from the answer box with Ctrl+Enter, then press the grade,
    // undo and default-grade keys while the box has the keyboard.
    click(&mut harness, "Your answer (optional)");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert!(harness.get_by_label("Your answer (optional)").is_focused());
    for key in [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::U,
        Key::Space,
        Key::Enter,
    ] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        log_records(&fixture.dir).len(),
        1,
        "nothing graded or undone"
    );
    let session = harness.state().review_session().unwrap();
    assert_eq!(session.answered.len(), 1);
    assert!(session.card.as_ref().unwrap().revealed);
}

#[test]
fn the_session_summary_counts_what_was_answered() {
    let (fixture, mut harness) = studying("VPoE interview");
    // Three answers: 10 s Again, 20 s Good, 30 s Easy; 20 s on average.
    for (seconds, key) in [(10, Key::Num1), (20, Key::Num3), (30, Key::Num4)] {
        fixture.clock.advance(Duration::seconds(seconds));
        press(&mut harness, &[Key::Escape, Key::Space]);
        harness.key_press(key);
        harness.run();
    }
    click_containing(&mut harness, "Back to decks");
    harness.get_by_label("Session paused");
    harness.get_by_label("Answered: 3");
    harness.get_by_label("Again 1 · Hard 0 · Good 1 · Easy 1");
    harness.get_by_label("Average time per answer: 0:20");
    // 20 new cards a day, 3 introduced: 17 left, plus the Again card's step later today.
    harness.get_by_label_contains("are still due today");
}

#[test]
fn points_the_draft_covers_come_ticked_at_the_reveal_and_are_logged_as_detected() {
    let (fixture, mut harness) = studying("VPoE interview");
    click(&mut harness, "Your answer (optional)");
    // The first point of vpoe-q01 in other words: velocity falling and MTTR rising.
    harness.get_by_label("Your answer (optional)").type_text(
        "まず開発速度がどれだけ落ちたか、障害の復旧時間がどれだけ延びたかで負債を数値化します。",
    );
    harness.run();
    // Detection waits for typing to pause.
    wait(&mut harness, &fixture.clock, Duration::seconds(1));
    harness.get_by_label("Your draft covers 1 of 2 points so far");
    press(&mut harness, &[Key::Escape, Key::Space]);
    assert_ticked_from_draft(&harness, "開発速度の低下率");
    let second = harness.get_by_label_contains("具体的な投資計画とROIを提示する");
    assert_eq!(second.accesskit_node().toggled(), Some(Toggled::False));
    // One point of two: Hard is suggested; the user agrees and grades with Space.
    harness.get_by_label_contains("Space / Enter: Hard");
    press(&mut harness, &[Key::Space]);
    let records = log_records(&fixture.dir);
    let Some(Record::Review(review)) = records.first() else {
        panic!("{records:?}");
    };
    assert_eq!(review.points_detected, Some(vec![0]));
    assert_eq!(review.points_covered, Some(vec![0]));
    assert_eq!(u8::from(review.rating), 2);
}

#[test]
fn adding_an_interview_on_the_decks_screen_checks_it_and_shows_its_readiness() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Add interview…");
    // Saving with nothing filled in says what is missing and writes nothing.
    click(&mut harness, "Save interview");
    harness.get_by_label_contains("Give the interview a name");
    assert!(log_records(&fixture.dir).is_empty());

    click(&mut harness, "Name");
    harness.get_by_label("Name").type_text("Acme CTO final");
    type_into(&mut harness, "Date", "2026-11-01");
    click(&mut harness, "CTO");
    click(&mut harness, "Save interview");
    harness.get_by_label_contains("is in the past (today is 2026-11-22)");
    assert!(log_records(&fixture.dir).is_empty());

    // Three weeks ahead: the field says how far that is before it is saved.
    click(&mut harness, "Date");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Date").type_text("2026-12-13");
    harness.run();
    harness.get_by_label_contains("in 21 days");
    click(&mut harness, "Save interview");
    let interviews = harness.state().collection().interviews().to_vec();
    assert_eq!(interviews.len(), 1);
    assert_eq!(interviews[0].name, "Acme CTO final");
    assert_eq!(interviews[0].roles, ["cto"]);
    // The form is closed and the interview is listed with its readiness: nothing studied.
    assert!(harness.query_by_label("Save interview").is_none());
    harness.get_by_label("Acme CTO final");
    harness.get_by_label_contains("2026-12-13 (in 21 days)");
    harness.get_by_label("0%");
    // It is in the log, as an interview record.
    let records = log_records(&fixture.dir);
    assert!(
        matches!(&records[..], [Record::Interview(record)] if record.date.to_string() == "2026-12-13")
    );

    // Its cards now come first: "Study today's cards" opens a CTO card.
    click_containing(&mut harness, "Study today's cards");
    let session = harness.state().review_session().unwrap();
    let card = session.card.as_ref().unwrap().card_id.clone();
    assert!(card.starts_with("cto-"), "{card}");
}

#[test]
fn the_final_sweep_shows_each_card_once_before_the_interview_in_the_window() {
    let fixture = fixture(&english());
    {
        let mut collection = IndexedCollection::from(Collection::load(fixture.dir.clone(), "test"));
        let mut store = Store::open(fixture.dir.clone(), "test").unwrap();
        let start = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+09:00").unwrap();
        let cards: Vec<String> = collection
            .decks()
            .cards()
            .filter(|(deck, _)| deck.id == "vpoe")
            .map(|(_, card)| card.id.clone())
            .collect();
        // Easy twice, nine days apart: due in December, after the interview.
        for days in [0, 9] {
            for (index, card) in cards.iter().enumerate() {
                let at = start + Duration::days(days) + Duration::minutes(index as i64);
                collection
                    .record_answer(&mut store, card, Rating::Easy, at, Default::default())
                    .unwrap();
            }
        }
        let interview_day = DateTime::parse_from_rfc3339("2026-11-26T04:00:00+09:00").unwrap();
        for card in &cards {
            assert!(
                collection.state(card).due().unwrap() > interview_day,
                "{card}"
            );
        }
        let draft = mensetsu::core::study::interview::InterviewDraft {
            name: "Acme VPoE".into(),
            date: "2026-11-25".parse().ok(),
            decks: vec!["vpoe".into()],
            roles: Vec::new(),
        };
        collection
            .save_interview(&mut store, &draft, None, start + Duration::days(1))
            .unwrap();
    }
    // The 22nd is within the 3-day sweep before the 25th.
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("Final sweep:");
    // The decks screen's Due counts them; Statistics' "Due today" (FSRS alone) does not,
    // and the decks screen says so.
    harness.get_by_label_contains("15 of the due cards are in an interview's final sweep");
    click_containing(&mut harness, "Study — VPoE interview");
    let mut shown = Vec::new();
    let mut swept = 0;
    for _ in 0..40 {
        let Some(card) = harness
            .state()
            .review_session()
            .and_then(|session| session.card.as_ref())
            .map(|card| card.card_id.clone())
        else {
            break;
        };
        let kind = harness
            .state()
            .review_session()
            .and_then(|session| session.card.as_ref())
            .map(|card| card.kind);
        if kind == Some(QueueKind::Sweep) {
            harness.get_by_label("final sweep");
            swept += 1;
        }
        shown.push(card);
        fixture.clock.advance(Duration::seconds(30));
        press(&mut harness, &[Key::Escape, Key::Space, Key::Num3]);
    }
    shown.sort();
    shown.dedup();
    assert_eq!(shown.len(), 15, "every VPoE card once: {shown:?}");
    assert_eq!(swept, 15, "none was due: all came in the sweep");
    // Each was answered inside the sweep, and none comes back before the interview.
    let collection = harness.state().collection();
    let sweep_start = DateTime::parse_from_rfc3339("2026-11-22T04:00:00+09:00").unwrap();
    for card in &shown {
        assert!(
            collection.state(card).last_review().unwrap() >= sweep_start,
            "{card}"
        );
    }
    assert!(harness.query_by_label_contains("Final sweep:").is_none());
}

/// Lets the settings screen's background job (a fit, a simulation) finish, up to
/// `frames` frames 50 ms apart.
fn wait_while_settings_busy(harness: &mut Harness<'static, MensetsuApp>, frames: usize) {
    for _ in 0..frames {
        if !harness.state_mut().settings_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run();
    }
    harness.run();
}

#[test]
fn optimize_in_settings_fits_the_real_log_with_a_progress_bar_and_keeps_the_fit() {
    let fixture = fixture(&english());
    write_real_log(&fixture.dir.reviews_dir());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    harness.get_by_label("FSRS-6 defaults");
    scroll_to_and_click(&mut harness, "Optimize");
    wait_while_settings_busy(&mut harness, 600);
    harness.get_by_label_contains("Fitted to 12580 answers: RMSE 0.0754 →");
    harness.get_by_label("Fitted to your answers");
    let saved = settings::read(&fixture.dir.settings_file()).settings;
    let parameters = saved.fsrs_parameters.expect("fitted parameters saved");
    assert_eq!(parameters.len(), 21);
    assert_eq!(
        harness.state().collection().scheduler().parameters(),
        parameters.as_slice()
    );
    // Reset puts the defaults back.
    scroll_to_and_click(&mut harness, "Reset to defaults");
    assert_eq!(
        settings::read(&fixture.dir.settings_file())
            .settings
            .fsrs_parameters,
        None
    );
}

#[test]
fn the_workload_chart_marks_the_retention_fsrs_suggests_and_can_use_it() {
    // A fresh folder: too few answers for FSRS's suggestion to mean anything, so the
    // chart says so and offers nothing to use.
    let fresh = fixture(&english());
    let mut fresh_window = harness(app(&fresh));
    click(&mut fresh_window, "Settings");
    scroll_to_and_click(&mut fresh_window, "Simulate");
    wait_while_settings_busy(&mut fresh_window, 1200);
    fresh_window.get_by_label_contains("No suggestion yet: 0 of the 400 answers");
    assert!(
        fresh_window
            .query_by_label_contains("Suggested (")
            .is_none()
    );
    assert!(fresh_window.query_by_label_contains("Use 0.").is_none());
    drop(fresh_window);

    // The real review log: a suggestion, and Use puts it in the setting.
    let fixture = fixture(&english());
    write_real_log(&fixture.dir.reviews_dir());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Settings");
    scroll_to_and_click(&mut harness, "Simulate");
    wait_while_settings_busy(&mut harness, 1200);
    let suggested = harness
        .get_by_label_contains("Suggested (least time per card remembered):")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    let value: f32 = suggested.rsplit(' ').next().unwrap().parse().unwrap();
    assert!((0.70..=0.95).contains(&value), "{suggested}");
    // Below the chart: scrolled into view as a user would.
    harness
        .get_by_label(&format!("Use {value:.2}"))
        .scroll_to_me();
    harness.run();
    harness.get_by_label(&format!("Use {value:.2}")).click();
    harness.run();
    click(&mut harness, "Save");
    let saved = settings::read(&fixture.dir.settings_file()).settings;
    assert!(
        (saved.desired_retention - value).abs() < 1e-6,
        "{} {value} {suggested}",
        saved.desired_retention
    );
}

#[test]
fn the_decks_screen_lays_out_only_visible_decks_and_scrolls_to_the_last_one() {
    let fixture = fixture(&english());
    write_one_card_decks(&fixture.dir, 200);
    let mut harness = harness(app(&fixture));
    // The bundled decks come first; none of the user decks near the end is laid out.
    assert!(harness.query_by_label("Study — Deck 199").is_none());
    let laid_out = harness.query_all_by_label_contains("Study — Deck ").count();
    assert!(laid_out < 40, "{laid_out} decks laid out");
    scroll_decks_to(&mut harness, "Study — Deck 199");
    click(&mut harness, "Study — Deck 199");
    assert!(matches!(harness.state().screen(), Screen::Review));
}

/// A buried card can be brought back from the browser the same day: Bury becomes Unbury,
/// and the card is in the deck's queue again.
/// Typed one letter at a time, a word narrows the previous results (the browser then
/// looks only at the cards the shorter word found); each step, a deleted letter, and a
/// card suspended between two letters show what a search typed in one go shows.
#[test]
fn the_browser_typed_letter_by_letter_finds_what_the_whole_query_finds() {
    use mensetsu::core::study::search;
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    let clock = fixture.clock.clone();
    let expected = |harness: &Harness<'_, MensetsuApp>, query: &str| -> Vec<String> {
        let parsed = search::parse(query).unwrap();
        search::search(&parsed, harness.state().collection(), clock.now())
    };
    click(&mut harness, "Search");
    let mut typed = String::new();
    for letter in ["技", "術", "的", "負", "債"] {
        harness.get_by_label("Search").type_text(letter);
        harness.run();
        typed.push_str(letter);
        assert!(!harness.state().browse().is_busy());
        let shown = harness.state().browse().shown();
        assert!(!shown.is_empty(), "{typed}");
        assert_eq!(shown, expected(&harness, &typed), "{typed}");
    }
    // A narrower query after a change to the collection searches every card again: the
    // suspended card is still found, and shown as suspended.
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(
        harness.state().browse().shown(),
        expected(&harness, "技術的負")
    );
    harness.get_by_label("Search").type_text(" is:suspended");
    harness.run();
    assert!(harness.state().browse().shown().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Search").type_text("技術的負債");
    harness.run();
    let before = harness.state().browse().shown();
    click_containing(&mut harness, "現在の技術的負債を定量化");
    click(&mut harness, "Suspend");
    click(&mut harness, "Search");
    harness.get_by_label("Search").type_text(" is:suspended");
    harness.run();
    assert_eq!(harness.state().browse().shown(), ["vpoe-q01"]);
    assert!(before.contains(&"vpoe-q01".to_string()));
}

/// A click on a column's header orders the rows by it, a second click the other way;
/// rows equal in the column keep the decks' order.
#[test]
fn the_browser_sorts_by_a_column_both_ways() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    let questions = |harness: &Harness<'_, MensetsuApp>| -> Vec<String> {
        let collection = harness.state().collection();
        harness
            .state()
            .browse()
            .shown()
            .iter()
            .map(|id| {
                let (_, card) = collection.decks().find_card(id).unwrap();
                let text = card.question.ja().unwrap_or_default();
                text.lines().next().unwrap_or_default().to_string()
            })
            .collect()
    };
    let unsorted = questions(&harness);
    assert!(unsorted.windows(2).any(|pair| pair[0] > pair[1]));
    click(&mut harness, "Question");
    harness.run();
    assert!(!harness.state().browse().is_busy());
    let ascending = questions(&harness);
    assert!(ascending.windows(2).all(|pair| pair[0] <= pair[1]));
    harness.get_by_label("Question ▲");
    click(&mut harness, "Question ▲");
    harness.run();
    let descending = questions(&harness);
    assert!(descending.windows(2).all(|pair| pair[0] >= pair[1]));
    assert_eq!(descending.len(), unsorted.len());
    // Reps: every card is new, all equal, so the order they were in stays.
    let before = harness.state().browse().shown();
    click(&mut harness, "Reps");
    harness.run();
    harness.get_by_label("Reps ▲");
    assert_eq!(harness.state().browse().shown(), before);
}

#[test]
fn the_browser_buries_a_card_and_unburies_it() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    type_into(&mut harness, "Search", "deck:vpoe 負債");
    click_containing(&mut harness, "現在の技術的負債を定量化");
    let today = fixture.clock.0.get().date_naive();
    click(&mut harness, "Bury until tomorrow");
    assert!(
        harness
            .state()
            .collection()
            .marks("vpoe-q01")
            .is_buried(today)
    );
    click(&mut harness, "Unbury");
    assert!(
        !harness
            .state()
            .collection()
            .marks("vpoe-q01")
            .is_buried(today)
    );
    harness.get_by_label("Bury until tomorrow");
    assert_eq!(log_records(&fixture.dir).len(), 2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num1);
    harness.run();
    click_containing(&mut harness, "Study — VPoE interview");
    assert_eq!(shown_card(&harness), "vpoe-q01");
}

#[test]
fn the_browser_searches_suspends_a_card_and_studies_a_result() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Cards");
    assert!(matches!(harness.state().screen(), Screen::Browse));
    assert_eq!(harness.state().browse().shown().len(), 104);
    type_into(&mut harness, "Search", "deck:vpoe 負債");
    assert_eq!(harness.state().browse().shown(), ["vpoe-q01"]);
    // A malformed search says where, and shows no table rather than an empty one.
    harness.get_by_label("Search").type_text(" is:whatever");
    harness.run();
    harness.get_by_label_contains("is not a state");
    harness.get_by_label_contains("at character 17");
    for _ in 0..12 {
        harness.key_press(Key::Backspace);
    }
    harness.run();
    assert_eq!(harness.state().browse().shown(), ["vpoe-q01"]);
    // Select the row, suspend the card.
    click_containing(&mut harness, "現在の技術的負債を定量化");
    click(&mut harness, "Suspend");
    assert!(harness.state().collection().marks("vpoe-q01").suspended);
    harness.get_by_label("Unsuspend");
    // Its row says it is set aside, and what state it keeps.
    harness.get_by_label("new · suspended");
    let records = log_records(&fixture.dir);
    assert!(matches!(&records[..], [Record::Mark(mark)] if mark.card == "vpoe-q01"));
    // It is out of the deck's queue: the VPoE deck now starts with q02.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num1);
    harness.run();
    click_containing(&mut harness, "Study — VPoE interview");
    let first = shown_card(&harness);
    assert_eq!(first, "vpoe-q02");
    click_containing(&mut harness, "Back to decks");
    // A search result as a custom session: the suspended card is skipped, the rest come
    // in the table's order.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num3);
    harness.run();
    click(&mut harness, "Search");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Search")
        .type_text("tag:nonexistent-tag");
    harness.run();
    assert!(harness.state().browse().shown().is_empty());
    // The suspended card is found but left out of a session, and the button says so.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Search").type_text("deck:vpoe");
    harness.run();
    harness.get_by_label("Study these 14 cards");
    harness.get_by_label("1 suspended or buried card is left out");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Search").type_text("deck:cto");
    harness.run();
    assert!(harness.query_by_label_contains("left out").is_none());
    click(&mut harness, "Study these 20 cards");
    let first = shown_card(&harness);
    assert_eq!(first, "cto-q01");
}

/// The welcome card's keys are the ones that work on the first card: it said "press
/// Space", which the answer box (it has the keyboard) takes as a typed space.
#[test]
fn the_welcome_card_names_the_key_that_reveals_from_the_answer_box() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    harness.get_by_label_contains("press Ctrl+Enter (Space outside the answer box) to see");
    press(&mut harness, &[Key::Enter]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let session = harness.state().review_session().expect("studying");
    assert!(session.card.as_ref().is_some_and(|card| card.revealed));
}

/// A search's session (or a deck's) finished while other decks still have cards due
/// today said "You are done for today." and sent the user away with cards left; it says
/// how many are left elsewhere and offers to study them.
#[test]
fn a_finished_session_with_cards_due_in_other_decks_says_so_and_studies_them() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    type_into(&mut harness, "Search", "card:vpoe-q01");
    click(&mut harness, "Study this card");
    // Easy graduates the new card: nothing comes back later today in this session.
    press(&mut harness, &[Key::Escape, Key::Space, Key::Num4]);
    harness.get_by_label("Session complete");
    assert!(harness.query_by_label("You are done for today.").is_none());
    // 20 new cards a day, one introduced.
    harness.get_by_label("Nothing more here today; 19 cards are still due in your other decks.");
    click(&mut harness, "Study today's cards (19)");
    let card = shown_card(&harness);
    assert_ne!(card, "vpoe-q01");
}

#[test]
fn a_story_is_written_linked_to_a_question_and_shown_under_its_points() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Stories");
    click(&mut harness, "New story…");
    // Without a title it is refused, and nothing is written.
    click(&mut harness, "Save story");
    harness.get_by_label("Give the story a title");
    assert!(log_records(&fixture.dir).is_empty());
    click(&mut harness, "Title");
    harness
        .get_by_label("Title")
        .type_text("Paying down debt at Acme");
    click(&mut harness, "Situation");
    harness
        .get_by_label("Situation")
        .type_text("Releases had slowed to one a month.");
    click(&mut harness, "Result");
    harness
        .get_by_label("Result")
        .type_text("Lead time from 30 to 4 days.");
    // The checkbox in the form (the grid below has a column of the same name).
    harness
        .get_all_by_label("Tech debt")
        .next()
        .unwrap()
        .click();
    harness.run();
    type_into(&mut harness, "Link a question", "負債 deck:vpoe");
    scroll_to_and_click(&mut harness, "Link");
    scroll_to_and_click(&mut harness, "Save story");
    let stories = harness.state().collection().stories().to_vec();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].content.cards, ["vpoe-q01"]);
    assert_eq!(stories[0].content.competencies, ["tech-debt"]);
    assert_eq!(stories[0].content.result, "Lead time from 30 to 4 days.");
    // The grid counts the VPoE question under Tech debt.
    harness.get_by_label("14 / 15");
    // The saved story's STAR parts: each caption on its value's line, the values in one
    // column whatever the caption's length.
    let situation = harness
        .get_by_label("Releases had slowed to one a month.")
        .rect();
    let result = harness.get_by_label("Lead time from 30 to 4 days.").rect();
    assert_eq!(situation.left(), result.left(), "values in one column");
    for (caption, value) in [("Situation", situation), ("Result", result)] {
        let caption = harness
            .query_all_by_label(caption)
            .map(|node| node.rect())
            .find(|place| (place.center().y - value.center().y).abs() < 1.0)
            .unwrap_or_else(|| panic!("no caption {caption} on the line of its value"));
        assert!(caption.right() <= value.left(), "{caption:?} {value:?}");
    }
    // Studying the card: after the reveal the story is under the points.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num1);
    harness.run();
    click_containing(&mut harness, "Study — VPoE interview");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.get_by_label("Your stories (1)");
    harness.get_by_label("Paying down debt at Acme");
    harness.get_by_label("Lead time from 30 to 4 days.");
    let records = log_records(&fixture.dir);
    assert!(
        matches!(&records[..], [Record::Story(story)] if story.content.title == "Paying down debt at Acme")
    );
}

#[test]
fn weak_points_link_to_their_card_and_leeches_are_listed_on_the_decks_screen() {
    let fixture = fixture(&Settings {
        leech_threshold: 1,
        ..english()
    });
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    // vpoe-q01 (2 points): point 1 left unticked twice; then a lapse in review makes it
    // a leech at a threshold of 1.
    let lines = [
        r#"{"id":"w-1","card":"vpoe-q01","at":"2026-11-01T09:00:00+09:00","rating":4,"points_covered":[0],"points_total":2}"#,
        r#"{"id":"w-2","card":"vpoe-q01","at":"2026-11-20T09:00:00+09:00","rating":1,"points_covered":[0],"points_total":2}"#,
    ];
    std::fs::write(
        fixture.dir.reviews_dir().join("w.jsonl"),
        lines.join("\n") + "\n",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    harness.get_by_label("Leeches (1)");
    click(&mut harness, "Statistics");
    let link = harness.get_by_label("Show in Cards — vpoe-q01");
    link.scroll_to_me();
    harness.run();
    click(&mut harness, "Show in Cards — vpoe-q01");
    assert!(matches!(harness.state().screen(), Screen::Browse));
    assert_eq!(harness.state().browse().shown(), ["vpoe-q01"]);
    // The browser shows the leech tag in its row's tags.
    assert!(harness.query_all_by_label_contains("leech").any(|node| {
        node.accesskit_node()
            .value()
            .unwrap_or_default()
            .ends_with("leech")
            || node
                .accesskit_node()
                .label()
                .unwrap_or_default()
                .ends_with("leech")
    }));
}

/// A file dropped on the window, as eframe hands it to egui.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn a_dropped_guide_is_previewed_then_added_and_never_replaces_a_deck_unasked() {
    let fixture = fixture(&english());
    let guide = fixture._temp.path().join("acme-guide.md");
    std::fs::write(
        &guide,
        "# Acme CTO guide\n\n## 面接でよくある質問\n\n| 質問 | 回答のポイント |\n|---|---|\n| 1. 組織をどう作りますか？ | 採用計画、評価制度 |\n| 2. 予算はどう決めますか？ | |\n",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    let drop = |harness: &mut Harness<'static, MensetsuApp>| {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(guide.clone())));
        harness.run();
    };
    drop(&mut harness);
    // A preview first; nothing written yet. The path field names the file dropped. Each
    // question shows its points, so a point read wrongly is seen before it is added.
    harness.get_by_label("2 questions (1 with answer points)");
    harness.get_by_label("採用計画 · 評価制度");
    harness.get_by_label("no answer points");
    assert_eq!(
        harness.get_by_label("or a path:").value().as_deref(),
        guide.to_str()
    );
    assert!(
        !fixture.dir.decks_dir().exists()
            || std::fs::read_dir(fixture.dir.decks_dir()).unwrap().count() == 0
    );
    scroll_to_and_click(&mut harness, "Add to my decks");
    let files = || std::fs::read_dir(fixture.dir.decks_dir()).unwrap().count();
    assert_eq!(files(), 1);
    let deck_count = harness.state().collection().decks().decks.len();
    assert_eq!(deck_count, 5, "the bundled four and the new one");
    // The same file again: it would replace the deck, so the app asks.
    drop(&mut harness);
    harness.get_by_label_contains("exists already");
    click_containing(&mut harness, "Keep both (the new one as ");
    assert_eq!(files(), 2);
    // Both load: the copy has its own deck and card ids, so nothing is skipped.
    let collection = harness.state().collection();
    assert_eq!(collection.decks().decks.len(), 6);
    assert!(collection.decks().problems.is_empty());
}

/// Import's file dialog is drawn by the app, so it works with no desktop portal: a folder
/// typed, a folder entered, a guide chosen and previewed, other files left out; and a path
/// typed in the import panel is previewed on Enter.
#[test]
fn the_in_app_file_dialog_opens_a_guide_and_enter_previews_a_typed_path() {
    let fixture = fixture(&english());
    let folder = fixture._temp.path().join("guides");
    std::fs::create_dir_all(folder.join("older")).unwrap();
    std::fs::write(folder.join("photo.png"), b"not a guide").unwrap();
    let guide = folder.join("older").join("acme.md");
    std::fs::write(
        &guide,
        "# Acme\n\n## 想定質問\n\n### Q1. 組織をどう作りますか？\n- 採用計画\n\n### Q2. 予算は？\n",
    )
    .unwrap();
    let notes = folder.join("qa.txt");
    std::fs::write(
        &notes,
        "Q: Why us?\nA: The mission\nQ: Why now?\nA: Timing\n",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Import…");
    click(&mut harness, "Choose a file…");
    harness.get_by_label("Choose a file");
    click(&mut harness, "Folder");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Folder")
        .type_text(folder.to_str().unwrap());
    harness.run();
    press(&mut harness, &[egui::Key::Enter]);
    harness.get_by_label("qa.txt");
    assert!(
        harness.query_by_label("photo.png").is_none(),
        "only what Import reads is listed"
    );
    click(&mut harness, "older/");
    click(&mut harness, "acme.md");
    click(&mut harness, "Open");
    assert!(harness.query_by_label("Choose a file").is_none(), "closed");
    harness.get_by_label("2 questions (1 with answer points)");
    assert_eq!(
        harness.get_by_label("or a path:").value().as_deref(),
        guide.to_str()
    );

    click(&mut harness, "or a path:");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("or a path:")
        .type_text(notes.to_str().unwrap());
    harness.run();
    press(&mut harness, &[egui::Key::Enter]);
    harness.get_by_label("2 questions (2 with answer points)");
}

/// Tags are typed as a user types them ("hiring,org-design" keeps its comma while the
/// next tag is typed), and a card added and deleted again leaves nothing to save.
#[test]
fn the_editor_takes_tags_as_typed_and_knows_when_nothing_changed() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "New deck…");
    type_into(&mut harness, "Deck title", "Tagged");
    // Enter in the name creates it; a deck without cards says how to make one.
    press(&mut harness, &[Key::Enter]);
    assert!(matches!(harness.state().screen(), Screen::Edit));
    harness.get_by_label("No cards yet: “Add card” makes the first one");
    let save_enabled = |harness: &Harness<'static, MensetsuApp>| {
        !harness.get_by_label("Save").accesskit_node().is_disabled()
    };
    assert!(!save_enabled(&harness));
    click(&mut harness, "Add card");
    assert!(save_enabled(&harness));
    click(&mut harness, "Delete card");
    click(&mut harness, "Delete card");
    assert!(
        !save_enabled(&harness),
        "a card added and deleted is no change"
    );
    click(&mut harness, "Add card");
    type_into(&mut harness, "Question (English)", "Why?");
    type_into(&mut harness, "Tags", "hiring,org-design remote");
    assert_eq!(
        harness.get_by_label("Tags").value().as_deref(),
        Some("hiring,org-design remote")
    );
    click(&mut harness, "Save");
    let saved = std::fs::read_to_string(fixture.dir.decks_dir().join("tagged.json")).unwrap();
    let (deck, _) = mensetsu::core::content::deck::parse_deck("tagged.json", &saved).unwrap();
    assert_eq!(
        deck.cards[0].tags,
        ["hiring".into(), "org-design".into(), "remote".into()]
    );
}

#[test]
fn a_new_deck_is_created_edited_and_saved_from_the_editor() {
    let fixture = fixture(&english());
    let mut harness = harness(app(&fixture));
    click(&mut harness, "New deck…");
    // The form has a tab of its own, lit, as every other page has.
    assert_eq!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, "New deck")
            .accesskit_node()
            .toggled(),
        Some(Toggled::True)
    );
    // The name field has the keyboard: typing goes into it without a click.
    assert!(harness.get_by_label("Deck title").is_focused());
    type_into(&mut harness, "Deck title", "My questions");
    click(&mut harness, "Create");
    assert!(matches!(harness.state().screen(), Screen::Edit));
    let path = fixture.dir.decks_dir().join("my-questions.json");
    assert!(path.exists());
    click(&mut harness, "Add card");
    type_into(
        &mut harness,
        "Question (English)",
        "How did you grow the platform team?",
    );
    click(&mut harness, "Add point");
    click(&mut harness, "Save");
    harness.get_by_label("Saved");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("How did you grow the platform team?"),
        "{saved}"
    );
    let collection = harness.state().collection();
    let (deck, card) = collection
        .decks()
        .cards()
        .find(|(deck, _)| deck.id == "my-questions")
        .unwrap();
    assert_eq!(deck.cards.len(), 1);
    assert!(card.id.starts_with("my-questions-"), "{}", card.id);
    // Someone edits the file meanwhile: Save refuses to write over it.
    std::fs::write(&path, saved.replace("grow", "build")).unwrap();
    type_into(&mut harness, "Question (English)", " Why?");
    click(&mut harness, "Save");
    harness.get_by_label_contains("was changed on disk");
    assert!(std::fs::read_to_string(&path).unwrap().contains("build"));
    // Unsaved edits survive a look at another screen: the editor has its own tab.
    click(&mut harness, "Statistics");
    click(&mut harness, "Edit deck");
    let kept = harness
        .get_by_label("Question (English)")
        .value()
        .unwrap_or_default();
    assert!(kept.contains("Why?"), "{kept:?}");
    // Close asks before dropping them.
    click(&mut harness, "Close");
    harness.get_by_label("There are unsaved changes");
    click(&mut harness, "Keep editing");
    assert!(matches!(harness.state().screen(), Screen::Edit));
    click(&mut harness, "Close");
    click(&mut harness, "Discard them and close");
    assert!(matches!(harness.state().screen(), Screen::Decks));
    assert!(harness.query_by_label("Edit deck").is_none());
}

/// A user deck of one card with three points, for the editor tests below.
const MINE_DECK: &str = r#"{"id":"mine","title":{"en":"Mine"},"cards":[
{"id":"mine-q01","question":{"en":"Why us?"},"points":[{"en":"The mission"},{"en":"The team"},{"en":"The timing"}]}]}
"#;

/// The editor open on [`MINE_DECK`], written into a fresh data folder.
fn editing_mine() -> (Fixture, Harness<'static, MensetsuApp>) {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(fixture.dir.decks_dir().join("mine.json"), MINE_DECK).unwrap();
    let mut harness = harness(app(&fixture));
    scroll_decks_to(&mut harness, "Edit — Mine");
    click(&mut harness, "Edit — Mine");
    assert!(matches!(harness.state().screen(), Screen::Edit));
    (fixture, harness)
}

fn saved_points(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (deck, _) = mensetsu::core::content::deck::parse_deck("saved", &text).unwrap();
    deck.cards[0]
        .points
        .iter()
        .map(|point| {
            point
                .text
                .get(mensetsu::core::content::deck::Lang::En)
                .to_string()
        })
        .collect()
}

/// What is typed right after opening Cards goes into its search box, and right after Add
/// card into the new card's question: both went nowhere until the box was clicked.
#[test]
fn typing_right_after_opening_cards_or_adding_a_card_goes_into_its_box() {
    let (fixture, mut harness) = editing_mine();
    let path = fixture.dir.decks_dir().join("mine.json");
    click(&mut harness, "Add card");
    harness.event(egui::Event::Text("Why now?".to_string()));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    // In the question of the card language (Japanese in this fixture).
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(r#""ja": "Why now?""#), "{saved}");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.event(egui::Event::Text("deck:mine".to_string()));
    harness.run();
    assert_eq!(
        harness.get_by_label("Search").value().as_deref(),
        Some("deck:mine")
    );
}

/// A card that stops the deck from being saved is named by its place in the list and
/// selected; the message named it by an id the user never sees.
#[test]
fn a_card_without_a_question_is_named_by_its_place_and_selected_when_saving() {
    let (_fixture, mut harness) = editing_mine();
    click(&mut harness, "Add card");
    click(&mut harness, "Why us?");
    click(&mut harness, "Save");
    harness.get_by_label("card 2 has an empty question");
    assert_eq!(
        harness
            .get_by_label("Question (English)")
            .value()
            .as_deref(),
        Some("")
    );
}

/// Ctrl+S saves the deck from a text box, as in any editor (it did nothing).
#[test]
fn ctrl_s_saves_the_deck_from_a_text_box() {
    let (fixture, mut harness) = editing_mine();
    let path = fixture.dir.decks_dir().join("mine.json");
    click(&mut harness, "Why us?");
    click(&mut harness, "Question (English)");
    harness
        .get_by_label("Question (English)")
        .type_text(" Really?");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Why us? Really?"), "{saved}");
    assert!(harness.get_by_label("Save").accesskit_node().is_disabled());
}

/// Points move up and down; Reload with unsaved edits asks first, and a change on disk
/// met by Save can be kept beside the edits with Save as a copy.
#[test]
fn points_are_reordered_and_reload_asks_before_dropping_edits() {
    let (fixture, mut harness) = editing_mine();
    let path = fixture.dir.decks_dir().join("mine.json");
    let save_enabled = |harness: &Harness<'static, MensetsuApp>| {
        !harness.get_by_label("Save").accesskit_node().is_disabled()
    };
    assert!(
        harness
            .get_by_label("Move up — The mission")
            .accesskit_node()
            .is_disabled(),
        "the first point cannot go up"
    );
    click(&mut harness, "Move up — The timing");
    click(&mut harness, "Save");
    assert_eq!(
        saved_points(&path),
        ["The mission", "The timing", "The team"]
    );

    click(&mut harness, "Move down — The mission");
    assert!(save_enabled(&harness));
    click(&mut harness, "Reload");
    harness.get_by_label_contains("Reloading drops your unsaved changes");
    click(&mut harness, "Keep editing");
    assert!(save_enabled(&harness), "the edits are still there");
    click(&mut harness, "Reload");
    click(&mut harness, "Discard changes and reload");
    assert!(!save_enabled(&harness), "back to the file");

    // Someone changes the file while the points are moved again: Save refuses to write
    // over it and offers a copy, which keeps both.
    click(&mut harness, "Move down — The mission");
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"Mine\"", "\"Theirs\"");
    std::fs::write(&path, &theirs).unwrap();
    click(&mut harness, "Save");
    harness.get_by_label_contains("was changed on disk");
    click(&mut harness, "Save as a copy");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let copy = fixture.dir.decks_dir().join("mine-2.json");
    assert_eq!(
        saved_points(&copy),
        ["The timing", "The mission", "The team"]
    );
    let collection = harness.state().collection();
    assert!(collection.decks().problems.is_empty());
    assert!(collection.decks().contains_card("mine-q01"));
    assert!(collection.decks().contains_card("mine-2-q01"));
}

/// Delete deck… says what it does, Cancel keeps the deck, and deleting moves the file
/// aside (never destroys it) while its answers stay in the log.
#[test]
fn a_deck_is_deleted_from_the_editor_after_saying_what_happens() {
    let (fixture, mut harness) = editing_mine();
    let path = fixture.dir.decks_dir().join("mine.json");
    let log = files(&fixture.dir.reviews_dir());
    click(&mut harness, "Delete deck…");
    harness.get_by_label_contains("Its file is moved to");
    harness.get_by_label_contains("The answers of its 1 card stay in the log");
    click(&mut harness, "Cancel");
    assert!(path.exists());
    click(&mut harness, "Delete deck…");
    click(&mut harness, "Delete deck");
    assert!(!path.exists());
    let moved = fixture.dir.deleted_decks_dir().join("mine.json");
    assert_eq!(std::fs::read_to_string(&moved).unwrap(), MINE_DECK);
    assert!(matches!(harness.state().screen(), Screen::Decks));
    harness.get_by_label_contains("Deck deleted");
    assert!(
        !harness
            .state()
            .collection()
            .decks()
            .contains_card("mine-q01")
    );
    assert_eq!(
        files(&fixture.dir.reviews_dir()),
        log,
        "the log is left alone"
    );
}

/// A deck of one card whose point is a figure, written for the test below.
const FIGURE_DECK: &str = r#"{
  "id": "figures",
  "title": { "ja": "年収の相場", "en": "Salary bands" },
  "cards": [
    { "id": "figures-q01",
      "question": { "ja": "スタートアップのVPoEの年収の相場は？", "en": "What does a VPoE at a startup earn?" },
      "points": [
        { "ja": "スタートアップのVPoEの年収は800万円〜", "en": "A startup VPoE earns from 8 million yen" },
        { "ja": "ストックオプションで上振れがある", "en": "Stock options add upside" }
      ] }
  ]
}
"#;

#[test]
fn a_wrong_figure_is_not_ticked_and_the_reveal_says_why() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.decks_dir()).unwrap();
    std::fs::write(fixture.dir.decks_dir().join("figures.json"), FIGURE_DECK).unwrap();
    let mut harness = harness(app(&fixture));
    // User decks come after the bundled ones: scroll down to it.
    for _ in 0..50 {
        if harness.query_by_label("Study — Salary bands").is_some() {
            break;
        }
        harness
            .query_all_by_label_contains("Study — ")
            .last()
            .unwrap()
            .scroll_down();
        harness.run();
    }
    harness.get_by_label("Study — Salary bands").click();
    harness.run();
    harness.get_by_label("Your answer (optional)").click();
    harness.run();
    // The point's words, with another figure than the guide's.
    harness
        .get_by_label("Your answer (optional)")
        .type_text("スタートアップのVPoEの年収は600万円くらいです。");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    let point = harness.get_by_label_contains("年収は800万円〜");
    assert_eq!(point.accesskit_node().toggled(), Some(Toggled::False));
    harness.get_by_label("Your figure, 600万円, differs from the guide's (800万円〜)");
}

/// A package as Anki writes one: two Basic notes, one with two answers.
fn anki_package(path: &std::path::Path) {
    use mensetsu::core::anki::collection::{self, NotetypeLayout, WriteOptions};
    use mensetsu::core::anki::{
        AnkiCard, AnkiCollection, AnkiDeck, AnkiNote, AnkiNotetype, AnkiReview, RevlogKind, package,
    };
    let card = |id: i64| AnkiCard {
        id,
        note: id,
        deck: 7,
        ord: 0,
        kind: 2,
        queue: 2,
        due: 0,
        interval: 1,
        factor: 2500,
        reps: 2,
        lapses: 0,
        left: 0,
        data: "{}".into(),
    };
    let note = |id: i64, front: &str, back: &str| AnkiNote {
        id,
        guid: format!("g{id}"),
        notetype: 3,
        tags: Vec::new(),
        fields: vec![front.into(), back.into()],
    };
    let answer = |id: i64, ease: i64, kind: RevlogKind| AnkiReview {
        id,
        card: 1,
        ease,
        interval: 1,
        last_interval: 0,
        factor: 0,
        time_ms: 8000,
        kind,
    };
    let anki = AnkiCollection {
        decks: vec![AnkiDeck {
            id: 7,
            name: "Phone".into(),
        }],
        notetypes: vec![AnkiNotetype {
            id: 3,
            name: "Basic".into(),
            fields: vec!["Front".into(), "Back".into()],
        }],
        notes: vec![
            note(
                1,
                "How do you run incidents?",
                "<ul><li>Detect</li><li>Recover</li></ul>",
            ),
            note(2, "How do you hire?", "Pipeline<br>Bar raisers"),
        ],
        cards: vec![card(1), card(2)],
        revlog: vec![
            answer(1_795_133_703_000, 3, RevlogKind::Learn),
            answer(1_795_220_103_000, 4, RevlogKind::Review),
        ],
    };
    let options = WriteOptions {
        created_secs: 0,
        now_millis: 0,
        layout: NotetypeLayout {
            question_format: "{{Front}}".into(),
            answer_format: "{{Back}}".into(),
            css: String::new(),
        },
        fsrs_parameters: Vec::new(),
        desired_retention: 0.9,
        rollover_hour: 4,
    };
    let sqlite = collection::write(&anki, &options).unwrap();
    std::fs::write(path, package::pack(&sqlite).unwrap()).unwrap();
}

#[test]
fn an_anki_package_is_previewed_with_its_field_mapping_then_imported_with_its_answers() {
    let fixture = fixture(&english());
    let package = fixture._temp.path().join("phone.apkg");
    anki_package(&package);
    let not_a_package = fixture._temp.path().join("notes.apkg");
    std::fs::write(&not_a_package, "#separator:tab\n").unwrap();
    let mut harness = harness(app(&fixture));
    let drop = |harness: &mut Harness<'static, MensetsuApp>, path: &std::path::Path| {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(path.to_path_buf())));
        harness.run();
    };
    drop(&mut harness, &not_a_package);
    harness.get_by_label_contains("notes.apkg: not an Anki package (it is not a zip file");

    drop(&mut harness, &package);
    harness.get_by_label(
        "2 notes in 1 Anki deck: 0 already here, 2 new, 1 with history. 2 answers to add (0 already in the log)",
    );
    harness.get_by_label(
        "Note type “Basic” (2 notes): Front → question; Back → answer points (one per list item or line)",
    );
    // Nothing is written before the preview is accepted.
    assert!(
        !fixture.dir.decks_dir().exists()
            || std::fs::read_dir(fixture.dir.decks_dir()).unwrap().count() == 0
    );
    assert!(log_records(&fixture.dir).is_empty());

    click(&mut harness, "Import the cards and answers");
    harness.get_by_label("Imported 2 cards and 2 answers");
    let records = log_records(&fixture.dir);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].id(), "anki:1795133703000");
    let collection = harness.state().collection();
    assert_eq!(collection.decks().decks.len(), 5);
    assert_eq!(collection.state("anki-1").phase(), Phase::Review);
    let (_, card) = collection.decks().find_card("anki-2").unwrap();
    assert_eq!(card.points.len(), 2);

    // The same package again adds nothing.
    drop(&mut harness, &package);
    harness.get_by_label("Nothing new: every card and answer is here already");
    assert!(
        harness
            .query_by_label("Import the cards and answers")
            .is_none()
    );
}

#[test]
fn the_export_menu_writes_an_anki_package_with_history() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(
        fixture.dir.reviews_dir().join("laptop.jsonl"),
        concat!(
            r#"{"id":"laptop-1","card":"vpoe-q01","at":"2026-11-20T09:15:03.120+09:00","rating":3,"duration_ms":84000}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Export…");
    click(&mut harness, "Anki package (.apkg, with history)");
    click(&mut harness, "All decks");
    let written = fixture.dir.exports_dir().join("mensetsu-all.apkg");
    harness.get_by_label(&written.display().to_string());
    let (entry, anki) = mensetsu::core::anki::read_package(&written).unwrap();
    assert_eq!(entry, "collection.anki21");
    assert_eq!(
        anki.notes.len(),
        harness.state().collection().decks().card_count()
    );
    assert_eq!(anki.revlog.len(), 1);
    assert_eq!(anki.revlog[0].id, 1_795_133_703_120);
}

/// The names of a package's media files, from its `media` map.
fn package_media(path: &std::path::Path) -> serde_json::Value {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut map = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut map)
        .unwrap();
    serde_json::from_str(&map).unwrap()
}

/// Recordings go into a package only once "Include recordings" is ticked.
#[test]
fn the_export_menu_includes_recordings_only_when_ticked() {
    let fixture = fixture(&english());
    std::fs::create_dir_all(fixture.dir.reviews_dir()).unwrap();
    std::fs::write(
        fixture.dir.reviews_dir().join("laptop.jsonl"),
        concat!(
            r#"{"id":"laptop-1","card":"vpoe-q01","at":"2026-11-20T09:15:03.120+09:00","rating":3,"duration_ms":84000,"spoken":{"recording":"laptop-20261120T001300Z-0000002a","speech_ms":75000,"pauses":2,"rate":3.6,"unit":"syllables/s"}}"#,
            "\n",
            // Its file deleted since (or not yet synced): left out with a quiet count.
            r#"{"id":"laptop-2","card":"vpoe-q02","at":"2026-11-20T09:20:00.000+09:00","rating":3,"spoken":{"recording":"laptop-20261120T002000Z-0000002b","speech_ms":60000,"pauses":1,"rate":3.5,"unit":"syllables/s"}}"#,
            "\n",
        ),
    )
    .unwrap();
    std::fs::create_dir_all(fixture.dir.recordings_dir()).unwrap();
    std::fs::write(
        fixture
            .dir
            .recordings_dir()
            .join("laptop-20261120T001300Z-0000002a.wav"),
        b"RIFF and the rest",
    )
    .unwrap();
    let mut harness = harness(app(&fixture));
    click(&mut harness, "Export…");
    click(&mut harness, "Anki package (.apkg, with history)");
    click(&mut harness, "All decks");
    let first = fixture.dir.exports_dir().join("mensetsu-all.apkg");
    assert_eq!(package_media(&first), serde_json::json!({}));

    click(&mut harness, "Export…");
    click(&mut harness, "Anki package (.apkg, with history)");
    click(&mut harness, "Include recordings");
    // Ticking leaves the menu open on the decks to choose from.
    harness.get_by_label("All decks");
    click(&mut harness, "All decks");
    // A choice closes it.
    assert!(harness.query_by_label("Include recordings").is_none());
    let second = fixture.dir.exports_dir().join("mensetsu-all-2.apkg");
    harness.get_by_label(&second.display().to_string());
    harness.get_by_label("1 recording not on this computer (deleted, or not yet synced) left out");
    assert!(
        harness
            .query_by_label_contains("Recording left out")
            .is_none()
    );
    assert_eq!(
        package_media(&second),
        serde_json::json!({"0": "laptop-20261120T001300Z-0000002a.wav"})
    );
    let (_, anki) = mensetsu::core::anki::read_package(&second).unwrap();
    let listed = anki
        .notes
        .iter()
        .filter(|note| {
            note.fields
                .iter()
                .any(|field| field.contains("[sound:laptop-20261120T001300Z-0000002a.wav]"))
        })
        .count();
    assert_eq!(listed, 1, "the one card answered aloud lists its recording");
}

/// A deck whose Study is greyed out says why on hover: with the day's new cards used
/// (one a day here) it showed 0 new beside cards never studied, and looked broken.
#[test]
fn a_deck_with_nothing_to_study_today_says_why() {
    let fixture = fixture(&Settings {
        new_cards_per_day: 1,
        ..english()
    });
    let mut harness = harness(app(&fixture));
    press(&mut harness, &[egui::Key::Enter]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    press(&mut harness, &[egui::Key::Escape, egui::Key::Num3]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    let study = harness.get_by_label_contains("Study — CTO interview");
    assert!(study.accesskit_node().is_disabled());
    study.hover();
    for _ in 0..30 {
        harness.step();
    }
    harness.get_by_label_contains("today's new cards (1 a day) have all been shown");
}
