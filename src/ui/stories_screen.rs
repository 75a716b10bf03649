//! The story bank: the user's stories in STAR form, each tagged with competencies and
//! linked to the questions it answers, and a grid of roles × competencies that shows
//! where stories are still missing.

use crate::core::collection::{Collection, StorySaveError};
use crate::core::content::deck::Lang;
use crate::core::content::role;
use crate::core::study::search;
use crate::core::study::story::{self, COMPETENCIES, Story, StoryContent, StoryError};
use crate::ui::context::{Action, FollowUp, Screen, ScreenContext, StoryAction, View, Writing};
use crate::ui::strings::Strings;
use crate::ui::widgets::FollowFocus;
use crate::ui::{theme, widgets};

/// The story being written or edited, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryForm {
    /// `Some` when editing that story.
    pub editing: Option<String>,
    pub draft: StoryContent,
    /// Text typed to find a question to link.
    pub find: String,
    pub error: Option<String>,
    /// Set when the form opens: its title takes the keyboard and comes into view (the
    /// form opens at the top of the page, out of sight when the page was scrolled down to
    /// a story's Edit or the grid).
    pub just_opened: bool,
}

impl StoryForm {
    fn new(draft: StoryContent) -> Self {
        Self {
            draft,
            just_opened: true,
            ..Self::default()
        }
    }

    fn editing(story: &Story) -> Self {
        Self {
            editing: Some(story.id.clone()),
            ..Self::new(story.content.clone())
        }
    }
}

#[derive(Debug, Default)]
pub struct StoriesScreen {
    form: Option<StoryForm>,
    confirm_remove: Option<String>,
}

/// Why a story was refused, in the app's language.
fn refusal(text: &Strings, error: &StoryError) -> String {
    match error {
        StoryError::NoTitle => text.story_no_title.to_string(),
        StoryError::UnknownCard(id) => text.story_unknown_card(id),
        StoryError::UnknownCompetency(id) => text.story_unknown_competency(id),
        StoryError::UnknownStory(_) => text.story_gone.to_string(),
    }
}

impl StoriesScreen {
    fn saved(&mut self) {
        self.form = None;
    }

    fn refused(&mut self, text: &Strings, error: &StoryError) {
        if let Some(form) = &mut self.form {
            form.error = Some(refusal(text, error));
        }
    }

    fn not_saved(&mut self, message: String) {
        if let Some(form) = &mut self.form {
            form.error = Some(message);
        }
    }

    /// The story form, when it holds something not saved: typing in a new story, or a
    /// change to the story being edited.
    pub fn unsaved(&self, collection: &Collection) -> Option<&StoryForm> {
        let form = self.form.as_ref()?;
        let changed = match &form.editing {
            Some(id) => collection
                .stories()
                .iter()
                .find(|story| story.id == *id)
                .is_none_or(|story| StoryForm::editing(story).draft != form.draft),
            None => {
                let draft = &form.draft;
                [
                    &draft.title,
                    &draft.situation,
                    &draft.task,
                    &draft.action,
                    &draft.result,
                ]
                .iter()
                .any(|field| !field.trim().is_empty())
                    || !draft.competencies.is_empty()
            }
        };
        changed.then_some(form)
    }

    /// What the form's Save would ask for.
    pub fn save_action(&self) -> Option<StoryAction> {
        self.form.as_ref().map(|form| StoryAction::Save {
            draft: form.draft.clone(),
            editing: form.editing.clone(),
        })
    }

    /// Opens a new story linked to `card` (from the review screen's "Add a story").
    fn new_story_for(&mut self, card: &str) {
        self.form = Some(StoryForm::new(StoryContent {
            cards: vec![card.to_string()],
            ..StoryContent::default()
        }));
    }

    fn save(&mut self, action: StoryAction, writing: &mut Writing) -> Vec<FollowUp> {
        let Some(store) = writing.store.as_deref_mut() else {
            return Vec::new();
        };
        let result = match action {
            StoryAction::Save { draft, editing } => writing
                .collection
                .save_story(store, &draft, editing.as_deref(), writing.now)
                .map(|_| ()),
            StoryAction::Remove(id) => writing.collection.remove_story(store, &id, writing.now),
        };
        match result {
            Ok(()) => {
                self.saved();
                Vec::new()
            }
            Err(StorySaveError::Draft(error)) => {
                self.refused(writing.text, &error);
                Vec::new()
            }
            // Said in the form too, so it is not taken for saved.
            Err(StorySaveError::Store(error)) => {
                let message = writing.failure(error);
                self.not_saved(message.clone());
                vec![FollowUp::Flash(message)]
            }
        }
    }
}

