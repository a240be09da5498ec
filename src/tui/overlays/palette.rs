//! The fuzzy palette (`/`, Ctrl-P): type to rank every part, domain, practice, requirement,
//! note, evidence entry and finding; Enter jumps there. Its ranking state also serves the
//! register's search (`evidence_search.rs`).

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::{Component, Env};
use super::{Ctx, Effect, Hints, step};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::palette::{self, Entries, Hit, Item, Kind};
use crate::tui::theme;
use crate::tui::widgets::highlight::highlighted;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::wrap::truncate;
use crossterm::event::KeyEvent;

/// The keys of the `Palette` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("Esc", Action::Cancel),
    b("C-p", Action::Cancel),
    h("Down", Action::Down),
    b("Up", Action::Up),
    b("C-n", Action::Down),
];

/// A query over fuzzy entries, its ranked hits and the selected one.
#[derive(Debug, Clone)]
pub struct PaletteState {
    pub query: LineInput,
    pub items: Arc<Entries>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query changed and `hits` are still those of the one before: the event loop draws
    /// the typed letter first and ranks right after (see `App::after_frame`).
    pub stale: bool,
    /// The hits of the queries typed on the way to this one, shortest first: a longer query
    /// ranks only the hits of the one it extends, and Backspace returns to one at once.
    earlier: Vec<(String, Vec<Hit>)>,
}

impl PaletteState {
    pub fn new(items: Arc<Entries>) -> Self {
        let hits = palette::rank(&items, "");
        Self {
            query: LineInput::default(),
            items,
            hits,
            selected: 0,
            stale: false,
            earlier: Vec::new(),
        }
    }

    /// The query was edited: rank now, or mark the hits stale for after the frame.
    pub fn query_changed(&mut self, defer: bool) {
        if defer {
            self.stale = true;
        } else {
            self.rerank();
        }
    }

    pub fn rerank(&mut self) {
        let query = self.query.text.trim().to_string();
        while self
            .earlier
            .last()
            .is_some_and(|(q, _)| !query.starts_with(q.as_str()))
        {
            self.earlier.pop();
        }
        self.hits = match self.earlier.last() {
            Some((q, hits)) if *q == query => hits.clone(),
            Some((q, hits)) if !q.is_empty() => {
                palette::rank_among(&self.items, &query, hits.iter().map(|h| h.item))
            }
            _ => palette::rank(&self.items, &query),
        };
        if self.earlier.last().is_none_or(|(q, _)| *q != query) {
            self.earlier.push((query, self.hits.clone()));
        }
        self.selected = 0;
        self.stale = false;
    }

    /// ↓/↑ among the hits (of the query as typed, even if the loop has not ranked yet);
    /// returns the entry under the bar on Enter, and None for other actions.
    pub fn navigate(&mut self, action: Action) -> Option<Option<&Item>> {
        if self.stale {
            self.rerank();
        }
        match action {
            Action::Down => self.selected = step(self.selected, self.hits.len(), true),
            Action::Up => self.selected = step(self.selected, self.hits.len(), false),
            Action::Confirm => {
                return Some(self.hits.get(self.selected).map(|h| &self.items[h.item]));
            }
            _ => return None,
        }
        Some(None)
    }

    /// The query line: `> query▏   count`.
    pub fn query_line(&self, count: String) -> Line<'static> {
        Line::from(vec![
            Span::styled("> ", theme::get().key),
            Span::raw(self.query.text.clone()),
            Span::styled("▏", theme::get().key),
            Span::styled(count, theme::get().muted),
        ])
    }

    /// The first row shown, so that the selected one is in view among `rows`.
    pub fn top(&self, rows: usize) -> usize {
        self.selected.saturating_sub(rows.saturating_sub(1))
    }
}

impl PaletteState {
    pub fn update(&mut self, action: Action) -> Effect {
        match self.navigate(action) {
            Some(Some(item)) => Effect::Jump(item.target),
            Some(None) if action == Action::Confirm => Effect::Close,
            Some(None) => Effect::None,
            None => Effect::Close,
        }
    }

