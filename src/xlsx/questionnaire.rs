//! Writes the questionnaire workbook: a cover sheet, one protected sheet per part with the
//! current answers filled in, and a hidden `assess` sheet that names the model and which sheet
//! holds which part, so a filled workbook is matched back by ids, never by position.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::words::{COLUMNS, col};
use super::{AnswerOption, answer_options};
use crate::i18n::{fill, xlsx::Xlsx as Words};
use crate::lang::Lang;
use crate::model::AnswerScale;
use crate::model::{EvidenceKind, LoadedModel, RequirementRef};
use crate::session::{Session, SessionError, atomic_write, scale};

/// The hidden sheet that identifies a questionnaire; its rows are `key | value | value`.
pub const META_SHEET: &str = "assess";
/// Bumped when the layout changes in a way an older reader would misread.
pub const META_FORMAT: &str = "1";

/// What to put in the workbook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionnaireOptions {
    pub lang: Lang,
    /// Part ids to include; empty means every part in the session's scope.
    pub parts: Vec<String>,
}

/// Why a questionnaire could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0:?} is not a part in the session's scope (its parts: {1})")]
    UnknownPart(String, String),
    #[error("the {1} of {0} is longer than an Excel cell holds (32,767 characters)")]
    TooLong(String, &'static str),
    #[error("cannot build the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    #[error(transparent)]
    Write(#[from] SessionError),
}

/// Where the questionnaire goes by default: beside the session (`audit.ron` →
/// `audit.questionnaire.xlsx`, `audit.questionnaire.zh.xlsx` in Chinese).
pub fn default_path(session_path: &Path, lang: Lang) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().to_string());
    let lang = match lang {
        Lang::Zh => ".zh",
        Lang::En => "",
    };
    session_path.with_file_name(format!("{stem}.questionnaire{lang}.xlsx"))
}

/// Writes the questionnaire to `target` (or its default place) readable by its owner only,
/// and returns where it went: what `assess export-xlsx` and the export dialog both do.
pub fn export(
    session_path: &Path,
    target: Option<&Path>,
    model: &LoadedModel,
    session: &Session,
    options: &QuestionnaireOptions,
) -> Result<PathBuf, ExportError> {
    let path = target.map_or_else(
        || default_path(session_path, options.lang),
        Path::to_path_buf,
    );
    let bytes = render(model, session, options)?;
    atomic_write(&path, &bytes, false)?;
    Ok(path)
}

/// The questionnaire as xlsx bytes. Same session and options, same bytes.
pub fn render(
    model: &LoadedModel,
    session: &Session,
    options: &QuestionnaireOptions,
) -> Result<Vec<u8>, ExportError> {
    let parts = chosen_parts(session, &options.parts)?;
    check_lengths(session)?;
    let w = options.lang.texts().xlsx;
    let answers = answer_options(model, options.lang);
    let lang = options.lang.code();
    let mut book = Workbook::new();
    book.set_properties(&properties(session, w)?);
    write_cover(book.add_worksheet(), model, session, w, &answers, lang)?;
    let mut names = Vec::new();
    for part in &parts {
        let sheet = book.add_worksheet();
        let name = sheet_name(model, part, lang, &names);
        sheet.set_name(&name)?;
        PartSheet {
            model,
            session,
            w,
            lang,
            language: options.lang,
        }
        .write(sheet, part)?;
        names.push(name);
    }
    write_meta(book.add_worksheet(), model, session, &parts, &names)?;
    Ok(book.save_to_buffer()?)
}

/// The parts asked for, in model order, all in the session's scope.
fn chosen_parts(session: &Session, asked: &[String]) -> Result<Vec<String>, ExportError> {
    if let Some(bad) = asked.iter().find(|p| !session.parts.contains(p)) {
        return Err(ExportError::UnknownPart(
            bad.clone(),
            session.parts.join(", "),
        ));
    }
    Ok(session
        .parts
        .iter()
        .filter(|p| asked.is_empty() || asked.contains(p))
        .cloned()
        .collect())
}

/// A note or justification too long for a cell is refused rather than cut, so that importing
/// the workbook back can never shorten it.
fn check_lengths(session: &Session) -> Result<(), ExportError> {
    const MAX: usize = 32_767;
    for (id, answer) in &session.answers {
        let reason = answer.justification.as_deref().unwrap_or_default();
        for (field, text) in [("note", answer.note.as_str()), ("justification", reason)] {
            if text.chars().nth(MAX).is_some() {
                return Err(ExportError::TooLong(id.clone(), field));
            }
        }
    }
    Ok(())
}

