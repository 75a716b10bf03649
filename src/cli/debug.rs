//! `debug-answer-loop`: a hidden command that answers cards in a loop, for the crash tests
//! (`tests/crash_safety.rs`).
//!
//! It exists because the promise "an answer the app said was saved survives a crash" can
//! only be tested by killing a real process at random moments while it writes, and the
//! app itself needs a window. The loop goes through the same `Store` and
//! `Collection::record_answer` the app uses, and prints `saved <review id>` only after
//! `record_answer` returned `Ok` — the moment the app would move on to the next card.
//! It is not listed in the usage text: it writes made-up answers into the data folder.

use super::GlobalOptions;
use crate::core::collection::{AnswerDetails, Collection};
use crate::core::queue::{self, Scope};
use crate::core::scheduler::Rating;
use crate::core::store::Store;
use chrono::{DateTime, Duration, FixedOffset, Local};
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: mensetsu debug-answer-loop [--count N] [--start RFC3339] [--step-secs N] [--answer-bytes N]
  Answers cards until N answers are saved (forever without --count), printing
  `saved <review id>` after each. The synthetic clock starts at --start (default: now),
  but always after the latest record already in the data folder, and moves on by
  --step-secs (default 37) per answer. --answer-bytes attaches a typed answer of about
  that size, so writes are long enough to be cut by a kill.";

/// Device id when `MENSETSU_DEVICE_ID` is not set; fixed so that repeated runs continue
/// one log, as the app does on one computer.
const DEFAULT_DEVICE_ID: &str = "debug";

/// A grade pattern with every rating, so cards move through every phase.
const RATINGS: [Rating; 7] = [
    Rating::Good,
    Rating::Again,
    Rating::Good,
    Rating::Hard,
    Rating::Easy,
    Rating::Good,
    Rating::Again,
];

#[derive(Debug, PartialEq)]
struct LoopArgs {
    count: Option<u64>,
    start: Option<DateTime<FixedOffset>>,
    step: Duration,
    answer_bytes: usize,
}

fn parse_args(args: &[OsString]) -> Result<LoopArgs, String> {
    let mut parsed = LoopArgs {
        count: None,
        start: None,
        step: Duration::seconds(37),
        answer_bytes: 0,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let name = arg.to_string_lossy();
        let mut value = || {
            args.next()
                .map(|value| value.to_string_lossy().into_owned())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_ref() {
            "--count" => {
                let text = value()?;
                parsed.count = Some(text.parse().map_err(|_| format!("bad --count `{text}`"))?);
            }
            "--start" => {
                let text = value()?;
                parsed.start = Some(
                    DateTime::parse_from_rfc3339(&text)
                        .map_err(|error| format!("bad --start `{text}`: {error}"))?,
                );
            }
            "--step-secs" => {
                let text = value()?;
                let seconds: i64 = text
                    .parse()
                    .ok()
                    .filter(|seconds| (1..=86_400 * 365).contains(seconds))
                    .ok_or(format!("bad --step-secs `{text}`"))?;
                parsed.step = Duration::seconds(seconds);
            }
            "--answer-bytes" => {
                let text = value()?;
                parsed.answer_bytes = text
                    .parse()
                    .ok()
                    .filter(|bytes| *bytes <= 64 << 20)
                    .ok_or(format!("bad --answer-bytes `{text}`"))?;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(parsed)
}

pub fn answer_loop(options: &GlobalOptions, args: &[OsString]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("mensetsu debug-answer-loop: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(options, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mensetsu debug-answer-loop: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &GlobalOptions, args: &LoopArgs) -> Result<(), String> {
    let dir = options.data_dir()?;
    let device_id = std::env::var("MENSETSU_DEVICE_ID")
        .ok()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| DEFAULT_DEVICE_ID.to_string());
    let now = Local::now().fixed_offset();
    // The store first, as the app does: a second process must fail here, before reading
    // anything, with the "in use" message.
    let mut store = Store::open(dir.clone(), &device_id).map_err(|error| error.to_string())?;
    let mut collection = Collection::load_at(dir, now);
    for problem in collection.problems() {
        eprintln!("warning: {problem}");
    }
    let start = args.start.unwrap_or(now);
    // Never before the latest record of any device: each answer is strictly later than
    // every answer before it, across restarts and devices, as with a real clock.
    let mut at = match collection
        .snapshot
        .records
        .iter()
        .map(|r| r.record.at())
        .max()
    {
        Some(latest) if latest >= start => latest.with_timezone(start.offset()) + args.step,
        _ => start,
    };
    let card_ids: Vec<String> = collection
        .decks
        .cards()
        .map(|(_, card)| card.id.clone())
        .collect();
    if card_ids.is_empty() {
        return Err("no cards to answer".to_string());
    }
    let answer = draft(args.answer_bytes);
    let mut stdout = std::io::stdout().lock();
    let mut saved: u64 = 0;
    while args.count.is_none_or(|count| saved < count) {
        // The study queue picks as the app would; when it has nothing (daily limit
        // reached, nothing due) the cards are taken in turn.
        let card = queue::next_card(&collection, &Scope::AllDecks, at)
            .map(|(id, _)| id)
            .unwrap_or_else(|| card_ids[(saved % card_ids.len() as u64) as usize].clone());
        let rating = RATINGS[(saved % RATINGS.len() as u64) as usize];
        let details = AnswerDetails {
            duration_ms: Some(1_000 + saved % 90_000),
            answer: (!answer.is_empty()).then(|| answer.clone()),
            ..AnswerDetails::default()
        };
        let id = collection
            .record_answer(&mut store, &card, rating, at, details)
            .map_err(|error| error.to_string())?;
        saved += 1;
        writeln!(stdout, "saved {id}")
            .and_then(|()| stdout.flush())
            .map_err(|error| format!("cannot write to stdout: {error}"))?;
        at += args.step;
    }
    Ok(())
}

/// A typed answer of about `bytes` bytes, in Japanese so that a cut can fall inside a
/// multi-byte character.
fn draft(bytes: usize) -> String {
    const PHRASE: &str = "技術的負債を可視化し、ロードマップに組み込みます。";
    PHRASE.chars().cycle().take(bytes / 3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn options() {
        let parsed = parse_args(&args(&[
            "--count",
            "5",
            "--start",
            "2026-11-22T09:00:00+09:00",
            "--step-secs",
            "60",
        ]))
        .unwrap();
        assert_eq!(parsed.count, Some(5));
        assert_eq!(parsed.step, Duration::seconds(60));
        assert_eq!(
            parsed.start.map(|start| start.to_rfc3339()),
            Some("2026-11-22T09:00:00+09:00".to_string())
        );
        assert!(parse_args(&args(&["--count"])).is_err());
        assert!(parse_args(&args(&["--count", "x"])).is_err());
        assert!(parse_args(&args(&["--step-secs", "0"])).is_err());
        assert!(parse_args(&args(&["--bogus"])).is_err());
    }

    #[test]
    fn drafts_have_about_the_asked_size() {
        assert_eq!(draft(0), "");
        assert_eq!(draft(3000).len(), 3000);
    }
}
