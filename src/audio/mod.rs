//! The microphone: recording from the desktop's sound server into a recording file.
//!
//! Linux desktops run PulseAudio, or PipeWire with its pulse server, and both speak the
//! PulseAudio native protocol over a Unix socket. [`pulse`] speaks it through the
//! pure-Rust `pulseaudio` crate, so building mensetsu needs no system library. The app
//! and `mensetsu speech record` both record through [`Recording`], from a [`Source`].
//!
//! Not part of `core`: this talks to a server and runs a thread; what it writes is the
//! pure [`crate::core::speech::wav::RecordingWriter`].

#[cfg(unix)]
pub mod pulse;

use crate::core::speech::wav;

use crate::core::speech::wav::{RECORDING_RATE, RecordingWriter};
use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::thread::JoinHandle;

/// Why recording could not start or go on; the text is for the user, where the Record
/// button is or on the command line.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error(
        "no sound server: nothing listens at {}; recording and playing need PulseAudio or PipeWire's pulse server (is PULSE_SERVER or XDG_RUNTIME_DIR set?)",
        tried_list(tried)
    )]
    NoServer { tried: Vec<PathBuf> },
    #[error("the sound server at {} refused the connection: {detail}", path.display())]
    Refused { path: PathBuf, detail: String },
    #[error("the sound server has no microphone (default source): {0}")]
    NoSource(String),
    #[error("the sound server stopped sending sound: {0}")]
    Lost(String),
    /// A recording to play that cannot be read (gone, or not a WAV): the file's fault,
    /// not the sound server's.
    #[error("{0}")]
    Unreadable(String),
    #[error("cannot write the recording {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn tried_list(tried: &[PathBuf]) -> String {
    if tried.is_empty() {
        return "no socket path (none of PULSE_SERVER, PULSE_RUNTIME_PATH, XDG_RUNTIME_DIR is set)"
            .to_string();
    }
    tried
        .iter()
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Where sound comes from: blocks of mono 16-bit samples at [`RECORDING_RATE`], each
/// returned as soon as it is there (a tenth of a second or so).
pub trait Source: Send {
    fn read(&mut self) -> Result<Vec<i16>, AudioError>;
}

/// A recording running on its own thread, so that neither the window nor a slow disk
/// holds the other up.
pub struct Recording {
    stop: Arc<AtomicBool>,
    /// The last block's peak, an f32's bits (0…1), for a level meter.
    level: Arc<AtomicU32>,
    samples: Arc<AtomicU64>,
    thread: Option<JoinHandle<Result<u64, AudioError>>>,
}

impl Recording {
    /// Starts recording `source` into `file`, which `path` names for messages, until
    /// [`Self::stop`] or, with `limit`, until that many samples are written (then
    /// [`Self::has_ended`] turns true).
    pub fn start(
        mut source: Box<dyn Source>,
        file: File,
        path: PathBuf,
        limit: Option<u64>,
    ) -> Result<Recording, AudioError> {
        let write_error = |source| AudioError::Write {
            path: path.clone(),
            source,
        };
        let mut writer = RecordingWriter::start(file).map_err(write_error)?;
        let stop = Arc::new(AtomicBool::new(false));
        let level = Arc::new(AtomicU32::new(0));
        let samples = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, level, samples) = (stop.clone(), level.clone(), samples.clone());
            let path = path.clone();
            std::thread::Builder::new()
                .name("mensetsu-record".to_string())
                .spawn(move || {
                    while !stop.load(Ordering::Relaxed)
                        && limit.is_none_or(|limit| writer.samples() < limit)
                    {
                        let mut block = source.read()?;
                        if let Some(limit) = limit {
                            let room = limit.saturating_sub(writer.samples());
                            block.truncate(usize::try_from(room).unwrap_or(usize::MAX));
                        }
                        writer.append(&block).map_err(|source| AudioError::Write {
                            path: path.clone(),
                            source,
                        })?;
                        let peak = block
                            .iter()
                            .map(|sample| f32::from(*sample).abs() / 32768.0)
                            .fold(0.0, f32::max);
                        level.store(peak.to_bits(), Ordering::Relaxed);
                        samples.store(writer.samples(), Ordering::Relaxed);
                    }
                    writer
                        .finish()
                        .map_err(|source| AudioError::Write { path, source })
                })
                .map_err(write_error)?
        };
        Ok(Recording {
            stop,
            level,
            samples,
            thread: Some(thread),
        })
    }

    /// The loudest sample of the last tenth of a second or so, 0…1.
    pub fn level(&self) -> f32 {
        f32::from_bits(self.level.load(Ordering::Relaxed))
    }

    /// Seconds recorded, counted in samples (so no clock is read).
    pub fn elapsed_s(&self) -> f64 {
        self.samples.load(Ordering::Relaxed) as f64 / f64::from(RECORDING_RATE)
    }

    /// Whether the recording thread ended by itself (the server went away, the disk
    /// filled); [`Self::stop`] then says why.
    pub fn has_ended(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Stops, waits for the last block to be written and synced, and returns how many
    /// samples the file holds.
    pub fn stop(mut self) -> Result<u64, AudioError> {
        self.stop.store(true, Ordering::Relaxed);
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(AudioError::Lost(
                "the recording thread panicked".to_string(),
            )),
            None => Ok(self.samples.load(Ordering::Relaxed)),
        }
    }
}

