//! The one place that carries out what overlay components ask for (`Effect`): it makes their
//! edits of the session (each through a core function, saved at once; the only code behind
//! overlays that edits and saves), says a refusal on the status line and to the overlay (which
//! stays open), opens, closes, jumps and acts on a confirmed question.

use super::{App, Overlay, Screen, Work, audit, ctx_of};
use crate::session::Status;
use crate::session::{self, EditError, Session};
use crate::tui::action::Action;
use crate::tui::overlays::conflicts::Resolution;
use crate::tui::overlays::{Ctx, Edit, Effect, OnYes, Told};

impl Work {
    /// What an overlay component reads of this session.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            model: &self.model,
            session: &self.session,
            path: &self.path,
            scope: &self.scope,
            requirement: self.requirement,
            practice: self.practice,
            checks: &self.checks,
            read_only: self.read_only.as_ref(),
        }
    }
}

impl App {
    /// Carries out what an overlay's update asked for.
    pub fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Close => {
                self.overlays.pop();
            }
            Effect::Message(text) => self.message = Some(text),
            Effect::Quit => self.request_quit(),
            Effect::Open(opened) => self.overlays.push(Overlay::from(*opened)),
            Effect::Jump(requirement) => {
                self.overlays.pop();
                if let Some(work) = &mut self.work {
                    work.jump(requirement);
                    self.screen = Screen::Assessment;
                    work.session.cursor.screen = "assessment".to_string();
                }
            }
            Effect::Edit(edit) => self.edit_and_tell(edit, false),
            Effect::EditThenClose(edit) => self.edit_and_tell(edit, true),
            Effect::Confirmed(on_yes) => {
                self.overlays.pop();
                self.confirmed(on_yes);
            }
        }
    }

    /// Updates the overlay on top when it is a component; false when it is not one.
    pub(super) fn update_component(&mut self, action: Action) -> bool {
        let Some(component) = self.overlays.last_mut().and_then(Overlay::component_mut) else {
            return false;
        };
        let effect = component.update(action, &ctx_of(self.work.as_ref(), self.lang));
        self.apply(effect);
        true
    }

    /// Makes an edit, then closes the overlay that asked (when `close`) and tells the one on
    /// top how it went.
    fn edit_and_tell(&mut self, edit: Edit, close: bool) {
        // "Ours, then edit the note": the note editor follows the resolution.
        let edit_note = matches!(
            edit,
            Edit::Resolve {
                how: Resolution::OursThenEditNote,
                ..
            }
        );
        match self.make(edit) {
            Ok(Some(told)) => {
                if close {
                    self.overlays.pop();
                }
                self.tell(&told);
                if edit_note {
                    self.open_note(false);
                }
            }
            // Under way on another thread (a large file being hashed): `poll_attaching`
            // finishes it.
            Ok(None) => {}
            Err(why) => self.refused(why),
        }
    }

    /// A refused edit: on the status line, and in the overlay on top, which stays open.
    pub(super) fn refused(&mut self, why: String) {
        self.message = Some(why.clone());
        self.tell(&Told::Refused(why));
    }

    /// Tells the overlay on top how an edit went.
    pub(super) fn tell(&mut self, told: &Told) {
        if let Some(component) = self.overlays.last_mut().and_then(Overlay::component_mut) {
            component.told(told, &ctx_of(self.work.as_ref(), self.lang));
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
            OnYes::Apply(edit) => {
                self.apply(Effect::Edit(*edit));
                Ok(())
            }
            OnYes::SignOff => self.sign_off(),
            OnYes::QuickLevel(level) => self.apply_quick_level(level),
        };
        if let Err(e) = result {
            self.message = Some(self.lang().edit_error(&e));
        }
    }

    /// Makes one edit through the session's core functions: `Some(how it went)` when made,
    /// None when it goes on on another thread, the reason in the shown language when refused.
    pub(super) fn make(&mut self, edit: Edit) -> Result<Option<Told>, String> {
        let done = Told::Done {
            notice: None,
            evidence: None,
        };
        match edit {
            Edit::Attach { evidence, attach } => self.attach(&evidence, attach).map(Some),
            Edit::AddEvidence(draft) => self.add_evidence(draft),
            Edit::ChangeEvidence(id, draft) => self.change_evidence(&id, draft),
            Edit::AcceptNewVersion(id) => self.accept_new_version(&id),
            Edit::RemoveEvidence(id) => self.remove_evidence(&id).map(Some),
            Edit::SaveFinding { id, finding } => self.save_finding(id, finding).map(Some),
            Edit::RemoveFinding(id) => self.remove_finding(&id).map(|()| Some(done)),
            Edit::Resolve { id, how } => self.resolve(&id, how).map(|()| Some(done)),
            other => self.make_audit(other).map(|()| Some(done)),
        }
    }

    /// Resolves a merge conflict on its answer's own requirement, so rescoring and the
    /// cursor follow it.
    fn resolve(&mut self, id: &str, how: Resolution) -> Result<(), String> {
        use crate::session::Take;
        let who = self.who_or_user();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let target = work.session.conflicts.get(id).map(|c| c.target.clone());
        if let Some(r) = target.and_then(|t| work.model.index.requirement(&t)) {
            work.jump(r);
        }
        let session = &mut work.session;
        let result = session.ensure_assessor(&who).and_then(|_| match how {
            Resolution::BothNotes => session.resolve_keep_both_notes(id, &who),
            Resolution::Theirs => session.resolve_conflict(id, Take::Theirs, &who),
            Resolution::Ours | Resolution::OursThenEditNote => {
                session.resolve_conflict(id, Take::Ours, &who)
            }
        });
        result.map_err(|e| work.lang().edit_error(&e))?;
        let at = work.practice;
        work.changed(at);
        Ok(())
    }

    /// The edits of the workshop and audit overlays (decider, N/A, reopen, note, agenda,
    /// participants, filter).
    fn make_audit(&mut self, edit: Edit) -> Result<(), String> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let lang = work.lang();
        let result = match edit {
            Edit::Declined(status) => {
                work.declined = Some((work.requirement, status));
                Ok(())
            }
            Edit::Decider(name) => {
                work.session.cursor.decider = name;
                work.dirty = true;
                Ok(())
            }
            Edit::Justified(status, text) => {
                let requirement = work.requirement;
                let made = justified(work, status, &text, &who);
                if made.is_ok() {
                    self.said_change = self.describe_change(Action::NotApplicable, requirement, 0);
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
                    let tell = |lang: crate::lang::Lang| {
                        let t = lang.texts().overlays;
                        let what = if discussion {
                            t.discussion_changed
                        } else {
                            t.note_changed
                        };
                        format!("{what} · {}", work.requirement_label_in(r, lang))
                    };
                    self.said_change = Some(super::Said::new(tell));
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
            _ => Ok(()),
        };
        result.map_err(|e| lang.edit_error(&e))
    }
}

/// An answer that needs a reason (N/A, or another its scale marks) with its reason, on the
/// requirement at the cursor, the decider stamped, then on to the next one when auto-advance
/// is on.
fn justified(work: &mut Work, status: Status, text: &str, who: &str) -> Result<(), EditError> {
    let auto = work.session.cursor.auto_advance;
    let id = work.requirement_id();
    let decider = work.session.cursor.decider.clone();
    let change = |s: &mut Session, model: &_| {
        s.answer(model, &id, status, text, who)?;
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
