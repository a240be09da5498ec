//! The three-way merge of sessions (the core of `assess merge` and the git merge driver):
//! worked cases, then properties over seeded random edit sets — nothing either side added is
//! lost, merge(x, x, x) = x, disjoint edits commute, and the result always parses.

mod fixtures;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assess::merge::{MergeError, merge};
use assess::model::LoadedModel;
use assess::session::{
    ConflictValue, Evidence, Finding, Session, Status, Take, parse_session, session_to_string,
};
use fixtures::{Rng, model, requirement_ids, sample_session};

const MERGER: &str = "merger";

fn evidence(title: &str) -> Evidence {
    Evidence {
        title: title.into(),
        location: format!("docs/{title}.md"),
        ..Evidence::default()
    }
}

#[test]
fn answers_to_different_parts_merge_cleanly() {
    let model = model();
    let ids = requirement_ids(&model);
    let base = sample_session(&model);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.set_status(&ids[10], Status::Met, "li").expect("edit");
    theirs
        .set_status(&ids[1500], Status::NotMet, "wang")
        .expect("edit");
    theirs
        .set_note(&ids[1500], "no rollback", "wang")
        .expect("edit");
    let merged = merge(&base, &ours, &theirs, MERGER).expect("merge");
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.notes);
    let s = merged.session;
    assert_eq!(s.status(&ids[10]), Some(Status::Met));
    assert_eq!(s.status(&ids[1500]), Some(Status::NotMet));
    assert_eq!(s.answers[&ids[1500]].by, "wang");
    assert_eq!(s.answers[&ids[10]].by, "li");
    assert!(s.conflicts.is_empty());
    assert_eq!(s.history.len(), base.history.len() + 3);
}

#[test]
fn different_answers_are_a_conflict_with_ours_provisional_then_resolved() {
    let model = model();
    let ids = requirement_ids(&model);
    let base = sample_session(&model);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.set_status(&ids[1], Status::Met, "li").expect("edit");
    theirs
        .set_status(&ids[1], Status::NotMet, "wang")
        .expect("edit");
    let merged = merge(&base, &ours, &theirs, MERGER).expect("merge");
    assert_eq!(merged.new_conflicts, 1);
    let mut s = merged.session;
    assert_eq!(s.status(&ids[1]), Some(Status::Met), "ours is provisional");
    let c = &s.conflicts["C1"];
    assert_eq!(
        (c.target.as_str(), c.fields.clone()),
        (ids[1].as_str(), vec!["status".to_string()])
    );
    assert_eq!((c.ours.by.as_str(), c.theirs.by.as_str()), ("li", "wang"));
    assert!(
        matches!(&c.theirs.value, ConflictValue::Answer(Some(a)) if a.status == Some(Status::NotMet))
    );
    assert!(
        matches!(&c.base.value, ConflictValue::Answer(Some(a)) if a.status == Some(Status::Partial))
    );
    // The note edited elsewhere on the same answer is not part of the conflict.
    assert_eq!(s.answers[&ids[1]].note, "branches live too long");
    // A file with conflicts is a valid session; sign-off waits for the resolution.
    let reread =
        parse_session(session_to_string(&s).as_bytes(), Path::new("m.ron")).expect("parses");
    assert_eq!(reread, s);
    assert!(s.finalize("li").is_err());
    s.resolve_conflict("C1", Take::Theirs, "li")
        .expect("resolve");
    assert_eq!(s.status(&ids[1]), Some(Status::NotMet));
    assert!(s.conflicts.is_empty());
    // Logged in codes: the side taken, then the field it changed, as any edit records it.
    let logged: Vec<(&str, &str, &str, &str)> = s.history[s.history.len() - 2..]
        .iter()
        .map(|c| {
            (
                c.field.as_str(),
                c.old.as_str(),
                c.new.as_str(),
                c.by.as_str(),
            )
        })
        .collect();
    assert_eq!(
        logged,
        [
            ("resolved", "C1 (status)", "theirs", "li"),
            ("status", "met", "not_met", "li")
        ]
    );
    s.finalize("li").expect("now it can be signed off");
}

#[test]
fn notes_edited_on_both_sides_merge_line_by_line_or_keep_both() {
    let model = model();
    let ids = requirement_ids(&model);
    let mut base = sample_session(&model);
    base.set_note(&ids[5], "first\nsecond\nthird\nfourth", "li")
        .expect("edit");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.set_note(&ids[5], "FIRST\nsecond\nthird\nfourth", "li")
        .expect("edit");
    theirs
        .set_note(&ids[5], "first\nsecond\nthird\nFOURTH", "wang")
        .expect("edit");
    let s = merge(&base, &ours, &theirs, MERGER).expect("merge").session;
    assert_eq!(s.answers[&ids[5]].note, "FIRST\nsecond\nthird\nFOURTH");
    assert!(s.conflicts.is_empty());

    ours.set_note(&ids[5], "ours says this", "li")
        .expect("edit");
    theirs
        .set_note(&ids[5], "theirs says that", "wang")
        .expect("edit");
    let mut s = merge(&base, &ours, &theirs, MERGER).expect("merge").session;
    assert_eq!(s.conflicts["C1"].fields, vec!["note".to_string()]);
    s.resolve_keep_both_notes("C1", "li").expect("keep both");
    let note = &s.answers[&ids[5]].note;
    assert!(
        note.contains("ours says this") && note.contains("theirs says that"),
        "{note}"
    );
}

