//! `report`: the Markdown checklist, the CSV sheet and the JSON document, to stdout or a file.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{Test, TestEnv, assert_text, fixture, ok_on};
use serde_json::Value;

fn tiny() -> String {
    fixture("tiny.yaml").display().to_string()
}

/// A tiny-curriculum env: alpha and gamma done, delta in progress, epsilon skipped.
fn tiny_env() -> TestEnv {
    let env = TestEnv::new();
    let tiny = tiny();
    env.ok(&["--curriculum", &tiny, "done", "alpha", "gamma"]);
    env.ok(&["--curriculum", &tiny, "start", "delta"]);
    env.ok(&["--curriculum", &tiny, "skip", "epsilon"]);
    env
}

#[test]
fn markdown_is_a_checklist_under_stage_headings_with_the_summary_on_top() {
    let env = tiny_env();
    let tiny = tiny();
    assert_text(
        &env.ok(&["--curriculum", &tiny, "report"]),
        "\
# Tiny course

- **Overall:** 2/5 done (40.0%), 1 skipped; covered 60.0%
- **Readiness:** below the 60-80% band: 1 more topic to reach 60%
- **Next:** 2.1 delta  Delta
- **Date:** 2026-11-29

## 1. First stage (2 days; 2/3 done, 66.6%)

- [x] 1.1 Alpha `alpha` (done 2026-11-29)
- [ ] 1.2 Beta `beta`
- [x] 1.3 Gamma only `gamma` (done 2026-11-29)

## 2. Second stage (3 days; 0/2 done, 0.0%)

- [ ] 2.1 Delta `delta` (in progress since 2026-11-29)
- [ ] 2.2 ~~Epsilon~~ `epsilon` (skipped 2026-11-29)
",
    );
    assert_text(
        &env.ok(&[
            "--curriculum",
            &tiny,
            "--lang",
            "zh",
            "report",
            "--format",
            "markdown",
        ]),
        "\
# 小课程

- **总体：** 已完成 2/5（40.0%），跳过 1 个；已覆盖 60.0%
- **准备度：** 低于 60-80% 区间：再完成 1 个主题即可达到 60%
- **下一个：** 2.1 delta  丁
- **日期：** 2026-11-29

## 1. 第一阶段（2 天；已完成 2/3，66.6%）

- [x] 1.1 甲 `alpha`（2026-11-29 已完成）
- [ ] 1.2 乙 `beta`
- [x] 1.3 Gamma only `gamma`（2026-11-29 已完成）

## 2. 第二阶段（3 天；已完成 0/2，0.0%）

- [ ] 2.1 丁 `delta`（2026-11-29 起进行中）
- [ ] 2.2 ~~戊~~ `epsilon`（2026-11-29 已跳过）
",
    );
}

/// The ids of the `- [x]` lines of a Markdown report.
fn checked_ids(markdown: &str) -> BTreeSet<String> {
    markdown
        .lines()
        .filter(|line| line.starts_with("- [x] "))
        .filter_map(|line| line.split('`').nth(1).map(str::to_owned))
        .collect()
}

