//! Reports to share: a Markdown checklist, a CSV sheet and a JSON document.

use chrono::NaiveDate;
use serde_json::Value;

use super::{ListFilter, list_json, percent_text, state_key, status_json, topic_line, verdict};
use crate::curriculum::Loaded;
use crate::i18n::{Label, Lang, Msg};
use crate::progress::{Replay, State, Summary};
use crate::schedule::Outlook;
use crate::store::{Change, Event};

/// A Markdown checklist: the summary and verdict on top, then `- [x]`/`- [ ]` per topic under
/// its stage's heading.
/// `events` is the history, when each topic's notes are listed under it.
pub fn markdown(
    loaded: &Loaded,
    replay: &Replay,
    summary: &Summary,
    events: Option<&[Event]>,
    lang: Lang,
    today: NaiveDate,
) -> String {
    let notes = events.map(|events| notes_by_topic(loaded, events));
    let c = &loaded.curriculum;
    let overall = summary.overall;
    let mut out = format!("# {}\n\n", escape(c.title.get(lang)));
    let mut fact = |label: Label, value: String| {
        out.push_str(&format!("- **{}** {value}\n", lang.say(Msg::Label(label))));
    };
    fact(Label::Overall, super::done_text(overall, lang));
    fact(Label::Readiness, escape(&verdict(loaded, summary, lang)));
    fact(
        Label::Next,
        match summary.next {
            Some(pos) => escape(&topic_line(loaded, pos, lang)),
            None => escape(&super::nothing_left(lang)),
        },
    );
    fact(Label::Date, today.to_string());

    for (s, (stage, counts)) in c.stages.iter().zip(&summary.stages).enumerate() {
        let counts_text = lang.say(Msg::ReportStageCounts {
            days: stage.days,
            done: counts.done,
            total: counts.total,
            percent: &percent_text(counts.done, counts.total),
        });
        out.push_str(&format!(
            "\n## {}. {}{counts_text}\n\n",
            s + 1,
            escape(stage.title.get(lang)),
        ));
        for (i, (&pos, progress)) in loaded.order.iter().zip(&replay.topics).enumerate() {
            if pos.stage != s {
                continue;
            }
            let topic = loaded.topic(pos);
            let check = if progress.state == State::Done {
                "x"
            } else {
                " "
            };
            let title = escape(topic.title.get(lang));
            let title = if progress.state == State::Skipped {
                format!("~~{title}~~")
            } else {
                title
            };
            out.push_str(&format!("- [{check}] {pos} {title} `{}`", topic.id));
            if let Some(day) = progress.since {
                match progress.state {
                    State::Todo => {}
                    State::InProgress => {
                        out.push_str(&lang.say(Msg::ReportInProgressSince { day }));
                    }
                    state => out.push_str(&lang.say(Msg::ReportStateOn {
                        state: state_key(state),
                        day,
                    })),
                }
            }
            out.push('\n');
            // Each note a list item under its topic, its later lines kept under its first.
            for (day, text) in notes.as_ref().map_or(&[][..], |all| &all[i]) {
                let text = escape(&super::visible(&text.replace("\r\n", "\n")));
                let text = text.lines().collect::<Vec<_>>().join("  \n    ");
                out.push_str(&format!("  - {day}: {text}\n"));
            }
        }
    }
    out
}

/// Each topic's notes, in the curriculum's order, each oldest first.
pub(super) fn notes_by_topic<'e>(
    loaded: &Loaded,
    events: &'e [Event],
) -> Vec<Vec<(NaiveDate, &'e str)>> {
    let plan = loaded.curriculum.id.as_str();
    let mut notes = vec![Vec::new(); loaded.topic_count()];
    for event in events {
        if event.change != Change::Note || *event.plan != *plan {
            continue;
        }
        if let Some(index) = event.topic.as_deref().and_then(|id| loaded.index_of(id)) {
            notes[index].push((event.day(), event.text().unwrap_or_default()));
        }
    }
    for list in &mut notes {
        list.sort_by_key(|&(day, _)| day);
    }
    notes
}

/// Markdown's special characters in running text, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A state as JSON names it: `in_progress`.
pub(super) fn state_word(state: State) -> String {
    serde_json::to_value(state)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The CSV header; the keys are the same in every language, like JSON's.
pub const CSV_HEADER: [&str; 8] = [
    "stage",
    "stage_id",
    "stage_title",
    "position",
    "topic_id",
    "title",
    "state",
    "since",
];

/// A CSV sheet, one row per topic. It starts with a UTF-8 byte-order mark and ends lines with
/// CRLF, so spreadsheets (Excel above all) read Chinese text right; fields are quoted as RFC 4180
/// says.
pub fn csv(loaded: &Loaded, replay: &Replay, lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    csv_row(&mut out, CSV_HEADER);
    for (&pos, progress) in loaded.order.iter().zip(&replay.topics) {
        let stage = &loaded.curriculum.stages[pos.stage];
        let topic = loaded.topic(pos);
        let state = state_word(progress.state);
        csv_row(
            &mut out,
            [
                &(pos.stage + 1).to_string(),
                &stage.id,
                stage.title.get(lang),
                &pos.to_string(),
                &topic.id,
                topic.title.get(lang),
                &state,
                &progress
                    .since
                    .map(|day| day.to_string())
                    .unwrap_or_default(),
            ],
        );
    }
    out
}

fn csv_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) || field.trim() != field {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// The `status --json` object with `topics`, every topic as `list --json` gives it, added at the
/// end.
pub fn json(
    loaded: &Loaded,
    replay: &Replay,
    summary: &Summary,
    outlook: &Outlook,
    today: (&crate::agenda::Agenda, Option<usize>),
    lang: Lang,
) -> String {
    // Built from the two documents themselves, so the report always has exactly their keys.
    let (agenda, reviews_due) = today;
    let status = status_json(loaded, summary, outlook, agenda, reviews_due, lang);
    let status: Value =
        serde_json::from_str(&status).unwrap_or_else(|_| Value::Object(Default::default()));
    let topics: Value =
        serde_json::from_str(&list_json(loaded, replay, ListFilter::default(), lang))
            .unwrap_or(Value::Array(Vec::new()));
    let mut report = match status {
        Value::Object(map) => map,
        _ => Default::default(),
    };
    report.insert("topics".into(), topics);
    super::to_json(&report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(escape("a*b_[c]`d`"), "a\\*b\\_\\[c\\]\\`d\\`");
        assert_eq!(escape("大模型 AI？"), "大模型 AI？");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        csv_row(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", " pad"],
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\"\r\n"
        );
    }
}
