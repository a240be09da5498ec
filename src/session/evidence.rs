//! The evidence register: a local file is fingerprinted (SHA-256 and size) when it is
//! attached, and `evidence_checks` tells whenever the session is opened whether each file is
//! still there and unchanged. The workbench, the CLI, reports and `doctor` all read that one
//! answer. Register changes (edit, accept a new version, remove) are plain, logged edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::edit::{EditError, now_timestamp};
use super::{Evidence, EvidenceType, Session, hash_file};

/// What became of a fingerprinted file since it was attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceCheck {
    /// Found, same size and hash.
    Ok,
    /// Found, but its bytes differ.
    Changed,
    /// Not found where the register says.
    Missing,
    /// Found but not readable (the reason).
    Unreadable(String),
}

impl EvidenceCheck {
    /// A short word for screens and reports: `ok`, `changed`, `missing`, `unreadable`.
    pub fn label(&self) -> &'static str {
        match self {
            EvidenceCheck::Ok => "ok",
            EvidenceCheck::Changed => "changed",
            EvidenceCheck::Missing => "missing",
            EvidenceCheck::Unreadable(_) => "unreadable",
        }
    }

    /// True when the file is not as attached (changed, missing or unreadable).
    pub fn is_problem(&self) -> bool {
        *self != EvidenceCheck::Ok
    }
}

/// Where a typed location is on this machine (`~/` expanded); the register keeps the
/// location exactly as typed.
pub fn local_path(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// Where a location is looked for: as given when absolute (`~/` expanded), else in
/// `base_dir`, the session's folder — always, whatever the current directory is, so the same
/// session gives the same answer from anywhere.
pub fn candidates(base_dir: &Path, location: &str) -> Vec<PathBuf> {
    let given = local_path(location);
    if given.is_relative() {
        vec![base_dir.join(&given)]
    } else {
        vec![given]
    }
}

/// Whether a register entry names a local file: a document, screenshot or recording whose
/// location is a path (not an address like `https://…` or a ticket reference like `JIRA-12`).
/// Such a file that is not there is "missing", whether or not it was ever fingerprinted.
pub fn is_local_file(evidence: &Evidence) -> bool {
    let location = evidence.location.trim();
    let file_kind = matches!(
        evidence.kind,
        EvidenceType::Document | EvidenceType::Screenshot | EvidenceType::Recording
    );
    let pathlike = location.contains('/')
        || location.contains('\\')
        || location.starts_with('~')
        || Path::new(location).extension().is_some_and(|e| {
            !e.is_empty() && e.len() <= 5 && e.to_string_lossy().chars().all(char::is_alphanumeric)
        });
    file_kind && !location.is_empty() && !location.contains("://") && pathlike
}

fn find(base_dir: &Path, location: &str) -> Option<PathBuf> {
    if location.trim().is_empty() {
        return None;
    }
    candidates(base_dir, location)
        .into_iter()
        .find(|p| std::fs::metadata(p).is_ok())
}

/// Why a file is never hashed: only regular files are (a FIFO, a device or a `/proc` file
/// could block a read for good, or never end).
fn not_regular(path: &Path) -> Option<std::io::Error> {
    let meta = std::fs::metadata(path).ok()?;
    let pseudo = crate::textfile::in_pseudo_file_system(path);
    (!meta.is_file() || pseudo).then(|| std::io::Error::other("not a regular file"))
}

/// `(sha256, size)` of the local file a location names, or None when it names none. Anything
/// that is not a regular file is an error ("not a regular file").
pub fn fingerprint(base_dir: &Path, location: &str) -> std::io::Result<Option<(String, u64)>> {
    let Some(path) = find(base_dir, location) else {
        return Ok(None);
    };
    if let Some(e) = not_regular(&path) {
        return Err(e);
    }
    let size = std::fs::metadata(&path)?.len();
    Ok(Some((hash_file(&path)?, size)))
}

/// Checks one entry; None when there is nothing to check (a link, an interview, a reference).
pub fn check(base_dir: &Path, evidence: &Evidence) -> Option<EvidenceCheck> {
    let Some(expected) = evidence.sha256.as_ref() else {
        // Never fingerprinted: a local file that is not there is still missing.
        let absent = is_local_file(evidence) && find(base_dir, &evidence.location).is_none();
        return absent.then_some(EvidenceCheck::Missing);
    };
    let Some(path) = find(base_dir, &evidence.location) else {
        return Some(EvidenceCheck::Missing);
    };
    if let Some(e) = not_regular(&path) {
        return Some(EvidenceCheck::Unreadable(e.to_string()));
    }
    // A different size is a change without reading the file.
    let size = std::fs::metadata(&path).map(|m| m.len());
    if let (Ok(size), Some(recorded)) = (&size, evidence.size)
        && *size != recorded
    {
        return Some(EvidenceCheck::Changed);
    }
    Some(match hash_file(&path) {
        Ok(actual) if &actual == expected => EvidenceCheck::Ok,
        Ok(_) => EvidenceCheck::Changed,
        Err(e) => EvidenceCheck::Unreadable(e.to_string()),
    })
}

/// The check of every fingerprinted or local-file entry of the register, by evidence id.
/// Relative locations are read from `base_dir`, the session's folder.
pub fn evidence_checks(session: &Session, base_dir: &Path) -> BTreeMap<String, EvidenceCheck> {
    register_checks(&session.evidence, base_dir)
}

/// `evidence_checks` of a register on its own (what a check on another thread takes along).
pub fn register_checks(
    register: &BTreeMap<String, Evidence>,
    base_dir: &Path,
) -> BTreeMap<String, EvidenceCheck> {
    register
        .iter()
        .filter_map(|(id, e)| Some((id.clone(), check(base_dir, e)?)))
        .collect()
}

/// A register entry for what was typed: a location naming a local file is fingerprinted
/// (the file is read once, to hash it, and never opened otherwise).
pub fn describe_evidence(
    base_dir: &Path,
    title: &str,
    kind: EvidenceType,
    location: &str,
) -> Result<Evidence, EditError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::EvidenceTitleRequired);
    }
    let location = location.trim().to_string();
    let print = fingerprint(base_dir, &location).map_err(|e| EditError::EvidenceUnreadable {
        location: location.clone(),
        reason: e.to_string(),
    })?;
    Ok(Evidence {
        title: title.to_string(),
        kind,
        location,
        sha256: print.as_ref().map(|(h, _)| h.clone()),
        size: print.map(|(_, s)| s),
        ..Evidence::default()
    })
}

