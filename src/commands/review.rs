//! `review`: the done topics due for review today, or a review of the topics named, recorded
//! under the store's lock.

use crate::config::Settings;
use crate::curriculum::Loaded;
use crate::error::Error;
use crate::progress::{self, State};
use crate::render::{self, Style};
use crate::review;
use crate::schedule;
use crate::store::{Change, Event, Grade};

/// Whether reviews are on: the learner has not turned them off, nor has the curriculum.
pub(crate) fn check_on(settings: &Settings, loaded: &Loaded) -> Result<(), Error> {
    if !loaded.curriculum.review {
        return Err(Error::ReviewsOff {
            by_curriculum: true,
        });
    }
    if !settings.reviews {
        return Err(Error::ReviewsOff {
            by_curriculum: false,
        });
    }
    Ok(())
}

/// How many reviews are due today; none when reviews are off.
pub(crate) fn due_count(
    settings: &Settings,
    loaded: &Loaded,
    events: &[Event],
    replay: &progress::Replay,
) -> Option<usize> {
    check_on(settings, loaded).is_ok().then(|| {
        let all = review::reviews(loaded, events, replay);
        review::due(&all, settings.today).len()
    })
}

/// Lists the reviews due today.
pub fn list(settings: &Settings, style: &Style, json: bool) -> anyhow::Result<String> {
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    check_on(settings, loaded)?;
    let all = review::reviews(loaded, &store.events, replay);
    Ok(if json {
        render::reviews_json(loaded, &all, settings.today, style.lang)
    } else {
        render::reviews(loaded, &all, settings.today, style.lang)
    })
}

/// Records a review of each topic `queries` name, graded `grade`, all or none.
pub fn record(
    settings: &Settings,
    queries: &[String],
    grade: Grade,
    on: Option<chrono::NaiveDate>,
) -> anyhow::Result<String> {
    let lang = settings.lang;
    let day = on.unwrap_or(settings.today);
    schedule::check_day(day, settings.today, None)?;
    let loaded = &super::curriculum(settings)?;
    check_on(settings, loaded)?;
    let positions = super::resolve_all(loaded, queries, lang)?;
    let (lock, mut store) = super::lock(settings)?;
    let history = super::as_of(&store, settings);
    let replay = progress::replay(loaded, &history);
    super::warn_in(&store, &replay, lang, &loaded.source);
    let before = review::reviews(loaded, &history, &replay);
    let mut new = Vec::with_capacity(positions.len());
    // For each topic: reviewed before it was due, and the same review recorded today already.
    let mut said = Vec::with_capacity(positions.len());
    for &pos in &positions {
        let topic = loaded.topic(pos);
        let progress = loaded
            .index_of(&topic.id)
            .and_then(|index| replay.topics.get(index))
            .cloned()
            .unwrap_or_default();
        match (progress.state, progress.since) {
            (State::Done, Some(done_on)) if day >= done_on => {}
            (State::Done, Some(done_on)) => {
                return Err(Error::BeforeLastChange {
                    topic: topic.id.clone(),
                    date: day,
                    last: done_on,
                }
                .into());
            }
            (state, _) => {
                return Err(Error::ReviewNotDone {
                    topic: topic.id.clone(),
                    state: render::state_key(state),
                }
                .into());
            }
        }
        let prior = before.iter().find(|r| r.pos == pos);
        let again = prior.is_some_and(|r| r.reviews.last() == Some(&(day, grade)));
        let early = grade == Grade::Good && prior.is_some_and(|r| day < r.due);
        said.push((early, again));
        if again {
            continue;
        }
        new.push(
            Event::new(
                settings.now,
                &loaded.curriculum.id,
                Some(&topic.id),
                Change::Review(grade),
            )
            .counting_for((day != settings.now.date_naive()).then_some(day)),
        );
    }
    drop(history);
    if new.is_empty() {
        drop(lock);
    } else {
        super::add(settings, lock, &mut store, new)?;
    }

    let all = review::reviews(loaded, &super::as_of(&store, settings), &replay);
    let mut out = String::new();
    for (pos, said) in positions.into_iter().zip(said) {
        let line = render::topic_line(loaded, pos, lang);
        if let Some(reviews) = all.iter().find(|r| r.pos == pos) {
            out.push_str(&render::reviewed_line(
                &line,
                reviews,
                settings.today,
                said,
                lang,
            ));
        }
    }
    Ok(out)
}
