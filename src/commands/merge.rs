//! `merge`: fold other stores (a backup, another machine's copy) into this one, under the lock.

use std::path::PathBuf;

use rustc_hash::FxHashSet;

use crate::config::Settings;
use crate::error::{Error, IoAction};
use crate::file_kind::Kind;
use crate::files::same_file;
use crate::i18n::{Msg, NotAFile};
use crate::progress::{self, Replay};

use crate::render;
use crate::store::{self, Files};

/// How many topics on which the histories disagree are named; the rest are counted.
const DISAGREEMENTS_SHOWN: usize = 20;

/// An error reading a file given to merge, told as such: what to do is to check the path given,
/// not `--store`.
fn for_merge(err: anyhow::Error, file: &std::path::Path) -> anyhow::Error {
    match err.downcast::<Error>() {
        Ok(Error::Io {
            action: IoAction::ReadStore,
            path,
            cause,
        }) => Error::Io {
            action: IoAction::ReadMerged,
            path,
            cause,
        }
        .into(),
        Ok(Error::WrongKind {
            given: Kind::Store,
            found,
            ..
        }) => Error::MergeWrongKind {
            path: file.to_owned(),
            found,
        }
        .into(),
        Ok(Error::StoreNotAFile { path, folder }) => Error::MergeNotAFile {
            path,
            what: if folder {
                NotAFile::Folder
            } else {
                NotAFile::NotAPath
            },
        }
        .into(),
        Ok(Error::StoreNotRegular(path)) => Error::MergeNotAFile {
            path,
            what: NotAFile::Special,
        }
        .into(),
        Ok(Error::StoreLinkBroken(path)) => Error::MergeNotAFile {
            path,
            what: NotAFile::BrokenLink,
        }
        .into(),
        // Its advice is for the store in use ("move it away to start a new one").
        Ok(Error::StoreCorrupt { path, at, problem }) => {
            Error::MergeCorrupt { path, at, problem }.into()
        }
        Ok(other) => other.into(),
        Err(err) => err,
    }
}

/// Folds the stores at `files` into the store in use and says how many changes were new, and on
/// which topics the histories disagree.
pub fn run(settings: &Settings, files: &[PathBuf]) -> anyhow::Result<String> {
    let lang = settings.lang;
    let loaded = super::curriculum(settings)?;
    let own = Files::of(&settings.store);
    let mut others = Vec::with_capacity(files.len());
    for file in files {
        let same = |own: &std::path::Path| same_file(file, own);
        // A version 1 file is the store only until a version 2 file stands beside it; then it
        // is an older build's file, to be folded in.
        let v1_is_store = !own.v2.exists() && own.v1.as_deref().is_some_and(same);
        if same(&own.v2) || v1_is_store {
            return Err(Error::MergeSelf(file.clone()).into());
        }
        others.push(store::read_other(file).map_err(|err| for_merge(err, file))?);
    }
    let (lock, mut store) = super::lock(settings)?;
    let mine = progress::replay(&loaded, &store.events);
    // The topics the other stores changed in ways this one has not seen.
    let known: FxHashSet<uuid::Uuid> = store.history().iter().map(|(e, _)| e.id()).collect();
    let changed: FxHashSet<String> = others
        .iter()
        .flat_map(|other| other.history())
        .filter(|(event, _)| !known.contains(&event.id()))
        .filter_map(|(event, _)| event.topic.as_deref().map(str::to_owned))
        .collect();
    let theirs: Vec<Replay> = others
        .iter()
        .map(|other| progress::replay(&loaded, &other.events))
        .collect();
    let (added, written) = lock.merge(&mut store, others)?;
    super::say_written(&written, lang);
    let merged = progress::replay(&loaded, &store.events);
    let mut out = format!(
        "{}\n",
        lang.say(Msg::Merged {
            added,
            files: files.len()
        })
    );
    // A topic both histories changed, and left in different states: the later change counts.
    let mut disagreements = 0;
    for (i, topic) in merged.topics.iter().enumerate() {
        let id = &loaded.topic(loaded.order[i]).id;
        let disagree = changed.contains(id.as_str())
            && theirs.iter().any(|other| {
                let (a, b) = (&mine.topics[i], &other.topics[i]);
                a.since.is_some() && b.since.is_some() && a.state != b.state
            });
        if disagree {
            disagreements += 1;
        }
        if disagree && disagreements <= DISAGREEMENTS_SHOWN {
            out.push_str(&lang.say(Msg::MergeDisagrees {
                topic: id,
                state: render::state_key(topic.state),
            }));
            out.push('\n');
        }
    }
    if let Some(more) = disagreements
        .checked_sub(DISAGREEMENTS_SHOWN)
        .filter(|&n| n > 0)
    {
        out.push_str(&lang.say(Msg::MergeDisagreesMore { more }));
        out.push('\n');
    }
    Ok(out)
}
