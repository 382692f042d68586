//! The learning workflow through the real binary: the plan's start, back-dated changes, the
//! calendar, pace and genius window in `status`, notes, `show` and `log`.

use crate::common::{TestEnv, assert_text, fixture, mask_ids, ok_on};
use serde_json::{Value, json};

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// Expects `args` to fail with `code`, write nothing to stdout and leave the store (and its
/// absence) byte for byte as it was; returns stderr.
#[track_caller]
fn refused(env: &TestEnv, args: &[&str], code: i32) -> String {
    let before = env.store_bytes();
    let output = env.run(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "studyplan {args:?}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "{args:?} printed to stdout");
    assert_eq!(env.store_bytes(), before, "{args:?} changed the store");
    String::from_utf8(output.stderr).expect("utf-8 stderr")
}

/// The roadmap on 2026-11-29, begun on 2026-11-01: three topics done on the 5th, two on the 20th,
/// one skipped and one started today.
fn learner() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    env.ok(&["done", "1.1", "1.2", "1.3", "--on", "2026-11-05"]);
    env.ok(&["done", "1.4", "1.5", "--on", "2026-11-20"]);
    env.ok(&["skip", "1.6"]);
    env.ok(&["start", "2.1"]);
    env
}

/// The five-topic fixture: stages of 2 and 3 days, a genius window of 3 days.
fn tiny() -> TestEnv {
    let env = TestEnv::new();
    env.write("tiny.yaml", std::fs::read(fixture("tiny.yaml")).unwrap());
    env
}

fn tiny_ok(env: &TestEnv, today: &str, args: &[&str]) -> String {
    let curriculum = env.dir.path().join("tiny.yaml");
    let mut all = vec!["--curriculum", curriculum.to_str().unwrap()];
    all.extend_from_slice(args);
    ok_on(env, today, &all)
}

#[test]
fn status_shows_the_calendar_the_pace_and_the_projections() {
    let env = learner();
    // Day 29 is in stage 2: 11 topics of stage 1, and 19 of stage 2's 30 days of its 9 topics
    // (5.7, rounded down to 5). 5 done in 29 days is 1.2 a week; 2 in the last 14 days, 1.0.
    // 20 more at 5 per 29 days take 116 days; 24 more, 139.2 rounded up to 140.
    assert_text(
        &env.ok(&["status"]),
        "\
LLM learning roadmap
╭───┬───────────────────────────┬──────┬─────────────────────────┬──────┬───────┬──────────────────────╮
│ # ┆ Stage                     ┆ Days ┆ Planned                 ┆ Done ┆ %     ┆ Progress             │
╞═══╪═══════════════════════════╪══════╪═════════════════════════╪══════╪═══════╪══════════════════════╡
│ 1 ┆ Applied basics            ┆   10 ┆ 2026-11-01 – 2026-11-10 ┆ 5/11 ┆ 45.4% ┆ #########----------- │
│ 2 ┆ Advanced applications     ┆   30 ┆ 2026-11-11 – 2026-12-10 ┆  0/9 ┆  0.0% ┆ -------------------- │
│ 3 ┆ Model training            ┆   30 ┆ 2026-12-11 – 2027-01-09 ┆  0/9 ┆  0.0% ┆ -------------------- │
│ 4 ┆ Closing the business loop ┆   20 ┆ 2027-01-10 – 2027-01-29 ┆ 0/12 ┆  0.0% ┆ -------------------- │
╰───┴───────────────────────────┴──────┴─────────────────────────┴──────┴───────┴──────────────────────╯
Overall:    5/41 done (12.1%), 1 skipped; covered 14.6%
Readiness:  below the 60-70% band: 20 more topics to reach 60%
Calendar:   day 29 of 90, started 2026-11-01, ends 2027-01-29
Plan:       stage 2 Advanced applications, 16 topics expected done by today; you have 5: 11 topics behind
Pace:       1.2 topics a week since the start, 1.0 over the last 14 days
Projected:  60% by 2027-03-25, 70% by 2027-04-18, 100% out of reach while 1 topic is skipped
Today:      finish 11 topics to be on plan, first 2.1 why-rag; 5 topics due for review
Next:       2.1 why-rag  Why do RAG
",
    );
}

#[test]
fn status_json_gains_schedule_pace_and_genius_and_keeps_the_rest() {
    let env = learner();
    let status = json_of(&env.ok(&["status", "--json"]));
    assert_eq!(
        status["schedule"],
        json!({
            "start": "2026-11-01",
            "day": 29,
            "total_days": 90,
            "end": "2027-01-29",
            "expected_stage": "advanced-applications",
            "expected_done": 16,
            "ahead": -11,
            "overdue": 11,
            "over_by": 0
        })
    );
    assert_eq!(
        status["pace"],
        json!({
            "per_week": 1.21,
            "per_week_recent": 1.0,
            "recent_days": 14,
            "eta_low": "2027-03-25",
            "eta_high": "2027-04-18",
            "eta_100": null
        })
    );
    assert_eq!(
        status["genius"],
        json!({
            "achieved": false,
            "possible": false,
            "days_left": 0,
            "days": 15,
            "remaining": 36,
            "last_day": "2026-11-15"
        })
    );
    assert_eq!(status["stages"][1]["planned_start"], "2026-11-11");
    assert_eq!(status["stages"][1]["planned_end"], "2026-12-10");
    let keys: Vec<&str> = status
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "curriculum",
        "overall",
        "stages",
        "next",
        "schedule",
        "pace",
        "genius",
    ] {
        assert!(keys.contains(&key), "missing `{key}` in {keys:?}");
    }
    assert_eq!(status["overall"]["done"], 5);
    assert_eq!(status["overall"]["readiness"], "below");
}

