//! A session: one assessment of one scope against one model — its metadata, answers keyed by
//! requirement id, evidence register and cursor — and how it is edited and stored.
//!
//! Maps are `BTreeMap`s so the file is written in a stable order and diffs cleanly in git.

mod agenda;
mod conflicts;
mod create;
mod doctor;
mod edit;
mod evidence;
mod file_state;
mod findings;
mod guard;
mod history;
mod ids;
mod lock;
mod open;
mod participants;
mod quick;
mod revert;
mod safe_fs;
pub mod scale;
mod signoff;
pub mod sshsig;
mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use agenda::{Agenda, AgendaRow, clock, domain_key};
pub use conflicts::{Conflict, ConflictSide, ConflictValue, Take, answer_text};
pub use create::{NewOptions, create, set_baseline, slug};
pub use doctor::{
    Check, CheckSeverity, DoctorFinding, RestoreError, Restored, base_dir, check_session,
    evidence_candidates, restore_backup,
};
pub use edit::{AliasMoves, EditError, NewSession, hash_file, hash_file_progress, now_timestamp};
pub use evidence::{
    EvidenceCheck, Progress, candidates, describe_evidence, evidence_checks, evidence_entry,
    fingerprint, fingerprint_progress, is_local_file, local_path, register_checks,
    register_checks_progress, unreadable,
};
pub use file_state::{FileState, io_state, refuses_writing};
pub use findings::{Finding, Severity, TieKind, is_date, tie_kind};
pub use guard::{ConflictReason, DiskStamp, SaveGuard, disk_stamp, write_somewhere};
pub use history::{
    Change, FileText, History, HistoryDamage, field_label, fields_label, imported_via,
    parse_changes, recorded_value, target_label, team_field_label, via_label, who_label,
};
pub use ids::fresh_id;
pub use lock::{
    Access, LockError, LockHolder, LockStep, NoWriter, SessionLock, acquire_lock,
    acquire_or_read_only, host_name, lock_holder, lock_path, writer_access,
};
pub use open::{
    OpenError, OpenWarning, Opened, current_user, model_for, model_for_labels, model_loaded,
    open_session, open_session_lazily,
};
pub use participants::parse_participant;
pub use quick::{QuickChange, QuickPlan};
pub use safe_fs::{
    STEM_MAX, clip_bytes, create_private_dir, real_session_path, remove_stale_temps, sibling,
};
pub use signoff::{CANONICAL_VERSION, MismatchReason, Verification, content_hash, signed_hash};
pub use store::{
    IoAction, Refusal, SessionEntry, SessionError, atomic_replace, atomic_write, atomic_write_via,
    backup_path, check_history, create_session_file, default_sessions_dir, is_already_exists,
    list_sessions, load_session, load_session_lazily, parse_session, parse_session_lazily,
    recovery_path, resolve_session, save_recovery, save_session, session_to_string,
};

/// The session file format this build writes; newer files are refused, not misread.
/// 2 added participants, sign-off and the history (the audit trail); 3 added ids that never
/// collide to evidence, findings and history entries (so copies of a session merge).
pub const FORMAT_VERSION: u32 = 3;

/// How a team answered one requirement: the id of an option of the requirement's answer scale
/// (the model's `scales`; CAICT's built-in one has `Met`, `Partial`, `NotMet`, `NotApplicable`).
///
/// Written as a bare identifier, as the CAICT enum always was (`status: Met`; an id that is not
/// a plain identifier, like SAMM's `0`, is written raw: `status: r#0`). Ids are interned, so a
/// status stays a small `Copy` value and CAICT's four are constants code can match on; what an
/// id means (passed, value, label, needs a reason) is asked of the scale (`crate::scale`). An
/// id the session's model does not know is refused when the session is opened with its model.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Status(&'static str);

#[allow(non_upper_case_globals)]
impl Status {
    pub const Met: Status = Status("Met");
    pub const Partial: Status = Status("Partial");
    pub const NotMet: Status = Status("NotMet");
    pub const NotApplicable: Status = Status("NotApplicable");

    /// CAICT's four, in the order the workbench offers them.
    pub const ALL: [Status; 4] = [
        Status::Met,
        Status::Partial,
        Status::NotMet,
        Status::NotApplicable,
    ];

