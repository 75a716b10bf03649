//! The interviews card of the decks screen: each upcoming interview with the days left,
//! its readiness and how readiness grew, the form that adds or edits one, and the past
//! ones folded away.

use crate::core::collection::{Collection, InterviewSaveError};
use crate::core::content::role;
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::interview::{Interview, InterviewDraft, InterviewError};
use crate::core::study::readiness;
use crate::ui::context::{Action, FollowUp, InterviewAction, ScreenContext, Writing};
use crate::ui::strings::Strings;
use crate::ui::{theme, widgets};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use egui_plot::{Line, PlotPoints};

/// How far back the readiness chart goes.
const HISTORY_DAYS: i64 = 90;

/// What the card shows for one interview, worked out when the collection or the day
/// changes, not every frame.
#[derive(Debug, Clone, PartialEq)]
struct InterviewView {
    interview: Interview,
    cards: usize,
    days_left: i64,
    readiness: f32,
    history: Vec<(NaiveDate, f32)>,
    /// Cards still to see in the final sweep, when it has begun.
    sweep_left: Option<usize>,
}

impl InterviewView {
    /// The numbers that move with each answer: the readiness, today's point of the
    /// history (the readiness as the log stands at the end of today, so the same value),
    /// and the cards left in the final sweep.
    fn refresh(
        &mut self,
        collection: &IndexedCollection,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
    ) {
        let interview = &self.interview;
        self.readiness =
            readiness::overall_of_interview(collection, interview, *now.offset()).unwrap_or(0.0);
        match self.history.last_mut() {
            Some((day, value)) if *day == today => *value = self.readiness,
            // A history starts on the day of the first answer to one of the cards, and
            // only such an answer makes the readiness more than 0.
            None if self.readiness > 0.0 => self.history.push((today, self.readiness)),
            _ => {}
        }
        let sweep_days = i64::from(collection.settings().final_sweep_days);
        // A card in the sweep has been studied, so the two counts never share a card.
        self.sweep_left = (sweep_days > 0 && self.days_left <= sweep_days).then(|| {
            let ids = || {
                interview
                    .cards(collection.decks())
                    .map(|(_, card)| card.id.as_str())
            };
            collection.count_in_final_sweep(ids(), now)
                + ids().filter(|id| collection.state_of(id).is_none()).count()
        });
    }
}

#[derive(Debug)]
struct Views {
    generation: u64,
    /// What the histories were computed from besides the answers since: the study day,
    /// the collection's replays, its interviews and marks.
    history_key: (NaiveDate, u64, u64),
    today: NaiveDate,
    upcoming: Vec<InterviewView>,
    past: Vec<Interview>,
}

/// The interview being added or edited, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InterviewForm {
    /// `Some` when editing that interview.
    pub editing: Option<String>,
    pub name: String,
    pub date: String,
    pub decks: Vec<String>,
    pub roles: Vec<String>,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// The name field takes the keyboard when the form opens.
    pub focus_name: bool,
}

impl InterviewForm {
    fn editing(interview: &Interview) -> Self {
        Self {
            editing: Some(interview.id.clone()),
            name: interview.name.clone(),
            date: interview.date.to_string(),
            decks: interview.decks.clone(),
            roles: interview.roles.clone(),
            error: None,
            focus_name: true,
        }
    }

    fn new_interview() -> Self {
        Self {
            focus_name: true,
            ..Self::default()
        }
    }

    fn draft(&self) -> InterviewDraft {
        InterviewDraft {
            name: self.name.clone(),
            date: parse_date(&self.date),
            decks: self.decks.clone(),
            roles: self.roles.clone(),
        }
    }
}

/// Why an interview was refused, as the form says it.
fn refusal(text: &Strings, error: &InterviewError) -> String {
    match error {
        InterviewError::NoName => text.interview_no_name.to_string(),
        InterviewError::NoDate => text.interview_no_date.to_string(),
        InterviewError::DateInPast { date, today } => text.interview_date_past(date, today),
        InterviewError::UnknownDeck(id) => text.interview_unknown_deck(id),
        InterviewError::UnknownRole(id) => text.interview_unknown_role(id),
        InterviewError::NothingCovered => text.interview_nothing_covered.to_string(),
        InterviewError::NoCards => text.interview_no_cards.to_string(),
        InterviewError::UnknownInterview(_) => text.interview_gone.to_string(),
    }
}

