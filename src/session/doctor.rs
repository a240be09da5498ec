//! `assess doctor`: a health check of one session file — it parses, its model loads and
//! matches, hashed evidence is still there and unchanged, the backup is usable — and the
//! one repair it offers, restoring the backup without ever losing the bytes it replaces.

use std::fs;
use std::path::{Path, PathBuf};

use super::{
    EvidenceCheck, Session, SessionError, atomic_write, backup_path, candidates, evidence_checks,
    load_session, lock_holder, model_for, now_timestamp,
};
use crate::model::LoadedModel;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckSeverity {
    Ok,
    /// Worth knowing; no data is at risk.
    Warning,
    /// Something is wrong: data is missing, damaged or changed.
    Problem,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoctorFinding {
    pub severity: CheckSeverity,
    pub message: String,
}

fn finding(severity: CheckSeverity, message: impl Into<String>) -> DoctorFinding {
    DoctorFinding {
        severity,
        message: message.into(),
    }
}

/// Checks a session and everything it depends on. Reads only; never writes.
pub fn check_session(path: &Path) -> Vec<DoctorFinding> {
    let mut out = Vec::new();
    match load_session(path) {
        Ok(session) => {
            out.push(finding(
                CheckSeverity::Ok,
                format!(
                    "the session file parses (format {}, {}, {})",
                    session.format,
                    counted(session.answers.len(), "answer", "answers"),
                    counted(session.evidence.len(), "evidence entry", "evidence entries")
                ),
            ));
            check_model(&session, &mut out);
            check_evidence(path, &session, &mut out);
        }
        Err(e) => out.push(finding(CheckSeverity::Problem, e.to_string())),
    }
    check_backup(path, &mut out);
    if let Some(holder) = lock_holder(path) {
        out.push(finding(
            CheckSeverity::Warning,
            format!("the session is open for writing by {holder}"),
        ));
    }
    out
}

fn check_model(session: &Session, out: &mut Vec<DoctorFinding>) {
    let model = match model_for(session) {
        Ok(model) => model,
        Err(e) => {
            out.push(finding(
                CheckSeverity::Problem,
                format!("its model {:?} cannot be loaded: {e:#}", session.model.id),
            ));
            return;
        }
    };
    if model.hash == session.model.hash {
        out.push(finding(
            CheckSeverity::Ok,
            format!(
                "model {} {} loads and is the one the session was made with",
                model.model.id, model.model.version
            ),
        ));
    } else {
        out.push(finding(
            CheckSeverity::Warning,
            format!(
                "model {} has changed since the session was saved (version {} → {})",
                model.model.id, session.model.version, model.model.version
            ),
        ));
    }
    check_orphans(session, &model, out);
}

fn check_orphans(session: &Session, model: &LoadedModel, out: &mut Vec<DoctorFinding>) {
    let mut moved = session.clone();
    let aliased = moved.apply_aliases(model);
    if aliased.answers > 0 {
        out.push(finding(
            CheckSeverity::Warning,
            format!(
                "{} under old requirement ids and move to their new ids when opened",
                counted(aliased.answers, "answer is filed", "answers are filed")
            ),
        ));
    }
    if aliased.findings > 0 {
        out.push(finding(
            CheckSeverity::Warning,
            format!(
                "{} tied to old requirement ids and move to their new ids when opened",
                match aliased.findings {
                    1 => "1 finding is".to_string(),
                    n => format!("{n} findings are"),
                }
            ),
        ));
    }
    let orphans: Vec<&str> = moved
        .orphaned_answers(model)
        .map(|(id, _)| id.as_str())
        .collect();
    if !orphans.is_empty() {
        out.push(finding(
            CheckSeverity::Warning,
            format!(
                "{} to requirements the model no longer has (kept in the file, listed in reports): {}",
                counted(orphans.len(), "answer belongs", "answers belong"),
                orphans.join(", ")
            ),
        ));
    }
    let loose: Vec<String> = moved
        .findings
        .iter()
        .filter(|(_, f)| super::tie_kind(model, &f.tie).is_none())
        .map(|(id, f)| format!("{id} ({})", f.tie))
        .collect();
    if !loose.is_empty() {
        out.push(finding(
            CheckSeverity::Warning,
            format!(
                "{} about places the model no longer has (kept, listed in reports): {}",
                match loose.len() {
                    1 => "1 finding is".to_string(),
                    n => format!("{n} findings are"),
                },
                loose.join(", ")
            ),
        ));
    }
}

/// Where an evidence path given as relative is looked for: as given, then beside the session.
pub fn evidence_candidates(session_path: &Path, location: &str) -> Vec<PathBuf> {
    candidates(&base_dir(session_path), location)
}

/// The folder relative evidence locations are read from: the session's own.
pub fn base_dir(session_path: &Path) -> PathBuf {
    session_path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The same checks the workbench and reports show, as doctor lines.
fn check_evidence(path: &Path, session: &Session, out: &mut Vec<DoctorFinding>) {
    let checks = evidence_checks(session, &base_dir(path));
    let mut problems = 0;
    for (id, check) in &checks {
        let evidence = &session.evidence[id];
        let label = format!("evidence {id} {:?} ({})", evidence.title, evidence.location);
        let what = match check {
            EvidenceCheck::Ok => continue,
            EvidenceCheck::Missing => "the file is missing".to_string(),
            EvidenceCheck::Changed => "the file has changed since it was attached".to_string(),
            EvidenceCheck::Unreadable(e) => format!("cannot read the file: {e}"),
        };
        problems += 1;
        out.push(finding(CheckSeverity::Problem, format!("{label}: {what}")));
    }
    if !checks.is_empty() && problems == 0 {
        out.push(finding(
            CheckSeverity::Ok,
            format!(
                "{} present and unchanged",
                counted(checks.len(), "evidence file is", "evidence files are")
            ),
        ));
    }
}

fn check_backup(path: &Path, out: &mut Vec<DoctorFinding>) {
    let backup = backup_path(path);
    if !backup.exists() {
        out.push(finding(
            CheckSeverity::Ok,
            format!(
                "no backup {} yet (it appears with the second save)",
                backup.display()
            ),
        ));
        return;
    }
    match load_session(&backup) {
        Ok(s) => out.push(finding(
            CheckSeverity::Ok,
            format!(
                "the backup {} parses and is usable (saved {}, {})",
                backup.display(),
                s.updated,
                counted(s.answers.len(), "answer", "answers")
            ),
        )),
        Err(e) => out.push(finding(
            CheckSeverity::Problem,
            format!("the backup is not usable: {e}"),
        )),
    }
}

/// "1 answer", "2 answers".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What `restore_backup` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Where the replaced session file was kept, if there was one.
    pub kept: Option<PathBuf>,
}

/// Why a restore was refused.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{}: there is no backup to restore", path.display())]
    NoBackup { path: PathBuf },
    #[error("the backup cannot be restored: {0}")]
    BadBackup(SessionError),
    #[error(transparent)]
    Locked(#[from] super::LockError),
    #[error(transparent)]
    Io(SessionError),
}

/// Replaces `NAME.ron` by `NAME.ron.bak` after keeping the current file, byte for byte, as
/// `NAME.ron.damaged-<timestamp>`. Refuses when the backup does not parse or the session is
/// open for writing elsewhere. The backup itself stays in place.
pub fn restore_backup(path: &Path) -> Result<Restored, RestoreError> {
    let path = &super::real_session_path(path);
    let backup = backup_path(path);
    if !backup.exists() {
        return Err(RestoreError::NoBackup {
            path: path.to_path_buf(),
        });
    }
    load_session(&backup).map_err(RestoreError::BadBackup)?;
    let _lock = super::acquire_lock(path)?;
    let bytes = fs::read(&backup).map_err(|e| RestoreError::Io(io(&backup, "cannot read", e)))?;
    let kept = if path.exists() {
        Some(keep_current(path)?)
    } else {
        None
    };
    atomic_write(path, &bytes, false).map_err(RestoreError::Io)?;
    Ok(Restored { kept })
}

fn io(path: &Path, action: &str, source: std::io::Error) -> SessionError {
    SessionError::Io {
        path: path.to_path_buf(),
        action: action.to_string(),
        source,
    }
}

/// Keeps the current file under a free `NAME.ron.damaged-<timestamp>[-n]`: a hard link (the
/// very same bytes, whatever their size), or a private copy where links are not supported.
fn keep_current(path: &Path) -> Result<PathBuf, RestoreError> {
    let stamp: String = now_timestamp()
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let target = (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            super::sibling(path, &format!(".damaged-{stamp}{suffix}"))
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| super::sibling(path, &format!(".damaged-{stamp}")));
    if fs::hard_link(path, &target).is_ok() {
        // The kept bytes are as private as a session, whatever mode the damaged file had.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
        }
    } else {
        let bytes = fs::read(path).map_err(|e| RestoreError::Io(io(path, "cannot read", e)))?;
        atomic_write(&target, &bytes, false).map_err(RestoreError::Io)?;
    }
    Ok(target)
}
