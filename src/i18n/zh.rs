//! The interface in Chinese: every message of the catalog, in one exhaustive match.
//!
//! Longer than other files on purpose: one language is one file, so that it reads, and is
//! reviewed and translated, in one place, errors and all.

use std::borrow::{Borrow, Cow};

use super::{
    ChangeName, ChartLine, Expected, FileKind, FileType, Found, Header, IoAction, IoFailure, Label,
    LineProblem, ManSection, MapName, Msg, NotAFile, OwnFile, PartName, PathPiece, ReportHeading,
    StateName, Subject, TuiAction, Unit, V1Problem, YamlHint,
};

/// `msg` in Chinese.
pub(super) fn text(msg: &Msg) -> Cow<'static, str> {
    match *msg {
        Msg::Header(header) => header_text(header).into(),
        Msg::Label(label) => format!("{}：", label_text(label)).into(),
        Msg::WithColon { text } => format!("{text}：").into(),
        Msg::State(state) => state_text(state).into(),
        Msg::Change(change) => change_text(change).into(),
        Msg::ManSection(section) => man_text(section).into(),

        Msg::VerdictComplete { above, band, total } => format!(
            "{}：全部 {total} 个主题都已完成，计划已学完",
            place(above, band)
        )
        .into(),
        Msg::VerdictOnlySkippedLeft {
            above,
            band,
            skipped,
        } => format!(
            "{}：除了跳过的 {skipped} 个主题，已没有要学的；撤销跳过即可继续",
            place(above, band)
        )
        .into(),
        Msg::VerdictUnreachable { band, low } => {
            format!("低于 {band} 区间，跳过的主题太多，已无法达到 {low}；撤销一些跳过才能达到")
                .into()
        }
        Msg::VerdictBelow { band, low, to_go } => {
            format!("低于 {band} 区间：再完成 {to_go} 个主题即可达到 {low}").into()
        }
        Msg::VerdictWithin { band } => {
            format!("已进入 {band} 区间：你已经开始具备成为一名大模型 AI 人才的正确特征").into()
        }
        Msg::VerdictAbove { band } => format!("超过 {band} 区间：继续前进").into(),
        Msg::SkippedCovered { skipped, covered } => {
            format!("，跳过 {skipped} 个；已覆盖 {covered}").into()
        }
        Msg::NothingLeft => "没有了：所有主题都已完成或跳过".into(),
        Msg::DoneOf {
            done,
            total,
            percent,
        } => format!("{done}/{total} 已完成（{percent}）").into(),

        Msg::NotStarted => {
            "尚未开始：计划从你的第一次记录开始，或用 `studyplan begin` 指定开始日期".into()
        }
        Msg::CalendarStartsOn { start, in_days } => {
            format!("将于 {start} 开始，还有 {}", days(in_days)).into()
        }
        Msg::CalendarOver {
            total_days,
            end,
            over_by,
            day,
            start,
        } => format!(
            "计划的日历已经结束：{total_days} 天的日程已于 {end} 结束，已过去 {}（自 {start} 开始的第 {day} 天）",
            days(over_by)
        )
        .into(),
        Msg::CalendarDay {
            day,
            total_days,
            start,
            end,
        } => format!("第 {day} 天（共 {total_days} 天），{start} 开始，{end} 结束").into(),
        Msg::OnSchedule => "正好符合计划".into(),
        Msg::OnScheduleToGo { topics: n } => {
            format!("符合计划，今天还有 {}要完成", topics(n)).into()
        }
        Msg::Ahead { topics: n } => format!("领先 {}", topics(n)).into(),
        Msg::Behind { topics: n, to_go } if to_go == n => format!("落后 {}", topics(n)).into(),
        Msg::Behind { topics: n, to_go } => {
            format!("落后 {}，今天要完成 {to_go} 个", topics(n)).into()
        }
        Msg::PlanStage {
            stage,
            title,
            expected,
            done,
            standing,
        } => format!(
            "第 {stage} 阶段 {title}；截至今天应完成 {}，你已完成 {done} 个：{standing}",
            topics(expected as i64)
        )
        .into(),
        Msg::PlanAllDue {
            expected,
            done,
            standing,
        } => format!(
            "结束时应完成全部 {}；你已完成 {done} 个：{standing}",
            topics(expected as i64)
        )
        .into(),
        Msg::PaceSinceStart { per_week } => format!("自开始以来每周 {per_week:.1} 个主题").into(),
        Msg::PaceRecent {
            per_week,
            recent,
            days: n,
        } => format!(
            "自开始以来每周 {per_week:.1} 个主题，最近 {}每周 {recent:.1} 个",
            days(n)
        )
        .into(),
        Msg::NoPaceYet => "还没有速度：尚未完成任何主题".into(),
        Msg::EtaNoPaceYet => "还没有速度：完成一个主题后即可预计".into(),
        Msg::EtaReached { targets, day } => {
            format!("{} 已于 {day} 达到", and_list(targets)).into()
        }
        Msg::EtaBy { targets, day } => format!("{} 约在 {day}", and_list(targets)).into(),
        Msg::EtaNoPace { targets } => format!("{} 暂无速度", and_list(targets)).into(),
        Msg::EtaOutOfReach { targets, skipped } => {
            format!("{} 无法达到（已跳过 {skipped} 个主题）", and_list(targets)).into()
        }
        Msg::GeniusEarned { days: n } => {
            format!("已达成：开始后 {n} 天内完成了全部主题").into()
        }
        Msg::GeniusWithin { total, days: n } => format!(
            "开始后 {n} 天内完成全部 {}，即为天才",
            topics(total as i64)
        )
        .into(),
        Msg::GeniusToGo {
            remaining,
            days_left,
            last,
        } => format!(
            "还剩 {}、{}（至 {last}）：全部完成即为天才",
            topics(remaining as i64),
            days(days_left)
        )
        .into(),
        Msg::StageHeading { number, title } => format!("第 {number} 阶段：{title}").into(),
        Msg::NoTopicsMatch => "没有符合条件的主题".into(),

        Msg::PositionInStage {
            pos,
            topic,
            of,
            stage,
        } => format!("{pos}，第 {stage} 阶段 {of} 个主题中的第 {topic} 个").into(),
        Msg::SinceDay { day } => format!("，自 {day} 起").into(),
        Msg::NoHistory => "还没有记录".into(),
        Msg::RecordedOn { day } => format!("（记录于 {day}）").into(),
        Msg::NoNotes => "无".into(),
        Msg::StageDays {
            days: n,
            first,
            last,
            total,
        } => format!("{}，第 {first}-{last} 天（共 {total} 天）", days(n)).into(),
        Msg::StageDates { dates } => format!("：{dates}").into(),
        Msg::StageDatesLater => "；计划开始后才有日期（`studyplan begin`）".into(),

        Msg::BeginCounts => "（以此为准）".into(),
        Msg::BeginCountsMovedFrom { from } => format!("（以此为准，由 {from} 改至此日）").into(),
        Msg::BeginSupersededMovedTo { on, to } => format!("（已于 {on} 改为 {to}）").into(),
        Msg::BeginSupersededOn { on } => format!("（已于 {on} 被取代）").into(),
        Msg::BeginSuperseded => "（已被取代）".into(),
        Msg::NotInCurriculum { id } => format!("`{id}`（当前课程中没有）").into(),
        Msg::ThePlanStarts => "计划开始".into(),
        Msg::ThePlan => "计划".into(),
        Msg::NoChangesMatch => "没有符合条件的记录".into(),
        Msg::NoChangesYet => "还没有任何记录".into(),
        Msg::SoundCurriculum { source } => format!("`{source}` 是一份合格的课程。").into(),
        Msg::GeniusWindow { days } => format!("{days} 天内全部完成").into(),
        Msg::CurrentPlanNote => "* 为当前使用的课程；用 --curriculum FILE 换用其他课程".into(),

        Msg::ReportDone {
            done,
            total,
            percent,
        } => format!("已完成 {done}/{total}（{percent}）").into(),
        Msg::ReportStageCounts {
            days,
            done,
            total,
            percent,
        } => format!("（{days} 天；已完成 {done}/{total}，{percent}）").into(),
        Msg::ReportInProgressSince { day } => format!("（{day} 起进行中）").into(),
        Msg::ReportStateOn { state, day } => format!("（{day} {}）", state_text(state)).into(),
        Msg::ReportHeading(heading) => match heading {
            ReportHeading::Stages => "各阶段",
            ReportHeading::BurnUp => "已完成主题与计划对比",
            ReportHeading::StudyDays => "学习记录",
            ReportHeading::Topics => "主题",
        }
        .into(),
        Msg::ReportMadeBy { version, today } => {
            format!("由 studyplan {version} 于 {today} 生成。").into()
        }
        Msg::ChartLine(line) => match line {
            ChartLine::Done => "已完成",
            ChartLine::Covered => "已完成或跳过",
            ChartLine::Planned => "计划",
            ChartLine::Today => "今天",
        }
        .into(),
        Msg::ChartBand { band } => format!("{band} 区间").into(),
        Msg::ChartNotStarted => "计划尚未开始：图表从计划的第一天画起。用 studyplan begin 设定开始日期，或开始学习一个主题。".into(),
        Msg::ChartStartsOn { start } => format!("计划从 {start} 开始：图表从那天画起。").into(),
        Msg::HeatmapEnd { more } => if more { "多" } else { "少" }.into(),
        Msg::ReportWhen { state, day } => match state {
            StateName::InProgress => format!("{day} 起进行中"),
            state => format!("{day} {}", state_text(state)),
        }
        .into(),
        Msg::LabelWord(label) => label_text(label).into(),
        Msg::TuiAction(action) => match action {
            TuiAction::Move => "移动",
            TuiAction::FirstLast => "第一个或最后一个主题",
            TuiAction::Page => "上下翻页",
            TuiAction::Stage => "跳到某个阶段",
            TuiAction::Done => "完成，或改回未开始",
            TuiAction::Start => "开始",
            TuiAction::Skip => "跳过",
            TuiAction::Undo => "改回未开始",
            TuiAction::Note => "添加笔记",
            TuiAction::Search => "搜索标题和编号",
            TuiAction::Help => "按键",
            TuiAction::Quit => "退出",
        }
        .into(),
        Msg::TuiSearchPrompt => "搜索：".into(),
        Msg::TuiNotePrompt { topic } => format!("{topic} 的笔记：").into(),
        Msg::TuiNoMatch { query } => {
            format!("没有主题的标题或编号包含 `{query}`；按 Esc 退出搜索").into()
        }
        Msg::TuiHelpTitle => "按键（按任意键关闭）".into(),
        Msg::TuiNotATerminal { stdin } => format!(
            "`studyplan tui` 需要在终端里运行，但它的{}不是终端；请在终端里运行，脚本里请用 \
             `studyplan list`、`done` 等命令",
            if stdin { "输入" } else { "输出" }
        )
        .into(),
        Msg::HeatmapDay { day, count } => format!("{day}：{count} 次记录").into(),
        Msg::LaterChangesLeftOut { today, count } => format!(
            "提示：按 {today} 当天结束时的记录显示：之后的 {count} 条记录未计入（仍保留在进度文件里）；取消 `STUDYPLAN_TODAY` 或检查系统时钟即可看到"
        )
        .into(),
        Msg::WaitingForLock { path } => {
            format!("正在等待另一个 studyplan 写完 `{path}` ...").into()
        }
        Msg::UnknownFields { keys } => format!(
            "警告：进度文件里有本版本不认识的字段，已保留：{}",
            list(&super::ticked(keys))
        )
        .into(),
        Msg::UnknownChanges { count } => {
            format!("警告：有本版本不认识的记录，已保留并忽略：{count}").into()
        }
        Msg::OrphanedProgress { ids, file } => {
            let file = file.map(|file| format!(" `{file}`")).unwrap_or_default();
            format!(
                "警告：进度文件里有当前课程已不存在的主题的记录，已保留：{}\n  \
                 如果主题只是改了名，请在课程{file}里该主题下写上旧编号（`was: [{}]`），进度会跟过去\n  \
                 如果它已彻底删除，可用 `studyplan forget {}` 丢弃它的进度",
                list(&super::ticked(ids)),
                ids.first().unwrap_or(&""),
                ids.join(" ")
            )
            .into()
        }

        Msg::AlreadyInState { state } => {
            format!("（已经是{}，未改变）", state_text(state)).into()
        }
        Msg::StateChanged { from, to, on } => {
            let on = on.map(|day| format!("，记于 {day}")).unwrap_or_default();
            format!("（{} -> {}{on}）", state_text(from), state_text(to)).into()
        }
        Msg::ChangedOverall {
            done,
            total,
            percent,
            verdict,
        } => format!("总体：{done}/{total}（{percent}），{verdict}").into(),
        Msg::PlanBegins {
            start,
            unchanged,
            was,
            today,
            day,
            total_days,
        } => {
            let before = match (unchanged, was) {
                (true, _) => "（未改变）".to_owned(),
                (false, Some(was)) => format!("（原为 {was}）"),
                (false, None) => String::new(),
            };
            if day < 1 {
                format!(
                    "计划从 {start} 开始{before}，还有 {}（今天是 {today}）；`studyplan today` 会列出最先的几个主题",
                    days(1 - day)
                )
                .into()
            } else {
                format!(
                    "计划从 {start} 开始{before}：今天 {today} 是第 {day} 天（共 {total_days} 天）"
                )
                .into()
            }
        }
        Msg::Forgot { id } => format!(
            "已丢弃 `{id}` 的进度；它的修改仍留在历史记录里（`studyplan log`），不再计入"
        )
        .into(),
        Msg::Noted { topic, day } => format!("已为 {topic} 记下笔记（{day}）：").into(),
        Msg::NoteEdited { id, topic, day } => {
            format!("已修改 {topic} 的笔记 {id}（{day}）；旧的文字留在历史记录里：").into()
        }
        Msg::EditsNote { id } => format!("（修改笔记 {id}）").into(),
        Msg::EditedBy { id } => format!("（已修改：被 {id} 取代）").into(),
        Msg::NoteDeleted { id, topic } => format!(
            "已删除 {topic} 的笔记 {id}；它仍留在历史记录里（`studyplan log`），用 `studyplan revert` 可以恢复"
        )
        .into(),
        Msg::BeginTooFar { date, today, days } => format!(
            "`{date}` 比今天（{today}）晚了 {days} 天以上；计划的开始日期最多只能在一年之后"
        )
        .into(),
        Msg::NotANote { id, change } => format!(
            "`{id}` 是一次“{change}”修改，不是笔记；笔记的编号在 `studyplan log` 或 `studyplan show 主题` 里它的旁边"
        )
        .into(),
        Msg::ReportWritten { path } => format!("报告已写入 `{path}`").into(),
        Msg::NotCreatedYet => "（尚未创建）".into(),
        Msg::DoesNotExist => "（没有这个文件）".into(),
        Msg::BuiltInWithId { id } => {
            format!("内置（{id}）；`studyplan curriculum export` 可打印它").into()
        }
        Msg::BuiltIn => "内置".into(),
        Msg::NoCacheFolder => "无（本系统没有缓存文件夹）".into(),
        Msg::CompletionFor => "studyplan 的补全脚本。".into(),
        Msg::CompletionAsksForIds => {
            "主题和阶段编号在每次按 TAB 时向 studyplan 询问，按当时所用的课程给出。".into()
        }
        Msg::CompletionInstall => "安装方法：".into(),
        Msg::CompletionGoesIn { file, before: None } => format!("写在 {file} 中").into(),
        Msg::CompletionGoesIn {
            file,
            before: Some(before),
        } => format!("写在 {file} 中，{before} 之前").into(),

        Msg::NotRegular(kind) => not_regular(kind).into(),
        Msg::IoFailure(failure) => io_failure(failure).into(),

        Msg::FileTooLarge { mib } => {
            format!("文件超过 {mib} MiB，远超任何课程所需（10 万个主题约 6 MiB）；请拆分或精简")
                .into()
        }
        Msg::NotUtf8 => "文件不是 UTF-8 文本；请在编辑器里以 UTF-8 编码保存".into(),
        Msg::NestedTooDeep { max } => {
            format!("这里的 `[` 和 `{{` 嵌套超过 {max} 层；课程只需要几层").into()
        }
        Msg::EmptyFile => "文件是空的；课程需要 `id`、`title`、`band` 和 \
             `stages`，可以用 `studyplan curriculum export > FILE` 导出一份作为起点"
            .into(),
        Msg::TabIndent => {
            "这里有一个制表符（Tab）；YAML 只能用空格缩进，不能用 Tab：请换成空格".into()
        }
        Msg::ControlChar { code } => format!(
            "这里有一个不可见的控制字符（U+{code:04X}），YAML 任何地方都不允许；请删掉它\
             （常见于从 PDF 或终端粘贴的文字）"
        )
        .into(),
        Msg::WrongType {
            at,
            expected,
            said,
            found,
        } => {
            let subject = if at.is_empty() {
                "文件".to_owned()
            } else {
                subject(at)
            };
            let expected = match expected {
                Some(expected) => expected_text(expected),
                None => said,
            };
            format!(
                "{}，而不是{}",
                spaced(&spaced(&subject, "应为"), expected),
                found_text(found)
            )
            .into()
        }
        Msg::MissingKey {
            at,
            field,
            expected: Some(expected),
        } => format!(
            "{}：请加上 `{field}:`，值为{}",
            spaced(&spaced(&subject(at), "缺少"), &format!("`{field}`")),
            expected_text(expected)
        )
        .into(),
        Msg::MissingKey {
            at,
            field,
            expected: None,
        } => format!(
            "{}：请加上",
            spaced(&spaced(&subject(at), "缺少"), &format!("`{field}`"))
        )
        .into(),
        Msg::DuplicateKey { at, field } => format!(
            "{} `{field}`；请只留一个",
            spaced(&subject(at), "写了两次")
        )
        .into(),
        Msg::EmptyText { at } => format!(
            "{}；请写一段文字，或写成 `{{ zh: …, en: … }}`",
            spaced(&subject(at), "没有文字")
        )
        .into(),
        Msg::NotYaml {
            hint: Some(hint),
            ..
        } => format!("YAML 语法有误：{}", yaml_hint(hint)).into(),
        Msg::NotYaml { hint: None, words } => {
            format!("YAML 语法有误（{words}）；请检查这里的括号、引号和缩进").into()
        }

        Msg::BadId { part, id } => format!(
            "{}：编号 `{id}` 不合法；只能用字母、数字、`-`、`_` 和 `.`，并以字母或数字开头",
            part_text(part)
        )
        .into(),
        Msg::PositionId { part, id, example } => format!(
            "{}：编号 `{id}` 只有数字和点，和位置（`2.1` 指第 2 阶段第 1 个主题）或阶段序号一样，\
             会和它们混淆；请用带字母的编号，例如 `{example}`（改名时可用 `was: [{id}]` 保留进度）",
            part_text(part)
        )
        .into(),
        Msg::OldIdInUse { part, old, holder } => format!(
            "{}：`was` 里的旧编号 `{old}` 正是{}现在的编号；旧编号必须是现在没有任何部分使用的编号，\
             请删掉它，或给其中一个改名",
            part_text(part),
            part_text(holder)
        )
        .into(),
        Msg::OldIdTwice { part, old, first } => format!(
            "{}：旧编号 `{old}` 已经写在{}的 `was` 里；旧编号的进度只能归到一个主题，\
             请只在一个主题里保留它",
            part_text(part),
            part_text(first)
        )
        .into(),
        Msg::BadOldId { part, old } => format!(
            "{}：`was` 里的旧编号 `{old}` 不合法；只能用字母、数字、`-`、`_` 和 `.`，并以字母或数字开头",
            part_text(part)
        )
        .into(),
        Msg::DuplicateId { part, id, first } => format!(
            "{}：编号 `{id}` 重复，已被{}使用",
            part_text(part),
            part_text(first)
        )
        .into(),
        Msg::EmptyTitle { part } => format!("{}：标题是空的", part_text(part)).into(),
        Msg::ControlInText { part, key, code } => format!(
            "{}：`{key}` 里有一个不可见的控制字符（U+{code:04X}），它会改变终端显示的内容；请删掉它",
            part_text(part)
        )
        .into(),
        Msg::BandOutOfRange { low, high } => format!(
            "band：`low`（{low}）和 `high`（{high}）必须是 0 到 1 之间的小数，例如 0.6 和 0.7"
        )
        .into(),
        Msg::BandSwapped { low, high } => {
            format!("band：`low`（{low}）大于 `high`（{high}）").into()
        }
        Msg::GeniusDaysTooMany { days, max } => {
            format!("genius_days：{days} 太大；最多支持 {max} 天").into()
        }
        Msg::GeniusDaysNotPositive { days } => {
            format!("genius_days：{days} 不是正的天数").into()
        }
        Msg::TotalDaysTooMany { days, max } => {
            format!("各阶段的天数加起来是 {days}；最多支持 {max} 天").into()
        }
        Msg::NoStages => "课程没有任何阶段".into(),
        Msg::StageDaysTooMany { part, days, max } => format!(
            "{}：days 是 {days}，太大；最多支持 {max} 天",
            part_text(part)
        )
        .into(),
        Msg::StageDaysNotPositive { part, days } => {
            format!("{}：days 是 {days}；必须是正数", part_text(part)).into()
        }
        Msg::NoTopics { part } => format!("{}：这个阶段没有主题", part_text(part)).into(),
        Msg::MergeKey => "不支持 YAML 合并键（`<<`）；请在需要的地方把各个键写出来".into(),
        Msg::UnknownKey {
            key,
            map,
            keys,
            suggestion,
        } => {
            let what = map_text(map);
            let keys = list(&super::ticked(keys));
            match suggestion {
                Some(near) => format!(
                    "{what}里没有 `{key}` 这个键：是不是想写 `{near}`？（{what}可用的键：{keys}）"
                ),
                None => format!("{what}里没有 `{key}` 这个键（可用的键：{keys}）；请删掉它或改正名字"),
            }
            .into()
        }

        Msg::CurriculumUnreadable { file, reason } => format!(
            "无法读取课程文件 `{file}`：{reason}；请检查路径，或去掉 --curriculum（以及 \
             STUDYPLAN_CURRICULUM）以使用内置路线"
        )
        .into(),
        Msg::ExpandsTooMuch { at, limit_mib } => format!(
            "{at}: 这个文件的别名（`*name`）展开后会把内容重复成超过 \
             {limit_mib} MiB，远超任何课程所需；请把重复的文字直接写在需要的地方，或少重复几次"
        )
        .into(),
        Msg::CurriculumInvalid { file, problems } => {
            let mut out = format!("课程 `{file}` 有 {} 个问题：", problems.len());
            for problem in problems {
                out.push_str("\n  ");
                out.push_str(problem);
            }
            out.push_str(&format!(
                "\n改正后可用 `studyplan curriculum check {file}` 再检查"
            ));
            out.into()
        }

        Msg::ErrorPrefix => "studyplan: 错误：".into(),
        Msg::UnknownTopic { query, suggestions } => format!(
            "没有这个主题：`{query}`{}（可以用编号、位置如 `2.4` 或标题中的一段文字指定主题；见 `studyplan list`）",
            did_you_mean(suggestions)
        )
        .into(),
        Msg::AmbiguousTopic {
            query,
            count,
            shown,
            more,
        } => {
            let mut out = format!("`{query}` 匹配到 {count} 个主题：");
            for candidate in shown {
                out.push_str("\n  ");
                out.push_str(candidate);
            }
            if more > 0 {
                out.push_str(&format!("\n  ……还有 {more} 个"));
            }
            out.push_str("\n请用编号或位置指定其中一个");
            out.into()
        }
        Msg::AmbiguousStage { query, candidates } => {
            let mut out = format!("`{query}` 匹配到 {} 个阶段：", candidates.len());
            for candidate in candidates {
                out.push_str("\n  ");
                out.push_str(candidate);
            }
            out.push_str("\n请用阶段序号或编号指定其中一个");
            out.into()
        }
        Msg::UnknownStage {
            query,
            count,
            ids,
            more,
        } => {
            let mut ids = super::ticked(ids);
            if more {
                ids.push("……".to_owned());
            }
            format!(
                "没有这个阶段：`{query}`；请用阶段序号（1-{count}）、编号（{}）或标题中的一段文字\
                 指定阶段；`studyplan list` 会列出每个阶段的编号和标题",
                list(&ids)
            )
            .into()
        }
        Msg::UnknownName { query, suggestions } => format!(
            "没有叫 `{query}` 的主题或阶段{}（主题可以用编号、位置如 `2.4` 或标题中的一段文字指定，阶段可以用编号、序号或标题中的一段文字指定；见 `studyplan list`）",
            did_you_mean(suggestions)
        )
        .into(),
        Msg::FutureDate { date, today } => format!(
            "`{date}` 是将来的日期（今天是 {today}）；studyplan 记录的是你已经做过的事，\
             请给出今天或更早的日期"
        )
        .into(),
        Msg::BeforeStart {
            date,
            start,
            planned: true,
        } => format!(
            "计划在 {start} 才开始，晚于今天：开始之前不能记录；要现在开始，请用 `studyplan begin {date}`"
        )
        .into(),
        Msg::BeforeStart { date, start, .. } => format!(
            "`{date}` 早于计划的开始日期 {start}；请给出 {start} 或之后的日期，\
             或先用 `studyplan begin {date}` 提前开始日期"
        )
        .into(),
        Msg::BeforeLastChange { topic, date, last } => format!(
            "`{date}` 早于 `{topic}` 最近一次修改的日期 {last}；主题的状态取决于最近一次\
             修改，请给出 {last} 或之后的日期（见 `studyplan show {topic}`）"
        )
        .into(),
        Msg::BeginAfterWork { date, first } => format!(
            "计划不能从 `{date}` 开始：{first} 已经有记录；请给出 {first} 或更早的日期\
             （见 `studyplan log`）"
        )
        .into(),
        Msg::ForgetCurrentTopic { id, current } => format!(
            "`{id}` 是当前课程里的主题（`{current}`），没有可忘记的；forget 只丢弃课程中已不存在的编号上的进度；\
             要清除这个主题的进度，请用 `studyplan undo {current}`"
        )
        .into(),
        Msg::NothingToForget { id, orphans: [] } => format!(
            "进度文件里没有 `{id}` 的进度可忘记，也没有任何当前课程已不存在的编号上的进度"
        )
        .into(),
        Msg::NothingToForget { id, orphans } => format!(
            "进度文件里没有 `{id}` 的进度可忘记；可以忘记的编号：{}",
            list(&super::ticked(orphans))
        )
        .into(),
        Msg::EmptyNote => {
            "笔记是空的；请把内容写在主题后面，例如 `studyplan note why-rag \"读论文\"`".into()
        }
        Msg::OptionInNote { word, topic } => format!(
            "笔记内容中的 `{word}` 是一个选项，所以没有记下笔记；请把选项放在主题前面，\
             或把整段内容放进引号以保留这个词（`studyplan note {topic} \"…… {word} ……\"`）"
        )
        .into(),
        Msg::StoreCorrupt { path, at, problem } => format!(
            "无法读取进度文件 `{path}`：{}{}\n\
             文件保持原样未动：请手动修好它，或把它移走以重新开始（你的历史记录在里面）",
            at.map(|(line, column)| format!("第 {line} 行第 {column} 列："))
                .unwrap_or_default(),
            v1_problem(problem)
        )
        .into(),
        Msg::MergeCorrupt { path, at, problem } => format!(
            "无法读取要并入的 `{path}`：{}{}；什么也没有并入，文件保持原样未动",
            at.map(|(line, column)| format!("第 {line} 行第 {column} 列："))
                .unwrap_or_default(),
            v1_problem(problem)
        )
        .into(),
        Msg::StoreBadLine {
            path,
            line,
            problem,
        } => format!(
            "无法读取进度文件 `{path}`：第 {line} 行{}\n\
             文件保持原样未动：请手动修好或删掉这一行（其余各行完好），或撤销造成它的编辑",
            line_problem(problem)
        )
        .into(),
        Msg::StoreTornTail { path, line } => format!(
            "提示：`{path}` 的最后一行（第 {line} 行）是一次没有写完的写入，已略过；下一次更改会把它截掉"
        )
        .into(),
        Msg::StoreBesideUnreadable { path, problem } => format!(
            "警告：进度文件旁的 `{path}` 无法读取，已略过，并保持原样留在原处；请修好它，或把它移出进度文件所在的文件夹：\n{}",
            super::indented(problem)
        )
        .into(),
        Msg::StoreOldFormatBeside { path, quoted } => format!(
            "提示：进度文件旁的 `{path}` 是旧版 studyplan（也许在另一台机器上）写的旧格式文件：已与进度文件一并读取，下一次更改会把其中的更改写入进度文件；它会留在原处，等不再有机器写它时，请把它移走（`mv {quoted} ...`）"
        )
        .into(),
        Msg::StoreCopiesFound { copies } => format!(
            "提示：进度文件旁有同步工具留下的 {} 个冲突副本，已一并读取：{}；下一次更改会把它们并入进度文件，并移到 `merged/` 中",
            copies.len(),
            list(&super::ticked(copies)),
        )
        .into(),
        Msg::StoreConverted { from, backup, to } => format!(
            "提示：进度文件 `{from}` 已转换为新格式 `{to}`；旧文件保留为 `{backup}`"
        )
        .into(),
        Msg::StoreCopiesFolded { count, folder } => format!(
            "提示：已把 {count} 个冲突副本并入进度文件；它们保留在 `{folder}` 中"
        )
        .into(),
        Msg::RevertNoMatch { id } => format!(
            "没有编号为 `{id}` 的更改；`studyplan log` 的第一列是每条更改的编号"
        )
        .into(),
        Msg::RevertAmbiguous { id, matches } => format!(
            "有 {} 条更改的编号以 `{id}` 开头：{}；请多输入几位",
            matches.len(),
            list(&super::ticked(matches))
        )
        .into(),
        Msg::RevertAlready { id, by: Some(by) } => format!(
            "更改 `{id}` 已经不计入了：`{by}` 撤回了它；要让它重新计入，请运行 `studyplan revert {by}`"
        )
        .into(),
        Msg::RevertAlready { id, by: None } => format!(
            "更改 `{id}` 已经不计入了；要让它重新计入，请撤回那次撤回"
        )
        .into(),
        Msg::RevertTooShort { id, min } => format!(
            "`{id}` 太短，无法确定是哪条更改：请至少给出编号的前 {min} 个字符（`studyplan log` 的第一列显示 8 个）"
        )
        .into(),
        Msg::RevertOtherPlan { id, plan } => format!(
            "更改 `{id}` 属于计划 `{plan}`，不属于当前使用的课程；请用那份课程运行 `studyplan revert`"
        )
        .into(),
        Msg::Reverted { id, what } => {
            format!("已撤回 {id}（{what}）：它不再计入；两条记录都留在日志里").into()
        }
        Msg::Merged { added: 0, files } => {
            format!("没有可添加的：这 {files} 个文件中的每条更改进度文件里都已经有了").into()
        }
        Msg::Merged { added, files } => {
            format!("从 {files} 个文件中添加了 {added} 条更改").into()
        }
        Msg::MergeDisagrees { topic, state } => format!(
            "两份历史在 `{topic}` 上不一致：以较晚的更改为准（{}）；两条都留在日志里",
            state_text(state)
        )
        .into(),
        Msg::MergeDisagreesMore { more } => format!(
            "……另有 {more} 个主题上两份历史不一致；`studyplan show 主题` 列出一个主题的更改"
        )
        .into(),
        Msg::RevertsChange { id } => format!("修改 {id}").into(),
        Msg::NoLongerCounts => "（已撤回，不再计入）".into(),
        Msg::MergeSelf { path } => {
            format!("`{path}` 就是进度文件本身；请给出另一个要并入的进度文件").into()
        }
        Msg::StoreZeroTail {
            path,
            quoted,
            keep,
            zeros,
        } => format!(
            "无法读取进度文件 `{path}`：它在最后一行完整记录之后以 {zeros} 个零字节结尾，\
             这是断电中断写入可能留下的；它们之前的每条记录都完好\n\
             文件保持原样未动：把它截到前 {keep} 个字节（例如 \
             `truncate -s {keep} {quoted}`）后重新运行命令"
        )
        .into(),
        Msg::StoreChanged { path } => format!(
            "本命令运行期间，进度文件 `{path}` 被改动了（另一个程序、编辑器或同步工具保存了它？）\n\
             本次没有写入任何内容，那次改动得以保留：请重新运行命令"
        )
        .into(),
        Msg::StoreUnfinished { path, line, text } => format!(
            "无法读取进度文件 `{path}`：最后一行（第 {line} 行）停在一条记录的中间（`{text}`）：\
             写入被中断（崩溃、磁盘已满），或文件被截断\n\
             文件保持原样未动：删掉这一行后重新运行命令；它之前的每一行都完好"
        )
        .into(),
        Msg::StoreTooNew {
            path,
            found,
            supported,
        } => format!(
            "进度文件 `{path}` 的版本是 {found}，而这个 studyplan 最高只能读取版本 {supported}；\
             请升级 studyplan（文件保持原样未动）"
        )
        .into(),
        Msg::StoreNotAFile {
            path,
            folder: true,
            example,
        } => format!("进度文件 `{path}` 是一个文件夹；请给出文件路径，例如 `{example}`").into(),
        Msg::StoreNotAFile {
            path,
            folder: false,
            example,
        } => format!("进度文件 `{path}` 不是文件路径；请给出文件路径，例如 `{example}`").into(),
        Msg::StoreNotRegular { path } => format!(
            "进度文件 `{path}` 不是普通文件（而是管道、设备或套接字）；已保持原样：\
             请用 --store 指定一个文件"
        )
        .into(),
        Msg::OwnerWouldChange { path } => format!(
            "无法写入进度文件 `{path}`：它属于另一个用户，重新写入会让它变成你的；\
             没有做任何改动：请以它的所有者身份运行命令"
        )
        .into(),
        Msg::StoreLinkBroken { path } => format!(
            "进度文件 `{path}` 是一个指向无法访问的文件的链接；请修好链接，或用 --store 指定别的文件"
        )
        .into(),
        Msg::IoFailed {
            action,
            path,
            reason,
            not_regular,
        } => match action {
            IoAction::ReadStore if not_regular => format!(
                "无法读取进度文件 `{path}`：{reason}；请用 --store（或 STUDYPLAN_STORE）指定一个普通文件"
            ),
            IoAction::ReadStore => format!(
                "无法读取进度文件 `{path}`：{reason}；请检查它的权限，或用 --store 指定另一个文件"
            ),
            IoAction::WriteStore => format!("无法写入进度文件 `{path}`：{reason}；没有做任何改动"),
            IoAction::CreateStoreFolder => format!(
                "无法创建进度文件夹 `{path}`：{reason}；请手动创建，或用 --store 指定别处"
            ),
            IoAction::Lock => format!("无法用 `{path}` 锁定进度文件：{reason}；没有做任何改动"),
            IoAction::WriteReport => {
                format!("无法把报告写入 `{path}`：{reason}；没有留下任何文件")
            }
            IoAction::ReadMerged => {
                format!("无法读取要并入的 `{path}`：{reason}；请检查路径，什么也没有并入")
            }
        }
        .into(),
        Msg::WriteOutput {
            target: Some(target),
            reason,
        } => format!(
            "无法把输出写入 `{target}`（标准输出）：{reason}；请解决这个问题或把输出转到别处，\
             然后重新运行命令"
        )
        .into(),
        Msg::WriteOutput {
            target: None,
            reason,
        } => format!(
            "无法把输出写入标准输出：{reason}；请解决这个问题或把输出转到别处，\
             然后重新运行命令"
        )
        .into(),
        Msg::StoreFolderMissing {
            path,
            folder,
            quoted,
        } => format!(
            "进度文件 `{path}`（由 --store 或 STUDYPLAN_STORE 指定）所在的文件夹 `{folder}` 不存在，所以什么也没有记录；请检查路径，或先创建这个文件夹（`mkdir -p {quoted}`）"
        )
        .into(),
        Msg::OutputFolderMissing { path, folder } => format!(
            "无法把报告写入 `{path}`：文件夹 `{folder}` 不存在；请先创建它，或换一个 --output"
        )
        .into(),
        Msg::ReportOntoOwnFile { path, file, what } => {
            let what = match what {
                OwnFile::Store => "进度文件，你的历史记录会丢失",
                OwnFile::Lock => "进度文件的锁文件",
                OwnFile::Curriculum => "正在使用的课程文件",
            };
            format!(
                "不能把报告写入 `{path}`：它就是 `{file}`，{what}；没有写入任何内容：\
                 请换一个 --output"
            )
            .into()
        }
        Msg::ReportFormatMismatch { path, given, said } => format!(
            "`--format {given}` 与文件名 `{path}` 不符（扩展名表示 {said}）；去掉 --format \
             即写成 {said}，或换一个相符的文件名"
        )
        .into(),
        Msg::ReportFormatUnknown { path, extension } => format!(
            "无法从文件名 `{path}` 判断报告格式：`.{extension}` 不是 .md、.csv、.json、.html 或 .svg；\
             请加上 --format markdown、csv、json、html 或 svg"
        )
        .into(),
        Msg::ReportNoNotes { format } => {
            format!("{format} 报告里没有放笔记的地方：--notes 只用于 --format html 或 markdown").into()
        }
        Msg::ReportNotAFile { path } => format!(
            "无法把报告写入 `{path}`：它既不是文件，也不是管道或字符设备，已保持原样；\
             请换一个 --output"
        )
        .into(),
        Msg::BadToday { value } => format!(
            "STUDYPLAN_TODAY=`{value}` 不是 2026-11-29 这样的日期（YYYY-MM-DD）；请改正或删除它"
        )
        .into(),
        Msg::BadLang { value } => {
            format!("STUDYPLAN_LANG=`{value}` 不是 studyplan 支持的语言；请用 `zh` 或 `en`").into()
        }
        Msg::BadBorder { value } => format!(
            "STUDYPLAN_BORDER=`{value}` 不是表格线的画法；请用 `unicode` 或 `ascii`"
        )
        .into(),
        Msg::NoDataFolder => "找不到你的数据文件夹；请用 --store FILE 或设置 STUDYPLAN_STORE".into(),
        Msg::BadReviewSetting { value } => {
            format!("STUDYPLAN_REVIEW=`{value}` 不是有效的设置；请用 `on` 或 `off`").into()
        }
        Msg::Reviewed {
            next,
            in_days,
            early,
        } => {
            let early = if early {
                "（还没到期，所以间隔不变）"
            } else {
                ""
            };
            let next = match in_days {
                0 => format!("下次复习就是今天（{next}）"),
                n if n < 0 => format!("下次复习本应在 {next}，已过期 {}", days(-n)),
                n => format!("下次复习在 {next}（{}后）", days(n)),
            };
            format!("已复习{early}；{next}").into()
        }
        Msg::ReviewedAlready { next, in_days } => format!(
            "今天已经复习过了，所以没有再记录；下次复习在 {next}（{}后）",
            days(in_days)
        )
        .into(),
        Msg::ReviewDue {
            due,
            overdue,
            aside,
        } => {
            let when = match overdue {
                0 => "今天到期".to_owned(),
                n if n > 0 => format!("{due} 到期，已过期 {}", days(n)),
                n => format!("{due} 到期，还有 {}", days(-n)),
            };
            if aside { format!("（{when}）") } else { when }.into()
        }
        Msg::ReviewsDue { count } => format!("今天有 {}到期要复习：", topics(count as i64)).into(),
        Msg::ReviewHow => "记录一次复习：`studyplan review 主题`；回想吃力加 --hard，已经忘了加 --again".into(),
        Msg::NoReviewsDue => "今天没有要复习的主题".into(),
        Msg::NextReview {
            topic,
            due,
            in_days,
        } => format!("下次复习在 {due}（{}后）：{topic}", days(in_days)).into(),
        Msg::NothingToReview { intervals } => format!(
            "还没有要复习的：每完成一个主题，会在 {intervals} 天后回来复习"
        )
        .into(),
        Msg::ReviewsOff { by_curriculum: true } => "复习已关闭：课程里写了 `review: false`".into(),
        Msg::ReviewsOff {
            by_curriculum: false,
        } => "复习已关闭（--no-review 或 STUDYPLAN_REVIEW=off）；去掉它们再复习".into(),
        Msg::TodayIs { today, calendar } => format!("今天，{today}：{calendar}").into(),
        Msg::TodayNotStarted => "计划还没有开始：用 `studyplan begin`（今天）或 `studyplan begin 日期` 设定第一天，或用 `studyplan start 主题` 开始一个主题；最先的几个主题：".into(),
        Msg::TodayStartsIn { start, days: n } => {
            format!("计划 {start} 开始，还有 {}；最先的几个主题：", days(n)).into()
        }
        Msg::TodayFinished => "所有主题都已完成或跳过：没有要学的了".into(),
        Msg::TodayAhead { ahead: 0 } => "按计划进行：今天没有要完成的了；有时间的话，下一个主题：".into(),
        Msg::TodayAhead { ahead } => format!(
            "领先计划 {}：今天没有要完成的；有时间的话，下一个主题：",
            topics(ahead as i64)
        )
        .into(),
        Msg::TodayToFinish {
            to_finish,
            behind: 0,
            ..
        } => format!("按计划进行：今天完成 {}即可不落后：", topics(to_finish as i64)).into(),
        Msg::TodayToFinish {
            to_finish,
            behind,
            week,
        } => {
            let week = match week {
                Some(per_week) => format!("；按你最近的速度，一周能完成 {per_week:.1} 个"),
                None => String::new(),
            };
            format!(
                "落后 {}：今天完成 {to_finish} 个，今晚就能赶上计划{week}：",
                topics(behind as i64)
            )
            .into()
        }
        Msg::TodayCatchUp {
            over_by,
            to_low: 0,
            low,
        } => format!("计划日历已在 {}前结束，你已达到 {low}；下一个主题：", days(over_by)).into(),
        Msg::TodayCatchUp {
            over_by,
            to_low,
            low,
        } => format!(
            "计划日历已在 {}前结束：还要完成 {}才能达到 {low}",
            days(over_by),
            topics(to_low as i64)
        )
        .into(),
        Msg::TodayReach {
            by,
            low,
            per_week: Some(per_week),
        } => format!("要在 {by} 前达到 {low}：每周 {per_week:.1} 个主题").into(),
        Msg::TodayReach {
            by,
            low,
            per_week: None,
        } => format!("{by} 前达到 {low} 已不可能：跳过的主题太多").into(),
        Msg::TodayReached { low } => format!("已经达到 {low}").into(),
        Msg::TodayMoreReviews { more } => {
            format!("……还有 {more} 个：`studyplan review` 会全部列出").into()
        }
        Msg::TodayAtPace { eta } => format!(
            "按你的速度：{eta}（用 `studyplan today --by 日期` 可以算出：要在那天之前达到，每周需完成几个主题）；下一个主题："
        )
        .into(),
        Msg::TodayMore { more, count } => {
            format!("……还有 {more} 个：`studyplan next {count}` 会全部列出").into()
        }
        Msg::TodayLineFinish { to_finish, first } => {
            format!("完成 {}即可不落后，先学 {first}", topics(to_finish as i64)).into()
        }
        // After the label 今天：, which says the day already.
        Msg::TodayLineAhead { ahead: 0 } => "没有要完成的了".into(),
        Msg::TodayLineAhead { ahead } => {
            format!("没有要完成的，领先 {}", topics(ahead as i64)).into()
        }
        Msg::TodayLineCatchUp { to_low, low } => {
            format!("追赶：还差 {}才能达到 {low}", topics(to_low as i64)).into()
        }
        Msg::TodayLineReviews { count, alone: true } => {
            format!("{}待复习", topics(count as i64)).into()
        }
        Msg::TodayLineReviews {
            count,
            alone: false,
        } => format!("；{}待复习", topics(count as i64)).into(),
        Msg::ByNotLater { by, today } => format!(
            "--by {by} 不在今天（{today}）之后；请给出你想在哪一天前达到区间"
        )
        .into(),
        Msg::StatsHeatmap { weeks, from, to } => {
            format!("学习日，最近 {weeks} 周（{from} – {to}）：").into()
        }
        Msg::WeekdayShort { day } => {
            ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][day as usize % 7].into()
        }
        Msg::MonthShort { month } => format!("{}月", (month + 11) % 12 + 1).into(),
        Msg::StatsLegend { levels } => format!("少 {levels} 多").into(),
        Msg::StatsStreak {
            current,
            longest,
            ended,
        } => {
            let now = match current {
                0 => "目前没有连续学习".to_owned(),
                n => format!("已连续 {}", days(n as i64)),
            };
            match ended {
                Some(ended) if longest > current => {
                    format!("{now}；最长 {}，到 {ended} 为止", days(longest as i64)).into()
                }
                _ if current > 1 => format!("{now}，是你最长的一次").into(),
                _ => now.into(),
            }
        }
        Msg::StatsStudyDays { last7, last30 } => {
            format!("最近 7 天中有 {last7} 天，最近 30 天中有 {last30} 天").into()
        }
        Msg::StatsDonePerWeek { weeks } => format!("每周完成的主题，最近 {weeks} 周：").into(),
        Msg::StatsBurnUp {
            done,
            planned,
            band,
        } => format!("计划日历上已完成的主题（{done}）与计划（{planned}）的对比，标出了 {band} 区间：").into(),
        Msg::StatsNothingYet => "还没有学习记录：某一天完成或开始了主题、写了笔记或记录了复习，才算学习日".into(),
        Msg::ReviewNotDone { topic, state } => format!(
            "`{topic}` 的状态是“{}”，不是已完成：只有完成的主题才会回来复习；先用 `studyplan done {topic}` 完成它",
            state_text(state)
        )
        .into(),
        Msg::MergeNotAFile { path, what } => {
            let is = match what {
                NotAFile::Folder => "是一个文件夹",
                NotAFile::NotAPath => "不是文件路径",
                NotAFile::Special => "不是普通文件（而是管道、设备或套接字）",
                NotAFile::BrokenLink => "是一个指向无法访问的文件的链接",
            };
            format!(
                "`{path}` {is}，所以什么也没有并入；请把进度文件本身交给 merge（另一台机器的 `progress.jsonl`、备份、旧的 `progress.yaml`）"
            )
            .into()
        }
        Msg::MergeWrongKind { path, found } => format!(
            "`{path}` 是{}，不是进度文件，所以什么也没有并入；merge 并入的是别的进度文件：另一台机器的 `progress.jsonl`、备份、旧的 `progress.yaml`（文件保持原样未动）",
            kind_text(found)
        )
        .into(),
        Msg::WrongKind {
            path,
            quoted,
            given,
            found,
        } => {
            let is = kind_text(found);
            let given_store = given == FileKind::Store;
            let not = if given_store {
                "不是进度文件"
            } else {
                "不是课程文件"
            };
            let instead = match found {
                FileKind::Curriculum => format!("要按它学习，请用 `--curriculum {quoted}`，并"),
                FileKind::Store => format!("要在其中记录进度，请用 `--store {quoted}`，并"),
                FileKind::Report { .. } => "请".to_owned(),
            };
            let point = if given_store {
                "让 --store（或 STUDYPLAN_STORE）指向你的进度文件，或两者都不设以使用默认的进度文件"
            } else {
                "让 --curriculum（或 STUDYPLAN_CURRICULUM）指向一份课程文件，或两者都不设以使用内置路线"
            };
            format!("`{path}` 是{is}，{not}；{instead}{point}（文件保持原样未动）").into()
        }
    }
}

