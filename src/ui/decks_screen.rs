//! The decks screen: every deck grouped by role, with what is due today, the export menu
//! and the problems found while loading.

use crate::core::anki;
use crate::core::collection::Collection;
use crate::core::content::{export, role};
use crate::core::files;
use crate::core::settings::ContentLanguage;
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::queue;
use crate::core::study::scope::{DueCounts, DueOverview, Scope};
use crate::ui::conflict_screen;
use crate::ui::context::{
    Action, ConflictAction, EditorAction, ExportTarget, FollowUp, Screen, ScreenContext,
};
use crate::ui::context::{View, Writing};
use crate::ui::import_panel::ImportPanel;
use crate::ui::interviews_card::{InterviewForm, InterviewsCard};
use crate::ui::kinsoku;
use crate::ui::strings::Strings;
use crate::ui::{theme, widgets};
use chrono::{DateTime, FixedOffset};
use std::path::PathBuf;

/// Numbers the decks screen shows, recomputed when the collection changes or time passes.
#[derive(Debug)]
struct Overview {
    generation: u64,
    computed_at: DateTime<FixedOffset>,
    due: DueOverview,
    /// Leech cards, in deck order.
    leeches: Vec<String>,
}

#[derive(Debug, Default)]
pub struct DecksScreen {
    overview: Option<Overview>,
    interviews: InterviewsCard,
    import: ImportPanel,
    /// The file the last export wrote, or why it failed (the message names the file).
    last_export: Option<Result<PathBuf, String>>,
    /// The recordings the last export left out, each with why.
    export_warnings: Vec<String>,
    /// How many recordings the last export left out because they are not here.
    export_note: Option<String>,
    /// The package menu's "Include recordings", off until the user ticks it.
    export_recordings: bool,
}

struct DeckRow {
    id: String,
    /// The user's deck file; `None` for a bundled deck, which is not edited.
    file: Option<PathBuf>,
    title: String,
    role: String,
    cards: usize,
    counts: DueCounts,
}

/// Widest the decks screen gets: a deck's title, its three counts and its button.
const LIST_WIDTH: f32 = 920.0;
/// Width of one count column (New, Learning, Due).
const COUNT_WIDTH: f32 = 78.0;

/// The width of a count column in a list `list_width` wide: narrower in a narrow window
/// (or with large text), or the deck titles there were cut down to "…".
fn count_width(list_width: f32) -> f32 {
    (list_width / 10.0).clamp(56.0, COUNT_WIDTH)
}

impl DecksScreen {
    /// Due counts and leeches: recomputed when the collection changed or 30 seconds went by
    /// (learning cards come due by the minute).
    fn overview(
        &mut self,
        collection: &IndexedCollection,
        now: DateTime<FixedOffset>,
    ) -> &DueOverview {
        let generation = collection.generation();
        let overview = match self.overview.take() {
            Some(overview)
                if overview.generation == generation
                    && (now - overview.computed_at).num_seconds().abs() < 30 =>
            {
                overview
            }
            _ => Overview {
                generation,
                computed_at: now,
                due: queue::due_counts_by_deck(collection, now),
                leeches: collection.leeches().to_vec(),
            },
        };
        &self.overview.insert(overview).due
    }

    /// The interview form, when it holds something not saved.
    pub fn unsaved_interview(&self, collection: &Collection) -> Option<&InterviewForm> {
        self.interviews.unsaved(collection)
    }

    /// What the interview form's Save would ask for.
    pub fn interview_save_action(&self) -> Option<Action> {
        self.interviews.save_action().map(Action::Interview)
    }

