//! `status`: progress per stage, the readiness verdict, the plan's calendar and the next topic.

use crate::config::Settings;
use crate::progress;
use crate::render::{self, Style};
use crate::schedule;

/// Renders the status report.
pub fn run(settings: &Settings, style: &Style, json: bool) -> anyhow::Result<String> {
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    let summary = progress::summarize(loaded, replay);
    let outlook = schedule::outlook(loaded, &store.events, replay, &summary, settings.today);
    Ok(if json {
        render::status_json(loaded, &summary, &outlook, style.lang)
    } else {
        render::status(loaded, &summary, &outlook, style)
    })
}
