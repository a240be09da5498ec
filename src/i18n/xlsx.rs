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
    /// The justification column's header when answers other than N/A need a reason too
    /// (import reads it, and the N/A header older questionnaires have, in either language),
    /// and the instruction that replaces the N/A one then (`{answers}`: those answers).
    pub reason_header: &'static str,
    pub reason_instruction: &'static str,
    pub document: &'static str,
    pub demo: &'static str,
    pub either: &'static str,
    /// Between the items of a list in running text (`Met, Partial` / `满足、部分满足`).
    pub list_separator: &'static str,
    pub answer_prompt: &'static str,
    pub answer_error: &'static str,
    /// The workbench export dialog's choice, and why it refuses a redacted questionnaire.
    pub dialog_choice: &'static str,
    pub dialog_redacted: &'static str,
    /// The report workbook's sheets (at most 31 characters each) and its own headings.
    pub report_sheets: ReportSheets,
    /// What `assess export-xlsx` and `import-xlsx` print.
    pub cli: XlsxCli,
    /// Why a workbook cannot be imported.
    pub problems: XlsxProblems,
}

/// The problems import names, and how a place is written (`sheet "X", row 6, column H: …`).
#[derive(Debug)]
pub struct XlsxProblems {
    pub sheet: &'static str,
    pub row: &'static str,
    pub column: &'static str,
    pub separator: &'static str,
    pub colon: &'static str,
    pub cannot_read: &'static str,
    pub too_big: &'static str,
    pub empty: &'static str,
    pub not_workbook: &'static str,
    pub not_questionnaire: &'static str,
    pub layout: &'static str,
    pub other_model: &'static str,
    pub missing_sheet: &'static str,
    pub missing_header: &'static str,
    pub sheet_unreadable: &'static str,
    pub cell_error: &'static str,
    pub date_cell: &'static str,
    pub no_id: &'static str,
    pub unknown_answer: &'static str,
    pub merged: &'static str,
    pub formula: &'static str,
    pub duplicate: &'static str,
    pub unknown_id: &'static str,
    pub out_of_scope: &'static str,
    pub na_without_reason: &'static str,
    /// Another answer its scale marks `justify`, without its reason.
    pub no_reason: &'static str,
    pub missing_rows: &'static str,
}

