//! The findings' edits as the workbench makes them (the findings view and the finding form
//! that ask for them are `tui/overlays/findings.rs` and `finding_form.rs`), and the marks of
//! findings on the checklist. Every change is a core function.

use super::{App, Overlay, Said, Work};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::session::Finding;
use crate::tui::overlays::finding_form::FindingForm;
use crate::tui::overlays::{Told, findings};

impl App {
    /// `!`: a new finding on the current requirement.
    pub(super) fn open_new_finding(&mut self) {
        let Some(work) = &self.work else { return };
        let form = FindingForm::on_requirement(&work.ctx());
        self.overlays.push(Overlay::FindingForm(Box::new(form)));
    }

    /// Finding ids in the view's order.
    pub fn finding_ids(&self) -> Vec<String> {
        self.work.as_ref().map_or_else(Vec::new, |w| {
            w.session
                .findings_sorted()
                .into_iter()
                .map(|(id, _)| id.clone())
                .collect()
        })
    }

    /// Saves a new finding (`id` None) or finding `id` changed; the room sees it in the
    /// status line's last change.
    pub(super) fn save_finding(
        &mut self,
        id: Option<String>,
        finding: Finding,
    ) -> Result<Told, String> {
        let who = self.who.clone();
        let title = finding.title.trim().to_string();
        let Some(work) = &mut self.work else {
            return Err(String::new());
        };
        let mut new_id = None;
        work.edit(|s, m| match &id {
            Some(id) => s.update_finding(m, id, finding, &who),
            None => s.add_finding(m, finding, &who).map(|id| new_id = Some(id)),
        })
        .map_err(|e| work.lang().edit_error(&e))?;
        let id = id.or(new_id).unwrap_or_default();
        let tell = |lang: Lang| {
            let template = lang.texts().workbench.findings.last_change;
            fill(template, &[("id", &id), ("title", &title)])
        };
        self.said_change = Some(Said::new(tell));
        Ok(Told::Done {
            notice: None,
            evidence: None,
        })
    }

    /// Deletes finding `id` (asked about first by the findings view).
    pub(super) fn remove_finding(&mut self, id: &str) -> Result<(), String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        work.edit(|s, _| s.remove_finding(id, &who).map(|_| ()))
            .map_err(|e| work.lang().edit_error(&e))
    }
}

/// The requirement to show for a tie: the requirement itself, or where entering the practice
/// (or the domain's first practice in scope) lands.
pub fn tie_requirement(work: &Work, tie: &str) -> Option<usize> {
    findings::tie_requirement(&work.ctx(), tie)
}

/// Which findings mark a requirement row, and a practice's header (its own and its domain's).
pub fn finding_marks(work: &Work, tie: &str) -> String {
    let ids: Vec<&str> = work.session.findings_on(tie).map(String::as_str).collect();
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ◆{}", ids.join(","))
    }
}
