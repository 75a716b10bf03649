//! The answers of the review log as a table of fixed-size rows.
//!
//! A million answers are most of what a long-used data folder holds. Kept as parsed
//! records, each carried its id, card id and file path as strings of their own and every
//! optional field at full width: about a kilobyte an answer. Here an answer is one
//! 48-byte [`Row`]: the card id, the id's device prefix and the file are numbers into
//! tables that hold each string once, ticked answer points live in one shared list, and
//! what few answers carry beyond that (a typed draft, a mock interview's session, a value
//! too wide for its column) sits in a side table. [`ReviewRef`] gives an answer back with
//! every field as the log wrote it, and [`ReviewRef::to_record`] the record itself.
//!
//! Rows are appended in the order they are read and sorted into the timeline once
//! ([`ReviewTable::sort_into_timeline`]); a row's index is how the replay and the
//! statistics refer to its answer.

use crate::core::review::log::{Mode, Origin, ReviewLine, ReviewRecord, Spoken};
use crate::core::review::scheduler::Rating;
use chrono::{DateTime, FixedOffset};
use hashbrown::HashTable;
use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// `covered_len`/`detected_len`: no list at all.
const LIST_ABSENT: u8 = u8::MAX;
/// `covered_len`/`detected_len`: the list is longer than a row's byte, or has a number
/// too large for the shared list; it is in the row's [`Extra`].
const LIST_IN_EXTRA: u8 = u8::MAX - 1;
/// `points_total`: none written.
const TOTAL_ABSENT: u8 = u8::MAX;
/// `points_total`: too large for the row; in its [`Extra`].
const TOTAL_IN_EXTRA: u8 = u8::MAX - 1;
/// `offset_minutes`: the UTC offset is not a whole number of minutes; in its [`Extra`].
const OFFSET_IN_EXTRA: i16 = i16::MIN;
/// `kind`: the bit that marks a mock-interview answer; the rating is the low bits.
const MOCK_BIT: u8 = 0x10;
/// `duration_ms`: none written.
const DURATION_ABSENT: u32 = u32::MAX;
/// `duration_ms`: too large for the row (over 49 days); in its [`Extra`].
const DURATION_IN_EXTRA: u32 = u32::MAX - 1;
/// `extra`: the answer has nothing beyond its row.
const NO_EXTRA: u32 = u32::MAX;
/// `prefix`: the id is not `<prefix>-<number>`; `number` indexes `odd_ids`.
const ODD_ID: u16 = u16::MAX;

/// One answer. Field order keeps it at 48 bytes.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// When: seconds and nanoseconds since the Unix epoch, and the UTC offset the log
    /// wrote, which gives back the time exactly as written.
    seconds: i64,
    nanos: u32,
    /// The number of an id `<prefix>-<number>`, or the index into `odd_ids`.
    number: u32,
    card: u32,
    file: u32,
    line: u32,
    duration_ms: u32,
    /// Where the ticked points start in `points`; the detected ones follow them.
    points_start: u32,
    extra: u32,
    offset_minutes: i16,
    prefix: u16,
    points_total: u8,
    covered_len: u8,
    detected_len: u8,
    /// The rating (1-4), and [`MOCK_BIT`] for a mock-interview answer.
    kind: u8,
}

impl Row {
    fn rating(&self) -> Rating {
        Rating::try_from(self.kind & 0x0F).unwrap_or(Rating::Good)
    }

    fn mode(&self) -> Mode {
        if self.kind & MOCK_BIT != 0 {
            Mode::Mock
        } else {
            Mode::Study
        }
    }

    /// The instant alone, for ordering: what comparing the times compares.
    fn instant(&self) -> (i64, u32) {
        (self.seconds, self.nanos)
    }
}

/// What a row has no room for. Typed drafts and mock answers have one; plain answers
/// none.
#[derive(Debug, Clone, Default)]
struct Extra {
    answer: Option<Box<str>>,
    session: Option<Box<str>>,
    duration_ms: Option<u64>,
    points_total: Option<usize>,
    /// A UTC offset in seconds that is not whole minutes (no version writes one).
    offset_seconds: Option<i32>,
    covered: Option<Box<[usize]>>,
    detected: Option<Box<[usize]>>,
    spoken: Option<Box<Spoken>>,
}

