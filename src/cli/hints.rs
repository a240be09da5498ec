//! Errors that suggest the fix: a misspelt session name gets the closest one, a level may be
//! written `3` or `L3`, and the texts come from the catalogue's `hints` section.

use std::path::Path;

use crate::i18n::{Lang, fill};
use crate::session::SessionError;

/// `--target`'s parser: `3` or `L3` (the workbench writes levels as L3). The model's range is
/// checked once the model is known.
pub fn level(value: &str) -> Result<u8, String> {
    let digits = value
        .trim()
        .strip_prefix(['L', 'l'])
        .unwrap_or(value.trim());
    digits.parse::<u8>().map_err(|_| {
        let t = Lang::choose(None).texts().hints;
        fill(t.level_form, &[("value", value)])
    })
}

/// The session names (file stems of `*.ron`) in `dir`, sorted; shell completion lists these.
pub fn session_names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    names.sort();
    names
}

/// The name closest to `typed`, if it is close enough to be a slip of the keyboard (about one
/// edit in four characters; a swapped pair counts as one edit).
pub fn nearest<'a>(typed: &str, names: &'a [String]) -> Option<&'a str> {
    let allowed = 1 + typed.chars().count() / 4;
    names
        .iter()
        .map(|name| (strsim::damerau_levenshtein(typed, name), name))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name.as_str())
}

/// An error as the person reads it: a session not found by name says what it looked for and
/// the closest name; anything else is the error's own chain.
pub fn explain(err: &anyhow::Error, dir: &Path, lang: Lang) -> String {
    let missing = err
        .chain()
        .find_map(|e| match e.downcast_ref::<SessionError>() {
            Some(SessionError::NotFound { spec, .. }) => Some(spec.as_str()),
            _ => None,
        });
    let looks_like_path = |s: &str| s.contains(std::path::MAIN_SEPARATOR) || s.ends_with(".ron");
    let model = err.chain().find_map(|e| {
        let e = e.downcast_ref::<crate::model::ModelError>()?;
        lang.model_error(e)
    });
    if let Some(text) = model {
        return text;
    }
    match missing {
        Some(spec) if !looks_like_path(spec) => {
            let t = lang.texts().hints;
            let names = session_names(dir);
            match nearest(spec, &names) {
                Some(near) => fill(t.no_session_near, &[("spec", spec), ("near", near)]),
                None => {
                    let dir = dir.display().to_string();
                    fill(t.no_session, &[("spec", spec), ("dir", &dir)])
                }
            }
        }
        _ => lang.error_message(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_with_or_without_the_l() {
        assert_eq!(level("3"), Ok(3));
        assert_eq!(level("L3"), Ok(3));
        assert_eq!(level("l0"), Ok(0));
        assert!(level("three").is_err());
        assert!(level("L").is_err());
    }

    #[test]
    fn the_nearest_name_is_a_slip_away_or_none() {
        let names: Vec<String> = ["trading-platform-cd", "payments", "trading-platform-to"]
            .map(String::from)
            .into();
        assert_eq!(
            nearest("trading-platfrom-cd", &names),
            Some("trading-platform-cd")
        );
        assert_eq!(nearest("paymnets", &names), Some("payments"));
        assert_eq!(nearest("inventory", &names), None);
    }
}
