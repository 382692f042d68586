//! The checklist's state and what each key does to it: plain data and pure functions, so every
//! key is tested without a terminal. A key that changes the store does not change the state
//! here; it asks for an [`Effect`], which the command carries out through the store code and
//! answers with the history read again.

use unicode_width::UnicodeWidthStr;

use crate::progress::State;

/// A key, as the view tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Left,
    Right,
    Enter,
    Esc,
    Backspace,
    Delete,
    /// Ctrl-C, which always quits.
    Interrupt,
    Char(char),
}

/// What a key asks of the store, or of the loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond a new frame.
    None,
    Quit,
    /// Record a change to the topic at this index of the curriculum's order.
    Done(usize),
    Undo(usize),
    Start(usize),
    Skip(usize),
    /// Record a note on the topic.
    Note(usize, String),
}

/// A line of text being typed, with the cursor between two characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    /// The characters before the cursor.
    cursor: usize,
}

impl Input {
    /// The text before the cursor, whose display width is where the terminal's cursor goes, so
    /// that an input method's candidate window follows the text.
    pub fn before_cursor(&self) -> &str {
        let at = self
            .text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i);
        &self.text[..at]
    }

    /// The cursor's column from the start of the text, in display cells.
    pub fn cursor_cells(&self) -> usize {
        self.before_cursor().width()
    }

    /// Edits the text by `key`; false when the key is no edit.
    fn edit(&mut self, key: Key) -> bool {
        let chars = self.text.chars().count();
        match key {
            Key::Char(c) if !c.is_control() => {
                let at = self.before_cursor().len();
                self.text.insert(at, c);
                self.cursor += 1;
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.before_cursor().len();
                self.text.remove(at);
            }
            Key::Delete if self.cursor < chars => {
                let at = self.before_cursor().len();
                self.text.remove(at);
            }
            Key::Left => self.cursor = self.cursor.saturating_sub(1),
            Key::Right => self.cursor = (self.cursor + 1).min(chars),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = chars,
            Key::Backspace | Key::Delete => {}
            _ => return false,
        }
        true
    }
}

/// What the keys are doing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Moving about and marking topics.
    #[default]
    Browse,
    /// Typing a search: titles in both languages and ids; the topic selected before it began.
    Search(Input, usize),
    /// Typing a note on the selected topic.
    Note(Input),
    /// The keys, over everything.
    Help,
}

/// A line at the bottom: the outcome of the last change, or of a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// What the change said it did.
    Said(String),
    /// Why it changed nothing.
    Failed(String),
    /// No topic matches the search.
    NoMatch(String),
}

impl Message {
    pub fn is_error(&self) -> bool {
        !matches!(self, Message::Said(_))
    }
}

/// The checklist's topics as the keys need them: each one's stage, state and the text a search
/// looks in.
#[derive(Clone, Debug, Default)]
pub struct Topics {
    pub stages: Vec<usize>,
    pub states: Vec<State>,
    /// Each topic's id, position and titles in both languages, lowercased.
    pub search: Vec<String>,
}

/// The checklist's state.
#[derive(Clone, Debug, Default)]
pub struct App {
    /// The selected topic, an index into the curriculum's order.
    pub selected: usize,
    pub mode: Mode,
    pub message: Option<Message>,
    /// How many topics a page holds; the drawing sets it from the list's height.
    pub page: usize,
    /// The first row of the list in sight; the drawing keeps the selection in sight.
    pub offset: usize,
}

impl App {
    /// Moves the selection to `index`, kept inside the list.
    fn select(&mut self, index: usize, topics: &Topics) {
        self.selected = index.min(topics.stages.len().saturating_sub(1));
    }

