//! `show`: everything about one topic.

use crate::config::Settings;
use crate::render;

/// Renders one topic with its state, history and notes.
pub fn run(settings: &Settings, query: &str, json: bool) -> anyhow::Result<String> {
    let super::Reading {
        loaded,
        store,
        replay,
    } = &super::read(settings)?;
    let pos = super::resolve(loaded, query, settings.lang)?;
    Ok(if json {
        render::show_json(loaded, &store.events, replay, pos)
    } else {
        render::show(loaded, &store.events, replay, pos, settings.lang)
    })
}
