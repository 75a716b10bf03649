//! The egui front end: one screen per file. Screens read the domain and push actions;
//! `app` applies them through the core after the frame is drawn.

pub mod app;
pub mod decks_screen;
mod fonts;
pub mod mock_screen;
mod review_screen;
mod settings_screen;
pub mod stats_screen;
pub mod strings;
mod summary_screen;

pub use app::{Action, Clock, ExportTarget, MensetsuApp, Screen, SystemClock};
pub use review_screen::suggested_rating;
pub use settings_screen::{format_steps, parse_steps};
