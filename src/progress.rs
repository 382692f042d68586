//! Progress: pure arithmetic from a curriculum and the store's history to states, counts and the
//! readiness verdict. No I/O and no clock here; today, where needed, is a parameter.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::curriculum::{Band, IdHash, Loaded, Pos};
use crate::store::{Change, Event, PlanFilter};

/// Where a learner stands on one topic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Not started.
    #[default]
    Todo,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
    /// Deliberately skipped; counts as covered, never as done.
    Skipped,
}

/// One topic's state and history, replayed from the store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopicProgress {
    /// The current state.
    pub state: State,
    /// The day the topic reached its current state; none for a topic never touched.
    pub since: Option<NaiveDate>,
}

/// The store's history for one curriculum, replayed onto its topics.
#[derive(Debug, Default, PartialEq)]
pub struct Replay {
    /// Each topic's progress, in curriculum order (parallel to `Loaded::order`).
    pub topics: Vec<TopicProgress>,
    /// Ids with recorded progress that the curriculum no longer has; kept in the store.
    pub orphans: Vec<String>,
    /// How many changes were of a kind this build does not know.
    pub unknown_changes: usize,
}

/// Replays the events of `loaded`'s curriculum, oldest first, onto its topics.
pub fn replay(loaded: &Loaded, events: &[Event]) -> Replay {
    replay_until(loaded, events, None)
}

/// Histories from this many changes are replayed in two halves at once, one on each of two
/// threads; a shorter one never pays for a thread.
const PARALLEL_FROM: usize = 20_000;

/// Replays like [`replay`], leaving out changes that count for a day after `until`: where the
/// learner stood at the end of that day.
pub fn replay_until(loaded: &Loaded, events: &[Event], until: Option<NaiveDate>) -> Replay {
    let forgotten = forgotten(loaded, events, until);
    let forgotten = &forgotten;
    if events.len() < PARALLEL_FROM {
        return replay_part(loaded, events, 0, forgotten, until);
    }
    let half = events.len() / 2;
    let (first, second) = events.split_at(half);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| replay_part(loaded, second, half, forgotten, until));
        let first = replay_part(loaded, first, 0, forgotten, until);
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    });
    first.then(second)
}

impl Replay {
    /// This replay followed by `later`, the replay of the changes after these: a topic `later`
    /// touched stands where `later` left it.
    fn then(mut self, later: Replay) -> Replay {
        for (topic, after) in self.topics.iter_mut().zip(later.topics) {
            if after.since.is_some() {
                *topic = after;
            }
        }
        for orphan in later.orphans {
            if !self.orphans.contains(&orphan) {
                self.orphans.push(orphan);
            }
        }
        self.unknown_changes += later.unknown_changes;
        self
    }
}

/// For each topic id the learner has forgotten (`studyplan forget`), the index in `events` of the
/// last such change that counts: changes to that id before it do not count.
fn forgotten<'e>(
    loaded: &Loaded,
    events: &'e [Event],
    until: Option<NaiveDate>,
) -> HashMap<&'e str, usize> {
    let mut plan = PlanFilter::new(&loaded.curriculum.id);
    let mut forgotten = HashMap::new();
    for (index, event) in events.iter().enumerate() {
        if event.change == Change::Forget
            && plan.matches(event)
            && until.is_none_or(|last| event.day() <= last)
            && let Some(topic) = &event.topic
        {
            forgotten.insert(&**topic, index);
        }
    }
    forgotten
}

