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

/// Options that work before or after any command. Every command's help lists them after its own,
/// under their own heading.
#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_HEADING)]
pub struct GlobalArgs {
    /// Follow this curriculum YAML file instead of the built-in LLM roadmap [env:
    /// STUDYPLAN_CURRICULUM]
    // The variables are read by `config`, where set-but-empty counts as unset, as for the others.
    #[arg(long, global = true, value_name = "FILE")]
    pub curriculum: Option<PathBuf>,

    /// Keep progress in this file [env: STUDYPLAN_STORE] [default: studyplan/progress.jsonl in your
    /// data folder]
    #[arg(long, global = true, value_name = "FILE")]
    pub store: Option<PathBuf>,

    /// Language of the interface [default: from STUDYPLAN_LANG, then the locale, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// How to draw the lines of tables: ascii for a terminal that draws box-drawing characters
    /// two columns wide (a common CJK setting) [default: from STUDYPLAN_BORDER, else unicode]
    #[arg(long, global = true, value_enum, value_name = "STYLE")]
    pub border: Option<BorderStyle>,

    /// Leave reviews out: no reviews listed by `review`, `today` or `status` [env:
    /// STUDYPLAN_REVIEW=off]
    #[arg(long, global = true)]
    pub no_review: bool,
}

/// How the lines of tables are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum BorderStyle {
    /// Box-drawing characters: ╭─┬─╮ │ ┆
    #[default]
    Unicode,
    /// Plain ASCII: +-+ | =, as wide on every terminal
    Ascii,
}

