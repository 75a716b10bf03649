//! A file changed on two computers, its two versions side by side: a deck card by card
//! (only in one, changed, the same) with "keep this one", "keep the other" and the merge;
//! the settings with a choice per setting that differs. Opened from the decks screen's
//! problem line; the choice is carried out by `core::sync::resolve`.

use crate::core::content::deck::Lang;
use crate::core::settings;
use crate::core::sync::conflicts::{self, Conflict, FileKind};
use crate::core::sync::resolve::{
    self, CardChange, CardPair, DeckChoice, Outcome, SettingPair, Side, Versions,
};
use crate::ui::context::{
    Action, ConflictAction, FollowUp, Resolution, Screen, ScreenContext, View, Writing,
};
use crate::ui::strings::Strings;
use crate::ui::widgets::FollowFocus;
use crate::ui::{theme, widgets};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Default)]
pub struct ConflictScreen {
    opened: Option<Opened>,
    /// Why the last choice could not be carried out.
    message: Option<String>,
}

#[derive(Debug)]
struct Opened {
    conflict: Conflict,
    /// By the files' modification times: the merge takes the newer text.
    other_is_newer: bool,
    shown: Shown,
}

#[derive(Debug)]
enum Shown {
    Deck(Vec<CardPair>),
    Settings {
        pairs: Vec<SettingPair>,
        choices: HashMap<String, Side>,
    },
    /// Drafts: kept whole, one version or the other.
    Whole,
    /// A version that cannot be read, and why: only this version can be kept.
    Unreadable(String),
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

impl Opened {
    fn read(conflict: Conflict) -> Self {
        let other_is_newer = modified(&conflict.copy) > modified(&conflict.original);
        let shown = match Self::compare(&conflict) {
            Ok(shown) => shown,
            Err(error) => Shown::Unreadable(error.to_string()),
        };
        Self {
            conflict,
            other_is_newer,
            shown,
        }
    }

    fn compare(conflict: &Conflict) -> Result<Shown, resolve::ResolveError> {
        let versions = Versions::read(conflict)?;
        Ok(match conflict.kind {
            FileKind::Deck => {
                let this = resolve::parse_deck_version(&conflict.original, &versions.this)?;
                let other = resolve::parse_deck_version(&conflict.copy, &versions.other)?;
                Shown::Deck(resolve::card_pairs(&this, &other))
            }
            FileKind::Settings => {
                let this = resolve::parse_settings_version(&conflict.original, &versions.this)?;
                let other = resolve::parse_settings_version(&conflict.copy, &versions.other)?;
                let pairs = resolve::setting_pairs(&this, &other);
                let choices = pairs
                    .iter()
                    .map(|pair| (pair.field.clone(), Side::This))
                    .collect();
                Shown::Settings { pairs, choices }
            }
            FileKind::Drafts | FileKind::ReviewLog => Shown::Whole,
        })
    }
}

impl ConflictScreen {
    fn open(&mut self, copy: &Path, writing: &mut Writing) -> Vec<FollowUp> {
        let found = conflicts::find(writing.collection.data_dir());
        match found.into_iter().find(|conflict| conflict.copy == copy) {
            Some(conflict) => {
                self.opened = Some(Opened::read(conflict));
                self.message = None;
                vec![FollowUp::Open(Screen::Conflict)]
            }
            // Resolved meanwhile (by the command, or the other computer through the sync).
            None => {
                writing.collection.reload_decks();
                Vec::new()
            }
        }
    }

