//! What a file is, told from its text, when it was given where another kind belongs: a
//! curriculum passed as the progress store, a store as the curriculum, a report as either.
//! Asked only once a file has failed to read as what it was given as, so a sound file is never
//! second-guessed.

use std::path::Path;

use crate::files::shell_quoted;
use crate::i18n::{FileKind, Lang, Msg};

/// The formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A checklist under stage headings, with the summary on top
    #[value(alias = "md")]
    Markdown,
    /// One row per topic, for a spreadsheet (UTF-8 with a byte-order mark)
    Csv,
    /// The `status --json` object plus every topic
    Json,
    /// A page to share: the verdict, stage bars, the burn-up chart, the heatmap and the checklist
    #[value(alias = "htm")]
    Html,
    /// The burn-up chart alone, for a README or a chat
    Svg,
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
    // The HTML page names its maker; the chart alone starts with its own class.
    if text.starts_with("<!DOCTYPE html>") && text.contains("content=\"studyplan ") {
        return Some(Kind::Report(ReportFormat::Html));
    }
    if text.starts_with("<svg class=\"burn-up\"") {
        return Some(Kind::Report(ReportFormat::Svg));
    }
    if let Some(object) = text.trim_start().strip_prefix('{') {
        // A version 2 store's header line, or the JSON report's first key: both tell from the
        // file's start alone, which is all a reader may have kept.
        let header = text.lines().find(|line| !line.trim().is_empty());
        let store = header
            .and_then(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .is_some_and(|value| value.get("studyplan").is_some_and(|v| v == "progress"));
        if store {
            return Some(Kind::Store);
        }
        let report =
            object.trim_start().starts_with("\"curriculum\"") && text.contains("\"overall\"");
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
    lang.say(Msg::WrongKind {
        path: &path.display().to_string(),
        quoted: &shell_quoted(path),
        given: file_kind(given),
        found: file_kind(found),
    })
    .into_owned()
}

/// `kind` as the catalog names it.
pub fn file_kind(kind: Kind) -> FileKind<'static> {
    match kind {
        Kind::Store => FileKind::Store,
        Kind::Curriculum => FileKind::Curriculum,
        Kind::Report(format) => FileKind::Report {
            format: format_name(format),
        },
    }
}

/// A report format as people call it.
fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Markdown => "Markdown",
        ReportFormat::Csv => "CSV",
        ReportFormat::Json => "JSON",
        ReportFormat::Html => "HTML",
        ReportFormat::Svg => "SVG",
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
        // Only the start of a long report may be at hand.
        assert_eq!(
            sniff("{\n  \"curriculum\": {\n    \"id\": \"c\"\n  },\n  \"overall\": {\n    \"do"),
            Some(Kind::Report(ReportFormat::Json))
        );
        assert_eq!(
            sniff(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"studyplan 0.1.0\"/>"
            ),
            Some(Kind::Report(ReportFormat::Html))
        );
        assert_eq!(
            sniff("<svg class=\"burn-up\" viewBox=\"0 0 640 320\" role=\"img\">"),
            Some(Kind::Report(ReportFormat::Svg))
        );
        let v2 = "\u{feff}{\"studyplan\":\"progress\",\"version\":2}\n{\"id\":\"x\"}\n";
        assert_eq!(sniff(v2), Some(Kind::Store));
        assert_eq!(
            sniff("{ \"version\": 2, \"studyplan\": \"progress\" }"),
            Some(Kind::Store)
        );
        for other in [
            "{\"studyplan\":\"curriculum\"}\n",
            "{\"overall\": {}, \"curriculum\": 1",
            "",
            "just: text\n",
            "- a\n- b\n",
            "{\"stages\": []}",
            "# Notes\n- x\n",
            "<!DOCTYPE html>\n<html><title>mine</title>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
    }
}
