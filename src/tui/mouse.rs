//! The mouse: a click selects in the navigator and the checklist, the wheel scrolls. What a
//! click lands on is read from the rows the views draw, placed by `layout` as drawing places
//! them. It lives beside the app rather than in it, so the app never imports the views.

use crossterm::event::{MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Screen};
use super::layout;
use super::views::{facilitator, navigator, practice, status};

impl App {
    /// A mouse event on the screen last drawn (`App::area`).
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if !self.overlays.is_empty() {
            return;
        }
        match (self.screen, event.kind) {
            (Screen::Assessment, MouseEventKind::ScrollDown) => {
                self.update(Action::NextRequirement);
            }
            (Screen::Assessment, MouseEventKind::ScrollUp) => {
                self.update(Action::PrevRequirement);
            }
            (Screen::Home, MouseEventKind::ScrollDown) => {
                self.update(Action::Down);
            }
            (Screen::Home, MouseEventKind::ScrollUp) => {
                self.update(Action::Up);
            }
            (Screen::Assessment, MouseEventKind::Down(_)) => {
                let target = hit_test(self, self.area, event.column, event.row);
                if let (Some(requirement), Some(work)) = (target, &mut self.work) {
                    work.jump(requirement);
                }
            }
            _ => {}
        }
    }
}

/// The requirement under a mouse position (checklist rows, or a navigator practice).
fn hit_test(app: &App, area: Rect, col: u16, row: u16) -> Option<usize> {
    let work = app.work.as_ref()?;
    if work.session.cursor.facilitator {
        let l = facilitator::layout(work, area, status::height(app, area.width) - 1);
        let pos = ratatui::layout::Position::new(col, row);
        return l
            .ladder
            .contains(pos)
            .then(|| practice::hit(work, l.ladder, row))?;
    }
    let p = layout::panels(area, status::height(app, area.width), work.show_navigator);
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
