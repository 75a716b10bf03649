//! The review screen: question, optional typed draft with a running timer, answer points
//! to tick, a suggested grade and the four grade buttons.

use crate::core::deck::{Card, Lang, Localized};
use crate::core::log::ReviewRecord;
use crate::core::queue::QueueKind;
use crate::core::scheduler::{Rating, format_interval};
use crate::core::settings::ContentLanguage;
use crate::ui::app::{Action, MensetsuApp, Screen};
use crate::ui::strings::Strings;
use egui::{Color32, Key, Modifiers, RichText};

const RATINGS: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

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

pub(crate) fn rating_label(text: &Strings, rating: Rating) -> &'static str {
    match rating {
        Rating::Again => text.again,
        Rating::Hard => text.hard,
        Rating::Good => text.good,
        Rating::Easy => text.easy,
    }
}

fn rating_color(rating: Rating) -> Color32 {
    match rating {
        Rating::Again => Color32::from_rgb(200, 60, 60),
        Rating::Hard => Color32::from_rgb(200, 140, 40),
        Rating::Good => Color32::from_rgb(60, 150, 80),
        Rating::Easy => Color32::from_rgb(60, 120, 200),
    }
}

/// The text of a localized field in the content language; "both" stacks Japanese over
/// English.
pub(crate) fn show_localized(
    ui: &mut egui::Ui,
    text: &Localized,
    language: ContentLanguage,
    size: f32,
) {
    match language {
        ContentLanguage::Ja => {
            ui.label(RichText::new(text.get(Lang::Ja)).size(size));
        }
        ContentLanguage::En => {
            ui.label(RichText::new(text.get(Lang::En)).size(size));
        }
        ContentLanguage::Both => {
            ui.label(RichText::new(text.get(Lang::Ja)).size(size));
            if let Some(english) = text.exact(Lang::En) {
                ui.label(RichText::new(english).size(size * 0.85).weak());
            }
        }
    }
}

fn localized_plain(text: &Localized, language: ContentLanguage) -> String {
    match language {
        ContentLanguage::Ja => text.get(Lang::Ja).to_string(),
        ContentLanguage::En => text.get(Lang::En).to_string(),
        ContentLanguage::Both => match text.exact(Lang::En) {
            Some(english) if text.exact(Lang::Ja).is_some() => {
                format!("{}\n{english}", text.get(Lang::Ja))
            }
            _ => text.get(Lang::Ja).to_string(),
        },
    }
}

fn format_clock(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Keyboard shortcuts, read before the widgets so a key never does two things. Keys that
/// type text are ignored while a text box has focus; Ctrl+Enter still reveals from there.
fn shortcuts(ui: &egui::Ui, revealed: bool, has_answered: bool, actions: &mut Vec<Action>) {
    let typing = ui.ctx().text_edit_focused();
    ui.input_mut(|input| {
        if !revealed {
            if input.consume_key(Modifiers::COMMAND, Key::Enter)
                || (!typing
                    && (input.consume_key(Modifiers::NONE, Key::Space)
                        || input.consume_key(Modifiers::NONE, Key::Enter)))
            {
                actions.push(Action::Reveal);
            }
        } else if !typing {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
            for (key, rating) in keys.into_iter().zip(RATINGS) {
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Grade(rating));
                }
            }
        }
        if has_answered
            && !typing
            && (input.consume_key(Modifiers::COMMAND, Key::Z)
                || input.consume_key(Modifiers::NONE, Key::U))
        {
            actions.push(Action::Undo);
        }
    });
}