/// What a file studyplan knows is, after "是".
fn kind_text(kind: FileKind) -> String {
    match kind {
        FileKind::Store => "进度文件".to_owned(),
        FileKind::Curriculum => "课程文件".to_owned(),
        FileKind::Report { format } => format!(" `studyplan report` 写出的 {format} 报告"),
    }
}

/// What the value at a path is: `第 2 阶段`, `主题 1.3`, `第 2 阶段的 `days``.
pub(super) fn subject(pieces: &[PathPiece]) -> String {
    match super::subject(pieces) {
        Subject::Curriculum => "课程".into(),
        Subject::Stage(n) => format!("第 {n} 阶段"),
        Subject::Topic { stage, topic } => match stage {
            Some(stage) => format!("主题 {stage}.{topic}"),
            None => format!("主题 {topic}"),
        },
        Subject::Item { number, of } => spaced(&subject(of), &format!("的第 {number} 项")),
        Subject::Key(key) => format!("`{key}`"),
        Subject::KeyOf { key, of } => spaced(&subject(of), &format!("的 `{key}`")),
    }
}

/// Two pieces of Chinese text joined as Chinese typesetting joins them: with a space between
/// Chinese and Latin letters, digits or code, and none between two Chinese characters.
fn spaced(first: &str, second: &str) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '`');
    if latin(first.chars().last()) || latin(second.chars().next()) {
        format!("{first} {second}")
    } else {
        format!("{first}{second}")
    }
}

