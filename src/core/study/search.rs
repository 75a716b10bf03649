//! Card search with a subset of Anki's syntax, for the browser and `mensetsu search`.
//!
//! A query is terms separated by spaces, all of which must match (AND; Anki's `and` may
//! stand between them, its `or` is refused); `-` before a term negates it. A term is
//! free text (a word, or "several words" in double quotes) matched in the question, the
//! answer points (the user's own included) and the note, in both
//! languages, ignoring case, width and spaces (so Japanese matches without word
//! boundaries); or one of:
//!
//! | term | matches |
//! |---|---|
//! | `deck:ID` | cards of the deck with that id or title (`*` matches any run of characters) |
//! | `card:ID` | the card with that id (`*` as for decks) |
//! | `tag:NAME` | cards with the tag (`leech` included for leeches) |
//! | `is:new`, `is:learn`, `is:review`, `is:due`, `is:suspended`, `is:buried`, `is:leech` | cards in that state (`is:due` without suspended or buried cards, as Anki) |
//! | `flag:N` | cards with flag N (0 = none, 1-7 Anki's colours) |
//! | `lapses>N` (also `<`, `>=`, `<=`, `=`, `:`) | cards with that many lapses |
//! | `prop:due<N` (also `prop:lapses`, `prop:reps`, with any comparison) | due in that many days (negative: overdue) |
//!
//! A malformed query is an error that names the character it goes wrong at, never an empty
//! result that looks like "no cards".

use crate::core::collection::Collection;
use crate::core::content::deck::{Card, Deck};
use crate::core::review::marks::CardMarks;
use crate::core::review::scheduler::{CardState, Phase};
use chrono::{DateTime, FixedOffset};
use unicode_normalization::UnicodeNormalization;

/// What is wrong with a query, and where (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at character {column} of the search)")]
pub struct QueryError {
    pub column: usize,
    pub kind: QueryErrorKind,
}

impl QueryError {
    /// What is wrong, in English, without the place.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// What is wrong with a query, with what the message needs to say it in any language;
/// `Display` is the English `mensetsu search` prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryErrorKind {
    #[error("`-` must come right before the term it negates, e.g. -is:new")]
    LoneMinus,
    #[error("this quote is never closed; end the text with \"")]
    UnclosedQuote,
    /// `sign` is the comparison sign with nothing before it.
    #[error("a search key is missing before `{sign}`")]
    MissingKey { sign: String },
    #[error("`{key}` takes `:`, e.g. {example}")]
    NeedsColon { key: String, example: String },
    #[error("`{key}` needs a value after the sign, e.g. {example}")]
    MissingValue { key: String, example: &'static str },
    #[error("`is:{value}` is not a state; use one of {STATES}")]
    NotAState { value: String },
    #[error("`flag:{value}` is not a flag; flags are 0 (none) to 7")]
    NotAFlag { value: String },
    #[error("`{text}` is not a whole number")]
    NotANumber { text: String },
    #[error("`prop:{value}` needs a comparison, e.g. prop:due<3")]
    NoComparison { value: String },
    #[error("`{name}` is not a property; use one of {PROPERTIES}")]
    NotAProperty { name: String },
    #[error("a number is missing after the comparison")]
    MissingNumber,
    #[error("`{key}` is not a search key; the keys are {KEYS}")]
    NotAKey { key: String },
    /// Anki's `or`: every term must match here, so it would have been looked for as a
    /// word and found nothing, without a word of why.
    #[error(
        "`{word}` (either term) is not supported: every term must match; to find the word itself, quote it: \"{word}\""
    )]
    Or { word: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Less,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    Greater,
}

