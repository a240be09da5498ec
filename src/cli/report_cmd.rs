//! `assess report`: renders a session's report and says where it went.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::{Lang, fill};
use crate::report::{self, CsvTable, Format, ReportOptions};
use crate::session::{atomic_write, open_session};

/// The options of `assess report` as typed.
#[derive(Debug, Clone)]
pub struct ReportArgs {
    pub format: Option<String>,
    /// CSV only: which table.
    pub table: Option<String>,
    /// SVG only: which part's radar.
    pub part: Option<String>,
    pub output: Option<PathBuf>,
    /// None: the session's language.
    pub lang: Option<Lang>,
    pub redact: bool,
    pub bom: bool,
}

/// What to write: a report format, or the two outputs made from one (the radar, the PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    Report(Format),
    Svg,
    Pdf,
}

fn output_named(name: &str) -> Option<Output> {
    match name.to_ascii_lowercase().as_str() {
        "svg" => Some(Output::Svg),
        "pdf" => Some(Output::Pdf),
        other => Format::parse(other).map(Output::Report),
    }
}

/// The format asked for, else the one the output file's extension names, else HTML when the
/// report goes beside the session. A file whose extension names no format (`-o x.txt`) is
/// refused with the formats listed, rather than given HTML it does not expect.
fn output_of(args: &ReportArgs) -> Result<Output> {
    if let Some(output) = args.format.as_deref().and_then(output_named) {
        return Ok(output);
    }
    let Some(file) = args.output.as_deref().filter(|o| o.as_os_str() != "-") else {
        return Ok(Output::Report(Format::Html));
    };
    let from_ext = file
        .extension()
        .and_then(|e| e.to_str())
        .and_then(output_named);
    from_ext.ok_or_else(|| {
        let t = Lang::choose(args.lang).texts().hints;
        let file = file.display().to_string();
        anyhow::anyhow!(
            "{}",
            fill(
                t.report_format,
                &[
                    ("file", &file),
                    ("formats", "md, html, csv, json, xlsx, svg, pdf")
                ]
            )
        )
    })
}

/// Writes the report of the session at `path`; `-o -` writes it to `out` instead of a file.
pub fn report(out: &mut dyn Write, path: &Path, args: &ReportArgs) -> Result<()> {
    let output = output_of(args)?;
    let table = args.table.as_deref().and_then(CsvTable::parse);
    // Refusals are told in the language the error line is (`--lang`, else the reader's).
    let said = said_in(args).texts().cli_help;
    if table.is_some() && output != Output::Report(Format::Csv) {
        bail!("{}", said.table_needs_csv);
    }
    if args.part.is_some() && output != Output::Svg {
        bail!("{}", said.part_needs_svg);
    }
    let opened = open_session(path)?;
    let lang = args.lang.unwrap_or(opened.session.cursor.lang);
    for warning in &opened.warnings {
        crate::terminal_text::warn(&lang.open_warning_line(path, warning));
    }
    let options = ReportOptions {
        lang: lang.code().to_string(),
        redact: args.redact,
        bom: args.bom,
    };
    let to_stdout = args.output.as_deref().is_some_and(|o| o.as_os_str() == "-");
    if let (Output::Report(format), None, false) = (output, table, to_stdout) {
        // The whole report to a file: the export the workbench makes, with its refusals.
        let target = report::export(
            path,
            args.output.as_deref(),
            &opened.model,
            &opened.session,
            format,
            &options,
        )
        .context(said.cannot_write_report)?;
        writeln!(out, "{}", written(&options, &target))?;
        return Ok(());
    }
    opened
        .session
        .ensure_no_conflicts()
        .context(said.cannot_write_report)?;
    let data = report::prepare_checked(path, &opened.model, &opened.session, &options);
    let (bytes, default) = match (output, table) {
        (Output::Pdf, _) => return pdf(out, path, args, &data, &options),
        (Output::Svg, _) => (
            report::radar_svg(&data, args.part.as_deref())?.into_bytes(),
            report::default_path_ext(path, "svg", args.redact),
        ),
        (Output::Report(Format::Csv), Some(t)) => (
            report::render_csv_table(&data, t, &options),
            report::csv_table_path(path, t, args.redact),
        ),
        (Output::Report(format), _) => (
            report::render_data(&data, format, &options),
            report::default_path(path, format, args.redact),
        ),
    };
    if to_stdout {
        out.write_all(&bytes)?;
        return Ok(());
    }
    let target = args.output.clone().unwrap_or(default);
    write_checked(path, &target, &bytes, said_in(args))?;
    writeln!(out, "{}", written(&options, &target))?;
    Ok(())
}

/// The language refusals and failures are told in: `--lang`, else the reader's (as the error
/// line around them).
fn said_in(args: &ReportArgs) -> Lang {
    Lang::choose(args.lang)
}

/// Where the report went, in the report's language.
fn written(options: &ReportOptions, target: &Path) -> String {
    let t = Lang::from_code(&options.lang).texts().deliverable;
    fill(t.written, &[("path", &target.display().to_string())])
}

/// Writes a report file, refusing a target that is a session's file or not a regular file.
fn write_checked(session: &Path, target: &Path, bytes: &[u8], lang: Lang) -> Result<()> {
    let said = lang.texts().cli_help.cannot_write_report_to;
    report::check_target(session, target)
        .and_then(|()| atomic_write(target, bytes, false))
        .with_context(|| super::on_path(said, target))
}

/// `--format pdf`: the HTML report printed by a headless browser found on PATH; without one,
/// the HTML is written instead and the error says how to print it.
fn pdf(
    out: &mut dyn Write,
    path: &Path,
    args: &ReportArgs,
    data: &report::ReportData,
    options: &ReportOptions,
) -> Result<()> {
    let t = Lang::from_code(&options.lang).texts().deliverable;
    let html = report::render_data(data, Format::Html, options);
    let to_stdout = args.output.as_deref().is_some_and(|o| o.as_os_str() == "-");
    let target = match &args.output {
        Some(o) if !to_stdout => o.clone(),
        _ => report::default_path_ext(path, "pdf", args.redact),
    };
    let Some(browser) = report::pdf::find_browser() else {
        let html_path = report::default_path(path, Format::Html, args.redact);
        write_checked(path, &html_path, &html, said_in(args))?;
        let html_path = html_path.display().to_string();
        bail!(crate::i18n::fill(t.pdf_no_browser, &[("html", &html_path)]));
    };
    let pdf = report::pdf::print(&browser, &html).map_err(|e| {
        anyhow::anyhow!(crate::i18n::fill(
            t.pdf_failed,
            &[("browser", &browser.name), ("error", &e.to_string())]
        ))
    })?;
    if to_stdout {
        out.write_all(&pdf)?;
        return Ok(());
    }
    write_checked(path, &target, &pdf, said_in(args))?;
    let shown = target.display().to_string();
    writeln!(
        out,
        "{}",
        crate::i18n::fill(
            t.pdf_written,
            &[("path", &shown), ("browser", &browser.name)]
        )
    )?;
    Ok(())
}
