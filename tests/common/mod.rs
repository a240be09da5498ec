//! Shared fixtures for report tests and the report bench: a small two-part model and a
//! realistic session on it built with the same core functions the workbench uses, with fixed
//! timestamps so reports are byte-for-byte reproducible.
#![allow(dead_code, clippy::unwrap_used)]

use assess::model::{LoadedModel, parse_model};
use assess::session::{
    Answer, Evidence, EvidenceType, Finding, NewSession, Session, Severity, Status,
};

pub const MODEL_RON: &str = include_str!("../fixtures/report-model.ron");

/// A note with everything that breaks naive CSV and HTML: commas, quotes, a line break,
/// angle brackets and Chinese text. The browser test looks for its first line.
pub const SAMPLE_NOTE: &str =
    "Pipeline \"main\", reviewed with Bob Liang <ops>\n第二行：发布脚本在 Globex 仓库中";

/// Every string redaction must remove.
pub const SECRETS: &[&str] = &[
    "Globex",
    "Payments gateway PAY-GW",
    "Alice Zhang",
    "王伟",
    "Bob Liang",
    "第二行",
    "No mainframe in scope",
    "runbook-secret-title",
    "intranet.example/runbook",
    "deploy-log-2026.txt",
    "/srv/evidence",
    "legacy-note-secret",
    "flag-note-secret",
    "sha256:00aa11bb",
    "finding-secret-title",
    "finding-secret-description",
    "finding-secret-recommendation",
    "Carol Owner",
    "Carol Chen",
    "dissent-secret",
];

pub fn model() -> LoadedModel {
    parse_model(MODEL_RON, "tests/fixtures/report-model.ron").unwrap()
}

/// The sample session: both parts in scope with targets, every kind of answer, evidence,
/// a flagged item, an N/A with its justification, and an orphaned answer.
pub fn session(model: &LoadedModel) -> Session {
    let mut s = Session::new(
        model,
        NewSession {
            title: "Globex payments platform audit".into(),
            organisation: "Globex Corporation".into(),
            scope: "Payments gateway PAY-GW".into(),
            assessors: vec!["Alice Zhang".into(), "王伟".into()],
            target: Some(3),
            ..NewSession::default()
        },
    )
    .unwrap();
    s.set_target("ops", 2, "tester").expect("edit");
    let alice = "Alice Zhang";
    let wang = "王伟";
    for id in [
        "cd.config.vc.vcs.l1.1",
        "cd.config.vc.vcs.l2.1",
        "cd.config.vc.vcs.l2.2",
        "cd.build.ci.ci.l1.1",
        "cd.build.ci.ci.l2.1",
        "cd.build.ci.artifacts.l1.1",
        "cd.deploy.auto.deploy.l1.1",
        "ops.monitor.metrics.alerts.l1.1",
        "ops.monitor.metrics.alerts.l2.1",
        "ops.incident.response.response.l1.1",
    ] {
        s.set_status(id, Status::Met, alice).unwrap();
    }
    s.set_status("cd.config.vc.vcs.l3.1", Status::Partial, wang)
        .unwrap();
    s.toggle_reviewed("cd.config.vc.vcs.l1.1", wang)
        .expect("review");
    s.set_note("cd.config.vc.vcs.l3.1", SAMPLE_NOTE, wang)
        .expect("edit");
    s.set_status("cd.build.ci.ci.l3.1", Status::NotMet, alice)
        .unwrap();
    s.set_status("cd.build.ci.artifacts.l2.1", Status::NotMet, alice)
        .unwrap();
    s.set_status("cd.deploy.auto.deploy.l2.1", Status::Partial, wang)
        .unwrap();
    s.set_not_applicable(
        "ops.capacity.plan.plan.l1.1",
        "No mainframe in scope; capacity is the cloud provider's",
        wang,
    )
    .unwrap();
    s.set_status("ops.capacity.plan.plan.l2.1", Status::Met, wang)
        .unwrap();
    s.toggle_flag("cd.deploy.auto.deploy.l2.1", alice)
        .expect("edit");
    s.set_note(
        "cd.deploy.auto.deploy.l2.1",
        "flag-note-secret: ask for the test log",
        alice,
    )
    .expect("edit");
    let runbook = s
        .add_evidence(
            Evidence {
                title: "runbook-secret-title, v3".into(),
                kind: EvidenceType::Link,
                location: "https://intranet.example/runbook".into(),
                ..Evidence::default()
            },
            alice,
        )
        .expect("edit");
    let log = s
        .add_evidence(
            Evidence {
                title: "deploy-log-2026.txt".into(),
                kind: EvidenceType::Document,
                location: "/srv/evidence/deploy-log-2026.txt".into(),
                sha256: Some("sha256:00aa11bb".into()),
                ..Evidence::default()
            },
            wang,
        )
        .expect("edit");
    s.attach_evidence("cd.config.vc.vcs.l3.1", &runbook, wang)
        .unwrap();
    s.attach_evidence("cd.deploy.auto.deploy.l2.1", &log, alice)
        .unwrap();
    s.attach_evidence("cd.deploy.auto.deploy.l1.1", &log, alice)
        .unwrap();
    // A workshop: who decided, and a dissent kept beside the answer.
    s.add_participant("Carol Chen", "Release manager", alice)
        .expect("edit");
    s.set_decided_by("cd.deploy.auto.deploy.l2.1", "Carol Chen", alice)
        .expect("edit");
    s.set_discussion(
        "cd.deploy.auto.deploy.l2.1",
        "dissent-secret: ops thinks this is Not met",
        wang,
    )
    .expect("edit");
    // An answer to a requirement the model no longer has (e.g. after a model update).
    s.answers.insert(
        "cd.legacy.old.gone.l2.1".into(),
        Answer {
            status: Some(Status::Met),
            note: "legacy-note-secret".into(),
            by: alice.into(),
            ..Answer::default()
        },
    );
    workshop(model, &mut s);
    fix_timestamps(&mut s);
    s
}

