//! `next`: the topic to study next.

use crate::config::Settings;
use crate::progress;
use crate::render::{self, Style};

/// Renders the next topic, or says there is none.
pub fn run(settings: &Settings, style: &Style, json: bool) -> anyhow::Result<String> {
    let super::Reading { loaded, replay, .. } = &*super::read(settings)?;
    let next = progress::next(loaded, replay);
    Ok(match (json, next) {
        (true, _) => render::next_json(loaded, next, style.lang),
        (false, Some(pos)) => format!("{}\n", render::topic_line(loaded, pos, style.lang)),
        (false, None) => format!("{}\n", render::nothing_left(style.lang)),
    })
}
