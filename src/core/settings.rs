//! User settings in `settings.json`: read forgivingly, written atomically. Each numeric
//! setting's range and default is one [`Bounds`] constant below.

use crate::core::content::deck::{Lang, Localized};
use crate::core::files::{self, WriteError};
use crate::core::problem::{Problem, ProblemKind, SetAside};
use crate::core::review::scheduler::{self, SchedulerConfig};
use crate::core::sync::{conflicts, names};
use crate::core::text;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

// The bounds live below the settings (the scheduler checks with them too); they are
// still read as settings::NAME.
pub use crate::core::bounds::{
    ANSWER_TARGET_SECONDS, Bounds, DAY_ROLLOVER_HOUR, DESIRED_RETENTION, FINAL_SWEEP_DAYS,
    KEEP_RECORDINGS, LEARNING_STEPS_MINUTES, LEECH_THRESHOLD, MAXIMUM_INTERVAL_DAYS,
    MOCK_QUESTIONS, MOCK_SECONDS_PER_ANSWER, NEW_CARDS_PER_DAY, PAUSE_SECONDS,
    RELEARNING_STEPS_MINUTES, STEP_MINUTES, TEXT_SCALE,
};

/// Which language(s) the question and answer points are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentLanguage {
    Ja,
    En,
    /// Japanese, with the English below it.
    Both,
    /// English, with the Japanese below it: for a reader who practises in English for an
    /// interview held in Japanese, or the other way round.
    #[serde(rename = "both-english-first")]
    BothEnglishFirst,
}

impl ContentLanguage {
    /// The language shown first, and the one shown below it, if any.
    pub fn order(self) -> (Lang, Option<Lang>) {
        match self {
            ContentLanguage::Ja => (Lang::Ja, None),
            ContentLanguage::En => (Lang::En, None),
            ContentLanguage::Both => (Lang::Ja, Some(Lang::En)),
            ContentLanguage::BothEnglishFirst => (Lang::En, Some(Lang::Ja)),
        }
    }

    /// A text in these language(s): the first language's text (or the other's, where the
    /// text lacks it), and the second language's to show below it when the text has both.
    pub fn texts(self, text: &Localized) -> (&str, Option<&str>) {
        let (first, second) = self.order();
        let below = second
            .filter(|_| text.exact(first).is_some())
            .and_then(|second| text.exact(second));
        (text.get(first), below)
    }

