//! Why a curriculum file does not read as one, said in the learner's words: which key, what it
//! should hold, what to do. The YAML reader's own words (`expected i64`, `missing field id`,
//! `found character that cannot start any token`) are turned into these, and every key the
//! schema does not know is found, with the known key it was probably meant to be.

use crate::i18n::Lang;

use super::locate::Positions;
use super::{Problem, ProblemKind, edit_distance};

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
        match (self, lang) {
            (Syntax::TooLarge { mib }, Lang::En) => format!(
                "the file is over {mib} MiB, more than any curriculum needs (100,000 topics take \
                 about 6 MiB); split it or trim it"
            ),
            (Syntax::TooLarge { mib }, Lang::Zh) => {
                format!("文件超过 {mib} MiB，远超任何课程所需（10 万个主题约 6 MiB）；请拆分或精简")
            }
            (Syntax::NotUtf8, Lang::En) => {
                "the file is not valid UTF-8 text; save it as UTF-8 in your editor".into()
            }
            (Syntax::NotUtf8, Lang::Zh) => {
                "文件不是 UTF-8 文本；请在编辑器里以 UTF-8 编码保存".into()
            }
            (Syntax::TooDeep { max }, Lang::En) => format!(
                "`[` and `{{` are nested more than {max} deep here; a curriculum needs only a few \
                 levels"
            ),
            (Syntax::TooDeep { max }, Lang::Zh) => {
                format!("这里的 `[` 和 `{{` 嵌套超过 {max} 层；课程只需要几层")
            }
            (Syntax::Empty, Lang::En) => "the file is empty; a curriculum needs `id`, `title`, \
                 `band` and `stages`, and `studyplan curriculum export > FILE` writes one to \
                 start from"
                .into(),
            (Syntax::Empty, Lang::Zh) => "文件是空的；课程需要 `id`、`title`、`band` 和 \
                 `stages`，可以用 `studyplan curriculum export > FILE` 导出一份作为起点"
                .into(),
            (Syntax::Tab, Lang::En) => {
                "a tab here; YAML indents with spaces, not tabs: replace it with spaces".into()
            }
            (Syntax::Tab, Lang::Zh) => {
                "这里有一个制表符（Tab）；YAML 只能用空格缩进，不能用 Tab：请换成空格".into()
            }
            (Syntax::ControlChar(c), Lang::En) => format!(
                "an invisible control character (U+{:04X}) here, which YAML does not allow \
                 anywhere; delete it (it often comes from pasting out of a PDF or a terminal)",
                u32::from(*c)
            ),
            (Syntax::ControlChar(c), Lang::Zh) => format!(
                "这里有一个不可见的控制字符（U+{:04X}），YAML 任何地方都不允许；请删掉它\
                 （常见于从 PDF 或终端粘贴的文字）",
                u32::from(*c)
            ),
            (
                Syntax::WrongType {
                    path,
                    found,
                    expected,
                },
                _,
            ) => {
                let subject = match (path.as_str(), lang) {
                    ("", Lang::En) => "the file".to_owned(),
                    ("", Lang::Zh) => "文件".to_owned(),
                    _ => subject(path, lang),
                };
                let expected = Key::of(path)
                    .expected(lang)
                    .map_or_else(|| expected.clone(), str::to_owned);
                let found = found_in_words(found, lang);
                match lang {
                    Lang::En => format!("{subject} should be {expected}, not {found}"),
                    Lang::Zh => format!(
                        "{}，而不是{}",
                        spaced(&spaced(&subject, "应为"), &expected),
                        found
                    ),
                }
            }
            (Syntax::Missing { path, field }, _) => {
                let owner = subject(path, lang);
                let key = Key::of(&join(path, field));
                match (key.expected(lang), lang) {
                    (Some(expected), Lang::En) => {
                        format!("{owner} has no `{field}`: add `{field}:` with {expected}")
                    }
                    (None, Lang::En) => format!("{owner} has no `{field}`: add it"),
                    (Some(expected), Lang::Zh) => format!(
                        "{}：请加上 `{field}:`，值为{expected}",
                        spaced(&spaced(&owner, "缺少"), &format!("`{field}`"))
                    ),
                    (None, Lang::Zh) => format!(
                        "{}：请加上",
                        spaced(&spaced(&owner, "缺少"), &format!("`{field}`"))
                    ),
                }
            }
            (Syntax::Duplicate { path, field }, Lang::En) => {
                format!("{} has `{field}` twice; keep one", subject(path, lang))
            }
            (Syntax::Duplicate { path, field }, Lang::Zh) => {
                format!(
                    "{} `{field}`；请只留一个",
                    spaced(&subject(path, lang), "写了两次")
                )
            }
            (Syntax::EmptyText { path }, _) => {
                let subject = subject(path, lang);
                match lang {
                    Lang::En => format!(
                        "{subject} has no text; give it as one string, or as \
                         `{{ zh: …, en: … }}`"
                    ),
                    Lang::Zh => format!(
                        "{}；请写一段文字，或写成 `{{ zh: …, en: … }}`",
                        spaced(&subject, "没有文字")
                    ),
                }
            }
            (Syntax::Yaml(words), _) => {
                let hint = yaml_hint(words).map(|(en, zh)| lang.pick(en, zh));
                match (hint, lang) {
                    (Some(hint), Lang::En) => format!("this is not valid YAML: {hint}"),
                    (Some(hint), Lang::Zh) => format!("YAML 语法有误：{hint}"),
                    (None, Lang::En) => format!(
                        "this is not valid YAML ({words}); check the brackets, quotes and \
                         indentation here"
                    ),
                    (None, Lang::Zh) => {
                        format!("YAML 语法有误（{words}）；请检查这里的括号、引号和缩进")
                    }
                }
            }
        }
    }
}

