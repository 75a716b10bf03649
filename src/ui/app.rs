//! The app: owns the collection, the open store and one struct per screen, each keeping
//! its state for as long as the app runs (as egui_demo_app's apps do). It draws the tabs
//! and the banners, and after the UI pass hands each action to the screen that owns it
//! ([`Action::owner`]), which applies it through the collection's methods; so no screen
//! changes the domain while it is being drawn, and no screen's handling lives here.

use crate::core::content::deck::Lang;
use crate::core::review::store::{Store, StoreError};
use crate::core::settings::Theme;
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::stats::Stats;
use crate::ui::browse_screen::BrowseScreen;
use crate::ui::conflict_screen::ConflictScreen;
use crate::ui::context::{Action, Clock, FollowUp, Screen, ScreenContext, View, Writing};
use crate::ui::deck_editor_screen::DeckEditorScreen;
use crate::ui::decks_screen::DecksScreen;
use crate::ui::ime::ImeGuard;
use crate::ui::mock_screen::{MockScreen, MockState};
use crate::ui::review_screen::{ReviewScreen, ReviewSession};
use crate::ui::settings_screen::SettingsScreen;
use crate::ui::stats_screen::StatsScreen;
use crate::ui::stories_screen::StoriesScreen;
use crate::ui::strings::{self, Strings};
use crate::ui::{fonts, theme};
use chrono::{DateTime, FixedOffset};

mod close;

pub struct MensetsuApp {
    collection: IndexedCollection,
    /// `Err` holds why the data folder could not be opened for writing (e.g. another
    /// window has it); the app then shows everything but cannot record answers.
    store: Result<Store, StoreError>,
    clock: Box<dyn Clock>,
    system_lang: Lang,
    screen: Screen,
    screens: Screens,
    /// Shown in a banner until dismissed: failed writes and the like.
    flash: Vec<String>,
    /// Shown in the same banner, not as problems: what was just done.
    notices: Vec<String>,
    applied_look: Option<(Theme, f32)>,
    /// Drafts, the offer to resume them and the close dialog (`close.rs`).
    keeping: close::Keeping,
    /// Whether the scroll positions eframe brought back from the last run were dropped.
    scrolls_forgotten: bool,
}

impl MensetsuApp {
    pub fn new(
        collection: impl Into<IndexedCollection>,
        store: Result<Store, StoreError>,
        clock: Box<dyn Clock>,
        system_lang: Lang,
    ) -> Self {
        let collection = collection.into();
        let mut flash = Vec::new();
        let mut keeping = close::Keeping::load(&collection, store.is_ok(), clock.now(), &mut flash);
        let mut screens = Screens {
            mock: MockScreen::remembering(collection.settings()),
            ..Screens::default()
        };
        // Answers set aside in an earlier run come back with their cards, unasked.
        let lang = collection.settings().card_language(system_lang).order().0;
        let set_aside = keeping.take_set_aside();
        screens
            .review
            .restore_set_aside(&collection, &set_aside, lang, clock.now());
        Self {
            collection,
            store,
            clock,
            system_lang,
            screen: Screen::Decks,
            screens,
            flash,
            notices: Vec::new(),
            applied_look: None,
            keeping,
            scrolls_forgotten: false,
        }
    }

