//! What a file that could not be used is, in one word every listing shows (the home screen,
//! `assess list`, the evidence checks): missing, unreadable or damaged. One function reads an
//! io error, so "permission denied" is never called damaged or missing anywhere.

use std::io::{Error, ErrorKind};

use super::SessionError;

/// Why a file cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Not there.
    Missing,
    /// There, but this user cannot read it (permission denied, a folder, an I/O error).
    Unreadable,
    /// Read, but its content is not a session this build can use.
    Damaged,
}

/// What an io error says about the file it names: not there (or a path through a file) is
/// missing; anything else is unreadable: the file is there and could not be read.
pub fn io_state(error: &Error) -> FileState {
    match error.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => FileState::Missing,
        _ => FileState::Unreadable,
    }
}

/// Whether an error says this user may not write there (a folder not writable by them, a
/// read-only file system): the session then opens read-only instead of failing.
pub fn refuses_writing(error: &Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
    )
}

impl SessionError {
    /// What this error says about the session file: its content (damaged, too large, newer
    /// format) or reading it (unreadable, missing).
    pub fn state(&self) -> FileState {
        match self {
            SessionError::NotFound { .. } => FileState::Missing,
            SessionError::Io { source, .. } => io_state(source),
            _ => FileState::Damaged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn io(kind: ErrorKind) -> SessionError {
        SessionError::Io {
            path: PathBuf::from("s.ron"),
            action: crate::session::IoAction::ReadSession,
            source: Error::from(kind),
        }
    }

    #[test]
    fn permission_denied_is_unreadable_never_damaged() {
        let cases = [
            (ErrorKind::PermissionDenied, FileState::Unreadable),
            (ErrorKind::IsADirectory, FileState::Unreadable),
            (ErrorKind::InvalidData, FileState::Unreadable),
            (ErrorKind::Other, FileState::Unreadable),
            (ErrorKind::NotFound, FileState::Missing),
            (ErrorKind::NotADirectory, FileState::Missing),
        ];
        for (kind, state) in cases {
            assert_eq!(io_state(&Error::from(kind)), state, "{kind:?}");
            assert_eq!(io(kind).state(), state, "{kind:?} reading a session");
        }
        let damaged = SessionError::Damaged {
            path: PathBuf::from("s.ron"),
            line: 1,
            column: 1,
            message: crate::textfile::TextProblem::Empty,
        };
        assert_eq!(damaged.state(), FileState::Damaged);
        let newer = SessionError::NewerFormat {
            path: PathBuf::from("s.ron"),
            found: 99,
        };
        assert_eq!(newer.state(), FileState::Damaged);
    }

    #[test]
    fn a_folder_that_refuses_writing_means_read_only() {
        assert!(refuses_writing(&Error::from(ErrorKind::PermissionDenied)));
        assert!(refuses_writing(&Error::from(ErrorKind::ReadOnlyFilesystem)));
        assert!(!refuses_writing(&Error::from(ErrorKind::NotFound)));
        assert!(!refuses_writing(&Error::from(ErrorKind::StorageFull)));
    }
}
