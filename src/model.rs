//! The assessment model: its schema, loading from RON (embedded or from disk), validation,
//! and a flat index over practices and requirements that scoring, the TUI and reports share.

mod export;
pub mod import;
mod index;
mod library;
mod load;
mod schema;
mod stats;
pub mod terms;
mod validate;

pub use export::model_json;
pub use index::{ModelIndex, PracticeRef, RequirementRef};
pub use library::{
    Available, Place, available_models, find_installed, installed_models, installed_path,
    models_dir, use_models_dir,
};
pub use load::{
    DEFAULT_MODEL, EMBEDDED_MODELS, LoadedModel, ModelError, SKELETON, content_hash, digest_text,
    load_embedded, load_path, parse_model, resolve_model, skeleton,
};
pub use schema::{
    AnswerOption, AnswerScale, Domain, EvidenceKind, Item, Level, LevelDef, MAX_LEVELS, Model,
    ModelSource, Part, Practice, Provenance, Requirement, Rollup, Scoring, Text, caict_scale,
};
pub use stats::{Counts, ModelStats, PartStats, ProvenanceCounts, model_stats};
pub use validate::{Kind as ProblemKind, Node as ProblemNode, Problem, validate_model};
