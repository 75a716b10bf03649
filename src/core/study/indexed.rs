//! The collection with the indexes the study layer reads from it: the due index that
//! orders the queue, the leeches in deck order and the answer-point detector. They are
//! built over the card states (and the detector over the decks), so they live here, above
//! the collection, and every write that can move a state goes through
//! [`IndexedCollection`], which applies the [`StatesChanged`] the collection returns. No
//! index has to be remembered and cleared by hand: a write that bypassed this type would
//! need a `&mut Collection`, which it never lends.
//!
//! Reads go straight through to the collection ([`Deref`]).

use crate::core::collection::{
    AnswerDetails, Collection, InterviewSaveError, StatesChanged, StorySaveError,
};
use crate::core::files::WriteError;
use crate::core::review::days::study_day;
use crate::core::review::log::Flag;
use crate::core::review::scheduler::Rating;
use crate::core::review::store::{Store, StoreError};
use crate::core::settings::{MockPreferences, Settings};
use crate::core::study::coverage::Detector;
use crate::core::study::due_index::{DueIndex, PlannedDay};
use crate::core::study::interview::InterviewDraft;
use crate::core::study::interview_plan::InterviewPlan;
use crate::core::study::story::StoryContent;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::cell::{OnceCell, Ref, RefCell};
use std::ops::Deref;

#[derive(Debug)]
pub struct IndexedCollection {
    collection: Collection,
    /// The study queue's buckets, moved along with every answer (see [`DueIndex`]); built
    /// the first time they are needed, as commands that print states never need them.
    due_index: OnceCell<DueIndex>,
    /// The leeches in deck order, kept like the due index: a walk over every answered card
    /// took milliseconds after each answer with 100,000 cards.
    leeches: OnceCell<Vec<String>>,
    /// Answer-point detection over the decks, built the first time it is needed.
    detector: OnceCell<Detector>,
    /// The interview plan of a study day laid over the due index (`None` inside: no
    /// interview coming up that day), made when first asked for on that day and moved
    /// along with every answer.
    planned: RefCell<Option<(PlanKey, Option<PlannedDay>)>>,
    /// Bumped whenever every card state was derived again (not with a single answer), so
    /// that a view can tell "one more answer" from "history rewritten".
    replays: u64,
}

/// What a plan of the day was made from, besides the card states: the study day and its
/// offset (interview dates are local days), and the marks and interviews then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PlanKey {
    day: NaiveDate,
    offset: FixedOffset,
    derived_version: u64,
}

/// No interview coming up: what [`IndexedCollection::planned_day`] lends then.
static NO_PLAN: Option<PlannedDay> = None;

impl Deref for IndexedCollection {
    type Target = Collection;

    fn deref(&self) -> &Collection {
        &self.collection
    }
}

impl From<Collection> for IndexedCollection {
    fn from(collection: Collection) -> Self {
        Self {
            collection,
            due_index: OnceCell::new(),
            leeches: OnceCell::new(),
            detector: OnceCell::new(),
            planned: RefCell::new(None),
            replays: 0,
        }
    }
}

impl IndexedCollection {
    /// The collection with its due index and leeches already built: for the thread that
    /// loads beside the window, so that the window's first frame does not build them.
    pub fn built(collection: Collection) -> Self {
        let indexed = Self::from(collection);
        indexed.due_index();
        indexed.leeches();
        indexed
    }

    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    /// The study queue's buckets for the current states.
    pub fn due_index(&self) -> &DueIndex {
        self.due_index
            .get_or_init(|| due_index_of(&self.collection))
    }

    /// The leeches among the decks' cards ([`Collection::is_leech`]), in deck order.
    pub fn leeches(&self) -> &[String] {
        self.leeches.get_or_init(|| {
            let collection = &self.collection;
            let decks = collection.decks();
            let mut found: Vec<((usize, usize), &str)> = collection
                .cards_with_lapses(collection.settings().leech_threshold)
                .filter_map(|id| Some((decks.locate(id)?, id)))
                .collect();
            found.sort_unstable();
            found.into_iter().map(|(_, id)| id.to_string()).collect()
        })
    }

