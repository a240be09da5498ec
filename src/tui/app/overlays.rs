//! What actions and typed text do in each overlay.

use crate::lang::Lang;
use crossterm::event::KeyEvent;

use super::{App, OnYes, Overlay};
use crate::session;
use crate::tui::action::Action;
use crate::tui::overlays::Effect;

/// Typed text for the overlay on top.
pub(super) fn text_input(overlay: &mut Overlay, key: KeyEvent) {
    match overlay {
        Overlay::Palette(p) => {
            p.query.input(key);
        }
        Overlay::EvidenceSearch(s) => {
            s.query.input(key);
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
        Overlay::EvidenceForm(form) => form.input(key),
        Overlay::FindingForm(form) => form.input(key),
        _ => {}
    }
}

/// Pasted text into an overlay's text field; returns false when the overlay has none in focus.
pub(super) fn paste(overlay: &mut Overlay, text: &str) -> bool {
    match overlay {
        Overlay::Palette(p) => p.query.paste(text),
        Overlay::EvidenceSearch(s) => s.query.paste(text),
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
        Overlay::EvidenceForm(form) => return form.paste(text),
        Overlay::FindingForm(form) => return form.paste(text),
        _ => return false,
    }
    true
}

pub(super) use crate::tui::overlays::step;

impl App {
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Action> {
        if self.update_component(action) || self.update_audit_overlay(action) {
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
                            Err(e) => *error = Some(work.lang().edit_error(&e)),
                        }
                    }
                }
                _ => {
                    self.overlays.pop();
                }
            },
            Overlay::Agenda(_) => self.update_agenda(action),
            Overlay::Filter(_) => self.update_filter_picker(action),
            Overlay::Conflicts { .. } => self.update_conflicts(action),
            Overlay::Confirm { on_yes, .. } => {
                let on_yes = on_yes.clone();
                self.overlays.pop();
                let pending = self.pending_read_only.take();
                if action == Action::Yes {
                    match on_yes {
                        OnYes::QuitUnsaved => self.quit = true,
                        OnYes::OpenReadOnly => self.open_read_only(pending),
                        OnYes::Apply(edit) => self.apply(Effect::Edit(*edit)),
                        OnYes::SignOff => self.sign_off(),
                        OnYes::QuickLevel(level) => self.apply_quick_level(level),
                    }
                }
            }
            // Handled as components or in `update_audit_overlay` above.
            Overlay::Palette(_)
            | Overlay::Evidence(_)
            | Overlay::EvidenceForm(_)
            | Overlay::EvidenceSearch(_)
            | Overlay::Findings(_)
            | Overlay::FindingForm(_)
            | Overlay::History { .. }
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
