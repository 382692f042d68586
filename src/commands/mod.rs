//! The commands: each loads what it needs, changes the store if it must, and writes its output.

mod begin;
mod change;
mod completions;
mod curricula;
mod curriculum_command;
mod forget;
mod list;
mod log;
mod man;
mod merge;
mod next;
mod note;
mod report;
mod revert;
mod review;
mod show;
mod stats;
mod status;
mod today;
mod tui;
mod where_;

use std::borrow::Cow;
use std::io::Write;

pub use completions::ids as completion_ids;
pub use tui::time_keys as time_tui_keys;

use crate::cli::{Command, CurriculumCommand};
use crate::config::Settings;
use crate::curriculum::{self, Loaded, Named, Pos, Unresolved, UnresolvedName};
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::progress::{self, Replay};
use crate::render::{self, Style};
use crate::store::{self, Change, Event, Store};

/// Runs one command, writing its output to `out`.
pub fn run(command: Command, settings: &Settings, out: &mut impl Write) -> anyhow::Result<()> {
    let style = Style {
        lang: settings.lang,
        color: settings.color,
        width: settings.width,
        ascii: settings.border == crate::cli::BorderStyle::Ascii,
    };
    let for_people = is_for_people(&command);
    let text = match command {
        Command::Status { json } => status::run(settings, &style, json)?,
        Command::List { stage, state, json } => list::run(settings, &style, stage, state, json)?,
        Command::Next { count, json } => next::run(settings, &style, count, json)?,
        Command::Done(topics) => change::run(settings, Change::Done, &topics)?,
        Command::Start(topics) => change::run(settings, Change::Start, &topics)?,
        Command::Skip(topics) => change::run(settings, Change::Skip, &topics)?,
        Command::Undo(topics) => change::run(settings, Change::Undo, &topics)?,
        Command::Begin { date } => begin::run(settings, date.map(|day| day.from(settings.today)))?,
        Command::Forget { ids } => forget::run(settings, &ids)?,
        Command::Note {
            topic,
            text,
            on,
            edit,
            delete,
        } => {
            let on = on.map(|day| day.from(settings.today));
            match (edit, delete) {
                (_, Some(id)) => note::delete(settings, &id)?,
                (Some(id), None) => {
                    let words: Vec<String> = topic.into_iter().chain(text).collect();
                    note::edit(settings, &id, &words, on)?
                }
                (None, None) => {
                    note::run(settings, topic.as_deref().unwrap_or_default(), &text, on)?
                }
            }
        }
        Command::Show { topic, json } => show::run(settings, &style, &topic, json)?,
        Command::Log {
            stage,
            since,
            limit,
            json,
        } => {
            let since = since.map(|day| day.from(settings.today));
            log::run(settings, stage, since, limit, json)?
        }
        Command::Revert { id } => revert::run(settings, &id)?,
        Command::Review {
            topics,
            hard,
            again,
            on,
            json,
        } => {
            if topics.is_empty() {
                review::list(settings, &style, json)?
            } else {
                let grade = match (hard, again) {
                    (true, _) => crate::store::Grade::Hard,
                    (_, true) => crate::store::Grade::Again,
                    _ => crate::store::Grade::Good,
                };
                let on = on.map(|day| day.from(settings.today));
                review::record(settings, &topics, grade, on)?
            }
        }
        Command::Today { by, json } => {
            let by = by.map(|day| day.from(settings.today));
            today::run(settings, &style, by, json)?
        }
        Command::Stats { week_start, json } => stats::run(settings, &style, week_start, json)?,
        Command::Merge { files } => merge::run(settings, &files)?,
        Command::Tui => tui::run(settings)?,
        Command::Report {
            format,
            output,
            notes,
        } => report::run(settings, format, output, notes)?,
        Command::Curriculum(command) => curriculum_command::run(command, &style)?,
        Command::Curricula { json } => curricula::run(settings, &style, json)?,
        Command::Completions { shell } => completions::run(shell, settings),
        Command::Where { json } => where_::run(settings, json),
        Command::Man => man::run(settings.lang)?,
    };
    // Lines beside the tables (verdicts, next topic, messages) wrap to the width too.
    let text = match (for_people, settings.width) {
        (true, Some(width)) if settings.wrap => crate::wrap::fit_lines(&text, width),
        _ => text,
    };
    out.write_all(text.as_bytes())
        .map_err(crate::output_error)?;
    Ok(())
}

