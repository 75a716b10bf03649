//! The README's settings table says what `settings.rs` does: every field of
//! `settings.json` has its row, and each numeric setting's default and range are those of
//! its `Bounds` constant (the one place they are written), so the table cannot drift from
//! the code again.

use mensetsu::core::bounds::{self, Bounds};
use mensetsu::core::content::deck::Lang;
use mensetsu::core::settings::{ContentLanguage, Settings};

const README: &str = include_str!("../README.md");

/// The table's row of a `settings.json` field.
fn row(field: &str) -> &'static str {
    let section = &README[README.find("## Settings").expect("a Settings section")..];
    section
        .lines()
        .take_while(|line| !line.starts_with("## Data"))
        .find(|line| line.starts_with('|') && line.contains(&format!("(`{field}`")))
        .unwrap_or_else(|| panic!("the README's settings table has no row for `{field}`"))
}

fn assert_bounds<T: std::fmt::Display>(field: &str, bounds: &Bounds<T>) {
    let row = row(field);
    let digits = bounds.decimals;
    let default = format!("| {:.digits$}", bounds.default);
    let range = format!("{:.digits$}–{:.digits$}", bounds.min, bounds.max);
    assert!(
        row.contains(&default),
        "`{field}` default {default:?}: {row}"
    );
    assert!(row.contains(&range), "`{field}` range {range:?}: {row}");
}

#[test]
fn every_setting_has_its_row_with_the_default_and_range_of_the_code() {
    let fields = serde_json::to_value(Settings::default()).unwrap();
    let mut fields: Vec<String> = fields.as_object().unwrap().keys().cloned().collect();
    // Fields whose default is "unset" are left out of the file; they still need a row.
    for unset in ["ui_language", "content_language", "fsrs_parameters"] {
        if !fields.iter().any(|field| field == unset) {
            fields.push(unset.to_string());
        }
    }
    for field in &fields {
        row(field);
    }

    assert_bounds("desired_retention", &bounds::DESIRED_RETENTION);
    assert_bounds("new_cards_per_day", &bounds::NEW_CARDS_PER_DAY);
    assert_bounds("day_rollover_hour", &bounds::DAY_ROLLOVER_HOUR);
    assert_bounds("maximum_interval_days", &bounds::MAXIMUM_INTERVAL_DAYS);
    assert_bounds("answer_target_seconds", &bounds::ANSWER_TARGET_SECONDS);
    assert_bounds("pause_seconds", &bounds::PAUSE_SECONDS);
    assert_bounds("keep_recordings", &bounds::KEEP_RECORDINGS);
    assert_bounds("text_scale", &bounds::TEXT_SCALE);
    assert_bounds("final_sweep_days", &bounds::FINAL_SWEEP_DAYS);
    assert_bounds("leech_threshold", &bounds::LEECH_THRESHOLD);
    assert_bounds("mock_questions", &bounds::MOCK_QUESTIONS);
    assert_bounds("mock_seconds_per_answer", &bounds::MOCK_SECONDS_PER_ANSWER);

    let steps = |minutes: &[f32]| {
        minutes
            .iter()
            .map(|minutes| format!("{minutes}m"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let learning = row("learning_steps_minutes");
    assert!(
        learning.contains(&format!("`{}`", steps(bounds::LEARNING_STEPS_MINUTES))),
        "{learning}"
    );
    let relearning = row("relearning_steps_minutes");
    assert!(
        relearning.contains(&format!("`{}`", steps(bounds::RELEARNING_STEPS_MINUTES))),
        "{relearning}"
    );
    let max_step = format!("{} min", bounds::STEP_MINUTES.max);
    assert!(learning.contains(&max_step), "{learning}");
}

#[test]
fn every_card_language_and_its_defaults_are_in_the_table() {
    let row = row("content_language");
    for language in [
        ContentLanguage::Ja,
        ContentLanguage::En,
        ContentLanguage::Both,
        ContentLanguage::BothEnglishFirst,
    ] {
        let name = serde_json::to_value(language).unwrap();
        let name = name.as_str().unwrap();
        assert!(
            row.contains(&format!("`{name}`")),
            "`{name}` missing: {row}"
        );
    }
    let (_, default, _) = row.split('|').fold((0, "", ""), |(index, third, _), cell| {
        (index + 1, if index == 2 { cell } else { third }, cell)
    });
    for app in [Lang::Ja, Lang::En] {
        let name = serde_json::to_value(ContentLanguage::for_app_language(app)).unwrap();
        let name = name.as_str().unwrap().to_string();
        assert!(
            default.contains(&format!("`{name}`")),
            "default for {app:?} is `{name}`: {row}"
        );
    }
}
