//! The history as a value that may still be text. Opening a session parses everything else
//! first; the history (a year of work is 100,000 entries, nearly all of the file) is parsed
//! on first use, or on a second core as soon as the workbench opens. Every read of it waits
//! for that parse, so nothing can see, change or save a history that is not all there.

use std::ops::{Deref, DerefMut, Range};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Change;

/// Why a history kept as text could not be parsed: where, in the file's own lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryDamage {
    pub line: usize,
    pub column: usize,
    pub message: crate::textfile::TextProblem,
}

type Parsed = Result<Vec<Change>, HistoryDamage>;

/// The history's text inside the file's text, still to be parsed.
struct Text {
    file: Arc<String>,
    value: Range<usize>,
}

enum Pending {
    Text(Text),
    Parsing(JoinHandle<Parsed>),
}

/// A session's audit trail: a `Vec<Change>` to every reader (through `Deref`), parsed when
/// first needed.
#[derive(Default)]
pub struct History {
    entries: OnceLock<Vec<Change>>,
    pending: Mutex<Option<Pending>>,
    damage: OnceLock<HistoryDamage>,
}

impl History {
    /// A history still in the file's text (`value` is its `[` … `]`).
    pub(crate) fn unparsed(file: Arc<String>, value: Range<usize>) -> Self {
        Self {
            pending: Mutex::new(Some(Pending::Text(Text { file, value }))),
            ..Self::default()
        }
    }

    /// The whole file's text while the history is still unparsed in it (what was read).
    pub fn source(&self) -> Option<Arc<String>> {
        match &*self.pending.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(Pending::Text(text)) => Some(text.file.clone()),
            _ => None,
        }
    }

    /// Starts parsing on another thread, so the history is ready when first needed.
    pub fn parse_in_background(&self) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(Pending::Text(text)) = pending.take() {
            *pending = Some(Pending::Parsing(std::thread::spawn(move || text.parse())));
        }
    }

    /// For `skip_serializing_if`: an empty history is left out of the file.
    pub fn is_empty_history(&self) -> bool {
        self.entries().is_empty()
    }

    /// True until the history has been parsed (it is read as text until first needed).
    pub fn is_parsed(&self) -> bool {
        self.entries.get().is_some()
    }

    /// Why the history could not be read, if it could not: it then reads as empty, and a
    /// session with a damaged history is never saved (that would lose it).
    pub fn damage(&self) -> Option<&HistoryDamage> {
        self.entries();
        self.damage.get()
    }

    fn entries(&self) -> &Vec<Change> {
        self.entries.get_or_init(|| {
            let pending = self
                .pending
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            let parsed = match pending {
                None => Ok(Vec::new()),
                Some(Pending::Text(text)) => text.parse(),
                Some(Pending::Parsing(thread)) => thread.join().unwrap_or(Err(HistoryDamage {
                    line: 1,
                    column: 1,
                    message: crate::textfile::TextProblem::HistoryUnreadable,
                })),
            };
            parsed.unwrap_or_else(|damage| {
                let _ = self.damage.set(damage);
                Vec::new()
            })
        })
    }
}

impl Text {
    fn parse(self) -> Parsed {
        let value = &self.file[self.value.clone()];
        let mut entries: Vec<Change> = ron::Options::default().from_str(value).map_err(|e| {
            let before = &self.file[..self.value.start];
            let line = memchr::memchr_iter(b'\n', before.as_bytes()).count();
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            let column = if e.span.start.line == 1 {
                self.value.start - line_start + e.span.start.col
            } else {
                e.span.start.col
            };
            HistoryDamage {
                line: line + e.span.start.line,
                column,
                message: e.code.into(),
            }
        })?;
        super::super::ids::assign_history_ids(&mut entries);
        Ok(entries)
    }
}

impl From<Vec<Change>> for History {
    fn from(entries: Vec<Change>) -> Self {
        Self {
            entries: OnceLock::from(entries),
            ..Self::default()
        }
    }
}

impl Deref for History {
    type Target = Vec<Change>;

    fn deref(&self) -> &Vec<Change> {
        self.entries()
    }
}

impl DerefMut for History {
    fn deref_mut(&mut self) -> &mut Vec<Change> {
        self.entries();
        self.entries.get_mut().expect("parsed just above")
    }
}

impl<'a> IntoIterator for &'a History {
    type Item = &'a Change;
    type IntoIter = std::slice::Iter<'a, Change>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries().iter()
    }
}

impl<'a> IntoIterator for &'a mut History {
    type Item = &'a mut Change;
    type IntoIter = std::slice::IterMut<'a, Change>;

    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl Clone for History {
    fn clone(&self) -> Self {
        let copy = Self::from(self.entries().clone());
        if let Some(damage) = self.damage.get() {
            let _ = copy.damage.set(damage.clone());
        }
        copy
    }
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.entries() == other.entries()
    }
}

impl PartialEq<Vec<Change>> for History {
    fn eq(&self, other: &Vec<Change>) -> bool {
        self.entries() == other
    }
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.entries().fmt(f)
    }
}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Change>::deserialize(deserializer).map(Self::from)
    }
}
