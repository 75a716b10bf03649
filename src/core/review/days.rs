//! Study days: the calendar day a moment counts for, in the moment's own UTC offset, with
//! the day starting at the rollover hour instead of midnight (as in Anki), so a late-night
//! session still counts for the evening it began.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

/// The study day a moment belongs to: the calendar date in the moment's own UTC offset,
/// with the day starting at `rollover_hour` instead of midnight.
pub fn study_day(at: DateTime<FixedOffset>, rollover_hour: u32) -> NaiveDate {
    // Checked: a timestamp from a damaged log may sit at the edge of what chrono represents.
    at.checked_sub_signed(Duration::hours(i64::from(rollover_hour)))
        .unwrap_or(at)
        .date_naive()
}

/// When the study day of `now` ends, in `now`'s offset: cards due before it are due today.
pub fn end_of_study_day(now: DateTime<FixedOffset>, rollover_hour: u32) -> DateTime<FixedOffset> {
    let day = study_day(now, rollover_hour);
    let Some(naive_end) = day
        .checked_add_days(chrono::Days::new(1))
        .and_then(|next| next.and_hms_opt(rollover_hour.min(23), 0, 0))
    else {
        return now;
    };
    naive_end
        .and_local_timezone(*now.offset())
        .single()
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn study_day_starts_at_the_rollover_hour_in_local_time() {
        assert_eq!(
            study_day(at("2026-11-22T03:59:00+09:00"), 4),
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
        );
        assert_eq!(
            study_day(at("2026-11-22T04:01:00+09:00"), 4),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            end_of_study_day(at("2026-11-22T23:00:00+09:00"), 4),
            at("2026-11-23T04:00:00+09:00")
        );
    }
}
