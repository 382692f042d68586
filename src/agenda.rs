//! Today's agenda: what to study today to be on plan by the end of the day, from the calendar,
//! the pace and the history. Pure: today is a parameter.

use chrono::NaiveDate;

use crate::curriculum::{Loaded, Pos};
use crate::progress::{self, Replay, Summary};
use crate::schedule::{Eta, Outlook};

/// Where today stands against the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// The plan has no start yet: nothing recorded, no `begin`.
    NotStarted,
    /// The plan starts on a later day.
    StartsIn { start: NaiveDate, days: i64 },
    /// Every topic is done or skipped.
    Finished,
    /// On plan with nothing left for today; `ahead` topics more done than the plan expects.
    Ahead { ahead: usize },
    /// `to_finish` topics to finish today; `behind` of them were due before today (0: on
    /// schedule, with only today's share to do). `week` is what a week at the recent pace brings.
    ToFinish {
        to_finish: usize,
        behind: usize,
        week: Option<f64>,
    },
    /// The calendar is over, `over_by` days ago, with `to_low` topics still to reach the band's
    /// low edge (0: reached).
    CatchUp { over_by: i64, to_low: usize },
}

/// How many topics a week reach the band's low edge by a day the learner gives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reach {
    /// The day given.
    pub by: NaiveDate,
    /// Topics a week from today to then, the last day included; none when the day is not after
    /// today or the edge is out of reach.
    pub per_week: Option<f64>,
}

/// Today's agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// Where today stands.
    pub standing: Standing,
    /// The topics to work on, in the order to take them: those in progress, then the first not
    /// started. As many as there are to finish today; one when ahead or catching up; the first
    /// few before the start.
    pub topics: Vec<Pos>,
    /// The band's low edge at the current pace: reached, projected, or neither.
    pub low_edge: Eta,
    /// The catch-up figure for `--by DATE`, when given.
    pub reach: Option<Reach>,
}

/// How many topics are shown before the plan has started.
pub const FIRST_TOPICS: usize = 3;

/// Today's agenda for the plan `outlook` describes; `by` a day to reach the band's low edge by.
pub fn agenda(
    loaded: &Loaded,
    replay: &Replay,
    summary: &Summary,
    outlook: &Outlook,
    today: NaiveDate,
    by: Option<NaiveDate>,
) -> Agenda {
    let upcoming = |n: usize| progress::upcoming(loaded, replay).take(n).collect();
    let (standing, topics) = if summary.overall.remaining() == 0 {
        (Standing::Finished, Vec::new())
    } else {
        match &outlook.schedule {
            None => (Standing::NotStarted, upcoming(FIRST_TOPICS)),
            Some(s) if s.day < 1 => (
                Standing::StartsIn {
                    start: s.start,
                    days: 1 - s.day,
                },
                upcoming(FIRST_TOPICS),
            ),
            Some(s) if s.over_by > 0 => (
                Standing::CatchUp {
                    over_by: s.over_by,
                    to_low: summary.to_band,
                },
                upcoming(1),
            ),
            Some(s) => {
                let to_finish = s.expected_done.saturating_sub(summary.overall.done);
                if to_finish == 0 {
                    let ahead = summary.overall.done - s.expected_done;
                    (Standing::Ahead { ahead }, upcoming(1))
                } else {
                    let standing = Standing::ToFinish {
                        to_finish,
                        behind: s.overdue,
                        week: outlook.pace.per_week_recent.filter(|&week| week > 0.0),
                    };
                    (standing, upcoming(to_finish))
                }
            }
        }
    };
    Agenda {
        standing,
        topics,
        low_edge: outlook.pace.eta[0],
        reach: by.map(|by| Reach {
            by,
            per_week: per_week_to(summary, today, by),
        }),
    }
}