impl Comparison {
    fn holds(self, left: i64, right: i64) -> bool {
        match self {
            Comparison::Less => left < right,
            Comparison::LessOrEqual => left <= right,
            Comparison::Equal => left == right,
            Comparison::GreaterOrEqual => left >= right,
            Comparison::Greater => left > right,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    New,
    Learn,
    Review,
    Due,
    Suspended,
    Buried,
    Leech,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    Due,
    Lapses,
    Reps,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Normalized (see [`normalize`]).
    Text(String),
    /// Lower case, with `*` wildcards.
    Deck(String),
    /// Lower case, with `*` wildcards.
    Card(String),
    /// Lower case.
    Tag(String),
    Is(State),
    Flag(u8),
    Property(Property, Comparison, i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub filter: Filter,
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// Lower case, full-width letters and digits as ASCII (NFKC), and no spaces: what free
/// text is compared in.
pub fn normalize(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    normalize_into(&mut normalized, text);
    normalized
}

/// [`normalize`], appending to `out`. Most text is already in NFKC form (ASCII always
/// is; Japanese nearly always), and the NFKC iterator costs several times the rest: it
/// runs only where the quick check cannot tell.
fn normalize_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(
            text.bytes()
                .filter(|byte| !byte.is_ascii_whitespace() && *byte != 0x0B)
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
    } else if unicode_normalization::is_nfkc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        out.extend(
            text.chars()
                .flat_map(char::to_lowercase)
                .filter(|c| !c.is_whitespace()),
        );
    } else {
        out.extend(
            text.nfkc()
                .flat_map(char::to_lowercase)
                .filter(|c| !c.is_whitespace()),
        );
    }
}

/// The search keys, the states of `is:` and the properties of `prop:`, as messages list
/// them.
pub const KEYS: &str = "deck, card, tag, is, flag, lapses, prop";
pub const STATES: &str = "new, learn, review, due, suspended, buried, leech";
pub const PROPERTIES: &str = "due, lapses, reps";

/// One raw term of the query: its text and where it starts.
struct RawTerm {
    text: String,
    column: usize,
    quoted: bool,
}

fn split_terms(query: &str) -> Result<Vec<(bool, RawTerm)>, QueryError> {
    let chars: Vec<char> = query.chars().collect();
    let mut terms = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if chars[index].is_whitespace() {
            index += 1;
            continue;
        }
        let start = index;
        let negated = chars[index] == '-';
        if negated {
            index += 1;
            if index >= chars.len() || chars[index].is_whitespace() {
                return Err(QueryError {
                    column: start + 1,
                    kind: QueryErrorKind::LoneMinus,
                });
            }
        }
        let column = index + 1;
        let mut text = String::new();
        let mut quoted = false;
        if chars[index] == '"' {
            quoted = true;
            index += 1;
            loop {
                match chars.get(index) {
                    None => {
                        return Err(QueryError {
                            column,
                            kind: QueryErrorKind::UnclosedQuote,
                        });
                    }
                    Some('"') => {
                        index += 1;
                        break;
                    }
                    Some(c) => {
                        text.push(*c);
                        index += 1;
                    }
                }
            }
        } else {
            while index < chars.len() && !chars[index].is_whitespace() {
                text.push(chars[index]);
                index += 1;
            }
        }
        terms.push((
            negated,
            RawTerm {
                text,
                column,
                quoted,
            },
        ));
    }
    Ok(terms)
}

/// Reads a query. An empty query matches every card.
pub fn parse(query: &str) -> Result<Query, QueryError> {
    let mut terms = Vec::new();
    for (negated, raw) in split_terms(query)? {
        // Anki's operators, unquoted: `and` is what a space means already; `or` is refused.
        if !raw.quoted && !negated {
            if raw.text.eq_ignore_ascii_case("and") {
                continue;
            }
            if raw.text.eq_ignore_ascii_case("or") {
                return Err(QueryError {
                    column: raw.column,
                    kind: QueryErrorKind::Or { word: raw.text },
                });
            }
        }
        terms.push(Term {
            negated,
            filter: parse_term(&raw)?,
        });
    }
    Ok(Query { terms })
}

fn comparison_at(text: &str) -> Option<(usize, Comparison, usize)> {
    // The first comparison sign, and how long it is.
    let index = text.find(['<', '>', '=', ':'])?;
    let rest = &text[index..];
    let (comparison, length) = if rest.starts_with("<=") {
        (Comparison::LessOrEqual, 2)
    } else if rest.starts_with(">=") {
        (Comparison::GreaterOrEqual, 2)
    } else if rest.starts_with('<') {
        (Comparison::Less, 1)
    } else if rest.starts_with('>') {
        (Comparison::Greater, 1)
    } else {
        (Comparison::Equal, 1)
    };
    Some((index, comparison, length))
}

fn parse_term(raw: &RawTerm) -> Result<Filter, QueryError> {
    let error = |offset: usize, kind: QueryErrorKind| QueryError {
        column: raw.column + offset,
        kind,
    };
    if raw.quoted {
        return Ok(Filter::Text(normalize(&raw.text)));
    }
    let Some((sign_at, comparison, sign_length)) = comparison_at(&raw.text) else {
        return Ok(Filter::Text(normalize(&raw.text)));
    };
    let key = raw.text[..sign_at].to_lowercase();
    let value = &raw.text[sign_at + sign_length..];
    // Character offsets, for the message (`sign_at` counts bytes: a key may hold a
    // character of several bytes that lowercases to ASCII, such as the Kelvin sign U+212A).
    let sign_offset = raw.text[..sign_at].chars().count();
    let value_offset = raw.text[..sign_at + sign_length].chars().count();
    let is_colon = raw.text[sign_at..].starts_with(':');
    let need_value = |example: &'static str| {
        error(
            value_offset,
            QueryErrorKind::MissingValue {
                key: key.clone(),
                example,
            },
        )
    };
    let number = |text: &str, offset: usize| -> Result<i64, QueryError> {
        text.parse::<i64>().map_err(|_| {
            let text = text.to_string();
            error(offset, QueryErrorKind::NotANumber { text })
        })
    };
    match key.as_str() {
        "" => Err(error(
            0,
            QueryErrorKind::MissingKey {
                sign: raw.text[sign_at..sign_at + sign_length].to_string(),
            },
        )),
        "deck" | "tag" | "is" | "flag" if !is_colon => Err(error(
            sign_offset,
            QueryErrorKind::NeedsColon {
                key: key.clone(),
                example: format!("{key}:…"),
            },
        )),
        "deck" if value.is_empty() => Err(need_value("deck:vpoe")),
        "deck" => Ok(Filter::Deck(value.to_lowercase())),
        "card" if value.is_empty() => Err(need_value("card:vpoe-q01")),
        "card" => Ok(Filter::Card(value.to_lowercase())),
        "tag" if value.is_empty() => Err(need_value("tag:leech")),
        "tag" => Ok(Filter::Tag(value.to_lowercase())),
        "is" => {
            let state = match value.to_lowercase().as_str() {
                "new" => State::New,
                "learn" => State::Learn,
                "review" => State::Review,
                "due" => State::Due,
                "suspended" => State::Suspended,
                "buried" => State::Buried,
                "leech" => State::Leech,
                "" => return Err(need_value("is:due")),
                other => {
                    let value = other.to_string();
                    return Err(error(value_offset, QueryErrorKind::NotAState { value }));
                }
            };
            Ok(Filter::Is(state))
        }
        "flag" => match value.parse::<u8>() {
            Ok(flag) if flag <= crate::core::review::log::MAX_FLAG => Ok(Filter::Flag(flag)),
            _ if value.is_empty() => Err(need_value("flag:1")),
            _ => Err(error(
                value_offset,
                QueryErrorKind::NotAFlag {
                    value: value.to_string(),
                },
            )),
        },
        "lapses" => {
            if value.is_empty() {
                return Err(need_value("lapses>3"));
            }
            Ok(Filter::Property(
                Property::Lapses,
                comparison,
                number(value, value_offset)?,
            ))
        }
        "prop" if !is_colon => Err(error(
            sign_offset,
            QueryErrorKind::NeedsColon {
                key: key.clone(),
                example: "prop:due<3".to_string(),
            },
        )),
        "prop" => {
            let Some((inner_at, inner, inner_length)) = comparison_at(value) else {
                return Err(error(
                    value_offset,
                    QueryErrorKind::NoComparison {
                        value: value.to_string(),
                    },
                ));
            };
            let property = match value[..inner_at].to_lowercase().as_str() {
                "due" => Property::Due,
                "lapses" => Property::Lapses,
                "reps" => Property::Reps,
                other => {
                    let name = other.to_string();
                    return Err(error(value_offset, QueryErrorKind::NotAProperty { name }));
                }
            };
            let number_text = &value[inner_at + inner_length..];
            let offset = value_offset + value[..inner_at + inner_length].chars().count();
            if number_text.is_empty() {
                return Err(error(offset, QueryErrorKind::MissingNumber));
            }
            Ok(Filter::Property(
                property,
                inner,
                number(number_text, offset)?,
            ))
        }
        // Anything else with a colon is meant as a key: say so rather than search for it as
        // text and find nothing.
        other if is_colon && other.chars().all(|c| c.is_ascii_alphabetic()) => Err(error(
            0,
            QueryErrorKind::NotAKey {
                key: other.to_string(),
            },
        )),
        _ => Ok(Filter::Text(normalize(&raw.text))),
    }
}

