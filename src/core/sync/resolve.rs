//! Choosing between the two versions of a file changed on two computers, and carrying the
//! choice out.
//!
//! "This version" is the file under its own name, the one mensetsu uses meanwhile; "the
//! other version" is the copy the sync tool made. A deck can keep this one, keep the
//! other, or merge: every card of both sides, and where a card differs, the text of the
//! newer file. Without the version both started from there is no telling which side
//! changed a card, so "newer" is the file's modification time, passed in (the core never
//! reads the clock; the caller reads both files' times). Settings are chosen setting by
//! setting. Whatever is chosen, the other version is moved into `conflicts/resolved/`
//! and a file that is replaced is kept there first, so the choice can be undone by hand.

use crate::core::content::deck::{self, Card, Deck};
use crate::core::files::{self, Readers, WriteError};
use crate::core::paths::DataDir;
use crate::core::sync::conflicts::{Conflict, FileKind};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One of the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The file under its own name.
    This,
    /// The sync tool's copy.
    Other,
}

/// What to do with a deck changed on two computers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckChoice {
    Keep(Side),
    /// Every card of both; where both have a card and it differs, the newer file's.
    Merge,
}

/// How a card differs between the two versions of a deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardChange {
    /// Only in the other version.
    OnlyOther,
    /// Only in this version.
    OnlyThis,
    Changed,
    Same,
}

/// One card in the two versions, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct CardPair {
    pub id: String,
    pub this: Option<Card>,
    pub other: Option<Card>,
}

impl CardPair {
    pub fn change(&self) -> CardChange {
        match (&self.this, &self.other) {
            (Some(this), Some(other)) if this == other => CardChange::Same,
            (Some(_), Some(_)) => CardChange::Changed,
            (Some(_), None) => CardChange::OnlyThis,
            (None, _) => CardChange::OnlyOther,
        }
    }
}

/// The cards of both versions, in this version's order with the other's own cards placed
/// after the card they follow there.
pub fn card_pairs(this: &Deck, other: &Deck) -> Vec<CardPair> {
    merged_order(this, other)
        .into_iter()
        .map(|id| CardPair {
            this: this.cards.iter().find(|card| card.id == id).cloned(),
            other: other.cards.iter().find(|card| card.id == id).cloned(),
            id,
        })
        .collect()
}

fn merged_order(this: &Deck, other: &Deck) -> Vec<String> {
    let mut order: Vec<String> = this.cards.iter().map(|card| card.id.clone()).collect();
    let mut after = None::<String>;
    for card in &other.cards {
        if !order.contains(&card.id) {
            let at = after
                .as_ref()
                .and_then(|id| order.iter().position(|known| known == id))
                .map_or(0, |index| index + 1);
            order.insert(at, card.id.clone());
        }
        after = Some(card.id.clone());
    }
    order
}

/// Both versions merged: every card of either, the newer file's text for a card both
/// have and that differs, and the newer file's deck title, role and source.
pub fn merge_decks(this: &Deck, other: &Deck, other_is_newer: bool) -> Deck {
    let newer = if other_is_newer { other } else { this };
    let cards = card_pairs(this, other)
        .into_iter()
        .filter_map(|pair| match (pair.this, pair.other) {
            (Some(this), Some(other)) => Some(if other_is_newer { other } else { this }),
            (this, other) => this.or(other),
        })
        .collect();
    Deck {
        cards,
        ..newer.clone()
    }
}

/// One setting the two versions of `settings.json` disagree on; `Value::Null` where a
/// version does not have it (it uses the default).
#[derive(Debug, Clone, PartialEq)]
pub struct SettingPair {
    pub field: String,
    pub this: Value,
    pub other: Value,
}

/// The settings the two versions disagree on, in field order.
pub fn setting_pairs(this: &Map<String, Value>, other: &Map<String, Value>) -> Vec<SettingPair> {
    let mut fields: BTreeMap<&String, ()> = BTreeMap::new();
    fields.extend(this.keys().chain(other.keys()).map(|key| (key, ())));
    fields
        .into_keys()
        .filter_map(|field| {
            let this = this.get(field).cloned().unwrap_or(Value::Null);
            let other = other.get(field).cloned().unwrap_or(Value::Null);
            (this != other).then(|| SettingPair {
                field: field.clone(),
                this,
                other,
            })
        })
        .collect()
}

