//! Typed work that is not an answer yet: the answer typed to the card on screen, and a mock
//! interview not yet graded. The review log holds only what was graded (a draft may be
//! thrown away, and the log is append-only), so these live in the data folder's
//! `drafts.json` instead, replaced whole and atomically, so a crash, a `kill -9` or a
//! power cut loses at most the last seconds of typing. The app offers them back at the
//! next start and removes the file once they are graded or discarded.
//!
//! [`Keeper`] decides when to write: a change of shape (another card, the next question,
//! a draft gone) at once, so a graded answer is never offered back; typing within
//! [`SAVE_DELAY_MS`], so a draft trails the keyboard by a few seconds without a write per
//! key.

use crate::core::files::{self, WriteError};
use crate::core::review::scheduler::Rating;
use crate::core::settings;
use crate::core::text;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The format this version writes and reads. A file of a later format is set aside like
/// a damaged one rather than misread.
pub const FORMAT: u32 = 1;

/// How long typing may run ahead of the file.
pub const SAVE_DELAY_MS: i64 = 2_000;

/// Everything in `drafts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    pub format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study: Option<StudyDraft>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock: Option<MockDraft>,
    /// Answers typed (or recorded) to study cards left unanswered (back to the decks, or
    /// another session begun), oldest first: each comes back when its card is next shown,
    /// without an offer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<StudyDraft>,
}

impl Default for Drafts {
    fn default() -> Self {
        Self {
            format: FORMAT,
            study: None,
            mock: None,
            set_aside: Vec::new(),
        }
    }
}

/// The answer being typed to a card of a study session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyDraft {
    pub scope: DraftScope,
    pub card: String,
    pub answer: String,
    /// Time spent on the card so far.
    #[serde(default)]
    pub duration_ms: u64,
    /// The answer's recording, if it was given aloud (`recordings/<id>.wav`), so a resumed
    /// card gets its take back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<String>,
    /// When this was written.
    pub at: DateTime<FixedOffset>,
}

/// A study session's scope (`study::scope::Scope`, which converts to and from this) as
/// the file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftScope {
    Deck {
        id: String,
    },
    AllDecks,
    Cards {
        ids: Vec<String>,
        since: DateTime<FixedOffset>,
    },
}

/// A mock interview before its grades are saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockDraft {
    pub roles: Vec<String>,
    pub questions: usize,
    pub seconds_per_answer: u32,
    pub answers: Vec<MockDraftAnswer>,
    /// The question being answered; `None` once all are answered and wait for grades.
    pub current: Option<usize>,
    /// When this was written.
    pub at: DateTime<FixedOffset>,
}

