//! What the report's management pages say, gathered once from the report data: the first
//! section (organisation, scope, dates, assessors, the level per part with its name, the
//! legend of level versus score, key findings, the roadmap in brief), the findings with the
//! roadmap phases they explain, and the sign-off. HTML (`deliverable.rs`) and Markdown
//! (`markdown.rs`) lay the same content out, so the two cannot say different things.

use super::data::{PartReport, ReportData};
use super::workshop::FindingEntry;
use super::{Labels, Phase};
use crate::i18n::fill;

/// How many findings the first section lists.
const KEY_FINDINGS: usize = 5;

/// The management pages' content.
#[derive(Debug)]
pub struct Pages<'a> {
    pub heading: String,
    /// Signed off (final), or a draft.
    pub signed: bool,
    /// "Signed off" or "Draft — not signed off".
    pub state: &'static str,
    /// The confidentiality line.
    pub confidential: String,
    /// Organisation, scope, assessment dates, report date, assessors, …: never empty values.
    pub facts: Vec<(&'static str, String)>,
    pub levels: Vec<LevelRow>,
    /// The legend's title and text: what a level is, what a score is.
    pub legend: (&'static str, &'static str),
    pub key_findings: &'a [FindingEntry],
    /// "… and N more in the findings section", when there are more.
    pub more_findings: Option<String>,
    pub plans: Vec<Plan<'a>>,
    /// Every finding with the roadmap phases (part id, phase) it explains.
    pub findings: Vec<(&'a FindingEntry, Vec<(&'a str, u8)>)>,
    pub sign_off: SignOff,
}

/// One part's level, with names: "L2 Foundation", target "L3 Comprehensive".
#[derive(Debug)]
pub struct LevelRow {
    pub part: String,
    pub level: String,
    pub score: f64,
    /// The target with its name, or a dash.
    pub target: String,
    pub answered: usize,
    pub total: usize,
}

/// A part's roadmap in brief.
#[derive(Debug)]
pub struct Plan<'a> {
    pub part: &'a PartReport,
    pub brief: Brief,
}

/// Where a part's roadmap stands.
#[derive(Debug)]
pub enum Brief {
    NoTarget,
    Reached,
    /// (phase number, "Phase 1: reach L3 Comprehensive — 12 requirements").
    Phases(Vec<(u8, String)>),
}

