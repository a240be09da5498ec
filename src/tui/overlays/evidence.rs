//! The evidence register as a picker for the current requirement (`e`): each entry with its
//! file check; Enter attaches or detaches, `a` adds, `c` edits, `H` accepts a changed file as
//! the new version, `x` removes, `/` searches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::evidence_form::EvidenceForm;
use super::evidence_search::EvidenceSearch;
use super::{Component, Env};
use super::{Ctx, Edit, Effect, Hints, Opened, Told, step};
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::wrap::truncate;

/// The keys of the `Evidence` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Toggle),
    h("a", Action::AddEvidence),
    h("d", Action::Detach),
    h("/", Action::SearchEvidence),
    b("c", Action::EditEvidence),
    b("H", Action::AcceptNewVersion),
    b("x", Action::RemoveEvidence),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// The entry under the bar, and the word of the last thing done (an error or a notice).
#[derive(Debug, Clone, Default)]
pub struct EvidencePicker {
    pub selected: usize,
    pub error: Option<String>,
}

impl EvidencePicker {
    pub fn update(&mut self, action: Action, session: &Session) -> Effect {
        let count = session.evidence.len();
        let selected = session.evidence.keys().nth(self.selected).cloned();
        match action {
            Action::Down => self.selected = step(self.selected, count, true),
            Action::Up => self.selected = step(self.selected, count, false),
            Action::AddEvidence => {
                return Effect::Open(Box::new(Opened::EvidenceForm(EvidenceForm::default())));
            }
            Action::SearchEvidence => {
                let search = EvidenceSearch::open(session);
                return Effect::Open(Box::new(Opened::EvidenceSearch(search)));
            }
            Action::Toggle
            | Action::Detach
            | Action::EditEvidence
            | Action::AcceptNewVersion
            | Action::RemoveEvidence => {
                let Some(id) = selected else {
                    let words = &session.cursor.lang.texts().workbench;
                    self.error = Some(words.register.empty_key.to_string());
                    return Effect::None;
                };
                return on_entry(action, id, session);
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    /// How an edit asked for here (or in the form or search above, now closed) went.
    pub fn told(&mut self, told: &Told, session: &Session) {
        match told {
            Told::Refused(why) => self.error = Some(why.clone()),
            Told::Done { notice, evidence } => {
                self.error.clone_from(notice);
                if let Some(at) = evidence
                    .as_ref()
                    .and_then(|id| session.evidence.keys().position(|k| k == id))
                {
                    self.selected = at;
                }
            }
        }
        self.selected = self.selected.min(session.evidence.len().saturating_sub(1));
    }

    pub fn draw(&self, ctx: &Ctx, hints: Hints, area: Rect, buf: &mut Buffer) {
        let words = ctx.lang().texts().workbench;
        let h = area.height.saturating_sub(6).min(22);
        let w = area.width.saturating_sub(8).min(110);
        let inner = popup(area, w, h, words.register.title, hints, buf);
        let width = usize::from(inner.width);
        let here = ctx.requirement_id();
        let attached = ctx
            .session
            .answers
            .get(here)
            .map(|a| a.evidence.clone())
            .unwrap_or_default();
        let hint = fill(words.register.hint, &[("id", here)]);
        let mut lines = vec![Line::from(Span::styled(
            truncate(&hint, width),
            theme::get().muted,
        ))];
        if ctx.session.evidence.is_empty() {
            lines.push(Line::from(words.register.empty));
        }
        // Keep the selected entry in view (heading, two detail lines and the message).
        let rows = usize::from(inner.height).saturating_sub(4).max(1);
        let top = self.selected.saturating_sub(rows - 1);
        let entries = ctx.session.evidence.iter().enumerate().skip(top).take(rows);
        for (i, (id, e)) in entries {
            let mark = if attached.contains(id) { "[x]" } else { "[ ]" };
            let check = check_span(ctx, id);
            let check_w = check.as_ref().map_or(0, |c| c.content.width() + 1);
            let kind = words.evidence_type(e.kind);
            let text = format!("{mark} {id} {} · {kind} · {}", e.title, e.location);
            let style = if i == self.selected {
                theme::get().selected
            } else {
                theme::get().text
            };
            let text = truncate(&text, width.saturating_sub(check_w));
            let pad = width.saturating_sub(text.width() + check_w);
            let mut spans = vec![
                Span::styled(text, style),
                Span::styled(" ".repeat(pad), style),
            ];
            if let Some(check) = check {
                spans.push(Span::raw(" "));
                spans.push(check);
            }
            lines.push(Line::from(spans));
        }
        lines.extend(details(ctx, self.selected, width));
        if let Some(err) = &self.error {
            lines.push(Line::from(Span::styled(err.clone(), theme::get().error)));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// What a key does to entry `id`.
fn on_entry(action: Action, id: String, session: &Session) -> Effect {
    match action {
        Action::Toggle | Action::Detach => Effect::Edit(Edit::Attach {
            evidence: id,
            attach: action == Action::Toggle,
        }),
        Action::EditEvidence => match session.evidence.get(&id) {
            Some(e) => Effect::Open(Box::new(Opened::EvidenceForm(EvidenceForm::edit(&id, e)))),
            None => Effect::None,
        },
        Action::AcceptNewVersion => Effect::Edit(Edit::AcceptNewVersion(id)),
        _ => Effect::Edit(Edit::RemoveEvidence(id)),
    }
}

/// The check word of an entry (`changed`, …) with its style; None when it has no file.
pub fn check_span(ctx: &Ctx, id: &str) -> Option<Span<'static>> {
    let check = ctx.checks.get(id)?;
    Some(Span::styled(
        ctx.lang().texts().workbench.check(check).to_string(),
        theme::evidence_check(check),
    ))
}

/// "12.3 KB"-style size.
fn size_text(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// Who collected the selected entry and when, its fingerprint, and what cites it.
fn details(ctx: &Ctx, selected: usize, width: usize) -> Vec<Line<'static>> {
    let Some((id, e)) = ctx.session.evidence.iter().nth(selected) else {
        return Vec::new();
    };
    let w = &ctx.lang().texts().workbench.register;
    let mut collected = fill(
        w.collected,
        &[("id", id), ("by", &e.added_by), ("at", &e.added_at)],
    );
    if let Some(hash) = &e.sha256 {
        let short: String = hash.chars().take(19).collect();
        collected.push_str(&format!(" · {short}…"));
        if let Some(size) = e.size {
            collected.push_str(&format!(" · {}", size_text(size)));
        }
    }
    let cited = ctx.session.citing(id);
    let cited = if cited.is_empty() {
        w.cited_by_none.to_string()
    } else {
        fill(w.cited_by, &[("ids", &cited.join(", "))])
    };
    vec![
        Line::from(Span::styled(
            truncate(&collected, width),
            theme::get().muted,
        )),
        Line::from(Span::styled(truncate(&cited, width), theme::get().muted)),
    ]
}

impl Component for EvidencePicker {
    fn context(&self) -> Context {
        Context::Evidence
    }

    fn update(&mut self, action: Action, env: &Env) -> Effect {
        match env.work {
            Some(ctx) => EvidencePicker::update(self, action, ctx.session),
            None => Effect::Close,
        }
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        if let Some(ctx) = &env.work {
            EvidencePicker::draw(self, ctx, env.hints_of(Context::Evidence), area, buf);
        }
    }

    fn told(&mut self, told: &Told, env: &Env) {
        if let Some(ctx) = &env.work {
            EvidencePicker::told(self, told, ctx.session);
        }
    }
}
