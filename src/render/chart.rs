//! Charts as SVG: the burn-up of done topics against the plan, and the heatmap of study days.
//! Their geometry is arithmetic on the data ([`Plot`]), so it is tested without a browser; the
//! look is a few classes, styled by [`CHART_CSS`] in the page or inside a chart of its own.

use std::fmt::Write as _;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::html::escape;
use super::stats::{Grid, Stats, level};
use crate::curriculum::Loaded;
use crate::i18n::{ChartLine, Lang, Msg};
use crate::schedule::Outlook;
use crate::stats::BurnUp;

/// The burn-up's width, in the SVG's own units.
pub const WIDTH: f64 = 640.0;
/// The burn-up's height.
pub const HEIGHT: f64 = 320.0;
/// The plot inside it: room for the legend above, the percentages left and the dates below.
const LEFT: f64 = 44.0;
const RIGHT: f64 = WIDTH - 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = HEIGHT - 28.0;
/// The text's size; a column of text is taken as 0.6 of it wide, more than most fonts draw.
const FONT: f64 = 12.0;

/// The heatmap's cells, the step from one to the next, and the room for labels.
const CELL: f64 = 11.0;
const STEP: f64 = 14.0;
const ROW_LABEL: f64 = 34.0;
const MONTH_ROW: f64 = 16.0;

/// The charts' look, for a page that holds them and for a chart on its own. Plain colours, no
/// custom properties: some SVG viewers know no CSS beyond selectors and properties.
pub const CHART_CSS: &str = "\
svg text{font-size:12px;fill:#57606a}\
.grid{stroke:#d8dee4;stroke-width:1}\
.axis{stroke:#8c959f;stroke-width:1}\
.band{fill:#2da44e;fill-opacity:.13}\
.band-key{fill:#2da44e;fill-opacity:.3}\
.stage-edge{stroke:#afb8c1;stroke-width:1;stroke-dasharray:2 3}\
.calendar-end{stroke:#8c959f;stroke-width:1;stroke-dasharray:6 3}\
.planned{fill:none;stroke:#8c959f;stroke-width:2;stroke-dasharray:6 4}\
.covered{fill:none;stroke:#a371f7;stroke-width:2}\
.done{fill:none;stroke:#1a7f37;stroke-width:2.5;stroke-linejoin:round}\
.today{stroke:#cf222e;stroke-width:1.5}\
text.today-label{fill:#cf222e}\
.l0{fill:#ebedf0}.l1{fill:#9be9a8}.l2{fill:#40c463}.l3{fill:#30a14e}.l4{fill:#216e39}";

/// The fonts the page and a chart on its own ask for: the system's, Chinese ones among them.
pub const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', \
'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', \
'WenQuanYi Micro Hei', sans-serif";

/// Where days and topic counts fall in the burn-up's plot.
#[derive(Clone, Copy, Debug)]
pub struct Plot {
    start: NaiveDate,
    /// Days from the start to the last one drawn, both counted.
    days: i64,
    total: usize,
}

impl Plot {
    /// The plot of a burn-up: from its start to its last point, up to its topics.
    pub fn of(burn_up: &BurnUp) -> Plot {
        let last = burn_up.points.last().map_or(burn_up.end, |p| p.day);
        Plot {
            start: burn_up.start,
            days: ((last - burn_up.start).num_days() + 1).max(1),
            total: burn_up.total.max(1),
        }
    }

    /// Where `day` begins; its end is where the next day begins.
    pub fn x(&self, day: NaiveDate) -> f64 {
        let offset = (day - self.start).num_days().clamp(0, self.days) as f64;
        LEFT + offset / self.days as f64 * (RIGHT - LEFT)
    }

    /// Where the end of `day` is: a count by the end of a day is drawn there.
    pub fn x_end(&self, day: NaiveDate) -> f64 {
        day.succ_opt().map_or(RIGHT, |next| self.x(next))
    }

    /// The height of `topics` done.
    pub fn y(&self, topics: usize) -> f64 {
        BOTTOM - topics.min(self.total) as f64 / self.total as f64 * (BOTTOM - TOP)
    }
}

