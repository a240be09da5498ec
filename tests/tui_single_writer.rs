//! One writer per session, in the real workbench: a second `assess open` on a session that
//! is open elsewhere names who holds it and offers read-only viewing, where nothing can be
//! changed or saved; a holder killed with SIGKILL does not block the next one.

mod support;

use assess::session::{load_session, lock_holder, lock_path};
use support::{Home, Pty, popup_text};

/// The text of the yes/no popup, if one is open.
fn question(screen: &str) -> String {
    popup_text(screen, "Are you sure?").unwrap_or_default()
}

fn new_session(home: &Home) -> std::path::PathBuf {
    let out = home.run(&["new", "--title", "Shared", "--parts", "cd", "--no-open"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[test]
fn a_second_instance_is_refused_with_the_holder_and_can_only_view() {
    let home = Home::new();
    let file = new_session(&home);
    let mut first = Pty::spawn(&home, &["open", "shared"], 160, 48);
    first.wait_for(" saved ");
    let holder = lock_holder(&file).expect("the first instance holds the lock");
    assert_eq!(holder.pid, Some(first.pid()));

    let mut second = Pty::spawn(&home, &["open", "shared"], 160, 48);
    let asked = second.wait_until("the read-only question", |s| {
        question(s).contains("View it read-only?")
    });
    let text = question(&asked);
    assert!(text.contains(&format!("process {}", first.pid())), "{text}");
    assert!(text.contains(&holder.host), "{text}");
    assert!(text.contains(&holder.since), "{text}");

    second.send("y");
    second.wait_for("READ-ONLY");
    let before = std::fs::read(&file).expect("read");
    second.send("y");
    second.wait_for("read-only: process");
    second.send("o");
    second.wait_for("read-only: process");
    assert!(
        !second.screen().contains("Note ·"),
        "no note editor in read-only"
    );
    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "read-only wrote nothing"
    );
    assert_eq!(lock_holder(&file).and_then(|h| h.pid), Some(first.pid()));

    // The writer is unaffected.
    first.send("y");
    first.wait_for("1/");
    first.send("q");
    assert!(first.wait_exit().success());
    assert_eq!(load_session(&file).expect("load").answers.len(), 1);
    assert!(!lock_path(&file).exists(), "quitting releases the lock");
}

#[test]
fn declining_read_only_leaves_the_session_alone() {
    let home = Home::new();
    let file = new_session(&home);
    let first = Pty::spawn(&home, &["open", "shared"], 160, 48);
    first.wait_for(" saved ");
    let mut second = Pty::spawn(&home, &["open", "shared"], 160, 48);
    second.wait_until("the read-only question", |s| {
        question(s).contains("View it read-only?")
    });
    second.send("n");
    second.wait_until("the session list", |s| {
        !question(s).contains("View it read-only?")
    });
    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(lock_holder(&file).and_then(|h| h.pid), Some(first.pid()));
}

#[test]
fn a_killed_holder_never_blocks_the_next_one() {
    let home = Home::new();
    let file = new_session(&home);
    let mut first = Pty::spawn(&home, &["open", "shared"], 160, 48);
    first.wait_for(" saved ");
    first.signal(9);
    first.wait_exit();
    assert!(
        lock_path(&file).exists(),
        "the killed holder left its lock file"
    );
    let mut second = Pty::spawn(&home, &["open", "shared"], 160, 48);
    second.wait_for(" saved ");
    second.send("y");
    second.wait_for("1/");
    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(load_session(&file).expect("load").answers.len(), 1);
}

#[test]
fn a_second_open_without_a_terminal_names_the_holder_before_touching_the_terminal() {
    let home = Home::new();
    let file = new_session(&home);
    let first = Pty::spawn(&home, &["open", "shared"], 100, 30);
    first.wait_for(" saved ");
    let holder = lock_holder(&file).expect("the first instance holds the lock");
    // No terminal: stdin is empty and stdout a pipe, as in a script or over a bare ssh.
    let out = home.run(&["open", "shared"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is already open for writing by"), "{said}");
    assert!(said.contains(&format!("process {}", first.pid())), "{said}");
    assert!(said.contains(&holder.host), "{said}");
    assert!(said.contains(&holder.since), "{said}");
    assert!(!said.contains("cannot set up the terminal"), "{said}");
    assert!(out.stdout.is_empty(), "nothing was drawn");
}