    /// Writes an export under a name no earlier export has (see
    /// [`files::write_new_file`]): with no file dialog, replacing a file the user may
    /// have edited or not yet imported would lose it silently.
    fn export(
        &mut self,
        collection: &IndexedCollection,
        target: &ExportTarget,
        language: ContentLanguage,
        text: &Strings,
        now: DateTime<FixedOffset>,
    ) {
        let mut warnings = Vec::new();
        self.export_note = None;
        let (name, bytes) = match target {
            ExportTarget::Anki(deck_id) => {
                let Some(loaded) = collection.decks().find_deck(deck_id) else {
                    return;
                };
                (
                    export::anki_file_name(&loaded.deck),
                    export::anki_notes(&loaded.deck, language).into_bytes(),
                )
            }
            ExportTarget::Reviews => (
                export::REVIEWS_FILE_NAME.to_string(),
                export::reviews_csv(collection.log()).into_bytes(),
            ),
            ExportTarget::AnkiPackage { decks, recordings } => {
                let name = match decks.as_slice() {
                    [one] => export::anki_file_name_for(one, "apkg"),
                    _ => "mensetsu-all.apkg".to_string(),
                };
                let contents = anki::export::Contents {
                    history: true,
                    recordings: *recordings,
                };
                match anki::export::package(collection, decks, language, contents, now) {
                    Ok(exported) => {
                        // A file that is simply not here (deleted in the app or by the
                        // kept-per-card setting, or not yet synced) is no fault: one quiet
                        // line counts them; a file that is here but unreadable is named.
                        let (gone, unreadable): (Vec<_>, Vec<_>) = exported
                            .skipped_recordings
                            .iter()
                            .partition(|skipped| skipped.missing);
                        warnings = unreadable
                            .iter()
                            .map(|skipped| {
                                text.recording_left_out(
                                    &skipped.file.display().to_string(),
                                    &skipped.reason,
                                )
                            })
                            .collect();
                        self.export_note =
                            (!gone.is_empty()).then(|| text.recordings_not_here(gone.len()));
                        (name, exported.bytes)
                    }
                    Err(error) => {
                        self.last_export = Some(Err(error.to_string()));
                        return;
                    }
                }
            }
        };
        let dir = collection.data_dir().exports_dir();
        self.export_warnings = warnings;
        self.last_export = Some(
            files::write_new_file(&dir, &name, &bytes, files::Readers::AsTheUmaskSays)
                .map_err(|e| e.to_string()),
        );
    }
}

