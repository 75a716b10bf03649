//! Card states derived from the review log: replay every effective review, in time order,
//! through the scheduler. Nothing here is stored; changing a scheduling setting and
//! replaying again gives the states under the new setting.

use crate::core::content::deck::DeckSet;
use crate::core::load_progress::LoadProgress;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::log::{self, Origin, Record, ReviewRecord};
use crate::core::review::scheduler::{CardState, Phase, Scheduler};
use crate::core::review::store::LogSnapshot;

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// One review as replayed: which log record it was and what it did to the card. Kept
/// inside the crate: callers get [`Replayed`], with the record itself.
#[derive(Debug, Clone)]
pub(crate) struct ReplayedReview {
    /// Index into [`LogSnapshot::records`].
    record_index: usize,
    phase_before: Phase,
    state_after: CardState,
}

/// An effective review (not undone) with what it did to its card.
#[derive(Debug, Clone, Copy)]
pub struct Replayed<'a> {
    pub record: &'a ReviewRecord,
    /// The card's phase when it was answered: an answer in Review is what true retention
    /// counts.
    pub phase_before: Phase,
    pub state_after: &'a CardState,
}

/// What the log says about one card that has at least one effective review.
#[derive(Debug, Clone, Default)]
struct CardProgress {
    state: CardState,
    /// Indices into [`Progress::reviews`], oldest first.
    history: Vec<usize>,
    /// No loaded deck has the card.
    orphaned: bool,
}

/// Everything the log says about the cards.
///
/// Each card id is looked up once per review, in one FxHash map from id to a slot in a
/// vector. Replay does this for every review (a million in the benchmark), and every
/// lookup of a `String` key ends in a comparison with the stored key, usually a cache
/// miss; one map instead of one per kind of fact, and FxHash instead of SipHash (the keys
/// come from the user's own files, where hash flooding is no threat), halved the replay.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Card id → index into `cards`.
    slots: FxHashMap<String, usize>,
    cards: Vec<CardProgress>,
    /// Effective reviews in time order.
    reviews: Vec<ReplayedReview>,
    /// Reviews of card ids no loaded deck has, by card id. They stay in the log (a deck
    /// may come back) and their states are still derived.
    orphaned: BTreeMap<String, usize>,
    /// Where the first review of each orphaned card id is, so the notice can point at it.
    orphan_origins: FxHashMap<String, Origin>,
    problems: Vec<Problem>,
}

impl Progress {
    /// Replays the merged log. Cards are looked up in `decks` only to report orphans.
    pub fn replay(snapshot: &LogSnapshot, decks: &DeckSet, scheduler: &Scheduler) -> Self {
        Self::replay_reporting(snapshot, decks, scheduler, None)
    }

    /// [`Progress::replay`], telling `reporter` how far it has got.
    pub fn replay_reporting(
        snapshot: &LogSnapshot,
        decks: &DeckSet,
        scheduler: &Scheduler,
        reporter: Option<&LoadProgress>,
    ) -> Self {
        // Often enough for a progress bar, rarely enough to cost nothing.
        const REPORT_EVERY: usize = 1 << 14;
        let (effective, problems) = log::effective_reviews(&snapshot.records);
        if let Some(reporter) = reporter {
            reporter.start_replay(effective.len());
        }
        let mut replayed = Progress {
            problems: problems
                .into_iter()
                .chain(snapshot.problems.iter().cloned())
                .collect(),
            reviews: Vec::with_capacity(effective.len()),
            ..Progress::default()
        };
        for (done, record_index) in effective.into_iter().enumerate() {
            if done.is_multiple_of(REPORT_EVERY)
                && let Some(reporter) = reporter
            {
                reporter.set_replayed(done);
            }
            replayed.apply(snapshot, record_index, decks, scheduler);
        }
        if let Some(reporter) = reporter {
            reporter.set_replayed(replayed.reviews.len());
        }
        replayed
    }