/// Replays `events`, a stretch of the history that starts at index `offset` of it, onto topics
/// none of which has any progress yet; changes `forgotten` says were forgotten do not count.
fn replay_part(
    loaded: &Loaded,
    events: &[Event],
    offset: usize,
    forgotten: &HashMap<&str, usize>,
    until: Option<NaiveDate>,
) -> Replay {
    let mut plan = PlanFilter::new(&loaded.curriculum.id);
    let mut topics = vec![TopicProgress::default(); loaded.topic_count()];
    let mut orphans: Vec<String> = Vec::new();
    let mut unknown_changes = 0;
    let mut counted =
        |event: &&Event| plan.matches(event) && until.is_none_or(|last| event.day() <= last);
    // A store shares one allocation per distinct id, so each is looked up in the curriculum
    // once, by address, rather than hashed and compared at every change.
    let mut indices = HashMap::with_capacity_and_hasher(
        loaded.topic_count().min(events.len()),
        IdHash::default(),
    );
    for (index, event) in events
        .iter()
        .enumerate()
        .filter(|(_, event)| counted(event))
    {
        let state = match &event.change {
            Change::Done => State::Done,
            Change::Undo => State::Todo,
            Change::Start => State::InProgress,
            Change::Skip => State::Skipped,
            Change::Note | Change::Begin | Change::Forget | Change::Revert | Change::Review(_) => {
                continue;
            }
            Change::Other(_) => {
                unknown_changes += 1;
                continue;
            }
        };
        let Some(topic) = &event.topic else { continue };
        if !forgotten.is_empty()
            && forgotten
                .get(&**topic)
                .is_some_and(|&forget| offset + index < forget)
        {
            continue;
        }
        let address = topic.address();
        let index = *indices
            .entry(address)
            .or_insert_with(|| loaded.index_of(topic));
        match index {
            Some(index) => {
                let progress = &mut topics[index];
                progress.state = state;
                progress.since = Some(event.day());
            }
            None if !orphans.iter().any(|orphan| **orphan == **topic) => {
                orphans.push(topic.to_string());
            }
            None => {}
        }
    }
    Replay {
        topics,
        orphans,
        unknown_changes,
    }
}

/// Where the share of done topics stands against the readiness band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Readiness {
    /// Less than the band's low edge.
    Below,
    /// From the low edge to the high edge, both included.
    Within,
    /// More than the high edge.
    Above,
}

/// The verdict for `done` topics out of `total`. The edges belong to the band: with 41 topics,
/// 25 (61%) and 28 (68.3%) are within, 24 below and 29 above.
pub fn readiness(done: usize, total: usize, band: Band) -> Readiness {
    let share = fraction(done, total);
    if share < band.low {
        Readiness::Below
    } else if share > band.high {
        Readiness::Above
    } else {
        Readiness::Within
    }
}

/// The fewest done topics, out of `total`, that reach `share`.
pub fn topics_for(share: f64, total: usize) -> usize {
    // Division is exact to the last bit, so comparing quotients keeps the edges honest where
    // multiplying `share * total` would not (0.6 * 10 is 6.000000000000001).
    (0..=total)
        .find(|&k| fraction(k, total) >= share)
        .unwrap_or(total)
}

fn fraction(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

/// A share as a percentage from 0 to 100.
pub fn percent(part: usize, total: usize) -> f64 {
    // Multiplying first keeps whole percentages exact: 29 of 100 is 29, not 28.999999999999996.
    if total == 0 {
        0.0
    } else {
        (part * 100) as f64 / total as f64
    }
}

/// Counts for a set of topics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Topics in the set.
    pub total: usize,
    /// Topics done.
    pub done: usize,
    /// Topics in progress.
    pub in_progress: usize,
    /// Topics skipped.
    pub skipped: usize,
}

impl Counts {
    fn add(&mut self, state: State) {
        self.total += 1;
        match state {
            State::Done => self.done += 1,
            State::InProgress => self.in_progress += 1,
            State::Skipped => self.skipped += 1,
            State::Todo => {}
        }
    }

    /// Done and skipped together: what the learner has dealt with.
    pub fn covered(&self) -> usize {
        self.done + self.skipped
    }

    /// Topics that can still be done: not done and not skipped.
    pub fn remaining(&self) -> usize {
        self.total - self.covered()
    }
}

