//! The curriculum: its YAML format, the embedded roadmap, validation, and naming a topic.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Msg, PartName};

pub use error::Error;
pub use resolve::{Named, Unresolved, UnresolvedName, matching_lang};
pub use syntax::{Context, Syntax};
pub use validate::{Part, Problem, ProblemKind, is_position_like, is_valid_id, validate};

pub(crate) mod locate;

/// The roadmap that ships inside the binary.
pub const EMBEDDED_YAML: &str = include_str!("../curriculum/llm-roadmap.yaml");

/// How the embedded roadmap is named in messages.
pub const EMBEDDED_NAME: &str = "<embedded llm-roadmap.yaml>";

mod cache;
mod codec;
mod error;
mod resolve;
mod schema;
mod syntax;
pub(crate) use syntax::tab_near;
mod validate;

pub use schema::{Band, Curriculum, Stage, Text, Topic};

impl Text {
    /// The text in `lang`, or in the other language when the curriculum has only that.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        first.as_deref().or(second.as_deref()).unwrap_or_default()
    }
}

/// Where a topic sits: indexes into `stages` and the stage's `topics`, both from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pos {
    /// Index of the stage.
    pub stage: usize,
    /// Index of the topic within its stage.
    pub topic: usize,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}.{}", self.stage + 1, self.topic + 1)
    }
}

/// A curriculum checked and indexed for lookups.
#[derive(Debug)]
pub struct Loaded {
    /// The curriculum itself.
    pub curriculum: Curriculum,
    /// Where it came from, for messages.
    pub source: String,
    /// Every topic's position, in curriculum order.
    pub order: Vec<Pos>,
    /// Each topic's index in `order`, by stable id.
    by_id: HashMap<String, usize, IdHash>,
    /// Each renamed topic's index in `order`, by the ids it had before (its `was`).
    by_old_id: HashMap<String, usize, IdHash>,
}

/// Hashing for topic ids, looked up once per change in the store: ids are short and come from
/// the learner's own files, so rustc's FxHash is safe here and several times cheaper than the
/// default SipHash.
pub type IdHash = rustc_hash::FxBuildHasher;

/// Where to read a curriculum from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The roadmap built into the binary.
    Embedded,
    /// A YAML file.
    File(PathBuf),
}

/// Loads, parses and validates the curriculum from `source`.
pub fn load(source: &Source) -> Result<Loaded, Error> {
    load_cached(source, None)
}

/// Like [`load`], keeping parsed copies of large curriculum files in the folder `cache`, if one
/// is given (see `curriculum/cache.rs`). The result is the same with or without it.
pub fn load_cached(source: &Source, cache: Option<&Path>) -> Result<Loaded, Error> {
    match source {
        // Validated by the test `embedded_roadmap_is_valid_and_has_the_seeds_shape`, so not again at
        // every start: that took a sixth of a `status` run.
        Source::Embedded => Ok(Loaded::new(embedded_curriculum(), EMBEDDED_NAME.to_owned())),
        Source::File(path) => {
            let bytes = read_capped(path).map_err(|cause| Error::Unreadable {
                file: path.display().to_string(),
                cause,
            })?;
            let name = path.display().to_string();
            if bytes.len() > MAX_FILE_SIZE {
                // A store with years of history is larger than any curriculum.
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 16)]);
                if let Some(found) = misplaced(&head) {
                    return Err(wrong_kind(path, found));
                }
                return Err(Error::Syntax {
                    file: name,
                    location: None,
                    problem: Syntax::TooLarge {
                        mib: MAX_FILE_SIZE >> 20,
                    },
                });
            }
            let cache = cache.filter(|_| bytes.len() >= cache::MIN_SIZE);
            if let Some(curriculum) = cache.and_then(|dir| cache::lookup(dir, path, &bytes)) {
                return Ok(Loaded::new(curriculum, name));
            }
            let text = std::str::from_utf8(&bytes).map_err(|err| Error::Syntax {
                file: name.clone(),
                location: Some(location_of_byte(&bytes, err.valid_up_to())),
                problem: Syntax::NotUtf8,
            })?;
            // Editors on some systems start a UTF-8 file with a byte-order mark; it is not content.
            let loaded = parse(text.strip_prefix('\u{feff}').unwrap_or(text), &name).map_err(
                |err| match (&err, misplaced(text)) {
                    (Error::Syntax { .. } | Error::Invalid { .. }, Some(found)) => {
                        wrong_kind(path, found)
                    }
                    _ => err,
                },
            )?;
            if let Some(dir) = cache {
                cache::save(dir, path, &bytes, &loaded.curriculum);
            }
            Ok(loaded)
        }
    }
}

