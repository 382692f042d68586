//! The command line's help and usage errors in Chinese, laid over the English definitions.
//!
//! clap writes its help from the definitions, so the Chinese help is the same command with its
//! texts, headings and the built-in `--help`/`--version` flags replaced ([`translate`]), and laid
//! out with Chinese headings, usage lines and notes ([`lay_out`]). clap's rendered help is never
//! edited afterwards; only wrapped. Parsing is unchanged.

use clap::builder::{PossibleValue, PossibleValuesParser, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

mod layout;
pub use layout::lay_out;

const ABOUT: &str = "跟踪学习计划的进度：标记完成的主题，看看离“准备好”还有多远。";

const LONG_ABOUT: &str = "跟踪学习计划的进度：标记完成的主题，看看离“准备好”还有多远。\n\n\
内置一条四个阶段、90 天的大模型 AI 学习路线（41 个主题）。完成其中 60-70% 的内容，说明你已经开始具备\
成为一名大模型 AI 人才的正确特征；15 天内全部完成，你就是天才。不带命令运行时显示你的进度。";

const AFTER_HELP: &str = "指定主题可以用编号（why-rag）、位置（2.4），或任一语言标题中的一段文字（思维链、vllm）。\n\
进度保存在一个纯文本文件里；见 --store。";

/// Commands (by path) and their Chinese `about`.
const COMMANDS: &[(&str, &str)] = &[
    (
        "status",
        "显示每个阶段的进度、准备度结论和下一个要学的主题（默认命令）",
    ),
    ("list", "列出主题：位置、编号、标题和状态"),
    (
        "next",
        "显示下一个要学的主题：先是进行中的，再是第一个未开始的",
    ),
    ("done", "把主题标记为已完成"),
    ("start", "把主题标记为进行中"),
    ("skip", "跳过主题：算作已覆盖，但不算完成"),
    ("undo", "把主题恢复为未开始"),
    (
        "forget",
        "丢弃当前课程已不存在的主题编号上的进度：用于彻底删除的主题；\
         若只是改了名，请在课程里该主题下写上旧编号（`was: [旧编号]`），进度会跟过去。\
         历史记录保留每次修改：forget 会作为一条新记录写入，之前的修改不再计入",
    ),
    (
        "begin",
        "设定计划的开始日期（计划日历的第 1 天）；不设定时，从第一次记录的那天开始",
    ),
    (
        "note",
        "给主题加一条带日期的笔记，或修改、删除一条笔记。笔记的编号是 `studyplan log` 的第一列\
         （`studyplan show` 里每条笔记旁边也有）。修改和删除都会作为一条新记录写入：\
         历史保留旧的文字，`studyplan revert` 可以撤回",
    ),
    (
        "show",
        "显示一个主题的全部信息（标题、简介、链接、阶段、状态、历史和笔记），\
         或一个阶段的全部信息（标题、目标、计划天数和日期、进度和主题）",
    ),
    (
        "today",
        "显示今天的安排：为了不落后于计划今天要完成的主题，以及到期要复习的主题。\
         领先时说明领先多少，并照样给出下一个主题；落后时说明落后几个主题、按你的速度一周能完成多少。\
         计划日历结束后显示怎样追赶：按你的速度何时达到区间下限（路线图的 60%），\
         或用 --by 日期 算出要在那天前达到每周需完成几个主题",
    ),
    (
        "review",
        "复习已完成的主题：列出今天到期的，或记录对所给主题的一次复习。\
         主题完成后，在 1、3、7、14、30、60 天后回来复习，之后每 60 天一次。\
         复习一次进入下一个间隔；--hard 保持原间隔，--again 回到第一个间隔；提前复习保持原间隔。\
         复习不会改变主题的状态和准备度。用 --no-review、STUDYPLAN_REVIEW=off 或课程里的 `review: false` 关闭复习",
    ),
    (
        "stats",
        "显示你学习的连续性：学习日热力图、连续天数、每周完成的主题数。\
         某一天完成或开始了主题、写了笔记或记录了复习，就算学习日；\
         跳过不算，所以跳过主题不会延长连续天数（undo、begin 和 revert 也不算）。今天还没有记录时，只要昨天算，当前连续天数就还在。\
         热力图的深浅是当天的修改次数：· 没有，░ 1 次，▒ 2-3 次，▓ 4-6 次，█ 7 次或更多。\
         计划有了开始日期后，燃起图画出已完成的主题与计划应完成的主题在整个日历上的对比，并标出准备度区间。日期按本地时间",
    ),
    (
        "tui",
        "在终端里把课程当作清单打开，用单个按键标记主题：\
         各阶段带着进度条和计划日期，上方是完成数、结论和今天的安排，选中的主题在旁边完整显示。\
         按键：方向键或 j/k 移动，g/G 第一个和最后一个，PgUp/PgDn 翻页，1-9 跳到阶段；\
         空格 完成（或改回未开始），s 开始，x 跳过，u 改回未开始，n 添加笔记，/ 搜索标题和编号（↑/↓ 下一个匹配）；\
         ? 查看所有按键；q 或 Esc 退出。每次修改都和命令一样记录；\
         其他终端或同步工具改动了进度文件时，视图会随之更新",
    ),
    ("log", "按时间倒序打印修改历史"),
    (
        "revert",
        "按编号撤回一次修改：它不再计入，两条记录都留在日志里；\
         `studyplan log` 的第一列是每次修改的编号，输入能唯一确定它的开头几位即可。\
         历史从不被改写：撤回会作为一条新记录写入，撤回这次撤回就能让原修改重新计入",
    ),
    (
        "merge",
        "把其他进度文件（备份、另一台机器上的副本）并入当前进度文件：\
         每次修改只添加一次，与合并的顺序和次数无关；给出的文件只读不写。\
         两份历史在某个主题上不一致时，以较晚的修改为准，两条都留在日志里",
    ),
    (
        "report",
        "生成可分享的报告：Markdown 清单、CSV 表格、JSON、带图表的网页，或 SVG 格式的进度图",
    ),
    ("curriculum", "导出内置课程，或检查你自己的课程文件"),
    (
        "curriculum export",
        "打印内置课程的 YAML，作为你自己课程的起点",
    ),
    (
        "curriculum check",
        "检查课程文件：打印概要，或列出每个问题及其位置（文件:行:列）",
    ),
    ("curricula", "列出进度文件里保存的各个计划及其进度"),
    (
        "where",
        "打印进度文件、它的锁文件、所用课程和缓存文件夹的路径",
    ),
    (
        "completions",
        "打印你的 shell 的补全脚本；脚本开头几行写着安装方法",
    ),
    (
        "man",
        "打印使用手册（man 页面），安装：studyplan --lang zh man > ~/.local/share/man/zh_CN/man1/studyplan.1",
    ),
];

/// Arguments (by command path and id) and their Chinese help.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "curriculum",
        "使用这个课程 YAML 文件，而不是内置的大模型学习路线 [环境变量：STUDYPLAN_CURRICULUM]",
    ),
    (
        "",
        "store",
        "把进度保存在这个文件里 [环境变量：STUDYPLAN_STORE] [默认：数据文件夹中的 studyplan/progress.jsonl]",
    ),
    (
        "",
        "lang",
        "界面语言：zh 或 en [默认：依次取 STUDYPLAN_LANG、系统区域设置，否则 en]",
    ),
    (
        "",
        "color",
        "何时使用颜色：auto（输出到终端且未设置 NO_COLOR 时）、always 或 never",
    ),
    (
        "",
        "border",
        "表格线的画法：终端把框线字符画成两列宽时（中日韩语言环境的常见设置）用 ascii [默认：取 STUDYPLAN_BORDER，否则 unicode]",
    ),
    (
        "",
        "no_review",
        "不复习：`review`、`today` 和 `status` 都不列出要复习的主题 [环境变量：STUDYPLAN_REVIEW=off]",
    ),
    ("status", "json", "输出 JSON 而不是表格"),
    (
        "list",
        "stage",
        "只看这个阶段：序号、编号或标题中的一段文字",
    ),
    (
        "list",
        "state",
        "只看这个状态的主题：todo、in-progress、done 或 skipped",
    ),
    ("list", "json", "输出 JSON 而不是表格"),
    ("next", "json", "输出 JSON 而不是文字"),
    (
        "next",
        "count",
        "显示接下来的 N 个主题：先是进行中的，再是未开始的",
    ),
    (
        "report",
        "format",
        "报告格式：markdown（按阶段分组的清单）、csv（每个主题一行）、json、html（带图表的网页）或 svg（进度图）[默认：按 --output 文件的扩展名（.md、.csv、.json、.html、.svg），否则 markdown]",
    ),
    (
        "report",
        "notes",
        "在每个主题下列出它的笔记（html 和 markdown）；笔记可能是私人的，所以默认不列",
    ),
    (
        "report",
        "output",
        "把报告写入这个文件而不是标准输出（`-`）；文件整体替换，绝不会只写一半",
    ),
    ("curricula", "json", "输出 JSON 而不是表格"),
    ("where", "json", "输出 JSON 而不是文字"),
    (
        "begin",
        "date",
        "开始日期：YYYY-MM-DD（以后的日期表示计划在那天开始）、today、yesterday 或 -N（N 天前）[默认：今天]",
    ),
    (
        "note",
        "topic",
        "主题：编号、位置（2.4）或标题中的一段文字；用 --edit 时，是新文字的第一个词",
    ),
    (
        "note",
        "on",
        "把这条笔记记在更早的某一天，而不是今天：YYYY-MM-DD、yesterday 或 -N（N 天前）",
    ),
    (
        "note",
        "edit",
        "把这个编号（或其开头几位）的笔记的文字换成 TEXT",
    ),
    (
        "note",
        "delete",
        "删除这个编号（或其开头几位）的笔记：它不再显示",
    ),
    (
        "note",
        "text",
        "笔记内容；多个词之间用空格连接。可以以短横线开头（`- 要点`）",
    ),
    ("forget", "ids", "旧的主题编号，与警告里列出的完全一致"),
    (
        "show",
        "topic",
        "主题（编号、位置如 2.4 或标题中的一段文字）或阶段（编号、序号如 2 或标题中的一段文字）。\
         依次尝试：主题的编号和位置、阶段的编号和序号、主题标题、阶段标题",
    ),
    ("show", "json", "输出 JSON 而不是文字"),
    (
        "today",
        "by",
        "算出要在这一天前达到区间下限（路线图的 60%）每周需完成几个主题：YYYY-MM-DD、tomorrow 或 +N（N 天后）",
    ),
    ("today", "json", "输出 JSON 而不是文字"),
    (
        "review",
        "topics",
        "复习过的主题：编号、位置（2.4）或标题中的一段文字；不给出时列出到期的主题",
    ),
    ("review", "hard", "回想吃力：下次仍用同一个间隔"),
    ("review", "again", "已经忘了：回到第一个间隔"),
    (
        "review",
        "on",
        "把这次复习记在更早的某一天，而不是今天：YYYY-MM-DD、yesterday 或 -N（N 天前）",
    ),
    ("review", "json", "输出 JSON 而不是文字（到期的复习）"),
    (
        "stats",
        "week_start",
        "热力图中每周的第一天：monday（星期一）或 sunday（星期日）",
    ),
    ("stats", "json", "输出 JSON 而不是文字"),
    ("log", "stage", "只看这个阶段：序号、编号或标题中的一段文字"),
    (
        "log",
        "since",
        "只看这一天及以后的修改：YYYY-MM-DD、today、yesterday 或 -N（N 天前）",
    ),
    (
        "log",
        "limit",
        "只看最近的 N 次修改（一条命令标记了几个主题，也算一次）",
    ),
    ("log", "json", "输出 JSON 而不是文字"),
    (
        "revert",
        "id",
        "修改的编号或其开头几位，与 `studyplan log` 显示的一致",
    ),
    (
        "merge",
        "files",
        "进度文件，两种格式都可以（progress.jsonl，或旧的 progress.yaml）",
    ),
    (
        "completions",
        "shell",
        "shell 的种类：bash、zsh、fish、powershell 或 elvish",
    ),
    ("curriculum check", "file", "课程 YAML 文件"),
];

