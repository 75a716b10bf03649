//! The data folder on disk: the lock, this device's review log, reading all logs, and
//! daily backups.
//!
//! Writes only ever append to this device's log; nothing here rewrites or deletes a line
//! the user produced.

use crate::core::files::{self, Readers};
use crate::core::paths::DataDir;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::review::compact;
use crate::core::review::log::{self, LoggedRecord, Origin, Record};
use crate::core::review::table::ReviewTable;
use crate::core::sync::conflicts::{self, FileKind};
use crate::core::sync::log_copies;
use chrono::NaiveDate;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// How many daily backups are kept; older ones are removed when a new one is made.
pub const BACKUPS_KEPT: usize = 7;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the data folder {0} is in use by another mensetsu window or command; close it and try again"
    )]
    Locked(PathBuf),
    #[error("cannot write the review: {0}")]
    Serialize(#[from] serde_json::Error),
    #[error("`{0}` cannot be a device id: use letters, digits, `-` and `_` only")]
    BadDeviceId(String),
}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

/// All review records of a data folder, merged into one timeline: the answers in a
/// compact table, the other records (undos, notes, marks, stories, interviews) in full.
/// Each list is in timeline order; [`LogSnapshot::records`] interleaves them.
#[derive(Debug, Default, Clone)]
pub struct LogSnapshot {
    pub reviews: ReviewTable,
    pub others: Vec<LoggedRecord>,
    pub problems: Vec<Problem>,
}

/// Where [`LogSnapshot::push`] put a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    /// An answer, at this row of the table.
    Review(usize),
    Other,
}

impl LogSnapshot {
    /// A snapshot of records in full (a test's, a tool's), merged into the timeline.
    pub fn from_records(records: Vec<LoggedRecord>, problems: Vec<Problem>) -> Self {
        let mut snapshot = Self {
            problems,
            ..Self::default()
        };
        for logged in records {
            snapshot.push(logged);
        }
        snapshot.merge();
        snapshot
    }

    /// Adds a record at the end of its list, where it stays until [`LogSnapshot::merge`].
    pub fn push(&mut self, logged: LoggedRecord) -> Pushed {
        match logged.record {
            Record::Review(review) => Pushed::Review(self.reviews.push(&review, &logged.origin)),
            record => {
                self.others.push(LoggedRecord {
                    record,
                    origin: logged.origin,
                });
                Pushed::Other
            }
        }
    }

    /// Puts both lists into timeline order (time, then file and line).
    pub fn merge(&mut self) {
        self.reviews.sort_into_timeline();
        self.others = log::merge(std::mem::take(&mut self.others));
    }

    /// The latest time of any record.
    pub fn last_at(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let last_other = self.others.last().map(|logged| logged.record.at());
        self.reviews.last_at().max(last_other)
    }

