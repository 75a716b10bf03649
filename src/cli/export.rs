//! `mensetsu export`: a deck as an Anki text file, or the review log as CSV for the FSRS
//! tools. The text itself comes from `core::content::export`; this file only picks the
//! data and writes it.

use super::{GlobalOptions, plural};
use crate::core::anki;
use crate::core::collection::Collection;
use crate::core::content::export;
use crate::core::files::{self, Readers, WriteError};
use crate::core::settings::ContentLanguage;
use chrono::Local;
use clap::builder::{OsStringValueParser, TypedValueParser};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write a deck as a file for Anki, or the review log as CSV for the FSRS optimizer.
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["anki", "reviews", "apkg", "all"])))]
pub struct ExportArgs {
    /// The deck's cards as a tab-separated file Anki imports as Basic notes (File >
    /// Import); DECK is a deck id, e.g. vpoe
    #[arg(long, value_name = "DECK")]
    anki: Option<String>,
    /// Every review that counts (undone ones left out) as CSV for the FSRS optimizer:
    /// card_id,review_time,review_rating,review_duration (times and durations in
    /// milliseconds)
    #[arg(long)]
    reviews: bool,
    /// Decks as an Anki package (.apkg) of mensetsu notes, which Anki imports with File >
    /// Import; DECK is a deck id, e.g. vpoe
    #[arg(long, value_name = "DECK", num_args = 1.., conflicts_with_all = ["anki", "reviews"])]
    apkg: Vec<String>,
    /// With --apkg: every deck
    #[arg(long, conflicts_with_all = ["anki", "reviews"])]
    all: bool,
    /// With --apkg or --all: each card's scheduling and its answers (Anki's review log),
    /// so that Anki's FSRS goes on from the same memory state
    #[arg(long, conflicts_with_all = ["anki", "reviews"])]
    with_history: bool,
    /// With --with-history: each card's answers given aloud, as Anki media (sound files
    /// listed with their dates and grades on the back of the card). Recordings are left
    /// out unless asked for
    #[arg(long, requires = "with_history", conflicts_with_all = ["anki", "reviews"])]
    with_recordings: bool,
    /// Where to write; - writes to standard output
    #[arg(short = 'o', long = "out", value_name = "FILE",
          value_parser = OsStringValueParser::new().map(Output::from))]
    out: Output,
    /// The card language in the Anki file [default: the card language setting]
    #[arg(long, value_enum, conflicts_with = "reviews")]
    lang: Option<LangArg>,
    /// Replace FILE if it exists (without it, an existing FILE is an error)
    #[arg(long)]
    force: bool,
}

/// `--lang`: the card languages of the settings, as the command line spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    /// Japanese (English where a text has no Japanese)
    Ja,
    /// English (Japanese where a text has no English)
    En,
    /// Japanese with the English below it
    Both,
    /// English with the Japanese below it
    EnJa,
}

impl From<LangArg> for ContentLanguage {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Ja => ContentLanguage::Ja,
            LangArg::En => ContentLanguage::En,
            LangArg::Both => ContentLanguage::Both,
            LangArg::EnJa => ContentLanguage::BothEnglishFirst,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Output {
    Stdout,
    File(PathBuf),
}

impl From<std::ffi::OsString> for Output {
    fn from(value: std::ffi::OsString) -> Self {
        if value == "-" {
            Output::Stdout
        } else {
            Output::File(PathBuf::from(value))
        }
    }
}

pub fn run(options: &GlobalOptions, args: &ExportArgs) -> ExitCode {
    match export_to(options, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mensetsu export: {message}");
            ExitCode::FAILURE
        }
    }
}

fn export_to(options: &GlobalOptions, args: &ExportArgs) -> Result<(), String> {
    // Checked before the (slower) loading, so a refused overwrite costs nothing.
    if let Output::File(path) = &args.out
        && !args.force
        && std::fs::symlink_metadata(path).is_ok()
    {
        return Err(refused(path));
    }
    let dir = options.data_dir()?;
    let collection = Collection::load_read_only(dir, Local::now().fixed_offset());
    // What could not be read is skipped by the loading; say so, but export the rest.
    for problem in collection.problems() {
        eprintln!("warning: {}", super::words().problem(&problem));
    }
    if !args.apkg.is_empty() || args.all {
        let (bytes, summary) = apkg(&collection, args)?;
        return write_output(args, &bytes, &summary);
    }
    let (text, summary) = match &args.anki {
        Some(deck) => {
            let Some(loaded) = collection.decks().find_deck(deck) else {
                return Err(no_deck(&collection, deck));
            };
            let language = args.lang.map_or_else(
                || collection.settings().card_language(super::system_lang()),
                ContentLanguage::from,
            );
            let cards = loaded.deck.cards.len();
            (
                export::anki_notes(&loaded.deck, language),
                format!("{} of deck `{deck}`", plural(cards, "note")),
            )
        }
        None => {
            let text = export::reviews_csv(collection.log());
            let rows = text.lines().count().saturating_sub(1);
            (text, plural(rows, "review"))
        }
    };
    write_output(args, text.as_bytes(), &summary)
}

