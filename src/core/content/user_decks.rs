//! The user's own deck files: bringing one in (a role guide through the importer, a deck
//! JSON through the checker) after a preview, creating one, and editing one. Deck files
//! are the one thing the user changes in place, so every write is atomic, a file changed
//! on disk since it was opened is never written over, and an existing file is replaced
//! only when the caller says so.

use crate::core::content::deck::{self, Card, Deck, DeckSet, Lang, Localized};
use crate::core::content::import::{self, slugify};
use crate::core::files::{self, WriteError};
use crate::core::problem::{Problem, ProblemKind};
use crate::core::text;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum DeckFileError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not UTF-8 text (the first bad byte is at line {line}, column {column}); save it as UTF-8 and try again", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{0}")]
    Unreadable(Box<Unreadable>),
    #[error("{} was changed on disk since it was opened; reload it (dropping your changes here) or save your version as a copy", path.display())]
    ChangedOnDisk { path: PathBuf },
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    #[error("cannot move {} to {}: {source}", path.display(), to.display())]
    Move {
        path: PathBuf,
        to: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot encode the deck: {0}")]
    Encode(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Why a file is no deck, or an edited deck cannot be saved.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    /// A deck file that does not parse, with the place.
    #[error("{0}")]
    Deck(Problem),
    /// The first problem of a deck as edited; the editor shows where.
    #[error("{0}")]
    Edited(ProblemKind),
    /// A role guide the importer cannot read; `name` is its path as shown.
    #[error("{name}: {error}")]
    Guide {
        name: String,
        error: import::ImportError,
    },
}

impl From<Unreadable> for DeckFileError {
    fn from(unreadable: Unreadable) -> Self {
        DeckFileError::Unreadable(Box::new(unreadable))
    }
}

/// What a file would add, before anything is written.
#[derive(Debug, Clone)]
pub struct Preview {
    pub source: PathBuf,
    pub deck: Deck,
    /// Where it would be written in the user decks folder.
    pub target: PathBuf,
    /// Whether `target` exists already (the user must choose to replace it).
    pub replaces: bool,
    pub questions: usize,
    pub with_points: usize,
    /// Problems found in the file, each with its line.
    pub problems: Vec<Problem>,
    /// Ids it shares with decks already loaded: the app would skip those cards.
    pub clashes: Vec<Clash>,
    /// A deck id no loaded deck or file has, for keeping both decks.
    pub fresh_id: String,
}

impl Preview {
    /// Whether the deck as it is would meet another: its file exists, or its ids are taken.
    pub fn conflicts(&self) -> bool {
        self.replaces || !self.clashes.is_empty()
    }

    /// Whether replacing the file of the same name leaves no other deck sharing its ids.
    pub fn can_replace(&self) -> bool {
        self.replaces && self.clashes.is_empty()
    }
}

/// How a previewed deck is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddAs {
    /// As it is, into a file of its own: for a deck that meets no other.
    ItIs,
    /// Over the file of the same name.
    Replacing,
    /// Beside the deck it meets, under [`Preview::fresh_id`] with card ids to match, so
    /// that the app loads both (with the same ids it would skip the later one).
    Copy,
}

/// An id a previewed deck shares with a deck already loaded (`other`, its file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Clash {
    #[error("deck id `{id}` is also used by {other}")]
    DeckId { id: String, other: String },
    #[error("{} also in {other}", if *count == 1 { "1 card id is".to_string() } else { format!("{count} card ids are") })]
    CardIds { count: usize, other: String },
}

fn read_text(path: &Path) -> Result<String, DeckFileError> {
    let bytes = std::fs::read(path).map_err(|source| DeckFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let (line, column) =
            text::position_of_byte(error.as_bytes(), error.utf8_error().valid_up_to());
        DeckFileError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
        }
    })
}

/// Whether `path` names a deck file (`.json`) rather than a role guide: how the app's
/// import panel and `mensetsu import` both tell them apart.
pub fn is_deck_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}

