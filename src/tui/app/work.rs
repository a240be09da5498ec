//! The open session: model, session, scorecard, where the cursor is, undo history and the save
//! state. Navigation and edits here are plain methods, so tests drive them without a terminal.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;

use std::collections::BTreeMap;

use crate::model::LoadedModel;
use crate::review::Filter;
use crate::scoring::Scorecard;
use crate::session::{self, EditError, EvidenceCheck, LockHolder, Session, SessionLock, Status};
use crate::tui::history::History;

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed: the edits are kept in memory and retried.
    Failed(String),
}

/// An open session and everything the workbench keeps about it.
#[derive(Debug)]
pub struct Work {
    pub path: PathBuf,
    pub model: LoadedModel,
    pub session: Session,
    pub card: Scorecard,
    /// Current practice (index into `model.index.practices`).
    pub practice: usize,
    /// Current requirement (index into `model.index.requirements`).
    pub requirement: usize,
    /// Requirements in scope, in order.
    pub scope: Vec<usize>,
    pub history: History<Session>,
    pub save: SaveState,
    /// Something (an edit or the cursor) is not on disk yet.
    pub dirty: bool,
    pub last_save_attempt: Option<Instant>,
    pub warnings: Vec<String>,
    /// Summary screen focus: None for all parts, or an index into `session.parts`.
    pub summary_focus: Option<usize>,
    /// This process's write lock on the session (released on drop, or by the OS on a crash).
    pub lock: Option<SessionLock>,
    /// Set when another process writes the session: it is shown, never edited or saved here.
    pub read_only: Option<LockHolder>,
    /// The evidence files' checks (ok / changed / missing), made when the session is opened
    /// and after each change to the register.
    pub checks: BTreeMap<String, EvidenceCheck>,
    /// The review filter in force: the navigator and moves keep to its matches.
    pub filter: Option<Filter>,
    /// Workshop time being counted (see `agenda.rs`).
    pub time: super::TimeClock,
    /// Who edits (`--as`, default the OS user); joins the assessors with the first change.
    pub who: String,
}

impl Work {
    /// Opens a session file as its one writer, landing on its saved cursor. Fails with a
    /// `LockError::Held` (inside the anyhow error) when another process has it open.
    pub fn open(path: &Path) -> Result<Self> {
        let lock = session::acquire_lock(path)?;
        let mut work = Self::load(path)?;
        work.lock = Some(lock);
        Ok(work)
    }

    /// Opens a session someone else is writing, to look at only.
    pub fn open_read_only(path: &Path, holder: LockHolder) -> Result<Self> {
        let mut work = Self::load(path)?;
        work.read_only = Some(holder);
        Ok(work)
    }

    fn load(path: &Path) -> Result<Self> {
        let opened = session::open_session(path)?;
        Ok(Self::from_parts(
            path.to_path_buf(),
            opened.model,
            opened.session,
            opened.warnings,
        ))
    }

    pub fn from_parts(
        path: PathBuf,
        model: LoadedModel,
        session: Session,
        warnings: Vec<String>,
    ) -> Self {
        let scope: Vec<usize> = session.requirements_in_scope(&model).collect();
        let card = Scorecard::compute(&model, &session.answers);
        let checks = session::evidence_checks(&session, &session::base_dir(&path));
        let mut work = Self {
            path,
            model,
            session,
            card,
            practice: 0,
            requirement: 0,
            scope,
            history: History::default(),
            save: SaveState::Saved,
            dirty: false,
            last_save_attempt: None,
            warnings,
            summary_focus: None,
            lock: None,
            read_only: None,
            checks,
            filter: None,
            time: Default::default(),
            who: session::current_user(),
        };
        let start = work
            .model
            .index
            .requirement(&work.session.cursor.requirement)
            .filter(|r| work.scope.contains(r))
            .or_else(|| work.scope.first().copied())
            .unwrap_or(0);
        work.jump(start);
        // Opening changes nothing on disk until the user does something.
        work.dirty = false;
        work
    }

    /// The model language shown.
    pub fn lang(&self) -> &str {
        &self.session.cursor.lang
    }

    /// Moves to a requirement (and its practice).
    pub fn jump(&mut self, requirement: usize) {
        if let Some(r) = self.model.index.requirements.get(requirement) {
            self.requirement = requirement;
            self.practice = r.practice;
            self.dirty = true;
        }
    }

    pub(super) fn position(&self) -> usize {
        self.scope
            .iter()
            .position(|&r| r == self.requirement)
            .unwrap_or(0)
    }

    pub fn next_requirement(&mut self, forward: bool) {
        let pos = self.position();
        let next = if forward {
            (pos + 1).min(self.scope.len().saturating_sub(1))
        } else {
            pos.saturating_sub(1)
        };
        if let Some(&r) = self.scope.get(next) {
            self.jump(r);
        }
    }

    /// Practices in scope, in order.
    pub fn practices(&self) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &r in &self.scope {
            let p = self.model.index.requirements[r].practice;
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        out
    }

    /// Moves to the next (or previous) practice, on its first unanswered requirement.
    pub fn next_practice(&mut self, forward: bool) {
        let practices = self.practices();
        let pos = practices
            .iter()
            .position(|&p| p == self.practice)
            .unwrap_or(0);
        let next = if forward {
            (pos + 1).min(practices.len().saturating_sub(1))
        } else {
            pos.saturating_sub(1)
        };
        if let Some(&p) = practices.get(next) {
            self.enter_practice(p);
        }
    }