    /// The status with this option id; None when the id cannot be one (empty, too long, or a
    /// character outside letters, digits, `_`, `-`, `.`, `+`).
    pub fn new(id: &str) -> Option<Status> {
        if let Some(s) = Status::ALL.into_iter().find(|s| s.0 == id) {
            return Some(s);
        }
        let valid = !id.is_empty()
            && id.len() <= Self::MAX_ID
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '+'));
        valid.then(|| Status(intern(id)))
    }

    /// The longest option id a session may hold.
    pub const MAX_ID: usize = 64;

    /// The option id, as the session file holds it.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// The code the audit trail records: `met`, `partial`, `not_met`, `not_applicable` for
    /// CAICT's (as it always has), the option id for any other scale's.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::NotMet => "not_met",
            Status::NotApplicable => "not_applicable",
            other => other.0,
        }
    }

    /// The English name (`Met`, `Not met`, …), for texts that are English by contract; the
    /// option id for another scale's option (its labels are the model's: `scale::label`).
    pub fn label(self) -> &'static str {
        if Status::ALL.contains(&self) {
            crate::lang::Lang::En.texts().terms.status(self)
        } else {
            self.0
        }
    }

    /// A status as the audit trail holds it: its code, or the English label that files
    /// written before codes hold (`Met`, `Not met`, …). Another scale's answers are recorded
    /// by their option id, which the history shows as it is.
    pub fn from_recorded(value: &str) -> Option<Status> {
        const OLD_LABELS: [&str; 4] = ["Met", "Partial", "Not met", "Not applicable"];
        Status::ALL
            .into_iter()
            .zip(OLD_LABELS)
            .find(|(s, old)| s.code() == value || *old == value)
            .map(|(s, _)| s)
    }
}

/// The one copy of each option id ever read, so statuses are `Copy` and compare as text.
/// Bounded by the distinct ids seen (each at most `Status::MAX_ID` bytes).
fn intern(id: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{LazyLock, Mutex, PoisonError};
    static IDS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Mutex::default);
    let mut ids = IDS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = ids.get(id) {
        return known;
    }
    let leaked: &'static str = Box::leak(id.to_owned().into_boxed_str());
    ids.insert(leaked);
    leaked
}

impl std::fmt::Debug for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A unit variant: a bare identifier in RON, a string in JSON, as the enum wrote.
        let index = Status::ALL.iter().position(|s| s == self).unwrap_or(0);
        serializer.serialize_unit_variant("Status", u32::try_from(index).unwrap_or(0), self.0)
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("Status", &[], StatusVisitor)
    }
}

struct StatusVisitor;

impl StatusVisitor {
    fn id<E: serde::de::Error>(id: &str) -> Result<Status, E> {
        Status::new(id).ok_or_else(|| {
            E::custom(crate::textfile::problem::bad_answer_id(
                &format!("{id:?}"),
                Status::MAX_ID,
            ))
        })
    }
}

impl<'de> serde::de::Visitor<'de> for StatusVisitor {
    type Value = Status;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an answer id such as Met")
    }

    fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Status, E> {
        Self::id(id)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Status, A::Error> {
        use serde::de::VariantAccess;
        let (id, variant): (VariantId, _) = data.variant()?;
        variant.unit_variant()?;
        Self::id(&id.0)
    }
}

/// A variant's name read as an identifier (a plain `String` would ask RON for a quoted string).
struct VariantId(String);

impl<'de> Deserialize<'de> for VariantId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = VariantId;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an answer id")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<VariantId, E> {
                Ok(VariantId(id.to_string()))
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

/// The answer to one requirement. It may carry a note, evidence or a flag before it has a status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub status: Option<Status>,
    /// Why the requirement does not apply (required with NotApplicable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Ids into the session's evidence register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flagged: bool,
    /// Who reviewed this answer, and when; cleared when its status changes afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Reviewed>,
    /// The participant who decided this answer (a workshop's decider).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decided_by: String,
    /// A dissent or discussion note kept beside the answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub discussion: String,
    /// Who last changed this answer, and when (RFC 3339, UTC).
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: String,
}

impl Answer {
    /// True when nothing is recorded, so the entry can be dropped from the file.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.justification.is_none()
            && self.note.is_empty()
            && self.evidence.is_empty()
            && !self.flagged
            && self.reviewed.is_none()
            && self.decided_by.is_empty()
            && self.discussion.is_empty()
    }
}

/// A reviewer's mark on an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    pub by: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// What kind of thing a piece of evidence is.
///
/// Files written before the register had these kinds load unchanged: `Demo` (a live
/// demonstration, with its recording as the location) reads as `Recording`, and `File` (a local
/// file, hashed when attached) reads as `Document`, which keeps its hash and is still checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceType {
    /// A document (policy, plan, record); `location` is a path or a reference.
    #[default]
    #[serde(alias = "File")]
    Document,
    /// A screenshot of a tool or a screen.
    Screenshot,
    /// A recording of a demonstration (or the demonstration itself, seen by the assessors).
    #[serde(alias = "Demo")]
    Recording,
    /// A web address or ticket reference (never opened by the tool).
    Link,
    /// What someone said in an interview.
    Interview,
    /// What the assessors saw for themselves.
    Observation,
}

impl EvidenceType {
    /// Every kind, in the order forms cycle through them.
    pub const ALL: [EvidenceType; 6] = [
        EvidenceType::Document,
        EvidenceType::Screenshot,
        EvidenceType::Recording,
        EvidenceType::Link,
        EvidenceType::Interview,
        EvidenceType::Observation,
    ];