    /// Sets up fonts, the look and the input-method guard ([`ImeGuard`], reporting the
    /// caret as egui does; the binary turns X11's placement on); call once with the
    /// app's context.
    pub fn install_fonts(ctx: &egui::Context) {
        fonts::install(ctx);
        theme::install(ctx);
        ImeGuard::install(ctx, false);
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub fn collection(&self) -> &IndexedCollection {
        &self.collection
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The study session in progress or just over, if any.
    pub fn review_session(&self) -> Option<&ReviewSession> {
        self.screens.review.session()
    }

    /// The study screen's microphone: what it records and plays.
    pub fn review_microphone(&self) -> &crate::ui::voice::Microphone {
        self.screens.review.microphone()
    }

    pub fn browse(&self) -> &BrowseScreen {
        &self.screens.browse
    }

    /// The card browser, for benches that set what a click would (a column's sort).
    pub fn browse_mut(&mut self) -> &mut BrowseScreen {
        &mut self.screens.browse
    }

    pub fn mock_state(&self) -> &MockState {
        self.screens.mock.state()
    }

    /// Messages in the banner (failed writes and the like).
    pub fn flash(&self) -> &[String] {
        &self.flash
    }

    pub fn lang(&self) -> Lang {
        self.collection.settings().app_language(self.system_lang)
    }

    pub fn strings(&self) -> &'static Strings {
        strings::strings(self.lang())
    }

    /// The statistics the statistics screen shows, computed once per change.
    pub fn stats(&mut self) -> &Stats {
        let now = self.now();
        self.screens.stats.stats(&self.collection, now)
    }

    /// Draws the whole app into `ui`; the eframe entry point and the UI tests both call it.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.handle_close_request(ui.ctx());
        self.apply_look(ui.ctx());
        theme::fit_tooltips(ui.ctx());
        crate::ui::widgets::note_focus_move(ui.ctx());
        if !self.scrolls_forgotten {
            // eframe restores every scroll area's offset with the rest of egui's memory,
            // but the content under it is another run's: Settings opened half-way down,
            // a new mock interview's review at an answer other than the first. Every
            // screen opens at its top instead; column widths and the like stay restored.
            ui.ctx()
                .data_mut(|data| data.remove_by_type::<egui::scroll_area::State>());
            self.scrolls_forgotten = true;
        }
        // Keys reach the screens under a dialog too: while one is up they do nothing. The
        // dialog's keys are read first, since a screen takes the ones it uses (the study
        // screen's Enter reveals) and the dialog would never see them.
        let dialog_up = self.keeping.dialog_up();
        let dialog_keys = close::DialogKeys::read(ui.ctx(), dialog_up);
        let mut actions = Vec::new();
        self.top_bar(ui, &mut actions);
        self.read_only_banner(ui);
        self.flash_banner(ui);
        let lang = self.lang();
        let context = ScreenContext {
            collection: &self.collection,
            text: strings::strings(lang),
            lang,
            card_language: self.collection.settings().card_language(self.system_lang),
            now: self.now(),
            writable: self
                .store
                .as_ref()
                .map(|_| ())
                .map_err(|_| strings::strings(lang).read_only_banner),
        };
        // A file dropped anywhere on the window goes to the import preview.
        let dropped: Vec<std::path::PathBuf> = ui.ctx().input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            actions.push(Action::FileDropped(path));
        }
        let hovering = ui.ctx().input(|input| !input.raw.hovered_files.is_empty());
        if hovering {
            egui::Area::new(egui::Id::unique("drop_hint"))
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ui.ctx(), |ui| {
                    theme::card(ui).show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(context.text.drop_to_import)
                                .size(theme::size::HEADING),
                        );
                    });
                });
        }
        let shown = self.screens.view(self.screen);
        egui::CentralPanel::default_margins().show(ui, |ui| shown.ui(ui, &context, &mut actions));
        if dialog_up {
            actions.clear();
        }
        // What was drawn shows the state before these actions: draw again, or a change
        // no input caused (a background job's result) would wait for the next mouse move.
        if !actions.is_empty() {
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(action);
        }
        self.keeping_ui(ui.ctx(), dialog_keys);
        self.keep_drafts(ui.ctx());
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        let settings = self.collection.settings();
        let look = (settings.theme, settings.text_scale);
        if self.applied_look == Some(look) {
            return;
        }
        ctx.set_theme(match look.0 {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        theme::set_text_scale(ctx, look.1);
        self.applied_look = Some(look);
    }

    fn top_bar(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let text = self.strings();
        let has_session = self.screens.review.session().is_some();
        // Ctrl+1…7 open the screens in the order of the tabs, from anywhere.
        let tabs = [
            (Screen::Decks, text.decks, egui::Key::Num1),
            (Screen::Review, text.study_tab, egui::Key::Num2),
            (Screen::Browse, text.browse_tab, egui::Key::Num3),
            (Screen::Stats, text.statistics, egui::Key::Num4),
            (Screen::Stories, text.stories_tab, egui::Key::Num5),
            (Screen::Mock, text.mock_interview, egui::Key::Num6),
            (Screen::Settings, text.settings, egui::Key::Num7),
        ];
        let editing = self.screens.editor.open_path().is_some();
        // The new deck's form is the editor's page too: with no tab for it, none was lit.
        let naming_a_new_deck = !editing && self.screen == Screen::Edit;
        for (screen, _, key) in tabs {
            let shown = screen != Screen::Review || has_session;
            if shown
                && screen != self.screen
                && ui.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, key))
            {
                actions.push(Action::Open(screen));
            }
        }
        let bar = egui::Frame::new()
            .fill(theme::tone::CARD.on(ui))
            .inner_margin(egui::Margin::symmetric(12, 6));
        let mut entries: Vec<Tab> = tabs
            .into_iter()
            .enumerate()
            .filter(|(_, (screen, _, _))| *screen != Screen::Review || has_session)
            .map(|(index, (screen, label, _))| Tab {
                screen,
                label,
                key: Some(index + 1),
            })
            .collect();
        if editing || naming_a_new_deck {
            entries.push(Tab {
                screen: Screen::Edit,
                label: if editing {
                    text.edit_deck
                } else {
                    text.new_deck
                },
                key: None,
            });
        }
        egui::Panel::top("top_bar").frame(bar).show(ui, |ui| {
            ui.horizontal(|ui| {
                let fit = TabsFit::measure(ui, text, &entries, self.store.is_err());
                if fit.title {
                    ui.label(
                        egui::RichText::new(text.app_title)
                            .size(theme::size::HEADING)
                            .color(theme::tone::STRONG_TEXT.on(ui)),
                    );
                    ui.add_space(theme::space::M);
                }
                let (inline, hidden) = entries.split_at(fit.inline);
                for tab in inline {
                    let on = self.screen == tab.screen;
                    if tab.show(ui, on).clicked() && !on {
                        actions.push(Action::Open(tab.screen));
                    }
                }
                if !hidden.is_empty() {
                    // The tabs a narrow window (or large text) has no room for, in a menu
                    // that names the screen on show when it is one of them.
                    let current = hidden.iter().find(|tab| tab.screen == self.screen);
                    let label = format!("{} ▼", current.map_or(text.more_tabs, |tab| tab.label));
                    let button = egui::Button::selectable(current.is_some(), label);
                    egui::containers::menu::MenuButton::from_button(button).ui(ui, |ui| {
                        for tab in hidden {
                            let on = self.screen == tab.screen;
                            if tab.show(ui, on).clicked() {
                                if !on {
                                    actions.push(Action::Open(tab.screen));
                                }
                                ui.close();
                            }
                        }
                    });
                }
                if let Err(error) = &self.store {
                    ui.separator();
                    ui.colored_label(ui.visuals().warn_fg_color, text.read_only)
                        .on_hover_text(text.read_only_reason(error));
                }
            });
        });
    }

    /// A window that cannot write says so where it cannot be missed, with the reason.
    fn read_only_banner(&self, ui: &mut egui::Ui) {
        let Err(error) = &self.store else {
            return;
        };
        let text = self.strings();
        let reason = text.read_only_reason(error);
        let frame = egui::Frame::new()
            .fill(theme::tone::WARNING_FILL.on(ui))
            .inner_margin(egui::Margin::symmetric(12, 8));
        egui::Panel::top("read_only").frame(frame).show(ui, |ui| {
            ui.label(
                egui::RichText::new(text.read_only_banner)
                    .color(theme::tone::WARNING.on(ui))
                    .strong(),
            );
            // The reason is a sentence of its own under the headline, which says what
            // read-only means; the reason says why and what to do.
            theme::caption(ui, &as_sentence(&reason));
        });
    }

    fn flash_banner(&mut self, ui: &mut egui::Ui) {
        if self.flash.is_empty() && self.notices.is_empty() {
            return;
        }
        let mut dismissed = false;
        egui::Panel::top("flash").show(ui, |ui| {
            for message in &self.notices {
                ui.label(egui::RichText::new(message).strong());
            }
            for message in &self.flash {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            dismissed = ui.button("OK").clicked();
        });
        if dismissed {
            self.flash.clear();
            self.notices.clear();
        }
    }

    /// Applies one action: opening a screen here, anything else in the screen that owns
    /// it. Public so tests and benchmarks can drive flows the way the UI does.
    pub fn apply(&mut self, action: Action) {
        if let Action::Open(screen) = action {
            self.open(screen);
            return;
        }
        let Some(owner) = action.owner() else {
            return;
        };
        let (screens, mut writing) = self.split();
        let follow_ups = screens.view(owner).apply(action, &mut writing);
        self.follow(follow_ups);
    }

    /// The screens, and what they write through.
    fn split(&mut self) -> (&mut Screens, Writing<'_>) {
        let lang = self.lang();
        let writing = Writing {
            now: self.now(),
            text: strings::strings(lang),
            lang,
            card_language: self.collection.settings().card_language(self.system_lang),
            collection: &mut self.collection,
            store: self.store.as_mut().ok(),
        };
        (&mut self.screens, writing)
    }

    fn follow(&mut self, follow_ups: Vec<FollowUp>) {
        for follow_up in follow_ups {
            match follow_up {
                FollowUp::Open(screen) => self.open(screen),
                FollowUp::Flash(message) => self.flash.push(message),
                FollowUp::Notice(message) => self.notices.push(message),
            }
        }
    }

    /// Switches screens. The screen left keeps its state (its timer stopped, a note
    /// saved); the one opened picks up where it was.
    fn open(&mut self, screen: Screen) {
        let left = self.screen;
        let (screens, mut writing) = self.split();
        let follow_ups = screens.view(left).leave(&mut writing);
        screens.view(screen).enter(&mut writing);
        self.screen = screen;
        self.follow(follow_ups);
    }

    /// Whether the settings screen is still fitting or simulating in the background.
    pub fn settings_busy(&mut self) -> bool {
        self.screens.settings.is_busy()
    }

    /// Saves what is unsaved before the window closes: the note of the card on screen,
    /// and the drafts as they are, unless the user chose what to do with them.
    pub fn save_before_exit(&mut self) {
        let (screens, mut writing) = self.split();
        let saved = screens.review.save_note(
            writing.collection,
            writing.store.as_deref_mut(),
            writing.now,
        );
        let follow_ups = writing.report(saved);
        self.follow(follow_ups);
        if !self.is_closing() {
            self.write_drafts();
        }
    }
}

