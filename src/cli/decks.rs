//! `import` and `check`: the deck commands. Every message names the file it is about.

use super::GlobalOptions;
use crate::core::deck::{self, DeckSet, Problem};
use crate::core::import::{ImportedGuide, import_guide};
use crate::core::settings::write_atomically;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const IMPORT_USAGE: &str = "usage: mensetsu import <FILE> [--out <PATH>] [--force]
  Turns a role guide into a deck. Without --out the deck goes into the user decks folder
  as <deck id>.json; --out names a file or an existing folder. An existing file is never
  replaced unless --force is given.";

const CHECK_USAGE: &str = "usage: mensetsu check [PATH...]
  Validates deck files; a folder means its *.json files. Without a path: the bundled decks
  and the user decks folder.";

/// Exit code for a command line that does not make sense, as opposed to a command that
/// ran and failed.
const BAD_USAGE: u8 = 2;

#[derive(Debug, PartialEq, Eq)]
struct ImportArgs {
    guide: PathBuf,
    out: Option<PathBuf>,
    force: bool,
}

enum Parsed<T> {
    Run(T),
    Help,
}

pub fn import(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let args = match parse_import_args(args) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            println!("{IMPORT_USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("mensetsu import: {message}\n{IMPORT_USAGE}");
            return ExitCode::from(BAD_USAGE);
        }
    };
    match run_import(options, &args) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("mensetsu import: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_import_args(args: &[OsString]) -> Result<Parsed<ImportArgs>, String> {
    let mut guide = None;
    let mut out = None;
    let mut force = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        match text {
            "--help" | "-h" => return Ok(Parsed::Help),
            "--force" => force = true,
            "--out" => {
                let path = args.next().ok_or("--out needs a path")?;
                out = Some(PathBuf::from(path));
            }
            _ if text.starts_with("--out=") => out = Some(PathBuf::from(&text["--out=".len()..])),
            _ if text.starts_with('-') && text.len() > 1 => {
                return Err(format!("unknown option `{text}`"));
            }
            _ if guide.is_none() => guide = Some(PathBuf::from(arg)),
            _ => {
                return Err(format!(
                    "one guide at a time; unexpected `{}`",
                    arg.to_string_lossy()
                ));
            }
        }
    }
    let guide = guide.ok_or("which guide? give the file to import")?;
    Ok(Parsed::Run(ImportArgs { guide, out, force }))
}

fn run_import(options: &GlobalOptions, args: &ImportArgs) -> Result<String, String> {
    let shown = args.guide.display();
    let bytes =
        std::fs::read(&args.guide).map_err(|error| format!("cannot read {shown}: {error}"))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let (line, column) = position_of_byte(error.as_bytes(), error.utf8_error().valid_up_to());
        format!(
            "{shown} is not UTF-8 text (the first bad byte is at line {line}, column {column}); save it as UTF-8 and import again"
        )
    })?;
    let file_name = args
        .guide
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    let imported = import_guide(&file_name, &text).map_err(|error| format!("{shown}: {error}"))?;
    let deck = &imported.deck;

    let user_decks = options.data_dir().map(|dir| dir.decks_dir());
    let target = match &args.out {
        Some(out) if out.is_dir() => out.join(format!("{}.json", deck.id)),
        Some(out) => out.clone(),
        None => user_decks.clone()?.join(format!("{}.json", deck.id)),
    };
    if std::fs::symlink_metadata(&target).is_ok() && !args.force {
        return Err(format!(
            "{} already exists and was left as it is; pass --out <PATH> to write the deck elsewhere, --force to replace the file, or remove the old file",
            target.display()
        ));
    }

    let mut json = serde_json::to_string_pretty(deck)
        .map_err(|error| format!("cannot encode the deck from {shown}: {error}"))?;
    json.push('\n');
    // The deck must pass the same check the app applies when loading it; writing a deck
    // the app would reject helps nobody.
    let (_, problems) = deck::parse_deck(&target.display().to_string(), &json)
        .map_err(|problem| format!("the deck made from {shown} is not valid: {problem}"))?;
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the deck made from {shown} is not valid: {problem}"
        ));
    }
    write_atomically(&target, json.as_bytes()).map_err(|error| error.to_string())?;

    let mut report = summary(&imported, &args.guide, &target);
    let clashes = id_clashes(&imported, user_decks.ok().as_deref(), &target);
    for clash in clashes {
        report.push_str(&format!("\nwarning: {clash}"));
    }
    Ok(report)
}

