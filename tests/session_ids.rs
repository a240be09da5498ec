//! Session format 3: evidence, findings and history entries carry ids that never collide, so
//! copies of a session edited apart can be merged; older files open and are upgraded on load.

mod fixtures;

use std::collections::BTreeSet;

use assess::session::{
    Evidence, FORMAT_VERSION, SessionError, Verification, load_session, parse_session,
    save_session, session_to_string,
};
use fixtures::{WHO, model, sample_session};

/// The sample as an older build wrote it: format 2, no ids anywhere.
fn as_format_2(text: &str) -> String {
    text.lines()
        .filter(|l| !is_id_line(l))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(&format!("format: {FORMAT_VERSION},"), "format: 2,")
}

/// `uid: "…",` or `id: "…",` with a 16-digit hex id (not the model's `id`).
fn is_id_line(line: &str) -> bool {
    let t = line.trim();
    let value = t
        .strip_prefix("uid: \"")
        .or_else(|| t.strip_prefix("id: \""));
    value
        .and_then(|v| v.strip_suffix("\","))
        .is_some_and(|v| v.len() == 16 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

#[test]
fn new_items_get_distinct_ids_and_keep_short_labels() {
    let model = model();
    let mut a = sample_session(&model);
    let mut b = a.clone();
    let e = Evidence {
        title: "Pipeline log".into(),
        ..Evidence::default()
    };
    let in_a = a.add_evidence(e.clone(), WHO).expect("add");
    let in_b = b.add_evidence(e, WHO).expect("add");
    // Both copies call theirs E2 (the label people read), but they are two items.
    assert_eq!((in_a.as_str(), in_b.as_str()), ("E2", "E2"));
    assert_ne!(a.evidence["E2"].uid, b.evidence["E2"].uid);
    assert_eq!(a.evidence["E1"].uid, b.evidence["E1"].uid);
    let ids: BTreeSet<&str> = a.history.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), a.history.len(), "history ids are unique");
    assert!(ids.iter().all(|id| id.len() == 16));
    let b_last = &b.history.last().expect("entry").id;
    assert!(!ids.contains(b_last.as_str()));
}

#[test]
fn a_format_2_file_opens_upgraded_and_two_copies_agree_on_ids() {
    let model = model();
    let session = sample_session(&model);
    let old = as_format_2(&session_to_string(&session));
    assert!(!old.contains("uid:"), "{old}");
    let path = std::path::Path::new("old.ron");
    let one = parse_session(old.as_bytes(), path).expect("old file opens");
    let two = parse_session(old.as_bytes(), path).expect("old file opens");
    assert_eq!(one.format, FORMAT_VERSION);
    assert_eq!(one.answers, session.answers);
    assert!(one.evidence.values().all(|e| !e.uid.is_empty()));
    assert!(one.history.iter().all(|c| !c.id.is_empty()));
    let ids: BTreeSet<&str> = one.history.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), one.history.len());
    // Derived from content: both copies of the old file name the same items the same way.
    assert_eq!(one, two);
    // Saved, it is format 3 with the ids, and reads back unchanged.
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("s.ron");
    save_session(&saved, &one).expect("save");
    let text = std::fs::read_to_string(&saved).expect("read");
    assert!(text.contains(&format!("format: {FORMAT_VERSION},")));
    assert!(text.contains("uid: "));
    assert_eq!(load_session(&saved).expect("load"), one);
}

#[test]
fn a_session_signed_before_ids_still_verifies() {
    let model = model();
    let mut session = sample_session(&model);
    session.finalize(WHO).expect("sign off");
    let old = as_format_2(&session_to_string(&session));
    let upgraded = parse_session(old.as_bytes(), std::path::Path::new("old.ron")).expect("open");
    assert!(matches!(upgraded.verify(), Verification::Match { .. }));
}

#[test]
fn a_newer_format_is_refused() {
    let model = model();
    let text = session_to_string(&sample_session(&model)).replace(
        &format!("format: {FORMAT_VERSION},"),
        &format!("format: {},", FORMAT_VERSION + 1),
    );
    let err = parse_session(text.as_bytes(), std::path::Path::new("next.ron")).expect_err("newer");
    assert!(matches!(err, SessionError::NewerFormat { .. }), "{err}");
    assert!(err.to_string().contains("next.ron"), "{err}");
}
