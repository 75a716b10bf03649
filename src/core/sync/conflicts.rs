//! Finding the second versions a sync tool left in a data folder, and saying so.
//!
//! Where each kind of file is looked for, and what happens to its second version:
//! - `decks/*.json`: never read as a deck of its own (it has the same deck id and would
//!   only be skipped as "deck id already used"); reported until resolved.
//! - `settings.json`, `drafts.json`: reported until resolved; the file under its own name
//!   is the one used meanwhile.
//! - `reviews/*.jsonl`: a log is written by one computer only, so a second version means
//!   two computers were given the same device id. Its records are still read (a record
//!   found in both versions once), and the message says how to give one computer an id of
//!   its own.

use crate::core::paths::DataDir;
use crate::core::problem::{Problem, ProblemKind};
use crate::core::sync::names::{self, SyncTool};
use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};

/// What a file changed on two computers is to mensetsu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Deck,
    Settings,
    Drafts,
    ReviewLog,
}

/// One file changed on two computers: the version under its own name, and the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: FileKind,
    pub original: PathBuf,
    pub copy: PathBuf,
    pub tool: SyncTool,
}

/// Every conflict copy in the data folder, by kind and then by name.
pub fn find(dir: &DataDir) -> Vec<Conflict> {
    let mut found = in_folder(&dir.decks_dir(), FileKind::Deck);
    found.extend(in_folder(dir.root(), FileKind::Settings));
    found.extend(in_folder(dir.root(), FileKind::Drafts));
    found.extend(in_folder(&dir.reviews_dir(), FileKind::ReviewLog));
    found
}

/// The conflict copies of files of `kind` in `folder` (a missing folder has none).
pub fn in_folder(folder: &Path, kind: FileKind) -> Vec<Conflict> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let names: FxHashSet<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort();
    sorted
        .into_iter()
        .filter_map(|name| {
            let copy = names::copy_of(name, |other| {
                names.contains(other) && is_original(kind, other)
            })?;
            let conflict = Conflict {
                kind,
                original: folder.join(&copy.original),
                copy: folder.join(name),
                tool: copy.tool,
            };
            (copy.tool.name_is_certain() || same_thing(&conflict)).then_some(conflict)
        })
        .collect()
}

/// The deck files of `files` (one folder's, as listed) that are conflict copies of
/// another of them are taken out and reported; the rest are returned, in their order.
pub fn set_aside_deck_copies(files: Vec<PathBuf>, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let Some(folder) = files.first().and_then(|file| file.parent()) else {
        return files;
    };
    let conflicts = in_folder(folder, FileKind::Deck);
    if conflicts.is_empty() {
        return files;
    }
    problems.extend(problems_of(&conflicts));
    files
        .into_iter()
        .filter(|file| !conflicts.iter().any(|conflict| &conflict.copy == file))
        .collect()
}

/// The problems of `settings.json`'s and `drafts.json`'s conflict copies beside
/// `settings_file`.
pub fn settings_problems(settings_file: &Path) -> Vec<Problem> {
    let Some(root) = settings_file.parent() else {
        return Vec::new();
    };
    let mut conflicts = in_folder(root, FileKind::Settings);
    conflicts.extend(in_folder(root, FileKind::Drafts));
    problems_of(&conflicts)
}

/// One problem per conflict copy, said of the file it is a version of.
pub fn problems_of(conflicts: &[Conflict]) -> Vec<Problem> {
    conflicts
        .iter()
        .map(|conflict| {
            let more = conflicts
                .iter()
                .filter(|other| other.original == conflict.original)
                .count()
                - 1;
            problem(conflict, more)
        })
        .collect()
}

fn problem(conflict: &Conflict, more: usize) -> Problem {
    let copy = conflict.copy.clone();
    let tool = conflict.tool;
    if conflict.kind == FileKind::ReviewLog {
        let device = conflict
            .original
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Problem::warning(
            &conflict.original,
            ProblemKind::LogWrittenByTwoComputers { copy, tool, device },
        );
    }
    match damage(&conflict.copy) {
        Some(detail) => Problem::error(
            &conflict.original,
            ProblemKind::ConflictCopyDamaged { copy, tool, detail },
        ),
        None => Problem::error(
            &conflict.original,
            ProblemKind::ChangedOnTwoComputers { copy, tool, more },
        ),
    }
}

