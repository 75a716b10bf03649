//! `mensetsu suspend|unsuspend|bury|unbury|flag`: set cards aside or flag them, as the browser
//! does, one log record per card.

use super::{GlobalOptions, open_for_writing};
use crate::core::review::log::{Flag, MAX_FLAG};
use chrono::Local;
use clap::builder::TypedValueParser;
use std::process::ExitCode;

/// Cards to act on.
#[derive(Debug, clap::Args)]
pub struct CardsArgs {
    /// Card ids, as `mensetsu cards` lists them
    #[arg(value_name = "CARD", required = true)]
    cards: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct FlagArgs {
    /// The card's id
    #[arg(value_name = "CARD")]
    card: String,
    /// 0 removes the flag; 1-7 are Anki's colors (red, orange, green, blue, pink,
    /// turquoise, purple)
    #[arg(
        value_name = "0-7",
        value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_FLAG)).try_map(Flag::try_from)
    )]
    flag: Flag,
}

#[derive(Debug, Clone, Copy)]
pub enum Change {
    Suspend,
    Unsuspend,
    Bury,
    Unbury,
}

pub fn run(options: &GlobalOptions, args: &CardsArgs, change: Change) -> ExitCode {
    let command = match change {
        Change::Suspend => "suspend",
        Change::Unsuspend => "unsuspend",
        Change::Bury => "bury",
        Change::Unbury => "unbury",
    };
    let (mut collection, mut store) = match open_for_writing(options, command) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    // Every id checked before anything is written: a typo does not leave half the cards
    // changed.
    if let Some(unknown) = args
        .cards
        .iter()
        .find(|card| !collection.decks().contains_card(card))
    {
        eprintln!("mensetsu {command}: there is no card `{unknown}`; `mensetsu cards` lists them");
        return ExitCode::FAILURE;
    }
    let now = Local::now().fixed_offset();
    let today = collection.scheduler().study_day(now);
    // A card already as asked gets no record: the log stays a list of what changed.
    let (already, to_change): (Vec<String>, Vec<String>) =
        args.cards.iter().cloned().partition(|card| {
            let marks = collection.marks(card);
            match change {
                Change::Suspend => marks.suspended,
                Change::Unsuspend => !marks.suspended,
                Change::Bury => false,
                Change::Unbury => !marks.is_buried(today),
            }
        });
    let result = match change {
        Change::Suspend => collection.set_suspended(&mut store, &to_change, true, now),
        Change::Unsuspend => collection.set_suspended(&mut store, &to_change, false, now),
        Change::Bury => collection.set_buried(&mut store, &to_change, true, now),
        Change::Unbury => collection.set_buried(&mut store, &to_change, false, now),
    };
    match result {
        Ok(_) => {
            let (done, as_it_was) = match change {
                Change::Suspend => ("suspended", "already suspended"),
                Change::Unsuspend => ("unsuspended", "not suspended, left as it is"),
                Change::Bury => ("buried until the next study day", ""),
                Change::Unbury => ("back in today's queues", "not buried, left as it is"),
            };
            if !to_change.is_empty() {
                println!("{}: {done}", to_change.join(", "));
            }
            if !already.is_empty() {
                println!("{}: {as_it_was}", already.join(", "));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("mensetsu {command}: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn run_flag(options: &GlobalOptions, args: &FlagArgs) -> ExitCode {
    let (mut collection, mut store) = match open_for_writing(options, "flag") {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    if !collection.decks().contains_card(&args.card) {
        eprintln!(
            "mensetsu flag: there is no card `{}`; `mensetsu cards` lists them",
            args.card
        );
        return ExitCode::FAILURE;
    }
    let now = Local::now().fixed_offset();
    match collection.set_flag(&mut store, &args.card, args.flag, now) {
        Ok(_) if args.flag == Flag::NONE => {
            println!("{}: flag removed", args.card);
            ExitCode::SUCCESS
        }
        Ok(_) => {
            println!("{}: flag {}", args.card, args.flag);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("mensetsu flag: {error}");
            ExitCode::FAILURE
        }
    }
}
