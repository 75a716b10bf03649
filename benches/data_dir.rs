//! Writes a data folder with a long history, for the whole-process benchmarks
//! (`benches/startup.sh` with `DATA=…`, BENCHMARKS.md): 100 user decks of 1,000 cards and
//! the synthetic log of 1,000,000 reviews of them (`common::synthetic_log`), as the frame
//! benchmark loads them.
//!
//!     cargo bench --bench data_dir -- DIR [REVIEWS]
//!
//! Not a criterion benchmark: it measures nothing, it only writes DIR (which must not
//! exist yet). REVIEWS defaults to 1,000,000.

mod common;

use common::{generated_decks, synthetic_log, to_jsonl};
use mensetsu::core::paths::DataDir;
use mensetsu::core::review::scheduler::{Scheduler, SchedulerConfig};
use std::process::ExitCode;

fn main() -> ExitCode {
    // cargo bench adds `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench --bench data_dir -- DIR [REVIEWS]");
        return ExitCode::from(2);
    };
    let reviews = match args
        .get(1)
        .map(|text| text.replace(',', "").parse::<usize>())
    {
        None => 1_000_000,
        Some(Ok(reviews)) => reviews,
        Some(Err(error)) => {
            eprintln!("REVIEWS: {error}");
            return ExitCode::from(2);
        }
    };
    if std::path::Path::new(dir).exists() {
        eprintln!("{dir} exists already; give a new folder");
        return ExitCode::FAILURE;
    }
    let data = DataDir::new(dir);
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(data.decks_dir())?;
        std::fs::create_dir_all(data.reviews_dir())?;
        for (name, text) in generated_decks(100, 1_000) {
            std::fs::write(data.decks_dir().join(name), text)?;
        }
        let scheduler =
            Scheduler::new(SchedulerConfig::default()).map_err(std::io::Error::other)?;
        let (records, _) = synthetic_log(&scheduler, 100, 1_000, reviews);
        std::fs::write(
            // This device's own log (benches/startup.sh runs the app as device `bench`;
            // the records' ids are `bench-<n>`): the app reads it twice, to find where
            // to append and to load it.
            data.reviews_dir().join("bench.jsonl"),
            to_jsonl(&records),
        )
    })();
    match written {
        Ok(()) => {
            eprintln!("{dir}: 100 decks of 1,000 cards, {reviews} reviews");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{dir}: {error}");
            ExitCode::FAILURE
        }
    }
}
