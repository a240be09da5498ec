//! Clearing a box for a popup in whole terminal cells. A double-width (Chinese) character that
//! starts just left of the box has its right half under the box's first column; left alone,
//! the terminal draws the character over the popup's border. Such a character is blanked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Clears `r` and blanks any wide character cut by its left edge.
pub fn clear_whole_cells(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x <= buf.area.x {
        return;
    }
    for y in r.top()..r.bottom() {
        if let Some(cell) = buf.cell_mut((r.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_cut_by_the_left_edge_is_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "中文字", ratatui::style::Style::default());
        buf.set_string(0, 1, "中文字", ratatui::style::Style::default());
        // The box starts at column 3: the right half of 文 (columns 2–3).
        clear_whole_cells(Rect::new(3, 0, 3, 1), &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "中");
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(2, 1)].symbol(), "文", "rows outside the box stay");
    }
}
