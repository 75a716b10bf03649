//! Bringing a deck in: Import… (an in-app file dialog, or a typed path) or a file dropped
//! on the window. A preview of what the file adds comes
//! first; nothing is written until the user says so, and an existing deck file is
//! replaced only when they choose to.

use crate::core::anki::{self, import::Plan};
use crate::core::collection::Collection;
use crate::core::content::deck::Card;
use crate::core::content::user_decks::{self, AddAs, Preview};
use crate::ui::context::{Action, FollowUp, ImportAction, ScreenContext, Writing};
use crate::ui::file_dialog::{self, FileDialog};
use crate::ui::strings::Strings;
use crate::ui::{theme, widgets};
use chrono::TimeZone;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct ImportPanel {
    open: bool,
    /// A path typed by hand, or the file previewed (chosen or dropped), so the user sees
    /// which file it is and can edit the path.
    typed: String,
    files: FileDialog,
    preview: Option<Result<Previewed, String>>,
    /// What the last import wrote, or why it failed.
    outcome: Option<Result<String, String>>,
}

/// What a file would add: a deck, or an Anki package's cards and answers.
#[derive(Debug)]
enum Previewed {
    Deck(Box<Preview>),
    Anki(Box<Plan>),
}

/// This computer's UTC offset at a moment: an imported answer's study day.
fn local_offset(millis: i64) -> chrono::FixedOffset {
    chrono::Local
        .timestamp_millis_opt(millis)
        .single()
        .map_or_else(|| *chrono::Local::now().offset(), |at| *at.offset())
}

impl ImportPanel {
    /// Shows the preview of `path` (a dropped file, a typed path, the dialog's choice).
    pub fn preview(&mut self, collection: &Collection, text: &Strings, path: PathBuf) {
        self.open = true;
        self.outcome = None;
        self.typed = path.display().to_string();
        if anki::is_package(&path) {
            self.preview = Some(
                anki::preview(&path, collection, &local_offset)
                    .map(|plan| Previewed::Anki(Box::new(plan)))
                    .map_err(|error| text.anki_error(&error)),
            );
            return;
        }
        let decks_dir = collection.data_dir().decks_dir();
        self.preview = Some(
            user_decks::preview(&path, &decks_dir, collection.decks())
                .map(|preview| Previewed::Deck(Box::new(preview)))
                .map_err(|error| text.deck_file_error(&error)),
        );
    }

    /// Writes the previewed deck; the decks are read again, so every screen counts it.
    pub fn apply(&mut self, action: ImportAction, writing: &mut Writing) -> Vec<FollowUp> {
        let Some(store) = writing.store.as_deref_mut() else {
            return Vec::new();
        };
        match action {
            ImportAction::Add { preview, add_as } => {
                let outcome = user_decks::add(&preview, add_as)
                    .map(|path| writing.text.imported_to(path.display()))
                    .map_err(|error| writing.text.deck_file_error(&error));
                if outcome.is_ok() {
                    writing.collection.reload_decks();
                }
                self.done(outcome);
            }
            ImportAction::Anki { plan } => {
                let outcome = match anki::import::apply(&plan, store) {
                    Ok(applied) => {
                        let said = writing.text.anki_imported(applied.cards, applied.reviews);
                        writing.collection.take_imported(applied.records);
                        Ok(said)
                    }
                    Err(error) => {
                        // Part may be written (a deck, some answers): take in what the
                        // files now hold; importing again adds the rest, nothing twice.
                        writing.collection.reload_decks();
                        Err(error.to_string())
                    }
                };
                self.done(outcome);
            }
        }
        Vec::new()
    }

    /// The deck was written (or could not be).
    fn done(&mut self, outcome: Result<String, String>) {
        if outcome.is_ok() {
            self.preview = None;
            self.typed.clear();
        }
        self.outcome = Some(outcome);
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn open(&mut self) {
        self.open = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        if let Some(path) = self.files.show(ui.ctx(), text) {
            self.preview(ctx.collection, ctx.text, path);
        }
        if !self.open {
            return;
        }
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(text.import_title).size(theme::size::HEADING));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(text.close).clicked() {
                        self.open = false;
                        self.preview = None;
                    }
                });
            });
            theme::caption(ui, text.import_hint);
            // Wrapped, the field no wider than what is left: in one row they widened the
            // whole decks screen past a small window (its buttons cut in half).
            ui.horizontal_wrapped(|ui| {
                if ui.button(text.choose_file).clicked() {
                    // Where the typed path points, else home, else where the app started.
                    let typed = file_dialog::expand_home(self.typed.trim());
                    let start = typed
                        .parent()
                        .filter(|folder| folder.is_dir())
                        .map(std::path::Path::to_path_buf)
                        .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
                        .unwrap_or_else(|| PathBuf::from("."));
                    self.files.open(&start);
                }
                let label = ui.label(text.or_path);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.typed)
                            .hint_text("~/guides/cto.md")
                            .desired_width(280.0_f32.min(ui.available_width() - 8.0).max(80.0)),
                    )
                    .labelled_by(label.id);
                let has_path = !self.typed.trim().is_empty();
                let entered =
                    field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                let clicked = ui
                    .add_enabled(has_path, egui::Button::new(text.preview))
                    .clicked();
                if has_path && (entered || clicked) {
                    let path = file_dialog::expand_home(self.typed.trim());
                    self.preview(ctx.collection, ctx.text, path);
                }
            });
            match &self.outcome {
                Some(Ok(said)) => {
                    ui.label(said);
                }
                Some(Err(message)) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                None => {}
            }
            let Some(preview) = &self.preview else {
                return;
            };
            ui.add_space(theme::space::S);
            match preview {
                Err(message) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                Ok(Previewed::Deck(preview)) => preview_ui(ui, ctx, preview, actions),
                Ok(Previewed::Anki(plan)) => anki_preview_ui(ui, ctx, plan, actions),
            }
        });
    }
}

