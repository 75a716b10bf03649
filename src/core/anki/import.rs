//! What an Anki package would add here, worked out before anything is written
//! ([`plan`]), and writing it once the preview is accepted ([`apply`]).
//!
//! - Notes become cards of user decks. A note of the mensetsu note type maps field by
//!   field and is matched to the card its `mensetsu id` names: a card this data folder
//!   has stays as it is and only gains answers. A note of any other note type maps its
//!   first field to the question and every other field to points, one per list item or
//!   line; its card id is `anki-<note id>`, so a second import of the package meets the
//!   same card. A note's cards other than its first template's are left out: mensetsu
//!   has one card per question.
//! - Answers in the `revlog` become review records with the id `anki:<revlog id>` (the id
//!   marks them as imported), so an answer imported once is known again and never
//!   written twice. An answer exported from mensetsu comes back with its card and its
//!   time in milliseconds, and is known by those.
//! - Manual entries (rescheduled or reset by hand, ease 0) are not answers and are left
//!   out, as Anki's FSRS leaves them out.

use super::export::{DERIVED_CLASS, FIELDS, ID_FIELD, NOTETYPE_NAME, OWN_CLASS, localized};
use super::{AnkiCollection, AnkiNote, AnkiNotetype, RevlogKind};
use crate::core::content::deck::{self, Card, Deck, DeckSet, Localized, Point};
use crate::core::content::import::slugify;
use crate::core::files::{self, WriteError};
use crate::core::review::log::{LoggedRecord, Mode, Record, ReviewRecord};
use crate::core::review::scheduler::Rating;
use crate::core::review::store::{LogSnapshot, Store, StoreError};
use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

/// The id prefix of an imported answer; the rest is Anki's revlog id. Not `<device>-<n>`,
/// so the log keeps these apart from the numbered ids it counts per device.
pub use crate::core::review::log::IMPORTED_ID_PREFIX;

/// How far past an answer's millisecond an exported revlog id can be (two answers in the
/// same millisecond get the next free one; see [`super::export`]).
const EXPORT_ID_SLACK_MS: i64 = 64;

/// Something in the package that is left out; the rest is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportProblem {
    #[error("note type `{notetype}` has no fields: its {notes} note(s) are left out")]
    NotetypeWithoutFields { notetype: String, notes: usize },
    #[error("{notes} note(s) name a note type the package does not have; left out")]
    UnknownNotetype { notes: usize },
    #[error("{notes} note(s) have an empty first field (no question); left out")]
    EmptyQuestion { notes: usize },
    #[error(
        "{reviews} review(s) are of cards the package does not have (first: Anki card {card}); left out"
    )]
    ReviewsOfMissingCards { reviews: usize, card: i64 },
    #[error(
        "{cards} card(s) of a note's second or later template; mensetsu keeps one card per note, so their {reviews} review(s) are left out"
    )]
    OtherTemplates { cards: usize, reviews: usize },
    #[error("{reviews} review(s) have a rating outside 1-4; left out")]
    BadRating { reviews: usize },
    #[error("deck `{deck}` would not load: {detail}; left out")]
    InvalidDeck { deck: String, detail: String },
}

/// How one note type's fields become a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMapping {
    pub notetype: String,
    pub notes: usize,
    /// Whether it is mensetsu's own note type, mapped field by field.
    pub mensetsu: bool,
    /// The field that becomes the question, and those that become points.
    pub question: String,
    pub points: Vec<String>,
}

/// A user deck the import writes.
#[derive(Debug, Clone)]
pub struct PlannedDeck {
    pub deck: Deck,
    pub target: PathBuf,
    /// The file exists (a deck of an earlier import): it is replaced by this deck, which
    /// holds its cards and the new ones.
    pub replaces: bool,
    pub new_cards: usize,
}