/// Strings kept once each, numbered in the order they first came: one text holding them
/// all, where each ends, and a hash table of their numbers. A hundred thousand card ids
/// cost their bytes and 12 bytes each, where a map from `Arc<str>` cost about 90.
#[derive(Debug, Clone, Default)]
struct Interner {
    text: String,
    /// Where string `n` ends in `text`; it starts where string `n - 1` ends.
    ends: Vec<usize>,
    numbers: HashTable<u32>,
}

fn hash_of(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// String `number` of an interner's `text` and `ends`.
fn nth<'a>(text: &'a str, ends: &[usize], number: u32) -> &'a str {
    let number = number as usize;
    let start = match number.checked_sub(1) {
        Some(previous) => ends.get(previous).copied().unwrap_or(0),
        None => 0,
    };
    let end = ends.get(number).copied().unwrap_or(start);
    text.get(start..end).unwrap_or("")
}

impl Interner {
    fn number(&mut self, text: &str) -> u32 {
        let hash = hash_of(text);
        if let Some(&number) = self
            .numbers
            .find(hash, |&number| nth(&self.text, &self.ends, number) == text)
        {
            return number;
        }
        let number = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(text);
        self.ends.push(self.text.len());
        let (all, ends) = (&self.text, &self.ends);
        self.numbers
            .insert_unique(hash, number, |&number| hash_of(nth(all, ends, number)));
        number
    }

    fn find(&self, text: &str) -> Option<u32> {
        self.numbers
            .find(hash_of(text), |&number| {
                nth(&self.text, &self.ends, number) == text
            })
            .copied()
    }

    fn get(&self, number: u32) -> &str {
        nth(&self.text, &self.ends, number)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every string, in number order.
    fn strings(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|number| self.get(u32::try_from(number).unwrap_or(u32::MAX)))
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        let (all, ends) = (&self.text, &self.ends);
        self.numbers
            .shrink_to_fit(|&number| hash_of(nth(all, ends, number)));
    }
}

/// An answer's id as the log wrote it, without a string of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReviewId<'a> {
    /// The device part, or the whole id when it is not `<prefix>-<number>`.
    prefix: &'a str,
    number: Option<u64>,
}

impl std::fmt::Display for ReviewId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.number {
            Some(number) => write!(f, "{}-{number}", self.prefix),
            None => f.write_str(self.prefix),
        }
    }
}

impl PartialEq<str> for ReviewId<'_> {
    fn eq(&self, text: &str) -> bool {
        match self.number {
            None => self.prefix == text,
            Some(number) => {
                text.strip_prefix(self.prefix)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .and_then(canonical_number)
                    == Some(number)
            }
        }
    }
}

impl PartialEq<&str> for ReviewId<'_> {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

/// The number of `digits` if it is written as Rust writes that number (no sign, no
/// leading zero), so that the id comes back byte for byte.
fn canonical_number(digits: &str) -> Option<u64> {
    let number: u64 = digits.parse().ok()?;
    let canonical = digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    canonical.then_some(number)
}

/// How an id is keyed for finding repeats and undos: its prefix number and its number.
/// Odd ids have the prefix [`ODD_ID`] and their index in `odd_ids`, which holds each
/// once, so equal ids have equal keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdKey {
    prefix: u16,
    number: u64,
}

