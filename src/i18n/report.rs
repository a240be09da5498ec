//! The words of a report's own chrome (headings, column names, notices). The model's texts
//! come from the model; these are the frame around them.

use crate::lang::Lang;
use crate::session::{EvidenceType, Status};

/// Every fixed string a report prints, in one language.
#[derive(Debug)]
pub struct Labels {
    /// True for the Chinese labels (status and kind names follow).
    pub zh: bool,
    pub lang_tag: &'static str,
    pub report: &'static str,
    pub redacted_title: &'static str,
    pub redacted_notice: &'static str,
    pub redacted: &'static str,
    pub organisation: &'static str,
    pub scope: &'static str,
    pub assessors: &'static str,
    pub model: &'static str,
    pub created: &'static str,
    pub updated: &'static str,
    pub parts_in_scope: &'static str,
    pub answered: &'static str,
    pub results: &'static str,
    pub part: &'static str,
    pub domain: &'static str,
    pub level: &'static str,
    pub score: &'static str,
    pub target: &'static str,
    pub gap: &'static str,
    pub progress: &'static str,
    pub no_target: &'static str,
    pub radar: &'static str,
    pub radar_caption: &'static str,
    pub radar_text_legend: &'static str,
    pub roadmap: &'static str,
    pub roadmap_intro: &'static str,
    pub roadmap_reached: &'static str,
    pub roadmap_no_target: &'static str,
    pub phase: &'static str,
    pub reach_level: &'static str,
    pub requirements_word: &'static str,
    pub answers: &'static str,
    pub practice: &'static str,
    pub requirement: &'static str,
    pub status: &'static str,
    pub note: &'static str,
    pub decided_by: &'static str,
    pub discussion: &'static str,
    pub participants: &'static str,
    /// The metadata row of a signed-off session, and its mark.
    pub final_status: &'static str,
    pub final_mark: &'static str,
    pub signed_off_by: &'static str,
    pub justification: &'static str,
    pub evidence: &'static str,
    pub by: &'static str,
    pub at: &'static str,
    pub flagged: &'static str,
    pub unanswered: &'static str,
    pub not_applicable: &'static str,
    pub flagged_items: &'static str,
    pub evidence_register: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub location: &'static str,
    pub used_by: &'static str,
    pub review: &'static str,
    pub reviewed_by: &'static str,
    pub file_check: &'static str,
    pub orphaned: &'static str,
    pub orphaned_intro: &'static str,
    pub none: &'static str,
    pub authored: &'static str,
    pub authored_legend: &'static str,
    pub generated_by: &'static str,
    /// The findings and agenda sections.
    pub workshop: Workshop,
}

