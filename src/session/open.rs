//! Opening a session together with the model it was made against.

use std::path::Path;

use anyhow::Result;

use super::{ModelRef, Session, load_session, load_session_lazily};
use crate::model::{self, LoadedModel};

/// A loaded session, its model, and what the user should know about the pairing.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub model: LoadedModel,
    /// E.g. "the model changed since this session was made" or orphaned answers.
    pub warnings: Vec<OpenWarning>,
}

/// What the reader should know about a session and its model (`Lang::open_warning` words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenWarning {
    /// The model's content changed since the session was saved.
    ModelChanged {
        id: String,
        from: String,
        to: String,
    },
    /// Answers moved to renamed requirements (the model's aliases).
    AnswersMoved(usize),
    /// Findings now tied to renamed requirements.
    FindingsMoved(usize),
    /// Answers to requirements the model no longer has (kept, listed in reports).
    Orphaned(usize),
}

/// Why a session that parses cannot be opened with its model.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}: cannot load its model {id:?}: {source}", path.display())]
    ModelUnloadable {
        path: std::path::PathBuf,
        id: String,
        #[source]
        source: model::ModelError,
    },
    /// An answer its requirement's scale does not offer; `line` where the file says so.
    #[error(
        "{}{}: answers[{requirement:?}].status: {answer:?} is not an answer of the scale {scale:?} (its answers: {})",
        path.display(),
        line.map_or_else(String::new, |n| format!(":{n}")),
        offered.join(", ")
    )]
    UnknownAnswer {
        path: std::path::PathBuf,
        line: Option<usize>,
        requirement: String,
        answer: String,
        scale: String,
        offered: Vec<String>,
    },
}

impl crate::lang::Lang {
    /// An opening warning in this language.
    pub fn open_warning(self, warning: &OpenWarning) -> String {
        use crate::i18n::fill;
        let t = self.texts().opening;
        let counted =
            |pair: [&str; 2], n: usize| fill(pair[usize::from(n != 1)], &[("n", &n.to_string())]);
        match warning {
            OpenWarning::ModelChanged { id, from, to } => {
                fill(t.model_changed, &[("id", id), ("from", from), ("to", to)])
            }
            OpenWarning::AnswersMoved(n) => counted(t.answers_moved, *n),
            OpenWarning::FindingsMoved(n) => counted(t.findings_moved, *n),
            OpenWarning::Orphaned(n) => counted(t.orphaned, *n),
        }
    }

    /// An opening warning as the command line prints it, naming the file.
    pub fn open_warning_line(self, path: &Path, warning: &OpenWarning) -> String {
        let values = [
            ("path", path.display().to_string()),
            ("warning", self.open_warning(warning)),
        ];
        let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
        crate::i18n::fill(self.texts().opening.warning, &values)
    }

    /// Why a session cannot be opened with its model, in this language.
    pub fn open_error(self, error: &OpenError) -> String {
        use crate::i18n::fill;
        let t = self.texts().opening;
        match error {
            OpenError::ModelUnloadable { path, id, source } => {
                let why = self
                    .model_error(source)
                    .unwrap_or_else(|| source.to_string());
                let path = path.display().to_string();
                fill(
                    t.model_unloadable,
                    &[("path", &path), ("id", id), ("error", &why)],
                )
            }
            OpenError::UnknownAnswer {
                path,
                line,
                requirement,
                answer,
                scale,
                offered,
            } => {
                let place = match line {
                    Some(n) => format!("{}:{n}", path.display()),
                    None => path.display().to_string(),
                };
                let answers = offered.join(self.texts().recorded.separator);
                let values = [
                    ("place", place.as_str()),
                    ("id", requirement),
                    ("answer", answer),
                    ("scale", scale),
                    ("answers", &answers),
                ];
                fill(t.unknown_answer, &values)
            }
        }
    }
}

/// The model a session names: its recorded path when it has one, else the bundled model.
pub fn model_for(session: &Session) -> Result<LoadedModel> {
    Ok(model_loaded(session)?)
}

/// As `model_for`, with the typed error.
pub fn model_loaded(session: &Session) -> Result<LoadedModel, model::ModelError> {
    match &session.model.path {
        Some(path) => model::load_path(Path::new(path)),
        None => model::load_embedded(&session.model.id),
    }
}

/// The session's model for showing these answer values (`scale::answer_label`): parsed only
/// when one of them is not CAICT's, whose words the catalogue has, so text outputs of a CAICT
/// session never pay for it. None as well when it cannot be loaded: values then show as stored,
/// and the output is never refused for it.
pub fn model_for_labels<'v>(
    session: &Session,
    values: impl IntoIterator<Item = &'v str>,
) -> Option<LoadedModel> {
    let needed = values
        .into_iter()
        .any(|v| !super::scale::shown_without_model(v));
    needed.then(|| model_for(session).ok()).flatten()
}

/// Loads a session and its model; answers under aliased ids move to their new ids in memory.
///
/// When the file's head names the bundled model, that model is parsed on a second core while
/// the session is read: the two parses were nearly all of the time to the first frame.
pub fn open_session(path: &Path) -> Result<Opened> {
    open_with(path, load_session)
}

