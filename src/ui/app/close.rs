//! Work not yet saved, kept whatever ends the window. Closing it (the title bar's ×,
//! Alt+F4, the window manager) with something at risk asks Save / Discard / Cancel, naming
//! what would be lost; with nothing at risk the window closes at once. While an answer or a
//! mock interview is typed it is kept in `drafts.json` (a few seconds behind the keyboard,
//! see [`drafts::Keeper`]), so a crash or a power cut does not lose it either, and the next
//! start offers it back. A read-only window keeps no drafts: the folder is another
//! window's.

use super::MensetsuApp;
use crate::core::collection::Collection;
use crate::core::content::deck::Lang;
use crate::core::drafts::{Drafts, Due, Keeper, MockDraft, StudyDraft};
use crate::ui::Screen;
use crate::ui::context::{Action, CardChange, EditorAction};
use crate::ui::strings::Strings;
use crate::ui::voice;
use crate::ui::{kinsoku, theme};
use chrono::{DateTime, FixedOffset};
use egui::RichText;

/// One thing closing the window now would lose.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AtRisk {
    DeckEdits(String),
    Mock {
        typed: usize,
        total: usize,
        grading: bool,
    },
    StudyDraft,
    /// Answers to this many cards left unanswered, kept for their next showing.
    SetAside(usize),
    Story(String),
    Interview,
    Settings,
    OwnPoints(String),
}

impl AtRisk {
    fn describe(&self, text: &Strings) -> String {
        match self {
            AtRisk::DeckEdits(name) => text.close_deck_edits(name),
            AtRisk::Mock {
                total,
                grading: true,
                ..
            } => text.close_mock_grading(*total),
            AtRisk::Mock { typed, total, .. } => text.close_mock(*typed, *total),
            AtRisk::StudyDraft => text.close_study_draft.to_string(),
            AtRisk::SetAside(cards) => text.close_set_aside(*cards),
            AtRisk::Story(title) if title.trim().is_empty() => {
                text.close_story_untitled.to_string()
            }
            AtRisk::Story(title) => text.close_story(title.trim()),
            AtRisk::Interview => text.close_interview.to_string(),
            AtRisk::Settings => text.close_settings.to_string(),
            AtRisk::OwnPoints(card) => text.close_own_points(card),
        }
    }

    /// Save keeps it in `drafts.json` (it is not an answer until graded) rather than where
    /// it belongs.
    fn is_draft(&self) -> bool {
        matches!(
            self,
            AtRisk::Mock { .. } | AtRisk::StudyDraft | AtRisk::SetAside(_)
        )
    }
}

/// What the dialogs decided during the UI pass, applied after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Save,
    Discard,
    Cancel,
    ResumeMock,
    DiscardMock,
    ResumeStudy,
    DiscardStudy,
}

/// The app's part in keeping work: drafts, the offer to resume them, the close dialog.
#[derive(Debug, Default)]
pub(super) struct Keeping {
    /// `None`: this window keeps no drafts (it is read-only, or a damaged drafts file
    /// could not be moved out of the way).
    keeper: Option<Keeper>,
    /// Drafted before the app last ended, waiting for Resume or Discard; kept in the file
    /// until then.
    offers: Drafts,
    /// The close dialog is up; after a Save that did not save everything, why not.
    dialog: Option<Vec<String>>,
    /// The window is going (the user chose, or nothing was at risk): no more asking, no
    /// more drafts written.
    closing: bool,
    /// The last failed write of the drafts, reported once rather than every few seconds.
    last_error: Option<String>,
    /// What had the keyboard when the dialog came up (the answer box, typically): Cancel
    /// gives it back, so typing goes on as if nothing happened.
    focus_before: Option<egui::Id>,
    /// The timers stopped while the dialog is up (the mock question's, the study card's):
    /// deciding is not answering.
    held: (bool, bool),
}

