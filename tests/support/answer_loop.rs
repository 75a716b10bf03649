//! `mensetsu-answer-loop`: answers cards in a loop, for the crash tests
//! (`tests/crash_safety.rs`). Not a product command: it is built only with the
//! `test-support` feature, which only the tests enable (through the dev-dependency of the
//! package on itself in Cargo.toml), so it is never installed or shipped.
//!
//! It exists because the promise "an answer the app said was saved survives a crash" can
//! only be tested by killing a real process at random moments while it writes, and the
//! app itself needs a window. The loop goes through the same `Store` and
//! `Collection::record_answer` the app uses, and prints `saved <review id> <card> <rating>
//! <time>` only after `record_answer` returned `Ok` — the moment the app would move on to
//! the next card.

use chrono::{DateTime, Duration, FixedOffset, Local};
use clap::Parser;
use mensetsu::core::collection::{AnswerDetails, Collection};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::log::Flag;
use mensetsu::core::review::scheduler::Rating;
use mensetsu::core::review::store::Store;
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::core::study::queue;
use mensetsu::core::study::scope::Scope;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Answers cards until N answers are saved (forever without --count), printing `saved
/// <review id> <card> <rating> <time>` after each.
#[derive(Debug, Parser)]
#[command(name = "mensetsu-answer-loop")]
struct LoopArgs {
    /// The data folder to answer in
    #[arg(long, value_name = "DIR")]
    data_dir: PathBuf,
    /// Stop after this many answers
    #[arg(long)]
    count: Option<u64>,
    /// The synthetic clock starts here (default: now), but always after the latest record
    /// already in the data folder
    #[arg(long, value_name = "RFC3339", value_parser = DateTime::parse_from_rfc3339)]
    start: Option<DateTime<FixedOffset>>,
    /// Seconds the synthetic clock moves on per answer
    #[arg(long, default_value_t = 37, value_parser = clap::value_parser!(i64).range(1..=86_400 * 365))]
    step_secs: i64,
    /// Attach a typed answer of about this size, so writes are long enough to be cut by a
    /// kill
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=64 << 20))]
    answer_bytes: u64,
    /// Save the settings first, as the app's Settings → Save does (for the test that
    /// traces how a settings file reaches the disk)
    #[arg(long)]
    save_settings: bool,
    /// Mix every kind of record between the answers: suspend, unsuspend, bury, flag,
    /// note, own points, story, interview and undo; each reported as `saved <record id>
    /// <kind>` once it is on disk
    #[arg(long)]
    mixed: bool,
    /// Instead of answering: type a three-question mock interview into the app itself
    /// (its real widgets, drawn without a window, the clock moving a second a frame): an
    /// answer to question 1, Ctrl+Enter, one to question 2, Ctrl+Enter, then question 3
    /// a character at a time, printing `drafted <answer 3 so far>` each time drafts.json
    /// holds it, until killed
    #[arg(long)]
    mock_draft: bool,
}

/// Device id when `MENSETSU_DEVICE_ID` is not set; fixed so that repeated runs continue
/// one log, as the app does on one computer.
const DEFAULT_DEVICE_ID: &str = "debug";

/// A grade pattern with every rating, so cards move through every phase.
const RATINGS: [Rating; 7] = [
    Rating::Good,
    Rating::Again,
    Rating::Good,
    Rating::Hard,
    Rating::Easy,
    Rating::Good,
    Rating::Again,
];

