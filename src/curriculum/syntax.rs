//! Why a curriculum file does not read as one, said in the learner's words: which key, what it
//! should hold, what to do. The YAML reader's own words (`expected i64`, `missing field id`,
//! `found character that cannot start any token`) are turned into these, and every key the
//! schema does not know is found, with the known key it was probably meant to be.

use crate::i18n::{Expected, Found, Lang, MapName, Msg, PathPiece, YamlHint};

use super::locate::Positions;
use super::resolve::edit_distance;
use super::{Problem, ProblemKind};

/// What is wrong with a curriculum file that could not be read as one.
#[derive(Clone, Debug, PartialEq)]
pub enum Syntax {
    /// Bigger than any curriculum needs.
    TooLarge { mib: usize },
    /// Not UTF-8 text.
    NotUtf8,
    /// `[` and `{` nested deeper than `max`.
    TooDeep { max: usize },
    /// Nothing but blanks and comments.
    Empty,
    /// A tab where YAML wants spaces.
    Tab,
    /// A control character, which YAML does not allow anywhere.
    ControlChar(char),
    /// A value of the wrong type: at `path` (serde's spelling, `stages[0].days`), found `found`
    /// (serde's words, `string "ten"`); `expected` is serde's words for what it wanted.
    WrongType {
        path: String,
        found: String,
        expected: String,
    },
    /// The map at `path` lacks the key `field`.
    Missing { path: String, field: String },
    /// The map at `path` has the key `field` twice.
    Duplicate { path: String, field: String },
    /// A text (`title`, `goal`, ...) given as a map with neither `zh` nor `en`.
    EmptyText { path: String },
    /// Anything else: the YAML reader's own words.
    Yaml(String),
}

impl Syntax {
    /// Reads what went wrong out of serde_yaml's error for `text`; returns it with its location.
    pub fn explain(err: &serde_yaml::Error, text: &str) -> (Syntax, Option<(usize, usize)>) {
        let location = err.location().map(|at| (at.line(), at.column()));
        let full = err.to_string();
        // serde_yaml appends " at line L column C" (or " at position N"); the location is told
        // apart from the words.
        let words = full
            .split(" at line ")
            .next()
            .and_then(|words| words.split(" at position ").next())
            .unwrap_or_default();
        if words.contains("control characters are not allowed")
            && let Some((offset, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c))
        {
            return (
                Syntax::ControlChar(c),
                Some(super::location_of_byte(text.as_bytes(), offset)),
            );
        }
        if let Some(at) = tab_near(text, location) {
            return (Syntax::Tab, Some(at));
        }
        if is_blank(text) {
            return (Syntax::Empty, Some((1, 1)));
        }
        let (path, what) = split_path(words);
        let path = path.to_owned();
        let syntax = if let Some(rest) = what.strip_prefix("invalid type: ") {
            match rest.rsplit_once(", expected ") {
                Some((found, expected)) => Syntax::WrongType {
                    path,
                    found: found.to_owned(),
                    expected: expected.to_owned(),
                },
                None => Syntax::Yaml(words.to_owned()),
            }
        } else if let Some(field) = backticked(what, "missing field `") {
            Syntax::Missing { path, field }
        } else if let Some(field) = backticked(what, "duplicate field `") {
            Syntax::Duplicate { path, field }
        } else if what == super::schema::EMPTY_TEXT {
            Syntax::EmptyText { path }
        } else {
            Syntax::Yaml(words.to_owned())
        };
        (syntax, location)
    }

