//! `export`: a deck as an Anki text file, or the review log as CSV for the FSRS tools. The
//! text itself comes from `core::export`; this file only picks the data and writes it.

use super::GlobalOptions;
use crate::core::collection::Collection;
use crate::core::export;
use crate::core::settings::{ContentLanguage, write_atomically};
use chrono::Local;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: mensetsu export --anki <DECK> -o <FILE> [--lang ja|en|both] [--force]
       mensetsu export --reviews -o <FILE> [--force]
  --anki <DECK>   the deck's cards as a tab-separated file Anki imports as Basic notes
                  (File > Import); <DECK> is a deck id, e.g. vpoe
  --reviews       every review that counts (undone ones left out) as CSV for the
                  FSRS optimizer: card_id,review_time,review_rating,review_duration
                  (times and durations in milliseconds)
  -o, --out FILE  where to write; - writes to standard output
  --lang          the card language in the Anki file (default: the card language setting)
  --force         replace FILE if it exists (without it, an existing FILE is an error)";

/// Exit code for a command line that does not make sense, as opposed to a command that
/// ran and failed.
const BAD_USAGE: u8 = 2;

#[derive(Debug, PartialEq, Eq)]
enum What {
    Anki {
        deck: String,
        language: Option<ContentLanguage>,
    },
    Reviews,
}

#[derive(Debug, PartialEq, Eq)]
struct ExportArgs {
    what: What,
    out: Output,
    force: bool,
}

#[derive(Debug, PartialEq, Eq)]
enum Output {
    Stdout,
    File(PathBuf),
}

enum Parsed {
    Run(ExportArgs),
    Help,
}