    /// The card language for an app language when the user has not chosen one: an
    /// English-speaking user practises in English, with the Japanese an interview in
    /// Japan will use below it; a Japanese-speaking user practises in Japanese.
    pub fn for_app_language(app: Lang) -> Self {
        match app {
            Lang::Ja => ContentLanguage::Ja,
            Lang::En => ContentLanguage::BothEnglishFirst,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// What happens when a card becomes a leech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeechAction {
    /// Anki's default: the card is tagged `leech` (search `is:leech`) and listed on the
    /// decks screen, and stays in the queues.
    #[default]
    Tag,
    /// The card is also suspended when it becomes a leech.
    Suspend,
}

/// The setup of the last mock interview started, so the next one starts from it. Not
/// edited on the Settings screen: the mock interview's own setup sets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockPreferences {
    /// Role ids; `None` until a mock interview has been started (the default roles).
    #[serde(rename = "mock_roles")]
    pub roles: Option<Vec<String>>,
    /// See [`MOCK_QUESTIONS`].
    #[serde(rename = "mock_questions")]
    pub questions: usize,
    /// See [`MOCK_SECONDS_PER_ANSWER`].
    #[serde(rename = "mock_seconds_per_answer")]
    pub seconds_per_answer: u32,
}

impl Default for MockPreferences {
    fn default() -> Self {
        Self {
            roles: None,
            questions: MOCK_QUESTIONS.default,
            seconds_per_answer: MOCK_SECONDS_PER_ANSWER.default,
        }
    }
}

/// Every field has a default, so a settings file from an older version (fewer fields) or
/// a newer one (unknown fields) still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// See [`DESIRED_RETENTION`].
    pub desired_retention: f32,
    /// See [`NEW_CARDS_PER_DAY`].
    pub new_cards_per_day: u32,
    /// See [`DAY_ROLLOVER_HOUR`]: reviews before it count for the day before, as in Anki.
    pub day_rollover_hour: u32,
    /// Each in [`STEP_MINUTES`].
    pub learning_steps_minutes: Vec<f32>,
    /// Each in [`STEP_MINUTES`].
    pub relearning_steps_minutes: Vec<f32>,
    /// See [`MAXIMUM_INTERVAL_DAYS`].
    pub maximum_interval_days: u32,
    /// See [`ANSWER_TARGET_SECONDS`].
    pub answer_target_seconds: u32,
    /// See [`PAUSE_SECONDS`].
    pub pause_seconds: f64,
    /// See [`KEEP_RECORDINGS`]: 0 keeps every recording.
    pub keep_recordings: u32,
    /// Language of the app's own labels; `None` follows the system locale.
    pub ui_language: Option<Lang>,
    /// Language(s) of the cards; `None` follows the app's language (see
    /// [`ContentLanguage::for_app_language`]).
    pub content_language: Option<ContentLanguage>,
    pub theme: Theme,
    /// See [`TEXT_SCALE`].
    pub text_scale: f32,
    /// FSRS-6 parameters fitted to the user's own answers (`mensetsu optimize`, or
    /// Optimize in Settings); `None` uses FSRS-6's defaults.
    pub fsrs_parameters: Option<Vec<f32>>,
    /// See [`FINAL_SWEEP_DAYS`].
    pub final_sweep_days: u32,
    /// See [`LEECH_THRESHOLD`].
    pub leech_threshold: u32,
    pub leech_action: LeechAction,
    /// Kept beside the others in the file (`mock_roles`, `mock_questions`,
    /// `mock_seconds_per_answer`).
    #[serde(flatten)]
    pub mock: MockPreferences,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: DESIRED_RETENTION.default,
            new_cards_per_day: NEW_CARDS_PER_DAY.default,
            day_rollover_hour: DAY_ROLLOVER_HOUR.default,
            learning_steps_minutes: LEARNING_STEPS_MINUTES.to_vec(),
            relearning_steps_minutes: RELEARNING_STEPS_MINUTES.to_vec(),
            maximum_interval_days: MAXIMUM_INTERVAL_DAYS.default,
            answer_target_seconds: ANSWER_TARGET_SECONDS.default,
            pause_seconds: PAUSE_SECONDS.default,
            keep_recordings: KEEP_RECORDINGS.default,
            ui_language: None,
            content_language: None,
            theme: Theme::System,
            text_scale: TEXT_SCALE.default,
            fsrs_parameters: None,
            final_sweep_days: FINAL_SWEEP_DAYS.default,
            leech_threshold: LEECH_THRESHOLD.default,
            leech_action: LeechAction::Tag,
            mock: MockPreferences::default(),
        }
    }
}

impl Settings {
    /// The scheduling part of the settings. Values the settings cannot express keep their
    /// defaults (fuzz is always on).
    pub fn scheduler_config(&self) -> SchedulerConfig {
        SchedulerConfig {
            desired_retention: self.desired_retention,
            maximum_interval_days: self.maximum_interval_days,
            learning_steps_secs: scheduler::steps_in_seconds(&self.learning_steps_minutes),
            relearning_steps_secs: scheduler::steps_in_seconds(&self.relearning_steps_minutes),
            day_rollover_hour: self.day_rollover_hour,
            fuzz: true,
            parameters: self
                .fsrs_parameters
                .clone()
                .unwrap_or_else(|| fsrs::DEFAULT_PARAMETERS.to_vec()),
        }
    }
}

/// A setting that was out of range and replaced by its default.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// The field's name in `settings.json`, so a message can point at its line.
    pub field: &'static str,
    pub kind: ProblemKind,
}

