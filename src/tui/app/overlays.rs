//! Typed text, pasted text and actions for the overlay on top, through its `Component`
//! (see `apply.rs`).

use crossterm::event::KeyEvent;

use super::{App, Overlay};
use crate::tui::action::Action;

/// Typed text for the overlay on top.
pub(super) fn text_input(overlay: &mut Overlay, key: KeyEvent) {
    if let Some(component) = overlay.component_mut() {
        component.input(key);
    }
}

/// Pasted text into an overlay's text field; returns false when the overlay has none in focus.
pub(super) fn paste(overlay: &mut Overlay, text: &str) -> bool {
    overlay
        .component_mut()
        .is_some_and(|component| component.paste(text))
}

impl App {
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Action> {
        // A key acts on the hits of the query as typed, even if the loop has not ranked yet.
        if let Some(p) = self.overlays.last_mut().and_then(Overlay::ranking)
            && p.stale
        {
            p.rerank();
        }
        self.update_component(action);
        None
    }
}
