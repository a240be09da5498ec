//! Conflicts are data, not markers: a merge whose two sides changed the same thing differently
//! still writes a valid session, with each disagreement kept here as base / ours / theirs
//! (value, who, when) and ours standing as the provisional answer. Export and sign-off are
//! refused until every conflict is resolved; each resolution is logged.

use serde::{Deserialize, Serialize};

use super::edit::{EditError, now_timestamp};
use super::{Answer, Evidence, Finding, Session, Status};
use crate::lang::Lang;
use crate::model::LoadedModel;

/// One disagreement left by a merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What it is about: a requirement id, `evidence/E3`, `finding/F2`, `part/cd`, `title`, …
    pub target: String,
    /// The fields the two sides changed differently (`status`, `note`, …).
    pub fields: Vec<String>,
    pub base: ConflictSide,
    /// What the session holds now (provisionally).
    pub ours: ConflictSide,
    pub theirs: ConflictSide,
}

/// One side of a conflict: its value, and who last changed it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictSide {
    pub value: ConflictValue,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: String,
}

/// The whole value a side would put in place (None: absent or removed on that side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictValue {
    Answer(Option<Answer>),
    Evidence(Option<Evidence>),
    Finding(Option<Finding>),
    Target(Option<u8>),
    Text(String),
}

/// The code a resolution that kept both notes records.
pub const BOTH_NOTES: &str = "both_notes";

/// Which side a resolution takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    Ours,
    Theirs,
}

impl Take {
    pub fn code(self) -> &'static str {
        match self {
            Take::Ours => "ours",
            Take::Theirs => "theirs",
        }
    }
}

impl ConflictValue {
    /// The conflicting fields of this value as short text in `lang`, for lists; an answer by
    /// its label on the scale of `target` (`scale::answer_label`, `model` as there), other
    /// codes (the flag, a kind, a severity) by their words.
    pub fn describe(
        &self,
        target: &str,
        fields: &[String],
        model: Option<&LoadedModel>,
        lang: Lang,
    ) -> String {
        let t = lang.texts();
        let pick = |pairs: Vec<(&str, String)>| -> String {
            pairs
                .into_iter()
                .filter(|(f, _)| fields.iter().any(|x| x == f))
                .map(|(f, v)| {
                    let label = super::field_label(f, lang);
                    // The status is already its label (`answer_text`).
                    let value = match f {
                        "status" => v,
                        _ => super::recorded_value(None, target, f, &v, lang).unwrap_or(v),
                    };
                    let labelled = t.deliverable.labelled;
                    crate::i18n::fill(labelled, &[("label", label), ("value", &value)])
                })
                .collect::<Vec<_>>()
                .join(t.recorded.values_separator)
        };
        match self {
            ConflictValue::Answer(None)
            | ConflictValue::Evidence(None)
            | ConflictValue::Finding(None) => lang.texts().team_cli.removed.to_string(),
            ConflictValue::Answer(Some(a)) => pick(answer_text(a, target, model, lang)),
            ConflictValue::Evidence(Some(e)) => pick(vec![
                ("title", e.title.clone()),
                ("kind", e.kind.code().to_string()),
                ("location", e.location.clone()),
            ]),
            ConflictValue::Finding(Some(f)) => pick(vec![
                ("title", f.title.clone()),
                ("severity", f.severity.code().to_string()),
                ("description", f.description.clone()),
                ("recommendation", f.recommendation.clone()),
                ("owner", f.owner.clone()),
                ("due", f.due.clone()),
                ("tie", f.tie.clone()),
            ]),
            ConflictValue::Target(t) => t.map(|t| t.to_string()).unwrap_or_default(),
            ConflictValue::Text(t) => t.clone(),
        }
    }
}

/// An answer's mergeable fields as text in `lang`, by field code; its status by its label on
/// the scale of `requirement` (`scale::answer_label`, `model` as there).
pub fn answer_text(
    a: &Answer,
    requirement: &str,
    model: Option<&LoadedModel>,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    let status =
        |s: Status| super::scale::answer_label(model, requirement, s.id(), lang).unwrap_or(s.id());
    vec![
        (
            "status",
            match (&a.status, &a.justification) {
                (Some(s), Some(j)) => format!("{} ({j})", status(*s)),
                (Some(s), None) => status(*s).to_string(),
                (None, _) => lang.texts().team_cli.no_status.to_string(),
            },
        ),
        ("note", a.note.clone()),
        ("evidence", a.evidence.join(", ")),
        ("flag", if a.flagged { "flagged" } else { "" }.to_string()),
        (
            "reviewed",
            a.reviewed
                .as_ref()
                .map(|r| r.by.clone())
                .unwrap_or_default(),
        ),
        ("decided by", a.decided_by.clone()),
        ("discussion", a.discussion.clone()),
    ]
}

