//! "Quick level": one digit rates a whole practice — every requirement up to the level Met,
//! every one above it Not met (on another scale: its best passed answer and its least answer,
//! so the practice scores exactly the level under every scoring rule). What it would change is worked out first (`QuickPlan`), so the
//! workbench can fill blanks at once but ask before it replaces an answer someone gave.

use super::scale::{self, Kind};
use super::{EditError, Session, Status};
use crate::model::LoadedModel;

/// One requirement whose status a quick level would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickChange {
    /// Full requirement id.
    pub requirement: String,
    /// Its level in the model.
    pub level: u8,
    /// The status it has now (None: unanswered).
    pub from: Option<Status>,
    pub to: Status,
    /// It carries a note, evidence, a discussion, a flag, a review mark or a finding: work
    /// someone did on this answer.
    pub careful: bool,
}

/// What a quick level would do to one practice. Answers that already say what the level
/// implies, and Not applicable answers (justified), are left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickPlan {
    pub practice: usize,
    pub level: u8,
    pub changes: Vec<QuickChange>,
}

impl QuickPlan {
    /// The answers it would replace: requirements already answered otherwise.
    pub fn replaced(&self) -> impl Iterator<Item = &QuickChange> {
        self.changes.iter().filter(|c| c.from.is_some())
    }

    /// How many unanswered requirements it would answer.
    pub fn filled(&self) -> usize {
        self.changes.iter().filter(|c| c.from.is_none()).count()
    }

    /// How many of the replaced answers carry a note, evidence or a finding.
    pub fn careful(&self) -> usize {
        self.replaced().filter(|c| c.careful).count()
    }

    /// Whether it must be confirmed first: it would replace an answer someone gave. Filling
    /// unanswered requirements never needs asking, so rating a new practice stays one key.
    pub fn needs_asking(&self) -> bool {
        self.replaced().next().is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl Session {
    /// What `quick_level` would change on a practice, without changing anything.
    pub fn quick_level_plan(&self, model: &LoadedModel, practice: usize, level: u8) -> QuickPlan {
        let changes = model.index.practices[practice]
            .requirements
            .clone()
            .filter_map(|r| {
                let req = &model.index.requirements[r];
                let answer = self.answers.get(&req.id);
                let from = answer.and_then(|a| a.status);
                // The scale's best passed answer up to the level, its least answer above it
                // (CAICT: Met and Not met; SAMM: the answers worth 1 and 0).
                let scale = scale::scale_at(model, r);
                let to = if req.level <= level {
                    scale::top(scale)?
                } else {
                    scale::bottom(scale)?
                };
                let not_applicable =
                    from.is_some_and(|s| scale::kind(scale, s) == Kind::NotApplicable);
                if not_applicable || from == Some(to) {
                    return None;
                }
                let careful = answer.is_some_and(|a| {
                    !a.note.trim().is_empty()
                        || !a.evidence.is_empty()
                        || !a.discussion.trim().is_empty()
                        || a.flagged
                        || a.reviewed.is_some()
                }) || self.findings_on(&req.id).next().is_some();
                Some(QuickChange {
                    requirement: req.id.clone(),
                    level: req.level,
                    from,
                    to,
                    careful,
                })
            })
            .collect();
        QuickPlan {
            practice,
            level,
            changes,
        }
    }

    /// Applies a plan; returns the ids of the requirements whose status changed (only those
    /// are stamped, in the history and with a decider). A level cannot give a reason: when
    /// an answer it would give needs one (its scale marks it `justify`) and the requirement
    /// has none, nothing changes and the answer is named, as `Session::answer` refuses it.
    pub fn apply_quick_level(
        &mut self,
        model: &LoadedModel,
        plan: &QuickPlan,
        who: &str,
    ) -> Result<Vec<String>, EditError> {
        self.ensure_editable()?;
        for change in &plan.changes {
            let scale = model.scale_of(&change.requirement);
            let reason = self
                .answers
                .get(&change.requirement)
                .and_then(|a| a.justification.as_deref());
            if let Some(option) = scale::option(scale, change.to)
                && option.justify
                && reason.is_none_or(|r| r.trim().is_empty())
            {
                return Err(EditError::AnswerNeedsReason(option.label.clone()));
            }
        }
        let mut changed = Vec::new();
        for change in &plan.changes {
            let before = self.status(&change.requirement);
            self.touch(&change.requirement, who, |a| a.status = Some(change.to))?;
            if self.status(&change.requirement) != before {
                changed.push(change.requirement.clone());
            }
        }
        Ok(changed)
    }

    /// "Quick level" without asking (the CLI and scripts): every requirement of the practice up
    /// to `level` becomes Met, every one above it Not met; Not applicable answers keep their
    /// justified status. Returns the ids that changed.
    pub fn quick_level(
        &mut self,
        model: &LoadedModel,
        practice: usize,
        level: u8,
        who: &str,
    ) -> Result<Vec<String>, EditError> {
        let plan = self.quick_level_plan(model, practice, level);
        self.apply_quick_level(model, &plan, who)
    }
}
