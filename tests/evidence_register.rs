//! The evidence register through its core functions: every kind round-trips, files written
//! with the old kinds still load, a local file's SHA-256 and size are recorded when attached
//! and checked (ok / changed / missing), and edits, "accept the new version" and removal are
//! recorded in the history and refused once the session is final.

use std::fs;

use assess::model::load_embedded;
use assess::session::{
    EditError, Evidence, EvidenceCheck, EvidenceType, NewSession, Session, SignOff, check_session,
    describe_evidence, evidence_checks, load_session, parse_session, save_session,
    session_to_string,
};

const REQ: &str = "cd.config.vc.vcs.l1.1";
const REQ2: &str = "cd.config.vc.vcs.l2.1";

fn new_session() -> Session {
    let model = load_embedded("caict-devops").expect("model");
    Session::new(
        &model,
        NewSession {
            title: "Register".into(),
            parts: vec!["cd".into()],
            ..NewSession::default()
        },
    )
    .expect("session")
}

#[test]
fn every_kind_round_trips_through_the_file() {
    let mut s = new_session();
    for kind in EvidenceType::ALL {
        let e = Evidence {
            title: format!("a {}", kind.code()),
            kind,
            location: "somewhere".into(),
            ..Evidence::default()
        };
        s.add_evidence(e, "ann").expect("add");
    }
    let text = session_to_string(&s);
    let back = parse_session(text.as_bytes(), std::path::Path::new("s.ron")).expect("parse");
    let kinds: Vec<EvidenceType> = back.evidence.values().map(|e| e.kind).collect();
    assert_eq!(kinds, EvidenceType::ALL.to_vec());
}

#[test]
fn files_with_the_old_kinds_still_load() {
    let mut s = new_session();
    for (title, kind) in [
        ("demo", "Recording"),
        ("file", "Document"),
        ("link", "Link"),
    ] {
        let e = Evidence {
            title: title.into(),
            kind: match kind {
                "Recording" => EvidenceType::Recording,
                "Document" => EvidenceType::Document,
                _ => EvidenceType::Link,
            },
            ..Evidence::default()
        };
        s.add_evidence(e, "ann").expect("add");
    }
    // Write the file as an older version did: kinds `Demo` and `File`.
    let text = session_to_string(&s).replace("kind: Recording", "kind: Demo");
    let text = text.replacen("kind: Document", "kind: File", 1);
    assert!(
        text.contains("kind: Demo") && text.contains("kind: File"),
        "{text}"
    );
    let back =
        parse_session(text.as_bytes(), std::path::Path::new("s.ron")).expect("old kinds load");
    assert_eq!(
        back.evidence["E1"].kind,
        EvidenceType::Recording,
        "Demo → Recording"
    );
    assert_eq!(
        back.evidence["E2"].kind,
        EvidenceType::Document,
        "File → Document"
    );
    assert_eq!(back.evidence["E3"].kind, EvidenceType::Link);
}

#[test]
fn a_local_file_gets_its_hash_and_size_and_a_link_gets_neither() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("policy.txt");
    fs::write(&file, b"branching policy v1").expect("write");
    let e = describe_evidence(
        dir.path(),
        "Policy",
        EvidenceType::Document,
        &file.display().to_string(),
    )
    .expect("entry");
    assert_eq!(e.size, Some(19));
    assert_eq!(
        e.sha256.as_deref(),
        Some(assess::session::hash_file(&file).expect("hash").as_str())
    );
    // Relative to the session's folder.
    let rel = describe_evidence(dir.path(), "Policy", EvidenceType::Document, "policy.txt")
        .expect("entry");
    assert_eq!(rel.location, "policy.txt", "kept as typed");
    assert_eq!(rel.size, Some(19));
    let link = describe_evidence(
        dir.path(),
        "Wiki",
        EvidenceType::Link,
        "https://wiki.example/x",
    )
    .expect("entry");
    assert_eq!((link.sha256, link.size), (None, None));
    assert!(describe_evidence(dir.path(), "  ", EvidenceType::Link, "x").is_err());
}

/// A saved session citing one file, in a temp dir: (dir, session path, file path).
fn saved_with_file() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("evidence.txt");
    fs::write(&file, b"version one").expect("write");
    let mut s = new_session();
    let e = describe_evidence(dir.path(), "Log", EvidenceType::Document, "evidence.txt")
        .expect("entry");
    let id = s.add_evidence(e, "ann").expect("add");
    s.attach_evidence(REQ, &id, "ann").expect("attach");
    s.attach_evidence(REQ2, &id, "ann").expect("attach");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).expect("save");
    (dir, path, file)
}