/// The ids `list --json` says are done.
fn done_ids(env: &TestEnv) -> BTreeSet<String> {
    let list: Value = serde_json::from_str(&env.ok(&["list", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter(|topic| topic["done"] == Value::Bool(true))
        .map(|topic| topic["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn markdown_round_trips_the_done_marks() {
    let env = TestEnv::new();
    env.ok(&[
        "done",
        "1.1",
        "1.10",
        "2.4",
        "3.1",
        "4.12",
        "prompt-attacks",
    ]);
    env.ok(&["start", "2.5"]);
    env.ok(&["skip", "4.1"]);
    env.ok(&["undo", "2.4"]);
    for lang in ["en", "zh"] {
        let report = env.ok(&["--lang", lang, "report"]);
        let checked = checked_ids(&report);
        assert_eq!(checked, done_ids(&env), "{report}");
        assert_eq!(checked.len(), 5);
        let items = report
            .lines()
            .filter(|line| line.starts_with("- ["))
            .count();
        assert_eq!(items, 41, "one checklist item per topic");
        assert_eq!(report.matches("\n## ").count(), 4, "one heading per stage");
    }
    // Marking one more shows up as one more [x].
    env.ok(&["done", "2.4"]);
    assert_eq!(checked_ids(&env.ok(&["report"])).len(), 6);
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_has_a_row_per_topic_and_opens_with_chinese_text() {
    let env = TestEnv::new();
    env.ok(&["done", "1.2", "2.4"]);
    env.ok(&["skip", "4.1"]);
    for lang in ["en", "zh"] {
        let output = env
            .cmd()
            .args(["--lang", lang, "report", "-f", "csv"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let bytes = output.stdout;
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "a UTF-8 byte-order mark for spreadsheets"
        );
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.ends_with("\r\n"), "CRLF line ends");
        let rows = parse_csv(&text);
        assert_eq!(
            rows[0],
            [
                "stage",
                "stage_id",
                "stage_title",
                "position",
                "topic_id",
                "title",
                "state",
                "since"
            ]
        );
        assert_eq!(rows.len(), 1 + 41, "a header and one row per topic");
        assert!(rows.iter().all(|row| row.len() == 8), "{rows:?}");
        let row = |id: &str| rows.iter().find(|row| row[4] == id).unwrap().clone();
        let smart = row("how-llms-get-smart");
        assert_eq!(
            (&smart[0][..], &smart[3][..], &smart[6][..], &smart[7][..]),
            ("1", "1.2", "done", "2026-11-29")
        );
        assert_eq!(row("hardware-selection")[6], "skipped");
        assert_eq!(row("core-mindset")[6..], ["todo", ""]);
        if lang == "zh" {
            assert_eq!(smart[2], "初阶应用");
            assert_eq!(smart[5], "大模型是怎样获得「智能」的？");
        } else {
            // A title with quotes survives the quoting.
            assert_eq!(smart[5], "How do large models acquire \"intelligence\"?");
            assert!(text.contains(",\"How do large models acquire \"\"intelligence\"\"?\","));
        }
    }
}

#[test]
fn json_is_the_status_object_plus_every_topic() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "2.2"]);
    for lang in ["en", "zh"] {
        let report: Value =
            serde_json::from_str(&env.ok(&["--lang", lang, "report", "--format", "json"])).unwrap();
        let mut status: Value =
            serde_json::from_str(&env.ok(&["--lang", lang, "status", "--json"])).unwrap();
        let topics: Value =
            serde_json::from_str(&env.ok(&["--lang", lang, "list", "--json"])).unwrap();
        assert_eq!(topics.as_array().map(Vec::len), Some(41));
        status
            .as_object_mut()
            .unwrap()
            .insert("topics".into(), topics);
        assert_eq!(report, status);
    }
    // The status keys come first, in their documented order, and `topics` last.
    let text = env.ok(&["report", "--format", "json"]);
    let order: Vec<usize> = [
        "\"curriculum\"",
        "\"overall\"",
        "\"stages\"",
        "\"next\"",
        "\"topics\"",
    ]
    .iter()
    .map(|key| text.find(key).unwrap())
    .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
}

#[test]
fn output_writes_the_same_report_to_a_file_and_leaves_nothing_else() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let folder = env.dir.path().join("out");
    fs::create_dir(&folder).unwrap();
    for (format, name) in [("markdown", "r.md"), ("csv", "r.csv"), ("json", "r.json")] {
        let path = folder.join(name);
        let path_text = path.display().to_string();
        let output = env
            .cmd()
            .args(["report", "-f", format, "-o", &path_text])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(output.stdout.is_empty(), "the report goes to the file only");
        let said = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            said,
            format!("studyplan: report written to `{path_text}`\n")
        );
        let expected = env
            .cmd()
            .args(["report", "-f", format])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(fs::read(&path).unwrap(), expected);
    }
    // Replacing a report replaces it whole.
    let md = folder.join("r.md");
    fs::write(&md, "old and much longer text ".repeat(1000)).unwrap();
    env.ok(&["report", "--output", &md.display().to_string()]);
    assert_eq!(fs::read_to_string(&md).unwrap(), env.ok(&["report"]));
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["r.csv", "r.json", "r.md"], "no temp files left");
}

