use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = studyplan::cli::Cli::parse();
    match studyplan::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if studyplan::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("studyplan: error: {err:#}");
            ExitCode::from(studyplan::exit_code(&err))
        }
    }
}
