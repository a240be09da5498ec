//! Finding the history inside a session's text without parsing it, so a session opens on
//! everything else first (a year's history is nearly all of the file and of the parse).
//!
//! A small RON tokenizer: strings (plain and raw), characters, comments and brackets are
//! skipped correctly, so text inside a note can never be mistaken for the field. Anything it
//! does not expect makes it give up, and the caller parses the whole file as before.

use std::ops::Range;

/// Where the top-level `history` field of a session lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The whole field: from its name to after the comma that follows its value.
    pub field: Range<usize>,
    /// Its value, `[` … `]`.
    pub value: Range<usize>,
}

/// Finds the top-level `history: [ … ]` field. Sessions written since history is stored last
/// are found by reading the file's head and its last bytes only; older layouts are scanned
/// through the history to its end.
pub fn find(text: &str) -> Option<Split> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let (key, open) = s.find_key()?;
    let close = list_end(&s.b[open + 1..])
        .map(|at| open + 1 + at)
        .or_else(|| s.matching(open))?;
    s.i = close + 1;
    s.skip_trivia()?;
    if s.b.get(s.i) == Some(&b',') {
        s.i += 1;
    }
    Some(Split {
        field: key..s.i,
        value: open..close + 1,
    })
}

/// Where the top-level history field starts in the first bytes of a file (its name, and its
/// `[`), without reading further: None when these bytes end before it (or have none).
pub fn find_in_head(head: &[u8]) -> Option<(usize, usize)> {
    Scanner { b: head, i: 0 }.find_key()
}

/// The history's `]` among the file's last bytes, when history is the session's last field
/// (as this build writes it): `] ,? )` and white space only after it, and an element list
/// that ends in `)` (or is empty) before it, so the bracket cannot be another field's. Also
/// where the field ends (after its comma). Positions are in `tail`, which must start after
/// the history's `[`.
pub fn list_end_in_tail(tail: &[u8]) -> Option<(usize, usize)> {
    let close = list_end(tail)?;
    let mut end = close + 1;
    while tail.get(end).is_some_and(u8::is_ascii_whitespace) {
        end += 1;
    }
    if tail.get(end) == Some(&b',') {
        end += 1;
    }
    Some((close, end))
}

