use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let (options, rest) = match mensetsu::cli::split_global_options(args) {
        Ok(split) => split,
        Err(message) => {
            eprintln!("mensetsu: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(code) = mensetsu::cli::run(&options, &rest) {
        return code;
    }
    eprintln!("mensetsu: the app is not built yet; see `mensetsu help`");
    ExitCode::FAILURE
}
