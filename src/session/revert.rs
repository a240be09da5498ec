//! Undo and redo without rewriting the audit trail: the content of an earlier snapshot is
//! brought back as new, logged changes, while the history itself only grows.

use std::collections::BTreeSet;

use super::edit::{EditError, now_timestamp};
use super::{Answer, Session};

impl Session {
    /// Makes answers, targets, evidence register and participants equal to `earlier`'s again,
    /// logging every field that changes back. The history, cursor, assessors and sign-off stay.
    pub fn revert_to(&mut self, earlier: &Session, who: &str) -> Result<(), EditError> {
        self.ensure_editable()?;
        let ids: BTreeSet<String> = self
            .answers
            .keys()
            .chain(earlier.answers.keys())
            .cloned()
            .collect();
        let now = now_timestamp();
        for id in ids {
            let before = self.answers.get(&id).cloned().unwrap_or_default();
            let after = earlier.answers.get(&id).cloned().unwrap_or_default();
            if before == after {
                continue;
            }
            self.append_answer_change(who, &id, &before, &after);
            self.answers.remove(&id);
            if !after.is_empty() {
                self.answers.insert(id, stamped(after, who, &now));
            }
        }
        self.revert_targets(earlier, who);
        self.revert_evidence(earlier, who);
        self.revert_findings(earlier, who);
        self.revert_planned_minutes(earlier, who);
        if self.participants != earlier.participants {
            let list = |s: &Session| {
                let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
                names.join(", ")
            };
            let (old, new) = (list(self), list(earlier));
            self.append(who, "session", "participants", &old, &new);
            self.participants = earlier.participants.clone();
        }
        self.updated = now;
        Ok(())
    }

    fn revert_targets(&mut self, earlier: &Session, who: &str) {
        let parts: BTreeSet<String> = self
            .targets
            .keys()
            .chain(earlier.targets.keys())
            .cloned()
            .collect();
        for part in parts {
            let text = |s: &Session| s.targets.get(&part).map(u8::to_string).unwrap_or_default();
            let (old, new) = (text(self), text(earlier));
            self.append(who, &format!("part/{part}"), "target", &old, &new);
        }
        self.targets = earlier.targets.clone();
    }

    fn revert_evidence(&mut self, earlier: &Session, who: &str) {
        let ids: BTreeSet<String> = self
            .evidence
            .keys()
            .chain(earlier.evidence.keys())
            .cloned()
            .collect();
        for id in ids {
            let text = |s: &Session| {
                s.evidence
                    .get(&id)
                    .map(|e| format!("{} ({})", e.title, e.location))
                    .unwrap_or_default()
            };
            let (old, new) = (text(self), text(earlier));
            if self.evidence.get(&id) != earlier.evidence.get(&id) {
                let field = match (old.is_empty(), new.is_empty()) {
                    (false, true) => "removed",
                    (true, false) => "added",
                    _ => "changed",
                };
                self.append(who, &format!("evidence/{id}"), field, &old, &new);
            }
        }
        self.evidence = earlier.evidence.clone();
    }
}

impl Session {
    fn revert_findings(&mut self, earlier: &Session, who: &str) {
        let ids: BTreeSet<String> = self
            .findings
            .keys()
            .chain(earlier.findings.keys())
            .cloned()
            .collect();
        for id in ids {
            match (self.findings.get(&id).cloned(), earlier.findings.get(&id)) {
                (Some(now), None) => {
                    self.append(who, &format!("finding/{id}"), "removed", &now.title, "");
                }
                (before, Some(then)) if before.as_ref() != Some(then) => {
                    self.record_finding(who, &id, before.as_ref(), then);
                }
                _ => {}
            }
        }
        self.findings = earlier.findings.clone();
    }

    /// Planned minutes come back; time spent is measured, not edited, so undo leaves it.
    fn revert_planned_minutes(&mut self, earlier: &Session, who: &str) {
        let keys: BTreeSet<String> = self
            .agenda
            .planned_minutes
            .keys()
            .chain(earlier.agenda.planned_minutes.keys())
            .cloned()
            .collect();
        for key in keys {
            let show = |s: &Session| {
                s.agenda
                    .planned_minutes
                    .get(&key)
                    .map(u32::to_string)
                    .unwrap_or_default()
            };
            let (old, new) = (show(self), show(earlier));
            let target = if self.parts.contains(&key) {
                format!("part/{key}")
            } else {
                format!("domain/{key}")
            };
            self.append(who, &target, "planned minutes", &old, &new);
        }
        self.agenda.planned_minutes = earlier.agenda.planned_minutes.clone();
    }
}

/// An answer brought back by undo, stamped with who brought it back.
fn stamped(mut answer: Answer, who: &str, now: &str) -> Answer {
    answer.by = who.to_string();
    answer.at = now.to_string();
    answer
}
