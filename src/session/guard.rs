//! A writer that never overwrites what it has not seen. A workbench keeps a session open for
//! hours; meanwhile the lock can be removed by hand, the folder deleted and re-created, or the
//! file replaced (by `finalize`, a restore, a copy). Before each save the guard checks that its
//! lock is still the lock file on disk (or takes it again if nobody else did) and that the file
//! is still the one this writer last read or wrote: same identity, size and modification time,
//! or else the same bytes (SHA-256). If not, nothing is overwritten: the edits go to a side file
//! `NAME.ron.conflict-<time>` and the error says so.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::safe_fs::{create_private_dir, real_session_path, sibling};
use super::{FileText, Session, SessionError, SessionLock, atomic_write, now_timestamp};

/// What a writer saw of its file: identity (device, inode), size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    id: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
}

/// The stamp of the file a session path names (through a link), None when there is none.
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(real_session_path(path)).ok()?;
    #[cfg(unix)]
    let id = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let id = (0, 0);
    Some(DiskStamp {
        id,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// Watches one session file for a writer (see the module docs).
#[derive(Debug, Default)]
pub struct SaveGuard {
    /// What this writer last read or wrote: the file's stamp and the SHA-256 of its bytes.
    /// None: not watching (every save goes through).
    seen: Option<(Option<DiskStamp>, Digest)>,
    /// Where edits go once the file was changed by someone else.
    side: Option<PathBuf>,
}

/// The SHA-256 of the bytes a writer saw. Opening starts it on another core (a year of
/// history is tens of megabytes, and the first frame does not wait for it); only a save that
/// finds the file's stamp changed needs it.
#[derive(Debug)]
enum Digest {
    Ready(String),
    /// The text the session was read from (perhaps still being read), to be hashed.
    Bytes(std::sync::Arc<FileText>),
    /// Not known yet: the loader names the bytes it read (`SaveGuard::read_from`).
    Unknown(PathBuf),
    Hashing(Option<std::thread::JoinHandle<String>>),
}

impl Digest {
    fn get(&mut self) -> &str {
        let done = match self {
            Digest::Ready(_) => None,
            Digest::Bytes(text) => Some(digest_read(text)),
            Digest::Unknown(path) => Some(disk_digest(path).unwrap_or_default()),
            Digest::Hashing(thread) => Some(
                thread
                    .take()
                    .and_then(|t| t.join().ok())
                    .unwrap_or_default(),
            ),
        };
        if let Some(done) = done {
            *self = Digest::Ready(done);
        }
        match self {
            Digest::Ready(digest) => digest,
            _ => "",
        }
    }
}

/// Files up to this size are hashed when watching starts; larger ones (a long history) are
/// hashed from the very bytes that were read, on another core after the first frame.
const HASH_AT_ONCE: u64 = 1 << 20;

fn digest(bytes: &[u8]) -> String {
    crate::model::content_hash(bytes)
}

/// The SHA-256 of what was read, empty when the rest of it could not be read (a save that
/// finds the file changed then keeps its edits aside).
fn digest_read(text: &FileText) -> String {
    text.get().map(|t| digest(t.as_bytes())).unwrap_or_default()
}

/// The SHA-256 of the file's bytes as they are now, None when it cannot be read.
fn disk_digest(path: &Path) -> Option<String> {
    match crate::textfile::read_capped(path, crate::textfile::MAX_FILE_BYTES) {
        Ok(crate::textfile::Capped::Bytes(bytes)) => Some(digest(&bytes)),
        _ => None,
    }
}

impl SaveGuard {
    /// Starts watching `path` as it is now: take this before reading the file, so a change
    /// made between the two is caught by the first save rather than overwritten.
    pub fn watch(path: &Path) -> Self {
        let stamp = disk_stamp(path);
        let digest = if stamp.as_ref().is_some_and(|s| s.len > HASH_AT_ONCE) {
            Digest::Unknown(path.to_path_buf())
        } else {
            Digest::Ready(disk_digest(path).unwrap_or_default())
        };
        Self {
            seen: Some((stamp, digest)),
            side: None,
        }
    }

    /// The text the session was read from (a large file's, which is not hashed at once).
    pub fn read_from(&mut self, text: std::sync::Arc<FileText>) {
        if let Some((_, digest @ Digest::Unknown(_))) = &mut self.seen {
            *digest = Digest::Bytes(text);
        }
    }

    /// Hashes what was read on another core (the workbench calls it after its first frame).
    pub fn digest_in_background(&mut self) {
        if let Some((_, digest)) = &mut self.seen {
            let bytes = match digest {
                Digest::Bytes(text) => Some(text.clone()),
                _ => None,
            };
            if let Some(text) = bytes {
                *digest = Digest::Hashing(Some(std::thread::spawn(move || digest_read(&text))));
            }
        }
    }

    /// The side file the edits went to after a conflict, if any.
    pub fn side_file(&self) -> Option<&Path> {
        self.side.as_deref()
    }

    /// Why saving over `path` now would lose someone else's change, if it would. A lost lock
    /// is taken again when nobody else holds it; a file replaced by one with the very bytes
    /// this writer last saw (a folder restored from a copy) loses nothing and passes. A file or
    /// folder that is simply gone is no conflict: the save itself says what failed, and retries.
    pub fn conflict(
        &mut self,
        path: &Path,
        lock: &mut Option<SessionLock>,
    ) -> Result<Option<ConflictReason>, SessionError> {
        if self.side.is_some() {
            return Ok(Some(ConflictReason::ChangedEarlier));
        }
        if lock.as_ref().is_some_and(|l| !l.is_current()) {
            *lock = None;
            match super::acquire_lock(path) {
                Ok(fresh) => *lock = Some(fresh),
                Err(super::LockError::Held { holder, .. }) => {
                    return Ok(Some(ConflictReason::LockTaken(holder)));
                }
                Err(super::LockError::Io { action, source, .. }) => {
                    return Err(SessionError::Io {
                        path: path.to_path_buf(),
                        action: super::IoAction::Relock(action),
                        source,
                    });
                }
            }
        }
        let Some((stamp, bytes)) = self.seen.as_mut() else {
            return Ok(None);
        };
        let now = disk_stamp(path);
        if now.is_none() || now == *stamp {
            return Ok(None);
        }
        Ok(match disk_digest(path) {
            Some(on_disk) if on_disk != bytes.get() => Some(ConflictReason::ChangedSinceOpened),
            _ => None,
        })
    }

    /// Saves, unless the file changed under this writer or its lock was lost to someone else:
    /// then the session goes to a side file and the error names it (the edits stay in memory
    /// either way).
    pub fn save(
        &mut self,
        path: &Path,
        session: &Session,
        lock: &mut Option<SessionLock>,
    ) -> Result<(), SessionError> {
        super::store::check_history(path, session)?;
        if let Some(reason) = self.conflict(path, lock)? {
            let side = self.write_side(path, session)?;
            return Err(SessionError::Conflict {
                path: path.to_path_buf(),
                side,
                reason,
            });
        }
        let text = super::session_to_string(session);
        super::store::save_text(path, &text)?;
        if self.seen.is_some() {
            self.seen = Some((disk_stamp(path), Digest::Ready(digest(text.as_bytes()))));
        }
        Ok(())
    }

    fn write_side(&mut self, path: &Path, session: &Session) -> Result<PathBuf, SessionError> {
        let side = self.side.get_or_insert_with(|| conflict_path(path)).clone();
        let text = super::session_to_string(session);
        let side = write_somewhere(&side, text.as_bytes())?;
        self.side = Some(side.clone());
        Ok(side)
    }
}

/// Writes `bytes` to `wanted`, or, when its folder is gone or not writable, under the same
/// name in the platform's data folder (`…/assess/recovered`); returns where they went.
pub fn write_somewhere(wanted: &Path, bytes: &[u8]) -> Result<PathBuf, SessionError> {
    let first = match atomic_write(wanted, bytes, false) {
        Ok(()) => return Ok(wanted.to_path_buf()),
        Err(e) => e,
    };
    let dir = super::default_sessions_dir()
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        .join("recovered");
    let name = wanted.file_name().unwrap_or_default();
    let fallback = dir.join(name);
    if create_private_dir(&dir).is_err() || atomic_write(&fallback, bytes, false).is_err() {
        return Err(first);
    }
    Ok(fallback)
}

/// `NAME.ron.conflict-<time>` beside the session.
fn conflict_path(path: &Path) -> PathBuf {
    let stamp: String = now_timestamp()
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    sibling(&real_session_path(path), &format!(".conflict-{stamp}"))
}

/// Why a save did not write over the file (`Lang::conflict_reason` words it; `Display` is the
/// English), in `Files::conflict_reasons` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictReason {
    /// An earlier save already went to a side file.
    ChangedEarlier,
    /// The lock file was removed and someone else holds the lock now.
    LockTaken(super::LockHolder),
    /// Another program changed the file since it was opened.
    ChangedSinceOpened,
}

impl std::fmt::Display for ConflictReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::Lang::En.conflict_reason(self))
    }
}

impl crate::lang::Lang {
    /// Why a save did not write over the file, in this language.
    pub fn conflict_reason(self, reason: &ConflictReason) -> String {
        let [earlier, taken, since] = self.texts().files.conflict_reasons;
        match reason {
            ConflictReason::ChangedEarlier => earlier.to_string(),
            ConflictReason::LockTaken(holder) => {
                crate::i18n::fill(taken, &[("holder", &self.lock_holder(holder))])
            }
            ConflictReason::ChangedSinceOpened => since.to_string(),
        }
    }
}
