//! The status line: session title, progress, save state and key hints from the keymap.

use crate::i18n::fill;
use crate::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, SaveState};
use crate::tui::keymap::{self, Context};
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

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
        spans.push(Span::styled(key, theme::KEY));
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
    if work.checking.is_some() {
        parts.push(m.checking.to_string());
    }
    if changed > 0 {
        parts.push(fill(m.changed, &[("n", &changed.to_string())]));
    }
    if missing > 0 {
        parts.push(fill(m.missing, &[("n", &missing.to_string())]));
    }
    if !parts.is_empty() {
        out.push_str(&format!(" · {}: {}", m.evidence, parts.join(", ")));
    }
    out
}

/// Two rows: session state on top, hints below.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(work) = &app.work else { return };
    let (answered, total) = work.progress();
    let w = work.lang().texts().workbench;
    let save = match &work.save {
        _ if work.read_only.is_some() => Span::styled(format!(" {} ", w.read_only), theme::WARN),
        SaveState::Saved => Span::styled(format!(" {} ", w.saved), theme::OK),
        SaveState::Pending => Span::styled(format!(" {} ", w.saving), theme::WARN),
        SaveState::Failed(err) => Span::styled(format!(" {}: {err} ", w.not_saved), theme::ERROR),
    };
    let lang = if work.lang() == Lang::Zh {
        "中文"
    } else {
        "EN"
    };
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
    let save = match &work.session.sign_off {
        Some(_) if work.read_only.is_none() && work.save == SaveState::Saved => {
            Span::styled(format!(" {} ", w.final_mark), theme::FINAL)
        }
        _ => save,
    };
    let timebox = work.timebox().map(|t| {
        let style = if t.over {
            theme::TIMEBOX_OVER
        } else {
            theme::TIMEBOX
        };
        Span::styled(format!(" ⏱ {} ", t.text), style)
    });
    let save_w = save.content.width() + timebox.as_ref().map_or(0, |t| t.content.width());
    let title_w = usize::from(area.width).saturating_sub(right.width() + save_w + 1);
    let mut spans = vec![
        Span::styled(
            format!(
                " {}",
                truncate(&work.session.title, title_w.saturating_sub(1))
            ),
            theme::STATUS_BAR.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(right, theme::STATUS_BAR),
    ];
    spans.extend(timebox);
    spans.push(save);
    if let Some(message) = &app.message {
        spans.push(Span::styled(format!(" {message}"), theme::WARN));
    } else if let (Some(change), SaveState::Saved) = (&app.last_change, &work.save) {
        spans.push(Span::styled(format!("· {change}"), theme::OK));
    }
    let top = Rect { height: 1, ..area };
    buf.set_style(top, theme::STATUS_BAR);
    Paragraph::new(Line::from(spans)).render(top, buf);
    if area.height > 1 {
        let bottom = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        let spans = spans_of(keymap::hints_in(app.context(), work.lang()));
        Paragraph::new(Line::from(spans)).render(bottom, buf);
    }
}
