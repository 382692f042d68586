//! The core loop through the real binary: status, list, next, done, undo, naming topics, the
//! readiness band, and every rejected input leaving the store as it was.

use std::fs;
use std::process::Stdio;

use crate::common::{TestEnv, assert_text, fixture, json};
use serde_json::Value;

/// The ids of the embedded roadmap, in order, from `list --json`.
fn roadmap_ids(env: &TestEnv) -> Vec<String> {
    let list = json(&env.ok(&["list", "--json"]));
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The ids of the topics marked done, in curriculum order.
fn done_ids(env: &TestEnv) -> Vec<String> {
    let list = json(&env.ok(&["list", "--json"]));
    let topics = list.as_array().unwrap().iter();
    topics
        .filter(|t| t["done"] == true)
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn status_on_a_fresh_store_shows_the_whole_roadmap() {
    let env = TestEnv::new();
    let expected = "\
LLM learning roadmap
╭───┬───────────────────────────┬───────────────────────┬──────┬──────┬──────┬──────────────────────╮
│ # ┆ Stage                     ┆ Id                    ┆ Days ┆ Done ┆ %    ┆ Progress             │
╞═══╪═══════════════════════════╪═══════════════════════╪══════╪══════╪══════╪══════════════════════╡
│ 1 ┆ Applied basics            ┆ applied-basics        ┆   10 ┆ 0/11 ┆ 0.0% ┆ -------------------- │
│ 2 ┆ Advanced applications     ┆ advanced-applications ┆   30 ┆  0/9 ┆ 0.0% ┆ -------------------- │
│ 3 ┆ Model training            ┆ model-training        ┆   30 ┆  0/9 ┆ 0.0% ┆ -------------------- │
│ 4 ┆ Closing the business loop ┆ business-loop         ┆   20 ┆ 0/12 ┆ 0.0% ┆ -------------------- │
╰───┴───────────────────────────┴───────────────────────┴──────┴──────┴──────┴──────────────────────╯
Overall:    0/41 done (0.0%)
Readiness:  below the 60-70% band: 25 more topics to reach 60%
Calendar:   not started: the plan starts with your first change, or on the day you give `studyplan begin`
Genius:     finish all 41 topics within 15 days of the start to be a genius (天才)
Next:       1.1 what-llms-can-do  What can large-model AI do?
";
    assert_text(&env.ok(&["status"]), expected);
    assert_text(&env.ok(&[]), expected);
    assert!(
        env.store_bytes().is_none(),
        "reading must not create the store"
    );
}

#[test]
fn status_after_some_work_shows_counts_percent_and_bars() {
    let env = TestEnv::new();
    let ids = roadmap_ids(&env);
    let first_stage: Vec<&str> = ids[..11].iter().map(String::as_str).collect();
    env.ok(&[&["done"], first_stage.as_slice()].concat());
    env.ok(&["done", "2.1", "2.2"]);
    // The first change starts the plan today: day 1 expects one topic, and 13 done in one day is a
    // pace of 91 a week.
    let expected = "\
LLM learning roadmap
╭───┬───────────────────────────┬──────┬─────────────────────────┬───────┬────────┬──────────────────────╮
│ # ┆ Stage                     ┆ Days ┆ Planned                 ┆ Done  ┆ %      ┆ Progress             │
╞═══╪═══════════════════════════╪══════╪═════════════════════════╪═══════╪════════╪══════════════════════╡
│ 1 ┆ Applied basics            ┆   10 ┆ 2026-11-29 – 2026-12-08 ┆ 11/11 ┆ 100.0% ┆ #################### │
│ 2 ┆ Advanced applications     ┆   30 ┆ 2026-12-09 – 2027-01-07 ┆   2/9 ┆  22.2% ┆ ####---------------- │
│ 3 ┆ Model training            ┆   30 ┆ 2027-01-08 – 2027-02-06 ┆   0/9 ┆   0.0% ┆ -------------------- │
│ 4 ┆ Closing the business loop ┆   20 ┆ 2027-02-07 – 2027-02-26 ┆  0/12 ┆   0.0% ┆ -------------------- │
╰───┴───────────────────────────┴──────┴─────────────────────────┴───────┴────────┴──────────────────────╯
Overall:    13/41 done (31.7%)
Readiness:  below the 60-70% band: 12 more topics to reach 60%
Calendar:   day 1 of 90, started 2026-11-29, ends 2027-02-26
Plan:       stage 1 Applied basics, 1 topic expected done by today; you have 13: 12 topics ahead
Pace:       91.0 topics a week since the start
Projected:  60% by 2026-11-30, 70% by 2026-12-01, 100% by 2026-12-02
Genius:     28 topics to go with 15 days left (through 2026-12-13) to be a genius (天才)
Today:      nothing due, 12 topics ahead
Next:       2.3 retrieval-basics  Basic concepts of retrieval
";
    assert_text(&env.ok(&["status"]), expected);
}

#[test]
fn status_json_has_the_documented_fields() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    let status = json(&env.ok(&["status", "--json"]));
    assert_eq!(status["curriculum"]["id"], "llm-roadmap");
    assert_eq!(status["curriculum"]["title"], "LLM learning roadmap");
    assert_eq!(status["overall"]["done"], 1);
    assert_eq!(status["overall"]["total"], 41);
    assert_eq!(status["overall"]["readiness"], "below");
    let percent = status["overall"]["percent"].as_f64().unwrap();
    assert!((percent - 100.0 / 41.0).abs() < 1e-9, "{percent}");
    let stages = status["stages"].as_array().unwrap();
    let ids: Vec<&str> = stages.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "applied-basics",
            "advanced-applications",
            "model-training",
            "business-loop"
        ]
    );
    let days: Vec<i64> = stages.iter().map(|s| s["days"].as_i64().unwrap()).collect();
    assert_eq!(days, [10, 30, 30, 20]);
    assert_eq!(stages[1]["done"], 1);
    assert_eq!(stages[1]["total"], 9);
    assert_eq!(stages[1]["title"], "Advanced applications");
    assert_eq!(status["next"]["id"], "what-llms-can-do");
    assert_eq!(status["next"]["title"], "What can large-model AI do?");
}

#[test]
fn status_json_next_is_null_when_everything_is_done() {
    let env = TestEnv::new();
    let ids = roadmap_ids(&env);
    let args: Vec<&str> = std::iter::once("done")
        .chain(ids.iter().map(String::as_str))
        .collect();
    env.ok(&args);
    let status = json(&env.ok(&["status", "--json"]));
    assert_eq!(status["next"], Value::Null);
    assert_eq!(status["overall"]["percent"], 100.0);
    assert_eq!(status["overall"]["readiness"], "above");
    assert_eq!(
        env.ok(&["next"]),
        "nothing left: every topic is done or skipped\n"
    );
}

