//! Tables that line up and fit: equal display width on every line in Chinese and English, no
//! line wider than `COLUMNS`, and colour only when asked for.

use std::fs;

use crate::common::{Test, TestEnv, assert_text, fixture};
use unicode_width::UnicodeWidthStr;

/// Display width as a terminal shows it, escape codes left out.
fn width(line: &str) -> usize {
    strip_escapes(line).width()
}

fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The lines that belong to a table: they start with a border character.
fn table_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| strip_escapes(line).starts_with(['╭', '│', '╞', '├', '╰']))
        .collect()
}

#[track_caller]
fn assert_lines_up(text: &str) {
    let lines = table_lines(text);
    assert!(lines.len() >= 3, "no table in:\n{text}");
    let first = width(lines[0]);
    for line in &lines {
        assert_eq!(
            width(line),
            first,
            "a line of another width:\n{line}\nin:\n{text}"
        );
    }
}

/// An env with progress on several topics, some with long Chinese and English titles.
fn env_with_progress() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "1.2", "2.4", "4.9"]);
    env.ok(&["start", "3.5"]);
    env.ok(&["skip", "4.1"]);
    env
}

/// Every command that draws a table, as arguments.
fn table_commands(env: &TestEnv) -> Vec<Vec<String>> {
    // A relative path, so the file name line fits the narrowest width wherever the repo lives.
    let tiny = fs::read(fixture("tiny.yaml")).expect("fixture");
    env.write("tiny.yaml", tiny);
    vec![
        vec!["status".into()],
        vec!["list".into()],
        vec!["list".into(), "4".into()],
        vec!["curricula".into()],
        vec!["curriculum".into(), "check".into(), "tiny.yaml".into()],
    ]
}

#[test]
fn every_table_line_has_the_same_display_width_in_both_languages() {
    let env = env_with_progress();
    for args in table_commands(&env) {
        for lang in ["zh", "en"] {
            let mut all: Vec<&str> = vec!["--lang", lang];
            all.extend(args.iter().map(String::as_str));
            let out = env.ok(&all);
            assert_lines_up(&out);
        }
    }
}

#[test]
fn chinese_titles_are_double_width_and_still_line_up() {
    let env = env_with_progress();
    let out = env.ok(&["--lang", "zh", "list", "1"]);
    // The row of 1.2 holds 「智能」 and full-width punctuation; it is as wide as the border.
    let row = out
        .lines()
        .find(|line| line.contains("how-llms-get-smart"))
        .expect("row of 1.2");
    assert!(row.contains("大模型是怎样获得「智能」的？"), "{out}");
    assert_eq!(width(row), width(out.lines().next().unwrap_or_default()));
}

#[test]
fn at_60_columns_no_line_is_wider_than_60_and_titles_wrap_inside_their_column() {
    let env = env_with_progress();
    for args in table_commands(&env) {
        for lang in ["zh", "en"] {
            let mut all: Vec<&str> = vec!["--lang", lang];
            all.extend(args.iter().map(String::as_str));
            let output = env.cmd().env("COLUMNS", "60").args(&all).output().unwrap();
            assert!(output.status.success(), "{all:?}");
            let out = String::from_utf8(output.stdout).unwrap();
            for line in out.lines() {
                assert!(
                    width(line) <= 60,
                    "{all:?}: {} wide:\n{line}\n{out}",
                    width(line)
                );
            }
            assert_lines_up(&out);
        }
    }
    // A long title is cut into several lines of one row, inside the table.
    let output = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["list", "4"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    let rows = table_lines(&out);
    let start = rows
        .iter()
        .position(|line| line.contains("aliyun-private"))
        .expect("row of 4.9");
    assert!(rows[start].contains("Case"), "{out}");
    assert!(rows[start + 1].contains("study:"), "{out}");
    assert!(rows[start + 1].starts_with("│     ┆      ┆"), "{out}");
}

#[test]
fn narrow_lists_keep_marks_positions_ids_and_titles() {
    let env = env_with_progress();
    let output = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["list", "1"])
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    // 1.9's id, instruction-tuning-method, is the widest: the Id column is as wide, whole.
    let expected = "\
╭─────┬──────┬───────────────────────────┬─────────────────╮
│     ┆ #    ┆ Id                        ┆ Title           │
╞═════╪══════╪═══════════════════════════╪═════════════════╡
│     ┆ 1    ┆ applied-basics            ┆ Stage 1:        │
│     ┆      ┆                           ┆ Applied basics  │
│ [x] ┆ 1.1  ┆ what-llms-can-do          ┆ What can        │
│     ┆      ┆                           ┆ large-model AI  │
│     ┆      ┆                           ┆ do?             │
│ [x] ┆ 1.2  ┆ how-llms-get-smart        ┆ How do large    │
│     ┆      ┆                           ┆ models acquire  │
│     ┆      ┆                           ┆ \"intelligence\"? │
";
    assert_text(&out[..expected.len().min(out.len())], expected);
}

