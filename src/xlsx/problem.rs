//! What cannot be imported from a workbook, and where: a typed issue with its values, told in
//! the reader's language at the edge (`text`); `Display` is the English text.

use std::fmt;

use crate::i18n::fill;
use crate::i18n::xlsx::XlsxProblems;
use crate::lang::Lang;

/// The kinds of problem a workbook can have; each has one template in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    CannotRead,
    TooBig,
    Empty,
    NotWorkbook,
    NotQuestionnaire,
    Layout,
    OtherModel,
    MissingSheet,
    MissingHeader,
    SheetUnreadable,
    CellError,
    DateCell,
    NoId,
    UnknownAnswer,
    Merged,
    Formula,
    Duplicate,
    UnknownId,
    OutOfScope,
    NaWithoutReason,
    NoReason,
    MissingRows,
}

impl Issue {
    fn template(self, t: &XlsxProblems) -> &'static str {
        match self {
            Issue::CannotRead => t.cannot_read,
            Issue::TooBig => t.too_big,
            Issue::Empty => t.empty,
            Issue::NotWorkbook => t.not_workbook,
            Issue::NotQuestionnaire => t.not_questionnaire,
            Issue::Layout => t.layout,
            Issue::OtherModel => t.other_model,
            Issue::MissingSheet => t.missing_sheet,
            Issue::MissingHeader => t.missing_header,
            Issue::SheetUnreadable => t.sheet_unreadable,
            Issue::CellError => t.cell_error,
            Issue::DateCell => t.date_cell,
            Issue::NoId => t.no_id,
            Issue::UnknownAnswer => t.unknown_answer,
            Issue::Merged => t.merged,
            Issue::Formula => t.formula,
            Issue::Duplicate => t.duplicate,
            Issue::UnknownId => t.unknown_id,
            Issue::OutOfScope => t.out_of_scope,
            Issue::NaWithoutReason => t.na_without_reason,
            Issue::NoReason => t.no_reason,
            Issue::MissingRows => t.missing_rows,
        }
    }
}

/// Something in a workbook that cannot be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The workbook's file name, for problems with the whole file.
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// 1-based, as Excel numbers rows.
    pub row: Option<u32>,
    /// The column's letters and its header, e.g. `H (Answer)`.
    pub column: Option<String>,
    pub issue: Issue,
    /// The values of the issue's `{name}` slots.
    pub values: Vec<(&'static str, String)>,
}

impl Problem {
    /// A problem with the whole workbook.
    pub fn whole(issue: Issue, values: &[(&'static str, &str)]) -> Self {
        Self {
            file: None,
            sheet: None,
            row: None,
            column: None,
            issue,
            values: values.iter().map(|(k, v)| (*k, (*v).to_string())).collect(),
        }
    }

    /// A problem on a sheet, optionally at a row and column.
    pub fn at(
        sheet: &str,
        row: Option<u32>,
        column: Option<String>,
        issue: Issue,
        values: &[(&'static str, &str)],
    ) -> Self {
        Self {
            sheet: Some(sheet.to_string()),
            row,
            column,
            ..Self::whole(issue, values)
        }
    }

    /// The problem told in `lang`: where, then what.
    pub fn text(&self, lang: Lang) -> String {
        let t = &lang.texts().xlsx.problems;
        let mut place = Vec::new();
        if let Some(file) = &self.file {
            place.push(file.clone());
        }
        if let Some(sheet) = &self.sheet {
            place.push(fill(t.sheet, &[("sheet", sheet)]));
        }
        if let Some(row) = self.row {
            place.push(fill(t.row, &[("row", &row.to_string())]));
        }
        if let Some(column) = &self.column {
            place.push(fill(t.column, &[("column", column)]));
        }
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let what = fill(self.issue.template(t), &values);
        if place.is_empty() {
            what
        } else {
            format!("{}{}{what}", place.join(t.separator), t.colon)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text(Lang::En))
    }
}
