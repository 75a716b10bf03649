//! User settings in `settings.json`: read forgivingly, written atomically.

use crate::core::deck::Lang;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which language(s) the question and answer points are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ContentLanguage {
    #[default]
    Ja,
    En,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Every field has a default, so a settings file from an older version (fewer fields) or
/// a newer one (unknown fields) still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Probability of recall the scheduler aims for when a card comes due (0.70-0.99).
    pub desired_retention: f32,
    pub new_cards_per_day: u32,
    /// Hour (0-23) at which a new study day starts; reviews before it count for the day
    /// before, as in Anki.
    pub day_rollover_hour: u32,
    pub learning_steps_minutes: Vec<f32>,
    pub relearning_steps_minutes: Vec<f32>,
    pub maximum_interval_days: u32,
    /// Target time for one spoken or typed answer, in seconds.
    pub answer_target_seconds: u32,
    /// Language of the app's own labels; `None` follows the system locale.
    pub ui_language: Option<Lang>,
    pub content_language: ContentLanguage,
    pub theme: Theme,
    /// Multiplier on the default text size.
    pub text_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            new_cards_per_day: 20,
            day_rollover_hour: 4,
            learning_steps_minutes: vec![1.0, 10.0],
            relearning_steps_minutes: vec![10.0],
            maximum_interval_days: 36500,
            answer_target_seconds: 120,
            ui_language: None,
            content_language: ContentLanguage::Ja,
            theme: Theme::System,
            text_scale: 1.0,
        }
    }
}

