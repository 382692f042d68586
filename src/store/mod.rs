//! The progress store: the dated history of every change, one JSON line each, appended under an
//! exclusive lock and replayed in time order.
//!
//! ```text
//! {"studyplan":"progress","version":2}
//! {"id":"9f0c…","at":"2026-11-29T09:12:03.204518+08:00","plan":"llm-roadmap","change":"done","topics":["why-rag"]}
//! ```
//!
//! - One line per command, written with one append and one flush: a command is all or nothing.
//! - Each event has an id unique across machines (a random UUID) and a time to the microsecond.
//!   The history is replayed in the order of (time, id), never in file order, and an id seen
//!   twice counts once: copies of one history from two machines, in any order, or joined line by
//!   line by git's union merge, replay to the same state.
//! - A mistake is undone by a `revert` event naming the event it cancels; both stay.
//! - A last line cut short (a write that was never acknowledged) or zero bytes at the end (what
//!   a power loss can leave) are left out, said so, and cut off by the next writer, under the
//!   lock. Any other bad line refuses the file, which stays as it was.
//! - A version 1 file (`progress.yaml`) is read in place until the first change converts it.
//! - Sync tools' conflict copies beside the store are read with it, and folded into it by the
//!   next change.

mod event;
mod file;
pub mod line;
mod read;
mod v1;

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde_json::{Map, Value};
use uuid::Uuid;

pub use event::{Change, Event, Grade, Id, PlanFilter};
pub use file::{Files, lock_path};
use file::{Stamp, check_writable, parent, real_path, remove_stale_temp_files};
use read::{History, Seen, Source, read_files, read_one};

use crate::error::{Error, IoAction};

/// The newest store format this build reads, and the one it writes.
pub const VERSION: u64 = 2;

/// Something about the files read that the learner should hear of; the command carries on.
#[derive(Clone, Debug)]
pub enum Notice {
    /// The last line of `path` was cut short, or zero bytes follow the last line: a write that
    /// never finished, left out. `line` is where it starts.
    TornTail { path: PathBuf, line: usize },
    /// Sync tools' conflict copies were read with the store.
    CopiesFound(Vec<PathBuf>),
    /// A version 1 file beside a version 2 store, written by an older build: read with it.
    OldFormatBeside(PathBuf),
    /// A conflict copy, or a version 1 file beside the store, cannot be read: it was left out,
    /// and is left where it is, never folded.
    Unreadable { path: PathBuf, error: Arc<Error> },
}

/// The same notice: an error, by what it says.
impl PartialEq for Notice {
    fn eq(&self, other: &Notice) -> bool {
        use crate::i18n::Lang;
        match (self, other) {
            (Notice::TornTail { path, line }, Notice::TornTail { path: p, line: l }) => {
                (path, line) == (p, l)
            }
            (Notice::CopiesFound(copies), Notice::CopiesFound(c)) => copies == c,
            (Notice::OldFormatBeside(path), Notice::OldFormatBeside(p)) => path == p,
            (Notice::Unreadable { path, error }, Notice::Unreadable { path: p, error: e }) => {
                path == p && error.message(Lang::En) == e.message(Lang::En)
            }
            _ => false,
        }
    }
}

/// The whole history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Store {
    /// Every change that counts, in the order they are replayed: by time, then id.
    pub events: Vec<Event>,
    /// Reverted changes and the reverts themselves, in the same order.
    uncounted: Vec<Event>,
    /// The ids of the lines that no longer count (reverts among them).
    reverted: FxHashSet<Uuid>,
    /// Keys of the header this build does not know, kept as they were.
    pub extra: Map<String, Value>,
    /// What the read found that the learner should hear of.
    pub notices: Vec<Notice>,
}

