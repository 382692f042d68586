//! One topic in full: titles, stage, position, state, history and notes.

use serde::Serialize;

use super::list::{ListFilter, ListedTopic, listed_topics, topic_table};
use super::log::{change_name, short_id};
use super::{Style, label, percent_text, skipped_text, state_name, to_json, window_text};
use crate::curriculum::{Loaded, Pos, Text};
use crate::i18n::{Label, Lang, Msg};
use crate::progress::{self, Counts, Replay, State, TopicProgress};
use crate::review::{INTERVALS, TopicReviews};
use crate::schedule::Window;
use crate::store::{Change, Event};
use chrono::NaiveDate;

/// The changes and the notes of the topic at `pos`, each oldest first.
fn history<'a>(loaded: &Loaded, events: &'a [Event], pos: Pos) -> (Vec<&'a Event>, Vec<&'a Event>) {
    let plan = loaded.curriculum.id.as_str();
    // Changes recorded under an id the topic had before it was renamed are its own too.
    let mut mine: Vec<(usize, &Event)> = events
        .iter()
        .enumerate()
        .filter(|(_, event)| {
            *event.plan == *plan
                && event
                    .topic
                    .as_deref()
                    .is_some_and(|id| loaded.position_of(id) == Some(pos))
        })
        .collect();
    mine.sort_by_key(|&(i, event)| (event.day(), i));
    mine.into_iter()
        .map(|(_, event)| event)
        .partition(|event| event.change != Change::Note)
}

/// The progress of the topic at `pos`; none recorded is not started.
pub(super) fn progress_of(loaded: &Loaded, replay: &Replay, pos: Pos) -> TopicProgress {
    loaded
        .order
        .iter()
        .position(|&p| p == pos)
        .and_then(|i| replay.topics.get(i))
        .cloned()
        .unwrap_or_default()
}

/// `show`: everything about one topic, as labelled lines; `review` its reviews and today, when
/// it is done and reviews are on.
pub fn show(
    loaded: &Loaded,
    events: &[Event],
    replay: &Replay,
    pos: Pos,
    review: Option<(&TopicReviews, NaiveDate)>,
    lang: Lang,
) -> String {
    let topic = loaded.topic(pos);
    let stage = &loaded.curriculum.stages[pos.stage];
    let progress = progress_of(loaded, replay, pos);
    let (changes, notes) = history(loaded, events, pos);
    let label = |word| label(word, lang);
    let indent = " ".repeat(12);

    let mut out = format!("{pos} {}\n", topic.id);
    out.push_str(&label(Label::Title));
    let titles: Vec<&str> = topic
        .title
        .zh
        .iter()
        .chain(&topic.title.en)
        .map(String::as_str)
        .collect();
    out.push_str(&titles.join(&format!("\n{indent}")));
    out.push('\n');
    if let Some(description) = &topic.description {
        out.push_str(&label(Label::About));
        out.push_str(&lines_under(description.get(lang), &indent));
    }
    for (i, link) in topic.links.iter().enumerate() {
        out.push_str(&if i == 0 {
            label(Label::Links)
        } else {
            indent.clone()
        });
        out.push_str(link);
        out.push('\n');
    }
    out.push_str(&label(Label::Stage));
    out.push_str(&format!("{} {}\n", pos.stage + 1, stage.title.get(lang)));
    out.push_str(&label(Label::Position));
    out.push_str(&lang.say(Msg::PositionInStage {
        pos: &pos.to_string(),
        topic: pos.topic + 1,
        of: stage.topics.len(),
        stage: pos.stage + 1,
    }));
    out.push('\n');
    out.push_str(&label(Label::State));
    out.push_str(&state_name(progress.state, lang));
    if let Some(since) = progress.since {
        out.push_str(&lang.say(Msg::SinceDay { day: since }));
    }
    out.push('\n');
    if let Some((review, today)) = review {
        out.push_str(&label(Label::Review));
        out.push_str(&lang.say(Msg::ReviewDue {
            due: review.due,
            overdue: review.overdue(today),
            aside: false,
        }));
        out.push('\n');
    }

    out.push_str(&label(Label::History));
    if changes.is_empty() {
        out.push_str(&lang.say(Msg::NoHistory));
        out.push('\n');
    }
    for (i, event) in changes.iter().enumerate() {
        if i > 0 {
            out.push_str(&indent);
        }
        out.push_str(&format!(
            "{}  {}",
            event.day(),
            change_name(&event.change, lang)
        ));
        if event.on().is_some_and(|on| on != event.at().date_naive()) {
            out.push_str(&lang.say(Msg::RecordedOn {
                day: event.at().date_naive(),
            }));
        }
        out.push('\n');
    }

    out.push_str(&label(Label::Notes));
    if notes.is_empty() {
        out.push_str(&lang.say(Msg::NoNotes));
        out.push('\n');
    }
    for (i, event) in notes.iter().enumerate() {
        if i > 0 {
            out.push_str(&indent);
        }
        // Its id, for `note --edit ID` and `note --delete ID`.
        out.push_str(&format!("{}  {}  ", event.day(), short_id(event.id())));
        let text = super::visible(event.text().unwrap_or_default());
        // A note of several lines keeps its lines, each under the first.
        out.push_str(
            &text
                .lines()
                .collect::<Vec<_>>()
                .join(&format!("\n{indent}{}", " ".repeat(22))),
        );
        out.push('\n');
    }
    out
}