/// What a package would add, before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub file: PathBuf,
    /// The collection entry read, which tells the package format.
    pub entry: &'static str,
    /// Anki's decks that hold the notes, by name.
    pub anki_decks: Vec<String>,
    pub notes: usize,
    /// Notes that are cards this data folder has already.
    pub matched: usize,
    pub decks: Vec<PlannedDeck>,
    /// Cards (old or new) that have at least one answer in the package.
    pub with_history: usize,
    /// The answers to add, oldest first.
    pub reviews: Vec<ReviewRecord>,
    /// Answers in the package that this data folder has already.
    pub known_reviews: usize,
    pub mappings: Vec<FieldMapping>,
    pub problems: Vec<ImportProblem>,
}

impl Plan {
    pub fn new_cards(&self) -> usize {
        self.decks.iter().map(|deck| deck.new_cards).sum()
    }

    /// Nothing to write: every card and answer is here already.
    pub fn is_empty(&self) -> bool {
        self.new_cards() == 0 && self.reviews.is_empty()
    }
}

/// Works out what `anki` (read from `file`'s `entry`) would add to a data folder with the
/// `loaded` decks, user decks in `decks_dir`, and the `log`. `offset_at` gives the local
/// UTC offset at a moment (milliseconds since 1970): an answer's study day is taken in it.
pub fn plan(
    file: &Path,
    entry: &'static str,
    anki: &AnkiCollection,
    loaded: &DeckSet,
    decks_dir: &Path,
    log: &LogSnapshot,
    offset_at: &dyn Fn(i64) -> FixedOffset,
) -> Plan {
    let mut problems = Vec::new();
    let notetypes: FxHashMap<i64, &AnkiNotetype> =
        anki.notetypes.iter().map(|n| (n.id, n)).collect();
    let deck_names: FxHashMap<i64, &str> =
        anki.decks.iter().map(|d| (d.id, d.name.as_str())).collect();
    // Each note's first card (lowest template number); later ones are left out.
    let mut first_card: FxHashMap<i64, (i64, i64)> = FxHashMap::default();
    for card in &anki.cards {
        let slot = first_card.entry(card.note).or_insert((card.ord, card.id));
        if (card.ord, card.id) < *slot {
            *slot = (card.ord, card.id);
        }
    }
    let card_deck: FxHashMap<i64, i64> = anki.cards.iter().map(|c| (c.id, c.deck)).collect();

    let mut mappings: Vec<FieldMapping> = Vec::new();
    let mut without_fields: FxHashMap<i64, usize> = FxHashMap::default();
    let mut unknown_notetype = 0;
    let mut empty_question = 0;
    let mut matched = 0;
    // Anki card id → mensetsu card id, for the answers.
    let mut card_ids: FxHashMap<i64, String> = FxHashMap::default();
    // New cards by Anki deck name, in note order.
    let mut new_cards: Vec<NewCards> = Vec::new();
    let mut anki_decks: Vec<String> = Vec::new();
    let mut seen_new: FxHashSet<String> = FxHashSet::default();
    for note in &anki.notes {
        let Some(notetype) = notetypes.get(&note.notetype) else {
            unknown_notetype += 1;
            continue;
        };
        if notetype.fields.is_empty() {
            *without_fields.entry(notetype.id).or_default() += 1;
            continue;
        }
        let is_mensetsu = is_mensetsu(notetype);
        match mappings.iter_mut().find(|m| m.notetype == notetype.name) {
            Some(mapping) => mapping.notes += 1,
            None => mappings.push(mapping_of(notetype, is_mensetsu)),
        }
        let Some(&(_, anki_card)) = first_card.get(&note.id) else {
            continue;
        };
        let deck_name = card_deck
            .get(&anki_card)
            .and_then(|deck| deck_names.get(deck))
            .map_or("Anki", |name| *name)
            .to_string();
        if !anki_decks.contains(&deck_name) {
            anki_decks.push(deck_name.clone());
        }
        let (card, role) = if is_mensetsu {
            mensetsu_card(note)
        } else {
            (other_card(note), None)
        };
        if card.question.is_blank() {
            empty_question += 1;
            continue;
        }
        if loaded.contains_card(&card.id) {
            matched += 1;
        } else if seen_new.insert(card.id.clone()) {
            match new_cards.iter_mut().find(|(name, _)| *name == deck_name) {
                Some((_, cards)) => cards.push((card.clone(), role)),
                None => new_cards.push((deck_name, vec![(card.clone(), role)])),
            }
        }
        card_ids.insert(anki_card, card.id);
    }
    for (notetype, notes) in without_fields {
        let name = notetypes
            .get(&notetype)
            .map_or_else(String::new, |n| n.name.clone());
        problems.push(ImportProblem::NotetypeWithoutFields {
            notetype: name,
            notes,
        });
    }
    if unknown_notetype > 0 {
        problems.push(ImportProblem::UnknownNotetype {
            notes: unknown_notetype,
        });
    }
    if empty_question > 0 {
        problems.push(ImportProblem::EmptyQuestion {
            notes: empty_question,
        });
    }

    let decks = planned_decks(new_cards, loaded, decks_dir, &mut problems);
    // Cards whose deck could not be written have no answers either.
    let writable: FxHashSet<&str> = decks
        .iter()
        .flat_map(|d| d.deck.cards.iter().map(|c| c.id.as_str()))
        .collect();
    card_ids.retain(|_, id| loaded.contains_card(id) || writable.contains(id.as_str()));

    let (reviews, known_reviews, with_history) =
        answers(anki, &card_ids, log, offset_at, &mut problems);
    Plan {
        file: file.to_path_buf(),
        entry,
        anki_decks,
        notes: anki.notes.len(),
        matched,
        decks,
        with_history,
        reviews,
        known_reviews,
        mappings,
        problems,
    }
}

