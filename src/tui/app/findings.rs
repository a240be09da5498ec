//! The findings view and the finding form: `F` lists the session's findings (severity, then
//! due date), `!` adds one on the current requirement. Every change is a core function.

use crate::lang::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use super::{App, LineInput, OnYes, Overlay, Screen, Work};
use crate::i18n::workbench::Words;
use crate::session::{Finding, Severity, domain_key};
use crate::tui::action::Action;

/// The form's fields, in tab order.
pub const FINDING_FIELDS: [&str; 7] = crate::i18n::workbench::EN.findings.fields;
const DESCRIPTION: usize = 2;
const SEVERITY: usize = 1;
const TIE: usize = 6;

/// A finding being written or edited.
#[derive(Debug)]
pub struct FindingForm {
    /// The finding being edited; None for a new one.
    pub id: Option<String>,
    pub title: LineInput,
    pub severity: Severity,
    /// Multi-line, edited as the note is.
    pub description: TextArea<'static>,
    pub recommendation: LineInput,
    pub owner: LineInput,
    pub due: LineInput,
    /// What it can be tied to: the requirement, its practice, its domain (full ids).
    pub ties: Vec<String>,
    pub tie: usize,
    pub field: usize,
    pub error: Option<String>,
}

impl FindingForm {
    /// A form over `finding`; the tie choices are those of `requirement` (the finding's own
    /// tie first when it is none of them).
    pub fn new(work: &Work, id: Option<String>, finding: &Finding, requirement: usize) -> Self {
        let rref = &work.model.index.requirements[requirement];
        let mut ties = vec![
            rref.id.clone(),
            work.model.index.practices[rref.practice].id.clone(),
            domain_key(&work.model, rref.practice),
        ];
        if !finding.tie.is_empty() && !ties.contains(&finding.tie) {
            ties.insert(0, finding.tie.clone());
        }
        let tie = ties.iter().position(|t| *t == finding.tie).unwrap_or(0);
        Self {
            id,
            title: LineInput::new(&finding.title),
            severity: finding.severity,
            description: editor(&finding.description),
            recommendation: LineInput::new(&finding.recommendation),
            owner: LineInput::new(&finding.owner),
            due: LineInput::new(&finding.due),
            ties,
            tie,
            field: 0,
            error: None,
        }
    }

    /// The finding as typed.
    pub fn finding(&self) -> Finding {
        Finding {
            title: self.title.text.clone(),
            severity: self.severity,
            description: self.description.lines().join("\n"),
            recommendation: self.recommendation.text.clone(),
            owner: self.owner.text.clone(),
            due: self.due.text.clone(),
            tie: self.ties.get(self.tie).cloned().unwrap_or_default(),
            ..Finding::default()
        }
    }

    /// The one-line input in focus, if the focus is on one.
    pub fn line_input(&mut self) -> Option<&mut LineInput> {
        match self.field {
            0 => Some(&mut self.title),
            3 => Some(&mut self.recommendation),
            4 => Some(&mut self.owner),
            5 => Some(&mut self.due),
            _ => None,
        }
    }

    /// Typed text: into the description editor or the focused line.
    pub fn input(&mut self, key: KeyEvent) {
        if self.field == DESCRIPTION {
            self.description.input(key);
        } else if let Some(input) = self.line_input() {
            input.input(key);
        }
        self.error = None;
    }

    /// Pasted text; returns false when no text field has focus.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.field == DESCRIPTION {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            self.description.insert_str(text.replace('\t', "    "));
        } else if let Some(input) = self.line_input() {
            input.paste(text);
        } else {
            return false;
        }
        self.error = None;
        true
    }

    fn step(&mut self, forward: bool) {
        let n = FINDING_FIELDS.len();
        self.field = (self.field + if forward { 1 } else { n - 1 }) % n;
    }

    fn change(&mut self, up: bool) {
        match self.field {
            SEVERITY => {
                // Drawn from Info on the left to High on the right (`Severity::ALL` reversed):
                // → raises the severity, ← lowers it, and each stops at its end.
                let all = Severity::ALL;
                let pos = all.iter().position(|s| *s == self.severity).unwrap_or(0);
                let next = if up {
                    pos.saturating_sub(1)
                } else {
                    (pos + 1).min(all.len() - 1)
                };
                self.severity = all[next];
            }
            TIE if !self.ties.is_empty() => {
                let n = self.ties.len();
                self.tie = (self.tie + if up { 1 } else { n - 1 }) % n;
            }
            _ => {}
        }
    }
}

/// A text area holding `text`, the cursor at its end.
fn editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// The findings view's selection.
#[derive(Debug, Clone, Default)]
pub struct FindingsList {
    pub selected: usize,
    /// The finding a "delete?" question is about.
    pub pending_delete: Option<String>,
}

impl App {
    /// `!`: a new finding on the current requirement.
    pub(super) fn open_new_finding(&mut self) {
        let Some(work) = &self.work else { return };
        let tie = work.requirement_id();
        let finding = Finding {
            tie,
            ..Finding::default()
        };
        let form = FindingForm::new(work, None, &finding, work.requirement);
        self.overlays.push(Overlay::FindingForm(Box::new(form)));
    }

    /// Finding ids in the view's order.
    pub fn finding_ids(&self) -> Vec<String> {
        self.work.as_ref().map_or_else(Vec::new, |w| {
            w.session
                .findings_sorted()
                .into_iter()
                .map(|(id, _)| id.clone())
                .collect()
        })
    }

