//! The interface in English: every message of the catalog, in one exhaustive match.
//!
//! Longer than other files on purpose: one language is one file, so that it reads, and is
//! reviewed and translated, in one place, errors and all.

use std::borrow::{Borrow, Cow};

use super::{
    ChangeName, ChartLine, Expected, FileKind, FileType, Found, Header, IoAction, IoFailure, Label,
    LineProblem, ManSection, MapName, Msg, NotAFile, OwnFile, PartName, PathPiece, ReportHeading,
    StateName, Subject, TuiAction, Unit, V1Problem, YamlHint,
};

/// `msg` in English.
pub(super) fn text(msg: &Msg) -> Cow<'static, str> {
    match *msg {
        Msg::Header(header) => header_text(header).into(),
        Msg::Label(label) => format!("{}:", label_text(label)).into(),
        Msg::WithColon { text } => format!("{text}:").into(),
        Msg::State(state) => state_text(state).into(),
        Msg::Change(change) => change_text(change).into(),
        Msg::ManSection(section) => man_text(section).into(),

        Msg::VerdictComplete { above, band, total } => format!(
            "{}: all {total} topics done, the plan is complete",
            place(above, band)
        )
        .into(),
        Msg::VerdictOnlySkippedLeft {
            above,
            band,
            skipped: 1,
        } => format!(
            "{}: nothing left to study but the skipped topic; undo the skip to take it up",
            place(above, band)
        )
        .into(),
        Msg::VerdictOnlySkippedLeft {
            above,
            band,
            skipped,
        } => format!(
            "{}: nothing left to study but the {skipped} skipped topics; undo a skip to take one up",
            place(above, band)
        )
        .into(),
        Msg::VerdictUnreachable { band, low } => format!(
            "below the {band} band, and too many topics are skipped to reach {low}; undo a skip to get there"
        )
        .into(),
        Msg::VerdictBelow { band, low, to_go } => format!(
            "below the {band} band: {to_go} more {} to reach {low}",
            noun(to_go as i64, "topic", "topics")
        )
        .into(),
        Msg::VerdictWithin { band } => {
            format!("within the {band} band: you are getting ready").into()
        }
        Msg::VerdictAbove { band } => format!("above the {band} band: well on your way").into(),
        Msg::SkippedCovered { skipped, covered } => {
            format!(", {skipped} skipped; covered {covered}").into()
        }
        Msg::NothingLeft => "nothing left: every topic is done or skipped".into(),
        Msg::DoneOf {
            done,
            total,
            percent,
        } => format!("{done}/{total} done ({percent})").into(),

        Msg::NotStarted => "not started: the plan starts with your first change, or on the day you give `studyplan begin`".into(),
        Msg::CalendarStartsOn { start, in_days } => {
            format!("starts on {start}, in {}", days(in_days)).into()
        }
        Msg::CalendarOver {
            total_days,
            end,
            over_by,
            day,
            start,
        } => format!(
            "the plan's calendar is over: its {} ended on {end}, {} ago (day {day} since the start on {start})",
            days(total_days),
            days(over_by)
        )
        .into(),
        Msg::CalendarDay {
            day,
            total_days,
            start,
            end,
        } => format!("day {day} of {total_days}, started {start}, ends {end}").into(),
        Msg::OnSchedule => "on schedule".into(),
        Msg::OnScheduleToGo { topics: n } => {
            format!("on schedule, {} to go today", topics(n)).into()
        }
        Msg::Ahead { topics: n } => format!("{} ahead", topics(n)).into(),
        Msg::Behind { topics: n, to_go } if to_go == n => format!("{} behind", topics(n)).into(),
        Msg::Behind { topics: n, to_go } => {
            format!("{} behind, {to_go} to finish today", topics(n)).into()
        }
        Msg::PlanStage {
            stage,
            title,
            expected,
            done,
            standing,
        } => format!(
            "stage {stage} {title}, {} expected done by today; you have {done}: {standing}",
            topics(expected as i64)
        )
        .into(),
        Msg::PlanAllDue {
            expected,
            done,
            standing,
        } => format!(
            "all {} were due by the calendar's end; you have {done}: {standing}",
            topics(expected as i64)
        )
        .into(),
        Msg::PaceSinceStart { per_week } => {
            format!("{per_week:.1} topics a week since the start").into()
        }
        Msg::PaceRecent {
            per_week,
            recent,
            days: n,
        } => format!(
            "{per_week:.1} topics a week since the start, {recent:.1} over the last {}",
            days(n)
        )
        .into(),
        Msg::NoPaceYet => "no pace yet: nothing done so far".into(),
        Msg::EtaNoPaceYet => "no pace yet: finish a topic to see when you will get there".into(),
        Msg::EtaReached { targets, day } => {
            format!("{} reached on {day}", and_list(targets)).into()
        }
        Msg::EtaBy { targets, day } => format!("{} by {day}", and_list(targets)).into(),
        Msg::EtaNoPace { targets } => format!("{} no pace yet", and_list(targets)).into(),
        Msg::EtaOutOfReach { targets, skipped } => format!(
            "{} out of reach while {} {} skipped",
            and_list(targets),
            noun_count(skipped, "topic", "topics"),
            noun(skipped as i64, "is", "are")
        )
        .into(),
        // The line's label already says "Genius" (天才): the text says it was earned.
        Msg::GeniusEarned { days: n } => format!(
            "天才, earned: every topic done within {} of the start",
            days(n)
        )
        .into(),
        Msg::GeniusWithin { total, days: n } => format!(
            "finish all {} within {} of the start to be a genius (天才)",
            topics(total as i64),
            days(n)
        )
        .into(),
        Msg::GeniusToGo {
            remaining,
            days_left,
            last,
        } => format!(
            "{} to go with {} left (through {last}) to be a genius (天才)",
            topics(remaining as i64),
            days(days_left)
        )
        .into(),
        Msg::StageHeading { number, title } => format!("Stage {number}: {title}").into(),
        Msg::NoTopicsMatch => "no topics match".into(),

        Msg::PositionInStage {
            pos,
            topic,
            of,
            stage,
        } => format!("{pos}, topic {topic} of {of} in stage {stage}").into(),
        Msg::SinceDay { day } => format!(", since {day}").into(),
        Msg::NoHistory => "no changes yet".into(),
        Msg::RecordedOn { day } => format!(" (recorded {day})").into(),
        Msg::NoNotes => "none".into(),
        Msg::StageDays {
            days: n,
            first,
            last,
            total,
        } => format!("{}, days {first}-{last} of {total}", days(n)).into(),
        Msg::StageDates { dates } => format!(": {dates}").into(),
        Msg::StageDatesLater => {
            "; the dates follow once the plan has begun (`studyplan begin`)".into()
        }

        Msg::BeginCounts => " (the start that counts)".into(),
        Msg::BeginCountsMovedFrom { from } => {
            format!(" (the start that counts, moved from {from})").into()
        }
        Msg::BeginSupersededMovedTo { on, to } => {
            format!(" (superseded on {on}: moved to {to})").into()
        }
        Msg::BeginSupersededOn { on } => format!(" (superseded on {on})").into(),
        Msg::BeginSuperseded => " (superseded)".into(),
        Msg::NotInCurriculum { id } => format!("`{id}` (not in this curriculum)").into(),
        Msg::ThePlanStarts => "the plan starts".into(),
        Msg::ThePlan => "the plan".into(),
        Msg::NoChangesMatch => "no changes match".into(),
        Msg::NoChangesYet => "no changes recorded yet".into(),
        Msg::SoundCurriculum { source } => format!("`{source}` is a sound curriculum.").into(),
        Msg::GeniusWindow { days: n } => format!("everything within {}", days(n)).into(),
        Msg::CurrentPlanNote => "* the curriculum in use; pick another with --curriculum FILE".into(),

        Msg::ReportDone {
            done,
            total,
            percent,
        } => format!("{done}/{total} done ({percent})").into(),
        Msg::ReportStageCounts {
            days: n,
            done,
            total,
            percent,
        } => format!(" ({}; {done}/{total} done, {percent})", days(n)).into(),
        Msg::ReportInProgressSince { day } => format!(" (in progress since {day})").into(),
        Msg::ReportStateOn { state, day } => format!(" ({} {day})", state_text(state)).into(),
        Msg::ReportHeading(heading) => match heading {
            ReportHeading::Stages => "Stages",
            ReportHeading::BurnUp => "Done topics against the plan",
            ReportHeading::StudyDays => "Study days",
            ReportHeading::Topics => "Topics",
        }
        .into(),
        Msg::ReportMadeBy { version, today } => {
            format!("Made with studyplan {version} on {today}.").into()
        }
        Msg::ChartLine(line) => match line {
            ChartLine::Done => "done",
            ChartLine::Covered => "done or skipped",
            ChartLine::Planned => "the plan",
            ChartLine::Today => "today",
        }
        .into(),
        Msg::ChartBand { band } => format!("the {band} band").into(),
        Msg::ChartNotStarted => "The plan has not started yet: the chart begins on its first day. Set it with studyplan begin, or start a topic.".into(),
        Msg::ChartStartsOn { start } => {
            format!("The plan starts on {start}: the chart begins then.").into()
        }
        Msg::HeatmapEnd { more } => if more { "more" } else { "less" }.into(),
        Msg::ReportWhen { state, day } => match state {
            StateName::InProgress => format!("in progress since {day}"),
            state => format!("{} {day}", state_text(state)),
        }
        .into(),
        Msg::LabelWord(label) => label_text(label).into(),
        Msg::TuiAction(action) => match action {
            TuiAction::Move => "move",
            TuiAction::FirstLast => "first or last topic",
            TuiAction::Page => "a page up or down",
            TuiAction::Stage => "jump to a stage",
            TuiAction::Done => "done, or back to not started",
            TuiAction::Start => "start",
            TuiAction::Skip => "skip",
            TuiAction::Undo => "back to not started",
            TuiAction::Note => "add a note",
            TuiAction::Search => "search titles and ids",
            TuiAction::Help => "keys",
            TuiAction::Quit => "quit",
        }
        .into(),
        Msg::TuiSearchPrompt => "search: ".into(),
        Msg::TuiNotePrompt { topic } => format!("note on {topic}: ").into(),
        Msg::TuiNoMatch { query } => {
            format!("no topic's title or id holds `{query}`; Esc leaves the search").into()
        }
        Msg::TuiHelpTitle => "Keys (any key closes this)".into(),
        Msg::TuiNotATerminal { stdin } => format!(
            "`studyplan tui` needs a terminal, and its {} is not one; run it in a terminal, or use \
             `studyplan list`, `done` and the other commands in scripts",
            if stdin { "input" } else { "output" }
        )
        .into(),
        Msg::HeatmapDay { day, count } => {
            format!("{day}: {}", noun_count(count, "change", "changes")).into()
        }
        Msg::LaterChangesLeftOut { today, count } => format!(
            "note: the history as of {today}: {count} later {} left out (they stay in the store); unset `STUDYPLAN_TODAY` or check the clock to see them",
            noun(count as i64, "change is", "changes are")
        )
        .into(),
        Msg::WaitingForLock { path } => {
            format!("waiting for another studyplan to finish writing `{path}` ...").into()
        }
        Msg::UnknownFields { keys } => format!(
            "warning: the store has fields this version does not know; they are kept: {}",
            list(&super::ticked(keys))
        )
        .into(),
        Msg::UnknownChanges { count } => format!(
            "warning: changes of a kind this version does not know were kept and ignored: {count}"
        )
        .into(),
        Msg::OrphanedProgress { ids, file } => {
            let file = file.map(|file| format!(" `{file}`")).unwrap_or_default();
            format!(
                "warning: the store has progress on topics this curriculum no longer has; it is kept: \
                 {}\n  if a topic was renamed, list its old id under it in the curriculum{file} \
                 (`was: [{}]`) and its progress follows\n  if it is gone for good, drop its \
                 progress with `studyplan forget {}`",
                list(&super::ticked(ids)),
                ids.first().unwrap_or(&""),
                ids.join(" ")
            )
            .into()
        }

        Msg::AlreadyInState { state } => {
            format!("(already {}, unchanged)", state_text(state)).into()
        }
        Msg::StateChanged { from, to, on } => {
            let on = on.map(|day| format!(", on {day}")).unwrap_or_default();
            format!("({} -> {}{on})", state_text(from), state_text(to)).into()
        }
        Msg::ChangedOverall {
            done,
            total,
            percent,
            verdict,
        } => format!("Overall: {done}/{total} ({percent}), {verdict}").into(),
        Msg::PlanBegins {
            start,
            unchanged,
            was,
            today,
            day,
            total_days,
        } => {
            let before = match (unchanged, was) {
                (true, _) => " (unchanged)".to_owned(),
                (false, Some(was)) => format!(" (was {was})"),
                (false, None) => String::new(),
            };
            if day < 1 {
                format!(
                    "the plan begins on {start}{before}, in {} (today is {today}); `studyplan today` shows the first topics",
                    days(1 - day)
                )
                .into()
            } else {
                format!(
                    "the plan begins on {start}{before}: today, {today}, is day {day} of {total_days}"
                )
                .into()
            }
        }
        Msg::Forgot { id } => format!(
            "forgot the progress on `{id}`; its changes stay in the history (`studyplan log`) \
             and no longer count"
        )
        .into(),
        Msg::Noted { topic, day } => format!("noted on {topic}, {day}:").into(),
        Msg::NoteEdited { id, topic, day } => {
            format!("edited note {id} on {topic}, {day}; the old text stays in the history:").into()
        }
        Msg::EditsNote { id } => format!("  (edits note {id})").into(),
        Msg::EditedBy { id } => format!("  (edited: {id} replaced it)").into(),
        Msg::NoteDeleted { id, topic } => format!(
            "deleted note {id} on {topic}; it stays in the history (`studyplan log`), and `studyplan revert` brings it back"
        )
        .into(),
        Msg::BeginTooFar { date, today, days } => format!(
            "`{date}` is more than {days} days after today ({today}); a start is planned at most a year ahead"
        )
        .into(),
        Msg::NotANote { id, change } => format!(
            "`{id}` is a `{change}` change, not a note; a note's id is beside it in `studyplan log` or `studyplan show TOPIC`"
        )
        .into(),
        Msg::ReportWritten { path } => format!("report written to `{path}`").into(),
        Msg::NotCreatedYet => " (not created yet)".into(),
        Msg::DoesNotExist => " (no such file)".into(),
        Msg::BuiltInWithId { id } => {
            format!("built in ({id}); `studyplan curriculum export` prints it").into()
        }
        Msg::BuiltIn => "built in".into(),
        Msg::NoCacheFolder => "none (no cache folder on this system)".into(),
        Msg::CompletionFor => "Completion for studyplan.".into(),
        Msg::CompletionAsksForIds => {
            "The topic and stage ids are asked of studyplan at each TAB, for the curriculum in use."
                .into()
        }
        Msg::CompletionInstall => "Install it:".into(),
        Msg::CompletionGoesIn { file, before: None } => format!("in {file}").into(),
        Msg::CompletionGoesIn {
            file,
            before: Some(before),
        } => format!("in {file}, before {before}").into(),

        Msg::NotRegular(kind) => not_regular(kind).into(),
        Msg::IoFailure(failure) => io_failure(failure).into(),

        Msg::FileTooLarge { mib } => format!(
            "the file is over {mib} MiB, more than any curriculum needs (100,000 topics take \
             about 6 MiB); split it or trim it"
        )
        .into(),
        Msg::NotUtf8 => "the file is not valid UTF-8 text; save it as UTF-8 in your editor".into(),
        Msg::NestedTooDeep { max } => format!(
            "`[` and `{{` are nested more than {max} deep here; a curriculum needs only a few \
             levels"
        )
        .into(),
        Msg::EmptyFile => "the file is empty; a curriculum needs `id`, `title`, \
             `band` and `stages`, and `studyplan curriculum export > FILE` writes one to \
             start from"
            .into(),
        Msg::TabIndent => {
            "a tab here; YAML indents with spaces, not tabs: replace it with spaces".into()
        }
        Msg::ControlChar { code } => format!(
            "an invisible control character (U+{code:04X}) here, which YAML does not allow \
             anywhere; delete it (it often comes from pasting out of a PDF or a terminal)"
        )
        .into(),
        Msg::WrongType {
            at,
            expected,
            said,
            found,
        } => {
            let subject = if at.is_empty() {
                "the file".to_owned()
            } else {
                subject(at)
            };
            let expected = match expected {
                Some(expected) => expected_text(expected),
                None => said,
            };
            format!("{subject} should be {expected}, not {}", found_text(found)).into()
        }
        Msg::MissingKey {
            at,
            field,
            expected: Some(expected),
        } => format!(
            "{} has no `{field}`: add `{field}:` with {}",
            subject(at),
            expected_text(expected)
        )
        .into(),
        Msg::MissingKey {
            at,
            field,
            expected: None,
        } => format!("{} has no `{field}`: add it", subject(at)).into(),
        Msg::DuplicateKey { at, field } => {
            format!("{} has `{field}` twice; keep one", subject(at)).into()
        }
        Msg::EmptyText { at } => format!(
            "{} has no text; give it as one string, or as `{{ zh: …, en: … }}`",
            subject(at)
        )
        .into(),
        Msg::NotYaml {
            hint: Some(hint),
            ..
        } => format!("this is not valid YAML: {}", yaml_hint(hint)).into(),
        Msg::NotYaml { hint: None, words } => format!(
            "this is not valid YAML ({words}); check the brackets, quotes and indentation here"
        )
        .into(),

        Msg::BadId { part, id } => format!(
            "{}: id `{id}` is not a valid id; use letters, digits, `-`, `_` and `.`, starting with a letter or digit",
            part_text(part)
        )
        .into(),
        Msg::PositionId { part, id, example } => format!(
            "{}: id `{id}` is only digits and dots, the shape of a position (`2.1` is \
             stage 2, topic 1) or a stage number, so it would be taken for one; use an \
             id with a letter, like `{example}` (when renaming, `was: [{id}]` keeps its \
             progress)",
            part_text(part)
        )
        .into(),
        Msg::OldIdInUse { part, old, holder } => format!(
            "{}: the old id `{old}` in `was` is the id of {} now; an old id must be one \
             nothing has now, so remove it or rename one of them",
            part_text(part),
            part_text(holder)
        )
        .into(),
        Msg::OldIdTwice { part, old, first } => format!(
            "{}: the old id `{old}` is already in the `was` of {}; progress on an old id \
             can follow only one topic, so keep it in one",
            part_text(part),
            part_text(first)
        )
        .into(),
        Msg::BadOldId { part, old } => format!(
            "{}: the old id `{old}` in `was` is not a valid id; use letters, digits, \
             `-`, `_` and `.`, starting with a letter or digit",
            part_text(part)
        )
        .into(),
        Msg::DuplicateId { part, id, first } => format!(
            "{}: duplicate id `{id}`, already used by {}",
            part_text(part),
            part_text(first)
        )
        .into(),
        Msg::EmptyTitle { part } => format!("{}: the title is empty", part_text(part)).into(),
        Msg::ControlInText { part, key, code } => format!(
            "{}: `{key}` holds an invisible control character (U+{code:04X}), which would change \
             what the terminal shows; remove it",
            part_text(part)
        )
        .into(),
        Msg::BandOutOfRange { low, high } => format!(
            "band: `low` ({low}) and `high` ({high}) must be fractions from 0 to 1, like 0.6 and 0.7"
        )
        .into(),
        Msg::BandSwapped { low, high } => {
            format!("band: `low` ({low}) is greater than `high` ({high})").into()
        }
        Msg::GeniusDaysTooMany { days, max } => {
            format!("genius_days: {days} is too many; at most {max} days are supported").into()
        }
        Msg::GeniusDaysNotPositive { days } => {
            format!("genius_days: {days} is not a positive number of days").into()
        }
        Msg::TotalDaysTooMany { days, max } => {
            format!("the stages' days add up to {days}; at most {max} are supported").into()
        }
        Msg::NoStages => "the curriculum has no stages".into(),
        Msg::StageDaysTooMany { part, days, max } => format!(
            "{}: days is {days}, too many; at most {max} are supported",
            part_text(part)
        )
        .into(),
        Msg::StageDaysNotPositive { part, days } => format!(
            "{}: days is {days}; it must be a positive number",
            part_text(part)
        )
        .into(),
        Msg::NoTopics { part } => format!("{}: the stage has no topics", part_text(part)).into(),
        Msg::MergeKey => "YAML merge keys (`<<`) are not supported; write the keys out where they \
             are needed"
            .into(),
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
                    "unknown key `{key}` in {what}: did you mean `{near}`? ({what} takes {keys})"
                ),
                None => format!(
                    "unknown key `{key}` in {what}, which takes {keys}; remove it or fix its name"
                ),
            }
            .into()
        }

        Msg::CurriculumUnreadable { file, reason } => format!(
            "cannot read the curriculum `{file}`: {reason}; check the path, or drop \
             --curriculum (and STUDYPLAN_CURRICULUM) to use the built-in roadmap"
        )
        .into(),
        Msg::ExpandsTooMuch { at, limit_mib } => format!(
            "{at}: the aliases (`*name`) of this file repeat its text \
             into more than {limit_mib} MiB once expanded, far more than any curriculum \
             needs; write the repeated text out where it is needed, or repeat it less"
        )
        .into(),
        Msg::CurriculumInvalid { file, problems } => {
            let mut out = format!(
                "the curriculum `{file}` has {}:",
                noun_count(problems.len(), "problem", "problems")
            );
            for problem in problems {
                out.push_str("\n  ");
                out.push_str(problem);
            }
            out.push_str(&format!(
                "\nfix them and check again with `studyplan curriculum check {file}`"
            ));
            out.into()
        }

        Msg::ErrorPrefix => "studyplan: error: ".into(),
        Msg::UnknownTopic { query, suggestions } => format!(
            "unknown topic `{query}`{} (name a topic by id, by position like `2.4`, or by a piece \
             of its title; see `studyplan list`)",
            did_you_mean(suggestions)
        )
        .into(),
        Msg::AmbiguousTopic {
            query,
            count,
            shown,
            more,
        } => {
            let mut out = format!("`{query}` matches {count} topics:");
            for candidate in shown {
                out.push_str("\n  ");
                out.push_str(candidate);
            }
            if more > 0 {
                out.push_str(&format!("\n  ... and {more} more"));
            }
            out.push_str("\nname one by its id or position");
            out.into()
        }
        Msg::AmbiguousStage { query, candidates } => {
            let mut out = format!("`{query}` matches {} stages:", candidates.len());
            for candidate in candidates {
                out.push_str("\n  ");
                out.push_str(candidate);
            }
            out.push_str("\nname one by its number or id");
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
                ids.push("...".to_owned());
            }
            format!(
                "unknown stage `{query}`; name one by its number (1-{count}), its id ({}) \
                 or a piece of its title; `studyplan list` shows each stage's id and title",
                list(&ids)
            )
            .into()
        }
        Msg::UnknownName { query, suggestions } => format!(
            "no topic or stage is named `{query}`{} (name a topic by id, by position like `2.4` or \
             by a piece of its title, or a stage by id, number or a piece of its title; see \
             `studyplan list`)",
            did_you_mean(suggestions)
        )
        .into(),
        Msg::FutureDate { date, today } => format!(
            "`{date}` is in the future (today is {today}); studyplan records what you have \
             done, so give a date on or before today"
        )
        .into(),
        Msg::BeforeStart {
            date,
            start,
            planned: true,
        } => format!(
            "the plan starts on {start}, after today: nothing is recorded before its start; to start now, `studyplan begin {date}`"
        )
        .into(),
        Msg::BeforeStart { date, start, .. } => format!(
            "`{date}` is before the plan's start on {start}; give a date from {start} on, \
             or move the start first with `studyplan begin {date}`"
        )
        .into(),
        Msg::BeforeLastChange { topic, date, last } => format!(
            "`{date}` is before the last change to `{topic}`, on {last}; its state comes \
             from its latest change, so give a date from {last} on (see `studyplan show \
             {topic}`)"
        )
        .into(),
        Msg::BeginAfterWork { date, first } => format!(
            "the plan cannot begin on `{date}`: work is already recorded on {first}; give \
             a date on or before {first} (see `studyplan log`)"
        )
        .into(),
        Msg::ForgetCurrentTopic { id, current } => format!(
            "`{id}` is a topic of this curriculum (`{current}`), so there is nothing to \
             forget; `forget` drops progress only on ids the curriculum no longer has; to \
             clear this topic's progress, use `studyplan undo {current}`"
        )
        .into(),
        Msg::NothingToForget { id, orphans: [] } => format!(
            "the store has no progress on `{id}` to forget, and no progress on any id \
             this curriculum no longer has"
        )
        .into(),
        Msg::NothingToForget { id, orphans } => format!(
            "the store has no progress on `{id}` to forget; the ids it could forget: {}",
            list(&super::ticked(orphans))
        )
        .into(),
        Msg::EmptyNote => "the note is empty; write it after the topic, like `studyplan note why-rag \"read the paper\"`".into(),
        Msg::OptionInNote { word, topic } => format!(
            "`{word}` in the note's text is an option, so nothing was noted; put options \
             before the topic, or quote the whole text to keep the word in the note \
             (`studyplan note {topic} \"... {word} ...\"`)"
        )
        .into(),
        Msg::StoreCorrupt { path, at, problem } => format!(
            "cannot read the progress store `{path}`: {}{}\n\
             the file was left as it is: fix it by hand, or move it away to start a new one \
             (your history is in it)",
            at.map(|(line, column)| format!("line {line} column {column}: "))
                .unwrap_or_default(),
            v1_problem(problem)
        )
        .into(),
        Msg::MergeCorrupt { path, at, problem } => format!(
            "cannot read `{path}`, given to merge: {}{}; nothing was merged, and the file was left \
             as it is",
            at.map(|(line, column)| format!("line {line} column {column}: "))
                .unwrap_or_default(),
            v1_problem(problem)
        )
        .into(),
        Msg::StoreBadLine {
            path,
            line,
            problem,
        } => format!(
            "cannot read the progress store `{path}`: line {line} {}\n\
             the file was left as it is: fix or delete that line by hand (every other line is \
             intact), or undo the edit that made it",
            line_problem(problem)
        )
        .into(),
        Msg::StoreTornTail { path, line } => format!(
            "note: the last line of `{path}` (line {line}) was cut short by a write that never \
             finished; it is left out, and the next change cuts it off"
        )
        .into(),
        Msg::StoreBesideUnreadable { path, problem } => format!(
            "warning: `{path}`, beside the store, cannot be read, so it is left out, and left where \
             it is; fix it, or move it out of the store's folder:\n{}",
            super::indented(problem)
        )
        .into(),
        Msg::StoreOldFormatBeside { path, quoted } => format!(
            "note: `{path}`, beside the store, is in the old format an older studyplan writes (on \
             another machine?): it is read with the store, and the next change writes its changes \
             into the store; it stays where it is until you move it away (`mv {quoted} ...`), \
             once no machine writes it"
        )
        .into(),
        Msg::StoreCopiesFound { copies } => format!(
            "note: the store has {} from a sync tool beside it, read with it: {}; the next \
             change folds {} into the store and moves {} into `merged/`",
            noun_count(copies.len(), "conflict copy", "conflict copies"),
            list(&super::ticked(copies)),
            noun(copies.len() as i64, "it", "them"),
            noun(copies.len() as i64, "it", "them"),
        )
        .into(),
        Msg::StoreConverted { from, backup, to } => format!(
            "note: the progress store `{from}` was converted to the new format, `{to}`; the old \
             file is kept as `{backup}`"
        )
        .into(),
        Msg::StoreCopiesFolded { count, folder } => format!(
            "note: folded {} into the store; {} kept in `{folder}`",
            noun_count(count, "conflict copy", "conflict copies"),
            noun(count as i64, "it is", "they are"),
        )
        .into(),
        Msg::RevertNoMatch { id } => format!(
            "no change has the id `{id}`; `studyplan log` shows each change's id in its first column"
        )
        .into(),
        Msg::RevertAmbiguous { id, matches } => format!(
            "`{id}` is the start of the ids of {} changes: {}; type more of it",
            matches.len(),
            list(&super::ticked(matches))
        )
        .into(),
        Msg::RevertAlready { id, by: Some(by) } => format!(
            "the change `{id}` no longer counts already: `{by}` reverted it; to count it again, \
             `studyplan revert {by}`"
        )
        .into(),
        Msg::RevertAlready { id, by: None } => format!(
            "the change `{id}` no longer counts already; to count it again, revert its revert"
        )
        .into(),
        Msg::RevertTooShort { id, min } => format!(
            "`{id}` is too short to name a change: give at least {min} characters of its id \
             (`studyplan log` shows 8 in its first column)"
        )
        .into(),
        Msg::RevertOtherPlan { id, plan } => format!(
            "the change `{id}` belongs to the plan `{plan}`, not to the curriculum in use; run \
             `studyplan revert` with that curriculum"
        )
        .into(),
        Msg::Reverted { id, what } => {
            format!("reverted {id} ({what}): it no longer counts; both stay in the log").into()
        }
        Msg::Merged { added: 0, files } => format!(
            "nothing to add: the store already has every change of the {}",
            noun_count(files, "file", "files")
        )
        .into(),
        Msg::Merged { added, files } => format!(
            "added {} from {}",
            noun_count(added, "change", "changes"),
            noun_count(files, "file", "files")
        )
        .into(),
        Msg::MergeDisagrees { topic, state } => format!(
            "the histories disagree on `{topic}`: the later change counts ({}); both stay in the log",
            state_text(state)
        )
        .into(),
        Msg::MergeDisagreesMore { more } => format!(
            "... and {more} more {} on which they disagree; `studyplan show TOPIC` lists the changes to one",
            noun(more as i64, "topic", "topics")
        )
        .into(),
        Msg::RevertsChange { id } => format!("change {id}").into(),
        Msg::NoLongerCounts => "  (reverted: no longer counts)".into(),
        Msg::MergeSelf { path } => {
            format!("`{path}` is the store itself; give another store to merge into it").into()
        }
        Msg::StoreZeroTail {
            path,
            quoted,
            keep,
            zeros,
        } => format!(
            "cannot read the progress store `{path}`: it ends in {zeros} zero bytes after its \
             last complete line, as a write cut short by a power loss can leave it; every \
             change before them is intact\n\
             the file was left as it is: cut it to its first {keep} bytes (for example \
             `truncate -s {keep} {quoted}`) and run the command again"
        )
        .into(),
        Msg::StoreChanged { path } => format!(
            "the progress store `{path}` changed while this command was running (saved by \
             another program, an editor or a sync tool?)\n\
             nothing was written, so that change is kept: run the command again"
        )
        .into(),
        Msg::StoreUnfinished { path, line, text } => format!(
            "cannot read the progress store `{path}`: its last line, line {line}, stops in the \
             middle of a change (`{text}`): a write was cut short (a crash, a full disk) or \
             the file was cut\n\
             the file was left as it is: delete that one line and run the command again; \
             every line before it is intact"
        )
        .into(),
        Msg::StoreTooNew {
            path,
            found,
            supported,
        } => format!(
            "the progress store `{path}` has version {found}, but this studyplan reads only up to \
             version {supported}; upgrade studyplan (the file was left as it is)"
        )
        .into(),
        Msg::StoreNotAFile {
            path,
            folder: true,
            example,
        } => format!(
            "the progress store `{path}` is a folder; pass a file path such as `{example}`"
        )
        .into(),
        Msg::StoreNotAFile {
            path,
            folder: false,
            example,
        } => format!(
            "the progress store `{path}` is not a file path; pass one such as `{example}`"
        )
        .into(),
        Msg::StoreNotRegular { path } => format!(
            "the progress store `{path}` is not a regular file (a pipe, a device or a socket); \
             it was left as it is: point --store at a file"
        )
        .into(),
        Msg::OwnerWouldChange { path } => format!(
            "cannot write the progress store `{path}`: it belongs to another user, and \
             writing it anew would make it yours; nothing was changed: run the command as \
             its owner"
        )
        .into(),
        Msg::StoreLinkBroken { path } => format!(
            "the progress store `{path}` is a link to a file that cannot be reached; fix the link \
             or pass another --store"
        )
        .into(),
        Msg::IoFailed {
            action,
            path,
            reason,
            not_regular,
        } => match action {
            IoAction::ReadStore if not_regular => format!(
                "cannot read the progress store `{path}`: {reason}; point --store (or \
                 STUDYPLAN_STORE) at a regular file"
            ),
            IoAction::ReadStore => format!(
                "cannot read the progress store `{path}`: {reason}; check its permissions, \
                 or point --store at another file"
            ),
            IoAction::WriteStore => format!(
                "cannot write the progress store `{path}`: {reason}; nothing was changed"
            ),
            IoAction::CreateStoreFolder => format!(
                "cannot create the store folder `{path}`: {reason}; create it yourself, or \
                 point --store elsewhere"
            ),
            IoAction::Lock => format!(
                "cannot lock the progress store with `{path}`: {reason}; nothing was changed"
            ),
            IoAction::WriteReport => format!(
                "cannot write the report to `{path}`: {reason}; no file was left behind"
            ),
            IoAction::ReadMerged => format!(
                "cannot read `{path}`, given to merge: {reason}; check the path, and nothing was \
                 merged"
            ),
        }
        .into(),
        Msg::WriteOutput {
            target: Some(target),
            reason,
        } => format!(
            "cannot write the output to `{target}` (standard output): {reason}; fix that or \
             send the output elsewhere, then run the command again"
        )
        .into(),
        Msg::WriteOutput {
            target: None,
            reason,
        } => format!(
            "cannot write the output to standard output: {reason}; fix that or send \
             the output elsewhere, then run the command again"
        )
        .into(),
        Msg::StoreFolderMissing {
            path,
            folder,
            quoted,
        } => format!(
            "the store `{path}` (given by --store or STUDYPLAN_STORE) is in a folder that does not \
             exist, `{folder}`, so nothing was recorded; check the path, or create the folder \
             first (`mkdir -p {quoted}`)"
        )
        .into(),
        Msg::OutputFolderMissing { path, folder } => format!(
            "cannot write the report to `{path}`: the folder `{folder}` does not exist; create it \
             first, or choose another --output"
        )
        .into(),
        Msg::ReportOntoOwnFile { path, file, what } => {
            let what = match what {
                OwnFile::Store => "the progress store, and your history would be lost",
                OwnFile::Lock => "the progress store's lock file",
                OwnFile::Curriculum => "the curriculum in use",
            };
            format!(
                "cannot write the report to `{path}`: it is `{file}`, {what}; nothing was \
                 written: choose another --output"
            )
            .into()
        }
        Msg::ReportFormatMismatch { path, given, said } => format!(
            "`--format {given}` does not match the file name `{path}`, which says {said}; drop \
             --format to write {said}, or give the file a name that fits"
        )
        .into(),
        Msg::ReportFormatUnknown { path, extension } => format!(
            "cannot tell the report's format from the file name `{path}`: `.{extension}` is \
             none of .md, .csv, .json, .html or .svg; add --format markdown, csv, json, html or svg"
        )
        .into(),
        Msg::ReportNoNotes { format } => format!(
            "the {format} report has no place for notes: --notes goes with --format html or markdown"
        )
        .into(),
        Msg::ReportNotAFile { path } => format!(
            "cannot write the report to `{path}`: it is neither a file, a pipe nor a \
             character device, and it was left as it is; choose another --output"
        )
        .into(),
        Msg::BadToday { value } => format!(
            "STUDYPLAN_TODAY=`{value}` is not a date like 2026-11-29 (YYYY-MM-DD); fix or unset it"
        )
        .into(),
        Msg::BadLang { value } => format!(
            "STUDYPLAN_LANG=`{value}` is not a language studyplan speaks; use `zh` or `en`"
        )
        .into(),
        Msg::BadBorder { value } => format!(
            "STUDYPLAN_BORDER=`{value}` is not a border style; use `unicode` or `ascii`"
        )
        .into(),
        Msg::NoDataFolder => {
            "cannot find your data folder; pass --store FILE or set STUDYPLAN_STORE".into()
        }
        Msg::BadReviewSetting { value } => {
            format!("STUDYPLAN_REVIEW=`{value}` is not a setting; use `on` or `off`").into()
        }
        Msg::Reviewed {
            next,
            in_days,
            early,
        } => {
            let early = if early {
                " before it was due, so the interval stays"
            } else {
                ""
            };
            let next = match in_days {
                0 => format!("next review due today, {next}"),
                n if n < 0 => format!("next review was due on {next}, {} ago", days(-n)),
                n => format!("next review on {next}, in {}", days(n)),
            };
            format!("reviewed{early}; {next}").into()
        }
        Msg::ReviewedAlready { next, in_days } => format!(
            "reviewed today already, so nothing is recorded; next review on {next}, in {}",
            days(in_days)
        )
        .into(),
        Msg::ReviewDue {
            due,
            overdue,
            aside,
        } => {
            let when = match overdue {
                0 => "due today".to_owned(),
                n if n > 0 => format!("due {} ago, on {due}", days(n)),
                n => format!("due on {due}, in {}", days(-n)),
            };
            if aside { format!("({when})") } else { when }.into()
        }
        Msg::ReviewsDue { count } => format!(
            "{} due for review today:",
            noun_count(count, "topic", "topics")
        )
        .into(),
        Msg::ReviewHow => "record a review with `studyplan review TOPIC`: add --hard if it was hard to recall, --again if you had forgotten it".into(),
        Msg::NoReviewsDue => "no reviews due today".into(),
        Msg::NextReview {
            topic,
            due,
            in_days,
        } => format!("next review on {due}, in {}: {topic}", days(in_days)).into(),
        Msg::NothingToReview { intervals } => format!(
            "nothing to review yet: each topic you finish comes back for review after {intervals} days"
        )
        .into(),
        Msg::ReviewsOff { by_curriculum: true } => {
            "reviews are off: the curriculum says `review: false`".into()
        }
        Msg::ReviewsOff {
            by_curriculum: false,
        } => "reviews are off (--no-review or STUDYPLAN_REVIEW=off); run without them to review"
            .into(),
        Msg::TodayIs { today, calendar } => format!("today, {today}: {calendar}").into(),
        Msg::TodayNotStarted => "the plan has not started: set its first day with `studyplan begin` (today) or `studyplan begin DATE`, or start a topic with `studyplan start TOPIC`; the first topics:".into(),
        Msg::TodayStartsIn { start, days: n } => {
            format!("the plan starts on {start}, in {}; the first topics:", days(n)).into()
        }
        Msg::TodayFinished => "every topic is done or skipped: nothing left to study".into(),
        Msg::TodayAhead { ahead: 0 } => {
            "on plan: nothing more is due today; the next topic, if you have time:".into()
        }
        Msg::TodayAhead { ahead } => format!(
            "{} ahead of the plan: nothing is due today; the next topic, if you have time:",
            topics(ahead as i64)
        )
        .into(),
        Msg::TodayToFinish {
            to_finish,
            behind: 0,
            ..
        } => format!(
            "on schedule: finish {} today to stay on plan:",
            topics(to_finish as i64)
        )
        .into(),
        Msg::TodayToFinish {
            to_finish,
            behind,
            week,
        } => {
            let week = match week {
                Some(per_week) => {
                    format!("; a week at your recent pace brings {per_week:.1} topics")
                }
                None => String::new(),
            };
            format!(
                "{} behind: finish {to_finish} today to be on plan by tonight{week}:",
                topics(behind as i64)
            )
            .into()
        }
        Msg::TodayCatchUp {
            over_by,
            to_low: 0,
            low,
        } => format!(
            "the plan's calendar ended {} ago, with {low} reached; the next topic:",
            days(over_by)
        )
        .into(),
        Msg::TodayCatchUp {
            over_by,
            to_low,
            low,
        } => format!(
            "the plan's calendar ended {} ago: {} to go to reach {low}",
            days(over_by),
            topics(to_low as i64)
        )
        .into(),
        Msg::TodayReach {
            by,
            low,
            per_week: Some(per_week),
        } => format!("to reach {low} by {by}: {per_week:.1} topics a week").into(),
        Msg::TodayReach {
            by,
            low,
            per_week: None,
        } => format!("{low} by {by} is out of reach: too many topics are skipped").into(),
        Msg::TodayReached { low } => format!("{low} is reached already").into(),
        Msg::TodayMoreReviews { more } => {
            format!("… and {more} more: `studyplan review` lists them all").into()
        }
        Msg::TodayAtPace { eta } => format!(
            "at your pace: {eta} (`studyplan today --by DATE` says what a week needs to get there by then); the next topic:"
        )
        .into(),
        Msg::TodayMore { more, count } => {
            format!("… and {more} more: `studyplan next {count}` lists them all").into()
        }
        Msg::TodayLineFinish { to_finish, first } => format!(
            "finish {} to be on plan, first {first}",
            topics(to_finish as i64)
        )
        .into(),
        Msg::TodayLineAhead { ahead: 0 } => "nothing more due".into(),
        Msg::TodayLineAhead { ahead } => {
            format!("nothing due, {} ahead", topics(ahead as i64)).into()
        }
        Msg::TodayLineCatchUp { to_low, low } => {
            format!("catch up: {} to {low}", topics(to_low as i64)).into()
        }
        Msg::TodayLineReviews { count, alone: true } => format!(
            "{} due for review",
            noun_count(count, "topic", "topics")
        )
        .into(),
        Msg::TodayLineReviews {
            count,
            alone: false,
        } => format!("; {} due for review", noun_count(count, "topic", "topics")).into(),
        Msg::ByNotLater { by, today } => format!(
            "--by {by} is not after today ({today}); give the day you want to reach the band by"
        )
        .into(),
        Msg::StatsHeatmap { weeks, from, to } => format!(
            "study days, the last {} ({from} – {to}):",
            noun_count(weeks, "week", "weeks")
        )
        .into(),
        Msg::WeekdayShort { day } => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            [day as usize % 7]
            .into(),
        Msg::MonthShort { month } => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][(month as usize + 11) % 12]
            .into(),
        Msg::StatsLegend { levels } => format!("less {levels} more").into(),
        Msg::StatsStreak {
            current,
            longest,
            ended,
        } => {
            let now = match current {
                0 => "no current streak".to_owned(),
                n => format!("{} in a row", days(n as i64)),
            };
            match ended {
                Some(ended) if longest > current => {
                    format!("{now}; longest {}, ended {ended}", days(longest as i64)).into()
                }
                _ if current > 1 => format!("{now}, your longest").into(),
                _ => now.into(),
            }
        }
        Msg::StatsStudyDays { last7, last30 } => {
            format!("{last7} of the last 7 days, {last30} of the last 30").into()
        }
        Msg::StatsDonePerWeek { weeks } => format!(
            "topics done per week, the last {}:",
            noun_count(weeks, "week", "weeks")
        )
        .into(),
        Msg::StatsBurnUp {
            done,
            planned,
            band,
        } => format!(
            "done topics ({done}) against the plan ({planned}) over the calendar, the {band} band marked:"
        )
        .into(),
        Msg::StatsNothingYet => "nothing studied yet: a day counts once a topic is done or started, a note written or a review recorded for it".into(),
        Msg::ReviewNotDone { topic, state } => {
            let is = match state {
                StateName::Todo => "not started",
                other => state_text(other),
            };
            format!(
                "`{topic}` is {is}, not done: only done topics come back for review; finish it with `studyplan done {topic}`"
            )
            .into()
        }
        Msg::MergeNotAFile { path, what } => {
            let is = match what {
                NotAFile::Folder => "is a folder",
                NotAFile::NotAPath => "is not a file path",
                NotAFile::Special => "is not a regular file (a pipe, a device or a socket)",
                NotAFile::BrokenLink => "is a link to a file that cannot be reached",
            };
            format!(
                "`{path}` {is}, so nothing was merged; give merge the store files themselves \
                 (another machine's `progress.jsonl`, a backup, an old `progress.yaml`)"
            )
            .into()
        }
        Msg::MergeWrongKind { path, found } => format!(
            "`{path}` is {}, not a progress store, so nothing was merged; merge takes other \
             stores: another machine's `progress.jsonl`, a backup, an old `progress.yaml` \
             (the file was left as it is)",
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
                "not a progress store"
            } else {
                "not a curriculum"
            };
            let instead = match found {
                FileKind::Curriculum => format!("use `--curriculum {quoted}` to follow it, and "),
                FileKind::Store => format!("use `--store {quoted}` to keep progress in it, and "),
                FileKind::Report { .. } => String::new(),
            };
            let point = if given_store {
                "point --store (or STUDYPLAN_STORE) at your progress file, or leave both unset for \
                 the default one"
            } else {
                "point --curriculum (or STUDYPLAN_CURRICULUM) at a curriculum file, or leave both \
                 unset to follow the built-in roadmap"
            };
            format!("`{path}` is {is}, {not}; {instead}{point} (the file was left as it is)").into()
        }
    }
}

