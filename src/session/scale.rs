//! What an answer means: a session stores an option id (`Status`); the requirement's answer
//! scale (the model's `scales`, else the built-in CAICT one) says whether it passed, needs a
//! reason, takes the requirement out of scoring, what it is worth and what it is called.
//! Every question the code used to ask of `Status::Met` is asked here.

use crate::lang::Lang;
use crate::model::{AnswerOption, AnswerScale, LoadedModel, Model, caict_scale};

use super::Status;

/// An answer's kind, for glyphs, styles and the review filters: the same four shapes on any
/// scale (SAMM's 0 / 0.25 / 0.5 / 1 read as not passed, partial, partial, passed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Passed,
    Partial,
    NotPassed,
    NotApplicable,
}

/// The scale of the requirement at this index of the model index.
pub fn scale_at(model: &LoadedModel, requirement: usize) -> &AnswerScale {
    let r = &model.index.requirements[requirement];
    let requirement = model
        .model
        .requirement_of(&model.index.practices[r.practice], r);
    model.model.scale_for(requirement)
}

/// The option an answer chose on a scale (None: an id the scale does not have).
pub fn option(scale: &AnswerScale, status: Status) -> Option<&AnswerOption> {
    scale.options.iter().find(|o| o.id == status.id())
}

/// Passed, or taken out of scoring: what staged scoring and gaps count as done.
pub fn done(option: Option<&AnswerOption>) -> bool {
    option.is_some_and(|o| o.passed || o.not_applicable)
}

/// The kind of an answer on its scale: passed; not applicable; not passed when worth the
/// least of the scale's applicable options; partial otherwise.
pub fn kind(scale: &AnswerScale, status: Status) -> Kind {
    match option(scale, status) {
        Some(o) if o.passed => Kind::Passed,
        Some(o) if o.not_applicable => Kind::NotApplicable,
        Some(o) if o.value > bottom_value(scale) => Kind::Partial,
        _ => Kind::NotPassed,
    }
}

fn bottom_value(scale: &AnswerScale) -> f64 {
    applicable(scale)
        .map(|o| o.value)
        .fold(f64::INFINITY, f64::min)
}

fn applicable(scale: &AnswerScale) -> impl Iterator<Item = &AnswerOption> {
    scale.options.iter().filter(|o| !o.not_applicable)
}

/// The answer a quick level gives below or at the level: the passed option worth the most.
pub fn top(scale: &AnswerScale) -> Option<Status> {
    applicable(scale)
        .filter(|o| o.passed)
        .max_by(|a, b| a.value.total_cmp(&b.value))
        .or_else(|| applicable(scale).max_by(|a, b| a.value.total_cmp(&b.value)))
        .and_then(|o| Status::new(&o.id))
}

/// The answer a quick level gives above the level: the applicable option worth the least.
pub fn bottom(scale: &AnswerScale) -> Option<Status> {
    applicable(scale)
        .filter(|o| !o.passed)
        .min_by(|a, b| a.value.total_cmp(&b.value))
        .and_then(|o| Status::new(&o.id))
}

/// Whether this answer needs a written reason (CAICT: Not applicable).
pub fn needs_reason(scale: &AnswerScale, status: Status) -> bool {
    option(scale, status).is_some_and(|o| o.justify)
}

/// The labels in `lang` of a model's answers that need a reason, each once, in scale order.
pub fn reasoned_labels(model: &Model, lang: Lang) -> Vec<&str> {
    let mut labels: Vec<&str> = Vec::new();
    for (scale, status) in reasoned(model) {
        let label = label(scale, status, lang);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// Whether some answer other than not applicable needs a reason: a justification is then
/// named as a reason in general ("Reason", 理由), not as N/A's (不适用理由), where one name
/// serves every answer (the questionnaire's column).
pub fn reasons_beyond_na(model: &Model) -> bool {
    reasoned(model)
        .into_iter()
        .any(|(scale, status)| kind(scale, status) != Kind::NotApplicable)
}

/// Every answer of a model's scales (CAICT's when it has none) that needs a reason.
fn reasoned(model: &Model) -> Vec<(&AnswerScale, Status)> {
    let scales: Vec<&AnswerScale> = if model.scales.is_empty() {
        vec![caict_scale()]
    } else {
        model.scales.iter().collect()
    };
    scales
        .into_iter()
        .flat_map(|s| statuses(s).map(move |status| (s, status)))
        .filter(|(s, status)| needs_reason(s, *status))
        .collect()
}

/// Whether the model is answered on the built-in CAICT scale alone, whose words (and keys)
/// come from the program's catalogue rather than the model.
pub fn is_caict(model: &Model) -> bool {
    model.scales.is_empty() || model.scales.iter().all(|s| *s == *caict_scale())
}

/// An answer's label in `lang`: the catalogue's words for CAICT's options (exactly as
/// always), the model's label for another scale's, else the id itself.
pub fn label(scale: &AnswerScale, status: Status, lang: Lang) -> &str {
    if Status::ALL.contains(&status) && scale.option(status.id()).is_some() {
        return lang.texts().terms.status(status);
    }
    option(scale, status).map_or(status.id(), |o| o.label.get(lang.code()))
}

/// How an answer is shown to a reader, wherever one is shown (log, history panel, diff,
/// merge and conflicts, textconv): the label in `lang` of the option `value` names on the
/// scale of `requirement`. `value` is what a session or its audit trail holds: an option id,
/// the trail's code for CAICT's answers (`met`, …) or the English label older files hold.
/// Without the model (not needed, or it could not be loaded) CAICT's answers still read as
/// words. None: no answer of that scale (shown as stored). JSON outputs keep the ids.
pub fn answer_label<'a>(
    model: Option<&'a LoadedModel>,
    requirement: &str,
    value: &str,
    lang: Lang,
) -> Option<&'a str> {
    let scale: &'a AnswerScale = match model {
        Some(m) => m.scale_of(requirement),
        None => caict_scale(),
    };
    let status = Status::new(value)
        .filter(|s| option(scale, *s).is_some())
        .or_else(|| Status::from_recorded(value))?;
    option(scale, status).map(|_| label(scale, status, lang))
}

