//! Pieces more than one screen draws: card text in the chosen language(s), the answer
//! points to tick, grade labels and the one colour palette, and the `m:ss` clock.

use crate::core::content::deck::{Card, Localized};
use crate::core::review::log::Mode;
use crate::core::review::scheduler::{Interval, Rating};
use crate::core::review::table::ReviewRef;
use crate::core::settings::ContentLanguage;
use crate::core::study::coverage::Miss;
use crate::core::study::delivery::Delivery;
use crate::ui::strings::Strings;
use crate::ui::{kinsoku, theme};
use egui::{Color32, RichText};

pub fn rating_label(text: &Strings, rating: Rating) -> &'static str {
    match rating {
        Rating::Again => text.again,
        Rating::Hard => text.hard,
        Rating::Good => text.good,
        Rating::Easy => text.easy,
    }
}

/// The colour of a grade in the theme `ui` is drawn in: buttons, history, charts.
pub fn rating_color(ui: &egui::Ui, rating: Rating) -> Color32 {
    theme::rating_tone(rating).on(ui)
}

/// A scroll area told to show its top on this frame: a page that opens anew (a new
/// card, a new draft of the settings, a new mock interview's review) never starts where
/// the last one was scrolled to.
pub trait StartAtTop {
    fn start_at_top(self, reset: bool) -> Self;
}

impl StartAtTop for egui::ScrollArea {
    fn start_at_top(self, reset: bool) -> Self {
        if reset {
            self.vertical_scroll_offset(0.0)
        } else {
            self
        }
    }
}

/// The button that starts the main thing of a screen: filled with the accent colour.
pub fn primary_button(label: &str) -> egui::Button<'static> {
    egui::Button::new(
        RichText::new(label)
            .size(theme::size::BODY)
            .color(Color32::WHITE),
    )
    .fill(theme::tone::ACCENT.light)
    .min_size(egui::vec2(0.0, 34.0))
}

/// How far `due` is from `from`, in the app's language ("10m", 「10分」).
pub fn interval_label(
    text: &Strings,
    from: chrono::DateTime<chrono::FixedOffset>,
    due: chrono::DateTime<chrono::FixedOffset>,
) -> String {
    text.interval(Interval::between(from, due))
}

// Times as m:ss are the core's, so the command line and the Anki export say them alike.
pub use crate::core::text::{clock, clock_ms};

/// The text of a localized field in the card language(s), the second language smaller
/// and dimmer below the first.
pub fn show_localized(ui: &mut egui::Ui, text: &Localized, language: ContentLanguage, size: f32) {
    let (first, below) = language.texts(text);
    let job = kinsoku::job(ui, RichText::new(first).size(size));
    kinsoku::label(ui, job);
    if let Some(below) = below {
        let job = kinsoku::job(ui, RichText::new(below).size(size * 0.85).weak());
        kinsoku::label(ui, job);
    }
}

/// A localized field as one string, the second language on the next line.
pub fn localized_plain(text: &Localized, language: ContentLanguage) -> String {
    match language.texts(text) {
        (first, Some(below)) => format!("{first}\n{below}"),
        (first, None) => first.to_string(),
    }
}

