//! Chinese and English: choosing the language, titles with fallback, help, and every error in
//! both languages.

use crate::common::{TestEnv, assert_text, fixture};

fn tiny() -> String {
    fixture("tiny.yaml").display().to_string()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8")
}

#[test]
fn the_flag_beats_the_variable_which_beats_the_locale() {
    let env = TestEnv::new();
    let next = |cmd: &mut assert_cmd::Command| stdout(&cmd.arg("next").output().unwrap());
    let english = "1.1 what-llms-can-do  What can large-model AI do?\n";
    let chinese = "1.1 what-llms-can-do  大模型 AI 能干什么？\n";
    assert_eq!(next(&mut env.cmd()), english);
    assert_eq!(next(env.cmd().env("LANG", "zh_CN.UTF-8")), chinese);
    assert_eq!(next(env.cmd().env("LC_ALL", "zh_TW.UTF-8")), chinese);
    assert_eq!(
        next(
            env.cmd()
                .env("LC_ALL", "en_US.UTF-8")
                .env("LANG", "zh_CN.UTF-8")
        ),
        english
    );
    assert_eq!(
        next(
            env.cmd()
                .env("LANG", "zh_CN.UTF-8")
                .env("STUDYPLAN_LANG", "en")
        ),
        english
    );
    assert_eq!(next(env.cmd().env("STUDYPLAN_LANG", "zh")), chinese);
    assert_eq!(
        next(env.cmd().env("STUDYPLAN_LANG", "zh").args(["--lang", "en"])),
        english
    );
    assert_eq!(next(env.cmd().args(["--lang=zh"])), chinese);
}

#[test]
fn titles_fall_back_to_the_other_language() {
    let env = TestEnv::new();
    let tiny = tiny();
    // `gamma` has one title only; it is shown in both languages.
    for lang in ["zh", "en"] {
        let out = env.ok(&["--curriculum", &tiny, "--lang", lang, "list", "--json"]);
        assert!(out.contains("\"title\": \"Gamma only\""), "{out}");
    }
    let out = env.ok(&["--curriculum", &tiny, "--lang", "zh", "list", "1"]);
    assert!(out.contains("甲") && out.contains("Gamma only"), "{out}");
}

#[test]
fn the_list_reads_in_chinese() {
    let env = TestEnv::new();
    let tiny = tiny();
    env.ok(&["--curriculum", &tiny, "done", "alpha", "gamma"]);
    env.ok(&["--curriculum", &tiny, "start", "delta"]);
    let out = env.ok(&["--curriculum", &tiny, "--lang", "zh", "list"]);
    assert_text(
        &out,
        "\
╭─────┬─────┬─────────┬─────────────────────┬────────┬────────────╮
│     ┆ #   ┆ 编号    ┆ 标题                ┆ 状态   ┆ 日期       │
╞═════╪═════╪═════════╪═════════════════════╪════════╪════════════╡
│     ┆ 1   ┆ first   ┆ 第 1 阶段：第一阶段 ┆        ┆            │
│ [x] ┆ 1.1 ┆ alpha   ┆ 甲                  ┆ 已完成 ┆ 2026-11-29 │
│ [ ] ┆ 1.2 ┆ beta    ┆ 乙                  ┆ 未开始 ┆            │
│ [x] ┆ 1.3 ┆ gamma   ┆ Gamma only          ┆ 已完成 ┆ 2026-11-29 │
│     ┆ 2   ┆ second  ┆ 第 2 阶段：第二阶段 ┆        ┆            │
│ [~] ┆ 2.1 ┆ delta   ┆ 丁                  ┆ 进行中 ┆ 2026-11-29 │
│ [ ] ┆ 2.2 ┆ epsilon ┆ 戊                  ┆ 未开始 ┆            │
╰─────┴─────┴─────────┴─────────────────────┴────────┴────────────╯
",
    );
    let changed = env.ok(&[
        "--curriculum",
        &tiny,
        "--lang",
        "zh",
        "done",
        "beta",
        "alpha",
    ]);
    assert_text(
        &changed,
        "\
[x] 1.2 beta  乙  （未开始 -> 已完成）
[x] 1.1 alpha  甲  （已经是已完成，未改变）
总体：3/5（60.0%），已进入 60-80% 区间：你已经开始具备成为一名大模型 AI 人才的正确特征
",
    );
}

