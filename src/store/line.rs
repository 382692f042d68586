//! One line of a version 2 store: the one reader every line goes through, and the writer.
//!
//! A line is one JSON object. The first line of a file is the header,
//! `{"studyplan":"progress","version":2}`; every other line is one event:
//!
//! ```json
//! {"id":"9f0c…","at":"2026-11-29T09:12:03.204518+08:00","plan":"llm-roadmap","change":"done","topics":["why-rag","embeddings"]}
//! ```
//!
//! serde_json reads each line, through a visitor that borrows every string it can from the line
//! and keeps each key it does not know, with its value, as it was. serde_json refuses nesting
//! deeper than 128 on its own, so a hostile line costs no more than its length.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use rustc_hash::FxBuildHasher;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{Change, Event, Id, More};

/// The name the header gives the format, under the key `studyplan`.
pub const FORMAT: &str = "progress";

/// What a line holds.
#[derive(Debug)]
pub enum Line {
    Header {
        version: u64,
        /// Keys this build does not know, kept as they were.
        extra: Map<String, Value>,
    },
    /// One event per topic the line names (one for a change to the whole plan), sharing the
    /// line's id, time and change.
    Event(Vec<Event>),
}

pub use crate::i18n::LineProblem as Problem;

/// The longest line read: far more than the longest note anyone writes.
pub const MAX_LINE: usize = 1 << 20;

/// Remembers ids, days and offsets already read, so that a long history holds one copy of each
/// id and parses each day once.
#[derive(Default)]
pub struct Interner {
    ids: HashSet<Id, FxBuildHasher>,
    day: Option<([u8; 10], NaiveDate)>,
    offset: Option<([u8; 6], FixedOffset)>,
}

impl Interner {
    fn id(&mut self, text: &str) -> Id {
        if let Some(id) = self.ids.get(text) {
            return id.clone();
        }
        let id = Id::from(text);
        self.ids.insert(id.clone());
        id
    }

    /// Reads a time. The shape this module writes (`2026-11-29T09:12:03.204518+08:00`) is read
    /// digit by digit, remembering the last day and offset; anything else goes to chrono.
    fn time(&mut self, text: &str) -> Option<DateTime<FixedOffset>> {
        self.shaped_time(text)
            .or_else(|| DateTime::parse_from_rfc3339(text).ok())
    }

    fn shaped_time(&mut self, text: &str) -> Option<DateTime<FixedOffset>> {
        let b = text.as_bytes();
        if b.len() != 32 || b[10] != b'T' || b[19] != b'.' || !matches!(b[26], b'+' | b'-') {
            return None;
        }
        let digits = |from: usize, count: usize| -> Option<u32> {
            b[from..from + count].iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let (day, zone) = (b.first_chunk::<10>()?, b.last_chunk::<6>()?);
        let date = match self.day {
            Some((seen, date)) if seen == *day => date,
            _ => {
                let date = NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d").ok()?;
                self.day = Some((*day, date));
                date
            }
        };
        let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
        if b[13] != b':' || b[16] != b':' || second > 59 {
            return None;
        }
        let time = NaiveTime::from_hms_micro_opt(hour, minute, second, digits(20, 6)?)?;
        let offset = match self.offset {
            Some((seen, offset)) if seen == *zone => offset,
            _ => {
                if b[29] != b':' {
                    return None;
                }
                let (hours, minutes) = (digits(27, 2)?, digits(30, 2)?);
                let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
                let offset = FixedOffset::east_opt(if b[26] == b'-' { -seconds } else { seconds })?;
                self.offset = Some((*zone, offset));
                offset
            }
        };
        date.and_time(time).and_local_timezone(offset).single()
    }
}

/// Reads one line (without its line end).
pub fn read(line: &[u8], ids: &mut Interner) -> Result<Line, Problem> {
    if line.len() > MAX_LINE {
        return Err(Problem::TooLong);
    }
    let mut reader = serde_json::Deserializer::from_slice(line);
    let raw = reader
        .deserialize_any(RawVisitor)
        .and_then(|raw| reader.end().map(|()| raw))
        .map_err(|err| json_problem(line, &err))?;
    raw?.into_line(ids)
}

fn json_problem(line: &[u8], err: &serde_json::Error) -> Problem {
    if too_deep(line) {
        return Problem::TooDeep;
    }
    // serde_json counts columns in bytes; people count characters.
    let byte = err.column().saturating_sub(1).min(line.len());
    let column = String::from_utf8_lossy(&line[..byte]).chars().count() + 1;
    Problem::NotJson { column }
}

/// Whether `line` opens more than 100 objects or arrays at once; only asked of a line that did
/// not parse.
fn too_deep(line: &[u8]) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in line {
        match (in_string, b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') => in_string = false,
            (true, _) => {}
            (false, b'"') => in_string = true,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > 100 {
                    return true;
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A string borrowed from the line when it has no escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

/// A known key's value, or what was wrong with it: a wrong type is a problem of the store, not
/// a JSON error, so the reader carries on to the end of the line and says which key.
enum Field<T> {
    Absent,
    Present(T),
    Wrong,
}

impl<T> Field<T> {
    fn take(self, key: &'static str) -> Result<Option<T>, Problem> {
        match self {
            Field::Absent => Ok(None),
            Field::Present(value) => Ok(Some(value)),
            Field::Wrong => Err(Problem::WrongType { key }),
        }
    }
}

/// A value of any kind, or a string: reads any value, keeping it when it is a string.
struct MaybeStr<'a>(Option<Cow<'a, str>>);

impl<'de> de::Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize_borrowed(deserializer)?;
        Ok(MaybeStr(value))
    }
}

/// Reading a value that should be a string without failing the line on another type.
trait BorrowedValue<'de> {
    fn deserialize_borrowed<D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error>;
}

