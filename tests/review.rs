//! Review: the "reviewed by" mark (audited, cleared when the status changes) and the filters,
//! one table of requirement states against every filter.

use std::collections::BTreeMap;

use assess::model::load_embedded;
use assess::review::{Filter, counts, evidence_problems, matches};
use assess::session::{
    EditError, Evidence, EvidenceCheck, NewSession, Session, Status, parse_session,
    session_to_string,
};

fn new_session() -> (assess::model::LoadedModel, Session) {
    let model = load_embedded("caict-devops").expect("model");
    let s = Session::new(
        &model,
        NewSession {
            title: "Review".into(),
            parts: vec!["cd".into()],
            ..NewSession::default()
        },
    )
    .expect("session");
    (model, s)
}

#[test]
fn the_reviewed_mark_is_kept_audited_and_cleared_by_a_new_status() {
    let (_, mut s) = new_session();
    let req = "cd.config.vc.vcs.l1.1";
    assert!(matches!(
        s.toggle_reviewed(req, "rita"),
        Err(EditError::NothingToReview)
    ));
    s.set_status(req, Status::Met, "ann").expect("met");
    assert!(s.toggle_reviewed(req, "rita").expect("mark"));
    let reviewed = s.answers[req].reviewed.clone().expect("marked");
    assert_eq!(reviewed.by, "rita");
    let back = parse_session(
        session_to_string(&s).as_bytes(),
        std::path::Path::new("s.ron"),
    )
    .expect("parse");
    assert_eq!(
        back.answers[req].reviewed,
        Some(reviewed),
        "saved with the answer"
    );
    let last = s.history.last().expect("logged");
    assert_eq!(
        (last.field.as_str(), last.old.as_str(), last.new.as_str()),
        ("reviewed", "", "rita")
    );
    // A note does not touch what was reviewed; a new status does.
    s.set_note(req, "see the log", "ann").expect("note");
    assert!(s.answers[req].reviewed.is_some(), "a note keeps the mark");
    s.set_status(req, Status::Partial, "ann").expect("partial");
    assert_eq!(
        s.answers[req].reviewed, None,
        "the review saw the old answer"
    );
    let cleared = s.history_of(req).filter(|c| c.field == "reviewed").last();
    assert_eq!(
        cleared.map(|c| (c.old.as_str(), c.new.as_str())),
        Some(("rita", ""))
    );
    // Toggling removes a mark.
    s.toggle_reviewed(req, "rita").expect("mark");
    assert!(!s.toggle_reviewed(req, "rita").expect("unmark"));
}

#[test]
fn each_filter_matches_exactly_its_requirements() {
    let (model, mut s) = new_session();
    let e = s
        .add_evidence(
            Evidence {
                title: "log".into(),
                ..Evidence::default()
            },
            "ann",
        )
        .expect("add");
    let ok = s
        .add_evidence(
            Evidence {
                title: "fine".into(),
                ..Evidence::default()
            },
            "ann",
        )
        .expect("add");
    let checks: BTreeMap<String, EvidenceCheck> = [
        (e.clone(), EvidenceCheck::Changed),
        (ok.clone(), EvidenceCheck::Ok),
    ]
    .into();
    let r = |i: usize| format!("cd.config.vc.vcs.l{i}.1");
    let unanswered = "cd.config.vc.vcs.l5.1".to_string();
    s.set_status(&r(1), Status::Met, "ann").expect("met"); // Met, no evidence
    s.set_status(&r(2), Status::Partial, "ann")
        .expect("partial");
    s.toggle_flag(&r(2), "ann").expect("flag");
    s.set_status(&r(3), Status::Met, "ann").expect("met");
    s.attach_evidence(&r(3), &e, "ann").expect("attach"); // Met, evidence changed
    s.set_not_applicable(&r(4), "no such system", "ann")
        .expect("n/a");
    s.toggle_reviewed(&r(4), "rita").expect("review");
    // An N/A without a reason, as an older or hand-edited file may hold.
    let bare = "cd.config.vc.vcs.l2.2".to_string();
    s.set_not_applicable(&bare, "x", "ann").expect("n/a");
    s.answers.get_mut(&bare).expect("answer").justification = None;
    let okay = "cd.config.vc.vcs.l3.2".to_string();
    s.set_status(&okay, Status::Met, "ann").expect("met");
    s.attach_evidence(&okay, &ok, "ann").expect("attach");
    s.toggle_reviewed(&okay, "rita").expect("review");

    use Filter as F;
    let table: &[(&str, &[Filter])] = &[
        (&r(1), &[F::MetWithoutEvidence, F::NotReviewed]),
        (&r(2), &[F::Flagged, F::Partial, F::NotReviewed]),
        (&r(3), &[F::EvidenceProblem, F::NotReviewed]),
        (&r(4), &[]),
        (&bare, &[F::NaWithoutJustification, F::NotReviewed]),
        (&okay, &[]),
        (&unanswered, &[F::Unanswered]),
    ];
    for (req, expected) in table {
        for f in Filter::ALL {
            assert_eq!(
                matches(f, &s, req, &checks),
                expected.contains(&f),
                "{req} · {f:?}"
            );
        }
    }
    let counted: BTreeMap<&str, usize> = counts(&model, &s, &checks)
        .into_iter()
        .map(|(f, n)| (f.code(), n))
        .collect();
    let total = s.requirements_in_scope(&model).count();
    assert_eq!(counted["unanswered"], total - 6);
    assert_eq!(counted["flagged"], 1);
    assert_eq!(counted["partial"], 1);
    assert_eq!(counted["na_without_justification"], 1);
    assert_eq!(counted["met_without_evidence"], 1);
    assert_eq!(counted["evidence_changed_or_missing"], 1);
    assert_eq!(counted["not_reviewed"], 4);
    assert_eq!(evidence_problems(&checks), (1, 0));
}
