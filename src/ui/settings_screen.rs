//! Settings: scheduling, study limits, timer, look and language.

use crate::core::collection::Collection;
use crate::core::content::deck::Lang;
use crate::core::review::fit::{self, Fit, FitError, FitProgress};
use crate::core::settings::{self, Bounds, ContentLanguage, Settings, Theme};
use crate::core::study::simulate::{self, Scenario, SimulateError, StartingCard, WorkloadPoint};
use crate::ui::context::{Action, FollowUp, Screen, ScreenContext, View, Writing};
use crate::ui::strings::Strings;
use crate::ui::widgets::{FollowFocus, StartAtTop};
use crate::ui::{theme, widgets};
use chrono::{DateTime, FixedOffset};
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

/// The settings being edited, with the step lists as the text the user types.
#[derive(Debug, Clone)]
pub struct Draft {
    pub settings: Settings,
    pub learning_steps: String,
    pub relearning_steps: String,
    pub error: Option<String>,
    /// A new draft opens the page at its top, never where an earlier one (or an earlier
    /// run of the app) was scrolled to.
    scroll_to_top: bool,
}

impl Draft {
    /// A draft of `settings`, its step lists written in `lang`'s units.
    fn new(settings: &Settings, lang: Lang) -> Self {
        Self {
            settings: settings.clone(),
            learning_steps: format_steps(&settings.learning_steps_minutes, lang),
            relearning_steps: format_steps(&settings.relearning_steps_minutes, lang),
            error: None,
            scroll_to_top: true,
        }
    }

    /// Which step list cannot be read, named as its field is, with how to write one.
    fn steps_problem(&self, text: &Strings) -> Option<String> {
        let learning = parse_steps(&self.learning_steps).filter(|steps| !steps.is_empty());
        let relearning = parse_steps(&self.relearning_steps);
        let named = |field: &str| format!("{field}: {}", text.invalid_steps);
        match (learning, relearning) {
            (Some(_), Some(_)) => None,
            (None, Some(_)) => Some(named(text.learning_steps)),
            (Some(_), None) => Some(named(text.relearning_steps)),
            (None, None) => Some(format!(
                "{}, {}: {}",
                text.learning_steps, text.relearning_steps, text.invalid_steps
            )),
        }
    }

    /// The settings as edited, with the step lists read; `None` if one cannot be.
    fn checked(&self) -> Option<Settings> {
        match (
            parse_steps(&self.learning_steps),
            parse_steps(&self.relearning_steps),
        ) {
            (Some(learning), Some(relearning)) if !learning.is_empty() => {
                let mut settings = self.settings.clone();
                settings.learning_steps_minutes = learning;
                settings.relearning_steps_minutes = relearning;
                Some(settings)
            }
            _ => None,
        }
    }
}

