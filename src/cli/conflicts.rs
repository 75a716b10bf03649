//! `mensetsu conflicts`: the files a sync tool kept two versions of, and choosing between
//! them (README, "Damaged files, crashes, two computers").

use super::{GlobalOptions, open_store, print_json};
use crate::core::paths::DataDir;
use crate::core::sync::conflicts::{self, Conflict, FileKind};
use crate::core::sync::resolve::{self, DeckChoice, Outcome, ResolveError, Side, Versions};
use chrono::Local;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

/// Files changed on two computers between syncs (decks, settings): list them, or choose
/// which version to keep
#[derive(Debug, clap::Args)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    action: Option<ConflictsAction>,
    /// A JSON list of objects: kind, file, other, tool
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum ConflictsAction {
    /// Keep one version, or merge a deck; the other version is moved into
    /// conflicts/resolved/ (and a file replaced is kept there first)
    Resolve {
        /// The file, or the sync tool's other version of it
        file: PathBuf,
        /// this: the file under its own name; other: the sync tool's copy; merge (decks):
        /// every card of both, the newer file's text where a card differs
        #[arg(long, value_enum)]
        keep: Option<Keep>,
        /// For settings: take this setting from the other version (repeat for several);
        /// the others stay as they are
        #[arg(long = "take-other", value_name = "SETTING")]
        take_other: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Keep {
    #[value(alias = "mine")]
    This,
    #[value(alias = "theirs")]
    Other,
    Merge,
}

#[derive(Serialize)]
struct Row<'a> {
    kind: &'static str,
    file: &'a Path,
    other: &'a Path,
    tool: &'static str,
}

pub fn run(options: &GlobalOptions, args: &ConflictsArgs) -> ExitCode {
    let dir = match options.data_dir() {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("mensetsu conflicts: {message}");
            return ExitCode::FAILURE;
        }
    };
    match &args.action {
        None => list(&dir, args.json),
        Some(ConflictsAction::Resolve {
            file,
            keep,
            take_other,
        }) => resolve_one(&dir, file, *keep, take_other),
    }
}

fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Deck => "deck",
        FileKind::Settings => "settings",
        FileKind::Drafts => "drafts",
        FileKind::ReviewLog => "review-log",
    }
}

fn list(dir: &DataDir, json: bool) -> ExitCode {
    let found = conflicts::find(dir);
    if json {
        let rows: Vec<Row> = found
            .iter()
            .map(|conflict| Row {
                kind: kind_name(conflict.kind),
                file: &conflict.original,
                other: &conflict.copy,
                tool: conflict.tool.name(),
            })
            .collect();
        return print_json(&rows);
    }
    if found.is_empty() {
        println!("no file was changed on two computers");
    }
    for problem in conflicts::problems_of(&found) {
        println!("{}", super::words().problem(&problem));
    }
    ExitCode::SUCCESS
}

