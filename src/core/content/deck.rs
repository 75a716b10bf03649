//! Decks and cards: the on-disk JSON format, parsing with located errors, and validation.
//!
//! One deck per file. The fields `cards`, card `id`, `question`, `points` (objects keyed by
//! language) and `tags` are read by other tools too, so they keep their names.

use crate::core::problem::{CardName, Problem, ProblemKind};
use crate::core::sync::{conflicts, names};
use crate::core::text;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The deck file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Decks shipped inside the binary, as (path shown in messages, JSON text).
pub const BUNDLED_DECKS: &[(&str, &str)] = &[
    ("decks/vpoe.json", include_str!("../../../decks/vpoe.json")),
    ("decks/hoe.json", include_str!("../../../decks/hoe.json")),
    ("decks/cto.json", include_str!("../../../decks/cto.json")),
    (
        "decks/role-fundamentals.json",
        include_str!("../../../decks/role-fundamentals.json"),
    ),
];

/// A display language. Every text in a deck may carry both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The language of a locale name such as `ja_JP.UTF-8` or `en-US`: Japanese for a
    /// Japanese locale, English for any other.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

/// A text in Japanese and/or English. At least one must be present.
///
/// Both languages live in one allocation: a deck of 100,000 cards holds 600,000 of these,
/// and two `Option<String>`s each cost 48 bytes and two allocations besides the text.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "LocalizedFields", into = "LocalizedFields")]
pub struct Localized {
    /// The Japanese, then the English.
    text: Box<str>,
    /// Where the English starts in `text`.
    split: u32,
    has_ja: bool,
    has_en: bool,
}

/// [`Localized`] as a deck file writes it. serde's messages (which [`json_kind`] words
/// for the user) name the type it stands for.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "struct Localized")]
struct LocalizedFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ja: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en: Option<String>,
}

impl From<LocalizedFields> for Localized {
    fn from(fields: LocalizedFields) -> Self {
        Localized::new(fields.ja, fields.en)
    }
}

impl From<Localized> for LocalizedFields {
    fn from(localized: Localized) -> Self {
        LocalizedFields {
            ja: localized.ja().map(str::to_string),
            en: localized.en().map(str::to_string),
        }
    }
}

impl std::fmt::Debug for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localized")
            .field("ja", &self.ja())
            .field("en", &self.en())
            .finish()
    }
}

impl Localized {
    pub fn new(ja: Option<String>, en: Option<String>) -> Self {
        let ja_text = ja.as_deref().unwrap_or("");
        let en_text = en.as_deref().unwrap_or("");
        let mut text = String::with_capacity(ja_text.len() + en_text.len());
        text.push_str(ja_text);
        text.push_str(en_text);
        Self {
            text: text.into_boxed_str(),
            // Deck texts are far below 4 GB; a longer one would be cut at the split.
            split: u32::try_from(ja_text.len()).unwrap_or(u32::MAX),
            has_ja: ja.is_some(),
            has_en: en.is_some(),
        }
    }

    /// A text in Japanese only.
    pub fn japanese(text: impl Into<String>) -> Self {
        Self::new(Some(text.into()), None)
    }

    /// A text in English only.
    pub fn english(text: impl Into<String>) -> Self {
        Self::new(None, Some(text.into()))
    }

    pub fn both(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(Some(ja.into()), Some(en.into()))
    }

    /// The Japanese text, if the deck has one (blank or not).
    pub fn ja(&self) -> Option<&str> {
        let split = (self.split as usize).min(self.text.len());
        self.has_ja.then(|| self.text.get(..split).unwrap_or(""))
    }

    /// The English text, if the deck has one (blank or not).
    pub fn en(&self) -> Option<&str> {
        let split = (self.split as usize).min(self.text.len());
        self.has_en.then(|| self.text.get(split..).unwrap_or(""))
    }

