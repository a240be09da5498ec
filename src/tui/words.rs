//! The workbench's words looked up by typed values (a tie, an evidence kind, a file check);
//! the words themselves are in the catalogue (`i18n::workbench`).

use crate::i18n::workbench::Words;
use crate::model::EvidenceKind;
use crate::session::{EditError, EvidenceCheck, EvidenceType, TieKind};

impl Words {
    /// `template` with its `{name}` slots filled (see [`crate::i18n::fill`]).
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        crate::i18n::fill(template, values)
    }

    /// What a finding is tied to, as a word.
    pub fn tie_kind(&self, kind: TieKind) -> &'static str {
        let i = match kind {
            TieKind::Requirement => 0,
            TieKind::Practice => 1,
            TieKind::Domain => 2,
        };
        self.findings.ties[i]
    }

    /// An evidence kind as the register lists it.
    pub fn evidence_type(&self, kind: EvidenceType) -> &'static str {
        let i = EvidenceType::ALL.iter().position(|k| *k == kind);
        self.register.kinds[i.unwrap_or(0)]
    }

    /// A file check as a word (`changed`, `已更改`, …).
    pub fn check(&self, check: &EvidenceCheck) -> &'static str {
        let i = match check {
            EvidenceCheck::Ok => 0,
            EvidenceCheck::Changed => 1,
            EvidenceCheck::Missing => 2,
            EvidenceCheck::Unreadable(_) => 3,
        };
        self.register.checks[i]
    }

    /// An edit refused by the session, told to the person.
    pub fn edit_error(&self, e: &EditError) -> String {
        let lang = if self.zh {
            crate::lang::Lang::Zh
        } else {
            crate::lang::Lang::En
        };
        lang.edit_error(e)
    }

    /// What evidence to ask for, as a phrase.
    pub fn evidence_kind(&self, kind: EvidenceKind) -> &'static str {
        match kind {
            EvidenceKind::Document => self.document,
            EvidenceKind::Demo => self.demo,
            EvidenceKind::Either => self.either,
        }
    }
}
