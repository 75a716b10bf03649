//! Headless commands. `main` hands every command line that names one of these to [`run`];
//! anything else opens the app.

mod debug;
mod decks;
mod export;
mod progress;

use crate::core::paths::DataDir;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options every command accepts.
#[derive(Debug, Clone, Default)]
pub struct GlobalOptions {
    /// `--data-dir DIR`; overrides `MENSETSU_DATA_DIR` and the platform default.
    pub data_dir: Option<PathBuf>,
}

impl GlobalOptions {
    pub fn data_dir(&self) -> Result<DataDir, String> {
        DataDir::resolve(self.data_dir.clone(), std::env::var_os("MENSETSU_DATA_DIR"))
            .map_err(|error| error.to_string())
    }
}

pub const USAGE: &str = "\
usage:
  mensetsu [--data-dir DIR]                      open the app
  mensetsu import <FILE> [--out <PATH>]          turn a role guide into a deck
  mensetsu check [PATH...]                       validate deck files (all decks when none given)
  mensetsu cards [--json]                        every card with its scheduling state
  mensetsu stats [--json]                        review counts, retention, upcoming load
  mensetsu export --anki <DECK> -o <FILE>        a deck as a text file for Anki (-o - for stdout)
  mensetsu export --reviews -o <FILE>            the review log as CSV for the FSRS tools

Every command takes --data-dir DIR (or the MENSETSU_DATA_DIR environment variable).";

/// Splits `--data-dir` off the arguments; returns the remaining ones.
pub fn split_global_options(args: Vec<OsString>) -> Result<(GlobalOptions, Vec<OsString>), String> {
    let mut options = GlobalOptions::default();
    let mut rest = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            let dir = args
                .next()
                .ok_or_else(|| "--data-dir needs a folder".to_string())?;
            options.data_dir = Some(PathBuf::from(dir));
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            options.data_dir = Some(PathBuf::from(dir));
        } else {
            rest.push(arg);
        }
    }
    Ok((options, rest))
}

/// Runs a headless command. `args` excludes the program name and the global options;
/// `None` means the arguments name no command and the app should open.
pub fn run(options: &GlobalOptions, args: &[OsString]) -> Option<ExitCode> {
    let command = args.first()?.to_str()?.to_string();
    let rest = &args[1..];
    let code = match command.as_str() {
        "import" => decks::import(options, rest),
        "check" => decks::check(options, rest),
        "cards" => progress::cards(options, rest),
        "stats" => progress::stats(options, rest),
        "export" => export::export(options, rest),
        // Hidden: for the crash tests only (see src/cli/debug.rs), so not in USAGE.
        "debug-answer-loop" => debug::answer_loop(options, rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("mensetsu: unknown command `{other}`\n{USAGE}");
            ExitCode::from(2)
        }
    };
    Some(code)
}
