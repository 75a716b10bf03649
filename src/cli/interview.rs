//! `mensetsu interview`: add, list and remove the interviews the queue prepares for.

use super::{GlobalOptions, open_collection, open_for_writing, print_json};
use crate::core::study::interview::{Interview, InterviewDraft};
use chrono::{Local, NaiveDate};
use serde::Serialize;
use std::process::ExitCode;

/// Interviews you prepare for: until the date, their cards come first, lowest predicted
/// recall on the day first, and every card is seen in the last days (the final sweep)
#[derive(Debug, clap::Args)]
pub struct InterviewArgs {
    #[command(subcommand)]
    action: InterviewAction,
}

#[derive(Debug, clap::Subcommand)]
enum InterviewAction {
    /// Add an interview
    Add {
        /// What to call it, e.g. "Acme CTO final"
        #[arg(long)]
        name: String,
        /// The day of the interview, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: NaiveDate,
        /// A deck it covers (repeat for several)
        #[arg(long = "deck", value_name = "ID")]
        decks: Vec<String>,
        /// A role it covers, every deck of it (repeat for several): vpoe, hoe, cto, other
        #[arg(long = "role", value_name = "ID")]
        roles: Vec<String>,
    },
    /// List the interviews, upcoming and past
    List {
        /// A JSON list instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Remove an interview (its records stay in the log)
    Remove {
        /// The interview's id, as `interview list` shows it
        id: String,
    },
}

#[derive(Serialize)]
struct InterviewRow<'a> {
    id: &'a str,
    name: &'a str,
    date: NaiveDate,
    decks: &'a [String],
    roles: &'a [String],
    cards: usize,
    /// Negative once the date has passed.
    days_left: i64,
    upcoming: bool,
}

pub fn run(options: &GlobalOptions, args: &InterviewArgs) -> ExitCode {
    match &args.action {
        InterviewAction::Add {
            name,
            date,
            decks,
            roles,
        } => {
            let (mut collection, mut store) = match open_for_writing(options, "interview add") {
                Ok(opened) => opened,
                Err(code) => return code,
            };
            if let Err(code) = super::known_decks(&collection, decks, "interview add") {
                return code;
            }
            let draft = InterviewDraft {
                name: name.clone(),
                date: Some(*date),
                decks: decks.clone(),
                roles: roles.clone(),
            };
            let now = Local::now().fixed_offset();
            match collection.save_interview(&mut store, &draft, None, now) {
                Ok(id) => {
                    println!("added interview {id}: {} on {date}", name.trim());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("mensetsu interview add: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        InterviewAction::List { json } => {
            let collection = match open_collection(options, "interview list") {
                Ok(collection) => collection,
                Err(code) => return code,
            };
            let today = collection
                .scheduler()
                .study_day(Local::now().fixed_offset());
            let rows: Vec<InterviewRow> = collection
                .interviews()
                .iter()
                .map(|interview| row(interview, &collection, today))
                .collect();
            if *json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                println!(
                    "no interviews; add one with: mensetsu interview add --name NAME --date YYYY-MM-DD --role cto"
                );
            }
            for row in rows {
                let when = match row.days_left {
                    0 => "today".to_string(),
                    1 => "tomorrow".to_string(),
                    days if days > 0 => format!("in {days} days"),
                    _ => "past".to_string(),
                };
                let covers: Vec<&str> = row
                    .decks
                    .iter()
                    .chain(row.roles)
                    .map(String::as_str)
                    .collect();
                println!(
                    "{}  {}  {:<12} {} ({} cards: {})",
                    row.id,
                    row.date,
                    when,
                    row.name,
                    row.cards,
                    covers.join(", ")
                );
            }
            ExitCode::SUCCESS
        }
        InterviewAction::Remove { id } => {
            let (mut collection, mut store) = match open_for_writing(options, "interview remove") {
                Ok(opened) => opened,
                Err(code) => return code,
            };
            match collection.remove_interview(&mut store, id, Local::now().fixed_offset()) {
                Ok(()) => {
                    println!("removed interview {id}");
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("mensetsu interview remove: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn row<'a>(
    interview: &'a Interview,
    collection: &crate::core::collection::Collection,
    today: NaiveDate,
) -> InterviewRow<'a> {
    InterviewRow {
        id: &interview.id,
        name: &interview.name,
        date: interview.date,
        decks: &interview.decks,
        roles: &interview.roles,
        cards: interview.cards(collection.decks()).count(),
        days_left: interview.days_left(today),
        upcoming: interview.is_upcoming(today),
    }
}
