//! The conflicts queue: what a merge left, resolved one by one in the workbench (take ours,
//! take theirs, keep both notes, or take ours and edit the note). Each resolution is a logged
//! core call (`Session::resolve_conflict`), saved at once.

use super::{App, Overlay};
use crate::session::{Take, current_user};
use crate::tui::action::Action;

impl App {
    /// Opens the queue (when there is anything in it).
    pub(super) fn open_conflicts(&mut self) {
        let Some(work) = &self.work else { return };
        if work.session.has_conflicts() {
            self.overlays.push(Overlay::Conflicts { selected: 0 });
        } else {
            let zh = work.lang() == crate::lang::Lang::Zh;
            self.message = Some(
                if zh {
                    "没有合并冲突"
                } else {
                    "no merge conflicts"
                }
                .to_string(),
            );
        }
    }

    pub(super) fn update_conflicts(&mut self, action: Action) {
        let Some(Overlay::Conflicts { selected }) = self.overlays.last_mut() else {
            return;
        };
        let Some(work) = &mut self.work else { return };
        let count = work.session.conflicts.len();
        match action {
            Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
            Action::Up => *selected = selected.saturating_sub(1),
            Action::TakeOurs | Action::TakeTheirs | Action::KeepBoth | Action::EditConflict => {
                let index = *selected;
                self.resolve_selected(index, action);
            }
            _ => {
                self.overlays.pop();
            }
        }
    }

    fn resolve_selected(&mut self, index: usize, action: Action) {
        let who = if self.who.is_empty() {
            current_user()
        } else {
            self.who.clone()
        };
        let Some(work) = &mut self.work else { return };
        let Some((id, target)) = work
            .session
            .conflicts
            .iter()
            .nth(index)
            .map(|(id, c)| (id.clone(), c.target.clone()))
        else {
            return;
        };
        // On the answer's own requirement, so rescoring and the cursor follow the change.
        if let Some(r) = work.model.index.requirement(&target) {
            work.jump(r);
        }
        let result = work
            .session
            .ensure_assessor(&who)
            .and_then(|_| match action {
                Action::KeepBoth => work.session.resolve_keep_both_notes(&id, &who),
                Action::TakeTheirs => work.session.resolve_conflict(&id, Take::Theirs, &who),
                _ => work.session.resolve_conflict(&id, Take::Ours, &who),
            });
        if let Err(e) = result {
            self.message = Some(e.to_string());
            return;
        }
        let at = work.practice;
        work.changed(at);
        let left = work.session.conflicts.len();
        if let Some(Overlay::Conflicts { selected }) = self.overlays.last_mut() {
            *selected = (*selected).min(left.saturating_sub(1));
        }
        if left == 0 || action == Action::EditConflict {
            self.overlays.pop();
        }
        if action == Action::EditConflict && work.model.index.requirement(&target).is_some() {
            self.open_note(false);
        }
    }
}
