//! How a typed draft would come across when spoken: its length and speaking time against
//! the answer target, filler words, whether it gives a number, whether it leads with its
//! conclusion. Plain rules a user can check for themselves; nothing is guessed about the
//! content (that is [`crate::core::study::coverage`]).

use unicode_normalization::UnicodeNormalization;

/// Speaking pace used for the estimate: about 300 characters a minute in Japanese and 150
/// words a minute in English, the pace of a calm interview answer.
pub const JAPANESE_CHARS_PER_MINUTE: f64 = 300.0;
pub const ENGLISH_WORDS_PER_MINUTE: f64 = 150.0;

/// Fillers a listener hears as hesitation.
const JAPANESE_FILLERS: &[&str] = &[
    "えーと",
    "えっと",
    "えー",
    "あのー",
    "あの",
    "まあ",
    "なんか",
    "うーん",
];
const ENGLISH_FILLERS: &[&str] = &["um", "uh", "you know", "basically", "like"];

/// Openings that state the answer first.
const JAPANESE_CONCLUSION: &[&str] = &[
    "結論から",
    "結論は",
    "結論として",
    "一言で",
    "端的に",
    "要するに",
    "ポイントは",
    "答えは",
    "私の答え",
];
const ENGLISH_CONCLUSION: &[&str] = &[
    "in short",
    "in a nutshell",
    "the short answer",
    "my answer",
    "bottom line",
    "the key is",
    "to sum up",
    "i would",
    "i'd",
    "we should",
    "my approach",
    "yes",
    "no,",
];

/// The language a draft is mostly written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Japanese,
    English,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub script: Script,
    /// Characters other than white space (Japanese) or words (English).
    pub length: usize,
    /// Estimated time to say it, in seconds.
    pub speaking_seconds: u32,
    /// Each filler used, with how often.
    pub fillers: Vec<(String, usize)>,
    /// A figure of any kind: digits, a percentage, 割, 倍.
    pub has_number: bool,
    pub leads_with_conclusion: bool,
}

/// The delivery of `draft`; `None` for an empty one.
pub fn assess(draft: &str) -> Option<Delivery> {
    let text: String = draft.nfkc().collect::<String>().to_lowercase();
    if text.trim().is_empty() {
        return None;
    }
    let japanese = text
        .chars()
        .filter(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
        .count();
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count().max(1);
    let script = if japanese * 10 >= letters * 3 {
        Script::Japanese
    } else {
        Script::English
    };
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|word| !word.is_empty())
        .collect();
    let (length, per_minute) = match script {
        Script::Japanese => (
            text.chars().filter(|c| !c.is_whitespace()).count(),
            JAPANESE_CHARS_PER_MINUTE,
        ),
        Script::English => (words.len(), ENGLISH_WORDS_PER_MINUTE),
    };
    let speaking_seconds = (length as f64 / per_minute * 60.0).round() as u32;
    let mut fillers = Vec::new();
    let mut seen_japanese = String::new();
    for filler in JAPANESE_FILLERS {
        // えー inside えーと is one filler, not two.
        let count = text.matches(filler).count()
            - seen_japanese
                .matches(filler)
                .count()
                .min(text.matches(filler).count());
        if count > 0 {
            fillers.push((filler.to_string(), count));
            for _ in 0..count {
                seen_japanese.push_str(filler);
                seen_japanese.push(' ');
            }
        }
    }
    for filler in ENGLISH_FILLERS {
        let count = english_filler_count(&text, &words, filler);
        if count > 0 {
            fillers.push((filler.to_string(), count));
        }
    }
    // The figures the draft reader understands count too ("once a month for an hour",
    // 「週1回」, "a team of eight"), but not an article read as one ("a person").
    let has_number = text.chars().any(|c| c.is_ascii_digit())
        || ["割", "倍", "半分", "percent", "half", "twice"]
            .iter()
            .any(|word| text.contains(word))
        || super::coverage::figures::figures(&text)
            .iter()
            .any(|figure| {
                let said = text.get(figure.span.clone()).unwrap_or("");
                !(said.starts_with("a ") || said.starts_with("an "))
            });
    let first_sentence = text
        .split(['。', '.', '!', '?', '\n'])
        .map(str::trim)
        .find(|sentence| !sentence.is_empty())
        .unwrap_or("");
    let leads_with_conclusion = JAPANESE_CONCLUSION
        .iter()
        .any(|m| first_sentence.contains(m))
        || ENGLISH_CONCLUSION
            .iter()
            .any(|m| first_sentence.starts_with(m));
    Some(Delivery {
        script,
        length,
        speaking_seconds,
        fillers,
        has_number,
        leads_with_conclusion,
    })
}

/// English fillers as a listener hears them: "um", "uh", "basically", "you know" anywhere;
/// "like" only set off by commas or opening a sentence ("it was, like, slow"), not "tools
/// like Prometheus" or "I'd like to".
fn english_filler_count(text: &str, words: &[&str], filler: &str) -> usize {
    match filler {
        "like" => {
            text.matches(", like,").count()
                + text.matches(". like,").count()
                + usize::from(text.starts_with("like,"))
        }
        "you know" => text.matches("you know").count(),
        single => words.iter().filter(|word| **word == single).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_length_time_fillers_and_conclusion() {
        let draft = "結論から言うと、まず計測します。えーと、あの、2割を返済に回します。";
        let delivery = assess(draft).unwrap();
        assert_eq!(delivery.script, Script::Japanese);
        assert_eq!(delivery.length, draft.chars().count());
        assert_eq!(delivery.speaking_seconds, 7); // 34 characters at 300 a minute
        assert_eq!(
            delivery.fillers,
            [("えーと".to_string(), 1), ("あの".to_string(), 1)]
        );
        assert!(delivery.has_number && delivery.leads_with_conclusion);
    }

    #[test]
    fn english_words_fillers_and_no_conclusion_first() {
        let draft = "Um, so it was, like, slow. Tools like Prometheus help. You know, basically we measure.";
        let delivery = assess(draft).unwrap();
        assert_eq!(delivery.script, Script::English);
        assert_eq!(delivery.length, 15);
        assert_eq!(delivery.speaking_seconds, 6); // 15 words at 150 a minute
        let fillers: Vec<(&str, usize)> = delivery
            .fillers
            .iter()
            .map(|(word, count)| (word.as_str(), *count))
            .collect();
        assert_eq!(
            fillers,
            [("um", 1), ("you know", 1), ("basically", 1), ("like", 1)]
        );
        assert!(!delivery.has_number);
        assert!(!delivery.leads_with_conclusion);
        // Figures in words count; an article does not.
        assert!(
            assess("We meet every week, for thirty minutes.")
                .unwrap()
                .has_number
        );
        assert!(assess("I led a team of eight.").unwrap().has_number);
        assert!(!assess("I asked a person on the team.").unwrap().has_number);
        assert!(
            assess("I'd cut batch size first.")
                .unwrap()
                .leads_with_conclusion
        );
        assert_eq!(assess("  \n"), None);
    }
}
