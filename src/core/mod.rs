//! The pure domain: decks, cards, scheduling, the review log, the data store and stats.
//!
//! Nothing here imports egui/eframe or reads the clock; `now` is always a parameter so
//! every computation can be replayed and tested.
//!
//! - [`content`]: what is studied — decks and cards, the roles they prepare for, the
//!   importer for role guides and the exports to other tools.
//! - [`review`]: what the user did and what it means — the append-only review log, the
//!   store that writes it, the FSRS scheduler and the replay that derives card states.
//! - [`study`]: what to do next and how it went — the study queue, mock interviews and
//!   statistics, all computed from a [`collection::Collection`].
//! - [`speech`]: answers spoken aloud: recordings and how they were spoken.
//! - [`drafts`]: typed work not yet graded, kept in the data folder so a crash does not
//!   lose it (never in the review log).
//! - [`collection`] ties one data folder together ([`load_progress`] tells how far its
//!   loading has got); [`settings`], [`bounds`], [`paths`], [`problem`], [`files`] and
//!   [`text`] are shared by all three.

pub mod anki;
pub mod bounds;
pub mod collection;
pub mod content;
pub mod drafts;
pub mod files;
pub mod load_progress;
pub mod paths;
pub mod problem;
pub mod review;
pub mod settings;
pub mod speech;
pub mod study;
pub mod sync;
#[cfg(test)]
pub mod test_decks;
pub mod text;
