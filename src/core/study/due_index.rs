//! The study queue's numbers kept up to date as answers come in, so that neither the decks
//! screen's counts nor the next card cost a pass over every card.
//!
//! A pass over 100,000 cards takes tens of milliseconds (a hash lookup per card), and the
//! app needed one for the decks screen's counts whenever the log changed and every 30 s,
//! and another for the next card after every answer. Here every card of the decks sits
//! in one bucket — unseen, learning or review — and the learning and review buckets are
//! kept sorted by due time, per deck and for all decks. "Due before the end of the study
//! day" is then a binary search, the next card the first entry of a bucket, and an answer
//! moves one card between buckets. [`queue`](super::queue) keeps the pass over every card
//! as the reference the tests compare this with.
//!
//! When an interview is coming up, its plan for the day ([`InterviewPlan`]) is laid over
//! the buckets as a [`PlannedDay`]: the interview's due cards and sweep cards sorted by
//! predicted recall on the date, its unseen cards in deck order. It is built once per
//! study day and moved along with every answer like the buckets, so interview mode walks
//! the same few sorted lists as plain study.

use crate::core::content::deck::DeckSet;
use crate::core::review::days::{end_of_study_day, study_day};
use crate::core::review::scheduler::{CardState, Phase};
use crate::core::study::interview_plan::{InterviewPlan, is_learning};
use crate::core::study::scope::{DueCounts, DueOverview, LEARN_AHEAD_MINUTES, QueueKind, Scope};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

/// A card's place in deck order: decks in load order, cards in deck order. Among cards due
/// at the same moment the earlier place comes first, as in the pass over every card.
type Place = u32;

/// Where a card of the decks is for the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    /// Never answered: a new card.
    Unseen,
    Learning(DateTime<FixedOffset>),
    Review(DateTime<FixedOffset>),
    /// Answered but with no due date: never due (the scheduler always sets one).
    Nowhere,
}

impl Bucket {
    fn of(state: Option<&CardState>) -> Self {
        let Some(state) = state else {
            return Bucket::Unseen;
        };
        match (state.phase(), state.due()) {
            (Phase::New, _) => Bucket::Unseen,
            (Phase::Learning | Phase::Relearning, Some(due)) => Bucket::Learning(due),
            (Phase::Review, Some(due)) => Bucket::Review(due),
            (_, None) => Bucket::Nowhere,
        }
    }
}

/// One set of buckets: of one deck, or of all decks.
#[derive(Debug, Clone, Default)]
struct Buckets {
    /// Places of the unseen cards, ascending.
    unseen: Vec<Place>,
    /// (due, place) of learning and relearning cards, ascending.
    learning: Vec<(DateTime<FixedOffset>, Place)>,
    /// (due, place) of review cards, ascending.
    review: Vec<(DateTime<FixedOffset>, Place)>,
}

impl Buckets {
    fn insert(&mut self, bucket: Bucket, place: Place) {
        match bucket {
            Bucket::Unseen => insert_sorted(&mut self.unseen, place),
            Bucket::Learning(due) => insert_sorted(&mut self.learning, (due, place)),
            Bucket::Review(due) => insert_sorted(&mut self.review, (due, place)),
            Bucket::Nowhere => {}
        }
    }

    fn remove(&mut self, bucket: Bucket, place: Place) {
        match bucket {
            Bucket::Unseen => remove_sorted(&mut self.unseen, &place),
            Bucket::Learning(due) => remove_sorted(&mut self.learning, &(due, place)),
            Bucket::Review(due) => remove_sorted(&mut self.review, &(due, place)),
            Bucket::Nowhere => {}
        }
    }

    fn sort(&mut self) {
        self.unseen.sort_unstable();
        self.learning.sort_unstable();
        self.review.sort_unstable();
    }

    /// Unseen cards (before the daily limit), and learning and review cards due before
    /// `end_of_day`.
    fn counts(&self, end_of_day: DateTime<FixedOffset>) -> DueCounts {
        let due_before = |list: &[(DateTime<FixedOffset>, Place)]| {
            list.partition_point(|(due, _)| *due < end_of_day)
        };
        DueCounts {
            new: self.unseen.len(),
            learning: due_before(&self.learning),
            review: due_before(&self.review),
        }
    }
}

fn insert_sorted<T: Ord>(list: &mut Vec<T>, item: T) {
    let at = list.partition_point(|existing| *existing < item);
    list.insert(at, item);
}

