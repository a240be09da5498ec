//! What actions and typed text do in each overlay.

use std::path::Path;

use crossterm::event::KeyEvent;

use super::{App, EVIDENCE_KINDS, EvidenceForm, OnYes, Overlay};
use crate::session::{self, Evidence, EvidenceType};
use crate::tui::action::Action;

/// Typed text for the overlay on top.
pub(super) fn text_input(overlay: &mut Overlay, key: KeyEvent) {
    match overlay {
        Overlay::Palette(p) => {
            p.query.input(key);
        }
        Overlay::Note(n) => {
            n.editor.input(key);
        }
        Overlay::Justify { input, error } | Overlay::Reason { input, error } => {
            input.input(key);
            *error = None;
        }
        Overlay::Participants(state) => {
            if let Some((input, _)) = &mut state.form {
                input.input(key);
            }
        }
        Overlay::EvidenceForm(form) => {
            match form.field {
                0 => form.title.input(key),
                2 => form.location.input(key),
                _ => false,
            };
            form.error = None;
        }
        Overlay::FindingForm(form) => form.input(key),
        _ => {}
    }
}

/// Pasted text into an overlay's text field; returns false when the overlay has none in focus.
pub(super) fn paste(overlay: &mut Overlay, text: &str) -> bool {
    match overlay {
        Overlay::Palette(p) => p.query.paste(text),
        Overlay::Note(n) => {
            // Keep line breaks; tabs as the editor types them.
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            n.editor.insert_str(text.replace('\t', "    "));
        }
        Overlay::Justify { input, error } | Overlay::Reason { input, error } => {
            input.paste(text);
            *error = None;
        }
        Overlay::Participants(state) => match &mut state.form {
            Some((input, _)) => input.paste(text),
            None => return false,
        },
        Overlay::EvidenceForm(form) => {
            match form.field {
                0 => form.title.paste(text),
                2 => form.location.paste(text),
                _ => return false,
            }
            form.error = None;
        }
        Overlay::FindingForm(form) => return form.paste(text),
        _ => return false,
    }
    true
}

fn step(value: usize, len: usize, up: bool) -> usize {
    if len == 0 {
        0
    } else if up {
        (value + 1).min(len - 1)
    } else {
        value.saturating_sub(1)
    }
}