#[test]
fn json_keys_are_the_same_in_both_languages() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    for args in [
        &["status", "--json"][..],
        &["list", "--json"],
        &["next", "--json"],
        &["curricula", "--json"],
        &["report", "--format", "json"],
    ] {
        let keys = |lang: &str| {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let value: serde_json::Value = serde_json::from_str(&env.ok(&all)).unwrap();
            let mut keys = Vec::new();
            collect_keys(&value, "", &mut keys);
            keys
        };
        let en = keys("en");
        assert!(!en.is_empty());
        assert_eq!(en, keys("zh"), "{args:?}");
    }
}

fn collect_keys(value: &serde_json::Value, path: &str, keys: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{path}.{key}");
                keys.push(path.clone());
                collect_keys(child, &path, keys);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                collect_keys(item, &format!("{path}[]"), keys);
            }
        }
        _ => {}
    }
}

#[test]
fn help_speaks_chinese_where_clap_allows() {
    let env = TestEnv::new();
    let zh = env.ok(&["--lang", "zh", "--help"]);
    for words in [
        "用法：",
        "命令",
        "选项",
        "显示帮助",
        "生成可分享的报告",
        "界面语言",
    ] {
        assert!(zh.contains(words), "`{words}` missing from:\n{zh}");
    }
    let zh = stdout(
        &env.cmd()
            .env("LANG", "zh_CN.UTF-8")
            .args(["done", "-h"])
            .output()
            .unwrap(),
    );
    assert!(
        zh.contains("把主题标记为已完成") && zh.contains("参数"),
        "{zh}"
    );
    // The `help` command is there in Chinese too, at every level.
    let zh = env.ok(&["--lang", "zh", "help", "done"]);
    assert!(zh.starts_with("把主题标记为已完成\n"), "{zh}");
    let zh = env.ok(&["--lang", "zh", "curriculum", "help"]);
    assert!(zh.contains("显示本帮助，或所给命令的帮助"), "{zh}");
    let en = env.ok(&["--help"]);
    assert!(
        en.contains("Usage:") && en.contains("Write a report to share"),
        "{en}"
    );
    assert!(!en.contains("用法"), "{en}");
    let version = env.ok(&["--lang", "zh", "--version"]);
    assert!(version.starts_with("studyplan "), "{version}");
}

