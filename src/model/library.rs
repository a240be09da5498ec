//! The user's installed models (a `models` folder in the platform data dir, beside
//! `sessions`), and extending a model: a file that names its base with `extends` and adds
//! parts, domains, practices, requirements and aliases without copying it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::load::{EMBEDDED_MODELS, LoadedModel, ModelError, load_path};
use super::schema::{Domain, Item, Level, Model, Part, Practice};

static MODELS_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Sets where installed models live (the command line's `--models-dir`), once at start-up.
pub fn use_models_dir(dir: PathBuf) {
    let _ = MODELS_DIR.set(dir);
}

/// Where installed models live: as set at start-up, else `ASSESS_MODELS_DIR`, else the
/// platform data dir's `models` folder (e.g. `~/.local/share/assess/models`).
pub fn models_dir() -> PathBuf {
    if let Some(dir) = MODELS_DIR.get() {
        return dir.clone();
    }
    if let Some(dir) = std::env::var_os("ASSESS_MODELS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "assess").map_or_else(
        || PathBuf::from("models"),
        |dirs| dirs.data_dir().join("models"),
    )
}

/// The file an installed model with this id is kept in.
pub fn installed_path(id: &str) -> PathBuf {
    models_dir().join(format!("{id}.ron"))
}

/// Every `.ron` file in the models folder, sorted, each loaded (or why it did not load).
pub fn installed_models() -> Vec<(PathBuf, Result<LoadedModel, ModelError>)> {
    let Ok(entries) = std::fs::read_dir(models_dir()) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let loaded = load_path(&p);
            (p, loaded)
        })
        .collect()
}

/// The installed model with this id: `ID.ron` in the models folder.
pub fn find_installed(id: &str) -> Option<PathBuf> {
    if id.is_empty() || id.contains(['/', '\\', '.']) {
        return None;
    }
    let path = installed_path(id);
    path.is_file().then_some(path)
}

/// Where the base `id` of an extension read from `origin` is: a bundled model (None), an
/// installed one, or `ID.ron` beside the extension.
pub(super) fn locate_base(id: &str, origin: &str) -> Result<Option<PathBuf>, ModelError> {
    if EMBEDDED_MODELS.iter().any(|(model, _, _)| *model == id) {
        return Ok(None);
    }
    if let Some(path) = find_installed(id) {
        return Ok(Some(path));
    }
    let beside = Path::new(origin)
        .parent()
        .map(|dir| dir.join(format!("{id}.ron")));
    match beside {
        Some(path) if path.is_file() => Ok(Some(path)),
        _ => Err(ModelError::UnknownBase {
            origin: origin.to_string(),
            base: id.to_string(),
        }),
    }
}

/// The base model with an extension's additions merged in; every requirement the extension
/// adds is marked `own`. The result keeps the extension's identity (id, name, version,
/// description, source) and the base's languages, levels, scoring and rollup, so the base's
/// parts are scored exactly as the base scores them.
pub(super) fn merge(base: Model, extension: Model) -> Model {
    let mut merged = base;
    let base_id = merged.id.clone();
    merged.id = extension.id;
    merged.name = extension.name;
    merged.version = extension.version;
    if extension.description.is_some() {
        merged.description = extension.description;
    }
    merged.source = extension.source.or(merged.source);
    merged.extends = Some(base_id);
    merged.aliases.extend(extension.aliases);
    merged.scales.extend(extension.scales);
    for part in extension.parts {
        merge_part(&mut merged.parts, part);
    }
    merged
}

fn mark_own(levels: &mut [Level]) {
    for requirement in levels.iter_mut().flat_map(|l| &mut l.requirements) {
        requirement.own = true;
    }
}

fn merge_part(parts: &mut Vec<Part>, mut part: Part) {
    match parts.iter_mut().find(|p| p.id == part.id) {
        Some(base) => {
            for domain in part.domains {
                merge_domain(&mut base.domains, domain);
            }
        }
        None => {
            for domain in &mut part.domains {
                for item in &mut domain.items {
                    for practice in &mut item.practices {
                        mark_own(&mut practice.levels);
                    }
                }
            }
            parts.push(part);
        }
    }
}

fn merge_domain(domains: &mut Vec<Domain>, mut domain: Domain) {
    match domains.iter_mut().find(|d| d.id == domain.id) {
        Some(base) => {
            for item in domain.items {
                merge_item(&mut base.items, item);
            }
        }
        None => {
            for practice in domain.items.iter_mut().flat_map(|i| &mut i.practices) {
                mark_own(&mut practice.levels);
            }
            domains.push(domain);
        }
    }
}

fn merge_item(items: &mut Vec<Item>, mut item: Item) {
    match items.iter_mut().find(|i| i.id == item.id) {
        Some(base) => {
            for practice in item.practices {
                merge_practice(&mut base.practices, practice);
            }
        }
        None => {
            for practice in &mut item.practices {
                mark_own(&mut practice.levels);
            }
            items.push(item);
        }
    }
}

fn merge_practice(practices: &mut Vec<Practice>, mut practice: Practice) {
    mark_own(&mut practice.levels);
    match practices.iter_mut().find(|p| p.id == practice.id) {
        Some(base) => {
            for level in practice.levels {
                match base.levels.iter_mut().find(|l| l.level == level.level) {
                    Some(into) => into.requirements.extend(level.requirements),
                    None => base.levels.push(level),
                }
            }
        }
        None => practices.push(practice),
    }
}
