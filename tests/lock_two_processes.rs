//! One writer per session, across real processes: a second process is refused with the
//! holder's pid, host and time, and a holder killed with SIGKILL never blocks anyone.
//!
//! The holder is this same test binary re-run with `HOLD_LOCK_AT` set: it takes the lock,
//! says so on stdout, and waits until it is killed.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use assess::session::{LockError, acquire_lock, acquire_or_read_only, lock_holder, lock_path};

const HOLD_ENV: &str = "HOLD_LOCK_AT";

/// Not a test when run normally: the body of the child process when `HOLD_LOCK_AT` is set.
#[test]
fn child_holds_the_lock_until_killed() {
    let Some(session) = std::env::var_os(HOLD_ENV) else {
        return;
    };
    let _lock = acquire_lock(Path::new(&session)).expect("child takes the lock");
    println!("LOCKED {}", std::process::id());
    loop {
        std::thread::park();
    }
}

fn spawn_holder(session: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "child_holds_the_lock_until_killed",
            "--nocapture",
        ])
        .env(HOLD_ENV, session)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn holder");
    let stdout = child.stdout.take().expect("stdout");
    // Blocks until the child has the lock (or exits, which fails below).
    let line = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("LOCKED "))
        .expect("the child reports that it holds the lock");
    assert_eq!(line, format!("LOCKED {}", child.id()));
    child
}

#[test]
fn a_second_process_is_refused_with_the_holders_details() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("workshop.ron");
    let mut child = spawn_holder(&session);

    let err = acquire_lock(&session).expect_err("the session is held by the child");
    let LockError::Held { holder, .. } = &err else {
        panic!("expected Held, got {err:?}");
    };
    assert_eq!(holder.pid, Some(child.id()));
    assert_eq!(holder.host, assess::session::host_name());
    assert!(holder.since.ends_with('Z'), "since: {}", holder.since);
    let message = err.to_string();
    assert!(message.contains(&child.id().to_string()), "{message}");
    assert!(message.contains("workshop.ron"), "{message}");
    assert!(message.contains("read-only"), "{message}");
    assert!(
        acquire_or_read_only(&session)
            .expect("access")
            .is_read_only()
    );

    child.kill().expect("kill -9 the holder");
    child.wait().expect("reap");
    assert!(
        lock_path(&session).exists(),
        "a killed holder leaves its lock file behind"
    );
    assert!(lock_holder(&session).is_none(), "but no live lock");
    let lock = acquire_lock(&session).expect("a killed holder's lock is taken over");
    drop(lock);
}

#[test]
fn the_lock_file_is_private() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("s.ron");
        let lock = acquire_lock(&session).expect("lock");
        let mode = std::fs::metadata(lock.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