impl Settings {
    /// Replaces out-of-range values with their defaults and says which ones.
    pub fn sanitized(mut self) -> (Self, Vec<String>) {
        let defaults = Settings::default();
        let mut fixes = Vec::new();
        if !(0.70..=0.99).contains(&self.desired_retention) {
            fixes.push(format!(
                "desired_retention {} is outside 0.70-0.99; using {}",
                self.desired_retention, defaults.desired_retention
            ));
            self.desired_retention = defaults.desired_retention;
        }
        if self.day_rollover_hour > 23 {
            fixes.push(format!(
                "day_rollover_hour {} is not an hour (0-23); using {}",
                self.day_rollover_hour, defaults.day_rollover_hour
            ));
            self.day_rollover_hour = defaults.day_rollover_hour;
        }
        for (name, steps, default) in [
            (
                "learning_steps_minutes",
                &mut self.learning_steps_minutes,
                &defaults.learning_steps_minutes,
            ),
            (
                "relearning_steps_minutes",
                &mut self.relearning_steps_minutes,
                &defaults.relearning_steps_minutes,
            ),
        ] {
            if steps
                .iter()
                .any(|minutes| !minutes.is_finite() || *minutes <= 0.0 || *minutes > 60.0 * 24.0)
            {
                fixes.push(format!(
                    "{name} must be minutes between 0 and 1440; using {default:?}"
                ));
                *steps = default.clone();
            }
        }
        if !(1..=36500).contains(&self.maximum_interval_days) {
            fixes.push(format!(
                "maximum_interval_days {} is outside 1-36500; using {}",
                self.maximum_interval_days, defaults.maximum_interval_days
            ));
            self.maximum_interval_days = defaults.maximum_interval_days;
        }
        if !(0.5..=3.0).contains(&self.text_scale) {
            fixes.push(format!(
                "text_scale {} is outside 0.5-3.0; using {}",
                self.text_scale, defaults.text_scale
            ));
            self.text_scale = defaults.text_scale;
        }
        if self.new_cards_per_day > 9999 {
            fixes.push(format!(
                "new_cards_per_day {} is more than 9999; using 9999",
                self.new_cards_per_day
            ));
            self.new_cards_per_day = 9999;
        }
        (self, fixes)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("{path}: {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encode the settings: {0}")]
    Encode(#[from] serde_json::Error),
}

/// What loading found. `notices` are meant for the user (a corrupt file set aside, a
/// value out of range).
#[derive(Debug, Clone)]
pub struct LoadedSettings {
    pub settings: Settings,
    pub notices: Vec<String>,
}

/// Reads the settings. A missing file gives the defaults. A file that cannot be parsed is
/// renamed to `settings.json.corrupt-<stamp>` (never deleted), the defaults are used and a
/// notice says where the old file went. `stamp` is supplied by the caller (the core does
/// not read the clock), e.g. `20261122-091500`.
pub fn load(path: &Path, stamp: &str) -> LoadedSettings {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return LoadedSettings {
                settings: Settings::default(),
                notices: Vec::new(),
            };
        }
        Err(error) => {
            return LoadedSettings {
                settings: Settings::default(),
                notices: vec![format!(
                    "{}: cannot read ({error}); using default settings",
                    path.display()
                )],
            };
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match serde_json::from_slice::<Settings>(bytes) {
        Ok(settings) => {
            let (settings, fixes) = settings.sanitized();
            // Every fix names its field first; point at the line that sets it.
            let text = String::from_utf8_lossy(bytes);
            let notices = fixes
                .into_iter()
                .map(|fix| {
                    let field = fix.split_whitespace().next().unwrap_or_default();
                    let key = format!("\"{field}\"");
                    match text.lines().position(|line| line.contains(&key)) {
                        Some(index) => format!("{}:{}: {fix}", path.display(), index + 1),
                        None => format!("{}: {fix}", path.display()),
                    }
                })
                .collect();
            LoadedSettings { settings, notices }
        }
        Err(error) => {
            let aside = set_aside_path(path, stamp);
            let location = format!("{}:{}:{}", path.display(), error.line(), error.column());
            let what = {
                let message = error.to_string();
                let cut = message.rfind(" at line ").unwrap_or(message.len());
                // Rust type names mean nothing to a user.
                let message = message[..cut]
                    .replace("expected u8", "expected a whole number")
                    .replace("expected u32", "expected a whole number")
                    .replace("expected u64", "expected a whole number")
                    .replace("expected f32", "expected a number")
                    .replace("expected f64", "expected a number");
                // serde quotes the bad value (`unknown variant `…``), which can be huge.
                crate::core::text::shorten(&message, 120).into_owned()
            };
            let notice = match fs::rename(path, &aside) {
                Ok(()) => format!(
                    "{location}: settings file is damaged ({what}); it was kept as {} and default settings are used",
                    aside.display()
                ),
                Err(rename_error) => format!(
                    "{location}: settings file is damaged ({what}) and could not be set aside ({rename_error}); default settings are used and will not be saved over it"
                ),
            };
            LoadedSettings {
                settings: Settings::default(),
                notices: vec![notice],
            }
        }
    }
}

fn set_aside_path(path: &Path, stamp: &str) -> PathBuf {
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
/// mix: a temporary file in the same folder, flushed to disk, then renamed over.
pub fn save(path: &Path, settings: &Settings) -> Result<(), SettingsError> {
    let mut text = serde_json::to_string_pretty(settings)?;
    text.push('\n');
    write_atomically(path, text.as_bytes())
}

/// The temp-file-fsync-rename dance, shared by everything that replaces a whole file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SettingsError> {
    let io = |action: &'static str| {
        let path = path.to_path_buf();
        move |source| SettingsError::Io {
            path,
            action,
            source,
        }
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(io("cannot create the folder of"))?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        // The rename itself lives in the folder; flushing the folder makes it durable.
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io("cannot write"))
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
        fs::write(
            &path,
            r#"{"new_cards_per_day": 5, "from_the_future": true}"#,
        )
        .unwrap();
        let loaded = load(&path, "x");
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
        assert!(notice.contains("settings.json:4:"), "{notice}");
        assert!(
            notice.contains("settings.json.corrupt-20261122-091500"),
            "{notice}"
        );
    }

    #[test]
    fn out_of_range_values_fall_back_with_a_notice() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        fs::write(
            &path,
            r#"{"desired_retention": 1.5, "day_rollover_hour": 30}"#,
        )
        .unwrap();
        let loaded = load(&path, "x");
        assert_eq!(loaded.settings.desired_retention, 0.9);
        assert_eq!(loaded.settings.day_rollover_hour, 4);
        assert_eq!(loaded.notices.len(), 2);
        assert!(loaded.notices[0].contains("desired_retention 1.5"));
    }

    #[test]
    fn wrong_types_count_as_damage() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("settings.json");
        fs::write(&path, r#"{"new_cards_per_day": "twenty"}"#).unwrap();
        let loaded = load(&path, "s");
        assert_eq!(loaded.settings, Settings::default());
        assert!(
            loaded.notices[0].contains("damaged"),
            "{}",
            loaded.notices[0]
        );
        assert!(temp.path().join("settings.json.corrupt-s").exists());
    }
}
