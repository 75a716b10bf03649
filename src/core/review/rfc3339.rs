//! Reading the log's times quickly. Every record has one, and chrono's general parser
//! (format items, a `Parsed` filled field by field) took a quarter of a microsecond each,
//! as much as the rest of the line's JSON. The app writes one shape only,
//! `2026-11-22T09:15:03.120+09:00`; [`parse`] reads that shape directly and hands
//! anything else to chrono, so it accepts exactly what chrono accepts, with the same result
//! (a test compares the two).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::Deserializer;
use serde::de::{self, Visitor};

/// An RFC 3339 time with its offset, as `DateTime::<FixedOffset>::from_str` reads it.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    match parse_common(text.as_bytes()) {
        Some(at) => Ok(at),
        None => text.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, then an optional fraction of 1 to 9 digits, then `Z` or
/// `±HH:MM`; `None` for anything else (chrono decides about those).
fn parse_common(bytes: &[u8]) -> Option<DateTime<FixedOffset>> {
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || bytes[10] != b'T'
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    let hour = digits(&bytes[11..13])?;
    let minute = digits(&bytes[14..16])?;
    let second = digits(&bytes[17..19])?;
    let mut rest = &bytes[19..];
    let mut nanos = 0;
    if let [b'.', fraction @ ..] = rest {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=9).contains(&count) {
            return None;
        }
        nanos = digits(&fraction[..count])? * 10u32.pow(9 - count as u32);
        rest = &fraction[count..];
    }
    let offset_seconds = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            // Leave unusual offsets (hours past 23, minutes past 59) to chrono.
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 3600 + minutes * 60) as i32;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    // A leap second (:60) is chrono's to read.
    if second > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    date.and_time(time).and_local_timezone(offset).single()
}

/// The ASCII digits as a number; `None` if any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |number, byte| {
        byte.is_ascii_digit()
            .then(|| number * 10 + u32::from(byte - b'0'))
    })
}

/// For `#[serde(deserialize_with = …)]` on an optional time: a string read by [`parse`];
/// `null` is `None`; anything else fails as chrono's own `Deserialize` would.
pub fn deserialize_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    deserializer.deserialize_option(OptionalTime)
}

struct OptionalTime;

impl<'de> Visitor<'de> for OptionalTime {
    type Value = Option<DateTime<FixedOffset>>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an RFC 3339 time or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(Time).map(Some)
    }
}

struct Time;

impl Visitor<'_> for Time {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an RFC 3339 time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_chrono(text: &str) {
        let chrono: Result<DateTime<FixedOffset>, _> = text.parse();
        let ours = parse(text);
        assert_eq!(ours.ok(), chrono.ok(), "{text:?}");
        // Equal instants can still differ in offset: compare those too.
        if let (Ok(ours), Ok(chrono)) = (parse(text), text.parse::<DateTime<FixedOffset>>()) {
            assert_eq!(ours.offset(), chrono.offset(), "{text:?}");
            assert_eq!(ours.to_rfc3339(), chrono.to_rfc3339(), "{text:?}");
        }
    }

    #[test]
    fn the_shapes_the_app_writes_and_their_neighbours() {
        for text in [
            "2026-11-22T09:15:03.120+09:00",
            "2026-11-22T09:15:03+09:00",
            "2026-11-22T09:15:03Z",
            "2024-03-29T15:32:32.250-05:00",
            "2024-03-29T20:32:32.250000+00:00",
            "2024-02-29T23:59:59.999999999-23:59",
            "2023-02-29T10:00:00+09:00",
            "2026-13-01T10:00:00+09:00",
            "2026-11-22T24:00:00+09:00",
            "2026-11-22T09:15:60+09:00",
            "2026-11-22T09:15:03.+09:00",
            "2026-11-22T09:15:03.1234567890+09:00",
            "2026-11-22T09:15:03+24:00",
            "2026-11-22T09:15:03+09:60",
            "2026-11-22T09:15:03+0900",
            "2026-11-22 09:15:03+09:00",
            "2026-11-22t09:15:03z",
            "2026-11-22T09:15:03",
            "2026-11-22T09:15:03+09:00 ",
            "+2026-11-22T09:15:03+09:00",
            "2026-1-22T09:15:03+09:00",
            "",
        ] {
            same_as_chrono(text);
        }
    }

    proptest! {
        #[test]
        fn agrees_with_chrono_on_times_of_the_common_shape(
            year in 0u32..10000, month in 0u32..14, day in 0u32..33,
            hour in 0u32..26, minute in 0u32..62, second in 0u32..62,
            fraction in proptest::option::of("[0-9]{0,10}"),
            offset in prop_oneof![
                Just("Z".to_string()),
                (any::<bool>(), 0u32..26, 0u32..62).prop_map(|(minus, h, m)| {
                    format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' })
                }),
            ],
        ) {
            let fraction = fraction.map_or(String::new(), |digits| format!(".{digits}"));
            let text = format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{offset}"
            );
            same_as_chrono(&text);
        }

        #[test]
        fn agrees_with_chrono_on_any_text(text in "[0-9T:.+Zz -]{0,32}") {
            same_as_chrono(&text);
        }
    }
}
