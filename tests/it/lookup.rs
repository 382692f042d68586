//! How topics and stages are named on the command line and shown: unique starts of ids,
//! suggestions, `show STAGE`, descriptions, links and goals, stage ids in `status` and `list`, and
//! the spellings of `--state`.

use crate::common::{TestEnv, assert_text, fixture, json};

fn tiny() -> String {
    fixture("tiny.yaml").display().to_string()
}

fn described() -> String {
    fixture("described.yaml").display().to_string()
}

/// Runs with the curriculum `file` first.
fn with(env: &TestEnv, file: &str, args: &[&str]) -> String {
    let mut all = vec!["--curriculum", file];
    all.extend(args);
    env.ok(&all)
}

#[test]
fn a_unique_start_of_an_id_names_the_topic() {
    let env = TestEnv::new();
    for (typed, shown) in [
        ("vector-data", "2.5 vector-databases\n"),
        ("prompt-eng", "1.7 prompt-engineering\n"),
        ("cot", "1.10 cot-and-tot\n"),
    ] {
        for lang in ["en", "zh"] {
            let out = env.ok(&["--lang", lang, "show", typed]);
            assert!(out.starts_with(shown), "{typed} {lang}: {out}");
        }
    }
    let out = env.ok(&["done", "prompt-eng"]);
    assert!(out.starts_with("[x] 1.7 prompt-engineering "), "{out}");
}

#[test]
fn a_start_several_ids_share_is_ambiguous_and_changes_nothing() {
    let env = TestEnv::new();
    let err = env.fails(&["done", "prompt-a"], 2);
    assert!(
        err.contains(
            "`prompt-a` matches 2 topics:\n  1.8 prompt-anatomy  The typical anatomy of a prompt\n  1.11 prompt-attacks  Prompt attacks and defences\nname one by its id or position"
        ),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "done", "prompt-a"], 2);
    assert!(
        err.contains(
            "`prompt-a` 匹配到 2 个主题：\n  1.8 prompt-anatomy  Prompt 典型构成\n  1.11 prompt-attacks  Prompt 攻击和防范\n请用编号或位置指定其中一个"
        ),
        "{err}"
    );
    assert!(env.store_bytes().is_none());
}

#[test]
fn suggestions_take_pieces_of_ids_and_come_in_both_languages() {
    let env = TestEnv::new();
    let err = env.fails(&["done", "llms"], 2);
    assert!(
        err.contains(
            "unknown topic `llms`; did you mean `what-llms-can-do`, `how-llms-get-smart`?"
        ),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "done", "llms"], 2);
    assert!(
        err.contains(
            "没有这个主题：`llms`；你是不是想输入 `what-llms-can-do`、`how-llms-get-smart`？"
        ),
        "{err}"
    );
    // An id the typed word starts with comes before ids a few edits away.
    let err = env.fails(&["done", "vector-ragx"], 2);
    assert!(err.contains("did you mean `vector-rag`?"), "{err}");
    assert!(env.store_bytes().is_none());
}

#[test]
fn candidates_show_the_title_in_the_language_that_matched() {
    let env = TestEnv::new();
    let err = env.fails(&["--lang", "en", "done", "向量"], 2);
    assert!(
        err.contains(
            "`向量` matches 4 topics:\n  2.4 embeddings  什么是向量表示（Embeddings）\n  2.5 vector-databases  向量数据库与向量检索\n  2.6 vector-rag  基于向量检索的 RAG\n  2.9 local-embedding-models  向量模型本地部署\n"
        ),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "done", "vector s"], 2);
    assert!(
        err.contains(
            "`vector s` 匹配到 2 个主题：\n  2.5 vector-databases  Vector databases and vector search\n  2.6 vector-rag  RAG built on vector search\n"
        ),
        "{err}"
    );
    // Matched by the start of an id, a candidate keeps the title in the interface language.
    let err = env.fails(&["--lang", "zh", "done", "prompt-a"], 2);
    assert!(err.contains("1.8 prompt-anatomy  Prompt 典型构成"), "{err}");
    let err = env.fails(&["--lang", "en", "list", "应用"], 2);
    assert!(
        err.contains(
            "`应用` matches 2 stages:\n  1 applied-basics  初阶应用\n  2 advanced-applications  高阶应用\nname one by its number or id"
        ),
        "{err}"
    );
    let err = env.fails(&["--lang", "zh", "list", "应用"], 2);
    assert!(
        err.contains(
            "`应用` 匹配到 2 个阶段：\n  1 applied-basics  初阶应用\n  2 advanced-applications  高阶应用\n请用阶段序号或编号指定其中一个"
        ),
        "{err}"
    );
}

