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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_key_ignores_list_separators_but_keeps_words() {
        assert_eq!(
            content_key("隔離、封じ込め。 Root Cause"),
            content_key("隔離 封じ込め RootCause")
        );
        assert_ne!(content_key("隔離、封じ込め"), content_key("隔離"));
    }
}