/// A number as SVG takes it: at most one decimal, none when whole.
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A polyline through the points, from the plan's start at zero.
fn polyline(class: &str, plot: &Plot, points: impl Iterator<Item = (NaiveDate, usize)>) -> String {
    let mut at = format!("{},{}", num(LEFT), num(plot.y(0)));
    for (day, count) in points {
        let _ = write!(at, " {},{}", num(plot.x_end(day)), num(plot.y(count)));
    }
    format!("<polyline class=\"{class}\" points=\"{at}\"/>\n")
}

/// How wide `text` is drawn, about.
fn text_width(text: &str) -> f64 {
    text.width() as f64 * FONT * 0.6
}

/// A chart's opening tag: a chart on its own names its namespace, its size and its fonts, and
/// brings its styles and a white ground, so it reads the same in any viewer.
fn open(class: &str, width: f64, height: f64, title: &str, alone: bool) -> String {
    let (w, h) = (num(width), num(height));
    let mut out = format!("<svg class=\"{class}\" viewBox=\"0 0 {w} {h}\" role=\"img\"");
    if alone {
        let _ = write!(
            out,
            " xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"{FONTS}\""
        );
    }
    let _ = writeln!(out, "><title>{}</title>", escape(title));
    if alone {
        let _ = writeln!(
            out,
            "<style>{CHART_CSS}</style><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
        );
    }
    out
}

/// The burn-up of `loaded`'s plan once it has started, or in its place what it waits for.
pub fn for_plan(
    loaded: &Loaded,
    outlook: &Outlook,
    burn_up: Option<&BurnUp>,
    today: NaiveDate,
    lang: Lang,
    alone: bool,
) -> String {
    let start = outlook.schedule.as_ref().map(|s| s.start);
    match burn_up {
        Some(chart) => {
            let starts = outlook
                .schedule
                .as_ref()
                .map(|s| stage_starts(&s.windows))
                .unwrap_or_default();
            let band = super::band_text(loaded.curriculum.band);
            self::burn_up(chart, today, &starts, &band, lang, alone)
        }
        None => not_started(start.filter(|&start| start > today), lang, alone),
    }
}

/// The burn-up: done (and, where topics were skipped, done or skipped) topics by the end of
/// each day against the plan's expected ones, the band shaded, each stage's planned first day
/// and the calendar's end ruled, today marked. `stage_starts` are the stages after the first,
/// each with its planned first day; `band` is the band as `60-70%`.
pub fn burn_up(
    burn_up: &BurnUp,
    today: NaiveDate,
    stage_starts: &[(usize, NaiveDate)],
    band: &str,
    lang: Lang,
    alone: bool,
) -> String {
    let plot = Plot::of(burn_up);
    let title = lang.say(Msg::ReportHeading(crate::i18n::ReportHeading::BurnUp));
    let mut out = open("burn-up", WIDTH, HEIGHT, &title, alone);
    let (low, high) = (plot.y(burn_up.band.0), plot.y(burn_up.band.1));
    let _ = writeln!(
        out,
        "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(LEFT),
        num(high),
        num(RIGHT - LEFT),
        num(low - high)
    );
    for percent in (0..=100).step_by(20) {
        let y = num(BOTTOM - f64::from(percent) / 100.0 * (BOTTOM - TOP));
        let class = if percent == 0 { "axis" } else { "grid" };
        let _ = writeln!(
            out,
            "<line class=\"{class}\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\
             <text x=\"{}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{percent}%</text>",
            num(LEFT),
            num(RIGHT),
            num(LEFT - 6.0),
        );
    }
    // A stage's number where it does not run into the one before (on a long history, the
    // stages are days apart in the chart).
    let mut free = f64::MIN;
    for &(s, first) in stage_starts {
        let at = plot.x(first);
        let x = num(at);
        let _ = writeln!(
            out,
            "<line class=\"stage-edge\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
            num(TOP),
            num(BOTTOM),
        );
        if at >= free {
            let _ = writeln!(
                out,
                "<text x=\"{x}\" y=\"{}\" dx=\"3\">{}</text>",
                num(TOP + FONT),
                s + 1
            );
            free = at + FONT * 1.5;
        }
    }
    let last = burn_up.points.last().map_or(burn_up.end, |p| p.day);
    if last > burn_up.end {
        let x = num(plot.x_end(burn_up.end));
        let _ = writeln!(
            out,
            "<line class=\"calendar-end\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
            num(TOP),
            num(BOTTOM)
        );
    }
    let points = &burn_up.points;
    out.push_str(&polyline(
        "planned",
        &plot,
        points.iter().map(|p| (p.day, p.expected)),
    ));
    let drawn = |pick: fn(&crate::stats::BurnPoint) -> Option<usize>| {
        points.iter().filter_map(move |p| Some((p.day, pick(p)?)))
    };
    // Skipped topics show as a line of their own only where there are any.
    let skipped = has_skips(burn_up);
    if skipped {
        out.push_str(&polyline("covered", &plot, drawn(|p| p.covered)));
    }
    out.push_str(&polyline("done", &plot, drawn(|p| p.done)));
    let today_x = plot.x_end(today);
    let today_text = lang.say(Msg::ChartLine(ChartLine::Today));
    if (LEFT..=RIGHT).contains(&today_x) {
        // The label stays inside the plot near either edge.
        let anchor = if today_x + text_width(&today_text) / 2.0 > RIGHT {
            "end"
        } else if today_x - text_width(&today_text) / 2.0 < LEFT {
            "start"
        } else {
            "middle"
        };
        let x = num(today_x);
        let _ = writeln!(
            out,
            "<line class=\"today\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\
             <text class=\"today-label\" x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            num(TOP - 4.0),
            num(BOTTOM),
            num(TOP - 8.0),
            escape(&today_text)
        );
    }
    // The dates: the first day at the left, the last at the right, and the calendar's end
    // between them where it is not in their way.
    let date_y = num(BOTTOM + 18.0);
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{date_y}\">{}</text><text x=\"{}\" y=\"{date_y}\" text-anchor=\"end\">{last}</text>",
        num(LEFT),
        burn_up.start,
        num(RIGHT),
    );
    let end_x = plot.x_end(burn_up.end);
    let room = text_width("2026-01-01") * 1.2;
    if last > burn_up.end && end_x - LEFT > room && RIGHT - end_x > room {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{date_y}\" text-anchor=\"middle\">{}</text>",
            num(end_x),
            burn_up.end
        );
    }
    if alone {
        out.push_str(&legend(band, skipped, lang));
    }
    out.push_str("</svg>\n");
    out
}