#[test]
fn output_into_a_missing_folder_or_onto_a_folder_fails_clearly_and_writes_nothing() {
    let env = TestEnv::new();
    let missing = env.dir.path().join("nowhere").join("r.md");
    let missing_text = missing.display().to_string();
    let folder = env.dir.path().join("nowhere").display().to_string();
    let err = env.fails(&["report", "-o", &missing_text], 1);
    assert_text(
        &err,
        &format!(
            "studyplan: error: cannot write the report to `{missing_text}`: the folder `{folder}` \
             does not exist; create it first, or choose another --output\n"
        ),
    );
    let err = env.fails(&["--lang", "zh", "report", "-o", &missing_text], 1);
    assert_text(
        &err,
        &format!(
            "studyplan: 错误：无法把报告写入 `{missing_text}`：文件夹 `{folder}` 不存在；\
             请先创建它，或换一个 --output\n"
        ),
    );
    assert!(!env.dir.path().join("nowhere").exists());

    let dir = env.dir.path().join("a-folder");
    fs::create_dir(&dir).unwrap();
    let dir_text = dir.display().to_string();
    let err = env.fails(&["report", "-o", &dir_text], 1);
    assert!(err.contains("it is a folder, not a file"), "{err}");
    let err = env.fails(&["--lang", "zh", "report", "-o", &dir_text], 1);
    assert!(err.contains("这是一个文件夹，不是文件"), "{err}");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    // Reporting reads the store; it never creates it.
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn an_output_of_dash_is_stdout() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let output = env
        .cmd()
        .current_dir(env.dir.path())
        .args(["report", "--format", "csv", "--output", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let to_stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(to_stdout, env.ok(&["report", "--format", "csv"]));
    assert!(!env.dir.path().join("-").exists());
}

#[test]
fn a_report_is_never_written_over_the_store_its_lock_or_the_curriculum() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let curriculum = env.write("plan/my.yaml", fs::read(fixture("tiny.yaml")).unwrap());
    env.ok(&["--curriculum", "plan/my.yaml", "done", "alpha"]);
    let dir = env.dir.path();
    std::os::unix::fs::symlink(env.store(), dir.join("link.md")).unwrap();
    fs::hard_link(env.store(), dir.join("hard.md")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    let store_before = env.store_bytes().unwrap();
    let curriculum_before = fs::read(&curriculum).unwrap();
    let lock = format!("{}.lock", env.store().display());
    let lock_before = fs::read(&lock).unwrap();
    for (spelling, what) in [
        ("progress.jsonl", "the progress store"),
        ("./progress.jsonl", "the progress store"),
        ("sub/../progress.jsonl", "the progress store"),
        ("link.md", "the progress store"),
        ("hard.md", "the progress store"),
        (env.store().to_str().unwrap(), "the progress store"),
        ("progress.jsonl.lock", "lock file"),
        ("./sub/../progress.jsonl.lock", "lock file"),
        ("plan/my.yaml", "the curriculum in use"),
        ("plan/../plan/./my.yaml", "the curriculum in use"),
    ] {
        let err = env.fails(
            &[
                "--curriculum",
                "plan/my.yaml",
                "report",
                "-f",
                "markdown",
                "-o",
                spelling,
            ],
            2,
        );
        assert!(
            err.contains(&format!("cannot write the report to `{spelling}`")),
            "{err}"
        );
        assert!(err.contains(what), "{spelling}: {err}");
        assert!(err.contains("choose another --output"), "{err}");
        assert_eq!(env.store_bytes().unwrap(), store_before, "{spelling}");
        assert_eq!(
            fs::read(&curriculum).unwrap(),
            curriculum_before,
            "{spelling}"
        );
        assert_eq!(fs::read(&lock).unwrap(), lock_before, "{spelling}");
    }
    let err = env.fails(
        &[
            "--lang",
            "zh",
            "report",
            "-f",
            "csv",
            "-o",
            "progress.jsonl",
        ],
        2,
    );
    assert!(
        err.contains("不能把报告写入 `progress.jsonl`：它就是"),
        "{err}"
    );
    // A store that does not exist yet is protected too: a report there would be read as one.
    let fresh = TestEnv::new();
    let err = fresh.fails(&["report", "-f", "markdown", "-o", "progress.jsonl"], 2);
    assert!(err.contains("the progress store"), "{err}");
    assert_eq!(fresh.store_bytes(), None);
    // The store through a link: the link's target is what is protected.
    let linked = TestEnv::new();
    let real = linked.write("real/progress.jsonl", &store_before);
    std::os::unix::fs::symlink(&real, linked.store()).unwrap();
    let err = linked.fails(
        &["report", "-f", "markdown", "-o", "real/progress.jsonl"],
        2,
    );
    assert!(err.contains("the progress store"), "{err}");
    assert_eq!(fs::read(&real).unwrap(), store_before);
}

/// The files of a store besides the one it is named by: the version 1 file it reads in place
/// (`progress.yaml` beside `progress.jsonl`), and, for a store named by its version 1 name, the
/// version 2 file and the lock it stands for.
#[test]
fn a_report_is_never_written_over_the_files_a_store_name_stands_for() {
    let v1 = "version: 1\nevents:\n- {at: 2026-11-29T09:12:03+08:00, plan: llm-roadmap, topic: why-rag, change: done}\n";
    // A version 1 store not converted yet: its history is in `progress.yaml`.
    let env = Test::new().store(v1).args(&["status"]).run();
    let err = env.fails(&["report", "-f", "markdown", "-o", "progress.yaml"], 2);
    assert!(err.contains("the progress store"), "{err}");
    assert_eq!(env.store_bytes().unwrap(), v1.as_bytes());
    // No store yet: a report at `progress.yaml` would be read as one.
    let fresh = TestEnv::new();
    let err = fresh.fails(&["report", "-f", "markdown", "-o", "progress.yaml"], 2);
    assert!(err.contains("the progress store"), "{err}");
    assert_eq!(fresh.store_bytes(), None);
    // `--store progress.yaml` stands for `progress.jsonl`, which holds the history.
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let before = env.store_bytes().unwrap();
    for (output, what) in [
        ("progress.jsonl", "the progress store"),
        ("progress.jsonl.lock", "lock file"),
    ] {
        let err = env.fails(
            &[
                "--store",
                "progress.yaml",
                "report",
                "-f",
                "markdown",
                "-o",
                output,
            ],
            2,
        );
        assert!(err.contains(what), "{output}: {err}");
        assert_eq!(env.store_bytes().unwrap(), before, "{output}");
    }
}

#[test]
fn a_report_goes_through_a_link_and_into_a_pipe_and_never_replaces_them() {
    use std::os::unix::fs::FileTypeExt as _;
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let expected = env.ok(&["report"]);
    let dir = env.dir.path();
    fs::create_dir(dir.join("reports")).unwrap();
    // A link to a file, and a link to one not made yet: both are written through.
    fs::write(dir.join("reports/old.md"), "old").unwrap();
    std::os::unix::fs::symlink("reports/old.md", dir.join("latest.md")).unwrap();
    std::os::unix::fs::symlink("reports/new.md", dir.join("next.md")).unwrap();
    for link in ["latest.md", "next.md"] {
        env.ok(&["report", "-o", link]);
        assert!(
            fs::symlink_metadata(dir.join(link))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(dir.join(link)).unwrap(), expected);
    }
    assert_eq!(
        fs::read_to_string(dir.join("reports/new.md")).unwrap(),
        expected
    );
    // A character device is written to, not replaced.
    env.ok(&["report", "-o", "/dev/null"]);
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let err = env.fails(&["report", "-o", "/dev/full"], 1);
    assert!(
        err.contains("cannot write the report to `/dev/full`"),
        "{err}"
    );
    assert!(
        fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A pipe gets the report as a stream.
    let fifo = dir.join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success(),
        "mkfifo"
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    env.ok(&["report", "-o", "pipe.md"]);
    assert_eq!(reader.join().unwrap(), expected);
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let names: BTreeSet<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|name| name.contains(".tmp.")),
        "{names:?}"
    );
}

#[test]
fn a_read_only_report_file_is_refused_and_left_alone() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::new();
    let path = env.write("r.md", "keep me");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    // Refused by its mode, even as root, who could write it.
    let err = env.fails(&["report", "-o", "r.md"], 1);
    assert!(
        err.contains("cannot write the report to `r.md`: permission denied"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
}

#[test]
fn the_format_comes_from_the_file_name_and_a_contradiction_is_refused() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    for (name, format) in [
        ("p.csv", "csv"),
        ("p.json", "json"),
        ("p.md", "markdown"),
        ("P.MARKDOWN", "markdown"),
        ("p.txt", "markdown"),
        ("p", "markdown"),
        ("p.html", "html"),
        ("p.HTM", "html"),
        ("p.svg", "svg"),
    ] {
        env.ok(&["report", "-o", name]);
        assert_eq!(
            fs::read_to_string(env.dir.path().join(name)).unwrap(),
            env.ok(&["report", "-f", format]),
            "{name}"
        );
    }
    let err = env.fails(&["report", "-f", "csv", "-o", "q.md"], 2);
    assert_text(
        &err,
        "studyplan: error: `--format csv` does not match the file name `q.md`, which says \
         markdown; drop --format to write markdown, or give the file a name that fits\n",
    );
    let err = env.fails(&["--lang", "zh", "report", "-f", "json", "-o", "q.csv"], 2);
    assert!(
        err.contains("`--format json` 与文件名 `q.csv` 不符"),
        "{err}"
    );
    let err = env.fails(&["report", "-f", "svg", "-o", "q.html"], 2);
    assert!(
        err.contains("`--format svg` does not match the file name `q.html`, which says html"),
        "{err}"
    );
    let err = env.fails(&["report", "-o", "q.pdf"], 2);
    assert_text(
        &err,
        "studyplan: error: cannot tell the report's format from the file name `q.pdf`: `.pdf` \
         is none of .md, .csv, .json, .html or .svg; add --format markdown, csv, json, html or \
         svg\n",
    );
    let err = env.fails(&["--lang", "zh", "report", "-o", "q.pdf"], 2);
    assert!(err.contains("无法从文件名 `q.pdf` 判断报告格式"), "{err}");
    assert!(!env.dir.path().join("q.md").exists() && !env.dir.path().join("q.html").exists());
    env.ok(&["report", "-f", "csv", "-o", "q.pdf.csv"]);
}

#[test]
fn a_report_to_standard_output_by_name_goes_down_the_pipe() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    for name in ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"] {
        if !Path::new(name).exists() {
            continue;
        }
        let out = env.ok(&["report", "--format", "csv", "-o", name]);
        assert!(out.contains("what-llms-can-do"), "{name}: {out}");
    }
}