fn remove_sorted<T: Ord>(list: &mut Vec<T>, item: &T) {
    if let Ok(at) = list.binary_search(item) {
        list.remove(at);
    }
}

/// The queue's buckets for a set of decks and the card states derived from the log.
/// Built with [`DueIndex::build`] after a replay, moved along with [`DueIndex::update`]
/// after each answer applied on its own.
#[derive(Debug, Clone, Default)]
pub struct DueIndex {
    /// Each deck's id and the place of its first card; places run on across decks.
    decks: Vec<(String, Place)>,
    per_deck: Vec<Buckets>,
    all: Buckets,
    /// The bucket each place is in now, so an update knows where to take it from.
    bucket_of: Vec<Bucket>,
    /// How many cards (of any deck or none) were first answered on each study day.
    first_answers: FxHashMap<NaiveDate, usize>,
    rollover_hour: u32,
}

impl DueIndex {
    /// The buckets of every card of `decks`, from the card states `state_of` gives.
    /// `first_answers` lists the time of each answered card's first effective answer
    /// (cards no deck has included: they count against the daily limit of new cards).
    pub fn build<'a>(
        decks: &DeckSet,
        state_of: impl Fn(&str) -> Option<&'a CardState>,
        first_answers: impl Iterator<Item = DateTime<FixedOffset>>,
        rollover_hour: u32,
    ) -> Self {
        let mut index = DueIndex {
            rollover_hour,
            ..DueIndex::default()
        };
        let mut place: Place = 0;
        for loaded in &decks.decks {
            index.decks.push((loaded.deck.id.clone(), place));
            let mut buckets = Buckets::default();
            for card in &loaded.deck.cards {
                let bucket = Bucket::of(state_of(&card.id));
                index.bucket_of.push(bucket);
                // Places come in ascending order: pushing keeps the lists sorted by place,
                // and the due lists are sorted once below.
                buckets.insert_unsorted(bucket, place);
                index.all.insert_unsorted(bucket, place);
                place += 1;
            }
            buckets.sort();
            index.per_deck.push(buckets);
        }
        index.all.sort();
        for at in first_answers {
            *index
                .first_answers
                .entry(study_day(at, rollover_hour))
                .or_default() += 1;
        }
        index
    }

    /// Moves one card after an answer: `state` is its state now, `first_answer` the time
    /// of the answer if it was the card's first. A card no deck has only counts its first
    /// answer.
    pub fn update(
        &mut self,
        decks: &DeckSet,
        card_id: &str,
        state: &CardState,
        first_answer: Option<DateTime<FixedOffset>>,
    ) {
        if let Some(at) = first_answer {
            *self
                .first_answers
                .entry(study_day(at, self.rollover_hour))
                .or_default() += 1;
        }
        let Some((deck, place)) = self.place_of(decks, card_id) else {
            return;
        };
        let Some(old) = self.bucket_of.get(place as usize).copied() else {
            return;
        };
        let new = Bucket::of(Some(state));
        if old == new {
            return;
        }
        self.bucket_of[place as usize] = new;
        for buckets in [&mut self.per_deck[deck], &mut self.all] {
            buckets.remove(old, place);
            buckets.insert(new, place);
        }
    }

    /// The index of the card's deck and the card's place, if a deck has it.
    fn place_of(&self, decks: &DeckSet, card_id: &str) -> Option<(usize, Place)> {
        let (deck, card) = decks.locate(card_id)?;
        let &(_, first_place) = self.decks.get(deck)?;
        let card = Place::try_from(card).ok()?;
        Some((deck, first_place + card))
    }

    /// The places of `cards` (those a deck has), for skipping them.
    fn places(&self, decks: &DeckSet, cards: &[&str]) -> FxHashSet<Place> {
        cards
            .iter()
            .filter_map(|card| self.place_of(decks, card))
            .map(|(_, place)| place)
            .collect()
    }

    /// Cards first answered on the study day of `now`, across all decks.
    pub fn new_cards_introduced_today(&self, now: DateTime<FixedOffset>) -> usize {
        let today = study_day(now, self.rollover_hour);
        self.first_answers.get(&today).copied().unwrap_or(0)
    }

    /// What is due today in every deck and across all decks, with the daily limit of new
    /// cards (`new_limit`), leaving out the `unavailable` cards (suspended or buried), and
    /// following the interview plan of the day if there is one: the same numbers as
    /// [`queue::due_counts_by_deck_by_scan`](super::queue).
    pub fn overview(
        &self,
        decks: &DeckSet,
        now: DateTime<FixedOffset>,
        new_limit: usize,
        unavailable: &[&str],
        plan: Option<&PlannedDay>,
    ) -> DueOverview {
        let end_of_day = end_of_study_day(now, self.rollover_hour);
        let introduced = self.new_cards_introduced_today(now);
        let mut deck_counts: Vec<DueCounts> = self
            .per_deck
            .iter()
            .map(|buckets| buckets.counts(end_of_day))
            .collect();
        let mut all = self.all.counts(end_of_day);
        for card in unavailable {
            let Some((deck, place)) = self.place_of(decks, card) else {
                continue;
            };
            let Some(bucket) = self.bucket_of.get(place as usize) else {
                continue;
            };
            for counts in [deck_counts.get_mut(deck), Some(&mut all)]
                .into_iter()
                .flatten()
            {
                match *bucket {
                    Bucket::Unseen => counts.new = counts.new.saturating_sub(1),
                    Bucket::Learning(due) if due < end_of_day => {
                        counts.learning = counts.learning.saturating_sub(1);
                    }
                    Bucket::Review(due) if due < end_of_day => {
                        counts.review = counts.review.saturating_sub(1);
                    }
                    Bucket::Learning(_) | Bucket::Review(_) | Bucket::Nowhere => {}
                }
            }
        }
        // An interview's new cards come first and may go beyond the daily limit, but count
        // against it too; its sweep cards not due today count as due reviews.
        let interview_unseen = |deck: usize| plan.map_or(0, |plan| plan.unseen_per_deck[deck]);
        let unseen_interview: usize = plan.map_or(0, |plan| plan.unseen.len());
        let planned_limit = plan.map_or(new_limit, |plan| plan.new_limit);
        let new_left_today = planned_limit.saturating_sub(introduced);
        let interview_taken = unseen_interview.min(new_left_today);
        let other_left = new_limit.saturating_sub(introduced + interview_taken);
        let mut per_deck = HashMap::with_capacity(self.decks.len());
        let mut sweep = 0;
        for (deck, ((id, _), mut counts)) in self.decks.iter().zip(deck_counts).enumerate() {
            let interview = interview_unseen(deck);
            let other = counts.new.saturating_sub(interview);
            counts.new = interview.min(new_left_today) + other.min(other_left);
            if let Some(plan) = plan {
                counts.review += plan.sweep_per_deck[deck];
                all.review += plan.sweep_per_deck[deck];
                sweep += plan.sweep_per_deck[deck];
            }
            per_deck.insert(id.clone(), counts);
        }
        let unseen = all.new;
        all.new = interview_taken + unseen.saturating_sub(unseen_interview).min(other_left);
        DueOverview {
            per_deck,
            all,
            new_limit: planned_limit,
            new_left_today,
            unseen,
            plain_new_left: other_left,
            interview_new_taken: interview_taken,
            sweep,
        }
    }

    fn buckets(&self, scope: &Scope) -> Option<&Buckets> {
        match scope {
            Scope::AllDecks => Some(&self.all),
            // A list of cards is not indexed; the queue goes through the list itself.
            Scope::Cards(_) => None,
            Scope::Deck(id) => self
                .decks
                .iter()
                .position(|(deck, _)| deck == id)
                .and_then(|index| self.per_deck.get(index)),
        }
    }

    /// The card at `place`: (index of its deck, index in the deck).
    fn locate(&self, place: Place) -> Option<(usize, usize)> {
        let deck = self
            .decks
            .partition_point(|(_, first)| *first <= place)
            .checked_sub(1)?;
        let (_, first) = self.decks.get(deck)?;
        Some((deck, (place - first) as usize))
    }

    fn card_id<'a>(&self, decks: &'a DeckSet, place: Place) -> Option<&'a str> {
        let (deck, card) = self.locate(place)?;
        let card = decks.decks.get(deck)?.deck.cards.get(card)?;
        Some(card.id.as_str())
    }

    /// The next card to show in `scope`, in the order of
    /// [`queue::next_card`](super::queue::next_card): learning cards whose step is due,
    /// then an interview's due cards, new cards and sweep cards (with a `plan`), then
    /// reviews due today, then new cards while the daily limit (`new_limit`) allows, then
    /// learning cards due within the learn-ahead window; the earliest due first (the
    /// lowest recall on the date for an interview's), ties in deck order.
    pub fn next_card(
        &self,
        decks: &DeckSet,
        scope: &Scope,
        now: DateTime<FixedOffset>,
        new_limit: usize,
        unavailable: &[&str],
        plan: Option<&PlannedDay>,
    ) -> Option<(String, QueueKind)> {
        let buckets = self.buckets(scope)?;
        let range = self.range(scope)?;
        let skipped = self.places(decks, unavailable);
        let available = |place: &Place| !skipped.contains(place);
        let covered = |place: &Place| plan.is_some_and(|plan| plan.covers(*place));
        let planned = |list: &[(Recall, Place)]| {
            list.iter()
                .map(|&(_, place)| place)
                .find(|place| range.contains(place) && available(place))
        };
        let end_of_day = end_of_study_day(now, self.rollover_hour);
        let introduced = self.new_cards_introduced_today(now);
        let learning = buckets.learning.iter().find(|(_, place)| available(place));
        let pick = if let Some(&(_, place)) = learning.filter(|(due, _)| *due <= now) {
            Some((place, QueueKind::Learning))
        } else if let Some(place) = plan.and_then(|plan| planned(&plan.due)) {
            Some((place, QueueKind::Review))
        } else if let Some(place) =
            plan.filter(|plan| introduced < plan.new_limit)
                .and_then(|plan| {
                    plan.unseen
                        .iter()
                        .copied()
                        .find(|place| range.contains(place) && available(place))
                })
        {
            Some((place, QueueKind::New))
        } else if let Some(place) = plan.and_then(|plan| planned(&plan.sweep)) {
            Some((place, QueueKind::Sweep))
        } else if let Some(&(_, place)) = buckets
            .review
            .iter()
            .find(|(_, place)| available(place) && !covered(place))
            .filter(|(due, _)| *due < end_of_day)
        {
            Some((place, QueueKind::Review))
        } else if let Some(&place) = buckets
            .unseen
            .iter()
            .find(|place| available(place) && !covered(place))
            .filter(|_| introduced < new_limit)
        {
            Some((place, QueueKind::New))
        } else {
            let ahead = now + Duration::minutes(LEARN_AHEAD_MINUTES);
            learning
                .filter(|(due, _)| *due <= ahead)
                .map(|&(_, place)| (place, QueueKind::Learning))
        };
        let (place, kind) = pick?;
        Some((self.card_id(decks, place)?.to_string(), kind))
    }

    /// The places of the cards in `scope`: one deck's run, or every place.
    fn range(&self, scope: &Scope) -> Option<Range<Place>> {
        match scope {
            Scope::AllDecks => Some(0..Place::MAX),
            Scope::Cards(_) => None,
            Scope::Deck(id) => {
                let deck = self.decks.iter().position(|(deck, _)| deck == id)?;
                let start = self.decks[deck].1;
                let end = self
                    .decks
                    .get(deck + 1)
                    .map_or(Place::MAX, |(_, first)| *first);
                Some(start..end)
            }
        }
    }

    /// The interview plan of the study day of `now` laid over the buckets. `recall_on_date`
    /// gives a card's predicted recall at the start of its interview date.
    pub fn plan_day<'a>(
        &self,
        decks: &DeckSet,
        plan: &InterviewPlan<'_>,
        state_of: impl Fn(&str) -> Option<&'a CardState>,
        recall_on_date: impl Fn(&str, &CardState) -> f32,
        now: DateTime<FixedOffset>,
    ) -> PlannedDay {
        let mut day = PlannedDay {
            day: study_day(now, self.rollover_hour),
            end_of_day: end_of_study_day(now, self.rollover_hour),
            new_limit: plan.new_limit(),
            covered: vec![false; self.bucket_of.len()],
            in_sweep: vec![false; self.bucket_of.len()],
            target: FxHashMap::default(),
            due: Vec::new(),
            sweep: Vec::new(),
            unseen: Vec::new(),
            unseen_per_deck: vec![0; self.decks.len()],
            sweep_per_deck: vec![0; self.decks.len()],
        };
        for (id, target) in plan.targets() {
            let Some((deck, place)) = self.place_of(decks, id) else {
                continue;
            };
            day.covered[place as usize] = true;
            day.target.insert(place, target);
            match state_of(id).filter(|state| state.phase() != Phase::New) {
                None => {
                    day.unseen.push(place);
                    day.unseen_per_deck[deck] += 1;
                }
                Some(state) => {
                    if is_learning(state) {
                        continue;
                    }
                    day.in_sweep[place as usize] = plan.in_sweep(id);
                    let recall = Recall(recall_on_date(id, state));
                    if state.due().is_some_and(|due| due < day.end_of_day) {
                        day.due.push((recall, place));
                    } else if plan.in_sweep(id) {
                        day.sweep.push((recall, place));
                        day.sweep_per_deck[deck] += 1;
                    }
                }
            }
        }
        day.due.sort_unstable();
        day.sweep.sort_unstable();
        day.unseen.sort_unstable();
        day
    }

    /// Moves one answered card in the plan of the day, as [`DueIndex::update`] moves it in
    /// the buckets. Returns `false` when the answer is not on the plan's day (a clock set
    /// back): the plan must then be made again.
    pub fn update_plan(
        &self,
        plan: &mut PlannedDay,
        decks: &DeckSet,
        card_id: &str,
        state: &CardState,
        recall_on_date: impl Fn(&CardState, DateTime<FixedOffset>) -> f32,
        at: DateTime<FixedOffset>,
    ) -> bool {
        if study_day(at, self.rollover_hour) != plan.day {
            return false;
        }
        let Some((deck, place)) = self.place_of(decks, card_id) else {
            return true;
        };
        if !plan.covers(place) {
            return true;
        }
        if let Some(at) = plan.unseen.iter().position(|other| *other == place) {
            plan.unseen.remove(at);
            plan.unseen_per_deck[deck] -= 1;
        }
        plan.due.retain(|(_, other)| *other != place);
        plan.in_sweep[place as usize] = false;
        let before = plan.sweep.len();
        plan.sweep.retain(|(_, other)| *other != place);
        plan.sweep_per_deck[deck] -= before - plan.sweep.len();
        // Answered today, so out of any sweep: it is due today again only as a review.
        if !is_learning(state)
            && state.phase() != Phase::New
            && state.due().is_some_and(|due| due < plan.end_of_day)
            && let Some(target) = plan.target.get(&place)
        {
            insert_sorted(
                &mut plan.due,
                (Recall(recall_on_date(state, *target)), place),
            );
        }
        true
    }

    /// When the next available learning card in scope comes due later today (after `now`,
    /// before the study day ends).
    pub fn next_learning_due(
        &self,
        decks: &DeckSet,
        scope: &Scope,
        now: DateTime<FixedOffset>,
        unavailable: &[&str],
    ) -> Option<DateTime<FixedOffset>> {
        let buckets = self.buckets(scope)?;
        let skipped = self.places(decks, unavailable);
        let end_of_day = end_of_study_day(now, self.rollover_hour);
        let after = buckets.learning.partition_point(|(due, _)| *due <= now);
        buckets.learning[after..]
            .iter()
            .find(|(_, place)| !skipped.contains(place))
            .map(|(due, _)| *due)
            .filter(|due| *due < end_of_day)
    }
}

