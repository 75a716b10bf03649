//! The app: owns the collection and the open store, routes between screens, and applies
//! the actions screens ask for after the UI pass (as egui_demo_app does), so no screen
//! mutates the domain while it is being drawn.

use crate::core::collection::{AnswerDetails, Collection};
use crate::core::days;
use crate::core::deck::Lang;
use crate::core::export;
use crate::core::mock::{self, MockSetup};
use crate::core::queue::{self, DueCounts, QueueKind, Scope};
use crate::core::scheduler::Rating;
use crate::core::settings::{Settings, Theme};
use crate::core::stats::Stats;
use crate::core::store::Store;
use crate::ui::mock_screen::{MockAnswer, MockState};
use crate::ui::strings::{self, Strings};
use crate::ui::{
    decks_screen, fonts, mock_screen, review_screen, settings_screen, stats_screen, summary_screen,
};
use chrono::{DateTime, FixedOffset, Local};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where the app reads the time from; tests substitute a clock they control.
pub trait Clock {
    fn now(&self) -> DateTime<FixedOffset>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A card on screen in a study session.
#[derive(Debug, Clone)]
pub struct ShownCard {
    pub card_id: String,
    pub kind: QueueKind,
    pub shown_at: DateTime<FixedOffset>,
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
    pub card: Option<ShownCard>,
    pub answered: Vec<Answered>,
}

pub enum Screen {
    Decks,
    Review(ReviewSession),
    Summary(ReviewSession),
    Settings(settings_screen::Draft),
    Stats(stats_screen::Range),
    Mock(MockState),
}

/// What a screen asks the app to do once the frame's UI is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    StartSession(Scope),
    Reveal,
    Grade(Rating),
    Undo,
    EndSession,
    OpenDecks,
    OpenSettings,
    SaveSettings(Box<Settings>),
    OpenStats,
    OpenMock,
    StartMock(MockSetup),
    /// Ends the current mock question and moves to the next (or to grading).
    MockNext,
    SaveMock,
    Export(ExportTarget),
}

/// What the export menu writes into the data folder's `exports/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// A deck, by id, as an Anki text file.
    Anki(String),
    /// The review log as CSV for the FSRS optimizer.
    Reviews,
}

/// Numbers the decks screen shows, recomputed when the collection changes or time passes.
pub struct Overview {
    pub generation: u64,
    pub computed_at: DateTime<FixedOffset>,
    pub per_deck: HashMap<String, DueCounts>,
    pub all: DueCounts,
}

pub struct MensetsuApp {
    pub collection: Collection,
    /// `Err` holds why the data folder could not be opened for writing (e.g. another
    /// window has it); the app then shows everything but cannot record answers.
    pub store: Result<Store, String>,
    clock: Box<dyn Clock>,
    pub screen: Screen,
    system_lang: Lang,
    /// Shown in a banner until dismissed: failed writes and the like.
    pub flash: Vec<String>,
    overview: Option<Overview>,
    /// Statistics for a collection generation and study day; recomputed when either moves.
    stats: Option<(u64, chrono::NaiveDate, Stats)>,
    applied_look: Option<(Theme, f32)>,
    /// The file the last export wrote, or why it failed (the message names the file);
    /// shown on the decks screen.
    pub last_export: Option<Result<PathBuf, String>>,
}

impl MensetsuApp {
    pub fn new(
        collection: Collection,
        store: Result<Store, String>,
        clock: Box<dyn Clock>,
        system_lang: Lang,
    ) -> Self {
        Self {
            collection,
            store,
            clock,
            screen: Screen::Decks,
            system_lang,
            flash: Vec::new(),
            overview: None,
            stats: None,
            applied_look: None,
            last_export: None,
        }
    }

    /// Sets up fonts; call once with the app's context.
    pub fn install_fonts(ctx: &egui::Context) {
        fonts::install(ctx);
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub fn lang(&self) -> Lang {
        self.collection
            .settings
            .ui_language
            .unwrap_or(self.system_lang)
    }

    pub fn strings(&self) -> &'static Strings {
        strings::strings(self.lang())
    }

