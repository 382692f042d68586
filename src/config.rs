//! Settings: the command line and the environment turned into checked values. The only place that
//! reads environment variables, the terminal or the clock.

use std::env;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Timelike as _};

use crate::cli::{BorderStyle, ColorChoice, GlobalArgs};
use crate::curriculum::Source;
use crate::error::Error;
use crate::i18n::Lang;

/// Everything a command needs to know about how it was run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The progress file.
    pub store: PathBuf,
    /// Whether the store was named (`--store`, `STUDYPLAN_STORE`), so that a folder missing is a
    /// mistyped path; the default folder is made when needed.
    pub store_named: bool,
    /// Where the curriculum comes from.
    pub curriculum: Source,
    /// A folder for parsed copies of large curriculum files; none means no cache.
    pub cache: Option<PathBuf>,
    /// The interface language.
    pub lang: Lang,
    /// Whether to colour the output.
    pub color: bool,
    /// Table width: `COLUMNS`, else the terminal's width, else [`PIPED_WIDTH`](crate::wrap::PIPED_WIDTH); always set here,
    /// so tables never measure the terminal themselves.
    pub width: Option<u16>,
    /// How table lines are drawn: `--border`, else `STUDYPLAN_BORDER`, else box-drawing characters.
    pub border: BorderStyle,
    /// Whether lines of text beside the tables wrap to `width`: on a terminal or with `COLUMNS`;
    /// piped output keeps each line whole for the scripts that read it.
    pub wrap: bool,
    /// Today's date, local; `STUDYPLAN_TODAY` pins it.
    pub today: NaiveDate,
    /// The moment recorded on new changes.
    pub now: DateTime<FixedOffset>,
    /// Whether the learner wants reviews: not `--no-review`, nor `STUDYPLAN_REVIEW=off`. A
    /// curriculum can turn them off too (`review: false`).
    pub reviews: bool,
}

/// Today and the moment now, as changes record them.
fn clock() -> Result<(NaiveDate, DateTime<FixedOffset>), Error> {
    // Microseconds, as the store keeps them: the history is replayed in the order of time.
    let now = Local::now().fixed_offset();
    let now = now
        .with_nanosecond(now.nanosecond() / 1000 * 1000)
        .unwrap_or(now);
    let today = match env_value("STUDYPLAN_TODAY") {
        Some(value) => NaiveDate::parse_from_str(&value, "%Y-%m-%d")
            .map_err(|_| Error::BadToday(value.clone()))?,
        None => now.date_naive(),
    };
    // A pinned day keeps the time of day, so changes recorded on it keep their order.
    let now = match today.and_time(now.time()).and_local_timezone(*now.offset()) {
        chrono::LocalResult::Single(moment) => moment,
        _ => now,
    };
    Ok((today, now))
}

impl Settings {
    /// Reads the clock again, for a session that lasts (the checklist view): each change it
    /// records has its own moment, and past midnight today moves on, unless pinned.
    pub fn tick(&mut self) {
        if let Ok((today, now)) = clock() {
            (self.today, self.now) = (today, now);
        }
    }

    /// Checks the global options against the environment.
    pub fn from_args(args: &GlobalArgs) -> anyhow::Result<Settings> {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let (today, now) = clock()?;
        let named = args.store.clone().or_else(|| env_path("STUDYPLAN_STORE"));
        Ok(Settings {
            store_named: named.is_some(),
            store: match named {
                Some(path) => path,
                None => default_store()?,
            },
            curriculum: match args
                .curriculum
                .clone()
                .or_else(|| env_path("STUDYPLAN_CURRICULUM"))
            {
                Some(path) => Source::File(path),
                None => Source::Embedded,
            },
            cache: dirs::cache_dir().map(|dir| dir.join("studyplan")),
            lang: lang(args)?,
            color: match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => stdout_is_terminal && env_value("NO_COLOR").is_none(),
            },
            width: Some(table_width(stdout_is_terminal)),
            border: border(args)?,
            wrap: wraps(stdout_is_terminal),
            today,
            now,
            reviews: !args.no_review && reviews_wanted()?,
        })
    }
}

/// `STUDYPLAN_REVIEW`: `on` (the default) or `off`.
fn reviews_wanted() -> anyhow::Result<bool> {
    match env_value("STUDYPLAN_REVIEW") {
        None => Ok(true),
        Some(value) => match value.to_ascii_lowercase().as_str() {
            "on" | "true" | "yes" | "1" => Ok(true),
            "off" | "false" | "no" | "0" => Ok(false),
            _ => Err(Error::BadReviewSetting(value).into()),
        },
    }
}

