//! The names sync tools give the second version of a file changed on two computers
//! between syncs, and the markers git leaves inside one.
//!
//! Each tool keeps both versions: the one it considers the winner under the file's own
//! name, the other beside it under a name of its own making. The patterns, from each
//! tool's documentation:
//!
//! | tool | the other version |
//! |---|---|
//! | Syncthing | `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext` (DEVICE: the first 7 characters of the device id) |
//! | Dropbox | `name (conflicted copy YYYY-MM-DD).ext`, `name (Taro's conflicted copy YYYY-MM-DD).ext` |
//! | Nextcloud, ownCloud | `name (conflicted copy YYYY-MM-DD HHMMSS).ext`; older clients `name_conflict-YYYYMMDD-HHMMSS.ext` |
//! | OneDrive | `name-COMPUTERNAME.ext` |
//! | Google Drive | `name (1).ext` |
//! | iCloud Drive | `name 2.ext` |
//!
//! The last three are names a person could choose too (`team 2.json`, `notes-old.json`),
//! so the rule for every pattern is the same: **a file is a conflict copy only when the
//! file it would be a copy of exists beside it.** `team 2.json` alone is a deck;
//! `team 2.json` beside `team.json` is iCloud's second version of it. A copy of a copy
//! (`a.sync-conflict-….sync-conflict-….json`, made when a conflict copy itself was edited
//! on two computers) belongs to the file at the end of the chain.

use std::fmt;

/// The sync tool whose naming a conflict copy follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SyncTool {
    Syncthing,
    Dropbox,
    /// Nextcloud and ownCloud, whose clients share their naming.
    Nextcloud,
    OneDrive,
    GoogleDrive,
    ICloud,
}

impl SyncTool {
    /// The tool's own name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            SyncTool::Syncthing => "Syncthing",
            SyncTool::Dropbox => "Dropbox",
            SyncTool::Nextcloud => "Nextcloud/ownCloud",
            SyncTool::OneDrive => "OneDrive",
            SyncTool::GoogleDrive => "Google Drive",
            SyncTool::ICloud => "iCloud",
        }
    }

    /// Whether the name alone says it is a conflict copy. The others (`-NAME`, ` (1)`,
    /// ` 2`) are also names people give files, so a caller that can look inside (the
    /// deck id, the log's device) should also check that the two are versions of one
    /// thing.
    pub fn name_is_certain(self) -> bool {
        matches!(
            self,
            SyncTool::Syncthing | SyncTool::Dropbox | SyncTool::Nextcloud
        )
    }
}

impl fmt::Display for SyncTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A file name read as a conflict copy: the name of the file it is a version of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOf {
    pub original: String,
    pub tool: SyncTool,
}

/// `name` as a conflict copy of a file that exists beside it (`exists` is asked about
/// names in the same folder), or `None`: see the module comment for the rule.
pub fn copy_of(name: &str, exists: impl Fn(&str) -> bool) -> Option<CopyOf> {
    copy_of_within(name, &exists, 4)
}

fn copy_of_within(name: &str, exists: &dyn Fn(&str) -> bool, depth: usize) -> Option<CopyOf> {
    if depth == 0 {
        return None;
    }
    for candidate in candidates(name) {
        if exists(&candidate.original) {
            return Some(candidate);
        }
        if let Some(further) = copy_of_within(&candidate.original, exists, depth - 1) {
            return Some(CopyOf {
                original: further.original,
                tool: candidate.tool,
            });
        }
    }
    None
}

/// Every file `name` could be a conflict copy of, by its name alone, the tools whose
/// names cannot be mistaken first.
pub fn candidates(name: &str) -> Vec<CopyOf> {
    let (stem, extension) = split_extension(name);
    let with_extension = |stem: &str| format!("{stem}{extension}");
    let mut found = Vec::new();
    let mut push = |original: String, tool| {
        if !original.is_empty() && original != name && !original.starts_with('.') {
            found.push(CopyOf { original, tool });
        }
    };
    if let Some(original) = syncthing(name) {
        push(original, SyncTool::Syncthing);
    }
    if let Some((before, inside)) = parenthesised_suffix(stem) {
        if let Some(tool) = conflicted_copy(inside) {
            push(with_extension(before), tool);
        } else if is_number(inside) {
            push(with_extension(before), SyncTool::GoogleDrive);
        }
    }
    if let Some((before, stamp)) = stem.rsplit_once("_conflict-")
        && is_stamp(stamp, "dddddddd-dddddd")
    {
        push(with_extension(before), SyncTool::Nextcloud);
    }
    if let Some((before, number)) = stem.rsplit_once(' ')
        && is_number(number)
        && number != "1"
        && !number.starts_with('0')
    {
        push(with_extension(before), SyncTool::ICloud);
    }
    // OneDrive's computer name may itself hold dashes (`DESKTOP-AB12CD3`), so every dash
    // is a place the original's name may end; the longest original first.
    for (at, _) in stem.rmatch_indices('-') {
        if at > 0 && at + 1 < stem.len() {
            push(with_extension(&stem[..at]), SyncTool::OneDrive);
        }
    }
    found
}

