//! `list`: the topics with their states, filtered by stage or state.

use crate::cli::StateFilter;
use crate::config::Settings;
use crate::progress::State;
use crate::render::{self, ListFilter, Style};

/// Renders the topic list.
pub fn run(
    settings: &Settings,
    style: &Style,
    stage: Option<String>,
    state: Option<StateFilter>,
    json: bool,
) -> anyhow::Result<String> {
    let super::Reading { loaded, replay, .. } = &*super::read(settings)?;
    let filter = ListFilter {
        stage: super::stage(loaded, stage, settings.lang)?,
        state: state.map(|state| match state {
            StateFilter::Todo => State::Todo,
            StateFilter::InProgress => State::InProgress,
            StateFilter::Done => State::Done,
            StateFilter::Skipped => State::Skipped,
        }),
    };
    Ok(if json {
        render::list_json(loaded, replay, filter, style.lang)
    } else {
        render::list(loaded, replay, filter, style)
    })
}