impl Store {
    /// Reads the store at `path`, with any conflict copies beside it; no file is an empty store.
    /// Never creates or changes anything.
    pub fn read(path: &Path) -> anyhow::Result<Store> {
        let files = Files::of(&real_path(path)?);
        let read = match read_files(&files, false) {
            // Readers take no lock, so a change being appended right now can be caught half
            // written; it takes microseconds, so look once more before saying so.
            Ok((store, _))
                if store
                    .notices
                    .iter()
                    .any(|n| matches!(n, Notice::TornTail { .. })) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
                read_files(&files, false)
            }
            read => read,
        };
        Ok(read?.0)
    }

    /// A store of these events, in any order, each line's id counted once. Events next to each
    /// other with the same time and id are one line, until a topic comes twice.
    pub fn of(events: Vec<Event>) -> Store {
        let mut history = History::default();
        let mut events = events.into_iter().peekable();
        while let Some(first) = events.next() {
            let mut line = vec![first];
            while let Some(next) = events.next_if(|next| {
                next.key() == line[0].key() && line.iter().all(|e| e.topic != next.topic)
            }) {
                line.push(next);
            }
            history.push(&mut line);
        }
        history.into_store(Map::new(), Vec::new())
    }

    /// The lines of the history, counted or not, in replay order.
    fn lines(&self) -> Vec<Vec<Event>> {
        let history = self.history();
        let mut lines: Vec<Vec<Event>> = Vec::new();
        for (event, _) in history {
            match lines.last_mut() {
                Some(line) if line[0].key() == event.key() => line.push(event.clone()),
                _ => lines.push(vec![event.clone()]),
            }
        }
        lines
    }

    /// Every change, counted or not, in replay order, each with whether it counts (for a
    /// revert: whether it is in effect).
    pub fn history(&self) -> Vec<(&Event, bool)> {
        let mut all: Vec<(&Event, bool)> = self.events.iter().map(|e| (e, true)).collect();
        if !self.uncounted.is_empty() {
            all.extend(
                self.uncounted
                    .iter()
                    .map(|e| (e, !self.reverted.contains(&e.id))),
            );
            all.sort_by_key(|(event, _)| event.key());
        }
        all
    }

    /// The keys this build does not know, in the header or on any event, each once, sorted.
    pub fn unknown_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.extra.keys().map(String::as_str).collect();
        for event in self.events.iter().chain(&self.uncounted) {
            keys.extend(event.extra().keys().map(String::as_str));
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The text of the whole store in version 2.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(64 + (self.events.len() + self.uncounted.len()) * 128);
        line::write_header(&mut out, &self.extra);
        let history = self.history();
        let mut rest = history.as_slice();
        while let Some(((first, _), _)) = rest.split_first() {
            let len = rest
                .iter()
                .take_while(|(event, _)| event.key() == first.key())
                .count();
            let events: Vec<Event> = rest[..len].iter().map(|(e, _)| (*e).clone()).collect();
            line::write_events(&mut out, &events);
            rest = &rest[len..];
        }
        out
    }

    /// Adds the events of other stores, each id once, and says how many lines were new.
    pub fn merge(&mut self, others: Vec<Store>) -> usize {
        let mut history = History::with_capacity(self.events.len() + self.uncounted.len());
        for mut line in self.lines() {
            history.push(&mut line);
        }
        let before = history.lines;
        for other in others {
            for mut line in other.lines() {
                history.push(&mut line);
            }
        }
        let added = history.lines - before;
        let merged = history.into_store(Map::new(), Vec::new());
        self.events = merged.events;
        self.uncounted = merged.uncounted;
        self.reverted = merged.reverted;
        added
    }
}

/// An exclusive hold on a store, for a read-modify-write; released when dropped, or by the
/// kernel if the process dies.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    seen: Seen,
}

/// What writing a change did besides adding it, for the learner to hear of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// A version 1 file was converted: it was `from`, kept as `backup`; the store is now `to`.
    pub converted: Option<(PathBuf, PathBuf, PathBuf)>,
    /// Conflict copies folded into the store, and the folder they were moved to.
    pub folded: Option<(usize, PathBuf)>,
}

/// Takes the exclusive lock on the store at `path`, creating its folder if needed, and reads the
/// store under it. When another process holds the lock, calls `on_wait` once and then waits.
pub fn lock(path: &Path, on_wait: impl FnOnce()) -> anyhow::Result<(Lock, Store)> {
    let files = Files::of(&real_path(path)?);
    let path = &files.v2;
    // Before the lock file is made: a store that cannot be written leaves nothing beside it.
    check_writable(path)?;
    // A version 1 file is converted, so renamed, only while no version 2 file stands beside it;
    // otherwise it is an older build's, only read.
    if let Some(v1) = &files.v1
        && fs::symlink_metadata(path).is_err()
    {
        check_writable(v1)?;
    }
    if let Some(dir) = parent(path) {
        fs::create_dir_all(dir).map_err(|err| Error::io(IoAction::CreateStoreFolder, dir, err))?;
    }
    let lock_file = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_file)
        .map_err(|err| Error::io(IoAction::Lock, &lock_file, err))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            on_wait();
            file.lock()
                .map_err(|err| Error::io(IoAction::Lock, &lock_file, err))?;
        }
        Err(fs::TryLockError::Error(err)) => {
            return Err(Error::io(IoAction::Lock, &lock_file, err).into());
        }
    }
    remove_stale_temp_files(path);
    let (store, seen) = read_files(&files, true)?;
    Ok((Lock { _file: file, seen }, store))
}

