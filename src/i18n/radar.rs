//! The radar's legend and the words that tell level from score, shared by the workbench and
//! every report format.

/// The radar's texts in one language.
#[derive(Debug)]
pub struct Radar {
    /// The filled area: the formal level by the model's rollup (`explain` says more).
    pub level: &'static str,
    /// The line: progress within levels.
    pub score: &'static str,
    pub target: &'static str,
    /// An earlier assessment's levels.
    pub baseline: &'static str,
    /// One sentence on level versus score, under every radar and results table.
    pub explain: &'static str,
}

pub static EN: Radar = Radar {
    level: "level",
    score: "score",
    target: "target",
    baseline: "baseline",
    explain: "Level is the formal result: a practice is at level L when every requirement of levels 1 to L is met or not applicable, and a domain or part takes its practices' levels by the model's rule. Score shows progress: the level plus the share of the next level's requirements already met, averaged over the practices.",
};

pub static ZH: Radar = Radar {
    level: "等级",
    score: "得分",
    target: "目标",
    baseline: "基线",
    explain: "等级是正式评估结果：某能力子项的 1 至 L 级要求全部满足或不适用时，其等级为 L；能力域与部分的等级按模型规则由各子项等级汇总。得分反映进展：当前等级加上下一等级要求中已满足的比例，再对各子项取平均。",
};