#[test]
fn piped_output_is_not_wrapped_to_a_tiny_width() {
    let env = env_with_progress();
    // No COLUMNS and stdout is a pipe: the fixed width of 120 applies, whatever the window.
    let out = env.ok(&["list"]);
    let rows = table_lines(&out);
    assert_eq!(width(rows[0]), 120, "{out}");
    let wide = env
        .cmd()
        .env("COLUMNS", "120")
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.as_bytes(), wide.stdout);
    // Most titles fit on one line: 41 topics, 4 stage rows, 4 border lines, a few wrapped titles.
    assert!(rows.len() < 41 + 4 + 4 + 12, "{out}");
}

#[test]
fn bars_and_marks_read_without_colour() {
    let env = env_with_progress();
    let status = env.ok(&["status"]);
    let stage_one = status
        .lines()
        .find(|line| line.contains("Applied basics"))
        .expect("stage 1 row");
    assert!(stage_one.contains("###-----------------"), "{status}");
    let list = env.ok(&["list"]);
    for (id, mark) in [
        ("what-llms-can-do", "[x]"),
        ("handwritten-neural-net", "[~]"),
        ("hardware-selection", "[-]"),
        ("core-mindset", "[ ]"),
    ] {
        let row = list.lines().find(|line| line.contains(id)).expect(id);
        assert!(row.starts_with(&format!("│ {mark} ")), "{row}");
    }
}

#[test]
fn no_escape_codes_with_no_color_or_when_piped() {
    let env = env_with_progress();
    let commands: [&[&str]; 4] = [&["status"], &["list"], &["curricula"], &["done", "1.1"]];
    for args in commands {
        // NO_COLOR=1, as the test env sets it, even with a terminal-like COLUMNS.
        let out = env.cmd().env("COLUMNS", "100").args(args).output().unwrap();
        assert!(!out.stdout.contains(&0x1b), "{args:?} with NO_COLOR");
        // Piped under auto with NO_COLOR unset.
        let out = env
            .cmd()
            .env_remove("NO_COLOR")
            .args(args)
            .args(["--color", "auto"])
            .output()
            .unwrap();
        assert!(!out.stdout.contains(&0x1b), "{args:?} piped under auto");
        let out = env
            .cmd()
            .args(args)
            .args(["--color", "never"])
            .output()
            .unwrap();
        assert!(!out.stdout.contains(&0x1b), "{args:?} with --color never");
    }
}

#[test]
fn color_always_colours_the_words_that_carry_the_meaning() {
    let env = env_with_progress();
    for lang in ["en", "zh"] {
        let status = env.ok(&["--color", "always", "--lang", lang, "status"]);
        assert!(status.contains("\u{1b}["), "{status}");
        // The verdict is coloured, and its words are the same as without colour.
        let plain = env.ok(&["--lang", lang, "status"]);
        assert_eq!(strip_escapes(&status), plain);
        assert_lines_up(&status);
        // Global: after the subcommand too.
        let list = env.ok(&["--lang", lang, "list", "--color", "always"]);
        let done_row = list
            .lines()
            .find(|line| line.contains("what-llms-can-do"))
            .expect("row");
        assert!(done_row.contains("\u{1b}["), "{done_row}");
        assert_eq!(strip_escapes(&list), env.ok(&["--lang", lang, "list"]));
    }
}

