//! `assess new`, `list` and `summary`: sessions from the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::{Lang, fill};
use crate::model;
use crate::session::{self, NewSession, Session, open_session};
use crate::summary::{Summary, overview_sessions, summarize};

/// Options of `assess new`.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub scope: Option<String>,
    pub model: Option<String>,
    pub parts: Vec<String>,
    pub target: Option<u8>,
    /// Who creates it (`--as`; default the OS user): the first assessor.
    pub assessor: Option<String>,
    /// `Name:Role` of each participant.
    pub participants: Vec<String>,
    /// The language the workbench opens the session in.
    pub lang: Lang,
}

/// Creates a session file in `dir` and returns its path. Never overwrites an existing file.
pub fn create(dir: &Path, opts: NewOptions) -> Result<PathBuf> {
    let spec = opts.model.as_deref().unwrap_or(crate::model::DEFAULT_MODEL);
    let loaded = model::resolve_model(spec)?;
    if let Some(level) = opts.target {
        check_level(level, &loaded.model)?;
    }
    let bundled = model::EMBEDDED_MODELS.iter().any(|(id, _, _)| *id == spec);
    // An installed model is named by id but recorded by its file, like any model file.
    let model_path = (!bundled).then(|| {
        let origin = &loaded.origin;
        std::fs::canonicalize(origin).map_or_else(|_| origin.clone(), |p| p.display().to_string())
    });
    let title = opts
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| format!("Assessment {}", &session::now_timestamp()[..10]));
    let assessor = opts.assessor.unwrap_or_else(session::current_user);
    let mut session = Session::new(
        &loaded,
        NewSession {
            title: title.clone(),
            organisation: opts.organisation.unwrap_or_default(),
            scope: opts.scope.unwrap_or_default(),
            assessors: vec![assessor.clone()],
            parts: opts.parts,
            target: opts.target,
            model_path,
        },
    )?;
    session.cursor.lang = opts.lang.code().to_string();
    if let Some(on) = crate::config::current().auto_advance {
        session.cursor.auto_advance = on;
    }
    for spec in &opts.participants {
        let (name, role) = session::parse_participant(spec);
        session.add_participant(&name, &role, &assessor)?;
    }
    session::create_private_dir(dir)
        .with_context(|| format!("cannot create the sessions directory {}", dir.display()))?;
    create_free(dir, &slug(&title), &session)
}

/// Refuses a target beyond the model's levels, naming its range (levels start at 0: not yet
/// at level 1).
fn check_level(level: u8, model: &model::Model) -> Result<()> {
    let max = model.levels.iter().map(|l| l.level).max().unwrap_or(0);
    if level <= max {
        return Ok(());
    }
    let t = Lang::choose(None).texts().hints;
    let (level, max) = (level.to_string(), max.to_string());
    let values = [
        ("level", level.as_str()),
        ("model", model.id.as_str()),
        ("min", "0"),
        ("max", max.as_str()),
    ];
    bail!("{}", fill(t.level_range, &values))
}

/// Creates the session under the first free `STEM.ron`, `STEM-2.ron`, …: each try is an
/// exclusive create, so two `new` at the same moment never write the same file.
fn create_free(dir: &Path, stem: &str, session: &Session) -> Result<PathBuf> {
    for n in 1..10_000 {
        let path = if n == 1 {
            dir.join(format!("{stem}.ron"))
        } else {
            dir.join(format!("{stem}-{n}.ron"))
        };
        match session::create_session_file(&path, session) {
            Ok(()) => return Ok(path),
            Err(e) if session::is_already_exists(&e) => {}
            Err(e) => return Err(e.into()),
        }
    }
    bail!(
        "{}: no free name for a session called {stem:?}",
        dir.display()
    )
}

/// A file-name stem from a title: lowercase ASCII words joined by '-', CJK kept, at most
/// `STEM_MAX` bytes (room for every suffix assess adds within the file system's name limit).
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.chars().take(60).collect();
    let out = session::clip_bytes(&out, session::STEM_MAX).trim_end_matches('-');
    if out.is_empty() {
        "session".to_string()
    } else {
        out.to_string()
    }
}

