//! The typed keys of the message catalog: every message the interface prints, each with the
//! values it says. `en.rs` and `zh.rs` render every one; a key one of them lacks, or renders with
//! other values, does not compile.
//!
//! Longer than other files on purpose: every key of the interface is declared here, so that one
//! list says all the program can say.

use chrono::NaiveDate;

/// A message, with the values it needs. Render it with [`Lang::say`](super::Lang::say).
#[derive(Clone, Copy, Debug)]
pub enum Msg<'a> {
    /// A table's column heading.
    Header(Header),
    /// A line's label with its colon: `Overall:`.
    Label(Label),
    /// Any text as a label, with the language's colon: a column heading before a value.
    WithColon { text: &'a str },
    /// The name of a topic's state.
    State(StateName),

    /// The name of a kind of change.
    Change(ChangeName),

    /// A section heading of the manual page.
    ManSection(ManSection),

    /// The verdict once nothing is left to study and the band is reached: every topic done.
    /// `band` is the band as `60-70%`.
    VerdictComplete {
        above: bool,
        band: &'a str,
        total: usize,
    },
    /// The verdict once nothing is left to study but the skipped topics.
    VerdictOnlySkippedLeft {
        above: bool,
        band: &'a str,
        skipped: usize,
    },
    /// Below the band, with too many topics skipped to reach its low edge `low` (`60%`).
    VerdictUnreachable { band: &'a str, low: &'a str },
    /// Below the band, `to_go` topics short of its low edge.
    VerdictBelow {
        band: &'a str,
        low: &'a str,
        to_go: usize,
    },
    /// Within the band.
    VerdictWithin { band: &'a str },
    /// Above the band.
    VerdictAbove { band: &'a str },
    /// After a done count: how many are skipped, and the share done or skipped.
    SkippedCovered { skipped: usize, covered: &'a str },
    /// There is no next topic.
    NothingLeft,
    /// `3/41 done (7.3%)`.
    DoneOf {
        done: usize,
        total: usize,
        percent: &'a str,
    },

    /// The calendar before the plan has a start.
    NotStarted,
    /// The calendar before its first day.
    CalendarStartsOn { start: NaiveDate, in_days: i64 },
    /// The calendar after its last day.
    CalendarOver {
        total_days: i64,
        end: &'a str,
        over_by: i64,
        day: i64,
        start: NaiveDate,
    },
    /// The calendar on one of its days.
    CalendarDay {
        day: i64,
        total_days: i64,
        start: NaiveDate,
        end: &'a str,
    },
    /// Where the learner stands against the plan: exactly on it.
    OnSchedule,
    /// On the plan, with `topics` still to do today.
    OnScheduleToGo { topics: i64 },
    /// Ahead of the plan.
    Ahead { topics: i64 },
    /// Behind the plan: `topics` were due before today, `to_go` are to finish today to be on it.
    Behind { topics: i64, to_go: i64 },
    /// The plan's line: the stage of today (`stage` from 1), what is due and what is done.
    PlanStage {
        stage: usize,
        title: &'a str,
        expected: usize,
        done: usize,
        standing: &'a str,
    },
    /// The plan's line once every stage was due.
    PlanAllDue {
        expected: usize,
        done: usize,
        standing: &'a str,
    },
    /// The pace of a plan younger than the recent window.
    PaceSinceStart { per_week: f64 },
    /// The pace since the start and over the last `days`.
    PaceRecent {
        per_week: f64,
        recent: f64,
        days: i64,
    },
    /// No pace: nothing done yet.
    NoPaceYet,
    /// No projection: nothing done yet.
    EtaNoPaceYet,
    /// Targets (`60%`, `70%`, `100%`) reached on a day.
    EtaReached {
        targets: &'a [&'a str],
        day: NaiveDate,
    },
    /// Targets projected for a day.
    EtaBy {
        targets: &'a [&'a str],
        day: NaiveDate,
    },
    /// Targets without a projection.
    EtaNoPace { targets: &'a [&'a str] },
    /// Targets out of reach, as `skipped` topics are skipped.
    EtaOutOfReach {
        targets: &'a [&'a str],
        skipped: usize,
    },
    /// Every topic was done within the genius window of `days`.
    GeniusEarned { days: i64 },
    /// The genius window before the plan has a start.
    GeniusWithin { total: usize, days: i64 },
    /// The genius window still open.
    GeniusToGo {
        remaining: usize,
        days_left: i64,
        last: NaiveDate,
    },

    /// A stage's row in the topic list (`number` from 1).
    StageHeading { number: usize, title: &'a str },
    /// The topic list when no topic passes the filter.
    NoTopicsMatch,

    /// Where a topic sits (`topic` and `stage` from 1, `of` the topics of its stage).
    PositionInStage {
        pos: &'a str,
        topic: usize,
        of: usize,
        stage: usize,
    },
    /// After a topic's state: since when.
    SinceDay { day: NaiveDate },
    /// A topic without changes.
    NoHistory,
    /// After a change counted for another day: the day it was recorded.
    RecordedOn { day: NaiveDate },
    /// A topic without notes.
    NoNotes,
    /// A stage's planned days, and where they fall among the plan's days.
    StageDays {
        days: i64,
        first: i64,
        last: i64,
        total: i64,
    },
    /// After a stage's planned days: its dates.
    StageDates { dates: &'a str },
    /// After a stage's planned days, before the plan has a start.
    StageDatesLater,

    /// After a `begin` that counts, when the plan was begun more than once.
    BeginCounts,
    /// After a `begin` that counts and moved the start from `from`.
    BeginCountsMovedFrom { from: NaiveDate },
    /// After a `begin` that a later one, recorded `on`, moved `to` another start.
    BeginSupersededMovedTo { on: NaiveDate, to: NaiveDate },
    /// After a `begin` that a later one, recorded `on`, replaced.
    BeginSupersededOn { on: NaiveDate },
    /// After a `begin` that a later one replaced.
    BeginSuperseded,
    /// A change to a topic the curriculum does not have.
    NotInCurriculum { id: &'a str },
    /// What a `begin` was about.
    ThePlanStarts,
    /// What a change to no topic was about.
    ThePlan,
    /// The history when no change passes the filter.
    NoChangesMatch,
    /// An empty history.
    NoChangesYet,

    /// `curriculum check` on a sound file.
    SoundCurriculum { source: &'a str },
    /// The genius window of a curriculum: every topic within `days`.
    GeniusWindow { days: i64 },
    /// Under the table of plans: what its mark means.
    CurrentPlanNote,

    /// The overall count in a report: `3/41 done (7.3%)`.
    ReportDone {
        done: usize,
        total: usize,
        percent: &'a str,
    },
    /// After a stage's heading in a report: its days and its count.
    ReportStageCounts {
        days: i64,
        done: usize,
        total: usize,
        percent: &'a str,
    },
    /// After a topic in a report: in progress since `day`.
    ReportInProgressSince { day: NaiveDate },
    /// After a topic in a report: done or skipped on `day`.
    ReportStateOn { state: StateName, day: NaiveDate },
    /// A heading of the HTML report.
    ReportHeading(ReportHeading),
    /// At the foot of the HTML report.
    ReportMadeBy { version: &'a str, today: NaiveDate },
    /// A line of the burn-up chart, in its legend.
    ChartLine(ChartLine),
    /// The band, in the burn-up chart's legend.
    ChartBand { band: &'a str },
    /// In place of the burn-up chart, before the plan has a start.
    ChartNotStarted,
    /// In place of the burn-up chart, before a planned start.
    ChartStartsOn { start: NaiveDate },
    /// The ends of the heatmap's legend: `less` (or `more`) studied.
    HeatmapEnd { more: bool },
    /// A topic's state in the HTML checklist, with the day it got there.
    ReportWhen { state: StateName, day: NaiveDate },
    /// A label's word alone, as a heading or a term: `Streak`.
    LabelWord(Label),
    /// A day of the heatmap, when pointed at: its date and how much was studied.
    HeatmapDay { day: NaiveDate, count: usize },

    /// What a key of the checklist view does, in its key line and its help.
    TuiAction(TuiAction),
    /// Before the text of a search in the checklist view.
    TuiSearchPrompt,
    /// Before the text of a note on `topic` (its position) in the checklist view.
    TuiNotePrompt { topic: &'a str },
    /// No topic matches a search.
    TuiNoMatch { query: &'a str },
    /// The help's heading, and how to close it.
    TuiHelpTitle,
    /// The checklist view needs a terminal; `stdin` says which end is not one.
    TuiNotATerminal { stdin: bool },

    /// A reading command leaves out the changes that count for days after `today`.
    LaterChangesLeftOut { today: NaiveDate, count: usize },
    /// Another writer holds the store's lock.
    WaitingForLock { path: &'a str },
    /// The store has fields this version does not know.
    UnknownFields { keys: &'a [&'a str] },
    /// The store has changes of kinds this version does not know.
    UnknownChanges { count: usize },
    /// The store has progress on topics the curriculum no longer has, and the two ways to settle
    /// it; `file` is the curriculum's name, none for the built-in one.
    OrphanedProgress {
        ids: &'a [&'a str],
        file: Option<&'a str>,
    },

    /// A change that leaves a topic's state as it was.
    AlreadyInState { state: StateName },
    /// A change of a topic's state, dated `on` when a day was given.
    StateChanged {
        from: StateName,
        to: StateName,
        on: Option<NaiveDate>,
    },
    /// After changes: the overall count and the verdict.
    ChangedOverall {
        done: usize,
        total: usize,
        percent: &'a str,
        verdict: &'a str,
    },
    /// `begin`: the start, what it was before if it moved, and where it puts today.
    PlanBegins {
        start: NaiveDate,
        unchanged: bool,
        was: Option<NaiveDate>,
        today: NaiveDate,
        day: i64,
        total_days: i64,
    },
    /// `forget` dropped the progress on `id`.
    Forgot { id: &'a str },
    /// `note` recorded a note on `topic` (a topic line) for `day`; the text follows.
    Noted { topic: &'a str, day: NaiveDate },
    /// `note --edit` replaced the text of note `id` on `topic`, of `day`; the new text follows.
    NoteEdited {
        id: &'a str,
        topic: &'a str,
        day: NaiveDate,
    },
    /// After a note in `log` that replaces the note `id`.
    EditsNote { id: &'a str },
    /// After a note in `log` that the note `id` replaced.
    EditedBy { id: &'a str },
    /// `note --delete` deleted note `id` on `topic`.
    NoteDeleted { id: &'a str, topic: &'a str },
    /// A planned start more than `days` days after today.
    BeginTooFar {
        date: NaiveDate,
        today: NaiveDate,
        days: i64,
    },
    /// `note --edit` or `--delete` was given the id of a change that is no note.
    NotANote { id: &'a str, change: &'a str },
    /// `report --output` wrote the report.
    ReportWritten { path: &'a str },

    /// `where`: after a path where nothing is yet.
    NotCreatedYet,
    /// After a path `where` shows, of a file the learner gives that is not there.
    DoesNotExist,
    /// `where`: the built-in curriculum, `id`, is in use.
    BuiltInWithId { id: &'a str },
    /// `where`: the built-in curriculum is in use.
    BuiltIn,
    /// `where`: the system has no cache folder.
    NoCacheFolder,
    /// The first line of a completion script.
    CompletionFor,
    /// A completion script's note that it asks for ids as it goes.
    CompletionAsksForIds,
    /// Before a completion script's install commands.
    CompletionInstall,
    /// After an install command: the file it goes in, and what it goes before there.
    CompletionGoesIn {
        file: &'a str,
        before: Option<&'a str>,
    },

    /// Why a path that is not a regular file was not read.
    NotRegular(FileType),
    /// Why an I/O call failed, for the failures the system reports most.
    IoFailure(IoFailure),
    /// A file given as `given` (the progress store or the curriculum) is `found`; `path` is the
    /// file as shown, `quoted` as a shell reads it back.
    WrongKind {
        path: &'a str,
        quoted: &'a str,
        given: FileKind<'a>,
        found: FileKind<'a>,
    },

    /// A version 1 file given to `merge` does not read, at line and column `at`.
    MergeCorrupt {
        path: &'a str,
        at: Option<(usize, usize)>,
        problem: &'a V1Problem,
    },
    /// A path given to `merge` is not a file to read.
    MergeNotAFile { path: &'a str, what: NotAFile },
    /// A file given to `merge` is `found`, not a progress store.
    MergeWrongKind { path: &'a str, found: FileKind<'a> },

    /// A curriculum file bigger than any curriculum needs.
    FileTooLarge { mib: usize },
    /// A curriculum file that is not UTF-8 text.
    NotUtf8,
    /// `[` and `{` nested deeper than `max`.
    NestedTooDeep { max: usize },
    /// A curriculum file of nothing but blanks and comments.
    EmptyFile,
    /// A tab where YAML wants spaces.
    TabIndent,
    /// A control character, `code` its number, which YAML does not allow anywhere.
    ControlChar { code: u32 },
    /// A value of the wrong type at `at` (the whole file when empty): `expected` says what the
    /// key holds when the schema knows it, else `said` is the YAML reader's words for it.
    WrongType {
        at: &'a [PathPiece<'a>],
        expected: Option<Expected>,
        said: &'a str,
        found: Found<'a>,
    },
    /// The map at `at` lacks the key `field`, which holds `expected`.
    MissingKey {
        at: &'a [PathPiece<'a>],
        field: &'a str,
        expected: Option<Expected>,
    },
    /// The map at `at` has the key `field` twice.
    DuplicateKey {
        at: &'a [PathPiece<'a>],
        field: &'a str,
    },
    /// A text given as a map with neither `zh` nor `en`.
    EmptyText { at: &'a [PathPiece<'a>] },
    /// Not valid YAML: the YAML reader's `words`, and what they mean when it is a common case.
    NotYaml {
        hint: Option<YamlHint>,
        words: &'a str,
    },

    /// A curriculum's id with characters ids may not have.
    BadId { part: PartName<'a>, id: &'a str },
    /// A stage or topic id of only digits and dots, the shape of a position; `example` is an id
    /// that would do.
    PositionId {
        part: PartName<'a>,
        id: &'a str,
        example: &'a str,
    },
    /// An old id (`was`) of `part` that `holder` has as its id now.
    OldIdInUse {
        part: PartName<'a>,
        old: &'a str,
        holder: PartName<'a>,
    },
    /// An old id (`was`) of `part` that `first` lists already.
    OldIdTwice {
        part: PartName<'a>,
        old: &'a str,
        first: PartName<'a>,
    },
    /// An old id (`was`) with characters ids may not have.
    BadOldId { part: PartName<'a>, old: &'a str },
    /// An id that `first` has already.
    DuplicateId {
        part: PartName<'a>,
        id: &'a str,
        first: PartName<'a>,
    },
    /// A title with no text.
    EmptyTitle { part: PartName<'a> },
    /// A text of the curriculum holds a control character.
    ControlInText {
        part: PartName<'a>,
        key: &'a str,
        code: u32,
    },
    /// Band edges outside 0..1.
    BandOutOfRange { low: f64, high: f64 },
    /// Band edges the wrong way round.
    BandSwapped { low: f64, high: f64 },
    /// A genius window longer than the `max` days supported.
    GeniusDaysTooMany { days: i64, max: i64 },
    /// A genius window that is not a positive number of days.
    GeniusDaysNotPositive { days: i64 },
    /// Stages whose days add up to more than the `max` supported.
    TotalDaysTooMany { days: i64, max: i64 },
    /// A curriculum without stages.
    NoStages,
    /// A stage longer than the `max` days supported.
    StageDaysTooMany {
        part: PartName<'a>,
        days: i64,
        max: i64,
    },
    /// A stage whose days are not positive.
    StageDaysNotPositive { part: PartName<'a>, days: i64 },
    /// A stage with no topics.
    NoTopics { part: PartName<'a> },
    /// A YAML merge key (`<<`).
    MergeKey,
    /// A key that a map of kind `map`, which takes `keys`, does not take; `suggestion` is the
    /// known key it was most likely meant to be.
    UnknownKey {
        key: &'a str,
        map: MapName,
        keys: &'a [&'a str],
        suggestion: Option<&'a str>,
    },

    /// A curriculum file that could not be read, and the `reason`.
    CurriculumUnreadable { file: &'a str, reason: &'a str },
    /// A curriculum whose aliases repeat its text into more than `limit_mib` MiB; `at` is the
    /// place in the file as `file:line:column`.
    ExpandsTooMuch { at: &'a str, limit_mib: usize },
    /// A curriculum that parsed but breaks the rules: each of its `problems` in words, with its
    /// place in the file.
    CurriculumInvalid {
        file: &'a str,
        problems: &'a [&'a str],
    },

    /// The start of every error line.
    ErrorPrefix,
    /// What was typed names no topic; `suggestions` are the closest ids.
    UnknownTopic {
        query: &'a str,
        suggestions: &'a [&'a str],
    },
    /// What was typed names `count` topics; the first are `shown`, `more` are left out.
    AmbiguousTopic {
        query: &'a str,
        count: usize,
        shown: &'a [&'a str],
        more: usize,
    },
    /// What was typed names several stages.
    AmbiguousStage {
        query: &'a str,
        candidates: &'a [&'a str],
    },
    /// What was typed names none of the `count` stages; `ids` are the first of their ids, and
    /// `more` says some were left out.
    UnknownStage {
        query: &'a str,
        count: usize,
        ids: &'a [&'a str],
        more: bool,
    },
    /// What `show` was given names no topic and no stage.
    UnknownName {
        query: &'a str,
        suggestions: &'a [&'a str],
    },
    /// A change dated after today.
    FutureDate { date: NaiveDate, today: NaiveDate },
    /// A change dated before the plan's start.
    /// `planned`: the start is after today.
    BeforeStart {
        date: NaiveDate,
        start: NaiveDate,
        planned: bool,
    },
    /// A back-dated change before the last change to `topic`.
    BeforeLastChange {
        topic: &'a str,
        date: NaiveDate,
        last: NaiveDate,
    },
    /// A start after work already recorded on `first`.
    BeginAfterWork { date: NaiveDate, first: NaiveDate },
    /// `forget` given an id of the curriculum, `current` now.
    ForgetCurrentTopic { id: &'a str, current: &'a str },
    /// `forget` given an id without progress; `orphans` are the ids it could take.
    NothingToForget { id: &'a str, orphans: &'a [&'a str] },
    /// A note with nothing in it.
    EmptyNote,
    /// A word of a note's text that is an option; `topic` as a shell reads it back.
    OptionInNote { word: &'a str, topic: &'a str },
    /// The version 1 progress store does not parse; `at` is where, as line and column.
    StoreCorrupt {
        path: &'a str,
        at: Option<(usize, usize)>,
        problem: &'a V1Problem,
    },
    /// Line `line` of a version 2 store is not an event studyplan can read.
    StoreBadLine {
        path: &'a str,
        line: usize,
        problem: &'a LineProblem,
    },
    /// The last line of the store, `line`, was cut short by a write that never finished, and was
    /// left out; the next change cuts it off.
    StoreTornTail { path: &'a str, line: usize },
    /// Sync tools' conflict copies of the store were found and read with it.
    StoreCopiesFound { copies: &'a [&'a str] },
    /// A version 1 file beside a version 2 store, written by an older studyplan: read with it.
    /// `quoted` is its path as a shell reads it back.
    StoreOldFormatBeside { path: &'a str, quoted: &'a str },
    /// A conflict copy, or a version 1 file beside the store, cannot be read (`problem` says
    /// why, in full): it is left out, and where it is.
    StoreBesideUnreadable { path: &'a str, problem: &'a str },
    /// The version 1 store `from` was converted to `to`, and kept as `backup`.
    StoreConverted {
        from: &'a str,
        backup: &'a str,
        to: &'a str,
    },
    /// `count` conflict copies were folded into the store and moved into `folder`.
    StoreCopiesFolded { count: usize, folder: &'a str },
    /// `revert` was given an id no event has.
    RevertNoMatch { id: &'a str },
    /// `revert` was given an id prefix that several events share (`matches`, short ids).
    RevertAmbiguous { id: &'a str, matches: &'a [&'a str] },
    /// `revert` was given an event already reverted, by the revert `by` (when it is known).
    RevertAlready { id: &'a str, by: Option<&'a str> },
    /// `revert` was given fewer than `min` characters of an id.
    RevertTooShort { id: &'a str, min: usize },
    /// `revert` was given an event of another plan.
    RevertOtherPlan { id: &'a str, plan: &'a str },
    /// The event `id` (`what` it did) no longer counts.
    Reverted { id: &'a str, what: &'a str },
    /// `merge` added `added` changes from `files` files.
    Merged { added: usize, files: usize },
    /// The histories merged disagree on `topic`: the later change, `state`, counts.
    MergeDisagrees { topic: &'a str, state: StateName },
    /// After the first disagreements listed, `more` topics on which the histories disagree too.
    MergeDisagreesMore { more: usize },
    /// In the log: a revert's subject, the change it cancels.
    RevertsChange { id: &'a str },
    /// In the log, after a change that was reverted.
    NoLongerCounts,
    /// `merge` was given the store itself.
    MergeSelf { path: &'a str },
    /// The store ends in `zeros` zero bytes after `keep` sound ones; `quoted` is its path as a
    /// shell reads it back.
    StoreZeroTail {
        path: &'a str,
        quoted: &'a str,
        keep: u64,
        zeros: u64,
    },
    /// The store changed under a command, by a program that does not take the lock.
    StoreChanged { path: &'a str },
    /// The store's last line, `line`, stops in the middle of a change.
    StoreUnfinished {
        path: &'a str,
        line: usize,
        text: &'a str,
    },
    /// The store was written by a newer build.
    StoreTooNew {
        path: &'a str,
        found: u64,
        supported: u64,
    },
    /// The store path names a folder, or no file at all; `example` is a file path to give.
    StoreNotAFile {
        path: &'a str,
        folder: bool,
        example: &'a str,
    },
    /// The store path names a pipe, a device or a socket.
    StoreNotRegular { path: &'a str },
    /// The store belongs to another user.
    OwnerWouldChange { path: &'a str },
    /// The store path is a link to nothing.
    StoreLinkBroken { path: &'a str },
    /// Doing `action` to `path` failed for `reason`; `not_regular` when it is not a regular file.
    IoFailed {
        action: IoAction,
        path: &'a str,
        reason: &'a str,
        not_regular: bool,
    },
    /// The output could not be written to stdout, which goes to `target` when it is known.
    WriteOutput {
        target: Option<&'a str>,
        reason: &'a str,
    },
    /// A report asked to go into a `folder` that does not exist.
    OutputFolderMissing { path: &'a str, folder: &'a str },
    /// The store named by `--store` or `STUDYPLAN_STORE` is in a `folder` that does not exist;
    /// `quoted` is the folder as a shell reads it back.
    StoreFolderMissing {
        path: &'a str,
        folder: &'a str,
        quoted: &'a str,
    },
    /// A report asked to go over `file`, one of studyplan's own.
    ReportOntoOwnFile {
        path: &'a str,
        file: &'a str,
        what: OwnFile,
    },
    /// `--format` says `given`, the file's extension `said`.
    ReportFormatMismatch {
        path: &'a str,
        given: &'a str,
        said: &'a str,
    },
    /// A report's file `extension` names no format.
    ReportFormatUnknown { path: &'a str, extension: &'a str },
    /// A report asked to go onto a block device or a socket.
    ReportNotAFile { path: &'a str },
    /// `report --notes` in a format without notes.
    ReportNoNotes { format: &'a str },
    /// `STUDYPLAN_TODAY` is not a date.
    BadToday { value: &'a str },
    /// `STUDYPLAN_LANG` names a language studyplan does not speak.
    BadLang { value: &'a str },
    /// `STUDYPLAN_BORDER` names a border style studyplan does not draw.
    BadBorder { value: &'a str },
    /// `STUDYPLAN_REVIEW` holds something other than `on` or `off`.
    BadReviewSetting { value: &'a str },
    /// No data folder to keep the store in by default.
    NoDataFolder,

    /// After a review: the next is due on `next`, `in_days` from today (0 or less for a review
    /// back-dated past it); `early` when it came before it was due, so the interval stays.
    Reviewed {
        next: NaiveDate,
        in_days: i64,
        early: bool,
    },
    /// A topic was reviewed today already: nothing recorded; the next is due on `next`.
    ReviewedAlready { next: NaiveDate, in_days: i64 },
    /// When a review is due against today: `overdue` days past it (0: today; less: not yet);
    /// `aside` in parentheses, after a topic's line.
    ReviewDue {
        due: NaiveDate,
        overdue: i64,
        aside: bool,
    },
    /// The heading of the reviews due today.
    ReviewsDue { count: usize },
    /// How to record a review, after the list of those due.
    ReviewHow,
    /// No review is due today.
    NoReviewsDue,
    /// The next review to come: of `topic` (its line), on `due`, `in_days` from today.
    NextReview {
        topic: &'a str,
        due: NaiveDate,
        in_days: i64,
    },
    /// Nothing is done, so nothing comes back for review yet; `intervals` as `1, 3, 7`.
    NothingToReview { intervals: &'a str },
    /// Reviews are turned off, by the curriculum (`review: false`) or by the learner.
    ReviewsOff { by_curriculum: bool },
    /// A topic that is not done cannot be reviewed.
    ReviewNotDone { topic: &'a str, state: StateName },

    /// The first line of today's agenda: the date, then the calendar's line.
    TodayIs { today: NaiveDate, calendar: &'a str },
    /// The plan has no start yet; the first topics follow.
    TodayNotStarted,
    /// The plan starts on `start`, `days` from today; the first topics follow.
    TodayStartsIn { start: NaiveDate, days: i64 },
    /// Every topic is done or skipped.
    TodayFinished,
    /// Nothing due today, `ahead` topics ahead of the plan (0: just on it); the next follows.
    TodayAhead { ahead: usize },
    /// `to_finish` topics to finish today, `behind` of them overdue; `week` what a week at the
    /// recent pace brings. The topics follow.
    TodayToFinish {
        to_finish: usize,
        behind: usize,
        week: Option<f64>,
    },
    /// The calendar ended `over_by` days ago; `to_low` topics still to reach `low` (0: reached).
    TodayCatchUp {
        over_by: i64,
        to_low: usize,
        low: &'a str,
    },
    /// What a week needs to reach `low` by `by`; none: out of reach while topics are skipped.
    TodayReach {
        by: NaiveDate,
        low: &'a str,
        per_week: Option<f64>,
    },
    /// `--by` was given with the band's low edge `low` reached already.
    TodayReached { low: &'a str },
    /// More reviews due than listed: `studyplan review` lists them all.
    TodayMoreReviews { more: usize },
    /// Where the current pace leads (an ETA clause), and that `--by DATE` says what a week needs.
    TodayAtPace { eta: &'a str },
    /// More topics to finish today than listed: `studyplan next {count}` lists them all.
    TodayMore { more: usize, count: usize },
    /// Today's agenda in one line of the status report: `to_finish` topics to finish, the first
    /// of them `first`.
    TodayLineFinish { to_finish: usize, first: &'a str },
    /// Nothing due today, `ahead` topics ahead (0: on plan).
    TodayLineAhead { ahead: usize },
    /// Catching up: `to_low` topics to `low`.
    TodayLineCatchUp { to_low: usize, low: &'a str },
    /// `count` reviews due, after what else today holds (`alone`: nothing else).
    TodayLineReviews { count: usize, alone: bool },
    /// A `--by` day that is not after today.
    ByNotLater { by: NaiveDate, today: NaiveDate },

    /// The heatmap's heading: its `weeks` columns, from `from` to `to`.
    StatsHeatmap {
        weeks: usize,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A weekday's short name, 0 for Monday.
    WeekdayShort { day: u32 },
    /// A month's short name, 1 for January.
    MonthShort { month: u32 },
    /// The heatmap's legend, the levels from least to most.
    StatsLegend { levels: &'a str },
    /// The streaks: `current` days up to today (or yesterday), the `longest`, and when it ended.
    StatsStreak {
        current: usize,
        longest: usize,
        ended: Option<NaiveDate>,
    },
    /// Study days in the last 7 and the last 30 days.
    StatsStudyDays { last7: usize, last30: usize },
    /// The heading of the topics done per week.
    StatsDonePerWeek { weeks: usize },
    /// The heading of the burn-up: `done` and `planned` are the marks of the two.
    StatsBurnUp {
        done: &'a str,
        planned: &'a str,
        band: &'a str,
    },
    /// Nothing studied yet.
    StatsNothingYet,
}

/// What a key does in the checklist view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TuiAction {
    Move,
    FirstLast,
    Page,
    Stage,
    Done,
    Start,
    Skip,
    Undo,
    Note,
    Search,
    Help,
    Quit,
}

impl TuiAction {
    /// Every action, for the catalog's tests.
    pub const ALL: [TuiAction; 12] = [
        TuiAction::Move,
        TuiAction::FirstLast,
        TuiAction::Page,
        TuiAction::Stage,
        TuiAction::Done,
        TuiAction::Start,
        TuiAction::Skip,
        TuiAction::Undo,
        TuiAction::Note,
        TuiAction::Search,
        TuiAction::Help,
        TuiAction::Quit,
    ];
}

/// A section of the HTML report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportHeading {
    Stages,
    BurnUp,
    StudyDays,
    Topics,
}

impl ReportHeading {
    /// Every heading, for the catalog's tests.
    pub const ALL: [ReportHeading; 4] = [
        ReportHeading::Stages,
        ReportHeading::BurnUp,
        ReportHeading::StudyDays,
        ReportHeading::Topics,
    ];
}

/// A line of the burn-up chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartLine {
    Done,
    Covered,
    Planned,
    Today,
}

impl ChartLine {
    /// Every line, for the catalog's tests.
    pub const ALL: [ChartLine; 4] = [
        ChartLine::Done,
        ChartLine::Covered,
        ChartLine::Planned,
        ChartLine::Today,
    ];
}

/// A table's column heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    Stage,
    Id,
    Days,
    Planned,
    Done,
    Progress,
    Title,
    State,
    Since,
    Topics,
    Plan,
    InProgress,
    Skipped,
    LastChange,
}

impl Header {
    /// Every heading, for the catalog's tests.
    pub const ALL: [Header; 14] = [
        Header::Stage,
        Header::Id,
        Header::Days,
        Header::Planned,
        Header::Done,
        Header::Progress,
        Header::Title,
        Header::State,
        Header::Since,
        Header::Topics,
        Header::Plan,
        Header::InProgress,
        Header::Skipped,
        Header::LastChange,
    ];
}

/// The label of a line of `label: value` lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Overall,
    Readiness,
    Next,
    Date,
    Calendar,
    Plan,
    Pace,
    Projected,
    Genius,
    Today,
    Review,
    Streak,
    StudyDays,
    Id,
    Title,
    About,
    Stages,
    Topics,
    Days,
    Band,
    Links,
    Stage,
    Position,
    State,
    History,
    Notes,
    Goal,
    Planned,
    Progress,
    Store,
    LinkTo,
    Lock,
    Curriculum,
    Cache,
}

impl Label {
    /// Every label, for the catalog's tests.
    pub const ALL: [Label; 34] = [
        Label::Overall,
        Label::Readiness,
        Label::Next,
        Label::Date,
        Label::Calendar,
        Label::Plan,
        Label::Pace,
        Label::Projected,
        Label::Genius,
        Label::Today,
        Label::Review,
        Label::Streak,
        Label::StudyDays,
        Label::Id,
        Label::Title,
        Label::About,
        Label::Stages,
        Label::Topics,
        Label::Days,
        Label::Band,
        Label::Links,
        Label::Stage,
        Label::Position,
        Label::State,
        Label::History,
        Label::Notes,
        Label::Goal,
        Label::Planned,
        Label::Progress,
        Label::Store,
        Label::LinkTo,
        Label::Lock,
        Label::Curriculum,
        Label::Cache,
    ];
}

/// The name of a topic's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateName {
    Todo,
    InProgress,
    Done,
    Skipped,
}

impl StateName {
    /// Every state, for the catalog's tests.
    pub const ALL: [StateName; 4] = [
        StateName::Todo,
        StateName::InProgress,
        StateName::Done,
        StateName::Skipped,
    ];
}

/// The name of a kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeName {
    Done,
    Undo,
    Start,
    Skip,
    Note,
    Begin,
    Forget,
    Revert,
    Review,
    ReviewHard,
    ReviewAgain,
}

impl ChangeName {
    /// Every kind of change, for the catalog's tests.
    pub const ALL: [ChangeName; 11] = [
        ChangeName::Done,
        ChangeName::Undo,
        ChangeName::Start,
        ChangeName::Skip,
        ChangeName::Note,
        ChangeName::Begin,
        ChangeName::Forget,
        ChangeName::Revert,
        ChangeName::Review,
        ChangeName::ReviewHard,
        ChangeName::ReviewAgain,
    ];
}

/// Why a line of a version 2 store was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// Not JSON, or cut short; `column` counts characters from 1.
    NotJson { column: usize },
    /// Nested deeper than any reader should follow.
    TooDeep,
    /// A JSON value, but not an object.
    NotAnObject,
    /// A key every event of its kind has is missing.
    Missing(&'static str),
    /// A known key holds the wrong kind of value.
    WrongType { key: &'static str },
    /// `value` is not what `key` holds: a time, a date, a UUID, a version.
    BadValue { key: &'static str, value: String },
    /// Longer than a line can be.
    TooLong,
    /// Zero bytes, with lines after them: not a write cut short at the end.
    ZeroBytes,
}

/// A section heading of the manual page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManSection {
    Name,
    Synopsis,
    Description,
    Options,
    Commands,
    Extra,
    Version,
}

impl ManSection {
    /// Every section.
    pub const ALL: [ManSection; 7] = [
        ManSection::Name,
        ManSection::Synopsis,
        ManSection::Description,
        ManSection::Options,
        ManSection::Commands,
        ManSection::Extra,
        ManSection::Version,
    ];
}

/// Something the interface counts: `1 topic`, `3 topics`; `3 个主题`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Topic,
    Day,
}

impl Unit {
    /// Every unit, for the catalog's tests.
    pub const ALL: [Unit; 2] = [Unit::Topic, Unit::Day];
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileType {
    /// Every kind, for the catalog's tests.
    pub const ALL: [FileType; 5] = [
        FileType::Folder,
        FileType::Fifo,
        FileType::Device,
        FileType::Socket,
        FileType::Other,
    ];
}

/// An I/O failure the system reports often, said in the interface's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoFailure {
    NotFound,
    PermissionDenied,
    AlreadyExists,
    NotAFolder,
    ReadOnly,
    DiskFull,
    LinkLoop,
}

impl IoFailure {
    /// Every failure, for the catalog's tests.
    pub const ALL: [IoFailure; 7] = [
        IoFailure::NotFound,
        IoFailure::PermissionDenied,
        IoFailure::AlreadyExists,
        IoFailure::NotAFolder,
        IoFailure::ReadOnly,
        IoFailure::DiskFull,
        IoFailure::LinkLoop,
    ];
}

/// The kinds of file studyplan reads or writes; a report with its format's name (`CSV`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind<'a> {
    Store,
    Curriculum,
    Report { format: &'a str },
}

/// A piece of the path to a value in a curriculum file: a key, or an index (from 0) in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPiece<'a> {
    Key(&'a str),
    Index(usize),
}

/// What a key of a curriculum holds, as a message says it should.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Curriculum,
    Stage,
    Topic,
    Id,
    Text,
    Plain,
    Band,
    Fraction,
    Days,
    Stages,
    Topics,
    Links,
    OldIds,
    YesNo,
}

impl Expected {
    /// Every kind of value, for the catalog's tests.
    pub const ALL: [Expected; 14] = [
        Expected::Curriculum,
        Expected::Stage,
        Expected::Topic,
        Expected::Id,
        Expected::Text,
        Expected::Plain,
        Expected::Band,
        Expected::Fraction,
        Expected::Days,
        Expected::Stages,
        Expected::Topics,
        Expected::Links,
        Expected::OldIds,
        Expected::YesNo,
    ];
}

/// A value the YAML reader found where another kind belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found<'a> {
    /// A text, in its quotes: `"ten"`.
    Text(&'a str),
    Number(&'a str),
    Boolean(&'a str),
    List,
    Map,
    Nothing,
    /// Anything else, in the YAML reader's words.
    Other(&'a str),
}

/// The YAML reader's most common complaints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YamlHint {
    MissingValue,
    ColonAtKey,
    Indentation,
    EndsInside,
    UnknownEscape,
    AliasWithoutAnchor,
}

impl YamlHint {
    /// Every hint, for the catalog's tests.
    pub const ALL: [YamlHint; 6] = [
        YamlHint::MissingValue,
        YamlHint::ColonAtKey,
        YamlHint::Indentation,
        YamlHint::EndsInside,
        YamlHint::UnknownEscape,
        YamlHint::AliasWithoutAnchor,
    ];
}

/// The part of a curriculum a problem is about; numbers from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartName<'a> {
    Curriculum,
    Stage {
        number: usize,
        id: &'a str,
    },
    Topic {
        stage: usize,
        topic: usize,
        id: &'a str,
    },
}

/// The kinds of map a curriculum has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapName {
    Curriculum,
    Band,
    Stage,
    Topic,
    Text,
}

impl MapName {
    /// Every kind of map, for the catalog's tests.
    pub const ALL: [MapName; 5] = [
        MapName::Curriculum,
        MapName::Band,
        MapName::Stage,
        MapName::Topic,
        MapName::Text,
    ];
}

/// Why a path given to `merge` is not a file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    /// A folder.
    Folder,
    /// No file path at all (`..`, `/`).
    NotAPath,
    /// A pipe, a device or a socket.
    Special,
    /// A link to nothing.
    BrokenLink,
}

impl NotAFile {
    /// Every reason, for the catalog's tests.
    pub const ALL: [NotAFile; 4] = [
        NotAFile::Folder,
        NotAFile::NotAPath,
        NotAFile::Special,
        NotAFile::BrokenLink,
    ];
}

/// The files studyplan works with, which a report is never written over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnFile {
    /// The progress store.
    Store,
    /// The store's lock file.
    Lock,
    /// The curriculum file in use.
    Curriculum,
}

impl OwnFile {
    /// Every file, for the catalog's tests.
    pub const ALL: [OwnFile; 3] = [OwnFile::Store, OwnFile::Lock, OwnFile::Curriculum];
}

/// What was being done to a file when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Reading the progress store.
    ReadStore,
    /// Writing the progress store.
    WriteStore,
    /// Creating the folder the store lives in.
    CreateStoreFolder,
    /// Opening or taking the store's lock file.
    Lock,
    /// Writing a report to a file.
    WriteReport,
    /// Reading a store given to `merge`.
    ReadMerged,
}

impl IoAction {
    /// Every action, for the catalog's tests.
    pub const ALL: [IoAction; 6] = [
        IoAction::ReadStore,
        IoAction::WriteStore,
        IoAction::CreateStoreFolder,
        IoAction::Lock,
        IoAction::WriteReport,
        IoAction::ReadMerged,
    ];
}

/// Why a version 1 store (`progress.yaml`) was refused. `event` counts the events from 1;
/// `reason` is the YAML reader's own words, which it gives in English only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum V1Problem {
    Empty,
    NotUtf8 {
        offset: usize,
    },
    /// Larger than studyplan ever wrote a version 1 file.
    TooLarge {
        mib: u64,
    },
    Yaml {
        reason: String,
    },
    /// A tab where YAML wants an indent of spaces (located by the error).
    Tab,
    /// Aliases (`*name`) that would repeat the text into more than `mib` MiB.
    Aliases {
        mib: u64,
    },
    NotAMap,
    NoVersion,
    VersionNotWhole {
        value: String,
    },
    VersionZero,
    Events {
        reason: String,
    },
    /// An event, or its `key`, is not what an event holds.
    Event {
        event: usize,
        key: Option<&'static str>,
        reason: String,
    },
    EventMissing {
        event: usize,
        key: &'static str,
    },
    EventTime {
        event: usize,
        value: String,
        reason: String,
    },
    EventDate {
        event: usize,
        value: String,
    },
    EventKey {
        event: usize,
        key: String,
    },
    TopKey {
        key: String,
    },
}
