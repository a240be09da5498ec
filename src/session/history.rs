//! The audit trail: every change to a session is appended to its history as who, when, what,
//! old → new. Entries are never rewritten except that a note typed in one sitting (the editor
//! saves drafts every few seconds) stays one entry: its `old` is kept and its `new` updated.

use serde::{Deserialize, Serialize};

mod fast;
mod lazy;
pub(super) mod split;

pub use fast::parse_changes;
pub(crate) use lazy::Unread;
pub use lazy::{FileText, History, HistoryDamage};

use super::edit::{EditError, now_timestamp};
use super::{Answer, Session};
use crate::lang::Lang;
use crate::model::LoadedModel;

/// One recorded change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The entry's identity (see `ids.rs`): histories of two copies merge as a union by id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub by: String,
    /// What changed: a full requirement id, `evidence/E3`, `finding/F2`, `part/cd`, `session`.
    pub target: String,
    /// Which field of it: `status`, `note`, `justification`, `flag`, `evidence`, `sign-off`, …
    pub field: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub old: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub new: String,
    /// How the change came in when it was not typed in the workbench, e.g.
    /// `imported from team-cd.xlsx`; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub via: String,
}

/// Notes edited again by the same person within this many seconds are one entry.
const NOTE_SITTING_SECONDS: u64 = 10 * 60;

impl Session {
    /// Appends a change to the history (nothing when old and new are equal).
    pub fn record(&mut self, who: &str, target: &str, field: &str, old: &str, new: &str) {
        if old == new {
            return;
        }
        let at = now_timestamp();
        if matches!(field, "note" | "discussion")
            && let Some(last) = self.history.last_mut()
            && last.target == target
            && last.field == field
            && last.by == who
            && last.via.is_empty()
            && seconds_between(&last.at, &at).is_some_and(|s| s <= NOTE_SITTING_SECONDS)
        {
            last.new = new.to_string();
            last.at = at;
            return;
        }
        self.append(who, target, field, old, new);
    }

    /// Appends a change as a new entry, never merged into the last one (undo, sign-off).
    pub fn append(&mut self, who: &str, target: &str, field: &str, old: &str, new: &str) {
        if old == new {
            return;
        }
        self.history.push(Change {
            id: super::fresh_id(),
            at: now_timestamp(),
            by: who.to_string(),
            target: target.to_string(),
            field: field.to_string(),
            old: old.to_string(),
            new: new.to_string(),
            via: String::new(),
        });
    }

    /// Runs `edits` (ordinary edit functions) and marks every change they record as having
    /// come in `via` something (`imported from FILE`). A note change is never folded into
    /// an entry recorded before: that entry is restored and the change gets its own.
    pub fn edits_via<T>(&mut self, via: &str, edits: impl FnOnce(&mut Self) -> T) -> T {
        let mark = self.history.len();
        let last = self.history.last().cloned();
        let result = edits(self);
        if let Some(before) = last
            && self.history.get(mark - 1) != Some(&before)
        {
            let merged = std::mem::replace(&mut self.history[mark - 1], before.clone());
            let own = Change {
                id: super::fresh_id(),
                old: before.new,
                ..merged
            };
            self.history.insert(mark, own);
        }
        let from = mark.min(self.history.len());
        for change in &mut self.history[from..] {
            change.via = via.to_string();
        }
        result
    }

    /// Records every field that differs between two versions of a requirement's answer.
    pub(crate) fn record_answer_change(
        &mut self,
        who: &str,
        requirement: &str,
        before: &Answer,
        after: &Answer,
    ) {
        for (field, old, new) in answer_fields(before)
            .into_iter()
            .zip(answer_fields(after))
            .map(|((field, old), (_, new))| (field, old, new))
        {
            self.record(who, requirement, field, &old, &new);
        }
    }

    /// As `record_answer_change`, each field a new entry (an undo is its own change).
    pub(crate) fn append_answer_change(
        &mut self,
        who: &str,
        requirement: &str,
        before: &Answer,
        after: &Answer,
    ) {
        for ((field, old), (_, new)) in answer_fields(before).into_iter().zip(answer_fields(after))
        {
            self.append(who, requirement, field, &old, &new);
        }
    }