/// `("deck", ".json")`; a name without a dot, or only a leading one, has no extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => (&name[..dot], &name[dot..]),
        _ => (name, ""),
    }
}

/// `a.sync-conflict-20261201-101010-ABCDEFG.json` → `a.json`. Syncthing puts the marker
/// before the extension, or at the end of a name without one.
fn syncthing(name: &str) -> Option<String> {
    const MARK: &str = ".sync-conflict-";
    let at = name.rfind(MARK)?;
    let before = &name[..at];
    let rest = &name[at + MARK.len()..];
    let (tag, extension) = match rest.find('.') {
        Some(dot) => (&rest[..dot], &rest[dot..]),
        None => (rest, ""),
    };
    let (stamp, device) = tag.get(..15).zip(tag.get(15..))?;
    let device = device.strip_prefix('-')?;
    let device_ok = !device.is_empty() && device.chars().all(|c| c.is_ascii_alphanumeric());
    (is_stamp(stamp, "dddddddd-dddddd") && device_ok).then(|| format!("{before}{extension}"))
}

/// `"name (inside)"` → `("name", "inside")`; the brackets are matched, since Dropbox
/// numbers inside its own (`… 2026-12-01 (1))`).
fn parenthesised_suffix(stem: &str) -> Option<(&str, &str)> {
    let inner = stem.strip_suffix(')')?;
    let mut depth = 0usize;
    for (at, c) in inner.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let before = inner[..at].strip_suffix(' ')?;
                return Some((before, &inner[at + 1..]));
            }
            _ => {}
        }
    }
    None
}

/// Dropbox's `conflicted copy 2026-12-01` (possibly `Taro's conflicted copy …`, or with
/// a ` (1)` of its own) or Nextcloud's `conflicted copy 2026-12-01 101010`.
fn conflicted_copy(inside: &str) -> Option<SyncTool> {
    let at = inside.find("conflicted copy ")?;
    let after = &inside[at + "conflicted copy ".len()..];
    let date = after
        .get(..10)
        .filter(|date| is_stamp(date, "dddd-dd-dd"))?;
    let rest = &after[date.len()..];
    if let Some(time) = rest.strip_prefix(' ')
        && time.get(..6).is_some_and(|time| is_stamp(time, "dddddd"))
    {
        return Some(SyncTool::Nextcloud);
    }
    // Dropbox numbers a second conflict of the same day: `… 2026-12-01 (1)`.
    (rest.is_empty() || rest.starts_with(" (")).then_some(SyncTool::Dropbox)
}

/// `text` has the shape of `pattern`, where `d` is any ASCII digit and anything else
/// stands for itself.
fn is_stamp(text: &str, pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'd' => c.is_ascii_digit(),
            _ => c == p,
        })
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 4 && text.bytes().all(|c| c.is_ascii_digit())
}

/// The 1-based line where git's conflict markers begin (`<<<<<<< ` at the start of a
/// line, followed by `=======` and `>>>>>>> ` lines), or `None`. All three are required,
/// so a deck that quotes one of them inside a string on its own line does not count.
pub fn git_conflict_marker(text: &str) -> Option<usize> {
    let mut start = None;
    let mut middle = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if start.is_none() && is_marker(line, '<') {
            start = Some(index + 1);
        } else if start.is_some() && !middle && line == "=======" {
            middle = true;
        } else if middle && is_marker(line, '>') {
            return start;
        }
    }
    None
}

