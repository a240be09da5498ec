//! A flat, ordered view of a model's practices and requirements with full ids, so that
//! navigation ("next practice"), scoring and reports walk the tree the same way.

use std::collections::HashMap;
use std::ops::Range;

use super::schema::{Domain, Item, Model, Part, Practice, Provenance, Requirement};

/// Where a practice sits in the tree, by position, and its full id (`cd.config.vc.vcs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeRef {
    pub part: usize,
    pub domain: usize,
    pub item: usize,
    pub practice: usize,
    pub id: String,
    /// This practice's requirements in `ModelIndex::requirements`.
    pub requirements: Range<usize>,
    /// Every requirement of the practice was added by an extension: the organisation's own.
    pub own: bool,
}

/// Where a requirement sits, and its full id (`cd.config.vc.vcs.l3.2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementRef {
    /// Index into `ModelIndex::practices`.
    pub practice: usize,
    /// Position of the level in `Practice::levels`.
    pub level_pos: usize,
    /// The level number (1..5).
    pub level: u8,
    /// Position in `Level::requirements`.
    pub position: usize,
    pub id: String,
    /// Added by an extension: the organisation's own requirement.
    pub own: bool,
}

/// Practices in tree order; requirements in practice order, then by level, then file order.
#[derive(Debug, Clone, Default)]
pub struct ModelIndex {
    pub practices: Vec<PracticeRef>,
    pub requirements: Vec<RequirementRef>,
    practice_by_id: HashMap<String, usize>,
    requirement_by_id: HashMap<String, usize>,
}

impl ModelIndex {
    pub fn build(model: &Model) -> Self {
        let mut index = Self::default();
        for (pi, part) in model.parts.iter().enumerate() {
            for (di, domain) in part.domains.iter().enumerate() {
                for (ii, item) in domain.items.iter().enumerate() {
                    for (xi, practice) in item.practices.iter().enumerate() {
                        let id = format!("{}.{}.{}.{}", part.id, domain.id, item.id, practice.id);
                        index.add_practice(practice, [pi, di, ii, xi], id);
                    }
                }
            }
        }
        index
    }

    fn add_practice(&mut self, practice: &Practice, pos: [usize; 4], id: String) {
        let number = self.practices.len();
        let start = self.requirements.len();
        let mut levels: Vec<usize> = (0..practice.levels.len()).collect();
        levels.sort_by_key(|&l| practice.levels[l].level);
        for level_pos in levels {
            let level = &practice.levels[level_pos];
            for (position, requirement) in level.requirements.iter().enumerate() {
                let req_id = format!("{id}.l{}.{}", level.level, requirement.id);
                // First one wins; duplicates are reported by validation.
                self.requirement_by_id
                    .entry(req_id.clone())
                    .or_insert(self.requirements.len());
                self.requirements.push(RequirementRef {
                    practice: number,
                    level_pos,
                    level: level.level,
                    position,
                    id: req_id,
                    own: requirement.own,
                });
            }
        }
        self.practice_by_id.entry(id.clone()).or_insert(number);
        self.practices.push(PracticeRef {
            part: pos[0],
            domain: pos[1],
            item: pos[2],
            practice: pos[3],
            id,
            own: start < self.requirements.len()
                && self.requirements[start..].iter().all(|r| r.own),
            requirements: start..self.requirements.len(),
        });
    }

    /// Index of the requirement with this full id.
    pub fn requirement(&self, id: &str) -> Option<usize> {
        self.requirement_by_id.get(id).copied()
    }

    /// Index of the practice with this full id.
    pub fn practice(&self, id: &str) -> Option<usize> {
        self.practice_by_id.get(id).copied()
    }

    /// The practices of a part, of a domain of it, or of an item of that domain: a contiguous
    /// range, as practices are in tree order. Found by binary search, so callers on every key
    /// press or frame never walk the whole model.
    pub fn practices_under(
        &self,
        part: usize,
        domain: Option<usize>,
        item: Option<usize>,
    ) -> Range<usize> {
        let want = (part, domain.unwrap_or(0), item.unwrap_or(0));
        let key = |p: &PracticeRef| {
            (
                p.part,
                domain.map_or(0, |_| p.domain),
                item.map_or(0, |_| p.item),
            )
        };
        let start = self.practices.partition_point(|p| key(p) < want);
        let end = self.practices.partition_point(|p| key(p) <= want);
        start..end
    }

    /// Indices of the practices of a part, in order.
    pub fn practices_of_part(&self, part: usize) -> impl Iterator<Item = usize> + '_ {
        self.practices
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.part == part)
            .map(|(i, _)| i)
    }
}

impl Model {
    pub fn part_of(&self, r: &PracticeRef) -> &Part {
        &self.parts[r.part]
    }

    pub fn domain_of(&self, r: &PracticeRef) -> &Domain {
        &self.parts[r.part].domains[r.domain]
    }

    pub fn item_of(&self, r: &PracticeRef) -> &Item {
        &self.parts[r.part].domains[r.domain].items[r.item]
    }

    pub fn practice_of(&self, r: &PracticeRef) -> &Practice {
        &self.item_of(r).practices[r.practice]
    }

    /// The requirement a ref points at, given the practice ref it belongs to.
    pub fn requirement_of(&self, p: &PracticeRef, r: &RequirementRef) -> &Requirement {
        &self.practice_of(p).levels[r.level_pos].requirements[r.position]
    }

    /// Where a practice's text comes from: the practice's own setting, else its part's.
    pub fn practice_provenance(&self, p: &PracticeRef) -> Provenance {
        self.practice_of(p)
            .provenance
            .unwrap_or(self.part_of(p).provenance)
    }

    /// Where a level's text comes from: the level's setting, else its practice's.
    pub fn level_provenance(&self, p: &PracticeRef, level_pos: usize) -> Provenance {
        self.practice_of(p).levels[level_pos]
            .provenance
            .unwrap_or_else(|| self.practice_provenance(p))
    }

    /// Where a requirement's text comes from: its own setting, else its level's.
    pub fn requirement_provenance(&self, p: &PracticeRef, r: &RequirementRef) -> Provenance {
        self.requirement_of(p, r)
            .provenance
            .unwrap_or_else(|| self.level_provenance(p, r.level_pos))
    }

    /// Index of a part by id.
    pub fn part_index(&self, id: &str) -> Option<usize> {
        self.parts.iter().position(|p| p.id == id)
    }
}
