//! The language a person reads: a leaf type every layer may name (the session keeps it in its
//! cursor, the catalogue in `i18n` is keyed by it, the CLI and the workbench choose it).

use std::fmt;

/// A language of the program's own texts. Stored and typed as its code (`en`, `zh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Every language, in the order the export dialog and the tests walk them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code written in files and typed after `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// A code or locale (`zh`, `zh-CN`, `zh_TW.UTF-8`) read as a language; anything not
    /// Chinese reads as English, so an old or foreign file still opens.
    pub fn from_code(code: &str) -> Lang {
        let code = code.trim().to_ascii_lowercase();
        if code == "zh" || code.starts_with("zh_") || code.starts_with("zh-") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The other language (`L` in the workbench).
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language for new sessions and CLI output: `--lang` if given, then `ASSESS_LANG`,
    /// then the configuration file's `language`, then the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`; `zh_*` is Chinese), else English.
    pub fn choose(flag: Option<Lang>) -> Lang {
        let configured = CONFIGURED.get().map(|lang| lang.code().to_string());
        Self::choose_from(flag, |name| match name {
            "ASSESS_LANG" => std::env::var(name).ok().or_else(|| configured.clone()),
            _ => std::env::var(name).ok(),
        })
    }

    /// `choose` over any environment (tests pass a table instead of the process's).
    pub fn choose_from(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        if let Some(code) = env("ASSESS_LANG").filter(|v| !v.trim().is_empty()) {
            return Lang::from_code(&code);
        }
        // POSIX order: the first locale variable that is set decides.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| env(name).filter(|v| !v.is_empty()))
            .map_or(Lang::En, |locale| Lang::from_code(&locale))
    }
}

/// The configuration file's language, set once at start-up.
static CONFIGURED: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the configuration file's language (`config::install` calls this once).
pub fn set_configured(lang: Lang) {
    let _ = CONFIGURED.set(lang);
}

impl From<&str> for Lang {
    fn from(code: &str) -> Lang {
        Lang::from_code(code)
    }
}

/// A model's texts are keyed by language code.
impl AsRef<str> for Lang {
    fn as_ref(&self) -> &str {
        self.code()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(Lang::from_code(&code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_assess_lang_then_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        type Env = &'static [(&'static str, &'static str)];
        let cases: [(Option<Lang>, Env, Lang); 7] = [
            (None, &[], Lang::En),
            (None, &[("LANG", "zh_CN.UTF-8")], Lang::Zh),
            (
                None,
                &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_TW")],
                Lang::Zh,
            ),
            (None, &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")], Lang::En),
            (None, &[("LANG", "zh_CN"), ("ASSESS_LANG", "en")], Lang::En),
            (None, &[("ASSESS_LANG", "zh")], Lang::Zh),
            (Some(Lang::En), &[("ASSESS_LANG", "zh")], Lang::En),
        ];
        for (flag, pairs, want) in cases {
            assert_eq!(Lang::choose_from(flag, env(pairs)), want, "{pairs:?}");
        }
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_read_as_english() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), lang);
        }
        assert_eq!(Lang::from_code("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_code("fr"), Lang::En);
        let back: Lang = ron::from_str("\"zh\"").expect("a code");
        assert_eq!(back, Lang::Zh);
        assert_eq!(ron::to_string(&Lang::Zh).expect("written"), "\"zh\"");
    }
}
