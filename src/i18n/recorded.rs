//! Words for what the audit trail stores as codes beyond the answer's own fields: the fields
//! of evidence, findings and the agenda, who and what a change is about, and the short texts
//! a merge or a resolution records (`C1: status, note`), so `assess log` and the history panel
//! tell them in the reader's language (`session::field_label`, `session::recorded_value`).

/// The texts of one language.
#[derive(Debug)]
pub struct Recorded {
    /// Field codes in `session::history::MORE_FIELDS` order.
    pub fields: [&'static str; 15],
    /// The target of a change to the session as a whole, recorded as `session`.
    pub session: &'static str,
    /// Who moved answers and findings when the model renamed requirements.
    pub model_aliases: &'static str,
    /// A conflict as a merge records it: `{id}`, `{fields}`.
    pub conflict: &'static str,
    /// A resolved conflict as its resolution records it: `{id}`, `{fields}`.
    pub resolved: &'static str,
    /// Between the fields of one conflict.
    pub separator: &'static str,
    /// Between the fields of one side of a conflict (`status: Met; note: …`).
    pub values_separator: &'static str,
    /// A sign-off as recorded: `{hash}`.
    pub final_hash: &'static str,
    /// The sign-off a reopening ended, as recorded: `{hash}`, `{by}`, `{at}`.
    pub final_by: &'static str,
    /// How a change came in from a workbook: `{file}`.
    pub imported_from: &'static str,
}

pub static EN: Recorded = Recorded {
    fields: [
        "reviewed",
        "added",
        "removed",
        "title",
        "kind",
        "location",
        "sha256",
        "planned minutes",
        "moved from",
        "tie",
        "severity",
        "description",
        "recommendation",
        "owner",
        "due",
    ],
    session: "session",
    model_aliases: "model aliases",
    conflict: "{id}: {fields}",
    resolved: "{id} ({fields})",
    separator: ", ",
    values_separator: "; ",
    final_hash: "final {hash}",
    final_by: "final {hash} (signed off by {by} at {at})",
    imported_from: "imported from {file}",
};

pub static ZH: Recorded = Recorded {
    fields: [
        "已复核",
        "新增",
        "移除",
        "标题",
        "类型",
        "位置",
        "哈希值",
        "计划分钟数",
        "迁移自",
        "关联对象",
        "严重程度",
        "问题描述",
        "整改建议",
        "责任人",
        "截止日期",
    ],
    session: "评估",
    model_aliases: "模型别名",
    conflict: "{id}：{fields}",
    resolved: "{id}（{fields}）",
    separator: "、",
    values_separator: "；",
    final_hash: "定稿 {hash}",
    final_by: "定稿 {hash}（由 {by} 于 {at} 签署）",
    imported_from: "导入自 {file}",
};
