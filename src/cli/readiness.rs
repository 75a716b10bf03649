//! `mensetsu readiness`: predicted recall on a day, per card, per deck and overall.

use super::{GlobalOptions, open_collection, print_json};
use crate::core::collection::Collection;
use crate::core::review::days::start_of_study_day;
use crate::core::study::readiness::{self, Readiness};
use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, SecondsFormat, TimeZone};
use serde::Serialize;
use std::collections::HashMap;
use std::process::ExitCode;

/// Predicted recall of your cards on a day: per card FSRS's retrievability at the start of
/// that day (the rollover hour, local time), a card never studied counting 0; the mean per
/// deck and overall. Without --date, for every upcoming interview
#[derive(Debug, clap::Args)]
pub struct ReadinessArgs {
    /// The day, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// Only this deck's cards (repeat for several) [default: every deck, or each
    /// interview's]
    #[arg(long = "deck", value_name = "ID")]
    decks: Vec<String>,
    /// One JSON object instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct ReadinessJson {
    date: NaiveDate,
    /// The moment predicted for: the date's start at the rollover hour, local time.
    at: String,
    overall: f32,
    cards_total: usize,
    decks: Vec<DeckJson>,
    cards: Vec<CardJson>,
}

#[derive(Serialize)]
struct DeckJson {
    deck: String,
    cards: usize,
    mean: f32,
}

#[derive(Serialize)]
struct CardJson {
    card: String,
    deck: String,
    recall: f32,
}

#[derive(Serialize)]
struct InterviewReadinessJson {
    id: String,
    name: String,
    days_left: i64,
    #[serde(flatten)]
    readiness: ReadinessJson,
}

#[derive(Serialize)]
struct InterviewsJson {
    interviews: Vec<InterviewReadinessJson>,
}

fn to_json(date: NaiveDate, readiness: Readiness) -> ReadinessJson {
    ReadinessJson {
        date,
        at: readiness.at.to_rfc3339_opts(SecondsFormat::Secs, false),
        overall: readiness.overall,
        cards_total: readiness.cards.len(),
        decks: readiness
            .decks
            .into_iter()
            .map(|deck| DeckJson {
                deck: deck.deck,
                cards: deck.cards,
                mean: deck.mean,
            })
            .collect(),
        cards: readiness
            .cards
            .into_iter()
            .map(|card| CardJson {
                card: card.card,
                deck: card.deck,
                recall: card.recall,
            })
            .collect(),
    }
}

/// The start of `date` at the rollover hour in the local time of that day (daylight
/// saving included).
fn local_start(date: NaiveDate, rollover_hour: u32) -> Option<DateTime<FixedOffset>> {
    let time = NaiveTime::from_hms_opt(rollover_hour.min(23), 0, 0)?;
    let offset = Local
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|at| at.fixed_offset().offset().to_owned())?;
    start_of_study_day(date, rollover_hour, offset)
}

pub fn run(options: &GlobalOptions, args: &ReadinessArgs) -> ExitCode {
    let collection = match open_collection(options, "readiness") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    if let Err(code) = super::known_decks(&collection, &args.decks, "readiness") {
        return code;
    }
    let rollover = collection.settings().day_rollover_hour;
    match args.date {
        Some(date) => {
            let Some(at) = local_start(date, rollover) else {
                eprintln!("mensetsu readiness: {date} has no {rollover}:00 in local time");
                return ExitCode::FAILURE;
            };
            // A card first studied on a later day was not known yet on `date`: it counts 0,
            // as a card never studied does, not its recall from answers still to come.
            let scheduler = collection.scheduler();
            let first_studied: HashMap<&str, NaiveDate> = collection
                .reviewed_cards()
                .filter_map(|(card, _, first)| {
                    first.map(|first| (card, scheduler.study_day(first.record.at)))
                })
                .collect();
            let result = readiness::readiness(
                scheduler,
                collection
                    .decks()
                    .cards()
                    .filter(|(deck, _)| args.decks.is_empty() || args.decks.contains(&deck.id)),
                |card| {
                    collection
                        .state_of(card)
                        .filter(|_| first_studied.get(card).is_some_and(|first| *first <= date))
                },
                at,
            );
            let json = to_json(date, result);
            if args.json {
                return print_json(&json);
            }
            print_readiness(&collection, &json);
            ExitCode::SUCCESS
        }
        None => {
            let today = collection
                .scheduler()
                .study_day(Local::now().fixed_offset());
            let mut interviews = Vec::new();
            for interview in collection.upcoming_interviews(today) {
                let Some(at) = local_start(interview.date, rollover) else {
                    continue;
                };
                let result = readiness::readiness(
                    collection.scheduler(),
                    interview
                        .cards(collection.decks())
                        .filter(|(deck, _)| args.decks.is_empty() || args.decks.contains(&deck.id)),
                    |card| collection.state_of(card),
                    at,
                );
                interviews.push(InterviewReadinessJson {
                    id: interview.id.clone(),
                    name: interview.name.clone(),
                    days_left: interview.days_left(today),
                    readiness: to_json(interview.date, result),
                });
            }
            if args.json {
                return print_json(&InterviewsJson { interviews });
            }
            if interviews.is_empty() {
                println!(
                    "no upcoming interviews; give a day with --date YYYY-MM-DD, or add an interview with `mensetsu interview add`"
                );
            }
            for interview in &interviews {
                println!(
                    "{} ({}, in {} days):",
                    interview.name, interview.readiness.date, interview.days_left
                );
                print_readiness(&collection, &interview.readiness);
            }
            ExitCode::SUCCESS
        }
    }
}

fn print_readiness(collection: &Collection, json: &ReadinessJson) {
    println!(
        "readiness on {} (from {}): {:.1}% over {} cards",
        json.date,
        json.at,
        json.overall * 100.0,
        json.cards_total
    );
    for deck in &json.decks {
        let title = collection
            .decks()
            .decks
            .iter()
            .find(|loaded| loaded.deck.id == deck.deck)
            .map_or(deck.deck.as_str(), |loaded| {
                loaded.deck.title.get(crate::core::content::deck::Lang::En)
            });
        println!(
            "  {:<40} {:>5.1}%  ({} cards)",
            title,
            deck.mean * 100.0,
            deck.cards
        );
    }
    let mut weakest: Vec<&CardJson> = json.cards.iter().collect();
    weakest.sort_by(|a, b| a.recall.total_cmp(&b.recall));
    if !weakest.is_empty() {
        println!("  weakest cards:");
        for card in weakest.iter().take(5) {
            println!("    {:<28} {:>5.1}%", card.card, card.recall * 100.0);
        }
    }
}
