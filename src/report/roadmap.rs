//! The improvement roadmap of a part: the gap requirements (from `scoring::gaps`) ordered so the
//! next level is reached first. Phase 1 holds what blocks level current+1, phase 2 what blocks
//! the level after, and so on up to the target; within a phase, requirements are grouped by
//! domain in model order.

use serde::Serialize;

use crate::model::LoadedModel;
use crate::scoring::gaps;
use crate::session::{Session, Status, scale};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    pub current: u8,
    pub target: u8,
    /// All gap requirements (equals the part's `gap_requirements`).
    pub total: usize,
    /// Empty when the target is reached.
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    /// 1 = the next level.
    pub phase: u8,
    /// The part level this phase unlocks (capped at the target).
    pub reaches_level: u8,
    pub count: usize,
    pub domains: Vec<PhaseDomain>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseDomain {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub requirements: Vec<RoadmapItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapItem {
    pub id: String,
    pub level: u8,
    pub practice: String,
    pub text: String,
    /// The current answer (`null` when unanswered).
    #[serde(serialize_with = "status_code_ser")]
    pub status: Option<Status>,
    /// As `AnswerView::label`.
    #[serde(skip)]
    pub label: String,
}

/// Which phase a gap requirement of `level` falls in, for a part now at `current`. Under a mean
/// rollup a lagging practice can have gaps at or below the current level: they come first.
pub fn phase_of(level: u8, current: u8) -> u8 {
    level.saturating_sub(current).max(1)
}

/// The roadmap of part `part` (model index), or `None` when it has no target.
pub fn roadmap(
    model: &LoadedModel,
    session: &Session,
    part: usize,
    current: u8,
    lang: &str,
) -> Option<Roadmap> {
    let part_id = &model.model.parts[part].id;
    let target = *session.targets.get(part_id)?;
    let gaps = gaps(model, part, target, &session.answers);
    let last_phase = gaps.iter().map(|g| phase_of(g.level, current)).max();
    let phases = (1..=last_phase.unwrap_or(0))
        .map(|phase| {
            let domains =
                phase_domains(model, part, &gaps, |g| phase_of(g, current) == phase, lang);
            Phase {
                phase,
                reaches_level: current.saturating_add(phase).min(target),
                count: domains.iter().map(|d| d.count).sum(),
                domains,
            }
        })
        .collect();
    Some(Roadmap {
        current,
        target,
        total: gaps.len(),
        phases,
    })
}

fn phase_domains(
    model: &LoadedModel,
    part: usize,
    gaps: &[crate::scoring::Gap],
    in_phase: impl Fn(u8) -> bool,
    lang: &str,
) -> Vec<PhaseDomain> {
    let part_def = &model.model.parts[part];
    part_def
        .domains
        .iter()
        .enumerate()
        .filter_map(|(di, domain)| {
            let requirements: Vec<RoadmapItem> = gaps
                .iter()
                .filter(|g| in_phase(g.level))
                .filter_map(|g| {
                    let rref = &model.index.requirements[g.requirement];
                    let pref = &model.index.practices[rref.practice];
                    (pref.domain == di).then(|| RoadmapItem {
                        id: g.id.clone(),
                        level: g.level,
                        practice: model.model.practice_of(pref).name.get(lang).to_string(),
                        text: model
                            .model
                            .requirement_of(pref, rref)
                            .text
                            .get(lang)
                            .to_string(),
                        status: g.status,
                        label: scale::own_label(
                            model,
                            &g.id,
                            g.status,
                            crate::lang::Lang::from_code(lang),
                        ),
                    })
                })
                .collect();
            (!requirements.is_empty()).then(|| PhaseDomain {
                id: format!("{}.{}", part_def.id, domain.id),
                name: domain.name.get(lang).to_string(),
                count: requirements.len(),
                requirements,
            })
        })
        .collect()
}

/// A status written as its code (`met`, …), as the report data writes it.
fn status_code_ser<S: serde::Serializer>(
    status: &Option<crate::session::Status>,
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&status.map(crate::session::Status::code), s)
}

#[cfg(test)]
mod tests {
    use super::phase_of;

    #[test]
    fn a_gap_falls_in_the_phase_of_the_level_it_blocks() {
        // (requirement level, part level now, phase)
        let cases = [
            (1, 0, 1),
            (2, 0, 2),
            (3, 1, 2),
            (2, 1, 1),
            (3, 2, 1),
            (5, 2, 3),
        ];
        for (level, current, phase) in cases {
            assert_eq!(
                phase_of(level, current),
                phase,
                "L{level} at current {current}"
            );
        }
        // Under a mean rollup a lagging practice can have gaps at or below the part's level.
        assert_eq!(phase_of(2, 3), 1);
        assert_eq!(phase_of(3, 3), 1);
    }
}
