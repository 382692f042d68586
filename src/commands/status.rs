//! `status`: progress per stage, the readiness verdict, the plan's calendar, today's agenda in a
//! line and the next topic.

use crate::agenda;
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
    let today = settings.today;
    let summary = progress::summarize(loaded, replay);
    let outlook = schedule::outlook(loaded, &store.events, replay, &summary, today);
    let agenda = agenda::agenda(loaded, replay, &summary, &outlook, today, None);
    let reviews_due = super::review::due_count(settings, loaded, &store.events, replay);
    Ok(if json {
        render::status_json(loaded, &summary, &outlook, &agenda, reviews_due, style.lang)
    } else {
        let line = render::today_line(loaded, &agenda, reviews_due, style.lang);
        render::status(loaded, &summary, &outlook, line.as_deref(), style)
    })
}
