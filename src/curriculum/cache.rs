//! A cache of parsed curricula, so a large curriculum file is not parsed as YAML at every start.
//!
//! One entry per curriculum file, in the cache folder, named after a hash of the file's path. An
//! entry starts with a line naming the studyplan version and the entry format, the length and hash
//! of the exact YAML bytes it was made from and the hash of the rest, then the parsed curriculum in
//! a compact binary form (a tenth of the work of reading it back as JSON). It is used only when that
//! line matches the file as it is now and the rest is intact and reads whole; anything else (no
//! entry, another version, an edited file, a damaged entry) means the YAML is parsed as usual.
//! Entries are written only for curricula that parsed and validated, so a sound entry is exactly
//! what parsing the file again would give. Any failure to read or write the cache is ignored: it
//! is never needed.

use std::fs;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

use super::Curriculum;
use super::schema::{Band, Stage, Text, Topic};

/// Files smaller than this parse in well under a millisecond; caching them would cost more.
pub const MIN_SIZE: usize = 64 * 1024;

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// How an entry for `source` must start; the hash of the data that follows ends the line. The
/// build script fingerprints this file and the schema, so a build that lays the data out
/// differently never reads an entry another build wrote.
fn key(source: &[u8]) -> String {
    format!(
        "studyplan-curriculum-cache {} {} {} {:016x} ",
        env!("CARGO_PKG_VERSION"),
        env!("STUDYPLAN_CACHE_FORMAT"),
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

/// The curriculum cached for `file` with exactly these bytes, if there is a sound entry.
pub fn lookup(dir: &Path, file: &Path, source: &[u8]) -> Option<Curriculum> {
    let entry = fs::read(entry_path(dir, file)).ok()?;
    let rest = entry.strip_prefix(key(source).as_bytes())?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (checksum, data) = (&rest[..newline], &rest[newline + 1..]);
    if checksum != format!("{:016x}", hash(data)).as_bytes() {
        return None;
    }
    decode(data)
}

/// Records `curriculum`, parsed and validated from `source`, for `file`. Best effort.
pub fn save(dir: &Path, file: &Path, source: &[u8], curriculum: &Curriculum) {
    let path = entry_path(dir, file);
    let Some(folder) = path.parent() else { return };
    let data = encode(curriculum);
    let mut entry = format!("{}{:016x}\n", key(source), hash(&data)).into_bytes();
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
}

/// The curriculum as bytes: strings as a little-endian `u32` length and UTF-8, lists as a count
/// and their items, optional values behind a `0`/`1` byte, numbers in 8 little-endian bytes.
fn encode(curriculum: &Curriculum) -> Vec<u8> {
    let Curriculum {
        id,
        title,
        description,
        band: Band { low, high },
        genius_days,
        stages,
    } = curriculum;
    let mut out = Writer(Vec::with_capacity(64 * 1024));
    out.str(id);
    out.text(title);
    out.option(description.as_ref(), Writer::text);
    out.bytes(&low.to_le_bytes());
    out.bytes(&high.to_le_bytes());
    out.option(genius_days.as_ref(), |out, days| {
        out.bytes(&days.to_le_bytes())
    });
    out.len(stages.len());
    for Stage {
        id,
        title,
        days,
        goal,
        topics,
    } in stages
    {
        out.str(id);
        out.text(title);
        out.bytes(&days.to_le_bytes());
        out.option(goal.as_ref(), Writer::text);
        out.len(topics.len());
        for Topic {
            id,
            title,
            description,
            links,
        } in topics
        {
            out.str(id);
            out.text(title);
            out.option(description.as_ref(), Writer::text);
            out.len(links.len());
            for link in links {
                out.str(link);
            }
        }
    }
    out.0
}

/// Reads what [`encode`] wrote, or nothing when the bytes are not exactly that.
fn decode(data: &[u8]) -> Option<Curriculum> {
    let mut input = Reader(data);
    let input = &mut input;
    let curriculum = Curriculum {
        id: input.string()?,
        title: input.text()?,
        description: input.option(Reader::text)?,
        band: Band {
            low: f64::from_le_bytes(input.array()?),
            high: f64::from_le_bytes(input.array()?),
        },
        genius_days: input.option(|input| Some(i64::from_le_bytes(input.array()?)))?,
        stages: input.list(|input| {
            Some(Stage {
                id: input.string()?,
                title: input.text()?,
                days: i64::from_le_bytes(input.array()?),
                goal: input.option(Reader::text)?,
                topics: input.list(|input| {
                    Some(Topic {
                        id: input.string()?,
                        title: input.text()?,
                        description: input.option(Reader::text)?,
                        links: input.list(Reader::string)?,
                    })
                })?,
            })
        })?,
    };
    input.0.is_empty().then_some(curriculum)
}

struct Writer(Vec<u8>);

impl Writer {
    fn bytes(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn len(&mut self, len: usize) {
        // Curricula are capped at 16 MiB, so every length fits.
        self.bytes(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
    }

    fn str(&mut self, value: &str) {
        self.len(value.len());
        self.bytes(value.as_bytes());
    }

    fn option<T>(&mut self, value: Option<&T>, write: impl Fn(&mut Writer, &T)) {
        match value {
            Some(value) => {
                self.0.push(1);
                write(self, value);
            }
            None => self.0.push(0),
        }
    }

    fn text(&mut self, text: &Text) {
        self.option(text.zh.as_ref(), |out, zh| out.str(zh));
        self.option(text.en.as_ref(), |out, en| out.str(en));
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Option<&[u8]> {
        let (taken, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        Some(taken)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.array()?)).ok()
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }

    fn option<T>(&mut self, read: impl Fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.take(1)? {
            [0] => Some(None),
            [1] => read(self).map(Some),
            _ => None,
        }
    }

    fn list<T>(&mut self, read: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.len()?;
        // Each item takes at least one byte, so a damaged count cannot ask for much memory.
        let mut items = Vec::with_capacity(len.min(self.0.len()));
        for _ in 0..len {
            items.push(read(self)?);
        }
        Some(items)
    }

    fn text(&mut self) -> Option<Text> {
        Some(Text {
            zh: self.option(Reader::string)?,
            en: self.option(Reader::string)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curricula_read_back_exactly_as_written() {
        let mut full = crate::curriculum::embedded_curriculum();
        full.description = Some(Text {
            zh: Some("说明".into()),
            en: None,
        });
        full.genius_days = None;
        let topic = &mut full.stages[1].topics[2];
        topic.description = Some(Text {
            zh: None,
            en: Some("more".into()),
        });
        topic.links = vec!["https://example.com/a".into(), String::new()];
        full.stages[0].goal = None;
        for curriculum in [crate::curriculum::embedded_curriculum(), full] {
            let data = encode(&curriculum);
            assert_eq!(decode(&data).as_ref(), Some(&curriculum));
            // Anything cut off or added is not taken for a curriculum.
            for len in [0, 1, data.len() / 2, data.len() - 1] {
                assert_eq!(decode(&data[..len]), None, "cut to {len}");
            }
            let mut longer = data.clone();
            longer.push(0);
            assert_eq!(decode(&longer), None);
        }
    }
}
