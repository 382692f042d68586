//! `tui`: the checklist view's loop. It reads the store as the reading commands do, draws,
//! waits for a key, and carries out what the key asks through the same code as `done`, `start`,
//! `skip`, `undo` and `note` (lock, append, flush); then reads the store again. A failed change
//! is shown and changes nothing; a store changed by anyone else is read again within a moment.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use crate::cli::Topics;
use crate::config::Settings;
use crate::error::{self, Error};
use crate::i18n::Msg;
use crate::progress::{self, Summary};
use crate::render;
use crate::schedule::{self, Outlook};
use crate::store::{self, Change};
use crate::tui::{self, App, Effect, Message, term};

/// How often the store is looked at for changes made elsewhere, while no key is pressed.
const WATCH: Duration = Duration::from_millis(300);

/// What the view draws from, read from the store.
struct Data {
    reading: super::Reading,
    summary: Summary,
    outlook: Outlook,
    topics: tui::Topics,
    /// Today's agenda line, when there is one.
    today: Option<String>,
    /// The store's files as they were when read, to see a change made elsewhere.
    stamp: Vec<Option<(u64, SystemTime)>>,
}

/// The store's files: their sizes and times, or none for a file that is not there.
fn stamp(files: &[PathBuf]) -> Vec<Option<(u64, SystemTime)>> {
    files
        .iter()
        .map(|file| {
            let meta = std::fs::metadata(file).ok()?;
            Some((meta.len(), meta.modified().ok()?))
        })
        .collect()
}

fn store_files(settings: &Settings) -> Vec<PathBuf> {
    let files = store::Files::of(&settings.store);
    std::iter::once(files.v2).chain(files.v1).collect()
}

impl Data {
    fn read(settings: &Settings) -> anyhow::Result<Data> {
        let stamp = stamp(&store_files(settings));
        let reading = std::mem::ManuallyDrop::into_inner(super::read(settings)?);
        let super::Reading {
            loaded,
            store,
            replay,
        } = &reading;
        let summary = progress::summarize(loaded, replay);
        let outlook = schedule::outlook(loaded, &store.events, replay, &summary, settings.today);
        let agenda =
            crate::agenda::agenda(loaded, replay, &summary, &outlook, settings.today, None);
        let due = super::review::due_count(settings, loaded, &store.events, replay);
        let lang = settings.lang;
        let today = render::today_text(loaded, &agenda, due, lang).map(|text| {
            let label = lang.say(Msg::Label(crate::i18n::Label::Today));
            // A full-width colon brings its own space.
            let gap = if label.ends_with('：') { "" } else { " " };
            format!("{label}{gap}{text}")
        });
        let topics = tui::Topics {
            stages: loaded.order.iter().map(|pos| pos.stage).collect(),
            states: replay.topics.iter().map(|t| t.state).collect(),
            search: loaded
                .order
                .iter()
                .map(|&pos| {
                    let topic = loaded.topic(pos);
                    let mut text = format!("{pos} {}", topic.id);
                    for form in topic.title.forms() {
                        text.push(' ');
                        text.push_str(form);
                    }
                    text.to_lowercase()
                })
                .collect(),
        };
        Ok(Data {
            summary,
            outlook,
            topics,
            today,
            stamp,
            reading,
        })
    }
}

/// Runs the view until the learner quits.
pub fn run(settings: &Settings) -> anyhow::Result<String> {
    if let Some(stdin) = term::not_a_terminal() {
        return Err(Error::TuiNotATerminal { stdin }.into());
    }
    let mut settings = settings.clone();
    // What cannot be read is said before the screen is taken, as any command says it.
    let mut data = Data::read(&settings)?;
    let mut screen = term::Screen::enter()?;
    crate::hold_stderr(true);
    let result = run_loop(&mut settings, &mut data, &mut screen);
    drop(screen);
    crate::hold_stderr(false);
    result.map(|()| String::new())
}