fn expected_text(expected: Expected) -> &'static str {
    match expected {
        Expected::Curriculum => {
            "课程：含 `id`、`title`、`band` 和 `stages` 的映射（`studyplan curriculum export` \
             可导出一份示例）"
        }
        Expected::Stage => "阶段：含 `id`、`title`、`days` 和 `topics` 的映射",
        Expected::Topic => "主题：含 `id` 和 `title` 的映射",
        Expected::Id => "由字母、数字、`-`、`_` 和 `.` 组成的编号，例如 `why-rag`",
        Expected::Text => "一段文字，或用 `{ zh: …, en: … }` 写出两种语言",
        Expected::Plain => "一段文字",
        Expected::Band => "区间的两端，例如 `{ low: 0.6, high: 0.7 }`",
        Expected::Fraction => "0 到 1 之间的小数，例如 0.6",
        Expected::Days => "整数天数，例如 10",
        Expected::Stages => "阶段列表，每项以 `- id:` 开头",
        Expected::Topics => "主题列表，每项以 `- id:` 开头",
        Expected::Links => "链接列表，每项一行，以 `- ` 开头",
        Expected::OldIds => "旧编号列表，例如 `[old-id]`",
        Expected::YesNo => "`true` 或 `false`",
    }
}

fn found_text(found: Found) -> String {
    match found {
        Found::Text(text) => format!("文字 {text}"),
        Found::Number(number) => format!("数字 {number}"),
        Found::Boolean(value) => format!("`{value}`"),
        Found::List => "列表".into(),
        Found::Map => "键值映射".into(),
        Found::Nothing => "空值".into(),
        Found::Other(other) => other.to_owned(),
    }
}