/// "1m 10m" for [1, 10], whole hours as "1h"; in Japanese 「1分 10分」「1時間」.
pub fn format_steps(minutes: &[f32], lang: Lang) -> String {
    let (minute, hour) = match lang {
        Lang::Ja => ("分", "時間"),
        Lang::En => ("m", "h"),
    };
    minutes
        .iter()
        .map(|&m| {
            if m >= 60.0 && m % 60.0 == 0.0 {
                format!("{}{hour}", m / 60.0)
            } else {
                format!("{m}{minute}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses "1m 10m", "30s", "1h", "10" (minutes), and the same in Japanese units (「1分
/// 10分」「30秒」「1時間」「1日」, digits full- or half-width, as an input method types
/// them) into minutes; `None` on anything else, including a step outside
/// [`settings::STEP_MINUTES`].
pub fn parse_steps(text: &str) -> Option<Vec<f32>> {
    let text: String = text.chars().map(half_width).collect();
    text.split([' ', ',', '、', '，'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (number, unit) = match part.char_indices().find(|(_, c)| c.is_alphabetic()) {
                Some((at, _)) => part.split_at(at),
                None => (part, "m"),
            };
            let value: f32 = number.parse().ok()?;
            let minutes = match unit {
                "s" | "秒" => value / 60.0,
                "m" | "分" => value,
                "h" | "時間" => value * 60.0,
                "d" | "日" => value * 60.0 * 24.0,
                _ => return None,
            };
            settings::STEP_MINUTES.contains(minutes).then_some(minutes)
        })
        .collect()
}

/// `edited` with the mock interview's setup of `current`: the draft's is as it was when
/// the draft was opened, and saving it must not undo a mock interview started since.
fn keeping_mock_of(edited: Settings, current: &Settings) -> Settings {
    Settings {
        mock: current.mock.clone(),
        ..edited
    }
}

/// Full-width digits, letters, the full stop and the space as their ASCII forms
/// (「１０ｍ」 as "10m", the ideographic space as a space).
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The settings screen keeps its draft while another screen is shown, so half-made
/// changes survive a look at the statistics; Save or Cancel ends the draft.
#[derive(Debug, Default)]
pub struct SettingsScreen {
    draft: Option<Draft>,
    /// Fitting FSRS parameters in the background, or what the last fit found.
    fit: Option<Job<Result<Fit, FitError>>>,
    /// The workload simulation in the background, or what it found.
    workload: Option<Job<Result<Workload, SimulateError>>>,
}

/// What the workload simulation found.
#[derive(Debug, Clone)]
pub struct Workload {
    pub points: Vec<WorkloadPoint>,
    pub optimal: f32,
}

/// Work on a background thread, so the window keeps drawing: its progress, a way to
/// cancel it, and its result once there.
#[derive(Debug)]
pub struct Job<T> {
    progress: Arc<FitProgress>,
    /// How many answers (fit) or cards (workload) it works on, for its label.
    size: usize,
    receiver: mpsc::Receiver<T>,
    result: Option<T>,
}

impl<T: Send + 'static> Job<T> {
    fn spawn(size: usize, work: impl FnOnce(&FitProgress) -> T + Send + 'static) -> Self {
        let progress = Arc::new(FitProgress::default());
        let (sender, receiver) = mpsc::channel();
        let shared = progress.clone();
        std::thread::spawn(move || {
            // The receiver may be gone (the screen was closed); nothing to tell then.
            let _ = sender.send(work(&shared));
        });
        Self {
            progress,
            size,
            receiver,
            result: None,
        }
    }

    /// The result, once the thread has sent it.
    fn poll(&mut self) -> Option<&T> {
        if self.result.is_none()
            && let Ok(result) = self.receiver.try_recv()
        {
            self.result = Some(result);
        }
        self.result.as_ref()
    }

    fn fraction(&self) -> f32 {
        self.progress
            .fraction
            .lock()
            .map_or(0.0, |fraction| *fraction)
    }

    fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_running(&self) -> bool {
        self.result.is_none()
    }
}

impl SettingsScreen {
    /// The screen is opened: a new draft of the current settings unless one is open.
    fn open(&mut self, settings: &Settings, lang: Lang) {
        if self.draft.is_none() {
            self.draft = Some(Draft::new(settings, lang));
        }
    }

    /// Whether the draft differs from `current` (a step list that cannot be read counts as
    /// a change: it is not what is saved). The last mock interview's setup is not this
    /// screen's: one started since the draft was opened is no change.
    pub fn is_unsaved(&self, current: &Settings) -> bool {
        self.draft.as_ref().is_some_and(|draft| {
            draft
                .checked()
                .map(|checked| keeping_mock_of(checked, current))
                .as_ref()
                != Some(current)
        })
    }

    /// The draft as settings to save; `None` (and the reason on the screen) when a step
    /// list cannot be read, or without a draft.
    pub fn checked(&mut self, text: &Strings) -> Option<Settings> {
        let draft = self.draft.as_mut()?;
        let checked = draft.checked();
        if checked.is_none() {
            draft.error = draft.steps_problem(text);
        }
        checked
    }

    /// Why the draft was not saved, as the screen shows it.
    pub fn error(&self) -> Option<&str> {
        self.draft.as_ref()?.error.as_deref()
    }

    /// The draft was saved or cancelled.
    fn close(&mut self) {
        self.draft = None;
    }

    /// New parameters were saved: the draft takes them too, so its Save keeps them.
    fn parameters_saved(&mut self, parameters: Option<Vec<f32>>) {
        if let Some(draft) = &mut self.draft {
            draft.settings.fsrs_parameters = parameters;
        }
    }

    /// Whether a fit or a simulation is still running (tests wait on this).
    pub fn is_busy(&mut self) -> bool {
        let fitting = self.fit.as_mut().is_some_and(|job| job.poll().is_none());
        let simulating = self
            .workload
            .as_mut()
            .is_some_and(|job| job.poll().is_none());
        fitting || simulating
    }
}

impl View for SettingsScreen {
    fn enter(&mut self, writing: &mut Writing) {
        self.open(writing.collection.settings(), writing.lang);
    }

    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        if writing.store.is_none() {
            // Never reached through the screen (Save is disabled), but a window that does
            // not own the folder must not write settings over the owner's.
            return Vec::new();
        }
        match action {
            Action::SaveSettings(settings) => match writing
                .collection
                .apply_settings(keeping_mock_of(*settings, writing.collection.settings()))
            {
                Ok(()) => {
                    self.close();
                    vec![FollowUp::Open(Screen::Decks)]
                }
                Err(error) => vec![FollowUp::Flash(writing.failure(error))],
            },
            // Fitted (or default) parameters go into the saved settings; the draft's other
            // unsaved changes stay unsaved.
            Action::UseParameters(parameters) => {
                let settings = Settings {
                    fsrs_parameters: parameters.clone(),
                    ..writing.collection.settings().clone()
                };
                match writing.collection.apply_settings(settings) {
                    Ok(()) => {
                        self.parameters_saved(parameters);
                        Vec::new()
                    }
                    Err(error) => vec![FollowUp::Flash(writing.failure(error))],
                }
            }
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let draft = self
            .draft
            .get_or_insert_with(|| Draft::new(ctx.collection.settings(), ctx.lang));
        let jobs = Jobs {
            fit: &mut self.fit,
            workload: &mut self.workload,
        };
        let cancelled = theme::column(ui, theme::READING_WIDTH, |ui| {
            ui.add_space(theme::space::M);
            draft_ui(ui, ctx, draft, jobs, actions)
        });
        if cancelled {
            self.draft = None;
            actions.push(Action::Open(Screen::Decks));
        }
    }
}

/// A slider over a setting's whole range, from the table in `core::settings`.
fn slider<'a>(value: &'a mut f32, bounds: &Bounds<f32>) -> egui::Slider<'a> {
    egui::Slider::new(value, bounds.range())
        .fixed_decimals(bounds.decimals)
        .custom_parser(widgets::parse_number)
}

/// A titled group of settings on a card surface, as a two-column grid.
fn group(ui: &mut egui::Ui, id: &str, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::space::M);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(title).size(theme::size::HEADING));
        ui.add_space(theme::space::S);
        // Names and fields share the card: a long name wraps rather than pushing its
        // field past the card's edge on a narrow window.
        let gap = 20.0;
        let half = ((ui.available_width() - gap) / 2.0).max(0.0);
        egui::Grid::new(id)
            .num_columns(2)
            .spacing([gap, 12.0])
            .min_col_width(half.min(180.0))
            .max_col_width(half)
            .show(ui, add);
    });
}

