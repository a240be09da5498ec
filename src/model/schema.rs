//! The assessment model as it is written in `assets/models/*.ron`.
//!
//! Tree: model → parts → domains → capability items → practices (the unit a team rates)
//! → levels 1..5 → requirements (the unit question). Every node has a short local `id`;
//! the full, stable id of a node is the dot-joined path of local ids, and a requirement's
//! full id adds `l<level>.<id>` (e.g. `cd.config.vc.vcs.l3.2`). See `docs/MODEL_IDS.md`.
//! The model also says how it is answered (`scales`) and scored (`scoring`); a model without
//! them is answered on the built-in CAICT scale and scored by stages, as sessions always were.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A text in every language the model declares, keyed by language code (`en`, `zh`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(
    #[serde(deserialize_with = "crate::unique_keys::deserialize")] pub BTreeMap<String, String>,
);

impl Text {
    /// Builds a text from `(language, text)` pairs.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Self(
            pairs
                .iter()
                .map(|(lang, text)| ((*lang).to_string(), (*text).to_string()))
                .collect(),
        )
    }

    /// The text in `lang`, falling back to English and then to any language present,
    /// so a partially translated model still shows something readable.
    pub fn get(&self, lang: impl AsRef<str>) -> &str {
        self.0
            .get(lang.as_ref())
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Every language's text, for searching in all languages at once.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }
}

/// How practices roll up into items, domains and parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rollup {
    /// The strict reading of the standard: a group is at the lowest level of its members.
    #[default]
    Minimum,
    /// The arithmetic mean of the members' levels, rounded down.
    Mean,
}

/// What an assessor asks to see for a requirement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// A document: policy, specification, plan, report, record.
    Document,
    /// A live demonstration (recorded as screenshot or video).
    Demo,
    /// Either a document or a demonstration will do.
    #[default]
    Either,
}

/// Where the text of a practice comes from, so authored text is never mistaken for the standard's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// Paraphrases the standard's published level tables.
    #[default]
    Standard,
    /// Paraphrases a public draft of the standard (a working text, not the published tables).
    Draft,
    /// Written by analogy with the standard's logic where its tables are not published.
    Authored,
}

/// One level of the model's scale (1..5), with its name and meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    pub level: u8,
    pub name: Text,
    pub meaning: Text,
}

/// One answer a requirement can be given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// What a session stores for this answer; stable like every other id.
    pub id: String,
    pub label: Text,
    /// The answer's numeric value (the `sum` and `share` rules add these up).
    pub value: f64,
    /// Counts as passed for `staged` scoring.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub passed: bool,
    /// This answer needs a written justification.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub justify: bool,
    /// This answer removes the requirement from scoring.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
}

/// A named set of answers; a requirement is answered on one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerScale {
    pub id: String,
    pub options: Vec<AnswerOption>,
}

impl AnswerScale {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// The scale of a model that declares none: CAICT's Met / Partial / Not met / Not applicable,
/// with the ids sessions have always stored.
pub fn caict_scale() -> &'static AnswerScale {
    static SCALE: LazyLock<AnswerScale> = LazyLock::new(|| {
        let option = |id: &str, en: &str, zh: &str, value: f64| AnswerOption {
            id: id.to_string(),
            label: Text::from_pairs(&[("en", en), ("zh", zh)]),
            value,
            passed: false,
            justify: false,
            not_applicable: false,
        };
        AnswerScale {
            id: "caict".to_string(),
            options: vec![
                AnswerOption {
                    passed: true,
                    ..option("Met", "Met", "满足", 1.0)
                },
                option("Partial", "Partial", "部分满足", 0.5),
                option("NotMet", "Not met", "不满足", 0.0),
                AnswerOption {
                    justify: true,
                    not_applicable: true,
                    ..option("NotApplicable", "Not applicable", "不适用", 0.0)
                },
            ],
        }
    });
    &SCALE
}

/// How a practice's answers become its score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scoring {
    /// CAICT: a practice is at level L when every requirement of levels 1..L passed.
    #[default]
    #[serde(alias = "Staged")]
    Staged,
    /// SAMM: a practice's score is the sum of its answers' values.
    #[serde(alias = "Sum")]
    Sum,
    /// DSOMM: the share of applicable requirements implemented, per level.
    #[serde(alias = "Share")]
    Share,
}

