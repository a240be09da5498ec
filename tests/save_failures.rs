//! Save failures in the core: a full disk (an injected writer that fails part way), a
//! read-only directory and a vanished directory. Each gives a clear error naming the file;
//! nothing half-written is left, and the previous file and its backup are intact.

mod fixtures;

use std::io::{ErrorKind, Write};
use std::path::Path;

use assess::session::{
    SessionError, Status, atomic_write_via, backup_path, load_session, save_session,
    session_to_string,
};
use fixtures::{WHO, model, requirement_ids, saved_sample, snapshot};

/// The sample, edited once more in memory (the edit that fails to save).
fn edited(session: &assess::session::Session) -> assess::session::Session {
    let mut s = session.clone();
    let ids = requirement_ids(&model());
    s.set_status(&ids[5], Status::NotMet, WHO).expect("edit");
    s
}

fn full_disk_after(n: usize) -> impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()> {
    move |file, bytes| {
        file.write_all(&bytes[..n.min(bytes.len())])?;
        Err(std::io::Error::new(
            ErrorKind::StorageFull,
            "No space left on device",
        ))
    }
}

#[test]
fn a_full_disk_leaves_the_file_and_backup_untouched() {
    let (dir, path, session) = saved_sample("audit");
    let next = edited(&session);
    let text = session_to_string(&next);
    for written in [0, 1, text.len() / 2, text.len() - 1, text.len()] {
        let before = snapshot(dir.path());
        let err = atomic_write_via(&path, text.as_bytes(), true, full_disk_after(written))
            .expect_err("the disk is full");
        let SessionError::Io { source, .. } = &err else {
            panic!("expected Io, got {err:?}");
        };
        assert_eq!(source.kind(), ErrorKind::StorageFull);
        let message = format!("{:#}", anyhow::Error::from(err));
        assert!(message.contains("audit.ron"), "{message}");
        assert!(message.contains("No space left"), "{message}");
        assert_eq!(snapshot(dir.path()), before, "after {written} bytes");
    }
    assert_eq!(load_session(&path).expect("old file loads"), session);
    // Space again: the same edit now saves.
    save_session(&path, &next).expect("save after space is freed");
    assert_eq!(load_session(&path).expect("loads"), next);
    assert_eq!(load_session(&backup_path(&path)).expect("backup"), session);
}

/// True when directory permissions stop this process (they do not for root).
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let denied = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(probe);
    denied
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_a_clear_error_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path, session) = saved_sample("audit");
    let before = snapshot(dir.path());
    let set_mode = |mode| {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    set_mode(0o500);
    if !permissions_apply(dir.path()) {
        set_mode(0o700);
        eprintln!("skipped: this process ignores directory permissions (root)");
        return;
    }
    let result = save_session(&path, &edited(&session));
    set_mode(0o700);
    let err = result.expect_err("read-only dir");
    let message = format!("{:#}", anyhow::Error::from(err));
    assert!(message.contains("audit.ron"), "{message}");
    assert!(message.contains("ermission denied"), "{message}");
    assert_eq!(snapshot(dir.path()), before);
}

#[cfg(target_os = "linux")]
#[test]
fn a_directory_nobody_can_write_is_a_clear_error() {
    // /proc refuses new files even to root, so this runs everywhere.
    let path = Path::new("/proc/self/audit.ron");
    let err = save_session(path, &fixtures::sample_session(&model())).expect_err("read-only");
    let err = anyhow::Error::from(err);
    let message = format!("{err:#}");
    assert!(message.contains("/proc/self/audit.ron"), "{message}");
    assert!(
        message.contains("cannot create a temporary file"),
        "{message}"
    );
    // Told in the reader's language, the system's reason included; English as before.
    let zh = assess::lang::Lang::Zh.error_message(&err);
    assert!(
        zh.starts_with("/proc/self/audit.ron：无法创建用于保存的临时文件："),
        "{zh}"
    );
    assert!(!zh.contains("cannot") && !zh.contains("os error"), "{zh}");
    assert_eq!(assess::lang::Lang::En.error_message(&err), message);
}

#[test]
fn a_vanished_directory_is_a_clear_error_and_recreating_it_lets_the_save_through() {
    let (dir, path, session) = saved_sample("audit");
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).expect("mkdir");
    let path_in = sessions.join("audit.ron");
    std::fs::rename(&path, &path_in).expect("move");
    std::fs::remove_dir_all(&sessions).expect("the directory vanishes");

    let next = edited(&session);
    let err = save_session(&path_in, &next).expect_err("no directory");
    let message = format!("{:#}", anyhow::Error::from(err));
    assert!(message.contains("sessions/audit.ron"), "{message}");
    assert!(
        !sessions.exists(),
        "nothing is recreated behind the user's back"
    );

    // The edit is still in memory: once the directory is back, a retry saves it whole.
    std::fs::create_dir(&sessions).expect("mkdir again");
    save_session(&path_in, &next).expect("retry");
    assert_eq!(load_session(&path_in).expect("loads"), next);
}
