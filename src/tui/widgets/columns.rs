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

/// As many `items` as fit in `width` columns, space-separated, then "+N" for the rest.
pub fn fit_items(items: &[String], width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let joined = items.join(" ");
    if joined.width() <= width {
        return joined;
    }
    let mut out = String::new();
    for (shown, item) in items.iter().enumerate() {
        let rest = format!("+{}", items.len() - shown);
        let sep = usize::from(!out.is_empty());
        let candidate_w = out.width() + sep + item.width();
        // Room for this item and, after it, the "+N" of those still hidden.
        let more = format!(" +{}", items.len() - shown - 1);
        if candidate_w + more.width() > width {
            if out.is_empty() {
                return super::wrap::truncate(&rest, width);
            }
            return format!("{out} {rest}");
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(item);
    }
    out
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
    fn fits_what_it_can_then_counts_the_rest() {
        let levels: Vec<String> = ["agile L0", "cd L1", "ops L2", "sec L0"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(fit_items(&levels, 40), "agile L0 cd L1 ops L2 sec L0");
        assert_eq!(fit_items(&levels, 17), "agile L0 cd L1 +2");
        assert_eq!(fit_items(&levels, 12), "agile L0 +3");
        assert_eq!(fit_items(&levels, 3), "+4");
        assert_eq!(fit_items(&levels, 1), "…");
    }
}