impl MockDraft {
    /// How many answers have text typed.
    pub fn typed(&self) -> usize {
        self.answers
            .iter()
            .filter(|answer| !answer.answer.trim().is_empty())
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MockDraftAnswer {
    pub card: String,
    #[serde(default)]
    pub answer: String,
    /// Time spent on the question (so far, for the current one).
    #[serde(default)]
    pub duration_ms: u64,
    #[serde(default)]
    pub ticked: Vec<bool>,
    #[serde(default)]
    pub detected: Vec<usize>,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// The answer's recording, if it was given aloud: a resumed interview gets its takes
    /// back, to play and to log with the grades.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<String>,
}

impl Drafts {
    pub fn is_empty(&self) -> bool {
        self.study.is_none() && self.mock.is_none() && self.set_aside.is_empty()
    }

    /// The same drafts with what changes by itself (the time written, the timer of the
    /// question on screen) set to zero: only typing, ticks and grades make them differ.
    fn work(&self) -> Drafts {
        let mut work = self.clone();
        for study in work.study.iter_mut().chain(&mut work.set_aside) {
            study.duration_ms = 0;
            study.at = DateTime::UNIX_EPOCH.fixed_offset();
        }
        if let Some(mock) = &mut work.mock {
            mock.at = DateTime::UNIX_EPOCH.fixed_offset();
            if let Some(current) = mock.current.and_then(|index| mock.answers.get_mut(index)) {
                current.duration_ms = 0;
            }
        }
        work
    }

    /// Whether the same things are drafted (the same card, the same questions at the same
    /// point), whatever was typed in them.
    fn same_shape(&self, other: &Drafts) -> bool {
        let study = match (&self.study, &other.study) {
            (None, None) => true,
            (Some(a), Some(b)) => a.card == b.card && a.scope == b.scope,
            _ => false,
        };
        let mock = match (&self.mock, &other.mock) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a.current == b.current
                    && a.answers.len() == b.answers.len()
                    && a.answers
                        .iter()
                        .zip(&b.answers)
                        .all(|(a, b)| a.card == b.card)
            }
            _ => false,
        };
        let set_aside = self.set_aside.len() == other.set_aside.len()
            && self
                .set_aside
                .iter()
                .zip(&other.set_aside)
                .all(|(a, b)| a.card == b.card);
        study && mock && set_aside
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DraftsError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is damaged ({what}); it was kept as {} and nothing was offered back from it", path.display(), kept.display())]
    Damaged {
        path: PathBuf,
        what: String,
        kept: PathBuf,
    },
    #[error("{} is damaged ({what}) and could not be set aside ({source}); drafts will not be kept until it is moved", path.display())]
    DamagedInPlace {
        path: PathBuf,
        what: String,
        source: io::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot remove {}: {source}", path.display())]
    Remove { path: PathBuf, source: io::Error },
}

impl DraftsError {
    /// Whether writing drafts over the file would destroy something not yet set aside.
    pub fn blocks_writing(&self) -> bool {
        matches!(
            self,
            DraftsError::Read { .. } | DraftsError::DamagedInPlace { .. }
        )
    }
}

/// Reads the drafts; a missing file means none. A file that cannot be understood is
/// renamed to `drafts.json.corrupt-<stamp>` (never deleted; `stamp` from the caller, the
/// core does not read the clock) and reported.
pub fn load(path: &Path, stamp: &str) -> Result<Drafts, DraftsError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Drafts::default()),
        Err(source) => {
            return Err(DraftsError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let what = match serde_json::from_slice::<Drafts>(&bytes) {
        Ok(drafts) if drafts.format <= FORMAT => return Ok(drafts),
        Ok(drafts) => format!(
            "format {} is newer than this mensetsu reads ({FORMAT})",
            drafts.format
        ),
        Err(error) => format!(
            "line {}, column {}: {}",
            error.line(),
            error.column(),
            text::serde_message(&error, 120)
        ),
    };
    let kept = settings::set_aside_path(path, stamp);
    match std::fs::rename(path, &kept) {
        Ok(()) => Err(DraftsError::Damaged {
            path: path.to_path_buf(),
            what,
            kept,
        }),
        Err(source) => Err(DraftsError::DamagedInPlace {
            path: path.to_path_buf(),
            what,
            source,
        }),
    }
}

/// Writes the drafts (atomically, so a crash leaves the previous version or this one);
/// with nothing drafted, removes the file.
pub fn save(path: &Path, drafts: &Drafts) -> Result<(), DraftsError> {
    if drafts.is_empty() {
        return match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(DraftsError::Remove {
                path: path.to_path_buf(),
                source,
            }),
        };
    }
    let mut text = serde_json::to_string_pretty(drafts).map_err(|error| WriteError::Write {
        path: path.to_path_buf(),
        source: io::Error::other(error),
    })?;
    text.push('\n');
    Ok(files::write_atomically(path, text.as_bytes())?)
}

/// When to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The file holds this work already.
    Nothing,
    /// Typing goes on: write in this many milliseconds (unless it changes shape first).
    In(i64),
    Now,
}

/// What is in the file, and since when the work on screen has differed from it.
#[derive(Debug, Clone, Default)]
pub struct Keeper {
    written: Drafts,
    changed_at: Option<DateTime<FixedOffset>>,
}

impl Keeper {
    /// A keeper for a file that holds `on_disk`.
    pub fn new(on_disk: Drafts) -> Self {
        Self {
            written: on_disk.work(),
            changed_at: None,
        }
    }

    /// Whether `current` should be written at `now`.
    pub fn due(&mut self, current: &Drafts, now: DateTime<FixedOffset>) -> Due {
        let work = current.work();
        if work == self.written {
            self.changed_at = None;
            return Due::Nothing;
        }
        if !work.same_shape(&self.written) {
            return Due::Now;
        }
        let since = *self.changed_at.get_or_insert(now);
        let waited = (now - since).num_milliseconds();
        // A clock turned back must not hold the draft back.
        if !(0..SAVE_DELAY_MS).contains(&waited) {
            Due::Now
        } else {
            Due::In(SAVE_DELAY_MS - waited)
        }
    }

    /// `drafts` is in the file now.
    pub fn written(&mut self, drafts: &Drafts) {
        self.written = drafts.work();
        self.changed_at = None;
    }

