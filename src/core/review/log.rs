//! The review log: append-only JSON Lines, the single source of truth for progress.
//!
//! Each device writes its own `<device-id>.jsonl`; readers merge every file by time, so a
//! data folder shared through a sync tool never has two writers on one file. A record is
//! never changed after it is written: undoing an answer appends an undo record.

use crate::core::content::deck::Lang;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::rfc3339;
use crate::core::review::scheduler::Rating;
use crate::core::text;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// One answer to one card. Read through [`parse_log`], which checks every field once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRecord {
    /// Unique across devices: `<device-id>-<sequence>`. Undo records point at it.
    pub id: String,
    pub card: String,
    /// When the answer was graded, with the local UTC offset of that moment; the offset
    /// decides which calendar day the review belongs to.
    pub at: DateTime<FixedOffset>,
    /// Written as 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: Rating,
    /// Time from showing the question to grading, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// Indices of the answer points the user ticked as covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_covered: Option<Vec<usize>>,
    /// Indices of the answer points the app detected in the typed draft when the answer
    /// was graded (before the user's own ticks), so the statistics can tell how often
    /// detection and the user agreed. Absent in logs written before detection existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_detected: Option<Vec<usize>>,
    /// How many answer points the card had when answered, so coverage stays meaningful
    /// if the deck changes later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_total: Option<usize>,
    /// The answer the user typed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Where the answer was given: absent for normal study, `"mock"` for a mock interview.
    #[serde(skip_serializing_if = "Mode::is_study")]
    pub mode: Mode,
    /// The mock interview the answer belongs to, so its summary can be rebuilt from the
    /// log alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The answer's recording and how it was spoken, when the user answered aloud.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoken: Option<Spoken>,
}

/// A recorded answer: which recording, and its figures ([`crate::core::speech`]) as they
/// were when the answer was graded, so statistics can count talk time and pace without
/// opening a file (a recording may be deleted, or not yet synced to this computer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spoken {
    /// The recording's id: its file is `recordings/<id>.wav` in the data folder.
    pub recording: String,
    /// Speaking time, from the first sound to the last, in milliseconds.
    pub speech_ms: u64,
    /// Silences inside the answer at least as long as the pause threshold.
    pub pauses: u32,
    /// Syllables (English) or morae (Japanese) a second.
    pub rate: f64,
    /// `"syllables/s"` or `"morae/s"`.
    pub unit: String,
}

/// Where an answer was given. Decides nothing about scheduling: a mock answer schedules
/// its card like any other; the mode only lets summaries find the mock interviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Normal study; the `mode` field is absent.
    #[default]
    Study,
    /// An answer in a mock interview, `"mode": "mock"`, with its `session`.
    Mock,
}

impl Mode {
    const MOCK: &str = "mock";

    pub fn is_study(&self) -> bool {
        *self == Mode::Study
    }

    /// The mode a log line names. A mode this version does not know (written by a newer
    /// one) counts as study: the answer still counts, and the line stays as it is.
    fn from_field(text: Option<&str>) -> Self {
        match text {
            Some(Self::MOCK) => Mode::Mock,
            _ => Mode::Study,
        }
    }
}

impl Serialize for Mode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Mode::Study => serializer.serialize_none(),
            Mode::Mock => serializer.serialize_str(Self::MOCK),
        }
    }
}

/// Cancels an earlier review; the review stays in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    /// The `id` of the review being undone.
    pub undo: String,
}

/// The user's personal note on a card (e.g. their own story for that question). The
/// latest note of a card is its current one; older ones stay in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub card: String,
    pub note: String,
}

/// A version of an interview the user prepares for: adding one writes its first version,
/// editing writes a new one, removing writes one with `removed`. The latest version of an
/// `interview` id (by time, as the log is merged) is its current one; older ones stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    /// Names the interview across its versions: the `id` of its first record.
    pub interview: String,
    pub name: String,
    /// The day of the interview, in the user's local calendar.
    pub date: NaiveDate,
    /// Deck ids it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decks: Vec<String>,
    /// Role ids it covers (every deck of the role, including decks added later).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

/// A change to how a card is studied, not to what the user remembers: setting it aside,
/// burying it until a later study day, or flagging it. The latest change of each kind is
/// the card's current one; an undo record can cancel a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub card: String,
    #[serde(flatten)]
    pub change: MarkChange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkChange {
    /// `"suspended": true` leaves every queue until `false` brings the card back.
    Suspended(bool),
    /// `"buried_until": "2026-11-30"`: out of the queues until that study day begins.
    BuriedUntil(NaiveDate),
    /// `"flag": 0-7`, Anki's flag colours; 0 removes the flag.
    Flag(Flag),
}

/// The highest flag number: Anki's seven colours.
pub const MAX_FLAG: u8 = 7;

/// A card's flag: 0 for none, or one of Anki's seven colours, 1-7. Only a number in
/// range gets in, so a flag from the log, the command line or the browser is checked
/// once, where it enters, and never clamped or checked again.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Flag(u8);

impl Flag {
    /// No flag.
    pub const NONE: Flag = Flag(0);
    /// None first, then the colours in number order: the browser's buttons.
    pub const ALL: [Flag; 8] = [
        Flag(0),
        Flag(1),
        Flag(2),
        Flag(3),
        Flag(4),
        Flag(5),
        Flag(6),
        Flag(7),
    ];

    pub fn number(self) -> u8 {
        self.0
    }
}

/// A flag number outside 0-7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("flag {0} is not 0-{MAX_FLAG}")]
pub struct InvalidFlag(pub u8);

impl TryFrom<u8> for Flag {
    type Error = InvalidFlag;

    fn try_from(number: u8) -> Result<Self, Self::Error> {
        if number <= MAX_FLAG {
            Ok(Flag(number))
        } else {
            Err(InvalidFlag(number))
        }
    }
}

impl From<Flag> for u8 {
    fn from(flag: Flag) -> u8 {
        flag.0
    }
}

