//! The card browser with 100,000 cards (BENCHMARKS.md): one frame of the table (only the
//! rows in view are laid out), and a new search over every card, which happens when the
//! query or the collection changes, not every frame.
//!
//! `cargo bench --bench browse`

mod common;

use chrono::{DateTime, FixedOffset};
use common::generated_decks;
use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
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
    let now = DateTime::parse_from_rfc3339("2026-11-29T09:00:00+09:00").expect("time");
    let collection = Collection::load(dir.clone(), "bench");
    assert!(collection.decks().card_count() >= 100_000);
    let store = Store::open(dir, "bench").map_err(|error| error.to_string());
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
    let mut until_found = |app: &mut MensetsuApp, query: &str| {
        app.apply(Action::Browse(query.to_string()));
        let mut frames = 0;
        loop {
            drop(run(app));
            frames += 1;
            if !app.browse().is_searching() {
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
                    until_found(&mut app, before);
                    let started = std::time::Instant::now();
                    until_found(&mut app, typed);
                    spent += started.elapsed();
                }
                spent
            })
        });
    }
    // A click on a column's header: the next frame sorts the 100,000 rows.
    until_found(&mut app, "");
    let mut columns = [
        (SortBy::Question, true),
        (SortBy::Due, true),
        (SortBy::Deck, false),
        (SortBy::Stability, false),
    ]
    .into_iter()
    .cycle();
    c.bench_function("browse_100k_cards/sort_column", |b| {
        b.iter(|| {
            let (column, ascending) = columns.next().unwrap_or((SortBy::Due, true));
            app.browse_mut().sort_by(column, ascending);
            run(&mut app)
        })
    });
    app.apply(Action::Browse(String::new()));
    drop(run(&mut app));

    let query = search::parse("deck:bench-d050 -is:suspended 負債").expect("query");
    c.bench_function("browse_100k_cards/search", |b| {
        b.iter(|| search::search(&query, app.collection(), now))
    });
}

criterion_group!(benches, browse);
criterion_main!(benches);
