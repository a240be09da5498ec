//! The results of a session in one serialisable shape: per part and per domain, level, score,
//! target, gap and progress. `assess summary`, the TUI's summary screen and the reports all
//! read this, so they can never disagree.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::LoadedModel;
use crate::scoring::{GroupScore, Scorecard};
use crate::session::{self, Session, SessionError};

/// One row of results (a part or a domain).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultRow {
    pub id: String,
    pub name: String,
    pub level: u8,
    pub score: f64,
    pub mean_level: f64,
    pub target: Option<u8>,
    /// Levels still to climb to reach the target (0 when reached or no target).
    pub gap: u8,
    pub answered: usize,
    pub total: usize,
    /// The level in the session's baseline (reports' then → now), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub then: Option<u8>,
    /// The model's highest level: the radar's rim (CAICT 5, SAMM 3).
    #[serde(skip)]
    pub max: u8,
}

/// A part's results with its domains.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartSummary {
    #[serde(flatten)]
    pub row: ResultRow,
    /// Requirements at or below the target that are not Met or N/A.
    pub gap_requirements: usize,
    pub domains: Vec<ResultRow>,
}

/// The whole session's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub title: String,
    pub organisation: String,
    pub scope: String,
    pub model: String,
    pub model_version: String,
    pub answered: usize,
    pub total: usize,
    /// Set when the session is signed off as final: who, when and the content hash.
    pub sign_off: Option<session::SignOff>,
    pub parts: Vec<PartSummary>,
}

fn row(score: &GroupScore, id: &str, name: &str, target: Option<u8>, max: u8) -> ResultRow {
    ResultRow {
        id: id.to_string(),
        name: name.to_string(),
        level: score.level,
        score: round2(score.score),
        mean_level: round2(score.mean_level),
        target,
        gap: target.map_or(0, |t| t.saturating_sub(score.level)),
        answered: score.answered,
        total: score.total,
        then: None,
        max,
    }
}

impl ResultRow {
    /// This row as a radar axis: the one definition every radar plots (see `radar`).
    pub fn axis(&self) -> crate::radar::Axis {
        crate::radar::Axis {
            id: self.id.clone(),
            name: self.name.clone(),
            level: self.level,
            score: self.score,
            target: self.target,
            baseline: self.then,
            max: f64::from(self.max),
        }
    }
}

/// The radar axes of some result rows (a part's domains, or the parts in scope).
pub fn radar_axes<'a>(rows: impl IntoIterator<Item = &'a ResultRow>) -> Vec<crate::radar::Axis> {
    rows.into_iter().map(ResultRow::axis).collect()
}

/// The radar axes of one part's domains straight from a scorecard (the workbench's live radar,
/// without summarising every part on each key), the same rows `summarize_with` gives.
pub fn part_domain_axes(
    model: &LoadedModel,
    session: &Session,
    card: &Scorecard,
    part: usize,
    lang: &str,
) -> Vec<crate::radar::Axis> {
    let target = model
        .model
        .parts
        .get(part)
        .and_then(|p| session.targets.get(&p.id).copied());
    let (Some(def), Some(part_card)) = (model.model.parts.get(part), card.parts.get(part)) else {
        return Vec::new();
    };
    def.domains
        .iter()
        .zip(&part_card.domains)
        .map(|(d, dc)| {
            row(
                &dc.score,
                &dc.score.id,
                d.name.get(lang),
                target,
                top_level(model),
            )
            .axis()
        })
        .collect()
}

