//! The export dialog (`E`): format, language and redaction, and where the file went. Writing
//! is the report module's `export` (as `assess report`) or the questionnaire's (as
//! `assess export-xlsx`); it reads the session and writes beside it, never changing it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Context;
use super::{Component, Ctx, Effect, Env};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::report::{self, Format, ReportOptions};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::field::field;
use crate::xlsx::{self, QuestionnaireOptions};

/// The keys of the `Export` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("Tab", Action::NextField),
    b("S-Tab", Action::PrevField),
    b("Down", Action::NextField),
    b("Up", Action::PrevField),
    h("Left", Action::Left),
    b("Right", Action::Right),
    b("Space", Action::Toggle),
    h("Esc", Action::Cancel),
];

/// What the dialog can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Report(Format),
    /// The self-assessment workbook teams fill in and send back.
    Questionnaire,
}

impl ExportKind {
    /// The choice as the dialog shows it in `lang` (formats by their own names).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ExportKind::Report(format) => format.name(),
            ExportKind::Questionnaire => lang.texts().xlsx.dialog_choice,
        }
    }
}

/// The dialog's choices, in the order it cycles through them.
pub const FORMATS: [ExportKind; 6] = [
    ExportKind::Report(Format::Markdown),
    ExportKind::Report(Format::Html),
    ExportKind::Report(Format::Csv),
    ExportKind::Report(Format::Json),
    ExportKind::Report(Format::Xlsx),
    ExportKind::Questionnaire,
];
pub const LANGS: [&str; 2] = ["en", "zh"];

/// The export dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportState {
    pub format: usize,
    pub lang: usize,
    pub redact: bool,
    /// 0 format, 1 language, 2 redaction.
    pub field: usize,
    /// Where the last export went, or why it failed.
    pub result: Option<Result<String, String>>,
}

impl ExportState {
    /// The dialog's defaults are `assess report`'s: HTML, in the session's language.
    pub fn new(lang: &str) -> Self {
        Self {
            format: FORMATS
                .iter()
                .position(|f| *f == ExportKind::Report(Format::Html))
                .unwrap_or(0),
            lang: LANGS.iter().position(|l| *l == lang).unwrap_or(0),
            ..Self::default()
        }
    }

    /// Changes the focused field's value.
    pub fn change(&mut self, up: bool) {
        let step = |v: usize, n: usize| if up { (v + 1) % n } else { (v + n - 1) % n };
        match self.field {
            0 => self.format = step(self.format, FORMATS.len()),
            1 => self.lang = step(self.lang, LANGS.len()),
            _ => self.redact = !self.redact,
        }
        self.result = None;
    }

    /// Writes what the dialog describes; returns where it went.
    fn export(&self, seen: &Ctx) -> Result<String, String> {
        let format = match FORMATS[self.format] {
            ExportKind::Report(format) => format,
            ExportKind::Questionnaire if self.redact => {
                return Err(seen.lang().texts().xlsx.dialog_redacted.to_string());
            }
            ExportKind::Questionnaire => {
                let options = QuestionnaireOptions {
                    lang: Lang::from_code(LANGS[self.lang]),
                    parts: Vec::new(),
                };
                return xlsx::export(seen.path, None, seen.model, seen.session, &options)
                    .map(|path| path.display().to_string())
                    .map_err(|e| e.to_string());
            }
        };
        let options = ReportOptions {
            lang: LANGS[self.lang].to_string(),
            redact: self.redact,
            ..ReportOptions::default()
        };
        report::export(seen.path, None, seen.model, seen.session, format, &options)
            .map(|path| path.display().to_string())
            .map_err(|e| e.to_string())
    }
}

impl Component for ExportState {
    fn context(&self) -> Context {
        Context::Export
    }

    fn update(&mut self, action: Action, ctx: &Env) -> Effect {
        match action {
            Action::NextField => self.field = (self.field + 1) % 3,
            Action::PrevField => self.field = (self.field + 2) % 3,
            Action::Left | Action::Toggle => self.change(false),
            Action::Right => self.change(true),
            Action::Confirm => {
                let Some(seen) = &ctx.work else {
                    return Effect::Close;
                };
                self.result = Some(self.export(seen));
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let t = ctx.lang.texts().overlays;
        let w = area.width.saturating_sub(8).min(90);
        let inner = ctx.popup(area, w, 9, t.export_title, Context::Export, buf);
        let language = match Lang::from_code(LANGS[self.lang]) {
            Lang::Zh => "中文",
            Lang::En => "English",
        };
        let redact = if self.redact {
            t.redact_yes
        } else {
            t.redact_no
        };
        let format = format!("◀ {} ▶", FORMATS[self.format].name(ctx.lang));
        let mut lines = vec![
            field(t.export_fields[0], format, self.field == 0),
            field(
                t.export_fields[1],
                format!("◀ {language} ▶"),
                self.field == 1,
            ),
            field(t.export_fields[2], redact.to_string(), self.field == 2),
        ];
        lines.push(match &self.result {
            Some(Ok(path)) => Line::from(Span::styled(
                fill(t.written_to, &[("path", path)]),
                theme::get().ok,
            )),
            Some(Err(e)) => Line::from(Span::styled(e.clone(), theme::get().error)),
            None => Line::from(Span::styled(t.export_hint, theme::get().muted)),
        });
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
