//! A text with the characters a fuzzy query matched highlighted (the palette, the register's
//! search), cut to a width with an ellipsis.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The spans of `text` cut to `width`, the characters at `indices` highlighted.
pub fn highlighted(text: &str, indices: &[usize], width: usize, base: Style) -> Vec<Span<'static>> {
    let text = truncate(&text.replace('\n', " "), width);
    // One span per run of matched or unmatched characters (a span per character made a
    // palette of long notes slow to draw).
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let matched = indices.contains(&i);
        if matched != run_matched && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_matched, base));
        }
        run_matched = matched;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_matched, base));
    }
    spans
}

fn styled_run(text: String, matched: bool, base: Style) -> Span<'static> {
    let style = if matched {
        base.patch(theme::get().matched)
    } else {
        base
    };
    Span::styled(text, style)
}