#[test]
fn evidence_added_on_both_sides_survives_with_distinct_labels_and_links_follow() {
    let model = model();
    let ids = requirement_ids(&model);
    let base = sample_session(&model);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let e = ours.add_evidence(evidence("ours"), "li").expect("add");
    ours.attach_evidence(&ids[7], &e, "li").expect("attach");
    let e = theirs
        .add_evidence(evidence("theirs"), "wang")
        .expect("add");
    theirs.attach_evidence(&ids[8], &e, "wang").expect("attach");
    theirs.attach_evidence(&ids[1], &e, "wang").expect("attach");
    let merged = merge(&base, &ours, &theirs, MERGER).expect("merge");
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.notes);
    let s = merged.session;
    assert_eq!(s.evidence["E2"].title, "ours");
    assert_eq!(s.evidence["E3"].title, "theirs");
    assert_eq!(s.answers[&ids[7]].evidence, vec!["E2"]);
    assert_eq!(s.answers[&ids[8]].evidence, vec!["E3"]);
    assert_eq!(s.answers[&ids[1]].evidence, vec!["E1", "E3"]);
    let renumbered = s
        .history
        .iter()
        .find(|c| c.field == "renumbered")
        .expect("logged");
    assert_eq!(
        (renumbered.old.as_str(), renumbered.new.as_str()),
        ("E2", "E3")
    );
    assert!(merged.notes.iter().any(|n| {
        n.text(assess::lang::Lang::En)
            .contains("E2 added on both sides")
    }));
}

#[test]
fn a_sign_off_does_not_survive_a_merge_that_changed_content() {
    let model = model();
    let ids = requirement_ids(&model);
    let base = sample_session(&model);
    let mut ours = base.clone();
    ours.finalize("li").expect("sign off");
    // Merging a copy that changed nothing keeps the sign-off.
    let kept = merge(&base, &ours, &base, MERGER).expect("merge").session;
    assert!(kept.sign_off.is_some());
    let mut theirs = base.clone();
    theirs
        .set_status(&ids[20], Status::Met, "wang")
        .expect("edit");
    let merged = merge(&base, &ours, &theirs, MERGER).expect("merge");
    assert!(merged.session.sign_off.is_none());
    let entry = merged
        .session
        .history
        .iter()
        .find(|c| c.field == "sign-off voided")
        .expect("logged");
    assert_eq!(entry.new, "merge", "a code, told in the reader's language");
    assert!(
        merged
            .notes
            .iter()
            .any(|n| n.text(assess::lang::Lang::En).contains("sign it off again"))
    );
}

#[test]
fn different_model_versions_are_refused() {
    let model = model();
    let base = sample_session(&model);
    let mut theirs = base.clone();
    theirs.model.version = "2099".into();
    let err = merge(&base, &base, &theirs, MERGER).expect_err("refused");
    assert!(matches!(err, MergeError::ModelMismatch { .. }));
    assert!(err.to_string().contains("2099"), "{err}");
}

// ---- properties -------------------------------------------------------------------------

/// Applies `n` random edits to requirements picked by `allowed` (by index).
fn random_edits(
    s: &mut Session,
    model: &LoadedModel,
    rng: &mut Rng,
    n: usize,
    who: &str,
    allowed: impl Fn(usize) -> bool,
) {
    let ids = requirement_ids(model);
    let pool: Vec<usize> = (0..60).filter(|&i| allowed(i)).collect();
    for _ in 0..n {
        let r = &ids[pool[rng.below(pool.len())]];
        match rng.below(6) {
            0 => s
                .set_status(
                    r,
                    [Status::Met, Status::Partial, Status::NotMet][rng.below(3)],
                    who,
                )
                .expect("status"),
            1 => s
                .set_note(r, &format!("{who} note {}", rng.below(1000)), who)
                .expect("note"),
            2 => {
                let e = s
                    .add_evidence(evidence(&format!("{who}-{}", rng.below(1000))), who)
                    .expect("add");
                s.attach_evidence(r, &e, who).expect("attach");
            }
            3 => {
                let e = s.evidence.keys().next().cloned().expect("E1");
                s.attach_evidence(r, &e, who).expect("attach");
            }
            4 => {
                s.toggle_flag(r, who).expect("flag");
            }
            _ => {
                let f = Finding {
                    title: format!("{who} finding"),
                    tie: r.clone(),
                    ..Finding::default()
                };
                s.add_finding(model, f, who).expect("finding");
            }
        }
    }
}

/// An answer's status, note, evidence ids and flag.
type CanonicalAnswer<'a> = (Option<Status>, &'a str, BTreeSet<&'a str>, bool);

