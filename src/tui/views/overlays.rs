//! The overlays drawn over the screen, bottom to top: each component draws itself
//! (`overlays::*`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{App, Overlay};

pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    if let Some(component) = overlay.component() {
        component.draw(&app.ctx(), area, buf);
    }
}
