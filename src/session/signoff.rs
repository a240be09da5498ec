//! Sign-off: a session made final with a content hash (and, when the signer has an SSH key, a
//! signature), verified later, reopened only with a logged reason.
//!
//! The hash (canonical form 2) covers everything a report shows and the whole audit trail: the
//! title, organisation, scope, assessors, participants and creation date; the model (id,
//! version, the hash of its content, and its path); the parts in scope and their targets,
//! every answer (status, justification, note, evidence links, flag, decided by, discussion, who
//! and when), the evidence register, the findings and the agenda; the sign-off's own signer and
//! time; and every history entry but the sign-off's own. History entries are hashed as a set,
//! sorted by their content (ids left out), so two copies whose histories are merged as a union
//! hash the same, and removing or rewriting any entry is detected. Everything is serialised as
//! one JSON object with keys in a fixed order (maps are ordered by key) and hashed with
//! SHA-256. The `v` tag names the canonical form; a sign-off records the form it used, so one
//! made by an older build (form 1: the model, scope, answers, evidence, findings and
//! participants only) is still checked as it was made, and `verify` says it covers less.
//!
//! A hash alone proves only that the file is as it was *if* nobody recomputed it: anyone who
//! can edit the file can. A signature made with the signer's SSH key (see `sshsig.rs`) is what
//! says who signed; `verify` tells which of the two a session has.

use std::collections::BTreeMap;

use serde::Serialize;

use super::edit::{EditError, now_timestamp};
use super::history::Change;
use super::{Agenda, Answer, Evidence, Participant, Session, SignOff};
use crate::model;

/// The canonical form new sign-offs use.
pub const CANONICAL_VERSION: u32 = 2;

/// What form 1 covered (kept to check sign-offs made before form 2).
#[derive(Serialize)]
struct CoveredV1<'a> {
    v: u32,
    model: (&'a str, &'a str, &'a str),
    parts: &'a [String],
    targets: &'a BTreeMap<String, u8>,
    answers: &'a BTreeMap<String, Answer>,
    evidence: &'a BTreeMap<String, Evidence>,
    findings: &'a BTreeMap<String, super::Finding>,
    participants: &'a [Participant],
}

/// What form 2 covers, in its canonical order.
#[derive(Serialize)]
struct CoveredV2<'a> {
    v: u32,
    title: &'a str,
    organisation: &'a str,
    scope: &'a str,
    assessors: &'a [String],
    participants: &'a [Participant],
    created: &'a str,
    model: (&'a str, &'a str, &'a str, Option<&'a str>),
    parts: &'a [String],
    targets: &'a BTreeMap<String, u8>,
    answers: &'a BTreeMap<String, Answer>,
    evidence: &'a BTreeMap<String, Evidence>,
    findings: &'a BTreeMap<String, super::Finding>,
    agenda: &'a Agenda,
    signed: (&'a str, &'a str),
    history: Vec<(&'a str, &'a str, &'a str, &'a str, &'a str, &'a str)>,
}

/// The sign-off's own history entry (it is written after the hash is taken).
fn is_entry_of(change: &Change, hash: &str) -> bool {
    change.target == "session"
        && change.field == "sign-off"
        && change.new == format!("final {hash}")
}

/// The register and findings without their ids (identities, not content: a session signed
/// before it had them still verifies).
fn without_ids(
    session: &Session,
) -> (BTreeMap<String, Evidence>, BTreeMap<String, super::Finding>) {
    let evidence = session
        .evidence
        .iter()
        .map(|(k, e)| {
            let e = Evidence {
                uid: String::new(),
                ..e.clone()
            };
            (k.clone(), e)
        })
        .collect();
    let findings = session
        .findings
        .iter()
        .map(|(k, f)| {
            let f = super::Finding {
                uid: String::new(),
                ..f.clone()
            };
            (k.clone(), f)
        })
        .collect();
    (evidence, findings)
}

fn hash_of(covered: &impl Serialize) -> String {
    // Plain data with string keys: serialising cannot fail.
    model::content_hash(&serde_json::to_vec(covered).unwrap_or_default())
}

/// `sha256:<hex>` in canonical form 2 of the session as it would be signed by `by` at `at`
/// (see the module docs for what it covers). The entry of a sign-off whose hash is `own` is
/// left out of the history (it records the hash, so it cannot be inside it).
pub fn signed_hash(session: &Session, by: &str, at: &str, own: Option<&str>) -> String {
    let (evidence, findings) = without_ids(session);
    let mut history: Vec<_> = session
        .history
        .iter()
        .filter(|c| own.is_none_or(|h| !is_entry_of(c, h)))
        .map(|c| {
            (
                c.at.as_str(),
                c.by.as_str(),
                c.target.as_str(),
                c.field.as_str(),
                c.old.as_str(),
                c.new.as_str(),
            )
        })
        .collect();
    history.sort_unstable();
    let m = &session.model;
    hash_of(&CoveredV2 {
        v: 2,
        title: &session.title,
        organisation: &session.organisation,
        scope: &session.scope,
        assessors: &session.assessors,
        participants: &session.participants,
        created: &session.created,
        model: (&m.id, &m.version, &m.hash, m.path.as_deref()),
        parts: &session.parts,
        targets: &session.targets,
        answers: &session.answers,
        evidence: &evidence,
        findings: &findings,
        agenda: &session.agenda,
        signed: (by, at),
        history,
    })
}

