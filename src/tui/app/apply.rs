//! The one place that carries out what overlay components ask for (`Effect`): it makes their
//! edits of the session (each through a core function, saved at once), says a refusal on the
//! status line and to the overlay (which stays open), opens, closes and jumps.

use super::{App, Overlay, Screen, Work};
use crate::tui::action::Action;
use crate::tui::overlays::{Ctx, Edit, Effect, Told};

impl Work {
    /// What an overlay component reads of this session.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            model: &self.model,
            session: &self.session,
            scope: &self.scope,
            requirement: self.requirement,
            checks: &self.checks,
            read_only: self.read_only.as_ref(),
        }
    }
}

impl App {
    /// Carries out what an overlay's update asked for. The one place that applies overlay
    /// effects: it makes the edit (a refusal goes to the status line and the overlay stays
    /// open), saves through the session's own path, and closes the overlay.
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
        }
    }

    /// Updates the overlay on top when it is a component; false when it is not one.
    pub(super) fn update_component(&mut self, action: Action) -> bool {
        let Some(work) = &self.work else {
            return false;
        };
        let ctx = work.ctx();
        let effect = match self.overlays.last_mut() {
            Some(Overlay::Palette(p)) => p.update(action),
            Some(Overlay::EvidenceSearch(s)) => s.update(action, ctx.session),
            Some(Overlay::Evidence(p)) => p.update(action, ctx.session),
            Some(Overlay::EvidenceForm(f)) => f.update(action),
            Some(Overlay::Findings(l)) => l.update(action, &ctx),
            Some(Overlay::FindingForm(f)) => f.update(action),
            _ => return false,
        };
        self.apply(effect);
        true
    }

    /// Makes an edit, then closes the overlay that asked (when `close`) and tells the one on
    /// top how it went.
    fn edit_and_tell(&mut self, edit: Edit, close: bool) {
        match self.make(edit) {
            Ok(Some(told)) => {
                if close {
                    self.overlays.pop();
                }
                self.tell(&told);
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
        let Some(work) = &self.work else { return };
        match self.overlays.last_mut() {
            Some(Overlay::Evidence(p)) => p.told(told, &work.session),
            Some(Overlay::EvidenceForm(f)) => f.told(told),
            Some(Overlay::Findings(l)) => l.told(told),
            Some(Overlay::FindingForm(f)) => f.told(told),
            _ => {}
        }
    }

    /// Makes one edit through the session's core functions: `Some(how it went)` when made,
    /// None when it goes on on another thread, the reason in the shown language when refused.
    fn make(&mut self, edit: Edit) -> Result<Option<Told>, String> {
        let done = Told::Done {
            notice: None,
            evidence: None,
        };
        match edit {
            Edit::Decider(name) => {
                let Some(work) = &mut self.work else {
                    return Ok(None);
                };
                work.session.cursor.decider = name;
                work.dirty = true;
                Ok(Some(done))
            }
            Edit::Attach { evidence, attach } => self.attach(&evidence, attach).map(Some),
            Edit::AddEvidence(draft) => self.add_evidence(draft),
            Edit::ChangeEvidence(id, draft) => self.change_evidence(&id, draft),
            Edit::AcceptNewVersion(id) => self.accept_new_version(&id),
            Edit::RemoveEvidence(id) => self.remove_evidence(&id).map(Some),
            Edit::SaveFinding { id, finding } => self.save_finding(id, finding).map(Some),
            Edit::RemoveFinding(id) => self.remove_finding(&id).map(|()| Some(done)),
        }
    }
}
