//! What to do next and how it went, computed from a loaded collection: the study queue
//! ([`queue`]), interviews and how ready the user is for them ([`interview`],
//! [`readiness`]), mock interviews ([`mock`]), statistics ([`stats`], talk time and pace in [`talk`]), the time spent on an
//! answer ([`stopwatch`]), what a typed draft covers ([`coverage`]) and how it would
//! sound ([`delivery`]), and the grade the covered points suggest ([`grading`]).

pub mod coverage;
pub mod delivery;
pub mod due_index;
pub mod grading;
pub mod indexed;
pub mod interview;
pub mod interview_plan;
pub mod mock;
pub mod queue;
pub mod readiness;
pub mod scope;
pub mod search;
pub mod simulate;
pub mod stats;
pub mod stopwatch;
pub mod story;
pub mod talk;