#[test]
fn the_workbench_draws_before_the_files_are_hashed_and_shows_the_checks_when_done() {
    let (dir, path, file) = saved_with_file();
    fs::write(&file, b"version two").expect("change");
    // As the event loop opens a session: the checks run on another thread.
    let mut app = assess::tui::app::App::open_with(dir.path(), &path, "ann", true).expect("open");
    let screen = |app: &assess::tui::app::App| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).expect("terminal");
        terminal
            .draw(|f| f.render_widget(app, f.area()))
            .expect("draw");
        let buf = terminal.backend().buffer().clone();
        buf.content().iter().map(|c| c.symbol()).collect::<String>()
    };
    let work = app.work.as_mut().expect("work");
    assert!(work.checking.is_some() && work.checks.is_empty());
    // The percentage is of the bytes to read (none yet when drawn this early, or some).
    let shown = screen(&app);
    assert!(shown.contains("evidence: checking ") && shown.contains("% (Esc cancels)"));
    let work = app.work.as_mut().expect("work");
    assert!(work.settle_checks(true), "the checks arrive");
    assert_eq!(work.checks["E1"], EvidenceCheck::Changed);
    let shown = screen(&app);
    assert!(shown.contains("evidence: 1 changed") && !shown.contains("checking"));
    // Opened directly (the tests, the benches), the checks are there at once.
    drop(app);
    let app = assess::tui::app::App::open_as(dir.path(), &path, "ann").expect("open");
    let work = app.work.as_ref().expect("work");
    assert!(work.checking.is_none());
    assert_eq!(work.checks["E1"], EvidenceCheck::Changed);
}

#[test]
fn checks_say_ok_changed_and_missing_and_doctor_says_the_same() {
    let (dir, path, file) = saved_with_file();
    let s = load_session(&path).expect("load");
    let cases: [(&dyn Fn(), EvidenceCheck, &str); 4] = [
        (&|| {}, EvidenceCheck::Ok, "present and unchanged"),
        // Same size, other bytes: only the hash tells.
        (
            &|| fs::write(&file, b"version two").expect("write"),
            EvidenceCheck::Changed,
            "has changed",
        ),
        (
            &|| fs::write(&file, b"longer version three").expect("write"),
            EvidenceCheck::Changed,
            "has changed",
        ),
        (
            &|| fs::remove_file(&file).expect("rm"),
            EvidenceCheck::Missing,
            "is missing",
        ),
    ];
    for (change, expected, doctor_says) in cases {
        change();
        let checks = evidence_checks(&s, dir.path());
        assert_eq!(checks.get("E1"), Some(&expected));
        let findings = check_session(&path);
        assert!(
            findings.iter().any(|f| f.message.contains(doctor_says)),
            "{findings:?}"
        );
    }
}

#[test]
fn entries_without_a_file_are_not_checked() {
    let mut s = new_session();
    s.add_evidence(
        Evidence {
            title: "Interview with the release manager".into(),
            kind: EvidenceType::Interview,
            ..Evidence::default()
        },
        "ann",
    )
    .expect("add");
    assert!(evidence_checks(&s, std::path::Path::new(".")).is_empty());
}

#[test]
fn accepting_the_new_version_records_the_new_hash_and_logs_it() {
    let (dir, path, file) = saved_with_file();
    let mut s = load_session(&path).expect("load");
    fs::write(&file, b"version two, longer").expect("write");
    assert_eq!(
        evidence_checks(&s, dir.path())["E1"],
        EvidenceCheck::Changed
    );
    s.rehash_evidence("E1", dir.path(), "bob").expect("accept");
    assert_eq!(evidence_checks(&s, dir.path())["E1"], EvidenceCheck::Ok);
    assert_eq!(s.evidence["E1"].size, Some(19));
    let last = s.history.last().expect("logged");
    assert_eq!(
        (last.target.as_str(), last.field.as_str(), last.by.as_str()),
        ("evidence/E1", "sha256", "bob")
    );
    assert!(last.old.contains("(11 bytes)") && last.new.contains("(19 bytes)"));
    fs::remove_file(&file).expect("rm");
    assert!(
        s.rehash_evidence("E1", dir.path(), "bob").is_err(),
        "nothing to accept"
    );
}

