//! Redaction for sharing results outside the assessed organisation: replaces names, the
//! organisation, title and scope, notes, justifications, evidence titles and locations, and
//! who answered with a visible placeholder ("[redacted]", "〔已隐去〕") wherever there was
//! text, so a reader sees what was removed; keeps the structure, the answers, severities,
//! dates, statuses, scores and every count (a list of three names stays three entries long).

use super::data::{AnswerView, ReportData};
use crate::lang::Lang;

/// Replaces every confidential string of the report data, in place.
pub fn redact(data: &mut ReportData) {
    data.redacted = true;
    let mark = Lang::from_code(&data.lang).texts().deliverable.redacted;
    let hide = |s: &mut String| {
        if !s.is_empty() {
            *s = mark.to_string();
        }
    };
    let s = &mut data.session;
    for text in [&mut s.title, &mut s.organisation, &mut s.scope] {
        hide(text);
    }
    s.assessors.iter_mut().for_each(hide);
    for p in &mut s.participants {
        hide(&mut p.name);
        hide(&mut p.role);
    }
    if let Some(sign_off) = &mut s.sign_off {
        hide(&mut sign_off.by);
    }
    let answers = data
        .parts
        .iter_mut()
        .flat_map(|p| &mut p.domains)
        .flat_map(|d| &mut d.practices)
        .flat_map(|p| &mut p.requirements)
        .map(|r| &mut r.answer)
        .chain(data.orphaned.iter_mut().map(|o| &mut o.answer));
    answers.for_each(|a| redact_answer(a, &hide));
    for h in data.not_applicable.iter_mut().chain(&mut data.flagged) {
        h.justification.iter_mut().for_each(hide);
        hide(&mut h.note);
        hide(&mut h.by);
    }
    super::workshop::redact(&mut data.findings, &hide);
    for e in &mut data.evidence {
        for text in [&mut e.title, &mut e.location, &mut e.added_by] {
            hide(text);
        }
        e.sha256 = None;
        e.size = None;
    }
}

fn redact_answer(a: &mut AnswerView, hide: &impl Fn(&mut String)) {
    a.justification.iter_mut().for_each(hide);
    for text in [&mut a.note, &mut a.by, &mut a.decided_by, &mut a.discussion] {
        hide(text);
    }
    if let Some(r) = &mut a.reviewed {
        hide(&mut r.by);
    }
}
