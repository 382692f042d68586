//! The history: one line per change, newest first.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{pad, to_json, topic_line};
use crate::curriculum::Loaded;
use std::borrow::Cow;

use crate::i18n::{ChangeName, Lang, Msg};
use crate::store::{Change, Event, Grade};

/// Which changes a log shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct LogFilter {
    /// Only changes to topics of this stage (index from 0).
    pub stage: Option<usize>,
    /// Only changes that count for this day or later.
    pub since: Option<NaiveDate>,
    /// Only the newest this many changes (commands: the topics of one share its id).
    pub limit: Option<usize>,
}

/// The changes of `loaded`'s plan that pass `filter`, newest first; changes that count for the
/// same day, last recorded first, and the topics of one command in the order they were typed.
fn entries<'a>(loaded: &Loaded, events: &'a [Event], filter: LogFilter) -> Vec<(usize, &'a Event)> {
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
    // The topics of one command (one time, one id) stay in the order they were typed.
    kept.sort_by_key(|&(i, event)| (Reverse((event.day(), event.at(), event.id())), i));
    if let Some(limit) = filter.limit {
        // The topics of one command sit together: a change is a run of one id.
        let mut changes = 0;
        let mut last = None;
        kept.retain(|(_, event)| {
            if last != Some(event.id()) {
                last = Some(event.id());
                changes += 1;
            }
            changes <= limit
        });
    }
    kept
}

/// What one `begin` did, when the plan was begun more than once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Begin {
    /// The last `begin` recorded: the start that counts.
    counts: bool,
    /// The start the one recorded before it had set, when this one moved it.
    moved_from: Option<NaiveDate>,
    /// For one that no longer counts: the day the next `begin` was recorded, and the start it set.
    replaced: Option<(NaiveDate, NaiveDate)>,
}

/// Each `begin` of `loaded`'s plan, by its place in `events`, when there is more than one; the
/// last one recorded counts.
fn begins(loaded: &Loaded, events: &[Event]) -> HashMap<usize, Begin> {
    let plan = loaded.curriculum.id.as_str();
    let found: Vec<(usize, &Event)> = events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.change == Change::Begin && *event.plan == *plan)
        .collect();
    if found.len() < 2 {
        return HashMap::new();
    }
    (0..found.len())
        .map(|k| {
            let (i, event) = found[k];
            let before = k.checked_sub(1).map(|k| found[k].1.day());
            let next = found.get(k + 1).map(|&(_, next)| next);
            let begin = Begin {
                counts: next.is_none(),
                moved_from: before.filter(|&day| day != event.day()),
                replaced: next.map(|next| (next.at().date_naive(), next.day())),
            };
            (i, begin)
        })
        .collect()
}

/// What a `begin` says beside "the plan starts".
fn begin_text(begin: Begin, day: NaiveDate, lang: Lang) -> Cow<'static, str> {
    lang.say(match (begin.counts, begin.moved_from, begin.replaced) {
        (true, Some(from), _) => Msg::BeginCountsMovedFrom { from },
        (true, None, _) => Msg::BeginCounts,
        (false, _, Some((on, to))) if to != day => Msg::BeginSupersededMovedTo { on, to },
        (false, _, Some((on, _))) => Msg::BeginSupersededOn { on },
        (false, _, None) => Msg::BeginSuperseded,
    })
}

/// A note's text in double quotes, one line, with quotes and backslashes inside escaped so that
/// where it ends is never in doubt, and control characters shown as `\u{1b}`, never acted on.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in one_line(text).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        if crate::wrap::acts_on_terminal(c) {
            // Never acted on by the terminal; told apart from a backslash typed in the note.
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// The name of a change in the interface language.
pub fn change_name(change: &Change, lang: Lang) -> Cow<'_, str> {
    let name = match change {
        Change::Done => ChangeName::Done,
        Change::Undo => ChangeName::Undo,
        Change::Start => ChangeName::Start,
        Change::Skip => ChangeName::Skip,
        Change::Note => ChangeName::Note,
        Change::Begin => ChangeName::Begin,
        Change::Forget => ChangeName::Forget,
        Change::Revert => ChangeName::Revert,
        Change::Review(Grade::Good) => ChangeName::Review,
        Change::Review(Grade::Hard) => ChangeName::ReviewHard,
        Change::Review(Grade::Again) => ChangeName::ReviewAgain,
        // A kind this version does not know is shown as the store has it.
        Change::Other(word) => return Cow::Borrowed(word.as_ref()),
    };
    lang.say(Msg::Change(name))
}

/// What a change was about: its topic, or the plan itself.
fn subject(loaded: &Loaded, event: &Event, lang: Lang) -> String {
    match (&event.topic, loaded_position(loaded, event)) {
        (_, Some(pos)) => topic_line(loaded, pos, lang),
        (Some(id), None) => lang.say(Msg::NotInCurriculum { id }).into_owned(),
        (None, None) if event.change == Change::Begin => lang.say(Msg::ThePlanStarts).into_owned(),
        (None, None) => lang.say(Msg::ThePlan).into_owned(),
    }
}