/// `*` matches any run of characters; everything else itself. Both lower case.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (index, part) in parts.iter().enumerate() {
        if index == 0 {
            let Some(after) = rest.strip_prefix(part) else {
                return false;
            };
            rest = after;
        } else if index == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else {
                return false;
            };
            rest = &rest[at + part.len()..];
        }
    }
    true
}

/// The normalized text free text is looked for in: both languages of the question and
/// points, the user's own points and the note, into `text` (emptied first; one buffer
/// serves every card).
fn haystack_into(text: &mut String, collection: &Collection, card: &Card) {
    text.clear();
    let mut add = |part: &str| {
        normalize_into(text, part);
        text.push('\u{1}');
    };
    for lang in [card.question.ja(), card.question.en()] {
        add(lang.unwrap_or(""));
    }
    for point in &card.points {
        add(point.text.ja().unwrap_or(""));
        add(point.text.en().unwrap_or(""));
    }
    for point in collection.own_points(&card.id) {
        add(point);
    }
    add(collection.note(&card.id));
}

/// Whether one card matches `query` at `now`.
pub fn matches(
    query: &Query,
    collection: &Collection,
    deck: &Deck,
    card: &Card,
    now: DateTime<FixedOffset>,
) -> bool {
    let matcher = Matcher::new(query, collection, now);
    matcher.matches(&matcher.for_deck(deck), card, &mut String::new())
}

