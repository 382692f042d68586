//! `report`: a Markdown, CSV, JSON, HTML or SVG report, to stdout or into a file that is
//! replaced whole.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use clap::ValueEnum as _;

use crate::agenda;
use crate::cli::ReportFormat;
use crate::config::Settings;
use crate::curriculum::Source;
use crate::error::{Error, IoAction, OwnFile};
use crate::files::{follow_links, same_file};
use crate::i18n::Msg;
use crate::progress;
use crate::render::{chart, html, report};
use crate::schedule;
use crate::stats;
use crate::store;

/// The burn-up chart's points at most: one a day over a year, fewer (each a few days) beyond.
const CHART_POINTS: usize = 366;

/// Renders the report; with `output`, writes it there and returns nothing for stdout.
pub fn run(
    settings: &Settings,
    format: Option<ReportFormat>,
    output: Option<PathBuf>,
    notes: bool,
) -> anyhow::Result<String> {
    // `-` is stdout, as for most tools that take an output file.
    let output = output.filter(|path| path.as_os_str() != "-");
    let format = format_for(format, output.as_deref())?;
    if notes && !matches!(format, ReportFormat::Html | ReportFormat::Markdown) {
        return Err(Error::ReportNoNotes {
            format: format_name(format),
        }
        .into());
    }
    if let Some(path) = &output {
        check_not_own_file(path, settings)?;
    }
    let super::Reading {
        loaded,
        store,
        replay,
    } = &*super::read(settings)?;
    let summary = progress::summarize(loaded, replay);
    let outlook = schedule::outlook(loaded, &store.events, replay, &summary, settings.today);
    let lang = settings.lang;
    let today = settings.today;
    let events = &store.events;
    let text = match format {
        ReportFormat::Markdown => report::markdown(
            loaded,
            replay,
            &summary,
            notes.then_some(&events[..]),
            lang,
            today,
        ),
        ReportFormat::Csv => report::csv(loaded, replay, lang),
        ReportFormat::Json => {
            let agenda = agenda::agenda(loaded, replay, &summary, &outlook, settings.today, None);
            let reviews_due = super::review::due_count(settings, loaded, &store.events, replay);
            report::json(
                loaded,
                replay,
                &summary,
                &outlook,
                (&agenda, reviews_due),
                lang,
            )
        }
        ReportFormat::Html => {
            let days = stats::study_days(&loaded.curriculum.id, events, today);
            let stats = super::stats::view(loaded, events, today, &days, CHART_POINTS);
            html::html(&html::Page {
                loaded,
                replay,
                summary: &summary,
                outlook: &outlook,
                stats: &stats,
                notes: notes.then_some(&events[..]),
                lang,
                version: env!("CARGO_PKG_VERSION"),
            })
        }
        ReportFormat::Svg => {
            let stats = super::stats::view(loaded, events, today, &[], CHART_POINTS);
            chart::for_plan(loaded, &outlook, stats.burn_up.as_ref(), today, lang, true)
        }
    };
    let Some(path) = output else {
        return Ok(text);
    };
    write_to(&path, text.as_bytes())?;
    crate::to_stderr(&format!(
        "studyplan: {}\n",
        lang.say(Msg::ReportWritten {
            path: &path.display().to_string()
        })
    ));
    Ok(String::new())
}

/// The format a file name's extension says, when it names one.
fn implied_format(path: &Path) -> Result<Option<ReportFormat>, String> {
    let Some(extension) = path.extension() else {
        return Ok(None);
    };
    let extension = extension.to_string_lossy().to_lowercase();
    match extension.as_str() {
        "md" | "markdown" => Ok(Some(ReportFormat::Markdown)),
        "csv" => Ok(Some(ReportFormat::Csv)),
        "json" => Ok(Some(ReportFormat::Json)),
        "html" | "htm" => Ok(Some(ReportFormat::Html)),
        "svg" => Ok(Some(ReportFormat::Svg)),
        // Plain text says nothing against the default.
        "txt" => Ok(None),
        _ => Err(extension),
    }
}

/// The report's format: `--format` when given, else what the output file's extension says, else
/// Markdown. A `--format` the extension contradicts is refused, as is an extension that names no
/// format when `--format` is not given.
fn format_for(format: Option<ReportFormat>, output: Option<&Path>) -> Result<ReportFormat, Error> {
    let implied = output.map(implied_format).transpose();
    match (format, implied) {
        (Some(given), Ok(Some(Some(said)))) if given != said => Err(Error::ReportFormatMismatch {
            path: output.unwrap_or(Path::new("")).to_owned(),
            given: format_name(given),
            said: format_name(said),
        }),
        (Some(given), _) => Ok(given),
        (None, Ok(implied)) => Ok(implied.flatten().unwrap_or(ReportFormat::Markdown)),
        (None, Err(extension)) => Err(Error::ReportFormatUnknown {
            path: output.unwrap_or(Path::new("")).to_owned(),
            extension,
        }),
    }
}

fn format_name(format: ReportFormat) -> String {
    format
        .to_possible_value()
        .map(|value| value.get_name().to_owned())
        .unwrap_or_default()
}

/// Refuses an output that is the store, its lock or the curriculum in use, however it is spelled:
/// relative, through `..` or links, or another hard link to the same file.
fn check_not_own_file(output: &Path, settings: &Settings) -> Result<(), Error> {
    let store = follow_links(&settings.store).unwrap_or_else(|_| settings.store.clone());
    // A store's name stands for its version 2 file and the version 1 file read until the first
    // change converts it (`progress.yaml` and `progress.jsonl`, whichever was named).
    let files = store::Files::of(&store);
    let mut own = vec![(OwnFile::Store, files.v2.clone())];
    own.extend(files.v1.map(|v1| (OwnFile::Store, v1)));
    own.push((OwnFile::Lock, store::lock_path(&files.v2)));
    if let Source::File(curriculum) = &settings.curriculum {
        own.push((OwnFile::Curriculum, curriculum.clone()));
    }
    for (what, file) in own {
        if same_file(output, &file) {
            return Err(Error::ReportOntoOwnFile {
                path: output.to_owned(),
                file,
                what,
            });
        }
    }
    Ok(())
}

