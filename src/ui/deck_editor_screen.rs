//! The deck editor: a user deck's title and role, and its cards — question and answer
//! points in Japanese and English, tags — added, edited, reordered and deleted. Bundled
//! decks are not edited here (a user adds their own points to those from the browser).
//! Saving writes the file atomically and refuses to write over a change made on disk
//! since it was opened; then, as before a reload that would drop unsaved edits, the
//! editor asks and offers to save the edited deck as a copy. Deleting a deck moves its
//! file aside, after saying what that does.

use crate::core::content::deck::{Card, Lang, Localized, Point};
use crate::core::content::role;
use crate::core::content::user_decks::{self, DeckFile, DeckFileError, Unreadable};
use crate::core::problem::{CardName, ProblemKind};
use crate::ui::context::{Action, EditorAction, FollowUp, Screen, ScreenContext, View, Writing};
use crate::ui::kinsoku;
use crate::ui::widgets::FollowFocus;
use crate::ui::{theme, widgets};

#[derive(Debug, Default)]
pub struct DeckEditorScreen {
    file: Option<DeckFile>,
    selected: Option<String>,
    /// Unsaved changes since the last save or load.
    dirty: bool,
    message: Option<Result<String, String>>,
    confirm_delete: Option<String>,
    /// The delete question was just asked: it is scrolled into view once (it opened
    /// under the window's edge).
    show_delete_question: bool,
    /// Close was clicked with unsaved changes.
    confirm_close: bool,
    /// Reload was clicked with unsaved changes, or saving met a change on disk: the
    /// editor asks before dropping the edits, and offers to save them as a copy.
    confirm_reload: bool,
    /// Delete deck… was clicked: what it does is said before it is done.
    confirm_delete_deck: bool,
    /// The title typed for a new deck, while no deck is open.
    new_title: String,
    /// The new deck's name field is to take the keyboard once: letters typed right
    /// after New deck… went nowhere until the field was clicked.
    focus_new_title: bool,
    /// The question of the card just added is to take the keyboard once.
    focus_question: bool,
    /// The Tags box as typed, with the card it belongs to: "hiring," keeps its comma
    /// while the next tag is typed, where the card's list has none to show.
    tags_typed: Option<(String, String)>,
}

/// A card that stops the deck from being saved is named by its place in the list, as the
/// user sees it, not by its id (「card `close-test-cb05acc2` has an empty question」 named
/// a card the list shows as "(no question)"); its id is returned to select it.
fn name_card_by_place(error: &mut DeckFileError, cards: &[Card]) -> Option<String> {
    let DeckFileError::Unreadable(unreadable) = error else {
        return None;
    };
    let Unreadable::Edited(
        ProblemKind::EmptyQuestion { card }
        | ProblemKind::PointsAndNoPoints { card }
        | ProblemKind::EmptyPoint { card, .. },
    ) = unreadable.as_mut()
    else {
        return None;
    };
    let CardName::Id(id) = card else {
        return None;
    };
    let id = id.clone();
    let place = cards.iter().position(|known| known.id == id)?;
    *card = CardName::Number(place + 1);
    Some(id)
}

/// Text fields edit `Option<String>`s through this: empty means absent. True when the
/// text changed.
fn edit_optional(
    ui: &mut egui::Ui,
    field: (&mut Localized, Lang),
    hint: &str,
    multiline: bool,
    label: Option<egui::Id>,
) -> bool {
    edit_optional_field(ui, field, hint, multiline, label).changed()
}

/// [`edit_optional`], giving the field's response (to focus it).
fn edit_optional_field(
    ui: &mut egui::Ui,
    (localized, lang): (&mut Localized, Lang),
    hint: &str,
    multiline: bool,
    label: Option<egui::Id>,
) -> egui::Response {
    let mut text = localized.in_lang(lang).unwrap_or_default().to_string();
    let mut layouter = crate::ui::kinsoku::layouter;
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text)
            .desired_rows(2)
            .layouter(&mut layouter)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let mut response = ui.add(edit.hint_text(hint).desired_width(f32::INFINITY));
    if let Some(label) = label {
        response = response.labelled_by(label);
    }
    if response.changed() {
        localized.set(lang, Some(text).filter(|text| !text.trim().is_empty()));
    }
    response
}

