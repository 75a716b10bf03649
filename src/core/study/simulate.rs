//! What-if runs of FSRS's own simulator (`fsrs::simulate`) on the user's cards: how much
//! of an interview's cards plain scheduling and interview mode would have the user recall
//! on the day, and how the daily workload grows with the desired retention.
//!
//! The simulator's memory model is FSRS-6 with the scenario's parameters (the defaults
//! for `mensetsu simulate`, the user's own for the workload chart), the same for both
//! policies, and it answers in the user's place (ratings drawn from its default
//! probabilities). Each figure is the mean over several seeded runs, so the same inputs
//! always give the same figures.

use crate::core::review::scheduler::{CardState, Phase};
use chrono::{DateTime, FixedOffset};
use fsrs::{Card, PostSchedulingContext, SimulatorConfig};
use std::sync::Arc;

/// Runs per figure: single runs of a hundred cards swing by a few percent.
pub const RUNS: u64 = 32;

/// Why a simulation could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimulateError {
    #[error("there are no cards to simulate")]
    NoCards,
    #[error("the number of days must be at least 1")]
    NoDays,
    #[error("the minutes per day must be more than 0")]
    NoTime,
    #[error("FSRS's simulator failed: {0}")]
    Simulator(String),
}

/// One card as the simulator starts from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StartingCard {
    /// Days since its last answer, as of the first simulated day.
    pub days_since_review: f32,
    /// Days until it is due, from the first simulated day (0 when due or overdue).
    pub days_until_due: f32,
    pub stability: f32,
    pub difficulty: f32,
    pub lapses: u32,
}

impl StartingCard {
    /// The simulator's view of a card state as of `now`: `None` for a card never studied,
    /// which the simulator introduces as a new card.
    pub fn from_state(state: &CardState, now: DateTime<FixedOffset>) -> Option<Self> {
        if state.phase() == Phase::New {
            return None;
        }
        let stability = state.stability().filter(|s| s.is_finite() && *s > 0.0)?;
        let difficulty = state.difficulty().filter(|d| d.is_finite())?;
        let days = |from: DateTime<FixedOffset>, to: DateTime<FixedOffset>| {
            (to - from).num_seconds() as f32 / 86_400.0
        };
        let days_since_review = state
            .last_review()
            .map_or(0.0, |last| days(last, now).max(0.0));
        // A learning step is due within minutes: today, for the simulator's whole days.
        let days_until_due = state
            .due()
            .map_or(0.0, |due| days(now, due).max(0.0).floor());
        Some(Self {
            days_since_review,
            days_until_due,
            stability,
            difficulty,
            lapses: state.lapses(),
        })
    }
}

/// What is simulated: the cards, how long, how much time a day, and the scheduling
/// settings both policies share.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Cards already studied; the rest of `card_count` start new.
    pub studied: Vec<StartingCard>,
    pub card_count: usize,
    /// Study days before the interview; the interview is on day `days` (day 0 is today).
    pub days: usize,
    pub minutes_per_day: f32,
    pub desired_retention: f32,
    pub new_cards_per_day: usize,
    pub maximum_interval_days: u32,
    /// See [`crate::core::settings::FINAL_SWEEP_DAYS`].
    pub final_sweep_days: usize,
    /// The FSRS parameters of the memory model (and of the scheduling, which the
    /// simulator does with the same ones).
    pub parameters: Vec<f32>,
}

/// How one policy fared, averaged over [`RUNS`] runs.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Outcome {
    /// Mean predicted recall over all the cards on the interview day (0 for a card never
    /// introduced).
    pub recall_on_the_day: f32,
    /// Answers per run, new cards included.
    pub answers: f32,
    /// Cards studied at least once by the day, per run.
    pub introduced: f32,
    /// Minutes of study per day, averaged over the days.
    pub minutes_per_day: f32,
}

/// Plain scheduling against interview mode on the same cards, days and time budget.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Comparison {
    pub plain: Outcome,
    pub interview: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Policy {
    Plain,
    Interview,
}

/// Runs FSRS's simulator for plain scheduling and for interview mode.
///
/// Interview mode is the queue's (see [`crate::core::study::queue`]): reviews in order of
/// lowest predicted recall on the day, new cards spread over the days so all are
/// introduced in time, and a final sweep that brings forward every card whose next
/// review would otherwise fall on or after the day. The queue shows sweep cards after the
/// day's due reviews and new cards; the simulator always takes a day's reviews before its
/// new cards, so here the sweep's reviews go on the last study day, where they take only
/// the time left after new cards were introduced on the days before (on the first sweep
/// day they would crowd new cards out whenever the daily time runs short).
pub fn compare(scenario: &Scenario) -> Result<Comparison, SimulateError> {
    Ok(Comparison {
        plain: run(scenario, Policy::Plain)?,
        interview: run(scenario, Policy::Interview)?,
    })
}

