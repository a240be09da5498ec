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
