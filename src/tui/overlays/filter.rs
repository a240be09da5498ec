//! The review filter picker (`Ctrl-F`): no filter, then every filter with how many
//! requirements it matches; the navigator and moves keep to the chosen one's matches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::{Component, Edit, Effect, Env, step};
use crate::review::Filter;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;

/// The keys of the `Filter` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// The row under the bar (0 is no filter), and each filter's count when opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterPicker {
    pub selected: usize,
    pub counts: Vec<(Filter, usize)>,
}

impl FilterPicker {
    /// Opens on the filter in force.
    pub fn open(counts: Vec<(Filter, usize)>, current: Option<Filter>) -> Self {
        let selected = current
            .and_then(|f| counts.iter().position(|(c, _)| *c == f))
            .map_or(0, |i| i + 1);
        Self { selected, counts }
    }
}

impl Component for FilterPicker {
    fn context(&self) -> Context {
        Context::Filter
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        let rows = self.counts.len() + 1;
        match action {
            Action::Down => self.selected = step(self.selected, rows, true),
            Action::Up => self.selected = step(self.selected, rows, false),
            Action::Confirm => {
                let chosen = self.selected.checked_sub(1);
                let chosen = chosen.and_then(|i| self.counts.get(i)).map(|(f, _)| *f);
                return Effect::EditThenClose(Edit::Filter(chosen));
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let lang = ctx.lang;
        let h = u16::try_from(self.counts.len() + 4).unwrap_or(u16::MAX);
        let words = &lang.texts().workbench.register;
        let inner = ctx.popup(area, 56, h, words.filter_title, Context::Filter, buf);
        let mut rows = vec![(words.no_filter.to_string(), None)];
        rows.extend(
            self.counts
                .iter()
                .map(|(f, n)| (lang.texts().terms.filter(*f).to_string(), Some(*n))),
        );
        let width = usize::from(inner.width);
        let lines: Vec<Line> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, count))| {
                let count = count.map_or(String::new(), |n| n.to_string());
                let pad = width.saturating_sub(label.width() + count.width() + 2);
                let text = format!(" {label}{}{count} ", " ".repeat(pad));
                let style = if i == self.selected {
                    theme::get().selected
                } else {
                    theme::get().text
                };
                Line::from(Span::styled(text, style))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
