//! Word wrapping by display width: breaks at spaces, and anywhere inside runs of wide (CJK)
//! characters, which have no spaces between words.

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
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
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
        _ => before.char_indices().last().map_or(0, |(at, _)| at),
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

/// Splits into words, single spaces, and single wide characters; a tag in `‹…›` (such as
/// `‹演示›`) is one word even when it is made of wide characters, so it is never split.
fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
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
                out.push(&text[start..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
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
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("版本控制", 5), "版本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
