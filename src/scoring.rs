//! Levels, scores and gaps: pure functions of a model and a session's answers.
//!
//! What an answer means comes from its requirement's answer scale (`session::scale`); how a
//! practice's answers become its level and score is the model's scoring rule: `staged`
//! (CAICT, the default), `sum` (OWASP SAMM) or `share` (DSOMM), each with a worked example on
//! its function below. Under `staged`, a practice is at level L when every requirement of
//! levels 1..=L passed or is not applicable (Partial, Not met and unanswered do not count); a
//! level with no requirements is passed through, but a practice never rises above its highest
//! level that has requirements, and a practice with nothing answered is at level 0. The
//! fractional score is L plus the share of level L+1 requirements done. Groups (items,
//! domains, parts) take the model's rollup rule (minimum by default) and also report the mean
//! of their practices' levels and scores, whatever the scoring rule.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{AnswerOption, LoadedModel, Rollup, Scoring};
use crate::session::{Answer, Status, scale};

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
    /// The practice was added by an extension; groups holding the base model's practices
    /// leave it out of their level, so the base is scored exactly as the base model scores it.
    #[serde(skip)]
    pub own: bool,
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

/// What one level of a practice holds, as the scoring rules read it.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// Requirements at this level.
    count: usize,
    /// Of them passed or not applicable (`staged`).
    done: usize,
    /// Of them applicable (not answered not applicable).
    applicable: usize,
    /// Of the applicable ones passed (`share`).
    passed: usize,
    /// The values of the applicable answers (`sum`).
    value: f64,
}

/// The option a requirement's answer chose on its scale (None: unanswered).
fn chosen<'m>(
    model: &'m LoadedModel,
    requirement: usize,
    answers: &BTreeMap<String, Answer>,
) -> (Option<Status>, Option<&'m AnswerOption>) {
    let status = answers
        .get(&model.index.requirements[requirement].id)
        .and_then(|a| a.status);
    let option = status.and_then(|s| scale::option(scale::scale_at(model, requirement), s));
    (status, option)
}

/// Scores one practice (by its index in the model index) by the model's scoring rule.
pub fn score_practice(
    model: &LoadedModel,
    practice: usize,
    answers: &BTreeMap<String, Answer>,
) -> PracticeScore {
    let pref = &model.index.practices[practice];
    let reqs = pref.requirements.clone();
    let total = reqs.len();
    let mut answered = 0;
    // An extension's own requirements in a base practice do not move its level (they still
    // count as gaps).
    let mut tally = [Tally::default(); 5];
    let mut unmet = [0usize; 5];
    for i in reqs {
        let r = &model.index.requirements[i];
        let level = usize::from(r.level.clamp(1, 5)) - 1;
        let (status, option) = chosen(model, i, answers);
        answered += usize::from(status.is_some());
        let done = scale::done(option);
        unmet[level] += usize::from(!done);
        if r.own && !pref.own {
            continue;
        }
        let t = &mut tally[level];
        t.count += 1;
        t.done += usize::from(done);
        if !option.is_some_and(|o| o.not_applicable) {
            t.applicable += 1;
            t.passed += usize::from(option.is_some_and(|o| o.passed));
            t.value += option.map_or(0.0, |o| o.value);
        }
    }
    let highest = tally.iter().rposition(|t| t.count > 0).map_or(0, |p| p + 1);
    let (level, score) = if answered == 0 {
        (0, 0.0)
    } else {
        match model.model.scoring {
            Scoring::Staged => staged(&tally[..highest]),
            Scoring::Sum => sum(&tally[..highest]),
            Scoring::Share => share(&tally[..highest]),
        }
    };
    PracticeScore {
        level: u8::try_from(level).unwrap_or(5),
        score,
        answered,
        total,
        unmet,
        own: pref.own,
    }
}

/// `staged` (CAICT): the level is the highest L such that every requirement of levels 1..L
/// passed or is not applicable (a level without requirements is passed through); the score is
/// L plus the share of level L+1's requirements done.
///
/// Worked example: level 1 has 2 requirements, both Met; level 2 has 3, two Met and one
/// Partial; level 3 has 1, Met. Level 2 is not complete, so the level is 1 and the score is
/// 1 + 2/3 = 1.67 (level 3's Met counts for nothing until level 2 is complete).
fn staged(levels: &[Tally]) -> (usize, f64) {
    let level = levels
        .iter()
        .position(|t| t.done < t.count)
        .unwrap_or(levels.len());
    let next = levels
        .get(level)
        .map_or(0.0, |t| t.done as f64 / t.count as f64);
    (level, level as f64 + next)
}

/// `sum` (OWASP SAMM): the score is the sum of the values of the practice's answers (not
/// applicable and unanswered count 0); the level is the score rounded down. Groups take the
/// mean of their practices' scores.
///
/// Worked example (a SAMM stream, one question per maturity level, answers worth 0, 0.25, 0.5
/// or 1): level 1 answered 1, level 2 answered 0.5, level 3 answered 0.25 → the stream scores
/// 1 + 0.5 + 0.25 = 1.75, level 1. A security practice with streams of 1.75 and 1.0 scores
/// their mean 1.375; a business function with practices of 1.375, 2.0 and 0.5 scores
/// (1.375 + 2.0 + 0.5) / 3 = 1.29.
fn sum(levels: &[Tally]) -> (usize, f64) {
    let score: f64 = levels.iter().map(|t| t.value).sum();
    // Truncation is the point: 1.75 has not reached level 2.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let level = (score + 1e-9).floor().max(0.0) as usize;
    (level.min(levels.len()), score)
}

/// `share` (DSOMM): per level, the share of applicable requirements implemented (passed); a
/// level with none applicable counts as fully implemented. The level is the highest L such
/// that every level 1..L is fully implemented; the score is the sum of the levels' shares.
///
/// Worked example: level 1 has 4 activities, all implemented (share 1); level 2 has 4, three
/// implemented and one not applicable (3 of 3 applicable: share 1); level 3 has 5, two
/// implemented (share 0.4); level 4 has 2, one implemented (share 0.5). The level is 2 and
/// the score 1 + 1 + 0.4 + 0.5 = 2.9.
fn share(levels: &[Tally]) -> (usize, f64) {
    let shares = levels.iter().map(|t| {
        if t.applicable == 0 {
            1.0
        } else {
            t.passed as f64 / t.applicable as f64
        }
    });
    let level = levels
        .iter()
        .position(|t| t.passed < t.applicable)
        .unwrap_or(levels.len());
    (level, shares.sum())
}

/// Rolls practice scores up into one group score.
pub fn rollup(id: String, rule: Rollup, all: &[PracticeScore]) -> GroupScore {
    // A group holding the base model's practices is levelled on them alone.
    let base: Vec<PracticeScore>;
    let members = if all.iter().any(|p| p.own) && all.iter().any(|p| !p.own) {
        base = all.iter().filter(|p| !p.own).copied().collect();
        &base[..]
    } else {
        all
    };
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
        answered: all.iter().map(|p| p.answered).sum(),
        total: all.iter().map(|p| p.total).sum(),
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
            let (status, option) = chosen(model, i, answers);
            (!scale::done(option)).then(|| Gap {
                requirement: i,
                id: r.id.clone(),
                level: r.level,
                status,
            })
        })
        .collect()
}
