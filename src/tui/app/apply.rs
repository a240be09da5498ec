//! `App::apply`: the one place that carries out what an overlay's `update` asked for. It makes
//! the edits (the only code behind overlays that edits the session and saves), puts a refusal
//! on the status line and tells the overlay (which stays open to show it too), and closes.

use super::{App, Overlay, Screen, Work, audit, ctx_of};
use crate::session::{self, EditError, Session};
use crate::tui::action::Action;
use crate::tui::overlays::{Edit, Effect, Notice, OnYes};

/// What came of an edit that was not refused.
#[derive(Debug)]
pub(super) enum Made {
    Done,
    /// Made, with a word to show and the entry it was about.
    Noticed(Notice),
    /// Under way on another thread (a file being hashed): `finish_hash` settles it.
    Later,
}

impl App {
    /// Carries out an effect of the overlay on top.
    pub fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Close => {
                self.overlays.pop();
            }
            Effect::Message(text) => self.message = Some(text),
            Effect::Edit(edit) => {
                let result = self.make(edit);
                self.settle(result, false);
            }
            Effect::EditThenClose(edit) => {
                let result = self.make(edit);
                self.settle(result, true);
            }
            Effect::Confirmed(on_yes) => {
                self.overlays.pop();
                self.confirmed(on_yes);
            }
            Effect::Open(opened) => self.overlays.push(Overlay::from(*opened)),
            Effect::Jump(requirement) => {
                self.overlays.pop();
                if let Some(work) = &mut self.work {
                    work.jump(requirement);
                    self.screen = Screen::Assessment;
                    work.session.cursor.screen = "assessment".to_string();
                }
            }
        }
    }

    /// An action for the overlay on top, through its component.
    pub(super) fn update_component(&mut self, action: Action) -> bool {
        let Some(top) = self.overlays.last_mut() else {
            return false;
        };
        let Some(component) = top.component_mut() else {
            return false;
        };
        let effect = component.update(action, &ctx_of(self.work.as_ref(), self.lang));
        self.apply(effect);
        true
    }

    /// Tells the overlay on top what came of its edit; closes it when done and asked to (and
    /// then tells the overlay beneath what the edit came to).
    pub(super) fn settle(&mut self, result: Result<Made, String>, close: bool) {
        let notice = match result {
            Ok(Made::Later) => return,
            Ok(Made::Done) => None,
            Ok(Made::Noticed(notice)) => Some(notice),
            Err(refused) => {
                if let Some(component) = self.overlays.last_mut().and_then(Overlay::component_mut) {
                    component.edited(Err(&refused));
                }
                self.message = Some(refused);
                return;
            }
        };
        if close {
            self.overlays.pop();
        } else if let Some(component) = self.overlays.last_mut().and_then(Overlay::component_mut) {
            component.edited(Ok(()));
        }
        if let Some(notice) = notice
            && let Some(work) = &self.work
            && let Some(component) = self.overlays.last_mut().and_then(Overlay::component_mut)
        {
            component.noticed(&notice, &ctx_of(Some(work), self.lang));
        }
    }

    /// The yes of a confirmation (already closed).
    fn confirmed(&mut self, on_yes: OnYes) {
        let pending = self.pending_read_only.take();
        let result = match on_yes {
            OnYes::QuitUnsaved => {
                self.quit = true;
                Ok(())
            }
            OnYes::OpenReadOnly => {
                self.open_read_only(pending);
                Ok(())
            }
            OnYes::DeleteFinding => {
                self.delete_pending_finding();
                Ok(())
            }
            OnYes::SignOff => self.sign_off(),
            OnYes::QuickLevel(level) => self.apply_quick_level(level),
        };
        if let Err(e) = result {
            self.message = Some(self.lang().edit_error(&e));
        }
    }

    /// Makes an edit; a refusal comes back in the shown language.
    pub(super) fn make(&mut self, edit: Edit) -> Result<Made, String> {
        let edit = match edit {
            Edit::Attach { evidence, attach } => return self.attach(&evidence, attach),
            Edit::AddEvidence(draft) => return self.add_evidence(draft),
            Edit::ChangeEvidence(id, draft) => return self.change_evidence(&id, draft),
            Edit::AcceptNewVersion(id) => return self.accept_new_version(&id),
            Edit::RemoveEvidence(id) => return self.remove_evidence(&id),
            Edit::SaveFinding { id, finding } => return self.save_finding(id, finding),
            other => other,
        };
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(Made::Done);
        };
        let lang = work.lang();
        let result = match edit {
            Edit::Decider(name) => {
                work.session.cursor.decider = name;
                work.dirty = true;
                Ok(())
            }
            Edit::NotApplicable(text) => {
                let requirement = work.requirement;
                let made = not_applicable(work, &text, &who);
                if made.is_ok() {
                    self.last_change = self.describe_change(Action::NotApplicable, requirement, 0);
                }
                made
            }
            Edit::Reopen(reason) => {
                let reopened = work
                    .session
                    .reopen(&reason, &who)
                    .and_then(|()| work.session.ensure_assessor(&who).map(|_| ()));
                if reopened.is_ok() {
                    work.dirty = true;
                    work.save_now();
                    self.message = Some(lang.texts().messages.reopened.to_string());
                }
                reopened
            }
            Edit::Note {
                requirement,
                text,
                discussion,
                continued,
                closing,
            } => {
                let made = note(work, &who, &requirement, (&text, discussion), continued);
                if closing && let Some(r) = work.model.index.requirement(&requirement) {
                    let t = lang.texts().overlays;
                    let what = if discussion {
                        t.discussion_changed
                    } else {
                        t.note_changed
                    };
                    self.last_change = Some(format!("{what} · {}", work.requirement_label(r)));
                }
                made
            }
            Edit::Agenda(changes) => work.edit(|s, m| {
                changes
                    .iter()
                    .try_for_each(|(key, minutes)| s.set_planned_minutes(m, key, *minutes, &who))
            }),
            Edit::Participant { line, editing } => {
                let (name, role) = session::parse_participant(&line);
                match editing {
                    Some(old) => work.edit(|s, _| s.set_participant_role(&old, &role, &who)),
                    None => work.edit(|s, _| s.add_participant(&name, &role, &who)),
                }
            }
            Edit::RemoveParticipant(name) => work.edit(|s, _| s.remove_participant(&name, &who)),
            Edit::Filter(chosen) => {
                work.filter = chosen;
                // Land on a match: the current requirement if it is one, else the next.
                if chosen.is_some()
                    && !work.matches(work.requirement)
                    && !work.next_match(true)
                    && !work.next_match(false)
                {
                    let nothing = lang.texts().workbench.register.nothing_matches;
                    self.message = Some(nothing.to_string());
                }
                Ok(())
            }
            // The register's and findings' edits were made above.
            Edit::Attach { .. }
            | Edit::AddEvidence(_)
            | Edit::ChangeEvidence(..)
            | Edit::AcceptNewVersion(_)
            | Edit::RemoveEvidence(_)
            | Edit::SaveFinding { .. } => Ok(()),
        };
        result.map(|()| Made::Done).map_err(|e| lang.edit_error(&e))
    }
}