#[test]
fn a_plan_with_no_history_has_not_started() {
    let env = TestEnv::new();
    let status = env.ok(&["status"]);
    assert!(
        status.contains(
            "Calendar:   not started: the plan starts with your first change, or on the day you give `studyplan begin`\n\
             Genius:     finish all 41 topics within 15 days of the start to be a genius (天才)\n"
        ),
        "{status}"
    );
    assert!(!status.contains("Planned"), "{status}");
    let json = json_of(&env.ok(&["status", "--json"]));
    assert_eq!(json["schedule"], Value::Null);
    assert_eq!(json["pace"]["per_week"], Value::Null);
    assert_eq!(json["pace"]["eta_low"], Value::Null);
    assert_eq!(json["genius"]["possible"], true);
    assert_eq!(json["genius"]["days_left"], 15);
    assert_eq!(json["stages"][0]["planned_start"], Value::Null);
    assert_eq!(
        env.store_bytes(),
        None,
        "a reading command created the store"
    );
}

#[test]
fn without_begin_the_plan_starts_on_the_first_recorded_change() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "--on", "2026-11-20"]);
    env.ok(&["done", "1.2"]);
    let schedule = &json_of(&env.ok(&["status", "--json"]))["schedule"];
    assert_eq!(schedule["start"], "2026-11-20");
    assert_eq!(schedule["day"], 10);
}

#[test]
fn begin_defaults_to_today_and_says_so() {
    let env = TestEnv::new();
    assert_text(
        &env.ok(&["begin"]),
        "the plan begins on 2026-11-29: today, 2026-11-29, is day 1 of 90\n",
    );
    let begin = &env.events()[0];
    assert_eq!(
        (&begin["plan"], &begin["change"], &begin["on"]),
        (&json!("llm-roadmap"), &json!("begin"), &json!("2026-11-29"))
    );
    // A plan started today: day 1 of stage 1, one topic (11 over 10 days) expected.
    let status = env.ok(&["status"]);
    assert!(status.contains("Calendar:   day 1 of 90, started 2026-11-29, ends 2027-02-26\n"));
    // Today's topic is still to do, not behind; the next day with none done, it is.
    assert!(status.contains(
        "Plan:       stage 1 Applied basics, 1 topic expected done by today; you have 0: on schedule, 1 topic to go today\n"
    ));
    assert!(ok_on(&env, "2026-11-30", &["status"]).contains(
        "Plan:       stage 1 Applied basics, 2 topics expected done by today; you have 0: 1 topic behind, 2 to finish today\n"
    ));
    env.ok(&["done", "1.1"]);
    assert!(ok_on(&env, "2026-11-30", &["status"]).contains(
        "Plan:       stage 1 Applied basics, 2 topics expected done by today; you have 1: on schedule, 1 topic to go today\n"
    ));
    assert!(
        ok_on(&env, "2026-11-30", &["--lang", "zh", "status"])
            .contains("你已完成 1 个：符合计划，今天还有 1 个主题要完成\n")
    );
    assert!(status.contains("Pace:       no pace yet: nothing done so far\n"));
    assert!(
        status.contains("Projected:  no pace yet: finish a topic to see when you will get there\n")
    );
    assert!(status.contains(
        "Genius:     41 topics to go with 15 days left (through 2026-12-13) to be a genius (天才)\n"
    ));
}

#[test]
fn begin_moves_the_start_and_repeating_it_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-10"]);
    assert_text(
        &env.ok(&["begin", "2026-11-01"]),
        "the plan begins on 2026-11-01 (was 2026-11-10): today, 2026-11-29, is day 29 of 90\n",
    );
    let before = env.store_bytes();
    assert_text(
        &env.ok(&["begin", "2026-11-01"]),
        "the plan begins on 2026-11-01 (unchanged): today, 2026-11-29, is day 29 of 90\n",
    );
    assert_eq!(env.store_bytes(), before);
}

#[test]
fn the_expected_stage_turns_over_between_day_ten_and_eleven() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    let on = |today: &str| json_of(&ok_on(&env, today, &["status", "--json"]))["schedule"].clone();
    let day10 = on("2026-11-10");
    assert_eq!(day10["day"], 10);
    assert_eq!(day10["expected_stage"], "applied-basics");
    assert_eq!(day10["expected_done"], 11);
    let day11 = on("2026-11-11");
    assert_eq!(day11["day"], 11);
    assert_eq!(day11["expected_stage"], "advanced-applications");
    assert_eq!(day11["expected_done"], 11);
}

#[test]
fn past_day_ninety_the_calendar_is_over_and_says_by_how_much() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    let day90 = ok_on(&env, "2027-01-29", &["status"]);
    assert!(day90.contains("Calendar:   day 90 of 90, started 2026-11-01, ends 2027-01-29\n"));
    assert!(day90.contains("Plan:       stage 4 Closing the business loop, 41 topics"));
    let day91 = ok_on(&env, "2027-01-30", &["status"]);
    assert!(
        day91.contains(
            "Calendar:   the plan's calendar is over: its 90 days ended on 2027-01-29, 1 day ago (day 91 since the start on 2026-11-01)\n\
             Plan:       all 41 topics were due by the calendar's end; you have 0: 41 topics behind\n"
        ),
        "{day91}"
    );
    let schedule = &json_of(&ok_on(&env, "2027-01-30", &["status", "--json"]))["schedule"];
    assert_eq!(schedule["expected_stage"], Value::Null);
    assert_eq!(schedule["over_by"], 1);
    assert_eq!(schedule["ahead"], -41);
}

