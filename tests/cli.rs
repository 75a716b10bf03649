//! The command line as a user meets it: version, help for every command, typo
//! suggestions, usage errors with exit code 2, and shell completions.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mensetsu");

fn mensetsu(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .args(args)
        .env("MENSETSU_DATA_DIR", data.path())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const COMMANDS: [&str; 6] = ["import", "check", "cards", "stats", "export", "completions"];

#[test]
fn version_names_the_package_version() {
    for flag in ["--version", "-V"] {
        let output = mensetsu(&[flag]);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            stdout(&output),
            format!("mensetsu {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn every_command_has_help_three_ways() {
    let overview = mensetsu(&["--help"]);
    assert_eq!(overview.status.code(), Some(0));
    for command in COMMANDS {
        assert!(
            stdout(&overview).contains(&format!("  {command} ")),
            "{command} is listed: {}",
            stdout(&overview)
        );
        let flag = mensetsu(&[command, "--help"]);
        let word = mensetsu(&["help", command]);
        assert_eq!(flag.status.code(), Some(0), "{command}");
        assert_eq!(word.status.code(), Some(0), "{command}");
        assert!(
            stdout(&flag).contains(&format!("Usage: mensetsu {command}")),
            "{command}: {}",
            stdout(&flag)
        );
        assert_eq!(stdout(&flag), stdout(&word), "{command}");
        assert!(stderr(&flag).is_empty());
    }
}

#[test]
fn export_help_explains_each_option() {
    let help = stdout(&mensetsu(&["export", "--help"]));
    for needle in [
        "--anki <DECK>",
        "--reviews",
        "-o, --out <FILE>",
        "- writes to standard output",
        "--lang <LANG>",
        "- both:  Japanese with the English below it",
        "- en-ja: English with the Japanese below it",
        "--force",
        "--data-dir <DIR>",
    ] {
        assert!(help.contains(needle), "{needle} missing in {help}");
    }
}

#[test]
fn a_mistyped_command_or_option_is_a_usage_error_with_a_suggestion() {
    let output = mensetsu(&["expot", "--reviews"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("'export'"), "{message}");
    assert!(message.contains("usage: mensetsu"), "{message}");
    assert!(stdout(&output).is_empty());

    let output = mensetsu(&["export", "--review", "-o", "-"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("--reviews"), "{message}");
    assert!(message.contains("usage: mensetsu export"), "{message}");

    // A missing value: clap gives no usage line of its own here; ours is added.
    let output = mensetsu(&["import", "guide.md", "--out"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("usage: mensetsu import"), "{message}");
}

#[test]
fn completions_for_bash_zsh_and_fish_cover_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let output = mensetsu(&["completions", shell]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shell}: {}",
            stderr(&output)
        );
        let script = stdout(&output);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        assert!(script.contains("data-dir"), "{shell}");
    }
    let output = mensetsu(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("possible values"),
        "{}",
        stderr(&output)
    );
}
