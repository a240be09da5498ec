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
use crate::model::{AnswerScale, LoadedModel};
use crate::session::{Status, scale};

/// One choice of the answer drop-down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    pub status: Status,
    /// The label shown in the chosen language.
    pub label: String,
}

/// The model's answer list in `lang`, in drop-down order: its default answer scale's options
/// (CAICT's four when it declares none). Every label a workbook shows or accepts comes from
/// here and `scale_options`.
pub fn answer_options(model: &LoadedModel, lang: Lang) -> Vec<AnswerOption> {
    scale_options(model.model.default_scale(), lang)
}

/// One scale's answer list in `lang` (a requirement answered on its own scale, like each SAMM
/// question on its answer set, gets this list as its drop-down).
pub fn scale_options(scale: &AnswerScale, lang: Lang) -> Vec<AnswerOption> {
    scale::statuses(scale)
        .map(|status| AnswerOption {
            status,
            label: scale::label(scale, status, lang).to_string(),
        })
        .collect()
}

/// The status a typed or chosen answer label means, in any of the model's languages, on any
/// of its scales (spaces and letter case do not matter).
pub fn parse_answer(model: &LoadedModel, text: &str) -> Option<Status> {
    let scales: Vec<&AnswerScale> = if model.model.scales.is_empty() {
        vec![model.model.default_scale()]
    } else {
        model.model.scales.iter().collect()
    };
    scales.into_iter().find_map(|s| parse_on(s, text))
}

/// The status an answer label means for one requirement (full id): on its own scale when the
/// model has the requirement, else on any.
pub fn parse_answer_for(model: &LoadedModel, requirement: &str, text: &str) -> Option<Status> {
    match model.index.requirement(requirement) {
        Some(r) => parse_on(scale::scale_at(model, r), text),
        None => parse_answer(model, text),
    }
}

/// The labels a requirement (full id) accepts, in every language, for an error message.
pub fn known_answers(model: &LoadedModel, requirement: &str) -> Vec<String> {
    let scale = model.index.requirement(requirement).map_or_else(
        || model.model.default_scale(),
        |r| scale::scale_at(model, r),
    );
    Lang::ALL
        .into_iter()
        .flat_map(|lang| scale_options(scale, lang))
        .map(|o| o.label)
        .collect()
}

fn parse_on(scale: &AnswerScale, text: &str) -> Option<Status> {
    let wanted = normalise(text);
    Lang::ALL
        .into_iter()
        .flat_map(|lang| scale_options(scale, lang))
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