/// The heading of the global options in help.
const GLOBAL_HEADING: &str = "Global Options";

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
        /// Show the next N topics: those in progress, then the first not started
        #[arg(value_name = "N", value_parser = parse_count)]
        count: Option<u32>,

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

    /// Drop the progress on topic ids this curriculum no longer has
    ///
    /// For a topic that is gone for good. If it was renamed instead, add its old id to the
    /// topic in the curriculum (`was: [OLD-ID]`) and its progress follows. The history keeps
    /// every change: `forget` is recorded as one more, and the changes before it stop counting.
    Forget {
        /// The old topic ids, exactly as the warning names them
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },

    /// Set the day the plan starts (day 1 of its calendar)
    ///
    /// Without it, the plan starts on the day of its first recorded change.
    Begin {
        /// The start date: YYYY-MM-DD (a later day plans the start), today, yesterday or -N (N
        /// days ago) [default: today]
        #[arg(value_parser = parse_date, value_name = "DATE", allow_negative_numbers = true)]
        date: Option<Day>,
    },

    /// Attach a dated note to a topic, or edit or delete one
    ///
    /// A note's id is the first column of `studyplan log` (and beside each note in `studyplan
    /// show`). An edit or a delete is one more change: the history keeps the old text, and
    /// `studyplan revert` undoes it.
    Note {
        /// The topic, by id, position (2.4) or a piece of the title; with --edit, the first word
        /// of the new text
        #[arg(
            value_name = "TOPIC",
            required_unless_present_any = ["edit", "delete"],
            index = 1
        )]
        topic: Option<String>,

        /// The note; several words are joined with spaces. It may start with a dash (`- item`)
        // A note is free text, so a word starting with a dash is part of it. clap takes every
        // word after the first as text; `note` refuses one that is an option (see `is_option`),
        // so an option typed after the text is never recorded in it.
        #[arg(
            value_name = "TEXT",
            allow_hyphen_values = true,
            required_unless_present_any = ["edit", "delete"],
            value_hint = clap::ValueHint::Other,
            index = 2
        )]
        text: Vec<String>,

        /// Record the note for this earlier day instead of today: YYYY-MM-DD, yesterday or -N (N
        /// days ago)
        #[arg(
            long,
            value_parser = parse_date,
            value_name = "DATE",
            allow_negative_numbers = true,
            conflicts_with = "delete"
        )]
        on: Option<Day>,

        /// Replace the text of the note with this id (or the start of it) by TEXT
        #[arg(long, value_name = "ID", conflicts_with = "delete")]
        edit: Option<String>,

        /// Delete the note with this id (or the start of it): it no longer shows
        #[arg(long, value_name = "ID", conflicts_with_all = ["topic", "text"])]
        delete: Option<String>,
    },

    /// Show everything about one topic (titles, description, links, stage, state, history and
    /// notes) or one stage (titles, goal, planned days and dates, progress and topics)
    Show {
        /// A topic by id, position (2.4) or a piece of its title, or a stage by id, number (2) or a
        /// piece of its title. Topic ids and positions are tried first, then stage ids and
        /// numbers, then topic titles, then stage titles
        #[arg(value_name = "TOPIC|STAGE")]
        topic: String,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Show today's agenda: the topics to finish today to be on plan, and the reviews due
    ///
    /// Ahead of the plan, it says by how much and offers the next topic anyway; behind, by how
    /// many topics, and what a week at your pace brings. Past the calendar's end it shows how to
    /// catch up: when your pace reaches the band's low edge (60% on the roadmap), or, with --by
    /// DATE, how many topics a week reach it by then.
    Today {
        /// Say how many topics a week reach the band's low edge (60% on the roadmap) by this
        /// day: YYYY-MM-DD, tomorrow or +N (N days from today)
        #[arg(long, value_parser = parse_later_date, value_name = "DATE")]
        by: Option<Day>,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Review finished topics: list those due today, or record a review of the ones named
    ///
    /// A topic done comes back for review 1, 3, 7, 14, 30 and 60 days later, then every 60 days.
    /// A review moves it to the next interval; --hard keeps the interval, --again goes back to
    /// the first. A review before its day keeps the interval. Reviews never change a topic's
    /// state or the readiness figures. Turn them off with --no-review, STUDYPLAN_REVIEW=off, or
    /// `review: false` in the curriculum.
    Review {
        /// Topics reviewed, by id, position (2.4) or a piece of the title; none lists those due
        #[arg(value_name = "TOPIC")]
        topics: Vec<String>,

        /// It was hard to recall: the same interval again
        #[arg(long, conflicts_with = "again", requires = "topics")]
        hard: bool,

        /// You had forgotten it: back to the first interval
        #[arg(long, requires = "topics")]
        again: bool,

        /// Record the review for this earlier day instead of today: YYYY-MM-DD, yesterday or -N
        /// (N days ago)
        #[arg(
            long,
            value_parser = parse_date,
            value_name = "DATE",
            allow_negative_numbers = true,
            requires = "topics"
        )]
        on: Option<Day>,

        /// Print JSON instead of text (the reviews due)
        #[arg(long, conflicts_with_all = ["topics", "hard", "again", "on"])]
        json: bool,
    },

    /// Show how steady you have been: a heatmap of study days, streaks, topics done per week
    ///
    /// A day counts as a study day when a topic was done or started, a note written or a review
    /// recorded for it; a skip never counts, so a skipped topic never extends a streak (nor do
    /// `undo`, `begin` or `revert`). The current streak is still alive today if yesterday counted.
    /// The heatmap's shades are the changes of a day: · none, ░ 1, ▒ 2-3, ▓ 4-6, █ 7 or more.
    /// Once the plan has a start, a burn-up chart draws the topics done against those the plan
    /// expects, over its calendar, with the readiness band ruled. Dates are local days.
    Stats {
        /// The first day of the heatmap's weeks
        #[arg(long, value_enum, value_name = "DAY", default_value_t = WeekStart::Monday)]
        week_start: WeekStart,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Open the curriculum as a checklist in the terminal, and mark topics with single keys
    ///
    /// Stages with their bars and planned days, topics with their marks, the verdict and
    /// today's agenda on top, the selected topic in full beside them. Keys: arrows or j/k to
    /// move, g/G first and last, PgUp/PgDn, 1-9 a stage; Space done (or back to not started), s
    /// start, x skip, u back to not started, n a note, / search titles and ids (↑/↓ the next
    /// match); ? all keys; q or Esc quits.
    /// Every change is recorded as the commands record it; the view follows the store when
    /// another terminal or a sync changes it.
    Tui,

    /// Print the history of changes, newest first
    Log {
        /// Only this stage: its number, id or a piece of its title
        stage: Option<String>,

        /// Only changes on or after this day: YYYY-MM-DD, today, yesterday or -N (N days ago)
        #[arg(long, value_parser = parse_date, value_name = "DATE", allow_negative_numbers = true)]
        since: Option<Day>,

        /// Only the last N changes (a command that named several topics is one change)
        #[arg(long, short = 'n', value_name = "N", value_parser = parse_count)]
        limit: Option<u32>,

        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Undo a change by its id: it stops counting, and both stay in the log
    ///
    /// `studyplan log` shows each change's id in its first column; a unique start of it is
    /// enough. The history is never edited: the revert is recorded as one more change, and
    /// reverting the revert makes the change count again.
    Revert {
        /// The change's id, or the start of it, as `studyplan log` shows it
        #[arg(value_name = "ID")]
        id: String,
    },

    /// Fold other progress stores into this one: a backup, another machine's copy
    ///
    /// Each change is added once, whichever order stores are merged in and however often; the
    /// files given are only read. Where the histories disagree on a topic, the later change
    /// counts, and both stay in the log.
    Merge {
        /// Store files, of either format (progress.jsonl, or an older progress.yaml)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },

    /// Write a report to share: a Markdown checklist, a CSV sheet, JSON, a web page with charts, or the burn-up chart as SVG
    Report {
        /// The report's format [default: what the --output file's extension says (.md, .csv, .json, .html, .svg), else markdown]
        #[arg(long, short, value_enum, value_name = "FORMAT")]
        format: Option<ReportFormat>,

        /// Write the report to this file instead of stdout (`-`); it is replaced whole, never half-written
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,

        /// Show each topic's notes under it (html and markdown); left out unless asked, as notes may be private
        #[arg(long)]
        notes: bool,
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

    /// Print the paths of the store, its lock, the curriculum in use and the cache
    Where {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },

    /// Print a completion script for your shell; its first lines say how to install it
    Completions {
        /// The shell
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page, to install with `studyplan man > ~/.local/share/man/man1/studyplan.1`
    Man,
}

/// The first day of a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WeekStart {
    /// Weeks run Monday to Sunday
    Monday,
    /// Weeks run Sunday to Saturday
    Sunday,
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

pub use crate::file_kind::ReportFormat;

/// The topics a changing command applies to.
#[derive(Debug, Args)]
pub struct Topics {
    /// Topics by id, position (2.4) or a piece of the title; all are changed, or none
    #[arg(required = true, value_name = "TOPIC")]
    pub topics: Vec<String>,

    /// Record the change for this earlier day instead of today: YYYY-MM-DD, yesterday or -N (N
    /// days ago)
    #[arg(long, value_parser = parse_date, value_name = "DATE", allow_negative_numbers = true)]
    pub on: Option<Day>,
}

/// A day as typed: a date, or so many days before today (`today`, `yesterday`, `-3`), which is
/// known only once the settings are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Day {
    On(NaiveDate),
    DaysAgo(u32),
    DaysAhead(u32),
}

impl Day {
    /// The date, counted from `today`.
    pub fn from(self, today: NaiveDate) -> NaiveDate {
        match self {
            Day::On(date) => date,
            Day::DaysAgo(days) => today
                .checked_sub_days(chrono::Days::new(days.into()))
                .unwrap_or(NaiveDate::MIN),
            Day::DaysAhead(days) => today
                .checked_add_days(chrono::Days::new(days.into()))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// The most days back `-N` counts: far more than any history, far less than the calendar's end.
const MAX_DAYS_AGO: u32 = 100_000;

/// Reads a day: `YYYY-MM-DD`, `today`, `yesterday` (or 今天, 昨天) or `-N`.
fn parse_date(text: &str) -> Result<Day, BadValue> {
    let bad = || BadValue::Date(text.to_owned());
    match text.trim() {
        "today" | "今天" => Ok(Day::DaysAgo(0)),
        "yesterday" | "昨天" => Ok(Day::DaysAgo(1)),
        ago if ago.starts_with('-') => ago[1..]
            .parse()
            .ok()
            .filter(|&days| days <= MAX_DAYS_AGO && ago[1..].bytes().all(|b| b.is_ascii_digit()))
            .map(Day::DaysAgo)
            .ok_or_else(bad),
        date => NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(Day::On)
            .map_err(|_| bad()),
    }
}

/// Reads a later day: `YYYY-MM-DD`, `tomorrow` (明天) or `+N` (N days from today).
fn parse_later_date(text: &str) -> Result<Day, BadValue> {
    let bad = || BadValue::LaterDate(text.to_owned());
    match text.trim() {
        "tomorrow" | "明天" => Ok(Day::DaysAhead(1)),
        ahead if ahead.starts_with('+') => ahead[1..]
            .parse()
            .ok()
            .filter(|&days| days <= MAX_DAYS_AGO && ahead[1..].bytes().all(|b| b.is_ascii_digit()))
            .map(Day::DaysAhead)
            .ok_or_else(bad),
        date => NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(Day::On)
            .map_err(|_| bad()),
    }
}

/// A value typed for a date or a count that is neither; a type of its own, so that a usage error
/// can say so in either language.
#[derive(Debug)]
pub enum BadValue {
    /// Not a date written `YYYY-MM-DD`, nor a day counted back from today.
    Date(String),
    /// Not a date written `YYYY-MM-DD`, nor a day counted on from today.
    LaterDate(String),
    /// Not a whole number of 1 or more.
    Count(String),
}

impl BadValue {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BadValue::Date(text), Lang::En) => format!(
                "`{text}` is not a date like 2026-11-29 (YYYY-MM-DD), `today`, `yesterday` or `-3` \
                 (3 days ago)"
            ),
            (BadValue::Date(text), Lang::Zh) => format!(
                "`{text}` 不是 2026-11-29 这样的日期（YYYY-MM-DD）、`today`、`yesterday` 或 `-3`（3 天前）"
            ),
            (BadValue::LaterDate(text), Lang::En) => format!(
                "`{text}` is not a date like 2026-12-31 (YYYY-MM-DD), `tomorrow` or `+30` (30 days \
                 from today)"
            ),
            (BadValue::LaterDate(text), Lang::Zh) => format!(
                "`{text}` 不是 2026-12-31 这样的日期（YYYY-MM-DD）、`tomorrow` 或 `+30`（30 天后）"
            ),
            (BadValue::Count(text), Lang::En) => {
                format!("`{text}` is not a whole number of 1 or more")
            }
            (BadValue::Count(text), Lang::Zh) => format!("`{text}` 不是 1 或更大的整数"),
        }
    }
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BadValue {}

fn parse_count(text: &str) -> Result<u32, BadValue> {
    text.parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| BadValue::Count(text.to_owned()))
}

/// A topic state to filter on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StateFilter {
    /// Not started
    Todo,
    /// Started, not finished
    // JSON, CSV and the store spell it `in_progress`; both spellings are taken.
    #[value(alias = "in_progress")]
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
        Lang::Zh => zh::lay_out(zh::translate(Cli::command())),
    }
}

/// The command-line definition with its texts in `lang`, for the pages made from it (the manual,
/// completion scripts): as [`command`], without the layout of the help screen, which hides the
/// global options of each command where clap lists its own.
pub fn described_command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => zh::noted(zh::translate(Cli::command())),
    }
}

