//! The calendar part of the status report: the day of the plan, where the learner stands against
//! it, the pace, the projections and the genius window.

use comfy_table::Color;
use serde::Serialize;

use super::{Style, label, share_text};
use crate::curriculum::Loaded;
use crate::i18n::{Label, Lang, Msg};
use crate::progress::Summary;
use crate::schedule::{Eta, Genius, Outlook, Pace, RECENT_DAYS, Schedule, Window};

/// A stage's planned window, as `first – last`.
pub fn window_text(window: Option<Window>) -> String {
    match window {
        Some(w) => format!("{} – {}", w.first, w.last),
        None => String::new(),
    }
}

/// The calendar lines of the status report, each ending in a newline.
pub fn outlook_lines(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    style: &Style,
) -> String {
    outlook_facts(loaded, summary, outlook, style)
        .into_iter()
        .map(|(word, text)| format!("{}{text}\n", label(word, style.lang)))
        .collect()
}

/// The calendar facts, each with its label: the calendar, the plan, the pace, the projection
/// and the genius window.
pub(crate) fn outlook_facts(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    style: &Style,
) -> Vec<(Label, String)> {
    let lang = style.lang;
    let mut facts = Vec::new();
    match &outlook.schedule {
        None => facts.push((Label::Calendar, lang.say(Msg::NotStarted).into_owned())),
        Some(schedule) => {
            facts.push((Label::Calendar, calendar_text(schedule, lang)));
            if schedule.day >= 1 {
                facts.push((Label::Plan, plan_text(loaded, schedule, summary, style)));
            }
            facts.push((Label::Pace, pace_text(&outlook.pace, summary, lang)));
            facts.push((
                Label::Projected,
                eta_text(loaded, &outlook.pace, summary, lang),
            ));
        }
    }
    if let Some(genius) = &outlook.genius
        && let Some(text) = genius_text(genius, summary, lang)
    {
        let color = if genius.achieved {
            Color::Green
        } else {
            Color::Cyan
        };
        facts.push((Label::Genius, style.paint(&text, color)));
    }
    facts
}

pub(crate) fn calendar_text(s: &Schedule, lang: Lang) -> String {
    let end = &s.end.map(|end| end.to_string()).unwrap_or_default();
    let msg = if s.day < 1 {
        Msg::CalendarStartsOn {
            start: s.start,
            in_days: 1 - s.day,
        }
    } else if s.over_by > 0 {
        Msg::CalendarOver {
            total_days: s.total_days,
            end,
            over_by: s.over_by,
            day: s.day,
            start: s.start,
        }
    } else {
        Msg::CalendarDay {
            day: s.day,
            total_days: s.total_days,
            start: s.start,
            end,
        }
    };
    lang.say(msg).into_owned()
}

fn plan_text(loaded: &Loaded, s: &Schedule, summary: &Summary, style: &Style) -> String {
    let lang = style.lang;
    let done = summary.overall.done;
    let standing = lang.say(match s.ahead {
        0 => Msg::OnSchedule,
        // Today is not over: today's share still to do is not behind.
        n if n < 0 && s.overdue == 0 => Msg::OnScheduleToGo { topics: -n },
        n if n > 0 => Msg::Ahead { topics: n },
        // What was due before today is behind; today's share is still to do.
        n => Msg::Behind {
            topics: s.overdue as i64,
            to_go: -n,
        },
    });
    let standing = &style.paint(
        &standing,
        if s.ahead >= 0 || s.overdue == 0 {
            Color::Green
        } else {
            Color::Yellow
        },
    );
    let expected = s.expected_done;
    let msg = match s.expected_stage {
        Some(stage) => Msg::PlanStage {
            stage: stage + 1,
            title: loaded.curriculum.stages[stage].title.get(lang),
            expected,
            done,
            standing,
        },
        None => Msg::PlanAllDue {
            expected,
            done,
            standing,
        },
    };
    lang.say(msg).into_owned()
}

fn pace_text(pace: &Pace, summary: &Summary, lang: Lang) -> String {
    let msg = match (pace.per_week, pace.per_week_recent) {
        // A plan younger than the recent window has one pace only.
        (Some(per_week), _) if summary.overall.done > 0 && pace.recent_days < RECENT_DAYS => {
            Msg::PaceSinceStart { per_week }
        }
        (Some(per_week), Some(recent)) if summary.overall.done > 0 => Msg::PaceRecent {
            per_week,
            recent,
            days: pace.recent_days,
        },
        _ => Msg::NoPaceYet,
    };
    lang.say(msg).into_owned()
}

