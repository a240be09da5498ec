//! Overlays as components: one file per overlay holds its state, its bindings (its keymap
//! context's data), its `update` and its drawing. `update` never touches the app: it returns
//! an [`Effect`], and `App::apply` is the one place that carries effects out (the only code
//! that edits the session and saves; a refused edit always reaches the status line, and the
//! overlay stays open and is told, to show it too).
//!
//! A component reads the core (the open session, through [`Env`] and [`Ctx`]) and the
//! workbench's leaves (bindings, widgets, theme, the catalogue), never `app`, `views` or
//! `keymap`, so all three can use it without a cycle. Adding an overlay: one file here
//! implementing [`Component`], and one line in the `overlays!` list in `app/forms.rs`.

pub mod agenda;
pub mod confirm;
pub mod conflicts;
pub mod decider;
pub mod evidence;
pub mod evidence_form;
pub mod evidence_search;
pub mod export;
pub mod filter;
pub mod finding_form;
pub mod findings;
pub mod help;
pub mod history;
pub mod justify;
pub mod list;
pub mod note;
pub mod palette;
pub mod participants;
pub mod reason;

use std::collections::BTreeMap;
use std::path::Path;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::{EvidenceCheck, EvidenceType, Finding, LockHolder, Session, Status};
use crate::tui::action::Action;
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;

pub use confirm::OnYes;
pub use list::{Context, Overlay, defaults};

/// What every overlay is: its keymap context, what an action does to it, and how it is drawn.
pub trait Component: std::fmt::Debug {
    /// The context whose bindings apply while it is on top.
    fn context(&self) -> Context;
    /// An action while it is on top; what the app must do about it.
    fn update(&mut self, action: Action, env: &Env) -> Effect;
    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer);
    /// A key no binding took: text for its field, if it has one.
    fn input(&mut self, _key: KeyEvent) {}
    /// Pasted text for its field; false when it has none in focus.
    fn paste(&mut self, _text: &str) -> bool {
        false
    }
    /// How an edit it (or the overlay above it) asked for went.
    fn told(&mut self, _told: &Told, _env: &Env) {}
}

/// A large overlay is kept boxed in the stack.
impl<T: Component + ?Sized> Component for Box<T> {
    fn context(&self) -> Context {
        (**self).context()
    }
    fn update(&mut self, action: Action, env: &Env) -> Effect {
        (**self).update(action, env)
    }
    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        (**self).draw(env, area, buf);
    }
    fn input(&mut self, key: KeyEvent) {
        (**self).input(key);
    }
    fn paste(&mut self, text: &str) -> bool {
        (**self).paste(text)
    }
    fn told(&mut self, told: &Told, env: &Env) {
        (**self).told(told, env);
    }
}

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
    /// The yes of a confirmation: close it, then do what was asked.
    Confirmed(OnYes),
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
    Attach {
        evidence: String,
        attach: bool,
    },
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
    /// The current requirement takes this answer, which needs a reason, for this reason.
    Justified(Status, String),
    /// The reason for this answer was not given (Esc): the key that offered it steps past it
    /// next (a cursor matter, not a change of the assessment).
    Declined(Status),
    /// Reopen the final session, for this reason.
    Reopen(String),
    /// The note (or the discussion note) of a requirement. `continued`: an undo step was taken
    /// earlier in this round of editing; `closing`: the editor closes, and the change is named.
    Note {
        requirement: String,
        text: String,
        discussion: bool,
        continued: bool,
        closing: bool,
    },
    /// Planned minutes by agenda key.
    Agenda(Vec<(String, u32)>),
    /// A `Name: Role` line: a new participant, or a new role for `editing`.
    Participant {
        line: String,
        editing: Option<String>,
    },
    RemoveParticipant(String),
    /// The review filter in force (None clears it); lands on a match.
    Filter(Option<crate::review::Filter>),
    /// Resolve a merge conflict (a logged core call); its requirement becomes the current one.
    Resolve {
        id: String,
        how: conflicts::Resolution,
    },
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

/// What an overlay reads: the shown language, the open session and the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub lang: Lang,
    /// The open session; None on the home screen.
    pub work: Option<Ctx<'a>>,
    pub auto_advance: bool,
    /// The footer hints of a context as the keymap has them (with the user's changes):
    /// passed in, since the keymap names every overlay's bindings.
    pub hints: fn(Context, Lang) -> Hints,
}

impl Env<'_> {
    /// A popup with the hints of `context` (see `widgets::popup`).
    pub fn popup(
        &self,
        area: Rect,
        w: u16,
        h: u16,
        title: &str,
        context: Context,
        buf: &mut Buffer,
    ) -> Rect {
        let hints = (self.hints)(context, self.lang);
        crate::tui::widgets::popup::popup(area, w, h, title, hints, buf)
    }

    /// The footer hints of `context` in the shown language.
    pub fn hints_of(&self, context: Context) -> Hints {
        (self.hints)(context, self.lang)
    }
}

/// What a component reads of the open session, for its update and its drawing.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub model: &'a LoadedModel,
    pub session: &'a Session,
    /// The session's file (exports are written beside it).
    pub path: &'a Path,
    /// The requirements in scope, in order.
    pub scope: &'a [usize],
    /// The requirement and practice at the cursor (their indices in the model's order).
    pub requirement: usize,
    pub practice: usize,
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

    /// A requirement's text in the shown language.
    pub fn requirement_text(&self, requirement: usize) -> &str {
        let rref = &self.model.index.requirements[requirement];
        let pref = &self.model.index.practices[rref.practice];
        self.model
            .model
            .requirement_of(pref, rref)
            .text
            .get(self.lang())
    }

    /// A requirement as the status line names it: its level and text.
    pub fn requirement_label(&self, requirement: usize) -> String {
        let level = self.model.index.requirements[requirement].level;
        format!("L{level} {}", self.requirement_text(requirement))
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

/// A one-line text prompt: an optional line of context, the label with the text and its
/// cursor, and the error of the last try.
pub fn prompt(
    context: Option<Line<'static>>,
    label: &str,
    input: &LineInput,
    error: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut lines: Vec<Line> = context.into_iter().collect();
    lines.push(Line::from(vec![
        Span::styled(label.to_string(), theme::get().bold),
        Span::raw(input.text.clone()),
        Span::styled("▏", theme::get().key),
    ]));
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(e.to_string(), theme::get().error)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

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
