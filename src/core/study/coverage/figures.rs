//! Figures in a point or a draft: numbers with what they count (years, people, yen,
//! percent, times), single values or ranges, in either language and the usual notations
//! (`1,000万円`, `10 million yen`, `1〜3年`, `3-5 years`, `30人`, `thirty people`, `20%`,
//! `2割`, `5年以上`, `800万円〜`). Works on normalised text (NFKC, lower case), so
//! full-width digits are already ASCII.
//!
//! A point that states a figure is only covered by a draft that states the same figure:
//! "1000万" and "600万" share every word but say different things.

use std::ops::Range;

/// What a figure counts. Months are counted in years, so `半年` and `6ヶ月` agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Years,
    People,
    Yen,
    Percent,
    Times,
    /// Users of a service: 「数千万ユーザー」, "10 million users". Not people of a team.
    Users,
    /// How often, as the years between two times: 「3か月ごと」, "every quarter", "once a
    /// year", 毎週. Not a duration: "every week" says nothing against "3 years".
    Period,
    /// How long something takes, in minutes: 「30分」, "a 30-minute slot", "1時間", "two
    /// hours". Not years: a meeting's length says nothing against a career's.
    Minutes,
    /// One count against another, as the smaller over the larger: 「1:5」「1対8」, "one QA
    /// engineer per twenty developers", 「PdM 1人あたりエンジニア5〜8名」.
    Ratio,
    /// A startup's funding round: seed 0, Series A 1, B 2… (「シリーズC以降」).
    Stage,
    /// A bare number of a range or list whose unit was not said ("800 - 1,200").
    Unknown,
}

/// One figure: the values it allows (`lo..=hi`, `hi` infinite for "or more") and where it
/// is in the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub lo: f64,
    pub hi: f64,
    pub unit: Unit,
    pub span: Range<usize>,
    /// Open above as a minimum (「5年以上」, "at least 8 years", "3+"): any value above
    /// it meets it. Open above from a band's start ("800万円〜", "from 8 million") or a
    /// threshold passed (「10人を超えると」) is not.
    pub floor: bool,
}

impl Figure {
    /// Whether a draft's figure `self` states the point's figure `guide`: the same unit and
    /// a range inside the guide's (a twentieth of slack for rounding: "5 million" is not
    /// the guide's 4.62 million), so "5 years" states "5年以上" and "2〜3年" does not.
    pub fn states(&self, guide: &Figure) -> bool {
        if !self.comparable(guide) {
            return false;
        }
        // Near 100% the rounding is in the nines: 99.5% is not the guide's 99.9%. How
        // often is said in weeks or months, which do not divide each other: every other
        // week is twice a month, give or take a tenth.
        let slack = |v: f64| match guide.unit {
            Unit::Percent => (v.abs() * 0.05).min((100.0 - v).abs() * 0.5),
            Unit::Period => v.abs() * 0.1,
            _ => v.abs() * 0.05,
        };
        // "from 8 million yen" is stated by 8 or 9 million, or "8 million or more", not by
        // 15 million: a fifth more (and the twentieth of slack) is the most an open figure
        // lets through.
        let open_top = guide.lo * 1.2 + slack(guide.lo);
        let inside = |lo: f64, hi: f64| {
            lo >= guide.lo - slack(guide.lo)
                && if guide.hi.is_infinite() {
                    (guide.floor && guide.unit != Unit::Unknown) || lo <= open_top
                } else {
                    hi <= guide.hi + slack(guide.hi)
                }
        };
        // A guide's bare number leaves its scale to the question ("推定年収（単位：万円）":
        // "800 - 1,200"), so a draft's "800万〜1,200万円" states it at the scale it says.
        let scales: &[f64] = if guide.unit == Unit::Unknown && self.unit != Unit::Unknown {
            &[1.0, 1e3, 1e4, 1e6]
        } else {
            &[1.0]
        };
        // Where a band starts (「4人からのスタート」, "from 8 million") states a band it
        // starts inside: it says where, not how far it goes.
        let starts_inside = self.hi.is_infinite()
            && !self.floor
            && guide.hi.is_finite()
            && self.lo >= guide.lo - slack(guide.lo)
            && self.lo <= guide.hi + slack(guide.hi);
        starts_inside
            || scales
                .iter()
                .any(|scale| inside(self.lo / scale, self.hi / scale))
    }

    /// Whether a figure is the guide's own, bounds and unit (within a hundredth).
    /// A guide's bare number is the same at any scale the draft gives it (see
    /// [`Self::states`]).
    pub fn same_as(&self, guide: &Figure) -> bool {
        let close = |a: f64, b: f64| a == b || (a - b).abs() <= a.abs().max(b.abs()) * 0.01;
        let scales: &[f64] = if guide.unit == Unit::Unknown && self.unit != Unit::Unknown {
            &[1.0, 1e3, 1e4, 1e6]
        } else if self.unit == guide.unit {
            &[1.0]
        } else {
            &[]
        };
        scales
            .iter()
            .any(|scale| close(self.lo / scale, guide.lo) && close(self.hi / scale, guide.hi))
    }

    /// Whether two figures count the same thing, so one can be wrong about the other.
    pub fn comparable(&self, other: &Figure) -> bool {
        self.unit == other.unit || self.unit == Unit::Unknown || other.unit == Unit::Unknown
    }

    /// Whether a draft's figure counts the same thing as the guide's, said with a unit, so
    /// that not stating the guide's figure makes it a wrong one (a bare number is not).
    pub fn rivals(&self, guide: &Figure) -> bool {
        self.unit == guide.unit && self.unit != Unit::Unknown
    }
}

/// English number words, for "thirty people" and "five years".
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("a hundred", 100.0),
    ("half a", 0.5),
    ("a couple of", 2.0),
    ("a few", 2.0),
    ("several", 2.0),
    ("a", 1.0),
    ("an", 1.0),
];

/// Scales after a number: `万`, `million`.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("億", 1e8),
    ("千万", 1e7),
    ("万", 1e4),
    ("千", 1e3),
    (" billion", 1e9),
    (" million", 1e6),
    ("million", 1e6),
    (" thousand", 1e3),
    ("k", 1e3),
    (" hundred", 1e2),
];

/// Unit words after a number (and its scale), longest first where one starts another.
const UNITS: &[(&str, Unit, f64)] = &[
    ("ヶ月", Unit::Years, 1.0 / 12.0),
    ("か月", Unit::Years, 1.0 / 12.0),
    ("カ月", Unit::Years, 1.0 / 12.0),
    ("ヵ月", Unit::Years, 1.0 / 12.0),
    ("箇月", Unit::Years, 1.0 / 12.0),
    ("months", Unit::Years, 1.0 / 12.0),
    ("month", Unit::Years, 1.0 / 12.0),
    ("年", Unit::Years, 1.0),
    // Weeks and days too, or "three weeks" would not be another figure than "3ヶ月".
    ("週間", Unit::Years, 7.0 / 365.0),
    ("weeks", Unit::Years, 7.0 / 365.0),
    ("week", Unit::Years, 7.0 / 365.0),
    ("日間", Unit::Years, 1.0 / 365.0),
    ("days", Unit::Years, 1.0 / 365.0),
    ("years", Unit::Years, 1.0),
    ("year", Unit::Years, 1.0),
    ("yrs", Unit::Years, 1.0),
    // Days only after digits (see `value_at`): 「3月30日」 is a date, 「十分」 enough.
    ("day", Unit::Years, 1.0 / 365.0),
    ("日", Unit::Years, 1.0 / 365.0),
    ("分間", Unit::Minutes, 1.0),
    ("分", Unit::Minutes, 1.0),
    ("minutes", Unit::Minutes, 1.0),
    ("minute", Unit::Minutes, 1.0),
    ("mins", Unit::Minutes, 1.0),
    ("min", Unit::Minutes, 1.0),
    ("時間", Unit::Minutes, 60.0),
    ("hours", Unit::Minutes, 60.0),
    ("hour", Unit::Minutes, 60.0),
    ("hrs", Unit::Minutes, 60.0),
    ("人", Unit::People, 1.0),
    ("名", Unit::People, 1.0),
    ("people", Unit::People, 1.0),
    ("person", Unit::People, 1.0),
    ("engineers", Unit::People, 1.0),
    ("engineer", Unit::People, 1.0),
    ("members", Unit::People, 1.0),
    ("employees", Unit::People, 1.0),
    ("staff", Unit::People, 1.0),
    ("heads", Unit::People, 1.0),
    ("ユーザー", Unit::Users, 1.0),
    ("users", Unit::Users, 1.0),
    ("円", Unit::Yen, 1.0),
    ("yen", Unit::Yen, 1.0),
    ("%", Unit::Percent, 1.0),
    ("パーセント", Unit::Percent, 1.0),
    ("percent", Unit::Percent, 1.0),
    ("per cent", Unit::Percent, 1.0),
    ("割", Unit::Percent, 10.0),
    ("倍", Unit::Times, 1.0),
    ("times", Unit::Times, 1.0),
    ("x", Unit::Times, 1.0),
];

