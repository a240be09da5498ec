//! Refusals and failures told to a person. Core functions return typed errors carrying data;
//! this is the one place that turns them into sentences (the workbench's status line, the
//! CLI's messages). Their `Display` stays English for logs and error chains.

use crate::lang::Lang;
use crate::session::EditError;

use super::fill;

/// The error texts in one language; `{name}` slots carry the error's data.
#[derive(Debug)]
pub struct Errors {
    pub unknown_part: &'static str,
    pub bad_target: &'static str,
    pub justification_required: &'static str,
    pub unknown_evidence: &'static str,
    pub evidence_in_use: &'static str,
    pub evidence_title_required: &'static str,
    pub evidence_unreadable: &'static str,
    pub evidence_gone: &'static str,
    pub nothing_to_review: &'static str,
    pub finding_title_required: &'static str,
    pub bad_date: &'static str,
    pub unknown_tie: &'static str,
    pub unknown_finding: &'static str,
    pub unknown_agenda_item: &'static str,
    pub final_session: &'static str,
    pub not_final: &'static str,
    pub reason_required: &'static str,
    pub name_required: &'static str,
    pub duplicate_participant: &'static str,
    pub unknown_participant: &'static str,
    /// The CLI's prefix before any error: `{message}`.
    pub cli_error: &'static str,
}

pub static EN: Errors = Errors {
    unknown_part: "the model has no part \"{part}\" (its parts: {parts})",
    bad_target: "a target level must be between 0 and 5, not {level}",
    justification_required: "\"Not applicable\" needs a justification",
    unknown_evidence: "no evidence \"{id}\" in the register",
    evidence_in_use: "{id} is cited by {by}; detach it there first",
    evidence_title_required: "a title is needed",
    evidence_unreadable: "cannot read \"{location}\": {reason}",
    evidence_gone: "\"{location}\" is not here",
    nothing_to_review: "only an answered requirement can be marked as reviewed",
    finding_title_required: "a finding needs a title",
    bad_date: "\"{date}\" is not a date written YYYY-MM-DD",
    unknown_tie: "the model has no requirement, practice or domain \"{id}\"",
    unknown_finding: "no finding \"{id}\"",
    unknown_agenda_item: "\"{id}\" is not a part or domain in scope",
    final_session: "the session was signed off as final by {by} at {at}; reopen it to change it",
    not_final: "the session is not signed off",
    reason_required: "reopening a final session needs a reason",
    name_required: "a participant needs a name",
    duplicate_participant: "\"{name}\" is already a participant",
    unknown_participant: "no participant \"{name}\"",
    cli_error: "assess: {message}",
};

pub static ZH: Errors = Errors {
    unknown_part: "模型中没有部分“{part}”（现有部分：{parts}）",
    bad_target: "目标等级必须在 0 到 5 之间，不能是 {level}",
    justification_required: "“不适用”需要填写理由",
    unknown_evidence: "证据登记中没有 {id}",
    evidence_in_use: "{id} 被 {by} 引用；请先在那里解除关联",
    evidence_title_required: "需要填写标题",
    evidence_unreadable: "无法读取“{location}”：{reason}",
    evidence_gone: "“{location}”已不在原处",
    nothing_to_review: "只有已作答的要求才能标记为已复核",
    finding_title_required: "发现项需要填写标题",
    bad_date: "“{date}”不是 YYYY-MM-DD 格式的日期",
    unknown_tie: "模型中没有要求、实践或能力域“{id}”",
    unknown_finding: "没有发现项 {id}",
    unknown_agenda_item: "“{id}”不是评估范围内的部分或能力域",
    final_session: "本评估已由 {by} 于 {at} 签署定稿；重新打开后才能修改",
    not_final: "本评估尚未签署定稿",
    reason_required: "重新打开已定稿的评估需要说明原因",
    name_required: "参与人需要填写姓名",
    duplicate_participant: "“{name}”已是参与人",
    unknown_participant: "没有参与人“{name}”",
    cli_error: "assess：{message}",
};

