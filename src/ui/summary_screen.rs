//! The end of a study session: what was answered, how long it took, what comes next.

use crate::core::queue;
use crate::core::scheduler::Rating;
use crate::ui::app::{Action, MensetsuApp, Screen};

pub fn show(ui: &mut egui::Ui, app: &mut MensetsuApp, actions: &mut Vec<Action>) {
    let text = app.strings();
    let now = app.now();
    let Screen::Summary(session) = &app.screen else {
        return;
    };
    ui.heading(text.session_done);
    ui.add_space(8.0);
    let count = |rating: Rating| {
        session
            .answered
            .iter()
            .filter(|a| a.rating == rating)
            .count()
    };
    ui.label(format!("{}: {}", text.answered, session.answered.len()));
    ui.label(format!(
        "{} {} · {} {} · {} {} · {} {}",
        text.again,
        count(Rating::Again),
        text.hard,
        count(Rating::Hard),
        text.good,
        count(Rating::Good),
        text.easy,
        count(Rating::Easy)
    ));
    if !session.answered.is_empty() {
        let total_ms: u64 = session.answered.iter().map(|a| a.duration_ms).sum();
        let average = total_ms / session.answered.len() as u64 / 1000;
        ui.label(format!(
            "{}: {}:{:02}",
            text.average_time,
            average / 60,
            average % 60
        ));
    }
    ui.add_space(8.0);
    match queue::next_learning_due(&app.collection, &session.scope, now) {
        Some(due) => {
            ui.label(format!("{}: {}", text.come_back_at, due.format("%H:%M")));
        }
        None => {
            ui.label(text.all_done_today);
        }
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(text.back_to_decks).clicked() {
            actions.push(Action::OpenDecks);
        }
        if !session.answered.is_empty() && ui.button(text.undo).clicked() {
            actions.push(Action::Undo);
        }
    });
}
