//! Card states derived from the review log: replay every effective review, in time order,
//! through the scheduler. Nothing here is stored; changing a scheduling setting and
//! replaying again gives the states under the new setting.

use crate::core::content::deck::DeckSet;
use crate::core::load_progress::LoadProgress;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::compact;
use crate::core::review::log::Origin;
use crate::core::review::scheduler::{CardState, Phase, Scheduler};
use crate::core::review::store::LogSnapshot;
use crate::core::review::table::ReviewRef;

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// No review: the end of a card's chain of answers, or a card number not yet given a slot.
const NONE: u32 = u32::MAX;

/// One review as replayed: which answer it was and what it did to the card, in 16 bytes.
/// Kept inside the crate: callers get [`Replayed`], with the answer itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReplayedReview {
    /// The answer's row in [`LogSnapshot::reviews`].
    row: u32,
    /// The card's review before this one (an index into `reviews`), or [`NONE`]: each
    /// card's history is a chain through its reviews rather than a list of its own.
    previous: u32,
    /// The card's stability after the answer, as [`Scheduler::recall_after`] takes it:
    /// with the answer's time, all that anything asks of the state an answer led to.
    stability_after: f32,
    phase_before: Phase,
}

/// An effective review (not undone) with what it did to its card.
#[derive(Debug, Clone, Copy)]
pub struct Replayed<'a> {
    pub record: ReviewRef<'a>,
    /// The card's phase when it was answered: an answer in Review is what true retention
    /// counts.
    pub phase_before: Phase,
    /// The card's stability after the answer (its last review then is the answer's
    /// time): what its recall at a later moment is computed from
    /// ([`Scheduler::recall_after`]).
    pub stability_after: f32,
}

/// What the log says about one card that has at least one effective review.
#[derive(Debug, Clone)]
struct CardProgress {
    state: CardState,
    /// The card's number in the log's table, which holds its id.
    number: u32,
    /// Its first and latest reviews, indices into [`Progress::reviews`].
    first: u32,
    last: u32,
    /// No loaded deck has the card.
    orphaned: bool,
}

