//! The evidence form (`a` or `c` in the register): title, kind and location of a new entry
//! or of one being changed. Enter saves (a local file is fingerprinted), Esc leaves.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Context;
use super::{Component, Env};
use super::{Edit, Effect, EvidenceDraft, Hints, Told};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::session::{Evidence, EvidenceType};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::field::field;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::popup::popup;

/// The keys of the `EvidenceForm` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    h("Tab", Action::NextField),
    b("S-Tab", Action::PrevField),
    b("Down", Action::NextField),
    b("Up", Action::PrevField),
    h("Left", Action::Left),
    b("Right", Action::Right),
    h("Esc", Action::Cancel),
];

/// The kinds in the order ←/→ walk them.
pub const EVIDENCE_KINDS: [EvidenceType; 6] = EvidenceType::ALL;

const TITLE: usize = 0;
const KIND: usize = 1;
const LOCATION: usize = 2;

/// A new evidence entry being typed, or an existing one being edited.
#[derive(Debug, Clone, Default)]
pub struct EvidenceForm {
    pub title: LineInput,
    pub kind: EvidenceType,
    pub location: LineInput,
    pub field: usize,
    pub error: Option<String>,
    /// The id of the entry being edited; None for a new one.
    pub editing: Option<String>,
}

impl EvidenceForm {
    /// The form filled with an existing entry, to edit it.
    pub fn edit(id: &str, e: &Evidence) -> Self {
        Self {
            title: LineInput::new(&e.title),
            kind: e.kind,
            location: LineInput::new(&e.location),
            editing: Some(id.to_string()),
            ..Self::default()
        }
    }

    /// The entry as typed.
    pub fn draft(&self) -> EvidenceDraft {
        EvidenceDraft {
            title: self.title.text.clone(),
            kind: self.kind,
            location: self.location.text.clone(),
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let kinds = EVIDENCE_KINDS.len();
        let at = EVIDENCE_KINDS
            .iter()
            .position(|k| *k == self.kind)
            .unwrap_or(0);
        match action {
            Action::NextField => self.field = (self.field + 1) % 3,
            Action::PrevField => self.field = (self.field + 2) % 3,
            Action::Left if self.field == KIND => {
                self.kind = EVIDENCE_KINDS[(at + kinds - 1) % kinds]
            }
            Action::Right if self.field == KIND => self.kind = EVIDENCE_KINDS[(at + 1) % kinds],
            Action::Confirm => {
                let edit = match &self.editing {
                    Some(id) => Edit::ChangeEvidence(id.clone(), self.draft()),
                    None => Edit::AddEvidence(self.draft()),
                };
                return Effect::EditThenClose(edit);
            }
            Action::Cancel => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    /// A refused save shows under the fields.
    pub fn told(&mut self, told: &Told) {
        if let Told::Refused(why) = told {
            self.error = Some(why.clone());
        }
    }

    /// Typed text into the field in focus.
    pub fn input(&mut self, key: KeyEvent) {
        match self.field {
            TITLE => self.title.input(key),
            LOCATION => self.location.input(key),
            _ => false,
        };
        self.error = None;
    }

    /// Pasted text; false when the focus is on no text field.
    pub fn paste(&mut self, text: &str) -> bool {
        match self.field {
            TITLE => self.title.paste(text),
            LOCATION => self.location.paste(text),
            _ => return false,
        }
        self.error = None;
        true
    }

    pub fn draw(&self, lang: Lang, hints: Hints, area: Rect, buf: &mut Buffer) {
        let words = lang.texts().workbench;
        let w = &words.register;
        let title = match &self.editing {
            Some(id) => fill(w.edit, &[("id", id)]),
            None => w.new.to_string(),
        };
        let width = area.width.saturating_sub(8).min(90);
        let inner = popup(area, width, 9, &title, hints, buf);
        let kind = capitalized(words.evidence_type(self.kind));
        let mut lines = vec![
            field(w.fields[0], self.title.text.clone(), self.field == TITLE),
            field(w.fields[1], format!("◀ {kind} ▶"), self.field == KIND),
            field(
                w.fields[2],
                self.location.text.clone(),
                self.field == LOCATION,
            ),
            Line::from(Span::styled(w.form_note, theme::get().muted)),
        ];
        if let Some(err) = &self.error {
            lines.push(Line::from(Span::styled(err.clone(), theme::get().error)));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

/// `document` → `Document` (Chinese is left as it is).
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

impl Component for EvidenceForm {
    fn context(&self) -> Context {
        Context::EvidenceForm
    }

    fn update(&mut self, action: Action, _env: &Env) -> Effect {
        EvidenceForm::update(self, action)
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        let hints = env.hints_of(Context::EvidenceForm);
        EvidenceForm::draw(self, env.lang, hints, area, buf);
    }

    fn input(&mut self, key: KeyEvent) {
        EvidenceForm::input(self, key);
    }

    fn paste(&mut self, text: &str) -> bool {
        EvidenceForm::paste(self, text)
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        EvidenceForm::told(self, told);
    }
}
