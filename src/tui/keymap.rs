//! Default key bindings as data, one table per context (screen or overlay). Lookup, the help
//! overlay and the footer hints are all generated from these tables, so they cannot drift.
//!
//! Key notation (also used by `App::press` in tests): a single character (`y`, `?`, `]`),
//! a name (`Enter`, `Esc`, `Tab`, `Bksp`, `Space`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`),
//! with `C-` for Ctrl and `S-` for Shift on names (`C-r`, `S-Tab`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::overlays;

pub mod user;

pub use super::binding::{Binding, b, display_key, h, hints_of};
pub use super::overlays::Context;

use Action as A;

const HOME: &[Binding] = &[
    h("Enter", A::Confirm),
    h("n", A::NewSession),
    b("C-n", A::NewSession),
    b("Down", A::Down),
    b("Up", A::Up),
    h("Esc", A::Cancel),
    h("?", A::Help),
    h("q", A::Quit),
    b("C-c", A::Quit),
];

const NEW_SESSION: &[Binding] = &[
    h("Enter", A::Confirm),
    h("Tab", A::NextField),
    b("S-Tab", A::PrevField),
    // Within the parts list ↓/↑ move between parts, elsewhere between fields.
    b("Down", A::Down),
    b("Up", A::Up),
    h("Left", A::Left),
    b("Right", A::Right),
    h("Esc", A::Cancel),
    b("C-c", A::Quit),
];

const ASSESSMENT: &[Binding] = &[
    h("y", A::Met),
    h("p", A::Partial),
    h("n", A::NotMet),
    h("x", A::NotApplicable),
    b("Bksp", A::Clear),
    b("j", A::NextRequirement),
    b("Down", A::NextRequirement),
    b("k", A::PrevRequirement),
    b("Up", A::PrevRequirement),
    h("Tab", A::NextPractice),
    b("J", A::NextPractice),
    b("S-Tab", A::PrevPractice),
    b("K", A::PrevPractice),
    b("]", A::NextUnanswered),
    b("[", A::PrevUnanswered),
    b("0", A::QuickLevel(0)),
    b("1", A::QuickLevel(1)),
    b("2", A::QuickLevel(2)),
    b("3", A::QuickLevel(3)),
    b("4", A::QuickLevel(4)),
    b("5", A::QuickLevel(5)),
    h("o", A::EditNote),
    h("e", A::Evidence),
    b("f", A::Flag),
    b("R", A::Review),
    b("C-f", A::FilterPicker),
    b("Esc", A::ClearFilter),
    h("u", A::Undo),
    b("C-r", A::Redo),
    b("a", A::ToggleAutoAdvance),
    b("L", A::ToggleLang),
    h("r", A::Summary),
    h("/", A::Palette),
    b("C-p", A::Palette),
    b("E", A::Export),
    b("!", A::NewFinding),
    b("F", A::Findings),
    b("v", A::ToggleFacilitator),
    b("N", A::ToggleNavigator),
    b("A", A::Agenda),
    b("h", A::History),
    b("w", A::Decider),
    b("P", A::Participants),
    b("D", A::Discussion),
    b("S", A::SignOff),
    b("M", A::Conflicts),
    h("?", A::Help),
    h("q", A::Quit),
    b("C-c", A::Quit),
];

const SUMMARY: &[Binding] = &[
    h("Tab", A::NextField),
    b("S-Tab", A::PrevField),
    h("r", A::Summary),
    b("Esc", A::Summary),
    b("L", A::ToggleLang),
    b("/", A::Palette),
    b("C-p", A::Palette),
    b("E", A::Export),
    h("?", A::Help),
    h("q", A::Quit),
    b("C-c", A::Quit),
];

/// The bindings of a context: the user's (configuration file) where they changed it, else the
/// defaults.
pub fn bindings(context: Context) -> &'static [Binding] {
    user::installed(context).unwrap_or_else(|| defaults(context))
}

/// The default bindings of a context.
pub fn defaults(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::NewSession => NEW_SESSION,
        Context::Assessment => ASSESSMENT,
        Context::Summary => SUMMARY,
        overlay => overlays::defaults(overlay).unwrap_or_default(),
    }
}

/// The action bound to a key in a context.
pub fn lookup(context: Context, key: KeyEvent) -> Option<Action> {
    let key = normalize(key);
    bindings(context)
        .iter()
        .find(|b| parse_key(b.key).is_some_and(|k| normalize(k) == key))
        .map(|b| b.action)
}

/// Shift is part of the character itself (`J`), and terminals disagree on reporting it.
fn normalize(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    (key.code, mods)
}

