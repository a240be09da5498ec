//! A fast reader for the history's text, `[ Change(…), … ]`, as our own serializer writes it.
//!
//! RON reads strings character by character through serde; a year of work is 100,000 entries
//! and the merge driver reads two histories of 5,000, so that parse is a large part of their
//! time. A `Change` has a fixed, flat shape (eight strings), which a small byte scanner reads
//! directly. It gives exactly what RON gives for every text it accepts and `None` for anything
//! it does not expect (comments, unknown, missing or repeated fields, other escapes, other
//! struct names, …): the caller then parses with RON, whose errors name line and column.

use memchr::{memchr2, memmem};

use super::Change;

/// The fields of a `Change`, in the order `build` takes them.
const FIELDS: [&str; 8] = ["id", "at", "by", "target", "field", "old", "new", "via"];

/// The history's `[ … ]` value as RON would read it, or `None` where it is not sure.
pub fn parse_changes(text: &str) -> Option<Vec<Change>> {
    let mut s = Scanner { text, i: 0 };
    s.skip_ws();
    s.expect(b'[')?;
    let mut changes = Vec::new();
    loop {
        s.skip_ws();
        if s.eat(b']') {
            break;
        }
        changes.push(s.change()?);
        s.skip_ws();
        match s.next()? {
            b',' => {}
            b']' => break,
            _ => return None,
        }
    }
    s.skip_ws();
    (s.i == text.len()).then_some(changes)
}

struct Scanner<'a> {
    text: &'a str,
    /// The next byte to read (on a character boundary wherever the text is sliced: only
    /// ASCII bytes are stepped over one by one, and a non-ASCII one ends the reading).
    i: usize,
}

impl<'a> Scanner<'a> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes().get(self.i)?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.bytes().get(self.i) == Some(&b);
        self.i += usize::from(found);
        found
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// ASCII white space only (RON has a few more, and comments: those are left to RON).
    fn skip_ws(&mut self) {
        while matches!(self.bytes().get(self.i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    /// An ASCII identifier; one RON reads on (a non-ASCII letter follows) is then refused by
    /// what the caller expects next.
    fn ident(&mut self) -> &'a [u8] {
        let start = self.i;
        while self
            .bytes()
            .get(self.i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.i += 1;
        }
        &self.text.as_bytes()[start..self.i]
    }

    /// `Change( name: "…", … )`, the struct name optional, fields in any order.
    fn change(&mut self) -> Option<Change> {
        if self.bytes()[self.i..].starts_with(b"Change") {
            self.i += "Change".len();
            self.skip_ws();
        }
        self.expect(b'(')?;
        let mut values: [Option<String>; 8] = Default::default();
        loop {
            self.skip_ws();
            if self.eat(b')') {
                break;
            }
            let name = self.ident();
            let slot = FIELDS.iter().position(|f| f.as_bytes() == name)?;
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            let value = self.string()?;
            if values[slot].replace(value).is_some() {
                return None; // RON refuses a duplicate field
            }
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b')' => break,
                _ => return None,
            }
        }
        build(values)
    }

    fn string(&mut self) -> Option<String> {
        match self.next()? {
            b'"' => self.quoted(),
            b'r' => self.raw(),
            _ => None,
        }
    }

    /// A quoted string after its `"`: plain text up to the next `"` or `\`, then escapes.
    fn quoted(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let rest = &self.bytes()[self.i..];
            let at = memchr2(b'"', b'\\', rest)?;
            let stop = rest[at];
            out.push_str(&self.text[self.i..self.i + at]);
            self.i += at + 1;
            if stop == b'"' {
                return Some(out);
            }
            out.push(self.escape()?);
        }
    }

    /// One escape after its `\`: those Rust's `escape_debug` writes (RON's `escape_strings`).
    /// Byte escapes `\x..` and line continuations are left to RON.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => return self.unicode(),
            _ => return None,
        })
    }

    /// `{…}` of a `\u{…}` escape: one to six hex digits naming a character.
    fn unicode(&mut self) -> Option<char> {
        self.expect(b'{')?;
        let rest = &self.bytes()[self.i..];
        let digits = rest.iter().take(7).position(|b| *b == b'}')?;
        let hex = &self.text[self.i..self.i + digits];
        if digits == 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.i += digits + 1;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// A raw string after its `r`: `#…#"…"#…#`, ending at the first quote with as many hashes.
    fn raw(&mut self) -> Option<String> {
        let hashes = self.bytes()[self.i..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.i += hashes;
        self.expect(b'"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        let len = memmem::find(&self.bytes()[self.i..], end.as_bytes())?;
        let value = self.text[self.i..self.i + len].to_string();
        self.i += len + end.len();
        Some(value)
    }
}

/// A `Change` from its fields: `at`, `by`, `target` and `field` are required, as in its
/// `Deserialize`; the others default to empty.
fn build(values: [Option<String>; 8]) -> Option<Change> {
    let [id, at, by, target, field, old, new, via] = values;
    Some(Change {
        id: id.unwrap_or_default(),
        at: at?,
        by: by?,
        target: target?,
        field: field?,
        old: old.unwrap_or_default(),
        new: new.unwrap_or_default(),
        via: via.unwrap_or_default(),
    })
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
