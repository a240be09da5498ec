//! Where the assessment screen's panels go at a given size: the one geometry that drawing
//! (`views::assessment`) and hit-testing (`mouse`) share, so a click lands where the row is
//! drawn. A leaf: it knows sizes, not the app or the views.

use ratatui::layout::{Constraint, Layout, Rect};

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
