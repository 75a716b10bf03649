//! Readiness: how much of a set of cards the user is predicted to recall on a given day.
//! Per card it is FSRS's retrievability at the start of that day (the rollover hour, local
//! time), counted as py-fsrs's `get_card_retrievability` counts it; a card never studied
//! counts 0. The mean is taken per deck and over all the cards.

use crate::core::collection::Collection;
use crate::core::content::deck::{Card, Deck};
use crate::core::review::days::{start_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Scheduler};
use crate::core::study::interview::Interview;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rustc_hash::FxHashMap;

/// One card's predicted recall.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRecall {
    pub card: String,
    pub deck: String,
    /// 0-1; 0 for a card never studied.
    pub recall: f32,
}

/// The mean predicted recall of one deck's cards.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckReadiness {
    pub deck: String,
    pub cards: usize,
    pub mean: f32,
}

/// Predicted recall at one moment, per card, per deck and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    pub at: DateTime<FixedOffset>,
    /// In deck order, then card order.
    pub cards: Vec<CardRecall>,
    /// In deck order.
    pub decks: Vec<DeckReadiness>,
    /// Mean over every card; 0 when there are none.
    pub overall: f32,
}

/// Readiness at `at` over `cards` (each with its deck), with the states `state_of` gives.
pub fn readiness<'a>(
    scheduler: &Scheduler,
    cards: impl IntoIterator<Item = (&'a Deck, &'a Card)>,
    state_of: impl Fn(&str) -> Option<&'a CardState>,
    at: DateTime<FixedOffset>,
) -> Readiness {
    let mut recalls = Vec::new();
    let mut decks: Vec<DeckReadiness> = Vec::new();
    for (deck, card) in cards {
        let recall = state_of(&card.id).map_or(0.0, |state| scheduler.recall_at(state, at));
        match decks.last_mut() {
            Some(last) if last.deck == deck.id => {
                last.cards += 1;
                last.mean += recall;
            }
            _ => decks.push(DeckReadiness {
                deck: deck.id.clone(),
                cards: 1,
                mean: recall,
            }),
        }
        recalls.push(CardRecall {
            card: card.id.clone(),
            deck: deck.id.clone(),
            recall,
        });
    }
    for deck in &mut decks {
        deck.mean /= deck.cards as f32;
    }
    let overall = mean(recalls.iter().map(|card| card.recall));
    Readiness {
        at,
        cards: recalls,
        decks,
        overall,
    }
}

fn mean(values: impl ExactSizeIterator<Item = f32>) -> f32 {
    let count = values.len();
    if count == 0 {
        return 0.0;
    }
    values.sum::<f32>() / count as f32
}

/// An interview's readiness with the collection's current states, at the start of its
/// date in `offset` (the user's local time).
pub fn of_interview(
    collection: &Collection,
    interview: &Interview,
    offset: FixedOffset,
) -> Option<Readiness> {
    let at = start_of_study_day(
        interview.date,
        collection.settings().day_rollover_hour,
        offset,
    )?;
    Some(readiness(
        collection.scheduler(),
        interview.cards(collection.decks()),
        |card| collection.state_of(card),
        at,
    ))
}

/// [`of_interview`]'s overall mean alone, without the per-card and per-deck lists: for a
/// view that refreshes it after every answer.
pub fn overall_of_interview(
    collection: &Collection,
    interview: &Interview,
    offset: FixedOffset,
) -> Option<f32> {
    let at = start_of_study_day(
        interview.date,
        collection.settings().day_rollover_hour,
        offset,
    )?;
    let scheduler = collection.scheduler();
    let (mut sum, mut count) = (0.0_f32, 0usize);
    for (_, card) in interview.cards(collection.decks()) {
        sum += collection
            .state_of(&card.id)
            .map_or(0.0, |state| scheduler.recall_at(state, at));
        count += 1;
    }
    Some(if count == 0 { 0.0 } else { sum / count as f32 })
}

/// How an interview's readiness grew: for each study day from the first answer to one of
/// its cards (at most `max_days` back) through `today`, the readiness on the interview's
/// date as the log stood at the end of that day. Days with no answer repeat the day
/// before's states, so forgetting shows only through time passing toward the date, which
/// is fixed: the line moves with study alone.
pub fn history(
    collection: &Collection,
    interview: &Interview,
    today: NaiveDate,
    offset: FixedOffset,
    max_days: i64,
) -> Vec<(NaiveDate, f32)> {
    let rollover = collection.settings().day_rollover_hour;
    let Some(at) = start_of_study_day(interview.date, rollover, offset) else {
        return Vec::new();
    };
    let scheduler = collection.scheduler();
    let covered: FxHashMap<&str, usize> = interview
        .cards(collection.decks())
        .enumerate()
        .map(|(index, (_, card))| (card.id.as_str(), index))
        .collect();
    if covered.is_empty() {
        return Vec::new();
    }
    let first_day = today - chrono::Duration::days(max_days.max(0));
    let mut recalls = vec![0.0_f32; covered.len()];
    let mut points = Vec::new();
    let mut current_day: Option<NaiveDate> = None;
    let push_until = |points: &mut Vec<(NaiveDate, f32)>,
                      from: Option<NaiveDate>,
                      until: NaiveDate,
                      recalls: &[f32]| {
        // One point per day from `from` up to and excluding `until`, all with the same
        // value: no answer changed the states in between.
        let Some(mut day) = from else {
            return;
        };
        let value = recalls.iter().sum::<f32>() / recalls.len() as f32;
        while day < until {
            if day >= first_day {
                points.push((day, value));
            }
            day = day.succ_opt().unwrap_or(until);
        }
    };
    for review in collection.reviews() {
        let Some(&index) = covered.get(review.record.card) else {
            continue;
        };
        let day = study_day(review.record.at, rollover);
        if day > today {
            break;
        }
        if current_day.is_some_and(|current| day > current) {
            push_until(&mut points, current_day, day, &recalls);
        }
        current_day = Some(day);
        recalls[index] = scheduler.recall_after(review.stability_after, review.record.at, at);
    }
    if let Some(tomorrow) = today.succ_opt() {
        push_until(&mut points, current_day, tomorrow, &recalls);
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_starts_at_the_rollover_hour_in_the_given_offset() {
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        let start = start_of_study_day("2026-12-24".parse().unwrap(), 4, tokyo).unwrap();
        assert_eq!(start.to_rfc3339(), "2026-12-24T04:00:00+09:00");
    }
}