/// The YAML reader's most common complaints, said plainly in both languages.
fn yaml_hint(words: &str) -> Option<(&'static str, &'static str)> {
    let said = |piece: &str| words.contains(piece);
    Some(if said("did not find expected node content") {
        (
            "a value is missing here; is a `[` or `{` left open above?",
            "这里缺少一个值；上面是否有没闭合的 `[` 或 `{`？",
        )
    } else if said("mapping values are not allowed") {
        (
            "a `:` where a key cannot start; put a text that holds `: ` in quotes, or check \
             the indentation",
            "这里的 `:` 不能开始一个键；含有 `: ` 的文字请加引号，或检查缩进",
        )
    } else if said("did not find expected key") || said("did not find expected '-' indicator") {
        (
            "the indentation is off here; keys of one map line up under each other",
            "这里的缩进不对；同一个映射里的键要上下对齐",
        )
    } else if said("found unexpected end of stream") {
        (
            "the file ends inside a quoted text or a bracket; close it",
            "文件在引号或括号内就结束了；请把它闭合",
        )
    } else if said("found unknown escape character") {
        (
            "an unknown `\\` escape in a double-quoted text; write `\\\\` for a backslash, \
             or use single quotes",
            "双引号文字里有未知的 `\\` 转义；反斜杠请写成 `\\\\`，或改用单引号",
        )
    } else if said("unknown anchor") || said("found undefined alias") {
        (
            "an alias (`*name`) with no anchor (`&name`) before it",
            "别名（`*name`）前面没有对应的锚点（`&name`）",
        )
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
fn tab_near(text: &str, location: Option<(usize, usize)>) -> Option<(usize, usize)> {
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
fn pieces(path: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            out.push(Piece::Key(&rest[..open]));
            rest = &rest[open..];
            while let Some(inner) = rest.strip_prefix('[') {
                let Some(close) = inner.find(']') else { break };
                match inner[..close].parse() {
                    Ok(index) => out.push(Piece::Index(index)),
                    Err(_) => out.push(Piece::Key(&inner[..close])),
                }
                rest = &inner[close + 1..];
            }
        } else {
            out.push(Piece::Key(rest));
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece<'a> {
    Key(&'a str),
    Index(usize),
}

/// What the value at serde's `path` is, in words: `stage 2`, `topic 1.3`, `` `days` of stage 2``,
/// `the curriculum` at the top of the file.
fn subject(path: &str, lang: Lang) -> String {
    describe(&pieces(path), lang)
}

fn describe(pieces: &[Piece], lang: Lang) -> String {
    let stage_number = |pieces: &[Piece]| {
        pieces.windows(2).rev().find_map(|pair| match pair {
            [Piece::Key("stages"), Piece::Index(n)] => Some(n + 1),
            _ => None,
        })
    };
    match (pieces, lang) {
        ([], Lang::En) => "the curriculum".into(),
        ([], Lang::Zh) => "课程".into(),
        ([.., Piece::Key("stages"), Piece::Index(n)], Lang::En) => format!("stage {}", n + 1),
        ([.., Piece::Key("stages"), Piece::Index(n)], Lang::Zh) => format!("第 {} 阶段", n + 1),
        ([before @ .., Piece::Key("topics"), Piece::Index(n)], _) => {
            let stage = stage_number(before).map_or_else(String::new, |s| format!("{s}."));
            match lang {
                Lang::En => format!("topic {stage}{}", n + 1),
                Lang::Zh => format!("主题 {stage}{}", n + 1),
            }
        }
        ([before @ .., Piece::Index(n)], Lang::En) => {
            format!("item {} of {}", n + 1, describe(before, lang))
        }
        ([before @ .., Piece::Index(n)], Lang::Zh) => {
            spaced(&describe(before, lang), &format!("的第 {} 项", n + 1))
        }
        ([Piece::Key(key)], _) => format!("`{key}`"),
        ([before @ .., Piece::Key(key)], Lang::En) => {
            format!("`{key}` of {}", describe(before, lang))
        }
        ([before @ .., Piece::Key(key)], Lang::Zh) => {
            spaced(&describe(before, lang), &format!("的 `{key}`"))
        }
    }
}

/// Two pieces of Chinese text joined as Chinese typesetting joins them: with a space between
/// Chinese and Latin letters, digits or code, and none between two Chinese characters.
fn spaced(first: &str, second: &str) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '`');
    if latin(first.chars().last()) || latin(second.chars().next()) {
        format!("{first} {second}")
    } else {
        format!("{first}{second}")
    }
}

/// serde's words for a value found (`string "ten"`, `integer `5``, `sequence`) in the user's.
fn found_in_words(found: &str, lang: Lang) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_owned())
    };
    if let Some(text) = found.strip_prefix("string ") {
        return match lang {
            Lang::En => format!("the text {text}"),
            Lang::Zh => format!("文字 {text}"),
        };
    }
    if let Some(number) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return match lang {
            Lang::En => format!("the number {number}"),
            Lang::Zh => format!("数字 {number}"),
        };
    }
    if let Some(value) = quoted("boolean ") {
        return match lang {
            Lang::En => format!("`{value}`"),
            Lang::Zh => format!("`{value}`"),
        };
    }
    match (found, lang) {
        ("sequence", Lang::En) => "a list".into(),
        ("sequence", Lang::Zh) => "列表".into(),
        ("map", Lang::En) => "a map of keys".into(),
        ("map", Lang::Zh) => "键值映射".into(),
        ("unit value", Lang::En) => "nothing (the value is empty)".into(),
        ("unit value", Lang::Zh) => "空值".into(),
        (other, _) => other.to_owned(),
    }
}

