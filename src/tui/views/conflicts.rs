//! The conflicts queue: the list of what a merge left, and for the selected one the
//! requirement's text and base / ours / theirs side by side with who, when, note and evidence.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::overlays::popup;
use crate::session::{ConflictSide, ConflictValue, answer_text};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

pub fn queue(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let lang = work.lang();
    let t = lang.texts().teams;
    let conflicts = &work.session.conflicts;
    let title = format!("{} · {}", t.conflicts_title, conflicts.len());
    let w = area.width.saturating_sub(4).max(40);
    // The status line (and its conflicts banner) stays in view below.
    let h = area.height.saturating_sub(4).max(10);
    let inner = popup(area, w, h, &title, Context::Conflicts, lang, buf);
    let list_h = u16::try_from(conflicts.len()).unwrap_or(u16::MAX).min(5);
    let [list, text, sides] = Layout::vertical([
        Constraint::Length(list_h),
        Constraint::Length(2),
        Constraint::Min(3),
    ])
    .areas(inner);
    // The list scrolls so the selected conflict is always in view.
    let first = selected.saturating_sub(usize::from(list_h).saturating_sub(1));
    let rows: Vec<Line> = conflicts
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_h))
        .map(|(i, (id, c))| {
            let style = if i == selected {
                theme::get().selected
            } else {
                theme::get().text
            };
            let row = format!(" {id}  {}  ({}) ", c.target, c.fields.join(", "));
            Line::from(Span::styled(truncate(&row, usize::from(list.width)), style))
        })
        .collect();
    Paragraph::new(rows).render(list, buf);
    let Some((_, conflict)) = conflicts.iter().nth(selected) else {
        return;
    };
    let requirement = work.model.index.requirement(&conflict.target).map(|r| {
        let rref = &work.model.index.requirements[r];
        let pref = &work.model.index.practices[rref.practice];
        work.model
            .model
            .requirement_of(pref, rref)
            .text
            .get(lang)
            .to_string()
    });
    Paragraph::new(Span::styled(
        requirement.unwrap_or_default(),
        theme::get().muted,
    ))
    .wrap(Wrap { trim: true })
    .render(text, buf);
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(sides);
    for ((side, name), rect) in [&conflict.base, &conflict.ours, &conflict.theirs]
        .into_iter()
        .zip(t.sides)
        .zip(columns.iter())
    {
        side_column(side, name, &conflict.fields, lang, *rect, buf);
    }
}

/// One side: who and when, then its value (conflicting fields marked ≠).
fn side_column(
    side: &ConflictSide,
    name: &str,
    fields: &[String],
    lang: crate::lang::Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = lang.texts().teams;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(Span::styled(format!(" {name} "), theme::get().title));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![Line::from(Span::styled(
        format!("{} {}", side.by, side.at),
        theme::get().muted,
    ))];
    let values: Vec<(String, String)> = match &side.value {
        ConflictValue::Answer(Some(a)) => answer_text(a, lang)
            .into_iter()
            .filter(|(f, v)| !v.is_empty() || fields.iter().any(|x| x == f))
            .map(|(f, v)| (f.to_string(), v))
            .collect(),
        ConflictValue::Answer(None) => vec![(String::new(), t.no_answer.to_string())],
        ConflictValue::Evidence(None) | ConflictValue::Finding(None) => {
            vec![(String::new(), t.removed.to_string())]
        }
        other => vec![(fields.join(", "), other.describe(fields, lang))],
    };
    for (field, value) in values {
        let mark = if fields.contains(&field) {
            "≠ "
        } else {
            "  "
        };
        let style = if fields.contains(&field) {
            theme::get().warn
        } else {
            theme::get().text
        };
        let text = if field.is_empty() {
            format!("{mark}{value}")
        } else {
            format!("{mark}{field}: {value}")
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
