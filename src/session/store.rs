//! Session files on disk: atomic, durable saves with a backup of the previous version, and
//! loading that reports damage precisely and never writes to a file it could not read.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::safe_fs::{
    create_new_private, open_read_no_follow, real_session_path, sibling, temp_sibling,
};
use super::{FORMAT_VERSION, Session};
use crate::textfile::{
    Capped, MAX_FILE_BYTES, Opened, TextProblem, human_size, open_capped, read_rest, utf8_text,
};

/// Why a session could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("no session {spec:?}: looked for {}", path.display())]
    NotFound { spec: String, path: PathBuf },
    #[error(
        "{}:{line}:{column}: the session file is damaged: {message}{}\nThe file was not changed.",
        path.display(),
        backup_hint(path)
    )]
    Damaged {
        path: PathBuf,
        line: usize,
        column: usize,
        message: TextProblem,
    },
    #[error(
        "{}: written by a newer assess (session format {found}; this build reads up to {FORMAT_VERSION}). Update assess to open it; the file was not changed.",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
    #[error(
        "{}: the file is {}, larger than any session (the limit is {}); it is probably not a session file. The file was not read or changed.",
        path.display(),
        crate::textfile::human_size(*size),
        crate::textfile::human_size(*limit)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}: the session would be {}, over the {} that assess reads back (it could not be opened again), so it was not saved. The edit is kept in memory: shorten a long note (or split the session) and it saves.",
        path.display(),
        human_size(*size),
        human_size(*limit)
    )]
    TooLargeToSave {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The file changed under this writer (or its lock was lost): it was not overwritten.
    #[error(
        "{}: not written over, because {reason}. Your edits are kept here and were saved to {}; compare the two, then reopen the session.",
        path.display(),
        side.display()
    )]
    Conflict {
        path: PathBuf,
        side: PathBuf,
        reason: super::ConflictReason,
    },
    /// A write refused before anything was touched (why, and what to do instead).
    #[error("{}: {reason}", path.display())]
    Refused { path: PathBuf, reason: Refusal },
    #[error(
        "{}: {count} merge conflict(s) remain; resolve them first (`assess conflicts`, `assess resolve` or the workbench)",
        path.display()
    )]
    Conflicts { path: PathBuf, count: usize },
    #[error("{}: {action}", path.display())]
    Io {
        path: PathBuf,
        action: IoAction,
        #[source]
        source: std::io::Error,
    },
}

/// Why a report was not written over a file (`Lang::refusal` words it; `Display` is the
/// English), in `Files::refusals` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The name belongs to a session file (a session, its backup, lock or recovery).
    SessionName,
    /// It exists and is not a regular file.
    NotRegular,
    /// The file is a session.
    IsSession,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::Lang::En.refusal(*self))
    }
}

impl crate::lang::Lang {
    /// Why a report was not written over a file, and what to do, in this language.
    pub fn refusal(self, refusal: Refusal) -> String {
        let t = self.texts().files;
        crate::i18n::fill(t.refused, &[("reason", t.refusals[refusal as usize])])
    }
}

/// What could not be done to a session's file (`Lang::io_action` words it; `Display` is the
/// English). The variants without data are in `Files::actions` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoAction {
    ReadSession,
    CreateTemp,
    WriteTemp,
    KeepBackup,
    Replace,
    FlushDir,
    ListDir,
    AlreadyThere,
    CreateSession,
    WriteSession,
    Read,
    ReadSide,
    /// A file other than the one named (a merge side's temporary copy).
    ReadAt(PathBuf),
    /// The lock was lost and could not be taken again.
    Relock(super::LockStep),
}

impl std::fmt::Display for IoAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::Lang::En.io_action(self))
    }
}