/// The first line of a localized field in the language read first: what a list, a
/// table row or a preview shows of a question or a point.
pub fn first_line(text: &Localized, language: ContentLanguage) -> String {
    language
        .texts(text)
        .0
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The box the user types a draft answer in, under its label (which names it for screen
/// readers and the UI tests). With `take_keyboard` it has the keyboard from this frame
/// on, so the keys typed in this very frame are text in it too.
pub fn answer_box(
    ui: &mut egui::Ui,
    text: &Strings,
    draft: &mut String,
    rows: usize,
    take_keyboard: bool,
) -> egui::Response {
    answer_box_marked(ui, text, draft, rows, &[], take_keyboard)
}

/// [`answer_box`] with `marks` (byte ranges of the draft) drawn highlighted: the words
/// that matched the answer point under the pointer.
pub fn answer_box_marked(
    ui: &mut egui::Ui,
    text: &Strings,
    draft: &mut String,
    rows: usize,
    marks: &[std::ops::Range<usize>],
    take_keyboard: bool,
) -> egui::Response {
    let label = theme::caption(ui, text.your_answer);
    let id = ui.make_persistent_id("answer_box");
    // Before the box is drawn, not after: a box that gets the keyboard only after it has
    // read this frame's keys would drop the first letters typed. Asking when it already
    // has the keyboard would needlessly interrupt an input method's composition.
    if take_keyboard && !ui.memory(|memory| memory.has_focus(id)) {
        ui.memory_mut(|memory| memory.request_focus(id));
        // Typing goes on at the end of the draft: a draft brought back (another screen,
        // Undo, a resumed draft) otherwise had the cursor before its first letter.
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let end = egui::text::CCursor::new(draft.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), id);
    }
    let highlight = theme::tone::HARD.on(ui).gamma_multiply(0.35);
    let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let content = buffer.as_str();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        let mut job = egui::text::LayoutJob::default();
        let mut at = 0;
        for mark in marks {
            if mark.start < at
                || mark.end > content.len()
                || !content.is_char_boundary(mark.start)
                || !content.is_char_boundary(mark.end)
            {
                continue;
            }
            job.append(
                &content[at..mark.start],
                0.0,
                egui::TextFormat::simple(font.clone(), color),
            );
            job.append(
                &content[mark.clone()],
                0.0,
                egui::TextFormat {
                    background: highlight,
                    ..egui::TextFormat::simple(font.clone(), color)
                },
            );
            at = mark.end;
        }
        job.append(&content[at..], 0.0, egui::TextFormat::simple(font, color));
        // The rows chosen by the Japanese line-breaking rules; the text stays as typed.
        kinsoku::layout(ui, job, wrap_width)
    };
    let response = ui
        .add(
            egui::TextEdit::multiline(draft)
                .id(id)
                .hint_text(text.answer_hint)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter),
        )
        .labelled_by(label.id);
    // Asked again once the box is drawn: on the frame a modal closes (the offer to
    // resume a draft) the request before it was refused, and the box never had the
    // keyboard.
    if take_keyboard {
        response.request_focus();
    }
    response
}

/// A localized field as one text for a widget's label: the first language in the body
/// colour, the second below it smaller and muted. Its plain text (what screen readers
/// and the UI tests read) is [`localized_plain`].
///
/// `marker` (e.g. "from the guide") follows the first language, small and in italics.
pub fn two_languages(
    ui: &egui::Ui,
    text: &Localized,
    language: ContentLanguage,
    marker: Option<&str>,
) -> egui::text::LayoutJob {
    let (first, below) = language.texts(text);
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    job.append(first, 0.0, body.clone());
    if let Some(marker) = marker {
        let tag = egui::TextFormat {
            font_id: egui::FontId::proportional(theme::size::SMALL),
            color: theme::tone::MUTED_TEXT.on(ui),
            italics: true,
            ..body.clone()
        };
        job.append(&format!("({marker})"), 6.0, tag);
    }
    if let Some(below) = below {
        let muted = egui::TextFormat {
            font_id: egui::FontId::proportional(theme::size::SMALL + 1.0),
            color: theme::tone::MUTED_TEXT.on(ui),
            ..body
        };
        job.append(&format!("\n{below}"), 0.0, muted);
    }
    job
}

/// The widget Tab (or Shift+Tab) moved the focus to this frame.
#[derive(Clone, Copy, Default)]
struct FocusMove {
    focused: Option<egui::Id>,
    /// Tab was pressed on the last frame: egui moves the focus on the frame after.
    tab_pressed: bool,
    moved_to: Option<egui::Id>,
}

fn focus_move_id() -> egui::Id {
    egui::Id::unique("mensetsu_focus_move")
}

/// Notes, once a frame before the screens are drawn, whether Tab moved the focus. A
/// click, or a box taking the keyboard as its page opens (the mock interview's answer
/// box, under the question and its timer), is no move to follow.
pub fn note_focus_move(ctx: &egui::Context) {
    let focused = ctx.memory(|memory| memory.focused());
    let tab = ctx.input(|input| input.key_pressed(egui::Key::Tab));
    ctx.data_mut(|data| {
        let watch = data.get_temp_mut_or_default::<FocusMove>(focus_move_id());
        let by_tab = watch.tab_pressed || tab;
        watch.moved_to = focused.filter(|_| focused != watch.focused && by_tab);
        watch.focused = focused;
        watch.tab_pressed = tab;
    });
}

/// A scrolling page, its view following the keyboard: egui moves the focus on Tab but
/// not the view, so a long form's next field was typed into out of sight.
pub trait FollowFocus {
    fn show_following_focus<R>(
        self,
        ui: &mut egui::Ui,
        add: impl FnOnce(&mut egui::Ui) -> R,
    ) -> egui::scroll_area::ScrollAreaOutput<R>;
}

