//! FSRS parameters fitted to the user's own answers, with the `fsrs` crate's optimizer
//! (`compute_parameters`) and its evaluation (log loss, RMSE over bins), as Anki does:
//! the history of each card becomes training items whose days are study days (the
//! review's own UTC offset and the rollover hour), the current and the fitted
//! parameters are evaluated on the same items, and the better pair is kept.

use crate::core::review::days::study_day;
use crate::core::review::scheduler::Rating;
use chrono::{DateTime, FixedOffset};
use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview, ModelEvaluation};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Fewer answers than this and a fit would follow noise; the crate itself refuses fewer
/// than it can split into training batches.
pub const MINIMUM_REVIEWS: usize = 400;

/// One answer, as the optimizer needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer<'a> {
    pub card: &'a str,
    pub at: DateTime<FixedOffset>,
    pub rating: Rating,
}

/// Training items from answers in time order, prepared as Anki prepares them: for every
/// card, one item per answer after its first, holding the card's history up to that
/// answer, with the study days elapsed between answers (0 for the same day; each answer's
/// day taken in its own UTC offset with the day starting at `rollover_hour`). Items whose
/// last answer came on the same day as the one before are left out: they test short-term
/// memory, which the long-term model is not fitted to. Returns the items and, aligned with
/// them, a number per card (the crate groups a card's items by it).
pub fn training_items<'a>(
    answers: impl IntoIterator<Item = Answer<'a>>,
    rollover_hour: u32,
) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut histories: Vec<Vec<(DateTime<FixedOffset>, Rating)>> = Vec::new();
    let mut slot_of: HashMap<&str, usize> = HashMap::new();
    for answer in answers {
        let slot = *slot_of.entry(answer.card).or_insert_with(|| {
            histories.push(Vec::new());
            histories.len() - 1
        });
        histories[slot].push((answer.at, answer.rating));
    }
    let mut items = Vec::new();
    let mut card_ids = Vec::new();
    for (card_number, history) in histories.iter().enumerate() {
        let mut reviews = Vec::with_capacity(history.len());
        let mut previous_day: Option<chrono::NaiveDate> = None;
        for &(at, rating) in history {
            let day = study_day(at, rollover_hour);
            let delta_t = previous_day.map_or(0, |previous| {
                u32::try_from((day - previous).num_days().max(0)).unwrap_or(u32::MAX)
            });
            previous_day = Some(day);
            reviews.push(FSRSReview {
                rating: u32::from(u8::from(rating)),
                delta_t,
            });
            if reviews.len() >= 2 && delta_t > 0 {
                items.push(FSRSItem {
                    reviews: reviews.clone(),
                });
                card_ids.push(card_number as i64);
            }
        }
    }
    (items, card_ids)
}