fn is_mensetsu(notetype: &AnkiNotetype) -> bool {
    notetype.name.starts_with(NOTETYPE_NAME)
        && notetype.fields.len() >= FIELDS.len()
        && notetype.fields.iter().zip(FIELDS).all(|(a, b)| a == b)
}

fn mapping_of(notetype: &AnkiNotetype, mensetsu: bool) -> FieldMapping {
    FieldMapping {
        notetype: notetype.name.clone(),
        notes: 1,
        mensetsu,
        question: notetype.fields.first().cloned().unwrap_or_default(),
        points: notetype.fields.iter().skip(1).cloned().collect(),
    }
}

/// A mensetsu note's card, and the role its first tag names.
fn mensetsu_card(note: &AnkiNote) -> (Card, Option<String>) {
    let field = |index: usize| note.fields.get(index).map_or("", String::as_str);
    let id = collection_text(field(ID_FIELD));
    let id = if id.is_empty() {
        format!("anki-{}", note.id)
    } else {
        id
    };
    let ja = list_items(field(2));
    let en = list_items(field(3));
    let points = (0..ja.len().max(en.len()))
        .filter_map(|index| {
            let (ja, ja_class) = ja.get(index).cloned().unwrap_or_default();
            let (en, en_class) = en.get(index).cloned().unwrap_or_default();
            let class = if ja_class.is_empty() {
                en_class
            } else {
                ja_class
            };
            if class == OWN_CLASS {
                return None;
            }
            let derived = class == DERIVED_CLASS;
            let strip = |text: String| {
                if derived { without_marker(&text) } else { text }
            };
            let (ja, en) = (strip(ja), strip(en));
            // One text in both fields is a point in one language, which the export put in
            // the other field too: its script says which (an English point came back as
            // Japanese).
            let text = if en == ja {
                in_its_language(ja)
            } else {
                localized(&ja, &en)
            };
            (!text.is_blank()).then_some(Point {
                text,
                derived,
                from: None,
            })
        })
        .collect();
    let card = Card {
        id,
        question: localized(field(0), field(1)),
        points,
        no_points: None,
        tags: note
            .tags
            .iter()
            .skip(1)
            .map(|tag| tag.as_str().into())
            .collect(),
    };
    (card, note.tags.first().cloned())
}

fn collection_text(html: &str) -> String {
    super::collection::strip_html(html).trim().to_string()
}

