//! The decks screen: every deck grouped by role, with what is due today, the export menu
//! and the problems found while loading.

use crate::core::collection::Collection;
use crate::core::content::deck::Lang;
use crate::core::content::{export, role};
use crate::core::files;
use crate::core::settings::ContentLanguage;
use crate::core::study::queue::{self, DueCounts, Scope};
use crate::ui::context::{Action, ExportTarget, ScreenContext};
use crate::ui::strings::Strings;
use crate::ui::widgets::count_color;
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;
use std::path::PathBuf;

/// Numbers the decks screen shows, recomputed when the collection changes or time passes.
#[derive(Debug)]
struct Overview {
    generation: u64,
    computed_at: DateTime<FixedOffset>,
    per_deck: HashMap<String, DueCounts>,
    all: DueCounts,
}

#[derive(Debug, Default)]
pub struct DecksScreen {
    overview: Option<Overview>,
    /// The file the last export wrote, or why it failed (the message names the file).
    last_export: Option<Result<PathBuf, String>>,
}

struct DeckRow {
    id: String,
    title: String,
    role: String,
    cards: usize,
    counts: DueCounts,
}

impl DecksScreen {
    /// Due counts, from one pass over every card: recomputed when the collection changed
    /// or 30 seconds went by (learning cards come due by the minute).
    fn overview(&mut self, collection: &Collection, now: DateTime<FixedOffset>) -> &Overview {
        let generation = collection.generation();
        let overview = match self.overview.take() {
            Some(overview)
                if overview.generation == generation
                    && (now - overview.computed_at).num_seconds().abs() < 30 =>
            {
                overview
            }
            _ => {
                let (per_deck, all) = queue::due_counts_by_deck(collection, now);
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

    /// Writes an export under a name no earlier export has (see
    /// [`files::write_new_file`]): with no file dialog, replacing a file the user may
    /// have edited or not yet imported would lose it silently.
    pub fn export(
        &mut self,
        collection: &Collection,
        target: &ExportTarget,
        language: ContentLanguage,
    ) {
        let (name, text) = match target {
            ExportTarget::Anki(deck_id) => {
                let Some(loaded) = collection
                    .decks()
                    .decks
                    .iter()
                    .find(|d| d.deck.id == *deck_id)
                else {
                    return;
                };
                (
                    export::anki_file_name(&loaded.deck),
                    export::anki_notes(&loaded.deck, language),
                )
            }
            ExportTarget::Reviews => (
                export::REVIEWS_FILE_NAME.to_string(),
                export::reviews_csv(collection.log_records()),
            ),
        };
        let dir = collection.data_dir().exports_dir();
        self.last_export =
            Some(files::write_new_file(&dir, &name, text.as_bytes()).map_err(|e| e.to_string()));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let lang: Lang = ctx.lang;
        let writable = ctx.can_write();
        let overview = self.overview(ctx.collection, ctx.now);
        let all = overview.all;
        let mut rows: Vec<DeckRow> = ctx
            .collection
            .decks()
            .decks
            .iter()
            .map(|loaded| DeckRow {
                id: loaded.deck.id.clone(),
                title: loaded.deck.title.get(lang).to_string(),
                role: loaded.deck.role.clone(),
                cards: loaded.deck.cards.len(),
                counts: overview
                    .per_deck
                    .get(&loaded.deck.id)
                    .copied()
                    .unwrap_or_default(),
            })
            .collect();
        rows.sort_by(|a, b| {
            role::rank(&a.role)
                .cmp(&role::rank(&b.role))
                .then_with(|| a.role.cmp(&b.role))
        });
        self.list_ui(ui, ctx, &rows, all, writable, actions);
    }

    fn list_ui(
        &self,
        ui: &mut egui::Ui,
        ctx: &ScreenContext,
        rows: &[DeckRow],
        all: DueCounts,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let text = ctx.text;

        let can_study_all = writable && all.total() > 0;
        let typing = ui.ctx().text_edit_focused();
        if can_study_all
            && !typing
            && ui.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            actions.push(Action::StartSession(Scope::AllDecks));
        }
        ui.horizontal(|ui| {
            let label = format!("{} ({})  [Enter]", text.study_all_due, all.total());
            let button = ui.add_enabled(can_study_all, egui::Button::new(label));
            if button.clicked() {
                actions.push(Action::StartSession(Scope::AllDecks));
            }
            if all.total() == 0 {
                ui.label(text.nothing_due);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                export_menu(ui, text, rows, actions);
            });
        });
        match &self.last_export {
            Some(Ok(path)) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}:", text.exported_to));
                    ui.add(egui::Label::new(path.display().to_string()).selectable(true));
                });
            }
            Some(Err(message)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{}: {message}", text.export_failed),
                );
            }
            None => {}
        }
        ui.add_space(8.0);

        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                deck_list(ui, viewport, ctx.lang, rows, text, writable, actions);
                ui.add_space(12.0);
                problems(ui, ctx);
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.weak(format!("{}:", text.data_dir));
                    ui.weak(ctx.collection.data_dir().root().display().to_string());
                });
            });
    }
}

