//! The Excel workbooks' own texts: the questionnaire (cover, column headers, the answer
//! drop-down's prompts) and the report workbook's sheet names. Import reads the headers in
//! both languages, so a workbook is read back whatever language it went out in.

/// The texts of one language.
#[derive(Debug)]
pub struct Xlsx {
    pub cover_title: &'static str,
    pub cover_sheet: &'static str,
    pub session: &'static str,
    pub organisation: &'static str,
    pub scope: &'static str,
    pub model: &'static str,
    pub targets: &'static str,
    pub exported: &'static str,
    pub how_to_fill: &'static str,
    /// How to fill it in, one line each; `{answers}` is the answer labels.
    pub instructions: [&'static str; 6],
    /// A part sheet's column headers, in column order (import finds columns by these).
    pub headers: [&'static str; 12],
    pub document: &'static str,
    pub demo: &'static str,
    pub either: &'static str,
    pub answer_prompt: &'static str,
    pub answer_error: &'static str,
    /// The report workbook's sheets (at most 31 characters each) and its own headings.
    pub report_sheets: ReportSheets,
}

/// The report workbook's sheet names and the headings the report labels do not have.
#[derive(Debug)]
pub struct ReportSheets {
    pub summary: &'static str,
    pub findings: &'static str,
    pub roadmap: &'static str,
    pub requirements: &'static str,
    pub agenda: &'static str,
    pub answered: &'static str,
    pub total: &'static str,
    pub no_findings: &'static str,
}

pub static EN: Xlsx = Xlsx {
    cover_title: "Self-assessment questionnaire",
    cover_sheet: "Cover",
    session: "Session",
    organisation: "Organisation",
    scope: "Scope",
    model: "Model",
    targets: "Target levels",
    exported: "Exported",
    how_to_fill: "How to fill it in",
    instructions: [
        "Each part of the model has its own sheet; each row is one requirement.",
        "Choose the answer from the drop-down list: {answers}.",
        "\"Not applicable\" needs a reason in the N/A justification column.",
        "Write notes and evidence references (document names, links, tickets) beside the answer.",
        "Do not change the ID column, rename sheets or add rows: rows are matched back by ID.",
        "Send the workbook back to the assessors; they import it into the session.",
    ],
    headers: [
        "ID",
        "Domain",
        "Capability item",
        "Practice",
        "Level",
        "Requirement",
        "Evidence hint",
        "Answer",
        "N/A justification",
        "Note",
        "Evidence references",
        "Answered by",
    ],
    document: "Document",
    demo: "Demonstration",
    either: "Document or demonstration",
    answer_prompt: "Choose an answer",
    answer_error: "Choose one of the answers in the list.",
    report_sheets: ReportSheets {
        summary: "Summary",
        findings: "Findings",
        roadmap: "Roadmap",
        requirements: "Requirements",
        agenda: "Agenda",
        answered: "Answered",
        total: "Requirements",
        no_findings: "No findings were recorded.",
    },
};

pub static ZH: Xlsx = Xlsx {
    cover_title: "自评表",
    cover_sheet: "封面",
    session: "评估",
    organisation: "组织",
    scope: "评估范围",
    model: "模型",
    targets: "目标级别",
    exported: "导出时间",
    how_to_fill: "填写说明",
    instructions: [
        "模型的每个部分一个工作表，每一行是一条要求。",
        "在“答复”列的下拉列表中选择：{answers}。",
        "选择“不适用”时，须在“不适用理由”列写明理由。",
        "在答复旁填写备注和证据引用（文档名称、链接、工单号）。",
        "请勿修改“编号”列、重命名工作表或增删行：导入时按编号匹配。",
        "填好后交回评估组，由评估组导入评估。",
    ],
    headers: [
        "编号",
        "能力域",
        "能力项",
        "能力子项",
        "级别",
        "要求",
        "证据提示",
        "答复",
        "不适用理由",
        "备注",
        "证据引用",
        "填写人",
    ],
    document: "文档",
    demo: "现场演示",
    either: "文档或现场演示",
    answer_prompt: "选择答复",
    answer_error: "请从列表中选择一个答复。",
    report_sheets: ReportSheets {
        summary: "概览",
        findings: "发现项",
        roadmap: "改进路线图",
        requirements: "全部要求",
        agenda: "议程",
        answered: "已答复",
        total: "要求数",
        no_findings: "未记录发现项。",
    },
};
