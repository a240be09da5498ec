//! Reports: a session's results leave the terminal as Markdown, self-contained HTML, CSV or
//! JSON. One data builder (`data`) feeds every format, so they all say the same thing; the
//! formats only lay it out. No terminal here: the CLI and the TUI both call `render`/`write`.

mod csv;
mod data;
mod deliverable;
mod escape;
mod html;
mod json;
mod markdown;
mod pages;
pub mod pdf;
mod redact;
mod roadmap;
mod svg;
mod workshop;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::model::LoadedModel;
use crate::session::{Refusal, Session, SessionError, atomic_write};

pub use crate::i18n::report::{EN, Labels, ZH, labels};
pub use csv::Table as CsvTable;
pub use data::{
    AnswerView, DomainReport, EvidenceEntry, Highlight, ModelInfo, OrphanedAnswer, PartReport,
    PracticeReport, ReportData, RequirementReport, SCHEMA_VERSION, SessionInfo, build, kind_code,
    status_code,
};
pub use escape::escape as html_escape;
pub use redact::redact;
pub use roadmap::{Phase, PhaseDomain, Roadmap, RoadmapItem, phase_of};
pub use workshop::{AGENDA_COLUMNS, AgendaEntry, FINDING_COLUMNS, FindingEntry};

/// The formats a report comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
    /// An Excel workbook (summary with a radar chart, findings, roadmap, requirements).
    Xlsx,
}

impl Format {
    /// The text formats, in the order menus list them (the workbook, `Xlsx`, follows them).
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

    /// The file extension, which is also the name users type (`md`, `html`, `csv`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }

    /// The name menus show (`Markdown`, `HTML`, `CSV`, `JSON`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Xlsx => "Excel",
        }
    }

    /// The format named by an extension or a name (`md`, `markdown`, `html`, …).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// How to render: the language of names and chrome, redaction, and the CSV byte-order mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// `en` or `zh`.
    pub lang: String,
    pub redact: bool,
    /// Start CSV with a UTF-8 BOM so Excel reads Chinese correctly (other formats ignore it).
    pub bom: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            lang: "en".to_string(),
            redact: false,
            bom: true,
        }
    }
}

/// The report data for these options (redacted when asked).
pub fn prepare(model: &LoadedModel, session: &Session, options: &ReportOptions) -> ReportData {
    let mut data = build(model, session, &options.lang);
    if options.redact {
        redact(&mut data);
    }
    data
}

/// The report data of the session file at `session_path`, with its evidence files checked
/// (relative locations are read from the session's folder), dated now and in local time.
pub fn prepare_checked(
    session_path: &Path,
    model: &LoadedModel,
    session: &Session,
    options: &ReportOptions,
) -> ReportData {
    let checks = crate::session::evidence_checks(session, &crate::session::base_dir(session_path));
    let mut data = prepare(model, session, options)
        .with_checks(model, session, &checks)
        .in_local_time();
    with_baseline(&mut data, session_path, session);
    data
}

/// Fills each part's and domain's level in the session's baseline (then → now), when it
/// names one that opens; a baseline that does not open leaves the column out.
fn with_baseline(data: &mut ReportData, session_path: &Path, session: &Session) {
    let Some(Ok((_, then))) = crate::compare::baseline_summary(session_path, session, &data.lang)
    else {
        return;
    };
    let levels: std::collections::HashMap<&str, u8> = then
        .parts
        .iter()
        .flat_map(|p| std::iter::once(&p.row).chain(&p.domains))
        .map(|r| (r.id.as_str(), r.level))
        .collect();
    for part in &mut data.parts {
        part.result.then = levels.get(part.result.id.as_str()).copied();
        for d in &mut part.domains {
            d.result.then = levels.get(d.result.id.as_str()).copied();
        }
    }
}

/// `then → now` for a result row, or None when the report has no baseline.
pub fn then_now(row: &crate::summary::ResultRow) -> Option<String> {
    row.then.map(|then| format!("{then} → {}", row.level))
}

/// Renders a session's report. Same session and options, same bytes.
pub fn render(
    model: &LoadedModel,
    session: &Session,
    format: Format,
    options: &ReportOptions,
) -> Vec<u8> {
    let data = prepare(model, session, options);
    render_data(&data, format, options)
}

/// Renders prepared report data in one format.
pub fn render_data(data: &ReportData, format: Format, options: &ReportOptions) -> Vec<u8> {
    let l = labels(&data.lang);
    match format {
        Format::Markdown => markdown::render(data, l).into_bytes(),
        Format::Html => html::render(data, l).into_bytes(),
        Format::Csv => csv::render(data, l, options.bom),
        Format::Json => json::render(data),
        // Every text is cut to fit a cell and every sheet name is fixed, so writing the
        // workbook cannot fail on the data.
        Format::Xlsx => xlsx::render(data, l).expect("the report workbook is always valid"),
    }
}

