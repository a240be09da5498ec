//! The open session's evidence checks and review filter: where relative evidence is read
//! from, checking the register again, and moving among the filter's matches.

use std::path::PathBuf;

use super::Work;
use crate::review;
use crate::session;

impl Work {
    /// The folder relative evidence locations are read from (the session's).
    pub fn base_dir(&self) -> PathBuf {
        session::base_dir(&self.path)
    }

    /// Checks the register's files again (after a change to the register).
    pub fn recheck_evidence(&mut self) {
        self.checks = session::evidence_checks(&self.session, &self.base_dir());
    }

    /// Whether a requirement (by index) matches the filter in force (all do without one).
    pub fn matches(&self, requirement: usize) -> bool {
        self.filter.is_none_or(|f| {
            let id = &self.model.index.requirements[requirement].id;
            review::matches(f, &self.session, id, &self.checks)
        })
    }

    /// Moves to the next (or previous) requirement matching the filter in force; stays at
    /// the ends. Returns whether it moved.
    pub fn next_match(&mut self, forward: bool) -> bool {
        let pos = self.position();
        let found = if forward {
            self.scope[pos + 1..]
                .iter()
                .copied()
                .find(|&r| self.matches(r))
        } else {
            self.scope[..pos]
                .iter()
                .rev()
                .copied()
                .find(|&r| self.matches(r))
        };
        found.inspect(|&r| self.jump(r)).is_some()
    }

    /// Moves to the first match of the next (or previous) practice that has one.
    pub fn next_matching_practice(&mut self, forward: bool) -> bool {
        let here = self.practice;
        let practice_of = |r: usize| self.model.index.requirements[r].practice;
        let pos = self.position();
        let found = if forward {
            self.scope[pos..]
                .iter()
                .copied()
                .find(|&r| practice_of(r) != here && self.matches(r))
        } else {
            // The previous practice's first match: walk back to its last, then to its start.
            let last = self.scope[..pos]
                .iter()
                .rev()
                .copied()
                .find(|&r| practice_of(r) != here && self.matches(r));
            last.map(|l| {
                self.scope
                    .iter()
                    .copied()
                    .find(|&r| practice_of(r) == practice_of(l) && self.matches(r))
                    .unwrap_or(l)
            })
        };
        found.inspect(|&r| self.jump(r)).is_some()
    }

    /// Where auto-advance goes after an answer: the next match of the filter in force, else
    /// the next unanswered requirement.
    pub fn advance(&mut self) {
        if self.filter.is_some() {
            self.next_match(true);
        } else {
            self.next_unanswered(true);
        }
    }

    /// How many requirements of a practice match the filter in force.
    pub fn matches_in(&self, practice: usize) -> usize {
        self.model.index.practices[practice]
            .requirements
            .clone()
            .filter(|&r| self.matches(r))
            .count()
    }
}