impl View for DecksScreen {
    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::Interview(action) => self.interviews.apply(action, writing),
            Action::Import(action) => self.import.apply(action, writing),
            Action::FileDropped(path) => {
                self.import.preview(writing.collection, writing.text, path);
                vec![FollowUp::Open(Screen::Decks)]
            }
            Action::Export(target) => {
                if writing.store.is_some() {
                    self.export(
                        writing.collection,
                        &target,
                        writing.card_language,
                        writing.text,
                        writing.now,
                    );
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let due = self.overview(ctx.collection, ctx.now).clone();
        let mut rows: Vec<DeckRow> = ctx
            .collection
            .decks()
            .decks
            .iter()
            .map(|loaded| DeckRow {
                id: loaded.deck.id.clone(),
                file: (!loaded.bundled).then(|| PathBuf::from(&loaded.path)),
                title: loaded.deck.title.get(ctx.lang).to_string(),
                role: loaded.deck.role.clone(),
                cards: loaded.deck.cards.len(),
                counts: due
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
        // One scroll area for the whole screen: with interviews and their charts above,
        // the deck list must not be squeezed into what is left of a small window.
        egui::ScrollArea::vertical()
            .id_salt("decks_scroll")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                // The viewport counts from the content's top; the deck list wants screen
                // coordinates, as its rows have.
                let visible = viewport.translate(egui::vec2(0.0, ui.max_rect().top()));
                theme::column(ui, LIST_WIDTH, |ui| {
                    ui.add_space(theme::space::M);
                    today_card(ui, ctx, &due, actions);
                    if ctx.collection.review_count() == 0 {
                        ui.add_space(theme::space::M);
                        welcome_card(ui, ctx, due.new_limit);
                    }
                    ui.add_space(theme::space::M);
                    self.interviews.ui(ui, ctx, actions);
                    let leeches = self
                        .overview
                        .as_ref()
                        .map(|overview| overview.leeches.clone())
                        .unwrap_or_default();
                    if !leeches.is_empty() {
                        ui.add_space(theme::space::M);
                        leeches_card(ui, ctx, &leeches, actions);
                    }
                    if self.import.is_open() {
                        ui.add_space(theme::space::M);
                        self.import.ui(ui, ctx, actions);
                    }
                    ui.add_space(theme::space::L);
                    let idle = idle_reason(ctx, &due);
                    self.list_ui(ui, visible, ctx, &rows, &idle, actions);
                });
                widgets::keep_focus_in_view(ui);
            });
    }
}

impl DecksScreen {
    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        visible: egui::Rect,
        ctx: &ScreenContext,
        rows: &[DeckRow],
        idle: &str,
        actions: &mut Vec<Action>,
    ) {
        let text = ctx.text;
        let mut import_clicked = false;
        ui.horizontal(|ui| {
            ui.heading(text.decks);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let recordings = &mut self.export_recordings;
                ui.add_enabled_ui(ctx.can_write(), |ui| {
                    export_menu(ui, text, rows, recordings, actions)
                })
                .response
                .on_disabled_hover_text(text.read_only_banner);
                ui.add_enabled_ui(ctx.can_write(), |ui| {
                    if ui.button(text.new_deck_button).clicked() {
                        actions.push(Action::NewDeck);
                    }
                    if ui.button(text.import_button).clicked() {
                        import_clicked = true;
                    }
                });
            });
        });
        if import_clicked {
            self.import.open();
        }
        match &self.last_export {
            Some(Ok(path)) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}:", text.exported_to));
                    ui.add(egui::Label::new(path.display().to_string()).selectable(true));
                });
                if let Some(note) = &self.export_note {
                    theme::caption(ui, note);
                }
                for warning in &self.export_warnings {
                    ui.colored_label(theme::tone::WARNING.on(ui), warning);
                }
            }
            Some(Err(message)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{}: {message}", text.export_failed),
                );
            }
            None => {}
        }
        let columns = Columns::measure(ui, text, rows);
        count_headings(ui, text, &columns);
        deck_list(ui, visible, ctx, rows, &columns, idle, actions);
        ui.add_space(theme::space::L);
        problems(ui, ctx, actions);
        ui.add_space(theme::space::S);
        ui.horizontal_wrapped(|ui| {
            theme::caption(ui, &format!("{}:", text.data_dir));
            theme::caption(ui, &ctx.collection.data_dir().root().display().to_string());
        });
        ui.add_space(theme::space::L);
    }
}

/// What there is to do today, in big figures, with the button that starts it and the
/// daily limit of new cards spelled out.
fn today_card(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    due: &DueOverview,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let all = due.all;
    let can_study = ctx.can_write() && all.total() > 0;
    let typing = ui.ctx().text_edit_focused();
    if can_study
        && !typing
        && ui.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        actions.push(Action::StartSession(Scope::AllDecks));
    }
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            for (count, label, tone) in [
                (all.new, text.new, theme::tone::NEW),
                (all.learning, text.learning, theme::tone::LEARNING),
                (all.review, text.due, theme::tone::DUE),
            ] {
                ui.vertical(|ui| {
                    let color = if count > 0 {
                        tone.on(ui)
                    } else {
                        theme::tone::MUTED_TEXT.on(ui)
                    };
                    ui.label(
                        egui::RichText::new(count.to_string())
                            .size(theme::size::FIGURE)
                            .color(color),
                    );
                    theme::caption(ui, label);
                });
                ui.add_space(theme::space::L);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label = format!("{} ({})  ⏎", text.study_all_due, all.total());
                let button = widgets::primary_button(&label).min_size(egui::vec2(0.0, 38.0));
                if ui.add_enabled(can_study, button).clicked() {
                    actions.push(Action::StartSession(Scope::AllDecks));
                }
            });
        });
        ui.add_space(theme::space::S);
        let limit = text.new_left_today(due.new_left_today, due.new_limit);
        theme::caption(ui, &limit);
        if due.sweep > 0 {
            theme::caption(ui, &text.sweep_in_due(due.sweep));
        }
        if all.total() == 0 {
            kinsoku::paragraph(ui, text.nothing_due);
        }
    });
}