/// `assess list`: the sessions in `dir`, newest first.
pub fn list(out: &mut dyn Write, dir: &Path, as_json: bool) -> Result<()> {
    let rows = overview_sessions(dir)?;
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No sessions in {}. Start one with `assess new`.",
            dir.display()
        )?;
        return Ok(());
    }
    // Tab-separated: every value is escaped so that it stays one field on one row.
    let f = crate::terminal_text::tsv_field;
    for row in &rows {
        if let Some(error) = &row.error {
            let word = if row.unreadable {
                "UNREADABLE"
            } else {
                "DAMAGED"
            };
            writeln!(out, "{}\t{word}\t{}", f(&row.name), f(first_line(error)))?;
            continue;
        }
        let levels: Vec<String> = row
            .parts
            .iter()
            .map(|p| format!("{} L{}", p.id, p.level))
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}/{} answered\t{}\t{}",
            f(&row.name),
            f(&row.title),
            f(&row.model),
            row.answered,
            row.total,
            f(&levels.join(", ")),
            f(&row.updated),
        )?;
    }
    Ok(())
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// `assess summary`: progress and levels per part and domain.
/// `lang` None: the session's language.
pub fn summary(out: &mut dyn Write, path: &Path, as_json: bool, lang: Option<Lang>) -> Result<()> {
    let opened = open_session(path)?;
    for warning in &opened.warnings {
        crate::terminal_text::warn(&format!("assess: warning: {}: {warning}", path.display()));
    }
    let lang = lang.unwrap_or_else(|| Lang::from_code(&opened.session.cursor.lang));
    let summary = summarize(&opened.model, &opened.session, lang.code());
    let checks = crate::session::evidence_checks(&opened.session, &crate::session::base_dir(path));
    let review = ReviewLines {
        filters: crate::review::counts(&opened.model, &opened.session, &checks)
            .into_iter()
            .map(|(f, n)| (f.code(), n))
            .collect(),
        evidence: checks
            .iter()
            .map(|(id, c)| (id.clone(), c.label()))
            .collect(),
    };
    if as_json {
        #[derive(serde::Serialize)]
        struct WithReview<'a> {
            #[serde(flatten)]
            summary: &'a Summary,
            review: &'a ReviewLines,
        }
        let both = WithReview {
            summary: &summary,
            review: &review,
        };
        serde_json::to_writer_pretty(&mut *out, &both)?;
        writeln!(out)?;
        return Ok(());
    }
    print_summary(out, &summary, lang)?;
    print_baseline(out, path, &opened.session, &summary, lang)?;
    print_review(out, &review, &opened.session, lang)
}

/// The level of each part and domain in the baseline session, then → now (Δ).
fn print_baseline(
    out: &mut dyn Write,
    path: &Path,
    session: &crate::session::Session,
    summary: &Summary,
    lang: Lang,
) -> Result<()> {
    let Some(baseline) = crate::compare::baseline_summary(path, session, lang.code()) else {
        return Ok(());
    };
    let file = session.baseline.clone().unwrap_or_default();
    let (title, then) =
        baseline.with_context(|| format!("{}: its baseline {file}", path.display()))?;
    let t = &lang.texts().cli;
    let heading = fill(t.summary_baseline, &[("title", &title), ("file", &file)]);
    writeln!(out, "\n{heading}")?;
    writeln!(out, "{:<44} {:>12}", "", t.summary_then_now)?;
    for row in crate::compare::baseline_rows(summary, &then) {
        let indent = if row.domain { "  " } else { "" };
        let label = format!("{indent}{}", row.name);
        let pad = 44usize.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        writeln!(out, "{label}{:pad$} {:>12}", "", row.shown())?;
    }
    Ok(())
}

/// What `assess summary` adds for reviewers: the count of each review filter and the check
/// of each evidence file (`ok`, `changed`, `missing`, `unreadable`).
#[derive(Debug, serde::Serialize)]
struct ReviewLines {
    filters: std::collections::BTreeMap<&'static str, usize>,
    evidence: std::collections::BTreeMap<String, &'static str>,
}

