//! The register's search (`/` in the register): type to rank the entries by id, title, kind
//! and location; Enter attaches the one under the bar to the current requirement (or detaches
//! it when it is attached) and goes back to the register.

use std::ops::{Deref, DerefMut};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};

use super::Context;
use super::evidence::check_span;
use super::palette::PaletteState;
use super::{Component, Env};
use super::{Ctx, Edit, Effect, Hints};
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::palette::{Entries, Kind};
use crate::tui::theme;
use crate::tui::widgets::highlight::highlighted;
use crate::tui::widgets::popup::popup;
use crossterm::event::KeyEvent;

/// The keys of the `EvidenceSearch` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("Esc", Action::Cancel),
    h("Down", Action::Down),
    b("Up", Action::Up),
    b("C-n", Action::Down),
];

/// The search's query and hits; `target` of each entry is its position in the register.
#[derive(Debug, Clone)]
pub struct EvidenceSearch(pub PaletteState);

impl Deref for EvidenceSearch {
    type Target = PaletteState;
    fn deref(&self) -> &PaletteState {
        &self.0
    }
}

impl DerefMut for EvidenceSearch {
    fn deref_mut(&mut self) -> &mut PaletteState {
        &mut self.0
    }
}

/// The register as search entries: id, title, kind and location; `target` is the position in
/// the register. The kind is in the session's language.
pub fn evidence_items(session: &Session) -> Entries {
    let words = &session.cursor.lang.texts().workbench;
    let mut out = Entries::default();
    for (i, (id, e)) in session.evidence.iter().enumerate() {
        let kind = words.evidence_type(e.kind);
        let text = format!("{id} {} · {kind} · {}", e.title, e.location);
        out.push(Kind::Evidence, [text], i);
    }
    out
}

impl EvidenceSearch {
    /// Over the session's register, nothing typed yet.
    pub fn open(session: &Session) -> Self {
        Self(PaletteState::new(evidence_items(session).into()))
    }

    pub fn update(&mut self, action: Action, session: &Session) -> Effect {
        match self.0.navigate(action) {
            Some(Some(item)) => match session.evidence.keys().nth(item.target) {
                Some(id) => Effect::EditThenClose(Edit::Attach {
                    evidence: id.clone(),
                    attach: true,
                }),
                None => Effect::Close,
            },
            Some(None) if action == Action::Confirm => Effect::Close,
            Some(None) => Effect::None,
            None => Effect::Close,
        }
    }

    pub fn draw(&self, ctx: &Ctx, hints: Hints, area: Rect, buf: &mut Buffer) {
        let lang = ctx.lang();
        let words = &lang.texts().workbench.register;
        let w = area.width.saturating_sub(10).min(110);
        let h = area.height.saturating_sub(8).min(18);
        let inner = popup(area, w, h, words.search_title, hints, buf);
        let (n, total) = (self.hits.len().to_string(), self.items.len().to_string());
        let count = fill(words.search_count, &[("n", &n), ("total", &total)]);
        let mut lines = vec![self.query_line(format!("   {count}"))];
        let rows = usize::from(inner.height.saturating_sub(1));
        let room = usize::from(inner.width).saturating_sub(12);
        for (i, hit) in self.hits.iter().enumerate().skip(self.top(rows)).take(rows) {
            let item = &self.items[hit.item];
            let base = if i == self.selected {
                theme::get().selected
            } else {
                theme::get().text
            };
            let text = self.items.text(hit.item, hit.text);
            let mut spans = highlighted(text, &hit.indices, room, base);
            let id = ctx.session.evidence.keys().nth(item.target);
            if let Some(check) = id.and_then(|id| check_span(ctx, id)) {
                spans.push(Span::raw("  "));
                spans.push(check);
            }
            lines.push(spans.into());
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

impl Component for EvidenceSearch {
    fn context(&self) -> Context {
        Context::EvidenceSearch
    }

    fn update(&mut self, action: Action, env: &Env) -> Effect {
        match env.work {
            Some(ctx) => EvidenceSearch::update(self, action, ctx.session),
            None => Effect::Close,
        }
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        if let Some(ctx) = &env.work {
            EvidenceSearch::draw(self, ctx, env.hints_of(Context::EvidenceSearch), area, buf);
        }
    }

    fn input(&mut self, key: KeyEvent) {
        self.query.input(key);
    }

    fn paste(&mut self, text: &str) -> bool {
        self.query.paste(text);
        true
    }
}