/// How often, said in words: the years between two times.
// Counts in a period (月に1回, 年2回, "once a year") are read by `counted_frequencies`.
const FREQUENCIES: &[(&str, f64)] = &[
    ("毎日", 1.0 / 365.0),
    ("毎週", 7.0 / 365.0),
    ("隔週", 14.0 / 365.0),
    ("毎月", 1.0 / 12.0),
    ("月次", 1.0 / 12.0),
    ("月一", 1.0 / 12.0),
    ("四半期ごと", 0.25),
    ("四半期", 0.25),
    ("半期ごと", 0.5),
    ("半年ごと", 0.5),
    ("毎年", 1.0),
    ("年次", 1.0),
    ("daily", 1.0 / 365.0),
    ("every day", 1.0 / 365.0),
    ("weekly", 7.0 / 365.0),
    ("every week", 7.0 / 365.0),
    ("biweekly", 14.0 / 365.0),
    ("every other week", 14.0 / 365.0),
    ("monthly", 1.0 / 12.0),
    ("every month", 1.0 / 12.0),
    ("quarterly", 0.25),
    ("every quarter", 0.25),
    ("every six months", 0.5),
    ("every half year", 0.5),
    ("annually", 1.0),
    ("yearly", 1.0),
    ("every year", 1.0),
];

/// After a duration, making it how often: 「3か月ごと」「2週間に1回」.
const PERIOD_AFTER: &[&str] = &["ごと", "毎", "おき", "に1回", "に一回", "に一度", "に1度"];

/// Between the two ends of a range.
const RANGE_MARKS: &[&str] = &["〜", "~", "–", "—", "-", "から", "to ", "and "];

/// After a figure: no upper bound ("5年以上", "800万円〜", "3+ years").
const OPEN_ABOVE_AFTER: &[&str] = &[
    "から",
    "以上",
    "超え",
    "超",
    "を超え",
    "を超す",
    "を上回",
    "〜",
    "~",
    "+",
    " or more",
    " and up",
    " or above",
    " plus",
];
/// After a figure: no lower bound.
const OPEN_BELOW_AFTER: &[&str] = &[
    "以下",
    "未満",
    "以内",
    "を下回",
    "に満たない",
    " or less",
    " or fewer",
    " and under",
];
/// Before a figure.
const OPEN_ABOVE_BEFORE: &[&str] = &[
    "at least ",
    "more than ",
    "over ",
    "above ",
    "upwards of ",
    "from ",
    "past ",
    "beyond ",
];
const OPEN_BELOW_BEFORE: &[&str] = &[
    "under ",
    "less than ",
    "fewer than ",
    "up to ",
    "at most ",
    "below ",
    "within ",
];

const KANJI_DIGITS: &[(char, f64)] = &[
    ('一', 1.0),
    ('二', 2.0),
    ('三', 3.0),
    ('四', 4.0),
    ('五', 5.0),
    ('六', 6.0),
    ('七', 7.0),
    ('八', 8.0),
    ('九', 9.0),
];

