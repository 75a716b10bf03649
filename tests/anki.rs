//! mensetsu and the real Anki: the `anki` library from PyPI (the code of Anki's desktop
//! app) imports what `mensetsu export --apkg` writes, and makes the packages that
//! `mensetsu import` reads, through `tests/anki/oracle.py`.
//!
//! The library is installed into a virtual environment under the target folder on first
//! use (`target/tmp/anki-venv`, a few seconds with pip's cache, about a minute without).
//! Where that cannot be done the tests say so and pass, unless `MENSETSU_REQUIRE_ANKI` is
//! set, as `.ci/run` sets it.
//!
//! Both sides count days in Asia/Tokyo with the day starting at 4:00 (the default of
//! both), and use FSRS-6's default parameters.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

mod common;
use common::cli::{Mensetsu, mensetsu};

/// The version of Anki checked against; the current desktop release's library.
const ANKI_VERSION: &str = "26.9";

/// Relative difference allowed between Anki's memory state and mensetsu's.
const TOLERANCE: f64 = 0.01;

fn venv_python() -> Option<PathBuf> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let made = PYTHON.get_or_init(|| {
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("anki-venv");
        let python = venv.join("bin/python");
        let stamp = venv.join(format!("anki-{ANKI_VERSION}-installed"));
        if stamp.exists() {
            return Ok(python);
        }
        let run = |program: &Path, args: &[&str]| -> Result<(), String> {
            let output = Command::new(program)
                .args(args)
                .output()
                .map_err(|error| format!("{}: {error}", program.display()))?;
            if output.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "{} {args:?} failed: {}",
                    program.display(),
                    String::from_utf8_lossy(&output.stderr)
                ))
            }
        };
        let _ = std::fs::remove_dir_all(&venv);
        run(
            Path::new("python3"),
            &["-m", "venv", &venv.to_string_lossy()],
        )?;
        run(
            &python,
            &[
                "-m",
                "pip",
                "install",
                "--quiet",
                &format!("anki=={ANKI_VERSION}"),
            ],
        )?;
        std::fs::write(&stamp, b"").map_err(|error| error.to_string())?;
        Ok(python)
    });
    match made {
        Ok(python) => Some(python.clone()),
        Err(reason) if std::env::var_os("MENSETSU_REQUIRE_ANKI").is_some() => {
            panic!("MENSETSU_REQUIRE_ANKI is set, but Anki could not be installed: {reason}")
        }
        Err(reason) => {
            eprintln!("skipped: the anki library could not be installed ({reason})");
            None
        }
    }
}

/// Runs `oracle.py` and reads the JSON it prints.
fn oracle(python: &Path, args: &[&str]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki/oracle.py");
    let output = Command::new(python)
        .arg(script)
        .args(args)
        .env("TZ", "Asia/Tokyo")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "oracle.py {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn run(data: &Path) -> Mensetsu {
    mensetsu(data)
        .env("MENSETSU_DEVICE_ID", "pc")
        .env("TZ", "Asia/Tokyo")
        .env("LANG", "C")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let output = run(data).run(args);
    assert!(
        output.status.success(),
        "mensetsu {args:?}: {}",
        common::cli::stderr(&output)
    );
    common::cli::stdout(&output)
}

/// FSRS-6's default parameters, as mensetsu uses them.
fn parameters() -> String {
    serde_json::to_string(&fsrs::DEFAULT_PARAMETERS.to_vec()).unwrap()
}

/// A small deterministic generator (xorshift), so a history is the same on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A history for every bundled card: 1 to 14 answers each, Again to Easy at a
/// learner's rates, some twice on one day, most days apart, from June 2025 on; written
/// as one device's log in time order, at Tokyo's offset.
fn write_generated_history(data: &Path) -> usize {
    let cards: Value = serde_json::from_str(&ok(data, &["cards", "--json"])).unwrap();
    let zone = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2025-06-01T09:00:00+09:00").unwrap();
    let mut random = Random(0x5eed_1234_abcd_ef01);
    let mut lines = Vec::new();
    for card in cards.as_array().unwrap() {
        let id = card["id"].as_str().unwrap();
        let mut at = start + chrono::Duration::minutes(random.below(30 * 1440) as i64);
        for _ in 0..=random.below(14) {
            let rating = match random.below(100) {
                0..15 => 1,
                15..25 => 2,
                25..85 => 3,
                _ => 4,
            };
            lines.push((at, id.to_string(), rating, 2000 + random.below(58_000)));
            let gap_minutes = [10, 60, 1440, 2880, 4320, 7200, 11520, 18720, 30240];
            at += chrono::Duration::minutes(
                gap_minutes[random.below(gap_minutes.len() as u64) as usize] as i64
                    + random.below(120) as i64,
            );
        }
    }
    lines.sort();
    let mut log = String::new();
    for (index, (at, card, rating, duration)) in lines.iter().enumerate() {
        log.push_str(&format!(
            "{{\"id\":\"gen-{}\",\"card\":\"{card}\",\"at\":\"{}\",\"rating\":{rating},\"duration_ms\":{duration}}}\n",
            index + 1,
            at.with_timezone(&zone)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
        ));
    }
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    std::fs::write(data.join("reviews/gen.jsonl"), log).unwrap();
    lines.len()
}