/// The commonest command lines read without clap: the bare command; `status`, `list` (`ls`),
/// `next`, `today`, `review` or `stats` alone; `done`, `start`, `skip` or `undo` with topics and no option. Building clap's
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
            "next" => Command::Next {
                count: None,
                json: false,
            },
            "today" => Command::Today {
                by: None,
                json: false,
            },
            "review" => Command::Review {
                topics: Vec::new(),
                hard: false,
                again: false,
                on: None,
                json: false,
            },
            "stats" => Command::Stats {
                week_start: WeekStart::Monday,
                json: false,
            },
            _ => return None,
        }),
        _ => return None,
    };
    let global = GlobalArgs {
        curriculum: None,
        store: None,
        lang: None,
        color: ColorChoice::Auto,
        border: None,
        no_review: false,
    };
    Some(Cli { global, command })
}

/// Whether `word`, one word of a command line, is one of the options of the command `name`, its
/// global ones included: `--lang`, `--lang=zh`, `-h`.
pub fn is_option(name: &str, word: &str) -> bool {
    let mut root = Cli::command();
    root.build();
    let Some(command) = root.find_subcommand(name) else {
        return false;
    };
    command.get_arguments().any(|arg| {
        let long = arg.get_long().is_some_and(|long| {
            word.strip_prefix("--")
                .and_then(|rest| rest.strip_prefix(long))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
        });
        let short = arg
            .get_short()
            .is_some_and(|short| word.strip_prefix('-') == Some(short.encode_utf8(&mut [0; 4])));
        long || short
    })
}

