//! `mensetsu import`: turns a role guide into a deck, or takes a deck file as it is. Every message names the file it is
//! about.

use super::{GlobalOptions, plural};
use crate::core::anki::{self, import::Plan};
use crate::core::collection::Collection;
use crate::core::content::deck::{self, Deck, DeckSet};
use crate::core::content::import::{ImportedGuide, import_guide};
use crate::core::content::user_decks;
use crate::core::files;
use crate::core::text;
use chrono::{Local, TimeZone};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn a role guide (Markdown or plain text) into a deck, or take a deck file (.json). Without --out the deck goes
/// into the user decks folder as <deck id>.json, where the app shows it. An existing file
/// is never replaced unless --force is given. An Anki package (.apkg, .colpkg) adds its
/// notes as cards of user decks and its review history to this computer's log.
#[derive(Debug, PartialEq, Eq, clap::Args)]
pub struct ImportArgs {
    /// The guide to read
    #[arg(value_name = "FILE")]
    guide: PathBuf,
    /// Where to write the deck: a file, or an existing folder
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Replace the file the deck would be written to if it exists
    #[arg(long)]
    force: bool,
    /// With an Anki package: show what it would add, and write nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(options: &GlobalOptions, args: &ImportArgs) -> ExitCode {
    let result = if anki::is_package(&args.guide) {
        import_package(options, args)
    } else {
        run_import(options, args)
    };
    match result {
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

fn run_import(options: &GlobalOptions, args: &ImportArgs) -> Result<String, String> {
    let shown = args.guide.display();
    let bytes =
        std::fs::read(&args.guide).map_err(|error| format!("cannot read {shown}: {error}"))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let (line, column) =
            text::position_of_byte(error.as_bytes(), error.utf8_error().valid_up_to());
        format!(
            "{shown} is not UTF-8 text (the first bad byte is at line {line}, column {column}); save it as UTF-8 and import again"
        )
    })?;
    let file_name = args
        .guide
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    // A deck file (one exported, shared or written by hand) goes in as it is, checked as
    // the app checks it: the app's import panel takes the same files.
    let (deck, read) = if user_decks::is_deck_file(&args.guide) {
        let (deck, problems) = deck::parse_deck(&shown.to_string(), &text)
            .map_err(|problem| super::words().problem(&problem))?;
        if let Some(problem) = problems.first() {
            let more = match problems.len() - 1 {
                0 => String::new(),
                1 => " (and 1 more problem)".to_string(),
                n => format!(" (and {n} more problems)"),
            };
            return Err(format!(
                "{}{more}; fix the deck and import again",
                super::words().problem(problem)
            ));
        }
        let read = format!(
            "Read deck `{}` from {} ({}).",
            deck.id,
            shown,
            plural(deck.cards.len(), "card")
        );
        (deck, read)
    } else {
        let imported = import_guide(&file_name, &text)
            .map_err(|error| format!("{shown}: {}", super::words().import_error(&error)))?;
        let read = summary(&imported, &args.guide);
        (imported.deck, read)
    };
    let deck = &deck;

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
    let (_, problems) =
        deck::parse_deck(&target.display().to_string(), &json).map_err(|problem| {
            let problem = super::words().problem(&problem);
            format!("the deck made from {shown} is not valid: {problem}")
        })?;
    if let Some(problem) = problems.first() {
        let problem = super::words().problem(problem);
        return Err(format!(
            "the deck made from {shown} is not valid: {problem}"
        ));
    }
    // Into the data folder, private like the rest of it; where --out says, as any file the
    // user makes there.
    let readers = if args.out.is_some() {
        files::Readers::AsTheUmaskSays
    } else {
        files::Readers::OnlyTheUser
    };
    files::write_atomically_for(&target, json.as_bytes(), readers)
        .map_err(|error| error.to_string())?;

    let mut report = format!(
        "{read}\nWrote deck `{}` (role {}) to {}",
        deck.id,
        deck.role,
        target.display()
    );
    let clashes = id_clashes(deck, user_decks.ok().as_deref(), &target);
    for clash in clashes {
        report.push_str(&format!("\nwarning: {clash}"));
    }
    Ok(report)
}