/// A derived point's text without the ` (marker)` the export put after it.
fn without_marker(text: &str) -> String {
    match text.rfind(" (") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text.to_string(),
    }
}

/// The `<li>` items of a list field, each as plain text with its `class`.
fn list_items(html: &str) -> Vec<(String, String)> {
    let mut items = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<li") {
        let after = &rest[start + 3..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let attributes = &after[..tag_end];
        let class = attributes
            .split("class=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("")
            .to_string();
        let body = &after[tag_end + 1..];
        let end = body.find("</li>").unwrap_or(body.len());
        let text = super::collection::strip_html(&body[..end].replace("<br>", "\n"));
        items.push((text.trim().to_string(), class));
        rest = &body[end..];
    }
    items
}

/// Any other note type: the first field is the question, every other field gives points,
/// one per list item or, without a list, one per line.
fn other_card(note: &AnkiNote) -> Card {
    let question = collection_text(&note.fields.first().cloned().unwrap_or_default());
    let mut points = Vec::new();
    for field in note.fields.iter().skip(1) {
        let items = list_items(field);
        let texts: Vec<String> = if items.is_empty() {
            let lines = field
                .replace("<br />", "\n")
                .replace("<br/>", "\n")
                .replace("<br>", "\n")
                .replace("<div>", "\n")
                .replace("</div>", "\n")
                .replace("</p>", "\n");
            lines
                .lines()
                .map(collection_text)
                .filter(|line| !line.is_empty())
                .collect()
        } else {
            items.into_iter().map(|(text, _)| text).collect()
        };
        points.extend(texts.into_iter().map(|text| Point {
            text: in_its_language(text),
            derived: false,
            from: None,
        }));
    }
    Card {
        id: format!("anki-{}", note.id),
        question: in_its_language(question),
        points,
        no_points: None,
        tags: note.tags.iter().map(|tag| tag.as_str().into()).collect(),
    }
}

/// A text from a note type that says nothing of its language: Japanese if it has kana or
/// kanji, English otherwise.
fn in_its_language(text: String) -> Localized {
    let japanese = text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}')
    });
    if text.is_empty() {
        Localized::default()
    } else if japanese {
        Localized::japanese(text)
    } else {
        Localized::english(text)
    }
}

/// An Anki deck's name and its new cards, each with the role its note names (a mensetsu
/// note's first tag).
type NewCards = (String, Vec<(Card, Option<String>)>);

fn planned_decks(
    new_cards: Vec<NewCards>,
    loaded: &DeckSet,
    decks_dir: &Path,
    problems: &mut Vec<ImportProblem>,
) -> Vec<PlannedDeck> {
    let mut decks = Vec::new();
    for (name, cards) in new_cards {
        let slug = slugify(&name);
        let id = format!("anki-{}", if slug.is_empty() { "deck" } else { &slug });
        let target = decks_dir.join(format!("{id}.json"));
        let existing = loaded
            .decks
            .iter()
            .find(|d| !d.bundled && (Path::new(&d.path) == target || d.deck.id == id));
        let role = cards
            .iter()
            .find_map(|(_, role)| role.clone())
            .unwrap_or_else(|| "other".to_string());
        let mut deck = match existing {
            Some(existing) => existing.deck.clone(),
            None => Deck {
                format: deck::FORMAT_VERSION,
                id: id.clone(),
                title: in_its_language(name.clone()),
                role,
                source: Some(deck::Source {
                    file: "Anki".to_string(),
                    section: Some(name.clone()),
                }),
                cards: Vec::new(),
            },
        };
        let target = existing.map_or(target, |d| PathBuf::from(&d.path));
        let before = deck.cards.len();
        deck.cards.extend(cards.into_iter().map(|(card, _)| card));
        let new_cards = deck.cards.len() - before;
        // The deck must load as the app loads it; one that would not helps nobody.
        let checked = serde_json::to_string_pretty(&deck)
            .map_err(|error| error.to_string())
            .and_then(|json| {
                deck::parse_deck(&target.display().to_string(), &json)
                    .map_err(|problem| problem.to_string())
                    .and_then(|(_, problems)| match problems.first() {
                        Some(problem) => Err(problem.to_string()),
                        None => Ok(()),
                    })
            });
        if let Err(detail) = checked {
            problems.push(ImportProblem::InvalidDeck { deck: id, detail });
            continue;
        }
        decks.push(PlannedDeck {
            replaces: existing.is_some() || std::fs::symlink_metadata(&target).is_ok(),
            deck,
            target,
            new_cards,
        });
    }
    decks
}

