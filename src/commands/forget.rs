//! `forget`: drop the progress on topic ids the curriculum no longer has, by recording one more
//! change under the store's lock; the history before it is never edited.

use crate::config::Settings;
use crate::error::Error;
use crate::i18n::Msg;
use crate::progress;
use crate::store::{Change, Event};

/// Records a `forget` for each of `ids`, all or none: each must be an id with progress that the
/// curriculum in use no longer has.
pub fn run(settings: &Settings, ids: &[String]) -> anyhow::Result<String> {
    let lang = settings.lang;
    let loaded = super::curriculum(settings)?;
    let (lock, mut store) = super::lock(settings)?;
    let replay = progress::replay(&loaded, &store.events);
    let mut wanted: Vec<&str> = Vec::new();
    for id in ids {
        let id = id.trim();
        if let Some(pos) = loaded.position_of(id) {
            return Err(Error::ForgetCurrentTopic {
                id: id.to_owned(),
                current: loaded.topic(pos).id.clone(),
            }
            .into());
        }
        if !replay.orphans.iter().any(|orphan| orphan == id) {
            return Err(Error::NothingToForget {
                id: id.to_owned(),
                orphans: replay.orphans.clone(),
            }
            .into());
        }
        if !wanted.contains(&id) {
            wanted.push(id);
        }
    }
    let plan = &loaded.curriculum.id;
    let new: Vec<Event> = wanted
        .iter()
        .map(|id| Event::new(settings.now, plan, Some(id), Change::Forget))
        .collect();
    super::add(settings, lock, &mut store, new)?;
    let mut out = String::new();
    for id in &wanted {
        out.push_str(&lang.say(Msg::Forgot { id }));
        out.push('\n');
    }
    Ok(out)
}
