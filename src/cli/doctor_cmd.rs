//! `assess doctor`: prints the session health report, and restores the backup on request.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

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
pub fn doctor(out: &mut dyn Write, path: &Path, restore: bool) -> Result<ExitCode> {
    if restore {
        let restored = session::restore_backup(path)?;
        match &restored.kept {
            Some(kept) => writeln!(
                out,
                "Restored {} from its backup; the replaced file is kept as {}.",
                path.display(),
                kept.display()
            )?,
            None => writeln!(out, "Restored {} from its backup.", path.display())?,
        }
    }
    writeln!(out, "Checking {}", path.display())?;
    let findings = session::check_session(path);
    for f in &findings {
        let tag = match f.severity {
            CheckSeverity::Ok => "ok     ",
            CheckSeverity::Warning => "warning",
            CheckSeverity::Problem => "PROBLEM",
        };
        let mut lines = f.message.lines();
        writeln!(out, "  {tag}  {}", lines.next().unwrap_or(""))?;
        for line in lines {
            writeln!(out, "           {line}")?;
        }
    }
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let (problems, warnings) = (count(CheckSeverity::Problem), count(CheckSeverity::Warning));
    if problems == 0 {
        writeln!(out, "No problems, {}.", plural(warnings, "warning"))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{}, {}.",
        plural(problems, "problem"),
        plural(warnings, "warning")
    )?;
    let backup_ok = findings
        .iter()
        .any(|f| f.severity == CheckSeverity::Ok && f.message.starts_with("the backup "));
    if backup_ok && !restore {
        writeln!(
            out,
            "The backup is usable: `assess doctor {} --restore-backup` restores it and keeps the current file.",
            path.display()
        )?;
    }
    Ok(ExitCode::FAILURE)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
