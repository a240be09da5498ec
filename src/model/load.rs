//! Loading a model from the embedded copies or from a file, with errors that name the file and
//! the place (line and column for syntax, id path for meaning).

use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::index::ModelIndex;
use super::schema::Model;
use super::validate::{Problem, validate_model};
use crate::i18n::{Lang, fill};
use crate::textfile::{Capped, MAX_FILE_BYTES, read_capped, utf8_text};

/// The model a new session uses unless told otherwise: the CAICT DevOps model.
pub const DEFAULT_MODEL: &str = "caict-devops";

/// Models compiled into the binary: (id, file name, RON text).
pub const EMBEDDED_MODELS: &[(&str, &str, &str)] = &[(
    DEFAULT_MODEL,
    "assets/models/caict-devops.ron",
    include_str!("../../assets/models/caict-devops.ron"),
)];

/// The bundled models as the build parsed them: (file, JSON, hash of the RON text). See
/// build.rs: JSON reads several times faster than RON, and the first frame waits for it.
const PARSED_AHEAD: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/parsed_models.rs"));

/// A commented model that validates, for `assess model new` (its id is `MODEL_ID`).
pub const SKELETON: &str = include_str!("../../assets/model-skeleton.ron");

/// The skeleton with its id set.
pub fn skeleton(id: &str) -> String {
    SKELETON.replace("\"MODEL_ID\"", &format!("{id:?}"))
}

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read model file {}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the file is {}, larger than any model (the limit is {}); it is probably not a model file",
        path.display(),
        crate::textfile::human_size(*size),
        crate::textfile::human_size(*limit)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{origin}:{line}:{column}: the model file is not valid RON: {message}")]
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: crate::textfile::TextProblem,
    },
    #[error("{origin}: the model is invalid:\n{}", ProblemList(problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
    #[error(
        "no model called {0:?}: use a bundled or installed model id (see `assess model list`) or a path to a .ron file"
    )]
    Unknown(String),
    #[error(
        "{origin}: extends {base:?}, which is neither a bundled model, an installed one, nor a file {base}.ron beside it"
    )]
    UnknownBase { origin: String, base: String },
    #[error("{origin}: the models extend each other in a circle: {}", chain.join(" → "))]
    ExtendsCycle { origin: String, chain: Vec<String> },
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {problem}")?;
        }
        Ok(())
    }
}

/// A validated model with where it came from, its content hash and its index.
#[derive(Debug, Clone)]
pub struct LoadedModel {
    pub model: Model,
    /// The file it was read from (a path, or the asset name of an embedded model).
    pub origin: String,
    /// `sha256:<hex>` of the file's bytes; sessions record it to notice model changes.
    pub hash: String,
    pub index: ModelIndex,
}

impl LoadedModel {
    /// The requirement with this full id.
    pub fn requirement(&self, id: &str) -> Option<&super::schema::Requirement> {
        let r = &self.index.requirements[self.index.requirement(id)?];
        Some(
            self.model
                .requirement_of(&self.index.practices[r.practice], r),
        )
    }

    /// The answer scale of the requirement with this full id (the model's default when the
    /// id is unknown, e.g. an orphaned answer).
    pub fn scale_of(&self, id: &str) -> &super::schema::AnswerScale {
        match self.requirement(id) {
            Some(requirement) => self.model.scale_for(requirement),
            None => self.model.default_scale(),
        }
    }
}

/// `sha256:<hex>` of some content.
pub fn content_hash(bytes: &[u8]) -> String {
    digest_text(&Sha256::digest(bytes))
}

