//! The overlays not yet components, drawn over the screen: palette, evidence form (the
//! components draw themselves: `overlays::*`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::i18n::workbench::Words;
use crate::tui::app::{App, EvidenceForm, Overlay, PaletteState};
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
    if let Some(component) = overlay.component() {
        component.draw(&app.ctx(), area, buf);
        return;
    }
    let lang = app.lang();
    match overlay {
        Overlay::Palette(p) => palette(app, p, area, buf),
        Overlay::Evidence(picker) => super::register::evidence_picker(app, picker, area, buf),
        Overlay::EvidenceForm(form) => evidence_form(form, lang, area, buf),
        Overlay::EvidenceSearch(p) => super::register::evidence_search(app, p, area, buf),
        Overlay::Findings(list) => super::findings::list(app, list, area, buf),
        Overlay::FindingForm(form) => super::findings::form(app, form, area, buf),
        Overlay::Conflicts { selected } => super::conflicts::queue(app, *selected, area, buf),
        // Components drew themselves above.
        _ => {}
    }
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