    /// The problem in words, without its location.
    pub fn message(&self, lang: Lang) -> String {
        let msg = |msg: Msg| lang.say(msg).into_owned();
        match self {
            Syntax::TooLarge { mib } => msg(Msg::FileTooLarge { mib: *mib }),
            Syntax::NotUtf8 => msg(Msg::NotUtf8),
            Syntax::TooDeep { max } => msg(Msg::NestedTooDeep { max: *max }),
            Syntax::Empty => msg(Msg::EmptyFile),
            Syntax::Tab => msg(Msg::TabIndent),
            Syntax::ControlChar(c) => msg(Msg::ControlChar {
                code: u32::from(*c),
            }),
            Syntax::WrongType {
                path,
                found,
                expected,
            } => msg(Msg::WrongType {
                at: &pieces(path),
                expected: expected_at(path),
                said: expected,
                found: found_in_words(found),
            }),
            Syntax::Missing { path, field } => msg(Msg::MissingKey {
                at: &pieces(path),
                field,
                expected: expected_at(&join(path, field)),
            }),
            Syntax::Duplicate { path, field } => msg(Msg::DuplicateKey {
                at: &pieces(path),
                field,
            }),
            Syntax::EmptyText { path } => msg(Msg::EmptyText { at: &pieces(path) }),
            Syntax::Yaml(words) => msg(Msg::NotYaml {
                hint: yaml_hint(words),
                words,
            }),
        }
    }
}

/// The YAML reader's most common complaints, told from its words.
fn yaml_hint(words: &str) -> Option<YamlHint> {
    let said = |piece: &str| words.contains(piece);
    Some(if said("did not find expected node content") {
        YamlHint::MissingValue
    } else if said("mapping values are not allowed") {
        YamlHint::ColonAtKey
    } else if said("did not find expected key") || said("did not find expected '-' indicator") {
        YamlHint::Indentation
    } else if said("found unexpected end of stream") {
        YamlHint::EndsInside
    } else if said("found unknown escape character") {
        YamlHint::UnknownEscape
    } else if said("unknown anchor") || said("found undefined alias") {
        YamlHint::AliasWithoutAnchor
    } else {
        return None;
    })
}

/// Whether YAML forbids the character `c` everywhere (YAML 1.1's printable set, as libyaml
/// checks it).
fn is_forbidden(c: char) -> bool {
    !matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{A0}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        || c == '\u{FEFF}'
}

/// The tab that made the YAML reader stop, if the error's line has one in its indentation or at
/// the error's column.
pub(crate) fn tab_near(text: &str, location: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let (line, column) = location?;
    let source = text.lines().nth(line.checked_sub(1)?)?;
    let indent = source.len() - source.trim_start_matches([' ', '\t']).len();
    let at = source[..indent].find('\t').or_else(|| {
        let offset = source.char_indices().nth(column.checked_sub(1)?)?.0;
        source[offset..].starts_with('\t').then_some(offset)
    })?;
    Some((line, source[..at].chars().count() + 1))
}

/// Whether `text` holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// serde_yaml's `stages[0].days: invalid type: ...` as its path and its words; the path is empty
/// at the top of the file.
fn split_path(words: &str) -> (&str, &str) {
    match words.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']')) =>
        {
            (path, rest)
        }
        _ => ("", words),
    }
}

/// The name between backticks after `prefix`.
fn backticked(words: &str, prefix: &str) -> Option<String> {
    let rest = words.strip_prefix(prefix)?;
    Some(rest[..rest.find('`')?].to_owned())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The pieces of serde's path: `stages[0].topics[1].title` is `stages`, 0, `topics`, 1, `title`.
fn pieces(path: &str) -> Vec<PathPiece<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            out.push(PathPiece::Key(&rest[..open]));
            rest = &rest[open..];
            while let Some(inner) = rest.strip_prefix('[') {
                let Some(close) = inner.find(']') else { break };
                match inner[..close].parse() {
                    Ok(index) => out.push(PathPiece::Index(index)),
                    Err(_) => out.push(PathPiece::Key(&inner[..close])),
                }
                rest = &inner[close + 1..];
            }
        } else {
            out.push(PathPiece::Key(rest));
        }
    }
    out
}

/// serde's words for a value found (`string "ten"`, `integer `5``, `sequence`), read.
fn found_in_words(found: &str) -> Found<'_> {
    // The value between backticks: a number too large for any integer type comes as
    // `` integer `99999999999999999999` as u128 ``.
    let quoted = |prefix: &str| {
        let rest = found.strip_prefix(prefix)?;
        let inner = rest.strip_prefix('`').unwrap_or(rest);
        Some(inner.split('`').next().unwrap_or(inner))
    };
    if let Some(text) = found.strip_prefix("string ") {
        return Found::Text(text);
    }
    if let Some(number) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return Found::Number(number);
    }
    if let Some(value) = quoted("boolean ") {
        return Found::Boolean(value);
    }
    match found {
        "sequence" => Found::List,
        "map" => Found::Map,
        "unit value" => Found::Nothing,
        other => Found::Other(other),
    }
}