/// Document properties with a creation time taken from the session, so output is stable.
fn properties(session: &Session, w: &Words) -> Result<DocProperties, XlsxError> {
    let when = ExcelDateTime::parse_from_str(&session.updated)
        .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))?;
    Ok(DocProperties::new()
        .set_title(format!("{} — {}", w.cover_title, session.title))
        .set_creation_datetime(&when))
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`), unique in the book.
fn sheet_name(model: &LoadedModel, part: &str, lang: &str, taken: &[String]) -> String {
    let name = model
        .model
        .parts
        .iter()
        .find(|p| p.id == part)
        .map_or("", |p| p.name.get(lang));
    let full: String = format!("{} {name}", part.to_uppercase())
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
        .collect();
    let clean = shorten(&full, 31);
    if taken.contains(&clean) || clean.eq_ignore_ascii_case(META_SHEET) {
        part.chars().take(31).collect()
    } else {
        clean
    }
}

/// At most `max` characters, cut at a word boundary where there is one.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(space) if space > 0 => cut[..space].trim_end().to_string(),
        _ => cut,
    }
}

fn write_cover(
    sheet: &mut Worksheet,
    model: &LoadedModel,
    session: &Session,
    w: &Words,
    answers: &[AnswerOption],
    lang: &str,
) -> Result<(), XlsxError> {
    sheet.set_name(w.cover_sheet)?;
    let title = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_string_with_format(0, 0, w.cover_title, &title)?;
    let targets = session
        .parts
        .iter()
        .map(|p| match session.targets.get(p) {
            Some(t) => format!("{}: {t}", p.to_uppercase()),
            None => format!("{}: –", p.to_uppercase()),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let model_text = format!(
        "{} ({}) {}",
        model.model.name.get(lang),
        model.model.id,
        model.model.version
    );
    let rows = [
        (w.session, session.title.as_str()),
        (w.organisation, session.organisation.as_str()),
        (w.scope, session.scope.as_str()),
        (w.model, model_text.as_str()),
        (w.targets, targets.as_str()),
        (w.exported, session.updated.as_str()),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let row = 2 + i as u32;
        sheet.write_string_with_format(row, 0, *label, &bold)?;
        sheet.write_string_with_format(row, 1, *value, &wrap)?;
    }
    let start = 3 + rows.len() as u32;
    sheet.write_string_with_format(start, 0, w.how_to_fill, &bold)?;
    let labels: Vec<&str> = answers.iter().map(|a| a.label.as_str()).collect();
    let reasoned = scale::reasoned_labels(&model.model, Lang::from_code(lang)).join(" / ");
    for (i, line) in w.instructions.iter().enumerate() {
        // N/A's instruction, or the one naming every answer that needs a reason.
        let (line, answers) = match i {
            2 if scale::reasons_beyond_na(&model.model) => (w.reason_instruction, &reasoned),
            _ => (*line, &labels.join(w.list_separator)),
        };
        let text = fill(line, &[("answers", answers)]);
        sheet.write_string_with_format(
            start + 1 + i as u32,
            1,
            format!("{}. {text}", i + 1),
            &wrap,
        )?;
    }
    Ok(())
}

/// One part's sheet.
struct PartSheet<'a> {
    model: &'a LoadedModel,
    session: &'a Session,
    w: &'a Words,
    lang: &'a str,
    language: crate::lang::Lang,
}

/// Column widths in Excel's character units; Chinese glyphs are two units wide, so the text
/// columns are set explicitly rather than estimated.
const WIDTHS: [f64; COLUMNS] = [
    26.0, 18.0, 20.0, 22.0, 12.0, 60.0, 34.0, 16.0, 30.0, 40.0, 24.0, 14.0,
];

/// A part sheet's header of column `c`: the justification column is "Reason" (理由) when
/// answers other than N/A need one too, else N/A's own (不适用理由).
fn header_of<'w>(model: &LoadedModel, w: &'w Words, c: usize) -> &'w str {
    if c == col::JUSTIFICATION && scale::reasons_beyond_na(&model.model) {
        w.reason_header
    } else {
        w.headers[c]
    }
}

impl PartSheet<'_> {
    fn write(&self, sheet: &mut Worksheet, part: &str) -> Result<(), XlsxError> {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0x00D9_E1F2)
            .set_border(FormatBorder::Thin);
        let locked = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let open = locked
            .clone()
            .set_unlocked()
            .set_background_color(0x00FF_F2CC);
        for (c, width) in WIDTHS.iter().enumerate() {
            sheet.set_column_width(c as u16, *width)?;
            sheet.write_string_with_format(
                0,
                c as u16,
                header_of(self.model, self.w, c),
                &header,
            )?;
        }
        let mut row = 0u32;
        // Runs of rows answered on one scale (first row, last row, scale): each run gets its
        // scale's drop-down; a model on one scale has one run.
        let mut runs: Vec<(u32, u32, &AnswerScale)> = Vec::new();
        for r in self.session.requirements_in_scope(self.model) {
            let req = &self.model.index.requirements[r];
            let pref = &self.model.index.practices[req.practice];
            if self.model.model.parts[pref.part].id != part {
                continue;
            }
            row += 1;
            for (c, text) in self.cells(req).iter().enumerate() {
                let format = if c >= col::ANSWER { &open } else { &locked };
                sheet.write_string_with_format(row, c as u16, text, format)?;
            }
            let scale = scale::scale_at(self.model, r);
            match runs.last_mut() {
                Some((_, last, s)) if std::ptr::eq(*s, scale) => *last = row,
                _ => runs.push((row, row, scale)),
            }
        }
        let last = row.max(1);
        if runs.is_empty() {
            runs.push((1, last, self.model.model.default_scale()));
        }
        let answer = col::ANSWER as u16;
        for (first, end, scale) in runs {
            let options = super::scale_options(scale, self.language);
            let labels: Vec<&str> = options.iter().map(|a| a.label.as_str()).collect();
            let validation = DataValidation::new()
                .allow_list_strings(&labels)?
                .set_input_title(self.w.answer_prompt)?
                .set_error_message(self.w.answer_error)?
                .set_error_style(DataValidationErrorStyle::Stop);
            sheet.add_data_validation(first, answer, end, answer, &validation)?;
        }
        sheet.set_freeze_panes(1, 1)?;
        let mut protection = ProtectionOptions::new();
        protection.format_columns = true;
        protection.format_rows = true;
        protection.use_autofilter = true;
        sheet.autofilter(0, 0, last, (COLUMNS - 1) as u16)?;
        sheet.protect_with_options(&protection);
        Ok(())
    }

    /// The texts of one requirement's row, in column order.
    fn cells(&self, req: &RequirementRef) -> [String; COLUMNS] {
        let lang = self.lang;
        let pref = &self.model.index.practices[req.practice];
        let part = &self.model.model.parts[pref.part];
        let domain = &part.domains[pref.domain];
        let item = &domain.items[pref.item];
        let practice = &item.practices[pref.practice];
        let level = &practice.levels[req.level_pos];
        let requirement = &level.requirements[req.position];
        let level_name = self
            .model
            .model
            .levels
            .iter()
            .find(|l| l.level == req.level)
            .map_or(String::new(), |l| format!(" {}", l.name.get(lang)));
        let answer = self
            .session
            .answers
            .get(&req.id)
            .cloned()
            .unwrap_or_default();
        let scale = self.model.scale_of(&req.id);
        let status = answer.status.map_or(String::new(), |s| {
            scale::label(scale, s, self.language).to_string()
        });
        let by = if answer.decided_by.is_empty() {
            answer.by.clone()
        } else {
            answer.decided_by.clone()
        };
        let by = if answer.status.is_some() {
            by
        } else {
            String::new()
        };
        [
            req.id.clone(),
            domain.name.get(lang).to_string(),
            item.name.get(lang).to_string(),
            practice.name.get(lang).to_string(),
            format!("{}{level_name}", req.level),
            requirement.text.get(lang).to_string(),
            self.hint(requirement.evidence.unwrap_or(level.evidence), practice),
            status,
            answer.justification.unwrap_or_default(),
            answer.note,
            evidence_refs(self.session, &answer.evidence),
            by,
        ]
    }

    /// What evidence to show: its kind, then what good evidence for the practice looks like.
    fn hint(&self, kind: EvidenceKind, practice: &crate::model::Practice) -> String {
        let kind = match kind {
            EvidenceKind::Document => self.w.document,
            EvidenceKind::Demo => self.w.demo,
            EvidenceKind::Either => self.w.either,
        };
        match &practice.good_evidence {
            // The language's own colon (`现场演示：…`), as the Markdown report writes labels.
            Some(good) => fill(
                self.language.texts().deliverable.labelled,
                &[("label", kind), ("value", good.get(self.lang))],
            ),
            None => kind.to_string(),
        }
    }
}

/// Register entries cited by an answer, as `E1 title; E2 title` (import compares a cell with
/// this to see whether the team wrote references of its own).
pub(super) fn evidence_refs(session: &Session, ids: &[String]) -> String {
    ids.iter()
        .map(|id| match session.evidence.get(id) {
            Some(e) => format!("{id} {}", e.title),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The hidden sheet: format, model id and version, then `part | id | sheet name` rows.
fn write_meta(
    sheet: &mut Worksheet,
    model: &LoadedModel,
    session: &Session,
    parts: &[String],
    names: &[String],
) -> Result<(), XlsxError> {
    sheet.set_name(META_SHEET)?;
    let rows = [
        ["format", META_FORMAT],
        ["model", model.model.id.as_str()],
        ["model version", model.model.version.as_str()],
        ["session", session.title.as_str()],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text)?;
        }
    }
    for (i, (part, name)) in parts.iter().zip(names).enumerate() {
        let r = (rows.len() + i) as u32;
        sheet.write_string(r, 0, "part")?;
        sheet.write_string(r, 1, part)?;
        sheet.write_string(r, 2, name)?;
    }
    sheet.protect();
    sheet.set_hidden(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cut_at_a_word_within_excels_limit() {
        assert_eq!(
            shorten("AGILE Agile Development Management", 31),
            "AGILE Agile Development"
        );
        assert_eq!(shorten("CD 持续交付", 31), "CD 持续交付");
        assert_eq!(shorten("ABCDEFGHIJ", 4), "ABCD");
        assert_eq!(
            default_path(Path::new("/s/audit.ron"), Lang::Zh),
            Path::new("/s/audit.questionnaire.zh.xlsx")
        );
    }
}
