//! The command line (clap): every command is a thin call into the core.

mod model_cmd;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::model;

/// assess — an offline workbench for capability maturity assessments.
#[derive(Debug, Parser)]
#[command(name = "assess", version, about, long_about = None)]
pub struct Cli {
    /// Where sessions live (default: the platform data dir; also ASSESS_SESSIONS_DIR).
    #[arg(long, global = true, env = "ASSESS_SESSIONS_DIR", value_name = "DIR")]
    pub sessions_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work with assessment models.
    #[command(subcommand)]
    Model(ModelCommand),
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// List the bundled models.
    List,
    /// Show a model's tree (bundled id or path; default: caict-devops).
    Show {
        model: Option<String>,
        /// The whole tree as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the names (en or zh).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Check a model file (default: every bundled model).
    Validate { model: Option<String> },
    /// Counts per part, domain and level.
    Stats {
        model: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

/// Parses the arguments, runs the command, prints errors to stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli, &mut std::io::stdout().lock()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("assess: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Model(cmd)) => run_model(cmd, out)?,
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

const DEFAULT_MODEL: &str = "caict-devops";

fn run_model(cmd: ModelCommand, out: &mut dyn Write) -> Result<()> {
    let load = |spec: Option<String>| model::resolve_model(spec.as_deref().unwrap_or(DEFAULT_MODEL));
    match cmd {
        ModelCommand::List => model_cmd::list(out),
        ModelCommand::Show { model, json, lang } => model_cmd::show(out, &load(model)?, json, &lang),
        ModelCommand::Validate { model: Some(spec) } => model_cmd::validate(out, &load(Some(spec))?),
        ModelCommand::Validate { model: None } => {
            for (id, _, _) in model::EMBEDDED_MODELS {
                model_cmd::validate(out, &model::load_embedded(id)?)?;
            }
            Ok(())
        }
        ModelCommand::Stats { model, json, lang } => {
            model_cmd::stats(out, &load(model)?, json, &lang)
        }
    }
}
