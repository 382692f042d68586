//! The store across machines: reverting a change, merging stores, sync tools' conflict copies,
//! and git's union merge.

use std::fs;

use serde_json::Value;

use crate::common::{TestEnv, json};

/// The state of every topic, as `list --json` gives it: what two histories must agree on.
fn states(env: &TestEnv) -> Vec<(String, String)> {
    let list = json(&env.ok(&["list", "--json"]));
    list.as_array()
        .unwrap()
        .iter()
        .map(|topic| {
            (
                topic["id"].as_str().unwrap().to_owned(),
                topic["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn log_ids(env: &TestEnv) -> Vec<String> {
    let log = json(&env.ok(&["log", "--json"]));
    log.as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_mistaken_change_is_reverted_and_both_stay_in_the_log() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    env.ok(&["skip", "why-rag"]);
    let skip = log_ids(&env)[0].clone();
    let before = env.store_bytes().unwrap();
    let out = env.ok(&["revert", &skip[..6]]);
    assert_eq!(
        out,
        format!(
            "reverted {} (skip why-rag): it no longer counts; both stay in the log\n\
             [x] 2.1 why-rag  Why do RAG  (skipped -> done)\n\
             Overall: 1/41 (2.4%), below the 60-70% band: 24 more topics to reach 60%\n",
            &skip[..8]
        )
    );
    // Appended, never edited: the done date is back.
    let after = env.store_bytes().unwrap();
    assert!(after.starts_with(&before));
    let show = json(&env.ok(&["show", "why-rag", "--json"]));
    assert_eq!(show["state"], "done", "{show}");
    let log = env.ok(&["log"]);
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].contains("revert") && lines[0].contains(&skip[..8]),
        "{log}"
    );
    assert!(lines[1].ends_with("(reverted: no longer counts)"), "{log}");
    let entries = json(&env.ok(&["log", "--json"]));
    assert_eq!(entries[0]["reverts"], Value::String(skip.clone()));
    assert_eq!(entries[1]["reverted"], true);
    // Twice is refused, naming the revert; a revert of the revert makes the skip count again.
    let revert = &entries[0]["id"].as_str().unwrap()[..8];
    let err = env.fails(&["revert", &skip], 2);
    assert_eq!(
        err,
        format!(
            "studyplan: error: the change `{}` no longer counts already: `{revert}` reverted it; \
             to count it again, `studyplan revert {revert}`\n",
            &skip[..8]
        )
    );
    let out = env.ok(&["revert", revert]);
    assert_eq!(
        out,
        format!(
            "reverted {revert} (revert {}): it no longer counts; both stay in the log\n\
             [-] 2.1 why-rag  Why do RAG  (done -> skipped)\n\
             Overall: 0/41 (0.0%), below the 60-70% band: 25 more topics to reach 60%\n",
            &skip[..8]
        )
    );
    assert_eq!(
        json(&env.ok(&["show", "why-rag", "--json"]))["state"],
        "skipped"
    );
}

#[test]
fn a_reverted_note_shows_no_state_change() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    env.ok(&["note", "why-rag", "wrong topic"]);
    let note = log_ids(&env)[0].clone();
    let out = env.ok(&["revert", &note[..8]]);
    assert_eq!(
        out,
        format!(
            "reverted {} (note why-rag): it no longer counts; both stay in the log\n\
             Overall: 1/41 (2.4%), below the 60-70% band: 24 more topics to reach 60%\n",
            &note[..8]
        )
    );
}

#[test]
fn revert_refuses_an_unknown_or_ambiguous_id_and_writes_nothing() {
    let env = TestEnv::new();
    // Seventeen changes: two of their ids share a first hex digit, whatever they are.
    for stage in 1..=2 {
        for topic in 1..=9 {
            if stage * 10 + topic <= 28 {
                env.ok(&["done", &format!("{stage}.{topic}")]);
            }
        }
    }
    let before = env.store_bytes();
    let err = env.fails(&["revert", "not-an-id"], 2);
    assert!(err.contains("no change has the id `not-an-id`"), "{err}");
    let ids = log_ids(&env);
    assert_eq!(ids.len(), 17);
    // One or two characters could name the wrong change without a word: refused, whatever
    // they match.
    for short in [&ids[0][..1], &ids[0][..3]] {
        let err = env.fails(&["revert", short], 2);
        assert_eq!(
            err,
            format!(
                "studyplan: error: `{short}` is too short to name a change: give at least 4 \
                 characters of its id (`studyplan log` shows 8 in its first column)\n"
            )
        );
    }
    let err = env.fails(&["--lang", "zh", "revert", &ids[0][..2]], 2);
    assert!(err.contains("太短"), "{err}");
    assert_eq!(env.store_bytes(), before);
    // Checked before anything is touched: a fresh data folder stays empty.
    let fresh = TestEnv::new();
    fresh.fails(&["revert", "ab"], 2);
    assert_eq!(fs::read_dir(fresh.dir.path()).unwrap().count(), 0);

    // Two ids that share their first eight characters.
    let env = TestEnv::new();
    let line = |id: &str, topic: &str| {
        format!(
            "{{\"id\":\"{id}\",\"at\":\"2026-11-20T09:00:00.000000+08:00\",\"plan\":\"llm-roadmap\",\"change\":\"done\",\"topics\":[\"{topic}\"]}}\n"
        )
    };
    let text = format!(
        "{{\"studyplan\":\"progress\",\"version\":2}}\n{}{}",
        line("0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e", "why-rag"),
        line("0b6c2d7e-9999-4b5c-8d9e-0f1a2b3c4d5e", "embeddings")
    );
    fs::write(env.store(), &text).unwrap();
    let err = env.fails(&["revert", "0B6C-2d7e"], 2);
    assert_eq!(
        err,
        "studyplan: error: `0B6C-2d7e` is the start of the ids of 2 changes: `0b6c2d7e3`, \
         `0b6c2d7e9`; type more of it\n"
    );
    assert_eq!(fs::read_to_string(env.store()).unwrap(), text);
}

/// Two machines' stores: the same start, then each its own changes.
fn diverged() -> (TestEnv, TestEnv) {
    let laptop = TestEnv::new();
    laptop.ok(&["begin", "2026-11-01"]);
    laptop.ok(&["done", "1.1", "1.2"]);
    let desktop = TestEnv::new();
    fs::copy(laptop.store(), desktop.store()).unwrap();
    laptop.ok(&["done", "1.3"]);
    laptop.ok(&["note", "1.3", "read on the train"]);
    desktop.ok(&["skip", "1.4"]);
    desktop.ok(&["start", "1.2"]);
    (laptop, desktop)
}

#[test]
fn merge_names_the_first_twenty_disagreements_and_counts_the_rest() {
    let laptop = TestEnv::new();
    laptop.ok(&["begin", "2026-11-01"]);
    let desktop = TestEnv::new();
    fs::copy(laptop.store(), desktop.store()).unwrap();
    let topics: Vec<String> = (1..=11)
        .map(|t| format!("1.{t}"))
        .chain((1..=9).map(|t| format!("2.{t}")))
        .chain((1..=5).map(|t| format!("3.{t}")))
        .collect();
    let args = |change: &'static str| {
        let mut args = vec![change];
        args.extend(topics.iter().map(String::as_str));
        args
    };
    laptop.ok(&args("done"));
    desktop.ok(&args("skip"));
    let other = desktop.dir.path().join("desktop.jsonl");
    fs::copy(desktop.store(), &other).unwrap();
    let out = laptop.ok(&["merge", other.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 20 + 1, "{out}");
    assert!(
        lines[1..21].iter().all(|l| l.contains("disagree on `")),
        "{out}"
    );
    assert_eq!(
        lines[21],
        "... and 5 more topics on which they disagree; `studyplan show TOPIC` lists the changes to one"
    );
}

#[test]
fn merge_is_idempotent_and_order_independent() {
    let (laptop, desktop) = diverged();
    let a = laptop.dir.path().join("a.jsonl");
    let b = desktop.dir.path().join("b.jsonl");
    fs::copy(laptop.store(), &a).unwrap();
    fs::copy(desktop.store(), &b).unwrap();
    let out = laptop.ok(&["merge", b.to_str().unwrap()]);
    assert!(out.starts_with("added 2 changes from 1 file\n"), "{out}");
    assert!(out.contains("disagree on `how-llms-get-smart`"), "{out}");
    desktop.ok(&["merge", a.to_str().unwrap()]);
    assert_eq!(states(&laptop), states(&desktop));
    assert_eq!(log_ids(&laptop), log_ids(&desktop));
    // Again: nothing new, nothing written.
    let before = laptop.store_bytes();
    let out = laptop.ok(&["merge", b.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(
        out,
        "nothing to add: the store already has every change of the 2 files\n"
    );
    assert_eq!(laptop.store_bytes(), before);
    // The files merged are only read.
    assert_eq!(
        fs::read(&b).unwrap(),
        fs::read(desktop.dir.path().join("b.jsonl")).unwrap()
    );
    let err = laptop.fails(&["merge", laptop.store().to_str().unwrap()], 2);
    assert!(err.contains("is the store itself"), "{err}");
}

#[test]
fn a_union_merge_by_git_reads_as_studyplan_merge_does() {
    let (laptop, desktop) = diverged();
    let (ours, theirs) = (
        fs::read_to_string(laptop.store()).unwrap(),
        fs::read_to_string(desktop.store()).unwrap(),
    );
    // git's union merge keeps the common lines once and both sides' own lines, in either
    // order; a line may come twice when both sides added it.
    let common: Vec<&str> = ours.lines().filter(|l| theirs.contains(*l)).collect();
    let own = |text: &str, other: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !other.contains(*l))
            .map(str::to_owned)
            .collect()
    };
    let (mine, yours) = (own(&ours, &theirs), own(&theirs, &ours));
    let union = |first: &[String], second: &[String], twice: bool| {
        let mut lines: Vec<String> = common.iter().map(|l| (*l).to_owned()).collect();
        lines.extend(second.iter().cloned());
        lines.extend(first.iter().cloned());
        if twice {
            lines.extend(common.iter().skip(1).map(|l| (*l).to_owned()));
        }
        lines.join("\n") + "\n"
    };
    laptop.ok(&["merge", desktop.store().to_str().unwrap()]);
    let merged = states(&laptop);
    for (first, second, twice) in [(&mine, &yours, false), (&yours, &mine, true)] {
        let env = TestEnv::new();
        fs::write(env.store(), union(first, second, twice)).unwrap();
        assert_eq!(states(&env), merged);
        assert_eq!(log_ids(&env), log_ids(&laptop));
    }
}

#[test]
fn conflict_copies_are_read_at_once_and_folded_in_by_the_next_change() {
    let (laptop, desktop) = diverged();
    let dir = laptop.dir.path();
    let copies = [
        dir.join("progress.sync-conflict-20261201-101010-DESKTOP.jsonl"),
        dir.join("progress (Ada's conflicted copy 2026-12-01).jsonl"),
    ];
    fs::copy(desktop.store(), &copies[0]).unwrap();
    fs::copy(desktop.store(), &copies[1]).unwrap();
    let before = laptop.store_bytes();
    let output = laptop.run(&["status"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("2 conflict copies from a sync tool"), "{err}");
    assert_eq!(laptop.store_bytes(), before, "a reader never writes");
    desktop.ok(&["merge", laptop.store().to_str().unwrap()]);
    assert_eq!(states(&laptop), states(&desktop));
    // The next change folds them in and keeps them in merged/.
    let output = laptop.run(&["done", "2.1"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("folded 2 conflict copies into the store"),
        "{err}"
    );
    for copy in &copies {
        assert!(!copy.exists());
        assert!(dir.join("merged").join(copy.file_name().unwrap()).exists());
    }
    desktop.ok(&["done", "2.1"]);
    let output = laptop.run(&["status"]);
    assert!(output.stderr.is_empty(), "{output:?}");
    let done = |env: &TestEnv| json(&env.ok(&["status", "--json"]))["overall"]["done"].clone();
    assert_eq!(done(&laptop), done(&desktop));
}

#[test]
fn a_version_1_store_is_read_in_place_and_converted_by_the_first_change() {
    let env = TestEnv::new();
    let v1 = env.dir.path().join("progress.yaml");
    let text = "version: 1\nevents:\n\
- {at: 2026-11-01T10:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n\
- {at: 2026-11-01T10:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: undo}\n\
- {at: 2026-11-02T10:00:00+08:00, plan: llm-roadmap, topic: embeddings, change: note, text: \"a \\\"b\\\"\\nc\"}\n";
    fs::write(&v1, text).unwrap();
    let before_states = states(&env);
    let before_log = json(&env.ok(&["log", "--json"]));
    assert!(!env.store().exists(), "reading converts nothing");
    let output = env.run(&["start", "2.4"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains(&format!("`{}` was converted", v1.display()))
            && err.contains("progress.v1-backup.yaml"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(env.dir.path().join("progress.v1-backup.yaml")).unwrap(),
        text
    );
    env.ok(&["undo", "2.4"]);
    // Same second, same order: the undo still comes after the done.
    assert_eq!(states(&env), before_states);
    let after_log = json(&env.ok(&["log", "--json"]));
    let tail: Vec<Value> = after_log.as_array().unwrap()[2..].to_vec();
    assert_eq!(Value::Array(tail), before_log);
}

#[test]
fn a_conflict_copy_that_cannot_be_read_is_left_out_and_left_where_it_is() {
    let (laptop, desktop) = diverged();
    let dir = laptop.dir.path();
    let copy = dir.join("progress (Ada's conflicted copy 2026-12-01).jsonl");
    let mut text = fs::read_to_string(desktop.store()).unwrap();
    text.insert_str(text.find('\n').unwrap() + 1, "{\"at\": \n");
    fs::write(&copy, &text).unwrap();
    let alone = states(&laptop);
    fs::rename(&copy, dir.join("aside")).unwrap();
    let without_copy = states(&laptop);
    fs::rename(dir.join("aside"), &copy).unwrap();
    assert_eq!(alone, without_copy, "the copy is left out of the figures");

    let expected = format!(
        "studyplan: warning: `{}`, beside the store, cannot be read, so it is left out, and left \
         where it is; fix it, or move it out of the store's folder:\n  cannot read the progress \
         store `{}`: line 2 is not a JSON object (it stops making sense at column 7)\n",
        copy.display(),
        copy.display()
    );
    let output = laptop.run(&["status"]);
    assert!(output.status.success(), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.starts_with(&expected), "{err}");
    let output = laptop.run(&["--lang", "zh", "next"]);
    assert!(output.status.success(), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "studyplan: 警告：进度文件旁的 `{}` 无法读取，已略过",
            copy.display()
        )),
        "{err}"
    );

    // A change goes in, says so again, and neither folds nor moves the copy.
    let before = laptop.store_bytes().unwrap();
    let output = laptop.run(&["done", "2.1"]);
    assert!(output.status.success(), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.starts_with(&expected), "{err}");
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        text,
        "the copy is left as it was"
    );
    assert!(!dir.join("merged").exists());
    let after = laptop.store_bytes().unwrap();
    assert_eq!(after[..before.len()], before[..], "one line appended");
    assert_eq!(
        after[before.len()..]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        1
    );
}

#[test]
fn a_version_1_file_beside_the_store_is_read_with_it_and_never_moved() {
    // Another machine, on a build before version 2, still writes `progress.yaml` in the shared
    // folder after this one converted it.
    let env = TestEnv::new();
    let v1 = env.dir.path().join("progress.yaml");
    let old = "version: 1\nevents:\n\
- {at: 2026-11-01T10:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n";
    fs::write(&v1, old).unwrap();
    env.ok(&["start", "embeddings"]);
    assert!(!v1.exists(), "converted, and kept as a backup");
    let text = format!(
        "{old}- {{at: 2026-11-03T10:00:00+08:00, plan: llm-roadmap, topic: content-safety, change: done}}\n"
    );
    fs::write(&v1, &text).unwrap();

    let output = env.run(&["status"]);
    assert!(output.status.success(), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "studyplan: note: `{0}`, beside the store, is in the old format an older studyplan \
             writes (on another machine?): it is read with the store, and the next change \
             writes its changes into the store; it stays where it is until you move it away \
             (`mv {0} ...`), once no machine writes it\n",
            v1.display()
        )
    );
    let state = |id: &str| {
        states(&env)
            .into_iter()
            .find(|(topic, _)| topic == id)
            .unwrap()
            .1
    };
    assert_eq!(state("content-safety"), "done", "its changes count");
    assert_eq!(state("why-rag"), "done");
    let log = json(&env.ok(&["log", "--json"]));
    assert_eq!(
        log.as_array().unwrap().len(),
        3,
        "what both hold counts once"
    );

    env.ok(&["done", "2.2"]);
    assert_eq!(fs::read_to_string(&v1).unwrap(), text, "left as it was");
    // Its changes are in the store now: it is read without a word, and changes are appended.
    let output = env.run(&["status"]);
    assert!(output.stderr.is_empty(), "{output:?}");
    let before = env.store_bytes().unwrap();
    env.ok(&["done", "2.3"]);
    assert!(env.store_bytes().unwrap().starts_with(&before), "appended");
    fs::remove_file(&v1).unwrap();
    assert_eq!(state("content-safety"), "done", "written into the store");
    assert!(env.run(&["status"]).stderr.is_empty());
    assert_eq!(
        json(&env.ok(&["log", "--json"])).as_array().unwrap().len(),
        5
    );
    // `merge` takes such a file too: it is not the store once a version 2 file stands beside it.
    fs::write(&v1, &text).unwrap();
    env.ok(&["merge", v1.to_str().unwrap()]);
    // Whatever stands there, it never stops a change: here a folder of that name.
    fs::remove_file(&v1).unwrap();
    fs::create_dir(&v1).unwrap();
    let output = env.run(&["done", "2.5"]);
    assert!(output.status.success(), "{output:?}");
    assert!(v1.is_dir());
}

#[test]
fn merge_says_what_is_wrong_with_the_file_it_was_given() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let before = env.store_bytes();
    let missing = env.dir.path().join("nothere.jsonl");
    fs::create_dir(env.dir.path().join("sub")).unwrap();
    env.write(
        "old/progress.yaml",
        "version: 1\nevents:\n\t- {at: 2026-11-20T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n",
    );
    std::os::unix::fs::symlink(
        env.dir.path().join("nowhere"),
        env.dir.path().join("broken.jsonl"),
    )
    .unwrap();
    let plan = env.write("plan.yaml", "id: p\ntitle: P\nstages:\n  - title: S\n    days: 1\n    topics:\n      - {id: a, title: A}\n");
    for (lang, args, code, expected) in [
        (
            "en",
            missing.to_str().unwrap(),
            1,
            format!(
                "studyplan: error: cannot read `{}`, given to merge: no such file or folder; check \
                 the path, and nothing was merged\n",
                missing.display()
            ),
        ),
        (
            "zh",
            missing.to_str().unwrap(),
            1,
            format!(
                "studyplan: 错误：无法读取要并入的 `{}`：文件或文件夹不存在；请检查路径，什么也没有并入\n",
                missing.display()
            ),
        ),
        (
            "en",
            plan.to_str().unwrap(),
            2,
            format!(
                "studyplan: error: `{}` is a curriculum, not a progress store, so nothing was \
                 merged; merge takes other stores: another machine's `progress.jsonl`, a backup, \
                 an old `progress.yaml` (the file was left as it is)\n",
                plan.display()
            ),
        ),
        (
            "en",
            "old/progress.yaml",
            1,
            "studyplan: error: cannot read `old/progress.yaml`, given to merge: line 3 column 1: a \
             tab here; YAML indents with spaces, not tabs: replace it with spaces; nothing was \
             merged, and the file was left as it is\n"
                .to_owned(),
        ),
        (
            "en",
            "sub",
            2,
            "studyplan: error: `sub` is a folder, so nothing was merged; give merge the store \
             files themselves (another machine's `progress.jsonl`, a backup, an old \
             `progress.yaml`)\n"
                .to_owned(),
        ),
        (
            "zh",
            "broken.jsonl",
            2,
            "studyplan: 错误：`broken.jsonl` 是一个指向无法访问的文件的链接，所以什么也没有并入；\
             请把进度文件本身交给 merge（另一台机器的 `progress.jsonl`、备份、旧的 `progress.yaml`）\n"
                .to_owned(),
        ),
    ] {
        let output = env.run(&["--lang", lang, "merge", args]);
        assert_eq!(output.status.code(), Some(code), "{output:?}");
        assert_eq!(String::from_utf8(output.stderr).unwrap(), expected);
        assert!(output.stdout.is_empty());
        assert_eq!(env.store_bytes(), before);
    }
}