/// Where an imported or adapted model comes from, and under which licence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSource {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Full id of a node here → its id in the source (a GUID, a UUID), so results can be
    /// traced back to the source model.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub ids: BTreeMap<String, String>,
}

/// The most levels a model may have (levels are numbered 1..=N).
pub const MAX_LEVELS: u8 = 5;

/// The whole assessment model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: String,
    pub name: Text,
    pub version: String,
    /// Language codes every text must have, e.g. `["en", "zh"]` (an extension may leave it
    /// out and take its base's).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub levels: Vec<LevelDef>,
    #[serde(default)]
    pub rollup: Rollup,
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Old requirement id → current requirement id, so answers survive renames.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::unique_keys::deserialize"
    )]
    pub aliases: BTreeMap<String, String>,
    /// The answer scales; the first is the default. Empty: the built-in CAICT scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<AnswerScale>,
    #[serde(default)]
    pub scoring: Scoring,
    /// The id of the model this one extends (adds to without copying).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Where the model comes from (imported models keep the source's licence here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ModelSource>,
}

impl Model {
    /// The scale a requirement without its own is answered on.
    pub fn default_scale(&self) -> &AnswerScale {
        self.scales.first().unwrap_or_else(|| caict_scale())
    }

    /// The scale a requirement is answered on (its own, else the model's default).
    pub fn scale_for(&self, requirement: &Requirement) -> &AnswerScale {
        requirement
            .scale
            .as_deref()
            .and_then(|id| self.scales.iter().find(|s| s.id == id))
            .unwrap_or_else(|| self.default_scale())
    }

    /// The highest level of the model (its levels are 1..=N).
    pub fn max_level(&self) -> u8 {
        self.levels.iter().map(|l| l.level).max().unwrap_or(0)
    }
}

/// A part of the model (e.g. Continuous Delivery), rated as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    #[serde(default)]
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// Default provenance of this part's practices.
    #[serde(default)]
    pub provenance: Provenance,
    pub domains: Vec<Domain>,
}

/// A capability domain (能力域) within a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    #[serde(default)]
    pub name: Text,
    pub items: Vec<Item>,
}

/// A capability item (能力项 / 能力子域) within a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    #[serde(default)]
    pub name: Text,
    pub practices: Vec<Practice>,
}

/// A practice (the CAICT capability sub-item, 能力子项): the unit a team rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub id: String,
    #[serde(default)]
    pub name: Text,
    /// Overrides the part's provenance for this practice.
    #[serde(default)]
    pub provenance: Option<Provenance>,
    /// What good evidence for this practice looks like.
    #[serde(default)]
    pub good_evidence: Option<Text>,
    /// The typical trap assessors see (e.g. a pipeline that is bypassed for hotfixes).
    #[serde(default)]
    pub trap: Option<Text>,
    pub levels: Vec<Level>,
}

/// The criteria of one level of a practice, split into checkable requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u8,
    /// Overrides the practice's provenance for this level (e.g. a level the standard leaves blank).
    #[serde(default)]
    pub provenance: Option<Provenance>,
    /// The evidence usually shown for this level; a requirement may override it.
    #[serde(default)]
    pub evidence: EvidenceKind,
    pub requirements: Vec<Requirement>,
}

/// One checkable statement a team answers Met / Partial / Not met / Not applicable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Local id, unique within its level (usually "1", "2", …); never reused.
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub evidence: Option<EvidenceKind>,
    #[serde(default)]
    pub guidance: Option<Text>,
    /// Overrides the level's provenance for this requirement (e.g. a draft's number in an
    /// otherwise authored level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The requirement deliberately asks two things at once because the source joins them;
    /// otherwise every requirement is one checkable thing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compound: bool,
    /// The id of the answer scale this requirement is answered on; none: the model's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Added by an extension on top of its base model: the organisation's own requirement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
    /// Full ids of requirements this one builds on (DSOMM's `dependsOn`), shown with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
}
