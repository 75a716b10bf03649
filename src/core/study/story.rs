//! The user's stories: interview answers at this level are stories, told in STAR form
//! (situation, task, action, result), tagged with the competencies they show and linked to
//! the questions they answer. Derived from the log's story records: the latest version of
//! each story wins (the log is merged by time, then by file, so two computers editing the
//! same story at the same second agree: the higher device id wins).

use crate::core::content::deck::{DeckSet, Lang};
use crate::core::content::role;
pub use crate::core::review::log::StoryContent;
use crate::core::review::log::{self, LoggedRecord, Record, StoryRecord};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::collections::HashMap;

/// A competency a story can show, with its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Competency {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

/// What interviewers for engineering-leadership roles probe, in the order the grid shows.
pub const COMPETENCIES: &[Competency] = &[
    Competency {
        id: "hiring",
        ja: "採用",
        en: "Hiring",
    },
    Competency {
        id: "org-design",
        ja: "組織設計",
        en: "Org design",
    },
    Competency {
        id: "people",
        ja: "育成・評価",
        en: "Growing people",
    },
    Competency {
        id: "incidents",
        ja: "障害対応",
        en: "Incidents",
    },
    Competency {
        id: "strategy",
        ja: "技術戦略",
        en: "Strategy",
    },
    Competency {
        id: "delivery",
        ja: "開発生産性",
        en: "Delivery",
    },
    Competency {
        id: "tech-debt",
        ja: "技術的負債",
        en: "Tech debt",
    },
    Competency {
        id: "budget",
        ja: "予算",
        en: "Budget",
    },
    Competency {
        id: "stakeholders",
        ja: "経営・他部門",
        en: "Stakeholders",
    },
    Competency {
        id: "culture",
        ja: "文化",
        en: "Culture",
    },
];

pub fn competency_label(id: &str, lang: Lang) -> &str {
    match COMPETENCIES.iter().find(|known| known.id == id) {
        Some(known) if lang == Lang::Ja => known.ja,
        Some(known) => known.en,
        None => id,
    }
}

/// A story as its latest version says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub content: StoryContent,
    pub updated_at: DateTime<FixedOffset>,
}

/// `stories --json` has always written every part, empty ones too, and `""` for a story
/// whose language is not stated: unlike a log line, which leaves empty parts out.
impl Serialize for Story {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let content = &self.content;
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("title", &content.title)?;
        map.serialize_entry("situation", &content.situation)?;
        map.serialize_entry("task", &content.task)?;
        map.serialize_entry("action", &content.action)?;
        map.serialize_entry("result", &content.result)?;
        match content.lang {
            Some(lang) => map.serialize_entry("lang", &lang)?,
            None => map.serialize_entry("lang", "")?,
        }
        map.serialize_entry("competencies", &content.competencies)?;
        map.serialize_entry("cards", &content.cards)?;
        map.serialize_entry("updated_at", &self.updated_at)?;
        map.end()
    }
}

/// The stories the log holds, removed ones left out, by title.
pub fn stories_from(records: &[LoggedRecord]) -> Vec<Story> {
    let mut latest: HashMap<&str, &StoryRecord> = HashMap::new();
    for logged in log::in_edit_order(records) {
        if let Record::Story(record) = &logged.record {
            latest.insert(&record.story, record);
        }
    }
    let mut stories: Vec<Story> = latest
        .into_values()
        .filter(|record| !record.removed)
        .map(|record| Story {
            id: record.story.clone(),
            content: record.content.clone(),
            updated_at: record.at,
        })
        .collect();
    stories.sort_by(|a, b| (&a.content.title, &a.id).cmp(&(&b.content.title, &b.id)));
    stories
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoryError {
    #[error("give the story a title")]
    NoTitle,
    #[error("there is no card `{0}`")]
    UnknownCard(String),
    #[error("there is no competency `{0}`; the competencies are {list}", list = competency_ids())]
    UnknownCompetency(String),
    #[error("there is no story `{0}`")]
    UnknownStory(String),
}

fn competency_ids() -> String {
    COMPETENCIES
        .iter()
        .map(|known| known.id)
        .collect::<Vec<_>>()
        .join(", ")
}

impl StoryContent {
    /// What the user entered, with its text trimmed and its lists without repeats, or what is wrong.
    pub fn check(&self, decks: &DeckSet) -> Result<StoryContent, StoryError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(StoryError::NoTitle);
        }
        let mut cards: Vec<String> = Vec::new();
        for card in &self.cards {
            if !decks.contains_card(card) {
                return Err(StoryError::UnknownCard(card.clone()));
            }
            if !cards.contains(card) {
                cards.push(card.clone());
            }
        }
        let mut competencies: Vec<String> = Vec::new();
        for id in &self.competencies {
            if !COMPETENCIES.iter().any(|known| known.id == id) {
                return Err(StoryError::UnknownCompetency(id.clone()));
            }
            if !competencies.contains(id) {
                competencies.push(id.clone());
            }
        }
        Ok(StoryContent {
            title: title.to_string(),
            situation: self.situation.trim().to_string(),
            task: self.task.trim().to_string(),
            action: self.action.trim().to_string(),
            result: self.result.trim().to_string(),
            lang: self.lang,
            competencies,
            cards,
        })
    }
}

/// One row of the grid of roles × competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleCoverage {
    pub role: String,
    /// Per competency (in [`COMPETENCIES`] order): the role's questions with a linked
    /// story that shows it.
    pub per_competency: Vec<(String, usize)>,
    /// The role's questions with at least one linked story.
    pub with_story: usize,
    pub questions: usize,
}