/// mensetsu's memory state of each card, by id.
fn states(data: &Path) -> BTreeMap<String, (f64, f64)> {
    let cards: Value = serde_json::from_str(&ok(data, &["cards", "--json"])).unwrap();
    cards
        .as_array()
        .unwrap()
        .iter()
        .filter(|card| !card["stability"].is_null())
        .map(|card| {
            (
                card["id"].as_str().unwrap().to_string(),
                (
                    card["stability"].as_f64().unwrap(),
                    card["difficulty"].as_f64().unwrap(),
                ),
            )
        })
        .collect()
}

fn assert_close(what: &str, anki: f64, ours: f64) {
    let difference = (anki - ours).abs() / anki.abs().max(1e-9);
    assert!(
        difference <= TOLERANCE,
        "{what}: Anki {anki}, mensetsu {ours} ({:.3} % apart)",
        difference * 100.0
    );
}

#[test]
fn an_export_with_history_imports_into_anki_with_the_same_memory_states() {
    let Some(python) = venv_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let answers = write_generated_history(&data);
    let ours = states(&data);
    let cards: Value = serde_json::from_str(&ok(&data, &["cards", "--json"])).unwrap();
    let card_count = cards.as_array().unwrap().len();
    assert!(ours.len() > 100, "{} cards with history", ours.len());

    let package = dir.path().join("all.apkg");
    let said = ok(
        &data,
        &[
            "export",
            "--all",
            "--with-history",
            "-o",
            &package.to_string_lossy(),
        ],
    );
    assert!(said.contains(&format!("{answers} reviews")), "{said}");
    let anki = oracle(
        &python,
        &["check-import", &package.to_string_lossy(), &parameters()],
    );
    assert_eq!(anki["notes"], card_count);
    assert_eq!(anki["cards"], card_count);
    assert_eq!(anki["revlog"], answers);
    assert_eq!(
        anki["decks"].as_array().unwrap().len(),
        4,
        "{}",
        anki["decks"]
    );
    assert!(
        anki["notetypes"]
            .as_array()
            .unwrap()
            .contains(&"mensetsu".into())
    );
    let by_id = anki["cards_by_id"].as_object().unwrap();
    for (card, (stability, difficulty)) in &ours {
        let theirs = &by_id[card];
        assert_close(
            &format!("{card} stability"),
            theirs["stability"].as_f64().unwrap(),
            *stability,
        );
        assert_close(
            &format!("{card} difficulty"),
            theirs["difficulty"].as_f64().unwrap(),
            *difficulty,
        );
    }
}

/// Anki's own packages, in the current format (`collection.anki21b`), the legacy one
/// (`collection.anki21`) and a whole collection (`.colpkg`): the same answers, the same
/// memory states, and a second import adds nothing.
#[test]
fn packages_made_by_anki_import_with_their_history() {
    let Some(python) = venv_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let made = oracle(
        &python,
        &[
            "make",
            &dir.path().to_string_lossy(),
            "300",
            "11",
            &parameters(),
        ],
    );
    let notes = made["notes"].as_object().unwrap();
    let expected: usize = notes
        .values()
        .map(|note| note["reviews"].as_array().unwrap().len())
        .sum();
    assert!(expected > 1000, "{expected} reviews");
    for package in ["current.apkg", "legacy.apkg", "whole.colpkg"] {
        let data = dir.path().join(format!("data-{package}"));
        let path = dir.path().join(package).to_string_lossy().into_owned();
        let preview = ok(&data, &["import", &path, "--dry-run"]);
        assert!(
            preview.contains("note type `Basic` (300 notes): Front → question; Back → points"),
            "{preview}"
        );
        assert!(preview.contains("300 with history"), "{preview}");
        assert!(
            !data.join("reviews").exists()
                || std::fs::read_dir(data.join("reviews")).unwrap().count() == 0
        );
        let said = ok(&data, &["import", &path]);
        assert!(
            said.contains(&format!("Added 300 cards and {expected} reviews")),
            "{package}: {said}"
        );

        let log = std::fs::read_to_string(data.join("reviews/pc.jsonl")).unwrap();
        let mut logged: Vec<(i64, String, u64, u64)> = log
            .lines()
            .map(|line| {
                let record: Value = serde_json::from_str(line).unwrap();
                let id = record["id"].as_str().unwrap();
                let millis: i64 = id.strip_prefix("anki:").unwrap().parse().unwrap();
                let at =
                    chrono::DateTime::parse_from_rfc3339(record["at"].as_str().unwrap()).unwrap();
                assert_eq!(at.timestamp_millis(), millis, "{line}");
                (
                    millis,
                    record["card"].as_str().unwrap().to_string(),
                    record["rating"].as_u64().unwrap(),
                    record["duration_ms"].as_u64().unwrap(),
                )
            })
            .collect();
        let mut wanted: Vec<(i64, String, u64, u64)> = notes
            .iter()
            .flat_map(|(note, history)| {
                history["reviews"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |review| {
                        (
                            review[0].as_i64().unwrap(),
                            format!("anki-{note}"),
                            review[1].as_u64().unwrap(),
                            review[2].as_u64().unwrap(),
                        )
                    })
            })
            .collect();
        logged.sort();
        wanted.sort();
        assert_eq!(logged, wanted, "{package}");

        let ours = states(&data);
        for (note, history) in notes {
            let (stability, difficulty) = ours[&format!("anki-{note}")];
            assert_close(
                &format!("{package} {note} stability"),
                history["stability"].as_f64().unwrap(),
                stability,
            );
            assert_close(
                &format!("{package} {note} difficulty"),
                history["difficulty"].as_f64().unwrap(),
                difficulty,
            );
        }

        let again = ok(&data, &["import", &path]);
        assert!(again.contains("Nothing new to import"), "{again}");
        assert_eq!(
            std::fs::read_to_string(data.join("reviews/pc.jsonl")).unwrap(),
            log
        );
    }
}

