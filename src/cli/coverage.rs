//! `mensetsu coverage`: which answer points typed drafts cover, one JSON line per draft,
//! for scripts and for measuring the detector (BENCHMARKS.md).

use super::GlobalOptions;
use crate::core::content::deck::DeckSet;
use crate::core::study::coverage::{Detector, Evidence, Miss};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Detect the answer points a typed draft covers. With --jsonl, read lines
/// {"card": ID, "lang": "ja"|"en", "draft": TEXT} and print one line per input, in order:
/// {"card": ID, "covered": [indices], "scores": [one per point], "why": [one per point:
/// null, or why a point the draft touched was not credited]}; a line that cannot be
/// used gets {"line": N, "error": …} and the rest go on. With --card, read one draft from
/// standard input.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["jsonl", "card"])))]
pub struct CoverageArgs {
    /// A file of drafts, one JSON object a line; - reads standard input
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// The card one draft on standard input answers
    #[arg(long, value_name = "ID")]
    card: Option<String>,
    /// The language of the draft (both languages of each point are compared anyway)
    #[arg(long, value_name = "LANG", requires = "card", value_parser = ["ja", "en"])]
    lang: Option<String>,
    /// Add each point's evidence (the measures its verdict was drawn from) to the output
    #[arg(long)]
    evidence: bool,
}

#[derive(Deserialize)]
struct Input {
    card: String,
    #[serde(default)]
    lang: Option<String>,
    draft: String,
}

#[derive(Serialize)]
struct Output<'a> {
    card: &'a str,
    covered: &'a [usize],
    scores: Vec<f64>,
    /// Per point: why a point the draft touched was not credited, or null.
    why: &'a [Option<Miss>],
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [Evidence]>,
}

pub fn run(options: &GlobalOptions, args: &CoverageArgs) -> ExitCode {
    let decks = match options.data_dir() {
        Ok(dir) => DeckSet::load(Some(&dir.decks_dir())),
        Err(message) => {
            eprintln!("mensetsu coverage: {message}");
            return ExitCode::FAILURE;
        }
    };
    for problem in &decks.problems {
        eprintln!("warning: {}", super::words().problem(problem));
    }
    let detector = Detector::new(&decks);
    let mut stdout = std::io::stdout().lock();
    let result = match (&args.jsonl, &args.card) {
        (Some(path), _) => jsonl(&decks, &detector, path, args.evidence, &mut stdout),
        (None, Some(card)) => one_draft(&decks, &detector, card, args.evidence, &mut stdout),
        (None, None) => Ok(ExitCode::from(2)),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mensetsu coverage: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Scores rounded to four decimals: enough to compare, short enough to read.
fn line_for(
    decks: &DeckSet,
    detector: &Detector,
    card_id: &str,
    draft: &str,
    with_evidence: bool,
) -> Result<String, String> {
    let (_, card) = decks
        .find_card(card_id)
        .ok_or_else(|| format!("no card with id `{card_id}`"))?;
    let coverage = detector.detect(card, draft);
    let output = Output {
        card: card_id,
        covered: &coverage.covered,
        scores: coverage
            .scores
            .iter()
            .map(|score| (f64::from(*score) * 1e4).round() / 1e4)
            .collect(),
        why: &coverage.misses,
        evidence: with_evidence.then_some(coverage.evidence.as_slice()),
    };
    serde_json::to_string(&output).map_err(|error| error.to_string())
}

fn jsonl(
    decks: &DeckSet,
    detector: &Detector,
    path: &PathBuf,
    with_evidence: bool,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let name = path.display().to_string();
    let failures = answer_lines_with(decks, detector, reader, &name, with_evidence, out)?;
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Answers every non-blank line of `reader` with one line on `out`, in order: the
/// coverage, or `{"line": N, "error": …}`. Returns how many lines failed. Public for the
/// fuzz target, which feeds it anything.
pub fn answer_lines(
    decks: &DeckSet,
    detector: &Detector,
    reader: impl BufRead,
    name: &str,
    out: &mut impl Write,
) -> Result<usize, String> {
    answer_lines_with(decks, detector, reader, name, false, out)
}

fn answer_lines_with(
    decks: &DeckSet,
    detector: &Detector,
    reader: impl BufRead,
    name: &str,
    with_evidence: bool,
    out: &mut impl Write,
) -> Result<usize, String> {
    let mut failures = 0usize;
    for (index, line) in reader.split(b'\n').enumerate() {
        let number = index + 1;
        let bytes = line.map_err(|error| format!("cannot read {name}: {error}"))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let output = std::str::from_utf8(&bytes)
            .map_err(|_| "not UTF-8 text".to_string())
            .and_then(|text| {
                serde_json::from_str::<Input>(text.trim_end_matches('\r'))
                    .map_err(|error| crate::core::text::serde_message(&error, 120))
            })
            .and_then(|input| {
                match input.lang.as_deref() {
                    None | Some("ja" | "en") => {}
                    Some(other) => return Err(format!("`lang` is ja or en, not `{other}`")),
                }
                line_for(decks, detector, &input.card, &input.draft, with_evidence)
            });
        let text = output.unwrap_or_else(|error| {
            failures += 1;
            serde_json::json!({ "line": number, "error": error }).to_string()
        });
        writeln!(out, "{text}").map_err(|error| format!("cannot write: {error}"))?;
    }
    Ok(failures)
}

fn one_draft(
    decks: &DeckSet,
    detector: &Detector,
    card: &str,
    with_evidence: bool,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let mut draft = String::new();
    std::io::stdin()
        .read_to_string(&mut draft)
        .map_err(|error| format!("cannot read the draft from standard input: {error}"))?;
    let line = line_for(decks, detector, card, &draft, with_evidence)?;
    writeln!(out, "{line}").map_err(|error| format!("cannot write: {error}"))?;
    Ok(ExitCode::SUCCESS)
}