/// What a file studyplan knows is, after "is".
fn kind_text(kind: FileKind) -> String {
    match kind {
        FileKind::Store => "a progress store".to_owned(),
        FileKind::Curriculum => "a curriculum".to_owned(),
        FileKind::Report { format } => format!("a {format} report written by `studyplan report`"),
    }
}

/// What the value at a path is: `stage 2`, `topic 1.3`, `` `days` of stage 2``.
pub(super) fn subject(pieces: &[PathPiece]) -> String {
    match super::subject(pieces) {
        Subject::Curriculum => "the curriculum".into(),
        Subject::Stage(n) => format!("stage {n}"),
        Subject::Topic { stage, topic } => match stage {
            Some(stage) => format!("topic {stage}.{topic}"),
            None => format!("topic {topic}"),
        },
        Subject::Item { number, of } => format!("item {number} of {}", subject(of)),
        Subject::Key(key) => format!("`{key}`"),
        Subject::KeyOf { key, of } => format!("`{key}` of {}", subject(of)),
    }
}

fn expected_text(expected: Expected) -> &'static str {
    match expected {
        Expected::Curriculum => {
            "a curriculum: a map with `id`, `title`, `band` and `stages` (`studyplan \
             curriculum export` prints one)"
        }
        Expected::Stage => "a stage: a map with `id`, `title`, `days` and `topics`",
        Expected::Topic => "a topic: a map with `id` and `title`",
        Expected::Id => "an id of letters, digits, `-`, `_` and `.`, like `why-rag`",
        Expected::Text => "a text, or the text in both languages as `{ zh: …, en: … }`",
        Expected::Plain => "a text",
        Expected::Band => "the band's two edges, like `{ low: 0.6, high: 0.7 }`",
        Expected::Fraction => "a fraction from 0 to 1, like 0.6",
        Expected::Days => "a whole number of days, like 10",
        Expected::Stages => "a list of stages, each starting with `- id:`",
        Expected::Topics => "a list of topics, each starting with `- id:`",
        Expected::Links => "a list of links, each on a line starting with `- `",
        Expected::OldIds => "a list of old ids, like `[old-id]`",
        Expected::YesNo => "`true` or `false`",
    }
}

