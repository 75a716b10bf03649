//! What to study next, in Anki's order: learning cards whose step is due, then reviews due
//! today, then new cards up to the daily limit; when nothing else is left, learning cards
//! due within the learn-ahead window.

use crate::core::collection::Collection;
use crate::core::content::deck::Deck;
use crate::core::review::days::{end_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Phase};
use chrono::{DateTime, Duration, FixedOffset};
use std::collections::HashMap;

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
    let rollover = collection.settings().day_rollover_hour;
    let today = study_day(now, rollover);
    collection
        .reviewed_cards()
        .filter_map(|(_, _, first)| first)
        .filter(|first| study_day(first.record.at, rollover) == today)
        .count()
}

fn is_learning(state: &CardState) -> bool {
    matches!(state.phase, Phase::Learning | Phase::Relearning)
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
}

/// What is due today in every deck, and across all decks, from the collection's
/// [`DueIndex`](super::due_index::DueIndex): microseconds whatever the number of cards.
pub fn due_counts_by_deck(collection: &Collection, now: DateTime<FixedOffset>) -> DueOverview {
    let new_limit = collection.settings().new_cards_per_day as usize;
    collection.due_index().overview(now, new_limit)
}

/// [`due_counts_by_deck`] from one pass over every card: the reference the index is
/// tested against, and what the decks screen did before it (BENCHMARKS.md).
pub fn due_counts_by_deck_by_scan(
    collection: &Collection,
    now: DateTime<FixedOffset>,
) -> DueOverview {
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let mut per_deck: HashMap<String, DueCounts> = HashMap::new();
    let mut all = DueCounts::default();
    for loaded in &collection.decks().decks {
        let counts = per_deck.entry(loaded.deck.id.clone()).or_default();
        for card in &loaded.deck.cards {
            let state = collection.state_of(&card.id);
            let Some(state) = state.filter(|state| state.phase != Phase::New) else {
                // Capped by the daily limit below.
                counts.new += 1;
                continue;
            };
            if state.due.is_some_and(|due| due < end_of_day) {
                if is_learning(state) {
                    counts.learning += 1;
                } else {
                    counts.review += 1;
                }
            }
        }
        all.new += counts.new;
        all.learning += counts.learning;
        all.review += counts.review;
    }
    let new_limit = collection.settings().new_cards_per_day as usize;
    let new_left_today = new_limit.saturating_sub(new_cards_introduced_today(collection, now));
    for counts in per_deck.values_mut() {
        counts.new = counts.new.min(new_left_today);
    }
    let unseen = all.new;
    all.new = all.new.min(new_left_today);
    DueOverview {
        per_deck,
        all,
        new_limit,
        new_left_today,
        unseen,
    }
}

impl DueOverview {
    /// What is due today in `scope`.
    pub fn of(&self, scope: &Scope) -> DueCounts {
        match scope {
            Scope::AllDecks => self.all,
            Scope::Deck(id) => self.per_deck.get(id).copied().unwrap_or_default(),
        }
    }
}

/// What is due today in `scope`.
pub fn due_counts(collection: &Collection, scope: &Scope, now: DateTime<FixedOffset>) -> DueCounts {
    due_counts_by_deck(collection, now).of(scope)
}

/// The next card to show, or `None` when the session is done for now. Among equals, the
/// earliest due comes first and new cards come in deck order. Taken from the collection's
/// [`DueIndex`](super::due_index::DueIndex); [`next_card_by_scan`] is the same order from
/// one pass over every card.
pub fn next_card(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    let new_limit = collection.settings().new_cards_per_day as usize;
    collection
        .due_index()
        .next_card(collection.decks(), scope, now, new_limit)
}

