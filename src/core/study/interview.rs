//! Interviews the user prepares for: a name, a date and the decks or roles it covers.
//! Each is derived from the log's interview records (the latest version of each wins), so
//! adding, editing and removing one never rewrites anything.

use crate::core::content::deck::{Card, Deck, DeckSet};
use crate::core::content::role;
use crate::core::review::log::{self, InterviewRecord, LoggedRecord, Record};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::HashMap;

/// An interview as its latest record says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    /// Stable across versions.
    pub id: String,
    pub name: String,
    pub date: NaiveDate,
    pub decks: Vec<String>,
    pub roles: Vec<String>,
    /// When it was first added.
    pub added_at: DateTime<FixedOffset>,
}

impl Interview {
    /// Whether the interview covers the cards of `deck`.
    pub fn covers(&self, deck: &Deck) -> bool {
        self.decks.contains(&deck.id) || self.roles.contains(&deck.role)
    }

    /// Its cards, in deck order, each with its deck.
    pub fn cards<'a>(&'a self, decks: &'a DeckSet) -> impl Iterator<Item = (&'a Deck, &'a Card)> {
        // Deck by deck: asking each card whether its deck is covered compared the deck's
        // id with every listed deck 100,000 times at that many cards.
        decks
            .decks
            .iter()
            .map(|loaded| &loaded.deck)
            .filter(|deck| self.covers(deck))
            .flat_map(|deck| deck.cards.iter().map(move |card| (deck, card)))
    }

    /// Still ahead (or today) on study day `today`; after its date it is archived.
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        self.date >= today
    }

    /// Whole days from `today` to the interview; 0 on the day itself.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.date - today).num_days()
    }
}

/// The interviews the log holds, upcoming and past, by date (then name). Removed ones are
/// left out.
pub fn interviews_from(records: &[LoggedRecord]) -> Vec<Interview> {
    let mut latest: HashMap<&str, (&InterviewRecord, DateTime<FixedOffset>)> = HashMap::new();
    for logged in log::in_edit_order(records) {
        if let Record::Interview(record) = &logged.record {
            let added_at = latest
                .get(record.interview.as_str())
                .map_or(record.at, |(_, added_at)| *added_at);
            latest.insert(&record.interview, (record, added_at));
        }
    }
    let mut interviews: Vec<Interview> = latest
        .into_values()
        .filter(|(record, _)| !record.removed)
        .map(|(record, added_at)| Interview {
            id: record.interview.clone(),
            name: record.name.clone(),
            date: record.date,
            decks: record.decks.clone(),
            roles: record.roles.clone(),
            added_at,
        })
        .collect();
    interviews.sort_by(|a, b| (a.date, &a.name, &a.id).cmp(&(b.date, &b.name, &b.id)));
    interviews
}

/// What the user entered for a new or edited interview, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewDraft {
    pub name: String,
    pub date: Option<NaiveDate>,
    pub decks: Vec<String>,
    pub roles: Vec<String>,
}

/// Why an interview cannot be saved as entered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterviewError {
    #[error("give the interview a name, e.g. \"Acme CTO final\"")]
    NoName,
    #[error("give the interview's date, as YYYY-MM-DD")]
    NoDate,
    #[error("the date {date} is in the past (today is {today}); give the day of the interview")]
    DateInPast { date: NaiveDate, today: NaiveDate },
    #[error("there is no deck `{0}`")]
    UnknownDeck(String),
    #[error("there is no role `{0}`; the roles are {roles}", roles = role_ids())]
    UnknownRole(String),
    #[error("choose at least one deck or role for the interview to cover")]
    NothingCovered,
    #[error("the decks and roles chosen hold no cards yet")]
    NoCards,
    #[error("there is no interview `{0}`")]
    UnknownInterview(String),
}

fn role_ids() -> String {
    role::ROLES
        .iter()
        .map(|role| role.id)
        .collect::<Vec<_>>()
        .join(", ")
}

impl InterviewDraft {
    /// The draft as an interview that can be saved, or the first thing wrong with it.
    /// `today` is the current study day: an interview today is fine, one before is not.
    pub fn check(&self, decks: &DeckSet, today: NaiveDate) -> Result<CheckedDraft, InterviewError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(InterviewError::NoName);
        }
        let date = self.date.ok_or(InterviewError::NoDate)?;
        if date < today {
            return Err(InterviewError::DateInPast { date, today });
        }
        let mut deck_ids: Vec<String> = Vec::new();
        for id in &self.decks {
            let id = id.trim();
            if !decks.decks.iter().any(|loaded| loaded.deck.id == id) {
                return Err(InterviewError::UnknownDeck(id.to_string()));
            }
            if !deck_ids.iter().any(|known| known == id) {
                deck_ids.push(id.to_string());
            }
        }
        let mut role_ids: Vec<String> = Vec::new();
        for id in &self.roles {
            let id = id.trim();
            if role::find(id).is_none() && id != role::OTHER {
                return Err(InterviewError::UnknownRole(id.to_string()));
            }
            if !role_ids.iter().any(|known| known == id) {
                role_ids.push(id.to_string());
            }
        }
        if deck_ids.is_empty() && role_ids.is_empty() {
            return Err(InterviewError::NothingCovered);
        }
        let probe = Interview {
            id: String::new(),
            name: name.to_string(),
            date,
            decks: deck_ids,
            roles: role_ids,
            added_at: DateTime::default(),
        };
        if probe.cards(decks).next().is_none() {
            return Err(InterviewError::NoCards);
        }
        Ok(CheckedDraft {
            name: probe.name,
            date,
            decks: probe.decks,
            roles: probe.roles,
        })
    }
}

