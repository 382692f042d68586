//! The store's files: where they are, the lock beside them, and the two ways a change reaches
//! the disk (one line appended and flushed, or a whole file written beside and renamed over).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::error::{Error, IoAction};

/// What tells, without reading it, whether a file was written to: its length, when it last
/// changed, and its inode (a new file saved over it by an editor has a new one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }

    /// The stamp of the file at `path` now; none when there is no file.
    pub fn now(path: &Path) -> io::Result<Option<Stamp>> {
        match fs::metadata(path) {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err),
        }
    }
}

/// Appends `bytes` to the file at `path` if it is still as `seen`, first cutting it back to
/// `keep` bytes (what a torn last line or zeros from a power loss leave after the sound lines),
/// and flushes it to disk; false when the file is not as seen. A failed write is cut back off,
/// so the file holds its sound lines, as before.
pub fn append(path: &Path, seen: Stamp, keep: u64, bytes: &[u8]) -> io::Result<bool> {
    let mut file = match OpenOptions::new().append(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(err) => return Err(err),
    };
    if Stamp::of(&file.metadata()?) != seen {
        return Ok(false);
    }
    if keep < seen.len {
        file.set_len(keep)?;
    }
    let written = file.write_all(bytes).and_then(|()| file.sync_data());
    if written.is_err() {
        let _ = file.set_len(keep);
    }
    written.map(|()| true)
}

/// The file a store path names, checked before anything reads or writes it. A link is followed, so
/// that the lock, the temp file and the rename all happen beside the real file and the link stays.
pub fn real_path(path: &Path) -> Result<PathBuf, Error> {
    if path.file_name().is_none() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(Error::StoreNotAFile {
            path: path.to_owned(),
            folder: false,
        });
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).or_else(|_| {
            // A link to a version 1 file that was converted: the version 2 file beside it is
            // the store now.
            let target =
                fs::read_link(path).map_err(|_| Error::StoreLinkBroken(path.to_owned()))?;
            let target = parent(path).unwrap_or(Path::new(".")).join(target);
            match fs::canonicalize(Files::of(&target).v2) {
                Ok(v2)
                    if target
                        .extension()
                        .is_some_and(|ext| ext == "yaml" || ext == "yml") =>
                {
                    Ok(v2)
                }
                _ => Err(Error::StoreLinkBroken(path.to_owned())),
            }
        }),
        Ok(meta) if meta.is_dir() => Err(Error::StoreNotAFile {
            path: path.to_owned(),
            folder: true,
        }),
        _ => Ok(path.to_owned()),
    }
}

/// The lock file beside a store. It is never renamed or removed, so every writer locks the same
/// file.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    store.with_file_name(name)
}

/// Refuses a store that is there but cannot be written: a folder, anything but a regular file (a
/// pipe, a device), or a file that cannot be opened for writing. Whatever a change would do next,
/// append or replace, the answer is the same.
pub fn check_writable(path: &Path) -> Result<(), Error> {
    match fs::metadata(path) {
        // No file (or no folder) yet: making them is the next step, and says what fails.
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => Err(Error::StoreNotAFile {
            path: path.to_owned(),
            folder: true,
        }),
        Ok(meta) if !meta.is_file() => Err(Error::StoreNotRegular(path.to_owned())),
        // Made read-only, it is left alone even where it could be written (as root).
        Ok(meta) if meta.permissions().readonly() => Err(Error::io(
            IoAction::WriteStore,
            path,
            io::ErrorKind::PermissionDenied.into(),
        )),
        Ok(_) => match OpenOptions::new().append(true).open(path) {
            Ok(_) => Ok(()),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(Error::io(IoAction::WriteStore, path, err)),
        },
    }
}

pub fn parent(path: &Path) -> Option<&Path> {
    path.parent().filter(|dir| !dir.as_os_str().is_empty())
}

fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.tmp.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes temp files a killed writer left behind; only ever called under the lock.
pub fn remove_stale_temp_files(path: &Path) {
    let dir = parent(path).unwrap_or(Path::new("."));
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Replaces the file at `path` with `parts`, one after another, atomically: a temp file in the
/// same folder, flushed to disk, renamed over the old file, and the folder flushed. Needs the lock.
/// The new file takes the mode and owner of `like`: the file it replaces, or the version 1 file
/// it is converted from. `unchanged` is asked just before the rename whether the file is still as
/// it was read.
pub fn replace(
    path: &Path,
    like: &Path,
    parts: &[&[u8]],
    unchanged: impl Fn() -> Result<(), Error>,
) -> anyhow::Result<()> {
    let dir = parent(path).unwrap_or(Path::new("."));
    let temp = dir.join(format!("{}{}", temp_prefix(path), std::process::id()));
    let result = write_and_sync(&temp, parts, like)
        .map_err(|err| Error::io(IoAction::WriteStore, like, err))
        .and_then(|kept| match kept {
            Owner::Kept => Ok(()),
            Owner::WouldChange => Err(Error::OwnerWouldChange(like.to_owned())),
        })
        .and_then(|()| unchanged())
        .and_then(|()| {
            fs::rename(&temp, path).map_err(|err| Error::io(IoAction::WriteStore, path, err))
        });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    // Flush the rename itself; some file systems cannot sync a folder, and the data is safe anyway.
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Whether a file written anew keeps the owner of the one it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Kept,
    /// The file belongs to another user, and a new one would become ours.
    WouldChange,
}

/// Writes the temp file with the mode and the owner of `original`, if there is one. A file that
/// cannot be opened for writing is refused here too, so that the rename path refuses what an
/// append would.
fn write_and_sync(temp: &Path, parts: &[&[u8]], original: &Path) -> io::Result<Owner> {
    let meta = match OpenOptions::new().append(true).open(original) {
        Ok(file) => Some(file.metadata()?),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    if let Some(meta) = meta {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let mine = file.metadata()?;
            if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid())
                && std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid())).is_err()
            {
                return Ok(Owner::WouldChange);
            }
        }
        file.set_permissions(meta.permissions())?;
    }
    for part in parts {
        file.write_all(part)?;
    }
    file.sync_all()?;
    Ok(Owner::Kept)
}

/// The files a store path stands for: the version 2 file every change goes to, and the version 1
/// file read in its place until the first change converts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub v2: PathBuf,
    pub v1: Option<PathBuf>,
}

impl Files {
    /// `progress.yaml` (a version 1 name) stands for `progress.jsonl` beside it, and
    /// `progress.jsonl` looks for a `progress.yaml` to convert, unless that file is plainly
    /// something else (`plan.yaml`, the curriculum, beside the store `plan.jsonl`); any other
    /// name is its own file, whichever version it holds.
    pub fn of(path: &Path) -> Files {
        let ext = path.extension().and_then(|ext| ext.to_str());
        match ext {
            Some("yaml" | "yml") => Files {
                v2: path.with_extension("jsonl"),
                v1: Some(path.to_owned()),
            },
            Some("jsonl") => {
                let v1 = path.with_extension("yaml");
                Files {
                    v2: path.to_owned(),
                    v1: (!is_other_kind(&v1)).then_some(v1),
                }
            }
            _ => Files {
                v2: path.to_owned(),
                v1: None,
            },
        }
    }
}

/// Whether the file at `path` begins as a curriculum or a report does: not a store, whatever
/// its name says. A file that is not there, or cannot be read, is not told apart here.
fn is_other_kind(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut start = Vec::with_capacity(4096);
    if file.take(4096).read_to_end(&mut start).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&start);
    matches!(
        crate::file_kind::sniff(&text),
        Some(crate::file_kind::Kind::Curriculum | crate::file_kind::Kind::Report(_))
    )
}

