//! Turns a role guide (Markdown or plain text) into a deck: finds the interview-questions
//! section and reads its questions and answer points, whichever layout the guide uses.
//!
//! Pure: text in, [`Deck`] out. Reading the file and writing the deck is the CLI's job.

use crate::core::content::deck::{Card, Deck, FORMAT_VERSION, Localized, Point, Source};
use crate::core::content::role;
use std::collections::HashSet;

mod notes;

/// A deck made from a guide, with what the importer learnt on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedGuide {
    pub deck: Deck,
    /// 1-based line of the interview heading in the guide.
    pub section_line: usize,
    pub layout: QuestionLayout,
}

impl ImportedGuide {
    pub fn question_count(&self) -> usize {
        self.deck.cards.len()
    }

    pub fn point_count(&self) -> usize {
        self.deck.cards.iter().map(|card| card.points.len()).sum()
    }

    /// Cards whose question the guide lists without any answer point.
    pub fn cards_without_points(&self) -> impl Iterator<Item = &Card> {
        self.deck.cards.iter().filter(|card| card.points.is_empty())
    }
}

/// How the interview section lists its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionLayout {
    /// A Markdown table with a question column and an answer column.
    PipeTable,
    /// A header line `質問 回答…`, then one `N. question？ answer` line per question.
    PlainTable,
    /// `N. **question**`, optionally followed by bullets with the answer points.
    NumberedList,
    /// Questions as headings (`### Q1. …`, `## 1. …`), the answer points below each.
    Headings,
    /// `Q:` and `A:` lines.
    QaPairs,
    /// Nothing but the questions, one a line (numbered, bulleted or ending in `?`).
    QuestionList,
}

impl From<notes::NotesShape> for QuestionLayout {
    fn from(shape: notes::NotesShape) -> Self {
        match shape {
            notes::NotesShape::Headings => Self::Headings,
            notes::NotesShape::QaPairs => Self::QaPairs,
            notes::NotesShape::QuestionList => Self::QuestionList,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the front matter starting at line {line} {reason}")]
    FrontMatter { line: usize, reason: String },
    /// Neither an interview section nor a file of questions: `line` is the first line that
    /// is no question (nor an answer point of one), so the user sees where it went wrong.
    #[error(
        "no interview section (a heading such as 「面接でよくある質問」, 「面接でよく聞かれる質問」, 「想定質問」, \"Interview questions\" or \"Common questions\"), and line {line} is not a question mensetsu can read: \"{text}\". Notes are read when they are questions as headings (`## Q1. …` or `## 1. …`, the answer points below), `Q:`/`A:` pairs, or one question a line"
    )]
    NoInterviewSection { line: usize, text: String },
    #[error(
        "the interview section \"{heading}\" (line {line}) lists no questions in a layout mensetsu reads: a table with 質問 and 回答 columns, a `質問 回答` header followed by `1. question？ answer` lines, or a numbered list `1. **question**`"
    )]
    NoQuestions { heading: String, line: usize },
}

/// Reads a role guide. `file_name` is recorded as the deck's source and used for the deck
/// id only when the guide has no usable title.
pub fn import_guide(file_name: &str, text: &str) -> Result<ImportedGuide, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let front = read_front_matter(&lines)?;
    let body = &lines[front.body_start..];

    let candidates = interview_heading_candidates(body);
    let mut title_index = top_heading(body);
    let read = match candidates.first() {
        Some(first) => {
            let found = candidates
                .iter()
                .find_map(|&index| read_section(body, index).map(|section| (index, section)));
            let Some((heading_index, (layout, questions))) = found else {
                return Err(ImportError::NoQuestions {
                    heading: heading_text(body[*first]),
                    line: front.body_start + first + 1,
                });
            };
            Read {
                section: Some(heading_index),
                first_line: heading_index,
                layout,
                questions,
            }
        }
        // No section: the whole file may be the user's own notes, which may begin with a
        // question rather than a title.
        None => match notes::read_notes(body, {
            title_index = title_index.filter(|index| !notes::is_question_line(body[*index]));
            title_index
        }) {
            Ok((shape, questions)) => Read {
                section: None,
                first_line: body
                    .iter()
                    .enumerate()
                    .position(|(index, line)| Some(index) != title_index && !line.trim().is_empty())
                    .unwrap_or(0),
                layout: shape.into(),
                questions,
            },
            Err(unreadable) => {
                return Err(ImportError::NoInterviewSection {
                    line: front.body_start + unreadable.index + 1,
                    text: unreadable.text.chars().take(80).collect(),
                });
            }
        },
    };
    let Read {
        section,
        first_line,
        layout,
        questions,
    } = read;

    let title_line = title_index.map(|index| body[index]);
    let title = front
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .or_else(|| title_line.map(title_text))
        .unwrap_or_default();
    let deck_id = [
        front.slug.as_deref(),
        title_line.map(title_text).as_deref(),
        front.title.as_deref(),
        Some(file_stem(file_name)),
    ]
    .into_iter()
    .flatten()
    .map(slugify)
    .find(|id| !id.is_empty())
    .unwrap_or_else(|| "imported".to_string());
    let role = guess_role(
        front.slug.as_deref().unwrap_or(""),
        &title,
        &body.join("\n"),
    );

    let section_text = match section {
        Some(heading_index) => body[heading_index..section_end(body, heading_index)].join("\n"),
        None => body.join("\n"),
    };
    let localize: fn(String) -> Localized = if has_japanese(&section_text) {
        Localized::japanese
    } else {
        Localized::english
    };
    let cards = number_cards(&deck_id, questions, localize);
    let deck = Deck {
        format: FORMAT_VERSION,
        id: deck_id,
        title: localize(if title.is_empty() {
            file_stem(file_name).to_string()
        } else {
            title
        }),
        role: role.to_string(),
        source: Some(Source {
            file: file_name.to_string(),
            section: section.map(|index| heading_text(body[index])),
        }),
        cards,
    };
    Ok(ImportedGuide {
        deck,
        section_line: front.body_start + first_line + 1,
        layout,
    })
}

/// Where the questions were found and how they are laid out.
struct Read {
    /// The interview section's heading, or `None` for a file of notes.
    section: Option<usize>,
    /// The section's heading or the notes' first line.
    first_line: usize,
    layout: QuestionLayout,
    questions: Vec<FoundQuestion>,
}

/// One question as found in the guide, before it becomes a card.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FoundQuestion {
    number: Option<u32>,
    question: String,
    points: Vec<String>,
}

