//! Mock interview: pick roles, a number of questions and a time per answer; answer the
//! questions one after another without seeing the points; then tick and grade each answer
//! beside its points. Past sessions are listed with their coverage and time per answer.
//! The interview lives here for as long as the app runs, so another screen can be opened
//! in the middle of one.

use crate::core::collection::{AnswerDetails, Collection};
use crate::core::content::role;
use crate::core::review::log::Mode;
use crate::core::review::scheduler::Rating;
use crate::core::review::store::{Store, StoreError};
use crate::core::study::mock::{self, MockSetup, MockSummary};
use crate::core::study::stopwatch::Stopwatch;
use crate::ui::context::{Action, MockAction, ScreenContext};
use crate::ui::strings::Strings;
use crate::ui::widgets::{self, rating_label, suggested_rating};
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
        /// Time on the current question; stands still while another screen is shown.
        stopwatch: Stopwatch,
    },
    Grading {
        answers: Vec<MockAnswer>,
    },
}

/// Why a mock interview could not go on.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    #[error("no questions in the chosen roles")]
    NoQuestions,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug)]
pub struct MockScreen {
    state: MockState,
}

impl Default for MockScreen {
    fn default() -> Self {
        Self {
            state: MockState::Setup(MockSetup::default()),
        }
    }
}

impl MockScreen {
    pub fn state(&self) -> &MockState {
        &self.state
    }

    /// The user turns to another screen: the question's timer stops.
    pub fn leave(&mut self, now: DateTime<FixedOffset>) {
        if let MockState::Answering { stopwatch, .. } = &mut self.state {
            stopwatch.pause(now);
        }
    }

    /// The user is back: the question's timer runs again.
    pub fn come_back(&mut self, now: DateTime<FixedOffset>) {
        if let MockState::Answering { stopwatch, .. } = &mut self.state {
            stopwatch.resume(now);
        }
    }

    pub fn apply(
        &mut self,
        action: MockAction,
        collection: &mut Collection,
        store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        match action {
            MockAction::Start(setup) => self.start(setup, collection, now),
            MockAction::Next => {
                self.next_question(now);
                Ok(())
            }
            MockAction::Save => match store {
                Some(store) => self.save(collection, store, now),
                None => Ok(()),
            },
        }
    }

    fn start(
        &mut self,
        setup: MockSetup,
        collection: &Collection,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        let cards = mock::pick_questions(
            collection.decks(),
            &setup.roles,
            setup.questions,
            &mut rand::rng(),
        );
        if cards.is_empty() {
            return Err(MockError::NoQuestions);
        }
        let answers = cards
            .into_iter()
            .map(|card_id| {
                let points = collection
                    .decks()
                    .find_card(&card_id)
                    .map_or(0, |(_, card)| card.points.len());
                MockAnswer {
                    card_id,
                    draft: String::new(),
                    duration_ms: 0,
                    ticked: vec![false; points],
                    rating: None,
                }
            })
            .collect();
        self.state = MockState::Answering {
            setup,
            answers,
            index: 0,
            stopwatch: Stopwatch::started(now),
        };
        Ok(())
    }

    fn next_question(&mut self, now: DateTime<FixedOffset>) {
        let MockState::Answering {
            answers,
            index,
            stopwatch,
            ..
        } = &mut self.state
        else {
            return;
        };
        if let Some(answer) = answers.get_mut(*index) {
            answer.duration_ms = stopwatch.elapsed_ms(now);
        }
        *index += 1;
        *stopwatch = Stopwatch::started(now);
        if *index >= answers.len() {
            let answers = std::mem::take(answers);
            self.state = MockState::Grading { answers };
        }
    }

    /// Logs every graded mock answer as a review of its card, under one session id. On an
    /// error the grading stays on screen: the answers not yet saved are still there.
    fn save(
        &mut self,
        collection: &mut Collection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        let MockState::Grading { answers } = &mut self.state else {
            return Ok(());
        };
        let session = format!("mock-{}", store.next_id());
        while let Some(answer) = answers.first() {
            if let Some(rating) = answer.rating {
                let details = AnswerDetails {
                    duration_ms: Some(answer.duration_ms),
                    mode: Mode::Mock,
                    session: Some(session.clone()),
                    ..AnswerDetails::with_ticks(&answer.ticked, &answer.draft)
                };
                collection.record_answer(store, &answer.card_id, rating, now, details)?;
            }
            answers.remove(0);
        }
        self.state = MockState::Setup(MockSetup::default());
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        match &mut self.state {
            MockState::Setup(setup) => setup_ui(ui, ctx, setup, actions),
            MockState::Answering {
                setup,
                answers,
                index,
                stopwatch,
            } => answering_ui(ui, ctx, setup, answers, *index, stopwatch, actions),
            MockState::Grading { answers } => grading_ui(ui, ctx, answers, actions),
        }
    }
}

