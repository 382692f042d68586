//! A cache of parsed curricula, so a large curriculum file is not parsed as YAML at every start.
//!
//! One entry per curriculum file, in the cache folder, named after a hash of the file's path. An
//! entry starts with a line naming the studyplan version, the length and hash of the exact YAML
//! bytes it was made from and the hash of the rest, then the parsed curriculum as JSON. It is used
//! only when that line matches the file as it is now and the rest is intact; anything else (no
//! entry, another version, an edited file, a damaged entry) means the YAML is parsed as usual.
//! Entries are written only for curricula that parsed and validated, so a sound entry is exactly
//! what parsing the file again would give. Any failure to read or write the cache is ignored: it
//! is never needed.

use std::fs;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

use super::Curriculum;

/// Files smaller than this parse in well under a millisecond; caching them would cost more.
pub const MIN_SIZE: usize = 64 * 1024;

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// How an entry for `source` must start; the hash of the JSON that follows ends the line.
fn key(source: &[u8]) -> String {
    format!(
        "studyplan-curriculum-cache 1 {} {} {:016x} ",
        env!("CARGO_PKG_VERSION"),
        source.len(),
        hash(source)
    )
}

fn entry_path(dir: &Path, file: &Path) -> PathBuf {
    let absolute = fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    let mut hasher = DefaultHasher::new();
    absolute.hash(&mut hasher);
    dir.join("curricula")
        .join(format!("{:016x}.json", hasher.finish()))
}

/// The curriculum cached for `file` with exactly these bytes, if there is a sound entry.
pub fn lookup(dir: &Path, file: &Path, source: &[u8]) -> Option<Curriculum> {
    let entry = fs::read(entry_path(dir, file)).ok()?;
    let rest = entry.strip_prefix(key(source).as_bytes())?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (checksum, json) = (&rest[..newline], &rest[newline + 1..]);
    if checksum != format!("{:016x}", hash(json)).as_bytes() {
        return None;
    }
    serde_json::from_slice(json).ok()
}

/// Records `curriculum`, parsed and validated from `source`, for `file`. Best effort.
pub fn save(dir: &Path, file: &Path, source: &[u8], curriculum: &Curriculum) {
    let path = entry_path(dir, file);
    let Some(folder) = path.parent() else { return };
    let Ok(json) = serde_json::to_vec(curriculum) else {
        return;
    };
    let mut entry = format!("{}{:016x}\n", key(source), hash(&json)).into_bytes();
    entry.extend_from_slice(&json);
    // A temp file and a rename, so a reader never sees half an entry.
    let temp = path.with_extension(format!("tmp.{}", std::process::id()));
    let written = fs::create_dir_all(folder)
        .and_then(|()| fs::write(&temp, &entry))
        .and_then(|()| fs::rename(&temp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
}