    /// A stable lower-case code (reports, the CLI, the workbench).
    pub fn code(self) -> &'static str {
        match self {
            EvidenceType::Document => "document",
            EvidenceType::Screenshot => "screenshot",
            EvidenceType::Recording => "recording",
            EvidenceType::Link => "link",
            EvidenceType::Interview => "interview",
            EvidenceType::Observation => "observation",
        }
    }
}

/// One entry of the evidence register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The entry's identity, never reused or renumbered (see `ids.rs`); the register's key
    /// (`E3`) is only its label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub title: String,
    #[serde(default)]
    pub kind: EvidenceType,
    /// A path, address or reference, stored exactly as given.
    #[serde(default)]
    pub location: String,
    /// `sha256:<hex>` of the file when it was attached, if it was a readable file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The file's size in bytes when it was attached (with `sha256`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Who collected it (shown as "collected by").
    #[serde(default)]
    pub added_by: String,
    /// When it was collected (RFC 3339, UTC).
    #[serde(default)]
    pub added_at: String,
}

/// Someone taking part in a workshop, and the role they speak for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// The sign-off that made a session final (read-only until an explicit, logged reopen).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub by: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// `sha256:<hex>` of the session's content when it was signed off (see `signoff.rs`).
    pub hash: String,
    /// The canonical form of `hash`: 2 covers metadata and the whole history; 1 (sign-offs
    /// made before form 2) covers the model, scope, answers, evidence, findings, participants.
    #[serde(default = "canonical_v1")]
    pub canonical: u32,
    /// An SSH signature of the sign-off (`ssh-keygen -Y sign`, see `sshsig.rs`), when the
    /// signer signed with a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

fn canonical_v1() -> u32 {
    1
}

/// Which model a session was made against; the hash notices content changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelRef {
    pub id: String,
    pub version: String,
    pub hash: String,
    /// The path the model was loaded from when it is not a bundled one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// Where the team stopped, so resuming lands exactly there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    /// Full id of the current practice.
    #[serde(default)]
    pub practice: String,
    /// Full id of the current requirement.
    #[serde(default)]
    pub requirement: String,
    /// The screen that was open (`assessment` or `summary`).
    #[serde(default = "default_screen")]
    pub screen: String,
    /// The language shown (`en` or `zh`).
    #[serde(default)]
    pub lang: crate::lang::Lang,
    /// After an answer, move to the next unanswered requirement (the facilitator's choice).
    /// Written only when off, so files stay as older versions wrote them.
    #[serde(default = "default_auto_advance", skip_serializing_if = "is_true")]
    pub auto_advance: bool,
    /// The facilitator (projection) view is on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub facilitator: bool,
    /// The participant stamped as decider on each answer given in the workbench (sticky).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decider: String,
}

fn default_screen() -> String {
    "assessment".to_string()
}

fn default_auto_advance() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Default for Cursor {
    fn default() -> Self {
        Self {
            practice: String::new(),
            requirement: String::new(),
            screen: default_screen(),
            lang: crate::lang::Lang::En,
            auto_advance: default_auto_advance(),
            facilitator: false,
            decider: String::new(),
        }
    }
}

/// One assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// The assessed project, system or organisational scope.
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub assessors: Vec<String>,
    /// The people in the room (workshops), with their roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
    pub model: ModelRef,
    /// Ids of the parts in scope, in model order.
    pub parts: Vec<String>,
    /// Target level per part id.
    #[serde(default, deserialize_with = "crate::unique_keys::deserialize")]
    pub targets: BTreeMap<String, u8>,
    /// Answers keyed by full requirement id.
    #[serde(default, deserialize_with = "crate::unique_keys::deserialize")]
    pub answers: BTreeMap<String, Answer>,
    /// The evidence register, keyed by evidence id (`E1`, `E2`, …).
    #[serde(default, deserialize_with = "crate::unique_keys::deserialize")]
    pub evidence: BTreeMap<String, Evidence>,
    #[serde(default)]
    pub cursor: Cursor,
    /// Set when the session is final; edits are refused until it is reopened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<SignOff>,
    /// Findings keyed by id (`F1`, `F2`, …; see `findings.rs`).
    #[serde(
        default,
        deserialize_with = "crate::unique_keys::deserialize",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub findings: BTreeMap<String, Finding>,
    /// Planned and spent workshop time (see `agenda.rs`).
    #[serde(default, skip_serializing_if = "Agenda::is_empty")]
    pub agenda: Agenda,
    /// An earlier session of the same scope to compare with (a path, relative to this file's
    /// folder unless absolute): the radar's third polygon, Δ in the summary, reports' then → now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// Disagreements a merge left to resolve, keyed `C1`, `C2`, … (see `conflicts.rs`).
    #[serde(
        default,
        deserialize_with = "crate::unique_keys::deserialize",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub conflicts: BTreeMap<String, Conflict>,
    /// The audit trail: every change, oldest first (see `history.rs`). Written last, so a
    /// session opens without reading it (`history/split.rs`); parsed when first needed.
    #[serde(default, skip_serializing_if = "History::is_empty_history")]
    pub history: History,
}
