//! `show`: everything about one topic, or one stage.

use crate::config::Settings;
use crate::curriculum::Named;
use crate::progress;
use crate::render::{self, StagePlan, Style};
use crate::review;
use crate::schedule;

/// Renders the topic or the stage `query` names (see `Loaded::resolve_named`).
pub fn run(settings: &Settings, style: &Style, query: &str, json: bool) -> anyhow::Result<String> {
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    let reviews = |pos| {
        super::review::check_on(settings, loaded)
            .is_ok()
            .then(|| review::reviews(loaded, &store.events, replay))
            .and_then(|all| all.into_iter().find(|r| r.pos == pos))
    };
    Ok(match super::resolve_named(loaded, query, settings.lang)? {
        Named::Topic(pos) => {
            let review = reviews(pos);
            let review = review.as_ref().map(|r| (r, settings.today));
            if json {
                render::show_json(loaded, &store.events, replay, pos, review)
            } else {
                render::show(loaded, &store.events, replay, pos, review, settings.lang)
            }
        }
        Named::Stage(s) => {
            let summary = progress::summarize(loaded, replay);
            let stages = &loaded.curriculum.stages;
            let before: i64 = stages[..s].iter().map(|stage| stage.days).sum();
            let start = schedule::start(&loaded.curriculum.id, &store.events);
            let plan = StagePlan {
                first_day: before + 1,
                last_day: before + stages[s].days,
                total_days: stages.iter().map(|stage| stage.days).sum(),
                window: start.and_then(|start| {
                    let done = summary.overall.done;
                    let calendar = schedule::schedule(loaded, start, settings.today, done);
                    calendar.windows.get(s).copied().flatten()
                }),
            };
            let counts = summary.stages[s];
            if json {
                render::show_stage_json(loaded, replay, s, counts, &plan, style.lang)
            } else {
                render::show_stage(loaded, replay, s, counts, &plan, style)
            }
        }
    })
}
