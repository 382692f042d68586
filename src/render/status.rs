//! The status report: stages, overall count, readiness verdict and next topic.

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, Table};
use serde::Serialize;

use super::outlook::{GeniusJson, PaceJson, ScheduleJson, outlook_lines, window_text};
use super::today::TodayJson;
use super::{
    Layout, Style, TopicRef, bar, label, nothing_left, percent_text, skipped_text, to_json,
    topic_line, verdict,
};
use crate::agenda::Agenda;
use crate::curriculum::{Band, Loaded};
use crate::i18n::{Header, Label, Lang, Msg};
use crate::progress::{self, Readiness, Summary};
use crate::schedule::Outlook;

/// The status report: a table of stages (with their planned dates once the plan has a start),
/// then the overall count, the verdict, the calendar and the next topic.
/// `today` is the agenda's line, when there is one.
pub fn status(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    today: Option<&str>,
    style: &Style,
) -> String {
    let lang = style.lang;
    let c = &loaded.curriculum;
    let planned = |ids: bool| outlook.schedule.as_ref().map(|_| if ids { 4 } else { 3 });
    // Ids, numbers, bars and planned windows never wrap; stage titles may. On a narrow terminal
    // the planned windows go, leaving the room to the titles.
    let (mut table, keep) = stage_table(loaded, summary, outlook, style, false);
    let optional: Vec<usize> = planned(false).into_iter().collect();
    let mut layout = style.fit(&mut table, &keep, &optional, 16);
    // The stage ids, which messages ask for, show in a table with room for them beside what it
    // shows anyway, none of its titles wrapped; and always in blocks.
    let hidden = planned(false).filter(|&c| {
        table.column(c).and_then(|column| column.constraint()) == Some(&ColumnConstraint::Hidden)
    });
    let (mut with_ids, keep) = stage_table(loaded, summary, outlook, style, true);
    let hidden = hidden.map(|c| c + 1);
    let full: usize = with_ids
        .column_max_content_widths()
        .iter()
        .enumerate()
        .filter(|&(c, _)| Some(c) != hidden)
        .map(|(_, &w)| usize::from(w) + 3)
        .sum::<usize>()
        + 1;
    let width = usize::from(style.width.unwrap_or(crate::wrap::PIPED_WIDTH));
    if layout != Layout::Table || full <= width {
        let optional: Vec<usize> = planned(true).into_iter().collect();
        layout = style.fit(&mut with_ids, &keep, &optional, 16);
        table = with_ids;
    }
    let mut out = format!("{}\n{}\n", c.title.get(lang), style.show(&table, &layout));
    let overall = summary.overall;
    let verdict_color = match summary.readiness {
        Readiness::Below => Color::Yellow,
        _ => Color::Green,
    };
    let label = |word| label(word, lang);
    out.push_str(&label(Label::Overall));
    out.push_str(&lang.say(Msg::DoneOf {
        done: overall.done,
        total: overall.total,
        percent: &percent_text(overall.done, overall.total),
    }));
    out.push_str(&skipped_text(overall, lang));
    out.push('\n');
    out.push_str(&label(Label::Readiness));
    out.push_str(&style.paint(&verdict(loaded, summary, lang), verdict_color));
    out.push('\n');
    out.push_str(&outlook_lines(loaded, summary, outlook, style));
    out.push_str(today.unwrap_or_default());
    out.push_str(&label(Label::Next));
    match summary.next {
        Some(pos) => out.push_str(&topic_line(loaded, pos, lang)),
        None => out.push_str(&nothing_left(lang)),
    }
    out.push('\n');
    out
}

