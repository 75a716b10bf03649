//! Where a negation reaches: the clauses of a normalised draft, each marked when it
//! rejects what it names ("I wouldn't…", 「〜しない」, 「〜ないほうがいい」, what follows
//! "rather than", what comes before 「ではなく」).
//!
//! A clause, not a sentence: "I wouldn't rewrite it, but I'd carve out services" rejects
//! the rewrite and affirms the carving out.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// A cue list as one automaton, built on first use: a clause is scanned once for all of a
/// list's cues, not once per cue (the lists hold hundreds, and every point of every deck
/// is read when the detector is built).
fn automaton(lists: &[&[&str]]) -> AhoCorasick {
    AhoCorasick::new(lists.iter().flat_map(|list| list.iter()))
        .unwrap_or_else(|_| unreachable!("the compiled-in cue lists build"))
}

static NEGATIONS_EN_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[NEGATIONS_EN]));
static NEGATIONS_JA_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[NEGATIONS_JA]));
static AFFIRMING_EN_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[AFFIRMING_EN]));
static AFFIRMING_JA_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[AFFIRMING_JA]));
static HARM_JA_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[HARM_JA]));
static HARM_EN_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&[HARM_EN]));
static WHOLE_SENTENCE_CUES: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(&[NOT_MINE, REGRETTED]));

/// One clause of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub range: Range<usize>,
    /// It rejects what it names by a cue: its words do not count, and it may argue
    /// against a point.
    pub negated: bool,
    /// It holds any negation, a verb's negative too ("求められない"): it may agree with a
    /// point that denies something.
    pub negative: bool,
    /// Which sentence it is part of.
    pub sentence: usize,
    /// It is the topic the next clause puts something aside about (「リファクタは」 before
    /// 「計画してやるものではなく」): not rejected, but what that rejection is about.
    pub topic_of_next: bool,
}

impl Clause {
    /// Marks the clause as rejecting what it names.
    fn reject(&mut self) {
        self.negated = true;
        self.negative = true;
    }
}

/// English cues that reject what their clause names.
const NEGATIONS_EN: &[&str] = &[
    "not ",
    "n't",
    "no need",
    "never ",
    "no longer",
    "without ",
    "rather than",
    "instead of",
    "wary of",
    "avoid",
    "doesn't matter",
    "don't care",
    "pointless",
    "waste of",
    "is waste",
    "is a waste",
    "are a waste",
    "skip ",
    "careful with",
    "skeptical of",
    "push back on",
    "disagree with",
    "overrated",
    "outdated",
    "old-fashioned",
    "i'm against",
    "i am against",
    // Calling it control: "a weekly slot felt like micromanagement".
    "micromanag",
    "not convinced",
    "can wait",
    "can come later",
    "comes later",
    "come later",
    "matters less",
    "matter less",
    "less important",
    "comes second",
    "worry about it later",
    "worry about that later",
    "not a priority",
    "don't bother",
    "killed",
    "scrapped",
    "got rid of",
    "stopped doing",
    "abolished",
    // Handing it away or calling it rare: "the business side is someone else's concern",
    // "CTOs rarely come up through engineering".
    "someone else's",
    "somebody else's",
    "not my job",
    "not our job",
    "not my concern",
    "stay out of",
    "stays out of",
    "keep out of",
    "steer clear of",
    "hands off",
    "hands-off",
    "rarely ",
    "seldom ",
    "hardly ",
    // Calling it harmful: "localizing them only creates drift", "splitting the roles just
    // adds a layer", "governance slows teams down".
    "only creates",
    "just creates",
    "only adds",
    "just adds",
    "only slows",
    "just slows",
    "only slow ",
    "just slow ",
    " kills ",
    "slows teams down",
    "slow everything down",
    "slows everything down",
    "slow things down",
    "slows things down",
    "just fragments",
    "only fragments",
    // Kept as it is: "I would keep the annual approval cycle as it is".
    " as it is",
    // For show: "monthly reports to the executives are mostly theatre".
    "theatre",
    "theater",
    "for show",
    "window dressing",
    "overblown",
    "slows everyone down",
    "slows us down",
    "gets in the way",
    // Calling it worthless or premature: "not worth the overhead", "red tape".
    "not worth",
    "premature",
    "red tape",
    "paperwork",
    // Put below something else: "that changed behaviour more than any training could".
    "more than any",
    // "narrowing the scope just means redoing the work later".
    "just means",
    "regardless of",
    "irrespective of",
    "only means",
    // Calling it an invitation to cheat: "then every team starts gaming the criteria".
    "gaming the",
    "game the system",
    // Calling it a net loss: "turning it off caused more trouble than it saved".
    "more trouble than",
    "more hassle than",
    "more work than it saved",
    "box-ticking",
    "box ticking",
    "busywork",
    "is useless",
    "are useless",
    "no point in",
    "nobody reads",
    "no one reads",
    "a distraction",
    // Setting it aside: "the AI hype I mostly tune out", "building our own is off the
    // table".
    "is the worst",
    "no time for",
    "is nice but",
    "is nice, but",
    "are nice but",
    "are nice, but",
    "the worst outcome",
    "takes too long",
    "take too long",
    "tune out",
    "tune it out",
    "tune them out",
    "off the table",
    "out of the question",
    "just theater",
    "just theatre",
    // Calling it needless, premature or dead weight, in the sentence's own voice (not
    // "unnecessary meetings", which names a kind of meeting a point may cut).
    "is unnecessary",
    "are unnecessary",
    "is counterproductive",
    "are counterproductive",
    "is useless",
    "are useless",
    "is a luxury",
    "is impractical",
    "is unrealistic",
    "is obsolete",
    "are obsolete",
    "overhyped",
    "over-engineering",
    "overengineering",
    "over-engineered",
    "too heavyweight",
    "too heavy",
    "lip service",
    "a nice-to-have",
    "a nice to have",
    "hold off",
    // Switched off or written off as noise, vanity or too risky.
    "turned that off",
    "turned it off",
    "turned them off",
    "switched that off",
    "switched it off",
    "is noise",
    "is mostly noise",
    "just noise",
    "vanity",
    "too risky",
    "finger-pointing",
    "finger pointing",
    "at arm's length",
    "is too many",
    "are too many",
    "is too much",
    "is too often",
    "phase out",
    "phased out",
    "phasing out",
    "ditch ",
    "ditched",
    "abandoned",
    "gave up on",
    "give up on",
    "giving up on",
    "just overhead",
    "pure overhead",
    "is overhead",
    "checkbox exercise",
    // Conceding before dismissing: "chaos engineering sounds nice, but it's overkill".
    "overkill",
    "sounds nice",
    "sounds good",
    "sounds great",
    "nice in theory",
    "good in theory",
    "good on paper",
    "nice on paper",
];

/// Saying the whole thing is not one's job ("X is the SRE team's work, so it isn't the
/// VPoE's"; 「契約は法務に任せて、私は関わりません」): the cue rejects every clause of its
/// sentence, though it names none of the point's words itself.
const NOT_MINE: &[&str] = &[
    "not my job",
    "not our job",
    "not my role",
    "not part of my",
    "not involved",
    "not my call",
    "not my area",
    "n't my job",
    "n't our job",
    "n't my role",
    "n't involved",
    "n't the vpoe's",
    "n't the cto's",
    "n't the hoe's",
    "n't the em's",
    "not the vpoe's",
    "not the cto's",
    "not the hoe's",
    "stay out of",
    "stays out of",
    "担当ではない",
    "担当じゃない",
    "担当外",
    "管轄外",
    "範囲外",
    "関わりません",
    "関わらない",
    "仕事ではない",
    "仕事じゃない",
    "役割ではない",
    "役割じゃない",
    "ノータッチ",
];

/// Looking back on it as a mistake ("we hired fast, without a clear bar, and that hurt
/// us"; 「全部一気に移行したのは失敗でした」): what the sentence tells was done is rejected.
const REGRETTED: &[&str] = &[
    "that hurt us",
    "which hurt us",
    "it hurt us",
    "was a mistake",
    "were a mistake",
    "backfired",
    "we regretted",
    "i regret",
    "失敗でした",
    "失敗だった",
    "裏目に出",
    "後悔して",
    // It decayed into a formality: 「キャリアパスの制度も作ったが、形骸化した」.
    "形骸化した",
    "形骸化して",
    "became a formality",
    "nobody used it",
];

/// Disagreeing with what the clause before reported ("People say 'a conductor', but I
/// don't agree"; 「…と言われますが、そうは思いません」): the clause before is rejected.
const DISAGREE: &[&str] = &[
    "i don't agree",
    "i do not agree",
    "i disagree",
    "i don't buy",
    "that's outdated",
    "that is outdated",
    "it's outdated",
    "that comes later",
    "that can come later",
    "that can wait",
    "i don't think so",
    "not true",
    "そうは思わな",
    "そうは思いません",
    "同意できな",
    "賛成できな",
    "違うと思",
    "逃げだと思",
    "関係ないと思",
];

