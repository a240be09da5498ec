//! The one report data builder every format renders: metadata and scope, results per part and
//! domain (from `summary`, so reports never disagree with the CLI or the TUI), every requirement
//! in scope with its answer, the N/A, flagged, evidence and orphaned lists, and the roadmap.
//! It is also, serialised as is, the JSON report (see `docs/REPORT_JSON.md`).

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::roadmap::{Roadmap, roadmap};
use crate::lang::Lang;
use crate::model::{LoadedModel, PracticeRef, Provenance, Rollup};
use crate::scoring::Scorecard;
use crate::session::{Answer, EvidenceCheck, EvidenceType, Session, Status, scale};
use crate::summary::{PartSummary, ResultRow, summarize_with};

/// Bumped whenever a field changes meaning or disappears (adding fields does not bump it).
pub const SCHEMA_VERSION: u32 = 1;

/// Everything a report shows, in the order it shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportData {
    /// Always `"assess-report"`.
    pub schema: &'static str,
    pub schema_version: u32,
    /// Language of the names and texts (`en` or `zh`).
    pub lang: String,
    pub redacted: bool,
    pub session: SessionInfo,
    pub model: ModelInfo,
    pub answered: usize,
    pub total: usize,
    pub parts: Vec<PartReport>,
    pub not_applicable: Vec<Highlight>,
    pub flagged: Vec<Highlight>,
    pub evidence: Vec<EvidenceEntry>,
    pub orphaned: Vec<OrphanedAnswer>,
    /// Findings, most severe and soonest due first (see `workshop.rs`).
    pub findings: Vec<super::workshop::FindingEntry>,
    /// Planned against spent time per part and domain; empty when the agenda was not used.
    pub agenda: Vec<super::workshop::AgendaEntry>,
    /// How many requirements in scope each review filter matches.
    pub review: Vec<ReviewCount>,
    /// When the report was made (RFC 3339); absent from reports rendered in tests, so the
    /// same session gives the same bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// The time zone human formats show times in: UTC unless `in_local_time` was called.
    #[serde(skip)]
    pub zone: jiff::tz::TimeZone,
}

/// One review filter and how many requirements in scope it matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewCount {
    /// A stable code: `unanswered`, `flagged`, `evidence_changed_or_missing`, …
    pub filter: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionInfo {
    pub title: String,
    pub organisation: String,
    pub scope: String,
    pub assessors: Vec<String>,
    pub created: String,
    pub updated: String,
    /// The people in the room, with their roles.
    pub participants: Vec<ParticipantEntry>,
    /// Present when the session is signed off as final.
    pub sign_off: Option<SignOffInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantEntry {
    pub name: String,
    pub role: String,
}

/// Who made the session final, when, and the content hash `assess verify` checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignOffInfo {
    pub by: String,
    pub at: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    pub hash: String,
    /// `minimum` or `mean`: how practice levels roll up.
    pub rollup: &'static str,
    /// The names of the model's levels, in the report's language.
    pub levels: Vec<LevelName>,
    /// The model this one extends; its added requirements are marked `own`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
}

/// A level of the model's scale and its name (`2`, `Foundation`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelName {
    pub level: u8,
    pub name: String,
}

