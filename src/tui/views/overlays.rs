//! Overlays drawn over the screen: help, palette, note editor, N/A prompt, evidence picker and
//! form, confirmation, export.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::tui::app::{App, ExportState, FORMATS, LANGS, Overlay};
use crate::tui::keymap::{self, Context};
use crate::tui::theme;
pub(super) use crate::tui::widgets::field::field;
use crate::tui::widgets::wrap::truncate;

/// A popup whose key hints are its context's, in `lang` (see `widgets::popup`).
pub(super) fn popup(
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    context: Context,
    lang: crate::lang::Lang,
    buf: &mut Buffer,
) -> Rect {
    let hints = keymap::hints_in(context, lang);
    crate::tui::widgets::popup::popup(area, w, h, title, hints, buf)
}

pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    let wide = area.width.saturating_sub(8).min(110);
    let lang = app.lang();
    match overlay {
        Overlay::Help { context, scroll } => help(app, *context, *scroll, area, buf),
        Overlay::Palette(p) => {
            let ctx = app.work.as_ref().map(crate::tui::app::Work::ctx);
            p.draw(
                ctx.as_ref(),
                lang,
                keymap::hints_in(Context::Palette, lang),
                area,
                buf,
            );
        }
        Overlay::Note(note) => {
            let t = lang.texts().overlays;
            let what = if note.discussion {
                t.discussion
            } else {
                t.note
            };
            let inner = popup(
                area,
                wide,
                area.height.saturating_sub(6).min(20),
                &fill(t.note_title, &[("what", what), ("id", &note.requirement)]),
                Context::Note,
                lang,
                buf,
            );
            // The requirement the note is about, since the popup covers the ladder.
            let label = app.work.as_ref().and_then(|w| {
                let r = w.model.index.requirement(&note.requirement)?;
                Some(w.requirement_label(r))
            });
            let mut editor = inner;
            if let Some(label) = label
                && inner.height > 2
            {
                let top = Rect { height: 1, ..inner };
                let text = truncate(&format!("▸ {label}"), usize::from(inner.width));
                Paragraph::new(Span::styled(text, theme::get().muted)).render(top, buf);
                editor.y += 1;
                editor.height -= 1;
            }
            note.editor.render(editor, buf);
        }
        Overlay::Justify { input, error } => {
            let t = lang.texts().overlays;
            let inner = popup(area, wide, 8, t.justify_title, Context::Justify, lang, buf);
            let req = app.work.as_ref().map(|w| {
                let pref = &w.model.index.practices[w.practice];
                let rref = &w.model.index.requirements[w.requirement];
                w.model
                    .model
                    .requirement_of(pref, rref)
                    .text
                    .get(w.lang())
                    .to_string()
            });
            let context = Line::from(Span::styled(req.unwrap_or_default(), theme::get().muted));
            prompt(
                Some(context),
                t.justify_label,
                input,
                error.as_deref(),
                inner,
                buf,
            );
        }
        Overlay::Evidence(picker) => {
            if let Some(work) = &app.work {
                let hints = keymap::hints_in(Context::Evidence, lang);
                picker.draw(&work.ctx(), hints, area, buf);
            }
        }
        Overlay::EvidenceForm(form) => {
            form.draw(
                lang,
                keymap::hints_in(Context::EvidenceForm, lang),
                area,
                buf,
            );
        }
        Overlay::EvidenceSearch(search) => {
            if let Some(work) = &app.work {
                let hints = keymap::hints_in(Context::EvidenceSearch, lang);
                search.draw(&work.ctx(), hints, area, buf);
            }
        }
        Overlay::Filter(picker) => super::register::filter_picker(app, picker, area, buf),
        Overlay::Confirm { question, .. } => {
            let title = lang.texts().workbench.findings.confirm_title;
            // A question with a list (what a quick level replaces, what sign-off finds)
            // grows the box; a short one keeps it at seven rows.
            let w = area.width.saturating_sub(4).min(70);
            let rows: usize = question
                .split('\n')
                .map(|l| crate::tui::widgets::wrap::wrap(l, usize::from(w.saturating_sub(2))).len())
                .sum();
            let h = u16::try_from(rows + 2)
                .unwrap_or(u16::MAX)
                .clamp(7, area.height);
            let inner = popup(area, w, h, title, Context::Confirm, lang, buf);
            Paragraph::new(question.clone())
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        }
        Overlay::Export(state) => export(state, lang, area, buf),
        Overlay::Findings(list) => {
            if let Some(work) = &app.work {
                let hints = keymap::hints_in(Context::Findings, lang);
                list.draw(&work.ctx(), hints, area, buf);
            }
        }
        Overlay::FindingForm(form) => {
            if let Some(work) = &app.work {
                let hints = keymap::hints_in(Context::FindingForm, lang);
                form.draw(&work.ctx(), hints, area, buf);
            }
        }
        Overlay::Agenda(editor) => super::agenda::editor(app, editor, area, buf),
        Overlay::History { scroll } => super::audit::history(app, *scroll, area, buf),
        Overlay::Decider(decider) => {
            if let Some(work) = &app.work {
                decider.draw(&work.session, lang, area, buf);
            }
        }
        Overlay::Participants(state) => super::audit::participants(app, state, area, buf),
        Overlay::Reason { input, error } => super::audit::reason(app, input, error, area, buf),
        Overlay::Conflicts { selected } => super::conflicts::queue(app, *selected, area, buf),
    }
}

