//! `log`: the history of changes, newest first.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::render::{self, LogFilter};

/// Renders the history, filtered by stage and by date.
pub fn run(
    settings: &Settings,
    stage: Option<String>,
    since: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<String> {
    let super::Reading { loaded, store, .. } = &super::read(settings)?;
    let filter = LogFilter {
        stage: super::stage(loaded, stage, settings.lang)?,
        since,
    };
    Ok(if json {
        render::log_json(loaded, &store.events, filter, settings.lang)
    } else {
        render::log(loaded, &store.events, filter, settings.lang)
    })
}
