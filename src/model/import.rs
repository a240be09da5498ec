//! Turning a public model's own files into a model file `assess` loads: OWASP SAMM v2's folder
//! of YAML files linked by GUIDs (`samm.rs`) and DSOMM's generated `model.yaml` (`dsomm.rs`).
//!
//! An importer never stops at the first problem: it imports what it can, and lists what it
//! could not (each with its file and place). It fails only when the result would be empty or
//! the input cannot be read at all. Its result is checked by the same validator as any model.

mod dsomm;
mod samm;
mod yaml;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::schema::{Item, LevelDef, Model, Practice, Text};
use crate::i18n::{Lang, fill};
use crate::textfile::{Capped, MAX_FILE_BYTES, read_capped, utf8_text};

pub use dsomm::import_dsomm;
pub use samm::import_samm;

/// A place in an input file: `file:line:column` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Place {
    pub fn new(file: &str, line: usize, column: usize) -> Self {
        Self {
            file: file.to_string(),
            line,
            column,
        }
    }

    /// The whole file, when there is no finer place.
    pub fn file(path: &Path) -> Self {
        Self::new(&path.display().to_string(), 0, 0)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file),
            line => write!(f, "{}:{line}:{}", self.file, self.column),
        }
    }
}

/// Why something could not be imported, with where. Fatal when returned as an `Err`; listed
/// as skipped when it only cost one node.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is larger than {limit} bytes", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{place}: the file is not UTF-8 text")]
    NotUtf8 { place: Place },
    #[error("{place}: not valid YAML: {message}")]
    Yaml { place: Place, message: String },
    #[error("{place}: nested deeper than {limit} levels")]
    TooDeep { place: Place, limit: usize },
    #[error("{place}: `{field}` is missing")]
    Missing { place: Place, field: String },
    #[error("{place}: `{field}` should be {expected}")]
    WrongType {
        place: Place,
        field: String,
        expected: Expected,
    },
    #[error("{place}: `{field}` links to {target:?}, which is not in the model")]
    UnknownLink {
        place: Place,
        field: String,
        target: String,
    },
    #[error("{place}: {id:?} appears a second time; the first one is kept")]
    Duplicate { place: Place, id: String },
    #[error("{place}: {name:?} has nothing to answer, so it is left out")]
    Empty { place: Place, name: String },
    #[error("{place}: depends on itself through {chain}")]
    Cycle { place: Place, chain: String },
    #[error("{}: nothing could be imported", path.display())]
    Nothing { path: PathBuf },
}

/// What a value should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    Name,
    Level,
    Mapping,
    TextList,
    AnswerList,
    ActivityList,
    Dimensions,
    Subdimensions,
    Activities,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Text => "a text",
            Expected::Number => "a number",
            Expected::Name => "a name",
            Expected::Level => "a level from 1 to 5",
            Expected::Mapping => "a mapping",
            Expected::TextList => "a list of texts",
            Expected::AnswerList => "a list of answers",
            Expected::ActivityList => "a list of activities",
            Expected::Dimensions => "a mapping of dimensions",
            Expected::Subdimensions => "a mapping of subdimensions",
            Expected::Activities => "a mapping of activities",
        })
    }
}

/// How many nodes an import produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub parts: usize,
    pub domains: usize,
    pub practices: usize,
    pub requirements: usize,
    pub scales: usize,
    pub dependencies: usize,
}

/// An imported model, its counts, and what could not be imported.
#[derive(Debug)]
pub struct Imported {
    pub model: Model,
    pub counts: ImportCounts,
    pub skipped: Vec<ImportError>,
}

impl Imported {
    fn new(model: Model, skipped: Vec<ImportError>) -> Self {
        let mut counts = ImportCounts {
            parts: model.parts.len(),
            scales: model.scales.len(),
            ..ImportCounts::default()
        };
        for part in &model.parts {
            counts.domains += part.domains.len();
            for practice in part
                .domains
                .iter()
                .flat_map(|d| &d.items)
                .flat_map(|i| &i.practices)
            {
                counts.practices += 1;
                for requirement in practice.levels.iter().flat_map(|l| &l.requirements) {
                    counts.requirements += 1;
                    counts.dependencies += requirement.depends_on.len();
                }
            }
        }
        Self {
            model,
            counts,
            skipped,
        }
    }

    /// The model as a RON model file, headed by where it came from.
    pub fn to_ron(&self) -> String {
        let pretty = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .indentor("  ".to_string());
        let body =
            ron::ser::to_string_pretty(&self.model, pretty).expect("a model always serialises");
        let mut head = String::from("// Imported by `assess model import`; edit freely.\n");
        if let Some(source) = &self.model.source {
            head.push_str(&format!("// Source: {}", source.name));
            if let Some(v) = &source.version {
                head.push_str(&format!(" {v}"));
            }
            head.push('\n');
            if let Some(l) = &source.licence {
                head.push_str(&format!("// Licence: {l}\n"));
            }
        }
        head + &body + "\n"
    }
}

