//! Headless commands, one file per command with its arguments beside what it does. `main`
//! parses the command line with [`parse`]; a command line without a command opens the app.

mod cards;
mod check;
mod completions;
mod conflicts;
mod coverage;
mod export;
mod import;
mod interview;
mod mark;
mod optimize;
mod readiness;
mod search;
mod simulate;
mod speech;
mod stats;
mod stories;

use crate::core::collection::Collection;
use crate::core::content::deck::Lang;
use crate::core::paths::{self, DataDir};
use crate::core::review::store::{Store, StoreError};
use crate::ui::strings::{self, Strings};
use chrono::Local;
use clap::{CommandFactory, Parser, Subcommand};
use serde::Serialize;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// Spaced-repetition practice for engineering-leadership interviews (VPoE, Head of
/// Engineering, CTO). Without a command, opens the app.
#[derive(Debug, Parser)]
#[command(name = "mensetsu", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GlobalOptions {
    /// The data folder: review logs, settings, your decks [default: $MENSETSU_DATA_DIR,
    /// then the platform's data folder, e.g. ~/.local/share/mensetsu]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl GlobalOptions {
    /// `--data-dir` wins over `MENSETSU_DATA_DIR`, which wins over the platform default.
    pub fn data_dir(&self) -> Result<DataDir, String> {
        DataDir::resolve(self.data_dir.clone(), std::env::var_os("MENSETSU_DATA_DIR"))
            .map_err(|error| error.to_string())
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Import(import::ImportArgs),
    Check(check::CheckArgs),
    Cards(cards::CardsArgs),
    Stats(stats::StatsArgs),
    Export(export::ExportArgs),
    Coverage(coverage::CoverageArgs),
    Search(search::SearchArgs),
    /// Take cards out of every queue until they are unsuspended
    Suspend(mark::CardsArgs),
    /// Bring suspended cards back into the queues
    Unsuspend(mark::CardsArgs),
    /// Take cards out of the queues until the next study day
    Bury(mark::CardsArgs),
    /// Bring buried cards back into today's queues
    Unbury(mark::CardsArgs),
    /// Flag a card (Anki's colors)
    Flag(mark::FlagArgs),
    Stories(stories::StoriesArgs),
    Interview(interview::InterviewArgs),
    Readiness(readiness::ReadinessArgs),
    Simulate(simulate::SimulateArgs),
    Optimize(optimize::OptimizeArgs),
    Conflicts(conflicts::ConflictsArgs),
    Speech(speech::SpeechArgs),
    Completions(completions::CompletionsArgs),
}

/// Parses a whole command line (program name first). `Err` carries the exit code after
/// help, the version or a usage error has been printed: 0 for the first two, 2 for a
/// command line that makes no sense.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = args.into_iter().collect();
    Cli::try_parse_from(&args).map_err(|error| {
        let code = u8::try_from(error.exit_code()).unwrap_or(2);
        if error.use_stderr() {
            // Every message mensetsu prints is in lower case, GNU style; clap's
            // "Usage:" heading is the one exception it would make.
            let mut rendered = error.render().to_string().replace("\nUsage: ", "\nusage: ");
            // Some errors (a missing option value) come without the usage line; a user
            // who mistyped needs it most.
            if !rendered.contains("\nusage: ") {
                let usage = format!("\nusage: {}\n", usage_of(&args));
                let at = rendered
                    .find("\nFor more information")
                    .unwrap_or(rendered.len());
                rendered.insert_str(at, &usage);
            }
            eprint!("{rendered}");
        } else {
            // Help and version go to stdout, as clap prints them.
            let _ = error.print();
        }
        ExitCode::from(code)
    })
}

/// The usage line of the command `args` names (or of mensetsu itself), without clap's
/// "Usage: " heading.
fn usage_of(args: &[OsString]) -> String {
    let mut command = Cli::command();
    command.build();
    let named = args
        .iter()
        .skip(1)
        .filter_map(|arg| arg.to_str())
        .find_map(|arg| command.find_subcommand(arg).cloned());
    let usage = match named {
        Some(mut subcommand) => subcommand.render_usage(),
        None => command.render_usage(),
    };
    let usage = usage.to_string();
    usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string()
}