    /// The plan of the study day of `now` if an interview is coming up, over the due
    /// index: made once a day (and again after the marks or the interviews change), moved
    /// along with every answer.
    pub fn planned_day(&self, now: DateTime<FixedOffset>) -> Ref<'_, Option<PlannedDay>> {
        let collection = &self.collection;
        let key = PlanKey {
            day: study_day(now, collection.settings().day_rollover_hour),
            offset: *now.offset(),
            derived_version: collection.derived_version(),
        };
        let current = matches!(&*self.planned.borrow(), Some((made, _)) if *made == key);
        if !current {
            let plan = collection
                .upcoming_interviews(key.day)
                .next()
                .is_some()
                .then(|| {
                    let plan = InterviewPlan::for_day(collection, now);
                    self.due_index().plan_day(
                        collection.decks(),
                        &plan,
                        |id| collection.state_of(id),
                        |id, state| plan.recall_on_date(collection, id, state),
                        now,
                    )
                });
            *self.planned.borrow_mut() = Some((key, plan));
        }
        Ref::map(self.planned.borrow(), |made| match made {
            Some((_, plan)) => plan,
            None => &NO_PLAN,
        })
    }

    /// Of `card_ids`, how many wait in an upcoming interview's final sweep on the study
    /// day of `now` (due today or not). The plan of the day is looked up once, not per
    /// card.
    pub fn count_in_final_sweep<'a>(
        &self,
        card_ids: impl Iterator<Item = &'a str>,
        now: DateTime<FixedOffset>,
    ) -> usize {
        let plan = self.planned_day(now);
        let Some(plan) = plan.as_ref() else {
            return 0;
        };
        let (index, decks) = (self.due_index(), self.collection.decks());
        card_ids
            .filter(|id| plan.in_sweep(index, decks, id))
            .count()
    }

    /// Changes whenever every card state is derived again (an undo, new settings, the
    /// decks reloaded, a record timed before others), not when one answer moves one card.
    pub fn replays(&self) -> u64 {
        self.replays
    }

    /// Detects the answer points a draft covers; its term weights come from the decks.
    pub fn detector(&self) -> &Detector {
        self.detector
            .get_or_init(|| Detector::new(self.collection.decks()))
    }

    /// [`Collection::record_answer`], with the indexes moved along.
    pub fn record_answer(
        &mut self,
        store: &mut Store,
        card_id: &str,
        rating: Rating,
        at: DateTime<FixedOffset>,
        details: AnswerDetails,
    ) -> Result<String, StoreError> {
        let (id, changed) = self
            .collection
            .record_answer(store, card_id, rating, at, details)?;
        self.follow(changed);
        Ok(id)
    }

    /// [`Collection::undo`], with the indexes rebuilt when next needed.
    pub fn undo(
        &mut self,
        store: &mut Store,
        record_id: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let changed = self.collection.undo(store, record_id, at)?;
        self.follow(changed);
        Ok(())
    }

    /// [`Collection::apply_settings`], with the indexes rebuilt when next needed.
    pub fn apply_settings(&mut self, settings: Settings) -> Result<(), WriteError> {
        let changed = self.collection.apply_settings(settings)?;
        self.follow(changed);
        Ok(())
    }

    /// [`Collection::remember_mock_setup`]: no index depends on it.
    pub fn remember_mock_setup(&mut self, mock: MockPreferences) -> Result<(), WriteError> {
        self.collection.remember_mock_setup(mock)
    }

    /// [`Collection::reload_decks`], with the indexes rebuilt when next needed.
    pub fn reload_decks(&mut self) {
        let changed = self.collection.reload_decks();
        self.follow(changed);
    }

    /// [`Collection::take_imported`], with the indexes rebuilt when next needed.
    pub fn take_imported(&mut self, records: Vec<crate::core::review::log::LoggedRecord>) {
        let changed = self.collection.take_imported(records);
        self.follow(changed);
    }

    /// Brings the indexes in line with what a write did to the card states.
    fn follow(&mut self, changed: StatesChanged) {
        match changed {
            StatesChanged::Nothing => {}
            StatesChanged::Card { card, at } => self.follow_answer(&card, at),
            StatesChanged::All | StatesChanged::Decks => {
                if changed == StatesChanged::Decks {
                    self.detector = OnceCell::new();
                }
                self.replays += 1;
                self.due_index = OnceCell::new();
                self.leeches = OnceCell::new();
                self.planned = RefCell::new(None);
            }
        }
    }

    /// One card answered: its bucket in the due index moves, and it may join the leeches.
    fn follow_answer(&mut self, card: &str, at: DateTime<FixedOffset>) {
        let collection = &self.collection;
        let Some(state) = collection.state_of(card) else {
            return;
        };
        if let Some(index) = self.due_index.get_mut() {
            let first_answer = (state.reps() == 1).then_some(at);
            index.update(collection.decks(), card, state, first_answer);
            if let Some((_, Some(plan))) = self.planned.get_mut() {
                let scheduler = collection.scheduler();
                let moved = index.update_plan(
                    plan,
                    collection.decks(),
                    card,
                    state,
                    |state, target| scheduler.recall_at(state, target),
                    at,
                );
                if !moved {
                    *self.planned.get_mut() = None;
                }
            }
        } else {
            // Made over an index that is gone.
            *self.planned.get_mut() = None;
        }
        // An answer only adds lapses: the card may become a leech, none stops being one.
        if let Some(leeches) = self.leeches.get_mut()
            && state.lapses() >= collection.settings().leech_threshold
            && !leeches.iter().any(|leech| leech == card)
            && let Some(place) = collection.decks().locate(card)
        {
            let decks = collection.decks();
            let at = leeches.partition_point(|other| decks.locate(other) < Some(place));
            leeches.insert(at, card.to_string());
        }
    }
}

