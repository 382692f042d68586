use std::process::ExitCode;

use clap::FromArgMatches as _;
use studyplan::cli::{self, Cli};
use studyplan::error;

fn main() -> ExitCode {
    let argv: Vec<_> = std::env::args_os().collect();
    // Decided before parsing, so that help and usage errors speak the learner's language too.
    let lang = studyplan::config::early_lang(&argv);
    let parsed = match cli::quick_parse(&argv) {
        Some(cli) => Ok(cli),
        None => cli::command(lang)
            .try_get_matches_from(argv)
            .and_then(|matches| Cli::from_arg_matches(&matches)),
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => match cli::usage_error(&err, lang) {
            Some(message) => {
                studyplan::to_stderr(&message);
                return ExitCode::from(2);
            }
            None => match cli::help(&err, lang) {
                // Asked for, on stdout; shown for a command given without its subcommand, on
                // stderr with clap's exit code.
                Some(help) if err.use_stderr() => {
                    studyplan::to_stderr(&help);
                    return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
                }
                Some(help) => {
                    let _ =
                        std::io::Write::write_all(&mut std::io::stdout().lock(), help.as_bytes());
                    return ExitCode::SUCCESS;
                }
                None => err.exit(),
            },
        },
    };
    match studyplan::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if studyplan::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            studyplan::to_stderr(&format!(
                "{}{}\n",
                error::prefix(lang),
                error::describe(&err, lang)
            ));
            ExitCode::from(studyplan::exit_code(&err))
        }
    }
}