    /// The recorded changes of one target (a requirement id, `finding/F1`, …), oldest first.
    pub fn history_of<'a>(&'a self, target: &'a str) -> impl Iterator<Item = &'a Change> + 'a {
        self.history.iter().filter(move |c| c.target == target)
    }

    /// Refuses changes to a signed-off session until it is explicitly reopened.
    pub fn ensure_editable(&self) -> Result<(), EditError> {
        match &self.sign_off {
            Some(sign_off) => Err(EditError::Final {
                by: sign_off.by.clone(),
                at: sign_off.at.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// The audit trail's field codes the history panel and `assess log` name (others show as
/// recorded), in the order `Overlays::history_fields` names them.
const FIELDS: [&str; 13] = [
    "status",
    "justification",
    "note",
    "evidence",
    "flag",
    "decided by",
    "discussion",
    "target",
    "participant",
    "participants",
    "assessors",
    "sign-off",
    "reopen",
];

/// A history field name in the shown language.
pub fn field_label(field: &str, lang: Lang) -> &str {
    FIELDS
        .iter()
        .position(|f| *f == field)
        .map(|i| lang.texts().overlays.history_fields[i])
        .or_else(|| team_field_label(field, lang))
        .or_else(|| {
            let i = MORE_FIELDS.iter().position(|f| *f == field)?;
            Some(lang.texts().recorded.fields[i])
        })
        .unwrap_or(field)
}

/// The field codes merges and resolutions record, in the order `TeamCli::history_fields`
/// names them.
const TEAM_FIELDS: [&str; 4] = ["resolved", "conflict", "renumbered", "sign-off voided"];

/// The field codes of evidence, findings, the agenda and model updates, in the order
/// `Recorded::fields` names them.
const MORE_FIELDS: [&str; 15] = [
    "reviewed",
    "added",
    "removed",
    "title",
    "kind",
    "location",
    "sha256",
    "planned minutes",
    "moved from",
    "tie",
    "severity",
    "description",
    "recommendation",
    "owner",
    "due",
];

/// A recorded field code in `lang`, for the fields a merge or resolution records.
pub fn team_field_label(field: &str, lang: Lang) -> Option<&'static str> {
    let i = TEAM_FIELDS.iter().position(|f| *f == field)?;
    Some(lang.texts().team_cli.history_fields[i])
}

/// Who a change is recorded under when the model's aliases moved an answer or a finding.
pub const MODEL_ALIASES: &str = "model aliases";

/// Who made a change, in `lang`: a person's name as recorded; the model's aliases by their
/// word.
pub fn who_label(by: &str, lang: Lang) -> &str {
    match by {
        MODEL_ALIASES => lang.texts().recorded.model_aliases,
        _ => by,
    }
}

/// A change's target in `lang`: `session` (the session as a whole) by its word; an id (a
/// requirement, `part/cd`, `evidence/E1`) as recorded.
pub fn target_label(target: &str, lang: Lang) -> &str {
    match target {
        "session" => lang.texts().recorded.session,
        _ => target,
    }
}

/// A recorded value in `lang` when it holds codes: an answer by its label on the scale of the
/// requirement `target` (`scale::answer_label`; `model` as there), the flag, an evidence kind,
/// a severity, the side a resolution took, the conflict a merge recorded or a resolution
/// closed (`C1: status, note`), a sign-off or a reopening. None: shown as recorded.
pub fn recorded_value(
    model: Option<&LoadedModel>,
    target: &str,
    field: &str,
    value: &str,
    lang: Lang,
) -> Option<String> {
    let (t, r) = (lang.texts().team_cli, lang.texts().recorded);
    let word = |i: Option<usize>, words: &[&str]| i.map(|i| words[i].to_string());
    match field {
        "status" => super::scale::answer_label(model, target, value, lang).map(str::to_string),
        "flag" if value == "flagged" => Some(lang.texts().messages.flagged.into()),
        // An evidence entry's kind, as the register names it.
        "kind" => word(
            super::EvidenceType::ALL
                .iter()
                .position(|k| k.code() == value),
            &lang.texts().workbench.register.kinds,
        ),
        "severity" => word(
            super::Severity::ALL.iter().position(|s| s.code() == value),
            &lang.texts().terms.severities,
        ),
        "resolved" => word(
            ["ours", "theirs", super::conflicts::BOTH_NOTES]
                .iter()
                .position(|c| *c == value),
            &t.taken,
        )
        .or_else(|| {
            let (id, fields) = value.strip_suffix(')')?.split_once(" (")?;
            Some(conflict_text(r.resolved, id, fields, lang))
        }),
        "conflict" => {
            let (id, fields) = value.split_once(": ")?;
            Some(conflict_text(r.conflict, id, fields, lang))
        }
        "sign-off" => {
            let hash = value.strip_prefix("final ")?;
            Some(crate::i18n::fill(r.final_hash, &[("hash", hash)]))
        }
        // What `Session::reopen` records: `final HASH (signed off by BY at AT)`.
        "reopen" => {
            let (hash, rest) = value
                .strip_prefix("final ")?
                .split_once(" (signed off by ")?;
            let (by, at) = rest.strip_suffix(')')?.rsplit_once(" at ")?;
            let values = [("hash", hash), ("by", by), ("at", at)];
            Some(crate::i18n::fill(r.final_by, &values))
        }
        "sign-off voided" if value == "merge" => Some(t.voided_by_merge.into()),
        _ => None,
    }
}

/// A conflict's id and its field codes (`status, note`, as recorded) in `lang`.
fn conflict_text(template: &str, id: &str, fields: &str, lang: Lang) -> String {
    let fields = fields_label(fields, lang);
    crate::i18n::fill(template, &[("id", id), ("fields", &fields)])
}

/// Field codes as a merge lists them (`status, note`) in `lang` (`状态、备注`).
pub fn fields_label(fields: &str, lang: Lang) -> String {
    let names: Vec<&str> = fields.split(", ").map(|f| field_label(f, lang)).collect();
    names.join(lang.texts().recorded.separator)
}

/// What `via` records for changes read from a workbook `file`.
pub fn imported_via(file: &str) -> String {
    format!("{IMPORTED_FROM}{file}")
}

const IMPORTED_FROM: &str = "imported from ";

/// How a change came in (`imported from FILE`, as recorded), in `lang`.
pub fn via_label(via: &str, lang: Lang) -> String {
    match via.strip_prefix(IMPORTED_FROM) {
        Some(file) => crate::i18n::fill(lang.texts().recorded.imported_from, &[("file", file)]),
        None => via.to_string(),
    }
}

/// The audited fields of an answer as text, in a fixed order.
fn answer_fields(answer: &Answer) -> Vec<(&'static str, String)> {
    vec![
        (
            "status",
            answer
                .status
                .map(|s| s.code().to_string())
                .unwrap_or_default(),
        ),
        (
            "justification",
            answer.justification.clone().unwrap_or_default(),
        ),
        ("note", answer.note.clone()),
        ("evidence", answer.evidence.join(", ")),
        (
            "flag",
            if answer.flagged { "flagged" } else { "" }.to_string(),
        ),
        (
            "reviewed",
            answer
                .reviewed
                .as_ref()
                .map(|r| r.by.clone())
                .unwrap_or_default(),
        ),
        ("decided by", answer.decided_by.clone()),
        ("discussion", answer.discussion.clone()),
    ]
}

/// Seconds from `earlier` to `later` (RFC 3339 timestamps), if both parse.
fn seconds_between(earlier: &str, later: &str) -> Option<u64> {
    let earlier = humantime::parse_rfc3339_weak(earlier).ok()?;
    let later = humantime::parse_rfc3339_weak(later).ok()?;
    later.duration_since(earlier).ok().map(|d| d.as_secs())
}