/// The radar alone as a self-contained SVG file: the domains of part `part`, or, without one,
/// the domains of the only part in scope or else one axis per part in scope.
pub fn radar_svg(data: &ReportData, part: Option<&str>) -> Result<String, UnknownPart> {
    let l = labels(&data.lang);
    let (name, axes) = match (part, data.parts.as_slice()) {
        (Some(id), parts) => {
            let p = parts
                .iter()
                .find(|p| p.result.id == id)
                .ok_or_else(|| UnknownPart {
                    id: id.to_string(),
                    in_scope: parts.iter().map(|p| p.result.id.clone()).collect(),
                })?;
            (p.result.name.clone(), p.radar_axes())
        }
        (None, [only]) => (only.result.name.clone(), only.radar_axes()),
        (None, parts) => (
            data.heading(l),
            crate::summary::radar_axes(parts.iter().map(|p| &p.result)),
        ),
    };
    Ok(svg::document(
        &axes,
        &format!("{name} — {}", l.radar),
        l.lang(),
    ))
}

/// `--part` named a part that is not in the session's scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("part {id:?} is not in this session's scope (parts in scope: {})", in_scope.join(", "))]
pub struct UnknownPart {
    pub id: String,
    pub in_scope: Vec<String>,
}

/// One table of the CSV report (`render_data` with `Format::Csv` gives the requirements).
pub fn render_csv_table(data: &ReportData, table: CsvTable, options: &ReportOptions) -> Vec<u8> {
    csv::render_table(data, labels(&data.lang), options.bom, table)
}

/// Where a CSV table goes by default: the requirements at `default_path`, the others beside
/// it with the table's name before the extension (`audit.report.findings.csv`).
pub fn csv_table_path(session_path: &Path, table: CsvTable, redacted: bool) -> PathBuf {
    match table {
        CsvTable::Requirements => default_path(session_path, Format::Csv, redacted),
        other => default_path_ext(session_path, &format!("{}.csv", other.name()), redacted),
    }
}

/// Renders and writes a report atomically, readable by its owner only (0600): reports carry
/// the same confidential notes as the session.
pub fn write_report(
    path: &Path,
    model: &LoadedModel,
    session: &Session,
    format: Format,
    options: &ReportOptions,
) -> Result<(), SessionError> {
    atomic_write(path, &render(model, session, format, options), false)
}

/// Where a report goes by default: beside the session, named after it
/// (`audit.ron` → `audit.report.html`; `audit.report.redacted.html` when redacted).
pub fn default_path(session_path: &Path, format: Format, redacted: bool) -> PathBuf {
    default_path_ext(session_path, format.extension(), redacted)
}

/// `default_path` for any extension (`svg`, `pdf`, `findings.csv`).
pub fn default_path_ext(session_path: &Path, extension: &str, redacted: bool) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().to_string());
    let stem = crate::session::clip_bytes(&stem, crate::session::STEM_MAX);
    let middle = if redacted {
        "report.redacted"
    } else {
        "report"
    };
    session_path.with_file_name(format!("{stem}.{middle}.{extension}"))
}

/// Writes a report to `target`, or to its default place beside the session file when `None`,
/// and returns where it went: what the workbench's export dialog does. A CSV export also
/// writes the findings and agenda tables beside it (`X.csv` → `X.findings.csv`,
/// `X.agenda.csv`), one table per file.
pub fn export(
    session_path: &Path,
    target: Option<&Path>,
    model: &LoadedModel,
    session: &Session,
    format: Format,
    options: &ReportOptions,
) -> Result<PathBuf, SessionError> {
    if session.has_conflicts() {
        return Err(SessionError::Conflicts {
            path: session_path.to_path_buf(),
            count: session.conflicts.len(),
        });
    }
    let path = target.map_or_else(
        || default_path(session_path, format, options.redact),
        Path::to_path_buf,
    );
    check_target(session_path, &path)?;
    let data = prepare_checked(session_path, model, session, options);
    atomic_write(&path, &render_data(&data, format, options), false)?;
    if format == Format::Csv {
        // One table per file: the findings and the agenda go beside the requirements.
        for table in [CsvTable::Findings, CsvTable::Agenda] {
            let beside = path.with_extension(format!("{}.csv", table.name()));
            atomic_write(&beside, &render_csv_table(&data, table, options), false)?;
        }
    }
    Ok(path)
}