fn found_text(found: Found) -> String {
    match found {
        Found::Text(text) => format!("the text {text}"),
        Found::Number(number) => format!("the number {number}"),
        Found::Boolean(value) => format!("`{value}`"),
        Found::List => "a list".into(),
        Found::Map => "a map of keys".into(),
        Found::Nothing => "nothing (the value is empty)".into(),
        Found::Other(other) => other.to_owned(),
    }
}

fn yaml_hint(hint: YamlHint) -> &'static str {
    match hint {
        YamlHint::MissingValue => "a value is missing here; is a `[` or `{` left open above?",
        YamlHint::ColonAtKey => {
            "a `:` where a key cannot start; put a text that holds `: ` in quotes, or check \
             the indentation"
        }
        YamlHint::Indentation => {
            "the indentation is off here; keys of one map line up under each other"
        }
        YamlHint::EndsInside => "the file ends inside a quoted text or a bracket; close it",
        YamlHint::UnknownEscape => {
            "an unknown `\\` escape in a double-quoted text; write `\\\\` for a backslash, \
             or use single quotes"
        }
        YamlHint::AliasWithoutAnchor => "an alias (`*name`) with no anchor (`&name`) before it",
    }
}

/// A part of a curriculum: `stage 2 (`retrieval`)`.
fn part_text(part: PartName) -> String {
    match part {
        PartName::Curriculum => "the curriculum".into(),
        PartName::Stage { number, id } => format!("stage {number} (`{id}`)"),
        PartName::Topic { stage, topic, id } => format!("topic {stage}.{topic} (`{id}`)"),
    }
}