fn help(app: &App, context: Context, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let entries = keymap::help_lines_in(context, lang);
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
    let inner = popup(area, w, h, &title, Context::Help, lang, buf);
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
    if let Some(note) = note {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(note, theme::get().muted)));
    }
    if context == Context::Assessment {
        lines.push(Line::default());
        let state = if app.auto_advance() { t.on } else { t.off };
        lines.push(Line::from(Span::styled(
            fill(t.help_auto_advance, &[("state", state)]),
            theme::get().muted,
        )));
        lines.push(Line::from(Span::styled(t.help_saving, theme::get().muted)));
        lines.push(Line::from(Span::styled(t.help_marks, theme::get().muted)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
}

/// A one-line text prompt: an optional line of context, the label with the text and its
/// cursor, and the error of the last try.
pub(super) fn prompt(
    context: Option<Line<'static>>,
    label: &str,
    input: &crate::tui::app::LineInput,
    error: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut lines: Vec<Line> = context.into_iter().collect();
    lines.push(Line::from(vec![
        Span::styled(label.to_string(), theme::get().bold),
        Span::raw(input.text.clone()),
        Span::styled("▏", theme::get().key),
    ]));
    if let Some(e) = error {
        lines.push(Line::from(Span::styled(e.to_string(), theme::get().error)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn export(state: &ExportState, lang: crate::lang::Lang, area: Rect, buf: &mut Buffer) {
    let t = lang.texts().overlays;
    let inner = popup(
        area,
        area.width.saturating_sub(8).min(90),
        9,
        t.export_title,
        Context::Export,
        lang,
        buf,
    );
    let mut lines = vec![
        field(
            t.export_fields[0],
            format!("◀ {} ▶", FORMATS[state.format].name()),
            state.field == 0,
        ),
        field(
            t.export_fields[1],
            format!(
                "◀ {} ▶",
                if crate::lang::Lang::from_code(LANGS[state.lang]) == crate::lang::Lang::Zh {
                    "中文"
                } else {
                    "English"
                }
            ),
            state.field == 1,
        ),
        field(
            t.export_fields[2],
            if state.redact {
                t.redact_yes
            } else {
                t.redact_no
            }
            .to_string(),
            state.field == 2,
        ),
    ];
    match &state.result {
        Some(Ok(path)) => lines.push(Line::from(Span::styled(
            fill(t.written_to, &[("path", path)]),
            theme::get().ok,
        ))),
        Some(Err(e)) => lines.push(Line::from(Span::styled(e.clone(), theme::get().error))),
        None => lines.push(Line::from(Span::styled(t.export_hint, theme::get().muted))),
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
