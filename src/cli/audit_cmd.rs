//! `assess log`, `finalize`, `reopen` and `verify`: the audit trail and sign-off.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, fill};
use crate::review;
use crate::session::sshsig::SignatureCheck;
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
    /// How the change came in (`imported from FILE`), empty when typed.
    via: &'a str,
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
                via: &c.via,
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
    // Each column as shown (a code in the reader's language), padded to its widest.
    let by = |c: &session::Change| session::who_label(&c.by, lang).to_string();
    let target = |c: &session::Change| session::target_label(&c.target, lang).to_string();
    let field = |c: &session::Change| session::field_label(&c.field, lang).to_string();
    let width = |f: &dyn Fn(&session::Change) -> String| {
        session
            .history
            .iter()
            .map(|c| f(c).width())
            .max()
            .unwrap_or(0)
    };
    let (by_w, target_w, field_w) = (width(&by), width(&target), width(&field));
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let answers = session.history.iter().filter(|c| c.field == "status");
    let model = session::model_for_labels(
        &session,
        answers.flat_map(|c| [c.old.as_str(), c.new.as_str()]),
    );
    let shown = |c: &session::Change, value: &str| shown(model.as_ref(), c, value, lang);
    for c in &session.history {
        let via = if c.via.is_empty() {
            String::new()
        } else {
            format!("  ({})", session::via_label(&c.via, lang))
        };
        writeln!(
            out,
            "{}  {}  {}  {}  {} → {}{via}",
            c.at,
            pad(&by(c), by_w),
            pad(&target(c), target_w),
            pad(&field(c), field_w),
            shown(c, &c.old),
            shown(c, &c.new),
        )?;
    }
    Ok(())
}

/// A recorded value on one line, in `lang`: an answer by its label on its scale (the trail
/// holds its code or option id, or the English label of older files), empty as `(empty)`.
fn shown(
    model: Option<&crate::model::LoadedModel>,
    c: &session::Change,
    value: &str,
    lang: Lang,
) -> String {
    match session::recorded_value(model, &c.target, &c.field, value, lang) {
        Some(shown) => shown,
        None if value.is_empty() => lang.texts().cli.empty.to_string(),
        None => value.replace('\n', "\\n"),
    }
}

/// Loads a session for a change, holding its write lock so no workbench writes meanwhile.
fn change(path: &Path, edit: impl FnOnce(&mut Session) -> Result<()>) -> Result<()> {
    let _lock = session::acquire_lock(path).map_err(|e| match e {
        // Viewing read-only is no way to sign off or reopen: say what does work.
        session::LockError::Held { session, holder } => {
            let lang = Lang::choose(None);
            let values = [
                ("path", session.display().to_string()),
                ("holder", lang.lock_holder(&holder)),
            ];
            let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
            anyhow::anyhow!(
                "{}",
                crate::i18n::fill(lang.texts().health.held_elsewhere, &values)
            )
        }
        other => other.into(),
    })?;
    let mut session = session::load_session(path)?;
    edit(&mut session)?;
    session::save_session(path, &session)?;
    Ok(())
}

