//! Reading the store's files: a version 2 file line by line, a version 1 file in place, and the
//! conflict copies beside them, into one history in replay order.

use std::fs::File;
use std::io::{self, BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::file::{self, Files, Stamp};
use super::line::{self, Interner, Line};
use super::{Change, Event, Notice, Store, VERSION, v1};
use crate::error::{Error, IoAction};
use crate::file_kind::{self, Kind};
use crate::files::open_regular;
use crate::i18n::{LineProblem, V1Problem};

/// The lines of a history as they are read, in any order: kept in order of (time, id) and each
/// id once. A history read from one machine comes in order, and costs nothing more than the read.
#[derive(Default)]
pub(super) struct History {
    events: Vec<Event>,
    last: Option<(DateTime<FixedOffset>, Uuid)>,
    /// Every id read so far; kept only from the first line that comes out of order.
    seen: Option<FxHashSet<Uuid>>,
    sorted: bool,
    reverts: bool,
    /// How many lines were kept.
    pub(super) lines: usize,
}

impl History {
    pub(super) fn with_capacity(events: usize) -> History {
        History {
            events: Vec::with_capacity(events),
            sorted: true,
            ..History::default()
        }
    }

    /// Adds the events of one line (all of one id), taking them out of `line`.
    pub(super) fn push(&mut self, line: &mut Vec<Event>) {
        let Some(first) = line.first() else { return };
        let key = first.key();
        if self.seen.is_none() && self.last.is_none_or(|last| key > last) {
            self.last = Some(key);
        } else {
            let events = &self.events;
            let seen = self
                .seen
                .get_or_insert_with(|| events.iter().map(|event| event.id).collect());
            if !seen.insert(key.1) {
                return;
            }
            if self.last.is_some_and(|last| key < last) {
                self.sorted = false;
            } else {
                self.last = Some(key);
            }
        }
        self.reverts |= first.reverts().is_some();
        self.lines += 1;
        self.events.append(line);
    }

    pub(super) fn into_store(self, extra: Map<String, Value>, notices: Vec<Notice>) -> Store {
        let History {
            mut events,
            sorted,
            reverts,
            ..
        } = self;
        if !sorted {
            // Stable: the events of one line keep their order.
            events.sort_by_key(Event::key);
        }
        let mut uncounted = Vec::new();
        let mut reverted = FxHashSet::default();
        if reverts {
            // Latest first: a revert that is itself reverted cancels nothing.
            for event in events.iter().rev() {
                if event.change == Change::Revert && !reverted.contains(&event.id) {
                    reverted.extend(event.reverts());
                }
            }
            // A note that replaces another note of its plan (an edit) keeps it replaced unless
            // the edit itself is reverted, even once it is edited in turn; a reverted first
            // version (a deleted note) takes every edit of it away too.
            let notes: FxHashMap<Uuid, &Event> = events
                .iter()
                .filter(|e| e.change == Change::Note)
                .map(|e| (e.id, e))
                .collect();
            let replaces = |edit: &Event| {
                edit.reverts()
                    .filter(|target| notes.get(target).is_some_and(|t| t.plan == edit.plan))
            };
            let mut gone = Vec::new();
            for &edit in notes.values() {
                let Some(target) = replaces(edit) else {
                    continue;
                };
                if !reverted.contains(&edit.id) {
                    gone.push(target);
                }
                // The first version, at most as many steps back as there are notes.
                let mut root = target;
                for _ in 0..notes.len() {
                    match notes.get(&root).and_then(|note| replaces(note)) {
                        Some(earlier) => root = earlier,
                        None => break,
                    }
                }
                if reverted.contains(&root) {
                    gone.push(edit.id);
                }
            }
            reverted.extend(gone);
            let (counted, not): (Vec<Event>, Vec<Event>) = events
                .into_iter()
                .partition(|e| e.change != Change::Revert && !reverted.contains(&e.id));
            events = counted;
            uncounted = not;
        }
        Store {
            events,
            uncounted,
            reverted,
            extra,
            notices,
        }
    }
}

/// Where a store's history came from, as the read found it, for the writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) enum Source {
    /// No file yet.
    #[default]
    Nothing,
    /// The version 2 file, `keep` bytes of it sound (less than its length when its tail was
    /// torn), the last sound one a line end unless `newline` is false.
    V2 {
        stamp: Stamp,
        keep: u64,
        newline: bool,
        /// The line a torn tail starts at.
        torn: Option<usize>,
    },
    /// A version 1 file at this path, read in place.
    V1 { path: PathBuf, stamp: Stamp },
}

/// What a read found on disk.
#[derive(Clone, Debug)]
pub(super) struct Seen {
    pub(super) files: Files,
    pub(super) source: Source,
    pub(super) copies: Vec<PathBuf>,
    /// A version 1 file beside the version 2 one was read with it: the writer writes the store
    /// whole, so that its changes are in the version 2 file too.
    pub(super) old_beside: bool,
}