/// A query made ready to run over many cards: what is the same for every card (the study
/// day, its end) is worked out once, what is the same for every card of a deck (`deck:`
/// terms) once a deck, and a card's state and marks are looked up only when a term asks.
/// A search over 100,000 cards did each of these for every card.
pub struct Matcher<'a> {
    query: &'a Query,
    collection: &'a Collection,
    now: DateTime<FixedOffset>,
    today: chrono::NaiveDate,
    end_of_day: DateTime<FixedOffset>,
}

/// What a deck's terms said of a deck: per term, `Some(passes)` for a `deck:` term.
pub struct DeckVerdicts(Vec<Option<bool>>);

impl DeckVerdicts {
    /// Whether a `deck:` term rules out every card of the deck.
    fn excludes_all(&self) -> bool {
        self.0.contains(&Some(false))
    }
}

impl<'a> Matcher<'a> {
    pub fn new(query: &'a Query, collection: &'a Collection, now: DateTime<FixedOffset>) -> Self {
        Self {
            query,
            collection,
            now,
            today: collection.scheduler().study_day(now),
            end_of_day: crate::core::review::days::end_of_study_day(
                now,
                collection.settings().day_rollover_hour,
            ),
        }
    }

    /// The verdicts of the query's `deck:` terms on `deck`, negation applied.
    pub fn for_deck(&self, deck: &Deck) -> DeckVerdicts {
        DeckVerdicts(
            self.query
                .terms
                .iter()
                .map(|term| match &term.filter {
                    Filter::Deck(pattern) => {
                        let hit = wildcard_match(pattern, &deck.id.to_lowercase())
                            || [deck.title.ja(), deck.title.en()]
                                .into_iter()
                                .flatten()
                                .any(|title| wildcard_match(pattern, &title.to_lowercase()));
                        Some(hit != term.negated)
                    }
                    _ => None,
                })
                .collect(),
        )
    }

