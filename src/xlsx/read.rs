//! Reads a filled questionnaire (xlsx, or xls re-saved by Excel) with calamine: the hidden
//! `assess` sheet says which model and which sheets, the header row says which column is
//! which, and each row is keyed by its requirement id. Anything that cannot be read is a
//! `Problem` naming the sheet, row and column; a workbook that is not a questionnaire for this
//! model is refused as a whole.

use std::collections::HashMap;
use std::fmt;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};

use super::parse_answer;
use super::questionnaire::{META_FORMAT, META_SHEET};
use super::words::{col, column_of};
use crate::i18n::xlsx::{EN, ZH};
use crate::model::LoadedModel;
use crate::session::Status;

/// Workbooks larger than this are refused before they are read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Something in a workbook that cannot be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub sheet: Option<String>,
    /// 1-based, as Excel numbers rows.
    pub row: Option<u32>,
    /// The column's letters and its header, e.g. `H (Answer)`.
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    fn whole(message: impl Into<String>) -> Self {
        Self {
            sheet: None,
            row: None,
            column: None,
            message: message.into(),
        }
    }

    fn at(
        sheet: &str,
        row: Option<u32>,
        column: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            sheet: Some(sheet.to_string()),
            row,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(sheet) = &self.sheet {
            place.push(format!("sheet \"{sheet}\""));
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column {column}"));
        }
        if place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", place.join(", "), self.message)
        }
    }
}

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
    /// Where the justification cell is, for messages.
    pub justification_column: String,
}

/// What a questionnaire holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    /// The model id the workbook was exported for.
    pub model: String,
    /// `(part id, sheet name)` as exported.
    pub parts: Vec<(String, String)>,
    pub rows: Vec<FilledRow>,
    pub problems: Vec<Problem>,
}

/// Reads the workbook at `path` for `model`.
pub fn read_file(path: &Path, model: &LoadedModel) -> Result<Filled, Problem> {
    let name = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| Problem::whole(format!("cannot read {name}: {e}")))?
        .len();
    if size > MAX_BYTES {
        return Err(Problem::whole(format!(
            "{name} is {size} bytes, more than a questionnaire can be ({MAX_BYTES})"
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Problem::whole(format!("cannot read {name}: {e}")))?;
    read_bytes(&bytes, model).map_err(|p| Problem {
        message: if p.sheet.is_none() {
            format!("{name}: {}", p.message)
        } else {
            p.message
        },
        ..p
    })
}

/// Reads a workbook's bytes for `model`.
pub fn read_bytes(bytes: &[u8], model: &LoadedModel) -> Result<Filled, Problem> {
    if bytes.is_empty() {
        return Err(Problem::whole("the file is empty, not a workbook"));
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Problem::whole(format!(
            "not an Excel workbook (xlsx or xls) that can be read: {e}"
        ))
    })?;
    let mut filled = read_meta(&mut book, model)?;
    let names = book.sheet_names();
    for (part, sheet) in filled.parts.clone() {
        if !names.contains(&sheet) {
            return Err(Problem::whole(format!(
                "sheet \"{sheet}\" (part {part}) is missing: was it renamed or deleted? The \
                 workbook's sheets are: {}",
                names.join(", ")
            )));
        }
        read_sheet(&mut book, &sheet, model, &mut filled)?;
    }
    Ok(filled)
}

/// The hidden sheet: the format, the model, and which sheet holds which part.
fn read_meta(book: &mut Sheets<Cursor<&[u8]>>, model: &LoadedModel) -> Result<Filled, Problem> {
    let range = book.worksheet_range(META_SHEET).map_err(|_| {
        Problem::whole(format!(
            "not a questionnaire exported by assess (it has no \"{META_SHEET}\" sheet); \
             export one with `assess export-xlsx`"
        ))
    })?;
    let mut filled = Filled::default();
    let mut format = String::new();
    for row in range.rows() {
        let cell = |c: usize| row.get(c).map(text_of).unwrap_or_default();
        match cell(0).as_str() {
            "format" => format = cell(1),
            "model" => filled.model = cell(1),
            "part" => filled.parts.push((cell(1), cell(2))),
            _ => {}
        }
    }
    if format != META_FORMAT {
        return Err(Problem::whole(format!(
            "the questionnaire's layout {format:?} is not one this version reads ({META_FORMAT})"
        )));
    }
    if filled.model != model.model.id {
        return Err(Problem::whole(format!(
            "the workbook was exported for model \"{}\", but the session uses \"{}\"",
            filled.model, model.model.id
        )));
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
                Problem::at(
                    sheet,
                    Some(1),
                    None,
                    format!(
                        "no \"{}\" ({}) column in the header row",
                        EN.headers[role], ZH.headers[role]
                    ),
                )
            })
        };
        Ok(Self {
            id: need(col::ID)?,
            answer: need(col::ANSWER)?,
            justification: need(col::JUSTIFICATION)?,
            note: need(col::NOTE)?,
            answered_by: need(col::ANSWERED_BY)?,
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
    let range = book
        .worksheet_range(sheet)
        .map_err(|e| Problem::at(sheet, None, None, format!("cannot be read: {e}")))?;
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
    let mut cell = |c: usize| -> String {
        match range.get_value((r, c as u32)) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::Error(e)) => {
                let message = format!("the cell shows an error ({e}); type a value instead");
                problems.push(Problem::at(
                    sheet,
                    Some(r + 1),
                    Some(columns.name(c)),
                    message,
                ));
                String::new()
            }
            Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => {
                let message = "a date or time where text was expected; type it as text";
                problems.push(Problem::at(
                    sheet,
                    Some(r + 1),
                    Some(columns.name(c)),
                    message,
                ));
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
    if id.is_empty() {
        if !(answer.is_empty() && justification.is_empty() && note.is_empty()) {
            let message = "this row has no requirement id, so it cannot be matched";
            problems.push(Problem::at(
                sheet,
                Some(r + 1),
                Some(columns.name(columns.id)),
                message,
            ));
        }
        return None;
    }
    let status = if answer.is_empty() {
        None
    } else if let Some(status) = parse_answer(model, &answer) {
        Some(status)
    } else {
        let known = crate::lang::Lang::ALL
            .into_iter()
            .flat_map(|lang| super::answer_options(model, lang))
            .map(|o| o.label)
            .collect::<Vec<_>>()
            .join(", ");
        let message = format!("{answer:?} is not one of the model's answers ({known})");
        problems.push(Problem::at(
            sheet,
            Some(r + 1),
            Some(columns.name(columns.answer)),
            message,
        ));
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
            format!("cells {area} are merged; unmerge them so every row keeps its own values"),
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
            format!("a formula (={formula}) is not read; type the value instead"),
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
