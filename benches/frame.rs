//! Frame benchmarks (BENCHMARKS.md, target 3): the CPU time of one egui frame of the
//! decks screen and of the review screen with 100,000 cards loaded, in a headless egui
//! context with the app's fonts. Nothing is painted: a frame here is `Context::run_ui`
//! (layout and shapes), plus, separately, tessellation into meshes.
//!
//! `cargo bench --bench frame`
//!
//! `MENSETSU_BENCH_REVIEWS=N` makes the log N reviews long instead of 1,000,000: the
//! growth series (`benches/growth.sh`) runs it at 10,000, 100,000 and 1,000,000 to show
//! that no frame grows with the history.

mod common;

use chrono::{DateTime, FixedOffset};
use common::{generated_decks, synthetic_log, to_jsonl};
use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::core::collection::Collection;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::scheduler::{Rating, Scheduler, SchedulerConfig};
use mensetsu::core::review::store::Store;
use mensetsu::core::settings::{self, ContentLanguage, Settings};
use mensetsu::core::study::interview::InterviewDraft;
use mensetsu::core::study::queue;
use mensetsu::core::study::scope::Scope;
use mensetsu::ui::{Action, Clock, InterviewAction, MensetsuApp, ReviewAction, Screen};
use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// The app's time stands still, so every frame draws the same thing; the answering
/// benchmarks move it on a day when the cards due run out.
#[derive(Clone)]
struct FixedClock(Rc<Cell<DateTime<FixedOffset>>>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0.get()
    }
}

/// How long the log is: `MENSETSU_BENCH_REVIEWS`, or 1,000,000.
fn review_count() -> usize {
    std::env::var("MENSETSU_BENCH_REVIEWS")
        .ok()
        .and_then(|text| text.replace(',', "").parse().ok())
        .unwrap_or(1_000_000)
}

/// A data folder with 100 user decks of 1,000 cards and a 1,000,000-review log of them
/// (or [`review_count`] reviews).
struct Fixture {
    _temp: tempfile::TempDir,
    dir: DataDir,
    now: DateTime<FixedOffset>,
}

fn fixture() -> Fixture {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(temp.path());
    std::fs::create_dir_all(dir.decks_dir()).expect("decks dir");
    std::fs::create_dir_all(dir.reviews_dir()).expect("reviews dir");
    for (name, text) in generated_decks(100, 1_000) {
        std::fs::write(dir.decks_dir().join(name), text).expect("deck file");
    }
    let scheduler = Scheduler::new(SchedulerConfig::default()).expect("scheduler");
    let (records, end) = synthetic_log(&scheduler, 100, 1_000, review_count());
    std::fs::write(
        dir.reviews_dir().join("other-device.jsonl"),
        to_jsonl(&records),
    )
    .expect("log file");
    // Both languages on the card and a Japanese interface: the most text per frame.
    let settings = Settings {
        ui_language: Some(Lang::Ja),
        content_language: Some(ContentLanguage::Both),
        ..Settings::default()
    };
    settings::save(&dir.settings_file(), &settings).expect("settings");
    Fixture {
        _temp: temp,
        dir,
        now: end + chrono::Duration::minutes(30),
    }
}

