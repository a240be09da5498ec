//! The workbench's own words around the model's texts, so that `L` switches the whole
//! assessment screen and its dialogs (findings, evidence register). Key descriptions come from
//! the keymap (`keymap::hints_in`).

/// Every fixed string the assessment and summary screens and their dialogs show, in one
/// language.
#[derive(Debug)]
pub struct Words {
    /// Chinese: the session's own (English) messages are told in Chinese.
    pub zh: bool,
    pub answered: &'static str,
    /// The progress column's heading.
    pub progress: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved: &'static str,
    /// Shown instead of the save state when another process writes the session.
    pub read_only: &'static str,
    pub auto_off: &'static str,
    /// The language shown, as the status line names it.
    pub language: &'static str,
    pub target: &'static str,
    /// The target column's heading.
    pub target_col: &'static str,
    pub reached: &'static str,
    pub standard: &'static str,
    pub authored: &'static str,
    pub draft: &'static str,
    pub ask_for: &'static str,
    pub guidance: &'static str,
    pub good_evidence: &'static str,
    pub trap: &'static str,
    /// The heading of a not-applicable answer's justification, and of another answer's reason.
    pub because: &'static str,
    pub reason: &'static str,
    /// Heading and rule shown with requirements about core, key or main items.
    pub core: &'static str,
    pub core_rule: &'static str,
    /// Heading and rule shown with requirements about major or important items.
    pub major: &'static str,
    pub major_rule: &'static str,
    /// The radar's baseline polygon (an earlier assessment).
    pub baseline: &'static str,
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
    /// Asked before signing off; `{answered}` and `{total}`.
    pub sign_off_question: &'static str,
    /// Asked when quitting with changes that could not be saved; `{err}`.
    pub quit_unsaved: &'static str,
    /// The reopen prompt's title and label.
    pub reopen_title: &'static str,
    pub reopen_label: &'static str,
    /// A quick level that would replace answers; `{level}`, `{practice}`, `{replaced}`,
    /// `{careful}` (of them with a note, evidence or finding), `{filled}`.
    pub quick_ask: &'static str,
    /// The rest of a long list of changes; `{n}`.
    pub quick_more: &'static str,
    /// The last line of the quick-level question.
    pub quick_keep: &'static str,
    /// A quick level that changes nothing; `{level}`.
    pub quick_same: &'static str,
    /// Sign-off refused by a blocking check; `{list}`.
    pub sign_off_blocked: &'static str,
    pub findings: Findings,
    pub register: Register,
}

