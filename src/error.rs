//! The errors that callers and tests tell apart, each with its exit code and a message, in either
//! language, that says what to do next.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::file_kind::{Kind, refusal};
pub use crate::files::io_reason;
use crate::files::shell_quoted;
pub use crate::i18n::{IoAction, OwnFile};
use crate::i18n::{Lang, LineProblem, Msg, NotAFile, V1Problem};

use chrono::NaiveDate;

/// An error worth telling apart from a plain I/O failure.
///
/// `Display` is the English message; [`Error::message`] gives it in either language.
#[derive(Debug)]
pub enum Error {
    /// A curriculum could not be loaded: its own error.
    Curriculum(crate::curriculum::Error),

    /// What was typed names no topic.
    UnknownTopic {
        query: String,
        suggestions: Vec<String>,
    },

    /// What was typed names several topics.
    AmbiguousTopic {
        query: String,
        candidates: Vec<String>,
    },

    /// What was typed names no stage; `stages` are the ids of all of them, in order.
    UnknownStage { query: String, stages: Vec<String> },

    /// What `show` was given names no topic and no stage.
    UnknownName {
        query: String,
        suggestions: Vec<String>,
    },

    /// What was typed names several stages.
    AmbiguousStage {
        query: String,
        candidates: Vec<String>,
    },

    /// A change was dated after today.
    FutureDate { date: NaiveDate, today: NaiveDate },

    /// A change was dated before the plan's start.
    /// `planned` when the start is after today.
    BeforeStart {
        date: NaiveDate,
        start: NaiveDate,
        planned: bool,
    },

    /// A back-dated change would come before the topic's last recorded change.
    BeforeLastChange {
        topic: String,
        date: NaiveDate,
        last: NaiveDate,
    },

    /// A start date was given after work already recorded.
    BeginAfterWork { date: NaiveDate, first: NaiveDate },

    /// `forget` was given the id of a topic the curriculum has (`current` is its id now).
    ForgetCurrentTopic { id: String, current: String },

    /// `forget` was given an id with no progress to forget; `orphans` are the ids it could take.
    NothingToForget { id: String, orphans: Vec<String> },

    /// A note with nothing in it.
    EmptyNote,

    /// A word of a note's text is one of the options, typed after the text began.
    OptionInNote { word: String, topic: String },

    /// The version 1 progress store does not parse; `at` is the line and column.
    StoreCorrupt {
        path: PathBuf,
        at: Option<(usize, usize)>,
        problem: V1Problem,
    },

    /// A version 1 file given to `merge` does not parse.
    MergeCorrupt {
        path: PathBuf,
        at: Option<(usize, usize)>,
        problem: V1Problem,
    },

    /// Line `line` of a version 2 store is not an event studyplan can read.
    StoreBadLine {
        path: PathBuf,
        line: usize,
        problem: LineProblem,
    },

    /// `revert` was given an id no event has.
    RevertNoMatch(String),

    /// `revert` was given an id prefix several events share (their short ids).
    RevertAmbiguous { id: String, matches: Vec<String> },

    /// `revert` was given an event that no longer counts: `by`, in effect, reverted it.
    RevertAlready { id: String, by: Option<String> },

    /// `revert` was given fewer characters of an id than name a change safely.
    RevertTooShort { id: String, min: usize },

    /// `revert` was given an event of another plan.
    RevertOtherPlan { id: String, plan: String },

    /// `merge` was given the store itself.
    MergeSelf(PathBuf),

    /// A file given as the progress store or as the curriculum is another kind of file
    /// (`given` is what it was given as, `found` what it is); it was left as it is.
    WrongKind {
        path: PathBuf,
        given: Kind,
        found: Kind,
    },

    /// A path given to `merge` is not a file to read.
    MergeNotAFile { path: PathBuf, what: NotAFile },

    /// A file given to `merge` is `found`, not a store.
    MergeWrongKind { path: PathBuf, found: Kind },

