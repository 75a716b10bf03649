//! The review log read compactly: its answers into a [`ReviewTable`] as each line is
//! parsed, its other records in full, and what the log's readers derive from the two
//! lists (which answers count, times that go back, times in the future) with the same
//! results, in the same order, as the functions of [`log`] on records in full.

use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::log::{
    self, Block, FUTURE_TOLERANCE_MINUTES, LoggedRecord, Origin, Record, RecordSink, ReviewLine,
};
use crate::core::review::table::{IdKey, ReviewTable};
use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Read;
use std::path::Path;

/// One log file read compactly: its answers as a table, its other records in full, and
/// the problems of its bad lines, as [`log::parse_log`] reads them.
pub fn parse_log(file: &Path, bytes: &[u8]) -> (ReviewTable, Vec<LoggedRecord>, Vec<Problem>) {
    let (part, problems) = log::parse_in_parts(file, bytes, Block::WHOLE_FILE, CompactPart::new);
    (part.reviews, part.others, problems)
}

/// [`parse_log`] on a file read a block of whole lines at a time: a long log is never
/// in memory as text (112 MB for a million answers) beside the table it becomes.
pub fn read_log(file: &Path) -> std::io::Result<(ReviewTable, Vec<LoggedRecord>, Vec<Problem>)> {
    // Large enough that each block keeps the parser's threads busy, small beside the log.
    read_log_in_blocks(file, 8 << 20)
}

/// [`read_log`] with blocks of `block_bytes` (at least 1).
fn read_log_in_blocks(
    file: &Path,
    block_bytes: u64,
) -> std::io::Result<(ReviewTable, Vec<LoggedRecord>, Vec<Problem>)> {
    let block_bytes = block_bytes.max(1);
    let mut reader = std::fs::File::open(file)?;
    let size = reader.metadata().map_or(0, |metadata| metadata.len());
    let mut whole = CompactPart::new(file);
    let mut problems = Vec::new();
    let mut buffer: Vec<u8> = Vec::new();
    let mut first_line = 1;
    let mut bytes_done: u64 = 0;
    loop {
        let read = (&mut reader).take(block_bytes).read_to_end(&mut buffer)?;
        let is_end = (read as u64) < block_bytes;
        let block_len = if is_end {
            buffer.len()
        } else {
            match memchr::memrchr(b'\n', &buffer) {
                Some(last_newline) => last_newline + 1,
                // One line longer than a block: read on until it ends.
                None => continue,
            }
        };
        let block = Block { first_line, is_end };
        let (part, mut part_problems) =
            log::parse_in_parts(file, &buffer[..block_len], block, CompactPart::new);
        if bytes_done == 0 && !is_end && block_len > 0 {
            // The first block tells how long a line is: room for the whole file's answers
            // at once, rather than doubling (and copying) the table as it grows.
            let lines = memchr::memchr_iter(b'\n', &buffer[..block_len])
                .count()
                .max(1);
            let expected = size / (block_len as u64 / lines as u64).max(1);
            whole.reserve(usize::try_from(expected + expected / 16).unwrap_or(0));
        }
        first_line += memchr::memchr_iter(b'\n', &buffer[..block_len]).count();
        bytes_done += block_len as u64;
        whole.append(part);
        problems.append(&mut part_problems);
        if is_end {
            break;
        }
        buffer.drain(..block_len);
    }
    whole.reviews.shrink_to_fit();
    whole.others.shrink_to_fit();
    Ok((whole.reviews, whole.others, problems))
}

/// Answers into a table, the rest in full.
struct CompactPart {
    reviews: ReviewTable,
    /// The file's number in `reviews`.
    file: u32,
    others: Vec<LoggedRecord>,
}

impl CompactPart {
    fn new(file: &Path) -> Self {
        let mut reviews = ReviewTable::default();
        let file = reviews.file_number(file);
        Self {
            reviews,
            file,
            others: Vec::new(),
        }
    }
}

impl RecordSink for CompactPart {
    fn take_review(&mut self, _file: &Path, line: usize, review: ReviewLine<'_>) {
        self.reviews.push_in(&review, self.file, line);
    }

    fn take(&mut self, file: &Path, line: usize, record: Record) {
        match record {
            Record::Review(review) => {
                self.reviews
                    .push_in(&ReviewLine::from(&review), self.file, line);
            }
            record => self.others.push(LoggedRecord {
                record,
                origin: Origin {
                    file: file.to_path_buf(),
                    line,
                },
            }),
        }
    }

    fn reserve(&mut self, records: usize) {
        self.reviews.reserve(records);
    }

    fn append(&mut self, later: Self) {
        self.reviews.append(later.reviews);
        let mut others = later.others;
        self.others.append(&mut others);
    }
}

