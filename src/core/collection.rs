//! Everything loaded from one data folder, with what is derived from its log: card
//! states, notes, marks, stories and interviews. Its fields are private: the log, the
//! replay and the notes change together, through the methods below, so they never
//! disagree. The writes that can move card states say what they moved
//! ([`StatesChanged`]), so that the study layer's indexes, which are built over the states
//! and kept above the collection, follow without the collection knowing them.

use crate::core::content::deck::DeckSet;
use crate::core::drafts::{self, Drafts, DraftsError};
use crate::core::files::{self, WriteError};
use crate::core::load_progress::{LoadProgress, LoadStage};
use crate::core::paths::DataDir;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::compact;
use crate::core::review::fit;
use crate::core::review::log::{
    self, Flag, InterviewRecord, LoggedRecord, MarkChange, MarkRecord, Mode, NoteRecord, Origin,
    OwnPointsRecord, Record, ReviewRecord, Spoken, StoryRecord, UndoRecord,
};
use crate::core::review::marks::{CardMarks, Marks};
use crate::core::review::progress::{Progress, Replayed};
use crate::core::review::scheduler::{CardState, Rating, Scheduler};
use crate::core::review::store::{self, LogSnapshot, Pushed, Store, StoreError};
use crate::core::settings::{self, LeechAction, MockPreferences, Settings};
use crate::core::study::interview::{self, Interview, InterviewDraft, InterviewError};
use crate::core::study::story::{self, Story, StoryContent, StoryError};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::borrow::Cow;
use std::collections::HashMap;

/// What the user did when answering, besides the grade.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerDetails {
    pub duration_ms: Option<u64>,
    pub points_covered: Option<Vec<usize>>,
    pub points_detected: Option<Vec<usize>>,
    pub points_total: Option<usize>,
    pub answer: Option<String>,
    pub mode: Mode,
    pub session: Option<String>,
    pub spoken: Option<Spoken>,
}

impl AnswerDetails {
    /// An answer on a card whose answer points are `ticked` (one flag per point, in the
    /// card's order), with the draft the user typed, if any.
    pub fn with_ticks(ticked: &[bool], draft: &str) -> Self {
        Self {
            points_covered: Some(
                ticked
                    .iter()
                    .enumerate()
                    .filter(|(_, ticked)| **ticked)
                    .map(|(index, _)| index)
                    .collect(),
            ),
            points_total: Some(ticked.len()),
            answer: Some(draft.to_string()).filter(|draft| !draft.trim().is_empty()),
            ..Self::default()
        }
    }
}

#[derive(Debug)]
pub struct Collection {
    data_dir: DataDir,
    decks: DeckSet,
    settings: Settings,
    log: LogSnapshot,
    progress: Progress,
    scheduler: Scheduler,
    /// Problems with `settings.json`: damaged, or values out of range.
    settings_problems: Vec<Problem>,
    /// The latest note of each card.
    notes: HashMap<String, String>,
    /// Every interview not removed, by date.
    interviews: Vec<Interview>,
    /// Suspended, buried and flagged cards, and the user's own points.
    marks: Marks,
    /// Every story not removed, by title.
    stories: Vec<Story>,
    /// Bumped by every change, so views can tell when their cached numbers are stale.
    generation: u64,
    /// Bumped whenever the marks, stories and interviews are derived again.
    derived_version: u64,
    /// Log records timed in the future when the collection was loaded (see
    /// [`Collection::load_at`]); kept and replayed, only reported.
    future_records: Vec<Problem>,
}

/// What a write did to the card states: what an index built over them must do to stay
/// true.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "an index over the card states must follow what changed"]
pub enum StatesChanged {
    /// No card state changed.
    Nothing,
    /// One card's state moved on by an answer at `at`, later than every record before it.
    Card {
        card: String,
        at: DateTime<FixedOffset>,
    },
    /// Every card state was derived again from the log (an undo, a clock turned back, new
    /// scheduling settings), and the settings may have changed with them.
    All,
    /// The decks were read again, and every card state derived again with them.
    Decks,
}

