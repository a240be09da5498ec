//! The note editor (`o`), and the discussion note beside an answer (`D`): a multi-line
//! editor whose draft is written into the session every `AUTOSAVE_EVERY` while typing and
//! when it closes (the first write of a round of editing is one undo step).

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::{CursorMove, TextArea};

use super::Context;
use super::{Component, Ctx, Edit, Effect, Env, Told};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::binding::{Binding, b, h};
use crate::tui::theme;
use crate::tui::widgets::wrap::truncate;

/// The keys of the `Note` context (every other key types).
pub const BINDINGS: &[Binding] = &[h("Esc", Action::SaveClose), b("C-s", Action::SaveClose)];

/// The note editor: the draft, and when it was last written to disk.
#[derive(Debug)]
pub struct NoteState {
    pub editor: TextArea<'static>,
    pub requirement: String,
    /// The text last written into the session.
    pub saved_text: String,
    pub last_autosave: Instant,
    /// An undo snapshot was taken for this editing round.
    pub recorded: bool,
    /// The discussion (dissent) note beside the answer rather than the note.
    pub discussion: bool,
    /// The last write was refused (a final session): closing again discards the draft.
    refused: bool,
}

impl NoteState {
    /// The editor on the current requirement's note (or discussion), the cursor at its end.
    pub fn open(seen: &Ctx, discussion: bool) -> Self {
        let id = seen.requirement_id().to_string();
        let text = seen
            .session
            .answers
            .get(&id)
            .map(|a| {
                if discussion {
                    a.discussion.clone()
                } else {
                    a.note.clone()
                }
            })
            .unwrap_or_default();
        // Split on '\n' only: `lines()` would drop a '\r' before it and a final newline, and
        // merely opening and closing the editor would then rewrite the note.
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut editor = TextArea::new(lines);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        Self {
            editor,
            requirement: id,
            saved_text: text,
            last_autosave: Instant::now(),
            recorded: false,
            discussion,
            refused: false,
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// The write of the draft, when it differs from what was last written.
    pub fn draft(&self, closing: bool) -> Option<Edit> {
        let text = self.text();
        let changed = text != self.saved_text;
        (changed || closing && self.recorded).then(|| Edit::Note {
            requirement: self.requirement.clone(),
            text,
            discussion: self.discussion,
            continued: self.recorded,
            closing,
        })
    }

    /// The draft was written (or refused: it is not tried again until it changes).
    pub fn written(&mut self) {
        self.saved_text = self.text();
        self.recorded = true;
        self.last_autosave = Instant::now();
    }
}

impl Component for NoteState {
    fn context(&self) -> Context {
        Context::Note
    }

    fn update(&mut self, _action: Action, _ctx: &Env) -> Effect {
        match self.draft(true) {
            Some(edit) if !self.refused => Effect::EditThenClose(edit),
            _ => Effect::Close,
        }
    }

    fn draw(&self, ctx: &Env, area: Rect, buf: &mut Buffer) {
        let t = ctx.lang.texts().overlays;
        let what = if self.discussion {
            t.discussion
        } else {
            t.note
        };
        let title = fill(t.note_title, &[("what", what), ("id", &self.requirement)]);
        let w = area.width.saturating_sub(8).min(110);
        let h = area.height.saturating_sub(6).min(20);
        let inner = ctx.popup(area, w, h, &title, Context::Note, buf);
        // The requirement the note is about, since the popup covers the ladder.
        let label = ctx.work.and_then(|seen| {
            let r = seen.model.index.requirement(&self.requirement)?;
            Some(seen.requirement_label(r))
        });
        let mut editor = inner;
        if let Some(label) = label
            && inner.height > 2
        {
            let top = Rect { height: 1, ..inner };
            let text = truncate(&format!("▸ {label}"), usize::from(inner.width));
            Paragraph::new(Span::styled(text, theme::get().muted)).render(top, buf);
            editor.y += 1;
            editor.height -= 1;
        }
        self.editor.render(editor, buf);
    }

    fn input(&mut self, key: KeyEvent) {
        self.editor.input(key);
    }

    fn paste(&mut self, text: &str) -> bool {
        // Keep line breaks; tabs as the editor types them.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        self.editor.insert_str(text.replace('\t', "    "));
        true
    }

    fn told(&mut self, told: &Told, _env: &Env) {
        self.refused = matches!(told, Told::Refused(_));
        self.written();
    }
}