/// Findings (two severities, a multi-line description, one tied to a domain) and an agenda
/// with planned and spent time, one item over.
fn workshop(model: &LoadedModel, s: &mut Session) {
    let finding = |title: &str, severity, due: &str, tie: &str| Finding {
        title: title.into(),
        severity,
        description: "finding-secret-description: branches, \"merges\"\n第二行 <b>".into(),
        recommendation: "finding-secret-recommendation".into(),
        owner: "Carol Owner".into(),
        due: due.into(),
        tie: tie.into(),
        ..Finding::default()
    };
    s.add_finding(
        model,
        finding("finding-secret-title", Severity::Low, "", "ops.monitor"),
        "Alice Zhang",
    )
    .expect("finding");
    s.add_finding(
        model,
        finding(
            "Builds are not reproducible",
            Severity::High,
            "2026-06-30",
            "cd.build.ci.ci.l3.1",
        ),
        "王伟",
    )
    .expect("finding");
    s.set_planned_minutes(model, "cd", 90, "Alice Zhang")
        .expect("plan");
    s.set_planned_minutes(model, "cd.config", 20, "Alice Zhang")
        .expect("plan");
    s.add_time_spent("cd.config", 25 * 60 + 30);
    s.add_time_spent("cd.build", 40 * 60);
    s.add_time_spent("ops.monitor", 5 * 60);
}

/// Replaces every "now" with a fixed, distinct time so output never depends on the clock.
pub fn fix_timestamps(s: &mut Session) {
    s.created = "2026-03-02T09:00:00Z".into();
    s.updated = "2026-03-04T17:30:00Z".into();
    for (i, answer) in s.answers.values_mut().enumerate() {
        answer.at = format!("2026-03-03T10:{:02}:00Z", i % 60);
        if let Some(r) = &mut answer.reviewed {
            r.at = "2026-03-04T09:00:00Z".into();
        }
    }
    for (i, evidence) in s.evidence.values_mut().enumerate() {
        evidence.added_at = format!("2026-03-03T09:{:02}:00Z", i % 60);
    }
    for (i, finding) in s.findings.values_mut().enumerate() {
        finding.added_at = format!("2026-03-04T11:{:02}:00Z", i % 60);
    }
}
