use std::io::Write as _;
use std::process::ExitCode;

use clap::FromArgMatches as _;
use studyplan::cli::{self, Cli};
use studyplan::error;
use studyplan::i18n::Lang;

fn main() -> ExitCode {
    let argv: Vec<_> = std::env::args_os().collect();
    // Asked by a completion script at each TAB; it never fails, and prints nothing when in doubt.
    if let Some(request) = cli::completion_request(&argv) {
        let ids = studyplan::commands::completion_ids(request.shell, &request.words);
        let _ = std::io::stdout().lock().write_all(ids.as_bytes());
        return ExitCode::SUCCESS;
    }
    // Decided before parsing, so that help and usage errors speak the learner's language too.
    let lang = studyplan::config::early_lang(&argv);
    let parsed = match cli::quick_parse(&argv) {
        Some(cli) => Ok(cli),
        None => cli::command(lang)
            .try_get_matches_from(&argv)
            .and_then(|matches| Cli::from_arg_matches(&matches)),
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(mut err) => {
            cli::closest_first(&mut err);
            return show(&err, &argv, lang);
        }
    };
    match studyplan::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if studyplan::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{}{}\n", error::prefix(lang), error::describe(&err, lang));
            studyplan::to_stderr(&message);
            ExitCode::from(studyplan::exit_code(&err))
        }
    }
}

/// Prints help, the version or a usage error instead of running a command. Help and the version
/// go to stdout, so a failure to write them is an error like any other output's.
fn show(err: &clap::Error, argv: &[std::ffi::OsString], lang: Lang) -> ExitCode {
    let (written, code) = match cli::shown(err, argv, lang, studyplan::config::wrap_width()) {
        Some(shown) if shown.to_stderr => {
            studyplan::to_stderr(&shown.text);
            return ExitCode::from(shown.code);
        }
        Some(shown) => {
            let mut out = std::io::stdout().lock();
            let written = out
                .write_all(shown.text.as_bytes())
                .and_then(|()| out.flush());
            (written, shown.code)
        }
        None => (err.print(), u8::try_from(err.exit_code()).unwrap_or(2)),
    };
    match written.map_err(studyplan::output_error) {
        Ok(()) => ExitCode::from(code),
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