/// [`log::backward_times`] for one file read compactly: its answers (`reviews` holds only this
/// file, not yet sorted into the timeline) and its other records, in line order.
pub fn backward_times(file: &Path, reviews: &ReviewTable, others: &[LoggedRecord]) -> Vec<Problem> {
    let answers = reviews
        .rows_of_file(file)
        .filter(|(row, _, _)| !reviews.is_imported(*row))
        .map(|(_, line, at)| (line, at));
    let edits = others
        .iter()
        .map(|logged| (logged.origin.line, logged.record.at()));
    // Both are in line order: merge them into the file's order.
    let mut answers = answers.peekable();
    let mut edits = edits.peekable();
    let in_file_order = std::iter::from_fn(|| match (answers.peek(), edits.peek()) {
        (Some(answer), Some(edit)) if edit.0 < answer.0 => edits.next(),
        (Some(_), _) => answers.next(),
        (None, _) => edits.next(),
    });
    let mut problems = Vec::new();
    let mut previous: Option<(usize, DateTime<FixedOffset>)> = None;
    for (line, at) in in_file_order {
        if let Some((previous_line, previous_at)) = previous
            && at < previous_at
        {
            let kind = ProblemKind::TimeBeforePreviousLine {
                at: at.to_rfc3339(),
                previous_line,
                previous_at: previous_at.to_rfc3339(),
            };
            problems.push(Problem::warning(file, kind).at_line(Some(line)));
        }
        previous = Some((line, at));
    }
    problems
}

/// [`log::future_records`] over a log read compactly, in the order of the timeline.
pub fn future_records(
    reviews: &ReviewTable,
    others: &[LoggedRecord],
    now: DateTime<FixedOffset>,
) -> Vec<Problem> {
    let limit = now
        .checked_add_signed(chrono::Duration::minutes(FUTURE_TOLERANCE_MINUTES))
        .unwrap_or(now);
    // Rows are in time order: only the last ones can be late.
    let first_late = reviews.len()
        - (0..reviews.len())
            .rev()
            .take_while(|&row| reviews.at_of(row).is_some_and(|at| at > limit))
            .count();
    let late_answers = (first_late..reviews.len())
        .filter_map(|row| Some((reviews.at_of(row)?, reviews.origin_of(row)?)));
    let late_edits = others
        .iter()
        .filter(|logged| logged.record.at() > limit)
        .map(|logged| (logged.record.at(), logged.origin.clone()));
    let mut late: Vec<(DateTime<FixedOffset>, Origin)> = late_answers.chain(late_edits).collect();
    late.sort();
    late.into_iter()
        .map(|(at, origin)| {
            let kind = ProblemKind::TimeInFuture {
                at: at.to_rfc3339(),
                now: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            };
            Problem::warning(&origin.file, kind).at_line(Some(origin.line))
        })
        .collect()
}

/// Which answer ids have been seen, for [`effective_rows`]: a bitmap per device when the
/// ids' numbers are dense (they count up from 1 on each device), a hash set when not.
enum SeenIds {
    Bitmaps {
        by_prefix: Vec<Vec<u64>>,
        odd: FxHashSet<IdKey>,
    },
    Set(FxHashSet<IdKey>),
}

impl SeenIds {
    fn for_table(reviews: &ReviewTable) -> Self {
        let highest = reviews.id_ranges();
        let bits: u64 = highest.iter().map(|&high| high.saturating_add(1)).sum();
        // A bitmap up to 64 bits an answer costs at most what the set would.
        let rows = reviews.len() as u64;
        if bits <= rows.saturating_mul(64).max(1 << 16) {
            let by_prefix = highest
                .iter()
                .map(|&high| vec![0u64; usize::try_from(high / 64 + 1).unwrap_or(0)])
                .collect();
            SeenIds::Bitmaps {
                by_prefix,
                odd: FxHashSet::default(),
            }
        } else {
            SeenIds::Set(FxHashSet::with_capacity_and_hasher(
                reviews.len(),
                Default::default(),
            ))
        }
    }

    /// Records `key`; false if it was seen before.
    fn insert(&mut self, key: IdKey) -> bool {
        match self {
            SeenIds::Bitmaps { by_prefix, odd } => match ReviewTable::key_parts(key) {
                Some((prefix, number)) => {
                    let word = usize::try_from(number / 64).ok();
                    match word.and_then(|word| by_prefix.get_mut(prefix)?.get_mut(word)) {
                        Some(word) => {
                            let bit = 1u64 << (number % 64);
                            let new = *word & bit == 0;
                            *word |= bit;
                            new
                        }
                        None => odd.insert(key),
                    }
                }
                None => odd.insert(key),
            },
            SeenIds::Set(set) => set.insert(key),
        }
    }

