//! The real binary in a pseudo-terminal: start a session on a fresh machine, answer, leave
//! (quit, kill -9, SIGTERM), check the file from the outside, reopen and carry on.

mod support;

use assess::session::{Status, load_session};
use support::{Home, Pty};

/// The answered count in the status line (`… 4/311 answered · EN`).
fn answered(screen: &str) -> Option<usize> {
    screen.lines().find_map(|line| {
        let before = line
            .split(" answered · ")
            .next()
            .filter(|_| line.contains(" answered · "))?;
        let pair = before.rsplit(' ').next()?;
        pair.split('/').next()?.parse().ok()
    })
}

fn wait_answered(pty: &Pty, n: usize) -> String {
    pty.wait_until(&format!("{n} answered"), |s| answered(s) == Some(n))
}

/// Starts on a fresh machine: the new-session form, Enter, the first requirement.
fn start(home: &Home) -> Pty {
    let mut pty = Pty::spawn(home, &[], 120, 36);
    pty.wait_for("New assessment");
    pty.send("\r");
    wait_answered(&pty, 0);
    pty
}

fn summary_answered(home: &Home, file: &std::path::Path) -> u64 {
    let out = home.run(&["summary", "--json", &file.display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    json["answered"].as_u64().expect("answered")
}

/// Reopens the session, answers Met once, quits; returns the requirement it landed on.
fn reopen_and_answer(home: &Home, file: &std::path::Path, before: usize) -> String {
    let cursor = load_session(file).expect("load").cursor.requirement;
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    let mut pty = Pty::spawn(home, &["open", &stem], 120, 36);
    wait_answered(&pty, before);
    pty.send("y");
    wait_answered(&pty, before + 1);
    pty.send("q");
    assert!(pty.wait_exit().success());
    let session = load_session(file).expect("load");
    assert_eq!(
        session.status(&cursor),
        Some(Status::Met),
        "landed on {cursor}"
    );
    cursor
}

#[test]
fn new_answer_quit_summary_and_resume_where_it_stopped() {
    let home = Home::new();
    let mut pty = start(&home);
    for (i, key) in ["y", "y", "n", "p"].iter().enumerate() {
        pty.send(key);
        wait_answered(&pty, i + 1);
    }
    pty.send("q");
    assert!(pty.wait_exit().success());
    let files = home.session_files();
    assert_eq!(files.len(), 1, "one session file");
    assert_eq!(summary_answered(&home, &files[0]), 4);
    let session = load_session(&files[0]).expect("load");
    let statuses: Vec<Status> = session.answers.values().filter_map(|a| a.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == Status::Met).count(), 2);
    assert!(statuses.contains(&Status::NotMet) && statuses.contains(&Status::Partial));
    reopen_and_answer(&home, &files[0], 4);
    assert_eq!(summary_answered(&home, &files[0]), 5);
}

#[test]
fn kill_9_loses_nothing_that_was_acknowledged() {
    let home = Home::new();
    let pty = {
        let mut pty = start(&home);
        for (i, key) in ["y", "n", "y"].iter().enumerate() {
            pty.send(key);
            wait_answered(&pty, i + 1);
        }
        pty
    };
    let mut pty = pty;
    pty.signal(9);
    pty.wait_exit();
    let files = home.session_files();
    assert_eq!(summary_answered(&home, &files[0]), 3);
    reopen_and_answer(&home, &files[0], 3);
}

#[test]
fn sigterm_saves_the_note_draft_and_restores_the_terminal() {
    let home = Home::new();
    let mut pty = start(&home);
    pty.send("o");
    pty.wait_for("Note ·");
    pty.send("seen in the demo");
    pty.wait_for("seen in the demo");
    pty.signal(15);
    pty.wait_exit();
    let after = pty.screen();
    assert!(
        !after.contains("Note ·") && !after.contains("answered"),
        "left the alternate screen:\n{after}"
    );
    let files = home.session_files();
    let session = load_session(&files[0]).expect("load");
    let note = &session.answers[&session.cursor.requirement].note;
    assert_eq!(note, "seen in the demo");
}

#[test]
fn closing_the_terminal_saves_where_the_cursor_was() {
    let home = Home::new();
    let mut pty = start(&home);
    let files = home.session_files();
    let before = load_session(&files[0]).expect("load").cursor.requirement;
    // Moving is saved lazily; SIGHUP (the terminal closing) must still write it.
    pty.send("jjj");
    pty.send("?");
    pty.wait_for("Keys · Assessment");
    pty.signal(1);
    pty.wait_exit();
    let session = load_session(&files[0]).expect("load");
    let model = assess::model::load_embedded("caict-devops").expect("model");
    let scope: Vec<usize> = session.requirements_in_scope(&model).collect();
    assert_eq!(model.index.requirements[scope[0]].id, before);
    assert_eq!(
        session.cursor.requirement, model.index.requirements[scope[3]].id,
        "three steps on, saved"
    );
}

/// A window closed for real: the terminal hangs up and reads from it fail from then on. The
/// workbench must notice, save and exit — not spin on the dead terminal (crossterm's reader
/// retries a hung-up terminal forever, so the loop must never wait on it alone).
#[test]
fn a_terminal_that_hangs_up_makes_the_workbench_save_and_exit() {
    let home = Home::new();
    let mut pty = start(&home);
    let files = home.session_files();
    pty.send("jj");
    pty.send("?");
    pty.wait_for("Keys · Assessment");
    pty.hang_up("\x1b");
    pty.wait_exit();
    let session = load_session(&files[0]).expect("load");
    let model = assess::model::load_embedded("caict-devops").expect("model");
    let scope: Vec<usize> = session.requirements_in_scope(&model).collect();
    assert_eq!(
        session.cursor.requirement, model.index.requirements[scope[2]].id,
        "the position when the terminal closed is saved"
    );
}

#[test]
fn assess_new_opens_the_workbench_on_the_new_session() {
    let home = Home::new();
    let mut pty = Pty::spawn(
        &home,
        &["new", "--title", "Pty new", "--parts", "cd"],
        100,
        30,
    );
    wait_answered(&pty, 0);
    pty.wait_for("Continuous Delivery");
    pty.send("y");
    wait_answered(&pty, 1);
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert_eq!(
        home.session_files(),
        vec![home.sessions().join("pty-new.ron")]
    );
}

#[test]
fn a_bracketed_paste_in_the_justification_prompt_answers_nothing_else() {
    let home = Home::new();
    let mut pty = start(&home);
    pty.send("x");
    pty.wait_for("Not applicable: why?");
    // What a terminal sends for a pasted two-line block.
    pty.send("\x1b[200~vendor runs it\ryyy\x1b[201~");
    pty.wait_for("vendor runs it yyy");
    pty.send("\r");
    wait_answered(&pty, 1);
    pty.send("q");
    assert!(pty.wait_exit().success());
    let files = home.session_files();
    let session = load_session(&files[0]).expect("load");
    assert_eq!(
        session.answers.len(),
        1,
        "the pasted letters answered nothing"
    );
    let answer = session.answers.values().next().expect("answer");
    assert_eq!(answer.status, Some(Status::NotApplicable));
    assert_eq!(answer.justification.as_deref(), Some("vendor runs it yyy"));
}

/// An idle workbench draws nothing: it redraws after input or a save by its timer, never in a
/// loop, so nothing reaches the terminal while nobody types.
#[test]
fn an_idle_workbench_writes_nothing_to_the_terminal() {
    let home = Home::new();
    let mut pty = start(&home);
    pty.send("y");
    wait_answered(&pty, 1);
    // Past the cursor save (one second after a move) and its redraw of the status line.
    std::thread::sleep(std::time::Duration::from_millis(1_500));
    let before = pty.bytes_received();
    // Several of the event loop's quarter-second wake-ups.
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    assert_eq!(
        pty.bytes_received(),
        before,
        "the idle workbench wrote to the terminal"
    );
    pty.send("y");
    wait_answered(&pty, 2);
    assert!(pty.bytes_received() > before, "a key is drawn at once");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