fn check(scenario: &Scenario) -> Result<(), SimulateError> {
    if scenario.card_count == 0 {
        return Err(SimulateError::NoCards);
    }
    if scenario.days == 0 {
        return Err(SimulateError::NoDays);
    }
    if scenario.minutes_per_day.is_nan() || scenario.minutes_per_day <= 0.0 {
        return Err(SimulateError::NoTime);
    }
    Ok(())
}

/// The simulator's cards for the studied ones, with ids from 1 (the simulator gives new
/// cards ids of 0 and below).
fn starting_cards(scenario: &Scenario, desired_retention: f32) -> Vec<Card> {
    let parameters = Arc::new(scenario.parameters.clone());
    scenario
        .studied
        .iter()
        .take(scenario.card_count)
        .enumerate()
        .map(|(index, card)| {
            let last_date = -card.days_since_review;
            Card {
                id: index as i64 + 1,
                difficulty: card.difficulty,
                stability: card.stability,
                last_date,
                due: card.days_until_due,
                interval: card.days_until_due - last_date,
                lapses: card.lapses,
                desired_retention,
                parameters: parameters.clone(),
            }
        })
        .collect()
}

fn base_config(scenario: &Scenario) -> SimulatorConfig {
    SimulatorConfig {
        deck_size: scenario.card_count,
        learn_span: scenario.days,
        max_cost_perday: scenario.minutes_per_day * 60.0,
        max_ivl: scenario.maximum_interval_days as f32,
        learn_limit: scenario.new_cards_per_day,
        ..SimulatorConfig::default()
    }
}

fn run(scenario: &Scenario, policy: Policy) -> Result<Outcome, SimulateError> {
    check(scenario)?;
    let day = scenario.days as f32;
    let mut config = base_config(scenario);
    if policy == Policy::Interview {
        let new_cards = scenario.card_count.saturating_sub(scenario.studied.len());
        config.learn_limit = config
            .learn_limit
            .max(new_cards.div_ceil(scenario.days.max(1)));
        config = config.with_review_priority(move |card: &Card| {
            // Lowest recall on the day first; the simulator wants an integer.
            (card.retention_on(day) * 1_000_000.0) as i32
        });
        let sweep_start = scenario.days.saturating_sub(scenario.final_sweep_days) as f32;
        let last_study_day = day - 1.0;
        if scenario.final_sweep_days > 0 {
            config = config.with_post_scheduling(move |context: PostSchedulingContext<'_>| {
                let today = context.today as f32;
                let interval = context.card.interval;
                if today < sweep_start && today + interval >= day {
                    // Its next review would come too late: see it once in the sweep.
                    last_study_day - today
                } else {
                    interval
                }
            });
        }
    }
    let mut total = Outcome {
        recall_on_the_day: 0.0,
        answers: 0.0,
        introduced: 0.0,
        minutes_per_day: 0.0,
    };
    for seed in 0..RUNS {
        let mut cards = starting_cards(scenario, scenario.desired_retention);
        if policy == Policy::Interview && scenario.final_sweep_days > 0 {
            for card in &mut cards {
                if card.due >= day {
                    card.due = day - 1.0;
                }
            }
        }
        let result = fsrs::simulate(
            &config,
            &scenario.parameters,
            scenario.desired_retention,
            Some(seed),
            Some(cards),
        )
        .map_err(|error| SimulateError::Simulator(error.to_string()))?;
        let recalled: f32 = result
            .cards
            .iter()
            .filter(|card| card.last_date.is_finite())
            .map(|card| card.retention_on(day))
            .sum();
        total.recall_on_the_day += recalled / scenario.card_count as f32;
        total.introduced += result
            .cards
            .iter()
            .filter(|card| card.last_date.is_finite())
            .count() as f32;
        total.answers += (result.review_cnt_per_day.iter().sum::<usize>()
            + result.learn_cnt_per_day.iter().sum::<usize>()) as f32;
        total.minutes_per_day +=
            result.cost_per_day.iter().sum::<f32>() / 60.0 / scenario.days as f32;
    }
    let runs = RUNS as f32;
    Ok(Outcome {
        recall_on_the_day: total.recall_on_the_day / runs,
        answers: total.answers / runs,
        introduced: total.introduced / runs,
        minutes_per_day: total.minutes_per_day / runs,
    })
}

/// Daily workload at one desired retention.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WorkloadPoint {
    pub desired_retention: f32,
    pub minutes_per_day: f32,
}

/// The retentions the workload chart shows: FSRS's optimizer searches 0.70-0.95.
pub const WORKLOAD_RETENTIONS: [f32; 11] = [
    0.70, 0.725, 0.75, 0.775, 0.80, 0.825, 0.85, 0.875, 0.90, 0.925, 0.95,
];

/// Days the workload is averaged over: long enough for intervals to settle.
pub const WORKLOAD_DAYS: usize = 365;

