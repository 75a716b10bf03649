//! How an answer was spoken, from the signal alone: how long the voice lasts, where it
//! pauses and how fast it goes. No transcript, nothing leaves the machine.
//!
//! The speech rate follows de Jong & Wempe (2009), "Praat script to detect syllable
//! nuclei and measure speech rate automatically", Behavior Research Methods 41(2),
//! 385–390:
//!
//! 1. the intensity contour in dB (their Praat call: minimum pitch 50 Hz, so a window of
//!    64 ms; here a Hann window of 64 ms every 10 ms, the window's mean subtracted);
//! 2. silence is what lies more than 25 dB below the 99th percentile of intensity (their
//!    `silencedb` = −25 against `max99`), and a sound shorter than 0.1 s is no sound
//!    (their minimum sounding interval);
//! 3. a syllable nucleus is an intensity peak above the median intensity of the file
//!    (the paper's threshold), separated from the nucleus before it by a dip of at least
//!    2 dB (their `mindip`); of two peaks with a shallower dip between them the higher one
//!    is kept (the script compares each peak with the next only and so never counts the
//!    last one; keeping the higher peak counts every nucleus once);
//! 4. a peak counts only where the voice is voiced (their Praat pitch track): here the
//!    normalized autocorrelation of 40 ms around the peak reaches 0.45 (Praat's default
//!    voicing threshold) at some lag of a pitch between 75 and 500 Hz.
//!
//! The rate is nuclei per second of speaking time (from the first sound to the last,
//! pauses included), as the issue defines the true rate; a Japanese mora is not a
//! syllable (ん, っ and the second half of a long vowel carry no nucleus of their own), so
//! the Japanese figure is scaled by [`MORAE_PER_NUCLEUS`].

use super::wav::Audio;
use crate::core::content::deck::Lang;
use serde::Serialize;

/// Silences at least this long inside an answer count as pauses (the default; the
/// app's is the setting [`crate::core::bounds::PAUSE_SECONDS`], of the same default).
pub const DEFAULT_PAUSE_S: f64 = 0.7;

/// The intensity contour's step and window (de Jong & Wempe's minimum pitch of 50 Hz
/// gives Praat's 3.2 / 50 Hz = 64 ms window).
const HOP_S: f64 = 0.010;
const WINDOW_S: f64 = 0.064;
/// Silence: more than this many dB below the 99th percentile of intensity.
const SILENCE_DB: f64 = -25.0;
/// Quieter than this is silence whatever the rest of the file does (dB of mean square
/// against full scale, a full-scale sine being −3 dB): a microphone's own noise in a quiet
/// room, so a file of near-silence is not read as speech.
const FLOOR_DB: f64 = -60.0;
/// Sounds shorter than this are clicks, not speech (de Jong & Wempe's minimum sounding
/// interval).
const MIN_SOUND_S: f64 = 0.1;
/// The dip between two nuclei.
const MIN_DIP_DB: f64 = 2.0;
/// Voicing: the autocorrelation window, the pitch range searched and the threshold.
const VOICING_WINDOW_S: f64 = 0.040;
const PITCH_MIN_HZ: f64 = 75.0;
const PITCH_MAX_HZ: f64 = 500.0;
const VOICING_THRESHOLD: f64 = 0.45;

/// Japanese morae per syllable nucleus. Every CV mora has its vowel and so its peak, but
/// the moraic nasal ん, the geminate っ and the second half of a long vowel (ー, おう, えい)
/// are morae without a peak of their own, so nuclei undercount morae by their share of the
/// speech. Left at 1.0 until it is measured on real Japanese speech rather than guessed:
/// on the espeak-ng fixtures (tests/fixtures/speech/) the figure comes out 4–19 % under
/// the mora rate counted from their kana, within the ±20 % the issue asks.
pub const MORAE_PER_NUCLEUS: f64 = 1.0;

/// A stretch of the recording, in seconds from its start.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Span {
    pub start_s: f64,
    pub end_s: f64,
}

impl Span {
    pub fn length_s(&self) -> f64 {
        self.end_s - self.start_s
    }
}

