//! Turning progress into text: tables for people, JSON for scripts. Renderers return strings; they
//! never print and never decide anything about progress.

pub mod chart;
pub mod curriculum;
pub mod html;
mod list;
mod log;
mod outlook;
pub mod plans;
pub mod report;
mod review;
mod show;
mod stats;
mod status;
mod today;

pub use list::{ListFilter, list, list_json};
pub use log::{LogFilter, change_name, log, log_json, short_id};
pub use outlook::{outlook_lines, window_text};
pub use review::{reviewed_line, reviews, reviews_json};
pub use show::{StagePlan, show, show_json, show_stage, show_stage_json};
pub use stats::{BURN_UP_COLUMNS, HEATMAP_WEEKS, Stats, stats, stats_json};
pub use status::{status, status_json};
pub use today::{today, today_json, today_line, today_text};

use std::borrow::Cow;

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::curriculum::{Loaded, Pos};
use crate::i18n::{Label, Lang, Msg, StateName};
use crate::progress::{Counts, Readiness, State, Summary};

/// `text` safe to print: control characters other than line ends and tabs (an escape sequence
/// in a note from a hand-edited or copied store would clear the screen) shown as `\u{1b}`.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let harmful = crate::wrap::acts_on_terminal;
    if !text.chars().any(harmful) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if harmful(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How output should look.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// The interface language.
    pub lang: Lang,
    /// Whether to colour.
    pub color: bool,
    /// Table width; none means the terminal's own.
    pub width: Option<u16>,
    /// Whether tables are drawn in ASCII, for terminals that draw box-drawing characters (East
    /// Asian "ambiguous width") two columns wide.
    pub ascii: bool,
}

/// Progress bars are this wide; half as wide below [`NARROW`] columns, a quarter below 50.
pub(crate) const BAR_WIDTH: usize = 20;

/// Terminals narrower than this get the compact layout.
pub(crate) const NARROW: u16 = 80;

/// The fewest columns a wrapping column (a title) is given before the table turns into blocks.
pub(crate) const MIN_WRAP: usize = 10;

/// How a table is shown at the width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Drawn with borders, titles wrapped inside their column.
    Table,
    /// Each row as a block of `label: value` lines; the `whole` columns are never wrapped.
    Blocks { whole: Vec<usize> },
}

impl Style {
    pub(crate) fn table(&self) -> Table {
        let mut table = Table::new();
        if self.ascii {
            table.load_style(ASCII_FULL_CONDENSED);
        } else {
            table.load_style(UTF8_FULL_CONDENSED.with_rounded_corners());
        }
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.width {
            table.set_width(width);
        }
        if self.color {
            table.enforce_styling();
        }
        table
    }

    /// How wide a progress bar is at this width.
    pub(crate) fn bar_width(&self) -> usize {
        match self.width {
            Some(width) if width < NARROW / 2 + 10 => BAR_WIDTH / 4,
            Some(width) if width < NARROW => BAR_WIDTH / 2,
            _ => BAR_WIDTH,
        }
    }