/// What others say, reported before a "but" that departs from it ("People always say to
/// tag everything, but …"; 「…とよく言われますが、」): the speaker does not claim it.
const REPORTED_EN: &[&str] = &[
    "people say",
    "people always say",
    "people often say",
    "people tell you",
    "everyone says",
    "everybody says",
    "they say",
    "they always say",
    "the books say",
    "the textbook says",
    "the textbooks say",
    "the usual advice",
    "the standard advice",
    "common advice",
    "conventional wisdom",
    "you often hear",
    "you always hear",
    "people quote",
    "people worry",
    "people often worry",
];
const REPORTED_JA: &[&str] = &[
    "言われますが",
    "言われるが",
    "言われるけど",
    "言われがちですが",
    "言われがちだが",
    "言う人もいますが",
    "いう人もいますが",
    "言う人もいるけど",
    "いう人もいるけど",
    "よく聞きますが",
    "よく聞くけど",
    "が定石ですが",
    "が定石だけど",
    "が教科書通りですが",
    "という話もありますが",
    "という話もあるけど",
    "という意見もありますが",
    "という意見もあるけど",
    "という声もありますが",
    // Another way named to be set aside: 「スコアを付けるやり方もありますが、」.
    "やり方もありますが",
    "やり方もあるけど",
    "方法もありますが",
    "方法もあるけど",
    "考え方もありますが",
    "考え方もあるけど",
];

/// Endings that deny the subject itself is needed or is a matter at all (「取り入れる必要は
/// ない」「経営が扱うテーマではない」), unlike a verb's negative (「省略しない」 affirms).
const DENIES_SUBJECT_JA: &[&str] = &[
    "必要はない",
    "必要ない",
    "必要はありません",
    "不要",
    "ではない",
    "じゃない",
    "ではありません",
    "じゃありません",
    "関係ない",
    "意味がない",
    "意味はない",
    "意味ない",
    "要らない",
    "いらない",
    "時間の無駄",
    "無駄だ",
    "無駄です",
    // Tried and given up: 「モデルカードも書いてみましたが、誰も読まないのでやめました」.
    "やめました",
    "やめた",
    "廃止しました",
    "廃止した",
];

/// Whether a Japanese clause opens with what its sentence is about (「生成AIは」,
/// 「リモートも」) before it says anything of it.
fn opens_with_topic(clause: &str) -> bool {
    let head: String = clause.chars().take(24).collect();
    head.find(['は', 'も'])
        .is_some_and(|at| !head[..at].contains(['、', '。']) && at > 0)
}

/// Where the topic a Japanese clause opens with ends: after the first は that follows a
/// noun (「価格は」「テストは」), not the は inside a word (はず) or after a particle (では).
fn topic_marked_by_wa(clause: &str) -> Option<usize> {
    clause.char_indices().find_map(|(at, c)| {
        let before = clause[..at].chars().next_back()?;
        let after = clause[at + c.len_utf8()..].chars().next();
        let after_noun = super::is_kanji(before)
            || super::is_katakana(before)
            || before.is_ascii_alphanumeric()
            || before == '」';
        (c == 'は'
            && after_noun
            && !matches!(after, Some('ず' | 'じ'))
            && !clause[..at].contains('、'))
        .then_some(at + c.len_utf8())
    })
}

/// Praise that concedes before a "but" that declines ("Mentoring is nice but we have no
/// time for a formal program"; 「コードレビューは大事だけど、必須にはしない」).
const CONCEDING: &[&str] = &[
    " is nice",
    " are nice",
    " is great",
    " are great",
    " is good",
    " are good",
    " is important",
    " are important",
    " is useful",
    " are useful",
    " is valuable",
    "大事だけど",
    "大事ですが",
    "大切だけど",
    "大切ですが",
    "重要だけど",
    "重要ですが",
    "いいけど",
    "いいですが",
    "理想だけど",
    "理想ですが",
];

/// How a sentence opens when it says the same as the one before ("Same for pen tests").
const SAME_AS_BEFORE: &[&str] = &[
    "same for ",
    "same with ",
    "same goes for ",
    "the same goes for ",
    "same applies to ",
    "the same applies to ",
    "likewise",
    "同じく",
    "同様に",
];

/// English phrases with "not" that affirm ("not only X but also Y").
/// A purpose with a negation ("…so it doesn't recur") is prevention, which a point may
/// recommend.
const AFFIRMING_EN: &[&str] = &[
    // Few can: rarity, not a denial ("not many people can build an org from zero").
    "not many",
    "not everyone can",
    "not everybody can",
    "not ad hoc",
    // Two negatives: "25 million or more is not unusual".
    "not unusual",
    "not uncommon",
    "not unheard of",
    "isn't unusual",
    "isn't uncommon",
    "not rare",
    // A purpose that keeps something from going wrong: "so we're not off the map".
    "so we're not",
    "so that we're not",
    "so we aren't",
    "so it's not",
    "so that it's not",
    "so they're not",
    "not only",
    "not just",
    "not least",
    "so it doesn't",
    "so that it doesn't",
    "so it won't",
    "so that it won't",
    "so they don't",
    "so that they don't",
    "so we don't",
    "so that we don't",
    // A failure denied is reliability affirmed: "the site doesn't fall over".
    "can't break",
    "cannot break",
    "won't break",
    "doesn't break",
    "don't break",
    "doesn't fall over",
    "don't fall over",
    "doesn't go down",
    "don't go down",
    "never goes down",
    "doesn't crash",
    "never crashes",
];

/// Japanese cues that reject what their clause names; a verb's own negative (〜わない,
/// 〜しない, 〜てない) is found by its form, below.
const NEGATIONS_JA: &[&str] = &[
    "意味がない",
    "意味はない",
    "意味ない",
    "車輪の再発明",
    "reinventing the wheel",
    "reinvent the wheel",
    "不要",
    "必要ない",
    "必要はない",
    "いらない",
    "要らない",
    "要らなく",
    "いらなく",
    "ません",
    "避け",
    "やめ",
    "しなくて",
    "なくていい",
    "なくてもいい",
    "ないほうが",
    "ない方が",
    "関係ない",
    "ではない",
    "じゃない",
    // Putting off or dismissing: 「〜は後から考えればいい」「気にせず」.
    "後回し",
    "後から考え",
    "後で考え",
    "あとから考え",
    "あとで考え",
    // 「スキーマ設計はあとからでいい」; without は, 「後でいい処理」 is work that can wait
    // for a queue, which a point may recommend.
    "は後からでいい",
    "はあとからでいい",
    "は後でいい",
    "はあとでいい",
    "二の次",
    "気にせず",
    "気にしない",
    "廃止",
    "しない",
    "しません",
    "やらない",
    "たくない",
    "せず",
    "ずに",
    // Not adopting or setting up what the clause names (「トグルは入れない」「ルールは
    // 作らない」): unlike a verb's negative that describes a problem (見えない) or a
    // practice (責めない), these only ever decline the thing named.
    // Staying out of it or dumping it on others: 「そこには口を出さない」「丸投げ」.
    "関わらない",
    "口を出さない",
    "口出ししない",
    "ノータッチ",
    "丸投げ",
    "やりすぎ",
    "足かせ",
    // Calling it worthless or premature: 「時間の無駄」「時期尚早」「割に合わない」; not
    // 「無駄を省く」 nor 「形骸化しないように」, which a point may recommend.
    "当てにならな",
    "オーバースペック",
    "オーバーエンジニアリング",
    // 「3〜5年なんてかけていられない」「変更をリスクで分類するのは手間なので」
    // 「年2〜3回は多すぎ」: belittled, a bother, too much.
    "なんて",
    "ていられない",
    "てられない",
    "のは手間",
    "は手間なので",
    "のは面倒",
    "は面倒なので",
    "は多すぎ",
    "手間がかかるだけ",
    "見合わない",
    "重すぎる",
    "遠回り",
    "ナンセンス",
    "撤廃",
    "見送",
    "必要性を感じ",
    "非効率",
    "形だけ",
    "お飾り",
    "机上の空論",
    "役に立たない",
    "役立たない",
    "無理がある",
    // A waste, or something to cut: 「ヒアリングに時間を使うのはもったいない」「承認の
    // プロセスも省きたい」; not even done: 「理由を返すこともしていない」.
    // Not insisting on it, no effect, half-baked: 「共通化にはこだわりません」「可視化は
    // 効果がない」「削除しても意味が薄い」「ジェネラリストは中途半端になる」.
    // Doubting it: 「リスクベースで優先順位をつけるやり方には懐疑的です」.
    "懐疑的",
    "にはこだわらない",
    "にこだわらない",
    "にはこだわりません",
    "にこだわりません",
    "効果がない",
    "効果はない",
    "意味が薄い",
    "中途半端になる",
    "中途半端になり",
    "中途半端です",
    "もったいない",
    // Slowing down: 「毎回承認を取り直すのでスピードが落ちます」.
    "スピードが落ち",
    "速度が落ち",
    // Regardless of it: 「サービス数や組織の規模に関係なく」.
    "に関係なく",
    "には関係なく",
    "省きたい",
    "もしていない",
    "もしてない",
    "もしていません",
    // Against it, in the speaker's own voice: 「明文化して共有するのには反対です」.
    "には反対",
    "のは反対",
    "ので反対",
    "から反対",
    "に反対です",
    "は反対です",
    "時代遅れ",
    "古い考え",
    "マイクロマネジメント",
    "コスパが悪",
    "費用対効果が悪",
    "効果が薄",
    "手間の割に",
    // Hardly there at all: 「バランスを取る発想自体があまりない」.
    // Denying it is so: 「課題とは思ってない」.
    "とは思わな",
    "とは思ってな",
    "とは思っていな",
    "とは考えてな",
    "とは考えていな",
    "ことはない",
    "あまりない",
    // No intention of doing it, or not made a rule: 「統一する気はない」「必須にしていない」.
    "気はない",
    "つもりはない",
    "にしていない",
    "にしてない",
    // Thinking about it only once it happens: 「障害対応は起きてから考える」.
    "起きてから考え",
    "その時に考え",
    "その時考え",
    "その都度考え",
    "ほとんどない",
    "まったくない",
    "全くない",
    "あてにならな",
    "参考にならな",
    "時間の無駄",
    "は無駄",
    "無駄です",
    "無駄だ",
    "無意味",
    "時期尚早",
    "割に合わない",
    "邪魔になる",
    "遅くなるだけ",
    "増えるだけ",
    "過剰",
    // Not done at all: 「評価制度はほとんど手をつけてなくて」.
    "手付かず",
    "手が回らな",
    "手が回って",
    "オーバーキル",
    "理想論",
    "聞こえはいい",
    "入れない",
    "入れず",
    "使わない",
    "使わず",
    "作らない",
    "作らず",
    "作らなく",
    "置かなく",
    "入れなく",
    "設けなく",
    "やらなく",
    "置かない",
    "設けない",
    "採らない",
];

