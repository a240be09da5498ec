//! Help (`?`): every key of the context it was opened from, generated from the keymap, with a
//! few closing sentences where the keys alone do not say enough.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::{Component, Effect, Env};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;

/// The keys of the `Help` context.
pub const BINDINGS: &[Binding] = &[
    h("Esc", Action::Cancel),
    b("?", Action::Cancel),
    b("q", Action::Cancel),
    h("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
];

/// The help of a context, scrolled by `scroll` rows: its keys and what they do (in the words
/// of the model's own answer scale where it has one), as the keymap has them when opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub context: Context,
    pub scroll: u16,
    pub entries: Vec<(String, String)>,
}

impl Help {
    pub fn open(context: Context, entries: Vec<(String, String)>) -> Self {
        Self {
            context,
            scroll: 0,
            entries,
        }
    }
}

impl Component for Help {
    fn context(&self) -> Context {
        Context::Help
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
        let lang = ctx.lang;
        let context = self.context;
        let entries = &self.entries;
        let key_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        let desc_w = entries.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
        let col_w = key_w + 2 + desc_w + 3;
        let w = area.width.saturating_sub(4).min(130);
        // Two columns when they fit, so the whole keymap shows without scrolling.
        let columns = if usize::from(w.saturating_sub(2)) >= 2 * col_w {
            2
        } else {
            1
        };
        let rows_needed = entries.len().div_ceil(columns);
        let h = u16::try_from(rows_needed + 5)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(2));
        let t = lang.texts().overlays;
        let title = fill(t.help_title, &[("context", context.title_in(lang))]);
        let inner = ctx.popup(area, w, h, &title, Context::Help, buf);
        let cell = |i: usize| -> Vec<Span<'static>> {
            entries.get(i).map_or_else(Vec::new, |(key, desc)| {
                vec![
                    Span::styled(format!("{key:>key_w$}  "), theme::get().key),
                    // Padded by display width: Chinese descriptions are two columns a character.
                    Span::raw(format!("{desc}{}", " ".repeat(desc_w + 3 - desc.width()))),
                ]
            })
        };
        let mut lines: Vec<Line> = (0..rows_needed)
            .map(|r| {
                let mut spans = cell(r);
                if columns == 2 {
                    spans.extend(cell(r + rows_needed));
                }
                Line::from(spans)
            })
            .collect();
        lines.extend(closing(context, ctx));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}

/// The sentences under the keys of a context.
fn closing(context: Context, ctx: &Env) -> Vec<Line<'static>> {
    let t = ctx.lang.texts().overlays;
    let muted = |text: String| Line::from(Span::styled(text, theme::get().muted));
    let note = match context {
        Context::Home => Some(t.help_home),
        Context::NewSession => Some(t.help_new_session),
        Context::Palette => Some(t.help_palette),
        Context::Note => Some(t.help_note),
        Context::Evidence => Some(t.help_evidence),
        Context::Filter => Some(t.help_filter),
        Context::FindingForm => Some(t.help_finding_form),
        Context::Agenda => Some(t.help_agenda),
        _ => None,
    };
    let mut lines = Vec::new();
    if let Some(note) = note {
        lines.push(Line::default());
        lines.push(muted(note.to_string()));
    }
    if context == Context::Assessment {
        lines.push(Line::default());
        let state = if ctx.auto_advance { t.on } else { t.off };
        lines.push(muted(fill(t.help_auto_advance, &[("state", state)])));
        lines.push(muted(t.help_saving.to_string()));
        lines.push(muted(t.help_marks.to_string()));
    }
    lines
}
