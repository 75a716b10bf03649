//! Text helpers shared by the deck checks, the importer and the tests.

/// Characters that only separate listed items. Splitting a source answer into checkable
/// points drops or moves them, so comparisons of "the same content" ignore them.
const SEPARATORS: &[char] = &[
    '、', '。', '，', '．', ',', '・', '；', ';', '：', ':', '　', ' ', '\t', '\n', '\r',
];

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
}
