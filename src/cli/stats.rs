//! `mensetsu stats`: counts per state, reviews per day, true retention and the due
//! forecast; with `--json` the whole statistics the app's screen draws.

use super::{GlobalOptions, open_collection, print_json};
use crate::core::study::stats::Stats;
use chrono::Local;
use std::process::ExitCode;

/// Counts per state, true retention, the streak, what comes due and the last study days.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Everything as one JSON object (see the README for its fields)
    #[arg(long)]
    json: bool,
}

pub fn run(options: &GlobalOptions, args: &StatsArgs) -> ExitCode {
    let collection = match open_collection(options, "stats") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let stats = Stats::compute(&collection, Local::now().fixed_offset());
    if args.json {
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
    println!(
        "streak: {}",
        super::plural(stats.streak_days as usize, "day")
    );
    println!("due in the next 7 days:");
    for due in stats.due_per_day.iter().take(7) {
        if due.learning > 0 {
            println!("  {}  {} ({} learning)", due.day, due.cards, due.learning);
        } else {
            println!("  {}  {}", due.day, due.cards);
        }
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
