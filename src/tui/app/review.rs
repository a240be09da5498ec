//! The open session's evidence checks and review filter: where relative evidence is read
//! from, checking the register again, and moving among the filter's matches.

use std::path::PathBuf;

use super::Work;
use super::background::{Job, Poll};
use crate::review;
use crate::session;

impl Work {
    /// The folder relative evidence locations are read from (the session's).
    pub fn base_dir(&self) -> PathBuf {
        session::base_dir(&self.path)
    }

    /// Checks the register's files again (after a change to the register): on another
    /// thread while the event loop runs, at once for direct callers (the tests).
    pub fn recheck_evidence(&mut self) {
        self.start_checks();
        if !self.defer_saves {
            self.settle_checks(true);
        }
    }

    /// Starts checking the register's files on another thread: hashing takes time, and the
    /// workbench is drawn and answers keys meanwhile. A check still running is replaced
    /// (dropping it stops its reading at once).
    pub(super) fn start_checks(&mut self) {
        let fingerprinted = self
            .session
            .evidence
            .values()
            .any(|e| e.sha256.is_some() || session::is_local_file(e));
        if !fingerprinted {
            self.checks.clear();
            self.checking = None;
            return;
        }
        let register = self.session.evidence.clone();
        let base = self.base_dir();
        self.checking = Some(Job::spawn(move |cancel, progress| {
            session::register_checks_progress(&register, &base, cancel, progress)
        }));
    }

    /// Takes the checks made on the other thread, when they are done (or waits for them);
    /// true when the check ended (or its progress moved: something to redraw).
    pub fn settle_checks(&mut self, wait: bool) -> bool {
        let Some(job) = &mut self.checking else {
            return false;
        };
        let before = job.progress;
        let result = if wait {
            job.wait()
        } else {
            match job.poll() {
                Poll::Running => return job.progress != before,
                Poll::Done(result) => Some(result),
                Poll::Lost => None,
            }
        };
        self.checking = None;
        // A check that could not finish (cancelled, or its thread died) leaves the last one
        // standing: nothing of it is kept.
        if let Some(Some(checks)) = result {
            self.checks = checks;
        }
        true
    }

    /// Stops the check running on the other thread (Esc): the last complete checks stay.
    /// True when one was running.
    pub fn cancel_checks(&mut self) -> bool {
        self.checking.take().inspect(|job| job.cancel()).is_some()
    }

    /// Whether a requirement (by index) matches the filter in force (all do without one).
    pub fn matches(&self, requirement: usize) -> bool {
        self.filter.is_none_or(|f| {
            let id = &self.model.index.requirements[requirement].id;
            let scale = crate::session::scale::scale_at(&self.model, requirement);
            review::matches_on(f, scale, &self.session, id, &self.checks)
        })
    }

    /// Moves to the next (or previous) requirement matching the filter in force; stays at
    /// the ends. Returns whether it moved.
    pub fn next_match(&mut self, forward: bool) -> bool {
        // Nothing in scope (a model update dropped every part in scope): nowhere to go.
        if self.scope.is_empty() {
            return false;
        }
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
