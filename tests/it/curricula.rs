//! Your own curriculum: exporting the built-in one, checking a file, progress kept apart per
//! curriculum id, the `curricula` listing, and shell completions.

use crate::common::{TestEnv, assert_text, fixture};

fn tiny() -> String {
    fixture("tiny.yaml").display().to_string()
}

/// The tiny fixture under another curriculum id, with the same topic ids.
fn tiny_copy(env: &TestEnv) -> String {
    let text = std::fs::read_to_string(fixture("tiny.yaml")).unwrap();
    let copy = text.replacen("id: tiny\n", "id: tiny-copy\n", 1);
    assert_ne!(copy, text);
    env.write("tiny-copy.yaml", copy).display().to_string()
}

fn done_ids(env: &TestEnv, curriculum: Option<&str>) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(file) = curriculum {
        args.extend(["--curriculum", file]);
    }
    args.extend(["list", "--state", "done", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&env.ok(&args)).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|topic| topic["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn switching_curricula_never_mixes_their_progress() {
    let env = TestEnv::new();
    let tiny = tiny();
    let copy = tiny_copy(&env);
    env.ok(&["--curriculum", &tiny, "done", "alpha", "beta"]);
    env.ok(&["done", "1.1"]);
    env.ok(&["--curriculum", &copy, "done", "delta"]);
    // The env var picks a curriculum as the flag does.
    env.cmd()
        .env("STUDYPLAN_CURRICULUM", &copy)
        .args(["undo", "delta"])
        .assert()
        .success();
    env.cmd()
        .env("STUDYPLAN_CURRICULUM", &copy)
        .args(["done", "gamma"])
        .assert()
        .success();

    assert_eq!(done_ids(&env, Some(&tiny)), ["alpha", "beta"]);
    assert_eq!(
        done_ids(&env, Some(&copy)),
        ["gamma"],
        "same topic ids, another plan"
    );
    assert_eq!(done_ids(&env, None), ["what-llms-can-do"]);
    // Undoing in one plan leaves the other alone.
    env.ok(&["--curriculum", &copy, "undo", "alpha"]);
    assert_eq!(done_ids(&env, Some(&tiny)), ["alpha", "beta"]);
    // Topics of another plan are not orphans of this one: no warning.
    let output = env
        .cmd()
        .args(["--curriculum", &tiny, "status"])
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn curricula_lists_every_plan_in_the_store_with_its_progress() {
    let env = TestEnv::new();
    let tiny = tiny();
    let copy = tiny_copy(&env);
    env.ok(&["done", "1.1", "1.2", "1.3"]);
    env.ok(&["skip", "4.1"]);
    env.ok(&["--curriculum", &copy, "start", "beta"]);
    env.ok(&["--curriculum", &tiny, "done", "alpha"]);
    assert_text(
        &env.ok(&["--curriculum", &tiny, "curricula"]),
        "\
╭───┬─────────────┬─────────────┬─────────────┬─────────────┬─────────┬─────────────╮
│   ┆ Plan        ┆ Title       ┆ Done        ┆ In progress ┆ Skipped ┆ Last change │
╞═══╪═════════════╪═════════════╪═════════════╪═════════════╪═════════╪═════════════╡
│   ┆ llm-roadmap ┆             ┆           3 ┆           0 ┆       1 ┆ 2026-11-29  │
│   ┆ tiny-copy   ┆             ┆           0 ┆           1 ┆       0 ┆ 2026-11-29  │
│ * ┆ tiny        ┆ Tiny course ┆ 1/5 (20.0%) ┆           0 ┆       0 ┆ 2026-11-29  │
╰───┴─────────────┴─────────────┴─────────────┴─────────────┴─────────┴─────────────╯
* the curriculum in use; pick another with --curriculum FILE
",
    );
    assert_text(
        &env.ok(&["--lang", "zh", "curricula"]),
        "\
╭───┬─────────────┬────────────────────┬─────────────┬────────┬──────┬────────────╮
│   ┆ 计划        ┆ 标题               ┆ 完成        ┆ 进行中 ┆ 跳过 ┆ 最近修改   │
╞═══╪═════════════╪════════════════════╪═════════════╪════════╪══════╪════════════╡
│ * ┆ llm-roadmap ┆ 大模型 AI 学习路线 ┆ 3/41 (7.3%) ┆      0 ┆    1 ┆ 2026-11-29 │
│   ┆ tiny-copy   ┆                    ┆           0 ┆      1 ┆    0 ┆ 2026-11-29 │
│   ┆ tiny        ┆                    ┆           1 ┆      0 ┆    0 ┆ 2026-11-29 │
╰───┴─────────────┴────────────────────┴─────────────┴────────┴──────┴────────────╯
* 为当前使用的课程；用 --curriculum FILE 换用其他课程
",
    );
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["curricula", "--json"])).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"id": "llm-roadmap", "current": true, "title": "LLM learning roadmap", "done": 3,
             "in_progress": 0, "skipped": 1, "total": 41, "events": 4, "last_change": "2026-11-29"},
            {"id": "tiny-copy", "current": false, "title": null, "done": 0,
             "in_progress": 1, "skipped": 0, "total": null, "events": 1, "last_change": "2026-11-29"},
            {"id": "tiny", "current": false, "title": null, "done": 1,
             "in_progress": 0, "skipped": 0, "total": null, "events": 1, "last_change": "2026-11-29"},
        ])
    );
}

