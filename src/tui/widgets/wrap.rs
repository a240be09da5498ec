//! Word wrapping by display width: breaks at spaces, and anywhere inside runs of wide (CJK)
//! characters, which have no spaces between words, following the line-breaking rules of
//! Chinese typesetting: a closing punctuation mark (`。`, `，`, `）`, `」` …) never starts a
//! line, and an opening one (`（`, `「`, `“` …) never ends one; each stays with its
//! neighbouring character, which moves to the next line with it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` into lines of at most `width` columns (at least one line, even when empty).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in split_words(paragraph) {
            let word_w = word.width();
            if line_w + word_w > width && !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
                line = String::new();
                line_w = 0;
            }
            if line.is_empty() && word == " " {
                continue;
            }
            if word_w > width {
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if line_w + cw > width && !line.is_empty() {
                        // A closing mark takes the character before it along.
                        let carried = match line.chars().last() {
                            Some(p) if is_closing(c) && line.chars().count() > 1 => {
                                line.pop();
                                Some(p)
                            }
                            _ => None,
                        };
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                        if let Some(p) = carried {
                            line.push(p);
                            line_w = p.width().unwrap_or(0);
                        }
                    }
                    line.push(c);
                    line_w += cw;
                }
            } else {
                line.push_str(word);
                line_w += word_w;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Wraps `text` followed by a space and `tail` (a short tag such as `‹doc|demo›`), keeping the
/// tail from standing alone on the last line: the last word of the line before moves down
/// with it, when that fits.
pub fn wrap_with_tail(text: &str, tail: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(&format!("{text} {tail}"), width);
    let n = lines.len();
    if n < 2 || lines[n - 1] != tail.trim() {
        return lines;
    }
    let before = &lines[n - 2];
    // The last word, or the last character of a run of wide characters (no spaces there).
    let cut = match before.rfind(' ') {
        Some(at)
            if !before[at..]
                .chars()
                .skip(1)
                .any(|c| c.width().unwrap_or(0) > 1) =>
        {
            at + 1
        }
        _ => last_unit(before),
    };
    let (head, word) = before.split_at(cut);
    let moved = format!("{word} {}", lines[n - 1]);
    if head.trim().is_empty() || moved.width() > width.max(1) {
        return lines;
    }
    lines[n - 2] = head.trim_end().to_string();
    lines[n - 1] = moved;
    lines
}

/// Marks that may not start a line (they close what comes before them).
const CLOSING: &str = "。，、；：？！）」』】》〉〕｝”’．％…·～)]}.,;:!?%";
/// Marks that may not end a line (they open what comes after them).
const OPENING: &str = "（「『【《〈〔｛“‘([{";

fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

/// Where the last character of a line starts, together with the character a closing mark at
/// the end belongs to (`申请。` → `请。`).
fn last_unit(line: &str) -> usize {
    let mut chars = line.char_indices().rev();
    let Some((mut at, mut c)) = chars.next() else {
        return 0;
    };
    while is_closing(c) {
        match chars.next() {
            Some((i, p)) => (at, c) = (i, p),
            None => break,
        }
    }
    at
}

/// Splits into words, single spaces, and single wide characters; a tag in `‹…›` (such as
/// `‹演示›`) is one word even when it is made of wide characters, so it is never split.
/// Closing punctuation joins the word before it and opening punctuation the word after it,
/// so that neither is left alone at the start or the end of a line.
fn split_words(text: &str) -> Vec<&str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut in_tag = false;
    for (i, c) in text.char_indices() {
        match c {
            '‹' => in_tag = true,
            '›' => in_tag = false,
            _ => {}
        }
        let wide = c.width().unwrap_or(0) > 1;
        if !in_tag && (c == ' ' || (wide && c != '›')) {
            if start < i {
                cuts.push((start, i));
            }
            cuts.push((i, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        cuts.push((start, text.len()));
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(cuts.len());
    for (a, b) in cuts {
        let word = &text[a..b];
        let first = word.chars().next().unwrap_or(' ');
        let glue_back = joined.last().is_some_and(|&(pa, pb)| {
            let before = &text[pa..pb];
            pb == a && before != " " && (is_closing(first) || ends_opening(before))
        });
        match joined.last_mut() {
            Some(last) if glue_back && word != " " => last.1 = b,
            _ => joined.push((a, b)),
        }
    }
    joined.into_iter().map(|(a, b)| &text[a..b]).collect()
}

/// Whether a word ends with an opening mark (so the next word must join it).
fn ends_opening(word: &str) -> bool {
    word.chars().last().is_some_and(|c| OPENING.contains(c))
}

/// Wraps as `wrap` does into at most `rows` lines; when the text needs more, the last line
/// shown ends with an ellipsis, so a cut is always seen.
pub fn wrap_cut(text: &str, width: usize, rows: usize) -> Vec<String> {
    cut(wrap(text, width), width, rows)
}

/// Wrapped `lines` kept to at most `rows`, the last one shown ending with an ellipsis when
/// some were left out.
pub fn cut(mut lines: Vec<String>, width: usize, rows: usize) -> Vec<String> {
    if lines.len() > rows.max(1) {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut() {
            let keep = truncate(last, width.saturating_sub(1));
            *last = format!("{}…", keep.trim_end_matches('…'));
        }
    }
    lines
}

/// An editor's lines laid into rows of at most `width` columns, broken anywhere (an editor
/// shows each character where it was typed, so nothing is hidden past the right edge), and
/// where the cursor (line, character) lands among them: (rows, (row, column)).
pub fn editor_rows(
    lines: &[String],
    cursor: (usize, usize),
    width: usize,
) -> (Vec<String>, (usize, usize)) {
    let width = width.max(2);
    let mut rows = Vec::new();
    let mut at = (0, 0);
    for (n, line) in lines.iter().enumerate() {
        let mut row = String::new();
        let mut row_w = 0;
        for (i, c) in line.chars().enumerate() {
            let cw = c.width().unwrap_or(0);
            if row_w + cw > width {
                rows.push(std::mem::take(&mut row));
                row_w = 0;
            }
            if (n, i) == cursor {
                at = (rows.len(), row_w);
            }
            row.push(c);
            row_w += cw;
        }
        if n == cursor.0 && cursor.1 >= line.chars().count() {
            // After the last character; on a row of its own when this one is full.
            if row_w >= width {
                rows.push(std::mem::take(&mut row));
                row_w = 0;
            }
            at = (rows.len(), row_w);
        }
        rows.push(row);
    }
    (rows, at)
}

/// Cuts `text` to at most `width` columns, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tail_never_stands_alone_on_the_last_line() {
        let text = "All source code of the system is kept in it.";
        assert_eq!(wrap(&format!("{text} ‹demo›"), 44), vec![text, "‹demo›"]);
        assert_eq!(
            wrap_with_tail(text, "‹demo›", 44),
            vec!["All source code of the system is kept in", "it. ‹demo›"]
        );
        // Fits: nothing moves; no room to move a word: the tail stays where it was.
        assert_eq!(wrap_with_tail("Short.", "‹doc›", 20), vec!["Short. ‹doc›"]);
        assert_eq!(
            wrap_with_tail("Unbreakable", "‹doc|demo›", 11),
            vec!["Unbreakable", "‹doc|demo›"]
        );
        // Wide text has no spaces: its last character moves.
        assert_eq!(
            wrap_with_tail("源代码都在版本控制中", "‹文档›", 20),
            vec!["源代码都在版本控制", "中 ‹文档›"]
        );
    }

    #[test]
    fn wraps_words_and_wide_text_by_display_width() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("版本控制系统", 4), vec!["版本", "控制", "系统"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a\nb", 5), vec!["a", "b"]);
        for line in wrap("团队统一使用同一个共享的版本控制系统 with words", 5) {
            assert!(line.width() <= 5, "{line:?}");
        }
    }

    #[test]
    fn a_chinese_tag_is_never_split() {
        // From the width of the tag itself (6 columns); narrower, nothing can keep it whole.
        for width in 6..30 {
            let lines = wrap_with_tail("评审记录保存在平台上并可以按需申请。", "‹演示›", width);
            assert!(
                lines.iter().any(|l| l.contains("‹演示›")),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_closing_mark_never_starts_a_line_and_an_opening_one_never_ends_one() {
        let text = "评审记录保存在平台上并可以按需申请。配置（含密钥）统一管理，变更可追溯。";
        // From two wide characters a line (narrower, a mark has nothing to stay with).
        for width in 4..40 {
            let lines = wrap(text, width);
            for (i, line) in lines.iter().enumerate() {
                let first = line.chars().next().unwrap_or(' ');
                assert!(
                    !is_closing(first),
                    "{width}: line {i} {line:?} in {lines:?}"
                );
                let last = line.chars().last().unwrap_or(' ');
                assert!(!OPENING.contains(last), "{width}: line {i} {line:?}");
                assert!(line.width() <= width, "{width}: {line:?}");
            }
            assert_eq!(lines.concat(), text, "{width}: nothing lost");
        }
        // The character before the mark moves down with it.
        assert_eq!(wrap("按需申请。", 8), vec!["按需申", "请。"]);
        assert_eq!(wrap("见（附件）", 4), vec!["见", "（附", "件）"]);
        // The tag follows the sentence with its full stop.
        assert_eq!(
            wrap_with_tail("评审记录按需申请。", "‹演示›", 18),
            vec!["评审记录按需申", "请。 ‹演示›"]
        );
    }

    #[test]
    fn an_editor_shows_every_character_and_finds_its_cursor() {
        let lines = vec!["配置回滚只覆盖代码".to_string(), "ok".to_string()];
        let (rows, at) = editor_rows(&lines, (0, 5), 8);
        assert_eq!(rows, vec!["配置回滚", "只覆盖代", "码", "ok"]);
        assert_eq!(
            at,
            (1, 2),
            "the sixth character is the second on the second row"
        );
        assert_eq!(
            editor_rows(&lines, (1, 2), 8).1,
            (3, 2),
            "after the last character"
        );
        let full = vec!["abcd".to_string()];
        assert_eq!(
            editor_rows(&full, (0, 4), 4),
            (vec!["abcd".into(), String::new()], (1, 0))
        );
        assert_eq!(rows.concat(), lines.concat(), "nothing lost");
    }

    #[test]
    fn a_cut_wrapped_text_ends_with_an_ellipsis() {
        assert_eq!(
            wrap_cut("one two three four", 9, 2),
            vec!["one two", "three…"]
        );
        assert_eq!(wrap_cut("one two", 9, 2), vec!["one two"]);
        assert_eq!(wrap_cut("版本控制系统配置", 4, 2), vec!["版本", "控…"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("版本控制", 5), "版本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
