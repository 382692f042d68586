//! studyplan: follow a curriculum, mark topics, and see how close you are to ready.

pub mod agenda;
pub mod cli;
pub mod commands;
pub mod config;
pub mod curriculum;
pub mod error;
pub mod file_kind;
pub mod files;
pub mod i18n;
pub mod plans;
pub mod progress;
pub mod render;
pub mod review;
pub mod schedule;
pub mod stats;
pub mod store;
pub mod tui;
pub mod wrap;

use std::io::{self, Write as _};

pub use error::Error;

/// Runs the parsed command line to completion; the one place `main` calls.
pub fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let settings = config::Settings::from_args(&cli.global)?;
    let command = cli.command.unwrap_or(cli::Command::Status { json: false });
    let mut out = io::stdout().lock();
    commands::run(command, &settings, &mut out)?;
    out.flush().map_err(output_error)?;
    Ok(())
}

/// A failure to write the output to stdout, saying where stdout goes when the system tells; the
/// reader going away is left as it is, for [`is_broken_pipe`].
pub fn output_error(cause: io::Error) -> anyhow::Error {
    if cause.kind() == io::ErrorKind::BrokenPipe {
        return cause.into();
    }
    Error::WriteOutput {
        target: config::stdout_target(),
        cause,
    }
    .into()
}

/// Writes a diagnostic to stderr: on a terminal, wrapped between words to its width, so that no
/// id or path is cut by the edge; into a pipe, each message whole. A stderr that is closed or a
/// pipe whose reader went away is ignored: a message that cannot be shown is no reason to stop,
/// and never a panic.
pub fn to_stderr(text: &str) {
    let held = HELD.with_borrow_mut(|held| held.as_mut().map(|held| held.push_str(text)));
    if held.is_some() {
        return;
    }
    let text = match config::error_width() {
        Some(width) => std::borrow::Cow::Owned(wrap::fit_lines(text, width)),
        None => std::borrow::Cow::Borrowed(text),
    };
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

thread_local! {
    /// Diagnostics held back while a full-screen view owns the terminal.
    static HELD: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Holds diagnostics back from stderr (`on`), for a full-screen view to show them itself, or
/// lets them through again.
pub fn hold_stderr(on: bool) {
    HELD.with_borrow_mut(|held| *held = on.then(String::new));
}

/// The diagnostics held back since this was last asked.
pub fn take_held() -> String {
    HELD.with_borrow_mut(|held| held.as_mut().map(std::mem::take).unwrap_or_default())
}

/// The exit code for an error: 2 for a mistake in what was typed, 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    err.downcast_ref::<Error>().map_or(1, Error::exit_code)
}

/// Whether an error is only the reader of our output going away (`studyplan list | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