/// Whether a command's output is text for people, which wraps to the terminal, rather than a
/// document (JSON, a report, a script, YAML), which is never touched.
fn is_for_people(command: &Command) -> bool {
    matches!(
        command,
        Command::Status { json: false }
            | Command::List { json: false, .. }
            | Command::Next { json: false, .. }
            | Command::Done(_)
            | Command::Start(_)
            | Command::Skip(_)
            | Command::Undo(_)
            | Command::Begin { .. }
            | Command::Forget { .. }
            | Command::Revert { .. }
            | Command::Review { json: false, .. }
            | Command::Today { json: false, .. }
            | Command::Stats { json: false, .. }
            | Command::Merge { .. }
            | Command::Note { .. }
            | Command::Show { json: false, .. }
            | Command::Log { json: false, .. }
            | Command::Curricula { json: false }
            | Command::Curriculum(CurriculumCommand::Check { .. })
    )
}

/// What a command read, left for the process's exit to free rather than freed piece by piece: a
/// command runs once and exits, and freeing a large history and curriculum one allocation at a
/// time costs a tenth of `status` on 100,000 events. Every command reads through [`read`],
/// [`lock`] and [`curriculum`], so this is the one place it is decided.
pub(crate) type Kept<T> = std::mem::ManuallyDrop<T>;

/// The curriculum in use, read through its cache.
pub(crate) fn curriculum(settings: &Settings) -> anyhow::Result<Kept<Loaded>> {
    let loaded = curriculum::load_cached(&settings.curriculum, settings.cache.as_deref())?;
    Ok(Kept::new(loaded))
}

/// What a reading command works from: the curriculum, the store with its history as of the end
/// of today, and that history replayed onto the curriculum.
pub(crate) struct Reading {
    pub loaded: Loaded,
    pub store: Store,
    pub replay: Replay,
}

/// Loads the curriculum and replays the store onto it, without locking or writing anything.
pub(crate) fn read(settings: &Settings) -> anyhow::Result<Kept<Reading>> {
    let read = || {
        Store::read(&settings.store).map(|mut store| {
            let recorded = store.events.len();
            store
                .events
                .retain(|event| counts_by(event, settings.today));
            note_left_out(recorded - store.events.len(), settings);
            say_notices(&store, settings.lang);
            store
        })
    };
    let (loaded, store) = load_with(settings, read);
    let (loaded, store) = (loaded?, store?);
    let replay = progress::replay(&loaded, &store.events);
    warn_in(&store, &replay, settings.lang, &loaded.source);
    Ok(Kept::new(Reading {
        loaded,
        store,
        replay,
    }))
}

/// Whether `event` is part of the history as it stood at the end of `today`: it counts for that
/// day or an earlier one. Every command sees the history through this one rule, so a pinned
/// `STUDYPLAN_TODAY` (or a clock that is behind) shows where the learner stood on that day.
/// A `begin` counts from the day it was recorded, as it may plan a start on a later day.
pub(crate) fn counts_by(event: &Event, today: chrono::NaiveDate) -> bool {
    event.day() <= today || (event.change == Change::Begin && event.at().date_naive() <= today)
}

/// The history of `store`, a store read under the lock for a change, as it stood at the end of
/// today; see [`counts_by`]. The store itself keeps every change, later ones too.
pub(crate) fn as_of<'a>(store: &'a Store, settings: &Settings) -> Cow<'a, [Event]> {
    let today = settings.today;
    if store.events.iter().all(|event| counts_by(event, today)) {
        return Cow::Borrowed(&store.events);
    }
    let kept: Vec<Event> = store
        .events
        .iter()
        .filter(|event| counts_by(event, today))
        .cloned()
        .collect();
    note_left_out(store.events.len() - kept.len(), settings);
    Cow::Owned(kept)
}

/// Says that changes counting for days after today are left out, and why.
fn note_left_out(count: usize, settings: &Settings) {
    if count == 0 {
        return;
    }
    crate::to_stderr(&format!(
        "studyplan: {}\n",
        settings.lang.say(Msg::LaterChangesLeftOut {
            today: settings.today,
            count
        })
    ));
}

/// Loads the curriculum while `read` reads the store.
fn load_with(
    settings: &Settings,
    read: impl FnOnce() -> anyhow::Result<Store> + Send,
) -> (Result<Loaded, curriculum::Error>, anyhow::Result<Store>) {
    let load = || curriculum::load_cached(&settings.curriculum, settings.cache.as_deref());
    let (loaded, store) = match settings.curriculum {
        // A file may be large: read it and the store at once, one on each core.
        curriculum::Source::File(_) => std::thread::scope(|scope| {
            let store = scope.spawn(read);
            let loaded = load();
            let store = store
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (loaded, store)
        }),
        // The built-in roadmap takes microseconds; a thread would cost more than it saves.
        curriculum::Source::Embedded => (load(), read()),
    };
    (loaded, store)
}

