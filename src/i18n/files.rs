//! What could not be done to a session's file or its lock (`session::IoAction`,
//! `session::LockStep`), and the sentences that carry them with the system's reason.

/// The texts of one language.
#[derive(Debug)]
pub struct Files {
    /// In `IoAction` order (the ones without data).
    pub actions: [&'static str; 12],
    /// `cannot read {path}`.
    pub read_at: &'static str,
    /// `cannot lock the session again ({step})`.
    pub relock: &'static str,
    /// In `LockStep` order.
    pub lock_steps: [&'static str; 5],
    /// `{path}`, `{action}`, the system's `{error}`.
    pub failed: &'static str,
    /// The lock could not be taken: `{path}`, `{step}`, `{error}`.
    pub lock_failed: &'static str,
    /// A save that did not write over the file: `{path}`, `{reason}`, the `{side}` file.
    pub conflict: &'static str,
    /// In `ConflictReason` order; the second names the `{holder}`.
    pub conflict_reasons: [&'static str; 3],
    /// A report not written over a file: `{path}`, then `refused` with its `{reason}`.
    pub refused_file: &'static str,
    pub refused: &'static str,
    /// In `Refusal` order.
    pub refusals: [&'static str; 3],
}

pub static EN: Files = Files {
    actions: [
        "cannot read the session file",
        "cannot create a temporary file to save",
        "cannot write the temporary file",
        "cannot keep the previous version as .bak",
        "cannot replace the file",
        "cannot flush the directory",
        "cannot list the sessions directory",
        "a file already exists there",
        "cannot create the session file",
        "cannot write the session file",
        "cannot read",
        "cannot read a side of the merge",
    ],
    read_at: "cannot read {path}",
    relock: "cannot lock the session again ({step})",
    lock_steps: [
        "the lock file is a symbolic link, which assess never follows; remove it",
        "cannot open the lock file",
        "cannot take the lock",
        "cannot write the lock file",
        "the lock file keeps changing",
    ],
    failed: "{path}: {action}: {error}",
    lock_failed: "{path}: cannot lock the session ({step}): {error}",
    conflict: "{path}: not written over, because {reason}. Your edits are kept here and were saved to {side}; compare the two, then reopen the session.",
    conflict_reasons: [
        "it was changed by another program earlier",
        "its lock file was removed and {holder} holds it now",
        "the file was changed by another program since it was opened",
    ],
    refused_file: "{path}: {reason}",
    refused: "{reason}; the report was not written. Choose another file name (or `-o -` to print it).",
    refusals: [
        "this name belongs to a session file (a session, its backup, lock or recovery)",
        "this exists and is not a regular file (a link, a device or a folder)",
        "this file is a session",
    ],
};

pub static ZH: Files = Files {
    actions: [
        "无法读取评估文件",
        "无法创建用于保存的临时文件",
        "无法写入临时文件",
        "无法把上一版本保留为 .bak",
        "无法替换文件",
        "无法刷新目录",
        "无法列出评估目录",
        "那里已有文件",
        "无法创建评估文件",
        "无法写入评估文件",
        "无法读取",
        "无法读取合并的一方",
    ],
    read_at: "无法读取 {path}",
    relock: "无法再次锁定评估（{step}）",
    lock_steps: [
        "锁文件是符号链接，assess 从不跟随符号链接；请删除它",
        "无法打开锁文件",
        "无法获取锁",
        "无法写入锁文件",
        "锁文件不断变化",
    ],
    failed: "{path}：{action}：{error}",
    lock_failed: "{path}：无法锁定评估（{step}）：{error}",
    conflict: "{path}：未覆盖写入，因为{reason}。你的修改仍在这里，并已保存到 {side}；请比较两者，然后重新打开评估。",
    conflict_reasons: [
        "它此前已被另一个程序修改",
        "它的锁文件被删除，现在由 {holder} 持有",
        "打开之后文件已被另一个程序修改",
    ],
    refused_file: "{path}：{reason}",
    refused: "{reason}；报告未写入。请换一个文件名（或用 `-o -` 打印出来）。",
    refusals: [
        "这个名字属于评估文件（评估、它的备份、锁或恢复文件）",
        "它已存在且不是普通文件（链接、设备或文件夹）",
        "这个文件是一份评估",
    ],
};
