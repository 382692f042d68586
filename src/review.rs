//! Reviews: when each done topic comes back to be revisited. Pure functions of the curriculum,
//! the history and today, like the rest of progress.
//!
//! A topic is first due the day after it was done; each review is graded: a good one moves it to
//! the next, longer interval, a hard one keeps the interval, and one forgotten (`again`) starts
//! over from the first. A good review before the day it was due keeps the interval too. Past the
//! last interval it stays there. The next review is due that interval after the last review. Only
//! the latest `done` counts: a topic undone and done again starts over.

use chrono::{Days, NaiveDate};

use std::collections::HashMap;

use crate::curriculum::{IdHash, Loaded, Pos};
use crate::progress::{Replay, State};
use crate::store::{Change, Event, Grade, PlanFilter};

/// The days between a topic's reviews, in order; the last one repeats.
pub const INTERVALS: [u32; 6] = [1, 3, 7, 14, 30, 60];

/// One done topic's reviews and when the next is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicReviews {
    /// The topic.
    pub pos: Pos,
    /// The day it was done: its reviews count from this day.
    pub done_on: NaiveDate,
    /// The reviews since, each with the day it counts for and its grade, oldest first.
    pub reviews: Vec<(NaiveDate, Grade)>,
    /// The interval now waiting, as an index of [`INTERVALS`].
    pub step: usize,
    /// The day the next review is due.
    pub due: NaiveDate,
}

impl TopicReviews {
    /// Days the review is overdue on `today`: 0 when due today, negative before.
    pub fn overdue(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

/// The interval step and the due day after the reviews `reviews` of a topic done on `done_on`.
pub fn next_due(done_on: NaiveDate, reviews: &[(NaiveDate, Grade)]) -> (usize, NaiveDate) {
    let last = INTERVALS.len() - 1;
    let after = |day: NaiveDate, step: usize| {
        day.checked_add_days(Days::new(INTERVALS[step].into()))
            .unwrap_or(NaiveDate::MAX)
    };
    let mut step = 0;
    let mut due = after(done_on, 0);
    for &(day, grade) in reviews {
        step = match grade {
            Grade::Good if day < due => step,
            Grade::Good => (step + 1).min(last),
            Grade::Hard => step,
            Grade::Again => 0,
        };
        due = after(day, step);
    }
    (step, due)
}

/// Every done topic's reviews, in curriculum order.
pub fn reviews(loaded: &Loaded, events: &[Event], replay: &Replay) -> Vec<TopicReviews> {
    let mut by_topic: Vec<Vec<(NaiveDate, Grade)>> = vec![Vec::new(); loaded.topic_count()];
    let mut plan = PlanFilter::new(&loaded.curriculum.id);
    // A store shares one allocation per id: each is looked up in the curriculum once.
    let mut indices: HashMap<usize, Option<usize>, IdHash> = HashMap::default();
    for event in events {
        let Some(topic) = &event.topic else { continue };
        if !plan.matches(event) {
            continue;
        }
        let Some(index) = *indices
            .entry(topic.address())
            .or_insert_with(|| loaded.index_of(topic))
        else {
            continue;
        };
        match event.change {
            Change::Review(grade) => by_topic[index].push((event.day(), grade)),
            // A topic done again (even the same day, after an undo) starts over.
            Change::Done | Change::Undo | Change::Start | Change::Skip | Change::Forget => {
                by_topic[index].clear();
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    for (index, mut reviews) in by_topic.into_iter().enumerate() {
        let progress = &replay.topics[index];
        let (State::Done, Some(done_on)) = (progress.state, progress.since) else {
            continue;
        };
        reviews.retain(|&(day, _)| day >= done_on);
        // A review back-dated with `--on` counts for its day.
        reviews.sort_by_key(|&(day, _)| day);
        let (step, due) = next_due(done_on, &reviews);
        all.push(TopicReviews {
            pos: loaded.order[index],
            done_on,
            reviews,
            step,
            due,
        });
    }
    all
}

/// The reviews due by `today`, the longest overdue first, then in curriculum order.
pub fn due(all: &[TopicReviews], today: NaiveDate) -> Vec<&TopicReviews> {
    let mut due: Vec<&TopicReviews> = all.iter().filter(|t| t.due <= today).collect();
    due.sort_by_key(|t| t.due);
    due
}

/// The first review due after `today`, if any.
pub fn next_after(all: &[TopicReviews], today: NaiveDate) -> Option<&TopicReviews> {
    all.iter().filter(|t| t.due > today).min_by_key(|t| t.due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn good_reviews_climb_the_intervals_hard_keeps_one_and_again_starts_over() {
        let done = day("2026-11-01");
        assert_eq!(next_due(done, &[]), (0, day("2026-11-02")));
        let good = |d: &str| (day(d), Grade::Good);
        let reviews = [good("2026-11-02"), good("2026-11-05")];
        assert_eq!(next_due(done, &reviews), (2, day("2026-11-12")));
        let hard = [good("2026-11-02"), (day("2026-11-06"), Grade::Hard)];
        assert_eq!(next_due(done, &hard), (1, day("2026-11-09")));
        let again = [good("2026-11-02"), (day("2026-11-06"), Grade::Again)];
        assert_eq!(next_due(done, &again), (0, day("2026-11-07")));
    }

    #[test]
    fn the_last_interval_repeats_and_an_early_review_keeps_the_interval() {
        let done = day("2026-01-01");
        let mut reviews = Vec::new();
        let mut due = Vec::new();
        for _ in 0..8 {
            let (_, on) = next_due(done, &reviews);
            due.push(on.to_string());
            reviews.push((on, Grade::Good));
        }
        // 1, 3, 7, 14, 30, 60, then 60 again.
        assert_eq!(
            due,
            [
                "2026-01-02",
                "2026-01-05",
                "2026-01-12",
                "2026-01-26",
                "2026-02-25",
                "2026-04-26",
                "2026-06-25",
                "2026-08-24"
            ]
        );
        assert_eq!(next_due(done, &reviews).0, 5);
        assert_eq!(
            next_due(done, &[(done, Grade::Good)]),
            (0, day("2026-01-02"))
        );
        let early = [
            (day("2026-01-02"), Grade::Good),
            (day("2026-01-04"), Grade::Good),
        ];
        assert_eq!(next_due(done, &early), (1, day("2026-01-07")));
    }
}