/// A SHA-256 digest as `sha256:<hex>`.
pub fn digest_text(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(7 + digest.len() * 2);
    hex.push_str("sha256:");
    for byte in digest.iter() {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Parses and validates model text; `origin` names the file in every error. A model that
/// extends another is merged with its base first (see `library.rs`).
pub fn parse_model(text: &str, origin: &str) -> Result<LoadedModel, ModelError> {
    parse_in_chain(text, origin, &mut Vec::new())
}

/// How many models may stand on each other (an extension of an extension …).
const MAX_EXTENDS: usize = 8;

fn parse_in_chain(
    text: &str,
    origin: &str,
    chain: &mut Vec<String>,
) -> Result<LoadedModel, ModelError> {
    let model: Model = ron::Options::default()
        .from_str(text)
        .map_err(|err| ModelError::Parse {
            origin: origin.to_string(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.into(),
        })?;
    let hash = content_hash(text.as_bytes());
    complete(model, hash, origin, chain)
}

/// A parsed model joined to its base (when it extends one), validated and indexed.
fn complete(
    mut model: Model,
    mut hash: String,
    origin: &str,
    chain: &mut Vec<String>,
) -> Result<LoadedModel, ModelError> {
    if let Some(base_id) = model.extends.clone() {
        chain.push(model.id.clone());
        if chain.contains(&base_id) || chain.len() > MAX_EXTENDS {
            chain.push(base_id);
            return Err(ModelError::ExtendsCycle {
                origin: origin.to_string(),
                chain: chain.clone(),
            });
        }
        let base = match super::library::locate_base(&base_id, origin)? {
            None => load_embedded(&base_id)?,
            Some(path) => {
                let (text, base_origin) = read_model_text(&path)?;
                parse_in_chain(&text, &base_origin, chain)?
            }
        };
        // The session notices a change in the extension or in its base.
        hash = content_hash(format!("{hash}\n{}", base.hash).as_bytes());
        model = super::library::merge(base.model, model);
    }
    let problems = validate_model(&model);
    if !problems.is_empty() {
        return Err(ModelError::Invalid {
            origin: origin.to_string(),
            problems,
        });
    }
    let index = ModelIndex::build(&model);
    Ok(LoadedModel {
        model,
        origin: origin.to_string(),
        hash,
        index,
    })
}

/// Loads a bundled model by id.
pub fn load_embedded(id: &str) -> Result<LoadedModel, ModelError> {
    let (_, file, text) = EMBEDDED_MODELS
        .iter()
        .find(|(model_id, _, _)| *model_id == id)
        .ok_or_else(|| ModelError::Unknown(id.to_string()))?;
    let ahead = PARSED_AHEAD.iter().find(|(f, _, _)| f == file);
    match ahead.and_then(|(_, json, hash)| Some((serde_json::from_str(json).ok()?, hash))) {
        Some((model, hash)) => complete(model, hash.to_string(), file, &mut Vec::new()),
        None => parse_model(text, file),
    }
}

/// Loads a model file from disk.
pub fn load_path(path: &Path) -> Result<LoadedModel, ModelError> {
    let (text, origin) = read_model_text(path)?;
    parse_model(&text, &origin)
}

/// A model file's text (size-limited, UTF-8) and its name for messages.
fn read_model_text(path: &Path) -> Result<(String, String), ModelError> {
    let read = read_capped(path, MAX_FILE_BYTES).map_err(|source| ModelError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = match read {
        Capped::Bytes(bytes) => bytes,
        Capped::TooLarge { size } => {
            return Err(ModelError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: MAX_FILE_BYTES,
            });
        }
    };
    let origin = path.display().to_string();
    let text = utf8_text(&bytes).map_err(|(line, column)| ModelError::Parse {
        origin: origin.clone(),
        line,
        column,
        message: crate::textfile::TextProblem::NotUtf8,
    })?;
    Ok((text.to_string(), origin))
}

/// Resolves what a user typed: a bundled model id, an installed model's id, or else a path to
/// a model file.
pub fn resolve_model(spec: &str) -> Result<LoadedModel, ModelError> {
    if EMBEDDED_MODELS.iter().any(|(id, _, _)| *id == spec) {
        return load_embedded(spec);
    }
    if let Some(path) = super::library::find_installed(spec) {
        return load_path(&path);
    }
    let path = Path::new(spec);
    if path.exists() || spec.ends_with(".ron") || spec.contains('/') {
        return load_path(path);
    }
    Err(ModelError::Unknown(spec.to_string()))
}

impl Lang {
    /// A model error in this language, for the errors the catalogue has; others keep their
    /// own text.
    pub fn model_error(self, err: &ModelError) -> Option<String> {
        let t = self.texts().models;
        Some(match err {
            ModelError::Unknown(id) => fill(t.unknown_model, &[("id", id)]),
            ModelError::UnknownBase { origin, base } => {
                fill(t.unknown_base, &[("origin", origin), ("base", base)])
            }
            ModelError::ExtendsCycle { origin, chain } => fill(
                t.extends_cycle,
                &[("origin", origin), ("chain", &chain.join(" → "))],
            ),
            ModelError::Invalid { origin, problems } => {
                let n = problems.len().to_string();
                let mut text = fill(t.invalid, &[("file", origin), ("n", &n)]);
                for problem in problems {
                    let what = self.problem(&problem.kind);
                    text.push_str(&format!("\n  {}: {what}", problem.path));
                }
                text
            }
            ModelError::Read { path, source } => fill(
                t.unreadable_model,
                &[
                    ("file", &path.display().to_string()),
                    ("error", &self.io_error(source)),
                ],
            ),
            ModelError::TooLarge { path, size, limit } => fill(
                t.too_large_model,
                &[
                    ("file", &path.display().to_string()),
                    ("size", &crate::textfile::human_size(*size)),
                    ("limit", &crate::textfile::human_size(*limit)),
                ],
            ),
            ModelError::Parse {
                origin,
                line,
                column,
                message,
            } => fill(
                t.not_ron,
                &[
                    ("place", &format!("{origin}:{line}:{column}")),
                    ("message", &self.text_problem(message)),
                ],
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build's JSON must be the very model the RON file holds, under the RON's hash:
    /// sessions record that hash, and a model read from disk must score the same.
    #[test]
    fn every_bundled_model_is_parsed_ahead_as_its_ron_says() {
        for (id, file, text) in EMBEDDED_MODELS {
            let (_, json, hash) = PARSED_AHEAD
                .iter()
                .find(|(f, _, _)| f == file)
                .unwrap_or_else(|| panic!("{file} was not parsed by the build"));
            let from_ron: Model = ron::Options::default().from_str(text).expect("RON parses");
            let from_json: Model = serde_json::from_str(json).expect("JSON parses");
            assert!(
                from_json == from_ron,
                "{file}: the JSON differs from the RON"
            );
            assert_eq!(*hash, content_hash(text.as_bytes()), "{file}");
            let loaded = load_embedded(id).expect("loads");
            let parsed = parse_model(text, file).expect("parses");
            assert_eq!(loaded.hash, parsed.hash);
            assert!(loaded.model == parsed.model);
        }
    }
}
