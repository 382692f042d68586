//! `report`: a Markdown, CSV or JSON report, to stdout or into a file that is replaced whole.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::cli::ReportFormat;
use crate::config::Settings;
use crate::error::{Error, IoAction};
use crate::progress;
use crate::render::report;
use crate::schedule;

/// Renders the report; with `output`, writes it there and returns nothing for stdout.
pub fn run(
    settings: &Settings,
    format: ReportFormat,
    output: Option<PathBuf>,
) -> anyhow::Result<String> {
    let (loaded, store, replay) = super::read_store(settings)?;
    let summary = progress::summarize(loaded, &replay);
    let outlook = schedule::outlook(loaded, &store.events, &replay, &summary, settings.today);
    let lang = settings.lang;
    let text = match format {
        ReportFormat::Markdown => report::markdown(loaded, &replay, &summary, lang, settings.today),
        ReportFormat::Csv => report::csv(loaded, &replay, lang),
        ReportFormat::Json => report::json(loaded, &replay, &summary, &outlook, lang),
    };
    // `-` is stdout, as for most tools that take an output file.
    let Some(path) = output.filter(|path| path.as_os_str() != "-") else {
        return Ok(text);
    };
    write_whole(&path, text.as_bytes())?;
    crate::to_stderr(&format!(
        "studyplan: {} `{}`\n",
        lang.pick("report written to", "报告已写入"),
        path.display()
    ));
    Ok(String::new())
}

/// Writes `bytes` to `path` through a temp file in the same folder, flushed and renamed over it,
/// so readers see the old file or the new one and never a part. The temp file is removed when
/// anything fails.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let folder = match path.parent() {
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
    let Some(name) = path.file_name() else {
        return Err(fail(io::ErrorKind::IsADirectory.into()));
    };
    if path.is_dir() {
        return Err(fail(io::ErrorKind::IsADirectory.into()));
    }
    let temp = folder.join(format!(
        ".{}.tmp.{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_synced(&temp, bytes, path).and_then(|()| fs::rename(&temp, path));
    if let Err(cause) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(cause));
    }
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn write_synced(temp: &Path, bytes: &[u8], original: &Path) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    if let Ok(meta) = fs::metadata(original) {
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}