/// The interface language: `--lang`, else `STUDYPLAN_LANG`, else the locale, else English.
pub fn lang(args: &GlobalArgs) -> anyhow::Result<Lang> {
    if let Some(lang) = args.lang {
        return Ok(lang);
    }
    if let Some(value) = env_value("STUDYPLAN_LANG") {
        return match value.to_ascii_lowercase().as_str() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(Error::BadLang(value).into()),
        };
    }
    Ok(locale_lang())
}

/// How table lines are drawn: `--border`, else `STUDYPLAN_BORDER`, else box-drawing characters.
fn border(args: &GlobalArgs) -> anyhow::Result<BorderStyle> {
    if let Some(border) = args.border {
        return Ok(border);
    }
    match env_value("STUDYPLAN_BORDER") {
        None => Ok(BorderStyle::Unicode),
        Some(value) => match value.to_ascii_lowercase().as_str() {
            "unicode" => Ok(BorderStyle::Unicode),
            "ascii" => Ok(BorderStyle::Ascii),
            _ => Err(Error::BadBorder(value).into()),
        },
    }
}

/// The width lines of text wrap at: `COLUMNS` when set, else the terminal's when stdout is one;
/// none for a pipe or a file, where lines stay whole.
pub fn wrap_width() -> Option<u16> {
    let stdout_is_terminal = std::io::stdout().is_terminal();
    wraps(stdout_is_terminal).then(|| table_width(stdout_is_terminal))
}

/// The width an error wraps at: the terminal's when stderr is one; none for a pipe or a file,
/// where messages stay whole for scripts and logs.
pub fn error_width() -> Option<u16> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(columns, _rows)| columns)
        .filter(|&columns| columns > 0)
}

/// Whether lines of text wrap: on a terminal, or when `COLUMNS` says how wide.
fn wraps(stdout_is_terminal: bool) -> bool {
    stdout_is_terminal || env_value("COLUMNS").is_some()
}

/// The width tables may take: `COLUMNS` when set (as a shell sets it, and as tests do), else the
/// width of the terminal stdout is, else a fixed generous width for pipes and files.
fn table_width(stdout_is_terminal: bool) -> u16 {
    if let Some(columns) = env_value("COLUMNS").and_then(|value| value.trim().parse::<u16>().ok())
        && columns > 0
    {
        return columns;
    }
    if stdout_is_terminal
        && let Ok((columns, _rows)) = crossterm::terminal::size()
        && columns > 0
    {
        return columns;
    }
    crate::wrap::PIPED_WIDTH
}

/// The interface language, decided before the command line is parsed so that help and usage
/// errors can speak it too: `--lang` as typed, else `STUDYPLAN_LANG`, else the locale. Anything
/// it cannot read counts as unset here; the full parse reports it.
pub fn early_lang(argv: &[OsString]) -> Lang {
    let mut typed = None;
    let mut words = argv.iter().skip(1).map(|word| word.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|value| value.into_owned()),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
            _ => continue,
        };
        match value.as_deref() {
            Some("zh") => typed = Some(Lang::Zh),
            Some("en") => typed = Some(Lang::En),
            _ => {}
        }
    }
    if let Some(lang) = typed {
        return lang;
    }
    match env_value("STUDYPLAN_LANG")
        .map(|value| value.to_ascii_lowercase())
        .as_deref()
    {
        Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        _ => locale_lang(),
    }
}

/// The file stdout writes to, when the system says and it is one (not a pipe or a socket): for
/// messages about a failed write.
pub fn stdout_target() -> Option<PathBuf> {
    std::fs::read_link("/proc/self/fd/1")
        .ok()
        .filter(|target| target.is_absolute())
}

/// A path as typed on a command line that the shell has not expanded yet (one being completed):
/// a leading `~` is the home folder.
pub fn typed_path(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), dirs::home_dir()) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path.to_owned(),
    }
}

fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| env_value(name).and_then(|value| Lang::from_locale(&value)))
        .unwrap_or(Lang::En)
}

fn default_store() -> anyhow::Result<PathBuf> {
    let data = dirs::data_dir().ok_or(Error::NoDataFolder)?;
    Ok(data.join("studyplan").join("progress.jsonl"))
}

/// A variable's value; unset and empty are the same.
fn env_value(name: &str) -> Option<String> {
    env::var(name).ok().filter(|value| !value.is_empty())
}

/// A variable naming a file, in any encoding the system allows; unset and empty are the same.
fn env_path(name: &str) -> Option<PathBuf> {
    env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}