    /// The store's last line stops in the middle of an event, as an interrupted write leaves it.
    StoreUnfinished {
        path: PathBuf,
        line: usize,
        text: String,
    },

    /// The store ends in zero bytes after complete lines, as a write cut by a power loss can
    /// leave it: `keep` bytes are sound, `zeros` follow.
    StoreZeroTail {
        path: PathBuf,
        keep: u64,
        zeros: u64,
    },

    /// The store's file changed between reading it and writing to it, by a program that does
    /// not take studyplan's lock.
    StoreChanged(PathBuf),

    /// The progress store was written by a newer build.
    StoreTooNew {
        path: PathBuf,
        found: u64,
        supported: u64,
    },

    /// The store path names a folder, or no file at all.
    StoreNotAFile { path: PathBuf, folder: bool },

    /// The store path names a pipe, a device or a socket.
    StoreNotRegular(PathBuf),

    /// The store belongs to another user, and writing it anew would make it the writer's.
    OwnerWouldChange(PathBuf),

    /// The store path is a link to nothing.
    StoreLinkBroken(PathBuf),

    /// A file or folder could not be read, created, locked or written.
    Io {
        action: IoAction,
        path: PathBuf,
        cause: io::Error,
    },

    /// The output could not be written to stdout, which goes to `target` when it is known.
    WriteOutput {
        target: Option<PathBuf>,
        cause: io::Error,
    },

    /// A report was asked to go into a folder that does not exist.
    OutputFolderMissing { path: PathBuf, folder: PathBuf },

    /// A store named by `--store` or `STUDYPLAN_STORE` is in a folder that does not exist: a
    /// mistyped path, not to be made into a new history.
    StoreFolderMissing { path: PathBuf, folder: PathBuf },

    /// A report was asked to go over the store, its lock or the curriculum in use.
    ReportOntoOwnFile {
        path: PathBuf,
        file: PathBuf,
        what: OwnFile,
    },

    /// A report's `--format` says one format and its file's extension another.
    ReportFormatMismatch {
        path: PathBuf,
        given: String,
        said: String,
    },

    /// A report's file has an extension that names no format, and no `--format` was given.
    ReportFormatUnknown { path: PathBuf, extension: String },

    /// A report was asked to go onto something that is neither a file, a pipe nor a character
    /// device (a block device, a socket), which it would destroy.
    ReportNotAFile(PathBuf),

    /// `report --notes` in a format that has no place for notes.
    ReportNoNotes { format: String },

    /// `tui` without a terminal: on stdin when `stdin`, else on stdout.
    TuiNotATerminal { stdin: bool },

    /// `STUDYPLAN_TODAY` is not a date.
    BadToday(String),

    /// `STUDYPLAN_LANG` names a language studyplan does not speak.
    BadLang(String),

    /// `STUDYPLAN_BORDER` names a border style studyplan does not draw.
    BadBorder(String),

    /// `STUDYPLAN_REVIEW` is neither `on` nor `off`.
    BadReviewSetting(String),

    /// No data folder to keep the store in by default.
    NoDataFolder,

    /// Reviews are turned off, by the curriculum or by the learner.
    ReviewsOff { by_curriculum: bool },

    /// A planned start more than `days` days after today.
    BeginTooFar {
        date: NaiveDate,
        today: NaiveDate,
        days: i64,
    },

    /// `note --edit` or `--delete` named a change that is no note.
    NotANote { id: String, change: String },

    /// `today --by` a day that is not after today.
    ByNotLater { by: NaiveDate, today: NaiveDate },

    /// A topic not done was named for a review.
    ReviewNotDone {
        topic: String,
        state: crate::i18n::StateName,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Curriculum(err) => Some(err),
            _ => None,
        }
    }
}

impl From<crate::curriculum::Error> for Error {
    fn from(err: crate::curriculum::Error) -> Error {
        Error::Curriculum(err)
    }
}

