//! `assess model …`: list, show, validate, count and synthesise assessment models.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::ImportSource;
use super::session_cmd::right;
use crate::i18n::{Lang, fill};
use crate::model::{self, LoadedModel, Text};
use crate::{session, synth};

/// `assess model list`: the bundled models, then the installed ones (a file that does not
/// load is listed with why), then where installed models live.
pub fn list(out: &mut dyn Write) -> Result<()> {
    let lang = Lang::choose(None);
    let t = lang.texts().models;
    for available in model::available_models() {
        let place = match available.place {
            model::Place::Bundled => t.bundled,
            model::Place::Installed => t.installed,
        };
        match &available.loaded {
            Ok(loaded) => list_row(out, loaded, place)?,
            Err(err) => {
                let error = explain_model_error(lang, err);
                let values = [("file", available.origin.as_str()), ("error", &error)];
                writeln!(out, "{}", fill(t.list_broken, &values))?;
            }
        }
    }
    let dir = model::models_dir().display().to_string();
    writeln!(out, "{}", fill(t.list_dir, &[("dir", &dir)]))?;
    Ok(())
}

fn list_row(out: &mut dyn Write, loaded: &LoadedModel, place: &str) -> Result<()> {
    let t = Lang::choose(None).texts().models;
    let m = &loaded.model;
    let mut row = fill(
        t.list_row,
        &[
            ("id", &m.id),
            ("name", m.name.get(Lang::choose(None).code())),
            ("version", &m.version),
            ("parts", &m.parts.len().to_string()),
            ("practices", &loaded.index.practices.len().to_string()),
            ("requirements", &loaded.index.requirements.len().to_string()),
            ("where", place),
        ],
    );
    if let Some(source) = &m.source {
        let name = match &source.version {
            Some(v) => format!("{} {v}", source.name),
            None => source.name.clone(),
        };
        let licence = source.licence.as_deref().unwrap_or("-");
        row.push_str(&fill(
            t.list_source,
            &[("source", &name), ("licence", licence)],
        ));
    }
    writeln!(out, "{row}")?;
    Ok(())
}

/// A model error in the reader's language where the catalogue has it.
fn explain_model_error(lang: Lang, err: &model::ModelError) -> String {
    lang.model_error(err).unwrap_or_else(|| err.to_string())
}

/// `assess model import samm DIR` / `dsomm FILE`: imports, checks the result loads, writes it
/// (installed as `ID.ron` in the models dir, or `-o FILE`), and says what came in and what
/// could not, each with its file and place.
pub fn import(out: &mut dyn Write, source: ImportSource) -> Result<()> {
    let lang = Lang::choose(None);
    let t = lang.texts().models;
    let (imported, to) = match source {
        ImportSource::Samm { dir, to } => (model::import::import_samm(&dir), to),
        ImportSource::Dsomm { file, to } => (model::import::import_dsomm(&file), to),
    };
    let mut imported = imported.map_err(|e| anyhow::anyhow!(lang.import_error(&e)))?;
    if let Some(id) = to.id.clone() {
        imported.model.id = id;
    }
    let text = imported.to_ron();
    let loaded = model::parse_model(&text, "imported model")?;
    let installing = to.output.is_none();
    let path = to
        .output
        .unwrap_or_else(|| model::installed_path(&loaded.model.id));
    let file = path.display().to_string();
    if path.exists() && !to.force {
        anyhow::bail!(fill(t.exists, &[("file", &file)]));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
    }
    session::atomic_write(&path, text.as_bytes(), false)?;
    let name = loaded.model.name.get("en");
    writeln!(
        out,
        "{}",
        fill(t.imported, &[("name", name), ("file", &file)])
    )?;
    let c = &imported.counts;
    let counts = [
        ("parts", c.parts),
        ("domains", c.domains),
        ("practices", c.practices),
        ("requirements", c.requirements),
        ("scales", c.scales),
        ("dependencies", c.dependencies),
    ]
    .map(|(k, v)| (k, v.to_string()));
    let values: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(out, "{}", fill(t.import_counts, &values))?;
    if imported.skipped.is_empty() {
        writeln!(out, "{}", t.import_complete)?;
    } else {
        let n = imported.skipped.len().to_string();
        writeln!(out, "{}", fill(t.import_skipped, &[("n", &n)]))?;
        for skipped in &imported.skipped {
            writeln!(out, "  {}", lang.import_error(skipped))?;
        }
    }
    if installing {
        writeln!(out, "{}", fill(t.next_step, &[("id", &loaded.model.id)]))?;
    }
    Ok(())
}