    /// What `key` does, given the topics as they stand.
    pub fn handle(&mut self, key: Key, topics: &Topics) -> Effect {
        if key == Key::Interrupt {
            return Effect::Quit;
        }
        match std::mem::take(&mut self.mode) {
            Mode::Browse => self.browse(key, topics),
            Mode::Help => Effect::None, // any key closes it
            Mode::Search(mut input, origin) => {
                // A search that found nothing is forgotten as soon as it is typed on.
                self.message = None;
                let query = input.text.trim().to_lowercase();
                match key {
                    // Esc goes back to where the search began.
                    Key::Esc => self.select(origin, topics),
                    Key::Enter if query.is_empty() => {}
                    Key::Enter => match matches(topics, &query).next() {
                        Some(_) if matches(topics, &query).any(|i| i == self.selected) => {}
                        Some(index) => self.select(index, topics),
                        None => {
                            self.message = Some(Message::NoMatch(input.text.clone()));
                            self.mode = Mode::Search(input, origin);
                        }
                    },
                    // The next match below, or above, wrapping round.
                    Key::Down | Key::Up => {
                        let found: Vec<usize> = matches(topics, &query).collect();
                        let next = match key {
                            Key::Down => {
                                found.iter().find(|&&i| i > self.selected).or(found.first())
                            }
                            _ => found
                                .iter()
                                .rev()
                                .find(|&&i| i < self.selected)
                                .or(found.last()),
                        };
                        match next {
                            Some(&index) => self.select(index, topics),
                            None if !query.is_empty() => {
                                self.message = Some(Message::NoMatch(input.text.clone()));
                            }
                            None => {}
                        }
                        self.mode = Mode::Search(input, origin);
                    }
                    key => {
                        input.edit(key);
                        // The selection follows the search as it is typed.
                        let query = input.text.trim().to_lowercase();
                        if let Some(index) = matches(topics, &query).next() {
                            self.select(index, topics);
                        }
                        self.mode = Mode::Search(input, origin);
                    }
                }
                Effect::None
            }
            Mode::Note(mut input) => match key {
                Key::Esc => Effect::None,
                Key::Enter if input.text.trim().is_empty() => Effect::None,
                Key::Enter => Effect::Note(self.selected, input.text.trim().to_owned()),
                key => {
                    input.edit(key);
                    self.mode = Mode::Note(input);
                    Effect::None
                }
            },
        }
    }

    fn browse(&mut self, key: Key, topics: &Topics) -> Effect {
        let last = topics.stages.len().saturating_sub(1);
        let page = self.page.max(1);
        let here = self.selected;
        if topics.stages.is_empty() {
            return match key {
                Key::Char('q') | Key::Esc => Effect::Quit,
                _ => Effect::None,
            };
        }
        self.message = None;
        match key {
            Key::Up | Key::Char('k') => self.select(here.saturating_sub(1), topics),
            Key::Down | Key::Char('j') => self.select(here + 1, topics),
            Key::PageUp => self.select(here.saturating_sub(page), topics),
            Key::PageDown => self.select(here + page, topics),
            Key::Home | Key::Char('g') => self.select(0, topics),
            Key::End | Key::Char('G') => self.select(last, topics),
            Key::Char(c @ '1'..='9') => {
                let stage = c as usize - '1' as usize;
                if let Some(index) = topics.stages.iter().position(|&s| s == stage) {
                    self.select(index, topics);
                }
            }
            Key::Char(' ') => {
                return match topics.states.get(here) {
                    Some(State::Done) => Effect::Undo(here),
                    _ => Effect::Done(here),
                };
            }
            Key::Char('s') => return Effect::Start(here),
            Key::Char('x') => return Effect::Skip(here),
            Key::Char('u') => return Effect::Undo(here),
            Key::Char('n') => self.mode = Mode::Note(Input::default()),
            Key::Char('/') => self.mode = Mode::Search(Input::default(), here),
            Key::Char('?') => self.mode = Mode::Help,
            Key::Char('q') | Key::Esc => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }
}

/// The topics whose search text holds `query`, from the top; none for an empty query.
fn matches<'a>(topics: &'a Topics, query: &'a str) -> impl Iterator<Item = usize> + 'a {
    topics
        .search
        .iter()
        .enumerate()
        .filter(move |(_, text)| !query.is_empty() && text.contains(query))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two stages: three topics, then two; the second done.
    fn topics() -> Topics {
        Topics {
            stages: vec![0, 0, 0, 1, 1],
            states: vec![
                State::Todo,
                State::Done,
                State::Todo,
                State::InProgress,
                State::Todo,
            ],
            search: [
                "1.1 alpha 甲",
                "1.2 beta 乙",
                "1.3 gamma",
                "2.1 rag 检索",
                "2.2 eps",
            ]
            .map(str::to_owned)
            .to_vec(),
        }
    }

    fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
        let topics = topics();
        keys.iter().map(|&key| app.handle(key, &topics)).collect()
    }

