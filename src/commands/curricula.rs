//! `curricula`: the plans the store holds progress for.

use crate::config::Settings;
use crate::plans;
use crate::progress;
use crate::render::{self, Style};
use crate::store::Store;

/// Renders the plans in the store, the loaded curriculum among them.
pub fn run(settings: &Settings, style: &Style, json: bool) -> anyhow::Result<String> {
    let loaded = super::curriculum(settings)?;
    let store = Store::read(&settings.store)?;
    let history = super::as_of(&store, settings);
    let replay = progress::replay(&loaded, &history);
    let summary = progress::summarize(&loaded, &replay);
    let records = plans::plans(&history);
    Ok(if json {
        render::plans::plans_json(&loaded, &summary, &records, style.lang)
    } else {
        render::plans::plans(&loaded, &summary, &records, style)
    })
}
