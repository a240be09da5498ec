//! A key binding and how bindings are shown (footer hints): the leaf that the keymap's tables
//! and the overlays' own bindings share.

use crate::lang::Lang;
use crate::tui::action::Action;

/// One binding: a key in notation, what it does, and whether the footer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub key: &'static str,
    pub action: Action,
    pub hint: bool,
}

pub const fn b(key: &'static str, action: Action) -> Binding {
    Binding {
        key,
        action,
        hint: false,
    }
}

/// A binding the footer shows.
pub const fn h(key: &'static str, action: Action) -> Binding {
    Binding {
        key,
        action,
        hint: true,
    }
}

/// How a key is shown to people: `Ctrl-R`, `Shift-Tab`, `↓`.
pub fn display_key(token: &str) -> String {
    let (prefix, name) = if let Some(rest) = token.strip_prefix("C-").filter(|r| !r.is_empty()) {
        ("Ctrl-", rest)
    } else if let Some(rest) = token.strip_prefix("S-").filter(|r| !r.is_empty()) {
        ("Shift-", rest)
    } else {
        ("", token)
    };
    let name = match name {
        "Up" => "↑".to_string(),
        "Down" => "↓".to_string(),
        "Left" => "←".to_string(),
        "Right" => "→".to_string(),
        "Bksp" => "Backspace".to_string(),
        other if prefix == "Ctrl-" => other.to_uppercase(),
        other => other.to_string(),
    };
    format!("{prefix}{name}")
}

/// The footer hints of `bindings`: `(key, description)` for those marked as hints.
pub fn hints_of(bindings: &[Binding], lang: Lang) -> Vec<(String, String)> {
    bindings
        .iter()
        .filter(|b| b.hint)
        .map(|b| (display_key(b.key), short(b.action, lang)))
        .collect()
}

/// An action's footer words: a shorter form where the description is long.
fn short(action: Action, lang: Lang) -> String {
    let t = lang.texts().actions;
    match action {
        Action::NextPractice => t.short_next_practice.to_string(),
        Action::Palette => t.short_palette.to_string(),
        Action::Confirm => t.short_confirm.to_string(),
        Action::Cancel => t.short_cancel.to_string(),
        Action::Down => t.short_down.to_string(),
        other => other.describe_in(lang),
    }
}