#[test]
fn the_state_filter_takes_both_spellings() {
    let env = TestEnv::new();
    env.ok(&["start", "why-rag"]);
    let hyphen = env.ok(&["list", "--state", "in-progress", "--json"]);
    let underscore = env.ok(&["list", "--state", "in_progress", "--json"]);
    assert_eq!(hyphen, underscore);
    let topics = json(&underscore);
    assert_eq!(topics.as_array().unwrap().len(), 1);
    assert_eq!(topics[0]["state"], "in_progress");
    let err = env.fails(&["list", "--state", "in progress"], 2);
    assert!(err.contains("in-progress"), "{err}");
}

#[test]
fn list_shows_each_stage_with_its_id_above_its_topics() {
    let env = TestEnv::new();
    let tiny = tiny();
    with(&env, &tiny, &["done", "alpha"]);
    with(&env, &tiny, &["start", "delta"]);
    assert_text(
        &with(&env, &tiny, &["list"]),
        "\
╭─────┬─────┬─────────┬───────────────────────┬─────────────┬────────────╮
│     ┆ #   ┆ Id      ┆ Title                 ┆ State       ┆ Since      │
╞═════╪═════╪═════════╪═══════════════════════╪═════════════╪════════════╡
│     ┆ 1   ┆ first   ┆ Stage 1: First stage  ┆             ┆            │
│ [x] ┆ 1.1 ┆ alpha   ┆ Alpha                 ┆ done        ┆ 2026-11-29 │
│ [ ] ┆ 1.2 ┆ beta    ┆ Beta                  ┆ todo        ┆            │
│ [ ] ┆ 1.3 ┆ gamma   ┆ Gamma only            ┆ todo        ┆            │
│     ┆ 2   ┆ second  ┆ Stage 2: Second stage ┆             ┆            │
│ [~] ┆ 2.1 ┆ delta   ┆ Delta                 ┆ in progress ┆ 2026-11-29 │
│ [ ] ┆ 2.2 ┆ epsilon ┆ Epsilon               ┆ todo        ┆            │
╰─────┴─────┴─────────┴───────────────────────┴─────────────┴────────────╯
",
    );
    // A filter keeps the heading of each stage it shows a topic of, and only those.
    assert_text(
        &with(
            &env,
            &tiny,
            &["--lang", "zh", "list", "--state", "in_progress"],
        ),
        "\
╭─────┬─────┬────────┬─────────────────────┬────────┬────────────╮
│     ┆ #   ┆ 编号   ┆ 标题                ┆ 状态   ┆ 日期       │
╞═════╪═════╪════════╪═════════════════════╪════════╪════════════╡
│     ┆ 2   ┆ second ┆ 第 2 阶段：第二阶段 ┆        ┆            │
│ [~] ┆ 2.1 ┆ delta  ┆ 丁                  ┆ 进行中 ┆ 2026-11-29 │
╰─────┴─────┴────────┴─────────────────────┴────────┴────────────╯
",
    );
    // The JSON stays an array of topics.
    let topics = json(&with(&env, &tiny, &["list", "--json"]));
    assert_eq!(topics.as_array().unwrap().len(), 5);
}

