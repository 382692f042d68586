//! Drawing the checklist: a header with the count, the verdict and today's agenda; the stages
//! with their bars and planned windows and their topics with their marks; the selected topic in
//! full beside them (below them on a narrow terminal); and a line of keys, or what is being
//! typed, at the bottom. Every word comes from the catalog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Message, Mode};
use crate::curriculum::Loaded;
use crate::i18n::{Lang, Msg, TuiAction};
use crate::progress::{Counts, Replay, State, Summary};
use crate::schedule::Window;

/// What the view shows besides the keys' state, worked out by the command.
pub struct View<'a> {
    pub loaded: &'a Loaded,
    pub replay: &'a Replay,
    pub summary: &'a Summary,
    /// Each stage's planned window, once the plan has a start.
    pub windows: &'a [Option<Window>],
    /// The overall count and the verdict, as sentences.
    pub overall: &'a str,
    pub verdict: &'a str,
    /// Today's agenda, in one line, when there is one.
    pub today: Option<&'a str>,
    /// The selected topic in full, as `studyplan show` gives it.
    pub detail: &'a str,
    pub lang: Lang,
    pub color: bool,
    /// Borders in ASCII, for terminals that draw box-drawing characters two columns wide.
    pub ascii: bool,
}

/// The detail pane goes beside the list from this many columns.
const SIDE_BY_SIDE: u16 = 100;

/// The keys of each action, as the help and the key line show them.
fn keys(action: TuiAction) -> &'static str {
    match action {
        TuiAction::Move => "↑ ↓  j k",
        TuiAction::FirstLast => "g G  Home End",
        TuiAction::Page => "PgUp PgDn",
        TuiAction::Stage => "1-9",
        TuiAction::Done => "Space",
        TuiAction::Start => "s",
        TuiAction::Skip => "x",
        TuiAction::Undo => "u",
        TuiAction::Note => "n",
        TuiAction::Search => "/",
        TuiAction::Help => "?",
        TuiAction::Quit => "q",
    }
}

/// The actions the key line names, most needed first, as many as fit.
const KEY_LINE: [TuiAction; 8] = [
    TuiAction::Done,
    TuiAction::Start,
    TuiAction::Skip,
    TuiAction::Note,
    TuiAction::Search,
    TuiAction::Undo,
    TuiAction::Help,
    TuiAction::Quit,
];

/// A row of the list: a stage's heading or one of its topics (an index in curriculum order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Stage(usize),
    Topic(usize),
}

fn rows(loaded: &Loaded) -> Vec<Row> {
    let mut rows = Vec::with_capacity(loaded.order.len() + loaded.curriculum.stages.len());
    let mut stage = None;
    for (i, pos) in loaded.order.iter().enumerate() {
        if stage != Some(pos.stage) {
            stage = Some(pos.stage);
            rows.push(Row::Stage(pos.stage));
        }
        rows.push(Row::Topic(i));
    }
    rows
}

fn state_style(state: State, color: bool) -> Style {
    let style = Style::default();
    if !color {
        return style;
    }
    match state {
        State::Todo => style,
        State::InProgress => style.fg(Color::Yellow),
        State::Done => style.fg(Color::Green),
        State::Skipped => style.fg(Color::DarkGray),
    }
}

/// The stages' bars are this many cells wide.
const BAR: usize = 10;

/// A bar of `width` cells: done full, the rest light; a start shows as one cell.
fn bar(counts: Counts, width: usize, ascii: bool) -> String {
    let (full, light) = if ascii { ('#', '-') } else { ('█', '░') };
    let filled = (counts.done * width).checked_div(counts.total).unwrap_or(0);
    let filled = if counts.done > 0 {
        filled.max(1)
    } else {
        filled
    };
    std::iter::repeat_n(full, filled)
        .chain(std::iter::repeat_n(light, width - filled))
        .collect()
}

/// `text` cut to `width` display cells, with `…` where it was cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The outcome of the last change as the bottom lines show it, wrapped to `width`, at most
/// three lines.
fn message_lines(app: &App, view: &View, width: u16) -> Vec<String> {
    let Some(message) = &app.message else {
        return Vec::new();
    };
    if matches!(app.mode, Mode::Search(..)) {
        return Vec::new(); // said on the search's own line
    }
    let text = match message {
        Message::Said(text) | Message::Failed(text) => text.clone(),
        Message::NoMatch(query) => view.lang.say(Msg::TuiNoMatch { query }).into_owned(),
    };
    let wrapped = crate::wrap::fit_lines(&text, width);
    wrapped.lines().take(3).map(str::to_owned).collect()
}

