//! A one-line text input: the prompts' and forms' fields.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A one-line text input (typed characters append, Backspace deletes, Ctrl-U clears).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
}

impl LineInput {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
        }
    }

    /// Appends pasted text as one line: line breaks and tabs become spaces, other control
    /// characters are dropped.
    pub fn paste(&mut self, text: &str) {
        self.text.push_str(&one_line(text));
    }

    /// Handles a key; returns whether it was text editing.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => self.text.clear(),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                self.text.push(c);
            }
            KeyCode::Backspace => {
                self.text.pop();
            }
            _ => return false,
        }
        true
    }
}

/// Pasted text for a one-line field.
pub fn one_line(text: &str) -> String {
    // Terminals send a pasted line break as CR, CRLF or LF.
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
