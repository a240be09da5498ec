//! Review filters: which requirements still need an assessor's attention. One predicate,
//! `matches`, serves the workbench (navigator, checklist, moving among matches), the CLI
//! summary and reports, so they always agree on what "flagged" or "Met without evidence" means.

use std::collections::BTreeMap;

use crate::model::LoadedModel;
use crate::session::{EvidenceCheck, Session, Status};

/// A filter over the requirements in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    Unanswered,
    Flagged,
    Partial,
    /// Not applicable with no (or a blank) justification, e.g. from an older file.
    NaWithoutJustification,
    MetWithoutEvidence,
    /// Cites a file that changed or went missing since it was attached.
    EvidenceProblem,
    /// Answered, with no "reviewed by" mark.
    NotReviewed,
}

impl Filter {
    pub const ALL: [Filter; 7] = [
        Filter::Unanswered,
        Filter::Flagged,
        Filter::Partial,
        Filter::NaWithoutJustification,
        Filter::MetWithoutEvidence,
        Filter::EvidenceProblem,
        Filter::NotReviewed,
    ];

    /// The filter a stable code names.
    pub fn from_code(code: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|f| f.code() == code)
    }

    /// A stable machine code (JSON, CSV).
    pub fn code(self) -> &'static str {
        match self {
            Filter::Unanswered => "unanswered",
            Filter::Flagged => "flagged",
            Filter::Partial => "partial",
            Filter::NaWithoutJustification => "na_without_justification",
            Filter::MetWithoutEvidence => "met_without_evidence",
            Filter::EvidenceProblem => "evidence_changed_or_missing",
            Filter::NotReviewed => "not_reviewed",
        }
    }
}

/// Whether a requirement (full id) matches a filter, given the evidence checks of the session.
pub fn matches(
    filter: Filter,
    session: &Session,
    requirement: &str,
    checks: &BTreeMap<String, EvidenceCheck>,
) -> bool {
    let answer = session.answers.get(requirement);
    let status = answer.and_then(|a| a.status);
    let evidence = answer.map_or(&[][..], |a| a.evidence.as_slice());
    match filter {
        Filter::Unanswered => status.is_none(),
        Filter::Flagged => answer.is_some_and(|a| a.flagged),
        Filter::Partial => status == Some(Status::Partial),
        Filter::NaWithoutJustification => {
            status == Some(Status::NotApplicable)
                && answer
                    .and_then(|a| a.justification.as_deref())
                    .is_none_or(|j| j.trim().is_empty())
        }
        Filter::MetWithoutEvidence => status == Some(Status::Met) && evidence.is_empty(),
        Filter::EvidenceProblem => evidence
            .iter()
            .any(|e| checks.get(e).is_some_and(EvidenceCheck::is_problem)),
        Filter::NotReviewed => status.is_some() && answer.is_some_and(|a| a.reviewed.is_none()),
    }
}

/// How many requirements in scope match each filter, in `Filter::ALL` order.
pub fn counts(
    model: &LoadedModel,
    session: &Session,
    checks: &BTreeMap<String, EvidenceCheck>,
) -> Vec<(Filter, usize)> {
    Filter::ALL
        .iter()
        .map(|&f| {
            let n = session
                .requirements_in_scope(model)
                .filter(|&r| matches(f, session, &model.index.requirements[r].id, checks))
                .count();
            (f, n)
        })
        .collect()
}

/// (changed, missing or unreadable) among the checked evidence files.
pub fn evidence_problems(checks: &BTreeMap<String, EvidenceCheck>) -> (usize, usize) {
    checks.values().fold((0, 0), |(c, m), check| match check {
        EvidenceCheck::Ok => (c, m),
        EvidenceCheck::Changed => (c + 1, m),
        _ => (c, m + 1),
    })
}

/// The words of statuses, severities and filters, looked up by the typed value.
impl crate::i18n::terms::Terms {
    pub fn status(&self, status: Status) -> &'static str {
        let i = match status {
            Status::Met => 0,
            Status::Partial => 1,
            Status::NotMet => 2,
            Status::NotApplicable => 3,
        };
        self.statuses[i]
    }

    pub fn severity(&self, severity: crate::session::Severity) -> &'static str {
        let i = crate::session::Severity::ALL
            .iter()
            .position(|s| *s == severity);
        self.severities[i.unwrap_or(0)]
    }

    pub fn filter(&self, filter: Filter) -> &'static str {
        let i = Filter::ALL.iter().position(|f| *f == filter);
        self.filters[i.unwrap_or(0)]
    }
}
