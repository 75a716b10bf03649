//! `import` and `check`.

use super::GlobalOptions;
use std::ffi::OsString;
use std::process::ExitCode;

pub fn import(_options: &GlobalOptions, _args: &[OsString]) -> ExitCode {
    eprintln!("mensetsu import: not implemented yet");
    ExitCode::FAILURE
}

pub fn check(_options: &GlobalOptions, _args: &[OsString]) -> ExitCode {
    eprintln!("mensetsu check: not implemented yet");
    ExitCode::FAILURE
}
