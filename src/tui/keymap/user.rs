//! The user's keymap overrides (the configuration file's `keys`), checked against the names
//! the workbench knows and applied to the default tables. A key the user binds does only the
//! user's action; an action the user binds moves to the user's keys (its default keys are
//! freed). Help, the footer and the facilitator view read the result, so they show the user's
//! keys.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Binding, Context, defaults, normalize, parse_key};
use crate::config::{ConfigError, Loaded, Unknown};
use crate::tui::action::Action;

/// Every context's bindings with the overrides applied; only contexts the user changed.
pub type Overrides = HashMap<Context, Vec<Binding>>;

static INSTALLED: OnceLock<Overrides> = OnceLock::new();

/// The installed bindings of a context the user changed.
pub fn installed(context: Context) -> Option<&'static [Binding]> {
    INSTALLED.get()?.get(&context).map(Vec::as_slice)
}

/// Makes `overrides` the process's keymap (once, at start-up).
pub fn install(overrides: Overrides) {
    let _ = INSTALLED.set(overrides);
}

/// The overrides of a loaded configuration, or every problem with them (each naming the file
/// and line).
pub fn check(loaded: &Loaded) -> Result<Overrides, Vec<ConfigError>> {
    let file = loaded.file();
    let mut problems = Vec::new();
    let mut out = Overrides::new();
    for (context_name, table) in &loaded.config.keys {
        let line = loaded.line_of(context_name, None);
        let Some(context) = Context::ALL
            .into_iter()
            .find(|c| same(&kebab(c), context_name))
        else {
            problems.push(ConfigError::Unknown {
                path: file.clone(),
                line,
                what: Unknown::Context,
                name: context_name.clone(),
                known: Context::ALL.iter().map(kebab).collect(),
            });
            continue;
        };
        let mut user: Vec<(&'static str, Action, &str, usize)> = Vec::new();
        // In the file's order, so a clash names the later line and points back at the first.
        let mut entries: Vec<(usize, &String, &String)> = table
            .0
            .iter()
            .map(|(k, a)| (loaded.line_of(k, Some(context_name)), k, a))
            .collect();
        entries.sort();
        for (line, key_name, action_name) in entries {
            let unknown = |what, name: &str, known| ConfigError::Unknown {
                path: file.clone(),
                line,
                what,
                name: name.to_string(),
                known,
            };
            let Some(token) = token(key_name) else {
                problems.push(unknown(Unknown::Key, key_name, key_names()));
                continue;
            };
            let Some(action) = action_in(context, action_name) else {
                problems.push(unknown(Unknown::Action, action_name, action_names(context)));
                continue;
            };
            let key = parse_key(&token).map(normalize);
            if let Some((_, first, first_key, first_line)) = user
                .iter()
                .find(|(t, ..)| parse_key(t).map(normalize) == key)
            {
                problems.push(ConfigError::Clash {
                    path: file.clone(),
                    line,
                    context: context_name.clone(),
                    key: format!("{first_key} / {key_name}"),
                    first: format!("{first:?}"),
                    first_line: *first_line,
                    second: format!("{action:?}"),
                });
                continue;
            }
            let token: &'static str = Box::leak(token.into_boxed_str());
            user.push((token, action, key_name, line));
        }
        let user: Vec<(&'static str, Action)> = user.iter().map(|(t, a, ..)| (*t, *a)).collect();
        out.insert(context, apply(defaults(context), &user));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The default bindings with the user's `(key, action)` pairs applied (see the module doc).
/// A moved action takes the place of its first default binding and keeps its footer hint.
pub fn apply(defaults: &[Binding], user: &[(&'static str, Action)]) -> Vec<Binding> {
    let user_keys: Vec<_> = user.iter().filter_map(|(k, _)| parse_key(k)).collect();
    let taken = |key: &str| {
        parse_key(key).is_some_and(|k| user_keys.iter().any(|u| normalize(*u) == normalize(k)))
    };
    let mut out: Vec<Binding> = Vec::new();
    for binding in defaults {
        if user.iter().any(|(_, a)| *a == binding.action) {
            if !out.iter().any(|b| b.action == binding.action) {
                let hint = defaults
                    .iter()
                    .any(|b| b.action == binding.action && b.hint);
                out.extend(user.iter().filter(|(_, a)| *a == binding.action).map(
                    |(key, action)| Binding {
                        key,
                        action: *action,
                        hint,
                    },
                ));
            }
        } else if !taken(binding.key) {
            out.push(*binding);
        }
    }
    out
}

/// A key as the configuration writes it (`ctrl-s`, `shift-tab`, `enter`, `y`, or the keymap's
/// own `C-s`) in the keymap's notation, if it names a key.
pub fn token(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let prefixes = [
        ("ctrl-", "C-"),
        ("ctrl+", "C-"),
        ("c-", "C-"),
        ("shift-", "S-"),
        ("shift+", "S-"),
        ("s-", "S-"),
    ];
    let (prefix, rest) = prefixes
        .iter()
        .find(|(p, _)| lower.starts_with(p) && lower.len() > p.len())
        .map_or(("", name), |(p, to)| (*to, &name[p.len()..]));
    let base = match rest.to_ascii_lowercase().as_str() {
        "enter" | "return" => "Enter".to_string(),
        "esc" | "escape" => "Esc".to_string(),
        "tab" => "Tab".to_string(),
        "backspace" | "bksp" => "Bksp".to_string(),
        "del" | "delete" => "Del".to_string(),
        "space" => "Space".to_string(),
        "up" => "Up".to_string(),
        "down" => "Down".to_string(),
        "left" => "Left".to_string(),
        "right" => "Right".to_string(),
        "home" => "Home".to_string(),
        "end" => "End".to_string(),
        // Ctrl with a letter is reported lower-case whatever was typed.
        _ if prefix == "C-" => rest.to_lowercase(),
        _ => rest.to_string(),
    };
    let token = format!("{prefix}{base}");
    parse_key(&token).map(|_| token)
}

fn key_names() -> Vec<String> {
    [
        "a character (y, ?, ])",
        "enter",
        "esc",
        "tab",
        "backspace",
        "space",
    ]
    .into_iter()
    .chain([
        "up",
        "down",
        "left",
        "right",
        "home",
        "end",
        "ctrl-X",
        "shift-tab",
    ])
    .map(String::from)
    .collect()
}

/// The action named `name` among those the context has.
fn action_in(context: Context, name: &str) -> Option<Action> {
    defaults(context)
        .iter()
        .map(|b| b.action)
        .find(|a| same(&format!("{a:?}"), name))
}

fn action_names(context: Context) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for b in defaults(context) {
        let name = format!("{:?}", b.action);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A context's name in the configuration: `assessment`, `evidence-form`.
pub fn context_name(context: &Context) -> String {
    kebab(context)
}

fn kebab(context: &Context) -> String {
    let mut out = String::new();
    for (i, c) in format!("{context:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Names compared without case, dashes, underscores or brackets (`QuickLevel(3)` = `quick-level-3`).
fn same(a: &str, b: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    squash(a) == squash(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_read_as_the_keymap_writes_them() {
        assert_eq!(token("ctrl-s").as_deref(), Some("C-s"));
        assert_eq!(token("Ctrl+S").as_deref(), Some("C-s"));
        assert_eq!(token("shift-tab").as_deref(), Some("S-Tab"));
        assert_eq!(token("enter").as_deref(), Some("Enter"));
        assert_eq!(token("J").as_deref(), Some("J"));
        assert_eq!(token("C-r").as_deref(), Some("C-r"));
        assert_eq!(token("hyper-q"), None);
        assert_eq!(token("f13"), None);
    }

    #[test]
    fn a_moved_action_frees_its_default_keys_and_keeps_its_hint() {
        let applied = apply(
            defaults(Context::Assessment),
            &[("m", Action::Met), ("y", Action::Flag)],
        );
        let keys_of = |action| -> Vec<&str> {
            applied
                .iter()
                .filter(|b| b.action == action)
                .map(|b| b.key)
                .collect()
        };
        assert_eq!(keys_of(Action::Met), ["m"]);
        assert_eq!(keys_of(Action::Flag), ["y"]);
        assert!(applied.iter().any(|b| b.key == "m" && b.hint));
        assert_eq!(applied.first().map(|b| b.key), Some("m"));
    }
}
