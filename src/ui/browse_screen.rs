//! The card browser: every card in a table, searched with Anki's syntax
//! ([`crate::core::study::search`]), sortable by any column, only the rows in view laid
//! out. From a selected card: its history, suspend, bury, flag, and its own points; from a
//! search result: a custom study session.

use crate::core::collection::Collection;
use crate::core::content::deck::Card;
use crate::core::review::log::Flag;
use crate::core::review::scheduler::Phase;
use crate::core::review::table::ReviewRef;
use crate::core::study::scope::{CardList, Scope};
use crate::core::study::search::{self, Query, QueryError};
use crate::ui::context::{Action, CardChange, EditorAction, FollowUp, Screen, ScreenContext};
use crate::ui::context::{View, Writing};
use crate::ui::{theme, widgets};
use chrono::{DateTime, FixedOffset};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// The columns, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Deck,
    Question,
    State,
    Due,
    Stability,
    Difficulty,
    Reps,
    Lapses,
    Flag,
}

/// One card of the table: which card, where it is, and whether a session would skip it.
/// What the columns show is looked up when a row is drawn (only the rows in view are) or
/// the table is sorted: a search over 100,000 cards made every column's text of every
/// card, 0.4 s a keystroke.
#[derive(Debug, Clone)]
pub struct Row {
    pub card: Box<str>,
    /// Where the card is in the collection's decks when the search ran; the results are
    /// made again whenever the collection changes.
    deck: u32,
    index: u32,
    /// Suspended or buried.
    set_aside: bool,
}

/// One card as the table shows it.
#[derive(Debug, Clone)]
pub struct RowView {
    pub card: String,
    pub deck: String,
    pub question: String,
    pub phase: Phase,
    pub due: Option<DateTime<FixedOffset>>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub reps: u32,
    pub lapses: u32,
    pub flag: u8,
    pub suspended: bool,
    pub buried: bool,
    pub leech: bool,
    pub tags: String,
}

#[derive(Debug)]
struct Results {
    generation: u64,
    query: String,
    sort: Option<(SortBy, bool)>,
    rows: Vec<Row>,
    /// Rows a session would skip, suspended or buried.
    set_aside: usize,
}

#[derive(Debug)]
pub struct BrowseScreen {
    query: String,
    parsed: Result<Query, QueryError>,
    results: Option<Results>,
    /// Column and ascending; `None` keeps the decks' own order.
    sort: Option<(SortBy, bool)>,
    selected: Option<String>,
    /// The selected card's own points, as being edited.
    own_points: Option<(String, String)>,
}

impl Default for BrowseScreen {
    fn default() -> Self {
        Self {
            query: String::new(),
            parsed: Ok(Query::default()),
            results: None,
            sort: None,
            selected: None,
            own_points: None,
        }
    }
}

/// Anki's flag colours, 1-7.
pub fn flag_color(flag: u8) -> egui::Color32 {
    match flag {
        1 => egui::Color32::from_rgb(0xe2, 0x4a, 0x3e),
        2 => egui::Color32::from_rgb(0xf0, 0x8c, 0x2c),
        3 => egui::Color32::from_rgb(0x3d, 0xa3, 0x4a),
        4 => egui::Color32::from_rgb(0x3b, 0x82, 0xe0),
        5 => egui::Color32::from_rgb(0xe0, 0x6a, 0xc3),
        6 => egui::Color32::from_rgb(0x2b, 0xb5, 0xb0),
        7 => egui::Color32::from_rgb(0x91, 0x5c, 0xd8),
        _ => egui::Color32::TRANSPARENT,
    }
}

fn rows(collection: &Collection, query: &Query, ctx: &ScreenContext) -> Vec<Row> {
    let now = ctx.now;
    let today = collection.scheduler().study_day(now);
    let decks = &collection.decks().decks;
    search::Matcher::new(query, collection, now)
        .positions()
        .into_iter()
        .filter_map(|(deck, index)| {
            let card = decks.get(deck)?.deck.cards.get(index)?;
            let marks = collection.marks(&card.id);
            Some(Row {
                card: card.id.as_str().into(),
                deck: u32::try_from(deck).ok()?,
                index: u32::try_from(index).ok()?,
                set_aside: marks.suspended || marks.is_buried(today),
            })
        })
        .collect()
}

