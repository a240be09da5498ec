//! The evidence register's edits as the workbench makes them (attach, detach, add, change,
//! accept a new version, remove; the overlays that ask for them are `tui/overlays/evidence*`),
//! hashing a large file on another thread, and the review filter picker. Every change is a
//! core `Session` function; the files are checked again after each one.

use std::path::Path;

use super::background::{Job, Poll};
use super::{App, Overlay, Work};
use crate::i18n::fill;
use crate::i18n::workbench::Words;
use crate::session::{self, Evidence};
use crate::tui::action::Action;
use crate::tui::overlays::evidence_form::EvidenceForm;
use crate::tui::overlays::{EvidenceDraft, Told};

/// Moves among the matches of the filter in force; a word when there is no further one.
pub(super) fn move_among_matches(work: &mut Work, action: Action) -> Option<String> {
    let moved = match action {
        Action::NextRequirement => work.next_match(true),
        Action::PrevRequirement => work.next_match(false),
        Action::NextPractice => work.next_matching_practice(true),
        _ => work.next_matching_practice(false),
    };
    let label = work
        .filter
        .map_or("", |f| work.lang().texts().terms.filter(f));
    let template = work.lang().texts().workbench.register.no_further_match;
    (!moved).then(|| Words::fill(template, &[("label", label)]))
}

impl App {
    /// Evidence ids of the register, in order (the picker's rows).
    pub fn evidence_ids(&self) -> Vec<String> {
        self.work
            .as_ref()
            .map(|w| w.session.evidence.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Attaches (when `attach`) or detaches entry `eid` on the current requirement.
    pub(super) fn attach(&mut self, eid: &str, attach: bool) -> Result<Told, String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(done(None, None));
        };
        let id = work.requirement_id();
        let attached = work
            .session
            .answers
            .get(&id)
            .is_some_and(|a| a.evidence.iter().any(|e| e == eid));
        let result = if attached {
            work.edit(|s, _| s.detach_evidence(&id, eid, &who))
        } else if attach {
            work.edit(|s, _| s.attach_evidence(&id, eid, &who))
        } else {
            Ok(())
        };
        result.map_err(|e| work.lang().edit_error(&e))?;
        Ok(done(None, Some(eid.to_string())))
    }

    /// A new entry, attached to the current requirement; its file is hashed on another
    /// thread first (None: under way; done at once without an event loop).
    pub(super) fn add_evidence(&mut self, draft: EvidenceDraft) -> Result<Option<Told>, String> {
        let base = self.work.as_ref().map(Work::base_dir).unwrap_or_default();
        let said = self.lang().texts().workbench;
        // The file is hashed on another thread: the workbench keeps drawing, shows the
        // progress, and Esc cancels (see `poll_attaching`).
        if draft.title.trim().is_empty() {
            return Err(said.register.title_needed.to_string());
        }
        let location = draft.location.clone();
        self.start_hash(&base, &location, Purpose::Add(draft));
        Ok(None)
    }