/// An interview draft that passed [`InterviewDraft::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDraft {
    pub name: String,
    pub date: NaiveDate,
    pub decks: Vec<String>,
    pub roles: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::log::parse_log;
    use std::path::Path;

    fn decks() -> DeckSet {
        DeckSet::from_sources(vec![
            (
                "a.json".into(),
                r#"{"id":"a","role":"cto","title":{"en":"A"},"cards":[{"id":"a1","question":{"en":"q"}}]}"#.into(),
                false,
            ),
            (
                "e.json".into(),
                r#"{"id":"e","title":{"en":"Empty"},"cards":[]}"#.into(),
                false,
            ),
        ])
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn draft(name: &str, date: &str, decks: &[&str], roles: &[&str]) -> InterviewDraft {
        InterviewDraft {
            name: name.into(),
            date: Some(day(date)),
            decks: decks.iter().map(|id| id.to_string()).collect(),
            roles: roles.iter().map(|id| id.to_string()).collect(),
        }
    }

    #[test]
    fn a_draft_is_checked_for_every_mistake_a_user_can_make() {
        let decks = decks();
        let today = day("2026-12-01");
        let check = |draft: InterviewDraft| draft.check(&decks, today);
        assert_eq!(
            check(draft(" ", "2026-12-10", &["a"], &[])),
            Err(InterviewError::NoName)
        );
        assert_eq!(
            check(InterviewDraft {
                date: None,
                ..draft("x", "2026-12-10", &["a"], &[])
            }),
            Err(InterviewError::NoDate)
        );
        assert_eq!(
            check(draft("x", "2026-11-30", &["a"], &[])),
            Err(InterviewError::DateInPast {
                date: day("2026-11-30"),
                today
            })
        );
        assert_eq!(
            check(draft("x", "2026-12-10", &["zz"], &[])),
            Err(InterviewError::UnknownDeck("zz".into()))
        );
        assert_eq!(
            check(draft("x", "2026-12-10", &[], &["ceo"])),
            Err(InterviewError::UnknownRole("ceo".into()))
        );
        assert_eq!(
            check(draft("x", "2026-12-10", &[], &[])),
            Err(InterviewError::NothingCovered)
        );
        assert_eq!(
            check(draft("x", "2026-12-10", &["e"], &[])),
            Err(InterviewError::NoCards)
        );
        let checked = check(draft(
            " Acme CTO final ",
            "2026-12-01",
            &["a", "a"],
            &["cto"],
        ))
        .unwrap();
        assert_eq!(checked.name, "Acme CTO final");
        assert_eq!(checked.decks, vec!["a"]);
        let unknown_role = InterviewError::UnknownRole("x".into()).to_string();
        assert!(
            role::ROLES
                .iter()
                .all(|role| unknown_role.contains(role.id))
        );
    }

    #[test]
    fn the_latest_version_of_an_interview_wins_and_a_removed_one_is_gone() {
        let log = br#"{"id":"d-1","at":"2026-12-01T10:00:00+09:00","interview":"d-1","name":"Acme","date":"2026-12-20","decks":["a"]}
{"id":"d-2","at":"2026-12-01T10:05:00+09:00","interview":"d-2","name":"Beta","date":"2026-12-10","roles":["cto"]}
{"id":"d-3","at":"2026-12-02T08:00:00+09:00","interview":"d-1","name":"Acme final","date":"2026-12-21","decks":["a"]}
{"id":"d-4","at":"2026-12-02T09:00:00+09:00","interview":"d-2","name":"Beta","date":"2026-12-10","removed":true}
"#;
        let (records, problems) = parse_log(Path::new("d.jsonl"), log);
        assert!(problems.is_empty(), "{problems:?}");
        let interviews = interviews_from(&records);
        assert_eq!(interviews.len(), 1);
        assert_eq!(interviews[0].name, "Acme final");
        assert_eq!(interviews[0].date, day("2026-12-21"));
        assert_eq!(
            interviews[0].added_at.to_rfc3339(),
            "2026-12-01T10:00:00+09:00"
        );
        assert!(interviews[0].is_upcoming(day("2026-12-21")));
        assert!(!interviews[0].is_upcoming(day("2026-12-22")));
        assert_eq!(interviews[0].days_left(day("2026-12-19")), 2);
    }

    #[test]
    fn a_damaged_interview_line_is_reported_by_field_and_the_rest_is_kept() {
        let log = br#"{"id":"d-1","at":"2026-12-01T10:00:00+09:00","interview":"d-1","name":"Acme","date":"2026-13-01","decks":["a"]}
{"id":"d-2","at":"2026-12-01T10:05:00+09:00","interview":"d-2","name":"Beta","date":"2026-12-10","roles":"cto"}
{"id":"d-3","at":"2026-12-01T10:06:00+09:00","interview":"d-3","name":"Gamma"}
{"id":"d-4","at":"2026-12-01T10:07:00+09:00","interview":"d-4","name":"Delta","date":"2026-12-11","decks":["a"]}
"#;
        let (records, problems) = parse_log(Path::new("d.jsonl"), log);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("d.jsonl:1")
                && messages[0].contains("`date` should be a day like")
        );
        assert!(
            messages[1].contains("d.jsonl:2") && messages[1].contains("`roles` should be a list")
        );
        assert!(messages[2].contains("d.jsonl:3") && messages[2].contains("no `date`"));
        let interviews = interviews_from(&records);
        assert_eq!(interviews.len(), 1);
        assert_eq!(interviews[0].name, "Delta");
    }
}