/// Writes the report to `path`: through a link to its target; straight into a pipe or a
/// character device (a terminal, `/dev/null`); into a regular file by replacing it whole. A file of
/// any other kind is refused, never replaced.
fn write_to(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |cause: io::Error| Error::io(IoAction::WriteReport, path, cause);
    // What the kernel itself reaches through every link: `/dev/stdout` leads through
    // `/proc/self/fd/1` to a pipe that has no name a link could be followed to by hand.
    match fs::metadata(path) {
        Ok(meta) if is_stream(&meta) => {
            let mut file = OpenOptions::new().write(true).open(path).map_err(fail)?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(fail)
        }
        Ok(meta) if meta.is_dir() => Err(fail(io::ErrorKind::IsADirectory.into())),
        // A file, or none yet (perhaps at the end of a link): replaced, or made, whole beside
        // the file the links lead to.
        Ok(meta) if meta.is_file() => write_whole(path, &follow_links(path).map_err(fail)?, bytes),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            write_whole(path, &follow_links(path).map_err(fail)?, bytes)
        }
        Err(err) => Err(fail(err)),
        Ok(_) => Err(Error::ReportNotAFile(path.to_owned())),
    }
}

/// Whether a file is one written as a stream rather than replaced: a pipe or a character device.
fn is_stream(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = meta.file_type();
        kind.is_fifo() || kind.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Writes `bytes` to `target` (what `path` leads to) through a temp file in the same folder,
/// flushed and renamed over it, so readers see the old file or the new one and never a part. The
/// temp file is removed when anything fails. A file that cannot be opened for writing is refused,
/// as a shell's `>` refuses it; one whose owner the new file could not keep is written in place.
fn write_whole(path: &Path, target: &Path, bytes: &[u8]) -> Result<(), Error> {
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.exists() {
        return Err(Error::OutputFolderMissing {
            path: path.to_owned(),
            folder: folder.to_owned(),
        });
    }
    let fail = |cause: io::Error| Error::io(IoAction::WriteReport, path, cause);
    let Some(name) = target.file_name() else {
        return Err(fail(io::ErrorKind::IsADirectory.into()));
    };
    let existing = match OpenOptions::new().write(true).open(target) {
        // A file made read-only is refused even where it could be written (as root): its mode
        // says to leave it.
        Ok(file)
            if file
                .metadata()
                .is_ok_and(|meta| meta.permissions().readonly()) =>
        {
            return Err(fail(io::ErrorKind::PermissionDenied.into()));
        }
        Ok(file) => Some(file),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(fail(err)),
    };
    let temp = folder.join(format!(
        ".{}.tmp.{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_synced(&temp, bytes, existing.as_ref());
    let result = match (result, existing) {
        (Ok(true), _) => fs::rename(&temp, target),
        (Ok(false), Some(mut file)) => {
            let _ = fs::remove_file(&temp);
            file.set_len(0)
                .and_then(|()| file.write_all(bytes))
                .and_then(|()| file.sync_all())
        }
        (Ok(false), None) => Ok(()),
        (Err(err), _) => Err(err),
    };
    if let Err(cause) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(cause));
    }
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Writes the temp file with the mode and owner of `original`; false when it could not be given
/// the owner (the file of another user, who keeps it).
fn write_synced(temp: &Path, bytes: &[u8], original: Option<&File>) -> io::Result<bool> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    if let Some(meta) = original.and_then(|file| file.metadata().ok()) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let mine = file.metadata()?;
            if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid())
                && std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid())).is_err()
            {
                return Ok(false);
            }
        }
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension_unless_given() {
        use ReportFormat::*;
        let cases = [
            (None, None, Ok(Markdown)),
            (None, Some("r.md"), Ok(Markdown)),
            (None, Some("r.MARKDOWN"), Ok(Markdown)),
            (None, Some("out/progress.csv"), Ok(Csv)),
            (None, Some("r.Json"), Ok(Json)),
            (None, Some("r.txt"), Ok(Markdown)),
            (None, Some("report"), Ok(Markdown)),
            (Some(Csv), Some("r.csv"), Ok(Csv)),
            (Some(Json), Some("r.txt"), Ok(Json)),
            (Some(Csv), Some("r.xlsx"), Ok(Csv)),
            (Some(Csv), Some("r.md"), Err("mismatch")),
            (Some(Markdown), Some("r.json"), Err("mismatch")),
            (None, Some("r.html"), Ok(Html)),
            (None, Some("page.HTM"), Ok(Html)),
            (None, Some("burn-up.svg"), Ok(Svg)),
            (Some(Html), Some("r.svg"), Err("mismatch")),
            (None, Some("r.pdf"), Err("unknown")),
        ];
        for (given, path, expected) in cases {
            let got = format_for(given, path.map(Path::new));
            match (got, expected) {
                (Ok(got), Ok(expected)) => assert_eq!(got, expected, "{given:?} {path:?}"),
                (Err(Error::ReportFormatMismatch { .. }), Err("mismatch")) => {}
                (Err(Error::ReportFormatUnknown { .. }), Err("unknown")) => {}
                (got, _) => panic!("{given:?} {path:?}: {got:?}"),
            }
        }
    }
}