    /// Entry `id` changed as typed; moved to a large file, it is hashed on another thread
    /// first (None: under way).
    pub(super) fn change_evidence(
        &mut self,
        id: &str,
        draft: EvidenceDraft,
    ) -> Result<Option<Told>, String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(None);
        };
        let base = work.base_dir();
        let said = work.lang().texts().workbench;
        let moved = work
            .session
            .evidence
            .get(id)
            .is_some_and(|e| e.location != draft.location.trim());
        // A new location is hashed on another thread (a final session refuses at once).
        if moved && !work.session.is_final() {
            if draft.title.trim().is_empty() {
                return Err(said.register.title_needed.to_string());
            }
            let location = draft.location.clone();
            self.start_hash(&base, &location, Purpose::Edit(id.to_string(), draft));
            return Ok(None);
        }
        let new = entry(&draft);
        work.edit(|s, _| s.edit_evidence(id, &new, &base, &who))
            .map_err(|e| said.edit_error(&e))?;
        Ok(Some(self.changed_evidence(id)))
    }

    fn changed_evidence(&mut self, id: &str) -> Told {
        let lang = self.lang();
        if let Some(work) = &mut self.work {
            work.recheck_evidence();
        }
        let said = lang.texts().workbench;
        done(
            Some(Words::fill(said.register.changed, &[("id", id)])),
            Some(id.to_string()),
        )
    }

    /// Entry `id`'s file as it is now is its new version (a large one hashed on another
    /// thread: None, under way).
    pub(super) fn accept_new_version(&mut self, id: &str) -> Result<Option<Told>, String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(None);
        };
        let base = work.base_dir();
        let location = work
            .session
            .evidence
            .get(id)
            .map(|e| e.location.clone())
            .unwrap_or_default();
        // The file is hashed on another thread; a final session refuses at once.
        if !work.session.is_final() {
            self.start_hash(&base, &location, Purpose::Rehash(id.to_string()));
            return Ok(None);
        }
        let result = work.edit(|s, _| s.rehash_evidence(id, &base, &who));
        work.recheck_evidence();
        result.map_err(|e| work.lang().edit_error(&e))?;
        let said = work.lang().texts().workbench;
        let notice = Words::fill(said.register.accepted, &[("id", id)]);
        Ok(Some(done(Some(notice), Some(id.to_string()))))
    }

    /// Removes entry `id` (refused while cited).
    pub(super) fn remove_evidence(&mut self, id: &str) -> Result<Told, String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(done(None, None));
        };
        let result = work.edit(|s, _| s.remove_evidence(id, &who).map(|_| ()));
        work.recheck_evidence();
        result.map_err(|e| work.lang().edit_error(&e))?;
        Ok(done(None, None))
    }

    /// Fingerprints `location` on another thread for `purpose`. Without an event loop (the
    /// tests' direct calls) the result is waited for and applied at once.
    fn start_hash(&mut self, base: &Path, location: &str, purpose: Purpose) {
        let (base, typed) = (base.to_path_buf(), location.trim().to_string());
        let mut job = Job::spawn(move |cancel, progress| {
            session::fingerprint_progress(&base, &typed, cancel, progress)
                .map_err(|e| session::unreadable(&typed, &e))
        });
        let waited = (!self.defer_saves).then(|| job.wait());
        self.attaching = Some(Attaching {
            job,
            location: location.trim().to_string(),
            purpose,
        });
        match waited {
            Some(result) => self.finish_hash(result),
            None => self.poll_attaching(),
        };
    }

    /// Follows a hash running on another thread: its progress in the status line, then what
    /// it was for done (or the error said). True when something on screen changed.
    pub(super) fn poll_attaching(&mut self) -> bool {
        let text = self.trust_texts();
        let Some(attaching) = &mut self.attaching else {
            return false;
        };
        let result = match attaching.job.poll() {
            Poll::Running => {
                let percent = attaching.job.progress.percent().to_string();
                let hashing = fill(
                    text.hashing,
                    &[("location", &attaching.location), ("percent", &percent)],
                );
                let message = Some(format!("{hashing} — {}", text.esc_cancels));
                let changed = self.message != message;
                self.message = message;
                return changed;
            }
            Poll::Done(result) => Some(result),
            Poll::Lost => None,
        };
        self.finish_hash(result)
    }

    /// Applies a finished hash to what it was for (None: its thread died).
    fn finish_hash(&mut self, result: Option<Hashed>) -> bool {
        let Some(attaching) = self.attaching.take() else {
            return false;
        };
        let result = result.unwrap_or_else(|| {
            Err(session::EditError::EvidenceUnreadable {
                location: attaching.location.clone(),
                reason: self.trust_texts().hash_stopped.to_string(),
            })
        });
        self.message = None;
        let said = self.lang().texts().workbench;
        let result = result.map_err(|e| said.edit_error(&e));
        let outcome = match attaching.purpose {
            Purpose::Add(draft) => result.and_then(|print| self.add_hashed(&draft, print)),
            Purpose::Edit(id, draft) => {
                result.and_then(|print| self.change_hashed(&id, &draft, print))
            }
            Purpose::Rehash(id) => result.and_then(|print| self.accept_hashed(&id, print)),
        };
        match outcome {
            Ok((told, close)) => {
                if close && matches!(self.overlays.last(), Some(Overlay::EvidenceForm(_))) {
                    self.overlays.pop();
                }
                self.tell(&told);
            }
            Err(why) => self.refused(why),
        }
        true
    }

    /// A new entry whose file was hashed on another thread; the form then closes.
    fn add_hashed(&mut self, draft: &EvidenceDraft, print: Print) -> Result<(Told, bool), String> {
        let base = self.work.as_ref().map(Work::base_dir).unwrap_or_default();
        let said = self.lang().texts().workbench;
        let evidence = session::evidence_entry(&draft.title, draft.kind, &draft.location, print)
            .map_err(|e| said.edit_error(&e))?;
        self.finish_add(evidence, &base).map(|told| (told, true))
    }

    /// Entry `id` moved to a file hashed on another thread; the form then closes.
    fn change_hashed(
        &mut self,
        id: &str,
        draft: &EvidenceDraft,
        print: Print,
    ) -> Result<(Told, bool), String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Err(String::new());
        };
        let new = entry(draft);
        work.edit(|s, _| s.edit_evidence_printed(id, &new, Some(print), &who))
            .map_err(|e| work.lang().edit_error(&e))?;
        Ok((self.changed_evidence(id), true))
    }

    /// Entry `id`'s new version, hashed on another thread.
    fn accept_hashed(&mut self, id: &str, print: Print) -> Result<(Told, bool), String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Err(String::new());
        };
        let result = work.edit(|s, _| s.accept_fingerprint(id, print, &who));
        work.recheck_evidence();
        result.map_err(|e| work.lang().edit_error(&e))?;
        let said = work.lang().texts().workbench;
        let notice = Words::fill(said.register.accepted, &[("id", id)]);
        Ok((done(Some(notice), Some(id.to_string())), false))
    }

    /// Esc while a file is hashed: stops the hash; nothing is added or changed.
    pub(super) fn cancel_attaching(&mut self) {
        if let Some(attaching) = self.attaching.take() {
            attaching.job.cancel();
            self.message = Some(self.trust_texts().hash_cancelled.to_string());
        }
    }

    /// The trust texts in the open session's language.
    pub(super) fn trust_texts(&self) -> &'static crate::i18n::trust::Trust {
        self.lang().texts().trust
    }

    fn finish_add(&mut self, evidence: Evidence, base: &Path) -> Result<Told, String> {
        let said = self.lang().texts().workbench;
        let notice = missing_file_notice(&evidence, base, said);
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(done(None, None));
        };
        let id = work.requirement_id();
        let mut added = None;
        work.edit(|s, _| {
            let eid = s.add_evidence(evidence, &who)?;
            s.attach_evidence(&id, &eid, &who)?;
            added = Some(eid);
            Ok(())
        })
        .map_err(|e| work.lang().edit_error(&e))?;
        work.recheck_evidence();
        Ok(done(notice, added))
    }
}