/// What a file that fails as a curriculum is instead, when it is a store or a report.
fn misplaced(text: &str) -> Option<crate::file_kind::Kind> {
    use crate::file_kind::{Kind, sniff};
    sniff(text).filter(|kind| *kind != Kind::Curriculum)
}

fn wrong_kind(path: &Path, found: crate::file_kind::Kind) -> Error {
    Error::Misplaced {
        path: path.to_owned(),
        found,
    }
}

/// The longest plan, stage or genius window, in days: a hundred years keeps every date of the
/// calendar well inside what dates can hold.
pub const MAX_DAYS: i64 = 36_500;

/// The largest curriculum file read. A bigger one is refused before it is parsed, so a runaway
/// file cannot make every command slow or hungry.
pub const MAX_FILE_SIZE: usize = 16 << 20;

/// Reads at most one byte more than [`MAX_FILE_SIZE`], so an oversized file is never read whole.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    crate::files::open_regular(path)?
        .take(MAX_FILE_SIZE as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses and validates curriculum YAML; `name` says where it came from in messages.
pub fn parse(text: &str, name: &str) -> Result<Loaded, Error> {
    if let Some(offset) = too_deep(text) {
        return Err(Error::Syntax {
            file: name.to_owned(),
            location: Some(location_of_byte(text.as_bytes(), offset)),
            problem: Syntax::TooDeep {
                max: MAX_FLOW_DEPTH,
            },
        });
    }
    if let Some(location) = aliases_expand_beyond(text, MAX_EXPANDED as u64) {
        return Err(Error::ExpandsTooMuch {
            file: name.to_owned(),
            location,
            limit_mib: MAX_EXPANDED >> 20,
        });
    }
    let curriculum: Curriculum = match serde_yaml::from_str(text) {
        Ok(curriculum) => curriculum,
        Err(err) => return Err(unreadable(&err, text, name)),
    };
    let mut problems = validate(&curriculum);
    if !problems.is_empty() {
        let positions = locate::positions(text);
        for problem in &mut problems {
            problem.location = positions.find(&problem.path);
        }
        // In file order, as a compiler lists them.
        problems.sort_by_key(|problem| problem.location);
        return Err(Error::Invalid {
            file: name.to_owned(),
            problems,
        });
    }
    Ok(Loaded::new(curriculum, name.to_owned()))
}

/// Why `text` did not read as a curriculum: every key the schema does not know, each with the key
/// it was meant to be, and what else the reader stopped at, in the learner's words.
fn unreadable(err: &serde_yaml::Error, text: &str, name: &str) -> Error {
    let (syntax, mut location) = Syntax::explain(err, text);
    let positions = locate::positions(text);
    if let Syntax::Duplicate { path, field } = &syntax {
        // The reader points at the map; the second key is what to remove.
        let path = format!("{path}.{field}").replace('[', ".").replace(']', "");
        location = positions
            .repeated(path.trim_start_matches('.'))
            .or(location);
    }
    let mut problems = syntax::unknown_keys(&positions);
    if problems.is_empty() {
        return Error::Syntax {
            file: name.to_owned(),
            location,
            problem: syntax,
        };
    }
    // The reader stops at the first unknown key, which the list has; anything else it stopped
    // at is one more problem.
    if !err.to_string().contains("unknown field `") {
        problems.push(Problem {
            kind: ProblemKind::Syntax(syntax),
            path: String::new(),
            location,
        });
        problems.sort_by_key(|problem| problem.location);
    }
    Error::Invalid {
        file: name.to_owned(),
        problems,
    }
}

/// The embedded roadmap in [`codec`]'s encoding, written by build.rs from `EMBEDDED_YAML`, so no
/// YAML is parsed at run time.
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.bin"));

/// The embedded roadmap, parsed when studyplan was built.
fn embedded_curriculum() -> Curriculum {
    // build.rs read these very bytes back before it wrote them, with this codec.
    codec::decode(EMBEDDED).expect("build.rs writes a curriculum that reads back")
}

/// How deep `[` and `{` may nest. The YAML reader takes time quadratic in this depth (10,000
/// levels: 0.4 s, 100,000: a minute), and a real curriculum needs two or three.
const MAX_FLOW_DEPTH: usize = 1000;

/// Where `[` and `{` first nest deeper than [`MAX_FLOW_DEPTH`], counting every bracket, even in
/// strings and comments: a real curriculum is far from the limit either way.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, byte) in text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// How large a curriculum may grow once its aliases (`*name`) are expanded, in bytes of text plus
/// [`NODE_BYTES`] for each value: four times the largest file read. The YAML reader copies an
/// anchor's value at every alias, so a small file can repeat a long text into gigabytes.
pub const MAX_EXPANDED: usize = 4 * MAX_FILE_SIZE;

/// What each value counts for in [`MAX_EXPANDED`], besides its text, so that a million aliases of
/// an empty value count too.
const NODE_BYTES: u64 = 16;

/// Where the aliases of the YAML `text` first make it larger than `limit` once expanded (as
/// [`MAX_EXPANDED`] counts): the line and column of that alias. Walks the events once, never
/// expanding anything; a text with no `&` or no `*` has no aliases and is not walked at all.
pub fn aliases_expand_beyond(text: &str, limit: u64) -> Option<(usize, usize)> {
    use saphyr_parser::{Event, Parser};
    let bytes = text.as_bytes();
    if memchr::memchr(b'&', bytes).is_none() || memchr::memchr(b'*', bytes).is_none() {
        return None;
    }
    // The expanded size so far, each anchor's expanded size, and for each open list or map its
    // anchor and the size when it opened.
    let mut total: u64 = 0;
    let mut anchors: HashMap<usize, u64> = HashMap::new();
    let mut open: Vec<(usize, u64)> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        match event {
            Event::Scalar(value, _, anchor, _) => {
                let size = value.len() as u64 + NODE_BYTES;
                total = total.saturating_add(size);
                if anchor > 0 {
                    anchors.insert(anchor, size);
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, total));
                total = total.saturating_add(NODE_BYTES);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, start)) = open.pop()
                    && anchor > 0
                {
                    anchors.insert(anchor, total - start);
                }
            }
            Event::Alias(anchor) => {
                total = total.saturating_add(anchors.get(&anchor).copied().unwrap_or(0));
                if total > limit {
                    return Some((span.start.line(), span.start.col() + 1));
                }
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    None
}

