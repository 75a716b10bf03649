//! Where mensetsu keeps its files.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("cannot find a home folder for the data; pass --data-dir DIR or set MENSETSU_DATA_DIR")]
    NoHome,
}

/// The data folder: review logs, settings, user decks, backups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `--data-dir` wins over `MENSETSU_DATA_DIR`, which wins over the platform's data
    /// folder (e.g. `~/.local/share/mensetsu` on Linux).
    pub fn resolve(flag: Option<PathBuf>, env: Option<OsString>) -> Result<Self, PathError> {
        if let Some(dir) = flag {
            return Ok(Self::new(dir));
        }
        if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
            return Ok(Self::new(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("", "", "mensetsu")
            .map(|dirs| Self::new(dirs.data_dir()))
            .ok_or(PathError::NoHome)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// User decks, including those `mensetsu import` writes.
    pub fn decks_dir(&self) -> PathBuf {
        self.root.join("decks")
    }

    /// One append-only `<device-id>.jsonl` review log per device.
    pub fn reviews_dir(&self) -> PathBuf {
        self.root.join("reviews")
    }

    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.json")
    }

    /// Typed work not yet graded (a study answer, a mock interview), kept so a crash
    /// loses at most the last seconds of typing; see [`crate::core::drafts`].
    pub fn drafts_file(&self) -> PathBuf {
        self.root.join("drafts.json")
    }

    /// Recorded answers, `<recording-id>.wav`, which answers in the log name by id (see
    /// [`crate::core::speech::recordings`]).
    pub fn recordings_dir(&self) -> PathBuf {
        self.root.join("recordings")
    }

    /// Where a deck deleted in the editor goes: moved, not destroyed, so moving it back
    /// into `decks/` restores it.
    pub fn deleted_decks_dir(&self) -> PathBuf {
        self.root.join("deleted-decks")
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Where the app writes exports (Anki files, the review CSV): the app has no file
    /// dialog, and the data folder is the one place the user already knows.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }
}

/// A device id made from the machine's name and a random suffix: readable in a synced
/// folder listing, and unique even when two machines share a name.
pub fn make_device_id(host_name: &str, random: u32) -> String {
    let host: String = host_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let host = host.trim_matches('-');
    let host = if host.is_empty() { "device" } else { host };
    let host: String = host.chars().take(32).collect();
    format!("{host}-{random:08x}")
}

/// The id this machine writes its review log under. It lives outside the data folder (in
/// `file`, a per-machine config path) because the data folder may be synced to other
/// machines, which must each write their own log. Created with `candidate` on first use.
pub fn load_or_create_device_id(file: &Path, candidate: &str) -> std::io::Result<String> {
    match std::fs::read_to_string(file) {
        Ok(text) => {
            let id = text.trim();
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Ok(id.to_string());
            }
        }
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        Err(_) => {}
    }
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(file, format!("{candidate}\n"))?;
    Ok(candidate.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment() {
        let dir = DataDir::resolve(Some("/a".into()), Some("/b".into())).unwrap();
        assert_eq!(dir.root(), Path::new("/a"));
        let dir = DataDir::resolve(None, Some("/b".into())).unwrap();
        assert_eq!(dir.root(), Path::new("/b"));
        assert_eq!(dir.decks_dir(), Path::new("/b/decks"));
        assert_eq!(dir.exports_dir(), Path::new("/b/exports"));
    }

    #[test]
    fn device_ids_are_file_name_safe_and_persist() {
        assert_eq!(
            make_device_id("Taro's MacBook.local", 0xab),
            "taro-s-macbook-local-000000ab"
        );
        assert_eq!(make_device_id("", 1), "device-00000001");
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("cfg/device-id");
        assert_eq!(load_or_create_device_id(&file, "pc-1").unwrap(), "pc-1");
        assert_eq!(load_or_create_device_id(&file, "pc-2").unwrap(), "pc-1");
    }
}
