//! The card browser with 100,000 cards and 1,000,000 answers (BENCHMARKS.md): one frame
//! of the table (only the rows in view are laid out); a keystroke, whose search runs a
//! few milliseconds a frame until done; the time from a keystroke to its results; and a
//! click on a column's header, which sorts every row.
//!
//! `cargo bench --bench browse`

mod common;

use chrono::{DateTime, FixedOffset};
use common::{generated_decks, synthetic_log, to_jsonl};
use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::scheduler::{Scheduler, SchedulerConfig};
use mensetsu::core::review::store::Store;
use mensetsu::core::study::search;
use mensetsu::ui::browse_screen::SortBy;
use mensetsu::ui::{Action, Clock, MensetsuApp, Screen};

struct FixedClock(DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

fn browse(c: &mut Criterion) {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(temp.path());
    std::fs::create_dir_all(dir.decks_dir()).expect("decks dir");
    for (name, text) in generated_decks(100, 1_000) {
        std::fs::write(dir.decks_dir().join(name), text).expect("deck file");
    }
    // A million answers, so that the columns of the scheduling state have values to sort
    // by (a card never answered has none).
    std::fs::create_dir_all(dir.reviews_dir()).expect("reviews dir");
    let scheduler = Scheduler::new(SchedulerConfig::default()).expect("scheduler");
    let (records, end) = synthetic_log(&scheduler, 100, 1_000, 1_000_000);
    std::fs::write(
        dir.reviews_dir().join("other-device.jsonl"),
        to_jsonl(&records),
    )
    .expect("log file");
    drop(records);
    let now = end + chrono::Duration::minutes(30);
    let collection = Collection::load(dir.clone(), "bench");
    assert!(collection.decks().card_count() >= 100_000);
    let store = Store::open(dir, "bench");
    let mut app = MensetsuApp::new(collection, store, Box::new(FixedClock(now)), Lang::Ja);
    let ctx = egui::Context::default();
    MensetsuApp::install_fonts(&ctx);
    let mut frame = 0u64;
    let mut run = |app: &mut MensetsuApp| {
        frame += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(980.0, 760.0),
            )),
            time: Some(frame as f64 / 60.0),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.show(ui));
        output.textures_delta.clear();
        output
    };
    app.apply(Action::Open(Screen::Browse));
    for _ in 0..30 {
        drop(run(&mut app));
    }
    assert!(app.browse().shown().len() >= 100_000);
    c.bench_function("browse_100k_cards/frame", |b| b.iter(|| run(&mut app)));

    // A keystroke in the search box: the query changes, and the next frame searches for
    // at most its share of the frame (a search over every card's text takes several
    // frames, which show the previous results). Typing "チーム" one letter at a time, the
    // last two letters alternating: "チーム" narrows "チー"'s results, "チー" after
    // "チーム" searches every card again.
    let mut typed = ["チー", "チーム"].into_iter().cycle();
    c.bench_function("browse_100k_cards/keystroke", |b| {
        b.iter(|| {
            let query = typed.next().unwrap_or_default();
            app.apply(Action::Browse(query.to_string()));
            run(&mut app)
        })
    });
    // Emptying the box: every card listed again.
    let mut typed = ["", "x"].into_iter().cycle();
    c.bench_function("browse_100k_cards/keystroke_all_cards", |b| {
        b.iter(|| {
            let query = typed.next().unwrap_or_default();
            app.apply(Action::Browse(query.to_string()));
            run(&mut app)
        })
    });
    // From a keystroke to the last frame of its search: every card's text read for a
    // word ("負" after the empty box), and a word typed longer ("負債" after "負"), which
    // reads only the cards the shorter word found.
    // Frames until the browser is done (or `most` frames); a query typed first, if any.
    let mut frames_until_done = |app: &mut MensetsuApp, query: Option<&str>, most: usize| {
        if let Some(query) = query {
            app.apply(Action::Browse(query.to_string()));
        }
        let mut frames = 0;
        loop {
            drop(run(app));
            frames += 1;
            if !app.browse().is_busy() || frames >= most {
                return frames;
            }
        }
    };
    for (name, before, typed) in [
        ("browse_100k_cards/results_every_card", "", "負"),
        ("browse_100k_cards/results_narrowed", "負", "負債"),
    ] {
        c.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut spent = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    frames_until_done(&mut app, Some(before), usize::MAX);
                    let started = std::time::Instant::now();
                    frames_until_done(&mut app, Some(typed), usize::MAX);
                    spent += started.elapsed();
                }
                spent
            })
        });
    }
    // One frame after the click (the values are looked up a few milliseconds a frame,
    // then sorted on a thread), and from the click to the rows in the new order.
    frames_until_done(&mut app, Some(""), usize::MAX);
    for (name, column, most) in [
        ("browse_100k_cards/sort_click", SortBy::Question, 1),
        (
            "browse_100k_cards/sorted_question",
            SortBy::Question,
            usize::MAX,
        ),
        ("browse_100k_cards/sorted_due", SortBy::Due, usize::MAX),
        ("browse_100k_cards/sorted_deck", SortBy::Deck, usize::MAX),
    ] {
        let mut ascending = [true, false].into_iter().cycle();
        c.bench_function(name, |b| {
            b.iter(|| {
                app.browse_mut()
                    .sort_by(column, ascending.next().unwrap_or(true));
                frames_until_done(&mut app, None, most)
            })
        });
    }
    let query = search::parse("deck:bench-d050 -is:suspended 負債").expect("query");
    c.bench_function("browse_100k_cards/search", |b| {
        b.iter(|| search::search(&query, app.collection(), now))
    });
}

criterion_group!(benches, browse);
criterion_main!(benches);