const TOPICS_HELP: &str = "用编号、位置（2.4）或标题中的一段文字指定主题；要么全部修改，要么都不改";

const ON_HELP: &str =
    "把这次修改记在更早的某一天，而不是今天：YYYY-MM-DD、yesterday 或 -N（N 天前）";

/// The heading of the global options, listed after each command's own.
const GLOBAL_HEADING: &str = "全局选项";

/// The headings of the positional arguments, of a command's own options and of its subcommands.
const ARGS_HEADING: &str = "参数";
const OPTIONS_HEADING: &str = "选项";
const COMMANDS_HEADING: &str = "命令";

/// The command with every text in Chinese, built: what the manual is made from.
pub fn translate(command: Command) -> Command {
    // `-V` works after any command, as in English.
    let versioned = command.is_propagate_version_set() && command.get_version().is_some();
    let mut command = dress(command, "", versioned)
        .about(ABOUT)
        .long_about(LONG_ABOUT)
        .after_help(AFTER_HELP)
        .after_long_help(AFTER_HELP);
    for (path, id, help) in ARGS.iter().filter(|(path, ..)| path.is_empty()) {
        debug_assert!(path.is_empty());
        command = command.mut_arg(*id, |arg| arg.help(*help));
    }
    translate_help_subcommands(command)
}

