//! `mensetsu cards`: every card with its scheduling state, derived from the log.

use super::{GlobalOptions, JsonList, open_collection, print_json};
use crate::core::collection::Collection;
use crate::core::content::deck::{Card, Deck};
use crate::core::review::scheduler::Phase;
use chrono::{DateTime, FixedOffset, Local, SecondsFormat};
use serde::Serialize;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// Every card with its scheduling state: stability, difficulty, recall probability now,
/// due date, reviews and lapses.
#[derive(Debug, clap::Args)]
pub struct CardsArgs {
    /// A JSON list of objects instead of a table
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
pub(super) struct CardRow<'a> {
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

/// A card as `cards --json` prints it.
pub(super) fn card_row<'a>(
    collection: &'a Collection,
    deck: &'a Deck,
    card: &'a Card,
    now: DateTime<FixedOffset>,
) -> CardRow<'a> {
    let state = collection.state(&card.id);
    CardRow {
        id: &card.id,
        deck: &deck.id,
        state: state.phase(),
        stability: state.stability(),
        difficulty: state.difficulty(),
        retrievability: collection.scheduler().retrievability(&state, now),
        due: state.due().map(rfc3339),
        reps: state.reps(),
        lapses: state.lapses(),
    }
}

pub fn run(options: &GlobalOptions, args: &CardsArgs) -> ExitCode {
    let collection = match open_collection(options, "cards") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let now = Local::now().fixed_offset();
    let rows = collection
        .decks()
        .cards()
        .map(|(deck, card)| card_row(&collection, deck, card, now));
    let code = if args.json {
        print_json(&JsonList::new(rows))
    } else {
        print_table(&rows.collect::<Vec<_>>());
        ExitCode::SUCCESS
    };
    // The process ends here, and the kernel takes back its memory at once; freeing the
    // log's records and the replay one allocation at a time first would only add to the
    // command's time (BENCHMARKS.md, `cards --json`).
    std::mem::forget(collection);
    code
}

pub(super) fn print_table(rows: &[CardRow]) {
    // The text columns are as wide as their longest entry (by display width: a Japanese
    // card id takes two columns a character), so a long id never shifts a row.
    let widest = |header: &str, of: for<'a> fn(&'a CardRow) -> &'a str| {
        rows.iter()
            .map(|row| of(row).width())
            .chain([header.width()])
            .max()
            .unwrap_or(0)
    };
    let id_width = widest("id", |row| row.id);
    let deck_width = widest("deck", |row| row.deck);
    let line = |id: &str, deck: &str, rest: &str| {
        println!(
            "{id}{} {deck}{} {rest}",
            " ".repeat(id_width - id.width()),
            " ".repeat(deck_width - deck.width())
        );
    };
    line(
        "id",
        "deck",
        &format!(
            "{:<10} {:>9} {:>6} {:>6} {:<25} {:>4} {:>6}",
            "state", "stability", "diff", "R", "due", "reps", "lapses"
        ),
    );
    for row in rows {
        let number = |value: Option<f32>, digits: usize| {
            value.map_or("-".to_string(), |v| format!("{v:.digits$}"))
        };
        line(
            row.id,
            row.deck,
            &format!(
                "{:<10} {:>9} {:>6} {:>6} {:<25} {:>4} {:>6}",
                format!("{:?}", row.state).to_lowercase(),
                number(row.stability, 2),
                number(row.difficulty, 2),
                number(row.retrievability, 3),
                row.due.as_deref().unwrap_or("-"),
                row.reps,
                row.lapses
            ),
        );
    }
}
