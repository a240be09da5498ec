//! The user's configuration file: defaults for new work, keymap overrides and the theme, in
//! RON like everything else. This module reads and checks the file's shape; the workbench
//! checks the key and action names (it owns them) and reports through the same error type.
//!
//! Where it is read from: `--config FILE`, else `ASSESS_CONFIG`, else `config.ron` in the
//! platform config directory. A missing default file is no configuration; any problem leaves
//! the defaults in force and is reported, never fatal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The configuration as written: every field optional, so the defaults fill the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The language of new sessions and of the command line's output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Whether new sessions move to the next unanswered requirement after an answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_advance: Option<bool>,
    /// Who is working, when `--as` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    /// Where sessions live, when `--sessions-dir` and `ASSESS_SESSIONS_DIR` are not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions_dir: Option<PathBuf>,
    /// `dark` (the default), `light` or `high-contrast`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Per-style overrides on top of the theme: style name → colours and attributes.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub styles: BTreeMap<String, StyleSpec>,
    /// Keymap overrides: context → key → action.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub keys: BTreeMap<String, KeyTable>,
    /// Obsolete: every theme draws the radar's target dashed. Accepted and ignored, so a file
    /// that sets it still loads (`config check` says it is ignored).
    #[serde(skip_serializing)]
    pub dashed_target: Option<bool>,
}

/// The keys of one context: key name → action name. A key written twice is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct KeyTable(pub BTreeMap<String, String>);

impl<'de> Deserialize<'de> for KeyTable {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::unique_keys::deserialize(d).map(KeyTable)
    }
}

/// One style override: colour names (`red`, `light-cyan`, `#ff8800`, `reset`) and attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub underline: Option<bool>,
}

/// What is wrong with a configuration file, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the configuration: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: crate::textfile::TextProblem,
    },
    /// A name the file uses that the program does not know (`what`: context, key, action,
    /// theme, style or colour), with the names it does know.
    #[error("{}:{line}: unknown {what} {name:?} (known: {})", path.display(), known.join(", "))]
    Unknown {
        path: PathBuf,
        line: usize,
        what: Unknown,
        name: String,
        known: Vec<String>,
    },
    /// Two actions on one key in a context (the key written two ways, e.g. `ctrl-s` and `C-s`).
    #[error("{}:{line}: in {context}, {key:?} is bound to both {first} (line {first_line}) and {second}", path.display())]
    Clash {
        path: PathBuf,
        line: usize,
        context: String,
        key: String,
        first: String,
        first_line: usize,
        second: String,
    },
}

/// The kinds of names a configuration uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    Context,
    Key,
    Action,
    Theme,
    Style,
    Colour,
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unknown::Context => "context",
            Unknown::Key => "key",
            Unknown::Action => "action",
            Unknown::Theme => "theme",
            Unknown::Style => "style",
            Unknown::Colour => "colour",
        })
    }
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    /// The file's text (for placing names on lines).
    pub text: String,
    pub config: Config,
}

impl Loaded {
    /// The line of `name` (written in quotes) in the file, searching after the line of
    /// `after` when given: how a problem found after parsing is placed. 0 when not found.
    pub fn line_of(&self, name: &str, after: Option<&str>) -> usize {
        let quoted = |n: &str| format!("\"{n}\"");
        let start = after.and_then(|a| self.text.find(&quoted(a))).unwrap_or(0);
        self.text[start..]
            .find(&quoted(name))
            .map_or(0, |at| self.text[..start + at].lines().count().max(1))
    }

    /// This file's path, for errors.
    pub fn file(&self) -> PathBuf {
        self.path.clone().unwrap_or_default()
    }
}

/// Where the configuration is read from: `flag`, else `ASSESS_CONFIG`, else the platform
/// config directory (`~/.config/assess/config.ron` on Linux). Whether it was named explicitly.
pub fn path(flag: Option<&Path>) -> (Option<PathBuf>, bool) {
    if let Some(p) = flag {
        return (Some(p.to_path_buf()), true);
    }
    if let Some(p) = std::env::var_os("ASSESS_CONFIG").filter(|v| !v.is_empty()) {
        return (Some(PathBuf::from(p)), true);
    }
    let default = directories::ProjectDirs::from("", "", "assess")
        .map(|dirs| dirs.config_dir().join("config.ron"));
    (default, false)
}