/// What a completion script asks at each TAB: `studyplan __complete --shell SHELL -- WORDS...`,
/// with the words typed after `studyplan` and before the one being completed. Not a command for
/// people, so neither help nor the scripts list it; none when `argv` is not such a request.
#[derive(Debug, PartialEq, Eq)]
pub struct CompletionRequest {
    /// The shell asking, which decides how each line is written; none when it is not one of
    /// the shells whose scripts ask.
    pub shell: Option<clap_complete::Shell>,
    /// The words typed so far.
    pub words: Vec<std::ffi::OsString>,
}

/// Reads a [`CompletionRequest`] from `argv`.
pub fn completion_request(argv: &[std::ffi::OsString]) -> Option<CompletionRequest> {
    use clap_complete::Shell;
    if argv.get(1)? != "__complete" {
        return None;
    }
    let shell = match (
        argv.get(2),
        argv.get(3).and_then(|shell| shell.to_str()),
        argv.get(4),
    ) {
        (Some(flag), Some(shell), Some(dashes)) if flag == "--shell" && dashes == "--" => {
            match shell {
                "bash" => Some(Shell::Bash),
                "zsh" => Some(Shell::Zsh),
                "fish" => Some(Shell::Fish),
                _ => None,
            }
        }
        _ => None,
    };
    let words = argv.get(5..).unwrap_or_default().to_vec();
    Some(CompletionRequest { shell, words })
}

