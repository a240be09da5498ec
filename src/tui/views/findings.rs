//! The findings view (a table over the whole screen) and the finding form.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::overlays::popup;
use crate::i18n::workbench::Words;
use crate::session::{Severity, tie_kind};
use crate::tui::app::{App, FindingForm, FindingsList, Work};
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// Padded to `width` display columns (Chinese characters are two).
fn cell(text: &str, width: usize) -> String {
    let text = truncate(&text.replace('\n', " "), width);
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad + 1))
}

pub fn list(app: &App, list: &FindingsList, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let lang = work.lang();
    let words = &lang.texts().workbench.findings;
    let findings = work.session.findings_sorted();
    let title = Words::fill(words.title, &[("n", &findings.len().to_string())]);
    let inner = popup(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
        &title,
        Context::Findings,
        lang,
        buf,
    );
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
    let top = list.selected.saturating_sub(height.saturating_sub(1));
    for (i, (id, f)) in findings.iter().enumerate().skip(top).take(height) {
        let tie = format!("{} {}", tie_word(work, &f.tie), f.tie);
        let mut spans = vec![
            Span::raw(cell(id, id_w)),
            Span::styled(
                cell(lang.texts().terms.severity(f.severity), sev_w),
                theme::severity(f.severity),
            ),
            Span::raw(cell(&f.title, title_w)),
            Span::raw(cell(&f.due, due_w)),
            Span::raw(cell(&f.owner, owner_w)),
            Span::styled(cell(&tie, tie_w), theme::get().muted),
        ];
        if i == list.selected {
            spans = spans
                .into_iter()
                .map(|s| Span::styled(s.content, theme::get().selected))
                .collect();
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(inner, buf);
}

pub fn form(app: &App, form: &FindingForm, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let words = &lang.texts().workbench.findings;
    let title = match &form.id {
        Some(id) => Words::fill(words.edit, &[("id", id)]),
        None => words.new.to_string(),
    };
    let h = area.height.saturating_sub(2).min(22);
    let inner = popup(
        area,
        area.width.saturating_sub(6).min(100),
        h,
        &title,
        Context::FindingForm,
        lang,
        buf,
    );
    let label_w = words.fields.iter().map(|f| f.width()).max().unwrap_or(0) + 2;
    let value_w = usize::from(inner.width).saturating_sub(label_w + 1);
    // Rows left for the description after the six one-line fields and the error line.
    let desc_h = inner.height.saturating_sub(8).max(1);
    let mut y = inner.y;
    for (i, name) in words.fields.iter().enumerate() {
        let focused = form.field == i;
        let style = if focused {
            theme::get().selected
        } else {
            theme::get().bold
        };
        let rows = if i == 2 { desc_h } else { 1 };
        if y + rows > inner.y + inner.height {
            break;
        }
        let label = Rect::new(inner.x, y, inner.width.min(label_w as u16), 1);
        Paragraph::new(Span::styled(cell(name, label_w - 1), style)).render(label, buf);
        let value = Rect::new(inner.x + label_w as u16, y, value_w as u16, rows);
        match i {
            2 => form.description.render(value, buf),
            1 => Paragraph::new(severity_scale(form.severity, lang)).render(value, buf),
            _ => {
                let text = match i {
                    0 => form.title.text.clone(),
                    3 => form.recommendation.text.clone(),
                    4 => form.owner.text.clone(),
                    5 => form.due.text.clone(),
                    _ => tie_text(app, form),
                };
                let caret = if focused && i != 1 && i != 6 {
                    "▏"
                } else {
                    ""
                };
                let line = Line::from(vec![
                    Span::raw(truncate(&text, value_w.saturating_sub(1))),
                    Span::styled(caret, theme::get().key),
                ]);
                Paragraph::new(line).render(value, buf);
            }
        }
        y += rows;
    }
    if let Some(error) = &form.error {
        let row = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
        Paragraph::new(Span::styled(error.clone(), theme::get().error)).render(row, buf);
    }
}

/// The severities from least to most severe, left to right, the chosen one marked: → moves
/// towards High as drawn, ← towards Info.
fn severity_scale(chosen: Severity, lang: crate::lang::Lang) -> Line<'static> {
    let mut spans = vec![Span::styled("◂ ", theme::get().key)];
    for (i, severity) in Severity::ALL.iter().rev().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::get().muted));
        }
        let label = lang.texts().terms.severity(*severity);
        spans.push(if *severity == chosen {
            Span::styled(format!("[{label}]"), theme::severity(chosen))
        } else {
            Span::styled(label.to_string(), theme::get().muted)
        });
    }
    spans.push(Span::styled(" ▸", theme::get().key));
    Line::from(spans)
}

/// `◂ practice cd.config.vc.vcs ▸`
fn tie_text(app: &App, form: &FindingForm) -> String {
    let tie = form.ties.get(form.tie).cloned().unwrap_or_default();
    let kind = app.work.as_ref().map_or("", |w| tie_word(w, &tie));
    format!("◂ {kind} {tie} ▸")
}

/// What a tie names (`practice`, `实践`), in the workbench's language; empty when unknown.
fn tie_word(work: &Work, tie: &str) -> &'static str {
    tie_kind(&work.model, tie).map_or("", |k| work.lang().texts().workbench.tie_kind(k))
}
