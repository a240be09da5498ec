//! Every change the workbench can make to a session, as plain functions a test can call.
//! Each stamps who and when, and keeps the answer map free of empty entries.

use std::path::Path;

use super::{Answer, Cursor, Evidence, FORMAT_VERSION, ModelRef, Session, Status};
use crate::model::{LoadedModel, digest_text};

/// Now, as RFC 3339 UTC to the second.
pub fn now_timestamp() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// What a new session needs to know.
#[derive(Debug, Clone, Default)]
pub struct NewSession {
    pub title: String,
    pub organisation: String,
    pub scope: String,
    pub assessors: Vec<String>,
    /// Part ids in scope; empty means every part of the model.
    pub parts: Vec<String>,
    /// Target level for every part in scope.
    pub target: Option<u8>,
    /// The model file's path when it is not a bundled model.
    pub model_path: Option<String>,
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the model has no part \"{0}\" (its parts: {1})")]
    UnknownPart(String, String),
    #[error("a target level must be between 0 and 5, not {0}")]
    BadTarget(u8),
    #[error("\"Not applicable\" needs a justification")]
    JustificationRequired,
    #[error("no evidence \"{0}\" in the register")]
    UnknownEvidence(String),
    #[error("{0} is cited by {1}; detach it there first")]
    EvidenceInUse(String, String),
    #[error("a title is needed")]
    EvidenceTitleRequired,
    #[error("cannot read \"{location}\": {reason}")]
    EvidenceUnreadable { location: String, reason: String },
    #[error("\"{0}\" is not here")]
    EvidenceGone(String),
    #[error("only an answered requirement can be marked as reviewed")]
    NothingToReview,
    #[error("a finding needs a title")]
    FindingTitleRequired,
    #[error("\"{0}\" is not a date written YYYY-MM-DD")]
    BadDate(String),
    #[error("\"{0}\" is not a real date: that month has no such day")]
    NotARealDate(String),
    #[error("the model has no requirement, practice or domain \"{0}\"")]
    UnknownTie(String),
    #[error("no finding \"{0}\"")]
    UnknownFinding(String),
    #[error("\"{0}\" is not a part or domain in scope")]
    UnknownAgendaItem(String),
    #[error("the session was signed off as final by {by} at {at}; reopen it to change it")]
    Final { by: String, at: String },
    #[error("the session is not signed off")]
    NotFinal,
    #[error("reopening a final session needs a reason")]
    ReasonRequired,
    /// An answer its scale marks `justify` was given without a reason (the option's label).
    #[error("the answer \"{}\" needs a reason", .0.get("en"))]
    AnswerNeedsReason(crate::model::Text),
    /// An answer its requirement's scale does not offer.
    #[error("\"{answer}\" is not an answer of this requirement (its answers: {offered})")]
    NotAnAnswer { answer: String, offered: String },
    #[error("a participant needs a name")]
    NameRequired,
    #[error("\"{0}\" is already a participant")]
    DuplicateParticipant(String),
    #[error("no participant \"{0}\"")]
    UnknownParticipant(String),
    #[error("{0} merge conflict(s) remain; resolve them first (`assess conflicts`)")]
    Conflicts(usize),
    #[error("no conflict \"{0}\"")]
    UnknownConflict(String),
    #[error("conflict {0} is not about an answer's note")]
    NotANoteConflict(String),
}

impl Session {
    /// A new, empty session on `model`, with the cursor on the first practice in scope.
    pub fn new(model: &LoadedModel, spec: NewSession) -> Result<Self, EditError> {
        let all: Vec<String> = model.model.parts.iter().map(|p| p.id.clone()).collect();
        for part in &spec.parts {
            if !all.contains(part) {
                return Err(EditError::UnknownPart(part.clone(), all.join(", ")));
            }
        }
        // Keep model order whatever order the user typed.
        let parts: Vec<String> = if spec.parts.is_empty() {
            all
        } else {
            all.into_iter().filter(|p| spec.parts.contains(p)).collect()
        };
        let targets = match spec.target {
            Some(t) if t > 5 => return Err(EditError::BadTarget(t)),
            Some(t) => parts.iter().map(|p| (p.clone(), t)).collect(),
            None => Default::default(),
        };
        let now = now_timestamp();
        let mut session = Session {
            format: FORMAT_VERSION,
            title: spec.title,
            organisation: spec.organisation,
            scope: spec.scope,
            assessors: spec.assessors,
            created: now.clone(),
            updated: now,
            model: ModelRef {
                id: model.model.id.clone(),
                version: model.model.version.clone(),
                hash: model.hash.clone(),
                path: spec.model_path,
            },
            parts,
            targets,
            answers: Default::default(),
            evidence: Default::default(),
            cursor: Cursor::default(),
            participants: Default::default(),
            sign_off: None,
            history: Default::default(),
            findings: Default::default(),
            agenda: Default::default(),
            conflicts: Default::default(),
            baseline: None,
        };
        let first = session.practices_in_scope(model).next();
        if let Some(first) = first {
            let pref = &model.index.practices[first];
            session.cursor.practice = pref.id.clone();
            session.cursor.requirement =
                model.index.requirements[pref.requirements.start].id.clone();
        }
        Ok(session)
    }