impl Collection {
    /// Loads decks, settings and every review log of `data_dir`, and replays the logs.
    /// Never fails: whatever cannot be read is reported through [`Collection::problems`].
    /// `stamp` names a damaged settings file when it is set aside.
    pub fn load(data_dir: DataDir, stamp: &str) -> Self {
        Self::load_checked(data_dir, Some(stamp), None, None)
    }

    /// [`Collection::load`] as of `now`, the time the app and the commands read from the
    /// clock: also reports log records timed later than `now`, and names a damaged
    /// settings file after `now`.
    pub fn load_at(data_dir: DataDir, now: DateTime<FixedOffset>) -> Self {
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        Self::load_checked(data_dir, Some(&stamp), Some(now), None)
    }

    /// [`Collection::load_at`] for a window or command that does not own the data folder:
    /// writes nothing at all, so a damaged settings file is only reported.
    pub fn load_read_only(data_dir: DataDir, now: DateTime<FixedOffset>) -> Self {
        Self::load_checked(data_dir, None, Some(now), None)
    }

    /// [`Collection::load_at`], or [`Collection::load_read_only`] when `read_only`,
    /// telling `progress` how far it has got: for a window that draws while another
    /// thread loads.
    pub fn load_reporting(
        data_dir: DataDir,
        now: DateTime<FixedOffset>,
        read_only: bool,
        progress: &LoadProgress,
    ) -> Self {
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        let set_aside = (!read_only).then_some(stamp.as_str());
        let collection = Self::load_checked(data_dir, set_aside, Some(now), Some(progress));
        progress.set_stage(LoadStage::Done);
        collection
    }

    /// `set_aside`: the stamp a damaged settings file is renamed with, or `None` to leave
    /// it alone.
    fn load_checked(
        data_dir: DataDir,
        set_aside: Option<&str>,
        now: Option<DateTime<FixedOffset>>,
        progress: Option<&LoadProgress>,
    ) -> Self {
        let stage = |stage| progress.inspect(|progress| progress.set_stage(stage));
        stage(LoadStage::Decks);
        let decks = DeckSet::load(Some(&data_dir.decks_dir()));
        let loaded = match set_aside {
            Some(stamp) => settings::load(&data_dir.settings_file(), stamp),
            None => settings::read(&data_dir.settings_file()),
        };
        stage(LoadStage::Logs);
        // The decks and the logs one after the other: read side by side (a thread for the
        // logs), `stats` on the 1,000,000-answer folder peaked at 246-251 MB against
        // 242-246 MB, past its 250 MB goal (BENCHMARKS.md, "Scale").
        let log = store::read_all_logs(&data_dir.reviews_dir());
        files::release_free_memory();
        let mut collection =
            Self::from_parts_reporting(data_dir, decks, loaded.settings, log, progress);
        collection.settings_problems.splice(0..0, loaded.notices);
        if let Some(now) = now {
            collection.future_records =
                compact::future_records(&collection.log.reviews, &collection.log.others, now);
        }
        collection
    }

    /// A collection of what is already in memory, e.g. a log built by a test or a fuzzer.
    /// `log` must be merged ([`LogSnapshot::merge`]).
    pub fn from_parts(
        data_dir: DataDir,
        decks: DeckSet,
        settings: Settings,
        log: LogSnapshot,
    ) -> Self {
        Self::from_parts_reporting(data_dir, decks, settings, log, None)
    }

    fn from_parts_reporting(
        data_dir: DataDir,
        decks: DeckSet,
        settings: Settings,
        log: LogSnapshot,
        reporter: Option<&LoadProgress>,
    ) -> Self {
        let mut settings_problems = Vec::new();
        let (settings, scheduler) = scheduler_for(&data_dir, settings, &mut settings_problems);
        let progress = Progress::replay_reporting(&log, &decks, &scheduler, reporter);
        let notes = latest_notes(&log.others);
        let interviews = interview::interviews_from(&log.others);
        let marks = Marks::from_log(&log.others);
        let stories = story::stories_from(&log.others);
        Self {
            data_dir,
            decks,
            settings,
            log,
            progress,
            scheduler,
            settings_problems,
            notes,
            interviews,
            marks,
            stories,
            generation: 0,
            derived_version: 0,
            future_records: Vec::new(),
        }
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.data_dir
    }

