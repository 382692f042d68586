//! `status`: progress per stage, the readiness verdict and the next topic.

use crate::config::Settings;
use crate::progress;
use crate::render::{self, Style};

/// Renders the status report.
pub fn run(settings: &Settings, style: &Style, json: bool) -> anyhow::Result<String> {
    let (loaded, replay) = super::read(settings)?;
    let summary = progress::summarize(&loaded, &replay);
    Ok(if json {
        render::status_json(&loaded, &summary, style.lang)
    } else {
        render::status(&loaded, &summary, style)
    })
}
