//! The card browser: every card in a table, searched with Anki's syntax
//! ([`crate::core::study::search`]), sortable by any column, only the rows in view laid
//! out. From a selected card: its history, suspend, bury, flag, and its own points; from a
//! search result: a custom study session.

use crate::core::collection::Collection;
use crate::core::review::log::Flag;
use crate::core::review::scheduler::Phase;
use crate::core::study::scope::{CardList, Scope};
use crate::core::study::search::{self, Position, Query, QueryError, SearchRun};
use crate::ui::context::{Action, CardChange, EditorAction, FollowUp, Screen, ScreenContext};
use crate::ui::context::{View, Writing};
use crate::ui::voice::{self, Microphone};
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
    /// The query as parsed and what it found in deck order: a narrower query (a word
    /// typed longer) searches only these.
    parsed: Query,
    found: Vec<Position>,
}

/// A search still running: it looks at cards for a few milliseconds a frame, so that
/// typing in the box never waits for a search over every card.
#[derive(Debug)]
struct Running {
    generation: u64,
    query: String,
    run: SearchRun,
}

/// A sort still running: each row's value in the column is looked up a slice of rows a
/// frame, then the values are sorted, on a thread of their own when there are many, so
/// that a click on a header never holds a frame.
#[derive(Debug)]
struct Sorting {
    generation: u64,
    query: String,
    sort: (SortBy, bool),
    keys: Vec<Option<SortKey>>,
    thread: Option<std::thread::JoinHandle<Vec<u32>>>,
}

/// A row's value in a column, owned, so that a thread can sort it.
#[derive(Debug, Clone, PartialEq)]
enum SortKey {
    Text(Box<str>),
    Number(f64),
}

impl SortKey {
    fn of(value: SortValue<'_>) -> Self {
        match value {
            SortValue::Text(text) => SortKey::Text(text.into()),
            SortValue::Number(number) => SortKey::Number(number),
        }
    }

    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            (SortKey::Text(_), SortKey::Number(_)) => std::cmp::Ordering::Less,
            (SortKey::Number(_), SortKey::Text(_)) => std::cmp::Ordering::Greater,
        }
    }
}

/// Up to this many rows are sorted within the frame; more, on a thread (100,000 rows of
/// question text took about 50 ms to sort).
const SORT_IN_FRAME: usize = 20_000;

/// What the browser is still doing across frames, and how far it has got (percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Searching(usize),
    Sorting(usize),
}

/// How long a frame may spend on a running search. Most searches end within it; one over
/// a hundred thousand cards' text takes several frames, which show the previous results.
const SEARCH_TIME_PER_FRAME: std::time::Duration = std::time::Duration::from_millis(8);

/// Cards looked at between two looks at the clock.
const CARDS_PER_STEP: usize = 250;

#[derive(Debug)]
pub struct BrowseScreen {
    query: String,
    parsed: Result<Query, QueryError>,
    results: Option<Results>,
    running: Option<Running>,
    sorting: Option<Sorting>,
    /// Column and ascending; `None` keeps the decks' own order.
    sort: Option<(SortBy, bool)>,
    selected: Option<String>,
    /// The selected card's own points, as being edited.
    own_points: Option<(String, String)>,
    /// Plays the recordings of the selected card's past answers.
    microphone: Microphone,
    /// The search box takes the keyboard when the screen opens, as Anki's browser's does:
    /// what was typed first went nowhere until the box was clicked.
    focus_search: bool,
}

