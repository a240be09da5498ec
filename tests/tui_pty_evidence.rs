//! The real binary in a pseudo-terminal: attach a real file as evidence, quit, change the
//! file's bytes, reopen and see it flagged as changed on the requirement that cites it and in
//! the status line; then delete it, reopen and see it missing.

mod support;

use assess::session::load_session;
use support::{Home, Pty};

fn open(home: &Home, stem: &str) -> Pty {
    let pty = Pty::spawn(home, &["open", stem], 120, 36);
    pty.wait_for(" answered · ");
    pty
}

#[test]
fn an_attached_file_that_changes_or_goes_is_flagged_when_the_session_is_reopened() {
    let home = Home::new();
    let evidence = home.path().join("release-policy.txt");
    std::fs::write(&evidence, b"release policy, version 1\n").expect("write");

    let mut pty = Pty::spawn(&home, &[], 120, 36);
    pty.wait_for("New assessment");
    pty.send("\r");
    pty.wait_for("0/");
    // e: the register; a: a new entry; title, Tab to kind, Tab to location, Enter.
    pty.send("e");
    pty.wait_for("Evidence register");
    pty.send("a");
    pty.wait_for("New evidence");
    pty.send("Release policy\t\t");
    pty.send(&evidence.display().to_string());
    pty.send("\r");
    pty.wait_for("[x] E1 Release policy");
    pty.send("\x1b");
    pty.wait_until("the register closed", |s| !s.contains("Evidence register"));
    pty.send("q");
    assert!(pty.wait_exit().success());

    let file = home.session_files().pop().expect("a session file");
    let session = load_session(&file).expect("load");
    let e = &session.evidence["E1"];
    assert_eq!(e.size, Some(26), "size recorded when attached");
    assert!(e.sha256.is_some(), "hash recorded when attached");
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();

    std::fs::write(&evidence, b"release policy, version 2\n").expect("change");
    let mut pty = open(&home, &stem);
    let screen = pty.wait_for("E1 changed");
    assert!(
        screen.contains("evidence: 1 changed"),
        "status line:\n{screen}"
    );
    pty.send("q");
    assert!(pty.wait_exit().success());

    std::fs::remove_file(&evidence).expect("delete");
    let mut pty = open(&home, &stem);
    let screen = pty.wait_for("E1 missing");
    assert!(
        screen.contains("evidence: 1 missing"),
        "status line:\n{screen}"
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// The real binary never waits for a hash: attaching a file too large to hash between two keys
/// shows the progress in percent, Esc cancels it and nothing is added; a session whose
/// register holds such a file opens at once, shows its check's progress, and Esc stops it.
#[test]
fn hashing_shows_progress_and_esc_cancels_it_in_the_real_binary() {
    let home = Home::new();
    let huge = home.path().join("demo-recording.mp4");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1 << 34))
        .expect("sparse 16 GiB");

    let mut pty = Pty::spawn(&home, &[], 120, 36);
    pty.wait_for("New assessment");
    pty.send("\r");
    pty.wait_for("0/");
    pty.send("e");
    pty.wait_for("Evidence register");
    pty.send("a");
    pty.wait_for("New evidence");
    pty.send("Demo\t\t");
    pty.send(&huge.display().to_string());
    pty.send("\r");
    pty.wait_for("% — Esc cancels");
    pty.send("\x1b");
    pty.wait_for("hashing cancelled");
    // The form stays open to correct the location; Esc closes it, then the register.
    pty.send("\x1b");
    pty.wait_until("the form closed", |s| !s.contains("New evidence"));
    pty.send("\x1b");
    pty.wait_until("the register closed", |s| !s.contains("Evidence register"));
    pty.send("q");
    assert!(pty.wait_exit().success());
    let file = home.session_files().pop().expect("a session file");
    assert!(load_session(&file).expect("load").evidence.is_empty());

    // Recorded as attached earlier: opening checks it on the other thread.
    let mut session = load_session(&file).expect("load");
    let print = (format!("sha256:{}", "0".repeat(64)), 1 << 34);
    let location = huge.display().to_string();
    let kind = assess::session::EvidenceType::Recording;
    let entry = assess::session::evidence_entry("Demo", kind, &location, Some(print));
    session
        .add_evidence(entry.expect("entry"), "tester")
        .expect("add");
    assess::session::save_session(&file, &session).expect("save");
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    let mut pty = Pty::spawn(&home, &["open", &stem], 120, 36);
    pty.wait_for("evidence: checking ");
    pty.wait_for("% (Esc cancels)");
    pty.send("\x1b");
    pty.wait_for("evidence check cancelled");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