/// "2026-12-20", also with slashes or full-width digits as a Japanese keyboard may give.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let normalized: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '/' | '／' | '－' | '.' => '-',
            other => other,
        })
        .collect();
    NaiveDate::parse_from_str(&normalized, "%Y-%m-%d").ok()
}

#[derive(Debug, Default)]
pub struct InterviewsCard {
    views: Option<Views>,
    form: Option<InterviewForm>,
    /// The interview whose Remove was clicked, waiting for the user to confirm.
    confirm_remove: Option<String>,
}

impl InterviewsCard {
    /// The interview form, when it holds something not saved: typing in a new one, or a
    /// change to the one being edited.
    pub fn unsaved(&self, collection: &Collection) -> Option<&InterviewForm> {
        let form = self.form.as_ref()?;
        let differs = |other: &InterviewForm| {
            (&other.name, &other.date, &other.decks, &other.roles)
                != (&form.name, &form.date, &form.decks, &form.roles)
        };
        let changed = match &form.editing {
            Some(id) => collection
                .interviews()
                .iter()
                .find(|interview| interview.id == *id)
                .is_none_or(|interview| differs(&InterviewForm::editing(interview))),
            None => differs(&InterviewForm::default()),
        };
        changed.then_some(form)
    }

    /// What the form's Save would ask for.
    pub fn save_action(&self) -> Option<InterviewAction> {
        self.form.as_ref().map(|form| InterviewAction::Save {
            draft: form.draft(),
            editing: form.editing.clone(),
        })
    }

    /// The form was saved: close it.
    fn saved(&mut self) {
        self.form = None;
    }

    /// The form was refused: say why, in the app's language, and keep what the user
    /// typed.
    fn refused(&mut self, text: &Strings, error: &InterviewError) {
        if let Some(form) = &mut self.form {
            form.error = Some(refusal(text, error));
        }
    }

    /// Saving failed on disk: say so in the form too, so it is not taken for saved.
    fn not_saved(&mut self, message: String) {
        if let Some(form) = &mut self.form {
            form.error = Some(message);
        }
    }

    fn views(&mut self, collection: &IndexedCollection, now: DateTime<FixedOffset>) -> &Views {
        let generation = collection.generation();
        let today = collection.scheduler().study_day(now);
        let history_key = (today, collection.replays(), collection.derived_version());
        let current = self.views.as_ref().map(|views| {
            (
                views.generation == generation,
                views.history_key == history_key,
            )
        });
        match current {
            Some((true, _)) => {}
            // Only answers since: the past days of each history stand, and walking every
            // answer again took most of a second with a million of them. Today's point and
            // the numbers of today follow the answers.
            Some((false, true)) => {
                if let Some(views) = self.views.as_mut() {
                    for view in &mut views.upcoming {
                        view.refresh(collection, today, now);
                    }
                    views.generation = generation;
                }
            }
            None | Some((false, false)) => {
                let mut upcoming = Vec::new();
                let mut past = Vec::new();
                for interview in collection.interviews() {
                    if !interview.is_upcoming(today) {
                        past.push(interview.clone());
                        continue;
                    }
                    let offset = *now.offset();
                    let mut view = InterviewView {
                        cards: interview.cards(collection.decks()).count(),
                        days_left: interview.days_left(today),
                        readiness: 0.0,
                        history: readiness::history(
                            collection,
                            interview,
                            today,
                            offset,
                            HISTORY_DAYS,
                        ),
                        sweep_left: None,
                        interview: interview.clone(),
                    };
                    view.refresh(collection, today, now);
                    upcoming.push(view);
                }
                past.reverse();
                self.views = Some(Views {
                    generation,
                    history_key,
                    today,
                    upcoming,
                    past,
                });
            }
        }
        self.views.get_or_insert_with(|| Views {
            generation,
            history_key,
            today,
            upcoming: Vec::new(),
            past: Vec::new(),
        })
    }

