//! The window while the data folder loads. Loading (decks, every review log, the replay
//! of every answer) runs on a thread of its own, so the first frame is on screen at once
//! however long the history is; until it ends, this screen shows the app's top bar and a
//! card saying what is being loaded, with a progress bar while the answers are replayed.
//! The app takes over at the first frame after loading ends.

use crate::core::content::deck::Lang;
use crate::core::load_progress::{LoadProgress, LoadStage};
use crate::core::review::store::{Store, StoreError};
use crate::core::settings::{Settings, Theme};
use crate::core::study::indexed::IndexedCollection;
use crate::ui::context::Clock;
use crate::ui::{MensetsuApp, strings, theme};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// What the loading thread hands over.
pub struct Loaded {
    pub collection: IndexedCollection,
    /// `Err`: why this window cannot write (see [`MensetsuApp::new`]).
    pub store: Result<Store, StoreError>,
}

enum State {
    Loading(JoinHandle<Loaded>),
    Ready(Box<MensetsuApp>),
    /// The loading thread panicked: nothing to show but that.
    Failed,
}

/// The app as eframe runs it: this screen until loading ends, then [`MensetsuApp`].
pub struct Launch {
    state: State,
    progress: Arc<LoadProgress>,
    /// Taken by the app when it is made.
    clock: Option<Box<dyn Clock>>,
    system_lang: Lang,
    /// From the settings file, read before loading, so this screen already has the
    /// user's language, theme and text size.
    lang: Lang,
    look: (Theme, f32),
    look_applied: bool,
    /// Whether the window has been measured against its screen (once, when the
    /// platform first tells both sizes).
    window_measured: bool,
}

impl Launch {
    /// Starts `load` on a thread of its own. `settings` only choose how this screen looks.
    pub fn start(
        load: impl FnOnce(&LoadProgress) -> Loaded + Send + 'static,
        clock: Box<dyn Clock>,
        system_lang: Lang,
        settings: &Settings,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(LoadProgress::default());
        let shared = Arc::clone(&progress);
        let worker = std::thread::Builder::new()
            .name("mensetsu-load".to_string())
            .spawn(move || load(&shared))?;
        Ok(Self {
            state: State::Loading(worker),
            progress,
            clock: Some(clock),
            system_lang,
            lang: settings.app_language(system_lang),
            look: (settings.theme, settings.text_scale),
            look_applied: false,
            window_measured: false,
        })
    }

    /// Whether loading has ended and the app is drawn.
    pub fn is_loaded(&self) -> bool {
        matches!(self.state, State::Ready(_))
    }

    /// Draws the app, or this screen while loading goes on.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.take_over_when_loaded();
        match &mut self.state {
            State::Ready(app) => app.show(ui),
            State::Loading(_) => {
                self.loading_ui(ui);
                // Nothing else wakes the window while the other thread works.
                ui.ctx().request_repaint_after(Duration::from_millis(50));
            }
            State::Failed => self.failed_ui(ui),
        }
    }

    fn take_over_when_loaded(&mut self) {
        if !matches!(&self.state, State::Loading(worker) if worker.is_finished()) {
            return;
        }
        let State::Loading(worker) = std::mem::replace(&mut self.state, State::Failed) else {
            return;
        };
        let (Ok(loaded), Some(clock)) = (worker.join(), self.clock.take()) else {
            return;
        };
        let app = MensetsuApp::new(loaded.collection, loaded.store, clock, self.system_lang);
        self.state = State::Ready(Box::new(app));
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        if self.look_applied {
            return;
        }
        ctx.set_theme(match self.look.0 {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        theme::set_text_scale(ctx, self.look.1);
        self.look_applied = true;
    }

    /// A first start on a screen smaller than the default window (800×600, or a laptop
    /// at a large text size) would leave the window's bottom, with the grade bar, under
    /// the screen's edge: such a window starts maximized, which the window manager fits
    /// to what the screen has free.
    fn fit_window_to_screen(&mut self, ctx: &egui::Context) {
        if self.window_measured {
            return;
        }
        let fit = ctx.input(|input| window_fit(input.viewport()));
        match fit {
            WindowFit::Unknown => {}
            WindowFit::Fits => self.window_measured = true,
            WindowFit::TooBig => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
                self.window_measured = true;
            }
        }
    }

    fn top_bar(&self, ui: &mut egui::Ui) {
        let bar = egui::Frame::new()
            .fill(theme::tone::CARD.on(ui))
            .inner_margin(egui::Margin::symmetric(12, 6));
        egui::Panel::top("top_bar").frame(bar).show(ui, |ui| {
            ui.label(
                egui::RichText::new(strings::strings(self.lang).app_title)
                    .size(theme::size::HEADING)
                    .color(theme::tone::STRONG_TEXT.on(ui)),
            );
        });
    }

    fn loading_ui(&mut self, ui: &mut egui::Ui) {
        self.apply_look(ui.ctx());
        self.top_bar(ui);
        let text = Text::of(self.lang);
        let stage = self.progress.stage();
        let (replayed, to_replay) = self.progress.replayed();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            theme::column(ui, 640.0, |ui| {
                ui.add_space(theme::space::M);
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        egui::RichText::new(text.loading)
                            .size(theme::size::HEADING)
                            .color(theme::tone::STRONG_TEXT.on(ui)),
                    );
                    ui.add_space(theme::space::S);
                    let (what, fraction) = match stage {
                        LoadStage::Opening => (text.opening.to_string(), None),
                        LoadStage::Decks => (text.decks.to_string(), None),
                        LoadStage::Logs => (text.logs.to_string(), None),
                        LoadStage::Replay | LoadStage::Done => (
                            (text.replay)(replayed, to_replay),
                            Some(replayed as f32 / to_replay.max(1) as f32),
                        ),
                    };
                    ui.horizontal(|ui| {
                        if fraction.is_none() {
                            ui.spinner();
                        }
                        theme::caption(ui, &what);
                    });
                    if let Some(fraction) = fraction {
                        ui.add(egui::ProgressBar::new(fraction).fill(theme::tone::ACCENT.on(ui)));
                    }
                });
            });
        });
    }

    fn failed_ui(&mut self, ui: &mut egui::Ui) {
        self.apply_look(ui.ctx());
        self.top_bar(ui);
        let text = Text::of(self.lang);
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.colored_label(ui.visuals().error_fg_color, text.failed);
        });
    }
}

