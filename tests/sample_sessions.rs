//! The sample sessions shipped in `sessions/` stay usable: they load, their model is bundled,
//! and every requirement id they use still exists (ids are a contract; see docs/MODEL_IDS.md).

use assess::model::load_embedded;
use assess::session::{list_sessions, open_session};

#[test]
fn every_id_a_sample_session_uses_still_exists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let entries = list_sessions(&dir).expect("list sessions");
    assert!(!entries.is_empty(), "at least one sample session ships");
    for entry in entries {
        let opened = open_session(&entry.path).unwrap_or_else(|e| panic!("{e:#}"));
        let model = load_embedded(&opened.session.model.id).expect("bundled model");
        let index = &model.index;
        let missing: Vec<&String> = opened
            .session
            .answers
            .keys()
            .filter(|id| index.requirement(id).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "{}: ids gone from the model: {missing:?}",
            entry.path.display()
        );
        let cursor = &opened.session.cursor;
        assert!(
            index.practice(&cursor.practice).is_some(),
            "cursor practice {}",
            cursor.practice
        );
        assert!(
            index.requirement(&cursor.requirement).is_some(),
            "cursor requirement {}",
            cursor.requirement
        );
        for part in &opened.session.parts {
            assert!(model.model.part_index(part).is_some(), "part {part}");
        }
    }
}

#[test]
fn the_trading_platform_sample_is_a_realistic_level_three_ish_assessment() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/eastbridge-trading-platform.ron");
    let opened = open_session(&path).expect("sample opens");
    let summary = assess::summary::summarize(&opened.model, &opened.session, "en");
    let cd = &summary.parts[0];
    assert_eq!(cd.row.id, "cd");
    assert_eq!(cd.row.target, Some(3));
    assert!(
        (2.5..3.5).contains(&cd.row.score),
        "around level 3: {}",
        cd.row.score
    );
    assert!(
        summary.answered < summary.total,
        "work remains, so resuming means something"
    );
    assert!(opened.session.answers.values().any(|a| !a.note.is_empty()));
    assert!(opened.session.answers.values().any(|a| a.flagged));
    assert!(
        opened
            .session
            .answers
            .values()
            .any(|a| a.justification.is_some())
    );
    assert!(!opened.session.evidence.is_empty());
}

/// The shipped sample records the bundled model's version and hash, so a user opening it sees
/// no "model changed" warning, no moved answers and no orphans.
#[test]
fn the_trading_platform_sample_opens_without_warnings() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/eastbridge-trading-platform.ron");
    let opened = open_session(&path).expect("sample opens");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
}

/// The sample's evidence files ship beside it, so a user opening it sees them present and
/// intact (not "5 missing"): every local file is there, with the hash recorded for it.
#[test]
fn the_samples_evidence_is_present_and_unchanged() {
    use assess::session::{EvidenceCheck, base_dir, evidence_checks};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/eastbridge-trading-platform.ron");
    let opened = open_session(&path).expect("sample opens");
    let checks = evidence_checks(&opened.session, &base_dir(&path));
    let problems: Vec<_> = checks
        .iter()
        .filter(|(_, c)| c.is_problem())
        .map(|(id, c)| format!("{id} {c:?}"))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    let ok = checks.values().filter(|c| **c == EvidenceCheck::Ok).count();
    assert_eq!(ok, 5, "five files, each hashed: {checks:?}");
    for evidence in opened.session.evidence.values() {
        assert!(
            !evidence.location.starts_with('/'),
            "relative locations travel with the sample: {}",
            evidence.location
        );
    }
}