    /// Saves or removes an interview (the decks screen passes on what this card asked).
    pub fn apply(&mut self, action: InterviewAction, writing: &mut Writing) -> Vec<FollowUp> {
        let Some(store) = writing.store.as_deref_mut() else {
            return Vec::new();
        };
        match action {
            InterviewAction::Save { draft, editing } => {
                match writing.collection.save_interview(
                    store,
                    &draft,
                    editing.as_deref(),
                    writing.now,
                ) {
                    Ok(_) => {
                        self.saved();
                        Vec::new()
                    }
                    Err(InterviewSaveError::Draft(error)) => {
                        self.refused(writing.text, &error);
                        Vec::new()
                    }
                    Err(InterviewSaveError::Store(error)) => {
                        let message = writing.failure(error);
                        self.not_saved(message.clone());
                        vec![FollowUp::Flash(message)]
                    }
                }
            }
            InterviewAction::Remove(id) => {
                let result = writing.collection.remove_interview(store, &id, writing.now);
                writing.report(result)
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        let views = self.views(ctx.collection, ctx.now);
        let (upcoming, past, today) = (views.upcoming.clone(), views.past.clone(), views.today);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(text.interviews).size(theme::size::HEADING));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let add = ui
                        .add_enabled(
                            ctx.can_write() && self.form.is_none(),
                            egui::Button::new(text.add_interview),
                        )
                        .on_disabled_hover_text(text.read_only_banner);
                    if add.clicked() {
                        self.form = Some(InterviewForm::new_interview());
                    }
                });
            });
            if upcoming.is_empty() && self.form.is_none() {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(text.interviews_empty)
                            .color(theme::tone::MUTED_TEXT.on(ui)),
                    )
                    .wrap(),
                );
            }
            if let Some(form) = &mut self.form {
                ui.add_space(theme::space::S);
                if form_ui(ui, ctx, form, today, actions) {
                    self.form = None;
                }
            }
            for view in &upcoming {
                ui.add_space(theme::space::S);
                ui.separator();
                if let Some(clicked) = interview_ui(ui, ctx, view, &mut self.confirm_remove) {
                    match clicked {
                        RowClick::Edit => {
                            self.form = Some(InterviewForm::editing(&view.interview));
                        }
                        RowClick::Remove => {
                            actions.push(Action::Interview(InterviewAction::Remove(
                                view.interview.id.clone(),
                            )));
                        }
                    }
                }
            }
            if !past.is_empty() {
                ui.add_space(theme::space::S);
                egui::CollapsingHeader::new(format!("{} ({})", text.past_interviews, past.len()))
                    .id_salt("past_interviews")
                    .show(ui, |ui| {
                        for interview in &past {
                            theme::caption(ui, &format!("{}  {}", interview.date, interview.name));
                        }
                    });
            }
        });
    }
}

enum RowClick {
    Edit,
    Remove,
}