/// A flag is equal to the number the log writes for it, so `flag == 3` reads as the log
/// does.
impl PartialEq<u8> for Flag {
    fn eq(&self, number: &u8) -> bool {
        self.0 == *number
    }
}

/// The number, as the log, the command line and the search write a flag.
impl std::fmt::Display for Flag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The number too: a flag is nothing more, and debug output of the marks stays short.
impl std::fmt::Debug for Flag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The user's own answer points on a card, in addition to the deck's (e.g. a metric from
/// their own experience). The latest list of a card is its current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPointsRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub card: String,
    pub own_points: Vec<String>,
}

/// A version of one of the user's stories (STAR: situation, task, action, result), with
/// the cards it answers. The latest version of a `story` id is its current one (same
/// times: the higher device id wins); `removed` ends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StoryRecord {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    /// Names the story across versions: the `id` of its first record.
    pub story: String,
    #[serde(flatten)]
    pub content: StoryContent,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

/// What a story says: what the user types, what a version of it logs, what the story
/// bank shows. Empty parts are left out of the log line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StoryContent {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub situation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub task: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// The language the story is told in: `ja` or `en`, absent when not stated.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "story_lang_field"
    )]
    pub lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
    /// Card ids the story answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<String>,
}

/// A story's `lang` as the log writes it. Any other text (no version of mensetsu writes
/// one) reads as a language not stated: the story still loads, as it always has.
fn story_lang(text: &str) -> Option<Lang> {
    match text {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        _ => None,
    }
}

fn story_lang_field<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Lang>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    Ok(text.as_deref().and_then(story_lang))
}

#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Review(ReviewRecord),
    Undo(UndoRecord),
    Note(NoteRecord),
    Interview(InterviewRecord),
    Mark(MarkRecord),
    OwnPoints(OwnPointsRecord),
    Story(StoryRecord),
}

impl Record {
    pub fn id(&self) -> &str {
        match self {
            Record::Review(review) => &review.id,
            Record::Undo(undo) => &undo.id,
            Record::Note(note) => &note.id,
            Record::Interview(interview) => &interview.id,
            Record::Mark(mark) => &mark.id,
            Record::OwnPoints(points) => &points.id,
            Record::Story(story) => &story.id,
        }
    }

    pub fn at(&self) -> DateTime<FixedOffset> {
        match self {
            Record::Review(review) => review.at,
            Record::Undo(undo) => undo.at,
            Record::Note(note) => note.at,
            Record::Interview(interview) => interview.at,
            Record::Mark(mark) => mark.at,
            Record::OwnPoints(points) => points.at,
            Record::Story(story) => story.at,
        }
    }

    /// The record as one log line, without the newline.
    pub fn to_line(&self) -> Result<String, serde_json::Error> {
        match self {
            Record::Review(review) => serde_json::to_string(review),
            Record::Undo(undo) => serde_json::to_string(undo),
            Record::Note(note) => serde_json::to_string(note),
            Record::Interview(interview) => serde_json::to_string(interview),
            Record::Mark(mark) => serde_json::to_string(mark),
            Record::OwnPoints(points) => serde_json::to_string(points),
            Record::Story(story) => serde_json::to_string(story),
        }
    }
}

/// Where a record came from, for messages and a stable merge order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    pub file: PathBuf,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoggedRecord {
    pub record: Record,
    pub origin: Origin,
}

/// Reads one log file's bytes. Bad lines are reported and skipped; the rest is used.
///
/// Every record in its full form: for tests, tools and the fuzzer, and as the reference
/// the compact reading ([`crate::core::review::compact::parse_log`], what the app and the
/// commands use) is
/// compared with.
pub fn parse_log(file: &Path, bytes: &[u8]) -> (Vec<LoggedRecord>, Vec<Problem>) {
    parse_in_parts(file, bytes, Block::WHOLE_FILE, |_| Vec::new())
}

/// Which part of a file [`parse_in_parts`] is given: a file can be read a block of whole
/// lines at a time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    /// The number of the block's first line in the file, counting from 1.
    pub first_line: usize,
    /// The block runs to the end of the file: its last line may be cut off.
    pub is_end: bool,
}

impl Block {
    pub const WHOLE_FILE: Block = Block {
        first_line: 1,
        is_end: true,
    };
}

/// Where [`parse_lines`] puts the records it reads.
pub(crate) trait RecordSink: Send {
    /// An answer, its texts still borrowed from the line.
    fn take_review(&mut self, file: &Path, line: usize, review: ReviewLine<'_>) {
        self.take(file, line, Record::Review(review.into_record()));
    }
    /// Any other record.
    fn take(&mut self, file: &Path, line: usize, record: Record);
    /// The records of the part read after this one, in line order.
    fn append(&mut self, later: Self);
    fn reserve(&mut self, _records: usize) {}
}

impl RecordSink for Vec<LoggedRecord> {
    fn take(&mut self, file: &Path, line: usize, record: Record) {
        self.push(LoggedRecord {
            record,
            origin: Origin {
                file: file.to_path_buf(),
                line,
            },
        });
    }

    fn append(&mut self, mut later: Self) {
        Vec::append(self, &mut later);
    }

    fn reserve(&mut self, records: usize) {
        Vec::reserve(self, records);
    }
}