/// A part in scope: its results, its domains with every practice, and its roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartReport {
    #[serde(flatten)]
    pub result: ResultRow,
    pub gap_requirements: usize,
    pub domains: Vec<DomainReport>,
    /// Absent when the part has no target.
    pub roadmap: Option<Roadmap>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainReport {
    #[serde(flatten)]
    pub result: ResultRow,
    pub practices: Vec<PracticeReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeReport {
    pub id: String,
    pub item_id: String,
    pub item: String,
    pub name: String,
    /// Written by analogy, not paraphrased from the standard.
    pub authored: bool,
    /// Paraphrased from a public draft of the standard, not its published text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub level: u8,
    pub score: f64,
    pub answered: usize,
    pub total: usize,
    pub requirements: Vec<RequirementReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementReport {
    pub id: String,
    pub level: u8,
    pub text: String,
    pub authored: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Added by an extension of the model: the organisation's own requirement.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
    #[serde(flatten)]
    pub answer: AnswerView,
}

/// An answer as reports show it (empty fields when unanswered).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnswerView {
    #[serde(serialize_with = "status_code_ser")]
    pub status: Option<Status>,
    pub justification: Option<String>,
    pub note: String,
    pub evidence: Vec<String>,
    pub flagged: bool,
    /// The participant who decided it.
    pub decided_by: String,
    /// A dissent or discussion note kept beside the answer.
    pub discussion: String,
    pub by: String,
    pub at: String,
    /// Who reviewed the answer, and when; None when not reviewed.
    pub reviewed: Option<crate::session::Reviewed>,
    /// The answer's label on a model's own scale (empty on CAICT's: the catalogue's words).
    #[serde(skip)]
    pub label: String,
    /// The answer takes the requirement out of scoring (its scale's not applicable).
    #[serde(skip)]
    pub not_applicable: bool,
}

/// A requirement pulled out into the N/A or flagged list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    pub id: String,
    pub practice: String,
    /// The requirement's level.
    pub level: u8,
    pub text: String,
    #[serde(serialize_with = "status_code_ser")]
    pub status: Option<Status>,
    pub justification: Option<String>,
    pub note: String,
    pub evidence: Vec<String>,
    pub by: String,
    pub at: String,
    /// As `AnswerView::label`.
    #[serde(skip)]
    pub label: String,
    /// As `AnswerView::not_applicable`.
    #[serde(skip)]
    pub not_applicable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceEntry {
    pub id: String,
    pub title: String,
    #[serde(serialize_with = "kind_code_ser")]
    pub kind: EvidenceType,
    pub location: String,
    pub sha256: Option<String>,
    /// The file's size in bytes when it was attached.
    pub size: Option<u64>,
    /// `ok`, `changed`, `missing` or `unreadable` when the report was made; None for an
    /// entry without a file.
    pub check: Option<&'static str>,
    pub added_by: String,
    pub added_at: String,
    /// Requirement ids that cite this entry, in id order.
    pub used_by: Vec<String>,
}

/// An answer whose requirement the model no longer has: listed, never dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrphanedAnswer {
    pub id: String,
    #[serde(flatten)]
    pub answer: AnswerView,
}

/// A stable machine code for a status: `met`, `partial`, `not_met`, `not_applicable`.
pub fn status_code(status: Status) -> &'static str {
    status.code()
}

/// A stable machine code for an evidence kind.
pub fn kind_code(kind: EvidenceType) -> &'static str {
    kind.code()
}

pub(super) fn status_code_ser<S: Serializer>(
    status: &Option<Status>,
    s: S,
) -> Result<S::Ok, S::Error> {
    status.map(status_code).serialize(s)
}

fn kind_code_ser<S: Serializer>(kind: &EvidenceType, s: S) -> Result<S::Ok, S::Error> {
    kind_code(*kind).serialize(s)
}

impl AnswerView {
    fn of(model: &LoadedModel, id: &str, answer: Option<&Answer>, lang: &str) -> Self {
        answer.map_or_else(Self::default, |a| Self {
            label: scale::own_label(model, id, a.status, Lang::from_code(lang)),
            not_applicable: a
                .status
                .is_some_and(|s| scale::kind(model.scale_of(id), s) == scale::Kind::NotApplicable),
            status: a.status,
            justification: a.justification.clone(),
            note: a.note.clone(),
            evidence: a.evidence.clone(),
            flagged: a.flagged,
            decided_by: a.decided_by.clone(),
            discussion: a.discussion.clone(),
            by: a.by.clone(),
            at: a.at.clone(),
            reviewed: a.reviewed.clone(),
        })
    }
}

