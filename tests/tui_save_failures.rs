//! Save failures in the real workbench: the status line shows the error with its cause, the
//! edit stays in memory and is retried until it lands, and quitting with unsaved work asks
//! first.

mod support;

use assess::session::load_session;
use support::{Home, Pty, popup_text};

/// The text of the yes/no popup, if one is open.
fn question(screen: &str) -> String {
    popup_text(screen, "Are you sure?").unwrap_or_default()
}

#[test]
fn a_vanished_directory_shows_the_error_keeps_the_edit_and_retries() {
    let home = Home::new();
    let out = home.run(&["new", "--title", "Offline", "--parts", "cd", "--no-open"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let saved = std::fs::read(&file).expect("read");

    let mut pty = Pty::spawn(&home, &["open", "offline"], 160, 48);
    pty.wait_for(" saved ");
    std::fs::remove_dir_all(home.sessions()).expect("the directory vanishes");
    pty.send("y");
    let screen = pty.wait_for("NOT SAVED");
    assert!(screen.contains("offline.ron"), "names the file:\n{screen}");
    assert!(screen.contains("No such file"), "says why:\n{screen}");
    assert!(
        screen.contains("1/"),
        "the edit is kept in memory:\n{screen}"
    );

    // Quitting now would lose the edit: it asks.
    pty.send("q");
    pty.wait_until("the quit question", |s| {
        question(s).contains("Quit and lose the unsaved changes?")
    });
    pty.send("n");
    pty.wait_until("the question to close", |s| {
        !question(s).contains("Quit and lose")
    });

    // The directory comes back (with the old file, as a restored mount would): the retry lands.
    std::fs::create_dir_all(home.sessions()).expect("mkdir");
    std::fs::write(&file, &saved).expect("old file back");
    pty.wait_for(" saved ");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let session = load_session(&file).expect("load");
    assert_eq!(
        session.answers.len(),
        1,
        "the kept edit was saved by the retry"
    );
}
