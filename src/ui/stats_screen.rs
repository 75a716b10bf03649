//! Statistics: reviews per day by grade, weekly true retention against the target, talk
//! time and pace of the answers given aloud week by week, the due forecast, time spent, a study calendar with the streak, and progress per deck and
//! role. The numbers come from `core::study::stats`, computed once per change; this file only
//! draws them.

use crate::core::collection::Collection;
use crate::core::content::role;
use crate::core::review::days;
use crate::core::review::scheduler::Rating;
use crate::core::speech::analysis::RateUnit;
use crate::core::study::stats::{StateCounts, Stats, WeakPoint};
use crate::core::study::talk::SpokenWeek;
use crate::ui::context::{Action, ScreenContext, View};
use crate::ui::kinsoku;
use crate::ui::strings::Strings;
use crate::ui::theme;
use crate::ui::widgets::{self, YValues, rating_color, rating_label};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use egui::Color32;
use egui_plot::{Axis, Bar, BarChart, HLine, Line, PlotPoints, Points, Span};

/// How many days the history charts cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Range {
    #[default]
    Month,
    Quarter,
    Year,
}

impl Range {
    fn days(self) -> u64 {
        match self {
            Range::Month => 30,
            Range::Quarter => 90,
            Range::Year => 365,
        }
    }

    /// The days a bar of the history charts adds up.
    fn bar_days(self) -> u64 {
        if self.days() > 120 { 7 } else { 1 }
    }
}

/// The statistics screen keeps its range and the numbers it last computed.
#[derive(Debug, Default)]
pub struct StatsScreen {
    range: Range,
    /// Statistics for a collection generation and study day; recomputed when either moves.
    cached: Option<(u64, NaiveDate, Stats)>,
    /// The calendar has been shown at its right end, where today is, once.
    calendar_at_today: bool,
}

impl StatsScreen {
    /// The statistics, computed once per change of the log or settings (and of the day).
    pub fn stats(&mut self, collection: &Collection, now: DateTime<FixedOffset>) -> &Stats {
        let today = days::study_day(now, collection.settings().day_rollover_hour);
        let generation = collection.generation();
        let cached = match self.cached.take() {
            Some(cached) if cached.0 == generation && cached.1 == today => cached,
            _ => (generation, today, Stats::compute(collection, now)),
        };
        &self.cached.insert(cached).2
    }
}

impl View for StatsScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        let text = ctx.text;
        let desired = f64::from(ctx.collection.settings().desired_retention);
        let mut chosen = self.range;
        let stats = self.stats(ctx.collection, ctx.now).clone();
        egui::ScrollArea::vertical()
            .id_salt("stats_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                theme::column(ui, CHART_WIDTH, |ui| {
                    ui.add_space(theme::space::M);
                    ui.horizontal(|ui| {
                        ui.label(text.range);
                        ui.selectable_value(&mut chosen, Range::Month, text.days_30);
                        ui.selectable_value(&mut chosen, Range::Quarter, text.days_90);
                        ui.selectable_value(&mut chosen, Range::Year, text.days_365);
                    });
                    summary_line(ui, text, &stats);
                    // A year's bars are weeks (a day's bar was a pixel wide): the
                    // titles say so, the heights being a week's sums.
                    let (reviews_title, time_title) = if chosen.bar_days() == 7 {
                        (text.reviews_per_week, text.time_per_week)
                    } else {
                        (text.reviews_per_day, text.time_per_day)
                    };
                    section(ui, reviews_title, |ui| {
                        reviews_chart(ui, text, &stats, chosen)
                    });
                    section(ui, time_title, |ui| time_chart(ui, text, &stats, chosen));
                    section(ui, text.retention_per_week, |ui| {
                        retention_chart(ui, text, &stats, chosen, desired)
                    });
                    section(ui, text.talk_time_per_week, |ui| {
                        talk_chart(ui, text, &stats, chosen)
                    });
                    // Without a single answer given aloud the talk time section says how
                    // to give one; a second section saying so again would be noise.
                    if !stats.spoken_per_week.is_empty() {
                        section(ui, text.pace_per_week, |ui| {
                            pace_chart(ui, text, &stats, chosen)
                        });
                    }
                    section(ui, text.due_forecast, |ui| due_chart(ui, text, &stats));
                    // The calendar and the tables scroll sideways in a narrow window rather
                    // than widen the page, which cut every line of it at the window's edge.
                    // The calendar opens at its right end, where today is (it opened on
                    // January, today's cells out of sight).
                    let to_today = !std::mem::replace(&mut self.calendar_at_today, true);
                    section(ui, text.study_calendar, |ui| {
                        let mut area = egui::ScrollArea::horizontal().id_salt("calendar");
                        if to_today {
                            // Clamped to the far end. (stick_to_right repainted without end.)
                            area = area.horizontal_scroll_offset(100_000.0);
                        }
                        area.show(ui, |ui| calendar(ui, text, &stats));
                    });
                    section(ui, text.by_role, |ui| {
                        // Measured outside the sideways scroll, whose width has no end.
                        let layout = TableLayout::measure(ui, text);
                        sideways(ui, "per_role", |ui| role_table(ui, ctx, &stats, &layout))
                    });
                    section(ui, text.by_deck, |ui| {
                        let layout = TableLayout::measure(ui, text);
                        sideways(ui, "per_deck", |ui| deck_table(ui, ctx, &stats, &layout))
                    });
                    section(ui, text.weak_points, |ui| {
                        weak_points(ui, ctx, &stats, actions)
                    });
                    ui.add_space(theme::space::L);
                });
            });
        self.range = chosen;
    }
}

