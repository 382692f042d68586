//! The rules a curriculum keeps beyond its shape, each broken one a [`Problem`] with where it is
//! in the file: ids, titles, texts, the band, days, and the old ids of renamed topics.

use super::*;

/// Whether `id` is a usable stable id: letters, digits, `-`, `_` and `.`, starting with a letter
/// or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether `id` has the shape of a position or a stage number: only digits and dots, like `2.1`,
/// `3` or `1.`. The resolver reads `STAGE.TOPIC` as a position and a bare number as a stage, so a
/// stage or topic with such an id would shadow another, or be named by a number that means
/// something else.
pub fn is_position_like(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Which part of a curriculum a problem is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The curriculum as a whole, with its id.
    Curriculum(String),
    /// A stage: its number from 1 and its id.
    Stage(usize, String),
    /// A topic: its position and its id.
    Topic(Pos, String),
}

impl Part {
    /// The part as the message catalog names it.
    fn name(&self) -> PartName<'_> {
        match self {
            Part::Curriculum(_) => PartName::Curriculum,
            Part::Stage(number, id) => PartName::Stage {
                number: *number,
                id,
            },
            Part::Topic(pos, id) => PartName::Topic {
                stage: pos.stage + 1,
                topic: pos.topic + 1,
                id,
            },
        }
    }
}

/// What is wrong with a curriculum that parsed.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// An id with characters ids may not have.
    BadId(Part),
    /// A stage or topic id made only of digits and dots, the shape of a position.
    PositionId(Part),
    /// An old id (`was`) that is the id of a part now; the topic that lists it and that part.
    OldIdInUse(Part, String, Part),
    /// An old id (`was`) listed twice; the topic listing it again and the one that listed it first.
    OldIdTwice(Part, String, Part),
    /// An old id (`was`) with characters ids may not have.
    BadOldId(Part, String),
    /// An id used twice; the part that had it first.
    DuplicateId(Part, Part),
    /// A title with no text.
    EmptyTitle(Part),
    /// A text (under `key`) with a control character, which a terminal would act on.
    ControlInText(Part, &'static str, char),
    /// Band edges outside 0..1.
    BandOutOfRange(Band),
    /// Band edges the wrong way round.
    BandSwapped(Band),
    /// A genius window that is not a positive number of days.
    GeniusDays(i64),
    /// Stages whose days add up to more than [`MAX_DAYS`].
    TotalDays(i64),
    /// No stages at all.
    NoStages,
    /// A stage whose days are not positive.
    StageDays(Part, i64),
    /// A stage with no topics.
    NoTopics(Part),
    /// A key the map does not take, with the known key it was most likely meant to be.
    UnknownKey {
        key: String,
        context: Context,
        suggestion: Option<&'static str>,
    },
    /// What the YAML reader stopped at, besides unknown keys.
    Syntax(Syntax),
}

/// One problem with a curriculum, and where in its file it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The key path of the offending value, like `stages.0.topics.1.id`.
    pub path: String,
    /// Line and column (both from 1) in the file, when found.
    pub location: Option<(usize, usize)>,
}

impl Problem {
    fn new(kind: ProblemKind, path: impl Into<String>) -> Problem {
        Problem {
            kind,
            path: path.into(),
            location: None,
        }
    }

