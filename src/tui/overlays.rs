//! Overlays as components: one file per overlay holds its state, its bindings (its keymap
//! context's data), its `update` and its drawing. `update` never touches the app: it returns
//! an [`Effect`], and `App::apply` is the one place that carries effects out (the only code
//! that edits the session and saves; a refused edit always reaches the status line).
//!
//! A component reads the core (the session) and the workbench's leaves (keymap, widgets,
//! theme, the catalogue), never `app` or `views`, so both can use it without a cycle.
//! Adding an overlay: one file here, one variant in `app::Overlay`, one arm in
//! `app::Overlay::context`, the drawing arm in `views::overlays::render`.

pub mod decider;
pub mod evidence;
pub mod evidence_form;
pub mod evidence_search;
pub mod finding_form;
pub mod findings;
pub mod palette;

use std::collections::BTreeMap;

use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::{EvidenceCheck, EvidenceType, Finding, LockHolder, Session};

/// What an overlay's `update` asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond the overlay's own state.
    None,
    /// Close this overlay.
    Close,
    /// A change of the session; the overlay stays open and is told how it went (`Told`).
    Edit(Edit),
    /// A change of the session (or of its cursor), then close this overlay; a refused change
    /// leaves it open.
    EditThenClose(Edit),
    /// Open another overlay on top of this one.
    Open(Box<Opened>),
    /// Close this overlay and show a requirement (its index in the model's order) on the
    /// assessment screen.
    Jump(usize),
    /// A line for the status line.
    Message(String),
    /// Leave the workbench (saving first, as `q` does).
    Quit,
}

/// A change an overlay asks for, as a value; `App::apply` makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Who decides the following answers (a participant's name, or nobody): kept in the
    /// cursor, so resuming keeps it; not a change of the assessment.
    Decider(String),
    /// Attach a register entry to the current requirement, or detach it when it is
    /// attached; with `attach` false only detaching is asked for.
    Attach { evidence: String, attach: bool },
    /// A new register entry (title, kind, location as typed), attached to the current
    /// requirement; a local file is fingerprinted (a large one on another thread).
    AddEvidence(EvidenceDraft),
    /// Entry `id` changed to this title, kind and location.
    ChangeEvidence(String, EvidenceDraft),
    /// Entry `id`'s file as it is now is its new version.
    AcceptNewVersion(String),
    /// Remove entry `id` from the register (refused while cited).
    RemoveEvidence(String),
    /// Save a finding: a new one (`id` None) or finding `id` changed.
    SaveFinding {
        id: Option<String>,
        finding: Finding,
    },
    /// Delete finding `id`.
    RemoveFinding(String),
}

/// An evidence entry as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceDraft {
    pub title: String,
    pub kind: EvidenceType,
    pub location: String,
}

/// An overlay a component opens on top of itself.
#[derive(Debug, Clone)]
pub enum Opened {
    EvidenceForm(evidence_form::EvidenceForm),
    EvidenceSearch(evidence_search::EvidenceSearch),
    FindingForm(Box<finding_form::FindingForm>),
    /// A yes/no question; yes makes the edit.
    Confirm {
        question: String,
        on_yes: Edit,
    },
}

// Effects are compared in tests; an opened overlay compares by what it is.
impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}
impl Eq for Opened {}

/// How an edit went, told back to the overlay on top once `App::apply` made it (after the
/// overlay that asked was closed, to the one beneath).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Told {
    /// Refused: why, in the shown language (also on the status line).
    Refused(String),
    /// Made: a word to show beside it, and the register entry it was about.
    Done {
        notice: Option<String>,
        evidence: Option<String>,
    },
}

/// What a component reads of the open session, for its update and its drawing.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub model: &'a LoadedModel,
    pub session: &'a Session,
    /// The requirements in scope, in order.
    pub scope: &'a [usize],
    /// The requirement at the cursor (its index in the model's order).
    pub requirement: usize,
    /// The register's file checks.
    pub checks: &'a BTreeMap<String, EvidenceCheck>,
    /// Set when another process writes the session (shown, never edited).
    pub read_only: Option<&'a LockHolder>,
}

impl Ctx<'_> {
    pub fn lang(&self) -> Lang {
        self.session.cursor.lang
    }

    /// The id of the requirement at the cursor.
    pub fn requirement_id(&self) -> &str {
        &self.model.index.requirements[self.requirement].id
    }

    /// Where entering a practice lands: its first unanswered requirement, or its first one.
    pub fn entry_of(&self, practice: usize) -> Option<usize> {
        let index = &self.model.index;
        let reqs = index.practices.get(practice)?.requirements.clone();
        reqs.clone()
            .find(|&r| self.session.status(&index.requirements[r].id).is_none())
            .or(Some(reqs.start))
            .filter(|r| reqs.contains(r))
    }
}

/// An overlay's footer hints, `(key, words)`, from its context's bindings as installed (the
/// user's keys where the configuration changed them).
pub type Hints = Vec<(String, String)>;

/// Moves a selection one row down (`down`) or up among `len` rows, stopping at the ends.
pub fn step(value: usize, len: usize, down: bool) -> usize {
    if len == 0 {
        0
    } else if down {
        (value + 1).min(len - 1)
    } else {
        value.saturating_sub(1)
    }
}
