//! The report as an Excel workbook, for management who live in spreadsheets: a summary sheet
//! (metadata, levels and scores per part and domain, and a radar chart Excel draws itself),
//! findings, the roadmap, and every requirement (the CSV report's table).

use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet,
    XlsxError,
};

use super::data::ReportData;
use crate::i18n::report::Labels;

use crate::i18n::xlsx::ReportSheets as Words;
use crate::lang::Lang;

/// Renders the report workbook. Same data, same bytes.
pub fn render(data: &ReportData, l: &Labels) -> Result<Vec<u8>, XlsxError> {
    let w = &Lang::from_code(&data.lang).texts().xlsx.report_sheets;
    let mut book = Workbook::new();
    let when = ExcelDateTime::parse_from_str(&data.session.updated)
        .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))?;
    book.set_properties(
        &DocProperties::new()
            .set_title(data.heading(l))
            .set_creation_datetime(&when),
    );
    summary(book.add_worksheet(), data, l, w)?;
    let sheet = book.add_worksheet().set_name(w.findings)?;
    if data.findings.is_empty() {
        sheet.write_string(0, 0, w.no_findings)?;
    } else {
        table_sheet(sheet, &super::workshop::finding_rows(&data.findings))?;
    }
    roadmap(book.add_worksheet().set_name(w.roadmap)?, data, l)?;
    let requirements = super::csv::requirement_table(data, l);
    table_sheet(
        book.add_worksheet().set_name(w.requirements)?,
        &requirements,
    )?;
    if !data.agenda.is_empty() {
        let agenda = super::workshop::agenda_rows(&data.agenda);
        table_sheet(book.add_worksheet().set_name(w.agenda)?, &agenda)?;
    }
    book.save_to_buffer()
}

/// Metadata, the part and domain tables, and the radar of domain levels against targets.
fn summary(
    sheet: &mut Worksheet,
    data: &ReportData,
    l: &Labels,
    w: &Words,
) -> Result<(), XlsxError> {
    sheet.set_name(w.summary)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(16);
    let score = Format::new().set_num_format("0.00");
    sheet.write_string_with_format(0, 0, fit(&data.heading(l)), &title)?;
    let mut row = 2u32;
    for (label, value) in data.metadata(l) {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string(row, 1, fit(&value))?;
        row += 1;
    }
    row += 1;
    let header = [
        l.part, l.domain, l.level, l.score, l.target, l.gap, w.answered, w.total,
    ];
    let write_header = |sheet: &mut Worksheet, at: u32| -> Result<(), XlsxError> {
        for (c, h) in header.iter().enumerate() {
            sheet.write_string_with_format(at, c as u16, *h, &bold)?;
        }
        Ok(())
    };
    write_header(sheet, row)?;
    for part in &data.parts {
        row += 1;
        result_row(sheet, row, &part.result.name, "", &part.result, &score)?;
    }
    row += 2;
    write_header(sheet, row)?;
    let first = row + 1;
    for part in &data.parts {
        for domain in &part.domains {
            row += 1;
            result_row(
                sheet,
                row,
                &part.result.name,
                &domain.result.name,
                &domain.result,
                &score,
            )?;
        }
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 34)?;
    if row >= first {
        let top = data.parts.first().map_or(5, |p| p.result.max);
        let chart = radar(sheet.name().as_str(), first, row, top, l);
        sheet.insert_chart(2, 9, &chart)?;
    }
    Ok(())
}

fn result_row(
    sheet: &mut Worksheet,
    row: u32,
    part: &str,
    domain: &str,
    result: &crate::summary::ResultRow,
    score: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string(row, 0, part)?;
    sheet.write_string(row, 1, domain)?;
    sheet.write_number(row, 2, f64::from(result.level))?;
    sheet.write_number_with_format(row, 3, result.score, score)?;
    if let Some(target) = result.target {
        sheet.write_number(row, 4, f64::from(target))?;
    }
    sheet.write_number(row, 5, f64::from(result.gap))?;
    sheet.write_number(row, 6, result.answered as f64)?;
    sheet.write_number(row, 7, result.total as f64)?;
    Ok(())
}

/// A radar of the domains' levels (and targets) in rows `first..=last`, drawn by Excel.
/// Drawn 0..`top`, the model's highest level.
fn radar(sheet: &str, first: u32, last: u32, top: u8, l: &Labels) -> Chart {
    let mut chart = Chart::new(ChartType::Radar);
    chart.title().set_name(l.radar);
    for (column, name) in [(2u16, l.level), (4u16, l.target)] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((sheet, first, 1, last, 1))
            .set_values((sheet, first, column, last, column));
    }
    chart
        .y_axis()
        .set_min(0)
        .set_max(f64::from(top.max(1)))
        .set_major_unit(1);
    chart.set_width(640).set_height(480);
    chart
}

/// The roadmap: one row per gap requirement, by part, phase and domain.
fn roadmap(sheet: &mut Worksheet, data: &ReportData, l: &Labels) -> Result<(), XlsxError> {
    let mut rows = vec![vec![
        l.part.to_string(),
        l.phase.to_string(),
        l.reach_level.to_string(),
        l.domain.to_string(),
        l.requirement.to_string(),
        l.level.to_string(),
        l.practice.to_string(),
        l.requirement.to_string(),
        l.status.to_string(),
    ]];
    for part in &data.parts {
        let Some(roadmap) = &part.roadmap else {
            continue;
        };
        for phase in &roadmap.phases {
            for domain in &phase.domains {
                for r in &domain.requirements {
                    rows.push(vec![
                        part.result.name.clone(),
                        phase.phase.to_string(),
                        phase.reaches_level.to_string(),
                        domain.name.clone(),
                        r.id.clone(),
                        r.level.to_string(),
                        r.practice.clone(),
                        r.text.clone(),
                        l.answer(&r.label, r.status).to_string(),
                    ]);
                }
            }
        }
    }
    table_sheet(sheet, &rows)
}

/// A table with a bold, frozen header row and wrapped text.
fn table_sheet(sheet: &mut Worksheet, rows: &[Vec<String>]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (r, fields) in rows.iter().enumerate() {
        for (c, field) in fields.iter().enumerate() {
            let format = if r == 0 { &bold } else { &wrap };
            sheet.write_string_with_format(r as u32, c as u16, fit(field), format)?;
        }
    }
    let width = rows.first().map_or(0, Vec::len);
    for c in 0..width {
        sheet.set_column_width(c as u16, 18)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Excel holds at most 32,767 characters in a cell: longer text is cut, and says so.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 32_000;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}
