//! `stats`: how steady the learner has been.

use chrono::Weekday;

use crate::cli::WeekStart;
use crate::config::Settings;
use crate::render::{self, Style};
use crate::schedule;
use crate::stats;

/// How many weeks of topics done are shown.
const DONE_WEEKS: u64 = 12;

/// Renders the stats.
pub fn run(
    settings: &Settings,
    style: &Style,
    week_start: WeekStart,
    json: bool,
) -> anyhow::Result<String> {
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    let today = settings.today;
    let plan = loaded.curriculum.id.as_str();
    let events = &store.events;
    let week_start = match week_start {
        WeekStart::Monday => Weekday::Mon,
        WeekStart::Sunday => Weekday::Sun,
    };
    let days = stats::study_days(plan, events, today);
    let done_per_week = stats::done_per_week(replay, today, week_start, DONE_WEEKS);
    let width = usize::from(style.width.unwrap_or(crate::wrap::PIPED_WIDTH));
    // JSON has the same points at every width.
    let columns = match json {
        true => render::BURN_UP_COLUMNS,
        false => width.saturating_sub(8).min(render::BURN_UP_COLUMNS),
    };
    let burn_up = schedule::start(plan, events)
        .filter(|&start| start <= today)
        .and_then(|start| stats::burn_up(loaded, events, start, today, columns));
    let view = render::Stats {
        today,
        week_start,
        days: &days,
        streaks: stats::streaks(&days, today),
        last7: stats::days_within(&days, today, 7),
        last30: stats::days_within(&days, today, 30),
        done_per_week: &done_per_week,
        burn_up,
    };
    Ok(if json {
        render::stats_json(&view)
    } else {
        render::stats(&view, &render::band_text(loaded.curriculum.band), style)
    })
}
