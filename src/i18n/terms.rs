//! The assessment's own vocabulary, shared by every output: answer statuses, finding
//! severities and review filters. Core types carry codes; their words are here (looked up by
//! `Terms::status`, `severity` and `filter`, beside the review filters).

/// The words for statuses, severities and review filters in one language.
#[derive(Debug)]
pub struct Terms {
    /// Met, Partial, Not met, Not applicable.
    pub statuses: [&'static str; 4],
    /// High, Medium, Low, Info.
    pub severities: [&'static str; 4],
    /// The review filters in `Filter::ALL` order.
    pub filters: [&'static str; 7],
}

pub static EN: Terms = Terms {
    statuses: ["Met", "Partial", "Not met", "Not applicable"],
    severities: ["High", "Medium", "Low", "Info"],
    filters: [
        "unanswered",
        "flagged",
        "partial",
        "N/A without justification",
        "Met without evidence",
        "evidence changed or missing",
        "not reviewed",
    ],
};

pub static ZH: Terms = Terms {
    statuses: ["满足", "部分满足", "不满足", "不适用"],
    severities: ["高", "中", "低", "提示"],
    filters: [
        "未作答",
        "已标记待复核",
        "部分满足",
        "不适用但无理由",
        "满足但无证据",
        "证据已更改或缺失",
        "未复核",
    ],
};