fn summary(imported: &ImportedGuide, guide: &Path) -> String {
    let deck = &imported.deck;
    // Notes without an interview section are read from their first question on.
    let whence = match deck
        .source
        .as_ref()
        .and_then(|source| source.section.as_deref())
    {
        Some(section) => format!("section \"{section}\", line {}", imported.section_line),
        None => format!("notes from line {}", imported.section_line),
    };
    let mut report = format!(
        "Read {} and {} from {} ({whence}).",
        plural(imported.question_count(), "question"),
        plural(imported.point_count(), "answer point"),
        guide.display(),
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
fn id_clashes(deck: &Deck, user_decks: Option<&Path>, target: &Path) -> Vec<String> {
    let existing = DeckSet::load(user_decks);
    let target_shown = target.display().to_string();
    let others = existing
        .decks
        .iter()
        .filter(|loaded| Path::new(&loaded.path) != target && loaded.path != target_shown);
    let mut clashes = Vec::new();
    for other in others {
        if other.deck.id == deck.id {
            clashes.push(format!(
                "deck id `{}` is also used by {}; the app loads only one of them",
                deck.id, other.path
            ));
        }
        let shared = deck
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

/// `mensetsu import FILE.apkg`: the preview the app shows, then (without --dry-run) the
/// new cards and answers written. Nothing is written when the package cannot be read.
fn import_package(options: &GlobalOptions, args: &ImportArgs) -> Result<String, String> {
    if args.out.is_some() {
        return Err(format!(
            "{}: --out does not apply to an Anki package: its notes go into the user decks folder",
            args.guide.display()
        ));
    }
    let dir = options.data_dir()?;
    let now = Local::now().fixed_offset();
    // The package is read before the data folder is opened: one that cannot be read
    // leaves every byte of the folder as it was, the lock file included.
    let (entry, package) = anki::read_package(&args.guide).map_err(|error| error.to_string())?;
    let mut store = if args.dry_run {
        None
    } else {
        Some(super::open_store(&dir).map_err(|error| error.to_string())?)
    };
    // A dry run changes no byte of the data folder (a damaged settings file is only
    // reported), as every read-only command.
    let collection = if args.dry_run {
        Collection::load_read_only(dir, now)
    } else {
        Collection::load_at(dir, now)
    };
    for problem in collection.problems() {
        eprintln!("warning: {}", super::words().problem(&problem));
    }
    let plan = anki::import::plan(
        &args.guide,
        entry,
        &package,
        collection.decks(),
        &collection.data_dir().decks_dir(),
        collection.log(),
        &local_offset,
    );
    let mut report = describe(&plan);
    let Some(store) = store.as_mut() else {
        report.push_str("\n(--dry-run: nothing written)");
        return Ok(report);
    };
    if plan.is_empty() {
        report.push_str("\nNothing new to import.");
        return Ok(report);
    }
    let applied = anki::import::apply(&plan, store).map_err(|error| error.to_string())?;
    report.push_str(&format!(
        "\nAdded {} and {} to {}",
        plural(applied.cards, "card"),
        plural(applied.reviews, "review"),
        store.log_path().display()
    ));
    for deck in &applied.decks {
        report.push_str(&format!("\nWrote {}", deck.display()));
    }
    Ok(report)
}

/// This computer's UTC offset at a moment: an imported answer's study day.
fn local_offset(millis: i64) -> chrono::FixedOffset {
    Local
        .timestamp_millis_opt(millis)
        .single()
        .map_or_else(|| *Local::now().offset(), |at| *at.offset())
}

/// The preview as lines: what is in the package and what would be added.
pub fn describe(plan: &Plan) -> String {
    let mut lines = vec![format!(
        "{} ({}): {} in {}",
        plan.file.display(),
        plan.entry,
        plural(plan.notes, "note"),
        plural(plan.anki_decks.len(), "Anki deck"),
    )];
    for mapping in &plan.mappings {
        let how = if mapping.mensetsu {
            "mensetsu's note type, field by field".to_string()
        } else {
            format!(
                "{} → question; {} → points",
                mapping.question,
                if mapping.points.is_empty() {
                    "(no other field)".to_string()
                } else {
                    mapping.points.join(", ")
                }
            )
        };
        lines.push(format!(
            "  note type `{}` ({}): {how}",
            mapping.notetype,
            plural(mapping.notes, "note")
        ));
    }
    lines.push(format!(
        "{} already here, {} new; {} with history; {} to add ({} already in the log)",
        plural(plan.matched, "card"),
        plan.new_cards(),
        plan.with_history,
        plural(plan.reviews.len(), "review"),
        plan.known_reviews
    ));
    for deck in plan.decks.iter().filter(|deck| deck.new_cards > 0) {
        lines.push(format!(
            "  deck `{}`: {} new → {}{}",
            deck.deck.id,
            plural(deck.new_cards, "card"),
            deck.target.display(),
            if deck.replaces { " (updated)" } else { "" }
        ));
    }
    for problem in &plan.problems {
        lines.push(format!("warning: {}: {problem}", plan.file.display()));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ImportArgs,
    }

    fn parse(list: &[&str]) -> Result<ImportArgs, clap::Error> {
        Wrapper::try_parse_from(std::iter::once("import").chain(list.iter().copied()))
            .map(|wrapper| wrapper.args)
    }

    #[test]
    fn import_arguments() {
        assert_eq!(
            parse(&["g.md", "--out", "d.json"]).unwrap(),
            ImportArgs {
                guide: "g.md".into(),
                out: Some("d.json".into()),
                force: false,
                dry_run: false,
            }
        );
        assert!(parse(&["deck.apkg", "--dry-run"]).unwrap().dry_run);
        assert!(parse(&["--out"]).is_err());
        assert!(parse(&[]).is_err());
        assert!(parse(&["a.md", "b.md"]).is_err());
        assert!(parse(&["a.md", "--bogus"]).is_err());
    }
}
