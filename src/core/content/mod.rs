//! What is studied: decks and their cards ([`deck`]), the roles decks prepare for
//! ([`role`]), the importer that turns a role guide into a deck ([`import`]) and the
//! exports for Anki and the FSRS optimizer ([`export`]).

pub mod deck;
pub mod export;
pub mod import;
pub mod role;
pub mod user_decks;
