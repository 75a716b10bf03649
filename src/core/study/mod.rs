//! What to do next and how it went, computed from a loaded collection: the study queue
//! ([`queue`]), mock interviews ([`mock`]), statistics ([`stats`]) and the time spent on an
//! answer ([`stopwatch`]).

pub mod mock;
pub mod queue;
pub mod stats;
pub mod stopwatch;
