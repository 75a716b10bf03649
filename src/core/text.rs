//! Text helpers shared by the deck checks, the importer, the log reader and the settings.

/// Characters that only separate listed items. Splitting a source answer into checkable
/// points drops or moves them, so comparisons of "the same content" ignore them.
const SEPARATORS: &[char] = &[
    '、', '。', '，', '．', ',', '・', '；', ';', '：', ':', '　', ' ', '\t', '\n', '\r',
];

/// `m:ss` for a number of seconds, with a minus sign when negative (time past a limit).
pub fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
}

/// [`clock`] for a duration in milliseconds, cut to whole seconds.
pub fn clock_ms(milliseconds: u64) -> String {
    clock(i64::try_from(milliseconds / 1000).unwrap_or(i64::MAX))
}

/// The text with separators and white space removed: two texts with the same content key
/// say the same thing, even if one was split into a list and the other was not.
pub fn content_key(text: &str) -> String {
    text.chars().filter(|c| !SEPARATORS.contains(c)).collect()
}

/// `text` cut to at most `max_chars` characters, with `…` where it was cut. Messages quote
/// values from user files, and a value can be megabytes long (a 10 MB line); a message
/// must still fit on a screen.
pub fn shorten(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// serde_json's message without its " at line L column C" (every caller gives the place
/// itself, as a [`crate::core::problem::Problem`] does) and cut to `max_chars`: some
/// messages quote the bad value, which may be megabytes long.
pub fn serde_message(error: &serde_json::Error, max_chars: usize) -> String {
    let message = error.to_string();
    let cut = message.rfind(" at line ").unwrap_or(message.len());
    shorten(&message[..cut], max_chars).into_owned()
}

/// The 1-based line and column (in bytes) of byte `offset`, for pointing at a bad byte.
pub fn position_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|byte| **byte == b'\n').count() + 1;
    let column = before
        .iter()
        .rev()
        .take_while(|byte| **byte != b'\n')
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_long_texts_on_a_character_boundary() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
        assert_eq!(shorten("面接対策", 2), "面接…");
        assert_eq!(shorten("", 0), "");
    }

    #[test]
    fn content_key_ignores_list_separators_but_keeps_words() {
        assert_eq!(
            content_key("隔離、封じ込め。 Root Cause"),
            content_key("隔離 封じ込め RootCause")
        );
        assert_ne!(content_key("隔離、封じ込め"), content_key("隔離"));
    }

    #[test]
    fn bad_byte_position_counts_lines_and_columns() {
        assert_eq!(position_of_byte(b"ab\ncd\xff", 5), (2, 3));
        assert_eq!(position_of_byte(b"\xff", 0), (1, 1));
    }

    #[test]
    fn serde_messages_lose_their_place_and_stay_short() {
        let error = serde_json::from_str::<u8>("\"3\"").unwrap_err();
        assert_eq!(
            serde_message(&error, 200),
            "invalid type: string \"3\", expected u8"
        );
        assert_eq!(serde_message(&error, 7), "invalid…");
    }
}
