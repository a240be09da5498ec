//! Working as a team in the workbench: the conflicts queue a merge leaves, and its banner.

/// The texts of the conflicts queue in one language.
#[derive(Debug)]
pub struct Teams {
    /// The queue's title; the count follows.
    pub conflicts_title: &'static str,
    /// The three columns: base, ours (what the session holds now), theirs.
    pub sides: [&'static str; 3],
    /// A side that removed the item.
    pub removed: &'static str,
    /// A side with no answer.
    pub no_answer: &'static str,
    /// The status-line banner: `{n}` conflicts left.
    pub banner: &'static str,
    /// `M` when there is nothing to resolve.
    pub no_conflicts: &'static str,
}

pub static EN: Teams = Teams {
    conflicts_title: "Merge conflicts",
    sides: ["base", "ours (now)", "theirs"],
    removed: "(removed)",
    no_answer: "(no answer)",
    banner: "{n} conflicts (M)",
    no_conflicts: "no merge conflicts",
};

pub static ZH: Teams = Teams {
    conflicts_title: "合并冲突",
    sides: ["共同基础", "我方（当前）", "对方"],
    removed: "（已删除）",
    no_answer: "（未作答）",
    banner: "{n} 个合并冲突 (M)",
    no_conflicts: "没有合并冲突",
};