/// A session's content with labels replaced by ids, so two merges that labelled the same
/// items differently compare equal; merge log entries (renumbering) are left out.
fn canonical(s: &Session) -> String {
    let uid_of: BTreeMap<&str, &str> = s
        .evidence
        .iter()
        .map(|(l, e)| (l.as_str(), e.uid.as_str()))
        .collect();
    let answers: BTreeMap<&String, CanonicalAnswer> = s
        .answers
        .iter()
        .map(|(k, a)| {
            (
                k,
                (
                    a.status,
                    a.note.as_str(),
                    a.evidence.iter().map(|l| uid_of[l.as_str()]).collect(),
                    a.flagged,
                ),
            )
        })
        .collect();
    let evidence: BTreeSet<(&str, &str)> = s
        .evidence
        .values()
        .map(|e| (e.uid.as_str(), e.title.as_str()))
        .collect();
    let findings: BTreeSet<(&str, &str)> = s
        .findings
        .values()
        .map(|f| (f.uid.as_str(), f.title.as_str()))
        .collect();
    let history: BTreeSet<&str> = s
        .history
        .iter()
        .filter(|c| c.by != MERGER)
        .map(|c| c.id.as_str())
        .collect();
    format!(
        "{answers:?}\n{evidence:?}\n{findings:?}\n{history:?}\n{}",
        s.conflicts.len()
    )
}

fn assert_nothing_lost(side: &Session, merged: &Session) {
    let uids: BTreeSet<&str> = merged.evidence.values().map(|e| e.uid.as_str()).collect();
    for e in side.evidence.values() {
        assert!(uids.contains(e.uid.as_str()), "evidence {} lost", e.title);
    }
    let fuids: BTreeSet<&str> = merged.findings.values().map(|f| f.uid.as_str()).collect();
    assert!(
        side.findings
            .values()
            .all(|f| fuids.contains(f.uid.as_str())),
        "a finding was lost"
    );
    let ids: BTreeSet<&str> = merged.history.iter().map(|c| c.id.as_str()).collect();
    assert!(
        side.history.iter().all(|c| ids.contains(c.id.as_str())),
        "a history entry was lost"
    );
    // Every link a side has is in the merge (under whatever label its entry now has).
    let merged_uid: BTreeMap<&str, &str> = merged
        .evidence
        .iter()
        .map(|(l, e)| (l.as_str(), e.uid.as_str()))
        .collect();
    for (req, a) in &side.answers {
        let have: BTreeSet<&str> = merged
            .answers
            .get(req)
            .map(|m| m.evidence.iter().map(|l| merged_uid[l.as_str()]).collect())
            .unwrap_or_default();
        for l in &a.evidence {
            assert!(
                have.contains(side.evidence[l].uid.as_str()),
                "link {l} on {req} lost"
            );
        }
    }
}

fn assert_parses(s: &Session) {
    let text = session_to_string(s);
    let back = parse_session(text.as_bytes(), Path::new("merged.ron")).expect("the merge parses");
    assert_eq!(&back, s);
}

#[test]
fn merging_a_session_with_itself_changes_nothing() {
    let model = model();
    for seed in 1..=8 {
        let mut rng = Rng(seed);
        let mut x = sample_session(&model);
        random_edits(&mut x, &model, &mut rng, 12, "li", |_| true);
        let merged = merge(&x, &x, &x, MERGER).expect("merge");
        assert_eq!(merged.session, x, "seed {seed}");
        assert!(merged.notes.is_empty());
    }
}

#[test]
fn random_edits_lose_nothing_and_the_result_parses() {
    let model = model();
    for seed in 1..=25 {
        let mut rng = Rng(seed * 7919);
        let base = sample_session(&model);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        // Overlapping requirements: conflicts happen, and must not lose anything either.
        random_edits(&mut ours, &model, &mut rng, 10, "li", |i| i < 12);
        random_edits(&mut theirs, &model, &mut rng, 10, "wang", |i| i < 12);
        let merged = merge(&base, &ours, &theirs, MERGER).expect("merge").session;
        assert_nothing_lost(&ours, &merged);
        assert_nothing_lost(&theirs, &merged);
        assert_parses(&merged);
        // Taking theirs everywhere still loses nothing theirs added.
        let mut resolved = merged.clone();
        for id in merged.conflicts.keys() {
            resolved
                .resolve_conflict(id, Take::Theirs, "li")
                .expect("resolve");
        }
        assert_nothing_lost(&theirs, &resolved);
    }
}

#[test]
fn disjoint_edits_commute() {
    let model = model();
    for seed in 1..=15 {
        let mut rng = Rng(seed * 104_729);
        let base = sample_session(&model);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        random_edits(&mut ours, &model, &mut rng, 10, "li", |i| i % 2 == 0);
        random_edits(&mut theirs, &model, &mut rng, 10, "wang", |i| i % 2 == 1);
        let one = merge(&base, &ours, &theirs, MERGER).expect("merge").session;
        let two = merge(&base, &theirs, &ours, MERGER).expect("merge").session;
        assert!(one.conflicts.is_empty(), "seed {seed}: {:?}", one.conflicts);
        assert_eq!(canonical(&one), canonical(&two), "seed {seed}");
        assert_parses(&one);
    }
}
