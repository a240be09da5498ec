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

/// One line of the report: how bad, what was found (typed, told in a language by
/// `Lang::doctor_check`), and the same in English for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoctorFinding {
    pub severity: CheckSeverity,
    pub message: String,
    pub check: Check,
}

/// What the doctor found, with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Parses {
        format: u32,
        answers: usize,
        evidence: usize,
    },
    /// The session file does not load (the error as it reads).
    Unparsable(String),
    ModelUnloadable {
        id: String,
        error: String,
    },
    ModelSame {
        id: String,
        version: String,
    },
    ModelChanged {
        id: String,
        from: String,
        to: String,
    },
    AliasedAnswers(usize),
    AliasedFindings(usize),
    Orphans(Vec<String>),
    /// Findings about places the model no longer has: `F1 (tie)`.
    LooseFindings(Vec<String>),
    EvidenceProblem {
        id: String,
        title: String,
        location: String,
        check: EvidenceCheck,
    },
    EvidenceOk(usize),
    NoBackup(PathBuf),
    BackupUsable {
        path: PathBuf,
        saved: String,
        answers: usize,
    },
    BackupUnusable(String),
    Locked(super::LockHolder),
}

fn finding(severity: CheckSeverity, check: Check) -> DoctorFinding {
    DoctorFinding {
        severity,
        message: crate::lang::Lang::En.doctor_check(&check),
        check,
    }
}

/// Checks a session and everything it depends on. Reads only; never writes.
pub fn check_session(path: &Path) -> Vec<DoctorFinding> {
    let mut out = Vec::new();
    match load_session(path) {
        Ok(session) => {
            let parses = Check::Parses {
                format: session.format,
                answers: session.answers.len(),
                evidence: session.evidence.len(),
            };
            out.push(finding(CheckSeverity::Ok, parses));
            check_model(&session, &mut out);
            check_evidence(path, &session, &mut out);
        }
        Err(e) => out.push(finding(
            CheckSeverity::Problem,
            Check::Unparsable(e.to_string()),
        )),
    }
    check_backup(path, &mut out);
    if let Some(holder) = lock_holder(path) {
        out.push(finding(CheckSeverity::Warning, Check::Locked(holder)));
    }
    out
}

fn check_model(session: &Session, out: &mut Vec<DoctorFinding>) {
    let model = match model_for(session) {
        Ok(model) => model,
        Err(e) => {
            let check = Check::ModelUnloadable {
                id: session.model.id.clone(),
                error: format!("{e:#}"),
            };
            out.push(finding(CheckSeverity::Problem, check));
            return;
        }
    };
    let id = model.model.id.clone();
    if model.hash == session.model.hash {
        let version = model.model.version.clone();
        out.push(finding(CheckSeverity::Ok, Check::ModelSame { id, version }));
    } else {
        let (from, to) = (session.model.version.clone(), model.model.version.clone());
        out.push(finding(
            CheckSeverity::Warning,
            Check::ModelChanged { id, from, to },
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
            Check::AliasedAnswers(aliased.answers),
        ));
    }
    if aliased.findings > 0 {
        out.push(finding(
            CheckSeverity::Warning,
            Check::AliasedFindings(aliased.findings),
        ));
    }
    let orphans: Vec<String> = moved
        .orphaned_answers(model)
        .map(|(id, _)| id.clone())
        .collect();
    if !orphans.is_empty() {
        out.push(finding(CheckSeverity::Warning, Check::Orphans(orphans)));
    }
    let loose: Vec<String> = moved
        .findings
        .iter()
        .filter(|(_, f)| super::tie_kind(model, &f.tie).is_none())
        .map(|(id, f)| format!("{id} ({})", f.tie))
        .collect();
    if !loose.is_empty() {
        out.push(finding(CheckSeverity::Warning, Check::LooseFindings(loose)));
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
        if *check == EvidenceCheck::Ok {
            continue;
        }
        let evidence = &session.evidence[id];
        problems += 1;
        let problem = Check::EvidenceProblem {
            id: id.clone(),
            title: evidence.title.clone(),
            location: evidence.location.clone(),
            check: check.clone(),
        };
        out.push(finding(CheckSeverity::Problem, problem));
    }
    if !checks.is_empty() && problems == 0 {
        out.push(finding(CheckSeverity::Ok, Check::EvidenceOk(checks.len())));
    }
}