impl View for StoriesScreen {
    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::Story(action) => self.save(action, writing),
            Action::WriteStory(card) => {
                self.new_story_for(&card);
                vec![FollowUp::Open(Screen::Stories)]
            }
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        egui::ScrollArea::vertical()
            .id_salt("stories_scroll")
            .auto_shrink([false, false])
            .show_following_focus(ui, |ui| {
                theme::column(ui, theme::READING_WIDTH, |ui| {
                    ui.add_space(theme::space::M);
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(text.stories_tab).size(theme::size::HEADING));
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let add = ui
                                .add_enabled(
                                    ctx.can_write() && self.form.is_none(),
                                    egui::Button::new(text.new_story),
                                )
                                .on_disabled_hover_text(text.read_only_banner);
                            if add.clicked() {
                                self.form = Some(StoryForm::new(StoryContent::default()));
                            }
                        });
                    });
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(text.stories_intro)
                                .color(theme::tone::MUTED_TEXT.on(ui)),
                        )
                        .wrap(),
                    );
                    if let Some(form) = &mut self.form {
                        ui.add_space(theme::space::M);
                        if form_ui(ui, ctx, form, actions) {
                            self.form = None;
                        }
                    }
                    ui.add_space(theme::space::M);
                    for story in ctx.collection.stories() {
                        story_card(
                            ui,
                            ctx,
                            story,
                            &mut self.form,
                            &mut self.confirm_remove,
                            actions,
                        );
                        ui.add_space(theme::space::S);
                    }
                    ui.add_space(theme::space::M);
                    grid(ui, ctx);
                    ui.add_space(theme::space::L);
                });
            });
    }
}

fn story_card(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    story: &Story,
    form: &mut Option<StoryForm>,
    confirm_remove: &mut Option<String>,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&story.content.title).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ctx.can_write() {
                    if ui.button(text.remove).clicked() {
                        *confirm_remove = Some(story.id.clone());
                    }
                    if ui.button(text.edit).clicked() && form.is_none() {
                        *form = Some(StoryForm::editing(story));
                    }
                }
            });
        });
        if confirm_remove.as_deref() == Some(story.id.as_str()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(text.remove_story_confirm(&story.content.title));
                if ui.button(text.remove).clicked() {
                    actions.push(Action::Story(StoryAction::Remove(story.id.clone())));
                    *confirm_remove = None;
                }
                if ui.button(text.cancel).clicked() {
                    *confirm_remove = None;
                }
            });
        }
        let competencies: Vec<&str> = story
            .content
            .competencies
            .iter()
            .map(|id| story::competency_label(id, ctx.lang))
            .collect();
        if !competencies.is_empty() {
            theme::caption(ui, &competencies.join(" · "));
        }
        star(ui, text, &story.content);
        if !story.content.cards.is_empty() {
            ui.add_space(theme::space::S);
            theme::caption(ui, text.story_answers);
            for card_id in &story.content.cards {
                if let Some((_, card)) = ctx.collection.decks().find_card(card_id) {
                    let first_line = widgets::first_line(&card.question, ctx.card_language);
                    ui.add(egui::Label::new(format!("• {first_line}")).truncate());
                }
            }
        }
    });
}

/// The four STAR parts of a story, those written: the captions in a column of their own,
/// each on the baseline of its value's first line.
pub fn star(ui: &mut egui::Ui, text: &Strings, story: &StoryContent) {
    let parts = [
        (text.situation, &story.situation),
        (text.task, &story.task),
        (text.action, &story.action),
        (text.result, &story.result),
    ];
    let font = egui::TextStyle::Body.resolve(ui.style());
    let caption_width = parts
        .iter()
        .map(|(label, _)| theme::text_width(ui, label, font.clone()))
        .fold(0.0, f32::max)
        + ui.spacing().item_spacing.x;
    for (label, part) in parts {
        if part.is_empty() {
            continue;
        }
        ui.horizontal_top(|ui| {
            // The caption in the value's size (a smaller one sat above its baseline), set
            // apart by its weight and colour.
            ui.allocate_ui_with_layout(
                egui::vec2(caption_width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_width(caption_width);
                    ui.label(
                        egui::RichText::new(label)
                            .strong()
                            .color(theme::tone::MUTED_TEXT.on(ui)),
                    );
                },
            );
            let job = crate::ui::kinsoku::job(ui, part.as_str());
            crate::ui::kinsoku::label(ui, job);
        });
    }
}