#[test]
fn the_calendar_length_comes_from_the_curriculum() {
    let env = tiny();
    tiny_ok(&env, "2026-11-29", &["begin", "2026-11-27"]);
    let status = tiny_ok(&env, "2026-12-02", &["status"]);
    assert!(
        status.contains(
            "Calendar:   the plan's calendar is over: its 5 days ended on 2026-12-01, 1 day ago (day 6 since the start on 2026-11-27)\n"
        ),
        "{status}"
    );
}

#[test]
fn the_genius_badge_is_earned_in_the_window_and_kept_in_every_later_status() {
    let env = tiny();
    tiny_ok(&env, "2026-11-29", &["begin", "2026-11-27"]);
    let before = tiny_ok(&env, "2026-11-29", &["status"]);
    assert!(
        before.contains(
            "Genius:     5 topics to go with 1 day left (through 2026-11-29) to be a genius (天才)\n"
        ),
        "{before}"
    );
    tiny_ok(
        &env,
        "2026-11-29",
        &["done", "alpha", "beta", "gamma", "delta", "epsilon"],
    );
    let badge = "Genius:     天才, earned: every topic done within 3 days of the start\n";
    assert!(tiny_ok(&env, "2026-11-29", &["status"]).contains(badge));
    // Days later, past the calendar's end and with a topic undone, the badge stays.
    tiny_ok(&env, "2026-12-05", &["undo", "alpha"]);
    assert_text(
        &tiny_ok(&env, "2026-12-05", &["status"]),
        "\
Tiny course
╭───┬──────────────┬────────┬──────┬─────────────────────────┬──────┬────────┬──────────────────────╮
│ # ┆ Stage        ┆ Id     ┆ Days ┆ Planned                 ┆ Done ┆ %      ┆ Progress             │
╞═══╪══════════════╪════════╪══════╪═════════════════════════╪══════╪════════╪══════════════════════╡
│ 1 ┆ First stage  ┆ first  ┆    2 ┆ 2026-11-27 – 2026-11-28 ┆  2/3 ┆  66.6% ┆ #############------- │
│ 2 ┆ Second stage ┆ second ┆    3 ┆ 2026-11-29 – 2026-12-01 ┆  2/2 ┆ 100.0% ┆ #################### │
╰───┴──────────────┴────────┴──────┴─────────────────────────┴──────┴────────┴──────────────────────╯
Overall:    4/5 done (80.0%)
Readiness:  within the 60-80% band: you are getting ready
Calendar:   the plan's calendar is over: its 5 days ended on 2026-12-01, 4 days ago (day 9 since the start on 2026-11-27)
Plan:       all 5 topics were due by the calendar's end; you have 4: 1 topic behind
Pace:       3.1 topics a week since the start
Projected:  60% and 80% reached on 2026-11-29, 100% by 2026-12-08
Genius:     天才, earned: every topic done within 3 days of the start
Today:      4 topics due for review
Next:       1.1 alpha  Alpha
",
    );
    let zh = tiny_ok(&env, "2026-12-05", &["--lang", "zh", "status"]);
    assert!(
        // The label is the badge's name; the text does not repeat it.
        zh.contains("\n天才：      已达成：开始后 3 天内完成了全部主题\n"),
        "{zh}"
    );
    let genius = &json_of(&tiny_ok(&env, "2026-12-05", &["status", "--json"]))["genius"];
    assert_eq!(genius["achieved"], true);
    assert_eq!(genius["possible"], false);
}

#[test]
fn a_missed_genius_window_is_not_mentioned() {
    let env = tiny();
    tiny_ok(&env, "2026-11-29", &["begin", "2026-11-27"]);
    tiny_ok(&env, "2026-11-29", &["done", "alpha"]);
    assert!(tiny_ok(&env, "2026-11-29", &["status"]).contains("Genius:"));
    let after = tiny_ok(&env, "2026-11-30", &["status"]);
    assert!(!after.contains("Genius"), "{after}");
    assert!(!after.contains("天才"), "{after}");
    let genius = &json_of(&tiny_ok(&env, "2026-11-30", &["status", "--json"]))["genius"];
    assert_eq!(
        *genius,
        json!({
            "achieved": false,
            "possible": false,
            "days_left": 0,
            "days": 3,
            "remaining": 4,
            "last_day": "2026-11-29"
        })
    );
}

#[test]
fn changes_on_an_earlier_day_are_dated_that_day() {
    let env = learner();
    let list = json_of(&env.ok(&["list", "1", "--json"]));
    assert_eq!(list[0]["since"], "2026-11-05");
    assert_eq!(list[4]["since"], "2026-11-20");
    assert_eq!(list[5]["state"], "skipped");
    assert_eq!(list[5]["since"], "2026-11-29");
    assert_text(
        &env.ok(&["undo", "1.5", "--on", "2026-11-21"]),
        "[ ] 1.5 technical-architecture  Technical architecture of LLM applications  (done -> todo, on 2026-11-21)\n\
         Overall: 4/41 (9.7%), below the 60-70% band: 21 more topics to reach 60%\n",
    );
    env.ok(&["start", "2.2", "--on", "2026-11-01"]);
    env.ok(&["skip", "2.3", "--on", "2026-11-29"]);
    let events = env.events();
    let [.., start, skip] = &events[..] else {
        panic!("{events:?}")
    };
    assert_eq!(start["topics"], json!(["simple-chatpdf"]));
    assert_eq!(start["on"], "2026-11-01");
    // A change dated today needs no `on`.
    assert_eq!(skip["topics"], json!(["retrieval-basics"]));
    assert_eq!(skip.get("on"), None, "{skip}");
}