/// A number read at some place: its value and where it ends.
struct Number {
    value: f64,
    /// The top of the values the number allows, as a multiple of `value`: 1 but for
    /// 「数百」 and "several hundred" (2–9 hundred).
    spread: f64,
    end: usize,
    /// Written in words or kanji: only a figure when a unit follows ("one team" is not).
    worded: bool,
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    !text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A number starting at `at`: digits (with thousands commas and decimals), an English
/// number word, or kanji numerals (二, 三十, 五十).
fn number_at(text: &str, at: usize) -> Option<Number> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if first.is_ascii_digit() {
        if !word_boundary_before(text, at) {
            return None;
        }
        let mut end = at;
        let mut digits = String::new();
        let bytes = text.as_bytes();
        while end < text.len() {
            let b = bytes[end];
            if b.is_ascii_digit() {
                digits.push(b as char);
                end += 1;
            } else if (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                // A comma between digit groups is a thousands separator; a point a decimal.
                if b == b'.' {
                    digits.push('.');
                }
                end += 1;
            } else {
                break;
            }
        }
        let value = digits.parse().ok()?;
        return Some(Number {
            value,
            spread: 1.0,
            end,
            worded: false,
        });
    }
    if first.is_ascii_alphabetic() {
        if !word_boundary_before(text, at) {
            return None;
        }
        for (word, value) in NUMBER_WORDS {
            if rest.starts_with(word) && word_boundary_after(text, at + word.len()) {
                // "several hundred", "a few thousand": two to nine of the scale.
                let spread = if matches!(*word, "several" | "a few") {
                    4.5
                } else {
                    1.0
                };
                return Some(Number {
                    value: *value,
                    spread,
                    end: at + word.len(),
                    worded: true,
                });
            }
        }
        return None;
    }
    if first == '半' {
        return Some(Number {
            spread: 1.0,
            value: 0.5,
            end: at + first.len_utf8(),
            worded: true,
        });
    }
    // 「数十」「数百」「数千」「数万」「数億」: a few of that order, two to nine.
    if first == '数' {
        let next = rest[first.len_utf8()..].chars().next()?;
        let scale = match next {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 10000.0,
            '億' => 1e8,
            _ => return None,
        };
        return Some(Number {
            value: 2.0 * scale,
            spread: 4.5,
            end: at + first.len_utf8() + next.len_utf8(),
            worded: true,
        });
    }
    // Kanji numerals: 三, 十, 三十, 五十, 百.
    let mut value = 0.0;
    let mut digit: Option<f64> = None;
    let mut end = at;
    for c in rest.chars() {
        if let Some((_, d)) = KANJI_DIGITS.iter().find(|(k, _)| *k == c) {
            digit = Some(*d);
        } else if c == '十' || c == '百' {
            let scale = if c == '十' { 10.0 } else { 100.0 };
            value += digit.take().unwrap_or(1.0) * scale;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    if end == at {
        return None;
    }
    value += digit.unwrap_or(0.0);
    Some(Number {
        value,
        spread: 1.0,
        end,
        worded: true,
    })
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while text[at..].starts_with(' ') {
        at += 1;
    }
    at
}

/// The value, scale and unit of one number with what follows it.
struct Value {
    value: f64,
    /// The top of the values, as a multiple of `value` (see [`Number::spread`]).
    spread: f64,
    /// "five or more years".
    open_above: bool,
    scaled: bool,
    unit: Unit,
    /// The unit was not said but taken from the scale (万 and million are money).
    unit_guessed: bool,
    unit_factor: f64,
    end: usize,
    worded: bool,
}

fn value_at(text: &str, at: usize) -> Option<Value> {
    let number = number_at(text, at)?;
    let mut end = number.end;
    let mut value = number.value;
    let mut scaled = false;
    for (word, scale) in MULTIPLIERS {
        if text[end..].starts_with(word) && word_boundary_after(text, end + word.len()) {
            value *= scale;
            end += word.len();
            scaled = true;
            break;
        }
    }
    // "five or more years", "3+ years": the bound comes before the unit.
    let mut open_above = false;
    for mark in [" or more", " or above", "+"] {
        if text[end..].starts_with(mark) {
            open_above = true;
            end += mark.len();
            break;
        }
    }
    // "30+ million yen": the scale after the bound.
    if open_above && !scaled {
        for (word, scale) in MULTIPLIERS {
            if text[end..].starts_with(word) && word_boundary_after(text, end + word.len()) {
                value *= scale;
                end += word.len();
                scaled = true;
                break;
            }
        }
    }
    // "10 million", "10-person", "5 years", "30人".
    let before_unit = end;
    let mut probe = skip_spaces(text, end);
    if text[probe..].starts_with('-') {
        probe += 1;
    }
    let mut unit = Unit::Unknown;
    let mut unit_guessed = false;
    let mut unit_factor = 1.0;
    for (word, found, factor) in UNITS {
        let ascii = word.starts_with(|c: char| c.is_ascii_alphabetic());
        if text[probe..].starts_with(word)
            && (!ascii || word_boundary_after(text, probe + word.len()))
            && !not_this_unit(text, at, &number, word, probe + word.len())
        {
            unit = *found;
            unit_factor = *factor;
            end = probe + word.len();
            break;
        }
    }
    if unit == Unit::Unknown {
        end = if open_above { number.end } else { before_unit };
        open_above = false;
        // 万 and 億 are money in this field unless something else follows.
        if scaled && text[at..end].contains(['万', '億']) {
            unit = Unit::Yen;
            unit_guessed = true;
        }
        // So are "5 million" and "2 billion", unless a noun follows ("10 million users").
        if scaled
            && (text[at..end].contains("million") || text[at..end].contains("billion"))
            && !followed_by_a_noun(text, end)
        {
            unit = Unit::Yen;
            unit_guessed = true;
        }
    } else if unit == Unit::Yen && text[end..].starts_with("円") {
        end += "円".len();
    } else if unit == Unit::Years {
        if let Some(mark) = PERIOD_AFTER
            .iter()
            .find(|mark| text[end..].starts_with(**mark))
        {
            unit = Unit::Period;
            end += mark.len();
        } else if text[..at].ends_with("every ") {
            unit = Unit::Period;
        }
    }
    // "a team of eight": the size of a team is people.
    if unit == Unit::Unknown
        && !scaled
        && ["team of ", "teams of ", "group of ", "squad of "]
            .iter()
            .any(|lead| text[..at].ends_with(lead))
    {
        unit = Unit::People;
    }
    // "hundreds of hours a month" is a rate: "a month" is a duration only where one is
    // said ("in a month", "for a year", "within a week").
    if number.worded && matches!(&text[at..number.end], "a" | "an") && unit == Unit::Years {
        const BEFORE_A_DURATION: &[&str] = &[
            "in", "for", "within", "after", "about", "around", "over", "than", "under", "least",
            "most", "only", "just", "nearly", "almost", "roughly", "takes", "took", "spent",
            "spend", "lasted", "half", "first", "whole", "full", "past", "last",
        ];
        let word_before = text[..at]
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let a_range = text[end..].starts_with(" or ");
        if !(word_before.is_empty() || a_range || BEFORE_A_DURATION.contains(&word_before)) {
            return None;
        }
    }
    // "1,000万円" has 円 after the scale; "a year" and "一人" need their unit.
    if number.worded && unit == Unit::Unknown {
        return None;
    }
    Some(Value {
        value,
        spread: number.spread,
        open_above,
        scaled,
        unit,
        unit_guessed,
        unit_factor,
        end,
        worded: number.worded,
    })
}

/// Whether a unit word that can mean something else does here: days and minutes only
/// after digits (「十分」 is "enough", "a day" in "twice a day" is no duration), 日 not
/// after a month (「3月30日」 is a date) nor for one day (「1日30分」 is "a day"), 分 not
/// before の and a number (「3分の1」 is a third; 「30分の枠」 is a 30-minute slot).
fn not_this_unit(text: &str, at: usize, number: &Number, word: &str, after: usize) -> bool {
    match word {
        "day" | "日" | "分" | "分間" | "min" | "mins" => {
            number.worded
                || (word == "日"
                    && (number.value < 2.0
                        || text[..at].ends_with('月')
                        || text[..at].ends_with('週')))
                || (word == "分"
                    && text[after..].strip_prefix('の').is_some_and(|rest| {
                        rest.starts_with(|c: char| {
                            c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                        })
                    }))
        }
        _ => false,
    }
}

/// Whether the word after `end` names what a bare "5 million" counts ("users"), rather
/// than going on with the sentence ("5 million on average", "5 million a year").
fn followed_by_a_noun(text: &str, end: usize) -> bool {
    const GOING_ON: &[&str] = &[
        "a", "an", "on", "in", "per", "at", "or", "and", "to", "for", "from", "as", "is", "was",
        "annually", "yearly", "plus", "up", "tops", "max", "by", "with", "when", "if", "but", "so",
        "then", "which", "that", "each", "every", "range",
    ];
    let rest = text[end..].trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    !word.is_empty() && !GOING_ON.contains(&word.as_str())
}

/// Every figure of a normalised text, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut found: Vec<(Figure, bool)> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(first) = value_at(text, at) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // "一人ひとり" is "each person", not one person.
        if first.worded && text[first.end..].starts_with("ひとり") {
            at = first.end;
            continue;
        }
        let mut lo = first.value;
        let mut hi = first.value * first.spread;
        let mut unit = first.unit;
        let mut unit_factor = first.unit_factor;
        let mut end = first.end;
        let mut explicit_unit = first.unit != Unit::Unknown;
        // Which marks make a minimum rather than a band's start.
        let mut minimum = false;
        if first.open_above {
            hi = f64::INFINITY;
            minimum = true;
        }
        // A range: "1〜3年", "3-5 years", "10 to 15 million yen", "10名から100名".
        for mark in RANGE_MARKS {
            let probe = skip_spaces(text, end);
            if !text[probe..].starts_with(mark) {
                continue;
            }
            let after = skip_spaces(text, probe + mark.len());
            if first.open_above {
                break;
            }
            if let Some(second) = value_at(text, after) {
                if *mark == "and " && !text[..at].ends_with("between ") {
                    continue;
                }
                // A unit taken from the scale gives way to one said: 「数千万〜数億ユーザー」.
                let said_second = second.unit != Unit::Unknown && !second.unit_guessed;
                let takes_second = first.unit_guessed && said_second;
                if first.unit != Unit::Unknown
                    && second.unit != Unit::Unknown
                    && first.unit != second.unit
                    && !takes_second
                {
                    continue;
                }
                // The scale and unit said once apply to both ends ("10 to 15 million yen").
                if !first.scaled && second.scaled {
                    lo *= second.value / number_at(text, after).map_or(1.0, |n| n.value).max(1e-9);
                }
                // "2 engineers to 1 scientist" is a ratio, not a range from 2 down to 1.
                if second.value * second.spread < lo {
                    lo = first.value;
                    break;
                }
                hi = second.value * second.spread;
                if unit == Unit::Unknown || takes_second {
                    unit = second.unit;
                    unit_factor = second.unit_factor;
                }
                explicit_unit |= second.unit != Unit::Unknown;
                end = second.end;
                break;
            }
        }
        // "a year or two": a bare number after "or" ends a range in the first's unit.
        if lo == hi && first.unit != Unit::Unknown && !first.open_above {
            let probe = skip_spaces(text, end);
            if text[probe..].starts_with("or ") {
                let after = skip_spaces(text, probe + 3);
                if let Some(second) = number_at(text, after)
                    && value_at(text, after).is_none_or(|v| v.unit == Unit::Unknown)
                    && second.value > first.value
                {
                    hi = second.value;
                    end = second.end;
                }
            }
        }
        lo *= unit_factor;
        hi *= unit_factor;
        // A bound said before the number belongs to the figure, span included ("from 8
        // million yen"), so the figure reads as written.
        // Never reaching back into the figure before: spans stay in order.
        let floor = found.last().map_or(0, |(figure, _)| figure.span.end);
        let mut start_of = at;
        let before = &text[..at];
        if let Some(word) = OPEN_ABOVE_BEFORE.iter().find(|w| before.ends_with(**w)) {
            if lo == hi {
                hi = f64::INFINITY;
                minimum = matches!(*word, "at least " | "upwards of ");
            }
            start_of -= word.len();
        } else if let Some(word) = OPEN_BELOW_BEFORE.iter().find(|w| before.ends_with(**w)) {
            lo = 0.0;
            start_of -= word.len();
        }
        start_of = start_of.max(floor);
        let rest = &text[end..];
        if let Some(mark) = OPEN_ABOVE_AFTER.iter().find(|w| rest.starts_with(**w)) {
            // "1〜3年" is a range, not "1 or more": only a mark not followed by a number.
            let next = skip_spaces(text, end + mark.len());
            if number_at(text, next).is_none() {
                // A threshold passed (「10人を超えると」, "beyond 10") is a claim of its
                // own: "15" is another threshold, not a value above it.
                // A band's top left open ("1,800 - 3,000+") is still a band.
                minimum = lo == hi
                    && matches!(
                        *mark,
                        "以上" | "+" | " or more" | " and up" | " or above" | " plus"
                    );
                hi = f64::INFINITY;
                end += mark.len();
            }
        } else if let Some(mark) = OPEN_BELOW_AFTER.iter().find(|w| rest.starts_with(**w)) {
            lo = 0.0;
            end += mark.len();
        }
        // A bare number glued to letters ("1on1", "k8s", "b2b") is a name, not a figure.
        if !explicit_unit && !word_boundary_after(text, end) {
            at = end.max(at + 1);
            continue;
        }
        found.push((
            Figure {
                lo: lo.min(hi),
                hi: hi.max(lo),
                unit,
                span: start_of..end,
                floor: minimum,
            },
            explicit_unit,
        ));
        at = end.max(at + 1);
    }
    lend_units(text, &mut found);
    week_shares(text, &mut found);
    counted_frequencies(text, &mut found);
    shares(text, &mut found);
    nines(text, &mut found);
    ratios(text, &mut found);
    frequencies(text, &mut found);
    funding_rounds(text, &mut found);
    found
        .into_iter()
        .filter(|(figure, _)| figure.unit != Unit::Unknown || is_listed_with_digits(text, figure))
        .map(|(figure, _)| figure)
        .collect()
}

