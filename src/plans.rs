//! The plans a store holds: per curriculum id, what was recorded, read from the history alone so
//! that plans other than the loaded curriculum can be counted too.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::progress::State;
use crate::store::{Change, Event};

/// What the store holds for one curriculum id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanRecord {
    /// The curriculum id the events carry.
    pub id: String,
    /// Changes recorded for it.
    pub events: usize,
    /// Topics with a recorded state.
    pub topics: usize,
    /// Topics whose latest state is done.
    pub done: usize,
    /// Topics whose latest state is in progress.
    pub in_progress: usize,
    /// Topics whose latest state is skipped.
    pub skipped: usize,
    /// The day of the latest change.
    pub last: Option<NaiveDate>,
}

/// Every plan in the history, in the order each first appears.
pub fn plans(events: &[Event]) -> Vec<PlanRecord> {
    let mut order: Vec<String> = Vec::new();
    let mut states: HashMap<&str, HashMap<&str, State>> = HashMap::new();
    let mut records: HashMap<&str, PlanRecord> = HashMap::new();
    for event in events {
        let record = records.entry(&event.plan).or_insert_with(|| {
            order.push(event.plan.to_string());
            PlanRecord {
                id: event.plan.to_string(),
                ..PlanRecord::default()
            }
        });
        record.events += 1;
        record.last = record.last.max(Some(event.day()));
        let state = match event.change {
            Change::Forget => {
                if let (Some(topic), Some(topics)) = (&event.topic, states.get_mut(&*event.plan)) {
                    topics.remove(&**topic);
                }
                continue;
            }
            Change::Done => State::Done,
            Change::Undo => State::Todo,
            Change::Start => State::InProgress,
            Change::Skip => State::Skipped,
            _ => continue,
        };
        if let Some(topic) = &event.topic {
            states.entry(&event.plan).or_default().insert(topic, state);
        }
    }
    order
        .iter()
        .filter_map(|id| records.remove(id.as_str()))
        .map(|mut record| {
            if let Some(topics) = states.get(record.id.as_str()) {
                record.topics = topics.len();
                for state in topics.values() {
                    match state {
                        State::Done => record.done += 1,
                        State::InProgress => record.in_progress += 1,
                        State::Skipped => record.skipped += 1,
                        State::Todo => {}
                    }
                }
            }
            record
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn event(plan: &str, topic: &str, change: Change, at: &str) -> Event {
        Event::new(
            DateTime::parse_from_rfc3339(at).unwrap(),
            plan,
            Some(topic),
            change,
        )
    }

    #[test]
    fn counts_each_plans_latest_states_apart() {
        let events = [
            event("a", "x", Change::Done, "2026-11-01T10:00:00+08:00"),
            event("b", "x", Change::Start, "2026-11-02T10:00:00+08:00"),
            event("a", "y", Change::Skip, "2026-11-03T10:00:00+08:00"),
            event("a", "x", Change::Undo, "2026-11-04T10:00:00+08:00"),
            event("b", "z", Change::Done, "2026-11-05T10:00:00+08:00"),
        ];
        let found = plans(&events);
        assert_eq!(
            found,
            [
                PlanRecord {
                    id: "a".into(),
                    events: 3,
                    topics: 2,
                    done: 0,
                    in_progress: 0,
                    skipped: 1,
                    last: NaiveDate::from_ymd_opt(2026, 11, 4),
                },
                PlanRecord {
                    id: "b".into(),
                    events: 2,
                    topics: 2,
                    done: 1,
                    in_progress: 1,
                    skipped: 0,
                    last: NaiveDate::from_ymd_opt(2026, 11, 5),
                },
            ]
        );
    }
}
