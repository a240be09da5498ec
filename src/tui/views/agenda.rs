//! The agenda: the editor popup (`A`) and the panel the facilitator view shows.

use crate::i18n::fill;
use crate::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::overlays::popup;
use crate::session::{AgendaRow, clock};
use crate::tui::app::{AgendaEditor, App, MINUTES_STEP, Work};
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

fn name(row: &AgendaRow, lang: Lang) -> String {
    let name = match lang {
        Lang::Zh => &row.name_zh,
        Lang::En => &row.name_en,
    };
    if row.is_part {
        name.clone()
    } else {
        format!("  {name}")
    }
}

/// `name ……… right`, the name cut to fit.
fn padded(left: &str, right: &str, width: usize) -> String {
    let left = truncate(left, width.saturating_sub(right.width() + 1));
    let pad = width.saturating_sub(left.width() + right.width());
    format!("{left}{}{right}", " ".repeat(pad))
}

pub fn editor(app: &App, editor: &AgendaEditor, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let h = u16::try_from(editor.rows.len() + 5).unwrap_or(u16::MAX);
    let t = lang.texts().overlays;
    let title = fill(t.agenda_title, &[("step", &MINUTES_STEP.to_string())]);
    let inner = popup(area, 76, h, &title, Context::Agenda, lang, buf);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::from(Span::styled(
        padded(t.agenda_left, t.agenda_right, w),
        theme::get().bold,
    ))];
    let height = usize::from(inner.height).saturating_sub(2);
    let top = editor.selected.saturating_sub(height.saturating_sub(1));
    for (i, (row, minutes)) in editor
        .rows
        .iter()
        .zip(&editor.minutes)
        .enumerate()
        .skip(top)
        .take(height)
    {
        let planned = if *minutes == 0 {
            "–".to_string()
        } else {
            fill(t.minutes, &[("n", &minutes.to_string())])
        };
        // Live: the clock keeps running while the editor is open.
        let spent = app
            .work
            .as_ref()
            .map_or(row.spent_seconds, |w| w.session.agenda.spent(&row.key));
        let pad = 7usize.saturating_sub(planned.width());
        let right = format!("{:pad$}{planned}  {:>6}", "", clock(spent));
        let style = match (i == editor.selected, row.is_part) {
            (true, _) => theme::get().selected,
            (false, true) => theme::get().bold,
            (false, false) => theme::get().text,
        };
        lines.push(Line::from(Span::styled(
            padded(&name(row, lang), &right, w),
            style,
        )));
    }
    if let Some(error) = &editor.error {
        lines.push(Line::from(Span::styled(error.clone(), theme::get().error)));
    }
    Paragraph::new(lines).render(inner, buf);
}

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
    let rows = work.session.agenda_rows(&work.model);
    let planned_any = rows.iter().any(|r| r.planned_minutes.is_some());
    let current = work.agenda_item().map(|(item, _, _)| item);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .iter()
        .filter(|r| {
            if planned_any {
                r.planned_minutes.is_some()
            } else {
                r.is_part
            }
        })
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