#[test]
fn md_names_the_markdown_format_as_its_extension_does() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    assert_eq!(
        env.ok(&["report", "--format", "md"]),
        env.ok(&["report", "--format", "markdown"])
    );
}

/// A plan over days: begun 2026-11-01, topics done, skipped and started on days of their own,
/// and a note with characters HTML and Markdown treat as their own.
fn dated_env() -> TestEnv {
    let env = TestEnv::new();
    ok_on(&env, "2026-11-01", &["begin", "2026-11-01"]);
    ok_on(&env, "2026-11-03", &["done", "1.1", "1.2"]);
    ok_on(&env, "2026-11-05", &["done", "1.3"]);
    ok_on(&env, "2026-11-06", &["skip", "1.4"]);
    ok_on(&env, "2026-11-08", &["start", "1.5"]);
    ok_on(&env, "2026-11-08", &["note", "1.5", NOTE]);
    env
}

const NOTE: &str = "<b>R&D</b> \"quotes\" *stars*\n第二行";

/// The page read as XML: it is written to be well-formed, so any slip in its markup fails here.
fn parse(page: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(page, options).expect("well-formed page")
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("{name} on {node:?}"))
}

/// A count's attributes as the numbers `status --json` has for it.
fn counts_of(node: roxmltree::Node) -> Value {
    let number = |name: &str| attr(node, name).parse::<f64>().expect(name);
    serde_json::json!({
        "done": number("data-done"),
        "in_progress": number("data-in-progress"),
        "skipped": number("data-skipped"),
        "total": number("data-total"),
        "percent": number("data-percent"),
    })
}

