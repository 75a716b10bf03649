//! What to study next, in Anki's order: learning cards whose step is due, then reviews due
//! today, then new cards up to the daily limit; when nothing else is left, learning cards
//! due within the learn-ahead window. Suspended cards, and cards buried until a later
//! study day, are in no queue and no count.
//!
//! Upcoming interviews change the order for their cards (see [`InterviewPlan`](super::interview_plan::InterviewPlan)): after
//! learning cards, their due reviews come first, lowest predicted recall on the interview
//! date first; then their new cards, spread over the days left, even beyond the daily
//! limit, so every card is introduced in time; then, in the final sweep (the last days
//! before the date, a setting), every card not answered since the sweep began, even if
//! FSRS would wait; then everything else as usual. The answers themselves go through FSRS
//! as any other.

use crate::core::collection::Collection;
use crate::core::review::days::{end_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Phase};
use crate::core::study::indexed::IndexedCollection;
#[cfg(test)]
use crate::core::study::interview_plan::InterviewPlan;
use crate::core::study::interview_plan::is_learning;
use crate::core::study::scope::{
    CardList, DueCounts, DueOverview, LEARN_AHEAD_MINUTES, QueueKind, Scope,
};
use chrono::{DateTime, Duration, FixedOffset};
#[cfg(test)]
use std::collections::HashMap;

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

/// What is due today in every deck, and across all decks. Review cards in the final sweep
/// count as due reviews; new interview cards may go beyond the daily limit (see
/// [`InterviewPlan`](super::interview_plan::InterviewPlan)). Taken from the collection's [`DueIndex`](super::due_index::DueIndex)
/// and the plan of the day laid over it: microseconds whatever the number of cards.
pub fn due_counts_by_deck(
    collection: &IndexedCollection,
    now: DateTime<FixedOffset>,
) -> DueOverview {
    let new_limit = collection.settings().new_cards_per_day as usize;
    let unavailable = collection.unavailable_cards(now);
    let plan = collection.planned_day(now);
    collection.due_index().overview(
        collection.decks(),
        now,
        new_limit,
        &unavailable,
        plan.as_ref(),
    )
}

/// [`due_counts_by_deck`] from one pass over every card: the reference the index is
/// tested against, and what the decks screen did before it (BENCHMARKS.md).
#[cfg(test)]
pub fn due_counts_by_deck_by_scan(
    collection: &Collection,
    now: DateTime<FixedOffset>,
) -> DueOverview {
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let today = study_day(now, collection.settings().day_rollover_hour);
    let plan = InterviewPlan::for_day(collection, now);
    let mut per_deck: HashMap<String, DueCounts> = HashMap::new();
    // New cards per deck, split into interview cards and others: the two have different
    // limits. Capped below.
    let mut unseen_per_deck: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut all = DueCounts::default();
    let mut sweep = 0;
    let (mut unseen_interview, mut unseen_other) = (0usize, 0usize);
    for loaded in &collection.decks().decks {
        let counts = per_deck.entry(loaded.deck.id.clone()).or_default();
        let unseen = unseen_per_deck.entry(loaded.deck.id.as_str()).or_default();
        for card in &loaded.deck.cards {
            if !collection.marks(&card.id).is_available(today) {
                continue;
            }
            let state = collection.state_of(&card.id);
            let Some(state) = state.filter(|state| state.phase() != Phase::New) else {
                if plan.covers(&card.id) {
                    unseen.0 += 1;
                    unseen_interview += 1;
                } else {
                    unseen.1 += 1;
                    unseen_other += 1;
                }
                continue;
            };
            if state.due().is_some_and(|due| due < end_of_day) {
                if is_learning(state) {
                    counts.learning += 1;
                } else {
                    counts.review += 1;
                }
            } else if plan.in_sweep(&card.id) {
                counts.review += 1;
                sweep += 1;
            }
        }
        all.learning += counts.learning;
        all.review += counts.review;
    }
    let new_limit = plan.new_limit();
    let introduced = new_cards_introduced_today(collection, now);
    let new_left_today = new_limit.saturating_sub(introduced);
    // Interview cards come first and count against the plain limit too.
    let interview_left = new_left_today;
    let interview_taken = unseen_interview.min(interview_left);
    let other_left = (collection.settings().new_cards_per_day as usize)
        .saturating_sub(introduced + interview_taken);
    for (deck, counts) in per_deck.iter_mut() {
        let (interview, other) = unseen_per_deck
            .get(deck.as_str())
            .copied()
            .unwrap_or_default();
        counts.new = interview.min(interview_left) + other.min(other_left);
    }
    let unseen = unseen_interview + unseen_other;
    all.new = interview_taken + unseen_other.min(other_left);
    DueOverview {
        per_deck,
        all,
        new_limit,
        new_left_today,
        unseen,
        plain_new_left: other_left,
        interview_new_taken: interview_taken,
        sweep,
    }
}