#[test]
fn readiness_band_edges_with_41_topics() {
    for (done, verdict) in [(24, "below"), (25, "within"), (28, "within"), (29, "above")] {
        let env = TestEnv::new();
        let ids = roadmap_ids(&env);
        let args: Vec<&str> = std::iter::once("done")
            .chain(ids[..done].iter().map(String::as_str))
            .collect();
        env.ok(&args);
        let status = json(&env.ok(&["status", "--json"]));
        assert_eq!(status["overall"]["readiness"], verdict, "{done} done");
        assert_eq!(status["overall"]["done"], done);
        let text = env.ok(&["status"]);
        let line = text.lines().find(|l| l.starts_with("Readiness:")).unwrap();
        assert!(line.contains(verdict), "{done}: {line}");
        if done == 24 {
            assert!(line.ends_with("1 more topic to reach 60%"), "{line}");
        }
    }
}

#[test]
fn list_shows_every_topic_with_its_mark() {
    let env = TestEnv::new();
    env.ok(&["done", "embeddings"]);
    let out = env.ok(&["list", "2"]);
    let expected = "\
╭─────┬─────┬──────────────────────────┬──────────────────────────────────────────────┬───────┬────────────╮
│     ┆ #   ┆ Id                       ┆ Title                                        ┆ State ┆ Since      │
╞═════╪═════╪══════════════════════════╪══════════════════════════════════════════════╪═══════╪════════════╡
│     ┆ 2   ┆ advanced-applications    ┆ Stage 2: Advanced applications               ┆       ┆            │
│ [ ] ┆ 2.1 ┆ why-rag                  ┆ Why do RAG                                   ┆ todo  ┆            │
│ [ ] ┆ 2.2 ┆ simple-chatpdf           ┆ Build a simple ChatPDF                       ┆ todo  ┆            │
│ [ ] ┆ 2.3 ┆ retrieval-basics         ┆ Basic concepts of retrieval                  ┆ todo  ┆            │
│ [x] ┆ 2.4 ┆ embeddings               ┆ What are vector representations (embeddings) ┆ done  ┆ 2026-11-29 │
│ [ ] ┆ 2.5 ┆ vector-databases         ┆ Vector databases and vector search           ┆ todo  ┆            │
│ [ ] ┆ 2.6 ┆ vector-rag               ┆ RAG built on vector search                   ┆ todo  ┆            │
│ [ ] ┆ 2.7 ┆ rag-system-extras        ┆ Further knowledge for building RAG systems   ┆ todo  ┆            │
│ [ ] ┆ 2.8 ┆ hybrid-search-rag-fusion ┆ Introduction to hybrid search and RAG-Fusion ┆ todo  ┆            │
│ [ ] ┆ 2.9 ┆ local-embedding-models   ┆ Deploying embedding models locally           ┆ todo  ┆            │
╰─────┴─────┴──────────────────────────┴──────────────────────────────────────────────┴───────┴────────────╯
";
    assert_text(&out, expected);
    assert_eq!(
        env.ok(&["list"])
            .lines()
            .filter(|l| l.starts_with("│ ["))
            .count(),
        41
    );
    assert_text(&env.ok(&["list", "advanced-applications"]), expected);
    assert_text(&env.ok(&["list", "高阶"]), expected);
}

#[test]
fn list_json_is_an_array_of_topics() {
    let env = TestEnv::new();
    env.ok(&["done", "2.4"]);
    let list = json(&env.ok(&["list", "--json"]));
    let topics = list.as_array().unwrap();
    assert_eq!(topics.len(), 41);
    let embeddings = &topics[14];
    assert_eq!(embeddings["id"], "embeddings");
    assert_eq!(embeddings["stage"], "advanced-applications");
    assert_eq!(embeddings["position"], "2.4");
    assert_eq!(
        embeddings["title"],
        "What are vector representations (embeddings)"
    );
    assert_eq!(embeddings["done"], true);
    assert_eq!(topics[0]["done"], false);
    let third = json(&env.ok(&["list", "3", "--json"]));
    assert_eq!(third.as_array().unwrap().len(), 9);
    assert_eq!(third[0]["id"], "why-rag-revisited");
}

#[test]
fn list_rejects_an_unknown_stage() {
    let env = TestEnv::new();
    let err = env.fails(&["list", "9"], 2);
    assert!(err.contains("unknown stage `9`"), "{err}");
    let err = env.fails(&["list", "应用"], 2);
    assert!(
        err.contains("`应用` matches 2 stages:\n  1 applied-basics  初阶应用\n  2 advanced-applications  高阶应用\n"),
        "{err}"
    );
}

#[test]
fn a_change_is_added_to_the_end_and_the_history_before_it_is_left_as_it_was() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    // A blank line and a last line without its line end, keys in another order, as a hand edit
    // may leave them.
    let mut edited = env.store_bytes().unwrap();
    edited.extend_from_slice(
        br#"
{ "plan": "llm-roadmap", "change": "start", "topics": ["why-rag"], "id": "0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e", "at": "2026-11-29T08:00:00+08:00" }"#,
    );
    fs::write(env.store(), &edited).unwrap();
    env.ok(&["note", "1.2", "first note"]);
    env.ok(&["begin", "2026-11-20"]);
    env.ok(&["done", "1.3", "1.4", "--on", "2026-11-28"]);
    let store = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    assert!(store.as_bytes().starts_with(&edited), "{store}");
    // One line per command: the two topics of the last `done` share one.
    let added: Vec<&str> = store[edited.len()..].lines().collect();
    assert_eq!(added.len(), 4, "{store}");
    assert_eq!(added[0], "");
    assert!(
        added[1]
            .contains(r#""change":"note","topics":["how-llms-get-smart"],"text":"first note"}"#),
        "{store}"
    );
    assert!(
        added[3].contains(r#""change":"done","topics":["core-mindset","business-architecture"],"on":"2026-11-28"}"#),
        "{store}"
    );
    let stage = env.ok(&["list", "2"]);
    assert!(
        stage
            .lines()
            .any(|l| l.contains("why-rag") && l.contains("[~]")),
        "{stage}"
    );
    let list = env.ok(&["list", "1"]);
    for id in ["what-llms-can-do", "core-mindset", "business-architecture"] {
        assert!(
            list.lines().any(|l| l.contains(id) && l.contains("[x]")),
            "{list}"
        );
    }
}

#[test]
fn done_and_undo_say_what_changed_and_keep_history() {
    let env = TestEnv::new();
    let out = env.ok(&["done", "why-rag", "1.1"]);
    assert_text(
        &out,
        "\
[x] 2.1 why-rag  Why do RAG  (todo -> done)
[x] 1.1 what-llms-can-do  What can large-model AI do?  (todo -> done)
Overall: 2/41 (4.8%), below the 60-70% band: 23 more topics to reach 60%
",
    );
    let again = env.ok(&["done", "why-rag"]);
    assert!(
        again.starts_with("[x] 2.1 why-rag  Why do RAG  (already done, unchanged)\n"),
        "{again}"
    );
    let undone = env.ok(&["undo", "why-rag"]);
    assert!(
        undone.starts_with("[ ] 2.1 why-rag  Why do RAG  (done -> todo)\n"),
        "{undone}"
    );
    // The `done` that changed nothing wrote nothing; the first names both of its topics.
    let events = env.events();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0]["change"], "done");
    assert_eq!(
        events[0]["topics"],
        serde_json::json!(["why-rag", "what-llms-can-do"])
    );
    assert!(events[0]["at"].as_str().unwrap().starts_with("2026-11-29T"));
    assert_eq!(events[1]["change"], "undo");
    assert_eq!(events[1]["topics"], serde_json::json!(["why-rag"]));
    assert_ne!(events[0]["id"], events[1]["id"]);
    let store = fs::read_to_string(env.store()).unwrap();
    assert!(
        store.starts_with("{\"studyplan\":\"progress\",\"version\":2}\n"),
        "{store}"
    );
    let status = json(&env.ok(&["status", "--json"]));
    assert_eq!(status["overall"]["done"], 1);
}