impl crate::lang::Lang {
    /// What could not be done to a session's file, in this language.
    pub fn io_action(self, action: &IoAction) -> String {
        use crate::i18n::fill;
        let t = self.texts().files;
        let plain = [
            IoAction::ReadSession,
            IoAction::CreateTemp,
            IoAction::WriteTemp,
            IoAction::KeepBackup,
            IoAction::Replace,
            IoAction::FlushDir,
            IoAction::ListDir,
            IoAction::AlreadyThere,
            IoAction::CreateSession,
            IoAction::WriteSession,
            IoAction::Read,
            IoAction::ReadSide,
        ];
        match action {
            IoAction::ReadAt(path) => fill(t.read_at, &[("path", &path.display().to_string())]),
            IoAction::Relock(step) => fill(t.relock, &[("step", self.lock_step(*step))]),
            plain_one => {
                let i = plain.iter().position(|a| a == plain_one).unwrap_or(0);
                t.actions[i].to_string()
            }
        }
    }
}

fn backup_hint(path: &Path) -> String {
    let backup = backup_path(path);
    if backup.exists() {
        format!(
            "\nThe previous version is kept in {}: check it with `assess doctor` or open it directly.",
            backup.display()
        )
    } else {
        String::new()
    }
}

impl crate::lang::Lang {
    /// An error's message in this language, without the program's name before it.
    pub fn error_message(self, err: &anyhow::Error) -> String {
        match err
            .chain()
            .find_map(|e| e.downcast_ref::<super::LockError>())
        {
            Some(super::LockError::Held { session, holder }) => {
                let session = session.display().to_string();
                let holder = self.lock_holder(holder);
                let held = self.texts().health.held;
                return crate::i18n::fill(held, &[("session", &session), ("holder", &holder)]);
            }
            Some(super::LockError::Io {
                session,
                action,
                source,
            }) => {
                let values = [
                    ("path", session.display().to_string()),
                    ("step", self.lock_step(*action).to_string()),
                    ("error", self.io_error(source)),
                ];
                let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
                return crate::i18n::fill(self.texts().files.lock_failed, &values);
            }
            None => {}
        }
        // Only an error as it came (no context around it), so nothing said is lost.
        if let Some(text) = err
            .chain()
            .next()
            .and_then(|e| e.downcast_ref::<super::SessionError>())
            .and_then(|e| self.session_error(e))
        {
            return text;
        }
        if let Some(open) = err
            .chain()
            .next()
            .and_then(|e| e.downcast_ref::<super::OpenError>())
        {
            return self.open_error(open);
        }
        match err
            .chain()
            .find_map(|e| e.downcast_ref::<super::EditError>())
        {
            Some(edit) => self.edit_error(edit),
            None => self.chain_message(err),
        }
    }

    /// An error and what was said around it (`cannot write the report: …`), as anyhow's
    /// `{:#}` joins them, with a session, opening or model error below told in this language.
    fn chain_message(self, err: &anyhow::Error) -> String {
        let mut said = Vec::new();
        for e in err.chain() {
            let known = e
                .downcast_ref::<SessionError>()
                .and_then(|e| self.session_error(e))
                .or_else(|| {
                    e.downcast_ref::<super::OpenError>()
                        .map(|e| self.open_error(e))
                })
                .or_else(|| {
                    let e = e.downcast_ref::<crate::model::ModelError>()?;
                    self.model_error(e)
                })
                .or_else(|| e.downcast_ref::<std::io::Error>().map(|e| self.io_error(e)));
            match known {
                Some(text) => {
                    said.push(text);
                    break;
                }
                None => said.push(e.to_string()),
            }
        }
        said.join(self.texts().cli_help.context_separator)
    }