/// What the rate counts: morae in Japanese, syllables in English. Ordered so statistics
/// can keep a figure per unit in a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RateUnit {
    #[serde(rename = "morae/s")]
    MoraePerSecond,
    #[serde(rename = "syllables/s")]
    SyllablesPerSecond,
}

impl RateUnit {
    pub fn of(lang: Lang) -> Self {
        match lang {
            Lang::Ja => RateUnit::MoraePerSecond,
            Lang::En => RateUnit::SyllablesPerSecond,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RateUnit::MoraePerSecond => "morae/s",
            RateUnit::SyllablesPerSecond => "syllables/s",
        }
    }

    /// The unit a log record names by its [`label`](Self::label); `None` for one this
    /// version does not know (a newer version's, or a damaged line).
    pub fn from_label(label: &str) -> Option<Self> {
        [RateUnit::MoraePerSecond, RateUnit::SyllablesPerSecond]
            .into_iter()
            .find(|unit| unit.label() == label)
    }

    /// The pace of a calm interview answer, from the pace the delivery line already
    /// assumes for a typed draft ([`crate::core::study::delivery`]), ±20 %: 150 words a
    /// minute at about 1.5 syllables a word is 3.75 syllables a second; 300 characters a
    /// minute of mixed kanji and kana at about 1.4 morae a character is 7 morae a second.
    pub fn normal_range(self) -> (f64, f64) {
        match self {
            RateUnit::MoraePerSecond => (5.6, 8.4),
            RateUnit::SyllablesPerSecond => (3.0, 4.5),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    pub value: f64,
    pub unit: RateUnit,
}

/// Where a rate stands against the language's normal range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    Slow,
    Normal,
    Fast,
}

impl Rate {
    pub fn pace(&self) -> Pace {
        let (low, high) = self.unit.normal_range();
        if self.value < low {
            Pace::Slow
        } else if self.value > high {
            Pace::Fast
        } else {
            Pace::Normal
        }
    }
}

/// The figures of one recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub duration_s: f64,
    /// From the first sound to the last; `None` for a recording of silence.
    pub speech: Option<Span>,
    /// The length of `speech`, 0 without any.
    pub speech_s: f64,
    /// Silences of at least the pause threshold between the first sound and the last.
    pub pauses: Vec<Span>,
    /// The times of the syllable nuclei found.
    pub nuclei_s: Vec<f64>,
    pub rate: Rate,
}

/// Analyzes a recording; `pause_s` is the shortest silence that counts as a pause.
pub fn analyze(audio: &Audio, lang: Lang, pause_s: f64) -> Analysis {
    let rate = f64::from(audio.sample_rate);
    let hop = ((HOP_S * rate).round() as usize).max(1);
    let hop_s = hop as f64 / rate;
    let intensity = intensity_db(&audio.samples, hop, (WINDOW_S * rate).round() as usize);
    let unit = RateUnit::of(lang);
    let silent = Analysis {
        duration_s: audio.duration_s(),
        speech: None,
        speech_s: 0.0,
        pauses: Vec::new(),
        nuclei_s: Vec::new(),
        rate: Rate { value: 0.0, unit },
    };
    if intensity.is_empty() {
        return silent;
    }
    let silence_db = (percentile(&intensity, 0.99) + SILENCE_DB).max(FLOOR_DB);
    let mut sounding: Vec<bool> = intensity.iter().map(|db| *db >= silence_db).collect();
    drop_short_sounds(&mut sounding, (MIN_SOUND_S / hop_s).round() as usize);
    let (Some(first), Some(last)) = (
        sounding.iter().position(|sound| *sound),
        sounding.iter().rposition(|sound| *sound),
    ) else {
        return silent;
    };
    // Frame `i` covers [i·hop, (i + 1)·hop).
    let time = |frame: usize| frame as f64 * hop_s;
    let speech = Span {
        start_s: time(first),
        end_s: time(last + 1).min(audio.duration_s()),
    };
    let mut pauses = Vec::new();
    let mut frame = first;
    while frame <= last {
        if sounding[frame] {
            frame += 1;
            continue;
        }
        let start = frame;
        while !sounding[frame] {
            frame += 1;
        }
        let pause = Span {
            start_s: time(start),
            end_s: time(frame),
        };
        // A tolerance of half a frame: a silence measured as 69 frames of 10 ms is 0.69 s
        // only up to the frame's resolution.
        if pause.length_s() + hop_s / 2.0 >= pause_s {
            pauses.push(pause);
        }
    }
    let peak_db = percentile(&intensity, 0.5).max(silence_db);
    let nuclei: Vec<usize> = nuclei(&intensity, &sounding, peak_db)
        .into_iter()
        .filter(|frame| is_voiced(audio, (*frame as f64 + 0.5) * hop_s))
        .collect();
    let speech_s = speech.length_s();
    let per_second = nuclei.len() as f64 / speech_s;
    let value = match unit {
        RateUnit::MoraePerSecond => per_second * MORAE_PER_NUCLEUS,
        RateUnit::SyllablesPerSecond => per_second,
    };
    Analysis {
        duration_s: audio.duration_s(),
        speech: Some(speech),
        speech_s,
        pauses,
        nuclei_s: nuclei
            .iter()
            .map(|frame| (*frame as f64 + 0.5) * hop_s)
            .collect(),
        rate: Rate { value, unit },
    }
}