impl Lock {
    /// Adds `new`, the events of one command, to `store`, the store this lock read, as one line
    /// with one new id; gives the lock back. All or none:
    /// - to a version 2 file, the line is appended and flushed, the history before it untouched
    ///   (a torn tail is cut off first);
    /// - a new file, a version 1 file, or a store with conflict copies beside it is written
    ///   whole, to a temp file that is flushed and renamed over the store; the version 1 file is
    ///   then kept as a backup and the copies moved into `merged/`.
    ///
    /// A file that changed since it was read (saved by a program that ignores the lock) is left as
    /// it is, with [`Error::StoreChanged`]: checked as the file is opened to append, and just
    /// before a rename.
    pub fn add(self, store: &mut Store, mut new: Vec<Event>) -> anyhow::Result<Written> {
        let id = Uuid::new_v4();
        // A clock that stepped back a little (or one too coarse to tell two commands apart)
        // must not put a change before the one recorded just before it.
        let last = store
            .events
            .iter()
            .chain(&store.uncounted)
            .map(|e| e.at)
            .max();
        for event in &mut new {
            event.id = id;
            if let Some(last) = last
                && event.at <= last
                && last - event.at < chrono::TimeDelta::seconds(1)
            {
                event.at = last + chrono::TimeDelta::microseconds(1);
                if event.at.date_naive() != event.day {
                    event.on = Some(event.day);
                }
            }
        }
        self.write(store, new)
    }

    /// Folds `others` into `store`, the store this lock read, and writes it whole; says how many
    /// lines were new. Nothing is written when none were, and there was nothing else to fold.
    pub fn merge(self, store: &mut Store, others: Vec<Store>) -> anyhow::Result<(usize, Written)> {
        let added = store.merge(others);
        let needs_rewrite = !matches!(self.seen.source, Source::V2 { .. })
            || !self.seen.copies.is_empty()
            || self.seen.old_beside;
        if added == 0 && !needs_rewrite {
            return Ok((0, Written::default()));
        }
        let written = self.rewrite(store)?;
        Ok((added, written))
    }

    fn write(self, store: &mut Store, new: Vec<Event>) -> anyhow::Result<Written> {
        let path = &self.seen.files.v2;
        let alone = self.seen.copies.is_empty() && !self.seen.old_beside;
        match (&self.seen.source, alone) {
            (
                &Source::V2 {
                    stamp,
                    keep,
                    newline,
                    ..
                },
                true,
            ) => {
                let mut text = String::new();
                if !newline {
                    text.push('\n');
                }
                line::write_events(&mut text, &new);
                let write_error = |err| Error::io(IoAction::WriteStore, path, err);
                if !file::append(path, stamp, keep, text.as_bytes()).map_err(write_error)? {
                    return Err(Error::StoreChanged(path.clone()).into());
                }
                let in_order = store
                    .events
                    .last()
                    .is_none_or(|last| last.key() < (new[0].key()));
                if in_order && store.uncounted.is_empty() && new[0].reverts().is_none() {
                    store.events.extend(new);
                } else {
                    store.merge(vec![Store::of(new)]);
                }
                Ok(Written::default())
            }
            _ => {
                let saved = store.clone();
                store.merge(vec![Store::of(new)]);
                self.rewrite(store).inspect_err(|_| *store = saved)
            }
        }
    }

    /// Writes `store` whole as the version 2 file, then keeps a version 1 file as a backup and
    /// moves the conflict copies folded into it into `merged/`.
    fn rewrite(self, store: &Store) -> anyhow::Result<Written> {
        let Seen {
            files,
            source,
            copies,
            ..
        } = &self.seen;
        let path = &files.v2;
        let write_error = |err| Error::io(IoAction::WriteStore, path, err);
        let (watched, seen) = match source {
            Source::Nothing => (path.clone(), None),
            Source::V2 { stamp, .. } => (path.clone(), Some(*stamp)),
            Source::V1 { path: v1, stamp } => (v1.clone(), Some(*stamp)),
        };
        let unchanged = || match Stamp::now(&watched) {
            Ok(now) if now == seen => Ok(()),
            Ok(_) => Err(Error::StoreChanged(watched.clone())),
            Err(err) => Err(write_error(err)),
        };
        let mut written = Written::default();
        if let Source::V1 { path: v1, .. } = source {
            let backup = file::backup_path(v1);
            // The new file is the old one's owner's, with its mode.
            if v1 == path {
                // The new file takes the old one's name: the old one is copied aside first.
                fs::copy(v1, &backup).map_err(write_error)?;
                file::replace(path, v1, &[store.to_text().as_bytes()], unchanged)?;
            } else {
                file::replace(path, v1, &[store.to_text().as_bytes()], unchanged)?;
                fs::rename(v1, &backup).map_err(write_error)?;
            }
            written.converted = Some((v1.clone(), backup, path.clone()));
        } else {
            file::replace(path, path, &[store.to_text().as_bytes()], unchanged)?;
        }
        if !copies.is_empty() {
            let folder = file::merged_folder(path);
            for copy in copies {
                file::move_into(copy, &folder)
                    .map_err(|err| Error::io(IoAction::WriteStore, copy, err))?;
            }
            written.folded = Some((copies.len(), folder));
        }
        Ok(written)
    }
}

