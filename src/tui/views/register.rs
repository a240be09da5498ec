//! The evidence register overlay (each entry with its file check), its fuzzy search, and the
//! review filter picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::overlays::{highlighted, popup};
use crate::i18n::workbench::Words;
use crate::tui::app::{App, EvidencePicker, PaletteState, Work};
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The check word of an entry (`changed`, …) with its style; None when it has no file.
pub fn check_span(work: &Work, id: &str) -> Option<Span<'static>> {
    let check = work.checks.get(id)?;
    Some(Span::styled(
        work.lang().texts().workbench.check(check).to_string(),
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

pub fn evidence_picker(app: &App, picker: &EvidencePicker, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let words = lang.texts().workbench;
    let h = area.height.saturating_sub(6).min(22);
    let inner = popup(
        area,
        area.width.saturating_sub(8).min(110),
        h,
        words.register.title,
        Context::Evidence,
        lang,
        buf,
    );
    let Some(work) = &app.work else { return };
    let width = usize::from(inner.width);
    let attached = work
        .session
        .answers
        .get(&work.requirement_id())
        .map(|a| a.evidence.clone())
        .unwrap_or_default();
    let mut lines = vec![Line::from(Span::styled(
        truncate(
            &Words::fill(words.register.hint, &[("id", &work.requirement_id())]),
            width,
        ),
        theme::get().muted,
    ))];
    if work.session.evidence.is_empty() {
        lines.push(Line::from(words.register.empty));
    }
    // Keep the selected entry in view (heading, two detail lines and the message).
    let rows = usize::from(inner.height).saturating_sub(4).max(1);
    let top = picker.selected.saturating_sub(rows - 1);
    for (i, (id, e)) in work
        .session
        .evidence
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
    {
        let mark = if attached.contains(id) { "[x]" } else { "[ ]" };
        let check = check_span(work, id);
        let check_w = check.as_ref().map_or(0, |c| c.content.width() + 1);
        let text = format!(
            "{mark} {id} {} · {} · {}",
            e.title,
            words.evidence_type(e.kind),
            e.location
        );
        let style = if i == picker.selected {
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
    lines.extend(details(work, picker.selected, width));
    if let Some(err) = &picker.error {
        lines.push(Line::from(Span::styled(err.clone(), theme::get().error)));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Who collected the selected entry and when, its fingerprint, and what cites it.
fn details(work: &Work, selected: usize, width: usize) -> Vec<Line<'static>> {
    let Some((id, e)) = work.session.evidence.iter().nth(selected) else {
        return Vec::new();
    };
    let w = &work.lang().texts().workbench.register;
    let mut collected = Words::fill(
        w.collected,
        &[("id", id), ("by", &e.added_by), ("at", &e.added_at)],
    );
    if let (Some(hash), Some(size)) = (&e.sha256, e.size) {
        let short: String = hash.chars().take(19).collect();
        collected.push_str(&format!(" · {short}… · {}", size_text(size)));
    } else if let Some(hash) = &e.sha256 {
        let short: String = hash.chars().take(19).collect();
        collected.push_str(&format!(" · {short}…"));
    }
    let cited = work.session.citing(id);
    let cited = if cited.is_empty() {
        w.cited_by_none.to_string()
    } else {
        Words::fill(w.cited_by, &[("ids", &cited.join(", "))])
    };
    vec![
        Line::from(Span::styled(
            truncate(&collected, width),
            theme::get().muted,
        )),
        Line::from(Span::styled(truncate(&cited, width), theme::get().muted)),
    ]
}

pub fn evidence_search(app: &App, p: &PaletteState, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let words = &lang.texts().workbench.register;
    let w = area.width.saturating_sub(10).min(110);
    let h = area.height.saturating_sub(8).min(18);
    let inner = popup(
        area,
        w,
        h,
        words.search_title,
        Context::EvidenceSearch,
        lang,
        buf,
    );
    let (n, total) = (p.hits.len().to_string(), p.items.len().to_string());
    let count = Words::fill(words.search_count, &[("n", &n), ("total", &total)]);
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme::get().key),
        Span::raw(p.query.text.clone()),
        Span::styled("▏", theme::get().key),
        Span::styled(format!("   {count}"), theme::get().muted),
    ])];
    let ids = app.evidence_ids();
    let rows = usize::from(inner.height.saturating_sub(1));
    let top = p.selected.saturating_sub(rows.saturating_sub(1));
    let room = usize::from(inner.width).saturating_sub(12);
    for (i, hit) in p.hits.iter().enumerate().skip(top).take(rows) {
        let item = &p.items[hit.item];
        let base = if i == p.selected {
            theme::get().selected
        } else {
            theme::get().text
        };
        let text = p.items.text(hit.item, hit.text);
        let mut spans = highlighted(text, &hit.indices, room, base);
        let check = app
            .work
            .as_ref()
            .zip(ids.get(item.target))
            .and_then(|(w, id)| check_span(w, id));
        if let Some(check) = check {
            spans.push(Span::raw("  "));
            spans.push(check);
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(inner, buf);
}