/// See `list_end_in_tail`: the `]` in `b`, the bytes after a history's `[`.
fn list_end(b: &[u8]) -> Option<usize> {
    let mut j = b.len();
    let mut back = |want: Option<u8>| -> Option<()> {
        while j > 0 && b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        match want {
            Some(c) if j > 0 && b[j - 1] == c => {
                j -= 1;
                Some(())
            }
            Some(_) => None,
            None => {
                if j > 0 && b[j - 1] == b',' {
                    j -= 1;
                }
                Some(())
            }
        }
    };
    back(Some(b')'))?;
    back(None)?;
    back(Some(b']'))?;
    let close = j;
    // An element list ends in `)` (or is empty): anything else is another field's value.
    let before = b[..close]
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace() && **c != b',');
    matches!(before, None | Some(b')')).then_some(close)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    /// The top-level `history` field's name and its `[`, scanning tokens from the start.
    fn find_key(&mut self) -> Option<(usize, usize)> {
        let mut depth = 0usize;
        let mut in_session = false;
        let mut expect_key = false;
        loop {
            self.skip_trivia()?;
            let &c = self.b.get(self.i)?;
            match c {
                b'(' | b'[' | b'{' => {
                    if depth == 0 && c == b'(' {
                        in_session = true;
                        expect_key = true;
                    } else {
                        expect_key = false;
                    }
                    depth += 1;
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 && in_session {
                        return None; // the session ended without a history
                    }
                    self.i += 1;
                }
                b',' => {
                    expect_key = depth == 1 && in_session;
                    self.i += 1;
                }
                b'"' | b'\'' => {
                    self.skip_literal()?;
                    expect_key = false;
                }
                c if is_ident(c) => {
                    let start = self.i;
                    if self.skip_raw_string()? {
                        expect_key = false;
                        continue;
                    }
                    while self.b.get(self.i).is_some_and(|&c| is_ident(c)) {
                        self.i += 1;
                    }
                    if expect_key && depth == 1 && &self.b[start..self.i] == b"history" {
                        return self.list_open().map(|open| (start, open));
                    }
                    expect_key = false;
                }
                _ => {
                    expect_key = false;
                    self.i += 1;
                }
            }
        }
    }

    /// After the field's name: `: [`, and where that `[` is.
    fn list_open(&mut self) -> Option<usize> {
        self.skip_trivia()?;
        self.eat(b':')?;
        self.skip_trivia()?;
        let open = self.i;
        self.eat(b'[')?;
        Some(open)
    }

    /// The index of the bracket closing the one at `open`, scanning every token between.
    fn matching(&mut self, open: usize) -> Option<usize> {
        self.i = open + 1;
        let mut depth = 1usize;
        loop {
            self.skip_trivia()?;
            let &c = self.b.get(self.i)?;
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return (c == b']').then_some(self.i);
                    }
                }
                b'"' | b'\'' => {
                    self.skip_literal()?;
                    continue;
                }
                c if is_ident(c) => {
                    if !self.skip_raw_string()? {
                        while self.b.get(self.i).is_some_and(|&c| is_ident(c)) {
                            self.i += 1;
                        }
                    }
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// White space and comments (`//` to the line's end, `/* */` nested).
    fn skip_trivia(&mut self) -> Option<()> {
        loop {
            while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
                self.i += 1;
            }
            match (self.b.get(self.i), self.b.get(self.i + 1)) {
                (Some(b'/'), Some(b'/')) => {
                    self.i = memchr::memchr(b'\n', &self.b[self.i..])
                        .map_or(self.b.len(), |n| self.i + n);
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut nest = 0usize;
                    loop {
                        match (self.b.get(self.i)?, self.b.get(self.i + 1)) {
                            (b'/', Some(b'*')) => {
                                nest += 1;
                                self.i += 2;
                            }
                            (b'*', Some(b'/')) => {
                                nest -= 1;
                                self.i += 2;
                                if nest == 0 {
                                    break;
                                }
                            }
                            _ => self.i += 1,
                        }
                    }
                }
                _ => return Some(()),
            }
        }
    }

    /// A `"string"` (with escapes) or a `'c'` character, from its opening quote.
    fn skip_literal(&mut self) -> Option<()> {
        let quote = self.b[self.i];
        self.i += 1;
        loop {
            let n = memchr::memchr2(quote, b'\\', &self.b[self.i..])?;
            self.i += n;
            if self.b[self.i] == b'\\' {
                self.i += 2;
            } else {
                self.i += 1;
                return Some(());
            }
        }
    }

    /// A raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at an identifier: skipped, true.
    fn skip_raw_string(&mut self) -> Option<bool> {
        let mut j = self.i;
        if self.b.get(j) == Some(&b'b') {
            j += 1;
        }
        if self.b.get(j) != Some(&b'r') {
            return Some(false);
        }
        j += 1;
        let hashes = self.b[j..].iter().take_while(|&&c| c == b'#').count();
        j += hashes;
        if self.b.get(j) != Some(&b'"') {
            return Some(false);
        }
        j += 1;
        loop {
            let n = memchr::memchr(b'"', &self.b[j..])?;
            j += n + 1;
            if self.b[j..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
            {
                self.i = j + hashes;
                return Some(true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Option<(String, &str)> {
        let split = find(text)?;
        let rest = format!("{}{}", &text[..split.field.start], &text[split.field.end..]);
        Some((rest, &text[split.value]))
    }

    #[test]
    fn finds_the_history_last_or_among_other_fields() {
        let last = "#![enable(implicit_some)]\nSession(\n    format: 3,\n    history: [\n        (a: 1),\n    ],\n)\n";
        let (rest, value) = cut(last).expect("found");
        assert_eq!(value, "[\n        (a: 1),\n    ]");
        assert_eq!(
            rest,
            "#![enable(implicit_some)]\nSession(\n    format: 3,\n    \n)\n"
        );
        let middle = "Session(format: 3, history: [(a: \"])\")], parts: [\"x\"])";
        let (rest, value) = cut(middle).expect("found");
        assert_eq!(value, "[(a: \"])\")]");
        assert_eq!(rest, "Session(format: 3,  parts: [\"x\"])");
    }

    #[test]
    fn text_that_only_looks_like_the_field_is_skipped() {
        let text = concat!(
            "Session(\n    note: \"\n    history: [\",\n",
            "    // history: [\n    /* history: [ /* nested */ ] */\n",
            "    raw: r#\"history: [\"# ,\n    c: '\"',\n",
            "    answers: { \"x\": (history: []) },\n",
            "    history: [],\n)",
        );
        let (rest, value) = cut(text).expect("found");
        assert_eq!(value, "[]");
        assert!(rest.contains("answers: { \"x\": (history: []) },\n    \n)"));
    }

    #[test]
    fn no_history_or_unreadable_text_gives_up() {
        assert_eq!(find("Session(format: 3, parts: [])"), None);
        assert_eq!(
            find("Session(history: [(a: \"unterminated)], parts: [])"),
            None
        );
        assert_eq!(find("Session(format: 3, history: 3)"), None);
    }
}
