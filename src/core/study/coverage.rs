//! Which answer points a typed draft covers, offline and deterministic.
//!
//! The method works on any card and any draft; nothing in it names a card:
//!
//! 1. **Normalise** both texts: Unicode NFKC (full-width letters and digits become
//!    ASCII), lower case.
//! 2. **Concepts**: a domain synonym table (`assets/coverage/synonyms.txt`) maps the many
//!    ways of saying one thing, in either language, to one concept (MTTR ⇔ 障害復旧時間 ⇔
//!    time to restore; 技術的負債 ⇔ tech debt). Every occurrence of a form becomes a
//!    concept term.
//! 3. **Terms**: English words stemmed (Snowball); Japanese runs segmented with
//!    TinySegmenter (a dictionary-free segmenter compiled into the crate), keeping the
//!    tokens that carry meaning (kanji or katakana), plus the character bigrams of kanji
//!    and katakana, so a compound written differently still shares most of its pairs.
//! 4. **Weights**: each term weighs its inverse document frequency over every point of
//!    every deck (a term every point has says nothing about one of them), times a factor
//!    by kind (a concept counts most, a bigram least), divided by how many of the card's
//!    other points share it and halved when the card's question has it (a word the whole
//!    card shares tells nothing about which point a draft made). Words inside an example
//!    (`例：…`, `e.g. …`, `for example …`, `…など`) count a third: examples are optional
//!    to an interviewer.
//! 5. **Clauses and negation** (`clauses.rs`): the draft is cut into clauses (at
//!    「〜て、」「〜が、」, ", but", "rather than", 「ではなく」, 「〜ずに」); a term the draft uses only in
//!    a clause that rejects it by a cue ("MTTR doesn't matter", 「キャッシュは入れたくない」,
//!    「〜ないほうがいい」) does not count.
//! 6. **Score**: the share of a point's weight the draft matches, blended with the share
//!    of the point's character bigrams the draft has (outside clauses that reject), the
//!    better of the point's two languages. A sentence lends a point its words only when it
//!    fits that point at least half as well as the card's point it fits best, so one
//!    sentence about one point does not tick its neighbours that share a few of its words.
//!    A point is covered from [`THRESHOLD`] when the draft names [`BEYOND_QUESTION`] of
//!    its weight beyond the words of the card's question (restating the question is not
//!    making the point), unless one of the next two rules holds.
//! 7. **Figures** (`figures.rs`): a point that states figures (years, people, yen,
//!    percent, times; single values, ranges, bounds, lists) needs the draft to state them,
//!    in a piece of the draft about that point or about none in particular: another
//!    figure of the same kind is a wrong answer, and a point whose claim is its figure
//!    (figures a quarter of its letters) is not covered without it.
//! 8. **Opposites**: a clause on the point's topic that rejects the point's words by a
//!    cue (unless another clause affirms it more fully), or that says another side of a
//!    group of opposites the point takes (`assets/coverage/opposites.txt`: centralise /
//!    delegate, QA / developers, CTO / VPoE / HR…) and not the point's, argues the
//!    opposite. A point that names no role is the job of whom its card's question asks
//!    about ("hiring is HR's job" argues against the VPoE's hiring points); a role named
//!    as a partner (連携, together) or a side named only to be negated (責めない) is not
//!    taken.
//!
//! For a point the draft touched but is not credited with, [`Coverage::misses`] says why,
//! for the reveal to show.

mod clauses;
pub(crate) mod figures;

use crate::core::content::deck::{Card, DeckSet, Lang, Localized};
use figures::Figure;
use rust_stemmers::{Algorithm, Stemmer};
// FxHash: the detector's maps are keyed by short term strings hashed on every look-up of
// every point; SipHash's protection against chosen keys buys nothing for text the
// detector reads itself. Already a dependency (src/core/progress.rs).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// A point is covered from this score, with [`BEYOND_QUESTION`] of its weight named
/// beyond its card's question.
pub const THRESHOLD: f32 = 0.18;

/// The share of a point's weight a draft must name beyond the words of the card's
/// question: a draft that only restates the question, or names the topic every point of
/// the card shares, has not made the point. Chosen with [`THRESHOLD`] on the six labelled
/// sets (BENCHMARKS.md).
const BEYOND_QUESTION: f32 = 0.17;

/// A point is made of its question's words when they are this share of its weight or
/// more (it restates the question's subject to answer it, as an acronym's expansion does).
const WITHIN_QUESTION: f32 = 0.99;

/// A sentence of the draft lends a point its words only when it fits the point at least
/// this share as well as it fits the card's point it fits best (see [`Detector::detect`]).
/// Chosen with [`THRESHOLD`] on the labelled drafts (BENCHMARKS.md).
const SENTENCE_FIT: f32 = 0.5;

/// A sentence that names this share of a point lends it its words whatever else it fits:
/// "availability and latency" names two points of a list, each in full.
const SENTENCE_NAMES: f32 = 0.4;

/// How much of a point's score comes from the share of its character bigrams found in
/// the draft: raw overlap catches what the terms miss (a compound written another way, a
/// word the table lacks) and the terms keep it honest. Chosen with the threshold on the
/// labelled drafts (BENCHMARKS.md).
const CHARACTER_SHARE: f32 = 0.3;

/// The synonym table, compiled in. Format: one concept a line, `id: form | form | …`;
/// `#` starts a comment. Forms are matched after normalisation (lower case, NFKC), English
/// ones as whole words.
const SYNONYMS: &str = include_str!("../../../assets/coverage/synonyms.txt");

/// How much a term of each kind weighs, before its inverse document frequency.
mod factor {
    pub const CONCEPT: f32 = 2.0;
    pub const WORD: f32 = 1.0;
    pub const BIGRAM: f32 = 0.35;
    /// A term inside an example of a point.
    pub const EXAMPLE: f32 = 0.33;
}

/// Words that carry no idea of their own in a point or a draft.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "is",
    "are", "be", "was", "were", "it", "its", "this", "that", "these", "those", "their", "them",
    "they", "we", "our", "us", "i", "i'd", "you", "your", "my", "me", "so", "then", "than", "from",
    "into", "about", "which", "what", "how", "when", "where", "who", "do", "does", "did", "have",
    "has", "had", "will", "would", "can", "could", "should", "may", "also", "e", "g", "eg", "etc",
    "just", "very", "more", "most", "some", "any", "each", "every", "all", "both", "there", "here",
    "if", "but", "because", "up", "out", "s", "t",
    // The instructions of a point ("explain…", "name these") are not ideas to check.
    "explain", "present", "describe", "mention", "name", "stress", "take", "account", "concrete",
    "specific", "step", "stepwise", "approach", "plan", "like", "way", "thing",
];

/// Japanese tokens that only instruct ("…を説明する") or are too general to tell one
/// point from another.
const STOP_TOKENS: &[&str] = &[
    "説明", "提示", "挙げ", "言及", "強調", "考慮", "する", "こと", "など", "具体", "方法", "対応",
    "実施", "場合", "ため", "よう", "的",
];

/// A term of a text and where it is (a byte range of the original text).
#[derive(Debug, Clone)]
struct Occurrence {
    key: String,
    span: Range<usize>,
    /// Inside an example of a point.
    example: bool,
}

/// A text lower-cased and NFKC-normalised, with the byte offset in the original text of
/// every normalised character, so spans can point back at what the user typed.
struct Normalized {
    text: String,
    /// For each byte of `text`, the byte range of the original character it came from.
    origin: Vec<Range<usize>>,
}

fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (start, c) in original.char_indices() {
        let range = start..start + c.len_utf8();
        for normalized in std::iter::once(c).nfkc().flat_map(char::to_lowercase) {
            // Double quotes mark a word, they are not part of it: 'decides "what" to
            // build' names what to build.
            if matches!(normalized, '"' | '“' | '”') {
                continue;
            }
            let before = text.len();
            text.push(normalized);
            origin.extend(std::iter::repeat_n(range.clone(), text.len() - before));
        }
    }
    Normalized { text, origin }
}

impl Normalized {
    fn original(&self, span: &Range<usize>) -> Range<usize> {
        match (
            self.origin.get(span.start),
            span.end.checked_sub(1).and_then(|e| self.origin.get(e)),
        ) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '々' | '〆')
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30a1}'..='\u{30fa}' | 'ー')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

fn is_japanese(c: char) -> bool {
    is_kanji(c) || is_katakana(c) || is_hiragana(c)
}

/// Point texts read while building the detector: text → its normalised form and terms.
type Seen = HashMap<String, (String, Vec<Occurrence>)>;

/// A concept of the synonym table with its forms.
struct Concept {
    id: String,
    forms: Vec<String>,
}

/// Every form of every concept in one automaton, so a text is scanned once for all of
/// them (a thousand forms, looked for one by one, cost milliseconds per draft).
struct ConceptIndex {
    /// The term key of each concept (`c:<id>`).
    keys: Vec<String>,
    /// For each pattern of the automaton: the concept it stands for and whether it must
    /// match whole English words.
    patterns: Vec<(usize, bool)>,
    automaton: aho_corasick::AhoCorasick,
    /// The broader concept a narrower one names too, by term key (`c:zero_trust` →
    /// `c:security`): read in drafts only, so naming zero trust says "security", while
    /// a point about zero trust is not said by naming security.
    broader: HashMap<String, String>,
}

impl ConceptIndex {
    fn new(concepts: &[Concept]) -> Self {
        let mut forms = Vec::new();
        let mut patterns = Vec::new();
        for (index, concept) in concepts.iter().enumerate() {
            for form in &concept.forms {
                let ascii_edges = form.starts_with(|c: char| c.is_ascii_alphanumeric())
                    || form.ends_with(|c: char| c.is_ascii_alphanumeric());
                forms.push(form.clone());
                patterns.push((index, ascii_edges));
            }
        }
        let automaton = aho_corasick::AhoCorasick::new(&forms)
            .unwrap_or_else(|_| unreachable!("the compiled-in synonym table builds"));
        Self {
            keys: concepts.iter().map(|c| format!("c:{}", c.id)).collect(),
            patterns,
            automaton,
            broader: HashMap::default(),
        }
    }

    /// With the broader concepts of the table's `narrow, … > broad` lines.
    fn with_broader(mut self, table: &str) -> Self {
        for line in table.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.contains(':') {
                continue;
            }
            let Some((narrow, broad)) = line.split_once('>') else {
                continue;
            };
            let broad = format!("c:{}", broad.trim());
            for id in narrow.split(',').map(str::trim).filter(|id| !id.is_empty()) {
                self.broader.insert(format!("c:{id}"), broad.clone());
            }
        }
        self
    }

    /// Every concept occurrence in `text`: (term key, span).
    fn find(&self, text: &str) -> Vec<(&str, Range<usize>)> {
        self.automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let (concept, whole_words) = self.patterns[found.pattern().as_usize()];
                let span = found.start()..found.end();
                (!whole_words || is_whole_word(text, &span))
                    .then(|| (self.keys[concept].as_str(), span))
            })
            .collect()
    }
}

fn parse_synonyms(table: &str) -> Vec<Concept> {
    table
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let (id, forms) = line.split_once(':')?;
            let forms = forms
                .split('|')
                .map(|form| normalize(form.trim()).text)
                .filter(|form| !form.is_empty())
                .collect();
            Some(Concept {
                id: id.trim().to_string(),
                forms,
            })
        })
        .collect()
}

/// Whether an English form found at `range` stands as whole words: not inside another
/// word (`sli` in `slide`), though the endings of the same word (plurals, verb forms) may
/// follow.
fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let ending = text[range.end..]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .is_some_and(|rest| matches!(rest, "s" | "es" | "ed" | "ing" | "d"));
    !word(before) && (!word(after) || ending)
}

/// The spans of the brackets of a normalised text (NFKC makes （） plain).
fn bracket_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find('(').map(|i| i + from) {
        let Some(end) = text[start..].find(')').map(|i| i + start) else {
            break;
        };
        spans.push(start..end + 1);
        from = end;
    }
    spans
}

/// The spans of examples inside a point: a bracket starting with 例 / e.g., and what
/// follows "e.g." up to the bracket or the end.
fn example_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for (open, close) in [('(', ')'), ('（', '）')] {
        let mut from = 0;
        while let Some(start) = text[from..].find(open).map(|i| i + from) {
            let Some(end) = text[start..].find(close).map(|i| i + start) else {
                break;
            };
            let inside = text[start + open.len_utf8()..end].trim_start();
            if inside.starts_with("例") || inside.starts_with("e.g") || inside.starts_with("eg") {
                spans.push(start..end);
            }
            from = end;
        }
    }
    if let Some(start) = text.find("e.g.") {
        let end = text[start..]
            .find([')', '）'])
            .map_or(text.len(), |i| i + start);
        spans.push(start..end);
    }
    spans
}

/// [`example_spans`] and, for figures and opposites only, what follows "for example" /
/// 「たとえば」 and the items before など: a figure there is optional ("20%を割くなど"),
/// while the words there still weigh in full, so that a point is not reduced to the few
/// words after its example.
fn loose_example_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = example_spans(text);
    // "for example …", 「たとえば…」: to the end of the sentence.
    for cue in [
        "for example",
        "for instance",
        "such as",
        "たとえば",
        "例えば",
    ] {
        for (start, _) in text.match_indices(cue) {
            let end = text[start..]
                .find(['。', ')', '）'])
                .map_or(text.len(), |i| i + start);
            spans.push(start..end);
        }
    }
    // 「AやBなど」: the items before など, back to the last comma or bracket.
    for (end, _) in text.match_indices("など") {
        let start = text[..end]
            .rfind(['、', ',', '。', '(', '（', '「', ':', '：'])
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        spans.push(start..end);
    }
    spans
}

/// Every term of a normalised text, with its span in the normalised text.
fn occurrences(
    text: &str,
    concepts: &ConceptIndex,
    stemmer: &Stemmer,
    examples: &[Range<usize>],
) -> Vec<Occurrence> {
    let in_example = |span: &Range<usize>| {
        examples
            .iter()
            .any(|e| e.start <= span.start && span.end <= e.end)
    };
    let mut found = Vec::new();
    let mut push = |key: String, span: Range<usize>| {
        let example = in_example(&span);
        found.push(Occurrence { key, span, example });
    };
    for (key, span) in concepts.find(text) {
        push(key.to_string(), span);
    }
    // Runs of one script: ASCII words, Japanese text.
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(next, d)) = chars.peek() {
                if !(d.is_ascii_alphanumeric() || d == '\'') {
                    break;
                }
                end = next + d.len_utf8();
                chars.next();
            }
            let word = &text[start..end];
            if !STOP_WORDS.contains(&word) && !word.chars().all(|c| c.is_ascii_digit()) {
                push(format!("w:{}", stemmer.stem(word)), start..end);
            }
        } else if is_japanese(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(next, d)) = chars.peek() {
                if !is_japanese(d) {
                    break;
                }
                end = next + d.len_utf8();
                chars.next();
            }
            japanese_terms(text, start..end, &mut push);
        }
    }
    // A word inside a concept's form is the same evidence as the concept: counting both
    // would make a point that names a concept one way hard to cover by naming it another.
    let concept_spans: Vec<Range<usize>> = found
        .iter()
        .filter(|o| o.key.starts_with("c:"))
        .map(|o| o.span.clone())
        .collect();
    found.retain(|o| {
        o.key.starts_with("c:")
            || !concept_spans
                .iter()
                .any(|span| span.start <= o.span.start && o.span.end <= span.end)
    });
    found
}

/// The stem of an inflected word, kanji followed by kana endings (伝える, 伝え, 伝えた →
/// 伝〜): the segmenter cuts a verb's endings differently in each form, so the point's
/// 「伝える」 and the draft's 「伝えて」 are one word only by their stem. A stem is marked
/// (〜) in its key, so 分ける does not meet the counter of 「30分」.
fn inflected_stem(token: &str) -> Option<&str> {
    let stem_end = token
        .char_indices()
        .find(|(_, c)| !(is_kanji(*c) || is_katakana(*c)))
        .map(|(at, _)| at)?;
    let ending = &token[stem_end..];
    // A negative ending is part of the word's meaning (珍しくない is not 珍しい).
    let negative = ["ない", "なく", "なか", "ませ"]
        .iter()
        .any(|negative| ending.contains(negative))
        || ending.ends_with(['ず', 'ぬ']);
    let inflected = stem_end > 0 && !negative && ending.chars().all(is_hiragana);
    inflected.then(|| &token[..stem_end])
}

/// The tokens and bigrams of one run of Japanese text.
fn japanese_terms(text: &str, run: Range<usize>, push: &mut impl FnMut(String, Range<usize>)) {
    let segment = &text[run.clone()];
    let mut offset = run.start;
    for token in tiniestsegmenter::tokenize(segment) {
        let span = offset..offset + token.len();
        offset += token.len();
        let meaningful = token.chars().any(|c| is_kanji(c) || is_katakana(c));
        if meaningful && !STOP_TOKENS.contains(&token) && token.chars().count() >= 1 {
            let key = match inflected_stem(token) {
                Some(stem) => format!("j:{stem}〜"),
                None => format!("j:{token}"),
            };
            push(key, span);
        }
    }
    let content: Vec<(usize, char)> = segment.char_indices().collect();
    for pair in content.windows(2) {
        let ((first_at, first), (_, second)) = (pair[0], pair[1]);
        let strong = |c: char| is_kanji(c) || is_katakana(c);
        if strong(first) && strong(second) {
            let start = run.start + first_at;
            let end = start + first.len_utf8() + second.len_utf8();
            push(format!("b:{first}{second}"), start..end);
        }
    }
}

fn factor_of(key: &str) -> f32 {
    match key.as_bytes().first() {
        Some(b'c') => factor::CONCEPT,
        Some(b'b') => factor::BIGRAM,
        _ => factor::WORD,
    }
}

/// At most this many sides to a group of opposites.
const SIDES: usize = 16;

/// Whether two sides are opposites: other members of one group.
fn opposed(a: usize, b: usize) -> bool {
    a / SIDES == b / SIDES && a != b
}

/// Whether a clause naming `sides` says the other side of one the point takes, and not
/// the point's own.
fn turns_against(point_sides: &[usize], sides: &[usize]) -> bool {
    point_sides.iter().any(|side| {
        sides.iter().any(|other| opposed(*side, *other))
            && !sides
                .iter()
                .any(|other| other / SIDES == side / SIDES && point_sides.contains(other))
    })
}

/// Japanese negative endings that may directly follow a verb stem or a noun (責め|ない,
/// 強制|しない, 任せ|ず).
const NEGATED_AFTER_JA: &[&str] = &[
    "ない",
    "ず",
    "ません",
    "なかった",
    "しない",
    "せず",
    "しません",
    "させない",
    "させず",
];

