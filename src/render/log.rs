//! The history: one line per change, newest first.

use std::cmp::Reverse;

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{pad, to_json, topic_line};
use crate::curriculum::Loaded;
use crate::i18n::Lang;
use crate::store::{Change, Event};

/// Which changes a log shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct LogFilter {
    /// Only changes to topics of this stage (index from 0).
    pub stage: Option<usize>,
    /// Only changes that count for this day or later.
    pub since: Option<NaiveDate>,
}

/// The changes of `loaded`'s plan that pass `filter`, newest first; changes that count for the
/// same day, last recorded first.
fn entries<'a>(loaded: &Loaded, events: &'a [Event], filter: LogFilter) -> Vec<&'a Event> {
    let plan = loaded.curriculum.id.as_str();
    let mut kept: Vec<(usize, &Event)> = events
        .iter()
        .enumerate()
        .filter(|(_, event)| *event.plan == *plan)
        .filter(|(_, event)| filter.since.is_none_or(|since| event.day() >= since))
        .filter(|(_, event)| {
            filter.stage.is_none_or(|stage| {
                event
                    .topic
                    .as_deref()
                    .and_then(|id| loaded.position_of(id))
                    .is_some_and(|pos| pos.stage == stage)
            })
        })
        .collect();
    kept.sort_by_key(|&(i, event)| Reverse((event.day(), i)));
    kept.into_iter().map(|(_, event)| event).collect()
}

/// The name of a change in the interface language.
pub fn change_name(change: &Change, lang: Lang) -> &str {
    match change {
        Change::Done => lang.pick("done", "完成"),
        Change::Undo => lang.pick("undo", "撤销"),
        Change::Start => lang.pick("start", "开始"),
        Change::Skip => lang.pick("skip", "跳过"),
        Change::Note => lang.pick("note", "笔记"),
        Change::Begin => lang.pick("begin", "开始计划"),
        Change::Forget => lang.pick("forget", "忘记"),
        Change::Other(word) => word.as_ref(),
    }
}

/// What a change was about: its topic, or the plan itself.
fn subject(loaded: &Loaded, event: &Event, lang: Lang) -> String {
    match (&event.topic, loaded_position(loaded, event)) {
        (_, Some(pos)) => topic_line(loaded, pos, lang),
        (Some(id), None) => match lang {
            Lang::En => format!("`{id}` (not in this curriculum)"),
            Lang::Zh => format!("`{id}`（当前课程中没有）"),
        },
        (None, None) if event.change == Change::Begin => {
            lang.pick("the plan starts", "计划开始").to_owned()
        }
        (None, None) => lang.pick("the plan", "计划").to_owned(),
    }
}

fn loaded_position(loaded: &Loaded, event: &Event) -> Option<crate::curriculum::Pos> {
    event.topic.as_deref().and_then(|id| loaded.position_of(id))
}

/// A note's text on one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `log`: date, change and topic, newest first; notes with their text.
pub fn log(loaded: &Loaded, events: &[Event], filter: LogFilter, lang: Lang) -> String {
    let shown = entries(loaded, events, filter);
    if shown.is_empty() {
        let filtered = filter.stage.is_some() || filter.since.is_some();
        return format!(
            "{}\n",
            if filtered {
                lang.pick("no changes match", "没有符合条件的记录")
            } else {
                lang.pick("no changes recorded yet", "还没有任何记录")
            }
        );
    }
    let width = shown
        .iter()
        .map(|event| change_name(&event.change, lang).width())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for event in shown {
        out.push_str(&event.day().to_string());
        out.push_str("  ");
        out.push_str(&pad(change_name(&event.change, lang), width));
        out.push_str("  ");
        out.push_str(&subject(loaded, event, lang));
        if let Some(text) = event.text() {
            out.push_str(&format!("  \"{}\"", one_line(text)));
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct LogEntry<'a> {
    date: String,
    at: String,
    change: &'a str,
    topic: Option<&'a str>,
    position: Option<String>,
    stage: Option<&'a str>,
    title: Option<&'a str>,
    text: Option<&'a str>,
}

/// `log --json`: an array of changes, newest first.
pub fn log_json(loaded: &Loaded, events: &[Event], filter: LogFilter, lang: Lang) -> String {
    let entries: Vec<LogEntry> = entries(loaded, events, filter)
        .into_iter()
        .map(|event| {
            let pos = loaded_position(loaded, event);
            LogEntry {
                date: event.day().to_string(),
                at: event.at().to_rfc3339(),
                change: event.change.as_str(),
                topic: event.topic.as_deref(),
                position: pos.map(|pos| pos.to_string()),
                stage: pos.map(|pos| loaded.curriculum.stages[pos.stage].id.as_str()),
                title: pos.map(|pos| loaded.topic(pos).title.get(lang)),
                text: event.text(),
            }
        })
        .collect();
    to_json(&entries)
}