/// Cards forgotten again and again: listed so the user rewrites them, splits them or
/// writes a story for them, as Anki's leech tag invites.
fn leeches_card(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    leeches: &[String],
    actions: &mut Vec<Action>,
) {
    /// More would push the decks off the screen; the browser has them all.
    const SHOWN: usize = 5;
    let text = ctx.text;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("{} ({})", text.leeches, leeches.len()))
                    .size(theme::size::HEADING),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(text.show_in_browser).clicked() {
                    actions.push(Action::Browse("is:leech".to_string()));
                }
            });
        });
        let threshold = ctx.collection.settings().leech_threshold;
        theme::caption(ui, &text.leeches_hint(threshold));
        for card_id in leeches.iter().take(SHOWN) {
            if let Some((_, card)) = ctx.collection.decks().find_card(card_id) {
                let first_line = widgets::first_line(&card.question, ctx.card_language);
                ui.add(egui::Label::new(format!("• {first_line}")).truncate());
            }
        }
        if leeches.len() > SHOWN {
            theme::caption(ui, &format!("… +{}", leeches.len() - SHOWN));
        }
    });
}

/// For a first-time user: where to start and what the screens are for.
fn welcome_card(ui: &mut egui::Ui, ctx: &ScreenContext, new_limit: usize) {
    let text = ctx.text;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(text.welcome_title).size(theme::size::HEADING));
        ui.add_space(theme::space::S);
        for (number, step) in text.welcome_steps(new_limit).into_iter().enumerate() {
            // The step's text wraps beside its number, not under it.
            ui.horizontal_top(|ui| {
                ui.label(
                    egui::RichText::new(format!("{}.", number + 1))
                        .color(theme::tone::ACCENT.on(ui))
                        .strong(),
                );
                ui.vertical(|ui| kinsoku::paragraph(ui, step));
            });
        }
    });
}

/// How the deck list is laid out at the width it has, measured once for the headings
/// and every row so their columns line up.
struct Columns {
    /// The width of one count column.
    count: f32,
    /// Room kept for an Edit button: none when no deck in the list can be edited, as
    /// the bundled decks alone would leave an empty gap eating the titles' room.
    edit: f32,
    /// A deck's title on a line of its own above its counts: at large text or in a
    /// narrow window the room beside the counts held only a few characters ("HoE …").
    title_above: bool,
}

impl Columns {
    fn measure(ui: &egui::Ui, text: &Strings, rows: &[DeckRow]) -> Self {
        let width = ui.available_width();
        let count = count_width(width);
        let edit = if rows.iter().any(|row| row.file.is_some()) {
            button_width(ui, text.edit)
        } else {
            0.0
        };
        let beside = width - 3.0 * count - button_width(ui, text.study) - edit;
        // A title, and its card count, want about fourteen characters to be recognized.
        let wanted = 14.0 * ui.text_style_height(&egui::TextStyle::Body);
        Self {
            count,
            edit,
            title_above: beside < wanted,
        }
    }
}

/// The names of the count columns, above the list, right-aligned as the counts are.
fn count_headings(ui: &mut egui::Ui, text: &Strings, columns: &Columns) {
    let column = columns.count;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add_space(button_width(ui, text.study) + columns.edit);
            for (label, hint) in [
                (text.due, text.due_hint),
                (text.learning, text.learning_hint),
                (text.new, text.new_hint),
            ] {
                ui.add_sized(
                    [column, 18.0],
                    egui::Label::new(
                        egui::RichText::new(label)
                            .size(theme::size::SMALL)
                            .color(theme::tone::MUTED_TEXT.on(ui)),
                    ),
                )
                .on_hover_text(hint);
            }
        });
    });
}