/// The output of `args` at a terminal `columns` wide; it must succeed.
fn at_columns(env: &TestEnv, columns: usize, args: &[&str]) -> String {
    let output = env
        .cmd()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Each table command in each language, at each width: the arguments and the output.
fn each_table_at(env: &TestEnv, widths: &[usize], mut check: impl FnMut(usize, &[&str], &str)) {
    for &columns in widths {
        for args in table_commands(env) {
            for lang in ["zh", "en"] {
                let mut all: Vec<&str> = vec!["--lang", lang];
                all.extend(args.iter().map(String::as_str));
                check(columns, &all, &at_columns(env, columns, &all));
            }
        }
    }
}

#[test]
fn narrower_and_wider_terminals_fit_too() {
    let env = env_with_progress();
    each_table_at(&env, &[40, 50, 72, 80, 100], |columns, all, out| {
        for line in out.lines() {
            assert!(width(line) <= columns, "{columns} {all:?}:\n{out}");
        }
        // Narrower, a table that would have to break a number or an id is a list of blocks.
        if columns >= 72 || !table_lines(out).is_empty() {
            assert_lines_up(out);
        }
    });
}

#[test]
fn below_forty_columns_each_row_is_a_block_of_labelled_lines() {
    let env = env_with_progress();
    each_table_at(&env, &[20, 30, 39], |columns, all, out| {
        for line in out.lines() {
            // An id is never cut: one wider than the line has a line of its own.
            let one_word = !line.trim().contains(' ');
            assert!(
                width(line) <= columns || one_word,
                "{columns} {all:?}: {line:?}\n{out}"
            );
            assert!(!line.contains('│'), "{columns} {all:?}: {line:?}\n{out}");
        }
    });
    let out = at_columns(&env, 30, &["list", "1"]);
    assert!(
        out.starts_with("#:      1\nId:     applied-basics\nTitle:  Stage 1: Applied\n        basics\n\n[x]\n#:      1.1\nId:     what-llms-can-do\nTitle:  What can large-model\n        AI do?\n"),
        "{out}"
    );
    let zh = at_columns(&env, 30, &["--lang", "zh", "status"]);
    assert!(zh.contains("\n阶段：      初阶应用\n"), "{zh}");
}

#[test]
fn text_beside_the_tables_wraps_on_a_terminal_width_and_stays_whole_when_piped() {
    let env = env_with_progress();
    let note = "a long note about the training data and how the model learns from it over time, \
                written to be wider than sixty columns";
    env.ok(&["note", "1.2", note]);
    for args in [&["show", "1.2"][..], &["log"], &["next"], &["status"]] {
        for lang in ["zh", "en"] {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let output = env.cmd().env("COLUMNS", "60").args(&all).output().unwrap();
            assert!(output.status.success(), "{all:?}");
            let out = String::from_utf8(output.stdout).unwrap();
            for line in out.lines() {
                assert!(width(line) <= 60, "{all:?}:\n{out}");
            }
            // Wrapping moves words to new lines and loses none.
            let piped = env.ok(&all);
            let words =
                |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
            if !args.contains(&"status") {
                assert_eq!(words(&out), words(&piped), "{all:?}");
            }
        }
    }
    // Piped, with no COLUMNS, the note stays on one line.
    let piped = env.ok(&["show", "1.2"]);
    assert!(piped.lines().any(|line| line.ends_with(note)), "{piped}");
}

/// A curriculum of `n` topics in one stage, written into `env`.
fn big_curriculum(env: &TestEnv, n: usize) -> String {
    let mut yaml = String::from(
        "id: big\ntitle: Big course\nband: { low: 0.6, high: 0.7 }\nstages:\n  - id: only\n    title: Only stage\n    days: 30\n    topics:\n",
    );
    for t in 1..=n {
        yaml.push_str(&format!("      - {{ id: topic-{t}, title: Topic {t} }}\n"));
    }
    env.write("big.yaml", yaml);
    "big.yaml".to_owned()
}

#[test]
fn a_share_too_small_for_a_tenth_shows_as_less_than_a_tenth_never_as_nothing() {
    let env = TestEnv::new();
    let big = big_curriculum(&env, 1001);
    let done = env.ok(&["--curriculum", &big, "done", "topic-1"]);
    assert!(done.contains("1/1001 (<0.1%)"), "{done}");
    for lang in ["en", "zh"] {
        let args = |more: &[&str]| -> Vec<String> {
            ["--curriculum", &big, "--lang", lang]
                .iter()
                .chain(more)
                .map(|word| word.to_string())
                .collect()
        };
        let run = |more: &[&str]| {
            let all = args(more);
            env.ok(&all.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let status = run(&["status"]);
        let row = status
            .lines()
            .find(|line| line.contains("1/1001"))
            .expect("row");
        assert!(row.contains("<0.1%"), "{status}");
        assert!(!status.contains("0.0%"), "{status}");
        assert!(run(&["curricula"]).contains("1/1001 (<0.1%)"));
        let report = run(&["report"]);
        assert!(
            report.contains("<0.1%") && !report.contains("0.0%"),
            "{report}"
        );
    }
    // JSON keeps the number itself.
    let json = env.ok(&["--curriculum", &big, "status", "--json"]);
    assert!(json.contains("\"percent\": 0.0999000999000999"), "{json}");
    // Rounded down, never up: 1000 of 1001 is not yet 100%.
    let mut all = vec!["--curriculum", big.as_str(), "done"];
    let ids: Vec<String> = (2..=1000).map(|t| format!("topic-{t}")).collect();
    all.extend(ids.iter().map(String::as_str));
    let done = env.ok(&all);
    assert!(done.contains("1000/1001 (99.9%)"), "{done}");
}

/// Whether `token` stands whole on one line of `out`, not cut and not inside a longer word.
fn whole_on_a_line(out: &str, token: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    out.lines().any(|line| {
        line.match_indices(token).any(|(at, _)| {
            !part(line[..at].chars().next_back()) && !part(line[at + token.len()..].chars().next())
        })
    })
}

/// The runs of `#` and `-` at least four long: the progress bars.
fn bars(out: &str) -> Vec<usize> {
    out.lines()
        .flat_map(|line| line.split(|c| c != '#' && c != '-'))
        .map(str::len)
        .filter(|&n| n >= 4)
        .collect()
}

/// `part` of `total` as studyplan shows it: rounded down to a tenth.
fn percent(part: u64, total: u64) -> String {
    let tenths = part * 1000 / total;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[test]
fn at_every_width_from_40_to_120_no_line_overflows_and_no_id_number_or_bar_is_split() {
    let env = env_with_progress();
    // A complete stage: the widest counts and percentages, 11/11 and 100.0%.
    env.ok(&[
        "done", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11",
    ]);
    let json =
        |args: &[&str]| -> serde_json::Value { serde_json::from_str(&env.ok(args)).expect("json") };
    let status = json(&["status", "--json"]);
    let mut stage_tokens: Vec<String> = Vec::new();
    for stage in status["stages"].as_array().expect("stages") {
        let (done, total) = (
            stage["done"].as_u64().unwrap(),
            stage["total"].as_u64().unwrap(),
        );
        stage_tokens.push(format!("{done}/{total}"));
        stage_tokens.push(percent(done, total));
    }
    assert!(stage_tokens.contains(&"100.0%".to_owned()));
    let topic_tokens = |args: &[&str]| -> Vec<String> {
        let listed = json(args);
        let mut tokens = Vec::new();
        for topic in listed.as_array().expect("topics") {
            for key in ["id", "position"] {
                if let Some(value) = topic[key].as_str() {
                    tokens.push(value.to_owned());
                }
            }
        }
        tokens
    };
    let list_tokens = topic_tokens(&["list", "--json"]);
    let stage_four_tokens = topic_tokens(&["list", "4", "--json"]);
    assert!(list_tokens.contains(&"deploy-open-source-llm-project".to_owned()));
    let plan_tokens = vec!["llm-roadmap".to_owned(), "13/41 (31.7%)".to_owned()];
    let check_tokens = vec!["first".to_owned(), "second".to_owned()];
    each_table_at(
        &env,
        &(40..=120).collect::<Vec<_>>(),
        |columns, all, out| {
            for line in out.lines() {
                assert!(width(line) <= columns, "{columns} {all:?}: {line:?}\n{out}");
            }
            let tokens = match all[2..] {
                ["status"] => &stage_tokens,
                ["list"] => &list_tokens,
                ["list", "4"] => &stage_four_tokens,
                ["curricula"] => &plan_tokens,
                _ => &check_tokens,
            };
            for token in tokens {
                assert!(
                    whole_on_a_line(out, token),
                    "{columns} {all:?}: `{token}` split\n{out}"
                );
            }
            // Dates, where the date column is shown.
            if all[2] == "list" && (out.contains("Since") || out.contains("日期")) {
                assert!(
                    whole_on_a_line(out, crate::common::TODAY),
                    "{columns} {all:?}\n{out}"
                );
                assert!(!out.lines().any(|line| line.ends_with("2026-11-")), "{out}");
            }
            if all[2] == "status" {
                let bars = bars(out);
                assert_eq!(bars.len(), 4, "{columns} {all:?}: bars {bars:?}\n{out}");
                assert!(
                    bars.iter().all(|n| [5, 10, 20].contains(n)),
                    "{columns} {all:?}: a bar is split {bars:?}\n{out}"
                );
            }
        },
    );
}

#[test]
fn in_blocks_an_id_that_misses_the_room_beside_its_label_takes_a_line_of_its_own_whole() {
    let env = env_with_progress();
    let listed: serde_json::Value =
        serde_json::from_str(&env.ok(&["list", "4", "--json"])).expect("json");
    let ids: Vec<&str> = listed
        .as_array()
        .expect("topics")
        .iter()
        .filter_map(|topic| topic["id"].as_str())
        .collect();
    for columns in 20..40 {
        for lang in ["en", "zh"] {
            let out = at_columns(&env, columns, &["--lang", lang, "list", "4"]);
            for id in ids.iter().filter(|id| id.len() <= columns) {
                assert!(
                    whole_on_a_line(&out, id),
                    "{columns} {lang}: `{id}` split\n{out}"
                );
            }
        }
    }
    let out = at_columns(&env, 32, &["list", "4"]);
    assert!(
        out.contains("\nId:\ndeploy-open-source-llm-project\nTitle:  Deploy an open-source\n"),
        "{out}"
    );
}

#[test]
fn ascii_borders_are_as_wide_where_ambiguous_characters_are_drawn_wide() {
    let env = env_with_progress();
    for args in table_commands(&env) {
        for lang in ["zh", "en"] {
            let mut all: Vec<&str> = vec!["--lang", lang, "--border", "ascii"];
            all.extend(args.iter().map(String::as_str));
            let out = at_columns(&env, 100, &all);
            let lines: Vec<&str> = out
                .lines()
                .filter(|line| line.starts_with(['+', '|']))
                .collect();
            assert!(lines.len() >= 3, "{all:?}: no table\n{out}");
            for line in &lines {
                // As wide on a terminal that draws ambiguous-width characters two columns wide.
                assert_eq!(line.width_cjk(), line.width(), "{all:?}: {line}\n{out}");
                assert_eq!(line.width(), lines[0].width(), "{all:?}: {line}\n{out}");
            }
            // The variable says the same; the option beats the variable.
            let from_env = env
                .cmd()
                .env("COLUMNS", "100")
                .env("STUDYPLAN_BORDER", "ascii")
                .args(&all[..2])
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(String::from_utf8(from_env.stdout).unwrap(), out);
            let unicode = env
                .cmd()
                .env("COLUMNS", "100")
                .env("STUDYPLAN_BORDER", "ascii")
                .args(["--border", "unicode"])
                .args(&all[..2])
                .args(&args)
                .output()
                .unwrap();
            let mut plain: Vec<&str> = vec!["--lang", lang];
            plain.extend(args.iter().map(String::as_str));
            assert_eq!(
                String::from_utf8(unicode.stdout).unwrap(),
                at_columns(&env, 100, &plain)
            );
        }
    }
    // The planned windows are dated with a plain hyphen too.
    let status = at_columns(&env, 100, &["--border", "ascii", "status"]);
    assert!(status.contains("| 2026-11-29 - 2026-12-08 |"), "{status}");
}

#[test]
fn an_unknown_border_style_in_the_environment_is_refused_in_both_languages() {
    let env = env_with_progress();
    let before = env.store_bytes();
    for (lang, words) in [("en", "is not a border style"), ("zh", "不是表格线的画法")] {
        let output = env
            .cmd()
            .env("STUDYPLAN_BORDER", "round")
            .args(["--lang", lang, "status"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("STUDYPLAN_BORDER=`round`") && stderr.contains(words),
            "{stderr}"
        );
        assert!(stderr.contains("`ascii`"), "{stderr}");
    }
    // Case does not matter, as for STUDYPLAN_LANG; a typo in the option is a usage error.
    let out = env
        .cmd()
        .env("STUDYPLAN_BORDER", "ASCII")
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success());
    env.fails(&["--border", "round", "status"], 2);
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn an_id_wider_than_the_line_is_never_cut_but_has_a_line_of_its_own() {
    let env = TestEnv::new();
    let file = crate::common::fixture("long-ids.yaml");
    let file = file.to_str().unwrap();
    let topic = "a-topic-whose-identifier-is-much-wider-than-the-line";
    let stage = "a-stage-with-an-extremely-long-identifier-indeed";
    for columns in [30, 40, 60] {
        for lang in ["en", "zh"] {
            for (args, ids) in [
                (&["next"][..], &[topic][..]),
                (&["status"], &[topic]),
                (&["list"], &[stage, topic]),
                (&["show", "1.1"], &[topic]),
            ] {
                let all = [&["--lang", lang, "--curriculum", file][..], args].concat();
                let out = at_columns(&env, columns, &all);
                for id in ids {
                    assert!(whole_on_a_line(&out, id), "{columns} {all:?}: {id}\n{out}");
                }
                for line in out.lines() {
                    let one_word = !line.trim().contains(' ');
                    assert!(
                        width(line) <= columns || one_word,
                        "{columns} {all:?}\n{out}"
                    );
                }
            }
        }
    }
}

#[test]
fn next_at_forty_columns_continues_the_title_under_itself() {
    let env = Test::new()
        .args(&["begin", "2026-11-20"])
        .stdout("the plan begins on 2026-11-20: today, 2026-11-29, is day 10 of 90\n")
        .run();
    Test::with(env)
        .today("2026-11-21")
        .columns(40)
        .args(&["next"])
        .stdout("1.1 what-llms-can-do  What can\n                      large-model AI do?\n")
        .run();
}

#[test]
fn help_fits_the_terminal_in_both_languages_chinese_words_counted_double() {
    // The English help quotes the roadmap's 天才: two columns a character, as for every table.
    let env = TestEnv::new();
    for columns in [60, 70, 72, 80, 90, 100] {
        for lang in ["en", "zh"] {
            for args in [&["--help"][..], &["status", "--help"], &["done", "--help"]] {
                let mut all = vec!["--lang", lang];
                all.extend_from_slice(args);
                let help = at_columns(&env, columns, &all);
                for line in help.lines() {
                    assert!(
                        width(line) <= columns,
                        "{all:?} at {columns} columns: {line:?} is {} wide",
                        width(line)
                    );
                }
            }
        }
    }
}