impl FollowFocus for egui::ScrollArea {
    fn show_following_focus<R>(
        self,
        ui: &mut egui::Ui,
        add: impl FnOnce(&mut egui::Ui) -> R,
    ) -> egui::scroll_area::ScrollAreaOutput<R> {
        self.show(ui, |ui| {
            let inner = add(ui);
            keep_focus_in_view(ui);
            inner
        })
    }
}

/// Called last in a scrolling page's contents: scrolls to the widget of the page the
/// keyboard moved the focus to this frame, if any.
pub fn keep_focus_in_view(ui: &mut egui::Ui) {
    let moved_to = ui
        .ctx()
        .data(|data| data.get_temp::<FocusMove>(focus_move_id()))
        .and_then(|watch| watch.moved_to);
    if let Some(response) = moved_to.and_then(|id| ui.ctx().read_response(id))
        && ui.min_rect().contains_rect(response.rect)
    {
        ui.scroll_to_rect(response.rect, None);
    }
}

/// One line on how a draft would come across spoken: length and speaking time against the
/// target, fillers, a number, the conclusion first. Green marks what helps.
pub fn delivery_line(ui: &mut egui::Ui, text: &Strings, delivery: &Delivery, target_seconds: u32) {
    let over = delivery.speaking_seconds > target_seconds;
    let good = theme::tone::GOOD.on(ui);
    let muted = theme::tone::MUTED_TEXT.on(ui);
    let warn = ui.visuals().warn_fg_color;
    ui.horizontal_wrapped(|ui| {
        let size = theme::size::SMALL;
        let length = text.delivery_length(
            delivery.script,
            delivery.length,
            &clock(i64::from(delivery.speaking_seconds)),
            &clock(i64::from(target_seconds)),
        );
        ui.label(
            RichText::new(length)
                .size(size)
                .color(if over { warn } else { muted }),
        );
        if !delivery.fillers.is_empty() {
            let list: Vec<String> = delivery
                .fillers
                .iter()
                .map(|(word, count)| format!("{word} ×{count}"))
                .collect();
            let line = format!("· {}: {}", text.delivery_fillers, list.join(", "));
            ui.label(RichText::new(line).size(size).color(warn));
        }
        // What helps is said in green when the draft does it, its lack in grey. Each goes
        // whole to the next row when it does not fit (「数」/「字なし」 was split).
        for (helps, said, missing) in [
            (
                delivery.has_number,
                text.delivery_number,
                text.delivery_no_number,
            ),
            (
                delivery.leads_with_conclusion,
                text.delivery_conclusion,
                text.delivery_no_conclusion,
            ),
        ] {
            let (line, color) = if helps {
                (said, good)
            } else {
                (missing, muted)
            };
            ui.add(
                egui::Label::new(RichText::new(format!("· {line}")).size(size).color(color))
                    .extend(),
            );
        }
    });
}