/// The package's answers that are not in `log` yet, oldest first; how many are; how many
/// mapped cards have any answer.
fn answers(
    anki: &AnkiCollection,
    card_ids: &FxHashMap<i64, String>,
    log: &LogSnapshot,
    offset_at: &dyn Fn(i64) -> FixedOffset,
    problems: &mut Vec<ImportProblem>,
) -> (Vec<ReviewRecord>, usize, usize) {
    let package_cards: FxHashSet<i64> = anki.cards.iter().map(|c| c.id).collect();
    // Every answer here, by card and millisecond: an answer exported from mensetsu comes
    // back with both.
    let mut here: FxHashSet<(&str, i64)> = FxHashSet::default();
    for review in log.reviews.iter() {
        here.insert((review.card, review.at.timestamp_millis()));
    }
    let mut reviews = Vec::new();
    let mut known = 0;
    let mut missing = (0, 0);
    let mut other_templates: (FxHashSet<i64>, usize) = (FxHashSet::default(), 0);
    let mut bad_rating = 0;
    let mut with_history: FxHashSet<&str> = FxHashSet::default();
    for line in &anki.revlog {
        if matches!(line.kind, RevlogKind::Manual | RevlogKind::Other(_)) || line.ease == 0 {
            continue;
        }
        let Some(card) = card_ids.get(&line.card) else {
            if !package_cards.contains(&line.card) {
                if missing.0 == 0 {
                    missing.1 = line.card;
                }
                missing.0 += 1;
            } else {
                other_templates.0.insert(line.card);
                other_templates.1 += 1;
            }
            continue;
        };
        let Some(rating) = u8::try_from(line.ease)
            .ok()
            .and_then(|ease| Rating::try_from(ease).ok())
        else {
            bad_rating += 1;
            continue;
        };
        let Some(at) = DateTime::from_timestamp_millis(line.id) else {
            bad_rating += 1;
            continue;
        };
        with_history.insert(card.as_str());
        let id = format!("{IMPORTED_ID_PREFIX}{}", line.id);
        let exported =
            (0..=EXPORT_ID_SLACK_MS).any(|back| here.contains(&(card.as_str(), line.id - back)));
        // An odd id (not `<device>-<n>`) has a key only when an answer of the log has it.
        if exported || log.reviews.find_id(&id).is_some() {
            known += 1;
            continue;
        }
        reviews.push(ReviewRecord {
            id,
            card: card.clone(),
            at: at.with_timezone(&offset_at(line.id)),
            rating,
            duration_ms: u64::try_from(line.time_ms).ok().filter(|ms| *ms > 0),
            points_covered: None,
            points_detected: None,
            points_total: None,
            answer: None,
            mode: Mode::Study,
            session: None,
            spoken: None,
        });
    }
    if missing.0 > 0 {
        problems.push(ImportProblem::ReviewsOfMissingCards {
            reviews: missing.0,
            card: missing.1,
        });
    }
    if !other_templates.0.is_empty() {
        problems.push(ImportProblem::OtherTemplates {
            cards: other_templates.0.len(),
            reviews: other_templates.1,
        });
    }
    if bad_rating > 0 {
        problems.push(ImportProblem::BadRating {
            reviews: bad_rating,
        });
    }
    reviews.sort_by_key(|review| review.at);
    (reviews, known, with_history.len())
}

