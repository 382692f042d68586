//! `begin`: set the day the plan starts, under the store's lock.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::i18n::Msg;
use crate::schedule;
use crate::store::{Change, Event};

/// Records `date` (default today) as the plan's start date, and says where that puts today.
pub fn run(settings: &Settings, date: Option<NaiveDate>) -> anyhow::Result<String> {
    let lang = settings.lang;
    let today = settings.today;
    let day = date.unwrap_or(today);
    let loaded = super::curriculum(settings)?;
    let plan = loaded.curriculum.id.as_str();

    let (lock, mut store) = super::lock(settings)?;
    let history = super::as_of(&store, settings);
    super::warn(&store, &crate::progress::replay(&loaded, &history), lang);
    drop(history);
    schedule::check_begin(day, today, schedule::first_change(plan, &store.events))?;
    let explicit = store
        .events
        .iter()
        .any(|event| *event.plan == *plan && event.change == Change::Begin);
    let before = schedule::start(plan, &store.events);
    let unchanged = explicit && before == Some(day);
    if unchanged {
        drop(lock);
    } else {
        let begin = Event::new(settings.now, plan, None, Change::Begin).counting_for(Some(day));
        super::add(settings, lock, &mut store, vec![begin])?;
    }

    let s = schedule::schedule(&loaded, day, today, 0);
    let said = lang.say(Msg::PlanBegins {
        start: day,
        unchanged,
        was: before.filter(|&was| was != day),
        today,
        day: s.day,
        total_days: s.total_days,
    });
    Ok(format!("{said}\n"))
}