/// Card ids come from the guide's own numbering, so they read like the guide; when the
/// numbering repeats (a list that restarts at 1) or is missing, positions are used so
/// ids stay unique within the deck.
fn number_cards(
    deck_id: &str,
    questions: Vec<FoundQuestion>,
    localize: fn(String) -> Localized,
) -> Vec<Card> {
    let mut seen = HashSet::new();
    let numbers_usable = questions
        .iter()
        .all(|question| question.number.is_some_and(|number| seen.insert(number)));
    questions
        .into_iter()
        .enumerate()
        .map(|(index, found)| {
            let number = match found.number {
                Some(number) if numbers_usable => number as usize,
                _ => index + 1,
            };
            let points: Vec<Point> = found
                .points
                .into_iter()
                .map(|point| Point {
                    text: localize(point),
                    derived: false,
                    from: None,
                })
                .collect();
            Card {
                id: format!("{deck_id}-q{number:02}"),
                question: localize(found.question),
                // Said, not left silent: the guide itself has none for this question.
                no_points: points.is_empty().then(|| {
                    Box::new(Localized::both(
                        "ガイドにはこの質問の回答ポイントがありません。",
                        "The guide gives no answer points for this question.",
                    ))
                }),
                points,
                tags: Vec::new(),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Front matter

#[derive(Debug, Default)]
struct FrontMatter {
    slug: Option<String>,
    title: Option<String>,
    /// Index of the first line after the front matter.
    body_start: usize,
}

fn read_front_matter(lines: &[&str]) -> Result<FrontMatter, ImportError> {
    let Some(first) = lines.first().map(|line| line.trim()) else {
        return Ok(FrontMatter::default());
    };
    let closing = |from: usize| {
        lines[from..]
            .iter()
            .position(|line| line.trim() == "---")
            .map(|offset| from + offset)
    };
    if first == "---json" {
        let end = closing(1).ok_or_else(|| ImportError::FrontMatter {
            line: 1,
            reason: "(`---json`) has no closing `---` line".to_string(),
        })?;
        let json = lines[1..end].join("\n");
        let value: serde_json::Value =
            serde_json::from_str(&json).map_err(|error| ImportError::FrontMatter {
                line: 1,
                reason: format!(
                    "is not valid JSON (line {}): {}",
                    error.line() + 1,
                    crate::core::text::serde_message(&error, usize::MAX)
                ),
            })?;
        let text_field = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_string);
        return Ok(FrontMatter {
            slug: text_field("slug"),
            title: text_field("title"),
            body_start: end + 1,
        });
    }
    if first == "---" {
        // An unclosed `---` is a horizontal rule at the top of the text, not front matter.
        let Some(end) = closing(1) else {
            return Ok(FrontMatter::default());
        };
        let mut front = FrontMatter {
            body_start: end + 1,
            ..FrontMatter::default()
        };
        for line in &lines[1..end] {
            // Nested values are indented or list items; only top-level scalars matter.
            if line.starts_with([' ', '\t', '-', '#']) {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = yaml_scalar(value);
            if value.is_empty() {
                continue;
            }
            match key.trim() {
                "slug" => front.slug = Some(value),
                "title" => front.title = Some(value),
                _ => {}
            }
        }
        return Ok(front);
    }
    Ok(FrontMatter::default())
}

/// A one-line YAML scalar: quotes removed, a trailing comment dropped.
fn yaml_scalar(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    let without_comment = raw.split(" #").next().unwrap_or(raw);
    without_comment.trim().to_string()
}

// ---------------------------------------------------------------------------------------
// Headings and the interview section

/// A Markdown heading's level and text: `## 9️⃣ 面接…` → (2, "9️⃣ 面接…").
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let level = trimmed.chars().take_while(|c| *c == '#').count();
    let rest = &trimmed[level..];
    let text = rest.strip_prefix([' ', '\t']).map(str::trim);
    match (level, text) {
        (1..=6, Some(text)) => Some((level, text.trim_end_matches('#').trim())),
        (1..=6, None) if rest.trim().is_empty() => Some((level, "")),
        _ => None,
    }
}

/// The text after an emoji number such as `9️⃣ ` or `10️⃣ ` or `🔟 `, which plain-text
/// guides use as their section headings.
fn after_emoji_number(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix('\u{1f51f}') {
        return Some(rest.trim_start());
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &trimmed[digits..];
    let rest = rest.strip_prefix('\u{fe0f}').unwrap_or(rest);
    rest.strip_prefix('\u{20e3}').map(str::trim_start)
}

/// A horizontal rule (`---`, `***`, `___`, spaces allowed between).
fn is_rule(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].contains(&marks[0]) && marks.iter().all(|c| *c == marks[0])
}

fn is_bullet(line: &str) -> bool {
    bullet_text(line).is_some()
}

fn bullet_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let rest = trimmed.strip_prefix(['*', '-', '+', '・'])?;
    if trimmed.starts_with('・') {
        return Some(rest.trim());
    }
    rest.starts_with([' ', '\t']).then(|| rest.trim())
}

/// What guides and notes call their interview section.
const SECTION_NAMES: &[&str] = &[
    "面接でよくある質問",
    "面接でよく聞かれる質問",
    "想定質問",
    "interview questions",
    "common questions",
];

/// Words of a heading that asks questions, and words that make them an interview's:
/// other guides word the section otherwise (「よく聞かれる面接質問」, 「面接で想定される質問と
/// 回答例」, "Frequently asked interview questions", "Questions you will be asked"). Not
/// 「よくある質問」 nor "Frequently asked questions": a guide's FAQ about the job is not its
/// interview. A heading is tried only if its section then reads as questions, and after
/// the usual names.
const ASKING_WORDS: &[&str] = &["質問", "設問", "q&a", "ｑ＆ａ", "question"];
const INTERVIEW_WORDS: &[&str] = &["面接", "想定", "聞かれ", "選考", "interview", "be asked"];

/// How surely a line names the interview section: by one of its usual names, or by
/// words that ask questions of an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SectionName {
    Usual,
    Worded,
}

fn names_interview_section(line: &str) -> Option<SectionName> {
    let lower = line.to_lowercase();
    if SECTION_NAMES.iter().any(|name| lower.contains(name)) {
        return Some(SectionName::Usual);
    }
    (ASKING_WORDS.iter().any(|word| lower.contains(word))
        && INTERVIEW_WORDS.iter().any(|word| lower.contains(word)))
    .then_some(SectionName::Worded)
}

/// Lines that may head the interview section, best first: Markdown headings and emoji-
/// numbered lines, then other heading-like lines (short, not a sentence, not a list item
/// or table row). The first whose section holds questions wins, so a table of contents
/// or a passing mention does not hide the real section.
fn interview_heading_candidates(body: &[&str]) -> Vec<usize> {
    let mut candidates = Vec::new();
    for (index, line) in body.iter().enumerate() {
        let Some(name) = names_interview_section(line) else {
            continue;
        };
        if atx_heading(line).is_some() || after_emoji_number(line).is_some() {
            candidates.push((name, false, index));
        } else if looks_like_plain_heading(line) {
            candidates.push((name, true, index));
        }
    }
    // The usual names first, headings before plain lines, then in the file's order.
    candidates.sort();
    candidates.into_iter().map(|(_, _, index)| index).collect()
}

fn looks_like_plain_heading(line: &str) -> bool {
    let trimmed = line.trim();
    !is_bullet(trimmed)
        && !trimmed.starts_with(['|', '>'])
        && trimmed.chars().count() <= 80
        && !trimmed.ends_with(['。', '、', ',', '.'])
}

/// How the section ends depends on how it starts: a Markdown heading ends at the next
/// heading of the same or a higher level; a plain-text heading ends at the next heading of
/// any kind. Either ends at a horizontal rule or at an emoji-numbered line, which is how
/// plain-text guides start their next section.
fn section_end(body: &[&str], heading: usize) -> usize {
    let level = atx_heading(body[heading]).map(|(level, _)| level);
    body.iter()
        .enumerate()
        .skip(heading + 1)
        .find(|(_, line)| {
            if is_rule(line) {
                return true;
            }
            match (atx_heading(line), level) {
                (Some((other, _)), Some(level)) => other <= level,
                (Some(_), None) => true,
                (None, _) => after_emoji_number(line).is_some(),
            }
        })
        .map(|(index, _)| index)
        .unwrap_or(body.len())
}

/// Reads one layout's questions from the lines of a section; empty when it is not that
/// layout.
type LayoutReader = fn(&[&str]) -> Vec<FoundQuestion>;

fn read_section(body: &[&str], heading: usize) -> Option<(QuestionLayout, Vec<FoundQuestion>)> {
    let lines = &body[heading + 1..section_end(body, heading)];
    let parsers: [(QuestionLayout, LayoutReader); 3] = [
        (QuestionLayout::PipeTable, read_pipe_table),
        (QuestionLayout::PlainTable, read_plain_table),
        (QuestionLayout::NumberedList, read_numbered_list),
    ];
    parsers
        .into_iter()
        .find_map(|(layout, parse)| {
            let questions = parse(lines);
            (!questions.is_empty()).then_some((layout, questions))
        })
        .or_else(|| {
            notes::read_notes(lines, None)
                .ok()
                .map(|(shape, questions)| (shape.into(), questions))
        })
}

/// The heading as shown to people: without `#` marks and inline markup, with its number.
fn heading_text(line: &str) -> String {
    let text = atx_heading(line).map_or(line, |(_, text)| text);
    clean_inline(text)
}

/// A title: the heading text without its section number.
fn title_text(line: &str) -> String {
    let text = heading_text(line);
    let text = after_emoji_number(&text).unwrap_or(&text);
    split_number(text)
        .map_or(text, |(_, rest)| rest)
        .to_string()
}

/// The guide's title line: its first top-level Markdown heading, or for plain text its
/// first non-empty line.
fn top_heading(body: &[&str]) -> Option<usize> {
    let top_level = body
        .iter()
        .filter_map(|line| atx_heading(line).map(|(level, _)| level))
        .min();
    let index = match top_level {
        Some(level) => body.iter().position(|line| {
            atx_heading(line).is_some_and(|(l, text)| l == level && !text.is_empty())
        }),
        None => body.iter().position(|line| !line.trim().is_empty()),
    }?;
    Some(index)
}

// ---------------------------------------------------------------------------------------
// Question layouts

const QUESTION_WORDS: &[&str] = &["質問", "question", "questions", "q"];
const ANSWER_WORDS: &[&str] = &[
    "回答",
    "answer",
    "ポイント",
    "point",
    "答え方",
    "要点",
    "how to answer",
    "tips",
];

fn starts_with_any(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|word| lower.starts_with(word))
}

