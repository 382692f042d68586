//! `completions`: a completion script for a shell, generated from the command line's definition.

use clap_complete::Shell;

use crate::cli;
use crate::i18n::Lang;

/// The script for `shell`; its descriptions are in `lang` where the shell shows them.
pub fn run(shell: Shell, lang: Lang) -> String {
    let mut command = cli::command(lang);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "studyplan", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}