/// `assess model new ID -o FILE`: the commented skeleton, checked before it is written.
pub fn new_skeleton(out: &mut dyn Write, id: &str, path: &Path) -> Result<()> {
    let t = Lang::choose(None).texts().models;
    let text = model::skeleton(id);
    let file = path.display().to_string();
    model::parse_model(&text, &file)?;
    if path.exists() {
        anyhow::bail!(fill(t.exists, &[("file", &file)]));
    }
    session::atomic_write(path, text.as_bytes(), false)?;
    writeln!(
        out,
        "{}",
        fill(t.skeleton_written, &[("id", id), ("file", &file)])
    )?;
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
    let t = Lang::from_code(lang).texts().models;
    let values = [
        ("name", m.name.get(lang)),
        ("id", &m.id),
        ("version", &m.version),
    ];
    writeln!(out, "{}", fill(t.show_title, &values))?;
    how_answered(out, m, lang)?;
    for part in &m.parts {
        writeln!(out, "{}  {}", part.id, name(&part.name))?;
        for domain in &part.domains {
            writeln!(out, "  {}  {}", domain.id, name(&domain.name))?;
            for item in &domain.items {
                writeln!(out, "    {}  {}", item.id, name(&item.name))?;
                for practice in &item.practices {
                    let count: usize = practice.levels.iter().map(|l| l.requirements.len()).sum();
                    let count = fill(t.show_count, &[("n", &count.to_string())]);
                    writeln!(
                        out,
                        "      {}  {}  {count}",
                        practice.id,
                        name(&practice.name)
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `assess model validate` alone: every bundled and installed model; fails when one does not
/// load, after naming each that does not.
pub fn validate_all(out: &mut dyn Write) -> Result<()> {
    for (id, _, _) in model::EMBEDDED_MODELS {
        validate(out, &model::load_embedded(id)?)?;
    }
    let lang = Lang::choose(None);
    let mut broken = Vec::new();
    for (_, loaded) in model::installed_models() {
        match loaded {
            Ok(loaded) => validate(out, &loaded)?,
            Err(err) => broken.push(explain_model_error(lang, &err)),
        }
    }
    if !broken.is_empty() {
        anyhow::bail!(broken.join("\n"));
    }
    Ok(())
}

/// How the model is answered and scored, what it extends and where it comes from.
fn how_answered(out: &mut dyn Write, m: &model::Model, lang: &str) -> Result<()> {
    let t = Lang::from_code(lang).texts().models;
    let scoring = match m.scoring {
        model::Scoring::Staged => "staged",
        model::Scoring::Sum => "sum",
        model::Scoring::Share => "share",
    };
    let rollup = match m.rollup {
        model::Rollup::Minimum => "minimum",
        model::Rollup::Mean => "mean",
    };
    let max = m.max_level().to_string();
    let values = [
        ("scoring", scoring),
        ("rollup", rollup),
        ("max", max.as_str()),
    ];
    writeln!(out, "{}", fill(t.show_scoring, &values))?;
    let scales = if m.scales.is_empty() {
        std::slice::from_ref(m.default_scale())
    } else {
        &m.scales[..]
    };
    for scale in scales {
        let options: Vec<&str> = scale.options.iter().map(|o| o.label.get(lang)).collect();
        let labelled = Lang::from_code(lang).texts().deliverable.labelled;
        let values = [
            ("label", scale.id.as_str()),
            ("value", &options.join(" / ")),
        ];
        writeln!(out, "  {}", fill(labelled, &values))?;
    }
    if let Some(base) = &m.extends {
        writeln!(out, "{}", fill(t.show_extends, &[("base", base)]))?;
    }
    if let Some(source) = &m.source {
        let parts = [
            Some(&source.name),
            source.version.as_ref(),
            source.licence.as_ref(),
        ];
        let text: Vec<&str> = parts.into_iter().flatten().map(String::as_str).collect();
        writeln!(
            out,
            "{}",
            fill(t.show_source, &[("source", &text.join(" · "))])
        )?;
    }
    Ok(())
}

/// `assess model validate`: loading already validated it; say what was checked.
pub fn validate(out: &mut dyn Write, loaded: &LoadedModel) -> Result<()> {
    let t = Lang::choose(None).texts().models;
    let text = fill(
        t.valid,
        &[
            ("file", &loaded.origin),
            ("parts", &loaded.model.parts.len().to_string()),
            ("practices", &loaded.index.practices.len().to_string()),
            ("requirements", &loaded.index.requirements.len().to_string()),
        ],
    );
    writeln!(out, "{text}")?;
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
    // Right-aligned by display width: a Chinese heading is two columns a character.
    let [domains, items, practices, reqs] = Lang::from_code(lang).texts().models.stats_headings;
    writeln!(
        out,
        "{:<40} {} {} {} {} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "",
        right(domains, 7),
        right(items, 6),
        right(practices, 9),
        right(reqs, 8),
        "L1",
        "L2",
        "L3",
        "L4",
        "L5"
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
            "{label}{:pad$} {:>7} {:>6} {:>9} {:>8} {l1:>5} {l2:>5} {l3:>5} {l4:>5} {l5:>5}",
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
    let t = Lang::from_code(lang).texts().models;
    provenance_rows(out, &stats, t)?;
    let authored = stats.total.authored;
    if authored > 0 {
        let (authored, n) = (authored.to_string(), stats.total.practices.to_string());
        let note = fill(t.authored_note, &[("authored", &authored), ("n", &n)]);
        writeln!(out, "\n{note}")?;
    }
    Ok(())
}

/// Requirements per provenance for the model and each part, so a reader sees at once how much
/// of a part paraphrases the published tables, a public draft, or is written by analogy.
fn provenance_rows(
    out: &mut dyn Write,
    stats: &model::ModelStats,
    t: &crate::i18n::models::Models,
) -> Result<()> {
    let [standard, draft, authored] = t.provenances.map(|h| right(h, 8));
    let heading = t.provenance_heading;
    writeln!(out, "\n{heading}\n{:<40} {standard} {draft} {authored}", "")?;
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
    let cannot_create = Lang::choose(None).texts().cli_help.cannot_create;
    std::fs::create_dir_all(dir).with_context(|| super::on_path(cannot_create, dir))?;
    let model_path = std::path::absolute(dir.join(format!("synthetic-{n}.ron")))?;
    if model_path.exists() {
        let t = Lang::choose(None).texts().cli_help;
        anyhow::bail!(fill(
            t.exists,
            &[("path", &model_path.display().to_string())]
        ));
    }
    session::atomic_write(&model_path, text.as_bytes(), false)?;
    writeln!(out, "{}", model_path.display())?;
    if let Some(answers) = answers {
        let path_text = model_path.to_string_lossy().to_string();
        let made = synth::session(&loaded, answers, seed, Some(path_text))?;
        let sessions = dir.join("sessions");
        std::fs::create_dir_all(&sessions)
            .with_context(|| super::on_path(cannot_create, &sessions))?;
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