/// What a row shows, looked up in the collection.
fn view(collection: &Collection, row: &Row, ctx: &ScreenContext) -> Option<RowView> {
    let today = collection.scheduler().study_day(ctx.now);
    let deck = &collection.decks().decks.get(row.deck as usize)?.deck;
    let card = deck.cards.get(row.index as usize)?;
    let state = collection.state(&card.id);
    let marks = collection.marks(&card.id);
    let leech = collection.is_leech(&card.id);
    let mut tags = card.tags.join(" ");
    if leech {
        if !tags.is_empty() {
            tags.push(' ');
        }
        tags.push_str("leech");
    }
    Some(RowView {
        card: card.id.clone(),
        deck: deck.title.get(ctx.lang).to_string(),
        question: first_line(card, ctx),
        phase: state.phase(),
        due: state.due(),
        stability: state.stability(),
        difficulty: state.difficulty(),
        reps: state.reps(),
        lapses: state.lapses(),
        flag: marks.flag.number(),
        suspended: marks.suspended,
        buried: marks.is_buried(today),
        leech,
        tags,
    })
}

/// The question's first line in the card language: the table's Question column.
fn first_line(card: &Card, ctx: &ScreenContext) -> String {
    widgets::localized_plain(&card.question, ctx.card_language)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// What a row is sorted by in one column; `None` for a card without a value there (a new
/// card has no due date or memory state), which goes last in either direction.
#[derive(Debug, Clone, PartialEq)]
enum SortValue {
    Text(String),
    Number(f64),
}

impl SortValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (SortValue::Text(a), SortValue::Text(b)) => a.cmp(b),
            (SortValue::Number(a), SortValue::Number(b)) => a.total_cmp(b),
            (SortValue::Text(_), SortValue::Number(_)) => std::cmp::Ordering::Less,
            (SortValue::Number(_), SortValue::Text(_)) => std::cmp::Ordering::Greater,
        }
    }
}

/// A row's value in the column `by`, looked up in the collection.
fn sort_value(
    collection: &Collection,
    row: &Row,
    by: SortBy,
    ctx: &ScreenContext,
) -> Option<SortValue> {
    let deck = &collection.decks().decks.get(row.deck as usize)?.deck;
    let card = deck.cards.get(row.index as usize)?;
    let number = |value: f64| Some(SortValue::Number(value));
    match by {
        SortBy::Deck => Some(SortValue::Text(deck.title.get(ctx.lang).to_string())),
        SortBy::Question => Some(SortValue::Text(first_line(card, ctx))),
        SortBy::Flag => number(f64::from(collection.marks(&card.id).flag.number())),
        state_column => {
            let state = collection.state_of(&card.id);
            match state_column {
                SortBy::State => number(f64::from(
                    state.map_or(Phase::New, |state| state.phase()) as u8
                )),
                SortBy::Due => state
                    .and_then(|state| state.due())
                    .and_then(|due| number(due.timestamp_millis() as f64)),
                SortBy::Stability => state
                    .and_then(|state| state.stability())
                    .and_then(|value| number(f64::from(value))),
                SortBy::Difficulty => state
                    .and_then(|state| state.difficulty())
                    .and_then(|value| number(f64::from(value))),
                SortBy::Reps => number(f64::from(state.map_or(0, |state| state.reps()))),
                SortBy::Lapses => number(f64::from(state.map_or(0, |state| state.lapses()))),
                SortBy::Deck | SortBy::Question | SortBy::Flag => None,
            }
        }
    }
}

/// Sorts stably, so rows equal in the column keep deck order; rows without a value go
/// last, whichever the direction. Each row's value is looked up once.
fn sort_rows<T>(rows: &mut Vec<T>, ascending: bool, value: impl Fn(&T) -> Option<SortValue>) {
    let mut keyed: Vec<(Option<SortValue>, T)> =
        rows.drain(..).map(|row| (value(&row), row)).collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(a), Some(b)) => {
            let order = a.cmp(b);
            if ascending { order } else { order.reverse() }
        }
    });
    rows.extend(keyed.into_iter().map(|(_, row)| row));
}

impl BrowseScreen {
    /// Own points typed for a card and not saved: the card and the points as typed.
    pub fn unsaved_own_points(&self, collection: &Collection) -> Option<(String, Vec<String>)> {
        let (card, typed) = self.own_points.as_ref()?;
        let saved = collection.own_points(card).join("\n");
        (typed.trim() != saved.trim())
            .then(|| (card.clone(), typed.lines().map(str::to_string).collect()))
    }

