//! `assess list` and `summary`: sessions from the command line (`new` is `session::create`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::i18n::{Lang, fill};
use crate::session::open_session;
use crate::summary::{Summary, overview_sessions, summarize};

/// `assess list`: the sessions in `dir`, newest first.
pub fn list(out: &mut dyn Write, dir: &Path, as_json: bool, lang: Lang) -> Result<()> {
    let t = lang.texts().cli;
    let rows = overview_sessions(dir, lang)?;
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        let dir = dir.display().to_string();
        writeln!(out, "{}", fill(t.no_sessions, &[("dir", &dir)]))?;
        return Ok(());
    }
    // Tab-separated: every value is escaped so that it stays one field on one row.
    let f = crate::terminal_text::tsv_field;
    for row in &rows {
        if let Some(error) = &row.error {
            let word = if row.unreadable {
                t.unreadable
            } else {
                t.damaged
            };
            writeln!(out, "{}\t{word}\t{}", f(&row.name), f(first_line(error)))?;
            continue;
        }
        let levels: Vec<String> = row
            .parts
            .iter()
            .map(|p| format!("{} L{}", p.id, p.level))
            .collect();
        let (answered, total) = (row.answered.to_string(), row.total.to_string());
        let progress = fill(
            t.list_answered,
            &[("answered", &answered), ("total", &total)],
        );
        writeln!(
            out,
            "{}\t{}\t{}\t{progress}\t{}\t{}",
            f(&row.name),
            f(&row.title),
            f(&row.model),
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
    let lang = lang.unwrap_or(opened.session.cursor.lang);
    for warning in &opened.warnings {
        crate::terminal_text::warn(&lang.open_warning_line(path, warning));
    }
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
        .map(|f| format!("{} {}", t.terms.filter(*f), review.filters[f.code()]))
        .collect();
    let counts = counts.join(" · ");
    writeln!(out, "\n{}", fill(t.cli.review, &[("counts", &counts)]))?;
    let problems: Vec<String> = review
        .evidence
        .iter()
        .filter(|(_, c)| **c != "ok")
        .map(|(id, c)| {
            let location = session.evidence.get(id).map_or("", |e| e.location.as_str());
            format!("{id} {} ({location})", check_word(c, lang))
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

/// A file check's code (`missing`, as the JSON output has it) as a word in `lang`.
fn check_word(code: &str, lang: Lang) -> &str {
    let codes = crate::i18n::workbench::EN.register.checks;
    codes
        .iter()
        .position(|c| *c == code)
        .map_or(code, |i| lang.texts().workbench.register.checks[i])
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
pub(super) fn right(text: &str, width: usize) -> String {
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
        bail!("{}", Lang::choose(None).texts().cli_help.parts_needed);
    }
    Ok(parts)
}
