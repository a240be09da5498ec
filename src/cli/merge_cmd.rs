//! `assess merge-driver`, `merge`, `git-setup` and `textconv`: git as the engine that carries
//! sessions between people, with assess merging them answer by answer.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use crate::merge::{Merged, merge};
use crate::session::{self, Session, SessionError, atomic_write, session_to_string};

/// Exit code when conflicts remain (git marks the path unmerged).
const CONFLICTS: u8 = 1;
/// Exit code when the merge was refused (different model versions): `%A` is untouched.
const REFUSED: u8 = 2;

/// A side's file: a session, or (for a path git created without a common ancestor) nothing.
fn read_side(path: &Path, shown: &str) -> Result<Option<Session>, SessionError> {
    let bytes = std::fs::read(path).map_err(|source| SessionError::Io {
        path: PathBuf::from(shown),
        action: format!("cannot read {}", path.display()),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    session::parse_session(&bytes, Path::new(shown)).map(Some)
}

/// The base when the two sides share none: the same session with nothing recorded.
fn empty_like(s: &Session) -> Session {
    let mut base = s.clone();
    base.answers.clear();
    base.evidence.clear();
    base.findings.clear();
    base.history.clear();
    base.conflicts.clear();
    base.participants.clear();
    base.targets.clear();
    base.sign_off = None;
    base
}

/// Prints what the merge did, each line naming the file.
fn report(shown: &str, merged: &Merged) {
    for note in &merged.notes {
        eprintln!("assess: {shown}: {note}");
    }
    if merged.session.has_conflicts() {
        eprintln!(
            "assess: {shown}: {} conflict(s) to resolve: `assess conflicts {shown}`, then `assess resolve` or the workbench",
            merged.session.conflicts.len()
        );
    }
}

/// `assess merge-driver %O %A %B %L %P`: the gitattributes(5) merge-driver contract. The
/// result replaces `%A` atomically; `%P` is only named in messages. Files that are not
/// sessions fall back to git's own line merge.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    marker: &str,
    shown: &str,
    who: &str,
) -> Result<ExitCode> {
    let sides = (
        read_side(base, shown),
        read_side(ours, shown),
        read_side(theirs, shown),
    );
    let (b, o, t) = match sides {
        (Ok(b), Ok(Some(o)), Ok(Some(t))) => (b, o, t),
        _ => return line_merge(base, ours, theirs, marker, shown),
    };
    let b = b.unwrap_or_else(|| empty_like(&o));
    let merged = match merge(&b, &o, &t, who) {
        Ok(merged) => merged,
        Err(e) => {
            eprintln!(
                "assess: {shown}: not merged: {e}. The file was left as it was on this side."
            );
            return Ok(ExitCode::from(REFUSED));
        }
    };
    atomic_write(ours, session_to_string(&merged.session).as_bytes(), false)?;
    report(shown, &merged);
    Ok(exit_for(&merged))
}

fn exit_for(merged: &Merged) -> ExitCode {
    if merged.session.has_conflicts() {
        ExitCode::from(CONFLICTS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Git's line merge for a file that is not a session (or not readable as one).
fn line_merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    marker: &str,
    shown: &str,
) -> Result<ExitCode> {
    eprintln!("assess: {shown}: not a session file this build can read; merging it line by line");
    let status = Command::new("git")
        .args([
            "merge-file",
            &format!("--marker-size={marker}"),
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
        ])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()
        .context("cannot run `git merge-file`")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CONFLICTS)
    })
}

/// `assess merge BASE OURS THEIRS -o OUT`: the same merge without git.
pub fn merge_files(
    out: &mut dyn Write,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: &Path,
    who: &str,
) -> Result<ExitCode> {
    let load = |p: &Path| session::load_session(p);
    let (b, o, t) = (load(base)?, load(ours)?, load(theirs)?);
    let merged = merge(&b, &o, &t, who)
        .map_err(|e| anyhow::anyhow!("{} and {}: {e}", ours.display(), theirs.display()))?;
    session::save_session(output, &merged.session)?;
    let shown = output.display().to_string();
    report(&shown, &merged);
    writeln!(out, "Merged into {shown}")?;
    Ok(exit_for(&merged))
}

/// What `git-setup` writes into `.gitattributes`.
const ATTRIBUTES: &str = "*.ron merge=assess diff=assess";

/// Files beside a session that belong to one machine (backup, lock, crash recovery, a
/// damaged copy kept by `doctor`): `git-setup` keeps them out of the repository.
const LOCAL_FILES: &[&str] = &[
    "*.ron.bak",
    "*.ron.lock",
    "*.ron.recovered",
    "*.ron.damaged-*",
];

/// Appends the lines a file lacks (under a comment), or says it has them all.
fn ensure_lines(out: &mut dyn Write, path: &Path, comment: &str, lines: &[&str]) -> Result<()> {
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let missing: Vec<&str> = lines
        .iter()
        .filter(|want| !text.lines().any(|l| l.trim() == **want))
        .copied()
        .collect();
    if missing.is_empty() {
        writeln!(out, "{}: already set up", path.display())?;
        return Ok(());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("# {comment} (assess git-setup)\n"));
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    atomic_write(path, text.as_bytes(), false)?;
    writeln!(
        out,
        "{}: added {} (commit it so every clone has it)",
        path.display(),
        missing.join(" ")
    )?;
    Ok(())
}