    /// Moves to a practice's first unanswered requirement, or its first one.
    pub fn enter_practice(&mut self, practice: usize) {
        if let Some(target) = self.entry_of(practice) {
            self.jump(target);
        }
    }

    /// Where entering a practice lands: its first unanswered requirement, or its first one.
    pub fn entry_of(&self, practice: usize) -> Option<usize> {
        let reqs = self
            .model
            .index
            .practices
            .get(practice)?
            .requirements
            .clone();
        reqs.clone()
            .find(|&r| self.status(r).is_none())
            .or(Some(reqs.start))
            .filter(|r| reqs.contains(r))
    }

    /// The status of a requirement by index.
    pub fn status(&self, requirement: usize) -> Option<Status> {
        self.session
            .status(&self.model.index.requirements[requirement].id)
    }

    /// Moves to the next (or previous) unanswered requirement, wrapping around; stays when
    /// everything is answered. Returns whether it moved.
    pub fn next_unanswered(&mut self, forward: bool) -> bool {
        let n = self.scope.len();
        let pos = self.position();
        for step in 1..n {
            let i = if forward {
                (pos + step) % n
            } else {
                (pos + n - step) % n
            };
            let r = self.scope[i];
            if self.status(r).is_none() {
                self.jump(r);
                return true;
            }
        }
        false
    }

    /// A requirement as the status line names it: its level and text, in the shown language.
    pub fn requirement_label(&self, requirement: usize) -> String {
        let rref = &self.model.index.requirements[requirement];
        let pref = &self.model.index.practices[rref.practice];
        let text = self
            .model
            .model
            .requirement_of(pref, rref)
            .text
            .get(self.lang());
        format!("L{} {text}", rref.level)
    }

    /// Full id of the current requirement.
    pub fn requirement_id(&self) -> String {
        self.model.index.requirements[self.requirement].id.clone()
    }

    /// Writes the cursor into the session (it is saved with it).
    fn sync_cursor(&mut self) {
        self.session.cursor.practice = self.model.index.practices[self.practice].id.clone();
        self.session.cursor.requirement = self.requirement_id();
    }

    /// Applies one change to the session: snapshot for undo, rescore, save at once.
    pub fn edit(
        &mut self,
        change: impl FnOnce(&mut Session, &LoadedModel) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        self.edit_then(change, |_| {})
    }

    /// As `edit`, moving the cursor with `then` before saving, so the file always holds
    /// where the work continues (a kill right after the save resumes there).
    pub fn edit_then(
        &mut self,
        change: impl FnOnce(&mut Session, &LoadedModel) -> Result<(), EditError>,
        then: impl FnOnce(&mut Work),
    ) -> Result<(), EditError> {
        self.sync_cursor();
        let before = self.session.clone();
        self.session.ensure_editable()?;
        self.session.ensure_assessor(&self.who)?;
        change(&mut self.session, &self.model)?;
        self.history.record(before);
        then(self);
        self.changed();
        Ok(())
    }

    /// After any change of answers: rescore and save.
    fn changed(&mut self) {
        self.card = Scorecard::compute(&self.model, &self.session.answers);
        self.dirty = true;
        self.save_now();
    }

    /// Brings back the content before the last change (or after the last undo, for redo) as
    /// new, logged changes: the audit trail only grows. Refused (unchanged) once final.
    pub fn undo(&mut self, redo: bool, who: &str) -> Result<bool, EditError> {
        self.session.ensure_editable()?;
        self.sync_cursor();
        let current = self.session.clone();
        let restored = if redo {
            self.history.redo(current)
        } else {
            self.history.undo(current)
        };
        let Some(restored) = restored else {
            return Ok(false);
        };
        // Only a change to the register needs its files checked again.
        let register_changed = restored.evidence != self.session.evidence;
        self.session.revert_to(&restored, who)?;
        if register_changed {
            self.recheck_evidence();
        }
        let land = self
            .model
            .index
            .requirement(&restored.cursor.requirement)
            .unwrap_or(self.requirement);
        self.jump(land);
        self.changed();
        Ok(true)
    }

    /// Saves now; on failure the edits stay in memory and the error shows.
    pub fn save_now(&mut self) {
        if self.read_only.is_some() {
            // Another process owns the file; what is shown here is never written.
            self.dirty = false;
            return;
        }
        self.sync_cursor();
        self.last_save_attempt = Some(Instant::now());
        match session::save_session(&self.path, &self.session) {
            Ok(()) => {
                self.save = SaveState::Saved;
                self.dirty = false;
                self.time.unsaved = false;
            }
            Err(err) => {
                // The whole chain: "x.ron: cannot write …: No space left on device".
                self.save = SaveState::Failed(format!("{:#}", anyhow::Error::from(err)));
                self.dirty = true;
            }
        }
    }

    /// (answered, total) in scope.
    pub fn progress(&self) -> (usize, usize) {
        let answered = self
            .scope
            .iter()
            .filter(|&&r| self.status(r).is_some())
            .count();
        (answered, self.scope.len())
    }
}
