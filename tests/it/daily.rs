//! The daily loop: today's agenda, reviews of done topics, the stats of study days, and a plan
//! that starts on a later day.

use crate::common::{Test, TestEnv, json, ok_on};

/// A plan begun on 2026-11-20 (day 10 today, 2026-11-29): three topics done, one in progress.
fn learner() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-20"]);
    env.ok(&["done", "1.1", "1.2", "--on", "2026-11-21"]);
    env.ok(&["done", "1.3", "--on", "2026-11-27"]);
    env.ok(&["start", "1.4"]);
    env
}

#[test]
fn today_lists_the_share_to_finish_in_progress_first_then_the_reviews_due() {
    // Stage 1 is 11 topics in 10 days: all 11 by tonight, 9 by last night; 3 are done.
    Test::with(learner())
        .args(&["today"])
        .stdout(
            "\
today, 2026-11-29: day 10 of 90, started 2026-11-20, ends 2027-02-17
6 topics behind: finish 8 today to be on plan by tonight; a week at your recent pace brings 2.1 topics:
[~] 1.4 business-architecture  Business architecture of LLM applications
[ ] 1.5 technical-architecture  Technical architecture of LLM applications
[ ] 1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
[ ] 1.7 prompt-engineering  The meaning and core ideas of prompt engineering
[ ] 1.8 prompt-anatomy  The typical anatomy of a prompt
… and 3 more: `studyplan next 8` lists them all
3 topics due for review today:
[x] 1.1 what-llms-can-do  What can large-model AI do?  (due 7 days ago, on 2026-11-22)
[x] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?  (due 7 days ago, on 2026-11-22)
[x] 1.3 core-mindset  The core mindset for using AI well  (due 1 day ago, on 2026-11-28)
record a review with `studyplan review TOPIC`: add --hard if it was hard to recall, --again if you had forgotten it
",
        )
        .run();
}

#[test]
fn today_in_chinese() {
    Test::with(learner())
        .args(&["--lang", "zh", "today"])
        .stdout(
            "\
今天，2026-11-29：第 10 天（共 90 天），2026-11-20 开始，2027-02-17 结束
落后 6 个主题：今天完成 8 个，今晚就能赶上计划；按你最近的速度，一周能完成 2.1 个：
[~] 1.4 business-architecture  大模型应用业务架构
[ ] 1.5 technical-architecture  大模型应用技术架构
[ ] 1.6 feed-gpt35-new-knowledge  代码示例：向 GPT-3.5 灌入新知识
[ ] 1.7 prompt-engineering  提示工程的意义和核心思想
[ ] 1.8 prompt-anatomy  Prompt 典型构成
……还有 3 个：`studyplan next 8` 会全部列出
今天有 3 个主题到期要复习：
[x] 1.1 what-llms-can-do  大模型 AI 能干什么？  （2026-11-22 到期，已过期 7 天）
[x] 1.2 how-llms-get-smart  大模型是怎样获得「智能」的？  （2026-11-22 到期，已过期 7 天）
[x] 1.3 core-mindset  用好 AI 的核心心法  （2026-11-28 到期，已过期 1 天）
记录一次复习：`studyplan review 主题`；回想吃力加 --hard，已经忘了加 --again
",
        )
        .run();
}

#[test]
fn ahead_of_the_plan_today_offers_the_next_topic_anyway() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "1.2"]);
    Test::with(env)
        .args(&["--no-review", "today"])
        .stdout(
            "\
today, 2026-11-29: day 1 of 90, started 2026-11-29, ends 2027-02-26
1 topic ahead of the plan: nothing is due today; the next topic, if you have time:
[ ] 1.3 core-mindset  The core mindset for using AI well
",
        )
        .run();
}

#[test]
fn before_the_plan_has_a_start_today_says_how_to_start() {
    Test::new()
        .args(&["today"])
        .stdout(
            "\
the plan has not started: set its first day with `studyplan begin` (today) or `studyplan begin DATE`, or start a topic with `studyplan start TOPIC`; the first topics:
[ ] 1.1 what-llms-can-do  What can large-model AI do?
[ ] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?
[ ] 1.3 core-mindset  The core mindset for using AI well
",
        )
        .run();
}

