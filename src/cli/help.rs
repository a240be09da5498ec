//! clap's help and usage errors in the reader's language. The derive's doc comments are the
//! English texts; for another language, before parsing, every command's about and every
//! argument's help is replaced from the catalogue (`i18n/cli_help.rs`, keyed as `entries`
//! walks the tree), clap's headings come from a help template, and its usage errors from
//! `Translated`. Command names and flags never change: they are a contract.

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::i18n::{cli_help::CliHelp, fill};
use crate::lang::Lang;

/// The language help and usage errors are told in: `--lang` anywhere on the line, then as
/// every command decides (`ASSESS_LANG`, the configuration file's `language`, the locale).
pub fn language(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut config = None;
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        match word.split_once('=') {
            Some(("--lang", code)) => flag = Some(Lang::from_code(code)),
            Some(("--config", file)) => config = Some(std::path::PathBuf::from(file)),
            _ if word == "--lang" => flag = words.next().map(Lang::from_code),
            _ if word == "--config" => config = words.next().map(std::path::PathBuf::from),
            _ => {}
        }
    }
    // The configuration's language, read quietly: its problems are told after parsing (a
    // configuration with problems is not used, so neither is its language).
    let (loaded, _) = super::config_cmd::load(config.as_deref());
    if let Some(lang) = loaded.config.language {
        crate::lang::set_configured(lang);
    }
    Lang::choose(flag)
}

/// The command line's definition with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    translated(lang, true)
}

/// The command line's definition with its help in `lang` as shell completion shows it: the
/// help alone, without the tags `--help` adds (an environment variable's value at the time).
pub fn described(lang: Lang) -> Command {
    translated(lang, false)
}

fn translated(lang: Lang, tags: bool) -> Command {
    let table = lang.command_help();
    let cmd = Cli::command();
    if table.is_empty() {
        return cmd;
    }
    let _ = LANG.set(lang);
    let mut cmd = cmd;
    // Built first, so clap's own `--help`, `--version` and `help` are there to translate.
    cmd.build();
    let words = Words {
        t: lang.texts().cli_help,
        table,
        tags,
    };
    translate(cmd, "", &words)
}

/// Parses the command line; a usage error or the help is printed in `lang` and the process
/// exits, as clap does.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    use clap::FromArgMatches;
    let translated = !lang.command_help().is_empty();
    let exit = |e: clap::Error| -> ! {
        if translated {
            e.apply::<Translated>().exit()
        } else {
            e.exit()
        }
    };
    let matches = command(lang)
        .try_get_matches_from(args)
        .unwrap_or_else(|e| exit(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit(e))
}

/// What a translation puts in: clap's words, the help by key, and whether `--help`'s tags
/// (environment variable, default, possible values) are written into the help.
struct Words {
    t: &'static CliHelp,
    table: &'static [(&'static str, &'static str)],
    tags: bool,
}

fn translate(cmd: Command, path: &str, w: &Words) -> Command {
    let look = |key: &str| w.table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let mut cmd = match look(&normalised(path)) {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    };
    cmd = cmd.mut_args(|arg| {
        let text = look(&key(path, &arg)).or_else(|| look(&format!("*/{}", arg.get_id().as_str())));
        match text {
            Some(text) if w.tags => translate_arg(arg, text, w.t),
            Some(text) => arg.help(text).long_help(None),
            None => arg,
        }
    });
    let template = template(&cmd, w.t);
    cmd = cmd.help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, &sub_path, w));
    }
    cmd
}

/// An argument with its help in the catalogue's language, and clap's tags (environment
/// variable, default, possible values) written in it too.
fn translate_arg(arg: Arg, text: &str, t: &CliHelp) -> Arg {
    let mut help = text.to_string();
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let name = name.to_string_lossy();
        let shown = match std::env::var(&*name) {
            Ok(value) if !arg.is_hide_env_values_set() => format!("{name}={value}"),
            _ => name.to_string(),
        };
        help.push(' ');
        help.push_str(&fill(t.env, &[("name", &shown)]));
    }
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help.push(' ');
        help.push_str(&fill(t.default, &[("value", &defaults.join(t.separator))]));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
        help.push(' ');
        help.push_str(&fill(t.possible, &[("values", &values.join(t.separator))]));
    }
    arg.help(help)
        .long_help(None)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// clap's help layout with the headings in the catalogue's language, each section only when
/// the command has something in it.
fn template(cmd: &Command, t: &CliHelp) -> String {
    let mut out = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}",
        t.usage
    );
    let shown = |a: &&Arg| !a.is_hide_set();
    let sections = [
        (cmd.has_subcommands(), t.commands, "{subcommands}"),
        (
            cmd.get_positionals().any(|a| shown(&a)),
            t.arguments,
            "{positionals}",
        ),
        (
            cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)),
            t.options,
            "{options}",
        ),
    ];
    for (present, heading, tag) in sections {
        if present {
            out.push_str(&format!("\n\n{heading}\n{tag}"));
        }
    }
    out.push_str("{after-help}");
    out
}