/// Reads and parses the configuration at `path`. A default path with no file is an empty
/// configuration; a file named explicitly must exist.
/// Boxed: the error is large beside the loaded file and rare.
pub fn load(path: Option<&Path>, explicit: bool) -> Result<Loaded, Box<ConfigError>> {
    let Some(path) = path else {
        return Ok(Loaded::default());
    };
    let unreadable = |reason: String| ConfigError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = match crate::textfile::read_capped(path, 1 << 20) {
        Ok(crate::textfile::Capped::Bytes(bytes)) => bytes,
        Ok(crate::textfile::Capped::TooLarge { size }) => {
            return Err(Box::new(unreadable(crate::textfile::human_size(size))));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            return Ok(Loaded::default());
        }
        Err(e) => return Err(Box::new(unreadable(e.to_string()))),
    };
    let syntax = |line, column, message: crate::textfile::TextProblem| {
        Box::new(ConfigError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message,
        })
    };
    let text = crate::textfile::utf8_text(&bytes)
        .map_err(|(line, column)| syntax(line, column, crate::textfile::TextProblem::NotUtf8))?;
    let config = if text.trim().is_empty() {
        Config::default()
    } else {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<Config>(text)
            .map_err(|e| syntax(e.span.start.line, e.span.start.col, e.code.into()))?
    };
    Ok(Loaded {
        path: Some(path.to_path_buf()),
        text: text.to_string(),
        config,
    })
}

static CURRENT: OnceLock<Config> = OnceLock::new();

/// Makes `config` the process's configuration (once, at start-up; later calls are ignored).
pub fn install(config: Config) {
    if let Some(lang) = config.language {
        crate::lang::set_configured(lang);
    }
    let _ = CURRENT.set(config);
}

/// The process's configuration: the installed one, else the defaults.
pub fn current() -> &'static Config {
    static DEFAULT: Config = Config {
        language: None,
        auto_advance: None,
        assessor: None,
        sessions_dir: None,
        theme: None,
        styles: BTreeMap::new(),
        keys: BTreeMap::new(),
        dashed_target: None,
    };
    CURRENT.get().unwrap_or(&DEFAULT)
}

/// The configuration as RON, as `assess config show` prints it.
pub fn to_ron(config: &Config) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let text = ron::ser::to_string_pretty(config, pretty).unwrap_or_default();
    // The extension line is for RON readers; the file format has it on by default.
    text.trim_start_matches("#![enable(implicit_some)]\n")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.ron");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    #[test]
    fn a_file_reads_with_every_field_optional() {
        let (_dir, path) = write(
            "(\n  language: \"zh\",\n  auto_advance: false,\n  keys: { \"assessment\": { \"m\": \"Met\" } },\n)\n",
        );
        let loaded = load(Some(&path), true).expect("loads");
        assert_eq!(loaded.config.language, Some(Lang::Zh));
        assert_eq!(loaded.config.auto_advance, Some(false));
        assert_eq!(loaded.line_of("m", Some("assessment")), 4);
        let (_dir, again) = write(&to_ron(&loaded.config));
        assert_eq!(
            load(Some(&again), true).expect("round trip").config,
            loaded.config
        );
    }

    #[test]
    fn problems_name_the_place() {
        let (_dir, path) = write("(\n  theme: \"light\"\n  language: \"en\",\n)");
        let err = load(Some(&path), true).expect_err("a syntax error");
        let ConfigError::Syntax { line, .. } = *err else {
            panic!("a syntax error: {err}");
        };
        assert_eq!(line, 3);
        let (_dir, path) = write("(keys: { \"home\": { \"x\": \"Quit\", \"x\": \"Help\" } })");
        let err = load(Some(&path), true).expect_err("twice");
        assert!(err.to_string().contains("appears twice"), "{err}");
        let missing = Path::new("/nonexistent/config.ron");
        assert!(load(Some(missing), false).is_ok());
        assert!(matches!(
            load(Some(missing), true),
            Err(e) if matches!(*e, ConfigError::Unreadable { .. })
        ));
    }
}