/// Days of a five-day working week, as the share of working time they are: "one day a
/// week" and 「週1日」 are the 20% of time an innovation rule gives, 「週に半日」 10%.
fn week_shares(text: &str, found: &mut Vec<(Figure, bool)>) {
    if !text.contains("week") && !text.contains('週') {
        return;
    }
    const DAYS_EN: &[(&str, f64)] = &[
        ("half a day", 0.5),
        ("half day", 0.5),
        ("a day", 1.0),
        ("one day", 1.0),
        ("1 day", 1.0),
        ("two days", 2.0),
        ("2 days", 2.0),
    ];
    const DAYS_JA: &[(&str, f64)] = &[
        ("半日", 0.5),
        ("1日", 1.0),
        ("一日", 1.0),
        ("2日", 2.0),
        ("二日", 2.0),
    ];
    let mut shares: Vec<(usize, usize, f64)> = Vec::new();
    for per in [" a week", " per week", " each week", " every week"] {
        for (at, _) in text.match_indices(per) {
            let before = &text[..at];
            if let Some((days, value)) = DAYS_EN.iter().find(|(days, _)| {
                before.ends_with(days) && word_boundary_before(text, at - days.len())
            }) {
                shares.push((at - days.len(), at + per.len(), *value));
            }
        }
    }
    for (at, _) in text.match_indices('週') {
        let mut from = at + '週'.len_utf8();
        if text[from..].starts_with('に') {
            from += 'に'.len_utf8();
        }
        if let Some((days, value)) = DAYS_JA
            .iter()
            .find(|(days, _)| text[from..].starts_with(days))
        {
            shares.push((at, from + days.len(), *value));
        }
    }
    for (start, end, days) in shares {
        // The share replaces what was read of it ("one day" as a duration).
        found.retain(|(figure, _)| !(figure.span.start < end && start < figure.span.end));
        let share = days / 5.0 * 100.0;
        let figure = Figure {
            lo: share,
            hi: share,
            unit: Unit::Percent,
            span: start..end,
            floor: false,
        };
        let at = found.partition_point(|(other, _)| other.span.start < start);
        found.insert(at, (figure, true));
    }
}

/// Funding rounds: 「シリーズC以降」, "Series A", "from Series B onward", "seed stage".
fn funding_rounds(text: &str, found: &mut Vec<(Figure, bool)>) {
    if !["series", "シリーズ", "seed", "シード"]
        .iter()
        .any(|hint| text.contains(hint))
    {
        return;
    }
    const ROUNDS: &[&str] = &["series ", "シリーズ", "series-"];
    const ONWARD: &[&str] = &[
        "以降",
        "以上",
        "から",
        " onward",
        " onwards",
        " and later",
        " or later",
        " and beyond",
        "+",
    ];
    let mut rounds: Vec<(usize, usize, f64)> = Vec::new();
    for mark in ROUNDS {
        for (start, _) in text.match_indices(mark) {
            if mark.is_ascii() && !word_boundary_before(text, start) {
                continue;
            }
            let at = start + mark.len();
            let Some(letter) = text[at..].chars().next() else {
                continue;
            };
            if !('a'..='f').contains(&letter) || !word_boundary_after(text, at + 1) {
                continue;
            }
            rounds.push((start, at + 1, f64::from(letter as u8 - b'a' + 1)));
        }
    }
    for word in [
        "seed round",
        "seed stage",
        "シード期",
        "シードラウンド",
        "シード",
    ] {
        for (start, _) in text.match_indices(word) {
            if !word.is_ascii() || word_boundary_before(text, start) {
                rounds.push((start, start + word.len(), 0.0));
            }
        }
    }
    for (start, mut end, value) in rounds {
        let mut hi = value;
        if let Some(mark) = ONWARD.iter().find(|mark| text[end..].starts_with(**mark)) {
            hi = f64::INFINITY;
            end += mark.len();
        }
        let figure = Figure {
            lo: value,
            hi,
            unit: Unit::Stage,
            span: start..end,
            floor: false,
        };
        place(found, figure, &[]);
    }
}

/// Puts a figure read by a pass after the first among the others, in order, unless
/// another already covers its words; figures of the `replaced` units inside its span
/// (what the pass reads again: "a week" in "once a week") give way first.
fn place(found: &mut Vec<(Figure, bool)>, figure: Figure, replaced: &[Unit]) {
    let span = figure.span.clone();
    found.retain(|(other, _)| {
        let inside = span.start <= other.span.start && other.span.end <= span.end;
        !(inside && replaced.contains(&other.unit))
    });
    if found
        .iter()
        .any(|(other, _)| other.span.start < span.end && span.start < other.span.end)
    {
        return;
    }
    let at = found.partition_point(|(other, _)| other.span.start < span.start);
    found.insert(at, (figure, true));
}