/// Japanese phrases that hold ない but affirm: obligation ("〜しなければならない"),
/// possibility ("かもしれない"), "only" ("〜しかない").
const AFFIRMING_JA: &[&str] = &[
    "なければならない",
    "なければいけない",
    "なくてはならない",
    "なくてはいけない",
    "ないといけない",
    "ないとだめ",
    "かもしれない",
    // Not letting it go bad is doing it well: 「場当たりにしない」「属人化させない」.
    "場当たりにしない",
    "場当たり的にしない",
    "属人化しない",
    "属人化させない",
    "形骸化しない",
    "形骸化させない",
    "放置しない",
    "先送りしない",
    "丸投げしない",
    // 「〜ないように」 is a purpose, prevention.
    // Two negatives, and checking nothing is off: 「珍しくない」「事業目標とズレていないか」.
    // "It is fine": 「リトライを入れておけば問題ない」 asserts the retries.
    "問題ない",
    "問題はない",
    "問題ありません",
    "問題はありません",
    "差し支えない",
    "珍しくない",
    "珍しくありません",
    "少なくない",
    "ズレていない",
    "ずれていない",
    "ズレがない",
    "ずれがない",
    "矛盾しない",
    "矛盾していない",
    "外れていない",
    "ないように",
    "ないよう",
    "に越したことはない",
    "なくて済む",
    "ずに済む",
    "しかない",
    "ざるを得ない",
    "に違いない",
    "間違いない",
    "少ない",
    "危ない",
];

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

/// How a clause rejects what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A cue that rejects ("I wouldn't", 「不要」, 「〜ないほうがいい」): the clause's words
    /// do not count for a point.
    Cue,
    /// Only a verb's negative form (「見えない」, 「〜せず」): it may reject, or describe a
    /// problem or a practice a point recommends (「責めない」 is "blameless", 「割らない」
    /// keeps a target), so in a draft it neither argues against a point nor drops its
    /// words; it only tells that a point's own text is a negative one.
    Verb,
}

/// What a point steers away from ("avoid vendor lock-in", 「ロックインを回避」, "move
/// away from dependence on vendors"): a draft that says it will not depend on them agrees.
const AVOIDING: &[&str] = &[
    "回避",
    "避け",
    "防ぐ",
    "防止",
    "脱却",
    "脱する",
    "なくす",
    "avoid",
    "prevent",
    "move away from",
    "moving away from",
    "get rid of",
    "break free",
    "eliminate",
];

/// Whether a text recommends steering away from what it names.
pub fn avoids(text: &str) -> bool {
    AVOIDING.iter().any(|cue| text.contains(cue))
}

/// Words that commend what their clause names (「積極的に頼るのが大事」, "it's essential
/// to rely on them").
const COMMENDING: &[&str] = &[
    "大事",
    "重要",
    "積極的",
    "欠かせ",
    "不可欠",
    "むしろ",
    "important",
    "essential",
    "crucial",
    "embrace",
    "actively",
    "the more the better",
];

/// Whether a clause commends what it names.
pub fn commends(clause: &str) -> bool {
    COMMENDING.iter().any(|cue| clause.contains(cue))
}

/// The speaker marked as who acts in a clause (「僕が形にする」, 「私は採用に集中する」):
/// a role the clause before named is not who acts in this one. Japanese only: an English
/// "I" delegates as often as it acts ("so I'd leave it to them").
const SPEAKER_ACTS: &[&str] = &[
    "僕が",
    "僕は",
    "私が",
    "私は",
    "俺が",
    "俺は",
    "わたしが",
    "わたしは",
    "自分が",
    "自分は",
];

/// Whether a clause marks its speaker as who acts.
pub fn speaker_acts(clause: &str) -> bool {
    SPEAKER_ACTS.iter().any(|cue| clause.contains(cue))
}

/// Conditionals that say what follows from doing something: 「翻訳すると…落ちる」,
/// "the moment you measure them, people game them".
const IF_DONE_JA: &[&str] = &[
    "すると",
    "ると",
    "うと",
    "くと",
    "すと",
    "つと",
    "むと",
    "ぐと",
    "ぶと",
    "したら",
    "たら",
    "すれば",
];
const IF_DONE_EN: &[&str] = &[
    "if you ",
    "if we ",
    "the moment you ",
    "once you ",
    "as soon as you ",
    "whenever you ",
];

/// What doing it then brings, when that is only harm: the clause argues against doing it.
const HARM_JA: &[&str] = &[
    "妥協され",
    "硬直",
    "人が足りな",
    "足りなくなる",
    "形骸化",
    "混乱",
    "縄張り争い",
    "二重管理",
    "逆効果",
    "破綻",
    "疲弊",
    "反発",
    "揉め",
    "誰も",
    "ニュアンスが落ち",
    "遅くなる",
    "重くなる",
    "回らなくなる",
    "手間が増え",
    "負担が増え",
    "面倒になる",
    "属人化",
    "長引",
    "独り歩き",
    "止まる",
    "長期化",
    "数字を作",
    "監視されて",
    "バラバラ",
    "ばらばら",
    "不公平",
];
const HARM_EN: &[&str] = &[
    "game them",
    "game it",
    "games it",
    "backfire",
    "rigid",
    "bureaucra",
    "nobody ",
    "no one ",
    "turf war",
    "chaos",
    "bogs down",
    "bog down",
    "resent",
    "fragment",
    "sprawl",
    "unfair",
];

/// An antecedent that is itself a neglect (「放置すると」, "if you skip it"): the harm
/// after it argues for the thing, not against it.
const NEGLECT_BEFORE_IF: &[&str] = &[
    "放置",
    "無視",
    "後回し",
    "省",
    "減ら",
    "やめ",
    "止め",
    "怠",
    "削",
    "サボ",
    "ない",
    "ず",
];
const NEGLECT_AFTER_IF_EN: &[&str] = &[
    "don't", "do not", "skip", "ignore", "neglect", "stop", "cut", "drop", "never", "leave it",
];

/// Too much of a thing: a harm that follows it warns against excess, not against the
/// thing (「レビューに頼りすぎると遅くなる」, "if you write too many rules, the org gets rigid").
const EXCESS_BEFORE_IF: &[&str] = &["すぎ", "過ぎ"];
const EXCESS_EN: &[&str] = &["too much", "too far", "too many", "overdo"];

/// Whether a clause warns of too much of a thing ("too many rules", 「優先しすぎる」).
pub(super) fn says_too_much(text: &str) -> bool {
    EXCESS_EN
        .iter()
        .chain(EXCESS_BEFORE_IF)
        .any(|cue| text.contains(cue))
}

/// Whether a clause says that doing what it names only brings harm.
fn harmful_if_done(clause: &str) -> bool {
    // Most clauses hold no conditional at all: every Japanese one ends in と, ら or ば,
    // every English one has "you " or "we ".
    if !clause.contains(['と', 'ら', 'ば']) && !clause.contains("you ") && !clause.contains("we ")
    {
        return false;
    }
    let japanese = IF_DONE_JA.iter().any(|cue| {
        clause.match_indices(cue).any(|(at, _)| {
            let before = &clause[..at];
            let after = &clause[at + cue.len()..];
            !before.is_empty()
                && !NEGLECT_BEFORE_IF
                    .iter()
                    .chain(EXCESS_BEFORE_IF)
                    .any(|neglect| {
                        before
                            .char_indices()
                            .rev()
                            .take(3)
                            .any(|(i, _)| before[i..].starts_with(neglect))
                    })
                && HARM_JA_CUES.is_match(after)
        })
    });
    let english = IF_DONE_EN.iter().any(|cue| {
        clause.match_indices(cue).any(|(at, _)| {
            let after = &clause[at + cue.len()..];
            !NEGLECT_AFTER_IF_EN
                .iter()
                .any(|neglect| after.starts_with(neglect))
                && !EXCESS_EN.iter().any(|excess| after.contains(excess))
                && HARM_EN_CUES.is_match(after)
        })
    });
    japanese || english
}

/// Negatives right after a relative pronoun ("the experiments that didn't work",
/// "alerts that need no action") name a kind of thing; they reject nothing. A "that"
/// followed by its own subject ("conclude that we shouldn't") is not one of them.
fn without_relative_negatives(clause: &str) -> std::borrow::Cow<'_, str> {
    let mut cut = 0;
    let mut kept = String::new();
    for found in RELATIVE_NEGATIVES.find_iter(clause) {
        let at = found.start();
        if at > 0 && clause.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        kept.push_str(&clause[cut..at]);
        cut = found.end();
    }
    if cut == 0 {
        return std::borrow::Cow::Borrowed(clause);
    }
    kept.push_str(&clause[cut..]);
    kept.into()
}