/// The answer points most often left unticked, overall and per deck, each with a way to
/// its card.
fn weak_points(ui: &mut egui::Ui, ctx: &ScreenContext, stats: &Stats, actions: &mut Vec<Action>) {
    let text = ctx.text;
    if stats.weak_points.is_empty() {
        empty_state(ui, text.weak_points_empty);
        return;
    }
    theme::caption(ui, text.weak_points_hint);
    ui.add_space(theme::space::S);
    let row = |ui: &mut egui::Ui, weak: &WeakPoint, actions: &mut Vec<Action>| {
        let Some((_, card)) = ctx.collection.decks().find_card(&weak.card) else {
            return;
        };
        let Some(point) = card.points.get(weak.point) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("{}/{}", weak.missed, weak.answers))
                    .color(theme::tone::LEARNING.on(ui))
                    .strong(),
            )
            .on_hover_text(text.weak_points_count_hint);
            ui.vertical(|ui| {
                ui.add(
                    egui::Label::new(widgets::localized_plain(&point.text, ctx.card_language))
                        .wrap(),
                );
                let first_line = widgets::first_line(&card.question, ctx.card_language);
                ui.horizontal(|ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(first_line)
                                .size(theme::size::SMALL)
                                .color(theme::tone::MUTED_TEXT.on(ui)),
                        )
                        .truncate(),
                    );
                });
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let open = ui.small_button(text.show_in_browser);
                let name = format!("{} — {}", text.show_in_browser, weak.card);
                open.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if open.clicked() {
                    actions.push(Action::Browse(format!("card:{}", weak.card)));
                }
            });
        });
    };
    for weak in &stats.weak_points {
        row(ui, weak, actions);
    }
    ui.add_space(theme::space::S);
    for (deck_id, list) in &stats.weak_points_per_deck {
        let title = ctx
            .collection
            .decks()
            .decks
            .iter()
            .find(|loaded| &loaded.deck.id == deck_id)
            .map_or(deck_id.as_str(), |loaded| loaded.deck.title.get(ctx.lang));
        egui::CollapsingHeader::new(format!("{title} ({})", list.len()))
            .id_salt(("weak_points", deck_id))
            .show(ui, |ui| {
                for weak in list {
                    row(ui, weak, actions);
                }
            });
    }
}

/// Widest the charts get: a year of days stays readable, a wide window gets margins.
const CHART_WIDTH: f32 = 1000.0;

/// A titled part of the screen on a card surface.
fn sideways(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::horizontal().id_salt(id).show(ui, add);
}

fn section(ui: &mut egui::Ui, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::space::M);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(title).size(theme::size::HEADING));
        ui.add_space(theme::space::S);
        add(ui);
    });
}

