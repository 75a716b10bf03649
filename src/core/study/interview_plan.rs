//! How upcoming interviews change the study queue on one study day: which cards belong
//! to an interview (and the date they are studied for), which wait in a final sweep, and
//! how many new cards may be introduced today so that every interview card is introduced
//! in time. The order itself is the queue's ([`queue`](super::queue)); this is what it is
//! computed from, derived from the collection alone so that the indexes above the
//! collection can keep it too.

use crate::core::collection::Collection;
use crate::core::review::days::{start_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Phase};
use chrono::{DateTime, Duration, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};

/// How today's upcoming interviews change the queue, computed once per question.
#[derive(Debug, Default)]
pub struct InterviewPlan<'a> {
    /// Each interview card and the start of its soonest upcoming interview's date.
    target: FxHashMap<&'a str, DateTime<FixedOffset>>,
    /// Studied cards of an interview whose final sweep has begun that were not answered
    /// since it began.
    sweep: FxHashSet<&'a str>,
    /// How many new cards may be introduced today in all, counting interview cards: the
    /// daily limit, or more when an interview's new cards need it to be introduced in
    /// time.
    interview_new_limit: usize,
}

impl<'a> InterviewPlan<'a> {
    /// The plan for the study day of `now`. `offset` is `now`'s: interview dates are days
    /// in the user's local calendar.
    pub fn for_day(collection: &'a Collection, now: DateTime<FixedOffset>) -> Self {
        let settings = collection.settings();
        let rollover = settings.day_rollover_hour;
        let today = study_day(now, rollover);
        let sweep_days = i64::from(settings.final_sweep_days);
        let introduced_today = introduced_today_set(collection, now);
        let mut plan = InterviewPlan {
            interview_new_limit: settings.new_cards_per_day as usize,
            ..InterviewPlan::default()
        };
        let mut quota = 0usize;
        // Soonest first, so a card in two interviews belongs to the sooner.
        for interview in collection.upcoming_interviews(today) {
            let Some(start) = start_of_study_day(interview.date, rollover, *now.offset()) else {
                continue;
            };
            let sweep_start = (sweep_days > 0)
                .then(|| interview.date - Duration::days(sweep_days))
                .and_then(|day| start_of_study_day(day, rollover, *now.offset()))
                .filter(|sweep_start| *sweep_start <= now);
            // New cards left at the start of today, whether introduced since or not.
            let mut new_left = 0usize;
            for (_, card) in interview.cards(collection.decks()) {
                let id = card.id.as_str();
                if plan.target.contains_key(id) || !collection.marks(id).is_available(today) {
                    continue;
                }
                plan.target.insert(id, start);
                let state = collection
                    .state_of(id)
                    .filter(|state| state.phase() != Phase::New);
                match state {
                    None => new_left += 1,
                    Some(_) if introduced_today.contains(id) => new_left += 1,
                    Some(state) => {
                        let answered_in_sweep = sweep_start.is_some_and(|sweep_start| {
                            state.last_review().is_some_and(|last| last >= sweep_start)
                        });
                        if sweep_start.is_some() && !answered_in_sweep && !is_learning(state) {
                            plan.sweep.insert(id);
                        }
                    }
                }
            }
            // Days to introduce them on: today up to the day before the interview, or
            // today alone when the interview is today.
            let days_left = usize::try_from(interview.days_left(today).max(1)).unwrap_or(1);
            quota += new_left.div_ceil(days_left);
        }
        plan.interview_new_limit = plan.interview_new_limit.max(quota);
        plan
    }

    /// Whether the card belongs to an upcoming interview.
    pub fn covers(&self, card_id: &str) -> bool {
        self.target.contains_key(card_id)
    }

    /// Whether the card is waiting in a final sweep.
    pub fn in_sweep(&self, card_id: &str) -> bool {
        self.sweep.contains(card_id)
    }

    /// Cards waiting in a final sweep.
    pub fn sweep_len(&self) -> usize {
        self.sweep.len()
    }

    /// How many new cards may be introduced today in all, interview cards included.
    pub fn new_limit(&self) -> usize {
        self.interview_new_limit
    }

    /// The interview cards, each with the start of its soonest upcoming interview's date,
    /// in no particular order.
    pub fn targets(&self) -> impl Iterator<Item = (&'a str, DateTime<FixedOffset>)> + '_ {
        self.target.iter().map(|(id, at)| (*id, *at))
    }

    /// The card's predicted recall at the start of its interview date, for ordering.
    pub fn recall_on_date(&self, collection: &Collection, card_id: &str, state: &CardState) -> f32 {
        self.target
            .get(card_id)
            .map_or(1.0, |at| collection.scheduler().recall_at(state, *at))
    }
}

/// Cards first answered on the study day of `now`.
fn introduced_today_set(collection: &Collection, now: DateTime<FixedOffset>) -> FxHashSet<&str> {
    let rollover = collection.settings().day_rollover_hour;
    let today = study_day(now, rollover);
    collection
        .reviewed_cards()
        .filter(|(_, _, first)| {
            first
                .as_ref()
                .is_some_and(|first| study_day(first.record.at, rollover) == today)
        })
        .map(|(id, _, _)| id)
        .collect()
}

/// A learning or relearning card: its steps come before any plan.
pub fn is_learning(state: &CardState) -> bool {
    matches!(state.phase(), Phase::Learning | Phase::Relearning)
}