    /// Indices of the practices in the parts in scope, in model order.
    pub fn practices_in_scope<'a>(
        &'a self,
        model: &'a LoadedModel,
    ) -> impl Iterator<Item = usize> + 'a {
        model
            .index
            .practices
            .iter()
            .enumerate()
            .filter(|(_, p)| self.parts.contains(&model.model.parts[p.part].id))
            .map(|(i, _)| i)
    }

    /// Indices of the requirements in scope, in model order.
    pub fn requirements_in_scope<'a>(
        &'a self,
        model: &'a LoadedModel,
    ) -> impl Iterator<Item = usize> + 'a {
        self.practices_in_scope(model)
            .flat_map(|p| model.index.practices[p].requirements.clone())
    }

    /// (answered, total) over the requirements in scope.
    pub fn progress(&self, model: &LoadedModel) -> (usize, usize) {
        self.requirements_in_scope(model)
            .fold((0, 0), |(answered, total), r| {
                let id = &model.index.requirements[r].id;
                let done = self.status(id).is_some();
                (answered + usize::from(done), total + 1)
            })
    }

    /// The status of a requirement, if answered.
    pub fn status(&self, requirement: &str) -> Option<Status> {
        self.answers.get(requirement).and_then(|a| a.status)
    }

    /// Applies `change` to a requirement's answer, stamps it, records what changed in the
    /// history, and drops the answer if it became empty. Refused once the session is final.
    pub(super) fn touch(
        &mut self,
        requirement: &str,
        who: &str,
        change: impl FnOnce(&mut Answer),
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let before = self.answers.get(requirement).cloned().unwrap_or_default();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return Ok(());
        }
        // A review applies to the answer it saw: a new status (or reason) clears the mark.
        if after.status != before.status || after.justification != before.justification {
            after.reviewed = None;
        }
        let now = now_timestamp();
        self.record_answer_change(who, requirement, &before, &after);
        after.by = who.to_string();
        after.at = now.clone();
        if after.is_empty() {
            self.answers.remove(requirement);
        } else {
            self.answers.insert(requirement.to_string(), after);
        }
        self.updated = now;
        Ok(())
    }

    /// Answers a requirement on its scale, as the workbench and imports do: an answer the scale
    /// does not offer is refused, and one it marks `justify` (CAICT's Not applicable, or any
    /// other option a model marks) needs a non-blank `reason`; any other answer drops an
    /// earlier reason.
    pub fn answer(
        &mut self,
        model: &LoadedModel,
        requirement: &str,
        status: Status,
        reason: &str,
        who: &str,
    ) -> Result<(), EditError> {
        let scale = model.scale_of(requirement);
        let Some(option) = super::scale::option(scale, status) else {
            let offered: Vec<&str> = scale.options.iter().map(|o| o.id.as_str()).collect();
            return Err(EditError::NotAnAnswer {
                answer: status.id().to_string(),
                offered: offered.join(", "),
            });
        };
        if !option.justify {
            return self.set_status(requirement, status, who);
        }
        if reason.trim().is_empty() {
            self.ensure_editable()?;
            return Err(if status == Status::NotApplicable {
                EditError::JustificationRequired
            } else {
                EditError::AnswerNeedsReason(option.label.clone())
            });
        }
        self.set_justified(requirement, status, reason, who)
    }

    /// Sets a status without asking its scale (CAICT's; `answer` asks). Not applicable needs
    /// a justification (`set_not_applicable`).
    pub fn set_status(
        &mut self,
        requirement: &str,
        status: Status,
        who: &str,
    ) -> Result<(), EditError> {
        if status == Status::NotApplicable {
            return Err(EditError::JustificationRequired);
        }
        self.touch(requirement, who, |a| {
            a.status = Some(status);
            a.justification = None;
        })
    }

    /// Marks a requirement Not applicable, with the reason.
    pub fn set_not_applicable(
        &mut self,
        requirement: &str,
        justification: &str,
        who: &str,
    ) -> Result<(), EditError> {
        let justification = justification.trim();
        if justification.is_empty() {
            return Err(EditError::JustificationRequired);
        }
        self.set_justified(requirement, Status::NotApplicable, justification, who)
    }

    /// Gives an answer that needs a reason (its scale says `justify`: CAICT's Not applicable,
    /// DSOMM's not applicable), with the reason.
    pub fn set_justified(
        &mut self,
        requirement: &str,
        status: Status,
        justification: &str,
        who: &str,
    ) -> Result<(), EditError> {
        let justification = justification.trim();
        if justification.is_empty() {
            return Err(EditError::JustificationRequired);
        }
        self.touch(requirement, who, |a| {
            a.status = Some(status);
            a.justification = Some(justification.to_string());
        })
    }

    /// Clears the status (the note, evidence and flag stay).
    pub fn clear_status(&mut self, requirement: &str, who: &str) -> Result<(), EditError> {
        self.touch(requirement, who, |a| {
            a.status = None;
            a.justification = None;
        })
    }

    /// Replaces the note of a requirement.
    pub fn set_note(&mut self, requirement: &str, note: &str, who: &str) -> Result<(), EditError> {
        self.touch(requirement, who, |a| a.note = note.to_string())
    }

    /// Flags a requirement for review, or unflags it; returns the new state.
    pub fn toggle_flag(&mut self, requirement: &str, who: &str) -> Result<bool, EditError> {
        let mut flagged = false;
        self.touch(requirement, who, |a| {
            a.flagged = !a.flagged;
            flagged = a.flagged;
        })?;
        Ok(flagged)
    }

    /// Marks an answered requirement as reviewed by `who`, or removes the mark; returns
    /// the new state.
    pub fn toggle_reviewed(&mut self, requirement: &str, who: &str) -> Result<bool, EditError> {
        if self.status(requirement).is_none() {
            self.ensure_editable()?;
            return Err(EditError::NothingToReview);
        }
        let mut reviewed = false;
        self.touch(requirement, who, |a| {
            a.reviewed = match a.reviewed {
                Some(_) => None,
                None => Some(super::Reviewed {
                    by: who.to_string(),
                    at: now_timestamp(),
                }),
            };
            reviewed = a.reviewed.is_some();
        })?;
        Ok(reviewed)
    }

    /// Adds an entry to the evidence register and returns its new id (`E1`, `E2`, …).
    pub fn add_evidence(&mut self, mut evidence: Evidence, who: &str) -> Result<String, EditError> {
        self.ensure_editable()?;
        let next = self
            .evidence
            .keys()
            .filter_map(|k| k.strip_prefix('E')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("E{next}");
        evidence.uid = super::fresh_id();
        evidence.added_by = who.to_string();
        evidence.added_at = now_timestamp();
        let summary = format!("{} ({})", evidence.title, evidence.location);
        self.evidence.insert(id.clone(), evidence);
        self.record(who, &format!("evidence/{id}"), "added", "", &summary);
        self.updated = now_timestamp();
        Ok(id)
    }

    /// Links a register entry to a requirement (once).
    pub fn attach_evidence(
        &mut self,
        requirement: &str,
        evidence: &str,
        who: &str,
    ) -> Result<(), EditError> {
        if !self.evidence.contains_key(evidence) {
            return Err(EditError::UnknownEvidence(evidence.to_string()));
        }
        self.touch(requirement, who, |a| {
            if !a.evidence.iter().any(|e| e == evidence) {
                a.evidence.push(evidence.to_string());
            }
        })
    }

    /// Removes a register entry's link from a requirement.
    pub fn detach_evidence(
        &mut self,
        requirement: &str,
        evidence: &str,
        who: &str,
    ) -> Result<(), EditError> {
        self.touch(requirement, who, |a| a.evidence.retain(|e| e != evidence))
    }

    /// Sets the target level of a part in scope.
    pub fn set_target(&mut self, part: &str, target: u8, who: &str) -> Result<(), EditError> {
        self.ensure_editable()?;
        if target > 5 {
            return Err(EditError::BadTarget(target));
        }
        if !self.parts.iter().any(|p| p == part) {
            return Err(EditError::UnknownPart(
                part.to_string(),
                self.parts.join(", "),
            ));
        }
        let old = self.targets.insert(part.to_string(), target);
        let old = old.map(|t| t.to_string()).unwrap_or_default();
        self.record(
            who,
            &format!("part/{part}"),
            "target",
            &old,
            &target.to_string(),
        );
        self.updated = now_timestamp();
        Ok(())
    }

    /// Answers whose requirement id the model no longer knows and that no alias will move:
    /// an answer under an old id whose new id is already answered stays put, so it counts
    /// here rather than vanishing from view.
    pub fn orphaned_answers<'a>(
        &'a self,
        model: &'a LoadedModel,
    ) -> impl Iterator<Item = (&'a String, &'a Answer)> {
        self.answers.iter().filter(|(id, _)| {
            let will_move = model
                .model
                .aliases
                .get(*id)
                .is_some_and(|new| !self.answers.contains_key(new));
            model.index.requirement(id).is_none() && !will_move
        })
    }

    /// Moves answers filed under an aliased (old) id to the current id, never overwriting an
    /// answer already given under the new id, and ties findings about an old id to the new
    /// one; each move is logged. A final session is left as signed (its hash covers the ids
    /// as they were).
    pub fn apply_aliases(&mut self, model: &LoadedModel) -> AliasMoves {
        let mut moved = AliasMoves::default();
        if self.is_final() {
            return moved;
        }
        for (old, new) in &model.model.aliases {
            if self.answers.contains_key(new) {
                continue;
            }
            if let Some(answer) = self.answers.remove(old) {
                self.answers.insert(new.clone(), answer);
                self.append(super::history::MODEL_ALIASES, new, "moved from", old, new);
                moved.answers += 1;
            }
        }
        let ties: Vec<(String, String)> = self
            .findings
            .iter()
            .filter(|(_, f)| model.index.requirement(&f.tie).is_none())
            .filter_map(|(id, f)| Some((id.clone(), model.model.aliases.get(&f.tie)?.clone())))
            .collect();
        for (id, new) in ties {
            if let Some(finding) = self.findings.get_mut(&id) {
                let old = std::mem::replace(&mut finding.tie, new.clone());
                let target = format!("finding/{id}");
                self.append(super::history::MODEL_ALIASES, &target, "tie", &old, &new);
                moved.findings += 1;
            }
        }
        moved
    }
}