    /// Whether `card`, of the deck `verdicts` were made for, matches. `text` is a buffer
    /// for the card's searchable text, reused from card to card.
    pub fn matches(&self, verdicts: &DeckVerdicts, card: &Card, text: &mut String) -> bool {
        let collection = self.collection;
        let mut state: Option<Option<&CardState>> = None;
        let mut marks: Option<CardMarks> = None;
        let mut text_ready = false;
        self.query
            .terms
            .iter()
            .zip(&verdicts.0)
            .all(|(term, verdict)| {
                if let Some(passes) = verdict {
                    return *passes;
                }
                let hit = match &term.filter {
                    Filter::Text(needle) => {
                        if !text_ready {
                            haystack_into(text, collection, card);
                            text_ready = true;
                        }
                        text.contains(needle.as_str())
                    }
                    // Decided for the whole deck in `verdicts`.
                    Filter::Deck(_) => true,
                    Filter::Card(pattern) => wildcard_match(pattern, &card.id.to_lowercase()),
                    Filter::Tag(tag) => {
                        card.tags.iter().any(|known| &known.to_lowercase() == tag)
                            || (tag == "leech" && collection.is_leech(&card.id))
                    }
                    Filter::Is(wanted) => {
                        let state = *state.get_or_insert_with(|| collection.state_of(&card.id));
                        let phase = state.map_or(Phase::New, |state| state.phase());
                        match wanted {
                            State::New => phase == Phase::New,
                            State::Learn => matches!(phase, Phase::Learning | Phase::Relearning),
                            State::Review => phase == Phase::Review,
                            // As Anki's: a suspended or buried card is in no queue, so
                            // it is not due whatever its date.
                            State::Due => {
                                phase != Phase::New
                                    && state
                                        .and_then(|state| state.due())
                                        .is_some_and(|due| due < self.end_of_day)
                                    && {
                                        let marks =
                                            marks.get_or_insert_with(|| collection.marks(&card.id));
                                        !marks.suspended && !marks.is_buried(self.today)
                                    }
                            }
                            State::Suspended => {
                                marks
                                    .get_or_insert_with(|| collection.marks(&card.id))
                                    .suspended
                            }
                            State::Buried => marks
                                .get_or_insert_with(|| collection.marks(&card.id))
                                .is_buried(self.today),
                            State::Leech => collection.is_leech(&card.id),
                        }
                    }
                    Filter::Flag(flag) => {
                        marks.get_or_insert_with(|| collection.marks(&card.id)).flag == *flag
                    }
                    Filter::Property(property, comparison, number) => {
                        let state = *state.get_or_insert_with(|| collection.state_of(&card.id));
                        let value = match property {
                            Property::Lapses => state.map(|state| i64::from(state.lapses())),
                            Property::Reps => state.map(|state| i64::from(state.reps())),
                            Property::Due => state.and_then(|state| state.due()).map(|due| {
                                (collection.scheduler().study_day(due) - self.today).num_days()
                            }),
                        };
                        // A card never studied has no lapses or reps to speak of: 0; and
                        // no due date, so no `prop:due` term matches it.
                        let value = match property {
                            Property::Due => value,
                            Property::Lapses | Property::Reps => Some(value.unwrap_or(0)),
                        };
                        value.is_some_and(|value| comparison.holds(value, *number))
                    }
                };
                hit != term.negated
            })
    }

    /// Every matching card with its deck, in deck order.
    pub fn cards(&self) -> Vec<(&'a Deck, &'a Card)> {
        let decks = &self.collection.decks().decks;
        self.positions()
            .into_iter()
            .filter_map(|(deck, card)| {
                let deck = &decks.get(deck)?.deck;
                Some((deck, deck.cards.get(card)?))
            })
            .collect()
    }

    /// Where every matching card is, in deck order: (index into the decks, index into
    /// that deck's cards).
    pub fn positions(&self) -> Vec<(usize, usize)> {
        let mut text = String::new();
        let mut found = Vec::new();
        for (deck_index, loaded) in self.collection.decks().decks.iter().enumerate() {
            let deck = &loaded.deck;
            let verdicts = self.for_deck(deck);
            if verdicts.excludes_all() {
                continue;
            }
            for (card_index, card) in deck.cards.iter().enumerate() {
                if self.matches(&verdicts, card, &mut text) {
                    found.push((deck_index, card_index));
                }
            }
        }
        found
    }

    /// `now`, the moment the matcher was made for.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }
}

/// Where a card is: (index into the collection's decks, index into that deck's cards).
pub type Position = (usize, usize);

/// A search run a slice of cards at a time, so that a search over a hundred thousand
/// cards never holds a frame: the browser steps it until its time for the frame is spent
/// and shows the previous results until it is done. Stepping it to the end finds exactly
/// what [`Matcher::positions`] finds.
#[derive(Debug)]
pub struct SearchRun {
    query: Query,
    cards: Cards,
    /// How many cards have been looked at.
    looked_at: usize,
    found: Vec<Position>,
}

