//! Reading a version 1 store: one YAML file, `version: 1` and a list of `events`, one map each.
//!
//! Read in place by every command until the first change converts it to version 2. The same
//! bounds hold as for version 2: a file that is not a regular file is refused before it is
//! opened, aliases may not expand it past a few times its size, serde_yaml refuses nesting
//! deeper than 128, and a file larger than [`MAX_SIZE`] is refused unread.
//!
//! Each event is given the id it will keep after the conversion: a name-based UUID (version 5)
//! of what it says and how many times the same words came before it in the file, so copies of
//! one version 1 history on two machines convert to the same ids and merge without doubles.
//! Version 1 replayed its file in order; version 2 replays by time. So that both agree, an event
//! recorded no later than the one before it in the file (the same second, or a clock set back)
//! is placed a microsecond after it, still counting for its own day.

use std::borrow::Cow;
use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeDelta};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde_yaml::Value;
use uuid::Uuid;

use super::event::More;
use super::{Change, Event};
use crate::error::Error;
use crate::file_kind::{self, Kind};
use crate::i18n::V1Problem;

/// The largest version 1 file read: a hundred times the largest history anyone has kept.
pub const MAX_SIZE: u64 = 256 << 20;

/// The namespace of version 1 events' ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x5f1d_7c1e_2a4b_4e8f_9c3d_6b5a_4e3f_2d1c);