/// The findings and agenda sections of a report.
#[derive(Debug)]
pub struct Workshop {
    pub findings: &'static str,
    pub agenda: &'static str,
    /// Finding columns: id, severity, title, owner, due, what it is about.
    pub columns: [&'static str; 6],
    /// Agenda columns: part or domain, planned, spent.
    pub agenda_columns: [&'static str; 3],
    pub description: &'static str,
    pub recommendation: &'static str,
    /// A duration: `{n}` minutes.
    pub minutes: &'static str,
    /// What a finding is tied to: requirement, practice, domain.
    pub ties: [&'static str; 3],
}

pub static EN: Labels = Labels {
    zh: false,
    lang_tag: "en",
    report: "Assessment report",
    redacted_title: "Assessment report (redacted)",
    redacted_notice: "Redacted export: names, organisation, scope, notes, justifications, evidence titles and locations, and who answered have been removed. Structure, answers and scores are kept.",
    redacted: "redacted",
    organisation: "Organisation",
    scope: "Scope",
    assessors: "Assessors",
    model: "Model",
    created: "Created",
    updated: "Last updated",
    parts_in_scope: "Parts in scope",
    answered: "Answered",
    results: "Results",
    part: "Part",
    domain: "Domain",
    level: "Level",
    score: "Score",
    target: "Target",
    gap: "Gap",
    progress: "Answered",
    no_target: "no target",
    radar: "Radar",
    radar_caption: "Solid: level per domain (0–5). Dashed: target.",
    radar_text_legend: "█ level  ░ gap to target  (one level = 4 cells)",
    roadmap: "Improvement roadmap",
    roadmap_intro: "The requirements between this part and its target, ordered so the next level is reached first.",
    roadmap_reached: "The target is reached: nothing stands between this part and its target.",
    roadmap_no_target: "No target is set for this part.",
    phase: "Phase",
    reach_level: "reach level",
    requirements_word: "requirements",
    answers: "Answers",
    practice: "Practice",
    requirement: "Requirement",
    status: "Status",
    note: "Note",
    decided_by: "Decided by",
    discussion: "Discussion",
    participants: "Participants",
    final_status: "Status",
    final_mark: "FINAL",
    signed_off_by: "signed off by",
    justification: "Justification",
    evidence: "Evidence",
    by: "By",
    at: "At",
    flagged: "Flagged",
    unanswered: "Unanswered",
    not_applicable: "Not applicable",
    flagged_items: "Flagged for review",
    evidence_register: "Evidence register",
    title: "Title",
    kind: "Kind",
    location: "Location",
    used_by: "Used by",
    review: "Review",
    reviewed_by: "reviewed by",
    file_check: "File check",
    orphaned: "Orphaned answers",
    orphaned_intro: "Answers recorded against requirements the current model no longer has. They are kept in the session file and listed here so nothing is lost.",
    none: "None.",
    authored: "authored",
    authored_legend: "Practices or levels marked “authored” are written by analogy with the standard's logic where its tables are not published; they are not the standard's text.",
    generated_by: "Generated by assess",
    workshop: Workshop {
        findings: "Findings",
        agenda: "Agenda: planned and spent time",
        columns: ["ID", "Severity", "Title", "Owner", "Due", "About"],
        agenda_columns: ["Part / domain", "Planned", "Spent"],
        description: "Description",
        recommendation: "Recommendation",
        minutes: "{n} min",
        ties: ["requirement", "practice", "domain"],
    },
};

pub static ZH: Labels = Labels {
    zh: true,
    lang_tag: "zh-CN",
    report: "评估报告",
    redacted_title: "评估报告（脱敏）",
    redacted_notice: "脱敏导出：已移除人名、组织、评估范围、备注、不适用理由、证据标题与位置以及作答人。保留结构、作答结果和得分。",
    redacted: "已脱敏",
    organisation: "组织",
    scope: "评估范围",
    assessors: "评估人",
    model: "模型",
    created: "创建时间",
    updated: "最后更新",
    parts_in_scope: "评估部分",
    answered: "已作答",
    results: "评估结果",
    part: "部分",
    domain: "能力域",
    level: "等级",
    score: "得分",
    target: "目标",
    gap: "差距",
    progress: "已作答",
    no_target: "未设目标",
    radar: "雷达图",
    radar_caption: "实线：各能力域等级（0–5）。虚线：目标。",
    radar_text_legend: "█ 当前等级  ░ 与目标的差距（每级 4 格）",
    roadmap: "改进路线图",
    roadmap_intro: "本部分与目标之间的差距要求，按先达到下一等级的顺序排列。",
    roadmap_reached: "已达到目标：本部分与目标之间没有差距。",
    roadmap_no_target: "本部分未设置目标等级。",
    phase: "阶段",
    reach_level: "达到等级",
    requirements_word: "项要求",
    answers: "作答明细",
    practice: "能力子项",
    requirement: "要求",
    status: "状态",
    note: "备注",
    decided_by: "决定人",
    discussion: "讨论",
    participants: "参与人",
    final_status: "状态",
    final_mark: "已定稿",
    signed_off_by: "签署人",
    justification: "理由",
    evidence: "证据",
    by: "作答人",
    at: "时间",
    flagged: "已标记",
    unanswered: "未作答",
    not_applicable: "不适用",
    flagged_items: "待复核项",
    evidence_register: "证据清单",
    title: "标题",
    kind: "类型",
    location: "位置",
    used_by: "关联要求",
    review: "复核",
    reviewed_by: "复核人",
    file_check: "文件核对",
    orphaned: "孤立作答",
    orphaned_intro: "这些作答对应的要求已不在当前模型中。它们仍保存在会话文件中，并在此列出，不会丢失。",
    none: "无。",
    authored: "参照编写",
    authored_legend: "标注“参照编写”的能力子项或等级，是在标准未公开其表格时参照标准逻辑编写的，并非标准原文。",
    generated_by: "由 assess 生成",
    workshop: Workshop {
        findings: "发现项",
        agenda: "议程：计划与实际用时",
        columns: ["编号", "严重程度", "标题", "负责人", "期限", "关联"],
        agenda_columns: ["部分 / 领域", "计划", "实际"],
        description: "描述",
        recommendation: "建议",
        minutes: "{n} 分钟",
        ties: ["要求", "实践", "能力域"],
    },
};

impl Labels {
    fn terms(&self) -> &'static crate::i18n::terms::Terms {
        let lang = if self.zh { Lang::Zh } else { Lang::En };
        lang.texts().terms
    }

    /// A status in this language; `None` is "unanswered".
    pub fn status(&self, status: Option<Status>) -> &'static str {
        match status {
            None => self.unanswered,
            Some(s) => self.terms().status(s),
        }
    }

    /// "1 requirement", "3 requirements", "3 项要求".
    pub fn requirements(&self, n: usize) -> String {
        match (self.zh, n) {
            (true, n) => format!("{n} {}", self.requirements_word),
            (false, 1) => "1 requirement".to_string(),
            (false, n) => format!("{n} {}", self.requirements_word),
        }
    }

    /// A file check word (`ok`, `changed`, `missing`, `unreadable`) in this language.
    pub fn check(&self, check: &str) -> &'static str {
        match (check, self.zh) {
            ("ok", false) => "ok",
            ("changed", false) => "changed since attached",
            ("missing", false) => "missing",
            (_, false) => "unreadable",
            ("ok", true) => "一致",
            ("changed", true) => "附加后已更改",
            ("missing", true) => "缺失",
            (_, true) => "无法读取",
        }
    }

    /// A review filter's name in this language (by its stable code).
    pub fn review_filter(&self, code: &str, english: &'static str) -> &'static str {
        match crate::review::Filter::from_code(code) {
            Some(f) => self.terms().filter(f),
            None => english,
        }
    }

    /// An evidence kind in this language.
    pub fn evidence_kind(&self, kind: EvidenceType) -> &'static str {
        match (kind, self.zh) {
            (EvidenceType::Document, false) => "Document",
            (EvidenceType::Screenshot, false) => "Screenshot",
            (EvidenceType::Recording, false) => "Recording",
            (EvidenceType::Link, false) => "Link",
            (EvidenceType::Interview, false) => "Interview",
            (EvidenceType::Observation, false) => "Observation",
            (EvidenceType::Document, true) => "文档",
            (EvidenceType::Screenshot, true) => "截图",
            (EvidenceType::Recording, true) => "演示录像",
            (EvidenceType::Link, true) => "链接",
            (EvidenceType::Interview, true) => "访谈",
            (EvidenceType::Observation, true) => "现场观察",
        }
    }
}