#[test]
fn curricula_on_an_empty_store_shows_the_current_plan_and_creates_nothing() {
    let env = TestEnv::new();
    let out = env.ok(&["curricula"]);
    assert!(
        out.contains("│ * ┆ llm-roadmap ┆ LLM learning roadmap ┆ 0/41 (0.0%) ┆"),
        "{out}"
    );
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn export_prints_the_built_in_yaml_verbatim_and_it_checks_clean() {
    let env = TestEnv::new();
    let exported = env.ok(&["curriculum", "export"]);
    let shipped = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("curriculum/llm-roadmap.yaml"),
    )
    .unwrap();
    assert_eq!(exported, shipped);
    let file = env.write("mine.yaml", &exported).display().to_string();
    let out = env.ok(&["curriculum", "check", &file]);
    assert!(
        out.starts_with(&format!("`{file}` is a sound curriculum.\n")),
        "{out}"
    );
    assert!(
        out.contains("Stages:     4\nTopics:     41\nDays:       90\nBand:       60-70%\n"),
        "{out}"
    );
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn check_summarises_a_sound_curriculum_in_both_languages() {
    let env = TestEnv::new();
    let tiny = tiny();
    assert_text(
        &env.ok(&["curriculum", "check", &tiny]),
        &format!(
            "\
`{tiny}` is a sound curriculum.
Id:         tiny
Title:      Tiny course
Stages:     2
Topics:     5
Days:       5
Band:       60-80%
Genius:     everything within 3 days
╭───┬──────────────┬────────┬──────┬────────╮
│ # ┆ Stage        ┆ Id     ┆ Days ┆ Topics │
╞═══╪══════════════╪════════╪══════╪════════╡
│ 1 ┆ First stage  ┆ first  ┆    2 ┆      3 │
│ 2 ┆ Second stage ┆ second ┆    3 ┆      2 │
╰───┴──────────────┴────────┴──────┴────────╯
"
        ),
    );
    assert_text(
        &env.ok(&["--lang", "zh", "curriculum", "check", &tiny]),
        &format!(
            "\
`{tiny}` 是一份合格的课程。
编号：      tiny
标题：      小课程
阶段：      2
主题：      5
天数：      5
区间：      60-80%
天才：      3 天内全部完成
╭───┬──────────┬────────┬──────┬────────╮
│ # ┆ 阶段     ┆ 编号   ┆ 天数 ┆ 主题数 │
╞═══╪══════════╪════════╪══════╪════════╡
│ 1 ┆ 第一阶段 ┆ first  ┆    2 ┆      3 │
│ 2 ┆ 第二阶段 ┆ second ┆    3 ┆      2 │
╰───┴──────────┴────────┴──────┴────────╯
"
        ),
    );
}

const BROKEN: &str = "\
id: my plan
title: ''
band:
  low: 0.9
  high: 0.7
genius_days: 0
stages:
  - id: basics
    title: { zh: 基础, en: Basics }
    days: 0
    topics:
      - { id: intro, title: Intro }
      - { id: intro, title: Again }
  - id: empty
    title: Empty
    days: 3
    topics: []
  - id: more
    title: More
    days: -1
    topics:
      - id: basics
        title: { en: '' }
";

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let env = TestEnv::new();
    let file = env.write("broken.yaml", BROKEN).display().to_string();
    let store_before = env.store_bytes();
    let err = env.fails(&["curriculum", "check", &file], 1);
    assert_text(
        &err,
        &format!(
            "\
studyplan: error: the curriculum `{file}` has 10 problems:
  {file}:1:5: the curriculum: id `my plan` is not a valid id; use letters, digits, `-`, `_` and `.`, starting with a letter or digit
  {file}:2:8: the curriculum: the title is empty
  {file}:4:8: band: `low` (0.9) is greater than `high` (0.7)
  {file}:6:14: genius_days: 0 is not a positive number of days
  {file}:10:11: stage 1 (`basics`): days is 0; it must be a positive number
  {file}:13:15: topic 1.2 (`intro`): duplicate id `intro`, already used by topic 1.1 (`intro`)
  {file}:17:13: stage 2 (`empty`): the stage has no topics
  {file}:20:11: stage 3 (`more`): days is -1; it must be a positive number
  {file}:22:13: topic 3.1 (`basics`): duplicate id `basics`, already used by stage 1 (`basics`)
  {file}:23:16: topic 3.1 (`basics`): the title is empty
fix them and check again with `studyplan curriculum check {file}`
"
        ),
    );
    let err = env.fails(&["--lang", "zh", "curriculum", "check", &file], 1);
    assert!(
        err.starts_with(&format!("studyplan: 错误：课程 `{file}` 有 10 个问题：\n")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "  {file}:17:13: 第 2 阶段（`empty`）：这个阶段没有主题\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "  {file}:23:16: 主题 3.1（`basics`）：标题是空的\n"
        )),
        "{err}"
    );
    assert_eq!(
        env.store_bytes(),
        store_before,
        "the store is never touched"
    );
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn check_reports_syntax_and_type_errors_with_their_location() {
    let env = TestEnv::new();
    let file = env
        .write("syntax.yaml", "id: c\ntitle: C\nstages: [\n")
        .display()
        .to_string();
    let err = env.fails(&["curriculum", "check", &file], 1);
    assert!(
        err.starts_with(&format!("studyplan: error: {file}:4:1: ")),
        "{err}"
    );
    let file = env
        .write(
            "types.yaml",
            "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\nstages:\n  - {id: s, title: S, days: ten, topics: []}\n",
        )
        .display()
        .to_string();
    let err = env.fails(&["--lang", "zh", "curriculum", "check", &file], 1);
    assert!(
        err.starts_with(&format!("studyplan: 错误：{file}:5:")),
        "{err}"
    );
    assert!(
        err.contains("第 1 阶段的 `days` 应为整数天数，例如 10，而不是文字 \"ten\""),
        "{err}"
    );
    let missing = env.dir.path().join("none.yaml").display().to_string();
    let err = env.fails(&["curriculum", "check", &missing], 1);
    assert!(
        err.contains(&format!("cannot read the curriculum `{missing}`")),
        "{err}"
    );
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn completions_for_every_shell_name_the_commands_and_the_topics() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        for word in [
            "studyplan",
            "report",
            "curricula",
            "completions",
            "lang",
            "color",
        ] {
            assert!(script.contains(word), "{shell} script lacks `{word}`");
        }
    }
    // The ids are asked of studyplan at each TAB, not written into the script.
    for shell in ["bash", "zsh", "fish"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.contains(&format!("studyplan __complete --shell {shell} -- ")),
            "{script}"
        );
        assert!(!script.contains("why-rag"), "{script}");
    }
    // Descriptions follow the interface language where the shell shows them.
    let fish = env.ok(&["--lang", "zh", "completions", "fish"]);
    assert!(fish.contains("把主题标记为已完成"), "{fish}");
    assert!(fish.contains("always\\t'总是使用颜色'"), "{fish}");
    assert!(!fish.contains("Colour when"), "{fish}");
    // Typing a position or a piece of a title still works: the lists are for the shell only.
    env.ok(&["done", "2.1", "思维链"]);
    assert!(env.ok(&["list", "--state", "done"]).contains("cot-and-tot"));
    let err = env.fails(&["completions", "tcsh"], 2);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
}