/// The width a button labelled `label` takes, spacing included.
fn button_width(ui: &egui::Ui, label: &str) -> f32 {
    let galley = ui.painter().layout_no_wrap(
        label.to_string(),
        egui::TextStyle::Button.resolve(ui.style()),
        egui::Color32::WHITE,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
}

/// Every deck as an Anki file, and the review log. Exporting only reads, so it stays
/// available in a read-only window.
fn export_menu(
    ui: &mut egui::Ui,
    text: &Strings,
    rows: &[DeckRow],
    recordings: &mut bool,
    actions: &mut Vec<Action>,
) {
    // Only a choice closes the menu (each closes it itself): ticking "Include recordings"
    // must leave it open on the decks to choose from.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(text.export_menu)
        .config(config)
        .ui(ui, |ui| {
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
            ui.menu_button(text.export_apkg, |ui| {
                ui.checkbox(recordings, text.export_with_recordings);
                ui.separator();
                let package = |decks: Vec<String>| {
                    Action::Export(ExportTarget::AnkiPackage {
                        decks,
                        recordings: *recordings,
                    })
                };
                if ui.button(text.export_apkg_all).clicked() {
                    let all = rows.iter().map(|row| row.id.clone()).collect();
                    actions.push(package(all));
                    ui.close();
                }
                for row in rows {
                    if ui.button(&row.title).clicked() {
                        actions.push(package(vec![row.id.clone()]));
                        ui.close();
                    }
                }
            });
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
/// list's space is reserved at once and only the lines inside `visible` (the scroll area's
/// viewport, in screen coordinates) are laid out (as [`egui::ScrollArea::show_rows`]
/// does, but with two line heights). A collection of hundreds of decks costs a frame no
/// more than a few.
fn deck_list(
    ui: &mut egui::Ui,
    visible: egui::Rect,
    ctx: &ScreenContext,
    rows: &[DeckRow],
    columns: &Columns,
    idle: &str,
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
    let counts_height = ui.spacing().interact_size.y.max(button_height);
    let deck_height = if columns.title_above {
        ui.text_style_height(&egui::TextStyle::Body) + spacing + counts_height + theme::space::S
    } else {
        counts_height + theme::space::S
    };
    // Space above, the role's name, and a rule below.
    let role_height = theme::space::M + ui.text_style_height(&egui::TextStyle::Small) + 8.0;
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

    let top = ui.cursor().min.y;
    let first = lines
        .iter()
        .zip(&tops)
        .position(|(line, y)| top + y + height(line) > visible.min.y)
        .unwrap_or(lines.len());
    let end = first + tops[first..].partition_point(|y| top + y < visible.max.y);
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
                line_ui.add_space(theme::space::M);
                line_ui.label(
                    egui::RichText::new(role::label(role, ctx.lang))
                        .size(theme::size::SMALL)
                        .strong()
                        .color(theme::tone::MUTED_TEXT.on(&line_ui)),
                );
                let rule = line_ui.visuals().widgets.noninteractive.bg_stroke;
                line_ui
                    .painter()
                    .hline(rect.x_range(), rect.bottom() - 3.0, rule);
            }
            Line::Deck(row) => {
                let mut line_ui = ui.new_child(builder.id_salt(("deck", &row.id)));
                deck_row(&mut line_ui, ctx, row, columns, idle, actions);
            }
        }
    }
    let list = egui::Rect::from_min_size(
        egui::pos2(left, top),
        egui::vec2(width, (total - spacing).max(0.0)),
    );
    ui.advance_cursor_after_rect(list);
}

/// Why a deck's Study is greyed out when it is: shown on hover, as a deck with new cards
/// waiting and 0 beside them (the day's new cards used, or taken by an interview) looked
/// broken.
fn idle_reason(ctx: &ScreenContext, due: &DueOverview) -> String {
    if !ctx.can_write() {
        return ctx.text.read_only_banner.to_string();
    }
    let used_up = due.plain_new_left == 0 || due.new_left_today == 0;
    ctx.text.nothing_to_study_in_deck(
        used_up,
        due.interview_new_taken > 0,
        ctx.collection.settings().new_cards_per_day,
    )
}

fn deck_row(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    row: &DeckRow,
    columns: &Columns,
    idle: &str,
    actions: &mut Vec<Action>,
) {
    if columns.title_above {
        ui.horizontal(|ui| deck_title(ui, ctx.text, row));
    }
    ui.horizontal_centered(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            deck_counts_and_buttons(ui, ctx, row, columns, idle, actions);
            if !columns.title_above {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    deck_title(ui, ctx.text, row)
                });
            }
        });
    });
}