    /// The drafts kept in this folder ([`drafts`]: typed work not yet graded); a damaged
    /// file is set aside under `stamp`. Only for the window that owns the folder.
    pub fn load_drafts(&self, stamp: &str) -> Result<Drafts, DraftsError> {
        drafts::load(&self.data_dir.drafts_file(), stamp)
    }

    /// Replaces the drafts (removes the file when nothing is drafted).
    pub fn save_drafts(&self, drafted: &Drafts) -> Result<(), DraftsError> {
        drafts::save(&self.data_dir.drafts_file(), drafted)
    }

    pub fn decks(&self) -> &DeckSet {
        &self.decks
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Changes with every change to the collection; equal numbers mean equal contents.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Changes whenever the marks, stories and interviews change (not with every answer,
    /// unlike [`Self::generation`]): what is planned from them is stale when it changes.
    pub fn derived_version(&self) -> u64 {
        self.derived_version
    }

    /// Every record of every device's log, merged into one timeline.
    pub fn log_records(&self) -> Vec<LoggedRecord> {
        self.log.records()
    }

    /// The merged log as it is held: the answers in a compact table, the rest in full.
    pub fn log(&self) -> &LogSnapshot {
        &self.log
    }

    /// Lines of the log files that could not be read.
    pub fn log_problems(&self) -> &[Problem] {
        &self.log.problems
    }

    pub fn note(&self, card_id: &str) -> &str {
        self.notes.get(card_id).map_or("", String::as_str)
    }

    /// Logs a new version of a card's note; an unchanged note writes nothing.
    pub fn save_note(
        &mut self,
        store: &mut Store,
        card_id: &str,
        note: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        if self.note(card_id) == note {
            return Ok(());
        }
        let record = Record::Note(NoteRecord {
            id: store.next_id(),
            at,
            card: card_id.to_string(),
            note: note.to_string(),
        });
        let origin = store.append(&record)?;
        self.notes.insert(card_id.to_string(), note.to_string());
        self.log.push(LoggedRecord { record, origin });
        self.generation += 1;
        Ok(())
    }

    /// Loads the deck files again (after one was added or edited) and re-derives what
    /// depends on them; the log is unchanged.
    pub fn reload_decks(&mut self) -> StatesChanged {
        self.decks = DeckSet::load(Some(&self.data_dir.decks_dir()));
        self.replay_progress();
        self.generation += 1;
        StatesChanged::Decks
    }

    /// Takes in records another writer appended to this device's log (an Anki import,
    /// with answers older than the log's latest), after it wrote new deck files: both are
    /// read into place and every card is derived again.
    pub fn take_imported(&mut self, records: Vec<LoggedRecord>) -> StatesChanged {
        for logged in records {
            self.log.push(logged);
        }
        self.log.merge();
        self.reload_decks()
    }

    /// How the card is studied: suspended, buried, flagged.
    pub fn marks(&self, card_id: &str) -> CardMarks {
        self.marks.of(card_id)
    }

    /// Whether the queues may show the card on the study day of `now`.
    pub fn is_available(&self, card_id: &str, now: DateTime<FixedOffset>) -> bool {
        self.marks
            .of(card_id)
            .is_available(self.scheduler.study_day(now))
    }

    /// The cards the queues may not show on the study day of `now` (see [`Self::is_available`]).
    pub fn unavailable_cards(&self, now: DateTime<FixedOffset>) -> Vec<&str> {
        self.marks.unavailable_on(self.scheduler.study_day(now))
    }

    /// A card with [`Settings::leech_threshold`] lapses or more.
    pub fn is_leech(&self, card_id: &str) -> bool {
        self.state_of(card_id)
            .is_some_and(|state| state.lapses() >= self.settings.leech_threshold)
    }

    /// Derives every card's state from the log again.
    fn replay_progress(&mut self) {
        self.progress = Progress::replay(&self.log, &self.decks, &self.scheduler);
    }

    /// The ids of the cards with at least `lapses` lapses, cards no deck has included, in
    /// no particular order.
    pub fn cards_with_lapses(&self, lapses: u32) -> impl Iterator<Item = &str> + '_ {
        self.progress.cards_with_lapses(&self.log, lapses)
    }

    /// The user's own answer points on the card.
    pub fn own_points(&self, card_id: &str) -> &[String] {
        self.marks.own_points(card_id)
    }

    /// Suspends (or brings back) cards, one record each. Returns the record ids, for undo.
    pub fn set_suspended(
        &mut self,
        store: &mut Store,
        card_ids: &[String],
        suspended: bool,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, StoreError> {
        self.mark(store, card_ids, MarkChange::Suspended(suspended), at)
    }

    /// Buries cards until the next study day, or (`buried` false) brings them back into
    /// today's queues: buried until today, which has begun.
    pub fn set_buried(
        &mut self,
        store: &mut Store,
        card_ids: &[String],
        buried: bool,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, StoreError> {
        let today = self.scheduler.study_day(at);
        let until = if buried {
            today.succ_opt().unwrap_or(today)
        } else {
            today
        };
        self.mark(store, card_ids, MarkChange::BuriedUntil(until), at)
    }

    /// Flags a card ([`Flag::NONE`] removes the flag).
    pub fn set_flag(
        &mut self,
        store: &mut Store,
        card_id: &str,
        flag: Flag,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, StoreError> {
        self.mark(store, &[card_id.to_string()], MarkChange::Flag(flag), at)
    }

    fn mark(
        &mut self,
        store: &mut Store,
        card_ids: &[String],
        change: MarkChange,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::with_capacity(card_ids.len());
        for card in card_ids {
            let record = Record::Mark(MarkRecord {
                id: store.next_id(),
                at,
                card: card.clone(),
                change,
            });
            ids.push(record.id().to_string());
            let origin = store.append(&record)?;
            self.absorb_stateless(record, origin);
        }
        Ok(ids)
    }

    /// Logs the card's own answer points (empty texts dropped); unchanged writes nothing.
    pub fn save_own_points(
        &mut self,
        store: &mut Store,
        card_id: &str,
        points: &[String],
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let points: Vec<String> = points
            .iter()
            .map(|point| point.trim().to_string())
            .filter(|point| !point.is_empty())
            .collect();
        if self.own_points(card_id) == points.as_slice() {
            return Ok(());
        }
        let record = Record::OwnPoints(OwnPointsRecord {
            id: store.next_id(),
            at,
            card: card_id.to_string(),
            own_points: points,
        });
        let origin = store.append(&record)?;
        self.absorb_stateless(record, origin);
        Ok(())
    }

    /// Every story not removed, by title.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// Stories linked to the card.
    pub fn stories_of<'a>(&'a self, card_id: &'a str) -> impl Iterator<Item = &'a Story> + 'a {
        self.stories
            .iter()
            .filter(move |story| story.content.cards.iter().any(|card| card == card_id))
    }

    /// Logs a new story, or a new version of story `editing`. Returns the story's id.
    pub fn save_story(
        &mut self,
        store: &mut Store,
        draft: &StoryContent,
        editing: Option<&str>,
        at: DateTime<FixedOffset>,
    ) -> Result<String, StorySaveError> {
        let checked = draft.check(&self.decks)?;
        if let Some(id) = editing
            && !self.stories.iter().any(|story| story.id == id)
        {
            return Err(StoryError::UnknownStory(id.to_string()).into());
        }
        let record_id = store.next_id();
        let story_id = editing.map_or_else(|| record_id.clone(), str::to_string);
        let record = Record::Story(StoryRecord {
            id: record_id,
            at,
            story: story_id.clone(),
            content: checked,
            removed: false,
        });
        let origin = store.append(&record)?;
        self.absorb_stateless(record, origin);
        Ok(story_id)
    }

    /// Logs the removal of a story; its versions stay in the log.
    pub fn remove_story(
        &mut self,
        store: &mut Store,
        story_id: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StorySaveError> {
        let Some(current) = self.stories.iter().find(|story| story.id == story_id) else {
            return Err(StoryError::UnknownStory(story_id.to_string()).into());
        };
        let record = Record::Story(StoryRecord {
            id: store.next_id(),
            at,
            story: current.id.clone(),
            content: StoryContent {
                title: current.content.title.clone(),
                ..StoryContent::default()
            },
            removed: true,
        });
        let origin = store.append(&record)?;
        self.absorb_stateless(record, origin);
        Ok(())
    }

    /// Every effective answer as the FSRS optimizer needs it, oldest first.
    pub fn answers_for_fit(&self) -> impl Iterator<Item = fit::Answer<'_>> + '_ {
        self.reviews().map(|review| fit::Answer {
            card: review.record.card,
            at: review.record.at,
            rating: review.record.rating,
        })
    }

    /// Every interview not removed, past ones included, by date.
    pub fn interviews(&self) -> &[Interview] {
        &self.interviews
    }

    /// Interviews on or after study day `today`, soonest first.
    pub fn upcoming_interviews(&self, today: NaiveDate) -> impl Iterator<Item = &Interview> + '_ {
        self.interviews
            .iter()
            .filter(move |interview| interview.is_upcoming(today))
    }

    /// Logs a new interview, or a new version of interview `editing`, after checking the
    /// draft against the decks and the study day of `at`. Returns the interview's id.
    pub fn save_interview(
        &mut self,
        store: &mut Store,
        draft: &InterviewDraft,
        editing: Option<&str>,
        at: DateTime<FixedOffset>,
    ) -> Result<String, InterviewSaveError> {
        let today = self.scheduler.study_day(at);
        let checked = draft.check(&self.decks, today)?;
        if let Some(id) = editing
            && !self.interviews.iter().any(|interview| interview.id == id)
        {
            return Err(InterviewError::UnknownInterview(id.to_string()).into());
        }
        let record_id = store.next_id();
        let interview_id = editing.map_or_else(|| record_id.clone(), str::to_string);
        let record = Record::Interview(InterviewRecord {
            id: record_id,
            at,
            interview: interview_id.clone(),
            name: checked.name,
            date: checked.date,
            decks: checked.decks,
            roles: checked.roles,
            removed: false,
        });
        let origin = store.append(&record)?;
        self.absorb_stateless(record, origin);
        Ok(interview_id)
    }

    /// Logs the removal of an interview; its earlier versions stay in the log.
    pub fn remove_interview(
        &mut self,
        store: &mut Store,
        interview_id: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), InterviewSaveError> {
        let Some(current) = self
            .interviews
            .iter()
            .find(|interview| interview.id == interview_id)
        else {
            return Err(InterviewError::UnknownInterview(interview_id.to_string()).into());
        };
        let record = Record::Interview(InterviewRecord {
            id: store.next_id(),
            at,
            interview: current.id.clone(),
            name: current.name.clone(),
            date: current.date,
            decks: current.decks.clone(),
            roles: current.roles.clone(),
            removed: true,
        });
        let origin = store.append(&record)?;
        self.absorb_stateless(record, origin);
        Ok(())
    }

    /// Every problem found, in the order a reader meets them: settings, decks, log lines,
    /// reviews of cards no deck has, times in the future. Stored problems are lent, the
    /// rest made as they are taken, so taking the first few of a log damaged on every
    /// line costs only those few.
    pub fn problems_iter(&self) -> impl Iterator<Item = Cow<'_, Problem>> + '_ {
        fn lent(problems: &[Problem]) -> impl ExactSizeIterator<Item = Cow<'_, Problem>> {
            problems.iter().map(Cow::Borrowed)
        }
        lent(&self.settings_problems)
            .chain(lent(&self.decks.problems))
            .chain(lent(self.progress.problems()))
            .chain(self.progress.orphan_problems().map(Cow::Owned))
            .chain(lent(&self.future_records))
    }

    /// Every problem found, each with its file and line where known.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems_iter().map(Cow::into_owned).collect()
    }

    /// The first `limit` of [`Collection::problems`]: what a screen lists.
    pub fn first_problems(&self, limit: usize) -> Vec<Problem> {
        self.problems_iter()
            .take(limit)
            .map(Cow::into_owned)
            .collect()
    }

    /// How many problems [`Collection::problems`] has, counted without making any.
    pub fn problem_count(&self) -> usize {
        // Every part of the chain knows its exact length, so its size hint is exact.
        let (count, exact) = self.problems_iter().size_hint();
        debug_assert_eq!(Some(count), exact);
        count
    }

    /// The card's state; a card never reviewed is new.
    pub fn state(&self, card_id: &str) -> CardState {
        self.progress.state(&self.log, card_id)
    }

    /// The card's state, or `None` for a card never reviewed.
    pub fn state_of(&self, card_id: &str) -> Option<&CardState> {
        self.progress.state_of(&self.log, card_id)
    }

    /// Every effective answer (not undone), oldest first, with what it did to its card.
    pub fn reviews(&self) -> impl Iterator<Item = Replayed<'_>> + '_ {
        self.progress.reviews(&self.log)
    }

    /// How many effective answers the log holds.
    pub fn review_count(&self) -> usize {
        self.progress.review_count()
    }

    /// Every effective answer to a card, oldest first, with the state it led to.
    pub fn history(&self, card_id: &str) -> impl Iterator<Item = Replayed<'_>> + '_ {
        self.progress.history(&self.log, card_id)
    }

    /// Every card with at least one effective answer (cards no deck has included): its
    /// id, its state and its first answer. In no particular order.
    pub fn reviewed_cards(
        &self,
    ) -> impl Iterator<Item = (&str, &CardState, Option<Replayed<'_>>)> + '_ {
        self.progress.reviewed_cards(&self.log)
    }

    /// Keeps the setup of the mock interview just started in the settings file, for the
    /// next one to start from. Nothing is replayed: no card state depends on it.
    pub fn remember_mock_setup(&mut self, mock: MockPreferences) -> Result<(), WriteError> {
        if self.settings.mock == mock {
            return Ok(());
        }
        let settings = Settings {
            mock,
            ..self.settings.clone()
        };
        settings::save(&self.data_dir.settings_file(), &settings)?;
        self.settings = settings;
        Ok(())
    }

    /// Applies new settings: saves them and re-derives every card state, since the
    /// scheduling settings change what the same log means. Settings the scheduler
    /// rejects are replaced by the defaults, with a problem saying so.
    pub fn apply_settings(&mut self, settings: Settings) -> Result<StatesChanged, WriteError> {
        let mut problems = Vec::new();
        let (settings, scheduler) = scheduler_for(&self.data_dir, settings, &mut problems);
        settings::save(&self.data_dir.settings_file(), &settings)?;
        self.settings = settings;
        self.scheduler = scheduler;
        self.settings_problems = problems;
        self.replay_progress();
        self.generation += 1;
        Ok(StatesChanged::All)
    }

    /// Logs an answer (on disk before this returns) and updates the card's state. Returns
    /// the record id, for undo, and what the answer did to the card states.
    pub fn record_answer(
        &mut self,
        store: &mut Store,
        card_id: &str,
        rating: Rating,
        at: DateTime<FixedOffset>,
        details: AnswerDetails,
    ) -> Result<(String, StatesChanged), StoreError> {
        let record = Record::Review(ReviewRecord {
            id: store.next_id(),
            card: card_id.to_string(),
            at,
            rating,
            duration_ms: details.duration_ms,
            points_covered: details.points_covered,
            points_detected: details.points_detected,
            points_total: details.points_total,
            answer: details.answer,
            mode: details.mode,
            session: details.session,
            spoken: details.spoken,
        });
        let id = record.id().to_string();
        let lapses_before = self.state_of(card_id).map_or(0, |state| state.lapses());
        let origin = store.append(&record)?;
        let changed = self.absorb(record, origin);
        let threshold = self.settings.leech_threshold;
        let became_leech = lapses_before < threshold && self.is_leech(card_id);
        if became_leech && self.settings.leech_action == LeechAction::Suspend {
            // As Anki does: the suspension is its own record, so it can be undone or
            // reversed like any other. A mark moves no card state.
            self.set_suspended(store, &[card_id.to_string()], true, at)?;
        }
        Ok((id, changed))
    }

    /// Cancels an earlier answer (or mark) by appending an undo record.
    pub fn undo(
        &mut self,
        store: &mut Store,
        review_id: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<StatesChanged, StoreError> {
        let record = Record::Undo(UndoRecord {
            id: store.next_id(),
            at,
            undo: review_id.to_string(),
        });
        let origin = store.append(&record)?;
        Ok(self.absorb(record, origin))
    }

    /// Adds a record just written to the in-memory log and says what it did to the card
    /// states. The common case, an answer later than everything before it, is applied to
    /// its card alone; anything else (an undo, a clock that went backwards) replays the
    /// whole log.
    fn absorb(&mut self, record: Record, origin: Origin) -> StatesChanged {
        let is_latest = self.log.last_at().is_none_or(|last| last <= record.at());
        let answered = match &record {
            Record::Review(review) => Some((review.card.clone(), review.at)),
            _ => None,
        };
        let derived_elsewhere = matches!(
            record,
            Record::Interview(_) | Record::Mark(_) | Record::OwnPoints(_) | Record::Story(_)
        );
        // An undo may cancel a mark as well as a review.
        let is_undo = matches!(record, Record::Undo(_));
        let pushed = self.log.push(LoggedRecord { record, origin });
        self.generation += 1;
        if derived_elsewhere || is_undo {
            if !is_latest || is_undo {
                self.log.merge();
            }
            self.interviews = interview::interviews_from(&self.log.others);
            self.marks = Marks::from_log(&self.log.others);
            self.stories = story::stories_from(&self.log.others);
            self.derived_version += 1;
            if is_undo {
                self.replay_progress();
                return StatesChanged::All;
            }
            StatesChanged::Nothing
        } else if let (Some((card, at)), Pushed::Review(row)) =
            (answered.filter(|_| is_latest), pushed)
        {
            self.progress
                .apply(&self.log, row, &self.decks, &self.scheduler);
            StatesChanged::Card { card, at }
        } else {
            self.log.merge();
            self.replay_progress();
            StatesChanged::All
        }
    }

    /// [`Self::absorb`] for a record that moves no card state: a mark, own points, a story
    /// or an interview.
    fn absorb_stateless(&mut self, record: Record, origin: Origin) {
        let changed = self.absorb(record, origin);
        debug_assert_eq!(changed, StatesChanged::Nothing);
    }
}

/// Why an interview could not be saved: the draft, or the disk.
#[derive(Debug, thiserror::Error)]
pub enum InterviewSaveError {
    #[error(transparent)]
    Draft(#[from] InterviewError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a story could not be saved: the draft, or the disk.
#[derive(Debug, thiserror::Error)]
pub enum StorySaveError {
    #[error(transparent)]
    Draft(#[from] StoryError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Each card's latest note: the last one written wins ([`log::in_edit_order`]).
fn latest_notes(records: &[LoggedRecord]) -> HashMap<String, String> {
    let mut notes = HashMap::new();
    for logged in log::in_edit_order(records) {
        if let Record::Note(note) = &logged.record {
            notes.insert(note.card.clone(), note.note.clone());
        }
    }
    notes
}

/// The scheduler for the settings; settings it rejects fall back to the defaults, with a
/// problem, so a bad value can never stop the app from starting.
fn scheduler_for(
    data_dir: &DataDir,
    settings: Settings,
    problems: &mut Vec<Problem>,
) -> (Settings, Scheduler) {
    match Scheduler::new(settings.scheduler_config()) {
        Ok(scheduler) => (settings, scheduler),
        Err(error) => {
            problems.push(Problem::error(
                data_dir.settings_file(),
                ProblemKind::SchedulingRejected {
                    error: error.to_string(),
                },
            ));
            let defaults = Settings::default();
            let scheduler = Scheduler::new(defaults.scheduler_config())
                .unwrap_or_else(|_| unreachable!("the default settings are valid"));
            (defaults, scheduler)
        }
    }
}
