//! The one binary encoding of a parsed curriculum: postcard over the schema's own serde types.
//! The build script writes the embedded roadmap with it and the program reads it back at start;
//! the cache of parsed curricula keeps its entries in it. The schema is the only place the shape
//! is written.

use super::schema::Curriculum;

/// The encoding's version, part of every cache entry's key. postcard does not name fields, so
/// a change to the schema's fields or their order changes what the bytes mean: bump this then
/// (the test `the_encoding_is_the_one_this_version_names` fails until you do).
pub const FORMAT: u32 = 2;

/// The curriculum as bytes.
pub fn encode(curriculum: &Curriculum) -> Vec<u8> {
    // Serializing plain data into a Vec cannot fail.
    postcard::to_allocvec(curriculum).unwrap_or_default()
}

/// Reads what [`encode`] wrote, or nothing when the bytes are not exactly that: cut short,
/// followed by anything, or not a curriculum at all.
pub fn decode(data: &[u8]) -> Option<Curriculum> {
    match postcard::take_from_bytes::<Curriculum>(data) {
        Ok((curriculum, [])) => Some(curriculum),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::{Band, Stage, Text, Topic, embedded_curriculum};

    fn one(text: &str) -> Text {
        Text {
            zh: Some(text.into()),
            en: None,
        }
    }

    /// The smallest curriculum with every field given.
    fn tiny() -> Curriculum {
        Curriculum {
            id: "c".into(),
            title: one("C"),
            description: Some(Text {
                zh: None,
                en: Some("d".into()),
            }),
            band: Band {
                low: 0.5,
                high: 1.0,
            },
            genius_days: Some(3),
            review: false,
            stages: vec![Stage {
                id: "s".into(),
                title: one("S"),
                days: 2,
                goal: Some(one("g")),
                topics: vec![Topic {
                    id: "t".into(),
                    title: one("T"),
                    description: None,
                    links: vec!["l".into()],
                    was: vec!["o".into()],
                }],
            }],
        }
    }

    #[test]
    fn the_encoding_is_the_one_this_version_names() {
        // If this fails, the schema changed what the bytes mean: bump `FORMAT`, so caches
        // written before are not read as this shape, and then update these bytes.
        let hex: String = encode(&tiny()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            (FORMAT, hex.as_str()),
            (
                2,
                "0163010143000100010164000000000000e03f000000000000f03f01060001017301015300040101016700\
                 010174010154000001016c01016f"
            )
        );
    }

    #[test]
    fn curricula_read_back_exactly_as_written() {
        let mut full = embedded_curriculum();
        full.description = Some(one("说明"));
        full.genius_days = None;
        let topic = &mut full.stages[1].topics[2];
        topic.description = Some(Text {
            zh: None,
            en: Some("more".into()),
        });
        topic.links = vec!["https://example.com/a".into(), String::new()];
        topic.was = vec!["old-id".into()];
        full.stages[0].goal = None;
        for curriculum in [embedded_curriculum(), full, tiny()] {
            let data = encode(&curriculum);
            assert_eq!(decode(&data).as_ref(), Some(&curriculum));
            // Anything cut off or added is not taken for a curriculum.
            for len in [0, 1, data.len() / 2, data.len() - 1] {
                assert_eq!(decode(&data[..len]), None, "cut to {len}");
            }
            let mut longer = data.clone();
            longer.push(0);
            assert_eq!(decode(&longer), None);
        }
    }

    #[test]
    fn bytes_no_build_would_write_are_not_taken() {
        let mut curriculum = tiny();
        curriculum.stages[0].title = Text { zh: None, en: None };
        assert_eq!(decode(&encode(&curriculum)), None);
        // A count of four billion stages and nothing after it asks for no memory up front.
        let mut huge = encode(&Curriculum {
            stages: Vec::new(),
            ..tiny()
        });
        huge.pop();
        huge.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(decode(&huge), None);
    }
}
