//! Naming a topic or a stage: what a learner typed (an id, the start of one, a position such
//! as `2.4`, a piece of a title in either language) to the one it names, or the closest ones.

use super::*;

/// Why a name typed on the command line matched no single topic.
#[derive(Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// Nothing matched; the closest ids, best first.
    Unknown(Vec<String>),
    /// Several topics matched; all of them, in curriculum order.
    Ambiguous(Vec<Pos>),
}

impl Loaded {
    /// Finds the stage a user named, by id, number (1-based) or a piece of its title.
    pub fn resolve_stage(&self, query: &str) -> Option<usize> {
        let stages = &self.curriculum.stages;
        if let Some(s) = stages.iter().position(|stage| stage.id == query) {
            return Some(s);
        }
        if let Ok(n) = query.parse::<usize>() {
            return (1..=stages.len()).contains(&n).then(|| n - 1);
        }
        match self.stages_titled(query).as_slice() {
            [s] => Some(*s),
            _ => None,
        }
    }

    /// The stages with `query` in their title in either language, ignoring case.
    pub fn stages_titled(&self, query: &str) -> Vec<usize> {
        let needle = query.to_lowercase();
        let stages = self.curriculum.stages.iter().enumerate();
        stages
            .filter(|(_, stage)| {
                stage
                    .title
                    .forms()
                    .any(|f| f.to_lowercase().contains(&needle))
            })
            .map(|(s, _)| s)
            .collect()
    }

    /// Finds the one topic a user named: by stable id, by position `STAGE.TOPIC` (from 1), by an
    /// id it had before it was renamed, or, when exactly one topic matches, by the start of its
    /// id or a piece of its title in either language, ignoring case.
    pub fn resolve(&self, query: &str) -> Result<Pos, Unresolved> {
        let query = query.trim();
        if let Some(pos) = self.exact_topic(query) {
            return Ok(pos);
        }
        let needle = query.to_lowercase();
        match self.topics_matching(&needle).as_slice() {
            [] => Err(Unresolved::Unknown(closest(&needle, self.topic_ids()))),
            [pos] => Ok(*pos),
            several => Err(Unresolved::Ambiguous(several.to_vec())),
        }
    }

    /// Finds the topic or the stage `show` was given. Topics come first: a topic's id, position
    /// or old id; then a stage's id or number; then the start of a topic's id or a piece of its
    /// title; then a piece of a stage's title. Each step that matches several is ambiguous.
    pub fn resolve_named(&self, query: &str) -> Result<Named, UnresolvedName> {
        let query = query.trim();
        if let Some(pos) = self.exact_topic(query) {
            return Ok(Named::Topic(pos));
        }
        let stages = &self.curriculum.stages;
        if let Some(s) = stages.iter().position(|stage| stage.id == query) {
            return Ok(Named::Stage(s));
        }
        let number = query.parse::<usize>().ok();
        if let Some(n) = number.filter(|n| (1..=stages.len()).contains(n)) {
            return Ok(Named::Stage(n - 1));
        }
        let needle = query.to_lowercase();
        match self.topics_matching(&needle).as_slice() {
            [] => {}
            [pos] => return Ok(Named::Topic(*pos)),
            several => return Err(UnresolvedName::Topics(several.to_vec())),
        }
        if !needle.is_empty() {
            match self.stages_titled(&needle).as_slice() {
                [] => {}
                [s] => return Ok(Named::Stage(*s)),
                several => return Err(UnresolvedName::Stages(several.to_vec())),
            }
        }
        if number.is_some() {
            return Err(UnresolvedName::NoSuchStage);
        }
        let stage_ids = stages.iter().map(|stage| stage.id.as_str());
        Err(UnresolvedName::Unknown(closest(
            &needle,
            self.topic_ids().chain(stage_ids),
        )))
    }

