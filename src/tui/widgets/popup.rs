//! The popup frame every overlay draws in: a centred box cleared in whole cells, a border, a
//! title and the overlay's key hints (from the keymap, in the workbench's language).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::theme;

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The box `r` widened over a single column left beside it in `area`: that column would show
/// a cut piece of the screen behind, a stray letter by the border (a box nearly as wide as the
/// screen, as the findings view at 60 columns).
fn with_thin_margins(area: Rect, r: Rect) -> Rect {
    let left = u16::from(r.x.saturating_sub(area.x) == 1);
    let right = u16::from(area.right().saturating_sub(r.right()) == 1);
    Rect {
        x: r.x - left,
        width: r.width + left + right,
        ..r
    }
}

/// Key hints as styled spans: `key desc  key desc`.
pub fn hint_spans(hints: Vec<(String, String)>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (key, desc)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, theme::get().key));
        spans.push(Span::raw(format!(" {desc}")));
    }
    spans
}

/// Clears a centred box in whole cells, with a border, a title and key hints (from the
/// keymap, in the workbench's language); returns the inside.
pub fn popup(
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    hints: Vec<(String, String)>,
    buf: &mut Buffer,
) -> Rect {
    let r = centered(area, w, h);
    super::clear::clear_whole_cells(with_thin_margins(area, r), buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border_focus)
        .title(Span::styled(format!(" {title} "), theme::get().title))
        .title_bottom(Line::from(hint_spans(hints)));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}
