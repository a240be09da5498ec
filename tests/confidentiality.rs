//! Confidentiality: every file `assess` writes about a session is private to its owner (0600);
//! evidence paths are stored exactly as given and only ever read to hash them; and the program
//! has no network code at all.

mod fixtures;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use assess::session::{
    Evidence, EvidenceType, acquire_lock, backup_path, load_session, restore_backup, save_session,
};
use fixtures::{WHO, assess_cmd, saved_sample};

#[cfg(unix)]
#[test]
fn session_backup_lock_and_recovery_files_are_0600() {
    use fixtures::mode;
    let (dir, path, session) = saved_sample("secret");
    assert_eq!(mode(&path), 0o600, "session");
    assert_eq!(mode(&backup_path(&path)), 0o600, "backup");
    let lock = acquire_lock(&path).expect("lock");
    assert_eq!(mode(lock.path()), 0o600, "lock");
    drop(lock);
    std::fs::write(&path, b"damaged").expect("damage");
    let restored = restore_backup(&path).expect("restore");
    let kept = restored.kept.expect("kept the damaged file");
    assert_eq!(mode(&kept), 0o600, "recovery copy");
    let recovered = assess::session::save_recovery(&path, &session).expect("crash recovery file");
    assert_eq!(mode(&recovered), 0o600, "crash recovery file");
    assert_eq!(mode(&path), 0o600, "restored session");

    // A session file someone made world-readable becomes private again on the next save.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    save_session(&path, &session).expect("save");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(
        mode(&backup_path(&path)),
        0o600,
        "the backup of a 0644 file"
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        // The evidence folder beside the session is the fixture's, not written by assess.
        .filter(|p| p.is_file() && mode(p) != 0o600)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn assess_new_creates_a_private_file() {
    let home = tempfile::tempdir().expect("home");
    let out = assess_cmd(home.path())
        .args(["new", "--title", "Secret audit", "--no-open"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim().to_string());
    assert_eq!(fixtures::mode(&path), 0o600);
}

#[test]
fn evidence_locations_are_stored_exactly_as_given() {
    let (dir, path, mut session) = saved_sample("audit");
    let locations = [
        "../Shared Drive/./Audit 2024/policy (final) v2.pdf",
        "~/not/expanded",
        "$HOME/not/expanded/either",
        "file:///etc/passwd",
        "https://wiki.example/page?id=1&x=2#frag",
        "C:\\Users\\auditor\\evidence.docx",
        "; rm -rf / #",
        "$(touch pwned)",
    ];
    for location in locations {
        session
            .add_evidence(
                Evidence {
                    title: "as given".into(),
                    kind: EvidenceType::Document,
                    location: location.into(),
                    ..Evidence::default()
                },
                WHO,
            )
            .expect("edit");
    }
    save_session(&path, &session).expect("save");
    let back = load_session(&path).expect("load");
    let stored: Vec<&str> = back
        .evidence
        .values()
        .map(|e| e.location.as_str())
        .collect();
    for location in locations {
        assert!(stored.contains(&location), "{location} stored as given");
    }
    assert!(!dir.path().join("pwned").exists());
}

/// Waits for a child with a generous deadline; a child blocked on a FIFO never finishes.
fn finishes(mut child: Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}

/// Evidence that is a FIFO: anything that opened it to read would block forever, so the
/// commands finishing proves they never open evidence (doctor only hashes regular files).
#[cfg(unix)]
#[test]
fn commands_never_open_evidence_files() {
    let (dir, path, mut session) = saved_sample("audit");
    let fifo = dir.path().join("evidence.pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    session
        .add_evidence(
            Evidence {
                title: "a pipe".into(),
                kind: EvidenceType::Document,
                location: fifo.display().to_string(),
                sha256: Some("sha256:00".into()),
                ..Evidence::default()
            },
            WHO,
        )
        .expect("edit");
    save_session(&path, &session).expect("save");
    let spec = path.display().to_string();
    for args in [
        vec!["summary", spec.as_str()],
        vec!["summary", "--json", spec.as_str()],
        vec!["list"],
        vec!["doctor", spec.as_str()],
    ] {
        let child = assess_cmd(dir.path())
            .args(&args)
            .env("ASSESS_SESSIONS_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        assert!(
            finishes(child),
            "`assess {}` opened the evidence",
            args.join(" ")
        );
    }
}

fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn there_is_no_network_code_in_the_program() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_sources(&root.join("src"), &mut files);
    // Spelled in pieces so this test does not find itself if it ever moves under src/.
    let forbidden = [
        ["std::", "net"].concat(),
        ["Tcp", "Stream"].concat(),
        ["Tcp", "Listener"].concat(),
        ["Udp", "Socket"].concat(),
        ["Unix", "Stream"].concat(),
        ["req", "west"].concat(),
        ["hy", "per::"].concat(),
        ["ur", "eq::"].concat(),
    ];
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for word in &forbidden {
            assert!(
                !text.contains(word.as_str()),
                "{} uses {word}",
                file.display()
            );
        }
    }
    // Nor in the dependency tree (mio is crossterm's event poller, without its `net` feature).
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let network_crates = [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "h2",
        "rustls",
        "native-tls",
        "openssl",
        "attohttpc",
        "surf",
        "socket2",
        "tokio",
    ];
    for line in lock.lines() {
        if let Some(name) = line
            .strip_prefix("name = \"")
            .and_then(|l| l.strip_suffix('"'))
        {
            assert!(
                !network_crates.contains(&name),
                "network crate in the tree: {name}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn exports_are_0600() {
    let (dir, path, _) = saved_sample("secret");
    for format in ["md", "html", "csv", "json"] {
        let out_file = dir.path().join(format!("export.{format}"));
        let out = assess_cmd(dir.path())
            .arg("report")
            .arg(&path)
            .arg("-o")
            .arg(&out_file)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(fixtures::mode(&out_file), 0o600, "{format}");
    }
}
