//! The overlays drawn over the screen, bottom to top: each component draws itself
//! (`overlays::*`); the conflicts queue is drawn here until it is one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{self, Context};

/// A popup whose key hints are its context's, in `lang` (see `widgets::popup`).
pub(super) fn popup(
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    context: Context,
    lang: crate::lang::Lang,
    buf: &mut Buffer,
) -> Rect {
    let hints = keymap::hints_in(context, lang);
    crate::tui::widgets::popup::popup(area, w, h, title, hints, buf)
}

pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    if let Some(component) = overlay.component() {
        component.draw(&app.ctx(), area, buf);
    } else if let Overlay::Conflicts { selected } = overlay {
        super::conflicts::queue(app, *selected, area, buf);
    }
}
