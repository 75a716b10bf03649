//! The look, in one place: one palette with a light and a dark value for every colour, a
//! type scale, spacing, the card surface and the reading column. The README's "Design"
//! section says why each is what it is.

use crate::core::review::scheduler::{Phase, Rating};
use egui::{Color32, CornerRadius, Frame, Margin, Stroke, TextStyle, Ui};

/// Widest a column of reading text gets: about 75 characters of body text, the width
/// typographers give for comfortable reading; wider windows get margins instead.
pub const READING_WIDTH: f32 = 780.0;

/// The type scale, in points (before the user's text size is applied).
pub mod size {
    /// The question: the one thing to read first on the review screen.
    pub const QUESTION: f32 = 24.0;
    pub const HEADING: f32 = 20.0;
    pub const BODY: f32 = 16.0;
    pub const BUTTON: f32 = 15.0;
    pub const SMALL: f32 = 13.0;
    /// Big numbers: what is due today.
    pub const FIGURE: f32 = 30.0;
}

/// Spacing steps, in points.
pub mod space {
    pub const S: f32 = 6.0;
    pub const M: f32 = 12.0;
    pub const L: f32 = 20.0;
}

/// A colour with its value on a light and on a dark background, chosen so both reach a
/// contrast of at least 4.5:1 against the card surface of their theme.
#[derive(Debug, Clone, Copy)]
pub struct Tone {
    pub light: Color32,
    pub dark: Color32,
}

impl Tone {
    const fn new(light: [u8; 3], dark: [u8; 3]) -> Self {
        Self {
            light: Color32::from_rgb(light[0], light[1], light[2]),
            dark: Color32::from_rgb(dark[0], dark[1], dark[2]),
        }
    }

    /// The value for the theme `ui` is drawn in.
    pub fn on(self, ui: &Ui) -> Color32 {
        if ui.visuals().dark_mode {
            self.dark
        } else {
            self.light
        }
    }
}

/// The palette. New, learning and due cards are blue, orange and green everywhere (the
/// colours Anki users know); the grades go from red (Again) to blue (Easy).
pub mod tone {
    use super::Tone;

    pub const NEW: Tone = Tone::new([29, 95, 205], [110, 168, 255]);
    pub const LEARNING: Tone = Tone::new([190, 80, 10], [255, 160, 100]);
    pub const DUE: Tone = Tone::new([20, 125, 60], [95, 210, 130]);
    pub const AGAIN: Tone = Tone::new([196, 40, 40], [255, 120, 120]);
    pub const HARD: Tone = Tone::new([160, 100, 0], [250, 196, 70]);
    pub const GOOD: Tone = Tone::new([20, 125, 60], [95, 210, 130]);
    pub const EASY: Tone = Tone::new([29, 95, 205], [110, 168, 255]);
    /// Buttons that start something, the selected tab.
    pub const ACCENT: Tone = Tone::new([67, 56, 202], [150, 150, 255]);
    /// Text that must be read: the question, figures.
    pub const STRONG_TEXT: Tone = Tone::new([17, 24, 39], [240, 242, 246]);
    /// Secondary text: hints, the second language, labels of fields.
    pub const MUTED_TEXT: Tone = Tone::new([90, 98, 112], [165, 172, 184]);
    pub const CARD: Tone = Tone::new([255, 255, 255], [36, 38, 43]);
    /// Text fields: set off from the card they sit on.
    pub const FIELD: Tone = Tone::new([247, 248, 250], [26, 28, 32]);
    /// Body text: darker than the muted tone in light, brighter in dark.
    pub const TEXT: Tone = Tone::new([33, 38, 48], [222, 225, 232]);
    /// The edge of a control that is not yet used (an unticked checkbox).
    pub const CONTROL_EDGE: Tone = Tone::new([150, 158, 172], [115, 121, 133]);
    /// Every other row of a table.
    pub const STRIPE: Tone = Tone::new([243, 245, 248], [42, 44, 50]);
    pub const CARD_EDGE: Tone = Tone::new([222, 226, 233], [62, 66, 75]);
    pub const BACKGROUND: Tone = Tone::new([244, 245, 248], [24, 25, 29]);
    pub const WARNING: Tone = Tone::new([150, 80, 0], [255, 190, 90]);
    pub const WARNING_FILL: Tone = Tone::new([255, 243, 214], [70, 52, 20]);
}