/// Reads `source` as a deck JSON (`.json`) or a role guide (anything else) and says what
/// it would add to `decks_dir`, alongside the `loaded` decks.
pub fn preview(
    source: &Path,
    decks_dir: &Path,
    loaded: &DeckSet,
) -> Result<Preview, DeckFileError> {
    let text = read_text(source)?;
    let shown = source.display().to_string();
    let (deck, problems) = if is_deck_file(source) {
        deck::parse_deck(&shown, &text).map_err(Unreadable::Deck)?
    } else {
        let file_name = source
            .file_name()
            .map_or_else(|| shown.clone(), |name| name.to_string_lossy().into_owned());
        let imported =
            import::import_guide(&file_name, &text).map_err(|error| Unreadable::Guide {
                name: shown.clone(),
                error,
            })?;
        (imported.deck, Vec::new())
    };
    let target = decks_dir.join(format!("{}.json", deck.id));
    let mut clashes = Vec::new();
    for other in &loaded.decks {
        if Path::new(&other.path) == target {
            continue;
        }
        if other.deck.id == deck.id {
            clashes.push(Clash::DeckId {
                id: deck.id.clone(),
                other: other.path.clone(),
            });
        }
        let shared = deck
            .cards
            .iter()
            .filter(|card| other.deck.cards.iter().any(|known| known.id == card.id))
            .count();
        if shared > 0 {
            clashes.push(Clash::CardIds {
                count: shared,
                other: other.path.clone(),
            });
        }
    }
    let taken = |id: &str| {
        loaded.decks.iter().any(|other| other.deck.id == id)
            || std::fs::symlink_metadata(decks_dir.join(format!("{id}.json"))).is_ok()
    };
    let fresh_id = (2..)
        .map(|number| format!("{}-{number}", deck.id))
        .find(|id| !taken(id))
        .unwrap_or_else(|| deck.id.clone());
    Ok(Preview {
        fresh_id,
        source: source.to_path_buf(),
        questions: deck.cards.len(),
        with_points: deck
            .cards
            .iter()
            .filter(|card| !card.points.is_empty())
            .count(),
        replaces: std::fs::symlink_metadata(&target).is_ok(),
        target,
        deck,
        problems,
        clashes,
    })
}

fn encode(deck: &Deck) -> Result<String, DeckFileError> {
    let mut json = serde_json::to_string_pretty(deck)
        .map_err(|error| DeckFileError::Encode(error.to_string()))?;
    json.push('\n');
    Ok(json)
}

/// Writes a previewed deck into the user decks folder. An existing file is replaced only
/// [`AddAs::Replacing`]; a deck that meets another is otherwise written as a copy with new
/// ids, never as a second deck the app would skip.
pub fn add(preview: &Preview, add_as: AddAs) -> Result<PathBuf, DeckFileError> {
    if add_as == AddAs::Replacing {
        files::write_atomically(&preview.target, encode(&preview.deck)?.as_bytes())?;
        return Ok(preview.target.clone());
    }
    let deck = if add_as == AddAs::Copy || preview.conflicts() {
        with_new_ids(&preview.deck, &preview.fresh_id)
    } else {
        preview.deck.clone()
    };
    let dir = preview.target.parent().unwrap_or(Path::new("."));
    Ok(files::write_new_file(
        dir,
        &format!("{}.json", deck.id),
        encode(&deck)?.as_bytes(),
        files::Readers::OnlyTheUser,
    )?)
}

/// `deck` under the id `id`, its cards renamed to match: `<old id>-q01` becomes
/// `<id>-q01`, any other card id gets `<id>-` in front.
fn with_new_ids(deck: &Deck, id: &str) -> Deck {
    let mut copy = deck.clone();
    let old_prefix = format!("{}-", deck.id);
    for card in &mut copy.cards {
        let rest = card.id.strip_prefix(&old_prefix).unwrap_or(&card.id);
        card.id = format!("{id}-{rest}");
    }
    copy.id = id.to_string();
    copy
}

