//! The home screen (the sessions list), the new-session form, and opening a session another
//! process is writing.

/// The home screen's and the new-session form's texts in one language.
#[derive(Debug)]
pub struct Home {
    /// `{dir}`.
    pub sessions_in: &'static str,
    pub type_to_filter: &'static str,
    pub filter: &'static str,
    /// Title, organisation, model, answered, levels, changed.
    pub columns: [&'static str; 6],
    /// A session that cannot be opened: `{name}`, `{state}` (damaged or unreadable).
    pub cannot_open: &'static str,
    pub enter_says_why: &'static str,
    pub no_match: &'static str,
    pub new_title: &'static str,
    /// A new session's title until one is typed: `{date}`.
    pub default_title: &'static str,
    /// The form's model field: its label, and the chosen model: `{id}`, `{version}`, `{name}`
    /// (last: it is cut to the line's width).
    pub model_field: &'static str,
    pub model_choice: &'static str,
    /// Installed models that do not load, left out of the form: `{first}` (`file: why`).
    pub model_skipped_one: &'static str,
    /// `{count}`, `{first}`.
    pub model_skipped_many: &'static str,
    /// Title, organisation, scope, parts, target level, baseline.
    pub fields: [&'static str; 6],
    /// Shown in the empty baseline field.
    pub baseline_hint: &'static str,
    /// The baseline named in the form does not open: `{error}`.
    pub baseline_error: &'static str,
    pub form_hint: &'static str,
    pub choose_a_part: &'static str,
    /// `{name}` is written by `{holder}`.
    pub read_only_question: &'static str,
    /// `{holder}`.
    pub read_only: &'static str,
}

pub static EN: Home = Home {
    sessions_in: "— sessions in {dir}",
    type_to_filter: " Type to filter",
    filter: " Filter: ",
    columns: [
        "Title",
        "Organisation",
        "Model",
        "Answered",
        "Levels",
        "Changed",
    ],
    cannot_open: "{name} — {state}",
    enter_says_why: "Enter says why",
    no_match: " No session matches. Esc clears the filter.",
    new_title: " New assessment ",
    default_title: "Assessment {date}",
    model_field: "Model",
    model_choice: "◀ {id} {version} ▶ {name}",
    model_skipped_one: "1 installed model not offered, it does not load: {first}",
    model_skipped_many: "{count} installed models not offered, they do not load: {first} …",
    fields: [
        "Title",
        "Organisation",
        "Scope",
        "Parts",
        "Target level",
        "Baseline",
    ],
    baseline_hint: "(optional) an earlier session to compare with",
    baseline_error: "baseline: {error}",
    form_hint: "Enter starts the assessment. Space toggles a part; ↑/↓ move, ←/→ choose.",
    choose_a_part: "choose at least one part (Space toggles)",
    read_only_question: "{name} is already open for writing by {holder}. View it read-only? Nothing can be changed there.",
    read_only: "read-only: {holder} is writing this session",
};

pub static ZH: Home = Home {
    sessions_in: "— 评估目录 {dir}",
    type_to_filter: " 输入文字筛选",
    filter: " 筛选：",
    columns: ["标题", "组织", "模型", "已作答", "等级", "修改时间"],
    cannot_open: "{name}（{state}）",
    enter_says_why: "按 Enter 查看原因",
    no_match: " 没有匹配的评估。Esc 清除筛选。",
    new_title: " 新建评估 ",
    default_title: "评估 {date}",
    model_field: "模型",
    model_choice: "◀ {id} 版本 {version} ▶ {name}",
    model_skipped_one: "1 个已安装的模型无法加载，未列出：{first}",
    model_skipped_many: "{count} 个已安装的模型无法加载，未列出：{first} …",
    fields: ["标题", "组织", "评估范围", "部分", "目标等级", "基线"],
    baseline_hint: "（可选）用于对比的往期评估",
    baseline_error: "基线：{error}",
    form_hint: "Enter 开始评估。空格键勾选部分；↑/↓ 移动，←/→ 选择。",
    choose_a_part: "请至少选择一个部分（空格键勾选）",
    read_only_question: "{name} 已由 {holder}以写入方式打开。以只读方式查看吗？只读时不能做任何修改。",
    read_only: "只读：{holder}正在写入此评估",
};