/// Parses one key in notation.
pub fn parse_key(token: &str) -> Option<KeyEvent> {
    let (mods, name) = if let Some(rest) = token.strip_prefix("C-").filter(|r| !r.is_empty()) {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = token.strip_prefix("S-").filter(|r| !r.is_empty()) {
        (KeyModifiers::SHIFT, rest)
    } else {
        (KeyModifiers::NONE, token)
    };
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" if mods == KeyModifiers::SHIFT => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "Bksp" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Space" => KeyCode::Char(' '),
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some(KeyEvent::new(code, mods))
}

/// The footer hints of a context: `key description` for bindings marked as hints.
pub fn hints(context: Context) -> Vec<(String, String)> {
    hints_in(context, crate::lang::Lang::En)
}

/// Footer hints in the workbench's language (`zh` gives Chinese descriptions).
pub fn hints_in(context: Context, lang: crate::lang::Lang) -> Vec<(String, String)> {
    hints_of(bindings(context), lang)
}

/// Help lines for a context: (key, description), one per binding, keys sharing an action joined.
pub fn help_lines(context: Context) -> Vec<(String, String)> {
    help_lines_in(context, crate::lang::Lang::En)
}

/// What a key's hint says where the session's model has a say: the keymap's own words, the
/// model's (an answer key in the words of its answer scale), or nothing (a key that gives
/// nothing on this model, such as `x` on a scale without not applicable: its hint is left
/// out rather than shown as `x —`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Keymap,
    Model(String),
    Hidden,
}

impl Words {
    /// The model's words cut with `…` to a quarter of a row `width` wide (at least 10 cells),
    /// so a one-row hint line still shows every answer key when a scale's labels are long
    /// (SAMM's); help shows them whole.
    pub fn fit(self, width: usize) -> Words {
        match self {
            Words::Model(own) => {
                let room = (width / 4).max(10);
                Words::Model(crate::tui::widgets::wrap::truncate(&own, room))
            }
            other => other,
        }
    }
}

/// Footer hints with some actions' words replaced or left out (`words`).
pub fn hints_with(
    context: Context,
    lang: crate::lang::Lang,
    words: &dyn Fn(Action) -> Words,
) -> Vec<(String, String)> {
    let shown = bindings(context).iter().filter(|b| b.hint);
    hints_in(context, lang)
        .into_iter()
        .zip(shown)
        .filter_map(|((key, desc), b)| match words(b.action) {
            Words::Keymap => Some((key, desc)),
            Words::Model(own) => Some((key, own)),
            Words::Hidden => None,
        })
        .collect()
}

/// Help lines in the workbench's language (`zh` gives Chinese descriptions, as the footer).
pub fn help_lines_in(context: Context, lang: crate::lang::Lang) -> Vec<(String, String)> {
    help_lines_with(context, lang, &|_| Words::Keymap)
}

/// Help lines with some actions' words replaced or left out, as `hints_with`.
pub fn help_lines_with(
    context: Context,
    lang: crate::lang::Lang,
    words: &dyn Fn(Action) -> Words,
) -> Vec<(String, String)> {
    let mut lines: Vec<(Vec<String>, Action)> = Vec::new();
    for binding in bindings(context) {
        let key = display_key(binding.key);
        match lines.iter_mut().find(|(_, a)| *a == binding.action) {
            Some((keys, _)) => keys.push(key),
            None => lines.push((vec![key], binding.action)),
        }
    }
    lines
        .into_iter()
        .filter_map(|(keys, action)| {
            let desc = match words(action) {
                Words::Keymap => action.describe_in(lang),
                Words::Model(own) => own,
                Words::Hidden => return None,
            };
            Some((keys.join(" / "), desc))
        })
        .collect()
}