#[test]
fn past_the_calendar_today_says_what_a_week_needs_to_catch_up() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-08-01"]);
    env.ok(&[
        "done",
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "--on",
        "2026-08-10",
    ]);
    // 90 days from 2026-08-01 end on 2026-10-29, 31 days ago. 60% of 41 is 25: 20 to go, over
    // the 33 days to 2026-12-31 is 4.3 a week (rounded up). 5 in 121 days take 484 more days.
    let env = Test::with(env)
        .args(&["--no-review", "today", "--by", "2026-12-31"])
        .stdout(
            "\
the plan's calendar ended 31 days ago: 20 topics to go to reach 60%
to reach 60% by 2026-12-31: 4.3 topics a week
[ ] 1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
",
        )
        .run();
    let env = Test::with(env)
        .args(&["--no-review", "today"])
        .stdout(
            "\
the plan's calendar ended 31 days ago: 20 topics to go to reach 60%
at your pace: 60% by 2028-03-27 (`studyplan today --by DATE` says what a week needs to get there by then); the next topic:
[ ] 1.6 feed-gpt35-new-knowledge  Code example: feeding new knowledge into GPT-3.5
",
        )
        .run();
    let catch_up = json(&env.ok(&["--no-review", "today", "--json", "--by", "2026-12-31"]));
    assert_eq!(catch_up["standing"], "catch_up");
    assert_eq!(catch_up["catch_up"]["to_low"], 20);
    assert_eq!(catch_up["catch_up"]["per_week_needed"], 4.3);
    assert_eq!(catch_up["catch_up"]["low_at_pace"], "2028-03-27");
    assert_eq!(catch_up["reviews_due"], serde_json::Value::Null);
    Test::with(env)
        .args(&["today", "--by", "2026-11-29"])
        .status(2)
        .stderr("studyplan: error: --by 2026-11-29 is not after today (2026-11-29); give the day you want to reach the band by\n")
        .run();
}

#[test]
fn today_json_has_the_documented_keys() {
    let env = learner();
    let today = json(&env.ok(&["today", "--json"]));
    assert_eq!(today["today"], "2026-11-29");
    assert_eq!(today["standing"], "behind");
    assert_eq!(today["to_finish"], 8);
    assert_eq!(today["behind"], 6);
    assert_eq!(today["ahead"], 0);
    assert_eq!(today["per_week_recent"], 2.1);
    assert_eq!(today["topics"].as_array().unwrap().len(), 8);
    assert_eq!(today["topics"][0]["id"], "business-architecture");
    assert_eq!(today["reviews_due"][0]["id"], "what-llms-can-do");
    assert_eq!(today["reviews_due"][0]["overdue_days"], 7);
    assert_eq!(today["catch_up"], serde_json::Value::Null);
    let status = json(&env.ok(&["status", "--json"]));
    assert_eq!(
        status["today"],
        serde_json::json!({"standing": "behind", "to_finish": 8, "behind": 6, "ahead": 0, "reviews_due": 3})
    );
    let status = env.ok(&["status"]);
    assert!(
        status.contains(
            "\nToday:      finish 8 topics to be on plan, first 1.4 business-architecture; 3 topics due for review\nNext:"
        ),
        "{status}"
    );
}