/// `assess git-setup [DIR]`: `.gitattributes` and the repository's config for the merge
/// driver and the textconv; running it again changes nothing and says so.
pub fn git_setup(out: &mut dyn Write, dir: &Path) -> Result<()> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).with_context(|| {
        format!(
            "{}: not inside a git repository (run `git init` first)",
            dir.display()
        )
    })?;
    let top = PathBuf::from(top.trim());
    let exe = std::env::current_exe().context("cannot find this program's path")?;
    let exe = shell_quote(&exe.to_string_lossy());
    ensure_lines(
        out,
        &top.join(".gitattributes"),
        "Session files: merged answer by answer, diffed requirement by requirement",
        &[ATTRIBUTES],
    )?;
    ensure_lines(
        out,
        &top.join(".gitignore"),
        "What assess keeps beside a session on one machine only",
        LOCAL_FILES,
    )?;
    for (key, value) in [
        (
            "merge.assess.name",
            "assess: three-way merge of sessions".to_string(),
        ),
        (
            "merge.assess.driver",
            format!("{exe} merge-driver %O %A %B %L %P"),
        ),
        ("diff.assess.textconv", format!("{exe} textconv")),
    ] {
        let now = git(&top, &["config", "--local", "--get", key]).ok();
        if now.as_deref().map(str::trim) == Some(value.as_str()) {
            writeln!(out, "git config {key}: already set")?;
        } else {
            git(&top, &["config", "--local", key, &value])?;
            writeln!(out, "git config {key} = {value}")?;
        }
    }
    writeln!(
        out,
        "Each clone needs `assess git-setup` once: git does not copy its config."
    )?;
    Ok(())
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context("cannot run git: is it installed?")?;
    if !output.status.success() {
        bail!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A path as one word for the shell git runs drivers with.
fn shell_quote(text: &str) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// `assess textconv FILE`: a session as requirement-level lines, so `git diff` and `git log
/// -p` show `cd.config.vc.vcs.l2.1: Partial (Li Na)` turning into `Met (Li Na)`, not RON.
/// A file that is not a session is printed as it is.
pub fn textconv(out: &mut dyn Write, path: &Path) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    match session::parse_session(&bytes, path) {
        Ok(s) => out.write_all(crate::merge::session_lines(&s).as_bytes())?,
        Err(_) => out.write_all(&bytes)?,
    }
    Ok(())
}

/// One conflict in `assess conflicts --json`.
#[derive(serde::Serialize)]
struct ConflictRow<'a> {
    id: &'a str,
    target: &'a str,
    fields: &'a [String],
    base: SideRow,
    ours: SideRow,
    theirs: SideRow,
}

#[derive(serde::Serialize)]
struct SideRow {
    value: String,
    by: String,
    at: String,
}

fn side_row(side: &session::ConflictSide, fields: &[String]) -> SideRow {
    SideRow {
        value: side.value.describe(fields),
        by: side.by.clone(),
        at: side.at.clone(),
    }
}

/// `assess conflicts SESSION [--json]`: what a merge left to resolve.
pub fn conflicts(out: &mut dyn Write, path: &Path, as_json: bool) -> Result<()> {
    let s = session::load_session(path)?;
    if as_json {
        let rows: Vec<ConflictRow> = s
            .conflicts
            .iter()
            .map(|(id, c)| ConflictRow {
                id,
                target: &c.target,
                fields: &c.fields,
                base: side_row(&c.base, &c.fields),
                ours: side_row(&c.ours, &c.fields),
                theirs: side_row(&c.theirs, &c.fields),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if s.conflicts.is_empty() {
        writeln!(out, "{}: no conflicts", path.display())?;
        return Ok(());
    }
    writeln!(out, "{}: {} conflict(s)", path.display(), s.conflicts.len())?;
    for (id, c) in &s.conflicts {
        writeln!(out, "{id}  {}  ({})", c.target, c.fields.join(", "))?;
        for (name, side) in [("base", &c.base), ("ours", &c.ours), ("theirs", &c.theirs)] {
            let value = side.value.describe(&c.fields).replace('\n', " ⏎ ");
            writeln!(out, "    {name:<7} {value}  ({}, {})", side.by, side.at)?;
        }
    }
    Ok(())
}

/// `assess resolve SESSION --take ours|theirs (--all | --id ID)`: each resolution logged.
pub fn resolve(
    out: &mut dyn Write,
    path: &Path,
    take: &str,
    all: bool,
    id: Option<&str>,
    who: &str,
) -> Result<()> {
    let take = match take {
        "ours" => session::Take::Ours,
        "theirs" => session::Take::Theirs,
        other => bail!("--take {other}: say ours or theirs"),
    };
    let _lock = session::acquire_lock(path)?;
    let mut s = session::load_session(path)?;
    let ids: Vec<String> = match (all, id) {
        (true, None) => s.conflicts.keys().cloned().collect(),
        (false, Some(id)) => vec![id.to_string()],
        _ => bail!("say which: --all or --id ID"),
    };
    for id in &ids {
        s.resolve_conflict(id, take, who)
            .with_context(|| format!("{}", path.display()))?;
    }
    session::save_session(path, &s)?;
    writeln!(
        out,
        "{}: resolved {} (took {}); {} conflict(s) remain",
        path.display(),
        ids.join(", "),
        take.code(),
        s.conflicts.len()
    )?;
    Ok(())
}
