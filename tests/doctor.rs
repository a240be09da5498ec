//! `assess doctor`: the health report and its exit code, and `--restore-backup`, which never
//! loses a byte (the replaced file is kept as NAME.ron.damaged-<time>).

mod fixtures;

use std::path::{Path, PathBuf};
use std::process::Output;

use assess::session::{
    Evidence, EvidenceType, RestoreError, acquire_lock, backup_path, hash_file, load_session,
    restore_backup, save_session,
};
use fixtures::{assess_cmd, saved_sample, snapshot};

fn doctor(home: &Path, args: &[&str]) -> (Output, String) {
    let out = assess_cmd(home)
        .arg("doctor")
        .args(args)
        .output()
        .expect("run assess doctor");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{text}");
    (out, text)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn damaged_copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect()
}

#[test]
fn a_healthy_session_passes() {
    let (dir, path, _) = saved_sample("audit");
    let before = snapshot(dir.path());
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("the session file parses"), "{text}");
    assert!(text.contains("backup"), "{text}");
    assert!(text.contains("No problems"), "{text}");
    assert_eq!(
        snapshot(dir.path()),
        before,
        "doctor without a flag writes nothing"
    );
}

#[test]
fn a_damaged_session_fails_and_restore_keeps_every_byte() {
    let (dir, path, session) = saved_sample("audit");
    let backup = std::fs::read(backup_path(&path)).expect("backup");
    let damaged = b"Session(\n    format: 1,\n    title: \"half a fi".to_vec();
    std::fs::write(&path, &damaged).expect("damage");
    let before = snapshot(dir.path());

    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("PROBLEM"), "{text}");
    assert!(text.contains("audit.ron:3:"), "names the place: {text}");
    assert!(text.contains("--restore-backup"), "offers the fix: {text}");
    assert_eq!(snapshot(dir.path()), before);

    let (out, text) = doctor(dir.path(), &[s(&path), "--restore-backup"]);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Restored"), "{text}");
    assert_eq!(std::fs::read(&path).expect("restored"), backup);
    assert_eq!(
        std::fs::read(backup_path(&path)).expect("bak"),
        backup,
        "the backup stays"
    );
    let kept = damaged_copies(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(&kept[0]).expect("kept"),
        damaged,
        "damaged bytes kept"
    );
    assert!(text.contains(kept[0].file_name().and_then(|n| n.to_str()).expect("name")));
    assert_eq!(load_session(&path).expect("loads"), session);
    #[cfg(unix)]
    {
        assert_eq!(fixtures::mode(&path), 0o600);
        assert_eq!(fixtures::mode(&kept[0]), 0o600);
    }
}

#[test]
fn restoring_twice_keeps_both_replaced_files() {
    let (dir, path, _) = saved_sample("audit");
    std::fs::write(&path, b"one").expect("damage");
    restore_backup(&path).expect("restore 1");
    std::fs::write(&path, b"two").expect("damage");
    restore_backup(&path).expect("restore 2");
    let mut kept: Vec<Vec<u8>> = damaged_copies(dir.path())
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    kept.sort();
    assert_eq!(kept, vec![b"one".to_vec(), b"two".to_vec()]);
}

#[test]
fn a_missing_session_file_is_restored_from_its_backup() {
    let (dir, path, session) = saved_sample("audit");
    std::fs::remove_file(&path).expect("remove");
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let (out, text) = doctor(dir.path(), &[s(&path), "--restore-backup"]);
    assert!(out.status.success(), "{text}");
    assert_eq!(load_session(&path).expect("loads"), session);
}

#[test]
fn a_damaged_backup_is_a_problem_and_is_never_restored() {
    let (dir, path, _) = saved_sample("audit");
    std::fs::write(backup_path(&path), b"garbage").expect("damage backup");
    let before = snapshot(dir.path());
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("the backup is not usable"), "{text}");
    assert!(matches!(
        restore_backup(&path),
        Err(RestoreError::BadBackup(_))
    ));
    let (out, _) = doctor(dir.path(), &[s(&path), "--restore-backup"]);
    assert!(!out.status.success());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn restore_is_refused_while_someone_writes_the_session() {
    let (dir, path, _) = saved_sample("audit");
    let _held = acquire_lock(&path).expect("lock");
    let before = snapshot(dir.path());
    assert!(matches!(
        restore_backup(&path),
        Err(RestoreError::Locked(_))
    ));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn evidence_that_vanished_or_changed_is_a_problem() {
    let (dir, path, mut session) = saved_sample("audit");
    let policy = dir.path().join("policy.txt");
    std::fs::write(&policy, "version 1").expect("evidence");
    let hash = hash_file(&policy).expect("hash");
    session
        .add_evidence(
            Evidence {
                title: "Policy".into(),
                kind: EvidenceType::Document,
                location: "policy.txt".into(), // relative: found beside the session
                sha256: Some(hash),
                ..Evidence::default()
            },
            fixtures::WHO,
        )
        .expect("edit");
    save_session(&path, &session).expect("save");
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("1 evidence file is present and unchanged"),
        "{text}"
    );

    std::fs::write(&policy, "version 2").expect("change");
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("has changed since it was attached"), "{text}");

    std::fs::remove_file(&policy).expect("remove");
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("(policy.txt): the file is missing"), "{text}");
}

#[test]
fn orphaned_answers_and_a_changed_model_are_warnings_listing_the_ids() {
    let (dir, path, mut session) = saved_sample("audit");
    session.model.hash = "sha256:older".into();
    session
        .set_status("cd.retired.requirement", assess::session::Status::Met, "x")
        .expect("answer");
    save_session(&path, &session).expect("save");
    let (out, text) = doctor(dir.path(), &[s(&path)]);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("has changed since the session was saved"),
        "{text}"
    );
    assert!(text.contains("cd.retired.requirement"), "{text}");
}
