//! What actions and typed text do in the overlays that are not yet components (the others
//! answer through `overlays::Component`, see `apply.rs`).

use crossterm::event::KeyEvent;

use super::{App, Overlay};
use crate::tui::action::Action;

pub(super) use crate::tui::overlays::step;

/// Typed text for the overlay on top.
pub(super) fn text_input(overlay: &mut Overlay, key: KeyEvent) {
    if let Some(component) = overlay.component_mut() {
        component.input(key);
        return;
    }
    match overlay {
        Overlay::Palette(p) | Overlay::EvidenceSearch(p) => {
            p.query.input(key);
        }
        Overlay::EvidenceForm(form) => {
            match form.field {
                0 => form.title.input(key),
                2 => form.location.input(key),
                _ => false,
            };
            form.error = None;
        }
        Overlay::FindingForm(form) => form.input(key),
        _ => {}
    }
}

/// Pasted text into an overlay's text field; returns false when the overlay has none in focus.
pub(super) fn paste(overlay: &mut Overlay, text: &str) -> bool {
    if let Some(component) = overlay.component_mut() {
        return component.paste(text);
    }
    match overlay {
        Overlay::Palette(p) | Overlay::EvidenceSearch(p) => p.query.paste(text),
        Overlay::EvidenceForm(form) => {
            match form.field {
                0 => form.title.paste(text),
                2 => form.location.paste(text),
                _ => return false,
            }
            form.error = None;
        }
        Overlay::FindingForm(form) => return form.paste(text),
        _ => return false,
    }
    true
}

impl App {
    pub(super) fn update_overlay(&mut self, action: Action) -> Option<Action> {
        // A key acts on the hits of the query as typed, even if the loop has not ranked yet.
        if let Some(Overlay::Palette(p) | Overlay::EvidenceSearch(p)) = self.overlays.last_mut()
            && p.stale
        {
            p.rerank();
        }
        if self.update_component(action) {
            return None;
        }
        let top = self.overlays.last_mut()?;
        match top {
            Overlay::Palette(p) => match action {
                Action::Down => p.selected = step(p.selected, p.hits.len(), true),
                Action::Up => p.selected = step(p.selected, p.hits.len(), false),
                Action::Confirm => {
                    let target = p.hits.get(p.selected).map(|h| p.items[h.item].target);
                    self.overlays.pop();
                    if let (Some(target), Some(work)) = (target, &mut self.work) {
                        work.jump(target);
                        self.screen = super::Screen::Assessment;
                        work.session.cursor.screen = "assessment".to_string();
                    }
                }
                _ => {
                    self.overlays.pop();
                }
            },
            Overlay::Evidence(_) => self.update_evidence_picker(action),
            Overlay::Findings(_) => self.update_findings_list(action),
            Overlay::FindingForm(_) => self.update_finding_form(action),
            Overlay::EvidenceForm(_) => self.update_evidence_form(action),
            Overlay::EvidenceSearch(_) => self.update_evidence_search(action),
            Overlay::Conflicts { .. } => self.update_conflicts(action),
            // Components answered in `update_component` above.
            _ => {}
        }
        None
    }
}