/// English negations that may directly precede what they negate ("don't blame", "not
/// centralized", "never outsourced", "no blame" is a form of its own and left alone).
const NEGATED_BEFORE_EN: &[&str] = &["not ", "n't ", "never ", "without "];

/// Whether the words at `span` of a normalised text are negated right where they stand.
fn negated_at(text: &str, span: &Range<usize>) -> bool {
    let after = &text[span.end..];
    let before = &text[..span.start];
    // 「任せないといけない」 is an obligation: it asserts the side.
    let obligation = |rest: &str| {
        ["といけ", "とだめ", "ければ", "くては", "くちゃ"]
            .iter()
            .any(|tail| rest.starts_with(tail))
    };
    NEGATED_AFTER_JA
        .iter()
        .any(|ending| after.starts_with(ending) && !obligation(&after[ending.len()..]))
        || NEGATED_BEFORE_EN.iter().any(|cue| before.ends_with(cue))
}

/// English words after which a role is whom a clause speaks to or about ("told the
/// CFO", "work with HR", "how our CEO thinks"), not who acts in it. Left out: those
/// after which the role may act ("decided by the CEO", "leave it to HR", "a job for
/// HR", "the job of the CTO").
const SPOKEN_TO_AFTER: &[&str] = &[
    "with",
    "from",
    "told",
    "tell",
    "tells",
    "ask",
    "asked",
    "asks",
    "show",
    "showed",
    "shows",
    "convince",
    "convinced",
    "persuade",
    "persuaded",
    "update",
    "updated",
    "brief",
    "briefed",
    "inform",
    "informed",
    "warn",
    "warned",
    "kept",
    "keep",
    "about",
    "how",
    "between",
    "among",
];

/// Words that may stand between such a word and the role: "told our CFO".
const DETERMINERS: &[&str] = &["the", "our", "my", "their", "your", "a", "an", "his", "her"];

/// Whether the English role named from `start` is whom its clause speaks to or about.
fn spoken_to(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut words = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty());
    let mut word = words.next();
    if word.is_some_and(|w| DETERMINERS.contains(&w)) {
        word = words.next();
    }
    // Only directly before: a role after a comma or a Japanese letter is a new start.
    let reaches = before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic());
    reaches && word.is_some_and(|w| SPOKEN_TO_AFTER.contains(&w))
}

/// Whether the Japanese role at `span` is whom its clause works with (「EMと毎週1on1」,
/// 「CTOとよく話す」), not one of a list (「CTOとVPoEが決める」, 「CTOと現場のEMの間」) nor
/// what the clause is about or as whom someone acts (「EMとは」, 「CTOとして」).
fn partnered_ja(text: &str, span: &Range<usize>, named: &[(usize, Range<usize>)]) -> bool {
    /// How far after と another role still makes a list: a few words of its own
    /// (「現場の」).
    const LIST_REACH: usize = 4;
    let Some(closing) = closing_particle(text, span) else {
        return false;
    };
    let Some(rest) = text[closing..].strip_prefix('と') else {
        return false;
    };
    let after = closing + 'と'.len_utf8();
    let reach = after
        + rest
            .chars()
            .take(LIST_REACH)
            .map(char::len_utf8)
            .sum::<usize>();
    !rest.starts_with('は')
        && !rest.starts_with("して")
        && !rest.starts_with("いう")
        && !named
            .iter()
            .any(|(_, other)| (after..=reach).contains(&other.start))
}

/// Where the particle that closes a Japanese role's phrase is, past a list of others (や,
/// 、, など, とか) and the noun they all belong to (「PdMや人事など他部署と握る」).
fn closing_particle(text: &str, span: &Range<usize>) -> Option<usize> {
    /// How far a list may run before its particle.
    const LIST_RUN: usize = 16;
    let mut at = span.end;
    for _ in 0..LIST_RUN {
        let c = text[at..].chars().next()?;
        if matches!(c, '。' | '\n') {
            return None;
        }
        let rest = &text[at..];
        if let Some(list) = ["とか", "など"]
            .iter()
            .find(|list| rest.starts_with(**list))
        {
            at += list.len();
        } else if matches!(c, 'と' | 'は' | 'が' | 'を' | 'に' | 'で' | 'も' | 'へ') {
            return Some(at);
        } else {
            at += c.len_utf8();
        }
    }
    None
}

/// Verbs of telling: a role they are said to (「営業に状況を流す」「CEOに報告する」) hears
/// what the clause says, it does not do it; 「営業に任せる」 hands it over, and is not here.
const TELLING_JA: &[&str] = &[
    "共有",
    "報告",
    "伝え",
    "伝わ",
    "説明",
    "相談",
    "連絡",
    "流す",
    "流し",
    "流して",
    "話す",
    "話し",
    "知らせ",
    "周知",
    "見せ",
    "提示",
    "送",
    "アップデート",
    "エスカレーション",
    "エスカレーシ",
    "確認",
    "聞",
    "投げ",
    "発信",
    "通知",
];

/// Whether the Japanese role at `span` is whom its clause tells something (に or へ, then
/// a verb of telling before the clause ends).
fn addressed_ja(text: &str, span: &Range<usize>) -> bool {
    /// How far the verb may be from the particle: 「営業に状況を30分おきに流す」.
    const VERB_REACH: usize = 24;
    let Some(closing) = closing_particle(text, span) else {
        return false;
    };
    let rest = &text[closing..];
    let Some(after) = rest
        .strip_prefix("には")
        .or_else(|| rest.strip_prefix("にも"))
        .or_else(|| rest.strip_prefix('に'))
        .or_else(|| rest.strip_prefix('へ'))
    else {
        return false;
    };
    let reach: usize = after
        .chars()
        .take_while(|c| !matches!(c, '。' | '、' | '\n'))
        .take(VERB_REACH)
        .map(char::len_utf8)
        .sum();
    let window = &after[..reach];
    TELLING_JA.iter().any(|verb| window.contains(verb))
}

/// Who acts in a Japanese text, of the sides of who-groups named in it (with their
/// spans): the one marked by は, else the last marked by が (「HoEが描いたビジョンをCTOが
/// 落とし込む」: the CTO; the first が is inside a phrase about the vision). `None` when
/// no role is so marked, or two are by は.
fn actor(text: &str, named: &[(usize, Range<usize>)], carried: &[usize]) -> Option<usize> {
    let marked = |particle: char| -> Vec<usize> {
        named
            .iter()
            .filter(|(side, span)| {
                carried.contains(&(side / SIDES)) && text[span.end..].starts_with(particle)
            })
            .map(|(side, _)| *side)
            .collect()
    };
    let topics = marked('は');
    match topics.as_slice() {
        [one] => Some(*one),
        // 「上にCTO、下にEMがいて」: a role that only is there does nothing.
        [] => named
            .iter()
            .rev()
            .filter(|(side, span)| {
                carried.contains(&(side / SIDES))
                    && text[span.end..].starts_with('が')
                    && !["がいる", "がいて", "がいま", "がいた", "がおり", "がある"]
                        .iter()
                        .any(|is| text[span.end..].starts_with(is))
            })
            .map(|(side, _)| *side)
            .next(),
        _ => None,
    }
}

/// The opposite claims of the field, compiled in. Format: one group a line,
/// `id: form | … = form | … [= …]`; `#` starts a comment.
const OPPOSITES: &str = include_str!("../../../assets/coverage/opposites.txt");

/// The sides of the opposite pairs, found in one pass over a text like the concepts.
/// A side is `SIDES * group + member`; two sides of one group are opposites.
struct OppositeIndex {
    /// For each pattern: its side and whether it must match whole English words.
    patterns: Vec<(usize, bool)>,
    /// The groups of who does something (ids starting `who_`), whose side a clause that
    /// names none takes from the clause before.
    carried: Vec<usize>,
    /// The side of working together (`together_…`, first side): a clause that names
    /// another role while working with it ("work with HR on the hiring plan") does not
    /// hand the point to that role.
    together: Option<usize>,
    automaton: aho_corasick::AhoCorasick,
}

impl OppositeIndex {
    fn new(table: &str) -> Self {
        let mut forms = Vec::new();
        let mut patterns = Vec::new();
        let mut carried = Vec::new();
        let mut together = None;
        let pairs = table
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|line| !line.is_empty())
            .filter_map(|line| line.split_once(':'));
        for (pair, (id, sides)) in pairs.enumerate() {
            if id.trim().starts_with("who_") {
                carried.push(pair);
            }
            if id.trim().starts_with("together_") {
                together = Some(SIDES * pair);
            }
            for (side, forms_of_side) in sides.split('=').take(SIDES).enumerate() {
                for form in forms_of_side.split('|') {
                    let form = normalize(form.trim()).text;
                    if form.is_empty() {
                        continue;
                    }
                    let ascii_edges = form.starts_with(|c: char| c.is_ascii_alphanumeric())
                        || form.ends_with(|c: char| c.is_ascii_alphanumeric());
                    forms.push(form);
                    patterns.push((SIDES * pair + side, ascii_edges));
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::new(&forms)
            .unwrap_or_else(|_| unreachable!("the compiled-in table of opposites builds"));
        Self {
            patterns,
            carried,
            together,
            automaton,
        }
    }

    /// Every side named in `text`, with where. A side named only to be negated
    /// (「責めない」, 「一人で決めず」, "don't blame", "not centralized") says nothing of
    /// that side: often it says the other one, so taking it for its side would make a
    /// draft that agrees with a point argue against it.
    fn find(&self, text: &str) -> Vec<(usize, usize)> {
        self.find_spans(text)
            .into_iter()
            .map(|(side, span)| (side, span.start))
            .collect()
    }

    /// [`Self::find`] with the whole span of each side.
    fn find_spans(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let (side, whole_words) = self.patterns[found.pattern().as_usize()];
                let span = found.start()..found.end();
                ((!whole_words || is_whole_word(text, &span)) && !negated_at(text, &span))
                    .then_some((side, span))
            })
            .collect()
    }
}

impl PointTerms {
    /// The point's figures in the draft's language, or its first language's when the
    /// draft's has none.
    fn figures_for(&self, japanese: bool) -> &[Figure] {
        self.figures_by_lang
            .iter()
            .find(|(lang, _)| (*lang == Lang::Ja) == japanese)
            .or(self.figures_by_lang.first())
            .map_or(&[], |(_, figures)| figures.as_slice())
    }
}

/// One point as the detector sees it: its weighted terms in each language, its figures
/// and the sides of opposite pairs it takes.
#[derive(Debug, Clone)]
struct PointTerms {
    /// Per language: term → weight.
    languages: Vec<HashMap<String, f32>>,
    /// Per language, the same order: the character bigrams of its text.
    bigrams: Vec<HashSet<(char, char)>>,
    /// The figures the point claims (not those of its examples), as each language that
    /// has any writes them: a draft must state them in its own language's (「3年で50%」
    /// is "within 3 years" in English, read 0–3 years); see [`PointTerms::figures_for`].
    figures_by_lang: Vec<(Lang, Vec<Figure>)>,
    /// Per language: the point's figures as written, for saying which one was expected.
    figure_texts: Vec<(Lang, String)>,
    /// The figures are the point's main claim ("エンジニア(1〜3年)"), not a detail of a
    /// longer idea: a draft that names the topic without the figure does not cover it.
    figure_claim: bool,
    /// The share of the point's letters its figures take: the figures are words of the
    /// point that the term weights do not hold, so a draft that states them has said that
    /// much of it ("30名、50名、100名の壁" is half figures).
    figure_share: f32,
    /// The point itself rejects something ("blame no one"): a draft's negation of its
    /// words may agree with it, so negation is not read as arguing the opposite.
    negative: bool,
    /// The point is negative only by what it puts aside: a draft clause that rejects its
    /// claim, naming that and not what is put aside, argues the opposite ("we don't set
    /// targets by criticality" against "…by criticality instead of one for all").
    claim_affirmed: bool,
    /// The point steers away from what it names ("avoid vendor lock-in", 「責めない」),
    /// rather than denying a claim ("not just an engineer"): a draft clause that rejects
    /// the same thing says the point.
    steers_away: bool,
    /// The point steers away from something by a cue ("avoid", 回避, 脱却): a draft
    /// clause that commends the same thing argues the opposite.
    avoids: bool,
    /// The point's claim is a denial by a cue ("CTOほどの深い専門性は求められません"): a
    /// draft clause that asserts its words with no negation at all argues the opposite.
    denies: bool,
    /// For a point that puts one thing in place of another ("not as a cost but as an
    /// investment", "rather than technical decisions"): the terms of what it puts aside,
    /// and those of the rest. A clause asserts the denied thing only when it names both,
    /// what is denied and what it is denied of.
    contrast: Option<(HashSet<String>, HashSet<String>)>,
    /// The sides of opposite pairs the point takes (one side of a pair, not both).
    sides: Vec<usize>,
    /// The groups of opposites the point names a side of, taken or not.
    named_groups: Vec<usize>,
    /// Roles the point names beside the one it is about ("the CTO's vision" in "the HoE
    /// turns the CTO's vision into products").
    partners: Vec<usize>,
    /// Per language: the share of its weight on terms its card's question has too.
    question_share: Vec<f32>,
    /// The terms of its card's question (one set shared by the card's points).
    question_keys: std::sync::Arc<HashSet<String>>,
    /// The point weighs two things against each other ("balance delegation and
    /// governance", 「自由度を残しつつ標準化する」): a draft that puts one of them above all
    /// argues the opposite.
    balance: bool,
}

/// The pairs of neighbouring letters and digits of a normalised text, white space and
/// punctuation left out.
fn character_bigrams(text: &str) -> HashSet<(char, char)> {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    letters.windows(2).map(|pair| (pair[0], pair[1])).collect()
}

/// Why a point the draft touched was not credited, for the user to learn from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Miss {
    /// The draft states a figure of the same kind that is not the guide's.
    WrongFigure {
        /// The draft's figure, as typed.
        yours: String,
        /// The point's figures, as the guide writes them in the draft's language.
        guide: String,
        /// The point's figures as the guide writes them in each of its languages, for a
        /// reason line in the language the point is shown in.
        #[serde(skip)]
        guide_by_lang: Vec<(Lang, String)>,
    },
    /// A clause of the draft asserts the opposite of the point (as typed).
    Opposite { clause: String },
    /// The draft names the point's topic but not its idea (or not its figure).
    TopicOnly,
}

impl Miss {
    /// The same reason with the guide's figure written in a language the point is shown
    /// in: the draft's, when that one is shown, else the first shown (an English draft
    /// under a Japanese-only display quotes 「99.99%以上」, not "at least 99.99%").
    pub fn shown_in(&self, first: Lang, second: Option<Lang>) -> Miss {
        let Miss::WrongFigure {
            yours,
            guide,
            guide_by_lang,
        } = self
        else {
            return self.clone();
        };
        let shown = |lang: Lang| lang == first || Some(lang) == second;
        let drafts_shown = guide_by_lang
            .iter()
            .find(|(_, text)| text == guide)
            .is_none_or(|(lang, _)| shown(*lang));
        Miss::WrongFigure {
            yours: yours.clone(),
            guide: if drafts_shown {
                guide.clone()
            } else {
                self.guide_in(first).unwrap_or(guide).to_string()
            },
            guide_by_lang: guide_by_lang.clone(),
        }
    }

    /// A wrong figure's guide figures as the guide writes them in `lang`, else in the
    /// draft's language.
    pub fn guide_in(&self, lang: Lang) -> Option<&str> {
        match self {
            Miss::WrongFigure {
                guide,
                guide_by_lang,
                ..
            } => Some(
                guide_by_lang
                    .iter()
                    .find(|(written, _)| *written == lang)
                    .map_or(guide.as_str(), |(_, text)| text.as_str()),
            ),
            _ => None,
        }
    }
}

/// The answer to "which points does this draft cover".
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// One score per point, 0.0-1.0: the share of the point's weight the draft matches.
    pub scores: Vec<f32>,
    /// Indices of the points credited: scored at or above [`THRESHOLD`], more than the
    /// question's words named, the point's figures stated and no clause arguing the
    /// opposite.
    pub covered: Vec<usize>,
    /// Per point, where in the draft (byte ranges of the text given) its matched terms
    /// are, for highlighting.
    pub matches: Vec<Vec<Range<usize>>>,
    /// Per point: why a point the draft touched was not credited (`None` for a credited
    /// point or one the draft did not touch).
    pub misses: Vec<Option<Miss>>,
    /// Per point: the measures its verdict was drawn from.
    pub evidence: Vec<Evidence>,
}

/// How the sentences of a draft fit one point, in the point's best language.
#[derive(Default)]
struct SentenceFit<'a> {
    /// The point's term weights in that language.
    weights: Option<&'a HashMap<String, f32>>,
    /// Per sentence: the share of the weight it names.
    sentence_shares: Vec<f32>,
    /// The share of the point's character bigrams the draft has.
    bigram_share: f32,
}

/// What the detector found of one point in a draft, beside its score: the measures a
/// fair reader weighs (is the idea said in one place, is it rejected, is its figure
/// right). Printed by `mensetsu coverage --evidence` for fitting and checking the
/// detector (BENCHMARKS.md).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The share of the point's weight the draft names outside rejecting clauses.
    pub term_share: f32,
    /// The share of the point's character bigrams the draft has.
    pub bigram_share: f32,
    /// The best share one sentence of the draft names.
    pub sentence_share: f32,
    /// The best share two neighbouring sentences name.
    pub pair_share: f32,
    /// The share the draft names only in clauses that reject it.
    pub rejected_share: f32,
    /// The heaviest single matched term's share.
    pub top_term_share: f32,
    /// The share of the point's weight on words of its card's question.
    pub question_share: f32,
    /// The share of the point's weight the draft names beyond its card's question, in
    /// the sentences that speak for the point.
    pub beyond_question_share: f32,
    /// How many of the card's points score higher, as a share of them.
    pub rank: f32,
    /// The share of the point's weight on its heaviest term, and whether the sentences
    /// that speak for the point name it.
    pub heaviest_share: f32,
    pub heaviest_said: bool,
    pub opposite: bool,
    pub figure_stated: bool,
    pub figure_wrong: bool,
    pub figure_missing: bool,
}

/// A point counts as touched, for saying why it was not credited, from this score.
const TOUCHED: f32 = 0.15;

/// A clause is about a point, for arguing its opposite or stating its figure, when it
/// holds this share of the point's weight.
const CLAUSE_ON_TOPIC: f32 = 0.2;

/// A clause that puts one thing above all argues against a point that balances two when
/// it holds this share of the point's weight: one side of two is all it names.
const ONE_SIDE_ON_TOPIC: f32 = 0.15;

/// A clause that rejects what it names argues against a point when it holds this share
/// of the point's weight: more than for a pair of opposites, since a negation alone is
/// weaker evidence than an opposite word.
const NEGATED_ON_TOPIC: f32 = 0.3;

