//! The status report: stages, overall count, readiness verdict and next topic.

use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use super::{
    Style, TopicRef, bar, label, nothing_left, percent_text, to_json, topic_line, verdict,
};
use crate::curriculum::{Band, Loaded};
use crate::i18n::Lang;
use crate::progress::{self, Readiness, Summary};

/// The status report: a table of stages, then the overall count, the verdict and the next topic.
pub fn status(loaded: &Loaded, summary: &Summary, style: &Style) -> String {
    let lang = style.lang;
    let c = &loaded.curriculum;
    let mut table = style.table();
    table.set_header([
        "#",
        lang.pick("Stage", "阶段"),
        lang.pick("Days", "天数"),
        lang.pick("Done", "完成"),
        "%",
        lang.pick("Progress", "进度"),
    ]);
    for (s, (stage, counts)) in c.stages.iter().zip(&summary.stages).enumerate() {
        let complete = counts.done == counts.total;
        table.add_row([
            Cell::new(s + 1),
            Cell::new(stage.title.get(lang)),
            Cell::new(stage.days).set_alignment(CellAlignment::Right),
            Cell::new(format!("{}/{}", counts.done, counts.total))
                .set_alignment(CellAlignment::Right),
            Cell::new(percent_text(counts.done, counts.total)).set_alignment(CellAlignment::Right),
            style.cell(
                bar(counts.done, counts.total, style.bar_width()),
                if complete { Color::Green } else { Color::Reset },
            ),
        ]);
    }
    let overall = summary.overall;
    let verdict_color = match summary.readiness {
        Readiness::Below => Color::Yellow,
        _ => Color::Green,
    };
    // Numbers and bars never wrap; stage titles wrap when the terminal is narrow.
    style.fit(&mut table, &[0, 2, 3, 4, 5], &[], 0);
    let mut out = format!("{}\n{table}\n", c.title.get(lang));
    let label = |en: &str, zh: &str| label(lang.pick(en, zh), lang);
    out.push_str(&format!(
        "{}{}/{} {} ({})",
        label("Overall", "总体"),
        overall.done,
        overall.total,
        lang.pick("done", "已完成"),
        percent_text(overall.done, overall.total),
    ));
    if overall.skipped > 0 {
        out.push_str(&match lang {
            Lang::En => format!(
                ", {} skipped; covered {}",
                overall.skipped,
                percent_text(overall.covered(), overall.total)
            ),
            Lang::Zh => format!(
                "，跳过 {} 个；已覆盖 {}",
                overall.skipped,
                percent_text(overall.covered(), overall.total)
            ),
        });
    }
    out.push('\n');
    out.push_str(&label("Readiness", "准备度"));
    out.push_str(&style.paint(&verdict(loaded, summary, lang), verdict_color));
    out.push('\n');
    out.push_str(&label("Next", "下一个"));
    match summary.next {
        Some(pos) => out.push_str(&topic_line(loaded, pos, lang)),
        None => out.push_str(nothing_left(lang)),
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct StatusJson<'a> {
    curriculum: CurriculumJson<'a>,
    overall: OverallJson,
    stages: Vec<StageJson<'a>>,
    next: Option<TopicRef<'a>>,
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
}

/// `status --json`: the same facts as [`status`], with the same keys in every language.
pub fn status_json(loaded: &Loaded, summary: &Summary, lang: Lang) -> String {
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
            .map(|(stage, counts)| StageJson {
                id: &stage.id,
                title: stage.title.get(lang),
                days: stage.days,
                done: counts.done,
                in_progress: counts.in_progress,
                skipped: counts.skipped,
                total: counts.total,
                percent: progress::percent(counts.done, counts.total),
            })
            .collect(),
        next: summary.next.map(|pos| TopicRef::new(loaded, pos, lang)),
    })
}
