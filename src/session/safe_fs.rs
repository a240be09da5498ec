//! File operations that stay safe in a folder someone else can write to: new files are created
//! exclusively and never through a symbolic link, temporary names cannot be guessed, names stay
//! within the file system's byte limit, and a symbolic link to a session is followed once, on
//! purpose, so the session's backup, lock and temporary files live beside the real file.

use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The longest file name (in bytes) most file systems accept.
pub const NAME_MAX: usize = 255;

/// The most bytes of a session's file stem: leaves room for every suffix `assess` adds
/// (`.ron.damaged-<time>-<n>`, `.report.redacted.html`, temporary names) within `NAME_MAX`.
pub const STEM_MAX: usize = 120;

/// A name nobody can predict: std's `RandomState` is keyed from the operating system's random
/// source once per process; a counter and the clock make every call differ.
pub fn unpredictable() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// The longest prefix of `text` that fits in `max` bytes without splitting a character.
pub fn clip_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `NAME` + `suffix` beside `path`, with `NAME` shortened when the whole would pass `NAME_MAX`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let base = clip_bytes(&name, NAME_MAX.saturating_sub(suffix.len()));
    path.with_file_name(format!("{base}{suffix}"))
}

/// A fresh temporary name beside `path`: `.NAME.<pid>-<random>.tmp`, the name shortened to fit.
/// The pid lets a later open clean up what a killed process left (see `remove_stale_temps`).
pub fn temp_sibling(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let short = clip_bytes(&name, 64);
    path.with_file_name(format!(
        ".{short}.{}-{}.tmp",
        std::process::id(),
        unpredictable()
    ))
}

/// Creates a new file readable and writable by its owner only; fails if anything (a file, a
/// symbolic link) is already at `path`.
pub fn create_new_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    no_follow(&mut options, 0o600);
    options.open(path)
}

/// Opens (creating if missing) a file to read and write, refusing a symbolic link.
pub fn open_or_create_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    no_follow(&mut options, 0o600);
    options.open(path)
}

/// Opens an existing file to read, refusing a symbolic link.
pub fn open_read_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options, 0o600);
    options.open(path)
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions, mode: u32) {
    use std::os::unix::fs::OpenOptionsExt;
    options
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
}

#[cfg(not(unix))]
fn no_follow(_options: &mut OpenOptions, _mode: u32) {}

/// Where a session really is. A session named through a symbolic link is followed on purpose
/// to the file it points at, so that its backup, lock and temporary files are made beside the
/// real file and a save replaces the real file, leaving the link a link. Anything else
/// (a missing file, a plain file) is returned as given.
pub fn real_session_path(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Creates a folder (and its parents) readable by its owner only where it is made.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Removes `.NAME.<pid>-<random>.tmp` files beside `path` whose process is gone (left by a
/// kill mid-save). Only on systems where a live process can be told from `/proc`.
pub fn remove_stale_temps(path: &Path) {
    #[cfg(target_os = "linux")]
    {
        let Some(dir) = path.parent() else { return };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let prefix = format!(".{}.", clip_bytes(&name, 64));
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let file = entry.file_name().to_string_lossy().to_string();
            let Some(rest) = file
                .strip_prefix(&prefix)
                .and_then(|r| r.strip_suffix(".tmp"))
            else {
                continue;
            };
            let Some((pid, _)) = rest.split_once('-') else {
                continue;
            };
            let is_plain = entry.file_type().is_ok_and(|t| t.is_file());
            if pid.parse::<u32>().is_ok() && is_plain && !Path::new("/proc").join(pid).exists() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differ_and_fit() {
        assert_ne!(unpredictable(), unpredictable());
        let long = "评".repeat(100);
        let path = Path::new("/x").join(format!("{long}.ron"));
        let tmp = temp_sibling(&path);
        assert!(tmp.file_name().unwrap_or_default().len() < NAME_MAX);
        let damaged = sibling(&path, ".damaged-20260101T000000Z-12");
        let name = damaged.file_name().unwrap_or_default();
        assert!(name.len() <= NAME_MAX, "{}", name.len());
        assert!(
            name.to_string_lossy()
                .ends_with(".damaged-20260101T000000Z-12")
        );
        assert_eq!(clip_bytes("评估", 4), "评");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temp_files_of_dead_processes_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("s.ron");
        let dead = dir.path().join(".s.ron.999999999-abc.tmp");
        let live = dir
            .path()
            .join(format!(".s.ron.{}-abc.tmp", std::process::id()));
        let other = dir.path().join(".t.ron.999999999-abc.tmp");
        for p in [&dead, &live, &other] {
            fs::write(p, "x").expect("write");
        }
        remove_stale_temps(&session);
        assert!(!dead.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
