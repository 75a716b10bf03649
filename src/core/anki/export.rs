//! mensetsu's decks as an Anki package: one note of the mensetsu note type per card, its
//! deck under the deck's title, and with the history, each card's scheduling and every
//! answer that counts as a line of Anki's `revlog`, so that Anki's FSRS, computing the
//! memory state from that history, starts where mensetsu is.

use super::collection::{self, NotetypeLayout, WriteOptions};
use super::package;
use super::{
    AnkiCard, AnkiCollection, AnkiDeck, AnkiError, AnkiNote, AnkiNotetype, AnkiReview, RevlogKind,
};
use crate::core::collection::Collection;
use crate::core::content::deck::{Card, Deck, Lang, Localized};
use crate::core::content::export::{ANKI_GUID_PREFIX, anki_tags};
use crate::core::review::days;
use crate::core::review::scheduler::{CardState, Phase, Rating};
use crate::core::settings::ContentLanguage;
use crate::core::speech::recordings;
use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// The mensetsu note type's name and fields, in order. [`super::import`] knows a package's
/// note as mensetsu's by these.
pub const NOTETYPE_NAME: &str = "mensetsu";
pub const FIELDS: [&str; 6] = [
    "Question ja",
    "Question en",
    "Points ja",
    "Points en",
    "Source",
    "mensetsu id",
];
/// The index of the card id among [`FIELDS`].
pub const ID_FIELD: usize = 5;
/// Fixed, so that a later export's note type is the one Anki already has, and its notes
/// update in place.
const NOTETYPE_ID: i64 = 1_700_000_000_000;

/// `class` of a point drawn from a guide's body (the app's "from the guide" marker) and of
/// the user's own point, on its `<li>`: how the template styles them and how an import
/// tells them apart from the deck's points.
pub const DERIVED_CLASS: &str = "derived";
pub const OWN_CLASS: &str = "own";

/// A written package and what it holds.
#[derive(Debug)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub notes: usize,
    pub reviews: usize,
    /// Recordings carried as media.
    pub recordings: usize,
    /// Recordings an exported answer names that could not be read, left out of the
    /// package (their answers are not listed on the card); the rest is exported.
    pub skipped_recordings: Vec<SkippedRecording>,
}

/// A recording left out of a package, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRecording {
    pub file: PathBuf,
    pub reason: String,
    /// The file is simply not here (deleted, or not yet synced): no fault of the file.
    pub missing: bool,
}

/// What a package carries besides the notes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Contents {
    /// Each card's scheduling and its answers (Anki's review log).
    pub history: bool,
    /// Each card's recorded answers as Anki media, listed with their dates and grades on
    /// the back of the card. Off, the package is exactly what it was before recordings
    /// existed: recordings are private, and leave the computer only when asked.
    pub recordings: bool,
}