/// Translates one command and, depth first, its subcommands; `versioned` when each has `-V`.
fn dress(mut command: Command, path: &str, versioned: bool) -> Command {
    command = command
        .subcommand_help_heading(COMMANDS_HEADING)
        .subcommand_value_name(COMMANDS_HEADING)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    if versioned {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    if let Some((_, about)) = COMMANDS.iter().find(|(p, _)| *p == path) {
        command = command.about(*about).long_about(None);
    }
    let ids: Vec<(String, &str, bool)> = command
        .get_arguments()
        .map(|arg| {
            let takes_value = arg.get_action().takes_values();
            let heading = if arg.is_positional() {
                ARGS_HEADING
            } else if arg.is_global_set() {
                GLOBAL_HEADING
            } else {
                OPTIONS_HEADING
            };
            (arg.get_id().to_string(), heading, takes_value)
        })
        .collect();
    for (id, heading, takes_value) in ids {
        let help = ARGS
            .iter()
            .find(|(p, i, _)| *p == path && *i == id)
            .map(|(_, _, help)| *help)
            .or((id == "topics").then_some(TOPICS_HELP))
            .or((id == "on").then_some(ON_HELP));
        command = command.mut_arg(id, |arg| {
            let arg = arg.help_heading(heading).hide_possible_values(takes_value);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |sub| dress(sub, &sub_path, versioned));
    }
    command
}

const HELP_ABOUT: &str = "显示本帮助，或所给命令的帮助";

/// Chinese help as clap wrote it, given a width, with long lines wrapped between Chinese
/// characters too (clap wraps only at spaces, which Chinese text has few of). Nothing else changes.
pub fn fit_help(help: &str, width: Option<u16>) -> String {
    match width {
        Some(width) => crate::wrap::fit_lines(help, width),
        None => help.to_owned(),
    }
}

/// Builds the command so that clap adds its `help` subcommands, then says what they do, at every
/// depth: clap gives each `help` a `help` of its own, listed in its help.
fn translate_help_subcommands(mut command: Command) -> Command {
    command.build();
    describe_help_subcommands(command)
}

fn describe_help_subcommands(mut command: Command) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let sub = describe_help_subcommands(sub);
            if name == "help" {
                sub.about(HELP_ABOUT)
            } else {
                sub
            }
        });
    }
    command
}

