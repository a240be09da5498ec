//! The finding form (`!` on a requirement, Enter in the findings view): title, severity,
//! description, recommendation, owner, due date and what the finding is tied to. Long texts
//! wrap; Ctrl-S (or Enter outside the description) saves.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::findings::{cell, tie_word};
use super::{Component, Env};
use super::{Ctx, Edit, Effect, Hints, Told};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::session::{Finding, Severity, domain_key};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::wrap::{editor_rows, truncate, wrap_cut};

/// The keys of the `FindingForm` context. No ↑/↓ here: they move the cursor in the
/// description. Enter there is a line break.
pub const BINDINGS: &[Binding] = &[
    h("C-s", Action::SaveClose),
    b("Enter", Action::Confirm),
    h("Tab", Action::NextField),
    b("S-Tab", Action::PrevField),
    h("Left", Action::Left),
    b("Right", Action::Right),
    h("Esc", Action::Cancel),
];

const TITLE: usize = 0;
const SEVERITY: usize = 1;
const DESCRIPTION: usize = 2;
const RECOMMENDATION: usize = 3;
const OWNER: usize = 4;
const DUE: usize = 5;
const TIE: usize = 6;
const FIELDS: usize = 7;

/// A finding being written or edited.
#[derive(Debug, Clone)]
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
    pub fn new(ctx: &Ctx, id: Option<String>, finding: &Finding, requirement: usize) -> Self {
        let index = &ctx.model.index;
        let rref = &index.requirements[requirement];
        let mut ties = vec![
            rref.id.clone(),
            index.practices[rref.practice].id.clone(),
            domain_key(ctx.model, rref.practice),
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

    /// A new finding on the requirement at the cursor.
    pub fn on_requirement(ctx: &Ctx) -> Self {
        let finding = Finding {
            tie: ctx.requirement_id().to_string(),
            ..Finding::default()
        };
        Self::new(ctx, None, &finding, ctx.requirement)
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

    pub fn update(&mut self, action: Action) -> Effect {
        // In the description, Enter is a line break and ←/→ move the cursor.
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match action {
            Action::Confirm if self.field == DESCRIPTION => self.input(key(KeyCode::Enter)),
            Action::Left if self.field == DESCRIPTION => self.input(key(KeyCode::Left)),
            Action::Right if self.field == DESCRIPTION => self.input(key(KeyCode::Right)),
            Action::NextField => self.step(true),
            Action::PrevField => self.step(false),
            Action::Left => self.change(false),
            Action::Right => self.change(true),
            Action::Confirm | Action::SaveClose => {
                let (id, finding) = (self.id.clone(), self.finding());
                return Effect::EditThenClose(Edit::SaveFinding { id, finding });
            }
            Action::Cancel => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    /// A refused save shows at the bottom of the form.
    pub fn told(&mut self, told: &Told) {
        if let Told::Refused(why) = told {
            self.error = Some(why.clone());
        }
    }

    /// The one-line input in focus, if the focus is on one.
    fn line_input(&mut self) -> Option<&mut LineInput> {
        match self.field {
            TITLE => Some(&mut self.title),
            RECOMMENDATION => Some(&mut self.recommendation),
            OWNER => Some(&mut self.owner),
            DUE => Some(&mut self.due),
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
        self.field = (self.field + if forward { 1 } else { FIELDS - 1 }) % FIELDS;
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

    pub fn draw(&self, ctx: &Ctx, hints: Hints, area: Rect, buf: &mut Buffer) {
        let lang = ctx.lang();
        let words = &lang.texts().workbench.findings;
        let title = match &self.id {
            Some(id) => fill(words.edit, &[("id", id)]),
            None => words.new.to_string(),
        };
        let h = area.height.saturating_sub(2).min(22);
        let w = area.width.saturating_sub(6).min(100);
        let inner = popup(area, w, h, &title, hints, buf);
        let label_w = words.fields.iter().map(|f| f.width()).max().unwrap_or(0) + 2;
        let value_w = usize::from(inner.width).saturating_sub(label_w + 1);
        // A long recommendation wraps onto up to three rows; the description takes the rest
        // after the other one-line fields and the error line.
        let rec = wrap_cut(&self.recommendation.text, value_w.saturating_sub(1), 3);
        let rec_h = u16::try_from(rec.len()).unwrap_or(1);
        let desc_h = inner.height.saturating_sub(7 + rec_h).max(1);
        let mut y = inner.y;
        for (i, name) in words.fields.iter().enumerate() {
            let focused = self.field == i;
            let rows = match i {
                DESCRIPTION => desc_h,
                RECOMMENDATION => rec_h,
                _ => 1,
            };
            if y + rows > inner.y + inner.height {
                break;
            }
            let style = if focused {
                theme::get().selected
            } else {
                theme::get().bold
            };
            let label = Rect::new(inner.x, y, inner.width.min(label_w as u16), 1);
            Paragraph::new(Span::styled(cell(name, label_w - 1), style)).render(label, buf);
            let value = Rect::new(inner.x + label_w as u16, y, value_w as u16, rows);
            self.draw_value(ctx, i, &rec, value, buf);
            y += rows;
        }
        if let Some(error) = &self.error {
            let row = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
            Paragraph::new(Span::styled(error.clone(), theme::get().error)).render(row, buf);
        }
    }

    /// The description being edited, wrapped at the field's width so no text hides past its
    /// edge; the rows around the cursor are shown, the cursor as a highlighted cell.
    fn draw_editor(&self, area: Rect, buf: &mut Buffer) {
        let cursor = self.description.cursor();
        let cursor = (cursor.0, cursor.1);
        let lines = self.description.lines();
        let (rows, (row, col)) = editor_rows(lines, cursor, usize::from(area.width));
        let height = usize::from(area.height).max(1);
        let top = row.saturating_sub(height - 1);
        let shown: Vec<Line> = rows
            .into_iter()
            .skip(top)
            .take(height)
            .map(Line::from)
            .collect();
        Paragraph::new(shown).render(area, buf);
        let x = area.x + u16::try_from(col).unwrap_or(u16::MAX);
        let y = area.y + u16::try_from(row - top).unwrap_or(u16::MAX);
        if x < area.right() && y < area.bottom() {
            buf[(x, y)].set_style(theme::get().selected);
        }
    }

    /// Field `i`'s value in `area`: the description's editor while it has the focus (its
    /// text wrapped otherwise), the severity scale, or a text with the caret when focused.
    fn draw_value(&self, ctx: &Ctx, i: usize, rec: &[String], area: Rect, buf: &mut Buffer) {
        let focused = self.field == i;
        let width = usize::from(area.width);
        let caret = Span::styled(if focused { "▏" } else { "" }, theme::get().key);
        let lines: Vec<Line> = match i {
            DESCRIPTION if focused => return self.draw_editor(area, buf),
            DESCRIPTION => {
                let text = self.description.lines().join("\n");
                let rows = usize::from(area.height);
                wrap_cut(&text, width, rows)
                    .into_iter()
                    .map(Line::from)
                    .collect()
            }
            SEVERITY => vec![severity_scale(self.severity, ctx.lang())],
            RECOMMENDATION => {
                let mut lines: Vec<Line> = rec.iter().cloned().map(Line::from).collect();
                if let Some(last) = lines.last_mut() {
                    last.push_span(caret);
                }
                lines
            }
            TIE => vec![Line::from(truncate(
                &tie_text(ctx, self),
                width.saturating_sub(1),
            ))],
            _ => {
                let text = match i {
                    TITLE => &self.title.text,
                    OWNER => &self.owner.text,
                    _ => &self.due.text,
                };
                vec![Line::from(vec![
                    Span::raw(truncate(text, width.saturating_sub(1))),
                    caret,
                ])]
            }
        };
        Paragraph::new(lines).render(area, buf);
    }
}

/// A text area holding `text`, the cursor at its end.
fn editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// The severities from least to most severe, left to right, the chosen one marked: → moves
/// towards High as drawn, ← towards Info.
fn severity_scale(chosen: Severity, lang: Lang) -> Line<'static> {
    let mut spans = vec![Span::styled("◂ ", theme::get().key)];
    for (i, severity) in Severity::ALL.iter().rev().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::get().muted));
        }
        let label = lang.texts().terms.severity(*severity);
        spans.push(if *severity == chosen {
            Span::styled(format!("[{label}]"), theme::severity(chosen))
        } else {
            Span::styled(label.to_string(), theme::get().muted)
        });
    }
    spans.push(Span::styled(" ▸", theme::get().key));
    Line::from(spans)
}

/// `◂ practice cd.config.vc.vcs ▸`
fn tie_text(ctx: &Ctx, form: &FindingForm) -> String {
    let tie = form.ties.get(form.tie).cloned().unwrap_or_default();
    format!("◂ {} {tie} ▸", tie_word(ctx, &tie))
}

impl Component for FindingForm {
    fn context(&self) -> Context {
        Context::FindingForm
    }

    fn update(&mut self, action: Action, _env: &Env) -> Effect {
        FindingForm::update(self, action)
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        if let Some(ctx) = &env.work {
            FindingForm::draw(self, ctx, env.hints_of(Context::FindingForm), area, buf);
        }
    }

    fn input(&mut self, key: KeyEvent) {
        FindingForm::input(self, key);
    }

    fn paste(&mut self, text: &str) -> bool {
        FindingForm::paste(self, text)
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        FindingForm::told(self, told);
    }
}
