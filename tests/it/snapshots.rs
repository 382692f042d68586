//! Exact output where the output is the product, as insta snapshots under `tests/it/snapshots/`:
//! the help of every command, every table at four widths, every report format, each in both
//! languages. A change to any of them shows in review as a change to a `.snap` file; accept a
//! deliberate one with `INSTA_UPDATE=always cargo test` and read the diff before committing.

use clap::CommandFactory as _;

use crate::common::{TestEnv, mask_ids, mask_uuids};

const LANGS: [&str; 2] = ["en", "zh"];
const WIDTHS: [&str; 4] = ["120", "80", "60", "39"];

/// A month of study: a start, changes on three days, one topic started, one skipped, notes in
/// both languages.
fn a_month_in() -> TestEnv {
    let env = TestEnv::new();
    for args in [
        &["begin", "2026-11-10"][..],
        &["done", "--on", "2026-11-12", "1.1", "1.2"],
        &["done", "--on", "2026-11-20", "1.3", "1.4", "1.5"],
        &["skip", "--on", "2026-11-21", "1.7"],
        &["start", "1.6"],
        &["note", "1.6", "feeding new knowledge: see the RAG stage"],
        &["note", "1.6", "先读文档，再写代码"],
        &["done", "2.1"],
    ] {
        env.ok(args);
    }
    env
}

/// Every command's path, the top level first: `[]`, `["status"]`, `["curriculum", "check"]`, ...
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in command.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_owned());
            walk(sub, path, out);
        }
    }
    let mut out = Vec::new();
    walk(&studyplan::cli::Cli::command(), Vec::new(), &mut out);
    out
}

#[test]
fn the_help_of_every_command_in_both_languages() {
    let env = TestEnv::new();
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for lang in LANGS {
        for path in &paths {
            let mut args = vec!["--lang", lang];
            args.extend(path.iter().map(String::as_str));
            args.push("--help");
            let name = format!("help_{lang}_{}", path.join("_"));
            insta::assert_snapshot!(name.trim_end_matches('_').to_owned(), env.ok(&args));
        }
    }
}

/// `args` run at every width in [`WIDTHS`], one section per width.
fn at_every_width(env: &TestEnv, lang: &str, args: &[&str]) -> String {
    let mut out = String::new();
    for width in WIDTHS {
        let output = env
            .cmd()
            .env("COLUMNS", width)
            .args(["--lang", lang])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?} at {width}: {output:?}");
        out.push_str(&format!("--- {width} columns ---\n"));
        out.push_str(&String::from_utf8(output.stdout).unwrap());
    }
    // `log`'s short event ids are random.
    mask_ids(&out)
}

#[test]
fn every_table_at_four_widths_in_both_languages() {
    let env = a_month_in();
    for args in [
        &["status"][..],
        &["list"],
        &["list", "2", "--state", "todo"],
        &["next"],
        &["show", "1.6"],
        &["show", "2"],
        &["log"],
        &["curricula"],
    ] {
        for lang in LANGS {
            let name = format!("table_{lang}_{}", args.join("_").replace("--", ""));
            insta::assert_snapshot!(name, at_every_width(&env, lang, args));
        }
    }
}

#[test]
fn every_report_format_in_both_languages() {
    let env = a_month_in();
    for format in ["markdown", "csv", "json", "html", "svg"] {
        for lang in LANGS {
            let report = env.ok(&["--lang", lang, "report", "--format", format]);
            insta::assert_snapshot!(format!("report_{lang}_{format}"), report);
        }
    }
    for lang in LANGS {
        let report = env.ok(&["--lang", lang, "report", "--notes"]);
        insta::assert_snapshot!(format!("report_{lang}_markdown_notes"), report);
    }
}

#[test]
fn every_json_view() {
    let env = a_month_in();
    for args in [
        &["status", "--json"][..],
        &["list", "--json"],
        &["next", "--json"],
        &["show", "1.6", "--json"],
        &["show", "2", "--json"],
        &["log", "--json"],
    ] {
        let name = format!("json_{}", args[..args.len() - 1].join("_"));
        insta::assert_snapshot!(name, mask_uuids(&without_times(&env.ok(args))));
    }
}

/// `text` with the time of day of every `YYYY-MM-DDTHH:MM:SS(.ffffff)` stamp as `HH:MM:SS`: the
/// day is pinned, the clock is not.
fn without_times(text: &str) -> String {
    let bytes = text.as_bytes();
    let shape = |at: usize, pattern: &[u8]| {
        bytes.get(at..at + pattern.len()).is_some_and(|found| {
            found.iter().zip(pattern).all(|(&b, &p)| {
                if p == b'9' {
                    b.is_ascii_digit()
                } else {
                    b == p
                }
            })
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in 0..bytes.len() {
        if at >= copied && at >= 10 && shape(at - 10, b"9999-99-99T99:99:99") {
            // Every byte of the stamp is ASCII, so these are character boundaries.
            out.push_str(&text[copied..at]);
            out.push_str("THH:MM:SS");
            copied = at + 9;
            if shape(at + 9, b".999999") {
                copied += 7;
            }
        }
    }
    out.push_str(&text[copied..]);
    out
}
