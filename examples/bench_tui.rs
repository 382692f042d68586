//! Times the checklist view: how long a keypress takes to handle and redraw a full 120x40
//! frame, escape sequences and all, on the store and curriculum the environment names (as
//! `studyplan tui` would read them), with the frame's bytes thrown away instead of shown.
//!
//! ```sh
//! cargo run --release --example bench_tui -- [ROUNDS]
//! ```
//!
//! prints the median and the slowest of ROUNDS (default 200) passes over a list of keys that
//! move through the whole curriculum, search, and open and close the help.

use std::process::ExitCode;

use clap::Parser as _;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use studyplan::cli::Cli;
use studyplan::config::Settings;
use studyplan::tui::Key;

fn main() -> ExitCode {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    match run(rounds) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench_tui: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(rounds: usize) -> anyhow::Result<()> {
    let cli = Cli::parse_from(["studyplan", "tui"]);
    let settings = Settings::from_args(&cli.global)?;
    // The escape sequences are made as for a terminal, and thrown away.
    let backend = CrosstermBackend::new(std::io::sink());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut terminal = Terminal::with_options(backend, options)?;
    let mut keys = vec![Key::Char('j'); 45];
    keys.extend([Key::Char('G'), Key::PageUp, Key::Char('g'), Key::Char('3')]);
    keys.extend([
        Key::Char('/'),
        Key::Char('r'),
        Key::Char('a'),
        Key::Char('g'),
    ]);
    keys.extend([Key::Enter, Key::Char('?'), Key::Esc, Key::Char('k')]);
    let mut times = Vec::new();
    for _ in 0..rounds {
        times.extend(studyplan::commands::time_tui_keys(
            &settings,
            &mut terminal,
            &keys,
        )?);
    }
    times.sort_unstable();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} keypresses: median {:.2} ms, 99th percentile {:.2} ms, slowest {:.2} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 99 / 100]),
        ms(times[times.len() - 1]),
    );
    Ok(())
}