/// One struct per screen, each keeping its state while another is shown.
#[derive(Default)]
struct Screens {
    decks: DecksScreen,
    review: ReviewScreen,
    browse: BrowseScreen,
    stories: StoriesScreen,
    editor: DeckEditorScreen,
    conflict: ConflictScreen,
    stats: StatsScreen,
    mock: MockScreen,
    settings: SettingsScreen,
}

impl Screens {
    fn view(&mut self, screen: Screen) -> &mut dyn View {
        match screen {
            Screen::Decks => &mut self.decks,
            Screen::Review => &mut self.review,
            Screen::Browse => &mut self.browse,
            Screen::Stories => &mut self.stories,
            Screen::Edit => &mut self.editor,
            Screen::Conflict => &mut self.conflict,
            Screen::Stats => &mut self.stats,
            Screen::Mock => &mut self.mock,
            Screen::Settings => &mut self.settings,
        }
    }
}

/// A tab of the top bar: its screen, its label and its Ctrl+number.
struct Tab {
    screen: Screen,
    label: &'static str,
    key: Option<usize>,
}

impl Tab {
    fn show(&self, ui: &mut egui::Ui, on: bool) -> egui::Response {
        let tab = ui.selectable_label(on, self.label);
        match self.key {
            Some(key) => tab.on_hover_text(format!("Ctrl+{key}")),
            None => tab,
        }
    }