/// The model's highest level (a model without levels is drawn on CAICT's five).
fn top_level(model: &LoadedModel) -> u8 {
    match model.model.max_level() {
        0 => 5,
        n => n,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Summarises the parts in scope of a session, with names in `lang`.
pub fn summarize(model: &LoadedModel, session: &Session, lang: &str) -> Summary {
    let card = Scorecard::compute(model, &session.answers);
    summarize_with(model, session, &card, lang)
}

/// As `summarize`, reusing a scorecard the caller already has.
pub fn summarize_with(
    model: &LoadedModel,
    session: &Session,
    card: &Scorecard,
    lang: &str,
) -> Summary {
    let (mut answered, mut total) = (0, 0);
    let parts = model
        .model
        .parts
        .iter()
        .zip(&card.parts)
        .enumerate()
        .filter(|(_, (part, _))| session.parts.contains(&part.id))
        .map(|(pi, (part, part_card))| {
            let target = session.targets.get(&part.id).copied();
            answered += part_card.score.answered;
            total += part_card.score.total;
            let domains = part
                .domains
                .iter()
                .zip(&part_card.domains)
                .map(|(d, dc)| {
                    row(
                        &dc.score,
                        &dc.score.id,
                        d.name.get(lang),
                        target,
                        top_level(model),
                    )
                })
                .collect();
            PartSummary {
                row: row(
                    &part_card.score,
                    &part.id,
                    part.name.get(lang),
                    target,
                    top_level(model),
                ),
                gap_requirements: target.map_or(0, |t| card.gap_count(model, pi, t)),
                domains,
            }
        })
        .collect();
    Summary {
        title: session.title.clone(),
        organisation: session.organisation.clone(),
        scope: session.scope.clone(),
        model: model.model.id.clone(),
        model_version: model.model.version.clone(),
        answered,
        total,
        sign_off: session.sign_off.clone(),
        parts,
    }
}

/// A part's level and target, as session lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartLevel {
    pub id: String,
    pub level: u8,
    pub target: Option<u8>,
}

/// One session of a sessions directory, as `assess list` and the home screen show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionOverview {
    pub path: PathBuf,
    /// The file stem, by which the CLI names the session.
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub model: String,
    pub answered: usize,
    pub total: usize,
    pub parts: Vec<PartLevel>,
    /// The session's own last change (see `SessionEntry::changed`).
    pub updated: String,
    /// Why the session cannot be opened, if it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The error is that the file could not be read (permissions, not a regular file), not
    /// that its content is damaged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
}

/// Every session in `dir`, newest change first, with its progress and levels. Each model is
/// loaded once however many sessions use it; answers under aliased ids count as moved. Why a
/// session cannot be opened is told in `lang`.
pub fn overview_sessions(
    dir: &Path,
    lang: crate::lang::Lang,
) -> Result<Vec<SessionOverview>, SessionError> {
    let mut models: HashMap<(String, Option<String>), Result<LoadedModel, String>> = HashMap::new();
    let entries = session::list_sessions(dir)?;
    Ok(entries
        .into_iter()
        .map(|entry| {
            let mut overview = SessionOverview {
                name: entry
                    .path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string(),
                updated: entry.changed(),
                path: entry.path,
                title: String::new(),
                organisation: String::new(),
                model: String::new(),
                answered: 0,
                total: 0,
                parts: Vec::new(),
                error: None,
                unreadable: false,
            };
            let mut session = match entry.session {
                Ok(session) => session,
                Err(e) => {
                    overview.unreadable = e.state() == session::FileState::Unreadable;
                    overview.error = Some(lang.session_error(&e).unwrap_or_else(|| e.to_string()));
                    return overview;
                }
            };
            let key = (session.model.id.clone(), session.model.path.clone());
            let path = overview.path.clone();
            let loaded = models.entry(key).or_insert_with(|| {
                session::model_loaded(&session).map_err(|e| {
                    let error = session::OpenError::ModelUnloadable {
                        path,
                        id: session.model.id.clone(),
                        source: e,
                    };
                    lang.open_error(&error)
                })
            });
            match loaded {
                Ok(model) => {
                    session.apply_aliases(model);
                    let summary = summarize(model, &session, "en");
                    overview.title = summary.title;
                    overview.organisation = summary.organisation;
                    overview.model = summary.model;
                    overview.answered = summary.answered;
                    overview.total = summary.total;
                    overview.parts = summary
                        .parts
                        .iter()
                        .map(|p| PartLevel {
                            id: p.row.id.clone(),
                            level: p.row.level,
                            target: p.row.target,
                        })
                        .collect();
                }
                Err(error) => overview.error = Some(error.clone()),
            }
            overview
        })
        .collect())
}