impl Fix {
    /// In English, as the commands print it.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// Replaces `value` by the default of `bounds` when outside them, and says so.
fn ensure_within<T: PartialOrd + Copy + std::fmt::Display>(
    fixes: &mut Vec<Fix>,
    field: &'static str,
    value: &mut T,
    bounds: &Bounds<T>,
) {
    if !bounds.contains(*value) {
        fixes.push(Fix {
            field,
            kind: bounds.fix(field, value),
        });
        *value = bounds.default;
    }
}

/// Replaces a list of steps by `default` when any step is outside [`STEP_MINUTES`].
fn ensure_steps(fixes: &mut Vec<Fix>, field: &'static str, steps: &mut Vec<f32>, default: &[f32]) {
    // `contains` is false for NaN, so a NaN step is out of range too.
    if steps.iter().any(|minutes| !STEP_MINUTES.contains(*minutes)) {
        fixes.push(Fix {
            field,
            kind: ProblemKind::BadSteps {
                field,
                max_minutes: STEP_MINUTES.max.to_string(),
                default: format!("{default:?}"),
            },
        });
        *steps = default.to_vec();
    }
}

impl Settings {
    /// The language of the app's labels, `system` when the user has not chosen one.
    pub fn app_language(&self, system: Lang) -> Lang {
        self.ui_language.unwrap_or(system)
    }

    /// The card language(s): the user's choice, or what suits the app's language.
    pub fn card_language(&self, system: Lang) -> ContentLanguage {
        self.content_language
            .unwrap_or_else(|| ContentLanguage::for_app_language(self.app_language(system)))
    }