    /// A session that could not be loaded or saved, told in this language; None where the
    /// error's English words are all there is (a refusal's reason, an operating-system error).
    pub fn session_error(self, e: &SessionError) -> Option<String> {
        use crate::i18n::fill;
        let t = self.texts().health;
        let text = match e {
            SessionError::Damaged {
                path,
                line,
                column,
                message,
            } => {
                let backup = backup_path(path);
                let hint = if backup.exists() {
                    fill(t.backup_kept, &[("backup", &backup.display().to_string())])
                } else {
                    String::new()
                };
                fill(
                    t.damaged,
                    &[
                        ("path", &path.display().to_string()),
                        ("line", &line.to_string()),
                        ("column", &column.to_string()),
                        ("message", &self.text_problem(message)),
                        ("hint", &hint),
                    ],
                )
            }
            SessionError::NewerFormat { path, found } => fill(
                t.newer_format,
                &[
                    ("path", &path.display().to_string()),
                    ("found", &found.to_string()),
                    ("max", &FORMAT_VERSION.to_string()),
                ],
            ),
            SessionError::TooLarge { path, size, limit } => fill(
                t.too_large,
                &[
                    ("path", &path.display().to_string()),
                    ("size", &human_size(*size)),
                    ("limit", &human_size(*limit)),
                ],
            ),
            SessionError::Refused { path, reason } => fill(
                self.texts().files.refused_file,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &self.refusal(*reason)),
                ],
            ),
            SessionError::Conflict { path, side, reason } => fill(
                self.texts().files.conflict,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &self.conflict_reason(reason)),
                    ("side", &side.display().to_string()),
                ],
            ),
            SessionError::Io {
                path,
                action,
                source,
            } => fill(
                self.texts().files.failed,
                &[
                    ("path", &path.display().to_string()),
                    ("action", &self.io_action(action)),
                    ("error", &self.io_error(source)),
                ],
            ),
            SessionError::Conflicts { path, count } => fill(
                t.conflicts_remain,
                &[
                    ("path", &path.display().to_string()),
                    ("count", &count.to_string()),
                ],
            ),
            _ => return None,
        };
        Some(text)
    }
}

fn io_error(path: &Path, action: IoAction) -> impl FnOnce(std::io::Error) -> SessionError {
    let path = path.to_path_buf();
    move |source| SessionError::Io {
        path,
        action,
        source,
    }
}

/// `NAME.ron.bak` beside `NAME.ron` (beside the real file when `NAME.ron` is a symbolic
/// link): the previous good version.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(&real_session_path(path), ".bak")
}

/// `NAME.ron.recovered` beside `NAME.ron`: what was in memory when the workbench crashed.
pub fn recovery_path(path: &Path) -> PathBuf {
    sibling(&real_session_path(path), ".recovered")
}

/// Writes a session to its recovery file (owner-only, atomically), or, when the session's
/// folder is gone or not writable, to the platform's data folder; returns where.
pub fn save_recovery(path: &Path, session: &Session) -> Result<PathBuf, SessionError> {
    super::guard::write_somewhere(&recovery_path(path), session_to_string(session).as_bytes())
}

/// The platform's data directory for sessions (e.g. `~/.local/share/assess/sessions`).
pub fn default_sessions_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "assess").map_or_else(
        || PathBuf::from("sessions"),
        |dirs| dirs.data_dir().join("sessions"),
    )
}

/// A session named by path, or by its file stem inside the sessions dir.
pub fn resolve_session(spec: &str, sessions_dir: &Path) -> Result<PathBuf, SessionError> {
    let as_path = PathBuf::from(spec);
    if as_path.is_file() {
        return Ok(real_session_path(&as_path));
    }
    let looks_like_path = spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(".ron");
    let candidate = if looks_like_path {
        as_path
    } else {
        sessions_dir.join(format!("{spec}.ron"))
    };
    if candidate.is_file() {
        Ok(real_session_path(&candidate))
    } else {
        Err(SessionError::NotFound {
            spec: spec.to_string(),
            path: candidate,
        })
    }
}

/// Just the format number; the name must match the file's `Session(` for RON to accept it.
#[derive(Deserialize)]
#[serde(rename = "Session")]
struct FormatProbe {
    format: u32,
}

/// Reads and parses a session file, its history included. Never writes anything.
pub fn load_session(path: &Path) -> Result<Session, SessionError> {
    let session = load_session_lazily(path)?;
    check_history(path, &session)?;
    Ok(session)
}