fn pipe_cells(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix('|')?;
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            // Keep the escape: `clean_inline` turns `\|` into `|` later, like any escape.
            '\\' => {
                cell.push(c);
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_string());
    }
    Some(cells)
}

fn is_separator_row(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let dashes = cell.trim_matches(':');
            !dashes.is_empty() && dashes.chars().all(|c| c == '-')
        })
}

/// (a) `| 質問 | 回答 |`, a separator row, then `| N. question | answer |` rows.
fn read_pipe_table(lines: &[&str]) -> Vec<FoundQuestion> {
    let tables: Vec<(usize, Vec<String>)> = lines
        .windows(2)
        .enumerate()
        .filter_map(|(index, pair)| {
            let header = pipe_cells(pair[0])?;
            pipe_cells(pair[1])
                .filter(|cells| is_separator_row(cells))
                .map(|_| (index, header))
        })
        .collect();
    // A section may hold other tables; prefer the one whose header names questions.
    let Some((start, header)) = tables
        .iter()
        .find(|(_, header)| header.iter().any(|cell| is_question_header(cell)))
        .or(tables.first())
    else {
        return Vec::new();
    };
    let question_column = header
        .iter()
        .position(|cell| is_question_header(cell))
        .unwrap_or(0);
    let answer_column = header
        .iter()
        .enumerate()
        .position(|(index, cell)| index != question_column && is_answer_header(cell))
        .or_else(|| (0..header.len().max(2)).find(|index| *index != question_column));
    lines[start + 2..]
        .iter()
        .map_while(|line| pipe_cells(line))
        .filter_map(|cells| {
            let raw_question = cells.get(question_column)?;
            let (number, question) = match split_number(raw_question) {
                Some((number, rest)) => (Some(number), rest),
                None => (None, raw_question.as_str()),
            };
            let question = clean_inline(question);
            if question.is_empty() {
                return None;
            }
            let answer = answer_column
                .and_then(|column| cells.get(column))
                .map_or("", String::as_str);
            Some(FoundQuestion {
                number,
                question,
                points: split_answer_points(&clean_inline(answer)),
            })
        })
        .collect()
}

fn is_question_header(cell: &str) -> bool {
    starts_with_any(&clean_inline(cell), QUESTION_WORDS)
}

fn is_answer_header(cell: &str) -> bool {
    starts_with_any(&clean_inline(cell), ANSWER_WORDS)
}

/// (c) A header line `質問 回答のポイント(簡潔に)`, then one `N. question？ answer` line per
/// question: the question ends at its first `？`, `?` or `。` followed by white space (or at
/// a tab, for tab-separated text).
fn read_plain_table(lines: &[&str]) -> Vec<FoundQuestion> {
    let Some(header) = lines.iter().position(|line| is_plain_table_header(line)) else {
        return Vec::new();
    };
    let mut questions = Vec::new();
    for line in &lines[header + 1..] {
        if line.trim().is_empty() {
            continue;
        }
        let Some((number, rest)) = split_number(line.trim()) else {
            break;
        };
        let (question, answer) = split_plain_row(rest);
        let question = clean_inline(question);
        if question.is_empty() {
            continue;
        }
        questions.push(FoundQuestion {
            number: Some(number),
            question,
            points: split_answer_points(&clean_inline(answer)),
        });
    }
    questions
}