/// Whether a shown answer reads the same without its model: empty, or one of CAICT's (the
/// catalogue has their words), so a CAICT session's text outputs need not parse the model.
pub fn shown_without_model(value: &str) -> bool {
    value.is_empty()
        || Status::from_recorded(value).is_some()
        || Status::ALL.iter().any(|s| s.id() == value)
}

/// An answer's label on a model's own answer scale, for outputs that otherwise take CAICT's
/// words from the catalogue: empty on CAICT's scale or when unanswered.
pub fn own_label(model: &LoadedModel, id: &str, status: Option<Status>, lang: Lang) -> String {
    match status {
        Some(s) if !is_caict(&model.model) => answer_label(Some(model), id, s.id(), lang)
            .unwrap_or(s.id())
            .to_string(),
        _ => String::new(),
    }
}

/// The answers of a scale in its order, as statuses.
pub fn statuses(scale: &AnswerScale) -> impl Iterator<Item = Status> + '_ {
    scale.options.iter().filter_map(|o| Status::new(&o.id))
}

/// An answer a session holds that its requirement's scale does not offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAnswer {
    /// Full requirement id.
    pub requirement: String,
    pub status: Status,
    pub scale: String,
    /// The ids the scale offers.
    pub offered: Vec<String>,
}

/// Every answer whose id its requirement's scale does not have (answers to requirements the
/// model no longer has are left to the orphan check).
pub fn unknown_answers(model: &LoadedModel, session: &super::Session) -> Vec<UnknownAnswer> {
    session
        .answers
        .iter()
        .filter_map(|(id, answer)| {
            let status = answer.status?;
            let requirement = model.index.requirement(id)?;
            let scale = scale_at(model, requirement);
            option(scale, status).is_none().then(|| UnknownAnswer {
                requirement: id.clone(),
                status,
                scale: scale.id.clone(),
                offered: scale.options.iter().map(|o| o.id.clone()).collect(),
            })
        })
        .collect()
}

/// The four answer keys (CAICT's `y` / `p` / `n` / `x`) on any scale: its best passed answer,
/// the answers between (a second press moves to the next one up), its least answer, and
/// not applicable. CAICT: Met, Partial, Not met, Not applicable, exactly as always.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Top,
    Between,
    Bottom,
    NotApplicable,
}

/// The options a slot offers on a scale, in the order its key steps through them.
pub fn slot_options(scale: &AnswerScale, slot: Slot) -> Vec<&AnswerOption> {
    let top = top(scale);
    let bottom = bottom(scale);
    let is = |o: &AnswerOption, s: Option<Status>| s.is_some_and(|s| s.id() == o.id);
    match slot {
        Slot::Top => applicable(scale).filter(|o| is(o, top)).collect(),
        Slot::Bottom => applicable(scale).filter(|o| is(o, bottom)).collect(),
        Slot::NotApplicable => scale.options.iter().filter(|o| o.not_applicable).collect(),
        Slot::Between => {
            let mut between: Vec<&AnswerOption> = applicable(scale)
                .filter(|o| !is(o, top) && !is(o, bottom))
                .collect();
            between.sort_by(|a, b| a.value.total_cmp(&b.value));
            between
        }
    }
}

/// The answer a slot's key gives when the requirement holds `current`: the slot's first
/// option, or the one after `current` when it already holds one of them (wrapping).
pub fn pick(scale: &AnswerScale, slot: Slot, current: Option<Status>) -> Option<Status> {
    let options = slot_options(scale, slot);
    let at = current.and_then(|c| options.iter().position(|o| o.id == c.id()));
    let next = at.map_or(0, |i| (i + 1) % options.len());
    options.get(next).and_then(|o| Status::new(&o.id))
}

/// What a slot's key says on a scale that is not CAICT's: its options' labels joined by
/// ` / ` (None: the scale has no such answer).
pub fn slot_label(scale: &AnswerScale, slot: Slot, lang: Lang) -> Option<String> {
    let labels: Vec<&str> = slot_options(scale, slot)
        .into_iter()
        .map(|o| o.label.get(lang.code()))
        .collect();
    (!labels.is_empty()).then(|| labels.join(" / "))
}