/// What the key at serde's `path` holds, read off its path; none for a key the schema lacks.
fn expected_at(path: &str) -> Option<Expected> {
    let pieces = pieces(path);
    Some(match pieces.as_slice() {
        [] => Expected::Curriculum,
        [.., PathPiece::Key("stages"), PathPiece::Index(_)] => Expected::Stage,
        [.., PathPiece::Key("topics"), PathPiece::Index(_)] => Expected::Topic,
        [.., PathPiece::Key("links"), PathPiece::Index(_)] => Expected::Plain,
        [.., PathPiece::Key("was"), PathPiece::Index(_)] => Expected::Id,
        [.., PathPiece::Key(last)] => match *last {
            "id" => Expected::Id,
            "title" | "description" | "goal" => Expected::Text,
            "zh" | "en" => Expected::Plain,
            "band" => Expected::Band,
            "low" | "high" => Expected::Fraction,
            "days" | "genius_days" => Expected::Days,
            "stages" => Expected::Stages,
            "topics" => Expected::Topics,
            "links" => Expected::Links,
            "was" => Expected::OldIds,
            "review" => Expected::YesNo,
            _ => return None,
        },
        _ => return None,
    })
}

/// The kinds of map a curriculum has, each with the keys it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Curriculum,
    Band,
    Stage,
    Topic,
    Text,
}

impl Context {
    /// The keys a map of this kind takes, in the order the README lists them.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Context::Curriculum => &[
                "id",
                "title",
                "description",
                "band",
                "genius_days",
                "review",
                "stages",
            ],
            Context::Band => &["low", "high"],
            Context::Stage => &["id", "title", "days", "goal", "topics"],
            Context::Topic => &["id", "title", "description", "links", "was"],
            Context::Text => &["zh", "en"],
        }
    }

    /// The kind of map at a path of [`locate`](super::locate) (`stages.0.topics.1`), if the
    /// schema has one there.
    fn at(path: &str) -> Option<Context> {
        let pieces: Vec<&str> = path.split('.').filter(|p| !p.is_empty()).collect();
        let number = |piece: &str| !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_digit());
        let text = |key: &str| matches!(key, "title" | "description" | "goal");
        Some(match pieces.as_slice() {
            [] => Context::Curriculum,
            ["band"] => Context::Band,
            ["title" | "description"] => Context::Text,
            ["stages", s] if number(s) => Context::Stage,
            ["stages", s, key] if number(s) && text(key) => Context::Text,
            ["stages", s, "topics", t] if number(s) && number(t) => Context::Topic,
            ["stages", s, "topics", t, key] if number(s) && number(t) && text(key) => Context::Text,
            _ => return None,
        })
    }

    /// The map as the message catalog names it.
    pub fn name(self) -> MapName {
        match self {
            Context::Curriculum => MapName::Curriculum,
            Context::Band => MapName::Band,
            Context::Stage => MapName::Stage,
            Context::Topic => MapName::Topic,
            Context::Text => MapName::Text,
        }
    }
}

/// Every key of the YAML text (as `positions` found them) that its map does not take, in file
/// order, each with the known key it was most likely meant to be.
pub fn unknown_keys(positions: &Positions) -> Vec<Problem> {
    let mut problems: Vec<Problem> = positions
        .keys()
        .filter_map(|(path, at)| {
            let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
            let context = Context::at(parent)?;
            if context.keys().contains(&key) {
                return None;
            }
            let suggestion = nearest_key(key, context);
            Some(Problem {
                kind: ProblemKind::UnknownKey {
                    key: key.to_owned(),
                    context,
                    suggestion,
                },
                path: path.to_owned(),
                location: Some(at),
            })
        })
        .collect();
    problems.sort_by_key(|problem| problem.location);
    problems
}