/// One upcoming interview: name, date, days left, readiness and its chart.
fn interview_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    view: &InterviewView,
    confirm_remove: &mut Option<String>,
) -> Option<RowClick> {
    let text = ctx.text;
    let interview = &view.interview;
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(&interview.name).strong());
            let when = match view.days_left {
                0 => text.today_word.to_string(),
                1 => text.tomorrow_word.to_string(),
                days => text.days_left(days),
            };
            theme::caption(
                ui,
                &format!(
                    "{} ({})  ·  {}",
                    interview.date.format("%Y-%m-%d"),
                    when,
                    text.card_count(view.cards)
                ),
            );
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ctx.can_write() {
                if ui.button(text.remove).clicked() {
                    *confirm_remove = Some(interview.id.clone());
                }
                if ui.button(text.edit).clicked() {
                    clicked = Some(RowClick::Edit);
                }
            }
            ui.add_space(theme::space::M);
            let percent = format!("{:.0}%", view.readiness * 100.0);
            ui.label(
                egui::RichText::new(percent)
                    .size(theme::size::FIGURE)
                    .color(theme::tone::ACCENT.on(ui)),
            )
            .on_hover_text(text.readiness_hint);
            theme::caption(ui, text.readiness).on_hover_text(text.readiness_hint);
        });
    });
    if confirm_remove.as_deref() == Some(interview.id.as_str()) {
        ui.horizontal_wrapped(|ui| {
            ui.label(text.remove_interview_confirm(&interview.name));
            if ui.button(text.remove).clicked() {
                clicked = Some(RowClick::Remove);
                *confirm_remove = None;
            }
            if ui.button(text.cancel).clicked() {
                *confirm_remove = None;
            }
        });
    }
    if let Some(left) = view.sweep_left.filter(|left| *left > 0) {
        ui.colored_label(theme::tone::LEARNING.on(ui), text.in_sweep(left));
    }
    if view.history.len() >= 2 {
        let today = view.history.last().map_or(interview.date, |(day, _)| *day);
        let points: Vec<[f64; 2]> = view
            .history
            .iter()
            .map(|(day, value)| [(*day - today).num_days() as f64, f64::from(*value) * 100.0])
            .collect();
        let color = theme::tone::ACCENT.on(ui);
        // Named, as the statistics' charts are: a bare line left unclear whether it was
        // recall over time or the prediction for the day.
        theme::caption(ui, text.readiness_chart);
        widgets::day_plot(
            &interview.id,
            today,
            text.axis_percent,
            widgets::YValues::Amounts,
        )
        .height(90.0)
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |plot| {
            plot.line(
                Line::new(text.readiness_chart, PlotPoints::from(points))
                    .color(color)
                    .width(2.0),
            );
        })
        .response
        .on_hover_text(text.readiness_hint);
    }
    clicked
}

/// The add/edit form; true when the user cancelled it.
fn form_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    form: &mut InterviewForm,
    today: NaiveDate,
    actions: &mut Vec<Action>,
) -> bool {
    let text = ctx.text;
    let mut cancelled = false;
    egui::Grid::new("interview_form")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            let label = ui.label(text.interview_name);
            let name = ui
                .add(
                    egui::TextEdit::singleline(&mut form.name)
                        .hint_text(text.interview_name_hint)
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut form.focus_name) {
                name.request_focus();
            }
            if name.changed() {
                form.error = None;
            }
            ui.end_row();

            let label = ui.label(text.interview_date);
            ui.horizontal(|ui| {
                let date = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.date)
                            .hint_text(text.interview_date_hint)
                            .desired_width(120.0),
                    )
                    .labelled_by(label.id);
                if date.changed() {
                    form.error = None;
                }
                if !form.date.trim().is_empty() {
                    match parse_date(&form.date) {
                        Some(date) => {
                            let days = (date - today).num_days();
                            let when = match days {
                                0 => text.today_word.to_string(),
                                1 => text.tomorrow_word.to_string(),
                                days => text.days_left(days),
                            };
                            let weekday =
                                text.weekdays[date.weekday().num_days_from_monday() as usize];
                            theme::caption(ui, &format!("{weekday} · {when}"));
                        }
                        None => {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                text.interview_not_a_date,
                            );
                        }
                    }
                }
            });
            ui.end_row();

            ui.label(text.interview_roles);
            // One under another, as in the mock interview's setup: a wrapped row inside a
            // grid cell was drawn over the next row (Japanese, large text). Every deck's
            // role, as the mock interview offers them.
            let decks = &ctx.collection.decks().decks;
            let roles = role::offered(decks.iter().map(|loaded| loaded.deck.role.as_str()));
            ui.vertical(|ui| {
                for id in roles {
                    toggle(ui, &mut form.roles, id, role::label(id, ctx.lang));
                }
            });
            ui.end_row();

            ui.label(text.interview_decks);
            ui.vertical(|ui| {
                for loaded in &ctx.collection.decks().decks {
                    let deck = &loaded.deck;
                    let label = format!(
                        "{} ({})",
                        deck.title.get(ctx.lang),
                        text.card_count(deck.cards.len())
                    );
                    toggle(ui, &mut form.decks, &deck.id, &label);
                }
            });
            ui.end_row();
        });
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.horizontal(|ui| {
        if ui
            .add(widgets::primary_button(text.save_interview))
            .clicked()
        {
            form.error = None;
            actions.push(Action::Interview(InterviewAction::Save {
                draft: form.draft(),
                editing: form.editing.clone(),
            }));
        }
        cancelled = ui.button(text.cancel).clicked();
    });
    cancelled
}

