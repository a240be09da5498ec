//! The facilitator view (`v`), for a projector: the practice's name and the current
//! requirement large and uncluttered, the level ladder, the radar and the agenda; no
//! navigator, no guidance, one status row. The answer keys work as on the assessment screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{agenda, assessment, practice, status};
use crate::tui::app::{App, Work};
use crate::tui::theme;
use crate::tui::widgets::wrap::wrap;

/// Where each part goes at a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout3 {
    pub heading: Rect,
    pub ladder: Rect,
    pub radar: Option<Rect>,
    pub agenda: Option<Rect>,
    pub status: Rect,
}

/// The heading gets what its text needs (up to two fifths), the ladder the rest; the radar and
/// agenda take a right column on wide screens only.
/// `status_h` is the status line's height (one row, more while a long message shows).
pub fn layout(work: &Work, area: Rect, status_h: u16) -> Layout3 {
    let [body, status] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(status_h)]).areas(area);
    // Generous margins on large screens, none to spare on small ones.
    let mx = (body.width / 16).min(8);
    let my = u16::from(body.height >= 30) * 2;
    let body = Rect::new(
        body.x + mx,
        body.y + my,
        body.width.saturating_sub(2 * mx),
        body.height.saturating_sub(2 * my),
    );
    let wanted =
        u16::try_from(heading_lines(work, usize::from(body.width)).len()).unwrap_or(u16::MAX);
    let heading_h = wanted.min(body.height * 2 / 5).max(1);
    let [heading, rest] =
        Layout::vertical([Constraint::Length(heading_h), Constraint::Min(0)]).areas(body);
    if rest.width >= 110 && rest.height >= 12 {
        let side = (rest.width * 2 / 5).clamp(44, 90);
        let [ladder, right] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(side)]).areas(rest);
        let radar_h = (right.height * 3 / 5).max(10).min(right.height);
        let [radar, agenda] =
            Layout::vertical([Constraint::Length(radar_h), Constraint::Min(0)]).areas(right);
        Layout3 {
            heading,
            ladder,
            radar: Some(radar),
            agenda: (agenda.height >= 3).then_some(agenda),
            status,
        }
    } else {
        Layout3 {
            heading,
            ladder: rest,
            radar: None,
            agenda: None,
            status,
        }
    }
}

/// The practice's name, a blank line, then the current requirement with its level and answer.
fn heading_lines(work: &Work, width: usize) -> Vec<Line<'static>> {
    let pref = &work.model.index.practices[work.practice];
    let rref = &work.model.index.requirements[work.requirement];
    let lang = work.lang();
    let name = work.model.model.practice_of(pref).name.get(lang);
    let text = work.model.model.requirement_of(pref, rref).text.get(lang);
    let (glyph, glyph_style) = theme::status(work.status(work.requirement));
    let mut lines: Vec<Line> = wrap(name, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::PROJECTED_TITLE)))
        .collect();
    lines.push(Line::default());
    let lead = format!("L{} ", rref.level);
    let body = wrap(text, width.saturating_sub(lead.len() + 2));
    for (i, l) in body.into_iter().enumerate() {
        let mut spans = if i == 0 {
            vec![
                Span::styled(glyph, glyph_style),
                Span::raw(" "),
                Span::styled(lead.clone(), theme::PROJECTED_TITLE),
            ]
        } else {
            vec![Span::raw(" ".repeat(lead.len() + 2))]
        };
        spans.push(Span::styled(l, theme::PROJECTED));
        lines.push(Line::from(spans));
    }
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    // One status row: the room reads the practice, not the key hints.
    let l = layout(work, area, status::height(app, area.width) - 1);
    Paragraph::new(heading_lines(work, usize::from(l.heading.width))).render(l.heading, buf);
    if l.ladder.height >= 3 {
        practice::render(work, l.ladder, buf);
    }
    if let Some(radar) = l.radar {
        assessment::render_radar(work, radar, buf);
    }
    if let Some(area) = l.agenda {
        agenda::panel(work, area, buf);
    }
    status::render(app, l.status, buf);
}