/// [`next_card`] from one pass over every card: the reference the index is tested against.
pub fn next_card_by_scan(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let mut learning_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut learning_ahead: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut review_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut first_new: Option<&str> = None;
    for (deck, card) in collection.decks().cards() {
        if !scope.includes(deck) {
            continue;
        }
        let id = card.id.as_str();
        let Some(state) = collection.state_of(id) else {
            if first_new.is_none() {
                first_new = Some(id);
            }
            continue;
        };
        match (state.phase, state.due) {
            (Phase::New, _) => {}
            (_, Some(due)) if is_learning(state) => {
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
    let limit = collection.settings().new_cards_per_day as usize;
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
/// message at the end of a session (from the collection's
/// [`DueIndex`](super::due_index::DueIndex)).
pub fn next_learning_due(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    collection.due_index().next_learning_due(scope, now)
}

/// [`next_learning_due`] from one pass over every card: the reference for the tests.
pub fn next_learning_due_by_scan(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    collection
        .decks()
        .cards()
        .filter(|(deck, _)| scope.includes(deck))
        .filter_map(|(_, card)| collection.state_of(&card.id))
        .filter(|state| is_learning(state))
        .filter_map(|state| state.due)
        .filter(|due| *due > now && *due < end_of_day)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection::AnswerDetails;
    use crate::core::paths::DataDir;
    use crate::core::review::scheduler::Rating;
    use crate::core::review::store::Store;
    use crate::core::settings::{self, Settings};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// A data folder with one user deck `t` of five cards and the given daily limit.
    fn collection(new_per_day: u32) -> (tempfile::TempDir, Collection, Store) {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        std::fs::create_dir_all(dir.decks_dir()).unwrap();
        let cards: Vec<String> = (1..=5)
            .map(|n| format!(r#"{{"id":"t{n}","question":{{"en":"q{n}"}}}}"#))
            .collect();
        std::fs::write(
            dir.decks_dir().join("t.json"),
            format!(
                r#"{{"id":"t","title":{{"en":"T"}},"cards":[{}]}}"#,
                cards.join(",")
            ),
        )
        .unwrap();
        let limits = Settings {
            new_cards_per_day: new_per_day,
            ..Settings::default()
        };
        settings::save(&dir.settings_file(), &limits).unwrap();
        let store = Store::open(dir.clone(), "pc").unwrap();
        (temp, Collection::load(dir, "t"), store)
    }

    fn answer(c: &mut Collection, store: &mut Store, card: &str, rating: Rating, when: &str) {
        c.record_answer(store, card, rating, at(when), AnswerDetails::default())
            .unwrap();
    }

    #[test]
    fn learning_due_comes_before_reviews_which_come_before_new_cards() {
        let (_temp, mut c, mut store) = collection(20);
        let scope = Scope::Deck("t".into());
        // t2 graduates with Easy on the 1st (due days later); t1 enters learning on the 30th.
        answer(
            &mut c,
            &mut store,
            "t2",
            Rating::Easy,
            "2026-11-01T09:00:00+09:00",
        );
        answer(
            &mut c,
            &mut store,
            "t1",
            Rating::Good,
            "2026-11-30T09:00:00+09:00",
        );
        // t1's 10-minute step is due at 09:10: first.
        let now = at("2026-11-30T09:11:00+09:00");
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t1".into(), QueueKind::Learning))
        );
        answer(
            &mut c,
            &mut store,
            "t1",
            Rating::Good,
            "2026-11-30T09:11:00+09:00",
        );
        // Then the overdue review, then new cards in deck order.
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t2".into(), QueueKind::Review))
        );
        answer(
            &mut c,
            &mut store,
            "t2",
            Rating::Good,
            "2026-11-30T09:12:00+09:00",
        );
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t3".into(), QueueKind::New))
        );
    }

    #[test]
    fn new_cards_stop_at_the_daily_limit_shared_across_decks_until_the_next_day() {
        let (_temp, mut c, mut store) = collection(2);
        let scope = Scope::Deck("t".into());
        // One new card studied in a bundled deck counts against the same limit.
        answer(
            &mut c,
            &mut store,
            "vpoe-q01",
            Rating::Easy,
            "2026-11-30T09:00:00+09:00",
        );
        answer(
            &mut c,
            &mut store,
            "t1",
            Rating::Easy,
            "2026-11-30T09:01:00+09:00",
        );
        let now = at("2026-11-30T09:02:00+09:00");
        assert_eq!(due_counts(&c, &scope, now).new, 0);
        assert_eq!(next_card(&c, &scope, now), None);
        // 04:00 the next morning is a new study day.
        let tomorrow = at("2026-12-01T04:00:00+09:00");
        assert_eq!(due_counts(&c, &scope, tomorrow).new, 2);
        assert_eq!(
            next_card(&c, &scope, tomorrow),
            Some(("t2".into(), QueueKind::New))
        );
    }

    #[test]
    fn a_learning_card_is_shown_early_only_when_nothing_else_is_left() {
        let (_temp, mut c, mut store) = collection(1);
        let scope = Scope::Deck("t".into());
        answer(
            &mut c,
            &mut store,
            "t1",
            Rating::Good,
            "2026-11-30T09:00:00+09:00",
        );
        // Due at 09:10; at 09:01 the daily limit is used up and nothing else is due.
        let now = at("2026-11-30T09:01:00+09:00");
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t1".into(), QueueKind::Learning))
        );
        assert_eq!(
            next_learning_due(&c, &scope, now),
            Some(at("2026-11-30T09:10:00+09:00"))
        );
        let counts = due_counts(&c, &scope, now);
        assert_eq!((counts.new, counts.learning, counts.review), (0, 1, 0));
        // More than 20 minutes ahead is not shown early.
        answer(
            &mut c,
            &mut store,
            "t1",
            Rating::Good,
            "2026-11-30T09:10:00+09:00",
        );
        let state = c.state("t1");
        assert_eq!(state.phase, Phase::Review);
        assert_eq!(next_card(&c, &scope, at("2026-11-30T09:11:00+09:00")), None);
    }
}