/// `text`, its lines after the first under `indent`, with a line end.
fn lines_under(text: &str, indent: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    format!("{}\n", lines.join(&format!("\n{indent}")))
}

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    position: String,
    stage: StageRef<'a>,
    title: &'a Text,
    description: Option<&'a Text>,
    links: &'a [String],
    state: State,
    since: Option<String>,
    history: Vec<HistoryJson<'a>>,
    notes: Vec<NoteJson<'a>>,
    next_review: Option<NextReviewJson>,
}

#[derive(Serialize)]
struct StageRef<'a> {
    id: &'a str,
    number: usize,
    title: &'a Text,
    goal: Option<&'a Text>,
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    date: String,
    at: String,
    change: &'a str,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    id: String,
    date: String,
    at: String,
    text: &'a str,
}

/// `show --json`: the same facts as [`show`], with both titles as `{zh, en}`, and the
/// description and the stage's goal so too.
pub fn show_json(
    loaded: &Loaded,
    events: &[Event],
    replay: &Replay,
    pos: Pos,
    review: Option<(&TopicReviews, NaiveDate)>,
) -> String {
    let topic = loaded.topic(pos);
    let stage = &loaded.curriculum.stages[pos.stage];
    let progress = progress_of(loaded, replay, pos);
    let (changes, notes) = history(loaded, events, pos);
    to_json(&ShowJson {
        id: &topic.id,
        position: pos.to_string(),
        stage: StageRef {
            id: &stage.id,
            number: pos.stage + 1,
            title: &stage.title,
            goal: stage.goal.as_ref(),
        },
        title: &topic.title,
        description: topic.description.as_ref(),
        links: &topic.links,
        state: progress.state,
        since: progress.since.map(|day| day.to_string()),
        history: changes
            .into_iter()
            .map(|event| HistoryJson {
                date: event.day().to_string(),
                at: event.at().to_rfc3339(),
                change: event.change.as_str(),
            })
            .collect(),
        notes: notes
            .into_iter()
            .map(|event| NoteJson {
                id: event.id().to_string(),
                date: event.day().to_string(),
                at: event.at().to_rfc3339(),
                text: event.text().unwrap_or_default(),
            })
            .collect(),
        next_review: review.map(|(review, today)| NextReviewJson {
            due: review.due,
            overdue_days: review.overdue(today),
            interval_days: INTERVALS[review.step],
            reviews: review.reviews.len(),
        }),
    })
}

/// When a done topic's next review is due.
#[derive(Serialize)]
struct NextReviewJson {
    due: NaiveDate,
    overdue_days: i64,
    interval_days: u32,
    reviews: usize,
}

