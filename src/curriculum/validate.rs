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

/// Every problem with a parsed curriculum, in file order; empty when it is sound. Locations are
/// filled in by [`parse`], which has the text.
pub fn validate(curriculum: &Curriculum) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<String, Part> = HashMap::new();
    let mut check_id = |id: &str, part: Part, path: String, problems: &mut Vec<Problem>| {
        if !is_valid_id(id) {
            problems.push(Problem::new(ProblemKind::BadId(part), path));
        } else if !matches!(part, Part::Curriculum(_)) && is_position_like(id) {
            problems.push(Problem::new(ProblemKind::PositionId(part), path));
        } else if let Some(first) = seen.get(id) {
            problems.push(Problem::new(
                ProblemKind::DuplicateId(part, first.clone()),
                path,
            ));
        } else {
            seen.insert(id.to_owned(), part);
        }
    };

    check_id(
        &curriculum.id,
        Part::Curriculum(curriculum.id.clone()),
        "id".into(),
        &mut problems,
    );
    let whole = Part::Curriculum(curriculum.id.clone());
    if curriculum.title.is_blank() {
        problems.push(Problem::new(
            ProblemKind::EmptyTitle(whole.clone()),
            "title",
        ));
    }
    let forms = Text::forms;
    check_controls(
        &whole,
        "title".into(),
        "title",
        forms(&curriculum.title),
        &mut problems,
    );
    if let Some(description) = &curriculum.description {
        let path = "description".into();
        check_controls(
            &whole,
            path,
            "description",
            forms(description),
            &mut problems,
        );
    }
    let band = curriculum.band;
    let in_range = |x: f64| (0.0..=1.0).contains(&x);
    if !in_range(band.low) || !in_range(band.high) {
        let edge = if in_range(band.low) {
            "band.high"
        } else {
            "band.low"
        };
        problems.push(Problem::new(ProblemKind::BandOutOfRange(band), edge));
    } else if band.low > band.high {
        problems.push(Problem::new(ProblemKind::BandSwapped(band), "band.low"));
    }
    if let Some(days) = curriculum.genius_days
        && !(1..=MAX_DAYS).contains(&days)
    {
        problems.push(Problem::new(ProblemKind::GeniusDays(days), "genius_days"));
    }
    if curriculum.stages.is_empty() {
        problems.push(Problem::new(ProblemKind::NoStages, "stages"));
    }
    let total: i64 = curriculum
        .stages
        .iter()
        .map(|stage| stage.days.clamp(0, MAX_DAYS))
        .sum();
    if total > MAX_DAYS {
        problems.push(Problem::new(ProblemKind::TotalDays(total), "stages"));
    }
    for (s, stage) in curriculum.stages.iter().enumerate() {
        let part = Part::Stage(s + 1, stage.id.clone());
        let at = format!("stages.{s}");
        check_id(&stage.id, part.clone(), format!("{at}.id"), &mut problems);
        if stage.title.is_blank() {
            problems.push(Problem::new(
                ProblemKind::EmptyTitle(part.clone()),
                format!("{at}.title"),
            ));
        }
        let path = format!("{at}.title");
        check_controls(&part, path, "title", forms(&stage.title), &mut problems);
        if let Some(goal) = &stage.goal {
            let path = format!("{at}.goal");
            check_controls(&part, path, "goal", forms(goal), &mut problems);
        }
        if !(1..=MAX_DAYS).contains(&stage.days) {
            problems.push(Problem::new(
                ProblemKind::StageDays(part.clone(), stage.days),
                format!("{at}.days"),
            ));
        }
        if stage.topics.is_empty() {
            problems.push(Problem::new(
                ProblemKind::NoTopics(part.clone()),
                format!("{at}.topics"),
            ));
        }
        for (t, topic) in stage.topics.iter().enumerate() {
            let part = Part::Topic(Pos { stage: s, topic: t }, topic.id.clone());
            let at = format!("{at}.topics.{t}");
            check_id(&topic.id, part.clone(), format!("{at}.id"), &mut problems);
            if topic.title.is_blank() {
                problems.push(Problem::new(
                    ProblemKind::EmptyTitle(part.clone()),
                    format!("{at}.title"),
                ));
            }
            let path = format!("{at}.title");
            check_controls(&part, path, "title", forms(&topic.title), &mut problems);
            if let Some(description) = &topic.description {
                let path = format!("{at}.description");
                check_controls(
                    &part,
                    path,
                    "description",
                    forms(description),
                    &mut problems,
                );
            }
            let links = topic.links.iter().map(String::as_str);
            check_controls(&part, format!("{at}.links"), "links", links, &mut problems);
        }
    }
    check_old_ids(curriculum, &seen, &mut problems);
    problems
}

/// A problem when any of `texts` (the forms of the text at `path`, under `key`) has a control
/// character a terminal would act on: a YAML escape such as `"\e[2J"` would clear the screen,
/// `"\e]0;…\a"` set the window's title.
fn check_controls<'a>(
    part: &Part,
    path: String,
    key: &'static str,
    mut texts: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) {
    if let Some(c) = texts.find_map(|text| text.chars().find(|&c| crate::wrap::acts_on_terminal(c)))
    {
        problems.push(Problem::new(
            ProblemKind::ControlInText(part.clone(), key, c),
            path,
        ));
    }
}

/// The old ids (`was`) of every topic: each a valid id, none in use now (`current` holds the
/// ids in use), none listed twice.
fn check_old_ids(
    curriculum: &Curriculum,
    current: &HashMap<String, Part>,
    problems: &mut Vec<Problem>,
) {
    let mut claimed: HashMap<&str, Part> = HashMap::new();
    for (s, stage) in curriculum.stages.iter().enumerate() {
        for (t, topic) in stage.topics.iter().enumerate() {
            let part = || Part::Topic(Pos { stage: s, topic: t }, topic.id.clone());
            for (i, old) in topic.was.iter().enumerate() {
                let path = format!("stages.{s}.topics.{t}.was.{i}");
                let kind = if !is_valid_id(old) {
                    ProblemKind::BadOldId(part(), old.clone())
                } else if let Some(holder) = current.get(old.as_str()) {
                    ProblemKind::OldIdInUse(part(), old.clone(), holder.clone())
                } else if *old == topic.id {
                    ProblemKind::OldIdInUse(part(), old.clone(), part())
                } else if let Some(first) = claimed.get(old.as_str()) {
                    ProblemKind::OldIdTwice(part(), old.clone(), first.clone())
                } else {
                    claimed.insert(old, part());
                    continue;
                };
                problems.push(Problem::new(kind, path));
            }
        }
    }
}
