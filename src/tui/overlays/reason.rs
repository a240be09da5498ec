//! Why a final session is reopened (`S` on a final session): required, and logged.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Context;
use super::{Component, Edit, Effect, Env, Told, prompt};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, h};
use crate::tui::widgets::line_input::LineInput;

/// The keys of the `Reason` context.
pub const BINDINGS: &[Binding] = &[h("Enter", Action::Confirm), h("Esc", Action::Cancel)];

/// The reason being typed, and why the last try was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reason {
    pub input: LineInput,
    pub error: Option<String>,
}

impl Component for Reason {
    fn context(&self) -> Context {
        Context::Reason
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        match action {
            Action::Confirm => Effect::EditThenClose(Edit::Reopen(self.input.text.clone())),
            _ => Effect::Close,
        }
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let w = ctx.lang.texts().workbench;
        let inner = ctx.popup(area, 70, 7, w.reopen_title, Context::Reason, buf);
        let error = self.error.as_deref();
        prompt(None, w.reopen_label, &self.input, error, inner, buf);
    }

    fn input(&mut self, key: KeyEvent) {
        self.input.input(key);
        self.error = None;
    }

    fn paste(&mut self, text: &str) -> bool {
        self.input.paste(text);
        self.error = None;
        true
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        if let Told::Refused(why) = told {
            self.error = Some(why.clone());
        }
    }
}