#[test]
fn chinese_help_has_chinese_notes_and_wraps_between_characters() {
    let env = TestEnv::new();
    for args in [
        &["--help"][..],
        &["done", "-h"],
        &["help", "status"],
        &["list", "--help"],
    ] {
        for columns in ["50", "80"] {
            let output = env
                .cmd()
                .env("COLUMNS", columns)
                .args(["--lang", "zh"])
                .args(args)
                .output()
                .unwrap();
            assert!(output.status.success(), "{args:?}");
            let help = stdout(&output);
            for english in [
                "[env:",
                "[default:",
                "[alias:",
                "[possible values:",
                "Options:",
            ] {
                assert!(!help.contains(english), "{args:?}: `{english}` in:\n{help}");
            }
            for heading in ["命令:", "参数:", "选项:"] {
                assert!(!help.lines().any(|line| line == heading), "{help}");
            }
            let limit: usize = columns.parse().unwrap();
            for line in help.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= limit,
                    "{args:?} at {columns}: {line:?}"
                );
                assert!(
                    !line
                        .trim_start()
                        .starts_with(['，', '。', '；', '：', '）']),
                    "{line:?}"
                );
                assert!(!line.ends_with('（'), "{line:?}");
            }
        }
    }
    // The help of `help` is clap's own, finished like the rest.
    let help = env.ok(&["--lang", "zh", "help", "help"]);
    assert!(
        help.contains("用法：studyplan help [命令]\n\n命令：\n"),
        "{help}"
    );
    assert!(
        !help.contains("Usage") && !help.contains("Commands"),
        "{help}"
    );
    // Each `help` lists a `help` of its own, said in Chinese at every depth.
    let help = env.ok(&["--lang", "zh", "curriculum", "help", "help"]);
    assert!(
        help.ends_with("\n  help    显示本帮助，或所给命令的帮助\n"),
        "{help}"
    );
    let help = env.ok(&["--lang", "zh", "done", "-h"]);
    assert!(
        help.contains("用法：studyplan done [选项] <TOPIC>...\n"),
        "{help}"
    );
    // A command without its subcommand shows its help, finished too, on stderr with exit 2.
    let output = env
        .cmd()
        .env("COLUMNS", "40")
        .args(["--lang", "zh", "curriculum"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let help = stderr(&output);
    assert!(
        help.contains("\n命令：\n") && !help.contains("[default:"),
        "{help}"
    );
    for line in help.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 40,
            "{line:?}"
        );
    }
    // Narrow, the descriptions still go on under their column.
    let narrow = stdout(
        &env.cmd()
            .env("COLUMNS", "45")
            .args(["--lang", "zh", "list", "-h"])
            .output()
            .unwrap(),
    );
    let options = narrow.split("\n选项：\n").nth(1).unwrap_or_default();
    let (own, global) = options.split_once("\n\n全局选项：\n").unwrap_or_default();
    assert!(
        [own, global]
            .iter()
            .all(|part| !part.is_empty() && part.lines().all(|line| line.starts_with(' '))),
        "{narrow}"
    );
    let help = env.ok(&["--lang", "zh", "--help"]);
    assert!(
        help.contains("\n选项：\n") && help.contains("[环境变量：STUDYPLAN_STORE]"),
        "{help}"
    );
    // Piped without COLUMNS, lines stay whole: the long description is one line.
    assert!(help.contains("完成其中 60-70% 的内容，说明你已经开始具备成为一名大模型 AI 人才的正确特征；15 天内全部完成，你就是天才。"), "{help}");
}

#[test]
fn usage_errors_speak_both_languages_and_exit_2() {
    let env = TestEnv::new();
    let err = env.fails(&["stauts"], 2);
    assert!(
        err.contains("tip: some similar subcommands exist: 'status', 'stats', 'start'\n"),
        "{err}"
    );
    let cases: [(&[&str], &str, &str, &str); 4] = [
        (
            &["stauts"],
            "unrecognized subcommand 'stauts'",
            // The closest first: `start` would change a topic.
            "不认识的命令 `stauts`；你是不是想输入 `status`、`stats`、`start`？",
            "studyplan",
        ),
        (
            &["list", "--state", "finished"],
            "invalid value 'finished' for '--state <STATE>'",
            "`finished` 不是 `--state <STATE>` 的有效值；可选的值：todo、in-progress、done、skipped",
            "studyplan list",
        ),
        (
            &["list", "--bogus"],
            "unexpected argument '--bogus'",
            "不认识的参数 `--bogus`",
            "studyplan list",
        ),
        (
            &["done"],
            "required arguments were not provided",
            "缺少必需的参数：<TOPIC>...",
            "studyplan done",
        ),
    ];
    for (args, en, zh, command) in cases {
        let out = env.fails(args, 2);
        assert!(out.starts_with("studyplan: error: "), "{out}");
        assert!(out.contains(en), "{args:?}:\n{out}");
        assert!(
            out.ends_with(&format!("For more information, try `{command} --help`.\n")),
            "{out}"
        );
        let mut all = vec!["--lang", "zh"];
        all.extend(args);
        let out = env.fails(&all, 2);
        assert!(out.starts_with("studyplan: 错误："), "{out}");
        assert!(out.contains(zh), "{args:?}:\n{out}");
        assert!(
            out.ends_with(&format!("\n\n更多信息请运行 `{command} --help`\n")),
            "{out}"
        );
        assert!(
            !out.contains("[OPTIONS]") && !out.contains("Usage"),
            "{out}"
        );
    }
    assert_text(
        &env.fails(&["--lang", "zh", "list", "--bogus"], 2),
        "\
studyplan: 错误：不认识的参数 `--bogus`

用法：studyplan list [选项] [STAGE]

更多信息请运行 `studyplan list --help`
",
    );
}

