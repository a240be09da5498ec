//! What actions and typed text do in each overlay.

use crate::lang::Lang;
use crate::session::scale::Slot;
use crossterm::event::KeyEvent;

use super::{App, OnYes, Overlay};
use crate::session;
use crate::tui::action::Action;

/// Typed text for the overlay on top.
pub(super) fn text_input(overlay: &mut Overlay, key: KeyEvent) {
    match overlay {
        Overlay::Palette(p) | Overlay::EvidenceSearch(p) => {
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
        Overlay::Palette(p) | Overlay::EvidenceSearch(p) => p.query.paste(text),
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

pub(super) fn step(value: usize, len: usize, up: bool) -> usize {
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
        // A key acts on the hits of the query as typed, even if the loop has not ranked yet.
        if let Some(Overlay::Palette(p) | Overlay::EvidenceSearch(p)) = self.overlays.last_mut()
            && p.stale
        {
            p.rerank();
        }
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
                    let what = match (work.lang() == Lang::Zh, discussion) {
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
                                w.advance();
                            }
                        };
                        let decider = work.session.cursor.decider.clone();
                        let scale = session::scale::scale_at(&work.model, requirement);
                        let status = session::scale::pick(scale, Slot::NotApplicable, None)
                            .unwrap_or(session::Status::NotApplicable);
                        let change = |s: &mut session::Session, _: &_| {
                            s.set_justified(&id, status, &text, &who)?;
                            super::audit::stamp_decider(s, &[id.as_str()], &decider, &who)
                        };
                        match work.edit_then(change, advance) {
                            Ok(()) => {
                                self.overlays.pop();
                                self.last_change =
                                    self.describe_change(Action::NotApplicable, requirement, 0);
                            }
                            Err(e) => *error = Some(work.lang().edit_error(&e)),
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
            Overlay::EvidenceSearch(_) => self.update_evidence_search(action),
            Overlay::Filter(_) => self.update_filter_picker(action),
            Overlay::Conflicts(queue) => {
                let Some(work) = &self.work else { return None };
                let effect = queue.update(action, &work.session);
                self.apply(effect);
            }
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
                        OnYes::QuickLevel(level) => self.apply_quick_level(level),
                    }
                }
            }
            // Handled in `update_audit_overlay` above.
            Overlay::History { .. }
            | Overlay::Decider(_)
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
}