/// The background work of the settings screen, lent to the UI pass.
struct Jobs<'a> {
    fit: &'a mut Option<Job<Result<Fit, FitError>>>,
    workload: &'a mut Option<Job<Result<Workload, SimulateError>>>,
}

/// Draws the draft; true when the user cancelled it.
fn draft_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    draft: &mut Draft,
    jobs: Jobs<'_>,
    actions: &mut Vec<Action>,
) -> bool {
    let text = ctx.text;
    let mut cancelled = false;
    // Save and Cancel stay in view however long the page is.
    let bar = egui::Frame::new()
        .fill(theme::tone::CARD.on(ui))
        .inner_margin(egui::Margin::symmetric(12, 10));
    // A step list's error follows the field as it is mended, and goes once it reads.
    if draft.error.is_some() {
        draft.error = draft.steps_problem(text);
    }
    egui::Panel::bottom("settings_bar")
        .frame(bar)
        .show(ui, |ui| {
            if let Some(error) = &draft.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                let save = ui
                    .add_enabled(ctx.can_write(), widgets::primary_button(text.save))
                    .on_disabled_hover_text(text.read_only_banner);
                if save.clicked() {
                    match draft.checked() {
                        Some(settings) => actions.push(Action::SaveSettings(Box::new(settings))),
                        None => draft.error = draft.steps_problem(text),
                    }
                }
                cancelled = ui.button(text.cancel).clicked();
            });
        });
    egui::ScrollArea::vertical()
        .id_salt("settings_scroll")
        .start_at_top(std::mem::take(&mut draft.scroll_to_top))
        .show_following_focus(ui, |ui| {
            // A window that cannot save offers nothing to change: a theme or text size
            // that took effect here would be lost on the next start without a word.
            if !ctx.can_write() {
                ui.disable();
            }
            group(ui, "study_settings", text.settings_study, |ui| {
                let label = ui.label(text.desired_retention);
                ui.add(slider(
                    &mut draft.settings.desired_retention,
                    &settings::DESIRED_RETENTION,
                ))
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.new_per_day);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.new_cards_per_day)
                        .custom_parser(widgets::parse_number)
                        .range(settings::NEW_CARDS_PER_DAY.range()),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.rollover_hour);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.day_rollover_hour)
                        .custom_parser(widgets::parse_number)
                        .range(settings::DAY_ROLLOVER_HOUR.range())
                        .suffix(":00"),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.learning_steps);
                ui.add(
                    egui::TextEdit::singleline(&mut draft.learning_steps)
                        .hint_text(text.steps_hint),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.relearning_steps);
                ui.add(
                    egui::TextEdit::singleline(&mut draft.relearning_steps)
                        .hint_text(text.steps_hint),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui
                    .label(text.final_sweep)
                    .on_hover_text(text.final_sweep_hint);
                let days = text.days_suffix(draft.settings.final_sweep_days);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.final_sweep_days)
                        .custom_parser(widgets::parse_number)
                        .range(settings::FINAL_SWEEP_DAYS.range())
                        .suffix(days),
                )
                .labelled_by(label.id)
                .on_hover_text(text.final_sweep_hint);
                ui.end_row();

                let label = ui.label(text.answer_timer);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.answer_target_seconds)
                        .custom_parser(widgets::parse_number)
                        .range(settings::ANSWER_TARGET_SECONDS.range())
                        .suffix(format!(" {}", text.seconds)),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.pause_threshold());
                ui.add(
                    egui::DragValue::new(&mut draft.settings.pause_seconds)
                        .custom_parser(widgets::parse_number)
                        .range(settings::PAUSE_SECONDS.range())
                        .speed(0.1)
                        .fixed_decimals(settings::PAUSE_SECONDS.decimals)
                        .suffix(format!(" {}", text.seconds)),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.keep_recordings());
                let all = text.keep_all();
                ui.add(
                    egui::DragValue::new(&mut draft.settings.keep_recordings)
                        .custom_parser(widgets::parse_number)
                        .range(settings::KEEP_RECORDINGS.range())
                        .custom_formatter(move |value, _| {
                            if value < 0.5 {
                                all.to_string()
                            } else {
                                format!("{value:.0}")
                            }
                        }),
                )
                .labelled_by(label.id)
                .on_hover_text(text.keep_recordings_hint());
                ui.end_row();
            });

            group(ui, "language_settings", text.settings_language, |ui| {
                ui.label(text.ui_language);
                ui.vertical(|ui| {
                    let language = &mut draft.settings.ui_language;
                    ui.radio_value(language, None, text.language_auto);
                    ui.radio_value(language, Some(Lang::Ja), text.lang_japanese);
                    ui.radio_value(language, Some(Lang::En), text.lang_english);
                });
                ui.end_row();

                ui.label(text.content_language);
                ui.vertical(|ui| {
                    let language = &mut draft.settings.content_language;
                    ui.radio_value(language, None, text.card_language_auto);
                    for (choice, label) in [
                        (ContentLanguage::Ja, text.japanese_only),
                        (ContentLanguage::En, text.english_only),
                        (ContentLanguage::Both, text.both),
                        (ContentLanguage::BothEnglishFirst, text.both_english_first),
                    ] {
                        ui.radio_value(language, Some(choice), label);
                    }
                });
                ui.end_row();
            });

            group(ui, "look_settings", text.settings_look, |ui| {
                ui.label(text.theme);
                ui.horizontal(|ui| {
                    ui.radio_value(&mut draft.settings.theme, Theme::System, text.theme_system);
                    ui.radio_value(&mut draft.settings.theme, Theme::Light, text.theme_light);
                    ui.radio_value(&mut draft.settings.theme, Theme::Dark, text.theme_dark);
                });
                ui.end_row();

                let label = ui.label(text.text_size);
                ui.add(slider(
                    &mut draft.settings.text_scale,
                    &settings::TEXT_SCALE,
                ))
                .labelled_by(label.id);
                ui.end_row();
            });

            memory_group(ui, ctx, draft, jobs, actions);

            ui.add_space(theme::space::L);
        });
    cancelled
}

