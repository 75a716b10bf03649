//! Exports for other tools: a deck as an Anki text file of Basic notes, and the review log
//! as the CSV the FSRS optimizer reads.
//!
//! The texts are pure functions over loaded data (no clock, no egui);
//! [`crate::core::files::write_new_file`] puts them on disk without replacing a file.

use crate::core::content::deck::{Card, Deck, Lang, Localized};
use crate::core::review::compact;
use crate::core::review::store::LogSnapshot;
use crate::core::settings::ContentLanguage;
use std::borrow::Cow;
use std::fmt::Write as _;

/// The header lines of [`anki_notes`], one per line.
///
/// Anki 2.1.54+ reads `#key:value` lines at the top of a text file ("File Headers" in the
/// Anki manual, <https://docs.ankiweb.net/importing/text-files.html#file-headers>):
/// - `separator`: `Comma`, `Semicolon`, `Tab`, `Space`, `Pipe`, `Colon` (or the character),
///   read case-insensitively; written as `tab`, the way Anki's own text export writes it.
/// - `html:true`: fields are HTML, so `<br>` and lists render and `&lt;` stays a `<`.
/// - `notetype`: "Presets the note type, if it exists". A collection whose stock note
///   type has a translated name falls back to the current note type; the user picks.
/// - `deck column`: each note's deck, and "If the deck does not exist, a deck with the
///   given name will be created". Chosen over the `deck` header, which only "Presets the
///   deck, if it exists" and so would drop a first import into whatever deck is current.
/// - `tags column`: the column of space-separated tags.
/// - `guid column`: the note's GUID. Anki finds an earlier import of the same note by GUID
///   and updates it in place, keeping its scheduling, even after the question was edited
///   (matching on the first field, the question, would add a duplicate instead).
///
/// No `columns` header: Anki maps named columns to fields by name, and a translated Basic
/// note type has no "Front"/"Back" fields; unnamed columns map in order, which always works.
const ANKI_HEADERS: [&str; 6] = [
    "#separator:tab",
    "#html:true",
    "#notetype:Basic",
    "#deck column:4",
    "#tags column:3",
    "#guid column:5",
];

/// Prefix of every note GUID, so a card id can never meet a GUID that Anki or another
/// tool made for an unrelated note.
pub const ANKI_GUID_PREFIX: &str = "mensetsu-";

/// The FSRS optimizer's review-log columns. `review_state` (optional in its schema) is
/// left out: it is derived by replaying the log, and the optimizer works without it.
pub const REVIEWS_CSV_HEADER: &str = "card_id,review_time,review_rating,review_duration";

/// A file name to offer for [`reviews_csv`].
pub const REVIEWS_FILE_NAME: &str = "mensetsu-reviews.csv";

/// A file name to offer for [`anki_notes`] of `deck`: `mensetsu-<deck id>.txt`, with any
/// character that is not safe in a file name on every system replaced by `_`.
pub fn anki_file_name(deck: &Deck) -> String {
    anki_file_name_for(&deck.id, "txt")
}

/// `mensetsu-<deck id>.<extension>`, made safe as [`anki_file_name`] says.
pub fn anki_file_name_for(deck_id: &str, extension: &str) -> String {
    let id: String = deck_id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("mensetsu-{id}.{extension}")
}