#[test]
fn dates_typed_wrong_or_not_at_all_say_what_a_date_looks_like_in_chinese() {
    let env = TestEnv::new();
    for (args, command, option) in [
        (&["done", "1.1", "--on"][..], "done", "`--on <DATE>`"),
        (&["log", "--since"], "log", "`--since <DATE>`"),
    ] {
        let mut all = vec!["--lang", "zh"];
        all.extend(args);
        assert_text(
            &env.fails(&all, 2),
            &format!(
                "studyplan: 错误：{option} 需要一个日期，格式 YYYY-MM-DD（例如 2026-11-29）\n\n\
                 更多信息请运行 `studyplan {command} --help`\n"
            ),
        );
    }
    assert_text(
        &env.fails(&["--lang", "zh", "done", "1.1", "--on", "2026-02-30"], 2),
        "studyplan: 错误：`--on <DATE>` 的值无效：`2026-02-30` 不是 2026-11-29 这样的日期（YYYY-MM-DD）、`today`、`yesterday` 或 `-3`（3 天前）\n\n\
         更多信息请运行 `studyplan done --help`\n",
    );
    assert_text(
        &env.fails(&["--lang", "zh", "begin", "29/11/2026"], 2),
        "studyplan: 错误：`[DATE]` 的值无效：`29/11/2026` 不是 2026-11-29 这样的日期（YYYY-MM-DD）、`today`、`yesterday` 或 `-3`（3 天前）\n\n\
         更多信息请运行 `studyplan begin --help`\n",
    );
    // A choice option without its value still lists the choices.
    let err = env.fails(&["--lang", "zh", "list", "--state"], 2);
    assert!(
        err.starts_with("studyplan: 错误：`--state <STATE>` 需要一个值；可选的值：todo、in-progress、done、skipped\n"),
        "{err}"
    );
    assert!(env.store_bytes().is_none());
}

#[test]
fn help_lists_the_global_options_after_the_commands_own_in_chinese() {
    let env = TestEnv::new();
    assert_text(
        &env.ok(&["--lang", "zh", "done", "--help"]),
        "\
把主题标记为已完成

用法：studyplan done [选项] <TOPIC>...

参数：
  <TOPIC>...  用编号、位置（2.4）或标题中的一段文字指定主题；要么全部修改，要么都不改

选项：
      --on <DATE>  把这次修改记在更早的某一天，而不是今天：YYYY-MM-DD、yesterday 或 -N（N 天前）
  -h, --help       显示帮助
  -V, --version    显示版本

全局选项：
      --curriculum <FILE>  使用这个课程 YAML 文件，而不是内置的大模型学习路线 [环境变量：STUDYPLAN_CURRICULUM]
      --store <FILE>       把进度保存在这个文件里 [环境变量：STUDYPLAN_STORE] [默认：数据文件夹中的 studyplan/progress.jsonl]
      --lang <LANG>        界面语言：zh 或 en [默认：依次取 STUDYPLAN_LANG、系统区域设置，否则 en]
      --color <WHEN>       何时使用颜色：auto（输出到终端且未设置 NO_COLOR 时）、always 或 never [默认：auto]
      --border <STYLE>     表格线的画法：终端把框线字符画成两列宽时（中日韩语言环境的常见设置）用 ascii [默认：取 STUDYPLAN_BORDER，否则 unicode]
      --no-review          不复习：`review`、`today` 和 `status` 都不列出要复习的主题 [环境变量：STUDYPLAN_REVIEW=off]
",
    );
}

#[test]
fn where_speaks_chinese() {
    let env = TestEnv::new();
    let dir = env.dir.path().display().to_string();
    assert_text(
        &env.ok(&["--lang", "zh", "where"]),
        &format!(
            "\
进度文件：  {dir}/progress.jsonl（尚未创建）
锁文件：    {dir}/progress.jsonl.lock（尚未创建）
课程：      内置（llm-roadmap）；`studyplan curriculum export` 可打印它
缓存：      {dir}/.cache/studyplan（尚未创建）
"
        ),
    );
    // JSON keeps its keys in both languages.
    assert_eq!(
        env.ok(&["--lang", "zh", "where", "--json"]),
        env.ok(&["where", "--json"])
    );
}

