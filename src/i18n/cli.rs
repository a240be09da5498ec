//! The command line's human output: `summary`, `list`, `log`, `doctor` (JSON output keeps
//! codes and never reads these).

/// The CLI's texts in one language.
#[derive(Debug)]
pub struct Cli {
    /// `summary`'s first lines: `{model}` `{version}`, `{answered}`/`{total}`.
    pub summary_model: &'static str,
    /// A signed-off session: `{by}`, `{at}`, `{hash}`.
    pub summary_final: &'static str,
    /// Column headings: level, score, target, gap, answered.
    pub summary_columns: [&'static str; 5],
    /// The review line: `{counts}` of each review filter.
    pub review: &'static str,
    /// `{ok}` files as attached, `{bad}` not.
    pub evidence_files: &'static str,
    /// The summary's comparison with the baseline session `{title}` (`{file}`).
    pub summary_baseline: &'static str,
    /// The column beside it: the level then → now (Δ).
    pub summary_then_now: &'static str,
    /// `list` with no sessions in `{dir}`.
    pub no_sessions: &'static str,
    /// A session file that does not open, in `list`: damaged, or not readable.
    pub damaged: &'static str,
    pub unreadable: &'static str,
    /// `{answered}`/`{total}` in `list`.
    pub list_answered: &'static str,
    /// `log` of a session with no history.
    pub no_changes: &'static str,
    /// An empty value in `log`.
    pub empty: &'static str,
    /// `doctor`: `{path}`.
    pub checking: &'static str,
    /// `doctor`'s tags: ok, warning, problem (padded to the same width).
    pub tags: [&'static str; 3],
    /// No problems, and `{warnings}` (a counted phrase).
    pub no_problems: &'static str,
    /// `{problems}` and `{warnings}` (counted phrases).
    pub problems: &'static str,
    /// Counted phrases: one warning, `{n}` warnings, one problem, `{n}` problems.
    pub counted: [&'static str; 4],
    /// `{path}`: the backup can be restored.
    pub backup_usable: &'static str,
    /// `{path}` restored; the replaced file kept as `{kept}`.
    pub restored_kept: &'static str,
    pub restored: &'static str,
}

pub static EN: Cli = Cli {
    summary_model: "Model {model} {version} · {answered}/{total} requirements answered",
    summary_final: "FINAL: signed off by {by} at {at} · {hash}",
    summary_columns: ["level", "score", "target", "gap", "answered"],
    review: "Review: {counts}",
    evidence_files: "Evidence files: {ok} ok, {bad} not as attached",
    summary_baseline: "Against the baseline {title} ({file})",
    summary_then_now: "then → now",
    no_sessions: "No sessions in {dir}. Start one with `assess new`.",
    damaged: "DAMAGED",
    unreadable: "UNREADABLE",
    list_answered: "{answered}/{total} answered",
    no_changes: "No changes recorded yet.",
    empty: "(empty)",
    checking: "Checking {path}",
    tags: ["ok     ", "warning", "PROBLEM"],
    no_problems: "No problems, {warnings}.",
    problems: "{problems}, {warnings}.",
    counted: ["1 warning", "{n} warnings", "1 problem", "{n} problems"],
    backup_usable: "The backup is usable: `assess doctor {path} --restore-backup` restores it and keeps the current file.",
    restored_kept: "Restored {path} from its backup; the replaced file is kept as {kept}.",
    restored: "Restored {path} from its backup.",
};

pub static ZH: Cli = Cli {
    summary_model: "模型 {model} {version} · 已作答 {answered}/{total} 项要求",
    summary_final: "已定稿：由 {by} 于 {at} 签署 · {hash}",
    summary_columns: ["等级", "得分", "目标", "差距", "已作答"],
    review: "复核：{counts}",
    evidence_files: "证据文件：{ok} 个一致，{bad} 个与附加时不同",
    summary_baseline: "与基线 {title}（{file}）相比",
    summary_then_now: "之前 → 现在",
    no_sessions: "{dir} 中没有评估。用 `assess new` 新建一个。",
    damaged: "已损坏",
    unreadable: "无法读取",
    list_answered: "已作答 {answered}/{total}",
    no_changes: "尚无修改记录。",
    empty: "（空）",
    checking: "正在检查 {path}",
    tags: ["正常", "警告", "问题"],
    no_problems: "没有问题，{warnings}。",
    problems: "{problems}，{warnings}。",
    counted: ["1 个警告", "{n} 个警告", "1 个问题", "{n} 个问题"],
    backup_usable: "备份可用：`assess doctor {path} --restore-backup` 可恢复备份，并保留当前文件。",
    restored_kept: "已从备份恢复 {path}；被替换的文件保存为 {kept}。",
    restored: "已从备份恢复 {path}。",
};
