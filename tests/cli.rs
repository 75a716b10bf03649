//! The command line as a user meets it: version, help for every command, typo
//! suggestions, usage errors with exit code 2, and shell completions.

mod common;

use common::cli::{mensetsu_by_env, stderr, stdout};
use std::process::Output;

/// Runs `mensetsu args` on a new, empty data folder of its own.
fn in_new_folder(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    mensetsu_by_env(data.path()).run(args)
}

const COMMANDS: [&str; 19] = [
    "import",
    "check",
    "cards",
    "stats",
    "export",
    "coverage",
    "search",
    "suspend",
    "unsuspend",
    "bury",
    "unbury",
    "flag",
    "stories",
    "interview",
    "readiness",
    "simulate",
    "optimize",
    "speech",
    "completions",
];

#[test]
fn version_names_the_package_version() {
    for flag in ["--version", "-V"] {
        let output = in_new_folder(&[flag]);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            stdout(&output),
            format!("mensetsu {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn every_command_has_help_three_ways() {
    let overview = in_new_folder(&["--help"]);
    assert_eq!(overview.status.code(), Some(0));
    for command in COMMANDS {
        assert!(
            stdout(&overview).contains(&format!("  {command} ")),
            "{command} is listed: {}",
            stdout(&overview)
        );
        let flag = in_new_folder(&[command, "--help"]);
        let word = in_new_folder(&["help", command]);
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
    let help = stdout(&in_new_folder(&["export", "--help"]));
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
    let output = in_new_folder(&["expot", "--reviews"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("'export'"), "{message}");
    assert!(message.contains("usage: mensetsu"), "{message}");
    assert!(stdout(&output).is_empty());

    let output = in_new_folder(&["export", "--review", "-o", "-"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("--reviews"), "{message}");
    assert!(message.contains("usage: mensetsu export"), "{message}");

    // A missing value: clap gives no usage line of its own here; ours is added.
    let output = in_new_folder(&["import", "guide.md", "--out"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("usage: mensetsu import"), "{message}");
}

#[test]
fn completions_for_bash_zsh_and_fish_cover_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let output = in_new_folder(&["completions", shell]);
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
    let output = in_new_folder(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("possible values"),
        "{}",
        stderr(&output)
    );
}

/// Runs `mensetsu coverage` with `input` on standard input, on a new data folder.
fn coverage(args: &[&str], input: &str) -> Output {
    let data = tempfile::tempdir().unwrap();
    mensetsu_by_env(data.path()).run_with_stdin(args, input.as_bytes())
}

#[test]
fn coverage_answers_every_line_in_order_and_reports_bad_ones_without_stopping() {
    let input = concat!(
        r#"{"card": "vpoe-q04", "lang": "ja", "draft": "CI/CDを完全に自動化し、フィーチャーフラグを入れる"}"#,
        "\n",
        "not json\n",
        r#"{"card": "no-such-card", "lang": "en", "draft": "x"}"#,
        "\n",
        r#"{"card": "vpoe-q04", "lang": "fr", "draft": "x"}"#,
        "\n",
        r#"{"card": "vpoe-q04", "lang": "en", "draft": "I'd ask the stakeholders."}"#,
        "\n",
    );
    let output = coverage(&["coverage", "--jsonl", "-"], input);
    assert_eq!(output.status.code(), Some(1), "a bad line makes the exit 1");
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one line per input line");
    assert_eq!(lines[0]["card"], "vpoe-q04");
    let covered: Vec<u64> = lines[0]["covered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|index| index.as_u64().unwrap())
        .collect();
    assert!(covered.contains(&0) && covered.contains(&3), "{covered:?}");
    assert_eq!(lines[0]["scores"].as_array().unwrap().len(), 4);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["error"], "no card with id `no-such-card`");
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("`lang` is ja or en")
    );
    assert_eq!(lines[4]["covered"], serde_json::json!([]));

    // One draft on standard input.
    let output = coverage(
        &["coverage", "--card", "vpoe-q04", "--lang", "en"],
        "Fully automate CI/CD and introduce feature toggles.",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(line["card"], "vpoe-q04");
    assert!(line["covered"].as_array().unwrap().len() >= 2, "{line}");
    assert!(
        line.get("evidence").is_none(),
        "evidence only when asked: {line}"
    );

    // --evidence: per point, the measures the verdict came from.
    let output = coverage(
        &[
            "coverage",
            "--card",
            "vpoe-q04",
            "--lang",
            "en",
            "--evidence",
        ],
        "Fully automate CI/CD and introduce feature toggles. I wouldn't do canary releases.",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let evidence = line["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 4, "{line}");
    for (index, point) in evidence.iter().enumerate() {
        let share = point["beyond_question_share"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&share), "{point}");
        let credited = line["covered"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(index));
        // A credited point is never one argued against or with a wrong figure.
        if credited {
            assert_eq!(point["opposite"], false, "{point}");
            assert_eq!(point["figure_wrong"], false, "{point}");
        }
    }
}

/// `mensetsu search is:new | head -1`: when the reader leaves, every command ends quietly,
/// as Unix tools do (killed by SIGPIPE), instead of panicking with "failed printing to
/// stdout: Broken pipe" and exit code 101.
#[cfg(unix)]
#[test]
fn a_command_whose_reader_has_left_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let temp = tempfile::tempdir().unwrap();
    for args in [
        &["search", "is:new"][..],
        &["cards", "--json"],
        &["cards"],
        &["stats"],
        &["check"],
    ] {
        let output = common::cli::mensetsu(temp.path()).run_into_a_closed_pipe(args);
        let errors = stderr(&output);
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");
        assert!(
            output.status.success() || output.status.signal() == Some(libc::SIGPIPE),
            "{args:?}: {:?} {errors}",
            output.status
        );
    }
}

/// `search --help` names the states as one list, `is:new|learn|review|due|…`, where clap's
/// wrapping once split it into "review| due".
#[test]
fn search_help_keeps_the_list_of_states_whole() {
    let help = stdout(&in_new_folder(&["search", "--help"]));
    assert!(
        help.contains("is:new|learn|review|due|suspended|buried|leech"),
        "{help}"
    );
    assert!(!help.contains("| "), "{help}");
}