/// Lends [`IndexedCollection`] the collection's writes that move no card state, so no
/// index follows them: they pass straight through, and are here only because the
/// collection is lent for reading.
macro_rules! writes_that_move_no_state {
    ($(fn $name:ident($($arg:ident: $type:ty),*) -> $result:ty;)*) => {
        impl IndexedCollection {
            $(
                #[doc = concat!("[`Collection::", stringify!($name), "`].")]
                pub fn $name(
                    &mut self,
                    store: &mut Store,
                    $($arg: $type,)*
                    at: DateTime<FixedOffset>,
                ) -> $result {
                    self.collection.$name(store, $($arg,)* at)
                }
            )*
        }
    };
}

writes_that_move_no_state! {
    fn save_note(card_id: &str, note: &str) -> Result<(), StoreError>;
    fn set_suspended(card_ids: &[String], suspended: bool) -> Result<Vec<String>, StoreError>;
    fn set_buried(card_ids: &[String], buried: bool) -> Result<Vec<String>, StoreError>;
    fn set_flag(card_id: &str, flag: Flag) -> Result<Vec<String>, StoreError>;
    fn save_own_points(card_id: &str, points: &[String]) -> Result<(), StoreError>;
    fn save_story(draft: &StoryContent, editing: Option<&str>) -> Result<String, StorySaveError>;
    fn remove_story(story_id: &str) -> Result<(), StorySaveError>;
    fn save_interview(draft: &InterviewDraft, editing: Option<&str>)
        -> Result<String, InterviewSaveError>;
    fn remove_interview(interview_id: &str) -> Result<(), InterviewSaveError>;
}

/// The study queue's buckets for the collection's current states.
fn due_index_of(collection: &Collection) -> DueIndex {
    let first_answers = collection
        .reviewed_cards()
        .filter_map(|(_, _, first)| first.map(|first| first.record.at));
    DueIndex::build(
        collection.decks(),
        |id| collection.state_of(id),
        first_answers,
        collection.settings().day_rollover_hour,
    )
}