fn is_plain_table_header(line: &str) -> bool {
    let text = clean_inline(line);
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let rest: Vec<&str> = words.collect();
    QUESTION_WORDS.contains(&first.as_str()) && starts_with_any(&rest.join(" "), ANSWER_WORDS)
}

fn split_plain_row(row: &str) -> (&str, &str) {
    if let Some((question, answer)) = row.split_once('\t') {
        return (question.trim(), answer.trim());
    }
    let mut chars = row.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '？' | '?' | '。')
            && chars.peek().is_some_and(|(_, next)| next.is_whitespace())
        {
            let end = at + c.len_utf8();
            return (row[..end].trim(), row[end..].trim());
        }
    }
    (row.trim(), "")
}

/// (b) `N. **question**` items, each optionally followed by bullets (or lines) with the
/// answer points, e.g. `* *回答ポイント：A、B、C*`. Numbered sub-headings count as items.
fn read_numbered_list(lines: &[&str]) -> Vec<FoundQuestion> {
    let mut questions: Vec<FoundQuestion> = Vec::new();
    for line in lines {
        let item = atx_heading(line).map_or(line.trim(), |(_, text)| text);
        if let Some((number, rest)) = split_number(item) {
            let (question, answer) = split_bold_lead(rest);
            let question = clean_inline(question);
            if question.is_empty() {
                continue;
            }
            questions.push(FoundQuestion {
                number: Some(number),
                question,
                points: split_answer_points(&strip_answer_label(&clean_inline(answer))),
            });
            continue;
        }
        let Some(current) = questions.last_mut() else {
            continue;
        };
        let cleaned = clean_inline(bullet_text(line).unwrap_or(line));
        if is_bare_answer_label(&cleaned) {
            continue;
        }
        let labelled = strip_answer_label(&cleaned);
        // Plain paragraphs between items are commentary, not points; a bullet or a line
        // that says it is the answer is a point.
        if is_bullet(line) || labelled != cleaned {
            current.points.extend(split_answer_points(&labelled));
        }
    }
    questions
}

/// `**question** answer` → (question, answer); text without a leading bold part is all
/// question.
fn split_bold_lead(item: &str) -> (&str, &str) {
    let Some(rest) = item.strip_prefix("**") else {
        return (item, "");
    };
    match rest.find("**") {
        Some(end) => {
            let answer = rest[end + 2..].trim_start_matches([' ', ':', '：', '-', '—', '–']);
            (&rest[..end], answer.trim())
        }
        None => (item, ""),
    }
}

/// Labels that introduce the answer points in a list item, not part of any point.
const ANSWER_LABELS: &[&str] = &[
    "回答ポイント",
    "回答のポイント",
    "回答の要点",
    "回答のコツ",
    "答え方のポイント",
    "答え方",
    "回答例",
    "回答",
    "ポイント",
    "要点",
    "answer points",
    "key points",
    "how to answer",
    "answer",
    "points",
    "tips",
];

/// Whether `text` is an answer label on its own line (「回答のポイント」, "Key points:"):
/// it introduces the points below it and is none of them.
fn is_bare_answer_label(text: &str) -> bool {
    let bare = text
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end()
        .to_lowercase();
    ANSWER_LABELS.contains(&bare.as_str())
}

fn strip_answer_label(text: &str) -> String {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    for label in ANSWER_LABELS {
        // Lower-casing leaves Japanese and ASCII byte lengths as they are, so the label's
        // length indexes the original text too.
        if lower.starts_with(label) && trimmed.is_char_boundary(label.len()) {
            let rest = trimmed[label.len()..].trim_start();
            if let Some(points) = rest.strip_prefix(['：', ':']) {
                return points.trim().to_string();
            }
        }
    }
    trimmed.to_string()
}

/// `12. text` (also `12)`, `12．`) → (12, "text"). A decimal like `1.5倍` is not a number
/// prefix.
fn split_number(text: &str) -> Option<(u32, &str)> {
    let trimmed = text.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let number = trimmed[..digits].parse().ok()?;
    let rest = trimmed[digits..].strip_prefix(['.', ')', '．'])?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((number, rest.trim()))
}

// ---------------------------------------------------------------------------------------
// Text helpers

/// Splits a source answer into checkable points at `、` and `。` outside brackets, so
/// `リソースの適正化(Reserved Instances/Savings Plansの活用)` stays one point and its inner
/// `、` does not split it. `<br>` in a table cell also separates points.
pub fn split_answer_points(answer: &str) -> Vec<String> {
    let mut points = Vec::new();
    for segment in split_html_breaks(answer) {
        let mut depth = 0usize;
        let mut current = String::new();
        for c in segment.chars() {
            match c {
                '(' | '（' | '「' | '『' | '[' | '【' => depth += 1,
                ')' | '）' | '」' | '』' | ']' | '】' => depth = depth.saturating_sub(1),
                '、' | '。' if depth == 0 => {
                    points.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        points.push(current);
    }
    points
        .into_iter()
        .map(|point| point.trim().to_string())
        .filter(|point| !point.is_empty())
        .collect()
}

fn split_html_breaks(text: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.to_ascii_lowercase().find("<br") {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        segments.push(&rest[..start]);
        rest = &rest[start + end + 1..];
    }
    segments.push(rest);
    segments
}

/// Removes inline Markdown: emphasis `*`, code backticks, link targets and backslash
/// escapes (`D\&I` → `D&I`). A `*` with white space on both sides is a literal star.
fn clean_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        match c {
            '\\' if chars
                .get(index + 1)
                .is_some_and(|n| n.is_ascii_punctuation()) =>
            {
                out.push(chars[index + 1]);
                index += 2;
                continue;
            }
            '*' => {
                let before = index.checked_sub(1).map(|i| chars[i]);
                let after = chars.get(index + 1).copied();
                if before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
                {
                    out.push(c);
                }
            }
            '`' => {}
            '[' => {
                if let Some((label, next)) = link_at(&chars, index) {
                    out.push_str(&clean_inline(&label));
                    index = next;
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        index += 1;
    }
    out.trim().to_string()
}

/// A Markdown link `[label](target)` starting at `start`: its label and the index after it.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let close = start + chars[start..].iter().position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 1 + chars[close + 1..].iter().position(|c| *c == ')')?;
    Some((chars[start + 1..close].iter().collect(), end + 1))
}

/// A deck id from a name: lower-case, Unicode letters and digits kept, every other run of
/// characters turned into one `-`. Capped so it stays a reasonable file name.
pub fn slugify(name: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut slug = String::new();
    let mut pending_dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    let capped: String = slug.chars().take(MAX_CHARS).collect();
    capped.trim_matches('-').to_string()
}

fn file_stem(file_name: &str) -> &str {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{30ff}' // hiragana, katakana
            | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' // kanji
            | '\u{ff66}'..='\u{ff9f}') // half-width katakana
    })
}