/// Ticked or detected answer points as the log wrote them.
#[derive(Debug, Clone, Copy)]
pub enum PointList<'a> {
    Narrow(&'a [u32]),
    Wide(&'a [usize]),
}

impl<'a> PointList<'a> {
    pub fn contains(&self, point: usize) -> bool {
        match self {
            PointList::Narrow(points) => {
                u32::try_from(point).is_ok_and(|point| points.contains(&point))
            }
            PointList::Wide(points) => points.contains(&point),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            PointList::Narrow(points) => points.len(),
            PointList::Wide(points) => points.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(self) -> impl Iterator<Item = usize> + 'a {
        let (narrow, wide): (&'a [u32], &'a [usize]) = match self {
            PointList::Narrow(points) => (points, &[]),
            PointList::Wide(points) => (&[], points),
        };
        narrow
            .iter()
            .map(|&point| point as usize)
            .chain(wide.iter().copied())
    }

    pub fn to_vec(self) -> Vec<usize> {
        self.iter().collect()
    }
}

/// One answer of the table, every field as the log wrote it.
#[derive(Debug, Clone, Copy)]
pub struct ReviewRef<'a> {
    pub id: ReviewId<'a>,
    pub card: &'a str,
    pub at: DateTime<FixedOffset>,
    pub rating: Rating,
    pub duration_ms: Option<u64>,
    pub points_covered: Option<PointList<'a>>,
    pub points_detected: Option<PointList<'a>>,
    pub points_total: Option<usize>,
    pub answer: Option<&'a str>,
    pub mode: Mode,
    pub session: Option<&'a str>,
    pub spoken: Option<&'a Spoken>,
}

impl ReviewRef<'_> {
    /// The answer as a record of its own, e.g. to write it or compare it.
    pub fn to_record(&self) -> ReviewRecord {
        ReviewRecord {
            id: self.id.to_string(),
            card: self.card.to_string(),
            at: self.at,
            rating: self.rating,
            duration_ms: self.duration_ms,
            points_covered: self.points_covered.map(|points| points.to_vec()),
            points_detected: self.points_detected.map(|points| points.to_vec()),
            points_total: self.points_total,
            answer: self.answer.map(str::to_string),
            mode: self.mode,
            session: self.session.map(str::to_string),
            spoken: self.spoken.cloned(),
        }
    }
}

/// The answers of a log, compactly; see the module's comment.
#[derive(Debug, Clone, Default)]
pub struct ReviewTable {
    rows: Vec<Row>,
    cards: Interner,
    prefixes: Interner,
    odd_ids: Interner,
    files: Vec<PathBuf>,
    file_numbers: FxHashMap<PathBuf, u32>,
    points: Vec<u32>,
    extras: Vec<Extra>,
}

impl ReviewTable {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn reserve(&mut self, answers: usize) {
        self.rows.reserve(answers);
    }

