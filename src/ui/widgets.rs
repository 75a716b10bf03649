//! Pieces more than one screen draws: card text in the chosen language(s), the answer
//! points to tick, grade labels and the one colour palette, and the `m:ss` clock.

use crate::core::content::deck::{Card, Localized};
use crate::core::review::scheduler::Rating;
use crate::core::settings::ContentLanguage;
use crate::ui::strings::Strings;
use crate::ui::theme;
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

/// The grade Space and Enter give, shown highlighted: the suggestion of the ticked points
/// once one is ticked, otherwise Good (Anki's default button). The flag says whether it
/// is a suggestion.
pub fn default_grade(ticked: &[bool]) -> (Rating, bool) {
    match suggested_rating(ticked).filter(|_| ticked.contains(&true)) {
        Some(rating) => (rating, true),
        None => (Rating::Good, false),
    }
}

pub fn rating_label(text: &Strings, rating: Rating) -> &'static str {
    match rating {
        Rating::Again => text.again,
        Rating::Hard => text.hard,
        Rating::Good => text.good,
        Rating::Easy => text.easy,
    }
}

/// The colour of a grade in the theme `ui` is drawn in: buttons, history, charts.
pub fn rating_color(ui: &egui::Ui, rating: Rating) -> Color32 {
    theme::rating_tone(rating).on(ui)
}

/// The button that starts the main thing of a screen: filled with the accent colour.
pub fn primary_button(label: &str) -> egui::Button<'static> {
    egui::Button::new(
        RichText::new(label)
            .size(theme::size::BODY)
            .color(Color32::WHITE),
    )
    .fill(theme::tone::ACCENT.light)
    .min_size(egui::vec2(0.0, 34.0))
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
pub fn answer_box(
    ui: &mut egui::Ui,
    text: &Strings,
    draft: &mut String,
    rows: usize,
) -> egui::Response {
    let label = theme::caption(ui, text.your_answer);
    ui.add(
        egui::TextEdit::multiline(draft)
            .hint_text(text.answer_hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// A localized field as one text for a widget's label: the first language in the body
/// colour, the second below it smaller and muted. Its plain text (what screen readers
/// and the UI tests read) is [`localized_plain`].
pub fn two_languages(
    ui: &egui::Ui,
    text: &Localized,
    language: ContentLanguage,
) -> egui::text::LayoutJob {
    let (first, below) = language.texts(text);
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    job.append(first, 0.0, body.clone());
    if let Some(below) = below {
        let muted = egui::TextFormat {
            font_id: egui::FontId::proportional(theme::size::SMALL + 1.0),
            color: theme::tone::MUTED_TEXT.on(ui),
            ..body
        };
        job.append(&format!("\n{below}"), 0.0, muted);
    }
    job
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
        let reason = card
            .no_points
            .as_ref()
            .map_or(text.no_points, |reason| language.texts(reason).0);
        ui.label(RichText::new(reason).color(theme::tone::MUTED_TEXT.on(ui)));
        return;
    }
    ticked.resize(card.points.len(), false);
    for (point, checked) in card.points.iter().zip(ticked.iter_mut()) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(checked, two_languages(ui, &point.text, language));
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
    fn the_default_grade_is_good_until_a_point_is_ticked() {
        assert_eq!(default_grade(&[]), (Rating::Good, false));
        assert_eq!(default_grade(&[false, false]), (Rating::Good, false));
        assert_eq!(default_grade(&[true, false]), (Rating::Hard, true));
        assert_eq!(default_grade(&[true, false, false]), (Rating::Again, true));
        assert_eq!(default_grade(&[true, true]), (Rating::Good, true));
    }

    #[test]
    fn suggestions_follow_the_share_of_points_ticked() {
        assert_eq!(suggested_rating(&[]), None);
        assert_eq!(suggested_rating(&[true, true]), Some(Rating::Good));
        assert_eq!(suggested_rating(&[true, false]), Some(Rating::Hard));
        assert_eq!(suggested_rating(&[true, false, false]), Some(Rating::Again));
    }
}