/// Draws the whole view, and keeps the list's scroll and page size in `app`.
pub fn draw(frame: &mut Frame, app: &mut App, view: &View) {
    let area = frame.area();
    let header = if view.today.is_some() { 3 } else { 2 };
    let message = message_lines(app, view, area.width);
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(header),
        Constraint::Min(1),
        Constraint::Length(message.len().max(1) as u16),
    ])
    .areas(area);
    draw_header(frame, top, view);
    let borders = if view.ascii {
        border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        }
    } else {
        border::PLAIN
    };
    let (list, detail, side) = if area.width >= SIDE_BY_SIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
        (list, detail, Borders::LEFT)
    } else {
        let detail_height = (body.height / 2).max(4).min(body.height.saturating_sub(3));
        let [list, detail] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(detail_height)]).areas(body);
        (list, detail, Borders::TOP)
    };
    draw_list(frame, list, app, view);
    // Wrapped as the commands wrap it, each label's value continuing under itself.
    let inner = match side {
        Borders::LEFT => detail.width.saturating_sub(3),
        _ => detail.width.saturating_sub(2),
    };
    let text = crate::wrap::fit_lines(&crate::render::visible(view.detail), inner);
    let pane = Paragraph::new(text).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(side)
            .border_set(borders)
            .padding(ratatui::widgets::Padding::horizontal(1)),
    );
    frame.render_widget(pane, detail);
    draw_bottom(frame, bottom, app, view, &message);
    if app.mode == Mode::Help {
        draw_help(frame, body, view, borders);
    }
}