fn map_text(map: MapName) -> &'static str {
    match map {
        MapName::Curriculum => "the curriculum",
        MapName::Band => "the band",
        MapName::Stage => "a stage",
        MapName::Topic => "a topic",
        MapName::Text => "a text",
    }
}

/// `1 problem`, `3 problems`.
fn noun_count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", noun(n as i64, one, many))
}

/// `; did you mean `a`, `b`?` after an unknown name, when anything comes close.
fn did_you_mean(suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", list(&super::ticked(suggestions)))
    }
}

fn not_regular(kind: FileType) -> &'static str {
    match kind {
        FileType::Folder => "it is a folder, not a file",
        FileType::Fifo => "it is a named pipe (FIFO), not a regular file",
        FileType::Device => "it is a device, not a regular file",
        FileType::Socket => "it is a socket, not a regular file",
        FileType::Other => "it is not a regular file",
    }
}

fn io_failure(failure: IoFailure) -> &'static str {
    match failure {
        IoFailure::NotFound => "no such file or folder",
        IoFailure::PermissionDenied => "permission denied",
        IoFailure::AlreadyExists => "it already exists",
        IoFailure::NotAFolder => "a part of the path is a file, not a folder",
        IoFailure::ReadOnly => "the file system is read-only",
        IoFailure::DiskFull => "the disk is full",
        IoFailure::LinkLoop => "its links lead round in a circle (or through too many links)",
    }
}