fn loaded_position(loaded: &Loaded, event: &Event) -> Option<crate::curriculum::Pos> {
    event.topic.as_deref().and_then(|id| loaded.position_of(id))
}

/// A note's text on one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The short form of an event's id, as `log` shows it and `revert` takes it.
pub fn short_id(id: uuid::Uuid) -> String {
    id.simple().to_string()[..8].to_owned()
}

/// `log`: id, date, change and topic, newest first; notes with their text. `reverted` holds the
/// ids of the changes that no longer count.
pub fn log(
    loaded: &Loaded,
    events: &[Event],
    reverted: &FxHashSet<uuid::Uuid>,
    filter: LogFilter,
    lang: Lang,
) -> String {
    let shown = entries(loaded, events, filter);
    if shown.is_empty() {
        let filtered = filter.stage.is_some() || filter.since.is_some();
        let msg = if filtered {
            Msg::NoChangesMatch
        } else {
            Msg::NoChangesYet
        };
        return format!("{}\n", lang.say(msg));
    }
    let width = shown
        .iter()
        .map(|(_, event)| change_name(&event.change, lang).width())
        .max()
        .unwrap_or(0);
    let begins = begins(loaded, events);
    // The notes replaced by an edit in effect (one no revert in effect cancels, even if it was
    // edited in turn), each with the edit's id.
    let revoked: FxHashSet<uuid::Uuid> = events
        .iter()
        .filter(|event| event.change == Change::Revert && !reverted.contains(&event.id()))
        .filter_map(Event::reverts)
        .collect();
    let edited: FxHashMap<uuid::Uuid, uuid::Uuid> = events
        .iter()
        .filter(|event| event.change == Change::Note && !revoked.contains(&event.id()))
        .filter_map(|event| Some((event.reverts()?, event.id())))
        .collect();
    let mut out = String::new();
    for (i, event) in shown {
        out.push_str(&short_id(event.id()));
        out.push_str("  ");
        out.push_str(&event.day().to_string());
        out.push_str("  ");
        out.push_str(&pad(&change_name(&event.change, lang), width));
        out.push_str("  ");
        match event.reverts() {
            Some(target) if event.change == Change::Note => {
                out.push_str(&subject(loaded, event, lang));
                out.push_str(&lang.say(Msg::EditsNote {
                    id: &short_id(target),
                }));
            }
            Some(target) => out.push_str(&lang.say(Msg::RevertsChange {
                id: &short_id(target),
            })),
            None => out.push_str(&subject(loaded, event, lang)),
        }
        match edited.get(&event.id()) {
            Some(&by) => out.push_str(&lang.say(Msg::EditedBy { id: &short_id(by) })),
            None if reverted.contains(&event.id()) => {
                out.push_str(&lang.say(Msg::NoLongerCounts));
            }
            None => {}
        }
        if let Some(&begin) = begins.get(&i) {
            out.push_str(&begin_text(begin, event.day(), lang));
        }
        if let Some(text) = event.text() {
            out.push_str("  ");
            out.push_str(&quoted(text));
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct LogEntry<'a> {
    id: String,
    date: String,
    at: String,
    change: &'a str,
    topic: Option<&'a str>,
    position: Option<String>,
    stage: Option<&'a str>,
    title: Option<&'a str>,
    text: Option<&'a str>,
    /// Only for a `begin`, when the plan was begun more than once: whether it is the start
    /// that counts (the last one recorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<bool>,
    /// Only beside `counts`: the start it moved from, if it moved one.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_from: Option<Option<String>>,
    /// Only for a revert: the id of the change it cancels.
    #[serde(skip_serializing_if = "Option::is_none")]
    reverts: Option<String>,
    /// Only for a change that was reverted (or a revert that was): true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reverted: bool,
}

/// `log --json`: an array of changes, newest first.
pub fn log_json(
    loaded: &Loaded,
    events: &[Event],
    reverted: &FxHashSet<uuid::Uuid>,
    filter: LogFilter,
    lang: Lang,
) -> String {
    let begins = begins(loaded, events);
    let entries: Vec<LogEntry> = entries(loaded, events, filter)
        .into_iter()
        .map(|(i, event)| {
            let pos = loaded_position(loaded, event);
            let begin = begins.get(&i);
            LogEntry {
                id: event.id().hyphenated().to_string(),
                date: event.day().to_string(),
                at: event.at().to_rfc3339(),
                change: event.change.as_str(),
                topic: event.topic.as_deref(),
                position: pos.map(|pos| pos.to_string()),
                stage: pos.map(|pos| loaded.curriculum.stages[pos.stage].id.as_str()),
                title: pos.map(|pos| loaded.topic(pos).title.get(lang)),
                text: event.text(),
                counts: begin.map(|begin| begin.counts),
                moved_from: begin.map(|begin| begin.moved_from.map(|day| day.to_string())),
                reverts: event.reverts().map(|id| id.hyphenated().to_string()),
                reverted: reverted.contains(&event.id()),
            }
        })
        .collect();
    to_json(&entries)
}
