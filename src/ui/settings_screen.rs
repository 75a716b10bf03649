//! Settings: scheduling, study limits, timer, look and language.

use crate::core::content::deck::Lang;
use crate::core::settings::{self, Bounds, ContentLanguage, Settings, Theme};
use crate::ui::context::{Action, Screen, ScreenContext};
use crate::ui::{theme, widgets};

/// The settings being edited, with the step lists as the text the user types.
#[derive(Debug, Clone)]
pub struct Draft {
    pub settings: Settings,
    pub learning_steps: String,
    pub relearning_steps: String,
    pub error: Option<String>,
}

impl From<&Settings> for Draft {
    fn from(settings: &Settings) -> Self {
        Self {
            settings: settings.clone(),
            learning_steps: format_steps(&settings.learning_steps_minutes),
            relearning_steps: format_steps(&settings.relearning_steps_minutes),
            error: None,
        }
    }
}

/// "1m 10m" for [1, 10]; whole hours as "1h".
pub fn format_steps(minutes: &[f32]) -> String {
    minutes
        .iter()
        .map(|&m| {
            if m >= 60.0 && m % 60.0 == 0.0 {
                format!("{}h", m / 60.0)
            } else {
                format!("{m}m")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses "1m 10m", "30s", "1h", "10" (minutes) into minutes; `None` on anything else,
/// including a step outside [`settings::STEP_MINUTES`].
pub fn parse_steps(text: &str) -> Option<Vec<f32>> {
    text.split([' ', ',', '、'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (number, unit) = match part.char_indices().find(|(_, c)| c.is_alphabetic()) {
                Some((at, _)) => part.split_at(at),
                None => (part, "m"),
            };
            let value: f32 = number.parse().ok()?;
            let minutes = match unit {
                "s" => value / 60.0,
                "m" => value,
                "h" => value * 60.0,
                "d" => value * 60.0 * 24.0,
                _ => return None,
            };
            settings::STEP_MINUTES.contains(minutes).then_some(minutes)
        })
        .collect()
}

/// The settings screen keeps its draft while another screen is shown, so half-made
/// changes survive a look at the statistics; Save or Cancel ends the draft.
#[derive(Debug, Default)]
pub struct SettingsScreen {
    draft: Option<Draft>,
}

impl SettingsScreen {
    /// The screen is opened: a new draft of the current settings unless one is open.
    pub fn open(&mut self, settings: &Settings) {
        if self.draft.is_none() {
            self.draft = Some(Draft::from(settings));
        }
    }

    /// The draft was saved or cancelled.
    pub fn close(&mut self) {
        self.draft = None;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let draft = self
            .draft
            .get_or_insert_with(|| Draft::from(ctx.collection.settings()));
        let cancelled = theme::column(ui, theme::READING_WIDTH, |ui| {
            ui.add_space(theme::space::M);
            draft_ui(ui, ctx, draft, actions)
        });
        if cancelled {
            self.draft = None;
            actions.push(Action::Open(Screen::Decks));
        }
    }
}

/// A slider over a setting's whole range, from the table in `core::settings`.
fn slider<'a>(value: &'a mut f32, bounds: &Bounds<f32>) -> egui::Slider<'a> {
    egui::Slider::new(value, bounds.range()).fixed_decimals(bounds.decimals)
}

/// A titled group of settings on a card surface, as a two-column grid.
fn group(ui: &mut egui::Ui, id: &str, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::space::M);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(title).size(theme::size::HEADING));
        ui.add_space(theme::space::S);
        egui::Grid::new(id)
            .num_columns(2)
            .spacing([20.0, 12.0])
            .min_col_width(180.0)
            .show(ui, add);
    });
}

/// Draws the draft; true when the user cancelled it.
fn draft_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    draft: &mut Draft,
    actions: &mut Vec<Action>,
) -> bool {
    let text = ctx.text;
    let mut cancelled = false;
    // Save and Cancel stay in view however long the page is.
    let bar = egui::Frame::new()
        .fill(theme::tone::CARD.on(ui))
        .inner_margin(egui::Margin::symmetric(12, 10));
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
                    match (
                        parse_steps(&draft.learning_steps),
                        parse_steps(&draft.relearning_steps),
                    ) {
                        (Some(learning), Some(relearning)) if !learning.is_empty() => {
                            let mut settings = draft.settings.clone();
                            settings.learning_steps_minutes = learning;
                            settings.relearning_steps_minutes = relearning;
                            actions.push(Action::SaveSettings(Box::new(settings)));
                        }
                        _ => draft.error = Some(text.invalid_steps.to_string()),
                    }
                }
                cancelled = ui.button(text.cancel).clicked();
            });
        });
    egui::ScrollArea::vertical()
        .id_salt("settings_scroll")
        .show(ui, |ui| {
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
                        .range(settings::NEW_CARDS_PER_DAY.range()),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(text.rollover_hour);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.day_rollover_hour)
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

                let label = ui.label(text.answer_timer);
                ui.add(
                    egui::DragValue::new(&mut draft.settings.answer_target_seconds)
                        .range(settings::ANSWER_TARGET_SECONDS.range())
                        .suffix(format!(" {}", text.seconds)),
                )
                .labelled_by(label.id);
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

            ui.add_space(theme::space::L);
        });
    cancelled
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
        assert_eq!(format_steps(&[1.0, 10.0, 60.0]), "1m 10m 1h");
    }
}