/// The cards of `deck` as a tab-separated text file that Anki imports as Basic notes, one
/// line per card after the [`ANKI_HEADERS`]:
///
/// 1. Front: the question.
/// 2. Back: the answer points as `<ul><li>…</li></ul>` (empty when the card has none); a
///    derived point ends with `<i>(本文より)</i>` / `<i>(from the guide)</i>`, the app's
///    own label, or with the guide a cross-guide point names (`<i>(HoEガイドより)</i>`).
/// 3. Tags: the deck's role and the card's tags; whitespace inside a tag becomes `_` and
///    `"` is dropped, since Anki splits tags at whitespace and refuses quotes.
/// 4. Deck: the deck title (Japanese unless `language` is English).
/// 5. GUID: [`ANKI_GUID_PREFIX`] and the card id, so a re-import updates the notes.
///
/// `language` as in the app: one language (falling back to the other where a text has
/// only that), or `Both`: the Japanese text with the English in grey on the next line,
/// when the deck has both.
///
/// Text is HTML-escaped (`&`, `<`, `>`, `"`, `'`); a line break inside a text becomes
/// `<br>` and a tab a space, so neither can split a row. A field that still holds a tab,
/// line break or `"` (a card id, a deck title), or starts with `#`, which Anki would take
/// for a comment line, is quoted as in CSV.
pub fn anki_notes(deck: &Deck, language: ContentLanguage) -> String {
    let mut out = String::new();
    for header in ANKI_HEADERS {
        out.push_str(header);
        out.push('\n');
    }
    let deck_name = deck_name(deck, language);
    for card in &deck.cards {
        let columns = [
            localized_html(&card.question, language, None),
            back(card, language),
            tags(&deck.role, &card.tags),
            deck_name.clone(),
            format!("{ANKI_GUID_PREFIX}{}", card.id),
        ];
        let row: Vec<Cow<str>> = columns.iter().map(|column| tsv_field(column)).collect();
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}

fn back(card: &Card, language: ContentLanguage) -> String {
    if card.points.is_empty() {
        return String::new();
    }
    let mut html = String::from("<ul>");
    for point in &card.points {
        let (ja, en) = match &point.from {
            Some(from) => (from.marker.get(Lang::Ja), from.marker.get(Lang::En)),
            None => ("本文より", "from the guide"),
        };
        let marker = point.derived.then(|| match language {
            ContentLanguage::Ja => ja.to_string(),
            ContentLanguage::En => en.to_string(),
            ContentLanguage::Both => format!("{ja} / {en}"),
            ContentLanguage::BothEnglishFirst => format!("{en} / {ja}"),
        });
        html.push_str("<li>");
        html.push_str(&localized_html(&point.text, language, marker.as_deref()));
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

/// A text in the chosen language(s) as HTML. `marker` (already plain text) follows the
/// first line in italics.
fn localized_html(text: &Localized, language: ContentLanguage, marker: Option<&str>) -> String {
    // Like the app: the second language's line only when it adds to the first one.
    let (primary, secondary) = language.texts(text);
    let mut html = escape_html(primary);
    if let Some(marker) = marker {
        let _ = write!(html, " <i>({})</i>", escape_html(marker));
    }
    if let Some(below) = secondary {
        let _ = write!(
            html,
            "<br><span style='color:gray'>{}</span>",
            escape_html(below)
        );
    }
    html
}

/// The deck column: a plain deck name, not HTML. A line break or tab would make a strange
/// deck name, so they become spaces.
fn deck_name(deck: &Deck, language: ContentLanguage) -> String {
    let title = deck.title.get(language.order().0);
    let title = if title.trim().is_empty() {
        &deck.id
    } else {
        title
    };
    title
        .split(['\t', '\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// The role and the card's tags, each made a valid Anki tag, without repeats, as the
/// text file's tags column.
fn tags(role: &str, card_tags: &[std::sync::Arc<str>]) -> String {
    anki_tags(role, card_tags).join(" ")
}

/// The role and the card's tags, each made a valid Anki tag (no spaces, quotes or control
/// characters), without repeats: for the text file and the Anki package alike.
pub(crate) fn anki_tags(role: &str, card_tags: &[std::sync::Arc<str>]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for tag in std::iter::once(role).chain(card_tags.iter().map(|tag| &**tag)) {
        let tag: String = tag
            .trim()
            .chars()
            .filter(|c| *c != '"' && (c.is_whitespace() || !c.is_control()))
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        if !tag.is_empty() && !seen.contains(&tag) {
            seen.push(tag);
        }
    }
    seen
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push(' '),
            '\r' => {
                // CR LF is one line break, not two.
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// One field of Anki's tab-separated file. Anki reads it with CSV rules (quotes, doubled
/// `""`) and skips a line that starts with `#`, so such fields are quoted.
fn tsv_field(text: &str) -> Cow<'_, str> {
    if text.starts_with('#') || text.contains(['"', '\t', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// The effective reviews of a log as the FSRS optimizer's review-log CSV
/// (<https://github.com/open-spaced-repetition/fsrs-optimizer>, "Review Logs Schema"):
/// [`REVIEWS_CSV_HEADER`], then one line per review in time order, e.g.
/// `vpoe-q01,1795306503120,3,84000`.
///
/// - Undone reviews, undo records and notes are left out ([`compact::effective_rows`]);
///   mock-interview answers stay in, since they schedule the card like any other.
/// - `review_time` is milliseconds since the Unix epoch (UTC): the optimizer divides it
///   by 1000 and reads seconds, so a date string would not parse.
/// - `review_rating` is 1 Again, 2 Hard, 3 Good, 4 Easy, as in the log.
/// - `review_duration` is in milliseconds, 0 when the log has none: the schema asks for
///   a non-negative integer, and an empty field would turn the column into floats.
/// - A card id with `,`, `"` or a line break is quoted as in CSV.
///
pub fn reviews_csv(log: &LogSnapshot) -> String {
    let (effective, _) = compact::effective_rows(&log.reviews, &log.others);
    let mut out = String::from(REVIEWS_CSV_HEADER);
    out.push('\n');
    for row in effective {
        let Some(review) = log.reviews.get(row as usize) else {
            continue;
        };
        let _ = writeln!(
            out,
            "{},{},{},{}",
            csv_field(review.card),
            review.at.timestamp_millis(),
            u8::from(review.rating),
            review.duration_ms.unwrap_or(0)
        );
    }
    out
}

fn csv_field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::deck::Point;
    use std::path::Path;

    fn point(ja: &str, en: &str, derived: bool) -> Point {
        Point {
            text: Localized::both(ja, en),
            derived,
            from: None,
        }
    }

    /// Two cards: HTML characters, a derived point, a Japanese-only question with a line
    /// break and a tab, a tag with a space and one with a quote.
    fn sample_deck() -> Deck {
        Deck {
            id: "t".into(),
            title: Localized::both("テスト & <練習>", "Test & \"practice\""),
            role: "vpoe".into(),
            cards: vec![
                Card {
                    id: "t-q01".into(),
                    question: Localized::both("A&Bとは？", "What's A&B?"),
                    points: vec![point("<速度>", "speed", false), point("本文", "body", true)],
                    no_points: None,
                    tags: vec!["tech debt".into(), "metrics".into(), "vpoe".into()],
                },
                Card {
                    id: "t-q02".into(),
                    question: Localized::japanese("一行目\r\n二行目\tタブ"),
                    points: vec![],
                    no_points: None,
                    tags: vec!["x\"y".into()],
                },
            ],
            ..Deck::default()
        }
    }

    const HEADERS: &str = "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:4\n#tags column:3\n#guid column:5\n";

    #[test]
    fn anki_notes_in_japanese() {
        let expected = format!(
            "{HEADERS}\
A&amp;Bとは？\t<ul><li>&lt;速度&gt;</li><li>本文 <i>(本文より)</i></li></ul>\tvpoe tech_debt metrics\tテスト & <練習>\tmensetsu-t-q01\n\
一行目<br>二行目 タブ\t\tvpoe xy\tテスト & <練習>\tmensetsu-t-q02\n"
        );
        assert_eq!(anki_notes(&sample_deck(), ContentLanguage::Ja), expected);
    }

    /// A point quoted from another guide carries that guide's name, not "from the guide".
    #[test]
    fn a_cross_guide_point_names_its_guide() {
        let mut deck = sample_deck();
        deck.cards[0].points[1].from = Some(Box::new(crate::core::content::deck::PointSource {
            file: "003.txt".into(),
            marker: Localized::both("HoEガイドより", "from the HoE guide"),
        }));
        let back = |language| {
            anki_notes(&deck, language)
                .lines()
                .nth(6)
                .unwrap()
                .to_string()
        };
        assert!(back(ContentLanguage::Ja).contains("<li>本文 <i>(HoEガイドより)</i></li>"));
        assert!(back(ContentLanguage::En).contains("<li>body <i>(from the HoE guide)</i></li>"));
        assert!(
            back(ContentLanguage::BothEnglishFirst)
                .contains("<i>(from the HoE guide / HoEガイドより)</i>")
        );
    }

    #[test]
    fn anki_notes_in_english_fall_back_to_japanese_and_quote_the_deck_title() {
        let expected = format!(
            "{HEADERS}\
What&#39;s A&amp;B?\t<ul><li>speed</li><li>body <i>(from the guide)</i></li></ul>\tvpoe tech_debt metrics\t\"Test & \"\"practice\"\"\"\tmensetsu-t-q01\n\
一行目<br>二行目 タブ\t\tvpoe xy\t\"Test & \"\"practice\"\"\"\tmensetsu-t-q02\n"
        );
        assert_eq!(anki_notes(&sample_deck(), ContentLanguage::En), expected);
    }

    #[test]
    fn anki_notes_in_both_languages_put_the_english_below_in_grey() {
        let grey = "<br><span style='color:gray'>";
        let expected = format!(
            "{HEADERS}\
A&amp;Bとは？{grey}What&#39;s A&amp;B?</span>\t\
<ul><li>&lt;速度&gt;{grey}speed</span></li><li>本文 <i>(本文より / from the guide)</i>{grey}body</span></li></ul>\t\
vpoe tech_debt metrics\tテスト & <練習>\tmensetsu-t-q01\n\
一行目<br>二行目 タブ\t\tvpoe xy\tテスト & <練習>\tmensetsu-t-q02\n"
        );
        assert_eq!(anki_notes(&sample_deck(), ContentLanguage::Both), expected);
    }

    #[test]
    fn a_row_that_would_start_with_a_hash_and_an_odd_card_id_are_quoted() {
        let deck = Deck {
            id: "x/y".into(),
            title: Localized::japanese("\tD\n"),
            cards: vec![Card {
                id: "a\tb\"c".into(),
                question: Localized::japanese("#1の優先事項"),
                points: vec![Point {
                    text: Localized::japanese("一\n二"),
                    derived: false,
                    from: None,
                }],
                no_points: None,
                tags: vec![" ".into(), "全角\u{3000}空白".into()],
            }],
            ..Deck::default()
        };
        let expected = format!(
            "{HEADERS}\"#1の優先事項\"\t<ul><li>一<br>二</li></ul>\t全角_空白\tD\t\"mensetsu-a\tb\"\"c\"\n"
        );
        assert_eq!(anki_notes(&deck, ContentLanguage::Ja), expected);
        assert_eq!(anki_file_name(&deck), "mensetsu-x_y.txt");
    }

    fn review(id: &str, card: &str, at: &str, rating: u8, duration: Option<u64>) -> String {
        let card = serde_json::to_string(card).unwrap();
        match duration {
            Some(ms) => format!(
                r#"{{"id":"{id}","card":{card},"at":"{at}","rating":{rating},"duration_ms":{ms}}}"#
            ),
            None => format!(r#"{{"id":"{id}","card":{card},"at":"{at}","rating":{rating}}}"#),
        }
    }

    #[test]
    fn reviews_csv_keeps_effective_reviews_in_time_order() {
        let laptop = [
            review(
                "l-1",
                "vpoe-q01",
                "2026-11-22T09:15:03.120+09:00",
                3,
                Some(84_000),
            ),
            review("l-2", "a,\"b\"", "2026-11-22T09:16:00+09:00", 1, Some(1)),
            r#"{"id":"l-3","at":"2026-11-22T09:16:05+09:00","undo":"l-2"}"#.to_string(),
            r#"{"id":"l-4","card":"vpoe-q01","at":"2026-11-22T09:17:00+09:00","note":"n"}"#
                .to_string(),
            review("l-5", "vpoe-q01", "2026-11-22T10:00:00+09:00", 2, None),
        ]
        .join("\n");
        // Another device, written in UTC: its review at 00:20:00Z falls between l-4
        // (00:17Z) and l-5 (01:00Z). The times are epoch milliseconds (`date -u -d
        // 2026-11-22T00:15:03Z +%s` is 1795306503); 1.9 µs is below a millisecond.
        let desktop = review("d-1", "a,\"b\"", "2026-11-22T00:20:00.0000019Z", 4, Some(5));
        let (laptop, problems) =
            crate::core::review::log::parse_log(Path::new("l.jsonl"), laptop.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let (desktop, problems) =
            crate::core::review::log::parse_log(Path::new("d.jsonl"), desktop.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let expected = "card_id,review_time,review_rating,review_duration\n\
vpoe-q01,1795306503120,3,84000\n\
\"a,\"\"b\"\"\",1795306800000,4,5\n\
vpoe-q01,1795309200000,2,0\n";
        // Whichever file comes first, the merged log gives the same file.
        let one_way = [desktop.clone(), laptop.clone()].concat();
        let other_way = [laptop, desktop].concat();
        for records in [one_way, other_way] {
            let snapshot = LogSnapshot::from_records(records, Vec::new());
            assert_eq!(reviews_csv(&snapshot), expected);
        }
    }

    #[test]
    fn an_empty_log_is_just_the_header() {
        assert_eq!(
            reviews_csv(&LogSnapshot::default()),
            "card_id,review_time,review_rating,review_duration\n"
        );
    }
}