/// N/A with its justification on the requirement at the cursor, the decider stamped, then
/// on to the next one when auto-advance is on.
fn not_applicable(work: &mut Work, text: &str, who: &str) -> Result<(), EditError> {
    let auto = work.session.cursor.auto_advance;
    let id = work.requirement_id();
    let decider = work.session.cursor.decider.clone();
    let change = |s: &mut Session, _: &_| {
        s.set_not_applicable(&id, text, who)?;
        audit::stamp_decider(s, &[id.as_str()], &decider, who)
    };
    work.edit_then(change, |w| {
        if auto {
            w.advance();
        }
    })
}

/// A note's text, if it changed: the first write of a round of editing is an undo step, the
/// later ones extend it.
fn note(
    work: &mut Work,
    who: &str,
    requirement: &str,
    (text, discussion): (&str, bool),
    continued: bool,
) -> Result<(), EditError> {
    let set = |s: &mut Session| {
        if discussion {
            s.set_discussion(requirement, text, who)
        } else {
            s.set_note(requirement, text, who)
        }
    };
    let current = work.session.answers.get(requirement).map(|a| {
        if discussion {
            a.discussion.as_str()
        } else {
            a.note.as_str()
        }
    });
    if current.unwrap_or_default() == text {
        return Ok(());
    }
    if continued {
        set(&mut work.session)?;
        work.palette = None;
        work.save_now();
        Ok(())
    } else {
        work.edit(|s, _| set(s))
    }
}
