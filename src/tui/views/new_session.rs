//! The new-session form: title, organisation, scope, parts in scope and target level, with
//! defaults that let Enter start an assessment at once.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::centered;
use super::status::render_hints;
use crate::tui::app::{App, Field};
use crate::tui::keymap::Context;
use crate::tui::theme;

fn label(text: &str, focused: bool) -> Span<'static> {
    let style = if focused { theme::KEY } else { theme::BOLD };
    Span::styled(format!("{text:>13}: "), style)
}

fn value(text: &str, focused: bool) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw(text.to_string())];
    if focused {
        spans.push(Span::styled("▏", theme::KEY));
    }
    spans
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let form = &app.form;
    let box_area = centered(area, 90, 21);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::BORDER_FOCUS)
        .title(Span::styled(" New assessment ", theme::TITLE));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let focus = form.field();
    let mut lines = vec![
        Line::from(Span::styled(
            "Model: CAICT DevOps Capability Maturity Model (bundled)",
            theme::MUTED,
        )),
        Line::default(),
    ];
    for (field, name, input) in [
        (Field::Title, "Title", &form.title),
        (Field::Organisation, "Organisation", &form.organisation),
        (Field::Scope, "Scope", &form.scope),
    ] {
        let mut spans = vec![label(name, focus == field)];
        spans.extend(value(&input.text, focus == field));
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(label("Parts", focus == Field::Parts)));
    for (i, (_, en, zh, on)) in form.parts.iter().enumerate() {
        let mark = if *on { "[x]" } else { "[ ]" };
        let text = format!("               {mark} {en} / {zh}");
        let style = if focus == Field::Parts && i == form.part_cursor {
            theme::SELECTED
        } else {
            theme::TEXT
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let mut target = vec![label("Target level", focus == Field::Target)];
    target.push(Span::raw(format!("◀ L{} ▶", form.target)));
    lines.push(Line::from(target));
    let mut baseline = vec![label("Baseline", focus == Field::Baseline)];
    if form.baseline.text.is_empty() && focus != Field::Baseline {
        baseline.push(Span::styled(
            "(optional) an earlier session to compare with",
            theme::MUTED,
        ));
    } else {
        baseline.extend(value(&form.baseline.text, focus == Field::Baseline));
    }
    lines.push(Line::from(baseline));
    lines.push(Line::default());
    if let Some(err) = &form.error {
        lines.push(Line::from(Span::styled(err.clone(), theme::ERROR)));
    } else {
        lines.push(Line::from(Span::styled(
            "Enter starts the assessment. Space toggles a part; ↑/↓ move, ←/→ choose.",
            theme::MUTED,
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
    let hints = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    render_hints(Context::NewSession, hints, buf);
}