fn summary_line(ui: &mut egui::Ui, text: &Strings, stats: &Stats) {
    let retention = match stats.true_retention.rate {
        Some(rate) => format!(
            "{:.1}% ({}/{})",
            rate * 100.0,
            stats.true_retention.passed,
            stats.true_retention.total
        ),
        None => "—".to_string(),
    };
    let mut items = vec![
        format!("{}: {}", text.true_retention_30, retention),
        format!("{}: {}", text.streak, stats.streak_days),
        format!(
            "{}: {} / {}",
            text.mastered,
            stats.counts.mastered,
            stats.counts.total()
        ),
    ];
    let detection = stats.detection;
    if detection.total > 0 {
        let share = f64::from(detection.agreed) / f64::from(detection.total) * 100.0;
        items.push(text.detection_agreement(share, detection.answers));
    }
    ui.add_space(theme::space::S);
    ui.horizontal_wrapped(|ui| {
        let row = ui.max_rect().width();
        for (index, item) in items.iter().enumerate() {
            let galley = egui::WidgetText::from(item.as_str()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let width = galley.size().x;
            // A separator only between two items on one line: one before an item that
            // wraps was left dangling at the end of the line above, and an item is cut
            // in two only when it is longer than a whole line.
            if index > 0 {
                let separator = 6.0 + 3.0 * ui.spacing().item_spacing.x;
                let left_in_row = ui.max_rect().right() - ui.cursor().min.x;
                if separator + width <= left_in_row {
                    ui.separator();
                } else {
                    ui.end_row();
                }
            }
            let mode = if width <= row {
                egui::TextWrapMode::Extend
            } else {
                egui::TextWrapMode::Wrap
            };
            ui.add(egui::Label::new(item.as_str()).wrap_mode(mode));
        }
    });
}

/// Day offsets relative to today (0 = today, negative = past) for the chosen range.
/// The days of `range` in bars: a bar a day, or for a year a bar a week (a day of a year's
/// chart was a bar one pixel wide). Each bar's centre (days from today), its width in
/// days, the days it adds up, and its name for the tooltip.
struct Bucket {
    x: f64,
    width: f64,
    days: Vec<NaiveDate>,
    name: String,
}

fn past_buckets(stats: &Stats, range: Range) -> Vec<Bucket> {
    let size = range.bar_days();
    let count = range.days().div_ceil(size);
    (0..count)
        .rev()
        .map(|bucket| {
            let newest = bucket * size;
            let days: Vec<NaiveDate> = (newest..newest + size)
                .rev()
                .map(|back| stats.today - Days::new(back))
                .collect();
            let name = match (days.first(), days.last()) {
                (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
                (Some(day), _) => day.to_string(),
                _ => String::new(),
            };
            Bucket {
                // A bar's centre: the middle of its days.
                x: -(newest as f64) - (size as f64 - 1.0) / 2.0,
                width: 0.8 * size as f64,
                days,
                name,
            }
        })
        .collect()
}

/// A bar in one solid colour (egui_plot's default is a pale fill with an outline, which
/// reads as empty at a glance).
fn solid(bar: Bar, color: Color32) -> Bar {
    bar.fill(color).stroke(egui::Stroke::new(1.0, color))
}

/// Shown instead of an empty chart.
fn empty_state(ui: &mut egui::Ui, message: &str) {
    ui.add_space(theme::space::M);
    let muted = theme::tone::MUTED_TEXT.on(ui);
    kinsoku::paragraph(ui, egui::RichText::new(message).color(muted));
    ui.add_space(theme::space::M);
}

fn reviews_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range) {
    let series: Vec<(&str, Color32)> = Rating::ALL
        .into_iter()
        .map(|rating| (rating_label(text, rating), rating_color(ui, rating)))
        .collect();
    widgets::legend(ui, &series);
    let buckets = past_buckets(stats, range);
    let mut charts: Vec<BarChart> = Vec::new();
    for rating in Rating::ALL {
        let color = rating_color(ui, rating);
        let bars = buckets
            .iter()
            .map(|bucket| {
                let count: u32 = bucket
                    .days
                    .iter()
                    .filter_map(|day| stats.reviews_per_day.get(day))
                    .map(|reviews| match rating {
                        Rating::Again => reviews.again,
                        Rating::Hard => reviews.hard,
                        Rating::Good => reviews.good,
                        Rating::Easy => reviews.easy,
                    })
                    .sum();
                solid(Bar::new(bucket.x, f64::from(count)), color)
                    .width(bucket.width)
                    .name(&bucket.name)
            })
            .collect();
        let label = rating_label(text, rating);
        let mut chart = BarChart::new(label, bars)
            .color(rating_color(ui, rating))
            .element_formatter(Box::new(move |bar, _| {
                format!("{}\n{label}: {}", bar.name, bar.value)
            }));
        let below: Vec<&BarChart> = charts.iter().collect();
        chart = chart.stack_on(&below);
        charts.push(chart);
    }
    widgets::day_plot(
        "reviews_per_day",
        stats.today,
        text.axis_answers,
        YValues::Counts,
    )
    .include_y(2.0)
    .show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
}

fn time_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range) {
    let color = theme::tone::ACCENT.on(ui);
    let bars = past_buckets(stats, range)
        .iter()
        .map(|bucket| {
            let ms: u64 = bucket
                .days
                .iter()
                .filter_map(|day| stats.reviews_per_day.get(day))
                .map(|reviews| reviews.duration_ms)
                .sum();
            solid(Bar::new(bucket.x, ms as f64 / 60_000.0), color)
                .width(bucket.width)
                .name(&bucket.name)
        })
        .collect();
    widgets::day_plot(
        "time_per_day",
        stats.today,
        text.axis_minutes,
        YValues::Amounts,
    )
    .include_y(1.0)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(text.time_per_day, bars)
                .color(color)
                // Minutes and seconds: half a minute of study still reads as such.
                .element_formatter(Box::new(|bar, _| {
                    let ms = (bar.value * 60_000.0).round() as u64;
                    format!("{}\n{}", bar.name, widgets::clock_ms(ms))
                })),
        );
    });
}

