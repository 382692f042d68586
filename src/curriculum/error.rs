//! What goes wrong loading a curriculum: the curriculum's own error, which the program's error
//! wraps. Each says where (file, line and column) and what to do, in either language.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::file_kind::{Kind, refusal};
use crate::files::io_reason;
use crate::i18n::{Lang, Msg};

use super::{Problem, Syntax};

/// Why a curriculum could not be loaded.
#[derive(Debug)]
pub enum Error {
    /// A curriculum file could not be read at all.
    Unreadable { file: String, cause: io::Error },

    /// A curriculum is not well-formed YAML, or a value has the wrong type.
    Syntax {
        file: String,
        location: Option<(usize, usize)>,
        problem: Syntax,
    },

    /// A curriculum's aliases would repeat its text into more than `limit_mib` MiB; `location` is
    /// the alias where it crosses that.
    ExpandsTooMuch {
        file: String,
        location: (usize, usize),
        limit_mib: usize,
    },

    /// A curriculum parsed but breaks the rules.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },

    /// The file is a store or a report, not a curriculum.
    Misplaced { path: PathBuf, found: Kind },
}

impl Error {
    /// The message in `lang`: lowercase, user values in backticks, and what to do next.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Unreadable { file, cause } => lang
                .say(Msg::CurriculumUnreadable {
                    file,
                    reason: &io_reason(cause, lang),
                })
                .into_owned(),
            Error::Syntax {
                file,
                location,
                problem,
            } => {
                let at = match location {
                    Some((line, column)) => format!("{file}:{line}:{column}"),
                    None => file.clone(),
                };
                format!("{at}: {}", problem.message(lang))
            }
            Error::ExpandsTooMuch {
                file,
                location: (line, column),
                limit_mib,
            } => lang
                .say(Msg::ExpandsTooMuch {
                    at: &format!("{file}:{line}:{column}"),
                    limit_mib: *limit_mib,
                })
                .into_owned(),
            Error::Invalid { file, problems } => {
                let problems: Vec<String> = problems
                    .iter()
                    .map(|problem| problem.located(file, lang))
                    .collect();
                let problems: Vec<&str> = problems.iter().map(String::as_str).collect();
                lang.say(Msg::CurriculumInvalid {
                    file,
                    problems: &problems,
                })
                .into_owned()
            }
            Error::Misplaced { path, found } => refusal(path, Kind::Curriculum, *found, lang),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Unreadable { cause, .. } => Some(cause),
            _ => None,
        }
    }
}