/// The burn-up's legend: each line's class and what it stands for. `skipped` when the chart
/// draws the done-or-skipped line.
pub fn legend_keys(band: &str, skipped: bool, lang: Lang) -> Vec<(&'static str, String)> {
    let mut keys = vec![("done", lang.say(Msg::ChartLine(ChartLine::Done)))];
    if skipped {
        keys.push(("covered", lang.say(Msg::ChartLine(ChartLine::Covered))));
    }
    keys.push(("planned", lang.say(Msg::ChartLine(ChartLine::Planned))));
    keys.push(("band-key", lang.say(Msg::ChartBand { band })));
    keys.into_iter()
        .map(|(class, text)| (class, text.into_owned()))
        .collect()
}

/// A legend key's mark, 18 wide and 10 high around the middle line `y`, from `x`: a stretch of
/// the line of `class`, or the band's colour.
pub fn swatch(class: &str, x: f64, y: f64) -> String {
    let (from, to) = (num(x), num(x + 18.0));
    match class {
        "band-key" => format!(
            "<rect class=\"{class}\" x=\"{from}\" y=\"{}\" width=\"18\" height=\"10\"/>",
            num(y - 5.0)
        ),
        _ => format!("<line class=\"{class}\" x1=\"{from}\" y1=\"{y}\" x2=\"{to}\" y2=\"{y}\"/>"),
    }
}

/// Whether the burn-up draws a done-or-skipped line: where topics were skipped.
pub fn has_skips(burn_up: &BurnUp) -> bool {
    burn_up.points.iter().any(|p| p.covered != p.done)
}

/// The burn-up's legend, in a row above the plot, for a chart on its own (a page shows its
/// own, which wraps on a phone).
fn legend(band: &str, skipped: bool, lang: Lang) -> String {
    let keys = legend_keys(band, skipped, lang);
    let mut out = String::new();
    let mut x = LEFT;
    let y = 14.0;
    for (class, text) in keys {
        let _ = writeln!(out, "{}", swatch(class, x, y));
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            num(x + 24.0),
            num(y + 4.0),
            escape(&text)
        );
        x += 24.0 + text_width(&text) + 16.0;
    }
    out
}