/// Every command's about and every argument's help, as `(key, English text)`: `new` is a
/// command, `new/title` its argument, `/help` an argument every command has (global
/// arguments and clap's own are keyed from the root). `help new` shows `new`'s text.
#[cfg(test)]
fn entries() -> Vec<(String, String)> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "", &mut out);
    out
}

#[cfg(test)]
fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((normalised(path), about.to_string()));
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        if let Some(help) = arg.get_help() {
            out.push((key(path, arg), help.to_string()));
        }
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        walk(sub, &path, out);
    }
}

/// A command's key: `help` for clap's help command anywhere; `help model show` (the help
/// tree's copy of a command) as `model show`.
fn normalised(path: &str) -> String {
    let mut words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last() == Some(&"help") {
        return "help".to_string();
    }
    if let Some(i) = words.iter().position(|w| *w == "help") {
        words.remove(i);
    }
    words.join(" ")
}

/// An argument's key: from the root for global arguments and clap's help and version.
fn key(path: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str();
    if arg.is_global_set() || id == "help" || id == "version" {
        format!("/{id}")
    } else {
        format!("{}/{id}", normalised(path))
    }
}

/// The language `Translated` writes in (set by `command`).
static LANG: OnceLock<Lang> = OnceLock::new();

/// clap's usage errors in the catalogue's language: what is wrong, a suggestion, the usage.
pub struct Translated;

impl ErrorFormatter for Translated {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let t = LANG.get().copied().unwrap_or_default().texts().cli_help;
        let mut out = format!("{}{}\n", t.error, message(error, t));
        let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
            .into_iter()
            .find_map(|k| error.get(k));
        if let Some(suggested) = suggested {
            let tip = fill(t.did_you_mean, &[("suggested", &suggested.to_string())]);
            out.push_str(&format!("\n  {tip}\n"));
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.trim_start_matches("Usage:").trim_start();
            out.push_str(&format!("\n{}{usage}\n", t.usage));
        }
        out.push_str(&format!("\n{}\n", t.more));
        StyledStr::from(out)
    }
}

/// What is wrong on the command line, in the catalogue's words.
fn message(error: &clap::error::Error<Translated>, t: &CliHelp) -> String {
    let get = |k| error.get(k).map(ToString::to_string).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let valid = match error.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => v.join(t.separator),
        _ => String::new(),
    };
    let values = [
        ("arg", arg.as_str()),
        ("value", value.as_str()),
        ("values", valid.as_str()),
        ("prior", &get(ContextKind::PriorArg)),
        ("command", &get(ContextKind::InvalidSubcommand)),
    ];
    match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => fill(t.no_value, &values),
        ErrorKind::InvalidValue => {
            let text = fill(t.invalid_value, &values);
            match valid.is_empty() {
                true => text,
                false => format!("{text} {}", fill(t.possible, &values)),
            }
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error).map(ToString::to_string);
            let mut values = values.to_vec();
            let reason = reason.unwrap_or_default();
            values.push(("reason", &reason));
            fill(t.invalid_value_because, &values)
        }
        ErrorKind::UnknownArgument => fill(t.unknown_argument, &values),
        ErrorKind::InvalidSubcommand => fill(t.unknown_command, &values),
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => v.join(t.separator),
                _ => arg.clone(),
            };
            fill(t.missing_arguments, &[("values", &missing)])
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            fill(t.missing_command, &values)
        }
        ErrorKind::ArgumentConflict => fill(t.conflict, &values),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => fill(t.value_count, &values),
        ErrorKind::InvalidUtf8 => t.not_utf8.to_string(),
        _ => t.other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its Chinese help, and no Chinese help is left over
    /// from a command or argument that is gone.
    #[test]
    fn every_command_and_argument_has_its_chinese_help() {
        let table = Lang::Zh.command_help();
        let has = |key: &str| table.iter().any(|(k, _)| *k == key);
        let entries = entries();
        let missing: Vec<&str> = entries
            .iter()
            .map(|(key, _)| key.as_str())
            .filter(|key| {
                let shared = key.split_once('/').map(|(_, id)| format!("*/{id}"));
                !has(key) && !shared.is_some_and(|s| has(&s))
            })
            .collect();
        assert!(missing.is_empty(), "no Chinese help for {missing:?}");
        for (key, _) in table {
            let used = entries
                .iter()
                .any(|(k, _)| k == key || key.strip_prefix('*').is_some_and(|id| k.ends_with(id)));
            assert!(used, "{key} is no command or argument");
        }
    }
}
