//! The history of the current requirement (`h`), newest first: when, who, field, old → new,
//! each in the shown language (the audit trail stores codes).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::{Component, Effect, Env};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The keys of the `History` context.
pub const BINDINGS: &[Binding] = &[
    h("Esc", Action::Cancel),
    b("h", Action::Cancel),
    b("q", Action::Cancel),
    h("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
];

/// How far the panel is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub scroll: u16,
}

impl Component for History {
    fn context(&self) -> Context {
        Context::History
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        match action {
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            _ => return Effect::Close,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let Some(seen) = ctx.work else { return };
        let lang = ctx.lang;
        let t = lang.texts().overlays;
        let id = seen.requirement_id().to_string();
        let w = area.width.saturating_sub(8).min(110);
        let h = area.height.saturating_sub(4).min(20);
        let title = format!("{} · {id}", t.history_title);
        let inner = ctx.popup(area, w, h, &title, Context::History, buf);
        let changes: Vec<_> = seen.session.history_of(&id).collect();
        let mut lines = Vec::new();
        if changes.is_empty() {
            lines.push(Line::from(Span::styled(t.no_changes, theme::get().muted)));
        }
        let who = |c: &crate::session::Change| crate::session::who_label(&c.by, lang).to_string();
        let by_w = changes.iter().map(|c| who(c).width()).max().unwrap_or(0);
        let field_w = changes
            .iter()
            .map(|c| crate::session::field_label(&c.field, lang).width())
            .max()
            .unwrap_or(0);
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        let rest = usize::from(inner.width).saturating_sub(20 + by_w + field_w + 6);
        for c in changes.iter().rev() {
            let when = c.at.replace('T', " ").trim_end_matches('Z').to_string();
            let show = |s: &str| {
                if s.is_empty() {
                    t.empty_value.to_string()
                } else {
                    crate::session::recorded_value(Some(seen.model), &id, &c.field, s, lang)
                        .unwrap_or_else(|| s.to_string())
                        .replace('\n', " ⏎ ")
                }
            };
            lines.push(Line::from(vec![
                Span::styled(when, theme::get().muted),
                Span::raw("  "),
                Span::styled(pad(&who(c), by_w), theme::get().bold),
                Span::raw("  "),
                Span::styled(
                    pad(crate::session::field_label(&c.field, lang), field_w),
                    theme::get().title,
                ),
                Span::raw("  "),
                Span::raw(truncate(
                    &format!("{} → {}", show(&c.old), show(&c.new)),
                    rest,
                )),
            ]));
        }
        Paragraph::new(lines)
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}
