//! Answers spoken aloud: reading and writing recordings ([`wav`]), where they are kept
//! ([`recordings`]) and measuring how an answer was spoken ([`analysis`]). Pure like the rest of `core`: the sound server is
//! reached elsewhere ([`crate::audio`]), and nothing here reads the clock (a recording's
//! times are counted in samples).

pub mod analysis;
pub mod recordings;
pub mod wav;