impl<'de> BorrowedValue<'de> for Value {
    fn deserialize_borrowed<D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
        struct AnyVisitor;
        impl<'de> Visitor<'de> for AnyVisitor {
            type Value = Option<Cow<'de, str>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Some(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Some(Cow::Owned(v.to_owned())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(None)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(None)
            }
        }
        d.deserialize_any(AnyVisitor)
    }
}

/// A list of strings, or anything else (then none).
struct Topics<'a>(Option<Vec<Cow<'a, str>>>);

impl<'de> de::Deserialize<'de> for Topics<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopicsVisitor;
        impl<'de> Visitor<'de> for TopicsVisitor {
            type Value = Topics<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of topic ids")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Topics<'de>, A::Error> {
                let mut topics = Vec::with_capacity(seq.size_hint().unwrap_or(1));
                let mut all_strings = true;
                while let Some(MaybeStr(item)) = seq.next_element()? {
                    match item {
                        Some(topic) => topics.push(topic),
                        None => all_strings = false,
                    }
                }
                Ok(Topics(all_strings.then_some(topics)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Topics<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Topics(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
            fn visit_unit<E>(self) -> Result<Topics<'de>, E> {
                Ok(Topics(None))
            }
        }
        deserializer.deserialize_any(TopicsVisitor)
    }
}

/// A line as written, before its values are checked.
#[derive(Default)]
struct Raw<'a> {
    header: Option<Field<Cow<'a, str>>>,
    version: Option<Field<u64>>,
    id: Option<Field<Cow<'a, str>>>,
    at: Option<Field<Cow<'a, str>>>,
    plan: Option<Field<Cow<'a, str>>>,
    change: Option<Field<Cow<'a, str>>>,
    topics: Option<Field<Vec<Cow<'a, str>>>>,
    on: Option<Field<Cow<'a, str>>>,
    text: Option<Field<Cow<'a, str>>>,
    reverts: Option<Field<Cow<'a, str>>>,
    extra: Map<String, Value>,
}

fn field<'a>(value: Option<Cow<'a, str>>) -> Option<Field<Cow<'a, str>>> {
    Some(value.map_or(Field::Wrong, Field::Present))
}

