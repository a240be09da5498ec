//! The workshop's part of a report: the findings (severity, then due date) and the agenda
//! (planned against spent minutes per part and domain). Data builders, redaction and one small
//! renderer per format live here, so the main renderers only call in.

use std::fmt::Write as _;

use serde::Serialize;

use super::escape::escape;
use crate::i18n::fill;
use crate::i18n::report::Labels;
use crate::model::LoadedModel;
use crate::session::{Session, clock, tie_kind};

/// A finding as reports show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingEntry {
    pub id: String,
    /// `high`, `medium`, `low` or `info`.
    pub severity: &'static str,
    /// The severity in the report's language.
    pub severity_label: &'static str,
    pub title: String,
    pub description: String,
    pub recommendation: String,
    pub owner: String,
    /// `YYYY-MM-DD` or `""`.
    pub due: String,
    /// Full model id of what it is about.
    pub tie: String,
    /// `requirement`, `practice`, `domain`, or `""` when the model no longer has the id.
    pub tie_kind: &'static str,
    pub added_by: String,
    pub added_at: String,
}

/// One agenda row: a part in scope or one of its domains with a plan or time spent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaEntry {
    /// `cd` or `cd.config`.
    pub id: String,
    /// `part` or `domain`.
    pub kind: &'static str,
    pub name: String,
    pub planned_minutes: Option<u32>,
    pub spent_seconds: u64,
}

/// The findings of a session, in the findings view's order.
pub fn findings(model: &LoadedModel, session: &Session, lang: &str) -> Vec<FindingEntry> {
    session
        .findings_sorted()
        .into_iter()
        .map(|(id, f)| FindingEntry {
            id: id.clone(),
            severity: f.severity.code(),
            severity_label: crate::lang::Lang::from_code(lang)
                .texts()
                .terms
                .severity(f.severity),
            title: f.title.clone(),
            description: f.description.clone(),
            recommendation: f.recommendation.clone(),
            owner: f.owner.clone(),
            due: f.due.clone(),
            tie: f.tie.clone(),
            tie_kind: tie_kind(model, &f.tie).map_or("", |k| k.code()),
            added_by: f.added_by.clone(),
            added_at: f.added_at.clone(),
        })
        .collect()
}

/// Parts and domains that have a plan or time spent (empty when the agenda was never used).
pub fn agenda(model: &LoadedModel, session: &Session, lang: &str) -> Vec<AgendaEntry> {
    session
        .agenda_rows(model)
        .into_iter()
        .filter(|r| r.planned_minutes.is_some() || r.spent_seconds > 0)
        .map(|r| AgendaEntry {
            kind: if r.is_part { "part" } else { "domain" },
            name: if lang.starts_with("zh") {
                r.name_zh
            } else {
                r.name_en
            },
            id: r.key,
            planned_minutes: r.planned_minutes,
            spent_seconds: r.spent_seconds,
        })
        .collect()
}

/// Findings' free text and names are confidential (`hide` puts the placeholder in); ids,
/// severity, due dates and ties stay.
pub fn redact(findings: &mut [FindingEntry], hide: &impl Fn(&mut String)) {
    for f in findings {
        for text in [
            &mut f.title,
            &mut f.description,
            &mut f.recommendation,
            &mut f.owner,
            &mut f.added_by,
        ] {
            hide(text);
        }
    }
}

/// Headings and column names in the report's language.
fn words(lang: &str) -> &'static Labels {
    crate::report::labels(lang)
}

fn planned(w: &Labels, minutes: Option<u32>) -> String {
    minutes.map_or_else(
        || "–".to_string(),
        |m| fill(w.workshop.minutes, &[("n", &m.to_string())]),
    )
}

/// What a finding is tied to (its code: `requirement`, `practice`, `domain`) as a word.
pub fn tie_word(w: &Labels, code: &str) -> &'static str {
    match code {
        "requirement" => w.workshop.ties[0],
        "practice" => w.workshop.ties[1],
        "domain" => w.workshop.ties[2],
        _ => "",
    }
}