fn app(fixture: &Fixture, clock: &FixedClock) -> MensetsuApp {
    let started = Instant::now();
    let collection = Collection::load(fixture.dir.clone(), "bench");
    eprintln!(
        "Collection::load of 100,000 cards and {} reviews: {:.0} ms",
        review_count(),
        started.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(collection.decks().card_count(), 100_000 + bundled_cards());
    assert!(
        collection.problems().is_empty(),
        "{:?}",
        collection.problems()
    );
    let store = Store::open(fixture.dir.clone(), "bench");
    MensetsuApp::new(collection, store, Box::new(clock.clone()), Lang::Ja)
}

fn bundled_cards() -> usize {
    mensetsu::core::content::deck::DeckSet::load(None).card_count()
}

/// A headless egui context with the app's fonts, drawing the app into a 980×760 window
/// (the app's default size) frame after frame.
struct Headless {
    ctx: egui::Context,
    frame: u64,
}

impl Headless {
    fn new() -> Self {
        let ctx = egui::Context::default();
        MensetsuApp::install_fonts(&ctx);
        Self { ctx, frame: 0 }
    }

    fn input(&mut self) -> egui::RawInput {
        self.frame += 1;
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(980.0, 760.0),
            )),
            time: Some(self.frame as f64 / 60.0),
            ..Default::default()
        }
    }

    /// One frame: the app's UI code and egui's layout, as `eframe` runs it.
    fn run(&mut self, app: &mut MensetsuApp) -> egui::FullOutput {
        let input = self.input();
        let mut output = self.ctx.run_ui(input, |ui| app.show(ui));
        // No renderer takes the font texture updates; unapplied deltas must be cleared.
        output.textures_delta.clear();
        output
    }

    /// One frame and its tessellation into triangles (what `eframe` does next, before
    /// handing the meshes to OpenGL).
    fn run_and_tessellate(&mut self, app: &mut MensetsuApp) -> Vec<egui::ClippedPrimitive> {
        let output = self.run(app);
        self.ctx.tessellate(output.shapes, output.pixels_per_point)
    }

    fn warm_up(&mut self, app: &mut MensetsuApp) {
        for _ in 0..30 {
            drop(self.run(app));
        }
    }
}

