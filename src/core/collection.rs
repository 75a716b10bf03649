//! Everything loaded from one data folder, with the states derived from it: the one
//! object the CLI and the app read from and answer through.

use crate::core::deck::DeckSet;
use crate::core::log::{self, LoggedRecord, NoteRecord, Origin, Record, ReviewRecord, UndoRecord};
use crate::core::paths::DataDir;
use crate::core::progress::Progress;
use crate::core::scheduler::{CardState, Rating, Scheduler, SchedulerConfig};
use crate::core::settings::{self, Settings};
use crate::core::stats::Stats;
use crate::core::store::{self, LogSnapshot, Store, StoreError};
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;

/// What the user did when answering, besides the grade.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerDetails {
    pub duration_ms: Option<u64>,
    pub points_covered: Option<Vec<usize>>,
    pub points_total: Option<usize>,
    pub answer: Option<String>,
    pub mode: Option<String>,
    pub session: Option<String>,
}

#[derive(Debug)]
pub struct Collection {
    pub data_dir: DataDir,
    pub decks: DeckSet,
    pub settings: Settings,
    pub snapshot: LogSnapshot,
    pub progress: Progress,
    pub scheduler: Scheduler,
    /// Messages about settings that were damaged or out of range.
    pub settings_notices: Vec<String>,
    /// The latest note of each card.
    pub notes: HashMap<String, String>,
    /// Bumped on every change, so views can tell when their cached numbers are stale.
    pub generation: u64,
    /// Log records timed in the future when the collection was loaded (see
    /// [`Collection::load_at`]); kept and replayed, only reported.
    pub future_records: Vec<log::LogProblem>,
}

impl Collection {
    /// Loads decks, settings and every review log of `data_dir`, and replays the logs.
    /// Never fails: whatever cannot be read is reported through [`Collection::problems`].
    /// `stamp` names a damaged settings file when it is set aside.
    pub fn load(data_dir: DataDir, stamp: &str) -> Self {
        Self::load_checked(data_dir, stamp, None)
    }

    /// [`Collection::load`] as of `now`, the time the app and the commands read from the
    /// clock: also reports log records timed later than `now`, and names a damaged
    /// settings file after `now`.
    pub fn load_at(data_dir: DataDir, now: DateTime<FixedOffset>) -> Self {
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        Self::load_checked(data_dir, &stamp, Some(now))
    }

    fn load_checked(data_dir: DataDir, stamp: &str, now: Option<DateTime<FixedOffset>>) -> Self {
        let decks = DeckSet::load(Some(&data_dir.decks_dir()));
        let loaded = settings::load(&data_dir.settings_file(), stamp);
        let snapshot = store::read_all_logs(&data_dir.reviews_dir());
        let mut settings_notices = loaded.notices;
        let (settings, scheduler) = scheduler_for(loaded.settings, &mut settings_notices);
        let progress = Progress::replay(&snapshot, &decks, &scheduler);
        let notes = latest_notes(&snapshot.records);
        let future_records =
            now.map_or_else(Vec::new, |now| log::future_records(&snapshot.records, now));
        Self {
            data_dir,
            decks,
            settings,
            snapshot,
            progress,
            scheduler,
            settings_notices,
            notes,
            generation: 0,
            future_records,
        }
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
        self.snapshot.records.push(LoggedRecord { record, origin });
        self.generation += 1;
        Ok(())
    }

    /// Every problem found, one line each with file and line where known.
    pub fn problems(&self) -> Vec<String> {
        self.first_problems(usize::MAX)
    }

    /// The first `limit` lines of [`Collection::problems`]. A screen shows only these: a
    /// badly damaged log has a problem per line, and formatting and laying out all of
    /// them every frame would stall the window.
    pub fn first_problems(&self, limit: usize) -> Vec<String> {
        self.settings_notices
            .iter()
            .cloned()
            .chain(self.decks.problems.iter().map(ToString::to_string))
            .chain(self.progress.problems.iter().map(ToString::to_string))
            .chain(self.progress.orphan_notices())
            .chain(self.future_records.iter().map(ToString::to_string))
            .take(limit)
            .collect()
    }

    /// How many lines [`Collection::problems`] has.
    pub fn problem_count(&self) -> usize {
        self.settings_notices.len()
            + self.decks.problems.len()
            + self.progress.problems.len()
            + self.progress.orphaned.len()
            + self.future_records.len()
    }

    pub fn state(&self, card_id: &str) -> CardState {
        self.progress.state(card_id)
    }