    /// Replaces out-of-range values with their defaults and says which ones.
    pub fn sanitized(mut self) -> (Self, Vec<Fix>) {
        let mut fixes = Vec::new();
        let f = &mut fixes;
        ensure_within(
            f,
            "desired_retention",
            &mut self.desired_retention,
            &DESIRED_RETENTION,
        );
        ensure_within(
            f,
            "day_rollover_hour",
            &mut self.day_rollover_hour,
            &DAY_ROLLOVER_HOUR,
        );
        ensure_steps(
            f,
            "learning_steps_minutes",
            &mut self.learning_steps_minutes,
            LEARNING_STEPS_MINUTES,
        );
        ensure_steps(
            f,
            "relearning_steps_minutes",
            &mut self.relearning_steps_minutes,
            RELEARNING_STEPS_MINUTES,
        );
        ensure_within(
            f,
            "maximum_interval_days",
            &mut self.maximum_interval_days,
            &MAXIMUM_INTERVAL_DAYS,
        );
        ensure_within(f, "text_scale", &mut self.text_scale, &TEXT_SCALE);
        ensure_within(
            f,
            "new_cards_per_day",
            &mut self.new_cards_per_day,
            &NEW_CARDS_PER_DAY,
        );
        ensure_within(
            f,
            "answer_target_seconds",
            &mut self.answer_target_seconds,
            &ANSWER_TARGET_SECONDS,
        );
        ensure_within(f, "pause_seconds", &mut self.pause_seconds, &PAUSE_SECONDS);
        ensure_within(
            f,
            "keep_recordings",
            &mut self.keep_recordings,
            &KEEP_RECORDINGS,
        );
        ensure_within(
            f,
            "final_sweep_days",
            &mut self.final_sweep_days,
            &FINAL_SWEEP_DAYS,
        );
        ensure_within(
            f,
            "leech_threshold",
            &mut self.leech_threshold,
            &LEECH_THRESHOLD,
        );
        ensure_within(
            f,
            "mock_questions",
            &mut self.mock.questions,
            &MOCK_QUESTIONS,
        );
        ensure_within(
            f,
            "mock_seconds_per_answer",
            &mut self.mock.seconds_per_answer,
            &MOCK_SECONDS_PER_ANSWER,
        );
        if let Some(parameters) = &self.fsrs_parameters
            && let Err(error) = scheduler::checked_parameters(parameters)
        {
            fixes.push(Fix {
                field: "fsrs_parameters",
                kind: ProblemKind::FsrsParametersRejected {
                    error: error.to_string(),
                },
            });
            self.fsrs_parameters = None;
        }
        (self, fixes)
    }
}

/// What loading found: the settings to use, and every problem with the file (damaged and
/// set aside, a value out of range), each with the line it is on where there is one.
#[derive(Debug, Clone)]
pub struct LoadedSettings {
    pub settings: Settings,
    pub notices: Vec<Problem>,
}

/// Reads the settings. A missing file gives the defaults. A file that cannot be parsed is
/// renamed to `settings.json.corrupt-<stamp>` (never deleted), the defaults are used and a
/// notice says where the old file went. `stamp` is supplied by the caller (the core does
/// not read the clock), e.g. `20261122-091500`.
pub fn load(path: &Path, stamp: &str) -> LoadedSettings {
    load_with(path, Some(stamp))
}

/// Reads the settings without writing anything: a damaged file is reported and left
/// where it is, for the window that owns the data folder to set aside. For read-only
/// windows and commands, which must not change a byte of the data folder.
pub fn read(path: &Path) -> LoadedSettings {
    load_with(path, None)
}

/// [`load`] with `set_aside` = the stamp to name a damaged file by, or [`read`] without.
fn load_with(path: &Path, set_aside: Option<&str>) -> LoadedSettings {
    let mut loaded = load_file(path, set_aside);
    loaded.notices.extend(conflicts::settings_problems(path));
    loaded
}

fn load_file(path: &Path, set_aside: Option<&str>) -> LoadedSettings {
    let defaults = |notices| LoadedSettings {
        settings: Settings::default(),
        notices,
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return defaults(vec![]),
        Err(error) => {
            return defaults(vec![Problem::error(
                path,
                ProblemKind::SettingsUnreadable {
                    error: error.to_string(),
                },
            )]);
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match serde_json::from_slice::<Settings>(bytes) {
        Ok(settings) => {
            let (settings, fixes) = settings.sanitized();
            let text = String::from_utf8_lossy(bytes);
            let notices = fixes
                .into_iter()
                .map(|fix| {
                    let key = format!("\"{}\"", fix.field);
                    let line = text.lines().position(|line| line.contains(&key));
                    Problem::error(path, fix.kind).at_line(line.map(|index| index + 1))
                })
                .collect();
            LoadedSettings { settings, notices }
        }
        Err(_) if git_marker(bytes).is_some() => {
            // Set aside, the file would lose the merge git is waiting to finish.
            let line = git_marker(bytes);
            defaults(vec![
                Problem::error(path, ProblemKind::GitConflictMarkers).at_line(line),
            ])
        }
        Err(error) => {
            // Rust type names mean nothing to a user.
            let what = text::serde_message(&error, 120)
                .replace("expected u8", "expected a whole number")
                .replace("expected u32", "expected a whole number")
                .replace("expected u64", "expected a whole number")
                .replace("expected f32", "expected a number")
                .replace("expected f64", "expected a number");
            let set_aside = match set_aside.map(|stamp| {
                let aside = set_aside_path(path, stamp);
                fs::rename(path, &aside).map(|()| aside)
            }) {
                Some(Ok(aside)) => SetAside::KeptAs(aside),
                Some(Err(rename_error)) => SetAside::Failed(rename_error.to_string()),
                None => SetAside::LeftAsIs,
            };
            let kind = ProblemKind::SettingsDamaged {
                detail: what,
                set_aside,
            };
            defaults(vec![
                Problem::error(path, kind)
                    .at_line(Some(error.line()))
                    .at_column(Some(error.column())),
            ])
        }
    }
}

fn git_marker(bytes: &[u8]) -> Option<usize> {
    names::git_conflict_marker(&String::from_utf8_lossy(bytes))
}

/// A free name beside `path` to keep a damaged file under: `<name>.corrupt-<stamp>`.
pub(crate) fn set_aside_path(path: &Path, stamp: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "settings.json".to_string());
    let mut candidate = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut counter = 1;
    while candidate.exists() {
        counter += 1;
        candidate = path.with_file_name(format!("{name}.corrupt-{stamp}-{counter}"));
    }
    candidate
}

/// Writes the settings so that a crash leaves either the old or the new file, never a
/// mix.
pub fn save(path: &Path, settings: &Settings) -> Result<(), WriteError> {
    let mut text = serde_json::to_string_pretty(settings).map_err(|error| WriteError::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(error),
    })?;
    text.push('\n');
    files::write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_without_notice() {
        let temp = tempfile::tempdir().unwrap();
        let loaded = load(&temp.path().join("settings.json"), "x");
        assert_eq!(loaded.settings, Settings::default());
        assert!(loaded.notices.is_empty());
    }

    /// The settings a file of `text` loads as.
    fn loaded_from(text: &str) -> LoadedSettings {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        fs::write(&path, text).unwrap();
        load(&path, "x")
    }

    #[test]
    fn saved_settings_load_back_and_unknown_or_missing_fields_are_fine() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        let settings = Settings {
            desired_retention: 0.85,
            theme: Theme::Dark,
            ui_language: Some(Lang::En),
            ..Settings::default()
        };
        save(&path, &settings).unwrap();
        assert_eq!(load(&path, "x").settings, settings);
        let loaded = loaded_from(r#"{"new_cards_per_day": 5, "from_the_future": true}"#);
        assert_eq!(loaded.settings.new_cards_per_day, 5);
        assert_eq!(loaded.settings.desired_retention, 0.9);
        assert!(loaded.notices.is_empty());
    }

    #[test]
    fn corrupt_file_is_kept_aside_byte_for_byte_and_named_in_the_notice() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        let damaged = b"{\n  \"desired_retention\": 0.9,\n  \"theme\": \n";
        fs::write(&path, damaged).unwrap();
        let loaded = load(&path, "20261122-091500");
        assert_eq!(loaded.settings, Settings::default());
        let aside = temp.path().join("settings.json.corrupt-20261122-091500");
        assert_eq!(fs::read(&aside).unwrap(), damaged);
        assert!(!path.exists());
        assert_eq!(loaded.notices.len(), 1);
        let notice = &loaded.notices[0];
        assert!(notice.to_string().contains("settings.json:4:"), "{notice}");
        assert!(
            notice
                .to_string()
                .contains("settings.json.corrupt-20261122-091500"),
            "{notice}"
        );
    }