/// The intensity of each `hop` samples, in dB against full scale, over a Hann window of
/// `window` samples centred on the hop with its mean subtracted (so a DC offset is not
/// sound).
fn intensity_db(samples: &[f32], hop: usize, window: usize) -> Vec<f64> {
    let window = window.max(2);
    let weights: Vec<f64> = (0..window)
        .map(|n| 0.5 - 0.5 * (2.0 * std::f64::consts::PI * n as f64 / (window - 1) as f64).cos())
        .collect();
    let frames = samples.len().div_ceil(hop);
    (0..frames)
        .map(|frame| {
            let centre = frame * hop + hop / 2;
            let start = centre as isize - (window / 2) as isize;
            let mut weight_sum = 0.0;
            let mut sum = 0.0;
            let mut square_sum = 0.0;
            for (n, weight) in weights.iter().enumerate() {
                let at = start + n as isize;
                if at < 0 || at as usize >= samples.len() {
                    continue;
                }
                let x = f64::from(samples[at as usize]);
                weight_sum += weight;
                sum += weight * x;
                square_sum += weight * x * x;
            }
            if weight_sum == 0.0 {
                return -100.0;
            }
            let mean = sum / weight_sum;
            let power = (square_sum / weight_sum - mean * mean).max(0.0);
            10.0 * (power + 1e-10).log10()
        })
        .collect()
}

/// The value below which `fraction` of `values` lie (nearest rank).
fn percentile(values: &[f64], fraction: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Turns runs of sound shorter than `frames` into silence.
fn drop_short_sounds(sounding: &mut [bool], frames: usize) {
    let mut frame = 0;
    while frame < sounding.len() {
        if !sounding[frame] {
            frame += 1;
            continue;
        }
        let start = frame;
        while frame < sounding.len() && sounding[frame] {
            frame += 1;
        }
        if frame - start < frames {
            sounding[start..frame].fill(false);
        }
    }
}

/// Intensity peaks in sound above `threshold_db`, each at least [`MIN_DIP_DB`] above the
/// lowest point between it and the nucleus before it (step 3 of the module's method).
fn nuclei(intensity: &[f64], sounding: &[bool], threshold_db: f64) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::new();
    for frame in 1..intensity.len().saturating_sub(1) {
        let db = intensity[frame];
        let is_peak = db > intensity[frame - 1] && db >= intensity[frame + 1];
        if !is_peak || !sounding[frame] || db <= threshold_db {
            continue;
        }
        match kept.last_mut() {
            Some(previous) => {
                let dip = intensity[*previous..=frame]
                    .iter()
                    .copied()
                    .fold(f64::INFINITY, f64::min);
                if db.min(intensity[*previous]) - dip >= MIN_DIP_DB {
                    kept.push(frame);
                } else if db > intensity[*previous] {
                    *previous = frame;
                }
            }
            None => kept.push(frame),
        }
    }
    kept
}