/// The table of stages, with their ids or without, and the columns never wrapped: all but the
/// titles.
fn stage_table(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    style: &Style,
    ids: bool,
) -> (Table, Vec<usize>) {
    let lang = style.lang;
    let c = &loaded.curriculum;
    let schedule = outlook.schedule.as_ref();
    let mut table = style.table();
    let word = |header| lang.say(Msg::Header(header));
    let mut header = vec!["#".into(), word(Header::Stage), word(Header::Days)];
    if ids {
        header.insert(2, word(Header::Id));
    }
    if schedule.is_some() {
        header.push(word(Header::Planned));
    }
    header.extend([word(Header::Done), "%".into(), word(Header::Progress)]);
    table.set_header(header);
    for (s, (stage, counts)) in c.stages.iter().zip(&summary.stages).enumerate() {
        let complete = counts.done == counts.total;
        let mut row = vec![
            Cell::new(s + 1),
            Cell::new(stage.title.get(lang)),
            Cell::new(stage.days).set_alignment(CellAlignment::Right),
        ];
        if ids {
            row.insert(2, Cell::new(&stage.id));
        }
        if let Some(schedule) = schedule {
            let today = schedule.expected_stage == Some(s);
            let window = window_text(schedule.windows.get(s).copied().flatten());
            // The en dash is drawn two columns wide where box-drawing characters are.
            let window = if style.ascii {
                window.replace('–', "-")
            } else {
                window
            };
            row.push(style.cell(window, if today { Color::Cyan } else { Color::Reset }));
        }
        row.extend([
            Cell::new(format!("{}/{}", counts.done, counts.total))
                .set_alignment(CellAlignment::Right),
            Cell::new(percent_text(counts.done, counts.total)).set_alignment(CellAlignment::Right),
            style.cell(
                bar(counts.done, counts.total, style.bar_width()),
                if complete { Color::Green } else { Color::Reset },
            ),
        ]);
        table.add_row(row);
    }
    let keep: Vec<usize> = (0..table.column_count()).filter(|&c| c != 1).collect();
    (table, keep)
}

#[derive(Serialize)]
struct StatusJson<'a> {
    curriculum: CurriculumJson<'a>,
    overall: OverallJson,
    stages: Vec<StageJson<'a>>,
    next: Option<TopicRef<'a>>,
    schedule: Option<ScheduleJson<'a>>,
    pace: PaceJson,
    genius: Option<GeniusJson>,
    today: TodayJson,
}

#[derive(Serialize)]
struct CurriculumJson<'a> {
    id: &'a str,
    title: &'a str,
    band: Band,
}

#[derive(Serialize)]
struct OverallJson {
    done: usize,
    in_progress: usize,
    skipped: usize,
    total: usize,
    percent: f64,
    covered_percent: f64,
    readiness: Readiness,
    to_band: usize,
    band_reachable: bool,
}

#[derive(Serialize)]
struct StageJson<'a> {
    id: &'a str,
    title: &'a str,
    days: i64,
    done: usize,
    in_progress: usize,
    skipped: usize,
    total: usize,
    percent: f64,
    planned_start: Option<String>,
    planned_end: Option<String>,
}

/// `status --json`: the same facts as [`status`], with the same keys in every language.
pub fn status_json(
    loaded: &Loaded,
    summary: &Summary,
    outlook: &Outlook,
    agenda: &Agenda,
    reviews_due: Option<usize>,
    lang: Lang,
) -> String {
    let window = |s: usize| {
        outlook
            .schedule
            .as_ref()
            .and_then(|schedule| schedule.windows.get(s).copied().flatten())
    };
    let c = &loaded.curriculum;
    let overall = summary.overall;
    to_json(&StatusJson {
        curriculum: CurriculumJson {
            id: &c.id,
            title: c.title.get(lang),
            band: c.band,
        },
        overall: OverallJson {
            done: overall.done,
            in_progress: overall.in_progress,
            skipped: overall.skipped,
            total: overall.total,
            percent: progress::percent(overall.done, overall.total),
            covered_percent: progress::percent(overall.covered(), overall.total),
            readiness: summary.readiness,
            to_band: summary.to_band,
            band_reachable: summary.band_reachable,
        },
        stages: c
            .stages
            .iter()
            .zip(&summary.stages)
            .enumerate()
            .map(|(s, (stage, counts))| StageJson {
                id: &stage.id,
                title: stage.title.get(lang),
                days: stage.days,
                done: counts.done,
                in_progress: counts.in_progress,
                skipped: counts.skipped,
                total: counts.total,
                percent: progress::percent(counts.done, counts.total),
                planned_start: window(s).map(|w| w.first.to_string()),
                planned_end: window(s).map(|w| w.last.to_string()),
            })
            .collect(),
        next: summary.next.map(|pos| TopicRef::new(loaded, pos, lang)),
        schedule: outlook
            .schedule
            .as_ref()
            .map(|schedule| ScheduleJson::new(loaded, schedule)),
        pace: PaceJson::new(&outlook.pace),
        genius: outlook.genius.as_ref().map(GeniusJson::new),
        today: TodayJson::new(agenda, reviews_due),
    })
}