    /// The problem in words, without its location.
    pub fn message(&self, lang: Lang) -> String {
        // The id a position-shaped id could be instead, which the message borrows.
        let example: String;
        let msg = match &self.kind {
            ProblemKind::BadId(part) => Msg::BadId {
                part: part.name(),
                id: part_id(part),
            },
            ProblemKind::PositionId(part) => {
                let id = part_id(part);
                example = match part {
                    Part::Stage(..) => format!("stage-{}", id.replace('.', "-")),
                    _ => format!("topic-{}", id.replace('.', "-")),
                };
                Msg::PositionId {
                    part: part.name(),
                    id,
                    example: example.trim_end_matches('-'),
                }
            }
            ProblemKind::OldIdInUse(part, old, holder) => Msg::OldIdInUse {
                part: part.name(),
                old,
                holder: holder.name(),
            },
            ProblemKind::OldIdTwice(part, old, first) => Msg::OldIdTwice {
                part: part.name(),
                old,
                first: first.name(),
            },
            ProblemKind::BadOldId(part, old) => Msg::BadOldId {
                part: part.name(),
                old,
            },
            ProblemKind::DuplicateId(part, first) => Msg::DuplicateId {
                part: part.name(),
                id: part_id(part),
                first: first.name(),
            },
            ProblemKind::EmptyTitle(part) => Msg::EmptyTitle { part: part.name() },
            ProblemKind::ControlInText(part, key, c) => Msg::ControlInText {
                part: part.name(),
                key,
                code: u32::from(*c),
            },
            ProblemKind::BandOutOfRange(band) => Msg::BandOutOfRange {
                low: band.low,
                high: band.high,
            },
            ProblemKind::BandSwapped(band) => Msg::BandSwapped {
                low: band.low,
                high: band.high,
            },
            ProblemKind::GeniusDays(days) if *days > 0 => Msg::GeniusDaysTooMany {
                days: *days,
                max: MAX_DAYS,
            },
            ProblemKind::GeniusDays(days) => Msg::GeniusDaysNotPositive { days: *days },
            ProblemKind::TotalDays(days) => Msg::TotalDaysTooMany {
                days: *days,
                max: MAX_DAYS,
            },
            ProblemKind::NoStages => Msg::NoStages,
            ProblemKind::StageDays(part, days) if *days > 0 => Msg::StageDaysTooMany {
                part: part.name(),
                days: *days,
                max: MAX_DAYS,
            },
            ProblemKind::StageDays(part, days) => Msg::StageDaysNotPositive {
                part: part.name(),
                days: *days,
            },
            ProblemKind::NoTopics(part) => Msg::NoTopics { part: part.name() },
            ProblemKind::UnknownKey { key, .. } if key == "<<" => Msg::MergeKey,
            ProblemKind::UnknownKey {
                key,
                context,
                suggestion,
            } => Msg::UnknownKey {
                key,
                map: context.name(),
                keys: context.keys(),
                suggestion: *suggestion,
            },
            ProblemKind::Syntax(syntax) => return syntax.message(lang),
        };
        lang.say(msg).into_owned()
    }

    /// The problem as `file:line:column: message`, the way compilers put it.
    pub fn located(&self, file: &str, lang: Lang) -> String {
        match self.location {
            Some((line, column)) => format!("{file}:{line}:{column}: {}", self.message(lang)),
            None => format!("{file}: {}", self.message(lang)),
        }
    }
}

fn part_id(part: &Part) -> &str {
    match part {
        Part::Curriculum(id) | Part::Stage(_, id) | Part::Topic(_, id) => id,
    }
}

/// Where an id is in use, kept while checking so that a duplicate can name its first holder; the
/// [`Part`], which owns a copy of the id, is made only when a problem needs it.
#[derive(Clone, Copy)]
enum Holder {
    Curriculum,
    Stage(usize),
    Topic(Pos),
}

impl Holder {
    fn part(self, curriculum: &Curriculum) -> Part {
        match self {
            Holder::Curriculum => Part::Curriculum(curriculum.id.clone()),
            Holder::Stage(s) => Part::Stage(s + 1, curriculum.stages[s].id.clone()),
            Holder::Topic(pos) => Part::Topic(
                pos,
                curriculum.stages[pos.stage].topics[pos.topic].id.clone(),
            ),
        }
    }
}

/// The ids seen so far, and the problems found.
struct Check<'c> {
    curriculum: &'c Curriculum,
    seen: rustc_hash::FxHashMap<&'c str, Holder>,
    problems: Vec<Problem>,
}

impl<'c> Check<'c> {
    fn push(&mut self, kind: ProblemKind, path: impl Into<String>) {
        self.problems.push(Problem::new(kind, path));
    }

    fn id(&mut self, id: &'c str, holder: Holder, path: impl FnOnce() -> String) {
        let part = || holder.part(self.curriculum);
        let kind = if !is_valid_id(id) {
            ProblemKind::BadId(part())
        } else if !matches!(holder, Holder::Curriculum) && is_position_like(id) {
            ProblemKind::PositionId(part())
        } else if let Some(first) = self.seen.get(id) {
            ProblemKind::DuplicateId(part(), first.part(self.curriculum))
        } else {
            self.seen.insert(id, holder);
            return;
        };
        self.push(kind, path());
    }

    /// A problem when any of `texts` (the forms of the text at `path`, under `key`) has a control
    /// character a terminal would act on: a YAML escape such as `"\e[2J"` would clear the
    /// screen, `"\e]0;…\a"` set the window's title.
    fn controls<'a>(
        &mut self,
        holder: Holder,
        key: &'static str,
        mut texts: impl Iterator<Item = &'a str>,
        path: impl FnOnce() -> String,
    ) {
        let found = texts.find_map(|text| text.chars().find(|&c| crate::wrap::acts_on_terminal(c)));
        if let Some(c) = found {
            let part = holder.part(self.curriculum);
            self.push(ProblemKind::ControlInText(part, key, c), path());
        }
    }
}

