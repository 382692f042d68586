//! `studyplan tui`: the curriculum as a checklist in a full-screen terminal view. The state and
//! its keys are pure ([`app`]), the drawing is a function of them ([`draw`]), and the terminal
//! is set up and always restored ([`term`]); the command runs the loop and records each change
//! through the same store code as the other commands.

pub mod app;
pub mod draw;
pub mod term;

pub use app::{App, Effect, Input, Key, Message, Mode, Topics};
pub use draw::{View, draw};
