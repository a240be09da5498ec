//! The export dialog: format, language and redaction, and where the file went. Writing is the
//! report module's `export`, the same function `assess report` calls.

use crate::report::{self, Format, ReportOptions};

/// Report formats, in the order the dialog cycles through them.
pub const FORMATS: [Format; 4] = Format::ALL;
pub const LANGS: [crate::lang::Lang; 2] = crate::lang::Lang::ALL;

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
    pub fn new(lang: crate::lang::Lang) -> Self {
        Self {
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
        let no_session = self.lang().texts().messages.no_session;
        let work = self.work.as_ref().ok_or(no_session)?;
        let options = ReportOptions {
            lang: LANGS[state.lang].code().to_string(),
            redact: state.redact,
            ..ReportOptions::default()
        };
        report::export(
            &work.path,
            None,
            &work.model,
            &work.session,
            FORMATS[state.format],
            &options,
        )
        .map(|path| path.display().to_string())
        .map_err(|e| e.to_string())
    }
}