/// What `Session::apply_aliases` moved to renamed requirements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AliasMoves {
    pub answers: usize,
    pub findings: usize,
}

/// `sha256:<hex>` of a file's bytes (evidence is hashed when attached and checked when a
/// session is opened, never opened otherwise). Read in blocks, so a long recording of a demo
/// is never held in memory whole.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    hash_file_progress(
        path,
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_| {},
    )
}

/// `hash_file` that tells `read` the size of every block it hashed and stops (with an
/// `Interrupted` error, "cancelled") as soon as `cancel` is set: the one hash that a check on
/// another thread reports and obeys. Only regular files are read.
pub fn hash_file_progress(
    path: &Path,
    cancel: &std::sync::atomic::AtomicBool,
    read: &mut dyn FnMut(u64),
) -> std::io::Result<String> {
    use sha2::Digest;
    use std::io::Read;
    use std::sync::atomic::Ordering;
    // Never waits on the open; reads no more than the size the file reports, so a file that
    // lies about its size (or grows while read) cannot keep the hash going.
    let file = crate::textfile::open_without_waiting(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut file = file.take(meta.len());
    let mut hasher = sha2::Sha256::new();
    let mut block = vec![0u8; 256 * 1024];
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        match file.read(&mut block) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&block[..n]);
                read(n as u64);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(digest_text(&hasher.finalize()))
}