impl Session {
    /// Requirement ids that cite an evidence entry, in id order.
    pub fn citing(&self, evidence: &str) -> Vec<String> {
        self.answers
            .iter()
            .filter(|(_, a)| a.evidence.iter().any(|e| e == evidence))
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn entry_mut(&mut self, id: &str) -> Result<&mut Evidence, EditError> {
        self.evidence
            .get_mut(id)
            .ok_or_else(|| EditError::UnknownEvidence(id.to_string()))
    }

    /// Changes an entry's title, kind and location; a new location is fingerprinted afresh.
    /// Each changed field is recorded.
    pub fn edit_evidence(
        &mut self,
        id: &str,
        new: &Evidence,
        base_dir: &Path,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let old = self.entry_mut(id)?.clone();
        let mut after = old.clone();
        after.title = new.title.trim().to_string();
        after.kind = new.kind;
        if new.location.trim() != old.location {
            let fresh = describe_evidence(base_dir, &after.title, after.kind, &new.location)?;
            after.location = fresh.location;
            after.sha256 = fresh.sha256;
            after.size = fresh.size;
        }
        if after.title.is_empty() {
            return Err(EditError::EvidenceTitleRequired);
        }
        let target = format!("evidence/{id}");
        self.record(who, &target, "title", &old.title, &after.title);
        self.record(who, &target, "kind", old.kind.code(), after.kind.code());
        self.record(who, &target, "location", &old.location, &after.location);
        self.record_print(who, &target, &old, &after);
        self.finish_evidence_edit(id, after);
        Ok(())
    }

    /// Accepts the file as it is now: records its new hash and size ("accept the new
    /// version"). Refused when the file cannot be found or read.
    pub fn rehash_evidence(
        &mut self,
        id: &str,
        base_dir: &Path,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let old = self.entry_mut(id)?.clone();
        let (hash, size) = fingerprint(base_dir, &old.location)
            .map_err(|e| EditError::EvidenceUnreadable {
                location: old.location.clone(),
                reason: e.to_string(),
            })?
            .ok_or_else(|| EditError::EvidenceGone(old.location.clone()))?;
        let mut after = old.clone();
        after.sha256 = Some(hash);
        after.size = Some(size);
        self.record_print(who, &format!("evidence/{id}"), &old, &after);
        self.finish_evidence_edit(id, after);
        Ok(())
    }

    /// Removes an entry no requirement cites (detach it everywhere first).
    pub fn remove_evidence(&mut self, id: &str, who: &str) -> Result<Evidence, EditError> {
        self.ensure_editable()?;
        let cited = self.citing(id);
        if !cited.is_empty() {
            return Err(EditError::EvidenceInUse(id.to_string(), cited.join(", ")));
        }
        let removed = self
            .evidence
            .remove(id)
            .ok_or_else(|| EditError::UnknownEvidence(id.to_string()))?;
        let summary = format!("{} ({})", removed.title, removed.location);
        self.record(who, &format!("evidence/{id}"), "removed", &summary, "");
        self.updated = now_timestamp();
        Ok(removed)
    }

    fn record_print(&mut self, who: &str, target: &str, old: &Evidence, new: &Evidence) {
        let text = |e: &Evidence| match (&e.sha256, e.size) {
            (Some(h), Some(s)) => format!("{h} ({s} bytes)"),
            (Some(h), None) => h.clone(),
            _ => String::new(),
        };
        self.record(who, target, "sha256", &text(old), &text(new));
    }

    fn finish_evidence_edit(&mut self, id: &str, after: Evidence) {
        self.evidence.insert(id.to_string(), after);
        self.updated = now_timestamp();
    }
}