/// The cards a run looks at.
#[derive(Debug)]
enum Cards {
    /// Every card, from this position on.
    All { next: Position, total: usize },
    /// Only these, the results of a search the query narrows (see [`Query::narrows`]).
    Within(Vec<Position>),
}

impl SearchRun {
    /// A search over every card of `collection`.
    pub fn new(query: Query, collection: &Collection) -> Self {
        let total = collection.decks().card_count();
        Self {
            query,
            cards: Cards::All {
                next: (0, 0),
                total,
            },
            looked_at: 0,
            found: Vec::new(),
        }
    }

    /// A search over only `previous`, what `previous_query` found in the same collection
    /// (unchanged since), when every card `query` matches is among them: a word typed
    /// longer searches the cards the shorter word found. Otherwise a search over every
    /// card.
    pub fn narrowing(
        query: Query,
        previous_query: &Query,
        previous: Vec<Position>,
        collection: &Collection,
    ) -> Self {
        if query.narrows(previous_query) {
            Self {
                query,
                cards: Cards::Within(previous),
                looked_at: 0,
                found: Vec::new(),
            }
        } else {
            Self::new(query, collection)
        }
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Looks at up to `budget` more cards (at least one); whether the run is done.
    pub fn step(
        &mut self,
        collection: &Collection,
        now: DateTime<FixedOffset>,
        budget: usize,
    ) -> bool {
        let matcher = Matcher::new(&self.query, collection, now);
        let decks = &collection.decks().decks;
        let mut text = String::new();
        let mut left = budget.max(1);
        match &mut self.cards {
            Cards::Within(positions) => {
                let start = self.looked_at.min(positions.len());
                let end = start.saturating_add(left).min(positions.len());
                let mut verdicts: Option<(usize, DeckVerdicts)> = None;
                for &(deck_index, card_index) in &positions[start..end] {
                    let Some(deck) = decks.get(deck_index).map(|loaded| &loaded.deck) else {
                        continue;
                    };
                    let Some(card) = deck.cards.get(card_index) else {
                        continue;
                    };
                    if verdicts
                        .as_ref()
                        .is_none_or(|(index, _)| *index != deck_index)
                    {
                        verdicts = Some((deck_index, matcher.for_deck(deck)));
                    }
                    if let Some((_, verdicts)) = &verdicts
                        && matcher.matches(verdicts, card, &mut text)
                    {
                        self.found.push((deck_index, card_index));
                    }
                }
                self.looked_at = end;
                end == positions.len()
            }
            Cards::All { next, .. } => {
                while left > 0 {
                    let Some(loaded) = decks.get(next.0) else {
                        return true;
                    };
                    let deck = &loaded.deck;
                    let verdicts = matcher.for_deck(deck);
                    let end = if verdicts.excludes_all() {
                        deck.cards.len()
                    } else {
                        let end = next.1.saturating_add(left).min(deck.cards.len());
                        for card_index in next.1.min(end)..end {
                            if matcher.matches(&verdicts, &deck.cards[card_index], &mut text) {
                                self.found.push((next.0, card_index));
                            }
                        }
                        left -= end - next.1.min(end);
                        end
                    };
                    self.looked_at += end - next.1.min(end);
                    if end >= deck.cards.len() {
                        *next = (next.0 + 1, 0);
                    } else {
                        *next = (next.0, end);
                    }
                }
                decks.get(next.0).is_none()
            }
        }
    }

    /// Cards looked at so far, and how many there are to look at.
    pub fn progress(&self) -> (usize, usize) {
        let total = match &self.cards {
            Cards::All { total, .. } => *total,
            Cards::Within(positions) => positions.len(),
        };
        (self.looked_at.min(total), total)
    }

    /// What the run found, in deck order (all of it once [`SearchRun::step`] said done).
    pub fn found(&self) -> &[Position] {
        &self.found
    }

    pub fn into_found(self) -> Vec<Position> {
        self.found
    }
}

impl Query {
    /// Whether every card this query matches is also matched by `wider`, whatever the
    /// cards: each of `wider`'s terms is implied by one of this query's. A free-text word
    /// implies every part of itself (a card containing "チーム" contains "チー"); a
    /// negated word is implied by the negation of any text containing it; any other term
    /// only by itself.
    pub fn narrows(&self, wider: &Query) -> bool {
        wider.terms.iter().all(|needed| {
            self.terms.iter().any(|term| {
                term == needed
                    || match (&term.filter, &needed.filter, term.negated, needed.negated) {
                        (Filter::Text(word), Filter::Text(part), false, false) => {
                            word.contains(part.as_str())
                        }
                        (Filter::Text(part), Filter::Text(word), true, true) => {
                            word.contains(part.as_str())
                        }
                        _ => false,
                    }
            })
        })
    }
}

/// Card ids matching `query`, in deck order.
pub fn search(query: &Query, collection: &Collection, now: DateTime<FixedOffset>) -> Vec<String> {
    Matcher::new(query, collection, now)
        .cards()
        .into_iter()
        .map(|(_, card)| card.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths of [`normalize`] agree with NFKC, lower case, no spaces, done the
    /// plain way.
    #[test]
    fn normalizing_fast_gives_what_nfkc_gives() {
        let plain = |text: &str| -> String {
            text.nfkc()
                .flat_map(char::to_lowercase)
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        for text in [
            "Tech Debt\tand\x0bSLOs\r\n",
            "技術的負債の返済",
            "ＣＴＯの役割　と ＶＰｏＥ",
            "ｶﾀｶﾅ と ﾊﾟｲﾌﾟﾗｲﾝ",
            "Ⅳ ① ㌔ ﬁ İstanbul ΣΑΣ",
            "\u{a0}non-breaking\u{2003}em\u{85}next",
            "",
        ] {
            assert_eq!(normalize(text), plain(text), "{text:?}");
        }
    }

    fn error_of(query: &str) -> QueryError {
        parse(query).expect_err(query)
    }

    #[test]
    fn terms_parse_with_their_keys_negation_and_quotes() {
        let query =
            parse(r#"deck:vpoe -is:new "tech debt" lapses>=2 prop:due<3 flag:1 tag:Leech 負債"#)
                .unwrap();
        let filters: Vec<(bool, Filter)> = query
            .terms
            .into_iter()
            .map(|term| (term.negated, term.filter))
            .collect();
        assert_eq!(
            filters,
            vec![
                (false, Filter::Deck("vpoe".into())),
                (true, Filter::Is(State::New)),
                (false, Filter::Text("techdebt".into())),
                (
                    false,
                    Filter::Property(Property::Lapses, Comparison::GreaterOrEqual, 2)
                ),
                (false, Filter::Property(Property::Due, Comparison::Less, 3)),
                (false, Filter::Flag(1)),
                (false, Filter::Tag("leech".into())),
                (false, Filter::Text("負債".into())),
            ]
        );
        assert_eq!(parse("  ").unwrap(), Query::default());
    }

    #[test]
    fn a_malformed_query_names_the_character_it_goes_wrong_at() {
        let cases = [
            ("foo:bar", 1, "`foo` is not a search key"),
            ("deck:vpoe is:nonsense", 14, "`is:nonsense` is not a state"),
            ("is:", 4, "`is` needs a value"),
            ("flag:9", 6, "`flag:9` is not a flag"),
            ("lapses>x", 8, "`x` is not a whole number"),
            ("prop:size<3", 6, "`size` is not a property"),
            ("prop:due<", 10, "a number is missing"),
            ("- is:new", 1, "`-` must come right before"),
            (r#"ok "unclosed"#, 4, "never closed"),
            ("deck>3", 5, "`deck` takes `:`"),
            // The Kelvin sign (3 bytes) lowercases to `k`: the sign is character 5, not
            // byte 7 (found by reading the parser while fuzzing it).
            ("dec\u{212A}>3", 5, "`deck` takes `:`"),
        ];
        for (query, column, message) in cases {
            let error = error_of(query);
            assert_eq!(error.column, column, "{query}: {error}");
            assert!(error.message().contains(message), "{query}: {error}");
        }
        // Full-width text counts characters, not bytes.
        assert_eq!(error_of("負債 is:x").column, 7);
    }

    /// The bundled decks and three small user decks, at a fixed moment.
    fn bundled_and_three_decks() -> (tempfile::TempDir, Collection, DateTime<FixedOffset>) {
        let temp = tempfile::tempdir().unwrap();
        let dir = crate::core::paths::DataDir::new(temp.path());
        for (deck, cards) in [("a", 12), ("empty", 0), ("b", 30)] {
            crate::core::test_decks::write_deck(&dir, deck, cards);
        }
        let now = DateTime::parse_from_rfc3339("2026-11-29T09:00:00+09:00").unwrap();
        (temp, Collection::load(dir, "t"), now)
    }

    /// Stepped a few cards at a time, across decks (an empty one and ones a `deck:` term
    /// rules out among them), a run finds what the search in one go finds, in the same
    /// order.
    #[test]
    fn a_search_run_in_slices_finds_what_the_whole_search_finds() {
        let (_temp, collection, now) = bundled_and_three_decks();
        for query in [
            "",
            "q1",
            "q 1",
            "-q2",
            "deck:b q",
            "is:new",
            "チーム",
            "-deck:a q",
        ] {
            let parsed = parse(query).unwrap();
            let whole = Matcher::new(&parsed, &collection, now).positions();
            assert!(!whole.is_empty(), "{query}");
            for budget in [1, 7, 1000] {
                let mut run = SearchRun::new(parsed.clone(), &collection);
                let mut steps = 0;
                while !run.step(&collection, now, budget) {
                    steps += 1;
                    assert!(steps < 10_000, "{query}: the run never ends");
                }
                assert_eq!(run.found(), whole.as_slice(), "{query}, {budget} a step");
                let (looked_at, total) = run.progress();
                assert_eq!(looked_at, total, "{query}");
            }
        }
        // A budget of 7 over the 42 user cards and the bundled decks takes several steps.
        let mut run = SearchRun::new(parse("q").unwrap(), &collection);
        assert!(!run.step(&collection, now, 7));
        assert_eq!(run.progress().0, 7);
    }

    /// A longer word searches only what the shorter one found, and finds what a search
    /// over every card finds; a query that is not narrower searches every card.
    #[test]
    fn a_narrower_query_searches_the_previous_results_only() {
        let (_temp, collection, now) = bundled_and_three_decks();
        let run_to_end = |mut run: SearchRun| {
            while !run.step(&collection, now, 5) {}
            run
        };
        let wide = parse("q1").unwrap();
        let previous = run_to_end(SearchRun::new(wide.clone(), &collection)).into_found();
        for (query, narrows) in [
            ("q12", true),
            ("Q1 deck:b", true),
            ("q1 -q13", true),
            ("q", false),
            ("q2", false),
        ] {
            let parsed = parse(query).unwrap();
            assert_eq!(parsed.narrows(&wide), narrows, "{query}");
            let run = SearchRun::narrowing(parsed.clone(), &wide, previous.clone(), &collection);
            let total = run.progress().1;
            let run = run_to_end(run);
            let whole = Matcher::new(&parsed, &collection, now).positions();
            assert_eq!(run.found(), whole.as_slice(), "{query}");
            if narrows {
                assert_eq!(total, previous.len(), "{query}");
            } else {
                assert!(total > previous.len(), "{query}");
            }
        }
        // Negated words: "-q1" is narrower than "-q12" (no "q1" means no "q12"), not the
        // other way round.
        assert!(parse("-q1").unwrap().narrows(&parse("-q12").unwrap()));
        assert!(!parse("-q12").unwrap().narrows(&parse("-q1").unwrap()));
        assert!(!parse("q1").unwrap().narrows(&parse("-q1").unwrap()));
        assert!(
            parse("is:new q")
                .unwrap()
                .narrows(&parse("is:new").unwrap())
        );
        assert!(
            !parse("is:new")
                .unwrap()
                .narrows(&parse("is:review").unwrap())
        );
    }

    #[test]
    fn free_text_ignores_case_width_and_spaces() {
        assert_eq!(normalize("Tech  Debt"), "techdebt");
        assert_eq!(normalize("ＭＴＴＲ 改善"), "mttr改善");
        assert!(wildcard_match("vp*", "vpoe"));
        assert!(wildcard_match("*oe", "vpoe"));
        assert!(wildcard_match("v*o*", "vpoe"));
        assert!(!wildcard_match("cto", "vpoe"));
    }
}