pub fn export(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("mensetsu export: {message}\n{USAGE}");
            return ExitCode::from(BAD_USAGE);
        }
    };
    match run(options, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mensetsu export: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[OsString]) -> Result<Parsed, String> {
    let mut anki: Option<String> = None;
    let mut reviews = false;
    let mut out: Option<Output> = None;
    let mut language = None;
    let mut force = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let text = arg
            .to_str()
            .ok_or_else(|| format!("`{}` is not valid text", arg.to_string_lossy()))?;
        let (option, inline_value) = match text.split_once('=') {
            Some((option, value)) if option.starts_with("--") => (option, Some(value)),
            _ => (text, None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline_value {
                Some(value) => Ok(value.to_string()),
                None => args
                    .next()
                    .map(|value| value.to_string_lossy().into_owned())
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        let flag = |set: &mut bool| match inline_value {
            Some(_) => Err(format!("{option} takes no value")),
            None => {
                *set = true;
                Ok(())
            }
        };
        match option {
            "--help" | "-h" => return Ok(Parsed::Help),
            "--force" => flag(&mut force)?,
            "--reviews" => flag(&mut reviews)?,
            "--anki" => anki = Some(value("--anki")?),
            "-o" | "--out" => {
                let path = value(option)?;
                out = Some(if path == "-" {
                    Output::Stdout
                } else {
                    Output::File(PathBuf::from(path))
                });
            }
            "--lang" => {
                language = Some(match value("--lang")?.as_str() {
                    "ja" => ContentLanguage::Ja,
                    "en" => ContentLanguage::En,
                    "both" => ContentLanguage::Both,
                    other => return Err(format!("--lang is ja, en or both, not `{other}`")),
                })
            }
            _ if option.starts_with('-') => return Err(format!("unknown option `{text}`")),
            _ => return Err(format!("unexpected `{text}`")),
        }
    }
    let what = match (anki, reviews) {
        (Some(deck), false) => What::Anki { deck, language },
        (None, true) if language.is_some() => {
            return Err("--lang is for --anki; the review log has no card text".to_string());
        }
        (None, true) => What::Reviews,
        (Some(_), true) => return Err("one export at a time: --anki or --reviews".to_string()),
        (None, false) => return Err("what to export? give --anki <DECK> or --reviews".into()),
    };
    let out = out.ok_or("where to? give -o <FILE>, or -o - for standard output")?;
    Ok(Parsed::Run(ExportArgs { what, out, force }))
}

fn run(options: &GlobalOptions, args: &ExportArgs) -> Result<(), String> {
    // Checked before the (slower) loading, so a refused overwrite costs nothing.
    if let Output::File(path) = &args.out
        && !args.force
        && std::fs::symlink_metadata(path).is_ok()
    {
        return Err(refused(path));
    }
    let dir = options.data_dir()?;
    let collection = Collection::load_at(dir, Local::now().fixed_offset());
    // What could not be read is skipped by the loading; say so, but export the rest.
    for problem in collection.problems() {
        eprintln!("warning: {problem}");
    }
    let (text, summary) = match &args.what {
        What::Anki { deck, language } => {
            let Some(loaded) = collection.decks.decks.iter().find(|d| d.deck.id == *deck) else {
                let known: Vec<&str> = collection
                    .decks
                    .decks
                    .iter()
                    .map(|d| d.deck.id.as_str())
                    .collect();
                return Err(format!(
                    "no deck with id `{deck}`; the decks are: {}",
                    known.join(", ")
                ));
            };
            let language = language.unwrap_or(collection.settings.content_language);
            let cards = loaded.deck.cards.len();
            (
                export::anki_notes(&loaded.deck, language),
                format!("{} of deck `{deck}`", plural(cards, "note")),
            )
        }
        What::Reviews => {
            let text = export::reviews_csv(&collection.snapshot.records);
            let rows = text.lines().count().saturating_sub(1);
            (text, plural(rows, "review"))
        }
    };
    match &args.out {
        Output::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|error| format!("cannot write to standard output: {error}"))?;
        }
        Output::File(path) => {
            if args.force {
                write_atomically(path, text.as_bytes()).map_err(|error| error.to_string())?;
            } else {
                // As with --force, a missing folder is made.
                if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder).map_err(|error| {
                        format!("cannot create the folder {}: {error}", folder.display())
                    })?;
                }
                // The check above ran before loading; this one cannot be raced.
                export::write_new(path, text.as_bytes()).map_err(|error| match error {
                    export::ExportError::Exists { .. } => refused(path),
                    other => other.to_string(),
                })?;
            }
            println!("Wrote {summary} to {}", path.display());
        }
    }
    Ok(())
}

fn refused(path: &Path) -> String {
    format!(
        "{} already exists and was left as it is; pass --force to replace it",
        path.display()
    )
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

    fn parse(list: &[&str]) -> Result<ExportArgs, String> {
        let args: Vec<OsString> = list.iter().map(OsString::from).collect();
        match parse_args(&args)? {
            Parsed::Run(args) => Ok(args),
            Parsed::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn export_arguments() {
        assert_eq!(
            parse(&["--anki", "vpoe", "-o", "-", "--lang=both"]),
            Ok(ExportArgs {
                what: What::Anki {
                    deck: "vpoe".into(),
                    language: Some(ContentLanguage::Both)
                },
                out: Output::Stdout,
                force: false,
            })
        );
        assert_eq!(
            parse(&["--reviews", "--out=r.csv", "--force"]),
            Ok(ExportArgs {
                what: What::Reviews,
                out: Output::File("r.csv".into()),
                force: true,
            })
        );
        for bad in [
            &["--reviews"][..],
            &["-o", "x"],
            &["--anki"],
            &["--anki", "a", "--reviews", "-o", "x"],
            &["--reviews", "--lang", "ja", "-o", "x"],
            &["--anki", "a", "--lang", "fr", "-o", "x"],
            &["--reviews", "-o", "x", "extra"],
            &["--reviews", "-o", "x", "--bogus"],
            &["--reviews=yes", "-o", "x"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(parse(&["--help"]), Err("help".to_string()));
    }
}