/// The fewest characters of an id `revert` takes: one or two would too easily name the wrong
/// change, and git's shortest abbreviation is four too.
pub const REVERT_ID_MIN: usize = 4;

/// A topic's line after a change: its mark, position, id and title, and its state before and
/// after (`on` the day it counts for, when not today), or that it was so already.
pub(crate) fn state_line(
    loaded: &Loaded,
    pos: Pos,
    from: crate::progress::State,
    to: crate::progress::State,
    on: Option<chrono::NaiveDate>,
    lang: Lang,
) -> String {
    let said = if from == to {
        lang.say(Msg::AlreadyInState {
            state: render::state_key(to),
        })
    } else {
        lang.say(Msg::StateChanged {
            from: render::state_key(from),
            to: render::state_key(to),
            on,
        })
    };
    let line = render::topic_line(loaded, pos, lang);
    format!("{} {line}  {said}\n", render::mark(to))
}

/// The line after a change: the overall count and the verdict.
pub(crate) fn overall_line(loaded: &Loaded, replay: &Replay, lang: Lang) -> String {
    let summary = progress::summarize(loaded, replay);
    let overall = summary.overall;
    let line = lang.say(Msg::ChangedOverall {
        done: overall.done,
        total: overall.total,
        percent: &render::percent_text(overall.done, overall.total),
        verdict: &render::verdict(loaded, &summary, lang),
    });
    format!("{line}\n")
}

/// Takes the store's lock for a change and reads the store under it, saying so when another
/// writer holds the lock.
pub(crate) fn lock(settings: &Settings) -> anyhow::Result<(store::Lock, Kept<Store>)> {
    let lang = settings.lang;
    if settings.store_named
        && let Some(folder) = settings
            .store
            .parent()
            .filter(|f| !f.as_os_str().is_empty())
        && std::fs::metadata(folder).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        return Err(Error::StoreFolderMissing {
            path: settings.store.clone(),
            folder: folder.to_owned(),
        }
        .into());
    }
    let (lock, store) = store::lock(&settings.store, || {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            lang.say(Msg::WaitingForLock {
                path: &settings.store.display().to_string()
            })
        ));
    })?;
    say_notices(&store, lang);
    Ok((lock, Kept::new(store)))
}

/// Adds the events of one change to the store read under `lock`, and says what else writing
/// did (a version 1 file converted, conflict copies folded in).
pub(crate) fn add(
    settings: &Settings,
    lock: store::Lock,
    store: &mut Store,
    new: Vec<Event>,
) -> anyhow::Result<()> {
    let written = lock.add(store, new)?;
    say_written(&written, settings.lang);
    Ok(())
}

/// Says what the store's read found that the learner should hear of.
fn say_notices(store: &Store, lang: Lang) {
    for notice in &store.notices {
        let text = match notice {
            store::Notice::TornTail { path, line } => lang.say(Msg::StoreTornTail {
                path: &path.display().to_string(),
                line: *line,
            }),
            store::Notice::CopiesFound(copies) => {
                let names: Vec<String> = copies.iter().map(|c| c.display().to_string()).collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                lang.say(Msg::StoreCopiesFound { copies: &names })
            }
            store::Notice::OldFormatBeside(path) => lang.say(Msg::StoreOldFormatBeside {
                path: &path.display().to_string(),
                quoted: &crate::files::shell_quoted(path),
            }),
            store::Notice::Unreadable { path, error } => lang.say(Msg::StoreBesideUnreadable {
                path: &path.display().to_string(),
                problem: &error.message(lang),
            }),
        };
        crate::to_stderr(&format!("studyplan: {text}\n"));
    }
}

/// Says what writing did besides the change itself.
pub(crate) fn say_written(written: &store::Written, lang: Lang) {
    if let Some((from, backup, to)) = &written.converted {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            lang.say(Msg::StoreConverted {
                from: &from.display().to_string(),
                backup: &backup.display().to_string(),
                to: &to.display().to_string(),
            })
        ));
    }
    if let Some((count, folder)) = &written.folded {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            lang.say(Msg::StoreCopiesFolded {
                count: *count,
                folder: &folder.display().to_string(),
            })
        ));
    }
}

/// Mentions what is odd but not fatal; the command carries on.
pub(crate) fn warn(store: &Store, replay: &Replay, lang: Lang) {
    warn_in(store, replay, lang, "");
}

/// Like [`warn`], for the curriculum read from `source` (its name in messages).
pub(crate) fn warn_in(store: &Store, replay: &Replay, lang: Lang, source: &str) {
    if !replay.orphans.is_empty() {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            orphans_warning(&replay.orphans, source, lang)
        ));
    }
    let unknown = store.unknown_keys();
    if !unknown.is_empty() {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            lang.say(Msg::UnknownFields { keys: &unknown })
        ));
    }
    if replay.unknown_changes > 0 {
        crate::to_stderr(&format!(
            "studyplan: {}\n",
            lang.say(Msg::UnknownChanges {
                count: replay.unknown_changes
            })
        ));
    }
}

