//! Drawing: one module per screen or panel. Every function here only reads the `App`.

pub mod agenda;
pub mod assessment;
pub mod audit;
pub mod facilitator;
pub mod findings;
pub mod home;
pub mod navigator;
pub mod new_session;
pub mod overlays;
pub mod practice;
pub mod register;
pub mod status;
pub mod summary;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::theme;

/// Below this size the workbench shows a message instead of a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf);
            return;
        }
        match self.screen {
            Screen::Home => home::render(self, area, buf),
            Screen::NewSession => new_session::render(self, area, buf),
            Screen::Assessment => assessment::render(self, area, buf),
            Screen::Summary => summary::render(self, area, buf),
        }
        for overlay in &self.overlays {
            overlays::render(self, overlay, area, buf);
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}×{}. assess needs at least {MIN_WIDTH}×{MIN_HEIGHT}; enlarge the window or reduce the font size.",
        area.width, area.height
    );
    Paragraph::new(text)
        .style(theme::WARN)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

pub use crate::tui::widgets::popup::centered;