/// "no deck with id `x`; the decks are: …", for `--anki` and `--apkg` alike.
fn no_deck(collection: &Collection, id: &str) -> String {
    let known: Vec<&str> = collection
        .decks()
        .decks
        .iter()
        .map(|d| d.deck.id.as_str())
        .collect();
    format!(
        "no deck with id `{id}`; the decks are: {}",
        known.join(", ")
    )
}

/// The `--apkg` package and what it holds.
fn apkg(collection: &Collection, args: &ExportArgs) -> Result<(Vec<u8>, String), String> {
    let decks: Vec<String> = if args.all {
        collection
            .decks()
            .decks
            .iter()
            .map(|d| d.deck.id.clone())
            .collect()
    } else {
        args.apkg.clone()
    };
    if let Some(unknown) = decks
        .iter()
        .find(|id| collection.decks().find_deck(id).is_none())
    {
        return Err(no_deck(collection, unknown));
    }
    let language = args.lang.map_or_else(
        || collection.settings().card_language(super::system_lang()),
        ContentLanguage::from,
    );
    let contents = anki::export::Contents {
        history: args.with_history,
        recordings: args.with_recordings,
    };
    let exported = anki::export::package(
        collection,
        &decks,
        language,
        contents,
        Local::now().fixed_offset(),
    )
    .map_err(|error| error.to_string())?;
    // A recording that cannot be read is named, and the rest exported: its answer is
    // still in the history, only not to be heard in Anki.
    for skipped in &exported.skipped_recordings {
        eprintln!(
            "warning: recording {} left out: {}",
            skipped.file.display(),
            skipped.reason
        );
    }
    let mut summary = format!(
        "an Anki package of {} from {}",
        plural(exported.notes, "note"),
        plural(decks.len(), "deck")
    );
    if args.with_history {
        summary.push_str(&format!(" with {}", plural(exported.reviews, "review")));
    }
    if args.with_recordings {
        summary.push_str(&format!(
            " and {}",
            plural(exported.recordings, "recording")
        ));
    }
    Ok((exported.bytes, summary))
}

fn write_output(args: &ExportArgs, bytes: &[u8], summary: &str) -> Result<(), String> {
    let text = bytes;
    match &args.out {
        Output::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text)
                .and_then(|()| stdout.flush())
                .map_err(|error| format!("cannot write to standard output: {error}"))?;
        }
        Output::File(path) => {
            if args.force {
                files::write_atomically_for(path, text, Readers::AsTheUmaskSays)
                    .map_err(|error| error.to_string())?;
            } else {
                // As with --force, a missing folder is made.
                if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder).map_err(|error| {
                        format!("cannot create the folder {}: {error}", folder.display())
                    })?;
                }
                // The check above ran before loading; this one cannot be raced.
                files::write_new(path, text, Readers::AsTheUmaskSays).map_err(
                    |error| match error {
                        WriteError::Exists { .. } => refused(path),
                        other => other.to_string(),
                    },
                )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use clap::error::ErrorKind;

    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ExportArgs,
    }

    fn parse(list: &[&str]) -> Result<ExportArgs, ErrorKind> {
        Wrapper::try_parse_from(std::iter::once("export").chain(list.iter().copied()))
            .map(|wrapper| wrapper.args)
            .map_err(|error| error.kind())
    }

    #[test]
    fn export_arguments() {
        assert_eq!(
            parse(&["--anki", "vpoe", "-o", "-", "--lang=both"]),
            Ok(ExportArgs {
                anki: Some("vpoe".into()),
                reviews: false,
                apkg: Vec::new(),
                all: false,
                with_history: false,
                with_recordings: false,
                out: Output::Stdout,
                lang: Some(LangArg::Both),
                force: false,
            })
        );
        assert_eq!(
            parse(&["--reviews", "--out=r.csv", "--force"]),
            Ok(ExportArgs {
                anki: None,
                reviews: true,
                apkg: Vec::new(),
                all: false,
                with_history: false,
                with_recordings: false,
                out: Output::File("r.csv".into()),
                lang: None,
                force: true,
            })
        );
        assert_eq!(
            parse(&["--apkg", "vpoe", "hoe", "--with-history", "-o", "x.apkg"]),
            Ok(ExportArgs {
                anki: None,
                reviews: false,
                apkg: vec!["vpoe".into(), "hoe".into()],
                all: false,
                with_history: true,
                with_recordings: false,
                out: Output::File("x.apkg".into()),
                lang: None,
                force: false,
            })
        );
        assert!(parse(&["--all", "-o", "x.apkg"]).is_ok());
        assert_eq!(
            parse(&[
                "--all",
                "--with-history",
                "--with-recordings",
                "-o",
                "x.apkg"
            ]),
            Ok(ExportArgs {
                anki: None,
                reviews: false,
                apkg: Vec::new(),
                all: true,
                with_history: true,
                with_recordings: true,
                out: Output::File("x.apkg".into()),
                lang: None,
                force: false,
            })
        );
        for bad in [
            &["--apkg", "vpoe", "--reviews", "-o", "x"][..],
            &["--with-history", "--anki", "vpoe", "-o", "x"],
            // Recordings belong to answers: without the history there are none to list.
            &["--all", "--with-recordings", "-o", "x.apkg"],
            &["--reviews", "--with-recordings", "-o", "x"],
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
        assert_eq!(parse(&["--help"]), Err(ErrorKind::DisplayHelp));
    }
}
