//! The audit overlays: the history of the current requirement, who decides, participants and
//! the reopen prompt. Labels follow the workbench language.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::overlays::popup;
use crate::tui::app::{App, LineInput, ParticipantsState};
use crate::tui::keymap::Context;
use crate::tui::overlays::decider::shown;
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The audit trail's field codes the history panel names (others show as recorded).
const HISTORY_FIELDS: [&str; 13] = [
    "status",
    "justification",
    "note",
    "evidence",
    "flag",
    "decided by",
    "discussion",
    "target",
    "participant",
    "participants",
    "assessors",
    "sign-off",
    "reopen",
];

/// A history field name in the shown language.
pub fn field_label(field: &str, zh: bool) -> &str {
    let lang = if zh {
        crate::lang::Lang::Zh
    } else {
        crate::lang::Lang::En
    };
    HISTORY_FIELDS
        .iter()
        .position(|f| *f == field)
        .map(|i| lang.texts().overlays.history_fields[i])
        .or_else(|| crate::session::team_field_label(field, lang))
        .unwrap_or(field)
}

/// A recorded value in the shown language: statuses are recorded as codes (older files hold
/// English labels), the flag as `flagged`.
fn value_label(field: &str, value: &str, zh: bool) -> String {
    let lang = if zh {
        crate::lang::Lang::Zh
    } else {
        crate::lang::Lang::En
    };
    if let Some(shown) = crate::session::recorded_value(field, value, lang) {
        return shown.to_string();
    }
    match field {
        "flag" if value == "flagged" && zh => "已标记".to_string(),
        _ => value.to_string(),
    }
}

/// A recorded answer on a model's own scale (the trail holds its option id), by its label.
fn scale_label(work: &crate::tui::app::Work, id: &str, field: &str, value: &str) -> Option<String> {
    use crate::session::{Status, scale};
    if field != "status" || scale::is_caict(&work.model.model) {
        return None;
    }
    let label = scale::own_label(&work.model, id, Status::new(value), work.lang());
    (!label.is_empty()).then_some(label)
}

fn zh(app: &App) -> bool {
    app.work
        .as_ref()
        .is_some_and(|w| w.lang() == crate::lang::Lang::Zh)
}

/// The history of the current requirement, newest first: when, who, field, old → new.
pub fn history(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let zh = zh(app);
    let lang = app.lang();
    let t = lang.texts().overlays;
    let id = work.requirement_id();
    let title = t.history_title;
    let w = area.width.saturating_sub(8).min(110);
    let inner = popup(
        area,
        w,
        area.height.saturating_sub(4).min(20),
        &format!("{title} · {id}"),
        Context::History,
        lang,
        buf,
    );
    let changes: Vec<_> = work.session.history_of(&id).collect();
    let mut lines = Vec::new();
    if changes.is_empty() {
        let none = t.no_changes;
        lines.push(Line::from(Span::styled(none, theme::get().muted)));
    }
    let by_w = changes.iter().map(|c| c.by.width()).max().unwrap_or(0);
    let field_w = changes
        .iter()
        .map(|c| field_label(&c.field, zh).width())
        .max()
        .unwrap_or(0);
    for c in changes.iter().rev() {
        let when = c.at.replace('T', " ").trim_end_matches('Z').to_string();
        let field = field_label(&c.field, zh);
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        let empty = t.empty_value;
        let show = |s: &str| {
            if s.is_empty() {
                empty.to_string()
            } else {
                scale_label(work, &id, &c.field, s)
                    .unwrap_or_else(|| value_label(&c.field, s, zh))
                    .replace('\n', " ⏎ ")
            }
        };
        let rest = usize::from(inner.width).saturating_sub(20 + by_w + field_w + 6);
        lines.push(Line::from(vec![
            Span::styled(when, theme::get().muted),
            Span::raw("  "),
            Span::styled(pad(&c.by, by_w), theme::get().bold),
            Span::raw("  "),
            Span::styled(pad(field, field_w), theme::get().title),
            Span::raw("  "),
            Span::raw(truncate(
                &format!("{} → {}", show(&c.old), show(&c.new)),
                rest,
            )),
        ]));
    }
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}

/// The participants and their roles; `Name: Role` while adding or editing.
pub fn participants(app: &App, state: &ParticipantsState, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let lang = app.lang();
    let t = lang.texts().overlays;
    let people = &work.session.participants;
    let h = u16::try_from(people.len())
        .unwrap_or(u16::MAX)
        .saturating_add(7)
        .min(22);
    let title = t.participants_title;
    let context = if state.form.is_some() {
        Context::ParticipantForm
    } else {
        Context::Participants
    };
    let inner = popup(area, 70, h, title, context, lang, buf);
    let mut lines: Vec<Line> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == state.selected && state.form.is_none() {
                theme::get().selected
            } else {
                theme::get().text
            };
            Line::from(Span::styled(format!(" {} ", shown(p)), style))
        })
        .collect();
    if people.is_empty() {
        lines.push(Line::from(Span::styled(
            t.no_participants,
            theme::get().muted,
        )));
    }
    if let Some((input, _)) = &state.form {
        let label = t.name_role;
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(label, theme::get().muted),
            Span::raw(input.text.clone()),
            Span::styled("▏", theme::get().key),
        ]));
    }
    if let Some(e) = &state.error {
        lines.push(Line::from(Span::styled(e.clone(), theme::get().error)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// Why a final session is reopened (required, logged).
pub fn reason(app: &App, input: &LineInput, error: &Option<String>, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let w = lang.texts().workbench;
    let inner = popup(area, 70, 7, w.reopen_title, Context::Reason, lang, buf);
    super::overlays::prompt(None, w.reopen_label, input, error.as_deref(), inner, buf);
}
