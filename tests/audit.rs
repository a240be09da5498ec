//! The audit trail, sign-off and participants through the core functions.

use assess::model::load_embedded;
use assess::report::{Format, ReportOptions, render};
use assess::session::{
    EditError, Evidence, NewSession, Session, Status, Verification, content_hash, load_session,
    save_session,
};

fn fresh() -> (assess::model::LoadedModel, Session) {
    let model = load_embedded("caict-devops").expect("model");
    let session = Session::new(
        &model,
        NewSession {
            title: "Audit".into(),
            assessors: vec!["alice".into()],
            parts: vec!["cd".into()],
            target: Some(3),
            ..NewSession::default()
        },
    )
    .expect("new");
    (model, session)
}

/// The first `n` requirements in scope.
fn first_ids(model: &assess::model::LoadedModel, n: usize) -> Vec<String> {
    let (_, s) = fresh();
    s.requirements_in_scope(model)
        .take(n)
        .map(|r| model.index.requirements[r].id.clone())
        .collect()
}

#[test]
fn every_edit_is_logged_with_who_old_and_new() {
    let (model, mut s) = fresh();
    let ids = first_ids(&model, 2);
    let (a, b) = (&ids[0], &ids[1]);
    s.set_status(a, Status::Met, "alice").expect("edit");
    s.set_status(a, Status::Partial, "bob").expect("edit");
    s.set_not_applicable(b, "out of scope", "alice")
        .expect("edit");
    s.toggle_flag(a, "alice").expect("edit");
    s.set_target("cd", 4, "alice").expect("edit");
    let e = s
        .add_evidence(
            Evidence {
                title: "plan".into(),
                ..Evidence::default()
            },
            "alice",
        )
        .expect("edit");
    s.attach_evidence(a, &e, "alice").expect("edit");
    s.add_participant("Bob", "Dev lead", "alice").expect("edit");
    s.set_participant_role("Bob", "Tech lead", "alice")
        .expect("edit");
    s.set_decided_by(a, "Bob", "alice").expect("edit");
    s.set_discussion(a, "ops disagrees", "alice").expect("edit");
    let rows: Vec<(&str, &str, &str, &str, &str)> = s
        .history
        .iter()
        .map(|c| {
            (
                c.by.as_str(),
                c.target.as_str(),
                c.field.as_str(),
                c.old.as_str(),
                c.new.as_str(),
            )
        })
        .collect();
    let want = [
        ("alice", a.as_str(), "status", "", "met"),
        ("bob", a.as_str(), "status", "met", "partial"),
        ("alice", b.as_str(), "status", "", "not_applicable"),
        ("alice", b.as_str(), "justification", "", "out of scope"),
        ("alice", a.as_str(), "flag", "", "flagged"),
        ("alice", "part/cd", "target", "3", "4"),
        ("alice", "evidence/E1", "added", "", "plan ()"),
        ("alice", a.as_str(), "evidence", "", "E1"),
        ("alice", "session", "participant", "", "Bob (Dev lead)"),
        (
            "alice",
            "session",
            "participant",
            "Bob (Dev lead)",
            "Bob (Tech lead)",
        ),
        ("alice", a.as_str(), "decided by", "", "Bob"),
        ("alice", a.as_str(), "discussion", "", "ops disagrees"),
    ];
    assert_eq!(rows, want);
    assert!(s.history.iter().all(|c| c.at.ends_with('Z')));
    assert_eq!(s.history_of(b).count(), 2);
}

#[test]
fn decided_by_must_be_a_participant() {
    let (model, mut s) = fresh();
    let id = &first_ids(&model, 1)[0];
    assert_eq!(
        s.set_decided_by(id, "Nobody", "alice"),
        Err(EditError::UnknownParticipant("Nobody".into()))
    );
    assert_eq!(
        s.add_participant("  ", "x", "alice"),
        Err(EditError::NameRequired)
    );
    s.add_participant("Bob", "", "alice").expect("edit");
    assert_eq!(
        s.add_participant("Bob", "again", "alice"),
        Err(EditError::DuplicateParticipant("Bob".into()))
    );
    s.remove_participant("Bob", "alice").expect("edit");
    assert!(s.participants.is_empty());
    assert_eq!(s.history.last().map(|c| c.old.as_str()), Some("Bob"));
}