/// The command-line definition for generating a completion script in `lang`: as [`command`],
/// with the values of choice options described in that language too.
pub fn completion_command(lang: Lang) -> clap::Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => zh::describe_values(described_command(Lang::Zh)),
    }
}

/// What the command line shows instead of running a command: help, the version or a usage
/// error, ready to print.
#[derive(Debug)]
pub struct Shown {
    /// The text.
    pub text: String,
    /// Whether it goes to stderr: a usage error, or help shown for a command given without its
    /// subcommand.
    pub to_stderr: bool,
    /// The exit code.
    pub code: u8,
}

/// What to show for `err`, clap's answer to `argv` in `lang`, Chinese help wrapped to `width`;
/// none for English help, which clap prints itself, styled for the terminal.
pub fn shown(
    err: &clap::Error,
    argv: &[std::ffi::OsString],
    lang: Lang,
    width: Option<u16>,
) -> Option<Shown> {
    use clap::error::ErrorKind;
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    let text = match (err.kind(), lang) {
        // The version is the program's, whichever command it was asked of.
        (ErrorKind::DisplayVersion, _) => version(),
        (
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
            Lang::En,
        ) => {
            return None;
        }
        (
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
            Lang::Zh,
        ) => zh::fit_help(&err.render().to_string(), width),
        (_, lang) => {
            let help = help_command(argv);
            match lang {
                Lang::En => english_usage_error(err, &help),
                Lang::Zh => {
                    zh::usage_error(err, &help).unwrap_or_else(|| english_usage_error(err, &help))
                }
            }
        }
    };
    Some(Shown {
        text,
        to_stderr: err.use_stderr(),
        code,
    })
}

