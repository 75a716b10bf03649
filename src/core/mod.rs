//! The pure domain: decks, cards, scheduling, the review log, the data store and stats.
//!
//! Nothing here imports egui/eframe or reads the clock; `now` is always a parameter so
//! every computation can be replayed and tested.

pub mod collection;
pub mod days;
pub mod deck;
pub mod export;
pub mod import;
pub mod log;
pub mod mock;
pub mod paths;
pub mod progress;
pub mod queue;
pub mod scheduler;
pub mod settings;
pub mod stats;
pub mod store;
pub mod text;
