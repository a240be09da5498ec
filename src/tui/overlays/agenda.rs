//! The agenda editor (`A`): planned minutes per part and domain in scope, changed in steps of
//! `MINUTES_STEP` and saved together on Enter; the time spent keeps running while it is open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::{Component, Edit, Effect, Env, Told};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::{AgendaRow, Session, clock};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The keys of the `Agenda` context.
pub const BINDINGS: &[Binding] = &[
    h("Enter", Action::Confirm),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Left", Action::Left),
    h("Right", Action::Right),
    h("Esc", Action::Cancel),
];

/// One press of ←/→.
pub const MINUTES_STEP: u32 = 5;

/// The agenda being edited: a draft of minutes per row, saved together on Enter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaEditor {
    pub rows: Vec<AgendaRow>,
    pub minutes: Vec<u32>,
    pub selected: usize,
    pub error: Option<String>,
}

impl AgendaEditor {
    /// The editor over the parts and domains in scope, with their plans.
    pub fn open(session: &Session, model: &LoadedModel) -> Self {
        let rows = session.agenda_rows(model);
        let minutes = rows
            .iter()
            .map(|r| r.planned_minutes.unwrap_or(0))
            .collect();
        Self {
            rows,
            minutes,
            selected: 0,
            error: None,
        }
    }

    /// The rows whose minutes changed, by agenda key.
    fn changes(&self) -> Vec<(String, u32)> {
        self.rows
            .iter()
            .zip(&self.minutes)
            .filter(|(r, m)| r.planned_minutes.unwrap_or(0) != **m)
            .map(|(r, m)| (r.key.clone(), *m))
            .collect()
    }
}

impl Component for AgendaEditor {
    fn context(&self) -> Context {
        Context::Agenda
    }

    fn update(&mut self, action: Action, _ctx: &Env) -> Effect {
        let last = self.rows.len().saturating_sub(1);
        let minutes = self.minutes.get_mut(self.selected);
        match (action, minutes) {
            (Action::Down, _) => self.selected = (self.selected + 1).min(last),
            (Action::Up, _) => self.selected = self.selected.saturating_sub(1),
            (Action::Left, Some(m)) => *m = m.saturating_sub(MINUTES_STEP),
            (Action::Right, Some(m)) => *m = (*m + MINUTES_STEP).min(24 * 60),
            (Action::Confirm, _) => {
                let changes = self.changes();
                if changes.is_empty() {
                    return Effect::Close;
                }
                return Effect::EditThenClose(Edit::Agenda(changes));
            }
            (Action::Cancel, _) => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let lang = ctx.lang;
        let h = u16::try_from(self.rows.len() + 5).unwrap_or(u16::MAX);
        let t = lang.texts().overlays;
        let title = fill(t.agenda_title, &[("step", &MINUTES_STEP.to_string())]);
        let inner = ctx.popup(area, 76, h, &title, Context::Agenda, buf);
        let w = usize::from(inner.width);
        let mut lines = vec![Line::from(Span::styled(
            padded(t.agenda_left, t.agenda_right, w),
            theme::get().bold,
        ))];
        let height = usize::from(inner.height).saturating_sub(2);
        let top = self.selected.saturating_sub(height.saturating_sub(1));
        let rows = self.rows.iter().zip(&self.minutes).enumerate();
        for (i, (row, minutes)) in rows.skip(top).take(height) {
            let planned = if *minutes == 0 {
                "–".to_string()
            } else {
                fill(t.minutes, &[("n", &minutes.to_string())])
            };
            // Live: the clock keeps running while the editor is open.
            let spent = ctx
                .work
                .map_or(row.spent_seconds, |w| w.session.agenda.spent(&row.key));
            let pad = 7usize.saturating_sub(planned.width());
            let right = format!("{:pad$}{planned}  {:>6}", "", clock(spent));
            let style = match (i == self.selected, row.is_part) {
                (true, _) => theme::get().selected,
                (false, true) => theme::get().bold,
                (false, false) => theme::get().text,
            };
            lines.push(Line::from(Span::styled(
                padded(&name(row, lang), &right, w),
                style,
            )));
        }
        if let Some(error) = &self.error {
            lines.push(Line::from(Span::styled(error.clone(), theme::get().error)));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        if let Told::Refused(why) = told {
            self.error = Some(why.clone());
        }
    }
}

/// An agenda row's name in `lang`, a domain indented under its part.
pub fn name(row: &AgendaRow, lang: Lang) -> String {
    let name = match lang {
        Lang::Zh => &row.name_zh,
        Lang::En => &row.name_en,
    };
    if row.is_part {
        name.clone()
    } else {
        format!("  {name}")
    }
}

/// `name ……… right`, the name cut to fit.
pub fn padded(left: &str, right: &str, width: usize) -> String {
    let left = truncate(left, width.saturating_sub(right.width() + 1));
    let pad = width.saturating_sub(left.width() + right.width());
    format!("{left}{}{right}", " ".repeat(pad))
}
