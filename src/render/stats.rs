//! `stats`: the heatmap of study days, the streaks, the topics done per week and the burn-up,
//! as text that reads without colour, and as JSON.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Style, label, pad, to_json};
use crate::i18n::{Label, Lang, Msg};
use crate::stats::{BurnUp, Streaks};

/// What the stats view shows, worked out by the command.
pub struct Stats<'a> {
    pub today: NaiveDate,
    pub week_start: Weekday,
    /// Every study day with its count of changes, oldest first.
    pub days: &'a [(NaiveDate, usize)],
    pub streaks: Streaks,
    pub last7: usize,
    pub last30: usize,
    /// Each of the last weeks' first day and the topics done in it, oldest first.
    pub done_per_week: &'a [(NaiveDate, usize)],
    pub burn_up: Option<BurnUp>,
}

/// The most weeks the heatmap shows; fewer when the terminal is narrow.
pub const HEATMAP_WEEKS: usize = 26;
/// The burn-up's columns at most.
pub const BURN_UP_COLUMNS: usize = 45;
/// The row labels' width, in columns: `Mon `, `周一 `.
const ROW_LABEL: usize = 5;

/// The marks of a heatmap's levels, least first, and of the charts.
struct Marks {
    levels: [char; 5],
    full: char,
    planned: char,
    band: char,
    axis: char,
    corner: char,
    rule: char,
}

const UNICODE: Marks = Marks {
    levels: ['·', '░', '▒', '▓', '█'],
    full: '█',
    planned: '·',
    band: '-',
    axis: '│',
    corner: '└',
    rule: '─',
};

// Block elements are drawn two columns wide where box-drawing characters are (East Asian
// "ambiguous width"), so `--border ascii` draws the charts in ASCII too.
const ASCII: Marks = Marks {
    levels: ['.', '-', '+', '*', '#'],
    full: '#',
    planned: '.',
    band: '-',
    axis: '|',
    corner: '+',
    rule: '-',
};

/// The level of a day with `count` changes of study: 0 for none, then 1, 2-3, 4-6, 7 and more.
pub fn level(count: usize) -> usize {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=6 => 3,
        _ => 4,
    }
}

/// How many weeks the heatmap shows in `width` columns.
pub fn heatmap_weeks(width: Option<u16>) -> usize {
    let width = usize::from(width.unwrap_or(crate::wrap::PIPED_WIDTH));
    (width.saturating_sub(ROW_LABEL) / 2).clamp(4, HEATMAP_WEEKS)
}

/// The stats as text.
/// `band` is the readiness band as `60-70%`.
pub fn stats(stats: &Stats, band: &str, style: &Style) -> String {
    let lang = style.lang;
    let marks = if style.ascii { &ASCII } else { &UNICODE };
    let mut out = String::new();
    if stats.days.is_empty() {
        out.push_str(&lang.say(Msg::StatsNothingYet));
        out.push('\n');
    }
    out.push_str(&heatmap(stats, heatmap_weeks(style.width), marks, lang));
    out.push_str(&label(Label::Streak, lang));
    out.push_str(&lang.say(Msg::StatsStreak {
        current: stats.streaks.current,
        longest: stats.streaks.longest,
        ended: stats.streaks.longest_ended,
    }));
    out.push('\n');
    out.push_str(&label(Label::StudyDays, lang));
    out.push_str(&lang.say(Msg::StatsStudyDays {
        last7: stats.last7,
        last30: stats.last30,
    }));
    out.push_str("\n\n");
    let width = usize::from(style.width.unwrap_or(crate::wrap::PIPED_WIDTH));
    out.push_str(&per_week(stats.done_per_week, width, marks, lang));
    if let Some(burn_up) = &stats.burn_up {
        out.push('\n');
        out.push_str(&burn_up_chart(burn_up, band, marks, lang));
    }
    out
}

/// The heatmap's days: `weeks` columns of seven, the last one this week.
pub(super) struct Grid {
    /// The first column's first day.
    pub first: NaiveDate,
    pub weeks: usize,
    pub today: NaiveDate,
    /// Each cell's changes of study, column by column.
    pub counts: Vec<usize>,
}

