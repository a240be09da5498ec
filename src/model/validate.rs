//! Semantic checks of a parsed model. Each problem names the node by its id path
//! (e.g. `cd/config/vc/vcs/L3/2`) so an author can find it; what is wrong is a typed `Kind`,
//! told in English by `Display` and in the reader's language by `Lang::problem`.

use std::collections::HashSet;
use std::fmt;

use super::schema::{AnswerScale, MAX_LEVELS, Model, Practice, Scoring, Text};
use crate::i18n::{Lang, fill};

/// One thing wrong with a model, at an id path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: Kind,
}

/// A node that needs members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Model,
    Part,
    Domain,
    Item,
    Practice,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    NoText { field: String, lang: String },
    BadId(String),
    DuplicateId(String),
    NoLanguages,
    Empty(Node),
    NoLevels,
    LevelRange(u8),
    LevelTwice,
    LevelUndefined(u8),
    PracticeLevelRange { level: u8, max: u8 },
    PracticeLevelTwice,
    NoOptions,
    NotFinite,
    NoPassedOption,
    UnknownScale(String),
    UnknownDependency(String),
    AliasTarget(String),
    AliasHides,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, Lang::En.problem(&self.kind))
    }
}

impl Lang {
    /// What is wrong with a model node, in this language.
    pub fn problem(self, kind: &Kind) -> String {
        let t = self.texts().models;
        let n = |v: u8| v.to_string();
        let q = |v: &str| format!("{v:?}");
        match kind {
            Kind::NoText { field, lang } => fill(t.p_no_text, &[("field", field), ("lang", lang)]),
            Kind::BadId(id) => fill(t.p_bad_id, &[("id", &q(id))]),
            Kind::DuplicateId(id) => fill(t.p_duplicate_id, &[("id", &q(id))]),
            Kind::NoLanguages => t.p_no_languages.to_string(),
            Kind::Empty(node) => t.p_empty[*node as usize].to_string(),
            Kind::NoLevels => t.p_no_levels.to_string(),
            Kind::LevelRange(level) => fill(
                t.p_level_range,
                &[("level", &n(*level)), ("max", &n(MAX_LEVELS))],
            ),
            Kind::LevelTwice => t.p_level_twice.to_string(),
            Kind::LevelUndefined(level) => fill(t.p_level_undefined, &[("level", &n(*level))]),
            Kind::PracticeLevelRange { level, max } => fill(
                t.p_practice_level_range,
                &[("level", &n(*level)), ("max", &n(*max))],
            ),
            Kind::PracticeLevelTwice => t.p_practice_level_twice.to_string(),
            Kind::NoOptions => t.p_no_options.to_string(),
            Kind::NotFinite => t.p_not_finite.to_string(),
            Kind::NoPassedOption => t.p_no_passed.to_string(),
            Kind::UnknownScale(id) => fill(t.p_unknown_scale, &[("id", &q(id))]),
            Kind::UnknownDependency(id) => fill(t.p_unknown_dependency, &[("id", &q(id))]),
            Kind::AliasTarget(id) => fill(t.p_alias_target, &[("id", &q(id))]),
            Kind::AliasHides => t.p_alias_hides.to_string(),
        }
    }
}

struct Checker<'m> {
    languages: &'m [String],
    /// The model's highest level (its levels are 1..=max_level).
    max_level: u8,
    /// The ids of the model's answer scales.
    scales: HashSet<&'m str>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, path: &str, kind: Kind) {
        self.problems.push(Problem {
            path: path.to_string(),
            kind,
        });
    }

    fn text(&mut self, path: &str, field: &str, text: &Text) {
        for lang in self.languages {
            if text.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                self.problem(
                    path,
                    Kind::NoText {
                        field: field.to_string(),
                        lang: lang.clone(),
                    },
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            self.problem(path, Kind::BadId(id.to_string()));
        }
        if !seen.insert(id.to_string()) {
            self.problem(path, Kind::DuplicateId(id.to_string()));
        }
    }
}

/// Every problem in the model; empty when it is valid.
pub fn validate_model(model: &Model) -> Vec<Problem> {
    let mut check = Checker {
        languages: &model.languages,
        max_level: model.max_level().min(MAX_LEVELS),
        scales: model.scales.iter().map(|s| s.id.as_str()).collect(),
        problems: Vec::new(),
    };
    let root = model.id.clone();
    if model.languages.is_empty() {
        check.problem(&root, Kind::NoLanguages);
    }
    check.id(&root, &model.id, &mut HashSet::new());
    check.text(&root, "name", &model.name);
    check_levels(&mut check, model);
    check_scales(&mut check, model);
    if model.parts.is_empty() {
        check.problem(&root, Kind::Empty(Node::Model));
    }
    let mut part_ids = HashSet::new();
    for part in &model.parts {
        let part_path = part.id.clone();
        check.id(&part_path, &part.id, &mut part_ids);
        check.text(&part_path, "name", &part.name);
        if part.domains.is_empty() {
            check.problem(&part_path, Kind::Empty(Node::Part));
        }
        let mut domain_ids = HashSet::new();
        for domain in &part.domains {
            let domain_path = format!("{part_path}/{}", domain.id);
            check.id(&domain_path, &domain.id, &mut domain_ids);
            check.text(&domain_path, "name", &domain.name);
            if domain.items.is_empty() {
                check.problem(&domain_path, Kind::Empty(Node::Domain));
            }
            let mut item_ids = HashSet::new();
            for item in &domain.items {
                let item_path = format!("{domain_path}/{}", item.id);
                check.id(&item_path, &item.id, &mut item_ids);
                check.text(&item_path, "name", &item.name);
                if item.practices.is_empty() {
                    check.problem(&item_path, Kind::Empty(Node::Item));
                }
                let mut practice_ids = HashSet::new();
                for practice in &item.practices {
                    let practice_path = format!("{item_path}/{}", practice.id);
                    check.id(&practice_path, &practice.id, &mut practice_ids);
                    check_practice(&mut check, &practice_path, practice);
                }
            }
        }
    }
    check_aliases(&mut check, model);
    check_dependencies(&mut check, model);
    check.problems
}

