//! The workbench's audit and workshop keys: they open the history, who decides, participants,
//! the discussion note and sign-off (the overlays are `overlays::*`). Every change goes
//! through a core edit function.

use super::{App, OnYes, Overlay, ParticipantsState};
use crate::i18n::workbench::Words;
use crate::review;
use crate::session::{EditError, Session};
use crate::tui::action::Action;
use crate::tui::overlays::confirm::Confirm;
use crate::tui::overlays::history::History;
use crate::tui::overlays::reason::Reason;

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
            Action::History => self.overlays.push(Overlay::History(History::default())),
            Action::Decider => {
                let decider = crate::tui::overlays::decider::Decider::open(&work.session);
                self.overlays.push(Overlay::Decider(decider));
            }
            Action::Participants => self
                .overlays
                .push(Overlay::Participants(ParticipantsState::default())),
            Action::Discussion => self.open_note(true),
            Action::SignOff if work.session.is_final() => {
                self.overlays.push(Overlay::Reason(Reason::default()));
            }
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
        self.overlays.push(Overlay::Confirm(Confirm {
            question,
            on_yes: OnYes::SignOff,
        }));
    }

    /// Signs off the open session (the confirmed `S`).
    pub(super) fn sign_off(&mut self) -> Result<(), EditError> {
        let who = self.who.clone();
        let Some(work) = &mut self.work else {
            return Ok(());
        };
        let s = work
            .session
            .ensure_assessor(&who)
            .and_then(|_| work.session.finalize(&who).cloned())?;
        {
            {
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
        }
        Ok(())
    }
}
