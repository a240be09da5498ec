//! The models the new-session form offers: the bundled and installed ones that load (the list
//! `assess model list` prints), each with what the form needs to follow it (parts, levels).

use crate::lang::Lang;
use crate::model::{self, Text};

/// A model the form offers.
#[derive(Debug, Clone)]
pub struct ModelChoice {
    /// How `session::create` is told this model (its id, or its file).
    pub spec: String,
    pub id: String,
    pub name: Text,
    pub version: String,
    /// (part id, English name, Chinese name).
    pub parts: Vec<(String, String, String)>,
    /// The highest level of the model (targets run 0..=max).
    pub max_level: u8,
}

/// What the form offers, and why the models it leaves out do not load.
#[derive(Debug, Clone, Default)]
pub struct ModelChoices {
    pub offered: Vec<ModelChoice>,
    /// `file: why` (the file by its name), in the language the form was opened in.
    pub skipped: Vec<String>,
}

impl ModelChoices {
    /// Every bundled and installed model; those that do not load are left out with why.
    pub fn read(lang: Lang) -> Self {
        let mut choices = Self::default();
        for available in model::available_models() {
            let spec = available.spec();
            match (available.loaded, spec) {
                (Ok(loaded), Some(spec)) => choices.offered.push(ModelChoice::of(&loaded, spec)),
                (Err(err), _) => {
                    let file = std::path::Path::new(&available.origin)
                        .file_name()
                        .map_or(available.origin.clone(), |f| f.to_string_lossy().into());
                    // Errors name the file by its path; one line has room for its name only.
                    let why = lang.model_error(&err).unwrap_or_else(|| err.to_string());
                    let why = why.replace(&available.origin, &file);
                    choices.skipped.push(if why.starts_with(&file) {
                        why
                    } else {
                        format!("{file}: {why}")
                    });
                }
                (Ok(_), None) => {}
            }
        }
        choices
    }
}

impl ModelChoice {
    fn of(loaded: &model::LoadedModel, spec: String) -> Self {
        let m = &loaded.model;
        let parts = m
            .parts
            .iter()
            .map(|p| {
                let en = p.name.get("en").to_string();
                let zh = p.name.get("zh").to_string();
                (p.id.clone(), en, zh)
            })
            .collect();
        Self {
            spec,
            id: m.id.clone(),
            name: m.name.clone(),
            version: m.version.clone(),
            parts,
            max_level: m.levels.iter().map(|l| l.level).max().unwrap_or(0),
        }
    }
}