#[test]
fn reverting_appends_and_keeps_the_history() {
    let (model, mut s) = fresh();
    let id = &first_ids(&model, 1)[0];
    let before = s.clone();
    s.set_status(id, Status::Met, "alice").expect("edit");
    s.set_target("cd", 5, "alice").expect("edit");
    let logged = s.history.len();
    s.revert_to(&before, "alice").expect("undo");
    assert_eq!(s.status(id), None);
    assert_eq!(s.targets.get("cd"), Some(&3));
    assert_eq!(s.history[..logged], s.clone().history[..logged], "kept");
    let appended: Vec<(&str, &str, &str)> = s.history[logged..]
        .iter()
        .map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(appended, [("status", "met", ""), ("target", "5", "3")]);
}

#[test]
fn assessors_join_once_and_are_logged() {
    let (_model, mut s) = fresh();
    assert_eq!(s.ensure_assessor("alice"), Ok(false));
    assert_eq!(s.ensure_assessor("bob"), Ok(true));
    assert_eq!(s.ensure_assessor("bob"), Ok(false));
    assert_eq!(s.assessors, ["alice", "bob"]);
    let last = s.history.last().expect("logged");
    assert_eq!(
        (last.by.as_str(), last.field.as_str(), last.new.as_str()),
        ("bob", "assessors", "alice, bob")
    );
}

#[test]
fn finalize_refuses_edits_verify_notices_tampering_and_reopen_is_logged() {
    let (model, mut s) = fresh();
    let id = first_ids(&model, 1)[0].clone();
    s.set_status(&id, Status::Met, "alice").expect("edit");
    assert_eq!(s.verify(), Verification::NotFinal);
    let hash = s.finalize("alice").expect("finalize").hash.clone();
    assert_eq!(hash, content_hash(&s));
    assert!(matches!(
        s.set_status(&id, Status::NotMet, "bob"),
        Err(EditError::Final { .. })
    ));
    assert!(s.add_participant("Bob", "", "bob").is_err());
    assert!(s.revert_to(&s.clone(), "bob").is_err());
    assert!(s.finalize("bob").is_err(), "already final");
    let signed = s.history.last().expect("logged");
    assert_eq!(signed.field, "sign-off");
    assert!(signed.new.contains(&hash));

    // Through the file: verify matches, a hand edit is caught.
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("s.ron");
    save_session(&file, &s).expect("save");
    assert!(matches!(
        load_session(&file).expect("load").verify(),
        Verification::Match { .. }
    ));
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("Met", "Partial", 1)).expect("tamper");
    let tampered = load_session(&file).expect("load");
    assert!(matches!(tampered.verify(), Verification::Mismatch { .. }));

    assert_eq!(s.reopen("  ", "bob"), Err(EditError::ReasonRequired));
    s.reopen("typo in a note", "bob").expect("reopen");
    assert!(s.sign_off.is_none());
    let reopened = s.history.last().expect("logged");
    assert_eq!(
        (
            reopened.by.as_str(),
            reopened.field.as_str(),
            reopened.new.as_str()
        ),
        ("bob", "reopen", "typo in a note")
    );
    assert!(reopened.old.contains(&hash));
    assert_eq!(s.reopen("again", "bob"), Err(EditError::NotFinal));
    s.set_status(&id, Status::NotMet, "bob")
        .expect("editable again");
}

