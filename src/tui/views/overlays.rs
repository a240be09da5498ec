//! Overlays drawn over the screen: help, palette, note editor, N/A prompt, evidence picker and
//! form, confirmation, export.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::i18n::workbench::Words;
use crate::tui::app::{App, EvidenceForm, ExportState, FORMATS, LANGS, Overlay, PaletteState};
use crate::tui::keymap::{self, Context};
use crate::tui::theme;
pub(super) use crate::tui::widgets::field::field;
pub(super) use crate::tui::widgets::highlight::highlighted;
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
        Overlay::Palette(p) => palette(app, p, area, buf),
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
        Overlay::Evidence(picker) => super::register::evidence_picker(app, picker, area, buf),
        Overlay::EvidenceForm(form) => evidence_form(form, lang, area, buf),
        Overlay::EvidenceSearch(p) => super::register::evidence_search(app, p, area, buf),
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
        Overlay::Findings(list) => super::findings::list(app, list, area, buf),
        Overlay::FindingForm(form) => super::findings::form(app, form, area, buf),
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

/// Where a palette entry sits, so entries with the same name (a domain in two parts, a
/// requirement text in two practices) can be told apart: the part of a domain, the domain of
/// an item, the item of a practice, the practice of anything on a requirement.
fn palette_context(app: &App, item: &crate::tui::palette::Item) -> String {
    use crate::tui::palette::Kind;
    let Some(work) = &app.work else {
        return String::new();
    };
    let Some(rref) = work.model.index.requirements.get(item.target) else {
        return String::new();
    };
    let pref = &work.model.index.practices[rref.practice];
    let model = &work.model.model;
    let lang = work.lang();
    let part = model.part_of(pref).name.get(lang);
    let domain = model.domain_of(pref).name.get(lang);
    let practice = model.practice_of(pref).name.get(lang);
    match item.kind {
        Kind::Part => String::new(),
        Kind::Domain => part.to_string(),
        Kind::Item => domain.to_string(),
        Kind::Practice => model.item_of(pref).name.get(lang).to_string(),
        Kind::Requirement | Kind::Note | Kind::Evidence | Kind::Finding => practice.to_string(),
    }
}

/// What an entry is called in the shown language (a name, a requirement's text; a finding's
/// id and title): a row whose match is an id, the other language or a finding's owner shows
/// this beside it.
fn palette_name(app: &App, p: &PaletteState, entry: usize) -> Option<String> {
    use crate::tui::palette::Kind;
    let item = &p.items[entry];
    let work = app.work.as_ref()?;
    let rref = work.model.index.requirements.get(item.target)?;
    let pref = &work.model.index.practices[rref.practice];
    let model = &work.model.model;
    let lang = work.lang();
    let name = match item.kind {
        Kind::Part => model.part_of(pref).name.get(lang),
        Kind::Domain => model.domain_of(pref).name.get(lang),
        Kind::Item => model.item_of(pref).name.get(lang),
        Kind::Practice => model.practice_of(pref).name.get(lang),
        Kind::Requirement => model.requirement_of(pref, rref).text.get(lang),
        Kind::Note | Kind::Evidence | Kind::Finding => p.items.text(entry, 0),
    };
    Some(name.to_string())
}

/// A row's text: what matched, followed by the entry's name when the match was something
/// else (a requirement id, the other language), so no row shows only an id.
fn palette_row_text(app: &App, p: &PaletteState, hit: &crate::tui::palette::Hit) -> String {
    let matched = p.items.text(hit.item, hit.text);
    let name = palette_name(app, p, hit.item).filter(|n| !n.is_empty());
    match name {
        // Nothing typed yet: every entry by its name.
        Some(name) if p.query.text.trim().is_empty() => name,
        Some(name) if name != matched => format!("{matched} · {name}"),
        _ => matched.to_string(),
    }
}

fn palette(app: &App, p: &PaletteState, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(6).min(120);
    let h = area.height.saturating_sub(4);
    let lang = app.lang();
    let t = lang.texts().overlays;
    let inner = popup(area, w, h, t.palette_title, Context::Palette, lang, buf);
    let n = p.hits.len();
    let count = if p.stale {
        format!("   {}", t.searching)
    } else if n == 1 && lang == crate::lang::Lang::En {
        "   1 match".to_string()
    } else {
        format!("   {}", fill(t.matches, &[("n", &n.to_string())]))
    };
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme::get().key),
        Span::raw(p.query.text.clone()),
        Span::styled("▏", theme::get().key),
        Span::styled(count, theme::get().muted),
    ])];
    let rows = usize::from(inner.height.saturating_sub(1));
    let top = p.selected.saturating_sub(rows.saturating_sub(1));
    let room = usize::from(inner.width).saturating_sub(10);
    for (i, hit) in p.hits.iter().enumerate().skip(top).take(rows) {
        let item = &p.items[hit.item];
        let selected = i == p.selected;
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
        let text = &palette_row_text(app, p, hit);
        // The place takes at most a third of the row; the text keeps the rest.
        let context = palette_context(app, item);
        let context = if context.is_empty() {
            String::new()
        } else {
            format!("  {}", truncate(&context, room / 3))
        };
        let text_room = room.saturating_sub(context.width());
        let indices = if hit.indices.is_empty() && !p.query.text.trim().is_empty() {
            &crate::tui::palette::match_indices(text, &p.query.text)
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
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(inner, buf);
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

fn evidence_form(form: &EvidenceForm, lang: crate::lang::Lang, area: Rect, buf: &mut Buffer) {
    let words = lang.texts().workbench;
    let w = &words.register;
    let inner = popup(
        area,
        area.width.saturating_sub(8).min(90),
        9,
        &match &form.editing {
            Some(id) => Words::fill(w.edit, &[("id", id)]),
            None => w.new.to_string(),
        },
        Context::EvidenceForm,
        lang,
        buf,
    );
    let kind = capitalized(words.evidence_type(form.kind));
    let mut lines = vec![
        field(w.fields[0], form.title.text.clone(), form.field == 0),
        field(w.fields[1], format!("◀ {kind} ▶"), form.field == 1),
        field(w.fields[2], form.location.text.clone(), form.field == 2),
        Line::from(Span::styled(w.form_note, theme::get().muted)),
    ];
    if let Some(err) = &form.error {
        lines.push(Line::from(Span::styled(err.clone(), theme::get().error)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// `document` → `Document` (Chinese is left as it is).
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
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