#[test]
fn a_review_moves_a_topic_along_the_intervals_and_never_changes_its_state() {
    let env = learner();
    let before = json(&env.ok(&["status", "--json"]))["overall"].clone();
    let env = Test::with(env)
        .args(&["review", "1.1"])
        .stdout("[x] 1.1 what-llms-can-do  What can large-model AI do?  reviewed; next review on 2026-12-02, in 3 days\n")
        .run();
    let env = Test::with(env)
        .args(&["review", "core-mindset", "--hard"])
        .stdout("[x] 1.3 core-mindset  The core mindset for using AI well  reviewed; next review on 2026-11-30, in 1 day\n")
        .run();
    let env = Test::with(env)
        .args(&["review"])
        .stdout(
            "\
1 topic due for review today:
[x] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?  (due 7 days ago, on 2026-11-22)
record a review with `studyplan review TOPIC`: add --hard if it was hard to recall, --again if you had forgotten it
next review on 2026-11-30, in 1 day: 1.3 core-mindset  The core mindset for using AI well
",
        )
        .run();
    assert_eq!(json(&env.ok(&["status", "--json"]))["overall"], before);
    // Forgotten: back to the first interval, from the day of the review.
    let env = Test::with(env)
        .args(&["review", "1.1", "--again"])
        .stdout("[x] 1.1 what-llms-can-do  What can large-model AI do?  reviewed; next review on 2026-11-30, in 1 day\n")
        .run();
    let show = env.ok(&["show", "1.1"]);
    assert!(
        show.contains(
            "State:      done, since 2026-11-21\nReview:     due on 2026-11-30, in 1 day\n\
             History:    2026-11-21  done (recorded 2026-11-29)\n            \
             2026-11-29  review\n            2026-11-29  review (again)\n"
        ),
        "{show}"
    );
    let shown = json(&env.ok(&["show", "1.1", "--json"]));
    assert_eq!(
        shown["next_review"],
        serde_json::json!({"due": "2026-11-30", "overdue_days": -1, "interval_days": 1, "reviews": 2})
    );
    let log = env.ok(&["log", "-n", "2"]);
    assert!(
        log.lines().next().unwrap().ends_with(
            "2026-11-29  review (again)  1.1 what-llms-can-do  What can large-model AI do?"
        ),
        "{log}"
    );
    let events = env.events();
    let last = events.last().unwrap();
    assert_eq!(last["change"], "review-again");
    assert_eq!(last["topics"], serde_json::json!(["what-llms-can-do"]));
}

#[test]
fn only_done_topics_are_reviewed_and_a_refused_review_writes_nothing() {
    let env = learner();
    let env = Test::with(env)
        .args(&["review", "1.1", "1.5"])
        .status(2)
        .stderr("studyplan: error: `technical-architecture` is not started, not done: only done topics come back for review; finish it with `studyplan done technical-architecture`\n")
        .store_unchanged()
        .run();
    let env = Test::with(env)
        .args(&["--lang", "zh", "review", "1.4"])
        .status(2)
        .stderr("studyplan: 错误：`business-architecture` 的状态是“进行中”，不是已完成：只有完成的主题才会回来复习；先用 `studyplan done business-architecture` 完成它\n")
        .store_unchanged()
        .run();
    // Before the day the topic was done.
    let env = Test::with(env)
        .args(&["review", "1.3", "--on", "2026-11-26"])
        .status(1)
        .store_unchanged()
        .stderr("studyplan: error: `2026-11-26` is before the last change to `core-mindset`, on 2026-11-27; its state comes from its latest change, so give a date from 2026-11-27 on (see `studyplan show core-mindset`)\n")
        .run();
    Test::with(env)
        .args(&["review", "--json", "--hard"])
        .status(2)
        .store_unchanged()
        .stderr(
            "\
studyplan: error: the argument '--json' cannot be used with '--hard'

Usage: studyplan review --json [TOPIC]...

For more information, try `studyplan review --help`.
",
        )
        .run();
}

#[test]
fn reviews_can_be_turned_off_by_the_learner_or_by_the_curriculum() {
    let env = learner();
    let off = "studyplan: error: reviews are off (--no-review or STUDYPLAN_REVIEW=off); run without them to review\n";
    let env = Test::with(env)
        .args(&["--no-review", "review"])
        .status(1)
        .stderr(off)
        .run();
    let env = Test::with(env)
        .var("STUDYPLAN_REVIEW", "off")
        .args(&["review", "1.1"])
        .status(1)
        .stderr(off)
        .store_unchanged()
        .run();
    let env = Test::with(env)
        .var("STUDYPLAN_REVIEW", "maybe")
        .args(&["status"])
        .status(1)
        .stderr("studyplan: error: STUDYPLAN_REVIEW=`maybe` is not a setting; use `on` or `off`\n")
        .run();
    let today = env.ok(&["--no-review", "today"]);
    assert!(!today.contains("review"), "{today}");
    let status = env.ok(&["--no-review", "status"]);
    assert!(
        status.contains(
            "\nToday:      finish 8 topics to be on plan, first 1.4 business-architecture\n"
        ),
        "{status}"
    );
    let show = env.ok(&["--no-review", "show", "1.1"]);
    assert!(!show.contains("Review:"), "{show}");
    Test::new()
        .curriculum(
            "id: c\ntitle: C\nband: {low: 0.5, high: 0.7}\nreview: false\n\
             stages:\n  - id: s\n    title: S\n    days: 2\n    topics:\n      - {id: a, title: A}\n",
        )
        .args(&["review"])
        .status(1)
        .stderr("studyplan: error: reviews are off: the curriculum says `review: false`\n")
        .run();
}