fn print_review(
    out: &mut dyn Write,
    review: &ReviewLines,
    session: &crate::session::Session,
    lang: Lang,
) -> Result<()> {
    let t = lang.texts();
    let counts: Vec<String> = crate::review::Filter::ALL
        .iter()
        .map(|f| format!("{} {}", f.label_in(lang.code()), review.filters[f.code()]))
        .collect();
    let counts = counts.join(" · ");
    writeln!(out, "\n{}", fill(t.cli.review, &[("counts", &counts)]))?;
    let problems: Vec<String> = review
        .evidence
        .iter()
        .filter(|(_, c)| **c != "ok")
        .map(|(id, c)| {
            let location = session.evidence.get(id).map_or("", |e| e.location.as_str());
            format!("{id} {c} ({location})")
        })
        .collect();
    if !review.evidence.is_empty() {
        let ok = review.evidence.len() - problems.len();
        let (ok, bad) = (ok.to_string(), problems.len().to_string());
        let line = fill(t.cli.evidence_files, &[("ok", &ok), ("bad", &bad)]);
        writeln!(out, "{line}")?;
    }
    for p in problems {
        writeln!(out, "  {p}")?;
    }
    Ok(())
}

fn print_summary(out: &mut dyn Write, s: &Summary, lang: Lang) -> Result<()> {
    let t = &lang.texts().cli;
    writeln!(out, "{}", s.title)?;
    if !s.organisation.is_empty() || !s.scope.is_empty() {
        writeln!(out, "{} — {}", s.organisation, s.scope)?;
    }
    let (answered, total) = (s.answered.to_string(), s.total.to_string());
    let model = [
        ("model", s.model.as_str()),
        ("version", s.model_version.as_str()),
        ("answered", answered.as_str()),
        ("total", total.as_str()),
    ];
    writeln!(out, "{}\n", fill(t.summary_model, &model))?;
    if let Some(f) = &s.sign_off {
        let by = [
            ("by", f.by.as_str()),
            ("at", f.at.as_str()),
            ("hash", f.hash.as_str()),
        ];
        writeln!(out, "{}\n", fill(t.summary_final, &by))?;
    }
    let widths = [5, 6, 6, 4, 11];
    let heads: Vec<String> = t
        .summary_columns
        .iter()
        .zip(widths)
        .map(|(h, w)| right(h, w))
        .collect();
    writeln!(out, "{:<44} {}", "", heads.join(" "))?;
    let line = |out: &mut dyn Write, indent: &str, r: &crate::summary::ResultRow| -> Result<()> {
        let label = format!("{indent}{}", r.name);
        let pad = 44usize.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        let target = r.target.map_or_else(|| "-".to_string(), |t| t.to_string());
        writeln!(
            out,
            "{label}{:pad$} {:>5} {:>6.2} {:>6} {:>4} {:>11}",
            "",
            r.level,
            r.score,
            target,
            r.gap,
            format!("{}/{}", r.answered, r.total)
        )?;
        Ok(())
    };
    for part in &s.parts {
        line(out, "", &part.row)?;
        for domain in &part.domains {
            line(out, "  ", domain)?;
        }
    }
    Ok(())
}

/// `text` right-aligned in `width` terminal columns (a Chinese character takes two).
fn right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(text));
    format!("{:pad$}{text}", "")
}

/// Checks a part list typed as `cd,to` against nothing but its shape; the model checks ids.
pub fn parse_parts(value: &str) -> Result<Vec<String>> {
    let parts: Vec<String> = value
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        bail!("--parts needs at least one part id, e.g. --parts cd,to");
    }
    Ok(parts)
}

/// Names `baseline` as the baseline of the new session at `path` (relative to its folder when
/// both are in one folder, so the pair can move together, e.g. in a git repository).
pub fn set_baseline(path: &Path, baseline: &Path, who: &str) -> Result<()> {
    crate::session::load_session(baseline)
        .with_context(|| format!("the baseline {}", baseline.display()))?;
    let same_dir = |p: &Path| {
        std::fs::canonicalize(p)
            .ok()
            .and_then(|c| c.parent().map(Path::to_path_buf))
    };
    let named = match (same_dir(path), same_dir(baseline), baseline.file_name()) {
        (Some(a), Some(b), Some(name)) if a == b => name.to_string_lossy().into_owned(),
        _ => std::fs::canonicalize(baseline)
            .unwrap_or_else(|_| baseline.to_path_buf())
            .display()
            .to_string(),
    };
    let mut session = crate::session::load_session(path)?;
    session.set_baseline(Some(named), who)?;
    crate::session::save_session(path, &session)?;
    Ok(())
}
