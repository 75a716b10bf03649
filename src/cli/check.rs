//! `mensetsu check`: validates deck files, one line per problem as `file:line:column:
//! message`, the form editors jump to. Without paths, also every file of the data folder
//! a sync tool kept two versions of.

use super::{GlobalOptions, plural};
use crate::core::content::deck::{self, DeckSet};
use crate::core::problem::Problem;
use crate::core::sync::conflicts::{self, FileKind};
use std::path::PathBuf;
use std::process::ExitCode;

/// Validate deck files: one line per problem as file:line:column: message, exit code 1 on
/// any.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Deck files, or folders meaning their *.json files [default: the bundled decks and
    /// the user decks folder]
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub fn run(options: &GlobalOptions, args: &CheckArgs) -> ExitCode {
    let paths = &args.paths;
    let set = if paths.is_empty() {
        match options.data_dir() {
            Ok(dir) => {
                let mut set = DeckSet::load(Some(&dir.decks_dir()));
                // The settings, drafts and logs changed on two computers as well: one
                // command tells whether the folder needs a choice made.
                let others: Vec<_> = conflicts::find(&dir)
                    .into_iter()
                    .filter(|conflict| conflict.kind != FileKind::Deck)
                    .collect();
                set.problems.extend(conflicts::problems_of(&others));
                set
            }
            Err(message) => {
                eprintln!("mensetsu check: {message}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        load_paths(paths)
    };
    for problem in &set.problems {
        println!("{}", super::words().problem(problem));
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