/// A user deck open for editing: the deck and the bytes it was read from, to tell whether
/// someone else changed the file since.
#[derive(Debug, Clone)]
pub struct DeckFile {
    pub path: PathBuf,
    pub deck: Deck,
    on_disk: Vec<u8>,
    /// The deck as read or last saved, to tell edits that undo each other from changes.
    saved: Deck,
}

impl DeckFile {
    pub fn open(path: &Path) -> Result<Self, DeckFileError> {
        let text = read_text(path)?;
        let (deck, _) =
            deck::parse_deck(&path.display().to_string(), &text).map_err(Unreadable::Deck)?;
        Ok(Self {
            path: path.to_path_buf(),
            saved: deck.clone(),
            deck,
            on_disk: text.into_bytes(),
        })
    }

    /// Creates a new, empty deck file in `decks_dir` (never over an existing one).
    pub fn create(
        decks_dir: &Path,
        title: &str,
        lang: Lang,
        loaded: &DeckSet,
    ) -> Result<Self, DeckFileError> {
        let title = title.trim();
        let mut base = slugify(title);
        if base.is_empty() {
            base = "my-deck".to_string();
        }
        let id = free_id(&base, decks_dir, loaded);
        let deck = Deck {
            format: deck::FORMAT_VERSION,
            id: id.clone(),
            title: match lang {
                Lang::Ja => Localized::japanese(title),
                Lang::En => Localized::english(title),
            },
            role: "other".to_string(),
            source: None,
            cards: Vec::new(),
        };
        let json = encode(&deck)?;
        files::create_folder(decks_dir, files::Readers::OnlyTheUser).map_err(|source| {
            DeckFileError::Read {
                path: decks_dir.to_path_buf(),
                source,
            }
        })?;
        let path = decks_dir.join(format!("{id}.json"));
        files::write_new(&path, json.as_bytes(), files::Readers::OnlyTheUser).map_err(|error| {
            match error {
                WriteError::Exists { .. } => DeckFileError::Exists { path: path.clone() },
                other => DeckFileError::Write(other),
            }
        })?;
        Ok(Self {
            path,
            saved: deck.clone(),
            deck,
            on_disk: json.into_bytes(),
        })
    }

    /// Adds an empty card with a new id: `<deck id>-<random hex>`, unique among `taken`
    /// and this deck. Ids are made once and never from the text, so editing a question
    /// keeps its history.
    pub fn add_card(
        &mut self,
        mut random: impl FnMut() -> u32,
        taken: impl Fn(&str) -> bool,
    ) -> String {
        let id = loop {
            let candidate = format!("{}-{:08x}", self.deck.id, random());
            if !taken(&candidate) && !self.deck.cards.iter().any(|card| card.id == candidate) {
                break candidate;
            }
        };
        self.deck.cards.push(Card {
            id: id.clone(),
            ..Card::default()
        });
        id
    }

    pub fn remove_card(&mut self, id: &str) {
        self.deck.cards.retain(|card| card.id != id);
    }

    /// Moves a card one place up (`-1`) or down (`1`).
    pub fn move_card(&mut self, id: &str, by: isize) {
        let Some(from) = self.deck.cards.iter().position(|card| card.id == id) else {
            return;
        };
        let to = from
            .saturating_add_signed(by)
            .min(self.deck.cards.len().saturating_sub(1));
        let card = self.deck.cards.remove(from);
        self.deck.cards.insert(to, card);
    }

    /// Whether saving would change the deck: a card added and deleted again, or a point
    /// added and left blank (saving drops it), is no change.
    pub fn has_unsaved_changes(&self) -> bool {
        let mut deck = self.deck.clone();
        drop_blank_points(&mut deck);
        deck != self.saved
    }

    /// Whether the file on disk is no longer what was read (or last saved).
    pub fn changed_on_disk(&self) -> bool {
        std::fs::read(&self.path).map_or(true, |bytes| bytes != self.on_disk)
    }

