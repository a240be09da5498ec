//! Why the current requirement takes an answer that needs a reason (`x`: not applicable; any
//! other option its scale marks `justify`): the answer is made only once a reason is
//! confirmed.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Context;
use super::{Component, Edit, Effect, Env, Told, prompt};
use crate::session::{Status, scale};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, h};
use crate::tui::theme;
use crate::tui::widgets::line_input::LineInput;

/// The keys of the `Justify` context.
pub const BINDINGS: &[Binding] = &[h("Enter", Action::Confirm), h("Esc", Action::Cancel)];

/// The answer asked for, the reason being typed, and why the last try was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Justify {
    pub answer: Status,
    pub input: LineInput,
    pub error: Option<String>,
}

impl Justify {
    /// Opens for `answer` on the requirement's current reason.
    pub fn open(answer: Status, current: &str) -> Self {
        Self {
            answer,
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
            Action::Confirm => {
                Effect::EditThenClose(Edit::Justified(self.answer, self.input.text.clone()))
            }
            _ => Effect::EditThenClose(Edit::Declined(self.answer)),
        }
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let t = ctx.lang.texts().overlays;
        let wide = area.width.saturating_sub(8).min(110);
        // The answer in the scale's words: "Not applicable: why?" on CAICT's.
        let id = self.answer.id();
        let answer = ctx
            .work
            .and_then(|seen| {
                scale::answer_label(Some(seen.model), seen.requirement_id(), id, ctx.lang)
            })
            .unwrap_or(id);
        let title = crate::i18n::fill(t.justify_title, &[("answer", answer)]);
        let inner = ctx.popup(area, wide, 8, &title, Context::Justify, buf);
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