/// The add/edit form; true when the user cancelled it.
fn form_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    form: &mut StoryForm,
    actions: &mut Vec<Action>,
) -> bool {
    let text = ctx.text;
    let mut cancelled = false;
    if form.draft.lang.is_none() {
        // Most stories are told in the language the user works in.
        form.draft.lang = Some(ctx.lang);
    }
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let label = ui.label(text.story_title);
        let title = ui
            .add(
                egui::TextEdit::singleline(&mut form.draft.title)
                    .hint_text(text.story_title_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut form.just_opened) {
            title.request_focus();
            label.scroll_to_me(Some(egui::Align::TOP));
        }
        ui.horizontal(|ui| {
            ui.label(text.story_language);
            ui.radio_value(&mut form.draft.lang, Some(Lang::Ja), text.lang_japanese);
            ui.radio_value(&mut form.draft.lang, Some(Lang::En), text.lang_english);
        });
        for (label, hint, part) in [
            (
                text.situation,
                text.situation_hint,
                &mut form.draft.situation,
            ),
            (text.task, text.task_hint, &mut form.draft.task),
            (text.action, text.action_hint, &mut form.draft.action),
            (text.result, text.result_hint, &mut form.draft.result),
        ] {
            let label = ui.label(label);
            ui.add(
                egui::TextEdit::multiline(part)
                    .layouter(&mut crate::ui::kinsoku::layouter)
                    .hint_text(hint)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        }
        ui.label(text.competencies);
        ui.horizontal_wrapped(|ui| {
            for competency in COMPETENCIES {
                let label = if ctx.lang == Lang::Ja {
                    competency.ja
                } else {
                    competency.en
                };
                let mut on = form.draft.competencies.iter().any(|id| id == competency.id);
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        form.draft.competencies.push(competency.id.to_string());
                    } else {
                        form.draft.competencies.retain(|id| id != competency.id);
                    }
                }
            }
        });
        ui.add_space(theme::space::S);
        ui.label(text.story_answers);
        let mut unlink = None;
        for card_id in &form.draft.cards {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(text.unlink).clicked() {
                    unlink = Some(card_id.clone());
                }
                let question = ctx
                    .collection
                    .decks()
                    .find_card(card_id)
                    .map(|(_, card)| widgets::first_line(&card.question, ctx.card_language))
                    .unwrap_or_else(|| card_id.clone());
                ui.add(egui::Label::new(question).truncate());
            });
        }
        if let Some(card_id) = unlink {
            form.draft.cards.retain(|id| *id != card_id);
        }
        let label = ui.label(text.link_question);
        ui.add(
            egui::TextEdit::singleline(&mut form.find)
                .hint_text(text.link_question_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        if !form.find.trim().is_empty()
            && let Ok(query) = search::parse(&form.find)
        {
            let found: Vec<String> = search::search(&query, ctx.collection, ctx.now)
                .into_iter()
                .filter(|id| !form.draft.cards.contains(id))
                .take(8)
                .collect();
            for card_id in found {
                let Some((_, card)) = ctx.collection.decks().find_card(&card_id) else {
                    continue;
                };
                let first_line = widgets::first_line(&card.question, ctx.card_language);
                ui.horizontal(|ui| {
                    if ui.small_button(text.link).clicked() {
                        form.draft.cards.push(card_id.clone());
                    }
                    ui.add(egui::Label::new(first_line).truncate());
                });
            }
        }
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if ui.add(widgets::primary_button(text.save_story)).clicked() {
                form.error = None;
                actions.push(Action::Story(StoryAction::Save {
                    draft: form.draft.clone(),
                    editing: form.editing.clone(),
                }));
            }
            cancelled = ui.button(text.cancel).clicked();
        });
    });
    cancelled
}

/// Competencies × roles: how many of each role's questions have a story that shows the
/// competency, and, first, how many have none at all. Roles are the columns: there are few
/// of them, so the table fits a window with the gaps in view and every row named (with
/// roles as rows, the last columns, "No story yet" among them, were cut off at 1280 px).
fn grid(ui: &mut egui::Ui, ctx: &ScreenContext) {
    let text = ctx.text;
    let rows = story::coverage_grid(ctx.collection.decks(), ctx.collection.stories());
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(text.story_grid).size(theme::size::HEADING));
        theme::caption(ui, text.story_grid_hint);
        ui.add_space(theme::space::S);
        egui::ScrollArea::horizontal()
            .id_salt("story_grid")
            .show(ui, |ui| {
                egui::Grid::new("story_grid_table")
                    .striped(true)
                    .spacing([14.0, 6.0])
                    .show(ui, |ui| {
                        ui.label("");
                        for row in &rows {
                            // A gloss in brackets goes under the name, so a long one
                            // ("Head of Engineering（技術部門責任者）") does not widen its
                            // column past the window.
                            let name = role::label(&row.role, ctx.lang).replacen('（', "\n（", 1);
                            ui.label(egui::RichText::new(name).strong());
                        }
                        ui.end_row();
                        ui.label(egui::RichText::new(text.without_story).strong());
                        for row in &rows {
                            let missing = row.questions - row.with_story;
                            let cell = format!("{missing} / {}", row.questions);
                            ui.label(if missing > 0 {
                                egui::RichText::new(cell)
                                    .color(theme::tone::LEARNING.on(ui))
                                    .strong()
                            } else {
                                egui::RichText::new(cell)
                            });
                        }
                        ui.end_row();
                        for (index, competency) in COMPETENCIES.iter().enumerate() {
                            let label = if ctx.lang == Lang::Ja {
                                competency.ja
                            } else {
                                competency.en
                            };
                            ui.label(label);
                            for row in &rows {
                                let count = row.per_competency.get(index).map_or(0, |(_, n)| *n);
                                let value = egui::RichText::new(count.to_string());
                                ui.label(if count == 0 {
                                    value.color(theme::tone::MUTED_TEXT.on(ui))
                                } else {
                                    value.color(theme::tone::NEW.on(ui)).strong()
                                });
                            }
                            ui.end_row();
                        }
                    });
                // Room under the last row for the sideways scroll bar, which floats
                // over what is below it.
                let scroll = &ui.spacing().scroll;
                ui.add_space(scroll.bar_width + scroll.bar_outer_margin);
            });
    });
}