fn main() -> ExitCode {
    let args = LoopArgs::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mensetsu-answer-loop: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &LoopArgs) -> Result<(), String> {
    let dir = DataDir::new(&args.data_dir);
    let device_id = std::env::var("MENSETSU_DEVICE_ID")
        .ok()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| DEFAULT_DEVICE_ID.to_string());
    let now = Local::now().fixed_offset();
    if args.mock_draft {
        return mock_draft::run(dir, &device_id, now);
    }
    // The store first, as the app does: a second process must fail here, before reading
    // anything, with the "in use" message.
    let mut store = Store::open(dir.clone(), &device_id).map_err(|error| error.to_string())?;
    let mut collection = IndexedCollection::from(Collection::load_at(dir, now));
    for problem in collection.problems() {
        eprintln!("warning: {problem}");
    }
    if args.save_settings {
        let settings = collection.settings().clone();
        collection
            .apply_settings(settings)
            .map_err(|error| error.to_string())?;
        println!("settings saved");
    }
    let start = args.start.unwrap_or(now);
    let step = Duration::seconds(args.step_secs);
    // Never before the latest record of any device: each answer is strictly later than
    // every answer before it, across restarts and devices, as with a real clock.
    let mut at = match collection.log_records().iter().map(|r| r.record.at()).max() {
        Some(latest) if latest >= start => latest.with_timezone(start.offset()) + step,
        _ => start,
    };
    let card_ids: Vec<String> = collection
        .decks()
        .cards()
        .map(|(_, card)| card.id.clone())
        .collect();
    if card_ids.is_empty() {
        return Err("no cards to answer".to_string());
    }
    let answer = draft(usize::try_from(args.answer_bytes).unwrap_or(0));
    let mut stdout = std::io::stdout().lock();
    let mut saved: u64 = 0;
    if args.mixed {
        return mixed(
            &mut collection,
            &mut store,
            &card_ids,
            at,
            step,
            args.count,
            &mut stdout,
        );
    }
    while args.count.is_none_or(|count| saved < count) {
        // The study queue picks as the app would; when it has nothing (daily limit
        // reached, nothing due) the cards are taken in turn.
        let card = queue::next_card(&collection, &Scope::AllDecks, at)
            .map(|(id, _)| id)
            .unwrap_or_else(|| card_ids[(saved % card_ids.len() as u64) as usize].clone());
        let rating = RATINGS[(saved % RATINGS.len() as u64) as usize];
        let details = AnswerDetails {
            duration_ms: Some(1_000 + saved % 90_000),
            answer: (!answer.is_empty()).then(|| answer.clone()),
            ..AnswerDetails::default()
        };
        let id = collection
            .record_answer(&mut store, &card, rating, at, details)
            .map_err(|error| error.to_string())?;
        saved += 1;
        // What was saved, so the test can compare it with the log: id, card, rating
        // (1-4) and time.
        writeln!(
            stdout,
            "saved {id} {card} {} {}",
            u8::from(rating),
            at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
        )
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("cannot write to stdout: {error}"))?;
        at += step;
    }
    Ok(())
}

/// The `--mixed` loop: one record of each kind in turn, each reported once it is saved.
fn mixed(
    collection: &mut IndexedCollection,
    store: &mut Store,
    card_ids: &[String],
    mut at: DateTime<FixedOffset>,
    step: Duration,
    count: Option<u64>,
    stdout: &mut impl Write,
) -> Result<(), String> {
    use mensetsu::core::study::interview::InterviewDraft;
    use mensetsu::core::study::story::StoryContent;
    let mut saved: u64 = 0;
    let mut last_answer: Option<String> = None;
    // The cycle goes on where the log left off, so runs killed early still reach every
    // kind of record.
    let start = collection.log_records().len() as u64;
    while count.is_none_or(|count| saved < count) {
        let position = start + saved;
        let card = card_ids[(position as usize / 10) % card_ids.len()].clone();
        let id = store.next_id();
        let kind = match position % 10 {
            0 | 5 => {
                let rating = RATINGS[(position % RATINGS.len() as u64) as usize];
                let answer_id = collection
                    .record_answer(store, &card, rating, at, AnswerDetails::default())
                    .map_err(|error| error.to_string())?;
                last_answer = Some(answer_id);
                "review"
            }
            1 => {
                collection
                    .set_suspended(store, std::slice::from_ref(&card), true, at)
                    .map_err(|error| error.to_string())?;
                "suspend"
            }
            2 => {
                collection
                    .set_suspended(store, std::slice::from_ref(&card), false, at)
                    .map_err(|error| error.to_string())?;
                "unsuspend"
            }
            3 => {
                collection
                    .set_buried(store, std::slice::from_ref(&card), true, at)
                    .map_err(|error| error.to_string())?;
                "bury"
            }
            4 => {
                collection
                    .set_flag(store, &card, Flag::ALL[(position % 8) as usize], at)
                    .map_err(|error| error.to_string())?;
                "flag"
            }
            6 => {
                collection
                    .save_note(store, &card, &format!("note {id} メモ"), at)
                    .map_err(|error| error.to_string())?;
                "note"
            }
            7 => {
                collection
                    .save_own_points(store, &card, &[format!("own point {id}")], at)
                    .map_err(|error| error.to_string())?;
                "own_points"
            }
            8 => {
                let draft = StoryContent {
                    title: format!("story {id}"),
                    situation: draft(3_000),
                    cards: vec![card.clone()],
                    ..StoryContent::default()
                };
                // Every other story edits the first one, so versions pile up.
                let editing = collection.stories().first().map(|story| story.id.clone());
                let editing = editing.filter(|_| position % 20 == 18);
                collection
                    .save_story(store, &draft, editing.as_deref(), at)
                    .map_err(|error| error.to_string())?;
                "story"
            }
            _ => match last_answer.take() {
                Some(answer) if position % 20 == 9 => {
                    collection
                        .undo(store, &answer, at)
                        .map_err(|error| error.to_string())?;
                    "undo"
                }
                _ => {
                    let draft = InterviewDraft {
                        name: format!("interview {id}"),
                        date: Some(at.date_naive() + Duration::days(30)),
                        decks: Vec::new(),
                        roles: vec!["cto".to_string()],
                    };
                    collection
                        .save_interview(store, &draft, None, at)
                        .map_err(|error| error.to_string())?;
                    "interview"
                }
            },
        };
        saved += 1;
        writeln!(stdout, "saved {id} {kind}")
            .and_then(|()| stdout.flush())
            .map_err(|error| format!("cannot write to stdout: {error}"))?;
        at += step;
    }
    Ok(())
}

