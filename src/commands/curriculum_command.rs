//! `curriculum export` and `curriculum check`: the built-in curriculum as a start for your own,
//! and checking a file. Neither touches the progress store.

use crate::cli::CurriculumCommand;
use crate::curriculum::{self, EMBEDDED_YAML, Source};
use crate::render::{self, Style};

/// Runs a `curriculum` subcommand.
pub fn run(command: CurriculumCommand, style: &Style) -> anyhow::Result<String> {
    Ok(match command {
        CurriculumCommand::Export => EMBEDDED_YAML.to_owned(),
        CurriculumCommand::Check { file } => {
            let loaded = curriculum::load(&Source::File(file))?;
            render::curriculum::summary(&loaded, style)
        }
    })
}
