//! `assess merge-driver`, `merge`, `git-setup` and `textconv`: git as the engine that carries
//! sessions between people, with assess merging them answer by answer.

use std::io::Write;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use unicode_width::UnicodeWidthStr;

use anyhow::{Context, Result, bail};

use crate::i18n::fill;
use crate::lang::Lang;
use crate::merge::{MergeError, Merged, merge};
use crate::session::{
    self, Session, SessionError, atomic_replace, atomic_write, session_to_string,
};

/// Exit code when conflicts remain (git marks the path unmerged).
const CONFLICTS: u8 = 1;
/// Exit code when the merge was refused (different model versions): `%A` is untouched.
const REFUSED: u8 = 2;

/// A side's file: a session, or (for a path git created without a common ancestor) nothing.
/// With `whole`, its history is parsed (and checked) too; the base's history is never read
/// (histories merge as the union of ours and theirs), so it stays text.
fn read_side(path: &Path, shown: &str, whole: bool) -> Result<Option<Session>, SessionError> {
    let bytes = std::fs::read(path).map_err(|source| SessionError::Io {
        path: PathBuf::from(shown),
        action: session::IoAction::ReadAt(path.to_path_buf()),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let session = session::parse_session_lazily(bytes, Path::new(shown))?;
    if whole {
        session::check_history(Path::new(shown), &session)?;
    }
    Ok(Some(session))
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

/// A line about one file on stderr, in `lang`.
fn tell(shown: &str, message: &str, lang: Lang) {
    let line = fill(
        lang.texts().team_cli.about_file,
        &[("file", shown), ("message", message)],
    );
    crate::terminal_text::warn(&line);
}

/// Prints what the merge did, each line naming the file.
fn report(shown: &str, merged: &Merged, lang: Lang) {
    for note in &merged.notes {
        tell(shown, &note.text(lang), lang);
    }
    if merged.session.has_conflicts() {
        let n = merged.session.conflicts.len().to_string();
        let t = lang.texts().team_cli.conflicts_left;
        tell(shown, &fill(t, &[("n", &n), ("file", shown)]), lang);
    }
}

impl MergeError {
    /// Why the merge was refused, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            MergeError::ModelMismatch { ours, theirs } => fill(
                lang.texts().team_cli.different_models,
                &[("ours", ours), ("theirs", theirs)],
            ),
        }
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
    lang: Lang,
) -> Result<ExitCode> {
    // The three files are parsed side by side: parsing is nearly all of a merge's time.
    let sides = std::thread::scope(|scope| {
        let b = scope.spawn(|| read_side(base, shown, false));
        let t = scope.spawn(|| read_side(theirs, shown, true));
        let o = read_side(ours, shown, true);
        // A reader that panicked counts as unreadable: git's line merge takes over.
        let join = |h: std::thread::ScopedJoinHandle<'_, _>| {
            h.join().unwrap_or_else(|_| {
                Err(SessionError::Io {
                    path: PathBuf::from(shown),
                    action: session::IoAction::ReadSide,
                    source: std::io::Error::other("the reader stopped"),
                })
            })
        };
        (join(b), o, join(t))
    });
    let (b, o, t) = match sides {
        (Ok(b), Ok(Some(o)), Ok(Some(t))) => (b, o, t),
        _ => return line_merge(base, ours, theirs, marker, shown, lang),
    };
    let b = b.unwrap_or_else(|| empty_like(&o));
    let merged = match merge(&b, &o, &t, who) {
        Ok(merged) => merged,
        Err(e) => {
            let why = fill(
                lang.texts().team_cli.not_merged,
                &[("reason", &e.text(lang))],
            );
            tell(shown, &why, lang);
            return Ok(ExitCode::from(REFUSED));
        }
    };
    atomic_replace(ours, session_to_string(&merged.session).as_bytes())?;
    report(shown, &merged, lang);
    let exit = exit_for(&merged);
    // The process ends here: freeing four sessions one string at a time would take longer
    // than the merge's own writing, and the system frees them at once.
    std::mem::forget((b, o, t, merged));
    Ok(exit)
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
    lang: Lang,
) -> Result<ExitCode> {
    tell(shown, lang.texts().team_cli.line_merge, lang);
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
        .context(lang.texts().team_cli.git_missing)?;
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
    lang: Lang,
) -> Result<ExitCode> {
    let load = |p: &Path| session::load_session(p);
    let (b, o, t) = (load(base)?, load(ours)?, load(theirs)?);
    let merged = merge(&b, &o, &t, who).map_err(|e| {
        anyhow::anyhow!(
            "{} / {}: {}",
            ours.display(),
            theirs.display(),
            e.text(lang)
        )
    })?;
    session::save_session(output, &merged.session)?;
    let shown = output.display().to_string();
    report(&shown, &merged, lang);
    let t = lang.texts().team_cli;
    writeln!(out, "{}", fill(t.merged_into, &[("file", &shown)]))?;
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
fn ensure_lines(
    out: &mut dyn Write,
    path: &Path,
    comment: &str,
    lines: &[&str],
    lang: Lang,
) -> Result<()> {
    let t = lang.texts().team_cli;
    let file = path.display().to_string();
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(e).with_context(|| super::on_path(lang.texts().cli_help.cannot_read, path));
        }
    };
    let missing: Vec<&str> = lines
        .iter()
        .filter(|want| !text.lines().any(|l| l.trim() == **want))
        .copied()
        .collect();
    if missing.is_empty() {
        writeln!(out, "{}", fill(t.already_set_up, &[("file", &file)]))?;
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
    let lines = missing.join(" ");
    writeln!(
        out,
        "{}",
        fill(t.lines_added, &[("file", &file), ("lines", &lines)])
    )?;
    Ok(())
}

