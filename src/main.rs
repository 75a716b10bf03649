use mensetsu::cli;
use mensetsu::core::collection::Collection;
use mensetsu::core::paths::DataDir;
use mensetsu::core::settings;
use mensetsu::core::study::indexed::IndexedCollection;
use mensetsu::ui::ime::ImeGuard;
use mensetsu::ui::loading_screen::Loaded;
use mensetsu::ui::{Launch, MensetsuApp, SystemClock};
use raw_window_handle::{HasDisplayHandle, RawDisplayHandle};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// With this set to `1` the app reports when its first frame was on screen and closes;
/// with `loaded`, when the first frame after loading the data folder was (the decks
/// screen with its counts), and closes then (`benches/startup.sh`, BENCHMARKS.md).
const EXIT_AFTER_FIRST_FRAME: &str = "MENSETSU_EXIT_AFTER_FIRST_FRAME";

/// The app id: the name of the installed `.desktop` file, icon and AppStream metadata
/// (packaging/). Wayland compositors find the window's icon and menu entry through it, and
/// on X11 it becomes the window's `WM_CLASS`, which the `.desktop` file's
/// `StartupWMClass` names, so all of them must stay equal.
const APP_ID: &str = "io.github.mensetsu.Mensetsu";

/// The window icon for X11, whose window managers take it from the window itself rather
/// than from the `.desktop` file.
const ICON_PNG: &[u8] = include_bytes!("../assets/icon/mensetsu-128.png");

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
    let system_lang = cli::system_lang();
    // Only for the look of the loading screen; the collection reads them again.
    let look = settings::read(&data_dir.settings_file()).settings;
    // Opening the store (which reads this device's whole log), loading and the daily
    // backup run beside the window: with a long history they take seconds, and the window
    // should be there at once (BENCHMARKS.md, first frame).
    let load = move |progress: &_| {
        // The store first: a window that cannot have the data folder (another window has
        // it) loads it read-only and writes nothing at all, not even a repair.
        let store = cli::open_store(&data_dir);
        let now = chrono::Local::now();
        let read_only = store.is_err();
        let collection =
            Collection::load_reporting(data_dir, now.fixed_offset(), read_only, progress);
        for problem in collection.problems() {
            eprintln!("warning: {problem}");
        }
        if let Ok(store) = &store
            && let Err(error) = store.backup_daily(now.date_naive())
        {
            eprintln!("warning: daily backup failed: {error}");
        }
        // Here, beside the window, rather than at the window's first use of them.
        let collection = IndexedCollection::built(collection);
        Loaded { collection, store }
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("mensetsu 面接")
        .with_inner_size([980.0, 760.0])
        .with_app_id(APP_ID);
    // A window without its icon still works: never a reason not to start.
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => eprintln!("warning: the window icon cannot be read: {error}"),
    }
    // eframe would name its state folder after the app id; window sizes and places were
    // saved under the earlier id, `mensetsu`, and stay there: in the data folder, whose
    // files are the user's alone.
    let window_state = eframe::storage_dir("mensetsu").map(|dir| dir.join("app.ron"));
    if let Some(file) = &window_state
        && let Err(error) = mensetsu::core::files::keep_file_private(file, b"{}")
    {
        eprintln!("warning: {}: {error}", file.display());
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        persistence_path: window_state,
        ..Default::default()
    };
    eframe::run_native(
        "mensetsu",
        options,
        Box::new(move |creation| {
            MensetsuApp::install_fonts(&creation.egui_ctx);
            ImeGuard::install(&creation.egui_ctx, on_x11(creation));
            let app = Launch::start(load, Box::new(SystemClock), system_lang, &look)?;
            let probe = std::env::var(EXIT_AFTER_FIRST_FRAME).unwrap_or_default();
            if probe == "1" || probe == "loaded" {
                Ok(Box::new(FirstFrameProbe {
                    app,
                    started,
                    wait_for_load: probe == "loaded",
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

/// The app, timed: after the first frame is drawn and painted, prints to stdout
///
/// `first-frame ui_ms=… painted_ms=… painted_unix_us=…`
///
/// (`ui_ms`: the first frame's UI pass done, since `main` started; `painted_ms`: the start
/// of the second frame, i.e. after the first was tessellated, painted and its buffers
/// swapped; `painted_unix_us`: the same moment as wall-clock time, so a script can count
/// from the moment it launched the process) and closes the window. With
/// `wait_for_load`, "first" means the first frame drawn after loading ended, and the line
/// starts `loaded-frame`.
struct FirstFrameProbe {
    app: Launch,
    started: Instant,
    wait_for_load: bool,
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
            let what = if self.wait_for_load {
                "loaded-frame"
            } else {
                "first-frame"
            };
            println!(
                "{what} ui_ms={:.1} painted_ms={painted_ms:.1} painted_unix_us={unix_us}",
                self.ui_ms
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        if self.wait_for_load && !self.app.is_loaded() {
            return;
        }
        if self.frames == 0 {
            self.ui_ms = self.since_start_ms();
            ui.ctx().request_repaint();
        }
        self.frames += 1;
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }
}