    /// Applies one review record (by index into the snapshot) on top of the current
    /// states. The record must be later than every review applied so far.
    pub(crate) fn apply(
        &mut self,
        snapshot: &LogSnapshot,
        record_index: usize,
        decks: &DeckSet,
        scheduler: &Scheduler,
    ) {
        let Some(logged) = snapshot.records.get(record_index) else {
            return;
        };
        let Record::Review(review) = &logged.record else {
            return;
        };
        let rating = review.rating;
        let card_id = review.card.as_str();
        let slot = match self.slots.get(card_id) {
            Some(&slot) => slot,
            None => {
                let slot = self.cards.len();
                self.slots.insert(card_id.to_owned(), slot);
                self.cards.push(CardProgress {
                    orphaned: !decks.contains_card(card_id),
                    ..CardProgress::default()
                });
                slot
            }
        };
        let review_index = self.reviews.len();
        let card = &mut self.cards[slot];
        let phase_before = card.state.phase();
        let next = scheduler.review(card_id, &card.state, rating, review.at);
        card.state = next.clone();
        card.history.push(review_index);
        self.reviews.push(ReplayedReview {
            record_index,
            phase_before,
            state_after: next,
        });
        if card.orphaned {
            match self.orphaned.get_mut(card_id) {
                Some(count) => *count += 1,
                None => {
                    self.orphaned.insert(card_id.to_owned(), 1);
                    self.orphan_origins
                        .insert(card_id.to_owned(), logged.origin.clone());
                }
            }
        }
    }

    /// The card's state; a card never reviewed is new.
    pub fn state(&self, card_id: &str) -> CardState {
        self.state_of(card_id).cloned().unwrap_or_default()
    }

    /// The card's state, or `None` for a card never reviewed.
    pub fn state_of(&self, card_id: &str) -> Option<&CardState> {
        self.card(card_id).map(|card| &card.state)
    }

    /// The card's effective reviews, as indices into `reviews`, oldest first; empty for a
    /// card never reviewed.
    fn history_of(&self, card_id: &str) -> &[usize] {
        self.card(card_id)
            .map_or(&[], |card| card.history.as_slice())
    }

    fn card(&self, card_id: &str) -> Option<&CardProgress> {
        self.slots
            .get(card_id)
            .and_then(|&slot| self.cards.get(slot))
    }

    /// Every card with at least one effective review (orphans included): its id, state
    /// and history (indices into `reviews`). In no particular order.
    fn reviewed_card_slots(&self) -> impl Iterator<Item = (&str, &CardState, &[usize])> {
        self.slots.iter().filter_map(|(id, &slot)| {
            let card = self.cards.get(slot)?;
            Some((id.as_str(), &card.state, card.history.as_slice()))
        })
    }

    /// The cards (orphans included) with at least `lapses` lapses, in no particular order:
    /// a walk over the answered cards without a lookup per card.
    pub fn cards_with_lapses(&self, lapses: u32) -> impl Iterator<Item = &str> {
        self.reviewed_card_slots()
            .filter(move |(_, state, _)| state.lapses() >= lapses)
            .map(|(id, _, _)| id)
    }

    /// How many cards have at least one effective review.
    pub fn reviewed_card_count(&self) -> usize {
        self.cards.len()
    }

    /// How many effective reviews were replayed.
    pub fn review_count(&self) -> usize {
        self.reviews.len()
    }

    /// How many card ids that no deck has were reviewed.
    pub fn orphan_count(&self) -> usize {
        self.orphaned.len()
    }

