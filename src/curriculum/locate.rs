//! Where each value of a YAML text sits, by key path (`stages.0.topics.1.id`), so that a problem
//! found after parsing can point at its line and column.
//!
//! serde_yaml gives positions only for its own errors, so this walks the text once more with an
//! event parser that reports a position for every node. It runs only when there is a problem to
//! place, and never expands aliases.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use saphyr_parser::{Event, Parser};

/// Positions of the values and keys of one YAML document.
#[derive(Debug, Default)]
pub struct Positions {
    values: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
    /// Keys given again in the same map, where they are given again.
    repeated: Vec<(String, (usize, usize))>,
}

impl Positions {
    /// Line and column (both from 1) of the value at `path`; else of its key; else of the nearest
    /// enclosing value that has a position.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&at) = self.values.get(path).or_else(|| self.keys.get(path)) {
                return Some(at);
            }
            path = &path[..path.rfind('.')?];
        }
    }
}

impl Positions {
    /// Every key, by its path (`stages.0.gaol`), with where it is; in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = (&str, (usize, usize))> {
        self.keys.iter().map(|(path, &at)| (path.as_str(), at))
    }

    /// Where the key at `path` is given the second time, if it is.
    pub fn repeated(&self, path: &str) -> Option<(usize, usize)> {
        self.repeated
            .iter()
            .find(|(repeated, _)| repeated == path)
            .map(|&(_, at)| at)
    }
}

/// How deep the walk goes; a curriculum's values are at most six levels down.
const MAX_DEPTH: usize = 128;

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

/// Walks `text` and records where every value and key starts. A text that does not parse gives
/// the positions found before the error (serde_yaml reports the error itself).
pub fn positions(text: &str) -> Positions {
    let mut found = Positions::default();
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the node about to start is a key, and the path it will have if it is a value.
    fn child(stack: &[Frame]) -> Option<String> {
        match stack.last() {
            None => Some(String::new()),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map {
                path,
                key: Some(key),
            }) => Some(join(path, key)),
            Some(Frame::Seq { path, index }) => Some(join(path, &index.to_string())),
        }
    }
    // A node has ended: the parent moves on to its next key, value or item.
    fn finish(stack: &mut [Frame], key_text: Option<&str>) {
        match stack.last_mut() {
            Some(Frame::Map { key, .. }) => {
                *key = match key {
                    None => Some(key_text.unwrap_or("?").to_owned()),
                    Some(_) => None,
                }
            }
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }

    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let at = (span.start.line(), span.start.col() + 1);
        match event {
            Event::Scalar(value, ..) => {
                match child(&stack) {
                    Some(path) => {
                        found.values.entry(path).or_insert(at);
                    }
                    None => {
                        if let Some(Frame::Map { path, .. }) = stack.last() {
                            let key = join(path, &value);
                            match found.keys.entry(key) {
                                Entry::Occupied(given) => {
                                    found.repeated.push((given.key().clone(), at));
                                }
                                Entry::Vacant(first) => {
                                    first.insert(at);
                                }
                            }
                        }
                    }
                }
                finish(&mut stack, Some(&value));
            }
            Event::Alias(_) => finish(&mut stack, None),
            // The YAML reader refuses nesting this deep, and every path down there would be a
            // copy of a longer one: a hundred thousand levels of `- - -` would take gigabytes.
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() >= MAX_DEPTH => break,
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A map or list used as a key gets a path no lookup will ask for.
                let path = child(&stack).unwrap_or_else(|| "?".to_owned());
                found.values.entry(path.clone()).or_insert(at);
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Map { path, key: None },
                    _ => Frame::Seq { path, index: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                finish(&mut stack, None);
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    found
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
id: c
title: { zh: 课程, en: Course }
band:
  low: 0.6
  high: 0.7
stages:
  - id: s
    days: 0
    topics:
      - { id: a, title: 甲 }
      - id: b
        title: ''
";

    #[test]
    fn finds_values_in_block_and_flow_style() {
        let found = positions(TEXT);
        assert_eq!(found.find("id"), Some((1, 5)));
        // Columns count characters, so the two Chinese ones count one each.
        assert_eq!(found.find("title.en"), Some((2, 22)));
        assert_eq!(found.find("band.high"), Some((5, 9)));
        assert_eq!(found.find("stages.0.days"), Some((8, 11)));
        assert_eq!(found.find("stages.0.topics.0.id"), Some((10, 15)));
        assert_eq!(found.find("stages.0.topics.1.title"), Some((12, 16)));
    }

    #[test]
    fn falls_back_to_the_key_then_to_the_enclosing_value() {
        let found = positions("a:\n  b: 1\n");
        assert_eq!(found.find("a.b"), Some((2, 6)));
        assert_eq!(found.find("a.c"), Some((2, 3)));
        assert_eq!(found.find("zzz"), None);
    }
}
