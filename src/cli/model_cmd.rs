//! `assess model …`: list, show, validate, count and synthesise assessment models.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::model::{self, LoadedModel, Text};
use crate::{session, synth};

/// `assess model list`: the bundled models, one line each.
pub fn list(out: &mut dyn Write) -> Result<()> {
    for (id, _, _) in model::EMBEDDED_MODELS {
        let loaded = model::load_embedded(id)?;
        let m = &loaded.model;
        let practices = loaded.index.practices.len();
        let requirements = loaded.index.requirements.len();
        writeln!(
            out,
            "{id}\t{}\tversion {}\t{} parts, {practices} practices, {requirements} requirements (bundled)",
            m.name.get("en"),
            m.version,
            m.parts.len()
        )?;
    }
    Ok(())
}

/// `assess model show`: the tree as indented text, or the whole tree as JSON.
pub fn show(out: &mut dyn Write, loaded: &LoadedModel, json: bool, lang: &str) -> Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, &model::model_json(loaded))?;
        writeln!(out)?;
        return Ok(());
    }
    let m = &loaded.model;
    let name = |t: &Text| t.get(lang).to_string();
    writeln!(out, "{} ({}, version {})", name(&m.name), m.id, m.version)?;
    for part in &m.parts {
        writeln!(out, "{}  {}", part.id, name(&part.name))?;
        for domain in &part.domains {
            writeln!(out, "  {}  {}", domain.id, name(&domain.name))?;
            for item in &domain.items {
                writeln!(out, "    {}  {}", item.id, name(&item.name))?;
                for practice in &item.practices {
                    let count: usize = practice.levels.iter().map(|l| l.requirements.len()).sum();
                    writeln!(
                        out,
                        "      {}  {}  ({count} requirements)",
                        practice.id,
                        name(&practice.name)
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `assess model validate`: loading already validated it; say what was checked.
pub fn validate(out: &mut dyn Write, loaded: &LoadedModel) -> Result<()> {
    writeln!(
        out,
        "{}: valid ({} parts, {} practices, {} requirements)",
        loaded.origin,
        loaded.model.parts.len(),
        loaded.index.practices.len(),
        loaded.index.requirements.len()
    )?;
    Ok(())
}

/// `assess model stats`: counts per part, domain and level.
pub fn stats(out: &mut dyn Write, loaded: &LoadedModel, json: bool, lang: &str) -> Result<()> {
    let stats = model::model_stats(&loaded.model, lang);
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<40} {:>7} {:>5} {:>9} {:>8} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "", "domains", "items", "practices", "reqs", "L1", "L2", "L3", "L4", "L5"
    )?;
    let row = |out: &mut dyn Write, indent: &str, c: &model::Counts| -> Result<()> {
        let label: String = format!("{indent}{} {}", c.id, c.name)
            .chars()
            .take(40)
            .collect();
        let [l1, l2, l3, l4, l5] = c.per_level;
        let pad = 40usize.saturating_sub(unicode_width(&label));
        writeln!(
            out,
            "{label}{:pad$} {:>7} {:>5} {:>9} {:>8} {l1:>5} {l2:>5} {l3:>5} {l4:>5} {l5:>5}",
            "", c.domains, c.items, c.practices, c.requirements
        )?;
        Ok(())
    };
    row(out, "", &stats.total)?;
    for part in &stats.parts {
        row(out, "  ", &part.counts)?;
        for domain in &part.domains {
            row(out, "    ", domain)?;
        }
    }
    provenance_rows(out, &stats)?;
    let authored = stats.total.authored;
    if authored > 0 {
        writeln!(
            out,
            "\n{authored} of {} practices are authored by analogy (provenance: authored), not taken from the standard's published tables.",
            stats.total.practices
        )?;
    }
    Ok(())
}

/// Requirements per provenance for the model and each part, so a reader sees at once how much
/// of a part paraphrases the published tables, a public draft, or is written by analogy.
fn provenance_rows(out: &mut dyn Write, stats: &model::ModelStats) -> Result<()> {
    writeln!(
        out,
        "\nRequirements by provenance:\n{:<40} {:>8} {:>8} {:>8}",
        "", "standard", "draft", "authored"
    )?;
    let parts = stats.parts.iter().map(|p| (&p.counts, "  "));
    for (c, indent) in std::iter::once((&stats.total, "")).chain(parts) {
        let label: String = format!("{indent}{} {}", c.id, c.name)
            .chars()
            .take(40)
            .collect();
        let pad = 40usize.saturating_sub(unicode_width(&label));
        let p = c.provenance;
        writeln!(
            out,
            "{label}{:pad$} {:>8} {:>8} {:>8}",
            "", p.standard, p.draft, p.authored
        )?;
    }
    Ok(())
}

/// `assess model synth`: writes `DIR/synthetic-N.ron` and, with `answers`, a session on it
/// in `DIR/sessions` that records the model's absolute path. Existing files are not replaced.
pub fn synth(
    out: &mut dyn Write,
    dir: &Path,
    requirements: usize,
    answers: Option<usize>,
    seed: u64,
) -> Result<()> {
    if requirements < synth::MIN_REQUIREMENTS {
        anyhow::bail!(
            "--requirements {requirements}: a synthetic model has at least {} requirements",
            synth::MIN_REQUIREMENTS
        );
    }
    let text = synth::model_ron(&synth::model(requirements, seed));
    let loaded = model::parse_model(&text, "synthetic")?;
    let n = loaded.index.requirements.len();
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let model_path = std::path::absolute(dir.join(format!("synthetic-{n}.ron")))?;
    if model_path.exists() {
        anyhow::bail!("{} already exists", model_path.display());
    }
    session::atomic_write(&model_path, text.as_bytes(), false)?;
    writeln!(out, "{}", model_path.display())?;
    if let Some(answers) = answers {
        let path_text = model_path.to_string_lossy().to_string();
        let made = synth::session(&loaded, answers, seed, Some(path_text))?;
        let sessions = dir.join("sessions");
        std::fs::create_dir_all(&sessions)
            .with_context(|| format!("cannot create {}", sessions.display()))?;
        let path = sessions.join(format!("synthetic-{n}-{answers}.ron"));
        session::create_session_file(&path, &made)?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(())
}

/// Display width, counting CJK characters as two columns.
fn unicode_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