    /// The text in exactly `lang` as written, blank or not.
    pub fn in_lang(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => self.ja(),
            Lang::En => self.en(),
        }
    }

    /// Sets the text in `lang` (`None` removes it), keeping the other.
    pub fn set(&mut self, lang: Lang, text: Option<String>) {
        let (ja, en) = match lang {
            Lang::Ja => (text, self.en().map(str::to_string)),
            Lang::En => (self.ja().map(str::to_string), text),
        };
        *self = Self::new(ja, en);
    }

    /// The text in `lang` if the deck has it, otherwise in the other language, so a card
    /// without a translation still shows something.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ja => (self.ja(), self.en()),
            Lang::En => (self.en(), self.ja()),
        };
        non_blank(first).or(non_blank(second)).unwrap_or("")
    }

    /// The text in exactly `lang`, without falling back.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        non_blank(self.in_lang(lang))
    }

    pub fn is_blank(&self) -> bool {
        non_blank(self.ja()).is_none() && non_blank(self.en()).is_none()
    }
}

fn non_blank(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// One checkable answer point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Point {
    #[serde(flatten)]
    pub text: Localized,
    /// True when the source gives no answer point for the question and this point was
    /// drawn from the guide's body instead. The app marks such points.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    /// For a derived point quoted from another guide than the deck's own (its guide says
    /// nothing on the question): that guide, named in the marker the app shows in place
    /// of "from the guide" ("from the HoE guide" / 「HoEガイドより」).
    /// Boxed: a hundred bytes a point otherwise, and nearly every point has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Box<PointSource>>,
}

/// The guide a cross-guide point is quoted from: its file, and the marker that names it,
/// in each language (`"ja": "HoEガイドより", "en": "from the HoE guide"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PointSource {
    pub file: String,
    #[serde(flatten)]
    pub marker: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Card {
    /// Stable and unique across all decks; never derived from the text, so fixing a typo
    /// in a question keeps the card's review history.
    pub id: String,
    pub question: Localized,
    #[serde(default)]
    pub points: Vec<Point>,
    /// Why the card has no answer points when that is on purpose (the source gives none
    /// and its text offers nothing that fairly answers the question). The app shows it
    /// where the points would be, so an empty list is never silent.
    /// Boxed, as nearly every card has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_points: Option<Box<Localized>>,
    /// Shared: a hundred thousand cards use a few dozen tags, each kept once
    /// ([`DeckSet`] interns them as it loads).
    #[serde(default)]
    pub tags: Vec<Arc<str>>,
}

/// Where a deck's content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    /// The source document's file name.
    pub file: String,
    /// The heading of the section the cards were taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Deck {
    #[serde(default = "default_format")]
    pub format: u32,
    pub id: String,
    pub title: Localized,
    /// The role the deck prepares for: `vpoe`, `hoe`, `cto`, `fundamentals` or any other
    /// lower-case word; the app groups decks by it.
    #[serde(default = "default_role")]
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    pub cards: Vec<Card>,
}

fn default_format() -> u32 {
    FORMAT_VERSION
}

fn default_role() -> String {
    "other".to_string()
}

/// A deck together with the file it came from and its text, so later checks (duplicate
/// ids across decks) can still name the line.
/// A deck as loaded. Its file's text is not kept: line numbers are looked up while the
/// deck is read, for the problems found then, and a folder of 100,000 cards would hold
/// its 138 MB of JSON a second time for nothing.
#[derive(Debug, Clone)]
pub struct LoadedDeck {
    pub deck: Deck,
    pub path: String,
    pub bundled: bool,
}

fn line_of_id(text: &str, id: &str) -> Option<usize> {
    nth_line_of_id(text, id, 0)
}

/// The line of the `nth` (0-based) `"id": "<id>"`, so a repeated id is reported where it
/// repeats rather than where it first appears.
fn nth_line_of_id(text: &str, id: &str, nth: usize) -> Option<usize> {
    let quoted = serde_json::to_string(id).ok()?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains("\"id\"") && line.contains(&quoted))
        .nth(nth)
        .map(|(index, _)| index + 1)
}