impl Keeping {
    /// Reads the drafts of a window that may write (`writable`), dropping what is no
    /// longer a draft; problems go to `flash`.
    pub(super) fn load(
        collection: &Collection,
        writable: bool,
        now: DateTime<FixedOffset>,
        flash: &mut Vec<String>,
    ) -> Self {
        if !writable {
            return Self::default();
        }
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        let (keeper, mut offers) = match collection.load_drafts(&stamp) {
            Ok(found) => (Some(Keeper::new(found.clone())), found),
            Err(error) => {
                flash.push(error.to_string());
                let keeper = (!error.blocks_writing()).then(|| Keeper::new(Drafts::default()));
                (keeper, Drafts::default())
            }
        };
        // A crash between grading and the draft's removal would offer a graded answer
        // again: an answer logged at or after the draft means it was graded.
        let answered_since = |card: &str, at: DateTime<FixedOffset>| {
            collection
                .history(card)
                .any(|replayed| replayed.record.at >= at)
        };
        if let Some(study) = &offers.study
            && answered_since(&study.card, study.at)
        {
            offers.study = None;
        }
        // And for an answer set aside for its card: graded since, it is no longer kept.
        offers
            .set_aside
            .retain(|study| !answered_since(&study.card, study.at));
        // The same for a mock interview cut short while its grades were being logged: the
        // answers logged are not offered again, the others are.
        if let Some(mock) = &mut offers.mock
            && mock.current.is_none()
        {
            let at = mock.at;
            mock.answers
                .retain(|answer| !answered_since(&answer.card, at));
            if mock.answers.is_empty() {
                offers.mock = None;
            }
        }
        Self {
            keeper,
            offers,
            ..Self::default()
        }
    }

    /// The answers an earlier run set aside, for the study screen to take up.
    pub(super) fn take_set_aside(&mut self) -> Vec<StudyDraft> {
        std::mem::take(&mut self.offers.set_aside)
    }

    /// Whether the close dialog or the offer to resume is on screen.
    pub(super) fn dialog_up(&self) -> bool {
        self.dialog.is_some() || !self.offers.is_empty()
    }
}

/// The keys a dialog answers to, read before the screens below take them.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DialogKeys {
    enter: bool,
    /// Enter or Space: what presses a focused button.
    press: bool,
}

impl DialogKeys {
    pub(super) fn read(ctx: &egui::Context, dialog_up: bool) -> Self {
        if !dialog_up {
            return Self::default();
        }
        ctx.input(|input| {
            let enter = input.key_pressed(egui::Key::Enter) && input.modifiers.is_none();
            Self {
                enter,
                press: enter || input.key_pressed(egui::Key::Space),
            }
        })
    }
}

impl MensetsuApp {
    /// Whether the close dialog is up.
    pub fn close_dialog_open(&self) -> bool {
        self.keeping.dialog.is_some()
    }

    /// Whether the window is closing (the user chose, or nothing was at risk).
    pub fn is_closing(&self) -> bool {
        self.keeping.closing
    }

    /// Drafts from an earlier run, offered back and not yet resumed or discarded.
    pub fn offered_drafts(&self) -> &Drafts {
        &self.keeping.offers
    }

    /// What closing now would lose, in the order the dialog lists it.
    fn at_risk(&self) -> Vec<AtRisk> {
        let now = self.now();
        let collection = &self.collection;
        let mut found = Vec::new();
        if self.screens.editor.is_dirty()
            && let Some(name) = self.screens.editor.deck_title(self.lang())
        {
            found.push(AtRisk::DeckEdits(name));
        }
        if let Some(mock) = self.screens.mock.draft(now) {
            found.push(AtRisk::Mock {
                typed: mock.typed(),
                total: mock.answers.len(),
                grading: mock.current.is_none(),
            });
        }
        if self.screens.review.draft(now).is_some() {
            found.push(AtRisk::StudyDraft);
        }
        let set_aside = self.screens.review.set_aside_count();
        if set_aside > 0 {
            found.push(AtRisk::SetAside(set_aside));
        }
        if let Some(form) = self.screens.stories.unsaved(collection) {
            found.push(AtRisk::Story(form.draft.title.clone()));
        }
        if self.screens.decks.unsaved_interview(collection).is_some() {
            found.push(AtRisk::Interview);
        }
        if self.screens.settings.is_unsaved(collection.settings()) {
            found.push(AtRisk::Settings);
        }
        if let Some((card, _)) = self.screens.browse.unsaved_own_points(collection) {
            found.push(AtRisk::OwnPoints(card));
        }
        found
    }

