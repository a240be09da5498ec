//! The CSV report: one table per file, so spreadsheet filters and data frames read it as is.
//! The requirements table (the default) has one row per requirement in scope, then one per
//! orphaned answer, with the stable columns listed in `COLUMNS` (documented in
//! `docs/REPORT_JSON.md`); the findings and the agenda are tables of their own (`Table`).
//! RFC 4180 quoting, CRLF line ends and an optional UTF-8 BOM, so Excel opens Chinese text and
//! multi-line notes.

use super::data::{AnswerView, ReportData, status_code};
use crate::i18n::report::Labels;

/// The header row. Names are stable and English whatever the language of the values.
pub const COLUMNS: [&str; 28] = [
    "part_id",
    "part",
    "domain_id",
    "domain",
    "item_id",
    "item",
    "practice_id",
    "practice",
    "authored",
    "requirement_id",
    "level",
    "requirement",
    "status",
    "status_label",
    "justification",
    "note",
    "evidence",
    "evidence_details",
    "flagged",
    "by",
    "at",
    "orphaned",
    "decided_by",
    "discussion",
    "final_by",
    "final_at",
    "final_hash",
    "reviewed_by",
];

/// The tables a CSV report comes in, one per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Requirements,
    Findings,
    Agenda,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Requirements, Table::Findings, Table::Agenda];

    /// The name typed after `--table`, also the file name's middle part for the other tables.
    pub fn name(self) -> &'static str {
        match self {
            Table::Requirements => "requirements",
            Table::Findings => "findings",
            Table::Agenda => "agenda",
        }
    }

    pub fn parse(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Renders one table as CSV bytes, with a UTF-8 BOM first when `bom`.
pub fn render_table(data: &ReportData, l: &Labels, bom: bool, table: Table) -> Vec<u8> {
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    let rows = match table {
        Table::Requirements => requirement_table(data, l),
        Table::Findings => super::workshop::finding_rows(&data.findings),
        Table::Agenda => super::workshop::agenda_rows(&data.agenda),
    };
    for fields in rows {
        row(&mut out, fields.into_iter());
    }
    out.into_bytes()
}

/// The requirements table (what `--format csv` writes by default).
pub fn render(data: &ReportData, l: &Labels, bom: bool) -> Vec<u8> {
    render_table(data, l, bom, Table::Requirements)
}

/// The header row, then one row per requirement in scope and one per orphaned answer: the
/// CSV report and the report workbook's requirements sheet.
pub fn requirement_table(data: &ReportData, l: &Labels) -> Vec<Vec<String>> {
    // With a baseline, each row also says its domain's level then → now.
    let baseline = data.parts.iter().any(|p| p.result.then.is_some());
    let extra_head = baseline.then(|| "domain_then_now".to_string());
    // A model that extends another says which requirements are the organisation's own.
    let own = data.model.extends.is_some();
    let extra_head = extra_head.into_iter().chain(own.then(|| "own".to_string()));
    let mut rows = vec![
        COLUMNS
            .iter()
            .map(|c| (*c).to_string())
            .chain(extra_head)
            .collect(),
    ];
    for part in &data.parts {
        for domain in &part.domains {
            for practice in &domain.practices {
                for r in &practice.requirements {
                    let model_cols = [
                        part.result.id.clone(),
                        part.result.name.clone(),
                        domain.result.id.clone(),
                        domain.result.name.clone(),
                        practice.item_id.clone(),
                        practice.item.clone(),
                        practice.id.clone(),
                        practice.name.clone(),
                        yes_no(r.authored),
                        r.id.clone(),
                        r.level.to_string(),
                        r.text.clone(),
                    ];
                    let cols = model_cols
                        .into_iter()
                        .chain(answer_cols(data, l, &r.answer));
                    let reviewed = reviewed_by(&r.answer);
                    let then_now = baseline.then(|| {
                        super::then_now(&domain.result).unwrap_or_else(|| "–".to_string())
                    });
                    rows.push(
                        cols.chain([yes_no(false)])
                            .chain(audit_cols(data, &r.answer))
                            .chain([reviewed])
                            .chain(then_now)
                            .chain(own.then(|| yes_no(r.own)))
                            .collect(),
                    );
                }
            }
        }
    }
    for orphan in &data.orphaned {
        let mut model_cols = vec![String::new(); 12];
        model_cols[9] = orphan.id.clone();
        let cols = model_cols
            .into_iter()
            .chain(answer_cols(data, l, &orphan.answer));
        let reviewed = reviewed_by(&orphan.answer);
        let then_now = baseline.then(String::new);
        rows.push(
            cols.chain([yes_no(true)])
                .chain(audit_cols(data, &orphan.answer))
                .chain([reviewed])
                .chain(then_now)
                .chain(own.then(String::new))
                .collect(),
        );
    }
    rows
}

fn answer_cols(data: &ReportData, l: &Labels, a: &AnswerView) -> [String; 9] {
    let details: Vec<String> = a
        .evidence
        .iter()
        .map(|id| match data.evidence.iter().find(|e| &e.id == id) {
            Some(e) if !e.title.is_empty() || !e.location.is_empty() => {
                let hash = e
                    .sha256
                    .as_deref()
                    .map_or(String::new(), |h| format!(" {h}"));
                let check = e.check.map_or(String::new(), |c| format!(" [{c}]"));
                format!("{id}: {} <{}>{hash}{check}", e.title, e.location)
            }
            _ => id.clone(),
        })
        .collect();
    [
        a.status.map(status_code).unwrap_or_default().to_string(),
        if a.status.is_some() {
            l.answer(&a.label, a.status).to_string()
        } else {
            String::new()
        },
        a.justification.clone().unwrap_or_default(),
        a.note.clone(),
        a.evidence.join("; "),
        details.join("\n"),
        yes_no(a.flagged),
        a.by.clone(),
        a.at.clone(),
    ]
}

/// Who decided, the discussion, and the session's sign-off (the same on every row; empty
/// when not final), so a spreadsheet alone shows whether it holds final results.
fn audit_cols(data: &ReportData, a: &AnswerView) -> [String; 5] {
    let s = data.session.sign_off.as_ref();
    let of = |f: fn(&super::data::SignOffInfo) -> &String| s.map(f).cloned().unwrap_or_default();
    [
        a.decided_by.clone(),
        a.discussion.clone(),
        of(|s| &s.by),
        of(|s| &s.at),
        of(|s| &s.hash),
    ]
}

/// Who reviewed an answer (empty when not reviewed).
fn reviewed_by(a: &AnswerView) -> String {
    a.reviewed.as_ref().map_or(String::new(), |r| r.by.clone())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

fn row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// One field, quoted when it holds a comma, quote or line break. Text that a spreadsheet would
/// run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe so it stays text.
pub fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r\nlf", "\"cr\r\nlf\""),
            ("中文，逗号", "中文，逗号"),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("", ""),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            push_field(&mut out, input);
            assert_eq!(out, expected, "field {input:?}");
        }
    }
}