#[test]
fn marking_an_already_done_topic_does_not_write() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    let before = env.store_bytes();
    env.ok(&["done", "why-rag"]);
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn next_names_the_first_topic_not_done() {
    let env = TestEnv::new();
    assert_eq!(
        env.ok(&["next"]),
        "1.1 what-llms-can-do  What can large-model AI do?\n"
    );
    env.ok(&["done", "1.1", "1.2"]);
    assert_eq!(
        env.ok(&["next"]),
        "1.3 core-mindset  The core mindset for using AI well\n"
    );
    let next = json(&env.ok(&["next", "--json"]));
    assert_eq!(next["id"], "core-mindset");
}

#[test]
fn next_n_lists_the_topics_in_progress_then_the_first_not_started() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "1.2"]);
    env.ok(&["start", "1.5"]);
    env.ok(&["skip", "1.3"]);
    assert_eq!(
        env.ok(&["next", "3"]),
        "1.5 technical-architecture  Technical architecture of LLM applications\n\
         1.4 business-architecture  Business architecture of LLM applications\n\
         1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5\n"
    );
    let next = json(&env.ok(&["next", "2", "--json"]));
    let ids: Vec<&str> = next
        .as_array()
        .unwrap()
        .iter()
        .map(|topic| topic["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["technical-architecture", "business-architecture"]);
    // More than are left: those left; none left: said so, and `[]` for scripts.
    assert_eq!(env.ok(&["next", "100"]).lines().count(), 41 - 3);
    let list = json(&env.ok(&["list", "--json"]));
    let mut args = vec!["done".to_owned()];
    args.extend(
        list.as_array()
            .unwrap()
            .iter()
            .filter(|topic| topic["state"] == "todo" || topic["state"] == "in_progress")
            .map(|topic| topic["id"].as_str().unwrap().to_owned()),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.ok(&args);
    assert_eq!(
        env.ok(&["next", "5"]),
        "nothing left: every topic is done or skipped\n"
    );
    assert_eq!(env.ok(&["next", "5", "--json"]), "[]\n");
    for lang in ["en", "zh"] {
        let err = env.fails(&["--lang", lang, "next", "0"], 2);
        assert!(err.contains("`0`"), "{err}");
    }
}

#[test]
fn topics_are_named_by_id_position_or_title_piece() {
    let env = TestEnv::new();
    env.ok(&["done", "vllm", "思维链", "2.4", "content-safety", "CHATPDF"]);
    let done = done_ids(&env);
    assert_eq!(
        done,
        [
            "cot-and-tot",
            "simple-chatpdf",
            "embeddings",
            "vllm-deployment",
            "content-safety"
        ]
    );
}

#[test]
fn unknown_and_ambiguous_topics_exit_2_and_change_nothing() {
    let env = TestEnv::new();
    env.ok(&["done", "why-rag"]);
    let before = env.store_bytes();

    let err = env.fails(&["done", "embedings"], 2);
    assert!(
        err.contains("unknown topic `embedings`; did you mean `embeddings`?"),
        "{err}"
    );
    let err = env.fails(&["done", "rag"], 2);
    assert!(err.contains("`rag` matches 5 topics:"), "{err}");
    assert!(
        err.contains("2.6 vector-rag  RAG built on vector search"),
        "{err}"
    );
    let err = env.fails(&["done", "a"], 2);
    assert!(err.contains("... and"), "{err}");
    assert!(
        err.lines().filter(|l| l.starts_with("  ")).count() <= 6,
        "{err}"
    );
    env.fails(&["done", "9.1"], 2);
    env.fails(&["undo", "nothing-like-this"], 2);

    // One bad name among good ones: none of them is applied.
    env.fails(&["done", "1.1", "1.2", "nope"], 2);
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn naming_no_topic_is_a_usage_error() {
    let env = TestEnv::new();
    let err = env.fails(&["done"], 2);
    assert!(err.contains("<TOPIC>"), "{err}");
    assert!(env.store_bytes().is_none());
}

#[test]
fn reading_commands_never_create_the_store_or_its_folder() {
    let env = TestEnv::new();
    let store = env
        .dir
        .path()
        .join("deep")
        .join("er")
        .join("progress.jsonl");
    for args in [
        &["status"][..],
        &["list"],
        &["next"],
        &["status", "--json"],
        &["list", "--json"],
    ] {
        let output = env
            .cmd()
            .arg("--store")
            .arg(&store)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
    }
    assert!(!env.dir.path().join("deep").exists());
    // A change does not make a folder the path names either: a mistyped path is not a new
    // history. The data folder studyplan picks by itself is made (below).
    for (lang, said) in [
        ("en", "is in a folder that does not exist"),
        ("zh", "所在的文件夹"),
    ] {
        let output = env
            .cmd()
            .args(["--lang", lang, "--store"])
            .arg(&store)
            .args(["done", "1.1"])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains(&format!("mkdir -p {}", store.parent().unwrap().display())));
        assert!(!env.dir.path().join("deep").exists());
        let output = env
            .cmd()
            .env("STUDYPLAN_STORE", &store)
            .args(["--lang", lang, "begin"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(!env.dir.path().join("deep").exists());
    }
    // A folder that is a link to nowhere is a folder that does not exist.
    let dangling = env.dir.path().join("dangling");
    std::os::unix::fs::symlink(env.dir.path().join("gone"), &dangling).unwrap();
    let output = env
        .cmd()
        .arg("--store")
        .arg(dangling.join("progress.jsonl"))
        .args(["done", "1.1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!env.dir.path().join("gone").exists());
    fs::create_dir_all(store.parent().unwrap()).unwrap();
    env.cmd()
        .arg("--store")
        .arg(&store)
        .args(["done", "1.1"])
        .assert()
        .success();
    assert!(store.exists());
}

#[test]
fn the_default_store_lives_in_the_data_folder() {
    let env = TestEnv::new();
    env.cmd()
        .env_remove("STUDYPLAN_STORE")
        .args(["done", "1.1"])
        .assert()
        .success();
    // A variable set but empty is no variable, as for every other one.
    env.cmd()
        .env("STUDYPLAN_STORE", "")
        .env("STUDYPLAN_CURRICULUM", "")
        .args(["done", "1.2"])
        .assert()
        .success();
    let store = env
        .dir
        .path()
        .join("data")
        .join("studyplan")
        .join("progress.jsonl");
    let text = fs::read_to_string(&store).unwrap();
    assert!(
        text.contains("what-llms-can-do") && text.contains("how-llms-get-smart"),
        "{text}"
    );
}

#[test]
fn global_options_work_before_or_after_the_command() {
    let env = TestEnv::new();
    let store = env.dir.path().join("elsewhere.yaml");
    let tiny = fixture("tiny.yaml");
    env.cmd()
        .arg("--store")
        .arg(&store)
        .args(["done", "alpha", "--curriculum"])
        .arg(&tiny)
        .assert()
        .success();
    let after = env
        .cmd()
        .args(["status", "--json", "--store"])
        .arg(&store)
        .arg("--curriculum")
        .arg(&tiny)
        .output()
        .unwrap();
    let status = json(&String::from_utf8(after.stdout).unwrap());
    assert_eq!(status["curriculum"]["id"], "tiny");
    assert_eq!(status["overall"]["done"], 1);
    assert!(
        env.store_bytes().is_none(),
        "the default test store stays untouched"
    );
}

#[test]
fn a_curriculum_file_can_come_from_the_environment() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("STUDYPLAN_CURRICULUM", fixture("tiny.yaml"))
        .arg("status")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Tiny course\n"), "{text}");
    assert!(text.contains("0/5 done"), "{text}");
}

#[test]
fn a_title_given_once_serves_both_languages() {
    let env = TestEnv::new();
    let tiny = fixture("tiny.yaml");
    let list = json(&env.ok(&["--curriculum", tiny.to_str().unwrap(), "list", "--json"]));
    assert_eq!(list[2]["title"], "Gamma only");
    let zh = json(&env.ok(&[
        "--curriculum",
        tiny.to_str().unwrap(),
        "--lang",
        "zh",
        "list",
        "--json",
    ]));
    assert_eq!(zh[0]["title"], "甲");
    assert_eq!(zh[2]["title"], "Gamma only");
}

/// Runs `args` against a broken curriculum and checks it exits 1 with `needle` in stderr and the
/// store untouched.
fn rejects_curriculum(yaml: &str, needles: &[&str]) {
    let env = TestEnv::new();
    env.ok(&[
        "--curriculum",
        fixture("tiny.yaml").to_str().unwrap(),
        "done",
        "alpha",
    ]);
    let before = env.store_bytes();
    let path = env.write("broken.yaml", yaml);
    for args in [&["status"][..], &["done", "alpha"]] {
        let err = env.fails(
            &[&["--curriculum", path.to_str().unwrap()], args].concat(),
            1,
        );
        for needle in needles {
            assert!(err.contains(needle), "{needle:?} not in:\n{err}");
        }
        assert!(err.contains("broken.yaml"), "{err}");
    }
    assert_eq!(env.store_bytes(), before);
}

const TINY_HEAD: &str = "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\n";

#[test]
fn curriculum_syntax_errors_name_file_line_and_column() {
    rejects_curriculum(
        &format!("{TINY_HEAD}stages:\n  - id: s\n    title: [unclosed\n"),
        &["broken.yaml:6:"],
    );
    rejects_curriculum(
        &format!(
            "{TINY_HEAD}stages:\n  - {{id: s, title: S, days: many, topics: [{{id: t, title: T}}]}}\n"
        ),
        &[
            "broken.yaml:5:",
            "`days` of stage 1 should be a whole number of days, like 10, not the text \"many\"",
        ],
    );
    rejects_curriculum(
        "id: c\ntitle: C\nstages: []\n",
        &["the curriculum has no `band`: add `band:` with the band's two edges"],
    );
}

#[test]
fn curriculum_validation_names_every_problem() {
    rejects_curriculum(
        &format!(
            "{TINY_HEAD}stages:\n  - {{id: s, title: S, days: 0, topics: []}}\n  - {{id: t, title: '  ', days: 2, topics: [{{id: s, title: X}}]}}\n"
        ),
        &[
            "has 4 problems:",
            "stage 1 (`s`): days is 0; it must be a positive number",
            "stage 1 (`s`): the stage has no topics",
            "stage 2 (`t`): the title is empty",
            "topic 2.1 (`s`): duplicate id `s`, already used by stage 1 (`s`)",
        ],
    );
    let stage = "stages:\n  - {id: s, title: S, days: 1, topics: [{id: t, title: T}]}\n";
    rejects_curriculum(
        &format!("id: c\ntitle: C\nband: {{low: 0.9, high: 0.7}}\n{stage}"),
        &["`low` (0.9) is greater than `high` (0.7)"],
    );
    rejects_curriculum(
        &format!("id: c\ntitle: C\nband: {{low: -0.1, high: 0.7}}\n{stage}"),
        &["must be fractions from 0 to 1"],
    );
    rejects_curriculum(
        &format!("id: c\ntitle: ''\nband: {{low: 0.6, high: 0.7}}\n{stage}"),
        &["the curriculum: the title is empty"],
    );
}

#[test]
fn a_missing_curriculum_file_says_so() {
    let env = TestEnv::new();
    let err = env.fails(&["--curriculum", "/nonexistent/plan.yaml", "status"], 1);
    assert!(
        err.contains("cannot read the curriculum `/nonexistent/plan.yaml`"),
        "{err}"
    );
}

/// A store that cannot be read is refused by every command, byte for byte untouched.
/// Checks that a store file holding `contents` (version 2 when it starts with `{`, else a
/// version 1 `progress.yaml`) is refused by every command with `needles`, and left as it was.
fn refuses_store(contents: &[u8], needles: &[&str]) {
    let env = TestEnv::new();
    let path = if contents.starts_with(b"{") {
        env.store()
    } else {
        env.dir.path().join("progress.yaml")
    };
    fs::write(&path, contents).unwrap();
    for args in [
        &["status"][..],
        &["list"],
        &["next"],
        &["done", "1.1"],
        &["undo", "1.1"],
    ] {
        let err = env.fails(args, 1);
        for needle in needles {
            assert!(err.contains(needle), "{args:?}: {needle:?} not in:\n{err}");
        }
        assert!(err.contains(path.to_str().unwrap()), "{err}");
        assert_eq!(
            fs::read(&path).ok().as_deref(),
            Some(contents),
            "{args:?} changed the store"
        );
    }
}

#[test]
fn corrupt_stores_are_refused_and_left_alone() {
    refuses_store(
        b"version: 1\nevents:\n- {at: 2026-11-29T09:00:00+08:00, plan: llm-roadmap",
        &[
            "last line, line 3, stops in the middle",
            "delete that one line",
        ],
    );
    refuses_store(
        b"version: 1\nevents:\n- {at: 2026-11-29T09:00:00+08:00, plan: llm-roadmap, topic: t",
        &["line 3"],
    );
    refuses_store(b"", &["the file is empty"]);
    refuses_store(b"events: []\n", &["no `version:` field"]);
    refuses_store(
        b"version: 1\nevents:\n- {at: soon, plan: p, topic: t, change: done}\n",
        &["`at: soon`"],
    );
    refuses_store(b"\xff\xfe garbage", &["not UTF-8"]);
    refuses_store(b"version: 1\nevents: {}\n", &["events:"]);
}

#[test]
fn bad_lines_of_a_version_2_store_are_refused_with_their_line() {
    const HEADER: &str = "{\"studyplan\":\"progress\",\"version\":2}\n";
    const GOOD: &str = r#"{"id":"0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e","at":"2026-11-29T09:12:03.204518+08:00","plan":"llm-roadmap","change":"done","topics":["why-rag"]}"#;
    // Cut short in the middle of the file, not at its end: not a torn tail.
    let middle = format!("{HEADER}{}\n{GOOD}\n", &GOOD[..40]);
    refuses_store(middle.as_bytes(), &["line 2 is not a JSON object"]);
    let bad_time = format!(
        "{HEADER}{}\n",
        GOOD.replace("2026-11-29T09:12:03.204518+08:00", "soon")
    );
    refuses_store(bad_time.as_bytes(), &["line 2 has `at: soon`"]);
    let no_target = format!(
        "{HEADER}{}\n",
        GOOD.replace(r#""change":"done""#, r#""change":"revert""#)
    );
    refuses_store(no_target.as_bytes(), &["line 2 has no `reverts`"]);
    let deep = format!(
        "{HEADER}{},\"x\":{}{}}}\n",
        GOOD.trim_end_matches('}'),
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    refuses_store(deep.as_bytes(), &["line 2 is nested deeper"]);
    let zeros = format!("{HEADER}\0\0\0\0\n{GOOD}\n");
    refuses_store(zeros.as_bytes(), &["line 2 holds only zero bytes"]);
    refuses_store(
        b"{\"studyplan\":\"progress\",\"version\":7}\n",
        &["has version 7", "reads only up to version 2", "upgrade"],
    );
}

#[test]
fn a_torn_last_line_is_left_out_and_cut_off_by_the_next_change() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let sound = env.store_bytes().unwrap();
    for tail in [&b"{\"id\":\"0b6c2d7e-3f4a"[..], b"\0\0\0\0\0\0"] {
        let mut torn = sound.clone();
        torn.extend_from_slice(tail);
        fs::write(env.store(), &torn).unwrap();
        let output = env.run(&["status", "--json"]);
        assert!(output.status.success());
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(
            err.contains("(line 3) was cut short by a write that never finished"),
            "{err}"
        );
        assert_eq!(
            json(&String::from_utf8(output.stdout).unwrap())["overall"]["done"],
            1
        );
        assert_eq!(env.store_bytes().unwrap(), torn, "a reader never writes");
        env.ok(&["done", "1.2"]);
        let after = env.store_bytes().unwrap();
        assert!(
            after.starts_with(&sound) && !after[sound.len()..].contains(&0),
            "{after:?}"
        );
        assert_eq!(env.events().len(), 2);
        env.ok(&["undo", "1.2"]);
        fs::write(env.store(), &sound).unwrap();
    }
}

#[test]
fn stores_from_a_newer_version_are_refused() {
    refuses_store(
        b"version: 7\nevents: []\n",
        &["has version 7", "reads only up to version 1", "upgrade"],
    );
    refuses_store(
        b"{\"studyplan\":\"progress\",\"version\":3,\"new\":true}\n",
        &["has version 3", "reads only up to version 2", "upgrade"],
    );
}

#[test]
fn progress_on_vanished_topics_and_unknown_fields_survive_writes() {
    let env = TestEnv::new();
    let original = "version: 1\nnote_to_self: keep me\nevents:\n\
- {at: 2026-11-01T10:00:00+08:00, plan: llm-roadmap, topic: old-topic, change: done}\n\
- {at: 2026-11-02T10:00:00+08:00, plan: other-plan, topic: x, change: done}\n\
- {at: 2026-11-03T10:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: done, mood: happy}\n";
    let v1 = env.dir.path().join("progress.yaml");
    fs::write(&v1, original).unwrap();
    let output = env.run(&["status"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("no longer has") && err.contains("`old-topic`"),
        "{err}"
    );

    // The first change converts the version 1 file, keeping everything in it, and says so.
    let output = env.run(&["done", "1.1"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("was converted to the new format"), "{err}");
    let backup = env.dir.path().join("progress.v1-backup.yaml");
    assert_eq!(fs::read_to_string(&backup).unwrap(), original);
    assert!(!v1.exists());
    let store = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    assert!(
        store.starts_with(
            "{\"studyplan\":\"progress\",\"version\":2,\"note_to_self\":\"keep me\"}\n"
        ),
        "{store}"
    );
    for line in [
        r#""plan":"llm-roadmap","change":"done","topics":["old-topic"]}"#,
        r#""plan":"other-plan","change":"done","topics":["x"]}"#,
        r#""change":"done","topics":["why-rag"],"mood":"happy"}"#,
        r#""change":"done","topics":["what-llms-can-do"]}"#,
    ] {
        assert!(store.contains(line), "{line} not in {store}");
    }
    assert_eq!(json(&env.ok(&["status", "--json"]))["overall"]["done"], 2);
}

#[test]
fn twenty_writers_at_once_lose_nothing() {
    let env = TestEnv::new();
    let ids = roadmap_ids(&env);
    let children: Vec<_> = ids[..20]
        .iter()
        .map(|id| {
            let mut cmd = env.std_cmd();
            cmd.args(["done", id])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let done = done_ids(&env);
    assert_eq!(done, ids[..20]);
    let leftovers: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains(".tmp."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_writer_waiting_for_the_lock_says_so() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let lock = fs::OpenOptions::new()
        .write(true)
        .open(env.dir.path().join("progress.jsonl.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut cmd = env.std_cmd();
    let mut child = cmd
        .args(["done", "1.2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The lock is held until the writer says it is waiting: no sleep decides the order.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut said).unwrap();
    assert!(
        said.contains("waiting for another studyplan to finish writing"),
        "{said}"
    );
    assert_eq!(child.try_wait().unwrap(), None, "it waits for the lock");
    drop(lock);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(json(&env.ok(&["status", "--json"]))["overall"]["done"], 2);
}

#[test]
fn help_explains_the_commands_and_topic_names() {
    let env = TestEnv::new();
    let help = env.ok(&["--help"]);
    for needle in [
        "status",
        "list",
        "next",
        "done",
        "undo",
        "--curriculum",
        "--store",
        "2.4",
    ] {
        assert!(help.contains(needle), "{needle} not in help:\n{help}");
    }
    env.fails(&["frobnicate"], 2);
}

#[test]
fn a_note_may_start_with_a_dash() {
    let env = TestEnv::new();
    for text in ["- item", "---", "-5% of the tokens", "-> see the paper"] {
        let out = env.ok(&["note", "why-rag", text]);
        assert_eq!(
            out,
            format!("noted on 2.1 why-rag  Why do RAG, 2026-11-29:\n  {text}\n")
        );
    }
    let out = env.ok(&[
        "note", "--lang", "en", "why-rag", "pros", "-x", "--y", "a -- b",
    ]);
    assert_eq!(
        out,
        "noted on 2.1 why-rag  Why do RAG, 2026-11-29:\n  pros -x --y a -- b\n"
    );
    // An option typed after the text is refused, never recorded as text.
    let before = env.store_bytes();
    for option in ["--lang", "--store=x.yaml", "-h", "--help", "-V"] {
        let err = env.fails(&["note", "why-rag", "read it", option, "en"], 2);
        assert_eq!(
            err,
            format!(
                "studyplan: error: `{option}` in the note's text is an option, so nothing was \
                 noted; put options before the topic, or quote the whole text to keep the word in \
                 the note (`studyplan note why-rag \"... {option} ...\"`)\n"
            )
        );
    }
    assert_eq!(env.store_bytes(), before);
    let notes = json(&env.ok(&["show", "why-rag", "--json"]))["notes"].clone();
    let texts: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|note| note["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "- item",
            "---",
            "-5% of the tokens",
            "-> see the paper",
            "pros -x --y a -- b"
        ]
    );
}

#[test]
fn where_prints_the_files_in_use_and_creates_none() {
    let env = TestEnv::new();
    let dir = env.dir.path().display().to_string();
    let missing = env.dir.path().join("deep").join("progress.jsonl");
    let out = env.ok(&["where", "--store", missing.to_str().unwrap()]);
    assert_text(
        &out,
        &format!(
            "\
Store:      {dir}/deep/progress.jsonl (not created yet)
Lock:       {dir}/deep/progress.jsonl.lock (not created yet)
Curriculum: built in (llm-roadmap); `studyplan curriculum export` prints it
Cache:      {dir}/.cache/studyplan (not created yet)
"
        ),
    );
    assert!(!env.dir.path().join("deep").exists());
    assert!(!env.dir.path().join(".cache").exists());
    // Once written, the store and its lock are there; a relative path is shown from the root.
    env.ok(&["done", "1.1"]);
    let tiny = fixture("tiny.yaml");
    let out = env.ok(&[
        "where",
        "--store",
        "progress.jsonl",
        "--curriculum",
        tiny.to_str().unwrap(),
    ]);
    assert_text(
        &out,
        &format!(
            "\
Store:      {dir}/progress.jsonl
Lock:       {dir}/progress.jsonl.lock
Curriculum: {}
Cache:      {dir}/.cache/studyplan (not created yet)
",
            tiny.display()
        ),
    );
}

#[test]
fn where_works_with_broken_files_and_names_a_linked_stores_target() {
    let env = TestEnv::new();
    let dir = env.dir.path().display().to_string();
    let real = env.write("sync/real.yaml", "not: [a store");
    std::os::unix::fs::symlink(&real, env.store()).unwrap();
    let broken = env.write("broken.yaml", "stages: [");
    let out = env.ok(&["where", "--curriculum", broken.to_str().unwrap()]);
    assert_text(
        &out,
        &format!(
            "\
Store:      {dir}/progress.jsonl
Link to:    {dir}/sync/real.yaml
Lock:       {dir}/sync/real.jsonl.lock (not created yet)
Curriculum: {dir}/broken.yaml
Cache:      {dir}/.cache/studyplan (not created yet)
"
        ),
    );
    let out = json(&env.ok(&["where", "--json", "--curriculum", "gone.yaml"]));
    assert_eq!(
        out,
        serde_json::json!({
            "store": {"path": format!("{dir}/progress.jsonl"), "exists": true},
            "store_target": format!("{dir}/sync/real.yaml"),
            "lock": {"path": format!("{dir}/sync/real.jsonl.lock"), "exists": false},
            "curriculum": {"path": format!("{dir}/gone.yaml"), "exists": false},
            "built_in": null,
            "cache": {"path": format!("{dir}/.cache/studyplan"), "exists": false},
        })
    );
    let out = json(&env.ok(&["where", "--json"]));
    assert_eq!(
        out["curriculum"],
        serde_json::json!({"path": null, "exists": true})
    );
    assert_eq!(out["built_in"], "llm-roadmap");
}

#[test]
fn help_lists_the_global_options_after_the_commands_own() {
    let env = TestEnv::new();
    assert_text(
        &env.ok(&["done", "-h"]),
        "\
Mark topics done

Usage: studyplan done [OPTIONS] <TOPIC>...

Arguments:
  <TOPIC>...  Topics by id, position (2.4) or a piece of the title; all are changed, or none

Options:
      --on <DATE>  Record the change for this earlier day instead of today: YYYY-MM-DD, yesterday or
                   -N (N days ago)
  -h, --help       Print help (see more with '--help')
  -V, --version    Print version

Global Options:
      --curriculum <FILE>  Follow this curriculum YAML file instead of the built-in LLM roadmap
                           [env: STUDYPLAN_CURRICULUM]
      --store <FILE>       Keep progress in this file [env: STUDYPLAN_STORE] [default:
                           studyplan/progress.jsonl in your data folder]
      --lang <LANG>        Language of the interface [default: from STUDYPLAN_LANG, then the locale,
                           else en] [possible values: en, zh]
      --color <WHEN>       When to use colour [default: auto] [possible values: auto, always, never]
      --border <STYLE>     How to draw the lines of tables: ascii for a terminal that draws
                           box-drawing characters two columns wide (a common CJK setting) [default:
                           from STUDYPLAN_BORDER, else unicode] [possible values: unicode, ascii]
      --no-review          Leave reviews out: no reviews listed by `review`, `today` or `status`
                           [env: STUDYPLAN_REVIEW=off]
",
    );
    let long = env.ok(&["done", "--help"]);
    let (own, global) = long.split_once("\nGlobal Options:\n").expect("a heading");
    assert!(
        own.contains("--on <DATE>") && !own.contains("--store"),
        "{long}"
    );
    assert!(
        global.contains("--store <FILE>") && !global.contains("--on"),
        "{long}"
    );
}

#[test]
fn usage_errors_carry_the_programs_name_and_point_to_the_commands_help() {
    let env = TestEnv::new();
    assert_text(
        &env.fails(&["list", "--bogus"], 2),
        "\
studyplan: error: unexpected argument '--bogus' found

  tip: to pass '--bogus' as a value, use '-- --bogus'

Usage: studyplan list [OPTIONS] [STAGE]

For more information, try `studyplan list --help`.
",
    );
    assert_text(
        &env.fails(&["done", "1.1", "--on", "2026-02-30"], 2),
        "\
studyplan: error: invalid value '2026-02-30' for '--on <DATE>': `2026-02-30` is not a date like 2026-11-29 (YYYY-MM-DD), `today`, `yesterday` or `-3` (3 days ago)

For more information, try `studyplan done --help`.
",
    );
    let err = env.fails(&["curriculum", "check"], 2);
    assert!(
        err.ends_with("\n\nFor more information, try `studyplan curriculum check --help`.\n"),
        "{err}"
    );
    // An unknown command points to the help that lists the commands.
    let err = env.fails(&["stauts"], 2);
    assert!(
        err.starts_with("studyplan: error: unrecognized subcommand 'stauts'"),
        "{err}"
    );
    assert!(
        err.ends_with("For more information, try `studyplan --help`.\n"),
        "{err}"
    );
    assert!(env.store_bytes().is_none());
}

#[test]
fn the_version_is_the_programs_after_any_command() {
    let env = TestEnv::new();
    let version = format!("studyplan {}\n", env!("CARGO_PKG_VERSION"));
    for args in [
        &["-V"][..],
        &["--version"],
        &["done", "-V"],
        &["curriculum", "check", "--version"],
        &["--lang", "zh", "-V"],
        &["--lang", "zh", "done", "-V"],
    ] {
        assert_eq!(env.ok(args), version, "{args:?}");
    }
}

#[test]
fn a_store_that_is_a_link_is_written_through_the_link() {
    let env = TestEnv::new();
    let real = env.dir.path().join("real").join("progress.jsonl");
    fs::create_dir(real.parent().unwrap()).unwrap();
    env.cmd()
        .arg("--store")
        .arg(&real)
        .args(["done", "1.1"])
        .assert()
        .success();
    let link = env.dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    env.cmd()
        .arg("--store")
        .arg(&link)
        .args(["done", "1.2"])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real)
            .unwrap()
            .matches(r#""change":"done""#)
            .count(),
        2
    );
    assert!(!env.dir.path().join("link.jsonl.lock").exists());
}

#[test]
fn a_dangling_link_or_a_folder_is_never_taken_for_an_empty_store() {
    let env = TestEnv::new();
    let dangling = env.dir.path().join("dangling.yaml");
    std::os::unix::fs::symlink(env.dir.path().join("gone").join("p.yaml"), &dangling).unwrap();
    let folder = env.dir.path().join("folder");
    fs::create_dir(&folder).unwrap();
    for (store, needle) in [(&dangling, "cannot be reached"), (&folder, "is a folder")] {
        for args in [&["status"][..], &["done", "1.1"]] {
            let output = env
                .cmd()
                .arg("--store")
                .arg(store)
                .args(args)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            let err = String::from_utf8(output.stderr).unwrap();
            assert!(err.contains(needle), "{err}");
        }
    }
    let mut names: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["dangling.yaml", "folder"]);
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn unknown_fields_are_mentioned() {
    let env = TestEnv::new();
    fs::write(
        env.store(),
        "version: 1\nowner: ada\nevents:\n- {at: 2026-11-03T10:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: done, mood: happy}\n",
    )
    .unwrap();
    let output = env.run(&["status"]);
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("fields this version does not know; they are kept: `mood`, `owner`"),
        "{err}"
    );
}

#[test]
fn a_title_blank_in_one_language_is_rejected() {
    rejects_curriculum(
        "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\nstages:\n  - {id: s, title: S, days: 1, topics: [{id: t, title: {zh: '', en: T}}]}\n",
        &["topic 1.1 (`t`): the title is empty"],
    );
}

#[test]
fn files_starting_with_a_byte_order_mark_are_read() {
    let env = TestEnv::new();
    let mut store = b"\xef\xbb\xbf".to_vec();
    store.extend_from_slice(b"version: 1\nevents:\n- {at: 2026-11-03T10:00:00+08:00, plan: tiny, topic: beta, change: done}\n");
    fs::write(env.store(), &store).unwrap();
    let mut yaml = b"\xef\xbb\xbf".to_vec();
    yaml.extend_from_slice(&fs::read(fixture("tiny.yaml")).unwrap());
    let curriculum = env.write("bom.yaml", yaml);
    let status = json(&env.ok(&[
        "--curriculum",
        curriculum.to_str().unwrap(),
        "status",
        "--json",
    ]));
    assert_eq!(status["curriculum"]["id"], "tiny");
    assert_eq!(status["overall"]["done"], 1);
}

#[test]
fn day_counts_past_a_hundred_years_are_rejected() {
    rejects_curriculum(
        "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\ngenius_days: 99999999999\nstages:\n  - {id: s, title: S, days: 99999999999, topics: [{id: t, title: T}]}\n  - {id: u, title: U, days: 36000, topics: [{id: v, title: V}]}\n  - {id: w, title: W, days: 600, topics: [{id: x, title: X}]}\n",
        &[
            "genius_days: 99999999999 is too many; at most 36500 days are supported",
            "stage 1 (`s`): days is 99999999999, too many; at most 36500 are supported",
            "the stages' days add up to 73100; at most 36500 are supported",
        ],
    );
}

/// Every command's path (`curriculum check`) in the definition, but `help`.
fn command_paths(command: &clap::Command, parent: &str, out: &mut Vec<String>) {
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let path = format!("{parent} {}", sub.get_name());
        out.push(path.clone());
        command_paths(sub, &path, out);
    }
}

#[test]
fn the_man_page_has_every_command_in_both_languages() {
    let env = TestEnv::new();
    let mut paths = Vec::new();
    command_paths(
        &studyplan::cli::command(studyplan::i18n::Lang::En),
        "studyplan",
        &mut paths,
    );
    assert!(
        paths.contains(&"studyplan curriculum check".to_owned()),
        "{paths:?}"
    );
    for (lang, headings) in [
        (
            "en",
            [
                ".SH NAME",
                ".SH SYNOPSIS",
                ".SH DESCRIPTION",
                ".SH OPTIONS",
                ".SH COMMANDS",
            ],
        ),
        (
            "zh",
            [".SH 名称", ".SH 概要", ".SH 描述", ".SH 选项", ".SH 命令"],
        ),
    ] {
        let page = env.ok(&["--lang", lang, "man"]);
        let lines: Vec<&str> = page.lines().collect();
        assert_eq!(
            lines[..3],
            [
                ".ie \\n(.g .ds Aq \\(aq",
                ".el .ds Aq '",
                &format!(
                    ".TH studyplan 1  \"studyplan {}\" ",
                    env!("CARGO_PKG_VERSION")
                ),
            ],
            "{lang}"
        );
        let found: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|line| line.starts_with(".SH ") && headings.contains(line))
            .collect();
        assert_eq!(found, headings, "{lang}");
        for path in &paths {
            assert!(
                page.contains(&format!(".SS \"{path}\"\n")),
                "{lang}: no `{path}`"
            );
        }
        // The global options are described once, not again under every command.
        assert_eq!(
            page.matches("\\fB\\-\\-curriculum\\fR \\fI<FILE>\\fR")
                .count(),
            1,
            "{lang}"
        );
    }
    let zh = env.ok(&["--lang", "zh", "man"]);
    assert!(
        zh.contains("把\\:主\\:题\\:标\\:记\\:为\\:已\\:完\\:成"),
        "{zh}"
    );
}

#[test]
fn man_reads_the_man_page_without_a_warning() {
    let found = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        // CI installs man (`.ci/run`); only a machine without it skips this.
        eprintln!("notice: `man` is not installed; skipping the man page rendering test");
        return;
    }
    let env = TestEnv::new();
    for lang in ["en", "zh"] {
        let page = env.write(
            &format!("studyplan.{lang}.1"),
            env.ok(&["--lang", lang, "man"]),
        );
        let output = std::process::Command::new("man")
            .args(["--warnings", "-l"])
            .arg(&page)
            .env("MANWIDTH", "80")
            .env("LC_ALL", "C.UTF-8")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .expect("run man");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stderr.is_empty(),
            "{lang}: {stderr}"
        );
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("studyplan curriculum check"),
            "{lang}: {text}"
        );
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{lang}: {line}"
            );
        }
    }
}

#[test]
fn after_a_double_dash_every_word_of_a_note_is_text() {
    let env = TestEnv::new();
    for (args, text) in [
        (&["note", "why-rag", "--", "--lang"][..], "--lang"),
        (&["note", "why-rag", "--", "--help", "me"], "--help me"),
        (&["note", "why-rag", "use", "--", "-V"], "use -V"),
    ] {
        let out = env.ok(args);
        assert_eq!(
            out,
            format!("noted on 2.1 why-rag  Why do RAG, 2026-11-29:\n  {text}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn where_says_a_missing_curriculum_does_not_exist_rather_than_not_yet_made() {
    let env = TestEnv::new();
    let out = env.ok(&["--curriculum", "gone.yaml", "where"]);
    assert!(
        out.contains(&format!(
            "Curriculum: {}/gone.yaml (no such file)\n",
            env.dir.path().display()
        )),
        "{out}"
    );
    assert!(out.contains("(not created yet)"), "{out}");
}

#[test]
fn an_error_on_a_terminal_wraps_between_words_and_stays_whole_in_a_pipe() {
    let env = TestEnv::new();
    env.write(
        "bad.yaml",
        "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\ngenius_day: 7\nstages: []\n",
    );
    // A real terminal, 60 columns wide; nothing else says the width.
    let Some(shown) = on_a_terminal(&env, 60, "curriculum check bad.yaml") else {
        return;
    };
    assert_eq!(
        shown,
        "studyplan: error: the curriculum `bad.yaml` has 1 problem:\n  \
         bad.yaml:4:1: unknown key `genius_day` in the curriculum:\n  \
         did you mean `genius_days`? (the curriculum takes `id`,\n  \
         `title`, `description`, `band`, `genius_days`, `review`,\n  \
         `stages`)\n\
         fix them and check again with `studyplan curriculum check\n\
         bad.yaml`\n"
    );
    // Into a pipe, each message is one line, for scripts and logs.
    let err = env.fails(&["curriculum", "check", "bad.yaml"], 1);
    assert_eq!(err.lines().count(), 3, "{err}");
}

/// Runs studyplan with `args` in a real terminal `columns` wide (made by `script`), and gives
/// what the terminal showed; none where `script` is missing.
fn on_a_terminal(env: &TestEnv, columns: usize, args: &str) -> Option<String> {
    if !std::path::Path::new("/usr/bin/script").exists() {
        return None;
    }
    let binary = assert_cmd::cargo::cargo_bin!("studyplan");
    let mut cmd = std::process::Command::new("script");
    for (key, value) in env.std_cmd().get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let output = cmd
        .current_dir(env.dir.path())
        .args(["-qec"])
        .arg(format!(
            "stty cols {columns} rows 40; {} {args} >/dev/null",
            binary.display()
        ))
        .arg("/dev/null")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n"))
}

#[test]
fn notes_warnings_and_usage_errors_on_a_terminal_wrap_between_words() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let mut torn = fs::read(env.store()).unwrap();
    torn.extend_from_slice(b"{\"id\":\"0b6c");
    fs::write(env.store(), &torn).unwrap();
    fs::write(
        env.dir
            .path()
            .join("progress.sync-conflict-20261201-101010-ABCDEFG.jsonl"),
        "{\"studyplan\":\"progress\",\"version\":2}\n",
    )
    .unwrap();
    for (args, code) in [
        (&["status"][..], 0),
        (&["--lang", "zh", "status"], 0),
        (&["skip", "--on", "2026-11-31", "1.2"], 2),
        (&["--lang", "zh", "list", "--state", "skiped"], 2),
    ] {
        let Some(shown) = on_a_terminal(&env, 50, &args.join(" ")) else {
            return;
        };
        let piped = env.run(args);
        assert_eq!(piped.status.code(), Some(code), "{args:?}");
        let piped = String::from_utf8(piped.stderr).unwrap();
        assert!(!piped.is_empty(), "{args:?}");
        // The same words, none cut (Chinese may break between any two characters); every line
        // that has a space in it fits.
        let words = |text: &str| -> Vec<String> {
            if args.contains(&"zh") {
                vec![text.split_whitespace().collect()]
            } else {
                text.split_whitespace().map(str::to_owned).collect()
            }
        };
        assert_eq!(words(&shown), words(&piped), "{args:?}:\n{shown}");
        for line in shown.lines() {
            assert!(
                !line.trim().contains(' ') || unicode_width::UnicodeWidthStr::width(line) <= 50,
                "{args:?}: {line:?}\n{shown}"
            );
        }
        assert!(
            shown.lines().count() > piped.lines().count(),
            "{args:?}:\n{shown}"
        );
    }
}