/// "that didn't", "which never", "who don't"…: see [`without_relative_negatives`].
static RELATIVE_NEGATIVES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    const NEGATIVES: &[&str] = &[
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "can't",
        "aren't",
        "isn't",
        "wasn't",
        "weren't",
        "never",
        "do not",
        "does not",
        "did not",
        "need no",
        "needs no",
        "needed no",
        "require no",
        "requires no",
        "have no",
        "has no",
    ];
    let phrases: Vec<String> = ["that ", "which ", "who "]
        .iter()
        .flat_map(|pronoun| {
            NEGATIVES
                .iter()
                .map(move |negative| format!("{pronoun}{negative}"))
        })
        .collect();
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&phrases)
        .unwrap_or_else(|_| unreachable!("the relative negatives build"))
});

/// "I'd keep SAST and DAST out of CI": keeping something out, with words between.
fn kept_out(clause: &str) -> bool {
    ["keep ", "kept ", "keeping "].iter().any(|verb| {
        clause
            .find(verb)
            .is_some_and(|at| clause[at + verb.len()..].contains(" out of "))
    })
}

/// Verbs of putting something in place, in their て form: with ない or なく after them
/// (「専任チームは置いてなくて」「まだ入れていない」) the clause says it is not there,
/// unlike a verb's negative that describes a problem (見えない).
const PUT_IN_PLACE_JA: &[&str] = &[
    "置いて",
    "入れて",
    "作って",
    "使って",
    "設けて",
    "導入して",
    "やって",
    "つけて",
    "付けて",
    "追って",
    "測って",
    "計測して",
    "書いて",
    "用意して",
    "準備して",
];

/// Whether a Japanese clause says what it names is not in place.
fn not_put_in_place(clause: &str) -> bool {
    PUT_IN_PLACE_JA.iter().any(|verb| {
        clause.match_indices(verb).any(|(at, _)| {
            let rest = &clause[at + verb.len()..];
            ["ない", "なく", "いない", "いなく"]
                .iter()
                .any(|ending| rest.starts_with(ending))
        })
    })
}

/// A clause with the phrases of a list taken out ("not only" holds a "not " that rejects
/// nothing). Only the phrases it holds are replaced: a replace each would allocate.
fn without<'a>(clause: &'a str, cues: &AhoCorasick, phrases: &[&str]) -> std::borrow::Cow<'a, str> {
    let mut rest = std::borrow::Cow::Borrowed(clause);
    if cues.is_match(clause) {
        for phrase in phrases {
            if rest.contains(phrase) {
                rest = rest.replace(phrase, "").into();
            }
        }
    }
    rest
}

/// Whether and how a clause rejects what it names.
pub fn negation(clause: &str) -> Option<Strength> {
    if harmful_if_done(clause) {
        return Some(Strength::Cue);
    }
    let english = without(clause, &AFFIRMING_EN_CUES, AFFIRMING_EN);
    let english = without_relative_negatives(&english);
    if NEGATIONS_EN_CUES.is_match(english.as_ref()) || kept_out(&english) {
        return Some(Strength::Cue);
    }
    let japanese = without(clause, &AFFIRMING_JA_CUES, AFFIRMING_JA);
    if rejects_by_cue_ja(&japanese) || not_put_in_place(&japanese) {
        return Some(Strength::Cue);
    }
    // A verb's negative: ない after the verb's hiragana stem (言わない, 立てない, しない);
    // ない after kanji is an adjective or a noun (少ない was taken out above).
    // 「依存しなくて済む」「使わなくなる」: the same negative before て and なる; 「Aでは
    // なく B」「Aだけでなく B も」 contrast, they reject nothing the point says.
    let verb = ["ない", "なく"]
        .iter()
        .flat_map(|ending| japanese.match_indices(ending))
        .any(|(at, ending)| {
            let before = &japanese[..at];
            // 「使われていないテーブル」: a negative that names a kind of thing (before a
            // noun) is no negative claim.
            // So does 「何もしなくていいアラート」.
            let rest = &japanese[at + ending.len()..];
            let names_a_kind = match ending {
                "ない" => before_noun(rest),
                _ => ["ていい", "てもいい", "てよい"]
                    .iter()
                    .any(|allowed| rest.strip_prefix(allowed).is_some_and(before_noun)),
            };
            !names_a_kind
                && before.chars().next_back().is_some_and(is_hiragana)
                && !(ending == "なく"
                    && ["では", "じゃ", "でも", "で"]
                        .iter()
                        .any(|c| before.ends_with(c)))
        })
        || japanese.trim_end().ends_with('ず');
    verb.then_some(Strength::Verb)
}

/// Cuts a condition off the negative consequence it is the condition of: 「重大なバグが
/// 残っていたら出しません」 and "we don't ship if a severe bug is open" decline to ship, not
/// the check for bugs. A condition that is itself the harm (「入れると遅くなる」) stays whole.
fn split_conditions(text: &str, clauses: Vec<Clause>) -> Vec<Clause> {
    let mut out = Vec::with_capacity(clauses.len());
    for clause in clauses {
        let said = &text[clause.range.clone()];
        let cut = ["たら", "れば", "なら"]
            .iter()
            .filter_map(|ending| said.rfind(ending).map(|at| at + ending.len()))
            .chain(
                [" if ", " unless "]
                    .iter()
                    .filter_map(|word| said.find(word).map(|at| at + 1)),
            )
            .filter(|at| *at < said.len())
            .max();
        let Some(cut) = cut else {
            out.push(clause);
            continue;
        };
        let english = said[cut..].starts_with("if ") || said[cut..].starts_with("unless ");
        let (condition, consequence) = if english {
            (&said[cut..], &said[..cut])
        } else {
            (&said[..cut], &said[cut..])
        };
        let splits = clause.negated
            && negation(condition).is_none()
            && negation(consequence).is_some()
            && !harmful_if_done(said);
        if !splits {
            out.push(clause);
            continue;
        }
        let at = clause.range.start + cut;
        let (first, second) = (clause.range.start..at, at..clause.range.end);
        let (condition_range, consequence_range) = if english {
            (second, first)
        } else {
            (first, second)
        };
        let mut condition = clause.clone();
        condition.range = condition_range;
        condition.negated = false;
        condition.negative = false;
        let mut consequence = clause;
        consequence.range = consequence_range;
        let mut pair = [condition, consequence];
        pair.sort_by_key(|c| c.range.start);
        out.extend(pair);
    }
    out
}

/// Whether Japanese text goes on with a noun, maybe after な or の: what precedes it
/// names a kind of that noun (「不要なアラート」「いらない会議」).
fn before_noun(rest: &str) -> bool {
    let rest = rest
        .strip_prefix('な')
        .or_else(|| rest.strip_prefix('の'))
        .unwrap_or(rest);
    // 「入れない方針」「やらない予定」 decline: the noun is the stance, not a kind.
    let stance = STANCE_NOUNS.iter().any(|noun| rest.starts_with(noun));
    !stance
        && rest
            .chars()
            .next()
            .is_some_and(|c| super::is_kanji(c) || super::is_katakana(c))
}

/// Nouns that hold a decision: a negative before them declines what it names.
const STANCE_NOUNS: &[&str] = &[
    "予定",
    "方針",
    "方向",
    "考え",
    "判断",
    "主義",
    "前提",
    "結論",
    "選択",
    "決断",
    "約束",
    "意向",
    "ルール",
    "運用",
    "姿勢",
    "立場",
    "スタンス",
];

/// Whether a Japanese clause rejects what it names by a cue: one that only names a kind of
/// thing (「対応が不要なアラート」「しなくていい作業」) rejects nothing.
fn rejects_by_cue_ja(clause: &str) -> bool {
    if !NEGATIONS_JA_CUES.is_match(clause) {
        return false;
    }
    let matches: Vec<Range<usize>> = NEGATIONS_JA_CUES
        .find_overlapping_iter(clause)
        .map(|found| found.range())
        .collect();
    // Only an adjective (〜ない, 〜いい) goes straight before its noun; a noun (不要)
    // takes な or の, and the rest (なんて, 避け) modify no noun at all.
    let kinds: Vec<&Range<usize>> = matches
        .iter()
        .filter(|cue| {
            let rest = &clause[cue.end..];
            let adjective = clause[..cue.end].ends_with('い');
            before_noun(rest) && (adjective || rest.starts_with(['な', 'の']))
        })
        .collect();
    matches.iter().any(|cue| {
        !kinds
            .iter()
            .any(|kind| cue.start < kind.end && kind.start < cue.end)
    })
}

/// Japanese endings before 、 that close a clause (〜て、〜ので、〜けど、〜が、〜ば、); a
/// 、 after a noun or a particle like は is inside one clause ("A、B、Cはやらない").
const CLAUSE_ENDS_JA: &[char] = &[
    'て', 'で', 'が', 'ど', 'し', 'ば', 'ら', 'く', 'ず', 'り', 'た',
];

/// English words that open a subordinate clause before its main one.
const SUBORDINATORS_EN: &[&str] = &[
    "because ",
    "since ",
    "although ",
    "though ",
    "if ",
    "unless ",
    "when ",
    "whenever ",
    "once ",
    "while ",
    "as soon as ",
    "after ",
    "before ",
    "even if ",
    "even though ",
];

/// English connectives after a comma that start a new clause.
const CLAUSE_STARTS_EN: &[&str] = &[
    ", but ",
    ", so ",
    ", and ",
    ", while ",
    ", because ",
    ", which ",
    ", though ",
    ", then ",
];