/// A long log is read in parts on as many threads as there are cores (up to four), each
/// part's lines by [`parse_lines`] into a sink made by `new_sink`; the records and
/// problems come out in line order as if read in one pass. Reading the JSON is most of
/// the time it takes to load a log.
pub(crate) fn parse_in_parts<S: RecordSink>(
    file: &Path,
    bytes: &[u8],
    block: Block,
    new_sink: impl Fn(&Path) -> S + Sync,
) -> (S, Vec<Problem>) {
    // Below this many lines a thread costs more than it saves.
    const LINES_PER_THREAD: usize = 4096;
    let bytes = if block.first_line == 1 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    let ends_with_newline = bytes.last() == Some(&b'\n');
    // memchr finds the line ends many bytes at a time, where a split tests byte by byte.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        lines.push(&bytes[start..end]);
        start = end + 1;
    }
    // A block that is not the file's end stops after a line end: nothing follows it.
    if block.is_end {
        lines.push(&bytes[start..]);
    }
    let line_count = lines.len();
    let first_line = block.first_line;
    // Only the file's last line can be cut off.
    let last_line = if block.is_end {
        first_line + line_count.saturating_sub(1)
    } else {
        usize::MAX
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(line_count / LINES_PER_THREAD)
        .max(1);
    if threads == 1 {
        let mut sink = new_sink(file);
        sink.reserve(line_count);
        let problems = parse_lines(
            file,
            &lines,
            first_line,
            last_line,
            ends_with_newline,
            &mut sink,
        );
        return (sink, problems);
    }
    let part_lines = line_count.div_ceil(threads);
    let new_sink = &new_sink;
    let parts: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = lines
            .chunks(part_lines)
            .enumerate()
            .map(|(index, chunk)| {
                let first_line = first_line + index * part_lines;
                scope.spawn(move || {
                    let mut sink = new_sink(file);
                    sink.reserve(chunk.len());
                    let problems = parse_lines(
                        file,
                        chunk,
                        first_line,
                        last_line,
                        ends_with_newline,
                        &mut sink,
                    );
                    (sink, problems)
                })
            })
            .collect();
        workers.into_iter().map(|worker| worker.join()).collect()
    });
    let mut records: Option<S> = None;
    let mut problems = Vec::new();
    for part in parts {
        match part {
            // The first part's records grow to take the others (a large vector grows in
            // place), so only the later parts' records are copied.
            Ok((part_records, mut part_problems)) => {
                match records.as_mut() {
                    None => {
                        let mut first = part_records;
                        first.reserve(line_count.saturating_sub(part_lines));
                        records = Some(first);
                    }
                    Some(records) => records.append(part_records),
                }
                problems.append(&mut part_problems);
            }
            // parse_lines does not panic on any input (fuzzed); should it all the same,
            // the panic belongs to this thread, as it would without the threads.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    (records.unwrap_or_else(|| new_sink(file)), problems)
}

/// Reads `lines`, the first of which is line `first_line` (counting from 1) of a file
/// whose last line is `last_line`, into `sink`; returns the problems of the bad lines.
fn parse_lines<S: RecordSink>(
    file: &Path,
    lines: &[&[u8]],
    first_line: usize,
    last_line: usize,
    ends_with_newline: bool,
    sink: &mut S,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, raw_line) in lines.iter().enumerate() {
        let line_number = first_line + index;
        let is_last_line = line_number == last_line;
        let raw_line = raw_line.strip_suffix(b"\r").unwrap_or(raw_line);
        if raw_line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let problem = |kind: ProblemKind| Problem::error(file, kind).at_line(Some(line_number));
        if raw_line.iter().all(|byte| *byte == 0) {
            // What a power cut or a full disk can leave at the end of a file on some file
            // systems: space that was reserved but never written.
            problems.push(problem(ProblemKind::LogLineNul));
            continue;
        }
        let text = match std::str::from_utf8(raw_line) {
            Ok(text) => text,
            Err(error) => {
                problems.push(problem(ProblemKind::LogLineNotUtf8 {
                    column: error.valid_up_to() + 1,
                }));
                continue;
            }
        };
        match parse_line(text) {
            Ok(Line::Review(review)) => sink.take_review(file, line_number, review),
            Ok(Line::Other(record)) => sink.take(file, line_number, record),
            Err(detail) => problems.push(problem(ProblemKind::LogLineUnreadable {
                detail,
                cut_off: is_last_line && !ends_with_newline,
            })),
        }
    }
    problems
}

/// The fields any record may have; which ones are present decides its kind. Texts are
/// borrowed from the line where it has no escapes: an answer's id and card id are not
/// copied only to be numbered in the table and dropped.
#[derive(Deserialize)]
struct RawLine<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "rfc3339::deserialize_option")]
    at: Option<DateTime<FixedOffset>>,
    #[serde(borrow)]
    card: Option<Cow<'a, str>>,
    rating: Option<u8>,
    undo: Option<String>,
    duration_ms: Option<u64>,
    points_covered: Option<Vec<usize>>,
    points_detected: Option<Vec<usize>>,
    points_total: Option<usize>,
    #[serde(borrow)]
    answer: Option<Cow<'a, str>>,
    #[serde(borrow)]
    mode: Option<Cow<'a, str>>,
    #[serde(borrow)]
    session: Option<Cow<'a, str>>,
    spoken: Option<Spoken>,
    note: Option<String>,
    interview: Option<String>,
    name: Option<String>,
    date: Option<NaiveDate>,
    decks: Option<Vec<String>>,
    roles: Option<Vec<String>>,
    removed: Option<bool>,
    suspended: Option<bool>,
    buried_until: Option<NaiveDate>,
    flag: Option<u8>,
    own_points: Option<Vec<String>>,
    story: Option<String>,
    title: Option<String>,
    situation: Option<String>,
    task: Option<String>,
    action: Option<String>,
    result: Option<String>,
    lang: Option<String>,
    competencies: Option<Vec<String>>,
    cards: Option<Vec<String>>,
}

/// An answer as read from its line, its texts borrowed where they can be.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine<'a> {
    pub id: Cow<'a, str>,
    pub card: Cow<'a, str>,
    pub at: DateTime<FixedOffset>,
    pub rating: Rating,
    pub duration_ms: Option<u64>,
    pub points_covered: Option<Vec<usize>>,
    pub points_detected: Option<Vec<usize>>,
    pub points_total: Option<usize>,
    pub answer: Option<Cow<'a, str>>,
    pub mode: Mode,
    pub session: Option<Cow<'a, str>>,
    pub spoken: Option<Spoken>,
}