    /// Opens the browser on a search (e.g. from a weak point: the card it belongs to).
    fn search_for(&mut self, query: &str) {
        self.query = query.to_string();
        self.parsed = search::parse(query);
        self.results = None;
        self.selected = None;
    }

    /// The cards the current search found, in the table's order (tests read this).
    pub fn shown(&self) -> Vec<String> {
        self.results
            .as_ref()
            .map(|results| {
                results
                    .rows
                    .iter()
                    .map(|row| row.card.to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn refresh(&mut self, ctx: &ScreenContext) {
        let generation = ctx.collection.generation();
        let fresh = self.results.as_ref().is_some_and(|results| {
            results.generation == generation
                && results.query == self.query
                && results.sort == self.sort
        });
        if fresh {
            return;
        }
        let Ok(query) = &self.parsed else {
            return;
        };
        let mut rows = rows(ctx.collection, query, ctx);
        if let Some((by, ascending)) = self.sort {
            sort_rows(&mut rows, ascending, |row| {
                sort_value(ctx.collection, row, by, ctx)
            });
        }
        let set_aside = rows.iter().filter(|row| row.set_aside).count();
        self.results = Some(Results {
            generation,
            query: self.query.clone(),
            sort: self.sort,
            rows,
            set_aside,
        });
    }

    /// Suspends, buries, flags the cards or saves their own points.
    fn change(
        &mut self,
        cards: &[String],
        change: CardChange,
        writing: &mut Writing,
    ) -> Vec<FollowUp> {
        let Some(store) = writing.store.as_deref_mut() else {
            return Vec::new();
        };
        let (collection, now) = (&mut *writing.collection, writing.now);
        let result = match change {
            CardChange::Suspend(suspended) => collection
                .set_suspended(store, cards, suspended, now)
                .map(|_| ()),
            CardChange::Bury(buried) => {
                collection.set_buried(store, cards, buried, now).map(|_| ())
            }
            CardChange::Flag(flag) => cards
                .iter()
                .try_for_each(|card| collection.set_flag(store, card, flag, now).map(|_| ())),
            CardChange::OwnPoints(points) => cards
                .iter()
                .try_for_each(|card| collection.save_own_points(store, card, &points, now)),
        };
        writing.report(result)
    }
}

impl View for BrowseScreen {
    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::Card(cards, change) => self.change(&cards, change, writing),
            Action::Browse(query) => {
                self.search_for(&query);
                vec![FollowUp::Open(Screen::Browse)]
            }
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        ui.add_space(theme::space::S);
        ui.horizontal(|ui| {
            let label = ui.label(text.search);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(text.search_hint)
                        .desired_width(ui.available_width().min(560.0)),
                )
                .labelled_by(label.id);
            if field.changed() {
                self.parsed = search::parse(&self.query);
            }
        });
        match &self.parsed {
            Err(error) => {
                ui.colored_label(ui.visuals().error_fg_color, text.query_error(error));
                ui.label(
                    egui::RichText::new(format!(
                        "{}\n{}^",
                        self.query,
                        " ".repeat(error.column.saturating_sub(1))
                    ))
                    .monospace(),
                );
                theme::caption(ui, text.search_syntax);
                return;
            }
            Ok(_) => self.refresh(ctx),
        }
        let (count, set_aside) = self
            .results
            .as_ref()
            .map_or((0, 0), |results| (results.rows.len(), results.set_aside));
        // The button counts what the session will show: suspended and buried cards stay
        // out of it, and the user is told so before starting rather than left to count.
        let to_study = count - set_aside;
        ui.horizontal_wrapped(|ui| {
            theme::caption(ui, &text.cards_found(count));
            let study = ui
                .add_enabled(
                    ctx.can_write() && to_study > 0,
                    egui::Button::new(text.study_these(to_study)),
                )
                .on_hover_text(text.study_these_hint);
            if set_aside > 0 {
                theme::caption(ui, &text.set_aside_from_study(set_aside));
            }
            if study.clicked()
                && let Some(results) = &self.results
            {
                let ids = results
                    .rows
                    .iter()
                    .filter(|row| !row.set_aside)
                    .map(|row| row.card.to_string())
                    .collect();
                actions.push(Action::StartSession(Scope::Cards(CardList {
                    ids: Arc::new(ids),
                    since: ctx.now,
                })));
            }
        });
        ui.add_space(theme::space::S);
        let detail_top = match self.selected.clone() {
            Some(card) => self.detail_panel(ui, ctx, &card, actions),
            None => None,
        };
        // The table keeps to the space above the detail panel: its column lines are
        // drawn over the whole of the area it is given, and a panel shown inside this
        // Ui does not take its room from what the Ui has left.
        let mut rect = ui.available_rect_before_wrap();
        if let Some(top) = detail_top {
            rect.max.y = rect.max.y.min(top - ui.spacing().item_spacing.y);
        }
        ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
            // Sideways, the columns scroll: at 800×600 with large text, or at 980×760, the
            // last ones (reps, lapses, flag, tags) were cut off with no way to reach them.
            egui::ScrollArea::horizontal()
                .id_salt("browser_columns")
                .auto_shrink([false, false])
                .show(ui, |ui| self.table(ui, ctx));
        });
    }
}