/// The findings view, the finding form and their messages.
#[derive(Debug)]
pub struct Findings {
    /// The view's title; `{n}` findings.
    pub title: &'static str,
    /// Column headings: id, severity, title, due, owner, what it is about.
    pub columns: [&'static str; 6],
    pub empty: &'static str,
    /// The form's field labels, in the form's order.
    pub fields: [&'static str; 7],
    pub new: &'static str,
    /// The form's title when editing; `{id}`.
    pub edit: &'static str,
    /// What a finding is tied to: requirement, practice, domain.
    pub ties: [&'static str; 3],
    /// `{id}` and `{title}`.
    pub delete: &'static str,
    /// A key pressed on the empty view.
    pub none_yet: &'static str,
    /// `{holder}` writes the session.
    pub read_only: &'static str,
    pub confirm_title: &'static str,
    /// The status line's last change after a finding is saved: `{id}`, `{title}`.
    pub last_change: &'static str,
}

/// The evidence register, its form and search, and their messages.
#[derive(Debug)]
pub struct Register {
    pub title: &'static str,
    /// What the keys do, for the current requirement `{id}`.
    pub hint: &'static str,
    pub empty: &'static str,
    /// `{id}`, `{by}`, `{at}`.
    pub collected: &'static str,
    pub cited_by_none: &'static str,
    /// `{ids}`.
    pub cited_by: &'static str,
    pub search_title: &'static str,
    /// `{n}` matches of `{total}` entries.
    pub search_count: &'static str,
    pub filter_title: &'static str,
    /// The filter picker's first row.
    pub no_filter: &'static str,
    pub new: &'static str,
    /// `{id}`.
    pub edit: &'static str,
    /// The form's labels: title, kind, location.
    pub fields: [&'static str; 3],
    pub form_note: &'static str,
    /// Evidence kinds in `EvidenceType::ALL` order, as the register lists them.
    pub kinds: [&'static str; 6],
    /// File checks: ok, changed, missing, unreadable.
    pub checks: [&'static str; 4],
    /// A key that needs an entry, on an empty register.
    pub empty_key: &'static str,
    /// `{id}`.
    pub accepted: &'static str,
    /// `{id}`.
    pub changed: &'static str,
    /// `{location}`.
    pub not_here: &'static str,
    /// `{label}`.
    pub no_further_match: &'static str,
    pub nothing_matches: &'static str,
    pub title_needed: &'static str,
    /// `{what}` (the location and the system's reason).
    pub cannot_read: &'static str,
    /// A file to accept again is no longer at `{location}`.
    pub gone: &'static str,
}

pub static EN: Words = Words {
    zh: false,
    answered: "answered",
    progress: "Answered",
    saved: "saved",
    saving: "saving…",
    not_saved: "NOT SAVED",
    read_only: "READ-ONLY",
    auto_off: "auto-advance off",
    language: "EN",
    target: "target",
    target_col: "Target",
    reached: "reached",
    standard: "[standard]",
    authored: "[authored: not the standard's text]",
    draft: "[draft: from a public draft, not the published text]",
    ask_for: "Ask for",
    guidance: "Guidance",
    good_evidence: "Good evidence",
    trap: "Trap",
    because: "Not applicable because",
    reason: "Reason",
    core: "Core, key, main",
    core_rule: "Core, key and main items are those on the organisation's written list for the assessed scope, agreed with the assessor at the start; the requirement applies to each of them.",
    major: "Major, important",
    major_rule: "Major changes, releases, features and business events, major incidents and important alerts or data are those the organisation's own written classification or grading puts in that class; where it has none in writing, it states one for the assessed scope at the start, agreed with the assessor.",
    baseline: "baseline",
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
    sign_off_question: "Sign off this session as final ({answered}/{total} answered)? It becomes read-only; reopening needs a reason and is logged.",
    quit_unsaved: "The session could not be saved ({err}). Quit and lose the unsaved changes?",
    reopen_title: "Reopen the final session: why?",
    reopen_label: "Reason: ",
    quick_ask: "Quick level {level} on “{practice}” replaces {replaced} earlier answers ({careful} with a note, evidence, a flag or a finding) and answers {filled} unanswered:",
    quick_more: "… and {n} more",
    quick_keep: "y replaces them; n or Esc keeps every answer as it is.",
    quick_same: "nothing to change: the answers already say L{level}",
    sign_off_blocked: "Sign-off refused: {list}. Ctrl-F filters the checklist to them.",
    findings: Findings {
        title: "Findings · {n}",
        columns: ["id", "sev.", "title", "due", "owner", "about"],
        empty: "No findings yet. Press ! on a requirement to add one.",
        fields: [
            "title",
            "severity",
            "description",
            "recommendation",
            "owner",
            "due (YYYY-MM-DD)",
            "about",
        ],
        new: "New finding",
        edit: "Finding {id}",
        ties: ["requirement", "practice", "domain"],
        delete: "Delete finding {id} \"{title}\"?",
        none_yet: "no findings yet: ! adds one on a requirement",
        read_only: "read-only: {holder} is writing this session",
        confirm_title: "Are you sure?",
        last_change: "finding {id} · {title}",
    },
    register: Register {
        title: "Evidence register",
        hint: "Enter attaches or detaches for {id}; / searches, a adds, c edits, H accepts a changed file, x removes an unused entry.",
        empty: "The register is empty: press a to add evidence.",
        collected: "{id}: collected by {by} at {at}",
        cited_by_none: "cited by no requirement",
        cited_by: "cited by {ids}",
        search_title: "Find evidence to attach",
        search_count: "{n} of {total}",
        filter_title: "Filter the checklist",
        no_filter: "no filter (show everything)",
        new: "New evidence",
        edit: "Edit evidence {id}",
        fields: ["Title", "Kind", "Location"],
        form_note: "A local file's SHA-256 and size are recorded when added, and checked on opening.",
        kinds: [
            "document",
            "screenshot",
            "recording",
            "link",
            "interview",
            "observation",
        ],
        checks: ["ok", "changed", "missing", "unreadable"],
        empty_key: "the register is empty: press a to add",
        accepted: "{id}: the file as it is now is accepted (new hash)",
        changed: "{id} changed",
        not_here: "note: {location} is not on this machine; recorded without a hash",
        no_further_match: "no further match for \"{label}\" (Esc clears the filter)",
        nothing_matches: "nothing matches this filter",
        title_needed: "a title is needed",
        cannot_read: "cannot read {what}",
        gone: "{location} is not here",
    },
};

pub static ZH: Words = Words {
    zh: true,
    answered: "已作答",
    progress: "进度",
    saved: "已保存",
    saving: "保存中…",
    not_saved: "未保存",
    read_only: "只读",
    auto_off: "自动前进已关闭",
    language: "中文",
    target: "目标",
    target_col: "目标",
    reached: "已达到",
    standard: "[标准]",
    authored: "[参照编写：非标准原文]",
    draft: "[草案转述：非正式发布文本]",
    ask_for: "请查看",
    guidance: "指引",
    good_evidence: "良好证据",
    trap: "常见陷阱",
    because: "不适用的理由",
    reason: "理由",
    core: "核心、关键、主要",
    core_rule: "“核心”“关键”“主要”指组织针对被评估范围书面列出、并在评估开始时与评估人员确认的清单；要求适用于清单上的每一项。",
    major: "重大、重要",
    major_rule: "“重大”的变更、版本、特性、业务活动和事件，以及“重要”的告警和数据，指组织自己的书面分类或定级所归入该类的对象；组织尚无书面规定的，在评估开始时针对被评估范围说明，并与评估人员确认。",
    baseline: "基线",
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
    sign_off_question: "将本评估签署为最终版（已作答 {answered}/{total}）？签署后只读；重新打开须说明原因，并记入审计记录。",
    quit_unsaved: "评估无法保存（{err}）。仍要退出并丢弃未保存的更改吗？",
    reopen_title: "重新打开最终版评估：原因？",
    reopen_label: "原因：",
    quick_ask: "快速评级 L{level}（“{practice}”）将替换 {replaced} 个已有答案（其中 {careful} 个带备注、证据、标记或发现项），并填写 {filled} 个未作答的要求：",
    quick_more: "……另有 {n} 条",
    quick_keep: "按 y 替换；按 n 或 Esc 保留全部答案。",
    quick_same: "无需更改：答案已符合 L{level}",
    sign_off_blocked: "不能签署：{list}。Ctrl-F 可筛选出这些要求。",
    findings: Findings {
        title: "发现项 · {n}",
        columns: ["编号", "严重度", "标题", "截止日期", "责任人", "关联对象"],
        empty: "尚无发现项。在某条要求上按 ! 新增。",
        fields: [
            "标题",
            "严重程度",
            "问题描述",
            "整改建议",
            "责任人",
            "截止日期 (YYYY-MM-DD)",
            "关联对象",
        ],
        new: "新增发现项",
        edit: "发现项 {id}",
        ties: ["要求", "实践", "能力域"],
        delete: "删除发现项 {id}“{title}”？",
        none_yet: "尚无发现项：在某条要求上按 ! 新增",
        read_only: "只读：{holder} 正在写入此评估",
        confirm_title: "请确认",
        last_change: "发现项 {id} · {title}",
    },
    register: Register {
        title: "证据登记",
        hint: "Enter：为 {id} 关联或解除关联；/ 搜索，a 新增，c 编辑，H 接受已更改的文件，x 删除未被引用的条目。",
        empty: "证据登记为空：按 a 新增证据。",
        collected: "{id}：由 {by} 于 {at} 收集",
        cited_by_none: "未被任何要求引用",
        cited_by: "被 {ids} 引用",
        search_title: "查找要关联的证据",
        search_count: "{n} / {total} 条",
        filter_title: "筛选检查项",
        no_filter: "不筛选（全部显示）",
        new: "新增证据",
        edit: "编辑证据 {id}",
        fields: ["标题", "类型", "位置"],
        form_note: "添加本地文件时记录其 SHA-256 和大小，每次打开评估时校验。",
        kinds: ["文档", "截图", "演示录像", "链接", "访谈", "现场观察"],
        checks: ["一致", "已更改", "缺失", "无法读取"],
        empty_key: "证据登记为空：按 a 新增",
        accepted: "{id}：已接受文件的当前版本（新哈希值）",
        changed: "{id} 已修改",
        not_here: "注意：本机上没有 {location}；已登记，未记录哈希值",
        no_further_match: "没有更多符合“{label}”的条目（Esc 清除筛选）",
        nothing_matches: "没有符合此筛选的条目",
        title_needed: "需要填写标题",
        cannot_read: "无法读取 {what}",
        gone: "{location} 已不在原处",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` slots of a template, sorted.
    fn slots(template: &str) -> Vec<&str> {
        let mut out: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn fill_replaces_slots_once_and_keeps_braces_in_values() {
        let text = Words::fill("{id} “{title}” {x}", &[("id", "F1"), ("title", "{id} {")]);
        assert_eq!(text, "F1 “{id} {” {x}");
    }

    #[test]
    fn both_languages_fill_the_same_slots() {
        let pairs = |w: &'static Words| {
            let (f, r) = (&w.findings, &w.register);
            [
                w.practice_pos,
                f.title,
                f.edit,
                f.delete,
                f.read_only,
                r.hint,
                r.collected,
                r.cited_by,
                r.search_count,
                r.edit,
                r.accepted,
                r.changed,
                r.not_here,
                r.no_further_match,
                r.cannot_read,
                r.gone,
            ]
        };
        for (en, zh) in pairs(&EN).into_iter().zip(pairs(&ZH)) {
            assert_eq!(slots(en), slots(zh), "{en} / {zh}");
        }
    }
}