    fn contains(&self, key: IdKey) -> bool {
        match self {
            SeenIds::Bitmaps { by_prefix, odd } => match ReviewTable::key_parts(key) {
                Some((prefix, number)) => {
                    let word = usize::try_from(number / 64).ok();
                    match word.and_then(|word| by_prefix.get(prefix)?.get(word)) {
                        Some(word) => *word & (1u64 << (number % 64)) != 0,
                        None => odd.contains(&key),
                    }
                }
                None => odd.contains(&key),
            },
            SeenIds::Set(set) => set.contains(&key),
        }
    }
}

/// [`log::effective_reviews`] over a log read compactly: the rows of the answers that still
/// count, in timeline order, with the same problems in the same order.
pub fn effective_rows(reviews: &ReviewTable, others: &[LoggedRecord]) -> (Vec<u32>, Vec<Problem>) {
    let undone: FxHashSet<IdKey> = others
        .iter()
        .filter_map(|logged| match &logged.record {
            Record::Undo(undo) => reviews.find_id(&undo.undo),
            _ => None,
        })
        .collect();
    let mut seen = SeenIds::for_table(reviews);
    // Where each id first appears; made only if some id repeats (a log copied whole, say).
    let mut first_rows: Option<FxHashMap<IdKey, usize>> = None;
    let mut problems = Vec::new();
    let mut effective = Vec::with_capacity(reviews.len());
    for row in 0..reviews.len() {
        let Some(key) = reviews.id_key_of(row) else {
            continue;
        };
        if !seen.insert(key) {
            let first_rows = first_rows.get_or_insert_with(|| {
                let mut first_rows = FxHashMap::default();
                for row in 0..reviews.len() {
                    if let Some(key) = reviews.id_key_of(row) {
                        first_rows.entry(key).or_insert(row);
                    }
                }
                first_rows
            });
            let first = first_rows.get(&key).copied().unwrap_or(row);
            // Say where the first copy is: it may be in another file (a sync tool's
            // conflict copy, a log copied by hand).
            let first_file = reviews.file_of(first).unwrap_or(Path::new(""));
            let kind = ProblemKind::ReviewIdTwice {
                id: reviews
                    .get(row)
                    .map(|review| review.id.to_string())
                    .unwrap_or_default(),
                first: format!(
                    "{}:{}",
                    first_file.display(),
                    reviews.line_of(first).unwrap_or(0)
                ),
            };
            let file = reviews.file_of(row).unwrap_or(Path::new(""));
            problems.push(Problem::error(file, kind).at_line(reviews.line_of(row)));
            continue;
        }
        if !undone.contains(&key) {
            effective.push(u32::try_from(row).unwrap_or(u32::MAX));
        }
    }
    let unknown = log::unknown_undos(others, |id| {
        reviews.find_id(id).is_some_and(|key| seen.contains(key))
    });
    let problems = unknown.into_iter().chain(problems).collect();
    (effective, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_read_in_blocks_reads_as_the_whole_file_does() {
        let review = |id: usize, at: &str| {
            format!(
                r#"{{"id":"pc-{id}","card":"vpoe-q0{}","at":"{at}","rating":3}}"#,
                id % 3
            )
        };
        let mut text = String::from("\u{feff}");
        for id in 1..=40 {
            text.push_str(&review(id, "2026-11-20T09:00:00+09:00"));
            // Windows line ends, a blank line, a bad line and a very long draft.
            text.push_str(if id % 7 == 0 { "\r\n\n" } else { "\n" });
            if id == 20 {
                text.push_str("{not json\n");
                let draft = "長".repeat(500);
                text.push_str(&format!(
                    r#"{{"id":"pc-99","card":"x","at":"2026-11-20T09:00:00+09:00","rating":2,"answer":"{draft}"}}"#
                ));
                text.push('\n');
            }
        }
        text.push_str(r#"{"id":"pc-41","card":"#);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pc.jsonl");
        std::fs::write(&path, &text).unwrap();
        let (table, others, problems) = parse_log(&path, text.as_bytes());
        assert_eq!(table.len(), 41);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let expected: Vec<_> = table.iter().map(|review| review.to_record()).collect();
        for block in [1, 2, 7, 64, 333, 4096, 1 << 20] {
            let (read, read_others, read_problems) = read_log_in_blocks(&path, block).unwrap();
            let got: Vec<_> = read.iter().map(|review| review.to_record()).collect();
            assert_eq!(got, expected, "blocks of {block}");
            let lines = |table: &ReviewTable| -> Vec<_> {
                (0..table.len()).map(|row| table.origin_of(row)).collect()
            };
            assert_eq!(lines(&read), lines(&table), "blocks of {block}");
            assert_eq!(read_others, others);
            assert_eq!(read_problems, problems, "blocks of {block}");
        }
    }
}
