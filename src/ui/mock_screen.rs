//! Mock interview: pick roles, a number of questions and a time per answer; answer the
//! questions one after another without seeing the points; then tick and grade each answer
//! beside its points. Past sessions are listed with their coverage and time per answer.

use crate::core::mock::{self, MockSetup, MockSummary};
use crate::core::scheduler::Rating;
use crate::ui::app::{Action, MensetsuApp, Screen};
use crate::ui::decks_screen::role_label;
use crate::ui::review_screen::{answer_points, rating_label, show_localized, suggested_rating};
use crate::ui::strings::Strings;
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers, RichText};

/// One question asked in a mock interview and what the user did with it.
#[derive(Debug, Clone, PartialEq)]
pub struct MockAnswer {
    pub card_id: String,
    pub draft: String,
    pub duration_ms: u64,
    pub ticked: Vec<bool>,
    pub rating: Option<Rating>,
}

#[derive(Debug, Clone)]
pub enum MockState {
    Setup(MockSetup),
    Answering {
        setup: MockSetup,
        answers: Vec<MockAnswer>,
        index: usize,
        started_at: DateTime<FixedOffset>,
    },
    Grading {
        answers: Vec<MockAnswer>,
    },
}

const ROLES: [&str; 4] = ["vpoe", "hoe", "cto", "fundamentals"];

fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    format!("{sign}{}:{:02}", seconds.abs() / 60, seconds.abs() % 60)
}

pub fn show(ui: &mut egui::Ui, app: &mut MensetsuApp, actions: &mut Vec<Action>) {
    let now = app.now();
    let text = app.strings();
    let language = app.collection.settings.content_language;
    let writable = app.store.is_ok();
    let summaries = match &app.screen {
        Screen::Mock(MockState::Setup(_)) => mock::summaries(&app.collection),
        _ => Vec::new(),
    };
    let Screen::Mock(state) = &mut app.screen else {
        return;
    };
    match state {
        MockState::Setup(setup) => {
            ui.heading(text.mock_interview);
            ui.label(text.mock_explain);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(text.roles);
                for role in ROLES {
                    let mut on = setup.roles.contains(role);
                    if ui.checkbox(&mut on, role_label(text, role)).changed() {
                        if on {
                            setup.roles.insert(role.to_string());
                        } else {
                            setup.roles.remove(role);
                        }
                    }
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(text.question_count);
                ui.add(egui::DragValue::new(&mut setup.questions).range(1..=50))
                    .labelled_by(label.id);
                let label = ui.label(text.time_per_answer);
                ui.add(
                    egui::DragValue::new(&mut setup.seconds_per_answer)
                        .range(15..=1800)
                        .suffix(format!(" {}", text.seconds)),
                )
                .labelled_by(label.id);
            });
            ui.add_space(8.0);
            let start = ui.add_enabled(
                writable && !setup.roles.is_empty(),
                egui::Button::new(RichText::new(text.start_mock).size(16.0)),
            );
            if start.clicked() {
                actions.push(Action::StartMock(setup.clone()));
            }
            ui.add_space(16.0);
            past_sessions(ui, text, &summaries);
        }
        MockState::Answering {
            setup,
            answers,
            index,
            started_at,
        } => {
            let total = answers.len();
            let limit = i64::from(setup.seconds_per_answer);
            let elapsed = (now - *started_at).num_seconds();
            let Some(answer) = answers.get_mut(*index) else {
                return;
            };
            ui.horizontal(|ui| {
                ui.strong(format!("{} {}/{}", text.question, *index + 1, total));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let remaining = limit - elapsed;
                    let label = RichText::new(clock(remaining)).monospace().size(18.0);
                    if remaining < 0 {
                        ui.label(label.color(ui.visuals().error_fg_color).strong());
                        ui.colored_label(ui.visuals().error_fg_color, text.times_up);
                    } else {
                        ui.label(label);
                    }
                });
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
            ui.separator();
            if let Some((_, card)) = app.collection.decks.find_card(&answer.card_id) {
                show_localized(ui, &card.question, language, 22.0);
            }
            ui.add_space(8.0);
            let label = ui.label(text.your_answer);
            ui.add(
                egui::TextEdit::multiline(&mut answer.draft)
                    .hint_text(text.answer_hint)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.add_space(8.0);
            let last = *index + 1 == total;
            let next_label = if last {
                text.finish_answers
            } else {
                text.next_question
            };
            let next = ui.button(format!("{next_label}  (Ctrl+Enter)")).clicked()
                || ui.input_mut(|input| input.consume_key(Modifiers::COMMAND, Key::Enter));
            if next {
                actions.push(Action::MockNext);
            }
        }
        MockState::Grading { answers } => {
            ui.heading(text.grade_answers);
            let collection = &app.collection;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (number, answer) in answers.iter_mut().enumerate() {
                        let Some((_, card)) = collection.decks.find_card(&answer.card_id) else {
                            continue;
                        };
                        ui.push_id(number, |ui| {
                            ui.separator();
                            ui.strong(format!(
                                "{}. ({}:{:02})",
                                number + 1,
                                answer.duration_ms / 60_000,
                                answer.duration_ms / 1000 % 60
                            ));
                            show_localized(ui, &card.question, language, 18.0);
                            ui.columns(2, |columns| {
                                columns[0].weak(text.your_answer);
                                if answer.draft.trim().is_empty() {
                                    columns[0].weak("—");
                                } else {
                                    columns[0].label(&answer.draft);
                                }
                                answer_points(
                                    &mut columns[1],
                                    text,
                                    card,
                                    &mut answer.ticked,
                                    language,
                                );
                            });
                            let suggestion = suggested_rating(&answer.ticked);
                            ui.horizontal(|ui| {
                                for rating in Rating::ALL {
                                    let mut label = rating_label(text, rating).to_string();
                                    if suggestion == Some(rating) {
                                        label.push_str(&format!(" · {}", text.suggested));
                                    }
                                    ui.selectable_value(&mut answer.rating, Some(rating), label);
                                }
                            });
                        });
                    }
                    ui.separator();
                    let graded = answers.iter().all(|answer| answer.rating.is_some());
                    let save =
                        ui.add_enabled(writable && graded, egui::Button::new(text.save_mock));
                    if save.clicked() {
                        actions.push(Action::SaveMock);
                    }
                    if !graded {
                        ui.weak(text.grade_every_answer);
                    }
                });
        }
    }
}

/// Past mock interviews, newest first, with coverage and time per answer.
fn past_sessions(ui: &mut egui::Ui, text: &Strings, summaries: &[MockSummary]) {
    ui.strong(text.past_mocks);
    if summaries.is_empty() {
        ui.weak("—");
        return;
    }
    egui::Grid::new("past_mocks").striped(true).show(ui, |ui| {
        for title in [text.date, text.questions, text.coverage, text.average_time] {
            ui.label(RichText::new(title).strong());
        }
        ui.end_row();
        for summary in summaries {
            ui.label(summary.graded_at.format("%Y-%m-%d %H:%M").to_string());
            ui.label(summary.answers.len().to_string());
            ui.label(
                summary
                    .coverage()
                    .map_or("—".to_string(), |c| format!("{:.0}%", c * 100.0)),
            );
            let seconds = summary.average_duration_ms() / 1000;
            ui.label(format!("{}:{:02}", seconds / 60, seconds % 60));
            ui.end_row();
        }
    });
}
