//! `mensetsu speech`: measure how a recorded answer was spoken, and record one from the
//! default microphone through the code path the app records with.

use super::{print_json, system_lang};
use crate::audio::{self, Recording};
use crate::core::content::deck::Lang;
use crate::core::files::{Readers, new_file_options};
use crate::core::speech::analysis::{self, Analysis, Pace, Span};
use crate::core::speech::wav::{self, RECORDING_RATE};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Answers spoken aloud: record one, or measure how one was spoken
#[derive(Debug, clap::Args)]
pub struct SpeechArgs {
    #[command(subcommand)]
    action: SpeechAction,
}

#[derive(Debug, clap::Subcommand)]
enum SpeechAction {
    /// Measure a recording (WAV: 16-bit, float or µ-law, any rate, mono or stereo):
    /// its length, the speaking time from the first sound to the last, the pauses and
    /// the speech rate
    Analyze {
        /// The WAV file
        file: PathBuf,
        /// The language spoken, for the rate's unit: morae/s (ja) or syllables/s (en)
        /// [default: the locale's]
        #[arg(long, value_name = "LANG", value_parser = ["ja", "en"])]
        lang: Option<String>,
        /// The shortest silence that counts as a pause, in seconds
        #[arg(long, value_name = "SECONDS", default_value_t = analysis::DEFAULT_PAUSE_S)]
        pause: f64,
        /// {"duration_s", "speech_s", "pauses": [{"start_s", "end_s"}], "rate": {"value",
        /// "unit"}} instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Play a WAV file on the default output, as the app plays a recording back
    Play {
        /// The WAV file
        file: PathBuf,
    },
    /// Record from the default microphone into a WAV file (16 kHz mono µ-law)
    Record {
        /// How long to record
        #[arg(long, value_name = "N")]
        seconds: f64,
        /// The file to write (replaced if it exists)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
}

/// The figures as `--json` prints them, to the millisecond.
#[derive(Serialize)]
struct Output {
    duration_s: f64,
    speech_s: f64,
    pauses: Vec<Span>,
    rate: RateOutput,
}

#[derive(Serialize)]
struct RateOutput {
    value: f64,
    unit: &'static str,
}

fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

impl From<&Analysis> for Output {
    fn from(analysis: &Analysis) -> Self {
        Output {
            duration_s: rounded(analysis.duration_s, 3),
            speech_s: rounded(analysis.speech_s, 3),
            pauses: analysis
                .pauses
                .iter()
                .map(|pause| Span {
                    start_s: rounded(pause.start_s, 3),
                    end_s: rounded(pause.end_s, 3),
                })
                .collect(),
            rate: RateOutput {
                value: rounded(analysis.rate.value, 2),
                unit: analysis.rate.unit.label(),
            },
        }
    }
}

pub fn run(args: &SpeechArgs) -> ExitCode {
    match &args.action {
        SpeechAction::Analyze {
            file,
            lang,
            pause,
            json,
        } => analyze(file, lang.as_deref(), *pause, *json),
        SpeechAction::Record { seconds, output } => record(*seconds, output),
        SpeechAction::Play { file } => play(file),
    }
}

fn play(file: &Path) -> ExitCode {
    #[cfg(unix)]
    let played = audio::play(file, 0.0).and_then(audio::pulse::Playback::wait);
    #[cfg(not(unix))]
    let played: Result<(), audio::AudioError> =
        Err(audio::AudioError::NoServer { tried: Vec::new() });
    match played {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mensetsu speech play: {error}");
            ExitCode::FAILURE
        }
    }
}

fn analyze(file: &Path, lang: Option<&str>, pause: f64, json: bool) -> ExitCode {
    if !(pause.is_finite() && pause > 0.0) {
        eprintln!("mensetsu speech analyze: --pause must be a positive number of seconds");
        return ExitCode::from(2);
    }
    let lang = match lang {
        Some("ja") => Lang::Ja,
        Some(_) => Lang::En,
        None => system_lang(),
    };
    let audio = match wav::read(file) {
        Ok(audio) => audio,
        Err(error) => {
            eprintln!("mensetsu speech analyze: {error}");
            return ExitCode::FAILURE;
        }
    };
    let analysis = analysis::analyze(&audio, lang, pause);
    if json {
        return print_json(&Output::from(&analysis));
    }
    println!("duration       {:>7.2} s", analysis.duration_s);
    match analysis.speech {
        Some(speech) => println!(
            "speaking time  {:>7.2} s  (from {:.2} s to {:.2} s)",
            analysis.speech_s, speech.start_s, speech.end_s
        ),
        None => println!("speaking time     0.00 s  (no speech found)"),
    }
    let rate = analysis.rate;
    let (low, high) = rate.unit.normal_range();
    let pace = match rate.pace() {
        Pace::Slow => "slower than",
        Pace::Normal => "within",
        Pace::Fast => "faster than",
    };
    println!(
        "rate           {:>7.2} {}  ({pace} an interview's {low}–{high})",
        rate.value,
        rate.unit.label()
    );
    if analysis.pauses.is_empty() {
        println!("pauses         none of {pause} s or more");
    } else {
        println!("pauses of {pause} s or more:");
        println!("  #    start      end   length");
        for (number, span) in analysis.pauses.iter().enumerate() {
            println!(
                "  {:<2} {:>6.2} s {:>6.2} s {:>6.2} s",
                number + 1,
                span.start_s,
                span.end_s,
                span.length_s()
            );
        }
    }
    ExitCode::SUCCESS
}

fn record(seconds: f64, output: &Path) -> ExitCode {
    let longest = wav::MAX_MINUTES * 60.0;
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= longest) {
        eprintln!("mensetsu speech record: --seconds must be more than 0 and at most {longest}");
        return ExitCode::from(2);
    }
    let fail = |message: String| {
        eprintln!("mensetsu speech record: {message}");
        ExitCode::FAILURE
    };
    let source = match audio::default_source() {
        Ok(source) => source,
        Err(error) => return fail(error.to_string()),
    };
    // A recording of the user's voice is theirs alone, like the rest of the data folder.
    let file = match new_file_options(Readers::OnlyTheUser)
        .write(true)
        .create(true)
        .truncate(true)
        .open(output)
    {
        Ok(file) => file,
        Err(error) => return fail(format!("cannot write {}: {error}", output.display())),
    };
    let limit = (seconds * f64::from(RECORDING_RATE)).round() as u64;
    let recording = match Recording::start(source, file, output.to_path_buf(), Some(limit)) {
        Ok(recording) => recording,
        Err(error) => return fail(error.to_string()),
    };
    while !recording.has_ended() {
        std::thread::sleep(Duration::from_millis(20));
    }
    match recording.stop() {
        Ok(samples) => {
            eprintln!(
                "recorded {:.2} s to {}",
                samples as f64 / f64::from(RECORDING_RATE),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(error.to_string()),
    }
}
