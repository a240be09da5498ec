//! Findings: the observations an assessment hands over (title, severity, description,
//! recommendation, owner, due date), each tied to a requirement, a practice or a domain by its
//! full model id. Kept in `Session::findings` under ids `F1`, `F2`, …; every change is recorded
//! in the history under `finding/F1`, one entry per changed field.

use serde::{Deserialize, Serialize};

use super::Session;
use super::edit::{EditError, now_timestamp};
use crate::model::LoadedModel;

/// How much a finding matters. The order is the findings view's order (high first).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Severity {
    High,
    #[default]
    Medium,
    Low,
    /// Worth noting; nothing to fix.
    Info,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The machine code used in CSV and JSON (`high`, `medium`, `low`, `info`).
    pub fn code(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }
}

/// What a finding is tied to, told by its full model id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieKind {
    Requirement,
    Practice,
    Domain,
}

impl TieKind {
    pub fn code(self) -> &'static str {
        match self {
            TieKind::Requirement => "requirement",
            TieKind::Practice => "practice",
            TieKind::Domain => "domain",
        }
    }
}

/// What kind of place a full model id names, if the model has it (`cd.config` is a domain,
/// `cd.config.vc.vcs` a practice, `cd.config.vc.vcs.l3.2` a requirement).
pub fn tie_kind(model: &LoadedModel, id: &str) -> Option<TieKind> {
    if model.index.requirement(id).is_some() {
        return Some(TieKind::Requirement);
    }
    if model.index.practice(id).is_some() {
        return Some(TieKind::Practice);
    }
    let (part, domain) = id.split_once('.')?;
    let part = model.model.parts.iter().find(|p| p.id == part)?;
    part.domains
        .iter()
        .any(|d| d.id == domain)
        .then_some(TieKind::Domain)
}

/// One observation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The finding's identity, never reused or renumbered (see `ids.rs`); its key (`F2`) is
    /// only its label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub title: String,
    #[serde(default)]
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Full model id of the requirement, practice or domain it is about.
    pub tie: String,
    #[serde(default)]
    pub added_by: String,
    #[serde(default)]
    pub added_at: String,
}

impl Finding {
    /// The audited fields as text, in a fixed order (the history records each that changes).
    fn fields(&self) -> [(&'static str, String); 7] {
        [
            ("title", self.title.clone()),
            ("severity", self.severity.code().to_string()),
            ("description", self.description.clone()),
            ("recommendation", self.recommendation.clone()),
            ("owner", self.owner.clone()),
            ("due", self.due.clone()),
            ("tie", self.tie.clone()),
        ]
    }
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let Some((y, m, d)) = date_parts(text) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Year, month and day of text written `YYYY-MM-DD` (digits and dashes where they belong),
/// whether or not that day exists.
fn date_parts(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    shaped.then_some((num(0..4)?, num(5..7)?, num(8..10)?))
}

/// Trims the typed text and refuses what a finding cannot be.
fn checked(model: &LoadedModel, mut finding: Finding) -> Result<Finding, EditError> {
    finding.title = finding.title.trim().to_string();
    finding.due = finding.due.trim().to_string();
    finding.tie = finding.tie.trim().to_string();
    finding.owner = finding.owner.trim().to_string();
    if finding.title.is_empty() {
        return Err(EditError::FindingTitleRequired);
    }
    if !finding.due.is_empty() && !is_date(&finding.due) {
        // "2027-02-30" is written the right way; it is the day that does not exist.
        return Err(match date_parts(&finding.due) {
            Some(_) => EditError::NotARealDate(finding.due),
            None => EditError::BadDate(finding.due),
        });
    }
    if tie_kind(model, &finding.tie).is_none() {
        return Err(EditError::UnknownTie(finding.tie));
    }
    Ok(finding)
}

impl Session {
    /// Adds a finding and returns its new id (`F1`, `F2`, …; ids are never reused).
    pub fn add_finding(
        &mut self,
        model: &LoadedModel,
        finding: Finding,
        who: &str,
    ) -> Result<String, EditError> {
        self.ensure_editable()?;
        let mut finding = checked(model, finding)?;
        // Removed findings live on in the history, so their ids are not given out again.
        let taken = self.findings.keys().map(String::as_str).chain(
            self.history
                .iter()
                .filter_map(|c| c.target.strip_prefix("finding/")),
        );
        let next = taken
            .filter_map(|k| k.strip_prefix('F')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("F{next}");
        let now = now_timestamp();
        finding.uid = super::fresh_id();
        finding.added_by = who.to_string();
        finding.added_at = now.clone();
        self.record_finding(who, &id, None, &finding);
        self.findings.insert(id.clone(), finding);
        self.updated = now;
        Ok(id)
    }

    /// Replaces a finding's fields (who added it and when stay).
    pub fn update_finding(
        &mut self,
        model: &LoadedModel,
        id: &str,
        finding: Finding,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let Some(before) = self.findings.get(id).cloned() else {
            return Err(EditError::UnknownFinding(id.to_string()));
        };
        let mut after = checked(model, finding)?;
        after.uid = before.uid.clone();
        after.added_by = before.added_by.clone();
        after.added_at = before.added_at.clone();
        if after == before {
            return Ok(());
        }
        self.record_finding(who, id, Some(&before), &after);
        self.findings.insert(id.to_string(), after);
        self.updated = now_timestamp();
        Ok(())
    }

    /// Deletes a finding (its history stays).
    pub fn remove_finding(&mut self, id: &str, who: &str) -> Result<Finding, EditError> {
        self.ensure_editable()?;
        let Some(removed) = self.findings.remove(id) else {
            return Err(EditError::UnknownFinding(id.to_string()));
        };
        self.record(who, &format!("finding/{id}"), "removed", &removed.title, "");
        self.updated = now_timestamp();
        Ok(removed)
    }

    /// Findings ordered for people: severity first, then the nearest due date (undated last),
    /// then by number.
    pub fn findings_sorted(&self) -> Vec<(&String, &Finding)> {
        let mut out: Vec<_> = self.findings.iter().collect();
        out.sort_by_key(|(id, f)| {
            let number = id.strip_prefix('F').and_then(|n| n.parse::<u32>().ok());
            (f.severity, f.due.is_empty(), f.due.clone(), number)
        });
        out
    }

    /// Findings tied to exactly this model id.
    pub fn findings_on<'a>(&'a self, tie: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        self.findings
            .iter()
            .filter(move |(_, f)| f.tie == tie)
            .map(|(id, _)| id)
    }

    /// One history entry per field that differs (`before` is None for a new finding).
    pub(super) fn record_finding(
        &mut self,
        who: &str,
        id: &str,
        before: Option<&Finding>,
        after: &Finding,
    ) {
        let target = format!("finding/{id}");
        for (field, new) in after.fields() {
            let old = before
                .and_then(|b| b.fields().into_iter().find(|(f, _)| *f == field))
                .map(|(_, old)| old)
                .unwrap_or_default();
            self.record(who, &target, field, &old, &new);
        }
    }
}
