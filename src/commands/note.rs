//! `note`: attach a dated note to a topic, or replace one's text, under the store's lock.

use chrono::NaiveDate;

use crate::config::Settings;
use crate::error::Error;
use crate::i18n::Msg;
use crate::progress;
use crate::render;
use crate::schedule;
use crate::store::{Change, Event};

/// The note's text from the words typed, joined with spaces; refused when it holds an option
/// typed after the text (`topic` the topic, for the message) or nothing at all.
fn note_text(text: &[String], topic: &str) -> Result<String, Error> {
    // After a `--` every word is text, options too. Before the first word of the text clap takes
    // the `--` away, so the words of the command line tell whether one was typed; after it, the
    // `--` is among the words, and is no part of the note.
    let mut text = text.to_vec();
    let escaped = match text.iter().position(|word| word == "--") {
        Some(at) => {
            text.remove(at);
            true
        }
        None => std::env::args_os()
            .skip_while(|word| word != "note")
            .any(|word| word == "--"),
    };
    let option = text
        .iter()
        .find(|word| !escaped && crate::cli::is_option("note", word));
    if let Some(word) = option {
        return Err(Error::OptionInNote {
            word: word.clone(),
            topic: topic.to_owned(),
        });
    }
    let text = text.join(" ").trim().to_owned();
    if text.is_empty() {
        return Err(Error::EmptyNote);
    }
    Ok(text)
}

/// Records the words of `text`, joined with spaces, as a note on the topic `query` names, for
/// the day `on` (default today).
pub fn run(
    settings: &Settings,
    query: &str,
    text: &[String],
    on: Option<NaiveDate>,
) -> anyhow::Result<String> {
    let lang = settings.lang;
    let day = on.unwrap_or(settings.today);
    schedule::check_day(day, settings.today, None)?;
    let text = note_text(text, query)?;
    let loaded = super::curriculum(settings)?;
    let pos = super::resolve(&loaded, query, lang)?;

    let (lock, mut store) = super::lock(settings)?;
    // A note may not come before the plan's start any more than a change may.
    let plan = loaded.curriculum.id.as_str();
    schedule::check_day(day, settings.today, schedule::begun(plan, &store.events))?;
    let history = super::as_of(&store, settings);
    super::warn_in(
        &store,
        &progress::replay(&loaded, &history),
        lang,
        &loaded.source,
    );
    drop(history);
    let topic = Some(loaded.topic(pos).id.as_str());
    let note = Event::new(settings.now, &loaded.curriculum.id, topic, Change::Note)
        .with_text(text.clone())
        .counting_for((day != settings.now.date_naive()).then_some(day));
    super::add(settings, lock, &mut store, vec![note])?;

    let line = render::topic_line(&loaded, pos, lang);
    let noted = lang.say(Msg::Noted { topic: &line, day });
    Ok(format!("{noted}\n  {}\n", shown(&text)))
}