/// What is due today in `scope`; for a custom session, the cards it has still to show.
pub fn due_counts(
    collection: &IndexedCollection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> DueCounts {
    match scope {
        Scope::Cards(list) => custom_counts(collection, list, now),
        Scope::Deck(_) | Scope::AllDecks => due_counts_by_deck(collection, now).of(scope),
    }
}

/// Whether a card of a custom session still waits for its turn.
fn waits_in(list: &CardList, state: Option<&CardState>) -> bool {
    state
        .and_then(|state| state.last_review())
        .is_none_or(|last| last < list.since)
}

fn custom_counts(
    collection: &Collection,
    list: &CardList,
    now: DateTime<FixedOffset>,
) -> DueCounts {
    let today = study_day(now, collection.settings().day_rollover_hour);
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let mut counts = DueCounts::default();
    for id in list.ids.iter() {
        if !collection.marks(id).is_available(today) {
            continue;
        }
        let state = collection.state_of(id);
        if waits_in(list, state) {
            match state.map_or(Phase::New, |state| state.phase()) {
                Phase::New => counts.new += 1,
                Phase::Learning | Phase::Relearning => counts.learning += 1,
                Phase::Review => counts.review += 1,
            }
        } else if let Some(state) = state.filter(|state| is_learning(state))
            && state.due().is_some_and(|due| due < end_of_day)
        {
            counts.learning += 1;
        }
    }
    counts
}

/// The next card of a custom session: a learning step due, else the first card in the
/// list that has not had its turn, else a learning step due soon.
fn next_custom_card(
    collection: &Collection,
    list: &CardList,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    let today = study_day(now, collection.settings().day_rollover_hour);
    let mut learning_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut learning_ahead: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut first_waiting: Option<(&str, QueueKind)> = None;
    for id in list.ids.iter() {
        if !collection.marks(id).is_available(today) {
            continue;
        }
        let state = collection.state_of(id);
        if waits_in(list, state) {
            if first_waiting.is_none() {
                let kind = match state.map_or(Phase::New, |state| state.phase()) {
                    Phase::New => QueueKind::New,
                    Phase::Learning | Phase::Relearning => QueueKind::Learning,
                    Phase::Review => QueueKind::Review,
                };
                first_waiting = Some((id, kind));
            }
            continue;
        }
        if let Some(state) = state.filter(|state| is_learning(state))
            && let Some(due) = state.due()
        {
            if due <= now {
                keep_earliest(&mut learning_due, due, id);
            } else if due <= now + Duration::minutes(LEARN_AHEAD_MINUTES) {
                keep_earliest(&mut learning_ahead, due, id);
            }
        }
    }
    if let Some((_, id)) = learning_due {
        return Some((id.to_string(), QueueKind::Learning));
    }
    if let Some((id, kind)) = first_waiting {
        return Some((id.to_string(), kind));
    }
    learning_ahead.map(|(_, id)| (id.to_string(), QueueKind::Learning))
}

/// The next card to show, or `None` when the session is done for now. Among equals, the
/// earliest due comes first and new cards come in deck order. Upcoming interviews come
/// first for their cards (see [`InterviewPlan`](super::interview_plan::InterviewPlan)). Taken from the collection's
/// [`DueIndex`](super::due_index::DueIndex) and the plan of the day laid over it; the
/// tests compare it with the same order from one pass over every card.
pub fn next_card(
    collection: &IndexedCollection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    if let Scope::Cards(list) = scope {
        return next_custom_card(collection, list, now);
    }
    let new_limit = collection.settings().new_cards_per_day as usize;
    let unavailable = collection.unavailable_cards(now);
    let plan = collection.planned_day(now);
    collection.due_index().next_card(
        collection.decks(),
        scope,
        now,
        new_limit,
        &unavailable,
        plan.as_ref(),
    )
}

/// [`next_card`] from one pass over every card: the reference the index is tested against.
#[cfg(test)]
pub fn next_card_by_scan(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<(String, QueueKind)> {
    if let Scope::Cards(list) = scope {
        return next_custom_card(collection, list, now);
    }
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let plan = InterviewPlan::for_day(collection, now);
    let mut learning_due: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut learning_ahead: Option<(DateTime<FixedOffset>, &str)> = None;
    let mut review_due: Option<(DateTime<FixedOffset>, &str)> = None;
    // Interview cards due or in the sweep, lowest recall on the date first.
    let mut interview_due: Option<(f32, &str)> = None;
    let mut interview_sweep: Option<(f32, &str)> = None;
    let mut first_new: Option<&str> = None;
    let mut first_interview_new: Option<&str> = None;
    let today = study_day(now, collection.settings().day_rollover_hour);
    for (deck, card) in collection.decks().cards() {
        if !scope.includes(deck) {
            continue;
        }
        let id = card.id.as_str();
        if !collection.marks(id).is_available(today) {
            continue;
        }
        let Some(state) = collection
            .state_of(id)
            .filter(|state| state.phase() != Phase::New)
        else {
            let slot = if plan.covers(id) {
                &mut first_interview_new
            } else {
                &mut first_new
            };
            if slot.is_none() {
                *slot = Some(id);
            }
            continue;
        };
        match state.due() {
            Some(due) if is_learning(state) => {
                if due <= now {
                    keep_earliest(&mut learning_due, due, id);
                } else if due <= now + Duration::minutes(LEARN_AHEAD_MINUTES) {
                    keep_earliest(&mut learning_ahead, due, id);
                }
            }
            Some(due) if due < end_of_day => {
                if plan.covers(id) {
                    keep_lowest(
                        &mut interview_due,
                        plan.recall_on_date(collection, id, state),
                        id,
                    );
                } else {
                    keep_earliest(&mut review_due, due, id);
                }
            }
            _ if plan.in_sweep(id) => {
                keep_lowest(
                    &mut interview_sweep,
                    plan.recall_on_date(collection, id, state),
                    id,
                );
            }
            _ => {}
        }
    }
    if let Some((_, id)) = learning_due {
        return Some((id.to_string(), QueueKind::Learning));
    }
    // An interview's cards first: due ones, then new ones (a card never seen counts 0 on
    // the day, so introducing it does more for readiness than another look at one already
    // known), then the sweep's.
    if let Some((_, id)) = interview_due {
        return Some((id.to_string(), QueueKind::Review));
    }
    let introduced = new_cards_introduced_today(collection, now);
    if let Some(id) = first_interview_new
        && introduced < plan.new_limit()
    {
        return Some((id.to_string(), QueueKind::New));
    }
    if let Some((_, id)) = interview_sweep {
        return Some((id.to_string(), QueueKind::Sweep));
    }
    if let Some((_, id)) = review_due {
        return Some((id.to_string(), QueueKind::Review));
    }
    let limit = collection.settings().new_cards_per_day as usize;
    if let Some(id) = first_new
        && introduced < limit
    {
        return Some((id.to_string(), QueueKind::New));
    }
    learning_ahead.map(|(_, id)| (id.to_string(), QueueKind::Learning))
}

#[cfg(test)]
fn keep_lowest<'a>(slot: &mut Option<(f32, &'a str)>, recall: f32, id: &'a str) {
    if slot.is_none_or(|(best, _)| recall < best) {
        *slot = Some((recall, id));
    }
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
    collection: &IndexedCollection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    if let Scope::Cards(_) = scope {
        return next_learning_due_by_scan(collection, scope, now);
    }
    let unavailable = collection.unavailable_cards(now);
    collection
        .due_index()
        .next_learning_due(collection.decks(), scope, now, &unavailable)
}