fn draw_header(frame: &mut Frame, area: Rect, view: &View) {
    let lang = view.lang;
    let title = view.loaded.curriculum.title.get(lang);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let verdict_style = match (view.color, view.summary.readiness) {
        (false, _) => Style::default(),
        (true, crate::progress::Readiness::Below) => Style::default().fg(Color::Yellow),
        (true, _) => Style::default().fg(Color::Green),
    };
    // The title gives way to the count where both do not fit.
    let first = match title.width() + 2 + view.overall.width() <= usize::from(area.width) {
        true => Line::from(vec![
            Span::styled(title.to_owned(), bold),
            Span::raw("  "),
            Span::raw(view.overall.to_owned()),
        ]),
        false => Line::raw(view.overall.to_owned()),
    };
    let mut lines = vec![first, Line::styled(view.verdict.to_owned(), verdict_style)];
    if let Some(today) = view.today {
        lines.push(Line::raw(today.to_owned()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_list(frame: &mut Frame, area: Rect, app: &mut App, view: &View) {
    let rows = rows(view.loaded);
    let height = usize::from(area.height);
    app.page = height.saturating_sub(1).max(1);
    let Some(at) = rows.iter().position(|&r| r == Row::Topic(app.selected)) else {
        return;
    };
    // The selected row stays in sight, with its stage's heading when it is the stage's first.
    let top = match at.checked_sub(1).map(|above| rows[above]) {
        Some(Row::Stage(_)) => at - 1,
        _ => at,
    };
    if top < app.offset {
        app.offset = top;
    } else if at >= app.offset + height {
        app.offset = at + 1 - height;
    }
    let width = usize::from(area.width);
    // The stages' planned windows show for every stage, or for none.
    let windows = (0..view.loaded.curriculum.stages.len())
        .all(|s| stage_line(s, true, view).width() <= width);
    for (line, &row) in rows.iter().skip(app.offset).take(height).enumerate() {
        let rect = Rect {
            y: area.y + line as u16,
            height: 1,
            ..area
        };
        let widget = match row {
            Row::Stage(s) => Paragraph::new(stage_line(s, windows, view)),
            Row::Topic(i) => {
                let progress = &view.replay.topics[i];
                let pos = view.loaded.order[i];
                let topic = view.loaded.topic(pos);
                let style = state_style(progress.state, view.color);
                let title = fit(topic.title.get(view.lang), width.saturating_sub(11));
                let line = Line::from(vec![
                    Span::styled(format!("  {} ", crate::render::mark(progress.state)), style),
                    Span::raw(format!("{:<5} ", pos.to_string())),
                    Span::raw(title),
                ]);
                let selected = i == app.selected;
                let paragraph = Paragraph::new(line);
                match selected {
                    true => paragraph.style(Style::default().add_modifier(Modifier::REVERSED)),
                    false => paragraph,
                }
            }
        };
        frame.render_widget(widget, rect);
    }
}

/// A stage's planned window, `  first – last`, or nothing before the plan has a start; with
/// ASCII borders the dash is ASCII too (the en dash is two columns wide where they are).
fn window_text(s: usize, view: &View) -> String {
    match view.windows.get(s).copied().flatten() {
        Some(window) => {
            let dash = if view.ascii { "-" } else { "–" };
            format!("  {} {dash} {}", window.first, window.last)
        }
        None => String::new(),
    }
}

/// A stage's heading: its number and title, its bar and count, and its planned window when
/// `window`.
fn stage_line<'a>(s: usize, window: bool, view: &View) -> Line<'a> {
    let stage = &view.loaded.curriculum.stages[s];
    let counts = view.summary.stages[s];
    let title = format!("{}. {}", s + 1, stage.title.get(view.lang));
    let mut spans = vec![
        Span::styled(title, Style::default().add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(
            bar(counts, BAR, view.ascii),
            match view.color {
                true => Style::default().fg(Color::Green),
                false => Style::default(),
            },
        ),
        Span::raw(format!(" {}/{}", counts.done, counts.total)),
    ];
    if window {
        spans.push(Span::styled(
            window_text(s, view),
            Style::default().add_modifier(Modifier::DIM),
        ));
    }
    Line::from(spans)
}

/// The bottom line: what is being typed, with the terminal's cursor where the next character
/// goes; else the outcome of the last change; else the main keys.
fn draw_bottom(frame: &mut Frame, area: Rect, app: &App, view: &View, message: &[String]) {
    let lang = view.lang;
    let typing = match &app.mode {
        Mode::Search(input, _) => Some((lang.say(Msg::TuiSearchPrompt), input)),
        Mode::Note(input) => {
            let pos = view.loaded.order[app.selected].to_string();
            Some((lang.say(Msg::TuiNotePrompt { topic: &pos }), input))
        }
        _ => None,
    };
    if let Some((prompt, input)) = typing {
        // A long text scrolls so that the cursor stays in sight.
        let room = usize::from(area.width).saturating_sub(prompt.width() + 1);
        let before = input.cursor_cells();
        let skip = before.saturating_sub(room);
        let shown = skip_cells(&input.text, skip);
        let mut spans = vec![
            Span::styled(
                prompt.clone().into_owned(),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(shown.to_owned()),
        ];
        // A search that found nothing says so after the text, the cursor staying in it.
        if let Some(Message::NoMatch(query)) = &app.message {
            let style = match view.color {
                true => Style::default().fg(Color::Red),
                false => Style::default().add_modifier(Modifier::BOLD),
            };
            let said = lang.say(Msg::TuiNoMatch { query });
            spans.push(Span::styled(format!("  {said}"), style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        let x = area.x + (prompt.width() + before - skip).min(usize::from(area.width)) as u16;
        frame.set_cursor_position(Position { x, y: area.y });
        return;
    }
    let lines = match &app.message {
        Some(said) if !message.is_empty() => {
            let style = match (said.is_error(), view.color) {
                (true, true) => Style::default().fg(Color::Red),
                (true, false) => Style::default().add_modifier(Modifier::BOLD),
                _ => Style::default(),
            };
            message
                .iter()
                .map(|line| Line::styled(line.clone(), style))
                .collect()
        }
        _ => vec![key_line(usize::from(area.width), lang)],
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// `text` less its first `cells` display cells.
fn skip_cells(text: &str, cells: usize) -> &str {
    let mut width = 0;
    for (i, c) in text.char_indices() {
        if width >= cells {
            return &text[i..];
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    ""
}

/// The main keys and what they do, as many as fit in `width`; the help and quitting always.
fn key_line(width: usize, lang: Lang) -> Line<'static> {
    let word = |action: TuiAction| -> (String, String) {
        let what = match action {
            // The key line names only the first half of what Space does.
            TuiAction::Done => lang.say(Msg::Change(crate::i18n::ChangeName::Done)),
            _ => lang.say(Msg::TuiAction(action)),
        };
        (keys(action).to_owned(), what.into_owned())
    };
    let cells = |(key, what): &(String, String)| key.width() + 1 + what.width() + 2;
    let last: Vec<_> = [TuiAction::Help, TuiAction::Quit].map(word).into();
    let mut room = width.saturating_sub(last.iter().map(cells).sum());
    let mut shown = Vec::new();
    for action in KEY_LINE {
        if matches!(action, TuiAction::Help | TuiAction::Quit) {
            continue;
        }
        let pair = word(action);
        if cells(&pair) > room {
            break;
        }
        room -= cells(&pair);
        shown.push(pair);
    }
    shown.extend(last);
    let mut spans = Vec::new();
    for (i, (key, what)) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(
            key,
            Style::default().add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// The keys, in a box over the list.
fn draw_help(frame: &mut Frame, area: Rect, view: &View, borders: border::Set) {
    let lang = view.lang;
    let lines: Vec<Line> = TuiAction::ALL
        .iter()
        .map(|&action| {
            let key = keys(action);
            let key = match (action, view.ascii) {
                (TuiAction::Move, true) => "Up Down  j k",
                (TuiAction::Search, true) => "/  Up Down  Esc",
                (TuiAction::Search, false) => "/  ↑ ↓  Esc",
                (TuiAction::Quit, _) => "q  Esc  Ctrl-C",
                _ => key,
            };
            Line::from(vec![
                Span::styled(
                    format!("{key:<15}"),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(lang.say(Msg::TuiAction(action)).into_owned()),
            ])
        })
        .collect();
    let title = lang.say(Msg::TuiHelpTitle).into_owned();
    let height = lines.len() as u16 + 2;
    // As wide as the view, so that no wide character beside it is cut in half at its edges.
    let rect = Rect {
        y: area.y + area.height.saturating_sub(height) / 2,
        height: height.min(area.height),
        ..area
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_set(borders)
                .title(title)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::TopicProgress;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn day(text: &str) -> chrono::NaiveDate {
        text.parse().unwrap()
    }

    /// The roadmap 20 days in: stage 1 done but one topic skipped, 2.1 and 2.2 done, 2.4 in
    /// progress.
    fn replay(loaded: &Loaded) -> Replay {
        let mut replay = Replay {
            topics: vec![TopicProgress::default(); loaded.topic_count()],
            ..Replay::default()
        };
        for i in 0..13 {
            replay.topics[i] = TopicProgress {
                state: if i == 6 { State::Skipped } else { State::Done },
                since: Some(day("2026-11-05")),
            };
        }
        replay.topics[14] = TopicProgress {
            state: State::InProgress,
            since: Some(day("2026-11-19")),
        };
        replay
    }

    fn screen(width: u16, height: u16, lang: Lang, app: &mut App) -> String {
        let loaded = crate::curriculum::load(&crate::curriculum::Source::Embedded).unwrap();
        let replay = replay(&loaded);
        let summary = crate::progress::summarize(&loaded, &replay);
        let windows = [
            Some(Window {
                first: day("2026-11-01"),
                last: day("2026-11-10"),
            }),
            Some(Window {
                first: day("2026-11-11"),
                last: day("2026-12-10"),
            }),
            None,
            None,
        ];
        let overall = lang.say(Msg::ReportDone {
            done: 12,
            total: 41,
            percent: "29.2%",
        });
        let verdict = crate::render::verdict(&loaded, &summary, lang);
        let detail = format!("{} {}\n", loaded.order[app.selected], "details");
        let view = View {
            loaded: &loaded,
            replay: &replay,
            summary: &summary,
            windows: &windows,
            overall: &overall,
            verdict: &verdict,
            today: Some("Today: 2 topics to finish"),
            detail: &detail,
            lang,
            color: false,
            ascii: false,
        };
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let frame = terminal.draw(|frame| draw(frame, app, &view)).unwrap();
        let mut out = String::new();
        let buffer = frame.buffer;
        for y in 0..height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..width {
                let cell = &buffer[(x, y)];
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                skip = cell.symbol().width().saturating_sub(1);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_checklist_at_two_sizes_in_both_languages() {
        for (width, height) in [(120, 40), (60, 20)] {
            for lang in [Lang::En, Lang::Zh] {
                let mut app = App {
                    selected: 14,
                    ..App::default()
                };
                let name = format!("tui_{lang:?}_{width}x{height}").to_lowercase();
                insta::assert_snapshot!(name, screen(width, height, lang, &mut app));
            }
        }
    }

    #[test]
    fn the_help_and_a_note_being_typed() {
        let mut app = App {
            selected: 14,
            mode: Mode::Help,
            ..App::default()
        };
        insta::assert_snapshot!("tui_help_zh_60x20", screen(60, 20, Lang::Zh, &mut app));
        let mut app = App {
            selected: 14,
            ..App::default()
        };
        let topics = super::super::app::Topics {
            stages: vec![0; 41],
            states: vec![State::Todo; 41],
            search: vec![String::new(); 41],
        };
        for key in "n先读文档".chars() {
            app.handle(super::super::app::Key::Char(key), &topics);
        }
        let text = screen(60, 20, Lang::Zh, &mut app);
        assert!(text.ends_with("2.4 的笔记：先读文档\n"), "{text}");
    }

    #[test]
    fn the_selection_scrolls_into_sight_with_its_stage_heading() {
        let mut app = App {
            selected: 40,
            ..App::default()
        };
        let text = screen(60, 20, Lang::En, &mut app);
        assert!(text.contains("[ ] 4.12"), "{text}");
        assert!(app.offset > 0);
        app.selected = 0;
        let text = screen(60, 20, Lang::En, &mut app);
        assert_eq!(app.offset, 0);
        assert!(text.contains("1. Applied basics"), "{text}");
    }
}