/// A version 1 store, read.
pub struct Read {
    pub events: Vec<Event>,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Reads the text of a version 1 store; `path` is for messages.
pub fn parse(text: &str, path: &Path) -> Result<Read, Error> {
    check_zero_tail(text, path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_text(text, path)
}

/// Reads bytes that should be a version 1 store.
pub fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Read, Error> {
    match String::from_utf8(bytes) {
        Ok(text) => parse(&text, path),
        Err(err) => Err(not_utf8(err, path)),
    }
}

fn check_version(version: u64, path: &Path) -> Result<(), Error> {
    match version {
        1 => Ok(()),
        0 => Err(corrupt(path, V1Problem::VersionZero)),
        found => Err(Error::StoreTooNew {
            path: path.to_owned(),
            found,
            supported: 1,
        }),
    }
}

/// Gives the events of one file their lasting ids and times, in file order.
fn identify(events: &mut [Event]) {
    let mut seen: FxHashMap<Uuid, u32> = FxHashMap::default();
    let mut previous: Option<DateTime<chrono::FixedOffset>> = None;
    for event in events.iter_mut() {
        let mut words = serde_json::json!([
            event.at.to_rfc3339(),
            &*event.plan,
            event.topic.as_deref(),
            event.change.as_str(),
            event.on.map(|on| on.to_string()),
            event.text(),
        ])
        .to_string();
        for (key, value) in event.extra() {
            words.push_str(key);
            words.push_str(&value.to_string());
        }
        let content = Uuid::new_v5(&NAMESPACE, words.as_bytes());
        let count = seen.entry(content).or_default();
        *count += 1;
        event.id = Uuid::new_v5(&content, &count.to_le_bytes());
        // Replayed by time, the file's order must hold: a change recorded no later than the
        // one before it (the same second, or a clock set back) is placed just after it, and
        // keeps the day it counted for.
        if let Some(placed) = previous
            && event.at <= placed
        {
            let day = event.day;
            event.at = placed + TimeDelta::microseconds(1);
            if event.at.date_naive() != day {
                event.on = Some(day);
            }
        }
        previous = Some(event.at);
    }
}

/// Why a store that is not UTF-8 is refused. A write cut short inside a character leaves its
/// first bytes at the very end: that is an unfinished line, like any other.
fn not_utf8(err: std::string::FromUtf8Error, path: &Path) -> Error {
    let valid = err.utf8_error().valid_up_to();
    let corrupt = corrupt(path, V1Problem::NotUtf8 { offset: valid });
    if err.utf8_error().error_len().is_some() {
        return corrupt;
    }
    let mut bytes = err.into_bytes();
    bytes.truncate(valid);
    match String::from_utf8(bytes).map(|text| parse_text(&text, path)) {
        Ok(Err(unfinished @ Error::StoreUnfinished { .. })) => unfinished,
        _ => corrupt,
    }
}

/// Parses the text of a store.
fn parse_text(text: &str, path: &Path) -> Result<Read, Error> {
    parse_store_text(text, path).map_err(|err| match err {
        // A file that is no store at all (a curriculum, a report) is named for what it is.
        Error::StoreCorrupt { .. } | Error::StoreTooNew { .. } => match file_kind::sniff(text) {
            Some(found @ (Kind::Curriculum | Kind::Report(_))) => wrong_kind(path, found),
            _ => err,
        },
        err => err,
    })
}

/// Refuses the store at `path` for being a file of the kind `found`.
pub(super) fn wrong_kind(path: &Path, found: Kind) -> Error {
    Error::WrongKind {
        path: path.to_owned(),
        given: Kind::Store,
        found,
    }
}

fn parse_store_text(text: &str, path: &Path) -> Result<Read, Error> {
    let whole = parse_full(text, path);
    // A last line cut short, after lines that read well, is named as such: it is what an
    // interrupted write leaves, and the fix is to delete that one line.
    if whole.is_err()
        && let Some((complete, last)) = unfinished_line(text)
        && parse_full(complete, path).is_ok()
    {
        return Err(Error::StoreUnfinished {
            path: path.to_owned(),
            line: complete.lines().count() + 1,
            text: last
                .chars()
                .take(60)
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect(),
        });
    }
    whole
}

/// Splits off the last line when it is not ended and could be the beginning of an event line.
fn unfinished_line(text: &str) -> Option<(&str, &str)> {
    let cut = text.rfind('\n')? + 1;
    let (complete, last) = text.split_at(cut);
    let event_like = last.starts_with("- {") || (!last.is_empty() && "- {".starts_with(last));
    event_like.then_some((complete, last))
}

/// Refuses a store (`text`, the whole file) that ends in zero bytes after lines that read well:
/// a write cut by a power loss can leave the file longer with nothing written in it. Which bytes
/// to keep is said exactly, as the zeros may follow a last line without its line end.
fn check_zero_tail(text: &str, path: &Path) -> Result<(), Error> {
    let kept = text.trim_end_matches('\0');
    if kept.len() == text.len() {
        return Ok(());
    }
    let sound = kept.strip_prefix('\u{feff}').unwrap_or(kept);
    if parse_full(sound, path).is_err() {
        // Zeros after a line cut short: that line is what to delete, and the usual check says so.
        return Ok(());
    }
    Err(Error::StoreZeroTail {
        path: path.to_owned(),
        keep: kept.len() as u64,
        zeros: (text.len() - kept.len()) as u64,
    })
}

/// An event as written, before its fields are checked.
#[derive(Debug, Deserialize)]
struct RawEvent {
    at: Option<String>,
    plan: Option<String>,
    topic: Option<String>,
    change: Option<String>,
    on: Option<String>,
    text: Option<String>,
    /// In the order written, so that they are written back in it.
    #[serde(flatten)]
    extra: serde_yaml::Mapping,
}

/// Why an event was refused, and the key of the event to point at (none: the event itself).
struct EventError {
    key: Option<String>,
    problem: V1Problem,
}

impl RawEvent {
    /// Checks the fields of the `number`th event (from 1).
    fn into_event(self, number: usize) -> Result<Event, EventError> {
        let event = number;
        let refused = |key: Option<&str>, problem: V1Problem| EventError {
            key: key.map(str::to_owned),
            problem,
        };
        let missing = |key| refused(None, V1Problem::EventMissing { event, key });
        let at = self.at.ok_or_else(|| missing("at"))?;
        let at = DateTime::parse_from_rfc3339(&at).map_err(|err| {
            let reason = err.to_string();
            refused(
                Some("at"),
                V1Problem::EventTime {
                    event,
                    value: at,
                    reason,
                },
            )
        })?;
        let on = match self.on {
            Some(on) => Some(
                NaiveDate::parse_from_str(&on, "%Y-%m-%d")
                    .map_err(|_| refused(Some("on"), V1Problem::EventDate { event, value: on }))?,
            ),
            None => None,
        };
        let plan = self.plan.ok_or_else(|| missing("plan"))?;
        let change = match Change::parse(&self.change.ok_or_else(|| missing("change"))?) {
            // Version 1 had no reverts: the word is one this build does not know there.
            Change::Revert => Change::Other("revert".into()),
            change => change,
        };
        let mut extra = serde_json::Map::new();
        for (key, value) in self.extra {
            let Value::String(key) = key else {
                let key = json(&key);
                let problem = V1Problem::EventKey {
                    event,
                    key: key.clone(),
                };
                return Err(refused(Some(&key), problem));
            };
            extra.insert(key, to_json(&value));
        }
        let mut event = Event::new(at, &plan, self.topic.as_deref(), change).counting_for(on);
        event.more = More::new(self.text, None, extra);
        Ok(event)
    }
}

/// Parses `text` as YAML. A line of nothing but spaces and tabs is blank to a reader, but libyaml
/// refuses a tab where a line could begin a value; each line it refuses for that is made empty
/// and the text read again, as the fast readers skip such lines. Only those lines: a tab inside
/// a block of text written by hand is kept. The error reported is the first one.
/// Gives the document and the text it was read from, with those lines made empty.
fn parse_yaml(text: &str) -> Result<(Value, Cow<'_, str>), serde_yaml::Error> {
    let first = match serde_yaml::from_str(text) {
        Ok(document) => return Ok((document, Cow::Borrowed(text))),
        Err(err) => err,
    };
    let mut lines: Vec<&str> = text.split('\n').collect();
    let mut line = first.location().map(|at| at.line());
    // Each round blanks one line; a hundred lines of tabs is more than a hand edit leaves.
    for _ in 0..100 {
        let Some(index) = line.and_then(|line| line.checked_sub(1)) else {
            break;
        };
        match lines.get(index) {
            Some(refused)
                if refused.contains('\t')
                    && refused.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r')) =>
            {
                lines[index] = "";
            }
            _ => break,
        }
        let read = lines.join("\n");
        match serde_yaml::from_str(&read) {
            Ok(document) => return Ok((document, Cow::Owned(read))),
            Err(err) => line = err.location().map(|at| at.line()),
        }
    }
    Err(first)
}

fn parse_full(text: &str, path: &Path) -> Result<Read, Error> {
    if text.trim().is_empty() {
        return Err(corrupt(path, V1Problem::Empty));
    }
    let located = |at, problem| Error::StoreCorrupt {
        path: path.to_owned(),
        at,
        problem,
    };
    let corrupt = |problem| corrupt(path, problem);
    let yaml_error = |err: serde_yaml::Error| {
        let message = err.to_string();
        let reason = message.split(" at line ").next().unwrap_or_default();
        // libyaml places some errors (a control character) at a byte position, and the line
        // and column it gives with them are the start of the file.
        let at_byte = reason
            .rsplit_once(" at position ")
            .and_then(|(reason, byte)| {
                Some((reason, line_and_column(text, byte.trim().parse().ok()?)))
            });
        let yaml = |reason: &str| V1Problem::Yaml {
            reason: reason.to_owned(),
        };
        let location = err.location().map(|loc| (loc.line(), loc.column()));
        if let Some(at) = crate::curriculum::tab_near(text, location) {
            return located(Some(at), V1Problem::Tab);
        }
        match (at_byte, err.location()) {
            (Some((reason, at)), _) => located(Some(at), yaml(reason)),
            (None, Some(loc)) => located(Some((loc.line(), loc.column())), yaml(reason)),
            (None, None) => corrupt(yaml(&message)),
        }
    };
    // The YAML reader copies an anchor's value at every alias (`*name`): a small hand-made file
    // could repeat a long text into gigabytes. Four times the text is far more than any store's
    // aliases need.
    let limit = (4 * text.len() as u64).max(crate::curriculum::MAX_EXPANDED as u64);
    if let Some((line, column)) = crate::curriculum::aliases_expand_beyond(text, limit) {
        let problem = V1Problem::Aliases { mib: limit >> 20 };
        return Err(located(Some((line, column)), problem));
    }
    let (document, read) = parse_yaml(text).map_err(yaml_error)?;
    // Where a value sits, worked out only for a store that is refused.
    let at = |path: &str, problem| {
        located(
            crate::curriculum::locate::positions(&read).find(path),
            problem,
        )
    };
    let Value::Mapping(mut map) = document else {
        return Err(corrupt(V1Problem::NotAMap));
    };
    // A curriculum that has a `version:` of its own would read as a store with no events, and
    // the next change would write it over.
    if !map.contains_key("events")
        && let Some(found @ (Kind::Curriculum | Kind::Report(_))) = file_kind::sniff(text)
    {
        return Err(wrong_kind(path, found));
    }
    // `shift_remove`: a plain remove moves the last key into the gap, and the unknown keys
    // kept would change their order on every write.
    let version = match map.shift_remove("version") {
        Some(Value::Number(number)) if number.as_u64().is_some() => number.as_u64().unwrap_or(0),
        Some(other) => {
            let value = json(&other);
            return Err(corrupt(V1Problem::VersionNotWhole { value }));
        }
        None => return Err(corrupt(V1Problem::NoVersion)),
    };
    check_version(version, path)?;
    let items = match map.shift_remove("events") {
        Some(Value::Sequence(items)) => items,
        // `events:` with nothing after it is an empty list.
        Some(other) => serde_yaml::from_value::<Vec<Value>>(other).map_err(|err| {
            let reason = err.to_string();
            at("events", V1Problem::Events { reason })
        })?,
        None => Vec::new(),
    };
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let number = i + 1;
        let event = RawEvent::deserialize(&item)
            .map_err(|err| {
                // Pointed at the value of the wrong type, when it is one of the known keys.
                let key = ["at", "plan", "topic", "change", "on", "text"]
                    .into_iter()
                    .find(|key| {
                        item.get(key)
                            .is_some_and(|value| !matches!(value, Value::String(_) | Value::Null))
                    });
                let path = match key {
                    Some(key) => format!("events.{i}.{key}"),
                    None => format!("events.{i}"),
                };
                let reason = err.to_string();
                let event = number;
                at(&path, V1Problem::Event { event, key, reason })
            })?
            .into_event(number)
            .map_err(|EventError { key, problem }| {
                let path = match key {
                    Some(key) => format!("events.{i}.{key}"),
                    None => format!("events.{i}"),
                };
                at(&path, problem)
            })?;
        events.push(event);
    }
    identify(&mut events);
    let mut extra = serde_json::Map::new();
    for (key, value) in map {
        let Value::String(key) = key else {
            let key = json(&key);
            return Err(corrupt(V1Problem::TopKey { key }));
        };
        extra.insert(key, to_json(&value));
    }
    Ok(Read { events, extra })
}

/// Refuses the store at `path` for `problem`, found nowhere in particular.
fn corrupt(path: &Path, problem: V1Problem) -> Error {
    Error::StoreCorrupt {
        path: path.to_owned(),
        at: None,
        problem,
    }
}

/// The line and column (both from 1, the column in characters) of byte `byte` of `text`.
fn line_and_column(text: &str, byte: usize) -> (usize, usize) {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// A YAML value as JSON, as version 2 keeps it; a tag (`!name value`) becomes a one-key map.
fn to_json(value: &Value) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// A YAML value on one line, for a message.
fn json(value: &Value) -> String {
    to_json(value).to_string()
}