/// The output of `assess export-xlsx` and `assess import-xlsx`.
#[derive(Debug)]
pub struct XlsxCli {
    /// `{path}` of the questionnaire written.
    pub written: &'static str,
    /// `{file}` was exported from session `{from}`, not `{to}`.
    pub other_session: &'static str,
    /// The listing's head: the workbook `{file}`.
    pub listing: &'static str,
    /// The listing's groups: `{n}` each.
    pub new_answers: &'static str,
    pub changed_answers: &'static str,
    pub justifications: &'static str,
    /// As `justifications`, on a model whose other answers need reasons too.
    pub reasons: &'static str,
    pub notes: &'static str,
    pub answered_by: &'static str,
    pub evidence_refs: &'static str,
    /// `{names}`.
    pub new_participants: &'static str,
    pub problems: &'static str,
    pub no_changes: &'static str,
    /// `{n}` problems: nothing was imported.
    pub refused_problems: &'static str,
    /// `{n}` values differ; `--overwrite` replaces them.
    pub refused_conflicts: &'static str,
    pub nothing_to_import: &'static str,
    /// `{n}` changes from `{file}` into `{session}` as `{who}`.
    pub imported: &'static str,
    /// `{session}` signed off by `{by}` at `{at}`.
    pub refused_final: &'static str,
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
    reason_header: "Reason",
    reason_instruction: "Answers that need a reason ({answers}) take it in the Reason column.",
    document: "Document",
    demo: "Demonstration",
    either: "Document or demonstration",
    list_separator: ", ",
    answer_prompt: "Choose an answer",
    answer_error: "Choose one of the answers in the list.",
    dialog_choice: "Questionnaire (Excel, to fill in)",
    dialog_redacted: "A questionnaire carries the notes back to the team: it is never redacted. \
                      Turn redaction off to write it.",
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
    cli: XlsxCli {
        written: "Questionnaire written to {path}",
        other_session: "note: {file} was exported from session \"{from}\", not \"{to}\"",
        listing: "{file}:",
        new_answers: "new answers: {n}",
        changed_answers: "changed answers: {n}",
        justifications: "N/A justifications: {n}",
        reasons: "reasons: {n}",
        notes: "notes: {n}",
        answered_by: "answered by: {n}",
        evidence_refs: "evidence references written by the team (not imported: add them to the \
                        evidence register): {n}",
        new_participants: "new participants: {names}",
        problems: "problems: {n}",
        no_changes: "no changes",
        refused_problems: "nothing imported: the workbook has {n} problem(s), listed above",
        refused_conflicts: "nothing imported: {n} value(s) differ from what the session holds \
                            (marked ! above); --overwrite replaces them",
        nothing_to_import: "nothing to import: the session already holds every value",
        imported: "Imported {n} change(s) from {file} into {session} as {who}.",
        refused_final: "{session} was signed off as final by {by} at {at}; reopen it before \
                        importing",
    },
    problems: XlsxProblems {
        sheet: "sheet \"{sheet}\"",
        row: "row {row}",
        column: "column {column}",
        separator: ", ",
        colon: ": ",
        cannot_read: "cannot be read: {error}",
        too_big: "is {size} bytes, more than a questionnaire can be ({max})",
        empty: "the file is empty, not a workbook",
        not_workbook: "not an Excel workbook (xlsx or xls) that can be read: {error}",
        not_questionnaire: "not a questionnaire exported by assess (it has no \"{meta}\" sheet); \
                            export one with `assess export-xlsx`",
        layout: "the questionnaire's layout \"{found}\" is not one this version reads ({known})",
        other_model: "the workbook was exported for model \"{workbook}\", but the session uses \
                      \"{session}\"",
        missing_sheet: "sheet \"{sheet}\" (part {part}) is missing: was it renamed or deleted? \
                        The workbook's sheets are: {found}",
        missing_header: "no \"{en}\" ({zh}) column in the header row",
        sheet_unreadable: "cannot be read: {error}",
        cell_error: "the cell shows an error ({error}); type a value instead",
        date_cell: "a date or time where text was expected; type it as text",
        no_id: "this row has no requirement id, so it cannot be matched",
        unknown_answer: "\"{answer}\" is not one of the model's answers ({known})",
        merged: "cells {area} are merged; unmerge them so every row keeps its own values",
        formula: "a formula (={formula}) is not read; type the value instead",
        duplicate: "{id} appears twice (first on sheet \"{sheet}\", row {row})",
        unknown_id: "unknown requirement id \"{id}\"",
        out_of_scope: "{id} is in part {part}, which the session does not assess",
        na_without_reason: "{id} is \"Not applicable\" without a justification",
        no_reason: "{id}: the answer chosen needs a reason",
        missing_rows: "{count} requirement(s) have no row (deleted rows or changed ids?): {ids}",
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
    reason_header: "理由",
    reason_instruction: "选择以下答复时，须在“理由”列写明理由：{answers}。",
    document: "文档",
    demo: "现场演示",
    either: "文档或现场演示",
    list_separator: "、",
    answer_prompt: "选择答复",
    answer_error: "请从列表中选择一个答复。",
    dialog_choice: "自评表（Excel，供填写）",
    dialog_redacted: "自评表要把备注带回给团队，不做脱敏。请关闭脱敏后再导出。",
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
    cli: XlsxCli {
        written: "自评表已写入 {path}",
        other_session: "注意：{file} 导出自评估“{from}”，不是“{to}”",
        listing: "{file}：",
        new_answers: "新答复：{n}",
        changed_answers: "修改的答复：{n}",
        justifications: "不适用理由：{n}",
        reasons: "理由：{n}",
        notes: "备注：{n}",
        answered_by: "填写人：{n}",
        evidence_refs: "团队填写的证据引用（未导入：请在证据登记中添加）：{n}",
        new_participants: "新参与人：{names}",
        problems: "问题：{n}",
        no_changes: "没有变化",
        refused_problems: "未导入任何内容：工作簿有 {n} 个问题，见上文",
        refused_conflicts: "未导入任何内容：{n} 个值与评估中已有的不同（上文标 !）；\
                            使用 --overwrite 覆盖",
        nothing_to_import: "无需导入：评估中已有全部内容",
        imported: "已从 {file} 导入 {n} 项变更到 {session}，记录人 {who}。",
        refused_final: "{session} 已由 {by} 于 {at} 签署定稿；请先重新打开再导入",
    },
    problems: XlsxProblems {
        sheet: "工作表“{sheet}”",
        row: "第 {row} 行",
        column: "{column} 列",
        separator: "，",
        colon: "：",
        cannot_read: "无法读取：{error}",
        too_big: "大小为 {size} 字节，超过自评表的上限（{max}）",
        empty: "文件为空，不是工作簿",
        not_workbook: "不是可读取的 Excel 工作簿（xlsx 或 xls）：{error}",
        not_questionnaire: "不是 assess 导出的自评表（没有“{meta}”工作表）；\
                            请用 `assess export-xlsx` 导出",
        layout: "自评表格式“{found}”不是本版本能读取的格式（{known}）",
        other_model: "该工作簿导出自模型“{workbook}”，但本评估使用“{session}”",
        missing_sheet: "缺少工作表“{sheet}”（部分 {part}）：是否被重命名或删除？\
                        工作簿中的工作表：{found}",
        missing_header: "表头行中没有“{zh}”（{en}）列",
        sheet_unreadable: "无法读取：{error}",
        cell_error: "单元格显示错误（{error}）；请直接填写值",
        date_cell: "此处应为文字，却是日期或时间；请以文字填写",
        no_id: "此行没有要求编号，无法匹配",
        unknown_answer: "“{answer}”不是模型的答复选项（{known}）",
        merged: "单元格 {area} 已合并；请取消合并，使每行保留自己的值",
        formula: "不读取公式（={formula}）；请直接填写值",
        duplicate: "{id} 出现两次（第一次在工作表“{sheet}”第 {row} 行）",
        unknown_id: "未知的要求编号“{id}”",
        out_of_scope: "{id} 属于部分 {part}，不在本评估范围内",
        na_without_reason: "{id} 选择了“不适用”，但没有填写理由",
        no_reason: "{id}：所选答复须填写理由",
        missing_rows: "{count} 条要求没有对应的行（行被删除或编号被改？）：{ids}",
    },
};
