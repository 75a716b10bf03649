//! Time spent on one answer: it runs while the question is on screen and stands still
//! while the user is elsewhere (another screen, or the answer was graded), so what is
//! logged as `duration_ms` is the time actually spent answering.

use chrono::{DateTime, FixedOffset};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopwatch {
    /// Time spent before the current run, in milliseconds.
    spent_ms: u64,
    /// When the current run began; `None` while paused.
    running_since: Option<DateTime<FixedOffset>>,
}

impl Stopwatch {
    /// A stopwatch at zero, running from `now`.
    pub fn started(now: DateTime<FixedOffset>) -> Self {
        Self {
            spent_ms: 0,
            running_since: Some(now),
        }
    }

    /// Time spent so far, up to `now`. A clock turned back counts as no time passing.
    /// A stopwatch that has counted `spent_ms` already (a draft taken up again), running
    /// from `now`.
    pub fn continued(spent_ms: u64, now: DateTime<FixedOffset>) -> Self {
        Self {
            spent_ms,
            running_since: Some(now),
        }
    }

    pub fn elapsed_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        let running = self.running_since.map_or(0, |since| {
            u64::try_from((now - since).num_milliseconds()).unwrap_or(0)
        });
        self.spent_ms.saturating_add(running)
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Stops counting; the time so far is kept.
    pub fn pause(&mut self, now: DateTime<FixedOffset>) {
        if self.running_since.is_some() {
            self.spent_ms = self.elapsed_ms(now);
            self.running_since = None;
        }
    }

    /// Counts again from `now`, on top of the time kept.
    pub fn resume(&mut self, now: DateTime<FixedOffset>) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn pauses_keep_the_time_spent_and_skip_the_time_away() {
        let start = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+09:00").unwrap();
        let mut watch = Stopwatch::started(start);
        assert_eq!(watch.elapsed_ms(start + Duration::seconds(30)), 30_000);
        watch.pause(start + Duration::seconds(30));
        assert!(!watch.is_running());
        // Five minutes elsewhere do not count.
        assert_eq!(watch.elapsed_ms(start + Duration::minutes(5)), 30_000);
        watch.resume(start + Duration::minutes(5));
        watch.resume(start + Duration::minutes(6));
        assert_eq!(
            watch.elapsed_ms(start + Duration::minutes(5) + Duration::seconds(12)),
            42_000
        );
        // A clock turned back adds nothing and takes nothing away.
        assert_eq!(watch.elapsed_ms(start), 30_000);
    }
}
