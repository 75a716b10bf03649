//! The `mensetsu` binary as the command-line tests run it: on a data folder of the test's
//! own, with just the environment each test file asks for (a device id, a time zone, a
//! locale, a current folder, a umask) and nothing more.

use std::path::Path;
use std::process::{Command, Output};

/// One run of `mensetsu`, built up before it is started.
pub struct Mensetsu {
    command: Command,
}

/// `mensetsu --data-dir <data> …`: the folder named on the command line, which wins over
/// `MENSETSU_DATA_DIR`; the variable is removed all the same, so that the user's own data
/// folder is never touched by a test.
pub fn mensetsu(data: &Path) -> Mensetsu {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mensetsu"));
    command
        .arg("--data-dir")
        .arg(data)
        .env_remove("MENSETSU_DATA_DIR");
    Mensetsu { command }
}

/// `MENSETSU_DATA_DIR=<data> mensetsu …`: the folder named by the environment, as a user
/// who set it once runs every command.
pub fn mensetsu_by_env(data: &Path) -> Mensetsu {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mensetsu"));
    command.env("MENSETSU_DATA_DIR", data);
    Mensetsu { command }
}

/// A user in Tokyo on the device `pc`, the data folder in `MENSETSU_DATA_DIR`: dates are
/// counted in Tokyo's day whatever the machine's zone.
pub fn mensetsu_in_tokyo(data: &Path) -> Mensetsu {
    mensetsu_by_env(data)
        .env("MENSETSU_DEVICE_ID", "pc")
        .env("TZ", "Asia/Tokyo")
}

impl Mensetsu {
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Anything else the command needs before it starts (a umask by `pre_exec`, say).
    pub fn configure(mut self, configure: impl FnOnce(&mut Command)) -> Self {
        configure(&mut self.command);
        self
    }

    /// Runs the command with `args` after the data folder, to the end.
    pub fn run(mut self, args: &[&str]) -> Output {
        self.command.args(args).output().unwrap()
    }

    /// Runs the command with `input` on its standard input.
    pub fn run_with_stdin(mut self, args: &[&str], input: &[u8]) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs the command with its standard output a pipe whose reader has already left,
    /// as `mensetsu … | head -1` leaves once it has its line.
    pub fn run_into_a_closed_pipe(mut self, args: &[&str]) -> Output {
        use std::process::Stdio;
        let mut child = self
            .command
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        child.wait_with_output().unwrap()
    }

    /// Runs the command: its exit code (-1 when a signal ended it), stdout and stderr.
    pub fn run_text(self, args: &[&str]) -> (i32, String, String) {
        let output = self.run(args);
        (
            output.status.code().unwrap_or(-1),
            stdout(&output),
            stderr(&output),
        )
    }
}

/// What the command printed, which must be UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// What the command printed as errors, which must be UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
