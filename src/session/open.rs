//! Opening a session together with the model it was made against.

use std::path::Path;

use anyhow::{Context, Result};

use super::{Session, load_session};
use crate::model::{self, LoadedModel};

/// A loaded session, its model, and what the user should know about the pairing.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub model: LoadedModel,
    /// E.g. "the model changed since this session was made" or orphaned answers.
    pub warnings: Vec<String>,
}

/// The model a session names: its recorded path when it has one, else the bundled model.
pub fn model_for(session: &Session) -> Result<LoadedModel> {
    let loaded = match &session.model.path {
        Some(path) => model::load_path(Path::new(path))?,
        None => model::load_embedded(&session.model.id)?,
    };
    Ok(loaded)
}

/// Loads a session and its model; answers under aliased ids move to their new ids in memory.
///
/// The bundled model, which nearly every session names, is parsed on a second core while the
/// session file is read: the two parses were nearly all of the time to the first frame. A
/// session that names another model loads it after, and the bundled one is dropped.
pub fn open_session(path: &Path) -> Result<Opened> {
    let (session, bundled) = std::thread::scope(|scope| {
        let bundled = scope.spawn(|| model::load_embedded(model::DEFAULT_MODEL));
        (load_session(path), bundled.join())
    });
    let mut session = session?;
    let model = match bundled {
        Ok(Ok(model))
            if session.model.path.is_none() && session.model.id == model::DEFAULT_MODEL =>
        {
            model
        }
        _ => model_for(&session).with_context(|| {
            format!(
                "{}: cannot load its model {:?}",
                path.display(),
                session.model.id
            )
        })?,
    };
    let mut warnings = Vec::new();
    if model.hash != session.model.hash {
        warnings.push(format!(
            "the model {} has changed since this session was saved (version {} → {})",
            model.model.id, session.model.version, model.model.version
        ));
    }
    let moved = session.apply_aliases(&model);
    if moved > 0 {
        warnings.push(format!("{} moved to renamed requirements", answers(moved)));
    }
    let orphaned = session.orphaned_answers(&model).count();
    if orphaned > 0 {
        warnings.push(format!(
            "{} {} to requirements this model no longer has; kept in the file and listed in reports",
            answers(orphaned),
            if orphaned == 1 { "belongs" } else { "belong" }
        ));
    }
    Ok(Opened {
        session,
        model,
        warnings,
    })
}

/// "1 answer", "3 answers".
fn answers(n: usize) -> String {
    if n == 1 {
        "1 answer".to_string()
    } else {
        format!("{n} answers")
    }
}

/// The name stamped on answers: `ASSESS_USER`, else the login name, else "assessor".
pub fn current_user() -> String {
    ["ASSESS_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "assessor".to_string())
}
