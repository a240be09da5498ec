//! Compares a filled questionnaire with a session (the plan `--dry-run` shows) and applies it
//! as ordinary edits, each recorded in the history as imported from the file.
//!
//! The import is all or nothing: any problem (an unreadable cell, an unknown id or answer, a
//! missing row, N/A without a reason) stops it, and so does a different existing value unless
//! overwriting was asked for. An empty cell never clears what the session holds.

use std::collections::{BTreeSet, HashMap};

use super::problem::{Issue, Problem};
use super::read::{Filled, FilledRow};
use crate::lang::Lang;
use crate::model::{AnswerScale, LoadedModel};
use crate::session::{EditError, Session, Status, scale};

/// Which field of an answer a change is to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Justification,
    Note,
    AnsweredBy,
    /// Shown only (see `ImportPlan::evidence_refs`).
    EvidenceRefs,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Status => "answer",
            Field::Justification => "justification",
            Field::Note => "note",
            Field::AnsweredBy => "answered by",
            Field::EvidenceRefs => "evidence references",
        }
    }
}

/// One field of one requirement the workbook would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub id: String,
    pub sheet: String,
    pub row: u32,
    pub field: Field,
    /// What the session holds now (empty when nothing).
    pub old: String,
    pub new: String,
    /// The session holds a different value: applied only when overwriting.
    pub conflict: bool,
    /// For a status change, the new status and (for N/A) its justification.
    pub status: Option<Status>,
    pub justification: String,
    /// The new status needs its justification (its scale says so: CAICT's N/A).
    pub needs_reason: bool,
}

/// What importing a workbook into a session would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub changes: Vec<FieldChange>,
    /// Evidence references the team wrote: listed for the assessors, never applied (evidence
    /// belongs in the register, with its file fingerprinted).
    pub evidence_refs: Vec<FieldChange>,
    /// Participants named in "answered by" who are not in the session yet.
    pub new_participants: Vec<String>,
    pub problems: Vec<Problem>,
    /// The model's answers other than N/A need reasons too: its justifications are reasons.
    pub reasons_beyond_na: bool,
}

impl ImportPlan {
    /// Changes that would overwrite a different value in the session.
    pub fn conflicts(&self) -> impl Iterator<Item = &FieldChange> {
        self.changes.iter().filter(|c| c.conflict)
    }

    /// Changes of one field.
    pub fn of(&self, field: Field) -> impl Iterator<Item = &FieldChange> {
        self.changes.iter().filter(move |c| c.field == field)
    }
}

/// Why an import was not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("nothing imported: the workbook has {0} problem(s)")]
    Problems(usize),
    #[error(
        "nothing imported: {0} value(s) differ from what the session holds; \
         --overwrite replaces them"
    )]
    Conflicts(usize),
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// Compares the workbook's rows with the session.
pub fn plan(model: &LoadedModel, session: &Session, filled: &Filled) -> ImportPlan {
    let mut plan = ImportPlan {
        problems: filled.problems.clone(),
        reasons_beyond_na: scale::reasons_beyond_na(&model.model),
        ..ImportPlan::default()
    };
    let mut seen: HashMap<String, (String, u32)> = HashMap::new();
    for row in &filled.rows {
        let Some(id) = resolve(model, session, row, &mut plan.problems) else {
            continue;
        };
        if let Some((sheet, first)) = seen.insert(id.clone(), (row.sheet.clone(), row.row)) {
            let first = first.to_string();
            let values = [("id", id.as_str()), ("sheet", &sheet), ("row", &first)];
            plan.problems
                .push(problem(row, None, Issue::Duplicate, &values));
            continue;
        }
        compare(model.scale_of(&id), session, row, &id, &mut plan);
    }
    missing_rows(model, session, filled, &seen, &mut plan.problems);
    // In the workbook's order: sheet by sheet, row by row.
    let sheet_at = |p: &Problem| {
        filled
            .parts
            .iter()
            .position(|(_, s)| p.sheet.as_ref() == Some(s))
    };
    plan.problems
        .sort_by_key(|p| (sheet_at(p), p.row.unwrap_or(u32::MAX)));
    plan.new_participants = plan
        .of(Field::AnsweredBy)
        .map(|c| c.new.clone())
        .filter(|name| session.participant(name).is_none())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    plan
}

/// The requirement id a row is for (through the model's aliases), if the session has it.
fn resolve(
    model: &LoadedModel,
    session: &Session,
    row: &FilledRow,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let id = match model.model.aliases.get(&row.id) {
        Some(new) => new.clone(),
        None => row.id.clone(),
    };
    let Some(index) = model.index.requirement(&id) else {
        problems.push(problem(row, None, Issue::UnknownId, &[("id", &row.id)]));
        return None;
    };
    let part =
        &model.model.parts[model.index.practices[model.index.requirements[index].practice].part];
    if !session.parts.contains(&part.id) {
        let values = [("id", id.as_str()), ("part", &part.id)];
        problems.push(problem(row, None, Issue::OutOfScope, &values));
        return None;
    }
    Some(id)
}