    fn typed(text: &str) -> Vec<Key> {
        text.chars().map(Key::Char).collect()
    }

    #[test]
    fn moving_stays_inside_the_list() {
        let mut app = App {
            page: 2,
            ..App::default()
        };
        press(&mut app, &[Key::Up, Key::Char('k')]);
        assert_eq!(app.selected, 0);
        press(&mut app, &[Key::Down, Key::Char('j')]);
        assert_eq!(app.selected, 2);
        press(&mut app, &[Key::PageDown, Key::PageDown]);
        assert_eq!(app.selected, 4);
        press(&mut app, &[Key::PageUp]);
        assert_eq!(app.selected, 2);
        press(&mut app, &[Key::Char('G')]);
        assert_eq!(app.selected, 4);
        press(&mut app, &[Key::Char('g')]);
        assert_eq!(app.selected, 0);
        press(&mut app, &[Key::End]);
        assert_eq!(app.selected, 4);
        press(&mut app, &[Key::Home]);
        assert_eq!(app.selected, 0);
    }

    #[test]
    fn a_digit_jumps_to_its_stage_and_one_past_the_last_does_nothing() {
        let mut app = App::default();
        press(&mut app, &[Key::Char('2')]);
        assert_eq!(app.selected, 3);
        press(&mut app, &[Key::Char('1')]);
        assert_eq!(app.selected, 0);
        press(&mut app, &[Key::Char('2'), Key::Char('9')]);
        assert_eq!(app.selected, 3);
    }

    #[test]
    fn space_marks_done_or_back_to_not_started_and_letters_ask_for_their_change() {
        let mut app = App::default();
        assert_eq!(press(&mut app, &[Key::Char(' ')]), [Effect::Done(0)]);
        app.selected = 1;
        assert_eq!(
            press(
                &mut app,
                &[
                    Key::Char(' '),
                    Key::Char('s'),
                    Key::Char('x'),
                    Key::Char('u')
                ]
            ),
            [
                Effect::Undo(1),
                Effect::Start(1),
                Effect::Skip(1),
                Effect::Undo(1)
            ]
        );
        assert_eq!(press(&mut app, &[Key::Char('q')]), [Effect::Quit]);
        assert_eq!(press(&mut app, &[Key::Esc]), [Effect::Quit]);
        assert_eq!(press(&mut app, &[Key::Interrupt]), [Effect::Quit]);
    }

