//! Every message in both languages, so that a change to any wording shows in review as a change
//! to `snapshots/studyplan__i18n__tests__every_message_in_both_languages.snap`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::*;

const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Each message with sample values, some more than once where its wording turns on a value.
fn samples() -> Vec<Msg<'static>> {
    let mut all: Vec<Msg> = Vec::new();
    all.extend(Header::ALL.map(Msg::Header));
    all.extend(Label::ALL.map(Msg::Label));
    all.push(Msg::WithColon { text: "Title" });
    all.extend(StateName::ALL.map(Msg::State));
    all.extend(ChangeName::ALL.map(Msg::Change));
    all.extend(ManSection::ALL.map(Msg::ManSection));
    all.extend(ReportHeading::ALL.map(Msg::ReportHeading));
    all.extend(ChartLine::ALL.map(Msg::ChartLine));
    all.push(Msg::ReportMadeBy {
        version: "0.1.0",
        today: day("2026-12-06"),
    });
    all.push(Msg::ChartBand { band: "60-70%" });
    all.push(Msg::ChartNotStarted);
    all.push(Msg::ChartStartsOn {
        start: day("2027-01-01"),
    });
    for more in [false, true] {
        all.push(Msg::HeatmapEnd { more });
    }
    for state in [StateName::Done, StateName::InProgress, StateName::Skipped] {
        all.push(Msg::ReportWhen {
            state,
            day: day("2026-12-06"),
        });
    }
    all.push(Msg::LabelWord(Label::Streak));
    all.extend(TuiAction::ALL.map(Msg::TuiAction));
    all.push(Msg::TuiSearchPrompt);
    all.push(Msg::TuiNotePrompt { topic: "2.4" });
    all.push(Msg::TuiNoMatch { query: "ragg" });
    all.push(Msg::TuiHelpTitle);
    for stdin in [true, false] {
        all.push(Msg::TuiNotATerminal { stdin });
    }
    for count in [1, 4] {
        all.push(Msg::HeatmapDay {
            day: day("2026-12-06"),
            count,
        });
    }
    let band = "60-70%";
    for above in [false, true] {
        all.push(Msg::VerdictComplete {
            above,
            band,
            total: 41,
        });
    }
    for skipped in [1, 3] {
        all.push(Msg::VerdictOnlySkippedLeft {
            above: false,
            band,
            skipped,
        });
    }
    all.push(Msg::VerdictUnreachable { band, low: "60%" });
    for to_go in [1, 12] {
        all.push(Msg::VerdictBelow {
            band,
            low: "60%",
            to_go,
        });
    }
    all.push(Msg::VerdictWithin { band });
    all.push(Msg::VerdictAbove { band });
    all.push(Msg::SkippedCovered {
        skipped: 2,
        covered: "60.9%",
    });
    all.push(Msg::NothingLeft);
    all.push(Msg::DoneOf {
        done: 3,
        total: 41,
        percent: "7.3%",
    });

    all.push(Msg::NotStarted);
    for in_days in [1, 3] {
        all.push(Msg::CalendarStartsOn {
            start: day("2026-12-01"),
            in_days,
        });
    }
    all.push(Msg::CalendarOver {
        total_days: 90,
        end: "2027-02-07",
        over_by: 2,
        day: 92,
        start: day("2026-11-10"),
    });
    all.push(Msg::CalendarDay {
        day: 12,
        total_days: 90,
        start: day("2026-11-10"),
        end: "2027-02-07",
    });
    all.push(Msg::OnSchedule);
    for topics in [1, 2] {
        all.push(Msg::OnScheduleToGo { topics });
        all.push(Msg::Ahead { topics });
        all.push(Msg::Behind {
            topics,
            to_go: topics,
        });
        all.push(Msg::Behind {
            topics,
            to_go: topics + 2,
        });
    }
    all.push(Msg::PlanStage {
        stage: 2,
        title: "Retrieval",
        expected: 9,
        done: 7,
        standing: "2 topics behind",
    });
    all.push(Msg::PlanAllDue {
        expected: 41,
        done: 30,
        standing: "11 topics behind",
    });
    all.push(Msg::PaceSinceStart { per_week: 2.25 });
    all.push(Msg::PaceRecent {
        per_week: 2.25,
        recent: 3.0,
        days: 14,
    });
    all.push(Msg::NoPaceYet);
    all.push(Msg::EtaNoPaceYet);
    let targets = &["60%", "70%"][..];
    all.push(Msg::EtaReached {
        targets,
        day: day("2026-12-01"),
    });
    all.push(Msg::EtaBy {
        targets: &["60%", "70%", "100%"],
        day: day("2027-01-15"),
    });
    all.push(Msg::EtaNoPace { targets: &["100%"] });
    all.push(Msg::EtaOutOfReach {
        targets: &["100%"],
        skipped: 1,
    });
    all.push(Msg::EtaOutOfReach {
        targets,
        skipped: 18,
    });
    all.push(Msg::GeniusEarned { days: 30 });
    all.push(Msg::GeniusWithin {
        total: 41,
        days: 30,
    });
    all.push(Msg::GeniusToGo {
        remaining: 5,
        days_left: 1,
        last: day("2026-12-09"),
    });

    all.push(Msg::StageHeading {
        number: 2,
        title: "Retrieval",
    });
    all.push(Msg::NoTopicsMatch);

    all.push(Msg::PositionInStage {
        pos: "2.4",
        topic: 4,
        of: 6,
        stage: 2,
    });
    all.push(Msg::SinceDay {
        day: day("2026-11-20"),
    });
    all.push(Msg::NoHistory);
    all.push(Msg::RecordedOn {
        day: day("2026-11-22"),
    });
    all.push(Msg::NoNotes);
    for days in [1, 14] {
        all.push(Msg::StageDays {
            days,
            first: 15,
            last: 14 + days,
            total: 90,
        });
    }
    all.push(Msg::StageDates {
        dates: "2026-11-24 – 2026-12-07",
    });
    all.push(Msg::StageDatesLater);

    all.push(Msg::BeginCounts);
    all.push(Msg::BeginCountsMovedFrom {
        from: day("2026-11-01"),
    });
    all.push(Msg::BeginSupersededMovedTo {
        on: day("2026-11-03"),
        to: day("2026-11-10"),
    });
    all.push(Msg::BeginSupersededOn {
        on: day("2026-11-03"),
    });
    all.push(Msg::BeginSuperseded);
    all.push(Msg::NotInCurriculum { id: "old-topic" });
    all.push(Msg::ThePlanStarts);
    all.push(Msg::ThePlan);
    all.push(Msg::NoChangesMatch);
    all.push(Msg::NoChangesYet);

    all.push(Msg::SoundCurriculum {
        source: "my-plan.yaml",
    });
    for days in [1, 30] {
        all.push(Msg::GeniusWindow { days });
    }
    all.push(Msg::CurrentPlanNote);

    all.push(Msg::ReportDone {
        done: 3,
        total: 41,
        percent: "7.3%",
    });
    for days in [1, 14] {
        all.push(Msg::ReportStageCounts {
            days,
            done: 3,
            total: 6,
            percent: "50.0%",
        });
    }
    all.push(Msg::ReportInProgressSince {
        day: day("2026-11-20"),
    });
    for state in [StateName::Done, StateName::Skipped] {
        all.push(Msg::ReportStateOn {
            state,
            day: day("2026-11-21"),
        });
    }

    for count in [1, 12] {
        all.push(Msg::LaterChangesLeftOut {
            today: day("2026-11-14"),
            count,
        });
    }
    all.push(Msg::WaitingForLock {
        path: "/home/ada/.local/share/studyplan/progress.jsonl",
    });
    all.push(Msg::UnknownFields {
        keys: &["mood", "owner"],
    });
    all.push(Msg::UnknownChanges { count: 2 });
    all.push(Msg::OrphanedProgress {
        ids: &["old-rag", "gone"],
        file: None,
    });
    all.push(Msg::OrphanedProgress {
        ids: &["old-rag"],
        file: Some("my-plan.yaml"),
    });

    all.push(Msg::AlreadyInState {
        state: StateName::Done,
    });
    for on in [None, Some(day("2026-11-12"))] {
        all.push(Msg::StateChanged {
            from: StateName::Todo,
            to: StateName::Done,
            on,
        });
    }
    all.push(Msg::ChangedOverall {
        done: 3,
        total: 41,
        percent: "7.3%",
        verdict: "below the 60-70% band: 22 more topics to reach 60%",
    });
    for (unchanged, was) in [
        (false, None),
        (true, None),
        (false, Some(day("2026-11-01"))),
    ] {
        all.push(Msg::PlanBegins {
            start: day("2026-11-10"),
            unchanged,
            was,
            today: day("2026-11-21"),
            day: 12,
            total_days: 90,
        });
    }
    all.push(Msg::PlanBegins {
        start: day("2026-11-24"),
        unchanged: false,
        was: None,
        today: day("2026-11-21"),
        day: -2,
        total_days: 90,
    });
    all.push(Msg::Forgot { id: "old-rag" });
    all.push(Msg::NoteEdited {
        id: "5d33c848",
        topic: "1.6 why-rag  Why RAG",
        day: day("2026-11-20"),
    });
    all.push(Msg::EditsNote { id: "5d33c848" });
    all.push(Msg::EditedBy { id: "86219ccc" });
    all.push(Msg::NoteDeleted {
        id: "5d33c848",
        topic: "1.6 why-rag  Why RAG",
    });
    all.push(Msg::BeginTooFar {
        date: day("2062-11-01"),
        today: day("2026-11-21"),
        days: 366,
    });
    all.push(Msg::NotANote {
        id: "5d33c848",
        change: "done",
    });
    all.push(Msg::Noted {
        topic: "1.6 why-rag  Why RAG",
        day: day("2026-11-21"),
    });
    all.push(Msg::ReportWritten {
        path: "progress.md",
    });

    all.push(Msg::NotCreatedYet);
    all.push(Msg::DoesNotExist);
    all.push(Msg::BuiltInWithId { id: "llm-roadmap" });
    all.push(Msg::BuiltIn);
    all.push(Msg::NoCacheFolder);
    all.push(Msg::CompletionFor);
    all.push(Msg::CompletionAsksForIds);
    all.push(Msg::CompletionInstall);
    all.push(Msg::CompletionGoesIn {
        file: "$PROFILE",
        before: None,
    });
    all.push(Msg::CompletionGoesIn {
        file: "~/.zshrc",
        before: Some("compinit"),
    });

    all.extend(FileType::ALL.map(Msg::NotRegular));
    all.extend(IoFailure::ALL.map(Msg::IoFailure));
    let report = FileKind::Report { format: "CSV" };
    for (given, found) in [
        (FileKind::Store, FileKind::Curriculum),
        (FileKind::Curriculum, FileKind::Store),
        (FileKind::Store, report),
        (FileKind::Curriculum, report),
    ] {
        all.push(Msg::WrongKind {
            path: "my plan.yaml",
            quoted: "'my plan.yaml'",
            given,
            found,
        });
    }

    all.extend(NotAFile::ALL.map(|what| Msg::MergeNotAFile {
        path: "shared/ada",
        what,
    }));
    for found in [FileKind::Curriculum, report] {
        all.push(Msg::MergeWrongKind {
            path: "plan.yaml",
            found,
        });
    }

    use PathPiece::{Index, Key};
    all.push(Msg::FileTooLarge { mib: 64 });
    all.push(Msg::NotUtf8);
    all.push(Msg::NestedTooDeep { max: 64 });
    all.push(Msg::EmptyFile);
    all.push(Msg::TabIndent);
    all.push(Msg::ControlChar { code: 0x7 });
    const DAYS: &[PathPiece] = &[Key("stages"), Index(1), Key("days")];
    const TITLE: &[PathPiece] = &[
        Key("stages"),
        Index(0),
        Key("topics"),
        Index(2),
        Key("title"),
    ];
    const LINK: &[PathPiece] = &[
        Key("stages"),
        Index(0),
        Key("topics"),
        Index(1),
        Key("links"),
        Index(2),
    ];
    all.push(Msg::WrongType {
        at: &[],
        expected: Some(Expected::Curriculum),
        said: "struct Curriculum",
        found: Found::List,
    });
    for expected in Expected::ALL {
        all.push(Msg::WrongType {
            at: DAYS,
            expected: Some(expected),
            said: "i64",
            found: Found::Text("\"ten\""),
        });
    }
    for found in [
        Found::Text("\"ten\""),
        Found::Number("5"),
        Found::Boolean("true"),
        Found::List,
        Found::Map,
        Found::Nothing,
        Found::Other("a tagged value"),
    ] {
        all.push(Msg::WrongType {
            at: LINK,
            expected: None,
            said: "a string",
            found,
        });
    }
    for expected in [Some(Expected::Id), None] {
        all.push(Msg::MissingKey {
            at: &[Key("stages"), Index(2)],
            field: "id",
            expected,
        });
    }
    all.push(Msg::MissingKey {
        at: &[],
        field: "stages",
        expected: Some(Expected::Stages),
    });
    all.push(Msg::DuplicateKey {
        at: &[Key("stages"), Index(0), Key("topics"), Index(3)],
        field: "title",
    });
    all.push(Msg::EmptyText { at: TITLE });
    for hint in YamlHint::ALL {
        all.push(Msg::NotYaml {
            hint: Some(hint),
            words: "did not find expected node content",
        });
    }
    all.push(Msg::NotYaml {
        hint: None,
        words: "found character that cannot start any token",
    });

    let stage = PartName::Stage {
        number: 2,
        id: "retrieval",
    };
    let topic = PartName::Topic {
        stage: 1,
        topic: 6,
        id: "why-rag",
    };
    all.push(Msg::BadId {
        part: PartName::Curriculum,
        id: "-mine",
    });
    all.push(Msg::BadId {
        part: topic,
        id: "why rag",
    });
    all.push(Msg::PositionId {
        part: stage,
        id: "2",
        example: "stage-2",
    });
    all.push(Msg::OldIdInUse {
        part: topic,
        old: "retrieval",
        holder: stage,
    });
    all.push(Msg::OldIdTwice {
        part: topic,
        old: "old-rag",
        first: PartName::Topic {
            stage: 1,
            topic: 2,
            id: "rag",
        },
    });
    all.push(Msg::BadOldId {
        part: topic,
        old: "old rag",
    });
    all.push(Msg::DuplicateId {
        part: topic,
        id: "why-rag",
        first: PartName::Topic {
            stage: 1,
            topic: 2,
            id: "why-rag",
        },
    });
    for part in [PartName::Curriculum, stage, topic] {
        all.push(Msg::EmptyTitle { part });
    }
    all.push(Msg::ControlInText {
        part: topic,
        key: "title",
        code: 0x1b,
    });
    all.push(Msg::BandOutOfRange {
        low: 60.0,
        high: 0.7,
    });
    all.push(Msg::BandSwapped {
        low: 0.7,
        high: 0.6,
    });
    all.push(Msg::GeniusDaysTooMany {
        days: 100_000,
        max: 36_500,
    });
    all.push(Msg::GeniusDaysNotPositive { days: 0 });
    all.push(Msg::TotalDaysTooMany {
        days: 40_000,
        max: 36_500,
    });
    all.push(Msg::NoStages);
    all.push(Msg::StageDaysTooMany {
        part: stage,
        days: 40_000,
        max: 36_500,
    });
    all.push(Msg::StageDaysNotPositive {
        part: stage,
        days: -1,
    });
    all.push(Msg::NoTopics { part: stage });
    all.push(Msg::MergeKey);
    for (map, keys, suggestion) in [
        (MapName::Curriculum, &["id", "title"][..], Some("title")),
        (MapName::Band, &["low", "high"], None),
        (MapName::Stage, &["id", "topics"], Some("topics")),
        (MapName::Topic, &["id", "title"], None),
        (MapName::Text, &["zh", "en"], Some("zh")),
    ] {
        all.push(Msg::UnknownKey {
            key: "cn",
            map,
            keys,
            suggestion,
        });
    }

    all.push(Msg::CurriculumUnreadable {
        file: "my-plan.yaml",
        reason: "no such file or folder",
    });
    all.push(Msg::ExpandsTooMuch {
        at: "my-plan.yaml:3:4",
        limit_mib: 64,
    });
    all.push(Msg::CurriculumInvalid {
        file: "my-plan.yaml",
        problems: &["my-plan.yaml:7:3: the curriculum has no stages"],
    });
    all.push(Msg::CurriculumInvalid {
        file: "my-plan.yaml",
        problems: &[
            "my-plan.yaml:2:5: the curriculum: the title is empty",
            "my-plan.yaml:9:9: stage 1 (`s`): the stage has no topics",
        ],
    });

    all.push(Msg::ErrorPrefix);
    for suggestions in [&["why-rag", "rag-eval"][..], &[]] {
        all.push(Msg::UnknownTopic {
            query: "rga",
            suggestions,
        });
        all.push(Msg::UnknownName {
            query: "rga",
            suggestions,
        });
    }
    let candidates = &["1.6 why-rag  Why RAG", "2.1 rag-eval  RAG evals"][..];
    for more in [0, 3] {
        all.push(Msg::AmbiguousTopic {
            query: "rag",
            count: candidates.len() + more,
            shown: candidates,
            more,
        });
    }
    all.push(Msg::AmbiguousStage {
        query: "re",
        candidates: &["2 retrieval  Retrieval", "5 review  Review"],
    });
    for more in [false, true] {
        all.push(Msg::UnknownStage {
            query: "12",
            count: if more { 9 } else { 2 },
            ids: &["basics", "retrieval"],
            more,
        });
    }
    all.push(Msg::FutureDate {
        date: day("2026-12-01"),
        today: day("2026-11-21"),
    });
    for planned in [false, true] {
        all.push(Msg::BeforeStart {
            date: day("2026-11-01"),
            start: day("2026-11-10"),
            planned,
        });
    }
    all.push(Msg::BeforeLastChange {
        topic: "why-rag",
        date: day("2026-11-12"),
        last: day("2026-11-14"),
    });
    all.push(Msg::BeginAfterWork {
        date: day("2026-11-20"),
        first: day("2026-11-12"),
    });
    all.push(Msg::ForgetCurrentTopic {
        id: "old-rag",
        current: "why-rag",
    });
    for orphans in [&["gone", "lost"][..], &[]] {
        all.push(Msg::NothingToForget {
            id: "why-rag",
            orphans,
        });
    }
    all.push(Msg::EmptyNote);
    all.push(Msg::OptionInNote {
        word: "--lang",
        topic: "why-rag",
    });
    let path = "/home/ada/progress.jsonl";
    static PROBLEMS: std::sync::LazyLock<[LineProblem; 11]> = std::sync::LazyLock::new(|| {
        [
            LineProblem::NotJson { column: 12 },
            LineProblem::TooDeep,
            LineProblem::NotAnObject,
            LineProblem::Missing("id"),
            LineProblem::WrongType { key: "topics" },
            LineProblem::BadValue {
                key: "at",
                value: "yesterday".into(),
            },
            LineProblem::BadValue {
                key: "on",
                value: "2026-13-01".into(),
            },
            LineProblem::BadValue {
                key: "version",
                value: "1".into(),
            },
            LineProblem::BadValue {
                key: "id",
                value: "42".into(),
            },
            LineProblem::TooLong,
            LineProblem::ZeroBytes,
        ]
    });
    for problem in PROBLEMS.iter() {
        all.push(Msg::StoreBadLine {
            path,
            line: 7,
            problem,
        });
    }
    all.push(Msg::StoreTornTail { path, line: 12 });
    for copies in [
        &["progress.sync-conflict-20261201-101010-ABC.jsonl"][..],
        &["a.jsonl", "b.jsonl"],
    ] {
        all.push(Msg::StoreCopiesFound { copies });
    }
    all.push(Msg::StoreOldFormatBeside {
        path: "/home/ada/data/progress.yaml",
        quoted: "/home/ada/data/progress.yaml",
    });
    all.push(Msg::StoreBesideUnreadable {
        path: "progress.sync-conflict-20261201-101010-ABC.jsonl",
        problem: "cannot read the progress store `progress.sync-conflict-20261201-101010-ABC.jsonl`: \
                  line 3 is not JSON\nthe file was left as it is",
    });
    all.push(Msg::StoreConverted {
        from: "/home/ada/data/progress.yaml",
        backup: "/home/ada/data/progress.v1-backup.yaml",
        to: "/home/ada/data/progress.jsonl",
    });
    for count in [1, 2] {
        all.push(Msg::StoreCopiesFolded {
            count,
            folder: "/home/ada/data/merged",
        });
    }
    all.push(Msg::RevertNoMatch { id: "0b6c" });
    all.push(Msg::RevertAmbiguous {
        id: "0b",
        matches: &["0b6c2d7", "0b91f3a"],
    });
    for by in [Some("5c1e09a2"), None] {
        all.push(Msg::RevertAlready { id: "0b6c2d7", by });
    }
    all.push(Msg::RevertTooShort { id: "0b", min: 4 });
    all.push(Msg::RevertOtherPlan {
        id: "0b6c2d7",
        plan: "rust-101",
    });
    all.push(Msg::Reverted {
        id: "0b6c2d7",
        what: "done why-rag",
    });
    for (added, files) in [(0, 1), (1, 1), (12, 2)] {
        all.push(Msg::Merged { added, files });
    }
    all.push(Msg::MergeDisagrees {
        topic: "why-rag",
        state: StateName::Skipped,
    });
    for more in [1, 25] {
        all.push(Msg::MergeDisagreesMore { more });
    }
    all.push(Msg::MergeSelf { path });
    all.push(Msg::RevertsChange { id: "0b6c2d7e" });
    all.push(Msg::NoLongerCounts);
    static V1_PROBLEMS: std::sync::LazyLock<Vec<V1Problem>> = std::sync::LazyLock::new(|| {
        let reason = || "did not find expected key".to_owned();
        vec![
            V1Problem::Empty,
            V1Problem::NotUtf8 { offset: 120 },
            V1Problem::TooLarge { mib: 256 },
            V1Problem::Yaml { reason: reason() },
            V1Problem::Tab,
            V1Problem::Aliases { mib: 64 },
            V1Problem::NotAMap,
            V1Problem::NoVersion,
            V1Problem::VersionNotWhole {
                value: "\"one\"".into(),
            },
            V1Problem::VersionZero,
            V1Problem::Events { reason: reason() },
            V1Problem::Event {
                event: 3,
                key: Some("topic"),
                reason: reason(),
            },
            V1Problem::Event {
                event: 3,
                key: None,
                reason: reason(),
            },
            V1Problem::EventMissing {
                event: 3,
                key: "at",
            },
            V1Problem::EventTime {
                event: 3,
                value: "noon".into(),
                reason: "input contains invalid characters".into(),
            },
            V1Problem::EventDate {
                event: 3,
                value: "2026-13-01".into(),
            },
            V1Problem::EventKey {
                event: 3,
                key: "[1]".into(),
            },
            V1Problem::TopKey { key: "7".into() },
        ]
    });
    for problem in V1_PROBLEMS.iter() {
        let at = matches!(problem, V1Problem::Yaml { .. } | V1Problem::Tab).then_some((3, 5));
        all.push(Msg::StoreCorrupt { path, at, problem });
    }
    all.push(Msg::MergeCorrupt {
        path: "old/progress.yaml",
        at: Some((3, 5)),
        problem: &V1Problem::Tab,
    });
    all.push(Msg::StoreZeroTail {
        path: "my store.jsonl",
        quoted: "'my store.jsonl'",
        keep: 120,
        zeros: 8,
    });
    all.push(Msg::StoreChanged { path });
    all.push(Msg::StoreUnfinished {
        path,
        line: 4,
        text: "{\"at\":",
    });
    all.push(Msg::StoreTooNew {
        path,
        found: 9,
        supported: 2,
    });
    for folder in [true, false] {
        all.push(Msg::StoreNotAFile {
            path: "/home/ada/data",
            folder,
            example: "/home/ada/data/progress.yaml",
        });
    }
    all.push(Msg::StoreNotRegular { path: "/dev/null" });
    all.push(Msg::OwnerWouldChange { path });
    all.push(Msg::StoreLinkBroken { path });
    for action in IoAction::ALL {
        all.push(Msg::IoFailed {
            action,
            path,
            reason: "permission denied",
            not_regular: false,
        });
    }
    all.push(Msg::IoFailed {
        action: IoAction::ReadStore,
        path: "/home/ada",
        reason: "it is a folder, not a file",
        not_regular: true,
    });
    for target in [Some("/dev/full"), None] {
        all.push(Msg::WriteOutput {
            target,
            reason: "the disk is full",
        });
    }
    all.push(Msg::OutputFolderMissing {
        path: "out/progress.md",
        folder: "out",
    });
    all.push(Msg::StoreFolderMissing {
        path: "/media/usb/studyplan/progress.jsonl",
        folder: "/media/usb/studyplan",
        quoted: "/media/usb/studyplan",
    });
    for what in OwnFile::ALL {
        all.push(Msg::ReportOntoOwnFile {
            path: "progress.md",
            file: "/home/ada/progress.md",
            what,
        });
    }
    all.push(Msg::ReportFormatMismatch {
        path: "progress.md",
        given: "csv",
        said: "markdown",
    });
    all.push(Msg::ReportFormatUnknown {
        path: "progress.txt",
        extension: "txt",
    });
    all.push(Msg::ReportNotAFile { path: "/dev/sda" });
    all.push(Msg::ReportNoNotes { format: "csv" });
    all.push(Msg::BadToday { value: "soon" });
    all.push(Msg::BadLang { value: "fr" });
    all.push(Msg::BadBorder { value: "round" });
    all.push(Msg::NoDataFolder);
    all.push(Msg::BadReviewSetting { value: "maybe" });
    for (in_days, early) in [(3, false), (3, true), (0, false), (-2, false)] {
        all.push(Msg::Reviewed {
            next: day("2026-12-08"),
            in_days,
            early,
        });
    }
    all.push(Msg::ReviewedAlready {
        next: day("2026-12-08"),
        in_days: 3,
    });
    for (overdue, aside) in [(2, true), (0, false), (-3, false)] {
        all.push(Msg::ReviewDue {
            due: day("2026-12-02"),
            overdue,
            aside,
        });
    }
    for count in [1, 3] {
        all.push(Msg::ReviewsDue { count });
    }
    all.push(Msg::ReviewHow);
    all.push(Msg::NoReviewsDue);
    all.push(Msg::NextReview {
        topic: "1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?",
        due: day("2026-12-08"),
        in_days: 1,
    });
    all.push(Msg::NothingToReview {
        intervals: "1, 3, 7, 14, 30, 60",
    });
    for by_curriculum in [true, false] {
        all.push(Msg::ReviewsOff { by_curriculum });
    }
    all.push(Msg::ReviewNotDone {
        topic: "why-rag",
        state: StateName::InProgress,
    });
    all.push(Msg::TodayIs {
        today: day("2026-12-04"),
        calendar: "day 15 of 90, started 2026-11-20, ends 2027-02-17",
    });
    all.push(Msg::TodayNotStarted);
    all.push(Msg::TodayStartsIn {
        start: day("2026-12-07"),
        days: 3,
    });
    all.push(Msg::TodayFinished);
    for ahead in [0, 2] {
        all.push(Msg::TodayAhead { ahead });
    }
    for (behind, week) in [(0, None), (1, None), (10, Some(1.0))] {
        all.push(Msg::TodayToFinish {
            to_finish: 11,
            behind,
            week,
        });
    }
    for to_low in [0, 23] {
        all.push(Msg::TodayCatchUp {
            over_by: 12,
            to_low,
            low: "60%",
        });
    }
    for per_week in [Some(3.5), None] {
        all.push(Msg::TodayReach {
            by: day("2027-03-01"),
            low: "60%",
            per_week,
        });
    }
    all.push(Msg::TodayReached { low: "60%" });
    all.push(Msg::TodayMoreReviews { more: 18 });
    all.push(Msg::TodayAtPace {
        eta: "60% by 2027-05-26",
    });
    all.push(Msg::TodayMore { more: 6, count: 11 });
    all.push(Msg::TodayLineFinish {
        to_finish: 11,
        first: "1.3 core-mindset",
    });
    for ahead in [0, 2] {
        all.push(Msg::TodayLineAhead { ahead });
    }
    all.push(Msg::TodayLineCatchUp {
        to_low: 23,
        low: "60%",
    });
    for alone in [true, false] {
        all.push(Msg::TodayLineReviews { count: 2, alone });
    }
    all.push(Msg::ByNotLater {
        by: day("2026-11-20"),
        today: day("2026-11-21"),
    });
    all.push(Msg::StatsHeatmap {
        weeks: 26,
        from: day("2026-06-08"),
        to: day("2026-12-04"),
    });
    for day in 0..7 {
        all.push(Msg::WeekdayShort { day });
    }
    for month in 1..=12 {
        all.push(Msg::MonthShort { month });
    }
    all.push(Msg::StatsLegend {
        levels: "· ░ ▒ ▓ █",
    });
    for (current, longest, ended) in [
        (0, 0, None),
        (3, 3, Some("2026-12-04")),
        (0, 12, Some("2026-10-11")),
        (3, 12, Some("2026-10-11")),
    ] {
        all.push(Msg::StatsStreak {
            current,
            longest,
            ended: ended.map(day),
        });
    }
    all.push(Msg::StatsStudyDays {
        last7: 5,
        last30: 18,
    });
    all.push(Msg::StatsDonePerWeek { weeks: 12 });
    all.push(Msg::StatsBurnUp {
        done: "█",
        planned: "·",
        band: "60-70%",
    });
    all.push(Msg::StatsNothingYet);
    all
}

