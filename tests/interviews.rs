//! Interviews, readiness, simulation and fitted parameters from the command line, as a
//! user scripting mensetsu meets them: every bad input gets a message and exit code 1,
//! and nothing is written unless the command succeeded.

mod common;

use common::cli::{mensetsu_in_tokyo, stderr, stdout};
use common::real_log::write_real_log;
use std::path::Path;
use std::process::Output;

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The study day the commands see now: the clock they read, in their zone (Asia/Tokyo has
/// kept +09:00 with no daylight saving since 1951), with the default rollover hour. The
/// test process's own zone and date (UTC in CI) would be a day behind every evening.
fn study_day_of_the_commands() -> chrono::NaiveDate {
    let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    let rollover = mensetsu::core::settings::Settings::default().day_rollover_hour;
    mensetsu::core::review::days::study_day(chrono::Utc::now().with_timezone(&tokyo), rollover)
}

/// `days` after the commands' study day.
fn in_days(days: i64) -> String {
    (study_day_of_the_commands() + chrono::Duration::days(days)).to_string()
}

/// Runs `check` until one run starts and ends on the same study day, so that a test which
/// counts days cannot straddle the rollover hour.
fn within_one_study_day(check: impl Fn() + std::panic::RefUnwindSafe) {
    loop {
        let before = study_day_of_the_commands();
        let outcome = std::panic::catch_unwind(&check);
        if study_day_of_the_commands() == before {
            if let Err(panic) = outcome {
                std::panic::resume_unwind(panic);
            }
            return;
        }
    }
}

fn log_bytes(data: &Path) -> Vec<u8> {
    std::fs::read(data.join("reviews").join("pc.jsonl")).unwrap_or_default()
}

#[test]
fn adding_an_interview_refuses_every_bad_input_with_a_message_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let future = in_days(30);
    let cases: [(&[&str], &str); 5] = [
        (
            &["--name", "Acme", "--date", "2020-01-01", "--role", "cto"],
            "is in the past",
        ),
        (
            &["--name", "Acme", "--date", &future, "--deck", "nope"],
            "there is no deck `nope`; the decks are vpoe, hoe, cto,",
        ),
        (
            &["--name", "Acme", "--date", &future, "--role", "ceo"],
            "there is no role `ceo`",
        ),
        (
            &["--name", "Acme", "--date", &future],
            "choose at least one deck or role",
        ),
        (
            &["--name", "  ", "--date", &future, "--role", "cto"],
            "give the interview a name",
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["interview", "add"];
        full.extend_from_slice(args);
        let output = mensetsu_in_tokyo(data.path()).run(&full);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            log_bytes(data.path()).is_empty(),
            "{args:?} wrote to the log"
        );
    }
    // A date that is no date is a usage error.
    let output = mensetsu_in_tokyo(data.path()).run(&[
        "interview",
        "add",
        "--name",
        "x",
        "--date",
        "2026-13-01",
        "--role",
        "cto",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn an_interview_is_added_listed_given_readiness_and_removed() {
    within_one_study_day(an_interview_is_added_listed_given_readiness_and_removed_today);
}

fn an_interview_is_added_listed_given_readiness_and_removed_today() {
    let data = tempfile::tempdir().unwrap();
    let date = in_days(21);
    let added = mensetsu_in_tokyo(data.path()).run(&[
        "interview",
        "add",
        "--name",
        "Acme CTO final",
        "--date",
        &date,
        "--role",
        "cto",
        "--deck",
        "vpoe",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let list = json(&mensetsu_in_tokyo(data.path()).run(&["interview", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let interview = &list[0];
    assert_eq!(interview["name"], "Acme CTO final");
    assert_eq!(interview["date"], date.as_str());
    assert_eq!(interview["days_left"], 21);
    assert_eq!(interview["cards"], 35, "20 CTO cards and 15 VPoE cards");
    let id = interview["id"].as_str().unwrap().to_string();

    let readiness = json(&mensetsu_in_tokyo(data.path()).run(&["readiness", "--json"]));
    let upcoming = &readiness["interviews"][0];
    assert_eq!(upcoming["name"], "Acme CTO final");
    assert_eq!(upcoming["cards_total"], 35);
    // Nothing studied yet: every card counts 0.
    assert_eq!(upcoming["overall"], 0.0);
    assert_eq!(upcoming["at"], format!("{date}T04:00:00+09:00"));

    let removed = mensetsu_in_tokyo(data.path()).run(&["interview", "remove", &id]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    let list = json(&mensetsu_in_tokyo(data.path()).run(&["interview", "list", "--json"]));
    assert!(list.as_array().unwrap().is_empty());
    // The log keeps both versions.
    let log = String::from_utf8(log_bytes(data.path())).unwrap();
    assert_eq!(log.lines().count(), 2);
    assert!(log.lines().last().unwrap().contains("\"removed\":true"));
    let again = mensetsu_in_tokyo(data.path()).run(&["interview", "remove", &id]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains(&format!("there is no interview `{id}`")));
}

#[test]
fn readiness_names_an_unknown_deck() {
    let data = tempfile::tempdir().unwrap();
    let output = mensetsu_in_tokyo(data.path()).run(&[
        "readiness",
        "--date",
        "2027-01-01",
        "--deck",
        "nope",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("there is no deck `nope`; the decks are vpoe, hoe, cto,"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn simulate_shows_interview_mode_ahead_of_plain_scheduling_on_the_day() {
    let data = tempfile::tempdir().unwrap();
    let report = json(&mensetsu_in_tokyo(data.path()).run(&[
        "simulate",
        "--days",
        "21",
        "--minutes-per-day",
        "15",
        "--json",
    ]));
    let plain = report["plain"]["recall_on_the_day"].as_f64().unwrap();
    let interview = report["interview"]["recall_on_the_day"].as_f64().unwrap();
    assert!(interview > plain, "interview {interview}, plain {plain}");
    assert_eq!(report["days"], 21);
    assert_eq!(report["studied"], 0);
    let text = stdout(&mensetsu_in_tokyo(data.path()).run(&[
        "simulate",
        "--days",
        "21",
        "--minutes-per-day",
        "15",
    ]));
    assert!(text.contains("interview mode"), "{text}");
    let refused =
        mensetsu_in_tokyo(data.path()).run(&["simulate", "--days", "0", "--minutes-per-day", "15"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("at least 1"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn optimize_with_too_little_history_says_so_and_keeps_the_defaults() {
    let data = tempfile::tempdir().unwrap();
    let output = mensetsu_in_tokyo(data.path()).run(&["optimize"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("0 answers are too few"),
        "{}",
        stdout(&output)
    );
    assert!(!data.path().join("settings.json").exists());
}

#[test]
fn optimize_on_the_real_log_beats_the_defaults_and_keeps_the_fit() {
    let data = tempfile::tempdir().unwrap();
    write_real_log(&data.path().join("reviews"));
    let report = json(&mensetsu_in_tokyo(data.path()).run(&["optimize", "--json"]));
    assert_eq!(report["reviews"], 12580);
    let default_rmse = report["current"]["rmse_bins"].as_f64().unwrap();
    let fitted_rmse = report["fitted"]["rmse_bins"].as_f64().unwrap();
    assert!((default_rmse - 0.0754).abs() < 0.0005, "{default_rmse}");
    assert!(fitted_rmse <= 0.0444, "{fitted_rmse}");
    assert_eq!(report["improved"], true);
    let settings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.path().join("settings.json")).unwrap()).unwrap();
    assert_eq!(settings["fsrs_parameters"], report["parameters"]);
    assert_eq!(settings["fsrs_parameters"].as_array().unwrap().len(), 21);
    // Run again: the fitted parameters are now the current ones and are kept.
    let again = json(&mensetsu_in_tokyo(data.path()).run(&["optimize", "--json"]));
    assert_eq!(again["improved"], false);
    assert_eq!(again["parameters"], report["parameters"]);
}
