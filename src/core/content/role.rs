//! The roles decks prepare for, in one table: the id a deck file names, the label in each
//! language, the names a guide calls the role by, and whether a mock interview asks about
//! it unless the user chooses otherwise. The decks screen, the statistics, the mock
//! interview and the importer all read this table; a new role is one more entry.

use crate::core::content::deck::Lang;

pub struct Role {
    /// What a deck's `role` field holds.
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    /// How a guide names the role (lower case, matched as whole words): the importer
    /// guesses a guide's role from these. Empty for a role no guide is about.
    pub named_as: &'static [&'static str],
    /// Asked about in a mock interview unless the user chooses otherwise: the interview
    /// roles are, the background knowledge is not (its questions are not interview ones).
    pub in_mock_by_default: bool,
}

/// Known roles, in the order a candidate thinks of them; decks of any other role come
/// after these.
pub const ROLES: &[Role] = &[
    Role {
        id: "vpoe",
        ja: "VPoE",
        en: "VPoE",
        named_as: &["vpoe", "vp of engineering", "vice president of engineering"],
        in_mock_by_default: true,
    },
    Role {
        id: "hoe",
        ja: "Head of Engineering（技術部門責任者）",
        en: "Head of Engineering",
        named_as: &["hoe", "head of engineering"],
        in_mock_by_default: true,
    },
    Role {
        id: "cto",
        ja: "CTO",
        en: "CTO",
        named_as: &["cto", "chief technology officer", "最高技術責任者"],
        in_mock_by_default: true,
    },
    Role {
        id: "fundamentals",
        ja: "役割の基礎知識",
        en: "Role fundamentals",
        named_as: &[],
        in_mock_by_default: false,
    },
];

/// The role of a deck that names none.
pub const OTHER: &str = "other";

pub fn find(id: &str) -> Option<&'static Role> {
    ROLES.iter().find(|role| role.id == id)
}

/// The role's name in `lang`; a role not in [`ROLES`] is shown by its id.
pub fn label(id: &str, lang: Lang) -> &str {
    match (find(id), lang) {
        (Some(role), Lang::Ja) => role.ja,
        (Some(role), Lang::En) => role.en,
        (None, Lang::Ja) if id == OTHER => "その他",
        (None, Lang::En) if id == OTHER => "Other",
        (None, _) => id,
    }
}

/// Where decks of the role are listed: known roles in table order, then every other
/// role (the caller breaks ties by id).
pub fn rank(id: &str) -> usize {
    ROLES
        .iter()
        .position(|role| role.id == id)
        .unwrap_or(ROLES.len())
}

/// The roles a choice of roles offers (the mock interview's, an interview's): the known
/// ones in table order, then every other role a deck names, sorted (imported and new
/// decks are "other" until the user names one), so that every deck can be chosen.
pub fn offered<'a>(deck_roles: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut roles: Vec<&str> = ROLES.iter().map(|role| role.id).collect();
    for id in deck_roles {
        if !roles.contains(&id) {
            roles.push(id);
        }
    }
    roles[ROLES.len()..].sort_unstable();
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_a_deck_names_is_offered_once_after_the_known_ones() {
        let offered = offered(["vpoe", "other", "designer", "other", "cto"]);
        let known: Vec<&str> = ROLES.iter().map(|role| role.id).collect();
        assert_eq!(offered[..known.len()], known[..]);
        assert_eq!(offered[known.len()..], ["designer", "other"]);
    }

    #[test]
    fn labels_and_order() {
        assert_eq!(label("hoe", Lang::En), "Head of Engineering");
        assert_eq!(label("other", Lang::Ja), "その他");
        assert_eq!(label("designer", Lang::En), "designer");
        assert!(rank("vpoe") < rank("fundamentals"));
        assert_eq!(rank("designer"), rank("other"));
        let ids: Vec<&str> = ROLES.iter().map(|role| role.id).collect();
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids, unique);
    }
}