/// Reads a session file and parses everything but its history, which stays text until first
/// needed (see `History`): what the first frame and `rollup` need. A damaged history shows
/// when it is parsed, and such a session is never saved.
///
/// A large file (a long history) is read only up to its history, which is written last: the
/// rest is read when the history is first needed, from the same open file.
pub fn load_session_lazily(path: &Path) -> Result<Session, SessionError> {
    let cannot_read = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            SessionError::NotFound {
                spec: path.display().to_string(),
                path: path.to_path_buf(),
            }
        } else {
            io_error(path, IoAction::ReadSession)(source)
        }
    };
    let too_large = |size| SessionError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    let (file, size) = match open_capped(path, MAX_FILE_BYTES).map_err(cannot_read)? {
        Opened::File { file, size } => (file, size),
        Opened::TooLarge { size } => return Err(too_large(size)),
    };
    let (file, head) = if size > HEAD_FIRST_ABOVE {
        match head_first(file, size).map_err(cannot_read)? {
            HeadFirst::Session(session) => return Ok(*session),
            HeadFirst::ReadOn(file, head) => (file, head),
        }
    } else {
        (file, Vec::new())
    };
    match read_rest(file, head, size, MAX_FILE_BYTES).map_err(cannot_read)? {
        Capped::Bytes(bytes) => parse_session_lazily(bytes, path),
        Capped::TooLarge { size } => Err(too_large(size)),
    }
}

/// Files larger than this are read up to their history first (a session of the bundled model
/// with every answer noted is under 1 MiB without its history).
const HEAD_FIRST_ABOVE: u64 = 2 << 20;

/// The first read of a large file, doubled until the history's start is in it.
const FIRST_HEAD: usize = 1 << 20;

/// How much of a file's end is read to find where its history ends.
const TAIL: usize = 4 << 10;

enum HeadFirst {
    Session(Box<Session>),
    /// Not a file this can open from its head (the history is not last, or the head does
    /// not parse): read on from here and open it whole, which says what is wrong and where.
    ReadOn(File, Vec<u8>),
}

/// Opens a session from the head of its file: everything up to the history, and the last
/// bytes that close it. The history stays in the file (see `FileText`).
fn head_first(mut file: File, size: u64) -> std::io::Result<HeadFirst> {
    use std::io::{Read, Seek, SeekFrom};
    let size_bytes = usize::try_from(size).unwrap_or(usize::MAX);
    let mut head = Vec::with_capacity(FIRST_HEAD);
    let mut want = FIRST_HEAD;
    let (key, open) = loop {
        let more = want.saturating_sub(head.len()) as u64;
        (&mut file).take(more).read_to_end(&mut head)?;
        if let Some(found) = super::history::split::find_in_head(&head) {
            break found;
        }
        if head.len() < want || want * 2 >= size_bytes {
            return Ok(HeadFirst::ReadOn(file, head));
        }
        want *= 2;
    };
    // A file that grew since its size was read has its history elsewhere: open it whole.
    let Some(after_open) = size_bytes.checked_sub(open + 1) else {
        return Ok(HeadFirst::ReadOn(file, head));
    };
    let tail_len = TAIL.min(after_open);
    let tail_at = size_bytes - tail_len;
    let mut tail = vec![0; tail_len];
    file.seek(SeekFrom::Start(tail_at as u64))
        .and_then(|_| file.read_exact(&mut tail))?;
    file.seek(SeekFrom::Start(head.len() as u64))?;
    let Some((close, end)) = super::history::split::list_end_in_tail(&tail) else {
        return Ok(HeadFirst::ReadOn(file, head));
    };
    let (Ok(before), Ok(after)) = (
        std::str::from_utf8(&head[..key]),
        std::str::from_utf8(&tail[end..]),
    ) else {
        return Ok(HeadFirst::ReadOn(file, head));
    };
    let parsed = ron::Options::default().from_str::<Session>(&format!("{before}{after}"));
    let Some(mut session) = parsed.ok().and_then(|s| in_current_format(s).ok()) else {
        return Ok(HeadFirst::ReadOn(file, head));
    };
    let value = open..tail_at + close + 1;
    let unread = super::history::Unread {
        file,
        head,
        size: size_bytes,
        value: value.clone(),
    };
    session.history = super::History::unparsed(super::FileText::partly(unread), value);
    Ok(HeadFirst::Session(Box::new(session)))
}

