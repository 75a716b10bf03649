//! Decks end to end: the bundled decks against the seed guides, the importer against the
//! bundled decks, and the `import` and `check` commands as a user runs them.

use mensetsu::core::content::deck::{BUNDLED_DECKS, Card, Deck, DeckSet, Point, parse_deck};
use mensetsu::core::content::import::{ImportError, QuestionLayout, import_guide};
use mensetsu::core::text::content_key;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

mod common;
use common::cli::{mensetsu, stderr, stdout};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/decks");

/// Whether the seed guides are beside the project, for a check that needs them. The
/// project does not redistribute them, so a clone of the repository alone has none: the
/// check is then skipped, and says so on the terminal (past the test harness's capture,
/// which hides a passing test's output). `MENSETSU_REQUIRE_SEEDS=1` (set by `.ci/run`,
/// which has them) makes their absence a failure instead.
fn seeds_are_here(check: &str) -> bool {
    if Path::new(SEEDS).is_dir() {
        return true;
    }
    assert!(
        std::env::var_os("MENSETSU_REQUIRE_SEEDS").is_none(),
        "MENSETSU_REQUIRE_SEEDS is set but the seed guides are not in {SEEDS}"
    );
    static REASON: std::sync::Once = std::sync::Once::new();
    use std::io::Write;
    let mut terminal = std::io::stderr().lock();
    REASON.call_once(|| {
        let _ = writeln!(
            terminal,
            "tests/decks.rs: the seed guides are not in {SEEDS} (they are not redistributed \
             with the project); the checks against them are skipped:"
        );
    });
    let _ = writeln!(terminal, "  skipped: {check}");
    false
}

/// The seed file whose name starts with `prefix` (`"001"`), as (file name, text).
fn seed(prefix: &str) -> (String, String) {
    let entries = std::fs::read_dir(SEEDS).expect("the seed guides are beside the project");
    let path = entries
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{prefix}_"))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {SEEDS}"));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read_to_string(&path).unwrap())
}

/// The seed text as a reader sees it: Markdown escapes (`D\&I`) and bold marks removed.
fn readable(seed_text: &str) -> String {
    let mut out = String::with_capacity(seed_text.len());
    let mut chars = seed_text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out.replace("**", "")
}

fn bundled(id: &str) -> Deck {
    BUNDLED_DECKS
        .iter()
        .map(|(path, text)| parse_deck(path, text).unwrap().0)
        .find(|deck| deck.id == id)
        .unwrap_or_else(|| panic!("no bundled deck `{id}`"))
}

fn ja(card: &Card) -> &str {
    card.question.ja().unwrap_or("")
}

// ---------------------------------------------------------------------------------------
// Bundled decks

#[test]
fn bundled_decks_load_without_problems() {
    let sources = BUNDLED_DECKS
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string(), true))
        .collect();
    let set = DeckSet::from_sources(sources);
    let problems: Vec<String> = set.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(set.decks.len(), BUNDLED_DECKS.len());
}

#[test]
fn bundled_decks_have_their_question_counts() {
    assert_eq!(bundled("vpoe").cards.len(), 15);
    assert_eq!(bundled("hoe").cards.len(), 15);
    assert_eq!(bundled("cto").cards.len(), 20);
    let fundamentals = bundled("role-fundamentals").cards.len();
    assert!(
        fundamentals >= 30,
        "role-fundamentals has {fundamentals} cards"
    );
}

#[test]
fn every_bundled_question_and_point_has_english() {
    let mut missing = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        for card in &deck.cards {
            if card.question.en().is_none_or(|en| en.trim().is_empty()) {
                missing.push(format!("{}: question", card.id));
            }
            for (index, point) in card.points.iter().enumerate() {
                if point.text.en().is_none_or(|en| en.trim().is_empty()) {
                    missing.push(format!("{}: point {}", card.id, index + 1));
                }
            }
        }
    }
    assert_eq!(missing, Vec::<String>::new(), "texts without English");
}

/// The interview decks quote their guide: questions and points given by the guide are
/// verbatim; only points marked `derived` may come from elsewhere in it.
#[test]
fn interview_deck_texts_are_verbatim_from_their_seed() {
    if !seeds_are_here("interview_deck_texts_are_verbatim_from_their_seed") {
        return;
    }
    for (deck_id, seed_prefix) in [("vpoe", "001"), ("hoe", "003"), ("cto", "004")] {
        let deck = bundled(deck_id);
        let (seed_name, seed_text) = seed(seed_prefix);
        assert_eq!(
            deck.source.as_ref().map(|s| s.file.as_str()),
            Some(seed_name.as_str())
        );
        let seed_text = readable(&seed_text);
        let mut not_found = Vec::new();
        for card in &deck.cards {
            if !seed_text.contains(ja(card)) || ja(card).is_empty() {
                not_found.push(format!("{} question: {}", card.id, ja(card)));
            }
            for point in card.points.iter().filter(|point| !point.derived) {
                let text = point.text.ja().unwrap_or("");
                if text.is_empty() || !seed_text.contains(text) {
                    not_found.push(format!("{} point: {text}", card.id));
                }
            }
        }
        assert_eq!(
            not_found,
            Vec::<String>::new(),
            "{deck_id}: not in {seed_name}"
        );
    }
}