/// A point's figures are its main claim when they are this share of its letters and
/// digits ("エンジニア(1〜3年)", "EM経験3年以上が転職の目安"), not a detail of a longer idea.
const FIGURE_CLAIM_SHARE: f32 = 0.25;

/// How much a point's term counts when its card's question or other points also use it:
/// a word every point of a card shares tells nothing about which point a draft made.
mod distinguishing {
    /// A term of the question too (chosen with the sibling divisor on both development
    /// sets, BENCHMARKS.md).
    pub const IN_QUESTION: f32 = 0.7;
    /// Divides a term's weight by 1 + this × the number of other points that have it.
    pub const SIBLING: f32 = 0.5;
}

/// Scores drafts against the points of the loaded decks. Build once per deck set: the
/// term weights come from every point of every deck.
pub struct Detector {
    concepts: ConceptIndex,
    /// The concept forms of two words or more, by their words' keys (`バージョン管理`:
    /// `j:バージョン`, `j:管理`): a draft sentence that says all the words of one, apart,
    /// names its concept (「どのバージョンが本番か…レジストリで管理」).
    loose_forms: Vec<(String, Vec<String>)>,
    /// The loose forms by their first word, so a sentence looks up only those it may say.
    loose_by_word: HashMap<String, Vec<usize>>,
    opposites: OppositeIndex,
    stemmer: Stemmer,
    idf: HashMap<String, f32>,
    /// The idf of a term no point has.
    unseen_idf: f32,
    /// The weighted terms of every point of the decks, by card id, worked out once.
    cards: HashMap<String, Vec<(Localized, PointTerms)>>,
    /// The role each card's deck prepares for (`cto`), by card id.
    roles: HashMap<String, String>,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("concepts", &self.concepts.keys.len())
            .field("terms", &self.idf.len())
            .finish()
    }
}

/// The draft as the detector reads it, worked out once for all the points of a card.
struct Reading {
    /// The draft as typed.
    draft: String,
    normalized: Normalized,
    clauses: Vec<clauses::Clause>,
    /// Per clause: the terms it names.
    clause_terms: Vec<HashSet<String>>,
    /// Terms named in clauses that do not reject them, with where (original text).
    affirmed: HashMap<String, Vec<Range<usize>>>,
    bigrams: HashSet<(char, char)>,
    /// Per clause: the sides of opposite pairs it names.
    clause_sides: Vec<Vec<usize>>,
    /// Per clause: the roles it names as the object of its verb (「複数のEMをまとめる」).
    clause_objects: Vec<Vec<usize>>,
    /// Per clause: the role that acts in it, when a particle marks one (see [`actor`]).
    clause_actors: Vec<Option<usize>>,
    /// The draft's figures with the comma-cut piece of the draft each is in.
    figures: Vec<(Figure, usize)>,
    /// The pieces (ranges of the normalised text) with their clause.
    segments: Vec<(Range<usize>, usize)>,
    segment_terms: Vec<HashSet<String>>,
    /// Per sentence: the terms named in its clauses that do not reject them.
    sentence_terms: Vec<HashSet<String>>,
    /// Terms named in clauses that reject them, with where: a point that itself steers
    /// away from something ("avoid vendor lock-in") is said by a draft that rejects it
    /// too (「特定のベンダーに依存しなくて済む」).
    rejected: HashMap<String, Vec<Range<usize>>>,
    /// Per sentence: the terms named in its clauses that reject them.
    sentence_rejected: Vec<HashSet<String>>,
    japanese: bool,
}

impl Detector {
    pub fn new(decks: &DeckSet) -> Self {
        let table = parse_synonyms(SYNONYMS);
        let concepts = ConceptIndex::new(&table).with_broader(SYNONYMS);
        let stemmer = Stemmer::create(Algorithm::English);
        let no_concepts = ConceptIndex::new(&[]);
        let loose_forms: Vec<(String, Vec<String>)> = table
            .iter()
            .flat_map(|concept| {
                let key = format!("c:{}", concept.id);
                let no_concepts = &no_concepts;
                let stemmer = &stemmer;
                concept.forms.iter().filter_map(move |form| {
                    let mut words: Vec<String> = occurrences(form, no_concepts, stemmer, &[])
                        .into_iter()
                        .map(|o| o.key)
                        .filter(|k| k.starts_with("w:") || k.starts_with("j:"))
                        .collect();
                    words.sort();
                    words.dedup();
                    // Short English words say too little apart ("one at a time" is not
                    // said by "one cutover … at the same time").
                    const GENERIC: &[&str] = &[
                        "time", "thing", "part", "step", "make", "take", "work", "done", "good",
                    ];
                    let specific = words.iter().all(|word| {
                        word.strip_prefix("w:")
                            .is_none_or(|w| w.len() >= 4 && !GENERIC.contains(&w))
                    });
                    (words.len() >= 2 && specific).then(|| (key.clone(), words))
                })
            })
            .collect();
        let mut document_frequency: HashMap<String, usize> = HashMap::default();
        let mut documents = 0usize;
        let mut seen: Seen = HashMap::default();
        for (_, card) in decks.cards() {
            for point in &card.points {
                for lang in [Lang::Ja, Lang::En] {
                    let Some(text) = point.text.exact(lang) else {
                        continue;
                    };
                    documents += 1;
                    let normalized = normalize(text).text;
                    let found = occurrences(&normalized, &concepts, &stemmer, &[]);
                    let keys: HashSet<&str> = found.iter().map(|o| o.key.as_str()).collect();
                    for key in keys {
                        *document_frequency.entry(key.to_string()).or_default() += 1;
                    }
                    // Kept for working out the point's weights below: reading every
                    // point twice made building the detector slower than its budget.
                    seen.insert(text.to_string(), (normalized, found));
                }
            }
        }
        let documents = documents.max(1) as f32;
        let idf_of = |df: f32| (1.0 + (documents - df + 0.5) / (df + 0.5)).ln();
        let idf = document_frequency
            .into_iter()
            .map(|(key, df)| (key, idf_of(df as f32)))
            .collect();
        let mut loose_by_word: HashMap<String, Vec<usize>> = HashMap::default();
        for (index, (_, words)) in loose_forms.iter().enumerate() {
            if let Some(first) = words.first() {
                loose_by_word.entry(first.clone()).or_default().push(index);
            }
        }
        let mut detector = Self {
            concepts,
            loose_forms,
            loose_by_word,
            opposites: OppositeIndex::new(OPPOSITES),
            stemmer,
            idf,
            unseen_idf: idf_of(0.0),
            cards: HashMap::default(),
            roles: decks
                .cards()
                .map(|(deck, card)| (card.id.clone(), deck.role.clone()))
                .collect(),
        };
        detector.cards = decks
            .cards()
            .map(|(_, card)| {
                let points = card
                    .points
                    .iter()
                    .zip(detector.card_terms(card, &seen))
                    .map(|(point, terms)| (point.text.clone(), terms))
                    .collect();
                (card.id.clone(), points)
            })
            .collect();
        detector
    }