/// The known key of `context` that `key` was most likely meant to be: a word people use for it
/// (`cn` for `zh`, `name` for `title`), else the nearest by spelling.
fn nearest_key(key: &str, context: Context) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    let synonym = match lower.as_str() {
        "cn" | "zh-cn" | "zh_cn" | "zh-hans" | "chinese" | "中文" => "zh",
        "english" | "en-us" | "en_us" | "en-gb" | "英文" => "en",
        "name" | "label" | "heading" => "title",
        "desc" | "about" | "summary" | "details" | "notes" => "description",
        "url" | "urls" | "link" | "refs" | "references" | "resources" => "links",
        "aim" | "goals" | "objective" | "purpose" => "goal",
        "items" | "lessons" | "tasks" => "topics",
        "phases" | "steps" | "parts" => "stages",
        "duration" | "length" => "days",
        "old" | "old_id" | "old_ids" | "renamed" | "aliases" | "former" => "was",
        "min" | "from" => "low",
        "max" | "to" => "high",
        _ => "",
    };
    let keys = context.keys();
    if let Some(found) = keys.iter().find(|known| **known == synonym) {
        return Some(found);
    }
    let budget = (lower.chars().count() / 3).max(2);
    keys.iter()
        .map(|known| (edit_distance(&lower, known), *known))
        .filter(|(distance, _)| *distance <= budget)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_keys_are_suggested_by_spelling_and_by_word() {
        assert_eq!(
            nearest_key("genius_day", Context::Curriculum),
            Some("genius_days")
        );
        assert_eq!(nearest_key("gaol", Context::Stage), Some("goal"));
        assert_eq!(nearest_key("cn", Context::Text), Some("zh"));
        assert_eq!(nearest_key("name", Context::Topic), Some("title"));
        assert_eq!(nearest_key("Topic", Context::Stage), Some("topics"));
        assert_eq!(nearest_key("colour", Context::Topic), None);
    }

    #[test]
    fn maps_are_known_by_their_path() {
        assert_eq!(Context::at(""), Some(Context::Curriculum));
        assert_eq!(Context::at("stages.3"), Some(Context::Stage));
        assert_eq!(Context::at("stages.0.goal"), Some(Context::Text));
        assert_eq!(Context::at("stages.0.topics.12"), Some(Context::Topic));
        assert_eq!(
            Context::at("stages.0.topics.1.description"),
            Some(Context::Text)
        );
        assert_eq!(Context::at("stages.0.topics.1.links"), None);
        assert_eq!(Context::at("stages.x"), None);
    }

    #[test]
    fn serde_paths_are_read_into_pieces_and_keys() {
        use PathPiece::{Index, Key};
        assert_eq!(
            pieces("stages[1].topics[0].title"),
            [
                Key("stages"),
                Index(1),
                Key("topics"),
                Index(0),
                Key("title")
            ]
        );
        assert_eq!(pieces("band.low"), [Key("band"), Key("low")]);
        assert_eq!(pieces(""), []);
        assert_eq!(
            expected_at("stages[0].topics[1].links[2]"),
            Some(Expected::Plain)
        );
        assert_eq!(expected_at("band.low"), Some(Expected::Fraction));
        assert_eq!(expected_at("stages[0].colour"), None);
    }

    #[test]
    fn forbidden_characters_are_the_controls() {
        assert!(is_forbidden('\u{1}'));
        assert!(is_forbidden('\u{7f}'));
        assert!(is_forbidden('\u{9b}'));
        assert!(!is_forbidden('\t'));
        assert!(!is_forbidden('中'));
        assert!(!is_forbidden('\u{85}'));
    }

    #[test]
    fn a_tab_is_found_in_the_indent_or_at_the_column() {
        assert_eq!(tab_near("a: 1\n\t- b\n", Some((2, 1))), Some((2, 1)));
        assert_eq!(tab_near("a: 1\n  \tb: 2\n", Some((2, 3))), Some((2, 3)));
        assert_eq!(tab_near("a: 1\nb: [\n", Some((2, 4))), None);
    }
}