/// As `open_session`, with the history left as text until first needed (the workbench
/// starts its parse on another core after the first frame: a year of history is most of the
/// file).
pub fn open_session_lazily(path: &Path) -> Result<Opened> {
    open_with(path, load_session_lazily)
}

fn open_with(
    path: &Path,
    load: impl Fn(&Path) -> Result<Session, super::SessionError> + Sync,
) -> Result<Opened> {
    let (session, bundled) = if head_names_bundled_model(path) {
        std::thread::scope(|scope| {
            let bundled = scope.spawn(|| model::load_embedded(model::DEFAULT_MODEL));
            (load(path), bundled.join().ok())
        })
    } else {
        (load(path), None)
    };
    let mut session = session?;
    let model = match bundled {
        Some(Ok(model))
            if session.model.path.is_none() && session.model.id == model::DEFAULT_MODEL =>
        {
            model
        }
        _ => model_loaded(&session).map_err(|source| OpenError::ModelUnloadable {
            path: path.to_path_buf(),
            id: session.model.id.clone(),
            source,
        })?,
    };
    refuse_unknown_answers(path, &model, &session)?;
    let mut warnings = Vec::new();
    if model.hash != session.model.hash {
        warnings.push(OpenWarning::ModelChanged {
            id: model.model.id.clone(),
            from: session.model.version.clone(),
            to: model.model.version.clone(),
        });
    }
    let moved = session.apply_aliases(&model);
    if moved.answers > 0 {
        warnings.push(OpenWarning::AnswersMoved(moved.answers));
    }
    if moved.findings > 0 {
        warnings.push(OpenWarning::FindingsMoved(moved.findings));
    }
    let orphaned = session.orphaned_answers(&model).count();
    if orphaned > 0 {
        warnings.push(OpenWarning::Orphaned(orphaned));
    }
    Ok(Opened {
        session,
        model,
        warnings,
    })
}

/// Refuses a session holding an answer its requirement's scale does not offer (a file edited
/// by hand, or made against another model), naming the file, line and requirement.
fn refuse_unknown_answers(path: &Path, model: &LoadedModel, session: &Session) -> Result<()> {
    let Some(unknown) = super::scale::unknown_answers(model, session)
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let key = format!("\"{}\"", unknown.requirement);
    let line = text.find(&key).map(|at| {
        let own_line = text[..at].matches('\n').count() + 1;
        own_line
            + text[at..]
                .lines()
                .position(|l| l.contains("status:"))
                .unwrap_or(0)
    });
    Err(OpenError::UnknownAnswer {
        path: path.to_path_buf(),
        line,
        requirement: unknown.requirement.clone(),
        answer: unknown.status.id().to_string(),
        scale: unknown.scale.clone(),
        offered: unknown.offered.clone(),
    }
    .into())
}

/// Whether a session file's head names the bundled model, read without parsing the file.
/// Only a guess, to start parsing that model early (a model parsed for nothing would cost a
/// core's time and, on another thread, memory that stays held); the parsed session decides.
fn head_names_bundled_model(path: &Path) -> bool {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    let read = std::fs::File::open(path).and_then(|file| {
        std::io::Read::read_to_end(&mut std::io::Read::take(file, HEAD_BYTES as u64), &mut head)
    });
    if read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let Some(start) = head.find("ModelRef(") else {
        return false;
    };
    let Some(len) = head[start..].find(')') else {
        return false;
    };
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<ModelRef>(&head[start..=start + len])
        .is_ok_and(|r| r.id == model::DEFAULT_MODEL && r.path.is_none())
}

/// How much of a session file's head is read to see which model it names (the model comes
/// after the title, organisation, scope and assessors).
const HEAD_BYTES: usize = 8 * 1024;

/// The name stamped on answers: `ASSESS_USER`, else the login name, else "assessor".
pub fn current_user() -> String {
    ["ASSESS_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "assessor".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_tells_which_sessions_name_the_bundled_model() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).expect("write");
            path
        };
        let bundled = write(
            "bundled.ron",
            "#![enable(implicit_some)]\nSession(\n    format: 2,\n    title: \"T\",\n    model: ModelRef(\n        id: \"caict-devops\",\n        version: \"1\",\n        hash: \"sha256:0\",\n    ),\n",
        );
        let elsewhere = write(
            "elsewhere.ron",
            "Session(\n    model: ModelRef(\n        id: \"caict-devops\",\n        version: \"1\",\n        hash: \"sha256:0\",\n        path: \"/models/copy.ron\",\n    ),\n",
        );
        let other = write(
            "other.ron",
            "Session(\n    model: ModelRef(id: \"synthetic-10\", version: \"1\", hash: \"h\"),\n",
        );
        assert!(head_names_bundled_model(&bundled));
        assert!(
            !head_names_bundled_model(&elsewhere),
            "a model file on disk"
        );
        assert!(!head_names_bundled_model(&other));
        assert!(!head_names_bundled_model(&write(
            "junk.ron",
            "ModelRef(((("
        )));
        assert!(!head_names_bundled_model(&dir.path().join("missing.ron")));
        let sample =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eastbridge-trading-platform.ron");
        assert!(head_names_bundled_model(&sample), "the shipped sample");
    }
}
