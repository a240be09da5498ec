//! Reads a filled questionnaire (xlsx, or xls re-saved by Excel) with calamine: the hidden
//! `assess` sheet says which model and which sheets, the header row says which column is
//! which, and each row is keyed by its requirement id. Anything that cannot be read is a
//! `Problem` naming the sheet, row and column; a workbook that is not a questionnaire for this
//! model is refused as a whole.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

use super::parse_answer_for;
use super::problem::{Issue, Problem};
use super::questionnaire::{META_FORMAT, META_SHEET};
use super::words::{col, column_of};
use crate::i18n::xlsx::{EN, ZH};
use crate::model::LoadedModel;
use crate::session::Status;

/// Workbooks larger than this are refused before they are read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One filled row, keyed by its requirement id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilledRow {
    pub sheet: String,
    /// 1-based.
    pub row: u32,
    pub id: String,
    pub answer: Option<Status>,
    pub justification: String,
    pub note: String,
    pub answered_by: String,
    /// The evidence references cell (shown, never applied).
    pub evidence: String,
    /// Where the justification cell is, for messages.
    pub justification_column: String,
}

/// What a questionnaire holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    /// The model id the workbook was exported for.
    pub model: String,
    /// The title of the session it was exported from.
    pub session: String,
    /// `(part id, sheet name)` as exported.
    pub parts: Vec<(String, String)>,
    pub rows: Vec<FilledRow>,
    pub problems: Vec<Problem>,
}

