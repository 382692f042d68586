//! `note`: attach a dated note to a topic, under the store's lock.

use crate::config::Settings;
use crate::error::Error;
use crate::i18n::Msg;
use crate::progress;
use crate::render;
use crate::schedule;
use crate::store::{Change, Event};

/// Records the words of `text`, joined with spaces, as a note on the topic `query` names.
pub fn run(settings: &Settings, query: &str, text: &[String]) -> anyhow::Result<String> {
    let lang = settings.lang;
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
            topic: query.to_owned(),
        }
        .into());
    }
    let loaded = super::curriculum(settings)?;
    let pos = super::resolve(&loaded, query, lang)?;
    let text = text.join(" ").trim().to_owned();
    if text.is_empty() {
        return Err(Error::EmptyNote.into());
    }

    let (lock, mut store) = super::lock(settings)?;
    // A note counts for today, which may not come before the plan's start any more than a
    // change may.
    let plan = loaded.curriculum.id.as_str();
    schedule::check_day(
        settings.today,
        settings.today,
        schedule::begun(plan, &store.events),
    )?;
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
        .with_text(text.clone());
    super::add(settings, lock, &mut store, vec![note])?;

    let line = render::topic_line(&loaded, pos, lang);
    let text = render::visible(&text).replace('\n', "\n  ");
    let noted = lang.say(Msg::Noted {
        topic: &line,
        day: settings.today,
    });
    Ok(format!("{noted}\n  {text}\n"))
}