/// The memory model: whose parameters are in use, Optimize with its progress and outcome,
/// and the workload each desired retention would mean for these cards.
fn memory_group(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    draft: &mut Draft,
    jobs: Jobs<'_>,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    ui.add_space(theme::space::M);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(text.settings_memory).size(theme::size::HEADING));
        ui.add_space(theme::space::S);
        let fitted = ctx.collection.settings().fsrs_parameters.is_some();
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", text.parameters));
            ui.strong(if fitted {
                text.parameters_fitted
            } else {
                text.parameters_default
            });
        });
        ui.add(
            egui::Label::new(
                egui::RichText::new(text.optimize_hint).color(theme::tone::MUTED_TEXT.on(ui)),
            )
            .wrap(),
        );
        fit_ui(ui, ctx, jobs.fit, fitted, actions);
        ui.add_space(theme::space::M);
        ui.separator();
        workload_ui(ui, ctx, draft, jobs.workload);
    });
}

fn fit_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    job: &mut Option<Job<Result<Fit, FitError>>>,
    fitted: bool,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let running = job.as_mut().is_some_and(|job| job.poll().is_none());
    ui.horizontal(|ui| {
        let optimize = ui
            .add_enabled(
                ctx.can_write() && !running,
                egui::Button::new(text.optimize),
            )
            .on_hover_text(text.optimize_hint)
            .on_disabled_hover_text(text.read_only_banner);
        if optimize.clicked() {
            let collection = ctx.collection;
            let reviews = collection.review_count();
            let (items, card_ids) = fit::training_items(
                collection.answers_for_fit(),
                collection.settings().day_rollover_hour,
            );
            let current = collection.scheduler().parameters().to_vec();
            *job = Some(Job::spawn(reviews, move |progress| {
                fit::fit(items, card_ids, &current, reviews, progress)
            }));
        }
        if fitted
            && !running
            && ui
                .add_enabled(ctx.can_write(), egui::Button::new(text.reset_parameters))
                .clicked()
        {
            actions.push(Action::UseParameters(None));
            *job = None;
        }
    });
    let Some(job) = job.as_mut() else {
        return;
    };
    let size = job.size;
    let fraction = job.fraction();
    let cancel = || job.cancel();
    match job.result.as_ref() {
        None => {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(240.0)
                        .show_percentage(),
                );
                ui.label(text.optimizing(size));
                if ui.button(text.cancel).clicked() {
                    cancel();
                }
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        Some(Ok(found)) => {
            let rmse = [found.current.rmse_bins, found.fitted.rmse_bins].map(f64::from);
            let message = if found.improved {
                let log_loss = [found.current.log_loss, found.fitted.log_loss].map(f64::from);
                text.fit_improved(found.reviews, rmse, log_loss)
            } else {
                text.fit_kept(found.reviews, rmse)
            };
            ui.add(egui::Label::new(message).wrap());
        }
        Some(Err(error)) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{}: {error}", text.fit_failed),
            );
        }
    }
    // The first frame that sees a better fit puts it in the settings, once.
    if let Some(Ok(found)) = job.result.as_mut()
        && found.improved
        && !found.parameters.is_empty()
    {
        actions.push(Action::UseParameters(Some(std::mem::take(
            &mut found.parameters,
        ))));
    }
}

