//! The HTML report: one page with everything inline (styles, charts), no script, no web font,
//! so it opens offline, prints on paper and reads on a phone. It is also well-formed XML, so a
//! test can read it back and check its numbers.

use std::fmt::Write as _;

use super::chart;
use super::outlook::outlook_facts;
use super::{Stats, Style, percent_text, state_key, state_name, verdict};
use crate::curriculum::Loaded;
use crate::i18n::{Label, Lang, Msg, ReportHeading, Unit};
use crate::progress::{self, Counts, Replay, State, Summary};
use crate::schedule::Outlook;
use crate::store::Event;

/// What the page shows, worked out by the command.
pub struct Page<'a> {
    pub loaded: &'a Loaded,
    pub replay: &'a Replay,
    pub summary: &'a Summary,
    pub outlook: &'a Outlook,
    /// The heatmap, the streaks and the burn-up.
    pub stats: &'a Stats<'a>,
    /// The history, when the topics' notes are shown.
    pub notes: Option<&'a [Event]>,
    pub lang: Lang,
    /// The version of studyplan that made the page.
    pub version: &'a str,
}

/// The page's own look; the charts' is [`chart::CHART_CSS`].
const PAGE_CSS: &str = "\
*{box-sizing:border-box}\
html{-webkit-text-size-adjust:100%}\
body{margin:0;color:#1f2328;background:#fff;font-size:16px;line-height:1.55}\
main{max-width:56rem;margin:0 auto;padding:2rem 1.25rem 3rem}\
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .25rem}\
h2{font-size:1.2rem;margin:2.25rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid #d8dee4}\
h3{font-size:1rem;margin:1.5rem 0 .4rem}\
.date{color:#57606a;margin:0}\
.verdict{font-size:1.1rem;font-weight:600;margin:1.25rem 0;padding:.75rem 1rem;border-radius:6px;background:#f6f8fa;border-left:4px solid #bf8700}\
.verdict.within,.verdict.above{border-left-color:#1a7f37}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.25rem;margin:0}\
dt{color:#57606a}dd{margin:0}\
.bar{display:flex;height:.65rem;border-radius:.35rem;background:#ebedf0;overflow:hidden;margin:.3rem 0}\
.bar .done{background:#1a7f37}.bar .skipped{background:#a371f7}\
.stage{margin:.9rem 0}\
.stage-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem}\
.stage-title{font-weight:600}.stage-count,.window{color:#57606a}\
.window{font-size:.85rem}\
figure{margin:0}figure svg{display:block;width:100%;height:auto}\
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0 0 .25rem;padding:0;font-size:.85rem;color:#57606a}\
.legend svg{width:1.4rem;height:.8rem;margin-right:.4rem;vertical-align:-.05rem;overflow:visible}\
.chart svg{overflow:visible}\
.heatmap svg{max-width:36rem}.heatmap text{font-size:10px}\
.study{margin:.75rem 0 0}\
ul.topics{list-style:none;margin:0;padding:0}\
ul.topics>li{display:grid;grid-template-columns:1.6rem 2.6rem 1fr;gap:0 .4rem;padding:.3rem 0;border-bottom:1px solid #eaeef2}\
.mark{text-align:center}.pos{color:#57606a;font-variant-numeric:tabular-nums}\
li.done .mark{color:#1a7f37}li.in-progress .mark{color:#bf8700}li.skipped .mark{color:#8c959f}\
li.skipped .title{text-decoration:line-through;color:#57606a}\
.id{font:.8em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#57606a;margin-left:.4rem}\
.when{color:#57606a;font-size:.85rem}\
ul.notes{grid-column:3;list-style:none;margin:.25rem 0 0;padding:0 0 0 .75rem;border-left:3px solid #d8dee4;font-size:.9rem}\
ul.notes li{white-space:pre-wrap;margin:.2rem 0}\
footer{margin-top:3rem;color:#57606a;font-size:.8rem}\
@media (max-width:36rem){.chart svg text{font-size:20px}.heatmap svg text{font-size:13px}.heatmap svg text{font-size:13px}main{padding:1.25rem 1rem 2rem}h1{font-size:1.45rem}dl{grid-template-columns:1fr}dt{margin-top:.4rem}}\
@media print{main{max-width:none;padding:0}h2{break-after:avoid}.stage,figure,ul.topics>li{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:1.5cm}}";