#[test]
fn editing_an_entry_logs_each_field_and_refingerprints_a_new_location() {
    let (dir, path, _) = saved_with_file();
    let other = dir.path().join("other.txt");
    fs::write(&other, b"12345").expect("write");
    let mut s = load_session(&path).expect("load");
    let new = Evidence {
        title: "Deploy log".into(),
        kind: EvidenceType::Screenshot,
        location: other.display().to_string(),
        ..Evidence::default()
    };
    s.edit_evidence("E1", &new, dir.path(), "bob")
        .expect("edit");
    let e = &s.evidence["E1"];
    assert_eq!(
        (e.title.as_str(), e.kind),
        ("Deploy log", EvidenceType::Screenshot)
    );
    assert_eq!(e.size, Some(5));
    assert_eq!(e.added_by, "ann", "who collected it stays");
    let fields: Vec<&str> = s
        .history_of("evidence/E1")
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["added", "title", "kind", "location", "sha256"]);
    assert!(matches!(
        s.edit_evidence("E9", &new, dir.path(), "bob"),
        Err(EditError::UnknownEvidence(_))
    ));
}

#[test]
fn only_an_unused_entry_can_be_removed() {
    let (_dir, path, _) = saved_with_file();
    let mut s = load_session(&path).expect("load");
    assert_eq!(
        s.citing("E1"),
        vec![REQ.to_string(), REQ2.to_string()],
        "one item, many requirements"
    );
    assert!(matches!(
        s.remove_evidence("E1", "bob"),
        Err(EditError::EvidenceInUse(..))
    ));
    s.detach_evidence(REQ, "E1", "bob").expect("detach");
    s.detach_evidence(REQ2, "E1", "bob").expect("detach");
    s.remove_evidence("E1", "bob").expect("remove");
    assert!(s.evidence.is_empty());
    assert_eq!(s.history.last().map(|c| c.field.as_str()), Some("removed"));
}

#[test]
fn register_edits_are_refused_once_final() {
    let (dir, path, _) = saved_with_file();
    let mut s = load_session(&path).expect("load");
    s.sign_off = Some(SignOff {
        by: "lead".into(),
        at: "2026-11-20T10:00:00Z".into(),
        hash: "sha256:00".into(),
        ..SignOff::default()
    });
    let before = s.clone();
    let e = s.evidence["E1"].clone();
    assert!(matches!(
        s.edit_evidence("E1", &e, dir.path(), "x"),
        Err(EditError::Final { .. })
    ));
    assert!(matches!(
        s.rehash_evidence("E1", dir.path(), "x"),
        Err(EditError::Final { .. })
    ));
    assert!(matches!(
        s.remove_evidence("E1", "x"),
        Err(EditError::Final { .. })
    ));
    assert!(matches!(
        s.toggle_reviewed(REQ, "x"),
        Err(EditError::Final { .. })
    ));
    assert_eq!(s, before);
}

#[test]
fn summary_and_reports_say_which_files_changed_or_went_missing() {
    let (dir, path, file) = saved_with_file();
    fs::write(&file, b"version two").expect("change");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
            .args(args)
            .env("HOME", dir.path())
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let session = path.display().to_string();
    let text = run(&["summary", &session]);
    assert!(text.contains("evidence changed or missing 2"), "{text}");
    assert!(text.contains("E1 changed (evidence.txt)"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["summary", "--json", &session])).expect("json");
    assert_eq!(json["review"]["evidence"]["E1"], "changed");
    assert_eq!(json["review"]["filters"]["evidence_changed_or_missing"], 2);

    fs::remove_file(&file).expect("rm");
    let report: serde_json::Value =
        serde_json::from_str(&run(&["report", &session, "--format", "json", "-o", "-"]))
            .expect("json");
    assert_eq!(report["evidence"][0]["check"], "missing");
    assert_eq!(report["evidence"][0]["size"], 11);
    let review = report["review"].as_array().expect("review counts");
    assert!(
        review
            .iter()
            .any(|c| c["filter"] == "evidence_changed_or_missing" && c["count"] == 2)
    );
    let md = run(&["report", &session, "--format", "md", "-o", "-"]);
    assert!(md.contains("File check: **missing**"), "{md}");
}

#[test]
fn the_shipped_sample_written_with_the_old_kinds_loads_with_the_new_ones() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions/eastbridge-trading-platform.ron");
    let text = fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("kind: Demo") && text.contains("kind: File"),
        "still the old kinds"
    );
    let s = load_session(&path).expect("loads");
    let kinds: Vec<EvidenceType> = s.evidence.values().map(|e| e.kind).collect();
    assert!(kinds.contains(&EvidenceType::Recording));
    assert!(!kinds.is_empty() && kinds.iter().all(|k| EvidenceType::ALL.contains(k)));
}

#[test]
fn a_file_larger_than_one_read_block_hashes_as_its_whole_content() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("recording.mp4");
    let bytes: Vec<u8> = (0..700_000u32).map(|i| (i % 251) as u8).collect();
    fs::write(&file, &bytes).expect("write");
    assert_eq!(
        assess::session::hash_file(&file).expect("hash"),
        assess::model::content_hash(&bytes)
    );
}
