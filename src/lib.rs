//! mensetsu: spaced-repetition practice for engineering-leadership interviews.
//!
//! `core` is the pure domain (no egui, no clock reads), `ui` the egui front end and
//! `cli` the headless commands.

pub mod cli;
pub mod core;
pub mod ui;