/// Reads the workbook at `path` for `model`.
pub fn read_file(path: &Path, model: &LoadedModel) -> Result<Filled, Problem> {
    let name = path.display().to_string();
    let named = |p: Problem| Problem {
        file: p.sheet.is_none().then(|| name.clone()),
        ..p
    };
    let unreadable = |e: std::io::Error| {
        named(Problem::whole(
            Issue::CannotRead,
            &[("error", &e.to_string())],
        ))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_BYTES {
        let values = [("size", size.to_string()), ("max", MAX_BYTES.to_string())];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return Err(named(Problem::whole(Issue::TooBig, &values)));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    read_bytes(&bytes, model).map_err(named)
}

/// Reads a workbook's bytes for `model`.
pub fn read_bytes(bytes: &[u8], model: &LoadedModel) -> Result<Filled, Problem> {
    if bytes.is_empty() {
        return Err(Problem::whole(Issue::Empty, &[]));
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| Problem::whole(Issue::NotWorkbook, &[("error", &e.to_string())]))?;
    let mut filled = read_meta(&mut book, model)?;
    let names = book.sheet_names();
    for (part, sheet) in filled.parts.clone() {
        if !names.contains(&sheet) {
            let found = names.join(", ");
            let values = [
                ("sheet", sheet.as_str()),
                ("part", &part),
                ("found", &found),
            ];
            return Err(Problem::whole(Issue::MissingSheet, &values));
        }
        read_sheet(&mut book, &sheet, model, &mut filled)?;
    }
    Ok(filled)
}

/// The hidden sheet: the format, the model, and which sheet holds which part.
fn read_meta(book: &mut Sheets<Cursor<&[u8]>>, model: &LoadedModel) -> Result<Filled, Problem> {
    let range = book
        .worksheet_range(META_SHEET)
        .map_err(|_| Problem::whole(Issue::NotQuestionnaire, &[("meta", META_SHEET)]))?;
    let mut filled = Filled::default();
    let mut format = String::new();
    for row in range.rows() {
        let cell = |c: usize| row.get(c).map(text_of).unwrap_or_default();
        match cell(0).as_str() {
            "format" => format = cell(1),
            "model" => filled.model = cell(1),
            "session" => filled.session = cell(1),
            "part" => filled.parts.push((cell(1), cell(2))),
            _ => {}
        }
    }
    if format != META_FORMAT {
        let values = [("found", format.as_str()), ("known", META_FORMAT)];
        return Err(Problem::whole(Issue::Layout, &values));
    }
    if filled.model != model.model.id {
        let values = [
            ("workbook", filled.model.as_str()),
            ("session", &model.model.id),
        ];
        return Err(Problem::whole(Issue::OtherModel, &values));
    }
    Ok(filled)
}

/// The columns a part sheet must have, found by their header text.
struct Columns {
    id: usize,
    answer: usize,
    justification: usize,
    note: usize,
    answered_by: usize,
    /// Optional: a workbook without it still imports.
    evidence: Option<usize>,
    headers: HashMap<usize, String>,
}

impl Columns {
    fn find(range: &Range<Data>, sheet: &str) -> Result<Self, Problem> {
        let mut by_role = HashMap::new();
        let mut headers = HashMap::new();
        let width = range.end().map_or(0, |(_, c)| c + 1);
        for c in 0..width {
            let text = range.get_value((0, c)).map(text_of).unwrap_or_default();
            if let Some(role) = column_of(&text) {
                by_role.entry(role).or_insert(c as usize);
                headers.insert(c as usize, text);
            }
        }
        let need = |role: usize| {
            by_role.get(&role).copied().ok_or_else(|| {
                let values = [("en", EN.headers[role]), ("zh", ZH.headers[role])];
                Problem::at(sheet, Some(1), None, Issue::MissingHeader, &values)
            })
        };
        Ok(Self {
            id: need(col::ID)?,
            answer: need(col::ANSWER)?,
            justification: need(col::JUSTIFICATION)?,
            note: need(col::NOTE)?,
            answered_by: need(col::ANSWERED_BY)?,
            evidence: by_role.get(&col::EVIDENCE).copied(),
            headers,
        })
    }

    /// `H (Answer)`.
    fn name(&self, c: usize) -> String {
        match self.headers.get(&c) {
            Some(h) => format!("{} ({h})", letters(c)),
            None => letters(c),
        }
    }
}

fn read_sheet(
    book: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    model: &LoadedModel,
    filled: &mut Filled,
) -> Result<(), Problem> {
    let range = book.worksheet_range(sheet).map_err(|e| {
        let error = e.to_string();
        Problem::at(
            sheet,
            None,
            None,
            Issue::SheetUnreadable,
            &[("error", &error)],
        )
    })?;
    let columns = Columns::find(&range, sheet)?;
    check_merged(book, sheet, filled);
    check_formulas(book, sheet, &columns, filled);
    let last = range.end().map_or(0, |(r, _)| r);
    for r in 1..=last {
        if let Some(row) = read_row(&range, r, sheet, &columns, model, &mut filled.problems) {
            filled.rows.push(row);
        }
    }
    Ok(())
}

/// One row: None when it is blank or its id cannot be read (the problem is noted).
fn read_row(
    range: &Range<Data>,
    r: u32,
    sheet: &str,
    columns: &Columns,
    model: &LoadedModel,
    problems: &mut Vec<Problem>,
) -> Option<FilledRow> {
    let at = |c: usize, issue, values: &[(&'static str, &str)]| {
        Problem::at(sheet, Some(r + 1), Some(columns.name(c)), issue, values)
    };
    let mut cell = |c: usize| -> String {
        match range.get_value((r, c as u32)) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::Error(e)) => {
                problems.push(at(c, Issue::CellError, &[("error", &e.to_string())]));
                String::new()
            }
            Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => {
                problems.push(at(c, Issue::DateCell, &[]));
                String::new()
            }
            Some(value) => text_of(value).trim().to_string(),
        }
    };
    let id = cell(columns.id);
    let answer = cell(columns.answer);
    let justification = cell(columns.justification);
    let note = cell(columns.note);
    let answered_by = cell(columns.answered_by);
    let evidence = columns.evidence.map(&mut cell).unwrap_or_default();
    if id.is_empty() {
        if !(answer.is_empty() && justification.is_empty() && note.is_empty()) {
            problems.push(at(columns.id, Issue::NoId, &[]));
        }
        return None;
    }
    let status = if answer.is_empty() {
        None
    } else if let Some(status) = parse_answer_for(model, &id, &answer) {
        Some(status)
    } else {
        let known = super::known_answers(model, &id).join(", ");
        let values = [("answer", answer.as_str()), ("known", &known)];
        problems.push(at(columns.answer, Issue::UnknownAnswer, &values));
        None
    };
    Some(FilledRow {
        sheet: sheet.to_string(),
        row: r + 1,
        id,
        answer: status,
        justification,
        note,
        answered_by,
        evidence,
        justification_column: columns.name(columns.justification),
    })
}

/// Merged cells hide all but one cell's value: each merged area is a problem.
fn check_merged(book: &mut Sheets<Cursor<&[u8]>>, sheet: &str, filled: &mut Filled) {
    let regions = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).ok(),
        _ => None,
    };
    for region in regions.unwrap_or_default() {
        let ((r1, c1), (r2, c2)) = (region.start, region.end);
        let area = format!(
            "{}{}:{}{}",
            letters(c1 as usize),
            r1 + 1,
            letters(c2 as usize),
            r2 + 1
        );
        filled.problems.push(Problem::at(
            sheet,
            Some(r1 + 1),
            Some(letters(c1 as usize)),
            Issue::Merged,
            &[("area", &area)],
        ));
    }
}

/// A formula's cached value may be stale or missing: formulas are refused, not guessed.
fn check_formulas(
    book: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    columns: &Columns,
    filled: &mut Filled,
) {
    let Ok(formulas) = book.worksheet_formula(sheet) else {
        return;
    };
    for (r, c, formula) in formulas.used_cells() {
        if formula.is_empty() {
            continue;
        }
        let (r, c) = (
            r as u32 + formulas.start().map_or(0, |s| s.0),
            c as u32 + formulas.start().map_or(0, |s| s.1),
        );
        filled.problems.push(Problem::at(
            sheet,
            Some(r + 1),
            Some(columns.name(c as usize)),
            Issue::Formula,
            &[("formula", formula)],
        ));
    }
}

/// A cell's value as text (numbers without a needless `.0`).
fn text_of(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Excel's column letters for a 0-based column (0 → A, 26 → AA).
pub fn letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(7), "H");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
