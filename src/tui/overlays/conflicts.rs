//! The conflicts queue (`M`; a session a merge left with conflicts opens on it): the list of
//! what the merge left and, for the selected one, the requirement's text and base / ours /
//! theirs side by side with who, when, note and evidence. Its keys take ours, take theirs,
//! keep both notes, or take ours and edit the note; each is a `Resolve` edit the app makes
//! (a logged core call, saved at once).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{Component, Context, Edit, Effect, Env};
use crate::lang::Lang;
use crate::model::LoadedModel;
use crate::session::{Conflict, ConflictSide, ConflictValue, Session, answer_text};
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h, hints_of};
use crate::tui::theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::wrap::truncate;

/// The keys of the `Conflicts` context.
pub const BINDINGS: &[Binding] = &[
    h("o", Action::TakeOurs),
    h("t", Action::TakeTheirs),
    h("b", Action::KeepBoth),
    h("e", Action::EditConflict),
    b("Down", Action::Down),
    b("j", Action::Down),
    b("Up", Action::Up),
    b("k", Action::Up),
    h("Esc", Action::Cancel),
];

/// How a conflict is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Ours,
    Theirs,
    /// Both notes kept (an answer's note conflict).
    BothNotes,
    /// Ours, then the note opens in the editor.
    OursThenEditNote,
}

/// The selected conflict (by position in the session's list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conflicts {
    pub selected: usize,
}

impl Conflicts {
    pub fn update(&mut self, action: Action, session: &Session) -> Effect {
        let count = session.conflicts.len();
        self.selected = self.selected.min(count.saturating_sub(1));
        let how = match action {
            Action::Down => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1));
                return Effect::None;
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                return Effect::None;
            }
            Action::TakeOurs => Resolution::Ours,
            Action::TakeTheirs => Resolution::Theirs,
            Action::KeepBoth => Resolution::BothNotes,
            Action::EditConflict => Resolution::OursThenEditNote,
            _ => return Effect::Close,
        };
        let Some(id) = session.conflicts.keys().nth(self.selected).cloned() else {
            return Effect::Close;
        };
        let edit = Edit::Resolve { id, how };
        // The queue stays open while conflicts remain (and the note editor is not next).
        if count <= 1 || how == Resolution::OursThenEditNote {
            Effect::EditThenClose(edit)
        } else {
            Effect::Edit(edit)
        }
    }

    pub fn draw(
        &self,
        session: &Session,
        model: &LoadedModel,
        lang: Lang,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = lang.texts().teams;
        let conflicts = &session.conflicts;
        // After a resolution the selection may point past the end of the list.
        let selected = self.selected.min(conflicts.len().saturating_sub(1));
        let title = format!("{} · {}", t.conflicts_title, conflicts.len());
        let w = area.width.saturating_sub(4).max(40);
        // The status line (and its conflicts banner) stays in view below.
        let h = area.height.saturating_sub(4).max(10);
        let inner = popup(area, w, h, &title, hints_of(BINDINGS, lang), buf);
        let list_h = u16::try_from(conflicts.len()).unwrap_or(u16::MAX).min(5);
        let [list, text, sides] = Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Length(2),
            Constraint::Min(3),
        ])
        .areas(inner);
        // The list scrolls so the selected conflict is always in view.
        let first = selected.saturating_sub(usize::from(list_h).saturating_sub(1));
        let rows: Vec<Line> = conflicts
            .iter()
            .enumerate()
            .skip(first)
            .take(usize::from(list_h))
            .map(|(i, (id, c))| {
                let style = if i == selected {
                    theme::get().selected
                } else {
                    theme::get().text
                };
                let fields = crate::session::fields_label(&c.fields.join(", "), lang);
                let row = format!(" {id}  {}  ({fields}) ", c.target);
                Line::from(Span::styled(truncate(&row, usize::from(list.width)), style))
            })
            .collect();
        Paragraph::new(rows).render(list, buf);
        let Some((_, conflict)) = conflicts.iter().nth(selected) else {
            return;
        };
        let requirement = model.index.requirement(&conflict.target).map(|r| {
            let rref = &model.index.requirements[r];
            let pref = &model.index.practices[rref.practice];
            model
                .model
                .requirement_of(pref, rref)
                .text
                .get(lang)
                .to_string()
        });
        Paragraph::new(Span::styled(
            requirement.unwrap_or_default(),
            theme::get().muted,
        ))
        .wrap(Wrap { trim: true })
        .render(text, buf);
        let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(sides);
        for ((side, name), rect) in [&conflict.base, &conflict.ours, &conflict.theirs]
            .into_iter()
            .zip(t.sides)
            .zip(columns.iter())
        {
            side_column(side, name, conflict, model, lang, *rect, buf);
        }
    }
}

/// One side: who and when, then its value (conflicting fields marked ≠).
fn side_column(
    side: &ConflictSide,
    name: &str,
    conflict: &Conflict,
    model: &LoadedModel,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = lang.texts().teams;
    let (fields, target) = (&conflict.fields, conflict.target.as_str());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::get().border)
        .title(Span::styled(format!(" {name} "), theme::get().title));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![Line::from(Span::styled(
        format!("{} {}", side.by, side.at),
        theme::get().muted,
    ))];
    // Each value with its field named in the reader's language, and whether it conflicts.
    let values: Vec<(&str, String, bool)> = match &side.value {
        ConflictValue::Answer(Some(a)) => answer_text(a, target, Some(model), lang)
            .into_iter()
            .filter(|(f, v)| !v.is_empty() || fields.iter().any(|x| x == f))
            .map(|(f, v)| {
                // The status is already its label on the requirement's scale.
                let value = match f {
                    "status" => v,
                    _ => crate::session::recorded_value(None, target, f, &v, lang).unwrap_or(v),
                };
                let differs = fields.iter().any(|x| x == f);
                (crate::session::field_label(f, lang), value, differs)
            })
            .collect(),
        ConflictValue::Answer(None) => vec![("", t.no_answer.to_string(), false)],
        ConflictValue::Evidence(None) | ConflictValue::Finding(None) => {
            vec![("", t.removed.to_string(), false)]
        }
        // Already told field by field (`title: …; kind: …`).
        other => vec![("", other.describe(target, fields, Some(model), lang), true)],
    };
    for (label, value, differs) in values {
        let (mark, style) = if differs {
            ("≠ ", theme::get().warn)
        } else {
            ("  ", theme::get().text)
        };
        let text = if label.is_empty() {
            format!("{mark}{value}")
        } else {
            let labelled = lang.texts().deliverable.labelled;
            let line = crate::i18n::fill(labelled, &[("label", label), ("value", &value)]);
            format!("{mark}{line}")
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

impl Component for Conflicts {
    fn context(&self) -> Context {
        Context::Conflicts
    }

    fn update(&mut self, action: Action, env: &Env) -> Effect {
        match env.work {
            Some(ctx) => Conflicts::update(self, action, ctx.session),
            None => Effect::Close,
        }
    }

    fn draw(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        if let Some(ctx) = env.work {
            Conflicts::draw(self, ctx.session, ctx.model, env.lang, area, buf);
        }
    }
}
