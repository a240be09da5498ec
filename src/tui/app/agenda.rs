//! The agenda editor (`A`: planned minutes per part or domain) and the timebox: time is
//! counted for the domain on screen, saved when the domain changes, on quit and at most every
//! `TIME_SAVE_EVERY` otherwise, and the status line shows the current item against its plan.

use std::time::{Duration, Instant};

use super::{App, Overlay, Screen, Work};
use crate::session::{AgendaRow, clock, domain_key};
use crate::tui::action::Action;

/// Time spent is written at most this often while the domain stays the same.
pub const TIME_SAVE_EVERY: Duration = Duration::from_secs(30);
/// One press of ←/→ in the agenda editor.
pub const MINUTES_STEP: u32 = 5;

/// The agenda being edited: a draft of minutes per row, saved together on Enter.
#[derive(Debug, Clone)]
pub struct AgendaEditor {
    pub rows: Vec<AgendaRow>,
    pub minutes: Vec<u32>,
    pub selected: usize,
    pub error: Option<String>,
}

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
    /// The agenda editor over the parts and domains in scope.
    pub(super) fn open_agenda(&mut self) {
        let Some(work) = &self.work else { return };
        let rows = work.session.agenda_rows(&work.model);
        let minutes = rows
            .iter()
            .map(|r| r.planned_minutes.unwrap_or(0))
            .collect();
        self.overlays.push(Overlay::Agenda(AgendaEditor {
            rows,
            minutes,
            selected: 0,
            error: None,
        }));
    }

    pub(super) fn update_agenda(&mut self, action: Action) {
        let who = self.who.clone();
        let Some(Overlay::Agenda(editor)) = self.overlays.last_mut() else {
            return;
        };
        let last = editor.rows.len().saturating_sub(1);
        let minutes = editor.minutes.get_mut(editor.selected);
        match (action, minutes) {
            (Action::Down, _) => editor.selected = (editor.selected + 1).min(last),
            (Action::Up, _) => editor.selected = editor.selected.saturating_sub(1),
            (Action::Left, Some(m)) => *m = m.saturating_sub(MINUTES_STEP),
            (Action::Right, Some(m)) => *m = (*m + MINUTES_STEP).min(24 * 60),
            (Action::Confirm, _) => {
                let changes: Vec<(String, u32)> = editor
                    .rows
                    .iter()
                    .zip(&editor.minutes)
                    .filter(|(r, m)| r.planned_minutes.unwrap_or(0) != **m)
                    .map(|(r, m)| (r.key.clone(), *m))
                    .collect();
                let Some(work) = &mut self.work else { return };
                let result = if changes.is_empty() {
                    Ok(())
                } else {
                    work.edit(|s, m| {
                        changes.iter().try_for_each(|(key, minutes)| {
                            s.set_planned_minutes(m, key, *minutes, &who)
                        })
                    })
                };
                match result {
                    Ok(()) => {
                        self.overlays.pop();
                    }
                    Err(e) => editor.error = Some(work.lang().edit_error(&e)),
                }
            }
            (Action::Cancel, _) => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

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