/// The interview plan of one study day over the index's places (see the module's
/// documentation). Made by [`DueIndex::plan_day`], moved by [`DueIndex::update_plan`].
#[derive(Debug, Clone)]
pub struct PlannedDay {
    day: NaiveDate,
    end_of_day: DateTime<FixedOffset>,
    /// How many new cards may be introduced today, interview cards included.
    new_limit: usize,
    /// Whether the card at each place belongs to an interview (and is available today).
    covered: Vec<bool>,
    /// The start of the interview date each covered card is studied for.
    target: FxHashMap<Place, DateTime<FixedOffset>>,
    /// Covered review cards due before the day ends, the lowest recall on the date first.
    due: Vec<(Recall, Place)>,
    /// Covered cards waiting in the final sweep and not due today, the lowest recall first.
    sweep: Vec<(Recall, Place)>,
    /// Covered cards never studied, in deck order.
    unseen: Vec<Place>,
    /// Whether the card at each place waits in the final sweep, due today or not.
    in_sweep: Vec<bool>,
    unseen_per_deck: Vec<usize>,
    sweep_per_deck: Vec<usize>,
}

impl PlannedDay {
    /// The study day the plan is for.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// Whether the card waits in an interview's final sweep (due today or not): answered
    /// since the sweep began, it does not.
    pub fn in_sweep(&self, index: &DueIndex, decks: &DeckSet, card_id: &str) -> bool {
        index
            .place_of(decks, card_id)
            .and_then(|(_, place)| self.in_sweep.get(place as usize).copied())
            .unwrap_or(false)
    }

