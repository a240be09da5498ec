//! The export dialog: format, language and redaction, and where the file went. Writing is the
//! report module's `export` (as `assess report`) or the questionnaire's (as
//! `assess export-xlsx`).

use crate::report::{self, Format, ReportOptions};
use crate::xlsx::{self, QuestionnaireOptions};

/// What the dialog can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Report(Format),
    /// The self-assessment workbook teams fill in and send back.
    Questionnaire,
}

impl ExportKind {
    pub fn name(self) -> &'static str {
        match self {
            ExportKind::Report(format) => format.name(),
            // The dialog's labels are English for now; the catalogue holds both languages.
            ExportKind::Questionnaire => crate::i18n::xlsx::EN.dialog_choice,
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
}

impl super::App {
    /// Writes the report the dialog describes; returns where it went.
    pub(super) fn export(&mut self, state: &ExportState) -> Result<String, String> {
        let work = self.work.as_ref().ok_or("no session is open")?;
        let format = match FORMATS[state.format] {
            ExportKind::Report(format) => format,
            ExportKind::Questionnaire if state.redact => {
                let lang = work.lang();
                return Err(lang.texts().xlsx.dialog_redacted.to_string());
            }
            ExportKind::Questionnaire => {
                let options = QuestionnaireOptions {
                    lang: crate::lang::Lang::from_code(LANGS[state.lang]),
                    parts: Vec::new(),
                };
                return xlsx::export(&work.path, None, &work.model, &work.session, &options)
                    .map(|path| path.display().to_string())
                    .map_err(|e| e.to_string());
            }
        };
        let options = ReportOptions {
            lang: LANGS[state.lang].to_string(),
            redact: state.redact,
            ..ReportOptions::default()
        };
        report::export(
            &work.path,
            None,
            &work.model,
            &work.session,
            format,
            &options,
        )
        .map(|path| path.display().to_string())
        .map_err(|e| e.to_string())
    }
}
