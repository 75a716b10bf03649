//! Files changed on two computers between syncs. Review logs never are: each computer
//! appends to its own. Decks, `settings.json` and `drafts.json` can be, and then the sync
//! tool keeps both versions, the second under a name of its own ([`names`]). Nothing here
//! deletes or merges on its own: [`conflicts`] finds the second versions and says so as
//! problems, [`resolve`] works out a choice (keep one side, or merge a deck card by card,
//! settings setting by setting) and carries it out, moving the other version into
//! `conflicts/resolved/` so the choice can be undone by hand.

pub mod conflicts;
pub mod log_copies;
pub mod names;
pub mod resolve;
