//! Redaction for sharing results outside the assessed organisation: removes names, the
//! organisation, title and scope, notes, justifications, evidence titles, locations and hashes,
//! and who answered; keeps the structure, the answers, the dates and the scores.

use super::data::{AnswerView, ReportData};

/// Strips every confidential string from the report data, in place.
pub fn redact(data: &mut ReportData) {
    data.redacted = true;
    let s = &mut data.session;
    s.title.clear();
    s.organisation.clear();
    s.scope.clear();
    s.assessors.clear();
    s.participants.clear();
    if let Some(sign_off) = &mut s.sign_off {
        sign_off.by.clear();
    }
    let answers = data
        .parts
        .iter_mut()
        .flat_map(|p| &mut p.domains)
        .flat_map(|d| &mut d.practices)
        .flat_map(|p| &mut p.requirements)
        .map(|r| &mut r.answer)
        .chain(data.orphaned.iter_mut().map(|o| &mut o.answer));
    answers.for_each(redact_answer);
    for h in data.not_applicable.iter_mut().chain(&mut data.flagged) {
        h.justification = h.justification.as_ref().map(|_| String::new());
        h.note.clear();
    }
    super::workshop::redact(&mut data.findings);
    for e in &mut data.evidence {
        e.title.clear();
        e.location.clear();
        e.sha256 = None;
        e.size = None;
        e.added_by.clear();
    }
}

fn redact_answer(a: &mut AnswerView) {
    a.justification = a.justification.as_ref().map(|_| String::new());
    a.note.clear();
    a.by.clear();
    if let Some(r) = &mut a.reviewed {
        r.by.clear();
    }
    a.decided_by.clear();
    a.discussion.clear();
}