/// The stage a user named, as an index, for filtering; none when no stage was given.
pub(crate) fn stage(
    loaded: &Loaded,
    query: Option<String>,
    lang: Lang,
) -> Result<Option<usize>, Error> {
    match query {
        Some(query) => match loaded.resolve_stage(&query) {
            Some(index) => Ok(Some(index)),
            None => match loaded.stages_titled(&query).as_slice() {
                [] | [_] => Err(unknown_stage(loaded, query)),
                several => Err(ambiguous_stage(loaded, query, several, lang)),
            },
        },
        None => Ok(None),
    }
}

fn unknown_stage(loaded: &Loaded, query: String) -> Error {
    Error::UnknownStage {
        query,
        stages: loaded
            .curriculum
            .stages
            .iter()
            .map(|stage| stage.id.clone())
            .collect(),
    }
}

/// Several stages matched: each with its number, id and its title in the language that matched.
fn ambiguous_stage(loaded: &Loaded, query: String, found: &[usize], lang: Lang) -> Error {
    Error::AmbiguousStage {
        candidates: found
            .iter()
            .map(|&s| {
                let stage = &loaded.curriculum.stages[s];
                let shown = curriculum::matching_lang(&stage.title, &query, lang).unwrap_or(lang);
                format!("{} {}  {}", s + 1, stage.id, stage.title.get(shown))
            })
            .collect(),
        query,
    }
}

/// Several topics matched: each as [`render::topic_line`] gives it, with its title in the
/// language that matched, so that a Chinese piece typed in English shows why it matched.
fn ambiguous_topic(loaded: &Loaded, query: &str, found: Vec<Pos>, lang: Lang) -> Error {
    Error::AmbiguousTopic {
        query: query.to_owned(),
        candidates: found
            .into_iter()
            .map(|pos| {
                let title = &loaded.topic(pos).title;
                let shown = curriculum::matching_lang(title, query, lang).unwrap_or(lang);
                render::topic_line(loaded, pos, shown)
            })
            .collect(),
    }
}

/// Turns what was typed into one topic, or an error naming candidates.
pub(crate) fn resolve(loaded: &Loaded, query: &str, lang: Lang) -> Result<Pos, Error> {
    loaded
        .resolve(query)
        .map_err(|unresolved| match unresolved {
            Unresolved::Unknown(suggestions) => Error::UnknownTopic {
                query: query.to_owned(),
                suggestions,
            },
            Unresolved::Ambiguous(found) => ambiguous_topic(loaded, query, found, lang),
        })
}

/// Turns every name typed into a topic, each once, in the order typed; the first that names
/// none or several is the error.
pub(crate) fn resolve_all(
    loaded: &Loaded,
    queries: &[String],
    lang: Lang,
) -> Result<Vec<Pos>, Error> {
    let mut positions = Vec::with_capacity(queries.len());
    let mut seen = std::collections::HashSet::new();
    for query in queries {
        let pos = resolve(loaded, query, lang)?;
        if seen.insert(pos) {
            positions.push(pos);
        }
    }
    Ok(positions)
}

/// Turns what `show` was given into one topic or one stage, or an error naming candidates.
pub(crate) fn resolve_named(loaded: &Loaded, query: &str, lang: Lang) -> Result<Named, Error> {
    loaded
        .resolve_named(query)
        .map_err(|unresolved| match unresolved {
            UnresolvedName::Unknown(suggestions) => Error::UnknownName {
                query: query.to_owned(),
                suggestions,
            },
            UnresolvedName::NoSuchStage => unknown_stage(loaded, query.to_owned()),
            UnresolvedName::Topics(found) => ambiguous_topic(loaded, query, found, lang),
            UnresolvedName::Stages(found) => {
                ambiguous_stage(loaded, query.to_owned(), &found, lang)
            }
        })
}

/// The warning about progress on ids the curriculum no longer has, and the two ways to settle
/// it: the topic was renamed (`was` in the curriculum `source`) or is gone (`forget`).
pub(crate) fn orphans_warning(orphans: &[String], source: &str, lang: Lang) -> String {
    let ids: Vec<&str> = orphans.iter().map(String::as_str).collect();
    let file = (!source.is_empty() && source != curriculum::EMBEDDED_NAME).then_some(source);
    lang.say(Msg::OrphanedProgress { ids: &ids, file })
        .into_owned()
}