/// Why a JSON file (a deck, the settings, the drafts) cannot be read, or `None`.
pub fn damage(path: &Path) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return Some(error.to_string()),
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(_) => return Some("not valid UTF-8".to_string()),
    };
    if let Some(line) = names::git_conflict_marker(text) {
        return Some(format!("git conflict markers at line {line}"));
    }
    serde_json::from_str::<serde_json::Value>(text)
        .err()
        .map(|error| format!("line {}: {error}", error.line()))
}

fn is_original(kind: FileKind, name: &str) -> bool {
    match kind {
        FileKind::Deck => name.ends_with(".json"),
        FileKind::Settings => name == "settings.json",
        FileKind::Drafts => name == "drafts.json",
        FileKind::ReviewLog => name.ends_with(".jsonl"),
    }
}

/// For the names a person could have chosen (`-NAME`, ` (1)`, ` 2`): whether the copy is
/// a version of the same thing, by what it holds. A deck has the same deck id; a log
/// holds records of the original's device (`<device-id>-<n>`). A copy that cannot be read
/// counts, so it is reported rather than read as something it is not.
fn same_thing(conflict: &Conflict) -> bool {
    match conflict.kind {
        FileKind::Settings | FileKind::Drafts => true,
        FileKind::Deck => match (deck_id(&conflict.original), deck_id(&conflict.copy)) {
            (Some(original), Some(copy)) => original == copy,
            _ => true,
        },
        FileKind::ReviewLog => {
            let device = conflict
                .original
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            match first_record_id(&conflict.copy) {
                Some(id) => id
                    .strip_prefix(&device)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit())),
                None => true,
            }
        }
    }
}

fn deck_id(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// The id of the first readable record among a log's first lines: a log may hold a
/// million records, and one tells whose it is.
fn first_record_id(path: &Path) -> Option<String> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).ok()?;
    std::io::BufReader::new(file)
        .lines()
        .take(100)
        .map_while(Result::ok)
        .find_map(|line| {
            let value: serde_json::Value = serde_json::from_str(&line).ok()?;
            value.get("id")?.as_str().map(str::to_string)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(id: &str) -> String {
        format!(
            r#"{{"id": "{id}", "title": {{"en": "T"}}, "cards": [{{"id": "{id}-1", "question": {{"en": "Q?"}}}}]}}"#
        )
    }

    #[test]
    fn a_deck_copy_counts_only_beside_its_original_and_for_weak_names_with_its_id() {
        let temp = tempfile::tempdir().unwrap();
        let decks = temp.path();
        std::fs::write(decks.join("team.json"), deck("team")).unwrap();
        std::fs::write(decks.join("team 2.json"), deck("team")).unwrap();
        std::fs::write(decks.join("team-extra.json"), deck("team-extra")).unwrap();
        std::fs::write(decks.join("solo 2.json"), deck("solo")).unwrap();
        std::fs::write(
            decks.join("team.sync-conflict-20261201-101010-ABCDEFG.json"),
            "{ cut",
        )
        .unwrap();
        let found = in_folder(decks, FileKind::Deck);
        let copies: Vec<_> = found
            .iter()
            .map(|c| c.copy.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            copies,
            [
                "team 2.json",
                "team.sync-conflict-20261201-101010-ABCDEFG.json"
            ]
        );
        let problems = problems_of(&found);
        assert!(matches!(
            *problems[0].kind,
            ProblemKind::ChangedOnTwoComputers {
                more: 1,
                tool: SyncTool::ICloud,
                ..
            }
        ));
        assert!(matches!(
            *problems[1].kind,
            ProblemKind::ConflictCopyDamaged { .. }
        ));
    }
}
