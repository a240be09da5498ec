//! Nothing is written where it must not be, even in a sessions folder prepared by an attacker:
//! `report -o` refuses session files and non-regular targets, planted symbolic links are never
//! written through, parallel `new` never share a file, long titles keep file names within the
//! limit, and a save that could not be read back is refused.
#![cfg(unix)]

mod support;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use assess::session::{
    self, Status, acquire_lock, backup_path, load_session, lock_path, save_session,
};
use support::Home;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// A session made by the real binary, saved twice (so it has a backup); returns its path.
fn new_session(home: &Home, title: &str) -> PathBuf {
    let out = home.run(&["new", "--title", title, "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let session = load_session(&path).expect("load");
    save_session(&path, &session).expect("second save makes the backup");
    path
}

fn first_requirement(session: &session::Session) -> String {
    let model = session::model_for(session).expect("model");
    model.index.requirements[0].id.clone()
}

#[test]
fn report_output_refuses_session_files_and_anything_not_a_regular_file() {
    let home = Home::new();
    let path = new_session(&home, "Audit");
    let other = new_session(&home, "Other");
    let session_bytes = std::fs::read(&path).expect("read");
    std::fs::write(path.with_file_name("audit.ron.lock"), "x").expect("lock file");
    let copied = home.path().join("copied-session.txt");
    std::fs::copy(&other, &copied).expect("copy");
    let link = home.path().join("link.html");
    symlink(home.path().join("elsewhere.html"), &link).expect("symlink");
    let spec = path.display().to_string();
    let refused = [
        path.clone(),
        backup_path(&path),
        path.with_file_name("audit.ron.lock"),
        path.with_file_name("audit.ron.recovered"),
        other.clone(),
        copied.clone(),
        link.clone(),
        home.sessions(),
        PathBuf::from("/dev/null"),
    ];
    for target in &refused {
        let out = home.run(&["report", &spec, "-o", &target.display().to_string()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{} was accepted", target.display());
        assert!(err.contains("the report was not written"), "{err}");
    }
    // The same refusal in the reader's language.
    let target = PathBuf::from("/dev/null").display().to_string();
    let out = home.run(&[
        "report", &spec, "-o", &target, "--lang", "zh", "--format", "md",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/dev/null：它已存在且不是普通文件"), "{err}");
    assert!(
        err.contains("报告未写入") && !err.contains("not written"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), session_bytes);
    assert!(load_session(&backup_path(&path)).is_ok());
    assert!(load_session(&other).is_ok());
    assert!(load_session(&copied).is_ok());
    assert!(
        !home.path().join("elsewhere.html").exists(),
        "no write through the link"
    );
    let out = home.run(&["report", &spec, "--format", "md", "-o", "-"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Audit"));
    let fine = home.path().join("r.html");
    assert!(
        home.run(&["report", &spec, "-o", &fine.display().to_string()])
            .status
            .success()
    );
    assert_eq!(mode(&fine), 0o600);
}

#[test]
fn planted_lock_and_temp_links_are_never_written_through() {
    let home = Home::new();
    let path = new_session(&home, "Audit");
    let dir = path.parent().expect("dir").to_path_buf();
    let victim = home.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    symlink(&victim, lock_path(&path)).expect("lock link");
    // Links under every name the old scheme would have used, for a range of pids.
    for pid in 1..200u32 {
        let _ = symlink(&victim, dir.join(format!(".audit.ron.{pid}.tmp")));
    }
    symlink(&victim, dir.join("audit.ron.bak.tmp")).expect("staging link");
    let out = home.run(&["finalize", &path.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );

    std::fs::remove_file(lock_path(&path)).expect("remove the planted lock");
    let out = home.run(&["finalize", &path.display().to_string()]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    let meta = std::fs::symlink_metadata(&path).expect("session");
    assert!(
        meta.file_type().is_file(),
        "the session is still a plain file"
    );
    assert_eq!(mode(&path), 0o600);
    assert!(load_session(&path).expect("load").is_final());
}

#[test]
fn a_symlinked_session_is_saved_to_its_real_file_with_backup_and_lock_beside_it() {
    let home = Home::new();
    let real = new_session(&home, "Real");
    std::fs::create_dir_all(home.path().join("elsewhere")).expect("dir");
    let link = home.path().join("elsewhere/alias.ron");
    symlink(&real, &link).expect("link");
    let mut session = load_session(&link).expect("load through the link");
    let requirement = first_requirement(&session);
    let lock = acquire_lock(&link).expect("lock");
    assert_eq!(lock.path(), lock_path(&real), "one lock for both names");
    session
        .set_status(&requirement, Status::Met, "tester")
        .expect("edit");
    save_session(&link, &session).expect("save through the link");
    drop(lock);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(std::fs::symlink_metadata(real.with_file_name("real.ron.bak")).is_ok());
    assert!(!home.path().join("elsewhere/alias.ron.bak").exists());
    assert_eq!(load_session(&real).expect("real"), session);
}

#[test]
fn new_makes_a_private_folder_and_parallel_news_never_share_a_file() {
    let home = Home::new();
    let spawned: Vec<_> = (0..12)
        .map(|_| {
            std::process::Command::new(support::binary())
                .args(["new", "--title", "Race", "--no-open"])
                .envs(home.env())
                .current_dir(home.path())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut paths: Vec<String> = spawned
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("wait");
            assert!(out.status.success(), "{out:?}");
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        })
        .collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), 12, "each `new` reported its own file");
    let races = home
        .session_files()
        .into_iter()
        .filter(|p| p.display().to_string().contains("race"))
        .count();
    assert_eq!(races, 12);
    assert_eq!(mode(&home.sessions()), 0o700);
}

#[test]
fn long_titles_keep_every_derived_name_within_the_limit() {
    let home = Home::new();
    let title = "𝔸".repeat(60);
    let path = new_session(&home, &title);
    let name_len = path.file_name().expect("name").len();
    assert!(name_len <= 130, "{name_len} bytes");
    let spec = path.display().to_string();
    let report = home.run(&["report", &spec, "--redact"]);
    assert!(report.status.success(), "{report:?}");
    let restore = home.run(&["doctor", &spec, "--restore-backup"]);
    assert!(restore.status.success(), "{restore:?}");
    let damaged: Vec<_> = std::fs::read_dir(home.sessions())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(damaged.len(), 1);
    assert_eq!(mode(&damaged[0].path()), 0o600, ".damaged-* is private");
}

#[test]
fn a_save_that_could_not_be_read_back_is_refused_and_nothing_changes() {
    let home = Home::new();
    let path = new_session(&home, "Big");
    let before = std::fs::read(&path).expect("read");
    let mut session = load_session(&path).expect("load");
    let requirement = &first_requirement(&session);
    let note = "x".repeat(33 * 1024 * 1024);
    session
        .set_note(requirement, &note, "tester")
        .expect("edit");
    let err = save_session(&path, &session).expect_err("too large to read back");
    let message = err.to_string();
    assert!(message.contains("so it was not saved"), "{message}");
    assert!(message.contains("kept in memory"), "{message}");
    assert!(
        message.contains("33554432 bytes"),
        "the limit, exactly: {message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}