impl Session {
    /// Every answer id the session holds, in its answers and its conflicts' sides: what its
    /// text outputs show (`open::model_for_labels` asks whether they need the model).
    pub fn answer_values(&self) -> impl Iterator<Item = &'static str> + '_ {
        let sides = self
            .conflicts
            .values()
            .flat_map(|c| [&c.base, &c.ours, &c.theirs]);
        let in_conflicts = sides.filter_map(|side| match &side.value {
            ConflictValue::Answer(Some(a)) => a.status,
            _ => None,
        });
        let answered = self.answers.values().filter_map(|a| a.status);
        answered.chain(in_conflicts).map(Status::id)
    }

    /// True while a merge left disagreements unresolved.
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty()
    }

    /// Refuses what needs a settled session (export, sign-off) while conflicts remain.
    pub fn ensure_no_conflicts(&self) -> Result<(), EditError> {
        match self.conflicts.len() {
            0 => Ok(()),
            n => Err(EditError::Conflicts(n)),
        }
    }

    /// Resolves one conflict by taking a side's value; logged under the conflict's target.
    pub fn resolve_conflict(&mut self, id: &str, take: Take, who: &str) -> Result<(), EditError> {
        let conflict = self
            .conflicts
            .get(id)
            .cloned()
            .ok_or_else(|| EditError::UnknownConflict(id.to_string()))?;
        let side = match take {
            Take::Ours => &conflict.ours,
            Take::Theirs => &conflict.theirs,
        };
        self.put_logged(who, id, &conflict, side.value.clone(), take.code());
        Ok(())
    }

    /// Resolves a conflict on an answer by keeping both sides' notes (ours, then theirs,
    /// each under who wrote it); the other conflicting fields take ours.
    pub fn resolve_keep_both_notes(&mut self, id: &str, who: &str) -> Result<(), EditError> {
        let conflict = self
            .conflicts
            .get(id)
            .cloned()
            .ok_or_else(|| EditError::UnknownConflict(id.to_string()))?;
        let (ConflictValue::Answer(ours), ConflictValue::Answer(theirs)) =
            (&conflict.ours.value, &conflict.theirs.value)
        else {
            return Err(EditError::NotANoteConflict(id.to_string()));
        };
        let mut answer = ours.clone().unwrap_or_default();
        let theirs_note = theirs.as_ref().map(|a| a.note.as_str()).unwrap_or_default();
        answer.note = both_notes(
            &answer.note,
            &conflict.ours.by,
            theirs_note,
            &conflict.theirs.by,
        );
        let value = ConflictValue::Answer(Some(answer));
        self.put_logged(who, id, &conflict, value, BOTH_NOTES);
        Ok(())
    }

    /// Puts a resolution in place and logs it in codes (the history panel and `assess log`
    /// tell them in their language): `resolved` with the conflict and the side taken, then
    /// each answer field the resolution changed, as any edit records it.
    fn put_logged(
        &mut self,
        who: &str,
        id: &str,
        conflict: &Conflict,
        value: ConflictValue,
        taken: &str,
    ) {
        let before = self
            .answers
            .get(&conflict.target)
            .cloned()
            .unwrap_or_default();
        let is_answer = matches!(value, ConflictValue::Answer(_));
        self.put_value(&conflict.target, value);
        self.conflicts.remove(id);
        let old = format!("{id} ({})", conflict.fields.join(", "));
        self.append(who, &conflict.target, "resolved", &old, taken);
        if is_answer {
            let after = self
                .answers
                .get(&conflict.target)
                .cloned()
                .unwrap_or_default();
            self.append_answer_change(who, &conflict.target, &before, &after);
        }
        self.updated = now_timestamp();
    }

    /// Puts a conflict side's value in place (None removes the item).
    fn put_value(&mut self, target: &str, value: ConflictValue) {
        match value {
            ConflictValue::Answer(a) => put(&mut self.answers, target, a.filter(|a| !a.is_empty())),
            ConflictValue::Evidence(e) => put(&mut self.evidence, label(target), e),
            ConflictValue::Finding(f) => put(&mut self.findings, label(target), f),
            ConflictValue::Target(t) => {
                put(&mut self.targets, target.trim_start_matches("part/"), t)
            }
            ConflictValue::Text(t) => match target {
                "title" => self.title = t,
                "organisation" => self.organisation = t,
                "scope" => self.scope = t,
                _ => {}
            },
        }
    }
}

fn label(target: &str) -> &str {
    target.rsplit('/').next().unwrap_or(target)
}

fn put<T>(map: &mut std::collections::BTreeMap<String, T>, key: &str, value: Option<T>) {
    match value {
        Some(v) => {
            map.insert(key.to_string(), v);
        }
        None => {
            map.remove(key);
        }
    }
}

/// Two notes kept side by side, each under its author.
fn both_notes(ours: &str, ours_by: &str, theirs: &str, theirs_by: &str) -> String {
    match (ours.trim().is_empty(), theirs.trim().is_empty()) {
        (_, true) => ours.to_string(),
        (true, false) => theirs.to_string(),
        (false, false) => format!("[{ours_by}]\n{ours}\n\n[{theirs_by}]\n{theirs}"),
    }
}
