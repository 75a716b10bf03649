//! Speech analysis speed (BENCHMARKS.md, "Answering aloud"): the figures of a two-minute
//! spoken answer at the recording rate (16 kHz mono), as Stop computes them when a
//! recording ends (target: a median of 50 ms or less), and the outline of its waveform,
//! made at the same moment.

use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::audio::at_recording_rate;
use mensetsu::core::content::deck::Lang;
use mensetsu::core::speech::analysis::{self, DEFAULT_PAUSE_S};
use mensetsu::core::speech::wav::{self, Audio, RECORDING_RATE};
use std::hint::black_box;
use std::path::Path;

/// Two minutes of speech: the English fixture at the normal speed (espeak-ng, with one
/// pause), at the recording rate and repeated end to end.
fn two_minutes() -> Audio {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/speech/en-normal.wav");
    let once = at_recording_rate(&wav::read(&fixture).expect("the fixture reads"));
    let wanted = 120 * RECORDING_RATE as usize;
    let samples: Vec<f32> = once
        .iter()
        .cycle()
        .take(wanted)
        .map(|sample| f32::from(*sample) / 32768.0)
        .collect();
    Audio {
        sample_rate: RECORDING_RATE,
        samples,
    }
}

fn analyze(criterion: &mut Criterion) {
    let audio = two_minutes();
    let figures = analysis::analyze(&audio, Lang::En, DEFAULT_PAUSE_S);
    // The repeats are joined without silence between them, so the pauses are the
    // fixture's own, one each time it comes round (20 full repeats and a part).
    assert!(figures.pauses.len() >= 20, "{:?}", figures.pauses.len());
    criterion.bench_function("analyze a two-minute answer (16 kHz)", |bench| {
        bench.iter(|| analysis::analyze(black_box(&audio), Lang::En, DEFAULT_PAUSE_S))
    });
}

/// The waveform's outline, computed with the figures when a recording stops.
fn envelope(criterion: &mut Criterion) {
    let audio = two_minutes();
    assert_eq!(analysis::envelope(&audio, 600).len(), 600);
    criterion.bench_function("waveform of a two-minute answer (600 slices)", |bench| {
        bench.iter(|| analysis::envelope(black_box(&audio), 600))
    });
}

criterion_group!(benches, analyze, envelope);
criterion_main!(benches);
