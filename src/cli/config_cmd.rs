//! `assess config path|show|check`, and loading the configuration at start-up: a problem is
//! reported (stderr, and the workbench's status line) and the defaults are used, never fatal.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::config::{self, ConfigError, Loaded};
use crate::i18n::{Lang, config::describe, fill};

/// The subcommands of `assess config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::Subcommand)]
pub enum ConfigCommand {
    /// Print where the configuration is read from.
    Path,
    /// Print the configuration in force: the defaults plus the file.
    Show,
    /// Check the configuration file: exit 0 when it is valid, 1 with each problem otherwise.
    Check,
}

/// The configuration named by `flag` (else `ASSESS_CONFIG`, else the platform's), read and
/// checked; on any problem the defaults, with the problems.
pub fn load(flag: Option<&Path>) -> (Loaded, Vec<ConfigError>) {
    let (path, explicit) = config::path(flag);
    let defaults = || Loaded {
        path: path.clone(),
        ..Loaded::default()
    };
    match config::load(path.as_deref(), explicit) {
        Ok(loaded) => {
            let problems = crate::tui::check_config(&loaded);
            if problems.is_empty() {
                (loaded, problems)
            } else {
                (defaults(), problems)
            }
        }
        Err(err) => (defaults(), vec![*err]),
    }
}

/// Loads the configuration and puts it in force for this process; problems go to stderr and,
/// for the workbench, to its status line.
pub fn install(flag: Option<&Path>) {
    let (loaded, problems) = load(flag);
    let lang = Lang::choose(loaded.config.language);
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{}", said(lang, &describe(problem, lang)));
        }
        let using = lang.texts().config.using_defaults;
        eprintln!("{}", said(lang, using));
        let first = describe(&problems[0], lang);
        crate::tui::startup_notice(format!("{first} — {using}"));
    }
    crate::tui::install_config(&loaded);
    config::install(loaded.config);
}

/// A line the program says on stderr: `assess: …` in `lang`.
fn said(lang: Lang, message: &str) -> String {
    fill(lang.texts().errors.cli_error, &[("message", message)])
}

/// Runs `assess config …`.
pub fn run(out: &mut dyn Write, flag: Option<&Path>, cmd: ConfigCommand) -> Result<ExitCode> {
    let lang = Lang::choose(None);
    let t = lang.texts().config;
    let (path, explicit) = config::path(flag);
    let file = path
        .as_deref()
        .map_or_else(String::new, |p| p.display().to_string());
    let exists = path.as_deref().is_some_and(Path::exists);
    match cmd {
        ConfigCommand::Path => writeln!(out, "{file}")?,
        ConfigCommand::Show => {
            let (loaded, problems) = load(flag);
            for problem in &problems {
                eprintln!("{}", said(lang, &describe(problem, lang)));
            }
            write!(out, "{}", config::to_ron(&effective(loaded.config)))?;
            writeln!(out)?;
        }
        ConfigCommand::Check => {
            if !exists && !explicit {
                writeln!(out, "{}", fill(t.no_file, &[("file", &file)]))?;
                return Ok(ExitCode::SUCCESS);
            }
            let (loaded, problems) = load(flag);
            if loaded.config.dashed_target.is_some() {
                writeln!(out, "{}", fill(t.dashed_target_ignored, &[("file", &file)]))?;
            }
            if problems.is_empty() {
                writeln!(out, "{}", fill(t.valid, &[("file", &file)]))?;
                return Ok(ExitCode::SUCCESS);
            }
            for problem in &problems {
                writeln!(out, "{}", describe(problem, lang))?;
            }
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The file's settings with every default filled in, as the program uses them.
fn effective(mut c: config::Config) -> config::Config {
    if let Some(lang) = c.language {
        crate::lang::set_configured(lang);
    }
    c.language = Some(Lang::choose(None));
    c.auto_advance = Some(c.auto_advance.unwrap_or(true));
    c.assessor = Some(c.assessor.unwrap_or_else(crate::session::current_user));
    let from_env = std::env::var_os("ASSESS_SESSIONS_DIR").map(std::path::PathBuf::from);
    c.sessions_dir = Some(
        from_env
            .or(c.sessions_dir)
            .unwrap_or_else(crate::session::default_sessions_dir),
    );
    c.theme = Some(c.theme.unwrap_or_else(|| "dark".to_string()));
    c
}
