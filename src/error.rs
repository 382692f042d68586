//! The errors that callers and tests tell apart, each with its exit code and a message, in either
//! language, that says what to do next.

use std::io;
use std::path::{Path, PathBuf};

use crate::file_kind::{Kind, refusal};
pub use crate::files::io_reason;
use crate::files::shell_quoted;
use crate::i18n::Lang;

use chrono::NaiveDate;

/// An error worth telling apart from a plain I/O failure.
///
/// `Display` is the English message; [`Error::message`] gives it in either language.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A curriculum could not be loaded: its own error.
    #[error("{}", self.message(Lang::En))]
    Curriculum(#[from] crate::curriculum::Error),

    /// What was typed names no topic.
    #[error("{}", self.message(Lang::En))]
    UnknownTopic {
        query: String,
        suggestions: Vec<String>,
    },

    /// What was typed names several topics.
    #[error("{}", self.message(Lang::En))]
    AmbiguousTopic {
        query: String,
        candidates: Vec<String>,
    },

    /// What was typed names no stage; `stages` are the ids of all of them, in order.
    #[error("{}", self.message(Lang::En))]
    UnknownStage { query: String, stages: Vec<String> },

    /// What `show` was given names no topic and no stage.
    #[error("{}", self.message(Lang::En))]
    UnknownName {
        query: String,
        suggestions: Vec<String>,
    },

    /// What was typed names several stages.
    #[error("{}", self.message(Lang::En))]
    AmbiguousStage {
        query: String,
        candidates: Vec<String>,
    },

    /// A change was dated after today.
    #[error("{}", self.message(Lang::En))]
    FutureDate { date: NaiveDate, today: NaiveDate },

    /// A change was dated before the plan's start.
    #[error("{}", self.message(Lang::En))]
    BeforeStart { date: NaiveDate, start: NaiveDate },

    /// A back-dated change would come before the topic's last recorded change.
    #[error("{}", self.message(Lang::En))]
    BeforeLastChange {
        topic: String,
        date: NaiveDate,
        last: NaiveDate,
    },

    /// A start date was given after work already recorded.
    #[error("{}", self.message(Lang::En))]
    BeginAfterWork { date: NaiveDate, first: NaiveDate },

    /// `forget` was given the id of a topic the curriculum has (`current` is its id now).
    #[error("{}", self.message(Lang::En))]
    ForgetCurrentTopic { id: String, current: String },

    /// `forget` was given an id with no progress to forget; `orphans` are the ids it could take.
    #[error("{}", self.message(Lang::En))]
    NothingToForget { id: String, orphans: Vec<String> },

    /// A note with nothing in it.
    #[error("{}", self.message(Lang::En))]
    EmptyNote,

    /// A word of a note's text is one of the options, typed after the text began.
    #[error("{}", self.message(Lang::En))]
    OptionInNote { word: String, topic: String },

    /// The progress store does not parse.
    #[error("{}", self.message(Lang::En))]
    StoreCorrupt { path: PathBuf, detail: String },

    /// A file given as the progress store or as the curriculum is another kind of file
    /// (`given` is what it was given as, `found` what it is); it was left as it is.
    #[error("{}", self.message(Lang::En))]
    WrongKind {
        path: PathBuf,
        given: Kind,
        found: Kind,
    },

    /// The store's last line stops in the middle of an event, as an interrupted write leaves it.
    #[error("{}", self.message(Lang::En))]
    StoreUnfinished {
        path: PathBuf,
        line: usize,
        text: String,
    },

    /// The store ends in zero bytes after complete lines, as a write cut by a power loss can
    /// leave it: `keep` bytes are sound, `zeros` follow.
    #[error("{}", self.message(Lang::En))]
    StoreZeroTail {
        path: PathBuf,
        keep: u64,
        zeros: u64,
    },

    /// The store's file changed between reading it and writing to it, by a program that does
    /// not take studyplan's lock.
    #[error("{}", self.message(Lang::En))]
    StoreChanged(PathBuf),

    /// The progress store was written by a newer build.
    #[error("{}", self.message(Lang::En))]
    StoreTooNew {
        path: PathBuf,
        found: u64,
        supported: u64,
    },

    /// The store path names a folder, or no file at all.
    #[error("{}", self.message(Lang::En))]
    StoreNotAFile { path: PathBuf, folder: bool },

    /// The store path names a pipe, a device or a socket.
    #[error("{}", self.message(Lang::En))]
    StoreNotRegular(PathBuf),

    /// The store belongs to another user, and writing it anew would make it the writer's.
    #[error("{}", self.message(Lang::En))]
    OwnerWouldChange(PathBuf),

    /// The store path is a link to nothing.
    #[error("{}", self.message(Lang::En))]
    StoreLinkBroken(PathBuf),

    /// A file or folder could not be read, created, locked or written.
    #[error("{}", self.message(Lang::En))]
    Io {
        action: IoAction,
        path: PathBuf,
        cause: io::Error,
    },

    /// The output could not be written to stdout, which goes to `target` when it is known.
    #[error("{}", self.message(Lang::En))]
    WriteOutput {
        target: Option<PathBuf>,
        cause: io::Error,
    },

    /// A report was asked to go into a folder that does not exist.
    #[error("{}", self.message(Lang::En))]
    OutputFolderMissing { path: PathBuf, folder: PathBuf },

    /// A report was asked to go over the store, its lock or the curriculum in use.
    #[error("{}", self.message(Lang::En))]
    ReportOntoOwnFile {
        path: PathBuf,
        file: PathBuf,
        what: OwnFile,
    },

    /// A report's `--format` says one format and its file's extension another.
    #[error("{}", self.message(Lang::En))]
    ReportFormatMismatch {
        path: PathBuf,
        given: String,
        said: String,
    },

    /// A report's file has an extension that names no format, and no `--format` was given.
    #[error("{}", self.message(Lang::En))]
    ReportFormatUnknown { path: PathBuf, extension: String },

    /// A report was asked to go onto something that is neither a file, a pipe nor a character
    /// device (a block device, a socket), which it would destroy.
    #[error("{}", self.message(Lang::En))]
    ReportNotAFile(PathBuf),

    /// `STUDYPLAN_TODAY` is not a date.
    #[error("{}", self.message(Lang::En))]
    BadToday(String),

    /// `STUDYPLAN_LANG` names a language studyplan does not speak.
    #[error("{}", self.message(Lang::En))]
    BadLang(String),

    /// `STUDYPLAN_BORDER` names a border style studyplan does not draw.
    #[error("{}", self.message(Lang::En))]
    BadBorder(String),

    /// No data folder to keep the store in by default.
    #[error("{}", self.message(Lang::En))]
    NoDataFolder,
}