    /// Fits `table` to the width, deciding from the measured widths of its columns. The `keep`
    /// columns hold values that are typed and copied or read at a glance (marks, positions, ids,
    /// numbers, percentages, bars, dates): they are never broken, in a table or in a block. The
    /// others (titles) wrap inside their column, comfortably `room` columns wide; the `optional`
    /// columns are hidden, in order, while that does not fit. When even the kept columns and
    /// titles [`MIN_WRAP`] columns narrow do not fit, each row becomes a block of labelled lines.
    pub(crate) fn fit(
        &self,
        table: &mut Table,
        keep: &[usize],
        optional: &[usize],
        room: usize,
    ) -> Layout {
        let width = usize::from(self.width.unwrap_or(crate::wrap::PIPED_WIDTH));
        let content: Vec<usize> = table
            .column_max_content_widths()
            .into_iter()
            .map(usize::from)
            .collect();
        let columns = content.len();
        // A column's width with its padding and the border to its left; the table's right border
        // is the 1 added.
        let needed = |hidden: &[usize], wrap_width: &dyn Fn(usize) -> usize| -> usize {
            (0..columns)
                .filter(|c| !hidden.contains(c))
                .map(|c| {
                    if keep.contains(&c) {
                        content[c] + 3
                    } else {
                        wrap_width(c) + 3
                    }
                })
                .sum::<usize>()
                + 1
        };
        let comfortable = |c: usize| content[c].min(room.max(MIN_WRAP));
        let tight = |c: usize| content[c].min(MIN_WRAP);
        let mut hidden: Vec<usize> = Vec::new();
        for &next in optional {
            if needed(&hidden, &|c| content[c]) <= width || needed(&hidden, &comfortable) <= width {
                break;
            }
            hidden.push(next);
        }
        let fixed = needed(&hidden, &|_| 0);
        let wrapping: Vec<usize> = (0..columns)
            .filter(|c| !hidden.contains(c) && !keep.contains(c))
            .collect();
        if needed(&hidden, &tight) > width {
            return Layout::Blocks {
                whole: keep.to_vec(),
            };
        }
        // Each wrapping column gets its tight width, then the rest goes to the narrowest that
        // wants more, one column at a time.
        let mut given: Vec<usize> = wrapping.iter().map(|&c| tight(c)).collect();
        let mut spare = width - fixed - given.iter().sum::<usize>();
        while spare > 0 {
            let Some(n) = (0..wrapping.len())
                .filter(|&n| given[n] < content[wrapping[n]])
                .min_by_key(|&n| given[n])
            else {
                break;
            };
            given[n] += 1;
            spare -= 1;
        }
        for c in 0..columns {
            let constraint = if hidden.contains(&c) {
                ColumnConstraint::Hidden
            } else if let Some(n) = wrapping.iter().position(|&w| w == c) {
                // Two columns of padding around the content.
                ColumnConstraint::Absolute(Width::Fixed(
                    u16::try_from(given[n] + 2).unwrap_or(u16::MAX),
                ))
            } else {
                ColumnConstraint::ContentWidth
            };
            if let Some(column) = table.column_mut(c) {
                column.set_constraint(constraint);
            }
        }
        Layout::Table
    }