/// `sha256:<hex>` in canonical form 1 (what sign-offs made before form 2 recorded).
fn hash_v1(session: &Session) -> String {
    let (evidence, findings) = without_ids(session);
    hash_of(&CoveredV1 {
        v: 1,
        model: (
            &session.model.id,
            &session.model.version,
            &session.model.hash,
        ),
        parts: &session.parts,
        targets: &session.targets,
        answers: &session.answers,
        evidence: &evidence,
        findings: &findings,
        participants: &session.participants,
    })
}

/// The hash a session's current content gives for its sign-off (in the form the sign-off
/// used); for a session not signed off, the form-2 hash it would get if `""` signed it now.
pub fn content_hash(session: &Session) -> String {
    match &session.sign_off {
        Some(s) if s.canonical < 2 => hash_v1(session),
        Some(s) => signed_hash(session, &s.by, &s.at, Some(&s.hash)),
        None => signed_hash(session, "", "", None),
    }
}

/// Why a final session does not verify (`Lang::mismatch_reason` words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MismatchReason {
    ContentDiffers,
    NoSignOffEntry,
    ModelChanged,
    /// The model does not load: its error, as it said it.
    ModelUnloadable(String),
}

impl crate::lang::Lang {
    /// Why a final session does not verify, in this language.
    pub fn mismatch_reason(self, reason: &MismatchReason) -> String {
        let [differs, no_entry, model_changed, unloadable] = self.texts().verify.reasons;
        match reason {
            MismatchReason::ContentDiffers => differs.to_string(),
            MismatchReason::NoSignOffEntry => no_entry.to_string(),
            MismatchReason::ModelChanged => model_changed.to_string(),
            MismatchReason::ModelUnloadable(e) => crate::i18n::fill(unloadable, &[("error", e)]),
        }
    }
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Signed off and the content still hashes to the recorded value.
    Match { sign_off: SignOff },
    /// Signed off, but the content changed since (`reasons` says what is known to differ).
    Mismatch {
        sign_off: SignOff,
        actual: String,
        reasons: Vec<MismatchReason>,
    },
    /// Never signed off (or reopened since).
    NotFinal,
}

impl Session {
    /// Whether the session is signed off as final.
    pub fn is_final(&self) -> bool {
        self.sign_off.is_some()
    }

    /// Makes the session final: stores who, when and the content hash, and logs it.
    pub fn finalize(&mut self, who: &str) -> Result<&SignOff, EditError> {
        self.ensure_editable()?;
        self.ensure_no_conflicts()?;
        let at = now_timestamp();
        let sign_off = SignOff {
            hash: signed_hash(self, who, &at, None),
            by: who.to_string(),
            at,
            canonical: CANONICAL_VERSION,
            signature: None,
        };
        self.append(
            who,
            "session",
            "sign-off",
            "",
            &format!("final {}", sign_off.hash),
        );
        self.updated = sign_off.at.clone();
        Ok(self.sign_off.insert(sign_off))
    }

    /// Signs the sign-off with the SSH key at `key` (see `sshsig.rs`); the content stays as
    /// it is. Refused when the session is not signed off.
    pub fn sign_with_key(&mut self, key: &std::path::Path) -> Result<(), String> {
        let Some(sign_off) = &mut self.sign_off else {
            return Err("the session is not signed off".to_string());
        };
        sign_off.signature = Some(super::sshsig::sign(key, &sign_off.hash)?);
        Ok(())
    }

    /// Reopens a final session for changes; the reason is required and logged.
    pub fn reopen(&mut self, reason: &str, who: &str) -> Result<(), EditError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(EditError::ReasonRequired);
        }
        let Some(sign_off) = self.sign_off.take() else {
            return Err(EditError::NotFinal);
        };
        let old = format!(
            "final {} (signed off by {} at {})",
            sign_off.hash, sign_off.by, sign_off.at
        );
        self.append(who, "session", "reopen", &old, reason);
        self.updated = now_timestamp();
        Ok(())
    }

    /// Recomputes the content hash and compares it with the sign-off's, and checks that the
    /// history holds the sign-off's own entry with the same hash.
    pub fn verify(&self) -> Verification {
        let Some(sign_off) = &self.sign_off else {
            return Verification::NotFinal;
        };
        let actual = content_hash(self);
        let mut reasons = Vec::new();
        if actual != sign_off.hash {
            reasons.push(MismatchReason::ContentDiffers);
        }
        if !self.history.iter().any(|c| is_entry_of(c, &sign_off.hash)) {
            reasons.push(MismatchReason::NoSignOffEntry);
        }
        if reasons.is_empty() {
            Verification::Match {
                sign_off: sign_off.clone(),
            }
        } else {
            Verification::Mismatch {
                sign_off: sign_off.clone(),
                actual,
                reasons,
            }
        }
    }

    /// `verify`, and the model the session uses must still be the one it was signed with
    /// (its content hash as recorded).
    pub fn verify_with_model(&self) -> Verification {
        let verdict = self.verify();
        let model_now = super::model_for(self).map(|m| m.hash);
        let model_changed = match &model_now {
            Ok(hash) => *hash != self.model.hash,
            Err(_) => true,
        };
        if !model_changed {
            return verdict;
        }
        let why = match model_now {
            Ok(_) => MismatchReason::ModelChanged,
            Err(e) => MismatchReason::ModelUnloadable(format!("{e:#}")),
        };
        match verdict {
            Verification::Match { sign_off } => Verification::Mismatch {
                actual: sign_off.hash.clone(),
                sign_off,
                reasons: vec![why],
            },
            Verification::Mismatch {
                sign_off,
                actual,
                mut reasons,
            } => {
                reasons.push(why);
                Verification::Mismatch {
                    sign_off,
                    actual,
                    reasons,
                }
            }
            Verification::NotFinal => Verification::NotFinal,
        }
    }
}
