//! The end of a study session: what was answered, how long it took, what comes next.
//! Drawn by the review screen, which owns the session.

use super::ReviewSession;
use crate::core::review::scheduler::Rating;
use crate::core::study::queue;
use crate::core::study::scope::{DueCounts, Scope};
use crate::ui::context::{Action, ReviewAction, Screen, ScreenContext};
use crate::ui::kinsoku;
use crate::ui::theme;
use crate::ui::widgets::{self, rating_label};

/// What is left to study today: in the session's scope, and in every deck.
#[derive(Debug, Clone, Copy, Default)]
pub struct Remaining {
    pub here: DueCounts,
    pub everywhere: DueCounts,
}

/// `answer_kept`: the card left on screen had an answer, kept for its next showing.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    session: &ReviewSession,
    remaining: Remaining,
    answer_kept: bool,
    actions: &mut Vec<Action>,
) {
    theme::column(ui, theme::READING_WIDTH, |ui| {
        ui.add_space(theme::space::L);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            summary(ui, ctx, session, remaining, answer_kept, actions);
        });
    });
}

fn summary(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    session: &ReviewSession,
    remaining: Remaining,
    answer_kept: bool,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let still_due = remaining.here.total();
    let due_elsewhere = remaining.everywhere.total();
    if session.ended_early && still_due > 0 {
        ui.heading(text.session_ended_early);
        kinsoku::paragraph(ui, text.still_due_today(still_due));
        if answer_kept {
            kinsoku::paragraph(ui, text.answer_kept_for_card);
        }
    } else {
        ui.heading(text.session_done);
    }
    ui.add_space(theme::space::S);
    let count = |rating: Rating| {
        session
            .answered
            .iter()
            .filter(|a| a.rating == rating)
            .count()
    };
    ui.label(format!("{}: {}", text.answered, session.answered.len()));
    let by_grade: Vec<String> = Rating::ALL
        .into_iter()
        .map(|rating| format!("{} {}", rating_label(text, rating), count(rating)))
        .collect();
    ui.label(by_grade.join(" · "));
    if !session.answered.is_empty() {
        let total_ms: u64 = session.answered.iter().map(|a| a.duration_ms).sum();
        let average = total_ms / session.answered.len() as u64;
        ui.label(format!(
            "{}: {}",
            text.average_time,
            widgets::clock_ms(average)
        ));
    }
    ui.add_space(theme::space::S);
    match queue::next_learning_due(ctx.collection, &session.scope, ctx.now) {
        Some(due) => {
            ui.label(format!("{}: {}", text.come_back_at, due.format("%H:%M")));
        }
        // A deck or a search finished while others still have cards due today: saying
        // "done for today" there sent users away with cards left.
        None if still_due == 0 && session.scope != Scope::AllDecks && due_elsewhere > 0 => {
            kinsoku::paragraph(ui, text.still_due_elsewhere(due_elsewhere));
            ui.add_space(theme::space::S);
            let study_all = format!("{} ({due_elsewhere})", text.study_all_due);
            if ui.add(widgets::primary_button(&study_all)).clicked() {
                actions.push(Action::StartSession(Scope::AllDecks));
            }
        }
        None if still_due == 0 => {
            kinsoku::paragraph(ui, text.all_done_today);
        }
        None => {}
    }
    ui.add_space(theme::space::M);
    ui.horizontal(|ui| {
        if ui.button(text.back_to_decks).clicked() {
            actions.push(Action::Open(Screen::Decks));
        }
        if !session.answered.is_empty() && ui.button(text.undo).clicked() {
            actions.push(Action::Review(ReviewAction::Undo));
        }
    });
}
