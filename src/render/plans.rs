//! `curricula`: the plans a store holds, with their progress.

use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use super::{Style, percent_text, to_json};
use crate::curriculum::Loaded;
use crate::i18n::{Header, Lang, Msg};
use crate::plans::PlanRecord;
use crate::progress::Summary;

/// One row: a plan in the store, or the loaded curriculum when nothing is recorded for it yet.
fn rows<'a>(
    loaded: &'a Loaded,
    records: &'a [PlanRecord],
) -> impl Iterator<Item = (bool, PlanRecord)> + 'a {
    let current = loaded.curriculum.id.as_str();
    let missing = (!records.iter().any(|record| record.id == current)).then(|| PlanRecord {
        id: current.to_owned(),
        ..PlanRecord::default()
    });
    records
        .iter()
        .cloned()
        .chain(missing)
        .map(move |record| (record.id == current, record))
}

/// The table of plans; the loaded curriculum is marked and shows done out of its total.
pub fn plans(loaded: &Loaded, summary: &Summary, records: &[PlanRecord], style: &Style) -> String {
    let lang = style.lang;
    let mut table = style.table();
    let word = |header| lang.say(Msg::Header(header));
    table.set_header([
        "".into(),
        word(Header::Plan),
        word(Header::Title),
        word(Header::Done),
        word(Header::InProgress),
        word(Header::Skipped),
        word(Header::LastChange),
    ]);
    for (current, record) in rows(loaded, records) {
        let (mark, title, done) = if current {
            let overall = summary.overall;
            (
                "*",
                loaded.curriculum.title.get(lang).to_owned(),
                format!(
                    "{}/{} ({})",
                    overall.done,
                    overall.total,
                    percent_text(overall.done, overall.total)
                ),
            )
        } else {
            ("", String::new(), record.done.to_string())
        };
        let (in_progress, skipped) = if current {
            (summary.overall.in_progress, summary.overall.skipped)
        } else {
            (record.in_progress, record.skipped)
        };
        table.add_row([
            style.cell(mark, Color::Green),
            Cell::new(&record.id),
            Cell::new(title),
            Cell::new(done).set_alignment(CellAlignment::Right),
            Cell::new(in_progress).set_alignment(CellAlignment::Right),
            Cell::new(skipped).set_alignment(CellAlignment::Right),
            Cell::new(record.last.map(|day| day.to_string()).unwrap_or_default()),
        ]);
    }
    let layout = style.fit(&mut table, &[0, 1, 3, 4, 5, 6], &[6, 2], 16);
    format!(
        "{}\n{}\n",
        style.show(&table, &layout),
        lang.say(Msg::CurrentPlanNote)
    )
}

#[derive(Serialize)]
struct PlanJson<'a> {
    id: &'a str,
    current: bool,
    title: Option<&'a str>,
    done: usize,
    in_progress: usize,
    skipped: usize,
    total: Option<usize>,
    events: usize,
    last_change: Option<String>,
}

/// `curricula --json`: one object per plan; `title` and `total` are known only for the loaded
/// curriculum.
pub fn plans_json(
    loaded: &Loaded,
    summary: &Summary,
    records: &[PlanRecord],
    lang: Lang,
) -> String {
    let rows: Vec<(bool, PlanRecord)> = rows(loaded, records).collect();
    let plans: Vec<PlanJson> = rows
        .iter()
        .map(|(current, record)| PlanJson {
            id: &record.id,
            current: *current,
            title: current.then(|| loaded.curriculum.title.get(lang)),
            done: if *current {
                summary.overall.done
            } else {
                record.done
            },
            in_progress: if *current {
                summary.overall.in_progress
            } else {
                record.in_progress
            },
            skipped: if *current {
                summary.overall.skipped
            } else {
                record.skipped
            },
            total: current.then_some(summary.overall.total),
            events: record.events,
            last_change: record.last.map(|day| day.to_string()),
        })
        .collect();
    to_json(&plans)
}
