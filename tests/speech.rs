//! `mensetsu speech`: the analysis of real (synthesized) speech against values known from
//! how it was made, bad input, and recording — from a fake source everywhere, and from a
//! real PulseAudio server where one runs (`.ci/run` starts one and sets
//! `MENSETSU_REQUIRE_PULSE=1`, so there a missing server is a failure, not a skip).
//!
//! The fixtures in `fixtures/speech/` are espeak-ng speech at three speeds in English and
//! Japanese; `fixtures/speech/generate.sh` makes them and `expected.json`, where every
//! value comes from the text and the lengths of the pieces joined, never from mensetsu.

mod common;

use common::cli::{mensetsu, stderr};
use mensetsu::core::speech::wav;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/speech")
}

fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// `mensetsu speech analyze FILE --lang LANG --json`, parsed.
fn analyze_json(file: &Path, lang: &str) -> Value {
    let data = tempfile::tempdir().unwrap();
    let file = file.to_str().unwrap();
    let (code, out, err) =
        mensetsu(data.path()).run_text(&["speech", "analyze", file, "--lang", lang, "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap()
}

/// The tolerances of the issue: pauses within ±0.15 s of where they were put, speaking
/// time within ±5 %, the rate within ±20 % of the units counted in the text over the
/// speaking time.
fn assert_close_to_truth(got: &Value, truth: &Value, name: &str) {
    let speech = number(&got["speech_s"]);
    let true_speech = number(&truth["speech_s"]);
    assert!(
        (speech - true_speech).abs() / true_speech <= 0.05,
        "{name}: speaking time {speech} s, truly {true_speech} s"
    );
    let pauses = got["pauses"].as_array().unwrap();
    let true_pauses = truth["pauses"].as_array().unwrap();
    assert_eq!(pauses.len(), true_pauses.len(), "{name}: {pauses:?}");
    for (pause, true_pause) in pauses.iter().zip(true_pauses) {
        for edge in ["start_s", "end_s"] {
            let (at, true_at) = (number(&pause[edge]), number(&true_pause[edge]));
            assert!(
                (at - true_at).abs() <= 0.15,
                "{name}: pause {edge} at {at} s, put at {true_at} s"
            );
        }
    }
    let rate = number(&got["rate"]["value"]);
    let true_rate = number(&truth["rate"]);
    assert!(
        (rate - true_rate).abs() / true_rate <= 0.20,
        "{name}: rate {rate}, truly {true_rate}"
    );
}

#[test]
fn synthesized_speech_at_three_speeds_in_two_languages_is_measured_within_the_tolerances() {
    let mut rates: Vec<(String, String, f64)> = Vec::new();
    for truth in expected() {
        let name = truth["file"].as_str().unwrap();
        let lang = truth["lang"].as_str().unwrap();
        let got = analyze_json(&fixtures().join(name), lang);
        // Exactly the fields the issue names, nothing more.
        let mut keys: Vec<&str> = got
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["duration_s", "pauses", "rate", "speech_s"]);
        let unit = if lang == "ja" {
            "morae/s"
        } else {
            "syllables/s"
        };
        assert_eq!(got["rate"]["unit"], unit, "{name}");
        assert_close_to_truth(&got, &truth, name);
        rates.push((
            lang.to_string(),
            name.to_string(),
            number(&got["rate"]["value"]),
        ));
    }
    // Slow, normal and fast come out in that order in each language.
    for lang in ["en", "ja"] {
        let of = |speed: &str| {
            rates
                .iter()
                .find(|(l, name, _)| l == lang && name.contains(speed))
                .unwrap()
                .2
        };
        assert!(
            of("slow") < of("normal") && of("normal") < of("fast"),
            "{lang}: {rates:?}"
        );
    }
}

#[test]
fn the_mulaw_encoder_agrees_with_sox_byte_for_byte() {
    // sox's encoding of every 16th 16-bit value from -32768 (generate.sh).
    let bytes = std::fs::read(fixtures().join("mulaw-ramp.wav")).unwrap();
    let data = bytes
        .windows(4)
        .position(|window| window == b"data")
        .unwrap()
        + 8;
    let sox = &bytes[data..];
    let ramp: Vec<i16> = (-32768..32768)
        .step_by(16)
        .map(|value: i32| value as i16)
        .collect();
    assert_eq!(sox.len(), ramp.len());
    for (value, byte) in ramp.iter().zip(sox) {
        assert_eq!(wav::mulaw_encode(*value), *byte, "{value}");
    }
    // And the reader decodes sox's file to the values G.711 gives each code.
    let audio = wav::read(&fixtures().join("mulaw-ramp.wav")).unwrap();
    for (sample, byte) in audio.samples.iter().zip(sox) {
        assert_eq!(*sample, f32::from(wav::mulaw_decode(*byte)) / 32768.0);
    }
}

/// A WAV of `samples` in another encoding, rate and channel count, written here so the
/// analysis is shown to read what other tools write.
fn write_wav(path: &Path, rate: u32, channels: u16, float: bool, samples: &[f32]) {
    let bits: u16 = if float { 32 } else { 16 };
    let mut data = Vec::new();
    for sample in samples {
        for _ in 0..channels {
            if float {
                data.extend(sample.to_le_bytes());
            } else {
                data.extend(((sample * 32767.0).round() as i16).to_le_bytes());
            }
        }
    }
    let block = channels * bits / 8;
    let mut bytes = Vec::new();
    bytes.extend(b"RIFF");
    bytes.extend((36 + data.len() as u32).to_le_bytes());
    bytes.extend(b"WAVEfmt ");
    bytes.extend(16u32.to_le_bytes());
    bytes.extend((if float { 3u16 } else { 1u16 }).to_le_bytes());
    bytes.extend(channels.to_le_bytes());
    bytes.extend(rate.to_le_bytes());
    bytes.extend((rate * u32::from(block)).to_le_bytes());
    bytes.extend(block.to_le_bytes());
    bytes.extend(bits.to_le_bytes());
    bytes.extend(b"data");
    bytes.extend((data.len() as u32).to_le_bytes());
    bytes.extend(data);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn stereo_and_float_files_at_other_rates_give_the_same_figures() {
    let truth = &expected()[1];
    let name = truth["file"].as_str().unwrap();
    let audio = wav::read(&fixtures().join(name)).unwrap();
    assert_eq!(audio.sample_rate, 8_000);
    let folder = tempfile::tempdir().unwrap();
    // Each sample repeated: 16 kHz stereo 16-bit, and 48 kHz mono float.
    let twice: Vec<f32> = audio.samples.iter().flat_map(|x| [*x; 2]).collect();
    let six: Vec<f32> = audio.samples.iter().flat_map(|x| [*x; 6]).collect();
    let stereo = folder.path().join("stereo.wav");
    write_wav(&stereo, 16_000, 2, false, &twice);
    let float = folder.path().join("float.wav");
    write_wav(&float, 48_000, 1, true, &six);
    for file in [stereo, float] {
        let got = analyze_json(&file, truth["lang"].as_str().unwrap());
        assert_close_to_truth(&got, truth, &file.display().to_string());
    }
}

#[test]
fn the_table_says_the_rate_against_the_normal_range_and_lists_the_pauses() {
    let data = tempfile::tempdir().unwrap();
    let file = fixtures().join("en-normal.wav");
    let (code, out, err) = mensetsu(data.path()).run_text(&[
        "speech",
        "analyze",
        file.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("syllables/s"), "{out}");
    assert!(out.contains("an interview's 3–4.5"), "{out}");
    assert!(out.contains("pauses of 0.7 s or more:"), "{out}");
    assert_eq!(
        out.lines().filter(|line| line.starts_with("  1 ")).count(),
        1,
        "{out}"
    );
    // A higher threshold than the pause: none.
    let (code, out, _) = mensetsu(data.path()).run_text(&[
        "speech",
        "analyze",
        file.to_str().unwrap(),
        "--lang",
        "en",
        "--pause",
        "1.5",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("pauses         none of 1.5 s or more"),
        "{out}"
    );
}

#[test]
fn bad_files_are_named_with_the_reason_and_exit_1_without_a_panic() {
    let folder = tempfile::tempdir().unwrap();
    let at = |name: &str| folder.path().join(name);
    std::fs::write(at("notes.wav"), "These are my notes, not audio.\n").unwrap();
    std::fs::write(at("empty.wav"), b"").unwrap();
    let mut header = std::fs::read(fixtures().join("en-fast.wav")).unwrap();
    header.truncate(30);
    std::fs::write(at("cut.wav"), &header).unwrap();
    write_wav(&at("silent-header.wav"), 16_000, 1, false, &[]);
    // Three hours of 48 kHz stereo: a header that says so over a sparse file that long.
    let long = at("three-hours.wav");
    write_wav(&long, 48_000, 2, false, &[]);
    let size: u64 = 3 * 3600 * 48_000 * 4;
    let mut bytes = std::fs::read(&long).unwrap();
    let data_size = bytes.len() - 4;
    bytes[data_size..].copy_from_slice(&(size as u32).to_le_bytes());
    std::fs::write(&long, &bytes).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&long)
        .unwrap()
        .set_len(bytes.len() as u64 + size)
        .unwrap();
    let cases = [
        ("notes.wav", "not a WAV file"),
        ("empty.wav", "not a WAV file"),
        ("cut.wav", "broken WAV header"),
        ("silent-header.wav", "holds no audio"),
        ("three-hours.wav", "180 minutes long"),
        ("missing.wav", "cannot read it"),
    ];
    for (name, reason) in cases {
        let file = at(name);
        let (code, out, err) = mensetsu(folder.path()).run_text(&[
            "speech",
            "analyze",
            file.to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(out.is_empty(), "{name}: {out}");
        assert!(
            err.starts_with(&format!("mensetsu speech analyze: {}: ", file.display())),
            "{name}: {err}"
        );
        assert!(err.contains(reason), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

/// `mensetsu speech record` with `MENSETSU_FAKE_SOURCE`: the recording thread and the file
/// writer the app uses, fed from a WAV in real time instead of a microphone.
fn record_fake(data: &Path, source: &Path) -> common::cli::Mensetsu {
    mensetsu(data)
        .env("MENSETSU_FAKE_SOURCE", source)
        .env_remove("PULSE_SERVER")
}

#[test]
fn a_recording_from_a_fake_source_is_a_16_khz_mulaw_wav_of_the_seconds_asked() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("answer.wav");
    let truth = &expected()[2];
    let source = fixtures().join(truth["file"].as_str().unwrap());
    let seconds = number(&truth["speech_s"]) + 0.9;
    let started = Instant::now();
    let (code, _, err) = record_fake(folder.path(), &source).run_text(&[
        "speech",
        "record",
        "--seconds",
        &format!("{seconds}"),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // Real time: a microphone gives a second a second.
    assert!(started.elapsed() >= Duration::from_secs_f64(seconds - 0.2));
    let samples = (seconds * 16_000.0).round() as u64;
    // 58 bytes of header, one byte a sample: 0.96 MB a minute.
    assert_eq!(std::fs::metadata(&output).unwrap().len(), 58 + samples);
    let audio = wav::read(&output).unwrap();
    assert_eq!(audio.sample_rate, 16_000);
    assert_eq!(audio.samples.len() as u64, samples);
    let got = analyze_json(&output, truth["lang"].as_str().unwrap());
    assert_close_to_truth(&got, truth, "the recording");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&output).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "a recording is the user's alone: {mode:o}");
    }
}

#[test]
fn killed_while_recording_leaves_a_playable_wav_of_what_was_recorded() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("answer.wav");
    let source = fixtures().join("en-slow.wav");
    for wait_ms in [700u64, 1_300, 2_050] {
        let _ = std::fs::remove_file(&output);
        let mut command = Command::new(env!("CARGO_BIN_EXE_mensetsu"));
        command
            .args(["--data-dir"])
            .arg(folder.path())
            .args(["speech", "record", "--seconds", "60", "-o"])
            .arg(&output)
            .env("MENSETSU_FAKE_SOURCE", &source)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = command.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(wait_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let audio = wav::read(&output).unwrap();
        let recorded = audio.duration_s();
        // Blocks of 0.1 s: at most the block being written is missing, never more than
        // was recorded (the process started a little after the clock here).
        assert!(
            recorded <= wait_ms as f64 / 1000.0 && recorded >= wait_ms as f64 / 1000.0 - 0.6,
            "killed after {wait_ms} ms, {recorded} s in the file"
        );
        let length = std::fs::metadata(&output).unwrap().len();
        assert!(length >= 58 + audio.samples.len() as u64);
    }
}

/// The server's one null sink is heard by every recorder: one test plays at a time.
static THE_SINK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What a test on the real server holds: the sink to itself, a folder, and the speech
/// fixture `expected()[index]` with its file.
struct OnTheServer {
    _sink: std::sync::MutexGuard<'static, ()>,
    folder: tempfile::TempDir,
    truth: Value,
    source: PathBuf,
}

/// `None` (the test is skipped, as [`pulse_server`] says) without a server to play into.
fn on_the_server(index: usize) -> Option<OnTheServer> {
    if !pulse_server() {
        return None;
    }
    let _sink = THE_SINK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let truth = expected()[index].clone();
    let source = fixtures().join(truth["file"].as_str().unwrap());
    Some(OnTheServer {
        _sink,
        folder: tempfile::tempdir().unwrap(),
        truth,
        source,
    })
}

/// Whether a pulse server answers; with `MENSETSU_REQUIRE_PULSE=1` its absence fails.
fn pulse_server() -> bool {
    let found = mensetsu::audio::pulse::socket_candidates()
        .iter()
        .any(|path| std::os::unix::net::UnixStream::connect(path).is_ok());
    let required = std::env::var("MENSETSU_REQUIRE_PULSE").is_ok_and(|value| value == "1");
    if !found {
        assert!(
            !required,
            "MENSETSU_REQUIRE_PULSE=1 but no PulseAudio server answers; .ci/run starts one"
        );
        eprintln!(
            "tests/speech.rs: no PulseAudio server, the real-server tests are skipped \
             (MENSETSU_REQUIRE_PULSE=1 makes this a failure)"
        );
    }
    let paplay = Command::new("paplay").arg("--version").output().is_ok();
    if found && !paplay {
        assert!(
            !required,
            "MENSETSU_REQUIRE_PULSE=1 but paplay is missing (pulseaudio-utils)"
        );
        eprintln!("tests/speech.rs: no paplay to play speech into the server, skipped");
    }
    found && paplay
}

#[test]
fn speech_played_into_a_real_server_is_recorded_and_measured() {
    let Some(OnTheServer {
        _sink,
        folder,
        truth,
        source,
    }) = on_the_server(4)
    else {
        return;
    };
    let truth = &truth;
    let output = folder.path().join("answer.wav");
    // Recording for longer than it takes; once paplay has played the file to its end,
    // the recorder is killed, which leaves the file as recorded up to then (the same
    // crash safety the test above shows). paplay's start can take seconds.
    let mut recorder = Command::new(env!("CARGO_BIN_EXE_mensetsu"))
        .arg("--data-dir")
        .arg(folder.path())
        .args(["speech", "record", "--seconds", "60", "-o"])
        .arg(&output)
        .env_remove("MENSETSU_FAKE_SOURCE")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the recording has its first blocks, the default source (the null sink's
    // monitor) hears what is played.
    let started = Instant::now();
    while std::fs::metadata(&output).map_or(0, |meta| meta.len()) < 58 + 3_200 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nothing recorded"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let played = Command::new("paplay").arg(&source).output().unwrap();
    assert!(played.status.success(), "{}", stderr(&played));
    std::thread::sleep(Duration::from_millis(500));
    recorder.kill().unwrap();
    recorder.wait().unwrap();
    let got = analyze_json(&output, truth["lang"].as_str().unwrap());
    // The recording started before the playback, so the speech begins later than in the
    // file; what must hold is its length, the one pause's length and the rate.
    let speech = number(&got["speech_s"]);
    let true_speech = number(&truth["speech_s"]);
    assert!((speech - true_speech).abs() / true_speech <= 0.05, "{got}");
    let pauses = got["pauses"].as_array().unwrap();
    assert_eq!(pauses.len(), 1, "{got}");
    let length = number(&pauses[0]["end_s"]) - number(&pauses[0]["start_s"]);
    assert!((length - 1.0).abs() <= 0.15, "pause of {length} s: {got}");
    let rate = number(&got["rate"]["value"]);
    let true_rate = number(&truth["rate"]);
    assert!((rate - true_rate).abs() / true_rate <= 0.20, "{got}");
}

#[test]
fn speech_played_by_mensetsu_is_heard_by_another_recorder() {
    let Some(OnTheServer {
        _sink,
        folder,
        truth,
        source,
    }) = on_the_server(0)
    else {
        return;
    };
    let truth = &truth;
    let heard = folder.path().join("heard.wav");
    // parec, PulseAudio's own recorder, on the default source: the null sink's monitor.
    let recorder = Command::new("parec")
        .args([
            "--rate=16000",
            "--channels=1",
            "--format=s16le",
            "--file-format=wav",
            // Sound reaches the file soon after it is played, not a buffer later.
            "--latency-msec=50",
        ])
        .arg(&heard)
        .spawn()
        .unwrap();
    // Once parec writes sound (it takes a moment to start), mensetsu plays.
    let started = Instant::now();
    while std::fs::metadata(&heard).map_or(0, |meta| meta.len()) < 8_000 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "parec wrote nothing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let data = tempfile::tempdir().unwrap();
    let (code, _, err) =
        mensetsu(data.path()).run_text(&["speech", "play", source.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // The sink plays the last of it a moment after mensetsu has handed it over.
    std::thread::sleep(Duration::from_millis(1500));
    // SIGINT: parec finishes its WAV header and exits.
    // SAFETY: a signal to our own child, which is still running.
    unsafe { libc::kill(recorder.id() as i32, libc::SIGINT) };
    let mut recorder = recorder;
    recorder.wait().unwrap();
    let got = analyze_json(&heard, truth["lang"].as_str().unwrap());
    let speech = number(&got["speech_s"]);
    let true_speech = number(&truth["speech_s"]);
    assert!((speech - true_speech).abs() / true_speech <= 0.05, "{got}");
    assert_eq!(got["pauses"].as_array().unwrap().len(), 1, "{got}");
    let rate = number(&got["rate"]["value"]);
    assert!(
        (rate - number(&truth["rate"])).abs() / number(&truth["rate"]) <= 0.20,
        "{got}"
    );
}

#[test]
fn without_a_sound_server_recording_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("answer.wav");
    let (code, _, err) = mensetsu(folder.path())
        .env("PULSE_SERVER", folder.path().join("no-server"))
        .env("PULSE_RUNTIME_PATH", folder.path())
        .env("XDG_RUNTIME_DIR", folder.path())
        .env_remove("MENSETSU_FAKE_SOURCE")
        .run_text(&[
            "speech",
            "record",
            "--seconds",
            "1",
            "-o",
            output.to_str().unwrap(),
        ]);
    // /run/user/<uid>/pulse/native is tried last; on a desktop it answers.
    if code == 0 {
        return;
    }
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("mensetsu speech record: no sound server"),
        "{err}"
    );
    assert!(err.contains("no-server"), "{err}");
    assert!(!output.exists(), "no file is left behind without a server");
}
