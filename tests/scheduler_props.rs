//! Scheduler invariants over random rating sequences, time gaps, time zones and
//! configurations (property tests; `tests/scheduler_golden.rs` has the exact values).
//!
//! For every review: the card comes due after it, difficulty stays in 1..=10, stability
//! is positive and finite, `reps` counts it and `lapses` counts exactly the Again answers
//! on review cards; the same inputs always give the same state. proptest shrinks a
//! failure to a short history, which is what makes a broken invariant debuggable.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use mensetsu::core::review::scheduler::{CardState, Phase, Rating, Scheduler, SchedulerConfig};
use proptest::prelude::*;

/// The largest stability the fsrs crate gives (it caps stability at 100 years).
const MAX_STABILITY: f32 = 36500.0;

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Rating::Again),
        Just(Rating::Hard),
        Just(Rating::Good),
        Just(Rating::Easy),
    ]
}

/// Seconds between two reviews: within a learning step, within a day, days, and up to
/// years, so both the same-day and the long-term formulas are hit.
fn gap_seconds() -> impl Strategy<Value = i64> {
    prop_oneof![
        0i64..600,
        600i64..86_400,
        86_400i64..86_400 * 60,
        86_400i64 * 60..86_400 * 3_000,
    ]
}

fn start() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000-01-01 .. 2100-01-01, in any whole-quarter-hour offset from -12:00 to +14:00.
    (946_684_800i64..4_102_444_800, -48i32..=56).prop_map(|(seconds, quarters)| {
        FixedOffset::east_opt(quarters * 900)
            .and_then(|offset| offset.timestamp_opt(seconds, 0).single())
            .unwrap_or_else(|| panic!("{seconds} in {quarters} quarter hours"))
    })
}

fn steps() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(60u32..=86_400, 0..4)
}

fn config() -> impl Strategy<Value = SchedulerConfig> {
    (
        0.70f32..=0.99,
        1u32..=36_500,
        steps(),
        steps(),
        0u32..24,
        any::<bool>(),
    )
        .prop_map(
            |(retention, maximum, learning, relearning, rollover, fuzz)| SchedulerConfig {
                desired_retention: retention,
                maximum_interval_days: maximum,
                learning_steps_secs: learning,
                relearning_steps_secs: relearning,
                day_rollover_hour: rollover,
                fuzz,
                ..SchedulerConfig::default()
            },
        )
}

fn history() -> impl Strategy<Value = Vec<(Rating, i64)>> {
    prop::collection::vec((rating(), gap_seconds()), 1..40)
}

/// Checks one review against every invariant; returns the new state.
fn checked_review(
    scheduler: &Scheduler,
    card_id: &str,
    before: &CardState,
    rating: Rating,
    at: DateTime<FixedOffset>,
) -> Result<CardState, TestCaseError> {
    let after = scheduler.review(card_id, before, rating, at);
    let config = scheduler.config();
    let due = after
        .due()
        .ok_or_else(|| TestCaseError::fail("no due date"))?;
    prop_assert!(due > at, "due {due} not after the review at {at}");
    let difficulty = after.difficulty().unwrap_or(f32::NAN);
    prop_assert!(
        (1.0..=10.0).contains(&difficulty),
        "difficulty {difficulty}"
    );
    let stability = after.stability().unwrap_or(f32::NAN);
    prop_assert!(
        stability > 0.0 && stability <= MAX_STABILITY,
        "stability {stability}"
    );
    prop_assert_eq!(after.reps(), before.reps() + 1);
    let lapse = before.phase() == Phase::Review && rating == Rating::Again;
    prop_assert_eq!(after.lapses(), before.lapses() + u32::from(lapse));
    prop_assert_eq!(after.last_review(), Some(at));
    prop_assert_ne!(after.phase(), Phase::New);
    prop_assert_eq!(
        after.step().is_some(),
        matches!(after.phase(), Phase::Learning | Phase::Relearning),
        "step {:?} in phase {:?}",
        after.step(),
        after.phase()
    );
    if after.phase() == Phase::Review {
        // Whole days, fuzz included, never past the maximum interval.
        let maximum = Duration::days(i64::from(config.maximum_interval_days));
        prop_assert!(due - at <= maximum, "{} after {at}", due);
        prop_assert_eq!((due - at).num_seconds() % 86_400, 0);
    }
    // Same input, same output, and the grade buttons' preview agrees.
    prop_assert_eq!(&scheduler.review(card_id, before, rating, at), &after);
    let preview = scheduler.preview(card_id, before, at);
    prop_assert_eq!(preview.for_rating(rating), &after);
    let recall = scheduler.retrievability(&after, due);
    prop_assert!(
        recall.is_some_and(|r| (0.0..=1.0).contains(&r)),
        "retrievability {recall:?}"
    );
    Ok(after)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_review_keeps_the_invariants(
        config in config(),
        start in start(),
        history in history(),
    ) {
        let scheduler = Scheduler::new(config).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut card = CardState::default();
        let mut at = start;
        for (rating, gap) in history {
            card = checked_review(&scheduler, "prop-q01", &card, rating, at)?;
            at += Duration::seconds(gap);
        }
    }

    #[test]
    fn replaying_a_history_gives_the_same_states(
        config in config(),
        start in start(),
        history in history(),
    ) {
        let replay = |config: SchedulerConfig| {
            let scheduler = Scheduler::new(config).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut at = start;
            let mut states = Vec::new();
            let mut card = CardState::default();
            for &(rating, gap) in &history {
                card = scheduler.review("prop-q02", &card, rating, at);
                states.push(card.clone());
                at += Duration::seconds(gap);
            }
            Ok::<_, TestCaseError>(states)
        };
        prop_assert_eq!(replay(config.clone())?, replay(config)?);
    }

    /// Logs are merged by time, but a clock can still go backwards between two answers
    /// (a device set to a wrong time): the state stays valid, as on the same day.
    #[test]
    fn answers_earlier_than_the_last_one_still_give_valid_states(
        start in start(),
        history in prop::collection::vec((rating(), -86_400i64 * 30..86_400 * 30), 1..30),
    ) {
        let scheduler = Scheduler::new(SchedulerConfig::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut card = CardState::default();
        let mut at = start;
        for (rating, gap) in history {
            card = checked_review(&scheduler, "prop-q03", &card, rating, at)?;
            at += Duration::seconds(gap);
        }
    }

    /// Difficulty moves the way the grade says: Again never makes a card easier than
    /// Easy would, from the same state at the same moment.
    #[test]
    fn harder_grades_never_give_lower_difficulty_or_longer_waits(
        start in start(),
        history in history(),
    ) {
        let scheduler = Scheduler::new(SchedulerConfig { fuzz: false, ..SchedulerConfig::default() })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut card = CardState::default();
        let mut at = start;
        for (rating, gap) in history {
            let preview = scheduler.preview("prop-q04", &card, at);
            for pair in preview.in_button_order().windows(2) {
                prop_assert!(
                    pair[0].difficulty() >= pair[1].difficulty(),
                    "difficulty {:?} then {:?}", pair[0].difficulty(), pair[1].difficulty()
                );
                prop_assert!(pair[0].due() <= pair[1].due(), "due {:?} then {:?}", pair[0].due(), pair[1].due());
            }
            card = preview.for_rating(rating).clone();
            at += Duration::seconds(gap);
        }
    }
}
