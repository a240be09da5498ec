//! The participants (`P`): who is in the room and their roles; `a` adds, Enter edits the
//! role, `d` removes. Adding or editing types one `Name: Role` line (its own context).

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Context;
use super::decider::shown;
use super::{Component, Edit, Effect, Env, Told};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;

/// The keys of the `Participants` context.
pub const BINDINGS: &[Binding] = &[
    h("a", Action::Add),
    h("Enter", Action::Confirm),
    h("d", Action::Delete),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// The keys of the `ParticipantForm` context (the `Name: Role` line).
pub const FORM_BINDINGS: &[Binding] = &[h("Enter", Action::Confirm), h("Esc", Action::Cancel)];

/// The participants editor: a list, and a `Name: Role` line while adding or editing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParticipantsState {
    pub selected: usize,
    /// The line being typed, and the participant it edits (None adds a new one).
    pub form: Option<(LineInput, Option<String>)>,
    pub error: Option<String>,
    /// Where the bar goes once the edit asked for is made.
    after: Option<usize>,
}

impl ParticipantsState {
    fn update_form(&mut self, action: Action, count: usize) -> Effect {
        let Some((input, editing)) = &self.form else {
            return Effect::None;
        };
        if action != Action::Confirm {
            self.form = None;
            return Effect::None;
        }
        self.after = editing.is_none().then_some(count).or(Some(self.selected));
        Effect::Edit(Edit::Participant {
            line: input.text.clone(),
            editing: editing.clone(),
        })
    }
}

impl Component for ParticipantsState {
    fn context(&self) -> Context {
        if self.form.is_some() {
            Context::ParticipantForm
        } else {
            Context::Participants
        }
    }

    fn update(&mut self, action: Action, ctx: &Env) -> Effect {
        let Some(seen) = ctx.work else {
            return Effect::Close;
        };
        let people = &seen.session.participants;
        let count = people.len();
        self.error = None;
        if self.form.is_some() {
            return self.update_form(action, count);
        }
        let selected = people.get(self.selected);
        match action {
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Add => self.form = Some((LineInput::default(), None)),
            Action::Confirm => {
                self.form = Some(match selected {
                    Some(p) => {
                        let text = format!("{}: {}", p.name, p.role);
                        (LineInput::new(&text), Some(p.name.clone()))
                    }
                    None => (LineInput::default(), None),
                });
            }
            Action::Delete => {
                if let Some(p) = selected {
                    self.after = Some(self.selected.min(count.saturating_sub(2)));
                    return Effect::Edit(Edit::RemoveParticipant(p.name.clone()));
                }
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let Some(seen) = ctx.work else { return };
        let t = ctx.lang.texts().overlays;
        let people = &seen.session.participants;
        let h = u16::try_from(people.len())
            .unwrap_or(u16::MAX)
            .saturating_add(7)
            .min(22);
        let inner = ctx.popup(area, 70, h, t.participants_title, self.context(), buf);
        let mut lines: Vec<Line> = people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let style = if i == self.selected && self.form.is_none() {
                    theme::get().selected
                } else {
                    theme::get().text
                };
                Line::from(Span::styled(format!(" {} ", shown(p)), style))
            })
            .collect();
        if people.is_empty() {
            lines.push(Line::from(Span::styled(
                t.no_participants,
                theme::get().muted,
            )));
        }
        if let Some((input, _)) = &self.form {
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(t.name_role, theme::get().muted),
                Span::raw(input.text.clone()),
                Span::styled("▏", theme::get().key),
            ]));
        }
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(e.clone(), theme::get().error)));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    fn input(&mut self, key: KeyEvent) {
        if let Some((input, _)) = &mut self.form {
            input.input(key);
        }
    }

    fn paste(&mut self, text: &str) -> bool {
        match &mut self.form {
            Some((input, _)) => {
                input.paste(text);
                true
            }
            None => false,
        }
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        let after = self.after.take();
        match told {
            Told::Done { .. } => {
                self.form = None;
                if let Some(selected) = after {
                    self.selected = selected;
                }
            }
            Told::Refused(why) => self.error = Some(why.clone()),
        }
    }
}
