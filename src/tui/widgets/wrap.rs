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

/// Splits into words, single spaces, and single wide characters.
fn split_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if c == ' ' || wide {
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
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("版本控制", 5), "版本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