/// The sign-off block.
#[derive(Debug)]
pub enum SignOff {
    /// "Signed off by X at T" (local time) and the content hash.
    Signed { by_at: String, hash: String },
    /// Why it is a draft, and lines for a handwritten approval.
    Draft {
        note: &'static str,
        approval: [&'static str; 3],
    },
}

impl<'a> Pages<'a> {
    /// Gathers the pages from report data, in the labels' language.
    pub fn gather(data: &'a ReportData, l: &Labels) -> Self {
        let t = l.lang().texts().deliverable;
        let signed = data.session.sign_off.is_some();
        let key = data.findings.len().min(KEY_FINDINGS);
        let more = data.findings.len() - key;
        Self {
            heading: data.heading(l),
            signed,
            state: if signed { t.signed_off } else { t.draft },
            confidential: confidential(data, l),
            facts: facts(data, l),
            levels: levels(data),
            legend: (t.level_and_score, l.lang().texts().radar.explain),
            key_findings: &data.findings[..key],
            more_findings: (more > 0)
                .then(|| fill(t.more_findings, &[("count", &more.to_string())])),
            plans: data
                .parts
                .iter()
                .map(|part| Plan {
                    part,
                    brief: brief(data, l, part),
                })
                .collect(),
            findings: data
                .findings
                .iter()
                .map(|f| (f, phases_of(data, f)))
                .collect(),
            sign_off: sign_off(data, l),
        }
    }
}

fn confidential(data: &ReportData, l: &Labels) -> String {
    let t = l.lang().texts().deliverable;
    if data.redacted {
        t.confidential_redacted.to_string()
    } else {
        fill(
            t.confidential,
            &[("organisation", &data.session.organisation)],
        )
    }
}

/// Organisation, scope, assessment dates, report date, assessors, participants, model,
/// answered; empty values are left out.
fn facts(data: &ReportData, l: &Labels) -> Vec<(&'static str, String)> {
    let t = l.lang().texts().deliverable;
    let s = &data.session;
    let (from, to) = (data.date(&s.created), data.date(&s.updated));
    let dates = if from == to {
        from
    } else {
        fill(t.date_range, &[("from", &from), ("to", &to)])
    };
    let rows = [
        (l.organisation, s.organisation.clone()),
        (l.scope, s.scope.clone()),
        (t.assessment_dates, dates),
        (
            t.report_date,
            data.generated
                .as_deref()
                .map_or(String::new(), |g| data.date(g)),
        ),
        (l.assessors, s.assessors.join(", ")),
        (l.participants, data.participants_text()),
        (
            l.model,
            format!(
                "{} ({} {})",
                data.model.name, data.model.id, data.model.version
            ),
        ),
        (l.answered, format!("{}/{}", data.answered, data.total)),
    ];
    rows.into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

fn levels(data: &ReportData) -> Vec<LevelRow> {
    data.parts
        .iter()
        .map(|p| {
            let r = &p.result;
            LevelRow {
                part: r.name.clone(),
                level: data.level_name(r.level),
                score: r.score,
                target: r.target.map_or("–".to_string(), |t| data.level_name(t)),
                answered: r.answered,
                total: r.total,
            }
        })
        .collect()
}

/// A phase in brief: "Phase 1: reach L3 Comprehensive — 12 requirements".
pub fn phase_line(data: &ReportData, l: &Labels, phase: &Phase) -> String {
    let t = l.lang().texts().deliverable;
    fill(
        t.phase_brief,
        &[
            ("phase", &phase.phase.to_string()),
            ("level", &data.level_name(phase.reaches_level)),
            ("count", &phase.count.to_string()),
        ],
    )
}

fn brief(data: &ReportData, l: &Labels, part: &PartReport) -> Brief {
    match &part.roadmap {
        None => Brief::NoTarget,
        Some(r) if r.phases.is_empty() => Brief::Reached,
        Some(r) => Brief::Phases(
            r.phases
                .iter()
                .map(|ph| (ph.phase, phase_line(data, l, ph)))
                .collect(),
        ),
    }
}

/// Whether finding `f` is about domain `domain` (its id, or anything under it).
fn explains(f: &FindingEntry, domain: &str) -> bool {
    f.tie == domain || f.tie.starts_with(&format!("{domain}."))
}

/// The findings that explain a roadmap domain.
pub fn explaining<'a>(data: &'a ReportData, domain: &str) -> Vec<&'a FindingEntry> {
    data.findings
        .iter()
        .filter(|f| explains(f, domain))
        .collect()
}

/// The roadmap phases (part id, phase) a finding explains.
fn phases_of<'a>(data: &'a ReportData, f: &FindingEntry) -> Vec<(&'a str, u8)> {
    data.parts
        .iter()
        .flat_map(|p| {
            p.roadmap
                .iter()
                .flat_map(|r| &r.phases)
                .filter(|ph| ph.domains.iter().any(|d| explains(f, &d.id)))
                .map(move |ph| (p.result.id.as_str(), ph.phase))
        })
        .collect()
}

fn sign_off(data: &ReportData, l: &Labels) -> SignOff {
    let t = l.lang().texts().deliverable;
    match &data.session.sign_off {
        Some(s) => SignOff::Signed {
            by_at: fill(
                t.signed_off_by_at,
                &[("by", &s.by), ("at", &data.time(&s.at))],
            ),
            hash: s.hash.clone(),
        },
        None => SignOff::Draft {
            note: t.draft_note,
            approval: t.approval,
        },
    }
}
