//! A yes/no question (`y` / `n`): quitting unsaved, viewing a session someone else writes,
//! deleting a finding, signing off, and a quick level that replaces answers (the question
//! lists what it finds or replaces). A yes closes it and the app does what was asked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Context;
use super::{Component, Edit, Effect, Env};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::widgets::wrap::wrap;

/// The keys of the `Confirm` context.
pub const BINDINGS: &[Binding] = &[
    h("y", Action::Yes),
    h("n", Action::No),
    b("Esc", Action::No),
];

/// What a yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    /// Quit although the last changes could not be saved.
    QuitUnsaved,
    /// Open the session in `App::pending_read_only` to view only.
    OpenReadOnly,
    /// An overlay's edit, asked about first (deleting a finding).
    Apply(Box<Edit>),
    /// Sign the session off as final.
    SignOff,
    /// Rate the current practice at this level, replacing the answers the question listed.
    QuickLevel(u8),
}

/// The question, and what a yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

impl Component for Confirm {
    fn context(&self) -> Context {
        Context::Confirm
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        if action == Action::Yes {
            Effect::Confirmed(self.on_yes.clone())
        } else {
            Effect::Close
        }
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let title = ctx.lang.texts().workbench.findings.confirm_title;
        // A question with a list (what a quick level replaces, what sign-off finds) grows the
        // box; a short one keeps it at seven rows.
        let w = area.width.saturating_sub(4).min(70);
        let rows: usize = self
            .question
            .split('\n')
            .map(|l| wrap(l, usize::from(w.saturating_sub(2))).len())
            .sum();
        let h = u16::try_from(rows + 2)
            .unwrap_or(u16::MAX)
            .clamp(7, area.height);
        let inner = ctx.popup(area, w, h, title, Context::Confirm, buf);
        Paragraph::new(self.question.clone())
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
