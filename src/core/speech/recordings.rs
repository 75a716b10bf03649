//! Where recorded answers live: `recordings/<id>.wav` in the data folder, beside the log
//! whose answers name them (`"spoken": {"recording": id, …}`). Files only: which answer a
//! recording belongs to is the log's to say, so a recording nobody graded (the app ended
//! while recording) is a file no answer points to, never an answer without its file.

use super::analysis::Analysis;
use crate::core::files::{self, Readers};
use crate::core::paths::DataDir;
use crate::core::review::log::Spoken;
use chrono::{DateTime, FixedOffset};
use std::fs::File;
use std::io;
use std::path::PathBuf;

/// A new recording's id: the device, the time it started (UTC, to the second) and a
/// random number, so two computers sharing a data folder never make the same one and a
/// listing sorts by time. `random` is the caller's, so this stays a pure function.
pub fn new_id(device: &str, at: DateTime<FixedOffset>, random: u32) -> String {
    format!(
        "{device}-{}-{random:08x}",
        at.to_utc().format("%Y%m%dT%H%M%SZ")
    )
}

/// Whether `id` can name a file: what [`new_id`] makes, nothing that leaves the folder.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The file of the recording `id`; `None` for an id that is not one [`is_valid_id`]
/// (a log line edited by hand must not point outside the folder).
pub fn path(dir: &DataDir, id: &str) -> Option<PathBuf> {
    is_valid_id(id).then(|| dir.recordings_dir().join(format!("{id}.wav")))
}

/// Whether the recording `id` has its file in the data folder (deleted ones, and ones
/// not yet synced from another computer, have not).
pub fn is_here(dir: &DataDir, id: &str) -> bool {
    path(dir, id).is_some_and(|path| path.is_file())
}

/// Creates the file for a new recording, private to the user like the rest of the data
/// folder (the folder too, if it is new); never replaces an existing one.
pub fn create(dir: &DataDir, id: &str) -> io::Result<(PathBuf, File)> {
    let path = path(dir, id).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{id}` is no recording id"),
        )
    })?;
    files::create_folder(&dir.recordings_dir(), Readers::OnlyTheUser)?;
    let file = files::new_file_options(Readers::OnlyTheUser)
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, file))
}

/// Deletes the recording `id` for good. The answers that name it stay in the log with
/// their figures (the log is never rewritten); their history then says the file is gone.
/// A file already gone (deleted on the other computer, say) is no error.
pub fn delete(dir: &DataDir, id: &str) -> io::Result<()> {
    let path = path(dir, id).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{id}` is no recording id"),
        )
    })?;
    match std::fs::remove_file(&path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        result => result,
    }
}

/// The recordings of a card to delete so that only the newest `keep` remain (the
/// setting `keep_recordings`; 0 keeps all). `oldest_first` are the card's recordings in
/// the order answered.
pub fn beyond_the_newest<'a>(keep: u32, oldest_first: &[&'a str]) -> Vec<&'a str> {
    let keep = keep as usize;
    if keep == 0 || oldest_first.len() <= keep {
        return Vec::new();
    }
    oldest_first[..oldest_first.len() - keep].to_vec()
}

/// Deletes a card's recordings beyond the newest `keep` (0 keeps all); `oldest_first`
/// are its recordings in the order answered. Returns how many were deleted; stops at the
/// first file that cannot be.
pub fn keep_newest(dir: &DataDir, keep: u32, oldest_first: &[&str]) -> io::Result<usize> {
    let old = beyond_the_newest(keep, oldest_first);
    for id in &old {
        delete(dir, id)?;
    }
    Ok(old.len())
}

/// What the log keeps of a recorded answer: its id and its figures, the rate to two
/// decimals (a finer figure would claim a precision the method does not have).
pub fn spoken(recording: &str, analysis: &Analysis) -> Spoken {
    Spoken {
        recording: recording.to_string(),
        speech_ms: (analysis.speech_s * 1000.0).round() as u64,
        pauses: u32::try_from(analysis.pauses.len()).unwrap_or(u32::MAX),
        rate: (analysis.rate.value * 100.0).round() / 100.0,
        unit: analysis.rate.unit.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_name_the_device_and_stay_in_the_folder() {
        let at = DateTime::parse_from_rfc3339("2026-12-02T09:05:07+09:00").unwrap();
        let id = new_id("laptop-3f2a", at, 0xBEEF);
        assert_eq!(id, "laptop-3f2a-20261202T000507Z-0000beef");
        assert!(is_valid_id(&id));
        let dir = DataDir::new("/data");
        assert_eq!(
            path(&dir, &id),
            Some(PathBuf::from(format!("/data/recordings/{id}.wav")))
        );
        for bad in ["", "../x", "a/b", ".hidden", "a\\b", "名前"] {
            assert_eq!(path(&dir, bad), None, "{bad}");
        }
    }

    #[test]
    fn only_the_newest_are_kept_and_zero_keeps_all() {
        let ids = ["a", "b", "c", "d"];
        assert_eq!(beyond_the_newest(0, &ids), Vec::<&str>::new());
        assert_eq!(beyond_the_newest(1, &ids), ["a", "b", "c"]);
        assert_eq!(beyond_the_newest(3, &ids), ["a"]);
        assert_eq!(beyond_the_newest(4, &ids), Vec::<&str>::new());
        assert_eq!(beyond_the_newest(9, &ids), Vec::<&str>::new());
    }

    #[test]
    fn deleting_removes_the_file_once_and_never_leaves_the_folder() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let (path, _file) = create(&dir, "pc-1").unwrap();
        assert!(is_here(&dir, "pc-1"));
        delete(&dir, "pc-1").unwrap();
        assert!(!path.exists());
        assert!(!is_here(&dir, "pc-1"));
        // Gone already (the other computer deleted it): still fine.
        delete(&dir, "pc-1").unwrap();
        assert_eq!(
            delete(&dir, "../settings").unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
    }

    #[test]
    fn keeping_the_newest_deletes_the_older_files_only() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let ids = ["pc-1", "pc-2", "pc-3"];
        for id in ids {
            create(&dir, id).unwrap();
        }
        assert_eq!(keep_newest(&dir, 0, &ids).unwrap(), 0);
        assert_eq!(keep_newest(&dir, 2, &ids).unwrap(), 1);
        let here = |id| path(&dir, id).unwrap().exists();
        assert!(!here("pc-1"));
        assert!(here("pc-2") && here("pc-3"));
    }

    #[test]
    fn a_recording_is_created_private_and_never_over_another() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        let (path, _file) = create(&dir, "pc-1").unwrap();
        assert_eq!(path, temp.path().join("recordings/pc-1.wav"));
        assert_eq!(
            create(&dir, "pc-1").unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |path: &std::path::Path| {
                std::fs::metadata(path).unwrap().permissions().mode() & 0o777
            };
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&dir.recordings_dir()), 0o700);
        }
    }
}