/// How often, as a count in a period: 「週1回」「月に2回」「週1で」, "once a week", "twice a
/// month", "3 times a year": the period's years over the count. What was read inside
/// ("a week" as a duration, "3 times" as a multiple) gives way.
fn counted_frequencies(text: &str, found: &mut Vec<(Figure, bool)>) {
    const PERIODS_JA: &[(&str, f64)] = &[
        ("四半期", 0.25),
        ("半期", 0.5),
        ("半年", 0.5),
        ("週", 7.0 / 365.0),
        ("月", 1.0 / 12.0),
        ("年", 1.0),
        ("日", 1.0 / 365.0),
    ];
    const PERIODS_EN: &[(&str, f64)] = &[
        ("day", 1.0 / 365.0),
        ("week", 7.0 / 365.0),
        ("month", 1.0 / 12.0),
        ("quarter", 0.25),
        ("year", 1.0),
    ];
    // After 「週1」 with no 回, what may follow for it to be a count: not a unit (週1日 is
    // a day a week, 月30日 a date, 年1000万 pay).
    const UNIT_AFTER: &[char] = &[
        '日', '時', '人', '名', '年', 'ヶ', 'か', 'カ', '万', '割', '%', '本', '件', 'つ', '個',
        '分', '週', '月', '千', '億', '円', '倍', '回', '度', '.', ',',
    ];
    let mut counts: Vec<(usize, usize, f64)> = Vec::new();
    for (base, years) in PERIODS_JA {
        for (start, _) in text.match_indices(base) {
            // 「今週1回」 is this week; 「2週に1回」 and 「3か月に1回」 are read as periods.
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_digit() || "今来先再隔半毎数".contains(c))
            {
                continue;
            }
            let mut at = start + base.len();
            let with_ni = text[at..].starts_with('に');
            if with_ni {
                at += 'に'.len_utf8();
            }
            let Some(number) = number_at(text, at) else {
                continue;
            };
            if number.value < 1.0 || number.value > 31.0 {
                continue;
            }
            let rest = &text[number.end..];
            let end = if let Some(mark) = ["回", "度"].iter().find(|m| rest.starts_with(**m)) {
                number.end + mark.len()
            } else if !with_ni
                && matches!(*base, "週" | "月")
                && !number.worded
                && !rest.starts_with(UNIT_AFTER)
            {
                number.end
            } else {
                continue;
            };
            counts.push((start, end, years / number.value));
        }
    }
    for (count, times) in [("once", 1.0), ("twice", 2.0), ("thrice", 3.0)] {
        for (start, _) in text.match_indices(count) {
            if word_boundary_before(text, start) {
                counts.push((start, start + count.len(), times));
            }
        }
    }
    for (start, _) in text.match_indices(" times") {
        let number_start = text[..start]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| i + 1);
        if let Some(number) = number_at(text, number_start)
            && number.end == start
        {
            counts.push((number_start, start + " times".len(), number.value));
        }
    }
    // The English counts still want their period: "once a week", "3 times per month".
    let counts: Vec<(usize, usize, f64)> = counts
        .into_iter()
        .filter_map(|(start, end, value)| {
            if !text[start..end].is_ascii() {
                return Some((start, end, value));
            }
            let after = skip_spaces(text, end);
            let per = ["a ", "per ", "each ", "every "]
                .iter()
                .find(|per| text[after..].starts_with(**per))?;
            let word_at = after + per.len();
            let (word, years) = PERIODS_EN.iter().find(|(word, _)| {
                text[word_at..].starts_with(word) && word_boundary_after(text, word_at + word.len())
            })?;
            Some((start, word_at + word.len(), years / value))
        })
        .collect();
    for (start, end, years) in counts {
        let figure = Figure {
            lo: years,
            hi: years,
            unit: Unit::Period,
            span: start..end,
            floor: false,
        };
        place(found, figure, &[Unit::Years, Unit::Unknown, Unit::Times]);
    }
}

/// Shares said in words, as percent: "half of the budget" 50%, "a third of" 33%, "a
/// quarter of" 25%, "two thirds" 67%; 半分 50%, 「3分の1」 33%.
fn shares(text: &str, found: &mut Vec<(Figure, bool)>) {
    const SHARES: &[(&str, f64)] = &[
        ("half of", 50.0),
        ("half the", 50.0),
        ("a third of", 100.0 / 3.0),
        ("one third of", 100.0 / 3.0),
        ("two thirds", 200.0 / 3.0),
        ("a quarter of", 25.0),
        ("one quarter of", 25.0),
        ("three quarters", 75.0),
        ("半分", 50.0),
        ("半数", 50.0),
        ("過半数", 50.0),
    ];
    let mut read: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (word, share) in SHARES {
        for (start, _) in text.match_indices(word) {
            if word.is_ascii() && !word_boundary_before(text, start) {
                continue;
            }
            // 「過半数」 is more than half.
            let hi = if *word == "過半数" { 100.0 } else { *share };
            read.push((start, start + word.len(), *share, hi));
        }
    }
    // 「3分の1」「4分の3」.
    for (at, _) in text.match_indices("分の") {
        let whole_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i);
        let Some(whole_start) = whole_start else {
            continue;
        };
        let (Some(whole), Some(part)) = (
            number_at(text, whole_start),
            number_at(text, at + "分の".len()),
        ) else {
            continue;
        };
        if whole.value > 0.0 && part.value <= whole.value {
            let share = part.value / whole.value * 100.0;
            read.push((whole_start, part.end, share, share));
        }
    }
    for (start, end, lo, hi) in read {
        let figure = Figure {
            lo,
            hi,
            unit: Unit::Percent,
            span: start..end,
            floor: false,
        };
        // The bare numbers of 「3分の1」 give way.
        place(found, figure, &[Unit::Unknown]);
    }
}

/// Availability in nines: "three nines" 99.9%, 「フォーナイン」 99.99%.
fn nines(text: &str, found: &mut Vec<(Figure, bool)>) {
    const NINES: &[(&str, f64)] = &[
        ("two nines", 99.0),
        ("three nines", 99.9),
        ("four nines", 99.99),
        ("five nines", 99.999),
        ("ツーナイン", 99.0),
        ("スリーナイン", 99.9),
        ("フォーナイン", 99.99),
        ("ファイブナイン", 99.999),
    ];
    for (word, percent) in NINES {
        for (start, _) in text.match_indices(word) {
            if word.is_ascii() && !word_boundary_before(text, start) {
                continue;
            }
            let figure = Figure {
                lo: *percent,
                hi: *percent,
                unit: Unit::Percent,
                span: start..start + word.len(),
                floor: false,
            };
            place(found, figure, &[]);
        }
    }
}

