//! The review filter picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::overlays::popup;
use crate::tui::app::{App, FilterPicker};
use crate::tui::keymap::Context;
use crate::tui::theme;

pub fn filter_picker(app: &App, picker: &FilterPicker, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let h = u16::try_from(picker.counts.len() + 4).unwrap_or(u16::MAX);
    let title = lang.texts().workbench.register.filter_title;
    let inner = popup(area, 56, h, title, Context::Filter, lang, buf);
    let none = lang.texts().workbench.register.no_filter;
    let mut rows = vec![(none.to_string(), None)];
    rows.extend(
        picker
            .counts
            .iter()
            .map(|(f, n)| (lang.texts().terms.filter(*f).to_string(), Some(*n))),
    );
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, count))| {
            let count = count.map_or(String::new(), |n| n.to_string());
            let pad = width.saturating_sub(label.width() + count.width() + 2);
            let text = format!(" {label}{}{count} ", " ".repeat(pad));
            let style = if i == picker.selected {
                theme::get().selected
            } else {
                theme::get().text
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
