//! Why the current requirement does not apply (`x`): the answer N/A is made only once a
//! justification is confirmed.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Context;
use super::{Component, Edit, Effect, Env, Told, prompt};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, h};
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;

/// The keys of the `Justify` context.
pub const BINDINGS: &[Binding] = &[h("Enter", Action::Confirm), h("Esc", Action::Cancel)];

/// The justification being typed, and why the last try was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Justify {
    pub input: LineInput,
    pub error: Option<String>,
}

impl Justify {
    /// Opens on the requirement's current justification.
    pub fn open(current: &str) -> Self {
        Self {
            input: LineInput::new(current),
            error: None,
        }
    }
}

impl Component for Justify {
    fn context(&self) -> Context {
        Context::Justify
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        match action {
            Action::Confirm => Effect::EditThenClose(Edit::NotApplicable(self.input.text.clone())),
            _ => Effect::Close,
        }
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let t = ctx.lang.texts().overlays;
        let wide = area.width.saturating_sub(8).min(110);
        let inner = ctx.popup(area, wide, 8, t.justify_title, Context::Justify, buf);
        let text = ctx
            .work
            .map(|seen| seen.requirement_text(seen.requirement).to_string());
        let context = Line::from(Span::styled(text.unwrap_or_default(), theme::get().muted));
        let error = self.error.as_deref();
        prompt(
            Some(context),
            t.justify_label,
            &self.input,
            error,
            inner,
            buf,
        );
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
