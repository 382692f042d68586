//! The calendar part of the status report: the day of the plan, where the learner stands against
//! it, the pace, the projections and the genius window.

use comfy_table::Color;
use serde::Serialize;

use super::{Style, label, share_text};
use crate::curriculum::Loaded;
use crate::i18n::Lang;
use crate::progress::Summary;
use crate::schedule::{Eta, Genius, Outlook, Pace, RECENT_DAYS, Schedule, Window};

/// A stage's planned window, as `first – last`.
pub fn window_text(window: Option<Window>) -> String {
    match window {
        Some(w) => format!("{} – {}", w.first, w.last),
        None => String::new(),
    }
}

/// "N topic(s)" in English, "N 个主题" in Chinese.
fn topics(n: i64, lang: Lang) -> String {
    match lang {
        Lang::En if n == 1 => format!("{n} topic"),
        Lang::En => format!("{n} topics"),
        Lang::Zh => format!("{n} 个主题"),
    }
}

/// "N day(s)" in English, "N 天" in Chinese.
fn days(n: i64, lang: Lang) -> String {
    match lang {
        Lang::En if n == 1 => "1 day".to_owned(),
        Lang::En => format!("{n} days"),
        Lang::Zh => format!("{n} 天"),
    }
}

/// The calendar lines of the status report, each ending in a newline.
pub fn outlook_lines(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    style: &Style,
) -> String {
    let lang = style.lang;
    let label = |en: &str, zh: &str| label(lang.pick(en, zh), lang);
    let mut out = String::new();
    match &outlook.schedule {
        None => {
            out.push_str(&label("Calendar", "日历"));
            out.push_str(lang.pick(
                "not started: the plan starts with your first change, or on the day you give `studyplan begin`",
                "尚未开始：计划从你的第一次记录开始，或用 `studyplan begin` 指定开始日期",
            ));
            out.push('\n');
        }
        Some(schedule) => {
            out.push_str(&label("Calendar", "日历"));
            out.push_str(&calendar_text(schedule, lang));
            out.push('\n');
            if schedule.day >= 1 {
                out.push_str(&label("Plan", "计划"));
                out.push_str(&plan_text(loaded, schedule, summary, style));
                out.push('\n');
            }
            out.push_str(&label("Pace", "速度"));
            out.push_str(&pace_text(&outlook.pace, summary, lang));
            out.push('\n');
            out.push_str(&label("Projected", "预计"));
            out.push_str(&eta_text(loaded, &outlook.pace, lang));
            out.push('\n');
        }
    }
    if let Some(genius) = &outlook.genius
        && let Some(text) = genius_text(genius, summary, lang)
    {
        out.push_str(&label("Genius", "天才"));
        let color = if genius.achieved {
            Color::Green
        } else {
            Color::Cyan
        };
        out.push_str(&style.paint(&text, color));
        out.push('\n');
    }
    out
}

fn calendar_text(s: &Schedule, lang: Lang) -> String {
    let end = s.end.map(|end| end.to_string()).unwrap_or_default();
    if s.day < 1 {
        return match lang {
            Lang::En => format!("starts on {}, in {}", s.start, days(1 - s.day, lang)),
            Lang::Zh => format!("将于 {} 开始，还有 {}", s.start, days(1 - s.day, lang)),
        };
    }
    if s.over_by > 0 {
        return match lang {
            Lang::En => format!(
                "the plan's calendar is over: its {} ended on {end}, {} ago (day {} since the start on {})",
                days(s.total_days, lang),
                days(s.over_by, lang),
                s.day,
                s.start
            ),
            Lang::Zh => format!(
                "计划的日历已经结束：{} 天的日程已于 {end} 结束，已过去 {}（自 {} 开始的第 {} 天）",
                s.total_days,
                days(s.over_by, lang),
                s.start,
                s.day
            ),
        };
    }
    match lang {
        Lang::En => format!(
            "day {} of {}, started {}, ends {end}",
            s.day, s.total_days, s.start
        ),
        Lang::Zh => format!(
            "第 {} 天（共 {} 天），{} 开始，{end} 结束",
            s.day, s.total_days, s.start
        ),
    }
}

