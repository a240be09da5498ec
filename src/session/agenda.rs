//! The workshop agenda: a planned duration per part or domain, and the time the workbench has
//! shown each domain. Planning is a decision (checked for sign-off and recorded in the
//! history); time spent is a measurement: it is never recorded in the history, and it is not
//! accumulated at all once the session is signed off, so looking at a final session never
//! changes its file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Session;
use super::edit::{EditError, now_timestamp};
use crate::model::LoadedModel;

/// Planned minutes and spent seconds. Keys are a part id (`cd`) or a domain's full id
/// (`cd.config`); time is spent on domains (a part's time is the sum of its domains').
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub planned_minutes: BTreeMap<String, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spent_seconds: BTreeMap<String, u64>,
}

impl Agenda {
    pub fn is_empty(&self) -> bool {
        self.planned_minutes.is_empty() && self.spent_seconds.is_empty()
    }

    /// Seconds spent on a domain, or on a part (all its domains).
    pub fn spent(&self, key: &str) -> u64 {
        if key.contains('.') {
            return self.spent_seconds.get(key).copied().unwrap_or(0);
        }
        let prefix = format!("{key}.");
        self.spent_seconds
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .map(|(_, s)| s)
            .sum()
    }

    pub fn planned(&self, key: &str) -> Option<u32> {
        self.planned_minutes.get(key).copied()
    }

    /// The agenda item a domain belongs to: the domain when it has a plan, else its part.
    pub fn item_of(&self, domain: &str) -> String {
        if self.planned_minutes.contains_key(domain) {
            return domain.to_string();
        }
        domain.split('.').next().unwrap_or(domain).to_string()
    }
}

/// One row of the agenda: a part in scope or one of its domains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    /// `cd` or `cd.config`.
    pub key: String,
    pub is_part: bool,
    pub name_en: String,
    pub name_zh: String,
    pub planned_minutes: Option<u32>,
    pub spent_seconds: u64,
}

/// The full id of the domain of a practice (`cd.config`).
pub fn domain_key(model: &LoadedModel, practice: usize) -> String {
    let pref = &model.index.practices[practice];
    let part = &model.model.parts[pref.part];
    format!("{}.{}", part.id, part.domains[pref.domain].id)
}

/// `12:30` (minutes:seconds; hours roll into minutes, `75:00`).
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

impl Session {
    /// Plans `minutes` for a part in scope or one of its domains; 0 removes the plan.
    pub fn set_planned_minutes(
        &mut self,
        model: &LoadedModel,
        key: &str,
        minutes: u32,
        who: &str,
    ) -> Result<(), EditError> {
        self.ensure_editable()?;
        let target = match self.agenda_rows(model).iter().find(|r| r.key == key) {
            Some(row) if row.is_part => format!("part/{key}"),
            Some(_) => format!("domain/{key}"),
            None => return Err(EditError::UnknownAgendaItem(key.to_string())),
        };
        let old = match minutes {
            0 => self.agenda.planned_minutes.remove(key),
            m => self.agenda.planned_minutes.insert(key.to_string(), m),
        };
        let show = |m: Option<u32>| m.map(|m| m.to_string()).unwrap_or_default();
        let new = (minutes > 0).then_some(minutes);
        if old != new {
            self.record(who, &target, "planned minutes", &show(old), &show(new));
            self.updated = now_timestamp();
        }
        Ok(())
    }

    /// Adds time the workbench showed a domain. Not a decision: never in the history, and
    /// nothing at all once the session is final (returns whether it was counted).
    pub fn add_time_spent(&mut self, domain: &str, seconds: u64) -> bool {
        if self.sign_off.is_some() || seconds == 0 {
            return false;
        }
        *self
            .agenda
            .spent_seconds
            .entry(domain.to_string())
            .or_default() += seconds;
        true
    }

    /// Every part in scope followed by its domains, in model order, with plan and time spent.
    pub fn agenda_rows(&self, model: &LoadedModel) -> Vec<AgendaRow> {
        let mut rows = Vec::new();
        let row = |key: String, is_part: bool, name: &crate::model::Text| AgendaRow {
            planned_minutes: self.agenda.planned(&key),
            spent_seconds: self.agenda.spent(&key),
            key,
            is_part,
            name_en: name.get("en").to_string(),
            name_zh: name.get("zh").to_string(),
        };
        for part in model
            .model
            .parts
            .iter()
            .filter(|p| self.parts.contains(&p.id))
        {
            rows.push(row(part.id.clone(), true, &part.name));
            for domain in &part.domains {
                rows.push(row(
                    format!("{}.{}", part.id, domain.id),
                    false,
                    &domain.name,
                ));
            }
        }
        rows
    }
}