#[test]
fn dates_in_the_future_or_before_the_start_are_refused_and_nothing_is_written() {
    let env = learner();
    for change in ["done", "start", "skip", "undo"] {
        let err = refused(&env, &[change, "2.5", "--on", "2026-11-30"], 1);
        assert!(
            err.contains("`2026-11-30` is in the future (today is 2026-11-29)"),
            "{err}"
        );
        let err = refused(&env, &[change, "2.5", "--on", "2026-10-31"], 1);
        assert!(
            err.contains(
                "`2026-10-31` is before the plan's start on 2026-11-01; give a date from 2026-11-01 on, or move the start first with `studyplan begin 2026-10-31`"
            ),
            "{err}"
        );
    }
    for bad in ["2026-02-30", "29/11/2026", "tomorrow"] {
        let err = refused(&env, &["done", "2.5", "--on", bad], 2);
        assert!(
            err.contains("is not a date like 2026-11-29 (YYYY-MM-DD)"),
            "{err}"
        );
    }
    // Counted back from today: `-N` days ago, yesterday, today.
    let env = TestEnv::new();
    assert!(
        env.ok(&["begin", "-28"])
            .starts_with("the plan begins on 2026-11-01")
    );
    let out = env.ok(&["done", "1.1", "--on", "-2"]);
    assert!(out.contains("(todo -> done, on 2026-11-27)"), "{out}");
    let out = env.ok(&["--lang", "zh", "done", "1.2", "--on", "昨天"]);
    assert!(out.contains("记于 2026-11-28"), "{out}");
    env.ok(&["done", "1.3", "--on", "today"]);
    let log = env.ok(&["log", "--since", "yesterday"]);
    assert_eq!(log.lines().count(), 2, "{log}");
    let err = refused(&env, &["done", "1.4", "--on", "-40"], 1);
    assert!(err.contains("before the plan's start"), "{err}");
    // A future date is refused before the store is even looked at.
    let fresh = TestEnv::new();
    refused(&fresh, &["done", "1.1", "--on", "2027-01-01"], 1);
    assert!(!fresh.dir.path().join("progress.yaml.lock").exists());
}

#[test]
fn begin_is_refused_after_recorded_work_and_with_a_bad_date() {
    let env = learner();
    let err = refused(&env, &["begin", "2026-11-30"], 1);
    assert!(
        err.contains(
            "the plan cannot begin on `2026-11-30`: work is already recorded on 2026-11-05"
        ),
        "{err}"
    );
    let err = refused(&env, &["begin", "2026-11-06"], 1);
    assert!(
        err.contains(
            "the plan cannot begin on `2026-11-06`: work is already recorded on 2026-11-05; give a date on or before 2026-11-05"
        ),
        "{err}"
    );
    refused(&env, &["begin", "November"], 2);
    assert!(
        env.ok(&["begin", "2026-11-05"])
            .contains("(was 2026-11-01)")
    );
}

#[test]
fn notes_are_dated_and_shown_with_the_topic() {
    let env = learner();
    assert_text(
        &env.ok(&["note", "1.4", "read the paper,\nthen the code"]),
        "noted on 1.4 business-architecture  Business architecture of LLM applications, 2026-11-29:\n  read the paper,\n  then the code\n",
    );
    assert_text(
        &env.ok(&["note", "business ARCHITECTURE", "two", "words"]),
        "noted on 1.4 business-architecture  Business architecture of LLM applications, 2026-11-29:\n  two words\n",
    );
    // Each note with the short form of its id, for `note --edit` and `note --delete`.
    let ids: Vec<String> = env
        .events()
        .iter()
        .filter(|event| event["change"] == "note")
        .map(|event| event["id"].as_str().unwrap()[..8].to_owned())
        .collect();
    assert_text(
        &env.ok(&["show", "1.4"]),
        &format!(
            "\
1.4 business-architecture
Title:      大模型应用业务架构
            Business architecture of LLM applications
Stage:      1 Applied basics
Position:   1.4, topic 4 of 11 in stage 1
State:      done, since 2026-11-20
Review:     due 8 days ago, on 2026-11-21
History:    2026-11-20  done (recorded 2026-11-29)
Notes:      2026-11-29  {}  read the paper,
                                  then the code
            2026-11-29  {}  two words
",
            ids[0], ids[1]
        ),
    );
}