/// The smallest window at text size 1, in screen pixels (logical): what the layout is
/// made for.
pub const MIN_WINDOW: egui::Vec2 = egui::vec2(560.0, 420.0);

/// The smallest layout the size tests check, in points: 800×560 at text size 1.6, what an
/// 800×600 screen leaves under a title bar.
const SMALLEST_CHECKED_LAYOUT: egui::Vec2 = egui::vec2(500.0, 350.0);

/// Sets the text size. egui counts the window's minimum in points, so a larger text would
/// also raise the smallest window (at 1.6, to 896×672: more than an 800×600 screen
/// holds); the minimum is lowered to keep it near the same on screen, never below the
/// smallest layout the tests check.
pub fn set_text_scale(ctx: &egui::Context, scale: f32) {
    // The new zoom applies from the next pass, but the integration turns this pass's
    // command into pixels at the zoom of this one: the minimum is given in this pass's
    // points (after a run at 1.6, a start at 1.0 otherwise made the window 896×672).
    let zoom_now = ctx.zoom_factor().max(0.1);
    ctx.set_zoom_factor(scale);
    ctx.send_viewport_cmd(egui::ViewportCommand::MinInnerSize(
        min_window_points(scale) * (scale / zoom_now),
    ));
}

/// The window's minimum in points at a text size, sent with the text size. The window is
/// made with none: eframe turns a minimum in points into pixels at the zoom of the last
/// run, so one made for this run's text size was too large after a change of it (560×420
/// points for text 1.0 opened at 896×672 pixels after a run at 1.6, beyond an 800×600
/// screen).
pub fn min_window_points(scale: f32) -> egui::Vec2 {
    (MIN_WINDOW / scale.max(0.1)).max(SMALLEST_CHECKED_LAYOUT.min(MIN_WINDOW))
}

pub fn rating_tone(rating: Rating) -> Tone {
    match rating {
        Rating::Again => tone::AGAIN,
        Rating::Hard => tone::HARD,
        Rating::Good => tone::GOOD,
        Rating::Easy => tone::EASY,
    }
}

/// The colour of a card's state: new, learning (and relearning), review.
pub fn phase_tone(phase: Phase) -> Tone {
    match phase {
        Phase::New => tone::NEW,
        Phase::Learning | Phase::Relearning => tone::LEARNING,
        Phase::Review => tone::DUE,
    }
}

