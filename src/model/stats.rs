//! Counts of a model's tree (parts, domains, items, practices, requirements per level), for
//! `assess model stats` and the tests that pin the shape of the bundled model.

use serde::Serialize;

use super::schema::{Model, Practice, Provenance};

/// Requirements by where their text comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProvenanceCounts {
    pub standard: usize,
    pub draft: usize,
    pub authored: usize,
}

impl ProvenanceCounts {
    fn add(&mut self, provenance: Provenance, n: usize) {
        match provenance {
            Provenance::Standard => self.standard += n,
            Provenance::Draft => self.draft += n,
            Provenance::Authored => self.authored += n,
        }
    }

    fn absorb(&mut self, other: ProvenanceCounts) {
        self.standard += other.standard;
        self.draft += other.draft;
        self.authored += other.authored;
    }
}

/// Counts for one node (the model, a part or a domain).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub id: String,
    pub name: String,
    pub domains: usize,
    pub items: usize,
    pub practices: usize,
    pub requirements: usize,
    /// Requirements per level, index 0 = level 1.
    pub per_level: [usize; 5],
    /// Practices whose text is authored by analogy rather than from the standard's tables.
    pub authored: usize,
    /// Requirements by resolved provenance (requirement, else level, else practice, else part).
    pub provenance: ProvenanceCounts,
}

impl Counts {
    fn add_practice(&mut self, practice: &Practice, part: Provenance) {
        let own = practice.provenance.unwrap_or(part);
        self.practices += 1;
        self.authored += usize::from(own == Provenance::Authored);
        for level in &practice.levels {
            let n = level.requirements.len();
            self.requirements += n;
            let level_own = level.provenance.unwrap_or(own);
            for r in &level.requirements {
                self.provenance.add(r.provenance.unwrap_or(level_own), 1);
            }
            if (1..=5).contains(&level.level) {
                self.per_level[usize::from(level.level) - 1] += n;
            }
        }
    }

    fn absorb(&mut self, other: &Counts) {
        self.domains += other.domains;
        self.items += other.items;
        self.practices += other.practices;
        self.requirements += other.requirements;
        self.authored += other.authored;
        self.provenance.absorb(other.provenance);
        for (total, n) in self.per_level.iter_mut().zip(other.per_level) {
            *total += n;
        }
    }
}

/// Statistics of a whole model: totals, then per part with its domains.
#[derive(Debug, Clone, Serialize)]
pub struct ModelStats {
    pub total: Counts,
    pub parts: Vec<PartStats>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartStats {
    pub counts: Counts,
    pub domains: Vec<Counts>,
}

pub fn model_stats(model: &Model, lang: &str) -> ModelStats {
    let mut total = Counts {
        id: model.id.clone(),
        name: model.name.get(lang).to_string(),
        ..Counts::default()
    };
    let mut parts = Vec::new();
    for part in &model.parts {
        let mut part_counts = Counts {
            id: part.id.clone(),
            name: part.name.get(lang).to_string(),
            domains: part.domains.len(),
            ..Counts::default()
        };
        let mut domains = Vec::new();
        for domain in &part.domains {
            let mut counts = Counts {
                id: domain.id.clone(),
                name: domain.name.get(lang).to_string(),
                items: domain.items.len(),
                ..Counts::default()
            };
            for practice in domain.items.iter().flat_map(|i| &i.practices) {
                counts.add_practice(practice, part.provenance);
            }
            part_counts.absorb(&Counts {
                domains: 0,
                ..counts.clone()
            });
            domains.push(counts);
        }
        total.absorb(&part_counts);
        parts.push(PartStats {
            counts: part_counts,
            domains,
        });
    }
    ModelStats { total, parts }
}
