//! Japanese line breaking (kinsoku shori): wrapped text never begins a line with a closing
//! bracket, 。、, a small kana or ー, nor ends one with an opening bracket — the basic
//! rules of JIS X 4051 and the W3C's "Requirements for Japanese Text Layout" (§3.1.7,
//! 3.1.8).
//!
//! egui breaks CJK text between any two characters except before a few that may not begin
//! a line; it still breaks after an opening bracket (「 followed by a kanji is a "before a
//! CJK character" break to it), and its rules cannot be changed from outside. So the rows
//! are chosen here: the text is laid out once without wrapping (egui caches that galley),
//! a row is filled greedily up to the width and, where it must break, it breaks at the
//! last place the rules allow, pushing a forbidden character down with the one before it
//! (oidashi). Each row is then laid out on its own and the rows joined into one galley
//! whose text is the original, unchanged — so a `TextEdit` can use it as its layouter,
//! with the cursor where it belongs.

use egui::text::{ByteIndex, LayoutJob, LayoutSection};
use egui::{Galley, Ui};
use std::sync::Arc;

/// Characters that may not begin a line: closing brackets and quotes, the ideographic
/// full stop and comma, small kana, the prolonged sound mark, iteration marks, and the
/// punctuation that follows what it closes (JIS X 4051 classes 2–6).
const NO_LINE_START: &str = ")]}）］｝〕〉》」』】〙〗〟’”｠»、。，．,.・：；:;！？!?‼⁇⁈⁉ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿゝゞヽヾ々〻‐゠–〜～…‥%％";

/// Characters that may not end a line: opening brackets and quotes (JIS X 4051 class 1).
const NO_LINE_END: &str = "([{（［｛〔〈《「『【〘〖〝‘“｟«";

/// Whether a script that breaks between any two of its characters: kana, kanji and the
/// full-width forms and punctuation around them.
fn breaks_anywhere(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // small katakana extensions
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' // kanji
        | '\u{ff00}'..='\u{ffef}') // full-width and half-width forms
}

/// Whether a line may end with `before` and the next begin with `after`.
pub fn may_break_between(before: char, after: char) -> bool {
    if NO_LINE_START.contains(after) || NO_LINE_END.contains(before) {
        return false;
    }
    if after.is_whitespace() {
        // A space stays at the end of its line, where it takes no room.
        return false;
    }
    before.is_whitespace()
        || breaks_anywhere(before)
        || breaks_anywhere(after)
        || matches!(before, '-' | '/' | '—')
}

fn hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}')
}

/// Whether a break between `before` and `after` falls between two phrases (文節), where a
/// Japanese reader expects a line to end: after a space or closing punctuation, and
/// where a run of hiragana (a particle, an inflection: 「入力済みの」「数字なしで」) ends and
/// a word begins. A word's own characters (「入力済」/「み」, 「数」/「字」) are not.
/// BudouX does this with a trained model; this keeps to the transitions of scripts,
/// which is most of what it learns.
pub fn phrase_boundary(before: char, after: char) -> bool {
    if !may_break_between(before, after) {
        return false;
    }
    before.is_whitespace()
        || "、。，．）」』】〕！？!?".contains(before)
        || (hiragana(before) && !hiragana(after))
}

/// Where each row of a paragraph begins: indices into `chars`, the first 0. `right[i]` is
/// where character `i` ends, measured from the paragraph's start. Rows hold as much as
/// fits in `width`; a row too full breaks at the last phrase boundary that leaves it at
/// least half full ([`phrase_boundary`]), else at the last place [`may_break_between`]
/// allows, or, where there is none (a long word), where it overflows.
pub fn row_starts(chars: &[char], right: &[f32], width: f32) -> Vec<usize> {
    let mut starts = vec![0];
    let mut row_left = 0.0;
    let mut start = 0;
    for index in 0..chars.len().min(right.len()) {
        if right[index] - row_left <= width || index == start || chars[index].is_whitespace() {
            continue;
        }
        let half_full = |at: usize| right[at - 1] - row_left >= width / 2.0;
        let phrase = (start + 1..=index)
            .rev()
            .take_while(|&at| half_full(at))
            .find(|&at| phrase_boundary(chars[at - 1], chars[at]));
        let allowed = phrase.or_else(|| {
            (start + 1..=index)
                .rev()
                .find(|&at| may_break_between(chars[at - 1], chars[at]))
        });
        let at = allowed.unwrap_or(index);
        starts.push(at);
        start = at;
        row_left = right[at - 1];
    }
    starts
}

