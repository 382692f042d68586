//! Files given in the wrong place (a curriculum as the store, a store or a report as the
//! curriculum), store errors that point at their line, and completion that asks the program.

mod common;

use common::{TestEnv, fixture};

/// The tiny fixture curriculum, written into the env as `name`.
fn tiny_as(env: &TestEnv, name: &str) -> Vec<u8> {
    let text = std::fs::read(fixture("tiny.yaml")).unwrap();
    env.write(name, &text);
    text
}

#[test]
fn a_curriculum_given_as_the_store_is_named_and_left_as_it_is() {
    let env = TestEnv::new();
    let text = tiny_as(&env, "my-plan.yaml");
    let err = env.fails(&["--store", "my-plan.yaml", "status"], 1);
    assert!(
        err.contains(
            "`my-plan.yaml` is a curriculum, not a progress store; use `--curriculum my-plan.yaml` \
             to follow it"
        ),
        "{err}"
    );
    assert!(!err.contains("your history is in it"), "{err}");
    // Through the variable too, and for a change, which must not write.
    let output = env
        .cmd()
        .env("STUDYPLAN_STORE", "my-plan.yaml")
        .args(["--lang", "zh", "done", "why-rag"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains(
            "`my-plan.yaml` 是课程文件，不是进度文件；要按它学习，请用 `--curriculum my-plan.yaml`"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read(env.dir.path().join("my-plan.yaml")).unwrap(),
        text
    );
}

#[test]
fn a_curriculum_with_a_version_key_is_never_written_over_as_a_store() {
    let env = TestEnv::new();
    let text = format!(
        "version: 1\n{}",
        std::fs::read_to_string(fixture("tiny.yaml")).unwrap()
    );
    env.write("versioned.yaml", &text);
    let err = env.fails(&["--store", "versioned.yaml", "done", "why-rag"], 1);
    assert!(
        err.contains("`versioned.yaml` is a curriculum, not a progress store"),
        "{err}"
    );
    let after = std::fs::read_to_string(env.dir.path().join("versioned.yaml")).unwrap();
    assert_eq!(after, text);
    // A newer-looking version says the same, not that studyplan is too old.
    env.write("v9.yaml", text.replace("version: 1", "version: 9"));
    let err = env.fails(&["--store", "v9.yaml", "status"], 1);
    assert!(err.contains("`v9.yaml` is a curriculum"), "{err}");
}

#[test]
fn a_store_given_as_the_curriculum_is_named() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    let before = env.store_bytes().unwrap();
    let store = env.store().display().to_string();
    let err = env.fails(&["--curriculum", &store, "status"], 1);
    assert!(
        err.contains(&format!(
            "`{store}` is a progress store, not a curriculum; use `--store {store}` to keep \
             progress in it"
        )),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "curriculum", "check", "progress.yaml"], 1);
    assert!(
        err.contains("`progress.yaml` 是进度文件，不是课程文件；要在其中记录进度，请用 `--store progress.yaml`"),
        "{err}"
    );
    // An empty store too.
    env.write("empty.yaml", "version: 1\nevents: []\n");
    let err = env.fails(&["--curriculum", "empty.yaml", "list"], 1);
    assert!(err.contains("`empty.yaml` is a progress store"), "{err}");
    assert_eq!(env.store_bytes().unwrap(), before);
}

#[test]
fn a_store_too_large_for_a_curriculum_is_still_named_as_a_store() {
    let env = TestEnv::new();
    let line =
        "- {at: 2026-11-29T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n";
    let mut text = String::from("version: 1\nevents:\n");
    while text.len() <= 16 << 20 {
        text.push_str(line);
    }
    env.write("big.yaml", &text);
    let err = env.fails(&["--curriculum", "big.yaml", "status"], 1);
    assert!(
        err.contains("`big.yaml` is a progress store, not a curriculum"),
        "{err}"
    );
}

#[test]
fn a_report_given_as_the_store_or_the_curriculum_is_named() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    for (file, format) in [
        ("report.md", "Markdown"),
        ("report.csv", "CSV"),
        ("report.json", "JSON"),
    ] {
        env.ok(&["report", "-o", file]);
        let before = std::fs::read(env.dir.path().join(file)).unwrap();
        let err = env.fails(&["--store", file, "done", "1.1"], 1);
        assert!(
            err.contains(&format!(
                "`{file}` is a {format} report written by `studyplan report`, not a progress \
                 store; point --store (or STUDYPLAN_STORE) at your progress file"
            )),
            "{err}"
        );
        let err = env.fails(&["--curriculum", file, "status"], 1);
        assert!(
            err.contains(&format!(
                "`{file}` is a {format} report written by `studyplan report`, not a curriculum"
            )),
            "{err}"
        );
        let err = env.fails(&["--lang", "zh", "--curriculum", file, "status"], 1);
        assert!(
            err.contains(&format!(
                "`{file}` 是 `studyplan report` 写出的 {format} 报告，不是课程文件"
            )),
            "{err}"
        );
        assert_eq!(std::fs::read(env.dir.path().join(file)).unwrap(), before);
    }
}

#[test]
fn a_broken_store_is_still_called_broken() {
    let env = TestEnv::new();
    env.write(
        "progress.yaml",
        "version: 1\nevents:\n- {at: nope, plan: p, change: done}\n",
    );
    let err = env.fails(&["status"], 1);
    assert!(err.contains("cannot read the progress store"), "{err}");
    assert!(!err.contains("is a curriculum"), "{err}");
}

/// A store of twelve sound changes, then `last`, with a key of its own so that the full reader
/// reads it.
fn store_ending_with(last: &str) -> String {
    let mut text = String::from("version: 1\nowner: ada\nevents:\n");
    for _ in 0..12 {
        text.push_str(
            "- {at: 2026-11-20T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: start}\n",
        );
    }
    text.push_str(last);
    text
}

#[test]
fn store_errors_about_an_event_give_its_line() {
    let env = TestEnv::new();
    for (last, expected) in [
        (
            "- {plan: llm-roadmap, topic: why-rag, change: done}\n",
            "line 16 column 3: event 13 has no `at`",
        ),
        (
            "- at: 2026-11-20T09:12:03+08:00\n  plan: llm-roadmap\n  change: done\n  on: 2026-11-31\n",
            "line 19 column 7: event 13: `on: 2026-11-31` is not a date like 2026-11-29",
        ),
        (
            "- {at: 2026-11-20T09:12:03+08:00, plan: llm-roadmap, topic: 2.4, change: done}\n",
            "line 16 column 61: event 13: `topic`: invalid type",
        ),
    ] {
        env.write("progress.yaml", store_ending_with(last));
        let err = env.fails(&["status"], 1);
        assert!(err.contains(expected), "{err}");
        let err = env.fails(&["--lang", "zh", "done", "1.1"], 1);
        assert!(
            err.contains(&format!(
                "无法读取进度文件 `{}`：{expected}",
                env.store().display()
            )),
            "{err}"
        );
    }
}