fn check_backup(path: &Path, out: &mut Vec<DoctorFinding>) {
    let backup = backup_path(path);
    if !backup.exists() {
        out.push(finding(CheckSeverity::Ok, Check::NoBackup(backup)));
        return;
    }
    match load_session(&backup) {
        Ok(s) => {
            let usable = Check::BackupUsable {
                path: backup,
                saved: s.updated,
                answers: s.answers.len(),
            };
            out.push(finding(CheckSeverity::Ok, usable));
        }
        Err(e) => out.push(finding(
            CheckSeverity::Problem,
            Check::BackupUnusable(e.to_string()),
        )),
    }
}

/// The doctor's findings in words: the catalogue's sentences, filled with their data.
impl crate::lang::Lang {
    /// One finding of `assess doctor`, told in this language.
    pub fn doctor_check(self, check: &Check) -> String {
        use crate::i18n::fill;
        let t = self.texts().health;
        let counted =
            |forms: [&str; 2], n: usize| fill(forms[usize::from(n != 1)], &[("n", &n.to_string())]);
        match check {
            Check::Parses {
                format,
                answers,
                evidence,
            } => fill(
                t.parses,
                &[
                    ("format", &format.to_string()),
                    ("answers", &counted(t.answers, *answers)),
                    ("evidence", &counted(t.evidence_entries, *evidence)),
                ],
            ),
            Check::Unparsable(error) => fill(t.unparsable, &[("error", error)]),
            Check::ModelUnloadable { id, error } => fill(
                t.model_unloadable,
                &[("id", &format!("{id:?}")), ("error", error)],
            ),
            Check::ModelSame { id, version } => {
                fill(t.model_same, &[("id", id), ("version", version)])
            }
            Check::ModelChanged { id, from, to } => {
                fill(t.model_changed, &[("id", id), ("from", from), ("to", to)])
            }
            Check::AliasedAnswers(n) => counted(t.aliased_answers, *n),
            Check::AliasedFindings(n) => counted(t.aliased_findings, *n),
            Check::Orphans(ids) => {
                fill(&counted(t.orphans, ids.len()), &[("ids", &ids.join(", "))])
            }
            Check::LooseFindings(list) => fill(
                &counted(t.loose_findings, list.len()),
                &[("list", &list.join(", "))],
            ),
            Check::EvidenceProblem {
                id,
                title,
                location,
                check,
            } => {
                let what = match check {
                    EvidenceCheck::Missing => t.file_missing.to_string(),
                    EvidenceCheck::Changed => t.file_changed.to_string(),
                    EvidenceCheck::Unreadable(e) => fill(t.file_unreadable, &[("error", e)]),
                    EvidenceCheck::Ok => String::new(),
                };
                fill(
                    t.evidence_problem,
                    &[
                        ("id", id),
                        ("title", &format!("{title:?}")),
                        ("location", location),
                        ("what", &what),
                    ],
                )
            }
            Check::EvidenceOk(n) => {
                fill(t.evidence_ok, &[("files", &counted(t.evidence_files, *n))])
            }
            Check::NoBackup(path) => fill(t.no_backup, &[("path", &path.display().to_string())]),
            Check::BackupUsable {
                path,
                saved,
                answers,
            } => fill(
                t.backup_usable,
                &[
                    ("path", &path.display().to_string()),
                    ("saved", saved),
                    ("answers", &counted(t.answers, *answers)),
                ],
            ),
            Check::BackupUnusable(error) => fill(t.backup_unusable, &[("error", error)]),
            Check::Locked(holder) => fill(t.locked, &[("holder", &self.lock_holder(holder))]),
        }
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
    let bytes =
        fs::read(&backup).map_err(|e| RestoreError::Io(io(&backup, super::IoAction::Read, e)))?;
    let kept = if path.exists() {
        Some(keep_current(path)?)
    } else {
        None
    };
    atomic_write(path, &bytes, false).map_err(RestoreError::Io)?;
    Ok(Restored { kept })
}

fn io(path: &Path, action: super::IoAction, source: std::io::Error) -> SessionError {
    SessionError::Io {
        path: path.to_path_buf(),
        action,
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
        let bytes =
            fs::read(path).map_err(|e| RestoreError::Io(io(path, super::IoAction::Read, e)))?;
        atomic_write(&target, &bytes, false).map_err(RestoreError::Io)?;
    }
    Ok(target)
}