/// What fitting found: the parameters to use and how both candidates scored on the user's
/// answers (lower is better for both measures).
#[derive(Debug, Clone)]
pub struct Fit {
    pub parameters: Vec<f32>,
    /// True when the fitted parameters beat the current ones and were kept.
    pub improved: bool,
    pub current: Evaluation,
    pub fitted: Evaluation,
    pub reviews: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

impl From<ModelEvaluation> for Evaluation {
    fn from(evaluation: ModelEvaluation) -> Self {
        Self {
            log_loss: evaluation.log_loss,
            rmse_bins: evaluation.rmse_bins,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FitError {
    #[error(
        "{reviews} answers are too few to fit parameters to (at least {MINIMUM_REVIEWS}); the current ones are kept"
    )]
    TooFewReviews { reviews: usize },
    #[error("fitting was cancelled; the current parameters are kept")]
    Cancelled,
    #[error("the FSRS optimizer failed ({0}); the current parameters are kept")]
    Optimizer(String),
}

/// How far fitting has come, shared with whoever shows it; set `cancel` to stop.
#[derive(Debug, Default)]
pub struct FitProgress {
    /// 0.0-1.0.
    pub fraction: Mutex<f32>,
    pub cancel: std::sync::atomic::AtomicBool,
}

/// Fits FSRS-6 parameters to `items` and keeps them if they predict the answers better
/// than `current`: a lower RMSE over bins on the same items, Anki's rule (log loss is
/// reported beside it).
pub fn fit(
    items: Vec<FSRSItem>,
    card_ids: Vec<i64>,
    current: &[f32],
    reviews: usize,
    progress: &FitProgress,
) -> Result<Fit, FitError> {
    if reviews < MINIMUM_REVIEWS || items.is_empty() {
        return Err(FitError::TooFewReviews { reviews });
    }
    let cancelled = || progress.cancel.load(std::sync::atomic::Ordering::Relaxed);
    let combined = Arc::new(Mutex::new(fsrs::CombinedProgressState::default()));
    let training = {
        let input = ComputeParametersInput {
            train_set: items.clone(),
            card_ids: Some(card_ids.clone()),
            progress: Some(combined.clone()),
            ..ComputeParametersInput::default()
        };
        let done = std::sync::atomic::AtomicBool::new(false);
        // The optimizer runs on this thread; a watcher relays its progress and cancels.
        std::thread::scope(|scope| {
            let watcher = scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    let Ok(mut state) = combined.lock() else {
                        return;
                    };
                    if cancelled() {
                        state.want_abort = true;
                    }
                    if let Ok(mut fraction) = progress.fraction.lock() {
                        *fraction = state.current() as f32 / state.total().max(1) as f32 * 0.9;
                    }
                }
            });
            let result = fsrs::compute_parameters(input);
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            let _ = watcher.join();
            result
        })
    };
    let parameters = match training {
        Ok(parameters) => parameters,
        Err(_) if cancelled() => return Err(FitError::Cancelled),
        Err(error) => return Err(FitError::Optimizer(error.to_string())),
    };
    let evaluate = |parameters: &[f32]| -> Result<Evaluation, FitError> {
        let model =
            FSRS::new(parameters).map_err(|error| FitError::Optimizer(error.to_string()))?;
        model
            .evaluate_with_card_ids(items.clone(), card_ids.clone(), |_| !cancelled())
            .map(Evaluation::from)
            .map_err(|error| match error {
                fsrs::FSRSError::Interrupted => FitError::Cancelled,
                other => FitError::Optimizer(other.to_string()),
            })
    };
    let current_score = evaluate(current)?;
    let fitted_score = evaluate(&parameters)?;
    if let Ok(mut fraction) = progress.fraction.lock() {
        *fraction = 1.0;
    }
    // The crate's evaluation is not bit-for-bit repeatable (the same parameters scored
    // twice can differ in the last bit), so refitting to the parameters already in use
    // must not count as an improvement by that noise.
    let improved =
        parameters.as_slice() != current && fitted_score.rmse_bins < current_score.rmse_bins;
    Ok(Fit {
        parameters: if improved {
            parameters
        } else {
            current.to_vec()
        },
        improved,
        current: current_score,
        fitted: fitted_score,
        reviews,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer<'a>(card: &'a str, at: &str, rating: Rating) -> Answer<'a> {
        Answer {
            card,
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            rating,
        }
    }

    fn review(rating: u32, delta_t: u32) -> FSRSReview {
        FSRSReview { rating, delta_t }
    }

    #[test]
    fn items_count_study_days_in_each_answers_own_offset_and_skip_same_day_ones() {
        use Rating::*;
        let answers = [
            answer("a", "2026-01-01T10:00:00+09:00", Good),
            answer("a", "2026-01-01T10:10:00+09:00", Good),
            answer("b", "2026-01-02T09:00:00+09:00", Again),
            // 02:00 UTC is before the 04:00 rollover: still January 2nd's study day, the
            // same as b's first answer (09:00 in Tokyo).
            answer("b", "2026-01-03T02:00:00+00:00", Good),
            // 03:30 in Tokyo counts for January 3rd: two days after a's first.
            answer("a", "2026-01-04T03:30:00+09:00", Hard),
            answer("b", "2026-01-05T12:00:00+00:00", Easy),
        ];
        let (items, card_ids) = training_items(answers, 4);
        assert_eq!(
            items,
            vec![
                FSRSItem {
                    reviews: vec![review(3, 0), review(3, 0), review(2, 2)]
                },
                FSRSItem {
                    reviews: vec![review(1, 0), review(3, 0), review(4, 3)]
                },
            ]
        );
        assert_eq!(card_ids, vec![0, 1]);
    }

    #[test]
    fn too_little_history_keeps_the_current_parameters_and_says_how_much_there_is() {
        let answers: Vec<Answer> = (0..50)
            .map(|day| {
                let mut first = answer("a", "2026-01-01T10:00:00+09:00", Rating::Good);
                first.at += chrono::Duration::days(day);
                first
            })
            .collect();
        let (items, card_ids) = training_items(answers, 4);
        let current = fsrs::DEFAULT_PARAMETERS.to_vec();
        let error = fit(items, card_ids, &current, 50, &FitProgress::default()).unwrap_err();
        assert!(matches!(error, FitError::TooFewReviews { reviews: 50 }));
        assert!(error.to_string().starts_with("50 answers are too few"));
    }
}