    /// Answers the window manager's close request, before anything is drawn: at once when
    /// nothing is at risk, else with the dialog (the close cancelled until the user
    /// chooses). eframe calls this from `logic` too, so a minimised window asks as well.
    pub fn handle_close_request(&mut self, ctx: &egui::Context) {
        if self.keeping.closing || !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        if self.at_risk().is_empty() {
            self.keeping.closing = true;
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        if self.keeping.dialog.is_none() {
            self.keeping.dialog = Some(Vec::new());
            self.keeping.focus_before = ctx.memory(|memory| memory.focused());
            let now = self.now();
            self.keeping.held = (self.screens.mock.hold(now), self.screens.review.hold(now));
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        }
    }

    /// The close dialog or the offer to resume drafts, whichever is due; their choices
    /// are applied here, after the screens were drawn.
    pub(super) fn keeping_ui(&mut self, ctx: &egui::Context, keys: DialogKeys) {
        let choice = if self.keeping.dialog.is_some() {
            self.close_dialog(ctx, keys)
        } else if !self.keeping.offers.is_empty() {
            self.resume_offer(ctx)
        } else {
            None
        };
        match choice {
            Some(Choice::Save) => self.save_and_close(ctx),
            Some(Choice::Discard) => self.discard_and_close(ctx),
            Some(Choice::Cancel) => {
                self.keeping.dialog = None;
                let now = self.now();
                let (mock, review) = std::mem::take(&mut self.keeping.held);
                if mock {
                    self.screens.mock.release(now);
                }
                if review {
                    self.screens.review.release(now);
                }
            }
            Some(Choice::ResumeMock) => {
                if let Some(mock) = self.keeping.offers.mock.take() {
                    let now = self.now();
                    let lang = self.card_language_now();
                    self.screens.mock.resume(&mock, &self.collection, lang, now);
                    self.open(Screen::Mock);
                }
            }
            Some(Choice::DiscardMock) => {
                if let Some(mock) = self.keeping.offers.mock.take() {
                    for answer in &mock.answers {
                        if let Some(recording) = &answer.recording {
                            voice::discard_take(&self.collection, &answer.card, recording);
                        }
                    }
                }
            }
            Some(Choice::ResumeStudy) => {
                if let Some(study) = self.keeping.offers.study.take() {
                    let now = self.now();
                    let lang = self.card_language_now();
                    if self
                        .screens
                        .review
                        .resume(&self.collection, &study, lang, now)
                    {
                        self.open(Screen::Review);
                    } else {
                        let message = self.strings().resume_card_gone.to_string();
                        self.flash.push(message);
                    }
                }
            }
            Some(Choice::DiscardStudy) => {
                if let Some(study) = self.keeping.offers.study.take()
                    && let Some(recording) = &study.recording
                {
                    voice::discard_take(&self.collection, &study.card, recording);
                }
            }
            None => {}
        }
        if choice.is_some() {
            ctx.request_repaint();
        }
        // Widgets under a modal lose the keyboard, and cannot take it back until a frame
        // has passed without one.
        if self.keeping.dialog.is_none() && self.keeping.focus_before.is_some() {
            if ctx.memory(|memory| memory.top_modal_layer()).is_none() {
                if let Some(id) = self.keeping.focus_before.take() {
                    ctx.memory_mut(|memory| memory.request_focus(id));
                }
            } else {
                ctx.request_repaint();
            }
        }
    }

    fn close_dialog(&self, ctx: &egui::Context, keys: DialogKeys) -> Option<Choice> {
        let text = self.strings();
        let at_risk = self.at_risk();
        let not_saved = self.keeping.dialog.as_deref().unwrap_or_default();
        let writable = self.store.is_ok();
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("close_dialog")).show(ctx, |ui| {
            ui.set_max_width((ctx.content_rect().width() - 48.0).clamp(240.0, 460.0));
            ui.label(
                RichText::new(text.close_title)
                    .size(theme::size::HEADING)
                    .strong(),
            );
            ui.add_space(theme::space::S);
            kinsoku::paragraph(ui, text.close_would_lose);
            for item in &at_risk {
                kinsoku::paragraph(ui, format!("• {}", item.describe(text)));
            }
            ui.add_space(theme::space::S);
            if !not_saved.is_empty() {
                ui.colored_label(ui.visuals().error_fg_color, text.close_not_saved);
                for reason in not_saved {
                    ui.colored_label(ui.visuals().error_fg_color, format!("• {reason}"));
                }
                ui.add_space(theme::space::S);
            }
            let drafts = at_risk.iter().any(AtRisk::is_draft);
            let saved = at_risk.iter().any(|item| !item.is_draft());
            let hint = match (writable, saved, drafts) {
                (false, _, _) => text.close_read_only,
                (true, true, true) => text.close_save_hint_both,
                (true, false, true) => text.close_save_hint_drafts,
                (true, _, false) => text.close_save_hint,
            };
            let muted = theme::tone::MUTED_TEXT.on(ui);
            kinsoku::paragraph(ui, RichText::new(hint).color(muted));
            ui.add_space(theme::space::M);
            let button_focused = ui
                .horizontal(|ui| {
                    let save = ui.add_enabled(
                        writable,
                        crate::ui::widgets::primary_button(text.close_save),
                    );
                    let discard = ui.button(text.close_discard);
                    let cancel = ui.button(text.close_cancel);
                    // A button the user moved to with Tab takes Enter and Space, read
                    // before the screen below could take them.
                    let pressed = |button: &egui::Response| {
                        button.clicked() || (keys.press && button.has_focus())
                    };
                    for (button, chosen) in [
                        (&save, Choice::Save),
                        (&discard, Choice::Discard),
                        (&cancel, Choice::Cancel),
                    ] {
                        if pressed(button) {
                            choice = Some(chosen);
                        }
                    }
                    [save, discard, cancel]
                        .iter()
                        .any(egui::Response::has_focus)
                })
                .inner;
            // Enter takes the highlighted choice, as Esc takes Cancel.
            if choice.is_none() && writable && !button_focused && keys.enter {
                choice = Some(Choice::Save);
            }
        });
        if choice.is_none() && modal.should_close() {
            choice = Some(Choice::Cancel);
        }
        choice
    }