/// A checkbox for whether `id` is in `chosen`.
fn toggle(ui: &mut egui::Ui, chosen: &mut Vec<String>, id: &str, label: &str) {
    let mut on = chosen.iter().any(|known| known == id);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            chosen.push(id.to_string());
        } else {
            chosen.retain(|known| known != id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_users_type_them() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 20);
        assert_eq!(parse_date("2026-12-20"), day);
        assert_eq!(parse_date(" 2026/12/20 "), day);
        assert_eq!(parse_date("２０２６－１２－２０"), day);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("next friday"), None);
    }

    /// After each answer the card refreshes its numbers instead of walking every answer
    /// again; what it shows must be what a card made from scratch shows.
    #[test]
    fn numbers_refreshed_after_answers_are_those_made_from_scratch() {
        use crate::core::collection::AnswerDetails;
        use crate::core::paths::DataDir;
        use crate::core::review::scheduler::Rating;
        use crate::core::review::store::Store;
        use crate::core::settings::{self, Settings};

        let temp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(temp.path());
        crate::core::test_decks::write_deck(&dir, "t", 6);
        settings::save(&dir.settings_file(), &Settings::default()).unwrap();
        let mut store = Store::open(dir.clone(), "pc").unwrap();
        let mut collection = IndexedCollection::from(Collection::load(dir, "t"));
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
        let mut now = at("2026-11-20T09:00:00+09:00");
        let draft = InterviewDraft {
            name: "Acme".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 23),
            decks: vec!["t".into()],
            roles: Vec::new(),
        };
        // Studied before the sweep began: each waits in it until answered again.
        for id in ["t1", "t2", "t3", "t4"] {
            let learnt = at("2026-11-10T09:00:00+09:00");
            collection
                .record_answer(
                    &mut store,
                    id,
                    Rating::Easy,
                    learnt,
                    AnswerDetails::default(),
                )
                .unwrap();
        }
        collection
            .save_interview(&mut store, &draft, None, now)
            .unwrap();
        let mut card = InterviewsCard::default();
        let mut refreshed = 0;
        for (step, id) in ["t1", "t2", "t1", "t3", "t2", "t4", "t1", "t5"]
            .iter()
            .enumerate()
        {
            // Within a day and across days (the sweep begins on the 20th), so that both
            // the refresh and the full recomputation run.
            now += chrono::Duration::minutes(if step % 3 == 2 { 1440 } else { 7 });
            let before = card.views(&collection, now).history_key;
            collection
                .record_answer(&mut store, id, Rating::Good, now, AnswerDetails::default())
                .unwrap();
            let shown = card.views(&collection, now).upcoming.clone();
            if card.views(&collection, now).history_key == before {
                refreshed += 1;
            }
            let fresh = InterviewsCard::default()
                .views(&collection, now)
                .upcoming
                .clone();
            assert_eq!(shown, fresh, "after answer {step} at {now}");
            // The sweep as the plan made from scratch over every card has it (the card made
            // from scratch reads the same plan of the day as the refreshed one).
            let plan = crate::core::study::interview_plan::InterviewPlan::for_day(&collection, now);
            let swept = (1..=6)
                .map(|n| format!("t{n}"))
                .filter(|id| plan.in_sweep(id) || collection.state_of(id).is_none())
                .count();
            assert_eq!(
                shown[0].sweep_left,
                Some(swept),
                "sweep after answer {step}"
            );
            assert!(shown[0].readiness > 0.0 && !shown[0].history.is_empty());
        }
        assert!(refreshed >= 4, "the refresh ran only {refreshed} times");
        let left = card.views(&collection, now).upcoming[0].sweep_left;
        assert!(left.is_some_and(|left| left < 6), "{left:?}");
    }
}