    /// `hints` are the footer hints of its context (the user's keys where they changed them).
    pub fn draw(&self, ctx: Option<&Ctx>, lang: Lang, hints: Hints, area: Rect, buf: &mut Buffer) {
        let w = area.width.saturating_sub(6).min(120);
        let h = area.height.saturating_sub(4);
        let t = lang.texts().overlays;
        let inner = popup(area, w, h, t.palette_title, hints, buf);
        let n = self.hits.len();
        let count = if self.stale {
            format!("   {}", t.searching)
        } else if n == 1 && lang == Lang::En {
            "   1 match".to_string()
        } else {
            format!("   {}", fill(t.matches, &[("n", &n.to_string())]))
        };
        let mut lines = vec![self.query_line(count)];
        let rows = usize::from(inner.height.saturating_sub(1));
        let room = usize::from(inner.width).saturating_sub(10);
        for (i, hit) in self.hits.iter().enumerate().skip(self.top(rows)).take(rows) {
            lines.push(self.row(ctx, lang, hit, i == self.selected, room));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    /// One hit: its kind, its text with the matched characters, and where it sits.
    fn row(
        &self,
        ctx: Option<&Ctx>,
        lang: Lang,
        hit: &Hit,
        selected: bool,
        room: usize,
    ) -> Line<'static> {
        let item = &self.items[hit.item];
        let base = if selected {
            theme::get().selected
        } else {
            theme::get().text
        };
        let tag = item.kind.tag(lang);
        let pad = 9usize.saturating_sub(tag.width());
        let mut spans = vec![Span::styled(
            format!("{:pad$}{tag} ", ""),
            theme::get().muted.patch(base),
        )];
        let text = &self.row_text(ctx, hit);
        // The place takes at most a third of the row; the text keeps the rest.
        let context = ctx.map_or(String::new(), |c| place(c, item));
        let context = if context.is_empty() {
            String::new()
        } else {
            format!("  {}", truncate(&context, room / 3))
        };
        let text_room = room.saturating_sub(context.width());
        let indices = if hit.indices.is_empty() && !self.query.text.trim().is_empty() {
            &palette::match_indices(text, &self.query.text)
        } else {
            &hit.indices
        };
        spans.extend(highlighted(text, indices, text_room, base));
        let used: usize = spans.iter().skip(1).map(|s| s.content.width()).sum();
        if !context.is_empty() {
            spans.push(Span::styled(
                " ".repeat(text_room.saturating_sub(used)),
                base,
            ));
            spans.push(Span::styled(context, theme::get().muted.patch(base)));
        }
        Line::from(spans)
    }

    /// A row's text: what matched, followed by the entry's name when the match was something
    /// else (a requirement id, the other language), so no row shows only an id.
    fn row_text(&self, ctx: Option<&Ctx>, hit: &Hit) -> String {
        let matched = self.items.text(hit.item, hit.text);
        let name = ctx
            .and_then(|c| self.name(c, hit.item))
            .filter(|n| !n.is_empty());
        match name {
            // Nothing typed yet: every entry by its name.
            Some(name) if self.query.text.trim().is_empty() => name,
            Some(name) if name != matched => format!("{matched} · {name}"),
            _ => matched.to_string(),
        }
    }

    /// What an entry is called in the shown language (a name, a requirement's text; a
    /// finding's id and title): a row whose match is an id, the other language or a finding's
    /// owner shows this beside it.
    fn name(&self, ctx: &Ctx, entry: usize) -> Option<String> {
        let item = &self.items[entry];
        let rref = ctx.model.index.requirements.get(item.target)?;
        let pref = &ctx.model.index.practices[rref.practice];
        let model = &ctx.model.model;
        let lang = ctx.lang();
        let name = match item.kind {
            Kind::Part => model.part_of(pref).name.get(lang),
            Kind::Domain => model.domain_of(pref).name.get(lang),
            Kind::Item => model.item_of(pref).name.get(lang),
            Kind::Practice => model.practice_of(pref).name.get(lang),
            Kind::Requirement => model.requirement_of(pref, rref).text.get(lang),
            Kind::Note | Kind::Evidence | Kind::Finding => self.items.text(entry, 0),
        };
        Some(name.to_string())
    }
}

/// Where a palette entry sits, so entries with the same name (a domain in two parts, a
/// requirement text in two practices) can be told apart: the part of a domain, the domain of
/// an item, the item of a practice, the practice of anything on a requirement.
fn place(ctx: &Ctx, item: &Item) -> String {
    let Some(rref) = ctx.model.index.requirements.get(item.target) else {
        return String::new();
    };
    let pref = &ctx.model.index.practices[rref.practice];
    let model = &ctx.model.model;
    let lang = ctx.lang();
    match item.kind {
        Kind::Part => String::new(),
        Kind::Domain => model.part_of(pref).name.get(lang).to_string(),
        Kind::Item => model.domain_of(pref).name.get(lang).to_string(),
        Kind::Practice => model.item_of(pref).name.get(lang).to_string(),
        Kind::Requirement | Kind::Note | Kind::Evidence | Kind::Finding => {
            model.practice_of(pref).name.get(lang).to_string()
        }
    }
}

impl Component for PaletteState {
    fn context(&self) -> Context {
        Context::Palette
    }

    fn update(&mut self, action: Action, _env: &Env) -> Effect {
        PaletteState::update(self, action)
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let hints = env.hints_of(Context::Palette);
        PaletteState::draw(self, env.work.as_ref(), env.lang, hints, area, buf);
    }

    fn input(&mut self, key: KeyEvent) {
        self.query.input(key);
    }

    fn paste(&mut self, text: &str) -> bool {
        self.query.paste(text);
        true
    }
}