/// Ratios: 「1:5」「1対5〜1対8」「1:5 to 1:8」, "one X per|for every N Y", 「1人あたり(…)N名」,
/// 「N人に1人」. Each is the smaller count over the larger, so the order it is said in
/// does not matter; what was read inside (the counts as people) gives way.
fn ratios(text: &str, found: &mut Vec<(Figure, bool)>) {
    if !text.contains([':', '対', '人', '名'])
        && !["per ", "for every ", "for each ", "to every ", " to "]
            .iter()
            .any(|cue| text.contains(cue))
    {
        return;
    }
    let share = |a: f64, b: f64| {
        (a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite()).then(|| a.min(b) / a.max(b))
    };
    // "A:B" or 「A対B」 at `at`: the share and where it ends.
    let pair_at = |at: usize| -> Option<(f64, usize)> {
        let first = number_at(text, at)?;
        let rest = &text[first.end..];
        let mark = [":", "対"].into_iter().find(|m| rest.starts_with(m))?;
        let second = number_at(text, first.end + mark.len())?;
        // "10:30" is a time of day; a ratio starts small ("1:20", "1:5").
        let minutes = second.end - (first.end + mark.len()) == 2 && second.value < 60.0;
        if mark == ":" && (first.value > 50.0 || (minutes && first.value >= 2.0)) {
            return None;
        }
        Some((share(first.value, second.value)?, second.end))
    };
    let mut read: Vec<(usize, usize, f64, f64)> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some((first, mut end)) = pair_at(at).filter(|_| word_boundary_before(text, at)) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut last = first;
        // A range: 「1:5〜1:8」「1対5〜8」 "1:5 to 1:8".
        for mark in RANGE_MARKS {
            let probe = skip_spaces(text, end);
            if !text[probe..].starts_with(mark) {
                continue;
            }
            let after = skip_spaces(text, probe + mark.len());
            if let Some((second, second_end)) = pair_at(after) {
                last = second;
                end = second_end;
            } else if let Some(number) = number_at(text, after) {
                let lead = number_at(text, at).map_or(1.0, |n| n.value);
                if let Some(second) = share(lead, number.value) {
                    last = second;
                    end = number.end;
                }
            }
            break;
        }
        read.push((at, end, first.min(last), first.max(last)));
        at = end;
    }
    // "one QA engineer per twenty developers", "1 PdM for every 6 engineers".
    for cue in ["per ", "for every ", "for each ", "to every "] {
        for (cue_at, _) in text.match_indices(cue) {
            let before = &text[..cue_at];
            let Some(one) = ["one ", "a ", "an ", "1 "].iter().find_map(|one| {
                let from = before.len().saturating_sub(40);
                let window = before.get(from..)?;
                window.rfind(one).map(|i| from + i).filter(|i| {
                    word_boundary_before(text, *i)
                        && text[*i + one.len()..cue_at].split_whitespace().count() <= 3
                })
            }) else {
                continue;
            };
            let after = cue_at + cue.len();
            let Some(number) = number_at(text, after) else {
                continue;
            };
            if let Some(value) = share(1.0, number.value).filter(|_| number.value > 1.0) {
                // "per" alone after a unit of time is a rate ("10 hours per week").
                let end = text[number.end..]
                    .find(|c: char| !c.is_ascii_alphabetic() && c != ' ')
                    .map_or(text.len(), |i| number.end + i);
                read.push((one, end.max(number.end), value, value));
            }
        }
    }
    // "5 to 8 engineers per PdM": a count of people per one of another.
    for (cue_at, _) in text.match_indices(" per ") {
        let after = cue_at + " per ".len();
        if number_at(text, after).is_some_and(|n| n.value > 1.0) {
            continue;
        }
        let counted = found.iter().find(|(figure, _)| {
            figure.unit == Unit::People
                && figure.span.end <= cue_at
                && text[figure.span.end..cue_at].split_whitespace().count() <= 1
                && figure.lo >= 1.0
        });
        if let Some((figure, _)) = counted
            && let (Some(lo), Some(hi)) = (share(1.0, figure.hi), share(1.0, figure.lo))
        {
            let end = text[after..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(text.len(), |i| after + i);
            read.push((figure.span.start, end, lo, hi));
        }
    }
    // "2 engineers to 1 scientist": counts of two different things, one "to" the other
    // (not "from 5 engineers to 20 engineers", a growth).
    for (to_at, _) in text.match_indices(" to ") {
        let noun_before: Vec<&str> = text[..to_at].rsplitn(3, ' ').collect();
        let [noun, number_word, ..] = noun_before.as_slice() else {
            continue;
        };
        let after = to_at + " to ".len();
        let Some(second) = number_at(text, after) else {
            continue;
        };
        let second_noun: String = text[second.end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let first_at = to_at - noun.len() - 1 - number_word.len();
        let Some(first) =
            number_at(text, first_at).filter(|n| n.end == first_at + number_word.len())
        else {
            continue;
        };
        let singular = |word: &str| word.trim_end_matches('s').to_string();
        if !noun.chars().all(|c| c.is_ascii_alphabetic())
            || second_noun.is_empty()
            || singular(noun) == singular(&second_noun)
        {
            continue;
        }
        if let Some(value) = share(first.value, second.value) {
            let end = skip_spaces(text, second.end) + second_noun.len();
            read.push((first_at, end, value, value));
        }
    }
    // 「PdM 1人あたりエンジニア5〜8名」「1人に対して5名」「10人に1人」.
    for cue in [
        "1人あたり",
        "一人あたり",
        "1名あたり",
        "1人に対して",
        "1名に対して",
        "1人につき",
        "1名につき",
    ] {
        for (cue_at, _) in text.match_indices(cue) {
            let mut probe = cue_at + cue.len();
            for _ in 0..12 {
                if number_at(text, probe).is_some() {
                    break;
                }
                match text[probe..].chars().next() {
                    Some(c) if !matches!(c, '。' | '、' | '\n') => probe += c.len_utf8(),
                    _ => break,
                }
            }
            let Some(first) =
                value_at(text, probe).filter(|v| matches!(v.unit, Unit::People | Unit::Unknown))
            else {
                continue;
            };
            let Some(lo) = share(1.0, first.value) else {
                continue;
            };
            let mut hi = lo;
            let mut end = first.end;
            if let Some((far, far_end)) = figure_end_of_range(text, probe)
                && let Some(other) = share(1.0, far)
            {
                hi = other;
                end = far_end;
            }
            read.push((cue_at, end, lo.min(hi), lo.max(hi)));
        }
    }
    for (start, _) in text
        .match_indices("に1人")
        .chain(text.match_indices("に1名"))
    {
        let lead_start = text[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '人' | '名' | ','))
            .last()
            .map_or(start, |(i, _)| i);
        if let Some(lead) = value_at(text, lead_start).filter(|v| v.unit == Unit::People)
            && let Some(value) = share(1.0, lead.value)
        {
            read.push((lead_start, start + "に1人".len(), value, value));
        }
    }
    for (start, end, lo, hi) in read {
        let figure = Figure {
            lo,
            hi,
            unit: Unit::Ratio,
            span: start..end,
            floor: false,
        };
        place(found, figure, &[Unit::People, Unit::Unknown, Unit::Years]);
    }
}

/// The far end of a range that starts with the number at `at` (「5〜8名」): its value and
/// where it ends.
fn figure_end_of_range(text: &str, at: usize) -> Option<(f64, usize)> {
    let first = number_at(text, at)?;
    let probe = skip_spaces(text, first.end);
    let mark = RANGE_MARKS
        .iter()
        .find(|m| text[probe..].starts_with(**m))?;
    let second = number_at(text, skip_spaces(text, probe + mark.len()))?;
    let end = value_at(text, skip_spaces(text, probe + mark.len())).map_or(second.end, |v| v.end);
    (second.value > first.value).then_some((second.value, end))
}

/// How often said in words ("quarterly", 毎週), where no figure is already read.
fn frequencies(text: &str, found: &mut Vec<(Figure, bool)>) {
    // Every frequency word holds one of these: most texts are passed over at once
    // (building the detector reads every point).
    const HINTS: &[&str] = &[
        "毎", "隔", "月", "半", "年", "daily", "every", "week", "month", "quarter", "twice",
        "annual", "year",
    ];
    if !HINTS.iter().any(|hint| text.contains(hint)) {
        return;
    }
    for (word, years) in FREQUENCIES {
        let ascii = word.is_ascii();
        for (start, _) in text.match_indices(word) {
            let end = start + word.len();
            if ascii && !(word_boundary_before(text, start) && word_boundary_after(text, end)) {
                continue;
            }
            let figure = Figure {
                lo: *years,
                hi: *years,
                unit: Unit::Period,
                span: start..end,
                floor: false,
            };
            // "once a year" holds the duration "a year", 「年1回」 a bare 1: the frequency
            // says it all.
            place(found, figure, &[Unit::Years, Unit::Unknown]);
        }
    }
}

/// A bare number takes the unit of its neighbour in a list: "30, 50 and 100 people",
/// "30-, 50- and 100-person walls", "a year or two".
fn lend_units(text: &str, found: &mut [(Figure, bool)]) {
    let joins = |gap: &str| {
        let gap = gap.trim_matches(|c: char| c == ' ' || c == '-');
        gap.is_empty()
            || matches!(
                gap,
                "," | "、" | "and" | "or" | "と" | "や" | ", and" | ", or" | "・"
            )
    };
    for index in (0..found.len()).rev() {
        if found[index].1 {
            continue;
        }
        if let Some(next) = found.get(index + 1) {
            let gap = text
                .get(found[index].0.span.end..next.0.span.start)
                .unwrap_or(",?");
            if next.0.unit != Unit::Unknown && joins(gap) {
                // The unit's scale comes with it: "30-, 60- and 90-day" are days in years.
                let factor = number_at(text, next.0.span.start)
                    .filter(|raw| raw.value > 0.0)
                    .map_or(1.0, |raw| next.0.lo / raw.value);
                let unit = next.0.unit;
                let figure = &mut found[index].0;
                figure.unit = unit;
                if factor.is_finite() && factor > 0.0 {
                    figure.lo *= factor;
                    figure.hi *= factor;
                }
                continue;
            }
        }
        if index > 0 {
            let previous = &found[index - 1].0;
            let gap = text
                .get(previous.span.end..found[index].0.span.start)
                .unwrap_or(",?");
            if previous.unit != Unit::Unknown && joins(gap) {
                found[index].0.unit = previous.unit;
            }
        }
    }
}

