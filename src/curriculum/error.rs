//! What goes wrong loading a curriculum: the curriculum's own error, which the program's error
//! wraps. Each says where (file, line and column) and what to do, in either language.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::file_kind::{Kind, refusal};
use crate::files::io_reason;
use crate::i18n::Lang;

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
        let zh = lang == Lang::Zh;
        match self {
            Error::Unreadable { file, cause } => {
                if zh {
                    format!(
                        "无法读取课程文件 `{file}`：{}；请检查路径，或去掉 --curriculum（以及 \
                         STUDYPLAN_CURRICULUM）以使用内置路线",
                        io_reason(cause, lang)
                    )
                } else {
                    format!(
                        "cannot read the curriculum `{file}`: {}; check the path, or drop \
                         --curriculum (and STUDYPLAN_CURRICULUM) to use the built-in roadmap",
                        io_reason(cause, lang)
                    )
                }
            }
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
            } => match lang {
                Lang::En => format!(
                    "{file}:{line}:{column}: the aliases (`*name`) of this file repeat its text \
                     into more than {limit_mib} MiB once expanded, far more than any curriculum \
                     needs; write the repeated text out where it is needed, or repeat it less"
                ),
                Lang::Zh => format!(
                    "{file}:{line}:{column}: 这个文件的别名（`*name`）展开后会把内容重复成超过 \
                     {limit_mib} MiB，远超任何课程所需；请把重复的文字直接写在需要的地方，或少重复几次"
                ),
            },
            Error::Invalid { file, problems } => {
                let mut out = if zh {
                    format!("课程 `{file}` 有 {} 个问题：", problems.len())
                } else if problems.len() == 1 {
                    format!("the curriculum `{file}` has 1 problem:")
                } else {
                    format!("the curriculum `{file}` has {} problems:", problems.len())
                };
                for problem in problems {
                    out.push_str("\n  ");
                    out.push_str(&problem.located(file, lang));
                }
                out.push_str(&match lang {
                    Lang::En => {
                        format!(
                            "\nfix them and check again with `studyplan curriculum check {file}`"
                        )
                    }
                    Lang::Zh => format!("\n改正后可用 `studyplan curriculum check {file}` 再检查"),
                });
                out
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