fn resolve_one(dir: &DataDir, file: &Path, keep: Option<Keep>, take_other: &[String]) -> ExitCode {
    let fail = |message: String| {
        eprintln!("mensetsu conflicts resolve: {message}");
        ExitCode::FAILURE
    };
    let found = conflicts::find(dir);
    let wanted = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let same = |path: &Path| std::path::absolute(path).is_ok_and(|path| path == wanted);
    let matching: Vec<&Conflict> = found
        .iter()
        .filter(|conflict| same(&conflict.copy) || same(&conflict.original))
        .collect();
    let conflict = match matching.as_slice() {
        [] => {
            return fail(format!(
                "{} has no other version to choose from",
                file.display()
            ));
        }
        [one] => *one,
        [first, ..] if same(&first.copy) => *first,
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|conflict| conflict.copy.display().to_string())
                .collect();
            return fail(format!(
                "{} has {} other versions; name the one to resolve first: {}",
                file.display(),
                several.len(),
                names.join(", ")
            ));
        }
    };
    // The app may hold the settings in memory and write them back: resolve only while
    // no window has the folder.
    let _store = match open_store(dir) {
        Ok(store) => store,
        Err(error) => return fail(error.to_string()),
    };
    let outcome = match outcome(conflict, keep, take_other) {
        Ok(outcome) => outcome,
        Err(message) => return fail(message),
    };
    let stamp = Local::now().format("%Y%m%d-%H%M%S").to_string();
    match resolve::carry_out(dir, conflict, &outcome, &stamp) {
        Ok(resolved) => {
            let what = match &outcome {
                Outcome::Unchanged => "kept as it was".to_string(),
                Outcome::Replaced(_) => format!(
                    "replaced (the version before is {})",
                    resolved
                        .replaced_kept_as
                        .as_deref()
                        .unwrap_or(Path::new("?"))
                        .display()
                ),
            };
            println!(
                "{}: {what}; the other version is now {}",
                conflict.original.display(),
                resolved.copy_kept_as.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(error.to_string()),
    }
}

fn outcome(
    conflict: &Conflict,
    keep: Option<Keep>,
    take_other: &[String],
) -> Result<Outcome, String> {
    let text = |error: ResolveError| error.to_string();
    match conflict.kind {
        FileKind::ReviewLog => Err(text(ResolveError::Log {
            path: conflict.original.clone(),
        })),
        FileKind::Deck => {
            let choice = match keep {
                Some(Keep::This) => DeckChoice::Keep(Side::This),
                Some(Keep::Other) => DeckChoice::Keep(Side::Other),
                Some(Keep::Merge) => DeckChoice::Merge,
                None => return Err("say which to keep: --keep this, other or merge".into()),
            };
            if choice == DeckChoice::Keep(Side::This) {
                return Ok(Outcome::Unchanged);
            }
            let versions = Versions::read(conflict).map_err(text)?;
            let other_is_newer = modified(&conflict.copy) > modified(&conflict.original);
            resolve::deck_outcome(conflict, &versions, choice, other_is_newer).map_err(text)
        }
        FileKind::Settings | FileKind::Drafts => {
            let choices = match (keep, take_other.is_empty()) {
                (Some(Keep::Merge), _) | (Some(_), false) | (None, true) => {
                    return Err(
                        "say which to keep: --keep this, --keep other, or --take-other SETTING for each setting to take from the other version"
                            .into(),
                    );
                }
                (Some(Keep::This), true) => return Ok(Outcome::Unchanged),
                (Some(Keep::Other), true) => {
                    let versions = Versions::read(conflict).map_err(text)?;
                    resolve::parse_settings_version(&conflict.copy, &versions.other)
                        .map_err(text)?;
                    return Ok(Outcome::Replaced(versions.other));
                }
                (None, false) => take_other
                    .iter()
                    .map(|field| (field.clone(), Side::Other))
                    .collect::<HashMap<_, _>>(),
            };
            if conflict.kind == FileKind::Drafts {
                return Err("drafts are kept whole: --keep this or --keep other".into());
            }
            let versions = Versions::read(conflict).map_err(text)?;
            let this = resolve::parse_settings_version(&conflict.original, &versions.this)
                .map_err(text)?;
            let other =
                resolve::parse_settings_version(&conflict.copy, &versions.other).map_err(text)?;
            let differing = resolve::setting_pairs(&this, &other);
            if let Some(field) = take_other
                .iter()
                .find(|field| !differing.iter().any(|pair| &pair.field == *field))
            {
                let names: Vec<&str> = differing.iter().map(|pair| pair.field.as_str()).collect();
                return Err(format!(
                    "the two versions do not differ in `{field}`; they differ in {}",
                    names.join(", ")
                ));
            }
            resolve::settings_outcome(conflict, &versions, &choices).map_err(text)
        }
    }
}

/// When a file was last written, for "the newer text" of a merge; a time that cannot be
/// read counts as the oldest.
fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}