/// A deck's title, cut short to leave room for its card count after it.
fn deck_title(ui: &mut egui::Ui, text: &Strings, row: &DeckRow) {
    let count = text.card_count(row.cards);
    let count_width = theme::text_width(ui, &count, egui::FontId::proportional(theme::size::SMALL));
    let title_width =
        (ui.available_width() - count_width - 2.0 * ui.spacing().item_spacing.x).max(0.0);
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(title_width, ui.available_height()),
        )),
        |ui| ui.add(egui::Label::new(&row.title).truncate()),
    );
    theme::caption(ui, &count);
}

/// Study, Edit and the three counts, laid out from the right.
fn deck_counts_and_buttons(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    row: &DeckRow,
    columns: &Columns,
    idle: &str,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let total = row.counts.total();
    let study = ui
        .add_enabled(ctx.can_write() && total > 0, egui::Button::new(text.study))
        .on_disabled_hover_text(idle);
    // "Study" alone says nothing to a screen reader; name the deck.
    let name = format!("{} — {}", text.study, row.title);
    study.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, study.enabled(), &name));
    if study.clicked() {
        actions.push(Action::StartSession(Scope::Deck(row.id.clone())));
    }
    match &row.file {
        Some(file) => {
            let edit = ui.add_enabled(ctx.can_write(), egui::Button::new(text.edit));
            let name = format!("{} — {}", text.edit, row.title);
            edit.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, edit.enabled(), &name)
            });
            if edit.clicked() {
                actions.push(Action::Editor(EditorAction::Open {
                    path: file.clone(),
                    card: None,
                }));
            }
        }
        // The counts stay in their columns whether or not a deck can be edited.
        None => ui.add_space(columns.edit),
    }
    for (count, tone) in [
        (row.counts.review, theme::tone::DUE),
        (row.counts.learning, theme::tone::LEARNING),
        (row.counts.new, theme::tone::NEW),
    ] {
        let color = if count > 0 {
            tone.on(ui)
        } else {
            theme::tone::MUTED_TEXT.on(ui)
        };
        ui.add_sized(
            [columns.count, ui.available_height()],
            egui::Label::new(egui::RichText::new(count.to_string()).color(color)),
        );
    }
}

/// At most this many problems are listed on screen; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 100;

fn problems(ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
    let count = ctx.collection.problem_count();
    if count == 0 {
        return;
    }
    let text = ctx.text;
    egui::CollapsingHeader::new(format!("{} ({count})", text.problems_found))
        .default_open(true)
        .show(ui, |ui| {
            for problem in ctx.collection.problems_iter().take(PROBLEMS_SHOWN) {
                let line = egui::RichText::new(text.problem(&problem)).monospace();
                ui.add(egui::Label::new(line).wrap());
                if let Some(copy) = conflict_screen::resolvable(&problem.kind)
                    && ctx.can_write()
                    && ui.button(text.resolve_conflict).clicked()
                {
                    actions.push(Action::Conflict(ConflictAction::Open(copy.clone())));
                }
            }
            if count > PROBLEMS_SHOWN {
                let more = count - PROBLEMS_SHOWN;
                ui.weak(text.more_problems(more));
            }
        });
}