/// A typed answer of about `bytes` bytes, in Japanese so that a cut can fall inside a
/// multi-byte character.
fn draft(bytes: usize) -> String {
    const PHRASE: &str = "技術的負債を可視化し、ロードマップに組み込みます。";
    PHRASE.chars().cycle().take(bytes / 3).collect()
}

/// `--mock-draft`: what a user typing a mock interview does, for the test that kills the
/// process and expects the next start to offer the answers back.
mod mock_draft {
    use chrono::{DateTime, Duration, FixedOffset};
    use mensetsu::core::collection::Collection;
    use mensetsu::core::content::deck::Lang;
    use mensetsu::core::drafts::Drafts;
    use mensetsu::core::paths::DataDir;
    use mensetsu::core::review::store::Store;
    use mensetsu::core::study::mock::MockSetup;
    use mensetsu::ui::context::MockAction;
    use mensetsu::ui::{Action, Clock, MensetsuApp, Screen};
    use std::cell::Cell;
    use std::io::Write;
    use std::rc::Rc;

    /// Typed to question 1, to question 2, and first to question 3 (then more pieces).
    const FIRST: &str = "結論から：離職率を半年で12%下げた";
    const SECOND: &str = "Numbers first, then the story";
    const THIRD: [&str; 6] = ["採用計画", "、", "面接", "の", "設計", "。"];

    #[derive(Clone)]
    struct Steps(Rc<Cell<DateTime<FixedOffset>>>);

    impl Clock for Steps {
        fn now(&self) -> DateTime<FixedOffset> {
            self.0.get()
        }
    }

    struct Window {
        ctx: egui::Context,
        app: MensetsuApp,
        clock: Steps,
    }

    impl Window {
        /// One frame with these events, a second after the last.
        fn frame(&mut self, events: Vec<egui::Event>) {
            self.clock.0.set(self.clock.0.get() + Duration::seconds(1));
            let input = egui::RawInput {
                events,
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1000.0, 800.0),
                )),
                ..Default::default()
            };
            let app = &mut self.app;
            // No renderer here: the textures are not wanted.
            let mut output = self.ctx.run_ui(input, |ui| app.show(ui));
            output.textures_delta.clear();
        }
    }

    fn ctrl_enter() -> egui::Event {
        egui::Event::Key {
            key: egui::Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        }
    }

    fn typed(text: &str) -> egui::Event {
        egui::Event::Text(text.to_string())
    }

    /// The third answer as drafts.json holds it, read without setting anything aside.
    fn third_on_disk(dir: &DataDir) -> Option<String> {
        let bytes = std::fs::read(dir.drafts_file()).ok()?;
        let drafts: Drafts = serde_json::from_slice(&bytes).ok()?;
        Some(drafts.mock?.answers.get(2)?.answer.clone())
    }

    pub fn run(dir: DataDir, device_id: &str, now: DateTime<FixedOffset>) -> Result<(), String> {
        let store = Store::open(dir.clone(), device_id).map_err(|error| error.to_string())?;
        let collection = Collection::load_at(dir.clone(), now);
        let clock = Steps(Rc::new(Cell::new(now)));
        let app = MensetsuApp::new(collection, Ok(store), Box::new(clock.clone()), Lang::En);
        let ctx = egui::Context::default();
        MensetsuApp::install_fonts(&ctx);
        let mut window = Window { ctx, app, clock };
        window.frame(vec![]);
        // The set-up page's widgets are not what is tested here: start as its button does.
        window.app.apply(Action::Open(Screen::Mock));
        window.app.apply(Action::Mock(MockAction::Start(MockSetup {
            questions: 3,
            ..MockSetup::default()
        })));
        // The answer box takes the keyboard when a question appears.
        window.frame(vec![]);
        window.frame(vec![typed(FIRST)]);
        window.frame(vec![ctrl_enter()]);
        window.frame(vec![]);
        window.frame(vec![typed(SECOND)]);
        window.frame(vec![ctrl_enter()]);
        window.frame(vec![]);
        let mut third = String::new();
        let mut stdout = std::io::stdout().lock();
        let mut round = 0;
        loop {
            let piece = THIRD[round % THIRD.len()];
            round += 1;
            third.push_str(piece);
            window.frame(vec![typed(piece)]);
            // A second a frame: the draft is on disk within a few.
            for _ in 0..5 {
                window.frame(vec![]);
                if third_on_disk(&dir).as_deref() == Some(third.as_str()) {
                    writeln!(stdout, "drafted {third}")
                        .and_then(|()| stdout.flush())
                        .map_err(|error| format!("cannot write to stdout: {error}"))?;
                    break;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
