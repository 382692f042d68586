//! Today's agenda: as text, as JSON, and as the one line of the status report.

use chrono::NaiveDate;
use serde::Serialize;

use super::outlook::{calendar_text, eta_clause};
use super::review::{ReviewJson, due_line};
use super::{TopicRef, label, mark, share_text, to_json, topic_line};
use crate::agenda::{Agenda, Standing};
use crate::curriculum::{Loaded, Pos};
use crate::i18n::{Label, Lang, Msg};
use crate::progress::{Replay, Summary};
use crate::review::TopicReviews;
use crate::schedule::Outlook;

/// How many of the topics to finish today are listed; `next N` lists more.
const SHOWN: usize = 5;

/// The band's low edge as `60%`.
fn low_text(loaded: &Loaded) -> String {
    share_text(loaded.curriculum.band.low)
}

/// `today`: the date and the calendar, where today stands, the topics to take, and the reviews
/// due (`reviews` none when they are off).
#[allow(clippy::too_many_arguments)]
pub fn today(
    loaded: &Loaded,
    replay: &Replay,
    summary: &Summary,
    outlook: &Outlook,
    agenda: &Agenda,
    reviews: Option<&[&TopicReviews]>,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let mut out = String::new();
    // Before the start and past the end, the standing says where the calendar is.
    if let Some(schedule) = outlook
        .schedule
        .as_ref()
        .filter(|s| s.day >= 1 && s.over_by == 0)
    {
        out.push_str(&lang.say(Msg::TodayIs {
            today,
            calendar: &calendar_text(schedule, lang),
        }));
        out.push('\n');
    }
    let low = &low_text(loaded);
    // The highest edge of the band reached, for a calendar over with the band reached.
    let reached = &if summary.readiness == crate::progress::Readiness::Above {
        share_text(loaded.curriculum.band.high)
    } else {
        low.clone()
    };
    out.push_str(&lang.say(match agenda.standing {
        Standing::NotStarted => Msg::TodayNotStarted,
        Standing::StartsIn { start, days } => Msg::TodayStartsIn { start, days },
        Standing::Finished => Msg::TodayFinished,
        Standing::Ahead { ahead } => Msg::TodayAhead { ahead },
        Standing::ToFinish {
            to_finish,
            behind,
            week,
        } => Msg::TodayToFinish {
            to_finish,
            behind,
            week,
        },
        Standing::CatchUp { over_by, to_low } => Msg::TodayCatchUp {
            over_by,
            to_low,
            low: if to_low == 0 { reached } else { low },
        },
    }));
    out.push('\n');
    let catching_up = matches!(agenda.standing, Standing::CatchUp { to_low, .. } if to_low > 0);
    match agenda.reach {
        // `--by` says what a week needs, wherever the plan stands.
        Some(_) if summary.to_band == 0 => {
            out.push_str(&lang.say(Msg::TodayReached { low }));
            out.push('\n');
        }
        Some(reach) => {
            out.push_str(&lang.say(Msg::TodayReach {
                by: reach.by,
                low,
                per_week: reach.per_week,
            }));
            out.push('\n');
        }
        None if catching_up => {
            out.push_str(&lang.say(Msg::TodayAtPace {
                eta: &eta_clause(&[low], agenda.low_edge, summary, lang),
            }));
            out.push('\n');
        }
        None => {}
    }
    for &pos in agenda.topics.iter().take(SHOWN) {
        out.push_str(&topic_mark_line(loaded, replay, pos, lang));
    }
    if agenda.topics.len() > SHOWN {
        out.push_str(&lang.say(Msg::TodayMore {
            more: agenda.topics.len() - SHOWN,
            count: agenda.topics.len(),
        }));
        out.push('\n');
    }
    match reviews {
        Some([]) | None => {}
        Some(due) => {
            out.push_str(&lang.say(Msg::ReviewsDue { count: due.len() }));
            out.push('\n');
            for topic in due.iter().take(SHOWN) {
                out.push_str(&due_line(loaded, topic, today, lang));
            }
            if due.len() > SHOWN {
                out.push_str(&lang.say(Msg::TodayMoreReviews {
                    more: due.len() - SHOWN,
                }));
                out.push('\n');
            }
            out.push_str(&lang.say(Msg::ReviewHow));
            out.push('\n');
        }
    }
    out
}

/// A topic's line with the mark of its state.
fn topic_mark_line(loaded: &Loaded, replay: &Replay, pos: Pos, lang: Lang) -> String {
    let state = super::show::progress_of(loaded, replay, pos).state;
    format!("{} {}\n", mark(state), topic_line(loaded, pos, lang))
}

/// The status report's `Today:` line; none when the calendar line says it all (before the
/// start, or with nothing left) and no review is due.
pub fn today_line(
    loaded: &Loaded,
    agenda: &Agenda,
    reviews_due: Option<usize>,
    lang: Lang,
) -> Option<String> {
    today_text(loaded, agenda, reviews_due, lang)
        .map(|text| format!("{}{text}\n", label(Label::Today, lang)))
}

