//! The agenda panel the facilitator view shows (the editor is `overlays::agenda`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::session::{AgendaRow, clock};
use crate::tui::app::Work;
use crate::tui::overlays::agenda::{name, padded};
use crate::tui::theme;

/// The agenda for the room: planned items (or every part when nothing is planned), spent
/// against planned, the current item marked.
pub fn panel(work: &Work, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(Span::styled(
            format!(" {} ", work.lang().texts().overlays.agenda_panel),
            theme::get().title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let current = work.agenda_item().map(|(item, _, _)| item);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = shown_rows(work)
        .iter()
        .map(|r| {
            let right = match r.planned_minutes {
                Some(m) => format!("{} / {}", clock(r.spent_seconds), clock(u64::from(m) * 60)),
                None => clock(r.spent_seconds),
            };
            let over = r
                .planned_minutes
                .is_some_and(|m| r.spent_seconds > u64::from(m) * 60);
            let style = match (current.as_deref() == Some(r.key.as_str()), over) {
                (true, true) => theme::get().timebox_over,
                (true, false) => theme::get().selected,
                (false, _) => theme::get().text,
            };
            let name = name(r, work.lang()).trim_start().to_string();
            Line::from(Span::styled(padded(&name, &right, w), style))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The items the panel lists: the planned ones, or every part when nothing is planned.
fn shown_rows(work: &Work) -> Vec<AgendaRow> {
    let rows = work.session.agenda_rows(&work.model);
    let planned_any = rows.iter().any(|r| r.planned_minutes.is_some());
    rows.into_iter()
        .filter(|r| {
            if planned_any {
                r.planned_minutes.is_some()
            } else {
                r.is_part
            }
        })
        .collect()
}

/// The panel's height for its items, borders included.
pub fn height(work: &Work) -> u16 {
    u16::try_from(shown_rows(work).len() + 2).unwrap_or(u16::MAX)
}
