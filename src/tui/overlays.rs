//! Overlays as components: one file per overlay holds its state, its bindings (its keymap
//! context's data), its `update` and its drawing. `update` never touches the app: it returns
//! an [`Effect`], and `App::apply` is the one place that carries effects out (the only code
//! that edits the session and saves; a refused edit always reaches the status line, and the
//! overlay stays open to show it too).
//!
//! A component reads the core (the session, through [`Ctx`]) and the workbench's leaves
//! (bindings, widgets, theme, the catalogue), never `app`, `views` or `keymap`, so all
//! three can use it without a cycle. Adding an overlay: one file here implementing
//! [`Component`], and one line in the `overlays!` list in `app/forms.rs`.

pub mod agenda;
pub mod confirm;
pub mod decider;
pub mod export;
pub mod filter;
pub mod help;
pub mod history;
pub mod justify;
pub mod note;
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
use crate::session::{EvidenceCheck, Session};
use crate::tui::action::Action;
use crate::tui::binding::Context;
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;

pub use confirm::OnYes;

/// What every overlay is: its keymap context, what an action does to it, and how it is drawn.
pub trait Component: std::fmt::Debug {
    /// The context whose bindings apply while it is on top.
    fn context(&self) -> Context;
    /// An action while it is on top; what the app must do about it.
    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect;
    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer);
    /// A key no binding took: text for its field, if it has one.
    fn input(&mut self, _key: KeyEvent) {}
    /// Pasted text for its field; false when it has none in focus.
    fn paste(&mut self, _text: &str) -> bool {
        false
    }
    /// What came of the edit it asked for with [`Effect::Edit`] or [`Effect::EditThenClose`]
    /// (a refusal, in the shown language, is on the status line too).
    fn edited(&mut self, _result: Result<(), &str>) {}
}

/// A large overlay is kept boxed in the stack.
impl<T: Component + ?Sized> Component for Box<T> {
    fn context(&self) -> Context {
        (**self).context()
    }
    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        (**self).update(action, ctx)
    }
    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        (**self).draw(ctx, area, buf);
    }
    fn input(&mut self, key: KeyEvent) {
        (**self).input(key);
    }
    fn paste(&mut self, text: &str) -> bool {
        (**self).paste(text)
    }
    fn edited(&mut self, result: Result<(), &str>) {
        (**self).edited(result);
    }
}

/// What an overlay's `update` asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond the overlay's own state.
    None,
    /// Close this overlay.
    Close,
    /// A change of the session; the overlay stays open (and hears the outcome).
    Edit(Edit),
    /// A change of the session (or of its cursor), then close this overlay; a refusal keeps it
    /// open.
    EditThenClose(Edit),
    /// The yes of a confirmation: close it, then do what was asked.
    Confirmed(OnYes),
    /// A line for the status line.
    Message(String),
}

/// A change an overlay asks for, as a value; `App::apply` makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Who decides the following answers (a participant's name, or nobody): kept in the
    /// cursor, so resuming keeps it; not a change of the assessment.
    Decider(String),
    /// The current requirement is not applicable, for this reason.
    NotApplicable(String),
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
}

/// What an overlay reads: the shown language and the open session.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub lang: Lang,
    /// The open session; None on the home screen.
    pub work: Option<Seen<'a>>,
    pub auto_advance: bool,
    /// The footer hints of a context, and its help lines, as the keymap has them (with the
    /// user's changes): passed in, since the keymap names every overlay's bindings.
    pub hints: fn(Context, Lang) -> Vec<(String, String)>,
    pub help: fn(Context, Lang) -> Vec<(String, String)>,
}

/// The open session as overlays see it.
#[derive(Debug, Clone, Copy)]
pub struct Seen<'a> {
    pub session: &'a Session,
    pub model: &'a LoadedModel,
    pub path: &'a Path,
    /// The requirement and practice at the cursor (indices into the model's index).
    pub requirement: usize,
    pub practice: usize,
    pub checks: &'a BTreeMap<String, EvidenceCheck>,
}

impl Seen<'_> {
    pub fn lang(&self) -> Lang {
        self.session.cursor.lang
    }

    /// The full id of the requirement at the cursor.
    pub fn requirement_id(&self) -> String {
        self.model.index.requirements[self.requirement].id.clone()
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
}

impl Ctx<'_> {
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
}

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

/// One step down (or up) a list of `len` rows, staying on it.
pub fn step(value: usize, len: usize, down: bool) -> usize {
    if len == 0 {
        0
    } else if down {
        (value + 1).min(len - 1)
    } else {
        value.saturating_sub(1)
    }
}