/// `text` safe in HTML and XML, text or attribute: the five special characters as entities, and
/// the characters XML forbids (control characters and U+FFFE, U+FFFF, which could only come
/// from a hand-edited file) shown as `\u{1b}`.
pub fn escape(text: &str) -> String {
    let text = super::visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label's words without its colon.
fn label_word(word: Label, lang: Lang) -> String {
    lang.say(Msg::LabelWord(word)).into_owned()
}

/// The numbers of a count, as attributes a script (or a test) reads back.
fn count_data(counts: Counts) -> String {
    format!(
        "data-done=\"{}\" data-in-progress=\"{}\" data-skipped=\"{}\" data-total=\"{}\" data-percent=\"{}\"",
        counts.done,
        counts.in_progress,
        counts.skipped,
        counts.total,
        progress::percent(counts.done, counts.total)
    )
}

/// A bar of done, then skipped, topics.
fn bar(counts: Counts) -> String {
    let share = |n: usize| format!("{:.2}", progress::percent(n, counts.total.max(1)));
    format!(
        "<div class=\"bar\" aria-hidden=\"true\"><span class=\"done\" style=\"width:{}%\"></span><span class=\"skipped\" style=\"width:{}%\"></span></div>",
        share(counts.done),
        share(counts.skipped)
    )
}

/// The HTML report.
pub fn html(page: &Page) -> String {
    let Page {
        loaded,
        summary,
        lang,
        ..
    } = *page;
    let c = &loaded.curriculum;
    let title = escape(c.title.get(lang));
    let today = page.stats.today;
    let mut out = String::with_capacity(16 * 1024 + 256 * loaded.topic_count());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"studyplan {}\"/>\n<title>{title}</title>\n\
         <style>body{{font-family:{}}}{PAGE_CSS}{}</style>\n</head>\n<body>\n<main>\n",
        lang.tag(),
        escape(page.version),
        chart::FONTS,
        chart::CHART_CSS,
    );
    let readiness = match summary.readiness {
        progress::Readiness::Below => "below",
        progress::Readiness::Within => "within",
        progress::Readiness::Above => "above",
    };
    let _ = write!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"date\"><time datetime=\"{today}\">{today}</time></p>\n\
         <p class=\"verdict {readiness}\" data-readiness=\"{readiness}\">{}</p>\n",
        escape(&verdict(loaded, summary, lang)),
    );
    out.push_str(&facts(page));
    out.push_str("</header>\n");
    out.push_str(&stages(page));
    out.push_str(&burn_up(page));
    out.push_str(&study_days(page));
    out.push_str(&topics(page));
    let _ = write!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        escape(&lang.say(Msg::ReportMadeBy {
            version: page.version,
            today,
        }))
    );
    out
}

/// The overall count, the next topic and the calendar, as a list of labelled facts.
fn facts(page: &Page) -> String {
    let lang = page.lang;
    let overall = page.summary.overall;
    let mut facts = Vec::new();
    let done = super::done_text(overall, lang);
    facts.push((Label::Overall, done, Some(count_data(overall))));
    let next = match page.summary.next {
        Some(pos) => {
            let topic = page.loaded.topic(pos);
            format!("{pos} {}", topic.title.get(lang))
        }
        None => super::nothing_left(lang).into_owned(),
    };
    facts.push((Label::Next, next, None));
    let style = Style {
        lang,
        color: false,
        width: None,
        ascii: false,
    };
    facts.extend(
        outlook_facts(page.loaded, page.summary, page.outlook, &style)
            .into_iter()
            .map(|(word, text)| (word, text, None)),
    );
    let mut out = String::from("<dl class=\"facts\">\n");
    for (word, text, data) in facts {
        let data = data.map(|d| format!(" {d}")).unwrap_or_default();
        // The overall count has its bar under it.
        let bar = match word {
            Label::Overall => bar(overall),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd{data}>{}{bar}</dd>",
            escape(&label_word(word, lang)),
            escape(&text)
        );
    }
    out.push_str("</dl>\n");
    out
}

/// Each stage with its bar, its count and its planned window.
fn stages(page: &Page) -> String {
    let lang = page.lang;
    let windows = page.outlook.schedule.as_ref().map(|s| &s.windows);
    let mut out = format!(
        "<section class=\"stages\">\n<h2>{}</h2>\n",
        escape(&lang.say(Msg::ReportHeading(ReportHeading::Stages)))
    );
    let stages = &page.loaded.curriculum.stages;
    for (s, (stage, &counts)) in stages.iter().zip(&page.summary.stages).enumerate() {
        let days = lang.count(stage.days, Unit::Day);
        let window = super::window_text(windows.and_then(|w| w.get(s).copied().flatten()));
        let _ = write!(
            out,
            "<div class=\"stage\" data-stage=\"{}\" {}>\n<div class=\"stage-head\"><span class=\"stage-title\">{}. {}</span>\
             <span class=\"stage-count\">{}/{} · {}</span></div>\n{}\n<div class=\"window\">{}{}</div>\n</div>\n",
            escape(&stage.id),
            count_data(counts),
            s + 1,
            escape(stage.title.get(lang)),
            counts.done,
            counts.total,
            percent_text(counts.done, counts.total),
            bar(counts),
            escape(&days),
            match window.is_empty() {
                true => String::new(),
                false => format!(" · {window}"),
            }
        );
    }
    out.push_str("</section>\n");
    out
}