/// Whether the sentence from a Japanese より goes on to name the side it prefers
/// (〜ほうが, 〜方が, 〜を優先).
fn prefers_after(rest: &str) -> bool {
    let sentence = rest
        .find(['。', '!', '?', '\n'])
        .map_or(rest, |end| &rest[..end]);
    // 「小さな成果を積み上げるより、最初から大きな勝負をかけたい」: wanting the other.
    ["ほうが", "方が", "を優先", "優先して", "を重視", "たい"]
        .iter()
        .any(|preferred| sentence.contains(preferred))
}

/// The clauses of a normalised text, in order, covering it.
pub fn clauses(text: &str) -> Vec<Clause> {
    let mut found: Vec<Clause> = Vec::new();
    let mut start = 0;
    let mut sentence = 0;
    // The clause being read rejects what it names whatever its words ("rather than X").
    let mut forced = false;
    let push = |found: &mut Vec<Clause>, range: Range<usize>, forced: bool, sentence: usize| {
        if range.start < range.end {
            let strength = negation(&text[range.clone()]);
            found.push(Clause {
                range,
                negated: forced || strength == Some(Strength::Cue),
                negative: forced || strength.is_some(),
                sentence,
                topic_of_next: false,
            });
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let rest = &text[at..];
        let end_of_sentence = matches!(c, '。' | '!' | '?' | '\n' | ';')
            || (c == '.'
                && (at + 1 == text.len()
                    || text[at + 1..].starts_with(|d: char| d.is_whitespace())));
        if end_of_sentence {
            push(&mut found, start..at, forced, sentence);
            forced = false;
            sentence += 1;
            start = at + c.len_utf8();
            continue;
        }
        // 「採用しても、」 closes a clause too ("even if"), unlike 「AもBも、」.
        let japanese_turn = c == '、'
            && (text[..at]
                .chars()
                .next_back()
                .is_some_and(|p| CLAUSE_ENDS_JA.contains(&p))
                || text[..at].ends_with("ても"));
        // "…spot an IDOR in a code review — specialists come later": a dash between
        // spaces joins two clauses.
        // "Because store review means we can't hotfix quickly, every feature ships
        // turned off": a clause that opens on a subordinator ends at its comma, so its
        // negation stays in it.
        let subordinate_ends = c == ','
            && SUBORDINATORS_EN
                .iter()
                .any(|word| text[start..at].trim_start().starts_with(word));
        // "We didn't do a big-bang cutover: we carved off one service at a time": what
        // follows a colon is a clause of its own.
        let colon = (c == ':' && rest[1..].starts_with(' ')) || c == '：';
        let comma_turn = subordinate_ends
            || colon
            || CLAUSE_STARTS_EN.iter().any(|w| rest.starts_with(w))
            || ((c == '—' || c == '–')
                && text[..at].ends_with(' ')
                && rest[c.len_utf8()..].starts_with(' '));
        if japanese_turn || comma_turn {
            push(&mut found, start..at, forced, sentence);
            forced = false;
            start = at + c.len_utf8();
            continue;
        }
        // "… but …" without a comma turns too; the clause starts at "but". So does a
        // purpose: "one shared service so teams don't each write their own" does not
        // reject the service.
        let purpose = rest.starts_with("so ")
            && (rest[3..].starts_with("that ")
                || [
                    "we ",
                    "they ",
                    "teams ",
                    "people ",
                    "nobody ",
                    "no one ",
                    "everyone ",
                    "you ",
                ]
                .iter()
                .any(|subject| rest[3..].starts_with(subject)));
        if (rest.starts_with("but ") || purpose)
            && text[..at].ends_with(' ')
            && !text[start..at].trim().is_empty()
        {
            push(&mut found, start..at, forced, sentence);
            forced = false;
            start = at;
            continue;
        }
        // "X rather than Y", "X, not Y", "X without Y": Y is rejected, X is not ("grow to
        // staff engineer without becoming a manager" affirms the career path).
        // "I'd rather adopt something than write it" too.
        // "…is worth more than sticking to the standard stack": what is worth less.
        let worth_less = [
            "worth more than ",
            "matters more than ",
            "more important than ",
        ]
        .iter()
        .any(|cue| rest.starts_with(cue));
        let contrast = (rest.starts_with("rather than ")
            || worth_less
            || rest.starts_with("instead of ")
            || rest.starts_with("without ")
            || (rest.starts_with("than ") && text[start..at].contains("rather ")))
            && text[..at].ends_with(' ');
        if contrast || rest.starts_with(", not ") || rest.starts_with(", never ") {
            push(&mut found, start..at, forced, sentence);
            forced = true;
            start = if contrast { at } else { at + c.len_utf8() };
            continue;
        }
        // 「XではなくY」: X is rejected, Y is not. So with 「XせずにY」 ("Y without doing
        // X"): 「毎回DBに聞かずに結果をメモリに置く」 affirms the cache. 「〜ずに済む」 is
        // left alone: it affirms what spares X.
        let contrasted = ["ではなく", "じゃなく", "ずに"]
            .into_iter()
            .find(|marker| rest.starts_with(marker) && !rest[marker.len()..].starts_with('済'));
        // 「KPIを細かく置くより、現場に顔を出すほうが早い」: what is put below the
        // preferred way is rejected. Not the adverb (「チームをより強く」), which follows a
        // particle, nor より without a preferred side in its sentence.
        let put_below = || {
            (rest.starts_with("より")
                && prefers_after(rest)
                && text[start..at]
                    .chars()
                    .next_back()
                    .is_some_and(|p| !"をにがはもでとの、 ".contains(p)))
            .then_some("より")
        };
        if let Some(marker) = contrasted.or_else(put_below) {
            let end = at + marker.len();
            // 「最初の採用は、いきなり大人数ではなく」: the topic before は、 is the
            // sentence's, not what is put aside.
            // 「自動のUIテストは全画面ではなく」: so is a topic marked by は alone.
            let topic_end = text[start..at]
                .rfind("は、")
                .map(|topic| start + topic + "は、".len())
                .or_else(|| topic_marked_by_wa(&text[start..at]).map(|end| start + end));
            if let Some(topic_end) = topic_end {
                push(&mut found, start..topic_end, false, sentence);
                if let Some(topic) = found.last_mut() {
                    topic.topic_of_next = true;
                }
                start = topic_end;
            }
            push(&mut found, start..end, true, sentence);
            forced = false;
            start = end;
            while chars.peek().is_some_and(|(next, _)| *next < end) {
                chars.next();
            }
        }
    }
    push(&mut found, start..text.len(), forced, sentence);
    let mut found = split_conditions(text, found);
    // "…hackathons, but they turned into pizza nights, so I don't bother with them": a
    // negation whose object is a pronoun rejects what its sentence named before it.
    // The pronoun is what is negated, so it comes after the negation: "so it's not
    // opinion against opinion" rejects nothing before it.
    // A clause that calls something harmful without a negation ("the moment you measure
    // them, people game them") speaks of what its plural pronoun stands for wherever it is.
    let pronoun = |clause: &str| {
        let after = NEGATIONS_EN
            .iter()
            .filter_map(|cue| clause.find(cue).map(|at| at + cue.len()))
            .min();
        match after {
            Some(at) => clause[at..]
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| matches!(word, "them" | "it" | "that" | "those" | "these")),
            None => {
                harmful_if_done(clause)
                    && clause
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|word| matches!(word, "them" | "those" | "these"))
            }
        }
    };
    for index in 1..found.len() {
        if found[index].negated && pronoun(&text[found[index].range.clone()]) {
            let sentence = found[index].sentence;
            for previous in found[..index].iter_mut().rev() {
                if previous.sentence != sentence {
                    break;
                }
                previous.reject();
            }
        }
    }
    for index in 0..found.len() {
        let said = &text[found[index].range.clone()];
        if WHOLE_SENTENCE_CUES.is_match(said) {
            let sentence = found[index].sentence;
            for clause in found.iter_mut().filter(|c| c.sentence == sentence) {
                clause.reject();
            }
        }
    }
    for index in 1..found.len() {
        let said = &text[found[index].range.clone()];
        if found[index - 1].sentence == found[index].sentence
            && DISAGREE.iter().any(|cue| said.contains(cue))
        {
            found[index - 1].reject();
            found[index].reject();
        }
    }
    // 「データエンジニアを先に採用しても、何を作ればいいか分からない」: what is done "even
    // if" and comes to nothing is rejected; 「入れても問題ない」 allows it.
    for index in 0..found.len().saturating_sub(1) {
        let said = text[found[index].range.clone()].trim_end();
        let next = &text[found[index + 1].range.clone()];
        let concedes =
            said.ends_with("ても") && !said.ends_with("としても") && !said.ends_with("それでも");
        let allowed = [
            "問題な",
            "構わな",
            "かまわな",
            "大丈夫",
            "差し支えな",
            "いい",
            "良い",
        ]
        .iter()
        // 「何を作ればいいか分からない」 asks, it does not allow.
        .any(|cue| {
            next.match_indices(cue)
                .any(|(at, _)| !next[at + cue.len()..].starts_with('か'))
        });
        if found[index].sentence == found[index + 1].sentence
            && concedes
            && found[index + 1].negative
            && !allowed
        {
            found[index].reject();
        }
    }
    for index in 0..found.len().saturating_sub(1) {
        if found[index].sentence != found[index + 1].sentence {
            continue;
        }
        let said = &text[found[index].range.clone()];
        let next = text[found[index + 1].range.clone()].trim_start();
        let english = REPORTED_EN.iter().any(|cue| {
            said.match_indices(cue)
                .any(|(at, _)| at == 0 || !said.as_bytes()[at - 1].is_ascii_alphabetic())
        }) && next.starts_with("but ");
        let japanese = REPORTED_JA.iter().any(|cue| said.contains(cue));
        if english || japanese {
            found[index].reject();
        }
    }
    for index in 1..found.len() {
        if found[index - 1].sentence != found[index].sentence
            || !found[index].negated
            || found[index - 1].negated
        {
            continue;
        }
        let before = text[found[index - 1].range.clone()].trim_end();
        let said = text[found[index].range.clone()].trim_start();
        let turns = said.starts_with("but ") || !said.is_ascii();
        if turns && CONCEDING.iter().any(|cue| before.contains(cue)) {
            found[index - 1].reject();
        }
    }
    // 「生成AIはまだ流行りの段階なので、組織として取り入れる必要はない」: the last clause
    // denies that the topic the sentence opened with is needed or a matter at all, and
    // names no topic of its own, so the opening clause is rejected with it.
    for index in 0..found.len() {
        let sentence = found[index].sentence;
        let opens = index == 0 || found[index - 1].sentence != sentence;
        let Some(last) = (index..found.len())
            .take_while(|at| found[*at].sentence == sentence)
            .last()
        else {
            continue;
        };
        if !opens || last == index || found[index].negated || !found[last].negated {
            continue;
        }
        let first = &text[found[index].range.clone()];
        let closing = &text[found[last].range.clone()];
        let Some(cue) = DENIES_SUBJECT_JA.iter().find(|cue| closing.contains(**cue)) else {
            continue;
        };
        let own_topic = closing.replace(cue, "").contains('は');
        if opens_with_topic(first) && !own_topic {
            for clause in &mut found[index..last] {
                clause.reject();
            }
        }
    }
    // "…I'd keep SAST out of CI. Same for pen tests: expensive, stale a week later": a
    // sentence that opens by saying it is like the one before rejects what that one did.
    for index in 0..found.len() {
        let sentence = found[index].sentence;
        let opens = index == 0 || found[index - 1].sentence != sentence;
        if !opens || sentence == 0 {
            continue;
        }
        let said = text[found[index].range.clone()].trim_start();
        let like_before = SAME_AS_BEFORE.iter().any(|cue| said.starts_with(cue));
        let before_rejects = found[..index]
            .iter()
            .any(|c| c.sentence + 1 == sentence && c.negated);
        if like_before && before_rejects {
            for clause in found.iter_mut().filter(|c| c.sentence == sentence) {
                clause.reject();
            }
        }
    }
    // 「後回し、ではない」: a negation standing alone after 、 rejects the clause before it.
    for index in 1..found.len() {
        let (before, after) = found.split_at_mut(index);
        let (previous, clause) = (&mut before[index - 1], &after[0]);
        // The cue's own letters are not content: 「…コードが汚れるだけなので、入れない」
        // declines what the clause before named.
        if !clause.negated || previous.sentence != clause.sentence {
            continue;
        }
        let own = NEGATIONS_JA
            .iter()
            .fold(text[clause.range.clone()].to_string(), |rest, cue| {
                if rest.contains(cue) {
                    rest.replace(cue, "")
                } else {
                    rest
                }
            });
        let content = own
            .chars()
            .filter(|c| !is_hiragana(*c) && c.is_alphanumeric())
            .count();
        if content == 0 {
            previous.reject();
        }
    }
    found
}