/// Reads the store's files: the version 2 file, else the version 1 file, and any conflict copies.
pub(super) fn read_files(files: &Files, locked: bool) -> Result<(Store, Seen), Error> {
    let mut notices = Vec::new();
    let (source, mut history, extra) = match read_one(&files.v2)? {
        Some(read) => read,
        None => match &files.v1 {
            Some(v1) => read_one(v1)?.unwrap_or_default(),
            None => (Source::Nothing, History::with_capacity(0), Map::new()),
        },
    };
    if let Source::V2 {
        torn: Some(line), ..
    } = source
    {
        notices.push(Notice::TornTail {
            path: files.v2.clone(),
            line,
        });
    }
    // A file beside the store that cannot be read does not stop the store's own history from
    // being read: it is left out, said so, and not folded (so never moved) by the writer.
    // Says how many of its lines were new; none when it is not there or cannot be read.
    let mut read_beside = |path: &Path, notices: &mut Vec<Notice>| match read_one(path) {
        Ok(read) => {
            let found = read.is_some();
            let before = history.lines;
            for mut line in read.into_iter().flat_map(|(_, read, _)| read.into_lines()) {
                history.push(&mut line);
            }
            found.then_some(history.lines - before)
        }
        Err(error) => {
            notices.push(Notice::Unreadable {
                path: path.to_owned(),
                error: std::sync::Arc::new(error),
            });
            None
        }
    };
    // A version 1 file beside a version 2 store was written by an older studyplan, on another
    // machine sharing the folder: read with the store, and never moved, as that machine may
    // still use it. Changes the store lacks are said, and written into it by the next change;
    // once it has them all, the file is read without a word.
    let mut old_beside = false;
    if let (Source::V2 { .. }, Some(v1)) = (&source, &files.v1)
        && read_beside(v1, &mut notices).is_some_and(|new| new > 0)
    {
        old_beside = true;
        notices.push(Notice::OldFormatBeside(v1.clone()));
    }
    let mut copies = file::conflict_copies(files);
    copies.retain(|copy| read_beside(copy, &mut notices).is_some());
    if !copies.is_empty() && !locked {
        notices.push(Notice::CopiesFound(copies.clone()));
    }
    let store = history.into_store(extra, notices);
    Ok((
        store,
        Seen {
            files: files.clone(),
            source,
            copies,
            old_beside,
        },
    ))
}

impl History {
    /// The events again, a line at a time.
    pub(super) fn into_lines(self) -> impl Iterator<Item = Vec<Event>> {
        let mut events = self.events.into_iter().peekable();
        std::iter::from_fn(move || {
            let first = events.next()?;
            let mut line = vec![first];
            while let Some(next) = events.next_if(|next| next.key() == line[0].key()) {
                line.push(next);
            }
            Some(line)
        })
    }
}

/// Reads one store file of either version; none when there is no file.
/// One store file as read: where it came from, its history, and its header's unknown keys.
type OneRead = (Source, History, Map<String, Value>);

pub(super) fn read_one(path: &Path) -> Result<Option<OneRead>, Error> {
    let read_error = |err| Error::io(IoAction::ReadStore, path, err);
    let file = match open_regular(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(read_error(err)),
    };
    let stamp = Stamp::of(&file.metadata().map_err(read_error)?);
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let start = reader.fill_buf().map_err(read_error)?;
    let start = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(start);
    // What the file holds decides how it is read; an empty file goes by its name.
    let json = match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(&b) => b == b'{' || b == 0,
        None => Files::of(path).v1.as_deref() != Some(path),
    };
    if json {
        let (history, extra, keep, newline, torn) =
            read_v2(reader, path, stamp).map_err(|err| misplaced(err, path))?;
        let source = Source::V2 {
            stamp,
            keep,
            newline,
            torn,
        };
        return Ok(Some((source, history, extra)));
    }
    if stamp.len > v1::MAX_SIZE {
        return Err(Error::StoreCorrupt {
            path: path.to_owned(),
            at: None,
            problem: V1Problem::TooLarge {
                mib: v1::MAX_SIZE >> 20,
            },
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(stamp.len).unwrap_or(0));
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    let read = v1::parse_bytes(bytes, path)?;
    let mut history = History::with_capacity(read.events.len());
    for event in read.events {
        history.push(&mut vec![event]);
    }
    let source = Source::V1 {
        path: path.to_owned(),
        stamp,
    };
    Ok(Some((source, history, read.extra)))
}

/// A version 2 file as read: its history, the header's unknown keys, how many bytes are sound,
/// whether the last sound one is a line end, and the line a torn tail starts at.
type V2Read = (History, Map<String, Value>, u64, bool, Option<usize>);

/// Reads a version 2 file line by line. A line is read where it lies in the reader's buffer;
/// only one that runs past the buffer's end is copied out first.
pub(super) fn read_v2(
    mut reader: BufReader<File>,
    path: &Path,
    stamp: Stamp,
) -> Result<V2Read, Error> {
    let read_error = |err| Error::io(IoAction::ReadStore, path, err);
    let mut lines = Lines::new(path, stamp);
    let mut buf = Vec::with_capacity(256);
    loop {
        let chunk = reader.fill_buf().map_err(read_error)?;
        if chunk.is_empty() {
            break;
        }
        if let Some(end) = memchr::memchr(b'\n', chunk) {
            let taken = lines.take(&chunk[..=end]);
            reader.consume(end + 1);
            taken?;
            continue;
        }
        // A line that goes on past the buffer (or the file's last, without its end).
        buf.clear();
        let limit = line::MAX_LINE as u64 + 2;
        let read = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .map_err(read_error)?;
        if buf.last() != Some(&b'\n') && read as u64 == limit {
            return Err(lines.bad(lines.number + 1, LineProblem::TooLong));
        }
        if lines.take(&buf)? {
            return Ok((
                lines.history,
                lines.extra,
                lines.keep,
                lines.newline,
                Some(lines.number),
            ));
        }
    }
    Ok((
        lines.history,
        lines.extra,
        lines.keep,
        lines.newline,
        lines.zeros,
    ))
}

/// What reading a version 2 file has found so far.
pub(super) struct Lines<'a> {
    path: &'a Path,
    history: History,
    extra: Map<String, Value>,
    ids: Interner,
    /// The events of the line being read.
    events: Vec<Event>,
    /// The line last read, and the byte after it.
    number: usize,
    offset: u64,
    /// How many bytes are sound, and whether the last of them is a line end.
    keep: u64,
    newline: bool,
    /// Where zero bytes began, and on which line: only an end of zeros is a torn tail.
    zeros: Option<usize>,
}