/// The whole picture a report is drawn from.
#[derive(Debug, PartialEq)]
pub struct Summary {
    /// Counts over the whole curriculum.
    pub overall: Counts,
    /// Counts per stage, in order.
    pub stages: Vec<Counts>,
    /// The verdict against the band.
    pub readiness: Readiness,
    /// More topics to finish to reach the band's low edge; 0 once there.
    pub to_band: usize,
    /// False when skipped topics leave too few to reach the band's low edge.
    pub band_reachable: bool,
    /// The topic to study next.
    pub next: Option<Pos>,
}

/// Sums up a replay against its curriculum.
pub fn summarize(loaded: &Loaded, replay: &Replay) -> Summary {
    let mut overall = Counts::default();
    let mut stages = vec![Counts::default(); loaded.curriculum.stages.len()];
    for (pos, progress) in loaded.order.iter().zip(&replay.topics) {
        overall.add(progress.state);
        stages[pos.stage].add(progress.state);
    }
    let band = loaded.curriculum.band;
    let needed = topics_for(band.low, overall.total);
    Summary {
        overall,
        stages,
        readiness: readiness(overall.done, overall.total, band),
        to_band: needed.saturating_sub(overall.done),
        band_reachable: overall.done + overall.remaining() >= needed,
        next: next(loaded, replay),
    }
}

/// The topic to study next: the first one in progress, else the first not started, in
/// curriculum order. Skipped and done topics are never suggested.
pub fn next(loaded: &Loaded, replay: &Replay) -> Option<Pos> {
    upcoming(loaded, replay).next()
}