impl Grid {
    pub fn new(stats: &Stats, weeks: usize) -> Grid {
        let last_week = crate::stats::week_of(stats.today, stats.week_start);
        let first = last_week
            .checked_sub_days(Days::new(7 * (weeks as u64 - 1)))
            .unwrap_or(NaiveDate::MIN);
        let mut counts = vec![0usize; weeks * 7];
        for &(day, count) in stats.days {
            if day >= first && day <= stats.today {
                counts[(day - first).num_days() as usize] = count;
            }
        }
        Grid {
            first,
            weeks,
            today: stats.today,
            counts,
        }
    }

    /// The day of a cell (`row` 0 is the week's first day); none for a day after today, or
    /// past the calendar's very end, which is left blank.
    pub fn day(&self, week: usize, row: usize) -> Option<NaiveDate> {
        self.first
            .checked_add_days(Days::new((week * 7 + row) as u64))
            .filter(|&day| day <= self.today)
    }

    /// The weeks a month is named above: each where a month's first day shows (today or
    /// before), and the first column, unless the next month's name is only a column or two
    /// after it and the first would hide it.
    pub fn months(&self) -> Vec<(usize, u32)> {
        let mut months: Vec<(usize, u32)> = (0..self.weeks)
            .filter_map(|week| {
                let starts = (0..7)
                    .filter_map(|row| self.day(week, row))
                    .find(|day| day.day() == 1);
                match (week, starts) {
                    (_, Some(day)) => Some((week, day.month())),
                    (0, None) => Some((0, self.first.month())),
                    _ => None,
                }
            })
            .collect();
        if let [(0, _), (next, _), ..] = months[..]
            && next < 3
            && next > 0
        {
            months.remove(0);
        }
        months
    }
}

