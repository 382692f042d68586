//! The curriculum's YAML schema: the serde types and nothing else, so that the build script can
//! read the embedded roadmap with the very same types (see `build.rs`). Serializing is only for
//! the binary encoding in `codec.rs`, which names no fields, so no field is ever skipped.
//!
//! Every map refuses keys it does not know: a misspelt `genius_day` must not silently drop the
//! genius window. `syntax.rs` then finds every such key, with the one it was meant to be.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// What the reader says of a text given as a map with neither language; `syntax.rs` knows it.
pub const EMPTY_TEXT: &str = "text needs `zh`, `en` or both";

/// Text given either as one string or in both languages.
///
/// In YAML: `title: 内容安全`, or `title: { zh: 内容安全, en: Content safety }`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    /// The Chinese form.
    pub zh: Option<String>,
    /// The English form.
    pub en: Option<String>,
}

impl Text {
    /// Every form the text is given in.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.zh.iter().chain(self.en.iter()).map(String::as_str)
    }

    /// True when any form given is empty, so no language ever shows a blank title.
    pub fn is_blank(&self) -> bool {
        self.forms().any(|form| form.trim().is_empty())
    }

    /// The text, if it is given in at least one language.
    fn checked<E: de::Error>(self) -> Result<Text, E> {
        if self.zh.is_none() && self.en.is_none() {
            return Err(E::custom(EMPTY_TEXT));
        }
        Ok(self)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a map with `zh` and/or `en`")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                // One string serves both languages.
                Ok(Text {
                    zh: Some(value.to_owned()),
                    en: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = Text { zh: None, en: None };
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "zh" => &mut text.zh,
                        "en" => &mut text.en,
                        other => {
                            return Err(de::Error::unknown_field(other, &["zh", "en"]));
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                text.checked()
            }
        }

        /// Both forms, as the binary encoding (which cannot ask what comes next) writes them.
        #[derive(Deserialize)]
        struct Forms {
            zh: Option<String>,
            en: Option<String>,
        }

        if deserializer.is_human_readable() {
            deserializer.deserialize_any(TextVisitor)
        } else {
            let Forms { zh, en } = Forms::deserialize(deserializer)?;
            Text { zh, en }.checked()
        }
    }
}

/// The readiness band: the share of topics done at which a learner is getting ready.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Lower edge, a fraction from 0 to 1 (the roadmap's 0.60). Reaching it means "within".
    pub low: f64,
    /// Upper edge, a fraction from 0 to 1 (the roadmap's 0.70). Only more than this is "above".
    pub high: f64,
}

/// A whole curriculum, as written in its YAML file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// Stable id; progress is stored under it, so two curricula never share progress.
    pub id: String,
    /// The curriculum's name.
    pub title: Text,
    /// Optional longer description.
    #[serde(default)]
    pub description: Option<Text>,
    /// The readiness band.
    pub band: Band,
    /// Days from the start within which finishing everything earns the genius badge.
    #[serde(default)]
    pub genius_days: Option<i64>,
    /// Whether finished topics come back for review (`studyplan review`); `false` turns reviews
    /// off for everyone who follows this curriculum.
    #[serde(default = "reviews_on")]
    pub review: bool,
    /// The stages, in the order they are studied.
    pub stages: Vec<Stage>,
}

fn reviews_on() -> bool {
    true
}

/// One stage of a curriculum.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stable id, unique in the whole curriculum.
    pub id: String,
    /// The stage's name.
    pub title: Text,
    /// Planned days for the stage; a positive whole number.
    pub days: i64,
    /// What the stage is for.
    #[serde(default)]
    pub goal: Option<Text>,
    /// The topics, in the order they are studied.
    pub topics: Vec<Topic>,
}

/// One topic of a stage.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id, unique in the whole curriculum; progress is stored under it.
    pub id: String,
    /// The topic's name.
    pub title: Text,
    /// Optional longer description.
    #[serde(default)]
    pub description: Option<Text>,
    /// Optional links to material.
    #[serde(default)]
    pub links: Vec<String>,
    /// Ids the topic had before it was renamed, like `was: [old-id]`: progress recorded under
    /// them counts for this topic. None of them may be an id in use, or another topic's old id.
    #[serde(default)]
    pub was: Vec<String>,
}
