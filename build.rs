//! Reads the embedded roadmap at build time, with the same schema types the program uses, and
//! writes it in the program's binary encoding (`src/curriculum/codec.rs`), which the program
//! reads back at start. The program then starts without parsing YAML (which was two thirds of a
//! `status` run), and a roadmap that does not parse fails the build instead of a learner's first
//! run.

use std::env;
use std::fs;
use std::path::Path;

// The program's own schema and codec, at their own paths: `src::curriculum::codec` reaches the
// schema as `super::schema`, as it does in the program.
#[allow(dead_code)]
mod src {
    pub mod curriculum {
        pub mod codec;
        pub mod schema;
    }
}

use src::curriculum::{codec, schema::Curriculum};

const ROADMAP: &str = "curriculum/llm-roadmap.yaml";

fn main() {
    println!("cargo::rerun-if-changed={ROADMAP}");
    println!("cargo::rerun-if-changed=src/curriculum/schema.rs");
    println!("cargo::rerun-if-changed=src/curriculum/codec.rs");
    let yaml = fs::read_to_string(ROADMAP).unwrap_or_else(|err| panic!("reading {ROADMAP}: {err}"));
    let curriculum: Curriculum =
        serde_yaml::from_str(&yaml).unwrap_or_else(|err| panic!("{ROADMAP}: {err}"));
    let data = codec::encode(&curriculum);
    assert!(
        codec::decode(&data).as_ref() == Some(&curriculum),
        "{ROADMAP} does not read back from its encoding"
    );
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.bin");
    fs::write(&out, data).unwrap_or_else(|err| panic!("writing {}: {err}", out.display()));
}