/// Every problem with a parsed curriculum, in file order; empty when it is sound. Locations are
/// filled in by [`parse`], which has the text.
///
/// A sound curriculum costs no allocation per topic (parts and paths are made only for
/// problems): the cache checks the whole curriculum again on every command.
pub fn validate(curriculum: &Curriculum) -> Vec<Problem> {
    let size = curriculum
        .stages
        .iter()
        .map(|s| s.topics.len() + 1)
        .sum::<usize>()
        + 1;
    let mut seen = rustc_hash::FxHashMap::default();
    seen.reserve(size);
    let mut check = Check {
        curriculum,
        seen,
        problems: Vec::new(),
    };
    let whole = Holder::Curriculum;
    check.id(&curriculum.id, whole, || "id".into());
    if curriculum.title.is_blank() {
        check.push(ProblemKind::EmptyTitle(whole.part(curriculum)), "title");
    }
    let forms = Text::forms;
    check.controls(whole, "title", forms(&curriculum.title), || "title".into());
    if let Some(description) = &curriculum.description {
        check.controls(whole, "description", forms(description), || {
            "description".into()
        });
    }
    let band = curriculum.band;
    let in_range = |x: f64| (0.0..=1.0).contains(&x);
    if !in_range(band.low) || !in_range(band.high) {
        let edge = if in_range(band.low) {
            "band.high"
        } else {
            "band.low"
        };
        check.push(ProblemKind::BandOutOfRange(band), edge);
    } else if band.low > band.high {
        check.push(ProblemKind::BandSwapped(band), "band.low");
    }
    if let Some(days) = curriculum.genius_days
        && !(1..=MAX_DAYS).contains(&days)
    {
        check.push(ProblemKind::GeniusDays(days), "genius_days");
    }
    if curriculum.stages.is_empty() {
        check.push(ProblemKind::NoStages, "stages");
    }
    let total: i64 = curriculum
        .stages
        .iter()
        .map(|stage| stage.days.clamp(0, MAX_DAYS))
        .sum();
    if total > MAX_DAYS {
        check.push(ProblemKind::TotalDays(total), "stages");
    }
    for (s, stage) in curriculum.stages.iter().enumerate() {
        let holder = Holder::Stage(s);
        let at = |key: &str| format!("stages.{s}.{key}");
        check.id(&stage.id, holder, || at("id"));
        if stage.title.is_blank() {
            check.push(
                ProblemKind::EmptyTitle(holder.part(curriculum)),
                at("title"),
            );
        }
        check.controls(holder, "title", forms(&stage.title), || at("title"));
        if let Some(goal) = &stage.goal {
            check.controls(holder, "goal", forms(goal), || at("goal"));
        }
        if !(1..=MAX_DAYS).contains(&stage.days) {
            let kind = ProblemKind::StageDays(holder.part(curriculum), stage.days);
            check.push(kind, at("days"));
        }
        if stage.topics.is_empty() {
            check.push(ProblemKind::NoTopics(holder.part(curriculum)), at("topics"));
        }
        for (t, topic) in stage.topics.iter().enumerate() {
            let holder = Holder::Topic(Pos { stage: s, topic: t });
            let at = |key: &str| format!("stages.{s}.topics.{t}.{key}");
            check.id(&topic.id, holder, || at("id"));
            if topic.title.is_blank() {
                check.push(
                    ProblemKind::EmptyTitle(holder.part(curriculum)),
                    at("title"),
                );
            }
            check.controls(holder, "title", forms(&topic.title), || at("title"));
            if let Some(description) = &topic.description {
                check.controls(holder, "description", forms(description), || {
                    at("description")
                });
            }
            let links = topic.links.iter().map(String::as_str);
            check.controls(holder, "links", links, || at("links"));
        }
    }
    check_old_ids(&mut check);
    check.problems
}

/// The old ids (`was`) of every topic: each a valid id, none in use now, none listed twice.
fn check_old_ids(check: &mut Check) {
    let curriculum = check.curriculum;
    let mut claimed: rustc_hash::FxHashMap<&str, Holder> = Default::default();
    for (s, stage) in curriculum.stages.iter().enumerate() {
        for (t, topic) in stage.topics.iter().enumerate() {
            let holder = Holder::Topic(Pos { stage: s, topic: t });
            let part = || holder.part(curriculum);
            for (i, old) in topic.was.iter().enumerate() {
                let kind = if !is_valid_id(old) {
                    ProblemKind::BadOldId(part(), old.clone())
                } else if let Some(current) = check.seen.get(old.as_str()) {
                    ProblemKind::OldIdInUse(part(), old.clone(), current.part(curriculum))
                } else if *old == topic.id {
                    ProblemKind::OldIdInUse(part(), old.clone(), part())
                } else if let Some(first) = claimed.get(old.as_str()) {
                    ProblemKind::OldIdTwice(part(), old.clone(), first.part(curriculum))
                } else {
                    claimed.insert(old, holder);
                    continue;
                };
                check.push(kind, format!("stages.{s}.topics.{t}.was.{i}"));
            }
        }
    }
}
