//! The history as a value that may still be text. Opening a session parses everything else
//! first; the history (a year of work is 100,000 entries, nearly all of the file) is parsed
//! on first use, or on a second core as soon as the workbench opens. Every read of it waits
//! for that parse, so nothing can see, change or save a history that is not all there.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
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
    file: Arc<FileText>,
    value: Range<usize>,
}

/// A session file's text: read whole, or read up to its history with the rest still to read
/// (a year of history is most of a file the first frame needs none of). Whoever needs the
/// whole text first reads the rest; others wait for it.
pub struct FileText {
    text: OnceLock<Result<Arc<String>, HistoryDamage>>,
    unread: Mutex<Option<Unread>>,
}

/// The file still open after its head was read, and where its history was found.
pub(crate) struct Unread {
    pub file: File,
    pub head: Vec<u8>,
    pub size: usize,
    pub value: Range<usize>,
}

impl FileText {
    /// A file read whole.
    pub(crate) fn whole(text: Arc<String>) -> Arc<Self> {
        Arc::new(Self {
            text: OnceLock::from(Ok(text)),
            unread: Mutex::new(None),
        })
    }

    /// A file read up to its history.
    pub(crate) fn partly(unread: Unread) -> Arc<Self> {
        Arc::new(Self {
            text: OnceLock::new(),
            unread: Mutex::new(Some(unread)),
        })
    }

    /// The whole text, reading the rest of the file first if nobody has yet.
    pub fn get(&self) -> Result<Arc<String>, HistoryDamage> {
        self.text
            .get_or_init(|| {
                let unread = self.unread.lock().unwrap_or_else(|e| e.into_inner()).take();
                unread.map_or_else(|| Err(changed()), Unread::finish)
            })
            .clone()
    }
}

impl std::fmt::Debug for FileText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileText")
            .field("read", &self.text.get().is_some())
            .finish()
    }
}

impl Unread {
    /// Reads the rest from the open file (so a file replaced meanwhile is still the one
    /// read) and checks it is what the head promised: the same size, UTF-8, and its history
    /// where it was found.
    fn finish(self) -> Result<Arc<String>, HistoryDamage> {
        let Unread {
            mut file,
            head,
            size,
            value,
        } = self;
        let mut bytes = head;
        let at = bytes.len() as u64;
        let read = file.seek(SeekFrom::Start(at)).and_then(|_| {
            let more = (size + 1).saturating_sub(bytes.len()) as u64;
            file.take(more).read_to_end(&mut bytes)
        });
        if read.is_err() || bytes.len() != size {
            return Err(changed());
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let (line, column) =
                crate::textfile::line_col(e.as_bytes(), e.utf8_error().valid_up_to());
            HistoryDamage {
                line,
                column,
                message: crate::textfile::TextProblem::NotUtf8,
            }
        })?;
        if super::split::find(&text).map(|s| s.value) != Some(value) {
            return Err(changed());
        }
        Ok(Arc::new(text))
    }
}

/// A file that changed between reading its head and its history (written in place by
/// another program): its history cannot be trusted to belong to the head.
fn changed() -> HistoryDamage {
    HistoryDamage {
        line: 1,
        column: 1,
        message: crate::textfile::TextProblem::ChangedWhileRead,
    }
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
    pub(crate) fn unparsed(file: Arc<FileText>, value: Range<usize>) -> Self {
        Self {
            pending: Mutex::new(Some(Pending::Text(Text { file, value }))),
            ..Self::default()
        }
    }

    /// The whole file's text while the history is still unparsed in it (what was read).
    pub fn source(&self) -> Option<Arc<FileText>> {
        match &*self.pending.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(Pending::Text(text)) => Some(text.file.clone()),
            _ => None,
        }
    }

    /// Starts parsing on another thread, so the history is ready when first needed. Called
    /// again (the workbench calls it after every frame), it leaves a parse under way alone:
    /// dropping it would read the history as empty, and the next save would lose it.
    pub fn parse_in_background(&self) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending = match pending.take() {
            Some(Pending::Text(text)) => {
                Some(Pending::Parsing(std::thread::spawn(move || text.parse())))
            }
            under_way => under_way,
        };
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
    /// The fast reader first; RON for anything it declines, so damage is told as RON tells it.
    fn parse(self) -> Parsed {
        let file = self.file.get()?;
        let value = &file[self.value.clone()];
        let mut entries = match super::fast::parse_changes(value) {
            Some(entries) => entries,
            None => parse_with_ron(&file, value, self.value.start)?,
        };
        super::super::ids::assign_history_ids(&mut entries);
        Ok(entries)
    }
}

/// RON's reading of a history (`value`, at `start` in the file), its damage by file line.
fn parse_with_ron(file: &str, value: &str, start: usize) -> Parsed {
    ron::Options::default().from_str(value).map_err(|e| {
        let before = &file[..start];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count();
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let column = if e.span.start.line == 1 {
            start - line_start + e.span.start.col
        } else {
            e.span.start.col
        };
        HistoryDamage {
            line: line + e.span.start.line,
            column,
            message: e.code.into(),
        }
    })
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