/// The tiny fixture with `edit` applied, written into the env.
fn tiny_edited(env: &TestEnv, name: &str, edit: impl Fn(String) -> String) -> String {
    let text = std::fs::read_to_string(fixture("tiny.yaml")).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text);
    env.write(name, edited).display().to_string()
}

/// Runs once, expects success, and gives stdout and stderr.
fn ok_and_stderr(env: &TestEnv, args: &[&str]) -> (String, String) {
    let output = env.run(args);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

#[test]
fn progress_follows_a_renamed_topic_and_a_topic_gone_for_good_can_be_forgotten() {
    let env = TestEnv::new();
    let tiny = tiny();
    env.ok(&["--curriculum", &tiny, "done", "alpha", "beta"]);
    env.ok(&["--curriculum", &tiny, "start", "delta"]);
    // `alpha` is renamed `first-letter`; `beta` and `delta` are removed.
    let renamed = tiny_edited(&env, "renamed.yaml", |text| {
        text.replace(
            "{ id: alpha, title:",
            "{ id: first-letter, was: [alpha], title:",
        )
        .replace("      - { id: beta, title: { zh: 乙, en: Beta } }\n", "")
        .replace("      - { id: delta, title: { zh: 丁, en: Delta } }\n", "")
    });
    let args = |rest: &[&'static str]| {
        let mut args = vec!["--curriculum", renamed.as_str()];
        args.extend_from_slice(rest);
        args.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run = |rest: &[&'static str]| {
        let args = args(rest);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok_and_stderr(&env, &args)
    };
    let (_, warning) = run(&["status"]);
    assert_text(
        &warning,
        &format!(
            "studyplan: warning: the store has progress on topics this curriculum no longer has; \
             it is kept: `beta`, `delta`\n  if a topic was renamed, list its old id under it in \
             the curriculum `{renamed}` (`was: [beta]`) and its progress follows\n  if it is gone \
             for good, drop its progress with `studyplan forget beta delta`\n"
        ),
    );
    assert_eq!(done_ids(&env, Some(&renamed)), ["first-letter"]);
    // The old id still names the topic, and its history shows under the new one.
    assert!(run(&["show", "alpha"]).0.contains("first-letter"));
    assert!(run(&["show", "first-letter"]).0.contains("done"));

    // A topic of the curriculum, or an id with no progress, is not forgotten.
    let arg_list = args(&["forget", "alpha"]);
    let refused = env.fails(&arg_list.iter().map(String::as_str).collect::<Vec<_>>(), 2);
    assert!(
        refused.contains("`alpha` is a topic of this curriculum (`first-letter`)"),
        "{refused}"
    );
    let nothing = args(&["forget", "zeta"]);
    let refused = env.fails(&nothing.iter().map(String::as_str).collect::<Vec<_>>(), 2);
    assert!(
        refused
            .contains("no progress on `zeta` to forget; the ids it could forget: `beta`, `delta`"),
        "{refused}"
    );
    let before = env.store_bytes().unwrap();
    let (said, _) = run(&["forget", "beta", "delta"]);
    assert_text(
        &said,
        "forgot the progress on `beta`; its changes stay in the history (`studyplan log`) and no \
         longer count\nforgot the progress on `delta`; its changes stay in the history \
         (`studyplan log`) and no longer count\n",
    );
    // Recorded as new changes after the old ones, which are kept byte for byte.
    let after = env.store_bytes().unwrap();
    assert_eq!(&after[..before.len()], &before[..]);
    let (_, warning) = run(&["status"]);
    assert_eq!(warning, "", "settled");
    let (log, _) = run(&["log"]);
    assert!(log.contains("forget"), "{log}");
    // Nothing else moved: the original curriculum still sees `alpha` done, and `forget` dropped
    // only what came before it.
    assert_eq!(done_ids(&env, Some(&tiny)), ["alpha"]);
    env.ok(&["--curriculum", &tiny, "done", "beta"]);
    assert_eq!(done_ids(&env, Some(&tiny)), ["alpha", "beta"]);
}

#[test]
fn old_ids_are_checked_like_ids() {
    let env = TestEnv::new();
    let bad = tiny_edited(&env, "bad-was.yaml", |text| {
        text.replace(
            "{ id: alpha, title:",
            "{ id: alpha, was: [beta, old], title:",
        )
        .replace(
            "{ id: gamma, title:",
            "{ id: gamma, was: [old, 'a b'], title:",
        )
    });
    let stderr = env.fails(&["curriculum", "check", &bad], 1);
    assert_text(
        &stderr,
        &format!(
            "studyplan: error: the curriculum `{bad}` has 3 problems:\n  \
             {bad}:12:28: topic 1.1 (`alpha`): the old id `beta` in `was` is the id of topic 1.2 \
             (`beta`) now; an old id must be one nothing has now, so remove it or rename one of \
             them\n  \
             {bad}:14:28: topic 1.3 (`gamma`): the old id `old` is already in the `was` of topic \
             1.1 (`alpha`); progress on an old id can follow only one topic, so keep it in one\n  \
             {bad}:14:33: topic 1.3 (`gamma`): the old id `a b` in `was` is not a valid id; use \
             letters, digits, `-`, `_` and `.`, starting with a letter or digit\n\
             fix them and check again with `studyplan curriculum check {bad}`\n"
        ),
    );
}

#[test]
fn ids_shaped_like_a_position_or_a_stage_number_are_refused() {
    let env = TestEnv::new();
    let bad = tiny_edited(&env, "positions.yaml", |text| {
        text.replace("{ id: beta,", "{ id: '2.1',")
            .replace("{ id: delta,", "{ id: '1.',")
            .replace("  - id: second\n", "  - id: '3'\n")
    });
    let stderr = env.fails(&["curriculum", "check", &bad], 1);
    assert_text(
        &stderr,
        &format!(
            "studyplan: error: the curriculum `{bad}` has 3 problems:\n  \
             {bad}:13:15: topic 1.2 (`2.1`): id `2.1` is only digits and dots, the shape of a \
             position (`2.1` is stage 2, topic 1) or a stage number, so it would be taken for \
             one; use an id with a letter, like `topic-2-1` (when renaming, `was: [2.1]` keeps \
             its progress)\n  \
             {bad}:15:9: stage 2 (`3`): id `3` is only digits and dots, the shape of a position \
             (`2.1` is stage 2, topic 1) or a stage number, so it would be taken for one; use an \
             id with a letter, like `stage-3` (when renaming, `was: [3]` keeps its progress)\n  \
             {bad}:19:15: topic 2.1 (`1.`): id `1.` is only digits and dots, the shape of a \
             position (`2.1` is stage 2, topic 1) or a stage number, so it would be taken for \
             one; use an id with a letter, like `topic-1` (when renaming, `was: [1.]` keeps its \
             progress)\n\
             fix them and check again with `studyplan curriculum check {bad}`\n"
        ),
    );
    // Renamed, with the old id kept in `was`, the progress recorded under it follows, and the
    // position means the position again.
    let fixed = tiny_edited(&env, "fixed.yaml", |text| {
        text.replace("{ id: beta,", "{ id: beta, was: ['2.1'],")
    });
    let store = "version: 1\nevents:\n- {at: 2026-11-28T10:00:00+08:00, plan: tiny, topic: '2.1', change: done}\n";
    env.write("progress.yaml", store);
    assert_eq!(done_ids(&env, Some(&fixed)), ["beta"]);
    env.ok(&["--curriculum", &fixed, "done", "2.1"]);
    assert_eq!(done_ids(&env, Some(&fixed)), ["beta", "delta"]);
}

/// Whether `shell` is installed; CI installs bash, zsh and fish (`.ci/run`), so a test that needs
/// one is skipped, with a notice, only on a machine without it.
fn have_shell(shell: &str) -> bool {
    let found = std::process::Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("notice: `{shell}` is not installed; skipping its completion test");
    }
    found
}

/// A folder holding the completion script for `shell`, and a file that must never be offered
/// as a topic.
fn completion_env(shell: &str, file_name: &str) -> TestEnv {
    let env = TestEnv::new();
    let script = env.ok(&["completions", shell]);
    env.write(file_name, script);
    env.write("work/afile.txt", "");
    env
}

/// `shell`, run in the env's `work` folder as a learner following the `quotes.yaml` fixture:
/// studyplan on the `PATH`, as the scripts ask it for the ids.
fn shell_in(env: &TestEnv, shell: &str) -> std::process::Command {
    let binary = std::path::PathBuf::from(assert_cmd::cargo::cargo_bin!("studyplan"));
    let mut path = vec![binary.parent().unwrap().to_owned()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut command = std::process::Command::new(shell);
    command
        .current_dir(env.dir.path().join("work"))
        .env("HOME", env.dir.path())
        .env("PATH", std::env::join_paths(path).unwrap())
        .env("STUDYPLAN_CURRICULUM", fixture("quotes.yaml"))
        .env("STUDYPLAN_STORE", env.store())
        .env("STUDYPLAN_LANG", "en");
    command
}

/// The candidates a shell offers: one `value<TAB>description` (or `value`) a line.
fn offered(output: std::process::Output) -> Vec<String> {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.trim_end().to_owned())
        .collect()
}

/// Every title of `quotes.yaml`, as its topic is described (`1.1 …`), in curriculum order.
const QUOTED_TITLES: [(&str, &str); 9] = [
    ("dq", "1.1 How do large models acquire \"intelligence\"?"),
    ("sq", "1.2 It's 'quoted'"),
    ("bs", "1.3 back\\slash \\\\ two"),
    ("dollar", "1.4 cost $HOME ${PATH} $(echo pwned)"),
    ("tick", "1.5 run `echo pwned` now"),
    ("colon", "1.6 a:b c\\:d"),
    ("brackets", "1.7 arr[1] and [x] {y}"),
    ("newline", "1.8 line one line two"),
    ("semi", "1.9 a; b & c | d > e < f ( ) # g ! h ~ i * ? %s %%"),
];

#[test]
fn zsh_completion_shows_every_title_as_written() {
    if !have_shell("zsh") {
        return;
    }
    let env = completion_env("zsh", "zfunc/_studyplan");
    let complete = |line: &str| {
        let output = shell_in(&env, "zsh")
            .arg("-f")
            .arg(fixture("zsh-capture.zsh"))
            .arg(env.dir.path().join("zfunc"))
            .arg(line)
            .output()
            .expect("run zsh");
        offered(output)
    };
    let topics: Vec<String> = QUOTED_TITLES
        .iter()
        .map(|(id, title)| format!("<<{id}>> {id:<10} {title}"))
        .collect();
    // `done` had ids before `show` and `note` did, but lost the quotes of 1.1's title.
    for line in ["studyplan done dq ", "studyplan show ", "studyplan note "] {
        assert_eq!(complete(line), topics, "{line}");
    }
    assert_eq!(
        complete("studyplan list "),
        ["<<odd-stage>> odd-stage   1 Stage \"one\" $HOME `x` [a] b:c \\ 'q'"],
    );
}

#[test]
fn fish_completion_offers_ids_and_never_file_names_for_them() {
    if !have_shell("fish") {
        return;
    }
    let env = completion_env("fish", "studyplan.fish");
    let complete = |line: &str| {
        let output = shell_in(&env, "fish")
            .arg("--no-config")
            .arg("-c")
            .arg(format!("source ../studyplan.fish; complete -C '{line}'"))
            .output()
            .expect("run fish");
        offered(output)
    };
    let mut topics: Vec<String> = QUOTED_TITLES
        .iter()
        .map(|(id, title)| format!("{id}\t{title}"))
        .collect();
    topics.sort();
    for line in [
        "studyplan show ",
        "studyplan note ",
        "studyplan done dq ",
        "studyplan --lang en skip ",
        "studyplan show --json ",
    ] {
        assert_eq!(complete(line), topics, "{line}");
    }
    assert_eq!(
        complete("studyplan list "),
        ["odd-stage\t1 Stage \"one\" $HOME `x` [a] b:c \\ 'q'"]
    );
    // No file names where the argument is not a file: a note's text, a date, a command alone.
    for line in [
        "studyplan note dq ",
        "studyplan show dq ",
        "studyplan done --on ",
        "studyplan log --since ",
        "studyplan begin ",
        "studyplan next ",
    ] {
        assert_eq!(complete(line), Vec::<String>::new(), "{line}");
    }
    // Where a file is wanted, files are offered.
    assert_eq!(complete("studyplan report -o "), ["afile.txt"]);
    assert_eq!(complete("studyplan curriculum check "), ["afile.txt"]);
}

#[test]
fn bash_completion_offers_ids_alone_and_no_file_names_for_them() {
    if !have_shell("bash") {
        return;
    }
    let env = completion_env("bash", "studyplan.bash");
    // What bash does on TAB: the words of the line, then the completion function.
    let complete = |words: &[&str]| {
        let output = shell_in(&env, "bash")
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
            .expect("run bash");
        offered(output)
    };
    let ids: Vec<&str> = QUOTED_TITLES.iter().map(|(id, _)| *id).collect();
    for words in [
        &["studyplan", "done", ""][..],
        &["studyplan", "done", "dq", ""],
        &["studyplan", "--lang", "zh", "skip", ""],
        &["studyplan", "done", "--on", "2026-11-01", ""],
        &["studyplan", "show", ""],
        &["studyplan", "note", ""],
    ] {
        assert_eq!(complete(words), ids, "{words:?}");
    }
    assert_eq!(complete(&["studyplan", "done", "d"]), ["dq", "dollar"]);
    assert_eq!(complete(&["studyplan", "list", ""]), ["odd-stage"]);
    // Options only when an option is being typed, and then no ids among them.
    let options = complete(&["studyplan", "done", "--"]);
    assert!(
        options.iter().all(|word| word.starts_with("--")),
        "{options:?}"
    );
    assert!(options.contains(&"--on".to_owned()), "{options:?}");
    // Nothing (not file names) for a note's text or a date.
    for words in [
        &["studyplan", "note", "dq", ""][..],
        &["studyplan", "show", "dq", ""],
        &["studyplan", "done", "--on", ""],
        &["studyplan", "log", "--since", ""],
        &["studyplan", "log", "--limit", ""],
        &["studyplan", "log", "-n", ""],
    ] {
        assert_eq!(complete(words), Vec::<String>::new(), "{words:?}");
    }
    assert_eq!(complete(&["studyplan", "report", "-o", ""]), ["afile.txt"]);
}

#[test]
fn completion_scripts_say_how_to_install_them() {
    let env = TestEnv::new();
    let fish = env.ok(&["completions", "fish"]);
    assert!(
        fish.starts_with(
            "# Completion for studyplan.\n\
             # The topic and stage ids are asked of studyplan at each TAB, for the curriculum in use.\n\
             # Install it:\n\
             #   mkdir -p ~/.config/fish/completions\n\
             #   studyplan completions fish > ~/.config/fish/completions/studyplan.fish\n"
        ),
        "{fish}"
    );
    // zsh reads `#compdef` on the first line only.
    let zsh = env.ok(&["--lang", "zh", "completions", "zsh"]);
    assert!(
        zsh.starts_with(
            "#compdef studyplan\n# studyplan 的补全脚本。\n# 主题和阶段编号在每次按 TAB 时向 studyplan 询问，按当时所用的课程给出。\n\
             # 安装方法：\n\
             #   mkdir -p ~/.zfunc && studyplan completions zsh > ~/.zfunc/_studyplan\n\
             #   fpath=(~/.zfunc $fpath)   # 写在 ~/.zshrc 中，compinit 之前\n"
        ),
        "{zsh}"
    );
    let powershell = env.ok(&["completions", "powershell"]);
    assert!(
        powershell.contains(
            "#   studyplan completions powershell | Out-String | Invoke-Expression   # in $PROFILE\n"
        ),
        "{powershell}"
    );
    for shell in ["bash", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.contains(&format!("studyplan completions {shell}")),
            "{shell}: {script}"
        );
    }
    let help = env.ok(&["completions", "--help"]);
    assert!(!help.contains("README"), "{help}");
}

#[test]
fn the_readme_makes_every_folder_it_installs_into() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("read the README");
    let mut made: Vec<String> = Vec::new();
    let mut checked = 0;
    for line in readme.lines() {
        if line.starts_with("```") {
            made.clear();
        }
        for part in line.split("&&") {
            if let Some(folder) = part.trim().strip_prefix("mkdir -p ") {
                made.push(folder.trim().to_owned());
            }
        }
        if let Some((_, target)) = line.split_once(" > ~/") {
            let target = format!("~/{}", target.trim());
            let folder = target.rsplit_once('/').map_or("", |(folder, _)| folder);
            assert!(
                made.iter().any(|m| m == folder),
                "no `mkdir -p {folder}` before: {line}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked}");
    // The scripts say how to install them as the README does.
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        for line in script.lines().filter_map(|line| line.strip_prefix("#   ")) {
            let command = line.split("   #").next().unwrap_or(line);
            assert!(
                readme.contains(command),
                "{shell}: `{command}` is not in the README"
            );
        }
    }
}