/// `plan.yaml`, the curriculum, beside the store `plan.jsonl` is not the store's version 1 file:
/// every command reads and writes the store, and the curriculum is left alone.
#[test]
fn a_curriculum_named_like_the_store_is_not_taken_for_its_older_file() {
    let env = TestEnv::new();
    let plan = env.write(
        "plan.yaml",
        "id: p\ntitle: P\nband: {low: 0.6, high: 0.7}\nstages:\n  - id: s\n    title: S\n    days: 2\n    topics:\n      - {id: a, title: A}\n      - {id: b, title: B}\n",
    );
    let before = fs::read(&plan).unwrap();
    let store = env.dir.path().join("plan.jsonl");
    let (plan, store) = (plan.to_str().unwrap(), store.to_str().unwrap());
    let with = |args: &[&str]| {
        let mut line = vec!["--curriculum", plan, "--store", store];
        line.extend(args);
        env.ok(&line)
    };
    assert!(with(&["status"]).contains("0/2"));
    with(&["done", "a"]);
    assert!(with(&["status"]).contains("1/2"));
    assert!(with(&["report", "-f", "csv"]).contains(",a,A,done,"));
    let paths = json(&with(&["where", "--json"]));
    assert_eq!(paths["store"]["path"].as_str(), Some(store), "{paths}");
    assert_eq!(fs::read(env.dir.path().join("plan.yaml")).unwrap(), before);
    assert!(
        fs::read_to_string(store)
            .unwrap()
            .contains("\"change\":\"done\"")
    );
    // A report may not be written over it: it is the curriculum in use, not the store.
    let err = env.fails(
        &[
            "--curriculum",
            plan,
            "--store",
            store,
            "report",
            "-f",
            "markdown",
            "-o",
            plan,
        ],
        2,
    );
    assert!(err.contains("curriculum"), "{err}");
}