/// The weekly retention from `first_day` as runs of weeks in a row with review answers,
/// each week at its last day (days from today) with its rate in percent. The line breaks
/// at a week without answers: drawn across it, it claimed a retention for weeks nobody
/// studied (late June straight to September).
fn retention_runs(stats: &Stats, first_day: NaiveDate) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = vec![Vec::new()];
    for week in stats
        .retention_per_week
        .iter()
        .filter(|week| week.week_start + Days::new(6) >= first_day)
    {
        // A week's figure belongs to its last day (today for this week).
        let end = (week.week_start + Days::new(6)).min(stats.today);
        let offset = (end - stats.today).num_days() as f64;
        match (week.retention.rate, runs.last_mut()) {
            (Some(rate), Some(run)) => run.push([offset, rate * 100.0]),
            (None, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
            _ => {}
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

fn retention_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range, desired: f64) {
    let first_day = stats.today - Days::new(range.days() - 1);
    let runs = retention_runs(stats, first_day);
    let points: Vec<[f64; 2]> = runs.iter().flatten().copied().collect();
    if points.is_empty() {
        empty_state(ui, text.retention_empty);
        return;
    }
    widgets::legend(
        ui,
        &[
            (text.true_retention, rating_color(ui, Rating::Good)),
            (text.desired_retention, theme::tone::MUTED_TEXT.on(ui)),
        ],
    );
    let start = -((range.days() - 1) as f64);
    let (line_color, target_color) = (
        rating_color(ui, Rating::Good),
        theme::tone::MUTED_TEXT.on(ui),
    );
    widgets::day_plot(
        "retention_per_week",
        stats.today,
        text.axis_percent,
        YValues::Amounts,
    )
    .include_x(start)
    .include_x(0.0)
    .include_y(50.0)
    .include_y(100.0)
    .show(ui, |plot| {
        for run in runs {
            plot.line(
                Line::new(text.true_retention, PlotPoints::from(run))
                    .color(line_color)
                    .width(2.5),
            );
        }
        // A week between two without answers is a point, not a line.
        plot.points(
            egui_plot::Points::new(text.true_retention, PlotPoints::from(points))
                .color(line_color)
                .radius(3.0),
        );
        plot.hline(
            HLine::new(text.desired_retention, desired * 100.0)
                .color(target_color)
                .width(2.0)
                .style(egui_plot::LineStyle::dashed_loose()),
        );
    });
}

/// The weeks of `stats.spoken_per_week` that end within `range`, each with its days as
/// text and the x of its middle and of its last day (today for this week).
fn spoken_weeks_in(stats: &Stats, range: Range) -> Vec<(&SpokenWeek, String, f64, f64)> {
    let first_day = stats.today - Days::new(range.days() - 1);
    let offset = |day: NaiveDate| (day - stats.today).num_days() as f64;
    stats
        .spoken_per_week
        .iter()
        .filter(|week| week.week_start + Days::new(6) >= first_day)
        .map(|week| {
            let last = week.week_start + Days::new(6);
            let days = format!("{} – {last}", week.week_start);
            let middle = offset(week.week_start) + 3.0;
            (week, days, middle, offset(last.min(stats.today)))
        })
        .collect()
}

/// Talk time week by week, a bar a week.
fn talk_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range) {
    if stats.spoken_per_week.is_empty() {
        empty_state(ui, text.spoken_empty);
        return;
    }
    let weeks = spoken_weeks_in(stats, range);
    if weeks.iter().all(|(week, ..)| week.answers == 0) {
        empty_state(ui, text.spoken_empty_in_range);
        return;
    }
    let color = theme::tone::ACCENT.on(ui);
    let bars = weeks
        .iter()
        .map(|(week, days, middle, _)| {
            let ms = (week.speech_s * 1000.0).round() as u64;
            let name = text.talk_week(days, &widgets::clock_ms(ms), week.answers);
            solid(Bar::new(*middle, week.speech_s / 60.0), color)
                .width(0.8 * 7.0)
                .name(name)
        })
        .collect();
    widgets::day_plot(
        "talk_time_per_week",
        stats.today,
        text.axis_minutes,
        YValues::Amounts,
    )
    .include_x(-((range.days() - 1) as f64))
    .include_x(0.0)
    .include_y(1.0)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(text.talk_time_per_week, bars)
                .color(color)
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
    });
}