/// This version with each setting `choices` gives to the other taken from it (a setting
/// the other version lacks is removed, so the default applies as it did there).
pub fn merge_settings(
    this: &Map<String, Value>,
    other: &Map<String, Value>,
    choices: &HashMap<String, Side>,
) -> Map<String, Value> {
    let mut merged = this.clone();
    for (field, side) in choices {
        if *side == Side::Other {
            match other.get(field) {
                Some(value) => merged.insert(field.clone(), value.clone()),
                None => merged.remove(field),
            };
        }
    }
    merged
}

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A version that is not a deck or not settings; only keeping the other one is left.
    #[error("{}: {detail}", path.display())]
    Unreadable { path: PathBuf, detail: String },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot move {} into {}: {source}", from.display(), to.display())]
    Move {
        from: PathBuf,
        to: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a review log: it is not resolved by choosing; give one of the two computers its own device id", path.display())]
    Log { path: PathBuf },
}

/// The two versions of a conflict as read from disk, ready to compare.
#[derive(Debug, Clone)]
pub struct Versions {
    pub this: Vec<u8>,
    pub other: Vec<u8>,
}

impl Versions {
    pub fn read(conflict: &Conflict) -> Result<Self, ResolveError> {
        let read = |path: &Path| {
            std::fs::read(path).map_err(|source| ResolveError::Read {
                path: path.to_path_buf(),
                source,
            })
        };
        Ok(Self {
            this: read(&conflict.original)?,
            other: read(&conflict.copy)?,
        })
    }
}

/// A version of a deck as a deck.
pub fn parse_deck_version(path: &Path, bytes: &[u8]) -> Result<Deck, ResolveError> {
    let unreadable = |detail: String| ResolveError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| unreadable("not valid UTF-8".into()))?;
    deck::parse_deck(&path.display().to_string(), text)
        .map(|(deck, _)| deck)
        .map_err(|problem| unreadable(problem.message()))
}

/// A version of the settings as its fields.
pub fn parse_settings_version(
    path: &Path,
    bytes: &[u8],
) -> Result<Map<String, Value>, ResolveError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ResolveError::Unreadable {
            path: path.to_path_buf(),
            detail: "not a JSON object".into(),
        }),
        Err(error) => Err(ResolveError::Unreadable {
            path: path.to_path_buf(),
            detail: format!("line {}: {error}", error.line()),
        }),
    }
}

/// What becomes of the file under its own name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It stays as it is.
    Unchanged,
    /// It is replaced by these bytes (the other version, or a merge).
    Replaced(Vec<u8>),
}

/// The deck file a choice makes: `None` when this version stays as it is.
pub fn deck_outcome(
    conflict: &Conflict,
    versions: &Versions,
    choice: DeckChoice,
    other_is_newer: bool,
) -> Result<Outcome, ResolveError> {
    match choice {
        DeckChoice::Keep(Side::This) => Ok(Outcome::Unchanged),
        DeckChoice::Keep(Side::Other) => {
            parse_deck_version(&conflict.copy, &versions.other)?;
            Ok(Outcome::Replaced(versions.other.clone()))
        }
        DeckChoice::Merge => {
            let this = parse_deck_version(&conflict.original, &versions.this)?;
            let other = parse_deck_version(&conflict.copy, &versions.other)?;
            let merged = merge_decks(&this, &other, other_is_newer);
            let mut json = serde_json::to_string_pretty(&merged).map_err(|error| {
                ResolveError::Unreadable {
                    path: conflict.original.clone(),
                    detail: error.to_string(),
                }
            })?;
            json.push('\n');
            Ok(Outcome::Replaced(json.into_bytes()))
        }
    }
}