/// A bare range of digits ("800 - 1,200") still states a figure; a lone bare number
/// ("step 3") does not.
fn is_listed_with_digits(_text: &str, figure: &Figure) -> bool {
    figure.lo != figure.hi
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (f64, f64, Unit) {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].lo, found[0].hi, found[0].unit)
    }

    /// Whether no figure of `text` is of `unit`.
    fn has_no(text: &str, unit: Unit) -> bool {
        figures(text).iter().all(|f| f.unit != unit)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_count_in_a_period_is_how_often() {
        let week = 7.0 / 365.0;
        for text in [
            "週1回",
            "週に1回",
            "週1で話す",
            "once a week",
            "once per week",
        ] {
            let (lo, hi, unit) = one(text);
            assert!(
                close(lo, week) && close(hi, week) && unit == Unit::Period,
                "{text}"
            );
        }
        assert!(close(one("月に2回").0, 1.0 / 24.0));
        assert!(close(one("年4回").0, 0.25));
        assert!(close(one("three times a week").0, week / 3.0));
        assert!(close(one("twice a month").0, 1.0 / 24.0));
        // Not counts: this week, a day a week, a date, pay.
        assert!(figures("今週1回だけ").is_empty());
        assert_eq!(one("週1日").2, Unit::Percent);
        assert!(figures("3月30日に").is_empty());
        assert_eq!(one("年1000万円").2, Unit::Yen);
    }

    #[test]
    fn a_minimum_is_met_by_any_value_above_it() {
        let at_least = &figures("3か月以上前に告知")[0];
        assert!(figures("半年前")[0].states(at_least));
        assert!(figures("ten years")[0].states(&figures("at least 8 years")[0]));
        assert!(figures("12 years")[0].states(&figures("5+ years")[0]));
        // A band's start, a threshold passed and a band's open top are not minimums.
        assert!(!figures("1,500万円")[0].states(&figures("800万円〜")[0]));
        assert!(!figures("15人")[0].states(&figures("10人を超えると")[0]));
        assert!(!figures("7,000万円")[0].states(&figures("1,800 - 3,000+")[0]));
    }

    #[test]
    fn a_ratio_is_no_range_and_a_rate_no_duration() {
        assert_eq!(one("2 people to 1"), (2.0, 2.0, Unit::People));
        assert!(figures("hundreds of hours a month").is_empty());
        assert!(close(one("we shipped it in a month").0, 1.0 / 12.0));
        assert!(close(one("within a year").0, 0.0) && one("within a year").1 > 0.9);
    }

    #[test]
    fn shares_in_words_are_percent() {
        assert_eq!(
            one("roughly half of the it budget"),
            (50.0, 50.0, Unit::Percent)
        );
        assert!(close(one("a third of our time").0, 100.0 / 3.0));
        assert_eq!(one("予算の半分"), (50.0, 50.0, Unit::Percent));
        assert!(close(one("工数の3分の1").0, 100.0 / 3.0));
        // "half a day" is a duration, not a share.
        assert!(has_no("half a day", Unit::Percent));
    }

    #[test]
    fn ratios_in_any_notation() {
        let (lo, hi, unit) = one("qaとエンジニアの比率は1:5〜1:8程度");
        assert!(unit == Unit::Ratio && close(lo, 1.0 / 8.0) && close(hi, 0.2));
        let (lo, hi, _) = one("a ratio of about 1:5 to 1:8");
        assert!(close(lo, 1.0 / 8.0) && close(hi, 0.2));
        assert!(close(one("1対6").0, 1.0 / 6.0));
        assert!(close(one("one qa engineer per twenty developers").0, 0.05));
        assert!(close(
            one("about one engineer for every three scientists").0,
            1.0 / 3.0
        ));
        let (lo, hi, _) = one("pdm 1人あたりエンジニア5〜8名");
        assert!(close(lo, 1.0 / 8.0) && close(hi, 0.2));
        assert!(close(one("100人に1人").0, 0.01));
        let (lo, hi, unit) = one("5 to 8 engineers per pdm");
        assert!(unit == Unit::Ratio && close(lo, 1.0 / 8.0) && close(hi, 0.2));
        assert!(close(one("about 2 engineers to 1 scientist").0, 0.5));
        assert_eq!(one("from 5 engineers to 20 engineers").2, Unit::People);
        // The order the counts come in does not matter; a time of day is no ratio.
        assert!(one("8:1").0 == one("1:8").0);
        assert!(has_no("10:30に集合", Unit::Ratio));
    }

    #[test]
    fn a_scale_after_the_bound_belongs_to_the_number() {
        assert_eq!(one("30+ million yen"), (30e6, f64::INFINITY, Unit::Yen));
    }

    #[test]
    fn availability_in_nines() {
        assert_eq!(
            one("our target is three nines"),
            (99.9, 99.9, Unit::Percent)
        );
        assert_eq!(one("目標はフォーナイン"), (99.99, 99.99, Unit::Percent));
        assert!(figures("four nines")[0].states(&figures("99.99%")[0]));
        assert!(!figures("two nines")[0].states(&figures("99.9%")[0]));
    }

    #[test]
    fn every_other_week_is_twice_a_month() {
        let twice_a_month = &figures("月2回")[0];
        assert!(figures("隔週")[0].states(twice_a_month));
        assert!(figures("every other week")[0].states(twice_a_month));
        // Not once a month.
        assert!(!figures("月1回")[0].states(twice_a_month));
    }

    #[test]
    fn where_a_band_starts_states_a_band_it_starts_inside() {
        let band = &figures("2〜4人")[0];
        assert!(figures("3人からスタート")[0].states(band));
        assert!(!figures("6人からスタート")[0].states(band));
        // A minimum says how far it goes: "3 or more" is not inside 2 to 4.
        assert!(!figures("3人以上")[0].states(band));
    }

    #[test]
    fn near_a_hundred_percent_the_nines_count() {
        let guide = &figures("slo 99.9%")[0];
        assert!(figures("99.9%")[0].states(guide));
        assert!(!figures("99.5%")[0].states(guide));
        assert!(figures("99%")[0].states(&figures("99%")[0]));
        // Away from 100 a twentieth of slack still rounds: 19% for 20%.
        assert!(figures("19%")[0].states(&figures("20%")[0]));
    }

    #[test]
    fn minutes_and_hours_are_a_length_of_time() {
        assert_eq!(one("30分"), (30.0, 30.0, Unit::Minutes));
        assert_eq!(one("a 30-minute slot"), (30.0, 30.0, Unit::Minutes));
        assert_eq!(one("1時間"), (60.0, 60.0, Unit::Minutes));
        assert_eq!(one("2 hours"), (120.0, 120.0, Unit::Minutes));
        // 「十分」 is "enough", 「3分の1」 a third.
        assert!(figures("十分な時間").is_empty());
        assert!(has_no("3分の1", Unit::Minutes));
        assert!(has_no("4分の三", Unit::Minutes));
        assert_eq!(one("45分の面談"), (45.0, 45.0, Unit::Minutes));
    }

    #[test]
    fn days_after_digits_and_units_lent_with_their_scale() {
        let days = |n: f64| n / 365.0;
        let found = figures("30日・60日・90日の目標");
        assert_eq!(found.len(), 3);
        assert!(close(found[2].lo, days(90.0)) && found[2].unit == Unit::Years);
        // A bare number in a list takes its neighbour's unit at that unit's scale.
        let found = figures("30-, 60- and 90-day goals");
        assert_eq!(found.len(), 3);
        assert!(
            found
                .iter()
                .zip([30.0, 60.0, 90.0])
                .all(|(f, n)| close(f.lo, days(n)))
        );
        assert!(figures("1日30分").iter().all(|f| f.unit == Unit::Minutes));
    }

    #[test]
    fn the_size_of_a_team_is_people() {
        assert_eq!(
            one("my first team was a team of eight"),
            (8.0, 8.0, Unit::People)
        );
        assert_eq!(one("teams of 6"), (6.0, 6.0, Unit::People));
    }

    #[test]
    fn japanese_money_in_every_notation() {
        assert_eq!(one("1,000万"), (1e7, 1e7, Unit::Yen));
        assert_eq!(one("1000万円"), (1e7, 1e7, Unit::Yen));
        assert_eq!(one("数千万円規模"), (2e7, 9e7, Unit::Yen));
        assert_eq!(one("数百万円"), (2e6, 9e6, Unit::Yen));
        assert_eq!(one("年収は800万円〜です"), (8e6, f64::INFINITY, Unit::Yen));
        assert_eq!(one("1,000万円〜1,500万円"), (1e7, 1.5e7, Unit::Yen));
        assert_eq!(one("800〜1200万"), (8e6, 1.2e7, Unit::Yen));
    }

    #[test]
    fn english_money() {
        assert_eq!(one("10 million yen"), (1e7, 1e7, Unit::Yen));
        assert_eq!(one("10 to 15 million yen"), (1e7, 1.5e7, Unit::Yen));
        assert_eq!(one("from 9 million yen"), (9e6, f64::INFINITY, Unit::Yen));
        // A bare million is money in this field, unless it counts something named.
        assert_eq!(one("at 5 million on average"), (5e6, 5e6, Unit::Yen));
        assert_eq!(one("4.62 million."), (4.62e6, 4.62e6, Unit::Yen));
        assert!(has_no("10 million users", Unit::Yen));
    }

    #[test]
    fn years_as_ranges_and_bounds() {
        assert_eq!(one("1〜3年"), (1.0, 3.0, Unit::Years));
        assert_eq!(one("3-5 years"), (3.0, 5.0, Unit::Years));
        assert_eq!(one("3 to 5 years"), (3.0, 5.0, Unit::Years));
        assert_eq!(one("実務経験5年以上"), (5.0, f64::INFINITY, Unit::Years));
        assert_eq!(one("five or more years"), (5.0, f64::INFINITY, Unit::Years));
        assert_eq!(one("2,000万円を超える"), (2e7, f64::INFINITY, Unit::Yen));
        // Users of a service are counted apart from money and people.
        assert_eq!(one("数千万〜数億ユーザーを抱える"), (2e7, 9e8, Unit::Users));
        assert_eq!(one("10万ユーザー"), (1e5, 1e5, Unit::Users));
        assert_eq!(one("20 million users"), (2e7, 2e7, Unit::Users));
        // A share of the working week is a share of time.
        assert_eq!(
            one("one day a week for side projects"),
            (20.0, 20.0, Unit::Percent)
        );
        assert_eq!(one("週に1日は自由研究"), (20.0, 20.0, Unit::Percent));
        assert_eq!(one("週半日くらい"), (10.0, 10.0, Unit::Percent));
        assert_eq!(one("half a day a week"), (10.0, 10.0, Unit::Percent));
        assert_eq!(one("年収500万円を下回る"), (0.0, 5e6, Unit::Yen));
        assert_eq!(one("3+ years"), (3.0, f64::INFINITY, Unit::Years));
        assert_eq!(one("past five years"), (5.0, f64::INFINITY, Unit::Years));
        assert_eq!(
            one("at least five years"),
            (5.0, f64::INFINITY, Unit::Years)
        );
        assert_eq!(one("EMを半年"), (0.5, 0.5, Unit::Years));
        assert_eq!(one("6ヶ月"), (0.5, 0.5, Unit::Years));
        for (text, days) in [("2週間", 14.0), ("three weeks", 21.0), ("90 days", 90.0)] {
            let (lo, hi, unit) = one(text);
            assert!((lo - days / 365.0).abs() < 1e-9 && lo == hi, "{text}: {lo}");
            assert_eq!(unit, Unit::Years);
        }
        assert_eq!(one("a year or two"), (1.0, 2.0, Unit::Years));
    }

    #[test]
    fn people_in_digits_words_and_lists() {
        assert_eq!(one("30人"), (30.0, 30.0, Unit::People));
        assert_eq!(one("thirty people"), (30.0, 30.0, Unit::People));
        assert_eq!(one("三十人"), (30.0, 30.0, Unit::People));
        let list = figures("30名、50名、100名の壁");
        assert_eq!(list.len(), 3);
        let english = figures("the 30-, 50- and 100-person walls");
        assert_eq!(english.len(), 3, "{english:?}");
        assert!(english.iter().all(|f| f.unit == Unit::People));
        assert_eq!(one("10名から100名へ"), (10.0, 100.0, Unit::People));
        assert_eq!(one("from 10 to 100 people"), (10.0, 100.0, Unit::People));
    }

    #[test]
    fn how_often_in_figures_and_words() {
        assert_eq!(one("3か月ごとに見直す"), (0.25, 0.25, Unit::Period));
        assert_eq!(one("every 3 months"), (0.25, 0.25, Unit::Period));
        assert_eq!(
            one("2週間に1回"),
            (14.0 / 365.0, 14.0 / 365.0, Unit::Period)
        );
        assert_eq!(one("once a year"), (1.0, 1.0, Unit::Period));
        assert_eq!(one("四半期ごとに"), (0.25, 0.25, Unit::Period));
        assert_eq!(one("we review it quarterly"), (0.25, 0.25, Unit::Period));
        assert_eq!(one("毎週やる"), (7.0 / 365.0, 7.0 / 365.0, Unit::Period));
        assert_eq!(one("計画は年1回"), (1.0, 1.0, Unit::Period));
        // A duration is not how often: "3 years" and "weekly" say different things.
        assert_eq!(one("3 years").2, Unit::Years);
        assert!(!figures("weekly")[0].rivals(&figures("3 years")[0]));
        assert!(figures("once a year")[0].rivals(&figures("3か月ごと")[0]));
        // "yearly" inside another word is not a frequency.
        assert!(figures("biyearlyish").is_empty());
    }

    #[test]
    fn funding_rounds_in_both_languages() {
        assert_eq!(
            one("シリーズc以降の急成長期"),
            (3.0, f64::INFINITY, Unit::Stage)
        );
        assert_eq!(
            one("from series c onward"),
            (3.0, f64::INFINITY, Unit::Stage)
        );
        assert_eq!(one("around their series a"), (1.0, 1.0, Unit::Stage));
        assert_eq!(one("シード期のスタートアップ"), (0.0, 0.0, Unit::Stage));
        let guide = &figures("シリーズc以降")[0];
        assert!(figures("series a")[0].rivals(guide) && !figures("series a")[0].states(guide));
        assert!(figures("series c")[0].states(guide));
        // A word that starts like a round is not one.
        assert!(figures("the series about apis").is_empty());
    }

    #[test]
    fn multiples_in_every_notation() {
        assert_eq!(one("10x faster"), (10.0, 10.0, Unit::Times));
        assert_eq!(one("3倍"), (3.0, 3.0, Unit::Times));
        assert_eq!(one("three times as many"), (3.0, 3.0, Unit::Times));
    }

    #[test]
    fn percent_and_tenths() {
        assert_eq!(one("20%"), (20.0, 20.0, Unit::Percent));
        assert_eq!(one("2割"), (20.0, 20.0, Unit::Percent));
        assert_eq!(one("1割"), (10.0, 10.0, Unit::Percent));
        assert_eq!(one("twenty percent"), (20.0, 20.0, Unit::Percent));
    }

    #[test]
    fn names_and_words_without_units_are_not_figures() {
        assert!(figures("1on1を続ける").is_empty());
        assert!(figures("1-on-1s").is_empty());
        assert!(figures("one team owns it").is_empty());
        assert!(figures("一人ひとりの成長").is_empty());
        assert!(figures("k8s and b2b").is_empty());
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_in_order() {
        for text in [
            "3 or more than 5 years",
            "from from 5",
            "〜〜3〜",
            "数",
            "数百",
            "1,",
            "1.",
            "a year or",
            "over 10, under 3 people, 5-",
            "between 3 and",
            "10名から",
            "半",
            "一人ひとり三十人",
            "99999999999999999999999999999年",
        ] {
            let found = figures(text);
            for pair in found.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start, "{text}: {found:?}");
            }
            for figure in &found {
                assert!(text.get(figure.span.clone()).is_some(), "{text}");
            }
        }
    }

    #[test]
    fn a_draft_figure_states_a_guide_figure_only_inside_it() {
        let guide = &figures("5年以上")[0];
        assert!(figures("five years")[0].states(guide));
        assert!(!figures("2〜3年")[0].states(guide));
        let band = &figures("800万円〜")[0];
        assert!(!figures("600万")[0].states(band));
        assert!(figures("900万")[0].states(band));
        assert!(figures("800万円以上")[0].states(band));
        assert!(!figures("1,500万円")[0].states(band));
        let range = &figures("1〜3年")[0];
        assert!(figures("1 to 3 years")[0].states(range));
        assert!(!figures("around five years")[0].states(range));
        assert!(figures("2割")[0].states(&figures("20%")[0]));
        assert!(!figures("100名から1000名")[0].states(&figures("10名から100名")[0]));
        // A guide's bare range is stated at the scale the draft says, in either language.
        let bare = &figures("800 - 1,200")[0];
        assert_eq!(bare.unit, Unit::Unknown);
        assert!(figures("800万〜1,200万円")[0].states(bare));
        assert!(figures("8 to 12 million yen")[0].states(bare));
        assert!(!figures("600万〜900万円")[0].states(bare));
        assert!(!figures("6 to 9 million yen")[0].states(bare));
        assert!(figures("800万〜1,200万円")[0].same_as(bare));
        assert!(!figures("800万〜1,500万円")[0].same_as(bare));
    }
}