fn counts_in(json: &Value) -> Value {
    let number = |key: &str| json[key].as_f64().expect(key);
    serde_json::json!({
        "done": number("done"),
        "in_progress": number("in_progress"),
        "skipped": number("skipped"),
        "total": number("total"),
        "percent": number("percent"),
    })
}

#[test]
fn the_html_page_is_well_formed_and_its_numbers_are_those_of_status() {
    let env = dated_env();
    for (lang, tag) in [("en", "en"), ("zh", "zh-CN")] {
        let page = ok_on(
            &env,
            "2026-11-10",
            &["--lang", lang, "report", "-f", "html"],
        );
        let status = crate::common::json(&ok_on(
            &env,
            "2026-11-10",
            &["--lang", lang, "status", "--json"],
        ));
        let topics = crate::common::json(&ok_on(
            &env,
            "2026-11-10",
            &["--lang", lang, "list", "--json"],
        ));
        let doc = parse(&page);
        let root = doc.root_element();
        assert_eq!((root.tag_name().name(), attr(root, "lang")), ("html", tag));
        // Everything inline: nothing fetched from anywhere.
        for outside in ["<script", "http", "url(", "@import", "<link"] {
            assert!(!page.contains(outside), "{lang}: {outside}");
        }
        let all: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
        let find = |pred: &dyn Fn(&roxmltree::Node) -> bool| -> Vec<roxmltree::Node> {
            all.iter().copied().filter(|n| pred(n)).collect()
        };
        let h1 = find(&|n| n.has_tag_name("h1"));
        assert_eq!(h1[0].text(), status["curriculum"]["title"].as_str());
        let verdict = find(&|n| n.attribute("data-readiness").is_some());
        assert_eq!(
            attr(verdict[0], "data-readiness"),
            status["overall"]["readiness"].as_str().unwrap()
        );
        let overall = find(&|n| n.has_tag_name("dd") && n.attribute("data-done").is_some());
        assert_eq!(overall.len(), 1, "{lang}");
        assert_eq!(counts_of(overall[0]), counts_in(&status["overall"]));
        let stages = find(&|n| n.attribute("data-stage").is_some());
        let expected = status["stages"].as_array().unwrap();
        assert_eq!(stages.len(), expected.len());
        for (node, stage) in stages.iter().zip(expected) {
            assert_eq!(attr(*node, "data-stage"), stage["id"].as_str().unwrap());
            assert_eq!(counts_of(*node), counts_in(stage), "{lang}");
        }
        let listed = find(&|n| n.attribute("data-topic").is_some());
        let expected = topics.as_array().unwrap();
        assert_eq!(listed.len(), expected.len());
        for (node, topic) in listed.iter().zip(expected) {
            assert_eq!(attr(*node, "data-topic"), topic["id"].as_str().unwrap());
            assert_eq!(attr(*node, "data-state"), topic["state"].as_str().unwrap());
        }
        // The burn-up's done line ends at today's count: 3 of 41 topics, in a plot from 40
        // (100%) to 292 (0%).
        let done = find(&|n| n.has_tag_name("polyline") && n.attribute("class") == Some("done"));
        let last = attr(done[0], "points").rsplit(' ').next().unwrap();
        let y: f64 = last.split_once(',').unwrap().1.parse().unwrap();
        let want = 292.0 - 3.0 / 41.0 * 252.0;
        assert!((y - want).abs() < 0.06, "{lang}: {y} against {want}");
        // Topics were skipped, so the done-or-skipped line is drawn too, and named in the
        // legend, which the page gives as text beside the chart.
        assert_eq!(
            find(&|n| n.has_tag_name("polyline") && n.attribute("class") == Some("covered")).len(),
            1
        );
        let legend = find(&|n| n.has_tag_name("ul") && n.attribute("class") == Some("legend"));
        let keys = legend[0]
            .children()
            .filter(|n| n.has_tag_name("li"))
            .count();
        assert_eq!(keys, 4, "{lang}");
        // The study days: the 3rd, 5th and 8th (the 6th's skip is no study).
        let studied = find(&|n| {
            n.has_tag_name("rect")
                && n.attribute("class").is_some_and(|c| c != "l0")
                && n.first_element_child().is_some()
        });
        let days: Vec<&str> = studied
            .iter()
            .filter_map(|n| n.first_element_child()?.text())
            .map(|title| &title[..10])
            .collect();
        assert_eq!(days, ["2026-11-03", "2026-11-05", "2026-11-08"], "{lang}");
    }
}