impl Drop for Recording {
    /// A recording dropped unstopped (a screen closed) still ends its thread.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The source the app and `mensetsu speech record` record from: the sound server's
/// default source, or, when `MENSETSU_FAKE_SOURCE` names a WAV file, that file played in
/// real time (for tests on machines without a sound server; nothing else changes).
pub fn default_source() -> Result<Box<dyn Source>, AudioError> {
    match std::env::var_os("MENSETSU_FAKE_SOURCE") {
        Some(path) if !path.is_empty() => Ok(Box::new(FileSource::open(PathBuf::from(path))?)),
        #[cfg(unix)]
        _ => Ok(Box::new(pulse::PulseSource::open()?)),
        #[cfg(not(unix))]
        _ => Err(AudioError::NoServer { tried: Vec::new() }),
    }
}

/// A WAV file as a microphone: its samples at [`RECORDING_RATE`] a tenth of a second at a
/// time, each block when a microphone would give it, then silence.
pub struct FileSource {
    samples: Vec<i16>,
    at: usize,
    next: std::time::Instant,
}

impl FileSource {
    pub fn open(path: PathBuf) -> Result<FileSource, AudioError> {
        let audio = wav::read(&path).map_err(|error| AudioError::NoSource(error.to_string()))?;
        Ok(FileSource {
            samples: at_recording_rate(&audio),
            at: 0,
            next: std::time::Instant::now(),
        })
    }
}

/// `audio` as 16-bit samples at [`RECORDING_RATE`], by linear interpolation: for a test
/// source and for playing a file back, where nobody listens for the last decibel.
pub fn at_recording_rate(audio: &wav::Audio) -> Vec<i16> {
    let step = f64::from(audio.sample_rate) / f64::from(RECORDING_RATE);
    let count = (audio.samples.len() as f64 / step) as usize;
    (0..count)
        .map(|n| {
            let at = n as f64 * step;
            let index = at as usize;
            let this = audio.samples.get(index).copied().unwrap_or(0.0);
            let next = audio.samples.get(index + 1).copied().unwrap_or(this);
            let value = f64::from(this) * (1.0 - at.fract()) + f64::from(next) * at.fract();
            (value * 32767.0).round().clamp(-32768.0, 32767.0) as i16
        })
        .collect()
}

/// Plays a recording (any WAV mensetsu reads) on the default sink, from `from_s`
/// seconds in (a seek, or going on after a pause).
#[cfg(unix)]
pub fn play(path: &std::path::Path, from_s: f64) -> Result<pulse::Playback, AudioError> {
    let audio = wav::read(path).map_err(|error| AudioError::Unreadable(error.to_string()))?;
    let mut samples = at_recording_rate(&audio);
    let skip = ((from_s.max(0.0) * f64::from(RECORDING_RATE)) as usize).min(samples.len());
    samples.drain(..skip);
    pulse::Playback::start(samples, skip as f64 / f64::from(RECORDING_RATE))
}

impl Source for FileSource {
    fn read(&mut self) -> Result<Vec<i16>, AudioError> {
        const BLOCK: usize = RECORDING_RATE as usize / 10;
        self.next += std::time::Duration::from_millis(100);
        if let Some(wait) = self.next.checked_duration_since(std::time::Instant::now()) {
            std::thread::sleep(wait);
        }
        let mut block: Vec<i16> = self
            .samples
            .iter()
            .skip(self.at)
            .take(BLOCK)
            .copied()
            .collect();
        self.at += block.len();
        block.resize(BLOCK, 0);
        Ok(block)
    }
}
