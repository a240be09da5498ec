//! Undo and redo in the workbench. Each change keeps a snapshot of the session without its
//! answers and audit trail, plus the answers of the one practice changed (every edit of the
//! workbench is on the practice at the cursor; debug builds check it). Undoing rebuilds the
//! whole earlier session only then, for `revert_to` to log what it brings back.

use std::collections::BTreeMap;

use crate::session::{Answer, EditError, Session};

use super::Work;

/// What undo keeps of the session before a change: everything but the answers and the audit
/// trail (which only grows, and undo only appends to), plus the answers of the one practice
/// the change was on. Whole copies would cost a copy of every answer, note and logged change
/// per key press, and hundreds of megabytes over a long session.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The session with its answers and audit trail left out.
    rest: Session,
    practice: usize,
    /// The practice's answers by requirement id (None: it had none).
    answers: Vec<(String, Option<Answer>)>,
}

impl Work {
    /// Brings back the content before the last change (or after the last undo, for redo) as
    /// new, logged changes: the audit trail only grows. Refused (unchanged) once final.
    pub fn undo(&mut self, redo: bool, who: &str) -> Result<bool, EditError> {
        self.session.ensure_editable()?;
        self.sync_cursor();
        let Some(practice) = self.history.peek(redo).map(|s| s.practice) else {
            return Ok(false);
        };
        let current = self.snapshot(practice);
        let restored = if redo {
            self.history.redo(current)
        } else {
            self.history.undo(current)
        };
        let Some(restored) = restored else {
            return Ok(false);
        };
        let land = self
            .model
            .index
            .requirement(&restored.rest.cursor.requirement)
            .unwrap_or(self.requirement);
        let earlier = self.earlier(restored);
        // Only a change to the register needs its files checked again.
        let register_changed = earlier.evidence != self.session.evidence;
        self.session.revert_to(&earlier, who)?;
        if register_changed {
            self.recheck_evidence();
        }
        self.palette = None;
        self.jump(land);
        // The change undone was on the practice it was made at.
        self.changed(practice);
        Ok(true)
    }

    /// The session as undo needs it to go back to now, for a change on `practice`.
    pub(super) fn snapshot(&mut self, practice: usize) -> Snapshot {
        let answers = std::mem::take(&mut self.session.answers);
        let trail = std::mem::take(&mut self.session.history);
        let rest = self.session.clone();
        self.session.answers = answers;
        self.session.history = trail;
        let mine = self.model.index.practices[practice].requirements.clone();
        let answers = mine
            .map(|r| {
                let id = &self.model.index.requirements[r].id;
                (id.clone(), self.session.answers.get(id).cloned())
            })
            .collect();
        Snapshot {
            rest,
            practice,
            answers,
        }
    }

    /// The whole session as a snapshot had it: its rest, and today's answers with its
    /// practice's answers as they were (undo needs the whole, to log what it changes back).
    pub(super) fn earlier(&self, snapshot: Snapshot) -> Session {
        let mut earlier = snapshot.rest;
        earlier.answers = self.session.answers.clone();
        for (id, answer) in snapshot.answers {
            match answer {
                Some(answer) => earlier.answers.insert(id, answer),
                None => earlier.answers.remove(&id),
            };
        }
        earlier
    }

    pub(super) fn assert_only_changed(&self, before: &BTreeMap<String, Answer>, at: usize) {
        let mine = &self.model.index.practices[at].requirements;
        let outside = |answers: &BTreeMap<String, Answer>| -> Vec<(String, Answer)> {
            answers
                .iter()
                .filter(|(id, _)| {
                    !self
                        .model
                        .index
                        .requirement(id)
                        .is_some_and(|r| mine.contains(&r))
                })
                .map(|(id, a)| (id.clone(), a.clone()))
                .collect()
        };
        assert!(
            outside(before) == outside(&self.session.answers),
            "an edit changed answers outside practice {at}"
        );
    }

    /// Whether a change since `before` changed what the palette finds: a note, the evidence or
    /// a finding.
    pub(super) fn texts_changed(&self, before: &Snapshot) -> bool {
        let texts = |a: Option<&Answer>| a.map(|a| (a.note.clone(), a.evidence.clone()));
        before.rest.evidence != self.session.evidence
            || before.rest.findings != self.session.findings
            || before
                .answers
                .iter()
                .any(|(id, old)| texts(old.as_ref()) != texts(self.session.answers.get(id)))
    }
}