    fn width(&self, ui: &egui::Ui) -> f32 {
        let font = egui::TextStyle::Button.resolve(ui.style());
        theme::text_width(ui, self.label, font)
            + 2.0 * ui.spacing().button_padding.x
            + ui.spacing().item_spacing.x
    }
}

/// What of the top bar fits in one row: the app's title only when every tab does, and as
/// many tabs as fit beside the menu that holds the rest.
struct TabsFit {
    title: bool,
    inline: usize,
}

impl TabsFit {
    fn measure(ui: &egui::Ui, text: &Strings, tabs: &[Tab], read_only: bool) -> Self {
        let spacing = ui.spacing();
        let button = egui::TextStyle::Button.resolve(ui.style());
        let room = ui.available_width()
            - if read_only {
                let body = egui::TextStyle::Body.resolve(ui.style());
                theme::text_width(ui, text.read_only, body) + 4.0 * spacing.item_spacing.x
            } else {
                0.0
            };
        let widths: Vec<f32> = tabs.iter().map(|tab| tab.width(ui)).collect();
        let all: f32 = widths.iter().sum();
        let title = theme::text_width(
            ui,
            text.app_title,
            egui::FontId::proportional(theme::size::HEADING),
        ) + theme::space::M
            + 2.0 * spacing.item_spacing.x;
        if title + all <= room {
            return Self {
                title: true,
                inline: tabs.len(),
            };
        }
        if all <= room {
            return Self {
                title: false,
                inline: tabs.len(),
            };
        }
        // The menu's button names the current screen when it is hidden: room for the
        // longest name it may show.
        let menu = tabs
            .iter()
            .map(|tab| tab.label)
            .chain([text.more_tabs])
            .map(|label| theme::text_width(ui, &format!("{label} ▼"), button.clone()))
            .fold(0.0, f32::max)
            + 2.0 * spacing.button_padding.x
            + spacing.item_spacing.x;
        let mut used = menu;
        let inline = widths
            .iter()
            .take_while(|width| {
                used += **width;
                used <= room
            })
            .count();
        Self {
            title: false,
            inline,
        }
    }
}

impl eframe::App for MensetsuApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_before_exit();
    }
}

/// `text` with a capital first letter and a closing full stop, as a sentence on its own.
fn as_sentence(text: &str) -> String {
    let mut characters = text.trim().chars();
    let Some(first) = characters.next() else {
        return String::new();
    };
    let rest = characters.as_str();
    let end = if rest.ends_with(['.', '。', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{}{rest}{end}", first.to_uppercase())
}