impl eframe::App for Launch {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.fit_window_to_screen(ctx);
        if let State::Ready(app) = &mut self.state {
            app.handle_close_request(ctx);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let State::Ready(app) = &mut self.state {
            app.save_before_exit();
        }
    }
}

/// Whether the window fits on its screen, as far as the platform has said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WindowFit {
    /// The screen's or the window's size is not known yet (or never, in tests).
    Unknown,
    Fits,
    TooBig,
}

/// Room a window manager's title bar and frame take beyond the window's inside, in
/// points, while it has not said yet (the first frames under X11 have the frame's size
/// equal to the inside's).
const FRAME_ALLOWANCE: f32 = 24.0;

fn window_fit(viewport: &egui::ViewportInfo) -> WindowFit {
    let (Some(monitor), Some(inner)) = (viewport.monitor_size, viewport.inner_rect) else {
        return WindowFit::Unknown;
    };
    if viewport.maximized == Some(true) || viewport.fullscreen == Some(true) {
        return WindowFit::Fits;
    }
    let framed = viewport
        .outer_rect
        .map_or(inner.size(), |outer| outer.size());
    let frame = egui::vec2(
        (framed.x - inner.width()).max(0.0),
        (framed.y - inner.height()).max(FRAME_ALLOWANCE),
    );
    let needs = inner.size() + frame;
    if needs.x > monitor.x || needs.y > monitor.y {
        WindowFit::TooBig
    } else {
        WindowFit::Fits
    }
}

/// This screen's words; few enough to keep here rather than in every language's
/// [`strings::Strings`].
struct Text {
    loading: &'static str,
    opening: &'static str,
    decks: &'static str,
    logs: &'static str,
    replay: fn(u64, u64) -> String,
    failed: &'static str,
}

impl Text {
    fn of(lang: Lang) -> Self {
        match lang {
            Lang::Ja => Self {
                loading: "学習記録を読み込んでいます…",
                opening: "データフォルダーを開いています",
                decks: "デッキを読み込み中",
                logs: "復習ログを読み込み中",
                replay: |done, total| {
                    format!(
                        "回答を再計算中：{} / {} 件",
                        thousands(done),
                        thousands(total)
                    )
                },
                failed: "内部エラーのため、データフォルダーを読み込めませんでした。\
                         アプリを再起動してください。",
            },
            Lang::En => Self {
                loading: "Loading your study history…",
                opening: "Opening the data folder",
                decks: "Reading the decks",
                logs: "Reading the review logs",
                replay: |done, total| {
                    format!(
                        "Replaying answers: {} of {}",
                        thousands(done),
                        thousands(total)
                    )
                },
                failed: "The data folder could not be loaded (an internal error). \
                         Please restart the app.",
            },
        }
    }
}

/// 1234567 as "1,234,567".
fn thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{WindowFit, thousands, window_fit};

    fn viewport(monitor: [f32; 2], inner: [f32; 2], outer: Option<[f32; 2]>) -> egui::ViewportInfo {
        egui::ViewportInfo {
            monitor_size: Some(monitor.into()),
            inner_rect: Some(egui::Rect::from_min_size(
                egui::pos2(0.0, 24.0),
                inner.into(),
            )),
            outer_rect: outer.map(|size| egui::Rect::from_min_size(egui::Pos2::ZERO, size.into())),
            ..Default::default()
        }
    }

    #[test]
    fn a_window_as_big_as_its_screen_is_too_big_once_framed() {
        // eframe clamps the first window to the screen's size: 800×600 inside, so its
        // title bar pushes the bottom off an 800×600 screen.
        let clamped = viewport([800.0, 600.0], [800.0, 600.0], None);
        assert_eq!(window_fit(&clamped), WindowFit::TooBig);
        // The same once the window manager has said how big its frame is.
        let framed = viewport([800.0, 600.0], [800.0, 600.0], Some([800.0, 630.0]));
        assert_eq!(window_fit(&framed), WindowFit::TooBig);
        // The default window on a 1366×768 laptop screen.
        let laptop = viewport([1366.0, 768.0], [980.0, 760.0], None);
        assert_eq!(window_fit(&laptop), WindowFit::TooBig);
    }

    #[test]
    fn a_window_with_room_around_it_fits() {
        let roomy = viewport([1920.0, 1080.0], [980.0, 760.0], Some([980.0, 790.0]));
        assert_eq!(window_fit(&roomy), WindowFit::Fits);
        // Text size 1.6 on 1920×1080 is 1200×675 points: the default window still fits.
        let large_text = viewport([1200.0, 675.0], [612.5, 475.0], None);
        assert_eq!(window_fit(&large_text), WindowFit::Fits);
    }

    #[test]
    fn a_maximized_window_or_an_unknown_screen_is_left_alone() {
        let mut maximized = viewport([800.0, 600.0], [800.0, 570.0], None);
        maximized.maximized = Some(true);
        assert_eq!(window_fit(&maximized), WindowFit::Fits);
        let unknown = egui::ViewportInfo::default();
        assert_eq!(window_fit(&unknown), WindowFit::Unknown);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