/// The heatmap: one row a weekday, one column a week, the last column this week.
fn heatmap(stats: &Stats, weeks: usize, marks: &Marks, lang: Lang) -> String {
    let grid = Grid::new(stats, weeks);
    let first = grid.first;
    let mut out = lang
        .say(Msg::StatsHeatmap {
            weeks,
            from: first,
            to: stats.today,
        })
        .into_owned();
    if marks.full == ASCII.full {
        // The en dash is drawn two columns wide where box-drawing characters are.
        out = out.replace('–', "-");
    }
    out.push('\n');
    // The months above the weeks they begin in, where there is room for their names.
    let mut months = " ".repeat(ROW_LABEL);
    for (week, month) in grid.months() {
        let at = ROW_LABEL + 2 * week;
        let text = lang.say(Msg::MonthShort { month });
        // Never over the month before, nor wider than the grid under it.
        if months.width() <= at && at + text.width() < ROW_LABEL + 2 * weeks {
            months.push_str(&" ".repeat(at - months.width()));
            months.push_str(&text);
        }
    }
    out.push_str(months.trim_end());
    out.push('\n');
    let first_weekday = stats.week_start.num_days_from_monday();
    for row in 0..7u32 {
        let weekday = (first_weekday + row) % 7;
        let named = matches!(weekday, 0 | 2 | 4);
        let name = if named {
            lang.say(Msg::WeekdayShort { day: weekday }).into_owned()
        } else {
            String::new()
        };
        let mut line = pad(&name, ROW_LABEL);
        for week in 0..weeks {
            let row = row as usize;
            line.push(match grid.day(week, row) {
                None => ' ',
                Some(_) => marks.levels[level(grid.counts[week * 7 + row])],
            });
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let levels: Vec<String> = marks.levels.iter().map(char::to_string).collect();
    out.push_str(&" ".repeat(ROW_LABEL));
    out.push_str(&lang.say(Msg::StatsLegend {
        levels: &levels.join(" "),
    }));
    out.push_str("\n\n");
    out
}

/// The topics done per week, as bars.
fn per_week(weeks: &[(NaiveDate, usize)], width: usize, marks: &Marks, lang: Lang) -> String {
    // Room for `  11-16  ` before a bar and ` 100` after it.
    let longest = width.saturating_sub(14).clamp(5, 30);
    let mut out = lang
        .say(Msg::StatsDonePerWeek { weeks: weeks.len() })
        .into_owned();
    out.push('\n');
    let most = weeks.iter().map(|&(_, n)| n).max().unwrap_or(0);
    for &(week, done) in weeks {
        // One mark a topic, shortened to fit when a week had more than the longest bar holds.
        let len = if most <= longest {
            done
        } else {
            (done * longest).div_ceil(most)
        };
        let bar: String = std::iter::repeat_n(marks.full, len).collect();
        let bar = if bar.is_empty() {
            bar
        } else {
            format!("{bar} ")
        };
        out.push_str(&format!("  {}  {bar}{done}\n", week.format("%m-%d")));
    }
    out
}

/// The burn-up: rows of ten percent each, top down; done topics full, the plan's dots, the
/// band's rows ruled.
fn burn_up_chart(burn_up: &BurnUp, band: &str, marks: &Marks, lang: Lang) -> String {
    let total = burn_up.total.max(1);
    let mut out = lang
        .say(Msg::StatsBurnUp {
            done: &marks.full.to_string(),
            planned: &marks.planned.to_string(),
            band,
        })
        .into_owned();
    out.push('\n');
    for row in (0..10).rev() {
        // A cell is reached when at least this many topics are; the rows from the band's low
        // edge to its high one are ruled.
        let needed = ((row + 1) * total).div_ceil(10).max(1);
        let in_band = (burn_up.band.0..=burn_up.band.1).contains(&needed);
        let fill = if in_band { marks.band } else { ' ' };
        let mut line = format!("{:>4} {}", format!("{}%", (row + 1) * 10), marks.axis);
        for point in &burn_up.points {
            line.push(match (point.done, point.expected) {
                (Some(done), _) if done >= needed => marks.full,
                (_, expected) if expected >= needed => marks.planned,
                _ => fill,
            });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let columns = burn_up.points.len();
    let rule: String = std::iter::repeat_n(marks.rule, columns).collect();
    out.push_str(&format!("     {}{rule}\n", marks.corner));
    let start = burn_up.start.to_string();
    let last = burn_up
        .points
        .last()
        .map_or(burn_up.end, |p| p.day)
        .to_string();
    // The last date ends under the last column.
    let gap = columns.saturating_sub(start.len() + last.len()).max(1);
    out.push_str(&format!("      {start}{}{last}\n", " ".repeat(gap)));
    out
}

/// `stats --json`.
pub fn stats_json(stats: &Stats) -> String {
    #[derive(Serialize)]
    struct Doc {
        today: NaiveDate,
        week_start: &'static str,
        streak: StreakJson,
        study_days: StudyDays,
        days: Vec<DayJson>,
        done_per_week: Vec<WeekJson>,
        burn_up: Option<BurnUpJson>,
    }
    #[derive(Serialize)]
    struct StreakJson {
        current: usize,
        longest: usize,
        longest_ended: Option<NaiveDate>,
    }
    #[derive(Serialize)]
    struct StudyDays {
        last_7: usize,
        last_30: usize,
        total: usize,
    }
    #[derive(Serialize)]
    struct DayJson {
        date: NaiveDate,
        count: usize,
    }
    #[derive(Serialize)]
    struct WeekJson {
        week: NaiveDate,
        done: usize,
    }
    #[derive(Serialize)]
    struct BurnUpJson {
        start: NaiveDate,
        end: NaiveDate,
        total: usize,
        band_low: usize,
        band_high: usize,
        points: Vec<PointJson>,
    }
    #[derive(Serialize)]
    struct PointJson {
        date: NaiveDate,
        expected: usize,
        done: Option<usize>,
    }
    to_json(&Doc {
        today: stats.today,
        week_start: match stats.week_start {
            Weekday::Sun => "sunday",
            _ => "monday",
        },
        streak: StreakJson {
            current: stats.streaks.current,
            longest: stats.streaks.longest,
            longest_ended: stats.streaks.longest_ended,
        },
        study_days: StudyDays {
            last_7: stats.last7,
            last_30: stats.last30,
            total: stats.days.len(),
        },
        days: stats
            .days
            .iter()
            .map(|&(date, count)| DayJson { date, count })
            .collect(),
        done_per_week: stats
            .done_per_week
            .iter()
            .map(|&(week, done)| WeekJson { week, done })
            .collect(),
        burn_up: stats.burn_up.as_ref().map(|b| BurnUpJson {
            start: b.start,
            end: b.end,
            total: b.total,
            band_low: b.band.0,
            band_high: b.band.1,
            points: b
                .points
                .iter()
                .map(|p| PointJson {
                    date: p.day,
                    expected: p.expected,
                    done: p.done,
                })
                .collect(),
        }),
    })
}