/// Where the learner stands against the band, once nothing is left to study.
fn place(above: bool, band: &str) -> String {
    if above {
        format!("above the {band} band")
    } else {
        format!("within the {band} band")
    }
}

fn header_text(header: Header) -> &'static str {
    match header {
        Header::Stage => "Stage",
        Header::Id => "Id",
        Header::Days => "Days",
        Header::Planned => "Planned",
        Header::Done => "Done",
        Header::Progress => "Progress",
        Header::Title => "Title",
        Header::State => "State",
        Header::Since => "Since",
        Header::Topics => "Topics",
        Header::Plan => "Plan",
        Header::InProgress => "In progress",
        Header::Skipped => "Skipped",
        Header::LastChange => "Last change",
    }
}

fn label_text(label: Label) -> &'static str {
    match label {
        Label::Overall => "Overall",
        Label::Readiness => "Readiness",
        Label::Next => "Next",
        Label::Date => "Date",
        Label::Calendar => "Calendar",
        Label::Today => "Today",
        Label::Review => "Review",
        Label::Streak => "Streak",
        Label::StudyDays => "Studied",
        Label::Plan => "Plan",
        Label::Pace => "Pace",
        Label::Projected => "Projected",
        Label::Genius => "Genius",
        Label::Id => "Id",
        Label::Title => "Title",
        Label::About => "About",
        Label::Stages => "Stages",
        Label::Topics => "Topics",
        Label::Days => "Days",
        Label::Band => "Band",
        Label::Links => "Links",
        Label::Stage => "Stage",
        Label::Position => "Position",
        Label::State => "State",
        Label::History => "History",
        Label::Notes => "Notes",
        Label::Goal => "Goal",
        Label::Planned => "Planned",
        Label::Progress => "Progress",
        Label::Store => "Store",
        Label::LinkTo => "Link to",
        Label::Lock => "Lock",
        Label::Curriculum => "Curriculum",
        Label::Cache => "Cache",
    }
}