fn yaml_hint(hint: YamlHint) -> &'static str {
    match hint {
        YamlHint::MissingValue => "这里缺少一个值；上面是否有没闭合的 `[` 或 `{`？",
        YamlHint::ColonAtKey => "这里的 `:` 不能开始一个键；含有 `: ` 的文字请加引号，或检查缩进",
        YamlHint::Indentation => "这里的缩进不对；同一个映射里的键要上下对齐",
        YamlHint::EndsInside => "文件在引号或括号内就结束了；请把它闭合",
        YamlHint::UnknownEscape => {
            "双引号文字里有未知的 `\\` 转义；反斜杠请写成 `\\\\`，或改用单引号"
        }
        YamlHint::AliasWithoutAnchor => "别名（`*name`）前面没有对应的锚点（`&name`）",
    }
}

/// A part of a curriculum: `第 2 阶段（`retrieval`）`.
fn part_text(part: PartName) -> String {
    match part {
        PartName::Curriculum => "课程".into(),
        PartName::Stage { number, id } => format!("第 {number} 阶段（`{id}`）"),
        PartName::Topic { stage, topic, id } => format!("主题 {stage}.{topic}（`{id}`）"),
    }
}

fn map_text(map: MapName) -> &'static str {
    match map {
        MapName::Curriculum => "课程",
        MapName::Band => "band（区间）",
        MapName::Stage => "阶段",
        MapName::Topic => "主题",
        MapName::Text => "文字",
    }
}

