//! `cards` and `stats`: read-only views of the derived progress.

use super::GlobalOptions;
use crate::core::collection::Collection;
use crate::core::scheduler::Phase;
use chrono::{DateTime, FixedOffset, Local, SecondsFormat};
use serde::Serialize;
use std::ffi::OsString;
use std::process::ExitCode;

/// `--json` is the only option; anything else is a usage error.
fn wants_json(command: &str, args: &[OsString]) -> Result<bool, ExitCode> {
    let mut json = false;
    for arg in args {
        if arg == "--json" {
            json = true;
        } else {
            eprintln!(
                "mensetsu {command}: unknown option `{}`\nusage: mensetsu {command} [--json]",
                arg.to_string_lossy()
            );
            return Err(ExitCode::from(2));
        }
    }
    Ok(json)
}

fn open_collection(options: &GlobalOptions, command: &str) -> Result<Collection, ExitCode> {
    let dir = options.data_dir().map_err(|message| {
        eprintln!("mensetsu {command}: {message}");
        ExitCode::FAILURE
    })?;
    let collection = Collection::load_at(dir, Local::now().fixed_offset());
    // Problems go to stderr so `--json` output stays parseable.
    for problem in collection.problems() {
        eprintln!("warning: {problem}");
    }
    Ok(collection)
}

#[derive(Serialize)]
struct CardRow<'a> {
    id: &'a str,
    deck: &'a str,
    state: Phase,
    stability: Option<f32>,
    difficulty: Option<f32>,
    retrievability: Option<f32>,
    due: Option<String>,
    reps: u32,
    lapses: u32,
}

fn rfc3339(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub fn cards(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let json = match wants_json("cards", args) {
        Ok(json) => json,
        Err(code) => return code,
    };
    let collection = match open_collection(options, "cards") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let now = Local::now().fixed_offset();
    let states: Vec<_> = collection
        .decks
        .cards()
        .map(|(deck, card)| (deck, card, collection.state(&card.id)))
        .collect();
    let rows: Vec<CardRow> = states
        .iter()
        .map(|(deck, card, state)| CardRow {
            id: &card.id,
            deck: &deck.id,
            state: state.phase,
            stability: state.stability,
            difficulty: state.difficulty,
            retrievability: collection.scheduler.retrievability(state, now),
            due: state.due.map(rfc3339),
            reps: state.reps,
            lapses: state.lapses,
        })
        .collect();
    if json {
        return print_json(&rows);
    }
    println!(
        "{:<28} {:<20} {:<10} {:>9} {:>6} {:>6} {:<25} {:>4} {:>6}",
        "id", "deck", "state", "stability", "diff", "R", "due", "reps", "lapses"
    );
    for row in &rows {
        let number = |value: Option<f32>, digits: usize| {
            value.map_or("-".to_string(), |v| format!("{v:.digits$}"))
        };
        println!(
            "{:<28} {:<20} {:<10} {:>9} {:>6} {:>6} {:<25} {:>4} {:>6}",
            row.id,
            row.deck,
            format!("{:?}", row.state).to_lowercase(),
            number(row.stability, 2),
            number(row.difficulty, 2),
            number(row.retrievability, 3),
            row.due.as_deref().unwrap_or("-"),
            row.reps,
            row.lapses
        );
    }
    ExitCode::SUCCESS
}

pub fn stats(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let json = match wants_json("stats", args) {
        Ok(json) => json,
        Err(code) => return code,
    };
    let collection = match open_collection(options, "stats") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let stats = collection.stats(Local::now().fixed_offset());
    if json {
        return print_json(&stats);
    }
    let counts = stats.counts;
    println!(
        "cards: {} new, {} learning, {} review, {} relearning ({} total)",
        counts.new,
        counts.learning,
        counts.review,
        counts.relearning,
        counts.total()
    );
    let retention = stats.true_retention;
    match retention.rate {
        Some(rate) => println!(
            "true retention, last 30 days: {:.1}% ({} of {} review answers passed)",
            rate * 100.0,
            retention.passed,
            retention.total
        ),
        None => println!("true retention, last 30 days: no review answers yet"),
    }
    println!("streak: {} day(s)", stats.streak_days);
    println!("due in the next 7 days:");
    for due in stats.due_per_day.iter().take(7) {
        println!("  {}  {}", due.day, due.cards);
    }
    let recent: Vec<_> = stats.reviews_per_day.iter().rev().take(7).collect();
    if !recent.is_empty() {
        println!("reviews on the last study days:");
        for (day, reviews) in recent.into_iter().rev() {
            println!(
                "  {day}  {} (again {}, hard {}, good {}, easy {})",
                reviews.total(),
                reviews.again,
                reviews.hard,
                reviews.good,
                reviews.easy
            );
        }
    }
    ExitCode::SUCCESS
}

fn print_json<T: Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("mensetsu: cannot encode the output as JSON: {error}");
            ExitCode::FAILURE
        }
    }
}