/// Per role (in [`role::ROLES`] order, then other roles): which of its questions have a
/// story, and under which competencies, so the grid shows where stories are missing.
pub fn coverage_grid(decks: &DeckSet, stories: &[Story]) -> Vec<RoleCoverage> {
    let mut linked: HashMap<&str, Vec<&str>> = HashMap::new();
    for story in stories {
        for card in &story.content.cards {
            linked
                .entry(card.as_str())
                .or_default()
                .extend(story.content.competencies.iter().map(String::as_str));
        }
    }
    let mut roles: Vec<String> = Vec::new();
    for loaded in &decks.decks {
        if !roles.contains(&loaded.deck.role) {
            roles.push(loaded.deck.role.clone());
        }
    }
    roles.sort_by_key(|id| (role::rank(id), id.clone()));
    roles
        .into_iter()
        .map(|role_id| {
            let cards: Vec<&str> = decks
                .cards()
                .filter(|(deck, _)| deck.role == role_id)
                .map(|(_, card)| card.id.as_str())
                .collect();
            let per_competency = COMPETENCIES
                .iter()
                .map(|competency| {
                    let count = cards
                        .iter()
                        .filter(|card| {
                            linked
                                .get(*card)
                                .is_some_and(|shown| shown.contains(&competency.id))
                        })
                        .count();
                    (competency.id.to_string(), count)
                })
                .collect();
            let with_story = cards
                .iter()
                .filter(|card| linked.contains_key(*card))
                .count();
            RoleCoverage {
                role: role_id,
                per_competency,
                with_story,
                questions: cards.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::log::parse_log;
    use std::path::Path;

    #[test]
    fn the_latest_version_wins_same_second_ties_go_to_the_higher_device_and_removal_ends_it() {
        let first = br#"{"id":"a-1","at":"2026-12-01T10:00:00+09:00","story":"a-1","title":"Outage","situation":"DB down","cards":["vpoe-q01"],"competencies":["incidents"]}
{"id":"a-2","at":"2026-12-01T11:00:00+09:00","story":"a-1","title":"Outage at Acme","cards":["vpoe-q01"]}
{"id":"a-3","at":"2026-12-01T12:00:00+09:00","story":"a-3","title":"Hiring drive"}
"#;
        let second = br#"{"id":"b-1","at":"2026-12-01T11:00:00+09:00","story":"a-1","title":"Outage (laptop)"}
{"id":"b-2","at":"2026-12-01T13:00:00+09:00","story":"a-3","title":"Hiring drive","removed":true}
"#;
        let (mut records, _) = parse_log(Path::new("a.jsonl"), first);
        records.extend(parse_log(Path::new("b.jsonl"), second).0);
        let merged = crate::core::review::log::merge(records);
        let stories = stories_from(&merged);
        assert_eq!(stories.len(), 1);
        // a-2 and b-1 are at the same second; b.jsonl sorts after a.jsonl.
        assert_eq!(stories[0].content.title, "Outage (laptop)");
    }

    #[test]
    fn a_draft_needs_a_title_and_known_cards_and_competencies() {
        let decks = DeckSet::load(None);
        let draft = |title: &str, card: &str, competency: &str| StoryContent {
            title: title.into(),
            cards: vec![card.into(), card.into()],
            competencies: vec![competency.into()],
            ..StoryContent::default()
        };
        assert_eq!(
            draft(" ", "vpoe-q01", "hiring").check(&decks),
            Err(StoryError::NoTitle)
        );
        assert_eq!(
            draft("t", "nope", "hiring").check(&decks),
            Err(StoryError::UnknownCard("nope".into()))
        );
        assert_eq!(
            draft("t", "vpoe-q01", "karate").check(&decks),
            Err(StoryError::UnknownCompetency("karate".into()))
        );
        let checked = draft(" t ", "vpoe-q01", "hiring").check(&decks).unwrap();
        assert_eq!(checked.title, "t");
        assert_eq!(checked.cards, ["vpoe-q01"]);
    }

    #[test]
    fn the_grid_counts_questions_with_a_story_per_role_and_competency() {
        let decks = DeckSet::load(None);
        let story = Story {
            id: "s".into(),
            content: StoryContent {
                title: "t".into(),
                lang: Some(Lang::En),
                competencies: vec!["hiring".into()],
                cards: vec!["vpoe-q01".into(), "vpoe-q02".into()],
                ..StoryContent::default()
            },
            updated_at: DateTime::default(),
        };
        let grid = coverage_grid(&decks, &[story]);
        let row = &grid[0];
        assert_eq!(row.role, "vpoe");
        assert_eq!((row.with_story, row.questions), (2, 15));
        assert_eq!(row.per_competency[0], ("hiring".to_string(), 2));
        assert_eq!(row.per_competency[1], ("org-design".to_string(), 0));
    }

    #[test]
    fn json_writes_a_language_not_stated_as_empty_text() {
        let story = |lang| Story {
            id: "s".into(),
            content: StoryContent {
                title: "t".into(),
                lang,
                ..StoryContent::default()
            },
            updated_at: DateTime::default(),
        };
        let lang = |lang| serde_json::to_value(story(lang)).unwrap()["lang"].clone();
        assert_eq!(lang(Some(Lang::En)), "en");
        assert_eq!(lang(Some(Lang::Ja)), "ja");
        assert_eq!(lang(None), "");
    }
}
