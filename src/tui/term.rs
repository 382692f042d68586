//! The terminal while the view runs: raw mode and the alternate screen, set up once and undone
//! on every way out (a return, an error, a panic), and its events read as [`Key`]s.

use std::io::{self, IsTerminal, Stdout};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;

use super::app::Key;

/// Which end is not a terminal: stdin, else stdout; none when both are.
pub fn not_a_terminal() -> Option<bool> {
    if !io::stdin().is_terminal() {
        Some(true)
    } else if !io::stdout().is_terminal() {
        Some(false)
    } else {
        None
    }
}

/// The terminal in raw mode on its alternate screen, given back as it was when dropped.
pub struct Screen {
    pub terminal: ratatui::Terminal<CrosstermBackend<Stdout>>,
}

/// Puts the terminal back: the main screen, the cursor shown, cooked mode.
fn restore() {
    let _ = disable_raw_mode();
    let _ = crossterm::execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

impl Screen {
    /// Takes over the terminal. A panic from here on puts it back before its message is shown,
    /// so the message is readable and the shell usable.
    pub fn enter() -> io::Result<Screen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        let screen = crossterm::execute!(io::stdout(), EnterAlternateScreen)
            .and_then(|()| ratatui::Terminal::new(CrosstermBackend::new(io::stdout())));
        match screen {
            Ok(terminal) => Ok(Screen { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
    }
}

/// What the terminal said while we waited.
#[derive(Debug, PartialEq, Eq)]
pub enum Said {
    Key(Key),
    /// A new size, or something else that wants a new frame.
    Redraw,
    /// Nothing within the wait.
    Nothing,
}

/// Waits up to `wait` for a key.
pub fn next(wait: Duration) -> io::Result<Said> {
    if !event::poll(wait)? {
        return Ok(Said::Nothing);
    }
    Ok(match event::read()? {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            match to_key(key.code, key.modifiers) {
                Some(key) => Said::Key(key),
                None => Said::Nothing,
            }
        }
        Event::Resize(..) | Event::FocusGained => Said::Redraw,
        _ => Said::Nothing,
    })
}

/// A key event as the view tells keys apart; none for a key it has no use for.
fn to_key(code: KeyCode, modifiers: KeyModifiers) -> Option<Key> {
    if modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(code, KeyCode::Char('c' | 'd')).then_some(Key::Interrupt);
    }
    Some(match code {
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Char(c) => Key::Char(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_told_apart_and_ctrl_c_always_quits() {
        assert_eq!(
            to_key(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Key::Char('j'))
        );
        assert_eq!(
            to_key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Key::Char('G'))
        );
        assert_eq!(
            to_key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Interrupt)
        );
        assert_eq!(to_key(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
        assert_eq!(to_key(KeyCode::F(1), KeyModifiers::NONE), None);
        assert_eq!(
            to_key(KeyCode::PageDown, KeyModifiers::NONE),
            Some(Key::PageDown)
        );
    }
}
