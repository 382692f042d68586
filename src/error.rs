//! The errors that callers and tests tell apart, each with its exit code and a message that says
//! what to do next.

use std::path::PathBuf;

use chrono::NaiveDate;

/// An error worth telling apart from a plain I/O failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A curriculum file could not be read at all.
    #[error("cannot read the curriculum `{file}`: {reason}")]
    CurriculumUnreadable { file: String, reason: String },

    /// A curriculum is not well-formed YAML, or a value has the wrong type.
    #[error("{}", syntax_message(file, *location, message))]
    CurriculumSyntax {
        file: String,
        location: Option<(usize, usize)>,
        message: String,
    },

    /// A curriculum parsed but breaks the rules.
    #[error("{}", invalid_message(file, problems))]
    CurriculumInvalid { file: String, problems: Vec<String> },

    /// What was typed names no topic.
    #[error("{}", unknown_topic_message(query, suggestions))]
    UnknownTopic {
        query: String,
        suggestions: Vec<String>,
    },

    /// What was typed names several topics.
    #[error("{}", ambiguous_topic_message(query, candidates))]
    AmbiguousTopic {
        query: String,
        candidates: Vec<String>,
    },

    /// What was typed names no stage.
    #[error(
        "unknown stage `{0}`; give a stage number, id or a piece of its title (see `studyplan status`)"
    )]
    UnknownStage(String),

    /// A change was dated after today.
    #[error(
        "`{date}` is in the future (today is {today}); studyplan records what you have done, so give a date on or before today"
    )]
    FutureDate { date: NaiveDate, today: NaiveDate },

    /// A change was dated before the plan's start.
    #[error(
        "`{date}` is before the plan's start on {start}; give a date from {start} on, or move the start first with `studyplan begin {date}`"
    )]
    BeforeStart { date: NaiveDate, start: NaiveDate },

    /// A start date was given after work already recorded.
    #[error(
        "the plan cannot begin on `{date}`: work is already recorded on {first}; give a date on or before {first} (see `studyplan log`)"
    )]
    BeginAfterWork { date: NaiveDate, first: NaiveDate },

    /// A note with nothing in it.
    #[error(
        "the note is empty; write it after the topic, like `studyplan note why-rag \"read the paper\"`"
    )]
    EmptyNote,

    /// The progress store does not parse.
    #[error(
        "cannot read the progress store `{}`: {detail}\n\
         the file was left as it is: fix it by hand, or move it away to start a new one \
         (your history is in it)",
        path.display()
    )]
    StoreCorrupt { path: PathBuf, detail: String },

    /// The progress store was written by a newer build.
    #[error(
        "the progress store `{}` has version {found}, but this studyplan reads only up to version \
         {supported}; upgrade studyplan (the file was left as it is)",
        path.display()
    )]
    StoreTooNew {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
}

impl Error {
    /// The process exit code: 2 for a mistake in what was typed, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::UnknownTopic { .. }
            | Error::AmbiguousTopic { .. }
            | Error::UnknownStage(_)
            | Error::EmptyNote => 2,
            _ => 1,
        }
    }
}

fn syntax_message(file: &str, location: Option<(usize, usize)>, message: &str) -> String {
    match location {
        Some((line, column)) => format!("{file}:{line}:{column}: {message}"),
        None => format!("{file}: {message}"),
    }
}

fn invalid_message(file: &str, problems: &[String]) -> String {
    let mut out = format!("the curriculum `{file}` has {} problem(s):", problems.len());
    for problem in problems {
        out.push_str("\n  - ");
        out.push_str(problem);
    }
    out
}

fn unknown_topic_message(query: &str, suggestions: &[String]) -> String {
    let mut out = format!("unknown topic `{query}`");
    if !suggestions.is_empty() {
        let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        out.push_str(&format!("; did you mean {}?", list.join(", ")));
    }
    out.push_str(" (name a topic by id, by position like `2.4`, or by a piece of its title; see `studyplan list`)");
    out
}

fn ambiguous_topic_message(query: &str, candidates: &[String]) -> String {
    let mut out = format!("`{query}` matches {} topics:", candidates.len());
    for candidate in candidates.iter().take(5) {
        out.push_str("\n  ");
        out.push_str(candidate);
    }
    if candidates.len() > 5 {
        out.push_str(&format!("\n  ... and {} more", candidates.len() - 5));
    }
    out.push_str("\nname one by its id or position");
    out
}
