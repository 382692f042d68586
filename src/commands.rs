//! The commands: each loads what it needs, changes the store if it must, and writes its output.

use std::collections::HashSet;
use std::io::Write;

use crate::cli::{Command, StateFilter};
use crate::config::Settings;
use crate::curriculum::{self, Loaded, Pos, Unresolved};
use crate::error::Error;
use crate::i18n::Lang;
use crate::progress::{self, Replay, State};
use crate::render::{self, ListFilter, Style};
use crate::store::{self, Change, Event, Store};

/// Runs one command, writing its output to `out`.
pub fn run(command: Command, settings: &Settings, out: &mut impl Write) -> anyhow::Result<()> {
    let style = Style {
        lang: settings.lang,
        color: settings.color,
        width: settings.width,
    };
    match command {
        Command::Status { json } => {
            let (loaded, replay) = read(settings)?;
            let summary = progress::summarize(&loaded, &replay);
            let text = if json {
                render::status_json(&loaded, &summary, style.lang)
            } else {
                render::status(&loaded, &summary, &style)
            };
            out.write_all(text.as_bytes())?;
        }
        Command::List { stage, state, json } => {
            let (loaded, replay) = read(settings)?;
            let filter = ListFilter {
                stage: match stage {
                    Some(query) => Some(
                        loaded
                            .resolve_stage(&query)
                            .ok_or(Error::UnknownStage(query))?,
                    ),
                    None => None,
                },
                state: state.map(|state| match state {
                    StateFilter::Todo => State::Todo,
                    StateFilter::InProgress => State::InProgress,
                    StateFilter::Done => State::Done,
                    StateFilter::Skipped => State::Skipped,
                }),
            };
            let text = if json {
                render::list_json(&loaded, &replay, filter, style.lang)
            } else {
                render::list(&loaded, &replay, filter, &style)
            };
            out.write_all(text.as_bytes())?;
        }
        Command::Next { json } => {
            let (loaded, replay) = read(settings)?;
            let next = progress::next(&loaded, &replay);
            let text = match (json, next) {
                (true, _) => render::next_json(&loaded, next, style.lang),
                (false, Some(pos)) => format!("{}\n", render::topic_line(&loaded, pos, style.lang)),
                (false, None) => format!(
                    "{}\n",
                    style.lang.pick(
                        "nothing left: every topic is done or skipped",
                        "没有了：所有主题都已完成或跳过"
                    )
                ),
            };
            out.write_all(text.as_bytes())?;
        }
        Command::Done(topics) => change(settings, Change::Done, &topics.topics, out)?,
        Command::Start(topics) => change(settings, Change::Start, &topics.topics, out)?,
        Command::Skip(topics) => change(settings, Change::Skip, &topics.topics, out)?,
        Command::Undo(topics) => change(settings, Change::Undo, &topics.topics, out)?,
    }
    Ok(())
}

/// Loads the curriculum and replays the store onto it, without locking or writing anything.
fn read(settings: &Settings) -> anyhow::Result<(Loaded, Replay)> {
    let loaded = curriculum::load(&settings.curriculum)?;
    let store = Store::read(&settings.store)?;
    let replay = progress::replay(&loaded, &store.events);
    warn(&replay, settings.lang);
    Ok((loaded, replay))
}

/// Mentions what is odd but not fatal; the command carries on.
fn warn(replay: &Replay, lang: Lang) {
    if !replay.orphans.is_empty() {
        let ids: Vec<String> = replay.orphans.iter().map(|id| format!("`{id}`")).collect();
        eprintln!(
            "studyplan: {}{}",
            lang.pick(
                "warning: the store has progress on topics this curriculum no longer has; it is kept: ",
                "警告：进度文件里有当前课程已不存在的主题的记录，已保留："
            ),
            ids.join(", ")
        );
    }
    if replay.unknown_changes > 0 {
        eprintln!(
            "studyplan: {} {}",
            lang.pick(
                "warning: changes of a kind this version does not know were kept and ignored:",
                "警告：有本版本不认识的记录，已保留并忽略："
            ),
            replay.unknown_changes
        );
    }
}

/// Turns what was typed into one topic, or an error naming candidates.
fn resolve(loaded: &Loaded, query: &str, lang: Lang) -> Result<Pos, Error> {
    loaded
        .resolve(query)
        .map_err(|unresolved| match unresolved {
            Unresolved::Unknown(suggestions) => Error::UnknownTopic {
                query: query.to_owned(),
                suggestions,
            },
            Unresolved::Ambiguous(found) => Error::AmbiguousTopic {
                query: query.to_owned(),
                candidates: found
                    .into_iter()
                    .map(|pos| render::topic_line(loaded, pos, lang))
                    .collect(),
            },
        })
}

/// The state a change leads to.
fn target(change: &Change) -> State {
    match change {
        Change::Start => State::InProgress,
        Change::Skip => State::Skipped,
        Change::Undo => State::Todo,
        _ => State::Done,
    }
}

/// Applies one change to every named topic, all or none, under the store's lock.
fn change(
    settings: &Settings,
    change: Change,
    queries: &[String],
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let lang = settings.lang;
    let loaded = curriculum::load(&settings.curriculum)?;
    // Every name is resolved before anything is touched, so a typo changes nothing.
    let mut positions = Vec::with_capacity(queries.len());
    let mut seen = HashSet::new();
    for query in queries {
        let pos = resolve(&loaded, query, lang)?;
        if seen.insert(pos) {
            positions.push(pos);
        }
    }

    let lock = store::lock(&settings.store, || {
        eprintln!(
            "studyplan: {} `{}` ...",
            lang.pick(
                "waiting for another studyplan to finish writing",
                "正在等待另一个 studyplan 写完"
            ),
            settings.store.display()
        );
    })?;
    let mut store = Store::read(&settings.store)?;
    let replay = progress::replay(&loaded, &store.events);
    warn(&replay, lang);
    let wanted = target(&change);
    let recorded = store.events.len();
    let mut report = String::new();
    for &pos in &positions {
        let index = loaded
            .order
            .iter()
            .position(|&p| p == pos)
            .unwrap_or_default();
        let current = replay
            .topics
            .get(index)
            .map(|p| p.state)
            .unwrap_or_default();
        let line = render::topic_line(&loaded, pos, lang);
        if current == wanted {
            report.push_str(&format!(
                "{} {line}  ({})\n",
                render::mark(current),
                match lang {
                    Lang::En => format!("already {}, unchanged", render::state_name(current, lang)),
                    Lang::Zh => format!("已经是{}，未改变", render::state_name(current, lang)),
                }
            ));
            continue;
        }
        store.events.push(Event {
            at: settings.now,
            plan: loaded.curriculum.id.clone(),
            topic: Some(loaded.topic(pos).id.clone()),
            change: change.clone(),
            on: None,
            text: None,
            extra: Vec::new(),
        });
        report.push_str(&format!(
            "{} {line}  ({} -> {})\n",
            render::mark(wanted),
            render::state_name(current, lang),
            render::state_name(wanted, lang)
        ));
    }
    if store.events.len() > recorded {
        store::save(&lock, &store)?;
    }
    drop(lock);

    let summary = progress::summarize(&loaded, &progress::replay(&loaded, &store.events));
    let overall = summary.overall;
    report.push_str(&format!(
        "{}: {}/{} ({}), {}\n",
        lang.pick("Overall", "总体"),
        overall.done,
        overall.total,
        render::percent_text(overall.done, overall.total),
        render::verdict(&loaded, &summary, lang)
    ));
    out.write_all(report.as_bytes())?;
    Ok(())
}