/// Every context's default bindings as Markdown (KEYS.md is this text; a test keeps it
/// current), with the context and action names the configuration file uses.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Keys\n\nGenerated from the keymap (`src/tui/keymap.rs`); press `?` in the workbench for the keys of the current screen. The configuration file can change them (README, *Configuration*): a context is named as in each heading's brackets, an action as in the last column.\n",
    );
    for context in Context::ALL {
        out.push_str(&format!(
            "\n## {} (`{}`)\n\n| key | action | name |\n|---|---|---|\n",
            context.title(),
            user::context_name(&context)
        ));
        let mut lines: Vec<(Vec<String>, Action)> = Vec::new();
        for binding in defaults(context) {
            let key = format!("`{}`", display_key(binding.key).replace('|', "\\|"));
            match lines.iter_mut().find(|(_, a)| *a == binding.action) {
                Some((keys, _)) => keys.push(key),
                None => lines.push((vec![key], binding.action)),
            }
        }
        for (keys, action) in lines {
            let desc = action.describe();
            out.push_str(&format!(
                "| {} | {desc} | `{action:?}` |\n",
                keys.join(" / ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_hints_follow_the_workbench_language() {
        let zh = hints_in(Context::Assessment, crate::lang::Lang::Zh);
        assert!(zh.contains(&("y".to_string(), "满足".to_string())));
        assert!(zh.contains(&("x".to_string(), "不适用".to_string())));
        assert_eq!(
            hints_in(Context::Assessment, crate::lang::Lang::En),
            hints(Context::Assessment)
        );
        for context in Context::ALL {
            for (_, desc) in hints_in(context, crate::lang::Lang::Zh) {
                assert!(!desc.is_ascii(), "{context:?}: {desc} is not translated");
            }
        }
    }
    use std::collections::HashSet;

    #[test]
    fn every_binding_parses() {
        for context in Context::ALL {
            for binding in bindings(context) {
                assert!(
                    parse_key(binding.key).is_some(),
                    "{context:?}: {}",
                    binding.key
                );
            }
        }
    }

    #[test]
    fn no_duplicate_keys_within_a_context() {
        for context in Context::ALL {
            let mut seen = HashSet::new();
            for binding in bindings(context) {
                let key = normalize(parse_key(binding.key).expect("parses"));
                assert!(seen.insert(key), "{context:?}: {} bound twice", binding.key);
            }
        }
    }

    #[test]
    fn every_user_facing_action_has_a_key() {
        let mut actions = vec![
            A::Quit,
            A::Help,
            A::Palette,
            A::Summary,
            A::ToggleLang,
            A::Undo,
            A::Redo,
            A::NextRequirement,
            A::PrevRequirement,
            A::NextPractice,
            A::PrevPractice,
            A::NextUnanswered,
            A::PrevUnanswered,
            A::Met,
            A::Partial,
            A::NotMet,
            A::NotApplicable,
            A::Clear,
            A::EditNote,
            A::Evidence,
            A::Flag,
            A::ToggleAutoAdvance,
            A::Export,
            A::Up,
            A::Down,
            A::NextField,
            A::PrevField,
            A::Left,
            A::Right,
            A::Toggle,
            A::Confirm,
            A::Cancel,
            A::SaveClose,
            A::NewSession,
            A::AddEvidence,
            A::Detach,
            A::Review,
            A::FilterPicker,
            A::ClearFilter,
            A::SearchEvidence,
            A::EditEvidence,
            A::AcceptNewVersion,
            A::RemoveEvidence,
            A::Yes,
            A::No,
            A::Findings,
            A::NewFinding,
            A::ToggleFacilitator,
            A::ToggleNavigator,
            A::Agenda,
            A::Delete,
            A::GoTo,
        ];
        actions.extend((0..=5).map(A::QuickLevel));
        let bound: HashSet<Action> = Context::ALL
            .iter()
            .flat_map(|c| bindings(*c).iter().map(|b| b.action))
            .collect();
        for action in actions {
            assert!(bound.contains(&action), "{action:?} has no key");
        }
    }

    #[test]
    fn issue_keys_are_bound_as_written() {
        let cases = [
            ("j", A::NextRequirement),
            ("Down", A::NextRequirement),
            ("k", A::PrevRequirement),
            ("Tab", A::NextPractice),
            ("S-Tab", A::PrevPractice),
            ("J", A::NextPractice),
            ("K", A::PrevPractice),
            ("y", A::Met),
            ("p", A::Partial),
            ("n", A::NotMet),
            ("x", A::NotApplicable),
            ("Bksp", A::Clear),
            ("3", A::QuickLevel(3)),
            ("o", A::EditNote),
            ("e", A::Evidence),
            ("f", A::Flag),
            ("]", A::NextUnanswered),
            ("[", A::PrevUnanswered),
            ("u", A::Undo),
            ("C-r", A::Redo),
            ("L", A::ToggleLang),
            ("r", A::Summary),
            ("/", A::Palette),
            ("C-p", A::Palette),
            ("?", A::Help),
            ("q", A::Quit),
            ("F", A::Findings),
            ("!", A::NewFinding),
            ("v", A::ToggleFacilitator),
            ("A", A::Agenda),
        ];
        for (key, action) in cases {
            let event = parse_key(key).expect("parses");
            assert_eq!(lookup(Context::Assessment, event), Some(action), "{key}");
        }
    }

    #[test]
    fn shifted_letters_and_backtab_match_whatever_the_terminal_reports() {
        let shift_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Assessment, shift_j), Some(A::NextPractice));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Assessment, backtab), Some(A::PrevPractice));
    }

    #[test]
    fn keys_md_is_generated_from_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/KEYS.md");
        let current = std::fs::read_to_string(path).unwrap_or_default();
        if current != markdown() {
            if std::env::var_os("CI").is_none() {
                let _ = std::fs::write(path, markdown());
            }
            panic!("KEYS.md was stale; it has been regenerated (outside CI): review and commit it");
        }
    }

    #[test]
    fn help_lists_every_binding() {
        for context in Context::ALL {
            let lines = help_lines(context);
            for binding in bindings(context) {
                let key = display_key(binding.key);
                assert!(
                    lines.iter().any(|(k, d)| k.split(" / ").any(|x| x == key)
                        && *d == binding.action.describe()),
                    "{context:?}: {key} missing from help"
                );
            }
        }
    }
}