/// The seed as plain text: escapes and emphasis removed (see `readable`), and the Markdown
/// that only structures it: heading marks, list bullets and numbers at the start of a
/// line, remaining `*` emphasis, table pipes and code ticks.
fn without_markup(seed_text: &str) -> String {
    readable(seed_text)
        .lines()
        .map(|line| {
            let mut line = line.trim_start();
            loop {
                let digits =
                    line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if line.starts_with('#') {
                    line = line.trim_start_matches('#');
                } else if ["- ", "* ", "+ "]
                    .iter()
                    .any(|bullet| line.starts_with(bullet))
                {
                    line = &line[1..];
                } else if digits > 0 && line[digits..].starts_with(". ") {
                    line = &line[digits + 1..];
                } else {
                    break;
                }
                line = line.trim_start();
            }
            line.replace(['*', '`'], "").replace('|', " ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The ids of the role-fundamentals cards. Ids are stable: cards may be added, but none of
/// these may be renamed or removed, or users lose their review history.
fn fundamentals_ids() -> Vec<String> {
    (1..=54).map(|n| format!("fund-{n:03}")).collect()
}

/// Every Japanese answer point of the fundamentals deck is quoted from the VPoE article
/// (000) or a guide (001, 003, 004): after markup is removed and `content_key` drops list
/// separators, it occurs in one of them. A paraphrase fails.
#[test]
fn fundamentals_points_are_verbatim_from_the_seeds() {
    if !seeds_are_here("fundamentals_points_are_verbatim_from_the_seeds") {
        return;
    }
    let seeds: Vec<(String, String)> = ["000", "001", "003", "004"]
        .iter()
        .map(|prefix| {
            let (name, text) = seed(prefix);
            (name, content_key(&without_markup(&text)))
        })
        .collect();
    let deck = bundled("role-fundamentals");
    let mut points = 0;
    let mut not_found = Vec::new();
    for card in &deck.cards {
        assert!(!card.points.is_empty(), "{} has no points", card.id);
        for point in &card.points {
            points += 1;
            let text = point.text.ja().unwrap_or("");
            let key = content_key(text);
            if key.is_empty() || !seeds.iter().any(|(_, seed)| seed.contains(&key)) {
                not_found.push(format!("{}: {text}", card.id));
            }
        }
    }
    assert_eq!(
        not_found,
        Vec::<String>::new(),
        "points not found in {:?}",
        seeds.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    assert!(points >= 150, "only {points} points");
}

#[test]
fn fundamentals_deck_keeps_its_cards_and_has_english() {
    let deck = bundled("role-fundamentals");
    assert!(deck.cards.len() >= 30, "{} cards", deck.cards.len());
    let ids: HashSet<&str> = deck.cards.iter().map(|card| card.id.as_str()).collect();
    let missing: Vec<String> = fundamentals_ids()
        .into_iter()
        .filter(|id| !ids.contains(id.as_str()))
        .collect();
    assert_eq!(missing, Vec::<String>::new(), "card ids gone");
    for card in &deck.cards {
        assert!(
            card.question.en().is_some_and(|en| !en.trim().is_empty()),
            "{}: question without English",
            card.id
        );
        for (index, point) in card.points.iter().enumerate() {
            assert!(
                point.text.en().is_some_and(|en| !en.trim().is_empty()),
                "{}: point {} without English",
                card.id,
                index + 1
            );
            assert!(
                !point.derived,
                "{}: point {} marked derived",
                card.id,
                index + 1
            );
        }
    }
}

#[test]
fn markup_is_removed_but_text_is_kept() {
    assert_eq!(
        without_markup("## 1. Title\n- a: 1. b\n  * **bold** c\n| x | y |\n12. item\n1.5 stays"),
        "Title\na: 1. b\nbold c\n  x   y  \nitem\n1.5 stays"
    );
}

#[test]
fn cto_questions_11_to_20_have_only_derived_points() {
    let deck = bundled("cto");
    for card in &deck.cards[10..20] {
        assert!(
            card.points.iter().all(|point| point.derived),
            "{} has a point not marked derived",
            card.id
        );
    }
}

/// The guides a cross-guide point may come from, by seed prefix, with the marker that
/// names it in the app: (prefix, Japanese marker, English marker).
const OTHER_GUIDES: &[(&str, &str, &str)] = &[
    ("000", "VPoE記事より", "from the VPoE article"),
    ("001", "VPoEガイドより", "from the VPoE guide"),
    ("003", "HoEガイドより", "from the HoE guide"),
    ("004", "CTOガイドより", "from the CTO guide"),
];

/// The body of the seed `prefix` as a content key: the text before its interview section
/// (the section of the bundled deck made from it), or all of it for the VPoE article.
fn seed_body(prefix: &str) -> String {
    let (seed_name, seed_text) = seed(prefix);
    let deck = BUNDLED_DECKS
        .iter()
        .map(|(path, text)| parse_deck(path, text).unwrap().0)
        .filter(|deck| ["vpoe", "hoe", "cto"].contains(&deck.id.as_str()))
        .find(|deck| deck.source.as_ref().is_some_and(|s| s.file == seed_name));
    let end = match deck
        .as_ref()
        .and_then(|d| d.source.as_ref()?.section.clone())
    {
        Some(section) => seed_text
            .find(&section)
            .unwrap_or_else(|| panic!("section `{section}` not in {seed_name}")),
        None => seed_text.len(),
    };
    content_key(&without_markup(&seed_text[..end]))
}

/// Derived points (the guide gives no answer points for the question) are still quotes: each
/// occurs in the body of its own guide, before the interview section, with markup removed and
/// only list separators differing. A point marked `from` another guide (its own guide says
/// nothing on the question) is a quote from that guide's body instead, and its marker names
/// that guide. A card mixes none: its points are either the guide's own answer points or all
/// derived.
#[test]
fn derived_points_are_quotes_from_the_body_of_their_guide() {
    if !seeds_are_here("derived_points_are_quotes_from_the_body_of_their_guide") {
        return;
    }
    let mut not_found = Vec::new();
    let mut derived = 0;
    let mut cross_guide = 0;
    for (deck_id, seed_prefix) in [("vpoe", "001"), ("hoe", "003"), ("cto", "004")] {
        let deck = bundled(deck_id);
        let body = seed_body(seed_prefix);
        for card in &deck.cards {
            let derived_here = card.points.iter().filter(|point| point.derived).count();
            if derived_here != 0 && derived_here != card.points.len() {
                not_found.push(format!("{}: mixes derived and given points", card.id));
            }
            for point in card.points.iter().filter(|point| point.derived) {
                derived += 1;
                let text = point.text.ja().unwrap_or("");
                let key = content_key(text);
                let quoted_from = match &point.from {
                    None => &body,
                    Some(from) => {
                        cross_guide += 1;
                        let guide = OTHER_GUIDES
                            .iter()
                            .find(|(prefix, _, _)| seed(prefix).0 == from.file);
                        let Some((prefix, marker_ja, marker_en)) = guide else {
                            not_found.push(format!("{}: unknown guide {}", card.id, from.file));
                            continue;
                        };
                        if *prefix == seed_prefix {
                            not_found.push(format!("{}: `from` its own guide", card.id));
                        }
                        if from.marker.ja() != Some(*marker_ja)
                            || from.marker.en() != Some(*marker_en)
                        {
                            not_found.push(format!(
                                "{}: marker {:?} does not name {}",
                                card.id, from.marker, from.file
                            ));
                        }
                        &seed_body(prefix)
                    }
                };
                if key.is_empty() || !quoted_from.contains(&key) {
                    not_found.push(format!("{}: {text}", card.id));
                }
            }
        }
    }
    assert!(cross_guide > 0, "no cross-guide points checked");
    assert_eq!(
        not_found,
        Vec::<String>::new(),
        "derived points not quoted from their guide's body"
    );
    assert!(derived > 0, "no derived points checked");
}

/// An interview question the guide answers has points; one it gives no points for has
/// derived points or says why it has none (`no_points`, in both languages, which the app
/// shows where the points would be). Never a silent empty list. `no_points` stands beside
/// points only when they all come from other guides (`from`), as the context that the
/// card's own guide says nothing on the question; and such points always have it.
#[test]
fn every_interview_card_has_points_or_says_why_it_has_none() {
    let blank = |text: Option<&str>| text.is_none_or(|t| t.trim().is_empty());
    let mut wrong = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        let interview = ["vpoe", "hoe", "cto"].contains(&deck.id.as_str());
        for card in &deck.cards {
            let cross_guide_only =
                !card.points.is_empty() && card.points.iter().all(|point| point.from.is_some());
            match (&card.no_points, card.points.is_empty()) {
                (None, true) if interview => {
                    wrong.push(format!("{}: no points and no `no_points`", card.id));
                }
                (None, false) if cross_guide_only => {
                    wrong.push(format!(
                        "{}: points only from other guides and no `no_points` saying why",
                        card.id
                    ));
                }
                (Some(_), false) if !cross_guide_only => {
                    wrong.push(format!("{}: points and `no_points` beside them", card.id));
                }
                (Some(reason), _) if blank(reason.ja()) || blank(reason.en()) => {
                    wrong.push(format!(
                        "{}: `no_points` without Japanese and English",
                        card.id
                    ));
                }
                _ => {}
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

/// Endings that leave an answer point hanging: a particle or connective that ties it to the
/// text of the next point (「…と」, 「…に加え」, 「…は」, 「…として」). A verb in its
/// continuative form (「…定量化し」, 「…残しつつ」) still completes its idea and is fine.
const DANGLING_JA: &[&str] = &[
    "と",
    "や",
    "は",
    "が",
    "を",
    "に",
    "へ",
    "の",
    "も",
    "から",
    "まで",
    "より",
    "ので",
    "ため",
    "けど",
    "けれど",
    "に加え",
    "に加えて",
    "として",
    "に対し",
    "に対して",
    "とともに",
    "により",
    "によって",
    "および",
    "及び",
    "または",
    "又は",
    "ならびに",
    "並びに",
    "あるいは",
    "そして",
];

/// The same in the English of a point.
const DANGLING_EN: &[&str] = &[
    " and",
    " or",
    " but",
    " as",
    " with",
    " to",
    " of",
    " for",
    " plus",
    " such as",
    " in addition to",
    ",",
    ";",
    ":",
    "—",
];

/// The longest dangling ending `text` has, with white space, a full stop and closing quotes
/// at its end taken off first. A list separator left at the end (「…と、」) hangs too: the
/// word before it is reported when it dangles itself, otherwise the separator (`、`).
fn dangling_ending<'a>(text: &str, endings: &[&'a str]) -> Option<&'a str> {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '。' | '"' | '”' | '’' | '」' | '』')
    });
    let without_separator = trimmed.trim_end_matches(['、', '，']);
    let text = without_separator.to_lowercase();
    let ending = endings
        .iter()
        .copied()
        .filter(|ending| text.ends_with(ending))
        .max_by_key(|ending| ending.len());
    match ending {
        None if without_separator.len() < trimmed.len() => Some("、"),
        ending => ending,
    }
}

#[test]
fn dangling_endings_are_detected() {
    for (fragment, ending) in [
        ("復旧(Recovery)の4段階プロトコルと", "と"),
        ("復旧（MTTRの最小化）と、", "と"),
        ("焦点を当てるのに対し", "に対し"),
        ("顧客体験に基づいたSLOを設定し、", "、"),
        ("キャッシング戦略（Redis, Memcached）、", "、"),
        ("DORAメトリクスに加え", "に加え"),
        ("VPoP(プロダクトマネジメント責任者)は", "は"),
        ("VPoEは「マネジメント専任」として", "として"),
        ("欧米のテック企業で生まれた役職ですが", "が"),
    ] {
        assert_eq!(
            dangling_ending(fragment, DANGLING_JA),
            Some(ending),
            "{fragment}"
        );
    }
    for complete in [
        "負債を「開発速度の低下率」や「MTTRの増加」で定量化し",
        "各チームに技術選定の自由度を残しつつ",
        "採用リードタイムなど",
        "段階的な移行戦略(ストラングラーパターンなど)を説明する",
    ] {
        assert_eq!(dangling_ending(complete, DANGLING_JA), None, "{complete}");
    }
    assert_eq!(
        dangling_ending("Recovery: together, a four-stage protocol and", DANGLING_EN),
        Some(" and")
    );
    assert_eq!(dangling_ending("Work with the SRE team", DANGLING_EN), None);
    assert_eq!(
        dangling_ending("VPoEs, as \"management specialists,\"", DANGLING_EN),
        Some(","),
        "a closing quote does not hide the comma before it"
    );
    assert_eq!(dangling_ending("VPoEs, as", DANGLING_EN), Some(" as"));
}

/// A point is a checkable idea on its own: none ends in a particle or connective that
/// leaves it waiting for the next point, in Japanese or in English. (Join such a fragment to
/// its neighbour; the joined text still holds the source.)
#[test]
fn no_answer_point_ends_in_a_dangling_particle_or_connective() {
    let mut dangling = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        for card in &deck.cards {
            for (index, point) in card.points.iter().enumerate() {
                for (text, endings) in [
                    (point.text.ja(), DANGLING_JA),
                    (point.text.en(), DANGLING_EN),
                ] {
                    let text = text.unwrap_or("");
                    if let Some(ending) = dangling_ending(text, endings) {
                        dangling.push(format!(
                            "{} point {}: `{text}` ends in `{ending}`",
                            card.id,
                            index + 1
                        ));
                    }
                }
            }
        }
    }
    assert_eq!(dangling, Vec::<String>::new());
}

/// Connectives that tie a point to the one before it when they open it (「そして…」, "Plus
/// …"): the point then reads as the rest of a sentence, not as an idea of its own.
const LEADING_JA: &[&str] = &[
    "そして",
    "また",
    "さらに",
    "それから",
    "加えて",
    "および",
    "及び",
];

/// The same at the start of a point's English (whole words, any case).
const LEADING_EN: &[&str] = &[
    "plus",
    "and",
    "also",
    "as well as",
    "or",
    "then",
    "in addition",
];

/// The connective `text` opens with, if any: in Japanese a listed word at the very start
/// (「また、」; 「または」 is a different word and is not 「また」), in English a listed
/// word or phrase before a space or comma.
fn leading_connective<'a>(
    text: &str,
    japanese: &[&'a str],
    english: &[&'a str],
) -> Option<&'a str> {
    let text = text.trim_start();
    let lower = text.to_lowercase();
    let japanese = japanese.iter().copied().find(|word| {
        text.strip_prefix(word)
            .is_some_and(|rest| !rest.starts_with(['は', 'た']))
    });
    japanese.or_else(|| {
        english.iter().copied().find(|word| {
            lower
                .strip_prefix(word)
                .is_some_and(|rest| rest.starts_with([' ', ',']))
        })
    })
}

#[test]
fn leading_connectives_are_detected() {
    for (text, word) in [
        ("そしてNoSQLへの移行判断基準を段階的に説明する", "そして"),
        ("また、優秀なエンジニアを採用し", "また"),
        ("さらに、コスト管理", "さらに"),
        ("Plus the rate at which technical debt grows", "plus"),
        ("And a dedicated team", "and"),
        ("Also, explain the criteria", "also"),
    ] {
        assert_eq!(
            leading_connective(text, LEADING_JA, LEADING_EN),
            Some(word),
            "{text}"
        );
    }
    for text in [
        "または外部委託",
        "NoSQLへの移行判断基準",
        "Android apps",
        "Also-rans",
        "Andon cords",
        "Planning to modernize legacy systems",
    ] {
        assert_eq!(
            leading_connective(text, LEADING_JA, LEADING_EN),
            None,
            "{text}"
        );
    }
}

/// No answer point opens with a connective that ties it to the point before, in Japanese
/// or in English. (In an interview deck the connective is left out at the split, as one
/// that ends a point would be: see [`SPLIT_CONNECTIVES`].)
#[test]
fn no_answer_point_starts_with_a_connective() {
    let mut leading = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        for card in &deck.cards {
            for (index, point) in card.points.iter().enumerate() {
                for (text, japanese, english) in [
                    (point.text.ja(), LEADING_JA, &[][..]),
                    (point.text.en(), &[][..], LEADING_EN),
                ] {
                    let text = text.unwrap_or("");
                    if let Some(word) = leading_connective(text, japanese, english) {
                        leading.push(format!(
                            "{} point {}: `{text}` starts with `{word}`",
                            card.id,
                            index + 1
                        ));
                    }
                }
            }
        }
    }
    assert_eq!(leading, Vec::<String>::new());
}

/// A point's text for comparing points across decks: full-width ASCII made half-width
/// (「（」 and `(`), lower case, and only letters, digits and ideographs kept.
fn point_key(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The shortest text (in characters of [`point_key`]) whose appearance inside a longer point
/// counts as the same point repeated; a single shared term (「セキュリティ」, "cost") does not.
const SAME_POINT_JA: usize = 10;
const SAME_POINT_EN: usize = 20;

/// Whether two points say the same thing: the same text, or one inside the other, in
/// Japanese or in English, after [`point_key`].
fn same_point(a: &Point, b: &Point) -> bool {
    let same = |a: Option<&str>, b: Option<&str>, shortest: usize| {
        let (a, b) = (point_key(a.unwrap_or("")), point_key(b.unwrap_or("")));
        let (short, long) = if a.chars().count() <= b.chars().count() {
            (a, b)
        } else {
            (b, a)
        };
        !short.is_empty()
            && (short == long || (short.chars().count() >= shortest && long.contains(&short)))
    };
    same(a.text.ja(), b.text.ja(), SAME_POINT_JA) || same(a.text.en(), b.text.en(), SAME_POINT_EN)
}

#[test]
fn repeated_points_are_detected() {
    let point = |ja: &str, en: &str| Point {
        text: mensetsu::core::content::deck::Localized::both(ja, en),
        ..Point::default()
    };
    let fund = point(
        "技術負債を抑えつつ、スピードと品質のバランスを実現しました",
        "They kept technical debt in check while balancing speed and quality",
    );
    let derived = point(
        "技術負債を抑えつつ、スピードと品質のバランスを実現",
        "Balance speed and quality while keeping technical debt in check",
    );
    assert!(same_point(&fund, &derived), "one inside the other");
    assert!(same_point(
        &point(
            "技術選定（開発言語、フレームワーク、インフラ等）",
            "Choosing technology"
        ),
        &point(
            "技術選定(開発言語、フレームワーク、インフラ等)",
            "Choose technology"
        ),
    ));
    assert!(same_point(
        &point(
            "一",
            "Someone who drives business strategy through technology"
        ),
        &point(
            "二",
            "Grow into someone who drives business strategy through technology"
        ),
    ));
    assert!(!same_point(
        &point("セキュリティ", "Security"),
        &point(
            "セキュリティ、パフォーマンス、可用性の担保",
            "Ensuring security, performance and availability"
        ),
    ));
}

/// A point is studied once: no point of one deck says again what a point of another deck
/// says (the same text, or one inside the other). Where two guides' own interview answers
/// share a point (canary releases in the VPoE and HoE decks), both stay, since each card
/// quotes its guide's answer whole; every point chosen by us — a derived or cross-guide
/// point, or a fundamentals point — must be new.
#[test]
fn no_point_is_repeated_across_decks() {
    let decks: Vec<Deck> = BUNDLED_DECKS
        .iter()
        .map(|(path, text)| parse_deck(path, text).unwrap().0)
        .collect();
    let points: Vec<(&Deck, &Card, usize, &Point)> = decks
        .iter()
        .flat_map(|deck| {
            deck.cards.iter().flat_map(move |card| {
                card.points
                    .iter()
                    .enumerate()
                    .map(move |(index, point)| (deck, card, index, point))
            })
        })
        .collect();
    let chosen = |deck: &Deck, point: &Point| {
        point.derived || !["vpoe", "hoe", "cto"].contains(&deck.id.as_str())
    };
    let mut repeated = Vec::new();
    for (at, (deck, card, index, point)) in points.iter().enumerate() {
        for (other_deck, other_card, other_index, other) in &points[at + 1..] {
            if deck.id != other_deck.id
                && (chosen(deck, point) || chosen(other_deck, other))
                && same_point(point, other)
            {
                repeated.push(format!(
                    "{} point {} = {} point {}: {} / {}",
                    card.id,
                    index + 1,
                    other_card.id,
                    other_index + 1,
                    point.text.ja().unwrap_or(""),
                    other.text.ja().unwrap_or("")
                ));
            }
        }
    }
    assert_eq!(repeated, Vec::<String>::new());
}

/// How alike two questions are: the Dice coefficient of their character pairs, after
/// `content_key` and question marks are taken out (1.0 for the same text).
fn question_similarity(a: &str, b: &str) -> f64 {
    let pairs = |text: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = content_key(text)
            .chars()
            .filter(|c| !matches!(c, '？' | '?'))
            .collect();
        chars.windows(2).map(|pair| (pair[0], pair[1])).collect()
    };
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let mut unmatched = b.clone();
    let mut shared = 0;
    for pair in &a {
        if let Some(at) = unmatched.iter().position(|other| other == pair) {
            unmatched.swap_remove(at);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Questions at least this alike count as the same question reworded.
const SAME_QUESTION: f64 = 0.6;

/// The fundamentals deck asks its own questions: none is an interview question again, word
/// for word or reworded (in Japanese nearly the same character pairs; in English the same
/// letters).
#[test]
fn no_fundamentals_question_repeats_an_interview_question() {
    // The rule catches a copy and a light rewording, and leaves different questions alone.
    let interview_question = "スタートアップと大企業で求められるCTO像の違いは？";
    assert_eq!(
        question_similarity(interview_question, interview_question),
        1.0
    );
    assert!(
        question_similarity(
            interview_question,
            "スタートアップと大企業では、求められるCTO像はどう違いますか？"
        ) >= SAME_QUESTION
    );
    assert!(
        question_similarity(
            "VPoEとCTOの役割の違いは何ですか？",
            "CTOの役割とは何だと考えていますか？"
        ) < SAME_QUESTION
    );
    let letters = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let interview: Vec<Card> = ["vpoe", "hoe", "cto"]
        .iter()
        .flat_map(|id| bundled(id).cards)
        .collect();
    let mut repeated = Vec::new();
    for card in &bundled("role-fundamentals").cards {
        for asked in &interview {
            let similarity = question_similarity(ja(card), ja(asked));
            let english = |card: &Card| letters(card.question.en().unwrap_or(""));
            if similarity >= SAME_QUESTION || english(card) == english(asked) {
                repeated.push(format!(
                    "{} repeats {} ({similarity:.2}): {}",
                    card.id,
                    asked.id,
                    ja(card)
                ));
            }
        }
    }
    assert_eq!(repeated, Vec::<String>::new());
}

/// British spellings (word beginnings) that the cards' English must not use: the decks are
/// written in American English.
const BRITISH_STEMS: &[&str] = &[
    "organis",
    "realis",
    "prioritis",
    "minimis",
    "maximis",
    "standardis",
    "optimis",
    "recognis",
    "utilis",
    "characterisa",
    "characterise",
    "summaris",
    "specialise",
    "specialisa",
    "emphasise",
    "favour",
    "behaviour",
    "colour",
    "honour",
    "analyse",
    "licence",
    "judgement",
    "centre",
    "modelling",
    "labelled",
    "travelling",
    "catalogue",
    "defence",
    "whilst",
    "learnt",
];

/// British words that are the beginning of an American one (`fulfil` of `fulfill`).
const BRITISH_WORDS: &[&str] = &[
    "fulfil",
    "fulfilment",
    "instil",
    "programme",
    "programmes",
    "enrol",
];

/// Proper names that keep their own spelling.
const SPELLING_AS_NAMED: &[&str] = &["Ministry of Health, Labour and Welfare"];

/// The English of every question, answer point and `no_points` of the bundled decks uses one
/// spelling, American.
#[test]
fn bundled_card_english_uses_american_spelling() {
    let mut british = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        for card in &deck.cards {
            let texts = std::iter::once(&card.question)
                .chain(card.points.iter().map(|point| &point.text))
                .chain(card.no_points.as_deref());
            for text in texts.filter_map(|text| text.en()) {
                let mut text = text.to_string();
                for name in SPELLING_AS_NAMED {
                    text = text.replace(name, "");
                }
                for word in text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_ascii_lowercase)
                {
                    if BRITISH_WORDS.contains(&word.as_str())
                        || BRITISH_STEMS.iter().any(|stem| word.starts_with(stem))
                    {
                        british.push(format!("{}: {word}", card.id));
                    }
                }
            }
        }
    }
    assert_eq!(british, Vec::<String>::new());
}

#[test]
fn card_ids_are_unique_across_bundled_decks() {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    for (path, text) in BUNDLED_DECKS {
        let (deck, _) = parse_deck(path, text).unwrap();
        for card in deck.cards {
            if !seen.insert(card.id.clone()) {
                repeated.push(card.id);
            }
        }
    }
    assert_eq!(repeated, Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------
// Importer against the seeds

/// Connectives a bundled card may leave out where it splits one sentence of its guide into
/// points, so that no point ends or starts with one ("復旧（MTTRの最小化）と、その後の…"
/// becomes "復旧（MTTRの最小化）" and "その後の…"; "…（キュー）、そしてNoSQLへの…" gives
/// "…（キュー）" and "NoSQLへの…").
const SPLIT_CONNECTIVES: &[&str] = &["と", "や", "に加え", "そして"];

/// Phrases that only count the items listed before them, which a card may leave out at the
/// same split (「…、復旧(Recovery)の4段階プロトコルと、…」 gives 「復旧(Recovery)」: the
/// points are the four stages; 「…、将来の拡張性という4つの軸で評価し、…」 gives
/// 「将来の拡張性」), so that the last item does not read as the whole list.
const COUNTING_PHRASES: &[&str] = &["の4段階プロトコル", "という4つの軸で評価し"];

/// Whether `source` (a content key) is exactly `points` (content keys) one after another,
/// with nothing between two of them but at most one of [`COUNTING_PHRASES`] and one of
/// [`SPLIT_CONNECTIVES`].
fn holds_points_in_order(source: &str, points: &[String]) -> bool {
    let mut rest = source;
    for (index, point) in points.iter().enumerate() {
        // A counting phrase, then perhaps a connective, then the point.
        let counted = COUNTING_PHRASES.iter().find(|phrase| {
            rest.strip_prefix(**phrase).is_some_and(|after| {
                after.starts_with(point.as_str())
                    || SPLIT_CONNECTIVES.iter().any(|connective| {
                        after
                            .strip_prefix(connective)
                            .is_some_and(|after| after.starts_with(point.as_str()))
                    })
            })
        });
        if let Some(counting) = counted.filter(|_| index > 0) {
            rest = &rest[counting.len()..];
        }
        if index > 0 && !rest.starts_with(point.as_str()) {
            match SPLIT_CONNECTIVES.iter().find(|connective| {
                rest.strip_prefix(**connective)
                    .is_some_and(|after| after.starts_with(point.as_str()))
            }) {
                Some(connective) => rest = &rest[connective.len()..],
                None => return false,
            }
        }
        match rest.strip_prefix(point.as_str()) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

#[test]
fn points_in_order_allow_only_a_split_connective_between_them() {
    let points = |list: &[&str]| list.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    assert!(holds_points_in_order("abc", &points(&["a", "bc"])));
    assert!(holds_points_in_order("aとbc", &points(&["a", "bc"])));
    assert!(holds_points_in_order("aに加えbc", &points(&["a", "bc"])));
    assert!(!holds_points_in_order("aをbc", &points(&["a", "bc"])));
    assert!(!holds_points_in_order("aとbcd", &points(&["a", "bc"])));
    assert!(!holds_points_in_order("とabc", &points(&["a", "bc"])));
    assert!(holds_points_in_order("aそしてbc", &points(&["a", "bc"])));
    assert!(holds_points_in_order(
        "x復旧の4段階プロトコルと計画",
        &points(&["x", "復旧", "計画"])
    ));
    assert!(holds_points_in_order(
        "拡張性という4つの軸で評価し判断",
        &points(&["拡張性", "判断"])
    ));
    assert!(!holds_points_in_order(
        "拡張性という4つの軸で評価し",
        &points(&["拡張性"])
    ));
}

/// Importing a seed guide yields the bundled deck's questions in order, and each card's
/// points hold the same text as the bundled card's points from the guide (splitting may
/// differ only at list separators, which `content_key` ignores, and at a connective the
/// bundled card leaves out where it splits a sentence).
fn assert_import_matches_bundled(seed_prefix: &str, deck_id: &str, layout: QuestionLayout) {
    let (name, text) = seed(seed_prefix);
    let imported = import_guide(&name, &text).unwrap();
    let expected = bundled(deck_id);
    assert_eq!(imported.layout, layout, "{name}");
    assert_eq!(imported.deck.cards.len(), expected.cards.len(), "{name}");
    assert_eq!(
        imported.deck.source, expected.source,
        "{name}: source and section"
    );
    assert_eq!(imported.deck.role, expected.role, "{name}: role");
    for (got, want) in imported.deck.cards.iter().zip(&expected.cards) {
        assert_eq!(ja(got), ja(want), "{name}: question of {}", want.id);
        let got_points: String = got
            .points
            .iter()
            .map(|point| point.text.ja().unwrap_or(""))
            .collect();
        let want_points: Vec<String> = want
            .points
            .iter()
            .filter(|point| !point.derived)
            .map(|point| content_key(point.text.ja().unwrap_or("")))
            .collect();
        assert!(
            holds_points_in_order(&content_key(&got_points), &want_points),
            "{name}: points of {}: {:?} vs {want_points:?}",
            want.id,
            content_key(&got_points)
        );
        assert!(
            got.points
                .iter()
                .all(|point| point.text.en().is_none() && !point.derived)
        );
    }
}

#[test]
fn importing_guide_001_gives_the_vpoe_deck() {
    if !seeds_are_here("importing_guide_001_gives_the_vpoe_deck") {
        return;
    }
    assert_import_matches_bundled("001", "vpoe", QuestionLayout::PlainTable);
}

#[test]
fn importing_guide_003_gives_the_hoe_deck() {
    if !seeds_are_here("importing_guide_003_gives_the_hoe_deck") {
        return;
    }
    assert_import_matches_bundled("003", "hoe", QuestionLayout::PipeTable);
}

#[test]
fn importing_guide_004_gives_the_cto_deck() {
    if !seeds_are_here("importing_guide_004_gives_the_cto_deck") {
        return;
    }
    assert_import_matches_bundled("004", "cto", QuestionLayout::NumberedList);
}

#[test]
fn guides_without_an_interview_section_are_refused() {
    if !seeds_are_here("guides_without_an_interview_section_are_refused") {
        return;
    }
    for prefix in ["000", "002"] {
        let (name, text) = seed(prefix);
        // Refused at the article's first line of prose, named with its line.
        assert!(
            matches!(
                import_guide(&name, &text),
                Err(ImportError::NoInterviewSection { line: 2, .. })
            ),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The commands

fn seed_path(prefix: &str) -> PathBuf {
    Path::new(SEEDS).join(seed(prefix).0)
}

fn bundled_totals() -> (usize, usize) {
    let sources = BUNDLED_DECKS
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string(), true))
        .collect();
    let set = DeckSet::from_sources(sources);
    (set.decks.len(), set.card_count())
}

#[test]
fn check_without_paths_passes_on_the_bundled_decks() {
    let data = tempfile::tempdir().unwrap();
    let output = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["check"]);
    let (decks, cards) = bundled_totals();
    assert_eq!(
        stdout(&output),
        format!("{decks} decks, {cards} cards, 0 problems\n")
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn imported_deck_lands_in_the_user_decks_folder_and_passes_check() {
    if !seeds_are_here("imported_deck_lands_in_the_user_decks_folder_and_passes_check") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let guide = seed_path("003");
    let output = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", guide.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = data.path().join("decks/head-of-engineering.json");
    let report = stdout(&output);
    assert!(report.contains(&written.display().to_string()), "{report}");
    assert!(report.contains("15 questions"), "{report}");

    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(text.contains("\n      \"id\": \"head-of-engineering-q01\",\n"));
    let (deck, problems) = parse_deck("written", &text).unwrap();
    assert!(problems.is_empty());
    assert_eq!(deck.cards.len(), 15);

    let check = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["check"]);
    let (decks, cards) = bundled_totals();
    assert_eq!(
        stdout(&check),
        format!("{} decks, {} cards, 0 problems\n", decks + 1, cards + 15)
    );
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn import_never_overwrites_without_force() {
    if !seeds_are_here("import_never_overwrites_without_force") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let guide = seed_path("004");
    let guide = guide.to_str().unwrap();
    let written = data.path().join("decks/cto-career-guide.json");
    assert_eq!(
        mensetsu(data.path())
            .current_dir(data.path())
            .run(&["import", guide])
            .status
            .code(),
        Some(0)
    );
    // A user's edit must survive a second import.
    std::fs::write(&written, "edited by hand\n").unwrap();

    let again = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", guide]);
    assert_eq!(again.status.code(), Some(1));
    let message = stderr(&again);
    assert!(
        message.contains(&written.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("already exists") && message.contains("--out"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        "edited by hand\n"
    );

    let forced = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", guide, "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("cto-career-guide-q20")
    );
}

#[test]
fn import_with_out_writes_exactly_there() {
    if !seeds_are_here("import_with_out_writes_exactly_there") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("elsewhere/vpoe-guide.json");
    let guide = seed_path("001");
    let output = mensetsu(data.path()).current_dir(data.path()).run(&[
        "import",
        guide.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (deck, problems) = parse_deck("out", &std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(problems.is_empty());
    assert_eq!(deck.cards.len(), 15);
    assert!(!data.path().join("decks").exists());
    // No temporary file is left beside the deck.
    let names: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["vpoe-guide.json"]);
}

#[test]
fn import_of_a_guide_without_interview_section_fails_and_writes_nothing() {
    if !seeds_are_here("import_of_a_guide_without_interview_section_fails_and_writes_nothing") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (name, _) = seed("000");
    let output = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", seed_path("000").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&name), "{message}");
    assert!(message.contains("no interview section"), "{message}");
    assert_eq!(stdout(&output), "");
    assert!(!data.path().join("decks").exists());
}

#[test]
fn import_reports_unreadable_and_non_utf8_files_by_name() {
    let data = tempfile::tempdir().unwrap();
    let missing = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", "no-such-guide.md"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot read no-such-guide.md"),
        "{}",
        stderr(&missing)
    );

    std::fs::write(data.path().join("latin1.txt"), b"# Gu\xefde\n").unwrap();
    let latin1 = mensetsu(data.path())
        .current_dir(data.path())
        .run(&["import", "latin1.txt"]);
    assert_eq!(latin1.status.code(), Some(1));
    let message = stderr(&latin1);
    assert!(message.contains("latin1.txt is not UTF-8"), "{message}");
    assert!(message.contains("line 1, column 5"), "{message}");
}

#[test]
fn bad_usage_exits_with_2() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["import"][..],
        &["import", "a.md", "b.md"],
        &["import", "a.md", "--out"],
        &["check", "--strict"],
    ] {
        let output = mensetsu(data.path()).current_dir(data.path()).run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("usage: mensetsu"), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------
// `check` on broken decks

/// Runs `mensetsu check` on fixtures (paths relative to the fixtures folder, as messages
/// show them) and compares its whole output.
fn assert_check(paths: &[&str], problems: &[&str], summary: &str) {
    let data = tempfile::tempdir().unwrap();
    let mut args = vec!["check"];
    args.extend(paths);
    let output = mensetsu(data.path())
        .current_dir(Path::new(FIXTURES))
        .run(&args);
    let mut expected: String = problems.iter().map(|line| format!("{line}\n")).collect();
    expected.push_str(summary);
    expected.push('\n');
    assert_eq!(stdout(&output), expected, "check {paths:?}");
    assert_eq!(stderr(&output), "");
    let code = if problems.is_empty() { 0 } else { 1 };
    assert_eq!(output.status.code(), Some(code), "check {paths:?}");
}

#[test]
fn check_truncated_json() {
    // Six lines and a final newline: the file ends on (empty) line 7.
    assert_check(
        &["truncated.json"],
        &[
            "truncated.json:7: invalid JSON: the file ends before the deck is complete (is it cut off?)",
        ],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_trailing_comma() {
    // The `}` after the comma closing line 7 is at line 8, column 5.
    assert_check(
        &["trailing-comma.json"],
        &["trailing-comma.json:8:5: invalid JSON: trailing comma"],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_cards_of_the_wrong_type() {
    // serde_json points just before the value: `  "cards": ` is 11 bytes.
    assert_check(
        &["cards-not-a-list.json"],
        &["cards-not-a-list.json:4:11: wrong deck format: `cards` should be a list, not an object"],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_question_of_the_wrong_type() {
    // The string ends at byte 35 of line 7: 18 bytes of `      "question": `, the quotes
    // and five three-byte characters.
    assert_check(
        &["question-is-text.json"],
        &[
            "question-is-text.json:7:35: wrong deck format: `question` should be an object like {\"ja\": \"…\", \"en\": \"…\"}, not a string",
        ],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_missing_question() {
    // Missing fields are noticed where the card's object closes: line 8, column 5.
    assert_check(
        &["missing-question.json"],
        &[
            "missing-question.json:8:5: wrong deck format: missing field `question` in the object that ends here",
        ],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_missing_card_id() {
    assert_check(
        &["missing-card-id.json"],
        &[
            "missing-card-id.json:7:5: wrong deck format: missing field `id` in the object that ends here",
        ],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_empty_question() {
    // Card problems are reported at the card's `"id"` line.
    assert_check(
        &["empty-question.json"],
        &["empty-question.json:6: card `empty-question-q01` has an empty question"],
        "1 deck, 1 card, 1 problem",
    );
}

#[test]
fn check_empty_point() {
    assert_check(
        &["empty-point.json"],
        &["empty-point.json:6: card `empty-point-q01`: answer point 2 is empty"],
        "1 deck, 1 card, 1 problem",
    );
}

#[test]
fn check_duplicate_id_within_a_file() {
    // The repeat is on line 7, the first use on line 5; the repeat is dropped.
    assert_check(
        &["duplicate-id.json"],
        &["duplicate-id.json:7: duplicate card id `duplicate-id-q01` (first at line 5)"],
        "1 deck, 2 cards, 1 problem",
    );
}

#[test]
fn check_duplicate_id_across_files_of_a_folder() {
    assert_check(
        &["cross"],
        &[
            "cross/b.json:6: duplicate card id `shared-q01`: already used in cross/a.json; card skipped",
        ],
        "2 decks, 3 cards, 1 problem",
    );
}

#[test]
fn check_invalid_utf8() {
    // `  "title": { "ja": "bad ` is 24 bytes; the 0xFF byte is the 25th.
    assert_check(
        &["invalid-utf8.json"],
        &["invalid-utf8.json:3:25: not valid UTF-8 text; save the file as UTF-8"],
        "0 decks, 0 cards, 1 problem",
    );
}

#[test]
fn check_accepts_a_byte_order_mark() {
    assert_eq!(
        &std::fs::read(Path::new(FIXTURES).join("bom.json")).unwrap()[..3],
        b"\xef\xbb\xbf"
    );
    assert_check(&["bom.json"], &[], "1 deck, 2 cards, 0 problems");
}

#[test]
fn check_accepts_crlf_and_counts_its_lines() {
    assert!(
        std::fs::read_to_string(Path::new(FIXTURES).join("crlf.json"))
            .unwrap()
            .contains("\r\n")
    );
    assert_check(&["crlf.json"], &[], "1 deck, 2 cards, 0 problems");
    assert_check(
        &["crlf-duplicate.json"],
        &["crlf-duplicate.json:6: duplicate card id `crlf-duplicate-q01` (first at line 5)"],
        "1 deck, 1 card, 1 problem",
    );
}

#[test]
fn check_future_format() {
    assert_check(
        &["future-format.json"],
        &[
            "future-format.json:2: deck format 2 is newer than this version of mensetsu understands (1); update mensetsu",
        ],
        "1 deck, 1 card, 1 problem",
    );
}

#[test]
fn check_reports_a_missing_file_and_still_checks_the_rest() {
    let data = tempfile::tempdir().unwrap();
    let output = mensetsu(data.path())
        .current_dir(Path::new(FIXTURES))
        .run(&["check", "no-such-deck.json", "bom.json"]);
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("no-such-deck.json: cannot read: "),
        "{lines:?}"
    );
    assert_eq!(lines[1], "1 deck, 2 cards, 1 problem");
    assert_eq!(output.status.code(), Some(1));
}

/// `mensetsu import` takes a deck file, as the app's import panel does: a valid one goes
/// into the user decks folder and loads; a broken one is refused naming its file and line,
/// and nothing is written.
#[test]
fn import_takes_a_deck_file_as_the_app_does() {
    let data = tempfile::tempdir().unwrap();
    let shared = data.path().join("shared.json");
    std::fs::write(
        &shared,
        r#"{"id":"shared","title":{"en":"Shared deck"},"cards":[
{"id":"shared-q1","question":{"en":"Why this company?"},"points":[{"en":"Their mission"}]},
{"id":"shared-q2","question":{"en":"Why now?"}}]}"#,
    )
    .unwrap();
    let output = mensetsu(data.path()).run(&["import", shared.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Read deck `shared`"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("(2 cards)"), "{}", stdout(&output));
    let written = data.path().join("decks").join("shared.json");
    let (deck, problems) =
        parse_deck("written", &std::fs::read_to_string(&written).unwrap()).unwrap();
    assert!(problems.is_empty());
    assert_eq!(deck.cards.len(), 2);
    let check = mensetsu(data.path()).run(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    let broken = format!("{FIXTURES}/duplicate-id.json");
    let refused = mensetsu(data.path()).run(&["import", &broken]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(message.contains("duplicate-id.json:7:"), "{message}");
    assert!(!data.path().join("decks").join("duplicate-id.json").exists());
}

/// `mensetsu import` reads a user's own notes (here `Q:`/`A:` pairs with no interview
/// section) as the app does, and refuses prose naming its line.
#[test]
fn import_reads_notes_and_names_the_line_it_cannot_read() {
    let data = tempfile::tempdir().unwrap();
    let notes = data.path().join("my-notes.txt");
    std::fs::write(
        &notes,
        "Q: Why this company?\nA: Their mission, the team\n\nQ: Why now?\nA: The product is ready\n",
    )
    .unwrap();
    let output = mensetsu(data.path()).run(&["import", notes.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains("Read 2 questions and 2 answer points") && said.contains("notes from line 1"),
        "{said}"
    );
    assert!(data.path().join("decks").join("my-notes.json").exists());

    let prose = data.path().join("prose.txt");
    std::fs::write(&prose, "1. Why this company?\nI think it is a good one.\n").unwrap();
    let refused = mensetsu(data.path()).run(&["import", prose.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(
        message.contains("line 2 is not a question")
            && message.contains("I think it is a good one."),
        "{message}"
    );
}