#[test]
fn the_hash_covers_answers_evidence_participants_but_not_the_cursor() {
    let (model, mut s) = fresh();
    let id = first_ids(&model, 1)[0].clone();
    let base = content_hash(&s);
    s.cursor.lang = "zh".into();
    s.cursor.decider = "Bob".into();
    assert_eq!(content_hash(&s), base, "views are not content");
    for change in [
        |s: &mut Session, id: &str| s.set_note(id, "n", "a").map(|_| ()),
        |s: &mut Session, _: &str| s.add_participant("P", "", "a"),
        |s: &mut Session, _: &str| s.add_evidence(Evidence::default(), "a").map(|_| ()),
        |s: &mut Session, id: &str| s.set_discussion(id, "d", "a"),
    ] {
        let before = content_hash(&s);
        change(&mut s, &id).expect("edit");
        assert_ne!(content_hash(&s), before);
    }
}

#[test]
fn reports_show_the_sign_off_in_every_format() {
    let (model, mut s) = fresh();
    let id = first_ids(&model, 1)[0].clone();
    s.add_participant("Bob", "Dev lead", "alice").expect("edit");
    s.set_status(&id, Status::Met, "alice").expect("edit");
    s.set_decided_by(&id, "Bob", "alice").expect("edit");
    let hash = s.finalize("alice").expect("final").hash.clone();
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        let out = String::from_utf8(render(&model, &s, format, &ReportOptions::default()))
            .expect("utf-8");
        assert!(out.contains(&hash), "{format:?} shows the hash");
        assert!(out.contains("Bob"), "{format:?} shows who decided");
    }
    let redacted = ReportOptions {
        redact: true,
        ..ReportOptions::default()
    };
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        let out = String::from_utf8(render(&model, &s, format, &redacted)).expect("utf-8");
        assert!(
            out.contains(&hash),
            "{format:?}: the hash stays when redacted"
        );
        assert!(!out.contains("Dev lead"), "{format:?}: roles are removed");
        assert!(!out.contains("Bob"), "{format:?}: names are removed");
    }
    let json = render(&model, &s, Format::Json, &ReportOptions::default());
    let v: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(v["session"]["sign_off"]["by"], "alice");
    assert_eq!(v["session"]["participants"][0]["role"], "Dev lead");
}

#[test]
fn older_files_without_the_new_fields_still_load() {
    let (model, mut s) = fresh();
    let id = first_ids(&model, 1)[0].clone();
    s.set_status(&id, Status::Met, "alice").expect("edit");
    let text = assess::session::session_to_string(&s);
    assert!(!text.contains("decided_by") && !text.contains("discussion"));
    assert!(!text.contains("decider") && !text.contains("sign_off"));
}

#[test]
fn alias_moves_are_logged_and_a_final_session_stays_as_signed() {
    let (mut model, mut s) = fresh();
    let id = first_ids(&model, 1)[0].clone();
    model.model.aliases.insert("old.id".into(), id.clone());
    s.answers.insert(
        "old.id".into(),
        assess::session::Answer {
            status: Some(Status::Met),
            ..Default::default()
        },
    );
    let mut signed = s.clone();
    assert_eq!(s.apply_aliases(&model).answers, 1);
    let moved = s.history.last().expect("logged");
    assert_eq!(
        (
            moved.target.as_str(),
            moved.field.as_str(),
            moved.old.as_str()
        ),
        (id.as_str(), "moved from", "old.id")
    );
    signed.finalize("alice").expect("final");
    assert_eq!(signed.apply_aliases(&model), Default::default());
    assert!(matches!(signed.verify(), Verification::Match { .. }));
}

#[test]
fn the_history_records_status_codes_and_reads_old_english_labels() {
    use assess::session::Status;
    for status in Status::ALL {
        assert_eq!(Status::from_recorded(status.code()), Some(status));
    }
    let old = [
        ("Met", Status::Met),
        ("Partial", Status::Partial),
        ("Not met", Status::NotMet),
        ("Not applicable", Status::NotApplicable),
    ];
    for (label, status) in old {
        assert_eq!(Status::from_recorded(label), Some(status), "{label}");
    }
    assert_eq!(Status::from_recorded("flagged"), None);
}
