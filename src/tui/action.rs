//! Every user intent the workbench understands. Keys become actions (see `keymap`); only
//! `App::update` turns an action into a change of state.

/// One user intent. The `describe` text is what help and the footer show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Quit (saves first; asks when the last save failed).
    Quit,
    /// Show or hide the help overlay.
    Help,
    /// Open the fuzzy palette to jump anywhere.
    Palette,
    /// Show or leave the summary screen.
    Summary,
    /// Switch the model language (English / Chinese).
    ToggleLang,
    /// Undo the last change to the session.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Move to the next requirement.
    NextRequirement,
    /// Move to the previous requirement.
    PrevRequirement,
    /// Move to the next practice.
    NextPractice,
    /// Move to the previous practice.
    PrevPractice,
    /// Jump to the next unanswered requirement.
    NextUnanswered,
    /// Jump to the previous unanswered requirement.
    PrevUnanswered,
    /// Answer Met.
    Met,
    /// Answer Partial.
    Partial,
    /// Answer Not met.
    NotMet,
    /// Answer Not applicable (asks for a justification).
    NotApplicable,
    /// Clear the answer.
    Clear,
    /// Rate the whole practice at this level and move on.
    QuickLevel(u8),
    /// Edit the note of the current requirement.
    EditNote,
    /// Attach or add evidence for the current requirement.
    Evidence,
    /// Flag the current requirement for review (or unflag it).
    Flag,
    /// Turn moving to the next unanswered requirement after an answer on or off.
    ToggleAutoAdvance,
    /// Export a report of the session.
    Export,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move to the next field or part.
    NextField,
    /// Move to the previous field or part.
    PrevField,
    /// Change the focused value down.
    Left,
    /// Change the focused value up.
    Right,
    /// Toggle the selected item.
    Toggle,
    /// Confirm or open the selection.
    Confirm,
    /// Close or cancel.
    Cancel,
    /// Save the text and close.
    SaveClose,
    /// Start a new session.
    NewSession,
    /// Add a new entry to the evidence register.
    AddEvidence,
    /// Detach the selected evidence from the requirement.
    Detach,
    /// Mark the current answer as reviewed by you (or remove the mark).
    Review,
    /// Choose a review filter for the checklist and navigator.
    FilterPicker,
    /// Clear the review filter.
    ClearFilter,
    /// Search the evidence register to attach an entry.
    SearchEvidence,
    /// Edit the selected evidence entry (title, kind, location).
    EditEvidence,
    /// Accept the selected file as it is now (record its new hash and size).
    AcceptNewVersion,
    /// Remove the selected entry from the register (only when nothing cites it).
    RemoveEvidence,
    /// Answer yes to a question.
    Yes,
    /// Answer no to a question.
    No,
    /// Open the findings view.
    Findings,
    /// Add a finding on the current requirement.
    NewFinding,
    /// Turn the facilitator (projection) view on or off.
    ToggleFacilitator,
    /// Show the navigator at any width, or leave it to the width again.
    ToggleNavigator,
    /// Open the agenda (planned minutes per part or domain).
    Agenda,
    /// Delete the selected entry: a finding (asks first), a participant.
    Delete,
    /// Go to the place the selected item is about.
    GoTo,
    /// Show or hide the history of the current requirement (who changed what, when).
    History,
    /// Pick who decides the following answers (from the participants).
    Decider,
    /// Edit the participants and their roles.
    Participants,
    /// Edit the dissent or discussion note beside the answer.
    Discussion,
    /// Sign the session off as final, or reopen it (with a reason).
    SignOff,
    /// Add a new entry.
    Add,
    /// Open the queue of conflicts a merge left.
    Conflicts,
    /// Resolve the selected conflict with our side.
    TakeOurs,
    /// Resolve the selected conflict with their side.
    TakeTheirs,
    /// Resolve the selected note conflict keeping both notes.
    KeepBoth,
    /// Take our side and edit the answer's note.
    EditConflict,
}