/// Puts the closest of clap's suggestions first ("did you mean"): clap lists them closest last,
/// and a learner reads the first (`stauts` would offer `start`, which changes a topic, before
/// `status`). Closest is the fewest letters added, dropped, changed or swapped, then the nearest
/// length: two letters swapped, the commonest slip, keep the length (`stauts` is `status`
/// before it is `stats`).
pub fn closest_first(err: &mut clap::Error) {
    use clap::error::{ContextKind, ContextValue};
    let typed = [ContextKind::InvalidSubcommand, ContextKind::InvalidArg]
        .into_iter()
        .find_map(|kind| match err.get(kind) {
            Some(ContextValue::String(typed)) => Some(typed.trim_start_matches('-').to_owned()),
            _ => None,
        });
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg] {
        if let Some(ContextValue::Strings(values)) = err.get(kind) {
            let mut values = values.clone();
            values.reverse();
            if let Some(typed) = &typed {
                // Stable: clap's order stands between suggestions as close as each other.
                values.sort_by_key(|value| {
                    let value = value.trim_start_matches('-');
                    let value = value.split(['=', ' ']).next().unwrap_or(value);
                    (
                        strsim::osa_distance(typed, value),
                        typed.len().abs_diff(value.len()),
                    )
                });
            }
            err.insert(kind, ContextValue::Strings(values));
        }
    }
}

/// `studyplan 0.1.0`, as `--version` prints it.
pub fn version() -> String {
    format!("studyplan {}\n", env!("CARGO_PKG_VERSION"))
}

/// The help to point a usage error to: that of the deepest command `argv` names
/// (`studyplan curriculum check --help`), read by clap itself, leniently.
fn help_command(argv: &[std::ffi::OsString]) -> String {
    let mut words = vec!["studyplan".to_owned()];
    if let Ok(matches) = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(argv)
    {
        let mut matches = &matches;
        while let Some((name, sub)) = matches.subcommand() {
            words.push(name.to_owned());
            matches = sub;
        }
    }
    words.push("--help".to_owned());
    words.join(" ")
}