#[test]
fn show_prints_a_topic_never_touched() {
    let env = TestEnv::new();
    assert_text(
        &env.ok(&["--lang", "zh", "show", "why-rag"]),
        "\
2.1 why-rag
标题：      为什么要做 RAG
            Why do RAG
阶段：      2 高阶应用
位置：      2.1，第 2 阶段 9 个主题中的第 1 个
状态：      未开始
历史：      还没有记录
笔记：      无
",
    );
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn show_json_has_both_titles_the_history_and_the_notes() {
    let env = learner();
    env.ok(&["note", "2.1", "start with the survey"]);
    let show = json_of(&env.ok(&["show", "why-rag", "--json"]));
    assert_eq!(show["id"], "why-rag");
    assert_eq!(show["position"], "2.1");
    assert_eq!(show["stage"]["id"], "advanced-applications");
    assert_eq!(
        show["title"],
        json!({"zh": "为什么要做 RAG", "en": "Why do RAG"})
    );
    assert_eq!(show["state"], "in_progress");
    assert_eq!(show["since"], "2026-11-29");
    assert_eq!(show["history"].as_array().unwrap().len(), 1);
    assert_eq!(show["history"][0]["change"], "start");
    assert_eq!(show["notes"][0]["text"], "start with the survey");
    assert_eq!(show["notes"][0]["date"], "2026-11-29");
}

#[test]
fn notes_and_show_refuse_what_they_cannot_name_and_write_nothing() {
    let env = learner();
    let err = refused(&env, &["note", "1.4", "  "], 2);
    assert!(err.contains("the note is empty"), "{err}");
    let err = refused(&env, &["note", "no-such-topic", "hello"], 2);
    assert!(err.contains("unknown topic `no-such-topic`"), "{err}");
    refused(&env, &["note", "1.4"], 2);
    let err = refused(&env, &["show", "9.9"], 2);
    assert!(err.contains("no topic or stage is named `9.9`"), "{err}");
    refused(&env, &["show", "a"], 2);
}

#[test]
fn log_prints_the_history_newest_first() {
    let env = learner();
    env.ok(&["note", "1.4", "read the paper"]);
    assert_text(
        &mask_ids(&env.ok(&["log"])),
        "\
#1        2026-11-29  note   1.4 business-architecture  Business architecture of LLM applications  \"read the paper\"
#2        2026-11-29  start  2.1 why-rag  Why do RAG
#3        2026-11-29  skip   1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
#4        2026-11-20  done   1.4 business-architecture  Business architecture of LLM applications
#4        2026-11-20  done   1.5 technical-architecture  Technical architecture of LLM applications
#5        2026-11-05  done   1.1 what-llms-can-do  What can large-model AI do?
#5        2026-11-05  done   1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?
#5        2026-11-05  done   1.3 core-mindset  The core mindset for using AI well
#6        2026-11-01  begin  the plan starts
",
    );
    assert_text(
        &mask_ids(&env.ok(&["log", "applied", "--since", "2026-11-20"])),
        "\
#1        2026-11-29  note  1.4 business-architecture  Business architecture of LLM applications  \"read the paper\"
#2        2026-11-29  skip  1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
#3        2026-11-20  done  1.4 business-architecture  Business architecture of LLM applications
#3        2026-11-20  done  1.5 technical-architecture  Technical architecture of LLM applications
",
    );
    assert_text(
        &env.ok(&["log", "2", "--since", "2026-11-30"]),
        "no changes match\n",
    );
    // The last changes: a command that named two topics is one change.
    assert_text(
        &mask_ids(&env.ok(&["log", "--limit", "4"])),
        "\
#1        2026-11-29  note   1.4 business-architecture  Business architecture of LLM applications  \"read the paper\"
#2        2026-11-29  start  2.1 why-rag  Why do RAG
#3        2026-11-29  skip   1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
#4        2026-11-20  done   1.4 business-architecture  Business architecture of LLM applications
#4        2026-11-20  done   1.5 technical-architecture  Technical architecture of LLM applications
",
    );
    let log = json_of(&env.ok(&["log", "applied", "-n", "1", "--json"]));
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["change"], "note");
    for (lang, said) in [
        (
            "en",
            "studyplan: error: invalid value '0' for '--limit <N>': `0` is not a whole number of 1 or more\n",
        ),
        (
            "zh",
            "studyplan: 错误：`--limit <N>` 的值无效：`0` 不是 1 或更大的整数\n",
        ),
    ] {
        let err = env.fails(&["--lang", lang, "log", "--limit", "0"], 2);
        assert!(err.starts_with(said), "{err}");
    }
}

#[test]
fn log_json_lists_every_change_with_its_day() {
    let env = learner();
    let log = json_of(&env.ok(&["log", "--json", "--since", "2026-11-20"]));
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 4);
    assert_eq!(log[0]["change"], "start");
    assert_eq!(log[0]["topic"], "why-rag");
    assert_eq!(log[0]["position"], "2.1");
    assert_eq!(log[0]["stage"], "advanced-applications");
    assert_eq!(log[0]["text"], Value::Null);
    assert_eq!(log[3]["date"], "2026-11-20");
    assert!(log[3]["at"].as_str().unwrap().starts_with("2026-11-29T"));
    let all = json_of(&env.ok(&["log", "--json"]));
    let begin = all.as_array().unwrap().last().unwrap().clone();
    assert_eq!(begin["change"], "begin");
    assert_eq!(begin["date"], "2026-11-01");
    assert_eq!(begin["topic"], Value::Null);
}

#[test]
fn log_on_an_empty_store_and_with_bad_filters() {
    let env = TestEnv::new();
    assert_text(&env.ok(&["log"]), "no changes recorded yet\n");
    assert_text(&env.ok(&["log", "--json"]), "[]\n");
    let err = refused(&env, &["log", "9"], 2);
    assert!(err.contains("unknown stage `9`"), "{err}");
    refused(&env, &["log", "--since", "last week"], 2);
    assert_eq!(env.store_bytes(), None);
}

