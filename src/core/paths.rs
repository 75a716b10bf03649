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

    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }
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
    }
}