/// Simulated minutes a day, averaged over [`WORKLOAD_DAYS`] days with no time limit, for
/// each of [`WORKLOAD_RETENTIONS`]; then the desired retention FSRS's `optimal_retention`
/// suggests for these cards (the least time per card remembered). `keep_going` is asked
/// between steps; returning false stops with [`SimulateError::Simulator`] "cancelled".
pub fn workload(
    scenario: &Scenario,
    mut keep_going: impl FnMut(usize, usize) -> bool,
) -> Result<(Vec<WorkloadPoint>, f32), SimulateError> {
    let scenario = Scenario {
        days: WORKLOAD_DAYS,
        minutes_per_day: f32::INFINITY,
        ..scenario.clone()
    };
    if scenario.card_count == 0 {
        return Err(SimulateError::NoCards);
    }
    let config = base_config(&scenario);
    let total_steps = WORKLOAD_RETENTIONS.len() + 1;
    let mut points = Vec::with_capacity(WORKLOAD_RETENTIONS.len());
    for (step, &retention) in WORKLOAD_RETENTIONS.iter().enumerate() {
        if !keep_going(step, total_steps) {
            return Err(SimulateError::Simulator("cancelled".to_string()));
        }
        let mut minutes = 0.0;
        for seed in 0..RUNS / 4 {
            let result = fsrs::simulate(
                &config,
                &scenario.parameters,
                retention,
                Some(seed),
                Some(starting_cards(&scenario, retention)),
            )
            .map_err(|error| SimulateError::Simulator(error.to_string()))?;
            minutes += result.cost_per_day.iter().sum::<f32>() / 60.0 / WORKLOAD_DAYS as f32;
        }
        points.push(WorkloadPoint {
            desired_retention: retention,
            minutes_per_day: minutes / (RUNS / 4) as f32,
        });
    }
    if !keep_going(WORKLOAD_RETENTIONS.len(), total_steps) {
        return Err(SimulateError::Simulator("cancelled".to_string()));
    }
    let optimal = fsrs::optimal_retention(
        &config,
        &scenario.parameters,
        |_| true,
        Some(starting_cards(&scenario, scenario.desired_retention)),
        None,
    )
    .map_err(|error| SimulateError::Simulator(error.to_string()))?;
    Ok((points, optimal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::scheduler::{Answers, Memory};

    fn scenario(days: usize, minutes_per_day: f32) -> Scenario {
        Scenario {
            studied: Vec::new(),
            card_count: 95,
            days,
            minutes_per_day,
            desired_retention: 0.9,
            new_cards_per_day: 20,
            maximum_interval_days: 36500,
            final_sweep_days: 3,
            parameters: fsrs::DEFAULT_PARAMETERS.to_vec(),
        }
    }

    #[test]
    fn interview_mode_has_more_cards_recalled_on_the_day_than_plain_scheduling() {
        let comparison = compare(&scenario(21, 15.0)).unwrap();
        assert!(
            comparison.interview.recall_on_the_day > comparison.plain.recall_on_the_day + 0.02,
            "{comparison:?}"
        );
        // Both introduce every card: 95 cards at 20 a day fit in 21 days.
        assert!(comparison.plain.recall_on_the_day > 0.5, "{comparison:?}");
    }

    #[test]
    fn new_cards_are_spread_so_all_are_introduced_before_the_day() {
        // 95 new cards, 5 days, 5 a day by the limit: plain scheduling leaves 70 unseen
        // (recall 0); interview mode raises the limit to 19 a day.
        let mut limited = scenario(5, 60.0);
        limited.new_cards_per_day = 5;
        let comparison = compare(&limited).unwrap();
        assert!(comparison.plain.recall_on_the_day < 0.3, "{comparison:?}");
        assert!(
            comparison.interview.recall_on_the_day > 0.6,
            "{comparison:?}"
        );
    }

    #[test]
    fn bad_scenarios_are_refused_with_a_reason() {
        assert_eq!(compare(&scenario(0, 15.0)), Err(SimulateError::NoDays));
        assert_eq!(compare(&scenario(21, 0.0)), Err(SimulateError::NoTime));
        let empty = Scenario {
            card_count: 0,
            ..scenario(21, 15.0)
        };
        assert_eq!(compare(&empty), Err(SimulateError::NoCards));
    }

    #[test]
    fn a_studied_card_starts_from_its_state() {
        let state = CardState::Review {
            memory: Memory {
                stability: 10.0,
                difficulty: 5.0,
            },
            due: DateTime::parse_from_rfc3339("2026-12-11T12:00:00+09:00").unwrap(),
            answers: Answers {
                last_review: DateTime::parse_from_rfc3339("2026-12-01T12:00:00+09:00").unwrap(),
                reps: 3,
                lapses: 0,
            },
        };
        let now = DateTime::parse_from_rfc3339("2026-12-03T12:00:00+09:00").unwrap();
        let card = StartingCard::from_state(&state, now).unwrap();
        assert_eq!(card.days_since_review, 2.0);
        assert_eq!(card.days_until_due, 8.0);
        assert_eq!(StartingCard::from_state(&CardState::default(), now), None);
    }
}
