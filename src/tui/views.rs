//! Drawing: one module per screen or panel. Every function here only reads the `App`.

pub mod agenda;
pub mod assessment;
pub mod facilitator;
pub mod home;
pub mod navigator;
pub mod new_session;
pub mod overlays;
pub mod practice;
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
            too_small(self.lang(), area, buf);
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

fn too_small(lang: crate::lang::Lang, area: Rect, buf: &mut Buffer) {
    let text = crate::i18n::fill(
        lang.texts().messages.too_small,
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("min_w", &MIN_WIDTH.to_string()),
            ("min_h", &MIN_HEIGHT.to_string()),
        ],
    );
    if text.chars().all(|c| c.len_utf8() == 1) {
        Paragraph::new(text)
            .style(theme::get().warn)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    // Wide (Chinese) text is laid out here, by display width: the paragraph's centring
    // writes past a buffer only a character or two wide.
    let width = usize::from(area.width);
    let lines = crate::tui::widgets::wrap::wrap(&text, width);
    for (y, line) in (area.y..area.bottom()).zip(&lines) {
        let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(line.as_str())) / 2;
        let x = area.x + u16::try_from(pad).unwrap_or(0);
        buf.set_stringn(x, y, line, width - pad, theme::get().warn);
    }
}

pub use crate::tui::widgets::popup::centered;