/// Builds the report data of a session in `lang` (names and texts of the model).
pub fn build(model: &LoadedModel, session: &Session, lang: &str) -> ReportData {
    let card = Scorecard::compute(model, &session.answers);
    let summary = summarize_with(model, session, &card, lang);
    let parts: Vec<PartReport> = summary
        .parts
        .into_iter()
        .map(|part| part_report(model, session, &card, part, lang))
        .collect();
    ReportData {
        schema: "assess-report",
        schema_version: SCHEMA_VERSION,
        lang: lang.to_string(),
        redacted: false,
        session: SessionInfo {
            title: session.title.clone(),
            organisation: session.organisation.clone(),
            scope: session.scope.clone(),
            assessors: session.assessors.clone(),
            created: session.created.clone(),
            updated: session.updated.clone(),
            participants: session
                .participants
                .iter()
                .map(|p| ParticipantEntry {
                    name: p.name.clone(),
                    role: p.role.clone(),
                })
                .collect(),
            sign_off: session.sign_off.as_ref().map(|s| SignOffInfo {
                by: s.by.clone(),
                at: s.at.clone(),
                hash: s.hash.clone(),
            }),
        },
        model: model_info(model, lang),
        answered: summary.answered,
        total: summary.total,
        not_applicable: highlights(&parts, |a| a.not_applicable),
        flagged: highlights(&parts, |a| a.flagged),
        parts,
        evidence: evidence_register(session),
        orphaned: session
            .orphaned_answers(model)
            .map(|(id, a)| OrphanedAnswer {
                id: id.clone(),
                answer: AnswerView::of(model, id, Some(a), lang),
            })
            .collect(),
        findings: super::workshop::findings(model, session, lang),
        agenda: super::workshop::agenda(model, session, lang),
        review: review_counts(model, session, &BTreeMap::new()),
        generated: None,
        zone: jiff::tz::TimeZone::UTC,
    }
}

fn model_info(model: &LoadedModel, lang: &str) -> ModelInfo {
    ModelInfo {
        id: model.model.id.clone(),
        name: model.model.name.get(lang).to_string(),
        version: model.model.version.clone(),
        hash: model.hash.clone(),
        rollup: match model.model.rollup {
            Rollup::Minimum => "minimum",
            Rollup::Mean => "mean",
        },
        levels: model
            .model
            .levels
            .iter()
            .map(|l| LevelName {
                level: l.level,
                name: l.name.get(lang).to_string(),
            })
            .collect(),
        extends: model.model.extends.clone(),
    }
}

/// A part's summary row extended with its practices and its roadmap.
fn part_report(
    model: &LoadedModel,
    session: &Session,
    card: &Scorecard,
    part: PartSummary,
    lang: &str,
) -> PartReport {
    let pi = model.model.part_index(&part.row.id).unwrap_or_default();
    let domains = part
        .domains
        .into_iter()
        .enumerate()
        .map(|(di, result)| DomainReport {
            practices: practices_of(model, session, card, (pi, di), lang),
            result,
        })
        .collect();
    PartReport {
        roadmap: roadmap(model, session, pi, part.row.level, lang),
        result: part.row,
        gap_requirements: part.gap_requirements,
        domains,
    }
}

/// The requirements whose answer matches `pick`, in model order.
fn highlights(parts: &[PartReport], pick: impl Fn(&AnswerView) -> bool) -> Vec<Highlight> {
    parts
        .iter()
        .flat_map(|p| &p.domains)
        .flat_map(|d| &d.practices)
        .flat_map(|p| p.requirements.iter().map(move |r| (p, r)))
        .filter(|(_, r)| pick(&r.answer))
        .map(|(p, r)| Highlight {
            id: r.id.clone(),
            practice: p.name.clone(),
            level: r.level,
            text: r.text.clone(),
            status: r.answer.status,
            justification: r.answer.justification.clone(),
            note: r.answer.note.clone(),
            evidence: r.answer.evidence.clone(),
            by: r.answer.by.clone(),
            at: r.answer.at.clone(),
            label: r.answer.label.clone(),
            not_applicable: r.answer.not_applicable,
        })
        .collect()
}