fn frames(c: &mut Criterion) {
    let fixture = fixture();
    let clock = FixedClock(Rc::new(Cell::new(fixture.now)));
    let mut app = app(&fixture, &clock);
    let mut headless = Headless::new();

    let mut group = c.benchmark_group("frame_100k_cards");
    assert!(matches!(app.screen(), Screen::Decks));
    headless.warm_up(&mut app);
    group.bench_function("decks", |b| b.iter(|| headless.run(&mut app)));
    group.bench_function("decks_tessellated", |b| {
        b.iter(|| headless.run_and_tessellate(&mut app))
    });

    app.apply(Action::StartSession(Scope::AllDecks));
    assert!(matches!(app.screen(), Screen::Review), "a card is due");
    headless.warm_up(&mut app);
    group.bench_function("review_question", |b| b.iter(|| headless.run(&mut app)));
    group.bench_function("review_question_tessellated", |b| {
        b.iter(|| headless.run_and_tessellate(&mut app))
    });

    // The first draft to check builds the answer-point detector over all decks, once per
    // run of the app (BENCHMARKS.md, "Noticed while measuring").
    let started = Instant::now();
    app.collection().detector();
    eprintln!(
        "the answer-point detector built over 100,000 cards: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    app.apply(Action::Review(ReviewAction::Reveal));
    headless.warm_up(&mut app);
    group.bench_function("review_revealed", |b| b.iter(|| headless.run(&mut app)));
    group.bench_function("review_revealed_tessellated", |b| {
        b.iter(|| headless.run_and_tessellate(&mut app))
    });

    group.finish();
    let mut group = c.benchmark_group("answer_100k_cards");
    group.sample_size(20);

    // Answering: the grade applied as the app applies it after the frame that read the
    // key (the answer appended to the log and synced, the card's state and the queue
    // moved, the next card picked) plus the frame that draws the next card. Two frames'
    // work timed as one, so the figure is an upper bound for either. The reveal before
    // each answer is not timed.
    group.bench_function("review_answer", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                keep_cards_coming(&mut app, &clock);
                app.apply(Action::Review(ReviewAction::Reveal));
                headless.run(&mut app);
                let started = Instant::now();
                app.apply(Action::Review(ReviewAction::Grade(Rating::Good)));
                headless.run(&mut app);
                total += started.elapsed();
            }
            total
        })
    });

    // The decks screen's first frame after an answer, when its counts are out of date.
    group.bench_function("decks_after_answer", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| {
                    decks_frame_after_answer(&mut app, &mut headless, |app| {
                        keep_cards_coming(app, &clock)
                    })
                })
                .sum()
        })
    });
    group.finish();

    // The decks screen's numbers, recomputed when the collection changes and every 30 s,
    // and the next card after an answer, both from the collection's due index.
    let now = app.now();
    let collection = app.collection();
    let mut group = c.benchmark_group("overview_100k_cards");
    group.bench_function("due_counts_by_deck", |b| {
        b.iter(|| queue::due_counts_by_deck(collection, now))
    });
    group.bench_function("next_card", |b| {
        b.iter(|| queue::next_card(collection, &Scope::AllDecks, now))
    });
    group.finish();

    // Interview mode: an interview in two days over half the decks (50,000 cards), so its
    // final sweep has begun; the queue follows its plan, laid over the due index.
    let today = app.collection().scheduler().study_day(app.now());
    app.apply(Action::Interview(InterviewAction::Save {
        draft: InterviewDraft {
            name: "Bench CTO final".to_string(),
            date: Some(today + chrono::Days::new(2)),
            decks: (0..50).map(|deck| format!("bench-d{deck:03}")).collect(),
            roles: Vec::new(),
        },
        editing: None,
    }));
    app.apply(Action::Open(Screen::Review));
    // The plan of the day is made at the session's first question (like the due index's
    // build, once, not a frame's work).
    let started = Instant::now();
    app.apply(Action::StartSession(Scope::AllDecks));
    eprintln!(
        "session start with the interview plan of the day over 50,000 cards: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    assert!(
        app.collection().planned_day(app.now()).is_some(),
        "no interview mode"
    );
    let mut group = c.benchmark_group("interview_100k_cards");
    group.sample_size(20);
    group.bench_function("review_answer", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                app.apply(Action::Review(ReviewAction::Reveal));
                headless.run(&mut app);
                let started = Instant::now();
                app.apply(Action::Review(ReviewAction::Grade(Rating::Good)));
                headless.run(&mut app);
                total += started.elapsed();
            }
            total
        })
    });
    // The decks screen's first frame after an answer: its counts, and the interview's
    // readiness and sweep on the decks screen's interview card, are out of date.
    group.bench_function("decks_after_answer", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| decks_frame_after_answer(&mut app, &mut headless, |_| {}))
                .sum()
        })
    });
    assert!(
        app.review_session()
            .is_some_and(|session| !session.is_over()),
        "the interview's cards ran out during the benchmark"
    );
    let now = app.now();
    let collection = app.collection();
    group.bench_function("due_counts_by_deck", |b| {
        b.iter(|| queue::due_counts_by_deck(collection, now))
    });
    group.bench_function("next_card", |b| {
        b.iter(|| queue::next_card(collection, &Scope::AllDecks, now))
    });
    group.finish();
}

/// The time of the decks screen's first frame after one answer, when what it shows is out
/// of date; `before_answer` readies the session first.
fn decks_frame_after_answer(
    app: &mut MensetsuApp,
    headless: &mut Headless,
    before_answer: impl FnOnce(&mut MensetsuApp),
) -> Duration {
    app.apply(Action::Open(Screen::Review));
    before_answer(app);
    app.apply(Action::Review(ReviewAction::Reveal));
    app.apply(Action::Review(ReviewAction::Grade(Rating::Good)));
    app.apply(Action::Open(Screen::Decks));
    let started = Instant::now();
    headless.run(app);
    started.elapsed()
}

/// When the session has run out of cards, a day later with a new session: thousands
/// more are due by then.
fn keep_cards_coming(app: &mut MensetsuApp, clock: &FixedClock) {
    if app
        .review_session()
        .is_some_and(|session| !session.is_over())
    {
        return;
    }
    clock.0.set(clock.0.get() + chrono::Duration::days(1));
    app.apply(Action::StartSession(Scope::AllDecks));
    assert!(
        app.review_session()
            .is_some_and(|session| !session.is_over()),
        "nothing due a day later"
    );
}

criterion_group!(benches, frames);
criterion_main!(benches);