fn problem(
    row: &FilledRow,
    column: Option<String>,
    issue: Issue,
    values: &[(&'static str, &str)],
) -> Problem {
    Problem::at(&row.sheet, Some(row.row), column, issue, values)
}

/// The changes one row makes, field by field.
fn compare(
    scale: &AnswerScale,
    session: &Session,
    row: &FilledRow,
    id: &str,
    plan: &mut ImportPlan,
) {
    // Old and new answers as the dry run names them (English by contract; another scale's
    // answers by their English labels).
    let named = |s: Status| scale::label(scale, s, Lang::En).to_string();
    let answer = session.answers.get(id).cloned().unwrap_or_default();
    let old_reason = answer.justification.clone().unwrap_or_default();
    let change = |field, old: &str, new: &str| FieldChange {
        id: id.to_string(),
        sheet: row.sheet.clone(),
        row: row.row,
        field,
        old: old.to_string(),
        new: new.to_string(),
        conflict: !old.is_empty(),
        status: None,
        justification: String::new(),
        needs_reason: false,
    };
    if let Some(status) = row.answer {
        let reason = if row.justification.is_empty() {
            old_reason.clone()
        } else {
            row.justification.clone()
        };
        let needs_reason = scale::needs_reason(scale, status);
        if needs_reason && reason.is_empty() {
            let column = Some(row.justification_column.clone());
            let issue = if scale::kind(scale, status) == scale::Kind::NotApplicable {
                Issue::NaWithoutReason
            } else {
                Issue::NoReason
            };
            plan.problems
                .push(problem(row, column, issue, &[("id", id)]));
        } else if answer.status != Some(status) {
            let old = answer.status.map_or_else(String::new, named);
            plan.changes.push(FieldChange {
                status: Some(status),
                justification: reason,
                needs_reason,
                ..change(Field::Status, &old, &named(status))
            });
        } else if needs_reason && reason != old_reason {
            plan.changes
                .push(change(Field::Justification, &old_reason, &reason));
        }
    }
    // Cells are read trimmed, so a note's surrounding blank lines are no change.
    if !row.note.is_empty() && row.note != answer.note.trim() {
        plan.changes
            .push(change(Field::Note, &answer.note, &row.note));
    }
    let shown = if answer.decided_by.is_empty() {
        &answer.by
    } else {
        &answer.decided_by
    };
    let refs = super::questionnaire::evidence_refs(session, &answer.evidence);
    if !row.evidence.is_empty() && row.evidence != refs {
        plan.evidence_refs.push(FieldChange {
            conflict: false,
            ..change(Field::EvidenceRefs, &refs, &row.evidence)
        });
    }
    if !row.answered_by.is_empty() && &row.answered_by != shown {
        plan.changes.push(change(
            Field::AnsweredBy,
            &answer.decided_by,
            &row.answered_by,
        ));
    }
}

/// Requirements of an exported part with no row: rows were deleted (or ids overwritten).
fn missing_rows(
    model: &LoadedModel,
    session: &Session,
    filled: &Filled,
    seen: &HashMap<String, (String, u32)>,
    problems: &mut Vec<Problem>,
) {
    for (part, sheet) in &filled.parts {
        let missing: Vec<&str> = session
            .requirements_in_scope(model)
            .map(|r| &model.index.requirements[r])
            .filter(|r| &model.model.parts[model.index.practices[r.practice].part].id == part)
            .map(|r| r.id.as_str())
            .filter(|id| !seen.contains_key(*id))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let shown: Vec<&str> = missing.iter().take(5).copied().collect();
        let more = if missing.len() > 5 { ", …" } else { "" };
        let ids = format!("{}{more}", shown.join(", "));
        let count = missing.len().to_string();
        let values = [("count", count.as_str()), ("ids", &ids)];
        problems.push(Problem::at(sheet, None, None, Issue::MissingRows, &values));
    }
}

/// Applies a clean plan to the session as `who`, each change recorded as coming `via` the
/// file (`imported from team-cd.xlsx`). Nothing changes when it returns an error.
pub fn apply(
    session: &mut Session,
    model: &LoadedModel,
    plan: &ImportPlan,
    who: &str,
    via: &str,
    overwrite: bool,
) -> Result<(), ImportError> {
    if !plan.problems.is_empty() {
        return Err(ImportError::Problems(plan.problems.len()));
    }
    let conflicts = plan.conflicts().count();
    if conflicts > 0 && !overwrite {
        return Err(ImportError::Conflicts(conflicts));
    }
    session.ensure_editable()?;
    let mut edited = session.clone();
    edited.edits_via(via, |s| apply_changes(s, model, plan, who))?;
    *session = edited;
    Ok(())
}

fn apply_changes(
    session: &mut Session,
    model: &LoadedModel,
    plan: &ImportPlan,
    who: &str,
) -> Result<(), EditError> {
    session.ensure_assessor(who)?;
    for name in &plan.new_participants {
        session.add_participant(name, "", who)?;
    }
    let na_set: BTreeSet<&str> = plan
        .of(Field::Status)
        .filter(|c| c.needs_reason)
        .map(|c| c.id.as_str())
        .collect();
    for c in &plan.changes {
        match (c.field, c.status) {
            // The scale decides whether the answer takes the reason (the plan has checked).
            (Field::Status, Some(status)) => {
                session.answer(model, &c.id, status, &c.justification, who)?;
            }
            (Field::Justification, _) if !na_set.contains(c.id.as_str()) => {
                // A new reason for the answer that needs it, which stays.
                let status = session.status(&c.id).unwrap_or(Status::NotApplicable);
                session.set_justified(&c.id, status, &c.new, who)?;
            }
            (Field::Note, _) => session.set_note(&c.id, &c.new, who)?,
            (Field::AnsweredBy, _) => session.set_decided_by(&c.id, &c.new, who)?,
            _ => {}
        }
    }
    Ok(())
}