#[test]
fn output_that_cannot_be_written_says_where_and_why_in_both_languages() {
    use std::os::unix::fs::FileTypeExt as _;
    let full = std::path::Path::new("/dev/full");
    if !std::fs::metadata(full).is_ok_and(|meta| meta.file_type().is_char_device()) {
        return;
    }
    let env = TestEnv::new();
    // Help and the version are output like any other; so is a change's confirmation, after the
    // change was recorded.
    for args in [
        &["list"][..],
        &["--help"],
        &["done", "--help"],
        &["-V"],
        &["done", "1.1"],
    ] {
        for (lang, message) in [
            (
                "en",
                "studyplan: error: cannot write the output to `/dev/full` (standard output): the \
                 disk is full; fix that or send the output elsewhere, then run the command again\n",
            ),
            (
                "zh",
                "studyplan: 错误：无法把输出写入 `/dev/full`（标准输出）：磁盘已满；请解决这个问题\
                 或把输出转到别处，然后重新运行命令\n",
            ),
        ] {
            let device = std::fs::OpenOptions::new().write(true).open(full).unwrap();
            let output = env
                .std_cmd()
                .args(["--lang", lang])
                .args(args)
                .stdout(device)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            assert_text(&stderr(&output), message);
        }
    }
}

/// Runs `args` in both languages, expecting `code`, and returns the two messages.
fn both(env: &TestEnv, args: &[&str], code: i32) -> (String, String) {
    let en = env.fails(args, code);
    let mut all = vec!["--lang", "zh"];
    all.extend(args);
    let zh = env.fails(&all, code);
    assert!(en.starts_with("studyplan: error: "), "{en}");
    assert!(zh.starts_with("studyplan: 错误："), "{zh}");
    (en, zh)
}

#[test]
fn topic_and_stage_errors_in_both_languages() {
    let env = TestEnv::new();
    let (en, zh) = both(&env, &["done", "embedings"], 2);
    assert_text(
        &en,
        "studyplan: error: unknown topic `embedings`; did you mean `embeddings`? (name a topic by \
         id, by position like `2.4`, or by a piece of its title; see `studyplan list`)\n",
    );
    assert_text(
        &zh,
        "studyplan: 错误：没有这个主题：`embedings`；你是不是想输入 `embeddings`？（可以用编号、\
         位置如 `2.4` 或标题中的一段文字指定主题；见 `studyplan list`）\n",
    );
    let (en, zh) = both(&env, &["done", "rag"], 2);
    assert!(
        en.contains("`rag` matches 5 topics:\n  2.1 why-rag  Why do RAG\n"),
        "{en}"
    );
    assert!(en.ends_with("name one by its id or position\n"), "{en}");
    assert!(
        zh.contains("`rag` 匹配到 5 个主题：\n  2.1 why-rag  为什么要做 RAG\n"),
        "{zh}"
    );
    assert!(zh.ends_with("请用编号或位置指定其中一个\n"), "{zh}");
    let (en, zh) = both(&env, &["list", "9"], 2);
    assert!(en.contains("unknown stage `9`"), "{en}");
    assert!(zh.contains("没有这个阶段：`9`"), "{zh}");
    assert_eq!(env.store_bytes(), None, "nothing written");
}