/// Parses session bytes, history included; `path` names the file in errors.
pub fn parse_session(bytes: &[u8], path: &Path) -> Result<Session, SessionError> {
    let session = parse_session_lazily(bytes.to_vec(), path)?;
    check_history(path, &session)?;
    Ok(session)
}

/// The history's damage, if any, as the error that names the file and place.
pub fn check_history(path: &Path, session: &Session) -> Result<(), SessionError> {
    match session.history.damage() {
        Some(d) => Err(SessionError::Damaged {
            path: path.to_path_buf(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
        }),
        None => Ok(()),
    }
}

/// Parses everything but the history, which is kept as text (see `history/split.rs`) and
/// parsed when first read; `check_history` parses it and reports its damage.
pub fn parse_session_lazily(bytes: Vec<u8>, path: &Path) -> Result<Session, SessionError> {
    let damaged = |line, column, message: TextProblem| SessionError::Damaged {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    let text: Arc<String> = match String::from_utf8(bytes) {
        Ok(text) => Arc::new(text),
        Err(e) => {
            let (line, column) = utf8_text(e.as_bytes()).err().unwrap_or((1, 1));
            return Err(damaged(line, column, TextProblem::NotUtf8));
        }
    };
    if text.trim().is_empty() {
        return Err(damaged(1, 1, TextProblem::Empty));
    }
    let split = super::history::split::find(&text);
    let rest = split
        .as_ref()
        .map_or(std::borrow::Cow::Borrowed(&*text), |s| {
            std::borrow::Cow::Owned(format!(
                "{}{}",
                &text[..s.field.start],
                &text[s.field.end..]
            ))
        });
    let parsed = ron::Options::default().from_str::<Session>(&rest);
    let session = parsed.map_err(|e| {
        // A newer file fails to parse as this format: it is refused as newer, not damaged.
        // Looking only when the parse fails keeps a second pass off every open.
        match ron::Options::default().from_str::<FormatProbe>(&rest) {
            Ok(probe) if probe.format > FORMAT_VERSION => SessionError::NewerFormat {
                path: path.to_path_buf(),
                found: probe.format,
            },
            _ => {
                let (line, column) = in_file(&text, &rest, split.as_ref(), e.span.start);
                damaged(line, column, e.code.into())
            }
        }
    })?;
    let mut session = in_current_format(session).map_err(|found| SessionError::NewerFormat {
        path: path.to_path_buf(),
        found,
    })?;
    if let Some(split) = split {
        drop(rest);
        session.history = super::History::unparsed(super::FileText::whole(text), split.value);
    }
    Ok(session)
}

/// A parsed session as this build writes it, or the newer format it was written in. Older
/// formats are subsets of this one: the next save writes the current format, so an older
/// build meeting the new fields says "newer format" rather than "damaged".
fn in_current_format(mut session: Session) -> Result<Session, u32> {
    if session.format > FORMAT_VERSION {
        return Err(session.format);
    }
    session.format = FORMAT_VERSION;
    session.assign_missing_ids();
    Ok(session)
}

/// Where an error in the text without its history lies in the file itself.
fn in_file(
    text: &str,
    rest: &str,
    split: Option<&super::history::split::Split>,
    at: ron::error::Position,
) -> (usize, usize) {
    let Some(split) = split else {
        return (at.line, at.col);
    };
    let (cut_line, cut_col) = crate::textfile::line_col(rest.as_bytes(), split.field.start);
    if at.line < cut_line || (at.line == cut_line && at.col < cut_col) {
        return (at.line, at.col);
    }
    let removed = &text.as_bytes()[split.field.clone()];
    let lines = memchr::memchr_iter(b'\n', removed).count();
    let col = if at.line == cut_line {
        let last = removed.iter().rev().take_while(|&&b| b != b'\n').count();
        if lines == 0 {
            at.col + removed.len()
        } else {
            at.col - cut_col + 1 + last
        }
    } else {
        at.col
    };
    (at.line + lines, col)
}

/// The session as the text written to disk: pretty RON, stable order.
///
/// Strings are written as they are (a multi-line note stays multi-line, so files read and diff
/// well) unless one holds a control character other than a line break or a tab: then every
/// string is escaped, so `cat` on a session file can never send a terminal escape sequence.
/// Escaping costs about five times the unescaped write, so it is kept for that case.
pub fn session_to_string(session: &Session) -> String {
    let plain = session_to_string_with(session, false);
    if has_unsafe_controls(&plain) {
        session_to_string_with(session, true)
    } else {
        plain
    }
}

fn session_to_string_with(session: &Session, escape: bool) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .escape_strings(escape);
    // Serialising plain data into a String cannot fail.
    ron::ser::to_string_pretty(session, config).unwrap_or_default() + "\n"
}

/// C0 controls but line feed and tab, DEL, and C1 controls (UTF-8 `C2 80`..`C2 9F`).
fn has_unsafe_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Saves atomically and durably, keeping the previous version as `NAME.ron.bak`. A session
/// named through a symbolic link is saved to the file the link points at (the link stays).
/// A session too large to be read back is refused, and nothing on disk changes.
pub fn save_session(path: &Path, session: &Session) -> Result<(), SessionError> {
    check_history(path, session)?;
    save_text(path, &session_to_string(session))
}

/// `save_session` of a session already turned into its text.
pub(super) fn save_text(path: &Path, text: &str) -> Result<(), SessionError> {
    check_size(path, text.len())?;
    atomic_write(&real_session_path(path), text.as_bytes(), true)
}

fn check_size(path: &Path, len: usize) -> Result<(), SessionError> {
    let size = len as u64;
    if size > MAX_FILE_BYTES {
        return Err(SessionError::TooLargeToSave {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old or the new
/// content: temp file in the same directory (mode 0600, created exclusively under a name
/// nobody can guess, never through a symbolic link), fsync, rename, fsync the directory. A
/// symbolic link at `path` is replaced, never written through.
/// With `keep_backup`, the previous file becomes `NAME.bak` first (a hard link, so it costs no copy).
pub fn atomic_write(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SessionError> {
    atomic_write_via(path, bytes, keep_backup, |file, bytes| {
        file.write_all(bytes)
    })
}

/// `atomic_write` with the step that puts the bytes into the temporary file supplied by the
/// caller: tests inject failures there (a full disk, an I/O error) to prove that nothing
/// half-written ever replaces the file or its backup.
pub fn atomic_write_via(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SessionError> {
    replace_with(path, bytes, keep_backup, true, write)
}

/// As `atomic_write` (the new content, or the old, never half of it), without flushing to
/// the disk: for a file another program made to read back at once, git's `%A` in a merge,
/// which git itself writes on without a flush (a machine that crashes meanwhile loses the
/// whole merge, not just this file).
pub fn atomic_replace(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    replace_with(path, bytes, false, false, |file, bytes| {
        file.write_all(bytes)
    })
}

fn replace_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    flush: bool,
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SessionError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_sibling(path);
    let result = write_then_rename(path, &dir, &tmp, bytes, (keep_backup, flush), write);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(
    path: &Path,
    dir: &Path,
    tmp: &Path,
    bytes: &[u8],
    (keep_backup, flush): (bool, bool),
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SessionError> {
    let mut file = create_new_private(tmp).map_err(io_error(path, IoAction::CreateTemp))?;
    write(&mut file, bytes)
        .and_then(|()| if flush { file.sync_all() } else { Ok(()) })
        .map_err(io_error(path, IoAction::WriteTemp))?;
    drop(file);
    if keep_backup && fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        keep_previous(path).map_err(io_error(path, IoAction::KeepBackup))?;
    }
    fs::rename(tmp, path).map_err(io_error(path, IoAction::Replace))?;
    if flush {
        sync_dir(dir).map_err(io_error(path, IoAction::FlushDir))?;
    }
    Ok(())
}

/// Puts the current file in place as `NAME.bak` (through a fresh staging name, so nothing
/// planted under the backup's name is ever written through: a rename replaces a link).
fn keep_previous(path: &Path) -> std::io::Result<()> {
    let backup = sibling(path, ".bak");
    let staging = temp_sibling(&backup);
    if fs::hard_link(path, &staging).is_err() {
        let mut from = open_read_no_follow(path)?;
        let mut to = create_new_private(&staging)?;
        let copied = std::io::copy(&mut from, &mut to).and_then(|_| to.sync_all());
        if let Err(e) = copied {
            let _ = fs::remove_file(&staging);
            return Err(e);
        }
    }
    // The backup is as private as the session, whatever mode the old file had.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&staging, fs::Permissions::from_mode(0o600))?;
    }
    fs::rename(&staging, &backup).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    let _ = dir;
    Ok(())
}

/// A session file found in the sessions dir, or the error that stopped it from loading.
#[derive(Debug)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub modified: std::time::SystemTime,
    pub session: Result<Session, SessionError>,
}

impl SessionEntry {
    /// When the session last changed (RFC 3339): its own `updated` stamp, which survives
    /// copying and is not moved by cursor saves; the file's modification time when the file
    /// cannot be read.
    pub fn changed(&self) -> String {
        match &self.session {
            Ok(s) if !s.updated.is_empty() => s.updated.clone(),
            _ => humantime::format_rfc3339_seconds(self.modified).to_string(),
        }
    }
}

/// Every `*.ron` session in `dir`, newest change first (see `SessionEntry::changed`). A missing
/// dir is an empty list. Only regular files (or links to them) are read: a FIFO, a device or a
/// folder named `*.ron` is skipped.
pub fn list_sessions(dir: &Path) -> Result<Vec<SessionEntry>, SessionError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(dir, IoAction::ListDir)(e)),
    };
    let mut found: Vec<SessionEntry> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        // A link into /proc, /sys or /dev (`x.ron -> /proc/kmsg`) is no session: skipped.
        .filter(|p| !crate::textfile::in_pseudo_file_system(p))
        .map(|path| SessionEntry {
            modified: fs::metadata(&path)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH),
            session: load_session(&path),
            path,
        })
        .collect();
    found.sort_by(|a, b| {
        b.changed()
            .cmp(&a.changed())
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(found)
}

/// Writes a brand-new session file; refuses to replace anything already at `path`, even one
/// that appears while this runs (the error's kind is then `AlreadyExists`): the complete file
/// is written under a temporary name, then linked to `path`, which fails if `path` exists.
pub fn create_session_file(path: &Path, session: &Session) -> Result<(), SessionError> {
    let text = session_to_string(session);
    check_size(path, text.len())?;
    let exists = || {
        io_error(path, IoAction::AlreadyThere)(std::io::Error::from(
            std::io::ErrorKind::AlreadyExists,
        ))
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let tmp = temp_sibling(path);
    let written = create_new_private(&tmp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    let linked = written.and_then(|()| fs::hard_link(&tmp, path));
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists()),
        // No hard links here (some network or FAT file systems): an exclusive create.
        Err(_) => {
            let mut file = create_new_private(path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    exists()
                } else {
                    io_error(path, IoAction::CreateSession)(e)
                }
            })?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(io_error(path, IoAction::WriteSession))?;
        }
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sync_dir(dir).map_err(io_error(path, IoAction::FlushDir))
}

/// Whether `err` says the file was already there (`create_session_file` lost a race).
pub fn is_already_exists(err: &SessionError) -> bool {
    matches!(err, SessionError::Io { source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists)
}
