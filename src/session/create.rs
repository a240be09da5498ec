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
    let bundled = model::EMBEDDED_MODELS.iter().any(|(id, _, _)| *id == spec);
    let model_path = (!bundled).then(|| {
        std::fs::canonicalize(spec).map_or_else(|_| spec.to_string(), |p| p.display().to_string())
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
    for spec in &opts.participants {
        let (name, role) = super::parse_participant(spec);
        session.add_participant(&name, &role, &assessor)?;
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the sessions directory {}", dir.display()))?;
    let path = free_path(dir, &slug(&title));
    super::create_session_file(&path, &session)?;
    Ok(path)
}

/// A file-name stem from a title: lowercase ASCII words joined by '-', CJK kept.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "session".to_string()
    } else {
        out
    }
}

fn free_path(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.ron"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.ron")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
