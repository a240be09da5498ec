//! The workshop clock (the agenda editor is `overlays::agenda`) and the timebox: time is
//! counted for the domain on screen, saved when the domain changes, on quit and at most every
//! `TIME_SAVE_EVERY` otherwise, and the status line shows the current item against its plan.

use std::time::{Duration, Instant};

use super::{App, Screen, Work};
use crate::session::{clock, domain_key};

/// Time spent is written at most this often while the domain stays the same.
pub const TIME_SAVE_EVERY: Duration = Duration::from_secs(30);
/// Where time is being counted: the domain on screen since when.
#[derive(Debug, Clone, Default)]
pub struct TimeClock {
    pub running: Option<(String, Instant)>,
    pub saved_at: Option<Instant>,
    /// Time was counted that is not on disk yet.
    pub unsaved: bool,
}

/// The status line's timebox: `12:30 / 20:00`, and whether it is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timebox {
    pub text: String,
    pub over: bool,
}

impl Work {
    /// The agenda item on screen (its domain if planned, else its part), with seconds spent and
    /// planned; None when it has no plan.
    pub fn agenda_item(&self) -> Option<(String, u64, u64)> {
        let domain = domain_key(&self.model, self.practice);
        let agenda = &self.session.agenda;
        let item = agenda.item_of(&domain);
        let planned = u64::from(agenda.planned(&item)?) * 60;
        let spent = agenda.spent(&item);
        Some((item, spent, planned))
    }

    pub fn timebox(&self) -> Option<Timebox> {
        let (_, spent, planned) = self.agenda_item()?;
        Some(Timebox {
            text: format!("{} / {}", clock(spent), clock(planned)),
            over: spent > planned,
        })
    }

    /// Counts the time since the last call for the domain that was on screen (`showing` is
    /// false off the assessment screen: the clock stops). Saves when the domain changed or
    /// every `TIME_SAVE_EVERY`. Returns a message the first time the current item goes over.
    pub fn account_time(&mut self, now: Instant, showing: bool) -> Option<String> {
        let domain = domain_key(&self.model, self.practice);
        let before = self.agenda_item();
        let mut moved = false;
        if let Some((key, since)) = self.time.running.take() {
            let seconds = now.saturating_duration_since(since).as_secs();
            if self.session.add_time_spent(&key, seconds) {
                self.time.unsaved = true;
            }
            moved = key != domain;
            // Keep the part of a second not yet counted.
            let since = if moved {
                now
            } else {
                since + Duration::from_secs(seconds)
            };
            self.time.running = showing.then(|| (domain.clone(), since));
        } else if showing {
            self.time.running = Some((domain, now));
            self.time.saved_at.get_or_insert(now);
        }
        let due = self
            .time
            .saved_at
            .is_none_or(|t| now.saturating_duration_since(t) >= TIME_SAVE_EVERY);
        if self.time.unsaved && (moved || due) {
            self.save_now();
            self.time.saved_at = Some(now);
        }
        let after = self.agenda_item()?;
        let crossed = before.is_some_and(|(item, spent, planned)| {
            item == after.0 && spent <= planned && after.1 > after.2
        });
        crossed.then(|| {
            let text = self.lang().texts().messages.time_up;
            crate::i18n::fill(text, &[("planned", &clock(after.2))])
        })
    }

    /// Whether anything (an edit, the cursor, counted time) is not on disk yet.
    pub fn needs_save(&self) -> bool {
        self.dirty || self.time.unsaved
    }
}

impl App {
    /// Counts workshop time for the domain on screen (see `Work::account_time`).
    pub(super) fn account_time(&mut self, now: Instant) {
        let showing = self.screen == Screen::Assessment;
        if let Some(work) = &mut self.work
            && let Some(message) = work.account_time(now, showing)
        {
            self.message = Some(message);
        }
    }
}