    /// The terms of the card's points: worked out when the detector was built, unless the
    /// card changed since (or is not in the decks).
    fn terms_of(&self, card: &Card) -> Vec<std::borrow::Cow<'_, PointTerms>> {
        match self.cards.get(&card.id) {
            Some(cached)
                if cached.len() == card.points.len()
                    && cached
                        .iter()
                        .zip(&card.points)
                        .all(|((text, _), point)| *text == point.text) =>
            {
                cached
                    .iter()
                    .map(|(_, terms)| std::borrow::Cow::Borrowed(terms))
                    .collect()
            }
            _ => self
                .card_terms(card, &HashMap::default())
                .into_iter()
                .map(std::borrow::Cow::Owned)
                .collect(),
        }
    }

    fn weight(&self, key: &str) -> f32 {
        self.idf.get(key).copied().unwrap_or(self.unseen_idf) * factor_of(key)
    }

    fn keys_of(&self, text: &str) -> HashSet<String> {
        occurrences(&normalize(text).text, &self.concepts, &self.stemmer, &[])
            .into_iter()
            .map(|o| o.key)
            .collect()
    }

    /// The terms of every point of a card, each weighed by how much it tells the point
    /// from the card's question and its other points.
    /// `seen`: the terms of point texts already read (text → normalised text and terms, example
    /// flags not set), to be reused.
    fn card_terms(&self, card: &Card, seen: &Seen) -> Vec<PointTerms> {
        let question: HashSet<String> = [Lang::Ja, Lang::En]
            .into_iter()
            .filter_map(|lang| card.question.exact(lang))
            .flat_map(|text| self.keys_of(text))
            .collect();
        let question_keys = std::sync::Arc::new(question.clone());
        // Each point's terms worked out once; their keys, in either language, tell which
        // other points share a term.
        let mut all_terms: Vec<PointTerms> = card
            .points
            .iter()
            .map(|point| self.point_terms(&point.text, seen))
            .collect();
        let point_keys: Vec<HashSet<String>> = all_terms
            .iter()
            .map(|terms| {
                terms
                    .languages
                    .iter()
                    .flat_map(|weights| weights.keys().cloned())
                    .collect()
            })
            .collect();
        // Who the question asks about does what a point says, unless the point names
        // someone ("How does the VPoE run hiring?": "hiring plans from the business plan"
        // is the VPoE's), so a draft that hands it to someone else ("hiring is HR's job")
        // argues the opposite. Only when the question names one side of a group. A
        // question that names no one asks the candidate, in the role the deck prepares
        // for ("What do you watch out for with vendors?" in the CTO deck: "legal handles
        // the contracts" hands the CTO's job away).
        let sides_named_in = |text: &str| -> Vec<usize> {
            self.opposites
                .find(&normalize(text).text)
                .into_iter()
                .map(|(side, _)| side)
                .filter(|side| self.opposites.carried.contains(&(side / SIDES)))
                .collect()
        };
        let mut asked: Vec<usize> = [Lang::Ja, Lang::En]
            .into_iter()
            .filter_map(|lang| card.question.exact(lang))
            .flat_map(sides_named_in)
            .collect();
        if asked.is_empty()
            && let Some(role) = self.roles.get(&card.id)
        {
            asked = sides_named_in(role);
        }
        asked.sort_unstable();
        asked.dedup();
        let asked: Vec<usize> = asked
            .iter()
            .copied()
            .filter(|side| !asked.iter().any(|other| opposed(*side, *other)))
            .collect();
        all_terms.iter_mut().enumerate().for_each(|(index, terms)| {
            for side in &asked {
                if !terms.named_groups.contains(&(side / SIDES)) {
                    terms.sides.push(*side);
                }
            }
            for weights in &mut terms.languages {
                for (key, weight) in weights.iter_mut() {
                    let siblings = point_keys
                        .iter()
                        .enumerate()
                        .filter(|(other, keys)| *other != index && keys.contains(key))
                        .count();
                    *weight /= 1.0 + siblings as f32 * distinguishing::SIBLING;
                    if question.contains(key) {
                        *weight *= distinguishing::IN_QUESTION;
                    }
                }
            }
            terms.question_keys = std::sync::Arc::clone(&question_keys);
            terms.question_share = terms
                .languages
                .iter()
                .map(|weights| {
                    let total: f32 = weights.values().sum();
                    let asked: f32 = weights
                        .iter()
                        .filter(|(key, _)| question.contains(*key))
                        .map(|(_, weight)| weight)
                        .sum();
                    if total > 0.0 { asked / total } else { 0.0 }
                })
                .collect();
        });
        all_terms
    }

    fn point_terms(&self, text: &Localized, seen: &Seen) -> PointTerms {
        // A text read when the detector was built is not normalised again.
        let texts: Vec<(Lang, String, Option<&Vec<Occurrence>>)> = [Lang::Ja, Lang::En]
            .into_iter()
            .filter_map(|lang| {
                text.exact(lang).map(|t| match seen.get(t) {
                    Some((normalized, found)) => (lang, normalized.clone(), Some(found)),
                    None => (lang, normalize(t).text, None),
                })
            })
            .collect();
        let mut figure_texts = Vec::new();
        let mut figures_by_lang = Vec::new();
        let mut figure_claim = false;
        let mut figure_share = 0.0f32;
        let mut negative = false;
        let mut steers_away = false;
        let mut avoids = false;
        let mut denies = false;
        let mut contrast: Option<(HashSet<String>, HashSet<String>)> = None;
        let mut claim_affirmed = false;
        let mut sides: HashSet<usize> = HashSet::default();
        let mut topics: HashSet<usize> = HashSet::default();
        let languages = texts
            .iter()
            .map(|(lang, text, known)| {
                let examples = example_spans(text);
                // A point that is an example from its first word ("For example, one CTO
                // launched the MVP in three months") has no other claim: its example is
                // the claim, figures included.
                let opens = |span: &Range<usize>| {
                    text[..span.start].trim().is_empty()
                        && ["for example", "for instance", "たとえば", "例えば"]
                            .iter()
                            .any(|cue| text[span.start..].starts_with(cue))
                };
                let loose: Vec<Range<usize>> = loose_example_spans(text)
                    .into_iter()
                    .filter(|span| !opens(span))
                    .collect();
                let in_example = |span: &Range<usize>| {
                    loose
                        .iter()
                        .any(|e| e.start <= span.start && span.end <= e.end)
                };
                let mut main: Vec<Figure> = figures::figures(text)
                    .into_iter()
                    .filter(|figure| !in_example(&figure.span))
                    .collect();
                // A figure in brackets beside others outside them is an aside that names a
                // category ("スタートアップ(50名未満): 800万円〜1,200万円"); alone, it is the
                // claim ("エンジニア(1〜3年)").
                let brackets = bracket_spans(text);
                let aside = |figure: &Figure| {
                    brackets
                        .iter()
                        .any(|b| b.start <= figure.span.start && figure.span.end <= b.end)
                };
                if main.iter().any(|figure| !aside(figure)) {
                    main.retain(|figure| !aside(figure));
                }
                if !main.is_empty() {
                    let written: Vec<&str> =
                        main.iter().map(|f| text[f.span.clone()].trim()).collect();
                    figure_texts.push((*lang, written.join(", ")));
                    // The claim's share is its first language's.
                    if figures_by_lang.is_empty() {
                        let figure_chars: usize = main
                            .iter()
                            .map(|f| {
                                text[f.span.clone()]
                                    .chars()
                                    .filter(|c| c.is_alphanumeric())
                                    .count()
                            })
                            .sum();
                        let all_chars = text.chars().filter(|c| c.is_alphanumeric()).count();
                        figure_share = figure_chars as f32 / all_chars.max(1) as f32;
                        figure_claim = figure_share >= FIGURE_CLAIM_SHARE;
                    }
                    figures_by_lang.push((*lang, main));
                }
                let negation = clauses::negation(text);
                let steers_clear = clauses::avoids(text);
                negative |= negation.is_some() || steers_clear;
                avoids |= steers_clear;
                steers_away |= steers_clear || negation == Some(clauses::Strength::Verb);
                // Steering away from something ("avoids vendor lock-in") denies no claim: a
                // draft that names it without a negation (「依存しなくて済む」) agrees.
                denies |= negation == Some(clauses::Strength::Cue) && !steers_clear;
                if let Some(aside) = put_aside(text) {
                    let denied = self.keys_of(&text[aside.clone()]);
                    let rest = format!("{} {}", &text[..aside.start], &text[aside.end..]);
                    let subject = self
                        .keys_of(&rest)
                        .into_iter()
                        .filter(|key| !denied.contains(key))
                        .collect();
                    contrast = Some((denied, subject));
                    // Its negation is the contrast's cue alone ("set targets by
                    // criticality instead of one for all"): the claim is affirmative.
                    let before = text[..aside.start].trim_end();
                    let before = ["rather than", "instead of", "without", "not"]
                        .iter()
                        .find_map(|cue| before.strip_suffix(cue))
                        .unwrap_or(before);
                    let claim = format!("{before} {}", &text[aside.end..]);
                    claim_affirmed |=
                        clauses::negation(&claim).is_none() && !clauses::avoids(&claim);
                }
                let named: Vec<(usize, Range<usize>)> = self
                    .opposites
                    .find_spans(text)
                    .into_iter()
                    .filter(|(_, span)| !in_example(&(span.start..span.start + 1)))
                    .collect();
                sides.extend(named.iter().map(|(side, _)| *side));
                // 「VPoEは人事、総務…と調整し」: who acts is whom the point is about, the
                // others are whom it deals with.
                topics.extend(actor(text, &named, &self.opposites.carried));
                let mut weights: HashMap<String, f32> = HashMap::default();
                let found = match known {
                    Some(found) => found
                        .iter()
                        .cloned()
                        .map(|mut occurrence| {
                            occurrence.example = examples.iter().any(|e| {
                                e.start <= occurrence.span.start && occurrence.span.end <= e.end
                            });
                            occurrence
                        })
                        .collect(),
                    None => occurrences(text, &self.concepts, &self.stemmer, &examples),
                };
                for occurrence in found {
                    let mut weight = self.weight(&occurrence.key);
                    if occurrence.example {
                        weight *= factor::EXAMPLE;
                    }
                    let entry = weights.entry(occurrence.key).or_insert(0.0);
                    *entry = entry.max(weight);
                }
                weights
            })
            .collect();
        let bigrams = texts
            .iter()
            .map(|(_, text, _)| character_bigrams(text))
            .collect();
        let named_sides: Vec<usize> = sides.iter().copied().collect();
        let mut named_groups: Vec<usize> = sides.iter().map(|side| side / SIDES).collect();
        named_groups.sort_unstable();
        named_groups.dedup();
        // A point that takes both sides of a pair ("QA and developers together") argues
        // neither, unless one of them alone is what the point is about (marked by は).
        let topic_of = |side: usize| {
            topics.contains(&side) && !topics.iter().any(|other| opposed(side, *other))
        };
        let mut sides: Vec<usize> = sides
            .iter()
            .copied()
            .filter(|side| topic_of(*side) || !sides.iter().any(|other| opposed(*side, *other)))
            .collect();
        sides.sort_unstable();
        let partners: Vec<usize> = named_sides
            .iter()
            .copied()
            .filter(|side| {
                self.opposites.carried.contains(&(side / SIDES))
                    && !sides.contains(side)
                    && sides.iter().any(|own| opposed(*own, *side))
            })
            .collect();
        PointTerms {
            languages,
            bigrams,
            figure_texts,
            figures_by_lang,
            figure_claim,
            figure_share,
            negative,
            claim_affirmed,
            steers_away,
            avoids,
            denies,
            contrast,
            sides,
            named_groups,
            partners,
            question_share: Vec::new(),
            question_keys: Default::default(),
            balance: texts.iter().any(|(_, text, _)| weighs_two_things(text)),
        }
    }

    fn read(&self, draft: &str) -> Reading {
        let normalized = normalize(draft);
        let text = &normalized.text;
        let clauses = clauses::clauses(text);
        let clause_of = |at: usize| {
            clauses
                .iter()
                .position(|c| c.range.start <= at && at < c.range.end.max(c.range.start + 1))
        };
        let segments = clauses::segments(text, &clauses);
        let segment_of = |at: usize| {
            segments
                .iter()
                .position(|(range, _)| range.start <= at && at < range.end.max(range.start + 1))
        };
        // The draft's character bigrams, leaving out clauses that reject what they say.
        let affirmed_text: String = clauses
            .iter()
            .filter(|c| !c.negated)
            .map(|c| &text[c.range.clone()])
            .collect();
        let mut clause_terms = vec![HashSet::default(); clauses.len()];
        let mut segment_terms = vec![HashSet::default(); segments.len()];
        let mut affirmed: HashMap<String, Vec<Range<usize>>> = HashMap::default();
        let mut rejected: HashMap<String, Vec<Range<usize>>> = HashMap::default();
        let mut found = occurrences(text, &self.concepts, &self.stemmer, &[]);
        // A concept form's words said apart in one sentence, none rejected, name it.
        let sentence_count = clauses.iter().map(|c| c.sentence + 1).max().unwrap_or(0);
        let mut said: Vec<HashMap<&str, Range<usize>>> = vec![HashMap::default(); sentence_count];
        for occurrence in &found {
            if let Some(clause) = clause_of(occurrence.span.start).map(|i| &clauses[i])
                && !clause.negated
            {
                said[clause.sentence]
                    .entry(occurrence.key.as_str())
                    .or_insert_with(|| occurrence.span.clone());
            }
        }
        let mut loose = Vec::new();
        for words in &said {
            let candidates = words
                .keys()
                .filter_map(|word| self.loose_by_word.get(*word))
                .flatten()
                .map(|index| &self.loose_forms[*index]);
            for (key, form) in candidates {
                if words.contains_key(key.as_str()) {
                    continue;
                }
                if let Some(spans) = form
                    .iter()
                    .map(|word| words.get(word.as_str()).cloned())
                    .collect::<Option<Vec<_>>>()
                    && let Some(first) = spans.into_iter().min_by_key(|span| span.start)
                {
                    loose.push(Occurrence {
                        key: key.clone(),
                        span: first,
                        example: false,
                    });
                }
            }
        }
        found.extend(loose);
        let broader: Vec<Occurrence> = found
            .iter()
            .filter_map(|occurrence| {
                let key = self.concepts.broader.get(&occurrence.key)?;
                Some(Occurrence {
                    key: key.clone(),
                    ..occurrence.clone()
                })
            })
            .collect();
        found.extend(broader);
        for occurrence in found {
            let clause = clause_of(occurrence.span.start);
            if let Some(segment) = segment_of(occurrence.span.start) {
                segment_terms[segment].insert(occurrence.key.clone());
            }
            if let Some(index) = clause {
                clause_terms[index].insert(occurrence.key.clone());
            }
            let places = if clause.is_some_and(|index| clauses[index].negated) {
                &mut rejected
            } else {
                &mut affirmed
            };
            places
                .entry(occurrence.key)
                .or_default()
                .push(normalized.original(&occurrence.span));
        }
        let mut clause_sides = vec![Vec::new(); clauses.len()];
        let mut clause_named: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); clauses.len()];
        let mut clause_objects = vec![Vec::new(); clauses.len()];
        let found = self.opposites.find_spans(text);
        // Where the last role spoken to ended: "how our CEO and CFO think" speaks of both.
        let mut spoken_end: Option<usize> = None;
        for (side, span) in &found {
            let (side, span) = (*side, span.clone());
            let role = self.opposites.carried.contains(&(side / SIDES));
            let listed_after_spoken = spoken_end.is_some_and(|end| {
                end <= span.start && {
                    let between = text[end..span.start].trim();
                    let between = between
                        .strip_suffix("the")
                        .or_else(|| between.strip_suffix("our"))
                        .unwrap_or(between)
                        .trim();
                    matches!(between, "and" | "or" | "," | "&")
                }
            });
            // "I told the CFO", "how our CEO thinks", 「EMと毎週1on1」: a role the clause
            // speaks to, about or with is not who does what the clause says.
            if role
                && (spoken_to(text, span.start)
                    || listed_after_spoken
                    || partnered_ja(text, &span, &found)
                    || addressed_ja(text, &span))
            {
                spoken_end = Some(span.end);
                continue;
            }
            if let Some(index) = clause_of(span.start) {
                if role && text[span.end..].starts_with('を') {
                    clause_objects[index].push(side);
                }
                clause_sides[index].push(side);
                clause_named[index].push((side, span));
            }
        }
        let clause_actors: Vec<Option<usize>> = clause_named
            .iter()
            .map(|named| actor(text, named, &self.opposites.carried))
            .collect();
        // A clause that names no one speaks of whom its sentence named last: in
        // 「CTOは現場寄りで、一人ひとりの成長を見る」 the second clause is the CTO's. Only
        // for groups of who does something (`who_…`); a stance like "gradually" is said
        // of its own clause.
        for index in 1..clauses.len() {
            // 「人事と連携して、計画を立てる」: a role named as a partner is not who acts
            // in the clauses after it.
            let partner = self
                .opposites
                .together
                .is_some_and(|side| clause_sides[index - 1].contains(&side));
            // 「CTOが方向を決めて、僕がチームで形にする」: the speaker acts in the second.
            let speaker = clauses::speaker_acts(&text[clauses[index].range.clone()]);
            if clauses[index].sentence != clauses[index - 1].sentence || partner || speaker {
                continue;
            }
            let inherited: Vec<usize> = clause_sides[index - 1]
                .iter()
                .copied()
                .filter(|side| self.opposites.carried.contains(&(side / SIDES)))
                .filter(|side| {
                    !clause_sides[index]
                        .iter()
                        .any(|own| own / SIDES == side / SIDES)
                })
                .collect();
            clause_sides[index].extend(inherited);
        }
        let sentences = clauses.iter().map(|c| c.sentence + 1).max().unwrap_or(0);
        let mut sentence_terms = vec![HashSet::default(); sentences];
        let mut sentence_rejected = vec![HashSet::default(); sentences];
        for (clause, terms) in clauses.iter().zip(&clause_terms) {
            let into = if clause.negated {
                &mut sentence_rejected
            } else {
                &mut sentence_terms
            };
            into[clause.sentence].extend(terms.iter().cloned());
        }
        let figures = figures::figures(text)
            .into_iter()
            .filter_map(|figure| segment_of(figure.span.start).map(|s| (figure, s)))
            .collect();
        Reading {
            draft: draft.to_string(),
            bigrams: character_bigrams(&affirmed_text),
            japanese: text.chars().any(is_japanese),
            normalized,
            clauses,
            clause_terms,
            affirmed,
            clause_sides,
            clause_objects,
            clause_actors,
            figures,
            segments,
            segment_terms,
            sentence_terms,
            rejected,
            sentence_rejected,
        }
    }

    /// Scores `draft` against every point of `card`.
    pub fn detect(&self, card: &Card, draft: &str) -> Coverage {
        let reading = self.read(draft);
        let terms = self.terms_of(card);
        let mut scores = Vec::with_capacity(card.points.len());
        let mut matches = Vec::with_capacity(card.points.len());
        let mut evidence = Vec::with_capacity(card.points.len());
        let negated_terms: HashSet<&String> = reading
            .clauses
            .iter()
            .zip(&reading.clause_terms)
            .filter(|(clause, _)| clause.negated)
            .flat_map(|(_, terms)| terms)
            .collect();
        let mut fits: Vec<SentenceFit> = Vec::with_capacity(terms.len());
        for point in &terms {
            let mut best = (0.0f32, Vec::new());
            let mut best_fit = SentenceFit::default();
            let mut best_evidence = Evidence::default();
            for (index, weights) in point.languages.iter().enumerate() {
                let total: f32 = weights.values().sum();
                if total <= 0.0 {
                    continue;
                }
                let mut matched = 0.0;
                let mut rejected = 0.0;
                let mut top = 0.0f32;
                let mut spans = Vec::new();
                for (key, weight) in weights {
                    let places = reading.affirmed.get(key).or_else(|| {
                        point
                            .steers_away
                            .then(|| reading.rejected.get(key))
                            .flatten()
                    });
                    if let Some(places) = places {
                        matched += weight;
                        top = top.max(*weight);
                        spans.extend(places.iter().cloned());
                    } else if negated_terms.contains(key) {
                        rejected += weight;
                    }
                }
                // The share each sentence names, and each two neighbouring sentences, in
                // one look-up per term and sentence.
                let sentences = reading.sentence_terms.len();
                let mut sentence_shares = vec![0.0f32; sentences];
                let mut pair_shares = vec![0.0f32; sentences.saturating_sub(1)];
                for (key, weight) in weights {
                    let mut before = false;
                    for (sentence, named) in reading.sentence_terms.iter().enumerate() {
                        let here = named.contains(key)
                            || (point.steers_away
                                && reading.sentence_rejected[sentence].contains(key));
                        if here {
                            sentence_shares[sentence] += weight / total;
                        }
                        if sentence > 0 && (here || before) {
                            pair_shares[sentence - 1] += weight / total;
                        }
                        before = here;
                    }
                }
                let pair_share = pair_shares.iter().copied().fold(0.0f32, f32::max);
                let sentence_share = sentence_shares.iter().copied().fold(0.0f32, f32::max);
                let point_bigrams = &point.bigrams[index];
                let shared = if point_bigrams.is_empty() {
                    0.0
                } else {
                    point_bigrams.intersection(&reading.bigrams).count() as f32
                        / point_bigrams.len() as f32
                };
                let score = (1.0 - CHARACTER_SHARE) * (matched / total) + CHARACTER_SHARE * shared;
                if score > best.0 || best_evidence == Evidence::default() {
                    best_evidence = Evidence {
                        term_share: matched / total,
                        bigram_share: shared,
                        sentence_share,
                        pair_share: pair_share.max(sentence_share),
                        rejected_share: rejected / total,
                        top_term_share: top / total,
                        question_share: point
                            .question_share
                            .get(index)
                            .copied()
                            .unwrap_or(0.0)
                            .max(0.0),
                        ..Evidence::default()
                    };
                }
                if score > best.0 {
                    best = (score, spans);
                    best_fit = SentenceFit {
                        weights: Some(weights),
                        sentence_shares,
                        bigram_share: shared,
                    };
                }
            }
            fits.push(best_fit);
            evidence.push(best_evidence);
            let (score, mut spans) = best;
            spans.sort_by_key(|span| (span.start, span.end));
            spans.dedup();
            scores.push(score.clamp(0.0, 1.0));
            matches.push(spans);
        }
        // A sentence speaks for the points it fits best: one that fits another point of
        // the card more than twice as well lends this one none of its words ("Raksul put in
        // a VPoE to push hiring" is Raksul's point, not every point that names hiring),
        // unless it names a good part of this one too.
        let sentences = reading.sentence_terms.len();
        let best_fit_of: Vec<f32> = (0..sentences)
            .map(|sentence| {
                fits.iter()
                    .map(|fit| fit.sentence_shares.get(sentence).copied().unwrap_or(0.0))
                    .fold(0.0, f32::max)
            })
            .collect();
        for (index, fit) in fits.iter().enumerate() {
            let Some(weights) = fit.weights else {
                continue;
            };
            let shares = &fit.sentence_shares;
            let total: f32 = weights.values().sum();
            let lent: HashSet<&String> = (0..sentences)
                .filter(|sentence| {
                    let share = shares.get(*sentence).copied().unwrap_or(0.0);
                    share > 0.0
                        && (share >= SENTENCE_FIT * best_fit_of[*sentence]
                            || share >= SENTENCE_NAMES)
                })
                .flat_map(|sentence| {
                    let rejected = terms[index]
                        .steers_away
                        .then(|| reading.sentence_rejected[sentence].iter());
                    reading.sentence_terms[sentence]
                        .iter()
                        .chain(rejected.into_iter().flatten())
                })
                .collect();
            let matched: f32 = weights
                .iter()
                .filter(|(key, _)| lent.contains(key))
                .map(|(_, weight)| weight)
                .sum();
            let beyond_question: f32 = weights
                .iter()
                .filter(|(key, _)| lent.contains(key) && !terms[index].question_keys.contains(*key))
                .map(|(_, weight)| weight)
                .sum::<f32>()
                / total;
            // (An empty sum is -0.0.)
            evidence[index].beyond_question_share = beyond_question.max(0.0);
            if let Some((key, weight)) = weights
                .iter()
                .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
            {
                evidence[index].heaviest_share = weight / total;
                evidence[index].heaviest_said = lent.contains(key);
            }
            let score =
                (1.0 - CHARACTER_SHARE) * (matched / total) + CHARACTER_SHARE * fit.bigram_share;
            scores[index] = scores[index].min(score.clamp(0.0, 1.0));
        }
        let owners = self.figure_owners(&reading, &terms);
        let verdicts: Vec<FigureVerdict> = terms
            .iter()
            .enumerate()
            .map(|(index, point)| figure_verdict(&reading, point, index, &owners))
            .collect();
        // The point's figures, said about it or about nothing in particular, are that
        // share of its words said: in the score and beyond the question's words.
        for (index, point) in terms.iter().enumerate() {
            if point.figure_share > 0.0
                && matches!(verdicts[index], FigureVerdict::Stated)
                && figures_said_here(&reading, point, index, &owners)
            {
                let share = point.figure_share.min(1.0);
                let bigrams = fits[index].bigram_share;
                let words = ((scores[index] - CHARACTER_SHARE * bigrams) / (1.0 - CHARACTER_SHARE))
                    .max(0.0);
                scores[index] = ((1.0 - CHARACTER_SHARE) * (share + (1.0 - share) * words)
                    + CHARACTER_SHARE * bigrams)
                    .clamp(0.0, 1.0);
                let beyond = &mut evidence[index].beyond_question_share;
                *beyond = share + (1.0 - share) * *beyond;
            }
        }
        // How fully each clause names each point, and the card's point it names most: a
        // rejection speaks against the points it is about, not every point that shares a
        // word with it.
        let clause_shares: Vec<Vec<f32>> = terms
            .iter()
            .map(|point| {
                reading
                    .clause_terms
                    .iter()
                    .map(|said| clause_share(said, point))
                    .collect()
            })
            .collect();
        let clause_best: Vec<f32> = (0..reading.clause_terms.len())
            .map(|clause| {
                clause_shares
                    .iter()
                    .map(|shares| shares[clause])
                    .fold(0.0, f32::max)
            })
            .collect();
        let mut covered = Vec::new();
        let mut misses = Vec::with_capacity(terms.len());
        for ((index, point), figure) in terms.iter().enumerate().zip(verdicts) {
            let score = scores[index];
            let opposite =
                self.opposite_clause(&reading, point, &clause_shares[index], &clause_best);
            let found = &mut evidence[index];
            found.rank = scores.iter().filter(|other| **other > score).count() as f32
                / scores.len().max(1) as f32;
            found.opposite = opposite.is_some();
            found.figure_stated = matches!(figure, FigureVerdict::Stated);
            found.figure_wrong = matches!(figure, FigureVerdict::Wrong(_));
            found.figure_missing = matches!(figure, FigureVerdict::Missing);
            let miss = if let Some(clause) = opposite {
                Some(Miss::Opposite { clause })
            } else {
                match figure {
                    FigureVerdict::Stated | FigureVerdict::NotNeeded => None,
                    FigureVerdict::Wrong(yours) => Some(Miss::WrongFigure {
                        yours,
                        guide: point
                            .figure_texts
                            .iter()
                            .find(|(lang, _)| (*lang == Lang::Ja) == reading.japanese)
                            .or(point.figure_texts.first())
                            .map(|(_, text)| text.clone())
                            .unwrap_or_default(),
                        guide_by_lang: point.figure_texts.clone(),
                    }),
                    FigureVerdict::Missing => Some(Miss::TopicOnly),
                }
            };
            // Naming the question's words is restating it, not making the point; unless
            // the point has no words but the question's ("VPoE is short for Vice President
            // of Engineering" for "What is VPoE short for?"), when all of them must be said.
            let found = &evidence[index];
            let within_question = found.question_share >= WITHIN_QUESTION;
            let beyond = if within_question {
                found.term_share >= WITHIN_QUESTION
            } else {
                found.beyond_question_share >= BEYOND_QUESTION
            };
            let credited = score >= THRESHOLD && beyond && miss.is_none();
            if credited {
                covered.push(index);
            }
            // Say why only for a point the draft touched, in words of its own beyond the
            // question's (naming only what the question asks about touches every point of
            // the card alike): a wrong figure is said wherever the draft names one about
            // the point.
            let own_words = within_question || found.beyond_question_share > 0.0;
            let touched = (score >= TOUCHED && own_words)
                || matches!(miss, Some(Miss::Opposite { .. } | Miss::WrongFigure { .. }));
            misses.push(match miss {
                _ if credited || !touched => None,
                None => Some(Miss::TopicOnly),
                Some(miss) => Some(miss),
            });
        }
        Coverage {
            scores,
            covered,
            matches,
            misses,
            evidence,
        }
    }

    /// A clause of the draft, on the point's topic, that asserts the opposite of it: it
    /// rejects the point's words, or says the other side of a pair the point takes
    /// (centralise where the point delegates) without the point's side.
    fn opposite_clause(
        &self,
        reading: &Reading,
        point: &PointTerms,
        shares: &[f32],
        clause_best: &[f32],
    ) -> Option<String> {
        // `shares`: how fully each clause names the point. A clause that neither rejects
        // nor turns affirms it as fully ("not postponed, introduce the cache now" affirms
        // the cache).
        // The sides each clause takes: a role the point names beside its own, named as
        // the object of the clause's verb as well (「複数のEMをまとめる」 against 「VPoEは
        // 複数のEMを束ねる」), is not handed the point.
        let taken: Vec<Vec<usize>> = reading
            .clause_sides
            .iter()
            .zip(&reading.clause_objects)
            .map(|(sides, objects)| {
                sides
                    .iter()
                    .copied()
                    .filter(|side| !(objects.contains(side) && point.partners.contains(side)))
                    .collect()
            })
            .collect();
        let affirms = |index: usize| {
            !reading.clauses[index].negated && !turns_against(&point.sides, &taken[index])
        };
        let best_affirmed = (0..reading.clauses.len())
            .filter(|index| affirms(*index))
            .map(|index| shares[index])
            .fold(0.0, f32::max);
        // How fully a clause that denies something covers a point that denies.
        let best_denied = (0..reading.clauses.len())
            .filter(|index| reading.clauses[*index].negative)
            .map(|index| shares[index])
            .fold(0.0, f32::max);
        reading
            .clauses
            .iter()
            .enumerate()
            .find_map(|(index, clause)| {
                // A rejection is about the topic split off before it as well.
                let topic = index
                    .checked_sub(1)
                    .filter(|before| reading.clauses[*before].topic_of_next)
                    .map_or(0.0, |before| shares[before]);
                let on_topic = shares[index] + topic;
                let sides = &reading.clause_sides[index];
                // A negation is weaker evidence than an opposite word: a clause that
                // affirms the point more fully elsewhere outweighs it.
                let rejects_claim = || {
                    point.claim_affirmed
                        && point.contrast.as_ref().is_some_and(|(denied, subject)| {
                            // Mostly the claim's words: the put-aside thing may share one.
                            let terms = &reading.clause_terms[index];
                            let claim = terms.iter().filter(|key| subject.contains(*key)).count();
                            let aside = terms.iter().filter(|key| denied.contains(*key)).count();
                            claim > aside
                        })
                };
                let rejects = clause.negated
                    && (!point.negative || rejects_claim())
                    && on_topic >= NEGATED_ON_TOPIC
                    && on_topic > best_affirmed
                    && shares[index] >= SENTENCE_FIT * clause_best[index];
                // Working with another role is not handing it the point.
                let together = self
                    .opposites
                    .together
                    .is_some_and(|side| sides.contains(&side));
                // A clause that names the point's role too still hands the point to
                // another when that other is who acts in it.
                // Only a swap: who acts in the clause is whom the point names beside its
                // own role, and that role is named too (「CTOの描くビジョンをHoEが落とし込む」
                // against 「HoEが描いたビジョンをCTOが落とし込む」). Another role acting on
                // the point's words alone may be about something else.
                let acted = reading.clause_actors[index].is_some_and(|acts| {
                    point.partners.contains(&acts)
                        && point
                            .sides
                            .iter()
                            .any(|side| opposed(*side, acts) && sides.contains(side))
                });
                // A clause that names two of the roles the point names beside its own, and
                // makes neither of them act, speaks of them as the point does ("between the
                // CTO and the EMs").
                let between_partners = || {
                    let mut named: Vec<usize> = sides
                        .iter()
                        .copied()
                        .filter(|side| point.partners.contains(side))
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    named.len() >= 2
                        && reading.clause_actors[index].is_none()
                        && sides.iter().all(|side| {
                            !self.opposites.carried.contains(&(side / SIDES))
                                || point.partners.contains(side)
                        })
                };
                let turns = !clause.negated
                    && on_topic >= CLAUSE_ON_TOPIC
                    && ((turns_against(&point.sides, &taken[index]) && !between_partners())
                        || acted)
                    && !(together
                        && sides
                            .iter()
                            .any(|side| self.opposites.carried.contains(&(side / SIDES))));
                // "Oversees the organization rather than technical decisions" is asserted
                // against by a clause on technical decisions, not by one on the organization.
                let names_both = point.contrast.as_ref().is_none_or(|(denied, subject)| {
                    let terms = &reading.clause_terms[index];
                    terms.iter().any(|key| denied.contains(key))
                        && terms.iter().any(|key| subject.contains(key))
                });
                let asserts = point.denies
                    && !clause.negative
                    && on_topic >= NEGATED_ON_TOPIC
                    && on_topic > best_denied
                    && names_both;
                let one_sided = point.balance
                    && on_topic >= ONE_SIDE_ON_TOPIC
                    && puts_one_above_all(&reading.normalized.text[clause.range.clone()]);
                // A point that keeps two things needs both: rejecting either is enough,
                // however fully another clause keeps the other ("we hire from outside;
                // promoting from within hasn't worked").
                // Warning against too much of one side argues for the balance
                // (「リリースを優先しすぎると開発速度が落ちる」).
                let drops_a_side = point.balance
                    && clause.negated
                    && !point.negative
                    && on_topic >= ONE_SIDE_ON_TOPIC
                    && shares[index] >= SENTENCE_FIT * clause_best[index]
                    && !clauses::says_too_much(&reading.normalized.text[clause.range.clone()]);
                // 「ベンダーにはむしろ積極的に頼るのが大事」 against "move away from
                // depending on vendors".
                let commends =
                    point.avoids && !clause.negative && on_topic >= NEGATED_ON_TOPIC && {
                        let said = &reading.normalized.text[clause.range.clone()];
                        clauses::commends(said) && !clauses::avoids(said)
                    };
                (rejects || turns || asserts || one_sided || drops_a_side || commends)
                    .then(|| reading.typed(&clause.range))
            })
    }

    /// For each figure of the draft, the points its piece of the draft is about (empty:
    /// about none in particular, so it may state any point's figure).
    fn figure_owners(
        &self,
        reading: &Reading,
        terms: &[std::borrow::Cow<'_, PointTerms>],
    ) -> Vec<Vec<usize>> {
        // How much a piece of the draft is about a point: the weight it matches times the
        // share of the point that is, so "five years as an engineer" is about "Engineer
        // (1 to 3 years)", not about "Senior engineer/tech lead", which shares one word.
        let weight_in = |segment: usize, point: &PointTerms| -> f32 {
            point
                .languages
                .iter()
                .map(|weights| {
                    let total: f32 = weights.values().sum();
                    let matched: f32 = weights
                        .iter()
                        .filter(|(key, _)| reading.segment_terms[segment].contains(*key))
                        .map(|(_, weight)| weight)
                        .sum();
                    if total > 0.0 {
                        matched * matched / total
                    } else {
                        0.0
                    }
                })
                .fold(0.0, f32::max)
        };
        reading
            .figures
            .iter()
            .map(|(figure, segment)| {
                // Another figure beside it that is a point's own names what it is about:
                // in 「10〜30名規模なら600万円」 the pay is for the band of 10 to 30 people,
                // whatever words the piece shares with the other bands.
                let anchored: Vec<usize> = terms
                    .iter()
                    .enumerate()
                    .filter(|(_, point)| {
                        reading.figures.iter().any(|(other, at)| {
                            at == segment
                                && other.span != figure.span
                                && point
                                    .figures_for(reading.japanese)
                                    .iter()
                                    .any(|guide| other.same_as(guide))
                        })
                    })
                    .map(|(index, _)| index)
                    .collect();
                if !anchored.is_empty() {
                    return anchored;
                }
                // A figure alone between commas ("30人、50人、100人の壁") is about what the
                // next piece of its clause says, or else the one before.
                let clause = reading.segments[*segment].1;
                let candidates = [
                    Some(*segment),
                    segment.checked_add(1),
                    segment.checked_sub(1),
                ];
                for candidate in candidates.into_iter().flatten() {
                    if reading
                        .segments
                        .get(candidate)
                        .is_none_or(|(_, c)| *c != clause)
                    {
                        continue;
                    }
                    let weights: Vec<f32> = terms.iter().map(|t| weight_in(candidate, t)).collect();
                    let top = weights.iter().copied().fold(0.0, f32::max);
                    if top > 0.0 {
                        return weights
                            .iter()
                            .enumerate()
                            .filter(|(_, w)| **w >= top * 0.999)
                            .map(|(i, _)| i)
                            .collect();
                    }
                }
                Vec::new()
            })
            .collect()
    }
}