/// The error of a hash stopped on request.
fn cancelled() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "cancelled")
}

/// Refusals in words: the catalogue's sentences, filled with the error's data.
impl crate::lang::Lang {
    /// An edit the session refused, told in this language.
    pub fn edit_error(self, e: &EditError) -> String {
        let t = self.texts().errors;
        match e {
            EditError::UnknownPart(part, parts) => {
                crate::i18n::fill(t.unknown_part, &[("part", part), ("parts", parts)])
            }
            EditError::BadTarget(level) => {
                crate::i18n::fill(t.bad_target, &[("level", &level.to_string())])
            }
            EditError::JustificationRequired => t.justification_required.to_string(),
            EditError::UnknownEvidence(id) => crate::i18n::fill(t.unknown_evidence, &[("id", id)]),
            EditError::EvidenceInUse(id, by) => {
                crate::i18n::fill(t.evidence_in_use, &[("id", id), ("by", by)])
            }
            EditError::EvidenceTitleRequired => t.evidence_title_required.to_string(),
            EditError::EvidenceUnreadable { location, reason } => crate::i18n::fill(
                t.evidence_unreadable,
                &[("location", location), ("reason", reason)],
            ),
            EditError::EvidenceGone(location) => {
                crate::i18n::fill(t.evidence_gone, &[("location", location)])
            }
            EditError::NothingToReview => t.nothing_to_review.to_string(),
            EditError::FindingTitleRequired => t.finding_title_required.to_string(),
            EditError::BadDate(date) => crate::i18n::fill(t.bad_date, &[("date", date)]),
            EditError::NotARealDate(date) => {
                crate::i18n::fill(t.not_a_real_date, &[("date", date)])
            }
            EditError::Conflicts(n) => crate::i18n::fill(t.conflicts, &[("n", &n.to_string())]),
            EditError::UnknownConflict(id) => crate::i18n::fill(t.unknown_conflict, &[("id", id)]),
            EditError::NotANoteConflict(id) => {
                crate::i18n::fill(t.not_a_note_conflict, &[("id", id)])
            }
            EditError::UnknownTie(id) => crate::i18n::fill(t.unknown_tie, &[("id", id)]),
            EditError::UnknownFinding(id) => crate::i18n::fill(t.unknown_finding, &[("id", id)]),
            EditError::UnknownAgendaItem(id) => {
                crate::i18n::fill(t.unknown_agenda_item, &[("id", id)])
            }
            EditError::Final { by, at } => {
                crate::i18n::fill(t.final_session, &[("by", by), ("at", at)])
            }
            EditError::NotFinal => t.not_final.to_string(),
            EditError::ReasonRequired => t.reason_required.to_string(),
            EditError::AnswerNeedsReason(label) => {
                crate::i18n::fill(t.answer_needs_reason, &[("answer", label.get(self.code()))])
            }
            EditError::NotAnAnswer { answer, offered } => {
                crate::i18n::fill(t.not_an_answer, &[("answer", answer), ("offered", offered)])
            }
            EditError::NameRequired => t.name_required.to_string(),
            EditError::DuplicateParticipant(name) => {
                crate::i18n::fill(t.duplicate_participant, &[("name", name)])
            }
            EditError::UnknownParticipant(name) => {
                crate::i18n::fill(t.unknown_participant, &[("name", name)])
            }
        }
    }
}

