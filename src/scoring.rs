//! Levels, scores and gaps: pure functions of a model and a session's answers.
//!
//! A practice is at level L when every requirement of levels 1..=L is Met or Not applicable
//! (Partial, Not met and unanswered do not count). A level with no requirements is passed
//! through, but a practice never rises above its highest level that has requirements, and a
//! practice with nothing answered is at level 0. The fractional score is L plus the share of
//! level L+1 requirements that are Met or N/A. Groups (items, domains, parts) take the model's
//! rollup rule (minimum by default) and also report the mean.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{LoadedModel, Rollup};
use crate::session::{Answer, Status};

/// The result for one practice.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PracticeScore {
    pub level: u8,
    pub score: f64,
    pub answered: usize,
    pub total: usize,
    /// Requirements per level (1..=5) that are not Met or N/A, so gap counts need no walk
    /// over the requirements.
    #[serde(skip)]
    pub unmet: [usize; 5],
}

impl PracticeScore {
    /// Requirements at or below `target` that are not Met or N/A.
    pub fn gaps_up_to(&self, target: u8) -> usize {
        self.unmet[..usize::from(target.min(5))].iter().sum()
    }
}

/// The result for a group of practices (capability item, domain, part).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupScore {
    /// Full id of the group (`cd`, `cd.config`, `cd.config.vc`).
    pub id: String,
    /// The level by the model's rollup rule.
    pub level: u8,
    /// The lowest practice level.
    pub min_level: u8,
    /// The mean of the practice levels.
    pub mean_level: f64,
    /// The mean of the practice scores.
    pub score: f64,
    pub answered: usize,
    pub total: usize,
    pub practices: usize,
}

fn counts_as_met(status: Option<Status>) -> bool {
    matches!(status, Some(Status::Met | Status::NotApplicable))
}

/// Scores one practice (by its index in the model index).
pub fn score_practice(
    model: &LoadedModel,
    practice: usize,
    answers: &BTreeMap<String, Answer>,
) -> PracticeScore {
    let pref = &model.index.practices[practice];
    let status = |i: usize| {
        answers
            .get(&model.index.requirements[i].id)
            .and_then(|a| a.status)
    };
    let reqs = pref.requirements.clone();
    let total = reqs.len();
    let mut answered = 0;
    // (requirements, met) per level 1..=5; each answer looked up once (rollups score
    // thousands of sessions).
    let mut per_level = [(0usize, 0usize); 5];
    for i in reqs {
        let status = status(i);
        answered += usize::from(status.is_some());
        let level = usize::from(model.index.requirements[i].level.clamp(1, 5)) - 1;
        per_level[level].0 += 1;
        per_level[level].1 += usize::from(counts_as_met(status));
    }
    let highest_defined = per_level
        .iter()
        .rposition(|(n, _)| *n > 0)
        .map_or(0, |p| p + 1);
    let mut level = 0usize;
    if answered > 0 {
        while level < highest_defined && per_level[level].0 == per_level[level].1 {
            level += 1;
        }
    }
    let next_share = match per_level.get(level) {
        Some((n, met)) if level < highest_defined && *n > 0 => *met as f64 / *n as f64,
        _ => 0.0,
    };
    PracticeScore {
        level: u8::try_from(level).unwrap_or(5),
        score: level as f64 + next_share,
        answered,
        total,
        unmet: per_level.map(|(n, met)| n - met),
    }
}

/// Rolls practice scores up into one group score.
pub fn rollup(id: String, rule: Rollup, members: &[PracticeScore]) -> GroupScore {
    let n = members.len();
    let min_level = members.iter().map(|p| p.level).min().unwrap_or(0);
    let mean = |f: &dyn Fn(&PracticeScore) -> f64| {
        if n == 0 {
            0.0
        } else {
            members.iter().map(f).sum::<f64>() / n as f64
        }
    };
    let mean_level = mean(&|p| f64::from(p.level));
    let level = match rule {
        Rollup::Minimum => min_level,
        // Truncation is the point: a mean of 2.9 has not reached level 3.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Rollup::Mean => mean_level.floor() as u8,
    };
    GroupScore {
        id,
        level,
        min_level,
        mean_level,
        score: mean(&|p| p.score),
        answered: members.iter().map(|p| p.answered).sum(),
        total: members.iter().map(|p| p.total).sum(),
        practices: n,
    }
}

