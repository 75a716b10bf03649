//! `cards` and `stats`.

use super::GlobalOptions;
use std::ffi::OsString;
use std::process::ExitCode;

pub fn cards(_options: &GlobalOptions, _args: &[OsString]) -> ExitCode {
    eprintln!("mensetsu cards: not implemented yet");
    ExitCode::FAILURE
}

pub fn stats(_options: &GlobalOptions, _args: &[OsString]) -> ExitCode {
    eprintln!("mensetsu stats: not implemented yet");
    ExitCode::FAILURE
}
