//! A user's own notes, as people write them when no guide's layout fits: questions as
//! headings (`### Q1. …`, `## 1. …`) with their answer points below, `Q:`/`A:` pairs, or a
//! file that is nothing but the questions, one a line.
//!
//! Read strictly: outside an interview section nothing else may stand between the
//! questions, so an article (prose under headings) is refused at its first line of prose
//! rather than turned into a deck of paragraphs.

use super::{
    FoundQuestion, atx_heading, bullet_text, clean_inline, is_bare_answer_label,
    split_answer_points, strip_answer_label,
};

/// How a file of notes lists its questions, as the first question shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NotesShape {
    /// `### Q1. …` or `## 1. …` or `## …？` headings, the answer points below.
    Headings,
    /// `Q:` / `A:` lines.
    QaPairs,
    /// One question a line (numbered, bulleted or ending in a question mark).
    QuestionList,
}

/// A line that is not part of any question: its 1-based number within the lines read, and
/// its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unreadable {
    pub index: usize,
    pub text: String,
}

/// Where a question came from decides what its following lines are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opened {
    /// A heading or a `Q:` label: every line up to the next question is an answer point.
    Explicitly { heading_level: Option<usize> },
    /// A line of a plain list: only indented items and an `A:` line belong to it.
    AsListItem,
}

/// Reads `lines` as notes. `title` is the index of a line to pass over (the file's title).
/// Text before the first question is an introduction where the questions are marked
/// (headings or `Q:`), and refused where they are a plain list, where it cannot be told
/// from a question.
pub(super) fn read_notes(
    lines: &[&str],
    title: Option<usize>,
) -> Result<(NotesShape, Vec<FoundQuestion>), Unreadable> {
    let marked = lines.iter().enumerate().any(|(index, line)| {
        Some(index) != title && (question_label(line).is_some() || question_heading(line).is_some())
    });
    let mut questions: Vec<FoundQuestion> = Vec::new();
    let mut shape = None;
    let mut opened: Option<Opened> = None;
    let mut answering = false;
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() || Some(index) == title {
            continue;
        }
        let unreadable = || Unreadable {
            index,
            text: line.trim().to_string(),
        };
        if let Some((level, number, question)) = question_heading(line) {
            shape.get_or_insert(NotesShape::Headings);
            questions.push(found(number, &question));
            opened = Some(Opened::Explicitly {
                heading_level: Some(level),
            });
            answering = false;
            continue;
        }
        if let Some((level, _)) = atx_heading(line) {
            // A heading that is not a question: a group of questions ("## Hiring") ends the
            // question above it; a deeper one ("#### Answer points") labels its points.
            match opened {
                Some(Opened::Explicitly {
                    heading_level: Some(question_level),
                }) if level > question_level => {}
                _ => {
                    opened = None;
                    answering = false;
                }
            }
            continue;
        }
        if let Some((number, question)) = question_label(line) {
            shape.get_or_insert(NotesShape::QaPairs);
            questions.push(found(number, &question));
            opened = Some(Opened::Explicitly {
                heading_level: None,
            });
            answering = false;
            continue;
        }
        if let Some(answer) = answer_label(line) {
            let Some(current) = questions.last_mut().filter(|_| opened.is_some()) else {
                return Err(unreadable());
            };
            current.points.extend(split_answer_points(&answer));
            answering = true;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let item = list_item(line);
        let belongs = match opened {
            Some(Opened::Explicitly { .. }) => true,
            Some(Opened::AsListItem) => answering || (indented && item.is_some()),
            None => false,
        };
        if belongs && let Some(current) = questions.last_mut() {
            let text = item.map_or_else(|| clean_inline(line), |(_, text)| text);
            if is_bare_answer_label(&text) {
                continue;
            }
            current
                .points
                .extend(split_answer_points(&strip_answer_label(&text)));
            continue;
        }
        if marked {
            // Before the first marked question: the notes' introduction. After a group
            // heading, prose under no question is not a question and not a point.
            if questions.is_empty() {
                continue;
            }
            return Err(unreadable());
        }
        match item.or_else(|| plain_question(line).map(|question| (None, question))) {
            Some((number, question)) => {
                shape.get_or_insert(NotesShape::QuestionList);
                questions.push(found(number, &question));
                opened = Some(Opened::AsListItem);
                answering = false;
            }
            None => return Err(unreadable()),
        }
    }
    match shape {
        Some(shape) if !questions.is_empty() => Ok((shape, questions)),
        _ => Err(Unreadable {
            index: lines
                .iter()
                .enumerate()
                .position(|(index, line)| Some(index) != title && !line.trim().is_empty())
                .unwrap_or(0),
            text: String::new(),
        }),
    }
}