impl Action {
    /// True for actions that change the session (refused when it is open read-only).
    pub fn edits(self) -> bool {
        matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::Met
                | Action::Partial
                | Action::NotMet
                | Action::NotApplicable
                | Action::Clear
                | Action::QuickLevel(_)
                | Action::EditNote
                | Action::Evidence
                | Action::Flag
                | Action::Review
                | Action::NewFinding
                | Action::Agenda
                | Action::Participants
                | Action::Discussion
                | Action::SignOff
                | Action::TakeOurs
                | Action::TakeTheirs
                | Action::KeepBoth
                | Action::EditConflict
        )
    }

    /// A short description for help and footer hints.
    pub fn describe(self) -> String {
        let text = match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Palette => "jump (fuzzy search)",
            Action::Summary => "summary",
            Action::ToggleLang => "language EN/中文",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::NextRequirement => "next requirement",
            Action::PrevRequirement => "previous requirement",
            Action::NextPractice => "next practice",
            Action::PrevPractice => "previous practice",
            Action::NextUnanswered => "next unanswered",
            Action::PrevUnanswered => "previous unanswered",
            Action::Met => "Met",
            Action::Partial => "Partial",
            Action::NotMet => "Not met",
            Action::NotApplicable => "Not applicable",
            Action::Clear => "clear answer",
            Action::QuickLevel(n) => return format!("rate the practice L{n}, next practice"),
            Action::EditNote => "note",
            Action::Evidence => "evidence",
            Action::Flag => "flag for review",
            Action::ToggleAutoAdvance => "auto-advance on/off",
            Action::Export => "export report",
            Action::Up => "up",
            Action::Down => "down",
            Action::NextField => "next",
            Action::PrevField => "previous",
            Action::Left => "less / left",
            Action::Right => "more / right",
            Action::Toggle => "toggle",
            Action::Confirm => "confirm / open",
            Action::Cancel => "close / cancel",
            Action::SaveClose => "save and close",
            Action::NewSession => "new session",
            Action::AddEvidence => "add new evidence",
            Action::Detach => "detach",
            Action::Review => "mark reviewed by you",
            Action::FilterPicker => "filter (review)",
            Action::ClearFilter => "clear the filter",
            Action::SearchEvidence => "search the register",
            Action::EditEvidence => "edit entry",
            Action::AcceptNewVersion => "accept the file's new version",
            Action::RemoveEvidence => "remove unused entry",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Findings => "findings",
            Action::NewFinding => "new finding",
            Action::ToggleFacilitator => "facilitator view on/off",
            Action::ToggleNavigator => "navigator at any width on/off",
            Action::Agenda => "agenda (planned minutes)",
            Action::Delete => "delete",
            Action::GoTo => "go to its place",
            Action::History => "history of the requirement",
            Action::Decider => "who decides",
            Action::Participants => "participants",
            Action::Discussion => "discussion / dissent note",
            Action::SignOff => "sign off as final / reopen",
            Action::Add => "add",
            Action::Conflicts => "merge conflicts",
            Action::TakeOurs => "take ours",
            Action::TakeTheirs => "take theirs",
            Action::KeepBoth => "keep both notes",
            Action::EditConflict => "take ours and edit the note",
        };
        text.to_string()
    }

    /// The Chinese description, for footer hints when the workbench is in Chinese.
    pub fn describe_zh(self) -> String {
        let text = match self {
            Action::Quit => "退出",
            Action::Help => "帮助",
            Action::Palette => "跳转",
            Action::Summary => "汇总",
            Action::ToggleLang => "切换语言 EN/中文",
            Action::Undo => "撤销",
            Action::Redo => "重做",
            Action::NextRequirement => "下一条要求",
            Action::PrevRequirement => "上一条要求",
            Action::NextPractice => "下一个实践",
            Action::PrevPractice => "上一个实践",
            Action::NextUnanswered => "下一条未作答",
            Action::PrevUnanswered => "上一条未作答",
            Action::Met => "满足",
            Action::Partial => "部分满足",
            Action::NotMet => "不满足",
            Action::NotApplicable => "不适用",
            Action::Clear => "清除答案",
            Action::QuickLevel(n) => return format!("整个实践评为 L{n}，下一个实践"),
            Action::EditNote => "备注",
            Action::Evidence => "证据",
            Action::Flag => "标记待复核",
            Action::ToggleAutoAdvance => "自动前进 开/关",
            Action::Export => "导出报告",
            Action::Up => "上",
            Action::Down => "滚动",
            Action::NextField => "下一项",
            Action::PrevField => "上一项",
            Action::Left => "减少 / 左",
            Action::Right => "增加 / 右",
            Action::Toggle => "切换",
            Action::Confirm => "确定",
            Action::Cancel => "关闭",
            Action::SaveClose => "保存并关闭",
            Action::NewSession => "新建评估",
            Action::AddEvidence => "新增证据",
            Action::Detach => "解除关联",
            Action::Review => "标记为已复核",
            Action::FilterPicker => "筛选（复核）",
            Action::ClearFilter => "清除筛选",
            Action::SearchEvidence => "搜索证据",
            Action::EditEvidence => "编辑证据",
            Action::AcceptNewVersion => "接受文件新版本",
            Action::RemoveEvidence => "删除未使用的证据",
            Action::Yes => "是",
            Action::No => "否",
            Action::Findings => "发现项",
            Action::NewFinding => "新增发现项",
            Action::ToggleFacilitator => "主持视图 开/关",
            Action::ToggleNavigator => "任意宽度显示导航栏 开/关",
            Action::Agenda => "议程（计划分钟数）",
            Action::Delete => "删除",
            Action::GoTo => "转到所在位置",
            Action::History => "本条修改记录",
            Action::Decider => "决定人",
            Action::Participants => "参与人",
            Action::Discussion => "讨论 / 异议",
            Action::SignOff => "签署定稿 / 重新打开",
            Action::Add => "新增",
            Action::Conflicts => "合并冲突",
            Action::TakeOurs => "采用我方",
            Action::TakeTheirs => "采用对方",
            Action::KeepBoth => "保留双方备注",
            Action::EditConflict => "采用我方并编辑备注",
        };
        text.to_string()
    }
}