impl Lang {
    /// An edit the session refused, told in this language.
    pub fn edit_error(self, e: &EditError) -> String {
        let t = self.texts().errors;
        match e {
            EditError::UnknownPart(part, parts) => {
                fill(t.unknown_part, &[("part", part), ("parts", parts)])
            }
            EditError::BadTarget(level) => fill(t.bad_target, &[("level", &level.to_string())]),
            EditError::JustificationRequired => t.justification_required.to_string(),
            EditError::UnknownEvidence(id) => fill(t.unknown_evidence, &[("id", id)]),
            EditError::EvidenceInUse(id, by) => fill(t.evidence_in_use, &[("id", id), ("by", by)]),
            EditError::EvidenceTitleRequired => t.evidence_title_required.to_string(),
            EditError::EvidenceUnreadable { location, reason } => fill(
                t.evidence_unreadable,
                &[("location", location), ("reason", reason)],
            ),
            EditError::EvidenceGone(location) => fill(t.evidence_gone, &[("location", location)]),
            EditError::NothingToReview => t.nothing_to_review.to_string(),
            EditError::FindingTitleRequired => t.finding_title_required.to_string(),
            EditError::BadDate(date) => fill(t.bad_date, &[("date", date)]),
            EditError::UnknownTie(id) => fill(t.unknown_tie, &[("id", id)]),
            EditError::UnknownFinding(id) => fill(t.unknown_finding, &[("id", id)]),
            EditError::UnknownAgendaItem(id) => fill(t.unknown_agenda_item, &[("id", id)]),
            EditError::Final { by, at } => fill(t.final_session, &[("by", by), ("at", at)]),
            EditError::NotFinal => t.not_final.to_string(),
            EditError::ReasonRequired => t.reason_required.to_string(),
            EditError::NameRequired => t.name_required.to_string(),
            EditError::DuplicateParticipant(name) => {
                fill(t.duplicate_participant, &[("name", name)])
            }
            EditError::UnknownParticipant(name) => fill(t.unknown_participant, &[("name", name)]),
        }
    }

    /// An error of the command line, told in this language: a refused edit anywhere in its
    /// chain is translated; other causes keep their own words.
    pub fn cli_error(self, err: &anyhow::Error) -> String {
        let message = match err.chain().find_map(|e| e.downcast_ref::<EditError>()) {
            Some(edit) => self.edit_error(edit),
            None => format!("{err:#}"),
        };
        fill(self.texts().errors.cli_error, &[("message", &message)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English texts say what the errors' own `Display` says, so logs and the screen agree.
    #[test]
    fn english_matches_the_errors_own_words() {
        let cases = [
            EditError::UnknownPart("xx".into(), "cd, to".into()),
            EditError::BadTarget(7),
            EditError::JustificationRequired,
            EditError::UnknownEvidence("E9".into()),
            EditError::EvidenceInUse("E1".into(), "cd.a.1".into()),
            EditError::EvidenceTitleRequired,
            EditError::EvidenceUnreadable {
                location: "a.txt".into(),
                // The system's own reason is passed on as it is.
                reason: "13".into(),
            },
            EditError::EvidenceGone("a.txt".into()),
            EditError::NothingToReview,
            EditError::FindingTitleRequired,
            EditError::BadDate("2026-02-30".into()),
            EditError::UnknownTie("cd.x".into()),
            EditError::UnknownFinding("F9".into()),
            EditError::UnknownAgendaItem("cd.x".into()),
            EditError::Final {
                by: "王芳".into(),
                at: "2026-01-01T00:00:00Z".into(),
            },
            EditError::NotFinal,
            EditError::ReasonRequired,
            EditError::NameRequired,
            EditError::DuplicateParticipant("王芳".into()),
            EditError::UnknownParticipant("王芳".into()),
        ];
        for e in &cases {
            assert_eq!(Lang::En.edit_error(e), e.to_string());
            let zh = Lang::Zh.edit_error(e);
            assert!(
                !zh.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() > 3 && w != "YYYY"),
                "English left in {zh}"
            );
        }
    }
}
