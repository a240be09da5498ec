//! Creating a session file from what a person chose (the CLI's `assess new` and the
//! workbench's new-session form call this one function).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::i18n::fill;
use crate::lang::Lang;
use crate::model;

use super::{NewSession, Session};

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
        .unwrap_or_else(|| {
            let date = &super::now_timestamp()[..10];
            fill(opts.lang.texts().home.default_title, &[("date", date)])
        });
    let assessor = opts.assessor.unwrap_or_else(super::current_user);
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
    session.cursor.lang = opts.lang;
    if let Some(on) = crate::config::current().auto_advance {
        session.cursor.auto_advance = on;
    }
    for spec in &opts.participants {
        let (name, role) = super::parse_participant(spec);
        session.add_participant(&name, &role, &assessor)?;
    }
    super::create_private_dir(dir)
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
    anyhow::bail!("{}", fill(t.level_range, &values))
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
        match super::create_session_file(&path, session) {
            Ok(()) => return Ok(path),
            Err(e) if super::is_already_exists(&e) => {}
            Err(e) => return Err(e.into()),
        }
    }
    anyhow::bail!(
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
    let out = super::clip_bytes(&out, super::STEM_MAX).trim_end_matches('-');
    if out.is_empty() {
        "session".to_string()
    } else {
        out.to_string()
    }
}

/// Names `baseline` as the baseline of the new session at `path` (relative to its folder when
/// both are in one folder, so the pair can move together, e.g. in a git repository).
pub fn set_baseline(path: &Path, baseline: &Path, who: &str) -> Result<()> {
    super::load_session(baseline)
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
    let mut session = super::load_session(path)?;
    session.set_baseline(Some(named), who)?;
    super::save_session(path, &session)?;
    Ok(())
}