/// The note of the plan in use whose id starts with `query` (its characters `wanted`), whether
/// it counts, and its short id; else why none can be edited or deleted.
fn find_note<'h>(
    history: &[(&'h Event, bool)],
    query: &str,
    wanted: &str,
    loaded: &crate::curriculum::Loaded,
    lang: crate::i18n::Lang,
) -> Result<(&'h Event, bool, String), Error> {
    let (target, counts) = super::revert::find(history, query, wanted)?;
    let Some(&(note, _)) = history.iter().find(|(event, _)| event.id() == target) else {
        return Err(Error::RevertNoMatch(query.trim().to_owned()));
    };
    Ok((note, counts, note_of_plan(note, loaded, lang)?))
}

/// The short id of `event`, a note of the plan in use; else why it cannot be edited or deleted.
fn note_of_plan(
    event: &Event,
    loaded: &crate::curriculum::Loaded,
    lang: crate::i18n::Lang,
) -> Result<String, Error> {
    let id = render::short_id(event.id());
    if *event.plan != *loaded.curriculum.id {
        return Err(Error::RevertOtherPlan {
            id,
            plan: event.plan.to_string(),
        });
    }
    if event.change != Change::Note {
        return Err(Error::NotANote {
            id,
            change: render::change_name(&event.change, lang).into_owned(),
        });
    }
    Ok(id)
}

/// Deletes the note whose id starts with `query`, every version of it: the revert names its
/// first version, which takes its edits away with it.
pub fn delete(settings: &Settings, query: &str) -> anyhow::Result<String> {
    let lang = settings.lang;
    let wanted = super::revert::checked_id(query)?;
    let loaded = super::curriculum(settings)?;
    let (lock, mut store) = super::lock(settings)?;
    let history = store.history();
    let (note, _, id) = find_note(&history, query, &wanted, &loaded, lang)?;
    // Back through the edits to the first version.
    let mut first = note;
    for _ in 0..history.len() {
        let earlier = first.reverts().and_then(|target| {
            history
                .iter()
                .find(|(event, _)| event.id() == target && event.change == Change::Note)
        });
        match earlier {
            Some(&(event, _)) => first = event,
            None => break,
        }
    }
    let root = first.id();
    let deleted = history.iter().any(|(event, counts)| {
        *counts && event.change == Change::Revert && event.reverts() == Some(root)
    });
    if deleted {
        let by = super::revert::cancelled_by(&history, root);
        return Err(Error::RevertAlready { id, by }.into());
    }
    let topic = note.topic.as_deref().map(str::to_owned);
    drop(history);
    let revert = Event::revert(settings.now, &loaded.curriculum.id, root);
    super::add(settings, lock, &mut store, vec![revert])?;
    let line = topic_text(&loaded, topic.as_deref(), lang);
    let said = lang.say(Msg::NoteDeleted {
        id: &id,
        topic: &line,
    });
    Ok(format!("{said}\n"))
}

/// A note's topic as messages name it: its line, or its id when the curriculum no longer has it.
fn topic_text(
    loaded: &crate::curriculum::Loaded,
    topic: Option<&str>,
    lang: crate::i18n::Lang,
) -> String {
    match topic.and_then(|t| loaded.position_of(t)) {
        Some(pos) => render::topic_line(loaded, pos, lang),
        None => topic.unwrap_or_default().to_owned(),
    }
}

/// A note's text as printed after it is recorded: each line indented.
fn shown(text: &str) -> String {
    render::visible(text).replace('\n', "\n  ")
}

/// Replaces the text of the note whose id starts with `query` by the words of `text`; the note
/// keeps its day unless `on` gives another.
pub fn edit(
    settings: &Settings,
    query: &str,
    text: &[String],
    on: Option<NaiveDate>,
) -> anyhow::Result<String> {
    let lang = settings.lang;
    if let Some(day) = on {
        schedule::check_day(day, settings.today, None)?;
    }
    let wanted = super::revert::checked_id(query)?;
    let text = note_text(text, query)?;
    let loaded = super::curriculum(settings)?;
    let (lock, mut store) = super::lock(settings)?;
    let history = store.history();
    let (old, counts, id) = find_note(&history, query, &wanted, &loaded, lang)?;
    let target = old.id();
    if !counts {
        let by = super::revert::cancelled_by(&history, target);
        return Err(Error::RevertAlready { id, by }.into());
    }
    let day = on.unwrap_or(old.day());
    let plan = loaded.curriculum.id.as_str();
    schedule::check_day(day, settings.today, schedule::begun(plan, &store.events))?;
    let topic = old.topic.as_deref().map(str::to_owned);
    drop(history);
    let note = Event::new(settings.now, plan, topic.as_deref(), Change::Note)
        .with_text(text.clone())
        .counting_for((day != settings.now.date_naive()).then_some(day))
        .replacing(target);
    super::add(settings, lock, &mut store, vec![note])?;

    let line = topic_text(&loaded, topic.as_deref(), lang);
    let said = lang.say(Msg::NoteEdited {
        id: &id,
        topic: &line,
        day,
    });
    Ok(format!("{said}\n  {}\n", shown(&text)))
}
