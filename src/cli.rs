//! The command line: clap definitions only. The doc comments are the help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

mod zh;

/// Track your progress through a study plan: mark topics done and see how close you are to ready.
///
/// Ships with a four-stage, 90-day LLM learning roadmap (41 topics). Finishing 60-70% of it means
/// you are getting ready; finishing everything within 15 days makes you a genius (天才).
/// Run with no command to see your status.
#[derive(Debug, Parser)]
#[command(
    name = "studyplan",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Name a topic by its id (why-rag), its position (2.4), or a piece of its \
title in either language (思维链, vllm).\nProgress is kept in one plain-text file; see --store."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that work before or after any command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Follow this curriculum YAML file instead of the built-in LLM roadmap [env:
    /// STUDYPLAN_CURRICULUM]
    // The variables are read by `config`, where set-but-empty counts as unset, as for the others.
    #[arg(long, global = true, value_name = "FILE")]
    pub curriculum: Option<PathBuf>,

    /// Keep progress in this file [env: STUDYPLAN_STORE] [default: studyplan/progress.yaml in your
    /// data folder]
    #[arg(long, global = true, value_name = "FILE")]
    pub store: Option<PathBuf>,

    /// Language of the interface [default: from STUDYPLAN_LANG, then the locale, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show progress per stage, the readiness verdict and what to study next (the default)
    Status {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },

    /// List the topics with their position, id, title and state
    #[command(visible_alias = "ls")]
    List {
        /// Only this stage: its number, id or a piece of its title
        stage: Option<String>,

        /// Only topics in this state
        #[arg(long, value_enum)]
        state: Option<StateFilter>,

        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },

    /// Show the topic to study next: one in progress, else the first not started
    Next {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Mark topics done
    Done(Topics),

    /// Mark topics as in progress
    Start(Topics),

    /// Skip topics: they count as covered, never as done
    Skip(Topics),

    /// Return topics to not started
    Undo(Topics),

    /// Set the day the plan starts (day 1 of its calendar)
    ///
    /// Without it, the plan starts on the day of its first recorded change.
    Begin {
        /// The start date, YYYY-MM-DD [default: today]
        #[arg(value_parser = parse_date, value_name = "DATE")]
        date: Option<NaiveDate>,
    },

    /// Attach a dated note to a topic
    Note {
        /// The topic, by id, position (2.4) or a piece of the title
        #[arg(value_name = "TOPIC")]
        topic: String,

        /// The note; several words are joined with spaces
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },

    /// Show everything about one topic: titles, stage, position, state, history and notes
    Show {
        /// The topic, by id, position (2.4) or a piece of the title
        #[arg(value_name = "TOPIC")]
        topic: String,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Print the history of changes, newest first
    Log {
        /// Only this stage: its number, id or a piece of its title
        stage: Option<String>,

        /// Only changes on or after this date, YYYY-MM-DD
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        since: Option<NaiveDate>,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Write a report to share: a Markdown checklist, a CSV sheet or JSON
    Report {
        /// The report's format [default: what the --output file's extension says (.md, .csv, .json), else markdown]
        #[arg(long, short, value_enum, value_name = "FORMAT")]
        format: Option<ReportFormat>,

        /// Write the report to this file instead of stdout (`-`); it is replaced whole, never half-written
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Export the built-in curriculum, or check a curriculum file of your own
    #[command(subcommand)]
    Curriculum(CurriculumCommand),

    /// List the plans the store holds progress for, with their progress
    Curricula {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },

    /// Print a completion script for your shell (see the README to install it)
    Completions {
        /// The shell
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

/// What to do with curricula.
#[derive(Debug, Subcommand)]
pub enum CurriculumCommand {
    /// Print the built-in curriculum's YAML, as a start for your own
    Export,

    /// Check a curriculum file: print a summary, or every problem with file:line:column
    Check {
        /// The curriculum YAML file
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// The formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A checklist under stage headings, with the summary on top
    Markdown,
    /// One row per topic, for a spreadsheet (UTF-8 with a byte-order mark)
    Csv,
    /// The `status --json` object plus every topic
    Json,
}

/// The topics a changing command applies to.
#[derive(Debug, Args)]
pub struct Topics {
    /// Topics by id, position (2.4) or a piece of the title; all are changed, or none
    #[arg(required = true, value_name = "TOPIC")]
    pub topics: Vec<String>,

    /// Record the change for this earlier date, YYYY-MM-DD, instead of today
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub on: Option<NaiveDate>,
}

/// Reads a date written `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2026-11-29 (YYYY-MM-DD)"))
}

/// A topic state to filter on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    /// Not started
    Todo,
    /// Started, not finished
    InProgress,
    /// Finished
    Done,
    /// Skipped
    Skipped,
}

/// The command-line definition with its help in `lang`. Parsing is the same in both languages.
pub fn command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => zh::translate(Cli::command()),
    }
}

/// The commonest command lines read without clap: the bare command; `status`, `list` (`ls`) or
/// `next` alone; `done`, `start`, `skip` or `undo` with topics and no option. Building clap's
/// definition of every command and option is a fifth of such a run, and these are what a
/// learner types dozens of times a day. Anything else is left to clap; a test checks that each
/// line reads here as clap reads it.
pub fn quick_parse(argv: &[std::ffi::OsString]) -> Option<Cli> {
    let command = match argv.get(1..)? {
        [] => None,
        [word, topics @ ..] if !topics.is_empty() => {
            // Topics only: nothing clap would read as an option, or a value it would refuse.
            let topics = topics
                .iter()
                .map(|topic| {
                    let topic = topic
                        .to_str()
                        .filter(|t| !t.is_empty() && !t.starts_with('-'));
                    topic.map(str::to_owned)
                })
                .collect::<Option<Vec<_>>>()?;
            let topics = Topics { topics, on: None };
            Some(match word.to_str()? {
                "done" => Command::Done(topics),
                "start" => Command::Start(topics),
                "skip" => Command::Skip(topics),
                "undo" => Command::Undo(topics),
                _ => return None,
            })
        }
        [word] => Some(match word.to_str()? {
            "status" => Command::Status { json: false },
            "list" | "ls" => Command::List {
                stage: None,
                state: None,
                json: false,
            },
            "next" => Command::Next { json: false },
            _ => return None,
        }),
        _ => return None,
    };
    let global = GlobalArgs {
        curriculum: None,
        store: None,
        lang: None,
        color: ColorChoice::Auto,
    };
    Some(Cli { global, command })
}

/// The command-line definition for generating a completion script in `lang`: as [`command`],
/// with the values of choice options described in that language too.
pub fn completion_command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => zh::describe_values(command(Lang::Zh)),
    }
}