pub use coverage::answer_lines as coverage_answer_lines;

/// Runs a headless command.
///
/// With `MENSETSU_TIMINGS` set, first reads and parses the data folder's logs alone and
/// prints how long that took and how long the command took after it, to stderr: the
/// yardstick of BENCHMARKS.md ("Scale"), measured in the same run as the command.
pub fn run(command: Command, options: &GlobalOptions) -> ExitCode {
    end_quietly_when_the_reader_leaves();
    let timings = std::env::var_os("MENSETSU_TIMINGS").is_some();
    if timings && let Ok(dir) = options.data_dir() {
        let started = std::time::Instant::now();
        let log = crate::core::review::store::read_all_logs(&dir.reviews_dir());
        eprintln!(
            "timings: read and parse {} records: {:.1} ms",
            log.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    let started = std::time::Instant::now();
    let code = run_command(command, options);
    if timings {
        eprintln!(
            "timings: the command: {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    code
}

fn run_command(command: Command, options: &GlobalOptions) -> ExitCode {
    match command {
        Command::Import(args) => import::run(options, &args),
        Command::Check(args) => check::run(options, &args),
        Command::Cards(args) => cards::run(options, &args),
        Command::Stats(args) => stats::run(options, &args),
        Command::Export(args) => export::run(options, &args),
        Command::Coverage(args) => coverage::run(options, &args),
        Command::Search(args) => search::run(options, &args),
        Command::Suspend(args) => mark::run(options, &args, mark::Change::Suspend),
        Command::Unsuspend(args) => mark::run(options, &args, mark::Change::Unsuspend),
        Command::Bury(args) => mark::run(options, &args, mark::Change::Bury),
        Command::Unbury(args) => mark::run(options, &args, mark::Change::Unbury),
        Command::Flag(args) => mark::run_flag(options, &args),
        Command::Stories(args) => stories::run(options, &args),
        Command::Interview(args) => interview::run(options, &args),
        Command::Readiness(args) => readiness::run(options, &args),
        Command::Simulate(args) => simulate::run(options, &args),
        Command::Optimize(args) => optimize::run(options, &args),
        Command::Conflicts(args) => conflicts::run(options, &args),
        Command::Speech(args) => speech::run(&args),
        Command::Completions(args) => completions::run(&mut Cli::command(), &args),
    }
}

/// The language of the user's locale (`LC_ALL`, `LC_MESSAGES`, then `LANG`), for the app's
/// labels and the card language until the user chooses.
pub fn system_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    Lang::from_locale(&locale)
}

/// The words problems and search errors are printed in: Japanese when the locale is
/// Japanese (as [`system_lang`] reads it), English otherwise. The rest of the commands'
/// output stays English, for scripts.
pub fn words() -> &'static Strings {
    strings::strings(system_lang())
}

/// Opens the data folder for writing, as this device. The device id lives in the
/// per-machine config folder, never in the (maybe synced) data folder;
/// `MENSETSU_DEVICE_ID` overrides it for tests and scripted setups.
pub fn open_store(data_dir: &DataDir) -> Result<Store, StoreError> {
    let device_id = std::env::var("MENSETSU_DEVICE_ID")
        .ok()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(local_device_id);
    let store = Store::open(data_dir.clone(), &device_id)?;
    if let Some(notice) = store.made_private() {
        eprintln!("mensetsu: {notice}");
    }
    Ok(store)
}

fn local_device_id() -> String {
    let host = std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    let candidate = paths::make_device_id(host.trim(), rand::random());
    let Some(dirs) = directories::ProjectDirs::from("", "", "mensetsu") else {
        return candidate;
    };
    paths::load_or_create_device_id(&dirs.config_local_dir().join("device-id"), &candidate)
        .unwrap_or(candidate)
}

/// Opens the data folder for a command that writes to it: the store (refused while the
/// app or another command has the folder) and the collection loaded as the app loads it.
fn open_for_writing(
    options: &GlobalOptions,
    command: &str,
) -> Result<(Collection, Store), ExitCode> {
    let dir = options.data_dir().map_err(|message| {
        eprintln!("mensetsu {command}: {message}");
        ExitCode::FAILURE
    })?;
    let store = open_store(&dir).map_err(|error| {
        eprintln!("mensetsu {command}: {error}");
        ExitCode::FAILURE
    })?;
    let collection = Collection::load_at(dir, Local::now().fixed_offset());
    for problem in collection.problems() {
        eprintln!("warning: {}", words().problem(&problem));
    }
    Ok((collection, store))
}

/// Loads the data folder for a read-only command, which changes no byte of it (a damaged
/// settings file is only reported; the app that owns the folder sets it aside). Problems
/// go to stderr, so `--json` output on stdout stays parseable.
fn open_collection(options: &GlobalOptions, command: &str) -> Result<Collection, ExitCode> {
    let dir = options.data_dir().map_err(|message| {
        eprintln!("mensetsu {command}: {message}");
        ExitCode::FAILURE
    })?;
    let collection = Collection::load_read_only(dir, Local::now().fixed_offset());
    for problem in collection.problems() {
        eprintln!("warning: {}", words().problem(&problem));
    }
    Ok(collection)
}

/// Every deck id in `ids` names a loaded deck; the first that does not is reported as
/// `mensetsu <command>: there is no deck …`.
fn known_decks(collection: &Collection, ids: &[String], command: &str) -> Result<(), ExitCode> {
    let loaded = &collection.decks().decks;
    match ids
        .iter()
        .find(|id| collection.decks().find_deck(id).is_none())
    {
        Some(id) => {
            let known: Vec<&str> = loaded.iter().map(|deck| deck.deck.id.as_str()).collect();
            eprintln!(
                "mensetsu {command}: there is no deck `{id}`; the decks are {}",
                known.join(", ")
            );
            Err(ExitCode::FAILURE)
        }
        None => Ok(()),
    }
}

/// Prints `value` as pretty JSON, written out as it is encoded: `cards --json` over
/// 100,000 cards built 90 MB of text before printing a byte of it.
fn print_json<T: Serialize + ?Sized>(value: &T) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(|error| error.to_string())
        .and_then(|()| {
            out.write_all(b"\n")
                .and_then(|()| out.flush())
                .map_err(|error| error.to_string())
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mensetsu: cannot write the output as JSON: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A list serialized from an iterator as it goes, so that it is never held whole.
struct JsonList<I>(std::cell::Cell<Option<I>>);

impl<I> JsonList<I> {
    fn new(items: I) -> Self {
        Self(std::cell::Cell::new(Some(items)))
    }
}

impl<I> Serialize for JsonList<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Taken once: serde serializes a value once.
        match self.0.take() {
            Some(items) => serializer.collect_seq(items),
            None => serializer.collect_seq(std::iter::empty::<I::Item>()),
        }
    }
}

/// "1 deck", "3 decks".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// `mensetsu search is:new | head -1`: once `head` has its line and leaves, the next write
/// to the pipe fails, and Rust's `println!` panics on that ("failed printing to stdout",
/// exit 101). Unix tools end quietly instead, killed by SIGPIPE; Rust ignores that signal
/// at start, so a command puts the default back. Only the commands: the window keeps
/// ignoring it, so a closed terminal never takes unsaved work with it.
fn end_quietly_when_the_reader_leaves() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default touches no Rust state; it
    // runs before the command starts any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(list: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("mensetsu").chain(list.iter().copied()))
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn data_dir_goes_anywhere_and_no_command_opens_the_app() {
        let cli = parse_args(&["cards", "--data-dir", "/d", "--json"]).unwrap();
        assert_eq!(cli.global.data_dir, Some(PathBuf::from("/d")));
        let cli = parse_args(&["--data-dir=/e"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.global.data_dir, Some(PathBuf::from("/e")));
    }

    #[test]
    fn counted_nouns() {
        assert_eq!(plural(1, "deck"), "1 deck");
        assert_eq!(plural(0, "problem"), "0 problems");
        assert_eq!(plural(3, "answer point"), "3 answer points");
    }
}