/// The decks `deck_ids` of `collection` as an `.apkg`. `language` picks the language the
/// cards show in Anki (both are in the fields); `contents` says whether the scheduling,
/// the answers and the recordings go with them. `now` is the moment of the export.
pub fn package(
    collection: &Collection,
    deck_ids: &[String],
    language: ContentLanguage,
    contents: Contents,
    now: DateTime<FixedOffset>,
) -> Result<Exported, AnkiError> {
    let with_history = contents.history;
    let rollover = collection.settings().day_rollover_hour;
    let today = days::study_day(now, rollover);
    let day_zero = days::start_of_study_day(today, rollover, *now.offset()).unwrap_or(now);
    let mut anki = AnkiCollection {
        notetypes: vec![AnkiNotetype {
            id: NOTETYPE_ID,
            name: NOTETYPE_NAME.to_string(),
            fields: FIELDS.iter().map(|field| field.to_string()).collect(),
        }],
        ..AnkiCollection::default()
    };
    let mut taken_ids = FxHashSet::default();
    let mut card_numbers: FxHashMap<&str, i64> = FxHashMap::default();
    let mut media = Media::default();
    for deck_id in deck_ids {
        let Some(loaded) = collection.decks().find_deck(deck_id) else {
            continue;
        };
        let deck = &loaded.deck;
        let anki_deck = unique_id(&mut taken_ids, &format!("deck:{}", deck.id));
        anki.decks.push(AnkiDeck {
            id: anki_deck,
            name: deck_title(deck, language),
        });
        for (position, card) in deck.cards.iter().enumerate() {
            let id = unique_id(&mut taken_ids, &card.id);
            card_numbers.insert(card.id.as_str(), id);
            let mut fields = fields(deck, card, collection.own_points(&card.id));
            if contents.recordings {
                add_recordings(&mut fields, collection, &card.id, language, &mut media);
            }
            anki.notes.push(AnkiNote {
                id,
                guid: format!("{ANKI_GUID_PREFIX}{}", card.id),
                notetype: NOTETYPE_ID,
                tags: anki_tags(&deck.role, &card.tags),
                fields,
            });
            let mut anki_card = AnkiCard {
                id,
                note: id,
                deck: anki_deck,
                ord: 0,
                kind: 0,
                queue: 0,
                due: position as i64 + 1,
                interval: 0,
                factor: 0,
                reps: 0,
                lapses: 0,
                left: 0,
                data: "{}".to_string(),
            };
            if with_history {
                schedule(&mut anki_card, collection, &card.id, day_zero, rollover);
            }
            anki.cards.push(anki_card);
        }
    }
    if with_history {
        anki.revlog = revlog(collection, &card_numbers);
    }
    let reviews = anki.revlog.len();
    let notes = anki.notes.len();
    let options = WriteOptions {
        created_secs: day_zero.timestamp(),
        now_millis: now.timestamp_millis(),
        layout: layout(language),
        fsrs_parameters: collection.scheduler().parameters().to_vec(),
        desired_retention: collection.scheduler().config().desired_retention,
        rollover_hour: rollover,
    };
    let sqlite = collection::write(&anki, &options)?;
    Ok(Exported {
        bytes: super::package::pack_with_media(&sqlite, &media.files)?,
        notes,
        reviews,
        recordings: media.files.len(),
        skipped_recordings: media.skipped,
    })
}

/// The recordings gathered for a package.
#[derive(Debug, Default)]
struct Media {
    files: Vec<package::Media>,
    /// The names in `files`, so a recording is carried once.
    names: FxHashSet<String>,
    skipped: Vec<SkippedRecording>,
}

/// Lists the card's recorded answers, newest first as in the app's card history, after
/// the points the card's back shows, and gathers their files into `media`.
///
/// They go into a points field rather than a field of their own: a seventh field would
/// change the note type's fields, and Anki then no longer updates the notes an earlier
/// export brought in (an import matches a note by its GUID only while the note type's
/// fields are the same), and an export without recordings must stay what it was. The
/// field chosen is the card language's, the one the template shows first, so the list
/// shows once. mensetsu's import
/// reads only a points field's `<li>` items, so the list never comes back as points.
fn add_recordings(
    fields: &mut [String],
    collection: &Collection,
    card_id: &str,
    language: ContentLanguage,
    media: &mut Media,
) {
    let lang = language.order().0;
    let mut lines = Vec::new();
    let answers: Vec<_> = collection
        .history(card_id)
        .filter_map(|replayed| {
            let record = replayed.record;
            record
                .spoken
                .map(|spoken| (record.at, record.rating, spoken))
        })
        .collect();
    for (at, rating, spoken) in answers.into_iter().rev() {
        let name = format!("{}.wav", spoken.recording);
        if !media.names.contains(&name) {
            let Some(path) = recordings::path(collection.data_dir(), &spoken.recording) else {
                media.skipped.push(SkippedRecording {
                    file: collection.data_dir().recordings_dir().join(&name),
                    reason: "not a recording's name".to_string(),
                    missing: false,
                });
                continue;
            };
            match std::fs::read(&path) {
                Ok(bytes) => {
                    media.names.insert(name.clone());
                    media.files.push(package::Media {
                        name: name.clone(),
                        bytes,
                    });
                }
                Err(error) => {
                    media.skipped.push(SkippedRecording {
                        file: path,
                        reason: error.to_string(),
                        missing: error.kind() == std::io::ErrorKind::NotFound,
                    });
                    continue;
                }
            }
        }
        lines.push(format!(
            "[sound:{name}] {} {} ({})",
            at.format("%Y-%m-%d %H:%M"),
            grade(rating, lang),
            crate::core::text::clock_ms(spoken.speech_ms)
        ));
    }
    if lines.is_empty() {
        return;
    }
    let heading = match lang {
        Lang::Ja => "声の回答",
        Lang::En => "Answers given aloud",
    };
    let list = format!(
        "<div class=\"{RECORDINGS_CLASS}\"><b>{heading}</b><br>{}</div>",
        lines.join("<br>")
    );
    // The points fields hold every point, a point without that language in the other
    // (see `points_html`), so the card language's field is never empty while the
    // other's is full: it is the one the template shows.
    let shown = match lang {
        Lang::Ja => 2,
        Lang::En => 3,
    };
    if let Some(field) = fields.get_mut(shown) {
        field.push_str(&list);
    }
}

