//! The assessment's own vocabulary, shared by every output: answer statuses, finding
//! severities and review filters. Core types carry codes; their words are here.

use crate::review::Filter;
use crate::session::{Severity, Status};

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

impl Terms {
    pub fn status(&self, status: Status) -> &'static str {
        let i = match status {
            Status::Met => 0,
            Status::Partial => 1,
            Status::NotMet => 2,
            Status::NotApplicable => 3,
        };
        self.statuses[i]
    }

    pub fn severity(&self, severity: Severity) -> &'static str {
        let i = Severity::ALL.iter().position(|s| *s == severity);
        self.severities[i.unwrap_or(0)]
    }

    pub fn filter(&self, filter: Filter) -> &'static str {
        let i = Filter::ALL.iter().position(|f| *f == filter);
        self.filters[i.unwrap_or(0)]
    }
}
