//! One writer per session: an OS file lock on `NAME.ron.lock` beside the session file.
//!
//! The lock is `flock`-style (`File::try_lock`), so the operating system releases it when the
//! holder exits or is killed: a lock file left behind by a crash never blocks anyone, it is
//! simply taken over. The file's text (pid, host, since when) only serves to tell a second
//! `assess` who holds the session.

use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::now_timestamp;
use super::safe_fs::{open_or_create_no_follow, open_read_no_follow, real_session_path, sibling};

/// Who holds a session open for writing, as recorded in its lock file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: Option<u32>,
    pub host: String,
    /// RFC 3339 UTC.
    pub since: String,
    /// When no process holds it but it still opens read-only: why.
    pub no_writer: Option<NoWriter>,
}

/// Why a session opens read-only although no process writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoWriter {
    /// A backup or kept copy: writing it would fork the session.
    KeptCopy,
    /// Its folder is not writable by this user.
    NotWritable,
}

impl LockHolder {
    /// Read-only for a reason other than another writer.
    pub fn because(why: NoWriter) -> Self {
        Self {
            no_writer: Some(why),
            ..Self::default()
        }
    }
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::lang::Lang::En.lock_holder(self))
    }
}

impl crate::lang::Lang {
    /// Who holds a session, told in this language: `process 12 on host since …`.
    pub fn lock_holder(self, holder: &LockHolder) -> String {
        let t = self.texts().health;
        match holder.no_writer {
            Some(NoWriter::KeptCopy) => return t.kept_copy.to_string(),
            Some(NoWriter::NotWritable) => return t.not_writable.to_string(),
            None => {}
        }
        let pid = holder.pid.map_or_else(
            || t.unknown_process.to_string(),
            |p| crate::i18n::fill(t.process, &[("pid", &p.to_string())]),
        );
        let host = if holder.host.is_empty() {
            t.unknown_host
        } else {
            &holder.host
        };
        let since = if holder.since.is_empty() {
            t.a_moment_ago
        } else {
            &holder.since
        };
        crate::i18n::fill(t.holder, &[("pid", &pid), ("host", host), ("since", since)])
    }
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{}: this session is already open for writing by {holder}. Close it there, or open it read-only.",
        session.display()
    )]
    Held {
        session: PathBuf,
        holder: LockHolder,
    },
    #[error("{}: cannot lock the session ({action})", session.display())]
    Io {
        session: PathBuf,
        action: LockStep,
        #[source]
        source: std::io::Error,
    },
}

/// The step of taking the lock that failed (`Lang::lock_step` words it; `Display` is the
/// English), in `Files::lock_steps` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockStep {
    Symlink,
    Open,
    Take,
    WriteHolder,
    KeepsChanging,
}

impl std::fmt::Display for LockStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::lang::Lang::En.lock_step(*self))
    }
}

impl crate::lang::Lang {
    /// The step of taking a session's lock that failed, in this language.
    pub fn lock_step(self, step: LockStep) -> &'static str {
        self.texts().files.lock_steps[step as usize]
    }
}

/// The exclusive right to write a session; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// How a session was opened: as its one writer, or read-only because someone else writes it.
#[derive(Debug)]
pub enum Access {
    Write(SessionLock),
    ReadOnly { holder: LockHolder },
}

impl Access {
    pub fn is_read_only(&self) -> bool {
        matches!(self, Access::ReadOnly { .. })
    }
}

/// `NAME.ron.lock` beside `NAME.ron` (beside the real file when `NAME.ron` is a symbolic link,
/// so that every name of a session shares one lock).
pub fn lock_path(session: &Path) -> PathBuf {
    sibling(&real_session_path(session), ".lock")
}

/// Takes the session's write lock, or says who holds it.
pub fn acquire_lock(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    let io = |action| {
        move |source| LockError::Io {
            session: session.to_path_buf(),
            action,
            source,
        }
    };
    // A holder removes the file as it lets go; if we locked a file that was just removed,
    // the path no longer names it and we try again on the new one.
    for _ in 0..20 {
        let mut file = open_lock_file(&path).map_err(|e| {
            if is_symlink(&path) {
                io(LockStep::Symlink)(e)
            } else {
                io(LockStep::Open)(e)
            }
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    session: session.to_path_buf(),
                    holder: read_holder(&mut file),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(LockStep::Take)(e)),
        }
        if !same_file(&file, &path) {
            continue;
        }
        write_holder(&mut file).map_err(io(LockStep::WriteHolder))?;
        // The one writer now: what a writer killed mid-save left behind can go.
        super::safe_fs::remove_stale_temps(&real_session_path(session));
        return Ok(SessionLock { file, path });
    }
    Err(io(LockStep::KeepsChanging)(std::io::Error::other(
        "another process keeps replacing it",
    )))
}