fn workload_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    draft: &mut Draft,
    job: &mut Option<Job<Result<Workload, SimulateError>>>,
) {
    let text = ctx.text;
    ui.label(egui::RichText::new(text.workload_title).strong());
    ui.add(
        egui::Label::new(
            egui::RichText::new(text.workload_hint).color(theme::tone::MUTED_TEXT.on(ui)),
        )
        .wrap(),
    );
    let running = job.as_mut().is_some_and(|job| job.poll().is_none());
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!running, egui::Button::new(text.simulate_workload))
            .clicked()
        {
            let scenario = workload_scenario(ctx.collection, ctx.now);
            let cards = scenario.card_count;
            *job = Some(Job::spawn(cards, move |progress| {
                simulate::workload(&scenario, |step, steps| {
                    if let Ok(mut fraction) = progress.fraction.lock() {
                        *fraction = step as f32 / steps as f32;
                    }
                    !progress.cancel.load(Ordering::Relaxed)
                })
                .map(|(points, optimal)| Workload { points, optimal })
            }));
        }
        if let Some(job) = job.as_ref().filter(|job| job.is_running()) {
            ui.add(
                egui::ProgressBar::new(job.fraction())
                    .desired_width(200.0)
                    .show_percentage(),
            );
            ui.label(text.simulating);
            if ui.button(text.cancel).clicked() {
                job.cancel();
            }
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    });
    match job.as_ref().and_then(|job| job.result.as_ref()) {
        Some(Ok(workload)) => workload_chart(ui, ctx, draft, workload),
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        }
        None => {}
    }
}