#[test]
fn notes_show_in_the_page_and_the_checklist_only_when_asked() {
    let env = dated_env();
    let page = env.ok(&["report", "-f", "html"]);
    assert!(!page.contains("R&amp;D") && !page.contains("第二行"));
    let page = env.ok(&["report", "-f", "html", "--notes"]);
    parse(&page);
    assert!(page.contains(
        "<ul class=\"notes\"><li><time datetime=\"2026-11-08\">2026-11-08</time> \
         &lt;b&gt;R&amp;D&lt;/b&gt; &quot;quotes&quot; *stars*\n第二行</li></ul>"
    ));
    let markdown = env.ok(&["report", "--notes"]);
    assert!(
        markdown.contains(
            "- [ ] 1.5 Technical architecture of LLM applications `technical-architecture` \
             (in progress since 2026-11-08)\n  - 2026-11-08: \\<b\\>R&D\\</b\\> \"quotes\" \
             \\*stars\\*  \n    第二行\n- [ ] 1.6"
        ),
        "{markdown}"
    );
    assert!(!env.ok(&["report"]).contains("第二行"));
}

#[test]
fn notes_in_a_format_without_room_for_them_are_refused() {
    let env = dated_env();
    let before = env.store_bytes();
    for format in ["csv", "json", "svg"] {
        let err = env.fails(&["report", "-f", format, "--notes"], 2);
        assert_text(
            &err,
            &format!(
                "studyplan: error: the {format} report has no place for notes: --notes goes \
                 with --format html or markdown\n"
            ),
        );
    }
    let err = env.fails(&["--lang", "zh", "report", "-o", "r.csv", "--notes"], 2);
    assert!(err.contains("csv 报告里没有放笔记的地方"), "{err}");
    assert!(!env.dir.path().join("r.csv").exists());
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn the_svg_is_the_burn_up_alone_and_stands_on_its_own() {
    let env = dated_env();
    ok_on(&env, "2026-11-10", &["report", "-o", "chart.svg"]);
    let svg = fs::read_to_string(env.dir.path().join("chart.svg")).unwrap();
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!((attr(root, "width"), attr(root, "height")), ("640", "320"));
    assert!(svg.contains("<style>") && !svg.contains("heatmap"));
    assert_eq!(svg.matches("<polyline").count(), 3);
    // The same chart as the page's, but for what makes it stand alone.
    let page = ok_on(&env, "2026-11-10", &["report", "-f", "html"]);
    let inline = &page[page.find("<svg class=\"burn-up\"").unwrap()..];
    let inline = &inline[..inline.find("</svg>").unwrap()];
    let lines_of = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| {
                line.starts_with("<polyline") || line.starts_with("<rect class=\"band\"")
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(lines_of(&svg), lines_of(inline));
}

#[test]
fn before_the_plan_starts_the_chart_says_how_to_start_it() {
    let env = TestEnv::new();
    let svg = env.ok(&["report", "-f", "svg"]);
    parse(&svg);
    assert!(svg.contains("The plan has not started yet"), "{svg}");
    assert!(!svg.contains("<polyline"));
    let page = env.ok(&["--lang", "zh", "report", "-f", "html"]);
    parse(&page);
    assert!(page.contains("计划尚未开始"));
    assert!(env.store_bytes().is_none(), "a report wrote a store");
    // The sentence is broken into lines that fit the chart.
    let lines: Vec<&str> = svg.lines().filter(|l| l.starts_with("<text")).collect();
    assert!(lines.len() >= 2, "{svg}");
    // A planned start: the chart waits for that day.
    env.ok(&["begin", "2027-01-01"]);
    let svg = env.ok(&["report", "-f", "svg"]);
    assert!(
        svg.contains(">The plan starts on 2027-01-01: the chart begins then.</text>"),
        "{svg}"
    );
}

#[test]
fn text_xml_forbids_still_makes_a_well_formed_page() {
    let env = dated_env();
    ok_on(
        &env,
        "2026-11-09",
        &["note", "1.5", "a\u{ffff}b\u{fffe}\u{7}c\r\nnext"],
    );
    let page = env.ok(&["report", "-f", "html", "--notes"]);
    parse(&page);
    assert!(page.contains("a\\u{ffff}b\\u{fffe}\\u{7}c\nnext"), "{page}");
}