/// Every deck as an Anki file, and the review log. Exporting only reads, so it stays
/// available in a read-only window.
fn export_menu(ui: &mut egui::Ui, text: &Strings, rows: &[DeckRow], actions: &mut Vec<Action>) {
    ui.menu_button(text.export_menu, |ui| {
        ui.weak(text.export_folder_hint);
        ui.separator();
        for row in rows {
            if ui
                .button(format!("{} — {}", text.export_anki, row.title))
                .clicked()
            {
                actions.push(Action::Export(ExportTarget::Anki(row.id.clone())));
                ui.close();
            }
        }
        ui.separator();
        if ui.button(text.export_reviews).clicked() {
            actions.push(Action::Export(ExportTarget::Reviews));
            ui.close();
        }
    });
}

/// A line of the deck list: a role heading or a deck.
enum Line<'a> {
    Role(&'a str),
    Deck(&'a DeckRow),
}

/// The decks grouped by role, virtualized: every line has a fixed height, so the whole
/// list's space is reserved at once and only the lines inside the scroll area's
/// `viewport` are laid out (as [`egui::ScrollArea::show_rows`] does, but with two line
/// heights). A collection of hundreds of decks costs a frame no more than a few.
fn deck_list(
    ui: &mut egui::Ui,
    viewport: egui::Rect,
    lang: Lang,
    rows: &[DeckRow],
    text: &Strings,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    let mut lines = Vec::with_capacity(rows.len() + role::ROLES.len() + 1);
    for (index, row) in rows.iter().enumerate() {
        if index == 0 || rows[index - 1].role != row.role {
            lines.push(Line::Role(&row.role));
        }
        lines.push(Line::Deck(row));
    }
    let spacing = ui.spacing().item_spacing.y;
    let button_height =
        ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
    let deck_height = ui.spacing().interact_size.y.max(button_height);
    // Space above, the role's name, and a rule below.
    let role_height = 6.0 + ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let height = |line: &Line<'_>| match line {
        Line::Role(_) => role_height,
        Line::Deck(_) => deck_height,
    };
    let mut tops = Vec::with_capacity(lines.len());
    let mut total = 0.0;
    for line in &lines {
        tops.push(total);
        total += height(line) + spacing;
    }

    // `viewport` is relative to the top of the scroll area's content.
    let top = ui.cursor().min.y;
    let offset = top - ui.max_rect().top();
    let first = lines
        .iter()
        .zip(&tops)
        .position(|(line, y)| offset + y + height(line) > viewport.min.y)
        .unwrap_or(lines.len());
    let end = first + tops[first..].partition_point(|y| offset + y < viewport.max.y);
    let (left, width) = (ui.max_rect().left(), ui.available_width());
    for index in first..end {
        let rect = egui::Rect::from_min_size(
            egui::pos2(left, top + tops[index]),
            egui::vec2(width, height(&lines[index])),
        );
        let builder = egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min));
        match lines[index] {
            Line::Role(role) => {
                let mut line_ui = ui.new_child(builder.id_salt(("role", role)));
                line_ui.add_space(6.0);
                line_ui.strong(role::label(role, lang));
                let rule = line_ui.visuals().widgets.noninteractive.bg_stroke;
                line_ui
                    .painter()
                    .hline(rect.x_range(), rect.bottom() - 3.0, rule);
            }
            Line::Deck(row) => {
                let mut line_ui = ui.new_child(builder.id_salt(("deck", &row.id)));
                deck_row(&mut line_ui, text, row, writable, actions);
            }
        }
    }
    let list = egui::Rect::from_min_size(
        egui::pos2(left, top),
        egui::vec2(width, (total - spacing).max(0.0)),
    );
    ui.advance_cursor_after_rect(list);
}

fn deck_row(
    ui: &mut egui::Ui,
    text: &Strings,
    row: &DeckRow,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let total = row.counts.total();
        let study = ui.add_enabled(
            writable && total > 0,
            egui::Button::new(format!("{} — {}", text.study, row.title)),
        );
        if study.clicked() {
            actions.push(Action::StartSession(Scope::Deck(row.id.clone())));
        }
        ui.label(format!("{} {}", row.cards, text.cards));
        ui.colored_label(count_color::NEW, format!("{} {}", text.new, row.counts.new));
        ui.colored_label(
            count_color::LEARNING,
            format!("{} {}", text.learning, row.counts.learning),
        );
        ui.colored_label(
            count_color::DUE,
            format!("{} {}", text.due, row.counts.review),
        );
    });
}

/// At most this many problems are listed on screen; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 100;

fn problems(ui: &mut egui::Ui, ctx: &ScreenContext) {
    let count = ctx.collection.problem_count();
    if count == 0 {
        return;
    }
    let text = ctx.text;
    egui::CollapsingHeader::new(format!("{} ({count})", text.problems_found))
        .default_open(true)
        .show(ui, |ui| {
            for problem in ctx.collection.problems_iter().take(PROBLEMS_SHOWN) {
                let line = egui::RichText::new(problem.to_string()).monospace();
                ui.add(egui::Label::new(line).wrap());
            }
            if count > PROBLEMS_SHOWN {
                let more = count - PROBLEMS_SHOWN;
                ui.weak(text.more_problems.replace("{n}", &more.to_string()));
            }
        });
}
