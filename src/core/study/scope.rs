//! The words the study queue and its index share: which cards a session draws from
//! ([`Scope`]), which queue a card comes from ([`QueueKind`]) and how many are due
//! ([`DueCounts`], [`DueOverview`]). Below both the queue and the [`DueIndex`](super::due_index::DueIndex),
//! so that the index can be kept above the collection without the queue and the index
//! importing each other.

use crate::core::content::deck::Deck;
use crate::core::drafts::DraftScope;
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;
use std::sync::Arc;

/// How far ahead a learning card may be shown when nothing else is due, as in Anki.
pub const LEARN_AHEAD_MINUTES: i64 = 20;

/// Which cards a study session draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Deck(String),
    /// Every deck: due cards first, then new cards, as for a single deck.
    AllDecks,
    /// A custom session over chosen cards (a search result): each is shown once, in the
    /// list's order, due or not, and answered through FSRS as usual (an early review is
    /// a review like any other); a card answered Again comes back after its learning step.
    Cards(CardList),
}

/// The cards of a custom session and when it began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardList {
    pub ids: Arc<Vec<String>>,
    /// A card answered since then has had its turn.
    pub since: DateTime<FixedOffset>,
}

impl Scope {
    /// Whether the session draws from `deck` at all (for a custom session, any deck: its
    /// cards are chosen one by one).
    pub fn includes(&self, deck: &Deck) -> bool {
        match self {
            Scope::Deck(id) => &deck.id == id,
            Scope::AllDecks | Scope::Cards(_) => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Learning,
    Review,
    New,
    /// Not due, but part of an interview's final sweep.
    Sweep,
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

/// What is due today in every deck and across all decks, with the daily new-card limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DueOverview {
    pub per_deck: HashMap<String, DueCounts>,
    pub all: DueCounts,
    /// The daily limit of new cards, shared by all decks.
    pub new_limit: usize,
    /// New cards that may still be introduced today: the limit less those already
    /// introduced.
    pub new_left_today: usize,
    /// Cards never studied, in all decks; `all.new` is this capped by `new_left_today`.
    pub unseen: usize,
    /// New cards outside an upcoming interview that may still be introduced today: the
    /// daily limit less those introduced and those the interview takes first.
    pub plain_new_left: usize,
    /// New cards of an upcoming interview among today's (they come first).
    pub interview_new_taken: usize,
    /// Review cards in an interview's final sweep that FSRS would not show today, counted
    /// in `all.review`: the statistics' "Due today" (FSRS's schedule) leaves them out.
    pub sweep: usize,
}

impl DueOverview {
    /// What is due today in a deck or all decks (a custom session counts its own cards:
    /// see [`due_counts`](super::queue::due_counts)).
    pub fn of(&self, scope: &Scope) -> DueCounts {
        match scope {
            Scope::AllDecks => self.all,
            Scope::Deck(id) => self.per_deck.get(id).copied().unwrap_or_default(),
            Scope::Cards(_) => DueCounts::default(),
        }
    }
}

// The drafts file keeps a study session's scope in a shape of its own, so that the
// drafts depend on nothing of the study layer.
impl From<&Scope> for DraftScope {
    fn from(scope: &Scope) -> Self {
        match scope {
            Scope::Deck(id) => DraftScope::Deck { id: id.clone() },
            Scope::AllDecks => DraftScope::AllDecks,
            Scope::Cards(list) => DraftScope::Cards {
                ids: list.ids.as_ref().clone(),
                since: list.since,
            },
        }
    }
}

impl From<&DraftScope> for Scope {
    fn from(scope: &DraftScope) -> Self {
        match scope {
            DraftScope::Deck { id } => Scope::Deck(id.clone()),
            DraftScope::AllDecks => Scope::AllDecks,
            DraftScope::Cards { ids, since } => Scope::Cards(CardList {
                ids: Arc::new(ids.clone()),
                since: *since,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_survives_the_file() {
        let scope = Scope::Cards(CardList {
            ids: Arc::new(vec!["a".into(), "b".into()]),
            since: chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap(),
        });
        assert_eq!(Scope::from(&DraftScope::from(&scope)), scope);
        let deck = Scope::Deck("vpoe".into());
        assert_eq!(Scope::from(&DraftScope::from(&deck)), deck);
    }
}
