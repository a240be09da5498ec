//! Text typed by people (titles, names, notes) may hold control characters: an escape
//! sequence printed raw can clear the screen, write the clipboard (OSC 52) or hide a link
//! (OSC 8), and a line break or tab in a title can forge a row of tab-separated output.
//! Everything the command line prints goes through `SafeWriter`, which shows each control
//! character as a visible `\u001b` instead of sending it; `tsv_field` escapes a field of
//! tab-separated output so that one value stays one field on one row.

use std::io::{self, Write};

/// Control characters a terminal would act on: C0 but line feed and tab, DEL, and C1.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// `\u001b`: the JSON spelling, so a JSON document stays valid JSON.
fn visible(c: char, out: &mut String) {
    out.push_str(&format!("\\u{:04x}", u32::from(c)));
}

/// The text with every unsafe control character shown as `\uXXXX`.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            visible(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// One field of tab-separated output: `\`, tab and line breaks escaped (`\\`, `\t`, `\n`,
/// `\r`), other control characters shown as `\uXXXX`.
pub fn tsv_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => visible(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

/// A writer that passes text through with unsafe control characters made visible (a carriage
/// return before a line feed is kept, so CSV's CRLF lines survive). Bytes that are not UTF-8
/// pass unchanged; a character split between two writes is held until its end arrives.
pub struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, bytes: &[u8], at_end: bool) -> io::Result<usize> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let next = bytes.get(i + 1).copied();
            // Held back: a lone last byte that may start a CRLF or a C1 character.
            if next.is_none() && !at_end && (b == b'\r' || b == 0xc2) {
                break;
            }
            if b == b'\r' && next == Some(b'\n') {
                out.extend_from_slice(b"\r\n");
                i += 2;
                continue;
            }
            if b == 0xc2 && next.is_some_and(|n| (0x80..=0x9f).contains(&n)) {
                out.extend_from_slice(format!("\\u{:04x}", next.unwrap_or(0)).as_bytes());
                i += 2;
                continue;
            }
            if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
            } else {
                out.push(b);
            }
            i += 1;
        }
        self.inner.write_all(&out)?;
        Ok(i)
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let done = self.emit(&bytes, false)?;
        self.pending = bytes[done..].to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let bytes = std::mem::take(&mut self.pending);
        self.emit(&bytes, true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Prints a line to standard error, cleaned; a closed or broken stderr is ignored (a message
/// nobody can read is no reason to crash).
pub fn warn(line: &str) {
    let mut err = SafeWriter::new(io::stderr().lock());
    let _ = writeln!(err, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out);
            for p in parts {
                w.write_all(p).expect("write");
            }
        }
        out
    }

    #[test]
    fn escapes_become_visible_and_text_passes() {
        let hostile = "t\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}x 中文\n\tok\r\n";
        let out = String::from_utf8(through(&[hostile.as_bytes()])).expect("utf-8");
        assert_eq!(
            out,
            "t\\u001b]52;c;aGk=\\u0007\\u001b[2J\\u009bx 中文\n\tok\r\n"
        );
        assert_eq!(out, clean(hostile).replace("\\u000d\n", "\r\n"));
    }

    #[test]
    fn a_c1_character_or_crlf_split_across_writes_is_still_seen() {
        let out = through(&[b"a\xc2", b"\x9bb\r", b"\nc\r", b"d"]);
        assert_eq!(out, b"a\\u009bb\r\nc\\u000dd");
    }

    #[test]
    fn tsv_fields_cannot_forge_rows_or_columns() {
        assert_eq!(tsv_field("a\tb\nc\\d\u{1b}"), "a\\tb\\nc\\\\d\\u001b");
    }
}
