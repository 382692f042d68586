//! `where`: the files studyplan uses, so a learner can find, back up or sync them.
//!
//! It reads nothing but the file system's answer to "is it there?": it works with a store or a
//! curriculum that cannot be read, which is when someone looks for them.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::Settings;
use crate::curriculum::{self, Source};
use crate::i18n::{Label, Lang, Msg};
use crate::render::label;
use crate::store;

/// One file or folder: where it is and whether it is there yet.
#[derive(Debug, Serialize)]
struct Place {
    /// The path, absolute.
    path: Option<String>,
    /// Whether something is at that path.
    exists: bool,
}

/// `where --json`.
#[derive(Debug, Serialize)]
struct Places {
    /// The progress file, as given.
    store: Place,
    /// The file the store's link points to; none when the store is not a link.
    store_target: Option<String>,
    /// The lock file, beside the real store.
    lock: Place,
    /// The curriculum file; its path is none for the built-in roadmap.
    curriculum: Place,
    /// The built-in roadmap's id when it is the one in use.
    built_in: Option<String>,
    /// The folder of parsed copies of large curriculum files; its path is none when there is no
    /// cache folder.
    cache: Place,
}

/// Renders where the files are, as text or JSON.
pub fn run(settings: &Settings, json: bool) -> String {
    let places = places(settings);
    if json {
        let mut out = serde_json::to_string_pretty(&places).unwrap_or_default();
        out.push('\n');
        out
    } else {
        text(&places, settings.lang)
    }
}

fn places(settings: &Settings) -> Places {
    let store = absolute(&settings.store);
    let target = fs::symlink_metadata(&store)
        .is_ok_and(|meta| meta.file_type().is_symlink())
        .then(|| fs::canonicalize(&store).ok())
        .flatten();
    // The lock sits beside the file a link points to, where every writer takes it, and is the
    // lock of the version 2 file a version 1 name stands for.
    let lock = store::lock_path(&store::Files::of(target.as_deref().unwrap_or(&store)).v2);
    // The store is the version 2 file; a version 1 file is shown while it is the one in use.
    let files = store::Files::of(&store);
    let store = match &files.v1 {
        Some(v1)
            if fs::symlink_metadata(&files.v2).is_err() && fs::symlink_metadata(v1).is_ok() =>
        {
            v1.clone()
        }
        _ if target.is_some() => store,
        _ => files.v2,
    };
    let (curriculum, built_in) = match &settings.curriculum {
        Source::File(path) => (place(Some(&absolute(path))), None),
        Source::Embedded => {
            let id = curriculum::load(&Source::Embedded)
                .map(|loaded| loaded.curriculum.id.clone())
                .ok();
            (
                Place {
                    path: None,
                    exists: true,
                },
                id,
            )
        }
    };
    Places {
        store: place(Some(&store)),
        store_target: target.map(|target| target.display().to_string()),
        lock: place(Some(&lock)),
        curriculum,
        built_in,
        cache: place(settings.cache.as_deref().map(absolute).as_deref()),
    }
}

fn place(path: Option<&Path>) -> Place {
    Place {
        path: path.map(|path| path.display().to_string()),
        exists: path.is_some_and(|path| fs::symlink_metadata(path).is_ok()),
    }
}

/// `path` from the root, as given otherwise: `..` and links are kept, as the user wrote them.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn text(places: &Places, lang: Lang) -> String {
    // studyplan makes the store, its lock and the cache; a curriculum only the learner makes.
    let line = |word: Label, place: &Place, none: &str| {
        let missing = lang.say(match word {
            Label::Curriculum => Msg::DoesNotExist,
            _ => Msg::NotCreatedYet,
        });
        let path = match &place.path {
            Some(path) if place.exists => path.clone(),
            Some(path) => format!("{path}{missing}"),
            None => none.to_owned(),
        };
        format!("{}{path}\n", label(word, lang))
    };
    let mut out = line(Label::Store, &places.store, "");
    if let Some(target) = &places.store_target {
        out.push_str(&format!("{}{target}\n", label(Label::LinkTo, lang)));
    }
    out.push_str(&line(Label::Lock, &places.lock, ""));
    let built_in = lang.say(match &places.built_in {
        Some(id) => Msg::BuiltInWithId { id },
        None => Msg::BuiltIn,
    });
    out.push_str(&line(Label::Curriculum, &places.curriculum, &built_in));
    out.push_str(&line(
        Label::Cache,
        &places.cache,
        &lang.say(Msg::NoCacheFolder),
    ));
    out
}
