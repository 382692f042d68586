//! Display width and line wrapping: how wide text shows in a terminal (Chinese characters take
//! two columns, colour codes none) and how long lines wrap. A leaf: the command line's help and
//! the rendered output both use it, and it uses neither.

use unicode_width::UnicodeWidthStr;

/// The width output is laid out to when it goes to no terminal (a pipe, a file), so that what
/// scripts and tests read does not depend on where it ran.
pub const PIPED_WIDTH: u16 = 120;

/// Wraps every line of `text` wider than `width` display columns: at spaces, or between two
/// Chinese characters. A line that starts with a padded label (`Next:       ...`) continues under
/// its value. Lines that fit, table lines among them, are left as they are.
pub fn fit_lines(text: &str, width: u16) -> String {
    let width = usize::from(width).max(20);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if visible_width(body) <= width {
            out.push_str(line);
            continue;
        }
        // Continuing under the value as long as that leaves it a fair share of the line.
        let indent = hanging_indent(body)
            .filter(|&indent| {
                width
                    .checked_sub(indent)
                    .is_some_and(|room| room >= MIN_ROOM.min(width / 2))
            })
            .unwrap_or(0);
        let mut used = 0;
        let mut line_start = 0;
        let mut gap = "";
        for piece in pieces(body) {
            if piece.starts_with(' ') {
                gap = piece;
                continue;
            }
            let piece_width = visible_width(piece);
            if used == 0 && gap.len() + piece_width > width {
                // Indented too deep for its first word: the indent gives way.
                gap = &gap[..width.saturating_sub(piece_width).min(gap.len())];
            }
            // Beside its label, a word that does not fit moves to a line of its own if one holds it.
            let breaks = if used > indent {
                true
            } else {
                used > line_start && piece_width <= width
            };
            if breaks && used + gap.len() + piece_width > width {
                // A word is never cut: ids, paths and links are what people type and copy. One
                // too wide for the room under the value starts as far in as it fits, and one
                // too wide for the line starts at the left edge and runs past its end.
                let lead = indent.min(width.saturating_sub(piece_width));
                out.push('\n');
                out.push_str(&" ".repeat(lead));
                used = lead;
                line_start = lead;
            } else {
                out.push_str(gap);
                used += gap.len();
            }
            out.push_str(piece);
            used += piece_width;
            gap = "";
        }
        out.push_str(newline);
    }
    out
}

/// Whether a terminal would act on `c` rather than show it: a control character other than a line
/// end or a tab (ESC starts a sequence that can clear the screen or set the window's title).
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

/// Display width without the colour escape codes (`ESC [ ... m`), which take no room.
fn visible_width(text: &str) -> usize {
    if !text.contains('\u{1b}') {
        return text.width();
    }
    let mut width = 0;
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        width += rest[..at].width();
        rest = &rest[at..];
        let end = rest
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(rest.len(), |end| end + 1);
        rest = &rest[end..];
    }
    width + rest.width()
}

/// Where a wrapped line continues: under the value after a padded label (after the first run of
/// two or more spaces past the line's own indent), else under the line's first word.
fn hanging_indent(line: &str) -> Option<usize> {
    let text = line.find(|c| c != ' ')?;
    let Some(gap) = line[text..].find("  ").map(|gap| text + gap) else {
        return Some(text);
    };
    let value = gap + line[gap..].find(|c| c != ' ')?;
    Some(line[..value].width())
}

/// The fewest columns a wrapped value keeps beside its label before it continues at the left
/// edge instead.
const MIN_ROOM: usize = 12;

/// Characters a line never starts with: closing punctuation stays with what it closes.
const CLOSING: &str = "，。、；：！？）》」』】〕”’…)]}>";
/// Characters a line never ends with: opening punctuation stays with what it opens.
const OPENING: &str = "（《「『【〔“‘([{<";