/// The user's cards as the simulator starts from them.
fn workload_scenario(collection: &Collection, now: DateTime<FixedOffset>) -> Scenario {
    let settings = collection.settings();
    let studied = collection
        .decks()
        .cards()
        .filter_map(|(_, card)| collection.state_of(&card.id))
        .filter_map(|state| StartingCard::from_state(state, now))
        .collect();
    Scenario {
        studied,
        card_count: collection.decks().card_count(),
        days: simulate::WORKLOAD_DAYS,
        minutes_per_day: f32::INFINITY,
        desired_retention: settings.desired_retention,
        new_cards_per_day: settings.new_cards_per_day as usize,
        maximum_interval_days: settings.maximum_interval_days,
        final_sweep_days: 0,
        parameters: collection.scheduler().parameters().to_vec(),
    }
}

fn workload_chart(ui: &mut egui::Ui, ctx: &ScreenContext, draft: &mut Draft, workload: &Workload) {
    let text = ctx.text;
    let points: Vec<[f64; 2]> = workload
        .points
        .iter()
        .map(|point| {
            [
                f64::from(point.desired_retention),
                f64::from(point.minutes_per_day),
            ]
        })
        .collect();
    let accent = theme::tone::ACCENT.on(ui);
    let muted = theme::tone::MUTED_TEXT.on(ui);
    let good = theme::tone::NEW.on(ui);
    let optimal = f64::from(workload.optimal);
    let current = f64::from(draft.settings.desired_retention);
    // With few answers FSRS's default parameters speak, not the user's memory, and its
    // search lands on the edge of its range: that is no advice, so none is given.
    let answers = ctx.collection.review_count();
    let enough_history = answers >= fit::MINIMUM_REVIEWS;
    let optimal_label = if enough_history {
        text.suggested_retention(workload.optimal)
    } else {
        text.too_few_answers_to_suggest(answers, fit::MINIMUM_REVIEWS)
    };
    let mut series = vec![(text.minutes_per_day, accent)];
    if enough_history {
        series.push((text.suggested_short, good));
    }
    series.push((text.current_setting, muted));
    widgets::legend(ui, &series);
    egui_plot::Plot::new("workload_chart")
        .height(180.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .y_axis_min_width(44.0)
        .x_axis_label(text.desired_retention.to_string())
        .y_axis_label(text.minutes_per_day.to_string())
        .include_y(0.0)
        .y_grid_spacer(|input| widgets::value_marks(input, widgets::YValues::Amounts))
        .show(ui, |plot| {
            plot.line(
                egui_plot::Line::new(text.minutes_per_day, egui_plot::PlotPoints::from(points))
                    .color(accent)
                    .width(2.5),
            );
            if enough_history {
                plot.vline(
                    egui_plot::VLine::new(text.suggested_short, optimal)
                        .color(good)
                        .width(2.0),
                );
            }
            plot.vline(
                egui_plot::VLine::new(text.current_setting, current)
                    .color(muted)
                    .width(1.5)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        });
    ui.horizontal_wrapped(|ui| {
        ui.label(&optimal_label);
        let rounded = (workload.optimal * 100.0).round() / 100.0;
        if enough_history
            && (rounded - draft.settings.desired_retention).abs() > 0.001
            && ui.button(text.use_value(rounded)).clicked()
        {
            draft.settings.desired_retention = rounded;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_parse_in_the_usual_notations() {
        assert_eq!(parse_steps("1m 10m"), Some(vec![1.0, 10.0]));
        assert_eq!(parse_steps("30s, 1h"), Some(vec![0.5, 60.0]));
        assert_eq!(parse_steps("5"), Some(vec![5.0]));
        assert_eq!(parse_steps(""), Some(vec![]));
        assert_eq!(parse_steps("1x"), None);
        assert_eq!(parse_steps("-1m"), None);
        assert_eq!(format_steps(&[1.0, 10.0, 60.0], Lang::En), "1m 10m 1h");
    }

    #[test]
    fn steps_read_and_written_in_japanese_units() {
        assert_eq!(format_steps(&[1.0, 10.0, 60.0], Lang::Ja), "1分 10分 1時間");
        assert_eq!(parse_steps("1分 10分"), Some(vec![1.0, 10.0]));
        assert_eq!(parse_steps("30秒、1時間"), Some(vec![0.5, 60.0]));
        assert_eq!(parse_steps("1日"), Some(vec![1440.0]));
        // As an input method types them: full-width digits, units and spaces.
        assert_eq!(parse_steps("１０分　１ｈ"), Some(vec![10.0, 60.0]));
        assert_eq!(parse_steps("1週"), None);
        // What one language writes, the other reads.
        for lang in [Lang::Ja, Lang::En] {
            let written = format_steps(&[0.5, 1.0, 10.0, 120.0], lang);
            assert_eq!(parse_steps(&written), Some(vec![0.5, 1.0, 10.0, 120.0]));
        }
    }
}