/// Topics a week to reach the band's low edge from today to `by`, both included.
fn per_week_to(summary: &Summary, today: NaiveDate, by: NaiveDate) -> Option<f64> {
    let days = (by - today).num_days() + 1;
    if days < 2 || !summary.band_reachable {
        return None;
    }
    let per_week = summary.to_band as f64 * 7.0 / days as f64;
    // Rounded up to a tenth: a pace rounded down would arrive late.
    Some((per_week * 10.0).ceil() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{self, Source};
    use crate::progress::{replay, summarize};
    use crate::schedule::outlook;
    use crate::store::{Change, Event};
    use chrono::{FixedOffset, NaiveTime};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn ev(topic: Option<&str>, change: Change, day: &str) -> Event {
        let at = date(day)
            .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap())
            .and_local_timezone(FixedOffset::east_opt(8 * 3600).unwrap())
            .unwrap();
        Event::new(at, "llm-roadmap", topic, change)
    }

    fn agenda_on(events: &[Event], today: &str, by: Option<&str>) -> Agenda {
        let loaded = curriculum::load(&Source::Embedded).unwrap();
        let replay = replay(&loaded, events);
        let summary = summarize(&loaded, &replay);
        let today = date(today);
        let outlook = outlook(&loaded, events, &replay, &summary, today);
        agenda(&loaded, &replay, &summary, &outlook, today, by.map(date))
    }

    fn begin(day: &str) -> Event {
        ev(None, Change::Begin, "2026-11-01").counting_for(Some(date(day)))
    }

    fn done(ids: &[&str], day: &str) -> Vec<Event> {
        ids.iter()
            .map(|id| ev(Some(id), Change::Done, day))
            .collect()
    }

    #[test]
    fn before_the_start_the_first_topics_are_shown() {
        let agenda = agenda_on(&[], "2026-11-05", None);
        assert_eq!(agenda.standing, Standing::NotStarted);
        assert_eq!(agenda.topics.len(), FIRST_TOPICS);
        let agenda = agenda_on(&[begin("2026-11-10")], "2026-11-05", None);
        assert_eq!(
            agenda.standing,
            Standing::StartsIn {
                start: date("2026-11-10"),
                days: 5
            }
        );
    }

    #[test]
    fn the_topics_to_finish_today_are_the_plans_share_still_missing() {
        // Stage 1: 11 topics in 10 days; by the end of day 3, 3 are expected.
        let mut events = vec![begin("2026-11-01")];
        events.extend(done(&["what-llms-can-do"], "2026-11-01"));
        let agenda = agenda_on(&events, "2026-11-03", None);
        let Standing::ToFinish {
            to_finish, behind, ..
        } = agenda.standing
        else {
            panic!("{:?}", agenda.standing)
        };
        // Two expected by the end of yesterday, one done: one behind, two to finish today.
        assert_eq!((to_finish, behind), (2, 1));
        assert_eq!(agenda.topics.len(), 2);
        events.extend(done(
            &["how-llms-get-smart", "core-mindset", "prompt-engineering"],
            "2026-11-03",
        ));
        let agenda = agenda_on(&events, "2026-11-03", None);
        assert_eq!(agenda.standing, Standing::Ahead { ahead: 1 });
        assert_eq!(agenda.topics.len(), 1);
    }

    #[test]
    fn past_the_calendar_the_catch_up_says_what_a_week_needs() {
        let events = vec![begin("2026-01-01")];
        let agenda = agenda_on(&events, "2026-06-01", Some("2026-06-14"));
        // 60% of 41 is 25 topics, over 14 days: 12.5 a week.
        assert_eq!(
            agenda.standing,
            Standing::CatchUp {
                over_by: 62,
                to_low: 25
            }
        );
        assert_eq!(
            agenda.reach,
            Some(Reach {
                by: date("2026-06-14"),
                per_week: Some(12.5)
            })
        );
        let agenda = agenda_on(&events, "2026-06-01", Some("2026-06-01"));
        assert_eq!(agenda.reach.and_then(|r| r.per_week), None);
    }
}