/// Parses a deck and checks everything that can be checked within one file. A deck with
/// problems is still returned when its JSON is readable, so the rest of it stays usable.
pub fn parse_deck(path: &str, text: &str) -> Result<(Deck, Vec<Problem>), Problem> {
    // A UTF-8 byte-order mark is what some Windows editors write; it is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let deck: Deck = serde_json::from_str(text).map_err(|error| {
        // A merge git could not finish: say so where it starts, not where JSON breaks.
        if let Some(line) = names::git_conflict_marker(text) {
            return Problem::error(path, ProblemKind::GitConflictMarkers).at_line(Some(line));
        }
        Problem::error(path, json_message(&error, text))
            .at_line(Some(error.line()))
            .at_column(Some(error.column()))
    })?;
    let problems = validate_deck(path, text, &deck);
    Ok((deck, problems))
}

/// serde_json's message in the words of a deck file (lists and objects, not sequences and
/// structs) and naming the field when it can, without the trailing " at line X column Y",
/// which the location already carries.
fn json_message(error: &serde_json::Error, text: &str) -> ProblemKind {
    use serde_json::error::Category;
    let message = &text::serde_message(error, usize::MAX);
    match error.classify() {
        Category::Syntax => ProblemKind::InvalidJson {
            detail: message.to_string(),
        },
        Category::Eof => ProblemKind::DeckCutOff,
        Category::Data => {
            let field = field_before(text, error.line(), error.column());
            ProblemKind::WrongDeckFormat {
                detail: data_message(message, field),
            }
        }
        Category::Io => ProblemKind::Other(message.to_string()),
    }
}

/// A field (or list of a field) the value that serde rejected belongs to.
enum Field {
    Value(String),
    ItemOf(String),
}

fn data_message(message: &str, field: Option<Field>) -> String {
    if let Some(name) = message.strip_prefix("missing field ") {
        return format!("missing field {name} in the object that ends here");
    }
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    else {
        return message.to_string();
    };
    let (expected, found) = (json_kind(expected), json_kind(found));
    match field {
        Some(Field::Value(name)) => format!("`{name}` should be {expected}, not {found}"),
        Some(Field::ItemOf(name)) => {
            format!("each item of `{name}` should be {expected}, not {found}")
        }
        None => format!("expected {expected}, found {found}"),
    }
}

/// serde's name for a kind of value, as JSON calls it.
fn json_kind(serde_name: &str) -> String {
    let name = serde_name.strip_prefix("a ").unwrap_or(serde_name);
    let kind = match name.split([' ', '`']).next().unwrap_or(name) {
        "map" => "an object",
        "sequence" => "a list",
        "string" => "a string",
        "integer" | "floating" | "f64" | "i64" => "a number",
        "u32" | "u64" | "usize" => "a whole number",
        "boolean" => "true or false",
        "null" | "unit" => "null",
        "struct" if name == "struct Localized" => r#"an object like {"ja": "…", "en": "…"}"#,
        "struct" => "an object",
        _ => serde_name,
    };
    kind.to_string()
}

/// The field whose value ends at `line`:`column`, read from the text before it, e.g.
/// `cards` for `  "cards": {`. None when the value does not start on the key's line.
fn field_before(text: &str, line: usize, column: usize) -> Option<Field> {
    let line_text = text.lines().nth(line.checked_sub(1)?)?;
    let mut end = column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = &line_text[..end];
    prefix.rmatch_indices(':').find_map(|(colon, _)| {
        let key_part = prefix[..colon].trim_end().strip_suffix('"')?;
        let name = &key_part[key_part.rfind('"')? + 1..];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let name = name.to_string();
        Some(if prefix[colon + 1..].trim_start().starts_with('[') {
            Field::ItemOf(name)
        } else {
            Field::Value(name)
        })
    })
}