/// `；你是不是想输入 `a`、`b`？` after an unknown name, when anything comes close.
fn did_you_mean(suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("；你是不是想输入 {}？", list(&super::ticked(suggestions)))
    }
}

fn not_regular(kind: FileType) -> &'static str {
    match kind {
        FileType::Folder => "这是一个文件夹，不是文件",
        FileType::Fifo => "这是一个命名管道（FIFO），不是普通文件",
        FileType::Device => "这是一个设备，不是普通文件",
        FileType::Socket => "这是一个套接字，不是普通文件",
        FileType::Other => "这不是普通文件",
    }
}

fn io_failure(failure: IoFailure) -> &'static str {
    match failure {
        IoFailure::NotFound => "文件或文件夹不存在",
        IoFailure::PermissionDenied => "没有权限",
        IoFailure::AlreadyExists => "已经存在",
        IoFailure::NotAFolder => "路径中有一段是文件而不是文件夹",
        IoFailure::ReadOnly => "文件系统是只读的",
        IoFailure::DiskFull => "磁盘已满",
        IoFailure::LinkLoop => "它的符号链接绕成了一个圈（或链接层数过多）",
    }
}

/// Where the learner stands against the band, once nothing is left to study.
fn place(above: bool, band: &str) -> String {
    if above {
        format!("超过 {band} 区间")
    } else {
        format!("已进入 {band} 区间")
    }
}