/// clap's English usage error, with the program's name in front as on every other error, and
/// pointing to the help of the command that was typed.
fn english_usage_error(err: &clap::Error, help: &str) -> String {
    let text = err.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let body: Vec<&str> = text
        .trim_end()
        .lines()
        .filter(|line| !line.starts_with("For more information, try "))
        .collect();
    format!(
        "{}{}\n\nFor more information, try `{help}`.\n",
        crate::error::prefix(Lang::En),
        body.join("\n").trim_end()
    )
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
            &["today"],
            &["review"],
            &["stats"],
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
            &["note", "1.1", "- item"],
            &["status", "1.1"],
            &["review", "1.1"],
            &["today", "--json"],
        ] {
            assert!(quick_parse(&argv(words)).is_none(), "{words:?}");
        }
    }

    #[test]
    fn a_notes_text_may_start_with_a_dash_and_options_before_it_still_count() {
        let parse = |words: &[&str]| {
            let argv = std::iter::once("studyplan").chain(words.iter().copied());
            match Cli::try_parse_from(argv).map(|cli| (cli.global.lang, cli.command)) {
                Ok((lang, Some(Command::Note { topic, text, .. }))) => {
                    Ok((lang, topic.unwrap_or_default(), text))
                }
                other => Err(format!("{other:?}")),
            }
        };
        assert_eq!(
            parse(&["note", "why-rag", "- item", "---", "-5%"]),
            Ok((
                None,
                "why-rag".to_owned(),
                vec!["- item".into(), "---".into(), "-5%".into()]
            ))
        );
        assert_eq!(
            parse(&["note", "why-rag", "--lang", "zh", "-x"]),
            Ok((Some(Lang::Zh), "why-rag".to_owned(), vec!["-x".into()]))
        );
        assert!(parse(&["note", "why-rag", "--help"]).is_err());
    }

    #[test]
    fn options_are_told_from_other_words() {
        for word in [
            "--lang",
            "--lang=zh",
            "--store",
            "-h",
            "--help",
            "-V",
            "--version",
            "--on",
            "--edit",
        ] {
            assert!(is_option("note", word), "{word}");
        }
        for word in [
            "--langs", "-", "--", "---", "- item", "-hV", "lang", "--only",
        ] {
            assert!(!is_option("note", word), "{word}");
        }
        assert!(is_option("done", "--on=2026-11-01"));
        assert!(!is_option("nothing", "--lang"));
    }

    #[test]
    fn every_value_with_a_hyphen_is_taken_with_an_underscore_too() {
        fn check<T: ValueEnum + std::fmt::Debug + PartialEq>() {
            for value in T::value_variants() {
                let name = value.to_possible_value().unwrap().get_name().to_owned();
                for spelling in [name.clone(), name.replace('-', "_"), name.replace('_', "-")] {
                    assert_eq!(
                        T::from_str(&spelling, false).as_ref(),
                        Ok(value),
                        "{spelling}"
                    );
                }
            }
        }
        check::<StateFilter>();
        check::<ReportFormat>();
        check::<ColorChoice>();
        check::<BorderStyle>();
        check::<Lang>();
        let cli = Cli::try_parse_from(["studyplan", "list", "--state", "in_progress"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::List {
                state: Some(StateFilter::InProgress),
                ..
            })
        ));
    }

    #[test]
    fn completion_requests_are_told_from_commands() {
        let argv = |words: &[&str]| -> Vec<std::ffi::OsString> {
            std::iter::once("studyplan")
                .chain(words.iter().copied())
                .map(Into::into)
                .collect()
        };
        assert_eq!(
            completion_request(&argv(&["__complete", "--shell", "zsh", "--", "done", "-x"])),
            Some(CompletionRequest {
                shell: Some(clap_complete::Shell::Zsh),
                words: vec!["done".into(), "-x".into()],
            })
        );
        for odd in [
            &["__complete"][..],
            &["__complete", "--shell", "tcsh", "--", "done"],
            &["__complete", "--shell", "bash", "done"],
        ] {
            assert_eq!(completion_request(&argv(odd)).map(|r| r.shell), Some(None));
        }
        for command in [&[][..], &["done", "__complete"], &["completions", "bash"]] {
            assert_eq!(completion_request(&argv(command)), None);
        }
    }

    #[test]
    fn days_are_dates_or_days_before_today() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let today = day(2026, 3, 1);
        for (text, date) in [
            ("2028-02-29", day(2028, 2, 29)),
            ("today", today),
            ("yesterday", day(2026, 2, 28)),
            ("昨天", day(2026, 2, 28)),
            ("-0", today),
            ("-29", day(2026, 1, 31)),
            ("-100000", day(1752, 5, 16)),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.from(today)).ok(),
                Some(date),
                "{text}"
            );
        }
        for bad in [
            "2027-02-29",
            "2026-11-29T10:00",
            "29/11/2026",
            "tomorrow",
            "-",
            "-3d",
            "--3",
            "-+3",
            "-100001",
            "",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.to_string().contains("YYYY-MM-DD"), "{bad}");
            assert!(err.message(Lang::Zh).contains("（YYYY-MM-DD）"), "{bad}");
        }
    }
}
