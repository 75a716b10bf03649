//! What the user did and what it means: the append-only review log ([`log`]) and the
//! store that writes it ([`store`]), its answers held compactly ([`table`]), the FSRS scheduler ([`scheduler`]) with its study
//! days ([`days`]), and the replay of the log through the scheduler ([`progress`]).

pub mod compact;
pub mod days;
pub mod fit;
pub mod log;
pub mod marks;
pub mod progress;
pub mod rfc3339;
pub mod scheduler;
pub mod store;
pub mod table;