fn header_text(header: Header) -> &'static str {
    match header {
        Header::Stage => "阶段",
        Header::Id => "编号",
        Header::Days => "天数",
        Header::Planned => "计划日期",
        Header::Done => "完成",
        Header::Progress => "进度",
        Header::Title => "标题",
        Header::State => "状态",
        Header::Since => "日期",
        Header::Topics => "主题数",
        Header::Plan => "计划",
        Header::InProgress => "进行中",
        Header::Skipped => "跳过",
        Header::LastChange => "最近修改",
    }
}

fn label_text(label: Label) -> &'static str {
    match label {
        Label::Overall => "总体",
        Label::Readiness => "准备度",
        Label::Next => "下一个",
        Label::Date => "日期",
        Label::Calendar => "日历",
        Label::Today => "今天",
        Label::Review => "复习",
        Label::Streak => "连续",
        Label::StudyDays => "学习日",
        Label::Plan => "计划",
        Label::Pace => "速度",
        Label::Projected => "预计",
        Label::Genius => "天才",
        Label::Id => "编号",
        Label::Title => "标题",
        Label::About => "简介",
        Label::Stages => "阶段",
        Label::Topics => "主题",
        Label::Days => "天数",
        Label::Band => "区间",
        Label::Links => "链接",
        Label::Stage => "阶段",
        Label::Position => "位置",
        Label::State => "状态",
        Label::History => "历史",
        Label::Notes => "笔记",
        Label::Goal => "目标",
        Label::Planned => "计划",
        Label::Progress => "进度",
        Label::Store => "进度文件",
        Label::LinkTo => "链接到",
        Label::Lock => "锁文件",
        Label::Curriculum => "课程",
        Label::Cache => "缓存",
    }
}

