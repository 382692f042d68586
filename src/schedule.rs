//! The plan's calendar: the start date, the day number, each stage's planned window, the pace and
//! the projections, and the genius window. Pure functions of the curriculum, the store's history
//! and today, which is always a parameter.

use chrono::{Days, NaiveDate};

use crate::curriculum::Loaded;
use crate::error::Error;
use crate::progress::{Replay, State, Summary, topics_for};
use crate::store::{Change, Event, PlanFilter};

/// How many days back the recent pace looks, today included.
pub const RECENT_DAYS: i64 = 14;

/// The plan's start date: the last `begin` of this plan, else the day of its first recorded
/// change; none while the plan has no history at all.
pub fn start(plan: &str, events: &[Event]) -> Option<NaiveDate> {
    let mut begun = None;
    let mut first = None::<NaiveDate>;
    let mut plan = PlanFilter::new(plan);
    for event in events.iter().filter(|event| plan.matches(event)) {
        match event.change {
            Change::Begin => begun = Some(event.day()),
            Change::Other(_) => {}
            _ => first = Some(first.map_or(event.day(), |day| day.min(event.day()))),
        }
    }
    begun.or(first)
}

/// The day the last `begin` of this plan set, the start a change may not come before; none
/// without a `begin`, when the start is the earliest day any change counts for.
pub fn begun(plan: &str, events: &[Event]) -> Option<NaiveDate> {
    let mut plan = PlanFilter::new(plan);
    events
        .iter()
        .filter(|event| event.change == Change::Begin && plan.matches(event))
        .last()
        .map(Event::day)
}

/// The earliest day any topic change or note of this plan counts for; `begin` aside.
pub fn first_change(plan: &str, events: &[Event]) -> Option<NaiveDate> {
    events
        .iter()
        .filter(|event| {
            *event.plan == *plan && !matches!(event.change, Change::Begin | Change::Other(_))
        })
        .map(Event::day)
        .min()
}

/// Checks the day a change is recorded for: never after today, never before the plan's start.
pub fn check_day(day: NaiveDate, today: NaiveDate, start: Option<NaiveDate>) -> Result<(), Error> {
    if day > today {
        return Err(Error::FutureDate { date: day, today });
    }
    match start {
        Some(start) if day < start => Err(Error::BeforeStart {
            date: day,
            start,
            planned: start > today,
        }),
        _ => Ok(()),
    }
}

/// How far ahead a start may be planned: a year, so that a mistyped year is refused rather than
/// recorded.
pub const MAX_DAYS_AHEAD: i64 = 366;

/// Checks a new start date: never after work already recorded. A later day than today is a
/// planned start, at most [`MAX_DAYS_AHEAD`] days ahead.
pub fn check_begin(
    day: NaiveDate,
    today: NaiveDate,
    first: Option<NaiveDate>,
) -> Result<(), Error> {
    if (day - today).num_days() > MAX_DAYS_AHEAD {
        return Err(Error::BeginTooFar {
            date: day,
            today,
            days: MAX_DAYS_AHEAD,
        });
    }
    match first {
        Some(first) if day > first => Err(Error::BeginAfterWork { date: day, first }),
        _ => Ok(()),
    }
}

/// The day number of `today` in a plan that starts on `start`: day 1 is the start date itself.
pub fn day_number(start: NaiveDate, today: NaiveDate) -> i64 {
    (today - start).num_days() + 1
}

/// The date of day `n` (from 1) of a plan that starts on `start`; none past the calendar's end.
fn date_of_day(start: NaiveDate, n: i64) -> Option<NaiveDate> {
    let offset = u64::try_from(n.checked_sub(1)?).ok()?;
    start.checked_add_days(Days::new(offset))
}

/// The days a stage is planned for, as dates, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The stage's first day.
    pub first: NaiveDate,
    /// The stage's last day.
    pub last: NaiveDate,
}

