//! One row of a form: the field's name right-aligned, its value, and the caret when focused.

use ratatui::text::{Line, Span};

use crate::tui::theme;

pub fn field(name: &str, value: String, focused: bool) -> Line<'static> {
    let style = if focused {
        theme::get().key
    } else {
        theme::get().bold
    };
    let mut spans = vec![
        Span::styled(format!("{name:>9}: "), style),
        Span::raw(value),
    ];
    if focused {
        spans.push(Span::styled("▏", theme::get().key));
    }
    Line::from(spans)
}