#[test]
fn reading_commands_never_write_or_lock() {
    let env = learner();
    let before = env.store_bytes();
    let lock = env.dir.path().join("progress.jsonl.lock");
    std::fs::remove_file(&lock).unwrap();
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["log"],
        &["log", "--json"],
        &["show", "2.1"],
        &["show", "2.1", "--json"],
    ] {
        env.ok(args);
    }
    assert_eq!(env.store_bytes(), before);
    assert!(!lock.exists(), "a reading command took the lock");
}

#[test]
fn progress_on_other_curricula_and_unknown_topics_is_logged_and_kept() {
    let env = learner();
    let mut store = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    let gone = r#"{"id":"0193f2c0-0000-7000-8000-000000000001","at":"2026-11-28T10:00:00+08:00","plan":"llm-roadmap","change":"done","topics":["gone-topic"]}"#;
    let other = r#"{"id":"0193f2c0-0000-7000-8000-000000000002","at":"2026-11-28T10:00:00+08:00","plan":"another","change":"done","topics":["why-rag"]}"#;
    store.push_str(&format!("{gone}\n{other}\n"));
    env.write("progress.jsonl", &store);
    let log = env.ok(&["log", "--since", "2026-11-28"]);
    assert!(
        log.contains("2026-11-28  done   `gone-topic` (not in this curriculum)\n"),
        "{log}"
    );
    assert!(!log.contains("another"));
    env.ok(&["note", "2.1", "kept"]);
    let after = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    assert!(after.contains(&format!("\n{gone}\n{other}\n")), "{after}");
}

#[test]
fn the_calendar_speaks_chinese() {
    let env = learner();
    let status = env.ok(&["--lang", "zh", "status"]);
    assert!(
        status.contains(
            "日历：      第 29 天（共 90 天），2026-11-01 开始，2027-01-29 结束\n\
             计划：      第 2 阶段 高阶应用；截至今天应完成 16 个主题，你已完成 5 个：落后 11 个主题\n\
             速度：      自开始以来每周 1.2 个主题，最近 14 天每周 1.0 个\n\
             预计：      60% 约在 2027-03-25，70% 约在 2027-04-18，100% 无法达到（已跳过 1 个主题）\n"
        ),
        "{status}"
    );
}

#[test]
fn a_change_dated_before_the_topics_last_change_is_refused() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    env.ok(&["done", "1.1"]);
    let before = env.store_bytes();
    let err = env.fails(&["undo", "1.1", "--on", "2026-11-10"], 1);
    assert!(
        err.contains("`2026-11-10` is before the last change to `what-llms-can-do`, on 2026-11-29"),
        "{err}"
    );
    let err = env.fails(
        &["--lang", "zh", "undo", "1.2", "1.1", "--on", "2026-11-10"],
        1,
    );
    assert!(err.contains("最近一次修改的日期 2026-11-29"), "{err}");
    assert_eq!(env.store_bytes(), before);
    // A topic with no later change can still be back-dated, and a no-op stays a no-op.
    env.ok(&["done", "1.2", "--on", "2026-11-10"]);
    let out = env.ok(&["done", "1.1", "--on", "2026-11-10"]);
    assert!(out.contains("already done, unchanged"), "{out}");
}

/// Runs on a given day and returns the whole output, whatever the exit code.
fn run_on(env: &TestEnv, today: &str, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("STUDYPLAN_TODAY", today)
        .args(args)
        .output()
        .expect("run studyplan")
}

/// Three topics done by 11-14, fourteen by 11-29, a note on the 20th.
fn busy_month() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    env.ok(&["done", "1.1", "1.2", "1.3", "--on", "2026-11-14"]);
    ok_on(&env, "2026-11-20", &["note", "1.4", "later"]);
    let eleven = [
        "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "2.1", "2.2", "2.3",
    ];
    env.ok(&[&["done"][..], &eleven].concat());
    env
}

#[test]
fn a_pinned_past_day_sees_the_history_as_of_the_end_of_that_day() {
    let env = busy_month();
    let on_14 = |args: &[&str]| ok_on(&env, "2026-11-14", args);
    let status = json_of(&on_14(&["status", "--json"]));
    assert_eq!(status["overall"]["done"], 3);
    assert_eq!(status["schedule"]["day"], 14);
    assert_eq!(status["schedule"]["ahead"], -9);
    assert!(on_14(&["status"]).contains("Overall:    3/41 done (7.3%)\n"));
    // No date after the 14th anywhere: list, show, log, report, curricula.
    let list = json_of(&on_14(&["list", "--json"]));
    let done: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|topic| topic["state"] == "done")
        .collect();
    assert_eq!(done.len(), 3);
    assert!(!on_14(&["list"]).contains("2026-11-29"));
    assert_eq!(json_of(&on_14(&["next", "--json"]))["position"], "1.4");
    let show = json_of(&on_14(&["show", "1.4", "--json"]));
    assert_eq!(show["state"], "todo");
    assert_eq!(show["notes"], json!([]));
    assert_text(
        &mask_ids(&on_14(&["log", "--since", "2026-11-14"])),
        "\
#1        2026-11-14  done  1.1 what-llms-can-do  What can large-model AI do?
#1        2026-11-14  done  1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?
#1        2026-11-14  done  1.3 core-mindset  The core mindset for using AI well
",
    );
    for args in [
        &["report"][..],
        &["report", "--format", "json"],
        &["curricula"],
    ] {
        let out = on_14(args);
        assert!(!out.contains("2026-11-2"), "{args:?}:\n{out}");
    }
    assert_eq!(json_of(&on_14(&["curricula", "--json"]))[0]["done"], 3);
    // Each command says what it left out, on stderr.
    let output = run_on(&env, "2026-11-14", &["status"]);
    assert_text(
        &String::from_utf8(output.stderr).unwrap(),
        "studyplan: note: the history as of 2026-11-14: 12 later changes are left out (they stay in the store); unset `STUDYPLAN_TODAY` or check the clock to see them\n",
    );
    // The next day sees the note of the 20th no more than the 14th did; today sees everything.
    assert_eq!(
        json_of(&ok_on(&env, "2026-11-20", &["show", "1.4", "--json"]))["notes"][0]["text"],
        "later"
    );
    assert_eq!(
        json_of(&env.ok(&["status", "--json"]))["overall"]["done"],
        14
    );
    assert!(env.run(&["status"]).stderr.is_empty());
}