/// The settings file a choice per setting makes (settings not in `choices` keep this
/// version's value).
pub fn settings_outcome(
    conflict: &Conflict,
    versions: &Versions,
    choices: &HashMap<String, Side>,
) -> Result<Outcome, ResolveError> {
    if choices.values().all(|side| *side == Side::This) {
        return Ok(Outcome::Unchanged);
    }
    let this = parse_settings_version(&conflict.original, &versions.this)?;
    let other = parse_settings_version(&conflict.copy, &versions.other)?;
    let merged = merge_settings(&this, &other, choices);
    let mut json = serde_json::to_string_pretty(&Value::Object(merged)).map_err(|error| {
        ResolveError::Unreadable {
            path: conflict.original.clone(),
            detail: error.to_string(),
        }
    })?;
    json.push('\n');
    Ok(Outcome::Replaced(json.into_bytes()))
}

/// Where a resolution put things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The other version, moved out of the way.
    pub copy_kept_as: PathBuf,
    /// This version as it was before it was replaced, if it was.
    pub replaced_kept_as: Option<PathBuf>,
}

/// Carries a choice out: this version replaced if the outcome says so (atomically, after
/// a copy of it is kept in `conflicts/resolved/`), then the other version moved into
/// `conflicts/resolved/` beside where it was in the data folder. `stamp` (from the
/// caller's clock, e.g. `20261201-101010`) names the kept copy of a replaced file.
pub fn carry_out(
    dir: &DataDir,
    conflict: &Conflict,
    outcome: &Outcome,
    stamp: &str,
) -> Result<Resolved, ResolveError> {
    if conflict.kind == FileKind::ReviewLog {
        return Err(ResolveError::Log {
            path: conflict.original.clone(),
        });
    }
    let resolved = resolved_folder(dir, &conflict.copy);
    let replaced_kept_as = match outcome {
        Outcome::Unchanged => None,
        Outcome::Replaced(bytes) => {
            let before =
                std::fs::read(&conflict.original).map_err(|source| ResolveError::Read {
                    path: conflict.original.clone(),
                    source,
                })?;
            let name = conflict
                .original
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let kept = files::write_new_file(
                &resolved,
                &format!("{name}.replaced-{stamp}"),
                &before,
                Readers::OnlyTheUser,
            )?;
            files::write_atomically(&conflict.original, bytes)?;
            Some(kept)
        }
    };
    let copy_kept_as = move_into(&conflict.copy, &resolved)?;
    Ok(Resolved {
        copy_kept_as,
        replaced_kept_as,
    })
}

/// `conflicts/resolved/` and, under it, the folder `file` is in relative to the data
/// folder (`decks/`), so the kept files do not mix and are never read as decks.
pub fn resolved_folder(dir: &DataDir, file: &Path) -> PathBuf {
    let base = dir.root().join("conflicts").join("resolved");
    match file
        .parent()
        .and_then(|parent| parent.strip_prefix(dir.root()).ok())
    {
        Some(relative) => base.join(relative),
        None => base,
    }
}