/// A line cut where it may wrap: runs of spaces, wide characters one by one (punctuation kept
/// with the character it closes or opens), and words.
fn pieces(line: &str) -> Vec<&str> {
    // Where each piece starts; pieces follow one another to the end of the line.
    let mut starts: Vec<usize> = Vec::new();
    let mut in_spaces = None;
    let mut after_wide = false;
    for (i, c) in line.char_indices() {
        let wide = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 1;
        let space = c == ' ';
        if wide || after_wide || in_spaces != Some(space) {
            starts.push(i);
        }
        in_spaces = Some(space);
        after_wide = wide;
    }
    let mut pieces: Vec<&str> = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(line.len());
        let piece = &line[start..end];
        let glued = pieces.last().is_some_and(|last: &&str| {
            !last.starts_with(' ')
                && !piece.starts_with(' ')
                && (piece.starts_with(|c| CLOSING.contains(c))
                    || last.ends_with(|c| OPENING.contains(c)))
        });
        match pieces.last_mut() {
            Some(last) if glued => *last = &line[start - last.len()..end],
            _ => pieces.push(piece),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_under_their_label() {
        let text = "Next:       1.3 core-mindset  The core mindset for using AI well\nshort\n";
        assert_eq!(
            fit_lines(text, 40),
            "Next:       1.3 core-mindset  The core\n            mindset for using AI well\nshort\n"
        );
        let zh = "准备度：    已进入 60-70% 区间：你已经开始具备成为一名大模型 AI 人才的正确特征\n";
        let fitted = fit_lines(zh, 40);
        assert!(fitted.lines().all(|line| line.width() <= 40), "{fitted}");
        assert!(
            fitted
                .lines()
                .skip(1)
                .all(|line| line.starts_with(&" ".repeat(12)))
        );
        assert_eq!(fitted.replace(['\n', ' '], ""), zh.replace(['\n', ' '], ""));
    }

    #[test]
    fn punctuation_stays_with_the_character_it_closes_or_opens() {
        assert_eq!(pieces("天（注）。"), ["天", "（注）。"]);
        assert_eq!(pieces("a “b” c，d"), ["a", " ", "“b”", " ", "c，", "d"]);
        // Wrapped at 20 columns, no line starts with a comma or ends with an opening bracket.
        assert_eq!(
            fit_lines("一二三，四五（六）\n", 20),
            "一二三，四五（六）\n"
        );
        let fitted = fit_lines(&"一二三四五六七八九，（十）".repeat(3), 20);
        for line in fitted.lines() {
            assert!(!line.starts_with('，') && !line.ends_with('（'), "{fitted}");
        }
    }

    #[test]
    fn cut_words_keep_their_punctuation_and_deep_indents_give_way() {
        let fitted = fit_lines("标题：      什么是向量表示（Embeddings）\n", 22);
        assert!(
            fitted.lines().all(|line| {
                let text = line.trim_start();
                line.width() <= 22 && !text.starts_with('）') && !line.ends_with('（')
            }),
            "{fitted}"
        );
        assert_eq!(
            fit_lines("            2026-11-29\n", 20),
            "          2026-11-29\n"
        );
        // A label padded past the width is no indent to continue under.
        let wide = format!("{}x  {}\n", " ".repeat(30), "word ".repeat(8));
        assert!(fit_lines(&wide, 20).lines().all(|line| line.width() <= 20));
        // Help text goes on under its description column while that leaves it 12 columns.
        let help = "      --json               输出 JSON 而不是表格，方便脚本读取\n";
        let fitted = fit_lines(help, 45);
        assert!(
            fitted
                .lines()
                .skip(1)
                .all(|line| line.starts_with(&" ".repeat(27))),
            "{fitted}"
        );
    }

    #[test]
    fn a_word_is_never_cut_and_one_longer_than_a_line_runs_past_its_end() {
        assert_eq!(
            fit_lines(
                "Next:  supercalifragilistic-expialidocious  Title words\n",
                20
            ),
            "Next:  supercalifragilistic-expialidocious\n       Title words\n"
        );
        // Too wide for the room under the value, it starts as far in as it fits.
        assert_eq!(
            fit_lines("Id:          a-topic-id-of-sixteen\n", 24),
            "Id:\na-topic-id-of-sixteen\n"
        );
        assert_eq!(
            fit_lines("Title:      one two three-four-five-six\n", 24),
            "Title:      one two\n     three-four-five-six\n"
        );
    }

    #[test]
    fn colour_codes_take_no_room() {
        assert_eq!(visible_width("\u{1b}[32mdone\u{1b}[0m"), 4);
        let line = format!("│ \u{1b}[32m{}\u{1b}[0m │\n", "x".repeat(30));
        assert_eq!(fit_lines(&line, 34), line);
    }
}
