//! Anki packages: reading `.apkg`/`.colpkg` files into mensetsu's decks and review
//! records, and writing a deck with its scheduling and history as an `.apkg`.
//!
//! - [`package`]: the zip, with limits on what it may hold (a zip bomb, a path that leaves
//!   the folder), and the collection inside it, zstd-compressed in the current format.
//! - [`collection`]: the SQLite collection, in Anki's current schema (18) or the legacy
//!   one (11), read into [`AnkiCollection`]; a collection written in the legacy schema.
//! - [`import`]: what a package would add here, before anything is written.
//! - [`export`]: mensetsu's decks and log as a collection for Anki.
//!
//! Nothing here reads the clock or writes a file: the caller passes `now` and writes the
//! bytes.

pub mod collection;
pub mod export;
pub mod import;
pub mod package;

use std::path::PathBuf;

/// A collection as Anki stores it, with only what mensetsu uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnkiCollection {
    pub decks: Vec<AnkiDeck>,
    pub notetypes: Vec<AnkiNotetype>,
    pub notes: Vec<AnkiNote>,
    pub cards: Vec<AnkiCard>,
    pub revlog: Vec<AnkiReview>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnkiDeck {
    pub id: i64,
    /// The full name, its levels joined with `::` as Anki shows them.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnkiNotetype {
    pub id: i64,
    pub name: String,
    /// Field names in order.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnkiNote {
    pub id: i64,
    pub guid: String,
    pub notetype: i64,
    pub tags: Vec<String>,
    pub fields: Vec<String>,
}

/// A card with its scheduling as Anki's `cards` table has it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiCard {
    pub id: i64,
    pub note: i64,
    pub deck: i64,
    /// Which template of the note type made it.
    pub ord: i64,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub kind: i64,
    /// 0 new, 1 learning, 2 review, 3 day-learning; negative when suspended or buried.
    pub queue: i64,
    /// New: position; learning: epoch seconds; review: days since the collection's day 0.
    pub due: i64,
    pub interval: i64,
    pub factor: i64,
    pub reps: i64,
    pub lapses: i64,
    pub left: i64,
    /// JSON; FSRS keeps the memory state here (`s`, `d`, `dr`).
    pub data: String,
}

/// One line of Anki's `revlog`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnkiReview {
    /// The answer's time in milliseconds since 1970 (UTC), unique in a collection.
    pub id: i64,
    pub card: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for a manual change.
    pub ease: i64,
    /// Days if positive, seconds if negative, as Anki writes it.
    pub interval: i64,
    pub last_interval: i64,
    pub factor: i64,
    /// Milliseconds on the answer.
    pub time_ms: i64,
    pub kind: RevlogKind,
}

/// `revlog.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevlogKind {
    Learn,
    Review,
    Relearn,
    /// An answer in a filtered (cram) deck.
    Filtered,
    /// Rescheduled or reset by hand; no answer.
    Manual,
    /// A later Anki's kind: read, never counted as an answer.
    Other(i64),
}

impl RevlogKind {
    pub fn from_number(number: i64) -> Self {
        match number {
            0 => RevlogKind::Learn,
            1 => RevlogKind::Review,
            2 => RevlogKind::Relearn,
            3 => RevlogKind::Filtered,
            4 => RevlogKind::Manual,
            other => RevlogKind::Other(other),
        }
    }

    pub fn number(self) -> i64 {
        match self {
            RevlogKind::Learn => 0,
            RevlogKind::Review => 1,
            RevlogKind::Relearn => 2,
            RevlogKind::Filtered => 3,
            RevlogKind::Manual => 4,
            RevlogKind::Other(other) => other,
        }
    }
}

/// Why a package cannot be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum AnkiError {
    #[error("{}: cannot read it: {detail}", file.display())]
    Read { file: PathBuf, detail: String },
    #[error("{}: the package is {size} bytes; mensetsu reads packages of up to {limit} bytes (media are not imported: export the deck from Anki without media)", file.display())]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    /// `detail` is the zip library's words, for a bug report: the message leaves them out.
    #[error("{}: not an Anki package (it is not a zip file, or a damaged one; export it from Anki again)", file.display())]
    NotZip { file: PathBuf, detail: String },
    #[error("{}: the zip has {count} entries; an Anki package has at most {limit}", file.display())]
    TooManyEntries {
        file: PathBuf,
        count: usize,
        limit: usize,
    },
    #[error("{}: the zip entry `{name}` is named with an absolute path or `..`; refused", file.display())]
    UnsafeEntry { file: PathBuf, name: String },
    #[error("{}: no collection in the package (none of collection.anki21b, collection.anki21, collection.anki2)", file.display())]
    NoCollection { file: PathBuf },
    #[error("{}: `{entry}` would expand to more than {limit} bytes; refused (a zip bomb, or a collection far larger than any deck)", file.display())]
    Bomb {
        file: PathBuf,
        entry: String,
        limit: u64,
    },
    #[error("{}: `{entry}` cannot be unpacked: {detail}", file.display())]
    Unpack {
        file: PathBuf,
        entry: String,
        detail: String,
    },
    #[error("{}: `{entry}` is not a readable Anki collection: {detail}", file.display())]
    Collection {
        file: PathBuf,
        entry: String,
        detail: String,
    },
    #[error("cannot write the Anki package: {0}")]
    Write(String),
}

/// Whether `path` names an Anki package (`.apkg`, `.colpkg`): how the import panel and
/// `mensetsu import` tell one from a deck file or a guide.
pub fn is_package(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("apkg") || extension.eq_ignore_ascii_case("colpkg")
    })
}

/// Reads the package at `path`: the collection entry it came from, and the collection.
pub fn read_package(path: &std::path::Path) -> Result<(&'static str, AnkiCollection), AnkiError> {
    let unpacked = package::read_path(path)?;
    let collection = collection::read(path, unpacked.entry, &unpacked.sqlite)?;
    Ok((unpacked.entry, collection))
}

/// What the package at `path` would add to `loaded` (its decks, user decks folder and
/// log), before anything is written. `offset_at` as in [`import::plan`].
pub fn preview(
    path: &std::path::Path,
    loaded: &crate::core::collection::Collection,
    offset_at: &dyn Fn(i64) -> chrono::FixedOffset,
) -> Result<import::Plan, AnkiError> {
    let (entry, anki) = read_package(path)?;
    Ok(import::plan(
        path,
        entry,
        &anki,
        loaded.decks(),
        &loaded.data_dir().decks_dir(),
        loaded.log(),
        offset_at,
    ))
}