/// Sets the type scale, spacing and colours for both themes.
pub fn install(ctx: &egui::Context) {
    for (theme, dark) in [(egui::Theme::Light, false), (egui::Theme::Dark, true)] {
        ctx.style_mut_of(theme, |style| {
            use egui::FontFamily::{Monospace, Proportional};
            use egui::FontId;
            style.text_styles = [
                (TextStyle::Heading, FontId::new(size::HEADING, Proportional)),
                (TextStyle::Body, FontId::new(size::BODY, Proportional)),
                (TextStyle::Button, FontId::new(size::BUTTON, Proportional)),
                (TextStyle::Small, FontId::new(size::SMALL, Proportional)),
                (
                    TextStyle::Monospace,
                    FontId::new(size::BODY - 1.0, Monospace),
                ),
            ]
            .into();
            let spacing = &mut style.spacing;
            spacing.item_spacing = egui::vec2(8.0, 8.0);
            spacing.button_padding = egui::vec2(12.0, 5.0);
            spacing.interact_size.y = 26.0;
            // egui's floating bars are invisible until the pointer is over the area: a
            // table or a page cut at the window's edge gave no sign that it scrolls. The
            // handle stays faintly in view; the layout is the same (bars still float).
            spacing.scroll = egui::style::ScrollStyle {
                dormant_handle_opacity: 0.45,
                ..egui::style::ScrollStyle::floating()
            };
            let pick = |tone: Tone| if dark { tone.dark } else { tone.light };
            let visuals = &mut style.visuals;
            visuals.panel_fill = pick(tone::BACKGROUND);
            visuals.window_fill = pick(tone::CARD);
            visuals.extreme_bg_color = pick(tone::FIELD);
            visuals.faint_bg_color = pick(tone::STRIPE);
            visuals.widgets.noninteractive.fg_stroke.color = pick(tone::TEXT);
            visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, pick(tone::CONTROL_EDGE));
            visuals.selection.bg_fill = pick(tone::ACCENT).gamma_multiply(0.35);
            visuals.selection.stroke = Stroke::new(1.0, pick(tone::ACCENT));
            visuals.hyperlink_color = pick(tone::ACCENT);
            visuals.warn_fg_color = pick(tone::WARNING);
            let radius = CornerRadius::same(6);
            for widget in [
                &mut visuals.widgets.inactive,
                &mut visuals.widgets.hovered,
                &mut visuals.widgets.active,
                &mut visuals.widgets.open,
                &mut visuals.widgets.noninteractive,
            ] {
                widget.corner_radius = radius;
            }
        });
    }
}

/// The surface a question or a group of answer points sits on.
pub fn card(ui: &Ui) -> Frame {
    Frame::new()
        .fill(tone::CARD.on(ui))
        .stroke(Stroke::new(1.0, tone::CARD_EDGE.on(ui)))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::same(18))
}

/// Room to leave on each side of a page's content for the scroll bar, which floats over
/// the content at the window's right edge.
pub fn scroll_gutter(ui: &Ui) -> f32 {
    let scroll = &ui.spacing().scroll;
    scroll.bar_width + scroll.bar_outer_margin + space::S
}

/// Draws `add` in a column at most `max_width` wide, centred in the space left, clear of
/// the scroll bar (on a narrow window a right-aligned button sat under it).
pub fn column<R>(ui: &mut Ui, max_width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let gutter = scroll_gutter(ui);
    let available = ui.available_rect_before_wrap();
    let width = (available.width() - 2.0 * gutter).min(max_width).max(0.0);
    let left = available.center().x - width / 2.0;
    let rect = egui::Rect::from_min_size(
        egui::pos2(left, available.top()),
        egui::vec2(width, available.height()),
    );
    let builder = egui::UiBuilder::new()
        .max_rect(rect)
        .layout(egui::Layout::top_down(egui::Align::Min));
    ui.scope_builder(builder, add).inner
}

/// How wide `text` is on one line in `font`, for a layout that must know before drawing
/// whether something fits.
pub fn text_width(ui: &Ui, text: &str, font: egui::FontId) -> f32 {
    ui.fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_string(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// Room a tooltip's frame takes beside its text (margins, border, shadow), in points.
const TOOLTIP_FRAME: f32 = 32.0;

/// egui's tooltips are 500 points wide: at text size 1.6 an 800-pixel window is 500
/// points, and a long tooltip's frame fell off the window's right edge. They are kept a
/// frame narrower than the window.
pub fn fit_tooltips(ctx: &egui::Context) {
    let room = (ctx.content_rect().width() - TOOLTIP_FRAME).clamp(120.0, 500.0);
    if (ctx.global_style().spacing.tooltip_width - room).abs() > 0.5 {
        ctx.all_styles_mut(|style| style.spacing.tooltip_width = room);
    }
}

/// A small label above a field or a section, in the muted colour.
pub fn caption(ui: &mut Ui, text: &str) -> egui::Response {
    let color = tone::MUTED_TEXT.on(ui);
    crate::ui::kinsoku::paragraph(ui, egui::RichText::new(text).size(size::SMALL).color(color))
}