/// The values of the choice options, described in Chinese: (command path, argument, value, help).
const VALUES: &[(&str, &str, &str, &str)] = &[
    ("", "lang", "en", "英文"),
    ("", "lang", "zh", "中文"),
    (
        "",
        "color",
        "auto",
        "输出到终端且未设置 NO_COLOR 时使用颜色",
    ),
    ("", "color", "always", "总是使用颜色"),
    ("", "color", "never", "从不使用颜色"),
    ("", "border", "unicode", "框线字符：╭─┬─╮ │ ┆"),
    (
        "",
        "border",
        "ascii",
        "纯 ASCII：+-+ | =，在任何终端上都一样宽",
    ),
    ("list", "state", "todo", "未开始"),
    ("list", "state", "in-progress", "进行中"),
    ("list", "state", "done", "已完成"),
    ("list", "state", "skipped", "已跳过"),
    (
        "report",
        "format",
        "markdown",
        "按阶段分组的清单，概要在最前",
    ),
    (
        "report",
        "format",
        "csv",
        "每个主题一行，适合电子表格（带 BOM 的 UTF-8）",
    ),
    (
        "report",
        "format",
        "json",
        "`status --json` 的内容加上全部主题",
    ),
    (
        "report",
        "format",
        "html",
        "可分享的网页：结论、各阶段进度条、进度图、学习热力图和主题清单",
    ),
    (
        "report",
        "format",
        "svg",
        "单独的进度图，可放进 README 或聊天",
    ),
];

/// The command for a completion script, with the values of choice options described in Chinese.
///
/// Only for generating scripts: the values become plain strings, which the parser's typed
/// options would not accept.
pub fn describe_values(command: Command) -> Command {
    describe_values_in(command, "")
}