fn take<T>(slot: Option<Field<T>>, key: &'static str) -> Result<Option<T>, Problem> {
    slot.unwrap_or(Field::Absent).take(key)
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    /// A value that is not an object is a problem of the store, found once the line is read.
    type Value = Result<Raw<'de>, Problem>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut raw = Raw::default();
        while let Some(Str(key)) = map.next_key::<Str>()? {
            let string = |map: &mut A| map.next_value::<MaybeStr>().map(|MaybeStr(v)| field(v));
            match &*key {
                "studyplan" => raw.header = string(&mut map)?,
                "version" => {
                    let value: Value = map.next_value()?;
                    raw.version = Some(value.as_u64().map_or(Field::Wrong, Field::Present));
                }
                "id" => raw.id = string(&mut map)?,
                "at" => raw.at = string(&mut map)?,
                "plan" => raw.plan = string(&mut map)?,
                "change" => raw.change = string(&mut map)?,
                "topics" => {
                    let Topics(topics) = map.next_value()?;
                    raw.topics = Some(topics.map_or(Field::Wrong, Field::Present));
                }
                "on" => raw.on = string(&mut map)?,
                "text" => raw.text = string(&mut map)?,
                "reverts" => raw.reverts = string(&mut map)?,
                _ => {
                    let value: Value = map.next_value()?;
                    raw.extra.insert(key.into_owned(), value);
                }
            }
        }
        Ok(Ok(raw))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject))
    }
}

impl Raw<'_> {
    fn into_line(self, ids: &mut Interner) -> Result<Line, Problem> {
        if let Some(header) = take(self.header, "studyplan")? {
            let version = take(self.version, "version")?.ok_or(Problem::Missing("version"))?;
            let mut extra = self.extra;
            if header != FORMAT {
                extra.insert("studyplan".into(), Value::String(header.into_owned()));
            }
            return Ok(Line::Header { version, extra });
        }
        let mut extra = self.extra;
        if let Some(version) = take(self.version, "version")? {
            extra.insert("version".into(), version.into());
        }
        let id = take(self.id, "id")?.ok_or(Problem::Missing("id"))?;
        let id = Uuid::try_parse(&id).map_err(|_| Problem::BadValue {
            key: "id",
            value: id.into_owned(),
        })?;
        let at = take(self.at, "at")?.ok_or(Problem::Missing("at"))?;
        let at = ids.time(&at).ok_or_else(|| Problem::BadValue {
            key: "at",
            value: at.into_owned(),
        })?;
        let plan = ids.id(&take(self.plan, "plan")?.ok_or(Problem::Missing("plan"))?);
        let change =
            Change::parse(&take(self.change, "change")?.ok_or(Problem::Missing("change"))?);
        let on =
            match take(self.on, "on")? {
                Some(on) => Some(NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|_| {
                    Problem::BadValue {
                        key: "on",
                        value: on.into_owned(),
                    }
                })?),
                None => None,
            };
        let topics = take(self.topics, "topics")?.unwrap_or_default();
        let reverts = match take(self.reverts, "reverts")? {
            Some(target) => Some(Uuid::try_parse(&target).map_err(|_| Problem::BadValue {
                key: "reverts",
                value: target.into_owned(),
            })?),
            None => None,
        };
        // A topic change that names no topic changes nothing, as version 1 read it too.
        if change == Change::Revert && reverts.is_none() {
            return Err(Problem::Missing("reverts"));
        }
        let text = take(self.text, "text")?.map(Cow::into_owned);
        let more = More::new(text, reverts, extra);
        let event = |topic: Option<Id>| Event {
            id,
            at,
            plan: plan.clone(),
            topic,
            change: change.clone(),
            on,
            day: on.unwrap_or_else(|| at.date_naive()),
            more: more.clone(),
        };
        let events = if topics.is_empty() {
            vec![event(None)]
        } else {
            topics
                .iter()
                .map(|topic| event(Some(ids.id(topic))))
                .collect()
        };
        Ok(Line::Event(events))
    }
}

/// Writes the header line.
pub fn write_header(out: &mut String, extra: &Map<String, Value>) {
    let _ = write!(
        out,
        r#"{{"studyplan":"{FORMAT}","version":{}"#,
        super::VERSION
    );
    write_extra(out, extra);
    out.push_str("}\n");
}

