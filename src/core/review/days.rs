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

/// The moment study day `day` starts: its rollover hour in `offset`. `None` only for a day
/// at the very end of chrono's range. An hour past 23 (which the settings never let
/// through) counts as 23, so a damaged value cannot make a day that never starts.
pub fn start_of_study_day(
    day: NaiveDate,
    rollover_hour: u32,
    offset: FixedOffset,
) -> Option<DateTime<FixedOffset>> {
    day.and_hms_opt(rollover_hour.min(23), 0, 0)?
        .and_local_timezone(offset)
        .single()
}

/// When the study day of `now` ends, in `now`'s offset: cards due before it are due today.
pub fn end_of_study_day(now: DateTime<FixedOffset>, rollover_hour: u32) -> DateTime<FixedOffset> {
    study_day(now, rollover_hour)
        .checked_add_days(chrono::Days::new(1))
        .and_then(|next| start_of_study_day(next, rollover_hour, *now.offset()))
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