    /// Writes the deck atomically, unless the file changed on disk since it was read.
    /// Problems a deck would have when loaded (an empty question, a repeated id) are
    /// returned without writing; blank answer points are dropped.
    pub fn save(&mut self) -> Result<(), DeckFileError> {
        // A point added and left blank is dropped rather than refused.
        drop_blank_points(&mut self.deck);
        if self.changed_on_disk() {
            return Err(DeckFileError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        let json = encode(&self.deck)?;
        let (_, problems) =
            deck::parse_deck(&self.path.display().to_string(), &json).map_err(Unreadable::Deck)?;
        if let Some(problem) = problems.first() {
            return Err(Unreadable::Edited((*problem.kind).clone()).into());
        }
        files::write_atomically(&self.path, json.as_bytes())?;
        self.on_disk = json.into_bytes();
        self.saved = self.deck.clone();
        Ok(())
    }

    /// Reads the file again, dropping unsaved changes.
    pub fn reload(&mut self) -> Result<(), DeckFileError> {
        *self = Self::open(&self.path)?;
        Ok(())
    }

    /// Writes the deck as edited to a new file beside its own, under a free deck id with
    /// card ids to match, and edits that copy from then on. For a file changed on disk
    /// while it was edited: both versions are kept, and neither deck is skipped for ids
    /// the other uses. The file's own cards keep their ids, and so their history.
    pub fn save_as_copy(&mut self, loaded: &DeckSet) -> Result<(), DeckFileError> {
        drop_blank_points(&mut self.deck);
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let id = free_id(&self.deck.id, &dir, loaded);
        let copy = with_new_ids(&self.deck, &id);
        let path = dir.join(format!("{id}.json"));
        let json = encode(&copy)?;
        let (_, problems) =
            deck::parse_deck(&path.display().to_string(), &json).map_err(Unreadable::Deck)?;
        if let Some(problem) = problems.first() {
            return Err(Unreadable::Edited((*problem.kind).clone()).into());
        }
        files::write_new(&path, json.as_bytes(), files::Readers::OnlyTheUser).map_err(|error| {
            match error {
                WriteError::Exists { .. } => DeckFileError::Exists { path: path.clone() },
                other => DeckFileError::Write(other),
            }
        })?;
        *self = Self {
            path,
            saved: copy.clone(),
            deck: copy,
            on_disk: json.into_bytes(),
        };
        Ok(())
    }

    /// Moves a card's answer point one place up (`-1`) or down (`1`).
    pub fn move_point(&mut self, card: &str, index: usize, by: isize) {
        let Some(card) = self.deck.cards.iter_mut().find(|known| known.id == card) else {
            return;
        };
        let Some(to) = index
            .checked_add_signed(by)
            .filter(|to| *to < card.points.len())
        else {
            return;
        };
        if index < card.points.len() {
            card.points.swap(index, to);
        }
    }
}

/// `base`, or `<base>-2`, `<base>-3`…: the first id no loaded deck has and no file in
/// `decks_dir` is named after.
fn free_id(base: &str, decks_dir: &Path, loaded: &DeckSet) -> String {
    let mut id = base.to_string();
    let mut number = 1;
    while loaded.decks.iter().any(|known| known.deck.id == id)
        || decks_dir.join(format!("{id}.json")).exists()
    {
        number += 1;
        id = format!("{base}-{number}");
    }
    id
}

/// Deletes a user deck by moving its file into `deleted_dir` (made if missing), under its
/// own name or, when that is taken there, `<name>-2.json`, `<name>-3.json`…: never
/// destroyed, so moving it back into the decks folder restores the deck. Its answers stay
/// in the log, as answers of cards no deck has. Returns where the file went.
pub fn move_to_deleted(path: &Path, deleted_dir: &Path) -> Result<PathBuf, DeckFileError> {
    files::create_folder(deleted_dir, files::Readers::OnlyTheUser).map_err(|source| {
        DeckFileError::Move {
            path: path.to_path_buf(),
            to: deleted_dir.to_path_buf(),
            source,
        }
    })?;
    let stem = path.file_stem().map_or_else(
        || "deck".to_string(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let mut to = deleted_dir.join(format!("{stem}.json"));
    let mut number = 1;
    while std::fs::symlink_metadata(&to).is_ok() {
        number += 1;
        to = deleted_dir.join(format!("{stem}-{number}.json"));
    }
    std::fs::rename(path, &to).map_err(|source| DeckFileError::Move {
        path: path.to_path_buf(),
        to: to.clone(),
        source,
    })?;
    Ok(to)
}

fn drop_blank_points(deck: &mut Deck) {
    for card in &mut deck.cards {
        card.points.retain(|point| !point.text.is_blank());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_is_created_edited_and_saved_atomically_and_never_over_a_change_on_disk() {
        let temp = tempfile::tempdir().unwrap();
        let loaded = DeckSet::load(None);
        let mut file =
            DeckFile::create(temp.path(), "My CTO questions", Lang::En, &loaded).unwrap();
        assert_eq!(file.deck.id, "my-cto-questions");
        // A second deck of the same title gets another id and file.
        let second = DeckFile::create(temp.path(), "My CTO questions", Lang::En, &loaded).unwrap();
        assert_eq!(second.deck.id, "my-cto-questions-2");

        let mut numbers = [7u32, 7, 9].into_iter();
        let first = file.add_card(|| numbers.next().unwrap_or(1), |_| false);
        let taken = first.clone();
        let again = file.add_card(|| numbers.next().unwrap_or(1), |id| id == taken);
        assert_eq!(first, "my-cto-questions-00000007");
        assert_eq!(
            again, "my-cto-questions-00000009",
            "a taken id is never reused"
        );
        // An empty question is refused, and nothing is written.
        let before = std::fs::read(&file.path).unwrap();
        assert!(matches!(file.save(), Err(DeckFileError::Unreadable(_))));
        assert_eq!(std::fs::read(&file.path).unwrap(), before);
        for card in &mut file.deck.cards {
            card.question = Localized::both("質問", "Question");
        }
        file.move_card(&again, -1);
        assert_eq!(file.deck.cards[0].id, again);
        file.save().unwrap();
        let reopened = DeckFile::open(&file.path).unwrap();
        assert_eq!(reopened.deck, file.deck);

        // Someone else changes the file: saving over it is refused; reload takes theirs.
        std::fs::write(
            &file.path,
            b"{\"id\":\"my-cto-questions\",\"title\":{\"en\":\"X\"},\"cards\":[]}",
        )
        .unwrap();
        file.remove_card(&first);
        assert!(matches!(
            file.save(),
            Err(DeckFileError::ChangedOnDisk { .. })
        ));
        file.reload().unwrap();
        assert!(file.deck.cards.is_empty());
    }

    #[test]
    fn a_copy_keeps_both_versions_and_a_deleted_deck_is_moved_not_destroyed() {
        let temp = tempfile::tempdir().unwrap();
        let loaded = DeckSet::load(None);
        let mut file = DeckFile::create(temp.path(), "Mine", Lang::En, &loaded).unwrap();
        file.add_card(|| 1, |_| false);
        file.deck.cards[0].question = Localized::english("Why?");
        for text in ["first", "second", "third"] {
            file.deck.cards[0].points.push(deck::Point {
                text: Localized::english(text),
                derived: false,
                from: None,
            });
        }
        file.move_point("mine-00000001", 2, -1);
        file.move_point("mine-00000001", 0, -1);
        file.move_point("mine-00000001", 2, 1);
        let order: Vec<&str> = file.deck.cards[0]
            .points
            .iter()
            .map(|point| point.text.get(Lang::En))
            .collect();
        assert_eq!(
            order,
            ["first", "third", "second"],
            "out of range moves nothing"
        );
        let original = file.path.clone();
        let before = std::fs::read(&original).unwrap();
        file.save_as_copy(&loaded).unwrap();
        assert_eq!(file.path, temp.path().join("mine-2.json"));
        assert_eq!(file.deck.id, "mine-2");
        assert_eq!(file.deck.cards[0].id, "mine-2-00000001");
        assert!(!file.has_unsaved_changes());
        assert_eq!(
            std::fs::read(&original).unwrap(),
            before,
            "the file's own untouched"
        );

        let deleted = temp.path().join("deleted");
        let moved = move_to_deleted(&original, &deleted).unwrap();
        assert_eq!(moved, deleted.join("mine.json"));
        assert_eq!(std::fs::read(&moved).unwrap(), before);
        assert!(!original.exists());
        std::fs::write(&original, b"again").unwrap();
        assert_eq!(
            move_to_deleted(&original, &deleted).unwrap(),
            deleted.join("mine-2.json"),
            "a deck deleted twice keeps both files"
        );
    }

    #[test]
    fn a_preview_says_what_a_guide_or_deck_would_add_and_never_replaces_unasked() {
        let temp = tempfile::tempdir().unwrap();
        let decks = temp.path().join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        let guide = temp.path().join("guide.md");
        std::fs::write(
            &guide,
            "# Guide\n\n## 面接でよくある質問\n\n| 質問 | 回答のポイント |\n|---|---|\n| 1. 組織をどう作りますか？ | 採用計画、評価制度 |\n| 2. 予算は？ | |\n",
        )
        .unwrap();
        let loaded = DeckSet::load(None);
        let preview = preview(&guide, &decks, &loaded).unwrap();
        assert_eq!((preview.questions, preview.with_points), (2, 1));
        assert!(!preview.replaces);
        assert!(!preview.conflicts());
        let written = add(&preview, AddAs::ItIs).unwrap();
        assert_eq!(written, preview.target);
        // The same again: it exists now. Kept both, the copy has its own deck and card
        // ids, so the app loads both and skips nothing.
        let again = super::preview(&guide, &decks, &loaded).unwrap();
        assert!(again.replaces && again.can_replace());
        let other = add(&again, AddAs::Copy).unwrap();
        assert_ne!(other, again.target);
        assert!(other.exists() && again.target.exists());
        let both = DeckSet::load(Some(&decks));
        assert!(both.problems.is_empty(), "{:?}", both.problems);
        let copy = both
            .decks
            .iter()
            .find(|loaded| Path::new(&loaded.path) == other)
            .unwrap();
        assert_eq!(copy.deck.id, format!("{}-2", preview.deck.id));
        assert_eq!(copy.deck.cards.len(), 2);
        assert!(copy.deck.cards[0].id.starts_with(&copy.deck.id));
        // A deck sharing ids with a bundled one cannot replace it: only a copy works.
        let vpoe = temp.path().join("vpoe.json");
        let bundled = &loaded
            .decks
            .iter()
            .find(|d| d.deck.id == "vpoe")
            .unwrap()
            .deck;
        std::fs::write(&vpoe, serde_json::to_string(bundled).unwrap()).unwrap();
        let clashing = super::preview(&vpoe, &decks, &loaded).unwrap();
        assert!(clashing.conflicts() && !clashing.can_replace());
        let written = add(&clashing, AddAs::ItIs).unwrap();
        let (copy, _) =
            deck::parse_deck("copy", &std::fs::read_to_string(written).unwrap()).unwrap();
        assert_eq!(copy.id, "vpoe-2");
        assert!(copy.cards.iter().all(|card| card.id.starts_with("vpoe-2-")));
        // A broken deck JSON is refused with its line.
        let broken = temp.path().join("broken.json");
        std::fs::write(&broken, "{\n  \"id\": \"b\",\n  \"cards\": [,]\n}").unwrap();
        let error = super::preview(&broken, &decks, &loaded)
            .unwrap_err()
            .to_string();
        assert!(error.contains("broken.json:3"), "{error}");
    }
}
