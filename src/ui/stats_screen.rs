//! Statistics: reviews per day by grade, weekly true retention against the target, the
//! due forecast, time spent, a study calendar with the streak, and progress per deck and
//! role. The numbers come from `core::study::stats`, computed once per change; this file only
//! draws them.

use crate::core::collection::Collection;
use crate::core::content::deck::Lang;
use crate::core::content::role;
use crate::core::review::days;
use crate::core::review::scheduler::Rating;
use crate::core::study::stats::{StateCounts, Stats};
use crate::ui::context::ScreenContext;
use crate::ui::strings::Strings;
use crate::ui::widgets::{rating_color, rating_label};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, HLine, Legend, Line, Plot, PlotPoints};

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
}

/// The statistics screen keeps its range and the numbers it last computed.
#[derive(Debug, Default)]
pub struct StatsScreen {
    range: Range,
    /// Statistics for a collection generation and study day; recomputed when either moves.
    cached: Option<(u64, NaiveDate, Stats)>,
}

impl StatsScreen {
    /// The statistics, computed once per change of the log or settings (and of the day).
    pub fn stats(&mut self, collection: &Collection, now: DateTime<FixedOffset>) -> &Stats {
        let today = days::study_day(now, collection.settings().day_rollover_hour);
        let generation = collection.generation();
        let cached = match self.cached.take() {
            Some(cached) if cached.0 == generation && cached.1 == today => cached,
            _ => (generation, today, collection.stats(now)),
        };
        &self.cached.insert(cached).2
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext) {
        let text = ctx.text;
        let desired = f64::from(ctx.collection.settings().desired_retention);
        let mut chosen = self.range;
        ui.horizontal(|ui| {
            ui.label(text.range);
            ui.selectable_value(&mut chosen, Range::Month, text.days_30);
            ui.selectable_value(&mut chosen, Range::Quarter, text.days_90);
            ui.selectable_value(&mut chosen, Range::Year, text.days_365);
        });
        self.range = chosen;
        let stats = self.stats(ctx.collection, ctx.now);

        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                summary_line(ui, text, stats);
                ui.add_space(8.0);
                ui.strong(text.reviews_per_day);
                reviews_chart(ui, text, stats, chosen);
                ui.strong(text.time_per_day);
                time_chart(ui, stats, chosen);
                ui.strong(text.retention_per_week);
                retention_chart(ui, text, stats, desired);
                ui.strong(text.due_forecast);
                due_chart(ui, stats);
                ui.strong(text.study_calendar);
                calendar(ui, stats);
                ui.add_space(8.0);
                progress_tables(ui, text, ctx.lang, stats);
            });
    }
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
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}: {}", text.true_retention_30, retention));
        ui.separator();
        ui.label(format!("{}: {}", text.streak, stats.streak_days));
        ui.separator();
        ui.label(format!(
            "{}: {} / {}",
            text.mastered,
            stats.counts.mastered,
            stats.counts.total()
        ));
    });
}

/// Day offsets relative to today (0 = today, negative = past) for the chosen range.
fn past_days(stats: &Stats, range: Range) -> impl Iterator<Item = (f64, NaiveDate)> + '_ {
    (0..range.days()).rev().map(move |back| {
        let day = stats.today - Days::new(back);
        (-(back as f64), day)
    })
}

fn small_plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .height(160.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
}

fn reviews_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, range: Range) {
    let mut charts: Vec<BarChart> = Vec::new();
    for rating in Rating::ALL {
        let bars = past_days(stats, range)
            .map(|(x, day)| {
                let reviews = stats.reviews_per_day.get(&day).copied().unwrap_or_default();
                let count = match rating {
                    Rating::Again => reviews.again,
                    Rating::Hard => reviews.hard,
                    Rating::Good => reviews.good,
                    Rating::Easy => reviews.easy,
                };
                Bar::new(x, f64::from(count)).name(day.to_string())
            })
            .collect();
        let mut chart = BarChart::new(rating_label(text, rating), bars)
            .color(rating_color(rating))
            .width(0.8);
        let below: Vec<&BarChart> = charts.iter().collect();
        chart = chart.stack_on(&below);
        charts.push(chart);
    }
    small_plot("reviews_per_day")
        .legend(Legend::default())
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

fn time_chart(ui: &mut egui::Ui, stats: &Stats, range: Range) {
    let bars = past_days(stats, range)
        .map(|(x, day)| {
            let ms = stats
                .reviews_per_day
                .get(&day)
                .map_or(0, |reviews| reviews.duration_ms);
            Bar::new(x, ms as f64 / 60_000.0).name(day.to_string())
        })
        .collect();
    small_plot("time_per_day").show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("min", bars)
                .color(Color32::from_rgb(120, 110, 200))
                .width(0.8),
        );
    });
}

