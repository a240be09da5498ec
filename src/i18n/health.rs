//! `assess doctor`'s findings about a session file, and who holds a session open for writing
//! (the doctor, the workbench's read-only line, refusals). `Lang::doctor_check` and
//! `Lang::lock_holder` (in `session/`) fill them.

/// The health texts in one language.
#[derive(Debug)]
pub struct Health {
    /// `{format}`, `{answers}`, `{evidence}` (counted below).
    pub parses: &'static str,
    /// Counted nouns: one, then `{n}` of them.
    pub answers: [&'static str; 2],
    pub evidence_entries: [&'static str; 2],
    pub evidence_files: [&'static str; 2],
    /// `{error}`.
    pub unparsable: &'static str,
    /// `{id}` (quoted), `{error}`.
    pub model_unloadable: &'static str,
    /// `{id}`, `{version}`.
    pub model_same: &'static str,
    /// `{id}`, `{from}`, `{to}`.
    pub model_changed: &'static str,
    /// `{n}` answers under old ids (one, many).
    pub aliased_answers: [&'static str; 2],
    pub aliased_findings: [&'static str; 2],
    /// `{n}` answers, `{ids}`.
    pub orphans: [&'static str; 2],
    /// `{n}` findings, `{list}`.
    pub loose_findings: [&'static str; 2],
    /// `{id}`, `{title}` (quoted), `{location}`, `{what}`.
    pub evidence_problem: &'static str,
    pub file_missing: &'static str,
    pub file_changed: &'static str,
    /// `{error}`.
    pub file_unreadable: &'static str,
    /// `{files}` (counted).
    pub evidence_ok: &'static str,
    /// `{path}`.
    pub no_backup: &'static str,
    /// `{path}`, `{saved}`, `{answers}` (counted).
    pub backup_usable: &'static str,
    /// `{error}`.
    pub backup_unusable: &'static str,
    /// `{holder}`.
    pub locked: &'static str,
    /// A session another process writes: `{session}`, `{holder}`.
    pub held: &'static str,
    /// The same when the workbench has no terminal to offer viewing it read-only.
    pub held_no_terminal: &'static str,
    /// A session file that does not parse: `{path}`, `{line}`, `{column}`, `{message}` (the
    /// parser's words), `{hint}` (the backup line below, or nothing).
    pub damaged: &'static str,
    /// `{backup}`.
    pub backup_kept: &'static str,
    /// `{path}`, `{found}`, `{max}`.
    pub newer_format: &'static str,
    /// `{path}`, `{size}`, `{limit}`.
    pub too_large: &'static str,
    /// `{path}`, `{count}`.
    pub conflicts_remain: &'static str,
    /// Who holds a lock: `{pid}`, `{host}`, `{since}`.
    pub holder: &'static str,
    /// `finalize` or `reopen` while `{holder}` writes the session at `{path}`.
    pub held_elsewhere: &'static str,
    /// `{pid}` of a process.
    pub process: &'static str,
    pub unknown_process: &'static str,
    pub unknown_host: &'static str,
    pub a_moment_ago: &'static str,
    /// Read-only with no writer: a backup or kept copy; a folder this user cannot write.
    pub kept_copy: &'static str,
    pub not_writable: &'static str,
}

pub static EN: Health = Health {
    parses: "the session file parses (format {format}, {answers}, {evidence})",
    answers: ["1 answer", "{n} answers"],
    evidence_entries: ["1 evidence entry", "{n} evidence entries"],
    evidence_files: ["1 evidence file is", "{n} evidence files are"],
    unparsable: "{error}",
    model_unloadable: "its model {id} cannot be loaded: {error}",
    model_same: "model {id} {version} loads and is the one the session was made with",
    model_changed: "model {id} has changed since the session was saved (version {from} → {to})",
    aliased_answers: [
        "1 answer is filed under old requirement ids and move to their new ids when opened",
        "{n} answers are filed under old requirement ids and move to their new ids when opened",
    ],
    aliased_findings: [
        "1 finding is tied to old requirement ids and move to their new ids when opened",
        "{n} findings are tied to old requirement ids and move to their new ids when opened",
    ],
    orphans: [
        "1 answer belongs to requirements the model no longer has (kept in the file, listed in reports): {ids}",
        "{n} answers belong to requirements the model no longer has (kept in the file, listed in reports): {ids}",
    ],
    loose_findings: [
        "1 finding is about places the model no longer has (kept, listed in reports): {list}",
        "{n} findings are about places the model no longer has (kept, listed in reports): {list}",
    ],
    evidence_problem: "evidence {id} {title} ({location}): {what}",
    file_missing: "the file is missing",
    file_changed: "the file has changed since it was attached",
    file_unreadable: "cannot read the file: {error}",
    evidence_ok: "{files} present and unchanged",
    no_backup: "no backup {path} yet (it appears with the second save)",
    backup_usable: "the backup {path} parses and is usable (saved {saved}, {answers})",
    backup_unusable: "the backup is not usable: {error}",
    locked: "the session is open for writing by {holder}",
    held: "{session}: this session is already open for writing by {holder}. Close it there, or open it read-only.",
    damaged: "{path}:{line}:{column}: the session file is damaged: {message}{hint}\nThe file was not changed.",
    backup_kept: "\nThe previous version is kept in {backup}: check it with `assess doctor` or open it directly.",
    newer_format: "{path}: written by a newer assess (session format {found}; this build reads up to {max}). Update assess to open it; the file was not changed.",
    too_large: "{path}: the file is {size}, larger than any session (the limit is {limit}); it is probably not a session file. The file was not read or changed.",
    conflicts_remain: "{path}: {count} merge conflict(s) remain; resolve them first (`assess conflicts`, `assess resolve` or the workbench)",
    held_no_terminal: "{session} is already open for writing by {holder} (no terminal here to offer viewing it read-only)",
    holder: "{pid} on {host} since {since}",
    held_elsewhere: "{path}: this session is open for writing by {holder}. Close it there, then run this again.",
    process: "process {pid}",
    unknown_process: "an unknown process",
    unknown_host: "an unknown host",
    a_moment_ago: "a moment ago",
    kept_copy: "nobody: this is a backup or kept copy (restore it with `assess doctor --restore-backup`, or open the session itself)",
    not_writable: "nobody: its folder is not writable by you",
};

pub static ZH: Health = Health {
    parses: "评估文件可以解析（格式 {format}，{answers}，{evidence}）",
    answers: ["1 条作答", "{n} 条作答"],
    evidence_entries: ["1 条证据", "{n} 条证据"],
    evidence_files: ["1 个证据文件", "{n} 个证据文件"],
    unparsable: "评估文件无法读取：{error}",
    model_unloadable: "无法加载其模型 {id}：{error}",
    model_same: "模型 {id} {version} 可以加载，且与创建评估时所用的一致",
    model_changed: "模型 {id} 在评估保存后已更改（版本 {from} → {to}）",
    aliased_answers: [
        "1 条作答记在旧的要求编号下，打开时会移到新编号",
        "{n} 条作答记在旧的要求编号下，打开时会移到新编号",
    ],
    aliased_findings: [
        "1 个发现项关联到旧的要求编号，打开时会移到新编号",
        "{n} 个发现项关联到旧的要求编号，打开时会移到新编号",
    ],
    orphans: [
        "1 条作答属于模型中已不存在的要求（保留在文件中，并列入报告）：{ids}",
        "{n} 条作答属于模型中已不存在的要求（保留在文件中，并列入报告）：{ids}",
    ],
    loose_findings: [
        "1 个发现项关联到模型中已不存在的位置（已保留，并列入报告）：{list}",
        "{n} 个发现项关联到模型中已不存在的位置（已保留，并列入报告）：{list}",
    ],
    evidence_problem: "证据 {id} {title}（{location}）：{what}",
    file_missing: "文件缺失",
    file_changed: "文件在关联后已更改",
    file_unreadable: "无法读取文件：{error}",
    evidence_ok: "{files}均在且未更改",
    no_backup: "尚无备份 {path}（第二次保存后出现）",
    backup_usable: "备份 {path} 可以解析且可用（保存于 {saved}，{answers}）",
    backup_unusable: "备份不可用：{error}",
    locked: "评估正由 {holder}以写入方式打开",
    held: "{session}：此评估已由 {holder}以写入方式打开。请在那里关闭，或以只读方式打开。",
    damaged: "{path}:{line}:{column}：评估文件已损坏：{message}{hint}\n文件未被修改。",
    backup_kept: "\n上一版本保存在 {backup}：可用 `assess doctor` 检查，或直接打开它。",
    newer_format: "{path}：由更新版本的 assess 写入（评估文件格式 {found}；本版本最多读取 {max}）。请升级 assess 后打开；文件未被修改。",
    too_large: "{path}：文件大小为 {size}，超过任何评估文件（上限 {limit}），可能不是评估文件。文件未被读取或修改。",
    conflicts_remain: "{path}：还有 {count} 处合并冲突；请先解决（`assess conflicts`、`assess resolve` 或工作台）",
    held_no_terminal: "{session} 已由 {holder}以写入方式打开（此处没有终端，无法提供只读查看）",
    holder: "{host} 上的{pid}（自 {since} 起）",
    held_elsewhere: "{path}：{holder}正以写入方式打开此评估。请先在那里关闭，再重新运行。",
    process: "进程 {pid}",
    unknown_process: "未知进程",
    unknown_host: "未知主机",
    a_moment_ago: "刚才",
    kept_copy: "无人：这是备份或保留的副本（用 `assess doctor --restore-backup` 恢复，或打开评估本身）",
    not_writable: "无人：你没有写入其所在文件夹的权限",
};