#[test]
fn curriculum_errors_in_both_languages() {
    let env = TestEnv::new();
    let missing = env.dir.path().join("missing.yaml").display().to_string();
    let (en, zh) = both(&env, &["--curriculum", &missing, "status"], 1);
    assert!(
        en.contains(&format!(
            "cannot read the curriculum `{missing}`: no such file or folder"
        )),
        "{en}"
    );
    assert!(
        zh.contains(&format!("无法读取课程文件 `{missing}`：文件或文件夹不存在")),
        "{zh}"
    );

    let broken = env.write("broken.yaml", "id: c\ntitle: C\nstages: [\n");
    let broken = broken.display().to_string();
    let (en, zh) = both(&env, &["--curriculum", &broken, "status"], 1);
    assert!(en.contains(&format!("{broken}:4:1: ")), "{en}");
    assert!(
        zh.contains(&format!("{broken}:4:1: YAML 语法有误：")),
        "{zh}"
    );

    let invalid = env.write(
        "invalid.yaml",
        "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\nstages:\n  - id: s\n    title: S\n    days: 0\n    topics: [{id: s, title: T}]\n",
    );
    let invalid = invalid.display().to_string();
    let (en, zh) = both(&env, &["--curriculum", &invalid, "list"], 1);
    assert_text(
        &en,
        &format!(
            "studyplan: error: the curriculum `{invalid}` has 2 problems:\n  \
             {invalid}:7:11: stage 1 (`s`): days is 0; it must be a positive number\n  \
             {invalid}:8:19: topic 1.1 (`s`): duplicate id `s`, already used by stage 1 (`s`)\n\
             fix them and check again with `studyplan curriculum check {invalid}`\n"
        ),
    );
    assert_text(
        &zh,
        &format!(
            "studyplan: 错误：课程 `{invalid}` 有 2 个问题：\n  \
             {invalid}:7:11: 第 1 阶段（`s`）：days 是 0；必须是正数\n  \
             {invalid}:8:19: 主题 1.1（`s`）：编号 `s` 重复，已被第 1 阶段（`s`）使用\n\
             改正后可用 `studyplan curriculum check {invalid}` 再检查\n"
        ),
    );
}

#[test]
fn store_and_environment_errors_in_both_languages() {
    let env = TestEnv::new();
    env.write("progress.yaml", "version: 1\nevents: [unclosed\n");
    let before = env.store_bytes();
    let (en, zh) = both(&env, &["status"], 1);
    assert!(
        en.contains("cannot read the progress store") && en.contains("the file was left as it is"),
        "{en}"
    );
    assert!(
        zh.contains("无法读取进度文件") && zh.contains("文件保持原样未动"),
        "{zh}"
    );
    let (en, zh) = both(&env, &["done", "1.1"], 1);
    assert!(en.contains("cannot read the progress store"), "{en}");
    assert!(zh.contains("无法读取进度文件"), "{zh}");
    assert_eq!(env.store_bytes(), before, "left byte for byte");

    env.write(
        "progress.yaml",
        "version: 1\nevents:\n- {at: 2026-11-29T09:00:00+08:00, plan: llm-roadmap, topic: why-rag, ch",
    );
    let (en, zh) = both(&env, &["done", "1.1"], 1);
    assert!(
        en.contains("its last line, line 3, stops in the middle"),
        "{en}"
    );
    assert!(zh.contains("最后一行（第 3 行）停在一条记录的中间"), "{zh}");

    let sound = "version: 1\nevents:\n- {at: 2026-11-29T09:00:00+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n";
    env.write("progress.yaml", format!("{sound}{}", "\0".repeat(40)));
    let before = env.store_bytes();
    let (en, zh) = both(&env, &["done", "1.1"], 1);
    let keep = sound.len();
    assert!(
        en.contains("it ends in 40 zero bytes after its last complete line")
            && en.contains(&format!("cut it to its first {keep} bytes")),
        "{en}"
    );
    assert!(
        zh.contains("以 40 个零字节结尾") && zh.contains(&format!("截到前 {keep} 个字节")),
        "{zh}"
    );
    assert_eq!(env.store_bytes(), before, "left byte for byte");

    env.write("progress.yaml", "version: 99\nevents: []\n");
    let (en, zh) = both(&env, &["status"], 1);
    assert!(
        en.contains("has version 99, but this studyplan reads only up to version 1"),
        "{en}"
    );
    assert!(
        zh.contains("的版本是 99，而这个 studyplan 最高只能读取版本 1"),
        "{zh}"
    );

    let fresh = TestEnv::new();
    let out = fresh
        .cmd()
        .env("STUDYPLAN_TODAY", "tomorrow")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(
        "STUDYPLAN_TODAY=`tomorrow` is not a date like 2026-11-29 (YYYY-MM-DD); fix or unset it"
    ));
    let out = fresh
        .cmd()
        .env("STUDYPLAN_TODAY", "tomorrow")
        .env("LANG", "zh_CN.UTF-8")
        .arg("status")
        .output()
        .unwrap();
    assert!(stderr(&out).contains(
        "STUDYPLAN_TODAY=`tomorrow` 不是 2026-11-29 这样的日期（YYYY-MM-DD）；请改正或删除它"
    ));

    // A language the variable names wrongly is reported in the locale's language.
    let out = fresh
        .cmd()
        .env("STUDYPLAN_LANG", "fr")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("STUDYPLAN_LANG=`fr` is not a language studyplan speaks; use `zh` or `en`")
    );
    let out = fresh
        .cmd()
        .env("STUDYPLAN_LANG", "fr")
        .env("LANG", "zh_CN.UTF-8")
        .arg("status")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("STUDYPLAN_LANG=`fr` 不是 studyplan 支持的语言"));
}

