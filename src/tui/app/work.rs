//! The open session: model, session, scorecard, where the cursor is, undo history and the save
//! state. Navigation and edits here are plain methods, so tests drive them without a terminal.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Result;

use std::collections::BTreeMap;

use super::background::Job;
use super::undo::Snapshot;
use crate::model::LoadedModel;
use crate::review::Filter;
use crate::scoring::Scorecard;
use crate::session::{self, EditError, EvidenceCheck, LockHolder, Session, SessionLock, Status};
use crate::tui::history::History;
use crate::tui::keymap::Words;
use crate::tui::palette::{self, Entries};

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A change waits for the save that follows the frame showing it (see `defer_saves`).
    Pending,
    /// The last save failed: the edits are kept in memory and retried.
    Failed(String),
}

/// An open session and everything the workbench keeps about it.
#[derive(Debug)]
pub struct Work {
    /// The baseline session's level per part and domain id, read when the summary first
    /// needs it (None: no baseline, or it does not open).
    pub baseline: std::sync::OnceLock<Option<std::collections::HashMap<String, u8>>>,
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
    pub history: History<Snapshot>,
    pub save: SaveState,
    /// Something (an edit or the cursor) is not on disk yet.
    pub dirty: bool,
    /// Save an edit after the frame that shows it rather than before (the event loop turns
    /// this on and saves before reading the next key; direct callers save at once).
    pub defer_saves: bool,
    pub last_save_attempt: Option<Instant>,
    pub warnings: Vec<session::OpenWarning>,
    /// Summary screen focus: None for all parts, or an index into `session.parts`.
    pub summary_focus: Option<usize>,
    /// The navigator is shown whatever the width (`N`); otherwise wide screens only.
    pub show_navigator: bool,
    /// This process's write lock on the session (released on drop, or by the OS on a crash).
    pub lock: Option<SessionLock>,
    /// Checks before each save that the file is still the one this workbench last wrote.
    pub guard: session::SaveGuard,
    /// Set when another process writes the session: it is shown, never edited or saved here.
    pub read_only: Option<LockHolder>,
    /// The palette's entries, built once and shared by every opening of the palette until a
    /// note or the evidence changes (see `palette_items`).
    pub palette: Option<Arc<Entries>>,
    /// The evidence files' checks (ok / changed / missing), made when the session is opened
    /// and after each change to the register.
    pub checks: BTreeMap<String, EvidenceCheck>,
    /// Checks being made on another thread (hashing takes time; the status line shows how
    /// far it got); they replace `checks` when done (see `settle_checks`). None inside: it
    /// was cancelled.
    pub checking: Option<Job<Option<BTreeMap<String, EvidenceCheck>>>>,
    /// The review filter in force: the navigator and moves keep to its matches.
    pub filter: Option<Filter>,
    /// Workshop time being counted (see `agenda.rs`).
    pub time: super::TimeClock,
    /// Who edits (`--as`, default the OS user); joins the assessors with the first change.
    pub who: String,
    /// An answer whose reason was not given (Esc) at this requirement: the next key steps
    /// past it (`p` to the following answer between), so no answer needing a reason blocks
    /// the ones after it.
    pub declined: Option<(usize, Status)>,
}

impl Work {
    /// The baseline's levels by part and domain id (read once, on first use).
    pub fn baseline_levels(&self) -> Option<&std::collections::HashMap<String, u8>> {
        self.baseline
            .get_or_init(|| {
                let (_, then) =
                    crate::compare::baseline_summary(&self.path, &self.session, "en")?.ok()?;
                let scores = then
                    .parts
                    .iter()
                    .flat_map(|p| std::iter::once(&p.row).chain(&p.domains))
                    .map(|r| (r.id.clone(), r.level))
                    .collect();
                Some(scores)
            })
            .as_ref()
    }

    /// Gives each of `axes` (parts or domains) its level in the session's baseline, so the
    /// radar draws it as a third shape; nothing without a baseline.
    pub fn apply_baseline(&self, axes: &mut [crate::radar::Axis]) {
        if let Some(then) = self.baseline_levels() {
            for axis in axes {
                axis.baseline = then.get(&axis.id).copied();
            }
        }
    }

