//! What a file is, told from its text, when it was given where another kind belongs: a
//! curriculum passed as the progress store, a store as the curriculum, a report as either.
//! Asked only once a file has failed to read as what it was given as, so a sound file is never
//! second-guessed.

use std::path::Path;

use crate::files::shell_quoted;
use crate::i18n::Lang;

/// The formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A checklist under stage headings, with the summary on top
    Markdown,
    /// One row per topic, for a spreadsheet (UTF-8 with a byte-order mark)
    Csv,
    /// The `status --json` object plus every topic
    Json,
}

/// The kinds of file studyplan reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A progress store (`--store`).
    Store,
    /// A curriculum (`--curriculum`).
    Curriculum,
    /// A report written by `studyplan report`.
    Report(ReportFormat),
}

/// The first words of the CSV report's header row.
const CSV_HEADER: &str = "stage,stage_id,stage_title,position,topic_id,";

/// Keys only a curriculum has at its top level.
const CURRICULUM_KEYS: [&str; 3] = ["stages", "band", "genius_days"];

/// What `text` (a whole file, or its first part) looks like; none when it looks like nothing
/// studyplan writes or reads.
pub fn sniff(text: &str) -> Option<Kind> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.starts_with(CSV_HEADER) {
        return Some(Kind::Report(ReportFormat::Csv));
    }
    if is_markdown_report(text) {
        return Some(Kind::Report(ReportFormat::Markdown));
    }
    if text.trim_start().starts_with('{') {
        let report = serde_json::from_str::<serde_json::Value>(text)
            .is_ok_and(|value| value.get("curriculum").is_some() && value.get("overall").is_some());
        return report.then_some(Kind::Report(ReportFormat::Json));
    }
    let keys = top_level_keys(text);
    let has = |key: &str| keys.contains(&key);
    if has("events") && !has("stages") || text.starts_with("# studyplan progress:") {
        Some(Kind::Store)
    } else if !has("events") && CURRICULUM_KEYS.iter().any(|key| has(key)) {
        Some(Kind::Curriculum)
    } else {
        None
    }
}

/// Whether `text` begins as the Markdown report does: a `# title` line, then the summary as
/// `- **Label:** value` lines.
fn is_markdown_report(text: &str) -> bool {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    lines.next().is_some_and(|first| first.starts_with("# "))
        && lines.take(8).any(|line| line.starts_with("- **"))
}

/// The keys of a YAML map written in block style, as they stand at the start of their lines.
fn top_level_keys(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| !line.starts_with([' ', '\t', '#', '-', '{', '[']))
        .filter_map(|line| line.split_once(':'))
        .map(|(key, _)| key.trim().trim_matches(['"', '\'']))
        .collect()
}

/// Why a file given as the store or the curriculum is refused, and which option it belongs to.
pub fn refusal(path: &Path, given: Kind, found: Kind, lang: Lang) -> String {
    let (file, quoted) = (path.display(), shell_quoted(path));
    let is = match (found, lang) {
        (Kind::Store, Lang::En) => "a progress store".to_owned(),
        (Kind::Curriculum, Lang::En) => "a curriculum".to_owned(),
        (Kind::Report(format), Lang::En) => {
            format!(
                "a {} report written by `studyplan report`",
                format_name(format)
            )
        }
        (Kind::Store, Lang::Zh) => "进度文件".to_owned(),
        (Kind::Curriculum, Lang::Zh) => "课程文件".to_owned(),
        (Kind::Report(format), Lang::Zh) => {
            format!(" `studyplan report` 写出的 {} 报告", format_name(format))
        }
    };
    let given_store = given == Kind::Store;
    let not = match (given_store, lang) {
        (true, Lang::En) => "not a progress store",
        (false, Lang::En) => "not a curriculum",
        (true, Lang::Zh) => "不是进度文件",
        (false, Lang::Zh) => "不是课程文件",
    };
    let instead = match (found, lang) {
        (Kind::Curriculum, Lang::En) => format!("use `--curriculum {quoted}` to follow it, and "),
        (Kind::Store, Lang::En) => format!("use `--store {quoted}` to keep progress in it, and "),
        (Kind::Curriculum, Lang::Zh) => format!("要按它学习，请用 `--curriculum {quoted}`，并"),
        (Kind::Store, Lang::Zh) => format!("要在其中记录进度，请用 `--store {quoted}`，并"),
        (Kind::Report(_), Lang::En) => String::new(),
        (Kind::Report(_), Lang::Zh) => "请".to_owned(),
    };
    let point = match (given_store, lang) {
        (true, Lang::En) => {
            "point --store (or STUDYPLAN_STORE) at your progress file, or leave both unset for the \
             default one"
        }
        (false, Lang::En) => {
            "point --curriculum (or STUDYPLAN_CURRICULUM) at a curriculum file, or leave both \
             unset to follow the built-in roadmap"
        }
        (true, Lang::Zh) => {
            "让 --store（或 STUDYPLAN_STORE）指向你的进度文件，或两者都不设以使用默认的进度文件"
        }
        (false, Lang::Zh) => {
            "让 --curriculum（或 STUDYPLAN_CURRICULUM）指向一份课程文件，或两者都不设以使用内置路线"
        }
    };
    match lang {
        Lang::En => {
            format!("`{file}` is {is}, {not}; {instead}{point} (the file was left as it is)")
        }
        Lang::Zh => format!("`{file}` 是{is}，{not}；{instead}{point}（文件保持原样未动）"),
    }
}

/// A report format as people call it.
fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Markdown => "Markdown",
        ReportFormat::Csv => "CSV",
        ReportFormat::Json => "JSON",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_told_by_its_text() {
        let curriculum = "# mine\nid: c\ntitle: C\nstages:\n  - id: s\n";
        assert_eq!(sniff(curriculum), Some(Kind::Curriculum));
        assert_eq!(
            sniff("version: 1\nid: c\n\"band\": {low: 0.5, high: 0.6}\n"),
            Some(Kind::Curriculum)
        );
        let store = "# studyplan progress: every change\nversion: 1\nevents:\n- {at: x}\n";
        assert_eq!(sniff(store), Some(Kind::Store));
        assert_eq!(sniff("version: 1\nevents: []\n"), Some(Kind::Store));
        assert_eq!(
            sniff("\u{feff}stage,stage_id,stage_title,position,topic_id,title\n1,a\n"),
            Some(Kind::Report(ReportFormat::Csv))
        );
        assert_eq!(
            sniff("# Plan\n\n- **Overall:** 1/4 done\n\n## 1. A\n"),
            Some(Kind::Report(ReportFormat::Markdown))
        );
        assert_eq!(
            sniff("{\n  \"curriculum\": {\"id\": \"c\"},\n  \"overall\": {},\n  \"stages\": []\n}"),
            Some(Kind::Report(ReportFormat::Json))
        );
        for other in [
            "",
            "just: text\n",
            "- a\n- b\n",
            "{\"stages\": []}",
            "# Notes\n- x\n",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
    }
}