impl Error {
    /// The process exit code: 2 for a mistake in what was typed, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::UnknownTopic { .. }
            | Error::AmbiguousTopic { .. }
            | Error::UnknownStage { .. }
            | Error::UnknownName { .. }
            | Error::AmbiguousStage { .. }
            | Error::EmptyNote
            | Error::OptionInNote { .. }
            | Error::ForgetCurrentTopic { .. }
            | Error::NothingToForget { .. }
            | Error::ReportOntoOwnFile { .. }
            | Error::ReportFormatMismatch { .. }
            | Error::ReportFormatUnknown { .. }
            | Error::ReportNoNotes { .. }
            | Error::TuiNotATerminal { .. }
            | Error::RevertNoMatch(_)
            | Error::RevertAmbiguous { .. }
            | Error::RevertAlready { .. }
            | Error::RevertTooShort { .. }
            | Error::RevertOtherPlan { .. }
            | Error::MergeSelf(_)
            | Error::MergeWrongKind { .. }
            | Error::MergeNotAFile { .. }
            | Error::StoreFolderMissing { .. }
            | Error::ReviewNotDone { .. }
            | Error::ByNotLater { .. }
            | Error::NotANote { .. }
            | Error::BeginTooFar { .. } => 2,
            _ => 1,
        }
    }

    /// The message in `lang`: lowercase, user values in backticks, and what to do next.
    pub fn message(&self, lang: Lang) -> String {
        // A long list would bury the message; the command it names shows them all.
        const TOPICS_SHOWN: usize = 5;
        const STAGES_SHOWN: usize = 8;
        let say = |msg: Msg| lang.say(msg).into_owned();
        let shown = |path: &Path| path.display().to_string();
        match self {
            Error::Curriculum(err) => err.message(lang),
            Error::UnknownTopic { query, suggestions } => say(Msg::UnknownTopic {
                query,
                suggestions: &strs(suggestions),
            }),
            Error::AmbiguousTopic { query, candidates } => {
                let all = strs(candidates);
                let shown = &all[..all.len().min(TOPICS_SHOWN)];
                say(Msg::AmbiguousTopic {
                    query,
                    count: all.len(),
                    shown,
                    more: all.len() - shown.len(),
                })
            }
            Error::AmbiguousStage { query, candidates } => say(Msg::AmbiguousStage {
                query,
                candidates: &strs(candidates),
            }),
            Error::UnknownStage { query, stages } => {
                let ids = strs(stages);
                say(Msg::UnknownStage {
                    query,
                    count: ids.len(),
                    ids: &ids[..ids.len().min(STAGES_SHOWN)],
                    more: ids.len() > STAGES_SHOWN,
                })
            }
            Error::UnknownName { query, suggestions } => say(Msg::UnknownName {
                query,
                suggestions: &strs(suggestions),
            }),
            Error::FutureDate { date, today } => say(Msg::FutureDate {
                date: *date,
                today: *today,
            }),
            Error::BeforeStart {
                date,
                start,
                planned,
            } => say(Msg::BeforeStart {
                date: *date,
                start: *start,
                planned: *planned,
            }),
            Error::BeforeLastChange { topic, date, last } => say(Msg::BeforeLastChange {
                topic,
                date: *date,
                last: *last,
            }),
            Error::BeginAfterWork { date, first } => say(Msg::BeginAfterWork {
                date: *date,
                first: *first,
            }),
            Error::ForgetCurrentTopic { id, current } => {
                say(Msg::ForgetCurrentTopic { id, current })
            }
            Error::NothingToForget { id, orphans } => say(Msg::NothingToForget {
                id,
                orphans: &strs(orphans),
            }),
            Error::EmptyNote => say(Msg::EmptyNote),
            Error::OptionInNote { word, topic } => say(Msg::OptionInNote {
                word,
                topic: &shell_quoted(Path::new(topic)),
            }),
            Error::StoreCorrupt { path, at, problem } => say(Msg::StoreCorrupt {
                path: &shown(path),
                at: *at,
                problem,
            }),
            Error::MergeCorrupt { path, at, problem } => say(Msg::MergeCorrupt {
                path: &shown(path),
                at: *at,
                problem,
            }),
            Error::StoreBadLine {
                path,
                line,
                problem,
            } => say(Msg::StoreBadLine {
                path: &shown(path),
                line: *line,
                problem,
            }),
            Error::RevertNoMatch(id) => say(Msg::RevertNoMatch { id }),
            Error::RevertAmbiguous { id, matches } => say(Msg::RevertAmbiguous {
                id,
                matches: &strs(matches),
            }),
            Error::RevertAlready { id, by } => say(Msg::RevertAlready {
                id,
                by: by.as_deref(),
            }),
            Error::RevertTooShort { id, min } => say(Msg::RevertTooShort { id, min: *min }),
            Error::RevertOtherPlan { id, plan } => say(Msg::RevertOtherPlan { id, plan }),
            Error::MergeSelf(path) => say(Msg::MergeSelf { path: &shown(path) }),
            Error::WrongKind { path, given, found } => refusal(path, *given, *found, lang),
            Error::MergeNotAFile { path, what } => say(Msg::MergeNotAFile {
                path: &shown(path),
                what: *what,
            }),
            Error::MergeWrongKind { path, found } => say(Msg::MergeWrongKind {
                path: &shown(path),
                found: crate::file_kind::file_kind(*found),
            }),
            Error::StoreZeroTail { path, keep, zeros } => say(Msg::StoreZeroTail {
                path: &shown(path),
                quoted: &shell_quoted(path),
                keep: *keep,
                zeros: *zeros,
            }),
            Error::StoreChanged(path) => say(Msg::StoreChanged { path: &shown(path) }),
            Error::StoreUnfinished { path, line, text } => say(Msg::StoreUnfinished {
                path: &shown(path),
                line: *line,
                text,
            }),
            Error::StoreTooNew {
                path,
                found,
                supported,
            } => say(Msg::StoreTooNew {
                path: &shown(path),
                found: *found,
                supported: *supported,
            }),
            Error::StoreNotAFile { path, folder } => say(Msg::StoreNotAFile {
                path: &shown(path),
                folder: *folder,
                example: &shown(&path.join("progress.jsonl")),
            }),
            Error::StoreNotRegular(path) => say(Msg::StoreNotRegular { path: &shown(path) }),
            Error::OwnerWouldChange(path) => say(Msg::OwnerWouldChange { path: &shown(path) }),
            Error::StoreLinkBroken(path) => say(Msg::StoreLinkBroken { path: &shown(path) }),
            Error::Io {
                action,
                path,
                cause,
            } => say(Msg::IoFailed {
                action: *action,
                path: &shown(path),
                reason: &io_reason(cause, lang),
                not_regular: crate::files::NotRegular::cause_of(cause).is_some(),
            }),
            Error::WriteOutput { target, cause } => say(Msg::WriteOutput {
                target: target.as_deref().map(shown).as_deref(),
                reason: &io_reason(cause, lang),
            }),
            Error::StoreFolderMissing { path, folder } => say(Msg::StoreFolderMissing {
                path: &shown(path),
                folder: &shown(folder),
                quoted: &crate::files::shell_quoted(folder),
            }),
            Error::OutputFolderMissing { path, folder } => say(Msg::OutputFolderMissing {
                path: &shown(path),
                folder: &shown(folder),
            }),
            Error::ReportOntoOwnFile { path, file, what } => say(Msg::ReportOntoOwnFile {
                path: &shown(path),
                file: &shown(file),
                what: *what,
            }),
            Error::ReportFormatMismatch { path, given, said } => say(Msg::ReportFormatMismatch {
                path: &shown(path),
                given,
                said,
            }),
            Error::ReportFormatUnknown { path, extension } => say(Msg::ReportFormatUnknown {
                path: &shown(path),
                extension,
            }),
            Error::ReportNotAFile(path) => say(Msg::ReportNotAFile { path: &shown(path) }),
            Error::ReportNoNotes { format } => say(Msg::ReportNoNotes { format }),
            Error::TuiNotATerminal { stdin } => say(Msg::TuiNotATerminal { stdin: *stdin }),
            Error::BadToday(value) => say(Msg::BadToday { value }),
            Error::BadLang(value) => say(Msg::BadLang { value }),
            Error::BadBorder(value) => say(Msg::BadBorder { value }),
            Error::BadReviewSetting(value) => say(Msg::BadReviewSetting { value }),
            Error::NoDataFolder => say(Msg::NoDataFolder),
            Error::ReviewsOff { by_curriculum } => say(Msg::ReviewsOff {
                by_curriculum: *by_curriculum,
            }),
            Error::NotANote { id, change } => say(Msg::NotANote { id, change }),
            Error::BeginTooFar { date, today, days } => say(Msg::BeginTooFar {
                date: *date,
                today: *today,
                days: *days,
            }),
            Error::ByNotLater { by, today } => say(Msg::ByNotLater {
                by: *by,
                today: *today,
            }),
            Error::ReviewNotDone { topic, state } => say(Msg::ReviewNotDone {
                topic,
                state: *state,
            }),
        }
    }
}