/// Where the learner stands against the plan's calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The plan's start date (day 1).
    pub start: NaiveDate,
    /// Today's day number; 1 on the start date.
    pub day: i64,
    /// The calendar's length: every stage's days added up.
    pub total_days: i64,
    /// The calendar's last day.
    pub end: Option<NaiveDate>,
    /// Each stage's planned window, in order.
    pub windows: Vec<Option<Window>>,
    /// The stage the plan expects today (index from 0); none before the start and past the end.
    pub expected_stage: Option<usize>,
    /// Topics the plan expects done by the end of today: earlier stages in full, and the current
    /// stage pro rata by day, rounded down.
    pub expected_done: usize,
    /// Done topics minus expected ones: negative when behind.
    pub ahead: i64,
    /// Topics the plan expected done by the end of yesterday and not done yet: while this is 0,
    /// the learner is on schedule even with today's share still to do.
    pub overdue: usize,
    /// Days since the calendar's last day; 0 while it runs.
    pub over_by: i64,
}

/// The schedule for `done` topics on `today`, in a plan that starts on `start`.
pub fn schedule(loaded: &Loaded, start: NaiveDate, today: NaiveDate, done: usize) -> Schedule {
    let stages = &loaded.curriculum.stages;
    let day = day_number(start, today);
    let total_days: i64 = stages.iter().map(|stage| stage.days).sum();
    let mut windows = Vec::with_capacity(stages.len());
    let mut expected_stage = None;
    let mut expected_done = 0;
    let mut expected_yesterday = 0;
    let mut before = 0; // days of the stages before this one
    for (s, stage) in stages.iter().enumerate() {
        windows.push(
            date_of_day(start, before + 1)
                .zip(date_of_day(start, before + stage.days))
                .map(|(first, last)| Window { first, last }),
        );
        if day > before && day <= before + stage.days {
            expected_stage = Some(s);
        }
        let into = (day - before).clamp(0, stage.days);
        // Whole numbers throughout, so the edges never wobble: `into` of `days` days, rounded down.
        expected_done += stage.topics.len() * into as usize / stage.days as usize;
        let into = (day - 1 - before).clamp(0, stage.days);
        expected_yesterday += stage.topics.len() * into as usize / stage.days as usize;
        before += stage.days;
    }
    Schedule {
        start,
        day,
        total_days,
        end: date_of_day(start, total_days),
        windows,
        expected_stage,
        expected_done,
        ahead: done as i64 - expected_done as i64,
        overdue: expected_yesterday.saturating_sub(done),
        over_by: (day - total_days).max(0),
    }
}

/// When a share of the curriculum is, or will be, done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eta {
    /// Already reached, on this day.
    Reached(NaiveDate),
    /// At the pace over the whole plan, on this day.
    Projected(NaiveDate),
    /// Nothing done yet, so there is no pace to project from.
    NoPace,
    /// Skipped topics leave too few to get there.
    OutOfReach,
}

impl Eta {
    /// The date reached or projected, if any.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Eta::Reached(day) | Eta::Projected(day) => Some(day),
            Eta::NoPace | Eta::OutOfReach => None,
        }
    }
}

/// How fast the learner goes, and where that leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    /// Done topics per week since the start; none before the plan has a start.
    pub per_week: Option<f64>,
    /// Topics done in the last 14 days (fewer in a younger plan), per week.
    pub per_week_recent: Option<f64>,
    /// The days the recent pace looks at.
    pub recent_days: i64,
    /// The band's low edge (the roadmap's 60%), its high edge (70%) and everything (100%).
    pub eta: [Eta; 3],
}