fn retention_chart(ui: &mut egui::Ui, text: &Strings, stats: &Stats, desired: f64) {
    let weeks = stats.retention_per_week.len();
    let points: PlotPoints = stats
        .retention_per_week
        .iter()
        .enumerate()
        .filter_map(|(index, week)| {
            week.retention
                .rate
                .map(|rate| [index as f64 - weeks as f64 + 1.0, rate * 100.0])
        })
        .collect();
    small_plot("retention_per_week")
        .include_y(50.0)
        .include_y(100.0)
        .legend(Legend::default())
        .show(ui, |plot| {
            plot.line(Line::new(text.true_retention, points).color(rating_color(Rating::Good)));
            plot.hline(HLine::new(text.desired_retention, desired * 100.0).color(Color32::GRAY));
        });
}

fn due_chart(ui: &mut egui::Ui, stats: &Stats) {
    let bars = stats
        .due_per_day
        .iter()
        .enumerate()
        .map(|(offset, due)| Bar::new(offset as f64, due.cards as f64).name(due.day.to_string()))
        .collect();
    small_plot("due_forecast").show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("due", bars)
                .color(rating_color(Rating::Easy))
                .width(0.8),
        );
    });
}

/// A year of study days as a grid of weeks, darker for more reviews.
fn calendar(ui: &mut egui::Ui, stats: &Stats) {
    const CELL: f32 = 11.0;
    const GAP: f32 = 2.0;
    let weeks = 53;
    let size = egui::vec2(weeks as f32 * (CELL + GAP), 7.0 * (CELL + GAP));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
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
    let empty = ui.visuals().faint_bg_color;
    let full = Color32::from_rgb(40, 150, 70);
    let mut hovered = None;
    for week in 0..weeks {
        for weekday in 0..7u64 {
            let day = first_monday + Days::new(week * 7 + weekday);
            if day > stats.today {
                continue;
            }
            let count = stats.reviews_per_day.get(&day).map_or(0, |r| r.total());
            let color = if count == 0 {
                empty
            } else {
                let strength = 0.25 + 0.75 * count as f32 / busiest as f32;
                empty.lerp_to_gamma(full, strength)
            };
            let min =
                rect.min + egui::vec2(week as f32 * (CELL + GAP), weekday as f32 * (CELL + GAP));
            let cell = egui::Rect::from_min_size(min, egui::vec2(CELL, CELL));
            painter.rect_filled(cell, 2.0, color);
            if response.hover_pos().is_some_and(|pos| cell.contains(pos)) {
                hovered = Some((day, count));
            }
        }
    }
    if let Some((day, count)) = hovered {
        response.on_hover_text(format!("{day}: {count}"));
    }
}

fn progress_tables(ui: &mut egui::Ui, text: &Strings, lang: Lang, stats: &Stats) {
    let row = |ui: &mut egui::Ui, name: String, counts: &StateCounts| {
        ui.label(name);
        ui.label(counts.new.to_string());
        ui.label(counts.learning.to_string());
        ui.label((counts.review + counts.relearning).to_string());
        ui.label(format!("{:.0}%", counts.mastery() * 100.0));
        ui.end_row();
    };
    let header = |ui: &mut egui::Ui, first: &str| {
        for title in [first, text.new, text.learning, text.due, text.mastered] {
            ui.label(RichText::new(title).strong());
        }
        ui.end_row();
    };
    ui.strong(text.by_role);
    egui::Grid::new("per_role").striped(true).show(ui, |ui| {
        header(ui, text.role);
        for (role, counts) in &stats.counts_per_role {
            row(ui, role::label(role, lang).to_string(), counts);
        }
    });
    ui.add_space(8.0);
    ui.strong(text.by_deck);
    egui::Grid::new("per_deck").striped(true).show(ui, |ui| {
        header(ui, text.decks);
        for (deck, counts) in &stats.counts_per_deck {
            row(ui, deck.clone(), counts);
        }
    });
}