/// The colour of a rate unit's line and band: the two never share a chart's colour.
fn unit_color(ui: &egui::Ui, unit: RateUnit) -> Color32 {
    match unit {
        RateUnit::MoraePerSecond => theme::tone::ACCENT.on(ui),
        RateUnit::SyllablesPerSecond => theme::tone::LEARNING.on(ui),
    }
}

/// A unit's line on the pace chart: its colour, its points and, in the same order, what
/// hovering each says.
type PaceSeries = (RateUnit, Color32, Vec<[f64; 2]>, Vec<String>);

/// The mean rate week by week, a line per unit (morae and syllables never averaged
/// together), each over its normal range drawn as a band.
fn pace_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range) {
    let weeks = spoken_weeks_in(stats, range);
    let mut units: Vec<RateUnit> = weeks
        .iter()
        .flat_map(|(week, ..)| week.rate.keys().copied())
        .collect();
    units.sort();
    units.dedup();
    if units.is_empty() {
        empty_state(ui, text.spoken_empty_in_range);
        return;
    }
    let mut legend: Vec<(&str, Color32)> = units
        .iter()
        .map(|unit| (text.rate_unit(*unit), unit_color(ui, *unit)))
        .collect();
    legend.push((text.normal_range, theme::tone::MUTED_TEXT.on(ui)));
    widgets::legend(ui, &legend);
    let series: Vec<PaceSeries> = units
        .iter()
        .map(|unit| {
            let (points, labels) = weeks
                .iter()
                .filter_map(|(week, days, _, end)| {
                    let pace = week.rate.get(unit)?;
                    let label = text.pace_week(
                        days,
                        pace.mean,
                        text.rate_unit(*unit),
                        pace.within_normal,
                        pace.answers,
                    );
                    Some(([*end, pace.mean], label))
                })
                .unzip();
            (*unit, unit_color(ui, *unit), points, labels)
        })
        .collect();
    let hover: Vec<(&'static str, Vec<String>)> = series
        .iter()
        .map(|(unit, _, _, labels)| (unit.label(), labels.clone()))
        .collect();
    let mut plot = widgets::day_plot(
        "pace_per_week",
        stats.today,
        text.axis_per_second,
        YValues::Amounts,
    )
    .include_x(-((range.days() - 1) as f64))
    .include_x(0.0)
    // Hovering a week's point says its dates, mean and how many were in the range.
    .show_y(true)
    .label_formatter(move |position| match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name, index, ..
        } => hover
            .iter()
            .find(|(name, _)| name == plot_name)
            .and_then(|(_, labels)| labels.get(*index).cloned()),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    });
    for unit in &units {
        let (low, high) = unit.normal_range();
        plot = plot.include_y(low - 1.0).include_y(high + 1.0);
    }
    plot.show(ui, |plot| {
        for (unit, color, points, _) in series {
            let (low, high) = unit.normal_range();
            plot.span(
                Span::new("", low..=high)
                    .axis(Axis::Y)
                    .fill(color.gamma_multiply(0.12))
                    .border_color(color.gamma_multiply(0.5))
                    .border_style(egui_plot::LineStyle::dashed_loose()),
            );
            plot.line(
                Line::new(unit.label(), PlotPoints::from(points.clone()))
                    .color(color)
                    .width(2.5),
            );
            // A week alone is a point: a line of one point draws nothing.
            plot.points(
                Points::new(unit.label(), PlotPoints::from(points))
                    .color(color)
                    .radius(3.5),
            );
        }
    });
}