    #[test]
    fn the_last_mock_setup_sits_beside_the_other_fields_of_the_file() {
        let loaded = loaded_from(
            r#"{"mock_roles": ["cto"], "mock_questions": 3, "mock_seconds_per_answer": 90}"#,
        );
        assert_eq!(
            loaded.settings.mock,
            MockPreferences {
                roles: Some(vec!["cto".to_string()]),
                questions: 3,
                seconds_per_answer: 90,
            }
        );
        assert!(loaded.notices.is_empty());
        let written = serde_json::to_value(&loaded.settings).unwrap();
        assert_eq!(written["mock_questions"], 3);
        assert!(written.get("mock").is_none());
    }

    #[test]
    fn out_of_range_values_fall_back_with_a_notice() {
        let loaded = loaded_from(r#"{"desired_retention": 1.5, "day_rollover_hour": 30}"#);
        assert_eq!(loaded.settings.desired_retention, 0.9);
        assert_eq!(loaded.settings.day_rollover_hour, 4);
        assert_eq!(loaded.notices.len(), 2);
        assert!(
            loaded.notices[0]
                .to_string()
                .contains("desired_retention 1.5")
        );
    }

    #[test]
    fn wrong_types_count_as_damage() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        fs::write(&path, r#"{"new_cards_per_day": "twenty"}"#).unwrap();
        let loaded = load(&path, "s");
        assert_eq!(loaded.settings, Settings::default());
        assert!(
            loaded.notices[0].to_string().contains("damaged"),
            "{}",
            loaded.notices[0]
        );
        assert!(temp.path().join("settings.json.corrupt-s").exists());
    }

    #[test]
    fn every_default_is_within_its_bounds_and_the_default_settings_need_no_fix() {
        assert!(DESIRED_RETENTION.contains(DESIRED_RETENTION.default));
        assert!(NEW_CARDS_PER_DAY.contains(NEW_CARDS_PER_DAY.default));
        assert!(DAY_ROLLOVER_HOUR.contains(DAY_ROLLOVER_HOUR.default));
        assert!(MAXIMUM_INTERVAL_DAYS.contains(MAXIMUM_INTERVAL_DAYS.default));
        assert!(ANSWER_TARGET_SECONDS.contains(ANSWER_TARGET_SECONDS.default));
        assert!(TEXT_SCALE.contains(TEXT_SCALE.default));
        assert!(PAUSE_SECONDS.contains(PAUSE_SECONDS.default));
        // The app's default pause is the command line's.
        assert_eq!(
            PAUSE_SECONDS.default,
            crate::core::speech::analysis::DEFAULT_PAUSE_S
        );
        let steps = LEARNING_STEPS_MINUTES
            .iter()
            .chain(RELEARNING_STEPS_MINUTES);
        assert!(steps.copied().all(|minutes| STEP_MINUTES.contains(minutes)));
        let (settings, fixes) = Settings::default().sanitized();
        assert_eq!(settings, Settings::default());
        assert!(fixes.is_empty(), "{fixes:?}");
    }

    #[test]
    fn every_numeric_setting_is_checked_against_its_bounds() {
        let wild = Settings {
            desired_retention: 0.5,
            new_cards_per_day: 10_000,
            day_rollover_hour: 24,
            learning_steps_minutes: vec![0.0],
            relearning_steps_minutes: vec![f32::NAN],
            maximum_interval_days: 0,
            answer_target_seconds: 5,
            text_scale: 2.5,
            pause_seconds: 0.1,
            mock: MockPreferences {
                roles: None,
                questions: 0,
                seconds_per_answer: 5,
            },
            ..Settings::default()
        };
        let (settings, fixes) = wild.sanitized();
        assert_eq!(settings, Settings::default());
        let fields: Vec<&str> = fixes.iter().map(|fix| fix.field).collect();
        assert_eq!(
            fields,
            [
                "desired_retention",
                "day_rollover_hour",
                "learning_steps_minutes",
                "relearning_steps_minutes",
                "maximum_interval_days",
                "text_scale",
                "new_cards_per_day",
                "answer_target_seconds",
                "pause_seconds",
                "mock_questions",
                "mock_seconds_per_answer",
            ]
        );
        assert_eq!(
            fixes[5].message(),
            "text_scale 2.5 is outside 0.75-2.00; using 1"
        );
        assert_eq!(
            fixes[7].message(),
            "answer_target_seconds 5 is outside 10-1800; using 120"
        );
        assert_eq!(
            fixes[8].message(),
            "pause_seconds 0.1 is outside 0.3-3.0; using 0.7"
        );
    }

    #[test]
    fn the_card_language_follows_the_app_language_until_chosen() {
        let english = Settings {
            ui_language: Some(Lang::En),
            ..Settings::default()
        };
        assert_eq!(
            english.card_language(Lang::Ja),
            ContentLanguage::BothEnglishFirst
        );
        assert_eq!(
            Settings::default().card_language(Lang::Ja),
            ContentLanguage::Ja
        );
        let chosen = Settings {
            content_language: Some(ContentLanguage::En),
            ..english
        };
        assert_eq!(chosen.card_language(Lang::Ja), ContentLanguage::En);
        // Files written before the choice could be left open still load as written.
        let old: Settings = serde_json::from_str(r#"{"content_language": "both"}"#).unwrap();
        assert_eq!(old.content_language, Some(ContentLanguage::Both));
    }

    #[test]
    fn reading_without_repair_leaves_a_damaged_file_where_it_is() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        fs::write(&path, "{ not json").unwrap();
        let loaded = read(&path);
        assert_eq!(loaded.settings, Settings::default());
        assert_eq!(fs::read_to_string(&path).unwrap(), "{ not json");
        assert_eq!(fs::read_dir(temp.path()).unwrap().count(), 1);
        let notice = loaded.notices[0].to_string();
        assert!(
            notice.contains("damaged") && notice.contains("left as it is"),
            "{notice}"
        );
    }
}