fn setup_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    setup: &mut MockSetup,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    ui.heading(text.mock_interview);
    ui.label(text.mock_explain);
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(text.roles);
        for role in role::ROLES {
            let mut on = setup.roles.contains(role.id);
            if ui
                .checkbox(&mut on, role::label(role.id, ctx.lang))
                .changed()
            {
                if on {
                    setup.roles.insert(role.id.to_string());
                } else {
                    setup.roles.remove(role.id);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(text.question_count);
        ui.add(egui::DragValue::new(&mut setup.questions).range(mock::QUESTIONS.range()))
            .labelled_by(label.id);
        let label = ui.label(text.time_per_answer);
        ui.add(
            egui::DragValue::new(&mut setup.seconds_per_answer)
                .range(mock::SECONDS_PER_ANSWER.range())
                .suffix(format!(" {}", text.seconds)),
        )
        .labelled_by(label.id);
    });
    ui.add_space(8.0);
    let start = ui.add_enabled(
        ctx.can_write() && !setup.roles.is_empty(),
        egui::Button::new(RichText::new(text.start_mock).size(16.0)),
    );
    if start.clicked() {
        actions.push(Action::Mock(MockAction::Start(setup.clone())));
    }
    ui.add_space(16.0);
    past_sessions(ui, text, &mock::summaries(ctx.collection));
}

fn answering_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    setup: &MockSetup,
    answers: &mut [MockAnswer],
    index: usize,
    stopwatch: &Stopwatch,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let total = answers.len();
    let limit = i64::from(setup.seconds_per_answer);
    let elapsed = i64::try_from(stopwatch.elapsed_ms(ctx.now) / 1000).unwrap_or(i64::MAX);
    let Some(answer) = answers.get_mut(index) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(format!("{} {}/{}", text.question, index + 1, total));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let remaining = limit.saturating_sub(elapsed);
            let label = RichText::new(widgets::clock(remaining))
                .monospace()
                .size(18.0);
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
    let language = ctx.card_language;
    if let Some((_, card)) = ctx.collection.decks().find_card(&answer.card_id) {
        widgets::show_localized(ui, &card.question, language, 22.0);
    }
    ui.add_space(8.0);
    widgets::answer_box(ui, text, &mut answer.draft, 6);
    ui.add_space(8.0);
    let next_label = if index + 1 == total {
        text.finish_answers
    } else {
        text.next_question
    };
    let next = ui.button(format!("{next_label}  (Ctrl+Enter)")).clicked()
        || ui.input_mut(|input| input.consume_key(Modifiers::COMMAND, Key::Enter));
    if next {
        actions.push(Action::Mock(MockAction::Next));
    }
}

fn grading_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    answers: &mut [MockAnswer],
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let language = ctx.card_language;
    ui.heading(text.grade_answers);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (number, answer) in answers.iter_mut().enumerate() {
                let Some((_, card)) = ctx.collection.decks().find_card(&answer.card_id) else {
                    continue;
                };
                ui.push_id(number, |ui| {
                    ui.separator();
                    ui.strong(format!(
                        "{}. ({})",
                        number + 1,
                        widgets::clock_ms(answer.duration_ms)
                    ));
                    widgets::show_localized(ui, &card.question, language, 18.0);
                    ui.columns(2, |columns| {
                        columns[0].weak(text.your_answer);
                        if answer.draft.trim().is_empty() {
                            columns[0].weak("—");
                        } else {
                            columns[0].label(&answer.draft);
                        }
                        widgets::answer_points(
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
            let save = ui.add_enabled(ctx.can_write() && graded, egui::Button::new(text.save_mock));
            if save.clicked() {
                actions.push(Action::Mock(MockAction::Save));
            }
            if !graded {
                ui.weak(text.grade_every_answer);
            }
        });
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
            ui.label(widgets::clock_ms(summary.average_duration_ms()));
            ui.end_row();
        }
    });
}