/// Whether a practice's own text is authored (the practice's setting, else its part's).
pub fn practice_authored(model: &LoadedModel, pref: &PracticeRef) -> bool {
    model.model.practice_provenance(pref) == Provenance::Authored
}

fn practices_of(
    model: &LoadedModel,
    session: &Session,
    card: &Scorecard,
    (part, domain): (usize, usize),
    lang: &str,
) -> Vec<PracticeReport> {
    model
        .index
        .practices
        .iter()
        .enumerate()
        .filter(|(_, p)| p.part == part && p.domain == domain)
        .map(|(i, pref)| {
            let practice = model.model.practice_of(pref);
            let item = model.model.item_of(pref);
            let authored = practice_authored(model, pref);
            let draft = model.model.practice_provenance(pref) == Provenance::Draft;
            let score = card.practices[i];
            let requirements = pref
                .requirements
                .clone()
                .map(|r| {
                    let rref = &model.index.requirements[r];
                    let provenance = model.model.requirement_provenance(pref, rref);
                    RequirementReport {
                        id: rref.id.clone(),
                        level: rref.level,
                        text: model
                            .model
                            .requirement_of(pref, rref)
                            .text
                            .get(lang)
                            .to_string(),
                        authored: provenance == Provenance::Authored,
                        draft: provenance == Provenance::Draft,
                        own: rref.own,
                        answer: AnswerView::of(
                            model,
                            &rref.id,
                            session.answers.get(&rref.id),
                            lang,
                        ),
                    }
                })
                .collect();
            PracticeReport {
                id: pref.id.clone(),
                item_id: format!(
                    "{}.{}.{}",
                    model.model.part_of(pref).id,
                    model.model.domain_of(pref).id,
                    item.id
                ),
                item: item.name.get(lang).to_string(),
                name: practice.name.get(lang).to_string(),
                authored,
                draft,
                level: score.level,
                score: (score.score * 100.0).round() / 100.0,
                answered: score.answered,
                total: score.total,
                requirements,
            }
        })
        .collect()
}

fn review_counts(
    model: &LoadedModel,
    session: &Session,
    checks: &BTreeMap<String, EvidenceCheck>,
) -> Vec<ReviewCount> {
    crate::review::counts(model, session, checks)
        .into_iter()
        .map(|(f, count)| ReviewCount {
            filter: f.code(),
            label: crate::lang::Lang::En.texts().terms.filter(f),
            count,
        })
        .collect()
}

impl ReportData {
    /// Adds what the evidence files' checks say (each entry's check, and the count of
    /// requirements citing a changed or missing file). Reports written for a session file
    /// (`assess report`, the workbench's export) always carry them.
    pub fn with_checks(
        mut self,
        model: &LoadedModel,
        session: &Session,
        checks: &BTreeMap<String, EvidenceCheck>,
    ) -> Self {
        for e in &mut self.evidence {
            e.check = checks.get(&e.id).map(EvidenceCheck::label);
        }
        self.review = review_counts(model, session, checks);
        self
    }
}

fn evidence_register(session: &Session) -> Vec<EvidenceEntry> {
    let mut used_by: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (req, answer) in &session.answers {
        for e in &answer.evidence {
            used_by.entry(e.as_str()).or_default().push(req.clone());
        }
    }
    let mut entries: Vec<EvidenceEntry> = session
        .evidence
        .iter()
        .map(|(id, e)| EvidenceEntry {
            id: id.clone(),
            title: e.title.clone(),
            kind: e.kind,
            location: e.location.clone(),
            sha256: e.sha256.clone(),
            size: e.size,
            check: None,
            added_by: e.added_by.clone(),
            added_at: e.added_at.clone(),
            used_by: used_by.remove(id.as_str()).unwrap_or_default(),
        })
        .collect();
    // E2 before E10: shorter ids first, then by text.
    entries.sort_by(|a, b| (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)));
    entries
}

impl PartReport {
    /// The part's radar: one axis per domain, as every format plots it.
    pub fn radar_axes(&self) -> Vec<crate::radar::Axis> {
        crate::summary::radar_axes(self.domains.iter().map(|d| &d.result))
    }
}