impl ReviewLine<'_> {
    pub fn into_record(self) -> ReviewRecord {
        ReviewRecord {
            id: self.id.into_owned(),
            card: self.card.into_owned(),
            at: self.at,
            rating: self.rating,
            duration_ms: self.duration_ms,
            points_covered: self.points_covered,
            points_detected: self.points_detected,
            points_total: self.points_total,
            answer: self.answer.map(Cow::into_owned),
            mode: self.mode,
            session: self.session.map(Cow::into_owned),
            spoken: self.spoken,
        }
    }
}

impl<'a> From<&'a ReviewRecord> for ReviewLine<'a> {
    fn from(review: &'a ReviewRecord) -> Self {
        ReviewLine {
            id: Cow::Borrowed(&review.id),
            card: Cow::Borrowed(&review.card),
            at: review.at,
            rating: review.rating,
            duration_ms: review.duration_ms,
            points_covered: review.points_covered.clone(),
            points_detected: review.points_detected.clone(),
            points_total: review.points_total,
            answer: review.answer.as_deref().map(Cow::Borrowed),
            mode: review.mode,
            session: review.session.as_deref().map(Cow::Borrowed),
            spoken: review.spoken.clone(),
        }
    }
}

/// A line read: an answer, or any other record in full.
pub(crate) enum Line<'a> {
    Review(ReviewLine<'a>),
    Other(Record),
}

fn parse_line(text: &str) -> Result<Line<'_>, String> {
    let raw: RawLine = serde_json::from_str(text).map_err(|error| explain(text, &error))?;
    let id = raw
        .id
        .filter(|id| !id.is_empty())
        .ok_or("record has no `id`")?;
    let at = raw.at.ok_or("record has no `at` time")?;
    if let Some(undone) = raw.undo {
        return Ok(Line::Other(Record::Undo(UndoRecord {
            id: id.into_owned(),
            at,
            undo: undone,
        })));
    }
    if let Some(interview) = raw.interview.filter(|interview| !interview.is_empty()) {
        return Ok(Line::Other(Record::Interview(InterviewRecord {
            id: id.into_owned(),
            at,
            interview,
            name: raw.name.unwrap_or_default(),
            date: raw.date.ok_or("interview record has no `date`")?,
            decks: raw.decks.unwrap_or_default(),
            roles: raw.roles.unwrap_or_default(),
            removed: raw.removed.unwrap_or(false),
        })));
    }
    if let Some(story) = raw.story.filter(|story| !story.is_empty()) {
        return Ok(Line::Other(Record::Story(StoryRecord {
            id: id.into_owned(),
            at,
            story,
            content: StoryContent {
                title: raw.title.unwrap_or_default(),
                situation: raw.situation.unwrap_or_default(),
                task: raw.task.unwrap_or_default(),
                action: raw.action.unwrap_or_default(),
                result: raw.result.unwrap_or_default(),
                lang: raw.lang.as_deref().and_then(story_lang),
                competencies: raw.competencies.unwrap_or_default(),
                cards: raw.cards.unwrap_or_default(),
            },
            removed: raw.removed.unwrap_or(false),
        })));
    }
    let card = raw
        .card
        .filter(|card| !card.is_empty())
        .ok_or("record is neither a review (no `card`), an undo, an interview nor a story")?;
    if raw.rating.is_none() {
        let change = match (raw.suspended, raw.buried_until, raw.flag) {
            (Some(suspended), None, None) => Some(MarkChange::Suspended(suspended)),
            (None, Some(day), None) => Some(MarkChange::BuriedUntil(day)),
            (None, None, Some(flag)) => Some(MarkChange::Flag(
                Flag::try_from(flag).map_err(|error| error.to_string())?,
            )),
            (None, None, None) => None,
            _ => {
                return Err(
                    "a mark record changes one thing: `suspended`, `buried_until` or `flag`"
                        .to_string(),
                );
            }
        };
        if let Some(change) = change {
            return Ok(Line::Other(Record::Mark(MarkRecord {
                id: id.into_owned(),
                at,
                card: card.into_owned(),
                change,
            })));
        }
        if let Some(own_points) = raw.own_points {
            return Ok(Line::Other(Record::OwnPoints(OwnPointsRecord {
                id: id.into_owned(),
                at,
                card: card.into_owned(),
                own_points,
            })));
        }
    }
    if let (Some(note), None) = (&raw.note, raw.rating) {
        return Ok(Line::Other(Record::Note(NoteRecord {
            id: id.into_owned(),
            at,
            card: card.into_owned(),
            note: note.clone(),
        })));
    }
    let rating = raw.rating.ok_or("review has no `rating`")?;
    let rating = Rating::try_from(rating).map_err(|invalid| invalid.to_string())?;
    Ok(Line::Review(ReviewLine {
        id,
        card,
        at,
        rating,
        duration_ms: raw.duration_ms,
        points_covered: raw.points_covered,
        points_detected: raw.points_detected,
        points_total: raw.points_total,
        answer: raw.answer,
        mode: Mode::from_field(raw.mode.as_deref()),
        session: raw.session,
        spoken: raw.spoken,
    }))
}

/// Why a line is not a log record, naming the field at fault. serde's own message names
/// no field and can mislead (`invalid type: string "3", expected u8`; `premature end of
/// input` for a time without its offset, as if the line were cut off) or quote a value
/// megabytes long, so a bad line is read again, field by field. Good lines never get
/// here: they are read in one pass by [`parse_line`].
fn explain(text: &str, error: &serde_json::Error) -> String {
    use serde_json::Value;
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(syntax) => {
            return format!(
                "not valid JSON at column {} ({})",
                syntax.column(),
                text::serde_message(&syntax, 120)
            );
        }
    };
    let Value::Object(fields) = &value else {
        return format!(
            "not a log record: expected a JSON object {{…}}, found {}",
            describe(&value)
        );
    };
    fields
        .iter()
        .find_map(|(name, value)| field_problem(name, value))
        // All fields fine one by one: something about the whole, e.g. a repeated field.
        .unwrap_or_else(|| {
            format!(
                "not a valid log record ({})",
                text::serde_message(error, 120)
            )
        })
}