fn preview_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    preview: &Preview,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    ui.label(egui::RichText::new(preview.deck.title.get(ctx.lang)).strong());
    theme::caption(ui, &preview.source.display().to_string());
    ui.label(text.preview_counts(preview.questions, preview.with_points));
    // A sample with its points, so a point read wrongly (a label taken for a point) is
    // seen before anything is written; then the questions left without points, by name.
    let first_line = |card: &Card| widgets::first_line(&card.question, ctx.card_language);
    const SAMPLE: usize = 3;
    for card in preview.deck.cards.iter().take(SAMPLE) {
        ui.add(egui::Label::new(format!("• {}", first_line(card))).truncate());
        let points: Vec<String> = card
            .points
            .iter()
            .map(|point| widgets::first_line(&point.text, ctx.card_language))
            .collect();
        let points = if points.is_empty() {
            text.preview_no_points.to_string()
        } else {
            points.join(" · ")
        };
        ui.horizontal(|ui| {
            ui.add_space(theme::space::M);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(points)
                        .size(theme::size::SMALL)
                        .color(theme::tone::MUTED_TEXT.on(ui)),
                )
                .truncate(),
            );
        });
    }
    let more = preview.deck.cards.len().saturating_sub(SAMPLE);
    if more > 0 {
        theme::caption(ui, &text.preview_more(more));
    }
    let without: Vec<String> = preview
        .deck
        .cards
        .iter()
        .skip(SAMPLE)
        .filter(|card| card.points.is_empty())
        .map(first_line)
        .collect();
    if !without.is_empty() {
        theme::caption(ui, &text.preview_without_points(&without));
    }
    for problem in &preview.problems {
        ui.colored_label(ui.visuals().warn_fg_color, text.problem(problem));
    }
    for clash in &preview.clashes {
        ui.colored_label(ui.visuals().warn_fg_color, text.clash(clash));
    }
    ui.add_space(theme::space::S);
    ui.add_enabled_ui(ctx.can_write(), |ui| {
        ui.horizontal(|ui| {
            if preview.replaces {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    text.import_exists(preview.target.display()),
                );
            }
        });
        // Only what works is offered: a deck meeting another is replaced (where that
        // leaves no other sharing its ids) or kept beside it with new ids.
        ui.horizontal_wrapped(|ui| {
            let mut add = |add_as| {
                actions.push(Action::Import(ImportAction::Add {
                    preview: Box::new(preview.clone()),
                    add_as,
                }));
            };
            if !preview.conflicts() {
                if ui.add(widgets::primary_button(text.import_add)).clicked() {
                    add(AddAs::ItIs);
                }
                return;
            }
            if preview.can_replace() && ui.button(text.import_replace).clicked() {
                add(AddAs::Replacing);
            }
            if ui
                .button(text.import_keep_both(&preview.fresh_id))
                .clicked()
            {
                add(AddAs::Copy);
            }
        });
    });
}

/// An Anki package's preview: what it holds, how its note types map, what it would add and
/// what is left out; one button writes it.
fn anki_preview_ui(ui: &mut egui::Ui, ctx: &ScreenContext, plan: &Plan, actions: &mut Vec<Action>) {
    let text = ctx.text;
    ui.label(egui::RichText::new(plan.anki_decks.join(", ")).strong());
    theme::caption(ui, &format!("{} ({})", plan.file.display(), plan.entry));
    ui.label(text.anki_preview_counts(plan));
    for mapping in &plan.mappings {
        ui.label(text.anki_mapping(mapping));
    }
    for deck in plan.decks.iter().filter(|deck| deck.new_cards > 0) {
        theme::caption(ui, &format!("→ {}", deck.target.display()));
        for card in deck
            .deck
            .cards
            .iter()
            .rev()
            .take(deck.new_cards.min(3))
            .rev()
        {
            let question = widgets::first_line(&card.question, ctx.card_language);
            ui.add(egui::Label::new(format!("• {question}")).truncate());
        }
    }
    for problem in &plan.problems {
        ui.colored_label(ui.visuals().warn_fg_color, text.anki_problem(problem));
    }
    ui.add_space(theme::space::S);
    if plan.is_empty() {
        ui.label(text.anki_nothing_new());
        return;
    }
    ui.add_enabled_ui(ctx.can_write(), |ui| {
        if ui
            .add(widgets::primary_button(text.import_anki_add))
            .clicked()
        {
            actions.push(Action::Import(ImportAction::Anki {
                plan: Box::new(plan.clone()),
            }));
        }
    });
}
