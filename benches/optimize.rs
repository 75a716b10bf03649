//! `mensetsu optimize` on the real 12,580-review log: how well the fitted FSRS-6
//! parameters predict the log's answers (RMSE over bins, log loss; lower is better)
//! against FSRS-6's defaults, and how long fitting takes.
//!
//! Target (BENCHMARKS.md): RMSE(bins) ≤ 0.0444, the Python FSRS optimizer's result on
//! this log (defaults: 0.0754), in ≤ 10 s on 2 cores. Times are read at UTC−5 (the
//! reviewer's zone) with the day starting at 04:00, as the app reads its own log.
//!
//!     cargo bench --bench optimize
//!
//! Prints one line per run and the median time; exits 1 if the RMSE target is missed.

mod common;

use chrono::FixedOffset;
use mensetsu::core::review::fit::{self, Answer, FitProgress};
use mensetsu::core::review::log::Record;
use std::process::ExitCode;
use std::time::Instant;

const RMSE_TARGET: f32 = 0.0444;
const SECONDS_TARGET: f64 = 10.0;
const RUNS: usize = 5;

fn main() -> ExitCode {
    let Some(text) = common::read_real_csv() else {
        return ExitCode::SUCCESS;
    };
    let Some(reviewer_zone) = FixedOffset::west_opt(5 * 3600) else {
        return ExitCode::FAILURE;
    };
    let records = common::parse_csv(&text);
    let reviews: Vec<_> = records
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Review(review) => Some(review),
            _ => None,
        })
        .collect();
    let mut times = Vec::new();
    let mut last = None;
    for run in 1..=RUNS {
        let started = Instant::now();
        let answers = reviews.iter().map(|review| Answer {
            card: &review.card,
            at: review.at.with_timezone(&reviewer_zone),
            rating: review.rating,
        });
        let (items, card_ids) = fit::training_items(answers, 4);
        let items_count = items.len();
        let outcome = fit::fit(
            items,
            card_ids,
            &fsrs::DEFAULT_PARAMETERS,
            reviews.len(),
            &FitProgress::default(),
        );
        let seconds = started.elapsed().as_secs_f64();
        let found = match outcome {
            Ok(found) => found,
            Err(error) => {
                eprintln!("fitting failed: {error}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "run {run}: {} reviews, {items_count} items, {seconds:.3} s; defaults RMSE(bins) {:.4} log loss {:.4}; fitted RMSE(bins) {:.4} log loss {:.4}",
            reviews.len(),
            found.current.rmse_bins,
            found.current.log_loss,
            found.fitted.rmse_bins,
            found.fitted.log_loss
        );
        times.push(seconds);
        last = Some(found);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let Some(found) = last else {
        return ExitCode::FAILURE;
    };
    let rmse_ok = found.fitted.rmse_bins <= RMSE_TARGET;
    println!(
        "optimize/real_12580: RMSE(bins) {:.4} (target ≤ {RMSE_TARGET}: {}), median {median:.3} s of {RUNS} (target ≤ {SECONDS_TARGET} s: {})",
        found.fitted.rmse_bins,
        if rmse_ok { "pass" } else { "MISS" },
        if median <= SECONDS_TARGET {
            "pass"
        } else {
            "MISS"
        },
    );
    if rmse_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