    /// Problems with the log: lines that could not be read, undos of unknown reviews,
    /// repeated ids, clocks turned back.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// One warning per orphaned card id, made as they are taken (a screen takes only the
    /// first few), pointing at the card's first review so the user can find the log.
    pub fn orphan_problems(&self) -> impl ExactSizeIterator<Item = Problem> + '_ {
        self.orphaned.iter().map(|(card, count)| {
            let kind = ProblemKind::OrphanReviews {
                count: *count,
                card: card.clone(),
            };
            match self.orphan_origins.get(card) {
                Some(origin) => Problem::warning(&origin.file, kind).at_line(Some(origin.line)),
                None => Problem::warning("reviews", kind),
            }
        })
    }

    /// The review behind `index` (into `reviews`), with the record it came from.
    fn resolve<'a>(&'a self, snapshot: &'a LogSnapshot, index: usize) -> Option<Replayed<'a>> {
        let replayed = self.reviews.get(index)?;
        match &snapshot.records.get(replayed.record_index)?.record {
            Record::Review(record) => Some(Replayed {
                record,
                phase_before: replayed.phase_before,
                state_after: &replayed.state_after,
            }),
            // replay() only indexes review records.
            _ => None,
        }
    }

    /// Every effective review in time order. `snapshot` must be the one replayed.
    pub(crate) fn reviews<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
    ) -> impl Iterator<Item = Replayed<'a>> + 'a {
        (0..self.reviews.len()).filter_map(move |index| self.resolve(snapshot, index))
    }

    /// The card's effective reviews, oldest first. `snapshot` must be the one replayed.
    pub(crate) fn history<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
        card_id: &str,
    ) -> impl Iterator<Item = Replayed<'a>> + 'a {
        self.history_of(card_id)
            .iter()
            .filter_map(move |&index| self.resolve(snapshot, index))
    }

    /// Every card with at least one effective review (orphans included), with its state
    /// and its first review. In no particular order.
    pub(crate) fn reviewed_cards<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
    ) -> impl Iterator<Item = (&'a str, &'a CardState, Option<Replayed<'a>>)> + 'a {
        self.reviewed_card_slots().map(move |(id, state, history)| {
            let first = history
                .first()
                .and_then(|&index| self.resolve(snapshot, index));
            (id, state, first)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::log::parse_log;
    use crate::core::review::scheduler::{Rating, SchedulerConfig};
    use chrono::{DateTime, FixedOffset};
    use std::path::Path;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn snapshot(files: &[(&str, &str)]) -> LogSnapshot {
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in files {
            let (mut r, mut p) = parse_log(Path::new(name), text.as_bytes());
            records.append(&mut r);
            problems.append(&mut p);
        }
        LogSnapshot {
            records: log::merge(records),
            problems,
        }
    }

    #[test]
    fn replay_matches_reviewing_directly_and_skips_undone_answers() {
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let log = snapshot(&[(
            "pc.jsonl",
            concat!(
                r#"{"id":"pc-1","card":"vpoe-q01","at":"2026-11-20T09:00:00+09:00","rating":3}"#,
                "\n",
                r#"{"id":"pc-2","card":"vpoe-q01","at":"2026-11-20T09:01:00+09:00","rating":1}"#,
                "\n",
                r#"{"id":"pc-3","at":"2026-11-20T09:01:05+09:00","undo":"pc-2"}"#,
                "\n",
                r#"{"id":"pc-4","card":"vpoe-q01","at":"2026-11-20T09:02:00+09:00","rating":3}"#,
                "\n",
                r#"{"id":"pc-5","card":"gone-q9","at":"2026-11-20T09:03:00+09:00","rating":4}"#,
                "\n",
            ),
        )]);
        let decks = DeckSet::load(None);
        let progress = Progress::replay(&log, &decks, &scheduler);
        let direct = {
            let first = scheduler.review(
                "vpoe-q01",
                &CardState::default(),
                Rating::Good,
                at("2026-11-20T09:00:00+09:00"),
            );
            scheduler.review(
                "vpoe-q01",
                &first,
                Rating::Good,
                at("2026-11-20T09:02:00+09:00"),
            )
        };
        assert_eq!(progress.state("vpoe-q01"), direct);
        assert_eq!(progress.history_of("vpoe-q01").len(), 2);
        assert_eq!(progress.orphaned.get("gone-q9"), Some(&1));
        assert_eq!(progress.state("never-seen").phase(), Phase::New);
        assert!(progress.state_of("never-seen").is_none());
        assert!(progress.history_of("never-seen").is_empty());
        // The orphan's state is derived too; the undone answer left no trace.
        assert_eq!(progress.reviewed_card_count(), 2);
        assert_eq!(progress.state_of("gone-q9").map(|s| s.reps()), Some(1));
        let mut reviewed: Vec<(&str, usize)> = progress
            .reviewed_card_slots()
            .map(|(id, _, history)| (id, history.len()))
            .collect();
        reviewed.sort();
        assert_eq!(reviewed, [("gone-q9", 1), ("vpoe-q01", 2)]);
        assert!(progress.problems.is_empty(), "{:?}", progress.problems);
    }
}