/// Whether a line is a question in any of the shapes read here (a file's first line may
/// be its title or its first question).
pub(super) fn is_question_line(line: &str) -> bool {
    question_heading(line).is_some()
        || question_label(line).is_some()
        || list_item(line).is_some()
        || plain_question(line).is_some()
}

fn found(number: Option<u32>, question: &str) -> FoundQuestion {
    FoundQuestion {
        number,
        question: question.to_string(),
        points: Vec::new(),
    }
}

/// A heading that is a question: `Q1. …`, `1. …` or text ending in a question mark.
fn question_heading(line: &str) -> Option<(usize, Option<u32>, String)> {
    let (level, text) = atx_heading(line)?;
    let text = clean_inline(text);
    if let Some((number, question)) = question_label(&text) {
        return Some((level, number, question));
    }
    if let Some((number, question)) = numbered(&text) {
        return Some((level, Some(number), question.to_string()));
    }
    ends_as_question(&text).then(|| (level, None, text.clone()))
}

/// `Q:`, `Q.`, `Q1.`, `Q1:`, `Q 1)`, `**Q1.**`, `質問：`, `問1.`: the question's number (if
/// any) and text. `Quality…` or `Q&A` are not labels: a number or a separator must follow.
fn question_label(line: &str) -> Option<(Option<u32>, String)> {
    let text = clean_inline(bullet_text(line).unwrap_or(line));
    let rest = ["質問", "問", "Q", "q"]
        .iter()
        .find_map(|label| text.strip_prefix(label))?;
    let (number, rest) = label_number(rest)?;
    let question = rest.trim();
    (!question.is_empty()).then(|| (number, question.to_string()))
}

/// `A:`, `A.`, `A1:`, `回答：`, `答え:`: the answer's text.
fn answer_label(line: &str) -> Option<String> {
    let text = clean_inline(bullet_text(line).unwrap_or(line));
    let rest = ["回答", "答え", "答", "A", "a"]
        .iter()
        .find_map(|label| text.strip_prefix(label))?;
    let (_, rest) = label_number(rest)?;
    Some(rest.trim().to_string())
}

/// After a label: an optional number, then `.`, `:`, `)` (half or full width), or white
/// space after a number. `None` when neither follows (`Quality`, `Q&A`, `Again`).
fn label_number(rest: &str) -> Option<(Option<u32>, &str)> {
    let rest = rest.trim_start_matches(' ');
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let number = rest[..digits].parse().ok();
    let after = &rest[digits..];
    if let Some(text) = after.strip_prefix(['.', ':', ')', '．', '：', '）', '-']) {
        return Some((number, text));
    }
    (digits > 0 && after.starts_with([' ', '\u{3000}'])).then_some((number, after))
}

/// A numbered or bulleted line: its number and text.
fn list_item(line: &str) -> Option<(Option<u32>, String)> {
    if let Some(text) = bullet_text(line) {
        return Some((None, clean_inline(text)));
    }
    numbered(line.trim()).map(|(number, text)| (Some(number), clean_inline(text)))
}

fn numbered(text: &str) -> Option<(u32, &str)> {
    super::split_number(text).filter(|(_, rest)| !rest.is_empty())
}

/// A plain line that is a question by its question mark.
fn plain_question(line: &str) -> Option<String> {
    let text = clean_inline(line);
    ends_as_question(&text).then_some(text)
}

fn ends_as_question(text: &str) -> bool {
    text.trim_end_matches([')', '）', '」', '*', ' '])
        .ends_with(['?', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(NotesShape, Vec<FoundQuestion>), Unreadable> {
        let lines: Vec<&str> = text.lines().collect();
        read_notes(&lines, None)
    }

    #[test]
    fn labels_need_a_number_or_a_separator() {
        assert_eq!(question_label("Q1. Why?"), Some((Some(1), "Why?".into())));
        assert_eq!(question_label("**Q:** Why?"), Some((None, "Why?".into())));
        assert_eq!(
            question_label("質問：なぜ？"),
            Some((None, "なぜ？".into()))
        );
        assert_eq!(question_label("Quality matters"), None);
        assert_eq!(question_label("Q&A"), None);
        assert_eq!(answer_label("A: Because"), Some("Because".into()));
        assert_eq!(answer_label("Again and again"), None);
    }

    #[test]
    fn a_point_of_a_list_question_must_be_indented() {
        let (shape, questions) =
            read("1. How do you hire?\n   - referrals\n2. How do you fire?\n").unwrap();
        assert_eq!(shape, NotesShape::QuestionList);
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].points, ["referrals"]);
    }

    #[test]
    fn an_answer_without_a_question_is_unreadable() {
        assert_eq!(
            read("A: nothing asked\nQ: Why?\n"),
            Err(Unreadable {
                index: 0,
                text: "A: nothing asked".into()
            })
        );
    }
}