/// `assess git-setup [DIR]`: `.gitattributes` and the repository's config for the merge
/// driver and the textconv; running it again changes nothing and says so.
pub fn git_setup(out: &mut dyn Write, dir: &Path, lang: Lang) -> Result<()> {
    let t = lang.texts().team_cli;
    let top = git(dir, &["rev-parse", "--show-toplevel"], lang)
        .with_context(|| fill(t.not_a_repository, &[("dir", &dir.display().to_string())]))?;
    let top = PathBuf::from(top.trim());
    let exe = std::env::current_exe().context("cannot find this program's path")?;
    let exe = shell_quote(&exe.to_string_lossy());
    ensure_lines(
        out,
        &top.join(".gitattributes"),
        "Session files: merged answer by answer, diffed requirement by requirement",
        &[ATTRIBUTES],
        lang,
    )?;
    ensure_lines(
        out,
        &top.join(".gitignore"),
        "What assess keeps beside a session on one machine only",
        LOCAL_FILES,
        lang,
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
        let now = git(&top, &["config", "--local", "--get", key], lang).ok();
        if now.as_deref().map(str::trim) == Some(value.as_str()) {
            writeln!(out, "{}", fill(t.config_already_set, &[("key", key)]))?;
        } else {
            git(&top, &["config", "--local", key, &value], lang)?;
            let set = fill(t.config_set, &[("key", key), ("value", &value)]);
            writeln!(out, "{set}")?;
        }
    }
    writeln!(out, "{}", t.each_clone)?;
    Ok(())
}

fn git(dir: &Path, args: &[&str], lang: Lang) -> Result<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context(lang.texts().team_cli.git_missing)?;
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
pub fn textconv(out: &mut dyn Write, path: &Path, lang: Lang) -> Result<()> {
    let said = lang.texts().cli_help.cannot_read;
    let bytes = std::fs::read(path).with_context(|| super::on_path(said, path))?;
    match session::parse_session(&bytes, path) {
        Ok(s) => {
            let model = session::model_for_labels(&s, s.answer_values());
            let lines = crate::merge::session_lines(&s, model.as_ref(), lang);
            out.write_all(lines.as_bytes())?;
        }
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

fn side_row(c: &session::Conflict, side: &session::ConflictSide) -> SideRow {
    SideRow {
        // For scripts: CAICT's answers in English words, as always; another scale's by its
        // option ids, like every JSON output (no model).
        value: side.value.describe(&c.target, &c.fields, None, Lang::En),
        by: side.by.clone(),
        at: side.at.clone(),
    }
}

/// `assess conflicts SESSION [--json]`: what a merge left to resolve.
pub fn conflicts(out: &mut dyn Write, path: &Path, as_json: bool, lang: Lang) -> Result<()> {
    let t = lang.texts().team_cli;
    let file = path.display().to_string();
    let s = session::load_session(path)?;
    if as_json {
        let rows: Vec<ConflictRow> = s
            .conflicts
            .iter()
            .map(|(id, c)| ConflictRow {
                id,
                target: &c.target,
                fields: &c.fields,
                base: side_row(c, &c.base),
                ours: side_row(c, &c.ours),
                theirs: side_row(c, &c.theirs),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if s.conflicts.is_empty() {
        writeln!(out, "{}", fill(t.no_conflicts, &[("file", &file)]))?;
        return Ok(());
    }
    let n = s.conflicts.len().to_string();
    let count = fill(t.conflict_count, &[("file", &file), ("n", &n)]);
    writeln!(out, "{count}")?;
    let width = t.sides.iter().map(|s| s.width()).max().unwrap_or(0);
    let model = session::model_for_labels(&s, s.answer_values());
    for (id, c) in &s.conflicts {
        let fields = session::fields_label(&c.fields.join(", "), lang);
        writeln!(out, "{id}  {}  ({fields})", c.target)?;
        for (name, side) in t.sides.iter().zip([&c.base, &c.ours, &c.theirs]) {
            let value = side
                .value
                .describe(&c.target, &c.fields, model.as_ref(), lang);
            let value = value.replace('\n', " ⏎ ");
            let pad = " ".repeat(width - name.width());
            writeln!(out, "    {name}{pad} {value}  ({}, {})", side.by, side.at)?;
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
    lang: Lang,
) -> Result<()> {
    let t = lang.texts().team_cli;
    let take = match take {
        "ours" => session::Take::Ours,
        "theirs" => session::Take::Theirs,
        _ => bail!("{}", t.say_which),
    };
    let _lock = session::acquire_lock(path)?;
    let mut s = session::load_session(path)?;
    let ids: Vec<String> = match (all, id) {
        (true, None) => s.conflicts.keys().cloned().collect(),
        (false, Some(id)) => vec![id.to_string()],
        _ => bail!("{}", t.say_which),
    };
    for id in &ids {
        s.resolve_conflict(id, take, who)
            .with_context(|| format!("{}", path.display()))?;
    }
    session::save_session(path, &s)?;
    let side = match take {
        session::Take::Ours => t.taken[0],
        session::Take::Theirs => t.taken[1],
    };
    let values = [
        ("file", path.display().to_string()),
        ("ids", ids.join(", ")),
        ("side", side.to_string()),
        ("n", s.conflicts.len().to_string()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(out, "{}", fill(t.resolved, &values))?;
    Ok(())
}
