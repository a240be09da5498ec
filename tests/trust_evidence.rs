//! Evidence on hostile paths: nothing hangs on a FIFO, a device or `/proc/kmsg`; relative
//! locations mean the session's folder from any current directory; a local file that is not
//! there is missing everywhere, fingerprinted or not.
#![cfg(unix)]

mod support;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assess::review::{Filter, counts};
use assess::session::{
    self, Evidence, EvidenceCheck, EvidenceType, Session, Status, check_session, describe_evidence,
    evidence_checks, hash_file, load_session, model_for, save_session,
};
use support::Home;

const WHO: &str = "tester";

fn new_session(home: &Home, title: &str) -> PathBuf {
    let out = home.run(&["new", "--title", title, "--no-open"]);
    assert!(out.status.success(), "{out:?}");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// Adds an entry and cites it from the first requirement (answered Met).
fn cite(session: &mut Session, evidence: Evidence) -> String {
    let requirement = model_for(session).expect("model").index.requirements[0]
        .id
        .clone();
    let id = session.add_evidence(evidence, WHO).expect("add");
    session
        .attach_evidence(&requirement, &id, WHO)
        .expect("attach");
    let _ = session.set_status(&requirement, Status::Met, WHO);
    id
}

/// Waits for a child with a generous deadline (not a timing assertion: a hang never ends).
fn finishes(mut child: Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
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

fn spawn(home: &Home, args: &[&str]) -> Child {
    Command::new(support::binary())
        .args(args)
        .envs(home.env())
        .current_dir(home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn")
}

#[test]
fn hostile_evidence_and_session_entries_never_hang_a_command() {
    let home = Home::new();
    let path = new_session(&home, "Hostile");
    let fifo = home.path().join("pipe.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let mut session = load_session(&path).expect("load");
    for location in ["/proc/kmsg", fifo.to_str().expect("utf-8"), "/dev/zero"] {
        cite(
            &mut session,
            Evidence {
                title: location.into(),
                kind: EvidenceType::Document,
                location: location.into(),
                sha256: Some("sha256:00".into()),
                size: Some(0),
                ..Evidence::default()
            },
        );
    }
    save_session(&path, &session).expect("save");
    symlink("/proc/kmsg", home.sessions().join("kmsg.ron")).expect("link");
    symlink(&fifo, home.sessions().join("fifo.ron")).expect("link");
    let spec = path.display().to_string();
    let report = home.path().join("r.html");
    let report = report.display().to_string();
    for args in [
        vec!["summary", spec.as_str()],
        vec!["doctor", spec.as_str()],
        vec!["report", spec.as_str(), "-o", report.as_str()],
        vec!["list"],
    ] {
        assert!(
            finishes(spawn(&home, &args)),
            "`assess {}` hung",
            args.join(" ")
        );
    }
    let listed = home.run(&["list"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("hostile"), "{listed}");
    assert!(
        !listed.contains("kmsg") && !listed.contains("fifo"),
        "non-regular entries are skipped: {listed}"
    );
    let checks = evidence_checks(&session, &session::base_dir(&path));
    for (id, check) in &checks {
        assert_eq!(
            check,
            &EvidenceCheck::Unreadable("not a regular file".into()),
            "{id}"
        );
    }
    for location in ["/proc/kmsg", "/dev/zero"] {
        let err = describe_evidence(Path::new("/"), "t", EvidenceType::Document, location)
            .expect_err("refused at attach");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
    assert!(hash_file(&fifo).is_err(), "a FIFO is never read");
}

#[test]
fn relative_locations_mean_the_sessions_folder_from_any_directory() {
    let home = Home::new();
    let path = new_session(&home, "Relative");
    let policy = home.sessions().join("policy.txt");
    std::fs::write(&policy, "version 1").expect("policy");
    let decoy_dir = home.path().join("elsewhere");
    std::fs::create_dir_all(&decoy_dir).expect("dir");
    std::fs::write(decoy_dir.join("policy.txt"), "something else").expect("decoy");
    let mut session = load_session(&path).expect("load");
    let evidence = describe_evidence(
        &session::base_dir(&path),
        "Policy",
        EvidenceType::Document,
        "policy.txt",
    )
    .expect("entry");
    assert_eq!(evidence.sha256, Some(hash_file(&policy).expect("hash")));
    cite(&mut session, evidence);
    save_session(&path, &session).expect("save");
    let summary = |cwd: &Path| {
        let out = Command::new(support::binary())
            .args(["summary", "--json", &path.display().to_string()])
            .envs(home.env())
            .current_dir(cwd)
            .output()
            .expect("run");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json["review"]["evidence"]["E1"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(summary(&decoy_dir), "ok", "unchanged, whatever the cwd");
    std::fs::write(&policy, "tampered").expect("tamper");
    std::fs::write(decoy_dir.join("policy.txt"), "version 1").expect("decoy = original");
    assert_eq!(summary(&decoy_dir), "changed", "a tampered file is seen");
}

#[test]
fn a_local_file_that_is_not_there_is_missing_everywhere() {
    let home = Home::new();
    let path = new_session(&home, "Missing");
    let mut session = load_session(&path).expect("load");
    let base = session::base_dir(&path);
    let typo = describe_evidence(&base, "Plan", EvidenceType::Document, "docs/plan-v2.pdf")
        .expect("entry");
    assert_eq!(typo.sha256, None, "nothing to hash");
    let link =
        describe_evidence(&base, "Wiki", EvidenceType::Link, "https://wiki/x").expect("entry");
    let id = cite(&mut session, typo);
    cite(&mut session, link);
    save_session(&path, &session).expect("save");
    let checks = evidence_checks(&session, &base);
    assert_eq!(checks.get(&id), Some(&EvidenceCheck::Missing));
    assert_eq!(checks.len(), 1, "a web address is never checked");
    let model = model_for(&session).expect("model");
    let problems = counts(&model, &session, &checks)
        .into_iter()
        .find(|(f, _)| *f == Filter::EvidenceProblem)
        .map(|(_, n)| n);
    assert_eq!(problems, Some(1), "the review filter counts it");
    assert!(
        check_session(&path)
            .iter()
            .any(|f| f.message.contains("the file is missing")),
        "doctor says it"
    );
    let out = home.run(&["doctor", &path.display().to_string()]);
    assert!(!out.status.success());
}

/// Ticks the app until its file hash is done (a generous deadline: not a timing assertion).
fn until_hashed(app: &mut assess::tui::app::App) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.attaching.is_some() && Instant::now() < deadline {
        app.tick(Instant::now());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(app.attaching.is_none(), "the hash finished");
}

/// The status line of the app drawn at 100×24.
fn status_line(app: &assess::tui::app::App) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .filter(|row| row.contains('%'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_file_is_hashed_off_the_main_thread_with_progress_and_cancel() {
    use assess::tui::app::App;
    let home = Home::new();
    let path = new_session(&home, "Large");
    // Even a small file is hashed on the other thread, as the event loop runs the workbench.
    std::fs::write(home.sessions().join("minutes.md"), "# Minutes\n").expect("write");
    let huge = home.sessions().join("recording.mp4");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1 << 34))
        .expect("sparse 16 GiB");
    let mut app = App::open_with(&home.sessions(), &path, WHO, true).expect("open");
    app.press("e a");
    app.type_text("Minutes");
    app.press("Tab Tab");
    app.type_text("minutes.md");
    app.press("Enter");
    until_hashed(&mut app);
    let session = &app.work.as_ref().expect("work").session;
    let entry = session.evidence.values().next().expect("added");
    let minutes = home.sessions().join("minutes.md");
    assert_eq!(entry.sha256, Some(hash_file(&minutes).expect("hash")));

    // A file too large to hash between two keys: the progress shows, Esc cancels, and
    // nothing of it is recorded, in memory or on disk.
    app.press("a");
    app.type_text("Demo");
    app.press("Tab Tab");
    app.type_text("recording.mp4");
    app.press("Enter");
    assert!(app.attaching.is_some(), "hashing in the background");
    let line = status_line(&app);
    assert!(
        line.contains("hashing recording.mp4 ") && line.contains("% — Esc cancels"),
        "the progress line: {line}"
    );
    app.press("Esc");
    assert!(app.attaching.is_none());
    assert!(app.message.as_deref().unwrap_or("").contains("cancelled"));
    app.after_frame();
    let work = app.work.as_ref().expect("work");
    assert_eq!(work.session.evidence.len(), 1, "only the minutes");
    let saved = load_session(&path).expect("load");
    assert_eq!(saved.evidence.len(), 1, "nothing half-recorded on disk");
    assert!(
        !saved
            .history
            .iter()
            .any(|c| c.new.contains("recording.mp4"))
    );
}

#[test]
fn the_background_check_shows_its_progress_and_esc_cancels_it() {
    use assess::tui::app::App;
    let home = Home::new();
    let path = new_session(&home, "Checked");
    let huge = home.sessions().join("recording.mp4");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1 << 34))
        .expect("sparse 16 GiB");
    let mut session = load_session(&path).expect("load");
    // Recorded as attached (a hash taken earlier): the check must read the whole file.
    let print = (format!("sha256:{}", "0".repeat(64)), 1 << 34);
    let entry = session::evidence_entry(
        "Demo",
        EvidenceType::Recording,
        "recording.mp4",
        Some(print),
    )
    .expect("entry");
    cite(&mut session, entry);
    save_session(&path, &session).expect("save");

    let mut app = App::open_with(&home.sessions(), &path, WHO, true).expect("open");
    assert!(app.work.as_ref().expect("work").checking.is_some());
    let line = status_line(&app);
    assert!(
        line.contains("checking ") && line.contains("% (Esc cancels)"),
        "the progress line: {line}"
    );
    app.press("Esc");
    let work = app.work.as_ref().expect("work");
    assert!(work.checking.is_none(), "the check stopped");
    assert!(
        work.checks.is_empty(),
        "nothing of the cancelled check kept"
    );
    assert!(app.message.as_deref().unwrap_or("").contains("cancelled"));
}

#[test]
fn hashing_reports_progress_and_obeys_a_cancel_flag() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let home = Home::new();
    let file = home.path().join("deck.pdf");
    std::fs::write(&file, vec![7u8; 3 * 1024 * 1024]).expect("write");
    let go = AtomicBool::new(false);
    let mut seen = Vec::new();
    let print = session::fingerprint_progress(home.path(), "deck.pdf", &go, &mut |p| seen.push(p))
        .expect("hash")
        .expect("a local file");
    assert_eq!(print, (hash_file(&file).expect("hash"), 3 * 1024 * 1024));
    assert!(seen.len() > 2, "one report per block: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let last = seen.last().expect("reported");
    assert_eq!(
        (last.done, last.total, last.percent()),
        (3 << 20, 3 << 20, 100)
    );

    // Cancelled from the progress callback after the first block: an error, no hash.
    let stop = AtomicBool::new(false);
    let cancelled = session::fingerprint_progress(home.path(), "deck.pdf", &stop, &mut |p| {
        if p.done > 0 {
            stop.store(true, Ordering::Relaxed);
        }
    });
    let error = cancelled.expect_err("cancelled");
    assert_eq!(error.kind(), std::io::ErrorKind::Interrupted);

    // The register's check: progress over bytes and files, and None once cancelled.
    let mut entry =
        describe_evidence(home.path(), "Deck", EvidenceType::Document, "deck.pdf").expect("entry");
    let register = [("E1".to_string(), entry.clone())].into();
    let mut seen = Vec::new();
    let checks =
        session::register_checks_progress(&register, home.path(), &go, &mut |p| seen.push(p))
            .expect("checks");
    assert_eq!(checks.get("E1"), Some(&EvidenceCheck::Ok));
    let last = seen.last().expect("reported");
    assert_eq!((last.files_done, last.files, last.percent()), (1, 1, 100));
    let stop = AtomicBool::new(false);
    let none = session::register_checks_progress(&register, home.path(), &stop, &mut |p| {
        if p.done > 0 {
            stop.store(true, Ordering::Relaxed);
        }
    });
    assert!(none.is_none(), "a cancelled check gives nothing");
    // With nothing to read, the percentage counts files.
    entry.location = "https://wiki.example/deck".into();
    entry.sha256 = None;
    let register = [("E1".to_string(), entry)].into();
    let mut last = None;
    session::register_checks_progress(&register, home.path(), &go, &mut |p| last = Some(p));
    assert_eq!(last.map(|p| p.percent()), Some(100));
}