/// The card's answer points as checkboxes, then the user's `own` points, marked as
/// theirs; `ticked` is resized to both. Points `detected` in the draft are marked, with a
/// line under each point the draft touched but was not credited with saying why
/// (`misses`, one per point); returns the point under the pointer, if any, so its words
/// can be shown in the draft.
#[allow(clippy::too_many_arguments)]
pub fn answer_points(
    ui: &mut egui::Ui,
    text: &Strings,
    card: &Card,
    own: &[String],
    ticked: &mut Vec<bool>,
    language: ContentLanguage,
    detected: &[usize],
    misses: &[Option<Miss>],
) -> Option<usize> {
    ui.strong(text.answer_points);
    ticked.resize(card.points.len() + own.len(), false);
    let own_ticks = card.points.len();
    for (point, checked) in own.iter().zip(ticked[own_ticks..].iter_mut()) {
        // The user's own points come first in their eyes but last in the indices, so
        // the deck's points keep theirs in the log.
        let label = RichText::new(format!("{point}  ({})", text.own_point)).italics();
        ui.checkbox(checked, label);
    }
    if card.points.is_empty() {
        let reason = card
            .no_points
            .as_ref()
            .map_or(text.no_points, |reason| language.texts(reason).0);
        ui.label(RichText::new(reason).color(theme::tone::MUTED_TEXT.on(ui)));
        return None;
    }
    // Points quoted from other guides keep, above them, why the card's own guide has none.
    if let Some(context) = &card.no_points {
        let context = language.texts(context).0;
        ui.label(RichText::new(context).color(theme::tone::MUTED_TEXT.on(ui)));
    }
    let mut hovered = None;
    for (index, (point, checked)) in card.points.iter().zip(ticked.iter_mut()).enumerate() {
        let source = match &point.from {
            Some(from) => from.marker.get(text.lang),
            None => text.derived_point,
        };
        let marker = match (point.derived, detected.contains(&index)) {
            (true, true) => Some(format!("{source} · {}", text.detected_point)),
            (true, false) => Some(source.to_string()),
            (false, true) => Some(text.detected_point.to_string()),
            (false, false) => None,
        };
        let label = two_languages(ui, &point.text, language, marker.as_deref());
        // Wrapped beside the box by the Japanese line-breaking rules.
        let width = ui.available_width() - ui.spacing().icon_width - ui.spacing().icon_spacing;
        let label = kinsoku::layout(ui, label, width.max(40.0));
        let checkbox = ui.checkbox(checked, label);
        if checkbox.hovered() {
            hovered = Some(index);
        }
        if point.derived {
            checkbox.on_hover_text(if point.from.is_some() {
                text.derived_from_hint
            } else {
                text.derived_hint
            });
        }
        if let Some(Some(miss)) = misses.get(index) {
            let (first, second) = language.order();
            let miss = miss.shown_in(first, second);
            ui.indent(("miss", index), |ui| {
                ui.label(
                    RichText::new(text.miss(&miss))
                        .size(theme::size::SMALL)
                        .color(theme::tone::MUTED_TEXT.on(ui)),
                );
            });
        }
    }
    hovered
}

/// What a chart's y axis counts: whole things (answers, cards), whose marks are whole
/// numbers, or amounts (minutes, percent), which may be marked in fractions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YValues {
    Counts,
    Amounts,
}

/// A chart whose x axis is days counted from `today`, labelled with dates (with the year
/// when the days shown cross one), and whose y axis has at least three labelled marks.
pub fn day_plot<'a>(
    id: &'a str,
    today: chrono::NaiveDate,
    y_label: &str,
    values: YValues,
) -> egui_plot::Plot<'a> {
    egui_plot::Plot::new(id)
        .height(170.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        // No hover labels: egui_plot draws a bar's inside the plot from its right edge,
        // cut off for today's bar at the right. A chart with a tooltip of its own turns y
        // back on (egui_plot shows nothing on hover when neither coordinate is shown).
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .show_grid([false, true])
        // The same width for every chart's y axis, so a date sits at the same x in all.
        .y_axis_min_width(44.0)
        .y_axis_label(y_label.to_string())
        .y_grid_spacer(move |input| value_marks(input, values))
        .y_axis_formatter(|mark, _| value_label(mark.value, mark.step_size))
        .x_axis_formatter(move |mark, range| {
            let offset = mark.value.round() as i64;
            if (mark.value - offset as f64).abs() > 0.01 {
                return String::new();
            }
            let format = if crosses_a_year(today, (*range.start(), *range.end())) {
                "%Y-%m-%d"
            } else {
                "%m-%d"
            };
            today
                .checked_add_signed(chrono::Duration::days(offset))
                .map(|day| day.format(format).to_string())
                .unwrap_or_default()
        })
        .x_grid_spacer(move |input| {
            let with_year = crosses_a_year(today, input.bounds);
            day_marks(input, with_year)
        })
}

/// Whether the days `bounds` (counted from `today`) fall in more than one year.
fn crosses_a_year(today: chrono::NaiveDate, (low, high): (f64, f64)) -> bool {
    use chrono::Datelike;
    let day = |offset: f64| today.checked_add_signed(chrono::Duration::days(offset.round() as i64));
    match (day(low.max(-4000.0)), day(high.min(4000.0))) {
        (Some(first), Some(last)) => first.year() != last.year(),
        _ => false,
    }
}

/// Grid marks on whole days: every day, week, fortnight or month, the finest whose labels
/// (a date is about 80 points wide, 100 with its year) do not crowd each other at the
/// chart's width.
pub fn day_marks(input: egui_plot::GridInput, with_year: bool) -> Vec<egui_plot::GridMark> {
    let (low, high) = input.bounds;
    let label_width = if with_year { 100.0 } else { 80.0 };
    // egui_plot's base step is the span of its minimum grid spacing, 8 points.
    let days_per_label = input.base_step_size / 8.0 * label_width;
    let step = [1.0, 7.0, 14.0, 28.0, 56.0, 91.0, 182.0, 365.0]
        .into_iter()
        .find(|step| *step >= days_per_label)
        .unwrap_or(365.0);
    let mut marks = Vec::new();
    // Count back from today (0), so today is always marked.
    let mut value = (high / step).floor() * step;
    while value >= low {
        marks.push(egui_plot::GridMark {
            value,
            step_size: step,
        });
        value -= step;
    }
    marks
}

