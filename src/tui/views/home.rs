//! The home screen: sessions newest first with progress and levels; typing filters.

use crate::i18n::fill;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};
use unicode_width::UnicodeWidthStr;

use super::status::render_hints;
use crate::tui::app::{App, HomeRow};
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::columns::{column_widths, fit_levels};
use crate::tui::widgets::wrap::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // A message (why a session cannot be opened names the file, line and column) may need a
    // few lines to be read whole.
    let message_h = match &app.message {
        Some(m) => {
            let width = usize::from(area.width.max(1));
            let lines: usize = m.lines().map(|l| l.width().div_ceil(width).max(1)).sum();
            u16::try_from(lines.clamp(1, 4)).unwrap_or(4)
        }
        None => 1,
    };
    let [title, filter, list, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(message_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let lang = app.lang();
    let t = lang.texts().home;
    let dir = app.dir.display().to_string();
    Paragraph::new(Line::from(vec![
        Span::styled(" assess ", theme::get().title),
        Span::styled(fill(t.sessions_in, &[("dir", &dir)]), theme::get().muted),
    ]))
    .render(title, buf);
    let f = &app.home.filter.text;
    let filter_line = if f.is_empty() {
        Line::from(Span::styled(t.type_to_filter, theme::get().muted))
    } else {
        Line::from(vec![
            Span::styled(t.filter, theme::get().bold),
            Span::raw(f.clone()),
            Span::styled("▏", theme::get().key),
        ])
    };
    Paragraph::new(filter_line).render(filter, buf);
    // The model column only where there is room for it.
    let wide = area.width >= 110;
    let [title_h, org_h, model_h, answered_h, levels_h, changed_h] = t.columns;
    let mut header = vec![title_h, org_h, answered_h, levels_h, changed_h];
    let mut widths = vec![
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(9),
        Constraint::Fill(1),
        Constraint::Length(16),
    ];
    if wide {
        header.insert(2, model_h);
        widths.insert(2, Constraint::Length(13));
    }
    let cols = column_widths(list.width, &widths);
    let (title_w, org_w, levels_w) = (cols[0], cols[1], cols[if wide { 4 } else { 3 }]);
    let rows: Vec<Row> = app
        .home
        .visible
        .iter()
        .map(|&i| {
            let r = &app.home.rows[i];
            if r.error.is_some() {
                // Unreadable (permission denied) is never called damaged.
                let text = lang.texts().trust;
                let state = if r.unreadable {
                    text.unreadable
                } else {
                    text.damaged
                };
                return Row::new(vec![
                    Cell::from(Span::styled(
                        fill(t.cannot_open, &[("name", &r.name), ("state", state)]),
                        theme::get().warn,
                    )),
                    Cell::from(Span::styled(t.enter_says_why, theme::get().warn)),
                ]);
            }

            let levels: Vec<(&str, u8)> =
                r.parts.iter().map(|p| (p.id.as_str(), p.level)).collect();
            let mut cells = vec![
                Cell::from(title_cell(app, r, title_w)),
                Cell::from(truncate(&r.organisation, org_w)),
                Cell::from(format!("{}/{}", r.answered, r.total)),
                Cell::from(fit_levels(&levels, levels_w)),
                Cell::from(r.updated.get(..16).unwrap_or(&r.updated).replace('T', " ")),
            ];
            if wide {
                cells.insert(2, Cell::from(r.model.clone()));
            }
            Row::new(cells)
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme::get().bold))
        .row_highlight_style(theme::get().selected)
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(theme::get().border),
        );
    let mut state = TableState::default().with_selected(Some(app.home.selected));
    StatefulWidget::render(table, list, buf, &mut state);
    if let Some(m) = &app.message {
        Paragraph::new(ratatui::text::Text::styled(m.clone(), theme::get().warn))
            .wrap(Wrap { trim: false })
            .render(message, buf);
    } else if app.home.visible.is_empty() {
        Paragraph::new(Span::styled(t.no_match, theme::get().muted)).render(message, buf);
    }
    render_hints(Context::Home, lang, hints, buf);
}

/// The title, cut to `width`; when another session has the same title, its file name follows,
/// dimmed, so the two can be told apart.
fn title_cell(app: &App, row: &HomeRow, width: usize) -> Line<'static> {
    let same = app
        .home
        .rows
        .iter()
        .filter(|r| r.title == row.title)
        .count();
    if same < 2 {
        return Line::from(truncate(&row.title, width));
    }
    // The file name is what tells them apart: keep it whole when there is room for it, else
    // its end (`trading-platform` and `trading-platform-2` differ at the end).
    let title_w = width.saturating_sub(row.name.width() + 3).max(width.min(8));
    let title = truncate(&row.title, title_w);
    let name_w = width.saturating_sub(title.width() + 3);
    let name = format!(" · {}", truncate_start(&row.name, name_w));
    Line::from(vec![
        Span::raw(title),
        Span::styled(name, theme::get().muted),
    ])
}

/// The end of `text` in at most `width` columns, "…" in front when cut.
fn truncate_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}