fn describe_values_in(mut command: Command, path: &str) -> Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        // Global options are copied into every subcommand; their values are listed at the top.
        let values: Vec<PossibleValue> = VALUES
            .iter()
            .filter(|(p, i, ..)| (*p == path || p.is_empty()) && *i == id)
            .map(|(_, _, value, help)| PossibleValue::new(*value).help(*help))
            .collect();
        if !values.is_empty() {
            command = command.mut_arg(id, |arg| {
                arg.value_parser(PossibleValuesParser::new(values))
            });
        }
    }
    each_subcommand(command, path, describe_values_in)
}

/// Applies `f` to each subcommand of `command`, with its path (`curriculum check`).
/// The command, and every subcommand, with clap's English notes on each argument written in
/// Chinese into its help ([`layout::with_notes`]), for the man page, which clap_mangen writes
/// from the arguments themselves.
pub fn noted(mut command: Command) -> Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, layout::with_notes);
    }
    each_subcommand(command, "", |sub, _| noted(sub))
}

fn each_subcommand(mut command: Command, path: &str, f: fn(Command, &str) -> Command) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |sub| f(sub, &sub_path));
    }
    command
}

/// A usage error in Chinese, for the kinds a learner meets, pointing to `help` (the command that
/// shows the help of what was typed); none for help, version and the rare kinds.
pub fn usage_error(err: &clap::Error, help: &str) -> Option<String> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::StyledStr(value)) => Some(plain(value)),
        Some(ContextValue::Strings(values)) => Some(values.join("、")),
        Some(ContextValue::StyledStrs(values)) => {
            Some(values.iter().map(plain).collect::<Vec<_>>().join("、"))
        }
        _ => None,
    };
    let quoted = |kind| match err.get(kind) {
        Some(ContextValue::Strings(values)) => Some(
            values
                .iter()
                .map(|value| format!("`{value}`"))
                .collect::<Vec<_>>()
                .join("、"),
        ),
        _ => text(kind).map(|value| format!("`{value}`")),
    };
    let suggestion = |kind| {
        quoted(kind)
            .map(|value| format!("；你是不是想输入 {value}？"))
            .unwrap_or_default()
    };
    let message = match err.kind() {
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
            let valid = text(ContextKind::ValidValue)
                .filter(|values| !values.is_empty())
                .map(|values| format!("；可选的值：{values}"))
                .unwrap_or_default();
            if value.is_empty() && arg.ends_with("<DATE>`") {
                format!("{arg} 需要一个日期，格式 YYYY-MM-DD（例如 2026-11-29）")
            } else if value.is_empty() {
                format!("{arg} 需要一个值{valid}")
            } else {
                format!("`{value}` 不是 {arg} 的有效值{valid}")
            }
        }
        ErrorKind::UnknownArgument => format!(
            "不认识的参数 {}{}",
            quoted(ContextKind::InvalidArg).unwrap_or_default(),
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "不认识的命令 {}{}",
            quoted(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "缺少必需的参数：{}",
            text(ContextKind::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => {
            let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
            let why = std::error::Error::source(err);
            match why.and_then(|why| why.downcast_ref::<crate::cli::BadValue>()) {
                Some(bad) => format!("{arg} 的值无效：{}", bad.message(crate::i18n::Lang::Zh)),
                None => format!(
                    "{arg} 的值 `{}` 无效{}",
                    text(ContextKind::InvalidValue).unwrap_or_default(),
                    why.map(|why| format!("：{why}")).unwrap_or_default()
                ),
            }
        }
        ErrorKind::InvalidUtf8 => "参数中有无效的 UTF-8 文字".to_owned(),
        ErrorKind::ArgumentConflict => format!(
            "参数 {} 不能和 {} 一起使用",
            quoted(ContextKind::InvalidArg).unwrap_or_default(),
            quoted(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => format!(
            "参数 {} 的值个数不对",
            quoted(ContextKind::InvalidArg).unwrap_or_default()
        ),
        _ => return None,
    };
    // The usage is the line [`lay_out`] gave the command, after clap's title, `Usage:`.
    let usage = text(ContextKind::Usage)
        .map(|usage| {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
            format!("\n\n用法：{usage}")
        })
        .unwrap_or_default();
    Some(format!(
        "studyplan: 错误：{message}{usage}\n\n更多信息请运行 `{help}`\n"
    ))
}

fn plain(text: &StyledStr) -> String {
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and every argument the definitions have, by path, so a new one cannot ship
    /// with English help in the Chinese interface.
    fn walk(command: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") {
                out.push((path.to_owned(), Some(id.to_owned())));
            }
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            out.push((sub_path.clone(), None));
            walk(sub, &sub_path, out);
        }
    }

    /// The words of every command's path in the Chinese command, built, `help` and the commands
    /// under it included: `[]`, `["list"]`, `["help", "curriculum", "check"]`, ...
    fn paths(command: &Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in command.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_owned());
            paths(sub, path, out);
        }
    }

    /// What clap answers to `studyplan --lang zh WORDS...`, which is help.
    fn help_error(words: &[String]) -> clap::Error {
        let argv = ["studyplan", "--lang", "zh"]
            .into_iter()
            .map(str::to_owned)
            .chain(words.iter().cloned());
        let err = crate::cli::command(crate::i18n::Lang::Zh)
            .try_get_matches_from(argv)
            .expect_err("help");
        assert_eq!(err.kind(), ErrorKind::DisplayHelp, "{words:?}");
        err
    }

    /// Each command's help asked every way: `-h`, `--help` and `help ...`.
    fn every_help_request() -> Vec<Vec<String>> {
        let mut all = Vec::new();
        paths(
            &crate::cli::command(crate::i18n::Lang::Zh),
            Vec::new(),
            &mut all,
        );
        assert!(all.len() > 40, "{all:?}");
        let mut requests = Vec::new();
        for path in all {
            // `help` takes no options: its path is the request.
            if path.iter().any(|word| word == "help") {
                requests.push(path);
                continue;
            }
            for flag in ["-h", "--help"] {
                let mut words = path.clone();
                words.push(flag.to_owned());
                requests.push(words);
            }
            requests.push(std::iter::once("help".to_owned()).chain(path).collect());
        }
        requests
    }

    #[test]
    fn no_english_of_claps_leaks_into_the_chinese_help() {
        for words in every_help_request() {
            let help = help_error(&words).render().to_string();
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "[OPTIONS]",
                "[COMMAND]",
                "<COMMAND>",
                "[env:",
                "[default:",
                "[alias",
                "[possible values:",
                "Possible values",
                "Print help",
                "Print version",
                "Print this message",
            ] {
                assert!(
                    !help.contains(english),
                    "{words:?}: `{english}` in:\n{help}"
                );
            }
            assert!(help.contains("用法："), "{words:?}:\n{help}");
            for line in help.lines() {
                assert!(!line.ends_with(':'), "{words:?}: {line:?} in:\n{help}");
            }
        }
    }

    #[test]
    fn chinese_help_is_claps_own_unedited() {
        for words in every_help_request() {
            let err = help_error(&words);
            let argv: Vec<std::ffi::OsString> = ["studyplan", "--lang", "zh"]
                .into_iter()
                .map(Into::into)
                .chain(words.iter().map(Into::into))
                .collect();
            let shown =
                crate::cli::shown(&err, &argv, crate::i18n::Lang::Zh, None).expect("help is shown");
            assert_eq!(shown.text, err.render().to_string(), "{words:?}");
        }
    }

    #[test]
    fn each_usage_line_is_the_one_clap_writes_with_chinese_placeholders() {
        let mut english = crate::cli::Cli::command();
        english.build();
        let chinese = crate::cli::command(crate::i18n::Lang::Zh);
        let mut all = Vec::new();
        paths(&english, Vec::new(), &mut all);
        for path in all {
            let find = |root: &Command| {
                let mut command = root.clone();
                for name in &path {
                    command = command.find_subcommand(name).expect("a command").clone();
                }
                command
            };
            let mut ours = find(&chinese);
            let ours = ours.render_usage().to_string();
            let theirs = find(&english).render_usage().to_string();
            // Said here only to compare: the program hands clap the Chinese line.
            let theirs = format!("studyplan {}", theirs.trim_start_matches("Usage: "))
                .replace("studyplan studyplan", "studyplan")
                .replace("[OPTIONS]", "[选项]")
                .replace("[COMMAND]", "[命令]")
                .replace("<COMMAND>", "<命令>");
            assert_eq!(ours, format!("Usage: {}", theirs.trim_end()), "{path:?}");
        }
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let mut found = Vec::new();
        walk(&crate::cli::Cli::command(), "", &mut found);
        let missing: Vec<String> = found
            .into_iter()
            .filter(|(path, id)| match id {
                None => !COMMANDS.iter().any(|(p, _)| p == path),
                Some(id) => {
                    !matches!(id.as_str(), "topics" | "on")
                        && !ARGS.iter().any(|(p, i, _)| p == path && i == id)
                }
            })
            .map(|(path, id)| format!("{path} {}", id.unwrap_or_default()))
            .collect();
        assert!(missing.is_empty(), "no Chinese help for: {missing:?}");
    }
}
