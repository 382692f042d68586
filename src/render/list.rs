//! The topic list: one row per topic with its state.

use comfy_table::Cell;
use serde::Serialize;

use super::{Style, mark, state_color, state_name, to_json};
use crate::curriculum::{Loaded, Pos};
use crate::i18n::Lang;
use crate::progress::{Replay, State, TopicProgress};

/// Which topics a list shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListFilter {
    /// Only this stage (index from 0).
    pub stage: Option<usize>,
    /// Only this state.
    pub state: Option<State>,
}

impl ListFilter {
    fn keeps(&self, pos: Pos, progress: &TopicProgress) -> bool {
        self.stage.is_none_or(|s| s == pos.stage) && self.state.is_none_or(|s| s == progress.state)
    }
}

fn listed<'a>(
    loaded: &'a Loaded,
    replay: &'a Replay,
    filter: ListFilter,
) -> impl Iterator<Item = (Pos, &'a TopicProgress)> {
    loaded
        .order
        .iter()
        .copied()
        .zip(&replay.topics)
        .filter(move |(pos, p)| filter.keeps(*pos, p))
}

/// `list`: one row per topic.
pub fn list(loaded: &Loaded, replay: &Replay, filter: ListFilter, style: &Style) -> String {
    let lang = style.lang;
    let mut table = style.table();
    table.set_header([
        "",
        "#",
        lang.pick("Id", "编号"),
        lang.pick("Title", "标题"),
        lang.pick("State", "状态"),
        lang.pick("Since", "日期"),
    ]);
    let mut rows = 0;
    for (pos, progress) in listed(loaded, replay, filter) {
        let topic = loaded.topic(pos);
        let color = state_color(progress.state);
        table.add_row([
            style.cell(mark(progress.state), color),
            Cell::new(pos),
            Cell::new(&topic.id),
            Cell::new(topic.title.get(lang)),
            style.cell(state_name(progress.state, lang), color),
            Cell::new(
                progress
                    .since
                    .map(|day| day.to_string())
                    .unwrap_or_default(),
            ),
        ]);
        rows += 1;
    }
    if rows == 0 {
        return format!("{}\n", lang.pick("no topics match", "没有符合条件的主题"));
    }
    // Marks, positions, ids, states and dates never wrap; on a narrow terminal the dates go
    // first, then the state words (the mark still tells the state), leaving the room to titles.
    let layout = style.fit(&mut table, &[0, 1, 2, 4, 5], &[5, 4], 16);
    format!("{}\n", style.show(&table, &layout))
}

#[derive(Serialize)]
struct ListedTopic<'a> {
    id: &'a str,
    stage: &'a str,
    position: String,
    title: &'a str,
    done: bool,
    state: State,
    since: Option<String>,
}

/// `list --json`: an array of topics.
pub fn list_json(loaded: &Loaded, replay: &Replay, filter: ListFilter, lang: Lang) -> String {
    let topics: Vec<ListedTopic> = listed(loaded, replay, filter)
        .map(|(pos, progress)| {
            let topic = loaded.topic(pos);
            ListedTopic {
                id: &topic.id,
                stage: &loaded.curriculum.stages[pos.stage].id,
                position: pos.to_string(),
                title: topic.title.get(lang),
                done: progress.state == State::Done,
                state: progress.state,
                since: progress.since.map(|day| day.to_string()),
            }
        })
        .collect();
    to_json(&topics)
}
