use mensetsu::cli;
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::ui::ime::ImeGuard;
use mensetsu::ui::{MensetsuApp, SystemClock};
use raw_window_handle::{HasDisplayHandle, RawDisplayHandle};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// With this set to `1` the app reports when its first frame was on screen and closes
/// (`benches/startup.sh`, BENCHMARKS.md).
const EXIT_AFTER_FIRST_FRAME: &str = "MENSETSU_EXIT_AFTER_FIRST_FRAME";

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = match cli::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Some(command) = cli.command {
        return cli::run(command, &cli.global);
    }
    let data_dir = match cli.global.data_dir() {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("mensetsu: {message}");
            return ExitCode::FAILURE;
        }
    };
    match run_app(data_dir, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mensetsu: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_app(data_dir: DataDir, started: Instant) -> Result<(), String> {
    let now = chrono::Local::now();
    // The store first: a window that cannot have the data folder (another window has it)
    // loads it read-only and writes nothing at all, not even a repair.
    let store = cli::open_store(&data_dir).map_err(|error| error.to_string());
    let collection = match &store {
        Ok(_) => Collection::load_at(data_dir.clone(), now.fixed_offset()),
        Err(_) => Collection::load_read_only(data_dir.clone(), now.fixed_offset()),
    };
    for problem in collection.problems() {
        eprintln!("warning: {problem}");
    }
    if let Ok(store) = &store
        && let Err(error) = store.backup_daily(now.date_naive())
    {
        eprintln!("warning: daily backup failed: {error}");
    }
    let system_lang = cli::system_lang();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("mensetsu 面接")
            .with_inner_size([980.0, 760.0])
            .with_min_inner_size([560.0, 420.0])
            .with_app_id("mensetsu"),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "mensetsu",
        options,
        Box::new(move |creation| {
            MensetsuApp::install_fonts(&creation.egui_ctx);
            ImeGuard::install(&creation.egui_ctx, on_x11(creation));
            let app = MensetsuApp::new(collection, store, Box::new(SystemClock), system_lang);
            if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some_and(|value| value == "1") {
                Ok(Box::new(FirstFrameProbe {
                    app,
                    started,
                    frames: 0,
                    ui_ms: 0.0,
                }))
            } else {
                Ok(Box::new(app))
            }
        }),
    )
    .map_err(|error| format!("cannot open the window: {error}"))
}

/// The app, timed: after the first frame is drawn and painted, prints to stdout
///
/// `first-frame ui_ms=… painted_ms=… painted_unix_us=…`
///
/// (`ui_ms`: the first frame's UI pass done, since `main` started; `painted_ms`: the start
/// of the second frame, i.e. after the first was tessellated, painted and its buffers
/// swapped; `painted_unix_us`: the same moment as wall-clock time, so a script can count
/// from the moment it launched the process) and closes the window.
/// Whether winit chose X11, whose XIM takes the caret's top for the text's baseline
/// (see [`ImeGuard::new`]); what winit chose, rather than the environment, decides.
fn on_x11(creation: &eframe::CreationContext<'_>) -> bool {
    creation.display_handle().is_ok_and(|handle| {
        matches!(
            handle.as_raw(),
            RawDisplayHandle::Xlib(_) | RawDisplayHandle::Xcb(_)
        )
    })
}

struct FirstFrameProbe {
    app: MensetsuApp,
    started: Instant,
    frames: u32,
    ui_ms: f64,
}

impl FirstFrameProbe {
    fn since_start_ms(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * 1e3
    }
}

impl eframe::App for FirstFrameProbe {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self.frames == 1 {
            let painted_ms = self.since_start_ms();
            let unix_us = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| since.as_micros());
            println!(
                "first-frame ui_ms={:.1} painted_ms={painted_ms:.1} painted_unix_us={unix_us}",
                self.ui_ms
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if self.frames == 0 {
            self.ui_ms = self.since_start_ms();
            ui.ctx().request_repaint();
        }
        self.frames += 1;
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.save_before_exit();
    }
}