impl Reading {
    /// The text the user typed for a range of the normalised draft, trimmed.
    fn typed(&self, span: &Range<usize>) -> String {
        let range = self.normalized.original(span);
        self.draft
            .get(range)
            .unwrap_or("")
            .trim()
            .trim_start_matches(['、', ','])
            .trim_end_matches(['.', '。', '、', ','])
            .trim()
            .to_string()
    }
}

/// The share of a point's weight (its best language) a clause names.
/// Words that weigh two things against each other.
const BALANCE: &[&str] = &[
    "balanc",
    "both ",
    "combin",
    "trade-off",
    "tradeoff",
    "両立",
    "バランス",
    "両方",
    "組み合わ",
    "併用",
    "トレードオフ",
    "つつ",
];

/// Words that put one thing above all else: "speed is everything", 「速度が最優先」.
const ABOVE_ALL: &[&str] = &[
    "everything",
    "all that matters",
    "above all",
    "the only thing",
    "at all costs",
    "i'd just ",
    "we'd just ",
    "i just ",
    "just follow",
    "as they are",
    "as it is",
    "as-is",
    "matters less than",
    "matter less than",
    "less important than",
    "more important than",
    "at the expense of",
    "最優先",
    "何より",
    "より優先",
    "よりも優先",
    "二の次",
    "犠牲にして",
    "すべて",
    "全て",
    "全部",
    "一択",
    "そのまま",
    "だけでいい",
    "だけで十分",
];

/// Where a point puts one thing aside for another, in its normalised English text: what
/// follows "rather than", "instead of" or "without" ("advance without becoming a
/// manager"), or what stands between "not" and "but" ("not as
/// a cost but as an investment").
fn put_aside(text: &str) -> Option<Range<usize>> {
    for cue in ["rather than ", "instead of ", "without "] {
        // "Without a platform, scientists can't deliver" opens on a condition: nothing is
        // put aside for the claim.
        if let Some(at) = text.find(cue).filter(|at| !text[..*at].trim().is_empty()) {
            let start = at + cue.len();
            let end = text[start..]
                .find([',', ':', ';', '.'])
                .map_or(text.len(), |end| start + end);
            return Some(start..end);
        }
    }
    let not = text.find("not ")?;
    let but = not + text[not..].find(" but ")?;
    Some(not + "not ".len()..but)
}

fn weighs_two_things(text: &str) -> bool {
    BALANCE.iter().any(|cue| text.contains(cue))
}

fn puts_one_above_all(text: &str) -> bool {
    ABOVE_ALL.iter().any(|cue| text.contains(cue)) && !weighs_two_things(text)
}

fn clause_share(clause_terms: &HashSet<String>, point: &PointTerms) -> f32 {
    point
        .languages
        .iter()
        .map(|weights| {
            let total: f32 = weights.values().sum();
            if total <= 0.0 {
                return 0.0;
            }
            weights
                .iter()
                .filter(|(key, _)| clause_terms.contains(*key))
                .map(|(_, weight)| weight)
                .sum::<f32>()
                / total
        })
        .fold(0.0, f32::max)
}

/// Each kind of figure the point gives is stated by a figure the draft says about this
/// point or about none: the guide's figure said about another point is that point's.
/// Whether a figure is said in a clause that rejects what it names ("people quote 5 to 8,
/// but that's outdated"): it states nothing, and is no answer of the draft's own either.
fn rejected_figure(reading: &Reading, figure: &Figure) -> bool {
    reading.clauses.iter().any(|clause| {
        clause.negated
            && clause.range.start <= figure.span.start
            && figure.span.end <= clause.range.end
    })
}

fn figures_said_here(
    reading: &Reading,
    point: &PointTerms,
    index: usize,
    owners: &[Vec<usize>],
) -> bool {
    let guides = point.figures_for(reading.japanese);
    guides.iter().all(|guide| {
        guides
            .iter()
            .filter(|other| other.unit == guide.unit)
            .any(|other| {
                reading
                    .figures
                    .iter()
                    .zip(owners)
                    .any(|((figure, _), owner)| {
                        (owner.is_empty() || owner.contains(&index))
                            && figure.states(other)
                            && !rejected_figure(reading, figure)
                    })
            })
    })
}

enum FigureVerdict {
    /// The point claims no figure.
    NotNeeded,
    /// The draft states the point's figures.
    Stated,
    /// The draft states another figure of the same kind, as typed.
    Wrong(String),
    /// The draft states none, and the figure is the point's claim.
    Missing,
}