    fn covers(&self, place: Place) -> bool {
        self.covered.get(place as usize).copied().unwrap_or(false)
    }
}

/// A predicted recall, ordered (as `f32::total_cmp` orders) so that it can key a sorted
/// list.
#[derive(Debug, Clone, Copy)]
struct Recall(f32);

impl PartialEq for Recall {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Recall {}

impl PartialOrd for Recall {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Recall {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Buckets {
    /// Adds at the end; [`Buckets::sort`] must follow before the lists are read.
    fn insert_unsorted(&mut self, bucket: Bucket, place: Place) {
        match bucket {
            Bucket::Unseen => self.unseen.push(place),
            Bucket::Learning(due) => self.learning.push((due, place)),
            Bucket::Review(due) => self.review.push((due, place)),
            Bucket::Nowhere => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::collection::{AnswerDetails, Collection};
    use crate::core::paths::DataDir;
    use crate::core::review::scheduler::Rating;
    use crate::core::review::store::Store;
    use crate::core::settings::{self, Settings};
    use crate::core::study::indexed::IndexedCollection;
    use crate::core::study::interview::InterviewDraft;
    use crate::core::study::interview_plan::InterviewPlan;
    use crate::core::study::queue;
    use crate::core::study::scope::Scope;
    use chrono::{DateTime, Duration, FixedOffset};

    /// Three user decks of eight cards, and the given daily limit and rollover hour.
    fn collection(
        new_per_day: u32,
        rollover: u32,
    ) -> (tempfile::TempDir, IndexedCollection, Store) {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        for deck in ["a", "b", "c"] {
            crate::core::test_decks::write_deck(&dir, deck, 8);
        }
        let settings = Settings {
            new_cards_per_day: new_per_day,
            day_rollover_hour: rollover,
            // Low, so that some cards become leeches (tagged, the default action).
            leech_threshold: 2,
            ..Settings::default()
        };
        settings::save(&dir.settings_file(), &settings).unwrap();
        let store = Store::open(dir.clone(), "pc").unwrap();
        (temp, Collection::load(dir, "t").into(), store)
    }

    /// splitmix64, so every run answers the same way.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) % n
        }

        /// Any card of the three decks.
        fn card(&mut self) -> String {
            let deck = ["a", "b", "c"][self.below(3) as usize];
            format!("{deck}{}", 1 + self.below(8))
        }
    }