#[test]
fn with_nothing_done_there_is_nothing_to_review_and_the_schedule_is_said() {
    Test::new()
        .args(&["review"])
        .stdout("nothing to review yet: each topic you finish comes back for review after 1, 3, 7, 14, 30, 60 days\n")
        .run();
}

#[test]
fn a_planned_start_counts_down_and_work_before_it_is_refused() {
    let env = Test::new()
        .args(&["begin", "2026-12-03"])
        .stdout("the plan begins on 2026-12-03, in 4 days (today is 2026-11-29); `studyplan today` shows the first topics\n")
        .run();
    let status = env.ok(&["status"]);
    assert!(
        status.contains("\nCalendar:   starts on 2026-12-03, in 4 days\n"),
        "{status}"
    );
    let env = Test::with(env)
        .args(&["today"])
        .stdout(
            "\
the plan starts on 2026-12-03, in 4 days; the first topics:
[ ] 1.1 what-llms-can-do  What can large-model AI do?
[ ] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?
[ ] 1.3 core-mindset  The core mindset for using AI well
",
        )
        .run();
    let env = Test::with(env)
        .args(&["done", "1.1"])
        .status(1)
        .store_unchanged()
        .stderr("studyplan: error: the plan starts on 2026-12-03, after today: nothing is recorded before its start; to start now, `studyplan begin 2026-11-29`\n")
        .run();
    // On the day, the plan runs; on a day before the start was planned, it had none.
    let env = Test::with(env)
        .today("2026-12-03")
        .args(&["today", "--no-review"])
        .stdout(
            "\
today, 2026-12-03: day 1 of 90, started 2026-12-03, ends 2027-03-02
on schedule: finish 1 topic today to stay on plan:
[ ] 1.1 what-llms-can-do  What can large-model AI do?
",
        )
        .run();
    Test::with(env)
        .today("2026-11-28")
        .args(&["today"])
        .stderr("studyplan: note: the history as of 2026-11-28: 1 later change is left out (they stay in the store); unset `STUDYPLAN_TODAY` or check the clock to see them\n")
        .stdout(
            "\
the plan has not started: set its first day with `studyplan begin` (today) or `studyplan begin DATE`, or start a topic with `studyplan start TOPIC`; the first topics:
[ ] 1.1 what-llms-can-do  What can large-model AI do?
[ ] 1.2 how-llms-get-smart  How do large models acquire \"intelligence\"?
[ ] 1.3 core-mindset  The core mindset for using AI well
",
        )
        .run();
}

/// A month of study: done, started, noted and reviewed on some days, one day only skipped.
fn steady() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-02"]);
    for (day, args) in [
        ("2026-11-02", &["done", "1.1"][..]),
        ("2026-11-03", &["done", "1.2", "1.3"][..]),
        ("2026-11-04", &["start", "1.4"][..]),
        ("2026-11-09", &["skip", "1.5"][..]),
        ("2026-11-20", &["done", "1.4", "1.6", "1.7", "1.8"][..]),
        ("2026-11-27", &["done", "1.9"][..]),
        ("2026-11-28", &["note", "1.9", "good"][..]),
    ] {
        let output = env
            .cmd()
            .env("STUDYPLAN_TODAY", day)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
    }
    env.ok(&["review", "1.9"]);
    env
}

#[test]
fn stats_show_the_heatmap_the_streaks_the_weeks_and_the_burn_up() {
    // A skip (2026-11-09) is no study day; the streak runs 2026-11-27 to today.
    Test::with(steady())
        .columns(60)
        .args(&["stats"])
        .stdout(include_str!("daily_stats_en.txt"))
        .run();
}