/// [`next_learning_due`] from one pass over every card: the reference for the tests.
pub fn next_learning_due_by_scan(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let end_of_day = end_of_study_day(now, collection.settings().day_rollover_hour);
    let today = study_day(now, collection.settings().day_rollover_hour);
    let in_list = |id: &str| match scope {
        Scope::Cards(list) => list.ids.iter().any(|listed| listed == id),
        Scope::Deck(_) | Scope::AllDecks => true,
    };
    collection
        .decks()
        .cards()
        .filter(|(deck, card)| scope.includes(deck) && in_list(&card.id))
        .filter(|(_, card)| collection.marks(&card.id).is_available(today))
        .filter_map(|(_, card)| collection.state_of(&card.id))
        .filter(|state| is_learning(state))
        .filter_map(|state| state.due())
        .filter(|due| *due > now && *due < end_of_day)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection::AnswerDetails;
    use crate::core::paths::DataDir;
    use crate::core::review::scheduler::Rating::{self, Again, Easy, Good, Hard};
    use crate::core::review::store::Store;
    use crate::core::settings::{self, Settings};
    use std::sync::Arc;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// A data folder with one user deck `t` of five cards and the given daily limit.
    fn collection(new_per_day: u32) -> (tempfile::TempDir, IndexedCollection, Store) {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        crate::core::test_decks::write_deck(&dir, "t", 5);
        let limits = Settings {
            new_cards_per_day: new_per_day,
            ..Settings::default()
        };
        settings::save(&dir.settings_file(), &limits).unwrap();
        let store = Store::open(dir.clone(), "pc").unwrap();
        (temp, Collection::load(dir, "t").into(), store)
    }

    fn answer(
        c: &mut IndexedCollection,
        store: &mut Store,
        card: &str,
        rating: Rating,
        when: &str,
    ) {
        c.record_answer(store, card, rating, at(when), AnswerDetails::default())
            .unwrap();
    }

    #[test]
    fn learning_due_comes_before_reviews_which_come_before_new_cards() {
        let (_temp, mut c, mut store) = collection(20);
        let scope = Scope::Deck("t".into());
        // t2 graduates with Easy on the 1st (due days later); t1 enters learning on the 30th.
        answer(&mut c, &mut store, "t2", Easy, "2026-11-01T09:00:00+09:00");
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T09:00:00+09:00");
        // t1's 10-minute step is due at 09:10: first.
        let now = at("2026-11-30T09:11:00+09:00");
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t1".into(), QueueKind::Learning))
        );
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T09:11:00+09:00");
        // Then the overdue review, then new cards in deck order.
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t2".into(), QueueKind::Review))
        );
        answer(&mut c, &mut store, "t2", Good, "2026-11-30T09:12:00+09:00");
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
            Easy,
            "2026-11-30T09:00:00+09:00",
        );
        answer(&mut c, &mut store, "t1", Easy, "2026-11-30T09:01:00+09:00");
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
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T09:00:00+09:00");
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
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T09:10:00+09:00");
        let state = c.state("t1");
        assert_eq!(state.phase(), Phase::Review);
        assert_eq!(next_card(&c, &scope, at("2026-11-30T09:11:00+09:00")), None);
    }

    fn interview(
        c: &mut IndexedCollection,
        store: &mut Store,
        date: &str,
        at_time: &str,
    ) -> String {
        let draft = crate::core::study::interview::InterviewDraft {
            name: "Acme".into(),
            date: Some(date.parse().unwrap()),
            decks: vec!["t".into()],
            roles: Vec::new(),
        };
        c.save_interview(store, &draft, None, at(at_time)).unwrap()
    }

    #[test]
    fn an_interviews_due_cards_come_first_lowest_recall_on_the_day_first() {
        let (_temp, mut c, mut store) = collection(20);
        // A bundled card due since October and two interview cards: t1 learnt with Hard
        // (weaker), t2 with Easy; both due by the 20th.
        answer(
            &mut c,
            &mut store,
            "vpoe-q01",
            Easy,
            "2026-10-01T09:00:00+09:00",
        );
        for (card, rating) in [("t2", Easy), ("t1", Hard)] {
            answer(
                &mut c,
                &mut store,
                card,
                rating,
                "2026-11-01T09:00:00+09:00",
            );
            if rating == Hard {
                for minute in ["09:10", "09:30"] {
                    answer(
                        &mut c,
                        &mut store,
                        card,
                        Good,
                        &format!("2026-11-01T{minute}:00+09:00"),
                    );
                }
            }
        }
        let now = at("2026-11-20T09:00:00+09:00");
        let due = |c: &Collection, id: &str| c.state(id).due().unwrap() < now;
        assert!(due(&c, "vpoe-q01") && due(&c, "t1") && due(&c, "t2"));
        // Without an interview the earliest due comes first.
        assert_eq!(
            next_card(&c, &Scope::AllDecks, now),
            Some(("vpoe-q01".into(), QueueKind::Review))
        );
        interview(
            &mut c,
            &mut store,
            "2026-11-25",
            "2026-11-20T08:00:00+09:00",
        );
        let plan = InterviewPlan::for_day(&c, now);
        let recall = |id: &str| plan.recall_on_date(&c, id, &c.state(id));
        assert!(
            recall("t1") < recall("t2"),
            "{} {}",
            recall("t1"),
            recall("t2")
        );
        assert_eq!(
            next_card(&c, &Scope::AllDecks, now),
            Some(("t1".into(), QueueKind::Review))
        );
        answer(&mut c, &mut store, "t1", Good, "2026-11-20T09:01:00+09:00");
        answer(&mut c, &mut store, "t1", Good, "2026-11-20T09:02:00+09:00");
        assert_eq!(
            next_card(&c, &Scope::AllDecks, at("2026-11-20T09:03:00+09:00")),
            Some(("t2".into(), QueueKind::Review))
        );
    }

    #[test]
    fn an_interviews_new_cards_are_spread_over_the_days_left_beyond_the_daily_limit() {
        let (_temp, mut c, mut store) = collection(1);
        // Five new cards, interview in two days: three today, two tomorrow.
        interview(
            &mut c,
            &mut store,
            "2026-11-22",
            "2026-11-20T08:00:00+09:00",
        );
        let mut now = at("2026-11-20T09:00:00+09:00");
        assert_eq!(due_counts(&c, &Scope::AllDecks, now).new, 3);
        let mut introduced = Vec::new();
        while let Some((id, QueueKind::New)) = next_card(&c, &Scope::AllDecks, now) {
            answer(&mut c, &mut store, &id, Easy, &now.to_rfc3339());
            introduced.push(id);
            now += Duration::minutes(1);
        }
        assert_eq!(introduced, ["t1", "t2", "t3"]);
        // The bundled decks' new cards still wait for the plain limit of 1, used up.
        assert_eq!(next_card(&c, &Scope::AllDecks, now), None);
        let tomorrow = at("2026-11-21T09:00:00+09:00");
        assert_eq!(due_counts(&c, &Scope::Deck("t".into()), tomorrow).new, 2);
        // After the interview, the plain limit again.
        let after = at("2026-11-23T09:00:00+09:00");
        assert_eq!(due_counts(&c, &Scope::Deck("t".into()), after).new, 1);
    }

    #[test]
    fn the_final_sweep_shows_every_interview_card_once_even_when_fsrs_would_wait() {
        let (_temp, mut c, mut store) = collection(20);
        let start = at("2026-11-01T09:00:00+09:00");
        for (index, card) in ["t1", "t2", "t3", "t4", "t5"].iter().enumerate() {
            let when = start + Duration::minutes(index as i64);
            answer(&mut c, &mut store, card, Easy, &when.to_rfc3339());
        }
        // Easy first answers: due in about two weeks, after the interview on the 10th.
        assert!(c.state("t1").due().unwrap() > at("2026-11-11T04:00:00+09:00"));
        interview(
            &mut c,
            &mut store,
            "2026-11-10",
            "2026-11-02T08:00:00+09:00",
        );
        // Before the sweep (3 days: from the 7th) nothing is shown.
        let scope = Scope::Deck("t".into());
        assert_eq!(next_card(&c, &scope, at("2026-11-06T12:00:00+09:00")), None);
        let mut now = at("2026-11-07T12:00:00+09:00");
        assert_eq!(InterviewPlan::for_day(&c, now).sweep_len(), 5);
        assert_eq!(due_counts(&c, &scope, now).review, 5);
        // Those FSRS would not show today are due by the sweep alone, which the overview
        // says apart from FSRS's own.
        let end_of_day = at("2026-11-08T04:00:00+09:00");
        let by_fsrs = ["t1", "t2", "t3", "t4", "t5"]
            .iter()
            .filter(|card| c.state(card).due().is_some_and(|due| due < end_of_day))
            .count();
        let overview = due_counts_by_deck_by_scan(&c, now);
        assert_eq!((overview.all.review, overview.sweep), (5, 5 - by_fsrs));
        assert!(overview.sweep >= 3);
        let mut swept = Vec::new();
        let end_of_interview_eve = at("2026-11-10T04:00:00+09:00");
        while let Some((id, kind)) = next_card(&c, &scope, now) {
            // Fuzz may bring one due inside the sweep; the rest FSRS would have left
            // until after the interview.
            let due = c.state(&id).due().unwrap();
            match kind {
                QueueKind::Review => assert!(due < now, "{id} due {due}"),
                QueueKind::Sweep => assert!(due > end_of_interview_eve, "{id} due {due}"),
                other => panic!("{id} came as {other:?}"),
            }
            answer(&mut c, &mut store, &id, Good, &now.to_rfc3339());
            swept.push((id, kind));
            now += Duration::minutes(1);
        }
        assert!(
            swept
                .iter()
                .filter(|(_, kind)| *kind == QueueKind::Sweep)
                .count()
                >= 3,
            "{swept:?}"
        );
        let mut swept: Vec<String> = swept.into_iter().map(|(id, _)| id).collect();
        swept.sort();
        assert_eq!(swept, ["t1", "t2", "t3", "t4", "t5"]);
        // Answered in the sweep: not again on the following days of it.
        assert_eq!(
            InterviewPlan::for_day(&c, at("2026-11-09T12:00:00+09:00")).sweep_len(),
            0
        );
        // The sweep setting at 0 turns it off.
        let (_temp2, mut off, mut store2) = collection(20);
        let settings = Settings {
            final_sweep_days: 0,
            ..off.settings().clone()
        };
        off.apply_settings(settings).unwrap();
        answer(
            &mut off,
            &mut store2,
            "t1",
            Easy,
            "2026-11-01T09:00:00+09:00",
        );
        interview(
            &mut off,
            &mut store2,
            "2026-11-10",
            "2026-11-02T08:00:00+09:00",
        );
        assert_eq!(
            InterviewPlan::for_day(&off, at("2026-11-09T12:00:00+09:00")).sweep_len(),
            0
        );
    }

    #[test]
    fn in_the_sweep_an_interviews_new_cards_come_before_its_sweep_cards() {
        let (_temp, mut c, mut store) = collection(20);
        for day in ["2026-11-01", "2026-11-10"] {
            for card in ["t1", "t2", "t3"] {
                answer(
                    &mut c,
                    &mut store,
                    card,
                    Easy,
                    &format!("{day}T09:00:00+09:00"),
                );
            }
        }
        interview(
            &mut c,
            &mut store,
            "2026-11-25",
            "2026-11-10T10:00:00+09:00",
        );
        let scope = Scope::Deck("t".into());
        let now = at("2026-11-23T09:00:00+09:00");
        assert_eq!(InterviewPlan::for_day(&c, now).sweep_len(), 3);
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t4".into(), QueueKind::New))
        );
        answer(&mut c, &mut store, "t4", Easy, "2026-11-23T09:00:00+09:00");
        answer(&mut c, &mut store, "t5", Easy, "2026-11-23T09:01:00+09:00");
        let later = at("2026-11-23T09:02:00+09:00");
        assert!(matches!(
            next_card(&c, &scope, later),
            Some((_, QueueKind::Sweep))
        ));
    }

    #[test]
    fn a_suspended_card_leaves_every_queue_and_a_buried_one_comes_back_the_next_study_day() {
        let (_temp, mut c, mut store) = collection(20);
        let scope = Scope::Deck("t".into());
        let now = at("2026-11-30T09:00:00+09:00");
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T08:00:00+09:00");
        // t1 is learning (due 08:10), t2-t5 new.
        assert_eq!(
            due_counts(&c, &scope, now),
            DueCounts {
                new: 4,
                learning: 1,
                review: 0
            }
        );
        c.set_suspended(&mut store, &["t1".into(), "t2".into()], true, now)
            .unwrap();
        c.set_buried(&mut store, &["t3".into()], true, now).unwrap();
        assert_eq!(
            due_counts(&c, &scope, now),
            DueCounts {
                new: 2,
                learning: 0,
                review: 0
            }
        );
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t4".into(), QueueKind::New))
        );
        assert_eq!(
            next_learning_due(&c, &scope, at("2026-11-30T08:05:00+09:00")),
            None
        );
        // 03:59 is still the same study day; 04:00 is the next, and t3 is back.
        assert!(!c.is_available("t3", at("2026-12-01T03:59:00+09:00")));
        let tomorrow = at("2026-12-01T04:00:00+09:00");
        assert!(c.is_available("t3", tomorrow));
        assert_eq!(due_counts(&c, &scope, tomorrow).new, 3);
        // Suspended stays suspended until brought back.
        assert!(!c.is_available("t1", tomorrow));
        c.set_suspended(&mut store, &["t1".into()], false, tomorrow)
            .unwrap();
        assert_eq!(
            next_card(&c, &scope, tomorrow),
            Some(("t1".into(), QueueKind::Learning))
        );
        // Undoing a mark is undoing it: suspend t4, undo, and it is back.
        let ids = c
            .set_suspended(&mut store, &["t4".into()], true, tomorrow)
            .unwrap();
        c.undo(&mut store, &ids[0], tomorrow).unwrap();
        assert!(c.is_available("t4", tomorrow));
    }

    #[test]
    fn a_card_reaching_the_leech_threshold_is_a_leech_and_suspended_if_the_setting_says_so() {
        let (_temp, mut c, mut store) = collection(20);
        let settings = Settings {
            leech_threshold: 2,
            leech_action: crate::core::settings::LeechAction::Suspend,
            ..c.settings().clone()
        };
        c.apply_settings(settings).unwrap();
        // Graduate t1, then lapse it twice, each time relearning it.
        let mut now = at("2026-11-01T09:00:00+09:00");
        answer(&mut c, &mut store, "t1", Easy, &now.to_rfc3339());
        for _ in 0..2 {
            assert!(!c.is_leech("t1"));
            now = c.state("t1").due().unwrap() + Duration::minutes(1);
            answer(&mut c, &mut store, "t1", Again, &now.to_rfc3339());
            now += Duration::minutes(11);
            answer(&mut c, &mut store, "t1", Good, &now.to_rfc3339());
        }
        assert_eq!(c.state("t1").lapses(), 2);
        assert!(c.is_leech("t1"));
        assert!(c.marks("t1").suspended);
    }

    #[test]
    fn a_custom_session_shows_each_listed_card_once_due_or_not_and_relearns_an_again() {
        let (_temp, mut c, mut store) = collection(20);
        // t1 in review and not due for days; t2 and t4 new.
        answer(&mut c, &mut store, "t1", Easy, "2026-11-29T09:00:00+09:00");
        let now = at("2026-11-30T09:00:00+09:00");
        let scope = Scope::Cards(CardList {
            ids: Arc::new(vec!["t4".into(), "t1".into(), "t2".into()]),
            since: now,
        });
        assert_eq!(
            due_counts(&c, &scope, now),
            DueCounts {
                new: 2,
                learning: 0,
                review: 1
            }
        );
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t4".into(), QueueKind::New))
        );
        answer(&mut c, &mut store, "t4", Easy, "2026-11-30T09:00:00+09:00");
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t1".into(), QueueKind::Review))
        );
        answer(&mut c, &mut store, "t1", Again, "2026-11-30T09:01:00+09:00");
        assert_eq!(
            next_card(&c, &scope, now),
            Some(("t2".into(), QueueKind::New))
        );
        answer(&mut c, &mut store, "t2", Easy, "2026-11-30T09:02:00+09:00");
        // t1 relearns: its 10-minute step is shown early when nothing else is left.
        let later = at("2026-11-30T09:03:00+09:00");
        assert_eq!(
            next_card(&c, &scope, later),
            Some(("t1".into(), QueueKind::Learning))
        );
        answer(&mut c, &mut store, "t1", Good, "2026-11-30T09:12:00+09:00");
        assert_eq!(next_card(&c, &scope, at("2026-11-30T09:13:00+09:00")), None);
    }
}