/// Everything the log says about the cards.
///
/// Replay looks a card up by its number in the log's table (a vector index), not by its
/// id: a million lookups of a `String` key were a fifth of the replay. A caller asking by
/// id finds the number through the table's own map of ids, so no id is kept twice.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// The table's card number → index into `cards`, or [`NONE`].
    slot_of_number: Vec<u32>,
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
        let (effective, problems) = compact::effective_rows(&snapshot.reviews, &snapshot.others);
        if let Some(reporter) = reporter {
            reporter.start_replay(effective.len());
        }
        let mut replayed = Progress {
            problems: problems
                .into_iter()
                .chain(snapshot.problems.iter().cloned())
                .collect(),
            reviews: Vec::with_capacity(effective.len()),
            slot_of_number: vec![NONE; snapshot.reviews.card_count()],
            ..Progress::default()
        };
        for (done, row) in effective.into_iter().enumerate() {
            if done.is_multiple_of(REPORT_EVERY)
                && let Some(reporter) = reporter
            {
                reporter.set_replayed(done);
            }
            replayed.apply(snapshot, row as usize, decks, scheduler);
        }
        if let Some(reporter) = reporter {
            reporter.set_replayed(replayed.reviews.len());
        }
        replayed
    }

    /// Applies one answer (by its row in the snapshot's table) on top of the current
    /// states. The answer must be later than every review applied so far.
    pub(crate) fn apply(
        &mut self,
        snapshot: &LogSnapshot,
        row: usize,
        decks: &DeckSet,
        scheduler: &Scheduler,
    ) {
        let table = &snapshot.reviews;
        let (Some(number), Some(rating), Some(at)) =
            (table.card_of(row), table.rating_of(row), table.at_of(row))
        else {
            return;
        };
        let card_id = table.card_id(number);
        if self.slot_of_number.len() < table.card_count() {
            self.slot_of_number.resize(table.card_count(), NONE);
        }
        let slot = match self.slot_of_number.get(number as usize) {
            Some(&slot) if slot != NONE => slot,
            _ => {
                let slot = u32::try_from(self.cards.len()).unwrap_or(NONE);
                if let Some(entry) = self.slot_of_number.get_mut(number as usize) {
                    *entry = slot;
                }
                self.cards.push(CardProgress {
                    state: CardState::default(),
                    number,
                    first: NONE,
                    last: NONE,
                    orphaned: !decks.contains_card(card_id),
                });
                slot
            }
        };
        let review_index = u32::try_from(self.reviews.len()).unwrap_or(NONE);
        let Some(card) = self.cards.get_mut(slot as usize) else {
            return;
        };
        let phase_before = card.state.phase();
        let next = scheduler.review(card_id, &card.state, rating, at);
        let stability_after = Scheduler::stability_for_recall(&next);
        card.state = next;
        let previous = card.last;
        card.last = review_index;
        if card.first == NONE {
            card.first = review_index;
        }
        let orphaned = card.orphaned;
        self.reviews.push(ReplayedReview {
            row: u32::try_from(row).unwrap_or(NONE),
            previous,
            stability_after,
            phase_before,
        });
        if orphaned {
            match self.orphaned.get_mut(card_id) {
                Some(count) => *count += 1,
                None => {
                    self.orphaned.insert(card_id.to_owned(), 1);
                    if let Some(origin) = table.origin_of(row) {
                        self.orphan_origins.insert(card_id.to_owned(), origin);
                    }
                }
            }
        }
    }

    /// The card's state; a card never reviewed is new. `snapshot` must be the one
    /// replayed.
    pub fn state(&self, snapshot: &LogSnapshot, card_id: &str) -> CardState {
        self.state_of(snapshot, card_id)
            .cloned()
            .unwrap_or_default()
    }

    /// The card's state, or `None` for a card never reviewed.
    pub fn state_of(&self, snapshot: &LogSnapshot, card_id: &str) -> Option<&CardState> {
        self.card(snapshot, card_id).map(|card| &card.state)
    }

    /// The card's effective reviews, as indices into `reviews`, oldest first; empty for a
    /// card never reviewed.
    fn history_of(&self, snapshot: &LogSnapshot, card_id: &str) -> Vec<u32> {
        let mut history = Vec::new();
        let mut index = self.card(snapshot, card_id).map_or(NONE, |card| card.last);
        while let Some(review) = self.reviews.get(index as usize) {
            history.push(index);
            index = review.previous;
        }
        history.reverse();
        history
    }

    fn card(&self, snapshot: &LogSnapshot, card_id: &str) -> Option<&CardProgress> {
        let number = snapshot.reviews.card_number(card_id)?;
        let slot = *self.slot_of_number.get(number as usize)?;
        self.cards.get(slot as usize)
    }

    /// Every card with at least one effective review (orphans included): its id, state
    /// and first review (an index into `reviews`). In the order first answered.
    fn reviewed_card_slots<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
    ) -> impl Iterator<Item = (&'a str, &'a CardState, u32)> + 'a {
        self.cards.iter().map(|card| {
            (
                snapshot.reviews.card_id(card.number),
                &card.state,
                card.first,
            )
        })
    }

    /// The cards (orphans included) with at least `lapses` lapses, in no particular order:
    /// a walk over the answered cards without a lookup per card.
    pub fn cards_with_lapses<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
        lapses: u32,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.reviewed_card_slots(snapshot)
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

    /// The review behind `index` (into `reviews`), with the answer it came from.
    fn resolve<'a>(&'a self, snapshot: &'a LogSnapshot, index: u32) -> Option<Replayed<'a>> {
        let replayed = self.reviews.get(index as usize)?;
        Some(Replayed {
            record: snapshot.reviews.get(replayed.row as usize)?,
            phase_before: replayed.phase_before,
            stability_after: replayed.stability_after,
        })
    }

    /// Every effective review in time order. `snapshot` must be the one replayed.
    pub(crate) fn reviews<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
    ) -> impl Iterator<Item = Replayed<'a>> + 'a {
        (0..self.reviews.len())
            .filter_map(move |index| self.resolve(snapshot, u32::try_from(index).unwrap_or(NONE)))
    }

    /// The card's effective reviews, oldest first. `snapshot` must be the one replayed.
    pub(crate) fn history<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
        card_id: &str,
    ) -> impl Iterator<Item = Replayed<'a>> + 'a {
        self.history_of(snapshot, card_id)
            .into_iter()
            .filter_map(move |index| self.resolve(snapshot, index))
    }

    /// Every card with at least one effective review (orphans included), with its state
    /// and its first review. In no particular order.
    pub(crate) fn reviewed_cards<'a>(
        &'a self,
        snapshot: &'a LogSnapshot,
    ) -> impl Iterator<Item = (&'a str, &'a CardState, Option<Replayed<'a>>)> + 'a {
        self.reviewed_card_slots(snapshot)
            .map(move |(id, state, first)| (id, state, self.resolve(snapshot, first)))
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
        LogSnapshot::from_records(records, problems)
    }

    #[test]
    fn a_replayed_answer_is_16_bytes() {
        assert_eq!(std::mem::size_of::<ReplayedReview>(), 16);
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
        assert_eq!(progress.state(&log, "vpoe-q01"), direct);
        assert_eq!(progress.history_of(&log, "vpoe-q01").len(), 2);
        assert_eq!(progress.orphaned.get("gone-q9"), Some(&1));
        assert_eq!(progress.state(&log, "never-seen").phase(), Phase::New);
        assert!(progress.state_of(&log, "never-seen").is_none());
        assert!(progress.history_of(&log, "never-seen").is_empty());
        // The orphan's state is derived too; the undone answer left no trace.
        assert_eq!(progress.reviewed_card_count(), 2);
        assert_eq!(
            progress.state_of(&log, "gone-q9").map(|s| s.reps()),
            Some(1)
        );
        let mut reviewed: Vec<(&str, usize)> = progress
            .reviewed_card_slots(&log)
            .map(|(id, _, _)| (id, progress.history_of(&log, id).len()))
            .collect();
        reviewed.sort();
        assert_eq!(reviewed, [("gone-q9", 1), ("vpoe-q01", 2)]);
        assert!(progress.problems.is_empty(), "{:?}", progress.problems);
    }
}