/// In place of the burn-up, before the plan has a start (or before the day it is planned to
/// start on): the frame and why it is empty, in lines that fit it.
pub fn not_started(planned: Option<NaiveDate>, lang: Lang, alone: bool) -> String {
    let title = lang.say(Msg::ReportHeading(crate::i18n::ReportHeading::BurnUp));
    let mut out = open("burn-up", WIDTH, HEIGHT / 2.0, &title, alone);
    let why = match planned {
        Some(start) => lang.say(Msg::ChartStartsOn { start }),
        None => lang.say(Msg::ChartNotStarted),
    };
    let columns = ((WIDTH - 2.0 * LEFT) / (FONT * 0.6)) as u16;
    let lines = crate::wrap::fit_lines(&why, columns);
    let lines: Vec<&str> = lines.lines().collect();
    let first = HEIGHT / 4.0 - (lines.len() as f64 - 1.0) * FONT * 0.75;
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            num(WIDTH / 2.0),
            num(first + i as f64 * FONT * 1.5),
            escape(line.trim())
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The heatmap of study days: one column a week, one row a weekday, a cell's shade its level,
/// and its date and count when pointed at.
pub fn heatmap(stats: &Stats, weeks: usize, lang: Lang) -> String {
    let grid = Grid::new(stats, weeks);
    let width = ROW_LABEL + weeks as f64 * STEP;
    let height = MONTH_ROW + 7.0 * STEP + 22.0;
    let title = lang.say(Msg::ReportHeading(crate::i18n::ReportHeading::StudyDays));
    let mut out = open("heatmap", width, height, &title, false);
    let mut free = 0.0;
    for (week, month) in grid.months() {
        let x = ROW_LABEL + week as f64 * STEP;
        let text = lang.say(Msg::MonthShort { month });
        if x >= free && x + text_width(&text) <= width {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"11\">{}</text>",
                num(x),
                escape(&text)
            );
            free = x + text_width(&text) + 4.0;
        }
    }
    let first_weekday = stats.week_start.num_days_from_monday();
    for row in 0..7 {
        let y = MONTH_ROW + row as f64 * STEP;
        let weekday = (first_weekday + row as u32) % 7;
        if matches!(weekday, 0 | 2 | 4) {
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"{}\">{}</text>",
                num(y + CELL - 1.0),
                escape(&lang.say(Msg::WeekdayShort { day: weekday }))
            );
        }
        for week in 0..weeks {
            let Some(day) = grid.day(week, row) else {
                continue;
            };
            let count = grid.counts[week * 7 + row];
            let _ = writeln!(
                out,
                "<rect class=\"l{}\" x=\"{}\" y=\"{}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\"><title>{}</title></rect>",
                level(count),
                num(ROW_LABEL + week as f64 * STEP),
                num(y),
                escape(&lang.say(Msg::HeatmapDay { day, count }))
            );
        }
    }
    // `less □□□□□ more`.
    let less = lang.say(Msg::HeatmapEnd { more: false });
    let more = lang.say(Msg::HeatmapEnd { more: true });
    let y = MONTH_ROW + 7.0 * STEP + 8.0;
    let mut x = ROW_LABEL;
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\">{}</text>",
        num(x),
        num(y + CELL - 1.0),
        escape(&less)
    );
    x += text_width(&less) + 4.0;
    for l in 0..5 {
        let _ = writeln!(
            out,
            "<rect class=\"l{l}\" x=\"{}\" y=\"{}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\"/>",
            num(x),
            num(y)
        );
        x += STEP;
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\">{}</text></svg>",
        num(x + 2.0),
        num(y + CELL - 1.0),
        escape(&more)
    );
    out
}

/// Each stage after the first with its planned first day, from the schedule's windows.
fn stage_starts(windows: &[Option<crate::schedule::Window>]) -> Vec<(usize, NaiveDate)> {
    windows
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(s, window)| Some((s, window.as_ref()?.first)))
        .collect()
}

