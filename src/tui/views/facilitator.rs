//! The facilitator view (`v`), for a projector: the practice's name and the current
//! requirement large and uncluttered, the level ladder, and from 100×24 on the radar over
//! most of the screen (the agenda under it when there is height); no navigator, no guidance.
//! The answer keys work as on the assessment screen and are shown on a row of their own.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{agenda, assessment, practice, status};
use crate::tui::app::{App, Work};
use crate::tui::theme;
use crate::tui::widgets::radar::legend_of;
use crate::tui::widgets::wrap::wrap;
use unicode_width::UnicodeWidthStr;

/// Where each part goes at a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout3 {
    pub heading: Rect,
    pub ladder: Rect,
    pub radar: Option<Rect>,
    pub agenda: Option<Rect>,
    /// The answer keys, one row.
    pub keys: Rect,
    pub status: Rect,
}

/// From 100×24 on, the radar takes the right side, full height, so the room can read it: as
/// wide as its chart can fill at that height, up to two thirds of the width; the heading and
/// the ladder share the left. Smaller screens show the heading and ladder. The agenda goes
/// under the radar, as tall as its items, when there is height for both.
/// `status_h` is the status line's height (one row, more while a long message shows).
pub fn layout(work: &Work, area: Rect, status_h: u16) -> Layout3 {
    let [body, keys, status] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(status_h),
    ])
    .areas(area);
    let with_radar = body.width >= 100 && body.height >= 22;
    // Generous margins on large screens, none to spare on small ones.
    let mx = if with_radar {
        (body.width / 40).min(4)
    } else {
        (body.width / 16).min(8)
    };
    let my = u16::from(body.height >= 30);
    let body = Rect::new(
        body.x + mx,
        body.y + my,
        body.width.saturating_sub(2 * mx),
        body.height.saturating_sub(2 * my),
    );
    let (text, radar, agenda) = if with_radar {
        // The agenda takes the rows its items need (up to a quarter), the radar the rest.
        let agenda_h = if body.height >= 40 {
            agenda::height(work).min(body.height / 4)
        } else {
            0
        };
        let radar_w = radar_width(work, body.width * 2 / 3, body.height - agenda_h);
        let [left, _, right] = Layout::horizontal([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(radar_w),
        ])
        .areas(body);
        let [radar, agenda] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(agenda_h)]).areas(right);
        (left, Some(radar), (agenda.height >= 3).then_some(agenda))
    } else {
        (body, None, None)
    };
    let wanted =
        u16::try_from(heading_lines(work, usize::from(text.width)).len()).unwrap_or(u16::MAX);
    let heading_h = wanted.min(text.height * 2 / 5).max(1);
    let [heading, ladder] =
        Layout::vertical([Constraint::Length(heading_h), Constraint::Min(0)]).areas(text);
    Layout3 {
        heading,
        ladder,
        radar,
        agenda,
        keys,
        status,
    }
}

/// The radar panel's width, at most `most`: no wider than its chart can fill at `height`
/// (cells are about twice as tall as wide, so a short panel holds a narrow disc), and wide
/// enough for the legend on its border. The columns left over go to the text.
fn radar_width(work: &Work, most: u16, height: u16) -> u16 {
    let radar = assessment::part_radar(work);
    let inner = Rect::new(0, 0, most.saturating_sub(2), height.saturating_sub(2));
    let legend: usize = legend_of(work.lang(), &radar.axes)
        .iter()
        .map(|s| s.content.width())
        .sum();
    let legend = u16::try_from(legend).unwrap_or(u16::MAX);
    (radar.fitted_width(inner).max(legend + 2) + 2).min(most)
}

/// The answer keys from the keymap (`y met · p partial · …`), so the room knows what to say;
/// as many whole entries as fit in `width`.
fn answer_keys(work: &Work, width: usize) -> Line<'static> {
    let lang = work.lang();
    use crate::tui::action::Action;
    use crate::tui::keymap::{self, Context};
    let answers = [
        Action::Met,
        Action::Partial,
        Action::NotMet,
        Action::NotApplicable,
        Action::Clear,
    ];
    let mut spans = Vec::new();
    for action in answers {
        let Some(binding) = keymap::bindings(Context::Assessment)
            .iter()
            .find(|b| b.action == action)
        else {
            continue;
        };
        let what = match work.key_words(action).fit(width) {
            keymap::Words::Keymap => action.describe_in(lang),
            keymap::Words::Model(own) => own,
            keymap::Words::Hidden => continue,
        };
        let key = keymap::display_key(binding.key);
        let sep = if spans.is_empty() { "" } else { "  ·  " };
        let used: usize = spans.iter().map(|s: &Span| s.content.width()).sum();
        if used + sep.width() + key.width() + 1 + what.width() > width {
            break;
        }
        if !sep.is_empty() {
            spans.push(Span::styled(sep, theme::get().muted));
        }
        spans.push(Span::styled(key, theme::get().key));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// The practice's name, a blank line, then the current requirement with its level and answer.
fn heading_lines(work: &Work, width: usize) -> Vec<Line<'static>> {
    let pref = &work.model.index.practices[work.practice];
    let rref = &work.model.index.requirements[work.requirement];
    let lang = work.lang();
    let name = work.model.model.practice_of(pref).name.get(lang);
    let text = work.model.model.requirement_of(pref, rref).text.get(lang);
    let (glyph, glyph_style) = theme::status(work.kind(work.requirement));
    let mut lines: Vec<Line> = wrap(name, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::get().projected_title)))
        .collect();
    lines.push(Line::default());
    let lead = format!("L{} ", rref.level);
    let body = wrap(text, width.saturating_sub(lead.len() + 2));
    for (i, l) in body.into_iter().enumerate() {
        let mut spans = if i == 0 {
            vec![
                Span::styled(glyph, glyph_style),
                Span::raw(" "),
                Span::styled(lead.clone(), theme::get().projected_title),
            ]
        } else {
            vec![Span::raw(" ".repeat(lead.len() + 2))]
        };
        spans.push(Span::styled(l, theme::get().projected));
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
    Paragraph::new(answer_keys(work, usize::from(l.keys.width))).render(l.keys, buf);
    status::render(app, l.status, buf);
}
