//! The command line (clap): every command is a thin call into the core.

mod audit_cmd;
mod doctor_cmd;
mod merge_cmd;
mod model_cmd;
mod report_cmd;
mod session_cmd;
mod xlsx_cmd;

pub use crate::session::{NewOptions, create as create_session, slug};

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::lang::Lang;
use crate::model;
use crate::session;

/// assess — an offline workbench for capability maturity assessments.
#[derive(Debug, Parser)]
#[command(name = "assess", version, about, long_about = None)]
pub struct Cli {
    /// Where sessions live (default: the platform data dir; also ASSESS_SESSIONS_DIR).
    #[arg(long, global = true, env = "ASSESS_SESSIONS_DIR", value_name = "DIR")]
    pub sessions_dir: Option<PathBuf>,
    /// Who is working: edits are recorded under this name, added to the assessors if new
    /// (default: the OS user).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new session.
    New {
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        organisation: Option<String>,
        /// The assessed project, system or scope.
        #[arg(long)]
        scope: Option<String>,
        /// A bundled model id or a model file (default: caict-devops).
        #[arg(long, value_name = "ID|PATH")]
        model: Option<String>,
        /// Parts in scope, comma-separated (default: all), e.g. cd,to.
        #[arg(long, value_name = "cd,to,…")]
        parts: Option<String>,
        /// Target level for every part in scope (0–5).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
        target: Option<u8>,
        /// A participant as "Name:Role" (repeat for each person).
        #[arg(long = "participant", value_name = "NAME:ROLE")]
        participants: Vec<String>,
        /// Print the new session's path and exit instead of opening it.
        #[arg(long)]
        no_open: bool,
        /// The session's language (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Resume a session (by path or by name in the sessions dir).
    Open { session: String },
    /// List the sessions in the sessions dir, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Progress and levels per part and domain.
    Summary {
        session: String,
        #[arg(long)]
        json: bool,
        /// Language of the names and headings (en or zh; default: the session's language,
        /// the one the workbench shows it in).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Check a session: it parses, its model matches, evidence is unchanged, the backup is usable.
    Doctor {
        session: String,
        /// Restore NAME.ron from NAME.ron.bak, keeping the current file as NAME.ron.damaged-<time>.
        #[arg(long)]
        restore_backup: bool,
    },
    /// Write a report (Markdown, HTML, CSV, JSON or an Excel workbook) beside the session or
    /// to a file.
    Report {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// md, html, csv, json or xlsx (default: from the -o file's extension, else html).
        #[arg(long, value_parser = ["md", "html", "csv", "json", "xlsx"])]
        format: Option<String>,
        /// Output file (default: NAME.report.EXT beside the session); `-` writes to stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of the report (en or zh; default: the session's language, as in the
        /// workbench's export dialog).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Remove names, organisation, notes, justifications, evidence titles and locations.
        #[arg(long)]
        redact: bool,
        /// Write CSV without the UTF-8 byte-order mark (it helps Excel read Chinese).
        #[arg(long)]
        no_bom: bool,
    },
    /// The audit trail: every change to a session (who, when, what, old → new), oldest first.
    Log {
        session: String,
        #[arg(long)]
        json: bool,
    },
    /// Sign a session off as final: it becomes read-only and its content hash is recorded.
    /// The pre-flight list is printed first; checks named by --block refuse the sign-off.
    #[command(alias = "sign-off")]
    Finalize {
        session: String,
        /// Checks that refuse the sign-off, comma-separated, or `none` (default:
        /// na_without_justification,evidence_changed_or_missing). Checks: unanswered, flagged,
        /// na_without_justification, met_without_evidence, evidence_changed_or_missing,
        /// not_reviewed.
        #[arg(long, value_name = "CHECKS")]
        block: Option<String>,
    },
    /// Reopen a final session for changes (the reason is logged).
    Reopen {
        session: String,
        #[arg(long)]
        reason: String,
    },
    /// Recompute a final session's content hash: exit 0 on a match, 1 on a mismatch or when
    /// the session is not signed off.
    Verify { session: String },
    /// Work with assessment models.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Write the self-assessment questionnaire as an Excel workbook, for teams to fill in.
    #[command(name = "export-xlsx")]
    ExportXlsx {
        session: String,
        /// Output file (default: NAME.questionnaire.xlsx beside the session).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of the workbook (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Parts to include, comma-separated (default: every part in scope), e.g. cd,to.
        #[arg(long, value_name = "cd,…")]
        parts: Option<String>,
    },
    /// Read a filled questionnaire back: show what changes and apply it as logged edits
    /// (recorded under --as NAME). Nothing is imported when any cell cannot be read.
    #[command(name = "import-xlsx")]
    ImportXlsx {
        session: String,
        /// The filled workbook (xlsx, or xls saved by Excel).
        file: PathBuf,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// Replace answers, notes and justifications that differ from the session's.
        #[arg(long)]
        overwrite: bool,
    },
    /// Git's merge driver for sessions (set up by `assess git-setup`): merges base %O, ours
    /// %A and theirs %B into %A; exit 0 when clean, 1 when conflicts remain.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// Conflict-marker size (%L), used only for files that are not sessions.
        #[arg(default_value = "7")]
        marker_size: String,
        /// The path in the work tree (%P), named in messages only.
        #[arg(default_value = "session")]
        path: String,
    },
    /// Three-way merge of session files without git (BASE is the copy both started from);
    /// exit 1 when conflicts remain to resolve.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Set a git repository up to merge and diff sessions (idempotent).
    GitSetup { dir: Option<PathBuf> },
    /// A session as requirement-level lines (git's textconv for `git diff`).
    Textconv { file: PathBuf },
    /// List the conflicts a merge left in a session.
    Conflicts {
        session: String,
        #[arg(long)]
        json: bool,
    },
    /// Resolve conflicts from a script by taking one side.
    Resolve {
        session: String,
        #[arg(long, value_parser = ["ours", "theirs"])]
        take: String,
        /// Every conflict.
        #[arg(long, conflicts_with = "id")]
        all: bool,
        /// One conflict (C1, C2, …).
        #[arg(long, value_name = "ID", required_unless_present = "all")]
        id: Option<String>,
    },
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
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check a model file (default: every bundled model).
    Validate { model: Option<String> },
    /// Counts per part, domain and level.
    Stats {
        model: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write a synthetic model (and optionally a session on it) of any size, the same for the
    /// same seed: for measuring the workbench on models far larger than the bundled one.
    Synth {
        /// How many requirements the model has (at least 120).
        #[arg(long, default_value_t = 10_000)]
        requirements: usize,
        /// Also write a session with this many answers, in DIR/sessions.
        #[arg(long, value_name = "N")]
        answers: Option<usize>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The directory to write into (created if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

/// Parses the arguments, runs the command, prints errors to stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::choose(cli.lang());
    // Titles, names and notes may carry terminal escapes: nothing reaches the terminal raw.
    let mut out = crate::terminal_text::SafeWriter::new(std::io::stdout().lock());
    let result = run(cli, &mut out);
    drop(out);
    match result {
        Ok(code) => code,
        Err(err) => {
            crate::terminal_text::warn(&lang.cli_error(&err));
            ExitCode::FAILURE
        }
    }
}

impl Cli {
    /// The `--lang` given to the command, if it takes one.
    fn lang(&self) -> Option<Lang> {
        match &self.command {
            Some(
                Command::Summary { lang, .. }
                | Command::Report { lang, .. }
                | Command::New { lang, .. },
            ) => *lang,
            _ => None,
        }
    }
}

/// Runs a parsed command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let dir = cli
        .sessions_dir
        .clone()
        .unwrap_or_else(session::default_sessions_dir);
    let who = cli.as_user.clone();
    let who_or_user = || who.clone().unwrap_or_else(session::current_user);
    match cli.command {
        Some(Command::Model(cmd)) => run_model(cmd, out)?,
        Some(Command::New {
            title,
            organisation,
            scope,
            model,
            parts,
            target,
            participants,
            no_open,
            lang,
        }) => {
            let parts = parts.as_deref().map(session_cmd::parse_parts).transpose()?;
            let path = session::create(
                &dir,
                NewOptions {
                    title,
                    organisation,
                    scope,
                    model,
                    parts: parts.unwrap_or_default(),
                    target,
                    assessor: who.clone(),
                    participants,
                    lang: Lang::choose(lang),
                },
            )?;
            if no_open {
                writeln!(out, "{}", path.display())?;
            } else {
                return open_workbench(&dir, Some(path), who.as_deref());
            }
        }
        Some(Command::Open { session: spec }) => {
            let path = session::resolve_session(&spec, &dir)?;
            return open_workbench(&dir, Some(path), who.as_deref());
        }
        Some(Command::Log {
            session: spec,
            json,
        }) => {
            let path = session::resolve_session(&spec, &dir)?;
            audit_cmd::log(out, &path, json, Lang::choose(None))?;
        }
        Some(Command::Finalize {
            session: spec,
            block,
        }) => {
            let policy = match block {
                Some(list) => crate::review::SignOffPolicy::parse(&list)
                    .map_err(|e| anyhow::anyhow!("--block: {e}"))?,
                None => crate::review::SignOffPolicy::default(),
            };
            let path = session::resolve_session(&spec, &dir)?;
            audit_cmd::finalize(out, &path, &who_or_user(), &policy)?
        }
        Some(Command::Reopen {
            session: spec,
            reason,
        }) => audit_cmd::reopen(
            out,
            &session::resolve_session(&spec, &dir)?,
            &reason,
            &who_or_user(),
        )?,
        Some(Command::Verify { session: spec }) => {
            return audit_cmd::verify(out, &session::resolve_session(&spec, &dir)?);
        }
        Some(Command::List { json }) => session_cmd::list(out, &dir, json, Lang::choose(None))?,
        Some(Command::Summary {
            session: spec,
            json,
            lang,
        }) => session_cmd::summary(out, &session::resolve_session(&spec, &dir)?, json, lang)?,
        Some(Command::Doctor {
            session: spec,
            restore_backup,
        }) => {
            let path = doctor_cmd::resolve(&spec, &dir)?;
            return doctor_cmd::doctor(out, &path, restore_backup, Lang::choose(None));
        }
        Some(Command::Report {
            session: spec,
            format,
            output,
            lang,
            redact,
            no_bom,
        }) => report_cmd::report(
            out,
            &session::resolve_session(&spec, &dir)?,
            &report_cmd::ReportArgs {
                format,
                output,
                lang,
                redact,
                bom: !no_bom,
            },
        )?,
        Some(Command::ExportXlsx {
            session: spec,
            output,
            lang,
            parts,
        }) => {
            let parts = parts.as_deref().map(session_cmd::parse_parts).transpose()?;
            let options = crate::xlsx::QuestionnaireOptions {
                lang: Lang::choose(lang),
                parts: parts.unwrap_or_default(),
            };
            let path = session::resolve_session(&spec, &dir)?;
            xlsx_cmd::export(out, &path, output.as_deref(), &options)?;
        }
        Some(Command::ImportXlsx {
            session: spec,
            file,
            dry_run,
            overwrite,
        }) => {
            let args = xlsx_cmd::ImportArgs {
                file: &file,
                who: who_or_user(),
                dry_run,
                overwrite,
            };
            xlsx_cmd::import(out, &session::resolve_session(&spec, &dir)?, &args)?;
        }
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            marker_size,
            path,
        }) => {
            return merge_cmd::merge_driver(
                &base,
                &ours,
                &theirs,
                &marker_size,
                &path,
                &who_or_user(),
            );
        }
        Some(Command::Merge {
            base,
            ours,
            theirs,
            output,
        }) => return merge_cmd::merge_files(out, &base, &ours, &theirs, &output, &who_or_user()),
        Some(Command::GitSetup { dir: repo }) => {
            merge_cmd::git_setup(out, &repo.unwrap_or_else(|| PathBuf::from(".")))?
        }
        Some(Command::Textconv { file }) => merge_cmd::textconv(out, &file)?,
        Some(Command::Conflicts {
            session: spec,
            json,
        }) => merge_cmd::conflicts(out, &session::resolve_session(&spec, &dir)?, json)?,
        Some(Command::Resolve {
            session: spec,
            take,
            all,
            id,
        }) => merge_cmd::resolve(
            out,
            &session::resolve_session(&spec, &dir)?,
            &take,
            all,
            id.as_deref(),
            &who_or_user(),
        )?,
        None => return open_workbench(&dir, None, who.as_deref()),
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the workbench on a session, or on the home screen.
fn open_workbench(
    dir: &std::path::Path,
    session: Option<std::path::PathBuf>,
    who: Option<&str>,
) -> Result<ExitCode> {
    crate::tui::run(dir, session.as_deref(), who)
}

/// The language of a model's names: `--lang` (any language the model has), else the chosen one.
fn model_lang(flag: Option<String>) -> String {
    flag.unwrap_or_else(|| Lang::choose(None).code().to_string())
}

fn run_model(cmd: ModelCommand, out: &mut dyn Write) -> Result<()> {
    let load = |spec: Option<String>| {
        model::resolve_model(spec.as_deref().unwrap_or(model::DEFAULT_MODEL))
    };
    match cmd {
        ModelCommand::List => model_cmd::list(out),
        ModelCommand::Show { model, json, lang } => {
            model_cmd::show(out, &load(model)?, json, &model_lang(lang))
        }
        ModelCommand::Validate { model: Some(spec) } => {
            model_cmd::validate(out, &load(Some(spec))?)
        }
        ModelCommand::Validate { model: None } => {
            for (id, _, _) in model::EMBEDDED_MODELS {
                model_cmd::validate(out, &model::load_embedded(id)?)?;
            }
            Ok(())
        }
        ModelCommand::Stats { model, json, lang } => {
            model_cmd::stats(out, &load(model)?, json, &model_lang(lang))
        }
        ModelCommand::Synth {
            requirements,
            answers,
            seed,
            output,
        } => model_cmd::synth(out, &output, requirements, answers, seed),
    }
}

impl Lang {
    /// An error of the command line, told in this language: a refused edit anywhere in its
    /// chain is translated; other causes keep their own words.
    pub fn cli_error(self, err: &anyhow::Error) -> String {
        let message = match err
            .chain()
            .find_map(|e| e.downcast_ref::<crate::session::EditError>())
        {
            Some(edit) => self.edit_error(edit),
            None => format!("{err:#}"),
        };
        crate::i18n::fill(self.texts().errors.cli_error, &[("message", &message)])
    }
}
