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
    let spoken: Vec<_> = stats.spoken_per_week.iter().rev().take(4).collect();
    if !spoken.is_empty() {
        println!("answers given aloud, the last weeks:");
        for week in spoken.into_iter().rev() {
            println!("  {}  {}", week.week_start, spoken_week_line(week));
        }
    }
    ExitCode::SUCCESS
}

/// "3 answers, 4:05 spoken, 6.2 morae/s (2 of 3 in the normal range)": a week of answers
/// given aloud, each unit's pace apart.
fn spoken_week_line(week: &crate::core::study::talk::SpokenWeek) -> String {
    let mut line = format!(
        "{}, {} spoken",
        super::plural(week.answers as usize, "answer"),
        crate::core::text::clock(week.speech_s.round() as i64)
    );
    for (unit, pace) in &week.rate {
        line.push_str(&format!(
            ", {:.1} {} ({} of {} in the normal range)",
            pace.mean,
            unit.label(),
            pace.within_normal,
            pace.answers
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::speech::analysis::RateUnit;
    use crate::core::study::talk::{SpokenWeek, UnitPace};

    #[test]
    fn a_spoken_week_keeps_each_units_pace_apart() {
        let week = SpokenWeek {
            week_start: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            answers: 3,
            speech_s: 245.4,
            rate: [
                (
                    RateUnit::MoraePerSecond,
                    UnitPace {
                        answers: 2,
                        mean: 6.25,
                        within_normal: 1,
                    },
                ),
                (
                    RateUnit::SyllablesPerSecond,
                    UnitPace {
                        answers: 1,
                        mean: 3.61,
                        within_normal: 1,
                    },
                ),
            ]
            .into_iter()
            .collect(),
        };
        assert_eq!(
            spoken_week_line(&week),
            "3 answers, 4:05 spoken, 6.2 morae/s (1 of 2 in the normal range), \
             3.6 syllables/s (1 of 1 in the normal range)"
        );
    }
}