/// What a key of the schema is, read off its path: which words say what it holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Key {
    Curriculum,
    Stage,
    Topic,
    Id,
    Text,
    Band,
    Fraction,
    Days,
    Stages,
    Topics,
    Links,
    Plain,
    OldIds,
    Unknown,
}

impl Key {
    fn of(path: &str) -> Key {
        let pieces = pieces(path);
        match pieces.as_slice() {
            [] => Key::Curriculum,
            [.., Piece::Key("stages"), Piece::Index(_)] => Key::Stage,
            [.., Piece::Key("topics"), Piece::Index(_)] => Key::Topic,
            [.., Piece::Key("links"), Piece::Index(_)] => Key::Plain,
            [.., Piece::Key("was"), Piece::Index(_)] => Key::Id,
            [.., Piece::Key(last)] => match *last {
                "id" => Key::Id,
                "title" | "description" | "goal" => Key::Text,
                "zh" | "en" => Key::Plain,
                "band" => Key::Band,
                "low" | "high" => Key::Fraction,
                "days" | "genius_days" => Key::Days,
                "stages" => Key::Stages,
                "topics" => Key::Topics,
                "links" => Key::Links,
                "was" => Key::OldIds,
                _ => Key::Unknown,
            },
            _ => Key::Unknown,
        }
    }

