//! Overlays as components: one file per overlay holds its state, its bindings (its keymap
//! context's data), its `update` and its drawing. `update` never touches the app: it returns
//! an [`Effect`], and `App::apply` is the one place that carries effects out (the only code
//! that edits the session and saves; a refused edit always reaches the status line).
//!
//! A component reads the core (the session) and the workbench's leaves (keymap, widgets,
//! theme, the catalogue), never `app` or `views`, so both can use it without a cycle.
//! Adding an overlay: one file here, one variant in `app::Overlay`, one arm in
//! `app::Overlay::context`, the drawing arm in `views::overlays::render`.

pub mod conflicts;
pub mod decider;

/// What an overlay's `update` asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond the overlay's own state.
    None,
    /// Close this overlay.
    Close,
    /// A change of the session (or of its cursor); this overlay stays open.
    Edit(Edit),
    /// A change of the session (or of its cursor), then close this overlay.
    EditThenClose(Edit),
    /// A line for the status line.
    Message(String),
}

/// A change an overlay asks for, as a value; `App::apply` makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Who decides the following answers (a participant's name, or nobody): kept in the
    /// cursor, so resuming keeps it; not a change of the assessment.
    Decider(String),
    /// Resolve a merge conflict (a logged core call); its requirement becomes the current one.
    Resolve {
        id: String,
        how: conflicts::Resolution,
    },
}
