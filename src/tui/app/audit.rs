//! The workbench's audit and workshop keys: the history panel, who decides, participants,
//! the discussion note and sign-off. Every change goes through a core edit function.

use super::{App, LineInput, OnYes, Overlay};
use crate::i18n::workbench::Words;
use crate::review;
use crate::session::{self, EditError, Session};
use crate::tui::action::Action;

/// The participants editor: a list, and a `Name: Role` line while adding or editing.
#[derive(Debug, Clone, Default)]
pub struct ParticipantsState {
    pub selected: usize,
    /// The line being typed, and the participant it edits (None adds a new one).
    pub form: Option<(LineInput, Option<String>)>,
    pub error: Option<String>,
}

/// Stamps the sticky decider on answers just given (nothing when no one is picked).
pub(super) fn stamp_decider(
    session: &mut Session,
    requirements: &[&str],
    decider: &str,
    who: &str,
) -> Result<(), EditError> {
    if decider.is_empty() || session.participant(decider).is_none() {
        return Ok(());
    }
    for id in requirements {
        session.set_decided_by(id, decider, who)?;
    }
    Ok(())
}

impl App {
    /// The audit keys of the assessment screen; false when `action` is not one of them.
    pub(super) fn update_audit(&mut self, action: Action) -> bool {
        let Some(work) = &mut self.work else {
            return false;
        };
        if let Some(sign_off) = &work.session.sign_off
            && action.edits()
            && action != Action::SignOff
        {
            let text = work.lang().texts().messages.final_refused;
            let (by, at) = (sign_off.by.as_str(), sign_off.at.as_str());
            self.message = Some(crate::i18n::fill(text, &[("by", by), ("at", at)]));
            return true;
        }
        match action {
            Action::History => self.overlays.push(Overlay::History { scroll: 0 }),
            Action::Decider => {
                let decider = crate::tui::overlays::decider::Decider::open(&work.session);
                self.overlays.push(Overlay::Decider(decider));
            }
            Action::Participants => self
                .overlays
                .push(Overlay::Participants(ParticipantsState::default())),
            Action::Discussion => self.open_note(true),
            Action::SignOff if work.session.is_final() => self.overlays.push(Overlay::Reason {
                input: LineInput::default(),
                error: None,
            }),
            Action::SignOff => self.ask_sign_off(),
            _ => return false,
        }
        true
    }

    /// `S`: the pre-flight list first; a blocking finding refuses, else one `y` signs.
    fn ask_sign_off(&mut self) {
        let Some(work) = &mut self.work else { return };
        // The question must count the evidence as it is now, not as it was when opened.
        work.settle_checks(true);
        let policy = &self.sign_off_policy;
        let items = review::preflight(&work.model, &work.session, &work.checks, policy);
        let w = work.lang().texts().workbench;
        let lang = work.lang();
        let conflicts = review::conflicts_line(&work.session, lang);
        if review::blocked(&items) || conflicts.is_some() {
            // What refuses it; the rest of the list shows once that is fixed.
            let blocking: Vec<_> = items.iter().copied().filter(|i| i.blocking).collect();
            let mut list: Vec<String> = conflicts.into_iter().collect();
            if !blocking.is_empty() {
                list.extend(review::preflight_lines(&blocking, lang));
            }
            let list = list.join("; ");
            self.message = Some(Words::fill(w.sign_off_blocked, &[("list", &list)]));
            return;
        }
        let lines = review::preflight_lines(&items, lang);
        let (answered, total) = work.progress();
        let question = Words::fill(
            w.sign_off_question,
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        );
        let heading = lang.texts().signoff.heading;
        let question = format!("{heading}\n{}\n{question}", lines.join("\n"));
        self.overlays.push(Overlay::Confirm {
            question,
            on_yes: OnYes::SignOff,
        });
    }

