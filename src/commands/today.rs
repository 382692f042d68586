//! `today`: the day's agenda.

use chrono::NaiveDate;

use crate::agenda;
use crate::config::Settings;
use crate::error::Error;
use crate::progress;
use crate::render::{self, Style};
use crate::review;
use crate::schedule;

/// Renders today's agenda; `by` the day to reach the band's low edge by, past the calendar.
pub fn run(
    settings: &Settings,
    style: &Style,
    by: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<String> {
    let today = settings.today;
    if let Some(by) = by.filter(|&by| by <= today) {
        return Err(Error::ByNotLater { by, today }.into());
    }
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    let summary = progress::summarize(loaded, replay);
    let outlook = schedule::outlook(loaded, &store.events, replay, &summary, today);
    let agenda = agenda::agenda(loaded, replay, &summary, &outlook, today, by);
    let all = super::review::check_on(settings, loaded)
        .is_ok()
        .then(|| review::reviews(loaded, &store.events, replay));
    let due = all.as_deref().map(|all| review::due(all, today));
    Ok(if json {
        render::today_json(loaded, &agenda, due.as_deref(), today, style.lang)
    } else {
        render::today(
            loaded,
            replay,
            &summary,
            &outlook,
            &agenda,
            due.as_deref(),
            today,
            style.lang,
        )
    })
}
