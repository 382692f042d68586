//! How steady the learner has been: study days, streaks, topics done per week and the burn-up
//! against the plan. Pure functions of the curriculum, the history and today; one pass over the
//! history and one sort, so a long history costs what reading it costs.
//!
//! A day counts as a study day when a topic was done or started, a note written or a review
//! recorded for it. A skip never counts (a skipped topic never extends a streak), nor do an undo,
//! a start date, a forget or a revert: they correct the record rather than add study.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::curriculum::Loaded;
use crate::progress::{Replay, State, topics_for};
use crate::schedule;
use crate::store::{Change, Event, PlanFilter};

/// Whether a change is study, for the heatmap and the streaks.
pub fn is_study(change: &Change) -> bool {
    matches!(
        change,
        Change::Done | Change::Start | Change::Note | Change::Review(_)
    )
}

/// The study days of `plan` up to `today`, each with its count of changes.
pub fn study_days(plan: &str, events: &[Event], today: NaiveDate) -> Vec<(NaiveDate, usize)> {
    let mut plan = PlanFilter::new(plan);
    let mut days: Vec<NaiveDate> = events
        .iter()
        .filter(|event| is_study(&event.change) && event.day() <= today && plan.matches(event))
        .map(Event::day)
        .collect();
    days.sort_unstable();
    let mut counted: Vec<(NaiveDate, usize)> = Vec::new();
    for day in days {
        match counted.last_mut() {
            Some((last, count)) if *last == day => *count += 1,
            _ => counted.push((day, 1)),
        }
    }
    counted
}

/// The streaks of study days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Days in a row up to today, or up to yesterday while today has nothing yet.
    pub current: usize,
    /// The longest run of days in a row.
    pub longest: usize,
    /// The last day of the longest run (the latest, if several are as long).
    pub longest_ended: Option<NaiveDate>,
}

/// The streaks in `days` (oldest first, each once) as of `today`.
pub fn streaks(days: &[(NaiveDate, usize)], today: NaiveDate) -> Streaks {
    let mut streaks = Streaks::default();
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &(day, _) in days {
        run = match previous {
            Some(before) if before.succ_opt() == Some(day) => run + 1,
            _ => 1,
        };
        if run >= streaks.longest {
            streaks.longest = run;
            streaks.longest_ended = Some(day);
        }
        previous = Some(day);
    }
    let yesterday = today.pred_opt();
    streaks.current = match previous {
        Some(last) if last == today || Some(last) == yesterday => run,
        _ => 0,
    };
    streaks
}

/// How many of `days` fall in the `n` days ending with `today`.
pub fn days_within(days: &[(NaiveDate, usize)], today: NaiveDate, n: u64) -> usize {
    let from = today
        .checked_sub_days(Days::new(n - 1))
        .unwrap_or(NaiveDate::MIN);
    days.iter()
        .filter(|&&(day, _)| day >= from && day <= today)
        .count()
}

/// The first day of the week `day` is in, weeks starting on `start`.
pub fn week_of(day: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    day.checked_sub_days(Days::new(back.into())).unwrap_or(day)
}

/// Topics done in each of the `weeks` weeks ending with this one, oldest first: each week's
/// first day and the topics done now whose done day is in it (a topic done, undone and done
/// again counts once, in the week of its last `done`), as `status` counts them.
pub fn done_per_week(
    replay: &Replay,
    today: NaiveDate,
    start: Weekday,
    weeks: u64,
) -> Vec<(NaiveDate, usize)> {
    let this_week = week_of(today, start);
    let first = this_week
        .checked_sub_days(Days::new(7 * (weeks - 1)))
        .unwrap_or(NaiveDate::MIN);
    let mut counts = vec![0; weeks as usize];
    for topic in &replay.topics {
        if let (State::Done, Some(day)) = (topic.state, topic.since)
            && day >= first
            && day <= today
        {
            counts[((day - first).num_days() / 7) as usize] += 1;
        }
    }
    (0..weeks)
        .map(|w| {
            first
                .checked_add_days(Days::new(7 * w))
                .unwrap_or(NaiveDate::MAX)
        })
        .zip(counts)
        .collect()
}

/// Done topics against the plan's expected ones over the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BurnUp {
    /// The plan's first day.
    pub start: NaiveDate,
    /// The calendar's last day.
    pub end: NaiveDate,
    /// The curriculum's topics.
    pub total: usize,
    /// The topics at the band's low and high edges.
    pub band: (usize, usize),
    /// Evenly spaced days from the start to the end of the calendar (or today, if later), each
    /// with the topics the plan expects done by its end and, up to today, those done by then.
    pub points: Vec<BurnPoint>,
}

/// One day of the burn-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BurnPoint {
    pub day: NaiveDate,
    pub expected: usize,
    /// None after today.
    pub done: Option<usize>,
    /// Done or skipped; none after today.
    pub covered: Option<usize>,
}