    /// Every effective answer to a card, oldest first, with the state it led to.
    pub fn history(&self, card_id: &str) -> Vec<(&ReviewRecord, &CardState)> {
        self.progress
            .history_of(card_id)
            .iter()
            .map(|&index| {
                let replayed = &self.progress.reviews[index];
                (
                    self.progress.record(&self.snapshot, replayed),
                    &replayed.state_after,
                )
            })
            .collect()
    }

    pub fn stats(&self, now: DateTime<FixedOffset>) -> Stats {
        Stats::compute(
            &self.decks,
            &self.snapshot,
            &self.progress,
            now,
            self.settings.day_rollover_hour,
        )
    }

    /// Applies new settings: saves them and re-derives every card state, since the
    /// scheduling settings change what the same log means.
    pub fn apply_settings(&mut self, settings: Settings) -> Result<(), settings::SettingsError> {
        let mut notices = Vec::new();
        let (settings, scheduler) = scheduler_for(settings, &mut notices);
        settings::save(&self.data_dir.settings_file(), &settings)?;
        self.settings = settings;
        self.scheduler = scheduler;
        self.settings_notices = notices;
        self.progress = Progress::replay(&self.snapshot, &self.decks, &self.scheduler);
        self.generation += 1;
        Ok(())
    }

    /// Logs an answer (on disk before this returns) and updates the card's state. Returns
    /// the record id, for undo.
    pub fn record_answer(
        &mut self,
        store: &mut Store,
        card_id: &str,
        rating: Rating,
        at: DateTime<FixedOffset>,
        details: AnswerDetails,
    ) -> Result<String, StoreError> {
        let record = Record::Review(ReviewRecord {
            id: store.next_id(),
            card: card_id.to_string(),
            at,
            rating: rating as u8,
            duration_ms: details.duration_ms,
            points_covered: details.points_covered,
            points_total: details.points_total,
            answer: details.answer,
            mode: details.mode,
            session: details.session,
        });
        let id = record.id().to_string();
        let origin = store.append(&record)?;
        self.absorb(record, origin);
        Ok(id)
    }

    /// Cancels an earlier answer by appending an undo record.
    pub fn undo(
        &mut self,
        store: &mut Store,
        review_id: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let record = Record::Undo(UndoRecord {
            id: store.next_id(),
            at,
            undo: review_id.to_string(),
        });
        let origin = store.append(&record)?;
        self.absorb(record, origin);
        Ok(())
    }

    /// Adds a record just written to the in-memory log. The common case, an answer later
    /// than everything before it, is applied to its card alone; anything else (an undo, a
    /// clock that went backwards) replays the whole log.
    fn absorb(&mut self, record: Record, origin: Origin) {
        let is_latest = self
            .snapshot
            .records
            .last()
            .is_none_or(|last| last.record.at() <= record.at());
        self.snapshot.records.push(LoggedRecord { record, origin });
        let incremental = is_latest
            && matches!(
                self.snapshot.records.last().map(|logged| &logged.record),
                Some(Record::Review(_))
            );
        if incremental {
            let record_index = self.snapshot.records.len() - 1;
            self.progress
                .apply(&self.snapshot, record_index, &self.decks, &self.scheduler);
        } else {
            self.snapshot.records = log::merge(std::mem::take(&mut self.snapshot.records));
            self.progress = Progress::replay(&self.snapshot, &self.decks, &self.scheduler);
        }
        self.generation += 1;
    }
}

/// Each card's latest note, in timeline order so the last one written wins.
fn latest_notes(records: &[LoggedRecord]) -> HashMap<String, String> {
    let mut notes = HashMap::new();
    for logged in records {
        if let Record::Note(note) = &logged.record {
            notes.insert(note.card.clone(), note.note.clone());
        }
    }
    notes
}

/// The scheduler for the settings; settings it rejects fall back to the defaults, with a
/// notice, so a bad value can never stop the app from starting.
fn scheduler_for(settings: Settings, notices: &mut Vec<String>) -> (Settings, Scheduler) {
    match Scheduler::new(SchedulerConfig::from_settings(&settings)) {
        Ok(scheduler) => (settings, scheduler),
        Err(error) => {
            notices.push(format!(
                "scheduling settings rejected ({error}); using the defaults"
            ));
            let defaults = Settings::default();
            let scheduler = Scheduler::new(SchedulerConfig::from_settings(&defaults))
                .unwrap_or_else(|_| unreachable!("the default settings are valid"));
            (defaults, scheduler)
        }
    }
}
