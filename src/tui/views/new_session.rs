//! The new-session form: model, title, organisation, scope, parts in scope and target level,
//! with defaults that let Enter start an assessment at once.

use crate::i18n::fill;
use crate::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::centered;
use super::status::render_hints;
use crate::tui::app::{App, Field};
use crate::tui::keymap::Context;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

fn label(text: &str, focused: bool) -> Span<'static> {
    let style = if focused {
        theme::get().key
    } else {
        theme::get().bold
    };
    // Padded by display width: `{:>13}` counts characters, so Chinese labels (two columns
    // each) would stick out past the English ones.
    let pad = 13usize.saturating_sub(unicode_width::UnicodeWidthStr::width(text));
    Span::styled(format!("{:pad$}{text}: ", ""), style)
}

fn value(text: &str, focused: bool) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw(text.to_string())];
    if focused {
        spans.push(Span::styled("▏", theme::get().key));
    }
    spans
}

/// The chosen model, ←/→ to choose another: its id, version and name in the workbench's
/// language, cut to one line.
fn model_line(app: &App, focused: bool, width: usize) -> Line<'static> {
    let lang = app.lang();
    let t = lang.texts().home;
    let label = label(t.model_field, focused);
    let room = width.saturating_sub(label.width());
    let mut spans = vec![label];
    if let Some(m) = app.form.chosen_model() {
        let values = [
            ("name", m.name.get(lang.code())),
            ("version", m.version.as_str()),
            ("id", m.id.as_str()),
        ];
        let text = fill(t.model_choice, &values);
        spans.push(Span::raw(truncate(&text, room)));
    }
    Line::from(spans)
}

/// How many installed models are not offered and why (the first), cut to one line.
fn skipped_line(app: &App, width: usize) -> Line<'static> {
    let t = app.lang().texts().home;
    let skipped = &app.form.models.skipped;
    let Some(first) = skipped.first() else {
        return Line::default();
    };
    let text = if skipped.len() == 1 {
        fill(t.model_skipped_one, &[("first", first)])
    } else {
        let count = skipped.len().to_string();
        fill(t.model_skipped_many, &[("count", &count), ("first", first)])
    };
    Line::from(Span::styled(truncate(&text, width), theme::get().muted))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let form = &app.form;
    let lang = app.lang();
    let t = lang.texts().home;
    let box_area = centered(area, 90, 21);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border_focus)
        .title(Span::styled(t.new_title, theme::get().title));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let focus = form.field();
    let mut lines = vec![
        model_line(app, focus == Field::Model, usize::from(inner.width)),
        skipped_line(app, usize::from(inner.width)),
    ];
    for (field, name, input) in [
        (Field::Title, t.fields[0], &form.title),
        (Field::Organisation, t.fields[1], &form.organisation),
        (Field::Scope, t.fields[2], &form.scope),
    ] {
        let mut spans = vec![label(name, focus == field)];
        spans.extend(value(&input.text, focus == field));
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(label(t.fields[3], focus == Field::Parts)));
    for (i, (_, en, zh, on)) in form.parts.iter().enumerate() {
        let mark = if *on { "[x]" } else { "[ ]" };
        // A model without Chinese names shows its English name once.
        let text = match lang {
            Lang::En if en != zh => format!("               {mark} {en} / {zh}"),
            Lang::En => format!("               {mark} {en}"),
            Lang::Zh => format!("               {mark} {zh}"),
        };
        let style = if focus == Field::Parts && i == form.part_cursor {
            theme::get().selected
        } else {
            theme::get().text
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let mut target = vec![label(t.fields[4], focus == Field::Target)];
    target.push(Span::raw(format!("◀ L{} ▶", form.target)));
    lines.push(Line::from(target));
    let mut baseline = vec![label(t.fields[5], focus == Field::Baseline)];
    if form.baseline.text.is_empty() && focus != Field::Baseline {
        baseline.push(Span::styled(t.baseline_hint, theme::get().muted));
    } else {
        baseline.extend(value(&form.baseline.text, focus == Field::Baseline));
    }
    lines.push(Line::from(baseline));
    lines.push(Line::default());
    if let Some(err) = &form.error {
        lines.push(Line::from(Span::styled(err.clone(), theme::get().error)));
    } else {
        lines.push(Line::from(Span::styled(t.form_hint, theme::get().muted)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
    let hints = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    render_hints(Context::NewSession, lang, hints, buf);
}
