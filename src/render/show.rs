//! One topic in full: titles, stage, position, state, history and notes.

use serde::Serialize;

use super::log::change_name;
use super::{label, state_name, to_json};
use crate::curriculum::{Loaded, Pos, Text};
use crate::i18n::Lang;
use crate::progress::{Replay, State, TopicProgress};
use crate::store::{Change, Event};

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

fn progress_of(loaded: &Loaded, replay: &Replay, pos: Pos) -> TopicProgress {
    loaded
        .order
        .iter()
        .position(|&p| p == pos)
        .and_then(|i| replay.topics.get(i))
        .cloned()
        .unwrap_or_default()
}

/// `show`: everything about one topic, as labelled lines.
pub fn show(loaded: &Loaded, events: &[Event], replay: &Replay, pos: Pos, lang: Lang) -> String {
    let topic = loaded.topic(pos);
    let stage = &loaded.curriculum.stages[pos.stage];
    let progress = progress_of(loaded, replay, pos);
    let (changes, notes) = history(loaded, events, pos);
    let label = |en: &str, zh: &str| label(lang.pick(en, zh), lang);
    let indent = " ".repeat(12);

    let mut out = format!("{pos} {}\n", topic.id);
    out.push_str(&label("Title", "标题"));
    let titles: Vec<&str> = topic
        .title
        .zh
        .iter()
        .chain(&topic.title.en)
        .map(String::as_str)
        .collect();
    out.push_str(&titles.join(&format!("\n{indent}")));
    out.push('\n');
    out.push_str(&label("Stage", "阶段"));
    out.push_str(&format!("{} {}\n", pos.stage + 1, stage.title.get(lang)));
    out.push_str(&label("Position", "位置"));
    out.push_str(&match lang {
        Lang::En => format!(
            "{pos}, topic {} of {} in stage {}\n",
            pos.topic + 1,
            stage.topics.len(),
            pos.stage + 1
        ),
        Lang::Zh => format!(
            "{pos}，第 {} 阶段 {} 个主题中的第 {} 个\n",
            pos.stage + 1,
            stage.topics.len(),
            pos.topic + 1
        ),
    });
    out.push_str(&label("State", "状态"));
    out.push_str(state_name(progress.state, lang));
    if let Some(since) = progress.since {
        out.push_str(&match lang {
            Lang::En => format!(", since {since}"),
            Lang::Zh => format!("，自 {since} 起"),
        });
    }
    out.push('\n');

    out.push_str(&label("History", "历史"));
    if changes.is_empty() {
        out.push_str(lang.pick("no changes yet", "还没有记录"));
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
            out.push_str(&match lang {
                Lang::En => format!(" (recorded {})", event.at().date_naive()),
                Lang::Zh => format!("（记录于 {}）", event.at().date_naive()),
            });
        }
        out.push('\n');
    }

    out.push_str(&label("Notes", "笔记"));
    if notes.is_empty() {
        out.push_str(lang.pick("none", "无"));
        out.push('\n');
    }
    for (i, event) in notes.iter().enumerate() {
        if i > 0 {
            out.push_str(&indent);
        }
        out.push_str(&event.day().to_string());
        out.push_str("  ");
        let text = event.text().unwrap_or_default();
        // A note of several lines keeps its lines, each under the first.
        out.push_str(
            &text
                .lines()
                .collect::<Vec<_>>()
                .join(&format!("\n{indent}            ")),
        );
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    position: String,
    stage: StageRef<'a>,
    title: &'a Text,
    state: State,
    since: Option<String>,
    history: Vec<HistoryJson<'a>>,
    notes: Vec<NoteJson<'a>>,
}

#[derive(Serialize)]
struct StageRef<'a> {
    id: &'a str,
    number: usize,
    title: &'a Text,
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    date: String,
    at: String,
    change: &'a str,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    date: String,
    at: String,
    text: &'a str,
}

/// `show --json`: the same facts as [`show`], with both titles as `{zh, en}`.
pub fn show_json(loaded: &Loaded, events: &[Event], replay: &Replay, pos: Pos) -> String {
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
        },
        title: &topic.title,
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
                date: event.day().to_string(),
                at: event.at().to_rfc3339(),
                text: event.text().unwrap_or_default(),
            })
            .collect(),
    })
}
