//! `log`: the history of changes, newest first.

use chrono::NaiveDate;

use rustc_hash::FxHashSet;
use uuid::Uuid;

use crate::config::Settings;
use crate::render::{self, LogFilter};
use crate::store::Event;

/// Renders the history, filtered by stage and by date.
pub fn run(
    settings: &Settings,
    stage: Option<String>,
    since: Option<NaiveDate>,
    limit: Option<u32>,
    json: bool,
) -> anyhow::Result<String> {
    let super::Reading { loaded, store, .. } = &*super::read(settings)?;
    let filter = LogFilter {
        stage: super::stage(loaded, stage, settings.lang)?,
        since,
        limit: limit.map(|n| n as usize),
    };
    // Every change, reverted ones and reverts too, as of today.
    let history = store.history();
    let reverted: FxHashSet<Uuid> = history
        .iter()
        .filter(|(_, counts)| !counts)
        .map(|(event, _)| event.id())
        .collect();
    let events: Vec<Event> = history
        .into_iter()
        .filter(|(event, _)| super::counts_by(event, settings.today))
        .map(|(event, _)| event.clone())
        .collect();
    Ok(if json {
        render::log_json(loaded, &events, &reverted, filter, settings.lang)
    } else {
        render::log(loaded, &events, &reverted, filter, settings.lang)
    })
}
