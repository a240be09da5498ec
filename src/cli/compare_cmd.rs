//! `assess diff` and `assess rollup`: sessions compared over time and across projects.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::compare;
use crate::i18n::fill;
use crate::lang::Lang;
use crate::rollup;
use crate::session::open_session;

/// `assess diff A B [--json]`: what changed from A (earlier) to B (later).
pub fn diff(out: &mut dyn Write, a: &Path, b: &Path, as_json: bool, lang: Lang) -> Result<()> {
    let then = open_session(a)?;
    let now = open_session(b)?;
    if then.model.model.id != now.model.model.id {
        bail!(
            "{}",
            fill(
                lang.texts().team_cli.models_differ,
                &[
                    ("a", &a.display().to_string()),
                    ("model_a", &then.model.model.id),
                    ("b", &b.display().to_string()),
                    ("model_b", &now.model.model.id),
                ],
            )
        );
    }
    let code = lang.code();
    let d = compare::diff(&then.session, &then.model, &now.session, &now.model, code);
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &d)?;
        writeln!(out)?;
    } else {
        out.write_all(compare::render_text(&d, &now.model, lang).as_bytes())?;
    }
    Ok(())
}

/// `assess rollup <SESSION|DIR>... [--format] [-o FILE]`; skipped files are also told on
/// stderr so a script never misses them.
pub fn rollup(
    out: &mut dyn Write,
    inputs: &[PathBuf],
    format: Option<&str>,
    output: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let t = lang.texts().team_cli;
    let (paths, skipped) = rollup::collect_paths(inputs, lang);
    let r = rollup::rollup(&paths, skipped, lang)?;
    for s in &r.skipped {
        let file = s.path.display().to_string();
        let line = fill(t.skipped, &[("file", &file), ("reason", &s.reason)]);
        crate::terminal_text::warn(&line);
    }
    let ext = output.and_then(|o| o.extension()).and_then(|e| e.to_str());
    let bytes = match format.or(ext).unwrap_or("md") {
        "html" | "htm" => rollup::render_html(&r).into_bytes(),
        "csv" => rollup::render_csv(&r),
        "json" => rollup::render_json(&r),
        _ => rollup::render_markdown(&r).into_bytes(),
    };
    match output {
        Some(path) if path.as_os_str() != "-" => {
            let said = lang.texts().cli_help.cannot_write_rollup;
            crate::session::atomic_write(path, &bytes, false).context(said)?;
            let n = r.projects.len().to_string();
            let file = path.display().to_string();
            writeln!(
                out,
                "{}",
                fill(t.rollup_written, &[("n", &n), ("file", &file)])
            )?;
        }
        _ => out.write_all(&bytes)?,
    }
    Ok(())
}