    /// Signs off the open session (the confirmed `S`).
    pub(super) fn sign_off(&mut self) {
        let who = self.who.clone();
        let Some(work) = &mut self.work else { return };
        let signed = work
            .session
            .ensure_assessor(&who)
            .and_then(|_| work.session.finalize(&who).cloned());
        match signed {
            Ok(s) => {
                // With ASSESS_SIGNING_KEY set, the sign-off is signed with that SSH key too.
                let key = std::env::var_os("ASSESS_SIGNING_KEY").filter(|k| !k.is_empty());
                let signing = key.map(|k| work.session.sign_with_key(std::path::Path::new(&k)));
                let t = work.lang().texts().messages;
                let hash = s.hash.as_str();
                self.message = Some(match signing {
                    Some(Ok(())) => crate::i18n::fill(t.signed_off_key, &[("hash", hash)]),
                    Some(Err(e)) => crate::i18n::fill(
                        t.signed_off_key_failed,
                        &[("error", &e.to_string()), ("hash", hash)],
                    ),
                    None => crate::i18n::fill(t.signed_off, &[("hash", hash)]),
                });
                work.dirty = true;
                work.save_now();
            }
            Err(e) => self.message = Some(work.lang().edit_error(&e)),
        }
    }

    /// Keys in the history, decider, participants and reason overlays; false for others.
    pub(super) fn update_audit_overlay(&mut self, action: Action) -> bool {
        match self.overlays.last_mut() {
            Some(Overlay::History { scroll }) => match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                _ => {
                    self.overlays.pop();
                }
            },
            Some(Overlay::Decider(decider)) => {
                let Some(work) = &self.work else { return true };
                let effect = decider.update(action, &work.session);
                self.apply(effect);
            }
            Some(Overlay::Participants(_)) => self.update_participants(action),
            Some(Overlay::Reason { .. }) => self.update_reason(action),
            _ => return false,
        }
        true
    }

    fn update_reason(&mut self, action: Action) {
        let who = self.who.clone();
        let Some(Overlay::Reason { input, error }) = self.overlays.last_mut() else {
            return;
        };
        if action != Action::Confirm {
            self.overlays.pop();
            return;
        }
        let reason = input.text.clone();
        let Some(work) = &mut self.work else { return };
        let reopened = work
            .session
            .reopen(&reason, &who)
            .and_then(|()| work.session.ensure_assessor(&who).map(|_| ()));
        match reopened {
            Ok(()) => {
                work.dirty = true;
                work.save_now();
                self.overlays.pop();
                self.message = Some(work.lang().texts().messages.reopened.to_string());
            }
            Err(e) => *error = Some(work.lang().edit_error(&e)),
        }
    }

    fn update_participants(&mut self, action: Action) {
        let who = self.who.clone();
        let Some(work) = &mut self.work else { return };
        let Some(Overlay::Participants(state)) = self.overlays.last_mut() else {
            return;
        };
        let count = work.session.participants.len();
        let selected = work.session.participants.get(state.selected).cloned();
        state.error = None;
        if let Some((input, editing)) = &state.form {
            match action {
                Action::Confirm => {
                    let (name, role) = session::parse_participant(&input.text);
                    let result = match editing {
                        Some(old) => work.edit(|s, _| s.set_participant_role(old, &role, &who)),
                        None => work.edit(|s, _| s.add_participant(&name, &role, &who)),
                    };
                    match result {
                        Ok(()) => {
                            if editing.is_none() {
                                state.selected = count;
                            }
                            state.form = None;
                        }
                        Err(e) => state.error = Some(work.lang().edit_error(&e)),
                    }
                }
                _ => state.form = None,
            }
            return;
        }
        match action {
            Action::Down => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
            Action::Up => state.selected = state.selected.saturating_sub(1),
            Action::Add => state.form = Some((LineInput::default(), None)),
            Action::Confirm => match selected {
                Some(p) => {
                    let text = format!("{}: {}", p.name, p.role);
                    state.form = Some((LineInput::new(&text), Some(p.name)));
                }
                None => state.form = Some((LineInput::default(), None)),
            },
            Action::Delete => {
                if let Some(p) = selected {
                    match work.edit(|s, _| s.remove_participant(&p.name, &who)) {
                        Ok(()) => {
                            state.selected = state.selected.min(count.saturating_sub(2));
                        }
                        Err(e) => state.error = Some(work.lang().edit_error(&e)),
                    }
                }
            }
            _ => {
                self.overlays.pop();
            }
        }
    }
}
