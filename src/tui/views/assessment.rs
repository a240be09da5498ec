//! The assessment screen: navigator | practice (level ladder) | radar and guidance, with the
//! status line below. Panels fold away as the terminal narrows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Widget};

use super::{navigator, practice, status};
use crate::tui::app::App;
use crate::tui::theme;
use crate::tui::widgets::radar::{Radar, legend};

/// Where each panel goes at a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub nav: Option<Rect>,
    pub practice: Rect,
    pub radar: Option<Rect>,
    pub guide: Option<Rect>,
    pub status: Rect,
}

/// The layout: wide terminals get all panels; narrower ones fold the navigator (unless it is
/// asked for with `N`: then it takes up to two fifths of the width), then the radar.
/// `status_h` is the status line's height (`status::height`).
pub fn panels(area: Rect, status_h: u16, show_navigator: bool) -> Panels {
    let [body, status] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(status_h)]).areas(area);
    let w = body.width;
    let nav_w = if w >= 130 {
        Some(34)
    } else if show_navigator && w >= 20 {
        Some((w * 2 / 5).clamp(10, 34))
    } else {
        None
    };
    let (nav, rest) = if let Some(nav_w) = nav_w {
        let [nav, rest] =
            Layout::horizontal([Constraint::Length(nav_w), Constraint::Min(1)]).areas(body);
        (Some(nav), rest)
    } else {
        (None, body)
    };
    if rest.width >= 96 {
        let side = (rest.width * 9 / 20).clamp(36, 80);
        let [center, right] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(side)]).areas(rest);
        let radar_h = (right.height * 11 / 20).max(10).min(right.height);
        let [radar, guide] =
            Layout::vertical([Constraint::Length(radar_h), Constraint::Min(0)]).areas(right);
        Panels {
            nav,
            practice: center,
            radar: Some(radar),
            guide: (guide.height >= 3).then_some(guide),
            status,
        }
    } else if rest.height >= 20 {
        let guide_h = rest.height * 2 / 5;
        let [center, guide] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(guide_h)]).areas(rest);
        Panels {
            nav,
            practice: center,
            radar: None,
            guide: Some(guide),
            status,
        }
    } else {
        Panels {
            nav,
            practice: rest,
            radar: None,
            guide: None,
            status,
        }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    if work.session.cursor.facilitator {
        return super::facilitator::render(app, area, buf);
    }
    let p = panels(area, status::height(app, area.width), work.show_navigator);
    if let Some(nav) = p.nav {
        navigator::render(work, nav, buf);
    }
    practice::render(work, p.practice, buf);
    if let Some(radar) = p.radar {
        render_radar(work, radar, buf);
    }
    if let Some(guide) = p.guide {
        practice::render_guide(work, guide, buf);
    }
    status::render(app, p.status, buf);
}

/// The live radar of the current part's domains.
pub(super) fn render_radar(work: &crate::tui::app::Work, area: Rect, buf: &mut Buffer) {
    let pref = &work.model.index.practices[work.practice];
    let part = &work.model.model.parts[pref.part];
    let lang = work.lang();
    let radar = Radar {
        axes: crate::summary::part_domain_axes(
            &work.model,
            &work.session,
            &work.card,
            pref.part,
            lang.code(),
        ),
    };
    let title = format!(
        " {} · L{} ",
        part.name.get(lang),
        work.card.parts[pref.part].score.level
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(ratatui::text::Span::styled(title, theme::get().title))
        .title_bottom(ratatui::text::Line::from(legend(lang)));
    let inner = block.inner(area);
    block.render(area, buf);
    (&radar).render(inner, buf);
}

/// The requirement under a mouse position (checklist rows, or a navigator practice).
pub fn hit_test(app: &App, area: Rect, col: u16, row: u16) -> Option<usize> {
    let work = app.work.as_ref()?;
    if work.session.cursor.facilitator {
        let l = super::facilitator::layout(work, area, status::height(app, area.width) - 1);
        let pos = ratatui::layout::Position::new(col, row);
        return l
            .ladder
            .contains(pos)
            .then(|| practice::hit(work, l.ladder, row))?;
    }
    let p = panels(area, status::height(app, area.width), work.show_navigator);
    let pos = ratatui::layout::Position::new(col, row);
    if let Some(nav) = p.nav
        && nav.contains(pos)
    {
        return navigator::hit(work, nav, row).and_then(|pr| work.entry_of(pr));
    }
    if p.practice.contains(pos) {
        return practice::hit(work, p.practice, row);
    }
    None
}