fn state_text(state: StateName) -> &'static str {
    match state {
        StateName::Todo => "未开始",
        StateName::InProgress => "进行中",
        StateName::Done => "已完成",
        StateName::Skipped => "已跳过",
    }
}

fn topics(n: i64) -> String {
    count(n, Unit::Topic)
}

fn days(n: i64) -> String {
    count(n, Unit::Day)
}

fn change_text(change: ChangeName) -> &'static str {
    match change {
        ChangeName::Done => "完成",
        ChangeName::Undo => "撤销",
        ChangeName::Start => "开始",
        ChangeName::Skip => "跳过",
        ChangeName::Note => "笔记",
        ChangeName::Begin => "开始计划",
        ChangeName::Forget => "忘记",
        ChangeName::Revert => "撤回",
        ChangeName::Review => "复习",
        ChangeName::ReviewHard => "复习（吃力）",
        ChangeName::ReviewAgain => "复习（忘了）",
    }
}

fn man_text(section: ManSection) -> &'static str {
    match section {
        ManSection::Name => "名称",
        ManSection::Synopsis => "概要",
        ManSection::Description => "描述",
        ManSection::Options => "选项",
        ManSection::Commands => "命令",
        ManSection::Extra => "说明",
        ManSection::Version => "版本",
    }
}

