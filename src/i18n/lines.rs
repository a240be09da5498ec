//! The words of a session shown as lines (`assess textconv`, what `git diff` shows): the
//! session's own facts; answers, evidence and findings reuse the recorded fields' names.

/// The texts of one language.
#[derive(Debug)]
pub struct Lines {
    pub session: &'static str,
    pub organisation: &'static str,
    pub scope: &'static str,
    pub model: &'static str,
    pub parts: &'static str,
    /// `{part}`'s target.
    pub target: &'static str,
    pub assessors: &'static str,
    pub participant: &'static str,
    /// `{by}` and `{at}`.
    pub signed_off: &'static str,
    pub not_signed_off: &'static str,
    /// `{n}` entries.
    pub history: &'static str,
    /// `{by}` reviewed an answer.
    pub reviewed_by: &'static str,
    /// A conflict: `{id}`, `{target}`, `{fields}`, `{ours}`, `{theirs}`.
    pub conflict: &'static str,
}

pub static EN: Lines = Lines {
    session: "session",
    organisation: "organisation",
    scope: "scope",
    model: "model",
    parts: "parts",
    target: "target {part}",
    assessors: "assessors",
    participant: "participant",
    signed_off: "signed off by {by} at {at}",
    not_signed_off: "not signed off",
    history: "history: {n} entries",
    reviewed_by: "reviewed by {by}",
    conflict: "CONFLICT {id}: {target} ({fields}): ours {ours} | theirs {theirs}",
};

pub static ZH: Lines = Lines {
    session: "评估",
    organisation: "组织",
    scope: "评估范围",
    model: "模型",
    parts: "部分",
    target: "{part} 目标",
    assessors: "评估人",
    participant: "参与人",
    signed_off: "由 {by} 于 {at} 签署定稿",
    not_signed_off: "尚未签署定稿",
    history: "修改记录：{n} 条",
    reviewed_by: "已由 {by} 复核",
    conflict: "冲突 {id}：{target}（{fields}）：我方 {ours} | 对方 {theirs}",
};