fn state_text(state: StateName) -> &'static str {
    match state {
        StateName::Todo => "todo",
        StateName::InProgress => "in progress",
        StateName::Done => "done",
        StateName::Skipped => "skipped",
    }
}

fn change_text(change: ChangeName) -> &'static str {
    match change {
        ChangeName::Done => "done",
        ChangeName::Undo => "undo",
        ChangeName::Start => "start",
        ChangeName::Skip => "skip",
        ChangeName::Note => "note",
        ChangeName::Begin => "begin",
        ChangeName::Forget => "forget",
        ChangeName::Revert => "revert",
        ChangeName::Review => "review",
        ChangeName::ReviewHard => "review (hard)",
        ChangeName::ReviewAgain => "review (again)",
    }
}

fn man_text(section: ManSection) -> &'static str {
    match section {
        ManSection::Name => "NAME",
        ManSection::Synopsis => "SYNOPSIS",
        ManSection::Description => "DESCRIPTION",
        ManSection::Options => "OPTIONS",
        ManSection::Commands => "COMMANDS",
        ManSection::Extra => "EXTRA",
        ManSection::Version => "VERSION",
    }
}

/// The singular or the plural, as `n` asks.
fn noun(n: i64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn topics(n: i64) -> String {
    count(n, Unit::Topic)
}

fn days(n: i64) -> String {
    count(n, Unit::Day)
}

/// `n` of `unit`: `1 topic`, `3 topics`.
pub(super) fn count(n: i64, unit: Unit) -> String {
    let word = match unit {
        Unit::Topic => noun(n, "topic", "topics"),
        Unit::Day => noun(n, "day", "days"),
    };
    format!("{n} {word}")
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list<S: Borrow<str>>(items: &[S]) -> String {
    super::join_last(items, ", ", " and ")
}

/// `a, b, c`: items of a list, such as ids.
pub(super) fn list<S: Borrow<str>>(items: &[S]) -> String {
    items.join(", ")
}

/// `a, b`: clauses of one sentence.
pub(super) fn clauses<S: Borrow<str>>(items: &[S]) -> String {
    items.join(", ")
}

fn v1_problem(problem: &V1Problem) -> String {
    match problem {
        V1Problem::Empty => "the file is empty".into(),
        V1Problem::NotUtf8 { offset } => {
            format!("it is not UTF-8 text (bad byte at offset {offset})")
        }
        V1Problem::TooLarge { mib } => {
            format!("it is a version 1 file larger than {mib} MiB, which studyplan never wrote")
        }
        V1Problem::Yaml { reason } => reason.clone(),
        V1Problem::Tab => {
            "a tab here; YAML indents with spaces, not tabs: replace it with spaces".to_owned()
        }
        V1Problem::Aliases { mib } => format!(
            "its aliases (`*name`) repeat its text into more than {mib} MiB once expanded, \
             which studyplan never writes"
        ),
        V1Problem::NotAMap => "it is not a YAML map with `version:` and `events:`".into(),
        V1Problem::NoVersion => "it has no `version:` field".into(),
        V1Problem::VersionNotWhole { value } => format!("`version: {value}` is not a whole number"),
        V1Problem::VersionZero => "`version: 0` is not a version studyplan ever wrote".into(),
        V1Problem::Events { reason } => format!("events: {reason}"),
        V1Problem::Event {
            event,
            key: Some(key),
            reason,
        } => format!("event {event}: `{key}`: {reason}"),
        V1Problem::Event {
            event,
            key: None,
            reason,
        } => format!("event {event}: {reason}"),
        V1Problem::EventMissing { event, key } => format!("event {event} has no `{key}`"),
        V1Problem::EventTime {
            event,
            value,
            reason,
        } => format!(
            "event {event}: `at: {value}` is not a timestamp like 2026-11-29T09:12:03+08:00 \
             ({reason})"
        ),
        V1Problem::EventDate { event, value } => {
            format!("event {event}: `on: {value}` is not a date like 2026-11-29")
        }
        V1Problem::EventKey { event, key } => format!("event {event}: key `{key}` is not a string"),
        V1Problem::TopKey { key } => format!("top-level key `{key}` is not a string"),
    }
}

fn line_problem(problem: &LineProblem) -> String {
    match problem {
        LineProblem::NotJson { column } => {
            format!("is not a JSON object (it stops making sense at column {column})")
        }
        LineProblem::TooDeep => "is nested deeper than any store line can be".into(),
        LineProblem::NotAnObject => "is JSON, but not an object (`{...}`)".into(),
        LineProblem::Missing(key) => format!("has no `{key}`"),
        LineProblem::WrongType { key } => format!("has a `{key}` of the wrong kind"),
        LineProblem::BadValue { key: "at", value } => {
            format!("has `at: {value}`, not a time like 2026-11-29T09:12:03.204518+08:00")
        }
        LineProblem::BadValue { key: "on", value } => {
            format!("has `on: {value}`, not a date like 2026-11-29")
        }
        LineProblem::BadValue {
            key: "version",
            value,
        } => {
            format!("is a header of version {value}, which no store of this format has")
        }
        LineProblem::BadValue { key, value } => {
            format!("has `{key}: {value}`, not an id like 0b6c2d7e-3f4a-4b5c-8d9e-0f1a2b3c4d5e")
        }
        LineProblem::TooLong => "is longer than 1 MiB, far longer than any change".into(),
        LineProblem::ZeroBytes => {
            "holds only zero bytes, with lines after it (a disk fault, not a write cut short)"
                .into()
        }
    }
}