/// `job` laid out to `wrap_width` with the rows [`row_starts`] chooses, its text and
/// formats unchanged.
pub fn layout(ui: &Ui, mut job: LayoutJob, wrap_width: f32) -> Arc<Galley> {
    job.wrap.max_width = f32::INFINITY;
    let job = Arc::new(job);
    let unwrapped = ui.fonts_mut(|fonts| fonts.layout_job((*job).clone()));
    // Each paragraph of the unwrapped galley is one row, a glyph a character.
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new(); // (start byte, end byte, soft)
    let mut byte = 0;
    let text = job.text.as_str();
    for placed in &unwrapped.rows {
        let glyphs = &placed.row.glyphs;
        let chars: Vec<char> = glyphs.iter().map(|glyph| glyph.chr).collect();
        let left = glyphs.first().map_or(0.0, |glyph| glyph.pos.x);
        let right: Vec<f32> = glyphs.iter().map(|glyph| glyph.max_x() - left).collect();
        let starts = row_starts(&chars, &right, wrap_width);
        // Byte offsets of the paragraph's characters.
        let mut offsets = Vec::with_capacity(chars.len() + 1);
        let mut at = byte;
        for c in &chars {
            offsets.push(at);
            at += c.len_utf8();
        }
        offsets.push(at);
        for (row, &first) in starts.iter().enumerate() {
            let last = starts.get(row + 1).copied().unwrap_or(chars.len());
            let soft = row + 1 < starts.len();
            pieces.push((offsets[first], offsets[last], soft));
        }
        byte = at;
        if placed.ends_with_newline {
            byte += '\n'.len_utf8();
        }
    }
    if byte != text.len() || pieces.iter().all(|(_, _, soft)| !soft) {
        // Nothing to break (or glyphs that are not one a character): egui's own wrapping.
        let mut wrapped = (*job).clone();
        wrapped.wrap.max_width = wrap_width;
        return ui.fonts_mut(|fonts| fonts.layout_job(wrapped));
    }
    let galleys: Vec<Arc<Galley>> = pieces
        .iter()
        .map(|&(start, end, _)| ui.fonts_mut(|fonts| fonts.layout_job(slice(&job, start, end))))
        .collect();
    let mut joined = Galley::concat(Arc::clone(&job), &galleys, ui.pixels_per_point());
    // `concat` joins paragraphs, as if a newline stood between every two pieces; only the
    // text's own newlines are, and a row broken here ends without one.
    let mut row = 0;
    for (galley, &(_, _, soft)) in galleys.iter().zip(&pieces) {
        row += galley.rows.len();
        if soft && let Some(last) = joined.rows.get_mut(row - 1) {
            last.ends_with_newline = false;
        }
    }
    Arc::new(joined)
}

/// The part `start..end` of `job`'s text with its formats, as a job of its own.
fn slice(job: &LayoutJob, start: usize, end: usize) -> LayoutJob {
    let mut part = LayoutJob {
        text: job.text[start..end].to_string(),
        sections: Vec::new(),
        ..job.clone()
    };
    for section in &job.sections {
        let (first, last) = (section.byte_range.start.0, section.byte_range.end.0);
        let from = first.max(start);
        let to = last.min(end);
        if from < to {
            part.sections.push(LayoutSection {
                leading_space: if first >= start {
                    section.leading_space
                } else {
                    0.0
                },
                byte_range: ByteIndex(from - start)..ByteIndex(to - start),
                format: section.format.clone(),
            });
        }
    }
    part
}