/// What a request for help (`--help`, `help`, a command without its subcommand) shows in `lang`,
/// when it is not clap's own text (which it is in English).
pub fn help(err: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::ErrorKind;
    match (lang, err.kind()) {
        (
            Lang::Zh,
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
        ) => Some(zh::finish_help(
            &err.render().to_string(),
            crate::config::wrap_width(),
        )),
        _ => None,
    }
}

/// A usage error from clap in `lang`; none when clap's own text is what to show (all help and
/// version output, English, and the rare kinds not translated).
pub fn usage_error(err: &clap::Error, lang: Lang) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::Zh => zh::usage_error(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
        command(Lang::Zh).debug_assert();
    }

    #[test]
    fn the_quick_reading_reads_as_clap_does_or_leaves_it_to_clap() {
        let argv = |words: &[&str]| -> Vec<std::ffi::OsString> {
            std::iter::once("studyplan")
                .chain(words.iter().copied())
                .map(Into::into)
                .collect()
        };
        for words in [
            &[][..],
            &["status"],
            &["list"],
            &["ls"],
            &["next"],
            &["done", "1.1"],
            &["done", "why-rag", "2.4", "思维链"],
            &["start", "x"],
            &["skip", "a", "b"],
            &["undo", "help"],
        ] {
            let quick = quick_parse(&argv(words)).expect("read quickly");
            let clap = Cli::try_parse_from(argv(words)).unwrap();
            assert_eq!(format!("{quick:?}"), format!("{clap:?}"), "{words:?}");
        }
        for words in [
            &["status", "--json"][..],
            &["list", "2"],
            &["--lang", "zh"],
            &["help"],
            &["--help"],
            &["-V"],
            &["stat"],
            &["done"],
            &["done", "--on", "2026-11-01", "1.1"],
            &["done", "1.1", "--on", "2026-11-01"],
            &["done", "-h"],
            &["done", ""],
            &["note", "1.1", "text"],
            &["status", "1.1"],
        ] {
            assert!(quick_parse(&argv(words)).is_none(), "{words:?}");
        }
    }

    #[test]
    fn dates_are_year_month_day() {
        assert_eq!(
            parse_date("2028-02-29"),
            Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap())
        );
        for bad in ["2027-02-29", "2026-11-29T10:00", "29/11/2026", "today", ""] {
            assert!(parse_date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
    }
}