fn plan_text(loaded: &Loaded, s: &Schedule, summary: &Summary, style: &Style) -> String {
    let lang = style.lang;
    let done = summary.overall.done;
    let standing = match s.ahead {
        0 => lang.pick("on schedule", "正好符合计划").to_owned(),
        // Today is not over: today's share still to do is not behind.
        n if n < 0 && s.overdue == 0 => match lang {
            Lang::En => format!("on schedule, {} to go today", topics(-n, lang)),
            Lang::Zh => format!("符合计划，今天还有 {}要完成", topics(-n, lang)),
        },
        n if n > 0 => match lang {
            Lang::En => format!("{} ahead", topics(n, lang)),
            Lang::Zh => format!("领先 {}", topics(n, lang)),
        },
        n => match lang {
            Lang::En => format!("{} behind", topics(-n, lang)),
            Lang::Zh => format!("落后 {}", topics(-n, lang)),
        },
    };
    let standing = style.paint(
        &standing,
        if s.ahead >= 0 || s.overdue == 0 {
            Color::Green
        } else {
            Color::Yellow
        },
    );
    match s.expected_stage {
        Some(stage) => {
            let title = loaded.curriculum.stages[stage].title.get(lang);
            match lang {
                Lang::En => format!(
                    "stage {} {title}, {} expected done by today; you have {done}: {standing}",
                    stage + 1,
                    topics(s.expected_done as i64, lang)
                ),
                Lang::Zh => format!(
                    "第 {} 阶段 {title}；截至今天应完成 {}，你已完成 {done} 个：{standing}",
                    stage + 1,
                    topics(s.expected_done as i64, lang)
                ),
            }
        }
        None => match lang {
            Lang::En => format!(
                "all {} were due by the calendar's end; you have {done}: {standing}",
                topics(s.expected_done as i64, lang)
            ),
            Lang::Zh => format!(
                "结束时应完成全部 {}；你已完成 {done} 个：{standing}",
                topics(s.expected_done as i64, lang)
            ),
        },
    }
}

fn pace_text(pace: &Pace, summary: &Summary, lang: Lang) -> String {
    match (pace.per_week, pace.per_week_recent) {
        // A plan younger than the recent window has one pace only.
        (Some(overall), _) if summary.overall.done > 0 && pace.recent_days < RECENT_DAYS => {
            match lang {
                Lang::En => format!("{overall:.1} topics a week since the start"),
                Lang::Zh => format!("自开始以来每周 {overall:.1} 个主题"),
            }
        }
        (Some(overall), Some(recent)) if summary.overall.done > 0 => match lang {
            Lang::En => format!(
                "{overall:.1} topics a week since the start, {recent:.1} over the last {}",
                days(pace.recent_days, lang)
            ),
            Lang::Zh => format!(
                "自开始以来每周 {overall:.1} 个主题，最近 {}每周 {recent:.1} 个",
                days(pace.recent_days, lang)
            ),
        },
        _ => lang
            .pick(
                "no pace yet: nothing done so far",
                "还没有速度：尚未完成任何主题",
            )
            .to_owned(),
    }
}

fn eta_text(loaded: &Loaded, pace: &Pace, lang: Lang) -> String {
    if pace.eta.iter().all(|eta| *eta == Eta::NoPace) {
        return lang
            .pick(
                "no pace yet: finish a topic to see when you will get there",
                "还没有速度：完成一个主题后即可预计",
            )
            .to_owned();
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
        .into_iter()
        .map(|(names, eta)| (and_list(&names, lang), eta))
        .map(|(share, eta)| match (eta, lang) {
            (Eta::Reached(day), Lang::En) => format!("{share} reached on {day}"),
            (Eta::Reached(day), Lang::Zh) => format!("{share} 已于 {day} 达到"),
            (Eta::Projected(day), Lang::En) => format!("{share} by {day}"),
            (Eta::Projected(day), Lang::Zh) => format!("{share} 约在 {day}"),
            (Eta::NoPace, Lang::En) => format!("{share} no pace yet"),
            (Eta::NoPace, Lang::Zh) => format!("{share} 暂无速度"),
            (Eta::OutOfReach, Lang::En) => format!("{share} out of reach (too many skipped)"),
            (Eta::OutOfReach, Lang::Zh) => format!("{share} 无法达到（跳过太多）"),
        })
        .collect();
    parts.join(lang.pick(", ", "，"))
}

/// `a`, `a and b`, `a, b and c`; `a 和 b`, `a、b 和 c` in Chinese.
fn and_list(names: &[&str], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first @ .., last] => format!(
            "{}{}{last}",
            first.join(lang.pick(", ", "、")),
            lang.pick(" and ", " 和 ")
        ),
    }
}

/// What the genius line says; nothing once the window has closed without it.
fn genius_text(genius: &Genius, summary: &Summary, lang: Lang) -> Option<String> {
    if genius.achieved {
        return Some(match lang {
            // The line's label already says "Genius" (天才): the text says it was earned.
            Lang::En => format!(
                "天才, earned: every topic done within {} of the start",
                days(genius.days, lang)
            ),
            Lang::Zh => format!("已达成：开始后 {} 天内完成了全部主题", genius.days),
        });
    }
    if !genius.possible {
        return None;
    }
    let remaining = genius.remaining;
    Some(match (genius.last_day, lang) {
        (None, Lang::En) => format!(
            "finish all {} within {} of the start to be a genius (天才)",
            topics(summary.overall.total as i64, lang),
            days(genius.days, lang)
        ),
        (None, Lang::Zh) => format!(
            "开始后 {} 天内完成全部 {}，即为天才",
            genius.days,
            topics(summary.overall.total as i64, lang)
        ),
        (Some(last), Lang::En) => format!(
            "{} to go with {} left (through {last}) to be a genius (天才)",
            topics(remaining as i64, lang),
            days(genius.days_left, lang)
        ),
        (Some(last), Lang::Zh) => format!(
            "还剩 {}、{}（至 {last}）：全部完成即为天才",
            topics(remaining as i64, lang),
            days(genius.days_left, lang)
        ),
    })
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