// ---------------------------------------------------------------------------------------
// Role

/// The role a guide prepares for: the first role its slug or title names; failing that,
/// the role its text names most often (a plain-text guide may have a title like "組織の
/// 戦略と成長を牽引" and mention its role on every other line).
fn guess_role(slug: &str, title: &str, body: &str) -> &'static str {
    first_role_named(slug)
        .or_else(|| first_role_named(title))
        .or_else(|| most_named_role(body))
        .unwrap_or(role::OTHER)
}

/// Words for name matching: runs of ASCII letters and digits, lower-cased, and every other
/// letter (kanji, kana) on its own. `head_of_engineering` → [head, of, engineering].
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
            continue;
        }
        if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            words.push(c.to_string());
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Word positions where each role is named.
fn role_mentions(text: &str) -> Vec<(&'static str, usize)> {
    let text_words = words(text);
    let mut mentions = Vec::new();
    for role in role::ROLES {
        for name in role.named_as {
            let name_words = words(name);
            for (at, window) in text_words.windows(name_words.len()).enumerate() {
                if window == name_words.as_slice() {
                    mentions.push((role.id, at));
                }
            }
        }
    }
    mentions
}

fn first_role_named(text: &str) -> Option<&'static str> {
    role_mentions(text)
        .into_iter()
        .min_by_key(|(_, at)| *at)
        .map(|(role, _)| role)
}

