//! The status line: session title, progress, save state and key hints from the keymap.

use crate::i18n::fill;
use crate::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, SaveState, Work};
use crate::tui::keymap::{self, Context};
use crate::tui::theme;
use crate::tui::widgets::wrap::{truncate, wrap};

/// Key hints of a context as styled spans: `key desc · key desc`.
pub fn hint_spans(context: Context) -> Vec<Span<'static>> {
    spans_of(keymap::hints(context))
}

/// Key hints of a context in the workbench's language.
pub fn hint_spans_in(context: Context, lang: Lang) -> Vec<Span<'static>> {
    spans_of(keymap::hints_in(context, lang))
}

/// (key, description) pairs as styled spans.
fn spans_of(hints: Vec<(String, String)>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (key, desc)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, theme::get().key));
        spans.push(Span::raw(format!(" {desc}")));
    }
    spans
}

/// A footer line of hints.
pub fn render_hints(context: Context, lang: Lang, area: Rect, buf: &mut Buffer) {
    Paragraph::new(Line::from(hint_spans_in(context, lang))).render(area, buf);
}

/// The review filter in force and the evidence files not as attached, when there are any:
/// ` · filter: flagged (3) · evidence: 1 changed, 1 missing`.
fn review_text(work: &crate::tui::app::Work) -> String {
    let m = work.lang().texts().messages;
    let mut out = String::new();
    if let Some(f) = work.filter {
        let n = work
            .scope
            .iter()
            .filter(|&&r| work.matches(r))
            .count()
            .to_string();
        let filter = work.lang().texts().terms.filter(f);
        out.push_str(" · ");
        out.push_str(&fill(m.filter, &[("filter", filter), ("n", &n)]));
    }
    let (changed, missing) = crate::review::evidence_problems(&work.checks);
    let mut parts = Vec::new();
    if let Some(job) = &work.checking {
        let percent = job.progress.percent().to_string();
        let checking = fill(m.checking, &[("percent", &percent)]);
        let esc = work.lang().texts().trust.esc_cancels;
        parts.push(format!("{checking} ({esc})"));
    }
    if changed > 0 {
        parts.push(fill(m.changed, &[("n", &changed.to_string())]));
    }
    if missing > 0 {
        parts.push(fill(m.missing, &[("n", &missing.to_string())]));
    }
    if !parts.is_empty() {
        let labelled = work.lang().texts().deliverable.labelled;
        let line = fill(
            labelled,
            &[("label", m.evidence), ("value", &parts.join(", "))],
        );
        out.push_str(&format!(" · {line}"));
    }
    out
}

/// The status line at one width: the state row's spans, and what did not fit on it (a long
/// message or save error), wrapped into rows of their own so its end is never lost.
struct Laid {
    top: Vec<Span<'static>>,
    overflow: Vec<Line<'static>>,
}

/// At most this many rows of message below the state row (a third of a small screen).
const MAX_OVERFLOW: usize = 8;

/// The state row without the message: title, progress, language, decider, review and
/// timebox; and the save state apart, as it is shortened when an error goes below.
/// A failed save on the status line: `NOT SAVED: why`, with the language's colon.
fn not_saved(lang: Lang, err: &str) -> String {
    let t = lang.texts();
    let values = [("label", t.workbench.not_saved), ("value", err)];
    fill(t.deliverable.labelled, &values)
}