/// Seven `sign`s and then nothing or a space and a label (`<<<<<<< HEAD`).
fn is_marker(line: &str, sign: char) -> bool {
    let marker: String = std::iter::repeat_n(sign, 7).collect();
    line.strip_prefix(&marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(name: &str, beside: &[&str]) -> Option<(String, SyncTool)> {
        copy_of(name, |other| beside.contains(&other)).map(|copy| (copy.original, copy.tool))
    }

    fn is_copy_of(name: &str, original: &str, tool: SyncTool) {
        assert_eq!(
            copy(name, &[original]),
            Some((original.to_string(), tool)),
            "{name}"
        );
        // The rule: without the original beside it, no name is a conflict copy.
        assert_eq!(copy(name, &[]), None, "{name} alone");
    }

    #[test]
    fn every_tool_listed() {
        use SyncTool::*;
        is_copy_of(
            "my-deck.sync-conflict-20261201-101010-ABCDEFG.json",
            "my-deck.json",
            Syncthing,
        );
        is_copy_of(
            "settings.sync-conflict-20261201-101010-7XQ2ZPA.json",
            "settings.json",
            Syncthing,
        );
        is_copy_of(
            "laptop-3f2a9c01.sync-conflict-20261201-101010-ABCDEFG.jsonl",
            "laptop-3f2a9c01.jsonl",
            Syncthing,
        );
        is_copy_of(
            "README.sync-conflict-20261201-101010-ABCDEFG",
            "README",
            Syncthing,
        );
        is_copy_of(
            "settings (conflicted copy 2026-12-01).json",
            "settings.json",
            Dropbox,
        );
        is_copy_of(
            "my deck (Taro's conflicted copy 2026-12-01).json",
            "my deck.json",
            Dropbox,
        );
        is_copy_of(
            "my deck (Taro Yamada's conflicted copy 2026-12-01 (1)).json",
            "my deck.json",
            Dropbox,
        );
        is_copy_of(
            "settings (conflicted copy 2026-12-01 101010).json",
            "settings.json",
            Nextcloud,
        );
        is_copy_of(
            "settings_conflict-20261201-101010.json",
            "settings.json",
            Nextcloud,
        );
        is_copy_of("settings-DESKTOP-AB12CD3.json", "settings.json", OneDrive);
        is_copy_of("my-deck-LAPTOP.json", "my-deck.json", OneDrive);
        is_copy_of("settings (1).json", "settings.json", GoogleDrive);
        is_copy_of("my deck (2).json", "my deck.json", GoogleDrive);
        is_copy_of("settings 2.json", "settings.json", ICloud);
        is_copy_of("team 3.json", "team.json", ICloud);
    }

    #[test]
    fn names_people_choose_are_files_of_their_own() {
        // No original beside it.
        assert_eq!(copy("team 2.json", &["team-2.json", "vpoe.json"]), None);
        assert_eq!(copy("vpoe-extra.json", &["cto.json"]), None);
        assert_eq!(copy("notes (1).json", &[]), None);
        // Not the tools' shapes.
        for name in [
            "a.sync-conflict-2026-ABC.json",
            "a.sync-conflict-20261201-101010.json",
            "a (conflicted copy 12-01).json",
            "a (copy).json",
            "a_conflict-2026.json",
            "a 1.json",
            "a 02.json",
            "a -.json",
            "-a.json",
            ".json",
        ] {
            let originals = ["a.json", "a -.json", "a.json", "", "a"];
            assert_eq!(copy(name, &originals), None, "{name}");
        }
        assert!(candidates("vpoe.json").is_empty());
    }

    #[test]
    fn a_copy_of_a_copy_belongs_to_the_file_at_the_end_of_the_chain() {
        let name =
            "d.sync-conflict-20261201-101010-AAAAAAA.sync-conflict-20261202-101010-BBBBBBB.json";
        assert_eq!(
            copy(name, &["d.json"]),
            Some(("d.json".to_string(), SyncTool::Syncthing))
        );
        // The copy it is a copy of is there too: it belongs to that one first.
        assert_eq!(
            copy(
                name,
                &["d.json", "d.sync-conflict-20261201-101010-AAAAAAA.json"]
            )
            .map(|(original, _)| original),
            Some("d.sync-conflict-20261201-101010-AAAAAAA.json".to_string())
        );
    }

    #[test]
    fn only_tools_that_name_unmistakably_are_certain() {
        assert!(SyncTool::Syncthing.name_is_certain());
        assert!(SyncTool::Dropbox.name_is_certain());
        assert!(SyncTool::Nextcloud.name_is_certain());
        assert!(!SyncTool::OneDrive.name_is_certain());
        assert!(!SyncTool::GoogleDrive.name_is_certain());
        assert!(!SyncTool::ICloud.name_is_certain());
    }

    #[test]
    fn git_markers_need_all_three_at_line_starts() {
        let text =
            "{\n<<<<<<< HEAD\n  \"id\": \"a\",\n=======\n  \"id\": \"b\",\n>>>>>>> theirs\n}\n";
        assert_eq!(git_conflict_marker(text), Some(2));
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(git_conflict_marker(&crlf), Some(2));
        assert_eq!(git_conflict_marker("<<<<<<<\n=======\n>>>>>>>\n"), Some(1));
        // Quoted inside a string, or only part of the set: not a merge left unfinished.
        assert_eq!(
            git_conflict_marker("{\"q\": \"<<<<<<< HEAD\"}\n=======\n"),
            None
        );
        assert_eq!(git_conflict_marker("=======\n>>>>>>> x\n"), None);
        assert_eq!(
            git_conflict_marker("<<<<<<<< eight\n=======\n>>>>>>> x\n"),
            None
        );
    }
}
