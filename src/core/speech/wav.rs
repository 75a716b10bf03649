//! Reading WAV files for the analysis, and writing the app's own recordings.
//!
//! Read: RIFF/WAVE with 16-bit PCM, 32-bit IEEE float or 8-bit µ-law samples (the last is
//! what mensetsu records), plain or in a `WAVE_FORMAT_EXTENSIBLE` wrapper, at any sample
//! rate from 4 to 384 kHz (from 32 kHz up averaged down to 16–24 kHz) and with any number
//! of channels, mixed down to one. Anything else is refused with an error that names the
//! file.
//!
//! Written: 16 kHz mono µ-law (ITU-T G.711), 16,000 bytes a second, 0.96 MB a minute (the
//! 1 MB a minute the issue allows), played by every tool that plays WAV (sox, ffmpeg,
//! VLC, aplay, browsers). The header is rewritten after every block of samples, after the
//! samples it counts, so a process killed while recording leaves a WAV whose header
//! counts what was recorded up to its last block.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Mono samples in −1…1 at `sample_rate` a second.
#[derive(Debug, Clone, PartialEq)]
pub struct Audio {
    pub sample_rate: u32,
    pub samples: Vec<f32>,
}

impl Audio {
    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.sample_rate)
    }
}

/// The longest file the analysis takes. An interview answer lasts minutes; a three-hour
/// file (a whole meeting dropped by mistake) would take a gigabyte of memory at 48 kHz.
pub const MAX_MINUTES: f64 = 20.0;

/// Why a file could not be read as audio; every message starts with the file.
#[derive(Debug, thiserror::Error)]
pub enum WavError {
    #[error("{}: cannot read it: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: not a WAV file (it does not start with RIFF…WAVE)", path.display())]
    NotWav { path: PathBuf },
    #[error("{}: broken WAV header: {detail}", path.display())]
    BrokenHeader { path: PathBuf, detail: String },
    #[error(
        "{}: {what} is not supported; mensetsu reads WAV with 16-bit PCM, 32-bit float or 8-bit µ-law samples",
        path.display()
    )]
    Unsupported { path: PathBuf, what: String },
    #[error("{}: holds no audio (zero samples)", path.display())]
    Empty { path: PathBuf },
    #[error(
        "{}: {minutes:.0} minutes long; mensetsu analyzes recordings of up to {max:.0} minutes",
        path.display(),
        max = MAX_MINUTES
    )]
    TooLong { path: PathBuf, minutes: f64 },
}

const FORMAT_PCM: u16 = 1;
const FORMAT_FLOAT: u16 = 3;
const FORMAT_MULAW: u16 = 7;
const FORMAT_EXTENSIBLE: u16 = 0xFFFE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Pcm16,
    Float32,
    MuLaw,
}

impl Encoding {
    fn bytes(self) -> usize {
        match self {
            Encoding::Pcm16 => 2,
            Encoding::Float32 => 4,
            Encoding::MuLaw => 1,
        }
    }
}

/// Reads the WAV file at `path`, mixed down to mono.
pub fn read(path: &Path) -> Result<Audio, WavError> {
    let io_error = |source| WavError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let length = file.metadata().map_err(io_error)?.len();
    decode(BufReader::new(file), length, path)
}

