//! Sign-off: a session made final with a content hash, verified later, reopened only with a
//! logged reason.
//!
//! The hash covers what the assessment says, not where the cursor was or who edited when:
//! the model (id, version, hash), the parts in scope and their targets, every answer (status,
//! justification, note, evidence links, flag, decided by, discussion, who and when), the
//! evidence register, the findings and the participants. They are serialised as one JSON object with keys
//! in a fixed order (maps are ordered by key) and hashed with SHA-256. Later content joins
//! `covered` as one more key; the `v` tag names the canonical form so older hashes stay
//! explainable.

use std::collections::BTreeMap;

use serde::Serialize;

use super::edit::{EditError, now_timestamp};
use super::{Answer, Evidence, Participant, Session, SignOff};
use crate::model;

/// The version of the canonical form below.
const CANONICAL_VERSION: u32 = 1;

/// What the sign-off hash covers, in its canonical order.
#[derive(Serialize)]
struct Covered<'a> {
    v: u32,
    model: (&'a str, &'a str, &'a str),
    parts: &'a [String],
    targets: &'a std::collections::BTreeMap<String, u8>,
    answers: &'a std::collections::BTreeMap<String, Answer>,
    evidence: &'a std::collections::BTreeMap<String, Evidence>,
    findings: &'a std::collections::BTreeMap<String, super::Finding>,
    participants: &'a [Participant],
}

/// `sha256:<hex>` over the session's signed content (see the module docs for what it covers).
///
/// Evidence and finding ids (format 3) are identities, not content: they are left out, so a
/// session signed before it had them still verifies.
pub fn content_hash(session: &Session) -> String {
    let evidence: BTreeMap<String, Evidence> = session
        .evidence
        .iter()
        .map(|(k, e)| {
            (
                k.clone(),
                Evidence {
                    uid: String::new(),
                    ..e.clone()
                },
            )
        })
        .collect();
    let findings: BTreeMap<String, super::Finding> = session
        .findings
        .iter()
        .map(|(k, f)| {
            (
                k.clone(),
                super::Finding {
                    uid: String::new(),
                    ..f.clone()
                },
            )
        })
        .collect();
    let covered = Covered {
        v: CANONICAL_VERSION,
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
    };
    // Plain data with string keys: serialising cannot fail.
    let bytes = serde_json::to_vec(&covered).unwrap_or_default();
    model::content_hash(&bytes)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Signed off and the content still hashes to the recorded value.
    Match { sign_off: SignOff },
    /// Signed off, but the content changed since.
    Mismatch { sign_off: SignOff, actual: String },
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
        let sign_off = SignOff {
            by: who.to_string(),
            at: now_timestamp(),
            hash: content_hash(self),
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

    /// Recomputes the content hash and compares it with the sign-off's.
    pub fn verify(&self) -> Verification {
        match &self.sign_off {
            None => Verification::NotFinal,
            Some(sign_off) => {
                let actual = content_hash(self);
                if actual == sign_off.hash {
                    Verification::Match {
                        sign_off: sign_off.clone(),
                    }
                } else {
                    Verification::Mismatch {
                        sign_off: sign_off.clone(),
                        actual,
                    }
                }
            }
        }
    }
}