/// The variants an enum of `msg.rs` declares, read from the source, so that a message added
/// without a sample here fails the test below.
fn declared(name: &str) -> BTreeSet<String> {
    let source = include_str!("msg.rs");
    let start = format!("pub enum {name}");
    source
        .lines()
        .skip_while(|line| !line.starts_with(&start))
        .skip(1)
        .take_while(|line| *line != "}")
        .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
        .filter_map(|line| {
            let word: String = line
                .trim_start()
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            word.starts_with(|c: char| c.is_ascii_uppercase())
                .then_some(word)
        })
        .collect()
}

/// The variant's name, from its `Debug` form.
fn variant(debug: &str) -> String {
    debug
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

#[test]
fn every_message_has_a_sample() {
    let sampled: BTreeSet<String> = samples()
        .iter()
        .map(|msg| variant(&format!("{msg:?}")))
        .collect();
    assert_eq!(sampled, declared("Msg<'a>"));
    assert_eq!(Header::ALL.len(), declared("Header").len());
    assert_eq!(Label::ALL.len(), declared("Label").len());
    assert_eq!(StateName::ALL.len(), declared("StateName").len());
    assert_eq!(ChangeName::ALL.len(), declared("ChangeName").len());
    assert_eq!(ManSection::ALL.len(), declared("ManSection").len());
    assert_eq!(Unit::ALL.len(), declared("Unit").len());
    assert_eq!(FileType::ALL.len(), declared("FileType").len());
    assert_eq!(IoFailure::ALL.len(), declared("IoFailure").len());
    assert_eq!(Expected::ALL.len(), declared("Expected").len());
    assert_eq!(YamlHint::ALL.len(), declared("YamlHint").len());
    assert_eq!(MapName::ALL.len(), declared("MapName").len());
    assert_eq!(OwnFile::ALL.len(), declared("OwnFile").len());
    assert_eq!(IoAction::ALL.len(), declared("IoAction").len());
}

#[test]
fn no_message_is_empty_in_either_language() {
    for msg in samples() {
        for lang in LANGS {
            assert!(!lang.say(msg).trim().is_empty(), "{msg:?} in {lang:?}");
        }
    }
    for unit in Unit::ALL {
        for lang in LANGS {
            assert!(
                !lang.count(1, unit).trim().is_empty(),
                "{unit:?} in {lang:?}"
            );
        }
    }
}

#[test]
fn every_message_in_both_languages() {
    let mut out = String::new();
    let mut line = |what: String, say: &dyn Fn(Lang) -> String| {
        writeln!(out, "{what}").unwrap();
        for lang in LANGS {
            let text = say(lang).replace('\n', "\n    ");
            writeln!(out, "  {lang:?}: {text}").unwrap();
        }
    };
    for msg in samples() {
        line(format!("{msg:?}"), &|lang| lang.say(msg).into_owned());
    }
    for unit in Unit::ALL {
        for n in [0, 1, 3] {
            line(format!("count({n}, {unit:?})"), &|lang| lang.count(n, unit));
        }
    }
    for items in [&["a"][..], &["a", "b"], &["a", "b", "c"]] {
        line(format!("and_list({items:?})"), &|lang| lang.and_list(items));
        line(format!("list({items:?})"), &|lang| lang.list(items));
        line(format!("clauses({items:?})"), &|lang| lang.clauses(items));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn paths_in_a_curriculum_are_said_in_words() {
    use PathPiece::{Index, Key};
    let title = [
        Key("stages"),
        Index(1),
        Key("topics"),
        Index(0),
        Key("title"),
    ];
    assert_eq!(en::subject(&title), "`title` of topic 2.1");
    assert_eq!(
        zh::subject(&[Key("stages"), Index(1), Key("days")]),
        "第 2 阶段的 `days`"
    );
    assert_eq!(en::subject(&title[..4]), "topic 2.1");
    let link = [
        Key("stages"),
        Index(0),
        Key("topics"),
        Index(1),
        Key("links"),
        Index(2),
    ];
    assert_eq!(en::subject(&link), "item 3 of `links` of topic 1.2");
    assert_eq!(zh::subject(&link), "主题 1.2 的 `links` 的第 3 项");
    assert_eq!(en::subject(&[]), "the curriculum");
    assert_eq!(en::subject(&[Key("band"), Key("low")]), "`low` of `band`");
}

#[test]
fn locales_starting_with_zh_mean_chinese() {
    assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Some(Lang::Zh));
    assert_eq!(Lang::from_locale("zh_TW"), Some(Lang::Zh));
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("C"), Some(Lang::En));
    assert_eq!(Lang::from_locale(""), None);
}
