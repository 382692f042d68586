//! Golden stores: every version 1 store in `tests/fixtures/stores/v1/`, read as the version 1
//! build read it (its own output is kept beside each file), before and after it is converted to
//! version 2. No release may stop reading them.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{TestEnv, fixture};

/// What the version 1 build said about each store, on this day.
const TODAY: &str = "2026-12-01";

fn run(env: &TestEnv, args: &[&str]) -> Value {
    let output = env
        .cmd()
        .env("STUDYPLAN_TODAY", TODAY)
        .args(args)
        .output()
        .expect("run studyplan");
    assert!(output.status.success(), "{args:?}: {output:?}");
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// A log in the terms both builds share: without the ids version 2 adds, without the time each
/// change was recorded (version 2 places a change recorded no later than the one before it in a
/// version 1 file a microsecond after it, so that replaying by time keeps the file's order), and
/// the changes of one day in a fixed order (version 1 listed them in the order of the file,
/// version 2 by time). The day each change counts for is compared.
fn as_v1(log: Value) -> Value {
    let Value::Array(entries) = log else {
        panic!("not a log: {log}")
    };
    let mut entries: Vec<Value> = entries
        .into_iter()
        .map(|mut entry| {
            let map = entry.as_object_mut().expect("an entry");
            map.remove("id");
            map.remove("at");
            entry
        })
        .collect();
    entries
        .sort_by_key(|entry| ["date", "change", "topic", "text"].map(|key| entry[key].to_string()));
    Value::Array(entries)
}

/// `actual` with only the keys `recorded` has, at every depth: a later build may add keys to a
/// document (`status --json` gained `today`), but every key recorded keeps its value.
fn as_recorded(actual: Value, recorded: &Value) -> Value {
    match (actual, recorded) {
        (Value::Object(mut actual), Value::Object(recorded)) => {
            actual.retain(|key, _| recorded.contains_key(key));
            Value::Object(
                actual
                    .into_iter()
                    .map(|(key, value)| {
                        let value = as_recorded(value, &recorded[&key]);
                        (key, value)
                    })
                    .collect(),
            )
        }
        (Value::Array(actual), Value::Array(recorded)) if actual.len() == recorded.len() => {
            Value::Array(
                actual
                    .into_iter()
                    .zip(recorded)
                    .map(|(value, recorded)| as_recorded(value, recorded))
                    .collect(),
            )
        }
        (actual, _) => actual,
    }
}

#[test]
fn a_key_added_since_the_recording_is_left_out_and_no_other() {
    let recorded = serde_json::json!({"a": 1, "b": [{"c": 2}]});
    let actual = serde_json::json!({"a": 1, "b": [{"c": 2, "new": 3}], "today": {}});
    assert_eq!(as_recorded(actual, &recorded), recorded);
    let changed = serde_json::json!({"a": 2, "b": [{"c": 2}]});
    assert_ne!(as_recorded(changed, &recorded), recorded);
    let dropped = serde_json::json!({"b": [{"c": 2}]});
    assert_ne!(as_recorded(dropped, &recorded), recorded);
}

fn expected(dir: &Path, name: &str, what: &str) -> Value {
    let path = dir.join(format!("{name}.{what}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).expect("the v1 build's JSON")
}

#[test]
fn every_version_1_store_reads_as_it_did_before_and_after_conversion() {
    let dir = fixture("stores/v1");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the golden stores")
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in &names {
        let env = TestEnv::new();
        let original = fs::read(dir.join(format!("{name}.yaml"))).unwrap();
        let v1 = env.dir.path().join("progress.yaml");
        fs::write(&v1, &original).unwrap();
        let check = |when: &str| {
            for what in ["status", "list"] {
                let recorded = expected(&dir, name, what);
                assert_eq!(
                    as_recorded(run(&env, &[what, "--json"]), &recorded),
                    recorded,
                    "{name}: `{what}` {when}"
                );
            }
            assert_eq!(
                as_v1(run(&env, &["log", "--json"])),
                as_v1(expected(&dir, name, "log")),
                "{name}: `log` {when}"
            );
        };
        check("read in place");
        assert_eq!(
            fs::read(&v1).unwrap(),
            original,
            "{name}: reading changed it"
        );
        assert!(!env.store().exists(), "{name}: reading converted it");
        // Merging an empty store changes nothing but the format.
        let empty = env.write(
            "empty.jsonl",
            "{\"studyplan\":\"progress\",\"version\":2}\n",
        );
        let output = env
            .cmd()
            .env("STUDYPLAN_TODAY", TODAY)
            .args(["merge", empty.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {output:?}");
        assert!(env.store().exists(), "{name}: not converted");
        assert_eq!(
            fs::read(env.dir.path().join("progress.v1-backup.yaml")).unwrap(),
            original,
            "{name}: the backup"
        );
        check("after conversion");
    }
}

#[test]
fn every_version_2_store_reads_as_it_was_recorded() {
    let dir = fixture("stores/v2");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the golden stores")
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".jsonl").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for name in &names {
        let env = TestEnv::new();
        let original = fs::read(dir.join(format!("{name}.jsonl"))).unwrap();
        fs::write(env.store(), &original).unwrap();
        for what in ["status", "list", "log"] {
            let recorded = expected(&dir, name, what);
            assert_eq!(
                as_recorded(run(&env, &[what, "--json"]), &recorded),
                recorded,
                "{name}: `{what}`"
            );
        }
        assert_eq!(
            fs::read(env.store()).unwrap(),
            original,
            "{name}: reading changed it"
        );
    }
}