fn location_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

impl Loaded {
    /// Indexes a curriculum that has passed [`validate`].
    pub fn new(curriculum: Curriculum, source: String) -> Loaded {
        let order: Vec<Pos> = curriculum
            .stages
            .iter()
            .enumerate()
            .flat_map(|(s, stage)| (0..stage.topics.len()).map(move |t| Pos { stage: s, topic: t }))
            .collect();
        let mut by_id = HashMap::with_capacity_and_hasher(order.len(), IdHash::default());
        let mut by_old_id = HashMap::with_hasher(IdHash::default());
        for (index, &pos) in order.iter().enumerate() {
            let topic = &curriculum.stages[pos.stage].topics[pos.topic];
            by_id.insert(topic.id.clone(), index);
            for old in &topic.was {
                by_old_id.insert(old.clone(), index);
            }
        }
        Loaded {
            curriculum,
            source,
            order,
            by_id,
            by_old_id,
        }
    }

    /// The topic at `pos`.
    pub fn topic(&self, pos: Pos) -> &Topic {
        &self.curriculum.stages[pos.stage].topics[pos.topic]
    }

    /// The position of the topic whose progress is stored under `id`: its stable id, or one it
    /// had before it was renamed.
    pub fn position_of(&self, id: &str) -> Option<Pos> {
        self.index_of(id).map(|index| self.order[index])
    }