    fn expected(self, lang: Lang) -> Option<&'static str> {
        let en = lang == Lang::En;
        Some(match self {
            Key::Curriculum if en => {
                "a curriculum: a map with `id`, `title`, `band` and `stages` (`studyplan \
                 curriculum export` prints one)"
            }
            Key::Curriculum => {
                "课程：含 `id`、`title`、`band` 和 `stages` 的映射（`studyplan curriculum export` \
                 可导出一份示例）"
            }
            Key::Stage if en => "a stage: a map with `id`, `title`, `days` and `topics`",
            Key::Stage => "阶段：含 `id`、`title`、`days` 和 `topics` 的映射",
            Key::Topic if en => "a topic: a map with `id` and `title`",
            Key::Topic => "主题：含 `id` 和 `title` 的映射",
            Key::Id if en => "an id of letters, digits, `-`, `_` and `.`, like `why-rag`",
            Key::Id => "由字母、数字、`-`、`_` 和 `.` 组成的编号，例如 `why-rag`",
            Key::Text if en => "a text, or the text in both languages as `{ zh: …, en: … }`",
            Key::Text => "一段文字，或用 `{ zh: …, en: … }` 写出两种语言",
            Key::Plain if en => "a text",
            Key::Plain => "一段文字",
            Key::Band if en => "the band's two edges, like `{ low: 0.6, high: 0.7 }`",
            Key::Band => "区间的两端，例如 `{ low: 0.6, high: 0.7 }`",
            Key::Fraction if en => "a fraction from 0 to 1, like 0.6",
            Key::Fraction => "0 到 1 之间的小数，例如 0.6",
            Key::Days if en => "a whole number of days, like 10",
            Key::Days => "整数天数，例如 10",
            Key::Stages if en => "a list of stages, each starting with `- id:`",
            Key::Stages => "阶段列表，每项以 `- id:` 开头",
            Key::Topics if en => "a list of topics, each starting with `- id:`",
            Key::Topics => "主题列表，每项以 `- id:` 开头",
            Key::Links if en => "a list of links, each on a line starting with `- `",
            Key::Links => "链接列表，每项一行，以 `- ` 开头",
            Key::OldIds if en => "a list of old ids, like `[old-id]`",
            Key::OldIds => "旧编号列表，例如 `[old-id]`",
            Key::Unknown => return None,
        })
    }
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

    /// The map in words, for a message: `a stage` / `阶段`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Context::Curriculum, Lang::En) => "the curriculum",
            (Context::Curriculum, Lang::Zh) => "课程",
            (Context::Band, Lang::En) => "the band",
            (Context::Band, Lang::Zh) => "band（区间）",
            (Context::Stage, Lang::En) => "a stage",
            (Context::Stage, Lang::Zh) => "阶段",
            (Context::Topic, Lang::En) => "a topic",
            (Context::Topic, Lang::Zh) => "主题",
            (Context::Text, Lang::En) => "a text",
            (Context::Text, Lang::Zh) => "文字",
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
    fn serde_paths_are_said_in_words() {
        assert_eq!(
            subject("stages[1].topics[0].title", Lang::En),
            "`title` of topic 2.1"
        );
        assert_eq!(subject("stages[1].days", Lang::Zh), "第 2 阶段的 `days`");
        assert_eq!(subject("stages[1].topics[2]", Lang::En), "topic 2.3");
        assert_eq!(
            subject("stages[0].topics[1].links[2]", Lang::En),
            "item 3 of `links` of topic 1.2"
        );
        assert_eq!(subject("", Lang::En), "the curriculum");
        assert_eq!(subject("band.low", Lang::En), "`low` of `band`");
        assert_eq!(Key::of("stages[0].topics[1].links[2]"), Key::Plain);
        assert_eq!(Key::of("band.low"), Key::Fraction);
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