/// Writes the events of one line: every event shares the first's id, time and change, and each
/// names one topic (or none, for a change to the whole plan).
pub fn write_events(out: &mut String, events: &[Event]) {
    let Some(first) = events.first() else { return };
    let _ = write!(
        out,
        r#"{{"id":"{}","at":"{}","plan":"#,
        first.id.hyphenated(),
        first.at.format("%Y-%m-%dT%H:%M:%S%.6f%:z")
    );
    write_string(out, &first.plan);
    out.push_str(r#","change":"#);
    write_string(out, first.change.as_str());
    if first.topic.is_some() {
        out.push_str(r#","topics":["#);
        for (i, topic) in events.iter().filter_map(|e| e.topic.as_deref()).enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(out, topic);
        }
        out.push(']');
    }
    if let Some(on) = first.on {
        let _ = write!(out, r#","on":"{on}""#);
    }
    if let Some(text) = first.text() {
        out.push_str(r#","text":"#);
        write_string(out, text);
    }
    if let Some(target) = first.reverts() {
        let _ = write!(out, r#","reverts":"{}""#, target.hyphenated());
    }
    write_extra(out, first.extra());
    out.push_str("}\n");
}

fn write_extra(out: &mut String, extra: &Map<String, Value>) {
    for (key, value) in extra {
        out.push(',');
        write_string(out, key);
        out.push(':');
        out.push_str(&value.to_string());
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push_str(&Value::from(text).to_string());
}

impl More {
    /// What few events have, shared by the events of one line; none when there is nothing.
    pub(super) fn new(
        text: Option<String>,
        reverts: Option<Uuid>,
        extra: Map<String, Value>,
    ) -> Option<Arc<More>> {
        (text.is_some() || reverts.is_some() || !extra.is_empty()).then(|| {
            Arc::new(More {
                text,
                reverts,
                extra,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read_str(line: &str) -> Result<Line, Problem> {
        read(line.as_bytes(), &mut Interner::default())
    }

    fn events(line: &str) -> Vec<Event> {
        match read_str(line) {
            Ok(Line::Event(events)) => events,
            other => panic!("not an event line: {other:?}"),
        }
    }

    const LINE: &str = r#"{"id":"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e","at":"2026-11-29T09:12:03.204518+08:00","plan":"llm-roadmap","change":"done","topics":["why-rag","embeddings"]}"#;

    #[test]
    fn a_line_names_several_topics_and_writes_back_as_it_was() {
        let read = events(LINE);
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].topic.as_deref(), Some("embeddings"));
        assert_eq!(read[0].id, read[1].id);
        assert_eq!(read[0].at().timestamp_subsec_micros(), 204_518);
        let mut out = String::new();
        write_events(&mut out, &read);
        assert_eq!(out, format!("{LINE}\n"));
    }

    #[test]
    fn unknown_keys_and_notes_with_escapes_survive_a_write() {
        let line = r#"{"id":"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e","at":"2026-11-29T09:12:03.000000Z","plan":"p","change":"note","topics":["t"],"text":"say \"hi\"\n\\ 好","device":{"name":"laptop","tags":[1,2.5,null]}}"#;
        let read = events(line);
        assert_eq!(read[0].text(), Some("say \"hi\"\n\\ 好"));
        let mut out = String::new();
        write_events(&mut out, &read);
        let again = events(out.trim_end());
        assert_eq!(again, read);
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["device"]["tags"][1], 2.5);
    }

    #[test]
    fn a_header_keeps_what_it_does_not_know() {
        let Ok(Line::Header { version, extra }) =
            read_str(r#"{"studyplan":"progress","version":2,"made_by":"x"}"#)
        else {
            panic!("not a header");
        };
        assert_eq!(version, 2);
        let mut out = String::new();
        write_header(&mut out, &extra);
        assert_eq!(
            out,
            "{\"studyplan\":\"progress\",\"version\":2,\"made_by\":\"x\"}\n"
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let cases = [
            (r#"{"id":"#, Problem::NotJson { column: 6 }),
            ("[1,2]", Problem::NotAnObject),
            (
                r#"{"at":"2026-11-29T09:12:03Z","plan":"p","change":"done","topics":["t"]}"#,
                Problem::Missing("id"),
            ),
            (
                &LINE.replace("\"plan\":\"llm-roadmap\"", "\"plan\":7"),
                Problem::WrongType { key: "plan" },
            ),
            (
                &LINE.replace("2026-11-29T09:12:03.204518+08:00", "yesterday"),
                Problem::BadValue {
                    key: "at",
                    value: "yesterday".into(),
                },
            ),
            (
                &LINE.replace(r#"["why-rag","embeddings"]"#, r#"["why-rag",3]"#),
                Problem::WrongType { key: "topics" },
            ),
        ];
        for (line, problem) in cases {
            assert_eq!(read_str(line).unwrap_err(), problem, "{line}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_at_once() {
        let line = format!(
            r#"{},"x":{}{}}}"#,
            LINE.trim_end_matches('}'),
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let started = std::time::Instant::now();
        assert_eq!(read_str(&line).unwrap_err(), Problem::TooDeep);
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn times_in_other_shapes_read_as_chrono_reads_them() {
        let mut ids = Interner::default();
        for text in [
            "2026-11-29T09:12:03+08:00",
            "2026-11-29T09:12:03.5Z",
            "2026-11-29T09:12:03.204518-05:30",
            "2026-11-29T09:12:03.204518+08:00",
        ] {
            assert_eq!(
                ids.time(text),
                DateTime::parse_from_rfc3339(text).ok(),
                "{text}"
            );
        }
        assert_eq!(ids.time("2026-02-30T09:12:03.204518+08:00"), None);
        assert_eq!(ids.time("2026-11-29T25:12:03.204518+08:00"), None);
    }

    /// What serde_json makes of a line, in the terms of this module: the same topics, texts and
    /// unknown keys, or a refusal.
    /// The topics, the text and the other keys of a line.
    type Parts = (Vec<String>, Option<String>, Map<String, Value>);

    fn by_serde_json(line: &str) -> Option<Parts> {
        let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(line) else {
            return None;
        };
        let topics = match map.remove("topics") {
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()?,
            Some(_) => return None,
            None => Vec::new(),
        };
        let text = match map.remove("text") {
            Some(Value::String(text)) => Some(text),
            Some(_) => return None,
            None => None,
        };
        for key in ["id", "at", "plan", "change"] {
            map.remove(key)?.as_str()?;
        }
        Some((topics, text, map))
    }

    proptest! {
        /// The reader agrees with serde_json on lines mutated at random: a character dropped,
        /// doubled or replaced by one of JSON's own, keys reordered, spaces added.
        #[test]
        fn the_reader_agrees_with_serde_json(
            cut in 0usize..200,
            what in 0u8..4,
            with in prop::sample::select(vec!['"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'é', '好', '\u{1}', '0', 'n']),
            spaced in any::<bool>(),
            reorder in any::<bool>(),
        ) {
            let mut line = String::from(
                r#"{"id":"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e","at":"2026-11-29T09:12:03.204518+08:00","plan":"p","change":"note","topics":["a","b\u00e9"],"text":"x \"y\" \\n","k":[1,{"z":null}]}"#,
            );
            if reorder {
                line = line.replacen(r#""plan":"p","change":"note""#, r#""change":"note","plan":"p""#, 1);
            }
            if spaced {
                line = line.replace(',', " , ").replace(':', " :\t");
            }
            let mut chars: Vec<char> = line.chars().collect();
            let at = cut % chars.len();
            match what {
                0 => { chars.remove(at); }
                1 => chars.insert(at, chars[at]),
                2 => chars[at] = with,
                _ => {}
            }
            let line: String = chars.into_iter().collect();
            let ours = read_str(&line);
            let theirs = by_serde_json(&line);
            match (ours, theirs) {
                (Ok(Line::Event(events)), Some((topics, text, extra))) => {
                    let read: Vec<String> = events.iter().filter_map(|e| e.topic.as_deref().map(str::to_owned)).collect();
                    prop_assert_eq!(read, topics);
                    prop_assert_eq!(events[0].text().map(str::to_owned), text);
                    let mut ours = events[0].extra().clone();
                    ours.remove("on");
                    ours.remove("reverts");
                    let mut extra = extra;
                    extra.remove("on");
                    extra.remove("reverts");
                    prop_assert_eq!(ours, extra);
                }
                // serde_json took it, but its values are not a store's (a bad time, an id
                // that is no UUID): refused with a reason, never read differently.
                (Err(Problem::BadValue { .. } | Problem::Missing(_) | Problem::WrongType { .. }), Some(_)) => {}
                (Err(_), None) => {}
                (ours, theirs) => prop_assert!(false, "{line}: ours {ours:?}, serde_json {theirs:?}"),
            }
        }
    }
}
