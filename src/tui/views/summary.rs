//! The summary screen: a full-screen radar over the parts in scope (or, with a part focused,
//! over its domains) and a table of level, score, target, gap and progress.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, Widget};

use super::status;
use crate::summary::{ResultRow, summarize_with};
use crate::tui::app::{App, Work};
use crate::tui::theme;
use crate::tui::widgets::columns::column_widths;
use crate::tui::widgets::radar::{Radar, legend_of};
use crate::tui::widgets::wrap::truncate;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let status_h = status::height(app, area.width);
    let [body, status_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(status_h)]).areas(area);
    let (chart, table) = if body.width >= 110 {
        let [a, b] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(body);
        (a, b)
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
        (a, b)
    };
    render_chart(work, chart, buf);
    render_table(work, table, buf);
    status::render(app, status_area, buf);
}

fn render_chart(work: &Work, area: Rect, buf: &mut Buffer) {
    let summary = summarize_with(&work.model, &work.session, &work.card, work.lang().code());
    let w = work.lang().texts().workbench;
    // One part in scope: a radar of one axis says nothing, so show its domains.
    let focus = match (work.summary_focus, summary.parts.len()) {
        (None, 1) => summary.parts.first(),
        (focus, _) => focus.and_then(|i| summary.parts.get(i)),
    };
    let (title, mut axes) = match focus {
        Some(part) => (
            format!(" {} — {} ", part.row.name, w.domains),
            crate::summary::radar_axes(&part.domains),
        ),
        None => (
            format!(" {} ", w.all_parts),
            crate::summary::radar_axes(summary.parts.iter().map(|p| &p.row)),
        ),
    };
    // The session's baseline (an earlier assessment) as the radar's third shape.
    work.apply_baseline(&mut axes);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(Span::styled(title, theme::get().title))
        .title_bottom(Line::from({
            let mut spans = legend_of(work.lang(), &axes);
            spans.push(Span::styled(
                format!(" {} ", w.next_part),
                theme::get().muted,
            ));
            spans
        }));
    let inner = block.inner(area);
    block.render(area, buf);
    (&Radar { axes }).render(inner, buf);
}

/// A table row's cells, the name cut with an ellipsis to `name_w` columns.
fn cells(row: &ResultRow, indent: &str, name_w: usize) -> Vec<Cell<'static>> {
    vec![
        Cell::from(truncate(&format!("{indent}{}", row.name), name_w)),
        Cell::from(format!("L{}", row.level)),
        Cell::from(format!("{:.2}", row.score)),
        Cell::from(row.target.map_or("-".to_string(), |t| format!("L{t}"))),
        Cell::from(if row.gap > 0 {
            format!("{}", row.gap)
        } else {
            "-".to_string()
        }),
        Cell::from(format!("{}/{}", row.answered, row.total)),
    ]
}

/// The table's columns: name, level, score, target, gap, progress.
const COLUMNS: [Constraint; 6] = [
    Constraint::Min(16),
    Constraint::Length(5),
    Constraint::Length(5),
    Constraint::Length(6),
    Constraint::Length(3),
    Constraint::Length(9),
];

fn render_table(work: &Work, area: Rect, buf: &mut Buffer) {
    // Inside the border.
    let name_w = column_widths(area.width.saturating_sub(2), &COLUMNS)[0];
    let summary = summarize_with(&work.model, &work.session, &work.card, work.lang().code());
    // When every row does not fit (six parts on 80×24), show what the radar shows: the parts,
    // or the focused part with its domains, rather than cutting the table off.
    let room = usize::from(area.height.saturating_sub(3));
    let all = summary.parts.len() + summary.parts.iter().map(|p| p.domains.len()).sum::<usize>();
    let fits = all <= room;
    let mut rows = Vec::new();
    for (i, part) in summary.parts.iter().enumerate() {
        let focused = work.summary_focus == Some(i);
        if !fits && work.summary_focus.is_some() && !focused {
            continue;
        }
        let style = if focused {
            theme::get().selected
        } else {
            theme::level(part.row.level, part.row.target)
        };
        rows.push(Row::new(cells(&part.row, "", name_w)).style(style));
        if fits || focused || summary.parts.len() == 1 {
            for domain in &part.domains {
                rows.push(Row::new(cells(domain, "  ", name_w)));
            }
        }
    }
    let w = work.lang().texts().workbench;
    let header =
        Row::new(["", w.level, w.score, w.target_col, w.gap, w.progress]).style(theme::get().bold);
    let title = format!(
        " {} · {}/{} {} ",
        summary.title, summary.answered, summary.total, w.answered
    );
    Table::new(rows, COLUMNS)
        .header(header)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme::get().border)
                .title(Span::styled(title, theme::get().title)),
        )
        .render(area, buf);
}