/// Study on the phone: export with history, answer cards in Anki, import: exactly the new
/// answers are added, to the same cards, and nothing already in the log is touched.
#[test]
fn a_round_trip_through_anki_adds_exactly_the_new_answers() {
    let Some(python) = venv_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let answers = write_generated_history(&data);
    let before = states(&data).len();
    let package = dir.path().join("out.apkg").to_string_lossy().into_owned();
    ok(
        &data,
        &["export", "--all", "--with-history", "-o", &package],
    );
    let studied = dir
        .path()
        .join("studied.apkg")
        .to_string_lossy()
        .into_owned();
    let anki = oracle(&python, &["study", &package, &studied, "40"]);
    let answered = anki["answered"].as_array().unwrap();
    assert_eq!(answered.len(), 40);

    let said = ok(&data, &["import", &studied]);
    assert!(said.contains("Added 0 cards and 40 reviews"), "{said}");
    assert!(
        said.contains(&format!("({answers} already in the log)")),
        "{said}"
    );
    let log = std::fs::read_to_string(data.join("reviews/pc.jsonl")).unwrap();
    let mut added: Vec<(String, u64)> = log
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            assert!(
                record["id"].as_str().unwrap().starts_with("anki:"),
                "{line}"
            );
            (
                record["card"].as_str().unwrap().to_string(),
                record["rating"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut wanted: Vec<(String, u64)> = answered
        .iter()
        .map(|answer| {
            (
                answer["id"].as_str().unwrap().to_string(),
                answer["rating"].as_u64().unwrap(),
            )
        })
        .collect();
    added.sort();
    wanted.sort();
    assert_eq!(added, wanted);
    // The statistics include the answers given in Anki.
    let stats: Value = serde_json::from_str(&ok(&data, &["stats", "--json"])).unwrap();
    let today: u64 = stats["reviews_per_day"]
        .as_object()
        .unwrap()
        .values()
        .map(|day| {
            ["again", "hard", "good", "easy"]
                .iter()
                .map(|k| day[k].as_u64().unwrap_or(0))
                .sum::<u64>()
        })
        .sum();
    assert_eq!(today as usize, answers + 40);
    assert!(states(&data).len() >= before);
    let again = ok(&data, &["import", &studied]);
    assert!(again.contains("Nothing new to import"), "{again}");
}

/// `export --with-recordings`: the recordings of the answers given aloud arrive in
/// Anki's media folder, each card lists its own, a newer export updates the notes an
/// earlier one (without recordings) brought in rather than adding others, a missing
/// file is named and the rest exported, and mensetsu's own import of the package still
/// knows every card and answer.
#[test]
fn recordings_exported_on_request_arrive_in_ankis_media_folder() {
    let Some(python) = venv_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    std::fs::create_dir_all(data.join("recordings")).unwrap();
    let spoken = |id: &str, card: &str, at: &str, recording: &str| {
        format!(
            r#"{{"id":"{id}","card":"{card}","at":"{at}","rating":3,"spoken":{{"recording":"{recording}","speech_ms":61000,"pauses":1,"rate":6.4,"unit":"morae/s"}}}}"#
        )
    };
    let log = [
        spoken(
            "pc-1",
            "vpoe-q01",
            "2026-11-03T09:00:00+09:00",
            "pc-20261103T000000Z-0000000a",
        ),
        spoken(
            "pc-2",
            "vpoe-q01",
            "2026-11-06T09:00:00+09:00",
            "pc-20261106T000000Z-0000000b",
        ),
        spoken(
            "pc-3",
            "vpoe-q02",
            "2026-11-06T09:10:00+09:00",
            "pc-20261106T001000Z-0000000c",
        ),
    ]
    .join("\n");
    std::fs::write(data.join("reviews/pc.jsonl"), log + "\n").unwrap();
    // Two files of different sizes; the third answer's file is missing.
    let recordings = data.join("recordings");
    std::fs::write(
        recordings.join("pc-20261103T000000Z-0000000a.wav"),
        vec![1u8; 3000],
    )
    .unwrap();
    std::fs::write(
        recordings.join("pc-20261106T000000Z-0000000b.wav"),
        vec![2u8; 5000],
    )
    .unwrap();

    let plain = dir.path().join("plain.apkg").to_string_lossy().into_owned();
    ok(
        &data,
        &["export", "--apkg", "vpoe", "--with-history", "-o", &plain],
    );
    // Anki updates a note only from a newer one, and a note's time is in seconds.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let recorded = dir
        .path()
        .join("recorded.apkg")
        .to_string_lossy()
        .into_owned();
    let output = run(&data).run(&[
        "export",
        "--apkg",
        "vpoe",
        "--with-history",
        "--with-recordings",
        "-o",
        &recorded,
    ]);
    assert!(output.status.success(), "{}", common::cli::stderr(&output));
    let said = common::cli::stdout(&output);
    assert!(said.contains("with 3 reviews and 2 recordings"), "{said}");
    let warned = common::cli::stderr(&output);
    assert!(
        warned.contains(&format!(
            "warning: recording {} left out",
            recordings
                .join("pc-20261106T001000Z-0000000c.wav")
                .display()
        )),
        "{warned}"
    );

    let anki = oracle(&python, &["media", &plain, &recorded]);
    assert_eq!(anki["notes"], 15, "the same notes, updated: {anki}");
    assert_eq!(
        anki["files"],
        serde_json::json!({
            "pc-20261103T000000Z-0000000a.wav": 3000,
            "pc-20261106T000000Z-0000000b.wav": 5000,
        })
    );
    assert_eq!(
        anki["sounds"],
        serde_json::json!({
            "vpoe-q01": ["pc-20261106T000000Z-0000000b.wav", "pc-20261103T000000Z-0000000a.wav"],
        })
    );
    assert_eq!(anki["missing"], serde_json::json!([]));
    assert_eq!(anki["unused"], serde_json::json!([]));

    let again = ok(&data, &["import", &recorded]);
    assert!(again.contains("Nothing new to import"), "{again}");
}

/// Packages that cannot be read are refused with a message naming the file and what is
/// wrong, and nothing in the data folder changes. Needs no Anki.
#[test]
fn bad_packages_are_refused_by_name_and_nothing_is_written() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    std::fs::write(
        data.join("reviews/pc.jsonl"),
        "{\"id\":\"pc-1\",\"card\":\"vpoe-q01\",\"at\":\"2026-11-20T09:15:03+09:00\",\"rating\":3}\n",
    )
    .unwrap();
    let zip_of = |entries: &[(&str, &[u8])]| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "text.apkg",
            b"#separator:tab\n".to_vec(),
            "not an Anki package (it is not a zip file, or a damaged one; export it from Anki again)",
        ),
        (
            "empty.apkg",
            zip_of(&[("media", b"{}")]),
            "no collection in the package",
        ),
        (
            "damaged.apkg",
            zip_of(&[("collection.anki21", b"SQLite format 3\0 but cut off")]),
            "`collection.anki21` is not a readable Anki collection",
        ),
        (
            "escape.colpkg",
            zip_of(&[("collection.anki2", b"x"), ("../../evil", b"x")]),
            "the zip entry `../../evil` is named with an absolute path or `..`; refused",
        ),
        (
            "absolute.apkg",
            zip_of(&[("collection.anki2", b"x"), ("/etc/evil", b"x")]),
            "the zip entry `/etc/evil` is named with an absolute path or `..`; refused",
        ),
    ];
    let before = common::files(&data);
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = run(&data).run(&["import", &path.to_string_lossy()]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let said = common::cli::stderr(&output);
        assert!(said.contains(&format!("{}: ", path.display())), "{said}");
        assert!(said.contains(message), "{name}: {said}");
        assert_eq!(
            common::files(&data),
            before,
            "{name} changed the data folder"
        );
    }
}