/// The burn-up, or why there is none yet.
fn burn_up(page: &Page) -> String {
    let lang = page.lang;
    let svg = chart::for_plan(
        page.loaded,
        page.outlook,
        page.stats.burn_up.as_ref(),
        page.stats.today,
        lang,
        false,
    );
    // The legend as text beside the chart, so that it wraps on a phone.
    let legend: String = match &page.stats.burn_up {
        Some(burn_up) => {
            let band = super::band_text(page.loaded.curriculum.band);
            chart::legend_keys(&band, chart::has_skips(burn_up), lang)
                .into_iter()
                .map(|(class, text)| {
                    format!(
                        "<li><svg viewBox=\"0 0 18 10\" aria-hidden=\"true\">{}</svg>{}</li>",
                        chart::swatch(class, 0.0, 5.0),
                        escape(&text)
                    )
                })
                .collect()
        }
        None => String::new(),
    };
    let legend = match legend.is_empty() {
        true => legend,
        false => format!("<ul class=\"legend\">{legend}</ul>"),
    };
    format!(
        "<section class=\"progress\">\n<h2>{}</h2>\n{legend}<figure class=\"chart\">{svg}</figure>\n</section>\n",
        escape(&lang.say(Msg::ReportHeading(ReportHeading::BurnUp)))
    )
}

/// The heatmap, the streaks and the study days of the last weeks.
fn study_days(page: &Page) -> String {
    let lang = page.lang;
    let stats = page.stats;
    let svg = chart::heatmap(stats, super::stats::HEATMAP_WEEKS, lang);
    let streak = lang.say(Msg::StatsStreak {
        current: stats.streaks.current,
        longest: stats.streaks.longest,
        ended: stats.streaks.longest_ended,
    });
    let recent = lang.say(Msg::StatsStudyDays {
        last7: stats.last7,
        last30: stats.last30,
    });
    format!(
        "<section class=\"study-days\">\n<h2>{}</h2>\n<figure class=\"heatmap\">{svg}</figure>\n\
         <dl class=\"study\" data-streak=\"{}\" data-longest=\"{}\" data-last-7=\"{}\" data-last-30=\"{}\">\
         <dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n</section>\n",
        escape(&lang.say(Msg::ReportHeading(ReportHeading::StudyDays))),
        stats.streaks.current,
        stats.streaks.longest,
        stats.last7,
        stats.last30,
        escape(&label_word(Label::Streak, lang)),
        escape(&streak),
        escape(&label_word(Label::StudyDays, lang)),
        escape(&recent),
    )
}

/// The checklist: each stage's topics with their state and its date, and their notes when asked.
fn topics(page: &Page) -> String {
    let lang = page.lang;
    let loaded = page.loaded;
    let notes = page
        .notes
        .map(|events| super::report::notes_by_topic(loaded, events));
    let mut out = format!(
        "<section class=\"checklist\">\n<h2>{}</h2>\n",
        escape(&lang.say(Msg::ReportHeading(ReportHeading::Topics)))
    );
    let mut stage = None;
    for (i, (&pos, progress)) in loaded.order.iter().zip(&page.replay.topics).enumerate() {
        if stage != Some(pos.stage) {
            if stage.is_some() {
                out.push_str("</ul>\n");
            }
            stage = Some(pos.stage);
            let _ = write!(
                out,
                "<h3>{}. {}</h3>\n<ul class=\"topics\">\n",
                pos.stage + 1,
                escape(loaded.curriculum.stages[pos.stage].title.get(lang))
            );
        }
        let topic = loaded.topic(pos);
        let (class, mark) = match progress.state {
            State::Todo => ("todo", "○"),
            State::InProgress => ("in-progress", "◐"),
            State::Done => ("done", "✓"),
            State::Skipped => ("skipped", "–"),
        };
        // A topic not started says nothing more; one that was, when it got where it is.
        let when = match (progress.state, progress.since) {
            (State::Todo, _) => None,
            (state, None) => Some(state_name(state, lang).into_owned()),
            (state, Some(day)) => Some(
                lang.say(Msg::ReportWhen {
                    state: state_key(state),
                    day,
                })
                .into_owned(),
            ),
        };
        let when = when
            .map(|when| format!("<br/><span class=\"when\">{}</span>", escape(&when)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li class=\"{class}\" data-topic=\"{}\" data-state=\"{}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span>\
             <span class=\"pos\">{pos}</span><span><span class=\"title\">{}</span><span class=\"id\">{}</span>{when}</span>",
            escape(&topic.id),
            super::report::state_word(progress.state),
            escape(topic.title.get(lang)),
            escape(&topic.id),
        );
        if let Some(mine) = notes.as_ref().map(|all| &all[i])
            && !mine.is_empty()
        {
            out.push_str("<ul class=\"notes\">");
            for (day, text) in mine {
                let _ = write!(
                    out,
                    "<li><time datetime=\"{day}\">{day}</time> {}</li>",
                    escape(&text.replace("\r\n", "\n"))
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    if stage.is_some() {
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_text_and_attributes() {
        assert_eq!(
            escape("<b>\"R&D\"</b> 'x'"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;"
        );
        assert_eq!(escape("大模型\u{1b}[2J"), "大模型\\u{1b}[2J");
        assert_eq!(escape("two\nlines"), "two\nlines");
        assert_eq!(escape("a\u{ffff}b\u{fffe}"), "a\\u{ffff}b\\u{fffe}");
    }
}
