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
}

pub static EN: Cli = Cli {
    summary_model: "Model {model} {version} · {answered}/{total} requirements answered",
    summary_final: "FINAL: signed off by {by} at {at} · {hash}",
    summary_columns: ["level", "score", "target", "gap", "answered"],
    review: "Review: {counts}",
    evidence_files: "Evidence files: {ok} ok, {bad} not as attached",
    summary_baseline: "Against the baseline {title} ({file})",
    summary_then_now: "then → now",
};

pub static ZH: Cli = Cli {
    summary_model: "模型 {model} {version} · 已作答 {answered}/{total} 项要求",
    summary_final: "已定稿：由 {by} 于 {at} 签署 · {hash}",
    summary_columns: ["等级", "得分", "目标", "差距", "已作答"],
    review: "复核：{counts}",
    evidence_files: "证据文件：{ok} 个一致，{bad} 个与附加时不同",
    summary_baseline: "与基线 {title}（{file}）相比",
    summary_then_now: "之前 → 现在",
};