/// Takes the write lock when free, else falls back to read-only access naming the holder.
pub fn acquire_or_read_only(session: &Path) -> Result<Access, LockError> {
    match writer_access(session) {
        Err(LockError::Held { holder, .. }) => Ok(Access::ReadOnly { holder }),
        other => other,
    }
}

/// Write access when this may be written, else why it opens read-only; `LockError::Held`
/// when another process writes it (the caller decides whether to look at it read-only).
/// A backup or a kept copy (`.bak`, `.damaged-*`, `.conflict-*`, `.recovered`) always opens
/// read-only: writing it would fork the session. So does a session in a folder this user
/// cannot write.
pub fn writer_access(session: &Path) -> Result<Access, LockError> {
    let name = session.file_name().unwrap_or_default().to_string_lossy();
    let kept = name.ends_with(".bak")
        || name.ends_with(".recovered")
        || name.contains(".damaged-")
        || name.contains(".conflict-");
    if kept {
        return Ok(Access::ReadOnly {
            holder: LockHolder::because(NoWriter::KeptCopy),
        });
    }
    match acquire_lock(session) {
        Ok(lock) => Ok(Access::Write(lock)),
        Err(LockError::Io { source, .. }) if super::refuses_writing(&source) => {
            Ok(Access::ReadOnly {
                holder: LockHolder::because(NoWriter::NotWritable),
            })
        }
        Err(e) => Err(e),
    }
}

/// Who holds the session's write lock right now, if anyone (a stale file counts as no one).
pub fn lock_holder(session: &Path) -> Option<LockHolder> {
    let mut file = open_read_no_follow(&lock_path(session)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => None,
        Err(_) => Some(read_holder(&mut file)),
    }
}

impl SessionLock {
    /// The lock file this guard holds.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the lock file on disk is still the one this guard holds (it is not when someone
    /// removed it, or deleted the folder: another writer may then have taken a new one).
    pub fn is_current(&self) -> bool {
        same_file(&self.file, &self.path)
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove first, unlock second (on close): whoever locks the old file afterwards sees
        // that the path no longer names it and retries on a fresh one. A path that no longer
        // names this file (removed by hand, folder re-created) is someone else's: left alone.
        if self.is_current() {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// Opens or creates the lock file, never through a symbolic link (one planted under the lock's
/// name would otherwise have the holder's text written into whatever it points at).
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    open_or_create_no_follow(path)
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn write_holder(file: &mut File) -> std::io::Result<()> {
    let text = format!(
        "pid={}\nhost={}\nsince={}\n",
        std::process::id(),
        host_name(),
        now_timestamp()
    );
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

fn read_holder(file: &mut File) -> LockHolder {
    let mut text = String::new();
    // Small and ours: anything unreadable just leaves the fields unknown.
    let _ = file.take(4096).read_to_string(&mut text);
    let mut holder = LockHolder::default();
    for line in text.lines() {
        match line.split_once('=') {
            Some(("pid", v)) => holder.pid = v.trim().parse().ok(),
            Some(("host", v)) => holder.host = v.trim().to_string(),
            Some(("since", v)) => holder.since = v.trim().to_string(),
            _ => {}
        }
    }
    holder
}

/// This machine's name, without any extra dependency.
pub fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| fs::read_to_string(p).ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "this machine".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_in_the_same_process_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("s.ron");
        let first = acquire_lock(&session).expect("first lock");
        match acquire_lock(&session) {
            Err(LockError::Held { holder, .. }) => {
                assert_eq!(holder.pid, Some(std::process::id()));
                assert_eq!(holder.host, host_name());
                assert!(!holder.since.is_empty());
            }
            other => panic!("expected Held, got {other:?}"),
        }
        assert!(lock_holder(&session).is_some());
        assert!(
            acquire_or_read_only(&session)
                .expect("access")
                .is_read_only()
        );
        drop(first);
        assert!(!lock_path(&session).exists(), "the lock file is removed");
        assert!(lock_holder(&session).is_none());
        let again = acquire_or_read_only(&session).expect("access");
        assert!(!again.is_read_only());
    }

    #[test]
    fn a_stale_lock_file_with_no_os_lock_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("s.ron");
        fs::write(
            lock_path(&session),
            "pid=999999\nhost=elsewhere\nsince=2020-01-01T00:00:00Z\n",
        )
        .expect("write stale");
        assert!(lock_holder(&session).is_none());
        let lock = acquire_lock(&session).expect("stale lock taken over");
        let text = fs::read_to_string(lock.path()).expect("read");
        assert!(
            text.contains(&format!("pid={}", std::process::id())),
            "{text}"
        );
    }

    #[test]
    fn holder_display_names_pid_host_and_time() {
        let h = LockHolder {
            pid: Some(42),
            host: "box".into(),
            since: "2026-01-02T03:04:05Z".into(),
            ..LockHolder::default()
        };
        assert_eq!(
            h.to_string(),
            "process 42 on box since 2026-01-02T03:04:05Z"
        );
    }
}