fn validate_deck(path: &str, text: &str, deck: &Deck) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |line: Option<usize>, kind: ProblemKind| {
        problems.push(Problem::error(path, kind).at_line(line))
    };
    if deck.format > FORMAT_VERSION {
        let format_line = text.lines().position(|line| line.contains("\"format\""));
        problem(
            format_line.map(|index| index + 1).or(Some(1)),
            ProblemKind::DeckFormatTooNew {
                found: deck.format,
                supported: FORMAT_VERSION,
            },
        );
    }
    if deck.id.trim().is_empty() {
        problem(Some(1), ProblemKind::EmptyDeckId);
    }
    if deck.title.is_blank() {
        problem(Some(1), ProblemKind::UntitledDeck);
    }
    if deck.cards.is_empty() {
        problem(Some(1), ProblemKind::NoCards);
    }
    // Line numbers are looked up only for a card with a problem: finding one scans the
    // whole text, and doing it for every card made a deck of 1,000 cards take seconds.
    let mut times_seen: HashMap<&str, usize> = HashMap::new();
    for (index, card) in deck.cards.iter().enumerate() {
        let seen = times_seen.entry(&card.id).or_default();
        let occurrence = *seen;
        *seen += 1;
        let line = || nth_line_of_id(text, &card.id, occurrence);
        let name = || {
            if card.id.trim().is_empty() {
                CardName::Number(index + 1)
            } else {
                CardName::Id(card.id.clone())
            }
        };
        if card.id.trim().is_empty() {
            problem(line(), ProblemKind::EmptyCardId { number: index + 1 });
        } else if occurrence > 0 {
            problem(
                line(),
                ProblemKind::DuplicateCardId {
                    id: card.id.clone(),
                    first_line: line_of_id(text, &card.id),
                },
            );
        }
        if card.question.is_blank() {
            problem(line(), ProblemKind::EmptyQuestion { card: name() });
        }
        // `no_points` beside points only as the context of points that all come from
        // other guides: the card's own guide still says nothing on the question.
        if !card.points.is_empty()
            && card.no_points.is_some()
            && card.points.iter().any(|point| point.from.is_none())
        {
            problem(line(), ProblemKind::PointsAndNoPoints { card: name() });
        }
        for (number, point) in card.points.iter().enumerate() {
            if point.text.is_blank() {
                problem(
                    line(),
                    ProblemKind::EmptyPoint {
                        card: name(),
                        point: number + 1,
                    },
                );
            }
        }
    }
    problems
}

/// All decks the app shows, with every problem found while loading them.
#[derive(Debug, Default, Clone)]
pub struct DeckSet {
    pub decks: Vec<LoadedDeck>,
    pub problems: Vec<Problem>,
    /// Every card id with where it is: (index into `decks`, index into its cards).
    card_index: FxHashMap<String, (usize, usize)>,
}

/// What [`DeckSet::add_source`] remembers from one deck to the next while loading.
#[derive(Default)]
struct AddingDecks {
    /// Deck id → index into `decks` of the deck that has it.
    owner_of_deck_id: HashMap<String, usize>,
    /// Every tag seen, once.
    tags: HashSet<Arc<str>>,
}