pub fn show(ui: &mut egui::Ui, app: &mut MensetsuApp, actions: &mut Vec<Action>) {
    let now = app.now();
    let text = app.strings();
    let language = app.collection.settings.content_language;
    let target_seconds = i64::from(app.collection.settings.answer_target_seconds);
    let writable = app.store.is_ok();
    let Screen::Review(session) = &app.screen else {
        return;
    };
    let Some(shown) = session.card.clone() else {
        return;
    };
    let has_answered = !session.answered.is_empty();
    let Some((deck, card)) = app.collection.decks.find_card(&shown.card_id) else {
        return;
    };
    let card: Card = card.clone();
    let deck_title = deck.title.get(app.lang()).to_string();
    let state = app.collection.state(&card.id);
    let previews = app.collection.scheduler.preview(&card.id, &state, now);
    let history: Vec<PastAnswer> = app
        .collection
        .history(&card.id)
        .into_iter()
        .map(|(record, _)| PastAnswer::from(record))
        .collect();

    shortcuts(ui, shown.revealed, has_answered, actions);

    let mut shown = shown;
    ui.horizontal(|ui| {
        if ui.button(format!("← {}", text.back_to_decks)).clicked() {
            actions.push(Action::EndSession);
        }
        ui.separator();
        ui.weak(deck_title);
        ui.weak(match shown.kind {
            QueueKind::Learning => text.queue_learning,
            QueueKind::Review => text.queue_review,
            QueueKind::New => text.queue_new,
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let elapsed = (now - shown.shown_at).num_seconds().max(0);
            let over = elapsed > target_seconds;
            let clock = RichText::new(format!(
                "{} / {}",
                format_clock(elapsed),
                format_clock(target_seconds)
            ))
            .monospace()
            .size(18.0);
            if over {
                ui.label(clock.color(ui.visuals().error_fg_color).strong());
                ui.colored_label(ui.visuals().error_fg_color, text.past_target);
            } else {
                ui.label(clock);
            }
        });
    });
    if !shown.revealed {
        // The timer ticks once a second while the question is open.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    ui.separator();

    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.weak(text.question);
            show_localized(ui, &card.question, language, 22.0);
            ui.add_space(10.0);

            let label = ui.label(text.your_answer);
            ui.add(
                egui::TextEdit::multiline(&mut shown.draft)
                    .hint_text(text.answer_hint)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.add_space(8.0);

            if !shown.revealed {
                let reveal = ui.add(egui::Button::new(
                    RichText::new(format!("{}  (Space)", text.show_answer)).size(16.0),
                ));
                if reveal.clicked() {
                    actions.push(Action::Reveal);
                }
                ui.weak(text.keys_before_reveal);
            } else {
                answer_points(ui, text, &card, &mut shown.ticked, language);
                ui.add_space(8.0);
                grade_buttons(ui, text, &shown.ticked, &previews, now, writable, actions);
                ui.weak(text.keys_after_reveal);
            }

            ui.add_space(12.0);
            egui::CollapsingHeader::new(text.note)
                .default_open(!shown.note.is_empty())
                .show(ui, |ui| {
                    let label = ui.weak(text.note_label);
                    ui.add(
                        egui::TextEdit::multiline(&mut shown.note)
                            .hint_text(text.note_hint)
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                });
            if shown.revealed {
                history_section(ui, text, &history);
            }
            if has_answered && ui.button(format!("{} (U)", text.undo)).clicked() {
                actions.push(Action::Undo);
            }
        });

    // Widget edits (draft, ticks, note) go back into the session; domain changes wait
    // for the actions.
    if let Screen::Review(session) = &mut app.screen {
        session.card = Some(shown);
    }
}

/// One earlier answer to the card, as the history list shows it.
pub(crate) struct PastAnswer {
    when: String,
    rating: Option<Rating>,
    covered: Option<(usize, usize)>,
    seconds: Option<u64>,
    draft: Option<String>,
    mock: bool,
}

impl From<&ReviewRecord> for PastAnswer {
    fn from(record: &ReviewRecord) -> Self {
        Self {
            when: record.at.format("%Y-%m-%d %H:%M").to_string(),
            rating: Rating::try_from(record.rating).ok(),
            covered: record
                .points_total
                .filter(|total| *total > 0)
                .map(|total| (record.points_covered.as_ref().map_or(0, Vec::len), total)),
            seconds: record.duration_ms.map(|ms| ms / 1000),
            draft: record.answer.clone(),
            mock: record.mode.as_deref() == Some(crate::core::mock::MOCK_MODE),
        }
    }
}

/// Every earlier answer to this card, newest first, so the user sees how it improved.
pub(crate) fn history_section(ui: &mut egui::Ui, text: &Strings, history: &[PastAnswer]) {
    egui::CollapsingHeader::new(format!("{} ({})", text.history, history.len()))
        .default_open(false)
        .show(ui, |ui| {
            if history.is_empty() {
                ui.weak(text.no_history);
            }
            for past in history.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(&past.when);
                    if let Some(rating) = past.rating {
                        ui.colored_label(rating_color(rating), rating_label(text, rating));
                    }
                    if let Some((covered, total)) = past.covered {
                        ui.label(format!("{} {covered}/{total}", text.points_short));
                    }
                    if let Some(seconds) = past.seconds {
                        ui.label(format_clock(seconds as i64));
                    }
                    if past.mock {
                        ui.weak(text.mock_interview);
                    }
                });
                if let Some(draft) = past.draft.as_deref().filter(|d| !d.trim().is_empty()) {
                    ui.indent("draft", |ui| {
                        ui.add(egui::Label::new(RichText::new(draft).weak()).wrap());
                    });
                }
            }
        });
}

pub(crate) fn answer_points(
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

fn grade_buttons(
    ui: &mut egui::Ui,
    text: &Strings,
    ticked: &[bool],
    previews: &[crate::core::scheduler::CardState; 4],
    now: chrono::DateTime<chrono::FixedOffset>,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    let suggestion = suggested_rating(ticked);
    ui.horizontal(|ui| {
        for (index, rating) in RATINGS.into_iter().enumerate() {
            let interval = previews[index]
                .due
                .map(|due| format_interval(now, due))
                .unwrap_or_default();
            let suggested = suggestion == Some(rating);
            let mut label = format!("{} {}\n{}", index + 1, rating_label(text, rating), interval);
            if suggested {
                label.push_str(&format!(" · {}", text.suggested));
            }
            let mut button = egui::Button::new(RichText::new(label).size(15.0))
                .min_size(egui::vec2(110.0, 48.0));
            if suggested {
                button = button
                    .fill(rating_color(rating).gamma_multiply(0.35))
                    .stroke(egui::Stroke::new(2.0, rating_color(rating)));
            }
            if ui.add_enabled(writable, button).clicked() {
                actions.push(Action::Grade(rating));
            }
        }
    });
}
