//! The findings view (`F`): the session's findings as a table (severity, then due date), and
//! the one under the bar in full (title, what it is about, description, recommendation) in a
//! pane beside the table on wide screens, under it on narrow ones; Enter edits it, `d`
//! deletes it after asking, `g` goes to its place.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::finding_form::FindingForm;
use super::{Component, Env};
use super::{Ctx, Edit, Effect, Hints, Opened, Told, step};
use crate::i18n::fill;
use crate::session::{Finding, domain_key, tie_kind};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::wrap::{cut, truncate, wrap, wrap_cut};

/// The keys of the `Findings` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("d", Action::Delete),
    h("g", Action::GoTo),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// The findings view's selection.
#[derive(Debug, Clone, Default)]
pub struct FindingsList {
    pub selected: usize,
    /// The finding a "delete?" question is about.
    pub pending_delete: Option<String>,
}

impl FindingsList {
    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let findings = ctx.session.findings_sorted();
        let said = &ctx.lang().texts().workbench.findings;
        self.pending_delete = None;
        let selected = findings.get(self.selected);
        match action {
            Action::Down => self.selected = step(self.selected, findings.len(), true),
            Action::Up => self.selected = step(self.selected, findings.len(), false),
            Action::Cancel => return Effect::Close,
            _ if selected.is_none() => return Effect::Message(said.none_yet.into()),
            Action::Delete | Action::Confirm if ctx.read_only.is_some() => {
                let holder = ctx.read_only.map(|h| ctx.lang().lock_holder(h));
                let holder = holder.unwrap_or_default();
                return Effect::Message(fill(said.read_only, &[("holder", &holder)]));
            }
            Action::Delete => {
                let (id, f) = selected.map(|(id, f)| ((*id).clone(), *f)).unzip();
                let (id, title) = (id.unwrap_or_default(), f.map_or("", |f| &f.title));
                self.pending_delete = Some(id.clone());
                let question = fill(said.delete, &[("id", &id), ("title", title)]);
                let on_yes = Edit::RemoveFinding(id);
                return Effect::Open(Box::new(Opened::Confirm { question, on_yes }));
            }
            Action::Confirm => {
                let Some((id, finding)) = selected else {
                    return Effect::None;
                };
                let at = tie_requirement(ctx, &finding.tie).unwrap_or(ctx.requirement);
                let form = FindingForm::new(ctx, Some((*id).clone()), finding, at);
                return Effect::Open(Box::new(Opened::FindingForm(Box::new(form))));
            }
            Action::GoTo => {
                let tie = selected.map_or("", |(_, f)| &f.tie);
                if let Some(r) = tie_requirement(ctx, tie) {
                    return Effect::Jump(r);
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// After a deletion the bar moves up one row.
    pub fn told(&mut self, told: &Told) {
        if matches!(told, Told::Done { .. }) && self.pending_delete.take().is_some() {
            self.selected = self.selected.saturating_sub(1);
        }
    }

    pub fn draw(&self, ctx: &Ctx, hints: Hints, area: Rect, buf: &mut Buffer) {
        let words = &ctx.lang().texts().workbench.findings;
        let findings = ctx.session.findings_sorted();
        let title = fill(words.title, &[("n", &findings.len().to_string())]);
        let (w, h) = (area.width.saturating_sub(2), area.height.saturating_sub(2));
        let inner = popup(area, w, h, &title, hints, buf);
        let beside = inner.width >= BESIDE_FROM;
        let (list, detail) = split(inner, findings.len(), beside);
        self.draw_list(ctx, list, buf);
        if let (Some(detail), Some((id, f))) = (detail, findings.get(self.selected)) {
            let borders = if beside { Borders::LEFT } else { Borders::TOP };
            draw_detail(ctx, (id, f), borders, detail, buf);
        }
    }

    /// The table: a header, then a row per finding, the selected one highlighted.
    fn draw_list(&self, ctx: &Ctx, inner: Rect, buf: &mut Buffer) {
        let lang = ctx.lang();
        let words = &lang.texts().workbench.findings;
        let findings = ctx.session.findings_sorted();
        let w = usize::from(inner.width);
        // id, severity, due, owner fixed; title and tie share the rest.
        let (id_w, sev_w, due_w, owner_w) = (4, 6, 10, (w / 8).clamp(6, 16));
        let rest = w.saturating_sub(id_w + sev_w + due_w + owner_w + 5);
        let (title_w, tie_w) = (rest * 3 / 5, rest - rest * 3 / 5);
        let widths = [id_w, sev_w, title_w, due_w, owner_w, tie_w];
        let header: String = words
            .columns
            .iter()
            .zip(widths)
            .map(|(name, w)| cell(name, w))
            .collect();
        let mut lines = vec![Line::from(Span::styled(header, theme::get().bold))];
        if findings.is_empty() {
            lines.push(Line::from(Span::styled(words.empty, theme::get().muted)));
        }
        let height = usize::from(inner.height).saturating_sub(1);
        let top = self.selected.saturating_sub(height.saturating_sub(1));
        for (i, (id, f)) in findings.iter().enumerate().skip(top).take(height) {
            let tie = format!("{} {}", tie_word(ctx, &f.tie), f.tie);
            let severity = lang.texts().terms.severity(f.severity);
            let mut spans = vec![
                Span::raw(cell(id, id_w)),
                Span::styled(cell(severity, sev_w), theme::severity(f.severity)),
                Span::raw(cell(&f.title, title_w)),
                Span::raw(cell(&f.due, due_w)),
                Span::raw(cell(&f.owner, owner_w)),
                Span::styled(cell(&tie, tie_w), theme::get().muted),
            ];
            if i == self.selected {
                spans = spans
                    .into_iter()
                    .map(|s| Span::styled(s.content, theme::get().selected))
                    .collect();
            }
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// From this inner width on, the selected finding's text goes beside the list, else below it.
const BESIDE_FROM: u16 = 120;

/// The list's area and, when there is room, the selected finding's detail pane: beside the
/// list on wide screens, else under it (the list keeps at most half the height).
fn split(inner: Rect, findings: usize, beside: bool) -> (Rect, Option<Rect>) {
    if findings == 0 {
        return (inner, None);
    }
    if beside {
        let list_w = inner.width * 3 / 5;
        let list = Rect {
            width: list_w,
            ..inner
        };
        let detail = Rect {
            x: inner.x + list_w,
            width: inner.width - list_w,
            ..inner
        };
        return (list, Some(detail));
    }
    let rows = u16::try_from(findings + 1).unwrap_or(u16::MAX);
    let list_h = rows.min(inner.height / 2).max(2).min(inner.height);
    let list = Rect {
        height: list_h,
        ..inner
    };
    let detail = Rect {
        y: inner.y + list_h,
        height: inner.height - list_h,
        ..inner
    };
    // A pane with no room for a line of text under its rule is left out.
    (list, (detail.height >= 3).then_some(detail))
}

/// The selected finding in full: its title and what it is about, then its description and
/// recommendation, wrapped (CJK-aware); a text too long for the pane ends in `…`, and Enter
/// opens the whole of it in the form.
fn draw_detail(
    ctx: &Ctx,
    (id, f): (&str, &Finding),
    borders: Borders,
    area: Rect,
    buf: &mut Buffer,
) {
    let words = &ctx.lang().texts().workbench.findings;
    let block = Block::default()
        .borders(borders)
        .border_style(theme::get().border)
        .title(Span::styled(format!(" {id} "), theme::get().title));
    let inner = block.inner(area);
    block.render(area, buf);
    // A column of margin on each side, away from the rule and the popup's border.
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let tie = format!("{} {}", tie_word(ctx, &f.tie), f.tie);
    let mut lines: Vec<Line> = wrap_cut(&f.title, width, 2)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::get().bold)))
        .collect();
    lines.push(Line::from(Span::styled(
        truncate(&tie, width),
        theme::get().muted,
    )));
    // Two sections, each a label and its text, a blank line before each when the pane has
    // the rows; what is left is shared so that neither hides the other.
    let gaps = rows >= lines.len() + 6;
    let left = rows.saturating_sub(lines.len() + if gaps { 4 } else { 2 });
    let wrapped = |text: &str| wrap(head(text, width, left), width);
    let (desc, rec) = (wrapped(&f.description), wrapped(&f.recommendation));
    let (desc_rows, rec_rows) = share(desc.len(), rec.len(), left);
    for (label, text, n) in [
        (words.fields[2], desc, desc_rows),
        (words.fields[3], rec, rec_rows),
    ] {
        if gaps {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(label, theme::get().label)));
        if text.iter().all(|l| l.trim().is_empty()) {
            lines.push(Line::from(Span::styled("-", theme::get().muted)));
        } else if n == 0 {
            // No row left for it: the cut is seen, Enter shows the whole text.
            lines.push(Line::from(Span::styled("…", theme::get().muted)));
        } else {
            lines.extend(cut(text, width, n).into_iter().map(Line::from));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The start of `text`, enough to fill `rows` lines of `width` and show that more follows:
/// a pasted megabyte is not wrapped on every frame.
fn head(text: &str, width: usize, rows: usize) -> &str {
    let enough = (rows + 1) * (width + 1);
    text.char_indices()
        .nth(enough)
        .map_or(text, |(at, _)| &text[..at])
}

/// Shares `rows` between two texts needing `a` and `b` lines: each gets what it needs when
/// both fit, else neither takes more than half unless the other needs less (the first
/// takes the odd row).
fn share(a: usize, b: usize, rows: usize) -> (usize, usize) {
    if a + b <= rows {
        return (a, b);
    }
    let first = rows.div_ceil(2);
    if a <= first {
        (a, rows - a)
    } else if b <= rows - first {
        (rows - b, b)
    } else {
        (first, rows - first)
    }
}

/// Padded to `width` display columns (Chinese characters are two); cut with an ellipsis.
pub fn cell(text: &str, width: usize) -> String {
    let text = truncate(&text.replace('\n', " "), width);
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad + 1))
}

/// What a tie names (`practice`, `实践`), in the shown language; empty when unknown.
pub fn tie_word(ctx: &Ctx, tie: &str) -> &'static str {
    let words = &ctx.lang().texts().workbench;
    tie_kind(ctx.model, tie).map_or("", |k| words.tie_kind(k))
}

/// The requirement to show for a tie: the requirement itself, or where entering the practice
/// (or the domain's first practice in scope) lands.
pub fn tie_requirement(ctx: &Ctx, tie: &str) -> Option<usize> {
    let index = &ctx.model.index;
    if let Some(r) = index.requirement(tie) {
        return Some(r);
    }
    if let Some(p) = index.practice(tie) {
        return ctx.entry_of(p);
    }
    let mut practices = ctx.scope.iter().map(|&r| index.requirements[r].practice);
    let p = practices.find(|&p| domain_key(ctx.model, p) == tie)?;
    ctx.entry_of(p)
}

impl Component for FindingsList {
    fn context(&self) -> Context {
        Context::Findings
    }

    fn update(&mut self, action: Action, env: &Env) -> Effect {
        match &env.work {
            Some(ctx) => FindingsList::update(self, action, ctx),
            None => Effect::Close,
        }
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        if let Some(ctx) = &env.work {
            FindingsList::draw(self, ctx, env.hints_of(Context::Findings), area, buf);
        }
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        FindingsList::told(self, told);
    }
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn two_texts_share_the_rows_neither_hiding_the_other() {
        // (description needs, recommendation needs, rows) → (rows each)
        for (a, b, rows, want) in [
            (3, 2, 10, (3, 2)),
            (30, 2, 10, (8, 2)),
            (2, 30, 10, (2, 8)),
            (30, 30, 10, (5, 5)),
            (30, 30, 9, (5, 4)),
            (1, 1, 1, (1, 0)),
            (1, 1, 0, (0, 0)),
        ] {
            assert_eq!(share(a, b, rows), want, "{a} {b} {rows}");
        }
    }
}