/// A `TextEdit` layouter in the body style wrapping by the rules above: for boxes where
/// Japanese is typed (a story's parts, a question, a note).
pub fn layouter(ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32) -> Arc<Galley> {
    let format = egui::TextFormat::simple(
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    layout(
        ui,
        LayoutJob::single_section(buffer.as_str().to_string(), format),
        wrap_width,
    )
}

/// A label wrapped to the width available, by the rules above.
pub fn label(ui: &mut Ui, job: LayoutJob) -> egui::Response {
    let galley = layout(ui, job, ui.available_width());
    ui.add(egui::Label::new(galley))
}

/// A label of running text, wrapped by the rules above when it holds Japanese and the
/// layout stacks its widgets; otherwise (Latin text, or a row of widgets, where a label
/// keeps egui's placement) as `ui.label` draws it.
pub fn paragraph(ui: &mut Ui, text: impl Into<egui::RichText>) -> egui::Response {
    let text = text.into();
    if ui.layout().is_horizontal() || !text.text().chars().any(breaks_anywhere) {
        return ui.label(text);
    }
    let job = job(ui, text);
    label(ui, job)
}

/// `text` in one format, as a job to lay out.
pub fn job(ui: &Ui, text: impl Into<egui::RichText>) -> LayoutJob {
    let mut job = LayoutJob::default();
    text.into().append_to(
        &mut job,
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Min,
    );
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of `text` where every character is one unit wide, `width` units to a row.
    fn rows(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let right: Vec<f32> = (1..=chars.len()).map(|n| n as f32).collect();
        let mut starts = row_starts(&chars, &right, width as f32);
        starts.push(chars.len());
        starts
            .windows(2)
            .map(|pair| chars[pair[0]..pair[1]].iter().collect())
            .collect()
    }

    #[test]
    fn no_line_begins_with_closing_punctuation_small_kana_or_a_long_vowel_mark() {
        // Filled to 8, the 9th character (。) would begin the next line: 計 goes down
        // with it (no phrase boundary in a run of kanji to break at instead).
        assert_eq!(rows("技術負債削減計画。", 9), ["技術負債削減計画。"]);
        assert_eq!(rows("技術負債削減計画。", 8), ["技術負債削減計", "画。"]);
        assert_eq!(
            rows("組織をつくる」と言う", 6),
            ["組織をつく", "る」と言う"]
        );
        // Neither ー nor a small ャ begins a row: ネ goes down with ー.
        assert_eq!(
            rows("エンジニアリングマネージャー", 6),
            ["エンジニアリ", "ングマネー", "ジャー"]
        );
        assert_eq!(
            rows("エンジニアリングマネージャー", 5),
            ["エンジニア", "リングマ", "ネージャー"]
        );
        for row in rows(
            "エンジニアリングマネージャーとして、チームの「心理的安全性」を高めた。",
            5,
        )
        .iter()
        .skip(1)
        {
            let first = row.chars().next().unwrap_or(' ');
            assert!(!NO_LINE_START.contains(first), "{row}");
        }
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        assert_eq!(
            rows("目標は「速く出す」こと", 4),
            ["目標は", "「速く", "出す」", "こと"]
        );
        for row in rows("方針（案）を【必ず】共有し「合意」を得る", 3) {
            let last = row.chars().last().unwrap_or(' ');
            assert!(!NO_LINE_END.contains(last), "{row}");
        }
    }

    #[test]
    fn latin_words_break_at_spaces_and_a_word_too_long_where_it_overflows() {
        assert_eq!(
            rows("hire the best people", 9),
            ["hire the ", "best ", "people"]
        );
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Between Japanese and a Latin word a line may break.
        assert_eq!(rows("SLOを決めるAPI", 5), ["SLOを", "決める", "API"]);
    }

    /// Rows end between phrases, not inside a word: 「入力済」/「み」 and 「数」/「字なし」
    /// were what the rules alone gave.
    #[test]
    fn rows_end_between_phrases_where_one_leaves_the_row_half_full() {
        assert_eq!(rows("技術負債を減らす。", 8), ["技術負債を", "減らす。"]);
        assert_eq!(
            rows("技術負債を減らす。次に", 8),
            ["技術負債を", "減らす。次に"]
        );
        assert_eq!(
            rows("回答が入力済みの模擬面接", 6),
            ["回答が", "入力済みの", "模擬面接"]
        );
        assert_eq!(
            rows("具体的な数字なしで答えた", 5),
            ["具体的な", "数字なしで", "答えた"]
        );
        // The statistics' empty states, at every width from 8 to 40 characters: no row
        // ends inside 答える or 抜けやすい, as egui's own wrapping did.
        let sentences = [
            "声で答えた回答はまだありません。学習中に「● 声で答える」（Shift+V）を押して声で答え、評価すると、話した時間と速さが週ごとにここに表示されます。",
            "まだありません。回答ポイントにチェックを付けて採点すると、抜けやすいポイントがここに出ます。",
        ];
        for sentence in sentences {
            for width in 8..=40 {
                let rows = rows(sentence, width);
                for pair in rows.windows(2) {
                    let joint = format!(
                        "{}|{}",
                        pair[0]
                            .chars()
                            .rev()
                            .take(2)
                            .collect::<Vec<_>>()
                            .iter()
                            .rev()
                            .collect::<String>(),
                        pair[1].chars().take(3).collect::<String>()
                    );
                    for word in ["答える", "抜けやすい"] {
                        let split = (1..word.chars().count()).any(|at| {
                            let (head, tail): (String, String) = (
                                word.chars().take(at).collect(),
                                word.chars().skip(at).collect(),
                            );
                            pair[0].ends_with(&head) && pair[1].starts_with(&tail)
                        });
                        assert!(!split, "{width}: {word} split at {joint}");
                    }
                }
            }
        }
        // A boundary that would leave the row less than half full is not taken: the
        // rules alone choose.
        assert_eq!(rows("をエンジニアリング", 6), ["をエンジニア", "リング"]);
        // Katakana and kanji that make one word stay together as long as the rules let
        // them; a particle after them is part of their phrase.
        assert!(!phrase_boundary('ム', 'の'));
        assert!(!phrase_boundary('術', 'チ'));
        assert!(phrase_boundary('の', '技'));
        assert!(phrase_boundary('、', 'チ'));
        assert!(!phrase_boundary('の', '。'));
    }

    /// Through egui's own layout, with the app's fonts: every row of a wrapped galley
    /// keeps the rules, the rows hold the text unchanged, and egui alone would have
    /// broken them (so the rule is ours, not luck).
    #[test]
    fn a_galley_keeps_the_rules_and_the_text() {
        let text = "技術的負債は「コスト」として定量化し、（例：開発速度の低下）を経営に説明する。エンジニアリングマネージャーの育成も「計画的」に進めた。";
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let rows_of = |galley: &Galley| -> Vec<String> {
            galley
                .rows
                .iter()
                .map(|row| row.row.glyphs.iter().map(|glyph| glyph.chr).collect())
                .collect()
        };
        let breaks_a_rule = |rows: &[String]| {
            rows.windows(2).any(|pair| {
                let end = pair[0].chars().last().unwrap_or(' ');
                let start = pair[1].chars().next().unwrap_or(' ');
                NO_LINE_END.contains(end) || NO_LINE_START.contains(start)
            })
        };
        let mut egui_broke_one = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for width in (60..400).step_by(7) {
                let width = width as f32;
                let galley = layout(ui, job(ui, text), width);
                let rows = rows_of(&galley);
                assert!(rows.len() > 1 || width > 300.0, "{width}: {rows:?}");
                assert!(!breaks_a_rule(&rows), "{width}: {rows:?}");
                assert_eq!(rows.concat(), text, "{width}");
                assert_eq!(galley.text(), text);
                assert!(galley.rows.iter().all(|row| !row.ends_with_newline));
                for row in &galley.rows {
                    assert!(
                        row.rect().width() <= width + 1.0 || row.row.glyphs.len() == 1,
                        "{width}: {} {rows:?}",
                        row.rect().width()
                    );
                }
                let mut plain = job(ui, text);
                plain.wrap.max_width = width;
                let egui_galley = ui.fonts_mut(|fonts| fonts.layout_job(plain));
                egui_broke_one |= breaks_a_rule(&rows_of(&egui_galley));
            }
        });
        // No window draws it: the fonts' texture is left unused.
        output.textures_delta.clear();
        assert!(
            egui_broke_one,
            "egui's own wrapping keeps the rules: nothing shown here"
        );
    }

    #[test]
    fn text_that_fits_is_one_row() {
        assert_eq!(rows("短い", 10), ["短い"]);
        assert_eq!(rows("", 10), [""]);
    }
}