#[test]
fn a_change_on_a_pinned_past_day_counts_for_that_day_and_keeps_later_history() {
    let env = busy_month();
    let before = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    // 1.4 was done on the 29th: a change on the 14th would come before it.
    let output = run_on(&env, "2026-11-14", &["done", "1.4"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(
            "`2026-11-14` is before the last change to `business-architecture`, on 2026-11-29"
        ),
        "{output:?}"
    );
    assert_eq!(
        String::from_utf8(env.store_bytes().unwrap()).unwrap(),
        before
    );
    // A topic with no later change: the summary is as of the 14th, the store keeps everything.
    assert_text(
        &ok_on(&env, "2026-11-14", &["done", "3.1"]),
        "[x] 3.1 why-rag-revisited  Why do RAG (revisited)  (todo -> done)\n\
         Overall: 4/41 (9.7%), below the 60-70% band: 21 more topics to reach 60%\n",
    );
    let after = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    assert!(after.starts_with(&before), "{after}");
    assert_eq!(
        json_of(&env.ok(&["status", "--json"]))["overall"]["done"],
        15
    );
}

#[test]
fn a_change_before_the_start_is_refused_with_and_without_on() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-20"]);
    // On 2026-11-10 the start is still to come; on 2026-11-29, `--on` names a day before it.
    let planned = "the plan starts on 2026-11-20, after today: nothing is recorded before its start; to start now, `studyplan begin 2026-11-10`";
    let message = "`2026-11-10` is before the plan's start on 2026-11-20";
    for args in [
        &["done", "1.1"][..],
        &["start", "1.1"],
        &["skip", "1.1", "1.2"],
        &["undo", "1.1"],
        &["note", "1.1", "too early"],
    ] {
        let before = env.store_bytes();
        let output = run_on(&env, "2026-11-10", args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(err.contains(planned), "{args:?}: {err}");
        assert_eq!(env.store_bytes(), before, "{args:?} wrote");
        let with_on = [args, &["--on", "2026-11-10"]].concat();
        if args[0] != "note" {
            let err = refused(&env, &with_on, 1);
            assert!(err.contains(message), "{with_on:?}: {err}");
        }
    }
}

#[test]
fn without_begin_a_change_may_count_for_a_day_before_the_first_one() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    // Day 1, catching up on yesterday: the start moves back to it.
    assert_text(
        &env.ok(&["done", "1.2", "--on", "2026-11-28"]),
        "[x] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?  (todo -> done, on 2026-11-28)\n\
         Overall: 2/41 (4.8%), below the 60-70% band: 23 more topics to reach 60%\n",
    );
    let schedule = &json_of(&env.ok(&["status", "--json"]))["schedule"];
    assert_eq!(schedule["start"], "2026-11-28");
    assert_eq!(schedule["day"], 2);
    // A pinned today before every change, too.
    ok_on(&env, "2026-11-20", &["start", "2.1"]);
    assert_eq!(
        json_of(&env.ok(&["status", "--json"]))["schedule"]["start"],
        "2026-11-20"
    );
    // Once `begin` sets the start, it holds.
    env.ok(&["begin", "2026-11-20"]);
    let err = refused(&env, &["done", "2.2", "--on", "2026-11-19"], 1);
    assert!(
        err.contains("before the plan's start on 2026-11-20"),
        "{err}"
    );
}

#[test]
fn status_json_names_the_band_edges_for_what_they_are() {
    // The fixture's band is 60-80%: 3 and 4 topics of 5.
    let env = tiny();
    tiny_ok(&env, "2026-11-27", &["begin"]);
    tiny_ok(&env, "2026-11-27", &["done", "alpha", "beta", "gamma"]);
    tiny_ok(&env, "2026-11-28", &["done", "delta"]);
    let json = json_of(&tiny_ok(&env, "2026-11-28", &["status", "--json"]));
    assert_eq!(
        json["pace"],
        json!({
            "per_week": 14.0,
            "per_week_recent": 14.0,
            "recent_days": 2,
            "eta_low": "2026-11-27",
            "eta_high": "2026-11-28",
            "eta_100": "2026-11-29"
        })
    );
}