/// `depends_on` names requirements of this model.
fn check_dependencies(check: &mut Checker<'_>, model: &Model) {
    let index = super::index::ModelIndex::build(model);
    for r in &index.requirements {
        let practice = &index.practices[r.practice];
        for target in &model.requirement_of(practice, r).depends_on {
            if index.requirement(target).is_none() {
                let path = format!("{}/L{}/{}", practice.id.replace('.', "/"), r.level, {
                    let requirement = model.requirement_of(practice, r);
                    requirement.id.clone()
                });
                check.problem(&path, Kind::UnknownDependency(target.clone()));
            }
        }
    }
}

fn check_levels(check: &mut Checker<'_>, model: &Model) {
    let root = model.id.clone();
    if model.levels.is_empty() {
        check.problem(&root, Kind::NoLevels);
    }
    let mut seen = HashSet::new();
    for def in &model.levels {
        let path = format!("{root}/levels/L{}", def.level);
        if !(1..=MAX_LEVELS).contains(&def.level) {
            check.problem(&path, Kind::LevelRange(def.level));
        }
        if !seen.insert(def.level) {
            check.problem(&path, Kind::LevelTwice);
        }
        check.text(&path, "name", &def.name);
        check.text(&path, "meaning", &def.meaning);
    }
    // Levels are 1..=N: every level up to the highest needs its definition.
    for level in 1..=check.max_level {
        if !seen.contains(&level) {
            check.problem(&root, Kind::LevelUndefined(level));
        }
    }
}

fn check_scales(check: &mut Checker<'_>, model: &Model) {
    let mut ids = HashSet::new();
    for scale in &model.scales {
        let path = format!("{}/scales/{}", model.id, scale.id);
        check.id(&path, &scale.id, &mut ids);
        check_scale(check, &path, scale, model.scoring);
    }
}

fn check_scale(check: &mut Checker<'_>, path: &str, scale: &AnswerScale, scoring: Scoring) {
    if scale.options.is_empty() {
        check.problem(path, Kind::NoOptions);
    }
    let mut ids = HashSet::new();
    for option in &scale.options {
        let option_path = format!("{path}/{}", option.id);
        check.id(&option_path, &option.id, &mut ids);
        check.text(&option_path, "label", &option.label);
        if !option.value.is_finite() {
            check.problem(&option_path, Kind::NotFinite);
        }
    }
    if scoring == Scoring::Staged
        && !scale.options.is_empty()
        && !scale.options.iter().any(|o| o.passed)
    {
        check.problem(path, Kind::NoPassedOption);
    }
}

fn check_practice(check: &mut Checker<'_>, path: &str, practice: &Practice) {
    check.text(path, "name", &practice.name);
    if let Some(text) = &practice.good_evidence {
        check.text(path, "good_evidence", text);
    }
    if let Some(text) = &practice.trap {
        check.text(path, "trap", text);
    }
    let mut levels = HashSet::new();
    let mut requirement_count = 0;
    for level in &practice.levels {
        let level_path = format!("{path}/L{}", level.level);
        if !(1..=check.max_level).contains(&level.level) {
            check.problem(
                &level_path,
                Kind::PracticeLevelRange {
                    level: level.level,
                    max: check.max_level,
                },
            );
        }
        if !levels.insert(level.level) {
            check.problem(&level_path, Kind::PracticeLevelTwice);
        }
        let mut requirement_ids = HashSet::new();
        for requirement in &level.requirements {
            let requirement_path = format!("{level_path}/{}", requirement.id);
            check.id(&requirement_path, &requirement.id, &mut requirement_ids);
            check.text(&requirement_path, "text", &requirement.text);
            if let Some(guidance) = &requirement.guidance {
                check.text(&requirement_path, "guidance", guidance);
            }
            if let Some(scale) = &requirement.scale
                && !check.scales.contains(scale.as_str())
            {
                check.problem(&requirement_path, Kind::UnknownScale(scale.clone()));
            }
        }
        requirement_count += level.requirements.len();
    }
    if requirement_count == 0 {
        check.problem(path, Kind::Empty(Node::Practice));
    }
}

fn check_aliases(check: &mut Checker<'_>, model: &Model) {
    let index = super::index::ModelIndex::build(model);
    for (old, new) in &model.aliases {
        if index.requirement(new).is_none() {
            check.problem(&format!("aliases/{old}"), Kind::AliasTarget(new.clone()));
        }
        if index.requirement(old).is_some() {
            check.problem(&format!("aliases/{old}"), Kind::AliasHides);
        }
    }
}
