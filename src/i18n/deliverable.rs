//! The report as a management deliverable: its first page, sign-off block, confidentiality
//! line, the redaction placeholder and the PDF export's messages.

/// The deliverable's texts in one language.
#[derive(Debug)]
pub struct Deliverable {
    /// Put wherever redaction removed text, so a reader sees it was removed, not lost.
    pub redacted: &'static str,
    /// The line at the foot of every printed page: `{organisation}`.
    pub confidential: &'static str,
    /// The same line on a redacted copy.
    pub confidential_redacted: &'static str,
    pub report_date: &'static str,
    pub assessment_dates: &'static str,
    /// `{from}` and `{to}`: the first and last recorded answer.
    pub date_range: &'static str,
    pub level_per_part: &'static str,
    pub key_findings: &'static str,
    /// Shown when more findings follow in the findings section: `{count}`.
    pub more_findings: &'static str,
    pub no_findings: &'static str,
    pub roadmap_brief: &'static str,
    /// One phase in brief: `{phase}`, `{level}` (with its name), `{count}` requirements.
    pub phase_brief: &'static str,
    /// The findings that explain a roadmap phase's domain.
    pub explained_by: &'static str,
    /// Links from a finding to the roadmap phases it explains.
    pub in_roadmap: &'static str,
    pub appendix: &'static str,
    pub level_and_score: &'static str,
    pub sign_off: &'static str,
    /// The sign-off state word of a signed-off session.
    pub signed_off: &'static str,
    /// `{by}` and `{at}`.
    pub signed_off_by_at: &'static str,
    pub content_hash: &'static str,
    /// The sign-off state of a session that is not final.
    pub draft: &'static str,
    pub draft_note: &'static str,
    /// Lines for a handwritten approval.
    pub approval: [&'static str; 3],
    /// A labelled value in running text (Markdown): `{label}`, `{value}`.
    pub labelled: &'static str,
    /// `assess report`: where the report went, `{path}`.
    pub written: &'static str,
    /// `assess report --format pdf`: `{path}`, `{browser}`.
    pub pdf_written: &'static str,
    /// No browser: `{html}` is the HTML report written instead.
    pub pdf_no_browser: &'static str,
    /// The browser failed: `{browser}`, `{error}`.
    pub pdf_failed: &'static str,
}

pub static EN: Deliverable = Deliverable {
    redacted: "[redacted]",
    confidential: "Confidential — prepared for {organisation}; not for distribution beyond its intended readers.",
    confidential_redacted: "Redacted copy — names, notes and evidence details removed.",
    report_date: "Report date",
    assessment_dates: "Assessment dates",
    date_range: "{from} to {to}",
    level_per_part: "Level per part",
    key_findings: "Key findings",
    more_findings: "… and {count} more in the findings section.",
    no_findings: "No findings were recorded.",
    roadmap_brief: "Roadmap in brief",
    phase_brief: "Phase {phase}: reach {level} — {count} requirements",
    explained_by: "Findings",
    in_roadmap: "Roadmap",
    appendix: "Appendix: answers per requirement",
    level_and_score: "Level and score",
    sign_off: "Sign-off",
    signed_off: "Signed off",
    signed_off_by_at: "Signed off by {by} on {at}.",
    content_hash: "Content hash",
    draft: "Draft — not signed off",
    draft_note: "These results may still change; `assess finalize` signs a session off and fixes its content hash.",
    approval: ["Name", "Signature", "Date"],
    labelled: "{label}: {value}",
    written: "Report written to {path}",
    pdf_written: "PDF written to {path} (printed with {browser})",
    pdf_no_browser: "No Chromium-family browser was found on PATH (chromium, google-chrome, microsoft-edge …), so no PDF was made. The HTML report was written to {html}: open it in a browser and print it to PDF (A4; each section starts a new page).",
    pdf_failed: "{browser} could not print the PDF: {error}",
};

pub static ZH: Deliverable = Deliverable {
    redacted: "〔已隐去〕",
    confidential: "机密 — 为{organisation}编制，请勿向预期读者以外的人员分发。",
    confidential_redacted: "脱敏副本 — 已隐去人名、备注和证据详情。",
    report_date: "报告日期",
    assessment_dates: "评估日期",
    date_range: "{from} 至 {to}",
    level_per_part: "各部分等级",
    key_findings: "主要发现",
    more_findings: "……另有 {count} 项，见发现项一节。",
    no_findings: "未记录发现项。",
    roadmap_brief: "路线图概要",
    phase_brief: "阶段 {phase}：达到 {level} — {count} 项要求",
    explained_by: "相关发现",
    in_roadmap: "路线图",
    appendix: "附录：逐项作答明细",
    level_and_score: "等级与得分",
    sign_off: "签署",
    signed_off: "已签署",
    signed_off_by_at: "由 {by} 于 {at} 签署。",
    content_hash: "内容哈希",
    draft: "草稿 — 尚未签署",
    draft_note: "评估结果仍可能变化；`assess finalize` 签署评估并固定其内容哈希。",
    approval: ["姓名", "签字", "日期"],
    labelled: "{label}：{value}",
    written: "报告已写入 {path}",
    pdf_written: "PDF 已写入 {path}（由 {browser} 打印）",
    pdf_no_browser: "在 PATH 中未找到 Chromium 系浏览器（chromium、google-chrome、microsoft-edge 等），因此未生成 PDF。HTML 报告已写入 {html}：请在浏览器中打开并打印为 PDF（A4；每节另起一页）。",
    pdf_failed: "{browser} 无法打印 PDF：{error}",
};
