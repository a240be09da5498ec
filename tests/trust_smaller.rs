//! The smaller trust repairs: nothing in scope is said (no panic, no answers out of scope),
//! unreadable is not "damaged", a closed stderr is no crash, clear refusals.
#![cfg(unix)]

mod support;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assess::review::Filter;
use assess::session::{load_session, save_session};
use assess::tui::app::App;
use support::Home;

fn new_session(home: &Home, title: &str) -> PathBuf {
    let out = home.run(&["new", "--title", title, "--parts", "cd", "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[test]
fn nothing_in_scope_is_said_and_refuses_answers() {
    let home = Home::new();
    let path = new_session(&home, "Scope");
    let mut session = load_session(&path).expect("load");
    session.parts = vec!["retired-part".into()];
    save_session(&path, &session).expect("save");
    let mut app = App::open(&home.sessions(), &path).expect("open");
    app.work.as_mut().expect("work").filter = Some(Filter::Unanswered);
    app.press("j j k y n");
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("nothing in scope"),
        "{:?}",
        app.message
    );
    app.press("q");
    assert!(load_session(&path).expect("load").answers.is_empty());
}

#[test]
fn cli_messages_are_plain_and_a_closed_stderr_is_no_crash() {
    let home = Home::new();
    let path = new_session(&home, "Plain");
    let spec = path.display().to_string();
    let out = home.run(&["doctor", &spec]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 answers, 0 evidence entries"), "{text}");

    let out = home.run(&["model", "synth", "--requirements", "20", "-o", "synth"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 120"));

    let _lock = assess::session::acquire_lock(&path).expect("held");
    let out = home.run(&["finalize", &spec]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!err.contains("read-only"), "{err}");
    assert!(err.contains("Close it there, then run this again"), "{err}");

    // stderr open for reading only: every write to it fails.
    let closed = std::fs::File::open("/dev/null").expect("/dev/null");
    let status = Command::new(support::binary())
        .args(["summary", "no-such-session"])
        .envs(home.env())
        .stdout(Stdio::null())
        .stderr(Stdio::from(closed))
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(1), "an error exit, not a panic");
}

#[test]
fn an_unreadable_session_is_not_called_damaged() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let path = new_session(&home, "Locked away");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: this user reads files whatever their mode (root)");
        return;
    }
    let out = home.run(&["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("UNREADABLE"), "{text}");
    assert!(!text.contains("DAMAGED"), "{text}");
}