impl DeckEditorScreen {
    fn open(&mut self, file: DeckFile) {
        self.selected = file.deck.cards.first().map(|card| card.id.clone());
        self.file = Some(file);
        self.dirty = false;
        self.message = None;
        self.tags_typed = None;
        self.confirm_reload = false;
        self.confirm_delete_deck = false;
        self.confirm_close = false;
    }

    /// Shows this card's fields.
    fn select(&mut self, card: &str) {
        self.selected = Some(card.to_string());
    }

    /// A new deck: the screen asks for its title.
    fn start_new(&mut self) {
        self.file = None;
        self.new_title.clear();
        self.focus_new_title = true;
        self.message = None;
    }

    fn saved(&mut self, message: Result<String, String>) {
        if message.is_ok() {
            self.dirty = false;
        }
        self.message = Some(message);
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The title of the deck open, in `lang` where it has one, else its file's name.
    pub fn deck_title(&self, lang: crate::core::content::deck::Lang) -> Option<String> {
        let file = self.file.as_ref()?;
        let title = file.deck.title.get(lang).trim();
        Some(if title.is_empty() {
            file.path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            title.to_string()
        })
    }

    /// Why the last save failed, as the screen shows it.
    pub fn error(&self) -> Option<&str> {
        match &self.message {
            Some(Err(message)) => Some(message),
            _ => None,
        }
    }

    /// The deck file open in the editor, if any.
    pub fn open_path(&self) -> Option<&std::path::Path> {
        self.file.as_ref().map(|file| file.path.as_path())
    }

    /// The editor's file operations; the decks are read again after a write, so every
    /// screen shows the deck as saved.
    fn file_action(&mut self, action: EditorAction, writing: &mut Writing) -> Vec<FollowUp> {
        let text = writing.text;
        match action {
            // The same deck with unsaved changes: back to them, not to the file.
            EditorAction::Open { path, card }
                if self.is_dirty() && self.open_path() == Some(path.as_path()) =>
            {
                if let Some(card) = card {
                    self.select(&card);
                }
                vec![FollowUp::Open(Screen::Edit)]
            }
            EditorAction::Open { path, card } => match DeckFile::open(&path) {
                Ok(file) => {
                    self.open(file);
                    if let Some(card) = card {
                        self.select(&card);
                    }
                    vec![FollowUp::Open(Screen::Edit)]
                }
                Err(error) => vec![FollowUp::Flash(text.deck_file_error(&error))],
            },
            EditorAction::Create(title) => {
                let decks_dir = writing.collection.data_dir().decks_dir();
                let decks = writing.collection.decks();
                match DeckFile::create(&decks_dir, &title, writing.lang, decks) {
                    Ok(file) => {
                        writing.collection.reload_decks();
                        self.open(file);
                        vec![FollowUp::Open(Screen::Edit)]
                    }
                    Err(error) => {
                        self.saved(Err(text.deck_file_error(&error)));
                        Vec::new()
                    }
                }
            }
            EditorAction::Save => {
                let Some(file) = &mut self.file else {
                    return Vec::new();
                };
                match file.save() {
                    Ok(()) => {
                        writing.collection.reload_decks();
                        self.saved(Ok(text.deck_saved.to_string()));
                    }
                    Err(mut error) => {
                        // Theirs or ours: the editor asks, with both ways out at hand.
                        self.confirm_reload = matches!(error, DeckFileError::ChangedOnDisk { .. });
                        if let Some(id) = name_card_by_place(&mut error, &file.deck.cards) {
                            self.selected = Some(id);
                        }
                        self.saved(Err(text.deck_file_error(&error)));
                    }
                }
                Vec::new()
            }
            EditorAction::SaveAsCopy => {
                let Some(file) = &mut self.file else {
                    return Vec::new();
                };
                match file.save_as_copy(writing.collection.decks()) {
                    Ok(()) => {
                        let said = text.imported_to(file.path.display());
                        writing.collection.reload_decks();
                        self.confirm_reload = false;
                        self.saved(Ok(said));
                    }
                    Err(error) => self.saved(Err(text.deck_file_error(&error))),
                }
                Vec::new()
            }
            EditorAction::Delete => {
                let Some(file) = &self.file else {
                    return Vec::new();
                };
                let deleted_dir = writing.collection.data_dir().deleted_decks_dir();
                match user_decks::move_to_deleted(&file.path, &deleted_dir) {
                    Ok(to) => {
                        writing.collection.reload_decks();
                        self.file = None;
                        self.dirty = false;
                        self.confirm_delete_deck = false;
                        vec![
                            FollowUp::Open(Screen::Decks),
                            FollowUp::Notice(text.deck_deleted(to.display())),
                        ]
                    }
                    Err(error) => {
                        self.confirm_delete_deck = false;
                        self.saved(Err(text.deck_file_error(&error)));
                        Vec::new()
                    }
                }
            }
            EditorAction::Reload => {
                let Some(file) = &mut self.file else {
                    return Vec::new();
                };
                let result = file.reload().map(|()| file.clone());
                match result {
                    Ok(file) => self.open(file),
                    Err(error) => self.saved(Err(text.deck_file_error(&error))),
                }
                Vec::new()
            }
        }
    }
}

impl View for DeckEditorScreen {
    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::NewDeck => {
                self.start_new();
                vec![FollowUp::Open(Screen::Edit)]
            }
            Action::Editor(action) if writing.store.is_some() => self.file_action(action, writing),
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        let Some(file) = &mut self.file else {
            theme::column(ui, theme::READING_WIDTH, |ui| {
                ui.add_space(theme::space::M);
                ui.label(egui::RichText::new(text.new_deck).size(theme::size::HEADING));
                let label = ui.label(text.deck_title);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.new_title)
                            .hint_text(text.deck_title_hint),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus_new_title) {
                    field.request_focus();
                }
                // Enter in the name creates the deck, as in every other one-line form.
                let entered =
                    field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                if let Some(Err(message)) = &self.message {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                ui.horizontal(|ui| {
                    let can_create = !self.new_title.trim().is_empty() && ctx.can_write();
                    if ui
                        .add_enabled(can_create, widgets::primary_button(text.create_deck))
                        .clicked()
                        || (entered && can_create)
                    {
                        actions.push(Action::Editor(EditorAction::Create(self.new_title.clone())));
                    }
                    if ui.button(text.cancel).clicked() {
                        actions.push(Action::Open(crate::ui::Screen::Decks));
                    }
                });
            });
            return;
        };
        let mut changed = false;
        let mut close = false;
        egui::Panel::top("editor_header").show(ui, |ui| {
            ui.horizontal(|ui| {
                // Right to left: the buttons keep their room, and the file's path is cut
                // short in what is left rather than drawn under them.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(text.close).clicked() {
                        if self.dirty {
                            // One question at a time: this one replaces a reload's.
                            self.confirm_close = true;
                            self.confirm_reload = false;
                        } else {
                            close = true;
                        }
                    }
                    if ui
                        .add_enabled(ctx.can_write(), egui::Button::new(text.delete_deck))
                        .clicked()
                    {
                        self.confirm_delete_deck = true;
                    }
                    if ui.button(text.reload).clicked() {
                        if self.dirty {
                            self.confirm_reload = true;
                            self.confirm_close = false;
                        } else {
                            actions.push(Action::Editor(EditorAction::Reload));
                        }
                    }
                    let can_save = self.dirty && ctx.can_write();
                    let save = ui
                        .add_enabled(can_save, widgets::primary_button(text.save))
                        .on_hover_text("Ctrl+S");
                    // Ctrl+S saves from anywhere in the editor, a text box included, as in
                    // every editor the user knows.
                    let save_key = can_save
                        && ui.input_mut(|input| {
                            input.consume_key(egui::Modifiers::COMMAND, egui::Key::S)
                        });
                    if save.clicked() || save_key {
                        actions.push(Action::Editor(EditorAction::Save));
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        // Cut short too: at large text it was drawn over Save, and a
                        // click there did not save.
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(text.edit_deck).size(theme::size::HEADING),
                            )
                            .truncate(),
                        );
                        let path = egui::RichText::new(file.path.display().to_string())
                            .size(theme::size::SMALL)
                            .color(theme::tone::MUTED_TEXT.on(ui));
                        // Where there is no room for a few letters of it, not a lone "…"
                        // against Save.
                        if ui.available_width() > 60.0 {
                            ui.add(egui::Label::new(path).truncate());
                        }
                    });
                });
            });
            if self.confirm_close {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, text.unsaved_changes);
                    if ui.button(text.discard_changes).clicked() {
                        self.confirm_close = false;
                        close = true;
                    }
                    if ui.button(text.keep_editing).clicked() {
                        self.confirm_close = false;
                    }
                });
            }
            match &self.message {
                Some(Ok(message)) => {
                    ui.label(message.as_str());
                }
                Some(Err(message)) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                None => {}
            }
            if self.confirm_reload {
                if self.dirty {
                    ui.colored_label(ui.visuals().warn_fg_color, text.reload_discards);
                }
                ui.horizontal_wrapped(|ui| {
                    if ui.button(text.discard_and_reload).clicked() {
                        self.confirm_reload = false;
                        actions.push(Action::Editor(EditorAction::Reload));
                    }
                    if ui
                        .add_enabled(ctx.can_write(), egui::Button::new(text.save_as_copy))
                        .on_hover_text(text.save_as_copy_hint)
                        .clicked()
                    {
                        actions.push(Action::Editor(EditorAction::SaveAsCopy));
                    }
                    if ui.button(text.keep_editing).clicked() {
                        self.confirm_reload = false;
                    }
                });
            }
            if self.confirm_delete_deck {
                let title = file.deck.title.get(ctx.lang).to_string();
                let folder = ctx.collection.data_dir().deleted_decks_dir();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    text.delete_deck_confirm(&title, file.deck.cards.len(), folder.display()),
                );
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .add(widgets::primary_button(
                            text.delete_deck.trim_end_matches('…'),
                        ))
                        .clicked()
                    {
                        actions.push(Action::Editor(EditorAction::Delete));
                    }
                    if ui.button(text.cancel).clicked() {
                        self.confirm_delete_deck = false;
                    }
                });
            }
            egui::Grid::new("deck_fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(text.deck_title_ja);
                    changed |= edit_optional(
                        ui,
                        (&mut file.deck.title, Lang::Ja),
                        "",
                        false,
                        Some(label.id),
                    );
                    ui.end_row();
                    let label = ui.label(text.deck_title_en);
                    changed |= edit_optional(
                        ui,
                        (&mut file.deck.title, Lang::En),
                        "",
                        false,
                        Some(label.id),
                    );
                    ui.end_row();
                    let label = ui.label(text.deck_role);
                    egui::ComboBox::from_id_salt("deck_role")
                        .selected_text(role::label(&file.deck.role, ctx.lang))
                        .show_ui(ui, |ui| {
                            for id in role::ROLES
                                .iter()
                                .map(|known| known.id)
                                .chain([role::OTHER])
                            {
                                changed |= ui
                                    .selectable_value(
                                        &mut file.deck.role,
                                        id.to_string(),
                                        role::label(id, ctx.lang),
                                    )
                                    .changed();
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                });
        });
        // At most two fifths of the window: a long question widened the list until the
        // card's fields were squeezed out of an 800-pixel window.
        let list_at_most = (ui.available_width() * 0.4).max(160.0);
        egui::Panel::left("editor_cards")
            .resizable(true)
            .default_size(300.0_f32.min(list_at_most))
            .max_size(list_at_most)
            .show(ui, |ui| {
                if ui
                    .add_enabled(ctx.can_write(), egui::Button::new(text.add_card))
                    .clicked()
                {
                    let collection = ctx.collection;
                    let id = file.add_card(rand::random, |id| collection.decks().contains_card(id));
                    self.selected = Some(id);
                    self.focus_question = true;
                    changed = true;
                }
                // The list fills the panel: a panel keeps the width its contents took, so
                // a new deck's list (one narrow button) stayed that narrow and every
                // question was cut to "How w…".
                egui::ScrollArea::vertical()
                    .id_salt("editor_card_list")
                    .auto_shrink([false, false])
                    .show_following_focus(ui, |ui| {
                        let ids: Vec<(String, String)> = file
                            .deck
                            .cards
                            .iter()
                            .map(|card| {
                                let first = widgets::first_line(&card.question, ctx.card_language);
                                (
                                    card.id.clone(),
                                    if first.is_empty() {
                                        text.untitled_card.to_string()
                                    } else {
                                        first
                                    },
                                )
                            })
                            .collect();
                        // Each question has the list's whole width, and the selected
                        // one its arrows below it: beside every question they left it
                        // only "…" at large text.
                        let width = ui.available_width();
                        for (id, question) in ids {
                            let selected = self.selected.as_deref() == Some(id.as_str());
                            let entry = egui::Button::selectable(selected, question.as_str())
                                .truncate()
                                .min_size(egui::vec2(width, 0.0));
                            if ui.add(entry).on_hover_text(&question).clicked() {
                                self.selected = Some(id.clone());
                            }
                            if selected {
                                ui.horizontal(|ui| {
                                    if ui.small_button("↑").on_hover_text(text.move_up).clicked()
                                    {
                                        file.move_card(&id, -1);
                                        changed = true;
                                    }
                                    if ui.small_button("↓").on_hover_text(text.move_down).clicked()
                                    {
                                        file.move_card(&id, 1);
                                        changed = true;
                                    }
                                });
                            }
                        }
                    });
            });
        let mut delete = None;
        let mut move_point = None;
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(id) = self.selected.clone() else {
                ui.weak(if file.deck.cards.is_empty() {
                    text.no_cards_yet
                } else {
                    text.select_card
                });
                return;
            };
            let Some(card) = file.deck.cards.iter_mut().find(|card| card.id == id) else {
                return;
            };
            egui::ScrollArea::vertical()
                .id_salt("editor_card")
                .show_following_focus(ui, |ui| {
                    theme::caption(ui, &card.id);
                    // A card just added takes the keyboard in the question of the card
                    // language read first: what was typed after Add card went nowhere
                    // until a field was clicked.
                    let focus = std::mem::take(&mut self.focus_question)
                        .then_some(ctx.card_language.order().0);
                    for (lang, name) in [(Lang::Ja, text.question_ja), (Lang::En, text.question_en)]
                    {
                        let label = ui.label(name);
                        let field = (&mut card.question, lang);
                        let question = edit_optional_field(ui, field, "", true, Some(label.id));
                        changed |= question.changed();
                        if focus == Some(lang) {
                            question.request_focus();
                        }
                    }
                    ui.add_space(theme::space::S);
                    ui.label(text.answer_points);
                    let mut remove = None;
                    let last = card.points.len().saturating_sub(1);
                    for (index, point) in card.points.iter_mut().enumerate() {
                        ui.horizontal(|ui| {
                            if ui
                                .small_button("×")
                                .on_hover_text(text.remove_point)
                                .clicked()
                            {
                                remove = Some(index);
                            }
                            // Named with the point, for screen readers (and tests): a
                            // column of arrows alone does not say which point moves.
                            let named = widgets::localized_plain(&point.text, ctx.card_language);
                            ui.vertical(|ui| {
                                for (arrow, by, enabled, what) in [
                                    ("▲", -1, index > 0, text.move_up),
                                    ("▼", 1, index < last, text.move_down),
                                ] {
                                    let button =
                                        ui.add_enabled(enabled, egui::Button::new(arrow).small());
                                    let name = format!("{what} — {named}");
                                    button.widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::Role::Button,
                                            enabled,
                                            &name,
                                        )
                                    });
                                    if button.on_hover_text(what).clicked() {
                                        move_point = Some((card.id.clone(), index, by));
                                    }
                                }
                            });
                            ui.vertical(|ui| {
                                changed |= edit_optional(
                                    ui,
                                    (&mut point.text, Lang::Ja),
                                    text.point_ja_hint,
                                    false,
                                    None,
                                );
                                changed |= edit_optional(
                                    ui,
                                    (&mut point.text, Lang::En),
                                    text.point_en_hint,
                                    false,
                                    None,
                                );
                            });
                        });
                    }
                    if let Some(index) = remove {
                        card.points.remove(index);
                        changed = true;
                    }
                    if ui.button(text.add_point).clicked() {
                        card.points.push(Point {
                            text: Localized::default(),
                            derived: false,
                            from: None,
                        });
                        changed = true;
                    }
                    ui.add_space(theme::space::S);
                    let tags_label = ui.label(text.tags);
                    let typed = match &mut self.tags_typed {
                        Some((card_id, typed)) if *card_id == card.id => typed,
                        other => {
                            let (_, typed) = other.insert((card.id.clone(), card.tags.join(", ")));
                            typed
                        }
                    };
                    if ui
                        .add(egui::TextEdit::singleline(typed).hint_text(text.tags_hint))
                        .labelled_by(tags_label.id)
                        .changed()
                    {
                        card.tags = typed
                            .split([',', '、', ' '])
                            .map(str::trim)
                            .filter(|tag| !tag.is_empty())
                            .map(std::sync::Arc::from)
                            .collect();
                        changed = true;
                    }
                    ui.add_space(theme::space::M);
                    if self.confirm_delete.as_deref() == Some(id.as_str()) {
                        kinsoku::paragraph(ui, text.delete_card_confirm);
                        let buttons = ui.horizontal(|ui| {
                            if ui.button(text.delete_card).clicked() {
                                self.confirm_delete = None;
                                delete = Some(id.clone());
                            }
                            if ui.button(text.cancel).clicked() {
                                self.confirm_delete = None;
                            }
                        });
                        if std::mem::take(&mut self.show_delete_question) {
                            buttons.response.scroll_to_me(Some(egui::Align::BOTTOM));
                        }
                    } else if ui.button(text.delete_card).clicked() {
                        self.confirm_delete = Some(id.clone());
                        self.show_delete_question = true;
                    }
                });
        });
        if let Some((card, index, by)) = move_point {
            file.move_point(&card, index, by);
            changed = true;
        }
        if let Some(id) = delete {
            // Its reviews stay in the log; the app reports them as a card no deck has.
            file.remove_card(&id);
            self.selected = file.deck.cards.first().map(|card| card.id.clone());
            changed = true;
        }
        if changed {
            // Compared with the deck as saved, only when something was edited: a card
            // added and deleted again leaves nothing to save.
            self.dirty = file.has_unsaved_changes();
            self.message = None;
        }
        if close {
            self.file = None;
            self.dirty = false;
            actions.push(Action::Open(crate::ui::Screen::Decks));
        }
    }
}