#[test]
fn stats_fit_a_narrow_terminal_start_weeks_on_sunday_and_speak_chinese() {
    Test::with(steady())
        .columns(40)
        .args(&[
            "--lang",
            "zh",
            "--border",
            "ascii",
            "stats",
            "--week-start",
            "sunday",
        ])
        .stdout(include_str!("daily_stats_zh.txt"))
        .run();
}

#[test]
fn stats_json_has_the_documented_keys() {
    let stats = json(&steady().ok(&["stats", "--json"]));
    assert_eq!(stats["today"], "2026-11-29");
    assert_eq!(stats["week_start"], "monday");
    assert_eq!(
        stats["streak"],
        serde_json::json!({"current": 3, "longest": 3, "longest_ended": "2026-11-29"})
    );
    assert_eq!(
        stats["study_days"],
        serde_json::json!({"last_7": 3, "last_30": 7, "total": 7})
    );
    assert_eq!(
        stats["days"][0],
        serde_json::json!({"date": "2026-11-02", "count": 1})
    );
    assert_eq!(
        stats["days"][1],
        serde_json::json!({"date": "2026-11-03", "count": 2})
    );
    assert_eq!(stats["done_per_week"].as_array().unwrap().len(), 12);
    assert_eq!(
        stats["done_per_week"][11],
        serde_json::json!({"week": "2026-11-23", "done": 1})
    );
    let burn_up = &stats["burn_up"];
    assert_eq!(burn_up["start"], "2026-11-02");
    assert_eq!(burn_up["end"], "2027-01-30");
    assert_eq!(
        (burn_up["band_low"].clone(), burn_up["band_high"].clone()),
        (25.into(), 29.into())
    );
    let fresh = json(&TestEnv::new().ok(&["stats", "--json"]));
    assert_eq!(fresh["burn_up"], serde_json::Value::Null);
    assert_eq!(fresh["streak"]["current"], 0);
}

#[test]
fn a_skipped_topic_never_extends_a_streak() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1", "--on", "yesterday"]);
    env.ok(&["skip", "1.2"]);
    let stats = json(&env.ok(&["stats", "--json"]));
    // Yesterday counts and keeps the streak alive today; today's skip adds nothing.
    assert_eq!(stats["streak"]["current"], 1);
    assert_eq!(stats["study_days"]["total"], 1);
    env.ok(&["start", "1.3"]);
    let stats = json(&env.ok(&["stats", "--json"]));
    assert_eq!(stats["streak"]["current"], 2);
}

/// The short id of the newest line of the store.
fn last_id(env: &TestEnv) -> String {
    let events = env.events();
    let id = events.last().unwrap()["id"].as_str().unwrap().to_owned();
    id[..8].to_owned()
}