/// Grid marks for a y axis, every 1, 2 or 5 times a power of ten: the finest step whose
/// labels stand at least 32 points apart, so a chart 170 points high has three to six of
/// them (egui_plot's own marks labelled only 0 and 1 on a curve reaching 1.8, and only 0
/// under 10). Counts are marked on whole numbers only.
pub fn value_marks(input: egui_plot::GridInput, values: YValues) -> Vec<egui_plot::GridMark> {
    let (low, high) = input.bounds;
    // egui_plot's base step is the span of its minimum grid spacing, 8 points.
    let at_least = input.base_step_size / 8.0 * 32.0;
    let step = nice_step(at_least, values);
    if !(step.is_finite() && step > 0.0) || (high - low) / step > 1000.0 {
        return Vec::new();
    }
    let mut marks = Vec::new();
    let mut value = (low / step).ceil() * step;
    while value <= high {
        marks.push(egui_plot::GridMark {
            value,
            step_size: step,
        });
        value += step;
    }
    marks
}

/// A y mark's label with the decimals its step needs (0.5 is not "0"), and never "-0"
/// (the lowest mark of a chart whose range starts a hair under zero).
pub fn value_label(value: f64, step: f64) -> String {
    let decimals = if step > 0.0 && step < 1.0 {
        (-step.log10().floor()) as usize
    } else {
        0
    };
    let value = if value.abs() < step.abs() * 1e-6 {
        0.0
    } else {
        value
    };
    let label = format!("{value:.decimals$}");
    if label.starts_with('-') && label[1..].chars().all(|c| c == '0' || c == '.') {
        label[1..].to_string()
    } else {
        label
    }
}