/// The files studyplan works with, which a report is never written over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnFile {
    /// The progress store.
    Store,
    /// The store's lock file.
    Lock,
    /// The curriculum file in use.
    Curriculum,
}

/// What was being done to a file when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Reading the progress store.
    ReadStore,
    /// Writing the progress store.
    WriteStore,
    /// Creating the folder the store lives in.
    CreateStoreFolder,
    /// Opening or taking the store's lock file.
    Lock,
    /// Writing a report to a file.
    WriteReport,
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
            | Error::ReportFormatUnknown { .. } => 2,
            _ => 1,
        }
    }

    /// The message in `lang`: lowercase, user values in backticks, and what to do next.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Curriculum(err) => err.message(lang),
            Error::UnknownTopic { query, suggestions } => {
                let mut out = match lang {
                    Lang::En => format!("unknown topic `{query}`"),
                    Lang::Zh => format!("没有这个主题：`{query}`"),
                };
                if !suggestions.is_empty() {
                    let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                    out.push_str(&match lang {
                        Lang::En => format!("; did you mean {}?", list.join(", ")),
                        Lang::Zh => format!("；你是不是想输入 {}？", list.join("、")),
                    });
                }
                out.push_str(lang.pick(
                    " (name a topic by id, by position like `2.4`, or by a piece of its title; see `studyplan list`)",
                    "（可以用编号、位置如 `2.4` 或标题中的一段文字指定主题；见 `studyplan list`）",
                ));
                out
            }
            Error::AmbiguousTopic { query, candidates } => {
                let mut out = match lang {
                    Lang::En => format!("`{query}` matches {} topics:", candidates.len()),
                    Lang::Zh => format!("`{query}` 匹配到 {} 个主题：", candidates.len()),
                };
                for candidate in candidates.iter().take(5) {
                    out.push_str("\n  ");
                    out.push_str(candidate);
                }
                if candidates.len() > 5 {
                    out.push_str(&match lang {
                        Lang::En => format!("\n  ... and {} more", candidates.len() - 5),
                        Lang::Zh => format!("\n  ……还有 {} 个", candidates.len() - 5),
                    });
                }
                out.push('\n');
                out.push_str(lang.pick(
                    "name one by its id or position",
                    "请用编号或位置指定其中一个",
                ));
                out
            }
            Error::AmbiguousStage { query, candidates } => {
                let mut out = match lang {
                    Lang::En => format!("`{query}` matches {} stages:", candidates.len()),
                    Lang::Zh => format!("`{query}` 匹配到 {} 个阶段：", candidates.len()),
                };
                for candidate in candidates {
                    out.push_str("\n  ");
                    out.push_str(candidate);
                }
                out.push('\n');
                out.push_str(lang.pick(
                    "name one by its number or id",
                    "请用阶段序号或编号指定其中一个",
                ));
                out
            }
            Error::UnknownStage { query, stages } => {
                // A long list of ids would bury the message; the command named shows them all.
                const SHOWN: usize = 8;
                let mut ids: Vec<String> = stages
                    .iter()
                    .take(SHOWN)
                    .map(|id| format!("`{id}`"))
                    .collect();
                if stages.len() > SHOWN {
                    ids.push(lang.pick("...", "……").to_owned());
                }
                let count = stages.len();
                match lang {
                    Lang::En => format!(
                        "unknown stage `{query}`; name one by its number (1-{count}), its id ({}) \
                         or a piece of its title; `studyplan list` shows each stage's id and title",
                        ids.join(", ")
                    ),
                    Lang::Zh => format!(
                        "没有这个阶段：`{query}`；请用阶段序号（1-{count}）、编号（{}）或标题中的一段文字\
                         指定阶段；`studyplan list` 会列出每个阶段的编号和标题",
                        ids.join("、")
                    ),
                }
            }
            Error::UnknownName { query, suggestions } => {
                let mut out = match lang {
                    Lang::En => format!("no topic or stage is named `{query}`"),
                    Lang::Zh => format!("没有叫 `{query}` 的主题或阶段"),
                };
                if !suggestions.is_empty() {
                    let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                    out.push_str(&match lang {
                        Lang::En => format!("; did you mean {}?", list.join(", ")),
                        Lang::Zh => format!("；你是不是想输入 {}？", list.join("、")),
                    });
                }
                out.push_str(lang.pick(
                    " (name a topic by id, by position like `2.4` or by a piece of its title, or a stage by id, number or a piece of its title; see `studyplan list`)",
                    "（主题可以用编号、位置如 `2.4` 或标题中的一段文字指定，阶段可以用编号、序号或标题中的一段文字指定；见 `studyplan list`）",
                ));
                out
            }
            Error::FutureDate { date, today } => match lang {
                Lang::En => format!(
                    "`{date}` is in the future (today is {today}); studyplan records what you have \
                     done, so give a date on or before today"
                ),
                Lang::Zh => format!(
                    "`{date}` 是将来的日期（今天是 {today}）；studyplan 记录的是你已经做过的事，\
                     请给出今天或更早的日期"
                ),
            },
            Error::BeforeStart { date, start } => match lang {
                Lang::En => format!(
                    "`{date}` is before the plan's start on {start}; give a date from {start} on, \
                     or move the start first with `studyplan begin {date}`"
                ),
                Lang::Zh => format!(
                    "`{date}` 早于计划的开始日期 {start}；请给出 {start} 或之后的日期，\
                     或先用 `studyplan begin {date}` 提前开始日期"
                ),
            },
            Error::BeforeLastChange { topic, date, last } => match lang {
                Lang::En => format!(
                    "`{date}` is before the last change to `{topic}`, on {last}; its state comes \
                     from its latest change, so give a date from {last} on (see `studyplan show \
                     {topic}`)"
                ),
                Lang::Zh => format!(
                    "`{date}` 早于 `{topic}` 最近一次修改的日期 {last}；主题的状态取决于最近一次\
                     修改，请给出 {last} 或之后的日期（见 `studyplan show {topic}`）"
                ),
            },
            Error::BeginAfterWork { date, first } => match lang {
                Lang::En => format!(
                    "the plan cannot begin on `{date}`: work is already recorded on {first}; give \
                     a date on or before {first} (see `studyplan log`)"
                ),
                Lang::Zh => format!(
                    "计划不能从 `{date}` 开始：{first} 已经有记录；请给出 {first} 或更早的日期\
                     （见 `studyplan log`）"
                ),
            },
            Error::ForgetCurrentTopic { id, current } => match lang {
                Lang::En => format!(
                    "`{id}` is a topic of this curriculum (`{current}`), so there is nothing to \
                     forget; `forget` drops progress only on ids the curriculum no longer has; to \
                     clear this topic's progress, use `studyplan undo {current}`"
                ),
                Lang::Zh => format!(
                    "`{id}` 是当前课程里的主题（`{current}`），没有可忘记的；forget 只丢弃课程中已不存在的编号上的进度；\
                     要清除这个主题的进度，请用 `studyplan undo {current}`"
                ),
            },
            Error::NothingToForget { id, orphans } => {
                let list: Vec<String> = orphans.iter().map(|o| format!("`{o}`")).collect();
                match (lang, orphans.is_empty()) {
                    (Lang::En, true) => format!(
                        "the store has no progress on `{id}` to forget, and no progress on any id \
                         this curriculum no longer has"
                    ),
                    (Lang::En, false) => format!(
                        "the store has no progress on `{id}` to forget; the ids it could forget: {}",
                        list.join(", ")
                    ),
                    (Lang::Zh, true) => format!(
                        "进度文件里没有 `{id}` 的进度可忘记，也没有任何当前课程已不存在的编号上的进度"
                    ),
                    (Lang::Zh, false) => format!(
                        "进度文件里没有 `{id}` 的进度可忘记；可以忘记的编号：{}",
                        list.join("、")
                    ),
                }
            }
            Error::EmptyNote => lang
                .pick(
                    "the note is empty; write it after the topic, like `studyplan note why-rag \"read the paper\"`",
                    "笔记是空的；请把内容写在主题后面，例如 `studyplan note why-rag \"读论文\"`",
                )
                .to_owned(),
            Error::OptionInNote { word, topic } => {
                let topic = shell_quoted(Path::new(topic));
                match lang {
                Lang::En => format!(
                    "`{word}` in the note's text is an option, so nothing was noted; put options \
                     before the topic, or quote the whole text to keep the word in the note \
                     (`studyplan note {topic} \"... {word} ...\"`)"
                ),
                Lang::Zh => format!(
                    "笔记内容中的 `{word}` 是一个选项，所以没有记下笔记；请把选项放在主题前面，\
                     或把整段内容放进引号以保留这个词（`studyplan note {topic} \"…… {word} ……\"`）"
                ),
                }
            }
            Error::StoreCorrupt { path, detail } => match lang {
                Lang::En => format!(
                    "cannot read the progress store `{}`: {detail}\n\
                     the file was left as it is: fix it by hand, or move it away to start a new one \
                     (your history is in it)",
                    path.display()
                ),
                Lang::Zh => format!(
                    "无法读取进度文件 `{}`：{detail}\n\
                     文件保持原样未动：请手动修好它，或把它移走以重新开始（你的历史记录在里面）",
                    path.display()
                ),
            },
            Error::WrongKind { path, given, found } => refusal(path, *given, *found, lang),
            Error::StoreZeroTail { path, keep, zeros } => match lang {
                Lang::En => format!(
                    "cannot read the progress store `{}`: it ends in {zeros} zero bytes after its \
                     last complete line, as a write cut short by a power loss can leave it; every \
                     change before them is intact\n\
                     the file was left as it is: cut it to its first {keep} bytes (for example \
                     `truncate -s {keep} {}`) and run the command again",
                    path.display(),
                    shell_quoted(path)
                ),
                Lang::Zh => format!(
                    "无法读取进度文件 `{}`：它在最后一行完整记录之后以 {zeros} 个零字节结尾，\
                     这是断电中断写入可能留下的；它们之前的每条记录都完好\n\
                     文件保持原样未动：把它截到前 {keep} 个字节（例如 \
                     `truncate -s {keep} {}`）后重新运行命令",
                    path.display(),
                    shell_quoted(path)
                ),
            },
            Error::StoreChanged(path) => match lang {
                Lang::En => format!(
                    "the progress store `{}` changed while this command was running (saved by \
                     another program, an editor or a sync tool?)\n\
                     nothing was written, so that change is kept: run the command again",
                    path.display()
                ),
                Lang::Zh => format!(
                    "本命令运行期间，进度文件 `{}` 被改动了（另一个程序、编辑器或同步工具保存了它？）\n\
                     本次没有写入任何内容，那次改动得以保留：请重新运行命令",
                    path.display()
                ),
            },
            Error::StoreUnfinished { path, line, text } => match lang {
                Lang::En => format!(
                    "cannot read the progress store `{}`: its last line, line {line}, stops in the \
                     middle of a change (`{text}`): a write was cut short (a crash, a full disk) or \
                     the file was cut\n\
                     the file was left as it is: delete that one line and run the command again; \
                     every line before it is intact",
                    path.display()
                ),
                Lang::Zh => format!(
                    "无法读取进度文件 `{}`：最后一行（第 {line} 行）停在一条记录的中间（`{text}`）：\
                     写入被中断（崩溃、磁盘已满），或文件被截断\n\
                     文件保持原样未动：删掉这一行后重新运行命令；它之前的每一行都完好",
                    path.display()
                ),
            },
            Error::StoreTooNew {
                path,
                found,
                supported,
            } => match lang {
                Lang::En => format!(
                    "the progress store `{}` has version {found}, but this studyplan reads only up to \
                     version {supported}; upgrade studyplan (the file was left as it is)",
                    path.display()
                ),
                Lang::Zh => format!(
                    "进度文件 `{}` 的版本是 {found}，而这个 studyplan 最高只能读取版本 {supported}；\
                     请升级 studyplan（文件保持原样未动）",
                    path.display()
                ),
            },
            Error::StoreNotAFile { path, folder } => {
                let example = path.join("progress.yaml");
                let (path, example) = (path.display(), example.display());
                match (lang, folder) {
                    (Lang::En, true) => format!(
                        "the progress store `{path}` is a folder; pass a file path such as `{example}`"
                    ),
                    (Lang::En, false) => format!(
                        "the progress store `{path}` is not a file path; pass one such as `{example}`"
                    ),
                    (Lang::Zh, true) => format!(
                        "进度文件 `{path}` 是一个文件夹；请给出文件路径，例如 `{example}`"
                    ),
                    (Lang::Zh, false) => format!(
                        "进度文件 `{path}` 不是文件路径；请给出文件路径，例如 `{example}`"
                    ),
                }
            }
            Error::StoreNotRegular(path) => match lang {
                Lang::En => format!(
                    "the progress store `{}` is not a regular file (a pipe, a device or a socket); \
                     it was left as it is: point --store at a file",
                    path.display()
                ),
                Lang::Zh => format!(
                    "进度文件 `{}` 不是普通文件（而是管道、设备或套接字）；已保持原样：\
                     请用 --store 指定一个文件",
                    path.display()
                ),
            },
            Error::OwnerWouldChange(path) => match lang {
                Lang::En => format!(
                    "cannot write the progress store `{}`: it belongs to another user, and \
                     writing it anew would make it yours; nothing was changed: run the command as \
                     its owner",
                    path.display()
                ),
                Lang::Zh => format!(
                    "无法写入进度文件 `{}`：它属于另一个用户，重新写入会让它变成你的；\
                     没有做任何改动：请以它的所有者身份运行命令",
                    path.display()
                ),
            },
            Error::StoreLinkBroken(path) => match lang {
                Lang::En => format!(
                    "the progress store `{}` is a link to a file that cannot be reached; fix the link \
                     or pass another --store",
                    path.display()
                ),
                Lang::Zh => format!(
                    "进度文件 `{}` 是一个指向无法访问的文件的链接；请修好链接，或用 --store 指定别的文件",
                    path.display()
                ),
            },
            Error::Io {
                action,
                path,
                cause,
            } => {
                let path = path.display();
                let reason = io_reason(cause, lang);
                let not_regular = crate::files::NotRegular::cause_of(cause).is_some();
                match (action, lang) {
                    (IoAction::ReadStore, Lang::En) if not_regular => format!(
                        "cannot read the progress store `{path}`: {reason}; point --store (or \
                         STUDYPLAN_STORE) at a regular file"
                    ),
                    (IoAction::ReadStore, Lang::Zh) if not_regular => format!(
                        "无法读取进度文件 `{path}`：{reason}；请用 --store（或 STUDYPLAN_STORE）指定一个普通文件"
                    ),
                    (IoAction::ReadStore, Lang::En) => format!(
                        "cannot read the progress store `{path}`: {reason}; check its permissions, \
                         or point --store at another file"
                    ),
                    (IoAction::ReadStore, Lang::Zh) => format!(
                        "无法读取进度文件 `{path}`：{reason}；请检查它的权限，或用 --store 指定另一个文件"
                    ),
                    (IoAction::WriteStore, Lang::En) => format!(
                        "cannot write the progress store `{path}`: {reason}; nothing was changed"
                    ),
                    (IoAction::WriteStore, Lang::Zh) => {
                        format!("无法写入进度文件 `{path}`：{reason}；没有做任何改动")
                    }
                    (IoAction::CreateStoreFolder, Lang::En) => format!(
                        "cannot create the store folder `{path}`: {reason}; create it yourself, or \
                         point --store elsewhere"
                    ),
                    (IoAction::CreateStoreFolder, Lang::Zh) => format!(
                        "无法创建进度文件夹 `{path}`：{reason}；请手动创建，或用 --store 指定别处"
                    ),
                    (IoAction::Lock, Lang::En) => format!(
                        "cannot lock the progress store with `{path}`: {reason}; nothing was changed"
                    ),
                    (IoAction::Lock, Lang::Zh) => {
                        format!("无法用 `{path}` 锁定进度文件：{reason}；没有做任何改动")
                    }
                    (IoAction::WriteReport, Lang::En) => format!(
                        "cannot write the report to `{path}`: {reason}; no file was left behind"
                    ),
                    (IoAction::WriteReport, Lang::Zh) => {
                        format!("无法把报告写入 `{path}`：{reason}；没有留下任何文件")
                    }
                }
            }
            Error::WriteOutput { target, cause } => {
                let reason = io_reason(cause, lang);
                match (target, lang) {
                    (Some(target), Lang::En) => format!(
                        "cannot write the output to `{}` (standard output): {reason}; fix that or \
                         send the output elsewhere, then run the command again",
                        target.display()
                    ),
                    (None, Lang::En) => format!(
                        "cannot write the output to standard output: {reason}; fix that or send \
                         the output elsewhere, then run the command again"
                    ),
                    (Some(target), Lang::Zh) => format!(
                        "无法把输出写入 `{}`（标准输出）：{reason}；请解决这个问题或把输出转到别处，\
                         然后重新运行命令",
                        target.display()
                    ),
                    (None, Lang::Zh) => format!(
                        "无法把输出写入标准输出：{reason}；请解决这个问题或把输出转到别处，\
                         然后重新运行命令"
                    ),
                }
            }
            Error::OutputFolderMissing { path, folder } => match lang {
                Lang::En => format!(
                    "cannot write the report to `{}`: the folder `{}` does not exist; create it \
                     first, or choose another --output",
                    path.display(),
                    folder.display()
                ),
                Lang::Zh => format!(
                    "无法把报告写入 `{}`：文件夹 `{}` 不存在；请先创建它，或换一个 --output",
                    path.display(),
                    folder.display()
                ),
            },
            Error::ReportOntoOwnFile { path, file, what } => {
                let (path, file) = (path.display(), file.display());
                let what = match (what, lang) {
                    (OwnFile::Store, Lang::En) => "the progress store, and your history would be lost",
                    (OwnFile::Lock, Lang::En) => "the progress store's lock file",
                    (OwnFile::Curriculum, Lang::En) => "the curriculum in use",
                    (OwnFile::Store, Lang::Zh) => "进度文件，你的历史记录会丢失",
                    (OwnFile::Lock, Lang::Zh) => "进度文件的锁文件",
                    (OwnFile::Curriculum, Lang::Zh) => "正在使用的课程文件",
                };
                match lang {
                    Lang::En => format!(
                        "cannot write the report to `{path}`: it is `{file}`, {what}; nothing was \
                         written: choose another --output"
                    ),
                    Lang::Zh => format!(
                        "不能把报告写入 `{path}`：它就是 `{file}`，{what}；没有写入任何内容：\
                         请换一个 --output"
                    ),
                }
            }
            Error::ReportFormatMismatch { path, given, said } => match lang {
                Lang::En => format!(
                    "`--format {given}` does not match the file name `{}`, which says {said}; drop \
                     --format to write {said}, or give the file a name that fits",
                    path.display()
                ),
                Lang::Zh => format!(
                    "`--format {given}` 与文件名 `{}` 不符（扩展名表示 {said}）；去掉 --format \
                     即写成 {said}，或换一个相符的文件名",
                    path.display()
                ),
            },
            Error::ReportFormatUnknown { path, extension } => match lang {
                Lang::En => format!(
                    "cannot tell the report's format from the file name `{}`: `.{extension}` is \
                     none of .md, .csv or .json; add --format markdown, csv or json",
                    path.display()
                ),
                Lang::Zh => format!(
                    "无法从文件名 `{}` 判断报告格式：`.{extension}` 不是 .md、.csv 或 .json；\
                     请加上 --format markdown、csv 或 json",
                    path.display()
                ),
            },
            Error::ReportNotAFile(path) => match lang {
                Lang::En => format!(
                    "cannot write the report to `{}`: it is neither a file, a pipe nor a \
                     character device, and it was left as it is; choose another --output",
                    path.display()
                ),
                Lang::Zh => format!(
                    "无法把报告写入 `{}`：它既不是文件，也不是管道或字符设备，已保持原样；\
                     请换一个 --output",
                    path.display()
                ),
            },
            Error::BadToday(value) => match lang {
                Lang::En => format!(
                    "STUDYPLAN_TODAY=`{value}` is not a date like 2026-11-29 (YYYY-MM-DD); fix or unset it"
                ),
                Lang::Zh => {
                    format!(
                        "STUDYPLAN_TODAY=`{value}` 不是 2026-11-29 这样的日期（YYYY-MM-DD）；请改正或删除它"
                    )
                }
            },
            Error::BadLang(value) => match lang {
                Lang::En => format!(
                    "STUDYPLAN_LANG=`{value}` is not a language studyplan speaks; use `zh` or `en`"
                ),
                Lang::Zh => {
                    format!("STUDYPLAN_LANG=`{value}` 不是 studyplan 支持的语言；请用 `zh` 或 `en`")
                }
            },
            Error::BadBorder(value) => match lang {
                Lang::En => format!(
                    "STUDYPLAN_BORDER=`{value}` is not a border style; use `unicode` or `ascii`"
                ),
                Lang::Zh => {
                    format!("STUDYPLAN_BORDER=`{value}` 不是表格线的画法；请用 `unicode` 或 `ascii`")
                }
            },
            Error::NoDataFolder => lang
                .pick(
                    "cannot find your data folder; pass --store FILE or set STUDYPLAN_STORE",
                    "找不到你的数据文件夹；请用 --store FILE 或设置 STUDYPLAN_STORE",
                )
                .to_owned(),
        }
    }
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
pub fn prefix(lang: Lang) -> &'static str {
    lang.pick("studyplan: error: ", "studyplan: 错误：")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_and_they_differ() {
        let errors = [
            Error::UnknownStage {
                query: "9".into(),
                stages: vec!["first".into(), "second".into()],
            },
            Error::UnknownName {
                query: "x".into(),
                suggestions: vec!["y".into()],
            },
            Error::AmbiguousStage {
                query: "s".into(),
                candidates: vec!["1 first  First".into(), "2 second  Second".into()],
            },
            Error::UnknownTopic {
                query: "x".into(),
                suggestions: vec!["y".into()],
            },
            Error::BadToday("soon".into()),
            Error::BadLang("fr".into()),
            Error::BadBorder("round".into()),
            Error::NoDataFolder,
            Error::OptionInNote {
                word: "--lang".into(),
                topic: "why-rag".into(),
            },
            Error::WriteOutput {
                target: Some(PathBuf::from("/dev/full")),
                cause: io::Error::from(io::ErrorKind::StorageFull),
            },
            Error::WriteOutput {
                target: None,
                cause: io::Error::from(io::ErrorKind::StorageFull),
            },
            Error::ForgetCurrentTopic {
                id: "old".into(),
                current: "new".into(),
            },
            Error::NothingToForget {
                id: "x".into(),
                orphans: vec!["gone".into()],
            },
            Error::NothingToForget {
                id: "x".into(),
                orphans: Vec::new(),
            },
            Error::Curriculum(crate::curriculum::Error::ExpandsTooMuch {
                file: "c.yaml".into(),
                location: (3, 4),
                limit_mib: 64,
            }),
            Error::WrongKind {
                path: PathBuf::from("plan.yaml"),
                given: Kind::Store,
                found: Kind::Curriculum,
            },
            Error::WrongKind {
                path: PathBuf::from("r.csv"),
                given: Kind::Curriculum,
                found: Kind::Report(crate::file_kind::ReportFormat::Csv),
            },
            Error::io(
                IoAction::WriteReport,
                Path::new("r.md"),
                io::Error::from(io::ErrorKind::PermissionDenied),
            ),
        ];
        for err in &errors {
            let (en, zh) = (err.message(Lang::En), err.message(Lang::Zh));
            assert_eq!(en, err.to_string());
            assert_ne!(en, zh);
            let starts_lowercase = en.chars().next().is_some_and(|c| !c.is_uppercase());
            assert!(starts_lowercase || en.starts_with("STUDYPLAN_"), "{en}");
        }
    }
}