/// `n` of `unit`: `3 个主题`, `3 天`.
pub(super) fn count(n: i64, unit: Unit) -> String {
    match unit {
        Unit::Topic => format!("{n} 个主题"),
        Unit::Day => format!("{n} 天"),
    }
}

/// `a`, `a 和 b`, `a、b 和 c`.
pub(super) fn and_list<S: Borrow<str>>(items: &[S]) -> String {
    super::join_last(items, "、", " 和 ")
}

/// `a、b、c`: items of a list, such as ids.
pub(super) fn list<S: Borrow<str>>(items: &[S]) -> String {
    items.join("、")
}

/// `a，b`: clauses of one sentence.
pub(super) fn clauses<S: Borrow<str>>(items: &[S]) -> String {
    items.join("，")
}

/// The YAML reader's own `reason` stays in English: it has no other.
fn v1_problem(problem: &V1Problem) -> String {
    match problem {
        V1Problem::Empty => "文件是空的".into(),
        V1Problem::NotUtf8 { offset } => format!("它不是 UTF-8 文本（第 {offset} 字节处有错）"),
        V1Problem::TooLarge { mib } => {
            format!("它是超过 {mib} MiB 的版本 1 文件，studyplan 从未写出过这么大的文件")
        }
        V1Problem::Yaml { reason } => format!("YAML 读不懂（{reason}）"),
        V1Problem::Tab => {
            "这里有一个制表符（Tab）；YAML 只能用空格缩进，不能用 Tab：请换成空格".to_owned()
        }
        V1Problem::Aliases { mib } => format!(
            "其中的别名（`*name`）展开后会把文本重复到 {mib} MiB 以上，studyplan 从不这样写"
        ),
        V1Problem::NotAMap => "它不是带有 `version:` 和 `events:` 的 YAML 映射".into(),
        V1Problem::NoVersion => "它没有 `version:` 字段".into(),
        V1Problem::VersionNotWhole { value } => format!("`version: {value}` 不是整数"),
        V1Problem::VersionZero => "`version: 0` 不是 studyplan 写过的版本".into(),
        V1Problem::Events { reason } => format!("events 读不懂（{reason}）"),
        V1Problem::Event {
            event,
            key: Some(key),
            reason,
        } => format!("第 {event} 条更改的 `{key}` 读不懂（{reason}）"),
        V1Problem::Event {
            event,
            key: None,
            reason,
        } => format!("第 {event} 条更改读不懂（{reason}）"),
        V1Problem::EventMissing { event, key } => format!("第 {event} 条更改缺少 `{key}`"),
        V1Problem::EventTime {
            event,
            value,
            reason,
        } => format!(
            "第 {event} 条更改的 `at: {value}` 不是像 2026-11-29T09:12:03+08:00 这样的时间（{reason}）"
        ),
        V1Problem::EventDate { event, value } => {
            format!("第 {event} 条更改的 `on: {value}` 不是像 2026-11-29 这样的日期")
        }
        V1Problem::EventKey { event, key } => format!("第 {event} 条更改的键 `{key}` 不是字符串"),
        V1Problem::TopKey { key } => format!("顶层的键 `{key}` 不是字符串"),
    }
}

fn line_problem(problem: &LineProblem) -> String {
    match problem {
        LineProblem::NotJson { column } => format!("不是 JSON 对象（从第 {column} 列起无法读懂）"),
        LineProblem::TooDeep => "嵌套得比任何进度行都深".into(),
        LineProblem::NotAnObject => "是 JSON，但不是对象（`{...}`）".into(),
        LineProblem::Missing(key) => format!("缺少 `{key}`"),
        LineProblem::WrongType { key } => format!("的 `{key}` 类型不对"),
        LineProblem::BadValue { key: "at", value } => {
            format!("的 `at: {value}` 不是像 2026-11-29T09:12:03.204518+08:00 这样的时间")
        }
        LineProblem::BadValue { key: "on", value } => {
            format!("的 `on: {value}` 不是像 2026-11-29 这样的日期")
        }
        LineProblem::BadValue {
            key: "version",
            value,
        } => {
            format!("是版本 {value} 的文件头，这种格式没有这个版本")
        }
        LineProblem::BadValue { key, value } => {
            format!("的 `{key}: {value}` 不是像 0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e 这样的编号")
        }
        LineProblem::TooLong => "超过 1 MiB，远比任何更改都长".into(),
        LineProblem::ZeroBytes => {
            "只有零字节，而且后面还有内容（是磁盘故障，不是没写完的写入）".into()
        }
    }
}
