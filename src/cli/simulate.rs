//! `mensetsu simulate`: FSRS's simulator on your cards, plain scheduling against
//! interview mode, with the same days and daily time.

use super::{GlobalOptions, open_collection, print_json};
use crate::core::study::simulate::{self, RUNS, Scenario, StartingCard};
use chrono::Local;
use serde::Serialize;
use std::process::ExitCode;

/// Simulate the days up to an interview with FSRS's simulator: the share of your cards
/// you would recall on the day with plain scheduling and with interview mode
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// Study days before the interview (the interview is the day after the last)
    #[arg(long, value_name = "N")]
    days: usize,
    /// Study time a day, in minutes
    #[arg(long, value_name = "M")]
    minutes_per_day: f32,
    /// Only this deck's cards (repeat for several) [default: every deck]
    #[arg(long = "deck", value_name = "ID")]
    decks: Vec<String>,
    /// One JSON object instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Report {
    cards: usize,
    studied: usize,
    days: usize,
    minutes_per_day: f32,
    desired_retention: f32,
    final_sweep_days: usize,
    runs: u64,
    plain: simulate::Outcome,
    interview: simulate::Outcome,
}

pub fn run(options: &GlobalOptions, args: &SimulateArgs) -> ExitCode {
    let collection = match open_collection(options, "simulate") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    if let Err(code) = super::known_decks(&collection, &args.decks, "simulate") {
        return code;
    }
    let now = Local::now().fixed_offset();
    let cards: Vec<_> = collection
        .decks()
        .cards()
        .filter(|(deck, _)| args.decks.is_empty() || args.decks.contains(&deck.id))
        .collect();
    let studied: Vec<StartingCard> = cards
        .iter()
        .filter_map(|(_, card)| collection.state_of(&card.id))
        .filter_map(|state| StartingCard::from_state(state, now))
        .collect();
    let settings = collection.settings();
    let scenario = Scenario {
        studied,
        card_count: cards.len(),
        days: args.days,
        minutes_per_day: args.minutes_per_day,
        desired_retention: settings.desired_retention,
        new_cards_per_day: settings.new_cards_per_day as usize,
        maximum_interval_days: settings.maximum_interval_days,
        final_sweep_days: settings.final_sweep_days as usize,
        // The same memory model for everyone, so figures compare across users.
        parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
    };
    let comparison = match simulate::compare(&scenario) {
        Ok(comparison) => comparison,
        Err(error) => {
            eprintln!("mensetsu simulate: {error}");
            return ExitCode::FAILURE;
        }
    };
    let report = Report {
        cards: scenario.card_count,
        studied: scenario.studied.len(),
        days: scenario.days,
        minutes_per_day: scenario.minutes_per_day,
        desired_retention: scenario.desired_retention,
        final_sweep_days: scenario.final_sweep_days,
        runs: RUNS,
        plain: comparison.plain,
        interview: comparison.interview,
    };
    if args.json {
        return print_json(&report);
    }
    println!(
        "{} cards ({} studied), {} days, {} minutes a day, desired retention {:.2}, mean of {} runs of FSRS's simulator:",
        report.cards,
        report.studied,
        report.days,
        report.minutes_per_day,
        report.desired_retention,
        report.runs
    );
    for (label, outcome) in [
        ("plain scheduling", report.plain),
        ("interview mode  ", report.interview),
    ] {
        println!(
            "  {label}  {:>5.1}% recalled on the day  ({:.0} cards studied, {:.0} answers, {:.1} min/day)",
            outcome.recall_on_the_day * 100.0,
            outcome.introduced,
            outcome.answers,
            outcome.minutes_per_day
        );
    }
    ExitCode::SUCCESS
}