/// Where a stage sits in the plan's calendar.
#[derive(Clone, Copy, Debug)]
pub struct StagePlan {
    /// The plan's day the stage starts on, from 1.
    pub first_day: i64,
    /// The plan's day the stage ends on.
    pub last_day: i64,
    /// The days of the whole plan.
    pub total_days: i64,
    /// The stage's dates; none before the plan has a start.
    pub window: Option<Window>,
}

/// `show STAGE`: the stage's titles, goal, planned days and dates, progress, and a table of its
/// topics as `list` shows them.
pub fn show_stage(
    loaded: &Loaded,
    replay: &Replay,
    s: usize,
    counts: Counts,
    plan: &StagePlan,
    style: &Style,
) -> String {
    let lang = style.lang;
    let stage = &loaded.curriculum.stages[s];
    let label = |word| label(word, lang);
    let indent = " ".repeat(12);
    let mut out = format!("{} {}\n", s + 1, stage.id);
    out.push_str(&label(Label::Title));
    let titles: Vec<&str> = stage.title.forms().collect();
    out.push_str(&titles.join(&format!("\n{indent}")));
    out.push('\n');
    if let Some(goal) = &stage.goal {
        out.push_str(&label(Label::Goal));
        out.push_str(&lines_under(goal.get(lang), &indent));
    }
    out.push_str(&label(Label::Planned));
    let (days, first, last, total) = (stage.days, plan.first_day, plan.last_day, plan.total_days);
    out.push_str(&lang.say(Msg::StageDays {
        days,
        first,
        last,
        total,
    }));
    match plan.window {
        Some(window) => {
            let dates = window_text(Some(window));
            let dates = if style.ascii {
                dates.replace('–', "-")
            } else {
                dates
            };
            out.push_str(&lang.say(Msg::StageDates { dates: &dates }));
        }
        None => out.push_str(&lang.say(Msg::StageDatesLater)),
    }
    out.push('\n');
    out.push_str(&label(Label::Progress));
    out.push_str(&lang.say(Msg::DoneOf {
        done: counts.done,
        total: counts.total,
        percent: &percent_text(counts.done, counts.total),
    }));
    out.push_str(&skipped_text(counts, lang));
    out.push('\n');
    let filter = ListFilter {
        stage: Some(s),
        state: None,
    };
    out.push_str(&topic_table(loaded, replay, filter, style, false));
    out
}

#[derive(Serialize)]
struct StageJson<'a> {
    id: &'a str,
    number: usize,
    title: &'a Text,
    goal: Option<&'a Text>,
    days: i64,
    first_day: i64,
    last_day: i64,
    planned_start: Option<String>,
    planned_end: Option<String>,
    done: usize,
    in_progress: usize,
    skipped: usize,
    total: usize,
    percent: f64,
    topics: Vec<ListedTopic<'a>>,
}

/// `show STAGE --json`: the same facts as [`show_stage`], the titles and the goal as `{zh, en}`
/// and the topics as `list --json` gives them.
pub fn show_stage_json(
    loaded: &Loaded,
    replay: &Replay,
    s: usize,
    counts: Counts,
    plan: &StagePlan,
    lang: Lang,
) -> String {
    let stage = &loaded.curriculum.stages[s];
    let filter = ListFilter {
        stage: Some(s),
        state: None,
    };
    to_json(&StageJson {
        id: &stage.id,
        number: s + 1,
        title: &stage.title,
        goal: stage.goal.as_ref(),
        days: stage.days,
        first_day: plan.first_day,
        last_day: plan.last_day,
        planned_start: plan.window.map(|w| w.first.to_string()),
        planned_end: plan.window.map(|w| w.last.to_string()),
        done: counts.done,
        in_progress: counts.in_progress,
        skipped: counts.skipped,
        total: counts.total,
        percent: progress::percent(counts.done, counts.total),
        topics: listed_topics(loaded, replay, filter, lang),
    })
}