/// The cards due each day ahead, in review and in learning told apart: the decks' Due
/// column counts the first and Learning the second, and the forecast once lumped both
/// under "due" while every Due column said 0.
fn due_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats) {
    let review_color = theme::tone::DUE.on(ui);
    let learning_color = theme::tone::LEARNING.on(ui);
    widgets::legend(
        ui,
        &[(text.due, review_color), (text.learning, learning_color)],
    );
    let bars = |learning: bool, color: Color32| -> Vec<Bar> {
        stats
            .due_per_day
            .iter()
            .enumerate()
            .map(|(offset, due)| {
                let count = if learning {
                    due.learning
                } else {
                    due.cards - due.learning
                };
                solid(Bar::new(offset as f64, count as f64), color).name(due.day.to_string())
            })
            .collect()
    };
    let (due, learning) = (text.due, text.learning);
    let reviews = BarChart::new(due, bars(false, review_color))
        .color(review_color)
        .width(0.8)
        .element_formatter(Box::new(move |bar, _| {
            format!("{}\n{due}: {}", bar.name, bar.value)
        }));
    let learning_chart = BarChart::new(learning, bars(true, learning_color))
        .color(learning_color)
        .width(0.8)
        .element_formatter(Box::new(move |bar, _| {
            format!("{}\n{learning}: {}", bar.name, bar.value)
        }))
        .stack_on(&[&reviews]);
    widgets::day_plot(
        "due_forecast",
        stats.today,
        text.axis_cards,
        YValues::Counts,
    )
    .include_y(2.0)
    .show(ui, |plot| {
        plot.bar_chart(reviews);
        plot.bar_chart(learning_chart);
    });
}