/// What [`apply`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub decks: Vec<PathBuf>,
    pub cards: usize,
    pub reviews: usize,
    /// The answers as appended, for a loaded collection to take in
    /// ([`crate::core::collection::Collection::take_imported`]).
    pub records: Vec<LoggedRecord>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("{}: cannot write the deck: {source}", path.display())]
    Deck { path: PathBuf, source: WriteError },
    #[error("cannot encode deck `{0}`")]
    Encode(String),
    #[error(transparent)]
    Log(#[from] StoreError),
}

/// Writes a previewed plan: the decks first, then the answers to this device's log.
/// Stopped half-way (a full disk), importing the package again writes what is missing and
/// nothing twice.
pub fn apply(plan: &Plan, store: &mut Store) -> Result<Applied, ApplyError> {
    let mut written = Vec::new();
    for planned in &plan.decks {
        if planned.new_cards == 0 {
            continue;
        }
        let mut json = serde_json::to_string_pretty(&planned.deck)
            .map_err(|_| ApplyError::Encode(planned.deck.id.clone()))?;
        json.push('\n');
        files::write_atomically(&planned.target, json.as_bytes()).map_err(|source| {
            ApplyError::Deck {
                path: planned.target.clone(),
                source,
            }
        })?;
        written.push(planned.target.clone());
    }
    let mut records = Vec::with_capacity(plan.reviews.len());
    for review in &plan.reviews {
        let record = Record::Review(review.clone());
        let origin = store.append(&record)?;
        records.push(LoggedRecord { record, origin });
    }
    Ok(Applied {
        decks: written,
        cards: plan.new_cards(),
        reviews: plan.reviews.len(),
        records,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anki::collection::{self, NotetypeLayout, WriteOptions};
    use crate::core::anki::{AnkiCard, AnkiDeck, AnkiReview};
    use crate::core::review::log::Origin;

    fn basic() -> AnkiNotetype {
        AnkiNotetype {
            id: 10,
            name: "Basic".into(),
            fields: vec!["Front".into(), "Back".into()],
        }
    }

    fn note(id: i64, notetype: i64, fields: &[&str]) -> AnkiNote {
        AnkiNote {
            id,
            guid: format!("g{id}"),
            notetype,
            tags: vec!["tag".into()],
            fields: fields.iter().map(|f| f.to_string()).collect(),
        }
    }

    fn card(id: i64, note: i64, ord: i64) -> AnkiCard {
        AnkiCard {
            id,
            note,
            deck: 1,
            ord,
            kind: 2,
            queue: 2,
            due: 0,
            interval: 1,
            factor: 2500,
            reps: 1,
            lapses: 0,
            left: 0,
            data: "{}".into(),
        }
    }

    fn answer(id: i64, card: i64, ease: i64, kind: RevlogKind) -> AnkiReview {
        AnkiReview {
            id,
            card,
            ease,
            interval: 1,
            last_interval: 0,
            factor: 0,
            time_ms: 5000,
            kind,
        }
    }

    fn collection() -> AnkiCollection {
        AnkiCollection {
            decks: vec![AnkiDeck {
                id: 1,
                name: "Interview::Leadership".into(),
            }],
            notetypes: vec![basic()],
            notes: vec![
                note(
                    100,
                    10,
                    &[
                        "Why <b>SLOs</b>?",
                        "<ul><li>error budget</li><li>focus</li></ul>",
                    ],
                ),
                note(
                    101,
                    10,
                    &["障害対応は？", "検知<br>復旧<div>ポストモーテム</div>"],
                ),
            ],
            cards: vec![card(1000, 100, 0), card(1001, 101, 0), card(1002, 101, 1)],
            revlog: vec![
                answer(1_767_225_600_000, 1000, 3, RevlogKind::Learn),
                answer(1_767_312_000_000, 1000, 1, RevlogKind::Review),
                answer(1_767_312_000_500, 1000, 0, RevlogKind::Manual),
                answer(1_767_398_400_000, 1001, 4, RevlogKind::Learn),
                answer(1_767_398_400_001, 1002, 3, RevlogKind::Learn),
                answer(1_767_398_400_002, 9999, 3, RevlogKind::Review),
            ],
        }
    }

    fn tokyo(_: i64) -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap_or(FixedOffset::east_opt(0).unwrap())
    }

    fn plan_of(anki: &AnkiCollection, log: &LogSnapshot) -> Plan {
        plan(
            Path::new("x.apkg"),
            "collection.anki21b",
            anki,
            &DeckSet::default(),
            Path::new("/data/decks"),
            log,
            &tokyo,
        )
    }

    #[test]
    fn other_note_types_map_the_first_field_to_the_question_and_the_rest_to_points() {
        let plan = plan_of(&collection(), &LogSnapshot::default());
        assert_eq!(plan.anki_decks, ["Interview::Leadership"]);
        assert_eq!(plan.mappings.len(), 1);
        assert_eq!(plan.mappings[0].question, "Front");
        assert_eq!(plan.mappings[0].points, ["Back"]);
        let deck = &plan.decks[0].deck;
        assert_eq!(deck.id, "anki-interview-leadership");
        assert_eq!(
            plan.decks[0].target,
            Path::new("/data/decks/anki-interview-leadership.json")
        );
        assert_eq!(deck.cards[0].id, "anki-100");
        assert_eq!(deck.cards[0].question.en(), Some("Why SLOs?"));
        let points: Vec<&str> = deck.cards[0]
            .points
            .iter()
            .map(|p| p.text.get(Lang::En))
            .collect();
        assert_eq!(points, ["error budget", "focus"]);
        assert_eq!(deck.cards[1].question.ja(), Some("障害対応は？"));
        let points: Vec<&str> = deck.cards[1]
            .points
            .iter()
            .map(|p| p.text.get(Lang::Ja))
            .collect();
        assert_eq!(points, ["検知", "復旧", "ポストモーテム"]);
    }

    use crate::core::content::deck::Lang;

    #[test]
    fn answers_become_marked_records_and_what_cannot_be_mapped_is_named() {
        let plan = plan_of(&collection(), &LogSnapshot::default());
        let ids: Vec<&str> = plan.reviews.iter().map(|r| r.id.as_str()).collect();
        // The manual entry is no answer; the second template's and the missing card's
        // answers are left out and said.
        assert_eq!(
            ids,
            [
                "anki:1767225600000",
                "anki:1767312000000",
                "anki:1767398400000"
            ]
        );
        assert_eq!(plan.reviews[1].rating, Rating::Again);
        assert_eq!(plan.reviews[0].at.to_rfc3339(), "2026-01-01T09:00:00+09:00");
        assert_eq!(plan.reviews[0].duration_ms, Some(5000));
        assert_eq!(plan.with_history, 2);
        assert!(
            plan.problems
                .contains(&ImportProblem::ReviewsOfMissingCards {
                    reviews: 1,
                    card: 9999
                })
        );
        assert!(plan.problems.contains(&ImportProblem::OtherTemplates {
            cards: 1,
            reviews: 1
        }));
        let message = ImportProblem::ReviewsOfMissingCards {
            reviews: 1,
            card: 9999,
        }
        .to_string();
        assert!(message.contains("Anki card 9999"), "{message}");
    }

    #[test]
    fn answers_already_in_the_log_are_not_planned_again() {
        let first = plan_of(&collection(), &LogSnapshot::default());
        let logged: Vec<LoggedRecord> = first
            .reviews
            .iter()
            .take(2)
            .enumerate()
            .map(|(line, review)| LoggedRecord {
                record: Record::Review(review.clone()),
                origin: Origin {
                    file: PathBuf::from("pc.jsonl"),
                    line: line + 1,
                },
            })
            .collect();
        let log = LogSnapshot::from_records(logged, Vec::new());
        let second = plan_of(&collection(), &log);
        assert_eq!(second.known_reviews, 2);
        assert_eq!(second.reviews.len(), 1);
    }

    #[test]
    fn a_note_type_without_fields_is_named_and_its_notes_left_out() {
        let mut anki = collection();
        anki.notetypes.push(AnkiNotetype {
            id: 11,
            name: "Empty".into(),
            fields: Vec::new(),
        });
        anki.notes.push(note(102, 11, &[""]));
        anki.cards.push(card(1003, 102, 0));
        let plan = plan_of(&anki, &LogSnapshot::default());
        assert!(
            plan.problems
                .contains(&ImportProblem::NotetypeWithoutFields {
                    notetype: "Empty".into(),
                    notes: 1
                })
        );
        assert_eq!(plan.new_cards(), 2);
    }

    #[test]
    fn a_mensetsu_note_comes_back_as_the_card_it_was() {
        let note = AnkiNote {
            id: 5,
            guid: "mensetsu-vpoe-q01".into(),
            notetype: 1,
            tags: vec!["vpoe".into(), "metrics".into()],
            fields: vec![
                "SLOを説明して".into(),
                "Explain SLOs".into(),
                "<ul><li>目標</li><li class=\"derived\">予算 <i>(本文より)</i></li><li class=\"own\">私の例 <i>(自分のポイント)</i></li></ul>".into(),
                "<ul><li>Objectives</li><li class=\"derived\">Budget <i>(from the guide)</i></li><li class=\"own\">Mine <i>(your own point)</i></li></ul>".into(),
                "001.txt".into(),
                "vpoe-q01".into(),
            ],
        };
        let (card, role) = mensetsu_card(&note);
        assert_eq!(card.id, "vpoe-q01");
        assert_eq!(role.as_deref(), Some("vpoe"));
        assert_eq!(card.tags, ["metrics".into()]);
        assert_eq!(
            card.question,
            Localized::both("SLOを説明して", "Explain SLOs")
        );
        assert_eq!(
            card.points.len(),
            2,
            "own points are the log's, not the deck's"
        );
        assert_eq!(card.points[1].text, Localized::both("予算", "Budget"));
        assert!(card.points[1].derived);
    }

    #[test]
    fn a_point_in_one_language_comes_back_in_that_language() {
        let note = |points: &str| AnkiNote {
            id: 6,
            guid: "mensetsu-mine-q01".into(),
            notetype: 1,
            tags: vec!["other".into()],
            fields: vec![
                String::new(),
                "Why SLOs?".into(),
                points.into(),
                points.into(),
                String::new(),
                "mine-q01".into(),
            ],
        };
        let (card, _) = mensetsu_card(&note("<ul><li>Give clear, written expectations</li></ul>"));
        assert_eq!(
            card.points[0].text,
            Localized::english("Give clear, written expectations")
        );
        let (card, _) = mensetsu_card(&note("<ul><li>期待を文書で示す</li></ul>"));
        assert_eq!(card.points[0].text, Localized::japanese("期待を文書で示す"));
    }

    #[test]
    fn a_damaged_collection_is_named() {
        let layout = NotetypeLayout {
            question_format: "{{Front}}".into(),
            answer_format: "{{Back}}".into(),
            css: String::new(),
        };
        let options = WriteOptions {
            created_secs: 0,
            now_millis: 0,
            layout,
            fsrs_parameters: Vec::new(),
            desired_retention: 0.9,
            rollover_hour: 4,
        };
        let written = collection::write(&collection(), &options).unwrap();
        let read = collection::read(Path::new("x.apkg"), "collection.anki21", &written).unwrap();
        assert_eq!(read.notes, collection().notes);
        assert_eq!(read.revlog, collection().revlog);
        assert_eq!(read.notetypes, collection().notetypes);
        let mut damaged = written.clone();
        let half = damaged.len() / 2;
        damaged.truncate(half);
        damaged[0] = b'X';
        let error = collection::read(Path::new("x.apkg"), "collection.anki21", &damaged)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("x.apkg: `collection.anki21` is not a readable Anki collection"),
            "{error}"
        );
        let error = collection::read(Path::new("x.apkg"), "collection.anki21", b"not sqlite")
            .unwrap_err()
            .to_string();
        assert!(error.contains("not a readable Anki collection"), "{error}");
    }
}