/// `class` of the list of recorded answers in a points field.
pub const RECORDINGS_CLASS: &str = "recordings";

/// A grade as Anki's buttons name it.
fn grade(rating: Rating, lang: Lang) -> &'static str {
    match (lang, rating) {
        (Lang::Ja, Rating::Again) => "もう一度",
        (Lang::Ja, Rating::Hard) => "難しい",
        (Lang::Ja, Rating::Good) => "正解",
        (Lang::Ja, Rating::Easy) => "簡単",
        (Lang::En, Rating::Again) => "Again",
        (Lang::En, Rating::Hard) => "Hard",
        (Lang::En, Rating::Good) => "Good",
        (Lang::En, Rating::Easy) => "Easy",
    }
}

/// A positive id that stays the same from one export to the next (notes and cards keep
/// their Anki ids, so a newer export updates them), unique within the package.
fn unique_id(taken: &mut FxHashSet<i64>, key: &str) -> i64 {
    // FNV-1a: stable across Rust versions, unlike the standard hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Below 2^52 keeps the id exact in JavaScript, which Anki's screens use; from 10^12
    // up, away from the small ids of Anki's own defaults.
    let mut id = 1_000_000_000_000 + (hash % (1 << 50)) as i64;
    while !taken.insert(id) {
        id += 1;
    }
    id
}