/// What the `Today:` line says, without its label.
pub fn today_text(
    loaded: &Loaded,
    agenda: &Agenda,
    reviews_due: Option<usize>,
    lang: Lang,
) -> Option<String> {
    let low = &low_text(loaded);
    let first = agenda.topics.first().map(|&pos| {
        let topic = loaded.topic(pos);
        format!("{pos} {}", topic.id)
    });
    let mut text = match (&agenda.standing, &first) {
        (Standing::ToFinish { to_finish, .. }, Some(first)) => lang
            .say(Msg::TodayLineFinish {
                to_finish: *to_finish,
                first,
            })
            .into_owned(),
        (Standing::Ahead { ahead }, _) => {
            lang.say(Msg::TodayLineAhead { ahead: *ahead }).into_owned()
        }
        (Standing::CatchUp { to_low, .. }, _) if *to_low > 0 => lang
            .say(Msg::TodayLineCatchUp {
                to_low: *to_low,
                low,
            })
            .into_owned(),
        _ => String::new(),
    };
    if let Some(count) = reviews_due.filter(|&count| count > 0) {
        let alone = text.is_empty();
        text.push_str(&lang.say(Msg::TodayLineReviews { count, alone }));
    }
    (!text.is_empty()).then_some(text)
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum StandingJson {
    NotStarted,
    StartsLater,
    Finished,
    OnPlan,
    Ahead,
    OnSchedule,
    Behind,
    CatchUp,
}

/// Where today stands, in a word, and the counts that go with it.
struct Brief {
    standing: StandingJson,
    starts_in_days: Option<i64>,
    to_finish: usize,
    behind: usize,
    ahead: usize,
    per_week_recent: Option<f64>,
}

impl Brief {
    fn of(standing: &Standing) -> Brief {
        let mut brief = Brief {
            standing: StandingJson::NotStarted,
            starts_in_days: None,
            to_finish: 0,
            behind: 0,
            ahead: 0,
            per_week_recent: None,
        };
        brief.standing = match *standing {
            Standing::NotStarted => StandingJson::NotStarted,
            Standing::StartsIn { days, .. } => {
                brief.starts_in_days = Some(days);
                StandingJson::StartsLater
            }
            Standing::Finished => StandingJson::Finished,
            Standing::Ahead { ahead: 0 } => StandingJson::OnPlan,
            Standing::Ahead { ahead } => {
                brief.ahead = ahead;
                StandingJson::Ahead
            }
            Standing::ToFinish {
                to_finish,
                behind,
                week,
            } => {
                (brief.to_finish, brief.behind, brief.per_week_recent) = (to_finish, behind, week);
                if behind == 0 {
                    StandingJson::OnSchedule
                } else {
                    StandingJson::Behind
                }
            }
            Standing::CatchUp { .. } => StandingJson::CatchUp,
        };
        brief
    }
}

/// The status report's `today` object.
#[derive(Serialize)]
pub(crate) struct TodayJson {
    standing: StandingJson,
    to_finish: usize,
    behind: usize,
    ahead: usize,
    reviews_due: Option<usize>,
}

impl TodayJson {
    pub(crate) fn new(agenda: &Agenda, reviews_due: Option<usize>) -> TodayJson {
        let brief = Brief::of(&agenda.standing);
        TodayJson {
            standing: brief.standing,
            to_finish: brief.to_finish,
            behind: brief.behind,
            ahead: brief.ahead,
            reviews_due,
        }
    }
}

/// `today --json`.
pub fn today_json(
    loaded: &Loaded,
    agenda: &Agenda,
    reviews: Option<&[&TopicReviews]>,
    today: NaiveDate,
    lang: Lang,
) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        today: NaiveDate,
        standing: StandingJson,
        starts_in_days: Option<i64>,
        to_finish: usize,
        behind: usize,
        ahead: usize,
        per_week_recent: Option<f64>,
        topics: Vec<TopicRef<'a>>,
        reach: Option<Reach>,
        catch_up: Option<CatchUp>,
        reviews_due: Option<Vec<ReviewJson<'a>>>,
    }
    #[derive(Serialize)]
    struct Reach {
        by: NaiveDate,
        per_week_needed: Option<f64>,
    }
    #[derive(Serialize)]
    struct CatchUp {
        over_by_days: i64,
        to_low: usize,
        by: Option<NaiveDate>,
        per_week_needed: Option<f64>,
        low_at_pace: Option<NaiveDate>,
    }
    let brief = Brief::of(&agenda.standing);
    let catch_up = match agenda.standing {
        Standing::CatchUp { over_by, to_low } => Some(CatchUp {
            over_by_days: over_by,
            to_low,
            by: agenda.reach.map(|reach| reach.by),
            per_week_needed: agenda.reach.and_then(|reach| reach.per_week),
            low_at_pace: agenda.low_edge.date(),
        }),
        _ => None,
    };
    to_json(&Doc {
        today,
        standing: brief.standing,
        starts_in_days: brief.starts_in_days,
        to_finish: brief.to_finish,
        behind: brief.behind,
        ahead: brief.ahead,
        per_week_recent: brief.per_week_recent,
        topics: agenda
            .topics
            .iter()
            .map(|&pos| TopicRef::new(loaded, pos, lang))
            .collect(),
        reach: agenda.reach.map(|reach| Reach {
            by: reach.by,
            per_week_needed: reach.per_week,
        }),
        catch_up,
        reviews_due: reviews.map(|due| {
            due.iter()
                .map(|topic| ReviewJson::new(loaded, topic, today, lang))
                .collect()
        }),
    })
}
