//! `assess report`: renders a session's report and says where it went.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::lang::Lang;
use crate::report::{self, Format, ReportOptions};
use crate::session::open_session;

/// The options of `assess report` as typed.
#[derive(Debug, Clone)]
pub struct ReportArgs {
    pub format: Option<String>,
    pub output: Option<PathBuf>,
    /// None: the session's language.
    pub lang: Option<Lang>,
    pub redact: bool,
    pub bom: bool,
}

/// The format asked for, else the one the output file's extension names, else HTML.
fn format_of(args: &ReportArgs) -> Format {
    let from_ext = || {
        let ext = args.output.as_deref()?.extension()?.to_str()?;
        Format::parse(ext)
    };
    args.format
        .as_deref()
        .and_then(Format::parse)
        .or_else(from_ext)
        .unwrap_or(Format::Html)
}

/// Writes the report of the session at `path`; `-o -` writes it to `out` instead of a file.
pub fn report(out: &mut dyn Write, path: &Path, args: &ReportArgs) -> Result<()> {
    let opened = open_session(path)?;
    for warning in &opened.warnings {
        crate::terminal_text::warn(&format!("assess: warning: {}: {warning}", path.display()));
    }
    let format = format_of(args);
    let options = ReportOptions {
        lang: args
            .lang
            .unwrap_or(opened.session.cursor.lang)
            .code()
            .to_string(),
        redact: args.redact,
        bom: args.bom,
    };
    if args.output.as_deref().is_some_and(|o| o.as_os_str() == "-") {
        opened
            .session
            .ensure_no_conflicts()
            .with_context(|| format!("{}: cannot write the report", path.display()))?;
        let data = report::prepare_checked(path, &opened.model, &opened.session, &options);
        out.write_all(&report::render_data(&data, format, &options))?;
        return Ok(());
    }
    let target = report::export(
        path,
        args.output.as_deref(),
        &opened.model,
        &opened.session,
        format,
        &options,
    )
    .context("cannot write the report")?;
    writeln!(out, "Report written to {}", target.display())?;
    Ok(())
}