/// `assess finalize`: prints the pre-flight list, then signs the session off as final under
/// `who` unless a check the policy makes blocking finds something; with `key`, the sign-off is
/// also signed with that SSH key (nothing is saved if signing fails).
pub fn finalize(
    out: &mut dyn Write,
    path: &Path,
    who: &str,
    key: Option<&Path>,
    policy: &review::SignOffPolicy,
) -> Result<()> {
    let mut signed = None;
    change(path, |s| {
        s.ensure_editable()?;
        // Counted as the workbench counts: answers under aliased ids moved to their new ids.
        let opened = session::open_session(path)?;
        let checks = session::evidence_checks(&opened.session, &session::base_dir(path));
        let items = review::preflight(&opened.model, &opened.session, &checks, policy);
        let lang = opened.session.cursor.lang;
        if let Some(line) = review::conflicts_line(s, lang) {
            writeln!(out, "{line}")?;
        }
        for line in review::preflight_lines(&items, lang) {
            writeln!(out, "{line}")?;
        }
        // Open merge conflicts refuse whatever the policy: no answer there is settled yet.
        s.ensure_no_conflicts()?;
        if review::blocked(&items) {
            let path = path.display().to_string();
            anyhow::bail!(fill(lang.texts().signoff.refused, &[("path", &path)]));
        }
        s.ensure_assessor(who)?;
        s.finalize(who)?;
        if let Some(key) = key {
            s.sign_with_key(key).map_err(anyhow::Error::msg)?;
        }
        signed = s.sign_off.clone();
        Ok(())
    })?;
    if let Some(s) = signed {
        let t = session::load_session(path)?.cursor.lang.texts().verify;
        let how = if s.signature.is_some() {
            t.with_key
        } else {
            t.without_key
        };
        let path = path.display().to_string();
        let values = [
            ("path", path.as_str()),
            ("by", s.by.as_str()),
            ("at", s.at.as_str()),
            ("how", how),
            ("hash", s.hash.as_str()),
        ];
        writeln!(out, "{}", fill(t.signed_off, &values))?;
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
    let t = session::load_session(path)?.cursor.lang.texts().verify;
    let path = path.display().to_string();
    let values = [
        ("path", path.as_str()),
        ("by", who),
        ("reason", reason.trim()),
    ];
    writeln!(out, "{}", fill(t.reopened, &values))?;
    Ok(())
}

/// `assess verify`: says whether the content is intact and whether, and by whom, the sign-off
/// is signed. Success for a final session whose content is intact and whose signature (if
/// any) is good; failure otherwise.
pub fn verify(out: &mut dyn Write, path: &Path, allowed: Option<&Path>) -> Result<ExitCode> {
    let session = session::load_session(path)?;
    let t = session.cursor.lang.texts().verify;
    let name = path.display().to_string();
    let sign_off = match session.verify_with_model() {
        Verification::NotFinal => {
            writeln!(out, "{}", fill(t.not_final, &[("path", &name)]))?;
            return Ok(ExitCode::FAILURE);
        }
        Verification::Mismatch {
            sign_off, reasons, ..
        } => {
            let values = [
                ("path", name.as_str()),
                ("by", &sign_off.by),
                ("at", &sign_off.at),
            ];
            writeln!(out, "{}", fill(t.mismatch, &values))?;
            for reason in reasons {
                writeln!(out, "  - {}", session.cursor.lang.mismatch_reason(&reason))?;
            }
            return Ok(ExitCode::FAILURE);
        }
        Verification::Match { sign_off } => sign_off,
    };
    let values = [
        ("path", name.as_str()),
        ("by", &sign_off.by),
        ("at", &sign_off.at),
        ("hash", &sign_off.hash),
    ];
    writeln!(out, "{}", fill(t.intact, &values))?;
    if sign_off.canonical < session::CANONICAL_VERSION {
        writeln!(out, "{}", t.older_sign_off)?;
    }
    let check = session::sshsig::check(sign_off.signature.as_deref(), &sign_off.hash, allowed);
    let (line, good) = match check {
        SignatureCheck::Good { principal, key } => (
            fill(t.signed_by, &[("key", &key), ("principal", &principal)]),
            true,
        ),
        SignatureCheck::Unsigned => (t.unsigned.to_string(), true),
        SignatureCheck::ValidUnknownSigner { key } => {
            (fill(t.unknown_signer, &[("key", &key)]), true)
        }
        SignatureCheck::Bad(why) => (fill(t.bad_signature, &[("why", &why)]), false),
        SignatureCheck::Unchecked(why) => (fill(t.unchecked, &[("why", &why)]), false),
    };
    writeln!(out, "{line}")?;
    Ok(if good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
