//! The range and default of every numeric setting, the one place both are written:
//! loading checks settings with them ([`crate::core::settings::Settings::sanitized`]), the
//! scheduler checks its configuration with them, and the settings screen reads its slider
//! ranges from them. Below both the settings and the scheduler, so that neither has to
//! import the other for them.

/// A numeric setting's range and default: the one place both are written. Loading
/// checks with it ([`Settings::sanitized`]), the scheduler checks with it, and the
/// settings screen reads its slider ranges from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds<T> {
    pub min: T,
    pub max: T,
    pub default: T,
    /// Digits after the point in messages and on sliders (0.70, not 0.7).
    pub decimals: usize,
    /// What a valid value is, for messages ("an hour"); `None` says "outside min-max".
    pub kind: Option<&'static str>,
}

use crate::core::problem::ProblemKind;

impl<T: PartialOrd + Copy> Bounds<T> {
    pub fn contains(&self, value: T) -> bool {
        self.min <= value && value <= self.max
    }

    pub fn range(&self) -> std::ops::RangeInclusive<T> {
        self.min..=self.max
    }
}

impl<T: std::fmt::Display> Bounds<T> {
    /// "0.70-0.99", "0-23".
    pub fn span(&self) -> String {
        let digits = self.decimals;
        format!("{:.digits$}-{:.digits$}", self.min, self.max)
    }

    /// Why `value` was replaced by the default, naming the settings file's `field`.
    pub(crate) fn fix(&self, field: &'static str, value: &T) -> ProblemKind {
        ProblemKind::SettingOutOfRange {
            field,
            value: value.to_string(),
            kind: self.kind,
            span: self.span(),
            default: self.default.to_string(),
        }
    }
}

/// Probability of recall the scheduler aims for when a card comes due. FSRS's own
/// optimizer searches 0.70-0.99 (`optimal_retention`); outside it the workload or the
/// forgetting explodes.
pub const DESIRED_RETENTION: Bounds<f32> = Bounds {
    min: 0.70,
    max: 0.99,
    default: 0.9,
    decimals: 2,
    kind: None,
};

/// New cards introduced per study day, shared by all decks (Anki's default limit is 20).
pub const NEW_CARDS_PER_DAY: Bounds<u32> = Bounds {
    min: 0,
    max: 9999,
    default: 20,
    decimals: 0,
    kind: None,
};

/// Hour at which a new study day starts (Anki's default is 4).
pub const DAY_ROLLOVER_HOUR: Bounds<u32> = Bounds {
    min: 0,
    max: 23,
    default: 4,
    decimals: 0,
    kind: Some("an hour"),
};

/// One learning or relearning step, in minutes: at least a second, at most a day (a
/// longer wait is what review intervals are for).
pub const STEP_MINUTES: Bounds<f32> = Bounds {
    min: 1.0 / 60.0,
    max: 24.0 * 60.0,
    default: 10.0,
    decimals: 0,
    kind: None,
};

/// py-fsrs's and Anki's default learning steps, 1 and 10 minutes.
pub const LEARNING_STEPS_MINUTES: &[f32] = &[1.0, 10.0];

/// py-fsrs's and Anki's default relearning step, 10 minutes.
pub const RELEARNING_STEPS_MINUTES: &[f32] = &[10.0];

/// Longest review interval; FSRS caps stability at 36,500 days, so a longer interval
/// could never be reached.
pub const MAXIMUM_INTERVAL_DAYS: Bounds<u32> = Bounds {
    min: 1,
    max: 36500,
    default: 36500,
    decimals: 0,
    kind: None,
};

/// Target time for one spoken or typed answer; two minutes is what interviewers expect
/// for a structured answer.
pub const ANSWER_TARGET_SECONDS: Bounds<u32> = Bounds {
    min: 10,
    max: 1800,
    default: 120,
    decimals: 0,
    kind: None,
};

/// The shortest silence inside a spoken answer that counts as a pause, in seconds (the
/// issue's default, 0.7 s: a breath between clauses is shorter, a pause a listener
/// notices is longer). `mensetsu speech analyze --pause` has the same default
/// ([`crate::core::speech::analysis::DEFAULT_PAUSE_S`]).
pub const PAUSE_SECONDS: Bounds<f64> = Bounds {
    min: 0.3,
    max: 3.0,
    default: 0.7,
    decimals: 1,
    kind: None,
};

/// Recordings kept per card: after an answer given aloud is graded, the card's older
/// recordings beyond this many are deleted (their answers and figures stay in the log);
/// 0 keeps them all, the default, since a recording is the user's and a minute of it is
/// under 1 MB.
pub const KEEP_RECORDINGS: Bounds<u32> = Bounds {
    min: 0,
    max: 100,
    default: 0,
    decimals: 0,
    kind: None,
};

/// Days before an interview in which every card of it is shown at least once (the final
/// sweep), even when FSRS would wait longer; 0 turns the sweep off.
pub const FINAL_SWEEP_DAYS: Bounds<u32> = Bounds {
    min: 0,
    max: 14,
    default: 3,
    decimals: 0,
    kind: None,
};

/// How many questions a mock interview asks: five fill a quarter-hour slot of an
/// executive interview.
pub const MOCK_QUESTIONS: Bounds<usize> = Bounds {
    min: 1,
    max: 50,
    default: 5,
    decimals: 0,
    kind: None,
};

/// Time per answer in a mock interview, in seconds.
pub const MOCK_SECONDS_PER_ANSWER: Bounds<u32> = Bounds {
    min: 15,
    max: 1800,
    default: 120,
    decimals: 0,
    kind: None,
};

/// Lapses (Again on a card in review) that make a card a leech, as in Anki (default 8).
pub const LEECH_THRESHOLD: Bounds<u32> = Bounds {
    min: 1,
    max: 99,
    default: 8,
    decimals: 0,
    kind: None,
};

/// Multiplier on the default text size; beyond 2 the review screen no longer fits the
/// smallest window.
pub const TEXT_SCALE: Bounds<f32> = Bounds {
    min: 0.75,
    max: 2.0,
    default: 1.0,
    decimals: 2,
    kind: None,
};