    /// How many records of every kind.
    pub fn len(&self) -> usize {
        self.reviews.len() + self.others.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every record in full, in timeline order: for tests and tools. It copies the
    /// whole log; the app reads [`LogSnapshot::reviews`] and [`LogSnapshot::others`].
    pub fn records(&self) -> Vec<LoggedRecord> {
        let answers = (0..self.reviews.len()).filter_map(|row| {
            Some(LoggedRecord {
                record: Record::Review(self.reviews.get(row)?.to_record()),
                origin: self.reviews.origin_of(row)?,
            })
        });
        log::merge(answers.chain(self.others.iter().cloned()).collect())
    }
}

/// Reads every `*.jsonl` in the reviews folder (a missing folder is an empty log).
pub fn read_all_logs(reviews_dir: &Path) -> LogSnapshot {
    let mut snapshot = LogSnapshot::default();
    let entries = match fs::read_dir(reviews_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return snapshot,
        Err(error) => {
            snapshot.problems.push(Problem::error(
                reviews_dir,
                ProblemKind::CannotReadReviewsFolder {
                    error: error.to_string(),
                },
            ));
            return snapshot;
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        match compact::read_log(&file) {
            Ok((reviews, mut others, mut problems)) => {
                problems.extend(compact::backward_times(&file, &reviews, &others));
                snapshot.reviews.append(reviews);
                snapshot.others.append(&mut others);
                snapshot.problems.append(&mut problems);
            }
            Err(error) => snapshot.problems.push(Problem::error(
                &file,
                ProblemKind::CannotRead {
                    error: error.to_string(),
                },
            )),
        }
    }
    snapshot.merge();
    // A sync tool's copy of a log (two computers given one device id) is rare: its
    // records are sorted out in full, and the log is made compact again after.
    if !conflicts::in_folder(reviews_dir, FileKind::ReviewLog).is_empty() {
        let mut records = snapshot.records();
        let mut problems = std::mem::take(&mut snapshot.problems);
        log_copies::read_once(reviews_dir, &mut records, &mut problems);
        snapshot = LogSnapshot::from_records(records, problems);
    }
    snapshot
}

/// An open data folder: holds the lock for as long as it lives, so a second process
/// cannot append to the same device log at the same time.
#[derive(Debug)]
pub struct Store {
    dir: DataDir,
    device_id: String,
    log_path: PathBuf,
    log: File,
    next_sequence: u64,
    /// Lines in this device's log so far, so a new record knows its line number.
    lines: usize,
    made_private: Option<String>,
    // Kept open: the OS releases the lock when the file is closed or the process dies,
    // so a crash never leaves a stale lock behind.
    _lock: File,
}

impl Store {
    /// Opens (creating if needed) the data folder for this device.
    pub fn open(dir: DataDir, device_id: &str) -> Result<Self, StoreError> {
        if device_id.is_empty()
            || !device_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(StoreError::BadDeviceId(device_id.to_string()));
        }
        let reviews_dir = dir.reviews_dir();
        files::create_folder(&reviews_dir, Readers::OnlyTheUser)
            .map_err(io_error(&reviews_dir, "cannot create"))?;
        let lock_path = dir.root().join(".lock");
        let lock = files::new_file_options(Readers::OnlyTheUser)
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_error(&lock_path, "cannot open the lock file"))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(dir.root().to_path_buf()));
            }
            Err(fs::TryLockError::Error(error)) => {
                return Err(io_error(&lock_path, "cannot lock")(error));
            }
        }
        // Only the window that owns the folder tightens it: a read-only command or a
        // second window changes nothing.
        let made_private = files::make_private(dir.root())
            .map_err(io_error(dir.root(), "cannot make private"))?
            .map(|(before, after)| {
                format!(
                    "the data folder {} could be read by other users of this computer \
                     (mode {before:o}); it is now private to you (mode {after:o})",
                    dir.root().display()
                )
            });
        let log_path = reviews_dir.join(format!("{device_id}.jsonl"));
        let mut log = files::new_file_options(Readers::OnlyTheUser)
            .create(true)
            .read(true)
            .append(true)
            .open(&log_path)
            .map_err(io_error(&log_path, "cannot open the review log"))?;
        let (next_sequence, lines) = scan_log(&mut log, &log_path, device_id)?;
        Ok(Self {
            dir,
            device_id: device_id.to_string(),
            log_path,
            log,
            next_sequence,
            lines,
            made_private,
            _lock: lock,
        })
    }

    /// Says, once, that opening the store took other users' access away from the data
    /// folder; `None` when it was private already.
    pub fn made_private(&self) -> Option<&str> {
        self.made_private.as_deref()
    }

    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn log_path(&self) -> &Path {
        &self.log_path
    }

    /// A fresh record id for this device.
    pub fn next_id(&self) -> String {
        format!("{}-{}", self.device_id, self.next_sequence)
    }

    /// Appends one record and waits until it is on disk. The id must come from
    /// [`Store::next_id`]. When this returns `Ok`, the record survives a crash. Returns
    /// where the record now stands.
    pub fn append(&mut self, record: &Record) -> Result<Origin, StoreError> {
        let mut line = record.to_line()?;
        line.push('\n');
        // A crash can leave a cut-off last line; starting on a fresh line keeps this
        // record readable instead of gluing it to the broken one.
        let mut line_number = self.lines + 1;
        if !ends_with_newline(&mut self.log, &self.log_path)? {
            line.insert(0, '\n');
            line_number += 1;
        }
        self.log
            .write_all(line.as_bytes())
            .map_err(io_error(&self.log_path, "cannot append to the review log"))?;
        self.log.sync_data().map_err(io_error(
            &self.log_path,
            "cannot flush the review log to disk",
        ))?;
        self.next_sequence += 1;
        self.lines = line_number;
        Ok(Origin {
            file: self.log_path.clone(),
            line: line_number,
        })
    }

    /// Every log in the folder, this device's and those synced from other devices.
    pub fn read_all(&self) -> LogSnapshot {
        read_all_logs(&self.dir.reviews_dir())
    }

    /// Copies the logs and settings into `backups/<today>/` unless today's backup exists,
    /// then removes all but the newest [`BACKUPS_KEPT`] daily backups.
    pub fn backup_daily(&self, today: NaiveDate) -> Result<(), StoreError> {
        let backups = self.dir.backups_dir();
        let target = backups.join(today.format("%Y-%m-%d").to_string());
        if target.exists() {
            return Ok(());
        }
        // Copy into a temporary folder and rename it, so a half-made backup never looks
        // like a complete one.
        let partial = backups.join(format!(".partial-{}", today.format("%Y-%m-%d")));
        if partial.exists() {
            fs::remove_dir_all(&partial).map_err(io_error(&partial, "cannot clear"))?;
        }
        let reviews_target = partial.join("reviews");
        files::create_folder(&reviews_target, Readers::OnlyTheUser)
            .map_err(io_error(&reviews_target, "cannot create"))?;
        let reviews_dir = self.dir.reviews_dir();
        if let Ok(entries) = fs::read_dir(&reviews_dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|ext| ext == "jsonl")
                    && let Some(name) = path.file_name()
                {
                    fs::copy(&path, reviews_target.join(name))
                        .map_err(io_error(&path, "cannot back up"))?;
                }
            }
        }
        let settings = self.dir.settings_file();
        if settings.exists() {
            fs::copy(&settings, partial.join("settings.json"))
                .map_err(io_error(&settings, "cannot back up"))?;
        }
        fs::rename(&partial, &target).map_err(io_error(&target, "cannot finish the backup"))?;
        prune_backups(&backups)
    }
}

