//! Review filters: which requirements still need an assessor's attention. One predicate,
//! `matches`, serves the workbench (navigator, checklist, moving among matches), the CLI
//! summary and reports, so they always agree on what "flagged" or "Met without evidence" means.

use std::collections::BTreeMap;

use crate::i18n::{Lang, fill};
use crate::model::{AnswerScale, LoadedModel, caict_scale};
use crate::session::scale::{self, Kind};
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

/// Whether a requirement (full id) answered on the built-in CAICT scale matches a filter,
/// given the evidence checks of the session.
pub fn matches(
    filter: Filter,
    session: &Session,
    requirement: &str,
    checks: &BTreeMap<String, EvidenceCheck>,
) -> bool {
    matches_on(filter, caict_scale(), session, requirement, checks)
}

/// Whether a requirement (full id) answered on `scale` matches a filter: "partial", "N/A
/// without justification" (any answer that needs a reason) and "Met without evidence" (any
/// passed answer) ask the scale what the answer means.
pub fn matches_on(
    filter: Filter,
    scale: &AnswerScale,
    session: &Session,
    requirement: &str,
    checks: &BTreeMap<String, EvidenceCheck>,
) -> bool {
    let answer = session.answers.get(requirement);
    let status = answer.and_then(|a| a.status);
    let kind = status.map(|s| scale::kind(scale, s));
    let evidence = answer.map_or(&[][..], |a| a.evidence.as_slice());
    match filter {
        Filter::Unanswered => status.is_none(),
        Filter::Flagged => answer.is_some_and(|a| a.flagged),
        Filter::Partial => kind == Some(Kind::Partial),
        Filter::NaWithoutJustification => {
            status.is_some_and(|s| scale::needs_reason(scale, s))
                && answer
                    .and_then(|a| a.justification.as_deref())
                    .is_none_or(|j| j.trim().is_empty())
        }
        Filter::MetWithoutEvidence => kind == Some(Kind::Passed) && evidence.is_empty(),
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
                .filter(|&r| {
                    let id = &model.index.requirements[r].id;
                    matches_on(f, scale::scale_at(model, r), session, id, checks)
                })
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
            // Another scale's option: its id (its label is the model's: `scale::label`).
            other => return other.id(),
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
/// What sign-off looks at first, in the order it is listed. (Partial is an answer like any
/// other, so it is not among them.)
pub const PREFLIGHT: [Filter; 6] = [
    Filter::Unanswered,
    Filter::Flagged,
    Filter::NaWithoutJustification,
    Filter::MetWithoutEvidence,
    Filter::EvidenceProblem,
    Filter::NotReviewed,
];

/// Which pre-flight findings refuse a sign-off; the others are shown and can be signed past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffPolicy {
    pub blocking: Vec<Filter>,
}

impl Default for SignOffPolicy {
    /// By default only what makes the sealed record indefensible blocks: a "Not applicable"
    /// with no reason, and cited evidence that is no longer the file that was attached. An
    /// unfinished or unreviewed assessment may still be signed as it stands, after the list.
    fn default() -> Self {
        Self {
            blocking: vec![Filter::NaWithoutJustification, Filter::EvidenceProblem],
        }
    }
}

impl SignOffPolicy {
    /// A comma-separated list of filter codes (`unanswered,flagged`), or `none`.
    pub fn parse(list: &str) -> Result<Self, UnknownCheck> {
        let mut blocking = Vec::new();
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            if code == "none" {
                continue;
            }
            match Filter::from_code(code).filter(|f| PREFLIGHT.contains(f)) {
                Some(f) if !blocking.contains(&f) => blocking.push(f),
                Some(_) => {}
                None => {
                    return Err(UnknownCheck {
                        code: code.to_string(),
                    });
                }
            }
        }
        Ok(Self { blocking })
    }
}

/// A sign-off policy names a check that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCheck {
    pub code: String,
}

impl UnknownCheck {
    /// The refusal in `lang`, listing the checks there are.
    pub fn told(&self, lang: crate::lang::Lang) -> String {
        let known: Vec<&str> = PREFLIGHT.iter().map(|f| f.code()).collect();
        let values = [("code", self.code.as_str()), ("checks", &known.join(", "))];
        crate::i18n::fill(lang.texts().signoff.unknown_check, &values)
    }
}

/// One line of the pre-flight list: how many requirements in scope a check finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreflightItem {
    pub filter: Filter,
    pub count: usize,
    /// It finds something, and the policy makes it refuse the sign-off.
    pub blocking: bool,
}

/// The sign-off pre-flight: every check of `PREFLIGHT`, with its count, in order.
pub fn preflight(
    model: &LoadedModel,
    session: &Session,
    checks: &BTreeMap<String, EvidenceCheck>,
    policy: &SignOffPolicy,
) -> Vec<PreflightItem> {
    counts(model, session, checks)
        .into_iter()
        .filter(|(f, _)| PREFLIGHT.contains(f))
        .map(|(filter, count)| PreflightItem {
            filter,
            count,
            blocking: count > 0 && policy.blocking.contains(&filter),
        })
        .collect()
}

/// The pre-flight's line for a merge's open conflicts, when there are any. They always block,
/// whatever the policy: no answer a conflict touches is settled yet.
pub fn conflicts_line(session: &Session, lang: Lang) -> Option<String> {
    let n = session.conflicts.len();
    (n > 0).then(|| fill(lang.texts().signoff.conflicts, &[("n", &n.to_string())]))
}

/// Whether the pre-flight refuses the sign-off.
pub fn blocked(items: &[PreflightItem]) -> bool {
    items.iter().any(|i| i.blocking)
}

/// The pre-flight as lines to read: one per check that finds something, blocking ones
/// marked; a single line when every check passes.
pub fn preflight_lines(items: &[PreflightItem], lang: Lang) -> Vec<String> {
    let t = lang.texts().signoff;
    let lines: Vec<String> = items
        .iter()
        .filter(|i| i.count > 0)
        .map(|i| {
            let template = if i.blocking { t.blocking } else { t.warning };
            let n = i.count.to_string();
            fill(
                template,
                &[("n", &n), ("label", lang.texts().terms.filter(i.filter))],
            )
        })
        .collect();
    if lines.is_empty() {
        return vec![t.clear.to_string()];
    }
    lines
}
