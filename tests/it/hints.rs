//! Files given in the wrong place (a curriculum as the store, a store or a report as the
//! curriculum), store errors that point at their line, and completion that asks the program.

use crate::common::{Test, TestEnv, fixture};

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
    // A version 1 store, read in place until the first change converts it.
    let env = Test::new()
        .store(
            "version: 1\nevents:\n- {at: 2026-11-29T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n",
        )
        .args(&["status"])
        .run();
    let before = env.store_bytes().unwrap();
    let store = env.dir.path().join("progress.yaml").display().to_string();
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
    assert!(!env.store().exists(), "nothing was converted");
}

/// The version 2 half of [`a_store_given_as_the_curriculum_is_named`]: a JSON Lines store is
/// named by its header line.
#[test]
fn a_version_2_store_given_as_the_curriculum_is_named() {
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
    let err = env.fails(
        &["--lang", "zh", "curriculum", "check", "progress.jsonl"],
        1,
    );
    assert!(
        err.contains("`progress.jsonl` 是进度文件，不是课程文件；要在其中记录进度，请用 `--store progress.jsonl`"),
        "{err}"
    );
    // A store of only its header too.
    env.write(
        "empty.jsonl",
        "{\"studyplan\":\"progress\",\"version\":2}\n",
    );
    let err = env.fails(&["--curriculum", "empty.jsonl", "list"], 1);
    assert!(err.contains("`empty.jsonl` is a progress store"), "{err}");
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
    let store_before = env.store_bytes().unwrap();
    for (file, format) in [
        ("report.md", "Markdown"),
        ("report.csv", "CSV"),
        ("report.json", "JSON"),
        ("report.html", "HTML"),
        ("burn-up.svg", "SVG"),
    ] {
        env.ok(&["report", "-o", file]);
        let before = std::fs::read(env.dir.path().join(file)).unwrap();
        let err = env.fails(&["--store", file, "done", "1.1"], 1);
        assert!(
            err.contains(&format!(
                "`{file}` is a {format} report written by `studyplan report`, not a \
                 progress store; point --store (or STUDYPLAN_STORE) at your progress file"
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
    assert_eq!(env.store_bytes().unwrap(), store_before);
}

/// The JSON case of [`a_report_given_as_the_store_or_the_curriculum_is_named`]: a file that starts
/// with `{` is read as a version 2 store, and named as a report when its first line is refused.
#[test]
fn a_json_report_given_as_the_store_is_named() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    env.ok(&["report", "-o", "report.json"]);
    let before = std::fs::read(env.dir.path().join("report.json")).unwrap();
    for args in [&["done", "1.1"][..], &["status"]] {
        let mut line = vec!["--store", "report.json"];
        line.extend(args);
        let err = env.fails(&line, 1);
        assert!(
            err.contains(
                "`report.json` is a JSON report written by `studyplan report`, not a progress \
                 store; point --store (or STUDYPLAN_STORE) at your progress file"
            ),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read(env.dir.path().join("report.json")).unwrap(),
        before
    );
}

#[test]
fn a_broken_store_is_still_called_broken() {
    let broken = "studyplan: error: cannot read the progress store `$TMP/progress.yaml`: line 3 \
                  column 8: event 1: `at: nope` is not a timestamp like \
                  2026-11-29T09:12:03+08:00 (premature end of input)\nthe file was left as it \
                  is: fix it by hand, or move it away to start a new one (your history is in \
                  it)\n";
    for args in [&["status"][..], &["done", "1.1"]] {
        Test::new()
            .store("version: 1\nevents:\n- {at: nope, plan: p, change: done}\n")
            .store_unchanged()
            .args(args)
            .stderr(broken)
            .status(1)
            .run();
    }
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
    let store = env.dir.path().join("progress.yaml");
    for (last, expected, zh) in [
        (
            "- {plan: llm-roadmap, topic: why-rag, change: done}\n",
            "line 16 column 3: event 13 has no `at`",
            "第 16 行第 3 列：第 13 条更改缺少 `at`",
        ),
        (
            "- at: 2026-11-20T09:12:03+08:00\n  plan: llm-roadmap\n  change: done\n  on: 2026-11-31\n",
            "line 19 column 7: event 13: `on: 2026-11-31` is not a date like 2026-11-29",
            "第 19 行第 7 列：第 13 条更改的 `on: 2026-11-31` 不是像 2026-11-29 这样的日期",
        ),
        (
            "- {at: 2026-11-20T09:12:03+08:00, plan: llm-roadmap, topic: 2.4, change: done}\n",
            "line 16 column 61: event 13: `topic`: invalid type",
            "第 16 行第 61 列：第 13 条更改的 `topic` 读不懂（invalid type",
        ),
    ] {
        env.write("progress.yaml", store_ending_with(last));
        let err = env.fails(&["status"], 1);
        assert!(err.contains(expected), "{err}");
        let err = env.fails(&["--lang", "zh", "done", "1.1"], 1);
        assert!(
            err.contains(&format!("无法读取进度文件 `{}`：{zh}", store.display())),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&store).unwrap(),
            store_ending_with(last).as_bytes()
        );
        assert!(
            !env.store().exists(),
            "a store that cannot be read is not converted"
        );
    }
}

/// A version 2 store: its header, twelve sound changes (lines 2 to 13), then `last`.
fn v2_store_ending_with(last: &str) -> String {
    let mut text = String::from("{\"studyplan\":\"progress\",\"version\":2}\n");
    for n in 0..12 {
        text.push_str(&format!(
            "{{\"id\":\"0b6c2d7e-3f4a-4b5c-8d9e-{n:012}\",\"at\":\"2026-11-20T09:12:03.000000+08:00\",\
             \"plan\":\"llm-roadmap\",\"change\":\"start\",\"topics\":[\"why-rag\"]}}\n"
        ));
    }
    text.push_str(last);
    text
}

#[test]
fn store_errors_about_a_version_2_line_give_its_number() {
    const ID: &str = "\"id\":\"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e\"";
    const AT: &str = "\"at\":\"2026-11-21T09:12:03.000000+08:00\"";
    let good = format!(
        "{{{ID},{AT},\"plan\":\"llm-roadmap\",\"change\":\"done\",\"topics\":[\"why-rag\"]}}\n"
    );
    for (last, en, zh) in [
        (
            good.replace(AT, "\"at\":\"nope\""),
            "line 14 has `at: nope`, not a time like 2026-11-29T09:12:03.204518+08:00",
            "第 14 行的 `at: nope` 不是像 2026-11-29T09:12:03.204518+08:00 这样的时间",
        ),
        (
            good.replace(&format!("{AT},"), ""),
            "line 14 has no `at`",
            "第 14 行缺少 `at`",
        ),
        (
            good.replace("]}", "],\"on\":\"2026-11-31\"}"),
            "line 14 has `on: 2026-11-31`, not a date like 2026-11-29",
            "第 14 行的 `on: 2026-11-31` 不是像 2026-11-29 这样的日期",
        ),
        (
            good.replace("[\"why-rag\"]", "[2.4]"),
            "line 14 has a `topics` of the wrong kind",
            "第 14 行的 `topics` 类型不对",
        ),
        // Not the last line: a sound line after it.
        (
            format!(
                "{}{}",
                good.replace(AT, "\"at\":\"nope\""),
                good.replace("0f1a2b3c4d5e", "0f1a2b3c4d5f")
            ),
            "line 14 has `at: nope`",
            "第 14 行的 `at: nope`",
        ),
        // A line cut short with a line after it is no torn tail.
        (
            format!("{}\n{good}", &good[..good.len() - 20]),
            "line 14 is not a JSON object",
            "第 14 行不是 JSON 对象",
        ),
    ] {
        let text = v2_store_ending_with(&last);
        let env = Test::new()
            .store(&text)
            .args(&["status"])
            .status(1)
            .store_unchanged()
            .run();
        let path = env.store().display().to_string();
        let err = env.fails(&["status"], 1);
        assert!(
            err.contains(&format!("cannot read the progress store `{path}`: {en}")),
            "{err}"
        );
        assert!(err.contains("fix or delete that line by hand"), "{err}");
        let err = env.fails(&["--lang", "zh", "done", "1.1"], 1);
        assert!(
            err.contains(&format!("无法读取进度文件 `{path}`：{zh}")),
            "{err}"
        );
        assert_eq!(std::fs::read(env.store()).unwrap(), text.as_bytes());
    }
}

/// `studyplan __complete` as a script asks it, in the env.
fn asked(env: &TestEnv, shell: &str, words: &[&str]) -> std::process::Output {
    env.cmd()
        .args(["__complete", "--shell", shell, "--"])
        .args(words)
        .output()
        .unwrap()
}

/// What `asked` prints, which must be all it does.
fn ids(env: &TestEnv, shell: &str, words: &[&str]) -> String {
    let output = asked(env, shell, words);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{words:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// An env following the tiny fixture, where `alpha` is done, `beta` started and `gamma` skipped.
fn tiny_with_progress() -> TestEnv {
    let env = TestEnv::new();
    tiny_as(&env, "tiny.yaml");
    for (command, topic) in [("done", "alpha"), ("start", "beta"), ("skip", "gamma")] {
        env.ok(&["--curriculum", "tiny.yaml", command, topic]);
    }
    env
}

#[test]
fn each_command_is_offered_the_topics_it_would_change() {
    let env = tiny_with_progress();
    let before = env.store_bytes();
    let on_line = |words: &[&str]| {
        let mut line = vec!["--curriculum", "tiny.yaml"];
        line.extend(words);
        ids(&env, "bash", &line)
    };
    assert_eq!(on_line(&["done"]), "beta\ngamma\ndelta\nepsilon\n");
    assert_eq!(
        on_line(&["done", "delta", "--on", "2026-11-01"]),
        "beta\ngamma\ndelta\nepsilon\n"
    );
    assert_eq!(on_line(&["start"]), "gamma\ndelta\nepsilon\n");
    assert_eq!(on_line(&["skip"]), "beta\ndelta\nepsilon\n");
    assert_eq!(on_line(&["undo"]), "alpha\nbeta\ngamma\n");
    for all in [&["show"][..], &["note"]] {
        assert_eq!(on_line(all), "alpha\nbeta\ngamma\ndelta\nepsilon\n");
    }
    for stages in [&["list"][..], &["ls"], &["log", "--since", "2026-11-01"]] {
        assert_eq!(on_line(stages), "first\nsecond\n");
    }
    for nothing in [&["status"][..], &["begin"], &["report", "-o"], &[]] {
        assert_eq!(on_line(nothing), "", "{nothing:?}");
    }
    // With a description for the shells that show one, in the language of the line.
    assert_eq!(
        ids(
            &env,
            "fish",
            &["--lang", "zh", "--curriculum", "tiny.yaml", "undo"]
        ),
        "alpha\t1.1 甲\nbeta\t1.2 乙\ngamma\t1.3 Gamma only\n"
    );
    assert_eq!(
        ids(
            &env,
            "zsh",
            &["undo", "--curriculum=tiny.yaml", "--lang", "en"]
        ),
        "alpha:1.1 Alpha\nbeta:1.2 Beta\ngamma:1.3 Gamma only\n"
    );
    // The embedded roadmap, without a curriculum on the line or in the environment.
    let roadmap = ids(&env, "bash", &["show"]);
    assert_eq!(roadmap.lines().count(), 41);
    assert!(roadmap.starts_with("what-llms-can-do\n"), "{roadmap}");
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn completion_never_fails_loudly_and_never_writes() {
    let env = TestEnv::new();
    env.write("broken.yaml", "id: [\n");
    for words in [
        &["--curriculum", "broken.yaml", "done"][..],
        &["--curriculum", "missing.yaml", "done"],
        &["--curriculum"],
    ] {
        assert_eq!(ids(&env, "fish", words), "", "{words:?}");
    }
    // A bad request, or a shell whose script never asks.
    for request in [
        &["__complete"][..],
        &["__complete", "--shell", "tcsh", "--", "done"],
    ] {
        let output = env.cmd().args(request).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        assert!(
            output.stdout.is_empty() && output.stderr.is_empty(),
            "{output:?}"
        );
    }
    // Settings that stop every command do not stop completion.
    let output = env
        .cmd()
        .env("STUDYPLAN_TODAY", "soon")
        .args(["__complete", "--shell", "bash", "--", "done"])
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "{output:?}"
    );
    // A store that cannot be read leaves every topic to offer; it is not touched, and a version
    // 1 store is not converted.
    env.write("progress.yaml", "version: 1\nevents: [\n");
    assert_eq!(ids(&env, "bash", &["done"]).lines().count(), 41);
    assert_eq!(env.store_bytes().unwrap(), b"version: 1\nevents: [\n");
    std::fs::remove_file(env.dir.path().join("progress.yaml")).unwrap();
    let header = "{\"studyplan\":\"progress\",\"version\":2}\n";
    let done = "{\"id\":\"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e\",\"at\":\"2026-11-20T09:12:03.000000+08:00\",\"plan\":\"llm-roadmap\",\"change\":\"done\",\"topics\":[\"what-llms-can-do\"]}\n";
    for (text, offered) in [
        // A bad line.
        (format!("{header}{{\"id\":\n{done}"), 41),
        // A torn last line: read without it, and without the note a command prints.
        (format!("{header}{done}{}", &done[..40]), 40),
    ] {
        env.write("progress.jsonl", &text);
        assert_eq!(
            ids(&env, "bash", &["done"]).lines().count(),
            offered,
            "{text}"
        );
        assert_eq!(env.store_bytes().unwrap(), text.as_bytes());
        std::fs::remove_file(env.store()).unwrap();
    }
    ids(&env, "bash", &["done"]);
    let mut left: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["broken.yaml"]);
}

/// Whether `shell` is installed (CI installs bash, zsh and fish); a test that needs one is
/// skipped, with a notice, only on a machine without it.
fn have(shell: &str) -> bool {
    let found = std::process::Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("notice: `{shell}` is not installed; skipping its completion test");
    }
    found
}

/// `shell` run in the env's `work` folder, home in the env, with studyplan on the `PATH` and
/// the completion script for it at `script` in the env.
fn shell(env: &TestEnv, shell: &str, script: &str) -> std::process::Command {
    env.write(script, env.ok(&["completions", shell]));
    std::fs::create_dir_all(env.dir.path().join("work")).unwrap();
    let binary = std::path::PathBuf::from(assert_cmd::cargo::cargo_bin!("studyplan"));
    let mut path = vec![binary.parent().unwrap().to_owned()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut command = std::process::Command::new(shell);
    command
        .current_dir(env.dir.path().join("work"))
        .env_remove("STUDYPLAN_CURRICULUM")
        .env("HOME", env.dir.path())
        .env("PATH", std::env::join_paths(path).unwrap())
        .env("STUDYPLAN_STORE", env.store())
        .env("STUDYPLAN_TODAY", crate::common::TODAY)
        .env("STUDYPLAN_LANG", "en");
    command
}

/// The first word of each line a shell printed: the candidates.
fn candidates(output: std::process::Output) -> Vec<String> {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(|word| {
            word.trim_start_matches("<<")
                .trim_end_matches(">>")
                .to_owned()
        })
        .collect()
}

/// The env of [`tiny_with_progress`], with the curriculum also as `my plan.yaml`.
fn tiny_for_shells() -> TestEnv {
    let env = tiny_with_progress();
    tiny_as(&env, "my plan.yaml");
    env
}

#[test]
fn bash_completion_asks_for_the_ids_of_the_curriculum_on_the_line() {
    if !have("bash") {
        return;
    }
    let env = tiny_for_shells();
    let complete = |words: &[&str]| {
        let output = shell(&env, "bash", "studyplan.bash")
            .arg("--norc")
            .arg("-c")
            .arg(
                r#"source ../studyplan.bash
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
                COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                _studyplan_with_ids studyplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\n' "${COMPREPLY[@]}""#,
            )
            .arg("bash")
            .args(words)
            .output()
            .unwrap();
        candidates(output)
    };
    // As bash splits the line: quotes kept, `=` a word of its own.
    for words in [
        &["studyplan", "--curriculum", "../tiny.yaml", "done", ""][..],
        &["studyplan", "--curriculum", "=", "../tiny.yaml", "done", ""],
        &[
            "studyplan",
            "done",
            "--curriculum",
            "~/tiny.yaml",
            "delta",
            "",
        ],
        &["studyplan", "--curriculum", "'../my plan.yaml'", "done", ""],
        &[
            "studyplan",
            "--curriculum",
            "\"../my plan.yaml\"",
            "done",
            "",
        ],
        &["studyplan", "--curriculum", "../my\\ plan.yaml", "done", ""],
    ] {
        assert_eq!(
            complete(words),
            ["beta", "gamma", "delta", "epsilon"],
            "{words:?}"
        );
    }
    let tiny = ["studyplan", "--curriculum", "../tiny.yaml"];
    let line = |rest: &[&'static str]| [&tiny[..], rest].concat();
    assert_eq!(complete(&line(&["undo", ""])), ["alpha", "beta", "gamma"]);
    assert_eq!(complete(&line(&["start", "d"])), ["delta"]);
    assert_eq!(complete(&line(&["log", ""])), ["first", "second"]);
    // Another store on the line: nothing is done there yet.
    assert_eq!(
        complete(&line(&["--store", "../other.yaml", "undo", ""])),
        Vec::<String>::new()
    );
    assert_eq!(
        complete(&line(&["--store", "../other.yaml", "skip", ""])).len(),
        5
    );
    assert!(!env.dir.path().join("other.yaml").exists());
}

#[test]
fn zsh_completion_asks_for_the_ids_of_the_curriculum_on_the_line() {
    if !have("zsh") {
        return;
    }
    let env = tiny_for_shells();
    let complete = |line: &str| {
        let output = shell(&env, "zsh", "zfunc/_studyplan")
            .arg("-f")
            .arg(fixture("zsh-capture.zsh"))
            .arg(env.dir.path().join("zfunc"))
            .arg(line)
            .output()
            .unwrap();
        candidates(output)
    };
    for line in [
        "studyplan --curriculum ~/tiny.yaml done ",
        "studyplan --curriculum='../my plan.yaml' done delta ",
        "studyplan --lang zh done --curriculum ../my\\ plan.yaml ",
    ] {
        assert_eq!(
            complete(line),
            ["beta", "gamma", "delta", "epsilon"],
            "{line}"
        );
    }
    assert_eq!(
        complete("studyplan --curriculum ../tiny.yaml undo "),
        ["alpha", "beta", "gamma"]
    );
    assert_eq!(
        complete("studyplan --curriculum ../tiny.yaml show ").len(),
        5
    );
}

#[test]
fn fish_completion_asks_for_the_ids_of_the_curriculum_on_the_line() {
    if !have("fish") {
        return;
    }
    let env = tiny_for_shells();
    let complete = |line: &str| {
        let output = shell(&env, "fish", "studyplan.fish")
            .arg("--no-config")
            .arg("-c")
            .arg("source ../studyplan.fish; complete -C $argv[1]")
            .arg(line)
            .output()
            .unwrap();
        candidates(output)
    };
    for line in [
        "studyplan --curriculum ~/tiny.yaml done ",
        "studyplan --curriculum '../my plan.yaml' done delta ",
        "studyplan --curriculum=../tiny.yaml done ",
    ] {
        assert_eq!(
            complete(line),
            ["beta", "delta", "epsilon", "gamma"],
            "{line}"
        );
    }
    assert_eq!(
        complete("studyplan --curriculum ../tiny.yaml start "),
        ["delta", "epsilon", "gamma"]
    );
    assert_eq!(
        complete("studyplan --curriculum ../tiny.yaml list "),
        ["first", "second"]
    );
}

#[test]
fn a_tab_in_a_version_1_store_is_named_as_a_tab_in_both_languages() {
    let env = TestEnv::new();
    let text = "version: 1\nevents:\n\t- {at: 2026-11-20T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n";
    let store = env.write("progress.yaml", text);
    let err = env.fails(&["status"], 1);
    assert!(
        err.contains(&format!(
            "cannot read the progress store `{}`: line 3 column 1: a tab here; YAML indents with \
             spaces, not tabs: replace it with spaces\n",
            store.display()
        )),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "done", "1.1"], 1);
    assert!(
        err.contains(
            "第 3 行第 1 列：这里有一个制表符（Tab）；YAML 只能用空格缩进，不能用 Tab：请换成空格\n"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&store).unwrap(), text);
    assert!(!env.store().exists());
}
