//! The review screen: question, optional typed draft with a running timer, answer points
//! to tick, a suggested grade and the four grade buttons; the session's summary once it
//! is over. The session lives here for as long as the app runs, so another screen can be
//! opened and the draft, ticks and timer are as they were on coming back.

use crate::core::collection::{AnswerDetails, Collection};
use crate::core::review::log::{Mode, ReviewRecord};
use crate::core::review::scheduler::{CardState, Rating, format_interval};
use crate::core::review::store::{Store, StoreError};
use crate::core::study::queue::{self, QueueKind, Scope};
use crate::core::study::stopwatch::Stopwatch;
use crate::ui::context::{Action, ReviewAction, ScreenContext};
use crate::ui::strings::Strings;
use crate::ui::summary_screen;
use crate::ui::widgets::{self, rating_color, rating_label, suggested_rating};
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers, RichText};

/// A card on screen in a study session.
#[derive(Debug, Clone)]
pub struct ShownCard {
    pub card_id: String,
    pub kind: QueueKind,
    /// Time spent on this card; stands still while another screen is shown.
    pub stopwatch: Stopwatch,
    pub revealed: bool,
    pub draft: String,
    pub ticked: Vec<bool>,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Answered {
    pub review_id: String,
    pub card_id: String,
    pub rating: Rating,
    pub duration_ms: u64,
    /// What was on screen, so undo can put it back.
    pub shown: ShownCard,
}

#[derive(Debug, Clone)]
pub struct ReviewSession {
    pub scope: Scope,
    /// `None` once the session is over: its summary is shown.
    pub card: Option<ShownCard>,
    pub answered: Vec<Answered>,
}

impl ReviewSession {
    pub fn is_over(&self) -> bool {
        self.card.is_none()
    }
}

#[derive(Debug, Default)]
pub struct ReviewScreen {
    session: Option<ReviewSession>,
}

impl ReviewScreen {
    /// The session in progress or just over, if any.
    pub fn session(&self) -> Option<&ReviewSession> {
        self.session.as_ref()
    }

    /// Starts a session on `scope` with its first card (or straight at the summary when
    /// nothing is due).
    pub fn start(&mut self, collection: &Collection, scope: Scope, now: DateTime<FixedOffset>) {
        let card = next_card(collection, &scope, now);
        self.session = Some(ReviewSession {
            scope,
            card,
            answered: Vec::new(),
        });
    }

    /// The user turns to another screen: the timer stops and the note is saved; a
    /// session that is over is closed.
    pub fn leave(
        &mut self,
        collection: &mut Collection,
        store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        if self.session.as_ref().is_some_and(ReviewSession::is_over) {
            self.session = None;
        }
        if let Some(card) = self.shown_mut() {
            card.stopwatch.pause(now);
        }
        self.save_note(collection, store, now)
    }

    /// The user is back: the timer runs again if the answer is still open.
    pub fn come_back(&mut self, now: DateTime<FixedOffset>) {
        if let Some(card) = self.shown_mut().filter(|card| !card.revealed) {
            card.stopwatch.resume(now);
        }
    }

    fn shown_mut(&mut self) -> Option<&mut ShownCard> {
        self.session
            .as_mut()
            .and_then(|session| session.card.as_mut())
    }

    /// Logs the note of the card on screen if it changed.
    pub fn save_note(
        &mut self,
        collection: &mut Collection,
        store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let (Some(card), Some(store)) = (self.shown_mut(), store) else {
            return Ok(());
        };
        collection.save_note(store, &card.card_id, &card.note, now)
    }

    /// Applies a step of the session. Answers and undos are on disk when this returns
    /// `Ok`; on an error nothing moved on, so the card stays on screen as it was.
    pub fn apply(
        &mut self,
        action: ReviewAction,
        collection: &mut Collection,
        mut store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        match action {
            ReviewAction::Reveal => {
                if let Some(card) = self.shown_mut() {
                    card.revealed = true;
                }
                Ok(())
            }
            ReviewAction::Grade(rating) => {
                self.save_note(collection, store.as_deref_mut(), now)?;
                match store {
                    Some(store) => self.grade(rating, collection, store, now),
                    None => Ok(()),
                }
            }
            ReviewAction::Undo => match store {
                Some(store) => self.undo(collection, store, now),
                None => Ok(()),
            },
            ReviewAction::End => {
                let saved = self.save_note(collection, store, now);
                if let Some(session) = &mut self.session {
                    session.card = None;
                }
                saved
            }
        }
    }

    fn grade(
        &mut self,
        rating: Rating,
        collection: &mut Collection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let Some(session) = &mut self.session else {
            return Ok(());
        };
        let Some(card) = session.card.as_ref().filter(|card| card.revealed) else {
            return Ok(());
        };
        let duration_ms = card.stopwatch.elapsed_ms(now);
        let details = AnswerDetails {
            duration_ms: Some(duration_ms),
            ..AnswerDetails::with_ticks(&card.ticked, &card.draft)
        };
        let review_id = collection.record_answer(store, &card.card_id, rating, now, details)?;
        let mut shown = session.card.take().unwrap_or_else(|| unreachable!());
        shown.stopwatch.pause(now);
        session.answered.push(Answered {
            review_id,
            card_id: shown.card_id.clone(),
            rating,
            duration_ms,
            shown,
        });
        session.card = next_card(collection, &session.scope, now);
        Ok(())
    }

