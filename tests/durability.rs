//! Durability, not only survival. A SIGKILL leaves the kernel's page cache intact, so the
//! crash tests would still pass if an answer were acknowledged before it reached the
//! disk; a power cut would then lose it. These tests watch the system calls with strace
//! (Debian's `strace`; `.ci/run` installs it) and check the order the README promises:
//! an answer's bytes are written and `fdatasync`ed before the app moves on (here: before
//! the answer loop prints `saved`), and a settings file is written to a temporary file,
//! synced, renamed over the old one, and the folder synced.
//!
//! Without strace these tests say so and pass, unless `MENSETSU_REQUIRE_STRACE=1` (set by
//! `.ci/run`) makes a missing strace a failure.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

const LOOP: &str = env!("CARGO_BIN_EXE_mensetsu-answer-loop");

/// strace, or `None` (with a note) where it is not installed and not required.
fn strace() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("strace"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        let required = std::env::var("MENSETSU_REQUIRE_STRACE").is_ok_and(|value| value == "1");
        assert!(
            !required,
            "strace is required (MENSETSU_REQUIRE_STRACE=1): apt-get install strace"
        );
        eprintln!("strace is not installed: durability order not checked (apt-get install strace)");
    }
    found
}

/// The system calls of `args` run under strace, one per line, with file descriptors shown
/// with their paths (`write(4</…/pc.jsonl>, …)`).
fn traced(strace: &Path, dir: &Path, args: &[&str]) -> Vec<String> {
    let trace = dir.join("trace.txt");
    let output = Command::new(strace)
        .args(["-f", "-y", "-s", "64", "-o"])
        .arg(&trace)
        .args([
            "-e",
            "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2",
        ])
        .arg(LOOP)
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(args)
        .env("MENSETSU_DEVICE_ID", "pc")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(trace)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The system call a trace line shows (`1234  write(4</a/b.jsonl>, …) = 98` → `write`).
fn call(line: &str) -> &str {
    let rest = line
        .split_once(char::is_whitespace)
        .map_or(line, |(_, rest)| rest);
    rest.trim_start().split('(').next().unwrap_or("")
}

/// Whether the call's first argument is a descriptor of a file whose path ends so.
fn on(line: &str, path_end: &str) -> bool {
    line.split_once('(')
        .and_then(|(_, args)| args.split_once('>'))
        .is_some_and(|(fd, _)| fd.ends_with(path_end))
}

#[test]
fn every_answer_is_synced_to_disk_before_it_is_acknowledged() {
    let Some(strace) = strace() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let lines = traced(
        &strace,
        temp.path(),
        &["--count", "20", "--start", "2026-01-05T09:00:00+09:00"],
    );
    let log = "/reviews/pc.jsonl";
    let mut unsynced_writes = false;
    let mut written_since_ack = false;
    let mut acks = 0;
    for line in &lines {
        match call(line) {
            "write" if on(line, log) => {
                unsynced_writes = true;
                written_since_ack = true;
            }
            "fdatasync" | "fsync" if on(line, log) => unsynced_writes = false,
            "write" if line.contains("\"saved pc-") => {
                assert!(written_since_ack, "acknowledged without a write: {line}");
                assert!(
                    !unsynced_writes,
                    "acknowledged before the log was synced: {line}\n{}",
                    lines.join("\n")
                );
                written_since_ack = false;
                acks += 1;
            }
            _ => {}
        }
    }
    assert_eq!(acks, 20, "{}", lines.join("\n"));
}

#[test]
fn settings_go_to_a_synced_temporary_file_renamed_over_the_old_one_in_a_synced_folder() {
    let Some(strace) = strace() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let data = temp.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("settings.json"), "{\"new_cards_per_day\": 7}\n").unwrap();
    let lines = traced(&strace, temp.path(), &["--count", "0", "--save-settings"]);
    let position = |what: &str, test: &dyn Fn(&str) -> bool| {
        lines
            .iter()
            .position(|line| test(line))
            .unwrap_or_else(|| panic!("no {what} in\n{}", lines.join("\n")))
    };
    let temp_file = ".settings.json.tmp-";
    let created = position("temporary file", &|line| {
        call(line) == "openat" && line.contains(temp_file) && line.contains("O_CREAT")
    });
    let written = position("write to it", &|line| {
        call(line) == "write"
            && on(line, "")
            && line.split_once('(').is_some_and(|(_, args)| {
                args.split('>')
                    .next()
                    .is_some_and(|fd| fd.contains(temp_file))
            })
    });
    let synced = position("fsync of it", &|line| {
        call(line) == "fsync"
            && line.split_once('(').is_some_and(|(_, args)| {
                args.split('>')
                    .next()
                    .is_some_and(|fd| fd.contains(temp_file))
            })
    });
    let renamed = position("rename onto settings.json", &|line| {
        call(line).starts_with("rename")
            && line.contains(temp_file)
            && line.contains("/settings.json\"")
    });
    let folder_synced = position("fsync of the folder", &|line| {
        call(line) == "fsync" && on(line, "/data")
    });
    assert!(
        created < written && written < synced && synced < renamed && renamed < folder_synced,
        "order: create {created}, write {written}, fsync {synced}, rename {renamed}, folder fsync {folder_synced}\n{}",
        lines.join("\n")
    );
}