impl<'a> Lines<'a> {
    fn new(path: &'a Path, stamp: Stamp) -> Self {
        // About 130 bytes a line: enough room at once for a history read from one machine.
        let lines = usize::try_from(stamp.len / 120).unwrap_or(0);
        Lines {
            path,
            history: History::with_capacity(lines),
            extra: Map::new(),
            ids: Interner::default(),
            events: Vec::with_capacity(4),
            number: 0,
            offset: 0,
            keep: 0,
            newline: true,
            zeros: None,
        }
    }

    fn bad(&self, line: usize, problem: LineProblem) -> Error {
        Error::StoreBadLine {
            path: self.path.to_owned(),
            line,
            problem,
        }
    }

    /// Reads one line, with its line end if it has one (only the file's last line has none).
    /// Gives whether it is a torn tail: a last line without its end that does not read, a write
    /// never acknowledged.
    fn take(&mut self, raw: &[u8]) -> Result<bool, Error> {
        self.number += 1;
        self.offset += raw.len() as u64;
        let ended = raw.last() == Some(&b'\n');
        let mut text = raw.strip_suffix(b"\n").unwrap_or(raw);
        if self.number == 1 {
            text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
        }
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        // Nearly every line starts with `{`: only the first byte is looked at for those.
        let first = text.first().copied();
        if first == Some(0) && text.iter().all(|&b| b == 0) {
            self.zeros.get_or_insert(self.number);
            return Ok(false);
        }
        if let Some(line) = self.zeros {
            return Err(self.bad(line, LineProblem::ZeroBytes));
        }
        let blank = first.is_none_or(|b| b.is_ascii_whitespace())
            && text.iter().all(u8::is_ascii_whitespace);
        if !blank {
            match line::read(text, &mut self.ids, &mut self.events) {
                Ok(Line::Header { version, extra }) => {
                    if version > VERSION {
                        return Err(Error::StoreTooNew {
                            path: self.path.to_owned(),
                            found: version,
                            supported: VERSION,
                        });
                    }
                    if version < VERSION {
                        let value = version.to_string();
                        let problem = LineProblem::BadValue {
                            key: "version",
                            value,
                        };
                        return Err(self.bad(self.number, problem));
                    }
                    self.extra.extend(extra);
                }
                Ok(Line::Events) => self.history.push(&mut self.events),
                Err(_) if !ended => return Ok(true),
                Err(problem) => return Err(self.bad(self.number, problem)),
            }
        }
        self.keep = self.offset;
        self.newline = ended;
        Ok(false)
    }
}

/// A file refused at its first line may be another kind studyplan knows, given as the store (a
/// JSON report): then it is named as that. Only on this error path is its start read again.
pub(super) fn misplaced(err: Error, path: &Path) -> Error {
    if !matches!(err, Error::StoreBadLine { line: 1, .. }) {
        return err;
    }
    let mut start = Vec::new();
    let read = open_regular(path).and_then(|file| file.take(64 * 1024).read_to_end(&mut start));
    match read
        .ok()
        .and_then(|_| file_kind::sniff(&String::from_utf8_lossy(&start)))
    {
        Some(found @ (Kind::Curriculum | Kind::Report(_))) => v1::wrong_kind(path, found),
        _ => err,
    }
}
