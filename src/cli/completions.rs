//! `mensetsu completions`: shell completions, written from the same definitions clap
//! parses with, so they never fall behind the commands.

use clap_complete::Shell;
use std::io::Write;
use std::process::ExitCode;

/// Print a completion script for a shell. For example, for bash:
/// `mensetsu completions bash > ~/.local/share/bash-completion/completions/mensetsu`;
/// for zsh, into a folder of your `$fpath` as `_mensetsu`; for fish:
/// `mensetsu completions fish > ~/.config/fish/completions/mensetsu.fish`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(command: &mut clap::Command, args: &CompletionsArgs) -> ExitCode {
    // Into memory first: clap_complete panics on a failed write, and `| head` closes the
    // pipe early.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, command, "mensetsu", &mut script);
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&script).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mensetsu completions: cannot write to standard output: {error}");
            ExitCode::FAILURE
        }
    }
}
