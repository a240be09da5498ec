//! Working as a team from the command line: `merge`, `merge-driver`, `git-setup`,
//! `conflicts`, `resolve`, `diff` and `rollup` (their output and their errors), and the
//! notes a merge leaves.

/// The texts of the team commands in one language.
#[derive(Debug)]
pub struct TeamCli {
    /// A line about one file on stderr (`{file}` the path, `{message}` what happened).
    pub about_file: &'static str,
    /// A merge kept an evidence entry an answer still cites.
    pub evidence_kept: &'static str,
    /// The same label was added on both sides; theirs was renumbered.
    pub renumbered: &'static str,
    /// A conflict the merge recorded.
    pub conflict_recorded: &'static str,
    /// A sign-off a merge voided.
    pub sign_off_voided: &'static str,
    /// The agenda's times were changed on both sides.
    pub agenda_kept: &'static str,
    /// Conflicts left after a merge, and how to resolve them.
    pub conflicts_left: &'static str,
    /// The merge was refused (`{reason}`), the file left as it was.
    pub not_merged: &'static str,
    /// Sessions on different model versions are not merged.
    pub different_models: &'static str,
    /// A file that is not a session is merged line by line.
    pub line_merge: &'static str,
    pub merged_into: &'static str,
    pub git_missing: &'static str,
    pub not_a_repository: &'static str,
    /// `.gitattributes` or `.gitignore` already has every line.
    pub already_set_up: &'static str,
    /// Lines added to `.gitattributes` or `.gitignore`.
    pub lines_added: &'static str,
    pub config_already_set: &'static str,
    pub config_set: &'static str,
    pub each_clone: &'static str,
    pub no_conflicts: &'static str,
    pub conflict_count: &'static str,
    /// The three sides in `assess conflicts`: base, ours, theirs.
    pub sides: [&'static str; 3],
    /// A removed item, and an answer without a status.
    pub removed: &'static str,
    pub no_status: &'static str,
    pub resolved: &'static str,
    /// The sides as `--take` names them: ours, theirs, and both notes kept.
    pub taken: [&'static str; 3],
    /// History fields a merge or a resolution records: resolved, conflict, renumbered,
    /// sign-off voided.
    pub history_fields: [&'static str; 4],
    /// A sign-off voided by a merge (the value its history entry records).
    pub voided_by_merge: &'static str,
    pub say_which: &'static str,
    pub models_differ: &'static str,
    pub model_changed: &'static str,
    pub requirement_changes: &'static str,
    /// The compared answer fields: status, justification, note, evidence.
    pub diff_fields: [&'static str; 4],
    /// An empty value in a diff.
    pub none: &'static str,
    /// Practices, domains, parts.
    pub levels: [&'static str; 3],
    /// `{title}: {n} moved`.
    pub moved: &'static str,
    pub level_line: &'static str,
    pub only_then: &'static str,
    pub only_now: &'static str,
    pub skipped: &'static str,
    pub rollup_written: &'static str,
    pub nothing_to_roll_up: &'static str,
    pub other_model: &'static str,
    /// A directory given to rollup that cannot be listed: `{error}`.
    pub cannot_list: &'static str,
    /// The rollup report's title.
    pub rollup_title: &'static str,
    pub heatmap: &'static str,
    pub project: &'static str,
    pub progress: &'static str,
    /// `{title}: min / median / max` (title: parts or domains).
    pub spread_title: &'static str,
    /// Parts, domains (spread titles).
    pub spreads: [&'static str; 2],
    /// Id, name, projects, min, median, max.
    pub spread_columns: [&'static str; 6],
    pub weakest: &'static str,
    /// Practice, name, mean level, lowest, projects.
    pub weakest_columns: [&'static str; 5],
    pub skipped_title: &'static str,
    pub skipped_none: &'static str,
}

pub static EN: TeamCli = TeamCli {
    about_file: "assess: {file}: {message}",
    evidence_kept: "evidence {label} ({title}) is kept: an answer still cites it",
    renumbered: "{old} added on both sides: theirs is now {new}",
    conflict_recorded: "{id}: {target} ({fields}) changed differently on both sides",
    sign_off_voided: "sign-off by {by} at {at} voided: the merge changed the signed content; sign it off again",
    agenda_kept: "the agenda's times were changed on both sides: ours are kept",
    conflicts_left: "{n} conflict(s) to resolve: `assess conflicts {file}`, then `assess resolve` or the workbench",
    not_merged: "not merged: {reason}. The file was left as it was on this side.",
    different_models: "the two sides use different model versions (ours: {ours}, theirs: {theirs}); open the older one with the newer assess and save it so both are on one version, then merge again",
    line_merge: "not a session file this build can read; merging it line by line",
    merged_into: "Merged into {file}",
    git_missing: "cannot run git: is it installed?",
    not_a_repository: "{dir}: not inside a git repository (run `git init` first)",
    already_set_up: "{file}: already set up",
    lines_added: "{file}: added {lines} (commit it so every clone has it)",
    config_already_set: "git config {key}: already set",
    config_set: "git config {key} = {value}",
    each_clone: "Each clone needs `assess git-setup` once: git does not copy its config.",
    no_conflicts: "{file}: no conflicts",
    conflict_count: "{file}: {n} conflict(s)",
    sides: ["base", "ours", "theirs"],
    removed: "(removed)",
    no_status: "(none)",
    resolved: "{file}: resolved {ids} (took {side}); {n} conflict(s) remain",
    taken: ["ours", "theirs", "both notes kept"],
    history_fields: ["resolved", "conflict", "renumbered", "sign-off voided"],
    voided_by_merge: "voided by a merge",
    say_which: "say which: --all or --id ID",
    models_differ: "{a} is on model {model_a} and {b} on {model_b}: only sessions of one model can be compared",
    model_changed: "model {then} → {now}",
    requirement_changes: "Requirements: {n} change(s)",
    diff_fields: ["status", "justification", "note", "evidence"],
    none: "(none)",
    levels: ["Practices", "Domains", "Parts"],
    moved: "{title}: {n} moved",
    level_line: "level {then} → {now} ({delta})  score {score_then} → {score_now}",
    only_then: "Only in the earlier model (not compared)",
    only_now: "Only in the later model (not compared)",
    skipped: "assess: skipped {file}: {reason}",
    rollup_written: "Rollup of {n} project(s) written to {file}",
    nothing_to_roll_up: "no session to roll up",
    other_model: "made on model {model}; this rollup is of {rollup}",
    cannot_list: "cannot list the directory: {error}",
    rollup_title: "Rollup: {model} — {n} project(s)",
    heatmap: "Projects × domains (levels)",
    project: "Project",
    progress: "Progress",
    spread_title: "{title}: min / median / max",
    spreads: ["Parts", "Domains"],
    spread_columns: ["Id", "Name", "Projects", "Min", "Median", "Max"],
    weakest: "Weakest practices across projects",
    weakest_columns: ["Practice", "Name", "Mean level", "Lowest", "Projects"],
    skipped_title: "Skipped",
    skipped_none: "None.",
};

pub static ZH: TeamCli = TeamCli {
    about_file: "assess：{file}：{message}",
    evidence_kept: "证据 {label}（{title}）已保留：仍有答复引用它",
    renumbered: "双方都新增了 {old}：对方的改为 {new}",
    conflict_recorded: "{id}：{target}（{fields}）双方改得不同",
    sign_off_voided: "{by} 于 {at} 的签署已作废：合并改变了已签署的内容；请重新签署",
    agenda_kept: "双方都改了议程时间：保留我方的",
    conflicts_left: "有 {n} 个冲突待解决：运行 `assess conflicts {file}`，再用 `assess resolve` 或工作台解决",
    not_merged: "未合并：{reason}。本方文件保持原样。",
    different_models: "双方使用的模型版本不同（我方：{ours}，对方：{theirs}）：用较新的 assess 打开较旧的一方并保存，使双方版本一致后再合并",
    line_merge: "不是本版本能读取的评估文件；按行合并",
    merged_into: "已合并到 {file}",
    git_missing: "无法运行 git：是否已安装？",
    not_a_repository: "{dir}：不在 git 仓库中（请先运行 `git init`）",
    already_set_up: "{file}：已设置",
    lines_added: "{file}：已添加 {lines}（请提交，使每个克隆都有）",
    config_already_set: "git 配置 {key}：已设置",
    config_set: "git 配置 {key} = {value}",
    each_clone: "每个克隆都需运行一次 `assess git-setup`：git 不会复制其配置。",
    no_conflicts: "{file}：没有冲突",
    conflict_count: "{file}：{n} 个冲突",
    sides: ["共同基础", "我方", "对方"],
    removed: "（已删除）",
    no_status: "（无）",
    resolved: "{file}：已解决 {ids}（采用{side}）；剩余 {n} 个冲突",
    taken: ["我方", "对方", "保留双方备注"],
    history_fields: ["已解决", "冲突", "重新编号", "签署作废"],
    voided_by_merge: "因合并作废",
    say_which: "请指明：--all 或 --id 编号",
    models_differ: "{a} 使用模型 {model_a}，{b} 使用 {model_b}：只能比较同一模型的评估",
    model_changed: "模型 {then} → {now}",
    requirement_changes: "要求：{n} 处变化",
    diff_fields: ["状态", "理由", "备注", "证据"],
    none: "（无）",
    levels: ["实践", "领域", "部分"],
    moved: "{title}：{n} 项变化",
    level_line: "等级 {then} → {now}（{delta}）  得分 {score_then} → {score_now}",
    only_then: "仅在较早的模型中（未比较）",
    only_now: "仅在较新的模型中（未比较）",
    skipped: "assess：已跳过 {file}：{reason}",
    rollup_written: "{n} 个项目的汇总已写入 {file}",
    nothing_to_roll_up: "没有可汇总的评估",
    other_model: "基于模型 {model}；本汇总针对 {rollup}",
    cannot_list: "无法列出该目录：{error}",
    rollup_title: "汇总：{model} — {n} 个项目",
    heatmap: "项目 × 领域（等级）",
    project: "项目",
    progress: "进度",
    spread_title: "{title}：最低 / 中位 / 最高",
    spreads: ["部分", "领域"],
    spread_columns: ["编号", "名称", "项目数", "最低", "中位", "最高"],
    weakest: "各项目中最薄弱的实践",
    weakest_columns: ["实践", "名称", "平均等级", "最低", "项目数"],
    skipped_title: "已跳过",
    skipped_none: "无。",
};