fn md_cell(s: &str) -> String {
    s.replace('<', "&lt;")
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// The agenda's Markdown section (the findings have their own, in `markdown.rs`).
pub fn agenda_markdown(md: &mut String, lang: &str, agenda: &[AgendaEntry]) {
    let w = words(lang);
    if agenda.is_empty() {
        return;
    }
    let c = w.workshop.agenda_columns;
    let _ = writeln!(
        md,
        "\n## {}\n\n| {} | {} | {} |\n|---|---|---|",
        w.workshop.agenda, c[0], c[1], c[2]
    );
    for a in agenda {
        let indent = if a.kind == "domain" { "  ↳ " } else { "" };
        let _ = writeln!(
            md,
            "| {indent}{} `{}` | {} | {} |",
            md_cell(&a.name),
            a.id,
            planned(w, a.planned_minutes),
            clock(a.spent_seconds)
        );
    }
}

/// The findings table's column names in the report's language.
pub fn finding_columns(lang: &str) -> [&'static str; 6] {
    words(lang).workshop.columns
}

/// The findings section's heading.
pub fn findings_title(lang: &str) -> &'static str {
    words(lang).workshop.findings
}

/// A finding's description and recommendation with their labels, when present.
pub fn finding_details<'a>(lang: &str, f: &'a FindingEntry) -> Vec<(&'static str, &'a str)> {
    let w = words(lang);
    [
        (w.workshop.description, f.description.as_str()),
        (w.workshop.recommendation, f.recommendation.as_str()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
    .collect()
}

/// The agenda's HTML section (the findings have their own, in `deliverable.rs`).
pub fn agenda_html(h: &mut String, lang: &str, agenda: &[AgendaEntry]) {
    let w = words(lang);
    if agenda.is_empty() {
        return;
    }
    let c = w.workshop.agenda_columns;
    let _ = writeln!(
        h,
        "<section class=\"agenda\">\n<h2>{}</h2>\n<table class=\"agenda\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(w.workshop.agenda),
        escape(c[0]),
        escape(c[1]),
        escape(c[2])
    );
    for a in agenda {
        let over = a
            .planned_minutes
            .is_some_and(|m| a.spent_seconds > u64::from(m) * 60);
        let _ = writeln!(
            h,
            "<tr class=\"{}{}\"><td>{} <code>{}</code></td><td>{}</td><td>{}</td></tr>",
            a.kind,
            if over { " over" } else { "" },
            escape(&a.name),
            escape(&a.id),
            planned(w, a.planned_minutes),
            clock(a.spent_seconds)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The findings table's header (a second table in the CSV file; see `docs/REPORT_JSON.md`).
pub const FINDING_COLUMNS: [&str; 12] = [
    "finding_id",
    "severity",
    "severity_label",
    "title",
    "description",
    "recommendation",
    "owner",
    "due",
    "tie_kind",
    "tie",
    "added_by",
    "added_at",
];

/// The agenda table's header (a third table in the CSV file).
pub const AGENDA_COLUMNS: [&str; 5] = [
    "agenda_id",
    "agenda_kind",
    "name",
    "planned_minutes",
    "spent_seconds",
];

/// The findings as one CSV table: the header, then a row per finding.
pub fn finding_rows(findings: &[FindingEntry]) -> Vec<Vec<String>> {
    let mut rows = vec![FINDING_COLUMNS.map(String::from).to_vec()];
    rows.extend(findings.iter().map(|f| {
        vec![
            f.id.clone(),
            f.severity.to_string(),
            f.severity_label.to_string(),
            f.title.clone(),
            f.description.clone(),
            f.recommendation.clone(),
            f.owner.clone(),
            f.due.clone(),
            f.tie_kind.to_string(),
            f.tie.clone(),
            f.added_by.clone(),
            f.added_at.clone(),
        ]
    }));
    rows
}

/// The agenda as one CSV table: the header, then a row per part or domain.
pub fn agenda_rows(agenda: &[AgendaEntry]) -> Vec<Vec<String>> {
    let mut rows = vec![AGENDA_COLUMNS.map(String::from).to_vec()];
    rows.extend(agenda.iter().map(|a| {
        vec![
            a.id.clone(),
            a.kind.to_string(),
            a.name.clone(),
            a.planned_minutes.map(|m| m.to_string()).unwrap_or_default(),
            a.spent_seconds.to_string(),
        ]
    }));
    rows
}