fn prune_backups(backups: &Path) -> Result<(), StoreError> {
    let mut days: Vec<PathBuf> = fs::read_dir(backups)
        .map_err(io_error(backups, "cannot read"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| NaiveDate::parse_from_str(name, "%Y-%m-%d").is_ok())
        })
        .collect();
    days.sort();
    let excess = days.len().saturating_sub(BACKUPS_KEPT);
    for old in &days[..excess] {
        fs::remove_dir_all(old).map_err(io_error(old, "cannot remove an old backup"))?;
    }
    Ok(())
}

fn ends_with_newline(file: &mut File, path: &Path) -> Result<bool, StoreError> {
    let length = file
        .metadata()
        .map_err(io_error(path, "cannot read the size of"))?
        .len();
    if length == 0 {
        return Ok(true);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(length - 1))
        .and_then(|_| file.read_exact(&mut last))
        .map_err(io_error(path, "cannot read"))?;
    Ok(last[0] == b'\n')
}

/// One more than the highest sequence number this device's log already used (so ids stay
/// unique even when earlier lines are damaged), and the number of complete lines.
///
/// Read a block at a time: a long log is not held as text to find one number.
fn scan_log(file: &mut File, path: &Path, device_id: &str) -> Result<(u64, usize), StoreError> {
    const BLOCK_BYTES: usize = 1 << 20;
    let prefix = format!("\"id\":\"{device_id}-");
    let finder = memchr::memmem::Finder::new(prefix.as_bytes());
    file.seek(SeekFrom::Start(0))
        .map_err(io_error(path, "cannot read the review log"))?;
    let mut lines = 0;
    let mut highest: Option<u64> = None;
    let mut buffer: Vec<u8> = Vec::with_capacity(BLOCK_BYTES);
    loop {
        let read = (&mut *file)
            .take(BLOCK_BYTES as u64)
            .read_to_end(&mut buffer)
            .map_err(io_error(path, "cannot read the review log"))?;
        let is_end = read < BLOCK_BYTES;
        // Whole lines only, so that no id is cut in two; the rest waits for the next block.
        let block_len = if is_end {
            buffer.len()
        } else {
            match memchr::memrchr(b'\n', &buffer) {
                Some(last_newline) => last_newline + 1,
                None => continue,
            }
        };
        let block = &buffer[..block_len];
        lines += memchr::memchr_iter(b'\n', block).count();
        for start in finder.find_iter(block) {
            let digits = &block[start + prefix.len()..];
            let end = digits
                .iter()
                .position(|byte| !byte.is_ascii_digit())
                .unwrap_or(digits.len());
            let number = std::str::from_utf8(&digits[..end])
                .ok()
                .and_then(|digits| digits.parse::<u64>().ok());
            highest = highest.max(number);
        }
        if is_end {
            break;
        }
        buffer.drain(..block_len);
    }
    Ok((highest.map_or(1, |highest| highest + 1), lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::log::{Mode, ReviewRecord, UndoRecord};
    use crate::core::review::scheduler::Rating;
    use chrono::DateTime;

    fn review(store: &Store, card: &str, at: &str, rating: u8) -> Record {
        Record::Review(ReviewRecord {
            id: store.next_id(),
            card: card.to_string(),
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            rating: Rating::try_from(rating).unwrap(),
            duration_ms: None,
            points_covered: None,
            points_detected: None,
            points_total: None,
            answer: None,
            mode: Mode::Study,
            session: None,
            spoken: None,
        })
    }

    #[test]
    fn appended_records_are_read_back_and_ids_continue_after_reopening() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        {
            let mut store = Store::open(dir.clone(), "laptop").unwrap();
            let first = review(&store, "a", "2026-11-22T09:00:00+09:00", 3);
            store.append(&first).unwrap();
            let undo = Record::Undo(UndoRecord {
                id: store.next_id(),
                at: DateTime::parse_from_rfc3339("2026-11-22T09:00:01+09:00").unwrap(),
                undo: first.id().to_string(),
            });
            store.append(&undo).unwrap();
        }
        let store = Store::open(dir, "laptop").unwrap();
        assert_eq!(store.next_id(), "laptop-3");
        let snapshot = store.read_all();
        assert!(snapshot.problems.is_empty(), "{:?}", snapshot.problems);
        let records = snapshot.records();
        let ids: Vec<_> = records.iter().map(|r| r.record.id()).collect();
        assert_eq!(ids, vec!["laptop-1", "laptop-2"]);
    }

    #[test]
    fn a_second_store_on_the_same_folder_is_refused_while_the_first_is_open() {
        let temp = tempfile::tempdir().unwrap();
        let first = Store::open(DataDir::new(temp.path()), "a").unwrap();
        let second = Store::open(DataDir::new(temp.path()), "b");
        assert!(matches!(second, Err(StoreError::Locked(_))), "{second:?}");
        drop(first);
        assert!(Store::open(DataDir::new(temp.path()), "b").is_ok());
    }

    #[test]
    fn appending_after_a_cut_off_line_keeps_both_the_old_bytes_and_the_new_record() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        fs::create_dir_all(dir.reviews_dir()).unwrap();
        let log_path = dir.reviews_dir().join("pc.jsonl");
        let damaged = "{\"id\":\"pc-1\",\"card\":\"a\",\"at\":\"2026-11-22T09:00:00+09:00\",\"rating\":3}\n{\"id\":\"pc-2\",\"ca";
        fs::write(&log_path, damaged).unwrap();
        let mut store = Store::open(dir, "pc").unwrap();
        assert_eq!(store.next_id(), "pc-3");
        let record = review(&store, "b", "2026-11-22T09:05:00+09:00", 4);
        let origin = store.append(&record).unwrap();
        assert_eq!(
            origin.line, 3,
            "the cut-off line 2 ends before the new record"
        );
        let bytes = fs::read_to_string(&log_path).unwrap();
        assert!(bytes.starts_with(damaged), "old bytes must stay untouched");
        let snapshot = store.read_all();
        assert_eq!(snapshot.len(), 2);
        assert_eq!(snapshot.problems.len(), 1);
        assert_eq!(snapshot.problems[0].line, Some(2));
    }

    #[test]
    fn daily_backups_are_made_once_per_day_and_rotated() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let mut store = Store::open(dir.clone(), "pc").unwrap();
        let record = review(&store, "a", "2026-11-22T09:00:00+09:00", 3);
        store.append(&record).unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for day in 0..10 {
            store.backup_daily(start + chrono::Days::new(day)).unwrap();
        }
        let mut names: Vec<String> = fs::read_dir(dir.backups_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(names.first().map(String::as_str), Some("2026-11-04"));
        let copy = dir.backups_dir().join("2026-11-10/reviews/pc.jsonl");
        assert_eq!(
            fs::read(copy).unwrap(),
            fs::read(dir.reviews_dir().join("pc.jsonl")).unwrap()
        );
    }

    #[test]
    fn device_ids_that_could_escape_the_folder_are_refused() {
        let temp = tempfile::tempdir().unwrap();
        let result = Store::open(DataDir::new(temp.path()), "../evil");
        assert!(matches!(result, Err(StoreError::BadDeviceId(_))));
    }
}