impl BrowseScreen {
    fn table(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext) {
        let text = ctx.text;
        let Some(results) = &self.results else {
            return;
        };
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let columns: [(SortBy, &str); 9] = [
            (SortBy::Deck, text.deck),
            (SortBy::Question, text.question),
            (SortBy::State, text.state),
            (SortBy::Due, text.due_date),
            (SortBy::Stability, text.stability),
            (SortBy::Difficulty, text.difficulty),
            (SortBy::Reps, text.reps),
            (SortBy::Lapses, text.lapses),
            (SortBy::Flag, text.flag),
        ];
        let mut clicked_sort = None;
        let mut clicked_row = None;
        // Room is left for the horizontal scroll bar under the rows.
        let scroll_bar = ui.spacing().scroll.allocated_width();
        let body_height = (ui.available_height() - row_height - 4.0 - scroll_bar).max(0.0);
        TableBuilder::new(ui)
            .id_salt("browser")
            // The body scrolls within the space it is given, however little: by default
            // it takes at least 200 points and draws past the detail pane below.
            .min_scrolled_height(0.0)
            .max_scroll_height(body_height)
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(150.0).at_least(60.0).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(80.0).clip(true))
            .column(Column::initial(90.0))
            .columns(Column::initial(64.0), 4)
            .column(Column::initial(44.0))
            .column(Column::initial(110.0).clip(true))
            .header(row_height + 4.0, |mut header| {
                for (by, label) in columns {
                    header.col(|ui| {
                        let arrow = match self.sort {
                            Some((current, true)) if current == by => " ▲",
                            Some((current, false)) if current == by => " ▼",
                            _ => "",
                        };
                        if ui
                            .add(
                                egui::Button::new(
                                    egui::RichText::new(format!("{label}{arrow}")).strong(),
                                )
                                .frame(false),
                            )
                            .clicked()
                        {
                            clicked_sort = Some(by);
                        }
                    });
                }
                header.col(|ui| {
                    ui.strong(text.tags);
                });
            })
            .body(|body| {
                body.rows(row_height, results.rows.len(), |mut table_row| {
                    let listed = &results.rows[table_row.index()];
                    table_row.set_selected(self.selected.as_deref() == Some(&*listed.card));
                    // Only the rows in view get here: each is looked up as it is drawn.
                    let Some(row) = view(ctx.collection, listed, ctx) else {
                        return;
                    };
                    let muted = row.suspended || row.buried;
                    let paint = |ui: &mut egui::Ui, value: String| {
                        let mut rich = egui::RichText::new(value);
                        if muted {
                            rich = rich.color(theme::tone::MUTED_TEXT.on(ui)).italics();
                        }
                        ui.add(egui::Label::new(rich).truncate().selectable(false));
                    };
                    table_row.col(|ui| paint(ui, row.deck.clone()));
                    table_row.col(|ui| paint(ui, row.question.clone()));
                    table_row.col(|ui| {
                        // Set aside, the card keeps its scheduling state: both are said.
                        let phase = text.phase(row.phase);
                        let state = if row.suspended {
                            format!("{phase} · {}", text.suspended)
                        } else if row.buried {
                            format!("{phase} · {}", text.buried)
                        } else {
                            phase.to_string()
                        };
                        paint(ui, state);
                    });
                    table_row.col(|ui| {
                        paint(
                            ui,
                            row.due
                                .map_or(String::new(), |due| due.format("%Y-%m-%d").to_string()),
                        );
                    });
                    let number =
                        |value: Option<f32>| value.map_or(String::new(), |v| format!("{v:.1}"));
                    table_row.col(|ui| paint(ui, number(row.stability)));
                    table_row.col(|ui| paint(ui, number(row.difficulty)));
                    table_row.col(|ui| paint(ui, row.reps.to_string()));
                    table_row.col(|ui| paint(ui, row.lapses.to_string()));
                    table_row.col(|ui| {
                        if row.flag > 0 {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter()
                                .circle_filled(rect.center(), 6.0, flag_color(row.flag));
                            ui.label(row.flag.to_string());
                        }
                    });
                    table_row.col(|ui| paint(ui, row.tags.clone()));
                    if table_row.response().clicked() {
                        clicked_row = Some(row.card.clone());
                    }
                });
            });
        if let Some(by) = clicked_sort {
            self.sort = match self.sort {
                Some((current, ascending)) if current == by => Some((by, !ascending)),
                _ => Some((by, true)),
            };
        }
        if let Some(card) = clicked_row {
            self.selected = if self.selected.as_deref() == Some(card.as_str()) {
                None
            } else {
                Some(card)
            };
            self.own_points = None;
        }
    }

    /// The selected card: its question and points, what can be done to it, its history.
    /// Returns where the pane begins, the table's lower bound.
    fn detail_panel(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ScreenContext,
        card_id: &str,
        actions: &mut Vec<Action>,
    ) -> Option<f32> {
        let text = ctx.text;
        let collection = ctx.collection;
        let Some((deck, card)) = collection.decks().find_card(card_id) else {
            self.selected = None;
            return None;
        };
        let marks = collection.marks(card_id);
        let today = collection.scheduler().study_day(ctx.now);
        // At most half of what is left, so that the table above always keeps rows to
        // click (at 800×600 with large text the pane took it all, and the table was
        // drawn over it).
        let at_most = (ui.available_height() * 0.5).max(120.0);
        let top = egui::Panel::bottom("browser_detail")
            .resizable(true)
            .default_size(300.0_f32.min(at_most))
            .max_size(at_most)
            .frame(
                egui::Frame::new()
                    .fill(theme::tone::CARD.on(ui))
                    .inner_margin(egui::Margin::symmetric(12, 10)),
            )
            .show(ui, |ui| {
                // The card's name and what can be done to it stay in view; what follows
                // scrolls, from the top for each card.
                ui.horizontal_wrapped(|ui| {
                    theme::caption(ui, &format!("{} · {}", deck.title.get(ctx.lang), card.id));
                });
                ui.add_enabled_ui(ctx.can_write(), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        let card_ids = vec![card_id.to_string()];
                        if marks.suspended {
                            if ui.button(text.unsuspend).clicked() {
                                actions.push(Action::Card(
                                    card_ids.clone(),
                                    CardChange::Suspend(false),
                                ));
                            }
                        } else if ui.button(text.suspend).clicked() {
                            actions.push(Action::Card(card_ids.clone(), CardChange::Suspend(true)));
                        }
                        let deck_file = collection
                            .decks()
                            .decks
                            .iter()
                            .find(|loaded| !loaded.bundled && loaded.deck.id == deck.id)
                            .map(|loaded| std::path::PathBuf::from(&loaded.path));
                        if let Some(path) = deck_file
                            && ui.button(text.edit).clicked()
                        {
                            actions.push(Action::Editor(EditorAction::Open {
                                path,
                                card: Some(card_id.to_string()),
                            }));
                        }
                        let buried = marks.is_buried(today);
                        let bury = if buried { text.unbury } else { text.bury };
                        if ui.button(bury).clicked() {
                            actions.push(Action::Card(card_ids.clone(), CardChange::Bury(!buried)));
                        }
                        ui.separator();
                        ui.label(text.flag);
                        for flag in Flag::ALL {
                            let label = if flag == Flag::NONE {
                                "×".to_string()
                            } else {
                                flag.to_string()
                            };
                            let mut button = egui::Button::new(label).selected(marks.flag == flag);
                            if flag != Flag::NONE {
                                button =
                                    button.fill(flag_color(flag.number()).gamma_multiply(0.35));
                            }
                            let response = ui
                                .add(button)
                                .on_hover_text(format!("{} {flag}", text.flag));
                            if response.clicked() && marks.flag != flag {
                                actions
                                    .push(Action::Card(card_ids.clone(), CardChange::Flag(flag)));
                            }
                        }
                    });
                });
                ui.add_space(theme::space::S);
                egui::ScrollArea::vertical()
                    .id_salt(("browser_detail_scroll", card_id))
                    .show(ui, |ui| {
                        ui.add_enabled_ui(ctx.can_write(), |ui| {
                            let editing = self.own_points.get_or_insert_with(|| {
                                (
                                    card_id.to_string(),
                                    collection.own_points(card_id).join("\n"),
                                )
                            });
                            if editing.0 != card_id {
                                *editing = (
                                    card_id.to_string(),
                                    collection.own_points(card_id).join("\n"),
                                );
                            }
                            let label = ui.label(text.own_points_label);
                            ui.add(
                                egui::TextEdit::multiline(&mut editing.1)
                                    .hint_text(text.own_points_hint)
                                    .desired_rows(2)
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(label.id);
                            let saved = collection.own_points(card_id).join("\n");
                            if ui
                                .add_enabled(
                                    editing.1.trim() != saved.trim(),
                                    egui::Button::new(text.save_own_points),
                                )
                                .clicked()
                            {
                                let points = editing.1.lines().map(str::to_string).collect();
                                actions.push(Action::Card(
                                    vec![card_id.to_string()],
                                    CardChange::OwnPoints(points),
                                ));
                            }
                        });
                        ui.add_space(theme::space::S);
                        widgets::show_localized(
                            ui,
                            &card.question,
                            ctx.card_language,
                            theme::size::BODY,
                        );
                        for point in &card.points {
                            ui.label(format!(
                                "• {}",
                                widgets::localized_plain(&point.text, ctx.card_language)
                            ));
                        }
                        for point in collection.own_points(card_id) {
                            ui.label(
                                egui::RichText::new(format!("• {point}  ({})", text.own_point))
                                    .italics(),
                            );
                        }
                        ui.add_space(theme::space::S);
                        let history: Vec<ReviewRef> = collection
                            .history(card_id)
                            .map(|replayed| replayed.record)
                            .collect();
                        if history.is_empty() {
                            ui.weak(text.no_history);
                        }
                        widgets::answer_history(ui, text, &history, ("browser_history", card_id));
                    });
                // Where the pane's content begins: above the panel's own rect when the
                // content is taller than the room it was given.
                ui.min_rect().top()
            });
        Some(top.inner.min(top.response.rect.top()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_sort_both_ways_with_empty_values_last() {
        // (card, lapses, stability)
        let cards = [
            ("a", 2.0, None),
            ("b", 0.0, Some(3.0)),
            ("c", 5.0, Some(1.0)),
        ];
        let lapses = |card: &&(&str, f64, Option<f64>)| Some(SortValue::Number(card.1));
        let stability = |card: &&(&str, f64, Option<f64>)| card.2.map(SortValue::Number);
        let ids = |rows: &[&(&str, f64, Option<f64>)]| {
            rows.iter()
                .map(|card| card.0.to_string())
                .collect::<Vec<_>>()
        };
        let mut rows: Vec<_> = cards.iter().collect();
        sort_rows(&mut rows, false, lapses);
        assert_eq!(ids(&rows), ["c", "a", "b"]);
        sort_rows(&mut rows, true, stability);
        assert_eq!(ids(&rows), ["c", "b", "a"]);
        sort_rows(&mut rows, false, stability);
        assert_eq!(ids(&rows), ["b", "c", "a"]);
    }

    #[test]
    fn equal_values_keep_their_order_and_text_sorts_as_text() {
        let cards = ["b2", "a", "b1", "c"];
        let first_letter = |card: &&str| Some(SortValue::Text(card[..1].to_string()));
        let mut rows = cards.to_vec();
        sort_rows(&mut rows, true, first_letter);
        assert_eq!(rows, ["a", "b2", "b1", "c"]);
        sort_rows(&mut rows, false, first_letter);
        assert_eq!(rows, ["c", "b2", "b1", "a"]);
    }
}