    pub(super) fn update_findings_list(&mut self, action: Action) {
        let ids = self.finding_ids();
        let read_only = self.work.as_ref().and_then(|w| w.read_only.clone());
        let lang = self.lang();
        let said = &lang.texts().workbench.findings;
        let Some(Overlay::Findings(list)) = self.overlays.last_mut() else {
            return;
        };
        let selected = ids.get(list.selected).cloned();
        match action {
            Action::Down => list.selected = (list.selected + 1).min(ids.len().saturating_sub(1)),
            Action::Up => list.selected = list.selected.saturating_sub(1),
            Action::Cancel => {
                self.overlays.pop();
            }
            _ if selected.is_none() => {
                self.message = Some(said.none_yet.into());
            }
            Action::Delete | Action::Confirm if read_only.is_some() => {
                let holder = read_only.unwrap_or_default();
                self.message = Some(Words::fill(
                    said.read_only,
                    &[("holder", &holder.to_string())],
                ));
            }
            Action::Delete => {
                let id = selected.unwrap_or_default();
                list.pending_delete = Some(id.clone());
                let title = self
                    .work
                    .as_ref()
                    .map_or(String::new(), |w| w.session.findings[&id].title.clone());
                self.overlays
                    .push(Overlay::Confirm(crate::tui::overlays::confirm::Confirm {
                        question: Words::fill(said.delete, &[("id", &id), ("title", &title)]),
                        on_yes: OnYes::DeleteFinding,
                    }));
            }
            Action::Confirm => {
                let Some(work) = &self.work else { return };
                let id = selected.unwrap_or_default();
                let finding = work.session.findings[&id].clone();
                let at = tie_requirement(work, &finding.tie).unwrap_or(work.requirement);
                let form = FindingForm::new(work, Some(id), &finding, at);
                self.overlays.push(Overlay::FindingForm(Box::new(form)));
            }
            Action::GoTo => {
                let Some(work) = &mut self.work else { return };
                let tie = work.session.findings[&selected.unwrap_or_default()]
                    .tie
                    .clone();
                if let Some(r) = tie_requirement(work, &tie) {
                    work.jump(r);
                    self.overlays.pop();
                    self.screen = Screen::Assessment;
                    work.session.cursor.screen = "assessment".into();
                }
            }
            _ => {}
        }
    }

    /// The answer yes to "delete finding …?".
    pub(super) fn delete_pending_finding(&mut self) {
        let who = self.who.clone();
        let Some(Overlay::Findings(list)) = self.overlays.last_mut() else {
            return;
        };
        let Some(id) = list.pending_delete.take() else {
            return;
        };
        list.selected = list.selected.saturating_sub(1);
        if let Some(work) = &mut self.work
            && let Err(e) = work.edit(|s, _| s.remove_finding(&id, &who).map(|_| ()))
        {
            self.message = Some(work.lang().texts().workbench.edit_error(&e));
        }
    }

    pub(super) fn update_finding_form(&mut self, action: Action) {
        let who = self.who.clone();
        let Some(Overlay::FindingForm(form)) = self.overlays.last_mut() else {
            return;
        };
        // In the description, Enter is a line break and ←/→ move the cursor.
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match action {
            Action::Confirm if form.field == DESCRIPTION => form.input(key(KeyCode::Enter)),
            Action::Left if form.field == DESCRIPTION => form.input(key(KeyCode::Left)),
            Action::Right if form.field == DESCRIPTION => form.input(key(KeyCode::Right)),
            Action::NextField => form.step(true),
            Action::PrevField => form.step(false),
            Action::Left => form.change(false),
            Action::Right => form.change(true),
            Action::Confirm | Action::SaveClose => {
                let (id, finding) = (form.id.clone(), form.finding());
                let title = finding.title.trim().to_string();
                let Some(work) = &mut self.work else { return };
                let mut new_id = None;
                let result = work.edit(|s, m| match &id {
                    Some(id) => s.update_finding(m, id, finding, &who),
                    None => s.add_finding(m, finding, &who).map(|id| new_id = Some(id)),
                });
                match result {
                    Ok(()) => {
                        self.overlays.pop();
                        let id = id.or(new_id).unwrap_or_default();
                        let what = if work.lang() == Lang::Zh {
                            "发现项"
                        } else {
                            "finding"
                        };
                        self.last_change = Some(format!("{what} {id} · {}", title));
                    }
                    Err(e) => form.error = Some(work.lang().texts().workbench.edit_error(&e)),
                }
            }
            Action::Cancel => {
                self.overlays.pop();
            }
            _ => {}
        }
    }
}

/// The requirement to show for a tie: the requirement itself, or where entering the practice
/// (or the domain's first practice in scope) lands.
pub fn tie_requirement(work: &Work, tie: &str) -> Option<usize> {
    let index = &work.model.index;
    if let Some(r) = index.requirement(tie) {
        return Some(r);
    }
    if let Some(p) = index.practice(tie) {
        return work.entry_of(p);
    }
    let p = work
        .practices()
        .into_iter()
        .find(|&p| domain_key(&work.model, p) == tie)?;
    work.entry_of(p)
}

/// Which findings mark a requirement row, and a practice's header (its own and its domain's).
pub fn finding_marks(work: &Work, tie: &str) -> String {
    let ids: Vec<&str> = work.session.findings_on(tie).map(String::as_str).collect();
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ◆{}", ids.join(","))
    }
}