/// Where the column of `day`'s week begins, for tests of where a day's cell falls.
#[cfg(test)]
fn cell_x(grid: &Grid, day: NaiveDate) -> f64 {
    let week = (day - grid.first).num_days() / 7;
    ROW_LABEL + week as f64 * STEP
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{BurnPoint, Streaks};
    use chrono::{Days, Weekday};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A 10-day plan of 10 topics, 4 days in, one topic skipped on day 3.
    fn sample() -> BurnUp {
        let start = day("2026-11-01");
        let points = (0..10)
            .map(|d| {
                let on = start.checked_add_days(Days::new(d)).unwrap();
                let reached = (d < 4).then_some(d as usize);
                BurnPoint {
                    day: on,
                    expected: d as usize + 1,
                    done: reached,
                    covered: reached.map(|n| n + usize::from(d >= 2)),
                }
            })
            .collect();
        BurnUp {
            start,
            end: day("2026-11-10"),
            total: 10,
            band: (6, 7),
            points,
        }
    }

    /// The `points` of the polyline of `class`.
    fn line_of(svg: &str, class: &str) -> Vec<(f64, f64)> {
        let start = format!("<polyline class=\"{class}\" points=\"");
        let from = svg.find(&start).expect(class) + start.len();
        let points = &svg[from..from + svg[from..].find('"').unwrap()];
        points
            .split(' ')
            .map(|pair| {
                let (x, y) = pair.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn days_and_counts_fall_where_the_plot_puts_them() {
        let plot = Plot::of(&sample());
        assert_eq!(plot.x(day("2026-11-01")), LEFT);
        assert_eq!(plot.x_end(day("2026-11-10")), RIGHT);
        assert_eq!(plot.x_end(day("2026-11-05")), (LEFT + RIGHT) / 2.0);
        assert_eq!(plot.y(0), BOTTOM);
        assert_eq!(plot.y(10), TOP);
        assert_eq!(plot.y(5), (TOP + BOTTOM) / 2.0);
        // Nothing falls outside the plot.
        assert_eq!(plot.x(day("2025-01-01")), LEFT);
        assert_eq!(plot.y(99), TOP);
    }

    #[test]
    fn each_line_goes_through_its_counts_by_the_end_of_each_day() {
        let burn = sample();
        let plot = Plot::of(&burn);
        let svg = super::burn_up(&burn, day("2026-11-04"), &[], "60-70%", Lang::En, false);
        let rounded = |v: f64| (v * 10.0).round() / 10.0;
        let expect = |counts: &[usize]| -> Vec<(f64, f64)> {
            std::iter::once((LEFT, BOTTOM))
                .chain(counts.iter().enumerate().map(|(d, &n)| {
                    let on = burn.start.checked_add_days(Days::new(d as u64)).unwrap();
                    (rounded(plot.x_end(on)), rounded(plot.y(n)))
                }))
                .collect()
        };
        assert_eq!(
            line_of(&svg, "planned"),
            expect(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        );
        // Done and covered stop at today.
        assert_eq!(line_of(&svg, "done"), expect(&[0, 1, 2, 3]));
        assert_eq!(line_of(&svg, "covered"), expect(&[0, 1, 3, 4]));
        // The band spans 6 to 7 topics; today's line stands at the end of the 4th day.
        let band = format!(
            "<rect class=\"band\" x=\"44\" y=\"{}\" width=\"580\" height=\"{}\"/>",
            num(plot.y(7)),
            num(plot.y(6) - plot.y(7))
        );
        assert!(svg.contains(&band), "{svg}");
        let x = num(plot.x_end(day("2026-11-04")));
        assert!(
            svg.contains(&format!("<line class=\"today\" x1=\"{x}\"")),
            "{svg}"
        );
    }

    #[test]
    fn the_skipped_line_shows_only_where_topics_were_skipped() {
        let mut burn = sample();
        for point in &mut burn.points {
            point.covered = point.done;
        }
        let svg = super::burn_up(&burn, day("2026-11-04"), &[], "60-70%", Lang::En, false);
        assert!(!svg.contains("class=\"covered\""), "{svg}");
        assert!(!svg.contains("done or skipped"), "{svg}");
    }

    #[test]
    fn past_the_calendar_its_end_is_ruled_and_today_is_the_right_edge() {
        let mut burn = sample();
        let more = (10..20).map(|d| BurnPoint {
            day: burn.start.checked_add_days(Days::new(d)).unwrap(),
            expected: 10,
            done: Some(5),
            covered: Some(5),
        });
        burn.points.extend(more);
        let plot = Plot::of(&burn);
        let svg = super::burn_up(&burn, day("2026-11-20"), &[], "60-70%", Lang::En, false);
        let end = num(plot.x_end(day("2026-11-10")));
        assert_eq!(end, "334");
        assert!(svg.contains(&format!("<line class=\"calendar-end\" x1=\"{end}\"")));
        assert!(svg.contains("<line class=\"today\" x1=\"624\""), "{svg}");
        assert!(svg.contains(">2026-11-20</text>"), "{svg}");
    }

    #[test]
    fn the_first_column_gives_way_to_a_month_that_begins_just_after_it() {
        let stats = Stats {
            today: day("2026-11-20"),
            week_start: Weekday::Mon,
            days: &[],
            streaks: Streaks::default(),
            last7: 0,
            last30: 0,
            done_per_week: &[],
            burn_up: None,
        };
        // 26 weeks to 2026-11-20 begin on Monday 2026-05-25; June begins a column later.
        let svg = heatmap(&stats, 26, Lang::En);
        assert!(svg.contains("<text x=\"48\" y=\"11\">Jun</text>"), "{svg}");
        assert!(!svg.contains(">May</text>"), "{svg}");
    }

    #[test]
    fn a_stage_number_too_close_to_the_one_before_is_left_out() {
        let burn = sample();
        let starts = [
            (1, day("2026-11-03")),
            (2, day("2026-11-03")),
            (3, day("2026-11-08")),
        ];
        let svg = super::burn_up(&burn, day("2026-11-04"), &starts, "60-70%", Lang::En, false);
        assert_eq!(svg.matches("<line class=\"stage-edge\"").count(), 3);
        assert!(svg.contains("dx=\"3\">2</text>") && svg.contains("dx=\"3\">4</text>"));
        assert!(!svg.contains("dx=\"3\">3</text>"), "{svg}");
    }

    #[test]
    fn a_chart_on_its_own_brings_its_namespace_styles_and_fonts() {
        let svg = super::burn_up(&sample(), day("2026-11-04"), &[], "60-70%", Lang::Zh, true);
        assert!(svg.starts_with("<svg class=\"burn-up\" viewBox=\"0 0 640 320\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"320\""));
        assert!(svg.contains("<style>") && svg.contains("Noto Sans CJK SC"));
        assert!(svg.contains(">今天</text>") && svg.contains(">60-70% 区间</text>"));
        let inline = super::burn_up(&sample(), day("2026-11-04"), &[], "60-70%", Lang::Zh, false);
        assert!(!inline.contains("<style>") && !inline.contains("xmlns"));
    }

    #[test]
    fn each_study_day_is_a_cell_of_its_week_and_weekday() {
        let days = [(day("2026-11-30"), 1), (day("2026-12-03"), 5)];
        let stats = Stats {
            today: day("2026-12-04"),
            week_start: Weekday::Mon,
            days: &days,
            streaks: Streaks::default(),
            last7: 0,
            last30: 0,
            done_per_week: &[],
            burn_up: None,
        };
        let grid = Grid::new(&stats, 4);
        let svg = heatmap(&stats, 4, Lang::En);
        // Four weeks to Friday 2026-12-04: 3 full weeks and this one's five days.
        assert_eq!(svg.matches("<rect class=\"l").count(), 3 * 7 + 5 + 5);
        let x = num(cell_x(&grid, day("2026-12-03")));
        assert_eq!(x, "76");
        let thursday = num(MONTH_ROW + 3.0 * STEP);
        assert!(svg.contains(&format!(
            "<rect class=\"l3\" x=\"{x}\" y=\"{thursday}\" width=\"11\" height=\"11\" rx=\"2\"><title>2026-12-03: 5 changes</title></rect>"
        )), "{svg}");
        assert!(svg.contains("<title>2026-11-30: 1 change</title>"));
        // December begins in the last column, too near the edge for its name.
        assert!(svg.contains("<text x=\"34\" y=\"11\">Nov</text>"), "{svg}");
        assert!(!svg.contains(">Dec</text>"), "{svg}");
        let later = Stats {
            today: day("2026-12-20"),
            ..stats
        };
        let wider = heatmap(&later, 6, Lang::En);
        assert!(
            wider.contains("<text x=\"76\" y=\"11\">Dec</text>"),
            "{wider}"
        );
    }
}