impl Default for BrowseScreen {
    fn default() -> Self {
        Self {
            query: String::new(),
            parsed: Ok(Query::default()),
            results: None,
            running: None,
            sorting: None,
            sort: None,
            selected: None,
            own_points: None,
            microphone: Microphone::default(),
            focus_search: false,
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

/// The height of a row of the card table (the detail pane leaves the table room for some).
fn table_row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 8.0
}

/// The selected card's pane: its frame's margins.
const DETAIL_MARGIN: egui::Margin = egui::Margin::symmetric(12, 10);

/// A flag's button in its colour, chosen when it is the card's flag: × takes the flag off.
fn flag_button(flag: Flag, current: Flag) -> egui::Button<'static> {
    let label = if flag == Flag::NONE {
        "×".to_string()
    } else {
        flag.to_string()
    };
    let button = egui::Button::new(label).selected(current == flag);
    if flag == Flag::NONE {
        button
    } else {
        button.fill(flag_color(flag.number()).gamma_multiply(0.35))
    }
}

fn rows(collection: &Collection, found: &[Position], ctx: &ScreenContext) -> Vec<Row> {
    let today = collection.scheduler().study_day(ctx.now);
    let decks = &collection.decks().decks;
    found
        .iter()
        .filter_map(|&(deck, index)| {
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
        question: widgets::first_line(&card.question, ctx.card_language),
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

/// What a row is sorted by in one column; `None` for a card without a value there (a new
/// card has no due date or memory state), which goes last in either direction.
#[derive(Debug, Clone, PartialEq)]
enum SortValue<'a> {
    /// Borrowed from the collection; owned ([`SortKey`]) only to be sorted.
    Text(&'a str),
    Number(f64),
}

/// A row's value in the column `by`, looked up in the collection.
fn sort_value<'a>(
    collection: &'a Collection,
    row: &Row,
    by: SortBy,
    ctx: &ScreenContext,
) -> Option<SortValue<'a>> {
    let deck = &collection.decks().decks.get(row.deck as usize)?.deck;
    let card = deck.cards.get(row.index as usize)?;
    let number = |value: f64| Some(SortValue::Number(value));
    match by {
        SortBy::Deck => Some(SortValue::Text(deck.title.get(ctx.lang))),
        // The first line of the text shown first: what the column shows.
        SortBy::Question => Some(SortValue::Text(
            ctx.card_language
                .texts(&card.question)
                .0
                .lines()
                .next()
                .unwrap_or_default(),
        )),
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

/// Sorts stably, so rows equal in the column keep their order; rows without a value go
/// last, whichever the direction. Each row's value is looked up once. (The browser does
/// the same in steps: [`BrowseScreen::sort_step`].)
#[cfg(test)]
fn sort_rows<'a, T>(
    rows: &mut Vec<T>,
    ascending: bool,
    value: impl Fn(&T) -> Option<SortValue<'a>>,
) {
    let keys: Vec<Option<SortKey>> = rows.iter().map(|row| value(row).map(SortKey::of)).collect();
    let order = sort_order(&keys, ascending);
    reorder(rows, &order);
}

/// The places of `keys` in sorted order: stable, values before no value either way.
fn sort_order(keys: &[Option<SortKey>], ascending: bool) -> Vec<u32> {
    let mut order: Vec<u32> = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
    // An unstable sort with the place as the last key is stable, and faster than the
    // stable sort over 100,000 rows.
    order.sort_unstable_by(|&a, &b| {
        let value = |place: u32| keys.get(place as usize).and_then(Option::as_ref);
        let order = match (value(a), value(b)) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (Some(a), Some(b)) => {
                let order = a.cmp(b);
                if ascending { order } else { order.reverse() }
            }
        };
        order.then(a.cmp(&b))
    });
    order
}

/// Puts `rows` in `order` (places into `rows`, each once).
fn reorder<T>(rows: &mut Vec<T>, order: &[u32]) {
    let mut taken: Vec<Option<T>> = rows.drain(..).map(Some).collect();
    rows.extend(
        order
            .iter()
            .filter_map(|&place| taken.get_mut(place as usize).and_then(Option::take)),
    );
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
        self.selected = None;
    }

    /// Sorts by a column, as a click on its header does (the sort happens at the next
    /// frame).
    pub fn sort_by(&mut self, column: SortBy, ascending: bool) {
        self.sort = Some((column, ascending));
    }

    /// Whether a search or a sort is still running across frames (the table shows the
    /// previous results, in their order, meanwhile).
    pub fn is_busy(&self) -> bool {
        self.running.is_some() || self.sorting.is_some()
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

    /// Brings the results up to the query, the sort and the collection. A new search runs
    /// for at most [`SEARCH_TIME_PER_FRAME`] a frame; until it ends the previous results
    /// stay, and this returns how far it has got (percent).
    fn refresh(&mut self, ctx: &ScreenContext) -> Option<Busy> {
        let generation = ctx.collection.generation();
        let searched = self
            .results
            .as_ref()
            .is_some_and(|results| results.generation == generation && results.query == self.query);
        if searched {
            self.running = None;
            // Only the order may have changed: the rows found are sorted, not searched.
            return self.sort_step(ctx);
        }
        let Ok(query) = &self.parsed else {
            return None;
        };
        let current = self
            .running
            .as_ref()
            .is_some_and(|running| running.generation == generation && running.query == self.query);
        if !current {
            let run = match &self.results {
                // A longer word looks only among the cards the shorter one found.
                Some(results) if results.generation == generation => SearchRun::narrowing(
                    query.clone(),
                    &results.parsed,
                    results.found.clone(),
                    ctx.collection,
                ),
                _ => SearchRun::new(query.clone(), ctx.collection),
            };
            self.running = Some(Running {
                generation,
                query: self.query.clone(),
                run,
            });
        }
        let running = self.running.as_mut()?;
        let started = std::time::Instant::now();
        while !running.run.step(ctx.collection, ctx.now, CARDS_PER_STEP) {
            if started.elapsed() >= SEARCH_TIME_PER_FRAME {
                let (looked_at, total) = running.run.progress();
                return Some(Busy::Searching(looked_at * 100 / total.max(1)));
            }
        }
        let running = self.running.take()?;
        let parsed = running.run.query().clone();
        let found = running.run.into_found();
        let rows = rows(ctx.collection, &found, ctx);
        let set_aside = rows.iter().filter(|row| row.set_aside).count();
        self.results = Some(Results {
            generation,
            query: running.query,
            sort: None,
            rows,
            set_aside,
            parsed,
            found,
        });
        self.sort_step(ctx)
    }

    /// Brings the order of the results to the column chosen: the values are looked up
    /// for at most [`SEARCH_TIME_PER_FRAME`] a frame and many are sorted on a thread; the
    /// rows keep their order until then, and this returns how far it has got (percent).
    fn sort_step(&mut self, ctx: &ScreenContext) -> Option<Busy> {
        let results = self.results.as_mut()?;
        if results.sort == self.sort {
            self.sorting = None;
            return None;
        }
        let Some((by, ascending)) = self.sort else {
            results.rows.sort_by_key(|row| (row.deck, row.index));
            results.sort = None;
            return None;
        };
        let current = self.sorting.as_ref().is_some_and(|sorting| {
            sorting.generation == results.generation
                && sorting.query == results.query
                && sorting.sort == (by, ascending)
        });
        if !current {
            self.sorting = Some(Sorting {
                generation: results.generation,
                query: results.query.clone(),
                sort: (by, ascending),
                keys: Vec::with_capacity(results.rows.len()),
                thread: None,
            });
        }
        let sorting = self.sorting.as_mut()?;
        let rows = results.rows.len();
        let started = std::time::Instant::now();
        while sorting.thread.is_none() && sorting.keys.len() < rows {
            let from = sorting.keys.len();
            let to = from.saturating_add(CARDS_PER_STEP).min(rows);
            sorting.keys.extend(
                results.rows[from..to]
                    .iter()
                    .map(|row| sort_value(ctx.collection, row, by, ctx).map(SortKey::of)),
            );
            if to < rows && started.elapsed() >= SEARCH_TIME_PER_FRAME {
                return Some(Busy::Sorting(to * 50 / rows.max(1)));
            }
        }
        let order = if rows <= SORT_IN_FRAME {
            sort_order(&sorting.keys, ascending)
        } else {
            match sorting.thread.take() {
                None => {
                    let keys = std::mem::take(&mut sorting.keys);
                    sorting.thread = Some(std::thread::spawn(move || sort_order(&keys, ascending)));
                    return Some(Busy::Sorting(50));
                }
                Some(thread) if !thread.is_finished() => {
                    sorting.thread = Some(thread);
                    return Some(Busy::Sorting(75));
                }
                // A sort that panicked leaves the rows in their order: a bug, and not a
                // reason to close the window.
                Some(thread) => thread.join().unwrap_or_default(),
            }
        };
        if order.len() == rows {
            reorder(&mut results.rows, &order);
        }
        results.sort = Some((by, ascending));
        self.sorting = None;
        None
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
            Action::Recording(_, action) => {
                writing.recording(&mut self.microphone, action);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn enter(&mut self, _writing: &mut Writing) {
        self.focus_search = true;
    }

    /// A recording playing from a card's history stops with the screen.
    fn leave(&mut self, _writing: &mut Writing) -> Vec<FollowUp> {
        self.microphone.stop_playing();
        Vec::new()
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        self.microphone.tidy();
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
            if std::mem::take(&mut self.focus_search) {
                field.request_focus();
            }
            if field.changed() {
                self.parsed = search::parse(&self.query);
            }
        });
        if let Err(error) = &self.parsed {
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
        let busy = self.refresh(ctx);
        if busy.is_some() {
            ui.ctx().request_repaint();
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
            if let Some(busy) = busy {
                ui.spinner();
                theme::caption(
                    ui,
                    &match busy {
                        Busy::Searching(percent) => text.searching(percent),
                        Busy::Sorting(percent) => text.sorting(percent),
                    },
                );
            }
            let study = ui
                .add_enabled(
                    ctx.can_write() && to_study > 0 && busy.is_none(),
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
        let row_height = table_row_height(ui);
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
        // Room is left for the horizontal scroll bar under the rows: it floats, so it
        // takes no room of its own, and at its full width under the pointer it covered
        // the last row in view (the selected one, in a small window). The table puts an
        // item spacing between its header and its body, which the room must count too.
        let spacing = ui.spacing();
        let scroll_bar = spacing
            .scroll
            .allocated_width()
            .max(spacing.scroll.bar_width + spacing.scroll.bar_outer_margin);
        let body_height =
            (ui.available_height() - row_height - 4.0 - spacing.item_spacing.y - scroll_bar)
                .max(0.0);
        // On a narrow window (800×600 at text size 1.6 is 500 points) the deck's name
        // gives way to the question, which is what a row is read for.
        let deck_width = (ui.available_width() * 0.2).clamp(60.0, 150.0);
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
            .column(Column::initial(deck_width).at_least(60.0).clip(true))
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
        // drawn over it). A short window (800×600 with large text) has room for little
        // else: there the table keeps its header and two rows and the pane the rest, its
        // actions in one row and the card's name scrolling with its text.
        let available = ui.available_height();
        let short = available < 400.0;
        let at_most = if short {
            let table_keeps = 3.0 * table_row_height(ui) + ui.spacing().scroll.allocated_width();
            // The pane's size leaves out its frame's margins.
            let margins = DETAIL_MARGIN.sum().y;
            (available - table_keeps - margins).max(available * 0.5 - margins)
        } else {
            (available * 0.5).max(120.0)
        };
        let caption = format!("{} · {}", deck.title.get(ctx.lang), card.id);
        let top = egui::Panel::bottom("browser_detail")
            .resizable(true)
            .default_size(300.0_f32.min(at_most))
            .max_size(at_most)
            .frame(
                egui::Frame::new()
                    .fill(theme::tone::CARD.on(ui))
                    .inner_margin(DETAIL_MARGIN),
            )
            .show(ui, |ui| {
                // The card's name and what can be done to it stay in view; what follows
                // scrolls, from the top for each card.
                if !short {
                    ui.horizontal_wrapped(|ui| theme::caption(ui, &caption));
                }
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
                        let mut chosen = None;
                        if short {
                            // One button, not eight: a second row of them left the card's
                            // own text no room in a short window.
                            let current = if marks.flag == Flag::NONE {
                                format!("{} —", text.flag)
                            } else {
                                format!("{} {}", text.flag, marks.flag)
                            };
                            ui.menu_button(current, |ui| {
                                for flag in Flag::ALL {
                                    if ui.add(flag_button(flag, marks.flag)).clicked() {
                                        chosen = Some(flag);
                                        ui.close();
                                    }
                                }
                            });
                        } else {
                            ui.label(text.flag);
                            for flag in Flag::ALL {
                                let response = ui
                                    .add(flag_button(flag, marks.flag))
                                    .on_hover_text(format!("{} {flag}", text.flag));
                                if response.clicked() {
                                    chosen = Some(flag);
                                }
                            }
                        }
                        if let Some(flag) = chosen
                            && marks.flag != flag
                        {
                            actions.push(Action::Card(card_ids.clone(), CardChange::Flag(flag)));
                        }
                    });
                });
                ui.add_space(theme::space::S);
                egui::ScrollArea::vertical()
                    .id_salt(("browser_detail_scroll", card_id))
                    .show(ui, |ui| {
                        if short {
                            ui.horizontal_wrapped(|ui| theme::caption(ui, &caption));
                        }
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
                        if collection.history(card_id).next().is_none() {
                            ui.weak(text.no_history);
                        }
                        if let Some(action) = voice::card_history(
                            ui,
                            text,
                            collection,
                            ("browser_history", card_id),
                            &self.microphone,
                            ctx.can_write(),
                            *ctx.now.offset(),
                        ) {
                            actions.push(Action::Recording(Screen::Browse, action));
                        }
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
        let first_letter = |card: &&'static str| {
            let card: &'static str = card;
            Some(SortValue::Text(&card[..1]))
        };
        let mut rows = cards.to_vec();
        sort_rows(&mut rows, true, first_letter);
        assert_eq!(rows, ["a", "b2", "b1", "c"]);
        sort_rows(&mut rows, false, first_letter);
        assert_eq!(rows, ["c", "b2", "b1", "a"]);
    }
}
