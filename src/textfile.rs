//! Reading the text files `assess` loads (sessions, models): a size limit, and UTF-8 checks
//! that say where the text stops being text.
//!
//! A session or model is text typed by people: even with long notes it is a few megabytes.
//! Anything far larger is a wrong file (a disk image, a log, `/dev/zero`), so it is refused
//! before it is read into memory, with a message saying why.

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

/// Reads a whole file unless it is larger than `limit`. Checks the size first, then reads at
/// most `limit + 1` bytes, so files that lie about their size (devices, growing files) are
/// refused too.
pub fn read_capped(path: &Path, limit: u64) -> std::io::Result<Capped> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Ok(Capped::TooLarge { size });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Ok(Capped::TooLarge { size: read });
    }
    Ok(Capped::Bytes(bytes))
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

/// A size for people: `100.0 MB`.
pub fn human_size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // display only
    let mb = bytes as f64 / 1_000_000.0;
    format!("{mb:.1} MB")
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
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 1024),
            Ok(Capped::TooLarge { size: 1025 })
        ));
    }
}