impl App {
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Action> {
        if self.update_audit_overlay(action) {
            return None;
        }
        let top = self.overlays.last_mut()?;
        match top {
            Overlay::Help { scroll, .. } => match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                _ => {
                    self.overlays.pop();
                }
            },
            Overlay::Palette(p) => match action {
                Action::Down => p.selected = step(p.selected, p.hits.len(), true),
                Action::Up => p.selected = step(p.selected, p.hits.len(), false),
                Action::Confirm => {
                    let target = p.hits.get(p.selected).map(|h| p.items[h.item].target);
                    self.overlays.pop();
                    if let (Some(target), Some(work)) = (target, &mut self.work) {
                        work.jump(target);
                        self.screen = super::Screen::Assessment;
                        work.session.cursor.screen = "assessment".to_string();
                    }
                }
                _ => {
                    self.overlays.pop();
                }
            },
            Overlay::Note(note) => {
                let requirement = note.requirement.clone();
                let discussion = note.discussion;
                let changed = note.recorded || note.text() != note.saved_text;
                self.flush_note();
                self.overlays.pop();
                if changed
                    && let Some(work) = &self.work
                    && let Some(r) = work.model.index.requirement(&requirement)
                {
                    let what = match (work.lang() == "zh", discussion) {
                        (true, false) => "备注",
                        (true, true) => "讨论",
                        (false, false) => "note",
                        (false, true) => "discussion",
                    };
                    self.last_change = Some(format!("{what} · {}", work.requirement_label(r)));
                }
            }
            Overlay::Justify { input, error } => match action {
                Action::Confirm => {
                    let text = input.text.clone();
                    let who = self.who.clone();
                    if let Some(work) = &mut self.work {
                        let auto = work.session.cursor.auto_advance;
                        let id = work.requirement_id();
                        let requirement = work.requirement;
                        let advance = |w: &mut super::Work| {
                            if auto {
                                w.next_unanswered(true);
                            }
                        };
                        let decider = work.session.cursor.decider.clone();
                        let change = |s: &mut session::Session, _: &_| {
                            s.set_not_applicable(&id, &text, &who)?;
                            super::audit::stamp_decider(s, &[id.as_str()], &decider, &who)
                        };
                        match work.edit_then(change, advance) {
                            Ok(()) => {
                                self.overlays.pop();
                                self.last_change =
                                    self.describe_change(Action::NotApplicable, requirement, 0);
                            }
                            Err(e) => *error = Some(e.to_string()),
                        }
                    }
                }
                _ => {
                    self.overlays.pop();
                }
            },
            Overlay::Evidence(_) => self.update_evidence_picker(action),
            Overlay::Findings(_) => self.update_findings_list(action),
            Overlay::FindingForm(_) => self.update_finding_form(action),
            Overlay::Agenda(_) => self.update_agenda(action),
            Overlay::EvidenceForm(_) => self.update_evidence_form(action),
            Overlay::Confirm { on_yes, .. } => {
                let on_yes = *on_yes;
                self.overlays.pop();
                let pending = self.pending_read_only.take();
                if action == Action::Yes {
                    match on_yes {
                        OnYes::QuitUnsaved => self.quit = true,
                        OnYes::OpenReadOnly => self.open_read_only(pending),
                        OnYes::DeleteFinding => self.delete_pending_finding(),
                        OnYes::SignOff => self.sign_off(),
                    }
                }
            }
            // Handled in `update_audit_overlay` above.
            Overlay::History { .. }
            | Overlay::Decider { .. }
            | Overlay::Participants(_)
            | Overlay::Reason { .. } => {}
            Overlay::Export(state) => match action {
                Action::NextField => state.field = (state.field + 1) % 3,
                Action::PrevField => state.field = (state.field + 2) % 3,
                Action::Left | Action::Toggle => state.change(false),
                Action::Right => state.change(true),
                Action::Confirm => {
                    let state = state.clone();
                    let result = self.export(&state);
                    if let Some(Overlay::Export(s)) = self.overlays.last_mut() {
                        s.result = Some(result);
                    }
                }
                _ => {
                    self.overlays.pop();
                }
            },
        }
        None
    }

    /// Evidence ids of the register, in order (the picker's rows).
    pub fn evidence_ids(&self) -> Vec<String> {
        self.work
            .as_ref()
            .map(|w| w.session.evidence.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn update_evidence_picker(&mut self, action: Action) {
        let ids = self.evidence_ids();
        let who = self.who.clone();
        let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Down => picker.selected = step(picker.selected, ids.len(), true),
            Action::Up => picker.selected = step(picker.selected, ids.len(), false),
            Action::AddEvidence => {
                self.overlays
                    .push(Overlay::EvidenceForm(EvidenceForm::default()));
            }
            Action::Toggle | Action::Detach => {
                let Some(eid) = ids.get(picker.selected).cloned() else {
                    picker.error = Some("the register is empty: press a to add".to_string());
                    return;
                };
                let Some(work) = &mut self.work else { return };
                let id = work.requirement_id();
                let attached = work
                    .session
                    .answers
                    .get(&id)
                    .is_some_and(|a| a.evidence.contains(&eid));
                if attached {
                    let _ = work.edit(|s, _| s.detach_evidence(&id, &eid, &who));
                } else if action == Action::Toggle {
                    let _ = work.edit(|s, _| s.attach_evidence(&id, &eid, &who));
                }
            }
            _ => {
                self.overlays.pop();
            }
        }
    }

    fn update_evidence_form(&mut self, action: Action) {
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
                match evidence_from_form(&form) {
                    Ok(evidence) => self.add_and_attach(evidence),
                    Err(e) => {
                        if let Some(Overlay::EvidenceForm(f)) = self.overlays.last_mut() {
                            f.error = Some(e);
                        }
                    }
                }
            }
            Action::Cancel => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    fn add_and_attach(&mut self, evidence: Evidence) {
        let notice = missing_file_notice(&local_path(&evidence.location));
        let who = self.who.clone();
        let Some(work) = &mut self.work else { return };
        let id = work.requirement_id();
        let _ = work.edit(|s, _| {
            let eid = s.add_evidence(evidence, &who)?;
            s.attach_evidence(&id, &eid, &who)
        });
        self.overlays.pop();
        let count = self.evidence_ids().len();
        if let Some(Overlay::Evidence(picker)) = self.overlays.last_mut() {
            picker.selected = count.saturating_sub(1);
            picker.error = notice;
        }
    }
}

/// Where a typed location is on this machine (`~/` expanded), for hashing and the
/// missing-file notice; the register keeps the location exactly as typed.
pub fn local_path(typed: &str) -> String {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest).display().to_string(),
        _ => typed.to_string(),
    }
}

/// A word for the picker when a location looks like a local file that is not there (a typo is
/// then seen at once, not weeks later in the report).
pub fn missing_file_notice(location: &str) -> Option<String> {
    let local =
        location.starts_with('/') || location.starts_with("./") || location.starts_with("../");
    (local && !Path::new(location).exists())
        .then(|| format!("note: {location} is not on this machine; recorded without a hash"))
}

/// Builds a register entry from the form; a local file is hashed (never opened otherwise).
pub fn evidence_from_form(form: &EvidenceForm) -> Result<Evidence, String> {
    let title = form.title.text.trim();
    if title.is_empty() {
        return Err("a title is needed".to_string());
    }
    // Stored exactly as typed; only the hash needs to find the file (`~/` expanded).
    let location = form.location.text.trim().to_string();
    let resolved = local_path(&location);
    let path = Path::new(&resolved);
    let sha256 = if form.kind == EvidenceType::File || (!location.is_empty() && path.is_file()) {
        match session::hash_file(path) {
            Ok(hash) => Some(hash),
            Err(e) if form.kind == EvidenceType::File => {
                return Err(format!("cannot read the file {location:?}: {e}"));
            }
            Err(_) => None,
        }
    } else {
        None
    };
    Ok(Evidence {
        title: title.to_string(),
        kind: form.kind,
        location,
        sha256,
        ..Evidence::default()
    })
}