    /// Writing failed: try again after the delay rather than on every frame.
    pub fn failed(&mut self, now: DateTime<FixedOffset>) {
        self.changed_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn sample() -> Drafts {
        Drafts {
            format: FORMAT,
            study: Some(StudyDraft {
                scope: DraftScope::Cards {
                    ids: vec!["vpoe-q01".into(), "cto-q02".into()],
                    since: at("2026-11-22T09:00:00+09:00"),
                },
                card: "vpoe-q01".into(),
                answer: "ROIで説明する\n二行目".into(),
                duration_ms: 95_000,
                recording: Some("pc-20261122T000100Z-0000beef".into()),
                at: at("2026-11-22T09:01:35+09:00"),
            }),
            mock: Some(MockDraft {
                roles: vec!["cto".into(), "vpoe".into()],
                questions: 3,
                seconds_per_answer: 120,
                answers: vec![
                    MockDraftAnswer {
                        card: "cto-q01".into(),
                        answer: "結論から話す".into(),
                        duration_ms: 30_000,
                        ticked: vec![],
                        detected: vec![],
                        rating: None,
                        recording: None,
                    },
                    MockDraftAnswer {
                        card: "cto-q05".into(),
                        answer: "Numbers first".into(),
                        duration_ms: 12_500,
                        ticked: vec![true, false],
                        detected: vec![0],
                        rating: Some(Rating::Hard),
                        recording: None,
                    },
                    MockDraftAnswer {
                        card: "vpoe-q03".into(),
                        answer: String::new(),
                        duration_ms: 0,
                        ticked: vec![],
                        detected: vec![],
                        rating: None,
                        recording: None,
                    },
                ],
                current: Some(2),
                at: at("2026-11-22T21:14:00+09:00"),
            }),
            set_aside: vec![StudyDraft {
                scope: DraftScope::Deck { id: "hoe".into() },
                card: "hoe-q02".into(),
                answer: "left for later".into(),
                duration_ms: 12_000,
                recording: None,
                at: at("2026-11-22T09:00:30+09:00"),
            }],
        }
    }

    #[test]
    fn drafts_are_saved_and_loaded_back_unchanged_and_nothing_drafted_removes_the_file() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("drafts.json");
        assert_eq!(load(&path, "x").unwrap(), Drafts::default());
        let drafts = sample();
        save(&path, &drafts).unwrap();
        assert_eq!(load(&path, "x").unwrap(), drafts);
        assert_eq!(drafts.mock.as_ref().map(MockDraft::typed), Some(2));
        // Only the file itself: the temporary file was renamed over it.
        assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 1);
        save(&path, &Drafts::default()).unwrap();
        assert!(!path.exists());
        // Removing what is not there is not an error.
        save(&path, &Drafts::default()).unwrap();
    }

    #[test]
    fn a_damaged_drafts_file_is_named_set_aside_and_not_deleted() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("drafts.json");
        let damaged = b"{\"format\": 1, \"mock\": {\"roles\": [\"cto\"";
        std::fs::write(&path, damaged).unwrap();
        let error = load(&path, "20261122-091500").unwrap_err();
        let kept = temp.path().join("drafts.json.corrupt-20261122-091500");
        assert!(matches!(&error, DraftsError::Damaged { kept: k, .. } if *k == kept));
        assert!(!error.blocks_writing());
        let message = error.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("damaged"), "{message}");
        assert!(message.contains(&kept.display().to_string()), "{message}");
        assert_eq!(std::fs::read(&kept).unwrap(), damaged);
        assert!(!path.exists());
        // After that, drafts are written and read as before.
        save(&path, &sample()).unwrap();
        assert_eq!(load(&path, "y").unwrap(), sample());
        // A later format is not misread either, and a second one gets a name of its own.
        std::fs::write(&path, b"{\"format\": 99}").unwrap();
        let error = load(&path, "20261122-091500").unwrap_err();
        assert!(error.to_string().contains("format 99"), "{error}");
        assert!(
            temp.path()
                .join("drafts.json.corrupt-20261122-091500-2")
                .exists()
        );
    }

    #[test]
    fn typing_is_written_after_a_pause_and_a_change_of_shape_at_once() {
        let start = at("2026-11-22T21:14:00+09:00");
        let mut keeper = Keeper::new(Drafts::default());
        assert_eq!(keeper.due(&Drafts::default(), start), Due::Nothing);
        // A new draft is a new shape: at once.
        let mut drafts = sample();
        assert_eq!(keeper.due(&drafts, start), Due::Now);
        keeper.written(&drafts);
        // The timer alone changes nothing.
        if let Some(mock) = &mut drafts.mock {
            mock.answers[2].duration_ms = 9_000;
            mock.at = start + Duration::seconds(9);
        }
        assert_eq!(keeper.due(&drafts, start), Due::Nothing);
        // Typing waits for the delay, counted from the first unsaved key.
        if let Some(mock) = &mut drafts.mock {
            mock.answers[2].answer.push('a');
        }
        assert_eq!(keeper.due(&drafts, start), Due::In(SAVE_DELAY_MS));
        if let Some(mock) = &mut drafts.mock {
            mock.answers[2].answer.push('b');
        }
        let later = start + Duration::milliseconds(1_500);
        assert_eq!(keeper.due(&drafts, later), Due::In(500));
        assert_eq!(
            keeper.due(&drafts, start + Duration::milliseconds(SAVE_DELAY_MS)),
            Due::Now
        );
        keeper.written(&drafts);
        // Graded: nothing drafted any more, written at once.
        assert_eq!(keeper.due(&Drafts::default(), later), Due::Now);
        // A clock turned back does not hold typing back.
        let mut keeper = Keeper::new(sample());
        let mut typed = sample();
        if let Some(study) = &mut typed.study {
            study.answer.push('!');
        }
        assert_eq!(keeper.due(&typed, start), Due::In(SAVE_DELAY_MS));
        assert_eq!(keeper.due(&typed, start - Duration::hours(1)), Due::Now);
    }
}
