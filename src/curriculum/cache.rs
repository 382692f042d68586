//! A cache of parsed curricula, so a large curriculum file is not parsed as YAML at every start.
//!
//! One entry per curriculum file, in the cache folder, named after a hash of the file's path. An
//! entry starts with a line naming the studyplan version and the entry format, the length and hash
//! of the exact YAML bytes it was made from and the hash of the rest, then the parsed curriculum in
//! a compact binary form (a tenth of the work of reading it back as JSON). It is used only when that
//! line matches the file as it is now and the rest is intact and reads whole; anything else (no
//! entry, another version, an edited file, a damaged entry) means the YAML is parsed as usual.
//! Entries are written only for curricula that parsed and validated, and an entry read back is
//! validated again (a planted one could hold anything), so a sound entry is exactly what parsing
//! the file again would give. Any failure to read or write the cache is ignored: it
//! is never needed.

use std::fs;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
            was,
        } in topics
        {
            out.str(id);
            out.text(title);
            out.option(description.as_ref(), Writer::text);
            out.len(links.len());
            for link in links {
                out.str(link);
            }
            out.len(was.len());
            for old in was {
                out.str(old);
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
        stages: input.list(STAGE_BYTES, |input| {
            Some(Stage {
                id: input.string()?,
                title: input.text()?,
                days: i64::from_le_bytes(input.array()?),
                goal: input.option(Reader::text)?,
                topics: input.list(TOPIC_BYTES, |input| {
                    Some(Topic {
                        id: input.string()?,
                        title: input.text()?,
                        description: input.option(Reader::text)?,
                        links: input.list(4, Reader::string)?,
                        was: input.list(4, Reader::string)?,
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

/// The fewest bytes a topic takes: an id's length, a title in one language (a flag, a length and
/// a flag), the flag for no description, the count of links and the count of old ids.
const TOPIC_BYTES: usize = 4 + 6 + 1 + 4 + 4;
/// The fewest bytes a stage takes: an id's length, a title, days, the flag for no goal and the
/// count of topics.
const STAGE_BYTES: usize = 4 + 6 + 8 + 1 + 4;

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

    /// A list of items that each take at least `min_bytes`.
    fn list<T>(
        &mut self,
        min_bytes: usize,
        read: impl Fn(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let len = self.len()?;
        // No more room than the bytes left could hold, so a wrong count asks for little memory.
        let mut items = Vec::with_capacity(len.min(self.0.len() / min_bytes));
        for _ in 0..len {
            items.push(read(self)?);
        }
        Some(items)
    }

    /// A text, which is in at least one language.
    fn text(&mut self) -> Option<Text> {
        let text = Text {
            zh: self.option(Reader::string)?,
            en: self.option(Reader::string)?,
        };
        (text.zh.is_some() || text.en.is_some()).then_some(text)
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
        topic.was = vec!["old-id".into()];
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

    #[test]
    fn the_fewest_bytes_an_item_takes_are_what_the_smallest_one_is_written_as() {
        let one = |zh: &str| Text {
            zh: Some(zh.into()),
            en: None,
        };
        let topic = Topic {
            id: String::new(),
            title: one(""),
            description: None,
            links: Vec::new(),
            was: Vec::new(),
        };
        let stage = Stage {
            id: String::new(),
            title: one(""),
            days: 0,
            goal: None,
            topics: Vec::new(),
        };
        let mut curriculum = crate::curriculum::embedded_curriculum();
        let empty = encode(&Curriculum {
            stages: Vec::new(),
            ..curriculum.clone()
        });
        curriculum.stages = vec![stage.clone()];
        assert_eq!(encode(&curriculum).len() - empty.len(), STAGE_BYTES);
        curriculum.stages[0].topics = vec![topic];
        assert_eq!(
            encode(&curriculum).len() - empty.len(),
            STAGE_BYTES + TOPIC_BYTES
        );
    }

    #[test]
    fn an_entry_no_build_would_write_is_not_taken() {
        let mut curriculum = crate::curriculum::embedded_curriculum();
        curriculum.stages[0].title = Text { zh: None, en: None };
        assert_eq!(decode(&encode(&curriculum)), None);
        // A count of four billion stages, and nothing after it.
        let mut huge = encode(&Curriculum {
            stages: Vec::new(),
            ..crate::curriculum::embedded_curriculum()
        });
        let count = huge.len() - 4;
        huge[count..].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&huge), None);
    }

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
