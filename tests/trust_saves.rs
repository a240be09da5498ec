//! Changes nobody sees: a workbench re-checks its file and its lock before each save and never
//! overwrites what someone else wrote (the edits go to a side file and it says so); a backup
//! opens read-only; SIGTERM with saves failing writes a recovery file somewhere that exists,
//! says where and exits non-zero.
#![cfg(unix)]

mod support;
mod workbench;

use std::path::PathBuf;

use assess::session::{
    self, Access, SessionError, acquire_lock, backup_path, load_session, lock_path, save_session,
    writer_access,
};
use assess::tui::app::{App, SaveState};
use support::{Home, Pty};

fn new_session(home: &Home, title: &str) -> PathBuf {
    let out = home.run(&["new", "--title", title, "--parts", "cd", "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

fn failed(app: &App) -> String {
    match &app.work.as_ref().expect("work").save {
        SaveState::Failed(e) => e.clone(),
        other => panic!("expected a failed save, got {other:?}"),
    }
}

#[test]
fn a_finalize_behind_the_workbench_is_never_overwritten() {
    let home = Home::new();
    let path = new_session(&home, "Behind");
    let mut app = App::open(&home.sessions(), &path).expect("open");
    app.press("y");
    assert_eq!(app.work.as_ref().expect("work").save, SaveState::Saved);

    std::fs::remove_file(lock_path(&path)).expect("the lock is removed by hand");
    let out = home.run(&["finalize", &path.display().to_string()]);
    assert!(out.status.success(), "{out:?}");
    app.press("y");
    let error = failed(&app);
    assert!(error.contains("not written over"), "{error}");
    let on_disk = load_session(&path).expect("load");
    assert!(on_disk.is_final(), "the sign-off is still there");
    let side = app
        .work
        .as_ref()
        .and_then(|w| w.guard.side_file())
        .expect("a side file")
        .to_path_buf();
    assert!(error.contains(&side.display().to_string()), "{error}");
    let kept = load_session(&side).expect("the edits are in the side file");
    assert_eq!(kept.answers.len(), 2, "both answers kept");
}

#[test]
fn a_folder_recreated_with_other_content_is_a_conflict_and_with_the_same_bytes_is_not() {
    let home = Home::new();
    let path = new_session(&home, "Folder");
    let mut app = App::open(&home.sessions(), &path).expect("open");
    app.press("y");
    let ours = std::fs::read(&path).expect("read");

    // Deleted and restored byte for byte (a remounted share): nothing is lost by saving.
    std::fs::remove_dir_all(home.sessions()).expect("rm");
    std::fs::create_dir_all(home.sessions()).expect("mkdir");
    std::fs::write(&path, &ours).expect("restore");
    app.press("y");
    assert_eq!(app.work.as_ref().expect("work").save, SaveState::Saved);

    // Re-created holding someone else's version: not overwritten.
    let mut theirs = load_session(&path).expect("load");
    theirs.title = "Theirs".into();
    std::fs::remove_dir_all(home.sessions()).expect("rm");
    std::fs::create_dir_all(home.sessions()).expect("mkdir");
    save_session(&path, &theirs).expect("their save");
    app.press("y");
    assert!(failed(&app).contains("changed by another program"));
    assert_eq!(load_session(&path).expect("load").title, "Theirs");
}

#[test]
fn a_backup_opens_read_only_and_a_lost_lock_held_by_another_is_a_conflict() {
    let home = Home::new();
    let path = new_session(&home, "Bak");
    let session = load_session(&path).expect("load");
    save_session(&path, &session).expect("makes the backup");
    let backup = backup_path(&path);
    assert!(matches!(
        writer_access(&backup).expect("access"),
        Access::ReadOnly { .. }
    ));
    let mut app = App::open(&home.sessions(), &backup).expect("open the backup");
    let work = app.work.as_ref().expect("work");
    assert!(work.read_only.is_some(), "a backup is read-only");
    let before = std::fs::read(&backup).expect("read");
    app.press("y");
    assert_eq!(std::fs::read(&backup).expect("read"), before);

    let mut guard = session::SaveGuard::watch(&path);
    let mut lock = Some(acquire_lock(&path).expect("lock"));
    std::fs::remove_file(lock_path(&path)).expect("removed by hand");
    let other = acquire_lock(&path).expect("someone else locks it");
    let err = guard
        .save(&path, &session, &mut lock)
        .expect_err("not ours any more");
    assert!(matches!(err, SessionError::Conflict { .. }), "{err}");
    // Told in the reader's language, who holds the lock included.
    let zh = assess::lang::Lang::Zh.session_error(&err).expect("told");
    assert!(
        zh.contains("未覆盖写入，因为它的锁文件被删除，现在由"),
        "{zh}"
    );
    assert!(zh.contains("持有") && !zh.contains("process"), "{zh}");
    drop(other);
}

#[test]
fn sigterm_while_saves_fail_writes_a_recovery_file_says_where_and_fails() {
    let home = Home::new();
    let _path = new_session(&home, "Term");
    let mut pty = Pty::spawn(&home, &["open", "term"], 160, 48);
    pty.wait_for(" saved ");
    std::fs::remove_dir_all(home.sessions()).expect("the folder vanishes");
    pty.send("y");
    pty.wait_for("NOT SAVED");
    pty.signal(15);
    let status = pty.wait_exit();
    assert!(!status.success(), "exits non-zero");
    let recovered = home.path().join("data/assess/recovered/term.ron.recovered");
    let session = load_session(&recovered).expect("the recovery file");
    assert_eq!(session.answers.len(), 1, "with the unsaved answer");
}

/// A failed save is told in the language the workbench shows, the system's reason included.
#[test]
fn a_failed_save_is_told_in_the_language_shown() {
    let home = Home::new();
    let path = new_session(&home, "Offline");
    let mut app = App::open(&home.sessions(), &path).expect("open");
    app.press("L");
    std::fs::remove_dir_all(home.sessions()).expect("the directory vanishes");
    app.press("y");
    let error = failed(&app);
    assert!(error.contains("offline.ron：无法"), "{error}");
    assert!(error.contains("没有这个文件或目录"), "{error}");
    assert!(
        !error.contains("cannot") && !error.contains("os error"),
        "{error}"
    );
}
