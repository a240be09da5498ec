//! `assess completions SHELL` and `assess man`: generated from the clap definitions, so they
//! cannot drift from the commands. Completion scripts also offer the session names in the
//! sessions directory (asked of `assess list --names` when the shell completes) where the
//! shell lets a script do that: bash, zsh and fish.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Cli;
use crate::lang::Lang;

/// The shells `assess completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// What asks the binary for the session names when the shell completes `<SESSION>`.
const NAMES: &str = "assess list --names 2>/dev/null";

/// Writes the completion script for `shell`.
pub fn completions(out: &mut dyn Write, shell: Shell) -> Result<()> {
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut script = Vec::new();
    // zsh, fish and PowerShell show each command's help beside it: in the reader's language.
    let mut command = super::help::described(crate::lang::Lang::choose(None));
    clap_complete::generate(generator, &mut command, "assess", &mut script);
    let script = String::from_utf8(script)?;
    out.write_all(with_session_names(shell, &script).as_bytes())?;
    Ok(())
}

/// The generated script, taught to offer session names for `<SESSION>`.
fn with_session_names(shell: Shell, script: &str) -> String {
    match shell {
        // Each subcommand's block sets `opts="…"`: add the names to the session commands'.
        Shell::Bash => {
            let blocks: Vec<String> = session_commands()
                .iter()
                .map(|c| format!("assess__subcmd__{})", c.replace('-', "__")))
                .collect();
            let mut in_session_block = false;
            let mut out = String::with_capacity(script.len() + 1024);
            for line in script.lines() {
                let trimmed = line.trim_start();
                if trimmed.ends_with(')') && trimmed.starts_with("assess") {
                    in_session_block = blocks.iter().any(|b| b == trimmed);
                }
                match trimmed.strip_prefix("opts=\"") {
                    Some(_) if in_session_block => {
                        let line = line.trim_end().trim_end_matches('"');
                        out.push_str(&format!("{line} $({NAMES})\"\n"));
                    }
                    _ => {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            out
        }
        // Each positional is `':session -- help:_default'`; name the completer instead.
        Shell::Zsh => {
            let names = format!(
                "\n_assess_sessions() {{\n    local -a names\n    names=(${{(f)\"$({NAMES})\"}})\n    _describe 'session' names\n}}\n"
            );
            let script = script
                .lines()
                .map(|line| {
                    if line.trim_start().starts_with("':session -- ") {
                        line.replace(":_default'", ":_assess_sessions'")
                    } else {
                        line.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            // The functions must exist before `compdef` runs the script's last lines.
            match script.find("\nif [ \"$funcstack[1]\" = \"_assess\" ]") {
                Some(at) => format!("{}{names}{}\n", &script[..at], &script[at..]),
                None => format!("{script}\n{names}"),
            }
        }
        Shell::Fish => {
            let commands = session_commands().join(" ");
            format!(
                "{script}complete -c assess -n \"__fish_seen_subcommand_from {commands}\" -f -a \"({NAMES})\"\n"
            )
        }
        Shell::Powershell => script.to_string(),
    }
}

/// The subcommands whose first argument is a session.
fn session_commands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|c| c.get_arguments().any(|a| a.get_id() == "session"))
        .map(|c| c.get_name().to_string())
        .collect()
}

/// Writes the manual page (roff) in `lang`: the command and its options, then every
/// subcommand with its own help in one COMMANDS section (one page to install, not one per
/// subcommand). The help is the command line's own, translated as `--help` is.
pub fn man(out: &mut dyn Write, lang: Lang) -> Result<()> {
    let command = super::help::command(lang);
    let page = clap_mangen::Man::new(command.clone());
    let mut roff = Vec::new();
    page.render_title(&mut roff)?;
    // Ragged right: groff cannot stretch a line of Chinese text, which has no spaces.
    writeln!(roff, ".ad l")?;
    page.render_name_section(&mut roff)?;
    page.render_synopsis_section(&mut roff)?;
    page.render_description_section(&mut roff)?;
    page.render_options_section(&mut roff)?;
    writeln!(roff, ".SH COMMANDS")?;
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        commands_section(&mut roff, sub, "assess")?;
    }
    page.render_version_section(&mut roff)?;
    let roff = String::from_utf8_lossy(&roff);
    for line in roff.lines() {
        writeln!(out, "{}", breakable(&section_heading(line, lang)))?;
    }
    Ok(())
}

/// A text line with a break point (roff's `\:`) after each Chinese character: groff breaks
/// lines only at spaces, and Chinese help has none. Requests are left as they are.
fn breakable(line: &str) -> String {
    if line.starts_with(['.', '\'']) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() * 2);
    for c in line.chars() {
        out.push(c);
        if matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}') {
            out.push_str("\\:");
        }
    }
    out
}

/// A `.SH` heading clap writes in English, in `lang`.
fn section_heading(line: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    const ENGLISH: [&str; 6] = [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "VERSION",
    ];
    let heading = line.strip_prefix(".SH ").map(|h| h.trim_matches('"'));
    match heading.and_then(|h| ENGLISH.iter().position(|e| *e == h)) {
        Some(i) => format!(".SH \"{}\"", lang.texts().cli_help.man_sections[i]).into(),
        None => line.into(),
    }
}

/// One subcommand (and its own subcommands) as `.SS` with its help, set as written.
fn commands_section(out: &mut dyn Write, cmd: &clap::Command, parent: &str) -> Result<()> {
    let name = format!("{parent} {}", cmd.get_name());
    if cmd.has_subcommands() {
        for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
            commands_section(out, sub, &name)?;
        }
        return Ok(());
    }
    writeln!(out, ".SS \"{name}\"\n.nf")?;
    let help = cmd.clone().bin_name(&name).render_long_help().to_string();
    for line in help.lines() {
        writeln!(out, "{}", roff_line(line))?;
    }
    writeln!(out, ".fi")?;
    Ok(())
}

/// A line of text as roff reads it literally: backslashes escaped, and a leading `.` or `'`
/// (a request) or space kept as text.
fn roff_line(line: &str) -> String {
    let line = line.replace('\\', "\\e").replace('-', "\\-");
    if line.starts_with(['.', '\'', ' ']) {
        format!("\\&{line}")
    } else {
        line
    }
}