fn figure_verdict(
    reading: &Reading,
    point: &PointTerms,
    index: usize,
    owners: &[Vec<usize>],
) -> FigureVerdict {
    let guides = point.figures_for(reading.japanese);
    if guides.is_empty() {
        return FigureVerdict::NotNeeded;
    }
    // A figure the draft says about this point, or about no point in particular; or the
    // very figure of the point wherever it is said ("30人、50人、100人の壁").
    let candidates: Vec<&Figure> = reading
        .figures
        .iter()
        .zip(owners)
        .filter(|((figure, _), _)| !rejected_figure(reading, figure))
        .filter(|((figure, _), owner)| {
            owner.is_empty()
                || owner.contains(&index)
                || guides.iter().any(|guide| figure.same_as(guide))
        })
        .map(|((figure, _), _)| figure)
        .collect();
    // Each kind of figure the point gives must be said ("3〜5年: 1,000万円〜" needs the
    // years and the pay); of a list of one kind ("30, 50 and 100 people") most is enough.
    let mut units: Vec<figures::Unit> = guides.iter().map(|f| f.unit).collect();
    units.sort();
    units.dedup();
    let stated_kind = |unit: figures::Unit| {
        let of_kind: Vec<&Figure> = guides.iter().filter(|f| f.unit == unit).collect();
        let stated = of_kind
            .iter()
            .filter(|guide| candidates.iter().any(|figure| figure.states(guide)))
            .count();
        stated > 0 && 2 * stated >= of_kind.len()
    };
    // A figure said about this very point that is not the guide's is a wrong answer, even
    // when the guide's figure is said about another point ("the plan once a year; every
    // quarter a debt sprint"): the words of a point decide what its figure is.
    let own: Vec<&Figure> = reading
        .figures
        .iter()
        .zip(owners)
        .filter(|((figure, _), owner)| {
            owner.len() == 1 && owner.contains(&index) && !rejected_figure(reading, figure)
        })
        .map(|((figure, _), _)| figure)
        .collect();
    let states_own = |unit: figures::Unit| {
        guides
            .iter()
            .filter(|guide| guide.unit == unit)
            .any(|guide| own.iter().any(|figure| figure.states(guide)))
    };
    let own_rival = own.iter().find(|figure| {
        guides
            .iter()
            .any(|guide| figure.rivals(guide) && !states_own(guide.unit))
    });
    if let Some(figure) = own_rival {
        return FigureVerdict::Wrong(reading.typed(&figure.span));
    }
    // A band the guide gives is answered by the draft's band: "the going rate is 600万〜
    // 800万, so I ask for 800万" gives another band, whatever the ask.
    let band = |figure: &Figure| figure.lo < figure.hi && figure.hi.is_finite();
    let other_band = candidates.iter().find(|figure| {
        band(figure)
            && guides
                .iter()
                .any(|guide| band(guide) && figure.rivals(guide) && !figure.states(guide))
            && !candidates.iter().any(|stating| {
                band(stating)
                    && guides
                        .iter()
                        .any(|guide| guide.unit == figure.unit && stating.states(guide))
            })
    });
    if let Some(figure) = other_band {
        return FigureVerdict::Wrong(reading.typed(&figure.span));
    }
    if units.iter().all(|unit| stated_kind(*unit)) {
        return FigureVerdict::Stated;
    }
    let rival = candidates.iter().find(|figure| {
        guides.iter().any(|guide| figure.rivals(guide))
            && !guides.iter().any(|guide| figure.states(guide))
    });
    if let Some(figure) = rival {
        return FigureVerdict::Wrong(reading.typed(&figure.span));
    }
    if point.figure_claim {
        FigureVerdict::Missing
    } else {
        FigureVerdict::NotNeeded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deck of two cards written for these tests (not a bundled one), so the tests
    /// check the method, not one card's wording.
    /// A detector over one deck given as JSON, and the deck.
    fn one_deck(json: &str) -> (Detector, DeckSet) {
        let decks = DeckSet::from_sources(vec![("d.json".into(), json.into(), false)]);
        (Detector::new(&decks), decks)
    }

    fn detector_and_cards() -> (Detector, DeckSet) {
        let decks = DeckSet::from_sources(vec![(
            "t.json".into(),
            r#"{"id":"t","title":{"en":"T"},"cards":[
              {"id":"t1","question":{"ja":"障害対応は？","en":"Incidents?"},"points":[
                {"ja":"MTTRを計測して改善する","en":"Measure and improve MTTR"},
                {"ja":"ポストモーテムを実施する","en":"Hold a post-mortem"},
                {"ja":"キャッシュを導入する（例：Varnish）","en":"Introduce a cache (e.g. Varnish)"}]},
              {"id":"t2","question":{"ja":"コストは？","en":"Costs?"},"points":[
                {"ja":"リザーブドインスタンスの活用","en":"Use reserved instances"},
                {"ja":"技術的負債の返済計画を立てる","en":"Plan how to pay down technical debt"}]}
            ]}"#
            .into(),
            false,
        )]);
        (Detector::new(&decks), decks)
    }

    fn covered(draft: &str, card: &str) -> Vec<usize> {
        let (detector, decks) = detector_and_cards();
        let (_, card) = decks.find_card(card).unwrap();
        detector.detect(card, draft).covered
    }

    #[test]
    fn an_empty_or_off_topic_draft_covers_nothing() {
        assert_eq!(covered("", "t1"), Vec::<usize>::new());
        assert_eq!(covered("   \n", "t1"), Vec::<usize>::new());
        assert_eq!(
            covered(
                "I would talk to the stakeholders and align on the schedule.",
                "t1"
            ),
            Vec::<usize>::new()
        );
        assert_eq!(covered("わかりません。", "t2"), Vec::<usize>::new());
    }

    #[test]
    fn synonyms_cross_languages_and_wordings() {
        // 障害復旧時間 and "time to restore" are MTTR; 振り返り a post-mortem.
        assert_eq!(
            covered("障害復旧時間を測って短くする。振り返りもやる", "t1"),
            [0, 1]
        );
        assert_eq!(
            covered("We track time to restore and run a retrospective.", "t1"),
            [0, 1]
        );
        // Tech debt in English inside Japanese.
        assert_eq!(
            covered("tech debtを返すための計画を四半期ごとに立てる", "t2"),
            [1]
        );
    }

    #[test]
    fn japanese_is_matched_without_spaces() {
        assert_eq!(covered("まずキャッシュを導入します", "t1"), [2]);
        assert_eq!(covered("ポストモーテムを必ず実施し、", "t1"), [1]);
    }

    #[test]
    fn english_words_match_through_their_stems() {
        assert_eq!(covered("We measured MTTR and improved it.", "t1"), [0]);
        assert_eq!(covered("Introducing caching helped.", "t1"), [2]);
    }

    #[test]
    fn a_term_named_only_to_reject_it_does_not_count() {
        assert_eq!(
            covered("MTTR doesn't matter to me.", "t1"),
            Vec::<usize>::new()
        );
        assert_eq!(
            covered("キャッシュは入れたくないです。", "t1"),
            Vec::<usize>::new()
        );
        assert_eq!(
            covered("MTTRを測っても意味がないと思う。", "t1"),
            Vec::<usize>::new()
        );
        // The same term affirmed in another sentence counts.
        assert_eq!(
            covered(
                "キャッシュは後回し、ではない。まずキャッシュを導入する。",
                "t1"
            ),
            [2]
        );
    }

    #[test]
    fn an_example_is_optional_but_the_claim_is_not() {
        // The point's main claim (a cache) without its example (Varnish) is covered…
        assert_eq!(
            covered("We'd introduce a cache in front of the database.", "t1"),
            [2]
        );
        // …the example alone is not.
        let (detector, decks) = detector_and_cards();
        let (_, card) = decks.find_card("t1").unwrap();
        let score = detector.detect(card, "Varnish").scores[2];
        assert!(score < THRESHOLD, "{score}");
    }

    #[test]
    fn matches_point_back_at_what_the_user_typed() {
        let (detector, decks) = detector_and_cards();
        let (_, card) = decks.find_card("t1").unwrap();
        // Full-width letters are normalised, but the span is in the original text.
        let draft = "まずＭＴＴＲを計測する";
        let coverage = detector.detect(card, draft);
        assert_eq!(coverage.covered, [0]);
        let spans: Vec<&str> = coverage.matches[0]
            .iter()
            .map(|span| &draft[span.clone()])
            .collect();
        assert!(spans.contains(&"ＭＴＴＲ"), "{spans:?}");
    }

    #[test]
    fn the_synonym_table_parses_and_names_each_concept_once() {
        let concepts = parse_synonyms(SYNONYMS);
        assert!(concepts.len() >= 50);
        let mut ids: Vec<&str> = concepts.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let total = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), total, "a concept id appears twice");
        assert!(concepts.iter().all(|c| !c.forms.is_empty()));
        // Every concept a broader line names is one of the table's.
        let index = ConceptIndex::new(&concepts).with_broader(SYNONYMS);
        assert!(index.broader.len() >= 10);
        for (narrow, broad) in &index.broader {
            for key in [narrow, broad] {
                assert!(index.keys.contains(key), "{key} is not a concept");
            }
        }
    }

    #[test]
    fn double_quotes_are_not_part_of_a_word() {
        assert_eq!(
            normalize("Decides \"what\" to build, “how” to ship").text,
            "decides what to build, how to ship"
        );
        // The words still point back at what was typed.
        let normalized = normalize("“How” it ships");
        assert_eq!(normalized.original(&(0..3)), 3..6);
    }

    #[test]
    fn a_verb_in_another_form_is_the_same_word() {
        assert_eq!(inflected_stem("知らせる"), Some("知"));
        assert_eq!(inflected_stem("知らせ"), Some("知"));
        assert_eq!(inflected_stem("見直し"), Some("見直"));
        // Not a word without endings, nor one whose ending is its negative.
        assert_eq!(inflected_stem("四半期"), None);
        assert_eq!(inflected_stem("知らない"), None);
        let (detector, decks) = one_deck(
            r#"{"id":"v","title":{"en":"V"},"cards":[
              {"id":"v1","question":{"ja":"承認の基準をどう見直しますか？","en":"How would you rework the criteria for approval?"},"points":[
                {"ja":"承認の基準を揃える","en":"Align the criteria for approval"},
                {"ja":"承認の基準を公開する","en":"Publish the criteria for approval"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("v1").unwrap();
        let found = detector.detect(card, "承認の基準は部署の間で揃えました。");
        assert_eq!(found.covered, [0], "{found:?}");
    }

    #[test]
    fn an_experiment_against_a_control_group_is_an_ab_test() {
        let (detector, decks) = one_deck(
            r#"{"id":"x","title":{"en":"X"},"cards":[
              {"id":"x1","question":{"ja":"新しい料金ページをどう評価しますか？","en":"How would you judge a new pricing page?"},"points":[
                {"ja":"A/Bテストで確かめる","en":"Check it with an A/B test"},
                {"ja":"解約率も見る","en":"Watch churn as well"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("x1").unwrap();
        let found = detector.detect(
            card,
            "Half the visitors see the old page as a control group.",
        );
        assert_eq!(found.covered, [0], "{found:?}");
        let found = detector.detect(card, "半分のお客様には旧ページを出して対照群にします。");
        assert_eq!(found.covered, [0], "{found:?}");
    }

    #[test]
    fn one_process_for_everything_argues_against_scaling_to_risk() {
        let (detector, decks) = one_deck(
            r#"{"id":"u","title":{"en":"U"},"cards":[
              {"id":"u1","question":{"ja":"経費の承認をどう設計しますか？","en":"How would you design expense approvals?"},"points":[
                {"ja":"金額のリスクに応じて承認の段階を変える","en":"Make approval steps risk-based, by the amount"},
                {"ja":"承認の記録を残す","en":"Keep a record of approvals"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("u1").unwrap();
        let found = detector.detect(
            card,
            "金額に関係なく、承認の段階は全部同じフローにしています。",
        );
        assert!(!found.covered.contains(&0), "{found:?}");
        let found = detector.detect(
            card,
            "Every amount goes through the same approval steps, uniformly.",
        );
        assert!(!found.covered.contains(&0), "{found:?}");
    }

    #[test]
    fn putting_aside_what_a_topic_is_rejects_the_topic_too() {
        let (detector, decks) = one_deck(
            r#"{"id":"w","title":{"en":"W"},"cards":[
              {"id":"w1","question":{"ja":"可用性をどう高めますか？","en":"How do you raise availability?"},"points":[
                {"ja":"障害訓練の計画","en":"A plan for failure drills"},
                {"ja":"冗長構成","en":"Redundancy"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("w1").unwrap();
        // The topic (障害訓練) is kept out of the rejection, but the rejection is about it.
        let found = detector.detect(
            card,
            "障害訓練は計画してやるものではなく、気づいたときにやれば十分です。",
        );
        assert!(!found.covered.contains(&0), "{found:?}");
        assert!(
            matches!(found.misses[0], Some(Miss::Opposite { .. })),
            "{found:?}"
        );
    }

    #[test]
    fn naming_a_kind_of_a_thing_names_the_thing() {
        let (detector, decks) = one_deck(
            r#"{"id":"k","title":{"en":"K"},"cards":[
              {"id":"k1","question":{"ja":"注目している技術トレンドは？","en":"Which technology trends do you follow?"},"points":[
                {"ja":"セキュリティ","en":"Security"},
                {"ja":"ゼロトラストの導入","en":"Adopting zero trust"},
                {"ja":"スケーラビリティ","en":"Scalability"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("k1").unwrap();
        let kinds = detector.detect(
            card,
            "社内ネットワークもゼロトラスト前提にして、DBはシャーディングで水平に伸ばしています。",
        );
        assert!(kinds.covered.contains(&0), "{kinds:?}");
        assert!(kinds.covered.contains(&2), "{kinds:?}");
        // Only that way: naming the broad thing does not name its kinds.
        let broad = detector.detect(card, "何よりセキュリティを重視しています。");
        assert!(broad.covered.contains(&0), "{broad:?}");
        assert!(!broad.covered.contains(&1), "{broad:?}");
        let en = detector.detect(
            card,
            "We moved every service to least privilege and added read replicas.",
        );
        assert!(en.covered.contains(&0) && en.covered.contains(&2), "{en:?}");
    }

    #[test]
    fn everyday_wordings_name_the_concepts_of_the_field() {
        let index = ConceptIndex::new(&parse_synonyms(SYNONYMS));
        let concepts = |text: &str| -> Vec<String> {
            index
                .find(&normalize(text).text)
                .into_iter()
                .map(|(key, _)| key.to_string())
                .collect()
        };
        // Each pair says one concept in everyday words, in Japanese and in English.
        for (ja, en, concept) in [
            (
                "何を作るかを決める",
                "they decide what to build",
                "c:what_to_build",
            ),
            (
                "どう作るかを決める",
                "we decide how to build it",
                "c:how_to_build",
            ),
            (
                "EMたちを束ねる",
                "a manager of managers",
                "c:manager_of_managers",
            ),
            (
                "一つ前の状態に戻した",
                "we went back to the previous version",
                "c:rollback",
            ),
            (
                "二度と起きないようにする",
                "so it never happens again",
                "c:recurrence",
            ),
            (
                "結果をメモリに置いて返す",
                "keep the results in memory",
                "c:cache",
            ),
            (
                "ユーザーIDでデータを分割する",
                "partition the data by user",
                "c:sharding",
            ),
            ("複数台に分散する", "add servers", "c:horizontal_scaling"),
            (
                "サイトが落ちない",
                "the site doesn't fall over",
                "c:availability",
            ),
            (
                "専門職コースと管理職コースを分ける",
                "a management track and a technical track",
                "c:career_path",
            ),
            (
                "半期ごとの査定",
                "a twice-yearly review cycle",
                "c:evaluation",
            ),
            (
                "採用要件を面接官で揃える",
                "every interviewer uses the same scorecard",
                "c:hiring_criteria",
            ),
            (
                "ログや認証は社内パッケージで揃える",
                "logging comes from internal packages",
                "c:shared_library",
            ),
            (
                "推奨技術の一覧から選ぶ",
                "pick from the paved road",
                "c:guidelines",
            ),
            (
                "サービスを一つずつ移す",
                "we moved in stages",
                "c:phased_migration",
            ),
            (
                "その数字がいつ時点のものか",
                "the dashboard was stale",
                "c:freshness",
            ),
        ] {
            assert!(
                concepts(ja).iter().any(|c| c == concept),
                "{ja}: {:?}",
                concepts(ja)
            );
            assert!(
                concepts(en).iter().any(|c| c == concept),
                "{en}: {:?}",
                concepts(en)
            );
        }
    }

    /// Cards written for the figure, opposite and "why" tests (not bundled ones).
    fn claims() -> (Detector, DeckSet) {
        let decks = DeckSet::from_sources(vec![(
            "c.json".into(),
            r#"{"id":"c","title":{"en":"C"},"cards":[
              {"id":"c1","question":{"ja":"キャリアの年数は？","en":"How long does each step take?"},"points":[
                {"ja":"エンジニア(1〜3年)","en":"Engineer (1 to 3 years)"},
                {"ja":"年収は800万円〜","en":"Pay from 8 million yen"},
                {"ja":"負債返済にリソースの20%を割くなど、投資計画を示す","en":"Show an investment plan, e.g. 20% of capacity for debt"}]},
              {"id":"c2","question":{"ja":"技術選定はどう進めますか？","en":"How do you run technology choices?"},"points":[
                {"ja":"技術選定は各チームに任せる","en":"Leave technology choices to each team"},
                {"ja":"移行は段階的に進める","en":"Migrate step by step"},
                {"ja":"テストは開発者自身が書く","en":"Developers write their own tests"},
                {"ja":"拡大の計画を事前に立てる","en":"Plan growth in advance"}]},
              {"id":"c3","question":{"ja":"VPoEに必要な技術力は？","en":"How technical must a VPoE be?"},"points":[
                {"ja":"CTOほどの深い専門性は求められません","en":"A CTO's depth of expertise is not required"},
                {"ja":"エンジニアと技術の会話ができること","en":"Able to talk technology with engineers"}]},
              {"id":"c4","question":{"ja":"CTOの実績の例は？","en":"What has a CTO achieved?"},"points":[
                {"ja":"たとえば、あるCTOはMVPを3ヶ月で立ち上げた","en":"For example, one CTO launched the MVP in three months"}]},
              {"id":"c5","question":{"ja":"VPoEは採用で何をしますか？","en":"What does the VPoE do for hiring?"},"points":[
                {"ja":"事業計画に基づいて採用計画を立てる","en":"Plan hiring from the business plan"},
                {"ja":"VPoEは人事や営業と日常的に調整する","en":"The VPoE works every day with HR and sales"}]},
              {"id":"c6","question":{"ja":"HoEとCTOの分担は？","en":"How do the HoE and the CTO divide the work?"},"points":[
                {"ja":"CTOは長期的な技術ビジョンを描く","en":"The CTO draws the long-term technology vision"},
                {"ja":"CTOの描くビジョンをHoEが現実のプロダクトに落とし込む","en":"The HoE turns the CTO's vision into real products"}]}
            ]}"#
            .into(),
            false,
        )]);
        (Detector::new(&decks), decks)
    }

    fn read(card: &str, draft: &str) -> Coverage {
        let (detector, decks) = claims();
        let (_, card) = decks.find_card(card).unwrap();
        detector.detect(card, draft)
    }

    #[test]
    fn a_point_whose_claim_is_a_figure_needs_the_same_figure() {
        assert_eq!(
            read("c1", "エンジニアとして1〜3年経験を積みます").covered,
            [0]
        );
        assert_eq!(
            read("c1", "I'd work one to three years as an engineer").covered,
            [0]
        );
        let wrong = read("c1", "エンジニアを5年やります");
        assert!(!wrong.covered.contains(&0));
        assert!(
            matches!(&wrong.misses[0], Some(Miss::WrongFigure { yours, guide, .. })
                if yours == "5年" && guide == "1〜3年"),
            "{:?}",
            wrong.misses[0]
        );
        // Shown under the English point, the guide's figure is the English one.
        let miss = wrong.misses[0].as_ref().unwrap();
        assert_eq!(miss.guide_in(Lang::En), Some("1 to 3 years"));
        // Shown in Japanese or in both, the draft's language stays; shown in English
        // only, the English point's figure.
        assert_eq!(miss.shown_in(Lang::Ja, None), *miss);
        assert_eq!(miss.shown_in(Lang::En, Some(Lang::Ja)), *miss);
        assert!(matches!(miss.shown_in(Lang::En, None),
            Miss::WrongFigure { guide, .. } if guide == "1 to 3 years"));
        // The same in English, with the guide's figure as the English point writes it.
        let wrong = read("c1", "The pay for this is around 6 million yen.");
        assert!(!wrong.covered.contains(&1));
        assert!(
            matches!(&wrong.misses[1], Some(Miss::WrongFigure { yours, guide, .. })
                if yours == "6 million yen" && guide == "from 8 million yen"),
            "{:?}",
            wrong.misses[1]
        );
        assert_eq!(read("c1", "年収は1000万円くらい").covered, [1]);
    }

    #[test]
    fn every_kind_of_figure_a_point_gives_must_be_said() {
        let (detector, decks) = {
            let decks = DeckSet::from_sources(vec![(
                "p.json".into(),
                r#"{"id":"p","title":{"en":"P"},"cards":[
                  {"id":"p1","question":{"ja":"年収は？","en":"Pay?"},"points":[
                    {"ja":"3〜5年: 1,000万円〜","en":"3 to 5 years: from 10 million yen"},
                    {"ja":"スタートアップ(50名未満): 800万円〜1,200万円","en":"Startups (under 50 people): 8 to 12 million yen"}]}
                ]}"#
                .into(),
                false,
            )]);
            (Detector::new(&decks), decks)
        };
        let (_, card) = decks.find_card("p1").unwrap();
        // The years without the pay, or the pay of another band, is not the point.
        assert!(
            !detector
                .detect(card, "3〜5年だと1,500万円から")
                .covered
                .contains(&0)
        );
        assert!(
            detector
                .detect(card, "経験3〜5年なら1,000万円からです")
                .covered
                .contains(&0)
        );
        // The figure in brackets names the category: the band alone says the point.
        assert!(
            detector
                .detect(card, "スタートアップだと800万〜1,200万円くらい")
                .covered
                .contains(&1)
        );
    }

    #[test]
    fn an_example_figure_stays_optional() {
        // 20% is an example of the plan (など): 1割 is another plan, not a wrong figure.
        let coverage = read("c1", "負債返済に開発リソースの1割を割く投資計画を示します");
        assert!(coverage.covered.contains(&2), "{coverage:?}");
    }

    #[test]
    fn a_point_that_is_an_example_from_its_start_claims_its_figure() {
        // Nothing but the example is claimed, so its figure is the claim.
        let wrong = read("c4", "One CTO I know launched the MVP in three weeks.");
        assert!(wrong.covered.is_empty(), "{wrong:?}");
        assert!(
            matches!(wrong.misses[0], Some(Miss::WrongFigure { .. })),
            "{wrong:?}"
        );
        assert_eq!(
            read("c4", "One CTO launched the MVP in three months.").covered,
            [0]
        );
        let wrong = read("c4", "あるCTOはMVPを3週間で立ち上げました");
        assert!(wrong.covered.is_empty(), "{wrong:?}");
        assert_eq!(
            read("c4", "あるCTOはMVPを3ヶ月で立ち上げました").covered,
            [0]
        );
    }

    #[test]
    fn a_clause_saying_the_other_side_argues_the_opposite() {
        // force / leave to, in both languages.
        let ja = read("c2", "技術選定は全社で統一して、各チームに強制します。");
        assert!(!ja.covered.contains(&0), "{ja:?}");
        assert!(
            matches!(ja.misses[0], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        let en = read(
            "c2",
            "Technology choices: I'd force one stack on every team.",
        );
        assert!(!en.covered.contains(&0), "{en:?}");
        assert_eq!(read("c2", "技術選定は各チームに任せます").covered, [0]);
        // step by step / all at once.
        let big_bang = read("c2", "移行は一気にやります");
        assert!(
            matches!(big_bang.misses[1], Some(Miss::Opposite { .. })),
            "{big_bang:?}"
        );
        let big_bang = read("c2", "I'd migrate all at once in one go.");
        assert!(!big_bang.covered.contains(&1));
        // QA / developers.
        let qa = read("c2", "テストはQAチームが書きます");
        assert!(
            matches!(qa.misses[2], Some(Miss::Opposite { .. })),
            "{qa:?}"
        );
        let qa = read("c2", "Tests are written by the QA team.");
        assert!(
            matches!(qa.misses[2], Some(Miss::Opposite { .. })),
            "{qa:?}"
        );
        assert_eq!(read("c2", "Developers write their own tests.").covered, [2]);
    }

    #[test]
    fn handing_the_questions_role_to_another_argues_the_opposite() {
        // The question asks what the VPoE does: a point that names no one is the VPoE's.
        let ja = read("c5", "採用計画は事業計画に基づいて人事が立てるものです。");
        assert!(
            matches!(ja.misses[0], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        let en = read("c5", "Planning hiring from the business plan is HR's job.");
        assert!(
            matches!(en.misses[0], Some(Miss::Opposite { .. })),
            "{en:?}"
        );
        // Working with another role is not handing it the point.
        assert!(
            read(
                "c5",
                "人事と連携して、事業計画に基づいて採用計画を立てます。"
            )
            .covered
            .contains(&0)
        );
        assert!(
            read(
                "c5",
                "I plan hiring from the business plan together with HR."
            )
            .covered
            .contains(&0)
        );
        // The role marked by は is whom a point is about, though it names others.
        let swapped = read("c5", "CTOは人事や営業と日常的に調整します。");
        assert!(
            matches!(swapped.misses[1], Some(Miss::Opposite { .. })),
            "{swapped:?}"
        );
        assert!(
            read("c5", "VPoEは人事や営業と日常的に調整します。")
                .covered
                .contains(&1)
        );
    }

    #[test]
    fn a_figure_said_about_the_point_decides_though_its_figure_is_said_elsewhere() {
        let (detector, decks) = one_deck(
            r#"{"id":"f","title":{"en":"F"},"cards":[
              {"id":"f1","question":{"ja":"技術投資をどう進めますか？","en":"How do you run technology investment?"},"points":[
                {"ja":"四半期ごとに技術投資計画を立てる","en":"Draw up a technology investment plan every quarter"},
                {"ja":"負債返済のためのスプリントを確保する","en":"Reserve a sprint for paying down debt"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("f1").unwrap();
        let en = detector.detect(
            card,
            "I'd write the technology investment plan once a year. Every quarter I'd reserve one sprint for paying down debt.",
        );
        assert!(
            matches!(en.misses[0], Some(Miss::WrongFigure { .. })),
            "{en:?}"
        );
        assert!(en.covered.contains(&1), "{en:?}");
        let ja = detector.detect(
            card,
            "技術投資計画は年1回立てます。四半期ごとに負債返済のスプリントを確保します。",
        );
        assert!(
            matches!(ja.misses[0], Some(Miss::WrongFigure { .. })),
            "{ja:?}"
        );
        let right = detector.detect(card, "技術投資計画は四半期ごとに見直して立てます。");
        assert!(right.covered.contains(&0), "{right:?}");
    }

    #[test]
    fn a_sentence_speaks_for_the_point_it_fits_best() {
        let (detector, decks) = one_deck(
            r#"{"id":"s","title":{"en":"S"},"cards":[
              {"id":"s1","question":{"ja":"VPoEを置いた会社の例は？","en":"Which companies created a VPoE role?"},"points":[
                {"ja":"ラクスルはシリーズC以降に採用戦略を強化し、開発プロセスを標準化した","en":"Raksul strengthened its hiring strategy and standardized its development processes from Series C"},
                {"ja":"メルカリは複数サービスの開発プロセスを標準化した","en":"Mercari standardized development processes across its services"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("s1").unwrap();
        let en = detector.detect(
            card,
            "Raksul strengthened its hiring strategy from Series C and standardized its development processes.",
        );
        assert_eq!(en.covered, [0], "{en:?}");
        let ja = detector.detect(
            card,
            "ラクスルはシリーズC以降、採用戦略を強化して開発プロセスを標準化しました。",
        );
        assert_eq!(ja.covered, [0], "{ja:?}");
        // A sentence that names a good part of a point lends it its words though it fits
        // another point better: the SLOs sentence fits the monitoring point best, and
        // names the availability point's SLOs too (with the bundled decks).
        let bundled = DeckSet::load(None);
        let lists = Detector::new(&bundled);
        let (_, listed) = bundled.find_card("hoe-q08").unwrap();
        let both = lists.detect(
            listed,
            "For us it's availability and latency. I'd define SLOs for both, say 99.9% and p99 under 300 ms, scrape metrics with Prometheus, build Grafana boards per service, and alert on SLO burn rate rather than raw CPU.",
        );
        assert!(both.covered.contains(&0), "{both:?}");
        // Said in a sentence of its own, the other point is there too.
        let both = detector.detect(
            card,
            "Raksul strengthened its hiring strategy from Series C. Mercari standardized development processes across its services.",
        );
        assert_eq!(both.covered, [0, 1], "{both:?}");
    }

    #[test]
    fn putting_one_side_above_all_argues_against_a_balance() {
        let (detector, decks) = one_deck(
            r#"{"id":"b","title":{"en":"B"},"cards":[
              {"id":"b1","question":{"ja":"組織をどう運営しますか？","en":"How do you run the organization?"},"points":[
                {"ja":"権限委譲とガバナンスのバランスを取る","en":"Balance delegation and governance"},
                {"ja":"採用計画を立てる","en":"Plan hiring"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("b1").unwrap();
        let en = detector.detect(card, "I'd delegate everything to the teams.");
        assert!(
            matches!(en.misses[0], Some(Miss::Opposite { .. })),
            "{en:?}"
        );
        let ja = detector.detect(card, "権限は全部現場に委譲します。");
        assert!(
            matches!(ja.misses[0], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        // Ranking one side below the other is putting the other above all.
        for draft in [
            "Governance matters less than delegation at our stage, so teams decide alone.",
            "ガバナンスは二の次で、権限委譲を進めます。",
        ] {
            let read = detector.detect(card, draft);
            assert!(!read.covered.contains(&0), "{draft}: {read:?}");
        }
        let balanced = detector.detect(
            card,
            "I balance delegation with governance: teams decide, inside clear guardrails.",
        );
        assert!(balanced.covered.contains(&0), "{balanced:?}");
        let ja = detector.detect(card, "権限委譲とガバナンスのバランスを意識しています。");
        assert!(ja.covered.contains(&0), "{ja:?}");
    }

    #[test]
    fn rejecting_the_claim_of_a_point_that_puts_something_aside_argues_the_opposite() {
        let (detector, decks) = one_deck(
            r#"{"id":"c","title":{"en":"C"},"cards":[
              {"id":"c1","question":{"ja":"夜間の呼び出しをどう設計しますか？","en":"How would you set up night-time paging?"},"points":[
                {"ja":"サービスの重要度で呼び出す条件を変える","en":"Page by how critical the service is instead of one rule for every service"},
                {"ja":"呼び出しの回数を毎月見直す","en":"Review the number of pages every month"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("c1").unwrap();
        let found = detector.detect(
            card,
            "We don't page by how critical the service is; one rule covers everything.",
        );
        assert!(!found.covered.contains(&0), "{found:?}");
        assert!(
            matches!(found.misses[0], Some(Miss::Opposite { .. })),
            "{found:?}"
        );
        // Rejecting what the point puts aside agrees with it.
        let agrees = detector.detect(
            card,
            "We page by how critical the service is, not by one rule for every service.",
        );
        assert!(agrees.covered.contains(&0), "{agrees:?}");
    }

    #[test]
    fn naming_only_the_questions_words_gets_no_reason_line() {
        let (detector, decks) = one_deck(
            r#"{"id":"g","title":{"en":"G"},"cards":[
              {"id":"g1","question":{"ja":"業界のセキュリティガイドラインをどう守りますか？","en":"How do you make sure you meet the industry's security guidelines?"},"points":[
                {"ja":"ガイドラインの各項目を自社のシステムに対応づける","en":"Map each item of the guidelines to our systems"},
                {"ja":"ガイドラインが改訂されたら差分を洗い出す","en":"When the guidelines are revised, list the differences"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("g1").unwrap();
        for draft in [
            "We make sure we meet the industry's security guidelines.",
            "業界のセキュリティガイドラインはきちんと守っています。",
        ] {
            let found = detector.detect(card, draft);
            assert!(found.covered.is_empty(), "{found:?}");
            assert_eq!(found.misses, [None, None], "{draft}: {found:?}");
        }
    }

    #[test]
    fn restating_the_question_does_not_make_a_point() {
        let (detector, decks) = one_deck(
            r#"{"id":"q","title":{"en":"Q"},"cards":[
              {"id":"q1","question":{"ja":"創業メンバーとしてVPoEで参画する魅力は？","en":"What does joining as a founding member in the VPoE role offer?"},"points":[
                {"ja":"創業期のスタートアップに創業メンバーとしてVPoEで参画する道もある","en":"Joining an early-stage startup as a founding member in the VPoE role is a path"},
                {"ja":"ストックオプションのアップサイドが大きい","en":"Stock options with a large upside"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("q1").unwrap();
        let ja = detector.detect(
            card,
            "創業メンバーとしてVPoEで参画すると、ストックオプションのアップサイドが大きいです。",
        );
        assert_eq!(ja.covered, [1], "{ja:?}");
        assert_eq!(ja.misses[0], Some(Miss::TopicOnly), "{ja:?}");
        let en = detector.detect(
            card,
            "Joining as a founding member in the VPoE role, your stock options have a large upside.",
        );
        assert_eq!(en.covered, [1], "{en:?}");
        // Saying what the question does not: the early-stage startup.
        let said = detector.detect(
            card,
            "創業期のスタートアップに創業メンバーとして入る道があります。",
        );
        assert!(said.covered.contains(&0), "{said:?}");
    }

    #[test]
    fn a_point_made_of_the_questions_words_needs_all_of_them() {
        let (detector, decks) = one_deck(
            r#"{"id":"a","title":{"en":"A"},"cards":[
              {"id":"a1","question":{"ja":"HoEとは何の略ですか？","en":"What does HoE stand for?"},"points":[
                {"ja":"HoEはHead of Engineeringの略称です","en":"HoE stands for Head of Engineering"},
                {"ja":"開発組織の責任者","en":"The head of the development organization"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("a1").unwrap();
        let expanded = detector.detect(card, "Head of Engineeringの頭文字をとったものです。");
        assert!(expanded.covered.contains(&0), "{expanded:?}");
        let named = detector.detect(card, "HoEは開発組織の責任者です。");
        assert!(!named.covered.contains(&0), "{named:?}");
    }

    #[test]
    fn a_question_that_names_no_one_asks_the_role_of_its_deck() {
        let (detector, decks) = one_deck(
            r#"{"id":"cto","title":{"en":"CTO"},"role":"cto","cards":[
              {"id":"v1","question":{"ja":"外部ベンダーとの協業で気をつけることは？","en":"What do you watch out for with outside vendors?"},"points":[
                {"ja":"外部ベンダーとの契約交渉","en":"Negotiating contracts with outside vendors"},
                {"ja":"ベンダー依存からの脱却","en":"Moving away from depending on vendors"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("v1").unwrap();
        let ja = detector.detect(
            card,
            "ベンダーとの契約交渉は法務に任せて、私は関わりません。",
        );
        assert!(
            matches!(ja.misses[0], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        let en = detector.detect(
            card,
            "Negotiating contracts with vendors is legal's job; I stay out of it.",
        );
        assert!(
            matches!(en.misses[0], Some(Miss::Opposite { .. })),
            "{en:?}"
        );
        // Working with legal is still the CTO negotiating.
        let together = detector.detect(
            card,
            "外部ベンダーとの契約交渉は法務と連携して私が進めます。",
        );
        assert!(together.covered.contains(&0), "{together:?}");
    }

    #[test]
    fn swapping_who_acts_and_whom_a_point_names_beside_argues_the_opposite() {
        // Both roles in one clause: who acts is marked by が (or は).
        let swapped = read(
            "c6",
            "HoEが描いたビジョンをCTOが現実のプロダクトに落とし込みます。",
        );
        assert!(
            matches!(swapped.misses[1], Some(Miss::Opposite { .. })),
            "{swapped:?}"
        );
        let right = read(
            "c6",
            "CTOが描いたビジョンをHoEが現実のプロダクトに落とし込みます。",
        );
        assert!(right.covered.contains(&1), "{right:?}");
        // Another role acting near a point's words is not a swap of a point that names
        // one role only.
        assert!(
            !matches!(right.misses[0], Some(Miss::Opposite { .. })),
            "{right:?}"
        );
        let topic = read(
            "c6",
            "HoEはCTOの描くビジョンを現実のプロダクトに落とし込みます。",
        );
        assert!(topic.covered.contains(&1), "{topic:?}");
    }

    #[test]
    fn a_role_is_the_same_by_its_short_name() {
        let (detector, decks) = one_deck(
            r#"{"id":"r","title":{"en":"R"},"cards":[
              {"id":"r1","question":{"ja":"VPoEまでの道のりは？","en":"How do you become a VPoE?"},"points":[
                {"ja":"エンジニアリングマネージャー(2〜4年)→ VPoE","en":"Engineering manager (2-4 years) → VPoE"},
                {"ja":"社外から経営幹部として招かれる","en":"Be hired from outside as an executive"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("r1").unwrap();
        let short = detector.detect(card, "EMを2〜4年やって、そこからVPoEになります。");
        assert_eq!(short.covered, [0], "{short:?}");
        let english = detector.detect(
            card,
            "After two to four years as an EM you move up to VPoE.",
        );
        assert_eq!(english.covered, [0], "{english:?}");
        // The role with another figure is still a wrong figure.
        let wrong = detector.detect(card, "EMを半年やれば、そこからVPoEになれます。");
        assert!(
            matches!(wrong.misses[0], Some(Miss::WrongFigure { .. })),
            "{wrong:?}"
        );
    }

    #[test]
    fn a_points_figures_said_count_as_its_words() {
        let (detector, decks) = one_deck(
            r#"{"id":"g","title":{"en":"G"},"cards":[
              {"id":"g1","question":{"ja":"組織の拡大にどう備えますか？","en":"How do you prepare for growth?"},"points":[
                {"ja":"案件ごとのチーム編成とスキルバランス","en":"Team make-up and skill balance per project"},
                {"ja":"30名、50名、100名の壁を乗り越える施策を実行します","en":"Carry out measures to get past the 30-, 50- and 100-person walls"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("g1").unwrap();
        let said = detector.detect(
            card,
            "組織って30人、50人、100人あたりで必ず壁にぶつかるので、その手前で手を打ちます。",
        );
        assert!(said.covered.contains(&1), "{said:?}");
        // The same words with other figures, or none, do not say it.
        let other = detector.detect(
            card,
            "組織って20人、40人あたりで必ず壁にぶつかるので、その手前で手を打ちます。",
        );
        assert!(!other.covered.contains(&1), "{other:?}");
        let none = detector.detect(card, "組織はいずれ壁にぶつかるので、手を打ちます。");
        assert!(!none.covered.contains(&1), "{none:?}");
    }

    #[test]
    fn a_figure_in_a_rejected_clause_states_nothing() {
        let (detector, decks) = one_deck(
            r#"{"id":"w","title":{"en":"W"},"cards":[
              {"id":"w1","question":{"ja":"会議は何分が適切ですか？","en":"How long should a meeting be?"},"points":[
                {"ja":"15〜25分程度が適切","en":"About 15 to 25 minutes is right"},
                {"ja":"議題を事前に配る","en":"Send the agenda beforehand"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("w1").unwrap();
        let said = detector.detect(card, "I'd say 15 to 25 minutes works best for us.");
        assert!(said.covered.contains(&0), "{said:?}");
        let quoted = detector.detect(
            card,
            "People quote 15 to 25 as the ideal, but I think that's outdated.",
        );
        assert!(!quoted.covered.contains(&0), "{quoted:?}");
    }

    #[test]
    fn a_concept_said_in_words_apart_is_said() {
        let (detector, decks) = one_deck(
            r#"{"id":"l","title":{"en":"L"},"cards":[
              {"id":"l1","question":{"ja":"モデルをどう運用しますか？","en":"How do you run models?"},"points":[
                {"ja":"バージョン管理","en":"Versioning"},
                {"ja":"精度の監視","en":"Watching accuracy"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("l1").unwrap();
        let apart = detector.detect(
            card,
            "どのバージョンが本番かは、社内の台帳で管理しています。",
        );
        assert!(apart.covered.contains(&0), "{apart:?}");
        // Not when one of the words is rejected.
        let rejected = detector.detect(card, "バージョンは気にしません。台帳で管理しています。");
        assert!(!rejected.covered.contains(&0), "{rejected:?}");
    }

    #[test]
    fn a_role_told_something_does_not_do_it() {
        let (detector, decks) = one_deck(
            r#"{"id":"t","title":{"en":"T"},"role":"em","cards":[
              {"id":"t1","question":{"ja":"リリースが遅れたとき、EMとしてどう動きますか？","en":"When a release slips, what do you do as the EM?"},"points":[
                {"ja":"関係者へ遅れの見込みを早めに共有する","en":"Share the expected delay with the people concerned early"},
                {"ja":"スコープを絞る","en":"Cut the scope"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("t1").unwrap();
        let told = detector.detect(card, "遅れの見込みは早めに営業や人事に共有します。");
        assert!(told.covered.contains(&0), "{told:?}");
        // Handing it over is another matter.
        let handed = detector.detect(card, "遅れの見込みの共有は早めに人事に任せます。");
        assert!(!handed.covered.contains(&0), "{handed:?}");
    }

    #[test]
    fn a_band_is_answered_by_the_drafts_band_not_by_a_value_inside_it() {
        let (detector, decks) = one_deck(
            r#"{"id":"b","title":{"en":"B"},"cards":[
              {"id":"b1","question":{"ja":"希望の報酬は？","en":"What pay do you expect?"},"points":[
                {"ja":"部長職の報酬相場は900万〜1,300万円","en":"The going rate for a department head is 9 to 13 million yen"},
                {"ja":"実績を根拠に示す","en":"Back it with results"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("b1").unwrap();
        let band = detector.detect(
            card,
            "部長職の報酬相場は900万〜1,300万円くらいなので、希望は1,000万円です。",
        );
        assert!(band.covered.contains(&0), "{band:?}");
        let other = detector.detect(
            card,
            "部長職の報酬相場は700万〜900万円くらいなので、希望は900万円です。",
        );
        assert!(!other.covered.contains(&0), "{other:?}");
        assert!(
            matches!(&other.misses[0], Some(Miss::WrongFigure { .. })),
            "{other:?}"
        );
    }

    #[test]
    fn the_speaker_acting_is_not_the_role_named_before() {
        let (detector, decks) = one_deck(
            r#"{"id":"s","title":{"en":"S"},"role":"vpoe","cards":[
              {"id":"s1","question":{"ja":"VPoEの中心となる仕事は？","en":"What is at the centre of the VPoE's job?"},"points":[
                {"ja":"「人と組織」がVPoEの中心です","en":"People and organization are at the VPoE's centre"},
                {"ja":"技術の方向性はCTOが決めます","en":"The CTO sets the technical direction"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("s1").unwrap();
        let mine = detector.detect(
            card,
            "技術の方向性はCTOが決めて、僕が人と組織でそれを形にする役です。",
        );
        assert!(mine.covered.contains(&0), "{mine:?}");
        // Without the speaker, the second clause is still the CTO's.
        let theirs = detector.detect(
            card,
            "技術の方向性はCTOが決めて、人と組織でそれを形にするのもCTOの仕事です。",
        );
        assert!(!theirs.covered.contains(&0), "{theirs:?}");
    }

    #[test]
    fn saying_a_point_only_brings_harm_is_not_saying_it() {
        let (detector, decks) = one_deck(
            r#"{"id":"e","title":{"en":"E"},"cards":[
              {"id":"e1","question":{"ja":"評価制度をどう作りますか？","en":"How do you build the evaluation system?"},"points":[
                {"ja":"グレード定義を明文化します","en":"Write down the grade definitions"},
                {"ja":"半期ごとに評価面談を行う","en":"Hold evaluation meetings every half year"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("e1").unwrap();
        let harm = detector.detect(
            card,
            "ただグレードの定義は、細かく明文化すると硬直化するので、マネージャーに任せたい。",
        );
        assert!(!harm.covered.contains(&0), "{harm:?}");
        let en = detector.detect(
            card,
            "The moment you write the grade definitions down, people game them.",
        );
        assert!(!en.covered.contains(&0), "{en:?}");
        let said = detector.detect(card, "グレードの定義は明文化して全員に公開します。");
        assert!(said.covered.contains(&0), "{said:?}");
    }

    #[test]
    fn half_of_what_a_point_pays_in_full_is_the_opposite() {
        let (detector, decks) = one_deck(
            r#"{"id":"h","title":{"en":"H"},"cards":[
              {"id":"h1","question":{"ja":"学習支援は？","en":"How do you support learning?"},"points":[
                {"ja":"技術書籍購入費用の全額補助","en":"Pay for technical books in full"},
                {"ja":"カンファレンス参加費の補助","en":"Pay conference fees"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("h1").unwrap();
        let half = detector.detect(card, "技術書の購入費用は半額補助します。");
        assert!(
            matches!(half.misses[0], Some(Miss::Opposite { .. })),
            "{half:?}"
        );
        let full = detector.detect(card, "技術書の購入費用は全額補助します。");
        assert!(full.covered.contains(&0), "{full:?}");
        let en = detector.detect(card, "We cover half the cost of technical books.");
        assert!(!en.covered.contains(&0), "{en:?}");
        // A cap is part of the cost, not all of it.
        let capped = detector.detect(card, "技術書の購入費用は月3,000円まで補助します。");
        assert!(
            matches!(capped.misses[0], Some(Miss::Opposite { .. })),
            "{capped:?}"
        );
        let capped_en =
            detector.detect(card, "Technical books are paid for, capped at 20 dollars.");
        assert!(!capped_en.covered.contains(&0), "{capped_en:?}");
    }

    #[test]
    fn a_role_worked_with_or_led_is_not_who_acts() {
        let (detector, decks) = one_deck(
            r#"{"id":"w","title":{"en":"W"},"role":"vpoe","cards":[
              {"id":"w1","question":{"ja":"VPoEは人の成長に何をしますか？","en":"What does the VPoE do for people's growth?"},"points":[
                {"ja":"勉強会や読書会で学ぶ機会を用意する","en":"Provide chances to learn through study groups and reading circles"},
                {"ja":"VPoEは複数のEMを束ねて組織全体に責任を持つ","en":"The VPoE leads several EMs and answers for the whole organization"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("w1").unwrap();
        // Worked with: 「EMと」 is a partner, not who provides the chances.
        let with = detector.detect(
            card,
            "EMと相談しながら、勉強会や読書会で学ぶ機会を用意します。",
        );
        assert!(with.covered.contains(&0), "{with:?}");
        // A list of partners before its と: 「PdMや人事など他部署と」.
        let listed_with = detector.detect(
            card,
            "PdMや人事など他部署と握りながら勉強会や読書会で学ぶ機会を用意します。",
        );
        assert!(listed_with.covered.contains(&0), "{listed_with:?}");
        let handed = detector.detect(card, "勉強会や読書会で学ぶ機会はEMが用意します。");
        assert!(
            matches!(handed.misses[0], Some(Miss::Opposite { .. })),
            "{handed:?}"
        );
        // A list of who acts is not a partner: the CTO still takes the point.
        let listed = detector.detect(
            card,
            "CTOと現場のEMが勉強会や読書会で学ぶ機会を用意します。",
        );
        assert!(!listed.covered.contains(&0), "{listed:?}");
        // Led: the EMs the point's role leads, named as the object, do not take the point.
        let led = detector.detect(card, "組織全体の責任者として、複数のEMを束ねる立場です。");
        assert!(led.covered.contains(&1), "{led:?}");
        let other = detector.detect(card, "複数のEMを束ねて組織全体に責任を持つのはCTOです。");
        assert!(!other.covered.contains(&1), "{other:?}");
    }

    #[test]
    fn a_figure_beside_a_points_own_figure_is_about_that_point() {
        let (detector, decks) = one_deck(
            r#"{"id":"p","title":{"en":"P"},"cards":[
              {"id":"p1","question":{"ja":"規模ごとの報酬は？","en":"Pay by organization size?"},"points":[
                {"ja":"5〜20名: 700万円〜","en":"5 to 20 people: from 7 million yen"},
                {"ja":"20〜60名: 1,100万円〜","en":"20 to 60 people: from 11 million yen"},
                {"ja":"60名以上: 1,400万円〜","en":"60 people or more: from 14 million yen"},
                {"ja":"2年未満: 600万円〜","en":"Under 2 years: from 6 million yen"},
                {"ja":"2〜6年: 900万円〜","en":"2 to 6 years: from 9 million yen"},
                {"ja":"6年以上: 1,400万円〜","en":"6 years or more: from 14 million yen"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("p1").unwrap();
        let wrong = detector.detect(
            card,
            "5〜20名規模なら500万円くらいから、2〜6年なら900万円〜が相場です。",
        );
        assert!(!wrong.covered.contains(&0), "{wrong:?}");
        assert!(
            matches!(&wrong.misses[0], Some(Miss::WrongFigure { yours, .. }) if yours == "500万円"),
            "{wrong:?}"
        );
        assert!(wrong.covered.contains(&4), "{wrong:?}");
        let right = detector.detect(card, "5〜20名規模なら700万円くらいからです。");
        assert!(right.covered.contains(&0), "{right:?}");
    }

    #[test]
    fn a_role_spoken_to_or_about_is_not_who_acts() {
        let (detector, decks) = one_deck(
            r#"{"id":"c","title":{"en":"C"},"role":"cto","cards":[
              {"id":"k1","question":{"ja":"経営陣とどう話しますか？","en":"How do you talk to the executives?"},"points":[
                {"ja":"技術リスクがビジネスに与える影響を数字で説明する","en":"Explain in numbers how technical risks affect the business"},
                {"ja":"定期的に報告する","en":"Report regularly"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("k1").unwrap();
        let told = detector.detect(
            card,
            "I told the CEO in numbers how the technical risk of an outage would affect the business.",
        );
        assert!(told.covered.contains(&0), "{told:?}");
        let about = detector.detect(
            card,
            "I explain technical risks in numbers, since that is how our CEO thinks about the business.",
        );
        assert!(about.covered.contains(&0), "{about:?}");
        let both = detector.detect(
            card,
            "I explain technical risks in numbers, since that is how our CEO and CFO think about the business.",
        );
        assert!(both.covered.contains(&0), "{both:?}");
        let kept = detector.detect(
            card,
            "I kept the CEO updated every hour, and I explained in numbers how each technical risk affects the business.",
        );
        assert!(kept.covered.contains(&0), "{kept:?}");
        // Handing it to the CEO is still a swap.
        let handed = detector.detect(
            card,
            "Explaining in numbers how technical risks affect the business is the CEO's job.",
        );
        assert!(
            matches!(handed.misses[0], Some(Miss::Opposite { .. })),
            "{handed:?}"
        );
        let to_finance = detector.detect(
            card,
            "Explaining in numbers how technical risks affect the business is the CFO's job.",
        );
        assert!(
            matches!(to_finance.misses[0], Some(Miss::Opposite { .. })),
            "{to_finance:?}"
        );
    }

    #[test]
    fn naming_the_roles_a_point_places_its_role_between_is_no_swap() {
        let (detector, decks) = one_deck(
            r#"{"id":"b","title":{"en":"B"},"role":"vpoe","cards":[
              {"id":"b1","question":{"ja":"VPoEとはどんな役職ですか？","en":"What kind of position is the VPoE?"},"points":[
                {"ja":"VPoEは、CTOとEMの間に位置する戦略的なポジションです","en":"The VPoE sits between the CTO and the EMs, a strategic position"},
                {"ja":"組織づくりに責任を持つ","en":"Responsible for building the organization"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("b1").unwrap();
        let between = detector.detect(
            card,
            "経営に近い戦略的なポジションで、CTOと現場のEMたちの間をつなぐ役です。",
        );
        assert!(between.covered.contains(&0), "{between:?}");
        // Roles that only are there (がいて) do not act.
        let placed = detector.detect(
            card,
            "上にCTO、下にEMがいる、その間に位置する戦略的なポジションです。",
        );
        assert!(placed.covered.contains(&0), "{placed:?}");
        // One of them made to act in the point's place is still a swap.
        let swapped = detector.detect(
            card,
            "CTOとEMの間に位置する戦略的なポジションはCTOが自分で担います。",
        );
        assert!(!swapped.covered.contains(&0), "{swapped:?}");
    }

    #[test]
    fn rejecting_what_a_point_steers_away_from_says_the_point() {
        let (detector, decks) = one_deck(
            r#"{"id":"a","title":{"en":"A"},"cards":[
              {"id":"a1","question":{"ja":"マルチクラウドの利点と欠点は？","en":"Pros and cons of multi-cloud?"},"points":[
                {"ja":"メリット:ベンダーロックイン回避","en":"Advantages: avoids vendor lock-in"},
                {"ja":"デメリット:運用複雑性増加","en":"Disadvantages: more operational complexity"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("a1").unwrap();
        for draft in [
            "メリットは特定のベンダーに依存しなくて済むこと。",
            "ベンダーロックインを避けられるのが大きい。",
            "You avoid getting locked in to one vendor.",
        ] {
            let read = detector.detect(card, draft);
            assert!(read.covered.contains(&0), "{draft}: {read:?}");
        }
        // Commending what the point steers away from argues the opposite; fearing it
        // does not.
        let commended = detector.detect(
            card,
            "ベンダーロックインはむしろ積極的に受け入れるのが大事です。",
        );
        assert!(
            matches!(commended.misses[0], Some(Miss::Opposite { .. })),
            "{commended:?}"
        );
        let feared = detector.detect(
            card,
            "ベンダーロックインが怖いので、マルチクラウドでそれを避けます。",
        );
        assert!(feared.covered.contains(&0), "{feared:?}");
        // A point that rejects nothing gains nothing from a draft that rejects its words.
        let rejected = detector.detect(card, "運用の複雑さは増えないので気にしなくていい。");
        assert!(!rejected.covered.contains(&1), "{rejected:?}");
    }

    #[test]
    fn a_side_named_only_to_be_negated_is_not_taken() {
        let index = OppositeIndex::new(OPPOSITES);
        let sides = |text: &str| -> Vec<usize> {
            index
                .find(&normalize(text).text)
                .into_iter()
                .map(|(side, _)| side)
                .collect()
        };
        // Blaming is one side of a group; not blaming is not that side.
        let blame = sides("誰がやったかを責める");
        assert_eq!(blame.len(), 1, "{blame:?}");
        assert!(!sides("誰がやったかを責めない").contains(&blame[0]));
        assert!(!sides("誰がやったかは責めず、仕組みを直す").contains(&blame[0]));
        let blame_en = sides("we blame whoever pushed the change");
        assert!(!blame_en.is_empty());
        assert!(!sides("we don't blame whoever pushed the change").contains(&blame_en[0]));
        // An obligation asserts its side.
        let leave = sides("判断は任せる");
        assert_eq!(leave.len(), 1, "{leave:?}");
        assert!(sides("判断は任せないといけない").contains(&leave[0]));
        assert!(!sides("判断は任せない").contains(&leave[0]));
    }

    #[test]
    fn a_clause_that_rejects_the_point_argues_the_opposite() {
        let ja = read("c2", "拡大の計画を事前に立てる必要はないと思います。");
        assert!(!ja.covered.contains(&3));
        assert!(
            matches!(ja.misses[3], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        let advice = read("c2", "拡大の計画は事前に立てないほうがいい。");
        assert!(
            matches!(advice.misses[3], Some(Miss::Opposite { .. })),
            "{advice:?}"
        );
        let en = read("c2", "I wouldn't plan growth in advance.");
        assert!(
            matches!(en.misses[3], Some(Miss::Opposite { .. })),
            "{en:?}"
        );
        // The clause is quoted as typed.
        let Some(Miss::Opposite { clause }) = &en.misses[3] else {
            unreachable!()
        };
        assert_eq!(clause, "I wouldn't plan growth in advance");
        // Only the negated clause: the next one affirms another point.
        let mixed = read("c2", "I wouldn't migrate all at once, but step by step.");
        assert!(mixed.covered.contains(&1), "{mixed:?}");
    }

    #[test]
    fn rejecting_either_side_of_a_point_that_keeps_two_argues_the_opposite() {
        let (detector, decks) = one_deck(
            r#"{"id":"b","title":{"en":"B"},"cards":[
              {"id":"b1","question":{"ja":"コードの品質をどう保ちますか？","en":"How do you keep code quality up?"},"points":[
                {"ja":"ペアプロと書面でのレビューを組み合わせる","en":"Combine pair programming with written reviews"},
                {"ja":"静的解析をCIで回す","en":"Run static analysis in CI"}]}]}"#,
        );
        let (_, card) = decks.find_card("b1").unwrap();
        let one_side = detector.detect(
            card,
            "We pair program every day. Written reviews have not worked for us.",
        );
        assert!(!one_side.covered.contains(&0), "{one_side:?}");
        assert!(
            matches!(one_side.misses[0], Some(Miss::Opposite { .. })),
            "{one_side:?}"
        );
        // Too much of one side is an argument for the other.
        let excess = detector.detect(
            card,
            "書面でのレビューに頼りすぎると遅くなるので、ペアプロと組み合わせています。",
        );
        assert!(excess.covered.contains(&0), "{excess:?}");
        let too_many = detector.detect(
            card,
            "We pair program every day. Too many written reviews do not work, so we keep a few short ones.",
        );
        assert!(too_many.misses[0].is_none(), "{too_many:?}");
        let both = detector.detect(
            card,
            "We pair program every day and back it with written reviews.",
        );
        assert!(both.covered.contains(&0), "{both:?}");
    }

    #[test]
    fn what_a_point_does_without_is_put_aside_not_denied() {
        let (detector, decks) = one_deck(
            r#"{"id":"w","title":{"en":"W"},"cards":[
              {"id":"w1","question":{"ja":"大きな移管をどう進めますか？","en":"How do you run a large handover?"},"points":[
                {"ja":"サービスを止めずにプロジェクトを引き継ぐ","en":"Hand over the project without stopping the service"},
                {"ja":"関係者に週次で報告する","en":"Report to stakeholders every week"}]}]}"#,
        );
        let (_, card) = decks.find_card("w1").unwrap();
        // Saying the claim is no assertion of what the point does without.
        let kept_running = detector.detect(
            card,
            "サービスは動かしたまま、プロジェクトを引き継ぎました。",
        );
        assert!(kept_running.covered.contains(&0), "{kept_running:?}");
        // Doing what it does without is.
        let stopped = detector.detect(
            card,
            "We stopped the service for a weekend to hand over the project.",
        );
        assert!(
            matches!(stopped.misses[0], Some(Miss::Opposite { .. })),
            "{stopped:?}"
        );
    }

    #[test]
    fn a_rejection_argues_against_the_point_it_is_about_not_its_neighbours() {
        let (detector, decks) = one_deck(
            r#"{"id":"p","title":{"en":"P"},"cards":[
              {"id":"p1","question":{"en":"How do you handle customer data?"},"points":[
                {"en":"Get written consent before customer records go to partner firms"},
                {"en":"Meet the lawyers every quarter"}]}]}"#,
        );
        let (_, card) = decks.find_card("p1").unwrap();
        let draft = "Written consent before records go to partner firms I'd leave to the \
                     lawyers, it's not our job.";
        let read = detector.detect(card, draft);
        assert!(
            matches!(read.misses[0], Some(Miss::Opposite { .. })),
            "{read:?}"
        );
        assert!(
            !matches!(read.misses[1], Some(Miss::Opposite { .. })),
            "{read:?}"
        );
    }

    #[test]
    fn asserting_what_a_point_denies_argues_the_opposite() {
        let ja = read("c3", "VPoEにはCTO以上に深い専門性が求められます。");
        assert!(
            matches!(ja.misses[0], Some(Miss::Opposite { .. })),
            "{ja:?}"
        );
        let en = read(
            "c3",
            "A VPoE needs the same depth of expertise as a CTO is required to have.",
        );
        assert!(!en.covered.contains(&0), "{en:?}");
        // Denying it too agrees with the point.
        assert!(
            read("c3", "CTOほど深い専門性は求められないと思います")
                .covered
                .contains(&0)
        );
        // A point that prefers one thing to another ("X rather than Y") claims X: saying
        // X does not assert what it puts second.
        let (detector, decks) = one_deck(
            r#"{"id":"r","title":{"en":"R"},"cards":[
              {"id":"r1","question":{"ja":"EMの仕事は？","en":"What does an EM do?"},"points":[
                {"ja":"コードを書くよりもメンバーの育成と評価に時間を使う","en":"Spends time on growing and evaluating people rather than writing code"}]}
            ]}"#,
        );
        let (_, card) = decks.find_card("r1").unwrap();
        let said = detector.detect(card, "メンバーの育成や評価にほとんどの時間を使います。");
        assert!(said.covered.contains(&0), "{said:?}");
        let said_en = detector.detect(card, "I spend my time on growing and evaluating people.");
        assert!(said_en.covered.contains(&0), "{said_en:?}");
        // What it puts aside, said of the point's subject, is still asserted against it.
        let aside = detector.detect(card, "I spend my time writing code, every day.");
        assert!(!aside.covered.contains(&0), "{aside:?}");
    }

    #[test]
    fn odd_drafts_are_read_without_panicking() {
        let (detector, decks) = claims();
        for card in ["c1", "c2", "c3"] {
            let (_, card) = decks.find_card(card).unwrap();
            for draft in [
                "",
                "、、、。。。",
                ", not , but , rather than",
                "ではなく",
                "ＣＴＯは３年、ＶＰｏＥは５年以上。",
                "3 or more than 5 years, so I don't bother with them",
                "一人ひとり、数千万円、半年、a year or two, 1on1",
                "\u{301c}\u{ff5e}〜~-–—",
                "ﬀ ﬁ ǅ İ ẞ", // characters NFKC and lower-casing lengthen
            ] {
                let coverage = detector.detect(card, draft);
                assert_eq!(coverage.misses.len(), card.points.len());
                for spans in &coverage.matches {
                    for span in spans {
                        assert!(draft.get(span.clone()).is_some(), "{draft}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_point_touched_but_not_said_says_only_the_topic_is_named() {
        let coverage = read("c2", "Technology is important.");
        assert!(coverage.covered.is_empty());
        // Untouched points say nothing.
        assert_eq!(coverage.misses[2], None);
    }
}