/// Whether the signal around `at_s` is periodic at a voice's pitch (step 4).
fn is_voiced(audio: &Audio, at_s: f64) -> bool {
    let rate = f64::from(audio.sample_rate);
    // Above 16 kHz every `stride`-th sample: a pitch of at most 500 Hz is still sampled
    // 32 times a period, and a 48 kHz file costs no more than a 16 kHz one.
    let stride = (audio.sample_rate / 16_000).max(1) as usize;
    let step_rate = rate / stride as f64;
    let length = (VOICING_WINDOW_S * step_rate).round() as usize;
    let centre = (at_s * rate) as usize;
    let start = centre.saturating_sub(length / 2 * stride);
    let window: Vec<f64> = audio
        .samples
        .iter()
        .skip(start)
        .step_by(stride)
        .take(length)
        .map(|x| f64::from(*x))
        .collect();
    let shortest = (step_rate / PITCH_MAX_HZ).floor().max(1.0) as usize;
    let longest = ((step_rate / PITCH_MIN_HZ).ceil() as usize).min(window.len() / 2);
    (shortest..=longest).any(|lag| {
        let (mut cross, mut head, mut tail) = (0.0, 0.0, 0.0);
        for n in 0..window.len() - lag {
            cross += window[n] * window[n + lag];
            head += window[n] * window[n];
            tail += window[n + lag] * window[n + lag];
        }
        head > 0.0 && tail > 0.0 && cross / (head * tail).sqrt() >= VOICING_THRESHOLD
    })
}