    fn resolve(&mut self, resolution: Resolution, writing: &mut Writing) -> Vec<FollowUp> {
        let Some(opened) = &self.opened else {
            return Vec::new();
        };
        let conflict = opened.conflict.clone();
        let outcome = Versions::read(&conflict).and_then(|versions| match &resolution {
            Resolution::Deck(DeckChoice::Keep(Side::This)) => Ok(Outcome::Unchanged),
            Resolution::Deck(DeckChoice::Keep(Side::Other)) if conflict.kind != FileKind::Deck => {
                Ok(Outcome::Replaced(versions.other))
            }
            Resolution::Deck(choice) => {
                resolve::deck_outcome(&conflict, &versions, *choice, opened.other_is_newer)
            }
            Resolution::Settings(choices) => {
                resolve::settings_outcome(&conflict, &versions, choices)
            }
        });
        let stamp = writing.now.format("%Y%m%d-%H%M%S").to_string();
        let dir = writing.collection.data_dir().clone();
        let resolved =
            outcome.and_then(|outcome| resolve::carry_out(&dir, &conflict, &outcome, &stamp));
        match resolved {
            Ok(_) => {
                self.opened = None;
                self.message = None;
                let mut follow = Vec::new();
                match conflict.kind {
                    FileKind::Settings => {
                        let loaded = settings::read(&dir.settings_file()).settings;
                        if let Err(error) = writing.collection.apply_settings(loaded) {
                            follow.push(FollowUp::Flash(writing.failure(error)));
                        }
                    }
                    _ => writing.collection.reload_decks(),
                }
                follow.push(FollowUp::Open(Screen::Decks));
                follow
            }
            Err(error) => {
                self.message = Some(error.to_string());
                Vec::new()
            }
        }
    }
}

impl View for ConflictScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        let Some(opened) = &mut self.opened else {
            if ui.button(text.back_to_decks).clicked() {
                actions.push(Action::Open(Screen::Decks));
            }
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_following_focus(ui, |ui| {
                theme::column(ui, 1100.0, |ui| {
                    ui.add_space(theme::space::M);
                    ui.label(egui::RichText::new(text.conflict_heading).size(theme::size::HEADING));
                    ui.label(opened.conflict.original.display().to_string());
                    theme::caption(ui, &text.conflict_explained(opened.conflict.tool.name()));
                    ui.add_space(theme::space::S);
                    if let Some(message) = &self.message {
                        ui.colored_label(ui.visuals().error_fg_color, message);
                    }
                    let can_write = ctx.can_write();
                    let newer = |other: bool| {
                        if other == opened.other_is_newer {
                            format!(" {}", text.newer_version)
                        } else {
                            String::new()
                        }
                    };
                    let this_heading = format!("{}{}", text.this_version, newer(false));
                    let other_heading = format!("{}{}", text.other_version, newer(true));
                    match &mut opened.shown {
                        Shown::Deck(pairs) => {
                            deck_table(ui, text, ctx.lang, pairs, &this_heading, &other_heading);
                            ui.add_space(theme::space::M);
                            ui.horizontal_wrapped(|ui| {
                                for (label, choice) in [
                                    (text.keep_this_version, DeckChoice::Keep(Side::This)),
                                    (text.keep_other_version, DeckChoice::Keep(Side::Other)),
                                    (text.merge_versions, DeckChoice::Merge),
                                ] {
                                    if ui
                                        .add_enabled(can_write, egui::Button::new(label))
                                        .clicked()
                                    {
                                        actions.push(Action::Conflict(ConflictAction::Resolve(
                                            Resolution::Deck(choice),
                                        )));
                                    }
                                }
                            });
                        }
                        Shown::Settings { pairs, choices } => {
                            settings_table(ui, text, pairs, choices, &this_heading, &other_heading);
                            ui.add_space(theme::space::M);
                            if ui
                                .add_enabled(
                                    can_write,
                                    widgets::primary_button(text.save_setting_choices),
                                )
                                .clicked()
                            {
                                actions.push(Action::Conflict(ConflictAction::Resolve(
                                    Resolution::Settings(choices.clone()),
                                )));
                            }
                        }
                        Shown::Whole => {
                            ui.horizontal_wrapped(|ui| {
                                for (label, side) in [
                                    (text.keep_this_version, Side::This),
                                    (text.keep_other_version, Side::Other),
                                ] {
                                    if ui
                                        .add_enabled(can_write, egui::Button::new(label))
                                        .clicked()
                                    {
                                        actions.push(Action::Conflict(ConflictAction::Resolve(
                                            Resolution::Deck(DeckChoice::Keep(side)),
                                        )));
                                    }
                                }
                            });
                        }
                        Shown::Unreadable(why) => {
                            ui.colored_label(ui.visuals().error_fg_color, why.as_str());
                            ui.label(text.version_unreadable);
                            if ui
                                .add_enabled(can_write, egui::Button::new(text.keep_this_version))
                                .clicked()
                            {
                                actions.push(Action::Conflict(ConflictAction::Resolve(
                                    Resolution::Deck(DeckChoice::Keep(Side::This)),
                                )));
                            }
                        }
                    }
                    ui.add_space(theme::space::M);
                    if ui.button(text.back_to_decks).clicked() {
                        actions.push(Action::Open(Screen::Decks));
                    }
                });
            });
    }

    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::Conflict(ConflictAction::Open(copy)) => self.open(&copy, writing),
            Action::Conflict(ConflictAction::Resolve(resolution)) if writing.store.is_some() => {
                self.resolve(resolution, writing)
            }
            _ => Vec::new(),
        }
    }
}

fn change_label(text: &Strings, change: CardChange) -> &'static str {
    match change {
        CardChange::OnlyOther => text.card_only_other,
        CardChange::OnlyThis => text.card_only_this,
        CardChange::Changed => text.card_changed,
        CardChange::Same => text.card_same,
    }
}

fn deck_table(
    ui: &mut egui::Ui,
    text: &Strings,
    lang: Lang,
    pairs: &[CardPair],
    this_heading: &str,
    other_heading: &str,
) {
    let column = (ui.available_width() - 260.0).max(300.0) / 2.0;
    egui::Grid::new("conflict_cards")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong("id");
            ui.strong(this_heading);
            ui.strong(other_heading);
            ui.strong("");
            ui.end_row();
            for pair in pairs {
                ui.monospace(&pair.id);
                for card in [&pair.this, &pair.other] {
                    let shown = card.as_ref().map_or("—", |card| card.question.get(lang));
                    ui.add_sized([column, 0.0], egui::Label::new(shown).wrap());
                }
                let change = pair.change();
                let label = egui::RichText::new(change_label(text, change));
                ui.label(if change == CardChange::Same {
                    label.weak()
                } else {
                    label.strong()
                });
                ui.end_row();
            }
        });
}

fn settings_table(
    ui: &mut egui::Ui,
    text: &Strings,
    pairs: &[SettingPair],
    choices: &mut HashMap<String, Side>,
    this_heading: &str,
    other_heading: &str,
) {
    let shown = |value: &serde_json::Value| match value {
        serde_json::Value::Null => text.setting_default.to_string(),
        other => other.to_string(),
    };
    egui::Grid::new("conflict_settings")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(text.setting_name);
            ui.strong(this_heading);
            ui.strong(other_heading);
            ui.end_row();
            for pair in pairs {
                ui.monospace(&pair.field);
                let choice = choices.entry(pair.field.clone()).or_insert(Side::This);
                ui.radio_value(choice, Side::This, shown(&pair.this));
                ui.radio_value(choice, Side::Other, shown(&pair.other));
                ui.end_row();
            }
        });
}

/// The copy a problem line can open, for its "Resolve…" button.
pub fn resolvable(kind: &crate::core::problem::ProblemKind) -> Option<&PathBuf> {
    use crate::core::problem::ProblemKind;
    match kind {
        ProblemKind::ChangedOnTwoComputers { copy, .. }
        | ProblemKind::ConflictCopyDamaged { copy, .. } => Some(copy),
        _ => None,
    }
}
