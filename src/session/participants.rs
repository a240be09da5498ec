//! Who is in the room: participants with roles, the assessors who edit, and who decided an
//! answer. Every change is logged under the target `session` (or the requirement).

use super::edit::{EditError, now_timestamp};
use super::{Participant, Session};

/// A participant as the history shows it: `Name (Role)`.
fn shown(p: &Participant) -> String {
    if p.role.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, p.role)
    }
}

impl Session {
    /// Adds a participant; names are unique (case-sensitive, trimmed).
    pub fn add_participant(&mut self, name: &str, role: &str, who: &str) -> Result<(), EditError> {
        self.ensure_editable()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(EditError::NameRequired);
        }
        if self.participant(name).is_some() {
            return Err(EditError::DuplicateParticipant(name.to_string()));
        }
        let p = Participant {
            name: name.to_string(),
            role: role.trim().to_string(),
        };
        self.record(who, "session", "participant", "", &shown(&p));
        self.participants.push(p);
        self.updated = now_timestamp();
        Ok(())
    }

    fn participant_index(&self, name: &str) -> Result<usize, EditError> {
        self.participants
            .iter()
            .position(|p| p.name == name)
            .ok_or_else(|| EditError::UnknownParticipant(name.to_string()))
    }

    /// Removes a participant (answers they decided keep their name).
    pub fn remove_participant(&mut self, name: &str, who: &str) -> Result<(), EditError> {
        self.ensure_editable()?;
        let i = self.participant_index(name)?;
        let p = self.participants.remove(i);
        self.record(who, "session", "participant", &shown(&p), "");
        if self.cursor.decider == name {
            self.cursor.decider.clear();
        }
        self.updated = now_timestamp();
        Ok(())
    }

    /// Changes a participant's role.
    pub fn set_participant_role(
        &mut self,
        name: &str,
        role: &str,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let i = self.participant_index(name)?;
        let old = shown(&self.participants[i]);
        self.participants[i].role = role.trim().to_string();
        let new = shown(&self.participants[i]);
        self.record(who, "session", "participant", &old, &new);
        self.updated = now_timestamp();
        Ok(())
    }

    /// The participant of that name.
    pub fn participant(&self, name: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.name == name)
    }

    /// Records who decided a requirement's answer (a participant, or empty for nobody).
    pub fn set_decided_by(
        &mut self,
        requirement: &str,
        name: &str,
        who: &str,
    ) -> Result<(), EditError> {
        if !name.is_empty() && self.participant(name).is_none() {
            return Err(EditError::UnknownParticipant(name.to_string()));
        }
        self.touch(requirement, who, |a| a.decided_by = name.to_string())
    }

    /// Replaces the dissent or discussion note beside a requirement's answer.
    pub fn set_discussion(
        &mut self,
        requirement: &str,
        text: &str,
        who: &str,
    ) -> Result<(), EditError> {
        self.touch(requirement, who, |a| a.discussion = text.to_string())
    }

    /// Adds `name` to the assessors if it is not one yet (logged). Returns whether it was added.
    pub fn ensure_assessor(&mut self, name: &str) -> Result<bool, EditError> {
        let name = name.trim();
        if name.is_empty() || self.assessors.iter().any(|a| a == name) {
            return Ok(false);
        }
        self.ensure_editable()?;
        let old = self.assessors.join(", ");
        self.assessors.push(name.to_string());
        let new = self.assessors.join(", ");
        self.record(name, "session", "assessors", &old, &new);
        self.updated = now_timestamp();
        Ok(true)
    }
}

/// Parses `Name:Role` (the role may be empty or absent). A Chinese input method types the
/// full-width colon `：`, which separates the same way rather than ending up in the name.
pub fn parse_participant(text: &str) -> (String, String) {
    match text.split_once([':', '：']) {
        Some((name, role)) => (name.trim().to_string(), role.trim().to_string()),
        None => (text.trim().to_string(), String::new()),
    }
}
