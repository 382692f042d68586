//! `next`: the topic to study next.

use crate::config::Settings;
use crate::progress;
use crate::render::{self, Style};

/// Renders the next topic, or the next `count`, or says there is none.
pub fn run(
    settings: &Settings,
    style: &Style,
    count: Option<u32>,
    json: bool,
) -> anyhow::Result<String> {
    let super::Reading { loaded, replay, .. } = &*super::read(settings)?;
    let lang = style.lang;
    let Some(count) = count else {
        let next = progress::next(loaded, replay);
        return Ok(match (json, next) {
            (true, _) => render::next_json(loaded, next, lang),
            (false, Some(pos)) => format!("{}\n", render::topic_line(loaded, pos, lang)),
            (false, None) => format!("{}\n", render::nothing_left(lang)),
        });
    };
    let next: Vec<_> = progress::upcoming(loaded, replay)
        .take(count as usize)
        .collect();
    Ok(match (json, next.is_empty()) {
        (true, _) => render::upcoming_json(loaded, &next, lang),
        (false, true) => format!("{}\n", render::nothing_left(lang)),
        (false, false) => next
            .iter()
            .map(|&pos| format!("{}\n", render::topic_line(loaded, pos, lang)))
            .collect(),
    })
}