    /// Gives back what was reserved beyond the answers held.
    pub fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.cards.shrink_to_fit();
        self.points.shrink_to_fit();
        self.extras.shrink_to_fit();
    }

    /// How many different card ids the answers name.
    pub fn card_count(&self) -> usize {
        self.cards.len()
    }

    /// The number of a card id in this table, if any answer names it.
    pub fn card_number(&self, card: &str) -> Option<u32> {
        self.cards.find(card)
    }

    /// The card id of a number from [`ReviewTable::card_number`] or
    /// [`ReviewTable::card_of`].
    pub fn card_id(&self, number: u32) -> &str {
        self.cards.get(number)
    }

    /// The card number of the answer at `row`.
    pub fn card_of(&self, row: usize) -> Option<u32> {
        self.rows.get(row).map(|row| row.card)
    }

    pub fn rating_of(&self, row: usize) -> Option<Rating> {
        self.rows.get(row).map(Row::rating)
    }

    pub fn at_of(&self, row: usize) -> Option<DateTime<FixedOffset>> {
        self.rows.get(row).map(|row| self.at(row))
    }

    /// The latest time of any answer, or `None` without answers. Rows are in the
    /// timeline, so it is the last row's.
    pub fn last_at(&self) -> Option<DateTime<FixedOffset>> {
        self.rows.last().map(|row| self.at(row))
    }

    /// The row's time as the log wrote it.
    fn at(&self, row: &Row) -> DateTime<FixedOffset> {
        let offset_seconds = if row.offset_minutes == OFFSET_IN_EXTRA {
            self.extras
                .get(row.extra as usize)
                .and_then(|extra| extra.offset_seconds)
                .unwrap_or(0)
        } else {
            i32::from(row.offset_minutes) * 60
        };
        let utc = DateTime::from_timestamp(row.seconds, row.nanos).unwrap_or_default();
        match FixedOffset::east_opt(offset_seconds) {
            Some(offset) => utc.with_timezone(&offset),
            None => utc.fixed_offset(),
        }
    }

    /// Where the answer at `row` was read (or written).
    pub fn origin_of(&self, row: usize) -> Option<Origin> {
        let row = self.rows.get(row)?;
        Some(Origin {
            file: self.file_path(row.file).to_path_buf(),
            line: row.line as usize,
        })
    }

    pub fn line_of(&self, row: usize) -> Option<usize> {
        self.rows.get(row).map(|row| row.line as usize)
    }

    pub fn file_of(&self, row: usize) -> Option<&Path> {
        self.rows.get(row).map(|row| self.file_path(row.file))
    }

    fn file_path(&self, file: u32) -> &Path {
        self.files
            .get(file as usize)
            .map_or(Path::new(""), PathBuf::as_path)
    }

    pub(crate) fn file_number(&mut self, file: &Path) -> u32 {
        if let Some(&number) = self.file_numbers.get(file) {
            return number;
        }
        let number = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
        self.files.push(file.to_path_buf());
        self.file_numbers.insert(file.to_path_buf(), number);
        number
    }

    /// The key of the answer at `row`'s id.
    pub fn id_key_of(&self, row: usize) -> Option<IdKey> {
        self.rows.get(row).map(|row| IdKey {
            prefix: row.prefix,
            number: u64::from(row.number),
        })
    }

    /// The key an id written as `id` would have in this table; `None` when no answer can
    /// have it (its device or odd id is unknown here). A key says nothing of whether an
    /// answer has it: [`ReviewTable::id_key_of`] gives the keys answers have.
    pub fn find_id(&self, id: &str) -> Option<IdKey> {
        if let Some((prefix, digits)) = id.rsplit_once('-')
            && let Some(number) = canonical_number(digits)
            // A number too large for a row was kept as an odd id.
            && u32::try_from(number).is_ok()
            && let Some(prefix) = self.prefixes.find(prefix)
            && let Ok(prefix) = u16::try_from(prefix)
            && prefix != ODD_ID
        {
            return Some(IdKey { prefix, number });
        }
        self.odd_ids.find(id).map(|index| IdKey {
            prefix: ODD_ID,
            number: u64::from(index),
        })
    }

    /// How many different id prefixes (devices) the answers have, and for each the
    /// highest number: what a bitmap of the ids needs.
    pub(crate) fn id_ranges(&self) -> Vec<u64> {
        let mut highest = vec![0u64; self.prefixes.len()];
        for row in &self.rows {
            if let Some(slot) = highest.get_mut(row.prefix as usize) {
                *slot = (*slot).max(u64::from(row.number));
            }
        }
        highest
    }

    /// The key's parts, for a bitmap by prefix: `None` for an odd id.
    pub(crate) fn key_parts(key: IdKey) -> Option<(usize, u64)> {
        (key.prefix != ODD_ID).then_some((key.prefix as usize, key.number))
    }

    /// The answer at `row`, every field as written.
    pub fn get<'a>(&'a self, row: usize) -> Option<ReviewRef<'a>> {
        let row = self.rows.get(row)?;
        let extra = self.extras.get(row.extra as usize);
        let id = if row.prefix == ODD_ID {
            ReviewId {
                prefix: self.odd_ids.get(row.number),
                number: None,
            }
        } else {
            ReviewId {
                prefix: self.prefixes.get(u32::from(row.prefix)),
                number: Some(u64::from(row.number)),
            }
        };
        let start = row.points_start as usize;
        let covered_width = match row.covered_len {
            LIST_ABSENT | LIST_IN_EXTRA => 0,
            len => len as usize,
        };
        let points: &[u32] = &self.points;
        let list = |len: u8, from: usize, in_extra: Option<&'a [usize]>| match len {
            LIST_ABSENT => None,
            LIST_IN_EXTRA => Some(PointList::Wide(in_extra.unwrap_or(&[]))),
            len => points.get(from..from + len as usize).map(PointList::Narrow),
        };
        Some(ReviewRef {
            id,
            card: self.cards.get(row.card),
            at: self.at(row),
            rating: row.rating(),
            duration_ms: match row.duration_ms {
                DURATION_ABSENT => None,
                DURATION_IN_EXTRA => extra.and_then(|extra| extra.duration_ms),
                duration => Some(u64::from(duration)),
            },
            points_covered: list(
                row.covered_len,
                start,
                extra.and_then(|extra| extra.covered.as_deref()),
            ),
            points_detected: list(
                row.detected_len,
                start + covered_width,
                extra.and_then(|extra| extra.detected.as_deref()),
            ),
            points_total: match row.points_total {
                TOTAL_ABSENT => None,
                TOTAL_IN_EXTRA => extra.and_then(|extra| extra.points_total),
                total => Some(usize::from(total)),
            },
            answer: extra.and_then(|extra| extra.answer.as_deref()),
            mode: row.mode(),
            session: extra.and_then(|extra| extra.session.as_deref()),
            spoken: extra.and_then(|extra| extra.spoken.as_deref()),
        })
    }

    /// Every answer, in row order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = ReviewRef<'_>> + '_ {
        (0..self.rows.len()).map(move |row| {
            self.get(row)
                .unwrap_or_else(|| unreachable!("rows are indexed within their length"))
        })
    }

    /// Appends an answer read at `origin`; returns its row.
    pub fn push(&mut self, review: &ReviewRecord, origin: &Origin) -> usize {
        let file = self.file_number(&origin.file);
        self.push_in(&ReviewLine::from(review), file, origin.line)
    }

    /// [`ReviewTable::push`] for a file already numbered by [`ReviewTable::file_number`]:
    /// a file's lines are read one after another, and its path is looked up once.
    pub(crate) fn push_in(&mut self, review: &ReviewLine<'_>, file: u32, line: usize) -> usize {
        let card = self.cards.number(&review.card);
        // An id whose number is too large for the row, or one device too many, is kept
        // whole, as an odd id.
        let (prefix, number) = match review
            .id
            .rsplit_once('-')
            .and_then(|(prefix, digits)| Some((prefix, canonical_number(digits)?)))
            .and_then(|(prefix, number)| Some((prefix, u32::try_from(number).ok()?)))
        {
            Some((prefix, number)) => match u16::try_from(self.prefixes.number(prefix)) {
                Ok(prefix) if prefix != ODD_ID => (prefix, number),
                _ => (ODD_ID, self.odd_ids.number(&review.id)),
            },
            None => (ODD_ID, self.odd_ids.number(&review.id)),
        };
        let mut extra = Extra {
            answer: review.answer.as_deref().map(Box::from),
            session: review.session.as_deref().map(Box::from),
            spoken: review.spoken.clone().map(Box::new),
            ..Extra::default()
        };
        let duration_ms = match review.duration_ms {
            None => DURATION_ABSENT,
            Some(duration) => match u32::try_from(duration) {
                Ok(duration) if duration < DURATION_IN_EXTRA => duration,
                _ => {
                    extra.duration_ms = Some(duration);
                    DURATION_IN_EXTRA
                }
            },
        };
        let offset_seconds = review.at.offset().local_minus_utc();
        let offset_minutes = match i16::try_from(offset_seconds / 60) {
            Ok(minutes) if offset_seconds % 60 == 0 && minutes != OFFSET_IN_EXTRA => minutes,
            _ => {
                extra.offset_seconds = Some(offset_seconds);
                OFFSET_IN_EXTRA
            }
        };
        let points_total = match review.points_total {
            None => TOTAL_ABSENT,
            Some(total) => match u8::try_from(total) {
                Ok(total) if total < TOTAL_IN_EXTRA => total,
                _ => {
                    extra.points_total = Some(total);
                    TOTAL_IN_EXTRA
                }
            },
        };
        let points_start = u32::try_from(self.points.len()).unwrap_or(u32::MAX);
        let mut list = |points: &Option<Vec<usize>>, spill: &mut Option<Box<[usize]>>| -> u8 {
            let Some(points) = points else {
                return LIST_ABSENT;
            };
            let narrow: Option<Vec<u32>> = points
                .iter()
                .map(|&point| u32::try_from(point).ok())
                .collect();
            match narrow {
                Some(narrow) if narrow.len() < usize::from(LIST_IN_EXTRA) => {
                    self.points.extend_from_slice(&narrow);
                    narrow.len() as u8
                }
                _ => {
                    *spill = Some(points.clone().into_boxed_slice());
                    LIST_IN_EXTRA
                }
            }
        };
        let covered_len = list(&review.points_covered, &mut extra.covered);
        let detected_len = list(&review.points_detected, &mut extra.detected);
        let has_extra = extra.answer.is_some()
            || extra.session.is_some()
            || extra.spoken.is_some()
            || extra.duration_ms.is_some()
            || extra.points_total.is_some()
            || extra.offset_seconds.is_some()
            || extra.covered.is_some()
            || extra.detected.is_some();
        let extra = if has_extra {
            self.extras.push(extra);
            u32::try_from(self.extras.len() - 1).unwrap_or(NO_EXTRA)
        } else {
            NO_EXTRA
        };
        let utc = review.at.to_utc();
        self.rows.push(Row {
            seconds: utc.timestamp(),
            nanos: utc.timestamp_subsec_nanos(),
            number,
            card,
            file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            duration_ms,
            points_start,
            extra,
            offset_minutes,
            prefix,
            points_total,
            covered_len,
            detected_len,
            kind: u8::from(review.rating)
                | if review.mode == Mode::Mock {
                    MOCK_BIT
                } else {
                    0
                },
        });
        self.rows.len() - 1
    }

    /// Moves every answer of `other` to the end of this table, its strings numbered
    /// anew in this one.
    pub fn append(&mut self, other: ReviewTable) {
        if self.rows.is_empty() && self.files.is_empty() {
            *self = other;
            return;
        }
        let cards: Vec<u32> = other
            .cards
            .strings()
            .map(|card| self.cards.number(card))
            .collect();
        let prefixes: Vec<u32> = other
            .prefixes
            .strings()
            .map(|prefix| self.prefixes.number(prefix))
            .collect();
        let odd_ids: Vec<u32> = other
            .odd_ids
            .strings()
            .map(|id| self.odd_ids.number(id))
            .collect();
        let files: Vec<u32> = other
            .files
            .iter()
            .map(|file| self.file_number(file))
            .collect();
        let points_shift = u32::try_from(self.points.len()).unwrap_or(u32::MAX);
        let extras_shift = u32::try_from(self.extras.len()).unwrap_or(u32::MAX);
        self.points.extend_from_slice(&other.points);
        self.extras.extend(other.extras);
        self.rows.reserve(other.rows.len());
        for mut row in other.rows {
            row.card = cards.get(row.card as usize).copied().unwrap_or(u32::MAX);
            row.file = files.get(row.file as usize).copied().unwrap_or(u32::MAX);
            if row.prefix == ODD_ID {
                row.number = odd_ids
                    .get(row.number as usize)
                    .copied()
                    .unwrap_or(u32::MAX);
            } else {
                let renumbered = prefixes.get(row.prefix as usize).copied();
                match renumbered.and_then(|prefix| u16::try_from(prefix).ok()) {
                    Some(prefix) if prefix != ODD_ID => row.prefix = prefix,
                    // More devices than a row can number: keep the id whole.
                    _ => {
                        let id = format!(
                            "{}-{}",
                            other.prefixes.get(u32::from(row.prefix)),
                            row.number
                        );
                        row.prefix = ODD_ID;
                        row.number = self.odd_ids.number(&id);
                    }
                }
            }
            row.points_start = row.points_start.saturating_add(points_shift);
            if row.extra != NO_EXTRA {
                row.extra = row.extra.saturating_add(extras_shift);
            }
            self.rows.push(row);
        }
    }

    /// Sorts the rows into the timeline: by time, then by file and line, as
    /// [`crate::core::review::log::merge`] orders records. Returns whether any row moved.
    pub fn sort_into_timeline(&mut self) -> bool {
        let files = &self.files;
        let order = |a: &Row, b: &Row| {
            a.instant().cmp(&b.instant()).then_with(|| {
                let by_file = if a.file == b.file {
                    std::cmp::Ordering::Equal
                } else {
                    files.get(a.file as usize).cmp(&files.get(b.file as usize))
                };
                by_file.then(a.line.cmp(&b.line))
            })
        };
        if self.rows.is_sorted_by(|a, b| order(a, b).is_le()) {
            return false;
        }
        self.rows.sort_by(order);
        true
    }

    /// The rows of one file in line order, as `(row, line, at)`; for the check of times
    /// that go back within a file. Rows must not be sorted into the timeline yet.
    /// Whether the answer at `row` was imported ([`crate::core::review::log::is_imported`]).
    /// Only an odd id can be, so a numbered one is not looked up.
    pub(crate) fn is_imported(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|found| {
            found.prefix == ODD_ID
                && crate::core::review::log::is_imported(self.odd_ids.get(found.number))
        })
    }

    pub(crate) fn rows_of_file(
        &self,
        file: &Path,
    ) -> impl Iterator<Item = (usize, usize, DateTime<FixedOffset>)> + '_ {
        let number = self.file_numbers.get(file).copied();
        self.rows
            .iter()
            .enumerate()
            .filter(move |(_, row)| Some(row.file) == number)
            .map(|(index, row)| (index, row.line as usize, self.at(row)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn record(id: &str, card: &str) -> ReviewRecord {
        ReviewRecord {
            id: id.to_string(),
            card: card.to_string(),
            at: DateTime::parse_from_rfc3339("2026-11-20T09:00:00.123+09:00").unwrap(),
            rating: Rating::Good,
            duration_ms: None,
            points_covered: None,
            points_detected: None,
            points_total: None,
            answer: None,
            mode: Mode::Study,
            session: None,
            spoken: None,
        }
    }

    fn origin(line: usize) -> Origin {
        Origin {
            file: PathBuf::from("pc.jsonl"),
            line,
        }
    }

    #[test]
    fn a_row_is_48_bytes() {
        assert_eq!(std::mem::size_of::<Row>(), 48);
    }

    #[test]
    fn every_field_comes_back_as_written_including_the_odd_ones() {
        let mut plain = record("pc-12", "vpoe-q01");
        plain.duration_ms = Some(42_000);
        plain.points_covered = Some(vec![2, 0]);
        plain.points_total = Some(5);
        let mut odd = record("pc-012", "vpoe-q02");
        odd.duration_ms = Some(u64::MAX);
        odd.points_covered = Some(vec![usize::MAX, 1]);
        odd.points_detected = Some((0..300).collect());
        odd.points_total = Some(70_000);
        odd.answer = Some("下書き".to_string());
        odd.mode = Mode::Mock;
        odd.session = Some("pc-9".to_string());
        let mut empty_lists = record("no-dash", "vpoe-q01");
        empty_lists.points_covered = Some(Vec::new());
        empty_lists.points_detected = Some(vec![1]);
        empty_lists.duration_ms = Some(0);
        // An id number too large for a row, a UTC offset of odd seconds, nanoseconds.
        let mut huge_number = record("pc-5000000000", "vpoe-q01");
        huge_number.at = FixedOffset::east_opt(-(3 * 3600 + 1))
            .unwrap()
            .with_ymd_and_hms(2026, 11, 20, 9, 0, 0)
            .unwrap()
            + chrono::Duration::nanoseconds(123_456_789);
        huge_number.points_total = Some(254);
        let records = [
            plain,
            odd,
            empty_lists,
            huge_number,
            record("pc--1", "x"),
            record("-7", ""),
        ];
        let mut table = ReviewTable::default();
        for (line, review) in records.iter().enumerate() {
            table.push(review, &origin(line + 1));
        }
        for (row, review) in records.iter().enumerate() {
            let got = table.get(row).unwrap();
            assert_eq!(&got.to_record(), review);
            assert_eq!(got.id, *review.id.as_str());
            assert_eq!(table.find_id(&review.id), table.id_key_of(row));
            assert_eq!(table.origin_of(row), Some(origin(row + 1)));
        }
        let keys: Vec<_> = (0..table.len()).map(|row| table.id_key_of(row)).collect();
        for absent in ["pc-13", "pc-0012", "laptop-1", "odd"] {
            let key = table.find_id(absent);
            assert!(key.is_none() || !keys.contains(&key), "{absent}");
        }
    }

    #[test]
    fn appending_renumbers_the_other_tables_strings() {
        let mut first = ReviewTable::default();
        first.push(&record("a-1", "card-1"), &origin(1));
        let mut second = ReviewTable::default();
        let mut drafted = record("b-1", "card-2");
        drafted.answer = Some("draft".to_string());
        drafted.points_covered = Some(vec![3]);
        second.push(&drafted, &origin(1));
        second.push(&record("odd", "card-1"), &origin(2));
        first.append(second);
        assert_eq!(first.len(), 3);
        assert_eq!(first.get(1).unwrap().to_record(), drafted);
        assert_eq!(first.get(2).unwrap().card, "card-1");
        assert_eq!(first.card_count(), 2);
        assert_eq!(first.find_id("odd"), first.id_key_of(2));
    }
}