impl ReportData {
    /// Dates the report now and shows its times in this computer's time zone: what reports
    /// written for a person do (`assess report`, the workbench's export).
    pub fn in_local_time(mut self) -> Self {
        self.zone = jiff::tz::TimeZone::system();
        self.generated = Some(crate::session::now_timestamp());
        self
    }

    /// A stored RFC 3339 time as people read it in the report's zone: `2026-03-04 17:30 UTC`,
    /// `2026-03-05 01:30 CST`. Text that is not a time is returned as is.
    pub fn time(&self, stamp: &str) -> String {
        match stamp.parse::<jiff::Timestamp>() {
            Ok(t) => {
                let zoned = t.to_zoned(self.zone.clone());
                let name = zoned.strftime("%Z").to_string();
                let name = if name.is_empty() || name.starts_with(['+', '-']) {
                    format!("UTC{}", zoned.strftime("%:z"))
                } else {
                    name
                };
                format!("{} {name}", zoned.strftime("%Y-%m-%d %H:%M"))
            }
            Err(_) => stamp.to_string(),
        }
    }

    /// The date part of `time`.
    pub fn date(&self, stamp: &str) -> String {
        match stamp.parse::<jiff::Timestamp>() {
            Ok(t) => t
                .to_zoned(self.zone.clone())
                .strftime("%Y-%m-%d")
                .to_string(),
            Err(_) => stamp.to_string(),
        }
    }

    /// A level with its name in the model: `L2 Foundation`, `L0` below the first level.
    pub fn level_name(&self, level: u8) -> String {
        match self.model.levels.iter().find(|l| l.level == level) {
            Some(l) => format!("L{level} {}", l.name),
            None => format!("L{level}"),
        }
    }

    /// The report's heading: the session title, or a generic one when redacted or untitled.
    pub fn heading(&self, l: &super::Labels) -> String {
        if self.redacted {
            l.redacted_title.to_string()
        } else if self.session.title.trim().is_empty() {
            l.report.to_string()
        } else {
            self.session.title.clone()
        }
    }

    /// The metadata block as (label, value) rows; empty values are left out.
    pub fn metadata(&self, l: &super::Labels) -> Vec<(&'static str, String)> {
        let s = &self.session;
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{} ({})", p.result.name, p.result.id))
            .collect();
        let rows = [
            (l.organisation, s.organisation.clone()),
            (l.scope, s.scope.clone()),
            (l.final_status, self.final_text(l)),
            (l.assessors, s.assessors.join(", ")),
            (l.participants, self.participants_text()),
            (
                l.model,
                format!(
                    "{} ({} {})",
                    self.model.name, self.model.id, self.model.version
                ),
            ),
            (l.parts_in_scope, parts.join(", ")),
            (l.answered, format!("{}/{}", self.answered, self.total)),
            (l.created, s.created.clone()),
            (l.updated, s.updated.clone()),
        ];
        rows.into_iter().filter(|(_, v)| !v.is_empty()).collect()
    }

    /// "Final · signed off by X at T · sha256:…", or empty when not signed off.
    pub fn final_text(&self, l: &super::Labels) -> String {
        let Some(s) = &self.session.sign_off else {
            return String::new();
        };
        let by = if s.by.is_empty() {
            String::new()
        } else {
            format!(" {} {}", l.signed_off_by, s.by)
        };
        format!("{}{by} · {} · {}", l.final_mark, s.at, s.hash)
    }

    /// "Name (Role), Name", or empty.
    pub fn participants_text(&self) -> String {
        let names: Vec<String> = self
            .session
            .participants
            .iter()
            .map(|p| {
                if p.role.is_empty() {
                    p.name.clone()
                } else {
                    format!("{} ({})", p.name, p.role)
                }
            })
            .collect();
        names.join(", ")
    }

    /// Text for an answer's justification (redaction leaves its placeholder there).
    pub fn justification_text(&self, j: Option<&str>, _l: &super::Labels) -> Option<String> {
        j.map(str::to_string)
    }
}