impl DeckSet {
    /// The bundled decks plus every `*.json` in `user_dir` (which may not exist yet).
    pub fn load(user_dir: Option<&Path>) -> Self {
        let bundled = BUNDLED_DECKS
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string(), true))
            .collect();
        let mut problems = Vec::new();
        let files = user_dir.map_or_else(Vec::new, |dir| deck_files_in(dir, &mut problems));
        Self::with_files(bundled, &files, problems)
    }

    /// Decks read from explicit files, for `mensetsu check FILE...`.
    pub fn load_files(paths: &[PathBuf]) -> Self {
        Self::with_files(Vec::new(), paths, Vec::new())
    }

    /// `sources` and then the deck files at `paths`; `problems` (found while listing the
    /// files) come before those of the decks. Each file is read, parsed and let go before
    /// the next, so only one deck's text is in memory at a time.
    fn with_files(
        sources: Vec<(String, String, bool)>,
        paths: &[PathBuf],
        mut problems: Vec<Problem>,
    ) -> Self {
        let mut set = Self::default();
        let mut adding = AddingDecks::default();
        for (path, text, bundled) in sources {
            set.add_source(path, &text, bundled, &mut adding);
        }
        for path in paths {
            match read_text(path) {
                Ok(text) => set.add_source(path.display().to_string(), &text, false, &mut adding),
                Err(problem) => problems.push(problem),
            }
        }
        problems.append(&mut set.problems);
        set.problems = problems;
        set
    }

    /// Parses every (path, text, bundled) source, then checks ids across decks. A card whose
    /// id another deck already uses is dropped from the later deck, so reviews never mix.
    pub fn from_sources(sources: Vec<(String, String, bool)>) -> Self {
        let mut set = Self::default();
        let mut adding = AddingDecks::default();
        for (path, text, bundled) in sources {
            set.add_source(path, &text, bundled, &mut adding);
        }
        set
    }

    /// Parses one deck and adds what does not clash with the decks added before it.
    fn add_source(&mut self, path: String, text: &str, bundled: bool, adding: &mut AddingDecks) {
        let (mut deck, mut problems) = match parse_deck(&path, text) {
            Ok(parsed) => parsed,
            Err(problem) => {
                self.problems.push(problem);
                return;
            }
        };
        self.problems.append(&mut problems);
        if let Some(&other) = adding.owner_of_deck_id.get(&deck.id) {
            let kind = ProblemKind::DeckIdTaken {
                id: deck.id.clone(),
                other: self.decks[other].path.clone(),
            };
            self.problems
                .push(Problem::error(&path, kind).at_line(line_of_id(text, &deck.id)));
            return;
        }
        let deck_index = self.decks.len();
        adding.owner_of_deck_id.insert(deck.id.clone(), deck_index);
        // Parsing grows each list by doubling; a card keeps only what it holds, and a tag
        // is kept once for all cards.
        deck.cards.shrink_to_fit();
        for card in &mut deck.cards {
            card.points.shrink_to_fit();
            card.tags.shrink_to_fit();
            for tag in &mut card.tags {
                match adding.tags.get(tag) {
                    Some(shared) => *tag = Arc::clone(shared),
                    None => {
                        adding.tags.insert(Arc::clone(tag));
                    }
                }
            }
        }
        let mut kept = 0;
        let decks = &self.decks;
        let card_index = &mut self.card_index;
        let set_problems = &mut self.problems;
        deck.cards.retain(|card| {
            if card.id.trim().is_empty() {
                return false;
            }
            // The card index doubles as the owner of each id: the deck at its first index.
            match card_index.get(&card.id) {
                Some(&(owner, _)) if owner != deck_index => {
                    let kind = ProblemKind::CardIdTaken {
                        id: card.id.clone(),
                        other: decks[owner].path.clone(),
                    };
                    let line = line_of_id(text, &card.id);
                    set_problems.push(Problem::error(&path, kind).at_line(line));
                    false
                }
                // Repeated within this deck: parse_deck has reported it.
                Some(_) => false,
                None => {
                    card_index.insert(card.id.clone(), (deck_index, kept));
                    kept += 1;
                    true
                }
            }
        });
        self.decks.push(LoadedDeck {
            deck,
            path,
            bundled,
        });
    }

    pub fn card_count(&self) -> usize {
        self.decks.iter().map(|d| d.deck.cards.len()).sum()
    }

    /// Every card with the id of the deck it belongs to.
    pub fn cards(&self) -> impl Iterator<Item = (&Deck, &Card)> {
        self.decks.iter().flat_map(|loaded| {
            loaded
                .deck
                .cards
                .iter()
                .map(move |card| (&loaded.deck, card))
        })
    }

    /// The deck with this id.
    pub fn find_deck(&self, id: &str) -> Option<&LoadedDeck> {
        self.decks.iter().find(|loaded| loaded.deck.id == id)
    }

    pub fn contains_card(&self, id: &str) -> bool {
        self.card_index.contains_key(id)
    }

    /// The card with this id and its deck, looked up by index (the review screen asks
    /// every frame, and a collection may hold 100,000 cards). Should `decks` have been
    /// changed since loading, the cards are searched instead.
    pub fn find_card(&self, id: &str) -> Option<(&Deck, &Card)> {
        let (deck, card) = self.locate(id)?;
        let deck = &self.decks.get(deck)?.deck;
        Some((deck, deck.cards.get(card)?))
    }

    /// Where the card with this id is: (index into `decks`, index into that deck's cards).
    pub fn locate(&self, id: &str) -> Option<(usize, usize)> {
        let indexed = self.card_index.get(id).copied().filter(|&(deck, card)| {
            self.decks
                .get(deck)
                .and_then(|loaded| loaded.deck.cards.get(card))
                .is_some_and(|card| card.id == id)
        });
        indexed.or_else(|| {
            self.decks.iter().enumerate().find_map(|(deck, loaded)| {
                let card = loaded.deck.cards.iter().position(|card| card.id == id)?;
                Some((deck, card))
            })
        })
    }
}