/// Finer pieces than clauses, cut at every comma too: what a figure is said about
/// ("five years as an engineer, a year or two as a tech lead").
pub fn segments(text: &str, clauses: &[Clause]) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    for (index, clause) in clauses.iter().enumerate() {
        let mut start = clause.range.start;
        for (at, c) in text[clause.range.clone()].char_indices() {
            if matches!(c, ',' | '、') {
                let at = clause.range.start + at;
                found.push((start..at, index));
                start = at + c.len_utf8();
            }
        }
        found.push((start..clause.range.end, index));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negated(text: &str) -> Vec<(String, bool)> {
        clauses(text)
            .into_iter()
            .map(|c| (text[c.range].trim().to_string(), c.negated))
            .collect()
    }

    #[test]
    fn a_topic_marked_by_wa_alone_is_not_put_aside() {
        let found = negated("採用面接は人柄だけで見るのではなく、課題の出来で判断する");
        assert_eq!(found[0], ("採用面接は".to_string(), false));
        assert_eq!(found[1], ("人柄だけで見るのではなく".to_string(), true));
        assert!(
            clauses("採用面接は人柄だけで見るのではなく、課題の出来で判断する")[0].topic_of_next
        );
        // Not the は of a word or of では.
        assert_eq!(topic_marked_by_wa("いまはずっと"), None);
        assert_eq!(topic_marked_by_wa("会議では"), None);
    }

    #[test]
    fn a_negative_that_names_a_kind_rejects_nothing() {
        assert_eq!(negation("承認が不要な経費精算を増やす"), None);
        assert_eq!(negation("何もしなくていい会議を減らす"), None);
        assert_eq!(negation("この承認は不要"), Some(Strength::Cue));
        // A negative before a noun of stance declines.
        assert!(negation("新卒は採らない方針").is_some());
        assert_eq!(negation("夜間の作業はやらない予定"), Some(Strength::Cue));
        // English relative clauses.
        assert_eq!(negation("we wrote up the designs that didn't ship"), None);
        assert_eq!(negation("we kept the checks which don't take long"), None);
        assert!(negation("we concluded that we shouldn't migrate").is_some());
        assert!(negation("we don't publish designs").is_some());
    }

    #[test]
    fn calling_it_needless_or_dead_weight_rejects_it() {
        for clause in [
            "a staging copy of production is a luxury at our size",
            "we phased out the weekly status report",
            "a formal design review is over-engineering for three people",
            "手作業の承認は手間がかかるだけです",
            "専任チームはコストに見合わない",
            "全社研修は見送りました",
        ] {
            assert_eq!(negation(clause), Some(Strength::Cue), "{clause}");
        }
        // Naming a kind of thing to cut is no dismissal.
        assert_eq!(negation("we cut unnecessary meetings"), None);
    }

    #[test]
    fn switched_off_noise_and_the_way_set_aside_reject_it() {
        for clause in [
            "we turned it off after a month",
            "the standup dashboard is mostly noise",
            "page views are a vanity number",
            "canary releases? too risky for us",
            "i'd hold off telling the board",
            "retros turn into finger-pointing",
            "細かく決めると硬直する",
        ] {
            assert_eq!(negation(clause), Some(Strength::Cue), "{clause}");
        }
        let tried = negated("週報も一時期書いてみましたが、誰も読まないのでやめました");
        assert!(tried[0].1, "{tried:?}");
        let another_way =
            negated("チェックリストで採点するやり方もありますが、うちでは合いませんでした");
        assert!(another_way[0].1, "{another_way:?}");
        let worth = negated("team morale is worth more than sticking to the style guide");
        assert_eq!(worth[0], ("team morale is".to_string(), false));
        assert!(worth[1].1, "{worth:?}");
    }

    #[test]
    fn belittled_a_bother_or_too_much_rejects_it() {
        for clause in [
            "週1回の勉強会なんて続かない",
            "2年もかけていられない",
            "設計書を毎回書くのは手間なので",
            "月1回の全体会は多すぎる",
            "we keep the security team at arm's length",
            "a weekly review is too many for us",
            "担当を分けると人が足りない",
        ] {
            assert_eq!(negation(clause), Some(Strength::Cue), "{clause}");
        }
    }

    #[test]
    fn disagreeing_closes_its_own_clause() {
        assert_eq!(
            negation("夜間リリースは事故が増えるので反対です"),
            Some(Strength::Cue)
        );
    }

    #[test]
    fn a_colon_a_purpose_and_never_end_a_clause() {
        let colon = negated("we never froze the code: we shipped every day");
        assert_eq!(colon[0], ("we never froze the code".to_string(), true));
        assert_eq!(colon[1], ("we shipped every day".to_string(), false));
        let purpose = negated("we built one shared queue so teams don't run their own");
        assert_eq!(purpose[0], ("we built one shared queue".to_string(), false));
        assert!(purpose[1].1, "{purpose:?}");
        let never = negated("we ask what failed, never who failed");
        assert_eq!(never[0], ("we ask what failed".to_string(), false));
        assert!(never[1].1, "{never:?}");
    }

    #[test]
    fn a_harm_to_what_a_pronoun_stands_for_rejects_it() {
        let found =
            negated("same with weekly surveys: the moment you announce them, teams game them");
        assert!(found.iter().all(|(_, rejected)| *rejected), "{found:?}");
    }

    #[test]
    fn a_condition_is_not_what_its_negative_consequence_declines() {
        let japanese = negated("重大な脆弱性が残っていたら出荷しません");
        assert_eq!(
            japanese[0],
            ("重大な脆弱性が残っていたら".to_string(), false)
        );
        assert_eq!(japanese[1], ("出荷しません".to_string(), true));
        let english = negated("we don't merge if the build is red");
        assert_eq!(english[0], ("we don't merge".to_string(), true));
        assert_eq!(english[1], ("if the build is red".to_string(), false));
        // A condition that is itself declined stays with its consequence.
        let declined = negated("we wouldn't merge if it isn't reviewed");
        assert_eq!(declined.len(), 1, "{declined:?}");
    }

    #[test]
    fn english_negation_stays_in_its_clause() {
        assert_eq!(
            negated("i wouldn't rewrite it, but i'd carve out services"),
            [
                ("i wouldn't rewrite it".to_string(), true),
                ("but i'd carve out services".to_string(), false)
            ]
        );
        assert!(negated("we don't track mttr, deploy frequency or lead time")[0].1);
        assert!(!negated("not only speed but also quality")[0].1);
        assert!(negated("the business side is someone else's concern")[0].1);
        assert!(!negated("the site doesn't fall over on launch day")[0].1);
        assert!(!negated("not many people can build a team from zero")[0].1);
        assert!(!negated("a second on-call week is not unusual")[0].1);
        assert!(!negated("i check their prices so we're not off the map")[0].1);
        assert_eq!(negation("計画が全社方針とズレていないかを確認する"), None);
        assert_eq!(negation("外資では2,000万円以上も珍しくない"), None);
        assert_eq!(negation("リトライを入れておけば問題ない"), None);
        assert!(negated("a testing culture comes later")[0].1);
        let reason = negated("because we can't hotfix fast, every feature ships behind a flag");
        assert!(reason[0].1 && !reason[1].1, "{reason:?}");
        assert!(!negated("so a change in one module can't break another")[0].1);
        let dashed = negated("hire generalists first — specialists come later");
        assert_eq!(dashed.len(), 2, "{dashed:?}");
        assert!(!dashed[0].1 && dashed[1].1, "{dashed:?}");
        let deferred = negated("culture matters too, but that comes later");
        assert!(deferred.iter().all(|(_, n)| *n), "{deferred:?}");
        let reported = negated("規模で決めるべきだという話もありますが、私は違います");
        assert!(reported[0].1, "{reported:?}");
        assert!(negated("最終判断をPdMに委ねると品質が妥協される")[0].1);
        assert!(!negated("負債の返済は場当たりにしない")[0].1);
        assert!(!negated("運用を属人化させない")[0].1);
        assert!(negated("ctos rarely come up through engineering")[0].1);
        assert!(negated("adrs are just busywork at our size")[0].1);
        assert!(negated("a fixed weekly slot felt like micromanagement")[0].1);
        assert!(negated("仕様を先に凍結するのには反対です")[0].1);
        assert!(negated("quarterly planning is outdated")[0].1);
        assert!(negated("a platform team is premature for twenty engineers")[0].1);
        let contrast = negated("balance the skills, not all backend people");
        assert_eq!(contrast[0], ("balance the skills".to_string(), false));
        assert!(contrast[1].1);
        let without = negated("engineers grow to staff without becoming managers");
        assert_eq!(without[0], ("engineers grow to staff".to_string(), false));
        assert!(without[1].1);
        assert!(negated("without that you can't judge candidates")[0].1);
        // Looking back on it as a mistake rejects what the sentence says was done.
        let regret = negated("we hired fast, without a clear bar, and that hurt us later");
        assert!(regret.iter().all(|(_, negated)| *negated), "{regret:?}");
        let rather = negated("use the strangler pattern rather than a rewrite");
        assert_eq!(rather[0], ("use the strangler pattern".to_string(), false));
        assert!(rather[1].1);
        let rather_than = negated("i'd rather buy a queue than build one");
        assert_eq!(
            rather_than[0],
            ("i'd rather buy a queue".to_string(), false)
        );
        assert!(rather_than[1].1);
        // Setting it aside or keeping it out rejects it.
        assert!(negated("the blockchain buzz i mostly tune out")[0].1);
        assert!(negated("a rewrite is off the table for us")[0].1);
        assert!(negated("we keep feature flags out of the mobile app")[0].1);
        assert!(!negated("we keep the flags in one config file")[0].1);
        // A sentence like the one before rejects what that one rejects.
        let same = negated("i'd skip code freezes. same for release trains: slow and stale.");
        assert!(same.iter().all(|(_, n)| *n), "{same:?}");
        let affirmed = negated("we run code freezes. same for release trains.");
        assert!(affirmed.iter().all(|(_, n)| !n), "{affirmed:?}");
    }

    #[test]
    fn japanese_verb_negatives_and_advice_against() {
        assert!(negated("早くから言わないほうがいい")[0].1);
        assert!(negated("標準化はしない")[0].1);
        assert!(negated("前もって立てる必要はない")[0].1);
        assert_eq!(negation("一気に作り直さず"), Some(Strength::Verb));
        // Obligation and "only" hold ない but affirm.
        assert!(!negated("テストを書かなければならない")[0].1);
        assert!(!negated("計測するしかない")[0].1);
        assert!(!negated("リソースが少ない")[0].1);
        assert!(!negated("ベンダーに依存しなくて済む")[0].1);
        // A verb's negative may reject, but its words still count.
        assert_eq!(negation("誰がやったかを責めない"), Some(Strength::Verb));
        assert_eq!(negation("導入は不要"), Some(Strength::Cue));
        // The negative before て and なる is one too; 「AではなくB」 alone is a contrast.
        assert_eq!(negation("レビューしなくなる"), Some(Strength::Verb));
        assert_eq!(negation("使わなくても回る"), Some(Strength::Verb));
        assert_eq!(negation("単なるエンジニアではなく経営の一員"), None);
        assert_eq!(negation("売上だけでなく顧客満足も見る"), None);
        assert_eq!(negation("使われていないテーブルの削除"), None);
        assert_eq!(negation("誰も責めない文化"), None);
        // Putting it off with は dismisses it; work that can wait is a queue's.
        assert!(negated("スキーマ設計はあとからでいい")[0].1);
        assert!(!negated("メール送信みたいに後でいい処理は溜めて流す")[0].1);
        // Calling it worthless or premature dismisses it; cutting waste does not.
        assert!(negated("カオスエンジニアリングはうちには時期尚早")[0].1);
        assert!(negated("ADRを書くのは時間の無駄")[0].1);
        assert!(negated("design docs are mostly paperwork")[0].1);
        assert!(negated("then every team starts gaming the criteria")[0].1);
        assert!(negated("最初に全員と面談するのはもったいない")[0].1);
        assert!(negated("承認のプロセスも省きたい")[0].1);
        assert!(negated("断った理由を伝えることもしていない")[0].1);
        assert!(negated("nightly shutdowns caused more trouble than they saved")[0].1);
        assert!(negated("ダウンロード数はあまり当てにならないと思う")[0].1);
        assert!(!negated("無駄なインスタンスを止めてコストを下げる")[0].1);
        // Saying it is not in place, or not done at all, rejects it; a problem told by a
        // verb's negative does not.
        assert!(negated("専任のQAチームは置いてなくて")[0].1);
        assert!(negated("カナリアリリースはまだ導入していない")[0].1);
        assert!(negated("オンボーディングはほとんど手をつけてなくて")[0].1);
        assert!(negated("ドキュメント整備は手付かずです")[0].1);
        assert!(!negated("監視を入れてから障害に気づけるようになった")[0].1);
        assert_eq!(negation("ボトルネックが見えていない"), Some(Strength::Verb));
    }

    #[test]
    fn what_is_put_below_the_preferred_way_is_rejected() {
        let wanted = negated("手順を整えるより、まず大きく動きたい");
        assert_eq!(wanted[0], ("手順を整えるより".to_string(), true));
        let topic = negated("最初の採用は、いきなり大人数ではなく、経験のある人を一人");
        assert_eq!(topic[0], ("最初の採用は、".to_string(), false));
        assert_eq!(topic[1], ("いきなり大人数ではなく".to_string(), true));
        let below = negated("ルールを細かく決めるより、現場で話すほうが早い");
        assert_eq!(below[0], ("ルールを細かく決めるより".to_string(), true));
        assert!(!below[1].1, "{below:?}");
        // The adverb より and より with no preferred side reject nothing.
        assert!(
            negated("チームをより強くするほうがいい")
                .iter()
                .all(|(_, n)| !n)
        );
        assert!(negated("例年より採用を増やす").iter().all(|(_, n)| !n));
        let first = negated("品質よりも常にリリース速度を優先している");
        assert!(first[0].1 && !first[1].1, "{first:?}");
    }

    #[test]
    fn disagreeing_with_what_was_reported_rejects_it() {
        let said = negated("people call it a flywheel, but i don't agree");
        assert!(said.iter().all(|(_, n)| *n), "{said:?}");
        let ja = negated("よく「縁の下の力持ち」と言われますが、そうは思いません");
        assert!(ja.iter().all(|(_, n)| *n), "{ja:?}");
        let agreed = negated("people call it a flywheel, and i agree");
        assert!(agreed.iter().all(|(_, n)| !n), "{agreed:?}");
    }

    #[test]
    fn what_others_say_before_a_but_is_not_claimed() {
        let said =
            negated("people always say to pair on everything, but we pair on hard bugs only");
        assert!(said[0].1 && !said[1].1, "{said:?}");
        let ja = negated("設計書は全部書くべきとよく言われますが、うちは要点だけです");
        assert!(ja[0].1 && !ja[1].1, "{ja:?}");
        // Without a "but" the report stands: the speaker may go on to agree.
        let agreed = negated("people say to pair on everything, and they are right");
        assert!(!agreed[0].1, "{agreed:?}");
    }

    #[test]
    fn what_is_done_even_if_and_comes_to_nothing_is_rejected() {
        let wasted = negated("先に基盤を作っても、誰も使わない");
        assert_eq!(wasted.len(), 2, "{wasted:?}");
        assert!(wasted[0].1, "{wasted:?}");
        let allowed = negated("先に基盤を作っても、問題ない");
        assert!(!allowed[0].1, "{allowed:?}");
        // 「いいか分からない」 asks what would do; it allows nothing.
        let lost = negated("先に基盤を作っても、何に使えばいいか分からない");
        assert!(lost[0].1, "{lost:?}");
        assert!(negated("共通化にはこだわりません")[0].1);
        assert!(negated("キルスイッチも用意していなくて")[0].1);
        assert!(negated("weekly demos are mostly theatre")[0].1);
        assert!(negated("i would keep the review cycle as it is")[0].1);
        assert!(negated("承認を取り直すのでスピードが落ちます")[0].1);
        let worry = negated("people worry about lock-in, but that worry is overblown");
        assert!(worry.iter().all(|(_, n)| *n), "{worry:?}");
        assert!(negated("チームの規模に関係なく、全部同じ基盤に乗せる")[0].1);
        assert!(negated("比較検討する時間ももったいない")[0].1);
        assert!(negated("スコアで優先順位をつけるやり方には懐疑的です")[0].1);
        assert!(negated("a pilot team just means doing it twice")[0].1);
        assert!(negated("that changed behaviour more than any training could")[0].1);
    }

    #[test]
    fn a_sentence_opening_on_a_topic_it_calls_a_waste_rejects_it() {
        let ja =
            negated("設計レビューは大企業向けのもので、うちの規模でやっても時間の無駄だと思います");
        assert!(ja.iter().all(|(_, n)| *n), "{ja:?}");
    }

    #[test]
    fn praise_before_a_but_that_declines_rejects_it() {
        let declined = negated("pairing is nice but we have no time for it");
        assert!(declined.iter().all(|(_, n)| *n), "{declined:?}");
        let ja = negated("設計レビューは大事だけど、必須にはしない");
        assert!(ja.iter().all(|(_, n)| *n), "{ja:?}");
        // Without praise, the first clause stands: "we track mttr, but not lead time".
        let tracked = negated("we track mttr but we don't track lead time");
        assert!(!tracked[0].1 && tracked[1].1, "{tracked:?}");
    }

    #[test]
    fn denying_the_topic_is_needed_rejects_the_sentence() {
        let denied = negated("ノーコードはまだ流行りの段階なので、取り入れる必要はない");
        assert!(denied.iter().all(|(_, n)| *n), "{denied:?}");
        let not_a_matter = negated("障害訓練は運用チームの話で、経営が扱うテーマではない");
        assert!(not_a_matter.iter().all(|(_, n)| *n), "{not_a_matter:?}");
        // Not skipping it affirms it; a closing clause with its own topic speaks of that.
        let kept = negated("テストは大事なので、省略しない");
        assert!(!kept[0].1, "{kept:?}");
        let own = negated("設計レビューは続けるので、承認会議は必要ない");
        assert!(!own[0].1, "{own:?}");
        // A practice that decayed into a formality was given up.
        let decayed = negated("評価面談の制度も一度作ったが、誰も見なくて形骸化した");
        assert!(decayed.iter().all(|(_, n)| *n), "{decayed:?}");
    }

    #[test]
    fn calling_it_overkill_or_not_worth_it_rejects_it() {
        for clause in [
            "うちの規模でサービスメッシュはオーバースペック",
            "ペアプロは正直コスパが悪い",
            "社内表彰は手間の割に効果が薄い",
            "そういう発想自体があまりない",
            "設計書は作らなくて、コードを読めばいい",
            "a second approval step kills momentum",
            "honestly a committee is the worst outcome",
            "aligning everyone takes too long",
            "レガシーな部分も課題とは思ってない",
            "KPIはあまり追ってないです",
            "pairing is nice but we have no time for it",
            "全社で統一する気はないです",
            "コードレビューは必須にしていない",
            "障害対応は起きてから考える",
            "どんなにコアな部分でも内製は車輪の再発明",
            "long design meetings just slow everyone down",
        ] {
            assert_eq!(negation(clause), Some(Strength::Cue), "{clause}");
        }
        assert_eq!(
            negation("承認フローを増やすとリリースが止まる"),
            Some(Strength::Cue)
        );
        // A word that holds the letters is not the cue.
        assert_eq!(negation("we hire for skills and curiosity"), None);
    }

    #[test]
    fn doing_it_only_brings_harm_rejects_it() {
        for clause in [
            "ビジネスの言葉に翻訳すると大事なニュアンスが落ちるので",
            "役割分担をきっちり決めると縄張り争いになるから",
            "フォーマットを統一しようとすると誰も書かなくなる",
            "same with dora metrics: the moment you measure them, people game them.",
            "if you write every rule down, the org gets rigid",
            "各チームに好きに選ばせるとすぐにバラバラになる",
            "評価のやり方を人ごとに変えると不公平になる",
            "if you let every team pick its own queue, the stack fragments",
            "新人研修はベテランだけ採れば要らなくなる",
            "段階的に切り替えると並行稼働が長引く",
            "生産性を測り始めるとみんな数字を作りにいく",
        ] {
            assert_eq!(negation(clause), Some(Strength::Cue), "{clause}");
        }
        // Harm from neglect argues for the thing; a conditional with no harm is neutral.
        for clause in [
            "負債を放置すると開発が遅くなる",
            "レビューを省くと誰も品質を見なくなる",
            "if you automate the deploys, releases get faster",
            "自動化するとデプロイが速くなる",
        ] {
            assert_ne!(negation(clause), Some(Strength::Cue), "{clause}");
        }
        // Harm from too much of a thing warns against excess, not against the thing.
        for clause in [
            "会議で合意を取りすぎると決定が遅くなる",
            "手順書を作り過ぎると誰も読まなくなる",
            "if you write too many rules down, the org gets rigid",
        ] {
            assert_ne!(negation(clause), Some(Strength::Cue), "{clause}");
        }
    }

    #[test]
    fn steering_away_and_the_speaker_acting() {
        assert!(avoids("ベンダーロックイン回避"));
        assert!(avoids("moving away from depending on vendors"));
        assert!(!avoids("ベンダーと契約する"));
        assert!(speaker_acts("僕が人とチームで形にする"));
        assert!(!speaker_acts("人とチームで形にする"));
    }

    #[test]
    fn japanese_clauses_turn_at_connectives() {
        let found = negated("戦略を立てても意味がないと思っていて、問題が起きてから対処する");
        assert_eq!(found.len(), 2);
        assert!(found[0].1 && !found[1].1, "{found:?}");
        // 「XではなくY」 rejects X only.
        let found = negated("一つのチームではなく各チームに任せる");
        assert!(found[0].1, "{found:?}");
        // A negation alone after 、 reaches back.
        let found = negated("キャッシュは後回し、ではない");
        assert!(found[0].1, "{found:?}");
        // 「XせずにY」 rejects X only.
        let found = negated("毎回DBに聞かずに結果をメモリに置いて返す");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1 && !found[1].1, "{found:?}");
        assert_eq!(negated("ベンダーに頼らずに済む").len(), 1);
        // Declining to adopt is a cue, and alone after 、 it reaches back.
        assert!(negated("フィーチャートグルは入れません")[0].1);
        assert!(negated("エラーバジェットは使わない")[0].1);
        assert!(negated("アーキテクチャにはVPoEは口を出さない")[0].1);
        assert!(negated("評価は人事に丸投げしている")[0].1);
        let found = negated("トグルはコードが汚れるだけなので、入れないです");
        assert!(found[0].1, "{found:?}");
        // A clause of its own words after the turn does not reach back.
        let found = negated("トグルは便利なので、古い仕組みは使わない");
        assert!(!found[0].1, "{found:?}");
        // A list inside one clause keeps the clause whole.
        assert_eq!(negated("a、b、cはやらない").len(), 1);
    }

    #[test]
    fn a_negation_of_a_pronoun_reaches_back_in_its_sentence() {
        let found = negated(
            "i've tried hackathons, but they turned into pizza nights, so i don't bother with them",
        );
        assert!(found.iter().all(|(_, negated)| *negated), "{found:?}");
        // Without a pronoun the clause before stands.
        let found = negated("i'd hold hackathons, but i don't run pizza nights");
        assert!(!found[0].1, "{found:?}");
        // A pronoun before the negation is its subject, not what it rejects.
        let found = negated("then i bring numbers, so it's not opinion against opinion");
        assert!(!found[0].1, "{found:?}");
    }

    #[test]
    fn conceding_before_dismissing_rejects() {
        let found = negated("chaos engineering sounds nice, but for most companies it's overkill");
        assert!(found.iter().all(|(_, negated)| *negated), "{found:?}");
        assert!(negated("カオスエンジニアリングはうちにはやりすぎ")[0].1);
        assert!(negated("localizing them only creates drift")[0].1);
        assert!(negated("governance mostly slows teams down")[0].1);
        assert!(negated("細かいルールは足かせになる")[0].1);
    }

    #[test]
    fn saying_it_is_not_ones_job_rejects_the_whole_sentence() {
        let found = negated("開発環境まわりはsreチームの仕事なので、vpoeの担当ではないですね");
        assert!(found.iter().all(|(_, negated)| *negated), "{found:?}");
        let found = negated("契約交渉は法務に任せて、私は関わりません");
        assert!(found.iter().all(|(_, negated)| *negated), "{found:?}");
        let found = negated("the dev environment belongs to sre, so it isn't the vpoe's job");
        assert!(found.iter().all(|(_, negated)| *negated), "{found:?}");
        // Only its own sentence.
        let found = negated("i own the hiring plan. payroll isn't my job");
        assert!(!found[0].1 && found[1].1, "{found:?}");
    }
}