    fn leeches_by_scan(collection: &IndexedCollection) -> Vec<String> {
        collection
            .decks()
            .cards()
            .filter(|(_, card)| collection.is_leech(&card.id))
            .map(|(_, card)| card.id.clone())
            .collect()
    }

    fn assert_same_as_scan(
        collection: &IndexedCollection,
        now: DateTime<FixedOffset>,
        step: usize,
    ) {
        assert_eq!(
            collection.leeches(),
            leeches_by_scan(collection),
            "leeches at step {step}"
        );
        assert_eq!(
            queue::due_counts_by_deck(collection, now),
            queue::due_counts_by_deck_by_scan(collection, now),
            "counts at step {step}, {now}"
        );
        let scopes = [
            Scope::AllDecks,
            Scope::Deck("a".into()),
            Scope::Deck("b".into()),
            Scope::Deck("vpoe".into()),
            Scope::Deck("no-such-deck".into()),
        ];
        for scope in scopes {
            assert_eq!(
                queue::next_card(collection, &scope, now),
                queue::next_card_by_scan(collection, &scope, now),
                "next card of {scope:?} at step {step}, {now}"
            );
            assert_eq!(
                queue::next_learning_due(collection, &scope, now),
                queue::next_learning_due_by_scan(collection, &scope, now),
                "next learning due of {scope:?} at step {step}, {now}"
            );
        }
    }

