//! The status line: what a change just did, and the workbench's short messages.

/// The status line's texts in one language.
#[derive(Debug)]
pub struct Messages {
    pub cleared: &'static str,
    pub flagged: &'static str,
    pub flag_removed: &'static str,
    pub reviewed: &'static str,
    pub review_removed: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub all_answered: &'static str,
    /// An edit key on a session whose parts the model has none of.
    pub nothing_in_scope: &'static str,
    pub filter_cleared: &'static str,
    /// `{state}` is on or off.
    pub auto_advance: &'static str,
    pub paste_ignored: &'static str,
    /// `{hash}`.
    pub signed_off: &'static str,
    /// Signed off and signed with the SSH key in ASSESS_SIGNING_KEY; `{hash}`.
    pub signed_off_key: &'static str,
    /// Signed off, but the SSH signature failed; `{error}`, `{hash}`.
    pub signed_off_key_failed: &'static str,
    pub reopened: &'static str,
    /// The review filter in force: `{filter}` (`{n}` matches).
    pub filter: &'static str,
    pub evidence: &'static str,
    /// `{n}` files.
    pub changed: &'static str,
    pub missing: &'static str,
    pub checking: &'static str,
    /// A key that edits, on a final session: `{by}`, `{at}`.
    pub final_refused: &'static str,
    /// The agenda item's time ran out: `{planned}`.
    pub time_up: &'static str,
    /// The guide panel's review mark: `{by}`, `{at}`.
    pub reviewed_by: &'static str,
    /// `{w}`×`{h}`, at least `{min_w}`×`{min_h}`.
    pub too_small: &'static str,
    pub no_session: &'static str,
}

pub static EN: Messages = Messages {
    cleared: "cleared",
    flagged: "flagged",
    flag_removed: "flag removed",
    reviewed: "reviewed",
    review_removed: "review mark removed",
    undone: "undone",
    redone: "redone",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    all_answered: "every requirement in scope is answered",
    nothing_in_scope: "nothing in scope: the model has none of this session's parts, so there is nothing to answer",
    filter_cleared: "filter cleared",
    auto_advance: "auto-advance {state}",
    paste_ignored: "paste ignored: no text field here (o opens the note)",
    signed_off: "signed off as final · {hash}",
    signed_off_key: "signed off as final, signed with the SSH key · {hash}",
    signed_off_key_failed: "signed off as final, NOT signed with the key ({error}) · {hash}",
    reopened: "reopened: changes are possible again",
    filter: "filter: {filter} ({n})",
    evidence: "evidence",
    changed: "{n} changed",
    missing: "{n} missing",
    checking: "checking {percent}%",
    final_refused: "FINAL: signed off by {by} at {at}; S reopens it (with a reason)",
    time_up: "time is up for this agenda item: {planned} planned",
    reviewed_by: "R reviewed by {by} at {at}",
    too_small: "Terminal too small: {w}×{h}. assess needs at least {min_w}×{min_h}; enlarge the window or reduce the font size.",
    no_session: "no session is open",
};

pub static ZH: Messages = Messages {
    cleared: "已清除",
    flagged: "已标记",
    flag_removed: "已取消标记",
    reviewed: "已复核",
    review_removed: "已取消复核",
    undone: "已撤销",
    redone: "已重做",
    nothing_to_undo: "没有可撤销的操作",
    nothing_to_redo: "没有可重做的操作",
    all_answered: "范围内的每条要求都已作答",
    nothing_in_scope: "范围内没有要求：模型中没有本评估的任何部分，因此没有可作答的内容",
    filter_cleared: "已清除筛选",
    auto_advance: "自动前进：{state}",
    paste_ignored: "已忽略粘贴：此处没有文本框（按 o 打开备注）",
    signed_off: "已签署定稿 · {hash}",
    signed_off_key: "已签署定稿，并已用 SSH 密钥签名 · {hash}",
    signed_off_key_failed: "已签署定稿，但未能用密钥签名（{error}）· {hash}",
    reopened: "已重新打开：可以再次修改",
    filter: "筛选：{filter}（{n}）",
    evidence: "证据",
    changed: "{n} 已更改",
    missing: "{n} 缺失",
    checking: "核对中 {percent}%",
    final_refused: "已定稿：由 {by} 于 {at} 签署；按 S 重新打开（需说明原因）",
    time_up: "本议程项时间已到：计划 {planned}",
    reviewed_by: "R 由 {by} 于 {at} 复核",
    too_small: "终端太小：{w}×{h}。assess 至少需要 {min_w}×{min_h}；请放大窗口或缩小字号。",
    no_session: "没有打开的评估",
};
