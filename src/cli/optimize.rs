//! `mensetsu optimize`: fits FSRS-6 parameters to the user's own answers and keeps them
//! in the settings when they predict those answers better than the current ones.

use super::{GlobalOptions, open_for_writing, print_json};
use crate::core::review::fit::{self, Evaluation, FitError, FitProgress};
use crate::core::settings::Settings;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Instant;

/// Fit FSRS-6 parameters to your own answers (as Anki's "Optimize" does) and keep them
/// if they predict your answers better than the current ones
#[derive(Debug, clap::Args)]
pub struct OptimizeArgs {
    /// The outcome as one JSON object
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Report {
    /// Answers in the log, undone ones left out.
    reviews: usize,
    /// Training items (one per answer on a later day than the card's previous answer).
    items: usize,
    /// Whether the fitted parameters were better and are now in the settings.
    improved: bool,
    /// The parameters in the settings after this run.
    parameters: Vec<f32>,
    current: Option<Scores>,
    fitted: Option<Scores>,
    /// Why nothing was fitted, when nothing was.
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    seconds: f64,
}

#[derive(Serialize)]
struct Scores {
    log_loss: f32,
    rmse_bins: f32,
}

impl From<Evaluation> for Scores {
    fn from(evaluation: Evaluation) -> Self {
        Self {
            log_loss: evaluation.log_loss,
            rmse_bins: evaluation.rmse_bins,
        }
    }
}

pub fn run(options: &GlobalOptions, args: &OptimizeArgs) -> ExitCode {
    let (mut collection, _store) = match open_for_writing(options, "optimize") {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let started = Instant::now();
    let rollover = collection.settings().day_rollover_hour;
    let reviews = collection.review_count();
    let (items, card_ids) = fit::training_items(collection.answers_for_fit(), rollover);
    let item_count = items.len();
    let current = collection.scheduler().parameters().to_vec();
    let outcome = fit::fit(items, card_ids, &current, reviews, &FitProgress::default());
    let mut report = Report {
        reviews,
        items: item_count,
        improved: false,
        parameters: current,
        current: None,
        fitted: None,
        message: None,
        seconds: 0.0,
    };
    match outcome {
        Ok(found) => {
            report.current = Some(found.current.into());
            report.fitted = Some(found.fitted.into());
            report.improved = found.improved;
            if found.improved {
                let settings = Settings {
                    fsrs_parameters: Some(found.parameters.clone()),
                    ..collection.settings().clone()
                };
                if let Err(error) = collection.apply_settings(settings) {
                    eprintln!("mensetsu optimize: the parameters could not be saved: {error}");
                    return ExitCode::FAILURE;
                }
                report.parameters = found.parameters;
            }
        }
        Err(error @ FitError::TooFewReviews { .. }) => report.message = Some(error.to_string()),
        Err(error) => {
            eprintln!("mensetsu optimize: {error}");
            return ExitCode::FAILURE;
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    if args.json {
        return print_json(&report);
    }
    print_report(&report);
    ExitCode::SUCCESS
}

fn print_report(report: &Report) {
    if let Some(message) = &report.message {
        println!("{message}");
        return;
    }
    println!(
        "{} answers, {} training items, fitted in {:.1} s",
        report.reviews, report.items, report.seconds
    );
    if let (Some(current), Some(fitted)) = (&report.current, &report.fitted) {
        println!(
            "current parameters: log loss {:.4}, RMSE(bins) {:.4}",
            current.log_loss, current.rmse_bins
        );
        println!(
            "fitted parameters:  log loss {:.4}, RMSE(bins) {:.4}",
            fitted.log_loss, fitted.rmse_bins
        );
    }
    if report.improved {
        println!("the fitted parameters predict your answers better and are now in use");
    } else {
        println!("the current parameters predict your answers as well or better; kept");
    }
}