#[test]
fn status_shows_stage_ids_when_they_fit_and_always_in_blocks() {
    let env = TestEnv::new();
    let tiny = tiny();
    with(&env, &tiny, &["done", "alpha"]);
    let zh = with(&env, &tiny, &["--lang", "zh", "status"]);
    assert_text(
        &zh[..zh.find("总体").unwrap()],
        "\
小课程
╭───┬──────────┬────────┬──────┬─────────────────────────┬──────┬───────┬──────────────────────╮
│ # ┆ 阶段     ┆ 编号   ┆ 天数 ┆ 计划日期                ┆ 完成 ┆ %     ┆ 进度                 │
╞═══╪══════════╪════════╪══════╪═════════════════════════╪══════╪═══════╪══════════════════════╡
│ 1 ┆ 第一阶段 ┆ first  ┆    2 ┆ 2026-11-29 – 2026-11-30 ┆  1/3 ┆ 33.3% ┆ ######-------------- │
│ 2 ┆ 第二阶段 ┆ second ┆    3 ┆ 2026-12-01 – 2026-12-03 ┆  0/2 ┆  0.0% ┆ -------------------- │
╰───┴──────────┴────────┴──────┴─────────────────────────┴──────┴───────┴──────────────────────╯
",
    );
    let at = |columns: &str, args: &[&str]| {
        let output = env
            .cmd()
            .env("COLUMNS", columns)
            .args(["--curriculum", &tiny])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    // Too narrow for the ids beside the planned dates: the ids give way.
    let narrow = at("95", &["status"]);
    assert!(
        narrow.contains("│ # ┆ Stage        ┆ Days ┆ Planned "),
        "{narrow}"
    );
    // Narrower, the planned dates go, which leaves room for the ids again.
    let narrower = at("90", &["status"]);
    assert!(
        narrower.contains("│ # ┆ Stage        ┆ Id     ┆ Days ┆ Done "),
        "{narrower}"
    );
    // Blocks have room for everything.
    let blocks = at("30", &["status"]);
    assert!(
        blocks.contains("#:         2\nStage:     Second stage\nId:        second\n"),
        "{blocks}"
    );
    // The roadmap, not started, has room for its longer ids at the piped width.
    let roadmap = env.ok(&["--lang", "zh", "status"]);
    assert!(
        roadmap.contains("│ 2 ┆ 高阶应用 ┆ advanced-applications ┆   30 ┆"),
        "{roadmap}"
    );
}

#[test]
fn an_unknown_stage_lists_the_stage_ids_and_says_where_they_are_shown() {
    let env = TestEnv::new();
    let tiny = tiny();
    for args in [&["list", "9"][..], &["log", "nope"], &["show", "9"]] {
        let mut all = vec!["--curriculum", tiny.as_str()];
        all.extend(args);
        let err = env.fails(&all, 2);
        let typed = args[1];
        assert!(
            err.contains(&format!(
                "unknown stage `{typed}`; name one by its number (1-2), its id (`first`, `second`) or a piece of its title; `studyplan list` shows each stage's id and title"
            )) || (typed == "nope" && err.contains("unknown stage `nope`; name one by its number (1-2), its id (`first`, `second`)")),
            "{args:?}: {err}"
        );
        all.splice(0..0, ["--lang", "zh"]);
        let err = env.fails(&all, 2);
        assert!(
            err.contains(&format!(
                "没有这个阶段：`{typed}`；请用阶段序号（1-2）、编号（`first`、`second`）或标题中的一段文字指定阶段；`studyplan list` 会列出每个阶段的编号和标题"
            )),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn show_names_a_stage_by_number_id_or_title_after_the_topics() {
    let env = TestEnv::new();
    let tiny = tiny();
    for typed in ["1", "first", "First st", "第一"] {
        let out = with(&env, &tiny, &["show", typed]);
        assert!(out.starts_with("1 first\n"), "{typed}: {out}");
    }
    // Topic ids and positions come first: `2.1` is a topic, `2` a stage.
    assert!(with(&env, &tiny, &["show", "2.1"]).starts_with("2.1 delta\n"));
    assert!(with(&env, &tiny, &["show", "2"]).starts_with("2 second\n"));
    // A piece of a title names a topic before a stage: `Gamma` is only a topic's.
    assert!(with(&env, &tiny, &["show", "gamma o"]).starts_with("1.3 gamma\n"));
    let err = env.fails(&["--curriculum", &tiny, "show", "stage"], 2);
    assert!(
        err.contains(
            "`stage` matches 2 stages:\n  1 first  First stage\n  2 second  Second stage\n"
        ),
        "{err}"
    );
    let err = env.fails(&["--curriculum", &tiny, "show", "secnd"], 2);
    assert!(
        err.contains("no topic or stage is named `secnd`; did you mean `second`?"),
        "{err}"
    );
    let err = env.fails(&["--curriculum", &tiny, "--lang", "zh", "show", "secnd"], 2);
    assert!(
        err.contains("没有叫 `secnd` 的主题或阶段；你是不是想输入 `second`？"),
        "{err}"
    );
}

#[test]
fn show_stage_gives_titles_goal_window_progress_and_topics() {
    let env = TestEnv::new();
    let tiny = tiny();
    // Before the plan has a start: the days, no dates.
    let before = with(&env, &tiny, &["show", "1"]);
    assert!(
        before.contains(
            "Planned:    2 days, days 1-2 of 5; the dates follow once the plan has begun (`studyplan begin`)\n"
        ),
        "{before}"
    );
    let zh = with(&env, &tiny, &["--lang", "zh", "show", "1"]);
    assert!(
        zh.contains(
            "计划：      2 天，第 1-2 天（共 5 天）；计划开始后才有日期（`studyplan begin`）\n"
        ),
        "{zh}"
    );
    with(&env, &tiny, &["done", "alpha"]);
    with(&env, &tiny, &["skip", "beta"]);
    with(&env, &tiny, &["start", "delta"]);
    assert_text(
        &with(&env, &tiny, &["show", "first"]),
        "\
1 first
Title:      第一阶段
            First stage
Goal:       Learn the basics.
Planned:    2 days, days 1-2 of 5: 2026-11-29 – 2026-11-30
Progress:   1/3 done (33.3%), 1 skipped; covered 66.6%
╭─────┬─────┬───────┬────────────┬─────────┬────────────╮
│     ┆ #   ┆ Id    ┆ Title      ┆ State   ┆ Since      │
╞═════╪═════╪═══════╪════════════╪═════════╪════════════╡
│ [x] ┆ 1.1 ┆ alpha ┆ Alpha      ┆ done    ┆ 2026-11-29 │
│ [-] ┆ 1.2 ┆ beta  ┆ Beta       ┆ skipped ┆ 2026-11-29 │
│ [ ] ┆ 1.3 ┆ gamma ┆ Gamma only ┆ todo    ┆            │
╰─────┴─────┴───────┴────────────┴─────────┴────────────╯
",
    );
    // No goal, no goal line; in Chinese.
    assert_text(
        &with(&env, &tiny, &["--lang", "zh", "show", "second"]),
        "\
2 second
标题：      第二阶段
            Second stage
计划：      3 天，第 3-5 天（共 5 天）：2026-12-01 – 2026-12-03
进度：      0/2 已完成（0.0%）
╭─────┬─────┬─────────┬──────┬────────┬────────────╮
│     ┆ #   ┆ 编号    ┆ 标题 ┆ 状态   ┆ 日期       │
╞═════╪═════╪═════════╪══════╪════════╪════════════╡
│ [~] ┆ 2.1 ┆ delta   ┆ 丁   ┆ 进行中 ┆ 2026-11-29 │
│ [ ] ┆ 2.2 ┆ epsilon ┆ 戊   ┆ 未开始 ┆            │
╰─────┴─────┴─────────┴──────┴────────┴────────────╯
",
    );
}

#[test]
fn show_stage_json_has_the_same_facts() {
    let env = TestEnv::new();
    let tiny = tiny();
    with(&env, &tiny, &["start", "delta"]);
    assert_text(
        &with(&env, &tiny, &["show", "second", "--json"]),
        r#"{
  "id": "second",
  "number": 2,
  "title": {
    "zh": "第二阶段",
    "en": "Second stage"
  },
  "goal": null,
  "days": 3,
  "first_day": 3,
  "last_day": 5,
  "planned_start": "2026-12-01",
  "planned_end": "2026-12-03",
  "done": 0,
  "in_progress": 1,
  "skipped": 0,
  "total": 2,
  "percent": 0.0,
  "topics": [
    {
      "id": "delta",
      "stage": "second",
      "position": "2.1",
      "title": "Delta",
      "done": false,
      "state": "in_progress",
      "since": "2026-11-29"
    },
    {
      "id": "epsilon",
      "stage": "second",
      "position": "2.2",
      "title": "Epsilon",
      "done": false,
      "state": "todo",
      "since": null
    }
  ]
}
"#,
    );
    let fresh = TestEnv::new();
    let first = json(&with(&fresh, &tiny, &["show", "1", "--json"]));
    assert_eq!(first["goal"]["zh"], "Learn the basics.");
    assert_eq!(first["planned_start"], serde_json::Value::Null);
    assert_eq!(
        (first["first_day"].as_i64(), first["last_day"].as_i64()),
        (Some(1), Some(2))
    );
}

#[test]
fn show_topic_gives_its_description_and_links_in_the_users_language() {
    let env = TestEnv::new();
    let file = described();
    assert_text(
        &with(&env, &file, &["show", "ownership"]),
        "\
1.1 ownership
Title:      所有权
            Ownership
About:      Who owns a value,
            and when it is dropped.
Links:      https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html
            The Book, chapter 4
Stage:      1 Basics
Position:   1.1, topic 1 of 2 in stage 1
State:      todo
History:    no changes yet
Notes:      none
",
    );
    assert_text(
        &with(&env, &file, &["--lang", "zh", "show", "own"]),
        "\
1.1 ownership
标题：      所有权
            Ownership
简介：      谁拥有一个值，
            何时释放它。
链接：      https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html
            The Book, chapter 4
阶段：      1 基础
位置：      1.1，第 1 阶段 2 个主题中的第 1 个
状态：      未开始
历史：      还没有记录
笔记：      无
",
    );
    // A topic without them has no such lines; a title in one language serves both.
    let plain = with(&env, &file, &["--lang", "zh", "show", "cli-tool"]);
    assert!(
        !plain.contains("简介")
            && !plain.contains("链接")
            && plain.contains("标题：      Write a CLI tool\n阶段：      2 Practice\n"),
        "{plain}"
    );
}

#[test]
fn show_topic_json_has_the_description_the_links_and_the_stages_goal() {
    let env = TestEnv::new();
    let file = described();
    let topic = json(&with(&env, &file, &["show", "ownership", "--json"]));
    assert_eq!(
        topic["description"],
        serde_json::json!({"zh": "谁拥有一个值，\n何时释放它。", "en": "Who owns a value,\nand when it is dropped."})
    );
    assert_eq!(
        topic["links"],
        serde_json::json!([
            "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html",
            "The Book, chapter 4"
        ])
    );
    assert_eq!(
        topic["stage"],
        serde_json::json!({
            "id": "basics",
            "number": 1,
            "title": {"zh": "基础", "en": "Basics"},
            "goal": {"zh": "学会基础。", "en": "Learn the basics."}
        })
    );
    let plain = json(&with(&env, &file, &["show", "cli-tool", "--json"]));
    assert_eq!(plain["description"], serde_json::Value::Null);
    assert_eq!(plain["links"], serde_json::json!([]));
    assert_eq!(plain["stage"]["goal"], serde_json::Value::Null);
}

#[test]
fn curriculum_check_shows_the_curriculums_description() {
    let env = TestEnv::new();
    let file = described();
    let en = env.ok(&["curriculum", "check", &file]);
    assert!(
        en.contains("Title:      Described course\nAbout:      A small course to test descriptions.\nStages:     2\n"),
        "{en}"
    );
    let zh = env.ok(&["--lang", "zh", "curriculum", "check", &file]);
    assert!(
        zh.contains(
            "标题：      描述课程\n简介：      一门用来测试描述的小课程。\n阶段：      2\n"
        ),
        "{zh}"
    );
    // The roadmap has no description, and no such line.
    let tiny = env.ok(&["curriculum", "check", &tiny()]);
    assert!(!tiny.contains("About:"), "{tiny}");
}
