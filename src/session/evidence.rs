//! The evidence register: a local file is fingerprinted (SHA-256 and size) when it is
//! attached, and `evidence_checks` tells whenever the session is opened whether each file is
//! still there and unchanged. The workbench, the CLI, reports and `doctor` all read that one
//! answer. Register changes (edit, accept a new version, remove) are plain, logged edits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicBool, Ordering};

use super::edit::hash_file_progress;
use super::edit::{EditError, now_timestamp};
use super::{Evidence, EvidenceType, Session};

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
    // A file this user may not look at (permission denied) is there: unreadable, not missing.
    candidates(base_dir, location)
        .into_iter()
        .find(|p| match std::fs::metadata(p) {
            Ok(_) => true,
            Err(e) => super::io_state(&e) != super::FileState::Missing,
        })
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
    fingerprint_progress(base_dir, location, &AtomicBool::new(false), &mut |_| {})
}

/// `fingerprint` that reports its progress in bytes and stops (an `Interrupted` error,
/// "cancelled") as soon as `cancel` is set: what the workbench runs on another thread.
pub fn fingerprint_progress(
    base_dir: &Path,
    location: &str,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> std::io::Result<Option<(String, u64)>> {
    let Some(path) = find(base_dir, location) else {
        return Ok(None);
    };
    if let Some(e) = not_regular(&path) {
        return Err(e);
    }
    let size = std::fs::metadata(&path)?.len();
    let mut now = Progress {
        total: size,
        files: 1,
        ..Progress::default()
    };
    progress(now);
    let hash = hash_file_progress(&path, cancel, &mut |n| {
        now.done += n;
        progress(now);
    })?;
    now.files_done = 1;
    progress(now);
    Ok(Some((hash, size)))
}

/// How far a hash (of one file or of a whole register) got: bytes and files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes hashed so far, of `total`.
    pub done: u64,
    pub total: u64,
    /// Files finished so far, of `files`.
    pub files_done: usize,
    pub files: usize,
}

impl Progress {
    /// Whole percent done: of the bytes when there are any to read, else of the files.
    pub fn percent(&self) -> u64 {
        let of = |done: u64, total: u64| (done.min(total) * 100).checked_div(total);
        of(self.done, self.total)
            .or_else(|| of(self.files_done as u64, self.files as u64))
            .unwrap_or(0)
    }
}

/// Checks one entry; None when there is nothing to check (a link, an interview, a reference).
pub fn check(base_dir: &Path, evidence: &Evidence) -> Option<EvidenceCheck> {
    check_reading(base_dir, evidence, &AtomicBool::new(false), &mut |_| {})
}

/// The file a check would read whole (its hash is compared): fingerprinted, found, regular,
/// of the recorded size. Its size, or None.
fn to_hash(base_dir: &Path, evidence: &Evidence) -> Option<u64> {
    evidence.sha256.as_ref()?;
    let path = find(base_dir, &evidence.location)?;
    if not_regular(&path).is_some() {
        return None;
    }
    let size = std::fs::metadata(&path).ok()?.len();
    (evidence.size.is_none_or(|recorded| recorded == size)).then_some(size)
}

/// `check` that tells `read` the bytes it hashed and stops hashing as soon as `cancel` is set
/// (the answer is then not to be used).
fn check_reading(
    base_dir: &Path,
    evidence: &Evidence,
    cancel: &AtomicBool,
    read: &mut dyn FnMut(u64),
) -> Option<EvidenceCheck> {
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
    Some(match hash_file_progress(&path, cancel, read) {
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

/// `register_checks` that reports its progress (bytes of the files it reads whole, and
/// files) and gives up (None, nothing of it kept) as soon as `cancel` is set: a check
/// replaced by a newer one, or cancelled, stops reading at once, even a recording of many
/// gigabytes.
pub fn register_checks_progress(
    register: &BTreeMap<String, Evidence>,
    base_dir: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Option<BTreeMap<String, EvidenceCheck>> {
    let mut now = Progress {
        total: register.values().filter_map(|e| to_hash(base_dir, e)).sum(),
        files: register.len(),
        ..Progress::default()
    };
    progress(now);
    let mut checks = BTreeMap::new();
    for (id, evidence) in register {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let check = check_reading(base_dir, evidence, cancel, &mut |n| {
            now.done += n;
            progress(now);
        });
        if let Some(check) = check {
            checks.insert(id.clone(), check);
        }
        now.files_done += 1;
        progress(now);
    }
    (!cancel.load(Ordering::Relaxed)).then_some(checks)
}

/// A register entry for what was typed: a location naming a local file is fingerprinted
/// (the file is read once, to hash it, and never opened otherwise).
pub fn describe_evidence(
    base_dir: &Path,
    title: &str,
    kind: EvidenceType,
    location: &str,
) -> Result<Evidence, EditError> {
    let location = location.trim();
    let print = fingerprint(base_dir, location).map_err(|e| unreadable(location, &e))?;
    evidence_entry(title, kind, location, print)
}

/// The refusal for a file that is there but cannot be read.
pub fn unreadable(location: &str, err: &std::io::Error) -> EditError {
    EditError::EvidenceUnreadable {
        location: location.to_string(),
        reason: err.to_string(),
    }
}

/// A register entry from what was typed and the file's fingerprint, if it has one.
pub fn evidence_entry(
    title: &str,
    kind: EvidenceType,
    location: &str,
    print: Option<(String, u64)>,
) -> Result<Evidence, EditError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::EvidenceTitleRequired);
    }
    let location = location.trim().to_string();
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
        let moved = self
            .evidence
            .get(id)
            .is_some_and(|old| new.location.trim() != old.location);
        let fresh = if moved {
            let location = new.location.trim();
            Some(fingerprint(base_dir, location).map_err(|e| unreadable(location, &e))?)
        } else {
            None
        };
        self.edit_evidence_printed(id, new, fresh, who)
    }

    /// `edit_evidence` with the new location's fingerprint already taken (`Some`, when the
    /// location changed: on another thread for a large file).
    pub fn edit_evidence_printed(
        &mut self,
        id: &str,
        new: &Evidence,
        fresh: Option<Option<(String, u64)>>,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let old = self.entry_mut(id)?.clone();
        let mut after = old.clone();
        after.title = new.title.trim().to_string();
        after.kind = new.kind;
        if let Some(print) = fresh {
            after.location = new.location.trim().to_string();
            after.sha256 = print.as_ref().map(|(h, _)| h.clone());
            after.size = print.map(|(_, s)| s);
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
        let location = self.entry_mut(id)?.location.clone();
        let print = fingerprint(base_dir, &location).map_err(|e| unreadable(&location, &e))?;
        self.accept_fingerprint(id, print, who)
    }

    /// `rehash_evidence` with the fingerprint already taken (on another thread for a large
    /// file); None: the file is not there.
    pub fn accept_fingerprint(
        &mut self,
        id: &str,
        print: Option<(String, u64)>,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let old = self.entry_mut(id)?.clone();
        let (hash, size) = print.ok_or_else(|| EditError::EvidenceGone(old.location.clone()))?;
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