/// Reads a text file within the size limit, as UTF-8.
fn read_text(path: &Path) -> Result<String, ImportError> {
    let read = read_capped(path, MAX_FILE_BYTES).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = match read {
        Capped::Bytes(bytes) => bytes,
        Capped::TooLarge { .. } => {
            return Err(ImportError::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_FILE_BYTES,
            });
        }
    };
    utf8_text(&bytes)
        .map(str::to_string)
        .map_err(|(line, column)| ImportError::NotUtf8 {
            place: Place::new(&path.display().to_string(), line, column),
        })
}

/// A local id made from a name: lower-case ASCII letters and digits joined by `-`, unique
/// among `taken` (a `-2`, `-3`, … suffix when needed; `x` when the name has no ASCII).
fn local_id(name: &str, taken: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let base = match slug.trim_end_matches('-') {
        "" => "x".to_string(),
        s => s
            .chars()
            .take(48)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string(),
    };
    let mut id = base.clone();
    let mut n = 1;
    while !taken.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// An English text.
/// An item holding exactly one practice of the same id and name: how both importers map a
/// source's rated unit (a SAMM stream, a DSOMM subdimension) onto items and practices.
fn one_practice_item(id: String, name: &str, levels: Vec<super::schema::Level>) -> Item {
    Item {
        id: id.clone(),
        name: en(name),
        practices: vec![Practice {
            id,
            name: en(name),
            provenance: None,
            good_evidence: None,
            trap: None,
            levels,
        }],
    }
}

fn en(text: &str) -> Text {
    Text::from_pairs(&[("en", text)])
}

/// An English and Chinese text (for the few texts an importer writes itself).
fn en_zh(en: &str, zh: &str) -> Text {
    Text::from_pairs(&[("en", en), ("zh", zh)])
}

/// Level definitions 1..=n, named "Level N" / "N 级".
fn level_defs(meanings: &[String]) -> Vec<LevelDef> {
    (1u8..)
        .zip(meanings)
        .map(|(level, meaning)| LevelDef {
            level,
            name: en_zh(&format!("Level {level}"), &format!("{level} 级")),
            meaning: en(meaning),
        })
        .collect()
}

impl Lang {
    /// What a value should have been, in this language.
    pub fn expected(self, e: Expected) -> &'static str {
        self.texts().models.expected[e as usize]
    }

    /// An importer's error in this language.
    pub fn import_error(self, err: &ImportError) -> String {
        let lang = self;
        let t = lang.texts().models;
        match err {
            ImportError::Read { path, source } => fill(
                t.read,
                &[
                    ("path", &path.display().to_string()),
                    ("error", &lang.io_error(source)),
                ],
            ),
            ImportError::TooLarge { path, limit } => fill(
                t.too_large,
                &[
                    ("path", &path.display().to_string()),
                    ("limit", &limit.to_string()),
                ],
            ),
            ImportError::NotUtf8 { place } => fill(t.not_utf8, &[("place", &place.to_string())]),
            ImportError::Yaml { place, message } => fill(
                t.yaml,
                &[("place", &place.to_string()), ("message", message)],
            ),
            ImportError::TooDeep { place, limit } => fill(
                t.too_deep,
                &[("place", &place.to_string()), ("limit", &limit.to_string())],
            ),
            ImportError::Missing { place, field } => fill(
                t.missing,
                &[("place", &place.to_string()), ("field", field)],
            ),
            ImportError::WrongType {
                place,
                field,
                expected: e,
            } => fill(
                t.wrong_type,
                &[
                    ("place", &place.to_string()),
                    ("field", field),
                    ("expected", lang.expected(*e)),
                ],
            ),
            ImportError::UnknownLink {
                place,
                field,
                target,
            } => fill(
                t.unknown_link,
                &[
                    ("place", &place.to_string()),
                    ("field", field),
                    ("target", target),
                ],
            ),
            ImportError::Duplicate { place, id } => {
                fill(t.duplicate, &[("place", &place.to_string()), ("id", id)])
            }
            ImportError::Empty { place, name } => {
                fill(t.empty, &[("place", &place.to_string()), ("name", name)])
            }
            ImportError::Cycle { place, chain } => {
                fill(t.cycle, &[("place", &place.to_string()), ("chain", chain)])
            }
            ImportError::Nothing { path } => {
                fill(t.nothing, &[("path", &path.display().to_string())])
            }
        }
    }
}
