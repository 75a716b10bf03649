//! The egui front end: one screen per file, each a struct that keeps its state while
//! another screen is shown. Screens draw from a [`context::ScreenContext`] and push
//! [`context::Action`]s; after the frame is drawn `app` hands each to the screen that owns
//! it, which applies it through the core ([`context::View`]).

pub mod app;
pub mod browse_screen;
pub mod conflict_screen;
pub mod context;
pub mod deck_editor_screen;
pub mod decks_screen;
pub mod file_dialog;
mod fonts;
pub mod ime;
pub mod import_panel;
pub mod interviews_card;
pub mod kinsoku;
pub mod loading_screen;
pub mod messages;
pub mod mock_screen;
pub mod review_screen;
pub mod settings_screen;
pub mod stats_screen;
pub mod stories_screen;
pub mod strings;
mod theme;
pub mod voice;
pub mod widgets;

pub use app::MensetsuApp;
pub use context::{Action, Clock, InterviewAction, ReviewAction, Screen, SystemClock};
pub use loading_screen::Launch;
pub use theme::{MIN_WINDOW, min_window_points};