/// What is wrong with one field's value, if anything. Fields this version does not know
/// are ignored, as when reading a good line; `null` counts as absent.
fn field_problem(name: &str, value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let whole = |value: &Value| value.as_u64().is_some();
    match (name, value) {
        (_, Value::Null) => None,
        (
            "id" | "card" | "undo" | "answer" | "mode" | "session" | "note" | "interview" | "name"
            | "story" | "title" | "situation" | "task" | "action" | "result" | "lang",
            Value::String(_),
        ) => None,
        (
            "id" | "card" | "undo" | "answer" | "mode" | "session" | "note" | "interview" | "name"
            | "story" | "title" | "situation" | "task" | "action" | "result" | "lang",
            _,
        ) => Some(format!(
            "`{name}` should be text in quotes, found {}",
            describe(value)
        )),
        ("date" | "buried_until", _) => serde_json::from_value::<NaiveDate>(value.clone())
            .err()
            .map(|_| {
                format!(
                    "`{name}` should be a day like 2026-12-24, found {}",
                    describe(value)
                )
            }),
        ("decks" | "roles" | "own_points" | "competencies" | "cards", Value::Array(items))
            if items.iter().all(Value::is_string) =>
        {
            None
        }
        ("decks" | "roles" | "own_points" | "competencies" | "cards", _) => Some(format!(
            "`{name}` should be a list of ids like [\"vpoe\"], found {}",
            describe(value)
        )),
        ("removed" | "suspended", Value::Bool(_)) => None,
        ("removed" | "suspended", _) => Some(format!(
            "`{name}` should be true or false, found {}",
            describe(value)
        )),
        ("flag", _) => match value.as_u64() {
            Some(flag) if flag <= u64::from(MAX_FLAG) => None,
            _ => Some(format!(
                "`flag` should be a whole number 0-{MAX_FLAG}, found {}",
                describe(value)
            )),
        },
        ("at", _) => {
            let error = serde_json::from_value::<DateTime<FixedOffset>>(value.clone()).err()?;
            // chrono's reason ("input is out of range" for month 13) helps only for text.
            let reason = match value {
                Value::String(_) => format!(" ({})", text::serde_message(&error, 120)),
                _ => String::new(),
            };
            Some(format!(
                "`at` should be a time with its UTC offset, like 2026-11-22T09:15:03+09:00, found {}{reason}",
                describe(value)
            ))
        }
        ("rating", _) => match value.as_u64() {
            Some(1..=4) => None,
            Some(rating) => Some(format!("rating {rating} is not 1-4")),
            None => Some(format!(
                "`rating` should be a whole number 1-4, found {}",
                describe(value)
            )),
        },
        ("duration_ms" | "points_total", _) if !whole(value) => Some(format!(
            "`{name}` should be a whole number of 0 or more, found {}",
            describe(value)
        )),
        ("points_covered" | "points_detected", Value::Array(items)) if items.iter().all(whole) => {
            None
        }
        ("points_covered" | "points_detected", _) => Some(format!(
            "`{name}` should be a list of answer-point numbers like [0, 2], found {}",
            describe(value)
        )),
        ("spoken", _) => serde_json::from_value::<Spoken>(value.clone()).err().map(|_| {
            format!(
                "`spoken` should be {{\"recording\": id, \"speech_ms\", \"pauses\", \"rate\", \"unit\"}}, found {}",
                describe(value)
            )
        }),
        _ => None,
    }
}

