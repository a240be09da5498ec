//! Who decides (`w`): picks the participant stamped as decider on the following answers, or
//! nobody.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Context;
use super::{Component, Edit, Effect, Env};
use crate::session::{Participant, Session};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;

/// The keys of the `Decider` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// The row under the bar: 0 is nobody, then the participants in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decider {
    pub selected: usize,
}

impl Decider {
    /// Opens on the current decider.
    pub fn open(session: &Session) -> Self {
        let current = &session.cursor.decider;
        let selected = session
            .participants
            .iter()
            .position(|p| &p.name == current)
            .map_or(0, |i| i + 1);
        Self { selected }
    }
}

impl Component for Decider {
    fn context(&self) -> Context {
        Context::Decider
    }

    fn update(&mut self, action: Action, ctx: &Env) -> Effect {
        let Some(seen) = ctx.work else {
            return Effect::Close;
        };
        let session = seen.session;
        let rows = session.participants.len() + 1;
        match action {
            Action::Down => self.selected = (self.selected + 1).min(rows - 1),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Confirm => {
                let name = match self.selected {
                    0 => String::new(),
                    i => session.participants[i - 1].name.clone(),
                };
                return Effect::EditThenClose(Edit::Decider(name));
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let Some(seen) = ctx.work else { return };
        let session = seen.session;
        let t = ctx.lang.texts().overlays;
        let people = &session.participants;
        let h = u16::try_from(people.len())
            .unwrap_or(u16::MAX)
            .saturating_add(5)
            .min(20);
        let inner = ctx.popup(area, 60, h, t.decider_title, Context::Decider, buf);
        let mut rows = vec![t.nobody.to_string()];
        rows.extend(people.iter().map(shown));
        let mut lines: Vec<Line> = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let style = if i == self.selected {
                    theme::get().selected
                } else {
                    theme::get().text
                };
                Line::from(Span::styled(format!(" {row} "), style))
            })
            .collect();
        if people.is_empty() {
            lines.push(Line::from(Span::styled(
                t.no_participants_hint,
                theme::get().muted,
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `Name · Role`, or the name alone.
pub fn shown(p: &Participant) -> String {
    if p.role.is_empty() {
        p.name.clone()
    } else {
        format!("{} · {}", p.name, p.role)
    }
}
