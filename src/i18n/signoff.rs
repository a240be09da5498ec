//! The sign-off pre-flight list, as the workbench's question and `assess finalize` show it.

/// The pre-flight's texts in one language.
#[derive(Debug)]
pub struct SignOff {
    /// Above the list in the workbench's question.
    pub heading: &'static str,
    /// A check that refuses the sign-off: `{n}` requirements, `{label}` of the check.
    pub blocking: &'static str,
    /// A check to look at before signing: `{n}`, `{label}`.
    pub warning: &'static str,
    /// Every check passes.
    pub clear: &'static str,
    /// `assess finalize` refused: `{path}`.
    pub refused: &'static str,
    /// Open merge conflicts, which always block: `{n}` of them.
    pub conflicts: &'static str,
    /// `--block` names `{code}`, which is none of the `{checks}`.
    pub unknown_check: &'static str,
}

pub static EN: SignOff = SignOff {
    heading: "Before signing off:",
    blocking: "✗ {n} {label} (blocks sign-off)",
    warning: "! {n} {label}",
    clear: "✓ every pre-flight check passes",
    refused: "{path}: not signed off: a blocking check found something (--block none signs regardless)",
    conflicts: "✗ {n} open merge conflicts (block sign-off; M resolves them)",
    unknown_check: "\"{code}\" is not a sign-off check (checks: {checks}, or none)",
};

pub static ZH: SignOff = SignOff {
    heading: "签署前检查：",
    blocking: "✗ {label} {n} 条（阻止签署）",
    warning: "! {label} {n} 条",
    clear: "✓ 签署前检查全部通过",
    refused: "{path}：未签署：有阻止签署的检查项（--block none 可忽略检查直接签署）",
    conflicts: "✗ 未解决的合并冲突 {n} 个（阻止签署；按 M 逐个解决）",
    unknown_check: "“{code}”不是签署前检查项（可用：{checks}，或 none）",
};