/// The burn-up of a plan that starts on `start`, at most `columns` points.
pub fn burn_up(
    loaded: &Loaded,
    events: &[Event],
    start: NaiveDate,
    today: NaiveDate,
    columns: usize,
) -> Option<BurnUp> {
    let total_days: i64 = loaded.curriculum.stages.iter().map(|s| s.days).sum();
    let end = start.checked_add_days(Days::new((total_days - 1).max(0) as u64))?;
    let last = end.max(today);
    let span = (last - start).num_days() + 1;
    let columns = (columns.max(2) as i64).min(span);
    // The days split into `columns` stretches as even as whole days allow. Each point is the
    // last day of its stretch, or today in today's stretch, so that where the learner stands
    // today is always drawn.
    let end_of = |i: i64| (((i + 1) * span + columns - 1) / columns) - 1;
    let days: Vec<NaiveDate> = (0..columns)
        .map_while(|i| {
            let first = match i {
                0 => 0,
                _ => end_of(i - 1) + 1,
            };
            let first = start.checked_add_days(Days::new(first as u64))?;
            let end = start
                .checked_add_days(Days::new(end_of(i) as u64))?
                .min(last);
            Some(if (first..=end).contains(&today) {
                today
            } else {
                end
            })
        })
        .collect();
    let done = done_by(loaded, events, &days, today);
    let points = days
        .iter()
        .zip(done)
        .map(|(&day, reached)| BurnPoint {
            day,
            expected: schedule::schedule(loaded, start, day, 0).expected_done,
            done: reached.map(|r| r.done),
            covered: reached.map(|r| r.covered),
        })
        .collect();
    let band = loaded.curriculum.band;
    let total = loaded.topic_count();
    Some(BurnUp {
        start,
        end,
        total,
        band: (topics_for(band.low, total), topics_for(band.high, total)),
        points,
    })
}

/// The topics done, and those done or skipped, by the end of a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Reached {
    done: usize,
    covered: usize,
}

/// Where a change leaves its topic, as the burn-up counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leaves {
    Done,
    Skipped,
    Open,
}

impl Reached {
    /// `by` more (or, negative, fewer) topics left as `leaves` says.
    fn count(&mut self, leaves: Leaves, by: isize) {
        let step = |n: &mut usize| *n = n.saturating_add_signed(by);
        match leaves {
            Leaves::Done => {
                step(&mut self.done);
                step(&mut self.covered);
            }
            Leaves::Skipped => step(&mut self.covered),
            Leaves::Open => {}
        }
    }
}

/// The topics done and covered by the end of each of `days` (in order) up to `today`: as a
/// replay to that day gives them, each topic standing where its latest recorded change of those
/// counting by then left it.
fn done_by(
    loaded: &Loaded,
    events: &[Event],
    days: &[NaiveDate],
    today: NaiveDate,
) -> Vec<Option<Reached>> {
    let mut plan = PlanFilter::new(&loaded.curriculum.id);
    // Each change: the day it counts for, its place in the recorded order, its topic, and
    // how it leaves the topic.
    let mut changes: Vec<(NaiveDate, usize, usize, Leaves)> = events
        .iter()
        .enumerate()
        .filter_map(|(order, event)| {
            let leaves = match event.change {
                Change::Done => Leaves::Done,
                Change::Skip => Leaves::Skipped,
                Change::Undo | Change::Start => Leaves::Open,
                _ => return None,
            };
            if !plan.matches(event) {
                return None;
            }
            let index = loaded.index_of(event.topic.as_deref()?)?;
            Some((event.day(), order, index, leaves))
        })
        .collect();
    changes.sort_unstable_by_key(|&(day, order, ..)| (day, order));
    // Per topic: the place of the change it stands by, and that change.
    let mut standing: Vec<Option<(usize, Leaves)>> = vec![None; loaded.topic_count()];
    let mut reached = Reached::default();
    let mut next = changes.iter().peekable();
    days.iter()
        .map(|&day| {
            while let Some(&&(on, order, index, leaves)) = next.peek() {
                if on > day {
                    break;
                }
                next.next();
                let was = standing[index];
                if was.is_some_and(|(latest, _)| latest > order) {
                    continue; // recorded before the change the topic stands by
                }
                standing[index] = Some((order, leaves));
                if let Some((_, before)) = was {
                    reached.count(before, -1);
                }
                reached.count(leaves, 1);
            }
            (day <= today).then_some(reached)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn days(list: &[&str]) -> Vec<(NaiveDate, usize)> {
        list.iter().map(|d| (day(d), 1)).collect()
    }

    #[test]
    fn a_streak_lives_through_today_while_yesterday_counted() {
        let all = days(&[
            "2026-11-01",
            "2026-11-02",
            "2026-11-03",
            "2026-11-10",
            "2026-11-11",
        ]);
        let at = |today: &str| streaks(&all, day(today));
        assert_eq!(at("2026-11-11").current, 2);
        assert_eq!(at("2026-11-12").current, 2);
        assert_eq!(at("2026-11-13").current, 0);
        assert_eq!(at("2026-11-13").longest, 3);
        assert_eq!(at("2026-11-13").longest_ended, Some(day("2026-11-03")));
        assert_eq!(streaks(&[], day("2026-11-13")), Streaks::default());
    }

    #[test]
    fn weeks_start_on_the_day_asked() {
        // 2026-12-04 is a Friday.
        assert_eq!(week_of(day("2026-12-04"), Weekday::Mon), day("2026-11-30"));
        assert_eq!(week_of(day("2026-12-04"), Weekday::Sun), day("2026-11-29"));
        assert_eq!(week_of(day("2026-11-29"), Weekday::Sun), day("2026-11-29"));
        assert_eq!(week_of(day("2026-11-29"), Weekday::Mon), day("2026-11-23"));
    }

    #[test]
    fn study_days_within_count_today_and_the_days_before() {
        let all = days(&["2026-11-01", "2026-11-25", "2026-11-28", "2026-12-04"]);
        assert_eq!(days_within(&all, day("2026-12-04"), 7), 2);
        assert_eq!(days_within(&all, day("2026-12-04"), 30), 3);
    }
}
