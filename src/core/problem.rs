//! One shape for everything found wrong while loading a data folder: a deck that does not
//! parse, a log line that cannot be read, a setting out of range, reviews of a card no
//! deck has. Each names its file and, where the file allows, the line and column, so the
//! app, the commands and the tests all show and count problems the same way.
//!
//! What went wrong is a [`ProblemKind`] with its parameters, not a sentence: `Display`
//! gives the English the commands print, and the interface says it in its own language
//! (`ui::messages`).

use crate::core::sync::names::SyncTool;
use std::fmt;
use std::path::PathBuf;

/// How much a problem cost the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was left out: a deck, a card, a log line, a setting's value.
    Error,
    /// Kept and used, but worth knowing: a time in the future, a clock turned back,
    /// reviews of a card no deck has.
    Warning,
}

/// A problem with a file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based; only with a line.
    pub column: Option<usize>,
    /// Boxed, so a `Result` that fails with a problem stays small as kinds grow.
    pub kind: Box<ProblemKind>,
    pub severity: Severity,
}

impl Problem {
    /// Something in `file` that was left out.
    pub fn error(file: impl Into<PathBuf>, kind: impl Into<ProblemKind>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            kind: Box::new(kind.into()),
            severity: Severity::Error,
        }
    }

    /// Something in `file` that was kept but looks wrong.
    pub fn warning(file: impl Into<PathBuf>, kind: impl Into<ProblemKind>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, kind)
        }
    }

    /// What is wrong, in English, without the place.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }

    /// The same problem at a line; `None` or 0 (serde's "no line") leaves it unplaced.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line.filter(|line| *line > 0);
        self
    }

    pub fn at_column(mut self, column: Option<usize>) -> Self {
        self.column = column.filter(|column| *column > 0);
        self
    }
}

impl Problem {
    /// `file:line:column`, as much of it as is known.
    pub fn place(&self) -> String {
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                place.push_str(&format!(":{column}"));
            }
        }
        place
    }
}

/// `file:line:column: message`, the form compilers use, so editors and terminals can jump
/// to the place.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.kind)
    }
}

/// A card as a deck problem names it: by its id, or by its number when it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardName {
    /// 1-based.
    Number(usize),
    Id(String),
}

impl fmt::Display for CardName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardName::Number(number) => write!(f, "card {number}"),
            CardName::Id(id) => write!(f, "card `{id}`"),
        }
    }
}

/// What happened to a damaged settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAside {
    /// Renamed to this path.
    KeptAs(PathBuf),
    /// The rename failed, for this reason.
    Failed(String),
    /// Left where it is: a read-only window or a command never renames.
    LeftAsIs,
}

