//! Excel round trip: the self-assessment questionnaire (自评表) goes out as a workbook, filled
//! workbooks come back in. No terminal here: the CLI and the workbench call these functions.
//!
//! - `questionnaire.rs` writes the questionnaire (rust_xlsxwriter): a cover sheet, one sheet
//!   per part, a drop-down of the answer labels, and a hidden `assess` sheet naming the model
//!   and the parts so a filled workbook can be matched back.
//! - `read.rs` reads a filled workbook (calamine) into rows keyed by requirement id, naming
//!   every cell it cannot read by sheet, row and column.
//! - `problem.rs`: what cannot be imported and where, as a typed issue told in the reader's
//!   language.
//! - `import.rs` compares those rows with a session (the plan a dry run shows) and applies them
//!   as ordinary edits, each recorded as imported from the file.
//!
//! The report workbook (`assess report --format xlsx`) lives with the other report formats.

mod import;
mod problem;
mod questionnaire;
mod read;
mod words;

pub use import::{Field, FieldChange, ImportError, ImportPlan, apply, plan};
pub use problem::{Issue, Problem};
pub use questionnaire::{ExportError, QuestionnaireOptions, default_path, export, render};
pub use read::{Filled, FilledRow, read_bytes, read_file};

use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::Status;

/// One choice of the answer drop-down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    pub status: Status,
    /// The label shown in the chosen language.
    pub label: String,
}

/// The model's answer list in `lang`, in drop-down order. Every label a workbook shows or
/// accepts comes from here, so when a model declares its own answer scale only this changes.
pub fn answer_options(_model: &LoadedModel, lang: Lang) -> Vec<AnswerOption> {
    [
        Status::Met,
        Status::Partial,
        Status::NotMet,
        Status::NotApplicable,
    ]
    .into_iter()
    .map(|status| AnswerOption {
        status,
        label: lang.texts().terms.status(status).to_string(),
    })
    .collect()
}

/// The status a typed or chosen answer label means, in any of the model's languages
/// (spaces and letter case do not matter).
pub fn parse_answer(model: &LoadedModel, text: &str) -> Option<Status> {
    let wanted = normalise(text);
    Lang::ALL
        .into_iter()
        .flat_map(|lang| answer_options(model, lang))
        .find(|option| normalise(&option.label) == wanted)
        .map(|option| option.status)
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_in_either_language_whatever_the_case() {
        let model = crate::model::load_embedded(crate::model::DEFAULT_MODEL).expect("model");
        assert_eq!(parse_answer(&model, " not  MET "), Some(Status::NotMet));
        assert_eq!(parse_answer(&model, "部分满足"), Some(Status::Partial));
        assert_eq!(parse_answer(&model, "Yes-ish"), None);
        let zh: Vec<String> = answer_options(&model, Lang::Zh)
            .into_iter()
            .map(|o| o.label)
            .collect();
        assert_eq!(zh, ["满足", "部分满足", "不满足", "不适用"]);
    }
}