fn run_loop(
    settings: &mut Settings,
    data: &mut Data,
    screen: &mut term::Screen,
) -> anyhow::Result<()> {
    let mut app = App::default();
    let files = store_files(settings);
    loop {
        frame(&mut screen.terminal, &mut app, data, settings)?;
        let key = loop {
            match term::next(WATCH)? {
                term::Said::Key(key) => break Some(key),
                term::Said::Redraw => break None,
                term::Said::Nothing if stamp(&files) != data.stamp => {
                    reread(settings, data, &mut app);
                    break None;
                }
                term::Said::Nothing => {}
            }
        };
        let Some(key) = key else { continue };
        // What to record: a change of state, or a note.
        let (index, change, note) = match app.handle(key, &data.topics) {
            Effect::None => continue,
            Effect::Quit => return Ok(()),
            Effect::Done(i) => (i, Change::Done, None),
            Effect::Undo(i) => (i, Change::Undo, None),
            Effect::Start(i) => (i, Change::Start, None),
            Effect::Skip(i) => (i, Change::Skip, None),
            Effect::Note(i, text) => (i, Change::Note, Some(text)),
        };
        settings.tick();
        let id = topic_id(data, index);
        let said = match note {
            Some(text) => super::note::run(settings, &id, &[text], None),
            None => {
                let topics = Topics {
                    topics: vec![id],
                    on: None,
                };
                super::change::run(settings, change, &topics)
            }
        };
        app.message = Some(outcome(said, settings));
        reread(settings, data, &mut app);
    }
}

fn topic_id(data: &Data, index: usize) -> String {
    let loaded = &data.reading.loaded;
    loaded.topic(loaded.order[index]).id.clone()
}

/// What a change said, first line first, or why it failed.
fn outcome(said: anyhow::Result<String>, settings: &Settings) -> Message {
    // Notices a change printed (a store converted, conflict copies folded in) are held back
    // while the screen is ours; the first is worth a line.
    let held = crate::take_held();
    match said {
        Ok(text) => {
            // A first line that ends in a colon (`noted on 2.4 ...:`) is said with the next.
            let mut lines = text.lines().map(str::trim);
            let mut first = lines.next().unwrap_or_default().to_owned();
            if first.ends_with([':', '：'])
                && let Some(next) = lines.next()
            {
                first = format!("{first} {next}");
            }
            match held.lines().next() {
                Some(notice) if !notice.is_empty() => Message::Said(format!("{first}  {notice}")),
                _ => Message::Said(first),
            }
        }
        Err(err) => Message::Failed(error::describe(&err, settings.lang)),
    }
}

/// Reads the store again; when it cannot be read, the view keeps what it had and says why.
fn reread(settings: &Settings, data: &mut Data, app: &mut App) {
    match Data::read(settings) {
        Ok(fresh) => *data = fresh,
        Err(err) => {
            app.message = Some(Message::Failed(error::describe(&err, settings.lang)));
            // Not read again until it changes once more.
            data.stamp = stamp(&store_files(settings));
        }
    }
    let _ = crate::take_held();
}

/// Draws one frame.
fn frame<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
    data: &Data,
    settings: &Settings,
) -> anyhow::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    let lang = settings.lang;
    let super::Reading {
        loaded,
        store,
        replay,
    } = &data.reading;
    let overall_text = render::done_text(data.summary.overall, lang);
    let verdict = render::verdict(loaded, &data.summary, lang);
    let detail = match loaded.order.get(app.selected) {
        Some(&pos) => render::show(loaded, &store.events, replay, pos, None, lang),
        None => String::new(),
    };
    let windows = data
        .outlook
        .schedule
        .as_ref()
        .map_or(&[][..], |s| &s.windows[..]);
    let view = tui::View {
        loaded,
        replay,
        summary: &data.summary,
        windows,
        overall: &overall_text,
        verdict: &verdict,
        today: data.today.as_deref(),
        detail: &detail,
        lang,
        color: settings.color,
        ascii: settings.border == crate::cli::BorderStyle::Ascii,
    };
    terminal
        .draw(|frame| tui::draw(frame, app, &view))
        .map_err(|err| crate::output_error(err.into()))?;
    Ok(())
}

/// How long each of `keys` takes to handle and draw a new frame on `terminal`, as the view
/// does it, recording nothing (a key that would change the store only asks to): for the
/// benchmark, which times the view without a person at the keys.
pub fn time_keys<B: ratatui::backend::Backend>(
    settings: &Settings,
    terminal: &mut ratatui::Terminal<B>,
    keys: &[tui::Key],
) -> anyhow::Result<Vec<Duration>>
where
    B::Error: Into<std::io::Error>,
{
    let data = Data::read(settings)?;
    let mut app = App::default();
    frame(terminal, &mut app, &data, settings)?;
    let mut times = Vec::with_capacity(keys.len());
    for &key in keys {
        let start = std::time::Instant::now();
        app.handle(key, &data.topics);
        frame(terminal, &mut app, &data, settings)?;
        times.push(start.elapsed());
    }
    Ok(times)
}