/// What is wrong, with what the message needs to say it in any language. The English
/// words are the ones `mensetsu check` and the other commands print.
///
/// Texts from elsewhere (an operating system's error, serde's description of bad JSON)
/// are carried as they come, in English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    // Reading files and folders.
    #[error("cannot read: {error}")]
    CannotRead { error: String },
    #[error("cannot read the decks folder: {error}")]
    CannotReadDecksFolder { error: String },
    #[error("cannot read the reviews folder: {error}")]
    CannotReadReviewsFolder { error: String },
    #[error("not valid UTF-8 text; save the file as UTF-8")]
    NotUtf8,

    // A deck file.
    /// JSON syntax; `detail` is serde's description.
    #[error("invalid JSON: {detail}")]
    InvalidJson { detail: String },
    #[error("invalid JSON: the file ends before the deck is complete (is it cut off?)")]
    DeckCutOff,
    /// Valid JSON but not a deck; `detail` says which field (see `content::deck`).
    #[error("wrong deck format: {detail}")]
    WrongDeckFormat { detail: String },
    #[error(
        "deck format {found} is newer than this version of mensetsu understands ({supported}); update mensetsu"
    )]
    DeckFormatTooNew { found: u32, supported: u32 },
    #[error("deck `id` is empty")]
    EmptyDeckId,
    #[error("deck `title` has no text in any language")]
    UntitledDeck,
    #[error("deck has no cards")]
    NoCards,
    /// `number` is 1-based.
    #[error("card {number} has an empty `id`")]
    EmptyCardId { number: usize },
    #[error("duplicate card id `{id}`{}", first_line.map(|line| format!(" (first at line {line})")).unwrap_or_default())]
    DuplicateCardId {
        id: String,
        first_line: Option<usize>,
    },
    #[error("{card} has an empty question")]
    EmptyQuestion { card: CardName },
    #[error("{card} has answer points from its own guide and `no_points` saying it has none")]
    PointsAndNoPoints { card: CardName },
    /// `point` is 1-based.
    #[error("{card}: answer point {point} is empty")]
    EmptyPoint { card: CardName, point: usize },
    /// `other` is the file of the deck that has the id.
    #[error("deck id `{id}` is already used by {other}; deck skipped")]
    DeckIdTaken { id: String, other: String },
    #[error("duplicate card id `{id}`: already used in {other}; card skipped")]
    CardIdTaken { id: String, other: String },

    // The settings file.
    #[error("cannot read ({error}); using default settings")]
    SettingsUnreadable { error: String },
    /// `detail` is serde's description, in the user's words for numbers.
    #[error("{}", damaged_settings(detail, set_aside))]
    SettingsDamaged { detail: String, set_aside: SetAside },
    /// `kind` names what a valid value is ("an hour"); without it, the range does.
    #[error("{field} {value} is {}; using {default}", kind.map_or_else(|| format!("outside {span}"), |kind| format!("not {kind} ({span})")))]
    SettingOutOfRange {
        field: &'static str,
        value: String,
        kind: Option<&'static str>,
        span: String,
        default: String,
    },
    #[error("{field} must be steps of 1 second to {max_minutes} minutes; using {default}")]
    BadSteps {
        field: &'static str,
        max_minutes: String,
        default: String,
    },
    #[error("fsrs_parameters rejected ({error}); using FSRS-6's defaults")]
    FsrsParametersRejected { error: String },
    #[error("scheduling settings rejected ({error}); using the defaults")]
    SchedulingRejected { error: String },

    // A review log.
    #[error("only NUL bytes (left by a power cut or a full disk); line skipped")]
    LogLineNul,
    #[error("not valid UTF-8 (first bad byte at column {column}); line skipped")]
    LogLineNotUtf8 { column: usize },
    /// `detail` is the reader's English: which field is wrong, or the JSON error.
    /// `cut_off`: the file's last line, with no newline after it.
    #[error("{}", unreadable_log_line(detail, *cut_off))]
    LogLineUnreadable { detail: String, cut_off: bool },
    /// Times as RFC 3339 text.
    #[error(
        "time {at} is earlier than line {previous_line} ({previous_at}); kept and placed by its time, but the computer's clock was probably turned back"
    )]
    TimeBeforePreviousLine {
        at: String,
        previous_line: usize,
        previous_at: String,
    },
    #[error(
        "time {at} is later than now ({now}); kept, but the clock of the computer that wrote it was probably wrong"
    )]
    TimeInFuture { at: String, now: String },
    /// `first` is `file:line` of the first copy.
    #[error("review id `{id}` appears twice (first at {first}); later copy ignored")]
    ReviewIdTwice { id: String, first: String },
    #[error("undo of unknown review `{id}`; ignored")]
    UnknownUndo { id: String },
    #[error(
        "{count} review(s) of card `{card}`, which no deck has; they are kept in the log and count again if the deck returns"
    )]
    OrphanReviews { count: usize, card: String },

    // A file changed on two computers between syncs (`core::sync`); the problem is said
    // of the file under its own name, `copy` is the sync tool's second version.
    /// `more`: how many other versions of the same file there are besides `copy`.
    #[error(
        "changed on two computers; the other version is {} (kept by {tool}){}; choose with Resolve… on the decks screen or `mensetsu conflicts resolve`",
        copy.display(),
        if *more > 0 { format!(", and {more} more version(s) of this file wait after it") } else { String::new() }
    )]
    ChangedOnTwoComputers {
        copy: PathBuf,
        tool: SyncTool,
        more: usize,
    },
    #[error(
        "changed on two computers, but the other version {} (kept by {tool}) cannot be read ({detail}); keeping this version moves it into conflicts/resolved",
        copy.display()
    )]
    ConflictCopyDamaged {
        copy: PathBuf,
        tool: SyncTool,
        detail: String,
    },
    /// A review log has one writer, so a second version means two computers share `device`.
    #[error(
        "written by two computers with the same device id `{device}` ({tool} kept the other's version as {}; its records are read too, each once); give one of them its own id: on it, delete the file `device-id` in mensetsu's config folder (~/.config/mensetsu/device-id on Linux) or set MENSETSU_DEVICE_ID to a new id, and start mensetsu again",
        copy.display()
    )]
    LogWrittenByTwoComputers {
        copy: PathBuf,
        tool: SyncTool,
        device: String,
    },
    #[error(
        "git left a merge unfinished here (lines starting <<<<<<<, =======, >>>>>>>); keep one side's lines, remove the markers and commit"
    )]
    GitConflictMarkers,

    /// A problem no kind names yet, in English in every language.
    #[error("{0}")]
    Other(String),
}

fn unreadable_log_line(detail: &str, cut_off: bool) -> String {
    if cut_off {
        format!(
            "last line is incomplete (the app was probably stopped while writing it): {detail}; line skipped"
        )
    } else {
        format!("{detail}; line skipped")
    }
}

fn damaged_settings(detail: &str, set_aside: &SetAside) -> String {
    match set_aside {
        SetAside::KeptAs(aside) => format!(
            "settings file is damaged ({detail}); it was kept as {} and default settings are used",
            aside.display()
        ),
        SetAside::Failed(error) => format!(
            "settings file is damaged ({detail}) and could not be set aside ({error}); default settings are used and will not be saved over it"
        ),
        SetAside::LeftAsIs => format!(
            "settings file is damaged ({detail}); default settings are used and the file is left as it is (the mensetsu window that has this data folder sets it aside)"
        ),
    }
}

impl From<String> for ProblemKind {
    fn from(message: String) -> Self {
        ProblemKind::Other(message)
    }
}

impl From<&str> for ProblemKind {
    fn from(message: &str) -> Self {
        ProblemKind::Other(message.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_with_as_much_of_the_place_as_is_known() {
        let problem = Problem::error("decks/a.json", "bad");
        assert_eq!(problem.to_string(), "decks/a.json: bad");
        let problem = problem.at_line(Some(3));
        assert_eq!(problem.to_string(), "decks/a.json:3: bad");
        assert_eq!(
            problem.at_column(Some(7)).to_string(),
            "decks/a.json:3:7: bad"
        );
        let unplaced = Problem::warning("r.jsonl", "x").at_line(Some(0));
        assert_eq!(unplaced.to_string(), "r.jsonl: x");
        assert_eq!(unplaced.severity, Severity::Warning);
    }
}