    /// The topic `query` names exactly: its id, its position, an old id of it, or its id in
    /// other letter case when no other id is the same.
    fn exact_topic(&self, query: &str) -> Option<Pos> {
        if let Some(&index) = self.by_id.get(query) {
            return Some(self.order[index]);
        }
        if let Some(pos) = self.parse_position(query) {
            return Some(pos);
        }
        // An old id may have had the shape of a position; the position wins.
        if let Some(&index) = self.by_old_id.get(query) {
            return Some(self.order[index]);
        }
        let needle = query.to_lowercase();
        let mut same = self
            .order
            .iter()
            .copied()
            .filter(|&pos| self.topic(pos).id.to_lowercase() == needle);
        match (same.next(), same.next()) {
            (Some(pos), None) => Some(pos),
            _ => None,
        }
    }

    /// The topics whose id starts with `needle` or whose title holds it in either language,
    /// ignoring case (`needle` is lowercase already), in curriculum order.
    fn topics_matching(&self, needle: &str) -> Vec<Pos> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.order
            .iter()
            .copied()
            .filter(|&pos| {
                let topic = self.topic(pos);
                topic.id.to_lowercase().starts_with(needle)
                    || topic
                        .title
                        .forms()
                        .any(|form| form.to_lowercase().contains(needle))
            })
            .collect()
    }

    fn topic_ids(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(|&pos| self.topic(pos).id.as_str())
    }

    fn parse_position(&self, query: &str) -> Option<Pos> {
        let (stage, topic) = query.split_once('.')?;
        let (stage, topic): (usize, usize) = (stage.parse().ok()?, topic.parse().ok()?);
        let topics = &self.curriculum.stages.get(stage.checked_sub(1)?)?.topics;
        (1..=topics.len()).contains(&topic).then(|| Pos {
            stage: stage - 1,
            topic: topic - 1,
        })
    }
}

/// What `show` was given: a topic or a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The topic at this position.
    Topic(Pos),
    /// The stage with this index, from 0.
    Stage(usize),
}

/// Why what `show` was given named no single topic or stage.
#[derive(Debug, PartialEq, Eq)]
pub enum UnresolvedName {
    /// Nothing matched; the closest topic and stage ids, best first.
    Unknown(Vec<String>),
    /// A number, and no stage has it.
    NoSuchStage,
    /// Several topics matched; all of them, in curriculum order.
    Topics(Vec<Pos>),
    /// Several stages matched; all of them, in order.
    Stages(Vec<usize>),
}

/// The language of the form of `text` that holds `query`, ignoring case, `prefer` first; none
/// when no form holds it (the name matched something else, such as an id). Shown with a
/// candidate, it tells the learner why the candidate matched.
pub fn matching_lang(text: &Text, query: &str, prefer: Lang) -> Option<Lang> {
    let needle = query.trim().to_lowercase();
    let other = match prefer {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let form = |lang: Lang| match lang {
        Lang::Zh => text.zh.as_deref(),
        Lang::En => text.en.as_deref(),
    };
    [prefer, other].into_iter().find(|&lang| {
        form(lang).is_some_and(|form| !needle.is_empty() && form.to_lowercase().contains(&needle))
    })
}

/// Up to five of `ids` close to `needle` (lowercase), best first: ids that start with it or that
/// it starts with, then ids that hold it or that it holds, then ids a few edits away; each group
/// by edit distance, then in the order given.
pub(super) fn closest<'a>(needle: &str, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    if needle.is_empty() {
        return Vec::new();
    }
    let budget = (needle.chars().count() / 3).max(2);
    // A piece this short is in too many ids to say anything.
    let long_enough = |piece: &str| piece.chars().count() >= 3;
    let mut scored: Vec<(u8, usize, usize, &str)> = ids
        .enumerate()
        .filter_map(|(n, id)| {
            let lower = id.to_lowercase();
            let distance = edit_distance(needle, &lower);
            let rank = if lower.starts_with(needle)
                || (long_enough(&lower) && needle.starts_with(&lower))
            {
                0
            } else if (long_enough(needle) && lower.contains(needle))
                || (long_enough(&lower) && needle.contains(&lower))
            {
                1
            } else if distance <= budget {
                2
            } else {
                return None;
            };
            Some((rank, distance, n, id))
        })
        .collect();
    scored.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    for (_, _, _, id) in scored {
        if out.len() == 5 {
            break;
        }
        if !out.iter().any(|seen| seen == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// Levenshtein distance over characters.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