    pub fn overview(&mut self) -> &Overview {
        let now = self.now();
        let generation = self.collection.generation;
        let overview = match self.overview.take() {
            Some(overview)
                if overview.generation == generation
                    && (now - overview.computed_at).num_seconds().abs() < 30 =>
            {
                overview
            }
            _ => {
                let (per_deck, all) = queue::due_counts_by_deck(&self.collection, now);
                Overview {
                    generation,
                    computed_at: now,
                    per_deck,
                    all,
                }
            }
        };
        self.overview.insert(overview)
    }

    /// The statistics, computed once per change of the log or settings (and of the day).
    pub fn stats(&mut self) -> &Stats {
        let now = self.now();
        let today = days::study_day(now, self.collection.settings.day_rollover_hour);
        let generation = self.collection.generation;
        let stats = match self.stats.take() {
            Some(cached) if cached.0 == generation && cached.1 == today => cached,
            _ => (generation, today, self.collection.stats(now)),
        };
        &self.stats.insert(stats).2
    }

    /// Draws the whole app into `ui`; the eframe entry point and the UI tests both call it.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.apply_look(ui.ctx());
        let mut actions = Vec::new();
        self.top_bar(ui, &mut actions);
        self.flash_banner(ui);
        egui::CentralPanel::default_margins().show(ui, |ui| match self.screen {
            Screen::Decks => decks_screen::show(ui, self, &mut actions),
            Screen::Review(_) => review_screen::show(ui, self, &mut actions),
            Screen::Summary(_) => summary_screen::show(ui, self, &mut actions),
            Screen::Settings(_) => settings_screen::show(ui, self, &mut actions),
            Screen::Stats(_) => stats_screen::show(ui, self),
            Screen::Mock(_) => mock_screen::show(ui, self, &mut actions),
        });
        for action in actions {
            self.apply(action);
        }
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (
            self.collection.settings.theme,
            self.collection.settings.text_scale,
        );
        if self.applied_look == Some(look) {
            return;
        }
        ctx.set_theme(match look.0 {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        ctx.set_zoom_factor(look.1);
        self.applied_look = Some(look);
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let text = self.strings();
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(text.app_title);
                ui.separator();
                let on_decks = matches!(self.screen, Screen::Decks);
                if ui.selectable_label(on_decks, text.decks).clicked() && !on_decks {
                    actions.push(Action::OpenDecks);
                }
                let on_stats = matches!(self.screen, Screen::Stats(_));
                if ui.selectable_label(on_stats, text.statistics).clicked() && !on_stats {
                    actions.push(Action::OpenStats);
                }
                let on_mock = matches!(self.screen, Screen::Mock(_));
                if ui.selectable_label(on_mock, text.mock_interview).clicked() && !on_mock {
                    actions.push(Action::OpenMock);
                }
                let on_settings = matches!(self.screen, Screen::Settings(_));
                if ui.selectable_label(on_settings, text.settings).clicked() && !on_settings {
                    actions.push(Action::OpenSettings);
                }
                if let Err(reason) = &self.store {
                    ui.separator();
                    ui.colored_label(ui.visuals().warn_fg_color, text.read_only)
                        .on_hover_text(reason);
                }
            });
        });
    }

    fn flash_banner(&mut self, ui: &mut egui::Ui) {
        if self.flash.is_empty() {
            return;
        }
        let mut dismissed = false;
        egui::Panel::top("flash").show(ui, |ui| {
            for message in &self.flash {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            dismissed = ui.button("OK").clicked();
        });
        if dismissed {
            self.flash.clear();
        }
    }

    /// Applies one action. Public so tests can drive flows the same way the UI does.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::StartSession(scope) => {
                let mut session = ReviewSession {
                    scope,
                    card: None,
                    answered: Vec::new(),
                };
                self.advance(&mut session);
                self.screen = match session.card {
                    Some(_) => Screen::Review(session),
                    None => Screen::Summary(session),
                };
            }
            Action::Reveal => {
                if let Screen::Review(ReviewSession {
                    card: Some(card), ..
                }) = &mut self.screen
                {
                    card.revealed = true;
                }
            }
            Action::Grade(rating) => self.grade(rating),
            Action::Undo => self.undo(),
            Action::EndSession => {
                self.save_current_note();
                if let Screen::Review(session) = std::mem::replace(&mut self.screen, Screen::Decks)
                {
                    self.screen = Screen::Summary(session);
                }
            }
            Action::OpenDecks => {
                self.save_current_note();
                self.screen = Screen::Decks;
            }
            Action::OpenSettings => {
                self.save_current_note();
                self.screen =
                    Screen::Settings(settings_screen::Draft::from(&self.collection.settings));
            }
            Action::OpenStats => {
                self.save_current_note();
                self.screen = Screen::Stats(stats_screen::Range::default());
            }
            Action::OpenMock => {
                self.save_current_note();
                self.screen = Screen::Mock(MockState::Setup(MockSetup::default()));
            }
            Action::StartMock(setup) => self.start_mock(setup),
            Action::MockNext => self.next_mock_question(),
            Action::SaveMock => self.save_mock(),
            Action::Export(target) => self.export(&target),
            Action::SaveSettings(settings) => match self.collection.apply_settings(*settings) {
                Ok(()) => self.screen = Screen::Decks,
                Err(error) => self
                    .flash
                    .push(format!("{}: {error}", self.strings().save_failed)),
            },
        }
    }

    /// Writes an export under a name no earlier export has (see
    /// [`export::write_new_file`]): with no file dialog, replacing a file the user may
    /// have edited or not yet imported would lose it silently.
    fn export(&mut self, target: &ExportTarget) {
        let collection = &self.collection;
        let (name, text) = match target {
            ExportTarget::Anki(deck_id) => {
                let Some(loaded) = collection
                    .decks
                    .decks
                    .iter()
                    .find(|d| d.deck.id == *deck_id)
                else {
                    return;
                };
                (
                    export::anki_file_name(&loaded.deck),
                    export::anki_notes(&loaded.deck, collection.settings.content_language),
                )
            }
            ExportTarget::Reviews => (
                export::REVIEWS_FILE_NAME.to_string(),
                export::reviews_csv(&collection.snapshot.records),
            ),
        };
        let dir = collection.data_dir.exports_dir();
        self.last_export =
            Some(export::write_new_file(&dir, &name, text.as_bytes()).map_err(|e| e.to_string()));
    }

    fn start_mock(&mut self, setup: MockSetup) {
        let cards = mock::pick_questions(
            &self.collection.decks,
            &setup.roles,
            setup.questions,
            &mut rand::rng(),
        );
        if cards.is_empty() {
            self.flash
                .push(self.strings().no_mock_questions.to_string());
            return;
        }
        let answers = cards
            .into_iter()
            .map(|card_id| {
                let points = self
                    .collection
                    .decks
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
        self.screen = Screen::Mock(MockState::Answering {
            setup,
            answers,
            index: 0,
            started_at: self.now(),
        });
    }

    fn next_mock_question(&mut self) {
        let now = self.now();
        let Screen::Mock(MockState::Answering {
            answers,
            index,
            started_at,
            ..
        }) = &mut self.screen
        else {
            return;
        };
        if let Some(answer) = answers.get_mut(*index) {
            answer.duration_ms = u64::try_from((now - *started_at).num_milliseconds()).unwrap_or(0);
        }
        *index += 1;
        *started_at = now;
        if *index >= answers.len() {
            let answers = std::mem::take(answers);
            self.screen = Screen::Mock(MockState::Grading { answers });
        }
    }

    /// Logs every graded mock answer as a review of its card, under one session id.
    fn save_mock(&mut self) {
        let now = self.now();
        let Screen::Mock(MockState::Grading { answers }) = &self.screen else {
            return;
        };
        let answers = answers.clone();
        let Ok(store) = &mut self.store else {
            return;
        };
        let session = format!("mock-{}", store.next_id());
        for answer in answers {
            let Some(rating) = answer.rating else {
                continue;
            };
            let details = AnswerDetails {
                duration_ms: Some(answer.duration_ms),
                points_covered: Some(
                    answer
                        .ticked
                        .iter()
                        .enumerate()
                        .filter(|(_, ticked)| **ticked)
                        .map(|(index, _)| index)
                        .collect(),
                ),
                points_total: Some(answer.ticked.len()),
                answer: Some(answer.draft.clone()).filter(|draft| !draft.trim().is_empty()),
                mode: Some(mock::MOCK_MODE.to_string()),
                session: Some(session.clone()),
            };
            if let Err(error) =
                self.collection
                    .record_answer(store, &answer.card_id, rating, now, details)
            {
                let message = format!("{}: {error}", strings::strings(self.lang()).save_failed);
                self.flash.push(message);
                // Stay on the grading screen: the answers not yet saved are still there.
                return;
            }
        }
        self.screen = Screen::Mock(MockState::Setup(MockSetup::default()));
    }

    /// Puts the next card of the session on screen, or none when the session is done.
    fn advance(&self, session: &mut ReviewSession) {
        let now = self.now();
        session.card =
            queue::next_card(&self.collection, &session.scope, now).map(|(card_id, kind)| {
                let points = self
                    .collection
                    .decks
                    .find_card(&card_id)
                    .map_or(0, |(_, card)| card.points.len());
                ShownCard {
                    note: self.collection.note(&card_id).to_string(),
                    card_id,
                    kind,
                    shown_at: now,
                    revealed: false,
                    draft: String::new(),
                    ticked: vec![false; points],
                }
            });
    }

    fn save_current_note(&mut self) {
        let Screen::Review(ReviewSession {
            card: Some(card), ..
        }) = &self.screen
        else {
            return;
        };
        let (card_id, note) = (card.card_id.clone(), card.note.clone());
        let now = self.now();
        if let Ok(store) = &mut self.store
            && let Err(error) = self.collection.save_note(store, &card_id, &note, now)
        {
            self.flash.push(format!(
                "{}: {error}",
                strings::strings(self.lang()).save_failed
            ));
        }
    }

    fn grade(&mut self, rating: Rating) {
        self.save_current_note();
        let now = self.now();
        let Screen::Review(session) = &mut self.screen else {
            return;
        };
        let Some(card) = session.card.clone() else {
            return;
        };
        if !card.revealed {
            return;
        }
        let Ok(store) = &mut self.store else {
            return;
        };
        let duration_ms = u64::try_from((now - card.shown_at).num_milliseconds()).unwrap_or(0);
        let details = AnswerDetails {
            duration_ms: Some(duration_ms),
            points_covered: Some(
                card.ticked
                    .iter()
                    .enumerate()
                    .filter(|(_, ticked)| **ticked)
                    .map(|(index, _)| index)
                    .collect(),
            ),
            points_total: Some(card.ticked.len()),
            answer: Some(card.draft.clone()).filter(|draft| !draft.trim().is_empty()),
            mode: None,
            session: None,
        };
        match self
            .collection
            .record_answer(store, &card.card_id, rating, now, details)
        {
            Ok(review_id) => {
                session.answered.push(Answered {
                    review_id,
                    card_id: card.card_id.clone(),
                    rating,
                    duration_ms,
                    shown: card,
                });
                let mut session = session.clone();
                self.advance(&mut session);
                self.screen = match session.card {
                    Some(_) => Screen::Review(session),
                    None => Screen::Summary(session),
                };
            }
            Err(error) => {
                // The answer is not on disk: keep the card on screen so nothing is lost.
                let message = format!("{}: {error}", strings::strings(self.lang()).save_failed);
                self.flash.push(message);
            }
        }
    }

    /// Undoes the session's last answer and shows that card again as it was.
    fn undo(&mut self) {
        let now = self.now();
        let session = match &mut self.screen {
            Screen::Review(session) | Screen::Summary(session) => session,
            _ => return,
        };
        let Some(last) = session.answered.last().cloned() else {
            return;
        };
        let Ok(store) = &mut self.store else {
            return;
        };
        match self.collection.undo(store, &last.review_id, now) {
            Ok(()) => {
                session.answered.pop();
                let mut shown = last.shown;
                shown.revealed = false;
                shown.shown_at = now;
                session.card = Some(shown);
                let session = session.clone();
                self.screen = Screen::Review(session);
            }
            Err(error) => {
                let message = format!("{}: {error}", strings::strings(self.lang()).save_failed);
                self.flash.push(message);
            }
        }
    }
}

impl eframe::App for MensetsuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_current_note();
    }
}