/// The items of a list of names, as the message catalog takes them.
fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

impl Error {
    /// An I/O failure on `path` while doing `action`.
    pub fn io(action: IoAction, path: &Path, cause: io::Error) -> Error {
        Error::Io {
            action,
            path: path.to_owned(),
            cause,
        }
    }
}

/// An error of any kind as a message in `lang`: ours are translated; anything else (a failure
/// deep in a library) is shown with its causes, as it comes.
pub fn describe(err: &anyhow::Error, lang: Lang) -> String {
    if let Some(curriculum) = err.downcast_ref::<crate::curriculum::Error>() {
        return curriculum.message(lang);
    }
    match (err.downcast_ref::<Error>(), err.downcast_ref::<io::Error>()) {
        (Some(ours), _) => ours.message(lang),
        (None, Some(io)) => io_reason(io, lang),
        (None, None) => format!("{err:#}"),
    }
}

/// The prefix of every error line.
pub fn prefix(lang: Lang) -> Cow<'static, str> {
    lang.say(Msg::ErrorPrefix)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn names(items: &[&str]) -> Vec<String> {
        items.iter().map(|&item| item.to_owned()).collect()
    }

    /// Each error, some more than once where its wording turns on a value.
    fn samples() -> Vec<Error> {
        use crate::curriculum::{Problem, ProblemKind};
        let problem = |kind, location| Problem {
            kind,
            path: String::new(),
            location,
        };
        let curriculum = |problems| {
            Error::Curriculum(crate::curriculum::Error::Invalid {
                file: "c.yaml".into(),
                problems,
            })
        };
        let mut all = vec![
            Error::Curriculum(crate::curriculum::Error::ExpandsTooMuch {
                file: "c.yaml".into(),
                location: (3, 4),
                limit_mib: 64,
            }),
            curriculum(vec![problem(ProblemKind::NoStages, Some((7, 1)))]),
            curriculum(vec![
                problem(ProblemKind::NoStages, Some((7, 1))),
                problem(ProblemKind::GeniusDays(0), Some((5, 14))),
            ]),
            Error::Curriculum(crate::curriculum::Error::Unreadable {
                file: "c.yaml".into(),
                cause: io::Error::from(io::ErrorKind::NotFound),
            }),
            Error::Curriculum(crate::curriculum::Error::Syntax {
                file: "c.yaml".into(),
                location: Some((2, 1)),
                problem: crate::curriculum::Syntax::Tab,
            }),
            Error::Curriculum(crate::curriculum::Error::Misplaced {
                path: "p.jsonl".into(),
                found: Kind::Store,
            }),
            Error::UnknownTopic {
                query: "x".into(),
                suggestions: names(&["y", "z"]),
            },
            Error::UnknownTopic {
                query: "x".into(),
                suggestions: Vec::new(),
            },
            Error::AmbiguousTopic {
                query: "rag".into(),
                candidates: names(&["1.6 why-rag  Why RAG", "2.1 rag-eval  RAG evals"]),
            },
            Error::AmbiguousTopic {
                query: "a".into(),
                candidates: (1..=7).map(|n| format!("1.{n} t{n}  T{n}")).collect(),
            },
            Error::UnknownStage {
                query: "9".into(),
                stages: names(&["first", "second"]),
            },
            Error::UnknownStage {
                query: "99".into(),
                stages: (1..=9).map(|n| format!("s{n}")).collect(),
            },
            Error::UnknownName {
                query: "x".into(),
                suggestions: names(&["y"]),
            },
            Error::AmbiguousStage {
                query: "s".into(),
                candidates: names(&["1 first  First", "2 second  Second"]),
            },
            Error::FutureDate {
                date: day("2026-12-01"),
                today: day("2026-11-21"),
            },
            Error::BeforeStart {
                date: day("2026-11-01"),
                start: day("2026-11-10"),
                planned: false,
            },
            Error::BeforeStart {
                date: day("2026-11-21"),
                start: day("2026-11-25"),
                planned: true,
            },
            Error::BeforeLastChange {
                topic: "why-rag".into(),
                date: day("2026-11-12"),
                last: day("2026-11-14"),
            },
            Error::BeginAfterWork {
                date: day("2026-11-20"),
                first: day("2026-11-12"),
            },
            Error::ForgetCurrentTopic {
                id: "old".into(),
                current: "new".into(),
            },
            Error::NothingToForget {
                id: "x".into(),
                orphans: names(&["gone", "lost"]),
            },
            Error::NothingToForget {
                id: "x".into(),
                orphans: Vec::new(),
            },
            Error::EmptyNote,
            Error::OptionInNote {
                word: "--lang".into(),
                topic: "why rag".into(),
            },
            Error::StoreCorrupt {
                path: "p.yaml".into(),
                at: Some((3, 5)),
                problem: V1Problem::Yaml {
                    reason: "did not find expected key".into(),
                },
            },
            Error::StoreBadLine {
                path: "p.jsonl".into(),
                line: 3,
                problem: LineProblem::Missing("at"),
            },
            Error::RevertNoMatch("0b6c".into()),
            Error::RevertAmbiguous {
                id: "0b".into(),
                matches: vec!["0b6c2d7".into(), "0b91f3a".into()],
            },
            Error::RevertAlready {
                id: "0b6c2d7".into(),
                by: Some("5c1e09a2".into()),
            },
            Error::RevertTooShort {
                id: "0b".into(),
                min: 4,
            },
            Error::RevertOtherPlan {
                id: "0b6c2d7".into(),
                plan: "rust-101".into(),
            },
            Error::MergeSelf("p.jsonl".into()),
            Error::StoreUnfinished {
                path: "p.jsonl".into(),
                line: 4,
                text: "{\"at\":".into(),
            },
            Error::StoreZeroTail {
                path: "my store.jsonl".into(),
                keep: 120,
                zeros: 8,
            },
            Error::StoreChanged("p.jsonl".into()),
            Error::StoreTooNew {
                path: "p.jsonl".into(),
                found: 9,
                supported: 2,
            },
            Error::StoreNotRegular("/dev/null".into()),
            Error::OwnerWouldChange("p.jsonl".into()),
            Error::StoreLinkBroken("p.jsonl".into()),
            Error::OutputFolderMissing {
                path: "out/r.md".into(),
                folder: "out".into(),
            },
            Error::StoreFolderMissing {
                path: "/media/usb/studyplan/progress.jsonl".into(),
                folder: "/media/usb/studyplan".into(),
            },
            Error::MergeWrongKind {
                path: "plan.yaml".into(),
                found: Kind::Curriculum,
            },
            Error::MergeNotAFile {
                path: "shared/ada".into(),
                what: NotAFile::Folder,
            },
            Error::MergeCorrupt {
                path: "old/progress.yaml".into(),
                at: Some((3, 5)),
                problem: V1Problem::Tab,
            },
            Error::ReportFormatMismatch {
                path: "r.md".into(),
                given: "csv".into(),
                said: "markdown".into(),
            },
            Error::ReportFormatUnknown {
                path: "r.txt".into(),
                extension: "txt".into(),
            },
            Error::ReportNotAFile("/dev/sda".into()),
            Error::ReportNoNotes {
                format: "csv".into(),
            },
            Error::TuiNotATerminal { stdin: true },
            Error::BadToday("soon".into()),
            Error::BadLang("fr".into()),
            Error::BadBorder("round".into()),
            Error::BadReviewSetting("maybe".into()),
            Error::NoDataFolder,
            Error::ReviewsOff {
                by_curriculum: true,
            },
            Error::NotANote {
                id: "5d33c848".into(),
                change: "done".into(),
            },
            Error::BeginTooFar {
                date: day("2062-11-01"),
                today: day("2026-11-21"),
                days: 366,
            },
            Error::ByNotLater {
                by: day("2026-11-20"),
                today: day("2026-11-21"),
            },
            Error::ReviewNotDone {
                topic: "why-rag".into(),
                state: crate::i18n::StateName::Skipped,
            },
        ];
        for folder in [true, false] {
            all.push(Error::StoreNotAFile {
                path: "data".into(),
                folder,
            });
        }
        for (given, found) in [
            (Kind::Store, Kind::Curriculum),
            (Kind::Curriculum, Kind::Store),
            (
                Kind::Curriculum,
                Kind::Report(crate::file_kind::ReportFormat::Csv),
            ),
        ] {
            all.push(Error::WrongKind {
                path: "plan.yaml".into(),
                given,
                found,
            });
        }
        for action in IoAction::ALL {
            all.push(Error::io(
                action,
                Path::new("p.jsonl"),
                io::Error::from(io::ErrorKind::PermissionDenied),
            ));
        }
        all.push(Error::io(
            IoAction::ReadStore,
            Path::new("data"),
            crate::files::open_regular(Path::new("/")).unwrap_err(),
        ));
        for target in [Some(PathBuf::from("/dev/full")), None] {
            all.push(Error::WriteOutput {
                target,
                cause: io::Error::from(io::ErrorKind::StorageFull),
            });
        }
        for what in OwnFile::ALL {
            all.push(Error::ReportOntoOwnFile {
                path: "r.md".into(),
                file: "/data/r.md".into(),
                what,
            });
        }
        all
    }

    /// The variants `pub enum Error` declares, read from this file, so that an error added
    /// without a sample fails the test below.
    fn declared() -> BTreeSet<String> {
        include_str!("error.rs")
            .lines()
            .skip_while(|line| !line.starts_with("pub enum Error"))
            .skip(1)
            .take_while(|line| *line != "}")
            .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
            .map(|line| {
                line.trim_start()
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect()
    }

    #[test]
    fn every_error_has_a_sample() {
        let sampled: BTreeSet<String> = samples()
            .iter()
            .map(|err| {
                format!("{err:?}")
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect()
            })
            .collect();
        assert_eq!(sampled, declared());
    }

    #[test]
    fn every_error_is_said_in_both_languages_and_they_differ() {
        for err in &samples() {
            let (en, zh) = (err.message(Lang::En), err.message(Lang::Zh));
            assert_eq!(en, err.to_string());
            assert_ne!(en, zh, "{err:?}");
            assert!(!zh.trim().is_empty(), "{err:?}");
            let starts_lowercase = en.chars().next().is_some_and(|c| !c.is_uppercase());
            assert!(starts_lowercase || en.starts_with("STUDYPLAN_"), "{en}");
        }
    }

    #[test]
    fn every_error_in_both_languages() {
        let mut out = String::new();
        for err in &samples() {
            out.push_str(&format!("{err:?}\n"));
            for lang in [Lang::En, Lang::Zh] {
                let text = err.message(lang).replace('\n', "\n    ");
                out.push_str(&format!("  {lang:?}: {}{text}\n", prefix(lang)));
            }
        }
        insta::assert_snapshot!(out);
    }
}
