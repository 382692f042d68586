//! The topic list: one row per topic with its state.

use comfy_table::Cell;
use serde::Serialize;

use super::{Style, mark, state_color, state_name, to_json};
use crate::curriculum::{Loaded, Pos};
use crate::i18n::{Header, Lang, Msg};
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

/// `list`: one row per topic, under a row for each stage with its number, id and title.
pub fn list(loaded: &Loaded, replay: &Replay, filter: ListFilter, style: &Style) -> String {
    topic_table(loaded, replay, filter, style, true)
}

/// The table of the topics `filter` keeps; with `headings`, each stage's topics come after a
/// row of its own: no mark, the stage's number and id, and `Stage N: title`.
pub(crate) fn topic_table(
    loaded: &Loaded,
    replay: &Replay,
    filter: ListFilter,
    style: &Style,
    headings: bool,
) -> String {
    let lang = style.lang;
    let mut table = style.table();
    let word = |header| lang.say(Msg::Header(header));
    table.set_header([
        "".into(),
        "#".into(),
        word(Header::Id),
        word(Header::Title),
        word(Header::State),
        word(Header::Since),
    ]);
    let mut rows = 0;
    let mut stage_shown = None;
    for (pos, progress) in listed(loaded, replay, filter) {
        if headings && stage_shown != Some(pos.stage) {
            let stage = &loaded.curriculum.stages[pos.stage];
            table.add_row([
                Cell::new(""),
                Cell::new(pos.stage + 1),
                Cell::new(&stage.id),
                Cell::new(lang.say(Msg::StageHeading {
                    number: pos.stage + 1,
                    title: stage.title.get(lang),
                })),
                Cell::new(""),
                Cell::new(""),
            ]);
            stage_shown = Some(pos.stage);
        }
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
        return format!("{}\n", lang.say(Msg::NoTopicsMatch));
    }
    // Marks, positions, ids, states and dates never wrap; on a narrow terminal the dates go
    // first, then the state words (the mark still tells the state), leaving the room to titles.
    let layout = style.fit(&mut table, &[0, 1, 2, 4, 5], &[5, 4], 16);
    format!("{}\n", style.show(&table, &layout))
}

/// A topic as `list --json` gives it.
#[derive(Serialize)]
pub(crate) struct ListedTopic<'a> {
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
    to_json(&listed_topics(loaded, replay, filter, lang))
}

/// The topics `filter` keeps, as `list --json` gives them.
pub(crate) fn listed_topics<'a>(
    loaded: &'a Loaded,
    replay: &'a Replay,
    filter: ListFilter,
    lang: Lang,
) -> Vec<ListedTopic<'a>> {
    listed(loaded, replay, filter)
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
        .collect()
}