fn deck_title(deck: &Deck, language: ContentLanguage) -> String {
    let title = deck.title.get(language.order().0).trim();
    let title = if title.is_empty() {
        deck.id.as_str()
    } else {
        title
    };
    // `::` would make a sub-deck; a line break a strange name.
    title
        .replace("::", ":")
        .split(['\t', '\n', '\r', '\x1f'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn fields(deck: &Deck, card: &Card, own_points: &[String]) -> Vec<String> {
    let source = deck
        .source
        .as_ref()
        .map(|source| match &source.section {
            Some(section) => format!("{} — {}", source.file, section),
            None => source.file.clone(),
        })
        .unwrap_or_default();
    vec![
        escape_html(card.question.exact(Lang::Ja).unwrap_or("")),
        escape_html(card.question.exact(Lang::En).unwrap_or("")),
        points_html(card, own_points, Lang::Ja),
        points_html(card, own_points, Lang::En),
        escape_html(&source),
        escape_html(&card.id),
    ]
}

/// The points as a list in `lang` (a point without that language shows the other), a
/// derived point with the app's marker, then the user's own points with theirs.
fn points_html(card: &Card, own_points: &[String], lang: Lang) -> String {
    if card.points.is_empty() && own_points.is_empty() {
        return String::new();
    }
    let mut html = String::from("<ul>");
    for point in &card.points {
        if point.derived {
            let marker = match &point.from {
                Some(from) => from.marker.get(lang).to_string(),
                None => from_the_guide(lang).to_string(),
            };
            let _ = write!(
                html,
                "<li class=\"{DERIVED_CLASS}\">{} <i>({})</i></li>",
                escape_html(point.text.get(lang)),
                escape_html(&marker)
            );
        } else {
            let _ = write!(html, "<li>{}</li>", escape_html(point.text.get(lang)));
        }
    }
    for own in own_points {
        let marker = match lang {
            Lang::Ja => "自分のポイント",
            Lang::En => "your own point",
        };
        let _ = write!(
            html,
            "<li class=\"{OWN_CLASS}\">{} <i>({marker})</i></li>",
            escape_html(own)
        );
    }
    html.push_str("</ul>");
    html
}

fn from_the_guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "本文より",
        Lang::En => "from the guide",
    }
}

/// The card template: the question in the card language (the other where the card has
/// none), and on the back the points in the same language.
fn layout(language: ContentLanguage) -> NotetypeLayout {
    let (first, second) = language.order();
    let name = |lang: Lang| match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let other = match first {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let (a, b) = (name(first), name(other));
    let either = |kind: &str| {
        format!(
            "{{{{#{kind} {a}}}}}{{{{{kind} {a}}}}}{{{{/{kind} {a}}}}}{{{{^{kind} {a}}}}}{{{{{kind} {b}}}}}{{{{/{kind} {a}}}}}"
        )
    };
    let below = |kind: &str| match second {
        Some(_) => format!(
            "{{{{#{kind} {a}}}}}{{{{#{kind} {b}}}}}<div class=\"second\">{{{{{kind} {b}}}}}</div>{{{{/{kind} {b}}}}}{{{{/{kind} {a}}}}}"
        ),
        None => String::new(),
    };
    let question = format!(
        "<div class=\"question\">{}{}</div>",
        either("Question"),
        below("Question")
    );
    NotetypeLayout {
        answer_format: format!(
            "{{{{FrontSide}}}}\n\n<hr id=answer>\n\n<div class=\"points\">{}{}</div>",
            either("Points"),
            below("Points")
        ),
        question_format: question,
        css: ".card { font-family: sans-serif; font-size: 20px; line-height: 1.5; text-align: left; color: black; background-color: white; }\n\
.question { font-weight: bold; }\n\
.second { color: gray; font-size: 0.8em; }\n\
li.derived i, li.own i { color: gray; }\n\
li.own { color: #2a6; }\n"
            .to_string(),
    }
}

/// Anki's scheduling fields for the card's state now.
fn schedule(
    card: &mut AnkiCard,
    collection: &Collection,
    card_id: &str,
    day_zero: DateTime<FixedOffset>,
    rollover: u32,
) {
    let state = collection.state(card_id);
    let days_from_zero = |at: DateTime<FixedOffset>| {
        (days::study_day(at, rollover) - days::study_day(day_zero, rollover)).num_days()
    };
    let memory =
        |card: &mut AnkiCard, stability: f32, difficulty: f32, last: DateTime<FixedOffset>| {
            card.data = serde_json::json!({
                "s": round(stability),
                "d": round(difficulty),
                "dr": collection.scheduler().config().desired_retention,
                "lrt": last.timestamp(),
            })
            .to_string();
        };
    match &state {
        CardState::New => {}
        CardState::Learning {
            memory: m,
            due,
            answers,
            step,
        } => {
            card.kind = 1;
            card.queue = 1;
            card.due = due.timestamp();
            let steps = collection.scheduler().config().learning_steps_secs.len() as i64;
            card.left = (steps - i64::from(*step)).max(1);
            card.reps = i64::from(answers.reps);
            card.lapses = i64::from(answers.lapses);
            card.factor = 2500;
            memory(card, m.stability, m.difficulty, answers.last_review);
        }
        CardState::Review {
            memory: m,
            due,
            answers,
        } => {
            card.kind = 2;
            card.queue = 2;
            card.due = days_from_zero(*due);
            card.interval = (days::study_day(*due, rollover)
                - days::study_day(answers.last_review, rollover))
            .num_days()
            .max(1);
            card.reps = i64::from(answers.reps);
            card.lapses = i64::from(answers.lapses);
            card.factor = 2500;
            memory(card, m.stability, m.difficulty, answers.last_review);
        }
        CardState::Relearning {
            memory: m,
            due,
            answers,
            step,
        } => {
            card.kind = 3;
            card.queue = 1;
            card.due = due.timestamp();
            card.interval = 1;
            let steps = collection.scheduler().config().relearning_steps_secs.len() as i64;
            card.left = (steps - i64::from(*step)).max(1);
            card.reps = i64::from(answers.reps);
            card.lapses = i64::from(answers.lapses);
            card.factor = 2500;
            memory(card, m.stability, m.difficulty, answers.last_review);
        }
    }
    if collection.marks(card_id).suspended {
        card.queue = -1;
    }
}

fn round(value: f32) -> f64 {
    (f64::from(value) * 10_000.0).round() / 10_000.0
}

/// Every answer that counts, of the exported cards, as `revlog` lines. A line's id is
/// the answer's time in milliseconds, as Anki's own; two answers in the same millisecond
/// (on different cards) get the next free one. An import of the package later knows these
/// answers as mensetsu's own by the card and the time ([`super::import`]).
fn revlog(collection: &Collection, cards: &FxHashMap<&str, i64>) -> Vec<AnkiReview> {
    let mut taken = FxHashSet::default();
    // Each card's interval after its previous answer: the next line's `lastIvl`.
    let mut previous: FxHashMap<i64, i64> = FxHashMap::default();
    // Each card's state as the answers so far left it: the replay keeps only the
    // stability of each answer, and a line shows the difficulty too.
    let mut states: FxHashMap<i64, CardState> = FxHashMap::default();
    let scheduler = collection.scheduler();
    let mut lines = Vec::new();
    for replayed in collection.reviews() {
        let Some(&card) = cards.get(replayed.record.card) else {
            continue;
        };
        let state = states.entry(card).or_default();
        *state = scheduler.review(
            replayed.record.card,
            state,
            replayed.record.rating,
            replayed.record.at,
        );
        let (stability, difficulty) = state
            .memory()
            .map_or((0.0, 0.0), |memory| (memory.stability, memory.difficulty));
        let at = replayed.record.at;
        let mut id = at.timestamp_millis();
        while !taken.insert(id) {
            id += 1;
        }
        let kind = match replayed.phase_before {
            Phase::New | Phase::Learning => RevlogKind::Learn,
            Phase::Review => RevlogKind::Review,
            Phase::Relearning => RevlogKind::Relearn,
        };
        // FSRS at 90 % retention: the interval in days is about the stability. Anki's
        // FSRS reads neither field; its statistics show them.
        let interval = stability.round().max(1.0) as i64;
        let last_interval = previous.insert(card, interval).unwrap_or(0);
        let review = AnkiReview {
            id,
            card,
            ease: i64::from(u8::from(replayed.record.rating)),
            interval,
            last_interval,
            factor: (difficulty * 100.0).round() as i64,
            time_ms: replayed.record.duration_ms.map_or(0, |ms| {
                i64::try_from(ms)
                    .unwrap_or(i64::MAX)
                    .min(i64::from(i32::MAX))
            }),
            kind,
        };
        lines.push(review);
    }
    lines
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A localized text from a mensetsu note's two fields, for [`super::import`].
pub fn localized(ja: &str, en: &str) -> Localized {
    let text = |field: &str| {
        let plain = collection::strip_html(&field.replace("<br>", "\n"));
        let plain = plain.trim().to_string();
        (!plain.is_empty()).then_some(plain)
    };
    Localized::new(text(ja), text(en))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::deck::DeckSet;
    use crate::core::paths::DataDir;
    use crate::core::review::log::parse_log;
    use crate::core::review::store::LogSnapshot;
    use crate::core::settings::Settings;
    use std::io::Read;
    use std::path::Path;

    /// `a` has English points only, `b` Japanese ones, `c` none.
    const DECK: &str = r#"{"id":"d","title":{"en":"D"},"cards":[
        {"id":"d-a","question":{"en":"a"},"points":[{"en":"pa"}]},
        {"id":"d-b","question":{"ja":"び"},"points":[{"ja":"ぽ"}]},
        {"id":"d-c","question":{"en":"c"}}]}"#;

    fn spoken(id: &str, card: &str, at: &str, rating: u8, recording: &str) -> String {
        format!(
            r#"{{"id":"{id}","card":"{card}","at":"{at}","rating":{rating},"spoken":{{"recording":"{recording}","speech_ms":75500,"pauses":1,"rate":3.5,"unit":"syllables/s"}}}}"#
        )
    }

    fn collection_of(root: &Path, lines: &[String]) -> Collection {
        let decks = DeckSet::from_sources(vec![("d.json".into(), DECK.into(), false)]);
        let text = lines.join("\n");
        let (records, problems) = parse_log(Path::new("x.jsonl"), text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let log = LogSnapshot::from_records(records, problems);
        Collection::from_parts(DataDir::new(root), decks, Settings::default(), log)
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-21T10:00:00+09:00").unwrap()
    }

    fn export(collection: &Collection, language: ContentLanguage, recordings: bool) -> Exported {
        let contents = Contents {
            history: true,
            recordings,
        };
        package(collection, &["d".to_string()], language, contents, now()).unwrap()
    }

    fn notes(bytes: &[u8]) -> FxHashMap<String, Vec<String>> {
        let unpacked = package::unpack(Path::new("x.apkg"), bytes).unwrap();
        let anki = collection::read(Path::new("x.apkg"), unpacked.entry, &unpacked.sqlite).unwrap();
        anki.notes
            .into_iter()
            .map(|note| (note.fields[ID_FIELD].clone(), note.fields))
            .collect()
    }

    fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut read).unwrap();
        read
    }

    #[test]
    fn recordings_go_as_media_listed_on_the_points_the_card_shows() {
        let dir = tempfile::tempdir().unwrap();
        let recordings = DataDir::new(dir.path()).recordings_dir();
        std::fs::create_dir_all(&recordings).unwrap();
        for name in ["r-1", "r-2", "r-4"] {
            std::fs::write(recordings.join(format!("{name}.wav")), name.as_bytes()).unwrap();
        }
        let lines = [
            spoken("x-1", "d-a", "2026-11-03T09:00:00+09:00", 1, "r-1"),
            spoken("x-2", "d-a", "2026-11-10T09:00:00+09:00", 3, "r-2"),
            // Its file is gone: named as skipped, the rest exported.
            spoken("x-3", "d-b", "2026-11-11T09:00:00+09:00", 3, "r-3"),
            // Undone: neither listed nor carried.
            spoken("x-4", "d-b", "2026-11-12T09:00:00+09:00", 4, "r-4"),
            r#"{"id":"u-1","at":"2026-11-12T09:00:05+09:00","undo":"x-4"}"#.to_string(),
        ];
        let collection = collection_of(dir.path(), &lines);
        let exported = export(&collection, ContentLanguage::Ja, true);
        assert_eq!(exported.recordings, 2);
        let skipped: Vec<&Path> = exported
            .skipped_recordings
            .iter()
            .map(|skipped| skipped.file.as_path())
            .collect();
        assert_eq!(skipped, [recordings.join("r-3.wav")]);
        assert!(exported.skipped_recordings[0].missing, "not here, no fault");
        let map: serde_json::Value =
            serde_json::from_slice(&entry(&exported.bytes, "media")).unwrap();
        assert_eq!(map, serde_json::json!({"0": "r-2.wav", "1": "r-1.wav"}));
        assert_eq!(entry(&exported.bytes, "0"), b"r-2");
        assert_eq!(entry(&exported.bytes, "1"), b"r-1");

        let notes = notes(&exported.bytes);
        // The list follows the points of the card language's field, the one the
        // template shows (a point without Japanese is there in English), newest first.
        assert_eq!(
            notes["d-a"][2],
            "<ul><li>pa</li></ul><div class=\"recordings\"><b>声の回答</b><br>\
[sound:r-2.wav] 2026-11-10 09:00 正解 (1:15)<br>\
[sound:r-1.wav] 2026-11-03 09:00 もう一度 (1:15)</div>"
        );
        assert_eq!(notes["d-a"][3], "<ul><li>pa</li></ul>");
        // `b`'s only recording is missing and its other one undone: nothing listed.
        assert_eq!(notes["d-b"][2], "<ul><li>ぽ</li></ul>");
        assert_eq!(notes["d-c"][2], "");

        // In English, the English points are the ones shown.
        let english = export(&collection, ContentLanguage::En, true);
        let notes = super::tests::notes(&english.bytes);
        assert_eq!(notes["d-a"][2], "<ul><li>pa</li></ul>");
        assert!(notes["d-a"][3].contains(
            "<b>Answers given aloud</b><br>[sound:r-2.wav] 2026-11-10 09:00 Good (1:15)"
        ));
    }

    #[test]
    fn without_recordings_the_package_is_what_it_was_before_them() {
        let dir = tempfile::tempdir().unwrap();
        let recordings = DataDir::new(dir.path()).recordings_dir();
        std::fs::create_dir_all(&recordings).unwrap();
        std::fs::write(recordings.join("r-1.wav"), b"RIFF").unwrap();
        let with_spoken = [spoken("x-1", "d-a", "2026-11-03T09:00:00+09:00", 3, "r-1")];
        // The same answer as logged before answers could be given aloud.
        let typed = [
            r#"{"id":"x-1","card":"d-a","at":"2026-11-03T09:00:00+09:00","rating":3}"#.to_string(),
        ];
        let before = export(
            &collection_of(dir.path(), &typed),
            ContentLanguage::Ja,
            false,
        );
        let spoken_but_not_asked = export(
            &collection_of(dir.path(), &with_spoken),
            ContentLanguage::Ja,
            false,
        );
        assert_eq!(spoken_but_not_asked.bytes, before.bytes);
        assert_eq!(spoken_but_not_asked.recordings, 0);
        // Asked, but nothing was recorded: the same bytes too.
        let asked_but_none = export(
            &collection_of(dir.path(), &typed),
            ContentLanguage::Ja,
            true,
        );
        assert_eq!(asked_but_none.bytes, before.bytes);
        assert_eq!(entry(&before.bytes, "media"), b"{}");
    }
}
