//! The message catalog: the interface's two languages, picking one from the locale, typed keys
//! for every message (`msg.rs`), one file per language (`en.rs`, `zh.rs`), and the helpers that
//! count and list in each.

mod en;
mod msg;
#[cfg(test)]
mod tests;
mod zh;

use std::borrow::{Borrow, Cow};

use serde::Serialize;

pub use msg::{
    ChangeName, ChartLine, Expected, FileKind, FileType, Found, Header, IoAction, IoFailure, Label,
    LineProblem, ManSection, MapName, Msg, NotAFile, OwnFile, PartName, PathPiece, ReportHeading,
    StateName, TuiAction, Unit, V1Problem, YamlHint,
};

/// The language the interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English
    En,
    /// 中文
    Zh,
}

impl Lang {
    /// The language's tag, as a web page declares it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// `msg` in this language.
    pub fn say(self, msg: Msg<'_>) -> Cow<'static, str> {
        match self {
            Lang::En => en::text(&msg),
            Lang::Zh => zh::text(&msg),
        }
    }

    /// `n` of `unit`: `1 topic`, `3 topics`; `3 个主题`.
    pub fn count(self, n: i64, unit: Unit) -> String {
        match self {
            Lang::En => en::count(n, unit),
            Lang::Zh => zh::count(n, unit),
        }
    }

    /// `a, b and c`; `a、b 和 c`.
    pub fn and_list<S: Borrow<str>>(self, items: &[S]) -> String {
        match self {
            Lang::En => en::and_list(items),
            Lang::Zh => zh::and_list(items),
        }
    }

    /// `a, b, c`; `a、b、c`: the items of a list, such as ids.
    pub fn list<S: Borrow<str>>(self, items: &[S]) -> String {
        match self {
            Lang::En => en::list(items),
            Lang::Zh => zh::list(items),
        }
    }

    /// `a, b`; `a，b`: clauses of one sentence.
    pub fn clauses<S: Borrow<str>>(self, items: &[S]) -> String {
        match self {
            Lang::En => en::clauses(items),
            Lang::Zh => zh::clauses(items),
        }
    }

    /// The language a locale string such as `zh_CN.UTF-8` or `en_US` asks for, if it names one.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if value.to_ascii_lowercase().starts_with("zh") {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }
}

/// Each of `items` in backticks, as the interface shows values the user typed or will type.
fn ticked(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| format!("`{item}`")).collect()
}

/// `text` with each of its lines indented by two spaces, as a message quoted inside another.
fn indented(text: &str) -> String {
    text.lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `items` joined with `sep`, the last two with `last`.
fn join_last<S: Borrow<str>>(items: &[S], sep: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.borrow().to_owned(),
        [first @ .., end] => format!("{}{last}{}", first.join(sep), end.borrow()),
    }
}

/// What the value at a path is, read off its last pieces; numbers from 1.
enum Subject<'p> {
    Curriculum,
    Stage(usize),
    Topic {
        stage: Option<usize>,
        topic: usize,
    },
    Item {
        number: usize,
        of: &'p [PathPiece<'p>],
    },
    Key(&'p str),
    KeyOf {
        key: &'p str,
        of: &'p [PathPiece<'p>],
    },
}

/// `stages[1].topics[0].title` is the `title` of topic 2.1.
fn subject<'p>(pieces: &'p [PathPiece<'p>]) -> Subject<'p> {
    let stage_number = |pieces: &[PathPiece]| {
        pieces.windows(2).rev().find_map(|pair| match pair {
            [PathPiece::Key("stages"), PathPiece::Index(n)] => Some(n + 1),
            _ => None,
        })
    };
    match pieces {
        [] => Subject::Curriculum,
        [.., PathPiece::Key("stages"), PathPiece::Index(n)] => Subject::Stage(n + 1),
        [before @ .., PathPiece::Key("topics"), PathPiece::Index(n)] => Subject::Topic {
            stage: stage_number(before),
            topic: n + 1,
        },
        [before @ .., PathPiece::Index(n)] => Subject::Item {
            number: n + 1,
            of: before,
        },
        [PathPiece::Key(key)] => Subject::Key(key),
        [before @ .., PathPiece::Key(key)] => Subject::KeyOf { key, of: before },
    }
}
