//! The reviews due: a list for people, JSON for scripts.

use chrono::NaiveDate;
use serde::Serialize;

use super::{TopicRef, mark, to_json, topic_line};
use crate::curriculum::Loaded;
use crate::i18n::{Lang, Msg};
use crate::progress::State;
use crate::review::{self, INTERVALS, TopicReviews};

/// The intervals as `1, 3, 7, 14, 30, 60` (`1、3、7` in Chinese).
pub(crate) fn intervals_text(lang: Lang) -> String {
    let all: Vec<String> = INTERVALS.iter().map(u32::to_string).collect();
    lang.list(&all)
}

/// `review`: the topics due today, oldest first, and how to record a review; or when the next
/// comes; or that nothing is done yet.
pub fn reviews(loaded: &Loaded, all: &[TopicReviews], today: NaiveDate, lang: Lang) -> String {
    let due = review::due(all, today);
    let mut out = String::new();
    if all.is_empty() {
        out.push_str(&lang.say(Msg::NothingToReview {
            intervals: &intervals_text(lang),
        }));
        out.push('\n');
        return out;
    }
    if due.is_empty() {
        out.push_str(&lang.say(Msg::NoReviewsDue));
        out.push('\n');
    } else {
        out.push_str(&lang.say(Msg::ReviewsDue { count: due.len() }));
        out.push('\n');
        for topic in &due {
            out.push_str(&due_line(loaded, topic, today, lang));
        }
        out.push_str(&lang.say(Msg::ReviewHow));
        out.push('\n');
    }
    if let Some(next) = review::next_after(all, today) {
        out.push_str(&next_line(loaded, next, today, lang));
        out.push('\n');
    }
    out
}

/// One review due: the topic's line and when it was due.
pub(crate) fn due_line(
    loaded: &Loaded,
    topic: &TopicReviews,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let when = lang.say(Msg::ReviewDue {
        due: topic.due,
        overdue: topic.overdue(today),
        aside: true,
    });
    format!(
        "{} {}  {when}\n",
        mark(State::Done),
        topic_line(loaded, topic.pos, lang)
    )
}

/// The next review to come after today.
pub(crate) fn next_line(
    loaded: &Loaded,
    next: &TopicReviews,
    today: NaiveDate,
    lang: Lang,
) -> String {
    lang.say(Msg::NextReview {
        topic: &topic_line(loaded, next.pos, lang),
        due: next.due,
        in_days: -next.overdue(today),
    })
    .into_owned()
}

/// A topic's line after a review: when the next is due; `early` when the review came before it
/// was due, `again` when the same review was recorded today already and nothing was.
pub fn reviewed_line(
    line: &str,
    topic: &TopicReviews,
    today: NaiveDate,
    (early, again): (bool, bool),
    lang: Lang,
) -> String {
    let (next, in_days) = (topic.due, -topic.overdue(today));
    let said = if again {
        lang.say(Msg::ReviewedAlready { next, in_days })
    } else {
        lang.say(Msg::Reviewed {
            next,
            in_days,
            early,
        })
    };
    format!("{} {line}  {said}\n", mark(State::Done))
}

/// One done topic's reviews as JSON.
#[derive(Serialize)]
pub(crate) struct ReviewJson<'a> {
    #[serde(flatten)]
    topic: TopicRef<'a>,
    done_on: NaiveDate,
    reviews: usize,
    last_review: Option<NaiveDate>,
    interval_days: u32,
    due: NaiveDate,
    overdue_days: i64,
}

impl<'a> ReviewJson<'a> {
    pub(crate) fn new(
        loaded: &'a Loaded,
        topic: &TopicReviews,
        today: NaiveDate,
        lang: Lang,
    ) -> ReviewJson<'a> {
        ReviewJson {
            topic: TopicRef::new(loaded, topic.pos, lang),
            done_on: topic.done_on,
            reviews: topic.reviews.len(),
            last_review: topic.reviews.last().map(|&(day, _)| day),
            interval_days: INTERVALS[topic.step],
            due: topic.due,
            overdue_days: topic.overdue(today),
        }
    }
}

/// `review --json`.
pub fn reviews_json(loaded: &Loaded, all: &[TopicReviews], today: NaiveDate, lang: Lang) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        today: NaiveDate,
        intervals: [u32; 6],
        due: Vec<ReviewJson<'a>>,
        next: Option<ReviewJson<'a>>,
    }
    to_json(&Doc {
        today,
        intervals: INTERVALS,
        due: review::due(all, today)
            .into_iter()
            .map(|topic| ReviewJson::new(loaded, topic, today, lang))
            .collect(),
        next: review::next_after(all, today)
            .map(|topic| ReviewJson::new(loaded, topic, today, lang)),
    })
}