/// Reads a store file other than the one in use, of either version, for `merge`.
pub fn read_other(path: &Path) -> anyhow::Result<Store> {
    match read_one(&real_path(path)?)? {
        Some((_, history, extra)) => Ok(history.into_store(extra, Vec::new())),
        None => Err(Error::io(IoAction::ReadStore, path, io::ErrorKind::NotFound.into()).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};
    use line::{Interner, Line};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn ev(n: u128, when: &str, topic: &str, change: Change) -> Event {
        Event::new(at(when), "p", Some(topic), change).with_id(Uuid::from_u128(n))
    }

    fn states(store: &Store) -> Vec<(String, String)> {
        store
            .events
            .iter()
            .map(|e| {
                (
                    e.topic.as_deref().unwrap_or("").to_owned(),
                    e.change.as_str().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn the_same_events_in_any_order_or_twice_make_the_same_history() {
        let events = vec![
            ev(3, "2026-11-01T10:00:00Z", "a", Change::Done),
            ev(1, "2026-11-01T09:00:00Z", "a", Change::Start),
            ev(2, "2026-11-01T10:00:00Z", "b", Change::Skip),
        ];
        let once = Store::of(events.clone());
        let mut twice = events.clone();
        twice.extend(events.iter().rev().cloned());
        assert_eq!(Store::of(twice), once);
        // Same time: the id decides, not the file.
        assert_eq!(
            states(&once),
            [
                ("a".into(), "start".into()),
                ("b".into(), "skip".into()),
                ("a".into(), "done".into())
            ]
        );
    }

    #[test]
    fn a_revert_cancels_its_event_and_a_revert_of_it_brings_it_back() {
        let done = ev(1, "2026-11-01T09:00:00Z", "a", Change::Done);
        let skip = ev(2, "2026-11-02T09:00:00Z", "a", Change::Skip);
        let revert = Event::revert(at("2026-11-03T09:00:00Z"), "p", Uuid::from_u128(2))
            .with_id(Uuid::from_u128(3));
        let store = Store::of(vec![done.clone(), skip.clone(), revert.clone()]);
        assert_eq!(states(&store), [("a".into(), "done".into())]);
        assert_eq!(store.history().len(), 3);
        assert!(
            !store.history()[1].1,
            "the reverted skip is kept, not counted"
        );
        let again = Event::revert(at("2026-11-04T09:00:00Z"), "p", Uuid::from_u128(3))
            .with_id(Uuid::from_u128(4));
        let store = Store::of(vec![done, skip, revert, again]);
        assert_eq!(
            states(&store),
            [("a".into(), "done".into()), ("a".into(), "skip".into())]
        );
    }

    #[test]
    fn merging_is_idempotent_and_order_independent() {
        let a = Store::of(vec![
            ev(1, "2026-11-01T09:00:00Z", "x", Change::Done),
            ev(2, "2026-11-02T09:00:00Z", "y", Change::Start),
        ]);
        let b = Store::of(vec![
            ev(1, "2026-11-01T09:00:00Z", "x", Change::Done),
            ev(3, "2026-11-01T12:00:00Z", "y", Change::Skip),
        ]);
        let mut ab = a.clone();
        assert_eq!(ab.merge(vec![b.clone()]), 1);
        let mut ba = b.clone();
        assert_eq!(ba.merge(vec![a.clone()]), 1);
        assert_eq!(ab, ba);
        assert_eq!(ab.clone().merge(vec![a, b]), 0);
        assert_eq!(ab.to_text(), ba.to_text());
    }

    #[test]
    fn a_store_writes_and_reads_back_line_for_line() {
        let mut line = vec![
            ev(7, "2026-11-01T09:00:00.123456+08:00", "x", Change::Done),
            ev(7, "2026-11-01T09:00:00.123456+08:00", "y", Change::Done),
        ];
        line.push(
            ev(8, "2026-11-02T09:00:00+08:00", "x", Change::Note).with_text("a \"b\"\n".into()),
        );
        let store = Store::of(line);
        let text = store.to_text();
        assert_eq!(text.lines().count(), 3, "{text}");
        let mut ids = Interner::default();
        let mut read = History::with_capacity(0);
        for l in text.lines().skip(1) {
            let mut events = Vec::new();
            let Ok(Line::Events) = line::read(l.as_bytes(), &mut ids, &mut events) else {
                panic!("{l}");
            };
            read.push(&mut events);
        }
        assert_eq!(read.into_store(Map::new(), Vec::new()), store);
    }
}
