//! Findings through the core functions: ids, validation, ordering, the audit trail, sign-off.

mod fixtures;

use assess::session::{
    EditError, Finding, Session, Severity, SignOff, TieKind, is_date, load_session, save_session,
    tie_kind,
};
use fixtures::{WHO, model, requirement_ids, sample_session};

fn finding(title: &str, severity: Severity, due: &str, tie: &str) -> Finding {
    Finding {
        title: title.into(),
        severity,
        description: "line one\nline two".into(),
        recommendation: "Adopt trunk-based development".into(),
        owner: "Dev lead".into(),
        due: due.into(),
        tie: tie.into(),
        ..Finding::default()
    }
}

fn session() -> (assess::model::LoadedModel, Session) {
    let model = model();
    let session = sample_session(&model);
    (model, session)
}

#[test]
fn findings_get_increasing_ids_and_are_saved() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    let f1 = s
        .add_finding(
            &model,
            finding("Long branches", Severity::High, "2026-06-30", &req),
            WHO,
        )
        .expect("add");
    let f2 = s
        .add_finding(&model, finding("No owner", Severity::Low, "", &req), WHO)
        .expect("add");
    assert_eq!((f1.as_str(), f2.as_str()), ("F1", "F2"));
    s.remove_finding("F2", WHO).expect("remove");
    let f3 = s
        .add_finding(&model, finding("Again", Severity::Info, "", &req), WHO)
        .expect("add");
    assert_eq!(f3, "F3", "ids are never reused");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).expect("save");
    let loaded = load_session(&path).expect("load");
    assert_eq!(loaded.findings, s.findings);
    assert_eq!(loaded.findings["F1"].description, "line one\nline two");
    assert_eq!(loaded.findings["F1"].added_by, WHO);
}

#[test]
fn ties_name_a_requirement_practice_or_domain_of_the_model() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    let practice = model.index.practices[0].id.clone();
    let domain = assess::session::domain_key(&model, 0);
    assert_eq!(tie_kind(&model, &req), Some(TieKind::Requirement));
    assert_eq!(tie_kind(&model, &practice), Some(TieKind::Practice));
    assert_eq!(tie_kind(&model, &domain), Some(TieKind::Domain));
    for bad in ["", "cd", "cd.nowhere", "nowhere.at.all"] {
        assert_eq!(
            s.add_finding(&model, finding("t", Severity::Low, "", bad), WHO),
            Err(EditError::UnknownTie(bad.into())),
            "{bad:?}"
        );
    }
    s.add_finding(&model, finding("t", Severity::Low, "", &domain), WHO)
        .expect("a domain is a valid tie");
    assert_eq!(s.findings.len(), 1);
}

#[test]
fn due_dates_and_titles_are_validated() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    for bad in [
        "26-01-01",
        "2026/01/01",
        "tomorrow",
        "2026-1-01",
        "2026-01-0a",
    ] {
        assert!(!is_date(bad), "{bad}");
        assert_eq!(
            s.add_finding(&model, finding("t", Severity::Low, bad, &req), WHO),
            Err(EditError::BadDate(bad.into()))
        );
    }
    // Written the right way, but no such day: said so, not "not written YYYY-MM-DD".
    for unreal in ["2027-02-30", "2026-13-01", "2025-02-29", "2026-04-31"] {
        assert!(!is_date(unreal), "{unreal}");
        let refused = s.add_finding(&model, finding("t", Severity::Low, unreal, &req), WHO);
        assert_eq!(refused, Err(EditError::NotARealDate(unreal.into())));
        let said = refused.expect_err("refused").to_string();
        assert!(said.contains("not a real date"), "{said}");
    }
    for good in ["2024-02-29", "2026-12-31", "2026-01-01"] {
        assert!(is_date(good), "{good}");
    }
    assert_eq!(
        s.add_finding(&model, finding("   ", Severity::Low, "", &req), WHO),
        Err(EditError::FindingTitleRequired)
    );
    assert!(s.findings.is_empty());
}

#[test]
fn every_changed_field_is_one_history_entry() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    let id = s
        .add_finding(
            &model,
            finding("Long branches", Severity::Medium, "", &req),
            WHO,
        )
        .expect("add");
    let fields: Vec<String> = s
        .history_of("finding/F1")
        .map(|c| c.field.clone())
        .collect();
    assert_eq!(
        fields,
        [
            "title",
            "severity",
            "description",
            "recommendation",
            "owner",
            "tie"
        ]
    );
    let before = s.history.len();
    let mut changed = s.findings[&id].clone();
    changed.severity = Severity::High;
    changed.due = "2026-09-01".into();
    s.update_finding(&model, &id, changed.clone(), "lead")
        .expect("update");
    let new: Vec<(String, String, String)> = s.history[before..]
        .iter()
        .map(|c| (c.field.clone(), c.old.clone(), c.new.clone()))
        .collect();
    assert_eq!(
        new,
        [
            ("severity".into(), "medium".into(), "high".into()),
            ("due".into(), String::new(), "2026-09-01".into())
        ]
    );
    s.update_finding(&model, &id, changed, "lead")
        .expect("no change");
    assert_eq!(
        s.history.len(),
        before + 2,
        "an unchanged save records nothing"
    );
    s.remove_finding(&id, "lead").expect("remove");
    let last = s.history.last().expect("entry");
    assert_eq!(
        (last.field.as_str(), last.old.as_str()),
        ("removed", "Long branches")
    );
    assert_eq!(
        s.remove_finding(&id, "lead"),
        Err(EditError::UnknownFinding(id))
    );
}