/// The pace of a plan that starts on `start`, and the dates it leads to.
pub fn pace(
    loaded: &Loaded,
    replay: &Replay,
    summary: &Summary,
    start: Option<NaiveDate>,
    today: NaiveDate,
) -> Pace {
    let band = loaded.curriculum.band;
    let total = summary.overall.total;
    let done = summary.overall.done;
    let targets = [
        topics_for(band.low, total),
        topics_for(band.high, total),
        total,
    ];
    let Some(start) = start else {
        return Pace {
            per_week: None,
            per_week_recent: None,
            recent_days: 0,
            eta: targets.map(|needed| {
                if needed > total - summary.overall.skipped {
                    Eta::OutOfReach
                } else {
                    Eta::NoPace
                }
            }),
        };
    };
    let elapsed = day_number(start, today).max(1);
    let recent_days = elapsed.min(RECENT_DAYS);
    let recent_from = today
        .checked_sub_days(Days::new(recent_days as u64 - 1))
        .unwrap_or(start);
    let mut done_days: Vec<NaiveDate> = replay
        .topics
        .iter()
        .filter(|topic| topic.state == State::Done)
        .filter_map(|topic| topic.since)
        .collect();
    done_days.sort_unstable();
    let recent = done_days.iter().filter(|&&day| day >= recent_from).count();
    let per_week = |count: usize, days: i64| round2(count as f64 * 7.0 / days as f64);
    let eta = targets.map(|needed| {
        if needed > total - summary.overall.skipped {
            Eta::OutOfReach
        } else if done >= needed {
            // The day the learner's done topics, oldest first, first numbered `needed`.
            match needed.checked_sub(1).and_then(|i| done_days.get(i)) {
                Some(&day) => Eta::Reached(day),
                None => Eta::Reached(start),
            }
        } else if done == 0 {
            Eta::NoPace
        } else {
            // Days to go at `done` topics per `elapsed` days, rounded up, in whole numbers.
            let to_go = (needed - done) as u64;
            let days = (to_go * elapsed as u64).div_ceil(done as u64);
            today
                .checked_add_days(Days::new(days))
                .map_or(Eta::NoPace, Eta::Projected)
        }
    });
    Pace {
        per_week: Some(per_week(done, elapsed)),
        per_week_recent: Some(per_week(recent, recent_days)),
        recent_days,
        eta,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The genius window: every topic done within the curriculum's `genius_days` of the start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Genius {
    /// The window's length in days.
    pub days: i64,
    /// Every topic was done by the end of the window; the badge stays for good.
    pub achieved: bool,
    /// Not achieved yet, and the window is still open.
    pub possible: bool,
    /// Days left in the window, today included; 0 once it has closed.
    pub days_left: i64,
    /// Topics still to be done.
    pub remaining: usize,
    /// The window's last day; none before the plan has a start.
    pub last_day: Option<NaiveDate>,
}

/// The genius window of a plan that starts on `start`; none when the curriculum has none.
pub fn genius(
    loaded: &Loaded,
    events: &[Event],
    replay: &Replay,
    start: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Genius> {
    let days = loaded.curriculum.genius_days?;
    let all_done = |replay: &Replay| {
        !replay.topics.is_empty() && replay.topics.iter().all(|t| t.state == State::Done)
    };
    let remaining = replay
        .topics
        .iter()
        .filter(|t| t.state != State::Done)
        .count();
    let Some(start) = start else {
        return Some(Genius {
            days,
            achieved: false,
            possible: true,
            days_left: days,
            remaining,
            last_day: None,
        });
    };
    let last_day = date_of_day(start, days);
    let open = last_day.is_none_or(|last| today <= last);
    let achieved = if open {
        all_done(replay)
    } else {
        // What stood at the end of the window's last day; later changes cannot take it away.
        // Replaying a long history again is costly; a plan that recorded fewer `done` changes
        // in the window than it has topics cannot have done them all, and needs no replay.
        let mut plan = PlanFilter::new(&loaded.curriculum.id);
        let done_in_window = events
            .iter()
            .filter(|e| e.change == Change::Done && plan.matches(e))
            .filter(|e| last_day.is_none_or(|last| e.day() <= last))
            .count();
        done_in_window >= loaded.topic_count()
            && all_done(&crate::progress::replay_until(loaded, events, last_day))
    };
    let days_left = if open {
        // Today included; a start still ahead leaves the whole window.
        (days - day_number(start, today) + 1).clamp(0, days)
    } else {
        0
    };
    Some(Genius {
        days,
        achieved,
        possible: !achieved && open,
        days_left,
        remaining,
        last_day,
    })
}

/// Everything the calendar says about a plan today.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    /// Against the calendar; none before the plan has a start.
    pub schedule: Option<Schedule>,
    /// The pace and projections.
    pub pace: Pace,
    /// The genius window; none when the curriculum has none.
    pub genius: Option<Genius>,
}

/// The outlook of `loaded`'s plan on `today`.
pub fn outlook(
    loaded: &Loaded,
    events: &[Event],
    replay: &Replay,
    summary: &Summary,
    today: NaiveDate,
) -> Outlook {
    let start = start(&loaded.curriculum.id, events);
    Outlook {
        schedule: start.map(|start| schedule(loaded, start, today, summary.overall.done)),
        pace: pace(loaded, replay, summary, start, today),
        genius: genius(loaded, events, replay, start, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{self, Source};
    use crate::progress::{replay, summarize};
    use chrono::{DateTime, FixedOffset, NaiveTime};

    fn roadmap() -> Loaded {
        curriculum::load(&Source::Embedded).unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(day: &str) -> DateTime<FixedOffset> {
        date(day)
            .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap())
            .and_local_timezone(FixedOffset::east_opt(8 * 3600).unwrap())
            .unwrap()
    }

    fn ev(topic: Option<&str>, change: Change, day: &str) -> Event {
        Event::new(at(day), "llm-roadmap", topic, change)
    }

    fn begin(day: &str) -> Event {
        ev(None, Change::Begin, "2000-01-01").counting_for(Some(date(day)))
    }

    /// The first `n` topics of the roadmap, done on `day`.
    fn done_first(loaded: &Loaded, n: usize, day: &str) -> Vec<Event> {
        loaded
            .order
            .iter()
            .take(n)
            .map(|&pos| ev(Some(&loaded.topic(pos).id), Change::Done, day))
            .collect()
    }

    fn outlook_on(loaded: &Loaded, events: &[Event], today: &str) -> Outlook {
        let replay = replay(loaded, events);
        let summary = summarize(loaded, &replay);
        outlook(loaded, events, &replay, &summary, date(today))
    }

    #[test]
    fn the_start_is_the_last_begin_else_the_first_change() {
        let backdated = ev(Some("why-rag"), Change::Done, "2026-11-20");
        let backdated = backdated.counting_for(Some(date("2026-11-12")));
        let mut other_plan = begin("2026-01-01");
        other_plan.plan = "another".into();
        let mut events = vec![
            other_plan,
            ev(Some("embeddings"), Change::Start, "2026-11-15"),
            backdated,
            ev(Some("x"), Change::Other("archive".into()), "2026-11-01"),
        ];
        assert_eq!(start("llm-roadmap", &[]), None);
        assert_eq!(start("llm-roadmap", &events), Some(date("2026-11-12")));
        // Without a `begin` of its own, nothing bounds a change from below.
        assert_eq!(begun("llm-roadmap", &events), None);
        assert_eq!(
            first_change("llm-roadmap", &events),
            Some(date("2026-11-12"))
        );
        events.push(begin("2026-11-10"));
        events.push(begin("2026-11-09"));
        assert_eq!(start("llm-roadmap", &events), Some(date("2026-11-09")));
        assert_eq!(begun("llm-roadmap", &events), Some(date("2026-11-09")));
        assert_eq!(
            first_change("llm-roadmap", &events),
            Some(date("2026-11-12"))
        );
    }

    #[test]
    fn days_are_checked_against_today_and_the_start() {
        let today = date("2026-11-29");
        assert!(check_day(today, today, None).is_ok());
        assert!(check_day(date("2020-01-01"), today, None).is_ok());
        assert!(matches!(
            check_day(date("2026-11-30"), today, None),
            Err(Error::FutureDate { .. })
        ));
        assert!(check_day(date("2026-11-10"), today, Some(date("2026-11-10"))).is_ok());
        assert!(matches!(
            check_day(date("2026-11-09"), today, Some(date("2026-11-10"))),
            Err(Error::BeforeStart { .. })
        ));
        assert!(check_begin(date("2026-11-10"), today, Some(date("2026-11-10"))).is_ok());
        assert!(matches!(
            check_begin(date("2026-11-11"), today, Some(date("2026-11-10"))),
            Err(Error::BeginAfterWork { .. })
        ));
        // A planned start, on a later day, within a year.
        assert!(check_begin(date("2026-11-30"), today, None).is_ok());
        assert!(matches!(
            check_begin(date("2062-11-30"), today, None),
            Err(Error::BeginTooFar { .. })
        ));
    }

    #[test]
    fn a_plan_started_today_is_on_day_one_of_stage_one() {
        let loaded = roadmap();
        let s = schedule(&loaded, date("2026-11-29"), date("2026-11-29"), 0);
        assert_eq!(s.day, 1);
        assert_eq!(s.total_days, 90);
        assert_eq!(s.expected_stage, Some(0));
        // 11 topics over 10 days: one a day, rounded down.
        assert_eq!(s.expected_done, 1);
        assert_eq!(s.ahead, -1);
        // Today's topic is still to do, but nothing is overdue.
        assert_eq!(s.overdue, 0);
        assert_eq!(s.over_by, 0);
        assert_eq!(s.end, Some(date("2027-02-26")));

        let events = [begin("2026-11-29")];
        let o = outlook_on(&loaded, &events, "2026-11-29");
        assert_eq!(o.pace.per_week, Some(0.0));
        assert_eq!(o.pace.recent_days, 1);
        assert_eq!(o.pace.eta, [Eta::NoPace; 3]);
        let genius = o.genius.unwrap();
        assert_eq!((genius.possible, genius.days_left), (true, 15));
        assert_eq!(genius.last_day, Some(date("2026-12-13")));
    }

    #[test]
    fn day_ten_is_the_last_of_stage_one_and_day_eleven_the_first_of_stage_two() {
        let loaded = roadmap();
        let start = date("2026-11-01");
        let day10 = schedule(&loaded, start, date("2026-11-10"), 11);
        assert_eq!(day10.day, 10);
        assert_eq!(day10.expected_stage, Some(0));
        assert_eq!(day10.expected_done, 11);
        assert_eq!(day10.ahead, 0);
        let day11 = schedule(&loaded, start, date("2026-11-11"), 11);
        assert_eq!(day11.day, 11);
        assert_eq!(day11.expected_stage, Some(1));
        // 9 topics over 30 days: 1 day in is 0.3 of a topic, rounded down.
        assert_eq!(day11.expected_done, 11);
        let day14 = schedule(&loaded, start, date("2026-11-14"), 11);
        assert_eq!(day14.expected_done, 12);
        // 3 days into stage 2 (0.9 of a topic) by the end of yesterday: nothing overdue yet.
        assert_eq!((day14.ahead, day14.overdue), (-1, 0));
        let day15 = schedule(&loaded, start, date("2026-11-15"), 11);
        assert_eq!((day15.ahead, day15.overdue), (-1, 1));
        assert_eq!(
            day11.windows[0],
            Some(Window {
                first: date("2026-11-01"),
                last: date("2026-11-10")
            })
        );
        assert_eq!(
            day11.windows[1],
            Some(Window {
                first: date("2026-11-11"),
                last: date("2026-12-10")
            })
        );
        assert_eq!(
            day11.windows[3],
            Some(Window {
                first: date("2027-01-10"),
                last: date("2027-01-29")
            })
        );
        let day40 = schedule(&loaded, start, date("2026-12-10"), 20);
        assert_eq!((day40.expected_stage, day40.expected_done), (Some(1), 20));
        let day41 = schedule(&loaded, start, date("2026-12-11"), 20);
        assert_eq!(day41.expected_stage, Some(2));
    }

    #[test]
    fn day_ninety_ends_the_calendar_and_day_ninety_one_is_past_it() {
        let loaded = roadmap();
        let start = date("2026-11-01");
        let day90 = schedule(&loaded, start, date("2027-01-29"), 30);
        assert_eq!(day90.day, 90);
        assert_eq!(day90.expected_stage, Some(3));
        assert_eq!(day90.expected_done, 41);
        assert_eq!(day90.over_by, 0);
        assert_eq!(day90.end, Some(date("2027-01-29")));
        let day91 = schedule(&loaded, start, date("2027-01-30"), 30);
        assert_eq!(day91.day, 91);
        assert_eq!(day91.expected_stage, None);
        assert_eq!(day91.expected_done, 41);
        assert_eq!(day91.ahead, -11);
        assert_eq!(day91.over_by, 1);
    }

    #[test]
    fn leap_days_count_as_days() {
        let loaded = roadmap();
        // 2028 is a leap year: Feb 20 to Feb 29 is ten days, so Mar 1 is day 11.
        let s = schedule(&loaded, date("2028-02-20"), date("2028-03-01"), 0);
        assert_eq!(s.day, 11);
        assert_eq!(s.expected_stage, Some(1));
        assert_eq!(
            s.windows[0],
            Some(Window {
                first: date("2028-02-20"),
                last: date("2028-02-29")
            })
        );
        // 2027 is not: the same dates are a day apart more.
        let s = schedule(&loaded, date("2027-02-20"), date("2027-03-01"), 0);
        assert_eq!(s.day, 10);
        assert_eq!(s.expected_stage, Some(0));
        assert_eq!(day_number(date("2027-12-31"), date("2028-12-31")), 367);
        // A plan that starts on a leap day.
        let s = schedule(&loaded, date("2028-02-29"), date("2028-02-29"), 0);
        assert_eq!(s.windows[0].unwrap().last, date("2028-03-09"));
        assert_eq!(s.end, Some(date("2028-05-28")));
    }

    #[test]
    fn before_the_start_nothing_is_expected() {
        let loaded = roadmap();
        let s = schedule(&loaded, date("2026-11-29"), date("2026-11-28"), 0);
        assert_eq!(s.day, 0);
        assert_eq!(s.expected_stage, None);
        assert_eq!(s.expected_done, 0);
    }

    #[test]
    fn pace_counts_done_topics_per_week_over_the_plan_and_the_last_two_weeks() {
        let loaded = roadmap();
        let mut events = vec![begin("2026-11-01")];
        events.extend(done_first(&loaded, 6, "2026-11-05"));
        events.extend(done_first(&loaded, 10, "2026-11-20").into_iter().skip(6));
        // Day 28: 10 done in 28 days is 2.5 a week; 4 in the last 14 days is 2 a week.
        let o = outlook_on(&loaded, &events, "2026-11-28");
        assert_eq!(o.pace.per_week, Some(2.5));
        assert_eq!(o.pace.per_week_recent, Some(2.0));
        assert_eq!(o.pace.recent_days, 14);
        // 25 topics reach 60%: 15 more at 10 per 28 days is 42 days; 29 (70%) is 19 more, 53.2
        // days rounded up; 41 is 31 more, 86.8 days rounded up.
        assert_eq!(
            o.pace.eta,
            [
                Eta::Projected(date("2027-01-09")),
                Eta::Projected(date("2027-01-21")),
                Eta::Projected(date("2027-02-23")),
            ]
        );
        // The recent window starts 13 days before today: Nov 15 on Nov 28, Nov 21 on Dec 4.
        let o = outlook_on(&loaded, &events, "2026-12-03");
        assert_eq!(o.pace.per_week_recent, Some(2.0));
        let o = outlook_on(&loaded, &events, "2026-12-04");
        assert_eq!(o.pace.per_week_recent, Some(0.0));
    }

    #[test]
    fn reached_targets_give_the_day_they_were_reached() {
        let loaded = roadmap();
        let mut events = vec![begin("2026-11-01")];
        events.extend(done_first(&loaded, 20, "2026-11-03"));
        events.extend(done_first(&loaded, 29, "2026-11-08").into_iter().skip(20));
        let o = outlook_on(&loaded, &events, "2026-11-10");
        assert_eq!(o.pace.eta[0], Eta::Reached(date("2026-11-08")));
        assert_eq!(o.pace.eta[1], Eta::Reached(date("2026-11-08")));
        // 12 more at 29 per 10 days: 4.1 days, rounded up.
        assert_eq!(o.pace.eta[2], Eta::Projected(date("2026-11-15")));
        assert_eq!(o.pace.eta[2].date(), Some(date("2026-11-15")));
    }

    #[test]
    fn skips_put_targets_out_of_reach() {
        let loaded = roadmap();
        let mut events = vec![ev(Some("why-rag"), Change::Skip, "2026-11-01")];
        let o = outlook_on(&loaded, &events, "2026-11-02");
        assert_eq!(o.pace.eta, [Eta::NoPace, Eta::NoPace, Eta::OutOfReach]);
        assert_eq!(o.pace.eta[2].date(), None);
        events = loaded
            .order
            .iter()
            .take(17)
            .map(|&pos| ev(Some(&loaded.topic(pos).id), Change::Skip, "2026-11-01"))
            .collect();
        let o = outlook_on(&loaded, &events, "2026-11-02");
        assert_eq!(o.pace.eta, [Eta::OutOfReach; 3]);
        // Without a start, too.
        let replay = replay(&loaded, &events);
        let summary = summarize(&loaded, &replay);
        let p = pace(&loaded, &replay, &summary, None, date("2026-11-02"));
        assert_eq!(p.eta, [Eta::OutOfReach; 3]);
        assert_eq!(p.per_week, None);
    }

    #[test]
    fn the_genius_window_counts_down_then_closes() {
        let loaded = roadmap();
        let events = [begin("2026-11-01")];
        let genius = |today: &str| outlook_on(&loaded, &events, today).genius.unwrap();
        assert_eq!(genius("2026-11-01").days_left, 15);
        let day15 = genius("2026-11-15");
        assert!(day15.possible && !day15.achieved);
        assert_eq!((day15.days_left, day15.remaining), (1, 41));
        let day16 = genius("2026-11-16");
        assert!(!day16.possible && !day16.achieved);
        assert_eq!(day16.days_left, 0);
        // Without a start the whole window is ahead.
        let unstarted = outlook_on(&loaded, &[], "2026-11-16").genius.unwrap();
        assert!(unstarted.possible);
        assert_eq!(unstarted.days_left, 15);
        assert_eq!(outlook_on(&loaded, &[], "2026-11-16").schedule, None);
    }

    #[test]
    fn the_genius_badge_stays_once_earned() {
        let loaded = roadmap();
        let mut events = vec![begin("2026-11-01")];
        events.extend(done_first(&loaded, 41, "2026-11-15"));
        let o = outlook_on(&loaded, &events, "2026-11-15");
        assert!(o.genius.as_ref().unwrap().achieved);
        assert!(!o.genius.unwrap().possible);
        // An undo after the window does not take the badge away...
        events.push(ev(Some("why-rag"), Change::Undo, "2026-11-20"));
        let o = outlook_on(&loaded, &events, "2026-12-20");
        assert!(o.genius.unwrap().achieved);
        // ...but finishing one day late never earned it.
        let mut late = vec![begin("2026-11-01")];
        late.extend(done_first(&loaded, 41, "2026-11-16"));
        let o = outlook_on(&loaded, &late, "2026-11-16");
        let genius = o.genius.unwrap();
        assert!(!genius.achieved && !genius.possible);
    }

    #[test]
    fn a_curriculum_without_a_genius_window_has_none() {
        let mut loaded = roadmap();
        loaded.curriculum.genius_days = None;
        assert_eq!(outlook_on(&loaded, &[], "2026-11-16").genius, None);
    }
}