fn most_named_role(text: &str) -> Option<&'static str> {
    let mentions = role_mentions(text);
    let mut counts: Vec<(&'static str, usize)> = role::ROLES
        .iter()
        .filter(|role| !role.named_as.is_empty())
        .map(|role| {
            let count = mentions.iter().filter(|(r, _)| *r == role.id).count();
            (role.id, count)
        })
        .collect();
    counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    match counts.as_slice() {
        [(role, top), (_, second), ..] if *top > *second => Some(role),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(card: &Card) -> Vec<&str> {
        card.points
            .iter()
            .map(|p| p.text.get(crate::core::content::deck::Lang::Ja))
            .collect()
    }

    /// How the guide was read, the line its interview section starts on, and the deck's
    /// id, title and role.
    fn heading(guide: &ImportedGuide) -> (QuestionLayout, usize, &str, Localized, &str) {
        let deck = &guide.deck;
        (
            guide.layout,
            guide.section_line,
            deck.id.as_str(),
            deck.title.clone(),
            deck.role.as_str(),
        )
    }

    fn question(card: &Card) -> &str {
        card.question.get(crate::core::content::deck::Lang::Ja)
    }

    const PIPE_TABLE_GUIDE: &str = "---json
{
  \"slug\": \"head_of_platform\",
  \"title\": \"【Head of Engineering】プラットフォーム責任者\",
  \"tags\": [\"a\", \"b\"]
}
---

## 💰 年収

| 経験年数 | 年収 |
| :--- | :--- |
| 5年 | 1000万円 |

## 9️⃣ 面接でよくある質問とその対策

前置きの文章です。

| 質問 | 回答のポイント（簡潔に） |
| :--- | :--- |
| 1. 技術負債をどう評価しますか？ | 「コスト」として定量化し、フレームワーク（例：A、B）を提示する。 |
| 2. **SLO**をどう決めますか？ | 顧客体験、エラーバジェット |

---

## 🔟 まとめ

| 質問 | 回答 |
| --- | --- |
| 3. 範囲外の質問？ | 範囲外 |
";

    #[test]
    fn pipe_table_with_json_front_matter() {
        let guide = import_guide("guide.md", PIPE_TABLE_GUIDE).unwrap();
        assert_eq!(
            heading(&guide),
            (
                QuestionLayout::PipeTable,
                15,
                "head-of-platform",
                Localized::japanese("【Head of Engineering】プラットフォーム責任者"),
                "hoe"
            )
        );
        let deck = &guide.deck;
        assert_eq!(
            deck.source,
            Some(Source {
                file: "guide.md".into(),
                section: Some("9️⃣ 面接でよくある質問とその対策".into()),
            })
        );
        let ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["head-of-platform-q01", "head-of-platform-q02"]);
        assert_eq!(question(&deck.cards[0]), "技術負債をどう評価しますか？");
        assert_eq!(
            points(&deck.cards[0]),
            [
                "「コスト」として定量化し",
                "フレームワーク（例：A、B）を提示する"
            ]
        );
        assert_eq!(question(&deck.cards[1]), "SLOをどう決めますか？");
        assert_eq!(points(&deck.cards[1]), ["顧客体験", "エラーバジェット"]);
        assert!(deck.cards.iter().all(|card| {
            card.question.en().is_none()
                && card
                    .points
                    .iter()
                    .all(|p| p.text.en().is_none() && !p.derived)
        }));
    }

    const NUMBERED_LIST_GUIDE: &str = "---
category: engineering
keywords: CTO, 技術戦略
related_jobs:
- vpoe
slug: cto_guide
title: 'CTO（Chief Technology Officer）の''ガイド'''
---

# CTOのガイド

## 8. 面接でよくある質問とその対策（CTO）

### 質問例と回答のポイント（抜粋3問）

1. **CTOの役割とは何だと考えていますか？**

   * *回答ポイント：技術と経営の橋渡し、技術戦略の策定、組織育成*

2. **エンジニア組織のD\\&I（多様性と包摂性）をどう意識していますか？**
* *回答ポイント：ビジョン型かサーバント型か、実例を伴って説明*
3. **外部ベンダーとの協業における注意点は？**

---

これらの質問は評価のためのものです。

4. **範囲外？**
";

    #[test]
    fn numbered_list_with_yaml_front_matter() {
        let guide = import_guide("cto.md", NUMBERED_LIST_GUIDE).unwrap();
        assert_eq!(
            heading(&guide),
            (
                QuestionLayout::NumberedList,
                12,
                "cto-guide",
                Localized::japanese("CTO（Chief Technology Officer）の'ガイド'"),
                "cto"
            )
        );
        let deck = &guide.deck;
        assert_eq!(
            deck.source.as_ref().and_then(|s| s.section.as_deref()),
            Some("8. 面接でよくある質問とその対策（CTO）")
        );
        let questions: Vec<&str> = deck.cards.iter().map(question).collect();
        assert_eq!(
            questions,
            [
                "CTOの役割とは何だと考えていますか？",
                "エンジニア組織のD&I（多様性と包摂性）をどう意識していますか？",
                "外部ベンダーとの協業における注意点は？",
            ]
        );
        assert_eq!(
            points(&deck.cards[0]),
            ["技術と経営の橋渡し", "技術戦略の策定", "組織育成"]
        );
        assert_eq!(
            points(&deck.cards[1]),
            ["ビジョン型かサーバント型か", "実例を伴って説明"]
        );
        assert!(deck.cards[2].points.is_empty());
        assert_eq!(guide.cards_without_points().count(), 1);
        assert_eq!(guide.point_count(), 5);
    }

    const PLAIN_TEXT_GUIDE: &str = "エンジニアリング組織の戦略と成長を牽引
Engineering一覧に戻る

1️⃣ VPoEとは?

VPoEはCTOの次のポジションです。VPoEは組織を率います。

9️⃣ 面接でよくある質問とその対策:技術戦略と組織運営

VPoEの面接では、戦略的な意思決定を下す能力が試されます。

質問 回答のポイント(簡潔に)
1. 技術的負債の戦略を説明してください。 負債を「開発速度の低下率」で定量化し、投資計画とROIを提示する。
2. 移行の判断基準は何ですか? 組織の規模、段階的な移行戦略(ストラングラーパターン、など)を説明する。
3. コスト(AWS/GCP)が急増した場合は？ FinOpsチームの立ち上げ、コスト監視ツールの導入。

10️⃣ まとめ:技術とビジネスの未来を築くVPoE

1. 範囲外の行? ここは対象外。
";

    #[test]
    fn plain_text_table_without_front_matter() {
        let guide = import_guide("001.txt", PLAIN_TEXT_GUIDE).unwrap();
        // Neither the (missing) slug nor the title names the role; the text names VPoE
        // more often than CTO.
        assert_eq!(
            heading(&guide),
            (
                QuestionLayout::PlainTable,
                8,
                "エンジニアリング組織の戦略と成長を牽引",
                Localized::japanese("エンジニアリング組織の戦略と成長を牽引"),
                "vpoe"
            )
        );
        let deck = &guide.deck;
        let questions: Vec<&str> = deck.cards.iter().map(question).collect();
        assert_eq!(
            questions,
            [
                "技術的負債の戦略を説明してください。",
                "移行の判断基準は何ですか?",
                "コスト(AWS/GCP)が急増した場合は？",
            ]
        );
        assert_eq!(
            points(&deck.cards[0]),
            [
                "負債を「開発速度の低下率」で定量化し",
                "投資計画とROIを提示する"
            ]
        );
        assert_eq!(
            points(&deck.cards[1]),
            [
                "組織の規模",
                "段階的な移行戦略(ストラングラーパターン、など)を説明する"
            ]
        );
        assert_eq!(
            points(&deck.cards[2]),
            ["FinOpsチームの立ち上げ", "コスト監視ツールの導入"]
        );
        assert_eq!(
            deck.cards[2].id,
            "エンジニアリング組織の戦略と成長を牽引-q03"
        );
    }

    #[test]
    fn an_emoji_numbered_line_ends_a_plain_text_section() {
        let text = "ガイド\n\n9️⃣ 面接でよくある質問\n\n1. **一つ目？**\n\n\
                    10️⃣ まとめ\n\n2. **範囲外？**\n\n🔟 おわりに\n";
        let deck = import_guide("x.txt", text).unwrap().deck;
        let questions: Vec<&str> = deck.cards.iter().map(question).collect();
        assert_eq!(questions, ["一つ目？"]);
    }

    #[test]
    fn english_guide_fills_the_english_texts() {
        let text = "# Head of Engineering Guide\r\n\r\n## 7. Common Interview Questions\r\n\r\n\
                    | # | Question | Answer |\r\n|---|---|---|\r\n\
                    | 1 | How do you measure productivity? | DORA metrics |\r\n\
                    | 2 | What is your hiring plan? | |\r\n";
        let guide = import_guide("hoe-en.md", &format!("\u{feff}{text}")).unwrap();
        let deck = &guide.deck;
        assert_eq!(deck.id, "head-of-engineering-guide");
        assert_eq!(deck.role, "hoe");
        assert_eq!(deck.title.en(), Some("Head of Engineering Guide"));
        assert_eq!(deck.title.ja(), None);
        let card = &deck.cards[0];
        assert_eq!(card.id, "head-of-engineering-guide-q01");
        assert_eq!(card.question.en(), Some("How do you measure productivity?"));
        assert_eq!(card.question.ja(), None);
        assert_eq!(card.points[0].text.en(), Some("DORA metrics"));
        assert!(deck.cards[1].points.is_empty());
    }

    #[test]
    fn english_plain_table_header() {
        let text = "Guide for the VP of Engineering\n\nInterview Questions\n\nQuestion Answer\n\
                    1. Why? Because\n2. How do you scale teams? Split by domain\n";
        let deck = import_guide("g.txt", text).unwrap().deck;
        assert_eq!(deck.role, "vpoe");
        let questions: Vec<_> = deck.cards.iter().map(|c| c.question.en()).collect();
        assert_eq!(questions, [Some("Why?"), Some("How do you scale teams?")]);
        assert_eq!(deck.cards[1].points[0].text.en(), Some("Split by domain"));
    }

    #[test]
    fn a_guide_without_the_section_is_an_error_not_an_empty_deck() {
        let text = "# VPoEとは\n\n面接の準備は大切です。\n\n1. **質問？**\n";
        let error = import_guide("a.md", text).unwrap_err();
        assert_eq!(
            error,
            ImportError::NoInterviewSection {
                line: 3,
                text: "面接の準備は大切です。".into()
            }
        );
        let message = error.to_string();
        assert!(message.contains("no interview section"), "{message}");
        assert!(message.contains("line 3"), "{message}");
    }

    fn questions_and_points(guide: &ImportedGuide) -> Vec<(String, Vec<&str>)> {
        guide
            .deck
            .cards
            .iter()
            .map(|card| (format!("{} {}", card.id, question(card)), points(card)))
            .collect()
    }

    #[test]
    fn questions_as_q_headings_with_points_below() {
        let text = "# My CTO notes\n\nWhat I want to remember.\n\n### Q1. How do you set the tech strategy?\n\n- Business goals first\n- A three-year roadmap\n\n### Q2. How do you hire seniors?\nReferrals, a fast loop.\n";
        let guide = import_guide("notes.md", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::Headings);
        assert_eq!(
            guide.deck.title.get(crate::core::content::deck::Lang::En),
            "My CTO notes"
        );
        assert_eq!(guide.deck.role, "cto");
        let cards = &guide.deck.cards;
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].id, "my-cto-notes-q01");
        assert_eq!(
            cards[0].question.get(crate::core::content::deck::Lang::En),
            "How do you set the tech strategy?"
        );
        assert_eq!(cards[0].points.len(), 2);
        assert_eq!(
            cards[1].points.len(),
            1,
            "a paragraph under a question is its point"
        );
        assert_eq!(guide.deck.source.as_ref().unwrap().section, None);
    }

    #[test]
    fn questions_as_numbered_headings_in_japanese() {
        let text = "# VPoE 面接メモ\n\n## 1. 組織をどう作りますか？\n\n- 採用計画、評価制度\n\n## 2. 技術負債をどう扱いますか？\n\n1. 定量化する\n2. 返済の予算を取る\n";
        let guide = import_guide("memo.md", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::Headings);
        assert_eq!(
            questions_and_points(&guide),
            [
                (
                    "vpoe-面接メモ-q01 組織をどう作りますか？".to_string(),
                    vec!["採用計画", "評価制度"]
                ),
                (
                    "vpoe-面接メモ-q02 技術負債をどう扱いますか？".to_string(),
                    vec!["定量化する", "返済の予算を取る"]
                ),
            ]
        );
        assert_eq!(guide.section_line, 3);
    }

    #[test]
    fn q_and_a_pairs() {
        let text = "Q: How do you run incidents?\nA: Blameless reviews, an on-call rota.\n\nQ: 予算はどう決めますか？\nA: 事業計画から逆算、四半期ごとに見直す\n- 採用費も含める\n";
        let guide = import_guide("qa.txt", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::QaPairs);
        assert_eq!(guide.deck.id, "qa", "no title: the file's name");
        let cards = &guide.deck.cards;
        assert_eq!(cards.len(), 2);
        assert_eq!(points(&cards[0]), ["Blameless reviews, an on-call rota."]);
        assert_eq!(
            points(&cards[1]),
            ["事業計画から逆算", "四半期ごとに見直す", "採用費も含める"]
        );
    }

    #[test]
    fn the_other_usual_names_of_the_interview_section() {
        for heading in [
            "面接でよく聞かれる質問",
            "想定質問と答え方",
            "Interview questions",
            "Common Questions",
            // Worded otherwise by other guides.
            "よく聞かれる面接質問と回答のポイント",
            "面接で想定される質問",
            "面接の頻出質問と答え方",
            "選考で聞かれる質問",
            "面接 Q&A",
            "Frequently asked interview questions",
            "Questions you are likely to be asked",
        ] {
            let text = format!(
                "# Guide\n\nIntro.\n\n## {heading}\n\n1. **Why this role?**\n   * Answer: growth\n\n## Summary\n\nProse.\n"
            );
            let guide =
                import_guide("g.md", &text).unwrap_or_else(|error| panic!("{heading}: {error}"));
            assert_eq!(guide.layout, QuestionLayout::NumberedList, "{heading}");
            assert_eq!(guide.section_line, 5, "{heading}");
            assert_eq!(guide.question_count(), 1, "{heading}");
        }
    }

    #[test]
    fn the_label_before_a_questions_answer_points_is_not_a_point() {
        for (line, points) in [
            ("回答ポイント：技術と経営の橋渡し", "技術と経営の橋渡し"),
            ("答え方のポイント：結論から話す", "結論から話す"),
            ("回答の要点: 数字で示す", "数字で示す"),
            ("回答のコツ：実例を添える", "実例を添える"),
            (
                "How to answer: lead with the outcome",
                "lead with the outcome",
            ),
            ("Tips: name the trade-off", "name the trade-off"),
            // Without a colon the words are the point's own.
            ("ポイントは早めの共有", "ポイントは早めの共有"),
        ] {
            assert_eq!(strip_answer_label(line), points, "{line}");
        }
    }

    #[test]
    fn an_answer_label_on_its_own_line_is_not_a_point() {
        let guide = "# SRE guide\n\n## 面接でよく聞かれる質問\n\n### Q1. 障害対応の文化をどう作りますか？\n\n回答のポイント\n- 非難しないポストモーテム\n- MTTR を追う\n\n### Q2. How do you set SLOs?\n\n**Key points:**\n- Work back from the user\n\n## まとめ\n";
        let imported = import_guide("sre.md", guide).unwrap();
        let points: Vec<Vec<&str>> = imported.deck.cards.iter().map(points).collect();
        assert_eq!(
            points,
            [
                vec!["非難しないポストモーテム", "MTTR を追う"],
                vec!["Work back from the user"]
            ]
        );
        for label in [
            "回答のポイント",
            "回答ポイント：",
            "Answer points",
            "How to answer:",
        ] {
            assert!(is_bare_answer_label(label), "{label}");
        }
        // Words after the label are a point; a point that starts like one is a point.
        for line in [
            "回答のポイント：数字で示す",
            "ポイントは早めの共有",
            "Answers differ",
        ] {
            assert!(!is_bare_answer_label(line), "{line}");
        }
    }

    #[test]
    fn a_table_whose_answer_column_is_named_otherwise() {
        for column in ["答え方", "要点", "How to answer", "Tips"] {
            // A plain-text table: the header line names both columns.
            let text = format!(
                "# Guide\n\n## 面接でよく聞かれる質問\n\n質問 {column}\n1. なぜ転職を？ 成長のため、裁量を求めて\n2. 強みは？ 採用\n"
            );
            let guide =
                import_guide("g.md", &text).unwrap_or_else(|error| panic!("{column}: {error}"));
            assert_eq!(guide.layout, QuestionLayout::PlainTable, "{column}");
            assert_eq!(
                points(&guide.deck.cards[0]),
                ["成長のため", "裁量を求めて"],
                "{column}"
            );
        }
    }

    #[test]
    fn a_guides_faq_is_not_its_interview() {
        // The FAQ about the job comes first and reads as Q/A pairs; the interview section,
        // worded unusually, is the one imported.
        let text = "# Guide\n\n## よくある質問\n\nQ1. 年収は？\nA1. 1,000万円前後。\n\n## 面接で聞かれる質問\n\n1. **Why this role?**\n   * Answer: growth\n";
        let guide = import_guide("g.md", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::NumberedList);
        assert_eq!(guide.question_count(), 1);
        // A usual name wins over another wording, wherever each is.
        let text = "# Guide\n\n## 面接で聞かれる質問（抜粋）\n\nQ1. 強みは？\nA1. 採用。\n\n## 想定質問\n\n1. **Why this role?**\n   * Answer: growth\n2. **Why now?**\n   * Answer: timing\n";
        let guide = import_guide("g.md", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::NumberedList);
        assert_eq!(guide.question_count(), 2);
    }

    #[test]
    fn a_section_of_q_headings_or_q_and_a_pairs() {
        let headings = "# Guide\n\n## 想定質問\n\n### Q1. なぜ転職を？\n成長のため。\n\n### Q2. 強みは？\n- 採用\n\n## まとめ\n文章。\n";
        let guide = import_guide("g.md", headings).unwrap();
        assert_eq!(guide.layout, QuestionLayout::Headings);
        assert_eq!(guide.question_count(), 2);
        let pairs = "# Guide\n\n## Common questions\n\nQ1. Why leave?\nA1. To grow.\nQ2. Strengths?\nA2. Hiring.\n";
        let guide = import_guide("g.md", pairs).unwrap();
        assert_eq!(guide.layout, QuestionLayout::QaPairs);
        assert_eq!(guide.deck.cards[1].id, "guide-q02");
    }

    #[test]
    fn a_file_of_nothing_but_questions() {
        let text = "How do you grow a team from 10 to 50?\n組織をどう作りますか？\n- What would you change first?\n3. How do you measure delivery?\n";
        let guide = import_guide("questions.txt", text).unwrap();
        assert_eq!(guide.layout, QuestionLayout::QuestionList);
        assert_eq!(guide.question_count(), 4);
        assert_eq!(guide.cards_without_points().count(), 4);
        assert_eq!(guide.deck.id, "questions");
    }

    #[test]
    fn anything_else_is_refused_naming_its_line() {
        // Prose between questions of a list: no question, no point of one.
        let list = "1. How do you hire?\n2. How do you fire?\nI am not sure about this one.\n";
        assert_eq!(
            import_guide("a.txt", list),
            Err(ImportError::NoInterviewSection {
                line: 3,
                text: "I am not sure about this one.".into()
            })
        );
        // An article: question headings, then prose under a heading that asks nothing.
        let article = "# VPoEとは\n\n## 1. VPoEとは？\n\n説明。\n\n## まとめ\n\nまとめの文章。\n";
        assert_eq!(
            import_guide("a.md", article),
            Err(ImportError::NoInterviewSection {
                line: 9,
                text: "まとめの文章。".into()
            })
        );
        // An answer with no question.
        assert!(matches!(
            import_guide("a.txt", "A: to grow\n"),
            Err(ImportError::NoInterviewSection { line: 1, .. })
        ));
    }

    #[test]
    fn a_section_without_questions_is_its_own_error() {
        let text =
            "# Guide\n\n## 面接でよくある質問\n\n準備中です\n\n## まとめ\n\n1. **範囲外？**\n";
        assert_eq!(
            import_guide("a.md", text),
            Err(ImportError::NoQuestions {
                heading: "面接でよくある質問".into(),
                line: 3
            })
        );
    }

    #[test]
    fn a_mention_in_a_subheading_does_not_hide_the_real_section() {
        let text = "# Guide\n\n### 面接でよくある質問の傾向\n\n傾向の説明\n\n\
                    ## 面接でよくある質問と回答\n\n1. **本当の質問？**\n";
        let guide = import_guide("a.md", text).unwrap();
        assert_eq!(guide.section_line, 7);
        assert_eq!(question(&guide.deck.cards[0]), "本当の質問？");
    }

    #[test]
    fn repeated_numbers_fall_back_to_positions_for_unique_ids() {
        let text = "## 面接でよくある質問\n\n1. **一つ目？**\n1. **二つ目？**\n";
        let ids: Vec<String> = import_guide("x.md", text)
            .unwrap()
            .deck
            .cards
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, ["面接でよくある質問-q01", "面接でよくある質問-q02"]);
    }

    #[test]
    fn broken_json_front_matter_is_reported_with_its_line() {
        let text = "---json\n{\n  \"slug\": \"x\",\n}\n---\n## 面接でよくある質問\n1. **q？**\n";
        let Err(ImportError::FrontMatter { line, reason }) = import_guide("x.md", text) else {
            panic!("expected a front-matter error");
        };
        assert_eq!(line, 1);
        assert!(reason.contains("line 4"), "{reason}");
        let unclosed = "---json\n{}\n## 面接でよくある質問\n1. **q？**\n";
        assert!(matches!(
            import_guide("x.md", unclosed),
            Err(ImportError::FrontMatter { line: 1, .. })
        ));
    }

    #[test]
    fn a_leading_rule_without_a_closing_one_is_not_front_matter() {
        let text = "---\n# CTO Guide\n## Interview Questions\n1. **Why?**\n";
        let deck = import_guide("x.md", text).unwrap().deck;
        assert_eq!(deck.id, "cto-guide");
        assert_eq!(deck.role, "cto");
    }

    #[test]
    fn answer_points_split_outside_brackets_only() {
        assert_eq!(
            split_answer_points("A(x、y)、B（p、q。r）、C。D。"),
            ["A(x、y)", "B（p、q。r）", "C", "D"]
        );
        assert_eq!(split_answer_points("  、。 "), Vec::<String>::new());
        assert_eq!(split_answer_points("一<br>二、三"), ["一", "二", "三"]);
        // An unbalanced closing bracket must not disable splitting for the rest.
        assert_eq!(split_answer_points("a)、b"), ["a)", "b"]);
    }

    #[test]
    fn slugs_keep_unicode_letters_and_collapse_the_rest() {
        assert_eq!(slugify("Head_of_Engineering"), "head-of-engineering");
        assert_eq!(
            slugify("  --CTO（最高技術責任者）!! "),
            "cto-最高技術責任者"
        );
        assert_eq!(slugify("🚀"), "");
        assert_eq!(slugify("9️⃣ 面接"), "9-面接");
    }

    #[test]
    fn roles_from_slug_then_title_then_text() {
        assert_eq!(guess_role("head_of_engineering", "", ""), "hoe");
        assert_eq!(guess_role("", "VPoEとCTOの違い", ""), "vpoe");
        assert_eq!(guess_role("", "Chief Technology Officer の仕事", ""), "cto");
        assert_eq!(guess_role("", "", "最高技術責任者 と CTO と VPoE"), "cto");
        assert_eq!(guess_role("", "", "CTO と VPoE"), "other");
        assert_eq!(guess_role("shoe-guide", "Photo", "a hoed field"), "other");
    }

    #[test]
    fn inline_markup_is_removed_but_escaped_and_spaced_stars_stay() {
        assert_eq!(
            clean_inline("**太字** と *斜体* と `code`"),
            "太字 と 斜体 と code"
        );
        assert_eq!(
            clean_inline("D\\&I と \\*星\\* と 2 * 3"),
            "D&I と *星* と 2 * 3"
        );
        assert_eq!(
            clean_inline("[リンク](https://example.com)です"),
            "リンクです"
        );
    }
}