/// Decodes a WAV of `length` bytes from `reader`; `path` only names it in errors.
pub fn decode(mut reader: impl Read, length: u64, path: &Path) -> Result<Audio, WavError> {
    let broken = |detail: &str| WavError::BrokenHeader {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    let io_error = |source: io::Error| {
        if source.kind() == io::ErrorKind::UnexpectedEof {
            broken("the file ends inside the header")
        } else {
            WavError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let mut riff = [0u8; 12];
    if length < 12 {
        return Err(WavError::NotWav {
            path: path.to_path_buf(),
        });
    }
    reader.read_exact(&mut riff).map_err(io_error)?;
    if &riff[0..4] != b"RIFF" || &riff[8..12] != b"WAVE" {
        return Err(WavError::NotWav {
            path: path.to_path_buf(),
        });
    }
    let mut at: u64 = 12;
    let mut format: Option<(Encoding, u16, u32)> = None;
    loop {
        let mut chunk = [0u8; 8];
        if at + 8 > length {
            return Err(broken("no `data` chunk"));
        }
        reader.read_exact(&mut chunk).map_err(io_error)?;
        at += 8;
        let id = [chunk[0], chunk[1], chunk[2], chunk[3]];
        let size = u64::from(u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]));
        if &id == b"data" {
            let Some((encoding, channels, sample_rate)) = format else {
                return Err(broken("the `data` chunk comes before any `fmt ` chunk"));
            };
            // A recorder that was killed, or one that streams, leaves a size that is too
            // large (often 0xFFFFFFFF) or zero: what the file holds is what was recorded.
            let available = length - at;
            let size = if size == 0 || size > available {
                available
            } else {
                size
            };
            return read_samples(
                reader,
                size,
                encoding,
                channels,
                sample_rate,
                path.to_path_buf(),
            )
            .map_err(|error| match error {
                SamplesError::Io(source) => io_error(source),
                SamplesError::Wav(error) => error,
            });
        }
        let padded = size + (size & 1);
        if at + padded > length {
            return Err(broken(&format!(
                "the `{}` chunk claims {size} bytes, past the end of the file",
                String::from_utf8_lossy(&id)
            )));
        }
        if &id == b"fmt " {
            if !(16..=1024).contains(&size) {
                return Err(broken(&format!("a `fmt ` chunk of {size} bytes")));
            }
            let mut body = vec![0u8; padded as usize];
            reader.read_exact(&mut body).map_err(io_error)?;
            format = Some(parse_format(&body, path)?);
        } else {
            io::copy(&mut (&mut reader).take(padded), &mut io::sink()).map_err(io_error)?;
        }
        at += padded;
    }
}

fn parse_format(body: &[u8], path: &Path) -> Result<(Encoding, u16, u32), WavError> {
    let u16_at = |at: usize| u16::from_le_bytes([body[at], body[at + 1]]);
    let u32_at =
        |at: usize| u32::from_le_bytes([body[at], body[at + 1], body[at + 2], body[at + 3]]);
    let mut tag = u16_at(0);
    let channels = u16_at(2);
    let sample_rate = u32_at(4);
    let bits = u16_at(14);
    if tag == FORMAT_EXTENSIBLE {
        // WAVEFORMATEXTENSIBLE: the real format is the first two bytes of the sub-format
        // GUID, at byte 24 of the chunk (after cbSize, valid bits and the channel mask).
        if body.len() < 26 {
            return Err(WavError::BrokenHeader {
                path: path.to_path_buf(),
                detail: "an extensible `fmt ` chunk without its sub-format".to_string(),
            });
        }
        tag = u16_at(24);
    }
    let unsupported = |what: String| WavError::Unsupported {
        path: path.to_path_buf(),
        what,
    };
    let encoding = match (tag, bits) {
        (FORMAT_PCM, 16) => Encoding::Pcm16,
        (FORMAT_FLOAT, 32) => Encoding::Float32,
        (FORMAT_MULAW, 8) => Encoding::MuLaw,
        (FORMAT_PCM, bits) => return Err(unsupported(format!("{bits}-bit PCM"))),
        (FORMAT_FLOAT, bits) => return Err(unsupported(format!("{bits}-bit float"))),
        (tag, _) => return Err(unsupported(format!("WAV format tag {tag:#06x}"))),
    };
    if channels == 0 {
        return Err(WavError::BrokenHeader {
            path: path.to_path_buf(),
            detail: "zero channels".to_string(),
        });
    }
    if !(4_000..=384_000).contains(&sample_rate) {
        return Err(unsupported(format!("a sample rate of {sample_rate} Hz")));
    }
    Ok((encoding, channels, sample_rate))
}

enum SamplesError {
    Io(io::Error),
    Wav(WavError),
}

fn read_samples(
    mut reader: impl Read,
    size: u64,
    encoding: Encoding,
    channels: u16,
    sample_rate: u32,
    path: PathBuf,
) -> Result<Audio, SamplesError> {
    let frame_bytes = encoding.bytes() * usize::from(channels);
    let frames = size / frame_bytes as u64;
    if frames == 0 {
        return Err(SamplesError::Wav(WavError::Empty { path }));
    }
    let minutes = frames as f64 / f64::from(sample_rate) / 60.0;
    if minutes > MAX_MINUTES {
        return Err(SamplesError::Wav(WavError::TooLong { path, minutes }));
    }
    // From 32 kHz up, every `factor` frames are averaged into one: speech needs nothing
    // above 8 kHz, and twenty minutes at 384 kHz would otherwise take 1.8 GB.
    let factor = if sample_rate >= 32_000 {
        (sample_rate / 16_000) as usize
    } else {
        1
    };
    let mut samples = Vec::with_capacity(frames as usize / factor + 1);
    let mut pending = (0.0f32, 0usize);
    // Whole frames a block, so a frame never straddles two reads.
    let mut block = vec![0u8; frame_bytes * 4096];
    let mut left = frames as usize;
    let scale = 1.0 / (f32::from(channels) * factor as f32);
    while left > 0 {
        let count = left.min(4096);
        let bytes = &mut block[..count * frame_bytes];
        reader.read_exact(bytes).map_err(SamplesError::Io)?;
        for frame in bytes.chunks_exact(frame_bytes) {
            let sum: f32 = frame
                .chunks_exact(encoding.bytes())
                .map(|sample| match encoding {
                    Encoding::Pcm16 => {
                        f32::from(i16::from_le_bytes([sample[0], sample[1]])) / 32768.0
                    }
                    Encoding::Float32 => {
                        let value =
                            f32::from_le_bytes([sample[0], sample[1], sample[2], sample[3]]);
                        // NaN or infinity in a float file counts as silence, not poison.
                        if value.is_finite() {
                            value.clamp(-1.0, 1.0)
                        } else {
                            0.0
                        }
                    }
                    Encoding::MuLaw => f32::from(mulaw_decode(sample[0])) / 32768.0,
                })
                .sum();
            pending = (pending.0 + sum, pending.1 + 1);
            if pending.1 == factor {
                samples.push(pending.0 * scale);
                pending = (0.0, 0);
            }
        }
        left -= count;
    }
    Ok(Audio {
        sample_rate: sample_rate / factor as u32,
        samples,
    })
}

/// G.711 µ-law: the bias added before the segment is found, and the largest magnitude
/// that is not clipped (ITU-T G.711, as in Sun's reference `g711.c`).
const MULAW_BIAS: i32 = 0x84;
const MULAW_CLIP: i32 = 32635;

/// One 16-bit sample as its G.711 µ-law byte.
pub fn mulaw_encode(sample: i16) -> u8 {
    let mut magnitude = i32::from(sample);
    let sign = if magnitude < 0 {
        magnitude = -magnitude;
        0x80
    } else {
        0
    };
    let magnitude = magnitude.min(MULAW_CLIP) + MULAW_BIAS;
    // The segment is the position of the highest set bit above bit 7 (0…7).
    let segment = (31 - magnitude.leading_zeros() as i32 - 7).clamp(0, 7);
    let mantissa = (magnitude >> (segment + 3)) & 0x0F;
    !(sign | (segment << 4) | mantissa) as u8
}

/// One G.711 µ-law byte as a 16-bit sample.
pub fn mulaw_decode(byte: u8) -> i16 {
    let byte = !byte;
    let segment = i32::from((byte >> 4) & 0x07);
    let mantissa = i32::from(byte & 0x0F);
    let magnitude = (((mantissa << 3) + MULAW_BIAS) << segment) - MULAW_BIAS;
    // At most 32124, so the cast cannot overflow.
    if byte & 0x80 != 0 {
        -magnitude as i16
    } else {
        magnitude as i16
    }
}

/// The rate mensetsu records at: speech needs nothing above 8 kHz (telephone speech
/// stops at 3.4 kHz), and µ-law at 16 kHz is 0.96 MB a minute.
pub const RECORDING_RATE: u32 = 16_000;

/// RIFF header (12) + `fmt ` (8 + 18) + `fact` (8 + 4) + the `data` chunk's header (8).
const HEADER_BYTES: u64 = 58;

/// A µ-law WAV being written. Every [`Self::append`] writes its samples and then the
/// header counting them, so the file on disk is always a playable WAV of what was
/// appended (a reader of a killed recording at worst misses the last block).
#[derive(Debug)]
pub struct RecordingWriter {
    file: File,
    samples: u64,
    encoded: Vec<u8>,
}

impl RecordingWriter {
    /// Starts a recording in `file` (created by the caller, so it decides the file's
    /// mode and whether an existing one may be replaced), with a header for no samples.
    pub fn start(mut file: File) -> io::Result<Self> {
        file.write_all(&header(0))?;
        Ok(RecordingWriter {
            file,
            samples: 0,
            encoded: Vec::new(),
        })
    }

    /// Appends mono samples at [`RECORDING_RATE`], then rewrites the header to count them.
    pub fn append(&mut self, samples: &[i16]) -> io::Result<()> {
        if samples.is_empty() {
            return Ok(());
        }
        self.encoded.clear();
        self.encoded
            .extend(samples.iter().map(|sample| mulaw_encode(*sample)));
        self.file
            .seek(SeekFrom::Start(HEADER_BYTES + self.samples))?;
        self.file.write_all(&self.encoded)?;
        self.samples += samples.len() as u64;
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(&header(self.samples))?;
        Ok(())
    }

    /// How many samples the file holds.
    pub fn samples(&self) -> u64 {
        self.samples
    }

    /// Ends the recording: the file's bytes are on disk when this returns.
    pub fn finish(self) -> io::Result<u64> {
        self.file.sync_all()?;
        Ok(self.samples)
    }
}

/// The header of a µ-law mono WAV at [`RECORDING_RATE`] holding `samples` samples. A
/// non-PCM WAV carries a `fact` chunk with its sample count (Microsoft's RIFF spec).
fn header(samples: u64) -> [u8; HEADER_BYTES as usize] {
    // A WAV cannot count past 4 GiB; 20 minutes at 16 kHz is 19 MB, far below.
    let data = u32::try_from(samples).unwrap_or(u32::MAX - HEADER_BYTES as u32);
    let mut bytes = [0u8; HEADER_BYTES as usize];
    let mut put = |at: usize, value: &[u8]| bytes[at..at + value.len()].copy_from_slice(value);
    put(0, b"RIFF");
    put(4, &(HEADER_BYTES as u32 - 8 + data).to_le_bytes());
    put(8, b"WAVE");
    put(12, b"fmt ");
    put(16, &18u32.to_le_bytes());
    put(20, &FORMAT_MULAW.to_le_bytes());
    put(22, &1u16.to_le_bytes()); // channels
    put(24, &RECORDING_RATE.to_le_bytes());
    put(28, &RECORDING_RATE.to_le_bytes()); // bytes a second: one byte a sample
    put(32, &1u16.to_le_bytes()); // block align
    put(34, &8u16.to_le_bytes()); // bits a sample
    put(36, &0u16.to_le_bytes()); // no extra format bytes
    put(38, b"fact");
    put(42, &4u32.to_le_bytes());
    put(46, &data.to_le_bytes());
    put(50, b"data");
    put(54, &data.to_le_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn wav(format: u16, channels: u16, rate: u32, bits: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend(b"RIFF");
        bytes.extend(&(36 + data.len() as u32).to_le_bytes());
        bytes.extend(b"WAVEfmt ");
        bytes.extend(&16u32.to_le_bytes());
        bytes.extend(&format.to_le_bytes());
        bytes.extend(&channels.to_le_bytes());
        bytes.extend(&rate.to_le_bytes());
        let block = channels * bits / 8;
        bytes.extend(&(rate * u32::from(block)).to_le_bytes());
        bytes.extend(&block.to_le_bytes());
        bytes.extend(&bits.to_le_bytes());
        bytes.extend(b"data");
        bytes.extend(&(data.len() as u32).to_le_bytes());
        bytes.extend(data);
        bytes
    }

    fn decode_bytes(bytes: &[u8]) -> Result<Audio, WavError> {
        decode(Cursor::new(bytes), bytes.len() as u64, Path::new("x.wav"))
    }

    #[test]
    fn stereo_16_bit_is_mixed_down() {
        let frames: Vec<u8> = [16384i16, -16384, 32767, 32767]
            .iter()
            .flat_map(|sample| sample.to_le_bytes())
            .collect();
        let audio = decode_bytes(&wav(1, 2, 22_050, 16, &frames)).unwrap();
        assert_eq!(audio.sample_rate, 22_050);
        assert_eq!(audio.samples.len(), 2);
        assert_eq!(audio.samples[0], 0.0);
        assert!((audio.samples[1] - 32767.0 / 32768.0).abs() < 1e-6);
    }

    #[test]
    fn from_32_khz_up_frames_are_averaged_down_to_16_to_24_khz() {
        // 48 kHz: every three frames one sample at 16 kHz, their mean.
        let data: Vec<u8> = [0.3f32, 0.6, 0.9, -0.3, -0.3, -0.3, 0.5]
            .iter()
            .flat_map(|sample| sample.to_le_bytes())
            .collect();
        let audio = decode_bytes(&wav(3, 1, 48_000, 32, &data)).unwrap();
        assert_eq!(audio.sample_rate, 16_000);
        assert_eq!(
            audio.samples.len(),
            2,
            "the seventh frame makes no whole sample"
        );
        assert!((audio.samples[0] - 0.6).abs() < 1e-6);
        assert!((audio.samples[1] + 0.3).abs() < 1e-6);
        // 44.1 kHz halves to 22.05 kHz.
        let audio = decode_bytes(&wav(1, 1, 44_100, 16, &[0; 8])).unwrap();
        assert_eq!((audio.sample_rate, audio.samples.len()), (22_050, 2));
    }

    #[test]
    fn float_samples_are_read_and_non_finite_ones_are_silence() {
        let data: Vec<u8> = [0.5f32, -0.25, f32::NAN, 2.0]
            .iter()
            .flat_map(|sample| sample.to_le_bytes())
            .collect();
        let audio = decode_bytes(&wav(3, 1, 24_000, 32, &data)).unwrap();
        assert_eq!(audio.samples, vec![0.5, -0.25, 0.0, 1.0]);
    }

    #[test]
    fn every_problem_is_named_with_the_file() {
        let message = |bytes: &[u8]| decode_bytes(bytes).unwrap_err().to_string();
        assert_eq!(
            message(b"hello, this is text, not audio"),
            "x.wav: not a WAV file (it does not start with RIFF…WAVE)"
        );
        assert_eq!(
            message(&wav(1, 1, 16_000, 24, &[0; 6])),
            "x.wav: 24-bit PCM is not supported; mensetsu reads WAV with 16-bit PCM, 32-bit float or 8-bit µ-law samples"
        );
        assert_eq!(
            message(&wav(1, 1, 16_000, 16, &[])),
            "x.wav: holds no audio (zero samples)"
        );
        let mut cut = wav(1, 1, 16_000, 16, &[0; 8]);
        cut.truncate(30);
        assert_eq!(
            message(&cut),
            "x.wav: broken WAV header: the `fmt ` chunk claims 16 bytes, past the end of the file"
        );
        assert!(message(&wav(1, 1, 1_000, 16, &[0; 8])).contains("sample rate of 1000 Hz"));
    }

    #[test]
    fn a_file_longer_than_the_limit_is_refused_before_it_is_read() {
        // A header claiming three hours at 48 kHz stereo, over a "file" that long: refused
        // from the header alone, with no gigabyte allocated.
        let seconds = 3 * 3600;
        let size = seconds * 48_000 * 4;
        let mut bytes = wav(1, 2, 48_000, 16, &[]);
        let at = bytes.len() - 4;
        bytes[at..].copy_from_slice(&(size as u32).to_le_bytes());
        let error = decode(
            Cursor::new(&bytes),
            bytes.len() as u64 + size,
            Path::new("long.wav"),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "long.wav: 180 minutes long; mensetsu analyzes recordings of up to 20 minutes"
        );
    }

    #[test]
    fn mulaw_matches_g711() {
        // Values from the G.711 µ-law table (ITU-T G.711 Table 2a): zero is 0xFF, the
        // largest positive 0x80, the largest negative 0x00; the decoder gives 32124 at the
        // ends and 0 for 0xFF.
        assert_eq!(mulaw_encode(0), 0xFF);
        assert_eq!(mulaw_encode(i16::MAX), 0x80);
        assert_eq!(mulaw_encode(i16::MIN), 0x00);
        assert_eq!(mulaw_decode(0x80), 32124);
        assert_eq!(mulaw_decode(0x00), -32124);
        assert_eq!(mulaw_decode(0xFF), 0);
        // Every code but negative zero (0x7F) survives a round trip.
        for code in 0..=255u8 {
            if code != 0x7F {
                assert_eq!(mulaw_encode(mulaw_decode(code)), code, "code {code:#04x}");
            }
        }
    }

    #[test]
    fn a_recording_is_a_valid_wav_after_every_block() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("r.wav");
        let mut writer = RecordingWriter::start(File::create(&path).unwrap()).unwrap();
        let error = read(&path).unwrap_err();
        assert!(matches!(error, WavError::Empty { .. }), "{error}");
        let tone: Vec<i16> = (0..1600)
            .map(|n| (8000.0 * (n as f64 * 0.1).sin()) as i16)
            .collect();
        writer.append(&tone).unwrap();
        let audio = read(&path).unwrap();
        assert_eq!(audio.sample_rate, RECORDING_RATE);
        assert_eq!(audio.samples.len(), 1600);
        writer.append(&tone[..801]).unwrap();
        assert_eq!(read(&path).unwrap().samples.len(), 2401);
        assert_eq!(writer.finish().unwrap(), 2401);
        // The µ-law error is under 3 % of full scale at this level.
        let audio = read(&path).unwrap();
        for (read, written) in audio.samples.iter().zip(&tone) {
            assert!((read - f32::from(*written) / 32768.0).abs() < 0.03);
        }
    }
}