    /// The table as text, without a last line end: drawn, or each row as a block of
    /// `label: value` lines, blocks apart, long values wrapped under themselves and whole values
    /// on a line of their own when they do not fit beside their label.
    pub(crate) fn show(&self, table: &Table, layout: &Layout) -> String {
        let width = self.width.unwrap_or(crate::wrap::PIPED_WIDTH);
        let whole = match layout {
            Layout::Table => return table.to_string(),
            Layout::Blocks { whole } => whole,
        };
        let labels: Vec<String> = table
            .header()
            .map(|header| {
                header
                    .cell_iter()
                    .map(|cell| match cell.content() {
                        // A column without a name (a mark) stands on its own.
                        name if name.is_empty() => name,
                        name => self.lang.say(Msg::WithColon { text: &name }).into_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let label_width = labels.iter().map(|label| label.width()).max().unwrap_or(0);
        // Two spaces at least after a label, so that a wrapped value continues under itself.
        let indent = " ".repeat(label_width + 2);
        let mut blocks = Vec::new();
        for row in table.row_iter() {
            let mut block = String::new();
            for (c, (label, cell)) in labels.iter().zip(row.cell_iter()).enumerate() {
                let value = cell.content();
                if value.trim().is_empty() {
                    continue;
                }
                let line = if label.is_empty() {
                    value.clone()
                } else {
                    format!("{}  {value}", pad(label, label_width))
                };
                if !whole.contains(&c) {
                    let value = line.replace('\n', &format!("\n{indent}"));
                    block.push_str(&crate::wrap::fit_lines(&format!("{value}\n"), width));
                } else if line.width() <= usize::from(width) || label.is_empty() {
                    block.push_str(&format!("{line}\n"));
                } else if indent.len() + value.width() <= usize::from(width) {
                    block.push_str(&format!("{}\n{indent}{value}\n", label.trim_end()));
                } else {
                    block.push_str(&format!("{}\n{value}\n", label.trim_end()));
                }
            }
            blocks.push(block);
        }
        blocks.join("\n").trim_end().to_owned()
    }

    pub(crate) fn cell(&self, text: impl ToString, color: Color) -> Cell {
        let cell = Cell::new(text);
        if self.color { cell.fg(color) } else { cell }
    }

    pub(crate) fn paint(&self, text: &str, color: Color) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match color {
            Color::Green => "32",
            Color::Yellow => "33",
            Color::Red => "31",
            Color::Cyan => "36",
            _ => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// `part` of `total` as a percentage with one decimal, rounded down so that a share just short
/// of an edge never shows as the edge itself; a share too small to show as a tenth is `<0.1%`, so
/// that a start is never shown as nothing.
pub fn percent_text(part: usize, total: usize) -> String {
    let tenths = (part * 1000).checked_div(total).unwrap_or(0);
    if tenths == 0 && part > 0 {
        return "<0.1%".to_owned();
    }
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// A fraction such as 0.6 as `60%`.
fn share_text(share: f64) -> String {
    let tenths = (share * 1000.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// A text bar, readable without colour: `#` for done, `-` for the rest.
pub fn bar(part: usize, total: usize, width: usize) -> String {
    let filled = (part * width).checked_div(total).unwrap_or(0);
    format!("{}{}", "#".repeat(filled), "-".repeat(width - filled))
}

/// The mark a topic's state is shown with.
pub fn mark(state: State) -> &'static str {
    match state {
        State::Todo => "[ ]",
        State::InProgress => "[~]",
        State::Done => "[x]",
        State::Skipped => "[-]",
    }
}

/// The name of a state in the interface language.
pub fn state_name(state: State, lang: Lang) -> Cow<'static, str> {
    lang.say(Msg::State(state_key(state)))
}

/// The catalog's name for a state.
pub(crate) fn state_key(state: State) -> StateName {
    match state {
        State::Todo => StateName::Todo,
        State::InProgress => StateName::InProgress,
        State::Done => StateName::Done,
        State::Skipped => StateName::Skipped,
    }
}

pub(crate) fn state_color(state: State) -> Color {
    match state {
        State::Todo => Color::Reset,
        State::InProgress => Color::Yellow,
        State::Done => Color::Green,
        State::Skipped => Color::DarkGrey,
    }
}

/// A topic in one line: position, id and title.
pub fn topic_line(loaded: &Loaded, pos: Pos, lang: Lang) -> String {
    let topic = loaded.topic(pos);
    format!("{pos} {}  {}", topic.id, topic.title.get(lang))
}

/// The readiness band as `60-70%`.
pub fn band_text(band: crate::curriculum::Band) -> String {
    let low = share_text(band.low);
    format!("{}-{}", low.trim_end_matches('%'), share_text(band.high))
}

/// The readiness verdict as a sentence.
pub fn verdict(loaded: &Loaded, summary: &Summary, lang: Lang) -> String {
    let low = &share_text(loaded.curriculum.band.low);
    let band = &band_text(loaded.curriculum.band);
    let overall = summary.overall;
    let above = summary.readiness == Readiness::Above;
    let msg = match summary.readiness {
        // Nothing left to do: "well on your way" or "getting ready" would promise more to come.
        _ if overall.total > 0
            && overall.remaining() == 0
            && summary.readiness != Readiness::Below =>
        {
            match overall.skipped {
                0 => Msg::VerdictComplete {
                    above,
                    band,
                    total: overall.total,
                },
                skipped => Msg::VerdictOnlySkippedLeft {
                    above,
                    band,
                    skipped,
                },
            }
        }
        Readiness::Below if !summary.band_reachable => Msg::VerdictUnreachable { band, low },
        Readiness::Below => Msg::VerdictBelow {
            band,
            low,
            to_go: summary.to_band,
        },
        Readiness::Within => Msg::VerdictWithin { band },
        Readiness::Above => Msg::VerdictAbove { band },
    };
    lang.say(msg).into_owned()
}

/// `Label:` padded to one display width, so the values after it line up in either language.
pub(crate) fn label(word: Label, lang: Lang) -> String {
    let text = lang.say(Msg::Label(word));
    let pad = 12usize.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

/// `text` padded with spaces to `width` display columns.
pub(crate) fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The overall count as the reports and the checklist give it: `8/41 done (19.5%), 1 skipped;
/// covered 21.9%`.
pub fn done_text(overall: Counts, lang: Lang) -> String {
    let mut text = lang
        .say(Msg::ReportDone {
            done: overall.done,
            total: overall.total,
            percent: &percent_text(overall.done, overall.total),
        })
        .into_owned();
    text.push_str(&skipped_text(overall, lang));
    text
}

/// `, 2 skipped; covered 60.9%` after the done count, or nothing when no topic is skipped.
pub(crate) fn skipped_text(overall: Counts, lang: Lang) -> String {
    if overall.skipped == 0 {
        return String::new();
    }
    let covered = &percent_text(overall.covered(), overall.total);
    lang.say(Msg::SkippedCovered {
        skipped: overall.skipped,
        covered,
    })
    .into_owned()
}

/// What `next` says when there is nothing left to study.
pub fn nothing_left(lang: Lang) -> Cow<'static, str> {
    lang.say(Msg::NothingLeft)
}

/// A topic as JSON: `{id, position, title}`.
#[derive(Serialize)]
pub(crate) struct TopicRef<'a> {
    id: &'a str,
    position: String,
    title: &'a str,
}

impl<'a> TopicRef<'a> {
    pub(crate) fn new(loaded: &'a Loaded, pos: Pos, lang: Lang) -> TopicRef<'a> {
        let topic = loaded.topic(pos);
        TopicRef {
            id: &topic.id,
            position: pos.to_string(),
            title: topic.title.get(lang),
        }
    }
}

/// `next --json`: the topic or null.
pub fn next_json(loaded: &Loaded, next: Option<Pos>, lang: Lang) -> String {
    to_json(&next.map(|pos| TopicRef::new(loaded, pos, lang)))
}

/// `next N --json`: the topics, in order; an empty array when none is left.
pub fn upcoming_json(loaded: &Loaded, next: &[Pos], lang: Lang) -> String {
    let topics: Vec<TopicRef> = next
        .iter()
        .map(|&pos| TopicRef::new(loaded, pos, lang))
        .collect();
    to_json(&topics)
}

fn to_json(value: &impl Serialize) -> String {
    // Serializing plain data to a string cannot fail; keep a readable fallback all the same.
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_leaves_a_gap_of_two_columns_before_its_value() {
        // A wrapped line hangs under its value only where two spaces part it from the label.
        // `where`'s lines (paths, to copy) are never wrapped.
        let unwrapped = [
            Label::Store,
            Label::LinkTo,
            Label::Lock,
            Label::Curriculum,
            Label::Cache,
        ];
        for lang in [Lang::En, Lang::Zh] {
            for word in Label::ALL.into_iter().filter(|w| !unwrapped.contains(w)) {
                let shown = label(word, lang);
                assert!(shown.ends_with("  "), "{lang:?} {word:?}: {shown:?}");
            }
        }
    }

    #[test]
    fn percentages_round_down_to_a_tenth() {
        assert_eq!(percent_text(25, 41), "60.9%");
        assert_eq!(percent_text(29, 100), "29.0%");
        assert_eq!(percent_text(41, 41), "100.0%");
        assert_eq!(percent_text(0, 0), "0.0%");
        assert_eq!(percent_text(2, 3), "66.6%");
        assert_eq!(percent_text(1, 1001), "<0.1%");
        assert_eq!(percent_text(0, 1001), "0.0%");
        assert_eq!(percent_text(1, 1000), "0.1%");
        assert_eq!(percent_text(1000, 1001), "99.9%");
    }

    #[test]
    fn shares_print_without_needless_decimals() {
        assert_eq!(share_text(0.6), "60%");
        assert_eq!(share_text(0.7), "70%");
        assert_eq!(share_text(0.625), "62.5%");
    }

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(0, 4, 8), "--------");
        assert_eq!(bar(1, 4, 8), "##------");
        assert_eq!(bar(4, 4, 8), "########");
        assert_eq!(bar(0, 0, 4), "----");
    }
}