/// The topics to study, in the order to study them: those in progress, then those not started,
/// each in curriculum order. Skipped and done topics are never among them.
pub fn upcoming<'a>(loaded: &'a Loaded, replay: &'a Replay) -> impl Iterator<Item = Pos> + 'a {
    let all = |wanted: State| {
        loaded
            .order
            .iter()
            .zip(&replay.topics)
            .filter(move |(_, p)| p.state == wanted)
            .map(|(&pos, _)| pos)
    };
    all(State::InProgress).chain(all(State::Todo))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{self, Source};
    use chrono::DateTime;

    const BAND: Band = Band {
        low: 0.60,
        high: 0.70,
    };

    #[test]
    fn band_edges_with_41_topics() {
        assert_eq!(readiness(24, 41, BAND), Readiness::Below);
        assert_eq!(readiness(25, 41, BAND), Readiness::Within);
        assert_eq!(readiness(28, 41, BAND), Readiness::Within);
        assert_eq!(readiness(29, 41, BAND), Readiness::Above);
        assert_eq!(topics_for(0.60, 41), 25);
    }

    #[test]
    fn exactly_sixty_and_seventy_percent_are_within() {
        assert_eq!(readiness(6, 10, BAND), Readiness::Within);
        assert_eq!(readiness(7, 10, BAND), Readiness::Within);
        assert_eq!(readiness(71, 100, BAND), Readiness::Above);
        assert_eq!(readiness(59, 100, BAND), Readiness::Below);
        assert_eq!(topics_for(0.60, 10), 6);
        assert_eq!(topics_for(0.70, 10), 7);
    }

    #[test]
    fn degenerate_bands_and_totals() {
        assert_eq!(readiness(0, 0, BAND), Readiness::Below);
        assert_eq!(
            readiness(
                0,
                5,
                Band {
                    low: 0.0,
                    high: 0.0
                }
            ),
            Readiness::Within
        );
        assert_eq!(
            readiness(
                5,
                5,
                Band {
                    low: 1.0,
                    high: 1.0
                }
            ),
            Readiness::Within
        );
        assert_eq!(topics_for(1.0, 3), 3);
        assert_eq!(topics_for(0.0, 3), 0);
    }

    fn roadmap() -> Loaded {
        curriculum::load(&Source::Embedded).unwrap()
    }

    fn ev(topic: &str, change: Change, day: u32) -> Event {
        let at = DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00+08:00")).unwrap();
        Event::new(at, "llm-roadmap", Some(topic), change)
    }

    #[test]
    fn replay_applies_changes_in_order_and_keeps_orphans() {
        let loaded = roadmap();
        let mut other_plan = ev("why-rag", Change::Done, 1);
        other_plan.plan = "another".into();
        let events = [
            ev("why-rag", Change::Start, 1),
            ev("why-rag", Change::Done, 2),
            ev("embeddings", Change::Done, 2),
            ev("embeddings", Change::Undo, 3),
            ev("content-safety", Change::Skip, 3),
            ev("gone-topic", Change::Done, 3),
            ev("gone-topic", Change::Undo, 4),
            ev("why-rag", Change::Other("archive".into()), 5),
            other_plan,
        ];
        let replay = replay(&loaded, &events);
        let state_of = |id: &str| {
            let i = loaded
                .order
                .iter()
                .position(|&p| p == loaded.position_of(id).unwrap())
                .unwrap();
            replay.topics[i].clone()
        };
        assert_eq!(
            state_of("why-rag"),
            TopicProgress {
                state: State::Done,
                since: NaiveDate::from_ymd_opt(2026, 11, 2)
            }
        );
        assert_eq!(state_of("embeddings").state, State::Todo);
        assert_eq!(state_of("content-safety").state, State::Skipped);
        assert_eq!(replay.orphans, ["gone-topic"]);
        assert_eq!(replay.unknown_changes, 1);
    }

    #[test]
    fn a_long_history_replayed_in_two_halves_ends_where_one_pass_does() {
        let loaded = roadmap();
        let ids: Vec<String> = loaded
            .order
            .iter()
            .map(|&pos| loaded.topic(pos).id.clone())
            .collect();
        // Topics touched only early, only late and throughout; orphans and unknown changes in
        // both halves, one orphan in each.
        let changes = [
            Change::Done,
            Change::Start,
            Change::Undo,
            Change::Skip,
            Change::Note,
        ];
        let count = PARALLEL_FROM + 1001;
        let half = ids.len() / 2;
        let events: Vec<Event> = (0..count)
            .map(|i| {
                let late = i > count / 2;
                let topic = match (i % 7, late) {
                    (0, true) => "gone-late",
                    (0, false) => "gone-early",
                    (1, _) => ids[0].as_str(),
                    (_, false) => ids[1 + i / 7 % (half - 1)].as_str(),
                    (_, true) => ids[half + i / 7 % (ids.len() - half)].as_str(),
                };
                let change = match i % 101 {
                    0 => Change::Other("archive".into()),
                    n => changes[n % changes.len()].clone(),
                };
                // The learner forgets the early orphan in the second half.
                if i == count * 3 / 4 {
                    return ev("gone-early", Change::Forget, 1 + (i * 28 / count) as u32);
                }
                ev(topic, change, 1 + (i * 28 / count) as u32)
            })
            .collect();
        let one_pass = |until| {
            replay_part(
                &loaded,
                &events,
                0,
                &forgotten(&loaded, &events, until),
                until,
            )
        };
        let whole = one_pass(None);
        assert_eq!(replay(&loaded, &events), whole);
        assert_eq!(whole.orphans, ["gone-late"]);
        assert!(whole.unknown_changes > 2);
        // Every topic was touched: the early ones stand where the first half left them.
        assert!(whole.topics.iter().all(|topic| topic.since.is_some()));
        assert!(whole.topics[1].since < whole.topics[ids.len() - 1].since);
        // Up to a day in the first half, and one in the second.
        for day in [8, 20] {
            let day = NaiveDate::from_ymd_opt(2026, 11, day);
            assert_eq!(replay_until(&loaded, &events, day), one_pass(day));
        }
        // Before the day it was forgotten, the early orphan is still there.
        let before = replay_until(&loaded, &events, NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(before.orphans, ["gone-early", "gone-late"]);
    }

    #[test]
    fn a_forgotten_id_loses_the_changes_before_it_and_keeps_later_ones() {
        let loaded = roadmap();
        let events = [
            ev("gone", Change::Done, 1),
            ev("gone", Change::Forget, 2),
            ev("other-gone", Change::Start, 2),
        ];
        assert_eq!(replay(&loaded, &events).orphans, ["other-gone"]);
        let mut again = events.to_vec();
        again.push(ev("gone", Change::Done, 3));
        assert_eq!(replay(&loaded, &again).orphans, ["other-gone", "gone"]);
        // A forget of one plan is not a forget of another.
        let mut elsewhere = events.to_vec();
        elsewhere[1].plan = "another-plan".into();
        assert_eq!(replay(&loaded, &elsewhere).orphans, ["gone", "other-gone"]);
    }

    #[test]
    fn replay_until_a_day_leaves_out_later_changes() {
        let loaded = roadmap();
        let backdated = ev("embeddings", Change::Done, 9);
        let backdated = backdated.counting_for(NaiveDate::from_ymd_opt(2026, 11, 2));
        let events = [
            ev("why-rag", Change::Done, 1),
            ev("why-rag", Change::Undo, 3),
            backdated,
        ];
        let on_day_2 = replay_until(&loaded, &events, NaiveDate::from_ymd_opt(2026, 11, 2));
        let done: Vec<String> = loaded
            .order
            .iter()
            .zip(&on_day_2.topics)
            .filter(|(_, p)| p.state == State::Done)
            .map(|(&pos, _)| loaded.topic(pos).id.clone())
            .collect();
        assert_eq!(done, ["why-rag", "embeddings"]);
        assert_eq!(
            replay_until(&loaded, &events, None),
            replay(&loaded, &events)
        );
    }

    #[test]
    fn summary_counts_done_over_all_topics_and_skips_apart() {
        let loaded = roadmap();
        let mut events: Vec<Event> = loaded
            .order
            .iter()
            .take(20)
            .map(|&p| ev(&loaded.topic(p).id, Change::Done, 1))
            .collect();
        events.push(ev("why-rag", Change::Skip, 2));
        let summary = summarize(&loaded, &replay(&loaded, &events));
        assert_eq!(
            summary.overall,
            Counts {
                total: 41,
                done: 19,
                in_progress: 0,
                skipped: 1
            }
        );
        assert_eq!(summary.stages[0].done, 11);
        assert_eq!(
            summary.stages[1],
            Counts {
                total: 9,
                done: 8,
                in_progress: 0,
                skipped: 1
            }
        );
        assert_eq!(summary.readiness, Readiness::Below);
        assert_eq!(summary.to_band, 6);
        assert!(summary.band_reachable);
        assert_eq!(summary.next.map(|p| p.to_string()), Some("3.1".into()));
    }

    #[test]
    fn skipping_too_much_makes_the_band_unreachable() {
        let loaded = roadmap();
        let events: Vec<Event> = loaded
            .order
            .iter()
            .take(17)
            .map(|&p| ev(&loaded.topic(p).id, Change::Skip, 1))
            .collect();
        let summary = summarize(&loaded, &replay(&loaded, &events));
        assert_eq!(summary.overall.remaining(), 24);
        assert!(!summary.band_reachable);
    }

    #[test]
    fn next_prefers_a_topic_in_progress_then_the_first_not_started() {
        let loaded = roadmap();
        let at = |events: &[Event]| next(&loaded, &replay(&loaded, events)).map(|p| p.to_string());
        assert_eq!(at(&[]), Some("1.1".into()));
        assert_eq!(
            at(&[ev("what-llms-can-do", Change::Skip, 1)]),
            Some("1.2".into())
        );
        assert_eq!(
            at(&[ev("embeddings", Change::Start, 1)]),
            Some("2.4".into())
        );
        let all: Vec<Event> = loaded
            .order
            .iter()
            .map(|&p| ev(&loaded.topic(p).id, Change::Done, 1))
            .collect();
        assert_eq!(at(&all), None);
    }
}
