//! Every user intent the workbench understands. Keys become actions (see `keymap`); only
//! `App::update` turns an action into a change of state.

use crate::i18n::{Lang, fill};

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

    /// A short description for help and footer hints, in `lang`.
    pub fn describe_in(self, lang: Lang) -> String {
        let t = lang.texts().actions;
        let text = match self {
            Action::Quit => t.quit,
            Action::Help => t.help,
            Action::Palette => t.palette,
            Action::Summary => t.summary,
            Action::ToggleLang => t.toggle_lang,
            Action::Undo => t.undo,
            Action::Redo => t.redo,
            Action::NextRequirement => t.next_requirement,
            Action::PrevRequirement => t.prev_requirement,
            Action::NextPractice => t.next_practice,
            Action::PrevPractice => t.prev_practice,
            Action::NextUnanswered => t.next_unanswered,
            Action::PrevUnanswered => t.prev_unanswered,
            Action::Met => t.met,
            Action::Partial => t.partial,
            Action::NotMet => t.not_met,
            Action::NotApplicable => t.not_applicable,
            Action::Clear => t.clear,
            Action::QuickLevel(_) => t.quick_level,
            Action::EditNote => t.edit_note,
            Action::Evidence => t.evidence,
            Action::Flag => t.flag,
            Action::ToggleAutoAdvance => t.toggle_auto_advance,
            Action::Export => t.export,
            Action::Up => t.up,
            Action::Down => t.down,
            Action::NextField => t.next_field,
            Action::PrevField => t.prev_field,
            Action::Left => t.left,
            Action::Right => t.right,
            Action::Toggle => t.toggle,
            Action::Confirm => t.confirm,
            Action::Cancel => t.cancel,
            Action::SaveClose => t.save_close,
            Action::NewSession => t.new_session,
            Action::AddEvidence => t.add_evidence,
            Action::Detach => t.detach,
            Action::Review => t.review,
            Action::FilterPicker => t.filter_picker,
            Action::ClearFilter => t.clear_filter,
            Action::SearchEvidence => t.search_evidence,
            Action::EditEvidence => t.edit_evidence,
            Action::AcceptNewVersion => t.accept_new_version,
            Action::RemoveEvidence => t.remove_evidence,
            Action::Yes => t.yes,
            Action::No => t.no,
            Action::Findings => t.findings,
            Action::NewFinding => t.new_finding,
            Action::ToggleFacilitator => t.toggle_facilitator,
            Action::Agenda => t.agenda,
            Action::Delete => t.delete,
            Action::GoTo => t.go_to,
            Action::History => t.history,
            Action::Decider => t.decider,
            Action::Participants => t.participants,
            Action::Discussion => t.discussion,
            Action::SignOff => t.sign_off,
            Action::Add => t.add,
            Action::ToggleNavigator => t.toggle_navigator,
            Action::Conflicts => t.conflicts,
            Action::TakeOurs => t.take_ours,
            Action::TakeTheirs => t.take_theirs,
            Action::KeepBoth => t.keep_both,
            Action::EditConflict => t.edit_conflict,
        };
        match self {
            Action::QuickLevel(n) => fill(text, &[("n", &n.to_string())]),
            _ => text.to_string(),
        }
    }

    /// The English description (KEYS.md, messages that quote an action).
    pub fn describe(self) -> String {
        self.describe_in(Lang::En)
    }
}