    /// Undoes the session's last answer and shows that card again as it was, with the
    /// time already spent on it.
    fn undo(
        &mut self,
        collection: &mut Collection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let Some(session) = &mut self.session else {
            return Ok(());
        };
        let Some(last) = session.answered.last() else {
            return Ok(());
        };
        collection.undo(store, &last.review_id, now)?;
        let Some(last) = session.answered.pop() else {
            return Ok(());
        };
        let mut shown = last.shown;
        shown.revealed = false;
        shown.stopwatch.resume(now);
        session.card = Some(shown);
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let Some(session) = &mut self.session else {
            return;
        };
        let has_answered = !session.answered.is_empty();
        match &mut session.card {
            Some(shown) => card_ui(ui, ctx, shown, has_answered, actions),
            None => summary_screen::show(ui, ctx, session, actions),
        }
    }
}

/// The next card of `scope` as it first appears: question only, timer running.
fn next_card(
    collection: &Collection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<ShownCard> {
    let (card_id, kind) = queue::next_card(collection, scope, now)?;
    let points = collection
        .decks()
        .find_card(&card_id)
        .map_or(0, |(_, card)| card.points.len());
    Some(ShownCard {
        note: collection.note(&card_id).to_string(),
        card_id,
        kind,
        stopwatch: Stopwatch::started(now),
        revealed: false,
        draft: String::new(),
        ticked: vec![false; points],
    })
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
                actions.push(Action::Review(ReviewAction::Reveal));
            }
        } else if !typing {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
            for (key, rating) in keys.into_iter().zip(Rating::ALL) {
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Review(ReviewAction::Grade(rating)));
                }
            }
        }
        if has_answered
            && !typing
            && (input.consume_key(Modifiers::COMMAND, Key::Z)
                || input.consume_key(Modifiers::NONE, Key::U))
        {
            actions.push(Action::Review(ReviewAction::Undo));
        }
    });
}

fn card_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    shown: &mut ShownCard,
    has_answered: bool,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let now = ctx.now;
    let collection = ctx.collection;
    let language = ctx.card_language;
    let target_seconds = i64::from(collection.settings().answer_target_seconds);
    let Some((deck, card)) = collection.decks().find_card(&shown.card_id) else {
        return;
    };
    let state = collection.state(&card.id);
    let previews = collection.scheduler().preview(&card.id, &state, now);
    let history: Vec<PastAnswer> = collection
        .history(&card.id)
        .map(|replayed| PastAnswer::from(replayed.record))
        .collect();

    shortcuts(ui, shown.revealed, has_answered, actions);

    ui.horizontal(|ui| {
        if ui.button(format!("← {}", text.back_to_decks)).clicked() {
            actions.push(Action::Review(ReviewAction::End));
        }
        ui.separator();
        ui.weak(deck.title.get(ctx.lang));
        ui.weak(match shown.kind {
            QueueKind::Learning => text.queue_learning,
            QueueKind::Review => text.queue_review,
            QueueKind::New => text.queue_new,
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let elapsed = i64::try_from(shown.stopwatch.elapsed_ms(now) / 1000).unwrap_or(0);
            let over = elapsed > target_seconds;
            let clock = RichText::new(format!(
                "{} / {}",
                widgets::clock(elapsed),
                widgets::clock(target_seconds)
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
            widgets::show_localized(ui, &card.question, language, 22.0);
            ui.add_space(10.0);

            widgets::answer_box(ui, text, &mut shown.draft, 4);
            ui.add_space(8.0);

            if !shown.revealed {
                let reveal = ui.add(egui::Button::new(
                    RichText::new(format!("{}  (Space)", text.show_answer)).size(16.0),
                ));
                if reveal.clicked() {
                    actions.push(Action::Review(ReviewAction::Reveal));
                }
                ui.weak(text.keys_before_reveal);
            } else {
                widgets::answer_points(ui, text, card, &mut shown.ticked, language);
                ui.add_space(8.0);
                grade_buttons(ui, ctx, &shown.ticked, &previews, actions);
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
                actions.push(Action::Review(ReviewAction::Undo));
            }
        });
}

/// One earlier answer to the card, as the history list shows it.
struct PastAnswer {
    when: String,
    rating: Rating,
    covered: Option<(usize, usize)>,
    seconds: Option<u64>,
    draft: Option<String>,
    mock: bool,
}

impl From<&ReviewRecord> for PastAnswer {
    fn from(record: &ReviewRecord) -> Self {
        Self {
            when: record.at.format("%Y-%m-%d %H:%M").to_string(),
            rating: record.rating,
            covered: record
                .points_total
                .filter(|total| *total > 0)
                .map(|total| (record.points_covered.as_ref().map_or(0, Vec::len), total)),
            seconds: record.duration_ms,
            draft: record.answer.clone(),
            mock: record.mode == Mode::Mock,
        }
    }
}

/// Every earlier answer to this card, newest first, so the user sees how it improved.
fn history_section(ui: &mut egui::Ui, text: &Strings, history: &[PastAnswer]) {
    egui::CollapsingHeader::new(format!("{} ({})", text.history, history.len()))
        .default_open(false)
        .show(ui, |ui| {
            if history.is_empty() {
                ui.weak(text.no_history);
            }
            for past in history.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(&past.when);
                    ui.colored_label(rating_color(past.rating), rating_label(text, past.rating));
                    if let Some((covered, total)) = past.covered {
                        ui.label(format!("{} {covered}/{total}", text.points_short));
                    }
                    if let Some(milliseconds) = past.seconds {
                        ui.label(widgets::clock_ms(milliseconds));
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

fn grade_buttons(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    ticked: &[bool],
    previews: &[CardState; 4],
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let suggestion = suggested_rating(ticked);
    ui.horizontal(|ui| {
        for (index, rating) in Rating::ALL.into_iter().enumerate() {
            let interval = previews[index]
                .due
                .map(|due| format_interval(ctx.now, due))
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
            if ui.add_enabled(ctx.can_write(), button).clicked() {
                actions.push(Action::Review(ReviewAction::Grade(rating)));
            }
        }
    });
}