/// A JSON value as a message shows it: short values as written, long text cut.
fn describe(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => {
            let short = text::shorten(text, 40);
            serde_json::to_string(short.as_ref()).unwrap_or_else(|_| "text".to_string())
        }
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// Merges the records of several files into one timeline: by time, then by file and line
/// so that equal times always come out in the same order.
///
/// Times may go backwards within one file (a computer whose clock was turned back): the
/// merge puts every record where its time says; [`backward_times`] and
/// [`future_records`] tell the user about such times.
pub fn merge(mut records: Vec<LoggedRecord>) -> Vec<LoggedRecord> {
    let order = |a: &LoggedRecord, b: &LoggedRecord| {
        a.record
            .at()
            .cmp(&b.record.at())
            .then_with(|| a.origin.cmp(&b.origin))
    };
    // One device's log is written in time order: checking costs one pass, where the sort
    // would allocate a buffer the size of the log even for sorted input.
    if !records.is_sorted_by(|a, b| order(a, b).is_le()) {
        records.sort_by(order);
    }
    records
}

/// The records that change or take back what another record said (everything but
/// answers: marks, notes, own points, stories, interviews, undos), in the order their
/// changes take effect, for "the latest wins".
///
/// Within one file a later line wins over an earlier one whatever their times: a device
/// writes its log in the order the user acts, so an interview removed after the clock was
/// turned back an hour is still removed. Across files time decides, as in [`merge`]; a
/// record written after a clock was turned back counts there at the latest time its file
/// had reached before it.
pub fn in_edit_order(merged: &[LoggedRecord]) -> Vec<&LoggedRecord> {
    let mut edits: Vec<&LoggedRecord> = merged
        .iter()
        .filter(|logged| !matches!(logged.record, Record::Review(_)))
        .collect();
    // The common case: every file's edits already in line order by time, so time order
    // (which `merged` is in) is the effect order.
    // One entry a device: a handful, where a linear look-up beats hashing a path.
    let mut last_line_of_file: Vec<(&Path, usize)> = Vec::new();
    let in_line_order = edits.iter().all(|logged| {
        let file = logged.origin.file.as_path();
        let line = logged.origin.line;
        match last_line_of_file
            .iter_mut()
            .find(|(seen, _)| std::ptr::eq(*seen, file) || *seen == file)
        {
            Some((_, last)) => std::mem::replace(last, line) < line,
            None => {
                last_line_of_file.push((file, line));
                true
            }
        }
    });
    if in_line_order {
        return edits;
    }
    edits.sort_by(|a, b| a.origin.cmp(&b.origin));
    let mut effective: Vec<(DateTime<FixedOffset>, &LoggedRecord)> =
        Vec::with_capacity(edits.len());
    let mut latest_in_file: Option<(&Path, DateTime<FixedOffset>)> = None;
    for logged in edits {
        let at = match latest_in_file {
            Some((file, latest)) if file == logged.origin.file => latest.max(logged.record.at()),
            _ => logged.record.at(),
        };
        latest_in_file = Some((&logged.origin.file, at));
        effective.push((at, logged));
    }
    effective.sort_by(|(a_at, a), (b_at, b)| a_at.cmp(b_at).then_with(|| a.origin.cmp(&b.origin)));
    effective.into_iter().map(|(_, logged)| logged).collect()
}

/// Records of one file whose time is earlier than the record before them in that file,
/// one notice each. A device writes its log in the order it answers, so a step back in
/// time means its clock was turned back; the record is kept and merged where its time
/// says (a time-zone change is no step back: times compare as instants).
pub fn backward_times(file_records: &[LoggedRecord]) -> Vec<Problem> {
    let answered_here: Vec<&LoggedRecord> = file_records
        .iter()
        .filter(|logged| !is_imported(logged.record.id()))
        .collect();
    answered_here
        .windows(2)
        .filter(|pair| pair[1].record.at() < pair[0].record.at())
        .map(|pair| {
            let kind = ProblemKind::TimeBeforePreviousLine {
                at: pair[1].record.at().to_rfc3339(),
                previous_line: pair[0].origin.line,
                previous_at: pair[0].record.at().to_rfc3339(),
            };
            Problem::warning(&pair[1].origin.file, kind).at_line(Some(pair[1].origin.line))
        })
        .collect()
}

/// The id prefix of an answer imported from Anki (`anki:<revlog id>`); see
/// [`crate::core::anki::import`].
pub const IMPORTED_ID_PREFIX: &str = "anki:";

/// Whether a record was imported rather than answered here: it is appended when the
/// import runs, with the time the answer was given, so it comes after later lines of the
/// file without any clock having been turned back.
pub fn is_imported(id: &str) -> bool {
    id.starts_with(IMPORTED_ID_PREFIX)
}

/// How far past `now` a record may be before it is reported: clocks of computers sharing
/// a data folder differ by seconds, and that is no reason for a warning.
pub const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// Records timed later than `now` (beyond [`FUTURE_TOLERANCE_MINUTES`]), one warning each.
/// They are kept and replayed like any other: they are the user's answers, most likely
/// made on a computer whose clock was wrong, and dropping them would lose them.
pub fn future_records(records: &[LoggedRecord], now: DateTime<FixedOffset>) -> Vec<Problem> {
    let limit = now
        .checked_add_signed(chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES))
        .unwrap_or(now);
    records
        .iter()
        .filter(|logged| logged.record.at() > limit)
        .map(|logged| {
            let kind = ProblemKind::TimeInFuture {
                at: logged.record.at().to_rfc3339(),
                now: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            };
            Problem::warning(&logged.origin.file, kind).at_line(Some(logged.origin.line))
        })
        .collect()
}

/// The reviews that still count, as indices into `merged` in timeline order: undone ones
/// and repeated ids left out. An undo that points at no known review is reported, not
/// fatal.
pub fn effective_reviews(merged: &[LoggedRecord]) -> (Vec<usize>, Vec<Problem>) {
    // FxHash: this runs over every review at start (a million in the benchmark), on ids
    // from the user's own files, where SipHash's flooding resistance buys nothing.
    let undone: FxHashSet<&str> = merged
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Undo(undo) => Some(undo.undo.as_str()),
            _ => None,
        })
        .collect();
    let mut seen_ids: FxHashMap<&str, &Origin> =
        FxHashMap::with_capacity_and_hasher(merged.len(), Default::default());
    let mut problems = Vec::new();
    let mut reviews = Vec::with_capacity(merged.len());
    for (index, logged) in merged.iter().enumerate() {
        if let Record::Review(review) = &logged.record {
            if let Some(first) = seen_ids.get(review.id.as_str()) {
                // Say where the first copy is: it may be in another file (a sync tool's
                // conflict copy, a log copied by hand).
                let kind = ProblemKind::ReviewIdTwice {
                    id: review.id.clone(),
                    first: format!("{}:{}", first.file.display(), first.line),
                };
                problems.push(
                    Problem::error(&logged.origin.file, kind).at_line(Some(logged.origin.line)),
                );
                continue;
            }
            seen_ids.insert(review.id.as_str(), &logged.origin);
            if !undone.contains(review.id.as_str()) {
                reviews.push(index);
            }
        }
    }
    let unknown = unknown_undos(merged, |id| seen_ids.contains_key(id));
    let problems = unknown.into_iter().chain(problems).collect();
    (reviews, problems)
}