fn eta_text(loaded: &Loaded, pace: &Pace, summary: &Summary, lang: Lang) -> String {
    if pace.eta.iter().all(|eta| *eta == Eta::NoPace) {
        return lang.say(Msg::EtaNoPaceYet).into_owned();
    }
    let band = loaded.curriculum.band;
    let shares = [
        share_text(band.low),
        share_text(band.high),
        "100%".to_owned(),
    ];
    // Targets that stand the same (out of reach, reached the same day) are said once.
    let mut groups: Vec<(Vec<&str>, Eta)> = Vec::new();
    for (share, eta) in shares.iter().zip(pace.eta) {
        match groups.last_mut() {
            Some((names, last)) if *last == eta => names.push(share),
            _ => groups.push((vec![share], eta)),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(targets, eta)| eta_clause(targets, *eta, summary, lang))
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    lang.clauses(&parts)
}

/// Where the pace leads for `targets` (`60%`, ...): reached, by a day, no pace, out of reach.
pub(super) fn eta_clause(targets: &[&str], eta: Eta, summary: &Summary, lang: Lang) -> String {
    lang.say(match eta {
        Eta::Reached(day) => Msg::EtaReached { targets, day },
        Eta::Projected(day) => Msg::EtaBy { targets, day },
        Eta::NoPace => Msg::EtaNoPace { targets },
        Eta::OutOfReach => Msg::EtaOutOfReach {
            targets,
            skipped: summary.overall.skipped,
        },
    })
    .into_owned()
}

/// What the genius line says; nothing once the window has closed without it.
fn genius_text(genius: &Genius, summary: &Summary, lang: Lang) -> Option<String> {
    let msg = if genius.achieved {
        Msg::GeniusEarned { days: genius.days }
    } else if !genius.possible {
        return None;
    } else {
        match genius.last_day {
            None => Msg::GeniusWithin {
                total: summary.overall.total,
                days: genius.days,
            },
            Some(last) => Msg::GeniusToGo {
                remaining: genius.remaining,
                days_left: genius.days_left,
                last,
            },
        }
    };
    Some(lang.say(msg).into_owned())
}

/// `schedule` in `status --json`.
#[derive(Serialize)]
pub(crate) struct ScheduleJson<'a> {
    start: String,
    day: i64,
    total_days: i64,
    end: Option<String>,
    expected_stage: Option<&'a str>,
    expected_done: usize,
    ahead: i64,
    overdue: usize,
    over_by: i64,
}

impl<'a> ScheduleJson<'a> {
    pub(crate) fn new(loaded: &'a Loaded, s: &Schedule) -> ScheduleJson<'a> {
        ScheduleJson {
            start: s.start.to_string(),
            day: s.day,
            total_days: s.total_days,
            end: s.end.map(|end| end.to_string()),
            expected_stage: s
                .expected_stage
                .map(|stage| loaded.curriculum.stages[stage].id.as_str()),
            expected_done: s.expected_done,
            ahead: s.ahead,
            overdue: s.overdue,
            over_by: s.over_by,
        }
    }
}

/// `pace` in `status --json`.
#[derive(Serialize)]
pub(crate) struct PaceJson {
    per_week: Option<f64>,
    per_week_recent: Option<f64>,
    recent_days: i64,
    /// The band's low edge, whatever share it is (`eta_60` before, after the roadmap's 60%).
    eta_low: Option<String>,
    /// The band's high edge (`eta_70` before).
    eta_high: Option<String>,
    eta_100: Option<String>,
}

impl PaceJson {
    pub(crate) fn new(pace: &Pace) -> PaceJson {
        let [low, high, all] = pace.eta.map(|eta| eta.date().map(|day| day.to_string()));
        PaceJson {
            per_week: pace.per_week,
            per_week_recent: pace.per_week_recent,
            recent_days: pace.recent_days,
            eta_low: low,
            eta_high: high,
            eta_100: all,
        }
    }
}

/// `genius` in `status --json`.
#[derive(Serialize)]
pub(crate) struct GeniusJson {
    achieved: bool,
    possible: bool,
    days_left: i64,
    days: i64,
    remaining: usize,
    last_day: Option<String>,
}

impl GeniusJson {
    pub(crate) fn new(genius: &Genius) -> GeniusJson {
        GeniusJson {
            achieved: genius.achieved,
            possible: genius.possible,
            days_left: genius.days_left,
            days: genius.days,
            remaining: genius.remaining,
            last_day: genius.last_day.map(|day| day.to_string()),
        }
    }
}
