//! A curriculum file that does not read: every unknown key with the key it was meant to be, the
//! place of a control character, and the YAML reader's complaints in the learner's words and
//! language.

use crate::common::Test;

const HEAD: &str = "id: c\ntitle: C\nband: {low: 0.6, high: 0.7}\n";
const STAGE: &str =
    "stages:\n  - id: s\n    title: S\n    days: 3\n    topics:\n      - { id: t, title: T }\n";

/// Checks `yaml` as `name` and expects `en` on stderr, and `zh` in Chinese; nothing is written.
fn check(name: &str, yaml: &str, en: &str, zh: &str) {
    for (lang, expected) in [("en", en), ("zh", zh)] {
        Test::new()
            .file(name, yaml)
            .args(&["--lang", lang, "curriculum", "check", name])
            .stderr(expected)
            .status(1)
            .store_after(None)
            .run();
    }
}

#[test]
fn a_misspelt_genius_window_is_refused_not_dropped() {
    let yaml = format!("{HEAD}genius_day: 7\n{STAGE}");
    check(
        "c.yaml",
        &yaml,
        "studyplan: error: the curriculum `c.yaml` has 1 problem:\n  c.yaml:4:1: unknown key \
         `genius_day` in the curriculum: did you mean `genius_days`? (the curriculum takes `id`, \
         `title`, `description`, `band`, `genius_days`, `review`, `stages`)\nfix them and check again with \
         `studyplan curriculum check c.yaml`\n",
        "studyplan: 错误：课程 `c.yaml` 有 1 个问题：\n  c.yaml:4:1: 课程里没有 `genius_day` 这个键：\
         是不是想写 `genius_days`？（课程可用的键：`id`、`title`、`description`、`band`、\
         `genius_days`、`review`、`stages`）\n改正后可用 `studyplan curriculum check c.yaml` 再检查\n",
    );
    // Followed, it is refused the same way and no store is written.
    Test::new()
        .curriculum(&yaml)
        .args(&["done", "t"])
        .stderr(
            "studyplan: error: the curriculum `$TMP/curriculum.yaml` has 1 problem:\n  \
             $TMP/curriculum.yaml:4:1: unknown key `genius_day` in the curriculum: did you mean \
             `genius_days`? (the curriculum takes `id`, `title`, `description`, `band`, \
             `genius_days`, `review`, `stages`)\nfix them and check again with `studyplan curriculum check \
             $TMP/curriculum.yaml`\n",
        )
        .status(1)
        .store_after(None)
        .run();
}

#[test]
fn every_unknown_key_is_listed_in_file_order() {
    let yaml = format!(
        "{HEAD}stages:\n  - id: s\n    title: {{ cn: 阶段 }}\n    days: 3\n    gaol: G\n    \
         topics:\n      - {{ id: t, title: T, link: [x] }}\n"
    );
    Test::new()
        .file("keys.yaml", &yaml)
        .args(&["curriculum", "check", "keys.yaml"])
        .stderr(
            "studyplan: error: the curriculum `keys.yaml` has 3 problems:\n  \
             keys.yaml:6:14: unknown key `cn` in a text: did you mean `zh`? (a text takes `zh`, \
             `en`)\n  \
             keys.yaml:8:5: unknown key `gaol` in a stage: did you mean `goal`? (a stage takes \
             `id`, `title`, `days`, `goal`, `topics`)\n  \
             keys.yaml:10:28: unknown key `link` in a topic: did you mean `links`? (a topic \
             takes `id`, `title`, `description`, `links`, `was`)\n\
             fix them and check again with `studyplan curriculum check keys.yaml`\n",
        )
        .status(1)
        .run();
}

#[test]
fn a_control_character_is_placed_at_its_line_and_column() {
    check(
        "ctl.yaml",
        &format!("{HEAD}{STAGE}").replace("title: T", "title: \"T\u{1}\""),
        "studyplan: error: ctl.yaml:9:27: an invisible control character (U+0001) here, which \
         YAML does not allow anywhere; delete it (it often comes from pasting out of a PDF or a \
         terminal)\n",
        "studyplan: 错误：ctl.yaml:9:27: 这里有一个不可见的控制字符（U+0001），YAML 任何地方都不允许；\
         请删掉它（常见于从 PDF 或终端粘贴的文字）\n",
    );
}

