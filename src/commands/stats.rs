//! `stats`: how steady the learner has been.

use chrono::{NaiveDate, Weekday};

use crate::cli::WeekStart;
use crate::config::Settings;
use crate::curriculum::Loaded;
use crate::render::{self, Style};
use crate::schedule;
use crate::stats;
use crate::store::Event;

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
    let events = &store.events;
    let week_start = match week_start {
        WeekStart::Monday => Weekday::Mon,
        WeekStart::Sunday => Weekday::Sun,
    };
    let days = stats::study_days(&loaded.curriculum.id, events, today);
    let done_per_week = stats::done_per_week(replay, today, week_start, DONE_WEEKS);
    let width = usize::from(style.width.unwrap_or(crate::wrap::PIPED_WIDTH));
    // JSON has the same points at every width.
    let columns = match json {
        true => render::BURN_UP_COLUMNS,
        false => width.saturating_sub(8).min(render::BURN_UP_COLUMNS),
    };
    let mut view = view(loaded, events, today, &days, columns);
    view.week_start = week_start;
    view.done_per_week = &done_per_week;
    Ok(if json {
        render::stats_json(&view)
    } else {
        render::stats(&view, &render::band_text(loaded.curriculum.band), style)
    })
}

/// The stats on `today` of the study `days` (from [`stats::study_days`]), with a burn-up of at
/// most `columns` points once the plan has started; weeks start on Monday, and no weeks of
/// topics done are counted.
pub(super) fn view<'a>(
    loaded: &Loaded,
    events: &[Event],
    today: NaiveDate,
    days: &'a [(NaiveDate, usize)],
    columns: usize,
) -> render::Stats<'a> {
    let burn_up = schedule::start(&loaded.curriculum.id, events)
        .filter(|&start| start <= today)
        .and_then(|start| stats::burn_up(loaded, events, start, today, columns));
    render::Stats {
        today,
        week_start: Weekday::Mon,
        days,
        streaks: stats::streaks(days, today),
        last7: stats::days_within(days, today, 7),
        last30: stats::days_within(days, today, 30),
        done_per_week: &[],
        burn_up,
    }
}
