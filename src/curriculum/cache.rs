//! A cache of parsed curricula, so a large curriculum file is not parsed as YAML at every start.
//!
//! One entry per curriculum file, in the cache folder, named after a hash of the file's path. An
//! entry starts with a line naming the studyplan version and the entry format, the length and hash
//! of the exact YAML bytes it was made from and the hash of the rest, then the parsed curriculum in
//! the program's binary encoding (`codec.rs`; a tenth of the work of reading it back as JSON). It
//! is used only when that line matches the file as it is now and the rest is intact and reads
//! whole; anything else (no entry, another version, an edited file, a damaged entry) means the
//! YAML is parsed as usual. Entries are written only for curricula that parsed and validated, and
//! an entry read back is validated again (a planted one could hold anything), so a sound entry is
//! exactly what parsing the file again would give. Any failure to read or write the cache is
//! ignored: it is never needed.

use std::fs;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Curriculum;
use super::codec::{self, decode, encode};

/// Files smaller than this parse in well under a millisecond; caching them would cost more.
pub const MIN_SIZE: usize = 64 * 1024;

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// How an entry for `source` must start; the hash of the data that follows ends the line. It
/// names the encoding's version, so a build that lays the data out differently never reads an
/// entry another build wrote.
fn key(source: &[u8]) -> String {
    format!(
        "studyplan-curriculum-cache {} {} {} {:016x} ",
        env!("CARGO_PKG_VERSION"),
        codec::FORMAT,
        source.len(),
        hash(source)
    )
}

fn entry_path(dir: &Path, file: &Path) -> PathBuf {
    let absolute = fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    let mut hasher = DefaultHasher::new();
    absolute.hash(&mut hasher);
    dir.join("curricula")
        .join(format!("{:016x}.bin", hasher.finish()))
}

/// Entries larger than this are neither written nor read. A curriculum file is at most 16 MiB,
/// but one that repeats a long text through YAML aliases can take far more once parsed; parsing
/// it again is better than keeping that.
const MAX_ENTRY: usize = 64 << 20;

/// The curriculum cached for `file` with exactly these bytes, if there is a sound entry.
pub fn lookup(dir: &Path, file: &Path, source: &[u8]) -> Option<Curriculum> {
    lookup_within(dir, file, source, MAX_ENTRY)
}

fn lookup_within(dir: &Path, file: &Path, source: &[u8], max: usize) -> Option<Curriculum> {
    // Never a FIFO or a device planted as an entry: it could block, or never end.
    let file = crate::files::open_regular(&entry_path(dir, file)).ok()?;
    let mut entry = Vec::new();
    file.take(max as u64 + 1).read_to_end(&mut entry).ok()?;
    if entry.len() > max {
        return None;
    }
    let rest = entry.strip_prefix(key(source).as_bytes())?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (checksum, data) = (&rest[..newline], &rest[newline + 1..]);
    if checksum != format!("{:016x}", hash(data)).as_bytes() {
        return None;
    }
    // The checksum finds damage, not intent: anyone can write an entry that matches. So what an
    // entry holds passes the same rules as a parsed file, or the file is parsed again.
    decode(data).filter(|curriculum| super::validate(curriculum).is_empty())
}

/// Records `curriculum`, parsed and validated from `source`, for `file`. Best effort.
pub fn save(dir: &Path, file: &Path, source: &[u8], curriculum: &Curriculum) {
    let path = entry_path(dir, file);
    let Some(folder) = path.parent() else { return };
    let data = encode(curriculum);
    let mut entry = format!("{}{:016x}\n", key(source), hash(&data)).into_bytes();
    if entry.len() + data.len() > MAX_ENTRY {
        return;
    }
    entry.extend_from_slice(&data);
    // A temp file and a rename, so a reader never sees half an entry.
    let temp = path.with_extension(format!("tmp.{}", std::process::id()));
    let written = fs::create_dir_all(folder)
        .and_then(|()| fs::write(&temp, &entry))
        .and_then(|()| fs::rename(&temp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    // Earlier versions kept the entry as JSON; it will never be read again.
    let _ = fs::remove_file(path.with_extension("json"));
    remove_stale_temp_files(&path);
}

/// Removes the temp files a writer of the entry at `path` left when it was killed. One written
/// in the last minute may belong to a writer still at work, and is left to it.
fn remove_stale_temp_files(path: &Path) {
    let (Some(folder), Some(stem)) = (path.parent(), path.file_stem()) else {
        return;
    };
    let prefix = format!("{}.tmp.", stem.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| {
                modified
                    .elapsed()
                    .is_ok_and(|age| age > Duration::from_secs(60))
            });
        if stale && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_by_file_and_bytes_and_never_when_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.yaml");
        let source = b"the yaml bytes";
        let curriculum = crate::curriculum::embedded_curriculum();
        save(dir.path(), &file, source, &curriculum);
        assert_eq!(lookup(dir.path(), &file, source), Some(curriculum.clone()));
        assert_eq!(lookup(dir.path(), &file, b"other bytes"), None);
        // The same sound entry, over a limit, is not read.
        let size = fs::metadata(entry_path(dir.path(), &file)).unwrap().len() as usize;
        assert_eq!(
            lookup_within(dir.path(), &file, source, size),
            Some(curriculum)
        );
        assert_eq!(lookup_within(dir.path(), &file, source, size - 1), None);
    }

    #[test]
    fn an_entry_that_breaks_the_rules_is_never_taken() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.yaml");
        let source = b"the yaml bytes";
        let sound = crate::curriculum::embedded_curriculum();
        let mut no_days = sound.clone();
        no_days.stages[0].days = 0;
        let mut endless = sound.clone();
        endless.genius_days = Some(i64::MIN);
        let mut no_band = sound.clone();
        no_band.band.low = f64::NAN;
        let mut renamed_onto_itself = sound.clone();
        let id = renamed_onto_itself.stages[0].topics[0].id.clone();
        renamed_onto_itself.stages[1].topics[0].was = vec![id];
        for planted in [no_days, endless, no_band, renamed_onto_itself] {
            save(dir.path(), &file, source, &planted);
            assert_eq!(lookup(dir.path(), &file, source), None, "{planted:?}");
        }
        save(dir.path(), &file, source, &sound);
        assert_eq!(lookup(dir.path(), &file, source), Some(sound));
    }

    #[test]
    fn temp_files_a_killed_writer_left_are_removed_once_a_minute_old() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.yaml");
        let entry = entry_path(dir.path(), &file);
        fs::create_dir_all(entry.parent().unwrap()).unwrap();
        let old = entry.with_extension("tmp.1");
        let fresh = entry.with_extension("tmp.2");
        let other = entry.with_file_name("0000000000000000.tmp.3");
        for temp in [&old, &fresh, &other] {
            fs::write(temp, "half an entry").unwrap();
        }
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        for temp in [&old, &other] {
            let handle = fs::File::options().write(true).open(temp).unwrap();
            handle.set_modified(an_hour_ago).unwrap();
        }
        save(
            dir.path(),
            &file,
            b"yaml",
            &crate::curriculum::embedded_curriculum(),
        );
        assert!(!old.exists());
        assert!(fresh.exists());
        assert!(
            other.exists(),
            "another file's entry is its own writer's business"
        );
    }
}