    /// The index in [`Loaded::order`] of the topic whose progress is stored under `id`: its
    /// stable id, or one it had before it was renamed (its `was`).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id
            .get(id)
            .or_else(|| self.by_old_id.get(id))
            .copied()
    }

    /// Whether `id` is an id a topic had before it was renamed, not the id of any topic now.
    pub fn is_old_id(&self, id: &str) -> bool {
        self.by_old_id.contains_key(id)
    }

    /// How many topics the curriculum has.
    pub fn topic_count(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::resolve::{closest, edit_distance};
    use super::*;

    fn embedded() -> Loaded {
        load(&Source::Embedded).expect("the embedded roadmap is valid")
    }

    #[test]
    fn embedded_roadmap_is_valid_and_has_the_seeds_shape() {
        let loaded = embedded();
        let c = &loaded.curriculum;
        assert!(validate(c).is_empty(), "{:?}", validate(c));
        let shape: Vec<(&str, i64, usize)> = c
            .stages
            .iter()
            .map(|s| (s.title.get(Lang::Zh), s.days, s.topics.len()))
            .collect();
        assert_eq!(
            shape,
            [
                ("初阶应用", 10, 11),
                ("高阶应用", 30, 9),
                ("模型训练", 30, 9),
                ("商业闭环", 20, 12)
            ]
        );
        assert_eq!(loaded.topic_count(), 41);
        assert_eq!(
            c.band,
            Band {
                low: 0.60,
                high: 0.70
            }
        );
        assert_eq!(c.genius_days, Some(15));
        for &pos in &loaded.order {
            let topic = loaded.topic(pos);
            assert!(
                topic.title.zh.is_some() && topic.title.en.is_some(),
                "{}",
                topic.id
            );
        }
    }

    #[test]
    fn the_data_built_in_at_build_time_is_the_embedded_yaml() {
        let parsed = parse(EMBEDDED_YAML, EMBEDDED_NAME).expect("the embedded YAML parses");
        assert_eq!(parsed.curriculum, embedded().curriculum);
    }

    #[test]
    fn the_repeated_rag_topic_keeps_its_own_id() {
        let loaded = embedded();
        let first = loaded.position_of("why-rag").unwrap();
        let again = loaded.position_of("why-rag-revisited").unwrap();
        assert_eq!(loaded.topic(first).title.zh, loaded.topic(again).title.zh);
        assert_eq!(
            (first.to_string(), again.to_string()),
            ("2.1".into(), "3.1".into())
        );
    }

    #[test]
    fn resolves_ids_positions_and_unique_title_pieces() {
        let loaded = embedded();
        let at = |q: &str| loaded.resolve(q).map(|pos| pos.to_string());
        assert_eq!(at("embeddings"), Ok("2.4".into()));
        assert_eq!(at("2.4"), Ok("2.4".into()));
        assert_eq!(at("4.12"), Ok("4.12".into()));
        assert_eq!(at("vllm"), Ok("4.8".into()));
        assert_eq!(at("思维链"), Ok("1.10".into()));
        assert_eq!(at("CONTENT SAFETY"), Ok("4.11".into()));
    }

    #[test]
    fn ambiguous_and_unknown_names_are_told_apart() {
        let loaded = embedded();
        match loaded.resolve("rag") {
            Err(Unresolved::Ambiguous(found)) => assert_eq!(found.len(), 5),
            other => panic!("expected ambiguous, got {other:?}"),
        }
        assert_eq!(
            loaded.resolve("embedings"),
            Err(Unresolved::Unknown(vec!["embeddings".into()]))
        );
        assert!(matches!(loaded.resolve("5.1"), Err(Unresolved::Unknown(_))));
        assert!(matches!(loaded.resolve("1.0"), Err(Unresolved::Unknown(_))));
        assert!(matches!(loaded.resolve(""), Err(Unresolved::Unknown(_))));
    }

    #[test]
    fn a_unique_start_of_an_id_names_its_topic_and_a_shared_one_is_ambiguous() {
        let loaded = embedded();
        let at = |q: &str| loaded.resolve(q).map(|pos| loaded.topic(pos).id.clone());
        assert_eq!(at("vector-data"), Ok("vector-databases".into()));
        assert_eq!(at("prompt-eng"), Ok("prompt-engineering".into()));
        assert_eq!(at("cot"), Ok("cot-and-tot".into()));
        assert_eq!(at("WHY-RAG"), Ok("why-rag".into()));
        match loaded.resolve("prompt-a") {
            Err(Unresolved::Ambiguous(found)) => assert_eq!(
                found.iter().map(|&pos| pos.to_string()).collect::<Vec<_>>(),
                ["1.8", "1.11"]
            ),
            other => panic!("expected ambiguous, got {other:?}"),
        }
    }

    #[test]
    fn suggestions_rank_prefixes_then_pieces_then_edits() {
        let ids = [
            "vector-rag",
            "vector-databases",
            "embeddings",
            "what-llms-can-do",
        ];
        let near = |q: &str| closest(q, ids.into_iter());
        // An id the typed word starts with beats one a few edits away.
        assert_eq!(near("vector-databasesx"), ["vector-databases"]);
        assert_eq!(near("vector-ragx"), ["vector-rag"]);
        // A piece inside an id.
        assert_eq!(near("llms"), ["what-llms-can-do"]);
        assert_eq!(near("the-embeddings"), ["embeddings"]);
        // Edits last, closest first.
        assert_eq!(near("vector-rog"), ["vector-rag"]);
        assert_eq!(near("embedings"), ["embeddings"]);
        assert!(near("zzz").is_empty());
        assert!(near("").is_empty());
        let ranked = closest(
            "vector-ra",
            ["vector-databases", "vector-ra-x", "vector-rb"].into_iter(),
        );
        assert_eq!(ranked, ["vector-ra-x", "vector-rb"]);
    }

    #[test]
    fn show_takes_topics_first_then_stages() {
        let loaded = embedded();
        let named = |q: &str| loaded.resolve_named(q);
        assert_eq!(named("2.4"), Ok(Named::Topic(Pos { stage: 1, topic: 3 })));
        assert_eq!(
            named("embeddings"),
            Ok(Named::Topic(Pos { stage: 1, topic: 3 }))
        );
        assert_eq!(named("2"), Ok(Named::Stage(1)));
        assert_eq!(named("model-training"), Ok(Named::Stage(2)));
        assert_eq!(named("商业闭环"), Ok(Named::Stage(3)));
        assert_eq!(named("9"), Err(UnresolvedName::NoSuchStage));
        assert!(matches!(named("rag"), Err(UnresolvedName::Topics(_))));
        assert_eq!(
            named("model-trainin"),
            Err(UnresolvedName::Unknown(vec!["model-training".into()]))
        );
        // Both stage titles hold 阶, no topic does.
        let tiny = parse(
            &format!(
                "{BASE}stages:\n- {{id: s1, title: 一阶, days: 1, topics: [{{id: t, title: T}}]}}\n\
                 - {{id: s2, title: 二阶, days: 1, topics: [{{id: u, title: U}}]}}\n"
            ),
            "t.yaml",
        )
        .unwrap();
        assert_eq!(
            tiny.resolve_named("阶"),
            Err(UnresolvedName::Stages(vec![0, 1]))
        );
    }

    #[test]
    fn the_language_that_matched_is_told() {
        let text = Text {
            zh: Some("向量数据库".into()),
            en: Some("Vector databases".into()),
        };
        assert_eq!(matching_lang(&text, "向量", Lang::En), Some(Lang::Zh));
        assert_eq!(matching_lang(&text, "VECTOR", Lang::Zh), Some(Lang::En));
        assert_eq!(matching_lang(&text, "vector-d", Lang::En), None);
    }

    #[test]
    fn text_takes_a_string_or_both_languages_and_falls_back() {
        let both: Text = serde_yaml::from_str("{ zh: 内容安全, en: Content safety }").unwrap();
        assert_eq!(
            (both.get(Lang::Zh), both.get(Lang::En)),
            ("内容安全", "Content safety")
        );
        let one: Text = serde_yaml::from_str("内容安全").unwrap();
        assert_eq!(one.get(Lang::En), "内容安全");
        let english: Text = serde_yaml::from_str("{ en: Safety }").unwrap();
        assert_eq!(english.get(Lang::Zh), "Safety");
        assert!(serde_yaml::from_str::<Text>("{ fr: Sécurité }").is_err());
    }

    fn problems_of(yaml: &str) -> Vec<String> {
        match parse(yaml, "test.yaml") {
            Err(Error::Invalid { problems, .. }) => problems
                .iter()
                .map(|problem| problem.located("test.yaml", Lang::En))
                .collect(),
            other => panic!("expected validation problems, got {other:?}"),
        }
    }

    const BASE: &str = "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\n";

    #[test]
    fn validation_finds_every_problem() {
        let yaml = format!(
            "{BASE}stages:\n- {{id: s, title: '', days: 0, topics: []}}\n- id: t\n  title: T\n  days: -3\n  topics:\n  - {{id: s, title: X}}\n  - {{id: 'a b', title: Y}}\n"
        );
        let problems = problems_of(&yaml);
        let expected = [
            "test.yaml:5:18: stage 1 (`s`): the title is empty",
            "test.yaml:5:28: stage 1 (`s`): days is 0; it must be a positive number",
            "test.yaml:5:39: stage 1 (`s`): the stage has no topics",
            "test.yaml:8:9: stage 2 (`t`): days is -3; it must be a positive number",
            "test.yaml:10:10: topic 2.1 (`s`): duplicate id `s`, already used by stage 1 (`s`)",
            "test.yaml:11:10: topic 2.2 (`a b`): id `a b` is not a valid id; use letters, digits, `-`, `_` and `.`, starting with a letter or digit",
        ];
        assert_eq!(problems, expected);
    }

    #[test]
    fn validation_checks_the_band() {
        let stage = "stages:\n- {id: s, title: S, days: 1, topics: [{id: t, title: T}]}\n";
        let swapped = format!("id: c\ntitle: C\nband: {{low: 0.8, high: 0.7}}\n{stage}");
        assert_eq!(
            problems_of(&swapped),
            ["test.yaml:3:13: band: `low` (0.8) is greater than `high` (0.7)"]
        );
        let outside = format!("id: c\ntitle: C\nband: {{low: 0.6, high: 70}}\n{stage}");
        assert!(problems_of(&outside)[0].contains("must be fractions from 0 to 1"));
        let sound = format!("{BASE}{stage}");
        assert!(parse(&sound, "ok.yaml").is_ok());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        match parse(&format!("{BASE}stages: [\n"), "bad.yaml") {
            Err(Error::Syntax {
                file,
                location: Some((line, _)),
                ..
            }) => {
                assert_eq!((file.as_str(), line), ("bad.yaml", 5));
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
        match parse(
            &format!("{BASE}stages:\n- {{id: s, title: S, days: ten, topics: []}}\n"),
            "t.yaml",
        ) {
            Err(Error::Syntax {
                location: Some((line, _)),
                problem: Syntax::WrongType { path, found, .. },
                ..
            }) => {
                assert_eq!(line, 5);
                assert_eq!(
                    (path.as_str(), found.as_str()),
                    ("stages[0].days", "string \"ten\"")
                );
            }
            other => panic!("expected a type error, got {other:?}"),
        }
    }

    #[test]
    fn every_unknown_key_is_a_problem_with_the_key_it_was_meant_to_be() {
        let yaml = format!(
            "{BASE}genius_day: 7\nstages:\n- id: s\n  title: {{cn: 阶段}}\n  days: 2\n  gaol: G\n  \
             topics:\n  - {{id: t, title: T, url: x, colour: red}}\n"
        );
        assert_eq!(
            problems_of(&yaml),
            [
                "test.yaml:4:1: unknown key `genius_day` in the curriculum: did you mean \
                 `genius_days`? (the curriculum takes `id`, `title`, `description`, `band`, \
                 `genius_days`, `review`, `stages`)",
                "test.yaml:7:11: unknown key `cn` in a text: did you mean `zh`? (a text takes \
                 `zh`, `en`)",
                "test.yaml:9:3: unknown key `gaol` in a stage: did you mean `goal`? (a stage \
                 takes `id`, `title`, `days`, `goal`, `topics`)",
                "test.yaml:11:23: unknown key `url` in a topic: did you mean `links`? (a topic \
                 takes `id`, `title`, `description`, `links`, `was`)",
                "test.yaml:11:31: unknown key `colour` in a topic, which takes `id`, `title`, \
                 `description`, `links`, `was`; remove it or fix its name",
            ]
        );
    }

    #[test]
    fn an_unknown_key_and_a_wrong_value_are_both_told() {
        let yaml = format!(
            "{BASE}stages:\n- {{id: s, title: S, days: ten, topics: [{{id: t, title: T, lniks: x}}]}}\n"
        );
        assert_eq!(
            problems_of(&yaml),
            [
                "test.yaml:5:27: `days` of stage 1 should be a whole number of days, like 10, not \
                 the text \"ten\"",
                "test.yaml:5:59: unknown key `lniks` in a topic: did you mean `links`? (a topic \
                 takes `id`, `title`, `description`, `links`, `was`)",
            ]
        );
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
