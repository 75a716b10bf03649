//! The end of a study session: what was answered, how long it took, what comes next.
//! Drawn by the review screen, which owns the session.

use super::ReviewSession;
use crate::core::review::scheduler::Rating;
use crate::core::study::queue;
use crate::core::study::scope::DueCounts;
use crate::ui::context::{Action, ReviewAction, Screen, ScreenContext};
use crate::ui::kinsoku;
use crate::ui::theme;
use crate::ui::widgets::{self, rating_label};

pub fn show(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    session: &ReviewSession,
    remaining: DueCounts,
    actions: &mut Vec<Action>,
) {
    theme::column(ui, theme::READING_WIDTH, |ui| {
        ui.add_space(theme::space::L);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            summary(ui, ctx, session, remaining, actions);
        });
    });
}

fn summary(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    session: &ReviewSession,
    remaining: DueCounts,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let still_due = remaining.total();
    if session.ended_early && still_due > 0 {
        ui.heading(text.session_ended_early);
        kinsoku::paragraph(ui, text.still_due_today(still_due));
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