#[test]
fn a_note_can_be_back_dated_edited_and_deleted_and_the_history_keeps_every_text() {
    let env = learner();
    let out = env.ok(&["note", "1.1", "--on", "-2", "read", "the", "paper"]);
    assert_eq!(
        out,
        "noted on 1.1 what-llms-can-do  What can large-model AI do?, 2026-11-27:\n  read the paper\n"
    );
    let first = last_id(&env);
    let out = env.ok(&["note", "--edit", &first, "read", "the", "paper", "twice"]);
    assert_eq!(
        out,
        format!(
            "edited note {first} on 1.1 what-llms-can-do  What can large-model AI do?, 2026-11-27; \
             the old text stays in the history:\n  read the paper twice\n"
        )
    );
    let edit = last_id(&env);
    env.ok(&["note", "1.1", "second", "note"]);
    let second = last_id(&env);
    let show = env.ok(&["show", "1.1"]);
    assert!(
        show.ends_with(&format!(
            "Notes:      2026-11-27  {edit}  read the paper twice\n            \
             2026-11-29  {second}  second note\n"
        )),
        "{show}"
    );
    let log = env.ok(&["log", "--since", "2026-11-27"]);
    assert!(
        log.contains(&format!(
            "{edit}  2026-11-27  note   1.1 what-llms-can-do  What can large-model AI do?  (edits note {first})  \"read the paper twice\"\n\
             {first}  2026-11-27  note   1.1 what-llms-can-do  What can large-model AI do?  (edited: {edit} replaced it)  \"read the paper\"\n"
        )),
        "{log}"
    );
    let out = env.ok(&["note", "--delete", &second]);
    assert!(
        out.starts_with(&format!("deleted note {second} on 1.1 what-llms-can-do")),
        "{out}"
    );
    let show = env.ok(&["show", "1.1"]);
    assert!(
        show.ends_with(&format!(
            "Notes:      2026-11-27  {edit}  read the paper twice\n"
        )),
        "{show}"
    );
    // Every text is still in the store.
    let texts: Vec<String> = env
        .events()
        .iter()
        .filter_map(|event| event["text"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        texts,
        ["read the paper", "read the paper twice", "second note"]
    );
    // The old note is edited already; a change that is no note is refused; nothing is written.
    let before = env.store_bytes();
    let err = env.fails(&["note", "--edit", &first, "again"], 2);
    assert!(err.contains(&format!("`{edit}` reverted it")), "{err}");
    let done = env.events()[1]["id"].as_str().unwrap()[..8].to_owned();
    let err = env.fails(&["note", "--delete", &done], 2);
    assert_eq!(
        err,
        format!(
            "studyplan: error: `{done}` is a `done` change, not a note; a note's id is beside it in `studyplan log` or `studyplan show TOPIC`\n"
        )
    );
    env.fails(&["note", "--delete", &done, "1.1"], 2);
    assert_eq!(env.store_bytes(), before);
    // Undoing the edit brings the first text back.
    env.ok(&["revert", &edit]);
    let show = env.ok(&["show", "1.1"]);
    assert!(
        show.ends_with(&format!(
            "Notes:      2026-11-27  {first}  read the paper\n"
        )),
        "{show}"
    );
}

#[test]
fn stats_fit_every_width_and_their_json_does_not_depend_on_it() {
    let env = steady();
    let json_at = |columns: &str| {
        let output = env
            .cmd()
            .env("COLUMNS", columns)
            .args(["stats", "--json"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(json_at("30"), json_at("120"));
    for columns in [30, 39, 40, 41, 56, 57, 60] {
        for lang in ["en", "zh"] {
            let output = env
                .cmd()
                .env("COLUMNS", columns.to_string())
                .args(["--lang", lang, "stats"])
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            for line in text.lines() {
                let width = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    width <= columns,
                    "{lang} at {columns}: {width}: {line:?}\n{text}"
                );
            }
            // Today's 8 done topics are drawn at every width: the 10% row has a done mark.
            let row = text.lines().find(|l| l.starts_with(" 10% ")).unwrap();
            assert!(row.contains('█'), "{lang} at {columns}: {row}");
        }
    }
}

#[test]
fn topics_done_per_week_count_each_topic_once_as_status_does() {
    let env = TestEnv::new();
    for args in [
        &["done", "1.1"][..],
        &["undo", "1.1"],
        &["done", "1.1"],
        &["done", "1.2"],
        &["undo", "1.2"],
    ] {
        env.ok(args);
    }
    let stats = json(&env.ok(&["stats", "--json"]));
    assert_eq!(
        stats["done_per_week"][11],
        serde_json::json!({"week": "2026-11-23", "done": 1})
    );
}

#[test]
fn a_review_says_when_the_next_is_due_even_back_dated_early_or_twice() {
    let env = learner();
    // Done 2026-11-21, first due 11-22; reviewed 11-23, the next came 3 days later, 3 days ago.
    let out = env.ok(&["review", "1.1", "--on", "2026-11-23"]);
    assert_eq!(
        out,
        "[x] 1.1 what-llms-can-do  What can large-model AI do?  reviewed; next review was due on 2026-11-26, 3 days ago\n"
    );
    env.ok(&["review", "1.3"]);
    let before = env.store_bytes();
    let out = env.ok(&["review", "1.3"]);
    assert_eq!(
        out,
        "[x] 1.3 core-mindset  The core mindset for using AI well  reviewed today already, so nothing is recorded; next review on 2026-12-02, in 3 days\n"
    );
    assert_eq!(env.store_bytes(), before);
    // Before it is due, the interval stays; a grade that differs is recorded.
    let out = env.ok(&["review", "1.3", "--hard"]);
    assert!(
        out.ends_with("reviewed; next review on 2026-12-02, in 3 days\n"),
        "{out}"
    );
    let out = ok_on(&env, "2026-12-01", &["review", "1.3"]);
    assert!(
        out.ends_with("reviewed before it was due, so the interval stays; next review on 2026-12-04, in 3 days\n"),
        "{out}"
    );
}

#[test]
fn the_review_setting_takes_the_words_a_yaml_file_would() {
    let env = learner();
    for off in ["off", "false", "no", "0", "OFF"] {
        let output = env
            .cmd()
            .env("STUDYPLAN_REVIEW", off)
            .args(["status", "--json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{off}");
        let status = json(&String::from_utf8(output.stdout).unwrap());
        assert_eq!(
            status["today"]["reviews_due"],
            serde_json::Value::Null,
            "{off}"
        );
    }
}

#[test]
fn today_caps_the_reviews_it_lists_and_by_works_on_any_day() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-11-01"]);
    env.ok(&[
        "done",
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.6",
        "1.7",
        "--on",
        "2026-11-02",
    ]);
    let today = env.ok(&["today", "--by", "+30"]);
    assert!(
        today.contains("\nto reach 60% by 2026-12-29: 4.1 topics a week\n"),
        "{today}"
    );
    assert!(
        today.contains("[x] 1.5 technical-architecture  Technical architecture of LLM applications  (due 26 days ago, on 2026-11-03)\n\
             … and 2 more: `studyplan review` lists them all\n"),
        "{today}"
    );
    assert!(
        env.ok(&["today", "--by", "tomorrow"])
            .contains("to reach 60% by 2026-11-30: 63.0 topics a week\n")
    );
    let err = env.fails(&["today", "--by", "yesterday"], 2);
    assert!(
        err.contains("`yesterday` is not a date like 2026-12-31 (YYYY-MM-DD), `tomorrow` or `+30` (30 days from today)"),
        "{err}"
    );
    let json = json(&env.ok(&["today", "--json"]));
    assert_eq!(json["reviews_due"].as_array().unwrap().len(), 7);
}

#[test]
fn past_the_calendar_with_the_band_reached_today_names_the_edge_reached() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-08-01"]);
    let ids: Vec<String> = json(&env.ok(&["list", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .take(29)
        .map(|topic| topic["id"].as_str().unwrap().to_owned())
        .collect();
    let mut args = vec!["done", "--on", "2026-08-20"];
    args.extend(ids.iter().map(String::as_str));
    env.ok(&args);
    let today = env.ok(&["--no-review", "today"]);
    assert!(
        today.starts_with(
            "the plan's calendar ended 31 days ago, with 70% reached; the next topic:\n"
        ),
        "{today}"
    );
}

#[test]
fn on_plan_exactly_is_on_plan_in_json_too() {
    let env = TestEnv::new();
    env.ok(&["done", "1.1"]);
    let today = json(&env.ok(&["--no-review", "today", "--json"]));
    assert_eq!(today["standing"], "on_plan");
    assert!(
        env.ok(&["--no-review", "today"])
            .contains("on plan: nothing more is due today")
    );
}

#[test]
fn deleting_an_edited_note_takes_every_version_away() {
    let env = learner();
    env.ok(&["note", "1.1", "first"]);
    let first = last_id(&env);
    env.ok(&["note", "--edit", &first, "second"]);
    let second = last_id(&env);
    env.ok(&["note", "--edit", &second, "third"]);
    let third = last_id(&env);
    // Edited twice, the first version is still shown as edited, not as reverted.
    let log = env.ok(&["log", "-n", "3"]);
    assert!(
        log.contains(&format!("(edited: {second} replaced it)  \"first\"")),
        "{log}"
    );
    assert!(
        log.contains(&format!("(edited: {third} replaced it)  \"second\"")),
        "{log}"
    );
    let out = env.ok(&["note", "--delete", &third]);
    assert!(
        out.starts_with(&format!("deleted note {third} on 1.1")),
        "{out}"
    );
    let show = env.ok(&["show", "1.1"]);
    assert!(show.ends_with("Notes:      none\n"), "{show}");
    // Deleted already, whichever version is named.
    env.fails(&["note", "--delete", &first], 2);
    // A note line in the store that names a change that is no note replaces nothing.
    let done = env.events()[1]["id"].as_str().unwrap().to_owned();
    let mut text = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    text.push_str(&format!(
        "{{\"id\":\"0190f0a0-0000-7000-8000-00000000abcd\",\"at\":\"2026-11-29T23:00:00.000000+08:00\",\"plan\":\"llm-roadmap\",\"change\":\"note\",\"topics\":[\"what-llms-can-do\"],\"text\":\"x\",\"reverts\":\"{done}\"}}\n"
    ));
    std::fs::write(env.store(), text).unwrap();
    let status = env.ok(&["status", "--json"]);
    assert!(status.contains("\"done\": 3,"), "{status}");
}

#[test]
fn a_planned_start_is_at_most_a_year_ahead_and_log_shows_it() {
    let env = TestEnv::new();
    let err = env.fails(&["begin", "2062-11-01"], 2);
    assert_eq!(
        err,
        "studyplan: error: `2062-11-01` is more than 366 days after today (2026-11-29); a start is planned at most a year ahead\n"
    );
    assert_eq!(env.store_bytes(), None);
    env.ok(&["begin", "2026-12-10"]);
    let log = env.ok(&["log"]);
    assert!(log.contains("2026-12-10  begin"), "{log}");
}

#[test]
fn the_burn_up_counts_a_topic_as_status_does_and_spreads_its_points_evenly() {
    let env = TestEnv::new();
    env.ok(&["begin", "2026-09-01"]);
    env.ok(&["done", "1.1", "--on", "2026-11-10"]);
    // Recorded later for an earlier day (as another machine's change merged in can be): the
    // topic stands by the change recorded last, as status says.
    let mut text = String::from_utf8(env.store_bytes().unwrap()).unwrap();
    text.push_str("{\"id\":\"0190f0a0-0000-7000-8000-00000000abce\",\"at\":\"2026-12-31T00:00:00.000000+00:00\",\"plan\":\"llm-roadmap\",\"change\":\"skip\",\"topics\":[\"what-llms-can-do\"],\"on\":\"2026-11-08\"}\n");
    std::fs::write(env.store(), text).unwrap();
    let status = json(&env.ok(&["status", "--json"]));
    assert_eq!(status["overall"]["done"], 0);
    let stats = json(&env.ok(&["stats", "--json"]));
    let points = stats["burn_up"]["points"].as_array().unwrap();
    assert_eq!(points.len(), 45);
    let today = points.iter().find(|p| p["date"] == "2026-11-29").unwrap();
    assert_eq!(today["done"], 0);
}

#[test]
fn a_topic_undone_and_done_again_the_same_day_starts_its_reviews_over() {
    let env = learner();
    env.ok(&["review", "1.3"]);
    env.ok(&["undo", "1.3"]);
    env.ok(&["done", "1.3"]);
    let review = json(&env.ok(&["review", "--json"]));
    assert!(
        review["due"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["id"] != "core-mindset"),
        "{review}"
    );
    assert_eq!(review["next"]["id"], "core-mindset");
    assert_eq!(review["next"]["reviews"], 0);
    let out = env.ok(&["review", "1.3"]);
    assert!(out.contains("reviewed before it was due"), "{out}");
}

#[test]
fn a_wrapped_stats_line_hangs_under_its_label() {
    let env = steady();
    for lang in ["en", "zh"] {
        let output = env
            .cmd()
            .env("COLUMNS", "40")
            .args(["--lang", lang, "stats"])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("Stud") || l.starts_with("学习日："))
            .unwrap();
        // The line wraps at 40 columns; its rest starts under the value, not at the margin.
        assert!(
            lines[at + 1].starts_with(&" ".repeat(12)),
            "{lang}:\n{text}"
        );
    }
}