/// A year of study days as a grid of weeks, darker for more reviews, with the months
/// above and the weekdays beside it.
fn calendar(ui: &mut egui::Ui, text: &Strings, stats: &Stats) {
    const GAP: f32 = 2.0;
    const LABELS: f32 = 28.0;
    let weeks = 53;
    // The cells fill the card's width, within reason.
    let cell = ((ui.available_width() - LABELS) / weeks as f32 - GAP).clamp(8.0, 16.0);
    let size = egui::vec2(
        LABELS + weeks as f32 * (cell + GAP),
        16.0 + 7.0 * (cell + GAP),
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    // Room under the last row for the sideways scroll bar, which floats over what is
    // below it and, widened under the pointer, hid the last row from hovering.
    let scroll = &ui.spacing().scroll;
    ui.add_space(scroll.bar_width + scroll.bar_outer_margin);
    let painter = ui.painter_at(rect);
    let grid = rect.min + egui::vec2(LABELS, 16.0);
    let label_font = egui::FontId::proportional(theme::size::SMALL - 2.0);
    let muted = theme::tone::MUTED_TEXT.on(ui);
    for (weekday, name) in text.weekdays_short.iter().enumerate() {
        if weekday % 2 == 0 {
            painter.text(
                egui::pos2(
                    rect.min.x,
                    grid.y + weekday as f32 * (cell + GAP) + cell / 2.0,
                ),
                egui::Align2::LEFT_CENTER,
                *name,
                label_font.clone(),
                muted,
            );
        }
    }
    let this_monday =
        stats.today - Days::new(u64::from(stats.today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Days::new(7 * (weeks - 1));
    let busiest = stats
        .reviews_per_day
        .values()
        .map(|reviews| reviews.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let empty = theme::tone::CARD_EDGE.on(ui);
    let full = theme::tone::DUE.on(ui);
    let mut hovered = None;
    for (week, month0) in month_starts(first_monday, weeks) {
        let x = grid.x + week as f32 * (cell + GAP);
        let name = text.months_short[month0 as usize];
        let width = theme::text_width(ui, name, label_font.clone());
        // The month begun this week, in the last column, ends at the grid's edge rather
        // than past it.
        let (at, align) = if x + width > rect.max.x {
            (egui::pos2(rect.max.x, rect.min.y), egui::Align2::RIGHT_TOP)
        } else {
            (egui::pos2(x, rect.min.y), egui::Align2::LEFT_TOP)
        };
        painter.text(at, align, name, label_font.clone(), muted);
    }
    for week in 0..weeks {
        let monday = first_monday + Days::new(week * 7);
        let x = grid.x + week as f32 * (cell + GAP);
        for weekday in 0..7u64 {
            let day = monday + Days::new(weekday);
            if day > stats.today {
                continue;
            }
            let count = stats.reviews_per_day.get(&day).map_or(0, |r| r.total());
            let color = if count == 0 {
                empty
            } else {
                let strength = 0.3 + 0.7 * count as f32 / busiest as f32;
                empty.lerp_to_gamma(full, strength)
            };
            let min = egui::pos2(x, grid.y + weekday as f32 * (cell + GAP));
            let cell = egui::Rect::from_min_size(min, egui::vec2(cell, cell));
            painter.rect_filled(cell, 2.0, color);
            if response.hover_pos().is_some_and(|pos| cell.contains(pos)) {
                hovered = Some((day, count));
            }
        }
    }
    if let Some((day, count)) = hovered {
        // Beside the day, not under the calendar's far corner.
        response.on_hover_text_at_pointer(text.answers_on_day(&day.to_string(), count));
    }
}

/// The weeks of the calendar (0-based, from `first_monday`) in which a month begins,
/// with that month (0-based): a month is named above the week holding its 1st. Naming
/// the first week whose Monday was in the month left the current month unnamed for up
/// to six days (December 2026 begins on a Tuesday).
fn month_starts(first_monday: NaiveDate, weeks: u64) -> Vec<(u64, u32)> {
    (0..weeks)
        .filter_map(|week| {
            let sunday = first_monday + Days::new(week * 7 + 6);
            (sunday.day() <= 7).then_some((week, sunday.month0()))
        })
        .collect()
}

/// A count in a table, named for screen readers (and the UI tests) by its row and column.
fn cell(ui: &mut egui::Ui, value: String, row: &str, column: &str) {
    let response = ui.label(value.clone());
    let name = format!("{row} — {column}: {value}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
}

/// The titles of a table's count columns, after its first (the names).
fn count_titles(text: &Strings) -> [&'static str; 5] {
    [
        text.new,
        text.learning,
        text.in_review,
        text.due_today,
        text.mastered,
    ]
}

fn table_header(ui: &mut egui::Ui, text: &Strings, first: &str, layout: &TableLayout) {
    for title in std::iter::once(first).chain(count_titles(text)) {
        let hint = (title == text.due_today).then_some(text.due_today_hint);
        let title = if layout.titles_on_two_lines {
            title.replacen(' ', "\n", 1)
        } else {
            title.to_string()
        };
        let label = ui.label(
            egui::RichText::new(title)
                .size(theme::size::SMALL)
                .strong()
                .color(theme::tone::MUTED_TEXT.on(ui)),
        );
        if let Some(hint) = hint {
            label.on_hover_text(hint);
        }
    }
    ui.end_row();
}

/// How a table of names and counts fits the card's width.
struct TableLayout {
    /// The width the first column (a role's or a deck's name) may take: what the counts
    /// leave. Long deck titles pushed Due today and Mastered out of sight at 800×600; a
    /// name longer than this is cut, in full on hover.
    name_width: f32,
    /// The room between columns.
    gap: f32,
    /// Two-word titles ("Due today") on two lines, on a card too narrow for them on one.
    titles_on_two_lines: bool,
}

impl TableLayout {
    /// The widest way that fits: full gaps, then narrower gaps, then titles on two lines
    /// (at text size 1.6 in an 800-pixel window the last column was behind a sideways
    /// scroll).
    fn measure(ui: &egui::Ui, text: &Strings) -> Self {
        let font = egui::FontId::proportional(theme::size::SMALL);
        let shortest_name = 6.0 * theme::size::SMALL;
        let room = ui.available_width();
        let choices = [
            (TABLE_GAP, false),
            (TABLE_GAP / 2.0, false),
            (TABLE_GAP / 2.0, true),
        ];
        let mut layout = None;
        for (gap, titles_on_two_lines) in choices {
            let counts: f32 = count_titles(text)
                .iter()
                .map(|title| {
                    let widest = if titles_on_two_lines {
                        title
                            .split(' ')
                            .map(|word| theme::text_width(ui, word, font.clone()))
                            .fold(0.0, f32::max)
                    } else {
                        theme::text_width(ui, title, font.clone())
                    };
                    widest.max(COUNT_WIDTH) + gap
                })
                .sum();
            let name_width = room - counts - gap;
            layout = Some(Self {
                name_width: name_width.max(shortest_name),
                gap,
                titles_on_two_lines,
            });
            if name_width >= shortest_name {
                break;
            }
        }
        layout.unwrap_or(Self {
            name_width: shortest_name,
            gap: TABLE_GAP,
            titles_on_two_lines: false,
        })
    }
}

/// The room between a table's columns, where there is room.
const TABLE_GAP: f32 = 24.0;

/// The width a count takes ("100%", "1234") at the body size.
const COUNT_WIDTH: f32 = 40.0;

fn table_row(ui: &mut egui::Ui, text: &Strings, name: &str, name_width: f32, counts: &StateCounts) {
    ui.scope(|ui| {
        ui.set_max_width(name_width);
        ui.add(egui::Label::new(name).truncate());
    });
    cell(ui, counts.new.to_string(), name, text.new);
    cell(
        ui,
        (counts.learning + counts.relearning).to_string(),
        name,
        text.learning,
    );
    cell(ui, counts.review.to_string(), name, text.in_review);
    cell(ui, counts.due_today.to_string(), name, text.due_today);
    cell(
        ui,
        format!("{:.0}%", counts.mastery() * 100.0),
        name,
        text.mastered,
    );
    ui.end_row();
}

/// Per role, in the decks screen's order.
fn role_table(ui: &mut egui::Ui, ctx: &ScreenContext, stats: &Stats, layout: &TableLayout) {
    let mut roles: Vec<(&String, &StateCounts)> = stats.counts_per_role.iter().collect();
    roles.sort_by(|a, b| {
        role::rank(a.0)
            .cmp(&role::rank(b.0))
            .then_with(|| a.0.cmp(b.0))
    });
    egui::Grid::new("per_role")
        .striped(true)
        .spacing([layout.gap, 6.0])
        .show(ui, |ui| {
            table_header(ui, ctx.text, ctx.text.role, layout);
            for (role_id, counts) in roles {
                let name = role::label(role_id, ctx.lang);
                table_row(ui, ctx.text, name, layout.name_width, counts);
            }
        });
}

/// Per deck by title, in the decks screen's order.
fn deck_table(ui: &mut egui::Ui, ctx: &ScreenContext, stats: &Stats, layout: &TableLayout) {
    let mut decks: Vec<&crate::core::content::deck::Deck> = ctx
        .collection
        .decks()
        .decks
        .iter()
        .map(|loaded| &loaded.deck)
        .collect();
    decks.sort_by(|a, b| {
        role::rank(&a.role)
            .cmp(&role::rank(&b.role))
            .then_with(|| a.role.cmp(&b.role))
    });
    egui::Grid::new("per_deck")
        .striped(true)
        .spacing([layout.gap, 6.0])
        .show(ui, |ui| {
            table_header(ui, ctx.text, ctx.text.deck, layout);
            for deck in decks {
                if let Some(counts) = stats.counts_per_deck.get(&deck.id) {
                    let name = deck.title.get(ctx.lang);
                    table_row(ui, ctx.text, name, layout.name_width, counts);
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_retention_line_breaks_at_weeks_without_answers() {
        use crate::core::study::stats::{Retention, WeekRetention};
        let week = |start: &str, passed: u32, total: u32| WeekRetention {
            week_start: day(start),
            retention: Retention {
                passed,
                total,
                rate: (total > 0).then(|| f64::from(passed) / f64::from(total)),
            },
        };
        let stats = Stats {
            today: day("2026-12-03"),
            retention_per_week: vec![
                week("2026-11-02", 0, 0),
                week("2026-11-09", 3, 4),
                week("2026-11-16", 0, 0),
                week("2026-11-23", 0, 0),
                week("2026-11-30", 1, 2),
            ],
            ..Stats::default()
        };
        // Weeks end on Sundays (the 15th: 18 days ago); this week's figure is today's.
        assert_eq!(
            retention_runs(&stats, day("2026-11-01")),
            vec![vec![[-18.0, 75.0]], vec![[0.0, 50.0]]]
        );
    }

    #[test]
    fn each_month_is_named_above_the_week_holding_its_first_day() {
        // 2026-12-03, a Thursday: the grid's last week begins on Monday 2026-11-30 and
        // holds 1 December (a Tuesday); its first week begins 52 weeks before.
        let first = day("2025-12-01");
        let starts = month_starts(first, 53);
        assert_eq!(
            starts.first(),
            Some(&(0, 11)),
            "December 2025 from its Monday 1st"
        );
        assert_eq!(
            starts.last(),
            Some(&(52, 11)),
            "December 2026 in the last week"
        );
        // Thirteen firsts of a month in 53 weeks beginning 2025-12-01 (Dec 2025 … Dec 2026).
        assert_eq!(starts.len(), 13);
        // March 2026 begins on a Sunday: named above the week of Monday 23 February.
        assert!(starts.contains(&(12, 2)), "{starts:?}");
    }
}
