//! `assess diff` and `assess rollup`: sessions compared over time and across projects.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::compare;
use crate::rollup;
use crate::session::open_session;

/// `assess diff A B [--json]`: what changed from A (earlier) to B (later).
pub fn diff(out: &mut dyn Write, a: &Path, b: &Path, as_json: bool, lang: &str) -> Result<()> {
    let then = open_session(a)?;
    let now = open_session(b)?;
    if then.model.model.id != now.model.model.id {
        bail!(
            "{} is on model {} and {} on {}: only sessions of one model can be compared",
            a.display(),
            then.model.model.id,
            b.display(),
            now.model.model.id
        );
    }
    let d = compare::diff(&then.session, &then.model, &now.session, &now.model, lang);
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &d)?;
        writeln!(out)?;
    } else {
        out.write_all(compare::render_text(&d).as_bytes())?;
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
    lang: &str,
) -> Result<()> {
    let (paths, skipped) = rollup::collect_paths(inputs);
    let r = rollup::rollup(&paths, skipped, lang)?;
    for s in &r.skipped {
        eprintln!("assess: skipped {}: {}", s.path.display(), s.reason);
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
            crate::session::atomic_write(path, &bytes, false).context("cannot write the rollup")?;
            writeln!(
                out,
                "Rollup of {} project(s) written to {}",
                r.projects.len(),
                path.display()
            )?;
        }
        _ => out.write_all(&bytes)?,
    }
    Ok(())
}