#[test]
fn log_says_which_begin_counts_and_what_each_moved() {
    let env = TestEnv::new();
    ok_on(&env, "2026-11-10", &["begin"]);
    ok_on(&env, "2026-11-12", &["begin", "2026-11-01"]);
    ok_on(&env, "2026-11-15", &["begin", "2026-11-05"]);
    assert_text(
        &mask_ids(&env.ok(&["log"])),
        "\
#1        2026-11-10  begin  the plan starts (superseded on 2026-11-12: moved to 2026-11-01)
#2        2026-11-05  begin  the plan starts (the start that counts, moved from 2026-11-01)
#3        2026-11-01  begin  the plan starts (superseded on 2026-11-15: moved to 2026-11-05)
",
    );
    assert_text(
        &mask_ids(&env.ok(&["--lang", "zh", "log"])),
        "\
#1        2026-11-10  开始计划  计划开始（已于 2026-11-12 改为 2026-11-01）
#2        2026-11-05  开始计划  计划开始（以此为准，由 2026-11-01 改至此日）
#3        2026-11-01  开始计划  计划开始（已于 2026-11-15 改为 2026-11-05）
",
    );
    let log = json_of(&env.ok(&["log", "--json"]));
    let said: Vec<(Value, Value)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| (entry["counts"].clone(), entry["moved_from"].clone()))
        .collect();
    assert_eq!(
        said,
        [
            (json!(false), Value::Null),
            (json!(true), json!("2026-11-01")),
            (json!(false), json!("2026-11-10")),
        ]
    );
    // With the status: the last one recorded is the start.
    assert_eq!(
        json_of(&env.ok(&["status", "--json"]))["schedule"]["start"],
        "2026-11-05"
    );
    // As of the 3rd, only the start on the 1st counts for a day so far: nothing to tell apart.
    assert_text(
        &mask_ids(&ok_on(&env, "2026-11-03", &["log"])),
        "#1        2026-11-01  begin  the plan starts\n",
    );
}

#[test]
fn log_escapes_quotes_and_backslashes_inside_notes() {
    let env = TestEnv::new();
    env.ok(&["note", "1.1", r#"say "hi" to C:\temp"#]);
    assert_text(
        &mask_ids(&env.ok(&["log"])),
        "#1        2026-11-29  note  1.1 what-llms-can-do  What can large-model AI do?  \"say \\\"hi\\\" to C:\\\\temp\"\n",
    );
    assert_eq!(
        json_of(&env.ok(&["log", "--json"]))[0]["text"],
        r#"say "hi" to C:\temp"#
    );
}

#[test]
fn with_every_topic_done_the_verdict_says_the_plan_is_complete() {
    let env = tiny();
    tiny_ok(
        &env,
        "2026-11-29",
        &["done", "alpha", "beta", "gamma", "delta"],
    );
    assert_text(
        &tiny_ok(&env, "2026-11-29", &["skip", "epsilon"]),
        "[-] 2.2 epsilon  Epsilon  (todo -> skipped)\n\
         Overall: 4/5 (80.0%), within the 60-80% band: nothing left to study but the skipped topic; undo the skip to take it up\n",
    );
    assert_text(
        &tiny_ok(&env, "2026-11-29", &["done", "epsilon"]),
        "[x] 2.2 epsilon  Epsilon  (skipped -> done)\n\
         Overall: 5/5 (100.0%), above the 60-80% band: all 5 topics done, the plan is complete\n",
    );
    assert!(
        tiny_ok(&env, "2026-11-29", &["status"]).contains(
            "Readiness:  above the 60-80% band: all 5 topics done, the plan is complete\n"
        )
    );
    assert!(
        tiny_ok(&env, "2026-11-29", &["--lang", "zh", "status"])
            .contains("超过 60-80% 区间：全部 5 个主题都已完成，计划已学完\n")
    );
}

#[test]
fn projections_that_stand_alike_are_said_once() {
    let env = tiny();
    tiny_ok(&env, "2026-11-29", &["begin"]);
    tiny_ok(&env, "2026-11-29", &["skip", "epsilon"]);
    let projected = |lang: &str| {
        tiny_ok(&env, "2026-11-29", &["--lang", lang, "status"])
            .lines()
            .filter(|line| line.starts_with("Projected:") || line.starts_with("预计："))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_text(
        &projected("en"),
        "Projected:  60% and 80% no pace yet, 100% out of reach while 1 topic is skipped",
    );
    tiny_ok(&env, "2026-11-29", &["skip", "delta", "gamma"]);
    assert_text(
        &projected("en"),
        "Projected:  60%, 80% and 100% out of reach while 3 topics are skipped",
    );
    assert_text(
        &projected("zh"),
        "预计：      60%、80% 和 100% 无法达到（已跳过 3 个主题）",
    );
}

#[test]
fn a_note_with_an_escape_sequence_is_shown_escaped_never_acted_on() {
    let env = TestEnv::new();
    let noted = env.ok(&["note", "why-rag", "before\u{1b}[2Jafter\u{7}"]);
    assert!(
        noted.ends_with("  before\\u{1b}[2Jafter\\u{7}\n"),
        "{noted:?}"
    );
    let show = env.ok(&["show", "why-rag"]);
    assert!(show.contains("before\\u{1b}[2Jafter\\u{7}"), "{show}");
    let log = env.ok(&["log"]);
    assert!(log.contains("\"before\\u{1b}[2Jafter\\u{7}\""), "{log}");
    for out in [show, log] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
    // The note itself is kept as it was typed.
    let json = env.ok(&["show", "why-rag", "--json"]);
    assert!(json.contains("before\\u001b[2Jafter\\u0007"), "{json}");
}
