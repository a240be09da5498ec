//! What is wrong inside a text file `assess` reads (a session, a model, the configuration),
//! kept typed where the parser finds it so each reader is told in their own language
//! (`Lang::text_problem`, in `i18n/parse.rs`).

use std::fmt;

/// One problem found in a file's text; the file and line:column travel beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The file holds nothing (or only white space).
    Empty,
    /// The history's parser stopped before it could say where.
    HistoryUnreadable,
    /// The file changed between reading its head and its history.
    ChangedWhileRead,
    /// What the RON parser found, with the error it made.
    Ron(ron::Error),
}

impl From<ron::Error> for TextProblem {
    fn from(e: ron::Error) -> Self {
        TextProblem::Ron(e)
    }
}

/// English, for logs and error chains; people read `Lang::text_problem`.
impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::NotUtf8 => f.write_str("the file is not UTF-8 text"),
            TextProblem::Empty => f.write_str("the file is empty"),
            TextProblem::HistoryUnreadable => f.write_str("the history could not be read"),
            TextProblem::ChangedWhileRead => {
                f.write_str("the file changed while it was being read")
            }
            TextProblem::Ron(e) => e.fmt(f),
        }
    }
}

/// The message a map with a key written twice fails with (`unique_keys` makes it); `key` is
/// the key as written, quoted.
pub fn duplicate_key(key: &str) -> String {
    format!("{DUPLICATE_KEY}{key}{DUPLICATE_KEY_END}")
}

use crate::unique_keys::{DUPLICATE_KEY, DUPLICATE_KEY_END};

/// The message an answer id that cannot be one fails with; `id` is quoted.
pub fn bad_answer_id(id: &str, max: usize) -> String {
    format!("{id}{BAD_ANSWER_ID}{max}{BAD_ANSWER_ID_END}")
}

const BAD_ANSWER_ID: &str =
    " cannot be an answer id (letters, digits, '_', '-', '.', '+'; at most ";
const BAD_ANSWER_ID_END: &str = " bytes)";

/// What serde says a value should be (`Expected`) or was (`Unexpected`), as our texts name
/// it: serde's phrase, then the index into `Parse::kinds`.
const KINDS: &[(&str, usize)] = &[
    ("a string", 0),
    ("string", 0),
    ("the string ", 0),
    ("a borrowed string", 0),
    ("u8", 1),
    ("u16", 1),
    ("u32", 1),
    ("u64", 1),
    ("usize", 1),
    ("i8", 1),
    ("i16", 1),
    ("i32", 1),
    ("i64", 1),
    ("isize", 1),
    ("the unsigned integer ", 1),
    ("the signed integer ", 1),
    ("f32", 2),
    ("f64", 2),
    ("the floating point number ", 2),
    ("a boolean", 3),
    ("the boolean ", 3),
    ("a character", 4),
    ("char", 4),
    ("the UTF-8 character ", 4),
    ("a sequence", 5),
    ("a map", 6),
    ("a map with unique keys", 6),
    ("option", 7),
    ("an optional value", 7),
    ("unit", 8),
    ("a unit value", 8),
    ("an answer id such as Met", 9),
    ("an answer id", 9),
    ("struct ", 10),
    ("enum ", 11),
    ("a unit variant", 11),
    ("variant identifier", 11),
    ("field identifier", 12),
];

/// A serde phrase for a kind of value (`a string`, `the unsigned integer `5``, `struct
/// Answer`) as the index into `Parse::kinds` and the value or name it carries ("" if none).
pub fn value_kind(phrase: &str) -> Option<(usize, &str)> {
    let (serde, i) = KINDS.iter().find(|(serde, _)| {
        phrase == *serde || (serde.ends_with(' ') && phrase.starts_with(serde))
    })?;
    Some((*i, phrase[serde.len()..].trim_matches('`')))
}

/// One of our own deserializers' messages, read back from the text serde carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Custom<'a> {
    /// `duplicate_key`: the key, quoted.
    DuplicateKey(&'a str),
    /// `bad_answer_id`: the id, quoted, and the most bytes an id may have.
    BadAnswerId { id: &'a str, max: &'a str },
}

/// Reads a message made by `duplicate_key` or `bad_answer_id`; None for any other.
pub fn custom(message: &str) -> Option<Custom<'_>> {
    if let Some(key) = message
        .strip_prefix(DUPLICATE_KEY)
        .and_then(|m| m.strip_suffix(DUPLICATE_KEY_END))
    {
        return Some(Custom::DuplicateKey(key));
    }
    let (id, rest) = message.split_once(BAD_ANSWER_ID)?;
    let max = rest.strip_suffix(BAD_ANSWER_ID_END)?;
    Some(Custom::BadAnswerId { id, max })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_own_messages_read_back() {
        let dup = duplicate_key("\"E1\"");
        assert_eq!(
            dup,
            "the key \"E1\" appears twice; keep one entry (nothing was dropped)"
        );
        assert_eq!(custom(&dup), Some(Custom::DuplicateKey("\"E1\"")));
        let id = bad_answer_id("\"a b\"", 64);
        assert!(id.starts_with("\"a b\" cannot be an answer id"));
        let max = "64";
        assert_eq!(
            custom(&id),
            Some(Custom::BadAnswerId { id: "\"a b\"", max })
        );
        assert_eq!(custom("anything else"), None);
    }

    #[test]
    fn serde_kinds_keep_their_values() {
        assert_eq!(value_kind("a string"), Some((0, "")));
        assert_eq!(value_kind("the unsigned integer `5`"), Some((1, "5")));
        assert_eq!(value_kind("struct Answer"), Some((10, "Answer")));
        assert_eq!(value_kind("something new"), None);
    }
}
