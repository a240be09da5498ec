//! `assess doctor`: prints the session health report, and restores the backup on request.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::i18n::{Lang, fill};
use crate::session::{self, CheckSeverity, SessionError};

/// The session a spec names; a missing file is fine when its backup exists (doctor can restore).
pub fn resolve(spec: &str, dir: &Path) -> Result<PathBuf> {
    match session::resolve_session(spec, dir) {
        Ok(path) => Ok(path),
        Err(SessionError::NotFound { path, .. }) if session::backup_path(&path).exists() => {
            Ok(path)
        }
        Err(e) => Err(e.into()),
    }
}

/// Prints the report; exit code 1 when a problem was found.
pub fn doctor(out: &mut dyn Write, path: &Path, restore: bool, lang: Lang) -> Result<ExitCode> {
    let t = lang.texts().cli;
    let shown = path.display().to_string();
    if restore {
        let restored = session::restore_backup(path)?;
        let line = match &restored.kept {
            Some(kept) => fill(
                t.restored_kept,
                &[("path", &shown), ("kept", &kept.display().to_string())],
            ),
            None => fill(t.restored, &[("path", &shown)]),
        };
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", fill(t.checking, &[("path", &shown)]))?;
    let findings = session::check_session(path);
    for f in &findings {
        let tag = match f.severity {
            CheckSeverity::Ok => t.tags[0],
            CheckSeverity::Warning => t.tags[1],
            CheckSeverity::Problem => t.tags[2],
        };
        let message = lang.doctor_check(&f.check);
        let mut lines = message.lines();
        writeln!(out, "  {tag}  {}", lines.next().unwrap_or(""))?;
        for line in lines {
            writeln!(out, "           {line}")?;
        }
    }
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let (problems, warnings) = (count(CheckSeverity::Problem), count(CheckSeverity::Warning));
    let warnings = counted(t.counted[0], t.counted[1], warnings);
    if problems == 0 {
        writeln!(out, "{}", fill(t.no_problems, &[("warnings", &warnings)]))?;
        return Ok(ExitCode::SUCCESS);
    }
    let problems = counted(t.counted[2], t.counted[3], problems);
    let both = [
        ("problems", problems.as_str()),
        ("warnings", warnings.as_str()),
    ];
    writeln!(out, "{}", fill(t.problems, &both))?;
    let backup_ok = findings
        .iter()
        .any(|f| matches!(f.check, session::Check::BackupUsable { .. }));
    if backup_ok && !restore {
        writeln!(out, "{}", fill(t.backup_usable, &[("path", &shown)]))?;
    }
    Ok(ExitCode::FAILURE)
}

/// `one` when `n` is 1, else `many` with `{n}` filled.
fn counted(one: &str, many: &str, n: usize) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill(many, &[("n", &n.to_string())])
    }
}