/// One problem per undo record in `records` that cancels neither an answer (`is_answer`
/// knows their ids) nor a mark of `records` (a suspension clicked by mistake can be
/// undone too), in log order, as the user reads them top down.
pub(crate) fn unknown_undos(
    records: &[LoggedRecord],
    is_answer: impl Fn(&str) -> bool,
) -> Vec<Problem> {
    let marks: FxHashSet<&str> = records
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Mark(mark) => Some(mark.id.as_str()),
            _ => None,
        })
        .collect();
    records
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Undo(undo)
                if !is_answer(undo.undo.as_str()) && !marks.contains(undo.undo.as_str()) =>
            {
                let kind = ProblemKind::UnknownUndo {
                    id: undo.undo.clone(),
                };
                Some(Problem::error(&logged.origin.file, kind).at_line(Some(logged.origin.line)))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review_line(id: &str, card: &str, at: &str, rating: u8) -> String {
        format!(r#"{{"id":"{id}","card":"{card}","at":"{at}","rating":{rating}}}"#)
    }

    #[test]
    fn reads_reviews_and_undos() {
        let text = format!(
            "{}\n{}\n",
            review_line("d-1", "vpoe-q01", "2026-11-22T09:00:00+09:00", 3),
            r#"{"id":"d-2","at":"2026-11-22T09:00:05+09:00","undo":"d-1"}"#
        );
        let (records, problems) = parse_log(Path::new("d.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(records.len(), 2);
        assert!(
            matches!(&records[0].record, Record::Review(r) if r.card == "vpoe-q01" && r.rating == 3)
        );
        assert!(matches!(&records[1].record, Record::Undo(u) if u.undo == "d-1"));
        assert_eq!(records[1].origin.line, 2);
    }

    #[test]
    fn cut_off_last_line_is_reported_with_its_line_and_the_rest_is_kept() {
        let full = review_line("d-1", "a", "2026-11-22T09:00:00+09:00", 3);
        let text = format!("{full}\n{}", &full[..20]);
        let (records, problems) = parse_log(Path::new("d.jsonl"), text.as_bytes());
        assert_eq!(records.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(
            problems[0].message().contains("incomplete"),
            "{}",
            problems[0]
        );
        assert!(problems[0].to_string().starts_with("d.jsonl:2: "));
    }

    #[test]
    fn bad_lines_in_the_middle_are_skipped_with_a_reason() {
        let text = format!(
            "{}\r\ngarbage\n{}\nINVALID\n{}\n",
            review_line("d-1", "a", "2026-11-22T09:00:00+09:00", 3),
            review_line("d-2", "a", "2026-11-22T09:00:00+09:00", 7),
            review_line("d-3", "a", "2026-11-22T09:01:00+09:00", 1),
        );
        let bytes: Vec<u8> = text
            .replace("INVALID", "\u{1}")
            .into_bytes()
            .into_iter()
            .map(|byte| if byte == 1 { 0xff } else { byte })
            .collect();
        let (records, problems) = parse_log(Path::new("x.jsonl"), &bytes);
        assert_eq!(records.len(), 2);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(2), Some(3), Some(4)]);
        assert!(problems[1].message().contains("rating 7 is not 1-4"));
        assert!(problems[2].message().contains("UTF-8"));
    }

    #[test]
    fn edits_take_effect_in_line_order_within_a_file_and_by_time_across_files() {
        let flag = |id: &str, at: &str, flag: u8| {
            format!(r#"{{"id":"{id}","at":"{at}","card":"c","flag":{flag}}}"#)
        };
        // The laptop's clock was turned back between its two lines.
        let (laptop, _) = parse_log(
            Path::new("a.jsonl"),
            format!(
                "{}\n{}\n{}\n",
                flag("a-1", "2026-11-22T10:00:00+09:00", 1),
                review_line("a-2", "c", "2026-11-22T10:30:00+09:00", 3),
                flag("a-3", "2026-11-22T09:00:00+09:00", 2),
            )
            .as_bytes(),
        );
        let (desktop, _) = parse_log(
            Path::new("b.jsonl"),
            format!(
                "{}\n{}\n",
                flag("b-1", "2026-11-22T09:30:00+09:00", 3),
                flag("b-2", "2026-11-22T10:15:00+09:00", 4),
            )
            .as_bytes(),
        );
        let merged = merge([laptop, desktop].concat());
        let order: Vec<&str> = in_edit_order(&merged)
            .iter()
            .map(|logged| logged.record.id())
            .collect();
        // a-3 counts at 10:00, the latest time its file had reached before it: after a-1
        // (same time, later line) and after b-1, but before b-2. Answers are no edits.
        assert_eq!(order, ["b-1", "a-1", "a-3", "b-2"]);
        // In time order already: the timeline itself.
        let (sorted, _) = parse_log(
            Path::new("a.jsonl"),
            format!(
                "{}\n{}\n",
                flag("a-1", "2026-11-22T09:00:00+09:00", 1),
                flag("a-2", "2026-11-22T10:00:00+09:00", 2),
            )
            .as_bytes(),
        );
        let order: Vec<&str> = in_edit_order(&sorted)
            .iter()
            .map(|logged| logged.record.id())
            .collect();
        assert_eq!(order, ["a-1", "a-2"]);
    }

    #[test]
    fn merge_orders_by_time_across_files_and_undo_cancels() {
        let (a, _) = parse_log(
            Path::new("a.jsonl"),
            format!(
                "{}\n{}\n",
                review_line("a-1", "c1", "2026-11-22T10:00:00+09:00", 3),
                r#"{"id":"a-2","at":"2026-11-22T10:05:00+09:00","undo":"b-1"}"#
            )
            .as_bytes(),
        );
        // 01:30Z is 10:30 in Tokyo: after a-1 although written with another offset.
        let (b, _) = parse_log(
            Path::new("b.jsonl"),
            format!(
                "{}\n{}\n",
                review_line("b-1", "c2", "2026-11-22T01:02:00+00:00", 1),
                review_line("b-2", "c2", "2026-11-22T01:30:00+00:00", 4),
            )
            .as_bytes(),
        );
        let merged = merge([b, a].concat());
        let ids: Vec<_> = merged.iter().map(|l| l.record.id()).collect();
        assert_eq!(ids, vec!["a-1", "b-1", "a-2", "b-2"]);
        let (reviews, problems) = effective_reviews(&merged);
        assert!(problems.is_empty());
        let ids: Vec<_> = reviews.iter().map(|&i| merged[i].record.id()).collect();
        assert_eq!(ids, vec!["a-1", "b-2"]);
    }

    #[test]
    fn unknown_undos_and_repeated_ids_are_reported_in_that_order_and_skipped() {
        let text = [
            review_line("a-1", "c1", "2026-11-22T10:00:00+09:00", 3),
            review_line("a-1", "c1", "2026-11-22T10:01:00+09:00", 1),
            r#"{"id":"a-2","at":"2026-11-22T10:02:00+09:00","undo":"nowhere-9"}"#.to_string(),
            review_line("a-3", "c1", "2026-11-22T10:03:00+09:00", 4),
            r#"{"id":"a-4","at":"2026-11-22T10:04:00+09:00","undo":"a-3"}"#.to_string(),
        ]
        .join("\n");
        let (records, parse_problems) = parse_log(Path::new("a.jsonl"), text.as_bytes());
        assert!(parse_problems.is_empty(), "{parse_problems:?}");
        let merged = merge(records);
        let (reviews, problems) = effective_reviews(&merged);
        let ids: Vec<_> = reviews.iter().map(|&i| merged[i].record.id()).collect();
        assert_eq!(ids, ["a-1"], "the copy of a-1 is ignored, a-3 is undone");
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "a.jsonl:3: undo of unknown review `nowhere-9`; ignored",
                "a.jsonl:2: review id `a-1` appears twice (first at a.jsonl:1); later copy ignored",
            ]
        );
    }

    #[test]
    fn a_spoken_answer_keeps_its_recording_and_figures_and_old_lines_read_as_before() {
        let spoken = r#"{"id":"a-1","card":"c","at":"2026-12-02T10:00:00+09:00","rating":3,"spoken":{"recording":"a-r1","speech_ms":95200,"pauses":3,"rate":6.75,"unit":"morae/s"}}"#;
        let old = r#"{"id":"a-2","card":"c","at":"2026-12-02T10:01:00+09:00","rating":3}"#;
        let bad = r#"{"id":"a-3","at":"2026-12-02T10:02:00+09:00","card":"c","rating":3,"spoken":{"recording":"a-r2"}}"#;
        let text = [spoken, old, bad].join("\n");
        let (records, problems) = parse_log(Path::new("a.jsonl"), text.as_bytes());
        let reviews: Vec<&ReviewRecord> = records
            .iter()
            .filter_map(|logged| match &logged.record {
                Record::Review(review) => Some(review),
                _ => None,
            })
            .collect();
        assert_eq!(reviews.len(), 2);
        let expected = Spoken {
            recording: "a-r1".to_string(),
            speech_ms: 95_200,
            pauses: 3,
            rate: 6.75,
            unit: "morae/s".to_string(),
        };
        assert_eq!(reviews[0].spoken.as_ref(), Some(&expected));
        assert_eq!(reviews[1].spoken, None);
        // Written back as read (in the order the app writes fields); an answer without a
        // recording writes no `spoken`.
        assert_eq!(serde_json::to_string(reviews[0]).unwrap(), spoken);
        assert_eq!(serde_json::to_string(reviews[1]).unwrap(), old);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("a.jsonl:3: ") && messages[0].contains("`spoken` should be"),
            "{messages:?}"
        );
    }

    #[test]
    fn notes_are_their_own_records() {
        let text =
            r#"{"id":"d-1","card":"cto-q01","at":"2026-11-22T09:00:00+09:00","note":"前職で…"}"#;
        let (records, problems) = parse_log(Path::new("d.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        assert!(matches!(&records[0].record, Record::Note(n) if n.note == "前職で…"));
        let (reviews, _) = effective_reviews(&records);
        assert!(reviews.is_empty());
    }

    #[test]
    fn records_round_trip_through_a_line() {
        let record = Record::Review(ReviewRecord {
            id: "d-9".into(),
            card: "hoe-q03".into(),
            at: DateTime::parse_from_rfc3339("2026-11-22T09:00:00.250+09:00").unwrap(),
            rating: Rating::Hard,
            duration_ms: Some(95_000),
            points_covered: Some(vec![0, 2]),
            points_detected: Some(vec![2]),
            points_total: Some(4),
            answer: Some("シャーディング\n\"quoted\"".into()),
            mode: Mode::Mock,
            session: Some("d-8".into()),
            spoken: None,
        });
        let line = record.to_line().unwrap();
        assert!(!line.contains('\n'));
        let (records, problems) = parse_log(Path::new("d.jsonl"), format!("{line}\n").as_bytes());
        assert!(problems.is_empty());
        assert_eq!(records[0].record, record);
    }

    #[test]
    fn a_story_lang_is_ja_or_en_and_anything_else_reads_as_not_stated() {
        let line = |lang: &str| {
            format!(
                r#"{{"id":"d-1","at":"2026-11-22T09:00:00+09:00","story":"d-1","title":"t"{lang}}}"#
            )
        };
        let text = [",\"lang\":\"en\"", "", ",\"lang\":\"fr\"", ",\"lang\":null"]
            .map(line)
            .join("\n");
        let (records, problems) = parse_log(Path::new("d.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let langs: Vec<Option<Lang>> = records
            .iter()
            .map(|logged| match &logged.record {
                Record::Story(story) => story.content.lang,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(langs, [Some(Lang::En), None, None, None]);
        assert_eq!(
            records[0].record.to_line().unwrap(),
            line(",\"lang\":\"en\"")
        );
        assert_eq!(records[1].record.to_line().unwrap(), line(""));
    }

    #[test]
    fn a_flag_is_0_to_7_and_written_as_its_number() {
        assert_eq!(Flag::ALL.map(u8::from), [0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(Flag::try_from(8), Err(InvalidFlag(8)));
        assert!(serde_json::from_str::<Flag>("8").is_err());
        let record = Record::Mark(MarkRecord {
            id: "d-1".into(),
            at: DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap(),
            card: "c".into(),
            change: MarkChange::Flag(Flag::ALL[3]),
        });
        let line = record.to_line().unwrap();
        assert_eq!(
            line,
            r#"{"id":"d-1","at":"2026-11-22T09:00:00+09:00","card":"c","flag":3}"#
        );
        let (records, problems) = parse_log(Path::new("d.jsonl"), format!("{line}\n").as_bytes());
        assert!(problems.is_empty());
        assert_eq!(records[0].record, record);
    }
}