impl Labels {
    /// The mark a practice or requirement carries when its text is not the standard's own.
    pub fn provenance_mark(&self, authored: bool, draft: bool) -> Option<&'static str> {
        if authored {
            Some(self.authored)
        } else if draft {
            Some(self.draft)
        } else {
            None
        }
    }

    fn terms(&self) -> &'static crate::i18n::terms::Terms {
        let lang = if self.zh {
            crate::lang::Lang::Zh
        } else {
            crate::lang::Lang::En
        };
        lang.texts().terms
    }

    /// What a report shows for an answer: its `label` on the model's own scale
    /// (`scale::own_label`), else the catalogue's words for the status.
    /// What an answer's justification is called: N/A's own word for a not-applicable answer,
    /// the general one for any other answer that needs a reason.
    pub fn justification_of(&self, not_applicable: bool) -> &'static str {
        if not_applicable {
            self.na_justification
        } else {
            self.justification
        }
    }

    pub fn answer<'a>(&self, label: &'a str, status: Option<crate::session::Status>) -> &'a str {
        if label.is_empty() {
            self.status(status)
        } else {
            label
        }
    }

    /// A status in this language; `None` is "unanswered".
    pub fn status(&self, status: Option<crate::session::Status>) -> &'static str {
        match status {
            None => self.unanswered,
            Some(s) => self.terms().status(s),
        }
    }

    /// "1 requirement", "3 requirements", "3 项要求".
    pub fn requirements(&self, n: usize) -> String {
        match (self.zh, n) {
            (true, n) => format!("{n} {}", self.requirements_word),
            (false, 1) => "1 requirement".to_string(),
            (false, n) => format!("{n} {}", self.requirements_word),
        }
    }

    /// A file check word (`ok`, `changed`, `missing`, `unreadable`) in this language.
    pub fn check(&self, check: &str) -> &'static str {
        match (check, self.zh) {
            ("ok", false) => "ok",
            ("changed", false) => "changed since attached",
            ("missing", false) => "missing",
            (_, false) => "unreadable",
            ("ok", true) => "一致",
            ("changed", true) => "附加后已更改",
            ("missing", true) => "缺失",
            (_, true) => "无法读取",
        }
    }

    /// A review filter's name in this language (by its stable code).
    pub fn review_filter(&self, code: &str, english: &'static str) -> &'static str {
        match crate::review::Filter::from_code(code) {
            Some(f) => self.terms().filter(f),
            None => english,
        }
    }

    /// An evidence kind in this language.
    pub fn evidence_kind(&self, kind: crate::session::EvidenceType) -> &'static str {
        match (kind, self.zh) {
            (crate::session::EvidenceType::Document, false) => "Document",
            (crate::session::EvidenceType::Screenshot, false) => "Screenshot",
            (crate::session::EvidenceType::Recording, false) => "Recording",
            (crate::session::EvidenceType::Link, false) => "Link",
            (crate::session::EvidenceType::Interview, false) => "Interview",
            (crate::session::EvidenceType::Observation, false) => "Observation",
            (crate::session::EvidenceType::Document, true) => "文档",
            (crate::session::EvidenceType::Screenshot, true) => "截图",
            (crate::session::EvidenceType::Recording, true) => "演示录像",
            (crate::session::EvidenceType::Link, true) => "链接",
            (crate::session::EvidenceType::Interview, true) => "访谈",
            (crate::session::EvidenceType::Observation, true) => "现场观察",
        }
    }
}

/// The suffixes of the files a session owns: never replaced by a report.
const SESSION_FILES: [&str; 4] = [".ron", ".ron.bak", ".ron.lock", ".ron.recovered"];

/// Refuses a report target that is a session or one of its files (any session's: by name or
/// by content), or anything that exists and is not a regular file (a link, a device such as
/// `/dev/stdout`, a folder). `-o -` is how a report goes to standard output.
pub fn check_target(session_path: &Path, target: &Path) -> Result<(), SessionError> {
    let refuse = |reason| {
        Err(SessionError::Refused {
            path: target.to_path_buf(),
            reason,
        })
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let owned = SESSION_FILES.iter().any(|s| name.ends_with(s))
        || name.contains(".ron.damaged-")
        || name.contains(".ron.conflict-");
    if owned {
        return refuse(Refusal::SessionName);
    }
    let Ok(meta) = std::fs::symlink_metadata(target) else {
        return Ok(());
    };
    if !meta.file_type().is_file() {
        return refuse(Refusal::NotRegular);
    }
    if same_file(session_path, target) || looks_like_session(target) {
        return refuse(Refusal::IsSession);
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether a file starts like a session file (`Session(`, after RON's extension line).
fn looks_like_session(path: &Path) -> bool {
    let mut head = Vec::new();
    let read = crate::textfile::open_without_waiting(path).and_then(|file| {
        std::io::Read::read_to_end(&mut std::io::Read::take(file, 512), &mut head)
    });
    if read.is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("#!["))
        .is_some_and(|l| l.starts_with("Session("))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_names_and_extensions() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.extension()), Some(format));
        }
        assert_eq!(Format::parse("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::parse("HTM"), Some(Format::Html));
        assert_eq!(Format::parse("pdf"), None);
    }

    #[test]
    fn the_default_report_sits_beside_the_session() {
        let session = Path::new("/data/sessions/audit.ron");
        assert_eq!(
            default_path(session, Format::Csv, false),
            Path::new("/data/sessions/audit.report.csv")
        );
        assert_eq!(
            default_path(session, Format::Json, true),
            Path::new("/data/sessions/audit.report.redacted.json")
        );
        assert_eq!(
            default_path(Path::new("audit.ron"), Format::Markdown, false),
            Path::new("audit.report.md")
        );
    }
}