/// The smallest of 1, 2, 5 × 10^k at least `at_least` (and at least 1 for counts).
fn nice_step(at_least: f64, values: YValues) -> f64 {
    let at_least = match values {
        YValues::Counts => at_least.max(1.0),
        YValues::Amounts => at_least,
    };
    if !(at_least.is_finite() && at_least > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(at_least.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * power)
        .find(|step| *step >= at_least * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// A row of coloured swatches naming the series of a chart, above it: a legend drawn in
/// the plot sits over its data.
pub fn legend(ui: &mut egui::Ui, series: &[(&str, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in series {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *color);
            ui.label(egui::RichText::new(*name).size(theme::size::SMALL));
            ui.add_space(theme::space::S);
        }
    });
}

/// A moment to the minute at the clock the user reads now (`local`): answers logged in
/// another zone (on a trip, or on another computer) were listed at their own clock
/// times, mixed with the others.
pub fn minute_at(at: chrono::DateTime<chrono::FixedOffset>, local: chrono::FixedOffset) -> String {
    at.with_timezone(&local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Every earlier answer to a card, newest first, so the user sees how it improved: the
/// date, the grade, the points ticked and those found in the draft, the time taken,
/// whether it was a mock interview, and the draft itself.
pub fn answer_history(
    ui: &mut egui::Ui,
    text: &Strings,
    history: &[ReviewRef<'_>],
    // The clock the user reads now (see [`minute_at`]).
    local: chrono::FixedOffset,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    // Draws what can be done with an answer's recording (play it, delete it), by id.
    recording: &mut dyn FnMut(&mut egui::Ui, &str),
) {
    if history.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("{} ({})", text.history, history.len()))
        .id_salt(id_salt)
        .default_open(false)
        .show(ui, |ui| {
            for record in history.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(minute_at(record.at, local));
                    ui.colored_label(
                        rating_color(ui, record.rating),
                        rating_label(text, record.rating),
                    );
                    if let Some(total) = record.points_total.filter(|total| *total > 0) {
                        let covered = record.points_covered.map_or(0, |points| points.len());
                        ui.label(format!("{} {covered}/{total}", text.points_short));
                        if let Some(detected) = record.points_detected {
                            ui.weak(text.found_in_draft(detected.len()));
                        }
                    }
                    if let Some(milliseconds) = record.duration_ms {
                        ui.label(clock_ms(milliseconds));
                    }
                    if record.mode == Mode::Mock {
                        ui.weak(text.mock_interview);
                    }
                    // Answered aloud: the figures logged with the grade, then the
                    // recording itself (recordings/<id>.wav), which may have been deleted.
                    if let Some(spoken) = record.spoken {
                        ui.label(text.history_spoken(
                            &clock_ms(spoken.speech_ms),
                            spoken.pauses as usize,
                            spoken.rate,
                            text.rate_unit_written(&spoken.unit),
                        ));
                        recording(ui, &spoken.recording);
                    }
                });
                if let Some(draft) = record.answer.filter(|d| !d.trim().is_empty()) {
                    ui.indent("draft", |ui| {
                        let job = kinsoku::job(ui, RichText::new(draft).weak());
                        kinsoku::label(ui, job);
                    });
                }
            }
        });
}

/// A number typed into a number box, read as egui reads one but also in full-width
/// forms: with the Japanese input method on, digits come as 「２０」 and were dropped.
pub fn parse_number(text: &str) -> Option<f64> {
    let ascii: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            '．' => '.',
            '−' | '－' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    ascii.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_labels_have_the_decimals_of_their_step_and_no_minus_zero() {
        assert_eq!(value_label(0.5, 0.5), "0.5");
        assert_eq!(value_label(1.0, 0.5), "1.0");
        assert_eq!(value_label(-0.0, 0.5), "0.0");
        assert_eq!(value_label(-1e-17, 1.0), "0");
        assert_eq!(value_label(-0.0, 1.0), "0");
        assert_eq!(value_label(0.25, 0.05), "0.25");
        assert_eq!(value_label(20.0, 5.0), "20");
        assert_eq!(value_label(-2.0, 1.0), "-2");
    }

    #[test]
    fn y_axes_get_at_least_three_labelled_marks() {
        // A chart about 150 points high: 8 points are a 150th of the range times 8.
        let marks = |high: f64, values| {
            let input = egui_plot::GridInput {
                bounds: (0.0, high),
                base_step_size: high / 150.0 * 8.0,
            };
            value_marks(input, values)
                .into_iter()
                .map(|mark| mark.value)
                .collect::<Vec<f64>>()
        };
        // The workload curve reaching 1.8 minutes: 0, 0.5, 1, 1.5.
        assert_eq!(marks(1.9, YValues::Amounts), [0.0, 0.5, 1.0, 1.5]);
        // A due forecast under 10 cards: whole numbers, more than 0 alone.
        assert_eq!(marks(3.2, YValues::Counts), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(marks(8.4, YValues::Counts), [0.0, 2.0, 4.0, 6.0, 8.0]);
        // Labels 32 points apart are drawn in full (egui_plot fades them under 30).
        assert_eq!(marks(105.0, YValues::Amounts), [0.0, 50.0, 100.0]);
        for high in [2.0, 7.0, 13.0, 48.0, 260.0, 1234.0] {
            assert!(marks(high, YValues::Counts).len() >= 3, "{high}");
        }
    }

    #[test]
    fn dates_say_their_year_when_the_days_shown_cross_one() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 20).unwrap_or_default();
        assert!(crosses_a_year(today, (-30.0, 0.0)));
        assert!(!crosses_a_year(today, (-10.0, 0.0)));
        assert!(!crosses_a_year(today, (0.0, 29.0)));
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(95), "1:35");
        assert_eq!(clock(-5), "-0:05");
        assert_eq!(clock_ms(42_999), "0:42");
    }

    #[test]
    fn a_first_line_is_the_first_language_read_first_line() {
        use crate::core::settings::ContentLanguage;
        let question = Localized::both("一行目\n二行目", "First line\nsecond");
        assert_eq!(first_line(&question, ContentLanguage::Both), "一行目");
        assert_eq!(
            first_line(&question, ContentLanguage::BothEnglishFirst),
            "First line"
        );
        let english_only = Localized::english("Only English");
        assert_eq!(
            first_line(&english_only, ContentLanguage::Ja),
            "Only English"
        );
    }

    #[test]
    fn numbers_are_read_in_full_width_too() {
        assert_eq!(parse_number("２０"), Some(20.0));
        assert_eq!(parse_number("０．８５"), Some(0.85));
        assert_eq!(parse_number(" 1 000 "), Some(1000.0));
        assert_eq!(parse_number("−３"), Some(-3.0));
        assert_eq!(parse_number("3O"), None);
        assert_eq!(parse_number("abc"), None);
    }
}
