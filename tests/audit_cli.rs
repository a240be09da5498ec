//! `assess log`, `finalize`, `verify`, `reopen` and `--as`, as the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn assess(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .env("ASSESS_SESSIONS_DIR", dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("ASSESS_USER", "tester")
        .output()
        .expect("run assess")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn failed(out: &Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn new_session(dir: &Path) {
    ok(&assess(
        dir,
        &[
            "--as",
            "Alice",
            "new",
            "--title",
            "Audit",
            "--parts",
            "cd",
            "--participant",
            "Bob:Dev lead",
            "--participant",
            "Carol",
            "--no-open",
        ],
    ));
}

#[test]
fn as_names_the_assessor_and_participants_are_logged() {
    let dir = tempfile::tempdir().expect("tmp");
    new_session(dir.path());
    let session = assess::session::load_session(&dir.path().join("audit.ron")).expect("load");
    assert_eq!(session.assessors, ["Alice"]);
    assert_eq!(session.participants[0].role, "Dev lead");
    assert_eq!(session.participants[1].name, "Carol");
    let log = ok(&assess(dir.path(), &["log", "audit"]));
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[0].contains("Alice  session  participant  (empty) → Bob (Dev lead)"));
    assert!(lines[1].ends_with("(empty) → Carol"));
}

#[test]
fn finalize_verify_tamper_reopen_and_log_json() {
    let dir = tempfile::tempdir().expect("tmp");
    new_session(dir.path());
    let file = dir.path().join("audit.ron");

    let not_final = failed(&assess(dir.path(), &["verify", "audit"]));
    assert!(not_final.contains("not signed off"), "{not_final}");

    let signed = ok(&assess(dir.path(), &["--as", "Dana", "finalize", "audit"]));
    assert!(signed.contains("signed off as final by Dana"), "{signed}");
    let matched = ok(&assess(dir.path(), &["verify", "audit"]));
    assert!(matched.contains("content intact"), "{matched}");
    let summary = ok(&assess(dir.path(), &["summary", "audit"]));
    assert!(summary.contains("FINAL: signed off by Dana"), "{summary}");
    let again = failed(&assess(dir.path(), &["finalize", "audit"]));
    assert!(again.contains("signed off as final by Dana"), "{again}");

    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace("Dev lead", "Ops")).expect("tamper");
    let mismatch = failed(&assess(dir.path(), &["verify", "audit"]));
    assert!(mismatch.contains("MISMATCH"), "{mismatch}");

    failed(&assess(dir.path(), &["reopen", "audit", "--reason", " "]));
    ok(&assess(
        dir.path(),
        &["reopen", "audit", "--reason", "role corrected"],
    ));
    failed(&assess(dir.path(), &["verify", "audit"]));

    let json = ok(&assess(dir.path(), &["log", "audit", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let fields: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["field"].as_str().expect("field"))
        .collect();
    assert_eq!(
        fields,
        [
            "participant",
            "participant",
            "assessors",
            "sign-off",
            "reopen",
            "assessors"
        ]
    );
    let reopen = &rows[4];
    assert_eq!(reopen["by"], "tester");
    assert_eq!(reopen["new"], "role corrected");
    for key in ["at", "by", "target", "field", "old", "new"] {
        assert!(reopen.get(key).is_some(), "{key} is always present");
    }
}
