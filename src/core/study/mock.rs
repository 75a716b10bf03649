//! Mock interviews: questions asked one after another without showing the answer points,
//! graded together at the end. The answers are ordinary reviews marked `mode: "mock"` with
//! a session id, so a session's summary is rebuilt from the log like everything else.

use crate::core::collection::Collection;

use crate::core::content::deck::DeckSet;
use crate::core::content::role;
use crate::core::review::log::Mode;
use crate::core::review::scheduler::Rating;
use crate::core::settings::{MockPreferences, Settings};
use chrono::{DateTime, FixedOffset};
use rand::seq::SliceRandom;
use std::collections::{BTreeMap, BTreeSet};

/// What the user chooses before a mock interview starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockSetup {
    pub roles: BTreeSet<String>,
    pub questions: usize,
    pub seconds_per_answer: u32,
}

// The bounds live below the settings, which remember the last setup; still read as
// mock::NAME.
pub use crate::core::bounds::{
    MOCK_QUESTIONS as QUESTIONS, MOCK_SECONDS_PER_ANSWER as SECONDS_PER_ANSWER,
};

impl Default for MockSetup {
    fn default() -> Self {
        Self {
            roles: default_roles(),
            questions: QUESTIONS.default,
            seconds_per_answer: SECONDS_PER_ANSWER.default,
        }
    }
}

fn default_roles() -> BTreeSet<String> {
    role::ROLES
        .iter()
        .filter(|role| role.in_mock_by_default)
        .map(|role| role.id.to_string())
        .collect()
}

impl MockSetup {
    /// The setup of the last mock interview started, as the settings keep it (the
    /// default roles while none has been).
    pub fn remembered(settings: &Settings) -> Self {
        let kept = &settings.mock;
        Self {
            roles: kept
                .roles
                .as_ref()
                .map_or_else(default_roles, |roles| roles.iter().cloned().collect()),
            questions: kept.questions,
            seconds_per_answer: kept.seconds_per_answer,
        }
    }

    /// This setup as the settings keep it.
    pub fn preferences(&self) -> MockPreferences {
        MockPreferences {
            roles: Some(self.roles.iter().cloned().collect()),
            questions: self.questions,
            seconds_per_answer: self.seconds_per_answer,
        }
    }
}

/// Up to `count` different cards from decks of the chosen roles, in random order.
pub fn pick_questions(
    decks: &DeckSet,
    roles: &BTreeSet<String>,
    count: usize,
    rng: &mut impl rand::Rng,
) -> Vec<String> {
    let mut candidates: Vec<String> = decks
        .cards()
        .filter(|(deck, _)| roles.contains(&deck.role))
        .map(|(_, card)| card.id.clone())
        .collect();
    candidates.shuffle(rng);
    candidates.truncate(count);
    candidates
}

#[derive(Debug, Clone, PartialEq)]
pub struct MockAnswerSummary {
    pub card: String,
    pub rating: Rating,
    pub points_covered: usize,
    pub points_total: usize,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MockSummary {
    pub session: String,
    pub graded_at: DateTime<FixedOffset>,
    pub answers: Vec<MockAnswerSummary>,
}

impl MockSummary {
    /// Answer points covered over all answers, 0.0-1.0; `None` when no card had points.
    pub fn coverage(&self) -> Option<f64> {
        let total: usize = self.answers.iter().map(|a| a.points_total).sum();
        let covered: usize = self.answers.iter().map(|a| a.points_covered).sum();
        (total > 0).then(|| covered as f64 / total as f64)
    }

    pub fn average_duration_ms(&self) -> u64 {
        match self.answers.len() as u64 {
            0 => 0,
            count => self.answers.iter().map(|a| a.duration_ms).sum::<u64>() / count,
        }
    }
}

/// Every mock interview in the log (undone answers left out), newest first.
pub fn summaries(collection: &Collection) -> Vec<MockSummary> {
    let mut sessions: BTreeMap<String, MockSummary> = BTreeMap::new();
    for replayed in collection.reviews() {
        let record = replayed.record;
        let (Mode::Mock, Some(session)) = (record.mode, &record.session) else {
            continue;
        };
        let summary = sessions
            .entry(session.to_string())
            .or_insert_with(|| MockSummary {
                session: session.to_string(),
                graded_at: record.at,
                answers: Vec::new(),
            });
        summary.graded_at = summary.graded_at.max(record.at);
        summary.answers.push(MockAnswerSummary {
            card: record.card.to_string(),
            rating: record.rating,
            points_covered: record.points_covered.map_or(0, |points| points.len()),
            points_total: record.points_total.unwrap_or(0),
            duration_ms: record.duration_ms.unwrap_or(0),
        });
    }
    let mut list: Vec<MockSummary> = sessions.into_values().collect();
    list.sort_by_key(|summary| std::cmp::Reverse(summary.graded_at));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection::AnswerDetails;
    use crate::core::paths::DataDir;
    use crate::core::review::store::Store;
    use crate::core::study::indexed::IndexedCollection;
    use rand::SeedableRng;

    #[test]
    fn questions_come_only_from_the_chosen_roles_without_repeats() {
        let decks = DeckSet::load(None);
        let roles: BTreeSet<String> = ["cto".to_string()].into();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let picked = pick_questions(&decks, &roles, 5, &mut rng);
        assert_eq!(picked.len(), 5);
        assert!(picked.iter().all(|id| id.starts_with("cto-")), "{picked:?}");
        let unique: BTreeSet<_> = picked.iter().collect();
        assert_eq!(unique.len(), 5);
        // Asking for more than there are gives them all once.
        assert_eq!(pick_questions(&decks, &roles, 100, &mut rng).len(), 20);
    }

    #[test]
    fn summaries_are_rebuilt_from_mock_reviews_in_the_log() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let mut collection = IndexedCollection::from(Collection::load(dir.clone(), "t"));
        let mut store = Store::open(dir, "pc").unwrap();
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
        let mock = |covered: Vec<usize>, total, ms| AnswerDetails {
            duration_ms: Some(ms),
            points_covered: Some(covered),
            points_detected: None,
            points_total: Some(total),
            answer: None,
            mode: Mode::Mock,
            session: Some("pc-s1".to_string()),
            spoken: None,
        };
        collection
            .record_answer(
                &mut store,
                "cto-q01",
                Rating::Good,
                at("2026-11-22T10:00:00+09:00"),
                mock(vec![0, 1, 2], 3, 90_000),
            )
            .unwrap();
        collection
            .record_answer(
                &mut store,
                "cto-q02",
                Rating::Hard,
                at("2026-11-22T10:00:01+09:00"),
                mock(vec![1], 3, 150_000),
            )
            .unwrap();
        // An ordinary review is not part of any mock interview.
        collection
            .record_answer(
                &mut store,
                "cto-q03",
                Rating::Good,
                at("2026-11-22T10:05:00+09:00"),
                AnswerDetails::default(),
            )
            .unwrap();
        let list = summaries(&collection);
        assert_eq!(list.len(), 1);
        let summary = &list[0];
        assert_eq!(summary.answers.len(), 2);
        // 4 of 6 points, 120 s on average.
        assert_eq!(summary.coverage(), Some(4.0 / 6.0));
        assert_eq!(summary.average_duration_ms(), 120_000);
        assert_eq!(summary.graded_at, at("2026-11-22T10:00:01+09:00"));
    }
}