/// Moves `file` into `folder` under its own name, or with `-2`, `-3`… when that is taken.
fn move_into(file: &Path, folder: &Path) -> Result<PathBuf, ResolveError> {
    let failed = |to: &Path, source| ResolveError::Move {
        from: file.to_path_buf(),
        to: to.to_path_buf(),
        source,
    };
    files::create_folder(folder, Readers::OnlyTheUser).map_err(|source| failed(folder, source))?;
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    for number in 1..=files::MAX_SUFFIX {
        let target = if number == 1 {
            folder.join(&name)
        } else {
            folder.join(format!("{name}-{number}"))
        };
        if std::fs::symlink_metadata(&target).is_ok() {
            continue;
        }
        std::fs::rename(file, &target).map_err(|source| failed(&target, source))?;
        if let Ok(handle) = std::fs::File::open(folder) {
            // Some file systems cannot sync a folder; the rename happened all the same.
            let _ = handle.sync_all();
        }
        return Ok(target);
    }
    Err(failed(folder, std::io::Error::other("no free name")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::deck::Localized;
    use crate::core::sync::names::SyncTool;

    fn card(id: &str, question: &str) -> Card {
        Card {
            id: id.into(),
            question: Localized::japanese(question),
            ..Card::default()
        }
    }

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            format: 1,
            id: "d".into(),
            title: Localized::japanese("D"),
            role: "other".into(),
            source: None,
            cards,
        }
    }

    #[test]
    fn cards_are_paired_by_id_and_merged_with_the_newer_text() {
        let this = deck(vec![card("a", "A"), card("b", "B"), card("c", "C")]);
        let other = deck(vec![card("a", "A"), card("x", "X"), card("c", "C2")]);
        let pairs = card_pairs(&this, &other);
        let changes: Vec<_> = pairs.iter().map(|p| (p.id.as_str(), p.change())).collect();
        assert_eq!(
            changes,
            [
                ("a", CardChange::Same),
                ("x", CardChange::OnlyOther),
                ("b", CardChange::OnlyThis),
                ("c", CardChange::Changed)
            ]
        );
        let merged = merge_decks(&this, &other, true);
        let texts: Vec<_> = merged
            .cards
            .iter()
            .map(|c| c.question.get(deck::Lang::Ja))
            .collect();
        assert_eq!(texts, ["A", "X", "B", "C2"]);
        let merged = merge_decks(&this, &other, false);
        assert_eq!(merged.cards[3].question.get(deck::Lang::Ja), "C");
    }

    #[test]
    fn settings_are_chosen_one_by_one() {
        let this: Map<String, Value> = serde_json::from_str(
            r#"{"new_cards_per_day": 20, "theme": "dark", "text_scale": 1.0}"#,
        )
        .unwrap();
        let other: Map<String, Value> =
            serde_json::from_str(r#"{"new_cards_per_day": 30, "theme": "light"}"#).unwrap();
        let pairs = setting_pairs(&this, &other);
        let fields: Vec<_> = pairs.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["new_cards_per_day", "text_scale", "theme"]);
        let choices = HashMap::from([
            ("new_cards_per_day".to_string(), Side::Other),
            ("text_scale".to_string(), Side::Other),
            ("theme".to_string(), Side::This),
        ]);
        let merged = merge_settings(&this, &other, &choices);
        assert_eq!(merged.get("new_cards_per_day"), Some(&Value::from(30)));
        assert_eq!(merged.get("text_scale"), None);
        assert_eq!(merged.get("theme"), Some(&Value::from("dark")));
    }

    #[test]
    fn carrying_out_keeps_what_it_replaces_and_moves_the_other_version() {
        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        std::fs::create_dir_all(dir.decks_dir()).unwrap();
        let original = dir.decks_dir().join("d.json");
        let copy = dir
            .decks_dir()
            .join("d.sync-conflict-20261201-101010-ABCDEFG.json");
        let json = |cards| serde_json::to_string(&deck(cards)).unwrap();
        std::fs::write(&original, json(vec![card("a", "A")])).unwrap();
        std::fs::write(&copy, json(vec![card("b", "B")])).unwrap();
        let conflict = Conflict {
            kind: FileKind::Deck,
            original: original.clone(),
            copy: copy.clone(),
            tool: SyncTool::Syncthing,
        };
        let versions = Versions::read(&conflict).unwrap();
        let outcome = deck_outcome(&conflict, &versions, DeckChoice::Merge, true).unwrap();
        let resolved = carry_out(&dir, &conflict, &outcome, "20261201-111111").unwrap();
        assert!(!copy.exists());
        let kept = temp.path().join("conflicts/resolved/decks");
        assert_eq!(
            resolved.copy_kept_as,
            kept.join("d.sync-conflict-20261201-101010-ABCDEFG.json")
        );
        assert_eq!(
            resolved.replaced_kept_as,
            Some(kept.join("d.json.replaced-20261201-111111"))
        );
        assert_eq!(
            std::fs::read(kept.join("d.json.replaced-20261201-111111")).unwrap(),
            versions.this
        );
        let merged = parse_deck_version(&original, &std::fs::read(&original).unwrap()).unwrap();
        assert_eq!(merged.cards.len(), 2);
    }
}
