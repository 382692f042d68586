//! `begin`: set the day the plan starts, under the store's lock.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::curriculum;
use crate::i18n::Lang;
use crate::schedule;
use crate::store::{Change, Event};

/// Records `date` (default today) as the plan's start date, and says where that puts today.
pub fn run(settings: &Settings, date: Option<NaiveDate>) -> anyhow::Result<String> {
    let lang = settings.lang;
    let today = settings.today;
    let day = date.unwrap_or(today);
    schedule::check_begin(day, today, None)?;
    let loaded = curriculum::load_cached(&settings.curriculum, settings.cache.as_deref())?;
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
        lock.add(&mut store, vec![begin])?;
    }

    let s = schedule::schedule(&loaded, day, today, 0);
    let mut out = match lang {
        Lang::En => format!("the plan begins on {day}"),
        Lang::Zh => format!("计划从 {day} 开始"),
    };
    match (unchanged, before) {
        (true, _) => out.push_str(lang.pick(" (unchanged)", "（未改变）")),
        (false, Some(was)) if was != day => out.push_str(&match lang {
            Lang::En => format!(" (was {was})"),
            Lang::Zh => format!("（原为 {was}）"),
        }),
        _ => {}
    }
    out.push_str(&match lang {
        Lang::En => format!(": today, {today}, is day {} of {}\n", s.day, s.total_days),
        Lang::Zh => format!(
            "：今天 {today} 是第 {} 天（共 {} 天）\n",
            s.day, s.total_days
        ),
    });
    Ok(out)
}