/// The loudness of `audio` in `bins` equal slices, each its peak as a share of the
/// loudest slice's (0…1): the outline of a recording, drawn as its waveform. Peaks rather
/// than the mean, so a short loud syllable still shows; a recording of silence is all 0.
pub fn envelope(audio: &Audio, bins: usize) -> Vec<f32> {
    if bins == 0 {
        return Vec::new();
    }
    let count = audio.samples.len();
    let mut peaks: Vec<f32> = (0..bins)
        .map(|bin| {
            let (start, end) = (bin * count / bins, (bin + 1) * count / bins);
            audio.samples[start..end]
                .iter()
                .fold(0.0_f32, |peak, sample| peak.max(sample.abs()))
        })
        .collect();
    let loudest = peaks.iter().copied().fold(0.0_f32, f32::max);
    if loudest > 0.0 {
        for peak in &mut peaks {
            *peak /= loudest;
        }
    }
    peaks
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 16_000;

    #[test]
    fn the_envelope_is_each_slices_peak_against_the_loudest() {
        // Four slices of two samples: peaks 0.1, 0.5 (a negative sample), 0, 0.25.
        let audio = Audio {
            sample_rate: 8,
            samples: vec![0.1, -0.05, 0.2, -0.5, 0.0, 0.0, 0.25, 0.1],
        };
        assert_eq!(envelope(&audio, 4), [0.2, 1.0, 0.0, 0.5]);
        // More slices than samples: empty slices are silent, never out of bounds.
        assert_eq!(envelope(&audio, 16).len(), 16);
        assert_eq!(envelope(&audio, 0), Vec::<f32>::new());
        let silence = Audio {
            sample_rate: 8,
            samples: vec![0.0; 10],
        };
        assert_eq!(envelope(&silence, 2), [0.0, 0.0]);
    }

    /// A signal built piece by piece, so every expected value is known by construction.
    struct Builder {
        samples: Vec<f32>,
        seed: u32,
    }

    impl Builder {
        fn new() -> Self {
            Builder {
                samples: Vec::new(),
                seed: 1,
            }
        }

        fn now_s(&self) -> f64 {
            self.samples.len() as f64 / f64::from(RATE)
        }

        fn silence(&mut self, seconds: f64) -> &mut Self {
            let count = (seconds * f64::from(RATE)).round() as usize;
            self.samples.extend(std::iter::repeat_n(0.0, count));
            self
        }

        /// A vowel-like burst: a 150 Hz tone with two harmonics, its amplitude rising and
        /// falling as a raised cosine over `seconds`, peaking at `amplitude`.
        fn voiced(&mut self, seconds: f64, amplitude: f32) -> &mut Self {
            let count = (seconds * f64::from(RATE)).round() as usize;
            for n in 0..count {
                let t = n as f64 / f64::from(RATE);
                let envelope =
                    0.5 - 0.5 * (2.0 * std::f64::consts::PI * n as f64 / count as f64).cos();
                let phase = 2.0 * std::f64::consts::PI * 150.0 * t;
                let tone = phase.sin() + 0.5 * (2.0 * phase).sin() + 0.25 * (3.0 * phase).sin();
                self.samples
                    .push((f64::from(amplitude) * envelope * tone / 1.75) as f32);
            }
            self
        }

        /// Like `voiced`, but white noise: a fricative, with no pitch.
        fn noise(&mut self, seconds: f64, amplitude: f32) -> &mut Self {
            let count = (seconds * f64::from(RATE)).round() as usize;
            for n in 0..count {
                // xorshift32: any fixed noise will do.
                self.seed ^= self.seed << 13;
                self.seed ^= self.seed >> 17;
                self.seed ^= self.seed << 5;
                let white = self.seed as f64 / f64::from(u32::MAX) * 2.0 - 1.0;
                let envelope =
                    0.5 - 0.5 * (2.0 * std::f64::consts::PI * n as f64 / count as f64).cos();
                self.samples
                    .push((f64::from(amplitude) * envelope * white) as f32);
            }
            self
        }

        /// `count` syllables: bursts of 0.15 s with a quiet 0.05 s between them, as in
        /// fluent speech (the dips are far deeper than 2 dB).
        fn syllables(&mut self, count: usize) -> &mut Self {
            for _ in 0..count {
                self.voiced(0.15, 0.5).silence(0.05);
            }
            self
        }

        fn audio(&self) -> Audio {
            Audio {
                sample_rate: RATE,
                samples: self.samples.clone(),
            }
        }
    }

    #[test]
    fn counts_known_syllables_pauses_and_speaking_time() {
        // 0.5 s of silence, 10 syllables, a pause of 1.0 s, 8 syllables, a pause of 1.5 s,
        // 12 syllables, 0.8 s of silence. Each syllable takes 0.2 s with its gap, the last
        // gap of a phrase belonging to the pause after it.
        let mut signal = Builder::new();
        signal.silence(0.5).syllables(10);
        let first_pause = signal.now_s() - 0.05;
        signal.silence(1.0).syllables(8);
        let second_pause = signal.now_s() - 0.05;
        signal.silence(1.5).syllables(12);
        let speech_end = signal.now_s() - 0.05;
        signal.silence(0.8);
        let analysis = analyze(&signal.audio(), Lang::En, DEFAULT_PAUSE_S);

        assert_eq!(analysis.nuclei_s.len(), 30, "{:?}", analysis.nuclei_s);
        let speech = analysis.speech.unwrap();
        // The edges of a raised-cosine burst are quiet: the voice is "on" once it is within
        // 25 dB of the loudest, a little after the burst's first sample.
        assert!((speech.start_s - 0.5).abs() < 0.05, "{speech:?}");
        assert!((speech.end_s - speech_end).abs() < 0.05, "{speech:?}");
        assert_eq!(analysis.pauses.len(), 2, "{:?}", analysis.pauses);
        for (pause, (start, length)) in analysis
            .pauses
            .iter()
            .zip([(first_pause, 1.05), (second_pause, 1.55)])
        {
            assert!((pause.start_s - start).abs() < 0.06, "{pause:?} vs {start}");
            assert!(
                (pause.length_s() - length).abs() < 0.1,
                "{pause:?} vs {length}"
            );
        }
        let expected_rate = 30.0 / (speech_end - 0.5);
        assert!((analysis.rate.value - expected_rate).abs() / expected_rate < 0.05);
        assert_eq!(analysis.rate.unit, RateUnit::SyllablesPerSecond);
    }

    #[test]
    fn a_short_silence_is_no_pause_and_the_threshold_is_the_callers() {
        let mut signal = Builder::new();
        signal.syllables(3).silence(0.5).syllables(3);
        let audio = signal.audio();
        assert!(analyze(&audio, Lang::Ja, DEFAULT_PAUSE_S).pauses.is_empty());
        let pauses = analyze(&audio, Lang::Ja, 0.4).pauses;
        assert_eq!(pauses.len(), 1, "{pauses:?}");
    }

    #[test]
    fn a_shallow_dip_makes_one_nucleus_and_noise_makes_none() {
        // Two bursts with a valley only 1 dB deep between them (a diphthong): one nucleus.
        let mut signal = Builder::new();
        signal.silence(0.3);
        let start = signal.samples.len();
        signal.voiced(0.4, 0.5);
        let count = signal.samples.len() - start;
        // Flatten the raised cosine into a plateau with a 1 dB dip in the middle.
        for (n, sample) in signal.samples[start..].iter_mut().enumerate() {
            let t = n as f64 / count as f64;
            let phase = 2.0 * std::f64::consts::PI * 150.0 * n as f64 / f64::from(RATE);
            let edge = (t.min(1.0 - t) / 0.1).min(1.0);
            let dip = 1.0 - (1.0 - 10f64.powf(-1.0 / 20.0)) * (-((t - 0.5) / 0.08).powi(2)).exp();
            *sample = (0.5 * edge * dip * phase.sin()) as f32;
        }
        signal.silence(0.3);
        assert_eq!(
            analyze(&signal.audio(), Lang::En, DEFAULT_PAUSE_S)
                .nuclei_s
                .len(),
            1
        );

        // Five voiced bursts and five noise bursts of the same loudness, interleaved: only
        // the voiced ones are nuclei (de Jong & Wempe's voicing check).
        let mut signal = Builder::new();
        signal.silence(0.3);
        for _ in 0..5 {
            signal
                .voiced(0.15, 0.5)
                .silence(0.05)
                .noise(0.15, 0.5)
                .silence(0.05);
        }
        signal.silence(0.3);
        let analysis = analyze(&signal.audio(), Lang::En, DEFAULT_PAUSE_S);
        assert_eq!(analysis.nuclei_s.len(), 5, "{:?}", analysis.nuclei_s);
    }

    #[test]
    fn silence_and_hiss_are_no_speech() {
        let audio = Audio {
            sample_rate: RATE,
            samples: vec![0.0; 32_000],
        };
        let analysis = analyze(&audio, Lang::Ja, DEFAULT_PAUSE_S);
        assert_eq!(analysis.speech, None);
        assert_eq!(analysis.rate.value, 0.0);
        assert_eq!(analysis.duration_s, 2.0);
        // Hiss at −70 dB, under the floor.
        let mut signal = Builder::new();
        signal.noise(2.0, 0.0005);
        assert_eq!(
            analyze(&signal.audio(), Lang::Ja, DEFAULT_PAUSE_S).speech,
            None
        );
    }

    #[test]
    fn the_same_speech_at_another_sample_rate_gives_the_same_figures() {
        let mut signal = Builder::new();
        signal
            .silence(0.4)
            .syllables(6)
            .silence(1.0)
            .syllables(6)
            .silence(0.4);
        let at_16k = analyze(&signal.audio(), Lang::En, DEFAULT_PAUSE_S);
        // The same signal at 48 kHz: each sample three times (the frequencies stay).
        let audio = Audio {
            sample_rate: 48_000,
            samples: signal.samples.iter().flat_map(|x| [*x; 3]).collect(),
        };
        let at_48k = analyze(&audio, Lang::En, DEFAULT_PAUSE_S);
        assert_eq!(at_48k.nuclei_s.len(), 12);
        assert_eq!(at_16k.nuclei_s.len(), 12);
        assert_eq!(at_48k.pauses.len(), 1);
        assert!((at_48k.speech_s - at_16k.speech_s).abs() < 0.02);
    }

    #[test]
    fn the_pace_against_the_normal_range() {
        let rate = |value| Rate {
            value,
            unit: RateUnit::SyllablesPerSecond,
        };
        assert_eq!(rate(2.0).pace(), Pace::Slow);
        assert_eq!(rate(3.75).pace(), Pace::Normal);
        assert_eq!(rate(6.0).pace(), Pace::Fast);
    }
}