fn state_row(app: &App, work: &Work, width: usize) -> (Vec<Span<'static>>, Span<'static>) {
    let (answered, total) = work.progress();
    let w = work.lang().texts().workbench;
    let save = match &work.save {
        _ if work.read_only.is_some() => {
            Span::styled(format!(" {} ", w.read_only), theme::get().warn)
        }
        _ if work.session.sign_off.is_some() && work.save == SaveState::Saved => {
            Span::styled(format!(" {} ", w.final_mark), theme::get().final_mark)
        }
        SaveState::Saved => Span::styled(format!(" {} ", w.saved), theme::get().ok),
        SaveState::Pending => Span::styled(format!(" {} ", w.saving), theme::get().warn),
        SaveState::Failed(err) => Span::styled(
            format!(" {} ", not_saved(work.lang(), err)),
            theme::get().error,
        ),
    };
    let lang = w.language;
    let auto = if app.auto_advance() {
        String::new()
    } else {
        format!(" · {}", w.auto_off)
    };
    let decider = match work.session.cursor.decider.as_str() {
        "" => String::new(),
        name => format!(" · {} {name}", w.decider),
    };
    let right = format!(
        " {answered}/{total} {} · {lang}{auto}{decider}{} ",
        w.answered,
        review_text(work)
    );
    let timebox = work.timebox().map(|t| {
        let style = if t.over {
            theme::get().timebox_over
        } else {
            theme::get().timebox
        };
        Span::styled(format!(" ⏱ {} ", t.text), style)
    });
    let save_w = save.content.width() + timebox.as_ref().map_or(0, |t| t.content.width());
    let title_w = width.saturating_sub(right.width() + save_w + 1);
    let title = format!(
        " {}",
        truncate(&work.session.title, title_w.saturating_sub(1))
    );
    let bold = theme::get()
        .status_bar
        .add_modifier(ratatui::style::Modifier::BOLD);
    let mut spans = vec![
        Span::styled(title, bold),
        Span::styled(right, theme::get().status_bar),
    ];
    spans.extend(timebox);
    // A merge left disagreements: the banner stays until every one is resolved (M opens them).
    let conflicts = work.session.conflicts.len();
    if conflicts > 0 {
        let t = work.lang().texts().teams;
        let text = crate::i18n::fill(t.banner, &[("n", &conflicts.to_string())]);
        spans.push(Span::styled(format!(" {text} "), theme::get().error));
    }
    (spans, save)
}

/// The state row with the message (or the last change) when all of it fits; else the save
/// error and the message wrapped below it, whole.
fn lay_out(app: &App, width: usize) -> Option<Laid> {
    let work = app.work.as_ref()?;
    let (mut top, save) = state_row(app, work, width);
    let message = app
        .message
        .as_ref()
        .map(|m| Span::styled(format!(" {m}"), theme::get().warn));
    let used: usize = top
        .iter()
        .chain([&save])
        .chain(&message)
        .map(|s| s.content.width())
        .sum();
    if used <= width {
        top.push(save);
        match message {
            Some(message) => top.push(message),
            None => {
                if let (Some(change), SaveState::Saved) = (app.last_change(), &work.save) {
                    top.push(Span::styled(format!("· {change}"), theme::get().ok));
                }
            }
        }
        return Some(Laid {
            top,
            overflow: Vec::new(),
        });
    }
    let mut below: Vec<(String, Style)> = Vec::new();
    match &work.save {
        SaveState::Failed(err) if work.read_only.is_none() => {
            let w = work.lang().texts().workbench;
            top.push(Span::styled(
                format!(" {} ", w.not_saved),
                theme::get().error,
            ));
            below.push((not_saved(work.lang(), err), theme::get().error));
        }
        _ => top.push(save),
    }
    below.extend(app.message.iter().map(|m| (m.clone(), theme::get().warn)));
    let mut overflow: Vec<Line> = below
        .iter()
        .flat_map(|(text, style)| {
            wrap(text, width.saturating_sub(1))
                .into_iter()
                .map(move |l| Line::from(Span::styled(format!(" {l}"), *style)))
        })
        .collect();
    overflow.truncate(MAX_OVERFLOW);
    Some(Laid { top, overflow })
}

/// How many rows the status line takes at `width`: two, and more while a message or save
/// error is too long for its row.
pub fn height(app: &App, width: u16) -> u16 {
    let extra = lay_out(app, usize::from(width)).map_or(0, |l| l.overflow.len());
    u16::try_from(2 + extra).unwrap_or(2)
}

/// The state row on top, a long message's rows under it, the hints last.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let Some(laid) = lay_out(app, usize::from(area.width)) else {
        return;
    };
    let top = Rect { height: 1, ..area };
    buf.set_style(top, theme::get().status_bar);
    Paragraph::new(Line::from(laid.top)).render(top, buf);
    // The message's rows under the state row; the hints last, when there is a row for them
    // (the facilitator view has none).
    let rows = u16::try_from(laid.overflow.len()).unwrap_or(0);
    let below = Rect {
        y: area.y + 1,
        height: rows.min(area.height.saturating_sub(1)),
        ..area
    };
    Paragraph::new(laid.overflow).render(below, buf);
    if area.height >= rows + 2 {
        let bottom = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        let words = |a| work.key_words(a).fit(usize::from(area.width));
        let spans = spans_of(keymap::hints_with(app.context(), work.lang(), &words));
        Paragraph::new(Line::from(spans)).render(bottom, buf);
    }
}