fn summary(imported: &ImportedGuide, guide: &Path, target: &Path) -> String {
    let deck = &imported.deck;
    let section = deck
        .source
        .as_ref()
        .and_then(|source| source.section.as_deref())
        .unwrap_or("");
    let mut report = format!(
        "Read {} and {} from {} (section \"{section}\", line {}).\nWrote deck `{}` (role {}) to {}",
        plural(imported.question_count(), "question"),
        plural(imported.point_count(), "answer point"),
        guide.display(),
        imported.section_line,
        deck.id,
        deck.role,
        target.display(),
    );
    let without_points: Vec<&str> = imported
        .cards_without_points()
        .map(|card| card.id.as_str())
        .collect();
    if !without_points.is_empty() {
        report.push_str(&format!(
            "\n{} no answer points in the guide: {}",
            if without_points.len() == 1 {
                "1 question has".to_string()
            } else {
                format!("{} questions have", without_points.len())
            },
            without_points.join(", ")
        ));
    }
    report
}

/// Deck and card ids the new deck shares with decks the app already loads. The app keeps
/// the first of two decks or cards with one id and skips the other, so say so now rather
/// than leave the user wondering where the cards went.
fn id_clashes(imported: &ImportedGuide, user_decks: Option<&Path>, target: &Path) -> Vec<String> {
    let existing = DeckSet::load(user_decks);
    let target_shown = target.display().to_string();
    let others = existing
        .decks
        .iter()
        .filter(|loaded| Path::new(&loaded.path) != target && loaded.path != target_shown);
    let mut clashes = Vec::new();
    for other in others {
        if other.deck.id == imported.deck.id {
            clashes.push(format!(
                "deck id `{}` is also used by {}; the app loads only one of them",
                imported.deck.id, other.path
            ));
        }
        let shared = imported
            .deck
            .cards
            .iter()
            .filter(|card| other.deck.cards.iter().any(|o| o.id == card.id))
            .count();
        if shared > 0 {
            clashes.push(format!(
                "{shared} of the new deck's card ids {} also in {}; the app skips the later duplicates",
                if shared == 1 { "is" } else { "are" },
                other.path
            ));
        }
    }
    clashes
}

pub fn check(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let paths = match parse_check_args(args) {
        Ok(Parsed::Run(paths)) => paths,
        Ok(Parsed::Help) => {
            println!("{CHECK_USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("mensetsu check: {message}\n{CHECK_USAGE}");
            return ExitCode::from(BAD_USAGE);
        }
    };
    let set = if paths.is_empty() {
        match options.data_dir() {
            Ok(dir) => DeckSet::load(Some(&dir.decks_dir())),
            Err(message) => {
                eprintln!("mensetsu check: {message}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        load_paths(&paths)
    };
    for problem in &set.problems {
        println!("{problem}");
    }
    println!(
        "{}, {}, {}",
        plural(set.decks.len(), "deck"),
        plural(set.card_count(), "card"),
        plural(set.problems.len(), "problem")
    );
    if set.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn parse_check_args(args: &[OsString]) -> Result<Parsed<Vec<PathBuf>>, String> {
    let mut paths = Vec::new();
    for arg in args {
        match arg.to_str() {
            Some("--help" | "-h") => return Ok(Parsed::Help),
            Some(text) if text.starts_with('-') && text.len() > 1 => {
                return Err(format!("unknown option `{text}`"));
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    Ok(Parsed::Run(paths))
}

/// Files as given, folders as their `*.json` files; problems listing a folder come first.
fn load_paths(paths: &[PathBuf]) -> DeckSet {
    let mut problems: Vec<Problem> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(deck::deck_files_in(path, &mut problems));
        } else {
            files.push(path.clone());
        }
    }
    let mut set = DeckSet::load_files(&files);
    problems.append(&mut set.problems);
    set.problems = problems;
    set
}

/// 1-based line and column (in bytes) of `offset`, for pointing at a bad byte.
fn position_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|byte| **byte == b'\n').count() + 1;
    let column = before
        .iter()
        .rev()
        .take_while(|byte| **byte != b'\n')
        .count()
        + 1;
    (line, column)
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn import_arguments() {
        let Ok(Parsed::Run(parsed)) = parse_import_args(&args(&["g.md", "--out", "d.json"])) else {
            panic!("should parse");
        };
        assert_eq!(
            parsed,
            ImportArgs {
                guide: "g.md".into(),
                out: Some("d.json".into()),
                force: false
            }
        );
        assert!(parse_import_args(&args(&["--out"])).is_err());
        assert!(parse_import_args(&args(&[])).is_err());
        assert!(parse_import_args(&args(&["a.md", "b.md"])).is_err());
        assert!(parse_import_args(&args(&["a.md", "--bogus"])).is_err());
    }

    #[test]
    fn counted_nouns() {
        assert_eq!(plural(1, "deck"), "1 deck");
        assert_eq!(plural(0, "problem"), "0 problems");
        assert_eq!(plural(3, "answer point"), "3 answer points");
    }

    #[test]
    fn bad_byte_position_counts_lines_and_columns() {
        assert_eq!(position_of_byte(b"ab\ncd\xff", 5), (2, 3));
        assert_eq!(position_of_byte(b"\xff", 0), (1, 1));
    }
}