/// Every practice's score, and the rollups of every item, domain and part of a model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// By practice index.
    pub practices: Vec<PracticeScore>,
    pub parts: Vec<PartCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCard {
    pub score: GroupScore,
    pub domains: Vec<DomainCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainCard {
    pub score: GroupScore,
    pub items: Vec<GroupScore>,
}

impl Scorecard {
    pub fn compute(model: &LoadedModel, answers: &BTreeMap<String, Answer>) -> Self {
        let practices: Vec<PracticeScore> = (0..model.index.practices.len())
            .map(|i| score_practice(model, i, answers))
            .collect();
        let rule = model.model.rollup;
        let under = |pi, di, ii| &practices[model.index.practices_under(pi, di, ii)];
        let parts = model
            .model
            .parts
            .iter()
            .enumerate()
            .map(|(pi, part)| {
                let domains = part
                    .domains
                    .iter()
                    .enumerate()
                    .map(|(di, domain)| {
                        let domain_id = format!("{}.{}", part.id, domain.id);
                        let items = domain
                            .items
                            .iter()
                            .enumerate()
                            .map(|(ii, item)| {
                                let members = under(pi, Some(di), Some(ii));
                                rollup(format!("{domain_id}.{}", item.id), rule, members)
                            })
                            .collect();
                        DomainCard {
                            score: rollup(domain_id, rule, under(pi, Some(di), None)),
                            items,
                        }
                    })
                    .collect();
                PartCard {
                    score: rollup(part.id.clone(), rule, under(pi, None, None)),
                    domains,
                }
            })
            .collect();
        Self { practices, parts }
    }

    /// After answers of one practice changed: rescores it and rolls up again only its item,
    /// domain and part, so an answer costs the same on a model of any size.
    pub fn rescore(
        &mut self,
        model: &LoadedModel,
        answers: &BTreeMap<String, Answer>,
        practice: usize,
    ) {
        let Some(pref) = model.index.practices.get(practice) else {
            return;
        };
        self.practices[practice] = score_practice(model, practice, answers);
        let (pi, di, ii) = (pref.part, pref.domain, pref.item);
        let rule = model.model.rollup;
        let index = &model.index;
        let practices = &self.practices;
        let part = &mut self.parts[pi];
        let domain = &mut part.domains[di];
        let item = &mut domain.items[ii];
        let members = &practices[index.practices_under(pi, Some(di), Some(ii))];
        *item = rollup(std::mem::take(&mut item.id), rule, members);
        let members = &practices[index.practices_under(pi, Some(di), None)];
        domain.score = rollup(std::mem::take(&mut domain.score.id), rule, members);
        let members = &practices[index.practices_under(pi, None, None)];
        part.score = rollup(std::mem::take(&mut part.score.id), rule, members);
    }

    /// The card of a part by id.
    pub fn part(&self, model: &LoadedModel, id: &str) -> Option<&PartCard> {
        model.model.part_index(id).map(|i| &self.parts[i])
    }

    /// How many requirements of a part at or below `target` are not Met or N/A: the same
    /// count as `gaps(..).len()`, from the practice scores.
    pub fn gap_count(&self, model: &LoadedModel, part: usize, target: u8) -> usize {
        self.practices[model.index.practices_under(part, None, None)]
            .iter()
            .map(|p| p.gaps_up_to(target))
            .sum()
    }
}

/// A requirement that stands between a part and its target level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// Index into the model's requirement index.
    pub requirement: usize,
    pub id: String,
    pub level: u8,
    /// The current answer (None = unanswered).
    pub status: Option<Status>,
}

/// Every requirement of a part at or below `target` that is not Met or N/A, in model order.
pub fn gaps(
    model: &LoadedModel,
    part: usize,
    target: u8,
    answers: &BTreeMap<String, Answer>,
) -> Vec<Gap> {
    model
        .index
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| model.index.practices[r.practice].part == part && r.level <= target)
        .filter_map(|(i, r)| {
            let status = answers.get(&r.id).and_then(|a| a.status);
            (!counts_as_met(status)).then(|| Gap {
                requirement: i,
                id: r.id.clone(),
                level: r.level,
                status,
            })
        })
        .collect()
}