#[test]
fn the_yaml_readers_words_become_the_learners() {
    let cases = [
        (
            "empty.yaml",
            String::new(),
            "empty.yaml:1:1: the file is empty; a curriculum needs `id`, `title`, `band` and \
             `stages`, and `studyplan curriculum export > FILE` writes one to start from",
            "empty.yaml:1:1: 文件是空的；课程需要 `id`、`title`、`band` 和 `stages`，可以用 \
             `studyplan curriculum export > FILE` 导出一份作为起点",
        ),
        (
            "tab.yaml",
            format!("{HEAD}stages:\n\t- id: s\n"),
            "tab.yaml:5:1: a tab here; YAML indents with spaces, not tabs: replace it with spaces",
            "tab.yaml:5:1: 这里有一个制表符（Tab）；YAML 只能用空格缩进，不能用 Tab：请换成空格",
        ),
        (
            "band.yaml",
            format!("id: c\ntitle: C\nband: 0.6\n{STAGE}"),
            "band.yaml:3:7: `band` should be the band's two edges, like `{ low: 0.6, high: 0.7 }`, \
             not the number 0.6",
            "band.yaml:3:7: `band` 应为区间的两端，例如 `{ low: 0.6, high: 0.7 }`，而不是数字 0.6",
        ),
        (
            "days.yaml",
            format!("{HEAD}{STAGE}").replace("days: 3", "days: ten"),
            "days.yaml:7:11: `days` of stage 1 should be a whole number of days, like 10, not the \
             text \"ten\"",
            "days.yaml:7:11: 第 1 阶段的 `days` 应为整数天数，例如 10，而不是文字 \"ten\"",
        ),
        (
            "missing.yaml",
            format!("{HEAD}{STAGE}").replace("    days: 3\n", ""),
            "missing.yaml:5:5: stage 1 has no `days`: add `days:` with a whole number of days, \
             like 10",
            "missing.yaml:5:5: 第 1 阶段缺少 `days`：请加上 `days:`，值为整数天数，例如 10",
        ),
        (
            "twice.yaml",
            format!("{HEAD}{STAGE}").replace("{ id: t,", "{ id: t, id: u,"),
            "twice.yaml:9:18: topic 1.1 has `id` twice; keep one",
            "twice.yaml:9:18: 主题 1.1 写了两次 `id`；请只留一个",
        ),
        (
            "open.yaml",
            format!("{HEAD}stages: [\n"),
            "open.yaml:5:1: this is not valid YAML: a value is missing here; is a `[` or `{` left \
             open above?",
            "open.yaml:5:1: YAML 语法有误：这里缺少一个值；上面是否有没闭合的 `[` 或 `{`？",
        ),
    ];
    for (name, yaml, en, zh) in cases {
        check(
            name,
            &yaml,
            &format!("studyplan: error: {en}\n"),
            &format!("studyplan: 错误：{zh}\n"),
        );
    }
}

#[test]
fn a_number_too_large_for_any_integer_is_named_plainly() {
    let yaml = format!("{HEAD}{STAGE}").replace("days: 3", "days: 99999999999999999999");
    check(
        "big.yaml",
        &yaml,
        "studyplan: error: big.yaml:7:11: `days` of stage 1 should be a whole number of days, \
         like 10, not the number 99999999999999999999\n",
        "studyplan: 错误：big.yaml:7:11: 第 1 阶段的 `days` 应为整数天数，例如 10，而不是数字 \
         99999999999999999999\n",
    );
}

#[test]
fn a_control_character_written_as_an_escape_is_refused_too() {
    // `\e[2J` clears the screen and `\e]0;…\a` sets the window's title: never printed.
    let yaml = format!("{HEAD}{STAGE}")
        .replace("title: C", "title: \"C\\e[2J\"")
        .replace(
            "title: T",
            "title: \"T\\e]0;pwned\\a\", description: \"two\\nlines\\tok\"",
        );
    Test::new()
        .file("esc.yaml", &yaml)
        .args(&["curriculum", "check", "esc.yaml"])
        .stderr(
            "studyplan: error: the curriculum `esc.yaml` has 2 problems:\n  \
             esc.yaml:2:8: the curriculum: `title` holds an invisible control character \
             (U+001B), which would change what the terminal shows; remove it\n  \
             esc.yaml:9:25: topic 1.1 (`t`): `title` holds an invisible control character \
             (U+001B), which would change what the terminal shows; remove it\n\
             fix them and check again with `studyplan curriculum check esc.yaml`\n",
        )
        .status(1)
        .run();
}
