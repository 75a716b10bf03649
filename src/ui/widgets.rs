//! Pieces more than one screen draws: card text in the chosen language(s), the answer
//! points to tick, grade labels and the one colour palette, and the `m:ss` clock.

use crate::core::content::deck::{Card, Localized};
use crate::core::review::scheduler::Rating;
use crate::core::settings::ContentLanguage;
use crate::ui::strings::Strings;
use egui::{Color32, RichText};

/// The grade the ticked points suggest: all covered → Good, at least half → Hard, fewer →
/// Again. Easy is never suggested: it is the user's call. `None` without points.
pub fn suggested_rating(ticked: &[bool]) -> Option<Rating> {
    if ticked.is_empty() {
        return None;
    }
    let covered = ticked.iter().filter(|t| **t).count();
    Some(if covered == ticked.len() {
        Rating::Good
    } else if covered * 2 >= ticked.len() {
        Rating::Hard
    } else {
        Rating::Again
    })
}

pub fn rating_label(text: &Strings, rating: Rating) -> &'static str {
    match rating {
        Rating::Again => text.again,
        Rating::Hard => text.hard,
        Rating::Good => text.good,
        Rating::Easy => text.easy,
    }
}

/// The colours of the four grades, wherever a grade is shown: buttons, history, charts.
pub fn rating_color(rating: Rating) -> Color32 {
    match rating {
        Rating::Again => Color32::from_rgb(200, 60, 60),
        Rating::Hard => Color32::from_rgb(210, 145, 40),
        Rating::Good => Color32::from_rgb(60, 155, 80),
        Rating::Easy => Color32::from_rgb(60, 120, 205),
    }
}

/// The colours of the card counts on the decks screen and in the statistics.
pub mod count_color {
    use egui::Color32;

    pub const NEW: Color32 = Color32::from_rgb(70, 130, 220);
    pub const LEARNING: Color32 = Color32::from_rgb(210, 90, 60);
    pub const DUE: Color32 = Color32::from_rgb(60, 160, 90);
}

/// `m:ss` for a number of seconds, with a minus sign when negative (time past a limit).
pub fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
}

/// [`clock`] for a duration in milliseconds, cut to whole seconds.
pub fn clock_ms(milliseconds: u64) -> String {
    clock(i64::try_from(milliseconds / 1000).unwrap_or(i64::MAX))
}

/// The text of a localized field in the card language(s), the second language smaller
/// and dimmer below the first.
pub fn show_localized(ui: &mut egui::Ui, text: &Localized, language: ContentLanguage, size: f32) {
    let (first, below) = language.texts(text);
    ui.label(RichText::new(first).size(size));
    if let Some(below) = below {
        ui.label(RichText::new(below).size(size * 0.85).weak());
    }
}

/// A localized field as one string, the second language on the next line.
pub fn localized_plain(text: &Localized, language: ContentLanguage) -> String {
    match language.texts(text) {
        (first, Some(below)) => format!("{first}\n{below}"),
        (first, None) => first.to_string(),
    }
}

/// The box the user types a draft answer in, under its label (which names it for screen
/// readers and the UI tests).
pub fn answer_box(ui: &mut egui::Ui, text: &Strings, draft: &mut String, rows: usize) {
    let label = ui.label(text.your_answer);
    ui.add(
        egui::TextEdit::multiline(draft)
            .hint_text(text.answer_hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

/// The card's answer points as checkboxes; `ticked` is resized to the points.
pub fn answer_points(
    ui: &mut egui::Ui,
    text: &Strings,
    card: &Card,
    ticked: &mut Vec<bool>,
    language: ContentLanguage,
) {
    ui.strong(text.answer_points);
    if card.points.is_empty() {
        ui.weak(text.no_points);
        return;
    }
    ticked.resize(card.points.len(), false);
    for (point, checked) in card.points.iter().zip(ticked.iter_mut()) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(checked, localized_plain(&point.text, language));
            if point.derived {
                ui.label(
                    RichText::new(format!("({})", text.derived_point))
                        .small()
                        .italics()
                        .weak(),
                )
                .on_hover_text(text.derived_hint);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(95), "1:35");
        assert_eq!(clock(-5), "-0:05");
        assert_eq!(clock_ms(42_999), "0:42");
    }

    #[test]
    fn suggestions_follow_the_share_of_points_ticked() {
        assert_eq!(suggested_rating(&[]), None);
        assert_eq!(suggested_rating(&[true, true]), Some(Rating::Good));
        assert_eq!(suggested_rating(&[true, false]), Some(Rating::Hard));
        assert_eq!(suggested_rating(&[true, false, false]), Some(Rating::Again));
    }
}
