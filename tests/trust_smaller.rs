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
        return again_as_nobody("an_unreadable_session_is_not_called_damaged");
    }
    let out = home.run(&["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("UNREADABLE"), "{text}");
    assert!(!text.contains("DAMAGED"), "{text}");
    // The home screen says the same.
    let app = App::home(&home.sessions());
    let screen = draw(&app);
    assert!(
        screen.contains("UNREADABLE") && !screen.contains("DAMAGED"),
        "{screen}"
    );

    // Evidence in a folder this user may not look into is unreadable, not missing.
    let private = home.path().join("private");
    std::fs::create_dir(&private).expect("mkdir");
    std::fs::write(private.join("notes.md"), "notes").expect("write");
    let print = Some((
        assess::session::hash_file(&private.join("notes.md")).expect("hash"),
        5,
    ));
    let kind = assess::session::EvidenceType::Document;
    let entry = assess::session::evidence_entry("Notes", kind, "private/notes.md", print);
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let register = [("E1".to_string(), entry.expect("entry"))].into();
    let checks = assess::session::register_checks(&register, home.path());
    let check = checks.get("E1");
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(
        matches!(check, Some(assess::session::EvidenceCheck::Unreadable(_))),
        "{check:?}"
    );
}

/// The app drawn at 100×24, as text.
fn draw(app: &App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect::<Vec<String>>()
        .join("\n")
}

/// What cannot be read as root too: a folder or a FIFO where a session file should be is
/// unreadable (the file is there and is no file to read), never damaged or missing.
#[test]
fn a_folder_or_a_fifo_named_as_a_session_is_unreadable() {
    use assess::session::FileState;
    let home = Home::new();
    let folder = home.sessions().join("folder.ron");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let fifo = home.sessions().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    for path in [Some(&folder), made.is_ok().then_some(&fifo)]
        .into_iter()
        .flatten()
    {
        let error = load_session(path).expect_err("no session");
        assert_eq!(error.state(), FileState::Unreadable, "{}", path.display());
        let out = home.run(&["summary", &path.display().to_string()]);
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && !text.contains("damaged"), "{text}");
    }
}

/// A session in a folder this user cannot write opens read-only (it cannot take the lock)
/// instead of failing. Needs a user that file modes stop: skipped, saying so, as root.
#[test]
fn a_session_in_an_unwritable_folder_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let path = new_session(&home, "Shared read-only");
    let mode = |m| std::fs::Permissions::from_mode(m);
    std::fs::set_permissions(home.sessions(), mode(0o500)).expect("chmod");
    let probe = home.sessions().join("probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(home.sessions(), mode(0o700)).expect("chmod back");
        return again_as_nobody("a_session_in_an_unwritable_folder_opens_read_only");
    }
    let app = App::open(&home.sessions(), &path);
    std::fs::set_permissions(home.sessions(), mode(0o700)).expect("chmod back");
    let app = app.expect("opens");
    let work = app.work.as_ref().expect("the session, read-only");
    let holder = work.read_only.as_ref().expect("read-only");
    assert!(holder.to_string().contains("not writable"), "{holder}");
}

/// For a test that needs a user whom file modes stop, run as root (as CI runs): runs the test
/// again as `nobody` through `setpriv` when nobody can reach this test binary and `assess`;
/// else says it was skipped.
fn again_as_nobody(test: &str) {
    use std::os::unix::fs::PermissionsExt;
    if std::env::var_os("ASSESS_TEST_AS_NOBODY").is_some() {
        panic!("{test}: still privileged as nobody");
    }
    let mode = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.permissions().mode());
    let reachable = |p: &std::path::Path| {
        mode(p) & 0o001 != 0 && p.ancestors().skip(1).all(|d| mode(d) & 0o001 != 0)
    };
    let exe = std::env::current_exe().expect("this test");
    if !reachable(&exe) || !reachable(std::path::Path::new(support::binary())) {
        eprintln!(
            "skipped {test}: root reads and writes whatever the modes, and nobody cannot reach the binaries"
        );
        return;
    }
    let status = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&exe)
        .args(["--exact", test, "--quiet"])
        .env("ASSESS_TEST_AS_NOBODY", "1")
        .env("HOME", std::env::temp_dir())
        .output();
    match status {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{test} run as nobody: {text}");
            assert!(text.contains(" 1 passed"), "{test} ran as nobody: {text}");
            eprintln!("{test}: run again as nobody (this is root), and passed");
        }
        Err(e) => eprintln!("skipped {test}: root reads and writes whatever the modes ({e})"),
    }
}
