//! Table column widths known before drawing, so cells can be cut with an ellipsis rather
//! than clipped mid-word by the table.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// The widths a ratatui `Table` (default flex and column spacing, no highlight symbol) gives
/// its columns in `width` columns.
pub fn column_widths(width: u16, constraints: &[Constraint]) -> Vec<usize> {
    Layout::horizontal(constraints.iter().copied())
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// Levels per part in `width` columns: `cd L2 to L1 …` when it fits, else `cd2 to1 …`, else
/// the range over the parts with their count (`L1–3 ×6`), else the range alone — never a bare
/// "+6" that says nothing of the levels.
pub fn fit_levels(parts: &[(&str, u8)], width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let long: Vec<String> = parts.iter().map(|(id, l)| format!("{id} L{l}")).collect();
    let short: Vec<String> = parts.iter().map(|(id, l)| format!("{id}{l}")).collect();
    for joined in [long.join(" "), short.join(" ")] {
        if joined.width() <= width {
            return joined;
        }
    }
    let min = parts.iter().map(|(_, l)| *l).min().unwrap_or(0);
    let max = parts.iter().map(|(_, l)| *l).max().unwrap_or(0);
    let range = if min == max {
        format!("L{min}")
    } else {
        format!("L{min}–{max}")
    };
    let counted = format!("{range} ×{}", parts.len());
    if counted.width() <= width {
        counted
    } else {
        super::wrap::truncate(&range, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_match_the_table_layout() {
        let w = column_widths(20, &[Constraint::Fill(1), Constraint::Length(5)]);
        assert_eq!(w, vec![14, 5]);
    }

    #[test]
    fn levels_shorten_to_a_range_never_to_a_bare_count() {
        let parts = [("agile", 0), ("cd", 1), ("ops", 2), ("sec", 0)];
        let cases = [
            (40, "agile L0 cd L1 ops L2 sec L0"),
            (20, "agile0 cd1 ops2 sec0"),
            (8, "L0–2 ×4"),
            (4, "L0–2"),
            (3, "L0…"),
        ];
        for (width, want) in cases {
            assert_eq!(fit_levels(&parts, width), want, "at {width}");
        }
        assert_eq!(fit_levels(&[("cd", 2), ("to", 2)], 5), "L2 ×2");
    }
}
