//! mensetsu: spaced-repetition practice for engineering-leadership interviews.
//!
//! `core` is the pure domain (no egui, no clock reads), `ui` the egui front end and
//! `cli` the headless commands; `audio` reaches the sound server for both.

pub mod audio;
pub mod cli;
pub mod core;
pub mod ui;
