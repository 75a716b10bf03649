//! What to study next, in Anki's order: learning cards whose step is due, then reviews due
//! today, then new cards up to the daily limit; when nothing else is left, learning cards
//! due within the learn-ahead window.

use crate::core::collection::Collection;
use crate::core::days::{end_of_study_day, study_day};
use crate::core::deck::Deck;
use crate::core::scheduler::{CardState, Phase};
use chrono::{DateTime, Duration, FixedOffset};

/// How far ahead a learning card may be shown when nothing else is due, as in Anki.
pub const LEARN_AHEAD_MINUTES: i64 = 20;

/// Which decks a study session draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Deck(String),
    /// Every deck: due cards first, then new cards, as for a single deck.
    AllDecks,
}

impl Scope {
    pub fn includes(&self, deck: &Deck) -> bool {
        match self {
            Scope::Deck(id) => &deck.id == id,
            Scope::AllDecks => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Learning,
    Review,
    New,
}

/// Cards in scope, counted as the decks screen shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueCounts {
    /// New cards that may still be introduced today (daily limit applied).
    pub new: usize,
    /// Learning and relearning cards due before the study day ends.
    pub learning: usize,
    /// Review cards due today or overdue.
    pub review: usize,
}

impl DueCounts {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// New cards first answered on the study day of `now`, across all decks: the daily limit
/// is shared, as in Anki's default.
pub fn new_cards_introduced_today(collection: &Collection, now: DateTime<FixedOffset>) -> usize {
    let rollover = collection.settings.day_rollover_hour;
    let today = study_day(now, rollover);
    collection
        .progress
        .history
        .values()
        .filter_map(|reviews| reviews.first())
        .filter(|&&first| {
            let record = collection
                .progress
                .record(&collection.snapshot, &collection.progress.reviews[first]);
            study_day(record.at, rollover) == today
        })
        .count()
}

fn is_learning(state: &CardState) -> bool {
    matches!(state.phase, Phase::Learning | Phase::Relearning)
}

pub fn due_counts(collection: &Collection, scope: &Scope, now: DateTime<FixedOffset>) -> DueCounts {
    let end_of_day = end_of_study_day(now, collection.settings.day_rollover_hour);
    let mut counts = DueCounts::default();
    let mut new_in_scope = 0;
    for (deck, card) in collection.decks.cards() {
        if !scope.includes(deck) {
            continue;
        }
        let state = collection.state(&card.id);
        match state.phase {
            Phase::New => new_in_scope += 1,
            _ if state.due.is_some_and(|due| due < end_of_day) => {
                if is_learning(&state) {
                    counts.learning += 1;
                } else {
                    counts.review += 1;
                }
            }
            _ => {}
        }
    }
    let limit = collection.settings.new_cards_per_day as usize;
    let left_today = limit.saturating_sub(new_cards_introduced_today(collection, now));
    counts.new = new_in_scope.min(left_today);
    counts
}

/// The next card to show, or `None` when the session is done for now. Among equals, the
/// earliest due comes first and new cards come in deck order.
pub fn next_card(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    let end_of_day = end_of_study_day(now, collection.settings.day_rollover_hour);
    let mut learning_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut learning_ahead: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut review_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut first_new: Option<&str> = None;
    for (deck, card) in collection.decks.cards() {
        if !scope.includes(deck) {
            continue;
        }
        let state = collection.state(&card.id);
        let id = card.id.as_str();
        match (state.phase, state.due) {
            (Phase::New, _) if first_new.is_none() => first_new = Some(id),
            (Phase::New, _) => {}
            (_, Some(due)) if is_learning(&state) => {
                if due <= now {
                    keep_earliest(&mut learning_due, due, id);
                } else if due <= now + Duration::minutes(LEARN_AHEAD_MINUTES) {
                    keep_earliest(&mut learning_ahead, due, id);
                }
            }
            (_, Some(due)) if due < end_of_day => keep_earliest(&mut review_due, due, id),
            _ => {}
        }
    }
    if let Some((_, id)) = learning_due {
        return Some((id.to_string(), QueueKind::Learning));
    }
    if let Some((_, id)) = review_due {
        return Some((id.to_string(), QueueKind::Review));
    }
    let limit = collection.settings.new_cards_per_day as usize;
    if let Some(id) = first_new
        && new_cards_introduced_today(collection, now) < limit
    {
        return Some((id.to_string(), QueueKind::New));
    }
    learning_ahead.map(|(_, id)| (id.to_string(), QueueKind::Learning))
}

fn keep_earliest<'a>(
    slot: &mut Option<(DateTime<FixedOffset>, &'a str)>,
    due: DateTime<FixedOffset>,
    id: &'a str,
) {
    if slot.is_none_or(|(best, _)| due < best) {
        *slot = Some((due, id));
    }
}

/// When the next learning card in scope comes due later today, for the "come back at"
/// message at the end of a session.
pub fn next_learning_due(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let end_of_day = end_of_study_day(now, collection.settings.day_rollover_hour);
    collection
        .decks
        .cards()
        .filter(|(deck, _)| scope.includes(deck))
        .map(|(_, card)| collection.state(&card.id))
        .filter(is_learning)
        .filter_map(|state| state.due)
        .filter(|due| *due > now && *due < end_of_day)
        .min()
}
