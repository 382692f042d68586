//! `done`, `start`, `skip` and `undo`: one dated change to each named topic, all or none, under
//! the store's lock.

use crate::cli::Topics;
use crate::config::Settings;
use crate::error::Error;
use crate::progress::{self, State};
use crate::schedule;
use crate::store::{Change, Event};

/// The state a change leads to.
fn target(change: &Change) -> State {
    match change {
        Change::Start => State::InProgress,
        Change::Skip => State::Skipped,
        Change::Undo => State::Todo,
        _ => State::Done,
    }
}

/// Applies one change to every named topic, all or none, under the store's lock.
pub fn run(settings: &Settings, change: Change, topics: &Topics) -> anyhow::Result<String> {
    let lang = settings.lang;
    let queries = &topics.topics;
    let on = topics.on.map(|day| day.from(settings.today));
    let day = on.unwrap_or(settings.today);
    schedule::check_day(day, settings.today, None)?;
    let loaded = &super::curriculum(settings)?;
    // Every name is resolved before anything is touched, so a typo changes nothing.
    let positions = super::resolve_all(loaded, queries, lang)?;
    let (lock, mut store) = super::lock(settings)?;
    // The same checks with `--on` and without, against everything the store will hold: a
    // pinned or wrong today is a day like any other.
    let plan = loaded.curriculum.id.as_str();
    schedule::check_day(day, settings.today, schedule::begun(plan, &store.events))?;
    let history = super::as_of(&store, settings);
    let mut replay = progress::replay(loaded, &history);
    // Changes counting for days after today are not in the view, but the store replays them.
    let recorded = match &history {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(_) => Some(progress::replay(loaded, &store.events)),
    };
    drop(history);
    super::warn_in(&store, &replay, lang, &loaded.source);
    let wanted = target(&change);
    let mut new = Vec::new();
    let mut report = String::new();
    for &pos in &positions {
        let index = loaded
            .order
            .iter()
            .position(|&p| p == pos)
            .unwrap_or_default();
        let current = replay
            .topics
            .get(index)
            .map(|p| p.state)
            .unwrap_or_default();
        if current == wanted {
            report.push_str(&super::state_line(loaded, pos, current, wanted, None, lang));
            continue;
        }
        let last = recorded
            .as_ref()
            .unwrap_or(&replay)
            .topics
            .get(index)
            .and_then(|p| p.since);
        if let Some(last) = last.filter(|&last| day < last) {
            // State is replayed in recorded order; a change dated before the latest one would
            // set the state while the history, read by date, says otherwise.
            return Err(Error::BeforeLastChange {
                topic: loaded.topic(pos).id.clone(),
                date: day,
                last,
            }
            .into());
        }
        let topic = Some(loaded.topic(pos).id.as_str());
        new.push(
            Event::new(settings.now, &loaded.curriculum.id, topic, change.clone())
                .counting_for((day != settings.now.date_naive()).then_some(day)),
        );
        // What replaying the history with this event would give.
        if let Some(progress) = replay.topics.get_mut(index) {
            progress.state = wanted;
            progress.since = Some(day);
        }
        report.push_str(&super::state_line(loaded, pos, current, wanted, on, lang));
    }
    if new.is_empty() {
        drop(lock);
    } else {
        super::add(settings, lock, &mut store, new)?;
    }

    debug_assert_eq!(
        replay.topics,
        progress::replay(loaded, &super::as_of(&store, settings)).topics,
        "updated in place as a replay would"
    );
    report.push_str(&super::overall_line(loaded, &replay, lang));
    Ok(report)
}