    fn resume_offer(&self, ctx: &egui::Context) -> Option<Choice> {
        let text = self.strings();
        let now = self.now();
        let offers = &self.keeping.offers;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("resume_offer")).show(ctx, |ui| {
            // Narrower than the window at any text size (800×600 at 1.6 is 500 points).
            ui.set_max_width((ctx.content_rect().width() - 48.0).clamp(240.0, 520.0));
            ui.label(
                RichText::new(text.resume_title)
                    .size(theme::size::HEADING)
                    .strong(),
            );
            if let Some(mock) = &offers.mock {
                ui.add_space(theme::space::M);
                kinsoku::paragraph(ui, mock_offer(text, mock, now));
                ui.horizontal(|ui| {
                    if ui
                        .add(crate::ui::widgets::primary_button(text.resume_mock_button))
                        .clicked()
                    {
                        choice = Some(Choice::ResumeMock);
                    }
                    if ui.button(text.discard_mock_button).clicked() {
                        choice = Some(Choice::DiscardMock);
                    }
                });
            }
            if let Some(study) = &offers.study {
                ui.add_space(theme::space::M);
                kinsoku::paragraph(ui, study_offer(text, study, now));
                if let Some((_, card)) = self.collection.decks().find_card(&study.card) {
                    let question = crate::ui::widgets::localized_plain(
                        &card.question,
                        self.collection.settings().card_language(self.system_lang),
                    );
                    let first = question.lines().next().unwrap_or_default();
                    ui.add(
                        egui::Label::new(
                            RichText::new(first).color(theme::tone::MUTED_TEXT.on(ui)),
                        )
                        .truncate(),
                    );
                }
                let typed = study.answer.trim().lines().next().unwrap_or_default();
                if !typed.is_empty() {
                    ui.add(
                        egui::Label::new(RichText::new(format!("“{typed}”")).italics()).truncate(),
                    );
                }
                if study.recording.is_some() {
                    ui.label(RichText::new(text.draft_has_recording()).italics());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add(crate::ui::widgets::primary_button(text.resume_study_button))
                        .clicked()
                    {
                        choice = Some(Choice::ResumeStudy);
                    }
                    if ui.button(text.discard_study_button).clicked() {
                        choice = Some(Choice::DiscardStudy);
                    }
                });
            }
        });
        choice
    }

    /// Saves what has a place of its own, keeps the rest as drafts, and closes when
    /// nothing is left at risk; otherwise the dialog stays, saying what was not saved.
    fn save_and_close(&mut self, ctx: &egui::Context) {
        let text = self.strings();
        if self.screens.editor.is_dirty() {
            self.apply(Action::Editor(EditorAction::Save));
        }
        if self.screens.stories.unsaved(&self.collection).is_some()
            && let Some(action) = self.screens.stories.save_action()
        {
            self.apply(Action::Story(action));
        }
        if self
            .screens
            .decks
            .unsaved_interview(&self.collection)
            .is_some()
            && let Some(action) = self.screens.decks.interview_save_action()
        {
            self.apply(action);
        }
        if self.screens.settings.is_unsaved(self.collection.settings())
            && let Some(settings) = self.screens.settings.checked(text)
        {
            self.apply(Action::SaveSettings(Box::new(settings)));
        }
        if let Some((card, points)) = self.screens.browse.unsaved_own_points(&self.collection) {
            self.apply(Action::Card(vec![card], CardChange::OwnPoints(points)));
        }
        let drafts_kept = self.write_drafts();
        let mut not_saved: Vec<String> = self
            .at_risk()
            .into_iter()
            .filter(|item| !(item.is_draft() && drafts_kept))
            .map(|item| {
                let reason = match item {
                    AtRisk::DeckEdits(_) => self.screens.editor.error(),
                    AtRisk::Settings => self.screens.settings.error(),
                    AtRisk::Story(_) => self
                        .screens
                        .stories
                        .unsaved(&self.collection)
                        .and_then(|form| form.error.as_deref()),
                    AtRisk::Interview => self
                        .screens
                        .decks
                        .unsaved_interview(&self.collection)
                        .and_then(|form| form.error.as_deref()),
                    _ => self.keeping.last_error.as_deref(),
                };
                match reason {
                    Some(reason) => format!("{}: {reason}", item.describe(text)),
                    None => item.describe(text),
                }
            })
            .collect();
        if not_saved.is_empty() {
            self.keeping.closing = true;
            self.keeping.dialog = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            not_saved.dedup();
            self.keeping.dialog = Some(not_saved);
        }
    }

    /// Drops the drafts (file included) and closes; edits elsewhere go with the window.
    fn discard_and_close(&mut self, ctx: &egui::Context) {
        self.screens.mock.discard(&self.collection);
        self.screens.review.discard_draft(&self.collection);
        self.write_drafts();
        self.keeping.closing = true;
        self.keeping.dialog = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// The drafts as they are now: the work on screen, and the offers not yet answered.
    /// The language answers are given in now: a resumed draft's recording is measured in it.
    fn card_language_now(&self) -> Lang {
        self.collection
            .settings()
            .card_language(self.system_lang)
            .order()
            .0
    }

    fn drafts_now(&self) -> Drafts {
        let now = self.now();
        Drafts {
            study: self
                .screens
                .review
                .draft(now)
                .or_else(|| self.keeping.offers.study.clone()),
            mock: self
                .screens
                .mock
                .draft(now)
                .or_else(|| self.keeping.offers.mock.clone()),
            set_aside: self.screens.review.set_aside_drafts(now),
            ..Drafts::default()
        }
    }

    /// After each frame: writes the drafts when the keeper says so, and makes sure a
    /// frame comes when it will.
    pub(super) fn keep_drafts(&mut self, ctx: &egui::Context) {
        if self.keeping.closing {
            return;
        }
        let now = self.now();
        let drafts = self.drafts_now();
        let Some(keeper) = &mut self.keeping.keeper else {
            return;
        };
        match keeper.due(&drafts, now) {
            Due::Nothing => {}
            Due::In(ms) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(ms.unsigned_abs()))
            }
            Due::Now => {
                self.write(&drafts, now);
            }
        }
    }

    /// Writes the drafts now, whatever the keeper's timing; true when they are on disk.
    pub(super) fn write_drafts(&mut self) -> bool {
        let now = self.now();
        let drafts = self.drafts_now();
        self.write(&drafts, now)
    }

    fn write(&mut self, drafts: &Drafts, now: DateTime<FixedOffset>) -> bool {
        let Some(keeper) = &mut self.keeping.keeper else {
            return false;
        };
        match self.collection.save_drafts(drafts) {
            Ok(()) => {
                keeper.written(drafts);
                self.keeping.last_error = None;
                true
            }
            Err(error) => {
                keeper.failed(now);
                let message = format!("{}: {error}", self.strings().save_failed);
                if self.keeping.last_error.as_ref() != Some(&message) {
                    self.flash.push(message.clone());
                    self.keeping.last_error = Some(message);
                }
                false
            }
        }
    }
}

/// "21:14" today, with the date on another day.
fn when(at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let at = at.with_timezone(now.offset());
    if at.date_naive() == now.date_naive() {
        at.format("%H:%M").to_string()
    } else {
        at.format("%Y-%m-%d %H:%M").to_string()
    }
}

fn mock_offer(text: &Strings, mock: &MockDraft, now: DateTime<FixedOffset>) -> String {
    let time = when(mock.at, now);
    if mock.current.is_some() {
        text.resume_mock(&time, mock.typed(), mock.answers.len())
    } else {
        text.resume_mock_grading(&time, mock.answers.len())
    }
}

fn study_offer(text: &Strings, study: &StudyDraft, now: DateTime<FixedOffset>) -> String {
    text.resume_study(&when(study.at, now))
}
