//! The workbench's own words around the model's texts, in English and Chinese, so that `L`
//! switches the whole assessment screen. Key descriptions (help, footer) stay in English: they
//! are generated from the keymap.

use crate::model::EvidenceKind;

/// Every fixed string the assessment and summary screens show, in one language.
#[derive(Debug)]
pub struct Words {
    pub answered: &'static str,
    /// The progress column's heading.
    pub progress: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved: &'static str,
    /// Shown instead of the save state when another process writes the session.
    pub read_only: &'static str,
    pub auto_off: &'static str,
    pub target: &'static str,
    /// The target column's heading.
    pub target_col: &'static str,
    pub reached: &'static str,
    pub standard: &'static str,
    pub authored: &'static str,
    pub ask_for: &'static str,
    pub guidance: &'static str,
    pub good_evidence: &'static str,
    pub trap: &'static str,
    pub because: &'static str,
    pub note: &'static str,
    pub decided_by: &'static str,
    pub discussion: &'static str,
    /// The status line's mark of a signed-off session.
    pub final_mark: &'static str,
    /// The status line's label of the sticky decider.
    pub decider: &'static str,
    pub evidence: &'static str,
    pub flagged: &'static str,
    pub achieved: &'static str,
    pub all_parts: &'static str,
    pub domains: &'static str,
    pub next_part: &'static str,
    pub level: &'static str,
    pub score: &'static str,
    pub gap: &'static str,
    pub document: &'static str,
    pub demo: &'static str,
    pub either: &'static str,
    /// Where the current practice is in its part; `{i}` and `{n}` are filled in.
    pub practice_pos: &'static str,
}

pub static EN: Words = Words {
    answered: "answered",
    progress: "Answered",
    saved: "saved",
    saving: "saving…",
    not_saved: "NOT SAVED",
    read_only: "READ-ONLY",
    auto_off: "auto-advance off",
    target: "target",
    target_col: "Target",
    reached: "reached",
    standard: "[standard]",
    authored: "[authored: not the standard's text]",
    ask_for: "Ask for",
    guidance: "Guidance",
    good_evidence: "Good evidence",
    trap: "Trap",
    because: "Not applicable because",
    note: "Note",
    decided_by: "Decided by",
    discussion: "Discussion",
    final_mark: "FINAL",
    decider: "decides",
    evidence: "Evidence",
    flagged: "flagged for review",
    achieved: "achieved",
    all_parts: "All parts in scope",
    domains: "domains",
    next_part: "Tab: next part",
    level: "Level",
    score: "Score",
    gap: "Gap",
    document: "a document",
    demo: "a live demonstration",
    either: "a document or a demonstration",
    practice_pos: "practice {i} of {n} in this part",
};

pub static ZH: Words = Words {
    answered: "已作答",
    progress: "进度",
    saved: "已保存",
    saving: "保存中…",
    not_saved: "未保存",
    read_only: "只读",
    auto_off: "自动前进已关闭",
    target: "目标",
    target_col: "目标",
    reached: "已达到",
    standard: "[标准]",
    authored: "[参照编写：非标准原文]",
    ask_for: "请查看",
    guidance: "指引",
    good_evidence: "良好证据",
    trap: "常见陷阱",
    because: "不适用的理由",
    note: "备注",
    decided_by: "决定人",
    discussion: "讨论",
    final_mark: "已定稿",
    decider: "决定人",
    evidence: "证据",
    flagged: "已标记待复核",
    achieved: "已达成",
    all_parts: "范围内全部领域",
    domains: "能力域",
    next_part: "Tab：下一个",
    level: "等级",
    score: "得分",
    gap: "差距",
    document: "文档",
    demo: "现场演示",
    either: "文档或现场演示",
    practice_pos: "本部分第 {i}/{n} 个实践",
};

/// The words for a language (`zh`, else English).
pub fn words(lang: &str) -> &'static Words {
    if lang == "zh" { &ZH } else { &EN }
}

impl Words {
    /// What evidence to ask for, as a phrase.
    pub fn evidence_kind(&self, kind: EvidenceKind) -> &'static str {
        match kind {
            EvidenceKind::Document => self.document,
            EvidenceKind::Demo => self.demo,
            EvidenceKind::Either => self.either,
        }
    }
}