/// An evidence file being hashed on another thread, and what the hash is for.
#[derive(Debug)]
pub struct Attaching {
    pub job: Job<Hashed>,
    /// The location as typed.
    pub location: String,
    pub purpose: Purpose,
}

/// A location's fingerprint as hashed on another thread, or why it could not be taken.
pub type Hashed = Result<Print, session::EditError>;

/// What a hash on another thread is for.
#[derive(Debug)]
pub enum Purpose {
    /// A new entry from this form.
    Add(EvidenceDraft),
    /// Entry `id` changed as typed, to a new location.
    Edit(String, EvidenceDraft),
    /// Entry `id`'s file accepted as its new version.
    Rehash(String),
}

/// A word for the picker when a location looks like a local file that is not there (a typo is
/// then seen at once, not weeks later in the report).
fn missing_file_notice(evidence: &Evidence, base: &Path, said: &Words) -> Option<String> {
    let location = &evidence.location;
    let local = ["/", "./", "../", "~/"]
        .iter()
        .any(|p| location.starts_with(p));
    (local
        && session::candidates(base, location)
            .iter()
            .all(|p| !p.exists()))
    .then(|| Words::fill(said.register.not_here, &[("location", location)]))
}

/// Builds a register entry from the form; a local file is fingerprinted (SHA-256 and size).
/// Relative locations are read as given, then from `base` (the session's folder).
pub fn evidence_from_form(
    form: &EvidenceForm,
    base: &Path,
) -> Result<Evidence, crate::session::EditError> {
    session::describe_evidence(base, &form.title.text, form.kind, &form.location.text)
}

/// An edit made: a word to show, and the entry it was about.
fn done(notice: Option<String>, evidence: Option<String>) -> Told {
    Told::Done { notice, evidence }
}

/// The register entry a draft describes (the fingerprint is the core's to make).
fn entry(draft: &EvidenceDraft) -> Evidence {
    Evidence {
        title: draft.title.clone(),
        kind: draft.kind,
        location: draft.location.clone(),
        ..Evidence::default()
    }
}

/// A file's fingerprint as hashed (SHA-256 and size), None for what is not a local file.
type Print = Option<(String, u64)>;
