//! `mensetsu search`: the browser's search from the command line.

use super::cards::{CardRow, card_row, print_table};
use super::{GlobalOptions, open_collection, print_json};
use crate::core::review::log::Flag;
use crate::core::study::search;
use chrono::Local;
use serde::Serialize;
use std::process::ExitCode;

/// Cards matching a search, in Anki's syntax: free text, deck:, tag:,
/// is:new|learn|review|due|suspended|buried|leech, flag:N, lapses>N, prop:due<N,
/// -negation; all terms must match
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The search, e.g. 'deck:vpoe -is:new 負債' (one argument: quote it for the shell);
    /// empty matches every card
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: String,
    /// A JSON list of objects instead of a table
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct SearchRow<'a> {
    #[serde(flatten)]
    card: CardRow<'a>,
    flag: Flag,
    suspended: bool,
    buried: bool,
    leech: bool,
}

pub fn run(options: &GlobalOptions, args: &SearchArgs) -> ExitCode {
    let text = &args.query;
    let query = match search::parse(text) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("mensetsu search: {}", super::words().query_error(&error));
            eprintln!("  {text}");
            eprintln!("  {}^", " ".repeat(error.column.saturating_sub(1)));
            return ExitCode::from(2);
        }
    };
    let collection = match open_collection(options, "search") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let now = Local::now().fixed_offset();
    let today = collection.scheduler().study_day(now);
    let rows: Vec<SearchRow> = search::Matcher::new(&query, &collection, now)
        .cards()
        .into_iter()
        .map(|(deck, card)| {
            let marks = collection.marks(&card.id);
            SearchRow {
                card: card_row(&collection, deck, card, now),
                flag: marks.flag,
                suspended: marks.suspended,
                buried: marks.is_buried(today),
                leech: collection.is_leech(&card.id),
            }
        })
        .collect();
    if args.json {
        return print_json(&rows);
    }
    let cards: Vec<CardRow> = rows.into_iter().map(|row| row.card).collect();
    print_table(&cards);
    println!("{}", super::plural(cards.len(), "card"));
    ExitCode::SUCCESS
}