    /// Answers, undos and the clock moving on, in the order a user could make them; after
    /// every step the index must give what a pass over every card gives.
    #[test]
    fn the_index_agrees_with_a_pass_over_every_card_through_answers_and_undos() {
        for (seed, new_per_day, rollover) in [(1, 20, 4), (2, 5, 0), (3, 3, 23)] {
            let (_temp, mut collection, mut store) = collection(new_per_day, rollover);
            let mut dice = Dice(seed);
            let mut now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+09:00").unwrap();
            let mut answered: Vec<String> = Vec::new();
            let (mut planned_steps, mut swept_steps) = (0, 0);
            for step in 0..400 {
                // Minutes to weeks between actions, so learning steps, reviews and study
                // days all come due.
                now += Duration::minutes([1, 3, 11, 90, 600, 1440 * 3][dice.below(6) as usize]);
                assert_same_as_scan(&collection, now, step);
                if collection.planned_day(now).is_some() {
                    planned_steps += 1;
                    if InterviewPlan::for_day(&collection, now).sweep_len() > 0 {
                        swept_steps += 1;
                    }
                }
                if dice.below(10) == 0 {
                    if let Some(id) = answered.pop() {
                        collection.undo(&mut store, &id, now).unwrap();
                    }
                    continue;
                }
                // Interviews planned and dropped: while one is coming up, its plan orders
                // the queue, and the plan laid over the index must give the same order.
                if dice.below(12) == 0 {
                    let today = collection.scheduler().study_day(now);
                    let soonest = collection
                        .upcoming_interviews(today)
                        .next()
                        .map(|interview| interview.id.clone());
                    match soonest {
                        Some(id) if dice.below(3) == 0 => {
                            collection.remove_interview(&mut store, &id, now).unwrap();
                        }
                        _ => {
                            let decks = match dice.below(3) {
                                0 => vec!["a".to_string()],
                                1 => vec!["b".to_string(), "c".to_string()],
                                _ => vec!["a".to_string(), "b".to_string(), "c".to_string()],
                            };
                            let draft = InterviewDraft {
                                name: format!("interview {step}"),
                                date: Some(today + chrono::Days::new(dice.below(12))),
                                decks,
                                roles: Vec::new(),
                            };
                            collection
                                .save_interview(&mut store, &draft, None, now)
                                .unwrap();
                        }
                    }
                    assert_same_as_scan(&collection, now, step);
                    continue;
                }
                // Cards set aside and brought back: the index skips them as the pass does.
                if dice.below(8) == 0 {
                    let card = vec![dice.card()];
                    match dice.below(3) {
                        0 => collection.set_buried(&mut store, &card, true, now).unwrap(),
                        1 => collection
                            .set_suspended(&mut store, &card, true, now)
                            .unwrap(),
                        _ => collection
                            .set_suspended(&mut store, &card, false, now)
                            .unwrap(),
                    };
                    assert_same_as_scan(&collection, now, step);
                    continue;
                }
                let scope = match dice.below(3) {
                    0 => Scope::AllDecks,
                    1 => Scope::Deck("b".into()),
                    _ => Scope::Deck("c".into()),
                };
                // Mostly the card the queue offers, sometimes any card (the mock
                // interview answers cards out of the queue's order).
                let card = match queue::next_card(&collection, &scope, now) {
                    Some((card, _)) if dice.below(4) != 0 => card,
                    _ => dice.card(),
                };
                let rating = Rating::try_from(1 + dice.below(4) as u8).unwrap();
                let id = collection
                    .record_answer(&mut store, &card, rating, now, AnswerDetails::default())
                    .unwrap();
                answered.push(id);
                assert_same_as_scan(&collection, now, step);
            }
            assert!(!leeches_by_scan(&collection).is_empty());
            assert!(collection.review_count() > 150);
            assert!(
                !collection.unavailable_cards(now).is_empty(),
                "some cards are still set aside at the end, so the skipping was exercised"
            );
            assert!(
                planned_steps > 50 && swept_steps > 5,
                "seed {seed}: interview mode was exercised ({planned_steps} steps planned, \
                 {swept_steps} with a sweep)"
            );
        }
    }

    #[test]
    fn an_answer_to_a_card_no_deck_has_still_counts_against_the_daily_limit() {
        let (_temp, mut collection, mut store) = collection(2, 4);
        let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+09:00").unwrap();
        collection
            .record_answer(
                &mut store,
                "gone-q1",
                Rating::Good,
                now,
                AnswerDetails::default(),
            )
            .unwrap();
        let overview = queue::due_counts_by_deck(&collection, now);
        assert_eq!(overview.new_left_today, 1);
        assert_eq!(
            overview,
            queue::due_counts_by_deck_by_scan(&collection, now)
        );
    }
}
