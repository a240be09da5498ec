//! Reading the text files `assess` loads (sessions, models): a size limit, and UTF-8 checks
//! that say where the text stops being text.
//!
//! A session or model is text typed by people: even with long notes it is a few megabytes.
//! Anything far larger is a wrong file (a disk image, a log, `/dev/zero`), so it is refused
//! before it is read into memory, with a message saying why.

pub mod problem;

pub use problem::TextProblem;

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The largest session or model file `assess` reads: 32 MiB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What reading within a limit found.
#[derive(Debug)]
pub enum Capped {
    Bytes(Vec<u8>),
    /// The file is larger than the limit; `size` is what was seen (at least limit + 1).
    TooLarge {
        size: u64,
    },
}

/// Reads a whole file unless it is larger than `limit`. Only a regular file is read: a FIFO,
/// a device or a socket is refused ("not a regular file") without waiting for it, since the
/// open never blocks. Checks the size first, then reads at most `limit + 1` bytes, so files
/// that lie about their size (`/proc` files, growing files) are refused too; a `/proc` file
/// with nothing to read fails at once rather than waiting.
pub fn read_capped(path: &Path, limit: u64) -> std::io::Result<Capped> {
    match open_capped(path, limit)? {
        Opened::File { file, size } => read_rest(file, Vec::new(), size, limit),
        Opened::TooLarge { size } => Ok(Capped::TooLarge { size }),
    }
}

/// A regular file opened to read, and its size; or its size when over the limit.
pub enum Opened {
    File { file: File, size: u64 },
    TooLarge { size: u64 },
}

/// Opens a file as `read_capped` does (a regular file only, never waiting), without reading.
pub fn open_capped(path: &Path, limit: u64) -> std::io::Result<Opened> {
    if in_pseudo_file_system(path) {
        return Err(std::io::Error::other("not a regular file"));
    }
    let file = open_without_waiting(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let size = meta.len();
    if size > limit {
        return Ok(Opened::TooLarge { size });
    }
    Ok(Opened::File { file, size })
}

/// Reads the rest of an open file after the `bytes` already read from it, within the limit.
pub fn read_rest(file: File, mut bytes: Vec<u8>, size: u64, limit: u64) -> std::io::Result<Capped> {
    bytes.reserve(
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_sub(bytes.len()),
    );
    let more = (limit + 1).saturating_sub(bytes.len() as u64);
    file.take(more).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Ok(Capped::TooLarge { size: read });
    }
    Ok(Capped::Bytes(bytes))
}

/// Whether a path leads (through any links) into `/proc`, `/sys` or `/dev`, whose "files" may
/// block a reader or never end (`/proc/kmsg` says it is a regular file of size 0).
pub fn in_pseudo_file_system(path: &Path) -> bool {
    cfg!(unix)
        && std::fs::canonicalize(path).is_ok_and(|real| {
            ["/proc", "/sys", "/dev"]
                .iter()
                .any(|p| real.starts_with(p))
        })
}

/// Opens a file to read without ever blocking on the open or on reads (FIFOs, `/proc/kmsg`).
pub fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// The bytes as text, or the line and column (1-based) of the first byte that is not UTF-8.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, (usize, usize)> {
    std::str::from_utf8(bytes).map_err(|e| line_col(bytes, e.valid_up_to()))
}

/// Line and column (1-based, in bytes) of a byte offset.
pub fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

/// A size for people, exact enough that two different sizes never read the same:
/// `100.0 MB (100000000 bytes)`.
pub fn human_size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // display only
    let mb = bytes as f64 / 1_000_000.0;
    format!("{mb:.1} MB ({bytes} bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_are_read_and_large_ones_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").expect("write");
        assert!(matches!(read_capped(&path, 10), Ok(Capped::Bytes(b)) if b.len() == 10));
        assert!(matches!(
            read_capped(&path, 9),
            Ok(Capped::TooLarge { size: 10 })
        ));
    }

    #[test]
    fn the_first_non_utf8_byte_is_located() {
        assert_eq!(utf8_text(b"ok\nab\xffc"), Err((2, 3)));
        assert_eq!(utf8_text("名前".as_bytes()), Ok("名前"));
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_is_refused_not_read_forever() {
        let err = read_capped(Path::new("/dev/zero"), 1024).expect_err("a device");
        assert_eq!(err.to_string(), "not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("p.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        assert!(read_capped(&fifo, 1024).is_err());
    }
}