#[cfg(test)]
mod told_tests {
    use super::EditError;
    use crate::lang::Lang;

    /// The English texts say what the errors' own `Display` says, so logs and the screen agree.
    #[test]
    fn english_matches_the_errors_own_words() {
        let cases = [
            EditError::UnknownPart("xx".into(), "cd, to".into()),
            EditError::BadTarget(7),
            EditError::JustificationRequired,
            EditError::UnknownEvidence("E9".into()),
            EditError::EvidenceInUse("E1".into(), "cd.a.1".into()),
            EditError::EvidenceTitleRequired,
            EditError::EvidenceUnreadable {
                location: "a.txt".into(),
                // The system's own reason is passed on as it is.
                reason: "13".into(),
            },
            EditError::EvidenceGone("a.txt".into()),
            EditError::NothingToReview,
            EditError::FindingTitleRequired,
            EditError::BadDate("2026-02-30".into()),
            EditError::UnknownTie("cd.x".into()),
            EditError::UnknownFinding("F9".into()),
            EditError::UnknownAgendaItem("cd.x".into()),
            EditError::Final {
                by: "王芳".into(),
                at: "2026-01-01T00:00:00Z".into(),
            },
            EditError::NotFinal,
            EditError::ReasonRequired,
            EditError::AnswerNeedsReason(crate::model::Text::from_pairs(&[
                ("en", "Partly"),
                ("zh", "部分"),
            ])),
            EditError::NotAnAnswer {
                answer: "7".into(),
                offered: "0, 1, 2, 3".into(),
            },
            EditError::NameRequired,
            EditError::DuplicateParticipant("王芳".into()),
            EditError::UnknownParticipant("王芳".into()),
        ];
        for e in &cases {
            assert_eq!(Lang::En.edit_error(e), e.to_string());
            let zh = Lang::Zh.edit_error(e);
            assert!(
                !zh.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() > 3 && w != "YYYY"),
                "English left in {zh}"
            );
        }
    }
}