    /// Opens a session file as its one writer, landing on its saved cursor. Fails with a
    /// `LockError::Held` (inside the anyhow error) when another process has it open.
    pub fn open(path: &Path) -> Result<Self> {
        match session::writer_access(path)? {
            session::Access::Write(lock) => {
                let mut work = Self::load(path)?;
                work.lock = Some(lock);
                Ok(work)
            }
            session::Access::ReadOnly { holder } => Self::open_read_only(path, holder),
        }
    }

    /// Opens a session someone else is writing, to look at only.
    pub fn open_read_only(path: &Path, holder: LockHolder) -> Result<Self> {
        let mut work = Self::load(path)?;
        work.read_only = Some(holder);
        Ok(work)
    }

    fn load(path: &Path) -> Result<Self> {
        // Watched from before the read: a change made meanwhile is caught, not overwritten.
        let guard = session::SaveGuard::watch(path);
        let opened = session::open_session_lazily(path)?;
        let mut guard = guard;
        if let Some(text) = opened.session.history.source() {
            guard.read_from(text);
        }
        let mut work = Self::from_parts(
            path.to_path_buf(),
            opened.model,
            opened.session,
            opened.warnings,
        );
        work.guard = guard;
        Ok(work)
    }

    pub fn from_parts(
        path: PathBuf,
        model: LoadedModel,
        session: Session,
        warnings: Vec<session::OpenWarning>,
    ) -> Self {
        let scope: Vec<usize> = session.requirements_in_scope(&model).collect();
        let card = Scorecard::compute(&model, &session.answers);
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
            defer_saves: false,
            last_save_attempt: None,
            warnings,
            summary_focus: None,
            show_navigator: false,
            lock: None,
            guard: session::SaveGuard::default(),
            read_only: None,
            palette: None,
            checks: BTreeMap::new(),
            checking: None,
            filter: None,
            declined: None,
            time: Default::default(),
            who: session::current_user(),
            baseline: Default::default(),
        };
        let start = work
            .model
            .index
            .requirement(&work.session.cursor.requirement)
            // A cursor left on a renamed requirement follows it.
            .or_else(|| {
                let moved = work
                    .model
                    .model
                    .aliases
                    .get(&work.session.cursor.requirement)?;
                work.model.index.requirement(moved)
            })
            .filter(|r| work.scope.contains(r))
            .or_else(|| work.scope.first().copied())
            .unwrap_or(0);
        work.jump(start);
        work.start_checks();
        // Opening changes nothing on disk until the user does something.
        work.dirty = false;
        work
    }

    /// The language shown.
    pub fn lang(&self) -> crate::lang::Lang {
        self.session.cursor.lang
    }

    /// Moves to a requirement (and its practice).
    pub fn jump(&mut self, requirement: usize) {
        if let Some(r) = self.model.index.requirements.get(requirement) {
            self.requirement = requirement;
            self.practice = r.practice;
            self.dirty = true;
        }
    }

    /// Where the cursor is in the scope (which is in model order, so a binary search).
    pub(super) fn position(&self) -> usize {
        self.scope.binary_search(&self.requirement).unwrap_or(0)
    }

    /// Whether a practice is in a part in scope.
    fn in_scope(&self, practice: usize) -> bool {
        let part = &self.model.model.parts[self.model.index.practices[practice].part];
        self.session.parts.contains(&part.id)
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

    /// Moves to the next (or previous) practice in scope, on its first unanswered requirement;
    /// stays on the last (or first) one.
    pub fn next_practice(&mut self, forward: bool) {
        let here = self.practice;
        let next = if forward {
            (here + 1..self.model.index.practices.len()).find(|&p| self.in_scope(p))
        } else {
            (0..here).rev().find(|&p| self.in_scope(p))
        };
        self.enter_practice(next.unwrap_or(here));
    }

    /// (position from 1, count) of the current practice among its part's practices.
    pub fn practice_position(&self) -> (usize, usize) {
        let part = self.model.index.practices[self.practice].part;
        let range = self.model.index.practices_under(part, None, None);
        (self.practice - range.start + 1, range.len())
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

    /// The kind of a requirement's answer on its scale (glyphs and styles).
    pub fn kind(&self, requirement: usize) -> Option<session::scale::Kind> {
        let status = self.status(requirement)?;
        Some(session::scale::kind(
            session::scale::scale_at(&self.model, requirement),
            status,
        ))
    }

    /// What a key's hint says on this model, at the current requirement: an answer key in the
    /// words of the requirement's own answer scale (`y` on SAMM's: its best answer's label),
    /// CAICT's in the keymap's words; hidden when the scale has no such answer, as a quick
    /// level above the model's levels.
    pub fn key_words(&self, action: crate::tui::action::Action) -> Words {
        use crate::tui::action::Action;
        if let Action::QuickLevel(level) = action {
            return if level > self.model.model.max_level() {
                Words::Hidden
            } else {
                Words::Keymap
            };
        }
        let Some(slot) = super::answer_slot(action) else {
            return Words::Keymap;
        };
        let scale = session::scale::scale_at(&self.model, self.requirement);
        match session::scale::slot_label(scale, slot, self.lang()) {
            None => Words::Hidden,
            Some(_) if session::scale::is_caict(&self.model.model) => Words::Keymap,
            Some(words) => Words::Model(words),
        }
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
        self.requirement_label_in(requirement, self.lang())
    }

    /// As `requirement_label`, in `lang`.
    pub fn requirement_label_in(&self, requirement: usize, lang: crate::lang::Lang) -> String {
        let rref = &self.model.index.requirements[requirement];
        let pref = &self.model.index.practices[rref.practice];
        let text = self.model.model.requirement_of(pref, rref).text.get(lang);
        format!("L{} {text}", rref.level)
    }

    /// Full id of the current requirement.
    pub fn requirement_id(&self) -> String {
        self.model.index.requirements[self.requirement].id.clone()
    }

    /// Writes the cursor into the session (it is saved with it).
    pub(super) fn sync_cursor(&mut self) {
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
        self.session.ensure_editable()?;
        self.session.ensure_assessor(&self.who)?;
        let at = self.practice;
        let before = self.snapshot(at);
        // Debug builds (the tests) check that the change stayed within practice `at`.
        let whole = cfg!(debug_assertions).then(|| self.session.answers.clone());
        change(&mut self.session, &self.model)?;
        if let Some(whole) = whole {
            self.assert_only_changed(&whole, at);
        }
        if self.texts_changed(&before) {
            self.palette = None;
        }
        self.history.record(before);
        then(self);
        self.changed(at);
        Ok(())
    }

    /// After a change of the answers of practice `at` (every edit of the workbench is on the
    /// practice at the cursor): rescore it alone, and save. Debug builds (the tests) check
    /// that this agrees with scoring everything.
    pub(super) fn changed(&mut self, at: usize) {
        self.card.rescore(&self.model, &self.session.answers, at);
        debug_assert_eq!(
            self.card,
            Scorecard::compute(&self.model, &self.session.answers),
            "an edit changed answers outside practice {at}"
        );
        self.dirty = true;
        if self.defer_saves {
            self.save = SaveState::Pending;
        } else {
            self.save_now();
        }
    }

    /// Saves a change that waited for its frame; true when there was one.
    pub fn save_pending(&mut self) -> bool {
        let pending = self.save == SaveState::Pending;
        if pending {
            self.save_now();
        }
        pending
    }

    /// The palette's entries: built on first use, then reused until a note or the evidence
    /// changes, so opening the palette does not walk the whole model each time.
    pub fn palette_items(&mut self) -> Arc<Entries> {
        let items = self
            .palette
            .get_or_insert_with(|| Arc::new(palette::items(&self.model, &self.session)))
            .clone();
        debug_assert_eq!(
            *items,
            palette::items(&self.model, &self.session),
            "the palette cache missed a change"
        );
        items
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
        // The guard re-checks the file and the lock first; on a conflict the edits go to a side
        // file and the error says where.
        match self.guard.save(&self.path, &self.session, &mut self.lock) {
            Ok(()) => {
                self.save = SaveState::Saved;
                self.dirty = false;
                self.time.unsaved = false;
            }
            Err(err) => {
                // The whole chain ("x.ron: cannot write …: No space left on device"), in the
                // language shown.
                let said = self.lang().error_message(&anyhow::Error::from(err));
                self.save = SaveState::Failed(said);
                self.dirty = true;
            }
        }
    }

    /// (answered, total) in scope, from the scorecard (no walk over the answers).
    pub fn progress(&self) -> (usize, usize) {
        self.model
            .model
            .parts
            .iter()
            .zip(&self.card.parts)
            .filter(|(part, _)| self.session.parts.contains(&part.id))
            .fold((0, 0), |(a, t), (_, card)| {
                (a + card.score.answered, t + card.score.total)
            })
    }
}