    #[test]
    fn a_search_selects_the_first_match_in_either_language_or_an_id() {
        let mut app = App::default();
        let mut keys = vec![Key::Char('/')];
        keys.extend(typed("检索"));
        press(&mut app, &keys);
        assert_eq!(app.selected, 3);
        assert!(matches!(&app.mode, Mode::Search(input, 0) if input.text == "检索"));
        press(&mut app, &[Key::Enter]);
        assert_eq!((app.selected, &app.mode), (3, &Mode::Browse));
        let mut keys = vec![Key::Char('/')];
        keys.extend(typed("GAMMA"));
        keys.push(Key::Enter);
        press(&mut app, &keys);
        assert_eq!(app.selected, 2);
        // Letters typed into a search are text, not commands.
        let mut keys = vec![Key::Char('/')];
        keys.extend(typed("q s x"));
        assert!(press(&mut app, &keys).iter().all(|e| *e == Effect::None));
        // No match says so and keeps the search open; Esc leaves it.
        press(&mut app, &[Key::Enter]);
        assert_eq!(app.message, Some(Message::NoMatch("q s x".into())));
        assert!(matches!(app.mode, Mode::Search(..)));
        // Esc goes back to where the search began.
        press(&mut app, &[Key::Esc]);
        assert_eq!((app.selected, &app.mode), (2, &Mode::Browse));
        let mut keys = vec![Key::Char('/')];
        keys.extend(typed("a"));
        keys.push(Key::Esc);
        press(&mut app, &keys);
        assert_eq!(app.selected, 2);
    }

    #[test]
    fn down_and_up_in_a_search_go_to_the_next_and_previous_match_round_the_list() {
        let mut app = App::default();
        // "a" is in alpha, beta, gamma and rag.
        let mut keys = vec![Key::Char('/')];
        keys.extend(typed("a"));
        press(&mut app, &keys);
        assert_eq!(app.selected, 0);
        let mut seen = Vec::new();
        for _ in 0..5 {
            press(&mut app, &[Key::Down]);
            seen.push(app.selected);
        }
        assert_eq!(seen, [1, 2, 3, 0, 1]);
        press(&mut app, &[Key::Up, Key::Up]);
        assert_eq!(app.selected, 3);
        // Enter keeps the match in hand.
        press(&mut app, &[Key::Enter]);
        assert_eq!((app.selected, &app.mode), (3, &Mode::Browse));
    }

    #[test]
    fn a_note_is_typed_edited_and_recorded_on_enter() {
        let mut app = App {
            selected: 3,
            ..App::default()
        };
        let mut keys = vec![Key::Char('n')];
        keys.extend(typed("先读文档x"));
        keys.extend([Key::Backspace, Key::Left, Key::Left, Key::Char('再')]);
        press(&mut app, &keys);
        let Mode::Note(input) = &app.mode else {
            panic!("{:?}", app.mode)
        };
        assert_eq!(input.text, "先读再文档");
        // The cursor sits after 先读再: three wide characters, six cells.
        assert_eq!((input.before_cursor(), input.cursor_cells()), ("先读再", 6));
        assert_eq!(
            press(&mut app, &[Key::Enter]),
            [Effect::Note(3, "先读再文档".into())]
        );
        assert_eq!(app.mode, Mode::Browse);
        // An empty note, or Esc, records nothing.
        assert_eq!(
            press(&mut app, &[Key::Char('n'), Key::Char(' '), Key::Enter]),
            [Effect::None, Effect::None, Effect::None]
        );
        assert_eq!(
            press(&mut app, &[Key::Char('n'), Key::Char('a'), Key::Esc]),
            [Effect::None, Effect::None, Effect::None]
        );
        assert_eq!(app.mode, Mode::Browse);
    }

    #[test]
    fn help_opens_on_question_mark_and_any_key_closes_it() {
        let mut app = App::default();
        press(&mut app, &[Key::Char('?')]);
        assert_eq!(app.mode, Mode::Help);
        assert_eq!(press(&mut app, &[Key::Char('q')]), [Effect::None]);
        assert_eq!(app.mode, Mode::Browse);
    }

    #[test]
    fn an_empty_curriculum_only_quits() {
        let mut app = App::default();
        let none = Topics::default();
        assert_eq!(app.handle(Key::Char(' '), &none), Effect::None);
        assert_eq!(app.handle(Key::Down, &none), Effect::None);
        assert_eq!(app.handle(Key::Char('q'), &none), Effect::Quit);
    }
}
