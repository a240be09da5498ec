//! The command line (clap): every command is a thin call into the core.

mod audit_cmd;
mod compare_cmd;
mod config_cmd;
mod doctor_cmd;
mod help;
mod hints;
mod merge_cmd;
mod model_cmd;
mod report_cmd;
mod session_cmd;
mod shell_cmd;
mod xlsx_cmd;

pub use crate::session::{NewOptions, create as create_session, set_baseline, slug};

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
    /// Where installed models live (default: the platform data dir; also ASSESS_MODELS_DIR).
    #[arg(long, global = true, env = "ASSESS_MODELS_DIR", value_name = "DIR")]
    pub models_dir: Option<PathBuf>,
    /// Who is working: edits are recorded under this name, added to the assessors if new
    /// (default: the OS user).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_user: Option<String>,
    /// The configuration file (default: ASSESS_CONFIG, then config.ron in the platform config
    /// dir; `assess config path` prints it).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new session.
    New {
        /// The session's title; its file name is made from it (default: "Assessment DATE").
        #[arg(long)]
        title: Option<String>,
        /// The assessed organisation.
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
        /// Target level for every part in scope: 3 or L3, within the model's levels.
        #[arg(long, value_name = "N", value_parser = hints::level)]
        target: Option<u8>,
        /// A participant as "Name:Role", or "Name" alone for no role (repeat for each person).
        #[arg(long = "participant", value_name = "NAME:ROLE")]
        participants: Vec<String>,
        /// Print the new session's path and exit instead of opening it.
        #[arg(long)]
        no_open: bool,
        /// An earlier session of the same scope to compare with (summary Δ, reports, radar).
        #[arg(long, value_name = "PREV")]
        baseline: Option<String>,
        /// The session's language (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Resume a session (by path or by name in the sessions dir).
    Open {
        /// A session file, or its name in the sessions directory.
        session: String,
    },
    /// List the sessions in the sessions dir, newest first.
    List {
        /// One JSON object per session instead of a table.
        #[arg(long)]
        json: bool,
        /// Only the session names, one a line (what shell completion offers).
        #[arg(long, conflicts_with = "json")]
        names: bool,
    },
    /// Progress and levels per part and domain.
    Summary {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// The summary as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the names and headings (en or zh; default: the session's language,
        /// the one the workbench shows it in).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Check a session: it parses, its model matches, evidence is unchanged, the backup is usable.
    Doctor {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// Restore NAME.ron from NAME.ron.bak, keeping the current file as NAME.ron.damaged-<time>.
        #[arg(long)]
        restore_backup: bool,
    },
    /// Write a report (Markdown, HTML, PDF, CSV, JSON, an Excel workbook, or the radar as SVG)
    /// beside the session or to a file.
    Report {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// md, html, pdf, csv, json, xlsx or svg (default: from the -o file's extension, else
        /// html).
        #[arg(long, value_parser = ["md", "html", "pdf", "csv", "json", "xlsx", "svg"])]
        format: Option<String>,
        /// CSV: which table (one per file): requirements (default), findings or agenda.
        #[arg(long, value_parser = ["requirements", "findings", "agenda"])]
        table: Option<String>,
        /// SVG: the part whose domains the radar shows (default: the only part, else all parts).
        #[arg(long, value_name = "ID")]
        part: Option<String>,
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
        /// A session file, or its name in the sessions directory.
        session: String,
        /// The changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Sign a session off as final: it becomes read-only and its content hash is recorded.
    /// The pre-flight list is printed first; checks named by --block refuse the sign-off.
    #[command(alias = "sign-off")]
    Finalize {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// Checks that refuse the sign-off, comma-separated, or `none` (default:
        /// na_without_justification,evidence_changed_or_missing). Checks: unanswered, flagged,
        /// na_without_justification, met_without_evidence, evidence_changed_or_missing,
        /// not_reviewed.
        #[arg(long, value_name = "CHECKS")]
        block: Option<String>,
        /// Also sign the sign-off with this SSH key (a private key file, or the public key of
        /// one an ssh-agent holds), as `ssh-keygen -Y sign` does.
        #[arg(long, value_name = "FILE", env = "ASSESS_SIGNING_KEY")]
        key: Option<PathBuf>,
    },
    /// Reopen a final session for changes (the reason is logged).
    Reopen {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// Why the session is reopened; kept in the audit trail.
        #[arg(long)]
        reason: String,
    },
    /// Check a final session: its content is intact (hash, history, model) and who signed it
    /// (SSH signature): exit 0 when intact and any signature is good, else 1.
    Verify {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// The allowed-signers file (`NAME KEY-TYPE KEY` per line, as git's) that says whose
        /// key signed it.
        #[arg(long, value_name = "FILE", env = "ASSESS_ALLOWED_SIGNERS")]
        allowed_signers: Option<PathBuf>,
    },
    /// Work with assessment models.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Print a shell completion script (see README: Shell completions and the manual).
    Completions {
        /// The shell: bash, zsh, fish or powershell.
        #[arg(value_enum)]
        shell: shell_cmd::Shell,
    },
    /// Print the manual page (roff), e.g. `assess man > assess.1`.
    Man,
    /// The configuration file: where it is, what is in force, whether it is valid.
    #[command(subcommand)]
    Config(config_cmd::ConfigCommand),
    /// Write the self-assessment questionnaire as an Excel workbook, for teams to fill in.
    #[command(name = "export-xlsx")]
    ExportXlsx {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// Output file (default: NAME.questionnaire.xlsx beside the session).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of the workbook (en or zh; default: the session's language, as in the
        /// workbench).
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
        /// A session file, or its name in the sessions directory.
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
        /// The common ancestor (%O).
        base: PathBuf,
        /// This side (%A); the merge is written here.
        ours: PathBuf,
        /// The other side (%B).
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
        /// The copy both sides started from.
        base: PathBuf,
        /// This side's session file.
        ours: PathBuf,
        /// The other side's session file.
        theirs: PathBuf,
        /// Where the merged session is written.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Language of the output (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Set a git repository up to merge and diff sessions (idempotent).
    GitSetup {
        /// The repository (default: the current directory).
        dir: Option<PathBuf>,
        /// Language of the output (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// A session as requirement-level lines (git's textconv for `git diff`).
    Textconv {
        /// The session file to show as lines.
        file: PathBuf,
    },
    /// What changed between two sessions of one scope (A earlier, B later): per requirement,
    /// then levels and scores per practice, domain and part.
    Diff {
        /// The earlier session (a file, or its name in the sessions directory).
        a: String,
        /// The later session.
        b: String,
        /// Print the comparison as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the names and labels (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Many sessions (projects) of one model side by side: heatmap, spreads, weakest
    /// practices, progress; files that cannot be rolled up are listed as skipped.
    Rollup {
        /// Session files, or directories of them.
        #[arg(required = true, value_name = "SESSION|DIR")]
        inputs: Vec<PathBuf>,
        /// Output format (default: the output file's extension, else Markdown).
        #[arg(long, value_parser = ["md", "html", "csv", "json"])]
        format: Option<String>,
        /// Output file (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of the names and labels (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// List the conflicts a merge left in a session.
    Conflicts {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// The conflicts as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the output (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Resolve conflicts from a script by taking one side.
    Resolve {
        /// A session file, or its name in the sessions directory.
        session: String,
        /// Which side to take: ours or theirs.
        #[arg(long, value_parser = ["ours", "theirs"])]
        take: String,
        /// Every conflict.
        #[arg(long, conflicts_with = "id")]
        all: bool,
        /// One conflict (C1, C2, …).
        #[arg(long, value_name = "ID", required_unless_present = "all")]
        id: Option<String>,
        /// Language of the output (en or zh; default: ASSESS_LANG, then the locale).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// List the bundled and installed models.
    List,
    /// Show a model's tree (bundled id or path; default: caict-devops).
    Show {
        /// A bundled model id or a model file (default: caict-devops).
        model: Option<String>,
        /// The whole tree as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the names (en or zh).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check a model file, naming each problem by its id path (default: every bundled and
    /// installed model).
    Validate {
        /// A model file, or a bundled or installed model id (default: every bundled and
        /// installed model).
        model: Option<String>,
    },
    /// Turn a public model's own files into a model file, installed in the models dir.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Write a commented skeleton of a new model that validates.
    New {
        /// The new model's id (letters, digits, '-' or '_').
        id: String,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Counts per part, domain and level.
    Stats {
        /// A bundled model id or a model file (default: caict-devops).
        model: Option<String>,
        /// The counts as JSON.
        #[arg(long)]
        json: bool,
        /// Language of the names (en or zh).
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
        /// The random seed: the same seed writes the same model.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The directory to write into (created if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

/// The public models `assess model import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// OWASP SAMM v2: the core model's folder of YAML files (or its parent holding `model/`).
    Samm {
        /// The folder holding business_functions/, security_practices/, … (or model/).
        dir: PathBuf,
        #[command(flatten)]
        to: ImportTarget,
    },
    /// OWASP DSOMM: its generated `model.yaml`.
    Dsomm {
        /// DSOMM's generated model.yaml.
        file: PathBuf,
        #[command(flatten)]
        to: ImportTarget,
    },
}

/// Where an imported model is written.
#[derive(Debug, clap::Args)]
pub struct ImportTarget {
    /// Write the model here instead of installing it in the models dir.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace a model file that is already there.
    #[arg(long)]
    pub force: bool,
    /// The imported model's id (default: owasp-samm, owasp-dsomm), e.g. to keep two versions.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
}

/// Parses the arguments, runs the command, prints errors to stderr.
pub fn main() -> ExitCode {
    // Help and usage errors are told in the reader's language, decided before parsing.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = help::parse(args.clone(), help::language(&args));
    if let Some(dir) = &cli.models_dir {
        model::use_models_dir(dir.clone());
    }
    if !matches!(cli.command, Some(Command::Config(_))) {
        config_cmd::install(cli.config.as_deref());
    }
    let dir = sessions_dir(&cli);
    let lang = Lang::choose(cli.lang());
    // Titles, names and notes may carry terminal escapes: nothing reaches the terminal raw.
    let mut out = crate::terminal_text::SafeWriter::new(std::io::stdout().lock());
    let result = run(cli, &mut out);
    drop(out);
    match result {
        Ok(code) => code,
        // A reader that stopped early (`assess report … -o - | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let text = hints::explain(&err, &dir, lang);
            let line = crate::i18n::fill(lang.texts().errors.cli_error, &[("message", &text)]);
            crate::terminal_text::warn(&line);
            ExitCode::FAILURE
        }
    }
}

/// A catalogue text about one file (`cannot read {path}`), for an error's context.
fn on_path(template: &str, path: &std::path::Path) -> String {
    crate::i18n::fill(template, &[("path", &path.display().to_string())])
}

/// The output's reader closed the pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

impl Cli {
    /// The `--lang` given to the command, if it takes one.
    fn lang(&self) -> Option<Lang> {
        match &self.command {
            Some(
                Command::Summary { lang, .. }
                | Command::Report { lang, .. }
                | Command::New { lang, .. }
                | Command::Merge { lang, .. }
                | Command::GitSetup { lang, .. }
                | Command::Diff { lang, .. }
                | Command::Rollup { lang, .. }
                | Command::Conflicts { lang, .. }
                | Command::Resolve { lang, .. },
            ) => *lang,
            _ => None,
        }
    }
}

/// Runs a parsed command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let dir = sessions_dir(&cli);
    let who = cli
        .as_user
        .clone()
        .or_else(|| crate::config::current().assessor.clone());
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
            baseline,
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
            if let Some(prev) = baseline {
                crate::session::set_baseline(
                    &path,
                    &session::resolve_session(&prev, &dir)?,
                    &who_or_user(),
                )?;
            }
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
            key,
        }) => {
            let policy = match block {
                Some(list) => crate::review::SignOffPolicy::parse(&list)
                    .map_err(|e| anyhow::anyhow!("--block: {}", e.told(Lang::choose(None))))?,
                None => crate::review::SignOffPolicy::default(),
            };
            let path = session::resolve_session(&spec, &dir)?;
            audit_cmd::finalize(out, &path, &who_or_user(), key.as_deref(), &policy)?
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
        Some(Command::Verify {
            session: spec,
            allowed_signers,
        }) => {
            return audit_cmd::verify(
                out,
                &session::resolve_session(&spec, &dir)?,
                allowed_signers.as_deref(),
            );
        }
        Some(Command::List { names: true, .. }) => {
            for name in hints::session_names(&dir) {
                writeln!(out, "{name}")?;
            }
        }
        Some(Command::List { json, .. }) => session_cmd::list(out, &dir, json, Lang::choose(None))?,
        Some(Command::Completions { shell }) => shell_cmd::completions(out, shell)?,
        Some(Command::Man) => shell_cmd::man(out, Lang::choose(None))?,
        Some(Command::Config(cmd)) => return config_cmd::run(out, cli.config.as_deref(), cmd),
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
            table,
            part,
            output,
            lang,
            redact,
            no_bom,
        }) => report_cmd::report(
            out,
            &session::resolve_session(&spec, &dir)?,
            &report_cmd::ReportArgs {
                format,
                table,
                part,
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
            let path = session::resolve_session(&spec, &dir)?;
            let parts = parts.unwrap_or_default();
            xlsx_cmd::export(out, &path, output.as_deref(), lang, parts)?;
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
                Lang::choose(None),
            );
        }
        Some(Command::Merge {
            base,
            ours,
            theirs,
            output,
            lang,
        }) => {
            let who = who_or_user();
            let lang = Lang::choose(lang);
            return merge_cmd::merge_files(out, &base, &ours, &theirs, &output, &who, lang);
        }
        Some(Command::GitSetup { dir: repo, lang }) => merge_cmd::git_setup(
            out,
            &repo.unwrap_or_else(|| PathBuf::from(".")),
            Lang::choose(lang),
        )?,
        Some(Command::Textconv { file }) => merge_cmd::textconv(out, &file, Lang::choose(None))?,
        Some(Command::Diff { a, b, json, lang }) => compare_cmd::diff(
            out,
            &session::resolve_session(&a, &dir)?,
            &session::resolve_session(&b, &dir)?,
            json,
            Lang::choose(lang),
        )?,
        Some(Command::Rollup {
            inputs,
            format,
            output,
            lang,
        }) => compare_cmd::rollup(
            out,
            &inputs,
            format.as_deref(),
            output.as_deref(),
            Lang::choose(lang),
        )?,
        Some(Command::Conflicts {
            session: spec,
            json,
            lang,
        }) => merge_cmd::conflicts(
            out,
            &session::resolve_session(&spec, &dir)?,
            json,
            Lang::choose(lang),
        )?,
        Some(Command::Resolve {
            session: spec,
            take,
            all,
            id,
            lang,
        }) => merge_cmd::resolve(
            out,
            &session::resolve_session(&spec, &dir)?,
            &take,
            all,
            id.as_deref(),
            &who_or_user(),
            Lang::choose(lang),
        )?,
        None => return open_workbench(&dir, None, who.as_deref()),
    }
    Ok(ExitCode::SUCCESS)
}

/// Where sessions live: `--sessions-dir` (or `ASSESS_SESSIONS_DIR`), else the configuration's,
/// else the platform data dir.
fn sessions_dir(cli: &Cli) -> PathBuf {
    cli.sessions_dir
        .clone()
        .or_else(|| crate::config::current().sessions_dir.clone())
        .unwrap_or_else(session::default_sessions_dir)
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
        ModelCommand::Validate { model: None } => model_cmd::validate_all(out),
        ModelCommand::Stats { model, json, lang } => {
            model_cmd::stats(out, &load(model)?, json, &model_lang(lang))
        }
        ModelCommand::Synth {
            requirements,
            answers,
            seed,
            output,
        } => model_cmd::synth(out, &output, requirements, answers, seed),
        ModelCommand::Import { source } => model_cmd::import(out, source),
        ModelCommand::New { id, output } => model_cmd::new_skeleton(out, &id, &output),
    }
}

impl Lang {
    /// An error of the command line, told in this language: a refused edit anywhere in its
    /// chain is translated; other causes keep their own words.
    pub fn cli_error(self, err: &anyhow::Error) -> String {
        let message = self.error_message(err);
        crate::i18n::fill(self.texts().errors.cli_error, &[("message", &message)])
    }
}