#[test]
fn a_store_folder_that_cannot_be_made_is_reported_in_both_languages() {
    let env = TestEnv::new();
    env.write("blocker", "a file where a folder should be");
    let store = env.dir.path().join("blocker").join("progress.yaml");
    let store = store.display().to_string();
    let (en, zh) = both(&env, &["--store", &store, "done", "1.1"], 1);
    assert!(en.contains("cannot create the store folder"), "{en}");
    assert!(zh.contains("无法创建进度文件夹"), "{zh}");
}

#[test]
fn calendar_note_and_store_path_errors_in_both_languages() {
    let env = TestEnv::new();
    let (en, zh) = both(&env, &["done", "1.1", "--on", "2026-12-25"], 1);
    assert!(
        en.contains("`2026-12-25` is in the future (today is 2026-11-29)"),
        "{en}"
    );
    assert!(
        zh.contains("`2026-12-25` 是将来的日期（今天是 2026-11-29）"),
        "{zh}"
    );
    env.ok(&["begin", "2026-11-20"]);
    let (en, zh) = both(&env, &["done", "1.1", "--on", "2026-11-01"], 1);
    assert!(
        en.contains("is before the plan's start on 2026-11-20"),
        "{en}"
    );
    assert!(zh.contains("早于计划的开始日期 2026-11-20"), "{zh}");
    let (en, zh) = both(&env, &["note", "1.1", " "], 2);
    assert!(en.contains("the note is empty"), "{en}");
    assert!(zh.contains("笔记是空的"), "{zh}");
    let folder = env.dir.path().display().to_string();
    let (en, zh) = both(&env, &["--store", &folder, "status"], 1);
    assert!(
        en.contains(&format!("the progress store `{folder}` is a folder")),
        "{en}"
    );
    assert!(
        zh.contains(&format!("进度文件 `{folder}` 是一个文件夹")),
        "{zh}"
    );
}

#[test]
fn a_circle_of_links_is_put_in_words_in_both_languages() {
    let env = TestEnv::new();
    std::os::unix::fs::symlink("l2", env.dir.path().join("l1")).unwrap();
    std::os::unix::fs::symlink("l1", env.dir.path().join("l2")).unwrap();
    let (en, zh) = both(&env, &["curriculum", "check", "l1"], 1);
    assert!(en.contains("its links lead round in a circle"), "{en}");
    assert!(zh.contains("它的符号链接绕成了一个圈"), "{zh}");
    assert!(!zh.contains("os error"), "{zh}");
    let (en, _) = both(&env, &["report", "-o", "l1"], 1);
    assert!(en.contains("its links lead round in a circle"), "{en}");
}

#[test]
fn the_chinese_man_page_has_no_english_notes_from_clap() {
    let env = TestEnv::new();
    let page = env.ok(&["--lang", "zh", "man"]);
    for english in ["[default:", "[env:", "[possible values:"] {
        assert!(!page.contains(english), "{english} in the zh man page");
    }
    assert!(
        page.contains("[默\\:认：\\:auto]"),
        "the --color default is said in Chinese"
    );
}
