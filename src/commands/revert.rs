//! `revert`: a change stops counting, by recording one more change that names it; the history is
//! never edited.

use rustc_hash::FxHashSet;
use uuid::Uuid;

use crate::config::Settings;
use crate::error::Error;
use crate::i18n::Msg;
use crate::progress;
use crate::render;
use crate::store::{Change, Event};

use crate::render::short_id;

/// Records that the change whose id starts with `query` no longer counts.
pub fn run(settings: &Settings, query: &str) -> anyhow::Result<String> {
    let lang = settings.lang;
    let loaded = &super::curriculum(settings)?;
    // Before the lock: a typo creates nothing.
    let wanted = checked_id(query)?;
    let (lock, mut store) = super::lock(settings)?;
    let history = store.history();
    let (target, counts) = find(&history, query, &wanted)?;
    let events: Vec<&Event> = history
        .iter()
        .filter(|(event, _)| event.id() == target)
        .map(|&(event, _)| event)
        .collect();
    let first = events[0];
    if *first.plan != *loaded.curriculum.id {
        return Err(Error::RevertOtherPlan {
            id: short_id(target),
            plan: first.plan.to_string(),
        }
        .into());
    }
    if !counts {
        return Err(Error::RevertAlready {
            id: short_id(target),
            by: cancelled_by(&history, target),
        }
        .into());
    }
    let topics: Vec<&str> = events.iter().filter_map(|e| e.topic.as_deref()).collect();
    let what = match topics.as_slice() {
        [] => match first.reverts() {
            Some(cancelled) => format!(
                "{} {}",
                render::change_name(&first.change, lang),
                short_id(cancelled)
            ),
            None => render::change_name(&first.change, lang).into_owned(),
        },
        topics => format!(
            "{} {}",
            render::change_name(&first.change, lang),
            topics.join(", ")
        ),
    };
    // The topics whose state it set (a reverted revert: those of the change it had cancelled),
    // each with its state before and after, as a change shows them; a note or a `begin` sets
    // none.
    let sets_state = |event: &Event| {
        matches!(
            event.change,
            Change::Done | Change::Start | Change::Skip | Change::Undo
        )
    };
    let touched: Vec<String> = match first.reverts() {
        None => events
            .iter()
            .filter(|event| sets_state(event))
            .filter_map(|event| event.topic.as_deref().map(str::to_owned))
            .collect(),
        Some(cancelled) => history
            .iter()
            .filter(|(event, _)| event.id() == cancelled && sets_state(event))
            .filter_map(|(event, _)| event.topic.as_deref().map(str::to_owned))
            .collect(),
    };
    drop(history);
    let before = progress::replay(loaded, &super::as_of(&store, settings));
    let revert = Event::revert(settings.now, &loaded.curriculum.id, target);
    super::add(settings, lock, &mut store, vec![revert])?;
    let after = progress::replay(loaded, &super::as_of(&store, settings));
    let mut out = format!(
        "{}\n",
        lang.say(Msg::Reverted {
            id: &short_id(target),
            what: &what,
        })
    );
    for id in &touched {
        let Some(index) = loaded.index_of(id) else {
            continue; // a topic the curriculum no longer has
        };
        let state = |replay: &progress::Replay| replay.topics[index].state;
        let (pos, from, to) = (loaded.order[index], state(&before), state(&after));
        out.push_str(&super::state_line(loaded, pos, from, to, None, lang));
    }
    out.push_str(&super::overall_line(loaded, &after, lang));
    Ok(out)
}

/// The short id of the change in effect that cancels the change `target` (a revert, or an edit
/// of a note), to be reverted in turn; none if nothing does.
pub(super) fn cancelled_by(history: &[(&Event, bool)], target: Uuid) -> Option<String> {
    history
        .iter()
        .rev()
        .find(|(event, counts)| *counts && event.reverts() == Some(target))
        .map(|(event, _)| short_id(event.id()))
}

/// The characters of the id `query` gives, long enough to name one change.
pub(super) fn checked_id(query: &str) -> Result<String, Error> {
    let wanted = id_chars(query);
    if wanted.len() < super::REVERT_ID_MIN {
        return Err(Error::RevertTooShort {
            id: query.trim().to_owned(),
            min: super::REVERT_ID_MIN,
        });
    }
    Ok(wanted)
}

/// The characters of an id `query` gives: hyphens and case aside.
fn id_chars(query: &str) -> String {
    query
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The one line of `history` whose id starts with `query` (hyphens and case aside), and whether
/// it counts.
pub(super) fn find(
    history: &[(&Event, bool)],
    query: &str,
    wanted: &str,
) -> Result<(Uuid, bool), Error> {
    let mut found: Vec<(Uuid, bool)> = Vec::new();
    let mut seen = FxHashSet::default();
    if !wanted.is_empty() {
        for &(event, counts) in history {
            if event.id().simple().to_string().starts_with(wanted) && seen.insert(event.id()) {
                found.push((event.id(), counts));
            }
        }
    }
    match found.as_slice() {
        [] => Err(Error::RevertNoMatch(query.trim().to_owned())),
        [one] => Ok(*one),
        several => {
            // Long enough to tell them apart.
            let len = (8..32)
                .find(|&len| {
                    let starts: FxHashSet<String> = several
                        .iter()
                        .map(|(id, _)| id.simple().to_string()[..len].to_owned())
                        .collect();
                    starts.len() == several.len()
                })
                .unwrap_or(32);
            Err(Error::RevertAmbiguous {
                id: query.trim().to_owned(),
                matches: several
                    .iter()
                    .map(|(id, _)| id.simple().to_string()[..len].to_owned())
                    .collect(),
            })
        }
    }
}