#[test]
fn sorted_by_severity_then_nearest_due_date() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    for (title, severity, due) in [
        ("low-late", Severity::Low, "2026-12-01"),
        ("high-undated", Severity::High, ""),
        ("high-late", Severity::High, "2026-12-01"),
        ("high-soon", Severity::High, "2026-04-01"),
        ("info", Severity::Info, "2026-01-01"),
    ] {
        s.add_finding(&model, finding(title, severity, due, &req), WHO)
            .expect("add");
    }
    let order: Vec<&str> = s
        .findings_sorted()
        .into_iter()
        .map(|(_, f)| f.title.as_str())
        .collect();
    assert_eq!(
        order,
        ["high-soon", "high-late", "high-undated", "low-late", "info"]
    );
}

#[test]
fn a_signed_off_session_refuses_finding_changes() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    let id = s
        .add_finding(&model, finding("t", Severity::Low, "", &req), WHO)
        .expect("add");
    s.sign_off = Some(SignOff {
        by: "lead".into(),
        at: "2026-03-05T10:00:00Z".into(),
        hash: "sha256:00".into(),
        ..SignOff::default()
    });
    let refused = |r: Result<(), EditError>| matches!(r, Err(EditError::Final { .. }));
    assert!(refused(
        s.add_finding(&model, finding("t", Severity::Low, "", &req), WHO)
            .map(|_| ())
    ));
    assert!(refused(s.update_finding(
        &model,
        &id,
        finding("u", Severity::High, "", &req),
        WHO
    )));
    assert!(refused(s.remove_finding(&id, WHO).map(|_| ())));
    assert_eq!(s.findings.len(), 1);
}

#[test]
fn severity_labels_are_bilingual() {
    let labels: Vec<(&str, &str, &str)> = Severity::ALL
        .iter()
        .map(|s| {
            let t = |l: assess::lang::Lang| l.texts().terms.severity(*s);
            (
                s.code(),
                t(assess::lang::Lang::En),
                t(assess::lang::Lang::Zh),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("high", "High", "高"),
            ("medium", "Medium", "中"),
            ("low", "Low", "低"),
            ("info", "Info", "提示")
        ]
    );
}

#[test]
fn a_finding_on_a_renamed_requirement_follows_the_alias_and_the_move_is_logged() {
    let (mut model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    s.add_finding(&model, finding("renamed", Severity::Low, "", &req), WHO)
        .expect("add");
    // As if the session was made when the requirement had its old id.
    s.findings.get_mut("F1").expect("F1").tie = "cd.old.id".into();
    model.model.aliases.insert("cd.old.id".into(), req.clone());
    let mut signed = s.clone();
    let moved = s.apply_aliases(&model);
    assert_eq!((moved.answers, moved.findings), (0, 1));
    assert_eq!(s.findings["F1"].tie, req);
    let logged = s.history.last().expect("logged");
    assert_eq!(
        (logged.target.as_str(), logged.field.as_str()),
        ("finding/F1", "tie")
    );
    assert_eq!(
        (logged.old.as_str(), logged.new.as_str()),
        ("cd.old.id", req.as_str())
    );
    // A final session stays as it was signed.
    signed.finalize(WHO).expect("final");
    assert_eq!(signed.apply_aliases(&model).findings, 0);
    assert_eq!(signed.findings["F1"].tie, "cd.old.id");
}

#[test]
fn doctor_warns_about_findings_on_places_the_model_no_longer_has() {
    let (model, mut s) = session();
    let req = requirement_ids(&model)[0].clone();
    s.add_finding(&model, finding("kept", Severity::Low, "", &req), WHO)
        .expect("add");
    // As if a model update retired the requirement.
    s.findings.get_mut("F1").expect("F1").tie = "cd.retired.requirement".into();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).expect("save");
    let warnings: Vec<String> = assess::session::check_session(&path)
        .into_iter()
        .filter(|f| f.severity == assess::session::CheckSeverity::Warning)
        .map(|f| f.message)
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("F1 (cd.retired.requirement)")),
        "{warnings:?}"
    );
}

#[test]
fn undo_brings_findings_and_plans_back_as_logged_changes_and_keeps_time_spent() {
    let (model, mut s) = session();
    let req = model.index.requirements[0].id.clone();
    let before = s.clone();
    let id = s
        .add_finding(&model, finding("Gap", Severity::High, "", &req), WHO)
        .expect("add");
    s.set_planned_minutes(&model, "cd", 30, WHO).expect("plan");
    assert!(s.add_time_spent("cd.config", 90));
    let logged = s.history.len();

    s.revert_to(&before, "undoer").expect("undo");

    assert!(s.findings.is_empty(), "the finding is gone");
    assert!(s.agenda.planned_minutes.is_empty(), "the plan is gone");
    assert_eq!(
        s.agenda.spent("cd.config"),
        90,
        "time spent is measured, not undone"
    );
    let reverts: Vec<_> = s.history[logged..].iter().collect();
    assert!(reverts.iter().all(|c| c.by == "undoer"));
    assert!(
        reverts
            .iter()
            .any(|c| c.target == format!("finding/{id}") && c.field == "removed")
    );
    assert!(
        reverts
            .iter()
            .any(|c| c.target == "part/cd" && c.field == "planned minutes" && c.old == "30")
    );

    // Redo: the finding comes back under its id, logged field by field.
    let mut redo_target = before.clone();
    redo_target
        .findings
        .insert(id.clone(), finding("Gap", Severity::High, "", &req));
    s.revert_to(&redo_target, "undoer").expect("redo");
    assert_eq!(s.findings.get(&id).map(|f| f.title.as_str()), Some("Gap"));
    assert!(
        s.history
            .iter()
            .rev()
            .any(|c| c.target == format!("finding/{id}") && c.field == "title" && c.new == "Gap")
    );
}