/// The name a version 1 file is kept under once converted: `progress.v1-backup.yaml`, or with a
/// number when that is taken.
pub fn backup_path(v1: &Path) -> PathBuf {
    let stem = v1.file_stem().unwrap_or_default().to_string_lossy();
    let ext = v1
        .extension()
        .map_or(String::new(), |ext| format!(".{}", ext.to_string_lossy()));
    (1..)
        .map(|n| match n {
            1 => v1.with_file_name(format!("{stem}.v1-backup{ext}")),
            n => v1.with_file_name(format!("{stem}.v1-backup-{n}{ext}")),
        })
        .find(|path| fs::symlink_metadata(path).is_err())
        .unwrap_or_else(|| v1.with_file_name(format!("{stem}.v1-backup{ext}")))
}

/// Whether `name` is what a sync tool calls its copy of the file `own` when two machines changed
/// it at once: Syncthing's `progress.sync-conflict-20261201-101010-ABCDEFG.jsonl`, Dropbox's
/// (and Nextcloud's) `progress (Ada's conflicted copy 2026-12-01).jsonl`.
pub fn is_conflict_copy(name: &str, own: &Path) -> bool {
    let (Some(stem), Some(ext)) = (
        own.file_stem().and_then(|s| s.to_str()),
        own.extension().and_then(|s| s.to_str()),
    ) else {
        return false;
    };
    let Some(middle) = name
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_suffix(ext))
        .and_then(|rest| rest.strip_suffix('.'))
    else {
        return false;
    };
    middle.starts_with(".sync-conflict-")
        || (middle.starts_with(" (") && middle.ends_with(')') && middle.contains("conflicted copy"))
}

/// The conflict copies of the store's files in their folder, sorted by name.
pub fn conflict_copies(files: &Files) -> Vec<PathBuf> {
    let dir = parent(&files.v2).unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            std::iter::once(&files.v2)
                .chain(&files.v1)
                .any(|own| is_conflict_copy(&name, own))
        })
        .map(|entry| entry.path())
        .collect();
    copies.sort();
    copies
}

/// The folder folded conflict copies are kept in: `merged/` beside the store.
pub fn merged_folder(store: &Path) -> PathBuf {
    parent(store).unwrap_or(Path::new(".")).join("merged")
}

/// Moves `copy` into `folder`, under a new name if its own is taken there.
pub fn move_into(copy: &Path, folder: &Path) -> io::Result<()> {
    fs::create_dir_all(folder)?;
    let name = copy.file_name().unwrap_or_default().to_string_lossy();
    let target = (1..)
        .map(|n| match n {
            1 => folder.join(&*name),
            n => folder.join(format!("{n}-{name}")),
        })
        .find(|path| fs::symlink_metadata(path).is_err())
        .unwrap_or_else(|| folder.join(&*name));
    fs::rename(copy, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_tools_conflict_copies_are_recognised() {
        let own = Path::new("/d/progress.jsonl");
        for name in [
            "progress.sync-conflict-20261201-101010-ABCDEFG.jsonl",
            "progress (Ada's conflicted copy 2026-12-01).jsonl",
            "progress (conflicted copy 2026-12-01 101010).jsonl",
        ] {
            assert!(is_conflict_copy(name, own), "{name}");
        }
        for name in [
            "progress.jsonl",
            "progress.jsonl.lock",
            "progress.v1-backup.yaml",
            "progress.sync-conflict-20261201-101010-ABCDEFG.yaml",
            "other.sync-conflict-20261201-101010-ABCDEFG.jsonl",
            "progress (copy).jsonl",
        ] {
            assert!(!is_conflict_copy(name, own), "{name}");
        }
        let v1 = Path::new("/d/progress.yaml");
        assert!(is_conflict_copy(
            "progress.sync-conflict-20261201-101010-A.yaml",
            v1
        ));
    }

    #[test]
    fn a_version_1_name_stands_for_the_version_2_file_beside_it() {
        let files = Files::of(Path::new("/d/progress.yaml"));
        assert_eq!(files.v2, Path::new("/d/progress.jsonl"));
        assert_eq!(files.v1.as_deref(), Some(Path::new("/d/progress.yaml")));
        let files = Files::of(Path::new("/d/mine"));
        assert_eq!((files.v2.as_path(), files.v1), (Path::new("/d/mine"), None));
    }
}
