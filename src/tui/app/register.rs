//! The evidence register and review filters in the workbench: the register overlay (attach,
//! detach, add, edit, accept a new version, remove), its fuzzy search, and the filter picker.
//! Every change is a core `Session` function; the files are checked again after each one.

use std::path::Path;

use super::background::{Job, Poll};
use super::overlays::step;
use super::{App, EVIDENCE_KINDS, EvidenceForm, Overlay, PaletteState, Work};
use crate::i18n::fill;
use crate::i18n::workbench::Words;
use crate::session::{self, Evidence};
use crate::tui::action::Action;
use crate::tui::palette::{Entries, Kind};

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

/// The register as search items: id, title, kind and location; `target` is the position in
/// the register (the order of `App::evidence_ids`). The kind is in the session's language.
pub fn evidence_items(session: &session::Session) -> Entries {
    let words = &session.cursor.lang.texts().workbench;
    let mut out = Entries::default();
    for (i, (id, e)) in session.evidence.iter().enumerate() {
        let kind = words.evidence_type(e.kind);
        let text = format!("{id} {} · {kind} · {}", e.title, e.location);
        out.push(Kind::Evidence, [text], i);
    }
    out
}

impl App {
    /// The trust texts in the open session's language.
    pub(super) fn trust_texts(&self) -> &'static crate::i18n::trust::Trust {
        self.lang().texts().trust
    }

    /// Evidence ids of the register, in order (the picker's rows).
    pub fn evidence_ids(&self) -> Vec<String> {
        self.work
            .as_ref()
            .map(|w| w.session.evidence.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Sets the picker's message (an error or a notice).
    fn picker_says(&mut self, text: Option<String>) {
        if let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() {
            picker.error = text;
        }
    }

    pub(super) fn update_evidence_picker(&mut self, action: Action) {
        let ids = self.evidence_ids();
        let who = self.who.clone();
        let said = self.lang().texts().workbench;
        let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() else {
            return;
        };
        let selected = ids.get(picker.selected).cloned();
        match action {
            Action::Down => picker.selected = step(picker.selected, ids.len(), true),
            Action::Up => picker.selected = step(picker.selected, ids.len(), false),
            Action::AddEvidence => {
                self.overlays
                    .push(Overlay::EvidenceForm(EvidenceForm::default()));
            }
            Action::SearchEvidence => {
                let items = self
                    .work
                    .as_ref()
                    .map(|w| evidence_items(&w.session))
                    .unwrap_or_default();
                self.overlays
                    .push(Overlay::EvidenceSearch(PaletteState::new(items.into())));
            }
            _ if selected.is_none()
                && matches!(
                    action,
                    Action::Toggle
                        | Action::Detach
                        | Action::EditEvidence
                        | Action::AcceptNewVersion
                        | Action::RemoveEvidence
                ) =>
            {
                picker.error = Some(said.register.empty_key.to_string());
            }
            Action::Toggle | Action::Detach => {
                let eid = selected.unwrap_or_default();
                self.toggle_attached(&eid, action == Action::Toggle);
            }
            Action::EditEvidence => {
                let eid = selected.unwrap_or_default();
                if let Some(e) = self
                    .work
                    .as_ref()
                    .and_then(|w| w.session.evidence.get(&eid))
                {
                    let form = EvidenceForm::edit(&eid, e);
                    self.overlays.push(Overlay::EvidenceForm(form));
                }
            }
            Action::AcceptNewVersion => {
                let eid = selected.unwrap_or_default();
                let Some(work) = &mut self.work else { return };
                let base = work.base_dir();
                let location = work
                    .session
                    .evidence
                    .get(&eid)
                    .map(|e| e.location.clone())
                    .unwrap_or_default();
                // The file is hashed on another thread; a final session refuses at once.
                if work.session.is_final() {
                    let refused = work.edit(|s, _| s.rehash_evidence(&eid, &base, &who));
                    let said = refused.err().map(|e| said.edit_error(&e));
                    self.picker_says(said);
                    return;
                }
                self.start_hash(&base, &location, Purpose::Rehash(eid));
            }
            Action::RemoveEvidence => {
                let eid = selected.unwrap_or_default();
                let Some(work) = &mut self.work else { return };
                let said = match work.edit(|s, _| s.remove_evidence(&eid, &who).map(|_| ())) {
                    Ok(()) => None,
                    Err(e) => Some(said.edit_error(&e)),
                };
                work.recheck_evidence();
                let count = self.evidence_ids().len();
                if let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() {
                    picker.selected = picker.selected.min(count.saturating_sub(1));
                    picker.error = said;
                }
            }
            _ => {
                self.overlays.pop();
            }
        }
    }

    /// Attaches (when `attach`) or detaches an entry on the current requirement.
    fn toggle_attached(&mut self, eid: &str, attach: bool) {
        let who = self.who.clone();
        let Some(work) = &mut self.work else { return };
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
        if let Err(e) = result {
            self.message = Some(work.lang().edit_error(&e));
        }
    }

    pub(super) fn update_evidence_search(&mut self, action: Action) {
        let ids = self.evidence_ids();
        let Some(Overlay::EvidenceSearch(p)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Down => p.selected = step(p.selected, p.hits.len(), true),
            Action::Up => p.selected = step(p.selected, p.hits.len(), false),
            Action::Confirm => {
                let pos = p.hits.get(p.selected).map(|h| p.items[h.item].target);
                self.overlays.pop();
                let Some(pos) = pos else { return };
                if let Some(eid) = ids.get(pos) {
                    self.toggle_attached(eid, true);
                }
                if let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() {
                    picker.selected = pos;
                }
            }
            _ => {
                self.overlays.pop();
            }
        }
    }

    pub(super) fn update_evidence_form(&mut self, action: Action) {
        let Some(Overlay::EvidenceForm(form)) = self.overlays.last_mut() else {
            return;
        };
        let kinds = EVIDENCE_KINDS.len();
        let kind_pos = EVIDENCE_KINDS
            .iter()
            .position(|k| *k == form.kind)
            .unwrap_or(0);
        match action {
            Action::NextField => form.field = (form.field + 1) % 3,
            Action::PrevField => form.field = (form.field + 2) % 3,
            Action::Left if form.field == 1 => {
                form.kind = EVIDENCE_KINDS[(kind_pos + kinds - 1) % kinds]
            }
            Action::Right if form.field == 1 => form.kind = EVIDENCE_KINDS[(kind_pos + 1) % kinds],
            Action::Confirm => {
                let form = form.clone();
                let result = match &form.editing {
                    Some(id) => self.save_edited(id, &form),
                    None => self.add_from_form(&form),
                };
                if let Err(e) = result
                    && let Some(Overlay::EvidenceForm(f)) = self.overlays.last_mut()
                {
                    f.error = Some(e);
                }
            }
            Action::Cancel => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    fn save_edited(&mut self, id: &str, form: &EvidenceForm) -> Result<(), String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let base = work.base_dir();
        let said = work.lang().texts().workbench;
        let new = Evidence {
            title: form.title.text.clone(),
            kind: form.kind,
            location: form.location.text.clone(),
            ..Evidence::default()
        };
        let moved = work
            .session
            .evidence
            .get(id)
            .is_some_and(|e| e.location != new.location.trim());
        // A new location is hashed on another thread (a final session refuses at once).
        if moved && !work.session.is_final() {
            if new.title.trim().is_empty() {
                return Err(said.register.title_needed.to_string());
            }
            let purpose = Purpose::Edit(id.to_string(), form.clone());
            self.start_hash(&base, &form.location.text, purpose);
            return Ok(());
        }
        work.edit(|s, _| s.edit_evidence(id, &new, &base, &who))
            .map_err(|e| said.edit_error(&e))?;
        self.finish_edit(id)
    }

    fn finish_edit(&mut self, id: &str) -> Result<(), String> {
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let said = work.lang().texts().workbench;
        work.recheck_evidence();
        self.overlays.pop();
        self.picker_says(Some(Words::fill(said.register.changed, &[("id", id)])));
        Ok(())
    }

    fn add_from_form(&mut self, form: &EvidenceForm) -> Result<(), String> {
        let base = self.work.as_ref().map(Work::base_dir).unwrap_or_default();
        let said = self.lang().texts().workbench;
        // The file is hashed on another thread: the workbench keeps drawing, shows the
        // progress, and Esc cancels (see `poll_attaching`).
        if form.title.text.trim().is_empty() {
            return Err(said.register.title_needed.to_string());
        }
        self.start_hash(&base, &form.location.text, Purpose::Add(form.clone()));
        Ok(())
    }

    /// Fingerprints `location` on another thread for `purpose`. Without an event loop (the
    /// tests' direct calls) the result is waited for and applied at once.
    fn start_hash(&mut self, base: &Path, location: &str, purpose: Purpose) {
        let (base, typed) = (base.to_path_buf(), location.trim().to_string());
        let mut job = Job::spawn(move |cancel, progress| {
            session::fingerprint_progress(&base, &typed, cancel, progress)
                .map_err(|e| session::unreadable(&typed, &e))
        });
        let location = location.trim().to_string();
        if self.defer_saves {
            self.attaching = Some(Attaching {
                job,
                location,
                purpose,
            });
            self.poll_attaching();
            return;
        }
        let result = job.wait();
        self.attaching = Some(Attaching {
            job,
            location,
            purpose,
        });
        self.finish_hash(result);
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
    fn finish_hash(&mut self, result: Option<Print>) -> bool {
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
        let base = self.work.as_ref().map(Work::base_dir).unwrap_or_default();
        let said = self.lang().texts().workbench;
        let who = self.who.clone();
        let done = match attaching.purpose {
            Purpose::Add(form) => result
                .and_then(|print| {
                    session::evidence_entry(&form.title.text, form.kind, &form.location.text, print)
                })
                .map_err(|e| said.edit_error(&e))
                .and_then(|evidence| self.finish_add(evidence, &base)),
            Purpose::Edit(id, form) => {
                let new = Evidence {
                    title: form.title.text.clone(),
                    kind: form.kind,
                    location: form.location.text.clone(),
                    ..Evidence::default()
                };
                let edited = self.work.as_mut().map_or(Ok(()), |work| {
                    result.map_err(|e| said.edit_error(&e)).and_then(|print| {
                        work.edit(|s, _| s.edit_evidence_printed(&id, &new, Some(print), &who))
                            .map_err(|e| said.edit_error(&e))
                    })
                });
                edited.and_then(|()| self.finish_edit(&id))
            }
            Purpose::Rehash(id) => {
                let Some(work) = &mut self.work else {
                    return true;
                };
                let said_now = match result.map_err(|e| said.edit_error(&e)).and_then(|p| {
                    work.edit(|s, _| s.accept_fingerprint(&id, p, &who))
                        .map_err(|e| said.edit_error(&e))
                }) {
                    Ok(()) => Words::fill(said.register.accepted, &[("id", &id)]),
                    Err(e) => e,
                };
                work.recheck_evidence();
                self.picker_says(Some(said_now));
                Ok(())
            }
        };
        if let Err(e) = done
            && let Some(Overlay::EvidenceForm(f)) = self.overlays.last_mut()
        {
            f.error = Some(e);
        }
        true
    }

    /// Esc while a file is hashed: stops the hash; nothing is added or changed.
    pub(super) fn cancel_attaching(&mut self) {
        if let Some(attaching) = self.attaching.take() {
            attaching.job.cancel();
            self.message = Some(self.trust_texts().hash_cancelled.to_string());
        }
    }

    fn finish_add(&mut self, evidence: Evidence, base: &Path) -> Result<(), String> {
        let said = self.lang().texts().workbench;
        let notice = missing_file_notice(&evidence, base, said);
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let id = work.requirement_id();
        let added = work.edit(|s, _| {
            let eid = s.add_evidence(evidence, &who)?;
            s.attach_evidence(&id, &eid, &who)
        });
        if let Err(e) = added {
            return Err(work.lang().edit_error(&e));
        }
        work.recheck_evidence();
        self.overlays.pop();
        let count = self.evidence_ids().len();
        if let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() {
            picker.selected = count.saturating_sub(1);
            picker.error = notice;
        }
        Ok(())
    }
}

/// An evidence file being hashed on another thread, and what the hash is for.
#[derive(Debug)]
pub struct Attaching {
    pub job: Job<Print>,
    /// The location as typed.
    pub location: String,
    pub purpose: Purpose,
}

/// A location's fingerprint (None: it names no local file), or why it could not be taken.
pub type Print = Result<Option<(String, u64)>, session::EditError>;

/// What a hash on another thread is for.
#[derive(Debug)]
pub enum Purpose {
    /// A new entry from this form.
    Add(EvidenceForm),
    /// Entry `id` edited by this form, to a new location.
    Edit(String, EvidenceForm),
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
