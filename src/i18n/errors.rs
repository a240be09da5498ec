//! Refusals and failures told to a person. Core functions return typed errors carrying data;
//! these are their sentences, with `{name}` slots for the data (`Lang::edit_error`, beside
//! `EditError`, fills them). Their `Display` stays English for logs and error chains.

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
