//! `assess log`, `finalize`, `reopen` and `verify`: the audit trail and sign-off.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::session::{self, Session, Verification};

/// One change in `assess log --json`: every key always present, so scripts need no defaults.
#[derive(serde::Serialize)]
struct LogRow<'a> {
    at: &'a str,
    by: &'a str,
    target: &'a str,
    field: &'a str,
    old: &'a str,
    new: &'a str,
}

/// `assess log`: the whole history, oldest first; text aligned in columns, or JSON.
pub fn log(out: &mut dyn Write, path: &Path, as_json: bool, lang: Lang) -> Result<()> {
    let t = lang.texts().cli;
    let session = session::load_session(path)?;
    if as_json {
        let rows: Vec<LogRow> = session
            .history
            .iter()
            .map(|c| LogRow {
                at: &c.at,
                by: &c.by,
                target: &c.target,
                field: &c.field,
                old: &c.old,
                new: &c.new,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if session.history.is_empty() {
        writeln!(out, "{}", t.no_changes)?;
        return Ok(());
    }
    let width = |f: fn(&session::Change) -> &str| {
        session
            .history
            .iter()
            .map(|c| f(c).width())
            .max()
            .unwrap_or(0)
    };
    let (by_w, target_w, field_w) = (width(|c| &c.by), width(|c| &c.target), width(|c| &c.field));
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    for c in &session.history {
        writeln!(
            out,
            "{}  {}  {}  {}  {} → {}",
            c.at,
            pad(&c.by, by_w),
            pad(&c.target, target_w),
            pad(&c.field, field_w),
            shown(&c.field, &c.old, lang),
            shown(&c.field, &c.new, lang),
        )?;
    }
    Ok(())
}

/// A recorded value on one line, in `lang`: a status by its name (the trail holds its code, or
/// the English label of older files), empty as `(empty)`.
fn shown(field: &str, value: &str, lang: Lang) -> String {
    let status = (field == "status").then(|| session::Status::from_recorded(value));
    match status.flatten() {
        Some(s) => lang.texts().terms.status(s).to_string(),
        None if value.is_empty() => lang.texts().cli.empty.to_string(),
        None => value.replace('\n', "\\n"),
    }
}

/// Loads a session for a change, holding its write lock so no workbench writes meanwhile.
fn change(path: &Path, edit: impl FnOnce(&mut Session) -> Result<()>) -> Result<()> {
    let _lock = session::acquire_lock(path)?;
    let mut session = session::load_session(path)?;
    edit(&mut session)?;
    session::save_session(path, &session)?;
    Ok(())
}

/// `assess finalize`: signs the session off as final under `who`.
pub fn finalize(out: &mut dyn Write, path: &Path, who: &str) -> Result<()> {
    let mut signed = None;
    change(path, |s| {
        s.ensure_editable()?;
        s.ensure_assessor(who)?;
        signed = Some(s.finalize(who)?.clone());
        Ok(())
    })?;
    if let Some(s) = signed {
        writeln!(
            out,
            "{}: signed off as final by {} at {}\n{}",
            path.display(),
            s.by,
            s.at,
            s.hash
        )?;
    }
    Ok(())
}

/// `assess reopen`: makes a final session editable again; the reason is logged.
pub fn reopen(out: &mut dyn Write, path: &Path, reason: &str, who: &str) -> Result<()> {
    change(path, |s| {
        s.reopen(reason, who)?;
        s.ensure_assessor(who)?;
        Ok(())
    })?;
    writeln!(
        out,
        "{}: reopened by {who}: {}",
        path.display(),
        reason.trim()
    )?;
    Ok(())
}

/// `assess verify`: success only for a signed-off session whose content is unchanged.
pub fn verify(out: &mut dyn Write, path: &Path) -> Result<ExitCode> {
    let session = session::load_session(path)?;
    let name = path.display();
    match session.verify() {
        Verification::Match { sign_off } => {
            writeln!(
                out,
                "{name}: match: final, signed off by {} at {}\n{}",
                sign_off.by, sign_off.at, sign_off.hash
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Verification::Mismatch { sign_off, actual } => {
            writeln!(
                out,
                "{name}: MISMATCH: the content changed after {} signed it off at {}\nsigned: {}\nnow:    {actual}",
                sign_off.by, sign_off.at, sign_off.hash
            )?;
            Ok(ExitCode::FAILURE)
        }
        Verification::NotFinal => {
            writeln!(
                out,
                "{name}: not signed off: nothing to verify (assess finalize signs it off)"
            )?;
            Ok(ExitCode::FAILURE)
        }
    }
}