/// The `*.json` files of a folder in name order, without the conflict copies a sync tool
/// left there (reported instead); a missing folder is simply empty.
pub fn deck_files_in(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(error) => {
            problems.push(Problem::error(
                dir,
                ProblemKind::CannotReadDecksFolder {
                    error: error.to_string(),
                },
            ));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json") && path.is_file())
        .collect();
    files.sort();
    // A sync tool's second version of a deck has the deck's id: it is reported as a
    // conflict to resolve rather than skipped as a deck whose id is taken.
    conflicts::set_aside_deck_copies(files, problems)
}

fn read_text(path: &Path) -> Result<String, Problem> {
    let bytes = std::fs::read(path).map_err(|error| {
        let error = error.to_string();
        Problem::error(path, ProblemKind::CannotRead { error })
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let (line, column) =
            text::position_of_byte(error.as_bytes(), error.utf8_error().valid_up_to());
        Problem::error(path, ProblemKind::NotUtf8)
            .at_line(Some(line))
            .at_column(Some(column))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_locales_pick_japanese() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale("ja-JP"), Lang::Ja);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    /// `no_points` says the card's own guide has no answer points, so it may stand beside
    /// points quoted from other guides (as their context), never beside the guide's own.
    #[test]
    fn no_points_stands_only_beside_points_from_other_guides() {
        let deck = |point: &str| {
            format!(
                r#"{{"id": "d", "title": {{"en": "D"}}, "cards": [{{"id": "d-q01",
                "question": {{"en": "Q?"}}, "points": [{point}],
                "no_points": {{"en": "The guide says nothing on this."}}}}]}}"#
            )
        };
        let cross = r#"{"en": "p", "derived": true,
            "from": {"file": "003.txt", "ja": "HoEガイドより", "en": "from the HoE guide"}}"#;
        let (parsed, problems) = parse_deck("d.json", &deck(cross)).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let from = parsed.cards[0].points[0].from.as_ref().unwrap();
        assert_eq!(from.file, "003.txt");
        assert_eq!(from.marker.get(Lang::En), "from the HoE guide");
        assert_eq!(from.marker.get(Lang::Ja), "HoEガイドより");
        for own in [r#"{"en": "p"}"#, r#"{"en": "p", "derived": true}"#] {
            let (_, problems) = parse_deck("d.json", &deck(own)).unwrap();
            assert!(
                matches!(
                    problems.as_slice(),
                    [problem] if matches!(*problem.kind, ProblemKind::PointsAndNoPoints { .. })
                ),
                "{own}: {problems:?}"
            );
        }
    }
}
