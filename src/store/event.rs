//! One change: what it did, to which topics, when, and under which id; and the ids of topics
//! and plans, shared by every event that names them.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};
use uuid::Uuid;

/// What a change did to a topic, or to the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The topic was finished.
    Done,
    /// The topic went back to not started.
    Undo,
    /// Work on the topic began.
    Start,
    /// The learner chose to skip the topic.
    Skip,
    /// A note was attached to the topic.
    Note,
    /// The plan's start date was set.
    Begin,
    /// The learner dropped the progress recorded so far on a topic id the curriculum no longer
    /// has; the changes before it stay in the history and no longer count.
    Forget,
    /// An earlier event (see [`Event::reverts`]) no longer counts.
    Revert,
    /// A done topic was reviewed, with how well it was remembered. Never changes its state.
    Review(Grade),
    /// A change this build does not know (written by a newer one); kept, and otherwise ignored.
    Other(Id),
}

impl Change {
    pub(super) fn parse(word: &str) -> Change {
        Change::known(word.as_bytes()).unwrap_or_else(|| Change::Other(word.into()))
    }

    /// The change a word this build knows names, read from its bytes.
    pub(super) fn known(word: &[u8]) -> Option<Change> {
        Some(match word {
            b"done" => Change::Done,
            b"undo" => Change::Undo,
            b"start" => Change::Start,
            b"skip" => Change::Skip,
            b"note" => Change::Note,
            b"begin" => Change::Begin,
            b"forget" => Change::Forget,
            b"revert" => Change::Revert,
            b"review" => Change::Review(Grade::Good),
            b"review-hard" => Change::Review(Grade::Hard),
            b"review-again" => Change::Review(Grade::Again),
            _ => return None,
        })
    }

    /// The word the store uses for this change.
    pub fn as_str(&self) -> &str {
        match self {
            Change::Done => "done",
            Change::Undo => "undo",
            Change::Start => "start",
            Change::Skip => "skip",
            Change::Note => "note",
            Change::Begin => "begin",
            Change::Forget => "forget",
            Change::Revert => "revert",
            Change::Review(Grade::Good) => "review",
            Change::Review(Grade::Hard) => "review-hard",
            Change::Review(Grade::Again) => "review-again",
            Change::Other(word) => word.as_ref(),
        }
    }
}

/// How well a reviewed topic was remembered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// Remembered: the next review comes after a longer interval.
    Good,
    /// Remembered with effort: the same interval again.
    Hard,
    /// Forgotten: back to the first interval.
    Again,
}

/// A curriculum or topic id in the store. Shared: a store names the same few ids thousands of
/// times, and one allocation per id, not per change, makes reading a long history twice as fast.
/// One pointer wide, as every event holds two.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<Box<str>>);

impl Id {
    /// Where the shared text lives: ids with the same address are the same id.
    pub fn address(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl std::ops::Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id(Arc::new(text.into()))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id(Arc::new(text.into_boxed_str()))
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

/// One dated change to one topic (or to the plan). A line naming three topics is read as three
/// events with the line's id. Small, as a history holds hundreds of thousands: what few events
/// have is kept out of line, shared by the events of one line.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The id of the line the event was written in.
    pub(super) id: Uuid,
    /// When the change was recorded, with the local offset of that moment.
    pub(super) at: DateTime<FixedOffset>,
    /// The id of the curriculum the change belongs to.
    pub plan: Id,
    /// The topic's stable id; none for changes to the whole plan.
    pub topic: Option<Id>,
    /// What changed.
    pub change: Change,
    /// The day the change counts for, when it differs from the day of `at` (a back-dated change,
    /// or the start date set by `begin`).
    pub(super) on: Option<NaiveDate>,
    /// The day the change counts for: `on`, else the day of `at`. Kept, as every replay asks.
    pub(super) day: NaiveDate,
    pub(super) more: Option<Arc<More>>,
}

/// A note's text, the event a revert cancels, and keys this build does not know.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct More {
    pub(super) text: Option<String>,
    pub(super) reverts: Option<Uuid>,
    pub(super) extra: Map<String, Value>,
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

impl Event {
    /// A change recorded at `at`, counting for that day, with no note and nothing unknown. Its
    /// id is given when it is added to the store.
    pub fn new(
        at: DateTime<FixedOffset>,
        plan: &str,
        topic: Option<&str>,
        change: Change,
    ) -> Event {
        Event {
            id: Uuid::nil(),
            at,
            plan: plan.into(),
            topic: topic.map(Into::into),
            change,
            on: None,
            day: at.date_naive(),
            more: None,
        }
    }

    /// A revert of the event with id `target`.
    pub fn revert(at: DateTime<FixedOffset>, plan: &str, target: Uuid) -> Event {
        let mut event = Event::new(at, plan, None, Change::Revert);
        event.more = More::new(None, Some(target), Map::new());
        event
    }

    /// The same event, counting for `on` rather than the day it was recorded, when given.
    pub fn counting_for(self, on: Option<NaiveDate>) -> Event {
        let day = on.unwrap_or_else(|| self.at.date_naive());
        Event { on, day, ..self }
    }

    /// The same event with the id `id` (for history made by a program; a change a command
    /// makes is given a new random id when it is added).
    pub fn with_id(self, id: Uuid) -> Event {
        Event { id, ..self }
    }

    /// The id of the line the event was written in, shared by every topic the line names.
    pub fn id(&self) -> Uuid {
        self.id
    }

    /// When the change was recorded, with the local offset of that moment.
    pub fn at(&self) -> DateTime<FixedOffset> {
        self.at
    }

    /// The day the change counts for, when it differs from the day it was recorded.
    pub fn on(&self) -> Option<NaiveDate> {
        self.on
    }

    /// The same event with a note's text.
    pub fn with_text(self, text: String) -> Event {
        let more = More::new(Some(text), self.reverts(), self.extra().clone());
        Event { more, ..self }
    }

    /// The same note, replacing the note with id `target` (an edit: the old text stays in the
    /// history and no longer shows).
    pub fn replacing(self, target: Uuid) -> Event {
        let more = More::new(
            self.text().map(str::to_owned),
            Some(target),
            self.extra().clone(),
        );
        Event { more, ..self }
    }

    /// The text of a note.
    pub fn text(&self) -> Option<&str> {
        self.more.as_ref()?.text.as_deref()
    }

    /// The event a revert cancels.
    pub fn reverts(&self) -> Option<Uuid> {
        self.more.as_ref()?.reverts
    }

    /// Keys this build does not know, kept as they were.
    pub fn extra(&self) -> &Map<String, Value> {
        static NONE: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
        self.more.as_ref().map_or(&NONE, |more| &more.extra)
    }

    /// The day the change counts for.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    pub(super) fn key(&self) -> (DateTime<FixedOffset>, Uuid) {
        (self.at, self.id)
    }
}

/// Picks out one plan's events. A store shares one allocation per plan id, so once an event has
/// matched, the rest are recognised by address rather than by comparing text.
#[derive(Clone, Copy, Debug)]
pub struct PlanFilter<'a> {
    plan: &'a str,
    /// The address of an id already seen to be `plan`.
    seen: usize,
}

impl<'a> PlanFilter<'a> {
    pub fn new(plan: &'a str) -> PlanFilter<'a> {
        PlanFilter { plan, seen: 0 }
    }

    /// Whether `event` belongs to the plan.
    pub fn matches(&mut self, event: &Event) -> bool {
        let address = event.plan.address();
        if address == self.seen {
            return true;
        }
        let matches = *event.plan == *self.plan;
        if matches {
            self.seen = address;
        }
        matches
    }
}
